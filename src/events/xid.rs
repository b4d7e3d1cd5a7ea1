//! XID_EVENT (16): commit of a transaction on a transactional engine.
//!
//! Body: xid (8 bytes), the server's internal transaction id.
//!
//! Source: MySQL `Xid_event` (`control_events.h`).

use crate::parse::{PResult, le_u64};

/// An XID event: `COMMIT /* xid=n */`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct XidEvent {
    /// The transaction id.
    pub xid: u64,
}

pub(crate) fn parse(data: &[u8]) -> PResult<'_, XidEvent> {
    let (i, xid) = le_u64(data)?;
    Ok((i, XidEvent { xid }))
}
