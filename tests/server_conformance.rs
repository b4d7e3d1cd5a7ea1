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
