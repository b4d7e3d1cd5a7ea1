//! [`Decoder`]: the one road from an event's bytes to a [`BinlogEvent`].
//!
//! Every reader (slice, memory map, stream, the events inside a TRANSACTION_PAYLOAD), the
//! dumper and the fuzzers decode through it. It holds what decoding an event depends on
//! that is not in the event itself: the format description in force and the table maps.

use std::sync::Arc;

use crate::constants::{ChecksumAlg, EventType};
use crate::error::{Error, PError, Result};
use crate::event::{self, BinlogEvent, Event};
use crate::events::format_description;
use crate::events::{EncryptedEvent, rows};
use crate::format::{FormatDescription, START_V3_LEN};
use crate::header::{EventHeader, FLAGS_OFFSET};
use crate::schema::TableMapCache;

/// Options of a decoder and of the readers built on it.
///
/// ```
/// let options = binlogkit::ReaderOptions::new()
///     .verify_checksums(false)
///     .max_event_size(64 << 20);
/// assert!(!options.checksums_verified());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReaderOptions {
    verify_checksums: bool,
    max_event_size: u64,
    max_payload_size: u64,
}

impl Default for ReaderOptions {
    fn default() -> Self {
        ReaderOptions {
            verify_checksums: true,
            max_event_size: 1 << 30,
            max_payload_size: 1 << 30,
        }
    }
}

impl ReaderOptions {
    /// The defaults: checksums verified, events up to 1 GiB, decompressed payloads up to
    /// 1 GiB.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether to verify the CRC32 of every event whose format has one (default: yes).
    pub fn verify_checksums(mut self, verify: bool) -> Self {
        self.verify_checksums = verify;
        self
    }

    /// The largest event a reader accepts, in bytes (default 1 GiB). A larger event is an
    /// [`Error::EventTooLarge`] instead of an allocation.
    pub fn max_event_size(mut self, bytes: u64) -> Self {
        self.max_event_size = bytes;
        self
    }

    /// The largest decompressed size of a TRANSACTION_PAYLOAD or a MariaDB compressed
    /// event, in bytes (default 1 GiB).
    pub fn max_payload_size(mut self, bytes: u64) -> Self {
        self.max_payload_size = bytes;
        self
    }

    /// Whether checksums are verified.
    pub fn checksums_verified(&self) -> bool {
        self.verify_checksums
    }

    /// The event size limit.
    pub fn event_size_limit(&self) -> u64 {
        self.max_event_size
    }

    /// The decompressed size limit.
    pub fn payload_size_limit(&self) -> u64 {
        self.max_payload_size
    }
}

/// What a body parser may need beyond the event's bytes.
pub(crate) struct BodyContext<'f> {
    pub(crate) format: &'f FormatDescription,
    /// The header's server id (a MariaDB GTID names its server there).
    pub(crate) server_id: u32,
    /// The header's `log_pos` (a heartbeat's position is there).
    pub(crate) log_pos: u32,
    /// For a FORMAT_DESCRIPTION: whether its server writes the checksum algorithm byte.
    pub(crate) checksum_aware_fde: bool,
    pub(crate) max_payload_size: u64,
}

/// Where a frame comes from: the file itself, or the inside of a TRANSACTION_PAYLOAD
/// (whose events carry no checksum of their own).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Origin {
    File,
    /// Inside the payload event ending at `payload_end`, at `payload_offset` of the
    /// decompressed payload.
    Payload {
        payload_offset: u64,
        payload_end: u64,
    },
}

/// Turns event frames into [`BinlogEvent`]s, keeping the format description and table
/// maps that later events depend on.
///
/// The readers drive it for you. Drive it yourself when the frames come from elsewhere
/// (a replication connection, a database column): give it each event's bytes, header to
/// checksum, in order, starting with the format description.
///
/// ```
/// use binlogkit::{Decoder, Event};
/// // A MySQL 5.7 XID event (commit of transaction 42), without a checksum.
/// let mut frame = vec![0u8; 19];
/// frame[4] = 16; // XID_EVENT
/// frame[9] = 27; // event size
/// frame.extend_from_slice(&42u64.to_le_bytes());
/// let mut decoder = Decoder::new();
/// let event = decoder.decode(120, &frame)?;
/// assert!(matches!(event.event, Event::Xid(x) if x.xid == 42));
/// # Ok::<(), binlogkit::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Decoder {
    format: Arc<FormatDescription>,
    /// No START_EVENT_V3 or FORMAT_DESCRIPTION seen yet: the first one decides the version.
    initial: bool,
    options: ReaderOptions,
    tables: TableMapCache,
    /// A rows event with the statement-end flag was returned: clear the table maps
    /// before the next event, once the caller has had that event's rows.
    clear_tables_pending: bool,
    /// A MariaDB START_ENCRYPTION was seen: every later event is encrypted.
    encrypted: bool,
}

impl Default for Decoder {
    fn default() -> Self {
        Self::new()
    }
}

impl Decoder {
    /// A decoder for a file read from its start.
    pub fn new() -> Self {
        Self::with_options(ReaderOptions::default())
    }

    /// A decoder with the given options.
    pub fn with_options(options: ReaderOptions) -> Self {
        Decoder {
            format: Arc::new(FormatDescription::default()),
            initial: true,
            options,
            tables: TableMapCache::default(),
            clear_tables_pending: false,
            encrypted: false,
        }
    }

    /// A decoder that starts in the middle of a file whose format is already known.
    pub fn with_format(format: FormatDescription, options: ReaderOptions) -> Self {
        Decoder {
            format: Arc::new(format),
            initial: false,
            ..Self::with_options(options)
        }
    }

    /// The format description in force.
    pub fn format(&self) -> &FormatDescription {
        &self.format
    }

    /// A shared handle on the format description in force.
    pub fn format_arc(&self) -> Arc<FormatDescription> {
        Arc::clone(&self.format)
    }

    /// The options.
    pub fn options(&self) -> &ReaderOptions {
        &self.options
    }

    /// The table maps in force.
    pub fn tables(&self) -> &TableMapCache {
        &self.tables
    }

    /// Mutable access to the table maps, to supply a schema known from elsewhere.
    pub fn tables_mut(&mut self) -> &mut TableMapCache {
        &mut self.tables
    }

    /// Whether a MariaDB START_ENCRYPTION has been decoded: the events after it are
    /// [`Event::Encrypted`].
    pub fn is_encrypted(&self) -> bool {
        self.encrypted
    }

    /// Decodes one event. `frame` is the whole event (header, body, checksum) and
    /// `offset` its position in the file.
    pub fn decode<'a>(&mut self, offset: u64, frame: &'a [u8]) -> Result<BinlogEvent<'a>> {
        self.decode_from(offset, frame, Origin::File)
    }

    pub(crate) fn decode_from<'a>(
        &mut self,
        offset: u64,
        frame: &'a [u8],
        origin: Origin,
    ) -> Result<BinlogEvent<'a>> {
        if self.clear_tables_pending {
            self.tables.clear();
            self.clear_tables_pending = false;
        }
        let (payload_offset, end) = match origin {
            Origin::File => (None, offset.saturating_add(frame.len() as u64)),
            Origin::Payload {
                payload_offset,
                payload_end,
            } => (Some(payload_offset), payload_end),
        };
        let bad_header = |reason: String| Error::BadHeader {
            offset,
            reason: reason.into(),
        };

        if self.encrypted && payload_offset.is_none() {
            return self.encrypted_event(offset, frame);
        }

        // Binlog v1 is told apart by its first event: a START_EVENT_V3 too short for the
        // 19-byte header (MySQL's check_header in mysqlbinlog.cc).
        let v1 = if self.initial {
            frame.get(4) == Some(&EventType::START_EVENT_V3.0)
                && crate::header::peek_event_size(frame)
                    .is_some_and(|size| (size as usize) < EventHeader::LEN + START_V3_LEN)
        } else {
            self.format.binlog_version() == 1
        };
        let header = EventHeader::parse(frame, v1).ok_or_else(|| {
            bad_header(format!("{} bytes cannot hold an event header", frame.len()))
        })?;
        if header.event_size as usize != frame.len() {
            return Err(bad_header(format!(
                "the header says the event is {} bytes, but {} were given",
                header.event_size,
                frame.len()
            )));
        }
        let event_type = self.format.event_type(header.event_type);
        let is_fde = event_type == EventType::FORMAT_DESCRIPTION_EVENT;
        // A format description is always read with the standard header: the length it
        // declares applies to the events after it.
        let header_len = if v1 {
            EventHeader::V1_LEN
        } else if is_fde || self.initial {
            EventHeader::LEN
        } else {
            self.format.header_len()
        };
        let after_header = frame.get(header_len..).ok_or_else(|| {
            bad_header(format!(
                "the event is {} bytes, shorter than its {}-byte header",
                frame.len(),
                header_len
            ))
        })?;

        // Where the body ends: the checksum, if any, is the last four bytes. A format
        // description announces its own algorithm; a checksum-aware server always gives it
        // a 4-byte checksum, even with checksums off.
        let fde_checksum_aware = is_fde && format_description::is_checksum_aware(after_header);
        let algorithm = match origin {
            Origin::Payload { .. } => ChecksumAlg::Off,
            Origin::File if is_fde => match fde_checksum_aware {
                true => after_header
                    .len()
                    .checked_sub(5)
                    .and_then(|at| after_header.get(at))
                    .map_or(ChecksumAlg::Undefined, |&b| ChecksumAlg::from_byte(b)),
                false => ChecksumAlg::Undefined,
            },
            Origin::File => self.format.checksum(),
        };
        if let ChecksumAlg::Other(algorithm) = algorithm {
            if !is_fde {
                return Err(Error::UnknownChecksum { offset, algorithm });
            }
        }
        let checksum_len = if fde_checksum_aware {
            4
        } else {
            algorithm.checksum_len()
        };
        let data_len = after_header
            .len()
            .checked_sub(checksum_len)
            .ok_or_else(|| Error::Malformed {
                offset,
                event_type,
                at: None,
                reason: "the event is too short to hold its checksum".into(),
            })?;
        let (data, checksum) = after_header.split_at(data_len);
        let checksum = match checksum.try_into() {
            Ok(b) => Some(u32::from_le_bytes(b)),
            Err(_) => None,
        };
        if let Some(stored) = checksum {
            if algorithm == ChecksumAlg::Crc32 && self.options.verify_checksums {
                verify_crc32(offset, event_type, frame, stored)?;
            }
        }

        let cx = BodyContext {
            format: &self.format,
            server_id: header.server_id,
            log_pos: header.log_pos,
            checksum_aware_fde: fde_checksum_aware,
            max_payload_size: self.options.max_payload_size,
        };
        let mut event = match event::parse_body(event_type, data, &cx) {
            Ok((_, ev)) => ev,
            Err(nom::Err::Error(e) | nom::Err::Failure(e)) => {
                return Err(malformed(offset, event_type, frame, e));
            }
            Err(nom::Err::Incomplete(_)) => {
                return Err(Error::Malformed {
                    offset,
                    event_type,
                    at: None,
                    reason: "the event ends before its fields do".into(),
                });
            }
        };

        if let Event::Rows(rows) = &mut event {
            rows.offset = offset;
            if !rows.compressed {
                rows.rows_at += header_len;
            }
        }
        self.observe(&event, offset, v1)?;
        Ok(BinlogEvent {
            offset,
            payload_offset,
            header,
            event,
            checksum,
            raw: frame,
            end,
        })
    }

    /// Updates the decoder's state from an event it just decoded.
    fn observe(&mut self, event: &Event<'_>, offset: u64, v1: bool) -> Result<()> {
        match event {
            Event::FormatDescription(fde) => {
                self.format = Arc::new(FormatDescription::v4(
                    fde.server_version,
                    fde.header_len,
                    fde.post_header_lens,
                    fde.checksum_alg,
                ));
                self.initial = false;
            }
            Event::StartV3(start) if self.initial || self.format.binlog_version() < 4 => {
                let version = String::from_utf8_lossy(start.server_version);
                self.format = Arc::new(if v1 {
                    FormatDescription::v1(&version)
                } else {
                    FormatDescription::v3(&version)
                });
                self.initial = false;
            }
            Event::TableMap(map) => {
                self.tables.insert(map, offset, self.format.is_mariadb())?;
            }
            Event::Rows(r) if r.flags & rows::STMT_END_F != 0 => {
                self.clear_tables_pending = true;
            }
            Event::StartEncryption(_) => self.encrypted = true,
            _ => {}
        }
        if self.initial {
            // The file did not open with a START_EVENT_V3 or FORMAT_DESCRIPTION (a relay
            // log fragment, a file read from the middle): keep the v3 defaults, as MySQL
            // does, but stop looking for the v1 start.
            self.initial = false;
        }
        Ok(())
    }

    fn encrypted_event<'a>(&mut self, offset: u64, frame: &'a [u8]) -> Result<BinlogEvent<'a>> {
        let size = crate::header::peek_event_size(frame).ok_or_else(|| Error::BadHeader {
            offset,
            reason: "an encrypted event shorter than 13 bytes".into(),
        })?;
        if size as usize != frame.len() {
            return Err(Error::BadHeader {
                offset,
                reason: format!(
                    "the header says the event is {} bytes, but {} were given",
                    size,
                    frame.len()
                )
                .into(),
            });
        }
        Ok(BinlogEvent {
            offset,
            payload_offset: None,
            header: EventHeader {
                timestamp: 0,
                event_type: EventType::UNKNOWN_EVENT,
                server_id: 0,
                event_size: size,
                log_pos: 0,
                flags: crate::EventFlags(0),
            },
            event: Event::Encrypted(EncryptedEvent { bytes: frame }),
            checksum: None,
            raw: frame,
            end: offset.saturating_add(frame.len() as u64),
        })
    }
}

/// Checks the CRC32 in the last four bytes of `frame`. The server computes a format
/// description's checksum with the in-use flag clear and does not recompute it when it
/// clears the flag on close, so the flag is masked here (MySQL's `event_checksum_test`).
fn verify_crc32(offset: u64, event_type: EventType, frame: &[u8], stored: u32) -> Result<()> {
    let body_end = frame.len().saturating_sub(4);
    let covered = frame.get(..body_end).unwrap_or_default();
    let mut hasher = crc32fast::Hasher::new();
    match (
        event_type == EventType::FORMAT_DESCRIPTION_EVENT,
        covered.split_at_checked(FLAGS_OFFSET),
    ) {
        (true, Some((before, rest))) if !rest.is_empty() => {
            hasher.update(before);
            let flags = rest.first().copied().unwrap_or(0);
            hasher.update(&[flags & !(crate::EventFlags::BINLOG_IN_USE as u8)]);
            hasher.update(rest.get(1..).unwrap_or_default());
        }
        _ => hasher.update(covered),
    }
    let computed = hasher.finalize();
    if computed == stored {
        Ok(())
    } else {
        Err(Error::Checksum {
            offset,
            event_type,
            stored,
            computed,
        })
    }
}

fn malformed(offset: u64, event_type: EventType, frame: &[u8], e: PError) -> Error {
    if e.decompress {
        return Error::Decompress {
            offset,
            event_type,
            reason: e.reason.into(),
        };
    }
    Error::Malformed {
        offset,
        event_type,
        at: e.position_in(frame),
        reason: e.reason.into(),
    }
}
