//! Framing events out of a byte stream with one reused buffer.
//!
//! The framer knows one thing about events: bytes 9-12 of each hold its size. It makes
//! sure a whole event is in the buffer before anything parses it, so parsers always see
//! complete input and a short read is only ever [`Error::Truncated`].

use std::io::{ErrorKind, Read};
use std::ops::Range;

use crate::error::{Error, Result};
use crate::header::{EventHeader, peek_event_size};

/// The buffer's starting size.
const INITIAL_CAPACITY: usize = 64 * 1024;

/// What one attempt to frame an event found.
pub(crate) enum Framed {
    /// A whole event at `offset`, in `buf[range]`.
    Event { offset: u64, range: Range<usize> },
    /// The stream ended cleanly between events.
    End,
}

#[derive(Debug)]
pub(crate) struct Framer<R> {
    pub(crate) inner: R,
    pub(crate) buf: Vec<u8>,
    /// The unconsumed bytes are `buf[start..end]`.
    start: usize,
    end: usize,
    /// Stream offset of `buf[start]`.
    pos: u64,
}

impl<R: Read> Framer<R> {
    pub(crate) fn new(inner: R, pos: u64) -> Self {
        Framer {
            inner,
            buf: Vec::new(),
            start: 0,
            end: 0,
            pos,
        }
    }

    /// The stream offset of the next unconsumed byte.
    pub(crate) fn position(&self) -> u64 {
        self.pos
    }

    /// The bytes read but not yet consumed.
    pub(crate) fn pending(&self) -> &[u8] {
        self.buf.get(self.start..self.end).unwrap_or_default()
    }

    fn available(&self) -> usize {
        self.end - self.start
    }

    /// Reads until at least `want` bytes are buffered. Returns false at end of stream.
    ///
    /// The buffer grows by doubling as bytes arrive, never straight to `want`: a header
    /// claiming a huge event in a short stream costs nothing.
    fn fill(&mut self, want: usize) -> Result<bool> {
        if self.available() >= want {
            return Ok(true);
        }
        if self.start > 0 && self.buf.len() - self.start < want {
            // Move what is left to the front.
            self.buf.copy_within(self.start..self.end, 0);
            self.end -= self.start;
            self.start = 0;
        }
        while self.available() < want {
            if self.end == self.buf.len() {
                let needed = self.start.saturating_add(want);
                let grown = self
                    .buf
                    .len()
                    .saturating_mul(2)
                    .max(INITIAL_CAPACITY)
                    .min(needed);
                self.buf.resize(grown, 0);
            }
            let spare = self.buf.get_mut(self.end..).unwrap_or_default();
            match self.inner.read(spare) {
                Ok(0) => return Ok(false),
                Ok(n) => self.end += n,
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(source) => {
                    return Err(Error::Io {
                        offset: self.pos + self.available() as u64,
                        source,
                    });
                }
            }
        }
        Ok(true)
    }

    /// Frames the next event, reading as needed. A stream that ends inside an event gives
    /// [`Error::Truncated`] and keeps what it has read: once the stream has more bytes,
    /// calling again continues from the same event.
    pub(crate) fn next_frame(&mut self, max_event_size: u64) -> Result<Framed> {
        let size_end = crate::header::EVENT_SIZE_OFFSET + 4;
        if !self.fill(size_end)? {
            return match self.available() {
                0 => Ok(Framed::End),
                n => Err(Error::Truncated {
                    offset: self.pos,
                    needed: (EventHeader::LEN - n) as u64,
                }),
            };
        }
        let header = self.buf.get(self.start..self.end).unwrap_or_default();
        let size = peek_event_size(header).unwrap_or(0);
        if (size as usize) < EventHeader::V1_LEN {
            return Err(Error::BadHeader {
                offset: self.pos,
                reason: format!("the event size field says {size} bytes, less than any header")
                    .into(),
            });
        }
        if u64::from(size) > max_event_size {
            return Err(Error::EventTooLarge {
                offset: self.pos,
                size: u64::from(size),
                limit: max_event_size,
            });
        }
        let size = size as usize;
        if !self.fill(size)? {
            return Err(Error::Truncated {
                offset: self.pos,
                needed: (size - self.available()) as u64,
            });
        }
        let offset = self.pos;
        let range = self.start..self.start + size;
        self.start += size;
        self.pos += size as u64;
        Ok(Framed::Event { offset, range })
    }

    /// Reads exactly `n` bytes at the front of the stream (the magic), or reports how
    /// many are missing.
    pub(crate) fn take_prefix(&mut self, n: usize) -> Result<Option<&[u8]>> {
        if !self.fill(n)? {
            return match self.available() {
                0 => Ok(None),
                have => Err(Error::Truncated {
                    offset: self.pos,
                    needed: (n - have) as u64,
                }),
            };
        }
        let range = self.start..self.start + n;
        self.start += n;
        self.pos += n as u64;
        Ok(self.buf.get(range))
    }
}
