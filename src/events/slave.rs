//! SLAVE_EVENT (7): planned for MySQL 4.0 replicas to record their source's position;
//! never written by a released server. Layout of the 3.23/4.0 code: source position (8),
//! source port (2), source host (NUL-terminated), source binlog name to the end.
//!
//! Source: MySQL 4.0 `Slave_log_event::init_from_mem_pool`.

use crate::parse::{PResult, cstr, fail, le_u16, le_u64};

/// A SLAVE event (never written by a released server).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SlaveEvent<'a> {
    /// The source's binlog position.
    pub master_pos: u64,
    /// The source's port.
    pub master_port: u16,
    /// The source's host.
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::serde_util::text"))]
    pub master_host: &'a [u8],
    /// The source's binlog file.
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::serde_util::text"))]
    pub master_log: &'a [u8],
}

pub(crate) fn parse(data: &[u8]) -> PResult<'_, SlaveEvent<'_>> {
    let (i, master_pos) = le_u64(data)?;
    let (i, master_port) = le_u16(i)?;
    let (master_log, master_host) = cstr(i)?;
    if master_host.is_empty() && master_log.is_empty() {
        return fail(data, "a SLAVE event without host and log names");
    }
    Ok((
        &[],
        SlaveEvent {
            master_pos,
            master_port,
            master_host,
            master_log,
        },
    ))
}
