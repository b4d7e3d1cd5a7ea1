//! [`StreamReader`]: events from any [`std::io::Read`], one at a time, in a reused buffer.

use std::io::Read;
use std::ops::Deref;

use super::framer::{Framed, Framer};
use crate::decoder::{Decoder, ReaderOptions};
use crate::error::{Error, Result};
use crate::event::BinlogEvent;
use crate::schema::TableMapCache;

/// Reads events from any [`Read`] (a file, a pipe, a socket) into one buffer that it
/// reuses: memory stays bounded by the largest event plus the buffer, and an event over
/// the maximum size is an error, not an allocation.
///
/// Each event is lent until the next call ([`StreamReader::next_event`]).
///
/// **Following a file the server is still writing.** When the input ends inside an event,
/// `next_event` returns [`Error::Truncated`] and keeps what it read; when it ends between
/// events, it returns `Ok(None)`. Either way, calling it again after the file has grown
/// continues exactly where it stopped, losing and repeating nothing. Other errors end the
/// stream (later calls return `Ok(None)`).
///
/// ```
/// use binlogkit::{Event, StreamReader};
/// let file = std::fs::File::open("fixtures/demo.bin")?;
/// let mut reader = StreamReader::new(std::io::BufReader::new(file));
/// let mut xids = 0;
/// while let Some(event) = reader.next_event()? {
///     if let Event::Xid(_) = event.event {
///         xids += 1;
///     }
/// }
/// assert!(xids > 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct StreamReader<R> {
    framer: Framer<R>,
    decoder: Decoder,
    magic_read: bool,
    fused: bool,
}

/// An event lent by a [`StreamReader`], with the decoder that read it (for its table
/// maps, and to open a TRANSACTION_PAYLOAD's events). It dereferences to the
/// [`BinlogEvent`].
#[derive(Debug)]
pub struct EventRef<'r> {
    inner: BinlogEvent<'r>,
    decoder: &'r mut Decoder,
}

impl<'r> EventRef<'r> {
    pub(crate) fn new(inner: BinlogEvent<'r>, decoder: &'r mut Decoder) -> Self {
        EventRef { inner, decoder }
    }

    /// The event, by value (it still borrows the reader's buffer).
    pub fn into_event(self) -> BinlogEvent<'r> {
        self.inner
    }

    /// The table maps in force (for a rows event: including its own table's).
    pub fn tables(&self) -> &TableMapCache {
        self.decoder.tables()
    }

    /// The decoder.
    pub fn decoder(&self) -> &Decoder {
        self.decoder
    }

    /// For a TRANSACTION_PAYLOAD event, its inner events (for other events, none).
    pub fn payload_events(&mut self) -> Result<super::PayloadEvents<'r, '_>> {
        self.decoder.payload_events(&self.inner)
    }
}

impl<'r> Deref for EventRef<'r> {
    type Target = BinlogEvent<'r>;

    fn deref(&self) -> &BinlogEvent<'r> {
        &self.inner
    }
}

impl<R: Read> StreamReader<R> {
    /// A reader of a whole binlog from its first byte (the magic is checked on the first
    /// call to [`next_event`](StreamReader::next_event)).
    pub fn new(inner: R) -> Self {
        Self::with_options(inner, ReaderOptions::default())
    }

    /// A reader with the given options.
    pub fn with_options(inner: R, options: ReaderOptions) -> Self {
        StreamReader {
            framer: Framer::new(inner, 0),
            decoder: Decoder::with_options(options),
            magic_read: false,
            fused: false,
        }
    }

    /// A reader of a stream positioned at `offset` of a binlog (no magic), decoding with
    /// `decoder` (see [`Decoder::with_format`]).
    pub fn at_offset(inner: R, offset: u64, decoder: Decoder) -> Self {
        StreamReader {
            framer: Framer::new(inner, offset),
            decoder,
            magic_read: true,
            fused: false,
        }
    }

    /// The file offset of the next event.
    pub fn position(&self) -> u64 {
        self.framer.position()
    }

    /// The decoder.
    pub fn decoder(&self) -> &Decoder {
        &self.decoder
    }

    /// The decoder, mutably.
    pub fn decoder_mut(&mut self) -> &mut Decoder {
        &mut self.decoder
    }

    /// The underlying reader.
    pub fn get_ref(&self) -> &R {
        &self.framer.inner
    }

    /// The underlying reader, mutably.
    pub fn get_mut(&mut self) -> &mut R {
        &mut self.framer.inner
    }

    /// The next event: `Ok(None)` when the input ends between events (call again once it
    /// has grown to follow a live file), [`Error::Truncated`] when it ends inside one.
    pub fn next_event(&mut self) -> Result<Option<EventRef<'_>>> {
        if self.fused {
            return Ok(None);
        }
        if !self.magic_read {
            let checked = match self.framer.take_prefix(crate::MAGIC.len()) {
                Ok(None) => return Ok(None),
                Ok(Some(magic)) => super::check_magic(magic),
                // A few bytes that already differ from the magic will not become a
                // binlog by waiting: that is not a truncation.
                Err(e @ Error::Truncated { .. }) => match super::check_magic(self.framer.pending())
                {
                    Err(Error::Truncated { .. }) => return Err(e),
                    other => other,
                },
                Err(e) => return Err(e),
            };
            if let Err(e) = checked {
                self.fused = true;
                return Err(e);
            }
            self.magic_read = true;
        }
        let limit = self.decoder.options().event_size_limit();
        let (offset, range) = match self.framer.next_frame(limit) {
            Ok(Framed::End) => return Ok(None),
            Ok(Framed::Event { offset, range }) => (offset, range),
            Err(e) => {
                // A short read can be completed by more input; anything else ends the
                // stream.
                if !matches!(e, Error::Truncated { .. } | Error::Io { .. }) {
                    self.fused = true;
                }
                return Err(e);
            }
        };
        let frame = self.framer.buf.get(range).unwrap_or_default();
        match self.decoder.decode(offset, frame) {
            Ok(event) => Ok(Some(EventRef {
                inner: event,
                decoder: &mut self.decoder,
            })),
            Err(e) => {
                self.fused = true;
                Err(e)
            }
        }
    }
}
