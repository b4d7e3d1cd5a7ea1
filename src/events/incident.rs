//! INCIDENT_EVENT (26): something happened that a replica must know, usually lost events.
//!
//! Post-header: incident number (2 bytes; 1 = LOST_EVENTS). Body: message length (1) and
//! message.
//!
//! Source: MySQL `Incident_event` (`control_events.cpp`).

use crate::parse::{PResult, le_u16, split, u8_prefixed};

/// An INCIDENT event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct IncidentEvent<'a> {
    /// The incident: 1 is `LOST_EVENTS`.
    pub incident: u16,
    /// The message.
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::serde_util::text"))]
    pub message: &'a [u8],
}

impl IncidentEvent<'_> {
    /// The incident's name as mysqlbinlog prints it.
    pub fn name(&self) -> &'static str {
        match self.incident {
            0 => "NONE",
            1 => "LOST_EVENTS",
            _ => "UNKNOWN",
        }
    }
}

pub(crate) fn parse(data: &[u8], post_header_len: usize) -> PResult<'_, IncidentEvent<'_>> {
    let (body, post) = split(data, post_header_len.max(2))?;
    let (_, incident) = le_u16(post)?;
    // The message is optional: a bare incident ends after its number.
    let (rest, message) = if body.is_empty() {
        (body, &[][..])
    } else {
        u8_prefixed(body)?
    };
    Ok((rest, IncidentEvent { incident, message }))
}
