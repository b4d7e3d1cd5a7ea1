//! [`BinlogReader`]: events of a binlog held in memory.

use crate::decoder::{Decoder, ReaderOptions};
use crate::error::{Error, Result};
use crate::event::BinlogEvent;
use crate::header::{EventHeader, peek_event_size};
use crate::schema::TableMapCache;

/// An iterator over the events of a binlog held in memory (a byte slice, or a
/// [`MappedBinlog`](crate::MappedBinlog)). Events borrow from the input, not from the
/// reader: they may be kept while the reader moves on.
///
/// It stops after the first error (a truncated tail, a checksum mismatch, ...), which it
/// returns as the last item.
///
/// ```
/// use binlogkit::{BinlogReader, Event};
/// let bytes = std::fs::read("fixtures/demo.bin")?;
/// let mut queries = 0;
/// for event in BinlogReader::new(&bytes)? {
///     if let Event::Query(_) = event?.event {
///         queries += 1;
///     }
/// }
/// assert!(queries > 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct BinlogReader<'a> {
    input: &'a [u8],
    pos: usize,
    decoder: Decoder,
    fused: bool,
}

impl<'a> BinlogReader<'a> {
    /// A reader over a whole binlog file: it checks the magic and starts at byte 4.
    pub fn new(input: &'a [u8]) -> Result<Self> {
        Self::with_options(input, ReaderOptions::default())
    }

    /// A reader with the given options.
    pub fn with_options(input: &'a [u8], options: ReaderOptions) -> Result<Self> {
        super::check_magic(input)?;
        Ok(BinlogReader {
            input,
            pos: crate::MAGIC.len(),
            decoder: Decoder::with_options(options),
            fused: false,
        })
    }

    /// A reader that starts at `offset` of `input` (a whole file's bytes) with a decoder
    /// that already knows the format (see [`Decoder::with_format`]): reading from the
    /// middle of a file.
    pub fn at_offset(input: &'a [u8], offset: u64, decoder: Decoder) -> Self {
        BinlogReader {
            input,
            pos: usize::try_from(offset).unwrap_or(usize::MAX),
            decoder,
            fused: false,
        }
    }

    /// The offset of the next event.
    pub fn position(&self) -> u64 {
        self.pos as u64
    }

    /// The decoder (format description and table maps in force).
    pub fn decoder(&self) -> &Decoder {
        &self.decoder
    }

    /// The decoder, mutably: to open a payload's events
    /// ([`Decoder::payload_events`]) or supply a table schema.
    pub fn decoder_mut(&mut self) -> &mut Decoder {
        &mut self.decoder
    }

    /// The table maps in force.
    pub fn tables(&self) -> &TableMapCache {
        self.decoder.tables()
    }

    /// The next event, `Ok(None)` at the end of the input.
    pub fn next_event(&mut self) -> Result<Option<BinlogEvent<'a>>> {
        if self.fused {
            return Ok(None);
        }
        let result = self.frame_and_decode();
        if result.is_err() {
            self.fused = true;
        }
        result
    }

    fn frame_and_decode(&mut self) -> Result<Option<BinlogEvent<'a>>> {
        let input: &'a [u8] = self.input;
        let rest = input.get(self.pos..).unwrap_or_default();
        if rest.is_empty() {
            return Ok(None);
        }
        let offset = self.pos as u64;
        let Some(size) = peek_event_size(rest) else {
            return Err(Error::Truncated {
                offset,
                needed: (EventHeader::LEN - rest.len()) as u64,
            });
        };
        if (size as usize) < EventHeader::V1_LEN {
            return Err(Error::BadHeader {
                offset,
                reason: format!("the event size field says {size} bytes, less than any header")
                    .into(),
            });
        }
        let limit = self.decoder.options().event_size_limit();
        if u64::from(size) > limit {
            return Err(Error::EventTooLarge {
                offset,
                size: u64::from(size),
                limit,
            });
        }
        let Some(frame) = rest.get(..size as usize) else {
            return Err(Error::Truncated {
                offset,
                needed: u64::from(size) - rest.len() as u64,
            });
        };
        let event = self.decoder.decode(offset, frame)?;
        self.pos += frame.len();
        Ok(Some(event))
    }
}

impl<'a> Iterator for BinlogReader<'a> {
    type Item = Result<BinlogEvent<'a>>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_event().transpose()
    }
}

impl std::iter::FusedIterator for BinlogReader<'_> {}
