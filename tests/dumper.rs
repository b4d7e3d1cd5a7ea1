//! binlogdump's JSON Lines output on every fixture: each line a JSON object with the
//! common keys; broken files end with one error line naming the offset and kind, and the
//! command exits 1 with a message on standard error.

mod common;

#[path = "../examples/binlogdump/app.rs"]
#[allow(dead_code)]
mod app;

use app::dump;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn options() -> dump::Options {
    dump::Options::new(dump::Format::Json)
}

/// The JSON lines binlogdump prints for `bytes`, and whether it stopped on an error.
fn dump_lines(bytes: &[u8]) -> (Vec<Value>, bool) {
    let mut out = Vec::new();
    let failed = dump::run_bytes(&mut out, "input", bytes, &options()).is_err();
    let text = String::from_utf8(out).expect("JSON output is UTF-8");
    let lines = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect();
    (lines, failed)
}

fn check_lines(name: &str, lines: &[Value], failed: bool) {
    let mut last_pos = 0u64;
    for (n, line) in lines.iter().enumerate() {
        let obj = line
            .as_object()
            .unwrap_or_else(|| panic!("{name}:{n}: not an object"));
        let kind = obj["type"]
            .as_str()
            .unwrap_or_else(|| panic!("{name}:{n}: no type"));
        if kind == "error" {
            assert!(failed, "{name}: error line without failure");
            assert_eq!(n, lines.len() - 1, "{name}: the error line is the last");
            assert!(obj["pos"].is_u64() && obj["kind"].is_string() && obj["message"].is_string());
            continue;
        }
        for key in [
            "pos",
            "end_pos",
            "type_code",
            "timestamp",
            "server_id",
            "log_pos",
            "flags",
        ] {
            assert!(obj[key].is_u64(), "{name}:{n}: {key} in {line}");
        }
        let pos = obj["pos"].as_u64().unwrap_or(0);
        let end = obj["end_pos"].as_u64().unwrap_or(0);
        assert!(end > pos, "{name}:{n}: end_pos {end} <= pos {pos}");
        if obj.contains_key("payload_pos") {
            assert_eq!(
                pos, last_pos,
                "{name}:{n}: inner events carry the payload's pos"
            );
        } else {
            assert!(pos >= last_pos, "{name}:{n}: positions go forward");
            last_pos = pos;
        }
        match kind {
            "gtid" => {
                let gtid = obj["gtid"].as_str().expect("gtid text");
                assert!(
                    gtid.parse::<binlogkit::gtid::Gtid>().is_ok(),
                    "{name}: {gtid}"
                );
            }
            "previous_gtids" => {
                let set = obj["gtid_set"].as_str().expect("gtid_set text");
                let parsed: binlogkit::gtid::GtidSet = set.parse().expect("canonical set");
                assert_eq!(parsed.to_string(), set);
            }
            "mariadb_gtid" => {
                let gtid = obj["gtid"].as_str().expect("d-s-n");
                assert!(
                    gtid.parse::<binlogkit::gtid::MariadbGtid>().is_ok(),
                    "{gtid}"
                );
            }
            "unknown" => assert_eq!(obj["type_code"], 100, "{name}: only Aurora's 100"),
            _ => {}
        }
    }
}

#[test]
fn json_lines_on_every_fixture() {
    let mut files: Vec<(String, PathBuf)> = vec![(
        "fixtures/demo.bin".into(),
        common::project_fixtures().join("demo.bin"),
    )];
    if let Some(root) = common::shared_fixtures() {
        files.extend(
            common::shared_binlogs(&root)
                .into_iter()
                .map(|p| (common::rel(&root, &p), p)),
        );
    }
    let mut total = 0;
    for (name, path) in &files {
        let bytes = common::read_binlog(path);
        let (lines, failed) = dump_lines(&bytes);
        check_lines(name, &lines, failed);
        match common::expected_error(path) {
            Some((kind, offset)) => {
                assert!(failed, "{name} must fail");
                let last = lines.last().expect("an error line");
                assert_eq!(last["type"], "error");
                assert_eq!(last["kind"], kind, "{name}");
                assert_eq!(last["pos"], offset, "{name}");
            }
            None if !common::may_fail(path) => assert!(!failed, "{name} failed"),
            None => {}
        }
        total += lines.len();
    }
    eprintln!("{} files, {total} JSON lines", files.len());
}

#[test]
fn payload_events_are_printed_inside_their_payload() {
    let Some(root) = common::shared_fixtures() else {
        return;
    };
    let path =
        root.join("mysql/rust_mysql_common/test-data/binlogs/transaction_compression.000001");
    let (lines, failed) = dump_lines(&common::read_binlog(&path));
    assert!(!failed);
    let payload = lines
        .iter()
        .position(|l| l["type"] == "transaction_payload")
        .expect("a payload");
    assert_eq!(lines[payload]["compression"], "zstd");
    assert_eq!(lines[payload]["uncompressed_size"], 179);
    let inner: Vec<&str> = lines[payload + 1..]
        .iter()
        .take_while(|l| l.get("payload_pos").is_some())
        .map(|l| l["type"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(inner, ["query", "table_map", "write_rows", "xid"]);
    let first = &lines[payload + 1];
    assert_eq!(first["payload_pos"], 0);
    assert_eq!(first["pos"], lines[payload]["pos"]);
    assert_eq!(first["end_pos"], lines[payload]["end_pos"]);
}

#[test]
fn the_command_exits_1_with_a_message_on_errors() {
    let Some(bin) = common::binlogdump() else {
        eprintln!("NOTICE: binlogdump is not built; skipping");
        return;
    };
    let ok = Command::new(&bin)
        .args(["--format=json"])
        .arg(common::project_fixtures().join("demo.bin"))
        .output()
        .expect("runs");
    assert!(ok.status.success());
    assert!(ok.stderr.is_empty());

    let dir = std::env::temp_dir().join(format!("binlogkit-dumper-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let bytes = common::read_binlog(&common::project_fixtures().join("demo.bin"));
    let cut = dir.join("cut.bin");
    std::fs::write(&cut, &bytes[..1000]).expect("write");
    let missing = dir.join("missing.bin");
    let not_binlog = dir.join("text.bin");
    std::fs::write(&not_binlog, b"hello, world").expect("write");

    for (path, kind) in [
        (&cut, Some("truncated")),
        (&not_binlog, Some("bad_magic")),
        (&missing, None),
    ] {
        let out = Command::new(&bin)
            .arg("--format=json")
            .arg(path)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(1), "{}", path.display());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.starts_with("binlogdump: ") && stderr.contains(&*path.to_string_lossy()),
            "{stderr}"
        );
        if let Some(kind) = kind {
            let stdout = String::from_utf8_lossy(&out.stdout);
            let last: Value =
                serde_json::from_str(stdout.lines().last().expect("a line")).expect("JSON");
            assert_eq!(last["kind"], kind);
        }
    }
    // Standard input.
    let mut child = Command::new(&bin)
        .args(["--format=json", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(&bytes).expect("write");
    }
    let out = child.wait_with_output().expect("exits");
    assert!(out.status.success());
    assert_eq!(
        out.stdout, ok.stdout,
        "stdin gives the same output as the file"
    );
    let _ = std::fs::remove_dir_all(Path::new(&dir));
}

/// The row event lines of `bytes`, parsed.
fn row_lines(bytes: &[u8]) -> Vec<Value> {
    let (lines, failed) = dump_lines(bytes);
    assert!(!failed);
    lines
        .into_iter()
        .filter(|l| {
            matches!(
                l["type"].as_str(),
                Some("write_rows" | "update_rows" | "delete_rows" | "partial_update_rows")
            )
        })
        .collect()
}

#[test]
fn row_events_carry_their_rows_as_json() {
    // fixtures/demo.sql: the first INSERT's values, into
    // (id, i_signed INT, i_unsigned INT UNSIGNED, big_unsigned BIGINT UNSIGNED,
    //  amount DECIMAL(10,2), name VARCHAR utf8mb4, happened_at DATETIME(6), ts TIMESTAMP,
    //  color ENUM('red','green','blue'), flags SET('a','b','c','d'), payload BLOB,
    //  doc JSON (MariaDB: LONGTEXT)). The table map carries names: keys are names.
    let rows = row_lines(&common::read_binlog(
        &common::project_fixtures().join("demo.bin"),
    ));
    let first = &rows[0];
    assert_eq!(
        (first["db"].as_str(), first["table"].as_str()),
        (Some("demo"), Some("all_types"))
    );
    assert_eq!(first["table_id"], 18);
    let expected: Value = serde_json::from_str(
        r#"[{"after": {"id": 1, "i_signed": -2147483648, "i_unsigned": 4294967295,
            "big_unsigned": 18446744073709551615, "amount": "-12345678.90",
            "name": "Grüße, 世界 😀", "happened_at": "2023-11-14 22:13:20.123456",
            "ts": "2023-11-14 22:13:20", "color": "green", "flags": ["a", "c"],
            "payload": {"hex": "00ff10deadbeef"},
            "doc": "{\"k\": [1, 2.5, \"x\"], \"n\": null, \"b\": true}"}}]"#,
    )
    .expect("expected JSON");
    assert_eq!(first["rows"], expected);
    // The second INSERT: row 3 is all NULL but its id; row 4 has the edge values.
    let second = &rows[1]["rows"];
    assert_eq!(second[1]["after"]["amount"], Value::Null);
    assert_eq!(second[2]["after"]["big_unsigned"], 9223372036854775808u64);
    assert_eq!(
        second[2]["after"]["happened_at"],
        "9999-12-31 23:59:59.999999"
    );
    assert_eq!(
        second[2]["after"]["flags"],
        serde_json::json!(["a", "b", "c", "d"])
    );
    // UPDATE ... SET amount = amount + 1.01, name = CONCAT(name, ' (upd)'), flags = 'b,d'
    let update = rows
        .iter()
        .find(|l| l["type"] == "update_rows")
        .expect("an update");
    let change = &update["rows"][0];
    assert_eq!(change["before"]["amount"], "-12345678.90");
    assert_eq!(change["after"]["amount"], "-12345677.89");
    assert_eq!(change["after"]["name"], "Grüße, 世界 😀 (upd)");
    assert_eq!(change["after"]["flags"], serde_json::json!(["b", "d"]));
    let delete = rows
        .iter()
        .find(|l| l["type"] == "delete_rows")
        .expect("a delete");
    assert!(delete["rows"][0].get("after").is_none() && delete["rows"][0]["before"].is_object());
}

#[test]
fn json_vector_partial_and_unnamed_columns() {
    let Some(root) = common::shared_fixtures() else {
        return;
    };
    // json.binlog.000001 (MySQL 8.0.22, no column names: keys @1...): the document
    // {"age": 24, "data": "xxxxxxxxxx", "name": "Joe"} (row-values.md 5.1) is nested JSON,
    // and the PARTIAL_UPDATE_ROWS at 3750 holds diffs REPLACE $.age 26 (6.3).
    let f = root.join("mysql/rust_mysql_common/test-data/binlogs/json.binlog.000001");
    let rows = row_lines(&common::read_binlog(&f));
    assert_eq!(
        rows[0]["rows"][0]["after"],
        serde_json::json!({"@1": 1, "@2": {"age": 24, "data": "xxxxxxxxxx", "name": "Joe"}, "@3": "Joe", "@4": 24})
    );
    let partial = rows
        .iter()
        .find(|l| l["type"] == "partial_update_rows")
        .expect("partial");
    assert_eq!(partial["pos"], 3750);
    let first = &partial["rows"][0];
    assert_eq!(
        first["before"],
        serde_json::json!({"@1": 1}),
        "MINIMAL before image: the key only"
    );
    assert_eq!(
        first["after"]["@2"],
        serde_json::json!({"json_diff": [{"op": "replace", "path": "$.age", "value": 26}]})
    );
    assert_eq!(first["after"]["@4"], 26);
    // vector.binlog (MySQL 9.0.1): [1.1, 2.2, 3.3] (row-values.md 4.2), as the shortest
    // numbers that read back to the same f32s.
    let f = root.join("mysql/rust_mysql_common/test-data/binlogs/vector.binlog");
    let rows = row_lines(&common::read_binlog(&f));
    assert_eq!(
        rows[0]["rows"][0]["after"]["vector_column"],
        serde_json::json!([1.1, 2.2, 3.3])
    );
    // A 5.7 file without names: keys @1, @2 with the values mysqlbinlog printed
    // (oracle mysql-cdc-rs 5.7/30_write_rows_v2: @1=1, @2='boxercrab').
    let f = root.join("mysql/mysql-cdc-rs/tests/events/5.7/30_write_rows_v2/log.bin");
    let rows = row_lines(&common::read_binlog(&f));
    let after = &rows[0]["rows"][0]["after"];
    assert!(
        after.get("@1").is_some() && after.get("@2").is_some(),
        "{after}"
    );
}

#[test]
fn rows_that_need_the_table_definition_do_not_fail_the_dump() {
    // MariaDB legacy hi-res temporals without their precision: the line says why, the
    // dump goes on (the file is not broken; the reader lacks its schema).
    let Some(root) = common::shared_fixtures() else {
        return;
    };
    let f = root.join("mariadb/temporal-legacy.bin");
    let (lines, failed) = dump_lines(&common::read_binlog(&f));
    assert!(!failed);
    let undecodable: Vec<&Value> = lines
        .iter()
        .filter(|l| l.get("rows_error").is_some())
        .collect();
    assert!(!undecodable.is_empty());
    assert!(
        undecodable[0]["rows_error"]
            .as_str()
            .is_some_and(|e| e.contains("legacy_fsp"))
    );
}

/// Every printer (each text dialect and option path, JSON, summary, flashback) over every
/// fixture, the fuzz regressions and every prefix-cut of a few files: none panics, each
/// ends in a typed outcome, and the broken fixtures fail in every printer.
#[test]
fn every_printer_on_every_input_ends_without_panic() {
    use std::panic::{AssertUnwindSafe, catch_unwind};
    let mut inputs: Vec<(String, Vec<u8>)> = Vec::new();
    let regressions = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    for entry in std::fs::read_dir(&regressions)
        .into_iter()
        .flatten()
        .flatten()
    {
        inputs.push((
            entry.path().display().to_string(),
            std::fs::read(entry.path()).expect("a regression file"),
        ));
    }
    let demo = std::fs::read(common::project_fixtures().join("demo.bin")).expect("demo.bin");
    // Cut inside every event of the demo: a truncated tail in every state of every
    // printer.
    for cut in (5..demo.len()).step_by(37) {
        inputs.push((format!("demo.bin cut at {cut}"), demo[..cut].to_vec()));
    }
    let mut broken = Vec::new();
    if let Some(root) = common::shared_fixtures() {
        for path in common::shared_binlogs(&root) {
            let name = common::rel(&root, &path);
            if common::expected_error(&path).is_some() {
                broken.push(name.clone());
            }
            inputs.push((name, common::read_binlog(&path)));
        }
    }
    let printers = dump::every_printer();
    let mut runs = 0;
    let mut failures = Vec::new();
    for (name, bytes) in &inputs {
        for (n, options) in printers.iter().enumerate() {
            let outcome = catch_unwind(AssertUnwindSafe(|| {
                dump::run_bytes(&mut std::io::sink(), name, bytes, options)
            }));
            runs += 1;
            match outcome {
                Err(_) => failures.push(format!("{name}: printer {n} panicked")),
                Ok(Ok(())) if broken.contains(name) => {
                    failures.push(format!("{name}: printer {n} read a broken file whole"))
                }
                Ok(_) => {}
            }
        }
    }
    eprintln!(
        "{} inputs x {} printers = {runs} runs",
        inputs.len(),
        printers.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `--stop-never` on a binlog a real server is writing: the command follows the file,
/// follows its Rotate into the next one, and prints exactly what a dump of the closed
/// files prints (the format descriptions' in-use flag aside: the server clears it when it
/// closes a file), none lost, none repeated.
#[test]
fn stop_never_follows_a_live_binlog_into_the_next_file() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    use std::sync::mpsc;
    use std::time::{Duration, Instant};

    let Some(bin) = common::binlogdump() else {
        eprintln!("NOTICE: binlogdump is not built; skipping");
        return;
    };
    let Some(server) = common::mariadb::Server::start("follow", &["--binlog-format=ROW"]) else {
        return;
    };
    server.sql("CREATE DATABASE f; CREATE TABLE f.t (id INT PRIMARY KEY, v LONGTEXT)");
    let mut child = Command::new(&bin)
        .args(["--format=json", "--stop-never"])
        .arg(server.binlog(1))
        .stdout(Stdio::piped())
        .spawn()
        .expect("binlogdump starts");
    let stdout = child.stdout.take().expect("stdout");
    let (lines_tx, lines_rx) = mpsc::channel::<String>();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if lines_tx.send(line).is_err() {
                break;
            }
        }
    });
    // Two files' worth of writes while the command follows: small and large rows, in
    // transactions and alone, then a rotate in the middle and one at the end.
    for round in 0..2 {
        for i in 0..40 {
            let id = round * 1000 + i;
            let size = (i * 7919) % 300_000;
            server.sql(&format!(
                "INSERT INTO f.t VALUES ({id}, REPEAT('x', {size})); \
                 BEGIN; UPDATE f.t SET v = 'y' WHERE id = {id}; DELETE FROM f.t WHERE id = {id}; \
                 COMMIT"
            ));
        }
        server.sql("FLUSH BINARY LOGS");
    }
    // What a dump of the two closed files prints.
    let closed = Command::new(&bin)
        .arg("--format=json")
        .args([server.binlog(1), server.binlog(2)])
        .output()
        .expect("binlogdump runs");
    assert!(closed.status.success());
    let expected: Vec<Value> = String::from_utf8(closed.stdout)
        .expect("UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    let mut followed: Vec<Value> = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(120);
    // Until the third file's format description: the command moved on from the second.
    while Instant::now() < deadline {
        match lines_rx.recv_timeout(Duration::from_millis(500)) {
            Ok(line) => {
                followed.push(serde_json::from_str(&line).expect("JSON"));
                if followed.len() > expected.len() {
                    break;
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    let _ = reader.join();
    let unflag = |v: &Value| {
        let mut v = v.clone();
        if v["type"] == "format_description" {
            v["flags"] = Value::from(v["flags"].as_u64().unwrap_or(0) & !1);
        }
        v
    };
    assert!(
        followed.len() > expected.len(),
        "followed {} events of the {} in the closed files, then nothing for too long",
        followed.len(),
        expected.len()
    );
    for (n, (got, want)) in followed.iter().zip(&expected).enumerate() {
        assert_eq!(unflag(got), unflag(want), "event {n}");
    }
    assert_eq!(followed[expected.len()]["type"], "format_description");
    assert!(
        expected.len() > 400,
        "{} events: the workload did not run",
        expected.len()
    );
    eprintln!(
        "--stop-never: {} events followed over 2 rotations, equal to the closed files",
        expected.len()
    );
}

/// `--start-datetime` and `--stop-datetime` are read in the local zone of `TZ`, as
/// mysqlbinlog reads them: the same instant written in two zones selects the same events
/// as the epoch value does.
#[test]
fn datetimes_are_read_in_the_local_time_zone() {
    let Some(bin) = common::binlogdump() else {
        eprintln!("NOTICE: binlogdump is not built; skipping");
        return;
    };
    let Some(root) = common::shared_fixtures() else {
        return;
    };
    let path = root.join("mysql/zalora-binlog-parser/data/fixtures/mysql-bin.01");
    let bytes = common::read_binlog(&path);
    let (all, _) = dump_lines(&bytes);
    let times: Vec<i64> = all.iter().filter_map(|l| l["timestamp"].as_i64()).collect();
    // An instant inside the file, between two different event times.
    let instant = times
        .windows(2)
        .find(|w| w[1] > w[0] && w[0] > times[1])
        .map(|w| w[1])
        .expect("a file whose clock moves");
    let expected = |start: bool| {
        let mut options = options();
        if start {
            options.filter.start_datetime = Some(instant);
        } else {
            options.filter.stop_datetime = Some(instant);
        }
        let mut out = Vec::new();
        dump::run_bytes(&mut out, "input", &bytes, &options).expect("reads");
        String::from_utf8(out).expect("UTF-8")
    };
    // Both filters cut the file somewhere inside.
    for start in [true, false] {
        let shown = expected(start).lines().count();
        assert!(
            shown > 1 && shown < all.len(),
            "{shown} of {} events",
            all.len()
        );
    }
    // The instant as wall-clock text in UTC and in UTC+8 (POSIX writes that `UTC-8`).
    for (tz, shift) in [("UTC", 0), ("UTC-8", 8 * 3600)] {
        let wall = chrono::DateTime::from_timestamp(instant + shift, 0)
            .expect("in range")
            .format("%Y-%m-%d %H:%M:%S")
            .to_string();
        for (flag, start) in [("--start-datetime", true), ("--stop-datetime", false)] {
            let out = Command::new(&bin)
                .env("TZ", tz)
                .args(["--format=json", &format!("{flag}={wall}")])
                .arg(&path)
                .output()
                .expect("runs");
            assert!(out.status.success(), "{tz} {flag}={wall}");
            assert_eq!(
                String::from_utf8(out.stdout).expect("UTF-8"),
                expected(start),
                "TZ={tz} {flag}={wall}"
            );
        }
    }
}

/// Every option of the command as a user types it (mysqlbinlog's spellings included)
/// parses and runs on the demo binlog.
#[test]
fn every_option_parses_as_mysqlbinlog_users_type_it() {
    let Some(bin) = common::binlogdump() else {
        eprintln!("NOTICE: binlogdump is not built; skipping");
        return;
    };
    let demo = common::project_fixtures().join("demo.bin");
    let load = std::env::temp_dir().join(format!("binlogkit-load-{}", std::process::id()));
    std::fs::create_dir_all(&load).expect("temp dir");
    let load_arg = format!("--local-load={}", load.display());
    let runs: &[&[&str]] = &[
        &[],
        &["-v"],
        &["-vv", "--base64-output=DECODE-ROWS"],
        &["--base64-output=decode-rows", "-v", "--hexdump"],
        &["-H", "-s"],
        &["--short-form", "--start-position=325"],
        &["-j", "325", "--stop-position=2841"],
        &[
            "--start-datetime=2023-11-14 22:13:30",
            "--stop-datetime=2030-01-01 00:00:00",
        ],
        &["-d", "demo", "--rewrite-db=demo->renamed"],
        &["--database=demo", "--rewrite-db", "demo->renamed"],
        &["--skip-gtids", "--server-id=1"],
        &["--include-gtids=3E11FA47-71CA-11E1-9E33-C80AA9429562:1-5"],
        &[
            "--exclude-gtids=3E11FA47-71CA-11E1-9E33-C80AA9429562:1-5,\n 3E11FA47-71CA-11E1-9E33-C80AA9429563:7",
        ],
        &["--print-table-metadata", "--compat=mariadb"],
        &["--compat=mysql-5.7", "-vv"],
        &["--compat=mysql-5.6", "-vv"],
        &["--verify-binlog-checksum"],
        &["--verify-binlog-checksum=false"],
        &["-c"],
        &["--skip-verify-binlog-checksum"],
        &["--table=demo.*", "--table", "*.all_?ypes"],
        &["--format=json", "--table=other.t"],
        &["--summary"],
        &["--summary", "--format=json"],
        &["--flashback"],
        &["--flashback", "--format=json"],
        &["--no-progress"],
        &[&load_arg],
    ];
    for args in runs {
        let out = Command::new(&bin)
            .args(*args)
            .arg(&demo)
            .output()
            .expect("runs");
        assert!(
            out.status.success() && !out.stdout.is_empty(),
            "binlogdump {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // And what must not parse: bad values are errors with exit status 2.
    for args in [
        &["--base64-output=sometimes"][..],
        &["--include-gtids=not-a-gtid"],
        &["--rewrite-db=nothing"],
        &["--start-datetime=yesterday"],
        &["--compat=oracle"],
        &["--summary", "--flashback"],
    ] {
        let out = Command::new(&bin)
            .args(args)
            .arg(&demo)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(2), "binlogdump {args:?}");
    }
    let _ = std::fs::remove_dir_all(&load);
}
