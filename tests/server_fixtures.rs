//! The committed MariaDB fixtures (`fixtures/mariadb/`, made by its `generate.sh` on a
//! real server), checked without a server: the server's answers were saved next to each
//! binlog at generation time.
//!
//! For each fixture of `server_harness::FIXTURES`:
//! - the workload regenerated from its seed is byte for byte the script the server ran
//!   (`<name>.sql`), so the saved answers belong to these table definitions;
//! - every event is as the server's SHOW BINLOG EVENTS showed it (position, type, server
//!   id, end, and the Info of QUERY, ANNOTATE_ROWS, GTID, XID, XA_PREPARE, TABLE_MAP,
//!   USER_VAR, ROTATE, GTID_LIST and BINLOG_CHECKPOINT events);
//! - the statement texts in the binlog are the executed ones;
//! - ROW fixtures: the tables rebuilt from the row events equal the server's `SELECT`
//!   (`<name>.select.txt`) value by value.
//!
//! And for `transactions`: the GTIDs progress as `@@gtid_binlog_pos` did after each step.

mod server_harness;

use std::path::PathBuf;

use server_harness::check::{self, Decoded, ServerTable};
use server_harness::{FIXTURES, events};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/mariadb")
}

fn read(name: &str) -> Vec<u8> {
    let path = dir().join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn text(name: &str) -> String {
    String::from_utf8(read(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Splits `<name>.select.txt` into (table, batch output) sections.
fn select_sections(all: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in all.lines() {
        if let Some(table) = line.strip_prefix("# ") {
            out.push((table.to_owned(), String::new()));
        } else if let Some((_, body)) = out.last_mut() {
            body.push_str(line);
            body.push('\n');
        }
    }
    out
}

#[test]
fn mariadb_fixtures_match_the_server() {
    let mut rows = 0;
    let mut values = 0;
    let mut events_checked = 0;
    let mut tested_the_test = false;
    for f in FIXTURES {
        let w = server_harness::fixture_workload(f);
        let script = server_harness::session_prefix(
            f.format,
            f.image,
            Some(server_harness::FIXTURE_TIMESTAMP),
        ) + &w.script;
        assert!(
            script == text(&format!("{}.sql", f.name)),
            "{}: the workload generator no longer makes the script the fixture was made \
             with; run fixtures/mariadb/generate.sh",
            f.name
        );
        let bytes = read(&format!("{}.bin", f.name));
        let shown = text(&format!("{}.show-binlog-events.txt", f.name));
        events_checked += events::compare_with_show_binlog_events(f.name, &shown, &bytes)
            .unwrap_or_else(|e| panic!("{e}"));

        let mut decoded = Decoded {
            skip_apply: f.format != "ROW",
            ..Decoded::default()
        };
        decoded
            .read_bytes(&bytes)
            .unwrap_or_else(|e| panic!("{}: {e}", f.name));
        assert!(
            decoded.problems.is_empty(),
            "{}: {:?}",
            f.name,
            decoded.problems
        );
        check::check_statements(f.name, f.format, &w, &decoded).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            decoded.compressed > 0,
            f.compress,
            "{}: compressed events",
            f.name
        );
        assert_eq!(
            decoded.checksummed > 0,
            f.checksum == "CRC32",
            "{}: checksums",
            f.name
        );
        if f.format != "ROW" {
            continue;
        }
        let sections = select_sections(&text(&format!("{}.select.txt", f.name)));
        assert_eq!(sections.len(), w.tables.len(), "{}: tables", f.name);
        for (table, (name, output)) in w.tables.iter().zip(&sections) {
            assert_eq!(&table.qualified(), name);
            let server = ServerTable::parse(table, output).unwrap();
            let ours = decoded.tables.get(&(table.db.clone(), table.name.clone()));
            let counts = check::compare(table, &server, ours).unwrap_or_else(|errors| {
                panic!(
                    "{}: {} mismatches:\n{}",
                    f.name,
                    errors.len(),
                    errors.join("\n")
                )
            });
            rows += counts.rows;
            values += counts.values;
            if !tested_the_test {
                if let Some(ours) = ours {
                    tested_the_test =
                        check::mutated_comparison_fails(table, &server, ours).is_some();
                }
            }
        }
    }
    assert!(tested_the_test, "no fixture table had an integer to mutate");
    assert!(rows > 0 && values > 0);
    eprintln!(
        "mariadb fixtures: {} fixtures, {rows} rows / {values} values equal to the server's \
         SELECT, {events_checked} events equal to SHOW BINLOG EVENTS",
        FIXTURES.len()
    );
}

#[test]
fn mariadb_transactions_fixture_matches_the_server() {
    let bytes = read("transactions.bin");
    let shown = text("transactions.show-binlog-events.txt");
    let n = events::compare_with_show_binlog_events("transactions", &shown, &bytes)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(n > 50, "{n} events");

    // The GTID progression: the positions after each of our GTID events, from the
    // server's first, equal its @@gtid_binlog_pos after each step (repeats dropped: a
    // step that logged nothing leaves the position as it was).
    let mut server_positions: Vec<Vec<String>> = text("transactions.gtid-pos.txt")
        .lines()
        .filter_map(|l| l.strip_prefix("pos:"))
        .map(events::position_entries)
        .collect();
    assert_eq!(server_positions.len(), events::TRANSACTION_STEPS.len() + 1);
    server_positions.dedup();
    let mut last = std::collections::BTreeMap::new();
    let mut ours = vec![server_positions[0].clone()];
    let mut xa = 0;
    for event in binlogkit::BinlogReader::new(&bytes).unwrap() {
        if let binlogkit::Event::MariadbGtid(g) = event.unwrap().event {
            xa += usize::from(g.xid.is_some());
            last.insert(g.gtid.domain_id, g.gtid.to_string());
            let mut position: Vec<String> = last.values().cloned().collect();
            position.sort();
            ours.push(position);
        }
    }
    assert_eq!(ours, server_positions);
    // XA PREPARE, XA COMMIT, XA PREPARE, XA ROLLBACK carry their XA id.
    assert_eq!(xa, 4);
}
