//! The file magic and the common event header.
//!
//! Every event starts with a common header:
//!
//! | bytes | field       | binlog versions |
//! |-------|-------------|-----------------|
//! | 0-3   | timestamp   | all             |
//! | 4     | event type  | all             |
//! | 5-8   | server id   | all             |
//! | 9-12  | event size (header, body and checksum) | all |
//! | 13-16 | log_pos: offset of the *next* event in the source's binlog | 3, 4 |
//! | 17-18 | flags       | 3, 4            |
//!
//! Binlog v1 (MySQL 3.23) stops after the event size: its header is 13 bytes. A v4 format
//! description may declare a longer header; the extra bytes are skipped.

use crate::constants::{EventFlags, EventType};

/// The four bytes every binlog and relay log starts with.
pub const MAGIC: [u8; 4] = *b"\xfebin";

/// The four bytes a MySQL 8.0.14+ encrypted binlog starts with.
pub const ENCRYPTED_MAGIC: [u8; 4] = *b"\xfdbin";

/// Byte offset of the event size within the header.
pub(crate) const EVENT_SIZE_OFFSET: usize = 9;
/// Byte offset of the flags within the header.
pub(crate) const FLAGS_OFFSET: usize = 17;

/// The common header of an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct EventHeader {
    /// When the statement started, in seconds since the Unix epoch (UTC).
    pub timestamp: u32,
    /// The event type.
    pub event_type: EventType,
    /// The server that first wrote the event (`server_id`).
    pub server_id: u32,
    /// The size of the whole event, header and checksum included.
    pub event_size: u32,
    /// The offset of the next event in the binlog of the server that wrote this one
    /// (`end_log_pos`). It is not this file's offset: in a relay log it refers to the
    /// source's binlog, MariaDB writes 0 inside some event groups, binlog v1 has no such
    /// field (0 here), and it wraps at 4 GiB. [`BinlogEvent::offset`] is the real one.
    ///
    /// [`BinlogEvent::offset`]: crate::BinlogEvent::offset
    pub log_pos: u32,
    /// The header flags (0 in binlog v1).
    pub flags: EventFlags,
}

impl EventHeader {
    /// The length of the header in binlog v3 and v4.
    pub const LEN: usize = 19;
    /// The length of the header in binlog v1 (MySQL 3.23).
    pub const V1_LEN: usize = 13;

    /// Reads a header from the start of `bytes`: 19 bytes, or 13 when `v1` is true.
    /// Returns `None` when `bytes` is shorter.
    pub fn parse(bytes: &[u8], v1: bool) -> Option<EventHeader> {
        let len = if v1 { Self::V1_LEN } else { Self::LEN };
        let b = bytes.get(..len)?;
        let u32_at = |at: usize| -> Option<u32> {
            Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
        };
        let (log_pos, flags) = if v1 {
            (0, 0)
        } else {
            let f = b.get(FLAGS_OFFSET..FLAGS_OFFSET + 2)?;
            (u32_at(13)?, u16::from_le_bytes(f.try_into().ok()?))
        };
        Some(EventHeader {
            timestamp: u32_at(0)?,
            event_type: EventType(*b.get(4)?),
            server_id: u32_at(5)?,
            event_size: u32_at(EVENT_SIZE_OFFSET)?,
            log_pos,
            flags: EventFlags(flags),
        })
    }

    /// The header's timestamp as a UTC date and time.
    #[cfg(feature = "chrono")]
    pub fn datetime(&self) -> chrono::DateTime<chrono::Utc> {
        // Every u32 is a valid number of seconds for chrono; the fallback cannot fire.
        chrono::DateTime::from_timestamp(i64::from(self.timestamp), 0).unwrap_or_default()
    }
}

/// The event size field of a header that starts at the beginning of `bytes`, if at
/// least 13 bytes are present. This is all framing needs, in every binlog version.
pub(crate) fn peek_event_size(bytes: &[u8]) -> Option<u32> {
    let s = bytes.get(EVENT_SIZE_OFFSET..EVENT_SIZE_OFFSET + 4)?;
    Some(u32::from_le_bytes(s.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_v4_and_v1_headers() -> Result<(), &'static str> {
        // A MySQL 5.7 Rotate event header: timestamp 0, type 4, server 1, size 47,
        // log_pos 0, flags 0x20 (artificial).
        let h = [0, 0, 0, 0, 4, 1, 0, 0, 0, 47, 0, 0, 0, 0, 0, 0, 0, 0x20, 0];
        let Some(v4) = EventHeader::parse(&h, false) else {
            return Err("no v4 header");
        };
        assert_eq!(v4.event_type, EventType::ROTATE_EVENT);
        assert_eq!(v4.event_size, 47);
        assert!(v4.flags.contains(EventFlags::ARTIFICIAL));
        let Some(v1) = EventHeader::parse(&h, true) else {
            return Err("no v1 header");
        };
        assert_eq!((v1.log_pos, v1.flags.0), (0, 0));
        assert!(EventHeader::parse(&h[..18], false).is_none());
        assert_eq!(peek_event_size(&h[..13]), Some(47));
        assert_eq!(peek_event_size(&h[..12]), None);
        Ok(())
    }
}
