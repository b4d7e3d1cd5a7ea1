//! binlogdump's filters against what they mean: which events a dump shows with
//! `--include-gtids`, `--exclude-gtids`, `--skip-gtids` on every fixture with MySQL
//! GTIDs, with the start and stop positions and times, `--server-id`, and `--database`
//! against mysqlbinlog's own output (the 5.6 mysql-test `--database` results).
//!
//! The expected event lists are built here from the transactions of each file (a GTID
//! event up to its XID or COMMIT/ROLLBACK), not from the filter's code; the dump's JSON
//! lines say which events it showed.

mod common;

#[path = "../examples/binlogdump/app.rs"]
#[allow(dead_code)]
mod app;

use app::{dump, filter};

use std::collections::BTreeSet;
use std::path::Path;

use binlogkit::gtid::{Gtid, GtidSet};
use binlogkit::{BinlogReader, Event};
use serde_json::Value;

/// An event as the dump identifies it: its offset, and its offset inside a
/// TRANSACTION_PAYLOAD for the events in one.
type Key = (u64, Option<u64>);

/// The events `options` show for `bytes`.
fn shown(bytes: &[u8], filter: filter::FilterOptions) -> Vec<Key> {
    let mut options = dump::Options::new(dump::Format::Json);
    options.filter = filter;
    let mut out = Vec::new();
    dump::run_bytes(&mut out, "input", bytes, &options).expect("the dump reads the file");
    let text = String::from_utf8(out).expect("UTF-8");
    text.lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("JSON");
            (
                v["pos"].as_u64().expect("pos"),
                v.get("payload_pos").and_then(Value::as_u64),
            )
        })
        .collect()
}

/// One event of a file, and the transaction it belongs to.
#[derive(Debug)]
struct Entry {
    key: Key,
    timestamp: u32,
    server_id: u32,
    /// Never filtered by GTID: format descriptions, rotates, stops, incidents and
    /// ignorable events (mysqlbinlog keeps them even inside a filtered transaction,
    /// because a relay log's transaction may span files).
    control: bool,
    /// A GTID or Previous_gtids event (what --skip-gtids drops).
    gtid_event: bool,
    /// The GTID of the transaction the event is in: `Some(None)` for an anonymous
    /// one, `None` outside any.
    transaction: Option<Option<Gtid>>,
}

/// The events of a file with their transactions; `None` when it does not read whole.
fn entries(bytes: &[u8]) -> Option<Vec<Entry>> {
    let mut reader = BinlogReader::new(bytes).ok()?;
    let mut out = Vec::new();
    let mut current: Option<Option<Gtid>> = None;
    while let Some(event) = reader.next_event().ok()? {
        let (control, gtid_event) = match &event.event {
            Event::Gtid(g) | Event::AnonymousGtid(g) => {
                current = Some(g.gtid());
                (false, true)
            }
            Event::PreviousGtids(_) => (false, true),
            Event::FormatDescription(_)
            | Event::StartV3(_)
            | Event::Rotate(_)
            | Event::Stop(_)
            | Event::Ignorable(_)
            | Event::Incident(_) => (true, false),
            _ => (false, false),
        };
        let transaction = if control { None } else { current.clone() };
        // The transaction ends with its XID or its COMMIT/ROLLBACK statement.
        match &event.event {
            Event::Xid(_) => current = None,
            Event::Query(q) if filter::ends_group(&q.query) => current = None,
            _ => {}
        }
        out.push(Entry {
            key: (event.offset, None),
            timestamp: event.header.timestamp,
            server_id: event.header.server_id,
            control,
            gtid_event,
            transaction: transaction.clone(),
        });
        if let Event::TransactionPayload(_) = &event.event {
            let mut inner = reader.decoder_mut().payload_events(&event).ok()?;
            while let Some(e) = inner.next_event().ok()? {
                out.push(Entry {
                    key: (event.offset, e.payload_offset),
                    timestamp: e.header.timestamp,
                    server_id: e.header.server_id,
                    control: false,
                    gtid_event: false,
                    transaction: transaction.clone(),
                });
            }
            current = None;
        }
    }
    Some(out)
}

/// The GTID filter's expectation: events outside transactions and control events always,
/// the others when their transaction's GTID `keep`s.
fn expect_gtids(entries: &[Entry], keep: impl Fn(&Option<Gtid>) -> bool) -> Vec<Key> {
    entries
        .iter()
        .filter(|e| e.control || e.transaction.as_ref().is_none_or(&keep))
        .map(|e| e.key)
        .collect()
}

fn set_of(gtids: &[&Gtid]) -> GtidSet {
    let text: Vec<String> = gtids.iter().map(|g| g.to_string()).collect();
    text.join(",").parse().expect("a GTID set")
}

#[test]
fn gtid_filters_keep_whole_transactions() {
    let Some(root) = common::shared_fixtures() else {
        return;
    };
    let (mut files, mut transactions, mut events) = (0, 0, 0);
    for path in common::shared_binlogs(&root) {
        let bytes = common::read_binlog(&path);
        let Some(entries) = entries(&bytes) else {
            continue;
        };
        let gtids: Vec<&Gtid> = {
            let mut seen = BTreeSet::new();
            entries
                .iter()
                .filter_map(|e| e.transaction.as_ref()?.as_ref())
                .filter(|g| seen.insert(g.to_string()))
                .collect()
        };
        if gtids.len() < 2 {
            continue;
        }
        let name = common::rel(&root, &path);
        files += 1;
        transactions += gtids.len();
        events += entries.len();
        // Every other transaction.
        let chosen: Vec<&Gtid> = gtids.iter().step_by(2).copied().collect();
        let set = set_of(&chosen);
        let in_set = |g: &Option<Gtid>| g.as_ref().is_some_and(|g| set.contains(g));

        let include = shown(
            &bytes,
            filter::FilterOptions {
                include_gtids: Some(set.clone()),
                ..Default::default()
            },
        );
        assert_eq!(
            include,
            expect_gtids(&entries, in_set),
            "{name}: --include-gtids"
        );

        let exclude = shown(
            &bytes,
            filter::FilterOptions {
                exclude_gtids: Some(set.clone()),
                ..Default::default()
            },
        );
        assert_eq!(
            exclude,
            expect_gtids(&entries, |g| !in_set(g)),
            "{name}: --exclude-gtids"
        );

        // Including everything shows everything but anonymous transactions (they are
        // in no set); both filters at once: the difference.
        let all = set_of(&gtids);
        let everything = shown(
            &bytes,
            filter::FilterOptions {
                include_gtids: Some(all.clone()),
                exclude_gtids: Some(set.clone()),
                ..Default::default()
            },
        );
        assert_eq!(
            everything,
            expect_gtids(&entries, |g| g.as_ref().is_some_and(|g| all.contains(g))
                && !in_set(g)),
            "{name}: --include-gtids with --exclude-gtids"
        );

        let skip = shown(
            &bytes,
            filter::FilterOptions {
                skip_gtids: true,
                ..Default::default()
            },
        );
        let expected: Vec<Key> = entries
            .iter()
            .filter(|e| !e.gtid_event)
            .map(|e| e.key)
            .collect();
        assert_eq!(skip, expected, "{name}: --skip-gtids");
    }
    eprintln!(
        "GTID filters: {files} files, {transactions} transactions, {events} events, 4 filters each"
    );
    assert!(files >= 10, "only {files} fixtures with MySQL GTIDs");
}

#[test]
fn positions_times_and_server_ids() {
    let Some(root) = common::shared_fixtures() else {
        return;
    };
    let mut checked = 0;
    for rel in [
        "mysql/kingbus/tools/test_data/binlog/mysql_bin.000011",
        "mysql/zalora-binlog-parser/data/fixtures/mysql-bin.01",
        "mariadb/transactions.bin",
        "mariadb/types-row.bin",
    ] {
        let path = root.join(rel);
        if !path.exists() {
            panic!("{rel} is missing from the fixtures");
        }
        let bytes = common::read_binlog(&path);
        let entries = entries(&bytes).expect("reads whole");
        let top: Vec<&Entry> = entries.iter().filter(|e| e.key.1.is_none()).collect();
        let format_key = top[0].key;
        for k in [1, top.len() / 3, top.len() / 2, top.len() - 1] {
            let at = top[k].key.0;
            // --start-position: the format description, then the events from `at` on.
            let got = shown(
                &bytes,
                filter::FilterOptions {
                    start_position: Some(at),
                    ..Default::default()
                },
            );
            let mut expected = vec![format_key];
            expected.extend(entries.iter().filter(|e| e.key.0 >= at).map(|e| e.key));
            assert_eq!(got, expected, "{rel}: --start-position={at}");
            // A position inside an event is refused, naming the event (mysqlbinlog
            // would start reading there and fail).
            let mut options = dump::Options::new(dump::Format::Json);
            options.filter.start_position = Some(at + 1);
            let mut out = Vec::new();
            match dump::run_bytes(&mut out, "input", &bytes, &options) {
                Err(dump::DumpError::Refused { message, .. }) => assert!(
                    message.contains(&format!("inside the event at {at} ")),
                    "{rel}: {message}"
                ),
                other => panic!("{rel}: --start-position={} gave {other:?}", at + 1),
            }
            // --stop-position: the events that start before it.
            let got = shown(
                &bytes,
                filter::FilterOptions {
                    stop_position: Some(at),
                    ..Default::default()
                },
            );
            let expected: Vec<Key> = entries
                .iter()
                .filter(|e| e.key.0 < at)
                .map(|e| e.key)
                .collect();
            assert_eq!(got, expected, "{rel}: --stop-position={at}");
            // The times: the first event at or after `when` starts the dump; from there
            // on everything shows (mysqlbinlog does not cut a file whose clock steps
            // back); the first at or after the stop time ends it.
            let when = i64::from(top[k].timestamp);
            let got = shown(
                &bytes,
                filter::FilterOptions {
                    start_datetime: Some(when),
                    ..Default::default()
                },
            );
            let first = entries
                .iter()
                .skip(1)
                .position(|e| i64::from(e.timestamp) >= when)
                .map_or(entries.len(), |p| p + 1);
            let mut expected = vec![format_key];
            expected.extend(entries.iter().skip(first).map(|e| e.key));
            assert_eq!(got, expected, "{rel}: --start-datetime={when}");
            let got = shown(
                &bytes,
                filter::FilterOptions {
                    stop_datetime: Some(when),
                    ..Default::default()
                },
            );
            let expected: Vec<Key> = entries
                .iter()
                .take_while(|e| i64::from(e.timestamp) < when)
                .map(|e| e.key)
                .collect();
            assert_eq!(got, expected, "{rel}: --stop-datetime={when}");
            checked += 4;
        }
        // --server-id: another id shows only the rotates; the file's own, everything.
        let own = top[0].server_id;
        let got = shown(
            &bytes,
            filter::FilterOptions {
                server_id: Some(own),
                ..Default::default()
            },
        );
        let expected: Vec<Key> = entries
            .iter()
            .filter(|e| e.server_id == own)
            .map(|e| e.key)
            .collect();
        assert_eq!(got, expected, "{rel}: --server-id={own}");
        checked += 1;
    }
    eprintln!("position, time and server-id filters: {checked} cases");
}

/// The statements of a `--short-form` mysqlbinlog output: every statement ended by a
/// `/*!*/;` line, without the session `SET`s and `use` lines (the printer's business).
/// `COMMIT/*!*/;` on one line is an XID event's.
fn oracle_statements(section: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in section.lines() {
        if line == "/*!*/;" {
            out.push(std::mem::take(&mut current));
        } else if line == "COMMIT/*!*/;" {
            out.push("<xid>".to_owned());
        } else if line.ends_with("/*!*/;") || line.starts_with("/*!") || line.starts_with('#') {
            // `use`, `SET ...`, the preamble.
        } else if line == "DELIMITER ;" || line.starts_with("ROLLBACK /* added") {
        } else {
            if !current.is_empty() {
                current.push('\n');
            }
            current.push_str(line);
        }
    }
    out
}

/// The statements our dump shows, in the same form.
fn dumped_statements(bytes: &[u8], database: &str, rewrite: &[(&str, &str)]) -> Vec<String> {
    let mut options = dump::Options::new(dump::Format::Json);
    options.filter.database = Some(database.to_owned());
    options.filter.rewrite_db = rewrite
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect();
    let mut out = Vec::new();
    dump::run_bytes(&mut out, "input", bytes, &options).expect("reads");
    String::from_utf8(out)
        .expect("UTF-8")
        .lines()
        .filter_map(|l| {
            let v: Value = serde_json::from_str(l).expect("JSON");
            match v["type"].as_str()? {
                "query" => Some(v["query"].as_str()?.to_owned()),
                "xid" => Some("<xid>".to_owned()),
                _ => None,
            }
        })
        .collect()
}

#[test]
fn database_filter_matches_mysqlbinlog() {
    let Some(root) = common::shared_fixtures() else {
        return;
    };
    let oracle =
        std::fs::read_to_string(root.join("mysql/oracles/mysql-server-5.6/mysqlbinlog.result"))
            .expect("the oracle");
    let lines: Vec<&str> = oracle.lines().collect();
    // The four `--database` runs, as the oracle README places them (1-based lines).
    let section = |from: usize, to: usize| lines[from - 1..to].join("\n");
    let std_data = Path::new("mysql/mysql-server-std_data/mysql-test/std_data");
    let cases = [
        ("binlog_transaction.000001", "test", section(745, 794)),
        ("binlog_transaction.000001", "not_exist", section(797, 832)),
        ("binlog_savepoint.000001", "db1", section(835, 876)),
        ("binlog_savepoint.000001", "not_exist", section(879, 904)),
    ];
    for (file, database, text) in cases {
        let bytes = common::read_binlog(&root.join(std_data).join(file));
        let expected = oracle_statements(&text);
        assert!(
            expected.len() >= 4,
            "{file} --database={database}: oracle section"
        );
        assert_eq!(
            dumped_statements(&bytes, database, &[]),
            expected,
            "{file} --database={database}"
        );
        // --rewrite-db applies first: `--rewrite-db=X->renamed --database=renamed` keeps
        // what `--database=X` keeps.
        assert_eq!(
            dumped_statements(&bytes, "renamed", &[(database, "renamed")]),
            expected,
            "{file} --rewrite-db={database}->renamed --database=renamed"
        );
        if database != "not_exist" {
            assert_ne!(
                dumped_statements(&bytes, database, &[(database, "renamed")]),
                expected,
                "{file}: after --rewrite-db={database}->renamed, --database={database} differs"
            );
        }
    }
}
