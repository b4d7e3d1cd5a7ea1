//! The checks behind the fuzz targets, in plain Rust: the targets in `fuzz_targets/` call
//! them, and `tests/fuzz_regressions.rs` includes this very file (`#[path]`) to replay
//! saved inputs without libFuzzer. A failed check panics.
//!
//! Everything here depends only on `binlogkit`, `serde_json` and `std`, so that it
//! compiles both in the fuzz crate and in the main crate's integration tests.
#![allow(dead_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::io::{self, Read};

use binlogkit::events::table_map::OptionalMetadata;
use binlogkit::gtid::{Gtid, GtidSet, MariadbGtid, MariadbGtidList};
use binlogkit::{
    BinlogEvent, BinlogReader, Decoder, Error, ErrorKind, Event, PayloadEvents, StreamReader,
    TableMapCache,
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
        for c in &schema.columns {
            let _ = (c.is_numeric(), c.is_character(false), c.is_character(true));
            let _ = c.is_enum_or_set();
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
/// them), touching each, and records them.
fn walk_inner(
    inner: binlogkit::Result<PayloadEvents<'_, '_>>,
    outer: &BinlogEvent<'_>,
    steps: &mut Vec<Step>,
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
                touch_event(&e)
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
                if let Event::TransactionPayload(payload) = &event.event {
                    let _ = (payload.compression, payload.uncompressed_size);
                    let inner = reader.decoder_mut().payload_events(&event);
                    walk_inner(inner, &event, &mut steps);
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
                    walk_inner(event.payload_events(), &outer, &mut steps);
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
                walk_inner(inner, &event, &mut steps);
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
