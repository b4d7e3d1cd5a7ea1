//! The text output: what `mysqlbinlog` prints (MySQL 8.0 by default; 5.6, 5.7 and
//! MariaDB's `mariadb-binlog` on request), line for line.
//!
//! mysqlbinlog does not write an event's text straight out: it builds it in three
//! caches (`head`: `# at`, the header line and statement text; `body`: the `BINLOG '…'`
//! base64 of a row statement; `footer`: its `###` lines) and flushes them at moments
//! that decide the order of the output. This printer keeps the same three buffers and
//! flushes them at the same moments (see /work/notes/mysqlbinlog-text.md §1):
//!
//! * a `# at N` line goes into `head` before any filter looks at the event, so an
//!   event dropped by `--database` or a GTID filter leaves its `# at` to come out with
//!   the next printed event;
//! * MySQL holds INTVAR, RAND and USER_VAR events back until their QUERY (their `# at`
//!   lines come out at once, their text with the QUERY's);
//! * a row statement's base64 and `###` lines come out at its `STMT_END_F` event;
//! * MariaDB writes `# at` directly and prints an ANNOTATE_ROWS with the TABLE_MAP
//!   after it.

use std::io::{self, Write};

use binlogkit::events::rows::RowsKind;
use binlogkit::events::{
    CreateFileEvent, GtidEvent, LoadEvent, MariadbGtidEvent, QueryEvent, RowsEvent, TableMapEvent,
    UserVarEvent,
};
use binlogkit::events::{PayloadCompression, user_var::UserVarValue};
use binlogkit::sql::{self, Dialect};
use binlogkit::{BinlogEvent, ChecksumAlg, Decoder, Event};

use super::dump::{DumpError, Item, Options, Sink};
use super::filter::{self, Verdict};

/// `--base64-output`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Base64Output {
    /// `AUTO` (and `UNSPEC`): `BINLOG '...'` blocks for the format description and the
    /// row events.
    #[default]
    Auto,
    /// `NEVER`: no blocks; row events are an error (MySQL).
    Never,
    /// `DECODE-ROWS`: no blocks; rows only as `###` lines with `-v`.
    DecodeRows,
}

/// How the text output looks.
#[derive(Clone, Debug)]
pub struct TextOptions {
    /// `-v` count: 1 prints rows as `###` pseudo-SQL, 2 adds type comments.
    pub verbosity: u8,
    /// `--base64-output`.
    pub base64_output: Base64Output,
    /// `-H`/`--hexdump`.
    pub hexdump: bool,
    /// `-s`/`--short-form`.
    pub short_form: bool,
    /// `--print-table-metadata`.
    pub print_table_metadata: bool,
    /// `--rewrite-db=from->to`, in order.
    pub rewrite_db: Vec<(String, String)>,
    /// Whose output to reproduce (`--compat`).
    pub dialect: Dialect,
    /// The time zone of the header times, as seconds east of UTC; `None`: the local
    /// zone (`TZ`), as mysqlbinlog uses `localtime`.
    pub utc_offset: Option<i32>,
    /// The zone name the 8.0 GTID comment lines print (`%Z`); `None`: `UTC` at offset
    /// 0, otherwise the offset as `+08` (glibc's name for a zone given as an offset).
    pub zone_name: Option<String>,
    /// Where mysqlbinlog would put LOAD DATA temp files (`--local-load`): only the
    /// name printed in `LOAD DATA LOCAL INFILE '...'` (the files are not written).
    pub local_load_dir: String,
    /// `--local-load=DIR` given: write the LOAD DATA files there (the blocks of
    /// BEGIN_LOAD_QUERY and APPEND_BLOCK events), so that the output replays through
    /// `mysql --local-infile`. Without it nothing is written: a dump to read does not
    /// leave files behind (mysqlbinlog writes them to its tmpdir every time).
    pub write_load_files: bool,
    /// Print mysqlbinlog's warnings on standard error (a range that ends inside a
    /// statement); the fuzzer turns them off.
    pub warnings: bool,
}

impl Default for TextOptions {
    fn default() -> Self {
        TextOptions {
            verbosity: 0,
            base64_output: Base64Output::Auto,
            hexdump: false,
            short_form: false,
            print_table_metadata: false,
            rewrite_db: Vec::new(),
            dialect: Dialect::Mysql80,
            utc_offset: None,
            zone_name: None,
            local_load_dir: "/tmp".to_owned(),
            write_load_files: false,
            warnings: true,
        }
    }
}

/// The statement delimiter mysqlbinlog sets after its preamble.
const D: &[u8] = b"/*!*/;";

/// Query flags2 bits (`OPTION_*`) that mysqlbinlog turns into `SET @@session.…`.
const OPTION_AUTO_IS_NULL: u32 = 1 << 14;
const OPTION_NO_CHECK_CONSTRAINT_CHECKS: u32 = 1 << 15;
const OPTION_NOT_AUTOCOMMIT: u32 = 1 << 19;
const OPTION_EXPLICIT_DEF_TIMESTAMP: u32 = 1 << 24;
const OPTION_NO_FOREIGN_KEY_CHECKS: u32 = 1 << 26;
const OPTION_RELAXED_UNIQUE_CHECKS: u32 = 1 << 27;
const OPTION_IF_EXISTS: u32 = 1 << 30;
const OPTION_INSERT_HISTORY: u32 = 1 << 31;

/// Event header flags.
const LOG_EVENT_BINLOG_IN_USE_F: u16 = 0x0001;
const LOG_EVENT_THREAD_SPECIFIC_F: u16 = 0x0004;
const LOG_EVENT_SUPPRESS_USE_F: u16 = 0x0008;
const LOG_EVENT_ARTIFICIAL_F: u16 = 0x0020;
const LOG_EVENT_RELAY_LOG_F: u16 = 0x0040;

/// mysqlbinlog's PRINT_EVENT_INFO: what the session lines of the last printed QUERY
/// set, so that the next one prints only what changed. It lives for the whole run.
#[derive(Debug)]
struct Session {
    db: Vec<u8>,
    thread_id: u32,
    thread_id_printed: bool,
    flags2: Option<u32>,
    sql_mode: Option<u64>,
    auto_increment: (u16, u16),
    charset: Option<(u16, u16, u16)>,
    time_zone: Vec<u8>,
    lc_time_names: u32,
    collation_database: u32,
    default_collation_for_utf8mb4: u32,
    /// MariaDB GTID session lines.
    allow_parallel: Option<bool>,
    domain_id: Option<u32>,
    server_id: Option<u32>,
}

impl Default for Session {
    fn default() -> Self {
        Session {
            db: Vec::new(),
            thread_id: 0,
            thread_id_printed: false,
            flags2: None,
            sql_mode: None,
            auto_increment: (0, 0),
            charset: None,
            time_zone: Vec::new(),
            lc_time_names: u32::MAX,
            collation_database: u32::MAX,
            default_collation_for_utf8mb4: u32::MAX,
            allow_parallel: None,
            domain_id: None,
            server_id: None,
        }
    }
}

/// A CREATE_FILE event kept until its EXEC_LOAD: the LOAD DATA statement it carries
/// (owned, the event's bytes are gone by then), its header line and the local file its
/// blocks go to.
#[derive(Debug)]
struct CreatedFile {
    file_id: u32,
    /// The local file name the statement names at EXEC_LOAD.
    local_name: String,
    /// The CREATE_FILE's header line (`#<time> server id …`), printed again at EXEC_LOAD.
    header: Vec<u8>,
    flags: u16,
    block_len: usize,
    thread_id: u32,
    exec_time: u32,
    skip_lines: u32,
    /// Field terminator, enclosure, line terminator, line start, escape.
    options: [Vec<u8>; 5],
    opt_flags: u8,
    fields: Vec<Vec<u8>>,
    table: Vec<u8>,
    database: Vec<u8>,
}

impl CreatedFile {
    /// The statement, naming the local file.
    fn load(&self) -> LoadEvent<'_> {
        let [field_term, enclosed, line_term, line_start, escaped] = &self.options;
        LoadEvent {
            new_format: true,
            thread_id: self.thread_id,
            exec_time: self.exec_time,
            skip_lines: self.skip_lines,
            field_term,
            enclosed,
            line_term,
            line_start,
            escaped,
            opt_flags: self.opt_flags,
            fields: self.fields.iter().map(Vec::as_slice).collect(),
            table: &self.table,
            database: &self.database,
            file_name: self.local_name.as_bytes(),
        }
    }
}

/// LOAD DATA option flags (`sql_ex_info`).
const OPT_ENCLOSED_FLAG: u8 = 0x2;
const REPLACE_FLAG: u8 = 0x4;
const IGNORE_FLAG: u8 = 0x8;

/// The text printer.
#[derive(Debug)]
pub struct TextSink {
    o: TextOptions,
    skip_gtids: bool,
    start_position: Option<u64>,
    head: Vec<u8>,
    body: Vec<u8>,
    footer: Vec<u8>,
    /// MySQL: INTVAR, RAND and USER_VAR texts waiting for their QUERY.
    held: Vec<u8>,
    /// MariaDB: the ANNOTATE_ROWS text waiting for its TABLE_MAP.
    annotate: Vec<u8>,
    session: Session,
    /// A format description was printed as base64 (row events need one before them).
    printed_fd: bool,
    /// Format descriptions of binlogs (not relay logs) seen: the second ends the first
    /// binlog's session lines (5.7, 8.0).
    binlog_fds: usize,
    in_transaction: bool,
    seen_gtid: bool,
    /// 5.6: a GTID was printed, so the end sets GTID_NEXT back.
    any_gtid: bool,
    skipped_in_transaction: bool,
    /// The TRANSACTION_PAYLOAD whose inner events are being printed (its offset).
    payload: Option<u64>,
    /// The last GTID's immediate server version (8.0's invisible primary key line).
    immediate_server_version: Option<u32>,
    /// LOAD DATA temp files created so far (their names count up).
    load_files: Vec<(u32, String)>,
    /// Pre-5.0 LOAD DATA: the CREATE_FILE events whose EXEC_LOAD is still to come
    /// (mysqlbinlog's `Load_log_processor` keeps them to print the statement then).
    created_files: Vec<CreatedFile>,
    /// Writing a LOAD DATA file failed: the message, returned after the event.
    load_error: Option<String>,
    /// MariaDB: the rows of the row statement so far.
    statement_rows: usize,
    /// The last header time printed: (timestamp, its text).
    time_cache: Option<(u32, [u8; 15])>,
}

impl TextSink {
    /// A printer for `options`.
    pub fn new(options: &Options) -> TextSink {
        TextSink {
            o: options.text.clone(),
            skip_gtids: options.filter.skip_gtids,
            start_position: options.filter.start_position,
            head: Vec::with_capacity(4096),
            body: Vec::with_capacity(4096),
            footer: Vec::with_capacity(4096),
            held: Vec::new(),
            annotate: Vec::new(),
            session: Session::default(),
            printed_fd: false,
            binlog_fds: 0,
            in_transaction: false,
            seen_gtid: false,
            any_gtid: false,
            skipped_in_transaction: false,
            payload: None,
            immediate_server_version: None,
            load_files: Vec::new(),
            created_files: Vec::new(),
            load_error: None,
            time_cache: None,
            statement_rows: 0,
        }
    }

    fn mariadb(&self) -> bool {
        self.o.dialect == Dialect::Mariadb
    }

    fn base64(&self) -> bool {
        self.o.base64_output == Base64Output::Auto && !self.o.short_form
    }

    fn flush_head(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(&self.head)?;
        self.head.clear();
        Ok(())
    }

    fn flush_all(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(&self.head)?;
        out.write_all(&self.body)?;
        out.write_all(&self.footer)?;
        self.head.clear();
        self.body.clear();
        self.footer.clear();
        Ok(())
    }

    // -----------------------------------------------------------------------------
    // Times

    fn offset_at(&self, ts: i64) -> i64 {
        match self.o.utc_offset {
            Some(offset) => i64::from(offset),
            None => {
                use chrono::{Local, Offset, TimeZone};
                match Local.timestamp_opt(ts, 0) {
                    chrono::LocalResult::Single(t) | chrono::LocalResult::Ambiguous(t, _) => {
                        i64::from(t.offset().fix().local_minus_utc())
                    }
                    chrono::LocalResult::None => 0,
                }
            }
        }
    }

    /// The local civil time of `ts`: (year, month, day, hour, minute, second).
    fn civil(&self, ts: i64) -> (i64, u32, u32, u32, u32, u32) {
        use chrono::{Datelike, Timelike};
        // Header times are u32 seconds: always within chrono's range, even shifted by a
        // day's offset.
        let t = chrono::DateTime::from_timestamp(ts.saturating_add(self.offset_at(ts)), 0)
            .unwrap_or_default()
            .naive_utc();
        (
            i64::from(t.year()),
            t.month(),
            t.day(),
            t.hour(),
            t.minute(),
            t.second(),
        )
    }

    /// `YYMMDD HH:MM:SS` with the hour space-padded (`print_timestamp`).
    fn write_time(&mut self, buf: Buf, ts: u32) {
        let text = match self.time_cache {
            Some((cached, text)) if cached == ts => text,
            _ => {
                let (y, m, d, hh, mm, ss) = self.civil(i64::from(ts));
                let mut text = [b' '; 15];
                let s = format!(
                    "{:02}{:02}{:02} {:>2}:{:02}:{:02}",
                    y.rem_euclid(100),
                    m,
                    d,
                    hh,
                    mm,
                    ss
                );
                if let Some(dst) = text.get_mut(..s.len().min(15)) {
                    dst.copy_from_slice(s.as_bytes().get(..dst.len()).unwrap_or_default());
                }
                self.time_cache = Some((ts, text));
                text
            }
        };
        self.buf(buf).extend_from_slice(&text);
    }

    /// `YYYY-MM-DD HH:MM:SS.uuuuuu ZONE` of a microsecond timestamp (8.0 GTID lines).
    fn micro_time(&self, micros: u64) -> String {
        let secs = i64::try_from(micros / 1_000_000).unwrap_or(i64::MAX);
        let (y, m, d, hh, mm, ss) = self.civil(secs);
        let zone = match &self.o.zone_name {
            Some(name) => name.clone(),
            None => {
                let offset = self.offset_at(secs);
                if offset == 0 {
                    "UTC".to_owned()
                } else {
                    let sign = if offset < 0 { '-' } else { '+' };
                    let a = offset.unsigned_abs();
                    if a % 3600 == 0 {
                        format!("{sign}{:02}", a / 3600)
                    } else {
                        format!("{sign}{:02}{:02}", a / 3600, a / 60 % 60)
                    }
                }
            }
        };
        format!(
            "{y:04}-{m:02}-{d:02} {hh:02}:{mm:02}:{ss:02}.{:06} {zone}",
            micros % 1_000_000
        )
    }

    fn buf(&mut self, buf: Buf) -> &mut Vec<u8> {
        match buf {
            Buf::Head => &mut self.head,
            Buf::Held => &mut self.held,
            Buf::Annotate => &mut self.annotate,
        }
    }

    // -----------------------------------------------------------------------------
    // Header line

    /// `#YYMMDD HH:MM:SS server id N  end_log_pos P [CRC32 0x… ]`, then the hexdump
    /// and `# ` when asked for: everything before the event's own text.
    fn header(&mut self, buf: Buf, item: &Item<'_, '_>, dump_at: u64) {
        let event = item.event;
        let h = &event.header;
        let log_pos = match item.payload {
            Some(p) => p.log_pos,
            // A 4.x (binlog v3) header holds the event's start: mysqlbinlog shows its end.
            None if h.log_pos != 0
                && h.event_type.0 < 15
                && item.decoder.format().binlog_version() == 3 =>
            {
                u64::from(h.log_pos) + u64::from(h.event_size)
            }
            None => u64::from(h.log_pos),
        };
        self.buf(buf).push(b'#');
        self.write_time(buf, h.timestamp);
        let crc = checksum_of(event, item.decoder, item.payload.is_some());
        let b = self.buf(buf);
        let _ = write!(b, " server id {}  end_log_pos {log_pos} ", h.server_id);
        if let Some(crc) = crc {
            let _ = write!(b, "CRC32 0x{crc:08x} ");
        }
        if self.o.hexdump {
            let header_len = item.decoder.format().header_len();
            let dialect = self.o.dialect;
            let raw = match &event.event {
                Event::Rows(rows) if rows.compressed && dialect == Dialect::Mariadb => {
                    uncompressed_rows_event(event, rows, item.decoder)
                        .map(std::borrow::Cow::Owned)
                        .unwrap_or(std::borrow::Cow::Borrowed(event.raw))
                }
                Event::TableMap(map) if self.rewritten(map.database) != map.database => {
                    let db = self.rewritten(map.database).to_vec();
                    let raw = event_bytes(event, item.decoder, item.payload.is_some());
                    rewrite_table_map(&raw, item.decoder, map, &db, dialect == Dialect::Mysql80)
                        .map(std::borrow::Cow::Owned)
                        .unwrap_or(raw)
                }
                _ => event_bytes(event, item.decoder, item.payload.is_some()),
            };
            let b = self.buf(buf);
            b.push(b'\n');
            match dialect {
                Dialect::Mariadb => hexdump_mariadb(b, &raw, dump_at),
                _ => hexdump_mysql(b, &raw, dump_at, dialect, header_len),
            }
            if dialect == Dialect::Mariadb {
                b.extend_from_slice(b"# Event: ");
            } else {
                b.extend_from_slice(b"# ");
            }
        }
    }

    // -----------------------------------------------------------------------------
    // The run

    fn preamble(&self, out: &mut dyn Write) -> io::Result<()> {
        if self.o.dialect == Dialect::Mysql80 {
            out.write_all(
                b"# The proper term is pseudo_replica_mode, but we use this compatibility alias\n\
                  # to make the statement usable on server versions 8.0.24 and older.\n",
            )?;
        }
        out.write_all(b"/*!50530 SET @@SESSION.PSEUDO_SLAVE_MODE=1*/;\n")?;
        match self.o.dialect {
            Dialect::Mysql56 => {
                out.write_all(b"/*!40019 SET @@session.max_insert_delayed_threads=0*/;\n")?
            }
            Dialect::Mariadb => {
                out.write_all(b"/*!40019 SET @@session.max_delayed_threads=0*/;\n")?
            }
            _ => {}
        }
        out.write_all(
            b"/*!50003 SET @OLD_COMPLETION_TYPE=@@COMPLETION_TYPE,COMPLETION_TYPE=0*/;\n\
              DELIMITER /*!*/;\n",
        )
    }

    /// mysqlbinlog's `end_binlog()` (5.7, 8.0): closes what the binlog left open.
    fn end_binlog(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.in_transaction {
            out.write_all(b"ROLLBACK /* added by mysqlbinlog */ /*!*/;\n")?;
        } else if self.seen_gtid && !self.skip_gtids {
            out.write_all(
                b"BEGIN /*added by mysqlbinlog */ /*!*/;\nROLLBACK /* added by mysqlbinlog */ /*!*/;\n",
            )?;
        }
        if !self.skip_gtids {
            out.write_all(
                b"SET @@SESSION.GTID_NEXT= 'AUTOMATIC' /* added by mysqlbinlog */ /*!*/;\n",
            )?;
        }
        self.in_transaction = false;
        self.seen_gtid = false;
        Ok(())
    }

    fn trailer(&mut self, out: &mut dyn Write) -> io::Result<()> {
        match self.o.dialect {
            Dialect::Mariadb => {}
            Dialect::Mysql56 => {
                if self.any_gtid && !self.skip_gtids {
                    out.write_all(
                        b"SET @@SESSION.GTID_NEXT= 'AUTOMATIC' /* added by mysqlbinlog *//*!*/;\n",
                    )?;
                }
            }
            Dialect::Mysql57 | Dialect::Mysql80 => {
                if self.skipped_in_transaction {
                    out.write_all(b"COMMIT /* added by mysqlbinlog *//*!*/;\n")?;
                    self.skipped_in_transaction = false;
                }
                self.end_binlog(out)?;
            }
        }
        out.write_all(b"DELIMITER ;\n# End of log file\n")?;
        if matches!(self.o.dialect, Dialect::Mysql56 | Dialect::Mariadb) {
            out.write_all(b"ROLLBACK /* added by mysqlbinlog */;\n")?;
        }
        out.write_all(
            b"/*!50003 SET COMPLETION_TYPE=@OLD_COMPLETION_TYPE*/;\n\
              /*!50530 SET @@SESSION.PSEUDO_SLAVE_MODE=0*/;\n",
        )
    }

    /// The `# End of compressed events` line once the payload's inner events are over.
    fn close_payload(&mut self, item: &Item<'_, '_>) {
        if let Some(open) = self.payload {
            if item.payload.map(|p| p.offset) != Some(open) {
                self.payload = None;
                if !self.o.short_form {
                    self.head
                        .extend_from_slice(b"# End of compressed events!\n");
                }
            }
        }
    }

    fn event_mysql(&mut self, out: &mut dyn Write, item: &Item<'_, '_>) -> Result<(), DumpError> {
        let event = item.event;
        let is_fd = matches!(event.event, Event::FormatDescription(_));
        if is_fd
            && item.payload.is_none()
            && event.header.flags.0 & LOG_EVENT_RELAY_LOG_F == 0
            && event.header.log_pos != 0
        {
            if self.binlog_fds > 0 && self.o.dialect != Dialect::Mysql56 {
                self.end_binlog(out)?;
            }
            self.binlog_fds += 1;
        }
        // 5.6 and 5.7 read the format description of a dump that starts further on
        // silently unless the base64 output is on.
        if self.start_position.is_some_and(|p| p > 4)
            && item.payload.is_none()
            && matches!(event.event, Event::FormatDescription(_) | Event::StartV3(_))
            && (self.o.base64_output != Base64Output::Auto
                || matches!(event.event, Event::StartV3(_)))
        {
            return Ok(());
        }
        if let Event::Encrypted(_) = event.event {
            return Err(encrypted(item));
        }
        self.close_payload(item);
        if !self.o.short_form {
            let at = item.payload.map_or(event.offset, |p| p.end);
            let _ = writeln!(self.head, "# at {at}");
        }
        if let Verdict::Dropped(reason) = item.verdict {
            self.dropped_mysql(out, item, reason)?;
            return Ok(());
        }
        match &event.event {
            Event::Intvar(_) | Event::Rand(_) | Event::UserVar(_) => {
                self.flush_head(out)?;
                self.simple_event(Buf::Held, item, event.offset);
                return Ok(());
            }
            Event::Query(q) | Event::ExecuteLoadQuery(q) => {
                self.track_transaction(q);
                let held = std::mem::take(&mut self.held);
                self.head.extend_from_slice(&held);
                self.held = held;
                self.held.clear();
                self.query(item, q);
                self.flush_head(out)?;
                return Ok(());
            }
            Event::Xid(_) => {
                self.in_transaction = false;
                self.seen_gtid = false;
            }
            Event::Gtid(_) | Event::AnonymousGtid(_) => {
                if self.skipped_in_transaction {
                    out.write_all(b"COMMIT /* added by mysqlbinlog *//*!*/;\n")?;
                    self.skipped_in_transaction = false;
                }
                self.seen_gtid = true;
                self.any_gtid = true;
            }
            Event::Rows(rows) => {
                if !self.o.short_form
                    && !self.printed_fd
                    && self.o.base64_output != Base64Output::DecodeRows
                {
                    let name = rows_type_name(event, rows, Dialect::Mysql57);
                    let message = if self.o.base64_output == Base64Output::Never {
                        format!(
                            "--base64-output=never specified, but binlog contains a {name} event which must be printed in base64."
                        )
                    } else {
                        format!(
                            "malformed binlog: it does not contain any Format_description_log_event. I now found a {name} event, which is not safe to process without a Format_description_log_event."
                        )
                    };
                    self.head.clear();
                    return Err(DumpError::Refused {
                        file: item.file.to_owned(),
                        message,
                    });
                }
                self.rows(item, rows)?;
                if rows.is_statement_end() {
                    self.flush_all(out)?;
                } else {
                    self.flush_head(out)?;
                }
                return Ok(());
            }
            Event::TransactionPayload(_) => {
                self.simple_event(Buf::Head, item, event.offset);
                self.payload = Some(event.offset);
                if !self.o.short_form {
                    self.head
                        .extend_from_slice(b"# Start of compressed events!\n");
                }
                // The start line comes out with the first inner event.
                return Ok(());
            }
            _ => {}
        }
        self.simple_event(Buf::Head, item, event.offset);
        self.flush_head(out)?;
        Ok(())
    }

    /// An event the `--database` or GTID filters dropped: its `# at` stays in `head`.
    fn dropped_mysql(
        &mut self,
        out: &mut dyn Write,
        item: &Item<'_, '_>,
        reason: filter::DropReason,
    ) -> io::Result<()> {
        let modern = self.o.dialect != Dialect::Mysql56;
        match &item.event.event {
            Event::Query(q) | Event::ExecuteLoadQuery(q) => {
                self.held.clear();
                if reason != filter::DropReason::Gtid && modern {
                    let starts = filter::is_transaction_keyword(&q.query);
                    if self.seen_gtid && !self.in_transaction && !starts {
                        out.write_all(b"COMMIT /* added by mysqlbinlog *//*!*/;\n")?;
                    } else {
                        self.skipped_in_transaction = true;
                    }
                }
                self.track_transaction(q);
            }
            Event::TableMap(_) if reason != filter::DropReason::Gtid && modern => {
                self.skipped_in_transaction = true;
            }
            Event::Rows(rows) if rows.is_statement_end() && !self.body.is_empty() => {
                self.body.extend_from_slice(b"'");
                self.body.extend_from_slice(D);
                self.body.push(b'\n');
                let head = std::mem::take(&mut self.head);
                out.write_all(&self.body)?;
                out.write_all(&self.footer)?;
                self.body.clear();
                self.footer.clear();
                self.head = head;
            }
            Event::Xid(_) => {
                self.in_transaction = false;
            }
            _ => {}
        }
        Ok(())
    }

    fn track_transaction(&mut self, q: &QueryEvent<'_>) {
        let query: &[u8] = &q.query;
        if filter::starts_with_words(query, &["BEGIN"])
            || filter::starts_with_words(query, &["XA", "START"])
        {
            self.in_transaction = true;
        } else if filter::ends_group(query) {
            self.in_transaction = false;
        }
        self.seen_gtid = false;
    }

    fn event_mariadb(&mut self, out: &mut dyn Write, item: &Item<'_, '_>) -> Result<(), DumpError> {
        let event = item.event;
        if self.start_position.is_some_and(|p| p > 4) && matches!(event.event, Event::StartV3(_)) {
            return Ok(());
        }
        if let Event::Encrypted(_) = event.event {
            return Err(encrypted(item));
        }
        if !self.o.short_form {
            let _ = writeln!(out, "# at {}", event.offset);
        }
        if matches!(item.verdict, Verdict::Dropped(_)) {
            return Ok(());
        }
        match &event.event {
            Event::AnnotateRows(_) => {
                // mariadb-binlog prints the annotation with the table map after it,
                // and its hexdump with that table map's position.
                self.annotate.clear();
                self.simple_event(Buf::Annotate, item, event.end_offset());
                return Ok(());
            }
            Event::TableMap(_) => {
                self.flush_annotate();
                self.simple_event(Buf::Head, item, event.offset);
                self.flush_head(out)?;
                return Ok(());
            }
            Event::Rows(rows) => {
                self.rows(item, rows)?;
                if rows.is_statement_end() {
                    self.flush_all(out)?;
                }
                return Ok(());
            }
            Event::Query(q) | Event::ExecuteLoadQuery(q) => {
                self.flush_annotate();
                self.query(item, q);
                self.flush_head(out)?;
                return Ok(());
            }
            _ => {}
        }
        self.flush_annotate();
        self.simple_event(Buf::Head, item, event.offset);
        self.flush_head(out)?;
        Ok(())
    }

    fn flush_annotate(&mut self) {
        if !self.annotate.is_empty() {
            let annotate = std::mem::take(&mut self.annotate);
            self.head.extend_from_slice(&annotate);
            self.annotate = annotate;
            self.annotate.clear();
        }
    }
}

/// Which buffer a text goes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Buf {
    Head,
    Held,
    Annotate,
}

impl TextSink {
    /// The text of every event but QUERY and the row events, into `buf`.
    fn simple_event(&mut self, buf: Buf, item: &Item<'_, '_>, dump_at: u64) {
        let event = item.event;
        let short = self.o.short_form;
        let mariadb = self.mariadb();
        match &event.event {
            Event::FormatDescription(fd) => {
                self.format_description(
                    buf,
                    item,
                    dump_at,
                    fd.binlog_version,
                    fd.server_version,
                    fd.create_timestamp,
                );
            }
            Event::StartV3(s) => {
                self.format_description(
                    buf,
                    item,
                    dump_at,
                    s.binlog_version,
                    s.server_version,
                    s.create_timestamp,
                );
            }
            Event::Intvar(iv) => {
                if !short {
                    self.header(buf, item, dump_at);
                    self.buf(buf).extend_from_slice(b"\tIntvar\n");
                }
                let name = iv.name().unwrap_or("INVALID_INT");
                let b = self.buf(buf);
                let _ = write!(b, "SET {name}={}", iv.value as i64);
                end_statement_inline(b);
            }
            Event::Rand(r) => {
                if !short {
                    self.header(buf, item, dump_at);
                    self.buf(buf).extend_from_slice(b"\tRand\n");
                }
                let b = self.buf(buf);
                let _ = write!(
                    b,
                    "SET @@RAND_SEED1={}, @@RAND_SEED2={}",
                    r.seed1 as i64, r.seed2 as i64
                );
                end_statement_inline(b);
            }
            Event::UserVar(uv) => {
                if !short {
                    self.header(buf, item, dump_at);
                    self.buf(buf).extend_from_slice(b"\tUser_var\n");
                }
                let dialect = self.o.dialect;
                user_var(self.buf(buf), uv, dialect);
            }
            Event::Xid(x) => {
                if !short {
                    self.header(buf, item, dump_at);
                    let _ = writeln!(self.buf(buf), "\tXid = {}", x.xid);
                }
                let b = self.buf(buf);
                b.extend_from_slice(b"COMMIT");
                end_statement_inline(b);
            }
            Event::Rotate(r) => {
                if !short {
                    self.header(buf, item, dump_at);
                    let b = self.buf(buf);
                    b.extend_from_slice(b"\tRotate to ");
                    b.extend_from_slice(r.next_file);
                    let _ = writeln!(b, "  pos: {}", r.position as i64);
                }
            }
            Event::Stop(_) => {
                if !short {
                    self.header(buf, item, dump_at);
                    self.buf(buf).extend_from_slice(b"\tStop\n");
                }
            }
            Event::TableMap(map) => self.table_map(buf, item, map, dump_at),
            Event::RowsQuery(rq) => {
                if mariadb {
                    self.ignorable_mariadb(buf, item, dump_at, "MySQL Rows_query");
                } else if self.o.verbosity > 1 && !short {
                    self.header(buf, item, dump_at);
                    let b = self.buf(buf);
                    b.extend_from_slice(b"\tRows_query\n");
                    for line in rq.query.split(|&c| c == b'\n').filter(|l| !l.is_empty()) {
                        b.extend_from_slice(b"# ");
                        b.extend_from_slice(line);
                        b.push(b'\n');
                    }
                    if self.base64() {
                        let raw = event_bytes(event, item.decoder, item.payload.is_some());
                        base64_block(&mut self.body, &raw, true);
                    }
                }
            }
            Event::AnnotateRows(a) => {
                if short {
                    self.buf(buf).extend_from_slice(b"# Annotate_rows:\n");
                } else {
                    self.header(buf, item, dump_at);
                    self.buf(buf).extend_from_slice(b"\tAnnotate_rows:\n");
                }
                let b = self.buf(buf);
                for line in a
                    .query
                    .split(|&c| c == b'\n' || c == b'\r')
                    .filter(|l| !l.is_empty())
                {
                    b.extend_from_slice(b"#Q> ");
                    b.extend_from_slice(line);
                    b.push(b'\n');
                }
            }
            Event::Gtid(g) | Event::AnonymousGtid(g) => {
                if mariadb {
                    let name = if matches!(event.event, Event::Gtid(_)) {
                        "MySQL Gtid"
                    } else {
                        "MySQL Anonymous_Gtid"
                    };
                    self.ignorable_mariadb(buf, item, dump_at, name);
                } else {
                    let anonymous = matches!(event.event, Event::AnonymousGtid(_));
                    self.gtid(buf, item, g, anonymous, dump_at);
                }
            }
            Event::PreviousGtids(p) => {
                if mariadb {
                    self.ignorable_mariadb(buf, item, dump_at, "MySQL Previous_gtids");
                    return;
                }
                if !short {
                    self.header(buf, item, dump_at);
                    self.buf(buf).extend_from_slice(b"\tPrevious-GTIDs\n");
                }
                let set = p.gtid_set();
                let b = self.buf(buf);
                if set.is_empty() {
                    b.extend_from_slice(b"# [empty]\n");
                } else {
                    let _ = writeln!(b, "# {}", set.display_with(",\n# "));
                }
            }
            Event::TransactionPayload(tp) => {
                if !short {
                    self.header(buf, item, dump_at);
                    let b = self.buf(buf);
                    let kind = match tp.compression {
                        PayloadCompression::Zstd => "ZSTD".to_owned(),
                        PayloadCompression::None => "NONE".to_owned(),
                        PayloadCompression::Other(n) => format!("UNKNOWN({n})"),
                    };
                    let _ = write!(
                        b,
                        "\tTransaction_Payload\tpayload_size={}\tcompression_type={kind}",
                        tp.payload.len()
                    );
                    if tp.compression != PayloadCompression::None {
                        let _ = write!(
                            b,
                            "\tuncompressed_size={}",
                            tp.uncompressed_size.unwrap_or(0)
                        );
                    }
                    b.push(b'\n');
                }
            }
            Event::Incident(i) => {
                if !short {
                    self.header(buf, item, dump_at);
                    let _ = writeln!(
                        self.buf(buf),
                        "\n# Incident: {}\nRELOAD DATABASE; # Shall generate syntax error",
                        i.name()
                    );
                }
            }
            Event::Ignorable(_) => {
                if !short {
                    self.header(buf, item, dump_at);
                    self.buf(buf)
                        .extend_from_slice(b"\tIgnorable\n# Unrecognized ignorable event\n");
                }
            }
            Event::BeginLoadQuery(a) | Event::AppendBlock(a) => {
                let begin = matches!(event.event, Event::BeginLoadQuery(_));
                if begin {
                    self.new_load_file(a.file_id);
                }
                self.write_load_block(a.file_id, a.block, begin);
                let name = if begin {
                    "Begin_load_query"
                } else {
                    "Append_block"
                };
                if !short {
                    self.header(buf, item, dump_at);
                    let _ = writeln!(
                        self.buf(buf),
                        "\n#{name}: file_id: {}  block_len: {}",
                        a.file_id,
                        a.block.len()
                    );
                }
            }
            Event::DeleteFile(f) => {
                if !short {
                    self.header(buf, item, dump_at);
                    let _ = writeln!(self.buf(buf), "\n#Delete_file: file_id={}", f.file_id);
                }
            }
            Event::Load(load) => {
                if !short {
                    self.header(buf, item, dump_at);
                    load_query_line(self.buf(buf), load);
                }
                self.load_statement(buf, load, event.header.flags.0, false, false);
            }
            Event::CreateFile(cf) => self.create_file(buf, item, dump_at, cf),
            Event::ExecLoad(f) => {
                if !short {
                    self.header(buf, item, dump_at);
                    let _ = writeln!(self.buf(buf), "\n#Exec_load: file_id={}", f.file_id as i32);
                }
                let Some(at) = self
                    .created_files
                    .iter()
                    .rposition(|c| c.file_id == f.file_id)
                else {
                    if self.o.warnings {
                        eprintln!(
                            "WARNING: Ignoring Execute_load_log_event as there is no \
                             Create_file event for file_id: {}",
                            f.file_id
                        );
                    }
                    return;
                };
                let created = self.created_files.remove(at);
                let load = created.load();
                if !short {
                    self.buf(buf).extend_from_slice(&created.header);
                    load_query_line(self.buf(buf), &load);
                }
                self.load_statement(buf, &load, created.flags, false, true);
                if !short {
                    let _ = writeln!(
                        self.buf(buf),
                        "# file_id: {}  block_len: {}",
                        created.file_id as i32,
                        created.block_len as i32
                    );
                }
            }
            Event::XaPrepare(xa) => {
                let xid = xid_text(&xa.xid);
                if !short || !mariadb {
                    self.header(buf, item, dump_at);
                    let word = if mariadb { "XID =" } else { "XA PREPARE" };
                    let _ = writeln!(self.buf(buf), "\t{word} {xid}");
                }
                let b = self.buf(buf);
                if xa.one_phase {
                    let _ = writeln!(b, "XA COMMIT {xid} ONE PHASE");
                } else {
                    let _ = writeln!(b, "XA PREPARE {xid}");
                }
                b.extend_from_slice(D);
                b.push(b'\n');
            }
            Event::TransactionContext(tc) => {
                if !short {
                    self.header(buf, item, dump_at);
                    let b = self.buf(buf);
                    b.extend_from_slice(b"Transaction_context: server_uuid=");
                    b.extend_from_slice(tc.server_uuid);
                    let _ = writeln!(b, "\tthread_id={}", tc.thread_id);
                }
            }
            Event::ViewChange(vc) => {
                if !short {
                    self.header(buf, item, dump_at);
                    let b = self.buf(buf);
                    b.extend_from_slice(b"View_change_log_event: view_id=");
                    b.extend_from_slice(vc.view_id);
                    b.push(b'\n');
                }
            }
            Event::MariadbGtid(g) => self.mariadb_gtid(buf, item, g, dump_at),
            Event::MariadbGtidList(list) => {
                if !short {
                    self.header(buf, item, dump_at);
                    let b = self.buf(buf);
                    b.extend_from_slice(b"\tGtid list [");
                    for (i, g) in list.gtids().enumerate() {
                        if i > 0 {
                            b.extend_from_slice(b",\n# ");
                        }
                        let _ = write!(b, "{g}");
                    }
                    b.extend_from_slice(b"]\n");
                }
            }
            Event::BinlogCheckpoint(c) => {
                if !short {
                    self.header(buf, item, dump_at);
                    let b = self.buf(buf);
                    b.extend_from_slice(b"\tBinlog checkpoint ");
                    b.extend_from_slice(c.file);
                    b.push(b'\n');
                }
            }
            Event::StartEncryption(e) => {
                let b = self.buf(buf);
                let _ = write!(
                    b,
                    "# Encryption scheme: {}, key_version: {}, nonce: ",
                    e.scheme, e.key_version
                );
                for byte in e.nonce {
                    let _ = write!(b, "{byte:02x}");
                }
                b.extend_from_slice(b"\n# The rest of the binlog is encrypted!\n");
            }
            other => {
                // Events mysqlbinlog has no text for (heartbeats, SLAVE,
                // unknown types): a comment naming them, never silence.
                if !short {
                    self.header(buf, item, dump_at);
                    let _ = writeln!(self.buf(buf), "\n# Unknown event ({})", other.kind());
                }
            }
        }
    }

    fn ignorable_mariadb(&mut self, buf: Buf, item: &Item<'_, '_>, dump_at: u64, what: &str) {
        if self.o.short_form {
            return;
        }
        self.header(buf, item, dump_at);
        let _ = writeln!(
            self.buf(buf),
            "\tIgnorable\n# Ignorable event type {} ({what})",
            item.event.header.event_type.0
        );
    }

    fn format_description(
        &mut self,
        buf: Buf,
        item: &Item<'_, '_>,
        dump_at: u64,
        binlog_version: u16,
        server_version: &[u8],
        created: u32,
    ) {
        let h = &item.event.header;
        if !self.o.short_form {
            self.header(buf, item, dump_at);
            let b = self.buf(buf);
            let _ = write!(b, "\tStart: binlog v {binlog_version}, server v ");
            let version = server_version.split(|&c| c == 0).next().unwrap_or_default();
            b.extend_from_slice(version);
            b.extend_from_slice(b" created ");
            self.write_time(buf, h.timestamp);
            let b = self.buf(buf);
            if created != 0 {
                b.extend_from_slice(b" at startup");
            }
            b.push(b'\n');
            if h.flags.0 & LOG_EVENT_BINLOG_IN_USE_F != 0 {
                b.extend_from_slice(
                    b"# Warning: this binlog is either in use or was not closed properly.\n",
                );
            }
        }
        if h.flags.0 & LOG_EVENT_RELAY_LOG_F != 0 && !self.mariadb() {
            let who = if self.o.dialect == Dialect::Mysql80 {
                "replica"
            } else {
                "slave"
            };
            let _ = writeln!(
                self.buf(buf),
                "# This Format_description_event appears in a relay log and was generated by the {who} thread."
            );
            return;
        }
        if h.flags.0 & LOG_EVENT_ARTIFICIAL_F == 0 && created != 0 {
            let b = self.buf(buf);
            b.extend_from_slice(b"ROLLBACK");
            end_statement_inline(b);
        }
        if self.o.base64_output != Base64Output::Never && !self.o.short_form {
            if self.o.base64_output == Base64Output::Auto {
                let raw = event_bytes(item.event, item.decoder, item.payload.is_some());
                let b = self.buf(buf);
                b.extend_from_slice(b"BINLOG '\n");
                base64_wrapped(b, &raw);
                b.extend_from_slice(b"\n'");
                end_statement_inline(b);
            }
            self.printed_fd = true;
            if self.skip_gtids && !self.mariadb() {
                let b = self.buf(buf);
                b.extend_from_slice(b"/*!50616 SET @@SESSION.GTID_NEXT='AUTOMATIC'*/");
                end_statement_inline(b);
            }
        }
    }

    /// A CREATE_FILE (4.x LOAD DATA): mysqlbinlog prints the statement commented out
    /// (`# ` before each line, the server's file name) with `# file_id: …`, and from a
    /// binlog v3 or later keeps the event and starts the local file with its block; the
    /// EXEC_LOAD prints the statement again, runnable, as `LOAD DATA LOCAL INFILE` of
    /// that file (`Create_file_log_event::print`, `Load_log_processor::process`).
    fn create_file(
        &mut self,
        buf: Buf,
        item: &Item<'_, '_>,
        dump_at: u64,
        cf: &CreateFileEvent<'_>,
    ) {
        let db = self.rewritten(cf.load.database).to_vec();
        let mut load = cf.load.clone();
        load.database = &db;
        let flags = item.event.header.flags.0;
        if !self.o.short_form {
            self.header(buf, item, dump_at);
            load_query_line(self.buf(buf), &load);
            self.load_statement(buf, &load, flags, true, false);
            let _ = writeln!(
                self.buf(buf),
                "# file_id: {}  block_len: {}",
                cf.file_id as i32,
                cf.block.len() as i32
            );
        }
        // A 3.23 binlog (v1) has no file id: mysqlbinlog leaves its CREATE_FILE alone.
        if item.decoder.format().binlog_version() < 3 {
            return;
        }
        // The header again, for EXEC_LOAD; without the hex dump, which belongs to the
        // event being printed.
        let start = self.head.len();
        let hexdump = std::mem::replace(&mut self.o.hexdump, false);
        self.header(Buf::Head, item, dump_at);
        self.o.hexdump = hexdump;
        let header = self.head.split_off(start);
        // The local file: the server's file name without its directory, then
        // `-<file id>-<n>` with the first n not yet used (mysqlbinlog's
        // `create_unique_file`, in hex).
        let server_name = &cf.load.file_name;
        let base = server_name
            .iter()
            .rposition(|&c| c == b'/')
            .and_then(|slash| server_name.get(slash + 1..))
            .unwrap_or(server_name);
        let stem = format!(
            "{}/{}-{:x}",
            self.o.local_load_dir.trim_end_matches('/'),
            String::from_utf8_lossy(base),
            cf.file_id
        );
        let mut version = 0u32;
        let local_name = loop {
            let candidate = format!("{stem}-{version:x}");
            if !self.load_files.iter().any(|(_, name)| *name == candidate) {
                break candidate;
            }
            version = version.saturating_add(1);
        };
        self.load_files.push((cf.file_id, local_name.clone()));
        self.write_load_block(cf.file_id, cf.block, true);
        let l = &load;
        self.created_files.push(CreatedFile {
            file_id: cf.file_id,
            local_name,
            header,
            flags,
            block_len: cf.block.len(),
            thread_id: l.thread_id,
            exec_time: l.exec_time,
            skip_lines: l.skip_lines,
            options: [
                l.field_term.to_vec(),
                l.enclosed.to_vec(),
                l.line_term.to_vec(),
                l.line_start.to_vec(),
                l.escaped.to_vec(),
            ],
            opt_flags: l.opt_flags,
            fields: l.fields.iter().map(|f| f.to_vec()).collect(),
            table: l.table.to_vec(),
            database: db.clone(),
        });
    }

    /// A LOAD, NEW_LOAD or CREATE_FILE statement as `Load_log_event::print` writes it:
    /// `use`, the pseudo thread id, then `LOAD DATA [LOCAL] INFILE` with every option
    /// spelled out. `commented`: each line starts with `# ` and the database is not
    /// taken as the session's; `local`: the file name is the dump's local file.
    fn load_statement(
        &mut self,
        buf: Buf,
        load: &LoadEvent<'_>,
        flags: u16,
        commented: bool,
        local: bool,
    ) {
        let hash = if commented { "# " } else { "" };
        let different_db = self.session.db.as_slice() != load.database;
        if different_db && !commented {
            self.session.db = load.database.to_vec();
        }
        let b = self.buf(buf);
        if different_db && !load.database.is_empty() {
            b.extend_from_slice(hash.as_bytes());
            b.extend_from_slice(b"use ");
            sql::write_identifier(b, load.database);
            end_statement_inline(b);
        }
        if flags & LOG_EVENT_THREAD_SPECIFIC_F != 0 {
            let _ = write!(b, "{hash}SET @@session.pseudo_thread_id={}", load.thread_id);
            end_statement_inline(b);
        }
        let _ = write!(b, "{hash}LOAD DATA ");
        if local {
            b.extend_from_slice(b"LOCAL ");
        }
        // The name goes out as it is, unescaped (`INFILE '%-*s'`).
        b.extend_from_slice(b"INFILE '");
        b.extend_from_slice(load.file_name);
        b.extend_from_slice(b"' ");
        if load.opt_flags & REPLACE_FLAG != 0 {
            b.extend_from_slice(b"REPLACE ");
        } else if load.opt_flags & IGNORE_FLAG != 0 {
            b.extend_from_slice(b"IGNORE ");
        }
        b.extend_from_slice(b"INTO TABLE ");
        sql::write_identifier(b, load.table);
        b.extend_from_slice(b" FIELDS TERMINATED BY ");
        pretty_print_str(b, load.field_term);
        if load.opt_flags & OPT_ENCLOSED_FLAG != 0 {
            b.extend_from_slice(b" OPTIONALLY ");
        }
        b.extend_from_slice(b" ENCLOSED BY ");
        pretty_print_str(b, load.enclosed);
        b.extend_from_slice(b" ESCAPED BY ");
        pretty_print_str(b, load.escaped);
        b.extend_from_slice(b" LINES TERMINATED BY ");
        pretty_print_str(b, load.line_term);
        // Both option forms leave the line start set (maybe empty): always printed.
        b.extend_from_slice(b" STARTING BY ");
        pretty_print_str(b, load.line_start);
        if load.skip_lines > 0 {
            let _ = write!(b, " IGNORE {} LINES", load.skip_lines);
        }
        if !load.fields.is_empty() {
            b.extend_from_slice(b" (");
            for (i, field) in load.fields.iter().enumerate() {
                if i > 0 {
                    b.push(b',');
                }
                sql::write_identifier(b, field);
            }
            b.push(b')');
        }
        end_statement_inline(b);
    }

    fn new_load_file(&mut self, file_id: u32) {
        let n = self.load_files.len();
        let name = format!(
            "{}/SQL_LOAD_MB-{file_id:x}-{n:x}",
            self.o.local_load_dir.trim_end_matches('/')
        );
        self.load_files.push((file_id, name));
    }

    /// With `--local-load`: the block into the newest file of `file_id` (a new file for
    /// a BEGIN_LOAD_QUERY, appended for an APPEND_BLOCK).
    fn write_load_block(&mut self, file_id: u32, block: &[u8], begin: bool) {
        use std::io::Write as _;
        if !self.o.write_load_files || self.load_error.is_some() {
            return;
        }
        let Some((_, name)) = self.load_files.iter().rev().find(|(id, _)| *id == file_id) else {
            self.load_error = Some(format!(
                "an Append_block event for LOAD DATA file id {file_id}, whose Begin_load_query \
                 or Create_file was not read: the file cannot be written whole"
            ));
            return;
        };
        let written = std::fs::OpenOptions::new()
            .create(true)
            .write(true)
            .append(!begin)
            .truncate(begin)
            .open(name)
            .and_then(|mut f| f.write_all(block));
        if let Err(e) = written {
            self.load_error = Some(format!("cannot write the LOAD DATA file {name}: {e}"));
        }
    }

    fn rewritten<'d>(&'d self, db: &'d [u8]) -> &'d [u8] {
        for (from, to) in &self.o.rewrite_db {
            if from.as_bytes() == db {
                return to.as_bytes();
            }
        }
        db
    }

    fn query(&mut self, item: &Item<'_, '_>, q: &QueryEvent<'_>) {
        let event = item.event;
        let h = &event.header;
        let dialect = self.o.dialect;
        let mariadb = self.mariadb();
        let short = self.o.short_form;
        let elq = matches!(event.event, Event::ExecuteLoadQuery(_));
        let st = &q.status;
        let mut use_printed = false;
        if mariadb && h.flags.0 & LOG_EVENT_SUPPRESS_USE_F == 0 {
            // mariadb-binlog prints the `use` of a rewritten database before the header.
            let db = self.rewritten(q.database).to_vec();
            if db.as_slice() != q.database && db != self.session.db {
                self.head.extend_from_slice(b"use ");
                sql::write_identifier(&mut self.head, &db);
                end_statement_inline(&mut self.head);
                self.session.db = db;
                use_printed = true;
            }
        }
        if !short {
            let at = item.payload.map_or(event.offset, |p| p.end);
            self.header(Buf::Head, item, at);
            let word = if elq {
                "Execute_load_query"
            } else if mariadb && q.compressed {
                "Query_compressed"
            } else {
                "Query"
            };
            let b = &mut self.head;
            let _ = write!(
                b,
                "\t{word}\tthread_id={}\texec_time={}\terror_code={}",
                q.thread_id, q.exec_time, q.error_code
            );
            if mariadb {
                let _ = write!(b, "\txid={}", st.mariadb_xid().unwrap_or(0));
            } else if dialect == Dialect::Mysql80 {
                if let Some(xid) = st.ddl_xid() {
                    let _ = write!(b, "\tXid = {xid}");
                }
            }
            b.push(b'\n');
        }
        let query: &[u8] = &q.query;
        if h.flags.0 & LOG_EVENT_SUPPRESS_USE_F != 0 {
            if !filter::is_transaction_keyword(query) {
                self.session.db.clear();
            }
        } else if !use_printed {
            let db = self.rewritten(q.database).to_vec();
            if db != self.session.db {
                if !db.is_empty() {
                    self.head.extend_from_slice(b"use ");
                    sql::write_identifier(&mut self.head, &db);
                    end_statement_inline(&mut self.head);
                }
                self.session.db = db;
            }
        }
        let b = &mut self.head;
        let _ = write!(b, "SET TIMESTAMP={}", h.timestamp);
        let fraction = if mariadb {
            st.hrnow()
        } else {
            st.microseconds()
        };
        if let Some(us) = fraction.filter(|&us| us != 0 && us <= 999_999) {
            let _ = write!(b, ".{us:06}");
        }
        end_statement_inline(b);
        let s = &mut self.session;
        if !s.thread_id_printed
            || (h.flags.0 & LOG_EVENT_THREAD_SPECIFIC_F != 0 && q.thread_id != s.thread_id)
        {
            let shown = if short { 999_999_999 } else { q.thread_id };
            let _ = write!(b, "SET @@session.pseudo_thread_id={shown}");
            end_statement_inline(b);
            s.thread_id = q.thread_id;
            s.thread_id_printed = true;
        }
        if let Some(flags2) = st.flags2() {
            let changed = match s.flags2 {
                Some(old) => old ^ flags2,
                None => u32::MAX,
            };
            if changed != 0 {
                b.extend_from_slice(b"SET ");
                let mut comma = false;
                let mut option = |bit: u32, inverted: bool, name: &str, b: &mut Vec<u8>| {
                    if changed & bit != 0 {
                        if comma {
                            b.extend_from_slice(b", ");
                        }
                        comma = true;
                        let on = (flags2 & bit != 0) != inverted;
                        let _ = write!(b, "{name}={}", u8::from(on));
                    }
                };
                option(
                    OPTION_NO_FOREIGN_KEY_CHECKS,
                    true,
                    "@@session.foreign_key_checks",
                    b,
                );
                option(OPTION_AUTO_IS_NULL, false, "@@session.sql_auto_is_null", b);
                option(
                    OPTION_RELAXED_UNIQUE_CHECKS,
                    true,
                    "@@session.unique_checks",
                    b,
                );
                option(OPTION_NOT_AUTOCOMMIT, true, "@@session.autocommit", b);
                if mariadb {
                    let mask = mariadb_options_mask(item.decoder);
                    option(
                        OPTION_NO_CHECK_CONSTRAINT_CHECKS,
                        true,
                        "@@session.check_constraint_checks",
                        b,
                    );
                    option(mask & OPTION_IF_EXISTS, false, "@@session.sql_if_exists", b);
                    option(
                        mask & OPTION_EXPLICIT_DEF_TIMESTAMP,
                        false,
                        "@@session.explicit_defaults_for_timestamp",
                        b,
                    );
                    option(
                        mask & OPTION_INSERT_HISTORY,
                        false,
                        "@@session.system_versioning_insert_history",
                        b,
                    );
                }
                end_statement_inline(b);
                s.flags2 = Some(flags2);
            }
        }
        if let Some(mode) = st.sql_mode() {
            if s.sql_mode != Some(mode) {
                if dialect == Dialect::Mysql80 {
                    let _ = write!(b, "SET @@session.sql_mode={mode}");
                    if mode & 0x1003_ff00 != 0 {
                        b.extend_from_slice(b"/*!80005 &~0x1003ff00*/");
                    }
                } else {
                    let _ = write!(b, "SET @@session.sql_mode={mode}");
                }
                end_statement_inline(b);
                s.sql_mode = Some(mode);
            }
        }
        let auto_increment = st.auto_increment().unwrap_or((1, 1));
        if auto_increment != s.auto_increment {
            let _ = write!(
                b,
                "SET @@session.auto_increment_increment={}, @@session.auto_increment_offset={}",
                auto_increment.0, auto_increment.1
            );
            end_statement_inline(b);
            s.auto_increment = auto_increment;
        }
        if let Some(cs) = st.charset() {
            if s.charset != Some(cs) {
                let name = charset_name(cs.0, dialect);
                if let Some(name) = name {
                    let _ = write!(b, "/*!\\C {name} */");
                    end_statement_inline(b);
                } else if mariadb {
                    b.extend_from_slice(b"# Ignored (Unknown charset) ");
                }
                if mariadb {
                    let _ = write!(
                        b,
                        "SET @@session.character_set_client={},@@session.collation_connection={},@@session.collation_server={}",
                        name.unwrap_or("Unknown"),
                        cs.1,
                        cs.2
                    );
                } else {
                    let _ = write!(
                        b,
                        "SET @@session.character_set_client={},@@session.collation_connection={},@@session.collation_server={}",
                        cs.0, cs.1, cs.2
                    );
                }
                end_statement_inline(b);
                s.charset = Some(cs);
            }
        }
        if let Some(tz) = st.time_zone().filter(|tz| !tz.is_empty()) {
            if tz != s.time_zone.as_slice() {
                b.extend_from_slice(b"SET @@session.time_zone='");
                b.extend_from_slice(tz);
                b.push(b'\'');
                end_statement_inline(b);
                s.time_zone = tz.to_vec();
            }
        }
        let lc = u32::from(st.lc_time_names().unwrap_or(0));
        if lc != s.lc_time_names {
            let _ = write!(b, "SET @@session.lc_time_names={lc}");
            end_statement_inline(b);
            s.lc_time_names = lc;
        }
        let cdb = u32::from(st.charset_database().unwrap_or(0));
        if cdb != s.collation_database {
            if cdb != 0 {
                let _ = write!(b, "SET @@session.collation_database={cdb}");
            } else {
                b.extend_from_slice(b"SET @@session.collation_database=DEFAULT");
            }
            end_statement_inline(b);
            s.collation_database = cdb;
        }
        if dialect == Dialect::Mysql80 {
            if let Some(v) = st.explicit_defaults_for_timestamp() {
                let _ = write!(
                    b,
                    "SET @@session.explicit_defaults_for_timestamp={}",
                    u8::from(v)
                );
                end_statement_inline(b);
            }
            let utf8mb4 = u32::from(st.default_collation_for_utf8mb4().unwrap_or(0));
            if utf8mb4 != s.default_collation_for_utf8mb4 {
                if utf8mb4 != 0 {
                    let _ = write!(
                        b,
                        "/*!80011 SET @@session.default_collation_for_utf8mb4={utf8mb4}*/"
                    );
                    end_statement_inline(b);
                }
                s.default_collation_for_utf8mb4 = utf8mb4;
            }
            if let Some(v) = st.sql_require_primary_key() {
                let _ = write!(b, "/*!80013 SET @@session.sql_require_primary_key={v}*/");
                end_statement_inline(b);
            }
            if let Some(v) = st.default_table_encryption() {
                let _ = write!(b, "/*!80016 SET @@session.default_table_encryption={v}*/");
                end_statement_inline(b);
            }
        }
        match (&q.load, elq) {
            (Some(load), true) => {
                let file = self
                    .load_files
                    .iter()
                    .rev()
                    .find(|(id, _)| *id == load.file_id)
                    .map(|(_, name)| name.clone())
                    .unwrap_or_default();
                let start = usize::try_from(load.fn_pos_start).unwrap_or(usize::MAX);
                let end = usize::try_from(load.fn_pos_end).unwrap_or(usize::MAX);
                let b = &mut self.head;
                match (query.get(..start), query.get(end..)) {
                    (Some(before), Some(after)) if start <= end => {
                        b.extend_from_slice(before);
                        b.extend_from_slice(b" LOCAL INFILE ");
                        pretty_print_str(b, file.as_bytes());
                        if load.dup_handling == 2 {
                            b.extend_from_slice(b" REPLACE");
                        }
                        b.extend_from_slice(b" INTO");
                        b.extend_from_slice(after);
                    }
                    _ => b.extend_from_slice(query),
                }
                b.push(b'\n');
                b.extend_from_slice(D);
                b.push(b'\n');
                if !short {
                    let _ = writeln!(b, "# file_id: {} ", load.file_id);
                }
            }
            _ => {
                let b = &mut self.head;
                b.extend_from_slice(query);
                b.push(b'\n');
                b.extend_from_slice(D);
                b.push(b'\n');
            }
        }
    }

    fn table_map(&mut self, buf: Buf, item: &Item<'_, '_>, map: &TableMapEvent<'_>, dump_at: u64) {
        if self.o.short_form {
            return;
        }
        self.header(buf, item, dump_at);
        let db = self.rewritten(map.database).to_vec();
        let mariadb = self.mariadb();
        let b = self.buf(buf);
        b.extend_from_slice(b"\tTable_map: ");
        if mariadb {
            sql::write_identifier(b, &db);
            b.push(b'.');
            sql::write_identifier(b, map.table);
        } else {
            b.push(b'`');
            b.extend_from_slice(&db);
            b.extend_from_slice(b"`.`");
            b.extend_from_slice(map.table);
            b.push(b'`');
        }
        let _ = write!(b, " mapped to number {}", map.table_id);
        if mariadb && map.table_flags & 0x4000 != 0 {
            b.extend_from_slice(b" (has triggers)");
        }
        b.push(b'\n');
        if self.o.dialect == Dialect::Mysql80
            && self.immediate_server_version.is_some_and(|v| v >= 80030)
        {
            // The server sets TM_GENERATED_INVISIBLE_PK_F (1 << 2) in the map's flags.
            let gipk = map.table_flags & 0x4 != 0;
            let _ = writeln!(
                self.buf(buf),
                "# has_generated_invisible_primary_key={}",
                u8::from(gipk)
            );
        }
        if self.o.print_table_metadata {
            let dialect = self.o.dialect;
            table_metadata(self.buf(buf), map, dialect);
        }
        if self.base64() {
            let mut raw = event_bytes(item.event, item.decoder, item.payload.is_some());
            if db.as_slice() != map.database {
                // mysqlbinlog rewrites the event itself, so the replayed map names the
                // new database too.
                if let Some(rewritten) = rewrite_table_map(
                    &raw,
                    item.decoder,
                    map,
                    &db,
                    self.o.dialect == Dialect::Mysql80,
                ) {
                    raw = std::borrow::Cow::Owned(rewritten);
                }
            }
            base64_block(&mut self.body, &raw, true);
        }
    }

    fn rows(&mut self, item: &Item<'_, '_>, rows: &RowsEvent<'_>) -> Result<(), DumpError> {
        if self.o.short_form {
            return Ok(());
        }
        let event = item.event;
        let dialect = self.o.dialect;
        let at = item.payload.map_or(event.offset, |p| p.end);
        self.header(Buf::Head, item, at);
        let name = rows_type_name(event, rows, dialect);
        let b = &mut self.head;
        let _ = write!(b, "\t{name}: table id {}", rows.table_id);
        if dialect == Dialect::Mysql80 {
            b.extend_from_slice(b" flags:");
            for (bit, flag) in [
                (0x1, " STMT_END_F"),
                (0x2, " NO_FOREIGN_KEY_CHECKS_F"),
                (0x4, " RELAXED_UNIQUE_CHECKS_F"),
                (0x8, " COMPLETE_ROWS_F"),
            ] {
                if rows.flags & bit != 0 {
                    b.extend_from_slice(flag.as_bytes());
                }
            }
            let unknown = rows.flags & !0xf;
            if unknown != 0 {
                let _ = write!(b, " UNKNOWN_FLAG(0x{unknown:x})");
            }
        } else if rows.is_statement_end() {
            b.extend_from_slice(b" flags: STMT_END_F");
        }
        b.push(b'\n');
        let end = rows.is_statement_end();
        if self.base64() {
            let raw = match rows.compressed {
                // mariadb-binlog encodes the event it decompressed, not the stored one.
                true => uncompressed_rows_event(event, rows, item.decoder)
                    .map(std::borrow::Cow::Owned)
                    .unwrap_or(std::borrow::Cow::Borrowed(event.raw)),
                false => event_bytes(event, item.decoder, item.payload.is_some()),
            };
            base64_block(&mut self.body, &raw, !end);
        }
        let verbose_into_body = dialect == Dialect::Mysql56;
        let mut schema = item.decoder.tables().get(rows.table_id).cloned();
        if let Some(s) = &schema {
            let db = self.rewritten(s.database.as_bytes());
            if db != s.database.as_bytes() {
                let mut renamed = (**s).clone();
                renamed.database = String::from_utf8_lossy(db).into_owned();
                schema = Some(std::sync::Arc::new(renamed));
            }
        }
        let target = if verbose_into_body {
            &mut self.body
        } else {
            &mut self.footer
        };
        if self.o.verbosity > 0 {
            match &schema {
                Some(schema) => {
                    if let Err(error) =
                        sql::write_rows_verbose(target, rows, schema, dialect, self.o.verbosity)
                    {
                        return Err(DumpError::Input {
                            file: item.file.to_owned(),
                            error,
                        });
                    }
                }
                None => {
                    sql::write_unknown_table(target, rows.table_id);
                }
            }
        }
        if dialect == Dialect::Mariadb {
            // mariadb-binlog counts the rows of the whole statement.
            let mut n = schema.as_deref().map_or(0, |s| sql::row_count(rows, s));
            // Without -v, mariadb-binlog sizes rows with a table of field lengths that
            // knows neither GEOMETRY nor COMPRESSED columns: it loses its way after the
            // first row and counts one.
            let unsized_column = schema.as_deref().is_some_and(|s| {
                s.columns
                    .iter()
                    .any(|c| matches!(c.column_type.0, 140 | 141 | 255))
            });
            if self.o.verbosity == 0 && unsized_column {
                n = n.min(1);
            }
            self.statement_rows = self.statement_rows.saturating_add(n);
            if end {
                let _ = writeln!(self.footer, "# Number of rows: {}", self.statement_rows);
                self.statement_rows = 0;
            }
        }
        Ok(())
    }

    fn gtid(
        &mut self,
        buf: Buf,
        item: &Item<'_, '_>,
        g: &GtidEvent<'_>,
        anonymous: bool,
        dump_at: u64,
    ) {
        let dialect = self.o.dialect;
        let word = if anonymous { "Anonymous_GTID" } else { "GTID" };
        let next = if anonymous {
            "ANONYMOUS".to_owned()
        } else {
            match g.gtid() {
                Some(gtid) => gtid.to_string(),
                None => "ANONYMOUS".to_owned(),
            }
        };
        if !self.o.short_form {
            self.header(buf, item, dump_at);
            let b = self.buf(buf);
            match dialect {
                Dialect::Mysql56 => {
                    let _ = writeln!(
                        b,
                        "\tGTID [commit={}]",
                        if anonymous { "no" } else { "yes" }
                    );
                }
                _ => {
                    let _ = write!(
                        b,
                        "\t{word}\tlast_committed={}\tsequence_number={}\trbr_only={}",
                        g.last_committed.unwrap_or(0),
                        g.sequence_number.unwrap_or(0),
                        if g.is_rbr_only() { "yes" } else { "no" }
                    );
                    if dialect == Dialect::Mysql80 {
                        let immediate = g.immediate_commit_timestamp.unwrap_or(0);
                        let original = g.original_commit_timestamp.unwrap_or(immediate);
                        let _ = write!(
                            b,
                            "\toriginal_committed_timestamp={original}\timmediate_commit_timestamp={immediate}\ttransaction_length={}",
                            g.transaction_length.unwrap_or(0)
                        );
                    }
                    b.push(b'\n');
                }
            }
        }
        if dialect != Dialect::Mysql56 && g.is_rbr_only() {
            let b = self.buf(buf);
            b.extend_from_slice(b"/*!50718 SET TRANSACTION ISOLATION LEVEL READ COMMITTED*/");
            end_statement_inline(b);
        }
        if dialect == Dialect::Mysql80 {
            let immediate = g.immediate_commit_timestamp.unwrap_or(0);
            let original = g.original_commit_timestamp.unwrap_or(immediate);
            let immediate_version = g.immediate_server_version.unwrap_or(999_999);
            let original_version = g.original_server_version.unwrap_or(immediate_version);
            self.immediate_server_version = Some(immediate_version);
            let original_text = self.micro_time(original);
            let immediate_text = self.micro_time(immediate);
            let b = self.buf(buf);
            let _ = writeln!(
                b,
                "# original_commit_timestamp={original} ({original_text})"
            );
            let _ = writeln!(
                b,
                "# immediate_commit_timestamp={immediate} ({immediate_text})"
            );
            let _ = write!(
                b,
                "/*!80001 SET @@session.original_commit_timestamp={original}*/"
            );
            end_statement_inline(b);
            let _ = write!(
                b,
                "/*!80014 SET @@session.original_server_version={original_version}*/"
            );
            end_statement_inline(b);
            let _ = write!(
                b,
                "/*!80014 SET @@session.immediate_server_version={immediate_version}*/"
            );
            end_statement_inline(b);
        }
        let b = self.buf(buf);
        let _ = write!(b, "SET @@SESSION.GTID_NEXT= '{next}'");
        end_statement_inline(b);
    }

    fn mariadb_gtid(
        &mut self,
        buf: Buf,
        item: &Item<'_, '_>,
        g: &MariadbGtidEvent<'_>,
        dump_at: u64,
    ) {
        use binlogkit::events::mariadb_gtid::*;
        if !self.o.short_form {
            self.header(buf, item, dump_at);
            let b = self.buf(buf);
            let _ = write!(b, "\tGTID {}", g.gtid);
            if let Some(cid) = g.commit_id {
                let _ = write!(b, " cid={cid}");
            }
            if g.flags & FL_DDL != 0 {
                b.extend_from_slice(b" ddl");
            }
            if g.flags & FL_TRANSACTIONAL != 0 {
                b.extend_from_slice(b" trans");
            }
            if g.flags & FL_WAITED != 0 {
                b.extend_from_slice(b" waited");
            }
            b.push(b'\n');
        }
        let allow_parallel = g.flags & FL_ALLOW_PARALLEL != 0;
        let short = self.o.short_form;
        let s = &mut self.session;
        let b = match buf {
            Buf::Head => &mut self.head,
            Buf::Held => &mut self.held,
            Buf::Annotate => &mut self.annotate,
        };
        // mariadb-binlog's short form keeps only the transaction start; otherwise each
        // session variable is set when it changes.
        if !short {
            let skip_parallel = u8::from(!allow_parallel);
            set_changed(b, &mut s.allow_parallel, allow_parallel, |b| {
                write!(
                    b,
                    "/*M!100101 SET @@session.skip_parallel_replication={skip_parallel}*/"
                )
            });
            let (domain, server) = (g.gtid.domain_id, g.gtid.server_id);
            set_changed(b, &mut s.domain_id, domain, |b| {
                write!(b, "/*M!100001 SET @@session.gtid_domain_id={domain}*/")
            });
            set_changed(b, &mut s.server_id, server, |b| {
                write!(b, "/*M!100001 SET @@session.server_id={server}*/")
            });
        }
        if !short {
            let _ = write!(
                b,
                "/*M!100001 SET @@session.gtid_seq_no={}*/",
                g.gtid.seq_no
            );
            end_statement_inline(b);
        }
        if g.flags & FL_PREPARED_XA != 0 {
            if let Some(xid) = &g.xid {
                let _ = write!(b, "XA START {}", xid_text(xid));
                end_statement_inline(b);
            }
        } else if g.flags & FL_STANDALONE == 0 {
            b.extend_from_slice(b"START TRANSACTION\n");
            b.extend_from_slice(D);
            b.push(b'\n');
        }
    }
}

impl Sink for TextSink {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        self.preamble(out)
    }

    fn file(&mut self, out: &mut dyn Write, _name: &str, index: usize) -> io::Result<()> {
        if index > 0 && self.mariadb() {
            out.write_all(b"DELIMITER ;\nDELIMITER /*!*/;\n")?;
        }
        Ok(())
    }

    fn event(&mut self, out: &mut dyn Write, item: &Item<'_, '_>) -> Result<(), DumpError> {
        if item.verdict == Verdict::Hidden {
            return Ok(());
        }
        if self.mariadb() {
            self.event_mariadb(out, item)?;
        } else {
            self.event_mysql(out, item)?;
        }
        match self.load_error.take() {
            Some(message) => Err(DumpError::Refused {
                file: item.file.to_owned(),
                message,
            }),
            None => Ok(()),
        }
    }

    fn finish(&mut self, out: &mut dyn Write, error: Option<&DumpError>) -> io::Result<()> {
        // mariadb-binlog stops where the error is; mysqlbinlog drops the failing
        // event's text and ends the output as usual.
        if error.is_some() && self.mariadb() {
            return Ok(());
        }
        if self.payload.take().is_some() && !self.o.short_form {
            out.write_all(b"# End of compressed events!\n")?;
        }
        // What is still held back is not printed (it would not replay whole); say so on
        // standard error, in mysqlbinlog's words, rather than drop it silently.
        if self.o.warnings && !self.held.is_empty() {
            eprintln!("{PARTIAL_VARIABLES}");
        }
        if self.o.warnings && !self.body.is_empty() {
            eprintln!("{PARTIAL_ROWS}");
        }
        self.head.clear();
        self.body.clear();
        self.footer.clear();
        self.trailer(out)
    }
}

/// mysqlbinlog's warning for INTVAR, RAND or USER_VAR events left without their QUERY.
const PARTIAL_VARIABLES: &str = "WARNING: The range of printed events ends with an \
    Intvar_event, Rand_event or User_var_event with no matching Query_log_event. This might \
    be because the last statement was not fully written to the log, or because you are \
    using a --stop-position or --stop-datetime that refers to an event in the middle of a \
    statement. The event(s) from the partial statement have not been written to output.";

/// mysqlbinlog's warning for a row statement left without its STMT_END_F event.
const PARTIAL_ROWS: &str = "WARNING: The range of printed events ends with a row event or \
    a table map event that does not have the STMT_END_F flag set. This might be because the \
    last statement was not fully written to the log, or because you are using a \
    --stop-position or --stop-datetime that refers to an event in the middle of a \
    statement. The event(s) from the partial statement have not been written to output.";

// ---------------------------------------------------------------------------------
// Helpers

/// Prints a session variable's statement with `print` when `value` differs from the
/// last one printed (`last`), and remembers it.
fn set_changed<T: PartialEq>(
    b: &mut Vec<u8>,
    last: &mut Option<T>,
    value: T,
    print: impl FnOnce(&mut Vec<u8>) -> io::Result<()>,
) {
    if last.as_ref() != Some(&value) {
        let _ = print(b);
        end_statement_inline(b);
        *last = Some(value);
    }
}

/// Ends a statement line: the delimiter and a newline.
fn end_statement_inline(b: &mut Vec<u8>) {
    b.extend_from_slice(D);
    b.push(b'\n');
}

/// The CRC32 the header line shows: the stored one, or for an event inside a
/// TRANSACTION_PAYLOAD one computed over it (mysqlbinlog adds it when the binlog has
/// checksums).
fn checksum_of(event: &BinlogEvent<'_>, decoder: &Decoder, in_payload: bool) -> Option<u32> {
    if in_payload {
        if decoder.format().checksum() == ChecksumAlg::Crc32 {
            Some(crc32fast::hash(event.raw))
        } else {
            None
        }
    } else {
        let alg = match &event.event {
            Event::FormatDescription(fd) => fd.checksum_alg,
            _ => decoder.format().checksum(),
        };
        event.checksum.filter(|_| alg == ChecksumAlg::Crc32)
    }
}

/// The bytes mysqlbinlog dumps or encodes for an event: as stored, plus a computed
/// CRC32 for an event inside a TRANSACTION_PAYLOAD of a binlog with checksums.
fn event_bytes<'e>(
    event: &'e BinlogEvent<'_>,
    decoder: &Decoder,
    in_payload: bool,
) -> std::borrow::Cow<'e, [u8]> {
    match checksum_of(event, decoder, in_payload) {
        Some(crc) if in_payload => {
            let mut v = event.raw.to_vec();
            v.extend_from_slice(&crc.to_le_bytes());
            std::borrow::Cow::Owned(v)
        }
        _ => std::borrow::Cow::Borrowed(event.raw),
    }
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with `=` padding, a newline after every 76 characters but not at
/// the end (mysys `base64_encode`).
fn base64_wrapped(out: &mut Vec<u8>, bytes: &[u8]) {
    out.reserve(bytes.len() / 3 * 4 + bytes.len() / 57 + 4);
    let sym = |i: u32| BASE64.get((i & 63) as usize).copied().unwrap_or(b'A');
    // 57 bytes make one line of 76 characters.
    let mut lines = bytes.chunks(57).peekable();
    while let Some(line) = lines.next() {
        let mut groups = line.chunks_exact(3);
        for group in &mut groups {
            if let [b0, b1, b2] = *group {
                let n = (u32::from(b0) << 16) | (u32::from(b1) << 8) | u32::from(b2);
                out.extend_from_slice(&[sym(n >> 18), sym(n >> 12), sym(n >> 6), sym(n)]);
            }
        }
        match *groups.remainder() {
            [b0] => {
                let n = u32::from(b0) << 16;
                out.extend_from_slice(&[sym(n >> 18), sym(n >> 12), b'=', b'=']);
            }
            [b0, b1] => {
                let n = (u32::from(b0) << 16) | (u32::from(b1) << 8);
                out.extend_from_slice(&[sym(n >> 18), sym(n >> 12), sym(n >> 6), b'=']);
            }
            _ => {}
        }
        if lines.peek().is_some() {
            out.push(b'\n');
        }
    }
}

/// One event of a row statement's `BINLOG '…'` block (`print_base64` into the body
/// cache); `more`: the statement goes on.
fn base64_block(body: &mut Vec<u8>, raw: &[u8], more: bool) {
    if body.is_empty() {
        body.extend_from_slice(b"\nBINLOG '\n");
    }
    base64_wrapped(body, raw);
    body.push(b'\n');
    if !more {
        body.push(b'\'');
        end_statement_inline(body);
    }
}

/// MySQL's `--hexdump` block.
fn hexdump_mysql(b: &mut Vec<u8>, raw: &[u8], pos: u64, dialect: Dialect, header_len: usize) {
    let zero = dialect == Dialect::Mysql80;
    let who = if zero { "Source" } else { "Master" };
    let off = |b: &mut Vec<u8>, v: u64| {
        if zero {
            let _ = write!(b, "{v:08x}");
        } else {
            let _ = write!(b, "{v:>8x}");
        }
    };
    if header_len == 19 {
        let _ = writeln!(
            b,
            "# Position  Timestamp   Type   {who} ID        Size      {who} Pos    Flags "
        );
        b.extend_from_slice(b"# ");
        off(b, pos);
        let h = raw.get(..19).unwrap_or_default();
        for (i, byte) in h.iter().enumerate() {
            let sep: &[u8] = match i {
                0 => b" ",
                4 | 5 | 9 | 13 | 17 => b"   ",
                _ => b" ",
            };
            b.extend_from_slice(sep);
            let _ = write!(b, "{byte:02x}");
        }
        b.push(b'\n');
    }
    let body = raw.get(19..).unwrap_or_default();
    let base = pos + 19;
    for (k, chunk) in body.chunks(16).enumerate() {
        b.extend_from_slice(b"# ");
        off(b, base + 16 * k as u64);
        b.push(b' ');
        let mut width = 0;
        for (i, byte) in chunk.iter().enumerate() {
            if i <= 7 {
                let _ = write!(b, "{byte:02x} ");
            } else {
                let _ = write!(b, " {byte:02x}");
            }
            width += 3;
        }
        for _ in width..48 {
            b.push(b' ');
        }
        b.extend_from_slice(b" |");
        for &c in chunk {
            b.push(if c.is_ascii_alphanumeric() { c } else { b'.' });
        }
        b.extend_from_slice(b"|\n");
    }
}

/// mariadb-binlog's `--hexdump` block.
fn hexdump_mariadb(b: &mut Vec<u8>, raw: &[u8], pos: u64) {
    b.extend_from_slice(
        b"# Position\n#           |Timestamp   |Type |Master ID   |Size        |Master Pos  |Flags\n",
    );
    let h = raw.get(..19).unwrap_or_default();
    let _ = write!(b, "# {pos:>8x}  |");
    for (i, byte) in h.iter().enumerate() {
        let _ = write!(b, "{byte:02x}");
        let sep: &[u8] = match i {
            3 | 8 | 12 | 16 => b" |",
            4 => b"   |",
            18 => b"",
            _ => b" ",
        };
        b.extend_from_slice(sep);
    }
    b.extend_from_slice(b"\n#\n");
    let body = raw.get(19..).unwrap_or_default();
    let base = pos + 19;
    for (k, chunk) in body.chunks(16).enumerate() {
        let _ = write!(b, "# {:>8x}  ", base + 16 * k as u64);
        let mut width = 0;
        for (i, byte) in chunk.iter().enumerate() {
            let _ = write!(b, "{byte:02x} ");
            width += 3;
            if i == 7 {
                b.push(b' ');
                width += 1;
            }
        }
        for _ in width..49 {
            b.push(b' ');
        }
        b.extend_from_slice(b" |");
        for &c in chunk {
            b.push(if (0x20..0x7f).contains(&c) { c } else { b'.' });
        }
        b.extend_from_slice(b"|\n");
    }
    if !body.is_empty() {
        b.extend_from_slice(b"#\n");
    }
}

/// The rows event's word in its header line.
fn rows_type_name(event: &BinlogEvent<'_>, rows: &RowsEvent<'_>, dialect: Dialect) -> String {
    let base = match rows.kind {
        RowsKind::Write => "Write",
        RowsKind::Update | RowsKind::PartialUpdate => "Update",
        RowsKind::Delete => "Delete",
    };
    match dialect {
        Dialect::Mariadb if rows.compressed => format!("{base}_compressed_rows"),
        Dialect::Mariadb | Dialect::Mysql56 => format!("{base}_rows"),
        _ => {
            let _ = event;
            if rows.kind == RowsKind::PartialUpdate {
                "Update_rows_partial".to_owned()
            } else {
                match rows.version {
                    0 => format!("{base}_rows_event_old"),
                    1 => format!("{base}_rows_v1"),
                    _ => format!("{base}_rows"),
                }
            }
        }
    }
}

/// The character set name of a collation id as the dialect's client names it.
fn charset_name(id: u16, dialect: Dialect) -> Option<&'static str> {
    let name = binlogkit::charset::mysql_charset_name(id, dialect == Dialect::Mariadb)?;
    Some(match (dialect, name) {
        (Dialect::Mysql56 | Dialect::Mysql57, "utf8mb3") => "utf8",
        _ => name,
    })
}

/// The collation name of an id as the dialect's client names it.
fn collation_name(id: u16, dialect: Dialect) -> Option<String> {
    let name = binlogkit::charset::collation_name(id, dialect == Dialect::Mariadb)?;
    Some(match dialect {
        Dialect::Mysql56 | Dialect::Mysql57 => name.replace("utf8mb3_", "utf8_"),
        _ => name.to_owned(),
    })
}

/// The FDE's `options_written_to_bin_log` for MariaDB's later flags2 bits.
fn mariadb_options_mask(decoder: &Decoder) -> u32 {
    let (major, minor, patch) = decoder.format().version_split();
    if (major, minor, patch) >= (10, 5, 2) {
        OPTION_IF_EXISTS | OPTION_EXPLICIT_DEF_TIMESTAMP | OPTION_INSERT_HISTORY
    } else {
        0
    }
}

/// `SET @`name`:=value` of a USER_VAR event.
fn user_var(b: &mut Vec<u8>, uv: &UserVarEvent<'_>, dialect: Dialect) {
    b.extend_from_slice(b"SET @");
    sql::write_identifier(b, uv.name);
    b.extend_from_slice(b":=");
    match &uv.value {
        None => b.extend_from_slice(b"NULL"),
        Some(UserVarValue::Real(v)) => b.extend_from_slice(sql::format_c_g(*v, 14).as_bytes()),
        Some(UserVarValue::Int(v)) => {
            let _ = write!(b, "{v}");
        }
        Some(UserVarValue::UInt(v)) => {
            let _ = write!(b, "{v}");
        }
        Some(UserVarValue::Decimal(d)) => {
            let _ = write!(b, "{d}");
        }
        Some(UserVarValue::String { collation, bytes }) => {
            let id = u16::try_from(*collation).unwrap_or(u16::MAX);
            match (charset_name(id, dialect), collation_name(id, dialect)) {
                (Some(cs), Some(coll)) => {
                    let _ = write!(b, "_{cs} ");
                    if dialect == Dialect::Mariadb {
                        b.extend_from_slice(b"X'");
                        hex_upper(b, bytes);
                        b.push(b'\'');
                    } else if bytes.is_empty() {
                        b.extend_from_slice(b"\"\"");
                    } else {
                        b.extend_from_slice(b"0x");
                        hex_upper(b, bytes);
                    }
                    let _ = write!(b, " COLLATE `{coll}`");
                }
                _ => b.extend_from_slice(b"???"),
            }
        }
        Some(_) => b.extend_from_slice(b"???"),
    }
    end_statement_inline(b);
}

fn hex_upper(b: &mut Vec<u8>, bytes: &[u8]) {
    for byte in bytes {
        let _ = write!(b, "{byte:02X}");
    }
}

/// `X'gtrid',X'bqual',formatID` (`serialize_xid`).
fn xid_text(xid: &binlogkit::events::xa_prepare::Xid<'_>) -> String {
    let mut s = String::from("X'");
    for byte in xid.gtrid {
        s.push_str(&format!("{byte:02x}"));
    }
    s.push_str("',X'");
    for byte in xid.bqual {
        s.push_str(&format!("{byte:02x}"));
    }
    s.push_str(&format!("',{}", xid.format_id));
    s
}

/// `pretty_print_str`: a quoted string with `\n \r \\ \b \t \' \0` escaped.
/// The rest of a LOAD event's header line (`Load_log_event::print`).
fn load_query_line(b: &mut Vec<u8>, load: &LoadEvent<'_>) {
    let _ = writeln!(
        b,
        "\tQuery\tthread_id={}\texec_time={}",
        load.thread_id, load.exec_time
    );
}

fn pretty_print_str(b: &mut Vec<u8>, s: &[u8]) {
    pretty_print_quoted(b, s, b'\'');
}

/// `--print-table-metadata`: the `# Columns(…)` and `# Primary Key(…)` lines.
///
/// Both tools read the TABLE_MAP alone, never a schema: names, signedness, charsets,
/// ENUM/SET members, geometry types, visibility and the primary key come from its
/// optional metadata, each list consumed in column order by the columns its tool thinks
/// it covers (MariaDB's tool skips YEAR and DECIMAL for signedness, its server does not,
/// so the bits it prints can be shifted; that is reproduced). The column metadata is
/// walked the same way: a type the tool has no name for prints `INVALID_TYPE(n)`, takes
/// no metadata and no separator.
fn table_metadata(b: &mut Vec<u8>, map: &TableMapEvent<'_>, dialect: Dialect) {
    let mariadb = dialect == Dialect::Mariadb;
    let fields = MetadataFields::of(map);
    // MySQL 8.0.30+ marks a table whose primary key the server generated; MariaDB has
    // no such flag.
    let gipk = !mariadb && map.table_flags & 0x4 != 0;
    let mut charsets = CharsetCursor::new(&fields.default_charset, &fields.column_charset);
    let mut enum_set_charsets = CharsetCursor::new(
        &fields.enum_set_default_charset,
        &fields.enum_set_column_charset,
    );
    let (mut names, mut signs, mut sets, mut enums) = (0usize, 0usize, 0usize, 0usize);
    let (mut geometries, mut vectors, mut visibility) = (0usize, 0usize, 0usize);
    let mut geometry_type = 0u64;
    let mut meta = 0usize;
    let count = map.column_types.len();
    b.extend_from_slice(b"# Columns(");
    for (i, &code) in map.column_types.iter().enumerate() {
        let first_gipk = i == 0 && gipk;
        let mut real = code;
        if code == 254 && matches!(map.column_metadata.get(meta), Some(247 | 248)) {
            real = map.column_metadata.get(meta).copied().unwrap_or(code);
        }
        let is_enum_or_set = matches!(real, 247 | 248);
        let collation = if metadata_character_type(real, mariadb) {
            charsets.next()
        } else if is_enum_or_set {
            enum_set_charsets.next()
        } else {
            None
        };
        let cs = collation.and_then(|id| CharsetInfo::of(id, dialect));
        if let Some(name) = fields.column_names.get(names) {
            names += 1;
            pretty_print_quoted(b, name, b'`');
            b.push(b' ');
        } else if first_gipk {
            b.extend_from_slice(b"`my_row_id` ");
        }
        if real == 255 {
            geometry_type = fields.geometry_types.get(geometries).copied().unwrap_or(0);
            geometries += 1;
        }
        let mut dimensions = 0u64;
        if real == 242 && !mariadb {
            if let Some(&d) = fields.vector_dimensions.get(vectors) {
                dimensions = d;
                vectors += 1;
            }
        }
        let Some(type_name) = metadata_type_name(
            real,
            map.column_metadata,
            &mut meta,
            cs.as_ref(),
            geometry_type,
            dimensions,
            mariadb,
        ) else {
            let _ = write!(b, "INVALID_TYPE({real})");
            continue;
        };
        b.extend_from_slice(type_name.as_bytes());
        let signed_type = if mariadb {
            matches!(real, 1 | 2 | 9 | 3 | 8 | 246 | 4 | 5)
        } else {
            matches!(real, 1 | 2 | 9 | 3 | 8 | 13 | 0 | 246 | 4 | 5)
        };
        if signed_type && signs < fields.signedness.len() {
            // MySQL writes a bit for YEAR but does not print it.
            if fields.signedness.get(signs) == Some(&true) && (mariadb || real != 13) {
                b.extend_from_slice(b" UNSIGNED");
            }
            signs += 1;
        } else if first_gipk {
            b.extend_from_slice(b" UNSIGNED");
        }
        let null_byte = map.null_bitmap.get(i / 8).copied().unwrap_or(0);
        if null_byte & (1 << (i % 8)) == 0 || first_gipk {
            b.extend_from_slice(b" NOT NULL");
        }
        let members = match real {
            247 => fields.enum_values.get(enums).inspect(|_| enums += 1),
            248 => fields.set_values.get(sets).inspect(|_| sets += 1),
            _ => None,
        };
        if let Some(members) = members {
            let separator: &[u8] = if mariadb { b"," } else { b", " };
            for (n, member) in members.iter().enumerate() {
                b.extend_from_slice(if n == 0 { b"(" } else { separator });
                pretty_print_quoted(b, member, b'\'');
            }
            b.push(b')');
        }
        if let Some(cs) = &cs {
            if is_enum_or_set || cs.id != 63 {
                let _ = write!(b, " CHARSET {} COLLATE {}", cs.charset, cs.collation);
            }
        }
        if !mariadb {
            if let Some(&visible) = fields.visibility.get(visibility) {
                visibility += 1;
                if !visible {
                    b.extend_from_slice(b" INVISIBLE");
                }
            } else if first_gipk {
                b.extend_from_slice(b" INVISIBLE");
            }
            if first_gipk {
                b.extend_from_slice(b" AUTO_INCREMENT");
            }
        }
        if i + 1 != count {
            b.extend_from_slice(b",\n#         ");
        }
    }
    b.extend_from_slice(b")\n");
    if gipk {
        b.extend_from_slice(b"# Primary Key(my_row_id)\n");
    } else if !fields.primary_key.is_empty() {
        b.extend_from_slice(b"# Primary Key(");
        for (n, &(index, prefix)) in fields.primary_key.iter().enumerate() {
            if n > 0 {
                b.extend_from_slice(b", ");
            }
            match usize::try_from(index)
                .ok()
                .and_then(|i| fields.column_names.get(i))
            {
                // Printed as a C string: up to a NUL.
                Some(name) => b.extend_from_slice(name.split(|&c| c == 0).next().unwrap_or(&[])),
                None => {
                    let _ = write!(b, "{index}");
                }
            }
            if prefix != 0 {
                let _ = write!(b, "({prefix})");
            }
        }
        b.extend_from_slice(b")\n");
    }
}

/// The optional metadata of a TABLE_MAP as the tools collect it
/// (`Optional_metadata_fields`): every list in column order, bit lists with their
/// padding bits, repeated fields appended. A malformed field ends the reading; what
/// came before it is kept.
#[derive(Default)]
struct MetadataFields<'a> {
    signedness: Vec<bool>,
    default_charset: (u64, Vec<(u64, u64)>),
    column_charset: Vec<u64>,
    enum_set_default_charset: (u64, Vec<(u64, u64)>),
    enum_set_column_charset: Vec<u64>,
    column_names: Vec<&'a [u8]>,
    set_values: Vec<Vec<&'a [u8]>>,
    enum_values: Vec<Vec<&'a [u8]>>,
    geometry_types: Vec<u64>,
    primary_key: Vec<(u64, u64)>,
    visibility: Vec<bool>,
    vector_dimensions: Vec<u64>,
}

impl<'a> MetadataFields<'a> {
    fn of(map: &TableMapEvent<'a>) -> Self {
        use binlogkit::events::table_map::{CharsetList, OptionalMetadata as M, PackedInts};
        fn ints(list: PackedInts<'_>) -> Vec<u64> {
            list.iter().map_while(Result::ok).collect()
        }
        fn pairs(list: PackedInts<'_>) -> Vec<(u64, u64)> {
            ints(list)
                .chunks_exact(2)
                .filter_map(|p| match p {
                    [a, b] => Some((*a, *b)),
                    _ => None,
                })
                .collect()
        }
        fn bits(bytes: &[u8]) -> impl Iterator<Item = bool> + '_ {
            bytes
                .iter()
                .flat_map(|&byte| (0..8).map(move |k| byte & (0x80 >> k) != 0))
        }
        fn charset(into: &mut (u64, Vec<(u64, u64)>), list: CharsetList<'_>) {
            into.0 = list.default;
            into.1.extend(pairs(list.exceptions));
        }
        let mut f = MetadataFields::default();
        for field in map.optional_metadata().map_while(Result::ok) {
            match field {
                M::Signedness(v) => f.signedness.extend(bits(v)),
                M::DefaultCharset(l) => charset(&mut f.default_charset, l),
                M::ColumnCharset(l) => f.column_charset.extend(ints(l)),
                M::ColumnName(l) => f.column_names.extend(l.iter().map_while(Result::ok)),
                M::SetStrValue(l) => f.set_values.extend(l.iter().map_while(Result::ok)),
                M::EnumStrValue(l) => f.enum_values.extend(l.iter().map_while(Result::ok)),
                M::GeometryType(l) => f.geometry_types.extend(ints(l)),
                M::SimplePrimaryKey(l) => f.primary_key.extend(ints(l).into_iter().map(|i| (i, 0))),
                M::PrimaryKeyWithPrefix(l) => f.primary_key.extend(pairs(l)),
                M::EnumAndSetDefaultCharset(l) => charset(&mut f.enum_set_default_charset, l),
                M::EnumAndSetColumnCharset(l) => f.enum_set_column_charset.extend(ints(l)),
                M::ColumnVisibility(v) => f.visibility.extend(bits(v)),
                M::VectorDimensionality(l) => f.vector_dimensions.extend(ints(l)),
                _ => {}
            }
        }
        f
    }
}

/// The tools' charset iterators: with a default charset (non-zero), each column gets
/// it unless the next exception names the column; otherwise the per-column list, and
/// nothing past its end.
struct CharsetCursor<'f> {
    default: u64,
    exceptions: &'f [(u64, u64)],
    list: &'f [u64],
    column: usize,
    exception: usize,
}

impl<'f> CharsetCursor<'f> {
    fn new(default: &'f (u64, Vec<(u64, u64)>), list: &'f [u64]) -> Self {
        CharsetCursor {
            default: default.0,
            exceptions: &default.1,
            list,
            column: 0,
            exception: 0,
        }
    }

    fn next(&mut self) -> Option<u64> {
        let column = self.column;
        self.column += 1;
        if self.default == 0 {
            return self.list.get(column).copied();
        }
        match self.exceptions.get(self.exception) {
            Some(&(index, id)) if index == column as u64 => {
                self.exception += 1;
                Some(id)
            }
            _ => Some(self.default),
        }
    }
}

/// What the tools use of a collation (`CHARSET_INFO`).
struct CharsetInfo {
    id: u64,
    charset: &'static str,
    collation: String,
    max_bytes_per_char: u64,
}

impl CharsetInfo {
    /// `None` for an id the tool does not know (it then prints the column as binary).
    fn of(id: u64, dialect: Dialect) -> Option<Self> {
        let id16 = u16::try_from(id).ok()?;
        let charset = charset_name(id16, dialect)?;
        let collation = collation_name(id16, dialect)?;
        let max_bytes_per_char = match charset {
            "utf8mb4" | "utf16" | "utf16le" | "utf32" | "gb18030" => 4,
            "utf8mb3" | "utf8" | "ujis" | "eucjpms" => 3,
            "big5" | "sjis" | "euckr" | "gb2312" | "gbk" | "ucs2" | "cp932" => 2,
            "filename" => 5,
            _ => 1,
        };
        Some(CharsetInfo {
            id,
            charset,
            collation,
            max_bytes_per_char,
        })
    }
}

/// Whether the tool takes a charset from the character-column list for this type
/// (`is_character_type` of the printing code).
fn metadata_character_type(t: u8, mariadb: bool) -> bool {
    match t {
        254 | 253 | 15 | 252 => true,
        255 => mariadb,
        242 => !mariadb,
        _ => false,
    }
}

/// `get_type_name`: the type of a column as `--print-table-metadata` words it, moving
/// `meta` past the metadata bytes of the types it names; `None` for the others.
fn metadata_type_name(
    t: u8,
    metadata: &[u8],
    meta: &mut usize,
    cs: Option<&CharsetInfo>,
    geometry_type: u64,
    vector_dimensions: u64,
    mariadb: bool,
) -> Option<String> {
    let byte = |k: usize| u32::from(metadata.get(meta.saturating_add(k)).copied().unwrap_or(0));
    let text = cs.filter(|cs| cs.id != 63);
    let fsp = |name: &str, f: u32| match f {
        0 => name.to_owned(),
        f => format!("{name}({f})"),
    };
    let (name, used) = match t {
        3 => ("INT".to_owned(), 0),
        244 if !mariadb => ("BOOLEAN".to_owned(), 0),
        1 => ("TINYINT".to_owned(), 0),
        2 => ("SMALLINT".to_owned(), 0),
        9 => ("MEDIUMINT".to_owned(), 0),
        8 => ("BIGINT".to_owned(), 0),
        246 => (format!("DECIMAL({},{})", byte(0), byte(1)), 2),
        4 => ("FLOAT".to_owned(), 1),
        5 => ("DOUBLE".to_owned(), 1),
        16 => (format!("BIT({})", byte(0) + byte(1) * 8), 2),
        17 => (fsp("TIMESTAMP", byte(0)), 1),
        18 => (fsp("DATETIME", byte(0)), 1),
        19 => (fsp("TIME", byte(0)), 1),
        14 | 10 => ("DATE".to_owned(), 0),
        13 => ("YEAR".to_owned(), 0),
        247 => ("ENUM".to_owned(), 2),
        248 => ("SET".to_owned(), 2),
        252 => {
            let kind = if text.is_some() { "TEXT" } else { "BLOB" };
            let name = match byte(0) {
                1 => format!("TINY{kind}"),
                2 => kind.to_owned(),
                3 => format!("MEDIUM{kind}"),
                4 => format!("LONG{kind}"),
                size => format!("INVALID_{kind}({size})"),
            };
            (name, 1)
        }
        15 | 253 => {
            let length = byte(0) | byte(1) << 8;
            let name = match text {
                Some(cs) => format!("VARCHAR({})", u64::from(length) / cs.max_bytes_per_char),
                None => format!("VARBINARY({length})"),
            };
            (name, 2)
        }
        254 => {
            let length = ((byte(0) & 0x30) ^ 0x30) << 4 | byte(1);
            let name = match text {
                Some(cs) => format!("CHAR({})", u64::from(length) / cs.max_bytes_per_char),
                None => format!("BINARY({length})"),
            };
            (name, 2)
        }
        245 if !mariadb => ("JSON".to_owned(), 1),
        255 => {
            let last = if mariadb {
                "GEOMETRYCOLLECTION"
            } else {
                "GEOMCOLLECTION"
            };
            let names = [
                "GEOMETRY",
                "POINT",
                "LINESTRING",
                "POLYGON",
                "MULTIPOINT",
                "MULTILINESTRING",
                "MULTIPOLYGON",
                last,
            ];
            let name = match usize::try_from(geometry_type)
                .ok()
                .and_then(|g| names.get(g))
            {
                Some(name) => (*name).to_owned(),
                None => format!("INVALID_GEOMETRY_TYPE({})", geometry_type as u32),
            };
            (name, 1)
        }
        242 if !mariadb => (format!("VECTOR({})", vector_dimensions as u32), 1),
        _ => return None,
    };
    *meta = meta.saturating_add(used);
    Some(name)
}

/// `pretty_print_str` with `quote` (`'` for values, `` ` `` for identifiers, where a
/// backtick is doubled): `\n \r \\ \b \t \' \0` escaped.
fn pretty_print_quoted(b: &mut Vec<u8>, s: &[u8], quote: u8) {
    b.push(quote);
    for &c in s {
        match c {
            b'\n' => b.extend_from_slice(b"\\n"),
            b'\r' => b.extend_from_slice(b"\\r"),
            b'\\' => b.extend_from_slice(b"\\\\"),
            0x08 => b.extend_from_slice(b"\\b"),
            b'\t' => b.extend_from_slice(b"\\t"),
            b'\'' => b.extend_from_slice(b"\\'"),
            0 => b.extend_from_slice(b"\\0"),
            b'`' if quote == b'`' => b.extend_from_slice(b"``"),
            c => b.push(c),
        }
    }
    b.push(quote);
}

/// An event of an encrypted binlog: the tools need the key, which a dump has not.
fn encrypted(item: &Item<'_, '_>) -> DumpError {
    DumpError::Refused {
        file: item.file.to_owned(),
        message: format!(
            "cannot decrypt the event at offset {}: reading encrypted binlogs needs the server's key",
            item.event.offset
        ),
    }
}

/// The uncompressed form of a MariaDB compressed rows event, as `mariadb-binlog`
/// rebuilds it for its `BINLOG` block: the uncompressed type, the decompressed rows,
/// the size fixed and the checksum recomputed.
fn uncompressed_rows_event(
    event: &BinlogEvent<'_>,
    rows: &RowsEvent<'_>,
    decoder: &Decoder,
) -> Option<Vec<u8>> {
    let code = event.header.event_type.0;
    let plain = match code {
        166 => 23,
        167 => 24,
        168 => 25,
        169 => 30,
        170 => 31,
        171 => 32,
        _ => return None,
    };
    let format = decoder.format();
    let mut prefix = 19 + format.post_header_len(event.header.event_type);
    if rows.version == 2 {
        prefix += 2 + rows.extra_data.len();
    }
    prefix += match rows.column_count {
        0..=250 => 1,
        251..=0xffff => 3,
        0x1_0000..=0xff_ffff => 4,
        _ => 9,
    };
    prefix += rows.columns_before.len() + rows.columns_after.map_or(0, <[u8]>::len);
    let with_crc = event.checksum.is_some();
    let mut out = event.raw.get(..prefix)?.to_vec();
    out.extend_from_slice(&rows.rows);
    let size = u32::try_from(out.len() + if with_crc { 4 } else { 0 }).ok()?;
    *out.get_mut(4)? = plain;
    out.get_mut(9..13)?.copy_from_slice(&size.to_le_bytes());
    if with_crc {
        let crc = crc32fast::hash(&out);
        out.extend_from_slice(&crc.to_le_bytes());
    }
    Some(out)
}

/// A TABLE_MAP event with its database name replaced (`--rewrite-db`), its size fixed;
/// the checksum recomputed as MySQL 8.0 does, or the old one kept as MariaDB and MySQL
/// 5.7 do (the event then fails its checksum on replay unless it is not verified).
fn rewrite_table_map(
    raw: &[u8],
    decoder: &Decoder,
    map: &TableMapEvent<'_>,
    db: &[u8],
    recompute_crc: bool,
) -> Option<Vec<u8>> {
    let start = 19 + decoder.format().post_header_len(binlogkit::EventType(19));
    let old_len = usize::from(*raw.get(start)?);
    if raw.get(start + 1..start + 1 + old_len)? != map.database {
        return None;
    }
    let new_len = u8::try_from(db.len()).ok()?;
    let has_crc = decoder.format().checksum() == ChecksumAlg::Crc32;
    let old_crc = raw
        .get(raw.len().saturating_sub(4)..)
        .unwrap_or_default()
        .to_vec();
    let body_end = raw.len().checked_sub(if has_crc { 4 } else { 0 })?;
    let mut out = raw.get(..start)?.to_vec();
    out.push(new_len);
    out.extend_from_slice(db);
    out.extend_from_slice(raw.get(start + 1 + old_len..body_end)?);
    let size = u32::try_from(out.len() + if has_crc { 4 } else { 0 }).ok()?;
    out.get_mut(9..13)?.copy_from_slice(&size.to_le_bytes());
    if has_crc && recompute_crc {
        let crc = crc32fast::hash(&out);
        out.extend_from_slice(&crc.to_le_bytes());
    } else if has_crc {
        out.extend_from_slice(&old_crc);
    }
    Some(out)
}
