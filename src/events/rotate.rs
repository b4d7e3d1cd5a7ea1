//! ROTATE_EVENT (4): the log continues in another file.
//!
//! | post-header | field |
//! |---|---|
//! | 8 bytes | position of the first event in the next file (absent in binlog v1: 4) |
//!
//! The body is the next file's name, not NUL-terminated. A relay log also holds Rotate
//! events the replica made up (`log_pos` 0, the artificial flag) naming the source's file.
//!
//! Source: MySQL `Rotate_event::Rotate_event` (`control_events.cpp`).

use crate::parse::{PResult, le_u64, split};

/// A ROTATE event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct RotateEvent<'a> {
    /// The offset of the first event to read in the next file (4 in binlog v1).
    pub position: u64,
    /// The next file's name.
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::serde_util::text"))]
    pub next_file: &'a [u8],
}

pub(crate) fn parse(data: &[u8], post_header_len: usize) -> PResult<'_, RotateEvent<'_>> {
    let (body, post) = split(data, post_header_len)?;
    let position = if post_header_len >= 8 {
        le_u64(post)?.1
    } else {
        4
    };
    Ok((
        &[],
        RotateEvent {
            position,
            next_file: body,
        },
    ))
}
