//! `--flashback`: the SQL that undoes the selected row changes, newest first.
//!
//! The generator collects the shown row events (the driver has applied `--table`,
//! `--database`, positions, times and GTIDs) in their transactions, and at the end prints
//! the transactions newest first, each whole as `BEGIN; ... COMMIT;`, its row changes
//! reversed (events reversed, rows inside an event reversed):
//!
//! | the binlog has | the undo |
//! |---|---|
//! | an inserted row | ``DELETE FROM `db`.`t` WHERE <row> LIMIT 1;`` |
//! | a deleted row | ``INSERT INTO `db`.`t` (<columns>) VALUES (<row>);`` |
//! | an updated row | ``UPDATE `db`.`t` SET <before image> WHERE <after row> LIMIT 1;`` |
//!
//! `<row>` is the primary key (`` `id`=1 ``) when the table map carries it
//! (`binlog_row_metadata=FULL`), otherwise every column of the image, NULL-safe
//! (`` `c` IS NULL ``), strings compared byte for byte (`` CAST(`c` AS BINARY)=X'..' ``,
//! so neither a case-insensitive collation nor PAD SPACE matches a different row). FLOAT
//! and DOUBLE are written as the shortest decimal that reads back as the same double, so
//! even a FLOAT compares equal; LIMIT 1 keeps duplicate rows of a table without a key
//! apart.
//!
//! Every value is an exact literal: integers as the column declares them, DECIMAL with all
//! its digits, strings and blobs as hex with their character set's introducer
//! (`_utf8mb4 X'C3A9'`, `_binary X'00'`; COMPRESSED columns decompressed), BIT as `b'..'`,
//! ENUM and SET as their index and bitmap (numbers set and compare them exactly), YEAR as
//! a number, temporals as quoted text with their fractional digits, TIMESTAMP from its
//! epoch seconds as UTC text (the preamble sets `time_zone='+00:00'`), GEOMETRY as its
//! stored bytes (SRID and WKB, which the server accepts back), MySQL JSON as
//! `CAST(.. AS JSON)` of its text.
//!
//! The preamble also sets `sql_mode='NO_AUTO_VALUE_ON_ZERO'`: zero dates and zero parts
//! are accepted, a 0 in an AUTO_INCREMENT column stays 0, and (not strict) the values the
//! images hold for generated columns, which the table map does not mark, are ignored with
//! a warning instead of failing (MySQL refuses them whatever the mode: its undo of a
//! table with generated columns fails). The session's sql_mode and time_zone are put back
//! at the end.
//!
//! An undo needs the values the change destroyed. With `binlog_row_image=MINIMAL` a
//! DELETE logs only the key and an UPDATE's before image only the key, and with NOBLOB
//! the BLOB/TEXT columns are left out: when a needed old value is not in the binlog,
//! the flashback refuses (naming the event and the columns) rather than print an undo
//! that silently restores less than was changed. An undo of an UPDATE under NOBLOB that
//! did not touch the BLOBs, and of an INSERT whose image holds the key, work.
//!
//! Without column names (no `binlog_row_metadata=FULL`) the output is mysqlbinlog-style
//! pseudo-SQL, every line a comment (`### DELETE FROM`, `###   @1=...`), under a
//! comment saying why: piped into a client it does nothing. Then nothing is refused
//! (the pseudo-SQL says which columns an image lacks). When any selected table lacks
//! names, the whole output is pseudo-SQL, so that an undo is never half executable.
//!
//! What row events cannot undo is said, never skipped silently: statements logged as SQL
//! text in the selection (DDL, statement-format DML) and transactions that ended in
//! ROLLBACK are listed as comments where they fall. Triggers fire again on the undo, and
//! changes made by foreign-key cascades (which the binlog does not hold) are not undone.
//!
//! Memory: the whole selection is held until the end (the undo of the newest change
//! comes first): the key of each inserted row, the whole image of each deleted row, both
//! images of each updated row, as literals. A flashback over a large binlog needs
//! roughly the size of its selected row images.
//!
//! Errors: when the input breaks (or a change cannot be undone), the transactions
//! complete before that point are printed, under a comment saying the output stops
//! there; the transaction in progress is left out. The command exits 1.
//!
//! `--format=json`: one object per line: first `{"type":"flashback",...}` with the
//! session statements to run first and whether the SQL is executable, then one
//! `{"type":"undo",...}` per undo statement, newest first, with its transaction's number
//! and position, and `{"type":"not_undone",...}` for what cannot be undone; on an error,
//! the JSON printer's error line.

use std::collections::BTreeSet;
use std::io::{self, Write};
use std::sync::Arc;

use binlogkit::rows::{Row, RowChange};
use binlogkit::value::{IntValue, Value};
use binlogkit::{Event, TableSchema};

use super::dump::{DumpError, Format, Item, Options, Sink};
use super::filter::{Verdict, starts_with_words};

/// The session statements that make every literal of the undo read back exactly.
const SESSION: [&str; 4] = [
    "SET @binlogdump_sql_mode=@@SESSION.sql_mode, @binlogdump_time_zone=@@SESSION.time_zone",
    "SET NAMES utf8mb4",
    "SET SESSION sql_mode='NO_AUTO_VALUE_ON_ZERO'",
    "SET SESSION time_zone='+00:00'",
];

/// Puts the session back as it was.
const RESTORE: &str = "SET SESSION sql_mode=@binlogdump_sql_mode, time_zone=@binlogdump_time_zone";

/// How much of a statement that cannot be undone is quoted.
const QUOTED_STATEMENT: usize = 200;

/// The flashback generator.
#[derive(Debug)]
pub struct Flashback {
    format: Format,
    /// Closed transactions and notes, in binlog order.
    entries: Vec<Entry>,
    /// The transaction being read.
    open: Option<Transaction>,
    /// The file being read (shared by its transactions).
    file: Arc<str>,
    /// `db.t` of the selected tables whose table map has no column names.
    unnamed: BTreeSet<String>,
}

/// A transaction, or a statement that cannot be undone.
#[derive(Debug)]
enum Entry {
    Transaction(Transaction),
    /// A statement logged as SQL text: file, position, its start.
    Statement(Arc<str>, u64, String),
    /// A transaction that ended in ROLLBACK: file, position, row changes.
    RolledBack(Arc<str>, u64, usize),
}

/// The undo of one transaction.
#[derive(Debug)]
struct Transaction {
    file: Arc<str>,
    /// Where it starts (its GTID or BEGIN, or its first row event).
    pos: u64,
    gtid: Option<String>,
    /// Whether it was an XA transaction.
    xa: bool,
    /// Whether its end was read (an unended one is printed only on a clean finish).
    ended: bool,
    /// The undo of each row change, in binlog order.
    undos: Vec<Undo>,
}

impl Transaction {
    fn new(file: Arc<str>, pos: u64, gtid: Option<String>) -> Transaction {
        Transaction {
            file,
            pos,
            gtid,
            xa: false,
            ended: false,
            undos: Vec::new(),
        }
    }
}

/// The undo of one row change.
#[derive(Debug)]
struct Undo {
    table: Arc<TableSchema>,
    /// The row event's position.
    pos: u64,
    action: Action,
    /// For pseudo-SQL: why the images do not hold everything the undo needs.
    missing: Option<String>,
}

/// What the undo does.
#[derive(Debug)]
enum Action {
    /// Deletes the row an INSERT made.
    Delete { cond: Condition },
    /// Inserts the row a DELETE removed.
    Insert { values: Image },
    /// Puts back the before image of an UPDATE.
    Update { set: Image, cond: Condition },
}

/// Which row: the primary key, or every column the images hold.
#[derive(Debug)]
struct Condition {
    by_key: bool,
    columns: Image,
}

/// Column values by column index.
type Image = Vec<(usize, Literal)>;

/// One value as SQL.
#[derive(Clone, Debug, PartialEq)]
enum Literal {
    Null,
    /// The same text as a value and in a comparison: numbers, quoted temporals, `b'..'`.
    Plain(Box<str>),
    /// A string's bytes and its character set (`None`: unknown, written without an
    /// introducer).
    Str {
        charset: Option<&'static str>,
        bytes: Box<[u8]>,
    },
    /// GEOMETRY: SRID and WKB as stored.
    Geometry(Box<[u8]>),
    /// A MySQL JSON document's text.
    Json(Box<[u8]>),
    /// A value that cannot be written (the diffs of a partial JSON update).
    Unwritable(&'static str),
}

impl Flashback {
    /// A generator for `options`.
    pub fn new(options: &Options) -> Flashback {
        Flashback {
            format: options.format,
            entries: Vec::new(),
            open: None,
            file: Arc::from(""),
            unnamed: BTreeSet::new(),
        }
    }

    /// Ends the open transaction (`rolled_back`: it ended in ROLLBACK).
    fn close(&mut self, rolled_back: bool) {
        if let Some(mut t) = self.open.take() {
            t.ended = true;
            if rolled_back {
                if !t.undos.is_empty() {
                    self.entries
                        .push(Entry::RolledBack(t.file, t.pos, t.undos.len()));
                }
            } else if !t.undos.is_empty() {
                self.entries.push(Entry::Transaction(t));
            }
        }
    }

    /// A transaction starts at `pos` (a GTID or BEGIN); one already open ends there.
    fn begin(&mut self, pos: u64, gtid: Option<String>) {
        self.close(false);
        self.open = Some(Transaction::new(self.file.clone(), pos, gtid));
    }

    fn query(&mut self, item: &Item<'_, '_>, text: &[u8]) {
        let trimmed = trim_sql(text);
        let w = |words: &[&str]| starts_with_words(trimmed, words);
        if w(&["BEGIN"]) || w(&["XA", "START"]) {
            let xa = w(&["XA"]);
            match &mut self.open {
                Some(t) => t.xa |= xa,
                None => {
                    let mut t = Transaction::new(self.file.clone(), item.event.offset, None);
                    t.xa = xa;
                    self.open = Some(t);
                }
            }
        } else if w(&["COMMIT"]) {
            self.close(false);
        } else if w(&["ROLLBACK"]) && !w(&["ROLLBACK", "TO"]) {
            self.close(true);
        } else if w(&["SAVEPOINT"]) || w(&["XA", "END"]) {
            // Inside the transaction: nothing to undo, nothing ends.
        } else {
            // DDL and statement-format DML: not undone, said where they fall. (A ROLLBACK
            // TO SAVEPOINT in a binlog means non-transactional changes were kept: not
            // undone either.) A transaction stays open: with binlog_format=MIXED one
            // holds both statements and row events. DDL comes in a group of its own.
            if item.verdict == Verdict::Show {
                let quoted = String::from_utf8_lossy(text.get(..QUOTED_STATEMENT).unwrap_or(text));
                let mut quoted = quoted.split_whitespace().collect::<Vec<_>>().join(" ");
                if text.len() > QUOTED_STATEMENT {
                    quoted.push_str("...");
                }
                self.entries.push(Entry::Statement(
                    self.file.clone(),
                    item.event.offset,
                    quoted,
                ));
            }
        }
    }

    /// Collects the undo of the rows of a shown row event.
    fn rows(
        &mut self,
        item: &Item<'_, '_>,
        rows: &binlogkit::events::rows::RowsEvent<'_>,
    ) -> Result<(), DumpError> {
        let refuse = |message: String| DumpError::Refused {
            file: item.file.to_owned(),
            message,
        };
        let pos = item.event.offset;
        let Some(table) = item.decoder.tables().get(rows.table_id).cloned() else {
            return Err(refuse(format!(
                "--flashback: the row event at {pos} refers to table id {} without a table \
                 map before it",
                rows.table_id
            )));
        };
        let named = table.column_names().is_some();
        if !named {
            self.unnamed
                .insert(format!("`{}`.`{}`", table.database, table.table));
        }
        let mut undos = Vec::new();
        for change in rows.rows(&table) {
            let change = change.map_err(|error| DumpError::Input {
                file: item.file.to_owned(),
                error,
            })?;
            let undo = undo(&table, pos, &change).map_err(|e| row_error(item.file, &e))?;
            if named {
                if let Some(missing) = &undo.missing {
                    return Err(refuse(format!(
                        "--flashback cannot undo the row event at {pos} on `{}`.`{}`: {missing}; \
                         it needs binlog_row_image=FULL",
                        table.database, table.table
                    )));
                }
            }
            undos.push(undo);
        }
        match &mut self.open {
            Some(t) => t.undos.extend(undos),
            None => {
                // A row event outside any transaction is a transaction of its own.
                let mut t = Transaction::new(self.file.clone(), pos, None);
                t.ended = true;
                t.undos = undos;
                if !t.undos.is_empty() {
                    self.entries.push(Entry::Transaction(t));
                }
            }
        }
        Ok(())
    }

    /// What to print, newest first.
    fn printable(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().rev()
    }

    fn executable(&self) -> bool {
        self.unnamed.is_empty()
    }

    fn header(&self, out: &mut Vec<u8>, error: Option<&DumpError>, dropped_open: bool) {
        let (transactions, rows) = self.counts();
        let _ = writeln!(
            out,
            "-- binlogdump --flashback: the undo of {rows} row change{} in {transactions} \
             transaction{}, newest first.",
            plural(rows),
            plural(transactions)
        );
        if let Some(e) = error {
            let _ = writeln!(
                out,
                "-- INCOMPLETE: reading stopped at an error ({}).",
                one_line(&e.to_string())
            );
            let _ = writeln!(
                out,
                "-- Only the transactions complete before it are undone below{}.",
                if dropped_open {
                    "; the one in progress there is not"
                } else {
                    ""
                }
            );
        }
        if !self.executable() {
            let tables: Vec<&str> = self.unnamed.iter().map(String::as_str).collect();
            let _ = writeln!(
                out,
                "-- NOT EXECUTABLE: the table map of {} carries no column names (the server \
                 ran without binlog_row_metadata=FULL).",
                tables.join(", ")
            );
            let _ = writeln!(
                out,
                "-- Below is mysqlbinlog-style pseudo-SQL, @N for the N-th column, every \
                 line a comment."
            );
        }
    }

    fn counts(&self) -> (usize, usize) {
        let mut transactions = 0;
        let mut rows = 0;
        for e in &self.entries {
            if let Entry::Transaction(t) = e {
                transactions += 1;
                rows += t.undos.len();
            }
        }
        (transactions, rows)
    }

    fn finish_text(
        &self,
        out: &mut dyn Write,
        error: Option<&DumpError>,
        dropped_open: bool,
    ) -> io::Result<()> {
        let executable = self.executable();
        let mut buf = Vec::new();
        self.header(&mut buf, error, dropped_open);
        if executable {
            for s in SESSION {
                buf.extend_from_slice(s.as_bytes());
                buf.extend_from_slice(b";\n");
            }
        }
        out.write_all(&buf)?;
        for entry in self.printable() {
            buf.clear();
            buf.push(b'\n');
            match entry {
                Entry::Transaction(t) => {
                    transaction_comment(&mut buf, t);
                    buf.extend_from_slice(if executable {
                        b"BEGIN;\n"
                    } else {
                        b"### BEGIN\n"
                    });
                    for undo in t.undos.iter().rev() {
                        if executable {
                            write_sql(&mut buf, undo);
                            buf.extend_from_slice(b";\n");
                        } else {
                            write_pseudo(&mut buf, undo);
                        }
                        if buf.len() > 1 << 16 {
                            out.write_all(&buf)?;
                            buf.clear();
                        }
                    }
                    buf.extend_from_slice(if executable {
                        b"COMMIT;\n"
                    } else {
                        b"### COMMIT\n"
                    });
                }
                other => not_undone_comment(&mut buf, other),
            }
            out.write_all(&buf)?;
        }
        if executable {
            out.write_all(b"\n")?;
            out.write_all(RESTORE.as_bytes())?;
            out.write_all(b";\n")?;
        }
        Ok(())
    }

    fn finish_json(&self, out: &mut dyn Write, error: Option<&DumpError>) -> io::Result<()> {
        let executable = self.executable();
        let (transactions, rows) = self.counts();
        let head = serde_json::json!({
            "type": "flashback",
            "executable": executable,
            "session": if executable { SESSION.to_vec() } else { Vec::new() },
            "restore": if executable { Some(RESTORE) } else { None },
            "transactions": transactions,
            "rows": rows,
            "complete": error.is_none(),
            "tables_without_column_names": self.unnamed.iter().collect::<Vec<_>>(),
        });
        serde_json::to_writer(&mut *out, &head)?;
        out.write_all(b"\n")?;
        let mut number = 0usize;
        let mut sql = Vec::new();
        for entry in self.printable() {
            let line = match entry {
                Entry::Transaction(t) => {
                    number += 1;
                    for undo in t.undos.iter().rev() {
                        sql.clear();
                        if executable {
                            write_sql(&mut sql, undo);
                        } else {
                            write_pseudo(&mut sql, undo);
                        }
                        let line = serde_json::json!({
                            "type": "undo",
                            "transaction": number,
                            "file": &*t.file,
                            "transaction_pos": t.pos,
                            "gtid": t.gtid,
                            "pos": undo.pos,
                            "db": undo.table.database,
                            "table": undo.table.table,
                            "statement": match undo.action {
                                Action::Delete { .. } => "DELETE",
                                Action::Insert { .. } => "INSERT",
                                Action::Update { .. } => "UPDATE",
                            },
                            "sql": String::from_utf8_lossy(&sql),
                        });
                        serde_json::to_writer(&mut *out, &line)?;
                        out.write_all(b"\n")?;
                    }
                    continue;
                }
                Entry::Statement(file, pos, text) => serde_json::json!({
                    "type": "not_undone",
                    "file": &**file,
                    "pos": pos,
                    "why": "a statement logged as SQL text",
                    "statement": text,
                }),
                Entry::RolledBack(file, pos, rows) => serde_json::json!({
                    "type": "not_undone",
                    "file": &**file,
                    "pos": pos,
                    "why": "a transaction that ended in ROLLBACK",
                    "rows": rows,
                }),
            };
            serde_json::to_writer(&mut *out, &line)?;
            out.write_all(b"\n")?;
        }
        super::json::JsonSink::new().finish(out, error)
    }
}

impl Sink for Flashback {
    fn file(&mut self, _out: &mut dyn Write, name: &str, _index: usize) -> io::Result<()> {
        // A transaction never spans files: one left open ends with its file.
        self.close(false);
        self.file = Arc::from(name);
        Ok(())
    }

    fn event(&mut self, _out: &mut dyn Write, item: &Item<'_, '_>) -> Result<(), DumpError> {
        match &item.event.event {
            Event::MariadbGtid(g) => {
                // (A standalone one, for DDL, is ended by its statement.)
                self.begin(item.event.offset, Some(g.gtid.to_string()));
            }
            Event::Gtid(g) | Event::AnonymousGtid(g) => {
                self.begin(item.event.offset, g.gtid().map(|g| g.to_string()));
            }
            Event::Query(q) => self.query(item, &q.query),
            Event::Xid(_) | Event::XaPrepare(_) => self.close(false),
            Event::Rows(rows) if item.verdict == Verdict::Show => self.rows(item, rows)?,
            _ => {}
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, error: Option<&DumpError>) -> io::Result<()> {
        let mut dropped_open = false;
        if let Some(t) = self.open.take() {
            if error.is_some() {
                // Not complete: left out (the header says so).
                dropped_open = !t.undos.is_empty();
            } else if !t.undos.is_empty() {
                // The selection ends inside it (a stop position): what was selected of
                // it is undone, as one transaction.
                self.entries.push(Entry::Transaction(t));
            }
        }
        match self.format {
            Format::Text => self.finish_text(out, error, dropped_open),
            Format::Json => self.finish_json(out, error),
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A message on one line (for a comment).
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn transaction_comment(buf: &mut Vec<u8>, t: &Transaction) {
    let _ = write!(buf, "-- the transaction at {}:{}", t.file, t.pos);
    if let Some(g) = &t.gtid {
        let _ = write!(buf, " (GTID {g})");
    }
    if t.xa {
        buf.extend_from_slice(
            b", an XA transaction (do not replay this part if it was rolled back by XA ROLLBACK)",
        );
    }
    if !t.ended {
        buf.extend_from_slice(b", whose end is not in the selection");
    }
    buf.push(b'\n');
}

fn not_undone_comment(buf: &mut Vec<u8>, entry: &Entry) {
    match entry {
        Entry::Statement(file, pos, text) => {
            let _ = writeln!(
                buf,
                "-- NOT UNDONE: the statement at {file}:{pos}, logged as SQL text: {}",
                text.replace('\n', " ")
            );
        }
        Entry::RolledBack(file, pos, rows) => {
            let _ = writeln!(
                buf,
                "-- NOT UNDONE: the transaction at {file}:{pos} ({rows} row change{}) ended in \
                 ROLLBACK (its changes to non-transactional tables, if any, remain)",
                plural(*rows)
            );
        }
        Entry::Transaction(_) => {}
    }
}

/// The undo of one row change.
fn undo(table: &Arc<TableSchema>, pos: u64, change: &RowChange<'_, '_>) -> Result<Undo, String> {
    let all = table.columns.len();
    let key: Option<Vec<usize>> = table
        .primary_key
        .as_ref()
        .filter(|k| !k.is_empty())
        .map(|k| k.iter().map(|&(i, _)| i).collect());
    let mut missing = None;
    let action = match change {
        RowChange::Insert(row) => {
            let image = image(row)?;
            let (cond, lacks) = condition(&image, key.as_deref(), all);
            missing = lacks.map(|l| format!("the inserted row's image lacks {l}"));
            Action::Delete { cond }
        }
        RowChange::Delete(row) => {
            let values = image(row)?;
            if values.len() < all {
                missing = Some(format!(
                    "the deleted row's image holds {} of {all} columns (lacks {})",
                    values.len(),
                    absent(table, &values)
                ));
            }
            Action::Insert { values }
        }
        RowChange::Update { before, after } => {
            let set = image(before)?;
            let after = image(after)?;
            // The row as the update left it: the after image, and the columns it does not
            // hold (unchanged) from the before image.
            let mut state: Image = set.clone();
            // The JSON columns of a partial update hold diffs: their new documents are
            // not in the binlog, and cannot pick the row.
            let mut diffs = Vec::new();
            for (i, v) in &after {
                if matches!(v, Literal::Unwritable(_)) {
                    state.retain(|(c, _)| c != i);
                    diffs.push(*i);
                    continue;
                }
                match state.iter_mut().find(|(c, _)| c == i) {
                    Some(slot) => slot.1 = v.clone(),
                    None => state.push((*i, v.clone())),
                }
            }
            state.sort_by_key(|(c, _)| *c);
            let lost: Vec<usize> = after
                .iter()
                .map(|(c, _)| *c)
                .filter(|c| !set.iter().any(|(s, _)| s == c))
                .collect();
            let (cond, mut lacks) = condition(&state, key.as_deref(), all);
            if !cond.by_key && !diffs.is_empty() {
                lacks = Some(format!(
                    "the new documents of {} (a partial JSON update holds diffs)",
                    names(table, &diffs)
                ));
            }
            if !lost.is_empty() {
                missing = Some(format!(
                    "the before image lacks the old values of {}",
                    names(table, &lost)
                ));
            } else if let Some(l) = lacks {
                missing = Some(format!("the images lack {l}"));
            }
            Action::Update { set, cond }
        }
    };
    for lit in action_literals(&action) {
        if let Literal::Unwritable(why) = lit {
            return Err((*why).to_owned());
        }
    }
    Ok(Undo {
        table: table.clone(),
        pos,
        action,
        missing,
    })
}

fn action_literals(action: &Action) -> Box<dyn Iterator<Item = &Literal> + '_> {
    match action {
        Action::Delete { cond } => Box::new(cond.columns.iter().map(|(_, l)| l)),
        Action::Insert { values } => Box::new(values.iter().map(|(_, l)| l)),
        Action::Update { set, cond } => Box::new(
            set.iter()
                .map(|(_, l)| l)
                .chain(cond.columns.iter().map(|(_, l)| l)),
        ),
    }
}

/// Which row `state` is: its key columns when the table has a key, else all of it; and
/// what it lacks for that.
fn condition(state: &Image, key: Option<&[usize]>, all: usize) -> (Condition, Option<String>) {
    match key {
        Some(key) => {
            let columns: Image = state
                .iter()
                .filter(|(c, _)| key.contains(c))
                .cloned()
                .collect();
            let lacks = (columns.len() < key.len()).then(|| "primary key columns".to_owned());
            (
                Condition {
                    by_key: true,
                    columns,
                },
                lacks,
            )
        }
        None => {
            let lacks = (state.len() < all).then(|| {
                format!(
                    "columns, and the table has no primary key: {} of {all} columns identify the row",
                    state.len()
                )
            });
            (
                Condition {
                    by_key: false,
                    columns: state.clone(),
                },
                lacks,
            )
        }
    }
}

fn names(table: &TableSchema, columns: &[usize]) -> String {
    columns
        .iter()
        .map(
            |&i| match table.columns.get(i).and_then(|c| c.name.as_deref()) {
                Some(n) => format!("`{n}`"),
                None => format!("@{}", i + 1),
            },
        )
        .collect::<Vec<_>>()
        .join(", ")
}

fn absent(table: &TableSchema, image: &Image) -> String {
    let lacking: Vec<usize> = (0..table.columns.len())
        .filter(|i| !image.iter().any(|(c, _)| c == i))
        .collect();
    names(table, &lacking)
}

/// The literals of one image.
fn image(row: &Row<'_, '_>) -> Result<Image, String> {
    let schema = row.schema();
    let mut out = Vec::with_capacity(row.present().count_ones());
    for item in row.values() {
        let (i, value) = item.map_err(|e| e.to_string())?;
        let lit = literal(&value, schema.mariadb).map_err(|why| {
            let name = schema
                .columns
                .get(i)
                .and_then(|c| c.name.clone())
                .unwrap_or_else(|| format!("@{}", i + 1));
            format!(
                "`{}`.`{}`, column {name}: {why}",
                schema.database, schema.table
            )
        })?;
        out.push((i, lit));
    }
    Ok(out)
}

fn row_error(file: &str, message: &str) -> DumpError {
    DumpError::Refused {
        file: file.to_owned(),
        message: format!("--flashback: {message}"),
    }
}

/// One value as an exact SQL literal.
fn literal(value: &Value<'_>, mariadb: bool) -> Result<Literal, String> {
    let plain = |s: String| Ok(Literal::Plain(s.into_boxed_str()));
    match value {
        Value::Null => Ok(Literal::Null),
        Value::Int(i) => match i.value() {
            IntValue::Signed(v) => plain(v.to_string()),
            IntValue::Unsigned(v) => plain(v.to_string()),
        },
        Value::Year(y) => plain(y.to_string()),
        Value::Float(f) => float(f64::from(*f)),
        Value::Double(d) => float(*d),
        Value::Decimal(d) => plain(d.to_string()),
        Value::Date(d) => plain(format!("'{d}'")),
        Value::Time(t) => plain(format!("'{t}'")),
        Value::DateTime(dt) => plain(format!("'{dt}'")),
        Value::Timestamp(ts) => plain(format!("'{}'", ts.to_utc())),
        Value::Bit(b) => plain(format!(
            "b'{:0width$b}'",
            b.value(),
            width = usize::from(b.bits.max(1))
        )),
        Value::Enum(i) => plain(i.to_string()),
        Value::Set(s) => plain(s.to_string()),
        Value::String(s) => {
            let bytes = s.bytes().map_err(|e| e.to_string())?;
            let charset = s
                .collation
                .and_then(|c| binlogkit::charset::mysql_charset_name(c, mariadb))
                // `_utf8` is utf8mb3 on every server (and stays valid if it ever means
                // utf8mb4); `_utf8mb3` is unknown to older ones.
                .map(|c| if c == "utf8mb3" { "utf8" } else { c });
            Ok(Literal::Str {
                charset,
                bytes: bytes.into_owned().into_boxed_slice(),
            })
        }
        Value::Json(j) => {
            let text = j.to_text().map_err(|e| e.to_string())?;
            Ok(Literal::Json(text.into_bytes().into_boxed_slice()))
        }
        Value::JsonDiff(_) => Ok(Literal::Unwritable(
            "a partial JSON update's after image holds diffs, not the document",
        )),
        Value::Geometry(g) => Ok(Literal::Geometry(g.stored.to_vec().into_boxed_slice())),
        Value::Vector(v) => Ok(Literal::Str {
            charset: Some("binary"),
            bytes: v.stored.to_vec().into_boxed_slice(),
        }),
        _ => Err("a value of a type --flashback cannot write".to_owned()),
    }
}

/// A FLOAT or DOUBLE as the shortest decimal that reads back as the same double (a
/// DOUBLE literal thanks to its exponent).
fn float(v: f64) -> Result<Literal, String> {
    if v.is_finite() {
        Ok(Literal::Plain(format!("{v:e}").into_boxed_str()))
    } else {
        Err(format!("{v} has no SQL literal"))
    }
}

fn push_hex(buf: &mut Vec<u8>, bytes: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    buf.reserve(bytes.len() * 2 + 3);
    buf.extend_from_slice(b"X'");
    for &b in bytes {
        let digit = |n: u8| HEX.get(usize::from(n & 0xf)).copied().unwrap_or(b'0');
        buf.push(digit(b >> 4));
        buf.push(digit(b));
    }
    buf.push(b'\'');
}

/// A literal as a value.
fn write_literal(buf: &mut Vec<u8>, lit: &Literal) {
    match lit {
        Literal::Null => buf.extend_from_slice(b"NULL"),
        Literal::Plain(s) => buf.extend_from_slice(s.as_bytes()),
        Literal::Str { charset, bytes } => {
            if let Some(cs) = charset {
                buf.push(b'_');
                buf.extend_from_slice(cs.as_bytes());
                buf.push(b' ');
            }
            push_hex(buf, bytes);
        }
        Literal::Geometry(bytes) => push_hex(buf, bytes),
        Literal::Json(text) => {
            buf.extend_from_slice(b"CAST(_utf8mb4 ");
            push_hex(buf, text);
            buf.extend_from_slice(b" AS JSON)");
        }
        Literal::Unwritable(why) => {
            // Refused when collected; never written.
            let _ = write!(buf, "NULL /* {why} */");
        }
    }
}

fn column_name(table: &TableSchema, i: usize) -> &str {
    table
        .columns
        .get(i)
        .and_then(|c| c.name.as_deref())
        .unwrap_or_default()
}

fn write_table(buf: &mut Vec<u8>, table: &TableSchema) {
    binlogkit::sql::write_identifier(buf, table.database.as_bytes());
    buf.push(b'.');
    binlogkit::sql::write_identifier(buf, table.table.as_bytes());
}

/// `WHERE ... LIMIT 1`-ready conditions.
fn write_condition(buf: &mut Vec<u8>, table: &TableSchema, cond: &Condition) {
    for (n, (i, lit)) in cond.columns.iter().enumerate() {
        if n > 0 {
            buf.extend_from_slice(b" AND ");
        }
        let name = column_name(table, *i).as_bytes();
        match lit {
            Literal::Null => {
                binlogkit::sql::write_identifier(buf, name);
                buf.extend_from_slice(b" IS NULL");
            }
            // Without a key, strings match byte for byte: neither a case-insensitive
            // collation nor PAD SPACE may pick another row.
            Literal::Str { bytes, .. } if !cond.by_key => {
                buf.extend_from_slice(b"CAST(");
                binlogkit::sql::write_identifier(buf, name);
                buf.extend_from_slice(b" AS BINARY)=");
                push_hex(buf, bytes);
            }
            other => {
                binlogkit::sql::write_identifier(buf, name);
                buf.push(b'=');
                write_literal(buf, other);
            }
        }
    }
    if cond.columns.is_empty() {
        buf.extend_from_slice(b"FALSE");
    }
}

fn write_assignments(buf: &mut Vec<u8>, table: &TableSchema, image: &Image) {
    for (n, (i, lit)) in image.iter().enumerate() {
        if n > 0 {
            buf.extend_from_slice(b", ");
        }
        binlogkit::sql::write_identifier(buf, column_name(table, *i).as_bytes());
        buf.push(b'=');
        write_literal(buf, lit);
    }
}

/// The undo as SQL, without its `;`.
fn write_sql(buf: &mut Vec<u8>, undo: &Undo) {
    let table = &undo.table;
    match &undo.action {
        Action::Delete { cond } => {
            buf.extend_from_slice(b"DELETE FROM ");
            write_table(buf, table);
            buf.extend_from_slice(b" WHERE ");
            write_condition(buf, table, cond);
            buf.extend_from_slice(b" LIMIT 1");
        }
        Action::Insert { values } => {
            buf.extend_from_slice(b"INSERT INTO ");
            write_table(buf, table);
            buf.extend_from_slice(b" (");
            for (n, (i, _)) in values.iter().enumerate() {
                if n > 0 {
                    buf.extend_from_slice(b", ");
                }
                binlogkit::sql::write_identifier(buf, column_name(table, *i).as_bytes());
            }
            buf.extend_from_slice(b") VALUES (");
            for (n, (_, lit)) in values.iter().enumerate() {
                if n > 0 {
                    buf.extend_from_slice(b", ");
                }
                write_literal(buf, lit);
            }
            buf.push(b')');
        }
        Action::Update { set, cond } => {
            buf.extend_from_slice(b"UPDATE ");
            write_table(buf, table);
            buf.extend_from_slice(b" SET ");
            write_assignments(buf, table, set);
            buf.extend_from_slice(b" WHERE ");
            write_condition(buf, table, cond);
            buf.extend_from_slice(b" LIMIT 1");
        }
    }
}

fn write_pseudo_image(buf: &mut Vec<u8>, title: &[u8], image: &Image) {
    buf.extend_from_slice(title);
    for (i, lit) in image {
        let _ = write!(buf, "###   @{}=", i + 1);
        write_literal(buf, lit);
        buf.push(b'\n');
    }
}

/// The undo as `###` pseudo-SQL lines.
fn write_pseudo(buf: &mut Vec<u8>, undo: &Undo) {
    let table = &undo.table;
    if let Some(missing) = &undo.missing {
        let _ = writeln!(buf, "### -- incomplete: {}", one_line(missing));
    }
    match &undo.action {
        Action::Delete { cond } => {
            buf.extend_from_slice(b"### DELETE FROM ");
            write_table(buf, table);
            buf.push(b'\n');
            write_pseudo_image(buf, b"### WHERE\n", &cond.columns);
        }
        Action::Insert { values } => {
            buf.extend_from_slice(b"### INSERT INTO ");
            write_table(buf, table);
            buf.push(b'\n');
            write_pseudo_image(buf, b"### SET\n", values);
        }
        Action::Update { set, cond } => {
            buf.extend_from_slice(b"### UPDATE ");
            write_table(buf, table);
            buf.push(b'\n');
            write_pseudo_image(buf, b"### WHERE\n", &cond.columns);
            write_pseudo_image(buf, b"### SET\n", set);
        }
    }
}

/// The statement without leading blanks and comments.
fn trim_sql(mut s: &[u8]) -> &[u8] {
    loop {
        let t = s.trim_ascii_start();
        if let Some(rest) = t.strip_prefix(b"/*") {
            // Executable comments (`/*!... */`) hold statements: look inside.
            if let Some(rest) = rest.strip_prefix(b"!") {
                let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
                s = rest.get(digits..).unwrap_or_default();
                continue;
            }
            match t.windows(2).position(|w| w == b"*/") {
                Some(end) => s = t.get(end + 2..).unwrap_or_default(),
                None => return b"",
            }
        } else {
            return t;
        }
    }
}
