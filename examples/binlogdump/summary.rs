//! `--summary`: one report over every event and every row value of a run, as terminal
//! tables or (`--format=json`) as one JSON object with the same data.
//!
//! Only the events the filters show ([`Verdict::Show`]) are counted. Every row of
//! every row event is decoded down to its values (without formatting them): a value
//! that does not decode stops the run like any other input error, and the report
//! printed then says it is partial. Row events whose images cannot be read without the
//! table's definition (MySQL 5.1 pre-GA images, MariaDB legacy temporals with
//! fractions: [`binlogkit::rows::RowError::needs_schema`]) are counted as such, with
//! their bytes but without rows.
//!
//! # Definitions
//!
//! **Bytes.** An event's bytes are its size in the file: header, body and checksum.
//! The events inside a TRANSACTION_PAYLOAD are counted as events of their own type (so
//! `Write_rows` counts the row events of compressed transactions too), but their bytes
//! are already the payload event's: they go to a separate *uncompressed bytes* column,
//! and the *bytes* column adds up to the bytes of the file(s) read (less the 4-byte
//! magic, and less the events the filters hid). Shares are of those file bytes.
//!
//! **Time span.** The earliest and latest event timestamps (seconds, UTC), events
//! whose timestamp is 0 (a relay log's fake Rotate and format description) left out.
//! Event timestamps are statement start times, so they are not always in file order:
//! the span is from the minimum to the maximum.
//!
//! **Transactions.** A transaction starts at a GTID event (MySQL GTID, anonymous GTID
//! or MariaDB GTID), or, without one, at the first event that belongs to one (a
//! statement, a table map, a row event...). It ends:
//! - at an XID event, or a `COMMIT` statement: *committed*;
//! - at a `ROLLBACK` statement (not `ROLLBACK TO` a savepoint): *rolled back*, which
//!   the server logs when a transaction that changed a non-transactional table rolls
//!   back; `XA ROLLBACK` of a prepared XA transaction is counted here too;
//! - at an XA_PREPARE event or an `XA PREPARE` statement: *XA prepared*;
//! - when it did not open with `BEGIN` or `XA START` (nor with a MariaDB GTID without
//!   the standalone flag, which is an implicit BEGIN): at its first statement, which is
//!   then a *single statement* transaction (DDL, statements on non-transactional
//!   tables, `XA COMMIT`), or, without a GTID either, at a row event ending a
//!   statement (old binlogs without BEGIN);
//! - otherwise a transaction cut off by the next GTID or by the end of the run is
//!   *unfinished*.
//!
//! A transaction's bytes are the bytes of its events as stored (its payload event's,
//! for a compressed one), its rows the changed rows of its row events (an UPDATE row
//! counts once), its start the offset of its first event and its end the end of its
//! last one; its time is its first event's timestamp.
//!
//! **Rows per table.** Inserted, updated (an UPDATE row counts once) and deleted rows,
//! the row events and their bytes: each row event's own size, uncompressed for those
//! inside a TRANSACTION_PAYLOAD. Busiest tables (most rows) first.
//!
//! **Parallel apply, MySQL.** A GTID or anonymous GTID event of MySQL 5.7 and later
//! carries `last_committed` and `sequence_number`, numbered from 1 anew in each binlog
//! file. A replica with `replica_parallel_type=LOGICAL_CLOCK` schedules transactions
//! in binlog order and lets transaction T start once every transaction whose
//! `sequence_number` is at most T's `last_committed` has committed. The report
//! simulates that applier with unlimited workers and every transaction taking one unit
//! of time: T runs in step `max(step of the transaction before it, 1 + the step of the
//! last transaction of its file with sequence_number <= T.last_committed)`, the first
//! transaction of a file after all the transactions before it (the applier waits for
//! them at a file change), steps counted from 0. The transactions of one step could
//! run at once: the report gives the number of steps, the average number of
//! transactions per step (transactions / steps) and the largest step. A
//! `sequence_number` not above the one before it in the same file is taken as a new
//! numbering (as after a file change). *Commit groups* are runs of consecutive
//! transactions of a file with the same `last_committed`; the report gives their number
//! and a histogram of their sizes. Transactions without a logical clock (MySQL 5.6, no
//! GTID) are counted apart.
//!
//! **Parallel apply, MariaDB.** A MariaDB GTID event of a transaction that committed in
//! a group with others carries the group's `commit_id`. Commit groups are runs of
//! consecutive GTID events with the same commit id; a transaction without one is a
//! group of its own. With `slave_parallel_mode=conservative`, a group's transactions
//! can be applied at once: the report gives the number of groups, the average and
//! largest group, and the histogram of group sizes. (Transactions of different GTID
//! domains may also run in parallel; that is not counted.)
//!
//! Histogram buckets are 1, 2, 3-4, 5-8, 9-16, ... transactions per group.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{self, Write};
use std::sync::Arc;

use binlogkit::gtid::{Gtid, MariadbGtid};
use binlogkit::rows::RowChange;
use binlogkit::{Error, Event, TableSchema};
use serde::Serialize;

use super::dump::{DumpError, Format, Item, Options, Sink};
use super::filter::Verdict;

/// How many transactions each "largest" list holds.
const TOP: usize = 5;

/// Type-statistics slot for events whose type is unreadable (MariaDB encrypted events).
const ENCRYPTED_SLOT: usize = 256;

/// The summary builder: counts as events come, prints at the end.
#[derive(Debug)]
pub struct Summary {
    format: Format,
    files: Vec<FileStats>,
    events: u64,
    bytes: u64,
    first_timestamp: Option<u32>,
    last_timestamp: Option<u32>,
    /// Indexed by type code; [`ENCRYPTED_SLOT`] for encrypted events.
    types: Vec<TypeStats>,
    tables: Vec<TableStats>,
    table_index: HashMap<(String, String), usize>,
    /// The last schema seen for each table id, and its row in `tables`.
    table_ids: HashMap<u64, (Arc<TableSchema>, usize)>,
    transactions: Transactions,
    clock: LogicalClock,
    commit_ids: CommitIdGroups,
}

#[derive(Debug, Default, Clone)]
struct FileStats {
    name: String,
    events: u64,
    bytes: u64,
    first_pos: Option<u64>,
    end_pos: u64,
}

#[derive(Debug, Default, Clone, Copy)]
struct TypeStats {
    name: &'static str,
    code: u16,
    events: u64,
    bytes: u64,
    in_payload: u64,
    payload_bytes: u64,
}

#[derive(Debug, Default, Clone)]
struct TableStats {
    database: String,
    table: String,
    inserted: u64,
    updated: u64,
    deleted: u64,
    row_events: u64,
    undecoded_row_events: u64,
    bytes: u64,
}

impl Summary {
    /// A summary for `options`.
    pub fn new(options: &Options) -> Summary {
        Summary {
            format: options.format,
            files: Vec::new(),
            events: 0,
            bytes: 0,
            first_timestamp: None,
            last_timestamp: None,
            types: vec![TypeStats::default(); ENCRYPTED_SLOT + 1],
            tables: Vec::new(),
            table_index: HashMap::new(),
            table_ids: HashMap::new(),
            transactions: Transactions::default(),
            clock: LogicalClock::default(),
            commit_ids: CommitIdGroups::default(),
        }
    }

    /// The row of `tables` for `schema`.
    fn table_slot(&mut self, schema: &Arc<TableSchema>) -> usize {
        if let Some((known, slot)) = self.table_ids.get(&schema.table_id) {
            if Arc::ptr_eq(known, schema) {
                return *slot;
            }
        }
        let key = (schema.database.clone(), schema.table.clone());
        let slot = match self.table_index.get(&key) {
            Some(&slot) => slot,
            None => {
                let slot = self.tables.len();
                self.tables.push(TableStats {
                    database: key.0.clone(),
                    table: key.1.clone(),
                    ..TableStats::default()
                });
                self.table_index.insert(key, slot);
                slot
            }
        };
        self.table_ids
            .insert(schema.table_id, (Arc::clone(schema), slot));
        slot
    }

    /// The report of what was counted; `error` makes it partial.
    fn report(&self, error: Option<&DumpError>) -> Report {
        let total_bytes = self.bytes;
        let share = |bytes: u64| {
            if total_bytes == 0 {
                0.0
            } else {
                bytes as f64 / total_bytes as f64
            }
        };
        let mut types: Vec<&TypeStats> = self.types.iter().filter(|t| t.events > 0).collect();
        // The most bytes first, then the most events, then by type code.
        types.sort_by(|a, b| {
            (b.bytes, b.payload_bytes, b.events)
                .cmp(&(a.bytes, a.payload_bytes, a.events))
                .then(a.code.cmp(&b.code))
        });
        let event_types = types
            .into_iter()
            .map(|t| EventTypeReport {
                name: t.name,
                type_code: (t.code <= 255).then_some(t.code),
                events: t.events,
                bytes: t.bytes,
                share: share(t.bytes),
                in_payload: t.in_payload,
                uncompressed_bytes: t.payload_bytes,
            })
            .collect();
        let mut tables: Vec<TableReport> = self
            .tables
            .iter()
            .map(|t| TableReport {
                database: t.database.clone(),
                table: t.table.clone(),
                inserted: t.inserted,
                updated: t.updated,
                deleted: t.deleted,
                row_events: t.row_events,
                undecoded_row_events: t.undecoded_row_events,
                bytes: t.bytes,
            })
            .collect();
        // The busiest tables first; ties in name order.
        tables.sort_by(|a, b| {
            (b.inserted + b.updated + b.deleted)
                .cmp(&(a.inserted + a.updated + a.deleted))
                .then(b.bytes.cmp(&a.bytes))
                .then_with(|| (&a.database, &a.table).cmp(&(&b.database, &b.table)))
        });
        let sum = |f: fn(&TableStats) -> u64| self.tables.iter().map(f).sum::<u64>();
        let rows = RowTotals {
            inserted: sum(|t| t.inserted),
            updated: sum(|t| t.updated),
            deleted: sum(|t| t.deleted),
            row_events: sum(|t| t.row_events),
            undecoded_row_events: sum(|t| t.undecoded_row_events),
        };
        let tx = &self.transactions;
        let mut unfinished = tx.unfinished;
        if tx.open.is_some() {
            unfinished += 1;
        }
        let record = |t: &TxRecord| TransactionReport {
            file: self
                .files
                .get(t.file)
                .map(|f| f.name.clone())
                .unwrap_or_default(),
            start: t.start,
            end: t.end,
            bytes: t.bytes,
            rows: t.rows,
            gtid: t.gtid.as_ref().map(ToString::to_string),
            timestamp: t.timestamp,
            time: t.timestamp.map(iso8601),
            outcome: t.outcome.name(),
        };
        // The open transaction, cut off by the end of the run, competes too.
        let mut by_bytes = tx.by_bytes.clone();
        let mut by_rows = tx.by_rows.clone();
        if let Some(open) = &tx.open {
            let record = open.record(Outcome::Unfinished);
            insert_top(&mut by_bytes, &record, |t| t.bytes);
            insert_top(&mut by_rows, &record, |t| t.rows);
        }
        let transactions = TransactionsReport {
            total: tx.committed + tx.statements + tx.rolled_back + tx.xa_prepared + unfinished,
            committed: tx.committed,
            single_statements: tx.statements,
            rolled_back: tx.rolled_back,
            xa_prepared: tx.xa_prepared,
            unfinished,
            with_gtid: tx.with_gtid + u64::from(tx.open.as_ref().is_some_and(|o| o.gtid.is_some())),
            largest_by_bytes: by_bytes.iter().map(record).collect(),
            largest_by_rows: by_rows.iter().map(record).collect(),
        };
        let (start, end) = (self.first_timestamp, self.last_timestamp);
        Report {
            partial: error.is_some(),
            error: error.map(|e| e.to_string()),
            files: self
                .files
                .iter()
                .map(|f| FileReport {
                    name: f.name.clone(),
                    events: f.events,
                    bytes: f.bytes,
                    first_pos: f.first_pos,
                    end_pos: f.first_pos.map(|_| f.end_pos),
                })
                .collect(),
            events: self.events,
            bytes: self.bytes,
            time: TimeReport {
                start: start.map(iso8601),
                end: end.map(iso8601),
                start_timestamp: start,
                end_timestamp: end,
                duration_seconds: match (start, end) {
                    (Some(s), Some(e)) => Some(u64::from(e.saturating_sub(s))),
                    _ => None,
                },
            },
            event_types,
            transactions,
            rows,
            tables,
            logical_clock: self.clock.report(),
            commit_id_groups: self.commit_ids.report(),
        }
    }

    /// Counts the rows of a row event, decoding every value.
    fn rows(&mut self, item: &Item<'_, '_>, bytes: u64) -> Result<u64, DumpError> {
        let Event::Rows(rows) = &item.event.event else {
            return Ok(0);
        };
        let input = |error| DumpError::Input {
            file: item.file.to_owned(),
            error,
        };
        let schema = item
            .decoder
            .tables()
            .get(rows.table_id)
            .ok_or(Error::MissingTableMap {
                offset: item.event.offset,
                table_id: rows.table_id,
            })
            .map_err(input)?;
        let slot = self.table_slot(schema);
        let counted = count_rows(rows, schema);
        let Some(table) = self.tables.get_mut(slot) else {
            return Ok(0);
        };
        table.row_events += 1;
        table.bytes += bytes;
        match counted {
            Ok(n) => {
                let n_rows = n.inserted + n.updated + n.deleted;
                table.inserted += n.inserted;
                table.updated += n.updated;
                table.deleted += n.deleted;
                Ok(n_rows)
            }
            Err(Error::Row { source, .. }) if source.needs_schema() => {
                table.undecoded_row_events += 1;
                Ok(0)
            }
            Err(e) => Err(input(e)),
        }
    }
}

#[derive(Debug, Default)]
struct RowCounts {
    inserted: u64,
    updated: u64,
    deleted: u64,
}

/// The rows of `rows`, every value of every image decoded.
fn count_rows(
    rows: &binlogkit::events::RowsEvent<'_>,
    schema: &TableSchema,
) -> Result<RowCounts, Error> {
    let mut counts = RowCounts::default();
    let check = |row: &binlogkit::rows::Row<'_, '_>| -> Result<(), Error> {
        for value in row.values() {
            if let Err(source) = value {
                return Err(Error::Row {
                    offset: rows.offset(),
                    source,
                });
            }
        }
        Ok(())
    };
    for change in rows.rows(schema) {
        match change? {
            RowChange::Insert(row) => {
                check(&row)?;
                counts.inserted += 1;
            }
            RowChange::Update { before, after } => {
                check(&before)?;
                check(&after)?;
                counts.updated += 1;
            }
            RowChange::Delete(row) => {
                check(&row)?;
                counts.deleted += 1;
            }
        }
    }
    Ok(counts)
}

impl Sink for Summary {
    fn file(&mut self, _out: &mut dyn Write, name: &str, _index: usize) -> io::Result<()> {
        self.files.push(FileStats {
            name: name.to_owned(),
            ..FileStats::default()
        });
        self.clock.new_file();
        self.commit_ids.flush();
        Ok(())
    }

    fn event(&mut self, _out: &mut dyn Write, item: &Item<'_, '_>) -> Result<(), DumpError> {
        if item.verdict != Verdict::Show {
            return Ok(());
        }
        let event = item.event;
        let inner = item.payload.is_some();
        let size = event.raw.len() as u64;
        // Inner events' bytes are their payload event's, already counted.
        let file_bytes = if inner { 0 } else { size };
        if self.files.is_empty() {
            self.files.push(FileStats::default());
        }
        let file_slot = self.files.len() - 1;
        if let Some(file) = self.files.last_mut() {
            file.events += 1;
            file.bytes += file_bytes;
            file.first_pos.get_or_insert(event.offset);
            file.end_pos = file.end_pos.max(event.end_offset());
        }
        self.events += 1;
        self.bytes += file_bytes;
        let ts = event.header.timestamp;
        if ts != 0 {
            self.first_timestamp = Some(self.first_timestamp.map_or(ts, |t| t.min(ts)));
            self.last_timestamp = Some(self.last_timestamp.map_or(ts, |t| t.max(ts)));
        }
        let code = event.header.event_type.0;
        let (slot, name) = match &event.event {
            Event::Encrypted(_) => (ENCRYPTED_SLOT, "Encrypted"),
            _ => (
                usize::from(code),
                event.header.event_type.name().unwrap_or("Unknown"),
            ),
        };
        if let Some(t) = self.types.get_mut(slot) {
            t.name = name;
            t.code = if slot == ENCRYPTED_SLOT {
                ENCRYPTED_SLOT as u16
            } else {
                u16::from(code)
            };
            t.events += 1;
            t.bytes += file_bytes;
            if inner {
                t.in_payload += 1;
                t.payload_bytes += size;
            }
        }
        let rows = self.rows(item, size)?;
        match &event.event {
            Event::Gtid(g) | Event::AnonymousGtid(g) => {
                self.clock.transaction(g.last_committed, g.sequence_number);
            }
            Event::MariadbGtid(g) => self.commit_ids.transaction(g.commit_id),
            _ => {}
        }
        self.transactions.event(item, file_slot, file_bytes, rows);
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, error: Option<&DumpError>) -> io::Result<()> {
        if let Some(DumpError::Output(_)) = error {
            return Ok(());
        }
        self.commit_ids.flush();
        let report = self.report(error);
        match self.format {
            Format::Json => {
                serde_json::to_writer(&mut *out, &report)?;
                out.write_all(b"\n")
            }
            Format::Text => out.write_all(render_text(&report).as_bytes()),
        }
    }
}

// ---------------------------------------------------------------------------------
// Transactions

/// How a transaction ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Committed,
    Statement,
    RolledBack,
    XaPrepared,
    Unfinished,
}

impl Outcome {
    fn name(self) -> &'static str {
        match self {
            Outcome::Committed => "committed",
            Outcome::Statement => "single statement",
            Outcome::RolledBack => "rolled back",
            Outcome::XaPrepared => "XA prepared",
            Outcome::Unfinished => "unfinished",
        }
    }
}

#[derive(Debug, Clone)]
enum TxGtid {
    Mysql(Gtid),
    Mariadb(MariadbGtid),
    Anonymous,
}

impl std::fmt::Display for TxGtid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TxGtid::Mysql(g) => write!(f, "{g}"),
            TxGtid::Mariadb(g) => write!(f, "{g}"),
            TxGtid::Anonymous => f.write_str("ANONYMOUS"),
        }
    }
}

/// A transaction being read.
#[derive(Debug, Clone)]
struct OpenTx {
    file: usize,
    start: u64,
    end: u64,
    bytes: u64,
    rows: u64,
    gtid: Option<TxGtid>,
    timestamp: Option<u32>,
    /// Said BEGIN (or XA START, or is a MariaDB non-standalone group): ends at its
    /// COMMIT, XID, ROLLBACK or XA PREPARE, not at its first statement.
    explicit: bool,
}

impl OpenTx {
    fn record(&self, outcome: Outcome) -> TxRecord {
        TxRecord {
            file: self.file,
            start: self.start,
            end: self.end,
            bytes: self.bytes,
            rows: self.rows,
            gtid: self.gtid.clone(),
            timestamp: self.timestamp,
            outcome,
        }
    }
}

#[derive(Debug, Clone)]
struct TxRecord {
    file: usize,
    start: u64,
    end: u64,
    bytes: u64,
    rows: u64,
    gtid: Option<TxGtid>,
    timestamp: Option<u32>,
    outcome: Outcome,
}

#[derive(Debug, Default)]
struct Transactions {
    open: Option<OpenTx>,
    committed: u64,
    statements: u64,
    rolled_back: u64,
    xa_prepared: u64,
    unfinished: u64,
    with_gtid: u64,
    by_bytes: Vec<TxRecord>,
    by_rows: Vec<TxRecord>,
}

/// What an event does to the transaction around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Not part of any transaction (format description, rotate, GTID lists...).
    Outside,
    /// Starts one (a GTID event).
    Gtid,
    /// `BEGIN`, `XA START`.
    Begin,
    /// Inside one, ending nothing.
    Content,
    /// A statement: ends a transaction that did not say BEGIN.
    Statement,
    /// A row event ending a statement: ends a transaction that did not say BEGIN
    /// and has no GTID (old binlogs).
    StatementRows,
    /// Ends one.
    End(Outcome),
}

fn role(event: &Event<'_>) -> Role {
    match event {
        Event::Gtid(_) | Event::AnonymousGtid(_) | Event::MariadbGtid(_) => Role::Gtid,
        Event::Query(q) | Event::ExecuteLoadQuery(q) => query_role(&q.query),
        Event::Xid(_) => Role::End(Outcome::Committed),
        Event::XaPrepare(_) => Role::End(Outcome::XaPrepared),
        Event::Rows(r) if r.is_statement_end() => Role::StatementRows,
        Event::Load(_) | Event::ExecLoad(_) => Role::Statement,
        Event::Rows(_)
        | Event::TableMap(_)
        | Event::Intvar(_)
        | Event::Rand(_)
        | Event::UserVar(_)
        | Event::RowsQuery(_)
        | Event::AnnotateRows(_)
        | Event::TransactionPayload(_)
        | Event::TransactionContext(_)
        | Event::ViewChange(_)
        | Event::PartialRowData(_)
        | Event::CreateFile(_)
        | Event::AppendBlock(_)
        | Event::BeginLoadQuery(_)
        | Event::DeleteFile(_) => Role::Content,
        _ => Role::Outside,
    }
}

fn query_role(query: &[u8]) -> Role {
    let w = |words: &[&str]| super::filter::starts_with_words(query, words);
    if w(&["BEGIN"]) || w(&["XA", "START"]) || w(&["XA", "BEGIN"]) {
        Role::Begin
    } else if w(&["COMMIT"]) {
        Role::End(Outcome::Committed)
    } else if w(&["ROLLBACK", "TO"]) || w(&["SAVEPOINT"]) || w(&["XA", "END"]) {
        Role::Content
    } else if w(&["ROLLBACK"]) || w(&["XA", "ROLLBACK"]) {
        Role::End(Outcome::RolledBack)
    } else if w(&["XA", "PREPARE"]) {
        Role::End(Outcome::XaPrepared)
    } else {
        Role::Statement
    }
}

impl Transactions {
    fn event(&mut self, item: &Item<'_, '_>, file: usize, bytes: u64, rows: u64) {
        let event = item.event;
        let role = role(&event.event);
        if role == Role::Outside {
            return;
        }
        if role == Role::Gtid {
            if let Some(open) = self.open.take() {
                self.close(open, Outcome::Unfinished);
            }
            let (gtid, explicit) = match &event.event {
                Event::Gtid(g) => (g.gtid().map_or(TxGtid::Anonymous, TxGtid::Mysql), false),
                Event::MariadbGtid(g) => (
                    TxGtid::Mariadb(g.gtid),
                    g.flags & binlogkit::events::mariadb_gtid::FL_STANDALONE == 0,
                ),
                _ => (TxGtid::Anonymous, false),
            };
            self.open = Some(OpenTx {
                file,
                start: event.offset,
                end: event.end_offset(),
                bytes,
                rows,
                gtid: Some(gtid),
                timestamp: (event.header.timestamp != 0).then_some(event.header.timestamp),
                explicit,
            });
            return;
        }
        let open = self.open.get_or_insert_with(|| OpenTx {
            file,
            start: event.offset,
            end: event.end_offset(),
            bytes: 0,
            rows: 0,
            gtid: None,
            timestamp: None,
            explicit: false,
        });
        open.end = open.end.max(event.end_offset());
        open.bytes += bytes;
        open.rows += rows;
        if open.timestamp.is_none() && event.header.timestamp != 0 {
            open.timestamp = Some(event.header.timestamp);
        }
        let ends = match role {
            Role::Begin => {
                open.explicit = true;
                None
            }
            Role::End(outcome) => Some(outcome),
            Role::Statement if !open.explicit => Some(Outcome::Statement),
            Role::StatementRows if !open.explicit && open.gtid.is_none() => {
                Some(Outcome::Statement)
            }
            _ => None,
        };
        if let Some(outcome) = ends {
            if let Some(open) = self.open.take() {
                self.close(open, outcome);
            }
        }
    }

    fn close(&mut self, open: OpenTx, outcome: Outcome) {
        match outcome {
            Outcome::Committed => self.committed += 1,
            Outcome::Statement => self.statements += 1,
            Outcome::RolledBack => self.rolled_back += 1,
            Outcome::XaPrepared => self.xa_prepared += 1,
            Outcome::Unfinished => self.unfinished += 1,
        }
        if open.gtid.is_some() {
            self.with_gtid += 1;
        }
        let record = open.record(outcome);
        insert_top(&mut self.by_bytes, &record, |t| t.bytes);
        insert_top(&mut self.by_rows, &record, |t| t.rows);
    }
}

/// Keeps `top` the [`TOP`] largest by `key`, the earlier first among equals.
fn insert_top(top: &mut Vec<TxRecord>, record: &TxRecord, key: fn(&TxRecord) -> u64) {
    let k = key(record);
    if top.len() >= TOP && top.last().is_some_and(|last| key(last) >= k) {
        return;
    }
    let at = top.partition_point(|t| key(t) >= k);
    top.insert(at, record.clone());
    top.truncate(TOP);
}

// ---------------------------------------------------------------------------------
// Parallel apply

/// Group sizes in buckets 1, 2, 3-4, 5-8, ...
#[derive(Debug, Default, Clone)]
struct Histogram {
    groups: Vec<u64>,
    transactions: Vec<u64>,
}

impl Histogram {
    fn add(&mut self, size: u64) {
        if size == 0 {
            return;
        }
        let bucket = if size == 1 {
            0
        } else {
            ((size - 1).ilog2() + 1) as usize
        };
        if self.groups.len() <= bucket {
            self.groups.resize(bucket + 1, 0);
            self.transactions.resize(bucket + 1, 0);
        }
        if let (Some(g), Some(t)) = (
            self.groups.get_mut(bucket),
            self.transactions.get_mut(bucket),
        ) {
            *g += 1;
            *t += size;
        }
    }

    fn report(&self) -> Vec<BucketReport> {
        self.groups
            .iter()
            .zip(&self.transactions)
            .enumerate()
            .filter(|(_, (g, _))| **g > 0)
            .map(|(i, (&groups, &transactions))| {
                let (min, max) = if i == 0 {
                    (1, 1)
                } else {
                    ((1u64 << (i - 1)) + 1, 1u64 << i)
                };
                BucketReport {
                    min,
                    max,
                    groups,
                    transactions,
                }
            })
            .collect()
    }
}

/// The LOGICAL_CLOCK applier simulation (see the module documentation).
#[derive(Debug, Default)]
struct LogicalClock {
    /// (sequence_number, step) of this file's transactions, in order.
    file_seqs: Vec<(i64, u64)>,
    /// The step of the last transaction, if any.
    last_step: Option<u64>,
    /// The step the next transaction cannot start before (after a file change).
    barrier: u64,
    /// Transactions in the current step.
    step_size: u64,
    steps: u64,
    max_step: u64,
    transactions: u64,
    without_clock: u64,
    /// The last_committed of the current commit group, and its size.
    group: Option<(i64, u64)>,
    groups: u64,
    max_group: u64,
    histogram: Histogram,
}

impl LogicalClock {
    fn new_file(&mut self) {
        self.restart();
        self.end_group();
    }

    /// A new numbering: the next transaction waits for all before it.
    fn restart(&mut self) {
        self.file_seqs.clear();
        if let Some(last) = self.last_step {
            self.barrier = last + 1;
        }
    }

    fn end_group(&mut self) {
        if let Some((_, size)) = self.group.take() {
            self.groups += 1;
            self.max_group = self.max_group.max(size);
            self.histogram.add(size);
        }
    }

    fn transaction(&mut self, last_committed: Option<i64>, sequence_number: Option<i64>) {
        let (Some(lc), Some(seq)) = (last_committed, sequence_number) else {
            self.without_clock += 1;
            return;
        };
        if self.file_seqs.last().is_some_and(|&(s, _)| seq <= s) {
            self.restart();
            self.end_group();
        }
        self.transactions += 1;
        // The last transaction of this numbering with sequence_number <= lc: its step
        // must be over.
        let before = self.file_seqs.partition_point(|&(s, _)| s <= lc);
        let after_dependency = before
            .checked_sub(1)
            .and_then(|i| self.file_seqs.get(i))
            .map_or(0, |&(_, step)| step + 1);
        let step = self
            .barrier
            .max(after_dependency)
            .max(self.last_step.unwrap_or(0));
        if self.last_step == Some(step) {
            self.step_size += 1;
        } else {
            self.steps += 1;
            self.step_size = 1;
        }
        self.max_step = self.max_step.max(self.step_size);
        self.last_step = Some(step);
        self.file_seqs.push((seq, step));
        match &mut self.group {
            Some((group_lc, size)) if *group_lc == lc => *size += 1,
            _ => {
                self.end_group();
                self.group = Some((lc, 1));
            }
        }
    }

    fn report(&self) -> Option<LogicalClockReport> {
        if self.transactions == 0 {
            return None;
        }
        let mut histogram = self.histogram.clone();
        let (mut groups, mut max_group) = (self.groups, self.max_group);
        if let Some((_, size)) = self.group {
            histogram.add(size);
            groups += 1;
            max_group = max_group.max(size);
        }
        Some(LogicalClockReport {
            transactions: self.transactions,
            without_clock: self.without_clock,
            steps: self.steps,
            average_at_once: ratio(self.transactions, self.steps),
            max_at_once: self.max_step,
            commit_groups: groups,
            average_group: ratio(self.transactions, groups),
            max_group,
            group_sizes: histogram.report(),
        })
    }
}

/// MariaDB commit-id groups (see the module documentation).
#[derive(Debug, Default)]
struct CommitIdGroups {
    current: Option<(u64, u64)>,
    transactions: u64,
    with_commit_id: u64,
    groups: u64,
    max_group: u64,
    histogram: Histogram,
}

impl CommitIdGroups {
    fn flush(&mut self) {
        if let Some((_, size)) = self.current.take() {
            self.add(size);
        }
    }

    fn add(&mut self, size: u64) {
        self.groups += 1;
        self.max_group = self.max_group.max(size);
        self.histogram.add(size);
    }

    fn transaction(&mut self, commit_id: Option<u64>) {
        self.transactions += 1;
        match (commit_id, &mut self.current) {
            (Some(id), Some((current, size))) if *current == id => {
                *size += 1;
                self.with_commit_id += 1;
            }
            (Some(id), _) => {
                self.flush();
                self.current = Some((id, 1));
                self.with_commit_id += 1;
            }
            (None, _) => {
                self.flush();
                self.add(1);
            }
        }
    }

    fn report(&self) -> Option<CommitIdReport> {
        if self.transactions == 0 {
            return None;
        }
        Some(CommitIdReport {
            transactions: self.transactions,
            with_commit_id: self.with_commit_id,
            groups: self.groups,
            average_group: ratio(self.transactions, self.groups),
            max_group: self.max_group,
            group_sizes: self.histogram.report(),
        })
    }
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

// ---------------------------------------------------------------------------------
// The report

/// Everything the summary says; the JSON output is this object.
#[derive(Debug, Serialize)]
struct Report {
    /// True when the run stopped at an error (the counts are up to it).
    partial: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    files: Vec<FileReport>,
    events: u64,
    bytes: u64,
    time: TimeReport,
    event_types: Vec<EventTypeReport>,
    transactions: TransactionsReport,
    rows: RowTotals,
    tables: Vec<TableReport>,
    logical_clock: Option<LogicalClockReport>,
    commit_id_groups: Option<CommitIdReport>,
}

#[derive(Debug, Serialize)]
struct FileReport {
    name: String,
    events: u64,
    bytes: u64,
    first_pos: Option<u64>,
    end_pos: Option<u64>,
}

#[derive(Debug, Serialize)]
struct TimeReport {
    start: Option<String>,
    end: Option<String>,
    start_timestamp: Option<u32>,
    end_timestamp: Option<u32>,
    duration_seconds: Option<u64>,
}

#[derive(Debug, Serialize)]
struct EventTypeReport {
    #[serde(rename = "type")]
    name: &'static str,
    type_code: Option<u16>,
    events: u64,
    bytes: u64,
    share: f64,
    in_payload: u64,
    uncompressed_bytes: u64,
}

#[derive(Debug, Serialize)]
struct TransactionsReport {
    total: u64,
    committed: u64,
    single_statements: u64,
    rolled_back: u64,
    xa_prepared: u64,
    unfinished: u64,
    with_gtid: u64,
    largest_by_bytes: Vec<TransactionReport>,
    largest_by_rows: Vec<TransactionReport>,
}

#[derive(Debug, Serialize)]
struct TransactionReport {
    file: String,
    start: u64,
    end: u64,
    bytes: u64,
    rows: u64,
    gtid: Option<String>,
    timestamp: Option<u32>,
    time: Option<String>,
    outcome: &'static str,
}

#[derive(Debug, Serialize)]
struct RowTotals {
    inserted: u64,
    updated: u64,
    deleted: u64,
    row_events: u64,
    undecoded_row_events: u64,
}

#[derive(Debug, Serialize)]
struct TableReport {
    database: String,
    table: String,
    inserted: u64,
    updated: u64,
    deleted: u64,
    row_events: u64,
    undecoded_row_events: u64,
    bytes: u64,
}

#[derive(Debug, Serialize)]
struct LogicalClockReport {
    transactions: u64,
    without_clock: u64,
    steps: u64,
    average_at_once: f64,
    max_at_once: u64,
    commit_groups: u64,
    average_group: f64,
    max_group: u64,
    group_sizes: Vec<BucketReport>,
}

#[derive(Debug, Serialize)]
struct CommitIdReport {
    transactions: u64,
    with_commit_id: u64,
    groups: u64,
    average_group: f64,
    max_group: u64,
    group_sizes: Vec<BucketReport>,
}

#[derive(Debug, Serialize)]
struct BucketReport {
    min: u64,
    max: u64,
    groups: u64,
    transactions: u64,
}

// ---------------------------------------------------------------------------------
// Text

/// `ts` as `YYYY-MM-DDThh:mm:ssZ`.
fn iso8601(ts: u32) -> String {
    chrono::DateTime::from_timestamp(i64::from(ts), 0)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

/// `n` with thousands separators.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `seconds` as `1d 2h 3m 4s`, the zero parts left out (`0s` for none).
fn duration(seconds: u64) -> String {
    let parts = [
        (seconds / 86_400, "d"),
        (seconds / 3_600 % 24, "h"),
        (seconds / 60 % 60, "m"),
        (seconds % 60, "s"),
    ];
    let text: Vec<String> = parts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, unit)| format!("{n}{unit}"))
        .collect();
    if text.is_empty() {
        "0s".to_owned()
    } else {
        text.join(" ")
    }
}

fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

/// A table: a header row, then rows; columns `left` are left-aligned, the others
/// right-aligned; two spaces of indent and between columns.
fn table(out: &mut String, header: &[&str], rows: &[Vec<String>], left: &[usize]) {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(cell.chars().count());
            }
        }
    }
    let header: Vec<String> = header.iter().map(|h| (*h).to_owned()).collect();
    for row in std::iter::once(&header).chain(rows) {
        let mut line = String::from(" ");
        for (i, cell) in row.iter().enumerate() {
            let w = widths.get(i).copied().unwrap_or(0);
            line.push(' ');
            if i > 0 {
                line.push(' ');
            }
            if left.contains(&i) {
                let _ = write!(line, "{cell:<w$}");
            } else {
                let _ = write!(line, "{cell:>w$}");
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

fn title(out: &mut String, text: &str) {
    out.push('\n');
    out.push_str(text);
    out.push('\n');
    out.push_str(&"-".repeat(text.chars().count()));
    out.push('\n');
}

/// Label/value lines, the values aligned.
fn pairs(out: &mut String, pairs: &[(&str, String)]) {
    let w = pairs
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    for (k, v) in pairs {
        let _ = writeln!(out, "  {k:<w$}  {v}");
    }
}

/// The commit-group size histogram, after a blank line.
fn group_histogram(out: &mut String, sizes: &[BucketReport]) {
    out.push('\n');
    table(
        out,
        &["Group size", "Groups", "Transactions"],
        &histogram_rows(sizes),
        &[],
    );
}

fn histogram_rows(buckets: &[BucketReport]) -> Vec<Vec<String>> {
    buckets
        .iter()
        .map(|b| {
            vec![
                if b.min == b.max {
                    b.min.to_string()
                } else {
                    format!("{}-{}", b.min, b.max)
                },
                thousands(b.groups),
                thousands(b.transactions),
            ]
        })
        .collect()
}

fn transaction_rows(list: &[TransactionReport], multi_file: bool) -> Vec<Vec<String>> {
    list.iter()
        .enumerate()
        .map(|(i, t)| {
            let mut row = vec![(i + 1).to_string()];
            if multi_file {
                row.push(t.file.clone());
            }
            row.extend([
                thousands(t.start),
                thousands(t.end),
                thousands(t.bytes),
                thousands(t.rows),
                t.gtid.clone().unwrap_or_else(|| "-".to_owned()),
                t.time.clone().unwrap_or_else(|| "-".to_owned()),
            ]);
            row
        })
        .collect()
}

fn render_text(r: &Report) -> String {
    let mut out = String::new();
    out.push_str("Binlog summary\n==============\n");
    if let Some(error) = &r.error {
        let _ = writeln!(
            out,
            "PARTIAL: the run stopped at an error; the counts are up to it.\n  {error}"
        );
    }

    title(&mut out, "Files");
    let files: Vec<Vec<String>> = r
        .files
        .iter()
        .map(|f| {
            vec![
                f.name.clone(),
                thousands(f.events),
                thousands(f.bytes),
                f.first_pos.map_or_else(|| "-".to_owned(), thousands),
                f.end_pos.map_or_else(|| "-".to_owned(), thousands),
            ]
        })
        .collect();
    table(
        &mut out,
        &["File", "Events", "Bytes", "From", "To"],
        &files,
        &[0],
    );

    title(&mut out, "Time span");
    let t = &r.time;
    pairs(
        &mut out,
        &[
            ("Start", t.start.clone().unwrap_or_else(|| "-".to_owned())),
            ("End", t.end.clone().unwrap_or_else(|| "-".to_owned())),
            (
                "Duration",
                t.duration_seconds.map_or_else(
                    || "-".to_owned(),
                    |d| {
                        if d < 60 {
                            format!("{d} s")
                        } else {
                            format!("{} ({} s)", duration(d), thousands(d))
                        }
                    },
                ),
            ),
            ("Events", thousands(r.events)),
            ("Bytes", thousands(r.bytes)),
        ],
    );

    title(&mut out, "Events by type");
    let payload = r.event_types.iter().any(|t| t.in_payload > 0);
    let mut rows: Vec<Vec<String>> = r
        .event_types
        .iter()
        .map(|t| {
            let mut row = vec![
                t.name.to_owned(),
                thousands(t.events),
                thousands(t.bytes),
                percent(t.share),
            ];
            if payload {
                row.push(thousands(t.in_payload));
                row.push(thousands(t.uncompressed_bytes));
            }
            row
        })
        .collect();
    let mut total = vec![
        "Total".to_owned(),
        thousands(r.events),
        thousands(r.bytes),
        percent(if r.bytes > 0 { 1.0 } else { 0.0 }),
    ];
    if payload {
        let sum = |f: fn(&EventTypeReport) -> u64| r.event_types.iter().map(f).sum::<u64>();
        total.push(thousands(sum(|t| t.in_payload)));
        total.push(thousands(sum(|t| t.uncompressed_bytes)));
    }
    rows.push(total);
    let mut header = vec!["Type", "Events", "Bytes", "Share"];
    if payload {
        header.extend(["In payload", "Uncompressed"]);
    }
    table(&mut out, &header, &rows, &[0]);

    title(&mut out, "Transactions");
    let tx = &r.transactions;
    pairs(
        &mut out,
        &[
            ("Total", thousands(tx.total)),
            ("Committed", thousands(tx.committed)),
            ("Single statements", thousands(tx.single_statements)),
            ("Rolled back", thousands(tx.rolled_back)),
            ("XA prepared", thousands(tx.xa_prepared)),
            ("Unfinished", thousands(tx.unfinished)),
            ("With a GTID", thousands(tx.with_gtid)),
        ],
    );
    let multi_file = r.files.len() > 1;
    let mut header = vec!["#"];
    if multi_file {
        header.push("File");
    }
    header.extend(["Start", "End", "Bytes", "Rows", "GTID", "Time"]);
    let left: Vec<usize> = if multi_file {
        vec![1, 6, 7]
    } else {
        vec![5, 6]
    };
    if !tx.largest_by_bytes.is_empty() {
        title(&mut out, "Largest transactions by bytes");
        table(
            &mut out,
            &header,
            &transaction_rows(&tx.largest_by_bytes, multi_file),
            &left,
        );
        title(&mut out, "Largest transactions by rows");
        table(
            &mut out,
            &header,
            &transaction_rows(&tx.largest_by_rows, multi_file),
            &left,
        );
    }

    title(&mut out, "Rows per table");
    let mut rows: Vec<Vec<String>> = r
        .tables
        .iter()
        .map(|t| {
            vec![
                format!("`{}`.`{}`", t.database, t.table),
                thousands(t.inserted),
                thousands(t.updated),
                thousands(t.deleted),
                thousands(t.row_events),
                thousands(t.bytes),
            ]
        })
        .collect();
    let row_bytes: u64 = r.tables.iter().map(|t| t.bytes).sum();
    rows.push(vec![
        "Total".to_owned(),
        thousands(r.rows.inserted),
        thousands(r.rows.updated),
        thousands(r.rows.deleted),
        thousands(r.rows.row_events),
        thousands(row_bytes),
    ]);
    table(
        &mut out,
        &[
            "Table",
            "Inserted",
            "Updated",
            "Deleted",
            "Row events",
            "Bytes",
        ],
        &rows,
        &[0],
    );
    if r.rows.undecoded_row_events > 0 {
        let _ = writeln!(
            out,
            "  {} row events not decoded: they need the table definition.",
            thousands(r.rows.undecoded_row_events)
        );
    }

    if let Some(c) = &r.logical_clock {
        title(&mut out, "Parallel apply (MySQL logical clock)");
        pairs(
            &mut out,
            &[
                ("Transactions", thousands(c.transactions)),
                ("Without a clock", thousands(c.without_clock)),
                ("Applier steps", thousands(c.steps)),
                ("At once, average", format!("{:.2}", c.average_at_once)),
                ("At once, max", thousands(c.max_at_once)),
                ("Commit groups", thousands(c.commit_groups)),
                ("Group, average", format!("{:.2}", c.average_group)),
                ("Group, max", thousands(c.max_group)),
            ],
        );
        group_histogram(&mut out, &c.group_sizes);
    }
    if let Some(c) = &r.commit_id_groups {
        title(&mut out, "Parallel apply (MariaDB commit ids)");
        pairs(
            &mut out,
            &[
                ("Transactions", thousands(c.transactions)),
                ("With a commit id", thousands(c.with_commit_id)),
                ("Commit groups", thousands(c.groups)),
                ("Group, average", format!("{:.2}", c.average_group)),
                ("Group, max", thousands(c.max_group)),
            ],
        );
        group_histogram(&mut out, &c.group_sizes);
    }
    out
}
