//! Compares what the library decodes with what the real tools printed about the same
//! files: `mysqlbinlog` (5.6, 5.7, 8.2), `mariadb-binlog` (10.11) and `SHOW BINLOG EVENTS`.
//! The oracle text is parsed line by line (`tests/oracle_parse`); every value it shows is
//! compared with the decoded event, and a mismatch names the oracle file, its line, the
//! field, our value and the oracle's value.
//!
//! # Pairs (oracles under `../shared/fixtures/mysql/oracles/`, binlogs under `../shared/fixtures/mysql/`)
//!
//! | oracle | binlog | tool |
//! |---|---|---|
//! | `mysql-cdc-rs/5.7/<case>/dump.txt` (16 cases) | `mysql-cdc-rs/tests/events/5.7/<case>/log.bin` | mysqlbinlog 5.7.30 `--hexdump -vv` |
//! | `mysql-cdc-rs/8.0/<case>/dump.utf8.txt` (3 cases) | `mysql-cdc-rs/tests/events/8.0/<case>/binlog.0000NN` | mysqlbinlog 8.2 `-H -vvvvvv` |
//! | `mysql-cdc-rs/8.0/<case>/show.utf8.txt` (4 cases, with `02_query_bigger`) | same (`02_query_bigger`: `binlog.000733`) | `SHOW BINLOG EVENTS`, `mysql` client table |
//! | `zalora-binlog-parser/plaintext-mysql-bin.{01,02,03,05,06,empty}` | `zalora-binlog-parser/data/fixtures/mysql-bin.*` | mysqlbinlog 5.6 `--base64-output=decode-rows -vv` |
//! | `kingbus/{11,12,13,284,286}.txt` | `kingbus/tools/test_data/{binlog,relaylog}/...` | mysqlbinlog 5.7 `-vv` (two relay logs) |
//! | `mysql-server-5.6/binlog_hexdump.result` | `mysql-server-std_data/.../suite/binlog/std_data/bug11747887-bin.000003` | mysqlbinlog 5.6 `--hexdump` |
//! | `mysql-server-5.6/mysqlbinlog.result`: the two sections after `--- reading stdin --` | `.../std_data/trunc_binlog.000001` (whole; from position 79) | mysqlbinlog 5.6 `--short-form` |
//! | same file, the four `# Test if the ...` sections | `.../std_data/binlog_transaction.000001`, `binlog_savepoint.000001` | `--short-form --database=...` |
//! | same file, the section after `# Bug#12688860` | `.../std_data/master-bin.000001` (4.0.0, binlog v2/v3) | mysqlbinlog 5.6 |
//! | `mysql-server-5.6/binlog_base64_flag.result`, `--base64-output=never` section | `.../suite/binlog/std_data/bug32407.001` (368 bytes) | mysqlbinlog 5.6, header lines masked `<#>`, stops at the first row event |
//! | `mysql-server-5.6/binlog_row_mysqlbinlog_verbose.result` (4 sections) | `.../suite/binlog/std_data/{write,update}-{partial,full}-row.binlog` | mysqlbinlog 5.6 `--verbose`, only `###` lines kept |
//! | `fixtures/demo.mariadb-binlog.txt` (project, always present) | `fixtures/demo.bin` | mariadb-binlog 10.11 `-vv --base64-output=decode-rows` |
//! | `fixtures/demo.show-binlog-events.txt` (project, always present) | `fixtures/demo.bin` | `SHOW BINLOG EVENTS`, `mariadb --batch` |
//!
//! # What is compared
//!
//! * mysqlbinlog output: every `# at N` equals the event's offset, in order, and the number
//!   of `# at` lines and of event headers equals the number of events (mysqlbinlog defers
//!   USER_VAR/INTVAR/RAND and ANNOTATE_ROWS, so the headers are matched to events by order,
//!   not to the `# at` before them). Per header: the event type (mysqlbinlog's name mapped
//!   from our `Event` variant), server id, end_log_pos, CRC32 (our `checksum`; no CRC32
//!   printed means `None`, except for a checksum-aware FORMAT_DESCRIPTION whose CRC is
//!   always written). With `--hexdump`: the position column, every byte of the event, and
//!   the raw header fields including the exact timestamp. `BINLOG '...'` base64 blocks:
//!   the decoded bytes equal the raw bytes of the events they hold. Per event type:
//!   Start (binlog and server version, `at startup` iff `created`, the in-use and relay-log
//!   notes from the header flags), Query and Execute_load_query (thread_id, exec_time,
//!   error_code, MySQL `Xid =` / MariaDB `xid=`, `use` (printed when the database differs
//!   from the last one printed, as mysqlbinlog tracks it), `SET TIMESTAMP` (exactly the
//!   header timestamp, microseconds from the status variables), the session settings it
//!   prints (pseudo_thread_id, flags2 options, sql_mode, auto_increment, charsets, time
//!   zone, lc_time_names, collation_database, 8.0 collations), the statement text;
//!   Execute_load_query's text around the rewritten file name and its file_id), Xid,
//!   Rotate, Intvar, Rand, User_var (string bytes, charset and collation names, integers,
//!   decimals, reals as `%.14g`), Begin_load_query, Table_map (table id, database, table),
//!   rows events (table id, STMT_END_F), Rows_query / Annotate_rows (text, split in lines
//!   as the tools do), MySQL GTID and Anonymous_GTID (GTID_NEXT text, last_committed,
//!   sequence_number, rbr_only, original/immediate commit timestamps, transaction_length,
//!   server versions), Previous-GTIDs (the commented set), MariaDB GTID (d-s-n, the
//!   flag words, the session lines, START TRANSACTION), Gtid list, Binlog checkpoint.
//! * `SHOW BINLOG EVENTS`: Log_name, Pos, Event_type, Server_id, End_log_pos, and the Info
//!   column rebuilt from the decoded fields. `19_30_...` has one more trailing row than
//!   the file has events (the file grew after the dump): that row is allowed and must
//!   start where our last event ends.
//! * `--short-form` output: the sequence of `ROLLBACK` (a start event with `created`),
//!   `COMMIT` (XID) and statements with their `use` and `SET TIMESTAMP`, after applying
//!   mysqlbinlog 5.6's `--database` rule (a Query is kept when its database matches or it
//!   is BEGIN/COMMIT/SAVEPOINT/ROLLBACK).
//! * `-v`/`-vv` row images (`###` lines) in mysqlbinlog output: per rows event, the
//!   statement (`INSERT INTO`/`UPDATE`/`DELETE FROM`) and `` `db`.`table` `` against the
//!   event's kind and its TABLE_MAP; per column, the `/* TYPE meta=M nullable=X */`
//!   comment against the TABLE_MAP's column type, metadata and null bitmap (through
//!   `TableSchema::from_table_map`), once per event and column.
//! * `binlog_row_mysqlbinlog_verbose.result` (only the `###` lines were kept): the
//!   sequence of (statement, table) and which columns (`@N`) each image lists, against the
//!   row events' table maps and column bitmaps; consecutive statements on the same table
//!   are grouped, as row counts are not decoded.
//! * Not compared: row values, `is_null` and MariaDB's `# Number of rows` (the library does
//!   not decode row images), MariaDB-only flags2 session options, MySQL 8's
//!   `# has_generated_invisible_primary_key=` line.
//!
//! # Normalisation
//!
//! * Header times are printed in the local zone of an unknown machine: they are not
//!   compared directly; instead (printed time − our UTC timestamp) must be the same whole
//!   number of minutes for every header, `created` time and commit-timestamp comment of a
//!   file.
//! * mysqlbinlog prints binlog v3 end_log_pos as `log_pos + event size` for types below 15
//!   when `log_pos` is not 0 (MySQL `Log_event` constructor); our `header.log_pos` is the
//!   field as stored, so the expectation applies that rule.
//! * Text is compared after lossy UTF-8 conversion of both sides. In the `mysql` client
//!   table the Info column loses trailing blanks and gains terminal wraps: every Info line
//!   has its trailing blanks removed, on both sides, and trailing empty lines are dropped.
//! * The 5.6 hexdump oracle masks the Xid value (`Xid = <number>`): not compared.

mod common;
mod oracle_parse;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Debug;
use std::path::Path;

use binlogkit::events::{RowsKind, UserVarValue};
use binlogkit::{BinlogEvent, BinlogReader, Event, EventFlags};
use oracle_parse::{self as op, Line};

// ---------------------------------------------------------------------------------------
// Bookkeeping
// ---------------------------------------------------------------------------------------

/// Totals of one test, and every mismatch.
#[derive(Default)]
struct Report {
    binlogs: BTreeSet<String>,
    oracles: BTreeSet<String>,
    comparisons: u64,
    by_field: BTreeMap<String, u64>,
    failures: Vec<String>,
    not_compared: BTreeMap<String, u64>,
}

impl Report {
    fn finish(self, title: &str) {
        eprintln!(
            "{title}: {} binlog files compared with {} oracle files; {} field comparisons; {} mismatches",
            self.binlogs.len(),
            self.oracles.len(),
            self.comparisons,
            self.failures.len()
        );
        for (field, n) in &self.by_field {
            eprintln!("  {n:6} x {field}");
        }
        for (what, n) in &self.not_compared {
            eprintln!("  not compared ({n}x): {what}");
        }
        if !self.failures.is_empty() {
            let shown: Vec<&str> = self.failures.iter().take(80).map(String::as_str).collect();
            panic!(
                "{title}: {} mismatches between the library and the oracles:\n{}{}",
                self.failures.len(),
                shown.join("\n"),
                if self.failures.len() > shown.len() {
                    "\n..."
                } else {
                    ""
                }
            );
        }
    }
}

/// The comparisons of one oracle file.
struct Cx<'r> {
    rep: &'r mut Report,
    oracle: String,
}

impl Cx<'_> {
    /// Compares one field: ours against the oracle's.
    fn eq<T: PartialEq + Debug>(&mut self, line: usize, field: &str, ours: T, oracle: T) -> bool {
        self.rep.comparisons += 1;
        *self.rep.by_field.entry(field.to_string()).or_default() += 1;
        if ours == oracle {
            return true;
        }
        self.rep.failures.push(format!(
            "{}:{line}: {field}: ours {ours:?}, oracle {oracle:?}",
            self.oracle
        ));
        false
    }

    /// Counts one comparison; on failure `detail` says what differed.
    fn check(&mut self, line: usize, field: &str, ok: bool, detail: impl FnOnce() -> String) {
        self.rep.comparisons += 1;
        *self.rep.by_field.entry(field.to_string()).or_default() += 1;
        if !ok {
            self.rep
                .failures
                .push(format!("{}:{line}: {field}: {}", self.oracle, detail()));
        }
    }

    fn fail(&mut self, line: usize, field: &str, msg: impl std::fmt::Display) {
        self.rep.comparisons += 1;
        self.rep
            .failures
            .push(format!("{}:{line}: {field}: {msg}", self.oracle));
    }

    fn not_compared(&mut self, what: &str) {
        *self.rep.not_compared.entry(what.to_string()).or_default() += 1;
    }
}

fn lossy(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Reads every event; returns them and the error that stopped the reader, if any.
fn read_events(bytes: &[u8]) -> (Vec<BinlogEvent<'_>>, Option<String>) {
    let mut out = Vec::new();
    let reader = match BinlogReader::new(bytes) {
        Ok(r) => r,
        Err(e) => return (out, Some(e.to_string())),
    };
    for ev in reader {
        match ev {
            Ok(e) => out.push(e),
            Err(e) => return (out, Some(e.to_string())),
        }
    }
    (out, None)
}

fn is_mariadb(events: &[BinlogEvent<'_>]) -> bool {
    events.iter().any(|e| match &e.event {
        Event::FormatDescription(f) => lossy(f.server_version).contains("MariaDB"),
        _ => false,
    })
}

// ---------------------------------------------------------------------------------------
// Names and texts the tools print, built from our decoded events
// ---------------------------------------------------------------------------------------

/// The name mysqlbinlog / mariadb-binlog prints after the header for our event.
fn mysqlbinlog_name(ev: &BinlogEvent<'_>) -> String {
    match &ev.event {
        Event::FormatDescription(_) | Event::StartV3(_) => "Start",
        Event::Query(_) => "Query",
        Event::ExecuteLoadQuery(_) => "Execute_load_query",
        Event::BeginLoadQuery(_) => "Begin_load_query",
        Event::Stop(_) => "Stop",
        Event::Rotate(_) => "Rotate",
        Event::Intvar(_) => "Intvar",
        Event::Rand(_) => "Rand",
        Event::UserVar(_) => "User_var",
        Event::Xid(_) => "Xid",
        Event::TableMap(_) => "Table_map",
        Event::Rows(r) => match r.kind {
            RowsKind::Write => "Write_rows",
            RowsKind::Update => "Update_rows",
            RowsKind::Delete => "Delete_rows",
            RowsKind::PartialUpdate => "Update_rows_partial",
        },
        Event::RowsQuery(_) => "Rows_query",
        Event::Gtid(_) | Event::MariadbGtid(_) => "GTID",
        Event::AnonymousGtid(_) => "Anonymous_GTID",
        Event::PreviousGtids(_) => "Previous-GTIDs",
        Event::AnnotateRows(_) => "Annotate_rows",
        Event::BinlogCheckpoint(_) => "Binlog checkpoint",
        Event::MariadbGtidList(_) => "Gtid list",
        other => other.kind(),
    }
    .to_string()
}

/// The names mysqlbinlog prints, longest first (for prefix matching).
const DESC_NAMES: &[&str] = &[
    "Execute_load_query",
    "Binlog checkpoint",
    "Previous-GTIDs",
    "Anonymous_GTID",
    "Annotate_rows",
    "Update_rows",
    "Delete_rows",
    "Write_rows",
    "Rows_query",
    "Table_map",
    "Gtid list",
    "User_var",
    "Intvar",
    "Rotate",
    "Query",
    "Start",
    "Stop",
    "Rand",
    "GTID",
    "Xid",
];

/// The event name in an oracle description line.
fn oracle_desc_name(desc: &str, body: &[Line]) -> String {
    if desc.trim().is_empty() {
        if body
            .first()
            .is_some_and(|l| l.text.starts_with("#Begin_load_query:"))
        {
            return "Begin_load_query".into();
        }
        return String::new();
    }
    for n in DESC_NAMES {
        if let Some(rest) = desc.strip_prefix(n) {
            if rest
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric() && c != '_')
            {
                return n.to_string();
            }
        }
    }
    desc.split(['\t', ' ', ':'])
        .next()
        .unwrap_or("")
        .to_string()
}

/// The `Event_type` column of SHOW BINLOG EVENTS for our event.
fn show_type(ev: &BinlogEvent<'_>) -> String {
    let rows = |base: &str, version: u8| match version {
        2 => base.to_string(),
        v => format!("{base}_v{v}"),
    };
    match &ev.event {
        Event::FormatDescription(_) => "Format_desc".into(),
        Event::StartV3(_) => "Start_v3".into(),
        Event::Query(_) => "Query".into(),
        Event::ExecuteLoadQuery(_) => "Execute_load_query".into(),
        Event::BeginLoadQuery(_) => "Begin_load_query".into(),
        Event::Stop(_) => "Stop".into(),
        Event::Rotate(_) => "Rotate".into(),
        Event::Intvar(_) => "Intvar".into(),
        Event::Rand(_) => "RAND".into(),
        Event::UserVar(_) => "User var".into(),
        Event::Xid(_) => "Xid".into(),
        Event::TableMap(_) => "Table_map".into(),
        Event::Rows(r) => match r.kind {
            RowsKind::Write => rows("Write_rows", r.version),
            RowsKind::Update => rows("Update_rows", r.version),
            RowsKind::Delete => rows("Delete_rows", r.version),
            RowsKind::PartialUpdate => "Update_rows_partial".into(),
        },
        Event::RowsQuery(_) => "Rows_query".into(),
        Event::Gtid(_) | Event::MariadbGtid(_) => "Gtid".into(),
        Event::AnonymousGtid(_) => "Anonymous_Gtid".into(),
        Event::PreviousGtids(_) => "Previous_gtids".into(),
        Event::AnnotateRows(_) => "Annotate_rows".into(),
        Event::BinlogCheckpoint(_) => "Binlog_checkpoint".into(),
        Event::MariadbGtidList(_) => "Gtid_list".into(),
        Event::TransactionPayload(_) => "Transaction_payload".into(),
        other => other.kind().into(),
    }
}

/// (character set, collation) names of the collation ids the oracles use.
fn collation(id: u32) -> Option<(&'static str, &'static str)> {
    Some(match id {
        8 => ("latin1", "latin1_swedish_ci"),
        33 => ("utf8", "utf8_general_ci"),
        45 => ("utf8mb4", "utf8mb4_general_ci"),
        46 => ("utf8mb4", "utf8mb4_bin"),
        63 => ("binary", "binary"),
        83 => ("utf8", "utf8_bin"),
        224 => ("utf8mb4", "utf8mb4_unicode_ci"),
        255 => ("utf8mb4", "utf8mb4_0900_ai_ci"),
        _ => return None,
    })
}

fn hex_upper(b: &[u8]) -> String {
    b.iter().map(|b| format!("{b:02X}")).collect()
}

/// C's `%.{prec}g`.
fn fmt_g(v: f64, prec: usize) -> String {
    if v == 0.0 {
        return if v.is_sign_negative() { "-0" } else { "0" }.into();
    }
    if !v.is_finite() {
        return format!("{v}");
    }
    let strip = |s: String| -> String {
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    };
    let e = format!("{:.*e}", prec - 1, v);
    let (mant, exp) = e.split_once('e').unwrap_or((&e, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if exp < -4 || exp >= prec as i32 {
        format!(
            "{}e{}{:02}",
            strip(mant.to_string()),
            if exp < 0 { '-' } else { '+' },
            exp.abs()
        )
    } else {
        strip(format!("{:.*}", (prec as i32 - 1 - exp) as usize, v))
    }
}

/// The value part of a user variable as mysqlbinlog prints it after `:=` (`None` when a
/// string's collation is not in [`collation`]). `mariadb` selects `X'..'` over `0x..`.
fn user_var_printed(value: &Option<UserVarValue<'_>>, mariadb: bool) -> Option<String> {
    Some(match value {
        None => "NULL".into(),
        Some(UserVarValue::Int(v)) => v.to_string(),
        Some(UserVarValue::UInt(v)) => v.to_string(),
        Some(UserVarValue::Real(v)) => fmt_g(*v, 14),
        Some(UserVarValue::Decimal(d)) => d.to_string(),
        Some(UserVarValue::String {
            collation: c,
            bytes,
        }) => {
            let (cs, coll) = collation(*c)?;
            if mariadb {
                format!("_{cs} X'{}' COLLATE `{coll}`", hex_upper(bytes))
            } else {
                format!("_{cs} 0x{} COLLATE `{coll}`", hex_upper(bytes))
            }
        }
        Some(_) => return None,
    })
}

/// The Info column of SHOW BINLOG EVENTS, rebuilt from our event. `Err` says why it
/// cannot be.
fn show_info(ev: &BinlogEvent<'_>, mariadb: bool) -> Result<String, String> {
    Ok(match &ev.event {
        Event::FormatDescription(f) => format!(
            "Server ver: {}, Binlog ver: {}",
            lossy(f.server_version),
            f.binlog_version
        ),
        Event::Query(q) => {
            let mut s = String::new();
            if !ev.header.flags.contains(EventFlags::SUPPRESS_USE) && !q.database.is_empty() {
                s.push_str(&format!("use `{}`; ", lossy(q.database)));
            }
            s.push_str(&lossy(&q.query));
            if !mariadb {
                if let Some(x) = q.status.ddl_xid() {
                    s.push_str(&format!(" /* xid={x} */"));
                }
            }
            s
        }
        Event::Xid(x) => format!("COMMIT /* xid={} */", x.xid),
        Event::TableMap(t) => format!(
            "table_id: {} ({}.{})",
            t.table_id,
            lossy(t.database),
            lossy(t.table)
        ),
        Event::Rows(r) => {
            if r.flags & binlogkit::events::rows::STMT_END_F != 0 {
                format!("table_id: {} flags: STMT_END_F", r.table_id)
            } else {
                format!("table_id: {}", r.table_id)
            }
        }
        Event::Gtid(g) => format!(
            "SET @@SESSION.GTID_NEXT= '{}'",
            g.gtid().map(|g| g.to_string()).unwrap_or_default()
        ),
        Event::AnonymousGtid(_) => "SET @@SESSION.GTID_NEXT= 'ANONYMOUS'".into(),
        Event::PreviousGtids(p) => p.gtid_set().to_string(),
        Event::Rotate(r) => format!("{};pos={}", lossy(r.next_file), r.position),
        Event::Stop(_) => String::new(),
        Event::Intvar(i) => format!("{}={}", i.name().ok_or("unknown INTVAR kind")?, i.value),
        Event::Rand(r) => format!("rand_seed1={},rand_seed2={}", r.seed1, r.seed2),
        Event::UserVar(u) => {
            let name = lossy(u.name);
            match &u.value {
                Some(UserVarValue::String {
                    collation: c,
                    bytes,
                }) => {
                    let (cs, coll) = collation(*c).ok_or("a collation id not in the table")?;
                    format!("@`{name}`=_{cs} X'{}' COLLATE {coll}", hex_upper(bytes))
                }
                v => format!(
                    "@`{name}`={}",
                    user_var_printed(v, mariadb).ok_or("an unprintable user variable")?
                ),
            }
        }
        Event::MariadbGtid(g) => {
            let mut s = if g.flags & binlogkit::events::mariadb_gtid::FL_STANDALONE != 0 {
                format!("GTID {}", g.gtid)
            } else {
                format!("BEGIN GTID {}", g.gtid)
            };
            if let Some(c) = g.commit_id {
                s.push_str(&format!(" cid={c}"));
            }
            s
        }
        Event::MariadbGtidList(l) => {
            let list: Vec<String> = l.gtids().map(|g| g.to_string()).collect();
            format!("[{}]", list.join(","))
        }
        Event::BinlogCheckpoint(c) => lossy(c.file),
        Event::AnnotateRows(a) => lossy(a.query),
        _ => return Err(format!("no SHOW Info rule for {}", ev.event.kind())),
    })
}

/// mysqlbinlog's `end_log_pos`: the header's `log_pos`, except that for binlog v1-v3 files
/// it prints `log_pos + event size` for types below FORMAT_DESCRIPTION when `log_pos` is
/// not 0 (the v3 field holds the event's own position).
fn printed_end_log_pos(ev: &BinlogEvent<'_>, binlog_version: u16) -> u64 {
    let pos = u64::from(ev.header.log_pos);
    if binlog_version < 4 && ev.header.event_type.0 < 15 && pos != 0 {
        pos + u64::from(ev.header.event_size)
    } else {
        pos
    }
}

/// The lines the tools print for a Rows_query / Annotate_rows text: split at `\n` (and
/// `\r` for MariaDB), empty pieces dropped.
fn query_comment_lines(q: &[u8], prefix: &str, split_cr: bool) -> Vec<String> {
    lossy(q)
        .split(|c| c == '\n' || (split_cr && c == '\r'))
        .filter(|s| !s.is_empty())
        .map(|s| format!("{prefix}{s}"))
        .collect()
}

// ---------------------------------------------------------------------------------------
// mysqlbinlog output
// ---------------------------------------------------------------------------------------

/// What mysqlbinlog remembers between events, and the time-zone samples of a file.
#[derive(Default)]
struct PrintState {
    binlog_version: u16,
    /// mysqlbinlog's `print_event_info->db`.
    last_db: Vec<u8>,
    /// (line, printed local time − our UTC time, in seconds)
    tz: Vec<(usize, i64)>,
    mariadb: bool,
    /// The table maps seen so far, by table id.
    schemas: BTreeMap<u64, binlogkit::TableSchema>,
}

impl PrintState {
    /// The `use` line mysqlbinlog prints before a Query with this database, if any.
    fn use_line(&mut self, ev: &BinlogEvent<'_>, db: &[u8]) -> Option<String> {
        if ev.header.flags.contains(EventFlags::SUPPRESS_USE) {
            return None;
        }
        let different = self.last_db != db;
        if different {
            self.last_db = db.to_vec();
        }
        (different && !db.is_empty()).then(|| lossy(db))
    }
}

fn check_tz(cx: &mut Cx<'_>, samples: &[(usize, i64)]) {
    let Some(&(line0, first)) = samples.first() else {
        return;
    };
    cx.eq(
        line0,
        "printed local time − UTC timestamp is whole minutes (seconds remainder)",
        first.rem_euclid(60),
        0,
    );
    for &(line, off) in &samples[1..] {
        cx.eq(
            line,
            "printed local time − UTC timestamp, same offset as the file's first header",
            off,
            first,
        );
    }
}

/// Tab-separated `key=value` fields after the event name (`Xid = 5` too).
fn tab_fields(desc: &str) -> Vec<(String, String)> {
    desc.split('\t')
        .skip(1)
        .filter_map(|f| f.split_once('='))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

fn num<T: std::str::FromStr>(s: &str) -> Option<T> {
    s.trim().parse().ok()
}

/// Compares one mysqlbinlog dump with our events.
fn compare_dump(cx: &mut Cx<'_>, dump: &op::Dump, events: &[BinlogEvent<'_>], prefix: bool) {
    let last_line = dump.events.last().map_or(0, |e| e.line);
    if prefix {
        cx.eq(
            last_line,
            "the oracle's events are a prefix of ours (oracle count <= ours)",
            true,
            dump.events.len() <= events.len() && dump.at.len() <= events.len(),
        );
    } else {
        cx.eq(
            last_line,
            "number of `# at` lines",
            events.len(),
            dump.at.len(),
        );
        cx.eq(
            last_line,
            "number of events",
            events.len(),
            dump.events.len(),
        );
    }
    for (&(line, at), ev) in dump.at.iter().zip(events) {
        cx.eq(line, "`# at` offset", ev.offset, at);
    }
    let mut st = PrintState {
        binlog_version: 4,
        mariadb: is_mariadb(events),
        ..PrintState::default()
    };
    for (i, oe) in dump.events.iter().enumerate() {
        let Some(ev) = events.get(i) else {
            break;
        };
        match &ev.event {
            Event::StartV3(s) => st.binlog_version = s.binlog_version,
            Event::FormatDescription(f) => st.binlog_version = f.binlog_version,
            _ => {}
        }
        compare_event(cx, &mut st, events, i, oe);
    }
    check_tz(cx, &st.tz);
}

fn compare_event(
    cx: &mut Cx<'_>,
    st: &mut PrintState,
    events: &[BinlogEvent<'_>],
    i: usize,
    oe: &op::OEvent,
) {
    let ev = &events[i];
    let line = oe.line;
    if let Some(h) = &oe.header {
        cx.eq(
            line,
            "server id",
            u64::from(ev.header.server_id),
            h.server_id,
        );
        cx.eq(
            line,
            "end_log_pos",
            printed_end_log_pos(ev, st.binlog_version),
            h.end_log_pos,
        );
        match h.crc {
            Some(crc) => {
                cx.eq(line, "CRC32", ev.checksum, Some(crc));
            }
            None if matches!(ev.event, Event::FormatDescription(_)) => {}
            None => {
                cx.eq(line, "CRC32 (none printed)", ev.checksum, None);
            }
        }
        st.tz
            .push((line, h.time.as_if_utc() - i64::from(ev.header.timestamp)));
    }
    if let Some(hex) = &oe.hex {
        compare_hexdump(cx, ev, hex);
    }
    for (bline, bytes) in &oe.base64 {
        compare_base64(cx, events, i, *bline, bytes);
    }
    let desc = oe.desc.as_deref();
    if let Some(d) = desc {
        cx.eq(
            oe.desc_line,
            "event type",
            mysqlbinlog_name(ev),
            oracle_desc_name(d, &oe.body),
        );
    }
    let dl = oe.desc_line;
    match &ev.event {
        Event::FormatDescription(f) => compare_start(
            cx,
            st,
            ev,
            oe,
            f.binlog_version,
            f.server_version,
            f.create_timestamp,
        ),
        Event::StartV3(s) => compare_start(
            cx,
            st,
            ev,
            oe,
            s.binlog_version,
            s.server_version,
            s.create_timestamp,
        ),
        Event::Query(q) | Event::ExecuteLoadQuery(q) => compare_query(cx, st, ev, q, oe),
        Event::Xid(x) => {
            if let Some(v) = desc.and_then(|d| d.strip_prefix("Xid = ")) {
                match num::<u64>(v) {
                    Some(v) => {
                        cx.eq(dl, "Xid", x.xid, v);
                    }
                    None => cx.not_compared("Xid value masked by the test (`Xid = <number>`)"),
                }
            }
        }
        Event::Rotate(r) => {
            if let Some(d) = desc {
                match d
                    .strip_prefix("Rotate to ")
                    .and_then(|r| r.split_once("  pos: "))
                {
                    Some((file, pos)) => {
                        cx.eq(dl, "Rotate file", lossy(r.next_file), file.to_string());
                        cx.eq(dl, "Rotate pos", Some(r.position), num(pos));
                    }
                    None => cx.fail(dl, "Rotate", format!("unparsed description {d:?}")),
                }
            }
        }
        Event::Intvar(iv) => {
            let printed = body_line(oe, "SET ").and_then(|(l, t)| {
                let t = t.strip_prefix("SET ")?.strip_suffix("/*!*/;")?;
                let (k, v) = t.split_once('=')?;
                Some((l, k.to_string(), num::<u64>(v)))
            });
            match printed {
                Some((l, k, v)) => {
                    cx.eq(l, "Intvar name", iv.name().map(str::to_string), Some(k));
                    cx.eq(l, "Intvar value", Some(iv.value), v);
                }
                None => cx.fail(dl, "Intvar", "no `SET ...=N/*!*/;` line"),
            }
        }
        Event::Rand(r) => match body_line(oe, "SET @@RAND_SEED1=") {
            Some((l, t)) => {
                let t = t.trim_end_matches("/*!*/;");
                let parsed = t
                    .strip_prefix("SET @@RAND_SEED1=")
                    .and_then(|t| t.split_once(", @@RAND_SEED2="))
                    .map(|(a, b)| (num::<u64>(a), num::<u64>(b)));
                cx.eq(
                    l,
                    "Rand seeds",
                    Some((Some(r.seed1), Some(r.seed2))),
                    parsed,
                );
            }
            None => cx.fail(dl, "Rand", "no `SET @@RAND_SEED1=` line"),
        },
        Event::UserVar(u) => match body_line(oe, "SET @`") {
            Some((l, t)) => {
                let t = t.strip_suffix("/*!*/;").unwrap_or(t);
                let Some((name, value)) =
                    t.strip_prefix("SET @`").and_then(|t| t.split_once("`:="))
                else {
                    cx.fail(l, "User_var", format!("unparsed line {t:?}"));
                    return;
                };
                cx.eq(l, "User_var name", lossy(u.name), name.replace("``", "`"));
                match user_var_printed(&u.value, st.mariadb) {
                    Some(ours) => {
                        cx.eq(l, "User_var value", ours, value.to_string());
                    }
                    None => {
                        cx.not_compared("User_var string whose collation id is not in the table")
                    }
                }
            }
            None => cx.fail(dl, "User_var", "no `SET @`name`:=` line"),
        },
        Event::BeginLoadQuery(b) => match body_line(oe, "#Begin_load_query: ") {
            Some((l, t)) => {
                let parsed = t
                    .strip_prefix("#Begin_load_query: file_id: ")
                    .and_then(|t| t.split_once("  block_len: "))
                    .map(|(a, b)| (num::<u32>(a), num::<usize>(b)));
                cx.eq(
                    l,
                    "Begin_load_query file_id, block_len",
                    Some((Some(b.file_id), Some(b.block.len()))),
                    parsed,
                );
            }
            None => cx.fail(dl, "Begin_load_query", "no `#Begin_load_query:` line"),
        },
        Event::TableMap(t) => {
            match binlogkit::TableSchema::from_table_map(t, ev.offset, st.mariadb) {
                Ok(schema) => {
                    st.schemas.insert(t.table_id, schema);
                }
                Err(e) => cx.fail(dl, "TABLE_MAP schema", e),
            }
            if let Some(d) = desc {
                let parsed = d
                    .strip_prefix("Table_map: `")
                    .and_then(|r| r.split_once("`.`"))
                    .and_then(|(db, r)| {
                        let (table, id) = r.split_once("` mapped to number ")?;
                        Some((db.to_string(), table.to_string(), num::<u64>(id)))
                    });
                match parsed {
                    Some((db, table, id)) => {
                        cx.eq(dl, "Table_map database", lossy(t.database), db);
                        cx.eq(dl, "Table_map table", lossy(t.table), table);
                        cx.eq(dl, "Table_map table_id", Some(t.table_id), id);
                    }
                    None => cx.fail(dl, "Table_map", format!("unparsed description {d:?}")),
                }
            }
        }
        Event::Rows(r) => {
            if let Some(d) = desc {
                let parsed = d.split_once(": table id ").map(|(_, rest)| {
                    let (id, flags) = rest.split_once(' ').unwrap_or((rest, ""));
                    (num::<u64>(id), flags.trim() == "flags: STMT_END_F")
                });
                match parsed {
                    Some((id, end)) => {
                        cx.eq(dl, "rows table_id", Some(r.table_id), id);
                        cx.eq(
                            dl,
                            "rows STMT_END_F",
                            r.flags & binlogkit::events::rows::STMT_END_F != 0,
                            end,
                        );
                    }
                    None => cx.fail(dl, "rows event", format!("unparsed description {d:?}")),
                }
            }
            compare_row_comments(cx, st, r, oe);
        }
        Event::RowsQuery(q) => {
            let printed: Vec<&Line> = oe
                .body
                .iter()
                .take_while(|l| l.text.starts_with("# "))
                .collect();
            let ours = query_comment_lines(q.query, "# ", false);
            let first = printed.first().map_or(dl, |l| l.no);
            cx.eq(
                first,
                "Rows_query text",
                ours,
                printed.iter().map(|l| l.text.clone()).collect::<Vec<_>>(),
            );
        }
        Event::AnnotateRows(q) => {
            let printed: Vec<&Line> = oe
                .body
                .iter()
                .take_while(|l| l.text.starts_with("#Q> "))
                .collect();
            let ours = query_comment_lines(q.query, "#Q> ", true);
            let first = printed.first().map_or(dl, |l| l.no);
            cx.eq(
                first,
                "Annotate_rows text",
                ours,
                printed.iter().map(|l| l.text.clone()).collect::<Vec<_>>(),
            );
        }
        Event::Gtid(_) | Event::AnonymousGtid(_) => compare_mysql_gtid(cx, st, ev, oe),
        Event::PreviousGtids(p) => {
            let printed: Vec<&Line> = oe
                .body
                .iter()
                .take_while(|l| l.text.starts_with("# "))
                .collect();
            let set = p.gtid_set();
            let ours = if set.is_empty() {
                "# [empty]".to_string()
            } else {
                format!("# {}", set.display_with(",\n# "))
            };
            let first = printed.first().map_or(dl, |l| l.no);
            cx.eq(
                first,
                "Previous-GTIDs set",
                ours,
                printed
                    .iter()
                    .map(|l| l.text.as_str())
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
        }
        Event::MariadbGtid(g) => compare_mariadb_gtid(cx, g, oe),
        Event::MariadbGtidList(l) => {
            if let Some(d) = desc {
                // `Gtid list [a,\n# b]`: the list may run over several lines.
                let mut text = d.strip_prefix("Gtid list ").unwrap_or(d).to_string();
                for b in &oe.body {
                    if text.ends_with(']') {
                        break;
                    }
                    text.push('\n');
                    text.push_str(&b.text);
                }
                let mut list: Vec<_> = l.gtids().collect();
                list.sort_by_key(|g| (g.domain_id, g.seq_no));
                let ours: Vec<String> = list.iter().map(|g| g.to_string()).collect();
                cx.eq(dl, "Gtid list", format!("[{}]", ours.join(",\n# ")), text);
            }
        }
        Event::BinlogCheckpoint(c) => {
            if let Some(d) = desc {
                cx.eq(
                    dl,
                    "Binlog checkpoint file",
                    Some(lossy(c.file)),
                    d.strip_prefix("Binlog checkpoint ").map(str::to_string),
                );
            }
        }
        Event::Stop(_) => {}
        _ => cx.not_compared(&format!("{} event bodies", ev.event.kind())),
    }
}

/// The type name `mysqlbinlog -vv` prints for a column (`log_event_print_value`), from
/// the TABLE_MAP's type and metadata; `None` for types not in this table.
fn mysqlbinlog_type_name(col: &binlogkit::Column) -> Option<String> {
    use binlogkit::ColumnType as T;
    let m = u32::from(col.metadata);
    Some(match col.real_type {
        T::TINY => "TINYINT".into(),
        T::SHORT => "SHORTINT".into(),
        T::INT24 => "MEDIUMINT".into(),
        T::LONG => "INT".into(),
        T::LONGLONG => "LONGINT".into(),
        T::FLOAT => "FLOAT".into(),
        T::DOUBLE => "DOUBLE".into(),
        T::NEWDECIMAL => format!("DECIMAL({},{})", m >> 8, m & 0xff),
        T::DATE => "DATE".into(),
        T::DATETIME => "DATETIME".into(),
        T::DATETIME2 => format!("DATETIME({m})"),
        T::TIMESTAMP => "TIMESTAMP".into(),
        T::TIMESTAMP2 => format!("TIMESTAMP({m})"),
        T::TIME => "TIME".into(),
        T::TIME2 => format!("TIME({m})"),
        T::YEAR => "YEAR".into(),
        T::VARCHAR | T::VAR_STRING => format!("VARSTRING({m})"),
        T::STRING => {
            let len = if m >= 256 {
                let (b0, b1) = (m >> 8, m & 0xff);
                if b0 & 0x30 != 0x30 {
                    b1 | (((b0 & 0x30) ^ 0x30) << 4)
                } else {
                    b1
                }
            } else {
                m
            };
            format!("STRING({len})")
        }
        T::ENUM => match m & 0xff {
            1 => "ENUM(1 byte)".into(),
            2 => "ENUM(2 bytes)".into(),
            _ => return None,
        },
        T::SET => format!("SET({} bytes)", m & 0xff),
        T::BLOB => match m {
            1 => "TINYBLOB/TINYTEXT",
            2 => "BLOB/TEXT",
            3 => "MEDIUMBLOB/MEDIUMTEXT",
            4 => "LONGBLOB/LONGTEXT",
            _ => return None,
        }
        .into(),
        T::BIT => format!("BIT({})", (m >> 8) * 8 + (m & 0xff)),
        T::JSON => "JSON".into(),
        _ => return None,
    })
}

/// `mysqlbinlog -v` row images: each `### INSERT INTO`/`UPDATE`/`DELETE FROM` line names
/// the statement and table (checked against the rows event and its TABLE_MAP); with `-vv`
/// each `###   @N=value /* TYPE meta=M nullable=X is_null=Y */` line shows column N's
/// type, metadata and nullability from the TABLE_MAP (checked once per event and column).
/// Row values and `is_null` are not compared: the library does not decode row images.
fn compare_row_comments(
    cx: &mut Cx<'_>,
    st: &PrintState,
    r: &binlogkit::events::RowsEvent<'_>,
    oe: &op::OEvent,
) {
    let schema = st.schemas.get(&r.table_id);
    let statement = match r.kind {
        RowsKind::Write => "INSERT INTO",
        RowsKind::Delete => "DELETE FROM",
        _ => "UPDATE",
    };
    let mut seen_statement = false;
    let mut seen_columns = BTreeSet::new();
    for l in &oe.body {
        let Some(t) = l.text.strip_prefix("### ") else {
            continue;
        };
        if !seen_statement {
            let stmt = ["INSERT INTO ", "UPDATE ", "DELETE FROM "]
                .iter()
                .find_map(|p| t.strip_prefix(p).map(|table| (p.trim_end(), table)));
            if let Some((kind, table)) = stmt {
                seen_statement = true;
                let ours_table = schema.map(|s| format!("`{}`.`{}`", s.database, s.table));
                cx.eq(l.no, "row image statement", statement, kind);
                cx.eq(
                    l.no,
                    "row image table (from the TABLE_MAP)",
                    ours_table,
                    Some(table.to_string()),
                );
            }
        }
        let Some(rest) = t.trim_start().strip_prefix('@') else {
            continue;
        };
        let Some((n, rest)) = rest.split_once('=') else {
            continue;
        };
        let Some(n) = num::<usize>(n).filter(|&n| n >= 1) else {
            continue;
        };
        // The type comment is printed with -vv only.
        let Some(comment) = rest
            .rfind("/* ")
            .and_then(|i| rest[i + 3..].strip_suffix(" */"))
        else {
            continue;
        };
        if !seen_columns.insert(n) {
            continue;
        }
        let parsed = comment.rsplit_once(" is_null=").and_then(|(c, _)| {
            let (c, nullable) = c.rsplit_once(" nullable=")?;
            let (type_name, meta) = c.rsplit_once(" meta=")?;
            Some((type_name, num::<u32>(meta), nullable == "1"))
        });
        let Some((type_name, meta, nullable)) = parsed else {
            cx.fail(
                l.no,
                "row image column comment",
                format!("unparsed {comment:?}"),
            );
            continue;
        };
        let Some(col) = schema.and_then(|s| s.columns.get(n - 1)) else {
            cx.fail(
                l.no,
                "row image column",
                format!(
                    "@{n}: no such column in the TABLE_MAP of table id {}",
                    r.table_id
                ),
            );
            continue;
        };
        cx.eq(
            l.no,
            "column meta= (TABLE_MAP metadata)",
            Some(u32::from(col.metadata)),
            meta,
        );
        cx.eq(
            l.no,
            "column nullable= (TABLE_MAP null bitmap)",
            col.nullable,
            nullable,
        );
        match mysqlbinlog_type_name(col) {
            Some(name) => {
                cx.eq(
                    l.no,
                    "column type name (TABLE_MAP type)",
                    name,
                    type_name.to_string(),
                );
            }
            None => cx.not_compared(&format!("-vv type name of column type {:?}", col.real_type)),
        }
    }
    if oe.body.iter().any(|l| l.text.starts_with("###")) {
        cx.not_compared("row values and is_null in `###` lines: the library does not decode rows");
    }
}

/// The first body line starting with `prefix`.
fn body_line<'o>(oe: &'o op::OEvent, prefix: &str) -> Option<(usize, &'o str)> {
    oe.body
        .iter()
        .find(|l| l.text.starts_with(prefix))
        .map(|l| (l.no, l.text.as_str()))
}

fn compare_hexdump(cx: &mut Cx<'_>, ev: &BinlogEvent<'_>, hex: &op::HexDump) {
    let l = hex.line;
    cx.eq(l, "hexdump position", ev.offset, hex.position);
    cx.eq(l, "hexdump length", ev.raw.len(), hex.bytes.len());
    let first_diff = ev.raw.iter().zip(&hex.bytes).position(|(a, b)| a != b);
    cx.eq(l, "hexdump: first differing byte", None, first_diff);
    let b = &hex.bytes;
    if b.len() >= 19 {
        let u32_at = |at: usize| u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]);
        cx.eq(l, "hexdump Timestamp", ev.header.timestamp, u32_at(0));
        cx.eq(l, "hexdump Type", ev.header.event_type.0, b[4]);
        cx.eq(l, "hexdump Master ID", ev.header.server_id, u32_at(5));
        cx.eq(l, "hexdump Size", ev.header.event_size, u32_at(9));
        cx.eq(l, "hexdump Master Pos", ev.header.log_pos, u32_at(13));
        cx.eq(
            l,
            "hexdump Flags",
            ev.header.flags.0,
            u16::from_le_bytes([b[17], b[18]]),
        );
    }
}

/// A `BINLOG '...'` block holds the raw bytes of the events printed since the previous
/// block, ending with event `i`.
fn compare_base64(
    cx: &mut Cx<'_>,
    events: &[BinlogEvent<'_>],
    i: usize,
    line: usize,
    bytes: &[u8],
) {
    let mut total = 0;
    let mut j = i + 1;
    while j > 0 && total < bytes.len() {
        j -= 1;
        total += events[j].raw.len();
    }
    if total != bytes.len() {
        cx.fail(
            line,
            "BINLOG base64 block",
            format!(
                "{} bytes, not the size of whole events ending with the one at {}",
                bytes.len(),
                events[i].offset
            ),
        );
        return;
    }
    let ours: Vec<u8> = events[j..=i]
        .iter()
        .flat_map(|e| e.raw.iter().copied())
        .collect();
    let first_diff = ours.iter().zip(bytes).position(|(a, b)| a != b);
    cx.check(
        line,
        "BINLOG base64 block = raw bytes of the events it holds",
        first_diff.is_none(),
        || {
            format!(
                "events at {}..={}: first differing byte at {first_diff:?}",
                events[j].offset, events[i].offset
            )
        },
    );
}

fn compare_start(
    cx: &mut Cx<'_>,
    st: &mut PrintState,
    ev: &BinlogEvent<'_>,
    oe: &op::OEvent,
    binlog_version: u16,
    server_version: &[u8],
    created: u32,
) {
    let dl = oe.desc_line;
    if let Some(d) = oe.desc.as_deref() {
        let parsed = d.strip_prefix("Start: binlog v ").and_then(|r| {
            let (v, r) = r.split_once(", server v ")?;
            let (ver, r) = r.split_once(" created ")?;
            let t: Vec<&str> = r.split_whitespace().collect();
            let time = op::PrintedTime::from_yymmdd(t.first()?, t.get(1)?)?;
            Some((
                num::<u16>(v),
                ver.to_string(),
                time,
                t.get(2..) == Some(&["at", "startup"]),
            ))
        });
        match parsed {
            Some((v, ver, time, at_startup)) => {
                cx.eq(dl, "Start binlog version", Some(binlog_version), v);
                cx.eq(dl, "Start server version", lossy(server_version), ver);
                cx.eq(
                    dl,
                    "Start `at startup` (created != 0)",
                    created != 0,
                    at_startup,
                );
                // mysqlbinlog prints the header time after `created`.
                st.tz
                    .push((dl, time.as_if_utc() - i64::from(ev.header.timestamp)));
            }
            None => cx.fail(dl, "Start", format!("unparsed description {d:?}")),
        }
        let has = |s: &str| oe.body.iter().any(|l| l.text.starts_with(s));
        cx.eq(
            dl,
            "in-use warning (header flag LOG_EVENT_BINLOG_IN_USE_F)",
            ev.header.flags.contains(EventFlags::BINLOG_IN_USE),
            has("# Warning: this binlog is either in use or was not closed properly."),
        );
        cx.eq(
            dl,
            "relay-log note (header flag LOG_EVENT_RELAY_LOG_F)",
            ev.header.flags.contains(EventFlags::RELAY_LOG),
            has("# This Format_description_event appears in a relay log"),
        );
    }
}

fn compare_query(
    cx: &mut Cx<'_>,
    st: &mut PrintState,
    ev: &BinlogEvent<'_>,
    q: &binlogkit::events::QueryEvent<'_>,
    oe: &op::OEvent,
) {
    let dl = oe.desc_line;
    if let Some(d) = oe.desc.as_deref() {
        let mut saw_ddl_xid = false;
        for (k, v) in tab_fields(d) {
            match k.as_str() {
                "thread_id" => {
                    cx.eq(dl, "Query thread_id", Some(q.thread_id), num(&v));
                }
                "exec_time" => {
                    cx.eq(dl, "Query exec_time", Some(q.exec_time), num(&v));
                }
                "error_code" => {
                    cx.eq(dl, "Query error_code", Some(q.error_code), num(&v));
                }
                "Xid" => {
                    saw_ddl_xid = true;
                    cx.eq(
                        dl,
                        "Query Xid (Q_DDL_LOGGED_WITH_XID)",
                        q.status.ddl_xid(),
                        num(&v),
                    );
                }
                "xid" => {
                    cx.eq(
                        dl,
                        "Query xid (MariaDB Q_XID, 0 when absent)",
                        Some(q.status.mariadb_xid().unwrap_or(0)),
                        num(&v),
                    );
                }
                _ => cx.fail(dl, "Query header field", format!("unknown field {k:?}")),
            }
        }
        if !saw_ddl_xid {
            cx.eq(dl, "Query Xid (none printed)", q.status.ddl_xid(), None);
        }
    }
    let Some(pq) = op::parse_printed_query(&oe.body) else {
        cx.fail(
            dl,
            "Query body",
            "no `SET TIMESTAMP=...` ... `/*!*/;` statement block",
        );
        return;
    };
    let expected_use = st.use_line(ev, q.database);
    let use_line = pq.use_db.as_ref().map_or(dl, |u| u.0);
    cx.eq(
        use_line,
        "Query `use` line (database, printed when it changes)",
        expected_use,
        pq.use_db.as_ref().map(|u| u.1.clone()),
    );
    compare_timestamp(cx, ev, q, &pq);
    compare_session(cx, q, &pq, st.mariadb);
    match &q.load {
        None => {
            cx.eq(
                pq.text_line,
                "Query statement",
                lossy(&q.query),
                pq.text.clone(),
            );
        }
        Some(load) => {
            // mysqlbinlog rewrites the file name part: query[..start] LOCAL INFILE '<tmp>'
            // [REPLACE|IGNORE] INTO query[end..].
            let text = lossy(&q.query);
            let start = load.fn_pos_start as usize;
            let end = load.fn_pos_end as usize;
            let head = text.get(..start).unwrap_or_default().to_string();
            let tail = text.get(end..).unwrap_or_default().to_string();
            cx.eq(
                pq.text_line,
                "Execute_load_query text before the file name",
                true,
                pq.text.starts_with(&head),
            );
            cx.eq(
                pq.text_line,
                "Execute_load_query text after the file name",
                true,
                pq.text.ends_with(&tail),
            );
            match pq.after.iter().find(|l| l.text.starts_with("# file_id: ")) {
                Some(l) => {
                    cx.eq(
                        l.no,
                        "Execute_load_query file_id",
                        Some(load.file_id),
                        num(l.text.trim_start_matches("# file_id: ")),
                    );
                }
                None => cx.fail(dl, "Execute_load_query", "no `# file_id:` line"),
            }
        }
    }
}

fn compare_timestamp(
    cx: &mut Cx<'_>,
    ev: &BinlogEvent<'_>,
    q: &binlogkit::events::QueryEvent<'_>,
    pq: &op::PrintedQuery,
) {
    if let Some((l, secs, frac)) = &pq.timestamp {
        cx.eq(
            *l,
            "SET TIMESTAMP (header timestamp)",
            u64::from(ev.header.timestamp),
            *secs,
        );
        let micro = q
            .status
            .microseconds()
            .or(q.status.hrnow())
            .filter(|&u| u != 0)
            .map(|u| format!("{u:06}"));
        cx.eq(*l, "SET TIMESTAMP microseconds", micro, frac.clone());
    }
}

/// The session lines mysqlbinlog prints before a statement (only when they change: so
/// each printed value is checked against this event's status variables).
fn compare_session(
    cx: &mut Cx<'_>,
    q: &binlogkit::events::QueryEvent<'_>,
    pq: &op::PrintedQuery,
    mariadb: bool,
) {
    let s = &q.status;
    for l in &pq.session {
        let t = l.text.trim_end_matches("/*!*/;");
        // `/*!80011 SET ...*/` and MariaDB's `/*M!...`: the versioned comment's content.
        let t = match t.strip_prefix("/*") {
            Some(r) if r.starts_with('!') || r.starts_with("M!") => {
                let r = r.trim_start_matches("M!").trim_start_matches('!');
                let r = r.trim_start_matches(|c: char| c.is_ascii_digit());
                r.trim().trim_end_matches("*/").trim()
            }
            _ => t,
        };
        if let Some(v) = t.strip_prefix("SET @@session.pseudo_thread_id=") {
            if v != "999999999" {
                cx.eq(
                    l.no,
                    "pseudo_thread_id (thread_id)",
                    Some(q.thread_id),
                    num(v),
                );
            }
        } else if let Some(v) = t.strip_prefix("SET @@session.sql_mode=") {
            let digits: String = v.chars().take_while(char::is_ascii_digit).collect();
            cx.eq(l.no, "sql_mode", s.sql_mode(), num(&digits));
        } else if let Some(v) = t.strip_prefix("SET @@session.auto_increment_increment=") {
            let parsed = v
                .split_once(", @@session.auto_increment_offset=")
                .map(|(a, b)| (num::<u16>(a), num::<u16>(b)));
            let (inc, off) = s.auto_increment().unwrap_or((1, 1));
            cx.eq(
                l.no,
                "auto_increment_increment, _offset",
                Some((Some(inc), Some(off))),
                parsed,
            );
        } else if let Some(v) = t.strip_prefix("SET @@session.character_set_client=") {
            let parts: Vec<&str> = v.split(",@@session.").collect();
            let Some((client, conn, server)) = s.charset() else {
                cx.fail(
                    l.no,
                    "charset",
                    "printed, but the event has no Q_CHARSET_CODE",
                );
                continue;
            };
            match num::<u16>(parts[0]) {
                Some(c) => {
                    cx.eq(l.no, "character_set_client", client, c);
                }
                // MariaDB prints the client character set by name.
                None => match collation(u32::from(client)) {
                    Some((cs, _)) => {
                        cx.eq(l.no, "character_set_client (name)", cs, parts[0]);
                    }
                    None => cx.not_compared("character_set_client name of an unknown collation id"),
                },
            }
            let get = |p: &str| -> Option<u16> {
                parts
                    .iter()
                    .find_map(|x| x.strip_prefix(p))
                    .and_then(|v| v.parse().ok())
            };
            cx.eq(
                l.no,
                "collation_connection",
                Some(conn),
                get("collation_connection="),
            );
            cx.eq(
                l.no,
                "collation_server",
                Some(server),
                get("collation_server="),
            );
        } else if let Some(v) = t.strip_prefix("\\C ") {
            let name = v.trim().trim_end_matches("*/").trim();
            match s.charset().and_then(|(c, _, _)| collation(u32::from(c))) {
                Some((cs, _)) => {
                    cx.eq(l.no, "client charset (`/*!\\C name */`)", cs, name);
                }
                None => cx.not_compared("`/*!\\C name */` of an unknown collation id"),
            }
        } else if let Some(v) = t.strip_prefix("SET @@session.lc_time_names=") {
            cx.eq(
                l.no,
                "lc_time_names",
                Some(s.lc_time_names().unwrap_or(0)),
                num(v),
            );
        } else if let Some(v) = t.strip_prefix("SET @@session.collation_database=") {
            let ours = match s.charset_database().unwrap_or(0) {
                0 => "DEFAULT".to_string(),
                n => n.to_string(),
            };
            cx.eq(l.no, "collation_database", ours, v.to_string());
        } else if let Some(v) = t.strip_prefix("SET @@session.time_zone='") {
            cx.eq(
                l.no,
                "time_zone",
                s.time_zone().map(lossy),
                Some(v.trim_end_matches('\'').to_string()),
            );
        } else if let Some(v) = t.strip_prefix("SET @@session.default_collation_for_utf8mb4=") {
            cx.eq(
                l.no,
                "default_collation_for_utf8mb4",
                s.default_collation_for_utf8mb4(),
                num(v),
            );
        } else if let Some(v) = t.strip_prefix("SET @@session.sql_require_primary_key=") {
            cx.eq(
                l.no,
                "sql_require_primary_key",
                s.sql_require_primary_key(),
                num(v),
            );
        } else if let Some(v) = t.strip_prefix("SET @@session.default_table_encryption=") {
            cx.eq(
                l.no,
                "default_table_encryption",
                s.default_table_encryption(),
                num(v),
            );
        } else if let Some(v) = t.strip_prefix("SET @@session.explicit_defaults_for_timestamp=") {
            cx.eq(
                l.no,
                "explicit_defaults_for_timestamp",
                s.explicit_defaults_for_timestamp(),
                num::<u8>(v).map(|b| b != 0),
            );
        } else if let Some(v) = t.strip_prefix("SET @@session.foreign_key_checks=") {
            let Some(flags2) = s.flags2() else {
                cx.fail(
                    l.no,
                    "flags2",
                    "printed, but the event has no Q_FLAGS2_CODE",
                );
                continue;
            };
            let line = format!("foreign_key_checks={v}");
            let printed: BTreeMap<&str, &str> = line
                .split(", @@session.")
                .filter_map(|kv| kv.split_once('='))
                .collect();
            let expect = [
                ("foreign_key_checks", flags2 & 0x0400_0000 == 0),
                ("sql_auto_is_null", flags2 & 0x4000 != 0),
                ("unique_checks", flags2 & 0x0800_0000 == 0),
                ("autocommit", flags2 & 0x0008_0000 == 0),
            ];
            for (k, on) in expect {
                cx.eq(
                    l.no,
                    &format!("{k} (from flags2)"),
                    Some(if on { "1" } else { "0" }),
                    printed.get(k).copied(),
                );
            }
            if mariadb {
                cx.not_compared(
                    "MariaDB-only flags2 options (check_constraint_checks, sql_if_exists, ...)",
                );
            }
        } else {
            cx.not_compared(&format!(
                "session line {}",
                t.split('=').next().unwrap_or(t)
            ));
        }
    }
}

fn compare_mysql_gtid(cx: &mut Cx<'_>, st: &mut PrintState, ev: &BinlogEvent<'_>, oe: &op::OEvent) {
    let (Event::Gtid(g) | Event::AnonymousGtid(g)) = &ev.event else {
        return;
    };
    let dl = oe.desc_line;
    if let Some(d) = oe.desc.as_deref() {
        for (k, v) in tab_fields(d) {
            match k.as_str() {
                "last_committed" => {
                    cx.eq(dl, "GTID last_committed", g.last_committed, num(&v));
                }
                "sequence_number" => {
                    cx.eq(dl, "GTID sequence_number", g.sequence_number, num(&v));
                }
                "rbr_only" => {
                    cx.eq(
                        dl,
                        "GTID rbr_only",
                        if g.is_rbr_only() { "yes" } else { "no" },
                        v.as_str(),
                    );
                }
                "original_committed_timestamp" => {
                    cx.eq(
                        dl,
                        "GTID original_commit_timestamp",
                        g.original_commit_timestamp,
                        num(&v),
                    );
                }
                "immediate_commit_timestamp" => {
                    cx.eq(
                        dl,
                        "GTID immediate_commit_timestamp",
                        g.immediate_commit_timestamp,
                        num(&v),
                    );
                }
                "transaction_length" => {
                    cx.eq(dl, "GTID transaction_length", g.transaction_length, num(&v));
                }
                _ => cx.fail(dl, "GTID header field", format!("unknown field {k:?}")),
            }
        }
    }
    let mut saw_next = false;
    for l in &oe.body {
        let t = l.text.as_str();
        if let Some(r) = t.strip_prefix("SET @@SESSION.GTID_NEXT= '") {
            saw_next = true;
            let ours = match &ev.event {
                Event::AnonymousGtid(_) => "ANONYMOUS".to_string(),
                _ => g.gtid().map(|g| g.to_string()).unwrap_or_default(),
            };
            cx.eq(
                l.no,
                "GTID_NEXT",
                ours,
                r.split('\'').next().unwrap_or("").to_string(),
            );
        } else if let Some(r) = t.strip_prefix("/*!80014 SET @@session.original_server_version=") {
            cx.eq(
                l.no,
                "original_server_version",
                g.original_server_version,
                num(r.split('*').next().unwrap_or("")),
            );
        } else if let Some(r) = t.strip_prefix("/*!80014 SET @@session.immediate_server_version=") {
            cx.eq(
                l.no,
                "immediate_server_version",
                g.immediate_server_version,
                num(r.split('*').next().unwrap_or("")),
            );
        } else if let Some(r) = t.strip_prefix("/*!80001 SET @@session.original_commit_timestamp=")
        {
            cx.eq(
                l.no,
                "original_commit_timestamp (SET)",
                g.original_commit_timestamp,
                num(r.split('*').next().unwrap_or("")),
            );
        } else if let Some((which, r)) = t
            .strip_prefix("# original_commit_timestamp=")
            .map(|r| ("original", r))
            .or_else(|| {
                t.strip_prefix("# immediate_commit_timestamp=")
                    .map(|r| ("immediate", r))
            })
        {
            // `N (YYYY-MM-DD HH:MM:SS.ffffff ZONE)`
            let ours = if which == "original" {
                g.original_commit_timestamp
            } else {
                g.immediate_commit_timestamp
            };
            let (n, rest) = r.split_once(" (").unwrap_or((r, ""));
            cx.eq(
                l.no,
                &format!("{which}_commit_timestamp (comment)"),
                ours,
                num(n),
            );
            let mut parts = rest.split_whitespace();
            if let (Some(date), Some(time), Some(us)) = (parts.next(), parts.next(), ours) {
                if let Some(pt) = op::PrintedTime::from_iso(date, time) {
                    st.tz.push((l.no, pt.as_if_utc() - (us / 1_000_000) as i64));
                }
                cx.eq(
                    l.no,
                    &format!("{which}_commit_timestamp (comment) microseconds"),
                    Some(format!("{:06}", us % 1_000_000)),
                    time.split_once('.').map(|(_, f)| f.to_string()),
                );
            }
        }
    }
    cx.eq(dl, "GTID_NEXT line printed", true, saw_next);
}

fn compare_mariadb_gtid(
    cx: &mut Cx<'_>,
    g: &binlogkit::events::MariadbGtidEvent<'_>,
    oe: &op::OEvent,
) {
    use binlogkit::events::mariadb_gtid::{FL_DDL, FL_STANDALONE, FL_TRANSACTIONAL, FL_WAITED};
    let dl = oe.desc_line;
    if let Some(d) = oe.desc.as_deref() {
        let mut words = d.split_whitespace();
        let _gtid_word = words.next();
        cx.eq(
            dl,
            "MariaDB GTID",
            Some(g.gtid.to_string()),
            words.next().map(str::to_string),
        );
        let mut ours = Vec::new();
        if let Some(c) = g.commit_id {
            ours.push(format!("cid={c}"));
        }
        for (bit, w) in [
            (FL_DDL, "ddl"),
            (FL_TRANSACTIONAL, "trans"),
            (FL_WAITED, "waited"),
        ] {
            if g.flags & bit != 0 {
                ours.push(w.to_string());
            }
        }
        cx.eq(
            dl,
            "MariaDB GTID flag words",
            ours,
            words.map(str::to_string).collect::<Vec<_>>(),
        );
    }
    for l in &oe.body {
        let t = l.text.as_str();
        let value = |p: &str| {
            t.strip_prefix(p)
                .and_then(|r| r.split('*').next())
                .and_then(num::<u64>)
        };
        if let Some(v) = value("/*M!100001 SET @@session.gtid_domain_id=") {
            cx.eq(l.no, "gtid_domain_id", u64::from(g.gtid.domain_id), v);
        } else if let Some(v) = value("/*M!100001 SET @@session.server_id=") {
            cx.eq(l.no, "GTID server_id", u64::from(g.gtid.server_id), v);
        } else if let Some(v) = value("/*M!100001 SET @@session.gtid_seq_no=") {
            cx.eq(l.no, "gtid_seq_no", g.gtid.seq_no, v);
        }
    }
    cx.eq(
        dl,
        "START TRANSACTION printed (not FL_STANDALONE)",
        g.flags & FL_STANDALONE == 0,
        oe.body.iter().any(|l| l.text == "START TRANSACTION"),
    );
}

// ---------------------------------------------------------------------------------------
// SHOW BINLOG EVENTS
// ---------------------------------------------------------------------------------------

fn compare_show(
    cx: &mut Cx<'_>,
    rows: &[op::ShowRow],
    events: &[BinlogEvent<'_>],
    log_name: Option<&str>,
    extra_trailing_rows: usize,
    table: bool,
) {
    let mariadb = is_mariadb(events);
    let last = rows.last().map_or(0, |r| r.line);
    cx.eq(
        last,
        "number of rows (events + rows for events written after the copy)",
        events.len() + extra_trailing_rows,
        rows.len(),
    );
    for (row, ev) in rows.iter().zip(events) {
        let l = row.line;
        if let Some(name) = log_name {
            cx.eq(l, "Log_name", name, row.log_name.as_str());
        }
        cx.eq(l, "Pos", ev.offset, row.pos);
        cx.eq(l, "Event_type", show_type(ev), row.event_type.clone());
        cx.eq(
            l,
            "Server_id",
            u64::from(ev.header.server_id),
            row.server_id,
        );
        cx.eq(
            l,
            "End_log_pos",
            u64::from(ev.header.log_pos),
            row.end_log_pos,
        );
        match show_info(ev, mariadb) {
            Ok(info) => {
                let info = if table {
                    op::normalise_table_info(&info)
                } else {
                    info
                };
                cx.eq(l, "Info", info, row.info.clone());
            }
            Err(why) => cx.not_compared(&format!("SHOW Info: {why}")),
        }
    }
    if extra_trailing_rows > 0 && rows.len() == events.len() + extra_trailing_rows {
        let end = events.last().map_or(4, |e| e.end_offset());
        let extra = &rows[events.len()];
        cx.eq(
            extra.line,
            "Pos of the row for an event written after the copy (= end of our last event)",
            end,
            extra.pos,
        );
    }
}

// ---------------------------------------------------------------------------------------
// --short-form
// ---------------------------------------------------------------------------------------

/// mysqlbinlog 5.6 `Query_log_event::is_trans_keyword`.
fn is_trans_keyword(q: &[u8]) -> bool {
    let starts_ci = |p: &[u8]| q.len() >= p.len() && q[..p.len()].eq_ignore_ascii_case(p);
    (!q.is_empty() && b"BEGIN".starts_with(q))
        || (!q.is_empty() && b"COMMIT".starts_with(q))
        || starts_ci(b"SAVEPOINT")
        || starts_ci(b"ROLLBACK")
}

fn compare_short_form(
    cx: &mut Cx<'_>,
    items: &[op::ShortItem],
    events: &[BinlogEvent<'_>],
    start: u64,
    database: Option<&str>,
) {
    #[derive(Debug, PartialEq)]
    enum Exp {
        Rollback,
        Commit,
        Query {
            use_db: Option<String>,
            timestamp: u64,
            text: String,
        },
    }
    let mut st = PrintState::default();
    let mut expected = Vec::new();
    for ev in events.iter().filter(|e| e.offset >= start) {
        let artificial = ev.header.flags.contains(EventFlags::ARTIFICIAL);
        match &ev.event {
            Event::FormatDescription(f) if f.create_timestamp != 0 && !artificial => {
                expected.push(Exp::Rollback)
            }
            Event::StartV3(s) if s.create_timestamp != 0 && !artificial => {
                expected.push(Exp::Rollback)
            }
            Event::Xid(_) => expected.push(Exp::Commit),
            Event::Query(q) => {
                if !is_trans_keyword(&q.query)
                    && database.is_some_and(|d| q.database != d.as_bytes())
                {
                    continue;
                }
                expected.push(Exp::Query {
                    use_db: st.use_line(ev, q.database),
                    timestamp: u64::from(ev.header.timestamp),
                    text: lossy(&q.query),
                });
            }
            Event::Intvar(_) | Event::Rand(_) | Event::UserVar(_) => {
                cx.not_compared("INTVAR/RAND/USER_VAR in --short-form output")
            }
            _ => {}
        }
    }
    let got: Vec<(usize, Exp)> = items
        .iter()
        .map(|it| match it {
            op::ShortItem::Rollback(l) => (*l, Exp::Rollback),
            op::ShortItem::Commit(l) => (*l, Exp::Commit),
            op::ShortItem::Query(l, q) => (
                *l,
                Exp::Query {
                    use_db: q.use_db.as_ref().map(|u| u.1.clone()),
                    timestamp: q.timestamp.as_ref().map_or(0, |t| t.1),
                    text: q.text.clone(),
                },
            ),
            op::ShortItem::Other(l, t) => (
                *l,
                Exp::Query {
                    use_db: None,
                    timestamp: 0,
                    text: format!("<unparsed line {t:?}>"),
                },
            ),
        })
        .collect();
    let last = got.last().map_or(0, |g| g.0);
    cx.eq(
        last,
        "number of printed items (ROLLBACK, COMMIT, statements)",
        expected.len(),
        got.len(),
    );
    for (exp, (l, got)) in expected.iter().zip(&got) {
        match (exp, got) {
            (
                Exp::Query {
                    use_db: u1,
                    timestamp: t1,
                    text: x1,
                },
                Exp::Query {
                    use_db: u2,
                    timestamp: t2,
                    text: x2,
                },
            ) => {
                cx.eq(*l, "`use` line", u1, u2);
                cx.eq(*l, "SET TIMESTAMP (header timestamp)", t1, t2);
                cx.eq(*l, "statement", x1, x2);
            }
            (e, g) => {
                cx.eq(*l, "printed item", e, g);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// `###` row statements (mysqlbinlog --verbose)
// ---------------------------------------------------------------------------------------

#[derive(Debug, PartialEq, Eq, Clone)]
struct RowGroup {
    kind: &'static str,
    table: String,
    /// The distinct (before-image columns, after-image columns) of the group's rows, as
    /// 1-based column numbers.
    images: BTreeSet<(Vec<u64>, Vec<u64>)>,
}

fn bits(bitmap: &[u8], count: u64) -> Vec<u64> {
    (0..count)
        .filter(|&i| {
            bitmap
                .get((i / 8) as usize)
                .is_some_and(|b| b & (1 << (i % 8)) != 0)
        })
        .map(|i| i + 1)
        .collect()
}

fn push_group(
    groups: &mut Vec<RowGroup>,
    kind: &'static str,
    table: String,
    image: (Vec<u64>, Vec<u64>),
) {
    match groups.last_mut() {
        Some(g) if g.kind == kind && g.table == table => {
            g.images.insert(image);
        }
        _ => groups.push(RowGroup {
            kind,
            table,
            images: BTreeSet::from([image]),
        }),
    }
}

fn compare_rows_verbose(cx: &mut Cx<'_>, section: &[Line], events: &[BinlogEvent<'_>]) {
    // The oracle: `### INSERT INTO `db`.`t``, `### SET`/`### WHERE`, `###   @N=...`.
    struct Stmt {
        kind: &'static str,
        table: String,
        before: Vec<u64>,
        after: Vec<u64>,
        in_set: bool,
    }
    let mut oracle: Vec<RowGroup> = Vec::new();
    let mut cur: Option<Stmt> = None;
    let flush = |cur: &mut Option<Stmt>, groups: &mut Vec<RowGroup>| {
        if let Some(s) = cur.take() {
            push_group(groups, s.kind, s.table, (s.before, s.after));
        }
    };
    let first_line = section.first().map_or(0, |l| l.no);
    for l in section {
        if l.text == "drop table raw_binlog_rows;" {
            break;
        }
        let Some(t) = l.text.strip_prefix("### ") else {
            continue;
        };
        let stmt = [
            ("INSERT INTO ", "INSERT"),
            ("UPDATE ", "UPDATE"),
            ("DELETE FROM ", "DELETE"),
        ]
        .iter()
        .find_map(|(p, k)| t.strip_prefix(p).map(|r| (*k, r.to_string())));
        if let Some((kind, table)) = stmt {
            flush(&mut cur, &mut oracle);
            cur = Some(Stmt {
                kind,
                table,
                before: Vec::new(),
                after: Vec::new(),
                in_set: kind == "INSERT",
            });
        } else if t == "WHERE" || t == "SET" {
            if let Some(c) = &mut cur {
                c.in_set = t == "SET";
            }
        } else if let Some(r) = t.trim_start().strip_prefix('@') {
            let n: Option<u64> = num(r.split('=').next().unwrap_or(""));
            if let (Some(c), Some(n)) = (&mut cur, n) {
                if c.in_set {
                    c.after.push(n);
                } else {
                    c.before.push(n);
                }
            }
        }
    }
    flush(&mut cur, &mut oracle);
    // Ours: each row event, named by the TABLE_MAP in force for its table id.
    let mut maps: BTreeMap<u64, String> = BTreeMap::new();
    let mut ours: Vec<RowGroup> = Vec::new();
    for ev in events {
        match &ev.event {
            Event::TableMap(t) => {
                maps.insert(
                    t.table_id,
                    format!("`{}`.`{}`", lossy(t.database), lossy(t.table)),
                );
            }
            Event::Rows(r) => {
                let table = maps.get(&r.table_id).cloned().unwrap_or_default();
                let before = bits(r.columns_before, r.column_count);
                let after = r
                    .columns_after
                    .map(|a| bits(a, r.column_count))
                    .unwrap_or_default();
                let (kind, image) = match r.kind {
                    RowsKind::Write => ("INSERT", (Vec::new(), before)),
                    RowsKind::Delete => ("DELETE", (before, Vec::new())),
                    _ => ("UPDATE", (before, after)),
                };
                push_group(&mut ours, kind, table, image);
            }
            _ => {}
        }
    }
    cx.eq(
        first_line,
        "number of (statement, table) groups",
        ours.len(),
        oracle.len(),
    );
    for (i, (o, g)) in ours.iter().zip(&oracle).enumerate() {
        cx.eq(
            first_line,
            "row group (index, statement)",
            (i, o.kind),
            (i, g.kind),
        );
        cx.eq(
            first_line,
            "row group (index, table)",
            (i, &o.table),
            (i, &g.table),
        );
        cx.eq(
            first_line,
            "row group (index, column images)",
            (i, &o.images),
            (i, &g.images),
        );
    }
    cx.not_compared("row values in `###` lines: the library does not decode rows");
}

// ---------------------------------------------------------------------------------------
// The pairs
// ---------------------------------------------------------------------------------------

enum Kind {
    /// mysqlbinlog output; `section`: (marker line, n-th section after it); `prefix`: the
    /// tool stopped early.
    Dump {
        section: Option<(&'static str, usize)>,
        prefix: bool,
    },
    /// `mysql` client table of SHOW BINLOG EVENTS.
    ShowTable { extra_trailing_rows: usize },
    /// `--short-form` output.
    ShortForm {
        section: (&'static str, usize),
        start: u64,
        database: Option<&'static str>,
    },
    /// `###` lines after a marker.
    RowsVerbose { marker: &'static str },
}

struct Pair {
    oracle: String,
    binlog: String,
    kind: Kind,
}

fn shared_pairs() -> Vec<Pair> {
    let mut v = Vec::new();
    let dump = || Kind::Dump {
        section: None,
        prefix: false,
    };
    for case in [
        "02_query",
        "03_stop",
        "04_rotate",
        "05_intvar",
        "13_rand",
        "14_user_var",
        "15_format_desc",
        "16_xid",
        "17_18_load",
        "19_table_map",
        "29_row_query",
        "30_write_rows_v2",
        "31_update_rows_v2",
        "32_delete_rows_v2",
        "33_35_gtid_prev_gtid",
        "34_anonymous_gtid",
    ] {
        v.push(Pair {
            oracle: format!("mysql-cdc-rs/5.7/{case}/dump.txt"),
            binlog: format!("mysql-cdc-rs/tests/events/5.7/{case}/log.bin"),
            kind: dump(),
        });
    }
    for (case, file, has_dump, extra) in [
        ("02_query", "binlog.000001", true, 0),
        ("02_query_bigger", "binlog.000733", false, 0),
        (
            "19_30_Table_map_event_Write_rows_log_event",
            "binlog.000018",
            true,
            1,
        ),
        ("31_update_rows_v2", "binlog.000001", true, 0),
    ] {
        let binlog = format!("mysql-cdc-rs/tests/events/8.0/{case}/{file}");
        if has_dump {
            v.push(Pair {
                oracle: format!("mysql-cdc-rs/8.0/{case}/dump.utf8.txt"),
                binlog: binlog.clone(),
                kind: dump(),
            });
        }
        v.push(Pair {
            oracle: format!("mysql-cdc-rs/8.0/{case}/show.utf8.txt"),
            binlog,
            kind: Kind::ShowTable {
                extra_trailing_rows: extra,
            },
        });
    }
    for n in ["01", "02", "03", "05", "06", "empty"] {
        v.push(Pair {
            oracle: format!("zalora-binlog-parser/plaintext-mysql-bin.{n}"),
            binlog: format!("zalora-binlog-parser/data/fixtures/mysql-bin.{n}"),
            kind: dump(),
        });
    }
    for (n, path) in [
        ("11", "binlog/mysql_bin.000011"),
        ("12", "binlog/mysql_bin.000012"),
        ("13", "binlog/mysql_bin.000013"),
        ("284", "relaylog/flikedev1-c8pyy-relay-bin.000284"),
        ("286", "relaylog/flikedev1-c8pyy-relay-bin.000286"),
    ] {
        v.push(Pair {
            oracle: format!("kingbus/{n}.txt"),
            binlog: format!("kingbus/tools/test_data/{path}"),
            kind: dump(),
        });
    }
    let std_data = "mysql-server-std_data/mysql-test/std_data";
    let suite = "mysql-server-std_data/mysql-test/suite/binlog/std_data";
    v.push(Pair {
        oracle: "mysql-server-5.6/binlog_hexdump.result".into(),
        binlog: format!("{suite}/bug11747887-bin.000003"),
        kind: dump(),
    });
    let result = "mysql-server-5.6/mysqlbinlog.result".to_string();
    for (n, start) in [(0, 4), (1, 79)] {
        v.push(Pair {
            oracle: result.clone(),
            binlog: format!("{std_data}/trunc_binlog.000001"),
            kind: Kind::ShortForm {
                section: ("--- reading stdin --", n),
                start,
                database: None,
            },
        });
    }
    for (marker, file, db) in [
        (
            "# Test if the 'BEGIN', 'ROLLBACK' and 'COMMIT' are output if the database specified exists",
            "binlog_transaction.000001",
            "test",
        ),
        (
            "# Test if the 'BEGIN', 'ROLLBACK' and 'COMMIT' are output if the database specified does not exist",
            "binlog_transaction.000001",
            "not_exist",
        ),
        (
            "# Test if the 'SAVEPOINT', 'ROLLBACK TO' are output if the database specified exists",
            "binlog_savepoint.000001",
            "db1",
        ),
        (
            "# Test if the 'SAVEPOINT', 'ROLLBACK TO' are output if the database specified does not exist",
            "binlog_savepoint.000001",
            "not_exist",
        ),
    ] {
        v.push(Pair {
            oracle: result.clone(),
            binlog: format!("{std_data}/{file}"),
            kind: Kind::ShortForm {
                section: (marker, 0),
                start: 4,
                database: Some(db),
            },
        });
    }
    v.push(Pair {
        oracle: result,
        binlog: format!("{std_data}/master-bin.000001"),
        kind: Kind::Dump {
            section: Some((
                "# Bug#12688860 : SECURITY RECOMMENDATION: PASSWORDS ON CLI",
                0,
            )),
            prefix: false,
        },
    });
    v.push(Pair {
        oracle: "mysql-server-5.6/binlog_base64_flag.result".into(),
        binlog: format!("{suite}/bug32407.001"),
        kind: Kind::Dump {
            section: Some((
                "==== Test --base64-output=never on a binlog with row events ====",
                0,
            )),
            prefix: true,
        },
    });
    for (marker, file) in [
        (
            "Verbose statements from : write-partial-row.binlog",
            "write-partial-row.binlog",
        ),
        (
            "Verbose statements from : write-full-row.binlog",
            "write-full-row.binlog",
        ),
        (
            "Verbose statements from : update-partial-row.binlog",
            "update-partial-row.binlog",
        ),
        (
            "Verbose statements from : update-full-row.binlog",
            "update-full-row.binlog",
        ),
    ] {
        v.push(Pair {
            oracle: "mysql-server-5.6/binlog_row_mysqlbinlog_verbose.result".into(),
            binlog: format!("{suite}/{file}"),
            kind: Kind::RowsVerbose { marker },
        });
    }
    v
}

fn section<'l>(cx: &mut Cx<'_>, lines: &'l [Line], marker: &str, n: usize) -> Option<&'l [Line]> {
    let found = op::after_marker(lines, marker).and_then(|rest| op::nth_section(rest, n));
    if found.is_none() {
        cx.fail(
            0,
            "oracle section",
            format!("marker {marker:?} section {n} not found"),
        );
    }
    found
}

fn run_pair(rep: &mut Report, oracles: &Path, binlogs: &Path, pair: &Pair) {
    let oracle_path = oracles.join(&pair.oracle);
    let binlog_path = binlogs.join(&pair.binlog);
    let text =
        std::fs::read(&oracle_path).unwrap_or_else(|e| panic!("{}: {e}", oracle_path.display()));
    let bytes = common::read_binlog(&binlog_path);
    let (events, err) = read_events(&bytes);
    rep.binlogs.insert(pair.binlog.clone());
    rep.oracles.insert(pair.oracle.clone());
    let mut cx = Cx {
        rep,
        oracle: format!("oracles/{} (binlog {})", pair.oracle, pair.binlog),
    };
    cx.eq(
        0,
        "the library reads the whole file without error",
        None,
        err,
    );
    let lines = op::read_lines(&text);
    match &pair.kind {
        Kind::Dump {
            section: sec,
            prefix,
        } => {
            let part = match sec {
                Some((marker, n)) => match section(&mut cx, &lines, marker, *n) {
                    Some(p) => p,
                    None => return,
                },
                None => &lines[..],
            };
            let dump = op::parse_dump(part);
            compare_dump(&mut cx, &dump, &events, *prefix);
        }
        Kind::ShowTable {
            extra_trailing_rows,
        } => {
            let rows = op::parse_show_table(&lines);
            let name = Path::new(&pair.binlog)
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("");
            compare_show(
                &mut cx,
                &rows,
                &events,
                Some(name),
                *extra_trailing_rows,
                true,
            );
        }
        Kind::ShortForm {
            section: (marker, n),
            start,
            database,
        } => {
            cx.oracle = format!("{} [section {n} after {marker:?}]", cx.oracle);
            let Some(part) = section(&mut cx, &lines, marker, *n) else {
                return;
            };
            let items = op::parse_short_form(part);
            compare_short_form(&mut cx, &items, &events, *start, *database);
        }
        Kind::RowsVerbose { marker } => {
            let Some(part) = op::after_marker(&lines, marker) else {
                cx.fail(0, "oracle section", format!("marker {marker:?} not found"));
                return;
            };
            compare_rows_verbose(&mut cx, part, &events);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------

/// The project's own MariaDB fixture against mariadb-binlog and SHOW BINLOG EVENTS.
#[test]
fn demo_bin_matches_mariadb_binlog_and_show_binlog_events() {
    let dir = common::project_fixtures();
    let bytes = std::fs::read(dir.join("demo.bin")).expect("fixtures/demo.bin");
    let (events, err) = read_events(&bytes);
    let mut rep = Report::default();
    rep.binlogs.insert("fixtures/demo.bin".into());
    {
        let text = std::fs::read(dir.join("demo.mariadb-binlog.txt")).expect("oracle");
        rep.oracles
            .insert("fixtures/demo.mariadb-binlog.txt".into());
        let mut cx = Cx {
            rep: &mut rep,
            oracle: "fixtures/demo.mariadb-binlog.txt".into(),
        };
        cx.eq(
            0,
            "the library reads the whole file without error",
            None,
            err.clone(),
        );
        let dump = op::parse_dump(&op::read_lines(&text));
        compare_dump(&mut cx, &dump, &events, false);
        // The tool ran with TZ=UTC (fixtures/README.md): the printed times are UTC.
        cx.eq(
            dump.events.first().map_or(0, |e| e.line),
            "printed header time (TZ=UTC) − UTC timestamp",
            Some(0),
            dump.events.iter().zip(&events).find_map(|(o, e)| {
                o.header
                    .as_ref()
                    .map(|h| h.time.as_if_utc() - i64::from(e.header.timestamp))
            }),
        );
    }
    {
        let text = std::fs::read(dir.join("demo.show-binlog-events.txt")).expect("oracle");
        rep.oracles
            .insert("fixtures/demo.show-binlog-events.txt".into());
        let mut cx = Cx {
            rep: &mut rep,
            oracle: "fixtures/demo.show-binlog-events.txt".into(),
        };
        let rows = op::parse_show_tsv(&op::read_lines(&text));
        // The server's file was binlog.000001; the fixture is a copy named demo.bin.
        compare_show(&mut cx, &rows, &events, Some("binlog.000001"), 0, false);
    }
    rep.finish("demo.bin oracles");
}

/// Every oracle of the shared corpus against its binlog.
#[test]
fn shared_binlogs_match_their_oracles() {
    let Some(root) = common::shared_fixtures() else {
        return;
    };
    let binlogs = root.join("mysql");
    let oracles = binlogs.join("oracles");
    let mut rep = Report::default();
    for pair in shared_pairs() {
        run_pair(&mut rep, &oracles, &binlogs, &pair);
    }
    let files = rep.binlogs.len();
    assert!(
        files >= 20,
        "only {files} binlog files were compared with an oracle"
    );
    rep.finish("shared oracles");
}
