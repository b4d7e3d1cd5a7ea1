//! PREVIOUS_GTIDS_LOG_EVENT (35): the GTIDs of all earlier binlog files of the server, at
//! the start of each file.
//!
//! | bytes | field |
//! |---|---|
//! | 8 | number of (UUID, tag) groups; in the tagged format (MySQL 8.3+, written when some
//! |   | GTID has a tag) byte 0 and byte 7 are 1 and bytes 1-6 hold the number |
//! | per group: 16 | UUID |
//! | tagged format only | tag: `mysql::serialization` varint length and bytes ("" untagged) |
//! | 8 | number of intervals |
//! | per interval: 8 + 8 | start, end (exclusive) |
//!
//! Source: MySQL `Gtid_set::add_gtid_encoding`, `decode_nsids_format` (`rpl_gtid_set.cc`).

use crate::gtid::{GtidSet, Tag, Uuid};
use crate::parse::{PResult, bytes, fail, le_u64, uuid};

/// A PREVIOUS_GTIDS event. The set is validated when the event is decoded and built on
/// demand by [`PreviousGtidsEvent::gtid_set`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PreviousGtidsEvent<'a> {
    /// Whether the set is in the tagged format of MySQL 8.3+.
    pub tagged: bool,
    /// The number of (UUID, tag) groups.
    pub group_count: u64,
    groups: &'a [u8],
}

impl PreviousGtidsEvent<'_> {
    /// The GTID set.
    pub fn gtid_set(&self) -> GtidSet {
        let mut set = GtidSet::new();
        // The groups were validated when the event was decoded.
        let _ = walk(
            self.groups,
            self.group_count,
            self.tagged,
            &mut |u, tag, s, e| {
                if let Ok(tag) = Tag::new(tag) {
                    set.insert_interval(Uuid(u), &tag, s, e);
                }
            },
        );
        set
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for PreviousGtidsEvent<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(1))?;
        m.serialize_entry("gtid_set", &self.gtid_set().to_string())?;
        m.end()
    }
}

/// Receives each interval of a set: UUID, tag, first and last number.
type IntervalSink<'s> = &'s mut dyn FnMut([u8; 16], &str, u64, u64);

/// Walks the groups, calling `each(uuid, tag, first, last)` for every interval (closed).
fn walk<'a>(mut i: &'a [u8], groups: u64, tagged: bool, each: IntervalSink<'_>) -> PResult<'a, ()> {
    for _ in 0..groups {
        let (r, sid) = uuid(i)?;
        let (r, tag) = if tagged {
            let (r, len) = crate::events::gtid::varint(r)?;
            bytes(r, len)?
        } else {
            (r, &[][..])
        };
        let Ok(tag) = std::str::from_utf8(tag) else {
            return fail(r, "a GTID tag is not text");
        };
        if Tag::new(tag).is_err() {
            return fail(r, "a GTID tag has characters MySQL does not allow");
        }
        let (mut r, intervals) = le_u64(r)?;
        if intervals > r.len() as u64 / 16 {
            return fail(r, "the interval count exceeds the bytes left");
        }
        let mut previous_end = 0u64;
        for _ in 0..intervals {
            let (r2, start) = le_u64(r)?;
            let (r2, end) = le_u64(r2)?;
            if start == 0 || end <= start || start < previous_end {
                return fail(r, "a GTID interval is empty, unordered or overlapping");
            }
            each(sid, tag, start, end - 1);
            previous_end = end;
            r = r2;
        }
        i = r;
    }
    Ok((i, ()))
}

pub(crate) fn parse(data: &[u8]) -> PResult<'_, PreviousGtidsEvent<'_>> {
    let (groups_start, word) = le_u64(data)?;
    let format = word >> 56;
    let (tagged, group_count) = match format {
        0 => (false, word),
        1 => (true, (word >> 8) & 0x0000_ffff_ffff_ffff),
        _ => return fail(data, "unknown GTID set encoding"),
    };
    // Each group takes at least 24 bytes.
    if group_count > groups_start.len() as u64 / 24 {
        return fail(data, "the group count exceeds the bytes left");
    }
    let (rest, ()) = walk(groups_start, group_count, tagged, &mut |_, _, _, _| {})?;
    // MySQL ignores trailing bytes after the set.
    let _ = rest;
    Ok((
        &[],
        PreviousGtidsEvent {
            tagged,
            group_count,
            groups: groups_start,
        },
    ))
}
