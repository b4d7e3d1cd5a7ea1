//! binlogdump's JSON Lines output on every fixture: each line a JSON object with the
//! common keys; broken files end with one error line naming the offset and kind, and the
//! command exits 1 with a message on standard error.

mod common;

#[path = "../examples/binlogdump/dump.rs"]
#[allow(dead_code)]
mod dump;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn options() -> dump::Options {
    dump::Options {
        format: dump::Format::Json,
        reader: binlogkit::ReaderOptions::new(),
    }
}

/// The JSON lines binlogdump prints for `bytes`, and whether it stopped on an error.
fn dump_lines(bytes: &[u8]) -> (Vec<Value>, bool) {
    let mut out = Vec::new();
    let failed = dump::dump_bytes(&mut out, bytes, &options()).is_err();
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

/// The built binlogdump example, next to the test executable.
fn binlogdump() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let dir = exe.parent()?.parent()?;
    let bin = dir
        .join("examples")
        .join(format!("binlogdump{}", std::env::consts::EXE_SUFFIX));
    bin.exists().then_some(bin)
}

#[test]
fn the_command_exits_1_with_a_message_on_errors() {
    let Some(bin) = binlogdump() else {
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
