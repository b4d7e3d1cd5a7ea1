//! The readers on every real binlog: the slice reader, the memory map and the stream
//! reader (whole, and fed one byte at a time) give the same events and the same error;
//! the deliberately broken files give their specific errors; the event type codes of
//! each file are the ones `MANIFEST.md` lists; a file copied into a growing file in random
//! chunks is followed by a polling stream reader, every event exactly once.

mod common;

use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::path::Path;

use binlogkit::{BinlogEvent, BinlogReader, Decoder, Error, Event, ReaderOptions, StreamReader};

/// What a reader saw: each event as (offset, type code, kind, raw bytes), payload inner
/// events as (payload event offset, inner offset, kind, raw), and how it ended.
#[derive(Debug, PartialEq, Default)]
struct Trace {
    events: Vec<(u64, u8, &'static str, Vec<u8>)>,
    inner: Vec<(u64, u64, &'static str, Vec<u8>)>,
    end: Option<(&'static str, u64)>,
}

fn record(trace: &mut Trace, ev: &BinlogEvent<'_>) {
    trace.events.push((
        ev.offset,
        ev.header.event_type.0,
        ev.event.kind(),
        ev.raw.to_vec(),
    ));
}

fn record_payload(trace: &mut Trace, decoder: &mut Decoder, ev: &BinlogEvent<'_>) {
    if let Event::TransactionPayload(_) = &ev.event {
        let mut inner = decoder
            .payload_events(ev)
            .unwrap_or_else(|e| panic!("payload at {}: {e}", ev.offset));
        loop {
            match inner.next_event() {
                Ok(Some(e)) => trace.inner.push((
                    e.offset,
                    e.payload_offset.unwrap_or(u64::MAX),
                    e.event.kind(),
                    e.raw.to_vec(),
                )),
                Ok(None) => break,
                Err(e) => panic!("payload event at {}: {e}", ev.offset),
            }
        }
    }
}

fn end_of(e: &Error) -> Option<(&'static str, u64)> {
    Some((e.kind().as_str(), e.offset()))
}

fn slice_trace(bytes: &[u8]) -> Trace {
    reader_trace(BinlogReader::new(bytes))
}

fn reader_trace(reader: Result<BinlogReader<'_>, Error>) -> Trace {
    let mut t = Trace::default();
    let mut reader = match reader {
        Ok(r) => r,
        Err(e) => {
            t.end = end_of(&e);
            return t;
        }
    };
    loop {
        match reader.next_event() {
            Ok(Some(ev)) => {
                record(&mut t, &ev);
                record_payload(&mut t, reader.decoder_mut(), &ev);
            }
            Ok(None) => break,
            Err(e) => {
                t.end = end_of(&e);
                break;
            }
        }
    }
    // A fused reader stays at its end.
    assert!(matches!(reader.next_event(), Ok(None)));
    t
}

fn stream_trace<R: Read>(input: R) -> Trace {
    let mut t = Trace::default();
    let mut reader = StreamReader::new(input);
    loop {
        match reader.next_event() {
            Ok(Some(mut ev)) => {
                let binlog_event: &BinlogEvent<'_> = &ev;
                record(&mut t, binlog_event);
                let mut inner = ev
                    .payload_events()
                    .unwrap_or_else(|e| panic!("payload: {e}"));
                while let Some(e) = inner.next_event().unwrap_or_else(|e| panic!("{e}")) {
                    t.inner.push((
                        e.offset,
                        e.payload_offset.unwrap_or(u64::MAX),
                        e.event.kind(),
                        e.raw.to_vec(),
                    ));
                }
            }
            Ok(None) => break,
            Err(e) => {
                t.end = end_of(&e);
                break;
            }
        }
    }
    t
}

/// A reader that returns at most one byte per call.
struct OneByte<'a>(&'a [u8]);

impl Read for OneByte<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match (self.0.split_first(), buf.first_mut()) {
            (Some((&b, rest)), Some(slot)) => {
                *slot = b;
                self.0 = rest;
                Ok(1)
            }
            _ => Ok(0),
        }
    }
}

#[test]
fn every_fixture_reads_identically_with_every_reader() {
    let Some(root) = common::shared_fixtures() else {
        return;
    };
    let files = common::shared_binlogs(&root);
    assert!(
        files.len() > 150,
        "only {} fixture files found",
        files.len()
    );
    let mut events = 0usize;
    let mut inner = 0usize;
    for path in &files {
        let name = common::rel(&root, path);
        let bytes = common::read_binlog(path);
        let slice = slice_trace(&bytes);

        match (common::expected_error(path), &slice.end) {
            (Some(expected), Some(got)) => assert_eq!(&expected, got, "{name}"),
            (Some(expected), None) => panic!("{name}: expected {expected:?}, read cleanly"),
            (None, Some(got)) if !common::may_fail(path) => panic!("{name}: {got:?}"),
            _ => {}
        }
        for (_, code, kind, _) in &slice.events {
            assert!(
                *kind != "unknown" || *code == 100,
                "{name}: unknown event type {code}"
            );
        }

        // The memory map.
        if path.extension().is_none_or(|e| e != "gz") {
            let mapped = binlogkit::open(path).unwrap_or_else(|e| panic!("{name}: {e}"));
            let t = reader_trace(mapped.events());
            assert_eq!(t, slice, "{name}: memory map differs from slice");
        }

        // The stream reader, in one read and one byte at a time.
        assert_eq!(stream_trace(&bytes[..]), slice, "{name}: stream differs");
        assert_eq!(
            stream_trace(OneByte(&bytes)),
            slice,
            "{name}: 1-byte stream differs"
        );
        events += slice.events.len();
        inner += slice.inner.len();
    }
    eprintln!(
        "{} files, {events} events, {inner} events inside payloads: identical in every reader",
        files.len()
    );
}

#[test]
fn broken_fixtures_give_their_errors() {
    let Some(root) = common::shared_fixtures() else {
        return;
    };
    let mut seen = 0;
    for path in common::shared_binlogs(&root) {
        let Some((kind, offset)) = common::expected_error(&path) else {
            continue;
        };
        seen += 1;
        let bytes = common::read_binlog(&path);
        let err = BinlogReader::new(&bytes)
            .and_then(|r| r.collect::<Result<Vec<_>, _>>())
            .expect_err("a broken file must fail");
        assert!(
            matches!(err, Error::Truncated { .. }),
            "{}: {err}",
            path.display()
        );
        assert_eq!((err.kind().as_str(), err.offset()), (kind, offset));
        // The message names the offset.
        assert!(err.to_string().contains(&offset.to_string()));
    }
    assert_eq!(seen, common::BROKEN.len());

    // bug11747416: an event claims 65567 bytes of an 8192-byte file.
    let path = root.join(
        "mysql/mysql-server-std_data/mysql-test/std_data/@b426043b7c/bug11747416_32228_binlog.000001",
    );
    let bytes = common::read_binlog(&path);
    let err = BinlogReader::new(&bytes)
        .and_then(|r| r.collect::<Result<Vec<_>, _>>())
        .expect_err("truncated");
    assert!(
        matches!(err, Error::Truncated { offset: 316, needed } if needed == 65567 - (8192 - 316))
    );

    // The corrupt relay log stops with an error that names an offset inside the file.
    let path =
        root.join("mysql/mysql-server-std_data/mysql-test/std_data/corrupt-relay-bin.000624");
    let bytes = common::read_binlog(&path);
    if let Err(e) = BinlogReader::new(&bytes).and_then(|r| r.collect::<Result<Vec<_>, _>>()) {
        assert!(e.offset() > 4 && e.offset() < bytes.len() as u64, "{e}");
        assert!(e.to_string().contains(&e.offset().to_string()));
    }
}

/// The `events (type codes)` column of MANIFEST.md, by file.
fn manifest(root: &Path) -> Vec<(String, BTreeSet<u8>)> {
    let text = std::fs::read_to_string(root.join("mysql/MANIFEST.md")).expect("MANIFEST.md");
    text.lines()
        .filter(|l| l.starts_with("| `"))
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let file = cells.get(1)?.trim_matches('`').to_string();
            let codes = cells
                .get(7)?
                .split(',')
                .filter_map(|c| c.trim().parse().ok())
                .collect();
            Some((file, codes))
        })
        .collect()
}

#[test]
fn event_type_codes_match_the_manifest() {
    let Some(root) = common::shared_fixtures() else {
        return;
    };
    let rows = manifest(&root);
    assert!(rows.len() > 150, "{} manifest rows", rows.len());
    for (file, expected) in &rows {
        let bytes = common::read_binlog(&root.join("mysql").join(file));
        let seen: BTreeSet<u8> = BinlogReader::new(&bytes)
            .into_iter()
            .flatten()
            .map_while(Result::ok)
            .map(|e| e.header.event_type.0)
            .collect();
        assert_eq!(&seen, expected, "{file}");
    }
}

/// A small deterministic PRNG (xorshift64*), so failures replay.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n.max(1)
    }
}

/// Copies `bytes` into a file in random chunks while a stream reader on the same file
/// polls after every chunk: it must see every event exactly once, in order.
fn follow_growing_file(bytes: &[u8], seed: u64) -> Vec<(u64, Vec<u8>)> {
    let dir = std::env::temp_dir().join(format!("binlogkit-follow-{}-{seed}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("growing.bin");
    let mut writer = std::fs::File::create(&path).expect("create");
    let mut reader = StreamReader::new(std::fs::File::open(&path).expect("open"));
    let mut rng = Rng(seed | 1);
    let mut seen = Vec::new();
    let mut written = 0;
    while written < bytes.len() {
        let n = (1 + rng.below(700) as usize).min(bytes.len() - written);
        writer
            .write_all(&bytes[written..written + n])
            .expect("write");
        writer.flush().expect("flush");
        written += n;
        loop {
            match reader.next_event() {
                Ok(Some(ev)) => seen.push((ev.offset, ev.raw.to_vec())),
                Ok(None) => break,
                Err(e) if e.is_truncated() => break,
                Err(e) => panic!("seed {seed}: {e}"),
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    seen
}

#[test]
fn a_growing_file_is_followed_exactly() {
    let mut files = vec![common::project_fixtures().join("demo.bin")];
    if let Some(root) = common::shared_fixtures() {
        for f in [
            "mariadb/transactions.bin",
            "mysql/rust_mysql_common/test-data/binlogs/transaction_compression.000001",
            "mysql/kingbus/tools/test_data/relaylog/flikedev1-c8pyy-relay-bin.000284",
            "mysql/mysql-server-std_data/mysql-test/std_data/@70f619856b/master-bin.001",
        ] {
            files.push(root.join(f));
        }
    }
    for (n, path) in files.iter().enumerate() {
        let bytes = common::read_binlog(path);
        let expected: Vec<(u64, Vec<u8>)> = BinlogReader::new(&bytes)
            .expect("magic")
            .map(|e| e.map(|e| (e.offset, e.raw.to_vec())))
            .collect::<Result<_, _>>()
            .expect("clean file");
        for seed in 0..3 {
            let seed = (n as u64) << 8 | seed;
            assert_eq!(
                follow_growing_file(&bytes, seed),
                expected,
                "{} seed {seed}",
                path.display()
            );
        }
    }
}

/// A reader over a buffer that can grow while the reader is in use.
struct Growing(std::rc::Rc<std::cell::RefCell<Vec<u8>>>, usize);

impl Read for Growing {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let data = self.0.borrow();
        let rest = data.get(self.1..).unwrap_or_default();
        let n = buf.len().min(rest.len());
        buf[..n].copy_from_slice(&rest[..n]);
        self.1 += n;
        Ok(n)
    }
}

#[test]
fn a_truncated_stream_resumes_where_it_stopped() {
    let bytes = common::read_binlog(&common::project_fixtures().join("demo.bin"));
    let all: Vec<u64> = BinlogReader::new(&bytes)
        .expect("magic")
        .map(|e| e.map(|e| e.offset))
        .collect::<Result<_, _>>()
        .expect("clean");
    // Cut seven bytes into the third event: the reader reports Truncated at its offset,
    // keeps saying so while nothing arrives, then continues once the rest arrives.
    let cut = all[2] as usize + 7;
    let shared = std::rc::Rc::new(std::cell::RefCell::new(bytes[..cut].to_vec()));
    let mut reader = StreamReader::new(Growing(shared.clone(), 0));
    let mut seen = vec![];
    loop {
        match reader.next_event() {
            Ok(Some(e)) => seen.push(e.offset),
            Ok(None) => panic!("the cut is inside an event"),
            Err(Error::Truncated { offset, needed }) => {
                assert_eq!(offset, all[2]);
                assert!(needed > 0);
                break;
            }
            Err(e) => panic!("{e}"),
        }
    }
    assert!(matches!(reader.next_event(), Err(Error::Truncated { .. })));
    assert_eq!(seen, all[..2]);
    shared.borrow_mut().extend_from_slice(&bytes[cut..]);
    while let Some(e) = reader.next_event().expect("resumes") {
        seen.push(e.offset);
    }
    assert_eq!(seen, all);
}

#[test]
fn event_size_limit_is_an_error_not_an_allocation() {
    let bytes = common::read_binlog(&common::project_fixtures().join("demo.bin"));
    let options = ReaderOptions::new().max_event_size(100);
    let err = BinlogReader::with_options(&bytes, options)
        .expect("magic")
        .collect::<Result<Vec<_>, _>>()
        .expect_err("the FDE is over 100 bytes");
    assert!(
        matches!(
            err,
            Error::EventTooLarge {
                offset: 4,
                limit: 100,
                ..
            }
        ),
        "{err}"
    );
    let mut stream = StreamReader::with_options(&bytes[..], options);
    assert!(matches!(
        stream.next_event(),
        Err(Error::EventTooLarge { offset: 4, .. })
    ));

    // A header claiming 4 GiB - 1 in a 23-byte input: Truncated, nothing allocated.
    let mut evil = binlogkit::MAGIC.to_vec();
    evil.extend_from_slice(&[
        0, 0, 0, 0, 2, 1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0,
    ]);
    let err = StreamReader::with_options(&evil[..], ReaderOptions::new())
        .next_event()
        .map(|_| ())
        .expect_err("too large");
    assert!(matches!(err, Error::EventTooLarge { .. }), "{err}");
}

#[test]
fn checksums_are_verified_and_can_be_skipped() {
    let mut bytes = common::read_binlog(&common::project_fixtures().join("demo.bin"));
    let events: Vec<(u64, usize)> = BinlogReader::new(&bytes)
        .expect("magic")
        .map(|e| e.map(|e| (e.offset, e.raw.len())))
        .collect::<Result<_, _>>()
        .expect("clean");
    // Flip a bit in the body of the fifth event.
    let (offset, len) = events[4];
    bytes[offset as usize + len / 2] ^= 0x10;
    let err = BinlogReader::new(&bytes)
        .expect("magic")
        .collect::<Result<Vec<_>, _>>()
        .expect_err("corrupt");
    assert!(
        matches!(err, Error::Checksum { offset: o, .. } if o == offset),
        "{err}"
    );
    assert!(err.to_string().contains(&offset.to_string()));
    // Without verification the event decodes (its bytes are still well-formed or not:
    // either way, no checksum error).
    let lax = BinlogReader::with_options(&bytes, ReaderOptions::new().verify_checksums(false))
        .expect("magic")
        .collect::<Result<Vec<_>, _>>();
    assert!(!matches!(lax, Err(Error::Checksum { .. })));
}

#[test]
fn not_a_binlog() {
    assert!(matches!(
        BinlogReader::new(b"hello world"),
        Err(Error::BadMagic { .. })
    ));
    assert!(matches!(
        BinlogReader::new(b"\xfdbin\x01"),
        Err(Error::EncryptedFile)
    ));
    assert!(matches!(
        BinlogReader::new(b"\xfeb"),
        Err(Error::Truncated {
            offset: 0,
            needed: 2
        })
    ));
    assert!(matches!(
        BinlogReader::new(b""),
        Err(Error::Truncated {
            offset: 0,
            needed: 4
        })
    ));
    // An empty stream has no events yet (a file just created by the server).
    assert!(matches!(StreamReader::new(&b""[..]).next_event(), Ok(None)));
    assert!(matches!(
        StreamReader::new(&b"GIF89a"[..]).next_event(),
        Err(Error::BadMagic { .. })
    ));
    // Three bytes that cannot begin a binlog are not a binlog cut short.
    assert!(matches!(
        StreamReader::new(&b"GIF"[..]).next_event(),
        Err(Error::BadMagic { .. })
    ));
    assert!(matches!(
        StreamReader::new(&b"\xfeb"[..]).next_event(),
        Err(Error::Truncated {
            offset: 0,
            needed: 2
        })
    ));
}

#[test]
fn mariadb_encrypted_binlog_is_framed_not_guessed() {
    let Some(root) = common::shared_fixtures() else {
        return;
    };
    let bytes = common::read_binlog(&root.join("mariadb/encrypted.bin"));
    let events: Vec<_> = BinlogReader::new(&bytes)
        .expect("magic")
        .collect::<Result<_, _>>()
        .expect("frames");
    assert!(matches!(events[0].event, Event::FormatDescription(_)));
    assert!(
        matches!(events[1].event, Event::StartEncryption(s) if s.scheme == 1 && s.key_version == 1)
    );
    assert!(
        events[2..]
            .iter()
            .all(|e| matches!(e.event, Event::Encrypted(_)))
    );
    assert_eq!(events.len(), 2 + 757);
}
