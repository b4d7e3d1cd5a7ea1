//! Rebuilding tables from decoded row events, and comparing them with the server's
//! `SELECT` value by value.

use std::collections::BTreeMap;

use binlogkit::rows::{Row, RowChange};
use binlogkit::{BinlogReader, Column, Event};

use super::types::{self, Expected};
use super::workload::{TableSpec, Workload};

/// A table as the row events built it: primary key text -> one JSON text per column
/// (`None`: no image ever held the column).
#[derive(Clone, Debug, Default)]
pub struct RebuiltTable {
    /// The columns as the last TABLE_MAP of the table described them.
    pub columns: Vec<Column>,
    /// The rows by key (the JSON text of column 0, `id`).
    pub rows: BTreeMap<u64, Vec<Option<String>>>,
}

/// What decoding a set of binlog files gave.
#[derive(Debug, Default)]
pub struct Decoded {
    /// Tables by (database, table).
    pub tables: BTreeMap<(String, String), RebuiltTable>,
    /// The statement texts the binlog holds, in order: QUERY events other than BEGIN,
    /// COMMIT and ROLLBACK, and ANNOTATE_ROWS events.
    pub statements: Vec<String>,
    /// (kind, text) of the same, for messages and MIXED counts.
    pub statement_kinds: Vec<&'static str>,
    /// Events read.
    pub events: usize,
    /// Row events read, and rows in them.
    pub row_events: usize,
    /// Rows (changes) applied.
    pub rows: usize,
    /// Compressed events seen (log_bin_compress).
    pub compressed: usize,
    /// Events other than the FORMAT_DESCRIPTION that carried a CRC32.
    pub checksummed: usize,
    /// Everything that could not be applied (a key missing, an undecodable row).
    pub problems: Vec<String>,
    /// Whether to apply the row events to the tables (not under MIXED, where most rows
    /// went into the binlog as statements: there the rows are only decoded).
    pub skip_apply: bool,
}

fn row_values(row: &Row<'_, '_>, width: usize) -> Result<Vec<Option<String>>, String> {
    let mut out = vec![None; width];
    for item in row.values() {
        let (i, value) = item.map_err(|e| e.to_string())?;
        let column = row
            .schema()
            .columns
            .get(i)
            .ok_or_else(|| format!("column {i} is not in the schema"))?;
        let mut text = String::new();
        binlogkit::row_json::write_value_json(&mut text, &value, column)
            .map_err(|e| format!("column {i}: {e}"))?;
        if let Some(slot) = out.get_mut(i) {
            *slot = Some(text);
        }
    }
    Ok(out)
}

fn key_of(values: &[Option<String>]) -> Result<u64, String> {
    let text = values
        .first()
        .and_then(Option::as_deref)
        .ok_or("the image lacks the primary key")?;
    text.parse()
        .map_err(|e| format!("primary key {text:?}: {e}"))
}

impl Decoded {
    /// Reads whole binlog files in order, applying their row events.
    pub fn read_files(&mut self, files: &[std::path::PathBuf]) -> Result<(), String> {
        for file in files {
            let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
            self.read_bytes(&bytes)
                .map_err(|e| format!("{}: {e}", file.display()))?;
        }
        Ok(())
    }

    /// Reads one binlog's bytes.
    pub fn read_bytes(&mut self, bytes: &[u8]) -> Result<(), String> {
        let mut reader = BinlogReader::new(bytes).map_err(|e| e.to_string())?;
        while let Some(event) = reader.next_event().map_err(|e| e.to_string())? {
            self.events += 1;
            // The FORMAT_DESCRIPTION always has its checksum field, whatever it says.
            if event.checksum.is_some() && !matches!(event.event, Event::FormatDescription(_)) {
                self.checksummed += 1;
            }
            match &event.event {
                Event::Query(q) => {
                    if q.compressed {
                        self.compressed += 1;
                    }
                    let text = String::from_utf8_lossy(&q.query).into_owned();
                    if !matches!(text.as_str(), "BEGIN" | "COMMIT" | "ROLLBACK") {
                        self.statements.push(text);
                        self.statement_kinds.push("query");
                    }
                }
                Event::AnnotateRows(a) => {
                    self.statements
                        .push(String::from_utf8_lossy(a.query).into_owned());
                    self.statement_kinds.push("annotate");
                }
                Event::Rows(rows) => {
                    self.row_events += 1;
                    if rows.compressed {
                        self.compressed += 1;
                    }
                    let Some(schema) = reader.tables().get(rows.table_id) else {
                        self.problems.push(format!(
                            "row event at {} names table id {} without a TABLE_MAP",
                            event.offset, rows.table_id
                        ));
                        continue;
                    };
                    let table = self
                        .tables
                        .entry((schema.database.clone(), schema.table.clone()))
                        .or_default();
                    table.columns = schema.columns.clone();
                    let width = schema.columns.len();
                    for change in rows.rows(schema) {
                        self.rows += 1;
                        let skip = self.skip_apply;
                        let applied = change.map_err(|e| e.to_string()).and_then(|change| {
                            if skip {
                                decode_only(&change, width)
                            } else {
                                apply(table, &change, width)
                            }
                        });
                        if let Err(e) = applied {
                            self.problems.push(format!(
                                "{}.{}: row event at {}: {e}",
                                schema.database, schema.table, event.offset
                            ));
                        }
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }
}

/// Decodes every value of a change, applying nothing.
fn decode_only(change: &RowChange<'_, '_>, width: usize) -> Result<(), String> {
    match change {
        RowChange::Insert(row) | RowChange::Delete(row) => row_values(row, width).map(drop),
        RowChange::Update { before, after } => {
            row_values(before, width)?;
            row_values(after, width).map(drop)
        }
    }
}

fn apply(table: &mut RebuiltTable, change: &RowChange<'_, '_>, width: usize) -> Result<(), String> {
    match change {
        RowChange::Insert(after) => {
            let values = row_values(after, width)?;
            let key = key_of(&values)?;
            if table.rows.insert(key, values).is_some() {
                return Err(format!("insert of key {key}, which is already there"));
            }
        }
        RowChange::Update { before, after } => {
            let key = key_of(&row_values(before, width)?)?;
            let mut row = table
                .rows
                .remove(&key)
                .ok_or_else(|| format!("update of key {key}, which is not there"))?;
            for (slot, value) in row.iter_mut().zip(row_values(after, width)?) {
                if value.is_some() {
                    *slot = value;
                }
            }
            let new_key = key_of(&row)?;
            if table.rows.insert(new_key, row).is_some() {
                return Err(format!(
                    "update moves key {key} onto {new_key}, which is there"
                ));
            }
        }
        RowChange::Delete(before) => {
            let key = key_of(&row_values(before, width)?)?;
            table
                .rows
                .remove(&key)
                .ok_or_else(|| format!("delete of key {key}, which is not there"))?;
        }
    }
    Ok(())
}

/// A table as the server returned it: key -> per column, per select expression, the
/// bytes (`None` for NULL).
#[derive(Clone, Debug, Default)]
pub struct ServerTable {
    /// The rows by key.
    pub rows: BTreeMap<u64, Vec<Vec<Option<Vec<u8>>>>>,
}

fn unhex(s: &str) -> Result<Vec<u8>, String> {
    if s.len() % 2 != 0 {
        return Err(format!("odd hex {s:?}"));
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).map_err(|e| format!("hex {s:?}: {e}")))
        .collect()
}

impl ServerTable {
    /// Parses the `--batch --skip-column-names` output of [`TableSpec::select`].
    pub fn parse(spec: &TableSpec, output: &str) -> Result<ServerTable, String> {
        let mut out = ServerTable::default();
        for line in output.lines() {
            let mut fields = line.split('\t');
            let key: u64 = fields
                .next()
                .and_then(|k| k.parse().ok())
                .ok_or_else(|| format!("no key in {line:?}"))?;
            let mut row = Vec::new();
            for c in &spec.columns {
                let mut values = Vec::new();
                for _ in c.ty.select_exprs(&c.name) {
                    let f = fields
                        .next()
                        .ok_or_else(|| format!("short line {line:?}"))?;
                    values.push(if f == "NULL" { None } else { Some(unhex(f)?) });
                }
                row.push(values);
            }
            if fields.next().is_some() {
                return Err(format!("long line {line:?}"));
            }
            out.rows.insert(key, row);
        }
        Ok(out)
    }
}

/// Counts of a comparison.
#[derive(Clone, Copy, Debug, Default)]
pub struct Compared {
    /// Rows compared.
    pub rows: usize,
    /// Values compared.
    pub values: usize,
}

/// Compares the server's table with ours, value by value. Every mismatch is one line that
/// names the table, the key, the column, our value and the server's.
pub fn compare(
    spec: &TableSpec,
    server: &ServerTable,
    ours: Option<&RebuiltTable>,
) -> Result<Compared, Vec<String>> {
    let name = spec.qualified();
    let empty = RebuiltTable::default();
    let ours = ours.unwrap_or(&empty);
    let mut errors = Vec::new();
    let mut counts = Compared::default();
    if !server.rows.is_empty() && ours.columns.len() != spec.columns.len() + 1 {
        errors.push(format!(
            "table {name}: the TABLE_MAP has {} columns, the table {}",
            ours.columns.len(),
            spec.columns.len() + 1
        ));
        return Err(errors);
    }
    for key in ours.rows.keys() {
        if !server.rows.contains_key(key) {
            errors.push(format!(
                "table {name}, key id={key}: only ours has this row"
            ));
        }
    }
    for (key, server_row) in &server.rows {
        let Some(our_row) = ours.rows.get(key) else {
            errors.push(format!(
                "table {name}, key id={key}: only the server has this row"
            ));
            continue;
        };
        counts.rows += 1;
        for (i, (spec_col, server_values)) in spec.columns.iter().zip(server_row).enumerate() {
            counts.values += 1;
            let column = &ours.columns[i + 1];
            let our_text = our_row.get(i + 1).cloned().flatten();
            let mut sql = spec_col.ty.sql();
            if sql.chars().count() > 60 {
                sql = sql.chars().take(57).collect::<String>() + "...";
            }
            let label = format!(
                "table {name}, key id={key}, column {} ({sql})",
                spec_col.name
            );
            let expected = match spec_col.ty.expected(server_values, column) {
                Ok(e) => e,
                Err(e) => {
                    errors.push(format!("{label}: cannot read the server's value: {e}"));
                    continue;
                }
            };
            let Some(our_text) = our_text else {
                errors.push(format!(
                    "{label}: ours: absent from every row image, server's: {expected}"
                ));
                continue;
            };
            match spec_col.ty.ours(&our_text) {
                Ok(ours) if types::same(&ours, &expected) => {}
                Ok(_) | Err(_) => {
                    errors.push(format!("{label}: ours: {our_text}, server's: {expected}"))
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(counts)
    } else {
        Err(errors)
    }
}

/// The mapped server value, for tests of the comparison.
pub fn expected_of(
    spec: &TableSpec,
    column: usize,
    server_values: &[Option<Vec<u8>>],
    c: &Column,
) -> Option<Expected> {
    spec.columns.get(column)?.ty.expected(server_values, c).ok()
}

/// The test of the test: changes one integer the server returned (the first non-NULL
/// value of an integer column) and checks that [`compare`] then fails with one message
/// naming the table, the key, the column, our value and the (mutated) server's value.
/// Returns the message, or `None` when the table has no such value.
pub fn mutated_comparison_fails(
    spec: &TableSpec,
    server: &ServerTable,
    ours: &RebuiltTable,
) -> Option<String> {
    use super::types::Ty;
    let (ci, key) = spec.columns.iter().enumerate().find_map(|(ci, c)| {
        if !matches!(c.ty, Ty::Int { .. }) {
            return None;
        }
        server
            .rows
            .iter()
            .find(|(_, row)| row[ci][0].is_some())
            .map(|(k, _)| (ci, *k))
    })?;
    let mut mutated = server.clone();
    let cell = &mut mutated.rows.get_mut(&key)?[ci][0];
    let text = String::from_utf8(cell.clone()?).ok()?;
    let value: i128 = text.parse().ok()?;
    // One off, towards zero so it stays in range.
    let wrong = if value > 0 { value - 1 } else { value + 1 };
    *cell = Some(wrong.to_string().into_bytes());
    let errors =
        compare(spec, &mutated, Some(ours)).expect_err("a mutated row must not compare equal");
    assert_eq!(errors.len(), 1, "one wrong value, one message: {errors:?}");
    let message = errors[0].clone();
    let our_text = ours.rows[&key][ci + 1].clone().unwrap_or_default();
    for needle in [
        format!("table {}", spec.qualified()),
        format!("key id={key}"),
        format!("column {}", spec.columns[ci].name),
        format!("ours: {our_text}"),
        format!("server's: {wrong}"),
    ] {
        assert!(
            message.contains(&needle),
            "{message:?} does not name {needle:?}"
        );
    }
    Some(message)
}

/// Checks the statement texts in the binlog against the executed ones: all, in order,
/// under STATEMENT; under ROW and MIXED in order, where a statement that changed no row
/// may be missing, but no CREATE or INSERT.
pub fn check_statements(
    setting: &str,
    format: &str,
    w: &Workload,
    d: &Decoded,
) -> Result<usize, String> {
    if format == "STATEMENT" {
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
            setting,
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
                setting,
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
                setting,
                text.chars().take(300).collect::<String>()
            ));
        }
    }
    Ok(d.statements.len())
}
