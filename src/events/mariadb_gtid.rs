//! MariaDB GTID_EVENT (162): the GTID of the event group that follows.
//!
//! Source: MariaDB `Gtid_log_event::Gtid_log_event(const uchar *buf, ...)` (`log_event.cc`)
//! and `Gtid_log_event::write` (`log_event_server.cc`).

use crate::events::xa_prepare::{Xid, xid_data};
use crate::gtid::MariadbGtid;
use crate::parse::{PResult, le_u8, le_u32, le_u64};

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

pub(crate) fn parse(data: &[u8], server_id: u32) -> PResult<'_, MariadbGtidEvent<'_>> {
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
        let (r, xid) = xid_data(r, format_id, u32::from(gtrid_len), u32::from(bqual_len))?;
        ev.xid = Some(xid);
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
