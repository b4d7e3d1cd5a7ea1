//! HEARTBEAT_LOG_EVENT (27) and HEARTBEAT_LOG_EVENT_V2 (41): sent by a source to an idle
//! replica; never in a file, but a replication stream decoded through [`Decoder`] has them.
//!
//! HEARTBEAT body: the source's current binlog file name; its position is the header's
//! `log_pos`, except from a MariaDB source past 4 GiB, which writes `log_pos` 0 and the
//! 8-byte position before the name (`send_heartbeat_event` in MariaDB's `sql_repl.cc`). HEARTBEAT_V2 body: packed-integer fields `type, length, value` ending with
//! type 0: 1 = file name, 2 = position (a packed integer).
//!
//! Source: MySQL `Heartbeat_event`, `Heartbeat_event_v2` (`control_events.cpp`,
//! `codecs/binary.cpp`).
//!
//! [`Decoder`]: crate::Decoder

use crate::parse::{PResult, packed_len, packed_tlv};

/// A HEARTBEAT event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct HeartbeatEvent<'a> {
    /// The source's current binlog file.
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::serde_util::text"))]
    pub log_file: &'a [u8],
    /// The source's position in it.
    pub log_position: u64,
}

/// A HEARTBEAT_V2 event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct HeartbeatV2Event<'a> {
    /// The source's current binlog file.
    #[cfg_attr(
        feature = "serde",
        serde(serialize_with = "crate::serde_util::opt_text")
    )]
    pub log_file: Option<&'a [u8]>,
    /// The source's position in it (64-bit).
    pub log_position: Option<u64>,
}

pub(crate) fn parse(data: &[u8], log_pos: u32, mariadb: bool) -> PResult<'_, HeartbeatEvent<'_>> {
    if mariadb && log_pos == 0 && data.len() >= 8 {
        let (log_file, log_position) = crate::parse::le_u64(data)?;
        return Ok((
            &[],
            HeartbeatEvent {
                log_file,
                log_position,
            },
        ));
    }
    Ok((
        &[],
        HeartbeatEvent {
            log_file: data,
            log_position: u64::from(log_pos),
        },
    ))
}

pub(crate) fn parse_v2(data: &[u8]) -> PResult<'_, HeartbeatV2Event<'_>> {
    let mut ev = HeartbeatV2Event {
        log_file: None,
        log_position: None,
    };
    let mut i = data;
    while !i.is_empty() {
        let (r, field) = packed_tlv(i)?;
        i = r;
        match field {
            None => break,
            Some((1, value)) => ev.log_file = Some(value),
            Some((2, value)) => ev.log_position = Some(packed_len(value)?.1),
            Some(_) => {}
        }
    }
    Ok((i, ev))
}
