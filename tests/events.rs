//! Event by event: decoded fields against what the real tools printed, what the servers'
//! source says the bytes mean, or frames built here by hand from the documented layout
//! (each says where its expected values come from). These cover the event kinds and
//! fields the fixture sweeps only pass through, and the classes of failure listed in
//! `../shared/design/USER-PAIN.md` that concern reading events (new event types, MariaDB,
//! memory bounds, positions past 4 GiB).

mod common;

use binlogkit::events::{UserVarValue, rows::RowsKind, table_map::OptionalMetadata};
use binlogkit::{BinlogEvent, BinlogReader, ColumnType, Decoder, Error, Event, ReaderOptions};

/// All events of a shared fixture, or `None` when the corpus is absent.
fn shared(path: &str) -> Option<Vec<u8>> {
    let root = common::shared_fixtures()?;
    Some(common::read_binlog(&root.join(path)))
}

fn events(bytes: &[u8]) -> Vec<BinlogEvent<'_>> {
    BinlogReader::new(bytes)
        .expect("magic")
        .collect::<Result<_, _>>()
        .expect("reads cleanly")
}

fn at<'e, 'a>(events: &'e [BinlogEvent<'a>], offset: u64) -> &'e BinlogEvent<'a> {
    events
        .iter()
        .find(|e| e.offset == offset)
        .unwrap_or_else(|| panic!("no event at {offset}"))
}

/// A v4 event frame: 19-byte header (timestamp 0, server id 1, log_pos 0, flags 0),
/// then `body`, no checksum.
fn frame(event_type: u8, body: &[u8]) -> Vec<u8> {
    let size = (19 + body.len()) as u32;
    let mut f = vec![0, 0, 0, 0, event_type, 1, 0, 0, 0];
    f.extend_from_slice(&size.to_le_bytes());
    f.extend_from_slice(&[0; 6]);
    f.extend_from_slice(body);
    f
}

/// A decoder that has read a MySQL 8.0.45 format description with checksums off.
fn mysql8_decoder() -> Decoder {
    // Post-header lengths as a MySQL 8.0.45 server writes them (percona-binlog-server
    // fixture, `data_80045_gtid/binlog.000001`).
    let lens: [u8; 41] = [
        0, 13, 0, 8, 0, 0, 0, 0, 4, 0, 4, 0, 0, 0, 98, 0, 4, 26, 8, 0, 0, 0, 8, 8, 8, 2, 0, 0, 0,
        10, 10, 10, 42, 42, 0, 18, 52, 0, 10, 40, 0,
    ];
    let mut body = 4u16.to_le_bytes().to_vec();
    let mut version = b"8.0.45".to_vec();
    version.resize(50, 0);
    body.extend_from_slice(&version);
    body.extend_from_slice(&0u32.to_le_bytes());
    body.push(19);
    body.extend_from_slice(&lens);
    body.push(0); // checksum algorithm: off
    body.extend_from_slice(&[0; 4]); // the checksum, always written
    let mut decoder = Decoder::new();
    let fde = frame(15, &body);
    decoder.decode(4, &fde).expect("format description");
    decoder
}

#[test]
fn binlog_v1_from_mysql_3_23() {
    // 3.23.32: START (69 bytes = 13 + 56), ROTATE without a position field, STOP
    // (research notes, classic-events.md section 1; the file's own bytes).
    let Some(bytes) =
        shared("mysql/mysql-server-std_data/mysql-test/std_data/@70f619856b/master-bin.001")
    else {
        return;
    };
    let evs = events(&bytes);
    assert_eq!(evs.len(), 3);
    let Event::StartV3(start) = &evs[0].event else {
        panic!("{:?}", evs[0].event)
    };
    assert_eq!(
        (start.binlog_version, start.server_version),
        (1, &b"3.23.32-debug-log"[..])
    );
    assert_eq!(evs[0].raw.len(), 69);
    let Event::Rotate(rotate) = &evs[1].event else {
        panic!()
    };
    assert_eq!(
        (rotate.position, rotate.next_file),
        (4, &b"master-bin.002"[..])
    );
    assert!(matches!(evs[2].event, Event::Stop(_)));
    assert_eq!(evs[2].offset, 100);
}

#[test]
fn binlog_v2_start_event_of_mysql_4_0_0() {
    // mysqlbinlog.result (MySQL 5.6 test suite): "Start: binlog v 2, server v
    // 4.0.0-debug-log created 010619 20:55:55 at startup", then "Stop".
    let Some(bytes) = shared("mysql/mysql-server-std_data/mysql-test/std_data/master-bin.000001")
    else {
        return;
    };
    let evs = events(&bytes);
    let Event::StartV3(start) = &evs[0].event else {
        panic!()
    };
    assert_eq!(start.binlog_version, 2);
    assert_eq!(start.server_version, b"4.0.0-debug-log");
    assert_ne!(start.create_timestamp, 0, "created ... at startup");
    assert_eq!(evs[0].header.server_id, 2);
    assert!(matches!(evs[1].event, Event::Stop(_)));
}

#[test]
fn load_data_events_of_mysql_4_1() {
    // binlog_old_version_4_1.000001: CREATE_FILE at 580 (file id 2, table t3, db test,
    // one field a, a 131072-byte first block), APPEND_BLOCK at 131726 (17664 bytes),
    // EXEC_LOAD at 149413 (classic-events.md 6.2-6.4, checked on the bytes).
    let Some(bytes) = shared(
        "mysql/mysql-server-std_data/mysql-test/suite/binlog/std_data/binlog_old_version_4_1.000001",
    ) else {
        return;
    };
    let evs = events(&bytes);
    let Event::CreateFile(cf) = &at(&evs, 580).event else {
        panic!()
    };
    assert_eq!(cf.file_id, 2);
    assert_eq!(
        (cf.load.table, cf.load.database),
        (&b"t3"[..], &b"test"[..])
    );
    assert_eq!(cf.load.fields, [&b"a"[..]]);
    assert_eq!(cf.block.len(), 131072);
    // LOAD DATA's defaults: fields terminated by tab, lines by newline, escaped by \.
    assert_eq!(
        (
            cf.load.field_term,
            cf.load.enclosed,
            cf.load.line_term,
            cf.load.escaped
        ),
        (&b"\t"[..], &b""[..], &b"\n"[..], &b"\\"[..])
    );
    let Event::AppendBlock(ab) = &at(&evs, 131726).event else {
        panic!()
    };
    assert_eq!((ab.file_id, ab.block.len()), (2, 17664));
    assert!(matches!(at(&evs, 149413).event, Event::ExecLoad(e) if e.file_id == 2));
}

#[test]
fn user_variables_of_every_type() {
    // mysql-cdc-rs 5.7/14_user_var, oracle dump.txt: SET @`val_s`:=_utf8 0x7465737420626C6F67
    // COLLATE `utf8_general_ci` (collation 33), SET @`val_i`:=100, SET @`val_d`:=1.00.
    if let Some(bytes) = shared("mysql/mysql-cdc-rs/tests/events/5.7/14_user_var/log.bin") {
        let evs = events(&bytes);
        let vars: Vec<_> = evs
            .iter()
            .filter_map(|e| match &e.event {
                Event::UserVar(u) => Some((u.name, u.value)),
                _ => None,
            })
            .collect();
        assert_eq!(vars.len(), 3);
        assert_eq!(vars[0].0, b"val_s");
        assert!(
            matches!(vars[0].1, Some(UserVarValue::String { collation: 33, bytes }) if bytes == b"test blog")
        );
        assert!(matches!(vars[1].1, Some(UserVarValue::Int(100))));
        let Some(UserVarValue::Decimal(d)) = vars[2].1 else {
            panic!()
        };
        assert_eq!(d.to_string(), "1.00");
    }
    // MariaDB transactions.bin: an unsigned BIGINT 18446744073709551615, negative -7,
    // REAL 1500, DECIMAL 12.50 and a NULL (classic-events.md section 4).
    if let Some(bytes) = shared("mariadb/transactions.bin") {
        let evs = events(&bytes);
        let values: Vec<_> = evs
            .iter()
            .filter_map(|e| match &e.event {
                Event::UserVar(u) => Some(u.value),
                _ => None,
            })
            .collect();
        assert!(
            values
                .iter()
                .any(|v| matches!(v, Some(UserVarValue::UInt(u64::MAX))))
        );
        assert!(
            values
                .iter()
                .any(|v| matches!(v, Some(UserVarValue::Int(-7))))
        );
        assert!(
            values
                .iter()
                .any(|v| matches!(v, Some(UserVarValue::Real(r)) if *r == 1500.0))
        );
        assert!(
            values
                .iter()
                .any(|v| matches!(v, Some(UserVarValue::Decimal(d)) if d.to_string() == "12.50"))
        );
        assert!(values.iter().any(Option::is_none));
    }
}

#[test]
fn query_status_variables_of_mysql_8() {
    // DockerDataMySQL/binlog.000003 at 236 (8.2.0): Q_UPDATED_DB_NAMES ["newnw"],
    // Q_DDL_LOGGED_WITH_XID, Q_DEFAULT_COLLATION_FOR_UTF8MB4 255,
    // Q_DEFAULT_TABLE_ENCRYPTION 0 (classic-events.md 3.3, read from the bytes).
    let Some(bytes) = shared("mysql/DockerDataMySQL/binlog.000003") else {
        return;
    };
    let evs = events(&bytes);
    let Event::Query(q) = &at(&evs, 236).event else {
        panic!()
    };
    let names: Vec<&[u8]> = q
        .status
        .updated_db_names()
        .expect("db names")
        .iter()
        .collect();
    assert_eq!(names, [&b"newnw"[..]]);
    assert!(q.status.ddl_xid().is_some());
    assert_eq!(q.status.default_collation_for_utf8mb4(), Some(255));
    assert_eq!(q.status.default_table_encryption(), Some(0));
    assert_eq!(q.status.catalog(), Some(&b"std"[..]));
    assert!(q.status.unknown().is_none());
}

#[test]
fn an_unknown_status_variable_keeps_the_rest_and_the_statement() {
    // A QUERY whose status block holds flags2 then an unknown code 99 and two bytes:
    // the statement still decodes, the unknown part is kept whole.
    let mut body = Vec::new();
    body.extend_from_slice(&7u32.to_le_bytes()); // thread id
    body.extend_from_slice(&0u32.to_le_bytes()); // exec time
    body.push(2); // db length
    body.extend_from_slice(&0u16.to_le_bytes()); // error code
    let status = [0u8, 1, 0, 0, 0, 99, 0xaa, 0xbb];
    body.extend_from_slice(&(status.len() as u16).to_le_bytes());
    body.extend_from_slice(&status);
    body.extend_from_slice(b"db\0SELECT 1");
    let mut decoder = mysql8_decoder();
    let f = frame(2, &body);
    let ev = decoder.decode(200, &f).expect("decodes");
    let Event::Query(q) = ev.event else { panic!() };
    assert_eq!(q.status.flags2(), Some(1));
    assert_eq!(q.status.unknown(), Some((99, &[0xaa, 0xbb][..])));
    assert_eq!((q.database, &q.query[..]), (&b"db"[..], &b"SELECT 1"[..]));
    assert_eq!(q.thread_id, 7);
}

#[test]
fn mysql_8_gtid_with_every_field() {
    // percona-binlog-server data_80045_gtid/binlog.000001 at 365 (gtid-events.md 1):
    // rbr_only, gno 2, last_committed 1, sequence_number 2, immediate = original commit
    // timestamp 1773162714363161, transaction_length 277 (= 642 - 365), server 80045.
    let Some(bytes) = shared("mysql/percona-binlog-server/data_80045_gtid/binlog.000001") else {
        return;
    };
    let evs = events(&bytes);
    let Event::Gtid(g) = &at(&evs, 365).event else {
        panic!()
    };
    assert!(g.is_rbr_only());
    assert_eq!(
        g.gtid().expect("a GTID").to_string(),
        "396e294c-1ca4-11f1-9ae7-00155da79c6b:2"
    );
    assert_eq!((g.last_committed, g.sequence_number), (Some(1), Some(2)));
    assert_eq!(g.immediate_commit_timestamp, Some(1_773_162_714_363_161));
    assert_eq!(g.original_commit_timestamp, g.immediate_commit_timestamp);
    assert_eq!(g.transaction_length, Some(277));
    assert_eq!(g.transaction_length, Some(at(&evs, 642).offset - 365));
    assert_eq!(
        (g.immediate_server_version, g.original_server_version),
        (Some(80045), Some(80045))
    );
    assert_eq!(g.commit_group_ticket, None);
    #[cfg(feature = "chrono")]
    assert_eq!(
        g.immediate_commit_time().map(|t| t.to_rfc3339()),
        Some("2026-03-10T17:11:54.363161+00:00".to_owned())
    );
}

#[test]
fn tagged_gtid_of_mysql_9() {
    // binlog_transaction_with_GTID_TAG.000001 (9.6.0) at 245, decoded by hand from the
    // mysql::serialization bytes (gtid-events.md 2c): 55778904-0299-11f1-b1b8-4ef0c4956feb,
    // tag mytag, gno 3, last_committed 0, sequence_number 1, immediate commit timestamp
    // 1770368687207196, transaction_length 296 (the Rotate follows at 541), server 90600.
    let Some(bytes) =
        shared("mysql/rust_mysql_common/test-data/binlogs/binlog_transaction_with_GTID_TAG.000001")
    else {
        return;
    };
    let evs = events(&bytes);
    let Event::Gtid(g) = &at(&evs, 245).event else {
        panic!()
    };
    assert_eq!(g.tag, Some("mytag"));
    assert_eq!(
        g.gtid().expect("gtid").to_string(),
        "55778904-0299-11f1-b1b8-4ef0c4956feb:mytag:3"
    );
    assert_eq!((g.last_committed, g.sequence_number), (Some(0), Some(1)));
    assert_eq!(g.immediate_commit_timestamp, Some(1_770_368_687_207_196));
    assert_eq!(g.original_commit_timestamp, g.immediate_commit_timestamp);
    assert_eq!(g.transaction_length, Some(296));
    assert_eq!(g.immediate_server_version, Some(90600));
    assert!(g.is_rbr_only());
    // The Previous_gtids at 127 is in the tagged format.
    let Event::PreviousGtids(p) = &at(&evs, 127).event else {
        panic!()
    };
    assert!(p.tagged);
    assert_eq!(
        p.gtid_set().to_string(),
        "55778904-0299-11f1-b1b8-4ef0c4956feb:1-13:mytag:1-2"
    );
}

#[test]
fn mariadb_gtids_xa_thread_id_and_gtid_list() {
    // transactions.bin (10.11): GTID_LIST at 256 holds 0-1-739 (gtid-events.md 4);
    // an XA PREPARE GTID (flags 0x4c) carries XID 'xa1' with format id 1
    // (rows-tablemap-mariadb.md 4.3).
    if let Some(bytes) = shared("mariadb/transactions.bin") {
        let evs = events(&bytes);
        let Event::MariadbGtidList(list) = &at(&evs, 256).event else {
            panic!()
        };
        assert_eq!(list.gtid_list().to_string(), "0-1-739");
        let prepared: Vec<_> = evs
            .iter()
            .filter_map(|e| match &e.event {
                Event::MariadbGtid(g) if g.flags & 0x40 != 0 => Some(*g),
                _ => None,
            })
            .collect();
        assert!(!prepared.is_empty());
        let xid = prepared[0].xid.expect("an XA id");
        assert_eq!(
            (xid.format_id, xid.gtrid, xid.bqual),
            (1, &b"xa1"[..], &b""[..])
        );
        assert!(evs.iter().any(|e| matches!(&e.event,
            Event::MariadbGtid(g) if g.xid.is_some_and(|x| x.bqual == b"branch-2"))));
    }
    // mariadb-repl-bin.000002 (11.8.5): extra flag 0x10 and thread id 170; log_pos 0
    // inside transactions, real offsets all the same.
    if let Some(bytes) =
        shared("mysql/mariadb-poc/mariadb-binlog/binlogs/domain_id_0/mariadb-repl-bin.000002")
    {
        let evs = events(&bytes);
        assert!(evs.iter().any(|e| matches!(&e.event,
            Event::MariadbGtid(g) if g.thread_id == Some(170) && g.flags_extra == 0x10)));
        let zero_log_pos = evs.iter().filter(|e| e.header.log_pos == 0).count();
        assert!(zero_log_pos > 10_000, "{zero_log_pos}");
        for pair in evs.windows(2) {
            assert_eq!(pair[0].end_offset(), pair[1].offset);
        }
    }
}

#[test]
fn mariadb_compressed_events() {
    // compressed.bin (log_bin_compress=ON): QUERY_COMPRESSED at 783 in db binlog_types
    // inflates to a 381-byte CREATE TABLE t_int; UPDATE_ROWS_COMPRESSED_V1 at 2663 has 14
    // columns (rows-tablemap-mariadb.md 4.6, decompressed with Python's zlib).
    let Some(bytes) = shared("mariadb/compressed.bin") else {
        return;
    };
    let evs = events(&bytes);
    let Event::Query(q) = &at(&evs, 783).event else {
        panic!()
    };
    assert!(q.compressed);
    assert_eq!(q.database, b"binlog_types");
    assert_eq!(q.query.len(), 381);
    assert!(q.query.starts_with(b"CREATE TABLE t_int ("));
    let Event::Rows(r) = &at(&evs, 2663).event else {
        panic!()
    };
    assert!(r.compressed);
    assert_eq!(
        (r.kind, r.version, r.column_count),
        (RowsKind::Update, 1, 14)
    );
    assert_eq!(at(&evs, 2663).event.kind(), "update_rows");
}

#[test]
fn table_map_optional_metadata() {
    // vector.binlog (MySQL 9.0.1), TABLE_MAP at 1170 (rows-tablemap-mariadb.md 2.1):
    // dtb.bar, table id 87, LONGLONG UNSIGNED, VECTOR(2), TEXT, VECTOR(4), names id,
    // vector_column, foo, vector_column2, primary key (id), all visible.
    if let Some(bytes) = shared("mysql/rust_mysql_common/test-data/binlogs/vector.binlog") {
        let evs = events(&bytes);
        let Event::TableMap(map) = &at(&evs, 1170).event else {
            panic!()
        };
        assert_eq!(
            (map.table_id, map.database, map.table),
            (87, &b"dtb"[..], &b"bar"[..])
        );
        let schema = binlogkit::TableSchema::from_table_map(map, 1170, false).expect("schema");
        assert_eq!(
            schema.column_names().expect("names"),
            ["id", "vector_column", "foo", "vector_column2"]
        );
        let types: Vec<ColumnType> = schema.columns.iter().map(|c| c.column_type).collect();
        assert_eq!(
            types,
            [
                ColumnType::LONGLONG,
                ColumnType::VECTOR,
                ColumnType::BLOB,
                ColumnType::VECTOR
            ]
        );
        assert_eq!(schema.columns[0].unsigned, Some(true));
        assert_eq!(schema.columns[1].vector_dimensions, Some(2));
        assert_eq!(schema.columns[3].vector_dimensions, Some(4));
        // VECTOR counts as a character column in MySQL 9: the TEXT column is index 1.
        assert_eq!(schema.columns[2].charset, Some(255));
        assert_eq!(schema.columns[1].charset, Some(63));
        assert_eq!(schema.primary_key, Some(vec![(0, 0)]));
        assert!(schema.columns.iter().all(|c| c.visible == Some(true)));
        assert_eq!(
            (schema.columns[2].nullable, schema.columns[0].nullable),
            (true, false)
        );
        let fields: Vec<_> = map
            .optional_metadata()
            .collect::<Result<_, _>>()
            .expect("fields");
        assert!(
            fields
                .iter()
                .any(|f| matches!(f, OptionalMetadata::VectorDimensionality(_)))
        );
    }
    // types-row.bin (MariaDB 10.11), t_mariadb: INET6, INET4 and UUID are BINARY(16),
    // BINARY(4), BINARY(16); 141 VARCHAR COMPRESSED; 140 BLOB/TEXT COMPRESSED; collations
    // 63 except vc_comp and t_comp (45), GEOMETRY-free (rows-tablemap-mariadb.md 6).
    if let Some(bytes) = shared("mariadb/types-row.bin") {
        let evs = events(&bytes);
        let Event::TableMap(map) = &at(&evs, 2194174).event else {
            panic!()
        };
        let schema = binlogkit::TableSchema::from_table_map(map, 0, true).expect("schema");
        assert_eq!(schema.table, "t_mariadb");
        let names = schema.column_names().expect("names");
        assert_eq!(
            names,
            ["id", "ip6", "ip4", "u", "vc_comp", "b_comp", "t_comp"]
        );
        let types: Vec<u8> = schema.columns.iter().map(|c| c.column_type.0).collect();
        assert_eq!(types, [3, 254, 254, 254, 141, 140, 140]);
        let charsets: Vec<Option<u16>> = schema.columns.iter().map(|c| c.charset).collect();
        assert_eq!(
            charsets,
            [
                None,
                Some(63),
                Some(63),
                Some(63),
                Some(45),
                Some(63),
                Some(45)
            ]
        );
        assert_eq!(schema.columns[1].metadata, 0xfe10);
        assert_eq!(schema.columns[4].metadata, 4001);
    }
    // mysql-enum-string-set.000001 (8.0.28): SET [one,two,three,four], ENUM
    // [var1,variant2,foo] (rows-tablemap-mariadb.md 2.1).
    if let Some(bytes) =
        shared("mysql/rust_mysql_common/test-data/binlogs/mysql-enum-string-set.000001")
    {
        let evs = events(&bytes);
        let map = evs
            .iter()
            .find_map(|e| match &e.event {
                Event::TableMap(m) => Some(*m),
                _ => None,
            })
            .expect("a table map");
        let schema = binlogkit::TableSchema::from_table_map(&map, 0, false).expect("schema");
        let members = |t: ColumnType| -> Vec<Vec<u8>> {
            let col = schema
                .columns
                .iter()
                .find(|c| c.real_type == t)
                .expect("column");
            col.members
                .clone()
                .expect("members")
                .iter()
                .map(|m| m.to_vec())
                .collect()
        };
        assert_eq!(
            members(ColumnType::SET),
            [
                b"one".to_vec(),
                b"two".to_vec(),
                b"three".to_vec(),
                b"four".to_vec()
            ]
        );
        assert_eq!(
            members(ColumnType::ENUM),
            [b"var1".to_vec(), b"variant2".to_vec(), b"foo".to_vec()]
        );
    }
}

#[test]
fn development_tree_event_numbers() {
    // ver_5_1-wl2325_r.001 (5.2.2-a_drop6p13) writes TABLE_MAP as code 16 with a 4-byte
    // table id, and its rows events as 17-19 (rows-tablemap-mariadb.md 1.1).
    let Some(bytes) =
        shared("mysql/mysql-server-std_data/mysql-test/suite/binlog/std_data/ver_5_1-wl2325_r.001")
    else {
        return;
    };
    let evs = events(&bytes);
    let Event::TableMap(map) = &at(&evs, 428).event else {
        panic!("{:?}", at(&evs, 428).event)
    };
    assert_eq!(at(&evs, 428).header.event_type.0, 16);
    assert_eq!(
        (map.table_id, map.database, map.table),
        (0, &b"test"[..], &b"t1"[..])
    );
    assert!(map.without_metadata);
    assert!(
        evs.iter()
            .any(|e| matches!(&e.event, Event::Rows(r) if r.version == 0))
    );
}

#[test]
fn relay_log_with_several_format_descriptions() {
    // A 5.0 relay log: the replica's format description, the Rotate it made up
    // (timestamp 0, log_pos 0; 5.0 did not have the artificial flag yet), the source's
    // format description, then the source's events, whose log_pos are positions in the
    // source's binlog, not in this file (the query at 236 ends at 188 there).
    let Some(bytes) =
        shared("mysql/mysql-server-std_data/mysql-test/std_data/bug33029-slave-relay-bin.000001")
    else {
        return;
    };
    let evs = events(&bytes);
    let fdes = evs
        .iter()
        .filter(|e| matches!(e.event, Event::FormatDescription(_)))
        .count();
    assert!(fdes >= 2, "{fdes}");
    let rotate = at(&evs, 98);
    assert!(
        matches!(rotate.event, Event::Rotate(r) if r.next_file == b"master-bin.000001" && r.position == 4)
    );
    assert_eq!((rotate.header.timestamp, rotate.header.log_pos), (0, 0));
    assert!(matches!(at(&evs, 142).event, Event::FormatDescription(_)));
    let query = at(&evs, 236);
    assert!(matches!(query.event, Event::Query(_)));
    assert_eq!((query.header.log_pos, query.end_offset()), (188, 326));
}

#[test]
fn in_use_flag_is_masked_for_the_checksum() {
    // MySqlCdc sample (5.7.23): the FDE has the in-use flag set; its CRC is the one
    // computed with the flag clear (classic-events.md 2.4).
    let Some(bytes) = shared("mysql/MySqlCdc/samples/MySqlCdc.Sample/mysql-bin.000001") else {
        return;
    };
    let evs = events(&bytes);
    assert!(
        evs[0]
            .header
            .flags
            .contains(binlogkit::EventFlags::BINLOG_IN_USE)
    );
    assert!(evs[0].checksum.is_some());
}

#[test]
fn incident_event() {
    // bug40482-bin.000001 at 106: a deliberately invalid incident number 0x42 with an
    // empty message (classic-events.md 5).
    let Some(bytes) = shared("mysql/mysql-server-std_data/mysql-test/std_data/bug40482-bin.000001")
    else {
        return;
    };
    let evs = events(&bytes);
    assert!(
        matches!(at(&evs, 106).event, Event::Incident(i) if i.incident == 0x42 && i.message.is_empty())
    );
}

#[test]
fn heartbeats_v1_and_v2() {
    // HEARTBEAT_V2 as MySQL's Heartbeat::encode writes it (gtid-events.md 7):
    // 01 0d "binlog.000001" 02 01 9d 00 is file binlog.000001, position 157. A position
    // past 4 GiB takes a 9-byte packed integer.
    let mut decoder = mysql8_decoder();
    let mut body = vec![1, 13];
    body.extend_from_slice(b"binlog.000001");
    body.extend_from_slice(&[2, 1, 0x9d, 0]);
    let f = frame(41, &body);
    let ev = decoder.decode(0, &f).expect("heartbeat v2");
    let Event::HeartbeatV2(h) = ev.event else {
        panic!()
    };
    assert_eq!(
        (h.log_file, h.log_position),
        (Some(&b"binlog.000001"[..]), Some(157))
    );
    let mut body = vec![2, 9, 0xfe];
    body.extend_from_slice(&(5u64 << 32).to_le_bytes());
    body.push(0);
    let f = frame(41, &body);
    let Event::HeartbeatV2(h) = decoder.decode(0, &f).expect("v2").event else {
        panic!()
    };
    assert_eq!(h.log_position, Some(5 << 32));
    // HEARTBEAT (27): the file name is the body.
    let f = frame(27, b"binlog.000002");
    assert!(matches!(decoder.decode(0, &f).expect("v1").event,
        Event::Heartbeat(h) if h.log_file == b"binlog.000002"));
}

#[test]
fn group_replication_and_xa_prepare_events() {
    let mut decoder = mysql8_decoder();
    // XA_PREPARE (38), control_events.cpp: one_phase, format id, gtrid and bqual lengths
    // (4 bytes each), data.
    let mut body = vec![0];
    body.extend_from_slice(&1u32.to_le_bytes());
    body.extend_from_slice(&3u32.to_le_bytes());
    body.extend_from_slice(&2u32.to_le_bytes());
    body.extend_from_slice(b"trxbq");
    let f = frame(38, &body);
    let Event::XaPrepare(x) = decoder.decode(0, &f).expect("xa").event else {
        panic!()
    };
    assert!(!x.one_phase);
    assert_eq!(
        (x.xid.format_id, x.xid.gtrid, x.xid.bqual),
        (1, &b"trx"[..], &b"bq"[..])
    );
    // A gtrid over 64 bytes is malformed, not a 4 GB read.
    let mut bad = body.clone();
    bad[5..9].copy_from_slice(&u32::MAX.to_le_bytes());
    let f = frame(38, &bad);
    assert!(matches!(
        decoder.decode(77, &f),
        Err(Error::Malformed { offset: 77, .. })
    ));

    // VIEW_CHANGE (37): view id (40, NUL-padded), seq number, entry count; then
    // entries of key (2-byte length) and value (4-byte length).
    let mut body = b"16:1".to_vec();
    body.resize(40, 0);
    body.extend_from_slice(&9u64.to_le_bytes());
    body.extend_from_slice(&1u32.to_le_bytes());
    body.extend_from_slice(&1u16.to_le_bytes());
    body.push(b'k');
    body.extend_from_slice(&2u32.to_le_bytes());
    body.extend_from_slice(b"vv");
    let f = frame(37, &body);
    let Event::ViewChange(v) = decoder.decode(0, &f).expect("view").event else {
        panic!()
    };
    assert_eq!((v.view_id, v.seq_number), (&b"16:1"[..], 9));
    assert_eq!(v.certification_info, [(&b"k"[..], &b"vv"[..])]);

    // TRANSACTION_CONTEXT (36): uuid length, thread id, gtid specified, snapshot length,
    // write and read set counts; then the uuid, snapshot, sets.
    let uuid = b"3e11fa47-71ca-11e1-9e33-c80aa9429562";
    let mut body = vec![uuid.len() as u8];
    body.extend_from_slice(&42u32.to_le_bytes());
    body.push(1);
    body.extend_from_slice(&0u32.to_le_bytes());
    body.extend_from_slice(&1u32.to_le_bytes());
    body.extend_from_slice(&0u32.to_le_bytes());
    body.extend_from_slice(uuid);
    body.extend_from_slice(&3u16.to_le_bytes());
    body.extend_from_slice(b"abc");
    let f = frame(36, &body);
    let Event::TransactionContext(t) = decoder.decode(0, &f).expect("context").event else {
        panic!()
    };
    assert_eq!(
        (t.server_uuid, t.thread_id, t.gtid_specified),
        (&uuid[..], 42, true)
    );
    assert_eq!(t.write_set, [&b"abc"[..]]);
    // A write set count of 4 billion in a short event is an error, not an allocation.
    let mut bad = body.clone();
    bad[10..14].copy_from_slice(&u32::MAX.to_le_bytes());
    assert!(decoder.decode(0, &frame(36, &bad)).is_err());
}

#[test]
fn transaction_payload_is_bounded_by_its_declared_size_and_the_limit() {
    // transaction_compression.000001 (8.0.32): the payload at 274 declares 179 bytes and
    // holds Query, Table_map, Write_rows, Xid (gtid-events.md 6).
    let Some(bytes) =
        shared("mysql/rust_mysql_common/test-data/binlogs/transaction_compression.000001")
    else {
        return;
    };
    let inner_kinds = |options: ReaderOptions| -> Result<Vec<(&'static str, u64)>, Error> {
        let mut reader = BinlogReader::with_options(&bytes, options)?;
        let mut out = vec![];
        while let Some(ev) = reader.next_event()? {
            let mut inner = reader.decoder_mut().payload_events(&ev)?;
            while let Some(e) = inner.next_event()? {
                assert_eq!(e.offset, 274);
                assert!(e.checksum.is_none());
                out.push((e.event.kind(), e.payload_offset.unwrap_or(u64::MAX)));
            }
        }
        Ok(out)
    };
    let kinds = inner_kinds(ReaderOptions::new()).expect("decodes");
    assert_eq!(
        kinds.iter().map(|k| k.0).collect::<Vec<_>>(),
        ["query", "table_map", "write_rows", "xid"]
    );
    // Inner offsets: sizes 71, 45, 36, 27.
    assert_eq!(
        kinds.iter().map(|k| k.1).collect::<Vec<_>>(),
        [0, 71, 116, 152]
    );
    let err = inner_kinds(ReaderOptions::new().max_payload_size(100)).expect_err("over the limit");
    assert!(
        matches!(err, Error::Decompress { offset: 274, .. }),
        "{err}"
    );

    // The declared size, lowered in a copy (with its checksum off), bounds the output.
    let mut lying = bytes.clone();
    let fde_alg = 4 + 0x7a - 5; // the FDE's checksum algorithm byte
    assert_eq!(lying[fde_alg], 1);
    let body = 274 + 19;
    assert_eq!(&lying[body..body + 6], &[2, 1, 0, 3, 1, 0xb3]);
    lying[body + 5] = 100;
    let err = BinlogReader::with_options(&lying, ReaderOptions::new().verify_checksums(false))
        .and_then(|mut r| {
            while let Some(ev) = r.next_event()? {
                let mut inner = r.decoder_mut().payload_events(&ev)?;
                while inner.next_event()?.is_some() {}
            }
            Ok(())
        })
        .expect_err("the payload exceeds its declared size");
    assert!(matches!(err, Error::Decompress { .. }), "{err}");
}

#[test]
fn offsets_past_4_gib_are_kept() {
    // MySQL's log_pos is 32 bits; the decoder's offsets are 64 (USER-PAIN 1: go-mysql
    // #1068). An event decoded at offset 5 GiB keeps it, and so does its end.
    let mut decoder = mysql8_decoder();
    let f = frame(16, &42u64.to_le_bytes());
    let ev = decoder.decode(5 << 30, &f).expect("xid");
    assert_eq!(ev.offset, 5 << 30);
    assert_eq!(ev.end_offset(), (5 << 30) + f.len() as u64);
}

#[test]
fn malformed_events_name_offset_type_and_byte() {
    // A ROTATE too short for its 8-byte position: Malformed at the event's offset,
    // naming the event type and the byte where decoding stopped.
    let mut decoder = mysql8_decoder();
    let f = frame(4, &[1, 2, 3]);
    let err = decoder.decode(1234, &f).expect_err("short");
    let Error::Malformed {
        offset,
        event_type,
        at,
        ..
    } = &err
    else {
        panic!("{err}")
    };
    assert_eq!(
        (*offset, *event_type, *at),
        (1234, binlogkit::EventType::ROTATE_EVENT, Some(19))
    );
    let text = err.to_string();
    assert!(text.contains("1234") && text.contains("Rotate"), "{text}");
    // The error type is 'static + Send + Sync.
    fn assert_bounds<T: std::error::Error + Send + Sync + 'static>(_: &T) {}
    assert_bounds(&err);
    // An event of a type nobody knows is kept, not an error.
    let f = frame(222, b"whatever");
    assert!(matches!(decoder.decode(0, &f).expect("kept").event,
        Event::Unknown(u) if u.body == b"whatever"));
}

#[test]
fn event_values_stay_small() {
    // Events are moved through iterators by value: keep them compact (the row bytes,
    // statement text and metadata stay borrowed).
    let size = std::mem::size_of::<BinlogEvent<'static>>();
    eprintln!(
        "BinlogEvent: {size} bytes, Event: {}",
        std::mem::size_of::<Event<'static>>()
    );
    assert!(size <= 512, "{size}");
}
