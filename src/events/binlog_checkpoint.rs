//! MariaDB BINLOG_CHECKPOINT_EVENT (161): the oldest binlog file crash recovery still
//! needs.
//!
//! Source: MariaDB `Binlog_checkpoint_log_event` (`sql/log_event.cc`, `log_event_server.cc`).

use crate::parse::{PResult, bytes, le_u32, split};

/// A BINLOG_CHECKPOINT event: the oldest binlog file crash recovery still needs.
///
/// Post-header: file name length (4). Body: the file name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct BinlogCheckpointEvent<'a> {
    /// The file name.
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::serde_util::text"))]
    pub file: &'a [u8],
}

pub(crate) fn parse(data: &[u8], post_header_len: usize) -> PResult<'_, BinlogCheckpointEvent<'_>> {
    let (body, post) = split(data, post_header_len.max(4))?;
    let (_, len) = le_u32(post)?;
    let (rest, file) = bytes(body, u64::from(len))?;
    Ok((rest, BinlogCheckpointEvent { file }))
}
