//! VIEW_CHANGE_EVENT (37): a Group Replication membership change.
//!
//! | post-header | |
//! |---|---|
//! | 40 | view id, NUL-padded |
//! | 8 | sequence number |
//! | 4 | certification info entry count |
//!
//! Body: the certification info entries, each a 2-byte key length, the key, a 4-byte
//! value length and the value.
//!
//! Source: MySQL `View_change_event::View_change_event` (`control_events.cpp`).

use crate::parse::{PResult, bytes, fail, le_u16, le_u32, le_u64, split, trim_nul};

/// A VIEW_CHANGE event.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ViewChangeEvent<'a> {
    /// The view id.
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::serde_util::text"))]
    pub view_id: &'a [u8],
    /// The sequence number.
    pub seq_number: u64,
    /// The certification info: (key, value) pairs.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub certification_info: Vec<(&'a [u8], &'a [u8])>,
}

pub(crate) fn parse(data: &[u8], post_header_len: usize) -> PResult<'_, ViewChangeEvent<'_>> {
    let (body, post) = split(data, post_header_len.max(52))?;
    let (p, view_id) = split(post, 40)?;
    let (p, seq_number) = le_u64(p)?;
    let (_, count) = le_u32(p)?;
    // Every entry takes at least 6 bytes.
    if u64::from(count) > body.len() as u64 / 6 {
        return fail(body, "the certification info count exceeds the bytes left");
    }
    let mut certification_info = Vec::with_capacity(count as usize);
    let mut i = body;
    for _ in 0..count {
        let (r, klen) = le_u16(i)?;
        let (r, key) = bytes(r, u64::from(klen))?;
        let (r, vlen) = le_u32(r)?;
        let (r, value) = bytes(r, u64::from(vlen))?;
        certification_info.push((key, value));
        i = r;
    }
    Ok((
        i,
        ViewChangeEvent {
            view_id: trim_nul(view_id),
            seq_number,
            certification_info,
        },
    ))
}
