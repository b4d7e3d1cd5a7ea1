//! [`PayloadEvents`]: the events inside a TRANSACTION_PAYLOAD, decompressed as they are
//! read.

use std::io::{self, Read};

use super::framer::{Framed, Framer};
use crate::constants::EventType;
use crate::decoder::{Decoder, Origin};
use crate::error::{Error, Result};
use crate::event::BinlogEvent;
use crate::events::{PayloadCompression, TransactionPayloadEvent};
use crate::reader::EventRef;

/// The events inside a TRANSACTION_PAYLOAD, decompressed as they are read: memory holds
/// the largest inner event and zstd's window, never the whole payload.
///
/// They are decoded by the same [`Decoder`] as the file's events (their table maps join
/// its state), without checksums. Each event's `offset` is the payload event's and its
/// `payload_offset` its position in the decompressed payload.
///
/// Decompression stops with [`Error::Decompress`] past the size the payload declares or
/// the decoder's payload limit, whichever is smaller, and when the payload does not
/// decompress to exactly the declared size.
///
/// ```
/// use binlogkit::{BinlogReader, Event};
/// # let path = "../shared/fixtures/mysql/rust_mysql_common/test-data/binlogs/transaction_compression.000001";
/// # let Ok(bytes) = std::fs::read(path) else { return Ok(()) };
/// let mut reader = BinlogReader::new(&bytes)?;
/// while let Some(event) = reader.next_event()? {
///     if let Event::TransactionPayload(_) = &event.event {
///         let mut inner = reader.decoder_mut().payload_events(&event)?;
///         while let Some(e) = inner.next_event()? {
///             println!("{} at {:?}", e.event.kind(), e.payload_offset);
///         }
///     }
/// }
/// # Ok::<(), binlogkit::Error>(())
/// ```
#[derive(Debug)]
pub struct PayloadEvents<'p, 'd> {
    framer: Framer<Limited<Source<'p>>>,
    decoder: &'d mut Decoder,
    offset: u64,
    end: u64,
    declared: Option<u64>,
    done: bool,
}

enum Source<'p> {
    Plain(&'p [u8]),
    #[cfg(feature = "zstd")]
    Zstd(Box<zstd::stream::read::Decoder<'static, &'p [u8]>>),
}

impl std::fmt::Debug for Source<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Plain(b) => write!(f, "Plain({} bytes)", b.len()),
            #[cfg(feature = "zstd")]
            Source::Zstd(_) => f.write_str("Zstd"),
        }
    }
}

impl Read for Source<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Source::Plain(b) => b.read(buf),
            #[cfg(feature = "zstd")]
            Source::Zstd(d) => d.read(buf),
        }
    }
}

/// A reader that fails once more than `limit` bytes come out of it.
#[derive(Debug)]
struct Limited<R> {
    inner: R,
    count: u64,
    limit: u64,
}

impl<R: Read> Read for Limited<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count += n as u64;
        if self.count > self.limit {
            return Err(io::Error::other(LimitExceeded));
        }
        Ok(n)
    }
}

#[derive(Debug)]
struct LimitExceeded;

impl std::fmt::Display for LimitExceeded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the payload decompresses to more than its declared size or the limit")
    }
}

impl std::error::Error for LimitExceeded {}

impl Decoder {
    /// The events inside `event`, a TRANSACTION_PAYLOAD (for any other event, none).
    pub fn payload_events<'p>(&mut self, event: &BinlogEvent<'p>) -> Result<PayloadEvents<'p, '_>> {
        let payload = match &event.event {
            crate::Event::TransactionPayload(p) => *p,
            _ => TransactionPayloadEvent {
                compression: PayloadCompression::None,
                uncompressed_size: None,
                payload: &[],
            },
        };
        let offset = event.offset;
        let decompress = |reason: &'static str| Error::Decompress {
            offset,
            event_type: EventType::TRANSACTION_PAYLOAD_EVENT,
            reason: reason.into(),
        };
        let source = match payload.compression {
            PayloadCompression::None => Source::Plain(payload.payload),
            #[cfg(feature = "zstd")]
            PayloadCompression::Zstd => Source::Zstd(Box::new(
                zstd::stream::read::Decoder::with_buffer(payload.payload)
                    .map_err(|_| decompress("cannot start a zstd decoder"))?,
            )),
            #[cfg(not(feature = "zstd"))]
            PayloadCompression::Zstd => {
                return Err(decompress("binlogkit was built without the zstd feature"));
            }
            PayloadCompression::Other(_) => return Err(decompress("unknown compression type")),
        };
        let mut limit = self.options().payload_size_limit();
        if let Some(declared) = payload.uncompressed_size {
            limit = limit.min(declared);
        }
        Ok(PayloadEvents {
            framer: Framer::new(
                Limited {
                    inner: source,
                    count: 0,
                    limit,
                },
                0,
            ),
            decoder: self,
            offset,
            end: event.end_offset(),
            declared: payload.uncompressed_size,
            done: false,
        })
    }
}

impl PayloadEvents<'_, '_> {
    /// The decoder.
    pub fn decoder(&self) -> &Decoder {
        self.decoder
    }

    /// The next inner event, `Ok(None)` after the last one, lent with the decoder (for its
    /// table maps: the payload's TABLE_MAP events are decoded by it too).
    pub fn next_event(&mut self) -> Result<Option<EventRef<'_>>> {
        if self.done {
            return Ok(None);
        }
        let offset = self.offset;
        let decompress = |reason: String| Error::Decompress {
            offset,
            event_type: EventType::TRANSACTION_PAYLOAD_EVENT,
            reason: reason.into(),
        };
        let limit = self.decoder.options().event_size_limit();
        let framed = self.framer.next_frame(limit);
        let (inner_offset, range) = match framed {
            Ok(Framed::Event { offset, range }) => (offset, range),
            Ok(Framed::End) => {
                self.done = true;
                let produced = self.framer.inner.count;
                return match self.declared {
                    Some(declared) if declared != produced => Err(decompress(format!(
                        "the payload decompresses to {produced} bytes, its header declares {declared}"
                    ))),
                    _ => Ok(None),
                };
            }
            Err(e) => {
                self.done = true;
                return Err(match e {
                    Error::Truncated { .. } => {
                        decompress("the payload ends inside an event".to_owned())
                    }
                    Error::Io { source, .. } => decompress(source.to_string()),
                    Error::BadHeader { reason, .. } => Error::Malformed {
                        offset,
                        event_type: EventType::TRANSACTION_PAYLOAD_EVENT,
                        at: None,
                        reason: format!("an event inside the payload: {reason}").into(),
                    },
                    other => other,
                });
            }
        };
        let frame = self.framer.buf.get(range).unwrap_or_default();
        let result = self.decoder.decode_from(
            offset,
            frame,
            Origin::Payload {
                payload_offset: inner_offset,
                payload_end: self.end,
            },
        );
        match result {
            Ok(event) => Ok(Some(EventRef::new(event, &mut *self.decoder))),
            Err(e) => {
                self.done = true;
                Err(e)
            }
        }
    }
}
