//! Event-level checks against what the server shows: SHOW BINLOG EVENTS, and the
//! transactions scenario whose GTIDs are compared with `@@gtid_binlog_pos`.

/// The transactions scenario, one step per logged event group (or none): after each the
/// test reads `@@gtid_binlog_pos`. Covers DDL, a rollback (nothing logged), a rollback that
/// touched a non-transactional table (logged, ending in ROLLBACK... as MariaDB decides),
/// savepoints, other domains, server ids and sequence numbers, XA (prepare then commit,
/// prepare then rollback, one phase), user variables, temporary tables.
pub const TRANSACTION_STEPS: &[&str] = &[
    "SET SESSION binlog_format = ROW; CREATE DATABASE g",
    "CREATE TABLE g.t (id INT PRIMARY KEY, v VARCHAR(40)) ENGINE=InnoDB",
    "CREATE TABLE g.m (id INT PRIMARY KEY, v INT) ENGINE=MyISAM",
    "BEGIN; INSERT INTO g.t VALUES (1, 'a'); INSERT INTO g.t VALUES (2, 'b'); COMMIT",
    "BEGIN; INSERT INTO g.t VALUES (3, 'rolled back'); ROLLBACK",
    "BEGIN; INSERT INTO g.t VALUES (4, 'kept'); SAVEPOINT a; INSERT INTO g.t VALUES (5, 'x'); \
     ROLLBACK TO SAVEPOINT a; INSERT INTO g.t VALUES (6, 'kept'); COMMIT",
    "BEGIN; INSERT INTO g.t VALUES (7, 'a'); INSERT INTO g.m VALUES (1, 1); ROLLBACK",
    "SET SESSION gtid_domain_id = 5; INSERT INTO g.t VALUES (8, 'domain 5')",
    "SET SESSION server_id = 7; INSERT INTO g.t VALUES (9, 'server 7'); SET SESSION server_id = 1",
    "SET SESSION gtid_seq_no = 100; INSERT INTO g.t VALUES (10, 'seq 100')",
    "SET SESSION gtid_domain_id = 0; XA START 'x1'; INSERT INTO g.t VALUES (11, 'xa'); \
     XA END 'x1'; XA PREPARE 'x1'",
    "XA COMMIT 'x1'",
    "XA START 'x2','b2',3; INSERT INTO g.t VALUES (12, 'xa'); XA END 'x2','b2',3; \
     XA PREPARE 'x2','b2',3",
    "XA ROLLBACK 'x2','b2',3",
    "XA START 'x3'; INSERT INTO g.t VALUES (13, 'xa'); XA END 'x3'; XA COMMIT 'x3' ONE PHASE",
    "SET SESSION binlog_format = STATEMENT; SET @a = 'h\u{e9}llo', @n = -7, @d = 1.25, \
     @r = 0.5e0, @z = NULL, @big = 18446744073709551615; \
     INSERT INTO g.t VALUES (14, @a), (15, CONCAT(@n, @d, @r, IFNULL(@z, 'null'), @big))",
    "CREATE TEMPORARY TABLE g.tmp (a INT)",
    "INSERT INTO g.tmp VALUES (1)",
    "INSERT INTO g.t SELECT a + 100, 'from tmp' FROM g.tmp",
    "DROP TEMPORARY TABLE g.tmp",
    "BEGIN; INSERT INTO g.t VALUES (16, 's'); SAVEPOINT s; INSERT INTO g.t VALUES (17, 's'); \
     ROLLBACK TO SAVEPOINT s; COMMIT",
    "BEGIN; INSERT INTO g.t VALUES (18, 'r'); ROLLBACK",
    "SET SESSION binlog_format = ROW; UPDATE g.t SET v = 'updated' WHERE id < 3",
    "DELETE FROM g.t WHERE id = 16",
];

/// `mariadb --batch` escapes: `\n`, `\t`, `\\`, `\0`.
pub fn unescape_batch(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('0') => out.push('\0'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// `X'..'` of bytes, uppercase, as the server prints XA ids and user variable strings.
pub fn x_literal(bytes: &[u8]) -> String {
    let mut s = String::from("X'");
    for b in bytes {
        s.push_str(&format!("{b:02X}"));
    }
    s.push('\'');
    s
}

/// MariaDB's event type names in SHOW BINLOG EVENTS.
pub fn mariadb_type_name(code: u8) -> Option<&'static str> {
    Some(match code {
        2 => "Query",
        4 => "Rotate",
        5 => "Intvar",
        13 => "RAND",
        14 => "User var",
        15 => "Format_desc",
        16 => "Xid",
        19 => "Table_map",
        23 => "Write_rows_v1",
        24 => "Update_rows_v1",
        25 => "Delete_rows_v1",
        38 => "XA_prepare",
        160 => "Annotate_rows",
        161 => "Binlog_checkpoint",
        162 => "Gtid",
        163 => "Gtid_list",
        165 => "Query_compressed",
        166 => "Write_rows_compressed_v1",
        167 => "Update_rows_compressed_v1",
        168 => "Delete_rows_compressed_v1",
        _ => return None,
    })
}

/// What SHOW BINLOG EVENTS prints in its Info column for the events whose Info the test
/// rebuilds from our decoding; `None` for the others (their position, type, server id
/// and end are still compared).
pub fn our_info(event: &binlogkit::BinlogEvent<'_>) -> Option<String> {
    use binlogkit::events::UserVarValue;
    use binlogkit::events::mariadb_gtid::{FL_PREPARED_XA, FL_STANDALONE};
    Some(match &event.event {
        binlogkit::Event::Query(q) => String::from_utf8_lossy(&q.query).into_owned(),
        binlogkit::Event::AnnotateRows(a) => String::from_utf8_lossy(a.query).into_owned(),
        binlogkit::Event::Xid(x) => format!("COMMIT /* xid={} */", x.xid),
        binlogkit::Event::XaPrepare(x) => format!(
            "XA PREPARE {},{},{}",
            x_literal(x.xid.gtrid),
            x_literal(x.xid.bqual),
            x.xid.format_id
        ),
        binlogkit::Event::MariadbGtid(g) => {
            let gtid = g.gtid;
            match (&g.xid, g.flags) {
                (Some(x), f) if f & FL_PREPARED_XA != 0 => format!(
                    "XA START {},{},{} GTID {gtid}",
                    x_literal(x.gtrid),
                    x_literal(x.bqual),
                    x.format_id
                ),
                (_, f) if f & FL_STANDALONE != 0 => format!("GTID {gtid}"),
                _ => format!("BEGIN GTID {gtid}"),
            }
        }
        binlogkit::Event::TableMap(t) => format!(
            "table_id: {} ({}.{})",
            t.table_id,
            String::from_utf8_lossy(t.database),
            String::from_utf8_lossy(t.table)
        ),
        binlogkit::Event::BinlogCheckpoint(c) => String::from_utf8_lossy(c.file).into_owned(),
        binlogkit::Event::Rotate(r) => format!(
            "{};pos={}",
            String::from_utf8_lossy(r.next_file),
            r.position
        ),
        binlogkit::Event::MariadbGtidList(l) => {
            let all: Vec<String> = l.gtids().map(|g| g.to_string()).collect();
            format!("[{}]", all.join(","))
        }
        binlogkit::Event::UserVar(u) => {
            let name = String::from_utf8_lossy(u.name);
            match &u.value {
                None => format!("@`{name}`=NULL"),
                Some(UserVarValue::Int(v)) => format!("@`{name}`={v}"),
                Some(UserVarValue::UInt(v)) => format!("@`{name}`={v}"),
                Some(UserVarValue::Decimal(d)) => format!("@`{name}`={d}"),
                Some(UserVarValue::Real(r)) => format!("@`{name}`={r}"),
                // The charset and collation names are the server's; the bytes are ours.
                Some(UserVarValue::String { bytes, .. }) => {
                    format!("@`{name}`=_ {}", x_literal(bytes))
                }
                Some(_) => return None,
            }
        }
        _ => return None,
    })
}

/// Compares our events of a binlog (`bytes`, named `name`) with the server's SHOW BINLOG
/// EVENTS output for it (`--batch --skip-column-names`), event by event: position, type,
/// server id, end, and the Info of the events whose Info [`our_info`] rebuilds.
pub fn compare_with_show_binlog_events(
    name: &str,
    shown: &str,
    bytes: &[u8],
) -> Result<usize, String> {
    let mut reader = binlogkit::BinlogReader::new(bytes).map_err(|e| e.to_string())?;
    let mut n = 0;
    for line in shown.lines() {
        let f: Vec<&str> = line.splitn(6, '\t').collect();
        let [_, pos, kind, server_id, end, info] = f[..] else {
            return Err(format!("{name}: SHOW BINLOG EVENTS line {line:?}"));
        };
        let info = unescape_batch(info);
        let event = reader
            .next_event()
            .map_err(|e| format!("{name}: {e}"))?
            .ok_or_else(|| format!("{name}: the server shows an event at {pos}, we read none"))?;
        let ours = (
            event.offset.to_string(),
            mariadb_type_name(event.header.event_type.0).unwrap_or("?"),
            event.header.server_id.to_string(),
            event.end_offset().to_string(),
        );
        if ours != (pos.to_owned(), kind, server_id.to_owned(), end.to_owned()) {
            return Err(format!(
                "{name}: event at {pos}: server shows {kind} server_id={server_id} end={end}, \
                 ours {ours:?}"
            ));
        }
        if let Some(our_info) = our_info(&event) {
            let same = match &event.event {
                // The server names the charset and collation: compare the rest.
                binlogkit::Event::UserVar(_) if our_info.contains("=_ X'") => {
                    let (head, tail) = our_info.split_once("=_ ").unwrap_or_default();
                    info.starts_with(&format!("{head}=_")) && info.contains(tail)
                }
                _ => our_info == info,
            };
            if !same {
                return Err(format!(
                    "{name}: {kind} at {pos}: server's Info {info:?}, ours {our_info:?}"
                ));
            }
        }
        n += 1;
    }
    if let Ok(Some(extra)) = reader.next_event() {
        return Err(format!(
            "{name}: we read an event at {} the server does not show",
            extra.offset
        ));
    }
    Ok(n)
}

/// The `@@gtid_binlog_pos` entries, sorted.
pub fn position_entries(text: &str) -> Vec<String> {
    let mut v: Vec<String> = text
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    v.sort();
    v
}
