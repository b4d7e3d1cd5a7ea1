//! MariaDB's own events: BINLOG_CHECKPOINT (161), GTID (162), GTID_LIST (163),
//! START_ENCRYPTION (164) and PARTIAL_ROW_DATA (172). ANNOTATE_ROWS (160) is in
//! [`rows_query`](super::rows_query), QUERY_COMPRESSED (165) in [`query`](super::query)
//! and the compressed row events in [`rows`](super::rows).
//!
//! Source: MariaDB `sql/log_event.cc` (the `*_log_event(const uchar *buf, ...)`
//! constructors) and `log_event_server.cc` (`Gtid_log_event::write`).

use crate::events::xa_prepare::Xid;
use crate::gtid::{MariadbGtid, MariadbGtidList};
use crate::parse::{PResult, bytes, fail, le_u8, le_u32, le_u64, split};

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

pub(crate) fn parse_checkpoint(
    data: &[u8],
    post_header_len: usize,
) -> PResult<'_, BinlogCheckpointEvent<'_>> {
    let (body, post) = split(data, post_header_len.max(4))?;
    let (_, len) = le_u32(post)?;
    let (rest, file) = bytes(body, u64::from(len))?;
    Ok((rest, BinlogCheckpointEvent { file }))
}

/// `FL_STANDALONE`: the event group is a single statement without BEGIN/COMMIT.
pub const FL_STANDALONE: u8 = 0x01;
/// `FL_GROUP_COMMIT_ID`: a group commit id follows.
pub const FL_GROUP_COMMIT_ID: u8 = 0x02;
/// `FL_TRANSACTIONAL`: the group can be rolled back.
pub const FL_TRANSACTIONAL: u8 = 0x04;
/// `FL_ALLOW_PARALLEL`: may be applied in parallel with others.
pub const FL_ALLOW_PARALLEL: u8 = 0x08;
/// `FL_WAITED`: the group waited for a row lock on the source.
pub const FL_WAITED: u8 = 0x10;
/// `FL_DDL`: the group is DDL.
pub const FL_DDL: u8 = 0x20;
/// `FL_PREPARED_XA`: the group is an XA PREPARE; an XID follows.
pub const FL_PREPARED_XA: u8 = 0x40;
/// `FL_COMPLETED_XA`: the group is an XA COMMIT or ROLLBACK; an XID follows.
pub const FL_COMPLETED_XA: u8 = 0x80;

/// A MariaDB GTID event: the identity of the event group that follows.
///
/// | bytes | field | when |
/// |---|---|---|
/// | 8 | sequence number | |
/// | 4 | domain id | |
/// | 1 | flags | |
/// | 8 | commit id | `FL_GROUP_COMMIT_ID` |
/// | 4 + 1 + 1 + n | XID: format id, gtrid and bqual lengths, data | `FL_PREPARED_XA` or `FL_COMPLETED_XA` |
/// | 1 | extra flags | when bytes remain |
/// | 1 | extra engines | extra flag 0x01 |
/// | 8 | START ALTER sequence number | extra flags 0x04 or 0x08 |
/// | 4 | thread id | extra flag 0x10 (11.5+) |
///
/// The body is zero-padded to at least 19 bytes. The server id is the header's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MariadbGtidEvent<'a> {
    /// The GTID (its server id from the event header).
    pub gtid: MariadbGtid,
    /// Flags: [`FL_STANDALONE`], [`FL_TRANSACTIONAL`], ...
    pub flags: u8,
    /// The group commit id.
    pub commit_id: Option<u64>,
    /// The XA transaction id.
    pub xid: Option<Xid<'a>>,
    /// Extra flags (10.5+).
    pub flags_extra: u8,
    /// The number of extra storage engines in the transaction (0xff: read-only).
    pub extra_engines: Option<u8>,
    /// For a COMMIT or ROLLBACK ALTER: the sequence number of its START ALTER.
    pub start_alter_seq_no: Option<u64>,
    /// The id of the session that wrote the group (11.5+).
    pub thread_id: Option<u32>,
}

#[cfg(feature = "serde")]
impl serde::Serialize for MariadbGtidEvent<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("gtid", &self.gtid.to_string())?;
        m.serialize_entry("domain_id", &self.gtid.domain_id)?;
        m.serialize_entry("seq_no", &self.gtid.seq_no)?;
        m.serialize_entry("gtid_flags", &self.flags)?;
        if let Some(v) = self.commit_id {
            m.serialize_entry("commit_id", &v)?;
        }
        if let Some(x) = &self.xid {
            m.serialize_entry("xa_xid", x)?;
        }
        if self.flags_extra != 0 {
            m.serialize_entry("flags_extra", &self.flags_extra)?;
        }
        if let Some(v) = self.extra_engines {
            m.serialize_entry("extra_engines", &v)?;
        }
        if let Some(v) = self.start_alter_seq_no {
            m.serialize_entry("start_alter_seq_no", &v)?;
        }
        if let Some(v) = self.thread_id {
            m.serialize_entry("thread_id", &v)?;
        }
        m.end()
    }
}

pub(crate) fn parse_gtid(data: &[u8], server_id: u32) -> PResult<'_, MariadbGtidEvent<'_>> {
    let (i, seq_no) = le_u64(data)?;
    let (i, domain_id) = le_u32(i)?;
    let (mut i, flags) = le_u8(i)?;
    let mut ev = MariadbGtidEvent {
        gtid: MariadbGtid {
            domain_id,
            server_id,
            seq_no,
        },
        flags,
        commit_id: None,
        xid: None,
        flags_extra: 0,
        extra_engines: None,
        start_alter_seq_no: None,
        thread_id: None,
    };
    if flags & FL_GROUP_COMMIT_ID != 0 {
        let (r, id) = le_u64(i)?;
        ev.commit_id = Some(id);
        i = r;
    }
    if flags & (FL_PREPARED_XA | FL_COMPLETED_XA) != 0 {
        let (r, format_id) = le_u32(i)?;
        let (r, gtrid_len) = le_u8(r)?;
        let (r, bqual_len) = le_u8(r)?;
        if gtrid_len > 64 || bqual_len > 64 {
            return fail(i, "an XA id part is longer than 64 bytes");
        }
        let (r, gtrid) = bytes(r, u64::from(gtrid_len))?;
        let (r, bqual) = bytes(r, u64::from(bqual_len))?;
        ev.xid = Some(Xid {
            format_id,
            gtrid,
            bqual,
        });
        i = r;
    }
    if let Some((&flags_extra, r)) = i.split_first() {
        ev.flags_extra = flags_extra;
        i = r;
        if flags_extra & 0x01 != 0 {
            let (r, n) = le_u8(i)?;
            ev.extra_engines = Some(n);
            i = r;
        }
        if flags_extra & (0x04 | 0x08) != 0 {
            let (r, n) = le_u64(i)?;
            ev.start_alter_seq_no = Some(n);
            i = r;
        }
        if flags_extra & 0x10 != 0 {
            let (r, n) = le_u32(i)?;
            ev.thread_id = Some(n);
            i = r;
        }
    }
    // What remains is the zero padding up to 19 bytes.
    Ok((i, ev))
}

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

pub(crate) fn parse_gtid_list(data: &[u8]) -> PResult<'_, MariadbGtidListEvent<'_>> {
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

/// A START_ENCRYPTION event: every event after it is encrypted.
///
/// Body: scheme (1), key version (4), nonce (12).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct StartEncryptionEvent<'a> {
    /// The encryption scheme (1).
    pub scheme: u8,
    /// The key version.
    pub key_version: u32,
    /// The nonce.
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::serde_util::binary"))]
    pub nonce: &'a [u8],
}

pub(crate) fn parse_start_encryption(data: &[u8]) -> PResult<'_, StartEncryptionEvent<'_>> {
    let (i, scheme) = le_u8(data)?;
    let (i, key_version) = le_u32(i)?;
    let (i, nonce) = split(i, 12)?;
    Ok((
        i,
        StartEncryptionEvent {
            scheme,
            key_version,
            nonce,
        },
    ))
}

/// A PARTIAL_ROW_DATA event (MariaDB 12.3+): one fragment of a rows event too large for
/// one event. The fragments, concatenated in order, are the rows event.
///
/// Body: total fragments (4), this fragment's number from 1 (4), flags (1), the original
/// event's size (8, when flag 1 is set: the first fragment), the fragment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PartialRowDataEvent<'a> {
    /// How many fragments the event was cut into.
    pub total_fragments: u32,
    /// This fragment's number, from 1.
    pub fragment: u32,
    /// Flags.
    pub fragment_flags: u8,
    /// The size of the whole original event (first fragment only).
    pub original_size: Option<u64>,
    /// This fragment's bytes.
    #[cfg_attr(feature = "serde", serde(rename = "chunk_len", serialize_with = "len"))]
    pub chunk: &'a [u8],
}

#[cfg(feature = "serde")]
fn len<S: serde::Serializer>(b: &&[u8], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_u64(b.len() as u64)
}

pub(crate) fn parse_partial_row_data(data: &[u8]) -> PResult<'_, PartialRowDataEvent<'_>> {
    let (i, total_fragments) = le_u32(data)?;
    let (i, fragment) = le_u32(i)?;
    let (i, fragment_flags) = le_u8(i)?;
    let (chunk, original_size) = if fragment_flags & 0x01 != 0 {
        let (r, n) = le_u64(i)?;
        (r, Some(n))
    } else {
        (i, None)
    };
    Ok((
        &[],
        PartialRowDataEvent {
            total_fragments,
            fragment,
            fragment_flags,
            original_size,
            chunk,
        },
    ))
}
