//! MariaDB GTID_LIST_EVENT (163): the binlog state at the start of a file.
//!
//! Source: MariaDB `Gtid_list_log_event` (`log_event.cc`).

use crate::gtid::{MariadbGtid, MariadbGtidList};
use crate::parse::{PResult, bytes, le_u32};

/// A MariaDB GTID_LIST event: the binlog state (last GTID of each domain and server) at
/// the start of the file.
///
/// Body: count and flags (4 bytes: the low 28 bits count, the high 4 flags), then per
/// entry domain id (4), server id (4), sequence number (8).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MariadbGtidListEvent<'a> {
    /// The flags (high 4 bits of the count field): 1 until-reached, 2 ignore GTIDs.
    pub list_flags: u8,
    entries: &'a [u8],
}

impl MariadbGtidListEvent<'_> {
    /// The GTIDs, in the order written.
    pub fn gtids(&self) -> impl Iterator<Item = MariadbGtid> + '_ {
        self.entries.chunks_exact(16).map(|e| {
            let u32_at = |a: usize| {
                e.get(a..a + 4)
                    .and_then(|b| b.try_into().ok())
                    .map_or(0, u32::from_le_bytes)
            };
            let seq = e
                .get(8..16)
                .and_then(|b| b.try_into().ok())
                .map_or(0, u64::from_le_bytes);
            MariadbGtid {
                domain_id: u32_at(0),
                server_id: u32_at(4),
                seq_no: seq,
            }
        })
    }

    /// The list.
    pub fn gtid_list(&self) -> MariadbGtidList {
        self.gtids().collect()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for MariadbGtidListEvent<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        let list: Vec<String> = self.gtids().map(|g| g.to_string()).collect();
        m.serialize_entry("gtid_list", &list.join(","))?;
        if self.list_flags != 0 {
            m.serialize_entry("list_flags", &self.list_flags)?;
        }
        m.end()
    }
}

pub(crate) fn parse(data: &[u8]) -> PResult<'_, MariadbGtidListEvent<'_>> {
    let (i, field) = le_u32(data)?;
    let count = field & 0x0fff_ffff;
    let (rest, entries) = bytes(i, u64::from(count) * 16)?;
    Ok((
        rest,
        MariadbGtidListEvent {
            list_flags: (field >> 28) as u8,
            entries,
        },
    ))
}
