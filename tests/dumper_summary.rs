//! `binlogdump --summary` checked against counts computed without binlogkit's reader:
//!
//! - `SHOW BINLOG EVENTS` as the servers printed it (the project's `demo.bin`, the MySQL
//!   8.0 cases of mysql-cdc-rs): event type names, counts and bytes (End_log_pos - Pos);
//! - `mariadb-binlog -v` run live on the largest fixtures: rows per table from its `###`
//!   lines, transactions from its GTID lines, `COMMIT`, `ROLLBACK` and `XA` statements;
//! - a frame walker written here over the raw bytes (19-byte headers; zstd for
//!   TRANSACTION_PAYLOAD bodies; GTID bodies read by hand): event types and bytes, time
//!   span, and the MySQL logical clock, whose parallelism is recomputed from its
//!   definition by a quadratic scan.
//!
//! The demo's text report is checked whole against a layout written by hand from its
//! oracles.

mod common;

#[path = "../examples/binlogdump/app.rs"]
#[allow(dead_code)]
mod app;

use app::dump;

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

fn summary_options(format: dump::Format) -> dump::Options {
    let mut options = dump::Options::new(format);
    options.mode = dump::Mode::Summary;
    options
}

/// The JSON summary of `bytes`, and whether the run failed.
fn summary_json(name: &str, bytes: &[u8], options: &dump::Options) -> (Value, bool) {
    let mut out = Vec::new();
    let failed = dump::run_bytes(&mut out, name, bytes, options).is_err();
    let text = String::from_utf8(out).expect("UTF-8");
    assert_eq!(
        text.lines().count(),
        1,
        "{name}: one JSON object on one line"
    );
    let value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}: {text}"));
    (value, failed)
}

fn u(v: &Value) -> u64 {
    v.as_u64().unwrap_or_else(|| panic!("not a u64: {v}"))
}

// ---------------------------------------------------------------------------------
// The frame walker

#[derive(Debug, Default)]
struct Walk {
    events: u64,
    bytes: u64,
    /// Type code -> (events, file bytes, events inside payloads, their bytes).
    types: BTreeMap<u8, [u64; 4]>,
    min_ts: Option<u32>,
    max_ts: Option<u32>,
    /// MySQL GTID events: (last_committed, sequence_number) when present.
    clocks: Vec<Option<(i64, i64)>>,
    /// MariaDB GTID events: their commit id.
    commit_ids: Vec<Option<u64>>,
    xids: u64,
}

fn le(bytes: &[u8], at: usize, n: usize) -> u64 {
    bytes[at..at + n]
        .iter()
        .rev()
        .fold(0, |acc, &b| (acc << 8) | u64::from(b))
}

/// A MySQL packed integer at `*at`.
fn packed(bytes: &[u8], at: &mut usize) -> u64 {
    let first = bytes[*at];
    *at += 1;
    let n = match first {
        0..=250 => return u64::from(first),
        0xfc => 2,
        0xfd => 3,
        _ => 8,
    };
    let v = le(bytes, *at, n);
    *at += n;
    v
}

impl Walk {
    fn of(bytes: &[u8]) -> Walk {
        let mut walk = Walk::default();
        assert_eq!(&bytes[..4], b"\xfebin");
        walk.frames(&bytes[4..], false);
        walk
    }

    fn frames(&mut self, mut rest: &[u8], inner: bool) {
        while !rest.is_empty() {
            assert!(rest.len() >= 19, "a header cut short");
            let ts = le(rest, 0, 4) as u32;
            let code = rest[4];
            let size = le(rest, 9, 4) as usize;
            assert!(size >= 19 && size <= rest.len(), "a frame past the end");
            let event = &rest[..size];
            let body = &event[19..];
            self.events += 1;
            let slot = self.types.entry(code).or_default();
            slot[0] += 1;
            if inner {
                slot[2] += 1;
                slot[3] += size as u64;
            } else {
                slot[1] += size as u64;
                self.bytes += size as u64;
            }
            if ts != 0 {
                self.min_ts = Some(self.min_ts.map_or(ts, |t| t.min(ts)));
                self.max_ts = Some(self.max_ts.map_or(ts, |t| t.max(ts)));
            }
            match code {
                16 => self.xids += 1,
                33 | 34 => {
                    // flags, uuid, gno, then the logical clock type 2 and its fields.
                    let clock = (body.len() >= 42 && body[25] == 2)
                        .then(|| (le(body, 26, 8) as i64, le(body, 34, 8) as i64));
                    self.clocks.push(clock);
                }
                162 => {
                    let flags = body[12];
                    self.commit_ids
                        .push((flags & 2 != 0).then(|| le(body, 13, 8)));
                }
                40 => self.payload(body),
                _ => {}
            }
            rest = &rest[size..];
        }
    }

    /// A TRANSACTION_PAYLOAD body: type-length-value fields up to a type 0, then the
    /// payload, zstd (type 0) or stored (255).
    fn payload(&mut self, body: &[u8]) {
        let mut at = 0;
        let (mut size, mut compression) = (None, None);
        loop {
            let field = packed(body, &mut at);
            if field == 0 {
                break;
            }
            let len = packed(body, &mut at) as usize;
            let mut value_at = at;
            let value = packed(body, &mut value_at);
            match field {
                1 => size = Some(value as usize),
                2 => compression = Some(value),
                _ => {}
            }
            at += len;
        }
        let payload = &body[at..at + size.expect("payload size")];
        let events = match compression.expect("compression") {
            0 => zstd::stream::decode_all(payload).expect("zstd"),
            255 => payload.to_vec(),
            other => panic!("compression {other}"),
        };
        self.frames(&events, true);
    }
}

/// SHOW BINLOG EVENTS's names, written out here (MySQL `Log_event::get_type_str`,
/// MariaDB's the same for its codes).
fn show_name(code: u8) -> &'static str {
    match code {
        2 => "Query",
        3 => "Stop",
        4 => "Rotate",
        5 => "Intvar",
        13 => "RAND",
        14 => "User var",
        15 => "Format_desc",
        16 => "Xid",
        17 => "Begin_load_query",
        18 => "Execute_load_query",
        19 => "Table_map",
        23 => "Write_rows_v1",
        24 => "Update_rows_v1",
        25 => "Delete_rows_v1",
        29 => "Rows_query",
        30 => "Write_rows",
        31 => "Update_rows",
        32 => "Delete_rows",
        33 => "Gtid",
        34 => "Anonymous_Gtid",
        35 => "Previous_gtids",
        38 => "XA_prepare",
        40 => "Transaction_payload",
        160 => "Annotate_rows",
        161 => "Binlog_checkpoint",
        162 => "Gtid",
        163 => "Gtid_list",
        164 => "Start_encryption",
        165 => "Query_compressed",
        166 => "Write_rows_compressed_v1",
        167 => "Update_rows_compressed_v1",
        168 => "Delete_rows_compressed_v1",
        other => panic!("no name written down for type {other}"),
    }
}

/// The summary's event types against the walker's.
fn check_types(name: &str, summary: &Value, walk: &Walk) {
    assert_eq!(u(&summary["events"]), walk.events, "{name}: events");
    assert_eq!(u(&summary["bytes"]), walk.bytes, "{name}: bytes");
    let mut ours = BTreeMap::new();
    for t in summary["event_types"].as_array().expect("event_types") {
        let code = u(&t["type_code"]) as u8;
        assert_eq!(
            t["type"],
            show_name(code),
            "{name}: the name of type {code}"
        );
        ours.insert(
            code,
            [
                u(&t["events"]),
                u(&t["bytes"]),
                u(&t["in_payload"]),
                u(&t["uncompressed_bytes"]),
            ],
        );
    }
    assert_eq!(ours, walk.types, "{name}: events and bytes by type");
    let share_sum: f64 = summary["event_types"]
        .as_array()
        .expect("event_types")
        .iter()
        .map(|t| t["share"].as_f64().expect("share"))
        .sum();
    assert!((share_sum - 1.0).abs() < 1e-9, "{name}: shares add up to 1");
    assert_eq!(
        summary["time"]["start_timestamp"].as_u64(),
        walk.min_ts.map(u64::from),
        "{name}: start"
    );
    assert_eq!(
        summary["time"]["end_timestamp"].as_u64(),
        walk.max_ts.map(u64::from),
        "{name}: end"
    );
}

// ---------------------------------------------------------------------------------
// The logical clock, from its definition

/// Buckets 1, 2, 3-4, 5-8, ... as (min, max, groups, transactions), from the sizes.
fn buckets(sizes: &[u64]) -> Vec<(u64, u64, u64, u64)> {
    let mut out = Vec::new();
    let (mut min, mut max) = (1, 1);
    while sizes.iter().any(|&s| s >= min) {
        let inside: Vec<u64> = sizes
            .iter()
            .copied()
            .filter(|&s| s >= min && s <= max)
            .collect();
        if !inside.is_empty() {
            out.push((min, max, inside.len() as u64, inside.iter().sum()));
        }
        min = max + 1;
        max *= 2;
    }
    out
}

/// (steps, max at once, group sizes) for the clocks of consecutive files.
fn clock_oracle(files: &[Vec<(i64, i64)>]) -> (u64, u64, Vec<u64>) {
    // Every transaction's step: not before the one before it, after the whole previous
    // file, after every earlier transaction of its file with seq <= its last_committed.
    let mut steps: Vec<u64> = Vec::new();
    let mut groups = Vec::new();
    for clocks in files {
        let file_start = steps.len();
        let floor = steps.last().map_or(0, |s| s + 1);
        for (i, &(lc, seq)) in clocks.iter().enumerate() {
            if i > 0 {
                assert!(seq > clocks[i - 1].1, "sequence numbers increase in a file");
            }
            let mut step = steps.last().copied().unwrap_or(0).max(floor);
            for (j, &(_, s)) in clocks[..i].iter().enumerate() {
                if s <= lc {
                    step = step.max(steps[file_start + j] + 1);
                }
            }
            steps.push(step);
        }
        let mut i = 0;
        while i < clocks.len() {
            let j = (i..clocks.len())
                .find(|&j| clocks[j].0 != clocks[i].0)
                .unwrap_or(clocks.len());
            groups.push((j - i) as u64);
            i = j;
        }
    }
    let mut per_step: BTreeMap<u64, u64> = BTreeMap::new();
    for s in &steps {
        *per_step.entry(*s).or_default() += 1;
    }
    let max = per_step.values().copied().max().unwrap_or(0);
    (per_step.len() as u64, max, groups)
}

fn check_clock(name: &str, summary: &Value, files: &[Vec<(i64, i64)>]) {
    let clock = &summary["logical_clock"];
    let n: usize = files.iter().map(Vec::len).sum();
    if n == 0 {
        assert!(clock.is_null(), "{name}: no logical clock");
        return;
    }
    let (steps, max, groups) = clock_oracle(files);
    assert_eq!(u(&clock["transactions"]), n as u64, "{name}: clocked");
    assert_eq!(u(&clock["steps"]), steps, "{name}: applier steps");
    assert_eq!(u(&clock["max_at_once"]), max, "{name}: max at once");
    let average = clock["average_at_once"].as_f64().expect("average");
    assert!((average - n as f64 / steps as f64).abs() < 1e-9, "{name}");
    assert_eq!(
        u(&clock["commit_groups"]),
        groups.len() as u64,
        "{name}: groups"
    );
    assert_eq!(
        u(&clock["max_group"]),
        groups.iter().copied().max().unwrap_or(0),
        "{name}: largest group"
    );
    let ours: Vec<(u64, u64, u64, u64)> = clock["group_sizes"]
        .as_array()
        .expect("group_sizes")
        .iter()
        .map(|b| {
            (
                u(&b["min"]),
                u(&b["max"]),
                u(&b["groups"]),
                u(&b["transactions"]),
            )
        })
        .collect();
    assert_eq!(ours, buckets(&groups), "{name}: group size histogram");
}

// ---------------------------------------------------------------------------------
// mariadb-binlog

/// `mariadb-binlog` on the PATH, or `None` (with a notice; a failure when
/// `BINLOGKIT_REQUIRE_MARIADB=1`).
fn mariadb_binlog() -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let found = std::env::split_paths(&path)
        .map(|dir| dir.join("mariadb-binlog"))
        .find(|p| p.is_file());
    if found.is_none() {
        assert!(
            std::env::var("BINLOGKIT_REQUIRE_MARIADB").as_deref() != Ok("1"),
            "BINLOGKIT_REQUIRE_MARIADB=1 but mariadb-binlog is not on the PATH"
        );
        eprintln!("NOTICE: mariadb-binlog is not on the PATH; skipping the comparisons with it");
    }
    found
}

/// What `mariadb-binlog -v` says about a binlog.
#[derive(Debug, Default)]
struct Printed {
    /// `db`.`table` -> [inserted, updated, deleted] (its `###` lines).
    rows: BTreeMap<String, [u64; 3]>,
    gtids: u64,
    /// Commit ids of its GTID lines (`cid=`).
    commit_ids: Vec<Option<u64>>,
    committed: u64,
    rolled_back: u64,
    xa_prepared: u64,
}

fn run_mariadb_binlog(tool: &Path, bytes: &[u8]) -> Printed {
    let mut child = Command::new(tool)
        .args(["--no-defaults", "-v", "--base64-output=decode-rows", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("mariadb-binlog runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = bytes.to_vec();
    let feeder = std::thread::spawn(move || stdin.write_all(&input));
    let mut out = Vec::new();
    child
        .stdout
        .take()
        .expect("stdout")
        .read_to_end(&mut out)
        .expect("read");
    let status = child.wait().expect("wait");
    feeder.join().expect("feeder").expect("write");
    assert!(status.success(), "mariadb-binlog failed");
    let mut printed = Printed::default();
    let table = |rest: &[u8]| String::from_utf8_lossy(rest).trim().to_owned();
    for line in out.split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if let Some(rest) = line.strip_prefix(b"### INSERT INTO ") {
            printed.rows.entry(table(rest)).or_default()[0] += 1;
        } else if let Some(rest) = line.strip_prefix(b"### UPDATE ") {
            printed.rows.entry(table(rest)).or_default()[1] += 1;
        } else if let Some(rest) = line.strip_prefix(b"### DELETE FROM ") {
            printed.rows.entry(table(rest)).or_default()[2] += 1;
        } else if line.starts_with(b"#") && line.windows(6).any(|w| w == b"\tGTID ") {
            printed.gtids += 1;
            let text = String::from_utf8_lossy(line);
            printed.commit_ids.push(
                text.split_whitespace()
                    .find_map(|w| w.strip_prefix("cid="))
                    .map(|c| c.parse().expect("cid")),
            );
        } else if line == b"COMMIT/*!*/;" || line == b"COMMIT" {
            // The first is an XID event, the second a COMMIT statement.
            printed.committed += 1;
        } else if line == b"ROLLBACK" || line.starts_with(b"XA ROLLBACK ") {
            printed.rolled_back += 1;
        } else if line.starts_with(b"XA PREPARE ") {
            printed.xa_prepared += 1;
        }
    }
    printed
}

/// The summary's rows per table, as `db`.`table` -> [inserted, updated, deleted].
fn summary_rows(summary: &Value) -> BTreeMap<String, [u64; 3]> {
    summary["tables"]
        .as_array()
        .expect("tables")
        .iter()
        .filter(|t| u(&t["inserted"]) + u(&t["updated"]) + u(&t["deleted"]) > 0)
        .map(|t| {
            (
                format!(
                    "`{}`.`{}`",
                    t["database"].as_str().expect("db"),
                    t["table"].as_str().expect("table")
                ),
                [u(&t["inserted"]), u(&t["updated"]), u(&t["deleted"])],
            )
        })
        .collect()
}

// ---------------------------------------------------------------------------------
// The tests

/// The largest fixtures of the corpus (by size, both trees), and the files that bring
/// something else: transaction payloads, MariaDB compressed events, XA, ROLLBACK,
/// MINIMAL images, MySQL 5.5, a 5.7 file with GTIDs and logical clocks.
const LARGEST: &[&str] = &[
    "mysql/mariadb-poc/mariadb-binlog/binlogs/domain_id_0/mariadb-repl-bin.000002",
    "mysql/DockerDataMySQL/binlog.000001",
    "mysql/DockerDataMySQL/binlog.000019",
    "mysql/mysql-cdc-rs/tests/events/8.0/folder/@ea3363c472/binlog.000693",
    "mariadb/types-row.bin",
    "mariadb/types-row-nochecksum.bin",
    "mysql/mysql-cdc-rs/tests/events/8.0/folder/@ea3363c472/binlog.000694",
    "mysql/mysql-binlog-connector-java/src/test/resources/mysql-bin.sakila.gz",
    "mariadb/types-row-noblob.bin",
    "mariadb/types-row-minimal.bin",
    "mysql/DockerDataMySQL/binlog.000014",
    "mysql/mariadb-poc/mariadb-binlog/binlogs/domain_id_0/mariadb-repl-bin.000004",
    "mysql/go-parse/tests/@3dd29137ed/mysql-bin.000012",
    "mariadb/compressed.bin",
    "mariadb/types-mixed.bin",
    "mariadb/transactions.bin",
    "mariadb/transactions-row.bin",
];

/// Files with TRANSACTION_PAYLOAD events (mariadb-binlog cannot read them).
const PAYLOADS: &[&str] = &[
    "mysql/mysql-binlog-connector-java/src/test/resources/mysql-bin.compressed",
    "mysql/rust_mysql_common/test-data/binlogs/transaction_compression.000001",
];

#[test]
fn largest_fixtures_match_the_frame_walker_and_mariadb_binlog() {
    let Some(root) = common::shared_fixtures() else {
        return;
    };
    let tool = mariadb_binlog();
    let options = summary_options(dump::Format::Json);
    for name in LARGEST.iter().chain(PAYLOADS) {
        let bytes = common::read_binlog(&root.join(name));
        let (summary, failed) = summary_json(name, &bytes, &options);
        assert!(!failed, "{name}: {}", summary["error"]);
        assert_eq!(summary["partial"], false);
        let walk = Walk::of(&bytes);
        check_types(name, &summary, &walk);
        let clocks: Vec<(i64, i64)> = walk.clocks.iter().flatten().copied().collect();
        check_clock(name, &summary, &[clocks]);
        let tx = &summary["transactions"];
        let gtid_events = (walk.clocks.len() + walk.commit_ids.len()) as u64;
        if gtid_events > 0 {
            // Whole files: one transaction per GTID event.
            assert_eq!(u(&tx["total"]), gtid_events, "{name}: transactions");
            assert_eq!(u(&tx["with_gtid"]), gtid_events, "{name}: with a GTID");
            assert_eq!(u(&tx["unfinished"]), 0, "{name}: unfinished");
        }
        assert!(u(&tx["committed"]) >= walk.xids, "{name}: committed");
        assert_eq!(
            summary["rows"]["undecoded_row_events"], 0,
            "{name}: every row decoded"
        );
        if PAYLOADS.contains(name) {
            continue;
        }
        let Some(tool) = &tool else {
            continue;
        };
        let printed = run_mariadb_binlog(tool, &bytes);
        assert_eq!(
            summary_rows(&summary),
            printed.rows,
            "{name}: rows per table"
        );
        let total_rows: u64 = printed.rows.values().flatten().sum();
        let largest = tx["largest_by_rows"][0]["rows"].as_u64().unwrap_or(0);
        assert!(
            largest <= total_rows,
            "{name}: the largest transaction's rows"
        );
        // mariadb-binlog prints MariaDB GTIDs (MySQL's are "Ignorable" to it).
        if !walk.commit_ids.is_empty() {
            assert_eq!(u(&tx["total"]), printed.gtids, "{name}: GTIDs printed");
            assert_eq!(u(&tx["committed"]), printed.committed, "{name}: committed");
            assert_eq!(
                u(&tx["rolled_back"]),
                printed.rolled_back,
                "{name}: rolled back"
            );
            assert_eq!(
                u(&tx["xa_prepared"]),
                printed.xa_prepared,
                "{name}: XA prepared"
            );
            assert_eq!(printed.commit_ids, walk.commit_ids, "{name}: commit ids");
        }
        if walk.clocks.iter().any(Option::is_some) && walk.xids > 0 {
            // MySQL InnoDB files: every commit an XID.
            assert_eq!(u(&tx["committed"]), walk.xids, "{name}: committed");
        }
    }
}

/// The payload fixture, by what the manifest says of it: a zstd payload of 451 bytes
/// holding 960 bytes of Query, Table_map, Update_rows and Xid events.
#[test]
fn payload_events_are_counted_once() {
    let Some(root) = common::shared_fixtures() else {
        return;
    };
    let bytes = common::read_binlog(&root.join(PAYLOADS[0]));
    let (summary, _) = summary_json("compressed", &bytes, &summary_options(dump::Format::Json));
    let types: BTreeMap<&str, (u64, u64, u64)> = summary["event_types"]
        .as_array()
        .expect("types")
        .iter()
        .map(|t| {
            (
                t["type"].as_str().expect("type"),
                (u(&t["events"]), u(&t["in_payload"]), u(&t["bytes"])),
            )
        })
        .collect();
    for inner in ["Query", "Table_map", "Update_rows", "Xid"] {
        assert_eq!(types[inner], (1, 1, 0), "{inner}");
    }
    let total_uncompressed: u64 = summary["event_types"]
        .as_array()
        .expect("types")
        .iter()
        .map(|t| u(&t["uncompressed_bytes"]))
        .sum();
    assert_eq!(total_uncompressed, 960);
    assert_eq!(summary["bytes"], bytes.len() as u64 - 4);
    assert_eq!(summary["transactions"]["total"], 1);
    assert_eq!(summary["transactions"]["committed"], 1);
}

/// The consecutive files of one MySQL 8.0 server, read in one run: counts add up, and
/// the logical clock restarts in each file.
#[test]
fn consecutive_files_in_one_run() {
    let Some(root) = common::shared_fixtures() else {
        return;
    };
    let dir = root.join("mysql/mysql-cdc-rs/tests/events/8.0/folder/@ea3363c472");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("dir")
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 17);
    let mut out = Vec::new();
    dump::run(&mut out, &files, &summary_options(dump::Format::Json)).expect("run");
    let summary: Value = serde_json::from_slice(&out).expect("JSON");
    let mut events = 0;
    let mut clocks = Vec::new();
    let mut tables: BTreeMap<String, [u64; 3]> = BTreeMap::new();
    let tool = mariadb_binlog();
    for (i, file) in files.iter().enumerate() {
        let bytes = std::fs::read(file).expect("read");
        let walk = Walk::of(&bytes);
        events += walk.events;
        assert_eq!(u(&summary["files"][i]["events"]), walk.events);
        assert_eq!(u(&summary["files"][i]["bytes"]), walk.bytes);
        clocks.push(walk.clocks.iter().flatten().copied().collect::<Vec<_>>());
        if let Some(tool) = &tool {
            for (table, counts) in run_mariadb_binlog(tool, &bytes).rows {
                let sum = tables.entry(table).or_default();
                for (s, c) in sum.iter_mut().zip(counts) {
                    *s += c;
                }
            }
        }
    }
    assert_eq!(u(&summary["events"]), events);
    check_clock("folder", &summary, &clocks);
    if tool.is_some() {
        assert_eq!(summary_rows(&summary), tables);
    }
}

/// SHOW BINLOG EVENTS rows: (Pos, Event_type, End_log_pos).
type ShowRow = (u64, String, u64);

/// The demo's `mariadb --batch` output.
fn demo_show() -> Vec<ShowRow> {
    let text =
        std::fs::read_to_string(common::project_fixtures().join("demo.show-binlog-events.txt"))
            .expect("oracle");
    text.lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (
                f[1].parse().expect("pos"),
                f[2].to_owned(),
                f[4].parse().expect("end"),
            )
        })
        .collect()
}

/// The mysql client's boxed table; Info may run over lines, the other columns do not.
fn boxed_show(path: &Path) -> Vec<ShowRow> {
    let text = std::fs::read_to_string(path).expect("oracle");
    text.lines()
        .filter(|l| l.starts_with("| binlog."))
        .map(|l| {
            let f: Vec<&str> = l.split('|').map(str::trim).collect();
            (
                f[2].parse().expect("pos"),
                f[3].to_owned(),
                f[5].parse().expect("end"),
            )
        })
        .collect()
}

/// Counts and bytes per name, and the total, from SHOW BINLOG EVENTS rows.
fn show_counts(rows: &[ShowRow]) -> (BTreeMap<String, (u64, u64)>, u64, u64) {
    let mut by_type: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    for (pos, name, end) in rows {
        let e = by_type.entry(name.clone()).or_default();
        e.0 += 1;
        e.1 += end - pos;
    }
    let bytes = rows.iter().map(|(p, _, e)| e - p).sum();
    (by_type, rows.len() as u64, bytes)
}

fn summary_counts(summary: &Value) -> BTreeMap<String, (u64, u64)> {
    summary["event_types"]
        .as_array()
        .expect("types")
        .iter()
        .map(|t| {
            (
                t["type"].as_str().expect("type").to_owned(),
                (u(&t["events"]), u(&t["bytes"])),
            )
        })
        .collect()
}

#[test]
fn show_binlog_events_oracles() {
    let demo = std::fs::read(common::project_fixtures().join("demo.bin")).expect("demo");
    let options = summary_options(dump::Format::Json);
    let (summary, failed) = summary_json("demo.bin", &demo, &options);
    assert!(!failed);
    let (types, events, bytes) = show_counts(&demo_show());
    assert_eq!(summary_counts(&summary), types);
    assert_eq!(u(&summary["events"]), events);
    assert_eq!(u(&summary["bytes"]), bytes);

    let Some(root) = common::shared_fixtures() else {
        return;
    };
    let cases = root.join("mysql/oracles/mysql-cdc-rs/8.0");
    let binlogs = root.join("mysql/mysql-cdc-rs/tests/events/8.0");
    for (case, file) in [
        ("02_query", "binlog.000001"),
        ("02_query_bigger", "binlog.000733"),
        (
            "19_30_Table_map_event_Write_rows_log_event",
            "binlog.000018",
        ),
        ("31_update_rows_v2", "binlog.000001"),
    ] {
        let bytes = std::fs::read(binlogs.join(case).join(file)).expect("binlog");
        // The server's file grew after one dump: only the events in our copy.
        let rows: Vec<ShowRow> = boxed_show(&cases.join(case).join("show.utf8.txt"))
            .into_iter()
            .filter(|(_, _, end)| *end <= bytes.len() as u64)
            .collect();
        let (types, events, total) = show_counts(&rows);
        let (summary, failed) = summary_json(case, &bytes, &options);
        assert!(!failed, "{case}");
        assert_eq!(summary_counts(&summary), types, "{case}");
        assert_eq!(u(&summary["events"]), events, "{case}");
        assert_eq!(u(&summary["bytes"]), total, "{case}");
    }
}

/// Filters apply: from `--start-position=2841` only the format description (always
/// shown) and the events from 2841 on count, as SHOW BINLOG EVENTS lists them.
#[test]
fn only_shown_events_count() {
    let demo = std::fs::read(common::project_fixtures().join("demo.bin")).expect("demo");
    let mut options = summary_options(dump::Format::Json);
    options.filter.start_position = Some(2841);
    let (summary, failed) = summary_json("demo.bin", &demo, &options);
    assert!(!failed);
    let rows: Vec<ShowRow> = demo_show()
        .into_iter()
        .filter(|(pos, name, _)| *pos >= 2841 || name == "Format_desc")
        .collect();
    let (types, events, bytes) = show_counts(&rows);
    assert_eq!(summary_counts(&summary), types);
    assert_eq!(u(&summary["events"]), events);
    assert_eq!(u(&summary["bytes"]), bytes);
    // GTIDs 0-1-4 to 0-1-9; the rows of 0-1-4 (2 updated), 0-1-5 (1 deleted) and
    // 0-1-7 (1 inserted), from demo.mariadb-binlog.txt.
    assert_eq!(summary["transactions"]["total"], 6);
    assert_eq!(summary["rows"]["inserted"], 1);
    assert_eq!(summary["rows"]["updated"], 2);
    assert_eq!(summary["rows"]["deleted"], 1);
}

/// A file cut inside an event: the report so far, marked partial, and an error.
#[test]
fn an_error_gives_a_partial_report() {
    let demo = std::fs::read(common::project_fixtures().join("demo.bin")).expect("demo");
    // Cut inside the UPDATE_ROWS event at 3226 (it ends at 3634).
    let cut = &demo[..3300];
    let (summary, failed) = summary_json("cut.bin", cut, &summary_options(dump::Format::Json));
    assert!(failed);
    assert_eq!(summary["partial"], true);
    assert!(
        summary["error"]
            .as_str()
            .expect("error")
            .contains("cut.bin")
    );
    // The events before 3226 per the oracle; 0-1-4 is open.
    let (_, events, bytes) = show_counts(
        &demo_show()
            .into_iter()
            .filter(|(pos, _, _)| *pos < 3226)
            .collect::<Vec<_>>(),
    );
    assert_eq!(u(&summary["events"]), events);
    assert_eq!(u(&summary["bytes"]), bytes);
    assert_eq!(summary["transactions"]["unfinished"], 1);
    assert_eq!(summary["rows"]["inserted"], 4);

    let mut out = Vec::new();
    let result = dump::run_bytes(
        &mut out,
        "cut.bin",
        cut,
        &summary_options(dump::Format::Text),
    );
    assert!(matches!(result, Err(dump::DumpError::Input { .. })));
    let text = String::from_utf8(out).expect("UTF-8");
    assert!(
        text.lines()
            .nth(2)
            .is_some_and(|l| l.starts_with("PARTIAL: the run stopped at an error")),
        "{text}"
    );
}

/// A row value that does not decode is an input error: a VARCHAR length made longer
/// than the row in the demo's DELETE_ROWS event (checksums off, so the reader takes it).
#[test]
fn a_corrupt_row_is_an_error() {
    let mut demo = std::fs::read(common::project_fixtures().join("demo.bin")).expect("demo");
    // DELETE_ROWS at 3972..4012 deletes the row whose columns are all NULL but its
    // INT key: the image is a 2-byte NULL bitmap (12 columns) and 4 bytes of id, then
    // comes the CRC32. Clear the bitmap: every column then needs a value, which the
    // event does not hold.
    let event = &demo[3972..4012];
    assert_eq!(event[4], 25, "DELETE_ROWS_v1");
    let bitmap = 4012 - 4 - 4 - 2;
    demo[bitmap] = 0;
    demo[bitmap + 1] = 0;
    let mut options = summary_options(dump::Format::Json);
    options.reader = binlogkit::ReaderOptions::new().verify_checksums(false);
    let (summary, failed) = summary_json("bad.bin", &demo, &options);
    assert!(failed);
    assert_eq!(summary["partial"], true);
    let error = summary["error"].as_str().expect("error");
    assert!(error.contains("demo.all_types"), "{error}");
}

/// The demo's whole text report, written by hand from `demo.show-binlog-events.txt`
/// (types, bytes = End_log_pos - Pos, positions, GTIDs) and `demo.mariadb-binlog.txt`
/// (the `###` rows, the GTID events' times in UTC): the layout is two-space indented
/// columns, numbers right-aligned with thousands separators, names left-aligned.
#[test]
fn demo_text_report() {
    let demo = std::fs::read(common::project_fixtures().join("demo.bin")).expect("demo");
    let mut out = Vec::new();
    dump::run_bytes(
        &mut out,
        "demo.bin",
        &demo,
        &summary_options(dump::Format::Text),
    )
    .expect("run");
    let expected = "\
Binlog summary
==============

Files
-----
  File      Events  Bytes  From     To
  demo.bin      49  5,866     4  5,870

Time span
---------
  Start     2023-11-14T22:13:20Z
  End       2026-11-21T08:40:11Z
  Duration  1102d 10h 26m 51s (95,250,411 s)
  Events    49
  Bytes     5,866

Events by type
--------------
  Type               Events  Bytes   Share
  Query                   7  1,557   26.5%
  Annotate_rows           5  1,166   19.9%
  Table_map               5  1,049   17.9%
  Update_rows_v1          1    408    7.0%
  Write_rows_v1           3    399    6.8%
  Gtid                    9    378    6.4%
  Format_desc             1    252    4.3%
  User var                5    221    3.8%
  Xid                     5    155    2.6%
  Intvar                  4    128    2.2%
  Rotate                  1     44    0.8%
  Delete_rows_v1          1     40    0.7%
  Binlog_checkpoint       1     40    0.7%
  Gtid_list               1     29    0.5%
  Total                  49  5,866  100.0%

Transactions
------------
  Total              9
  Committed          5
  Single statements  4
  Rolled back        0
  XA prepared        0
  Unfinished         0
  With a GTID        9

Largest transactions by bytes
-----------------------------
  #  Start    End  Bytes  Rows  GTID   Time
  1  1,122  2,841  1,719     4  0-1-3  2023-11-14T22:13:30Z
  2  4,969  5,826    857     0  0-1-9  2023-11-14T22:15:10Z
  3  2,841  3,665    824     2  0-1-4  2023-11-14T22:13:40Z
  4    503  1,122    619     0  0-1-2  2023-11-14T22:13:21Z
  5  4,226  4,659    433     1  0-1-7  2023-11-14T22:14:10Z

Largest transactions by rows
----------------------------
  #  Start    End  Bytes  Rows  GTID   Time
  1  1,122  2,841  1,719     4  0-1-3  2023-11-14T22:13:30Z
  2  2,841  3,665    824     2  0-1-4  2023-11-14T22:13:40Z
  3  3,665  4,043    378     1  0-1-5  2023-11-14T22:13:50Z
  4  4,226  4,659    433     1  0-1-7  2023-11-14T22:14:10Z
  5    325    503    178     0  0-1-1  2023-11-14T22:13:20Z

Rows per table
--------------
  Table               Inserted  Updated  Deleted  Row events  Bytes
  `demo`.`all_types`         5        2        1           5    847
  Total                      5        2        1           5    847

Parallel apply (MariaDB commit ids)
-----------------------------------
  Transactions      9
  With a commit id  0
  Commit groups     9
  Group, average    1.00
  Group, max        1

  Group size  Groups  Transactions
           1       9             9
";
    let text = String::from_utf8(out).expect("UTF-8");
    if text != expected {
        for (i, (a, b)) in text.lines().zip(expected.lines()).enumerate() {
            if a != b {
                panic!("line {}:\n ours: {a:?}\n want: {b:?}", i + 1);
            }
        }
        panic!(
            "{} lines, want {}",
            text.lines().count(),
            expected.lines().count()
        );
    }
}

/// Commit groups of a live MariaDB server: transactions of concurrent clients, which
/// the server holds back to commit together (`binlog_commit_wait_count`), against the
/// `cid=` of mariadb-binlog's GTID lines and the commit ids the walker reads. How
/// many commit together depends on timing, so the groups are compared, not predicted.
#[test]
fn mariadb_commit_id_groups() {
    let Some(server) = common::mariadb::Server::start(
        "summary-gc",
        &[
            "--binlog-format=ROW",
            "--binlog-commit-wait-count=4",
            "--binlog-commit-wait-usec=500000",
        ],
    ) else {
        return;
    };
    server.sql("CREATE DATABASE gc; CREATE TABLE gc.t (id INT PRIMARY KEY, v INT) ENGINE=InnoDB");
    for round in 0..3 {
        std::thread::scope(|s| {
            for client in 0..4 {
                let server = &server;
                s.spawn(move || {
                    let id = round * 4 + client;
                    server.sql(&format!("INSERT INTO gc.t VALUES ({id}, {id})"));
                });
            }
        });
    }
    server.sql("UPDATE gc.t SET v = v + 1 WHERE id < 6");
    let binlog = server.flush_binlog();
    let bytes = std::fs::read(&binlog).expect("binlog");
    let (summary, failed) = summary_json("gc", &bytes, &summary_options(dump::Format::Json));
    assert!(!failed);
    let walk = Walk::of(&bytes);
    check_types("gc", &summary, &walk);
    let ids = &walk.commit_ids;
    let mut sizes = Vec::new();
    let mut i = 0;
    while i < ids.len() {
        let j = match ids[i] {
            None => i + 1,
            Some(id) => (i..ids.len())
                .find(|&j| ids[j] != Some(id))
                .unwrap_or(ids.len()),
        };
        sizes.push((j - i) as u64);
        i = j;
    }
    let groups = &summary["commit_id_groups"];
    assert_eq!(u(&groups["transactions"]), ids.len() as u64);
    assert_eq!(
        u(&groups["with_commit_id"]),
        ids.iter().flatten().count() as u64
    );
    assert_eq!(u(&groups["groups"]), sizes.len() as u64);
    assert_eq!(
        u(&groups["max_group"]),
        sizes.iter().copied().max().unwrap_or(0)
    );
    let ours: Vec<(u64, u64, u64, u64)> = groups["group_sizes"]
        .as_array()
        .expect("group_sizes")
        .iter()
        .map(|b| {
            (
                u(&b["min"]),
                u(&b["max"]),
                u(&b["groups"]),
                u(&b["transactions"]),
            )
        })
        .collect();
    assert_eq!(ours, buckets(&sizes));
    assert_eq!(summary["rows"]["inserted"], 12);
    assert_eq!(summary["rows"]["updated"], 6);
    if let Some(tool) = mariadb_binlog() {
        let printed = run_mariadb_binlog(&tool, &bytes);
        assert_eq!(
            &printed.commit_ids, ids,
            "cid= as mariadb-binlog prints them"
        );
        assert_eq!(u(&summary["transactions"]["total"]), printed.gtids);
    }
    if sizes.iter().all(|&s| s == 1) {
        eprintln!("NOTICE: no transactions committed together this time");
    }
}

/// Rows that need the table definition (MariaDB legacy temporals with fractional
/// digits, which the binlog does not record) are counted as such, not an error.
#[test]
fn rows_needing_the_table_definition_are_counted() {
    let Some(root) = common::shared_fixtures() else {
        return;
    };
    let bytes = common::read_binlog(&root.join("mariadb/temporal-legacy.bin"));
    let (summary, failed) = summary_json("legacy", &bytes, &summary_options(dump::Format::Json));
    assert!(!failed, "{}", summary["error"]);
    let walk = Walk::of(&bytes);
    check_types("legacy", &summary, &walk);
    let row_events: u64 = (23..=25)
        .filter_map(|code| walk.types.get(&code))
        .map(|t| t[0])
        .sum();
    assert_eq!(u(&summary["rows"]["row_events"]), row_events);
    let undecoded = u(&summary["rows"]["undecoded_row_events"]);
    assert!(undecoded > 0 && undecoded <= row_events);
    let mut out = Vec::new();
    dump::run_bytes(
        &mut out,
        "legacy",
        &bytes,
        &summary_options(dump::Format::Text),
    )
    .expect("run");
    let text = String::from_utf8(out).expect("UTF-8");
    assert!(text.contains(&format!(
        "  {undecoded} row events not decoded: they need the table definition.\n"
    )));
}
