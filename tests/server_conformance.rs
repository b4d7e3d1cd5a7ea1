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
//! (default 700).

mod common;
mod server_harness;

use std::path::PathBuf;

use common::mariadb::Server;
use server_harness::check::{self, Decoded, ServerTable};
use server_harness::events;
use server_harness::rng::Rng;
use server_harness::workload::{self, Shape};

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
        .unwrap_or(DEFAULT_ROWS_PER_TABLE)
}

/// Enough for the floor: at least 10,000 rows compared with the server after the
/// deletes, over at least 40 column-type variants, in every run.
const DEFAULT_ROWS_PER_TABLE: usize = 700;

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
    let script = server_harness::session_prefix(s.format, s.image, None) + &w.script;
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
    match check::check_statements(s.name, s.format, &w, &decoded) {
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
    if std::env::var_os("BINLOGKIT_SERVER_ROWS").is_none() {
        assert!(
            totals.rows_compared >= 10_000 && totals.variants.len() >= 40,
            "the run compared {} rows over {} variants: below 10,000 rows or 40 variants",
            totals.rows_compared,
            totals.variants.len()
        );
    }
    assert!(
        totals.mismatches.is_empty(),
        "{} mismatches (seed {seed}), first: {}",
        totals.mismatches.len(),
        totals.mismatches[0]
    );
}

/// Transactions and GTIDs: every step of [`events::TRANSACTION_STEPS`] followed by a read of
/// `@@gtid_binlog_pos`; the positions our GTID events give, one after each event group,
/// must be the server's progression (with the steps that logged nothing left out), and
/// every event must be as SHOW BINLOG EVENTS shows it. Returns (steps, GTIDs, events).
fn transactions_and_gtids(server: &Server) -> (usize, usize, usize) {
    let first = begin_setting(
        server,
        &setting("transactions", "ROW", "FULL", "FULL", "CRC32", false),
    );
    let mut script = String::from("SELECT CONCAT('pos:', @@gtid_binlog_pos);\n");
    for step in events::TRANSACTION_STEPS {
        script.push_str(step);
        script.push_str(";\nSELECT CONCAT('pos:', @@gtid_binlog_pos);\n");
    }
    let out = server.client(CLIENT, script.as_bytes());
    let out = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut server_positions: Vec<Vec<String>> = out
        .lines()
        .filter_map(|l| l.strip_prefix("pos:"))
        .map(events::position_entries)
        .collect();
    assert_eq!(
        server_positions.len(),
        events::TRANSACTION_STEPS.len() + 1,
        "{out}"
    );
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
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let shown = server.sql(&format!("SHOW BINLOG EVENTS IN '{name}'"));
        events += events::compare_with_show_binlog_events(name, &shown, &bytes)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    assert_eq!(
        ours, server_positions,
        "the GTID positions after each of our GTID events (left) differ from the server's \
         @@gtid_binlog_pos after each step (right)"
    );
    (events::TRANSACTION_STEPS.len(), gtids, events)
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
    let mut followed = Vec::new();
    let mut stats = Followed {
        inserts,
        ..Followed::default()
    };
    /// Releases the writer when the reader stops, also by panicking, so that the scope
    /// (which joins the writer) never waits for ever.
    struct Release<'a>(&'a AtomicBool);
    impl Drop for Release<'_> {
        fn drop(&mut self) {
            self.0.store(true, Ordering::SeqCst);
        }
    }
    let mut rotated = false;
    std::thread::scope(|scope| {
        let writer = scope.spawn(|| {
            // Start writing once the reader has reached the end of the file.
            while !caught_up_once.load(Ordering::SeqCst) {
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
            server.try_client(CLIENT, script.as_bytes())?;
            server.try_client(CLIENT, b"FLUSH BINARY LOGS")?;
            Ok::<(), String>(())
        });
        let release = Release(&caught_up_once);
        let file = std::fs::File::open(&path).unwrap();
        let mut reader = binlogkit::StreamReader::new(file);
        while !rotated {
            match reader.next_event() {
                Ok(Some(event)) => {
                    rotated = matches!(event.event, binlogkit::Event::Rotate(_));
                    followed.push(event_key(&event));
                }
                Ok(None) => {
                    stats.caught_up += 1;
                    caught_up_once.store(true, Ordering::SeqCst);
                    if writer.is_finished() {
                        // Everything the writer did (the ROTATE of its FLUSH too) is in
                        // the file now: read on to its end once more.
                        match reader.next_event() {
                            Ok(Some(event)) => {
                                rotated = matches!(event.event, binlogkit::Event::Rotate(_));
                                followed.push(event_key(&event));
                                continue;
                            }
                            _ => break,
                        }
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
        drop(release);
        writer
            .join()
            .expect("the writer thread panicked")
            .unwrap_or_else(|e| panic!("the live workload failed: {e}"));
    });
    assert!(
        rotated,
        "the followed file ended without the ROTATE of FLUSH BINARY LOGS"
    );
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

/// Writes the committed MariaDB fixtures into `$BINLOGKIT_FIXTURES_OUT` (run by
/// `fixtures/mariadb/generate.sh`; ignored otherwise). Per fixture of
/// [`server_harness::FIXTURES`]: `<name>.bin` (the closed binlog), `<name>.sql` (the script
/// the client ran), `<name>.select.txt` (the server's `SELECT` of every table, as the
/// comparison reads it), `<name>.show-binlog-events.txt`; and the transactions scenario
/// as `transactions.*` with `transactions.gtid-pos.txt` (`@@gtid_binlog_pos` after each
/// step).
#[test]
#[ignore = "writes fixtures; run by fixtures/mariadb/generate.sh"]
fn generate_mariadb_fixtures() {
    let out = PathBuf::from(
        std::env::var_os("BINLOGKIT_FIXTURES_OUT").expect("BINLOGKIT_FIXTURES_OUT is not set"),
    );
    std::fs::create_dir_all(&out).unwrap();
    let server = Server::start("fixtures", SERVER_OPTS).expect("MariaDB is required");
    let write = |name: &str, bytes: &[u8]| std::fs::write(out.join(name), bytes).unwrap();
    let show = |file: &std::path::Path| {
        let name = file.file_name().and_then(|n| n.to_str()).unwrap();
        server.sql(&format!("SHOW BINLOG EVENTS IN '{name}'"))
    };
    for f in server_harness::FIXTURES {
        let s = setting(
            f.name, f.format, f.image, f.metadata, f.checksum, f.compress,
        );
        let first = begin_setting(&server, &s);
        let w = server_harness::fixture_workload(f);
        let script = server_harness::session_prefix(
            f.format,
            f.image,
            Some(server_harness::FIXTURE_TIMESTAMP),
        ) + &w.script;
        server.client(CLIENT, script.as_bytes());
        let files = end_setting(&server, first);
        assert_eq!(files.len(), 1, "{}: one binlog file", f.name);
        write(
            &format!("{}.bin", f.name),
            &std::fs::read(&files[0]).unwrap(),
        );
        write(&format!("{}.sql", f.name), script.as_bytes());
        write(
            &format!("{}.show-binlog-events.txt", f.name),
            show(&files[0]).as_bytes(),
        );
        let mut select = String::new();
        for table in &w.tables {
            select.push_str(&format!("# {}\n", table.qualified()));
            select.push_str(&server.sql(&table.select()));
        }
        write(&format!("{}.select.txt", f.name), select.as_bytes());
    }
    // The transactions scenario.
    let first = begin_setting(
        &server,
        &setting("transactions", "ROW", "FULL", "FULL", "CRC32", false),
    );
    let mut script = format!(
        "SET TIMESTAMP = {}; SET SESSION pseudo_thread_id = 42;\nSELECT CONCAT('pos:', @@gtid_binlog_pos);\n",
        server_harness::FIXTURE_TIMESTAMP
    );
    for step in events::TRANSACTION_STEPS {
        script.push_str(step);
        script.push_str(";\nSELECT CONCAT('pos:', @@gtid_binlog_pos);\n");
    }
    let positions = server.client(CLIENT, script.as_bytes());
    let files = end_setting(&server, first);
    assert_eq!(files.len(), 1);
    write("transactions.bin", &std::fs::read(&files[0]).unwrap());
    write("transactions.sql", script.as_bytes());
    write("transactions.gtid-pos.txt", &positions.stdout);
    write(
        "transactions.show-binlog-events.txt",
        show(&files[0]).as_bytes(),
    );
    write(
        "server-version.txt",
        server.sql("SELECT VERSION()").as_bytes(),
    );
}
