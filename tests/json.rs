//! MySQL binary JSON in the real binlogs: every JSON value and every JSON diff list of
//! every shared fixture prints without error (as MySQL 8.0 and 5.7 print documents, as
//! mysqlbinlog prints row values and diffs, and through serde), and the documents the
//! research notes decoded print exactly as the notes give them.

mod common;

use std::path::Path;

use binlogkit::json::{
    Json, JsonDiffs, JsonTextStyle, JsonValue, write_mysqlbinlog_diffs, write_mysqlbinlog_value,
};
use binlogkit::rows::{Row, RowChange};
use binlogkit::value::Value;
use binlogkit::{BinlogEvent, BinlogReader, Event, TableMapCache};

/// MySQL 8's `my_b_write_quoted`.
fn quote80(out: &mut Vec<u8>, s: &[u8]) {
    out.push(b'\'');
    for &c in s {
        match c {
            0x08 => out.extend_from_slice(b"\\b"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            0x0c => out.extend_from_slice(b"\\f"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\'' => out.extend_from_slice(b"\\'"),
            b'\\' => out.extend_from_slice(b"\\\\"),
            c if c < 0x20 => out.extend_from_slice(format!("\\x{c:02x}").as_bytes()),
            c => out.push(c),
        }
    }
    out.push(b'\'');
}

/// A JSON column's value as `mysqlbinlog -v` prints it after `@N=`.
#[derive(Debug, Default)]
struct Found {
    /// (event offset, column number, printed value) for every JSON value and diff list.
    values: Vec<(u64, usize, String)>,
    documents: usize,
    diff_lists: usize,
    /// Rows the row decoder could not read (not this test's business; reported).
    undecoded_rows: usize,
    /// ... of them, in tables with a JSON column (there must be none).
    undecoded_json_rows: usize,
}

fn check_document(json: &Json<'_>, at: u64, path: &Path) -> String {
    let fail = |what: &str, e: &dyn std::fmt::Display| -> ! {
        panic!(
            "{} @{at}: {what}: {e} (document {:02x?})",
            path.display(),
            json.as_bytes()
        )
    };
    let text = json.to_text().unwrap_or_else(|e| fail("to_text", &e));
    let mut t57 = String::new();
    json.write_text(&mut t57, JsonTextStyle::Mysql57)
        .unwrap_or_else(|e| fail("5.7 text", &e));
    // Always valid JSON, in both styles.
    serde_json::from_str::<serde_json::Value>(&text)
        .unwrap_or_else(|e| fail("8.0 text is not JSON", &e));
    serde_json::from_str::<serde_json::Value>(&t57)
        .unwrap_or_else(|e| fail("5.7 text is not JSON", &e));
    let mut raw = Vec::new();
    json.write_unquoted_bytes(&mut raw, JsonTextStyle::Mysql80)
        .unwrap_or_else(|e| fail("unquoted", &e));
    let mut unquoted = String::new();
    json.write_unquoted(&mut unquoted, JsonTextStyle::Mysql80)
        .unwrap_or_else(|e| fail("unquoted", &e));
    assert_eq!(raw, unquoted.as_bytes());
    // Objects and arrays print the same quoted or not.
    if matches!(json.value(), Ok(JsonValue::Object(_) | JsonValue::Array(_))) {
        assert_eq!(text, unquoted);
    }
    let serialized = serde_json::to_string(json).unwrap_or_else(|e| fail("serde", &e));
    serde_json::from_str::<serde_json::Value>(&serialized)
        .unwrap_or_else(|e| fail("serde output", &e));
    let mut printed = Vec::new();
    write_mysqlbinlog_value(json, &mut printed, quote80)
        .unwrap_or_else(|e| fail("mysqlbinlog", &e));
    String::from_utf8(printed).unwrap_or_else(|e| fail("mysqlbinlog text", &e))
}

fn check_diffs(diffs: &JsonDiffs<'_>, column: usize, at: u64, path: &Path) -> String {
    let fail = |what: &str, e: &dyn std::fmt::Display| -> ! {
        panic!(
            "{} @{at}: {what}: {e} (diffs {:02x?})",
            path.display(),
            diffs.as_bytes()
        )
    };
    for diff in diffs.iter() {
        let diff = diff.unwrap_or_else(|e| fail("diff", &e));
        if let Some(value) = diff.value {
            check_document(&value, at, path);
        }
    }
    serde_json::to_string(diffs).unwrap_or_else(|e| fail("serde", &e));
    let mut out = Vec::new();
    write_mysqlbinlog_diffs(diffs, column, &mut out, quote80)
        .unwrap_or_else(|e| fail("mysqlbinlog", &e));
    String::from_utf8(out).unwrap_or_else(|e| fail("mysqlbinlog text", &e))
}

fn walk_event(event: &BinlogEvent<'_>, tables: &TableMapCache, path: &Path, found: &mut Found) {
    let Event::Rows(rows) = &event.event else {
        return;
    };
    let Some(schema) = tables.get(rows.table_id) else {
        return;
    };
    let has_json = schema
        .columns
        .iter()
        .any(|c| c.real_type == binlogkit::ColumnType::JSON);
    for change in rows.rows(schema) {
        let Ok(change) = change else {
            found.undecoded_rows += 1;
            found.undecoded_json_rows += usize::from(has_json);
            break;
        };
        let images: Vec<&Row<'_, '_>> = match &change {
            RowChange::Insert(r) | RowChange::Delete(r) => vec![r],
            RowChange::Update { before, after } => vec![before, after],
        };
        for image in images {
            for item in image.values() {
                let Ok((column, value)) = item else {
                    found.undecoded_rows += 1;
                    found.undecoded_json_rows += usize::from(has_json);
                    break;
                };
                match value {
                    Value::Json(json) => {
                        found.documents += 1;
                        let text = check_document(&json, event.offset, path);
                        found.values.push((event.offset, column + 1, text));
                    }
                    Value::JsonDiff(diffs) => {
                        found.diff_lists += 1;
                        let text = check_diffs(&diffs, column + 1, event.offset, path);
                        found.values.push((event.offset, column + 1, text));
                    }
                    _ => {}
                }
            }
        }
    }
}

/// Every JSON value of the binlog at `path`.
fn walk_file(path: &Path) -> Found {
    let bytes = common::read_binlog(path);
    let mut found = Found::default();
    let Ok(mut reader) = BinlogReader::new(&bytes) else {
        return found;
    };
    // The broken files' own errors are the reader tests' business.
    while let Ok(Some(event)) = reader.next_event() {
        walk_event(&event, reader.tables(), path, &mut found);
        if let Event::TransactionPayload(_) = event.event {
            let Ok(mut inner) = reader.decoder_mut().payload_events(&event) else {
                continue;
            };
            while let Ok(Some(e)) = inner.next_event() {
                walk_event(&e, e.tables(), path, &mut found);
            }
        }
    }
    found
}

#[test]
fn every_json_value_of_every_fixture_prints() {
    let Some(root) = common::shared_fixtures() else {
        return;
    };
    let (mut files, mut documents, mut diff_lists, mut undecoded) = (0, 0, 0, 0);
    let all = common::shared_binlogs(&root);
    let walked = all.len();
    for path in all {
        let found = walk_file(&path);
        if found.documents + found.diff_lists > 0 {
            files += 1;
            eprintln!(
                "{}: {} JSON documents, {} diff lists",
                common::rel(&root, &path),
                found.documents,
                found.diff_lists
            );
        }
        documents += found.documents;
        diff_lists += found.diff_lists;
        undecoded += found.undecoded_rows;
        assert_eq!(
            found.undecoded_json_rows,
            0,
            "{}: rows of a table with JSON columns do not decode",
            common::rel(&root, &path)
        );
    }
    eprintln!(
        "{walked} binlogs, {files} with JSON: {documents} documents and {diff_lists} diff lists \
         print; {undecoded} row images the row decoder could not read (none with JSON) were skipped"
    );
    assert!(documents >= 29, "only {documents} JSON documents found");
    assert!(diff_lists >= 6, "only {diff_lists} JSON diff lists found");
}

fn fixture(rel: &str) -> Option<std::path::PathBuf> {
    let path = common::shared_fixtures()?.join(rel);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("NOTICE: {} is absent; skipping", path.display());
        None
    }
}

/// json-opaque.binlog (9.0.1): one document per row, as notes §5.3 prints them.
#[test]
fn json_opaque_binlog() {
    let Some(path) = fixture("mysql/rust_mysql_common/test-data/binlogs/json-opaque.binlog") else {
        return;
    };
    let found = walk_file(&path);
    let texts: Vec<&str> = found.values.iter().map(|(_, _, t)| t.as_str()).collect();
    assert_eq!(
        texts,
        [
            r#"'{"a": "base64:type15:VQ=="}'"#,
            r#"'{"b": "2012-03-18"}'"#,
            r#"'{"c": "2012-03-18 11:30:45.000000"}'"#,
            r#"'{"c": "87:31:46.654321"}'"#,
            r#"'{"d": 123.456}'"#,
            r#"'{"e": 9.00}'"#,
            r#"'{"e": [0, 1, true, false]}'"#,
            r#"'{"e": null}'"#,
        ]
    );
    let offsets: Vec<u64> = found.values.iter().map(|(at, _, _)| *at).collect();
    assert_eq!(offsets, [736, 846, 963, 1080, 1197, 1312, 1428, 1551]);
}

/// json.binlog.000001 (8.0.22): the inserts, the full updates and the partial updates.
#[test]
fn json_binlog_000001() {
    let Some(path) = fixture("mysql/rust_mysql_common/test-data/binlogs/json.binlog.000001") else {
        return;
    };
    let found = walk_file(&path);
    let at = |offset: u64| -> Vec<String> {
        found
            .values
            .iter()
            .filter(|(o, _, _)| *o == offset)
            .map(|(_, c, t)| format!("@{c}={t}"))
            .collect()
    };
    let joe = r#"@2='{"age": 24, "data": "xxxxxxxxxx", "name": "Joe"}'"#;
    assert_eq!(at(1059), [joe]);
    assert_eq!(
        at(1409),
        [r#"@2='{"age": 32, "data": "yyyyyyyyyy", "name": "Sue"}'"#]
    );
    assert_eq!(
        at(1759),
        [r#"@2='{"age": 40, "data": "zzzzzzzzzz", "name": "Pete"}'"#]
    );
    // The UPDATE @2612 (full images): before and after of the first row.
    let full = at(2612);
    assert_eq!(full[0], joe);
    assert_eq!(
        full[1],
        r#"@2='{"age": 25, "data": "xxxxxxxxxx", "name": "Joe"}'"#
    );
    // The PARTIAL_UPDATE_ROWS @3750: one diff list per row (the before images are
    // minimal: no JSON).
    assert_eq!(
        at(3750),
        [26, 34, 42, 26, 34, 42].map(|age| format!("@2=JSON_REPLACE(@2, '$.age', {age})"))
    );
}

/// MySqlCdc's sample (5.7.23): a JSON column in a wide table.
#[test]
fn mysqlcdc_sample() {
    let Some(path) = fixture("mysql/MySqlCdc/samples/MySqlCdc.Sample/mysql-bin.000001") else {
        return;
    };
    let found = walk_file(&path);
    assert!(!found.values.is_empty());
    for (_, column, text) in &found.values {
        assert_eq!(
            (*column, text.as_str()),
            (13, r#"'{"id": 1, "name": "John"}'"#)
        );
    }
}
