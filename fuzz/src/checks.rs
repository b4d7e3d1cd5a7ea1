//! The checks behind the fuzz targets, in plain Rust: the targets in `fuzz_targets/` call
//! them, and `tests/fuzz_regressions.rs` includes this very file (`#[path]`) to replay
//! saved inputs without libFuzzer. A failed check panics.
//!
//! Everything here depends only on `binlogkit`, `serde_json`, `std` and two of
//! binlogkit's own dependencies (`flate2`, and `chrono` with the `chrono` feature), so
//! that it compiles both in the fuzz crate and in the main crate's integration tests.
#![allow(dead_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::io::{self, Read, Write as _};

use binlogkit::events::RowsEvent;
use binlogkit::events::table_map::OptionalMetadata;
use binlogkit::gtid::{Gtid, GtidSet, MariadbGtid, MariadbGtidList};
use binlogkit::json::{self, Json, JsonDiffs, JsonTextStyle, JsonValue};
use binlogkit::rows::{Row, RowChange};
use binlogkit::sql::{self, Dialect};
use binlogkit::value::Value;
use binlogkit::{
    BinlogEvent, BinlogReader, Column, ColumnHint, Decoder, Error, ErrorKind, Event, EventType,
    PayloadEvents, StreamReader, TableHints, TableMapCache, TableSchema, row_json,
};

// ---------------------------------------------------------------------------------------
// Allocation watch: the largest single allocation made by this thread since the last
// reset. An allocation far larger than the input means a size field of the input was
// trusted (a few bytes of header making the reader allocate a gigabyte).

thread_local! {
    static PEAK_ALLOC: Cell<usize> = const { Cell::new(0) };
}

/// A global allocator that records the largest single allocation of each thread. The fuzz
/// targets and the regression test install it; [`check_allocations`] reads it.
pub struct PeakAlloc;

fn note(size: usize) {
    let _ = PEAK_ALLOC.try_with(|p| {
        if size > p.get() {
            p.set(size);
        }
    });
}

// SAFETY: every call is forwarded to the system allocator unchanged.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for PeakAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note(layout.size());
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        note(layout.size());
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note(new_size);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// The largest single allocation the readers may make for any input, in bytes: zstd's
/// largest decoding window (128 MiB) is legitimate, a buffer of the 1 GiB event-size
/// limit for a few bytes of input is not. `BINLOGKIT_FUZZ_ALLOC_LIMIT_MB` overrides it
/// (0 turns the check off).
pub fn alloc_limit() -> usize {
    static LIMIT: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *LIMIT.get_or_init(|| {
        match std::env::var("BINLOGKIT_FUZZ_ALLOC_LIMIT_MB")
            .ok()
            .and_then(|v| v.parse::<usize>().ok())
        {
            Some(0) => usize::MAX,
            Some(mb) => mb << 20,
            None => 256 << 20,
        }
    })
}

/// Forgets the allocations seen so far (call before running a check).
pub fn reset_allocations() {
    let _ = PEAK_ALLOC.try_with(|p| p.set(0));
}

/// Fails when, since the last reset, one allocation went over [`alloc_limit`]. Only
/// meaningful where [`PeakAlloc`] is the global allocator (it reads 0 otherwise).
pub fn check_allocations(what: &str, input_len: usize) {
    let peak = PEAK_ALLOC.try_with(|p| p.get()).unwrap_or(0);
    assert!(
        peak <= alloc_limit(),
        "{what}: one allocation of {peak} bytes for a {input_len}-byte input \
         (limit {} bytes): a size read from the input was trusted",
        alloc_limit()
    );
}

// ---------------------------------------------------------------------------------------
// Touching an event: every lazy accessor, Display, Debug and serde.

/// Exercises everything an event offers that is computed on demand. Returns the table id
/// the event refers to (TABLE_MAP or rows event), for [`touch_schema`].
pub fn touch_event(event: &BinlogEvent<'_>) -> Option<u64> {
    let _ = event.event.kind();
    let _ = event.end_offset();
    let _ = event.header.event_type.name();
    let _ = event.header.event_type.to_string();
    let _ = event.header.flags.contains(1);
    let _ = format!("{event:?}");
    #[cfg(feature = "chrono")]
    let _ = event.header.datetime();
    #[cfg(feature = "serde")]
    {
        let json = serde_json::to_string(&event.event);
        assert!(
            json.is_ok(),
            "serializing a decoded {} event failed: {json:?}",
            event.event.kind()
        );
        let json = serde_json::to_string(event);
        assert!(
            json.is_ok(),
            "serializing a decoded {} BinlogEvent failed: {json:?}",
            event.event.kind()
        );
        let _ = serde_json::to_string(&event.header);
    }
    match &event.event {
        Event::PreviousGtids(p) => {
            let set = p.gtid_set();
            let _ = set.len();
            check_gtid_set_round_trip(&set);
            None
        }
        Event::Gtid(g) | Event::AnonymousGtid(g) => {
            let _ = g.is_rbr_only();
            // GTID text and sets take numbers 1 to 2^63 - 2 (MySQL's range).
            if let Some(gtid) = g.gtid().filter(|g| g.gno < i64::MAX as u64) {
                let text = gtid.to_string();
                let back: Result<Gtid, _> = text.parse();
                assert_eq!(
                    back.as_ref(),
                    Ok(&gtid),
                    "GTID {text:?} does not round-trip"
                );
                let mut set = GtidSet::new();
                set.insert(&gtid);
                assert!(set.contains(&gtid));
                check_gtid_set_round_trip(&set);
            }
            None
        }
        Event::MariadbGtid(g) => {
            let text = g.gtid.to_string();
            let back: Result<MariadbGtid, _> = text.parse();
            assert_eq!(
                back,
                Ok(g.gtid),
                "MariaDB GTID {text:?} does not round-trip"
            );
            None
        }
        Event::MariadbGtidList(l) => {
            let _ = l.gtids().count();
            let list = l.gtid_list();
            let _ = list.position();
            check_mariadb_list_round_trip(&list);
            None
        }
        Event::TableMap(t) => {
            let _ = t.column_types().count();
            for i in 0..=t.column_count() {
                let _ = t.is_nullable(i);
            }
            for field in t.optional_metadata() {
                match field {
                    Ok(field) => touch_metadata(field),
                    Err(e) => {
                        let _ = e.to_string();
                    }
                }
            }
            Some(t.table_id)
        }
        Event::Rows(r) => {
            let _ = r.is_statement_end();
            let _ = r.kind.has_two_images();
            let _ = r.extra_row_info();
            Some(r.table_id)
        }
        Event::Query(q) | Event::ExecuteLoadQuery(q) => {
            let s = &q.status;
            let _ = (s.as_bytes(), s.flags2(), s.sql_mode(), s.catalog());
            let _ = (
                s.auto_increment(),
                s.charset(),
                s.time_zone(),
                s.lc_time_names(),
            );
            let _ = (s.charset_database(), s.table_map_for_update());
            let _ = (s.master_data_written(), s.invoker(), s.microseconds());
            let _ = (s.explicit_defaults_for_timestamp(), s.ddl_xid());
            let _ = (
                s.default_collation_for_utf8mb4(),
                s.sql_require_primary_key(),
            );
            let _ = (s.default_table_encryption(), s.enable_cascade_triggers());
            let _ = (s.hrnow(), s.mariadb_xid(), s.gtid_flags3(), s.unknown());
            if let Some(pairs) = s.character_set_collations() {
                let _ = pairs.count();
            }
            if let Some(names) = s.updated_db_names() {
                let _ = names.is_over_max();
                let _ = names.iter().count();
            }
            None
        }
        Event::UserVar(u) => {
            if let Some(binlogkit::events::UserVarValue::Decimal(d)) = &u.value {
                let _ = d.to_string();
                let _ = d.is_negative();
            }
            None
        }
        Event::Intvar(i) => {
            let _ = i.name();
            None
        }
        Event::Incident(i) => {
            let _ = i.name();
            None
        }
        _ => None,
    }
}

fn touch_metadata(field: OptionalMetadata<'_>) {
    match field {
        OptionalMetadata::DefaultCharset(c) | OptionalMetadata::EnumAndSetDefaultCharset(c) => {
            let _ = c.default;
            let _ = c.exceptions.iter().count();
        }
        OptionalMetadata::ColumnCharset(p)
        | OptionalMetadata::GeometryType(p)
        | OptionalMetadata::SimplePrimaryKey(p)
        | OptionalMetadata::PrimaryKeyWithPrefix(p)
        | OptionalMetadata::EnumAndSetColumnCharset(p)
        | OptionalMetadata::VectorDimensionality(p) => {
            let _ = p.iter().count();
        }
        OptionalMetadata::ColumnName(s) => {
            let _ = s.iter().count();
        }
        OptionalMetadata::SetStrValue(l) | OptionalMetadata::EnumStrValue(l) => {
            let _ = l.iter().count();
        }
        _ => {}
    }
}

/// Exercises the schema the decoder keeps for `table_id`, if any.
pub fn touch_schema(tables: &TableMapCache, table_id: u64) {
    let _ = tables.len();
    if let Some(schema) = tables.get(table_id) {
        let _ = schema.column_names();
        let _ = schema.has_unresolved_legacy_temporals();
        for c in &schema.columns {
            let _ = (c.is_numeric(), c.is_character(false), c.is_character(true));
            let _ = c.is_enum_or_set();
            if let Some(id) = c.charset {
                let _ = binlogkit::charset::collation_name(id, schema.mariadb);
                let _ = binlogkit::charset::charset_of(id, schema.mariadb);
            }
            for dialect in DIALECTS {
                let _ = sql::type_name(c, dialect);
                let mut out = Vec::new();
                sql::TypeComments::new(dialect).write(&mut out, c, false);
            }
        }
        #[cfg(feature = "serde")]
        {
            let json = serde_json::to_string(&**schema);
            assert!(json.is_ok(), "serializing a table schema failed: {json:?}");
        }
    }
}

fn touch_error(e: &Error) {
    let _ = e.to_string();
    let _ = format!("{e:?}");
    let _ = e.kind().as_str();
    let _ = e.is_truncated();
}

// ---------------------------------------------------------------------------------------
// What a reader saw, to compare readers.

/// How a sequence of events ended.
#[derive(Debug, PartialEq, Eq, Clone)]
pub enum Outcome {
    /// `Ok(None)`.
    End,
    /// An error: its kind, offset and message.
    Failed(ErrorKind, u64, String),
}

impl Outcome {
    fn of(e: &Error) -> Self {
        Outcome::Failed(e.kind(), e.offset(), e.to_string())
    }

    fn is_truncated(&self) -> bool {
        matches!(self, Outcome::Failed(ErrorKind::Truncated, ..))
    }
}

/// One step of a reader.
#[derive(Debug, PartialEq, Eq, Clone)]
pub enum Step {
    /// An event: offset, payload offset, kind, raw bytes.
    Event(u64, Option<u64>, &'static str, Vec<u8>),
    /// The end of the inner events of a TRANSACTION_PAYLOAD (or the error opening them).
    PayloadEnd(Outcome),
}

fn step(event: &BinlogEvent<'_>) -> Step {
    Step::Event(
        event.offset,
        event.payload_offset,
        event.event.kind(),
        event.raw.to_vec(),
    )
}

/// Iterates the inner events of the TRANSACTION_PAYLOAD `outer` (or the error opening
/// them), touching each, and records them. With `rows`, the rows of every inner rows
/// event are decoded against the payload's table maps ([`touch_rows`]).
fn walk_inner(
    inner: binlogkit::Result<PayloadEvents<'_, '_>>,
    outer: &BinlogEvent<'_>,
    steps: &mut Vec<Step>,
    rows: bool,
) {
    let mut inner = match inner {
        Ok(inner) => inner,
        Err(e) => {
            touch_error(&e);
            steps.push(Step::PayloadEnd(Outcome::of(&e)));
            return;
        }
    };
    let mut expected_offset = 0u64;
    loop {
        let table = match inner.next_event() {
            Ok(Some(e)) => {
                assert_eq!(e.offset, outer.offset, "an inner event's offset");
                assert_eq!(e.end_offset(), outer.end_offset(), "an inner event's end");
                assert_eq!(
                    e.payload_offset,
                    Some(expected_offset),
                    "inner events are not contiguous"
                );
                expected_offset += e.raw.len() as u64;
                steps.push(step(&e));
                let table = touch_event(&e);
                if let (true, Event::Rows(r)) = (rows, &e.event) {
                    touch_rows(r, e.tables());
                }
                table
            }
            Ok(None) => {
                steps.push(Step::PayloadEnd(Outcome::End));
                // Stays ended.
                assert!(matches!(inner.next_event(), Ok(None)));
                break;
            }
            Err(e) => {
                touch_error(&e);
                assert!(
                    !e.is_truncated(),
                    "a payload's inner events end with Truncated: {e}"
                );
                steps.push(Step::PayloadEnd(Outcome::of(&e)));
                assert!(matches!(inner.next_event(), Ok(None)));
                break;
            }
        };
        if let Some(id) = table {
            touch_schema(inner.decoder().tables(), id);
        }
    }
}

/// The `slice_iter` check: reads `data` as a whole binlog with [`BinlogReader`], touching
/// every event and the inner events of every TRANSACTION_PAYLOAD. Returns what it saw.
pub fn check_slice(data: &[u8]) -> (Vec<Step>, Outcome) {
    let mut steps = Vec::new();
    let mut reader = match BinlogReader::new(data) {
        Ok(r) => r,
        Err(e) => {
            touch_error(&e);
            return (steps, Outcome::of(&e));
        }
    };
    let mut expected_offset = 4u64;
    let outcome = loop {
        match reader.next_event() {
            Ok(Some(event)) => {
                assert_eq!(event.offset, expected_offset, "events are not contiguous");
                assert_eq!(event.payload_offset, None);
                assert_eq!(event.raw.len() as u64, u64::from(event.header.event_size));
                expected_offset = event.end_offset();
                assert_eq!(reader.position(), expected_offset);
                steps.push(step(&event));
                if let Some(id) = touch_event(&event) {
                    touch_schema(reader.tables(), id);
                }
                if let Event::Rows(r) = &event.event {
                    touch_rows(r, reader.tables());
                }
                if let Event::TransactionPayload(payload) = &event.event {
                    let _ = (payload.compression, payload.uncompressed_size);
                    let inner = reader.decoder_mut().payload_events(&event);
                    walk_inner(inner, &event, &mut steps, true);
                }
            }
            Ok(None) => {
                assert_eq!(
                    expected_offset,
                    data.len() as u64,
                    "ended before the input did"
                );
                break Outcome::End;
            }
            Err(e) => {
                touch_error(&e);
                assert!(
                    e.offset() <= data.len() as u64,
                    "an error offset past the input: {e}"
                );
                break Outcome::of(&e);
            }
        }
    };
    // The reader is fused.
    assert!(matches!(reader.next_event(), Ok(None)));
    assert!(reader.next().is_none());
    (steps, outcome)
}

// ---------------------------------------------------------------------------------------
// The stream reader over a reader that hands out the input in chosen pieces.

/// What the chunked reader does on one `read` call.
#[derive(Clone, Copy, Debug)]
pub enum Chunk {
    /// Return up to this many bytes.
    Bytes(usize),
    /// Return `Ok(0)` although more input remains: the file has not grown yet.
    Pause,
    /// Fail with `ErrorKind::Interrupted` (the framer retries).
    Interrupted,
    /// Fail with another I/O error (the stream reader reports it and may be called again).
    Failure,
    /// Return as much as fits.
    All,
}

impl Chunk {
    fn from_byte(b: u8) -> Chunk {
        match b {
            0 => Chunk::Pause,
            1..=127 => Chunk::Bytes(usize::from(b)),
            128..=251 => Chunk::Bytes(usize::from(b - 127) * 512),
            252 => Chunk::Interrupted,
            253 => Chunk::Failure,
            _ => Chunk::All,
        }
    }
}

/// Splits a `stream_chunks` input: the low 4 bits of the first byte say how many of the
/// following bytes choose the chunk sizes (see [`Chunk`]); the rest is the binlog.
pub fn split_chunk_plan(data: &[u8]) -> (Vec<Chunk>, &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return (vec![Chunk::All], data);
    };
    let n = usize::from(first & 0x0f).min(rest.len());
    let (plan, binlog) = rest.split_at(n);
    let mut plan: Vec<Chunk> = plan.iter().map(|&b| Chunk::from_byte(b)).collect();
    if plan.is_empty() {
        plan.push(Chunk::All);
    }
    (plan, binlog)
}

/// A reader over `data` that follows a plan of chunk sizes, cyclically. Pauses and
/// errors are limited in number so that every plan gets through the input.
pub struct ChunkedReader<'a> {
    data: &'a [u8],
    pos: usize,
    plan: Vec<Chunk>,
    next: usize,
    /// Pauses and errors left.
    hiccups: usize,
}

impl<'a> ChunkedReader<'a> {
    pub fn new(data: &'a [u8], plan: Vec<Chunk>) -> Self {
        ChunkedReader {
            data,
            pos: 0,
            plan,
            next: 0,
            hiccups: 64,
        }
    }

    /// Whether every byte has been handed out.
    pub fn exhausted(&self) -> bool {
        self.pos >= self.data.len()
    }
}

impl Read for ChunkedReader<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let chunk = self.plan.get(self.next).copied().unwrap_or(Chunk::All);
        self.next = (self.next + 1) % self.plan.len().max(1);
        let rest = self.data.get(self.pos..).unwrap_or_default();
        if rest.is_empty() {
            // At the real end, a plain end of file: no pause or failure.
            return Ok(0);
        }
        let want = match chunk {
            Chunk::Pause | Chunk::Interrupted | Chunk::Failure if self.hiccups > 0 => {
                self.hiccups -= 1;
                return match chunk {
                    Chunk::Pause => Ok(0),
                    Chunk::Interrupted => Err(io::ErrorKind::Interrupted.into()),
                    _ => Err(io::Error::other("injected failure")),
                };
            }
            Chunk::Pause | Chunk::Interrupted | Chunk::Failure => 1,
            Chunk::Bytes(n) => n,
            Chunk::All => usize::MAX,
        };
        let n = want.min(buf.len()).min(rest.len());
        buf.get_mut(..n)
            .unwrap_or_default()
            .copy_from_slice(rest.get(..n).unwrap_or_default());
        self.pos += n;
        Ok(n)
    }
}

/// Reads `data` with a [`StreamReader`] fed by a [`ChunkedReader`] following `plan`,
/// resuming after every pause and injected failure as a program following a growing file
/// would, and walking the inner events of every TRANSACTION_PAYLOAD. Records what it saw
/// like [`check_slice`].
pub fn run_stream(data: &[u8], plan: Vec<Chunk>) -> (Vec<Step>, Outcome) {
    let mut reader = StreamReader::new(ChunkedReader::new(data, plan));
    let mut steps = Vec::new();
    let mut budget = data.len() * 2 + 1000;
    let outcome = loop {
        budget = budget
            .checked_sub(1)
            .expect("the stream reader makes no progress");
        let exhausted = reader.get_ref().exhausted();
        let position = reader.position();
        match reader.next_event() {
            Ok(Some(mut event)) => {
                steps.push(step(&event));
                if let Some(id) = touch_event(&event) {
                    touch_schema(event.tables(), id);
                }
                if matches!(event.event, Event::TransactionPayload(_)) {
                    let outer = (*event).clone();
                    // The slice check, which the differential runs too, decodes the rows.
                    walk_inner(event.payload_events(), &outer, &mut steps, false);
                }
            }
            Ok(None) if exhausted => break Outcome::End,
            Ok(None) => {
                // Nothing was returned: the stream stays where it was (past the magic, if
                // this call read it).
                let now = reader.position();
                assert!(
                    now == position || (position == 0 && now == 4),
                    "a pause moved the stream from {position} to {now}"
                );
            }
            Err(e) if !exhausted && matches!(e.kind(), ErrorKind::Truncated | ErrorKind::Io) => {
                touch_error(&e);
            }
            Err(e) => {
                touch_error(&e);
                let outcome = Outcome::of(&e);
                if !matches!(e.kind(), ErrorKind::Truncated | ErrorKind::Io) {
                    assert!(matches!(reader.next_event(), Ok(None)));
                }
                break outcome;
            }
        }
    };
    (steps, outcome)
}

/// Compares the stream reader's view of `binlog` with the slice reader's: the same events
/// (offset, kind, bytes), the same inner payload events, and the same final error, except
/// that one may end cleanly where the other reports Truncated at the very end of the
/// input.
pub fn check_stream_plan(binlog: &[u8], plan: Vec<Chunk>) {
    let (slice_steps, slice_end) = check_slice(binlog);
    let (stream_steps, stream_end) = run_stream(binlog, plan.clone());
    compare(
        binlog.len(),
        (&slice_steps, &slice_end),
        (&stream_steps, &stream_end),
        &plan,
    );
}

fn compare(
    input_len: usize,
    (slice_steps, slice_end): (&[Step], &Outcome),
    (stream_steps, stream_end): (&[Step], &Outcome),
    plan: &[Chunk],
) {
    if slice_steps != stream_steps {
        let first = slice_steps
            .iter()
            .zip(stream_steps)
            .position(|(a, b)| a != b)
            .unwrap_or(slice_steps.len().min(stream_steps.len()));
        panic!(
            "stream ({plan:?}) and slice readers differ at step {first}: slice {:?}, stream {:?} \
             ({} vs {} steps; slice end {slice_end:?}, stream end {stream_end:?})",
            slice_steps.get(first).map(short),
            stream_steps.get(first).map(short),
            slice_steps.len(),
            stream_steps.len(),
        );
    }
    // Tolerated: at the very end of the input, one reader may say Truncated where the
    // other ends cleanly (an empty input is Truncated to the slice reader, the end of the
    // stream to the stream reader, which may be following a file just created).
    let _ = input_len;
    // And a stream that has seen only some bytes which already differ from the magic
    // names only those bytes in its BadMagic.
    let both_bad_magic = matches!(
        (slice_end, stream_end),
        (
            Outcome::Failed(ErrorKind::BadMagic, 0, _),
            Outcome::Failed(ErrorKind::BadMagic, 0, _)
        )
    );
    let equivalent = slice_end == stream_end
        || (slice_end.is_truncated() && *stream_end == Outcome::End)
        || (stream_end.is_truncated() && *slice_end == Outcome::End)
        || both_bad_magic;
    assert!(
        equivalent,
        "stream ({plan:?}) and slice readers end differently after {} steps: \
         slice {slice_end:?}, stream {stream_end:?}",
        slice_steps.len()
    );
}

fn short(s: &Step) -> String {
    match s {
        Step::Event(offset, payload_offset, kind, raw) => {
            format!("{kind} at {offset}/{payload_offset:?}, {} bytes", raw.len())
        }
        Step::PayloadEnd(o) => format!("payload end {o:?}"),
    }
}

/// The `stream_chunks` check: the first bytes of `data` choose the chunk plan, the rest
/// is the binlog.
pub fn check_stream(data: &[u8]) {
    let (plan, binlog) = split_chunk_plan(data);
    check_stream_plan(binlog, plan);
}

/// The plans the regression test runs every saved binlog through.
pub fn fixed_plans() -> Vec<Vec<Chunk>> {
    vec![
        vec![Chunk::All],
        vec![Chunk::Bytes(1)],
        vec![Chunk::Bytes(7), Chunk::Pause, Chunk::Bytes(300)],
        vec![
            Chunk::Bytes(19),
            Chunk::Interrupted,
            Chunk::Failure,
            Chunk::Bytes(4096),
        ],
    ]
}

// ---------------------------------------------------------------------------------------
// event_body: one event body after a fixed MySQL 8.0 format description.

/// The FORMAT_DESCRIPTION of a MySQL 8.0.45 binlog (Percona binlog server test data,
/// `data_80045_gtid/binlog.000001`), with its checksum algorithm byte set to 0 (off):
/// the checksum-aware FDE still ends with 4 checksum bytes, not verified.
pub const FDE_MYSQL80_CHECKSUM_OFF: [u8; 122] = [
    0xd7, 0x50, 0xb0, 0x69, 0x0f, 0x01, 0x00, 0x00, 0x00, 0x7a, 0x00, 0x00, 0x00, 0x7e, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x04, 0x00, 0x38, 0x2e, 0x30, 0x2e, 0x34, 0x35, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xd7, 0x50, 0xb0, 0x69, 0x13, 0x00, 0x0d, 0x00, 0x08,
    0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x04, 0x00, 0x00, 0x00, 0x62, 0x00, 0x04, 0x1a, 0x08, 0x00,
    0x00, 0x00, 0x08, 0x08, 0x08, 0x02, 0x00, 0x00, 0x00, 0x0a, 0x0a, 0x0a, 0x2a, 0x2a, 0x00, 0x12,
    0x34, 0x00, 0x0a, 0x28, 0x00, 0x00, 0xaa, 0xbf, 0xa2, 0x1a,
];

/// A frame with a correct 19-byte header for an event of type `event_type` with `body`
/// (and no checksum), as if found at `offset`.
pub fn frame(event_type: u8, body: &[u8], offset: u64) -> Option<Vec<u8>> {
    let size = u32::try_from(19 + body.len()).ok()?;
    let mut frame = Vec::with_capacity(19 + body.len());
    frame.extend_from_slice(&0x69b0_50d7u32.to_le_bytes()); // timestamp
    frame.push(event_type);
    frame.extend_from_slice(&1u32.to_le_bytes()); // server id
    frame.extend_from_slice(&size.to_le_bytes());
    let log_pos = u32::try_from(offset + u64::from(size)).unwrap_or(0);
    frame.extend_from_slice(&log_pos.to_le_bytes());
    frame.extend_from_slice(&0u16.to_le_bytes()); // flags
    frame.extend_from_slice(body);
    Some(frame)
}

/// A decoder that has read [`FDE_MYSQL80_CHECKSUM_OFF`].
pub fn mysql80_decoder() -> Decoder {
    let mut decoder = Decoder::new();
    let fde = decoder
        .decode(4, &FDE_MYSQL80_CHECKSUM_OFF)
        .expect("the built-in format description decodes");
    assert!(matches!(fde.event, Event::FormatDescription(_)));
    assert_eq!(decoder.format().checksum(), binlogkit::ChecksumAlg::Off);
    assert_eq!(decoder.format().header_len(), 19);
    decoder
}

/// The `event_body` check: `data` is an event type byte then the event's body; it is
/// decoded after a MySQL 8.0 format description without checksums.
pub fn check_event_body(data: &[u8]) {
    let Some((&event_type, body)) = data.split_first() else {
        return;
    };
    let mut decoder = mysql80_decoder();
    let offset = 4 + FDE_MYSQL80_CHECKSUM_OFF.len() as u64;
    let Some(frame) = frame(event_type, body, offset) else {
        return;
    };
    let mut steps = Vec::new();
    match decoder.decode(offset, &frame) {
        Ok(event) => {
            assert_eq!(event.raw, &frame[..]);
            if let Some(id) = touch_event(&event) {
                touch_schema(decoder.tables(), id);
            }
            if let Event::TransactionPayload(_) = &event.event {
                let inner = decoder.payload_events(&event);
                walk_inner(inner, &event, &mut steps, true);
            }
        }
        Err(e) => {
            touch_error(&e);
            assert!(!e.is_truncated(), "a whole frame decodes as Truncated: {e}");
        }
    }
}

// ---------------------------------------------------------------------------------------
// Rows: every row of a rows event decoded against its table map, every value read, and
// the event printed as mysqlbinlog prints it (every dialect) and as JSON Lines.

/// Every `mysqlbinlog` dialect.
pub const DIALECTS: [Dialect; 4] = [
    Dialect::Mysql56,
    Dialect::Mysql57,
    Dialect::Mysql80,
    Dialect::Mariadb,
];

/// How many JSON values a walk of one document visits at most: entries may point to
/// shared values, which makes a naive walk exponential.
pub const JSON_WALK_BUDGET: usize = 20_000;

/// Whether the known, not yet fixed, bug `name` is to be tolerated rather than reported:
/// `BINLOGKIT_FUZZ_TOLERATE` holds a comma-separated list of names (see the README), so
/// that a fuzzing run gets past a bug already found. Unset in CI: every bug fails.
pub fn tolerated(name: &str) -> bool {
    static LIST: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    LIST.get_or_init(|| {
        std::env::var("BINLOGKIT_FUZZ_TOLERATE")
            .unwrap_or_default()
            .split(',')
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect()
    })
    .iter()
    .any(|s| s == name)
}

/// Fails unless `text` is one JSON value.
fn check_json_text(text: &str, what: &str) {
    let parsed = serde_json::from_str::<serde_json::Value>(text);
    assert!(
        parsed.is_ok(),
        "{what} wrote invalid JSON ({parsed:?}): {:?}",
        text.get(..text.len().min(400)).unwrap_or(text)
    );
}

/// Decodes every row of `rows` against the table map its table id names in `tables`
/// (none: the unknown-table line), reads every value ([`touch_value`]), and prints the
/// event with [`sql::write_rows_verbose`] in every dialect at `-vv` and with
/// [`row_json::write_rows_json`]. Errors are fine; what is checked: the iteration ends
/// (at most one row per byte of row data), a MariaDB-dialect error leaves the output as
/// it was, and the JSON is JSON.
pub fn touch_rows(rows: &RowsEvent<'_>, tables: &TableMapCache) {
    let _ = (
        rows.offset(),
        rows.is_statement_end(),
        rows.extra_row_info(),
    );
    let Some(schema) = tables.get(rows.table_id) else {
        let mut out = Vec::new();
        sql::write_unknown_table(&mut out, rows.table_id);
        return;
    };
    let schema: &TableSchema = schema;
    // Every image that is not empty takes at least one byte; an empty image would make
    // the iteration (and everything built on it) endless.
    let max_rows = rows.rows.len() + 1;
    let mut n = 0usize;
    for change in rows.rows(schema) {
        n += 1;
        if n > max_rows && tolerated("empty-image") {
            // The printers would iterate forever too.
            return;
        }
        assert!(
            n <= max_rows,
            "RowsEvent::rows yields more rows ({n}) than its {} bytes of row data can hold: \
             an image of no bytes repeats forever",
            rows.rows.len()
        );
        match change {
            Ok(change) => touch_change(&change),
            Err(e) => touch_error(&e),
        }
    }
    let count = sql::row_count(rows, schema);
    assert!(count <= max_rows, "row_count {count} for {n} rows");
    for dialect in DIALECTS {
        let mut out = b"<".to_vec();
        if let Err(e) = sql::write_rows_verbose(&mut out, rows, schema, dialect, 2) {
            touch_error(&e);
            if dialect == Dialect::Mariadb {
                assert_eq!(
                    out, b"<",
                    "write_rows_verbose (MariaDB) changed its output before an error"
                );
            }
        }
    }
    let mut text = String::new();
    match row_json::write_rows_json(&mut text, rows, schema) {
        Ok(()) => check_json_text(&text, "write_rows_json"),
        Err(e) => touch_error(&e),
    }
}

fn touch_change(change: &RowChange<'_, '_>) {
    match change {
        RowChange::Insert(row) | RowChange::Delete(row) => touch_row(row),
        RowChange::Update { before, after } => {
            touch_row(before);
            touch_row(after);
        }
    }
}

fn touch_row(row: &Row<'_, '_>) {
    let present = row.present();
    let _ = (present.len(), present.count_ones(), present.is_empty());
    let _ = row.data().len();
    let schema = row.schema();
    let mut last = None;
    for item in row.values() {
        match item {
            Ok((i, value)) => {
                assert!(row.is_present(i), "a value for column {i}, absent");
                assert!(last < Some(i), "values out of order: {i} after {last:?}");
                last = Some(i);
                let column = schema.columns.get(i);
                assert!(column.is_some(), "a value for column {i} past the table");
                if let Some(column) = column {
                    touch_value(&value, column, i + 1);
                }
            }
            Err(e) => {
                let _ = (e.to_string(), e.needs_schema());
                let _ = row.error_at(0, e.reason.clone());
            }
        }
    }
    let _ = row.get(0);
}

/// Reads one value every way the crate offers: its parts, `Str::bytes` and `text`, a
/// JSON document or diff list ([`touch_json`], [`touch_diffs`]), `sql::write_value` (or
/// `write_json_diff`) in every dialect, and `row_json::write_value_json`.
pub fn touch_value(value: &Value<'_>, column: &Column, column_number: usize) {
    let _ = format!("{value:?}");
    match value {
        Value::String(s) => {
            let bytes = s.bytes();
            let text = s.text();
            let _ = s.is_binary();
            if let Ok(b) = &bytes {
                assert!(b.len() >= s.pad_to, "Str::bytes shorter than its padding");
            }
            assert!(
                bytes.is_ok() || text.is_none(),
                "Str::text of a value whose bytes fail"
            );
        }
        Value::Json(doc) => touch_json(doc),
        Value::JsonDiff(diffs) => touch_diffs(diffs, column_number),
        Value::Decimal(d) => {
            let _ = (d.to_string(), d.is_negative(), d.precision(), d.scale());
        }
        Value::Date(d) => {
            let _ = d.to_string();
        }
        Value::Time(t) => {
            let _ = t.to_string();
        }
        Value::DateTime(t) => {
            let _ = t.to_string();
        }
        Value::Timestamp(t) => {
            let _ = (t.to_string(), t.is_zero(), t.to_utc().to_string());
        }
        Value::Int(i) => {
            let _ = (i.signed(), i.as_unsigned(), i.value());
        }
        Value::Bit(b) => {
            let _ = b.value();
        }
        Value::Geometry(g) => {
            let _ = (g.srid(), g.wkb());
        }
        Value::Vector(v) => {
            let _ = (v.iter().count(), v.len(), v.is_empty());
        }
        _ => {}
    }
    #[cfg(feature = "chrono")]
    touch_chrono(value);
    for dialect in DIALECTS {
        let mut out = Vec::new();
        let printed = match value {
            Value::JsonDiff(diffs) => sql::write_json_diff(&mut out, diffs, column_number, dialect),
            _ => sql::write_value(&mut out, value, column, dialect),
        };
        if let sql::Printed::Fail(why) = printed {
            let _ = why.to_string();
        }
    }
    let mut text = String::new();
    if row_json::write_value_json(&mut text, value, column).is_ok() {
        check_json_text(&text, "write_value_json");
    }
}

#[cfg(feature = "chrono")]
fn touch_chrono(value: &Value<'_>) {
    match value {
        Value::Date(d) => {
            let _ = chrono::NaiveDate::try_from(*d);
        }
        Value::DateTime(d) => {
            let _ = chrono::NaiveDateTime::try_from(*d);
        }
        Value::Timestamp(t) => {
            let _ = chrono::DateTime::<chrono::Utc>::try_from(*t);
        }
        Value::Time(t) => {
            let _ = chrono::TimeDelta::try_from(*t);
            let _ = chrono::NaiveTime::try_from(*t);
        }
        _ => {}
    }
}

/// Reads a binary JSON document: a walk of every value (at most [`JSON_WALK_BUDGET`]),
/// its text in both styles, quoted and unquoted, into a `String` and into bytes, serde,
/// and mysqlbinlog's rendering. Checked: text that is written is JSON, the `String` and
/// byte forms agree, an error leaves the output as it was, nesting stays within
/// [`json::MAX_DEPTH`].
pub fn touch_json(doc: &Json<'_>) {
    let value = doc.value();
    match &value {
        Ok(v) => {
            let mut budget = JSON_WALK_BUDGET;
            walk_json(v, 1, &mut budget);
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
    for style in [JsonTextStyle::Mysql57, JsonTextStyle::Mysql80] {
        let mut text = String::from("<");
        let r = doc.write_text(&mut text, style);
        match &r {
            Ok(()) => check_json_text(text.get(1..).unwrap_or(""), "Json::write_text"),
            Err(e) => {
                let _ = e.to_string();
                assert_eq!(text, "<", "Json::write_text changed its output before {e}");
            }
        }
        assert!(
            value.is_ok() || r.is_err(),
            "Json::write_text of a document whose value() fails"
        );
        let mut bytes = b"<".to_vec();
        let rb = doc.write_text_bytes(&mut bytes, style);
        match &rb {
            Ok(()) if r.is_ok() => assert_eq!(
                bytes,
                text.as_bytes(),
                "Json::write_text and write_text_bytes differ"
            ),
            Ok(()) => {}
            Err(e) => {
                assert!(
                    r.is_err(),
                    "write_text_bytes fails ({e}), write_text does not"
                );
                assert_eq!(
                    bytes, b"<",
                    "Json::write_text_bytes changed its output before {e}"
                );
            }
        }
        let mut unquoted = String::from("<");
        let ru = doc.write_unquoted(&mut unquoted, style);
        if let Err(e) = &ru {
            assert_eq!(
                unquoted, "<",
                "Json::write_unquoted changed its output before {e}"
            );
        }
        let mut unquoted_bytes = b"<".to_vec();
        match doc.write_unquoted_bytes(&mut unquoted_bytes, style) {
            Ok(()) if ru.is_ok() => assert_eq!(
                unquoted_bytes,
                unquoted.as_bytes(),
                "Json::write_unquoted and write_unquoted_bytes differ"
            ),
            Ok(()) => {}
            Err(e) => assert_eq!(
                unquoted_bytes, b"<",
                "Json::write_unquoted_bytes changed its output before {e}"
            ),
        }
        if style == JsonTextStyle::Mysql80 {
            let to_text = doc.to_text();
            assert_eq!(
                to_text.as_deref().ok(),
                r.is_ok().then(|| text.get(1..).unwrap_or("")),
                "Json::to_text and write_text (MySQL 8.0) differ"
            );
        }
    }
    #[cfg(feature = "serde")]
    {
        let _ = serde_json::to_string(doc);
    }
    let mut out = b"<".to_vec();
    let quote = |o: &mut Vec<u8>, s: &[u8]| sql::write_quoted(o, s, Dialect::Mysql80);
    if let Err(e) = json::write_mysqlbinlog_value(doc, &mut out, quote) {
        assert_eq!(
            out, b"<",
            "write_mysqlbinlog_value changed its output before {e}"
        );
    }
}

/// Visits `v` and what it contains, at most `budget` values in all. `depth` is the
/// nesting level `v` would have as a container (1 at the top).
fn walk_json(v: &JsonValue<'_>, depth: usize, budget: &mut usize) {
    let Some(left) = budget.checked_sub(1) else {
        return;
    };
    *budget = left;
    match v {
        JsonValue::Object(o) => {
            assert!(
                depth <= json::MAX_DEPTH,
                "an object at depth {depth}, past MAX_DEPTH"
            );
            let _ = (
                o.len(),
                o.is_empty(),
                o.is_large(),
                o.offset(),
                format!("{o:?}"),
            );
            for member in o.iter() {
                if *budget == 0 {
                    break;
                }
                match member {
                    Ok((_key, value)) => walk_json(&value, depth + 1, budget),
                    Err(e) => {
                        let _ = e.to_string();
                    }
                }
            }
            if let Some(Ok(key)) = o.key(0) {
                let _ = o.lookup(key);
            }
            let _ = o.lookup(b"a");
            assert!(o.get(o.len()).is_none() && o.key(o.len()).is_none());
            assert!(o.value(o.len()).is_none());
        }
        JsonValue::Array(a) => {
            assert!(
                depth <= json::MAX_DEPTH,
                "an array at depth {depth}, past MAX_DEPTH"
            );
            let _ = (
                a.len(),
                a.is_empty(),
                a.is_large(),
                a.offset(),
                format!("{a:?}"),
            );
            for element in a.iter() {
                if *budget == 0 {
                    break;
                }
                match element {
                    Ok(value) => walk_json(&value, depth + 1, budget),
                    Err(e) => {
                        let _ = e.to_string();
                    }
                }
            }
            assert!(a.get(a.len()).is_none());
        }
        JsonValue::Decimal(d) => {
            let _ = d.to_string();
        }
        JsonValue::Date(d) => {
            let _ = d.to_string();
        }
        JsonValue::Time(t) => {
            let _ = t.to_string();
        }
        JsonValue::DateTime(t) | JsonValue::Timestamp(t) => {
            let _ = t.to_string();
        }
        _ => {}
    }
}

/// Reads a JSON diff list: every diff (and its value document, [`touch_json`]),
/// mysqlbinlog's rendering as column `column_number`, serde, and `sql::write_json_diff`
/// in every dialect.
pub fn touch_diffs(diffs: &JsonDiffs<'_>, column_number: usize) {
    let len = diffs.as_bytes().len();
    let mut n = 0usize;
    for diff in diffs.iter() {
        n += 1;
        assert!(
            n <= len,
            "JsonDiffs::iter yields more diffs ({n}) than bytes ({len})"
        );
        match diff {
            Ok(d) => {
                let _ = (d.op.as_str(), d.op.to_string(), d.mysql_function(), d.path);
                if let Some(value) = d.value {
                    touch_json(&value);
                }
            }
            Err(e) => {
                let _ = e.to_string();
            }
        }
    }
    let mut out = b"<".to_vec();
    let quote = |o: &mut Vec<u8>, s: &[u8]| sql::write_quoted(o, s, Dialect::Mysql80);
    if let Err(e) = json::write_mysqlbinlog_diffs(diffs, column_number, &mut out, quote) {
        let _ = e.to_string();
        assert_eq!(
            out, b"<",
            "write_mysqlbinlog_diffs changed its output before {e}"
        );
    }
    #[cfg(feature = "serde")]
    {
        let _ = serde_json::to_string(diffs);
    }
    for dialect in DIALECTS {
        let mut out = Vec::new();
        let _ = sql::write_json_diff(&mut out, diffs, column_number, dialect);
    }
}

/// The `json` check: `data` as a binary JSON document and as a JSON diff list.
pub fn check_json(data: &[u8]) {
    touch_json(&Json::new(data));
    touch_diffs(&JsonDiffs::new(data), 1);
}

// ---------------------------------------------------------------------------------------
// rows: one TABLE_MAP and one rows event built from the input.

/// The FORMAT_DESCRIPTION of a MariaDB 10.11.19 binlog written with
/// `binlog_checksum=NONE` (`mariadb/types-row-nochecksum.bin` of the shared fixtures):
/// like every checksum-aware FDE it ends with its algorithm byte (0, off) and 4 bytes of
/// checksum, not verified.
pub const FDE_MARIADB1011_CHECKSUM_OFF: [u8; 252] = [
    0xd7, 0x51, 0x01, 0x6b, 0x0f, 0x01, 0x00, 0x00, 0x00, 0xfc, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00,
    0x00, 0x00, 0x00, 0x04, 0x00, 0x31, 0x30, 0x2e, 0x31, 0x31, 0x2e, 0x31, 0x39, 0x2d, 0x4d, 0x61,
    0x72, 0x69, 0x61, 0x44, 0x42, 0x2d, 0x30, 0x2b, 0x64, 0x65, 0x62, 0x31, 0x32, 0x75, 0x31, 0x2d,
    0x6c, 0x6f, 0x67, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x13, 0x38, 0x0d, 0x00, 0x08,
    0x00, 0x12, 0x00, 0x04, 0x04, 0x04, 0x04, 0x12, 0x00, 0x00, 0xe4, 0x00, 0x04, 0x1a, 0x08, 0x00,
    0x00, 0x00, 0x08, 0x08, 0x08, 0x02, 0x00, 0x00, 0x00, 0x0a, 0x0a, 0x0a, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x0a, 0x0a, 0x0a, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x04, 0x13, 0x04, 0x00,
    0x0d, 0x08, 0x08, 0x08, 0x0a, 0x0a, 0x0a, 0x00, 0xec, 0xa5, 0xcb, 0x14,
];

/// A decoder that has read [`FDE_MARIADB1011_CHECKSUM_OFF`].
pub fn mariadb1011_decoder() -> Decoder {
    let mut decoder = Decoder::new();
    let fde = decoder
        .decode(4, &FDE_MARIADB1011_CHECKSUM_OFF)
        .expect("the built-in MariaDB format description decodes");
    assert!(matches!(fde.event, Event::FormatDescription(_)));
    assert!(decoder.format().is_mariadb());
    assert_eq!(decoder.format().checksum(), binlogkit::ChecksumAlg::Off);
    assert_eq!(decoder.format().header_len(), 19);
    decoder
}

/// The rows event types the `rows` target chooses from, by the low 4 bits of its
/// selector byte: pre-GA (20-22), v1 (23-25), v2 (30-32), PARTIAL_UPDATE_ROWS (39),
/// MariaDB compressed v1 (166-168) and v2 (169-171).
pub const ROWS_EVENT_TYPES: [u8; 16] = [
    20, 21, 22, 23, 24, 25, 30, 31, 32, 39, 166, 167, 168, 169, 170, 171,
];

/// The `rows` input's flag bits.
pub mod rows_flags {
    /// Decode after the MariaDB 10.11 format description (else MySQL 8.0).
    pub const MARIADB: u8 = 0x01;
    /// The rows event has `STMT_END_F`.
    pub const STMT_END: u8 = 0x02;
    /// The TABLE_MAP ends after the column types, as MySQL 5.1.0-5.1.15 wrote it (no
    /// metadata, null bitmap or optional metadata; the input still holds the metadata
    /// bytes, unused).
    pub const NO_METADATA: u8 = 0x04;
    /// Table hints follow (see [`super::RowsCase`]).
    pub const HINTS: u8 = 0x08;
    /// For the MariaDB compressed types (166-171): the row bytes are zlib-compressed by
    /// the harness into MariaDB's compressed block (else they are the block).
    pub const COMPRESS: u8 = 0x10;
    /// Extra row info follows (a length byte and the bytes; v2 events only use it).
    pub const EXTRA: u8 = 0x20;
    /// The columns-present bitmaps come from the input (else every column is present).
    pub const PRESENT: u8 = 0x40;
    /// The TABLE_MAP's nullable bitmap comes from the input (else every column may be
    /// NULL).
    pub const NULLABLE: u8 = 0x80;
}

/// The metadata bytes a TABLE_MAP carries for a column type (`metadata_len` of
/// binlogkit's `schema.rs`); 0 for types it does not know.
pub fn metadata_len(column_type: u8) -> usize {
    match column_type {
        4 | 5 | 17 | 18 | 19 | 140 | 242 | 245 | 249..=252 | 255 => 1,
        15 | 16 | 141 | 246..=248 | 253 | 254 => 2,
        _ => 0,
    }
}

/// A cursor over the fuzz input: past its end, bytes are 0 and slices empty.
struct Input<'a>(&'a [u8]);

impl<'a> Input<'a> {
    fn byte(&mut self) -> u8 {
        match self.0.split_first() {
            Some((&b, rest)) => {
                self.0 = rest;
                b
            }
            None => 0,
        }
    }

    fn take(&mut self, n: usize) -> &'a [u8] {
        let (a, b) = self.0.split_at(n.min(self.0.len()));
        self.0 = b;
        a
    }
}

/// A `rows` input, parsed:
///
/// ```text
/// [c]          column count n = 1 + (c & 15)
/// [n]          column types
/// [...]        each type's metadata bytes (metadata_len)
/// [L][L]       optional metadata
/// [s]          rows event type ROWS_EVENT_TYPES[s & 15]; bit 4: the rows event claims
///              n + 1 columns; bit 5: it names another table id; bit 6: the pre-GA
///              types' post-header is 6 bytes (else 8; see rows_decoder)
/// [f]          flags (rows_flags)
/// NULLABLE:    [(n+7)/8] the TABLE_MAP's nullable bitmap
/// PRESENT:     [(n+7)/8] columns present in the (before) image, and for the
///              two-image types but pre-GA UPDATE [(n+7)/8] in the after image
/// HINTS:       [e] engine_null_bytes (255: none), then per column [h]: bits 0-2
///              legacy_fsp (7: none), bit 3 unsigned, bit 4 engine_null_bit = the
///              column's index, bit 5 metadata ([2] follow, little-endian), bit 6
///              charset ([1] follows: the collation id), bit 7 a name
/// EXTRA:       [E][E] extra row info
/// [...]        the row bytes
/// ```
#[derive(Clone, Debug)]
pub struct RowsCase<'a> {
    pub types: Vec<u8>,
    pub metadata: Vec<u8>,
    pub optional_metadata: &'a [u8],
    pub event_type: u8,
    pub selector: u8,
    pub flags: u8,
    pub nullable: Vec<u8>,
    pub before: Vec<u8>,
    pub after: Vec<u8>,
    pub hints: Option<TableHints>,
    pub extra: &'a [u8],
    pub rows: &'a [u8],
}

/// The table id of the `rows` target's TABLE_MAP.
pub const ROWS_TABLE_ID: u64 = 0x4242;

impl<'a> RowsCase<'a> {
    pub fn parse(data: &'a [u8]) -> Option<Self> {
        let mut input = Input(data);
        let n = 1 + usize::from(input.byte() & 15);
        let types = input.take(n).to_vec();
        if types.len() < n {
            return None;
        }
        let meta_len: usize = types.iter().map(|&t| metadata_len(t)).sum();
        let metadata = input.take(meta_len).to_vec();
        let opt_len = usize::from(input.byte());
        let optional_metadata = input.take(opt_len);
        let selector = input.byte();
        let event_type = ROWS_EVENT_TYPES
            .get(usize::from(selector & 15))
            .copied()
            .unwrap_or(23);
        let flags = input.byte();
        let bitmap_len = n.div_ceil(8);
        let all = vec![0xff; bitmap_len];
        let nullable = if flags & rows_flags::NULLABLE != 0 {
            input.take(bitmap_len).to_vec()
        } else {
            all.clone()
        };
        let two_images = matches!(event_type, 24 | 31 | 39 | 167 | 170);
        let (before, after) = if flags & rows_flags::PRESENT != 0 {
            let before = input.take(bitmap_len).to_vec();
            let after = if two_images {
                input.take(bitmap_len).to_vec()
            } else {
                all.clone()
            };
            (before, after)
        } else {
            (all.clone(), all)
        };
        let hints = (flags & rows_flags::HINTS != 0).then(|| {
            let e = input.byte();
            let mut hints = TableHints {
                engine_null_bytes: (e != 255).then_some(usize::from(e)),
                ..TableHints::default()
            };
            for i in 0..n {
                let h = input.byte();
                let metadata =
                    (h & 0x20 != 0).then(|| u16::from_le_bytes([input.byte(), input.byte()]));
                let charset = (h & 0x40 != 0).then(|| u16::from(input.byte()));
                hints.columns.push(ColumnHint {
                    name: (h & 0x80 != 0).then(|| format!("c{i}")),
                    unsigned: (h & 0x08 != 0).then_some(true),
                    charset,
                    members: None,
                    metadata,
                    legacy_fsp: (h & 7 != 7).then_some(h & 7),
                    engine_null_bit: (h & 0x10 != 0).then_some(i),
                });
            }
            hints
        });
        let extra = if flags & rows_flags::EXTRA != 0 {
            let len = usize::from(input.byte());
            input.take(len)
        } else {
            &[]
        };
        Some(RowsCase {
            types,
            metadata,
            optional_metadata,
            event_type,
            selector,
            flags,
            nullable,
            before,
            after,
            hints,
            extra,
            rows: input.0,
        })
    }

    /// The TABLE_MAP body (post-header of `post_header_len` bytes, then the body).
    pub fn table_map_body(&self, post_header_len: usize) -> Vec<u8> {
        let mut body = post_header(ROWS_TABLE_ID, 1, post_header_len, None);
        body.extend_from_slice(b"\x02db\x00\x01t\x00");
        body.push(self.types.len() as u8);
        body.extend_from_slice(&self.types);
        if self.flags & rows_flags::NO_METADATA == 0 {
            body.push(self.metadata.len() as u8);
            body.extend_from_slice(&self.metadata);
            body.extend_from_slice(&self.nullable);
            body.extend_from_slice(self.optional_metadata);
        }
        body
    }

    /// The rows event body, or `None` when its rows do not compress.
    pub fn rows_body(&self, post_header_len: usize) -> Option<Vec<u8>> {
        let table_id = if self.selector & 0x20 != 0 {
            ROWS_TABLE_ID + 1
        } else {
            ROWS_TABLE_ID
        };
        let flags = if self.flags & rows_flags::STMT_END != 0 {
            binlogkit::events::rows::STMT_END_F
        } else {
            0
        };
        let extra_len = (post_header_len == 10).then_some(self.extra.len() as u16 + 2);
        let mut body = post_header(table_id, flags, post_header_len, extra_len);
        if post_header_len == 10 {
            body.extend_from_slice(self.extra);
        }
        let n = self.types.len() + usize::from(self.selector & 0x10 != 0);
        body.push(n as u8);
        body.extend_from_slice(&self.before);
        // Pre-GA UPDATE (21) has one bitmap for both images.
        if matches!(self.event_type, 24 | 31 | 39 | 167 | 170) {
            body.extend_from_slice(&self.after);
        }
        if self.flags & rows_flags::COMPRESS != 0 && self.event_type >= 166 {
            body.extend_from_slice(&mariadb_compress(self.rows)?);
        } else {
            body.extend_from_slice(self.rows);
        }
        Some(body)
    }
}

/// A row event or TABLE_MAP post-header: table id (4 bytes when the post-header has 6,
/// else 6), flags, the v2 extra data length when given, cut or zero-padded to `len`.
fn post_header(table_id: u64, flags: u16, len: usize, extra_len: Option<u16>) -> Vec<u8> {
    let mut out = Vec::new();
    if len == 6 {
        out.extend_from_slice(&(table_id as u32).to_le_bytes());
    } else {
        out.extend_from_slice(&table_id.to_le_bytes()[..6]);
    }
    out.extend_from_slice(&flags.to_le_bytes());
    if let Some(extra_len) = extra_len {
        out.extend_from_slice(&extra_len.to_le_bytes());
    }
    out.resize(len, 0);
    out
}

/// `data` as MariaDB's compressed block: header 0x84 (zlib, 4-byte length), the length
/// big-endian, the zlib stream.
pub fn mariadb_compress(data: &[u8]) -> Option<Vec<u8>> {
    let mut out = vec![0x84];
    out.extend_from_slice(&u32::try_from(data.len()).ok()?.to_be_bytes());
    let mut z = flate2::write::ZlibEncoder::new(out, flate2::Compression::fast());
    z.write_all(data).ok()?;
    z.finish().ok()
}

/// A decoder that has read the MySQL 8.0 or the MariaDB 10.11 format description, and
/// the length of that event. Both servers declare a post-header length of 0 for the
/// pre-GA row events (20-22), which they never write and which cannot be read so; with
/// `pre_ga_post_header`, the format description says that length instead for them (8
/// as MySQL 5.1.5-5.1.15 wrote it, 6 with the 4-byte table ids of 5.1.0-5.1.4).
pub fn rows_decoder(mariadb: bool, pre_ga_post_header: Option<u8>) -> (Decoder, usize) {
    let mut fde = if mariadb {
        FDE_MARIADB1011_CHECKSUM_OFF.to_vec()
    } else {
        FDE_MYSQL80_CHECKSUM_OFF.to_vec()
    };
    if let Some(len) = pre_ga_post_header {
        // The post-header lengths start after the 19-byte header, the binlog version (2),
        // the server version (50), the timestamp (4) and the header length (1); the
        // first is event type 1's.
        for event_type in 20..=22 {
            if let Some(b) = fde.get_mut(19 + 57 + event_type - 1) {
                *b = len;
            }
        }
    }
    let mut decoder = Decoder::new();
    let event = decoder.decode(4, &fde);
    assert!(
        matches!(event.map(|e| e.event), Ok(Event::FormatDescription(_))),
        "the built-in format description does not decode"
    );
    assert_eq!(decoder.format().checksum(), binlogkit::ChecksumAlg::Off);
    assert_eq!(decoder.format().is_mariadb(), mariadb);
    if let Some(len) = pre_ga_post_header {
        let ph = decoder
            .format()
            .post_header_len(EventType::PRE_GA_WRITE_ROWS_EVENT);
        assert_eq!(ph, usize::from(len));
    }
    (decoder, fde.len())
}

/// The `rows` check: builds a TABLE_MAP and a rows event from `data` (see
/// [`RowsCase`]), decodes both with one decoder (after a MySQL 8.0 or MariaDB 10.11
/// format description, with the table hints of the input set first), then the rows
/// ([`touch_rows`]).
pub fn check_rows(data: &[u8]) {
    let Some(case) = RowsCase::parse(data) else {
        return;
    };
    let pre_ga = matches!(case.event_type, 20..=22);
    let pre_ga_post_header = if case.selector & 0x40 != 0 { 6 } else { 8 };
    let (mut decoder, fde_len) = rows_decoder(
        case.flags & rows_flags::MARIADB != 0,
        pre_ga.then_some(pre_ga_post_header),
    );
    if let Some(hints) = &case.hints {
        decoder.tables_mut().set_hints("db", "t", hints.clone());
    }
    let mut offset = 4 + fde_len as u64;
    let ph = decoder.format().post_header_len(EventType::TABLE_MAP_EVENT);
    let Some(map) = frame(19, &case.table_map_body(ph), offset) else {
        return;
    };
    match decoder.decode(offset, &map) {
        Ok(event) => {
            if let Some(id) = touch_event(&event) {
                touch_schema(decoder.tables(), id);
            }
        }
        Err(e) => {
            touch_error(&e);
            assert!(!e.is_truncated(), "a whole frame decodes as Truncated: {e}");
        }
    }
    offset += map.len() as u64;
    let event_type = EventType(case.event_type);
    let ph = decoder.format().post_header_len(event_type);
    let Some(body) = case.rows_body(ph) else {
        return;
    };
    let Some(rows) = frame(case.event_type, &body, offset) else {
        return;
    };
    match decoder.decode(offset, &rows) {
        Ok(event) => {
            touch_event(&event);
            if let Event::Rows(r) = &event.event {
                touch_rows(r, decoder.tables());
            }
        }
        Err(e) => {
            touch_error(&e);
            assert!(!e.is_truncated(), "a whole frame decodes as Truncated: {e}");
        }
    }
}

// ---------------------------------------------------------------------------------------
// gtid_text: GTID set text.

/// Display, then parse, gives the same set; so does the one-line form.
pub fn check_gtid_set_round_trip(set: &GtidSet) {
    let text = set.to_string();
    let back: Result<GtidSet, _> = text.parse();
    assert_eq!(
        back.as_ref(),
        Ok(set),
        "GTID set text {text:?} does not round-trip"
    );
    let one_line = set.display_with(",").to_string();
    let back: Result<GtidSet, _> = one_line.parse();
    assert_eq!(
        back.as_ref(),
        Ok(set),
        "GTID set text {one_line:?} does not round-trip"
    );
}

/// Display, then parse, gives the same list.
pub fn check_mariadb_list_round_trip(list: &MariadbGtidList) {
    let text = list.to_string();
    let back: Result<MariadbGtidList, _> = text.parse();
    assert_eq!(
        back.as_ref(),
        Ok(list),
        "MariaDB GTID list {text:?} does not round-trip"
    );
}

/// The exact number of GTIDs in a set.
fn count(set: &GtidSet) -> u128 {
    set.iter()
        .flat_map(|(_, _, list)| list.iter())
        .map(|&(s, e)| u128::from(e - s) + 1)
        .sum()
}

/// Intervals are sorted, disjoint, non-adjacent, within 1..2^63-1.
fn check_canonical(set: &GtidSet) {
    for (uuid, tag, list) in set.iter() {
        assert!(!list.is_empty(), "an empty group {uuid}:{tag}");
        let mut previous_end: Option<u64> = None;
        for &(s, e) in list {
            assert!(
                1 <= s && s <= e && e < i64::MAX as u64,
                "bad interval {s}-{e}"
            );
            if let Some(p) = previous_end {
                assert!(
                    s > p.saturating_add(1),
                    "intervals not merged: ..{p}, {s}.."
                );
            }
            previous_end = Some(e);
        }
    }
}

/// The GTIDs around every interval boundary of `sets`: where membership can change.
fn probes(sets: &[&GtidSet]) -> Vec<Gtid> {
    let mut out = Vec::new();
    for set in sets {
        for (uuid, tag, list) in set.iter().take(64) {
            for &(s, e) in list.iter().take(64) {
                for gno in [
                    s.saturating_sub(1),
                    s,
                    s.saturating_add(1),
                    e.saturating_sub(1),
                    e,
                ]
                .into_iter()
                .chain(e.checked_add(1))
                {
                    if gno > 0 {
                        out.push(Gtid {
                            uuid: *uuid,
                            tag: tag.clone(),
                            gno,
                        });
                    }
                }
            }
        }
    }
    out
}

fn check_mysql_algebra(a: &GtidSet, b: &GtidSet) {
    let u = a.union(b);
    let i = a.intersection(b);
    let d = a.difference(b);
    for s in [a, b, &u, &i, &d] {
        check_canonical(s);
    }
    assert_eq!(u, b.union(a), "union is not commutative");
    assert_eq!(i, b.intersection(a), "intersection is not commutative");
    assert!(
        a.is_subset(&u) && b.is_subset(&u),
        "a set is not a subset of a union"
    );
    assert!(
        i.is_subset(a) && i.is_subset(b),
        "an intersection is not a subset"
    );
    assert!(d.is_subset(a), "a difference is not a subset");
    assert!(d.intersection(b).is_empty(), "a \\ b meets b");
    assert_eq!(d.union(&i), *a, "(a \\ b) ∪ (a ∩ b) is not a");
    assert_eq!(
        a.is_subset(b),
        d.is_empty(),
        "is_subset disagrees with difference"
    );
    assert_eq!(a.difference(&u), GtidSet::new());
    assert_eq!(
        count(&u) + count(&i),
        count(a) + count(b),
        "|a ∪ b| + |a ∩ b| is not |a| + |b|"
    );
    assert_eq!(a.len() as u128, count(a).min(u128::from(u64::MAX)));
    for g in probes(&[a, b]) {
        let (in_a, in_b) = (a.contains(&g), b.contains(&g));
        assert_eq!(u.contains(&g), in_a || in_b, "union membership of {g}");
        assert_eq!(
            i.contains(&g),
            in_a && in_b,
            "intersection membership of {g}"
        );
        assert_eq!(
            d.contains(&g),
            in_a && !in_b,
            "difference membership of {g}"
        );
    }
    // Small sets: every element.
    if count(a) + count(b) <= 512 {
        for g in a.iter_gtids().chain(b.iter_gtids()) {
            assert!(u.contains(&g), "the union lacks {g}");
        }
        assert_eq!(a.iter_gtids().count() as u128, count(a));
    }
}

fn check_mariadb_algebra(a: &MariadbGtidList, b: &MariadbGtidList) {
    let u = a.union(b);
    let i = a.intersection(b);
    let d = a.difference(b);
    for g in a.iter().chain(b.iter()) {
        assert!(u.contains(&g), "the union lacks {g}");
    }
    assert!(
        a.is_subset(&u) && b.is_subset(&u),
        "a list is not a subset of a union"
    );
    assert!(
        i.is_subset(a) && i.is_subset(b),
        "an intersection is not a subset"
    );
    for g in d.iter() {
        assert!(a.iter().any(|x| x == g), "the difference has {g}, not in a");
        assert!(!b.contains(&g), "the difference has {g}, covered by b");
    }
    for g in a.iter() {
        assert_eq!(
            d.iter().any(|x| x == g),
            !b.contains(&g),
            "difference membership of {g}"
        );
    }
    assert_eq!(
        a.is_subset(b),
        d.is_empty(),
        "is_subset disagrees with difference"
    );
    for list in [&u, &i, &d, &a.position()] {
        check_mariadb_list_round_trip(list);
    }
}

/// The `gtid_text` check: the text (up to a `|`) and the text after it parse as MySQL GTID
/// sets and as MariaDB GTID lists; what parses round-trips through Display, and the set
/// operations agree with each other.
pub fn check_gtid_text(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (a_text, b_text) = text.split_once('|').unwrap_or((text, ""));

    let _ = a_text.parse::<Gtid>().map(|g| {
        let back: Result<Gtid, _> = g.to_string().parse();
        assert_eq!(back.as_ref(), Ok(&g), "GTID {g} does not round-trip");
    });
    let _ = a_text.parse::<MariadbGtid>().map(|g| {
        assert_eq!(g.to_string().parse::<MariadbGtid>(), Ok(g));
    });

    let a = a_text.parse::<GtidSet>();
    let b = b_text.parse::<GtidSet>();
    for s in [&a, &b] {
        match s {
            Ok(s) => check_gtid_set_round_trip(s),
            Err(e) => {
                let _ = e.to_string();
                assert!(
                    e.position <= text.len(),
                    "an error position past the text: {e}"
                );
            }
        }
    }
    if let (Ok(a), Ok(b)) = (&a, &b) {
        check_mysql_algebra(a, b);
    }

    let a = a_text.parse::<MariadbGtidList>();
    let b = b_text.parse::<MariadbGtidList>();
    for l in [&a, &b] {
        match l {
            Ok(l) => check_mariadb_list_round_trip(l),
            Err(e) => {
                let _ = e.to_string();
            }
        }
    }
    if let (Ok(a), Ok(b)) = (&a, &b) {
        check_mariadb_algebra(a, b);
    }
}
