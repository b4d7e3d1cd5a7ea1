//! Rows as JSON: the encoding `binlogdump --format=json` prints, and that the
//! real-server tests compare with `SELECT` output.
//!
//! A row image is an object keyed by column name when the TABLE_MAP carries names (else
//! `"@1"`, `"@2"`, ... from 1); a column absent from the image is absent from the object.
//! An insert is `{"after": {...}}`, an update `{"before": {...}, "after": {...}}`, a delete
//! `{"before": {...}}`. Values:
//!
//! | column | JSON |
//! |---|---|
//! | NULL | `null` |
//! | integers, YEAR | integer (unsigned when the schema says UNSIGNED) |
//! | FLOAT, DOUBLE | the shortest number that reads back to the same f32 / f64 |
//! | DECIMAL | string with exactly `scale` fraction digits: `"-0.50"` |
//! | DATE | `"YYYY-MM-DD"` |
//! | DATETIME, TIMESTAMP | `"YYYY-MM-DD HH:MM:SS"` and `.` + fsp digits when fsp > 0 (TIMESTAMP in UTC; the zero value is `"0000-00-00 00:00:00"`) |
//! | TIME | `"[-]HH:MM:SS[.f]"` (hours may have three digits) |
//! | text | string, decoded by its character set (unknown charset: as UTF-8 when valid) |
//! | binary strings, BLOBs, GEOMETRY, text invalid in its charset | `{"hex": "..."}` (lowercase; BINARY(n) padded to n) |
//! | ENUM | member name when known, else the index |
//! | SET | array of member names when known, else the bitmask |
//! | BIT | integer |
//! | JSON | the document itself, as MySQL prints it (numbers exact) |
//! | JSON diffs (partial update) | `{"json_diff": [{"op": "replace", "path": "$.a", "value": ...}, ...]}` |
//! | VECTOR | array of numbers |
//!
//! The writers produce JSON text (not serde) so that documents and decimals keep every
//! digit.

use std::fmt::Write as _;

use crate::error::Error;
use crate::events::RowsEvent;
use crate::rows::{Row, RowChange, RowError};
use crate::schema::{Column, TableSchema};
use crate::util::push_digits;
use crate::value::{IntValue, Str, Value, ValueError};

/// Appends `s` as a JSON string.
pub fn write_json_string(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    // Copy runs of characters that need no escape in one go: the escapes are all ASCII,
    // so splitting at their byte positions keeps every run on a character boundary.
    let mut run_start = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(s.get(run_start..i).unwrap_or_default());
        if escape.is_empty() {
            out.push_str("\\u00");
            crate::util::push_hex(out, &[b]);
        } else {
            out.push_str(escape);
        }
        run_start = i + 1;
    }
    out.push_str(s.get(run_start..).unwrap_or_default());
    out.push('"');
}

/// Appends `{"hex": "<lowercase hex>"}`.
fn write_hex(out: &mut String, bytes: &[u8]) {
    out.push_str("{\"hex\":\"");
    crate::util::push_hex(out, bytes);
    out.push_str("\"}");
}

/// The shorter of Rust's two shortest-round-trip renderings of a float (plain and
/// scientific), both valid JSON numbers, the plain one on a tie; `null` for the
/// non-finite values JSON lacks.
fn write_float<F: std::fmt::Display + std::fmt::LowerExp>(out: &mut String, x: F, finite: bool) {
    if !finite {
        out.push_str("null");
        return;
    }
    let start = out.len();
    let _ = write!(out, "{x}");
    let plain_len = out.len() - start;
    // The shortest scientific text is 3 bytes (`1e5`), so only a longer plain text can
    // lose; a shortest-round-trip f64 in scientific form is at most 24 bytes.
    if plain_len > 3 {
        let mut scientific = crate::util::StackText::<32>::new();
        let _ = write!(scientific, "{x:e}");
        if scientific.as_str().len() < plain_len {
            out.truncate(start);
            out.push_str(scientific.as_str());
        }
    }
}

fn write_f64(out: &mut String, x: f64) {
    write_float(out, x, x.is_finite());
}

fn write_f32(out: &mut String, x: f32) {
    write_float(out, x, x.is_finite());
}

/// Appends `"`, what `write` appends, and `"`.
fn quoted(out: &mut String, write: impl FnOnce(&mut String)) {
    out.push('"');
    write(out);
    out.push('"');
}

/// Appends a string value: text when its character set decodes it, else hex.
fn write_str(out: &mut String, s: &Str<'_>) -> Result<(), ValueError> {
    let bytes = s.bytes()?;
    if s.is_binary() == Some(true) {
        write_hex(out, &bytes);
        return Ok(());
    }
    match crate::charset::decode(s.collation, bytes.clone()) {
        Some(text) => write_json_string(out, &text),
        None => write_hex(out, &bytes),
    }
    Ok(())
}

/// Appends an ENUM or SET member name.
fn write_member(out: &mut String, name: &[u8], collation: Option<u16>) {
    match crate::charset::decode(collation, std::borrow::Cow::Borrowed(name)) {
        Some(text) => write_json_string(out, &text),
        None => write_hex(out, name),
    }
}

/// Appends one value of `column` as JSON (see the module documentation).
pub fn write_value_json(
    out: &mut String,
    value: &Value<'_>,
    column: &Column,
) -> Result<(), ValueError> {
    match value {
        Value::Null => out.push_str("null"),
        Value::Int(i) => match i.value() {
            IntValue::Signed(v) => crate::util::push_i64(out, v),
            IntValue::Unsigned(v) => push_digits(out, v, 1),
        },
        Value::Year(y) => push_digits(out, u64::from(*y), 1),
        Value::Float(f) => write_f32(out, *f),
        Value::Double(d) => write_f64(out, *d),
        Value::Decimal(d) => quoted(out, |out| d.push_text(out)),
        // Temporal text holds nothing to escape.
        Value::Date(d) => quoted(out, |out| d.push_text(out)),
        Value::Time(t) => quoted(out, |out| t.push_text(out)),
        Value::DateTime(d) => quoted(out, |out| d.push_text(out)),
        Value::Timestamp(t) => quoted(out, |out| t.push_text(out)),
        Value::Bit(b) => push_digits(out, b.value(), 1),
        Value::Enum(index) => match &column.members {
            Some(members) if *index == 0 => write_json_string(out, ""),
            Some(members) => match members.get(usize::from(*index) - 1) {
                Some(name) => write_member(out, name, column.charset),
                None => {
                    let _ = write!(out, "{index}");
                }
            },
            None => {
                let _ = write!(out, "{index}");
            }
        },
        Value::Set(mask) => match &column.members {
            Some(members)
                if members.len() <= 64 && mask >> members.len().min(63) == 0
                    || members.len() == 64 =>
            {
                out.push('[');
                let mut first = true;
                for (i, name) in members.iter().enumerate() {
                    if mask & (1u64 << i) != 0 {
                        if !first {
                            out.push(',');
                        }
                        first = false;
                        write_member(out, name, column.charset);
                    }
                }
                out.push(']');
            }
            _ => {
                let _ = write!(out, "{mask}");
            }
        },
        Value::String(s) => write_str(out, s)?,
        Value::Json(doc) => doc
            .write_text(out, crate::json::JsonTextStyle::Mysql80)
            .map_err(|_| {
                ValueError::Malformed(
                    "the JSON document does not follow MySQL's binary JSON format",
                )
            })?,
        Value::JsonDiff(diffs) => {
            out.push_str("{\"json_diff\":[");
            for (n, diff) in diffs.iter().enumerate() {
                let diff = diff
                    .map_err(|_| ValueError::Malformed("a JSON diff does not follow its format"))?;
                if n > 0 {
                    out.push(',');
                }
                let op = match diff.op {
                    crate::json::JsonDiffOp::Replace => "replace",
                    crate::json::JsonDiffOp::Insert => "insert",
                    crate::json::JsonDiffOp::Remove => "remove",
                };
                let _ = write!(out, "{{\"op\":\"{op}\",\"path\":");
                write_json_string(out, &String::from_utf8_lossy(diff.path));
                if let Some(v) = diff.value {
                    out.push_str(",\"value\":");
                    v.write_text(out, crate::json::JsonTextStyle::Mysql80)
                        .map_err(|_| {
                            ValueError::Malformed(
                                "a JSON diff's value does not follow MySQL's binary JSON format",
                            )
                        })?;
                }
                out.push('}');
            }
            out.push_str("]}");
        }
        Value::Geometry(g) => write_hex(out, g.stored),
        Value::Vector(v) => {
            out.push('[');
            for (n, x) in v.iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                write_f32(out, x);
            }
            out.push(']');
        }
    }
    Ok(())
}

/// The object keys of a table's columns, quoted, with their colon: names when the
/// TABLE_MAP carries them, else `"@N"`.
fn keys(schema: &TableSchema) -> Vec<String> {
    schema
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut key = String::new();
            match &c.name {
                Some(name) => write_json_string(&mut key, name),
                None => {
                    key.push_str("\"@");
                    push_digits(&mut key, i as u64 + 1, 1);
                    key.push('"');
                }
            }
            key.push(':');
            key
        })
        .collect()
}

/// Appends one row image as a JSON object.
pub fn write_row_json(out: &mut String, row: &Row<'_, '_>) -> Result<(), Box<RowError>> {
    write_row_with_keys(out, row, &keys(row.schema()))
}

fn write_row_with_keys(
    out: &mut String,
    row: &Row<'_, '_>,
    keys: &[String],
) -> Result<(), Box<RowError>> {
    out.push('{');
    for (n, item) in row.values().enumerate() {
        let (i, value) = item?;
        if n > 0 {
            out.push(',');
        }
        if let (Some(column), Some(key)) = (row.schema().columns.get(i), keys.get(i)) {
            out.push_str(key);
            write_value_json(out, &value, column).map_err(|reason| row.error_at(i, reason))?;
        }
    }
    out.push('}');
    Ok(())
}

/// Appends one changed row: `{"after":...}`, `{"before":...,"after":...}` or
/// `{"before":...}`.
pub fn write_change_json(
    out: &mut String,
    change: &RowChange<'_, '_>,
) -> Result<(), Box<RowError>> {
    let schema = match change {
        RowChange::Insert(row) | RowChange::Delete(row) | RowChange::Update { after: row, .. } => {
            row.schema()
        }
    };
    write_change_with_keys(out, change, &keys(schema))
}

fn write_change_with_keys(
    out: &mut String,
    change: &RowChange<'_, '_>,
    keys: &[String],
) -> Result<(), Box<RowError>> {
    match change {
        RowChange::Insert(row) => {
            out.push_str("{\"after\":");
            write_row_with_keys(out, row, keys)?;
        }
        RowChange::Update { before, after } => {
            out.push_str("{\"before\":");
            write_row_with_keys(out, before, keys)?;
            out.push_str(",\"after\":");
            write_row_with_keys(out, after, keys)?;
        }
        RowChange::Delete(row) => {
            out.push_str("{\"before\":");
            write_row_with_keys(out, row, keys)?;
        }
    }
    out.push('}');
    Ok(())
}

/// Appends the rows of a row event as a JSON array of changes.
pub fn write_rows_json(
    out: &mut String,
    event: &RowsEvent<'_>,
    schema: &TableSchema,
) -> Result<(), Error> {
    let keys = keys(schema);
    out.push('[');
    for (n, change) in event.rows(schema).enumerate() {
        let change = change?;
        if n > 0 {
            out.push(',');
        }
        write_change_with_keys(out, &change, &keys).map_err(|source| Error::Row {
            offset: event.offset(),
            source,
        })?;
    }
    out.push(']');
    Ok(())
}
