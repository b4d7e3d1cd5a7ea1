//! Real-server conformance (issue 5): a MariaDB server writes the binlogs and answers
//! `SELECT`, and every value we decode must equal what it holds.
//!
//! One test, [`real_server_conformance`], runs every scenario in sequence on one sandbox
//! server (started by `tests/common/mariadb.rs`, stopped when the `Server` drops, which
//! unwinding does on a failed assertion too):
//! 1. the randomized differential test: from a seed (`BINLOGKIT_SEED` replays one), random
//!    tables of every column-type variant, random rows with every edge, random UPDATEs and
//!    DELETEs, under each setting of [`SETTINGS`]. ROW settings: the tables rebuilt from the
//!    decoded row events must equal `SELECT *` value by value, through our JSON value
//!    encoding. Every setting: the statement texts in the binlog must be the executed ones
//!    (all of them, in order, under STATEMENT; in order, skipping those that changed no
//!    row, under ROW and MIXED).
//! 2. the test of the test: the comparison fed a mutated server value fails, naming the
//!    table, key, column, our value and the server's.
//! 3. transactions and GTIDs (see `transactions_and_gtids`).
//! 4. following the live binlog while the server writes (see `live_follow`).
//!
//! Without MariaDB the test skips with a notice; with `BINLOGKIT_REQUIRE_MARIADB=1` (CI,
//! `scripts/test.sh`) it fails instead. `BINLOGKIT_SERVER_ROWS` sets the rows per table
//! (default 500).

mod common;
mod server_harness;

use std::path::PathBuf;

use common::mariadb::Server;
use server_harness::check::{self, Decoded, ServerTable};
use server_harness::rng::Rng;
use server_harness::workload::{self, Shape, Workload};

/// The server's options: ROW logging with annotations, UTC, and no fsync per commit (the
/// workload commits thousands of times).
const SERVER_OPTS: &[&str] = &[
    "--binlog-format=ROW",
    "--binlog-annotate-row-events=ON",
    "--default-time-zone=+00:00",
    "--character-set-server=utf8mb4",
    "--collation-server=utf8mb4_general_ci",
    "--innodb-flush-log-at-trx-commit=0",
    "--sync-binlog=0",
    "--innodb-buffer-pool-size=64M",
    "--max-allowed-packet=256M",
    "--log-bin-compress-min-len=10",
];

/// One logging setting.
#[derive(Clone, Copy, Debug)]
struct Setting {
    name: &'static str,
    format: &'static str,
    image: &'static str,
    metadata: &'static str,
    checksum: &'static str,
    compress: bool,
}

const fn setting(
    name: &'static str,
    format: &'static str,
    image: &'static str,
    metadata: &'static str,
    checksum: &'static str,
    compress: bool,
) -> Setting {
    Setting {
        name,
        format,
        image,
        metadata,
        checksum,
        compress,
    }
}

/// Every format, image, metadata, checksum and compression setting the issue names, each
/// at least once, combined so that each ROW image meets both metadata settings.
const SETTINGS: &[Setting] = &[
    setting("row-full", "ROW", "FULL", "FULL", "CRC32", false),
    setting(
        "row-full-nometa-nocrc",
        "ROW",
        "FULL",
        "NO_LOG",
        "NONE",
        false,
    ),
    setting("row-minimal", "ROW", "MINIMAL", "FULL", "CRC32", false),
    setting(
        "row-noblob-minmeta-nocrc",
        "ROW",
        "NOBLOB",
        "MINIMAL",
        "NONE",
        false,
    ),
    setting("row-full-compressed", "ROW", "FULL", "FULL", "CRC32", true),
    setting(
        "row-minimal-nometa-compressed",
        "ROW",
        "MINIMAL",
        "NO_LOG",
        "CRC32",
        true,
    ),
    setting(
        "row-noblob-compressed-nocrc",
        "ROW",
        "NOBLOB",
        "FULL",
        "NONE",
        true,
    ),
    setting("mixed", "MIXED", "FULL", "FULL", "CRC32", false),
    setting("statement", "STATEMENT", "FULL", "NO_LOG", "NONE", false),
    setting(
        "statement-compressed",
        "STATEMENT",
        "FULL",
        "NO_LOG",
        "CRC32",
        true,
    ),
];

fn seed() -> u64 {
    match std::env::var("BINLOGKIT_SEED") {
        Ok(s) => s
            .trim()
            .parse()
            .unwrap_or_else(|e| panic!("BINLOGKIT_SEED={s:?}: {e}")),
        Err(_) => {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(0);
            Rng::new(nanos ^ u64::from(std::process::id())).next_u64()
        }
    }
}

fn rows_per_table() -> usize {
    std::env::var("BINLOGKIT_SERVER_ROWS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(500)
}

/// The client arguments every workload runs with.
const CLIENT: &[&str] = &[
    "--default-character-set=utf8mb4",
    "--batch",
    "--skip-column-names",
];

/// The number of the binlog file being written (`binlog.000007` -> 7).
fn current_binlog(server: &Server) -> u32 {
    let status = server.sql("SHOW MASTER STATUS");
    let file = status.split('\t').next().unwrap_or_default();
    file.rsplit('.')
        .next()
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("SHOW MASTER STATUS gave {status:?}"))
}

/// Sets the global logging options and starts a fresh binlog file, returning its number.
fn begin_setting(server: &Server, s: &Setting) -> u32 {
    server.sql(&format!(
        "SET GLOBAL binlog_row_metadata = {}; SET GLOBAL binlog_checksum = {}; \
         SET GLOBAL log_bin_compress = {}; FLUSH BINARY LOGS",
        s.metadata,
        s.checksum,
        if s.compress { "ON" } else { "OFF" }
    ));
    current_binlog(server)
}

/// Closes the current binlog and returns the files from `first` on.
fn end_setting(server: &Server, first: u32) -> Vec<PathBuf> {
    let last = current_binlog(server);
    server.sql("FLUSH BINARY LOGS");
    (first..=last).map(|n| server.binlog(n)).collect()
}

/// Totals over the whole run.
#[derive(Debug, Default)]
struct Totals {
    seed: u64,
    rows_inserted: usize,
    rows_compared: usize,
    values_compared: usize,
    updates: usize,
    deletes: usize,
    row_changes_decoded: usize,
    statements_checked: usize,
    variants: std::collections::BTreeSet<String>,
    settings: usize,
    mismatches: Vec<String>,
    /// The message the comparison gave for a deliberately wrong server value.
    test_of_test: Option<String>,
}

/// Checks the statement texts in the binlog against the executed ones: all, in order,
/// under STATEMENT; under ROW and MIXED in order, where a statement that changed no row
/// may be missing, but no CREATE or INSERT.
fn check_statements(s: &Setting, w: &Workload, d: &Decoded) -> Result<usize, String> {
    if s.format == "STATEMENT" {
        if d.statements == w.logged {
            return Ok(d.statements.len());
        }
        let at = d
            .statements
            .iter()
            .zip(&w.logged)
            .position(|(a, b)| a != b)
            .unwrap_or(d.statements.len().min(w.logged.len()));
        return Err(format!(
            "{}: statement {at} differs: binlog {:?}, executed {:?} ({} vs {} statements)",
            s.name,
            d.statements
                .get(at)
                .map(|t| t.chars().take(300).collect::<String>()),
            w.logged
                .get(at)
                .map(|t| t.chars().take(300).collect::<String>()),
            d.statements.len(),
            w.logged.len()
        ));
    }
    let mut next = 0;
    let mut matched = vec![false; w.logged.len()];
    for (n, text) in d.statements.iter().enumerate() {
        let Some(found) = w.logged[next..].iter().position(|x| x == text) else {
            return Err(format!(
                "{}: binlog statement {n} ({}) is not among the executed ones after #{next}: {:?}",
                s.name,
                d.statement_kinds[n],
                text.chars().take(300).collect::<String>()
            ));
        };
        matched[next + found] = true;
        next += found + 1;
    }
    for (text, m) in w.logged.iter().zip(&matched) {
        if !m && (text.starts_with("CREATE") || text.starts_with("INSERT")) {
            return Err(format!(
                "{}: executed statement missing from the binlog: {:?}",
                s.name,
                text.chars().take(300).collect::<String>()
            ));
        }
    }
    Ok(d.statements.len())
}

fn run_setting(server: &Server, s: &Setting, index: usize, rng: &mut Rng, totals: &mut Totals) {
    let row = s.format == "ROW";
    let db = format!("s{index}");
    let first = begin_setting(server, s);
    let shape = Shape {
        tables: 3,
        rows: if row {
            rows_per_table()
        } else {
            rows_per_table() / 5
        },
        unsafe_statements: s.format == "MIXED",
    };
    let w = workload::generate(rng, &db, shape);
    let script = format!(
        "SET SESSION binlog_format = {}; SET SESSION binlog_row_image = {}; \
         SET SESSION time_zone = '+00:00';\n{}",
        s.format, s.image, w.script
    );
    if let Err(e) = server.try_client(CLIENT, script.as_bytes()) {
        let tables: Vec<String> = w.tables.iter().map(|t| t.create()).collect();
        panic!(
            "{}: the workload failed (seed {}): {}\ntables:\n{}",
            s.name,
            totals.seed,
            e.lines().last().unwrap_or_default(),
            tables.join("\n")
        );
    }
    let files = end_setting(server, first);
    let mut decoded = Decoded {
        skip_apply: !row,
        ..Decoded::default()
    };
    if let Err(e) = decoded.read_files(&files) {
        totals
            .mismatches
            .push(format!("{}: reading the binlog: {e}", s.name));
        return;
    }
    totals
        .mismatches
        .extend(decoded.problems.iter().map(|p| format!("{}: {p}", s.name)));
    match check_statements(s, &w, &decoded) {
        Ok(n) => totals.statements_checked += n,
        Err(e) => totals.mismatches.push(e),
    }
    if s.compress {
        assert!(decoded.compressed > 0, "{}: no compressed event", s.name);
    }
    assert_eq!(
        decoded.checksummed > 0,
        s.checksum == "CRC32",
        "{}: checksums",
        s.name
    );
    let mut compared = (0, 0);
    if row {
        for table in &w.tables {
            let out = server.sql(&table.select());
            let server_table = ServerTable::parse(table, &out)
                .unwrap_or_else(|e| panic!("{}: {}: {e}", s.name, table.qualified()));
            let ours = decoded.tables.get(&(table.db.clone(), table.name.clone()));
            if index == 1 && totals.test_of_test.is_none() {
                totals.test_of_test = ours
                    .and_then(|ours| check::mutated_comparison_fails(table, &server_table, ours));
            }
            match check::compare(table, &server_table, ours) {
                Ok(c) => {
                    compared.0 += c.rows;
                    compared.1 += c.values;
                }
                Err(errors) => totals
                    .mismatches
                    .extend(errors.into_iter().map(|e| format!("{}: {e}", s.name))),
            }
            for c in &table.columns {
                totals.variants.insert(c.ty.variant());
            }
        }
        totals.rows_inserted += w.inserted;
        totals.updates += w.updates;
        totals.deletes += w.deletes;
        totals.rows_compared += compared.0;
        totals.values_compared += compared.1;
    }
    totals.row_changes_decoded += decoded.rows;
    totals.settings += 1;
    eprintln!(
        "  {:<32} {:>5} rows inserted, {:>4} updates, {:>4} deletes; {} events, {} row events \
         ({} compressed); {} rows / {} values compared",
        s.name,
        w.inserted,
        w.updates,
        w.deletes,
        decoded.events,
        decoded.row_events,
        decoded.compressed,
        compared.0,
        compared.1
    );
}

#[test]
fn real_server_conformance() {
    let Some(server) = Server::start("conf", SERVER_OPTS) else {
        return;
    };
    let seed = seed();
    eprintln!("server conformance: seed={seed} (replay with BINLOGKIT_SEED={seed})");
    let mut rng = Rng::new(seed);
    let mut totals = Totals {
        seed,
        ..Totals::default()
    };
    for (i, s) in SETTINGS.iter().enumerate() {
        let mut setting_rng = rng.fork();
        run_setting(&server, s, i + 1, &mut setting_rng, &mut totals);
    }
    let message = totals
        .test_of_test
        .as_deref()
        .expect("no integer value to mutate for the test of the test");
    eprintln!("test of the test: a mutated server value gives: {message}");
    let (steps, gtids, events) = transactions_and_gtids(&server);
    eprintln!(
        "transactions: {steps} steps, {gtids} GTIDs equal to @@gtid_binlog_pos after each, \
         {events} events equal to SHOW BINLOG EVENTS"
    );
    let live = live_follow(&server, &mut rng.fork());
    eprintln!(
        "live follow: {} events followed while {} inserts ran, equal to the closed file \
         ({} polls at the end of the file, {} inside an event)",
        live.events, live.inserts, live.caught_up, live.truncated
    );
    for m in totals.mismatches.iter().take(40) {
        eprintln!("MISMATCH {m}");
    }
    eprintln!(
        "server conformance: seed={seed}, {} rows inserted ({} compared, {} values), {} updates, \
         {} deletes, {} row changes decoded, {} statements checked, {} column-type variants, \
         {} settings, {} mismatches",
        totals.rows_inserted,
        totals.rows_compared,
        totals.values_compared,
        totals.updates,
        totals.deletes,
        totals.row_changes_decoded,
        totals.statements_checked,
        totals.variants.len(),
        totals.settings,
        totals.mismatches.len()
    );
    assert!(
        totals.mismatches.is_empty(),
        "{} mismatches (seed {seed}), first: {}",
        totals.mismatches.len(),
        totals.mismatches[0]
    );
}

/// The transactions scenario, one step per logged event group (or none): after each the
/// test reads `@@gtid_binlog_pos`. Covers DDL, a rollback (nothing logged), a rollback that
/// touched a non-transactional table (logged, ending in ROLLBACK... as MariaDB decides),
/// savepoints, other domains, server ids and sequence numbers, XA (prepare then commit,
/// prepare then rollback, one phase), user variables, temporary tables.
const TRANSACTION_STEPS: &[&str] = &[
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
fn unescape_batch(s: &str) -> String {
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
fn x_literal(bytes: &[u8]) -> String {
    let mut s = String::from("X'");
    for b in bytes {
        s.push_str(&format!("{b:02X}"));
    }
    s.push('\'');
    s
}

/// MariaDB's event type names in SHOW BINLOG EVENTS.
fn mariadb_type_name(code: u8) -> Option<&'static str> {
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
fn our_info(event: &binlogkit::BinlogEvent<'_>) -> Option<String> {
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

/// Compares our events of `file` with the server's SHOW BINLOG EVENTS, event by event.
fn compare_with_show_binlog_events(
    server: &Server,
    file: &std::path::Path,
) -> Result<usize, String> {
    let name = file
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let shown = server.sql(&format!("SHOW BINLOG EVENTS IN '{name}'"));
    let bytes = std::fs::read(file).map_err(|e| e.to_string())?;
    let mut reader = binlogkit::BinlogReader::new(&bytes).map_err(|e| e.to_string())?;
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
fn position_entries(text: &str) -> Vec<String> {
    let mut v: Vec<String> = text
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    v.sort();
    v
}

/// Transactions and GTIDs: every step of [`TRANSACTION_STEPS`] followed by a read of
/// `@@gtid_binlog_pos`; the positions our GTID events give, one after each event group,
/// must be the server's progression (with the steps that logged nothing left out), and
/// every event must be as SHOW BINLOG EVENTS shows it. Returns (steps, GTIDs, events).
fn transactions_and_gtids(server: &Server) -> (usize, usize, usize) {
    let first = begin_setting(
        server,
        &setting("transactions", "ROW", "FULL", "FULL", "CRC32", false),
    );
    let mut script = String::from("SELECT CONCAT('pos:', @@gtid_binlog_pos);\n");
    for step in TRANSACTION_STEPS {
        script.push_str(step);
        script.push_str(";\nSELECT CONCAT('pos:', @@gtid_binlog_pos);\n");
    }
    let out = server.client(CLIENT, script.as_bytes());
    let out = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut server_positions: Vec<Vec<String>> = out
        .lines()
        .filter_map(|l| l.strip_prefix("pos:"))
        .map(position_entries)
        .collect();
    assert_eq!(server_positions.len(), TRANSACTION_STEPS.len() + 1, "{out}");
    server_positions.dedup();
    let files = end_setting(server, first);

    // Our progression: the position after each GTID event, from the server's first one.
    let mut ours = vec![server_positions[0].clone()];
    let mut last: std::collections::BTreeMap<u32, String> = ours[0]
        .iter()
        .filter_map(|g| Some((g.split('-').next()?.parse().ok()?, g.clone())))
        .collect();
    let mut gtids = 0;
    let mut events = 0;
    for file in &files {
        let bytes = std::fs::read(file).unwrap();
        for event in binlogkit::BinlogReader::new(&bytes).unwrap() {
            let event = event.unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            if let binlogkit::Event::MariadbGtid(g) = &event.event {
                gtids += 1;
                last.insert(g.gtid.domain_id, g.gtid.to_string());
                let mut position: Vec<String> = last.values().cloned().collect();
                position.sort();
                ours.push(position);
            }
        }
        events += compare_with_show_binlog_events(server, file).unwrap_or_else(|e| panic!("{e}"));
    }
    assert_eq!(
        ours, server_positions,
        "the GTID positions after each of our GTID events (left) differ from the server's \
         @@gtid_binlog_pos after each step (right)"
    );
    (TRANSACTION_STEPS.len(), gtids, events)
}

/// What following the live binlog saw.
#[derive(Debug, Default)]
struct Followed {
    events: usize,
    /// Polls that found the end of the file between events, and inside one.
    caught_up: usize,
    truncated: usize,
    inserts: usize,
}

/// One event as read: offset, type code and bytes (the FORMAT_DESCRIPTION's flags
/// masked: the server clears its in-use flag when it closes the file).
fn event_key(event: &binlogkit::BinlogEvent<'_>) -> (u64, u8, Vec<u8>) {
    let mut raw = event.raw.to_vec();
    if matches!(event.event, binlogkit::Event::FormatDescription(_)) {
        for b in raw.iter_mut().skip(17).take(2) {
            *b = 0;
        }
    }
    (event.offset, event.header.event_type.0, raw)
}

/// Follows the active binlog with a [`binlogkit::StreamReader`] while a client inserts
/// rows of random sizes (one transaction each), then `FLUSH BINARY LOGS`; reads until the
/// ROTATE. Every event must equal, in order, the events of the closed file as
/// [`binlogkit::BinlogReader`] reads it: none lost, none repeated.
fn live_follow(server: &Server, rng: &mut Rng) -> Followed {
    use std::sync::atomic::{AtomicBool, Ordering};
    let first = begin_setting(
        server,
        &setting("live", "ROW", "FULL", "FULL", "CRC32", false),
    );
    let path = server.binlog(first);
    let inserts = 300;
    let mut script = String::from(
        "CREATE DATABASE live;\nCREATE TABLE live.t (id INT PRIMARY KEY, b LONGBLOB) ENGINE=InnoDB;\n",
    );
    for i in 0..inserts {
        let size = match rng.below(10) {
            0 => rng.range(20_000, 200_000),
            1..=3 => rng.range(1_000, 20_000),
            _ => rng.range(0, 200),
        };
        script.push_str(&format!(
            "INSERT INTO live.t VALUES ({i}, REPEAT(CHAR({}), {size}));\n",
            rng.below(256)
        ));
    }
    let caught_up_once = AtomicBool::new(false);
    let writer_done = AtomicBool::new(false);
    let mut followed = Vec::new();
    let mut stats = Followed {
        inserts,
        ..Followed::default()
    };
    std::thread::scope(|scope| {
        let writer = scope.spawn(|| {
            // Start writing once the reader has reached the end of the file.
            while !caught_up_once.load(Ordering::SeqCst) {
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
            let result = server.try_client(CLIENT, script.as_bytes());
            server.sql("FLUSH BINARY LOGS");
            writer_done.store(true, Ordering::SeqCst);
            result.map(drop)
        });
        let file = std::fs::File::open(&path).unwrap();
        let mut reader = binlogkit::StreamReader::new(file);
        let mut rotated = false;
        while !rotated {
            match reader.next_event() {
                Ok(Some(event)) => {
                    rotated = matches!(event.event, binlogkit::Event::Rotate(_));
                    followed.push(event_key(&event));
                }
                Ok(None) => {
                    stats.caught_up += 1;
                    caught_up_once.store(true, Ordering::SeqCst);
                    if writer.is_finished() && writer_done.load(Ordering::SeqCst) {
                        // The ROTATE is written before FLUSH returns: one more read must
                        // see it.
                        if let Ok(Some(event)) = reader.next_event() {
                            rotated = matches!(event.event, binlogkit::Event::Rotate(_));
                            followed.push(event_key(&event));
                            continue;
                        }
                        panic!("the writer is done but the followed file has no ROTATE");
                    }
                    std::thread::sleep(std::time::Duration::from_millis(1));
                }
                Err(binlogkit::Error::Truncated { .. }) => {
                    stats.truncated += 1;
                    std::thread::sleep(std::time::Duration::from_millis(1));
                }
                Err(e) => panic!("following {}: {e}", path.display()),
            }
        }
        writer
            .join()
            .expect("the writer thread panicked")
            .unwrap_or_else(|e| panic!("the live workload failed: {e}"));
    });
    let bytes = std::fs::read(&path).unwrap();
    let closed: Vec<_> = binlogkit::BinlogReader::new(&bytes)
        .unwrap()
        .map(|e| event_key(&e.unwrap()))
        .collect();
    assert_eq!(
        followed.len(),
        closed.len(),
        "events followed vs in the closed file"
    );
    for (i, (a, b)) in followed.iter().zip(&closed).enumerate() {
        assert!(
            a == b,
            "event {i}: followed at {} (type {}, {} bytes), closed file at {} (type {}, {} bytes)",
            a.0,
            a.1,
            a.2.len(),
            b.0,
            b.1,
            b.2.len()
        );
    }
    let writes = closed.iter().filter(|e| e.1 == 23).count();
    assert!(
        writes >= inserts,
        "{writes} WRITE_ROWS events for {inserts} inserts"
    );
    stats.events = followed.len();
    stats
}
