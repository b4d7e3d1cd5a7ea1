//! Which events a dump shows: mysqlbinlog's positions, times, server id, `--database`
//! and GTID filters, with mysqlbinlog's semantics (`client/mysqlbinlog.cc`,
//! `process_event`, `shall_skip_database`, `shall_skip_gtids`), and our `--table`.
//!
//! The filter only decides; the printers act on the decision. mysqlbinlog treats two
//! kinds of skipped events differently, and so does [`Verdict`]: events before the start
//! (position, time) or from another server leave no trace, while events dropped by
//! `--database`, `--table` or the GTID filters still print their `# at N` line in the
//! text output (mysqlbinlog writes it before filtering).

use binlogkit::gtid::GtidSet;
use binlogkit::{BinlogEvent, Decoder, Event};

/// What the user asked to filter on.
#[derive(Clone, Debug, Default)]
pub struct FilterOptions {
    /// `--start-position`: events of the first file that start before it are not shown
    /// (the format description always is).
    pub start_position: Option<u64>,
    /// `--stop-position`: the dump ends at the first event of the last file that starts
    /// at or after it.
    pub stop_position: Option<u64>,
    /// `--start-datetime`, as seconds since the epoch: events before it are not shown,
    /// until the first one at or after it; from there on everything is.
    pub start_datetime: Option<i64>,
    /// `--stop-datetime`: the dump ends at the first event at or after it.
    pub stop_datetime: Option<i64>,
    /// `--server-id`: only the events of this server (Rotate events always).
    pub server_id: Option<u32>,
    /// `-d`/`--database`: statements by their default database, table maps and row
    /// events by their table's database; transaction keywords always kept.
    pub database: Option<String>,
    /// `--table=db.table` (repeatable, `*` and `?` wildcards): table maps and row events
    /// of other tables are dropped.
    pub tables: Vec<TablePattern>,
    /// `--include-gtids`: only the transactions of these GTIDs.
    pub include_gtids: Option<GtidSet>,
    /// `--exclude-gtids`: not the transactions of these GTIDs.
    pub exclude_gtids: Option<GtidSet>,
    /// `--skip-gtids`: GTID and Previous_gtids events are not shown.
    pub skip_gtids: bool,
    /// `--rewrite-db=from->to`: `--database` and `--table` see the rewritten names, as
    /// mysqlbinlog applies the rewrite first.
    pub rewrite_db: Vec<(String, String)>,
}

/// The decision for one event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Show it.
    Show,
    /// Not shown, but the text output still prints its `# at N` (a `--database`,
    /// `--table` or GTID filter dropped it).
    Dropped(DropReason),
    /// Not shown and leaves no trace (before the start position or time, another
    /// server's).
    Hidden,
    /// The dump ends before this event (stop position or time reached).
    Stop,
}

/// Why an event was dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DropReason {
    /// `--database`.
    Database,
    /// `--table`.
    Table,
    /// `--include-gtids`, `--exclude-gtids` or `--skip-gtids`.
    Gtid,
}

/// A `db.table` pattern with `*` (any run of characters) and `?` (one character) in
/// either part. A pattern without a dot names a table in any database.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TablePattern {
    database: String,
    table: String,
}

impl TablePattern {
    /// Parses `db.table`, `db.*`, `*.table` or `table`.
    pub fn parse(text: &str) -> Result<TablePattern, String> {
        let (database, table) = match text.split_once('.') {
            Some((db, table)) => (db, table),
            None => ("*", text),
        };
        if database.is_empty() || table.is_empty() {
            return Err(format!(
                "--table={text}: expected db.table (wildcards * and ?)"
            ));
        }
        Ok(TablePattern {
            database: database.to_owned(),
            table: table.to_owned(),
        })
    }

    /// Whether `database`.`table` matches.
    pub fn matches(&self, database: &str, table: &str) -> bool {
        glob(self.database.as_bytes(), database.as_bytes())
            && glob(self.table.as_bytes(), table.as_bytes())
    }
}

/// Shell-style matching of `*` and `?` (iterative, with one backtrack point: linear in
/// practice, never recursive).
fn glob(pattern: &[u8], text: &[u8]) -> bool {
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        match pattern.get(p) {
            Some(b'*') => {
                star = Some((p, t));
                p += 1;
            }
            Some(&c) if c == b'?' || Some(&c) == text.get(t) => {
                p += 1;
                t += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    p = sp + 1;
                    t = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    pattern
        .get(p..)
        .is_some_and(|rest| rest.iter().all(|&c| c == b'*'))
}

/// The filter's state over a whole run (several files).
#[derive(Debug)]
pub struct Filter {
    options: FilterOptions,
    /// The start filters apply until the first event passes them.
    started: bool,
    /// `--start-position` was checked against the first event that reaches it.
    start_checked: bool,
    /// The table ids whose TABLE_MAP was dropped: their row events are dropped too.
    dropped_tables: Vec<u64>,
    /// mysqlbinlog's `filter_based_on_gtids`: the current transaction's GTID was
    /// filtered out.
    in_filtered_gtid: bool,
}

/// Where an event is in the run, for the position filters.
#[derive(Clone, Copy, Debug)]
pub struct Place {
    /// The first file of the run (`--start-position` applies to it only).
    pub first_file: bool,
    /// The last file of the run (`--stop-position` applies to it only).
    pub last_file: bool,
    /// An event inside a TRANSACTION_PAYLOAD (positions do not apply to it).
    pub in_payload: bool,
}

impl Filter {
    /// A filter for a run.
    pub fn new(options: FilterOptions) -> Filter {
        Filter {
            started: options.start_position.is_none() && options.start_datetime.is_none(),
            options,
            start_checked: false,
            dropped_tables: Vec::new(),
            in_filtered_gtid: false,
        }
    }

    /// `--start-position` must be where an event starts: mysqlbinlog reads from there,
    /// and a position inside an event fails there. The message when `event` is the one
    /// the position falls inside.
    pub fn misplaced_start(&mut self, event: &BinlogEvent<'_>, place: Place) -> Option<String> {
        let start = self.options.start_position?;
        // Positions inside the magic number mean the first event.
        if self.start_checked || !place.first_file || place.in_payload || start <= 4 {
            return None;
        }
        if event.end_offset() <= start {
            return None;
        }
        self.start_checked = true;
        (event.offset != start).then(|| {
            format!(
                "--start-position={start} is inside the event at {} (bytes {}..{}); \
                 the positions of the `# at` lines are where events start",
                event.offset,
                event.offset,
                event.end_offset()
            )
        })
    }

    /// Decides for `event`, read through `decoder` (for the table maps of row events).
    pub fn decide(&mut self, event: &BinlogEvent<'_>, decoder: &Decoder, place: Place) -> Verdict {
        let is_format = matches!(event.event, Event::FormatDescription(_) | Event::StartV3(_));
        let when = i64::from(event.header.timestamp);
        // Stop first: it applies to the format description too.
        if !place.in_payload
            && place.last_file
            && self
                .options
                .stop_position
                .is_some_and(|stop| event.offset >= stop)
        {
            return Verdict::Stop;
        }
        if self.options.stop_datetime.is_some_and(|stop| when >= stop) {
            return Verdict::Stop;
        }
        if !self.started && !is_format {
            let before_position = place.first_file
                && !place.in_payload
                && self
                    .options
                    .start_position
                    .is_some_and(|start| event.offset < start);
            let before_time = self
                .options
                .start_datetime
                .is_some_and(|start| when < start);
            if before_position || before_time {
                return Verdict::Hidden;
            }
            self.started = true;
        }
        if let Some(id) = self.options.server_id {
            if event.header.server_id != id && !matches!(event.event, Event::Rotate(_)) {
                return Verdict::Hidden;
            }
        }
        if let Some(verdict) = self.gtid_verdict(event) {
            return verdict;
        }
        self.table_verdict(event, decoder)
    }

    /// `shall_skip_gtids`: `None` when the GTID filters have nothing to say.
    fn gtid_verdict(&mut self, event: &BinlogEvent<'_>) -> Option<Verdict> {
        let o = &self.options;
        if o.include_gtids.is_none() && o.exclude_gtids.is_none() && !o.skip_gtids {
            return None;
        }
        let dropped = Some(Verdict::Dropped(DropReason::Gtid));
        match &event.event {
            Event::Gtid(g) | Event::AnonymousGtid(g) => {
                // An anonymous transaction has no GTID: it is in no set.
                let gtid = g.gtid();
                let included = match (&o.include_gtids, &gtid) {
                    (None, _) => true,
                    (Some(set), Some(gtid)) => set.contains(gtid),
                    (Some(_), None) => false,
                };
                let excluded = match (&o.exclude_gtids, &gtid) {
                    (Some(set), Some(gtid)) => set.contains(gtid),
                    _ => false,
                };
                self.in_filtered_gtid = !included || excluded;
                if self.in_filtered_gtid || o.skip_gtids {
                    dropped
                } else {
                    None
                }
            }
            Event::PreviousGtids(_) => {
                if o.skip_gtids {
                    dropped
                } else {
                    None
                }
            }
            Event::Xid(_) => {
                let was = std::mem::take(&mut self.in_filtered_gtid);
                if was { dropped } else { None }
            }
            Event::Query(q) if self.in_filtered_gtid => {
                if ends_group(&q.query) {
                    self.in_filtered_gtid = false;
                }
                dropped
            }
            Event::Stop(_)
            | Event::FormatDescription(_)
            | Event::StartV3(_)
            | Event::Rotate(_)
            | Event::Ignorable(_)
            | Event::Incident(_) => None,
            _ if self.in_filtered_gtid => dropped,
            _ => None,
        }
    }

    /// `--database` and `--table`.
    fn table_verdict(&mut self, event: &BinlogEvent<'_>, decoder: &Decoder) -> Verdict {
        match &event.event {
            Event::Query(q) | Event::ExecuteLoadQuery(q) => match &self.options.database {
                Some(db)
                    if !is_transaction_keyword(&q.query)
                        && rewritten(&self.options.rewrite_db, q.database) != db.as_bytes() =>
                {
                    Verdict::Dropped(DropReason::Database)
                }
                _ => Verdict::Show,
            },
            Event::TableMap(map) => {
                // A newer map for the same id replaces the older one.
                self.dropped_tables.retain(|&id| id != map.table_id);
                let database =
                    String::from_utf8_lossy(rewritten(&self.options.rewrite_db, map.database));
                let table = String::from_utf8_lossy(map.table);
                let reason = if self
                    .options
                    .database
                    .as_deref()
                    .is_some_and(|db| db != database)
                {
                    Some(DropReason::Database)
                } else if !self.options.tables.is_empty()
                    && !self
                        .options
                        .tables
                        .iter()
                        .any(|p| p.matches(&database, &table))
                {
                    Some(DropReason::Table)
                } else {
                    None
                };
                match reason {
                    Some(reason) => {
                        self.dropped_tables.push(map.table_id);
                        Verdict::Dropped(reason)
                    }
                    None => Verdict::Show,
                }
            }
            Event::Rows(rows) => {
                if self.dropped_tables.contains(&rows.table_id) {
                    // Which filter dropped the map does not matter to the printers.
                    let reason = if self.options.database.is_some() {
                        DropReason::Database
                    } else {
                        DropReason::Table
                    };
                    return Verdict::Dropped(reason);
                }
                // Row events without a map (a dump that starts mid-statement) are judged
                // by the map the decoder has, when it has one.
                match decoder.tables().get(rows.table_id) {
                    Some(schema) if !self.options.tables.is_empty() => {
                        let database =
                            rewritten(&self.options.rewrite_db, schema.database.as_bytes());
                        let database = String::from_utf8_lossy(database);
                        if self
                            .options
                            .tables
                            .iter()
                            .any(|p| p.matches(&database, &schema.table))
                        {
                            Verdict::Show
                        } else {
                            Verdict::Dropped(DropReason::Table)
                        }
                    }
                    _ => Verdict::Show,
                }
            }
            _ => Verdict::Show,
        }
    }
}

/// `database` after the `--rewrite-db` rules (the first that matches).
fn rewritten<'a>(rules: &'a [(String, String)], database: &'a [u8]) -> &'a [u8] {
    rules
        .iter()
        .find(|(from, _)| from.as_bytes() == database)
        .map_or(database, |(_, to)| to.as_bytes())
}

/// Whether `text` starts with the words `words` (ASCII case-insensitive, white space
/// before and between them), the last followed by the end or a byte that cannot
/// continue a word.
pub fn starts_with_words(text: &[u8], words: &[&str]) -> bool {
    let mut rest = text;
    for word in words {
        rest = rest.trim_ascii_start();
        let Some(head) = rest.get(..word.len()) else {
            return false;
        };
        if !head.eq_ignore_ascii_case(word.as_bytes()) {
            return false;
        }
        rest = rest.get(word.len()..).unwrap_or_default();
        if rest
            .first()
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
        {
            return false;
        }
    }
    true
}

/// mysqlbinlog's `is_trans_keyword`: statements that belong to every database.
pub fn is_transaction_keyword(query: &[u8]) -> bool {
    [
        &["BEGIN"][..],
        &["COMMIT"],
        &["ROLLBACK"],
        &["SAVEPOINT"],
        &["XA", "START"],
        &["XA", "END"],
        &["XA", "PREPARE"],
        &["XA", "COMMIT"],
        &["XA", "ROLLBACK"],
    ]
    .iter()
    .any(|words| starts_with_words(query, words))
}

/// Whether a statement ends a transaction (COMMIT, ROLLBACK but not ROLLBACK TO, XA
/// COMMIT/ROLLBACK).
pub fn ends_group(query: &[u8]) -> bool {
    let w = |words: &[&str]| starts_with_words(query, words);
    (w(&["COMMIT"]) || w(&["ROLLBACK"])) && !w(&["ROLLBACK", "TO"])
        || w(&["XA", "COMMIT"])
        || w(&["XA", "ROLLBACK"])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob(b"*", b""));
        assert!(glob(b"sh*p", b"shop"));
        assert!(glob(b"s?op", b"shop"));
        assert!(!glob(b"s?op", b"sop"));
        assert!(glob(b"*_log*", b"audit_log_2024"));
        assert!(!glob(b"order", b"orders"));
        let p = TablePattern::parse("shop.order*").unwrap_or_else(|e| panic!("{e}"));
        assert!(p.matches("shop", "orders") && !p.matches("shop2", "orders"));
        let any_db = TablePattern::parse("orders").unwrap_or_else(|e| panic!("{e}"));
        assert!(any_db.matches("a", "orders") && any_db.matches("b", "orders"));
    }

    #[test]
    fn keywords() {
        assert!(is_transaction_keyword(b"BEGIN"));
        assert!(is_transaction_keyword(b"  savepoint `a`"));
        assert!(is_transaction_keyword(b"ROLLBACK TO s"));
        assert!(!is_transaction_keyword(b"BEGINNING"));
        assert!(!is_transaction_keyword(b"insert into t values (1)"));
        assert!(ends_group(b"COMMIT"));
        assert!(ends_group(b"rollback"));
        assert!(!ends_group(b"ROLLBACK TO sp1"));
        assert!(ends_group(b"XA COMMIT X'01'"));
    }
}
