//! TRANSACTION_CONTEXT_EVENT (36): Group Replication's certification data for one
//! transaction.
//!
//! | post-header | |
//! |---|---|
//! | 1 | server UUID length |
//! | 4 | thread id |
//! | 1 | GTID specified |
//! | 4 | encoded snapshot version length |
//! | 4 | write set item count |
//! | 4 | read set item count |
//!
//! Body: server UUID (text), snapshot version (an encoded GTID set, as in
//! PREVIOUS_GTIDS), write set items and read set items, each a 2-byte length and bytes.
//!
//! Source: MySQL `Transaction_context_event::Transaction_context_event` (`control_events.cpp`).

use crate::parse::{PResult, bytes, fail, le_u8, le_u16, le_u32, split};

/// A TRANSACTION_CONTEXT event.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TransactionContextEvent<'a> {
    /// The UUID of the server that executed the transaction.
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::serde_util::text"))]
    pub server_uuid: &'a [u8],
    /// The session's thread id.
    pub thread_id: u32,
    /// Whether the transaction's GTID was set by the session.
    pub gtid_specified: bool,
    /// The snapshot version: an encoded GTID set (the PREVIOUS_GTIDS body format).
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::serde_util::binary"))]
    pub snapshot_version: &'a [u8],
    /// The write set: hashes of the rows the transaction wrote.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub write_set: Vec<&'a [u8]>,
    /// The read set.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub read_set: Vec<&'a [u8]>,
}

fn items(mut i: &[u8], count: u32) -> PResult<'_, Vec<&[u8]>> {
    // Every item takes at least its 2-byte length: bound the allocation by the input.
    if u64::from(count) > i.len() as u64 / 2 {
        return fail(i, "the item count exceeds the bytes left");
    }
    let mut out = Vec::with_capacity(count as usize);
    for _ in 0..count {
        let (r, len) = le_u16(i)?;
        let (r, item) = bytes(r, u64::from(len))?;
        out.push(item);
        i = r;
    }
    Ok((i, out))
}

pub(crate) fn parse(
    data: &[u8],
    post_header_len: usize,
) -> PResult<'_, TransactionContextEvent<'_>> {
    let (body, post) = split(data, post_header_len.max(18))?;
    let (p, uuid_len) = le_u8(post)?;
    let (p, thread_id) = le_u32(p)?;
    let (p, gtid_specified) = le_u8(p)?;
    let (p, snapshot_len) = le_u32(p)?;
    let (p, write_count) = le_u32(p)?;
    let (_, read_count) = le_u32(p)?;
    let (i, server_uuid) = bytes(body, u64::from(uuid_len))?;
    let (i, snapshot_version) = bytes(i, u64::from(snapshot_len))?;
    let (i, write_set) = items(i, write_count)?;
    let (i, read_set) = items(i, read_count)?;
    Ok((
        i,
        TransactionContextEvent {
            server_uuid,
            thread_id,
            gtid_specified: gtid_specified != 0,
            snapshot_version,
            write_set,
            read_set,
        },
    ))
}
