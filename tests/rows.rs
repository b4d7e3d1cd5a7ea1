//! Row events decoded to values, on every real binlog: every row of every row event
//! (those inside TRANSACTION_PAYLOADs too) decodes with zero errors, and values equal
//! what the servers stored (expected values from the statements that wrote them, the
//! research notes' byte-level decodes, or mariadb-binlog's output).
//!
//! Five files need what only the table definition says; their tests supply it the way a
//! caller would, from the CREATE TABLE statements in the files themselves
//! ([`TableHints`]):
//! - MySQL 5.1 pre-GA row events (`ver_5_1-telco.001`, `ver_5_1-wl2325_r.001`,
//!   `bug32407.001`): their TABLE_MAPs have no metadata, and images start with MyISAM's
//!   null bytes;
//! - MariaDB legacy hi-res temporal columns (`temporal-legacy.bin`, tiflow's MariaDB
//!   10.0.17 file): the fractional digits are not in the binlog, the sizes depend on them.

mod common;

use std::path::Path;

use binlogkit::rows::{Row, RowChange};
use binlogkit::value::{IntValue, Value};
use binlogkit::{BinlogEvent, BinlogReader, ColumnHint, Decoder, Error, Event, TableHints};

/// The hints a caller who knows these tables' definitions would give.
fn hints_for(path: &Path, decoder: &mut Decoder) {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let tables = decoder.tables_mut();
    let col = |h: ColumnHint| h;
    match name {
        // CREATE TABLE t1 (a int, b char(50)) ENGINE = MyISAM: one null byte (MyISAM's
        // deleted-row bit 0, then a and b), b is CHAR(50) latin1 (STRING, length 50).
        "ver_5_1-telco.001" | "ver_5_1-wl2325_r.001" => tables.set_hints(
            "test",
            "t1",
            TableHints {
                columns: vec![
                    col(ColumnHint {
                        engine_null_bit: Some(1),
                        ..Default::default()
                    }),
                    col(ColumnHint {
                        engine_null_bit: Some(2),
                        metadata: Some(0xfe00 | 50),
                        ..Default::default()
                    }),
                ],
                engine_null_bytes: Some(1),
            },
        ),
        // create table t1 (a int) engine= myisam
        "bug32407.001" => tables.set_hints(
            "test",
            "t1",
            TableHints {
                columns: vec![ColumnHint {
                    engine_null_bit: Some(1),
                    ..Default::default()
                }],
                engine_null_bytes: Some(1),
            },
        ),
        // id INT, then TIME, TIME(3), TIME(6), DATETIME, DATETIME(3), DATETIME(6),
        // TIMESTAMP, TIMESTAMP(3), TIMESTAMP(6), all in MariaDB's legacy format.
        "temporal-legacy.bin" => {
            let mut columns = vec![ColumnHint::default()];
            for fsp in [0, 3, 6, 0, 3, 6, 0, 3, 6] {
                columns.push(ColumnHint {
                    legacy_fsp: Some(fsp),
                    ..Default::default()
                });
            }
            tables.set_hints(
                "binlog_legacy",
                "t_temporal_legacy",
                TableHints {
                    columns,
                    ..Default::default()
                },
            );
        }
        // MariaDB 10.0.17: create table t(id int primary key, d timestamp(3)), t1 and t3
        // timestamp, t2, t4 and t6 timestamp(4), t5 timestamp(1).
        "mysql-bin.000001" if path.to_string_lossy().contains("tiflow") => {
            for (table, fsp) in [
                ("t", 3),
                ("t1", 0),
                ("t2", 4),
                ("t3", 0),
                ("t4", 4),
                ("t5", 1),
                ("t6", 4),
            ] {
                tables.set_hints(
                    "steven",
                    table,
                    TableHints {
                        columns: vec![
                            ColumnHint::default(),
                            ColumnHint {
                                legacy_fsp: Some(fsp),
                                ..Default::default()
                            },
                        ],
                        ..Default::default()
                    },
                );
            }
        }
        _ => {}
    }
}

/// Decodes every value of every row of `event`; returns (rows, values).
fn decode_all(
    event: &BinlogEvent<'_>,
    tables: &binlogkit::TableMapCache,
) -> Result<(usize, usize), String> {
    let Event::Rows(rows) = &event.event else {
        return Ok((0, 0));
    };
    let schema = tables.get(rows.table_id).ok_or_else(|| {
        format!(
            "no table map for table id {} at {}",
            rows.table_id, event.offset
        )
    })?;
    let (mut n_rows, mut n_values) = (0, 0);
    for change in rows.rows(schema) {
        let change = change.map_err(|e| e.to_string())?;
        n_rows += 1;
        let images: Vec<&Row<'_, '_>> = match &change {
            RowChange::Insert(r) | RowChange::Delete(r) => vec![r],
            RowChange::Update { before, after } => vec![before, after],
        };
        for image in images {
            for v in image.values() {
                let (_, value) = v.map_err(|e| format!("at {}: {e}", event.offset))?;
                if let Value::String(s) = &value {
                    s.bytes().map_err(|e| format!("at {}: {e}", event.offset))?;
                }
                n_values += 1;
            }
        }
    }
    Ok((n_rows, n_values))
}

#[test]
fn every_row_of_every_fixture_decodes() {
    let mut files = vec![common::project_fixtures().join("demo.bin")];
    if let Some(root) = common::shared_fixtures() {
        files.extend(common::shared_binlogs(&root));
    }
    let (mut rows, mut values, mut events, mut inner_rows) = (0usize, 0usize, 0usize, 0usize);
    for path in &files {
        let bytes = common::read_binlog(path);
        let Ok(mut reader) = BinlogReader::new(&bytes) else {
            continue;
        };
        hints_for(path, reader.decoder_mut());
        loop {
            let ev = match reader.next_event() {
                Ok(Some(ev)) => ev,
                Ok(None) => break,
                // The broken files' own errors are the reader tests' business.
                Err(_) => break,
            };
            if let Event::Rows(_) = ev.event {
                events += 1;
            }
            let (r, v) = decode_all(&ev, reader.tables())
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            rows += r;
            values += v;
            if let Event::TransactionPayload(_) = ev.event {
                let mut inner = reader.decoder_mut().payload_events(&ev).expect("payload");
                while let Some(e) = inner.next_event().expect("inner event") {
                    let (r, v) = decode_all(&e, e.tables())
                        .unwrap_or_else(|err| panic!("{}: {err}", path.display()));
                    inner_rows += r;
                    values += v;
                }
            }
        }
    }
    eprintln!(
        "{} files: {events} row events, {rows} rows (+{inner_rows} inside payloads), {values} values, 0 errors",
        files.len()
    );
    assert!(rows > 200_000 || common::shared_fixtures().is_none());
}

/// The decoded images of the rows event at `offset` of `path`, as (before, after) lists of
/// (column, value text) pairs, `value text` from a short rendering for comparisons.
fn images_at(path: &Path, offset: u64) -> Vec<Vec<(usize, String)>> {
    let bytes = common::read_binlog(path);
    let mut reader = BinlogReader::new(&bytes).expect("magic");
    hints_for(path, reader.decoder_mut());
    while let Some(ev) = reader.next_event().expect("clean") {
        if ev.offset != offset {
            continue;
        }
        let Event::Rows(rows) = &ev.event else {
            panic!("not a rows event")
        };
        let schema = reader.tables().get(rows.table_id).expect("table map");
        let mut out = vec![];
        for change in rows.rows(schema) {
            let change = change.expect("row");
            let imgs: Vec<Row<'_, '_>> = match change {
                RowChange::Insert(r) | RowChange::Delete(r) => vec![r],
                RowChange::Update { before, after } => vec![before, after],
            };
            for img in imgs {
                out.push(
                    img.values()
                        .map(|v| v.expect("value"))
                        .map(|(i, v)| (i + 1, short(&v)))
                        .collect(),
                );
            }
        }
        return out;
    }
    panic!("no event at {offset}");
}

fn short(v: &Value<'_>) -> String {
    match v {
        Value::Null => "NULL".into(),
        Value::Int(i) => match i.value() {
            IntValue::Signed(x) => x.to_string(),
            IntValue::Unsigned(x) => x.to_string(),
        },
        Value::Year(y) => y.to_string(),
        Value::Decimal(d) => d.to_string(),
        Value::Date(d) => d.to_string(),
        Value::Time(t) => t.to_string(),
        Value::DateTime(d) => d.to_string(),
        Value::Timestamp(t) => format!("{} ({}.{:06})", t, t.seconds, t.micros),
        Value::String(s) => String::from_utf8_lossy(&s.bytes().expect("bytes")).into_owned(),
        Value::Bit(b) => format!("b{}", b.value()),
        Value::Enum(e) => format!("enum {e}"),
        Value::Set(s) => format!("set {s:#x}"),
        other => format!("{other:?}"),
    }
}

fn pairs(items: &[(usize, &str)]) -> Vec<(usize, String)> {
    items.iter().map(|(i, s)| (*i, (*s).to_owned())).collect()
}

#[test]
fn pre_ga_rows_with_the_table_definition() {
    // ver_5_1-telco.001 (rows-values notes 1.6): (0,'one'), (1,'two'); then an update
    // (0,'one') -> (1,'one'), (1,'two') -> (2,'two'); then a delete of (2,'two').
    let Some(root) = common::shared_fixtures() else {
        return;
    };
    let f =
        root.join("mysql/mysql-server-std_data/mysql-test/suite/binlog/std_data/ver_5_1-telco.001");
    assert_eq!(
        images_at(&f, 461),
        [
            pairs(&[(1, "0"), (2, "one")]),
            pairs(&[(1, "1"), (2, "two")])
        ]
    );
    assert_eq!(
        images_at(&f, 548),
        [
            pairs(&[(1, "0"), (2, "one")]),
            pairs(&[(1, "1"), (2, "one")]),
            pairs(&[(1, "1"), (2, "two")]),
            pairs(&[(1, "2"), (2, "two")]),
        ]
    );
    assert_eq!(images_at(&f, 653), [pairs(&[(1, "2"), (2, "two")])]);
    let f = root.join("mysql/mysql-server-std_data/mysql-test/suite/binlog/std_data/bug32407.001");
    assert_eq!(images_at(&f, 242), [pairs(&[(1, "1")])]);
    // Without the definition: an error that says what is missing, not a guess.
    let bytes = common::read_binlog(&f);
    let mut reader = BinlogReader::new(&bytes).expect("magic");
    while let Some(ev) = reader.next_event().expect("clean") {
        if let Event::Rows(r) = &ev.event {
            let schema = reader.tables().get(r.table_id).expect("map");
            let err = r
                .rows(schema)
                .next()
                .expect("a row")
                .expect_err("needs the definition");
            assert!(matches!(err, Error::Row { offset: 242, .. }), "{err}");
            assert!(err.to_string().contains("engine_null_bytes"), "{err}");
            break;
        }
    }
}

#[test]
fn mariadb_legacy_hires_temporals_with_their_precision() {
    // temporal-legacy.bin @1668 (rows-values notes 1.7): row 1 is (1, '838:59:59',
    // '-838:59:59.999', '-00:00:00.000001', '9999-12-31 23:59:59',
    // '1000-01-01 00:00:00.001', '2024-02-29 12:34:56.123456', '2038-01-19 03:14:07',
    // '1970-01-01 00:00:01.5', '2024-02-29 12:34:56.654321').
    let Some(root) = common::shared_fixtures() else {
        return;
    };
    let f = root.join("mariadb/temporal-legacy.bin");
    let rows = images_at(&f, 1668);
    assert_eq!(
        rows[0],
        pairs(&[
            (1, "1"),
            (2, "838:59:59"),
            (3, "-838:59:59.999"),
            (4, "-00:00:00.000001"),
            (5, "9999-12-31 23:59:59"),
            (6, "1000-01-01 00:00:00.001"),
            (7, "2024-02-29 12:34:56.123456"),
            (8, "2038-01-19 03:14:07 (2147483647.000000)"),
            (9, "1970-01-01 00:00:01.500 (1.500000)"),
            (10, "2024-02-29 12:34:56.654321 (1709210096.654321)"),
        ])
    );
}

#[test]
fn absent_columns_are_absent_not_null() {
    let Some(root) = common::shared_fixtures() else {
        return;
    };
    // NDB partial images (update-partial-row.binlog @415): columns 1 and 3 only;
    // mysqlbinlog prints WHERE @1=4 @3=4 SET @1=4 @3=40 (binlog_row_mysqlbinlog_verbose.result).
    let f = root.join(
        "mysql/mysql-server-std_data/mysql-test/suite/binlog/std_data/update-partial-row.binlog",
    );
    assert_eq!(
        images_at(&f, 415),
        [pairs(&[(1, "4"), (3, "4")]), pairs(&[(1, "4"), (3, "40")])]
    );
    // MySQL 8 hidden functional-index column (rpl_unfiltered_hidden_gcol @979): column 2
    // is not in the image.
    let f =
        root.join("mysql/rust_mysql_common/test-data/binlogs/rpl_unfiltered_hidden_gcol.000001");
    let img = &images_at(&f, 979)[0];
    assert_eq!(img.iter().map(|(i, _)| *i).collect::<Vec<_>>(), [1, 3]);
}

#[test]
fn demo_values_equal_what_was_inserted() {
    // fixtures/demo.sql: (-2147483648, 4294967295, 18446744073709551615, -12345678.90,
    // 'Grüße, 世界 😀', '2023-11-14 22:13:20.123456', '2023-11-14 22:13:20', 'green',
    // 'a,c', 0x00FF10DEADBEEF, JSON text) into an INT, INT UNSIGNED, BIGINT UNSIGNED,
    // DECIMAL(10,2), VARCHAR utf8mb4, DATETIME(6), TIMESTAMP, ENUM, SET, BLOB, JSON table.
    let f = common::project_fixtures().join("demo.bin");
    let bytes = common::read_binlog(&f);
    let mut reader = BinlogReader::new(&bytes).expect("magic");
    while let Some(ev) = reader.next_event().expect("clean") {
        let Event::Rows(rows) = &ev.event else {
            continue;
        };
        let schema = reader.tables().get(rows.table_id).expect("map");
        let Some(Ok(RowChange::Insert(row))) = rows.rows(schema).next() else {
            continue;
        };
        let values: Vec<Value<'_>> = row.values().map(|v| v.expect("value").1).collect();
        assert!(matches!(values[1], Value::Int(i) if i.value() == IntValue::Signed(-2147483648)));
        assert!(
            matches!(values[2], Value::Int(i) if i.value() == IntValue::Unsigned(4294967295) && i.signed() == -1)
        );
        assert!(matches!(values[3], Value::Int(i) if i.value() == IntValue::Unsigned(u64::MAX)));
        assert!(matches!(&values[4], Value::Decimal(d) if d.to_string() == "-12345678.90"));
        let Value::String(name) = &values[5] else {
            panic!()
        };
        assert_eq!(name.text().as_deref(), Some("Grüße, 世界 😀"));
        assert_eq!(short(&values[6]), "2023-11-14 22:13:20.123456");
        assert!(matches!(values[7], Value::Timestamp(t) if t.seconds == 1_700_000_000));
        assert_eq!(schema.columns[8].members.as_ref().map(|m| m.len()), Some(3));
        assert!(matches!(values[8], Value::Enum(2)));
        assert!(matches!(values[9], Value::Set(0b101)));
        let Value::String(blob) = &values[10] else {
            panic!()
        };
        assert_eq!(blob.stored, [0x00, 0xff, 0x10, 0xde, 0xad, 0xbe, 0xef]);
        assert_eq!(blob.is_binary(), Some(true));
        return;
    }
    panic!("no insert found");
}

#[test]
fn mariadb_compressed_columns_and_uuids() {
    // types-row.bin t_mariadb (rows-values notes 4.3, 4.4): vc_comp holds
    // REPEAT('compress me ', 80) compressed (raw deflate); b_comp 4000 bytes; UUID
    // 123e4567-e89b-12d3-a456-426655440000 arrives in text order with its trailing
    // zeros cut, and BINARY(16) padding puts them back.
    let Some(root) = common::shared_fixtures() else {
        return;
    };
    let f = root.join("mariadb/types-row.bin");
    let bytes = common::read_binlog(&f);
    let mut reader = BinlogReader::new(&bytes).expect("magic");
    let mut seen_compressed = false;
    let mut seen_uuid = false;
    while let Some(ev) = reader.next_event().expect("clean") {
        let Event::Rows(rows) = &ev.event else {
            continue;
        };
        let schema = reader.tables().get(rows.table_id).expect("map");
        if schema.table != "t_mariadb" {
            continue;
        }
        for change in rows.rows(schema) {
            let RowChange::Insert(row) = change.expect("row") else {
                continue;
            };
            for (i, v) in row.values().map(|v| v.expect("value")) {
                let Value::String(s) = v else { continue };
                let b = s.bytes().expect("decompresses");
                if i == 4 && b.len() == 960 {
                    assert_eq!(&b[..], "compress me ".repeat(80).as_bytes());
                    seen_compressed = true;
                }
                if i == 3 && s.stored.len() == 14 {
                    assert_eq!(b.len(), 16);
                    assert_eq!(
                        &b[..],
                        &[
                            0x12, 0x3e, 0x45, 0x67, 0xe8, 0x9b, 0x12, 0xd3, 0xa4, 0x56, 0x42, 0x66,
                            0x55, 0x44, 0, 0
                        ]
                    );
                    seen_uuid = true;
                }
            }
        }
    }
    assert!(seen_compressed && seen_uuid);
}

#[test]
fn table_maps_live_until_the_statement_ends() {
    // demo.bin: after a row event with the statement-end flag, its table map is still
    // there for that event's rows, and gone from the next event on (the server forgets
    // its table maps at the end of each statement).
    let bytes = common::read_binlog(&common::project_fixtures().join("demo.bin"));
    let mut reader = BinlogReader::new(&bytes).expect("magic");
    let mut checked = false;
    while let Some(ev) = reader.next_event().expect("clean") {
        if let Event::Rows(rows) = &ev.event {
            assert!(rows.is_statement_end());
            let schema = reader
                .tables()
                .get(rows.table_id)
                .expect("the map is there for its rows")
                .clone();
            assert!(rows.rows(&schema).all(|r| r.is_ok()));
            let next = reader
                .next_event()
                .expect("clean")
                .expect("an event after the rows");
            assert!(!matches!(next.event, Event::TableMap(_)));
            assert!(
                reader.tables().get(rows.table_id).is_none(),
                "released after the statement"
            );
            checked = true;
        }
    }
    assert!(checked);
}
