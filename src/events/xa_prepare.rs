//! XA_PREPARE_LOG_EVENT (38): `XA PREPARE` (or `XA COMMIT ... ONE PHASE`) of an XA
//! transaction.
//!
//! | bytes | field |
//! |---|---|
//! | 1 | one phase |
//! | 4 | format id |
//! | 4 | gtrid length (0-64) |
//! | 4 | bqual length (0-64) |
//! | gtrid + bqual | the XID data |
//!
//! Source: MySQL `XA_prepare_event::XA_prepare_event` (`control_events.cpp`).

use crate::parse::{PResult, bytes, fail, le_u8, le_u32};

/// An XA transaction id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Xid<'a> {
    /// The format id.
    pub format_id: u32,
    /// The global transaction id.
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::serde_util::text"))]
    pub gtrid: &'a [u8],
    /// The branch qualifier.
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::serde_util::text"))]
    pub bqual: &'a [u8],
}

/// An XA_PREPARE event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct XaPrepareEvent<'a> {
    /// True for `XA COMMIT ... ONE PHASE`, false for `XA PREPARE`.
    pub one_phase: bool,
    /// The XA transaction id.
    pub xid: Xid<'a>,
}

/// The gtrid and bqual of an XA id, whose lengths came before them (64 bytes at most
/// each, as `XIDDATASIZE` allows): shared by MySQL's XA_PREPARE and MariaDB's GTID.
pub(crate) fn xid_data(
    input: &[u8],
    format_id: u32,
    gtrid_len: u32,
    bqual_len: u32,
) -> PResult<'_, Xid<'_>> {
    if gtrid_len > 64 || bqual_len > 64 {
        return fail(input, "an XA id part is longer than 64 bytes");
    }
    let (i, gtrid) = bytes(input, u64::from(gtrid_len))?;
    let (i, bqual) = bytes(i, u64::from(bqual_len))?;
    Ok((
        i,
        Xid {
            format_id,
            gtrid,
            bqual,
        },
    ))
}

pub(crate) fn parse(data: &[u8]) -> PResult<'_, XaPrepareEvent<'_>> {
    let (i, one_phase) = le_u8(data)?;
    let (i, format_id) = le_u32(i)?;
    let (i, gtrid_len) = le_u32(i)?;
    let (i, bqual_len) = le_u32(i)?;
    let (i, xid) = xid_data(i, format_id, gtrid_len, bqual_len)?;
    Ok((
        i,
        XaPrepareEvent {
            one_phase: one_phase != 0,
            xid,
        },
    ))
}
