//! MariaDB PARTIAL_ROW_DATA_EVENT (172, MariaDB 12.3+): one fragment of a rows event too
//! large for one event.
//!
//! Source: MariaDB's documentation of `Partial_rows_log_event` (MDEV-32570); no server in
//! the test corpus writes it.

use crate::parse::{PResult, le_u8, le_u32, le_u64};

/// A PARTIAL_ROW_DATA event (MariaDB 12.3+): one fragment of a rows event too large for
/// one event. The fragments, concatenated in order, are the rows event.
///
/// Body: total fragments (4), this fragment's number from 1 (4), flags (1), the original
/// event's size (8, when flag 1 is set: the first fragment), the fragment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PartialRowDataEvent<'a> {
    /// How many fragments the event was cut into.
    pub total_fragments: u32,
    /// This fragment's number, from 1.
    pub fragment: u32,
    /// Flags.
    pub fragment_flags: u8,
    /// The size of the whole original event (first fragment only).
    pub original_size: Option<u64>,
    /// This fragment's bytes.
    #[cfg_attr(
        feature = "serde",
        serde(rename = "chunk_len", serialize_with = "crate::serde_util::byte_len")
    )]
    pub chunk: &'a [u8],
}

pub(crate) fn parse(data: &[u8]) -> PResult<'_, PartialRowDataEvent<'_>> {
    let (i, total_fragments) = le_u32(data)?;
    let (i, fragment) = le_u32(i)?;
    let (i, fragment_flags) = le_u8(i)?;
    let (chunk, original_size) = if fragment_flags & 0x01 != 0 {
        let (r, n) = le_u64(i)?;
        (r, Some(n))
    } else {
        (i, None)
    };
    Ok((
        &[],
        PartialRowDataEvent {
            total_fragments,
            fragment,
            fragment_flags,
            original_size,
            chunk,
        },
    ))
}
