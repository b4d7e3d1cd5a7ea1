//! FORMAT_DESCRIPTION_EVENT (15) and START_EVENT_V3 (1): the event that opens a binlog.
//!
//! | bytes | field | |
//! |---|---|---|
//! | 2 | binlog version | both |
//! | 50 | server version, NUL-padded | both |
//! | 4 | creation time (0 unless the server started with this file) | both |
//! | 1 | common header length | FORMAT_DESCRIPTION |
//! | n | post-header length of each event type, from type 1 | FORMAT_DESCRIPTION |
//! | 1 | checksum algorithm (0 off, 1 CRC32) | servers from MySQL 5.6.1 / MariaDB 5.3 |
//! | 4 | checksum of this event, written whatever the algorithm | same |
//!
//! A checksum-aware server always ends its format description with the algorithm byte and
//! a 4-byte checksum, even when `binlog_checksum=NONE`: the event is 5 bytes longer.
//!
//! Source: MySQL `Format_description_event` (`control_events.cpp`), `Log_event_footer::get_checksum_alg`.

use crate::constants::ChecksumAlg;
use crate::format;
use crate::parse::{PResult, le_u8, le_u16, le_u32, split, trim_nul};

/// A FORMAT_DESCRIPTION event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct FormatDescriptionEvent<'a> {
    /// The binlog version (4).
    pub binlog_version: u16,
    /// The server version, e.g. `8.0.32` or `10.11.6-MariaDB-log`.
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::serde_util::text"))]
    pub server_version: &'a [u8],
    /// When the server created this file at startup, or 0.
    pub create_timestamp: u32,
    /// The length of the common header of the events that follow (19).
    pub header_len: u8,
    /// The post-header length of each event type, index 0 being type 1.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub post_header_lens: &'a [u8],
    /// The checksum algorithm of the events that follow (this one included).
    pub checksum_alg: ChecksumAlg,
}

/// A START_EVENT_V3: the first event of a binlog v1 or v3 file (MySQL 3.23 to 4.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct StartV3Event<'a> {
    /// The binlog version: 1 (3.23), 2 (4.0.0 and 4.0.1) or 3.
    pub binlog_version: u16,
    /// The server version.
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::serde_util::text"))]
    pub server_version: &'a [u8],
    /// When the server created this file at startup, or 0.
    pub create_timestamp: u32,
}

fn start_fields(data: &[u8]) -> PResult<'_, StartV3Event<'_>> {
    let (i, binlog_version) = le_u16(data)?;
    let (i, server_version) = split(i, 50)?;
    let (i, create_timestamp) = le_u32(i)?;
    Ok((
        i,
        StartV3Event {
            binlog_version,
            server_version: trim_nul(server_version),
            create_timestamp,
        },
    ))
}

pub(crate) fn parse_start_v3(data: &[u8]) -> PResult<'_, StartV3Event<'_>> {
    // Old servers sometimes pad the event; only the fixed fields are read.
    let (_, start) = start_fields(data)?;
    Ok((&[], start))
}

/// Whether the format description in `data` (its bytes after the common header, checksum
/// included) comes from a server that writes the checksum algorithm byte.
pub(crate) fn is_checksum_aware(data: &[u8]) -> bool {
    let version = data.get(2..52).map(trim_nul).unwrap_or_default();
    let (split, mariadb) = format::split_server_version(version);
    format::has_checksum_alg(split, mariadb)
}

/// Parses a format description. `data` excludes the common header and the trailing 4-byte
/// checksum of a checksum-aware server (the decoder splits it off); the algorithm byte is
/// still in it when `checksum_aware`.
pub(crate) fn parse(data: &[u8], checksum_aware: bool) -> PResult<'_, FormatDescriptionEvent<'_>> {
    let (i, start) = start_fields(data)?;
    let (i, header_len) = le_u8(i)?;
    if usize::from(header_len) < crate::header::EventHeader::LEN {
        return crate::parse::fail(data, "the common header length is below 19 bytes");
    }
    let (post_header_lens, checksum_alg) = if checksum_aware {
        match i.split_last() {
            Some((&alg, lens)) => (lens, ChecksumAlg::from_byte(alg)),
            None => return crate::parse::fail(i, "the checksum algorithm byte is missing"),
        }
    } else {
        (i, ChecksumAlg::Undefined)
    };
    Ok((
        &[],
        FormatDescriptionEvent {
            binlog_version: start.binlog_version,
            server_version: start.server_version,
            create_timestamp: start.create_timestamp,
            header_len,
            post_header_lens,
            checksum_alg,
        },
    ))
}
