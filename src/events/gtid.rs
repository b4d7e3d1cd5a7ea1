//! GTID_LOG_EVENT (33), ANONYMOUS_GTID_LOG_EVENT (34) and GTID_TAGGED_LOG_EVENT (42):
//! the identity and logical clock of the transaction that follows.
//!
//! Types 33 and 34 (offsets in the body):
//!
//! | at | size | field | since |
//! |---|---|---|---|
//! | 0 | 1 | flags (1: may hold statement-based events) | 5.6 |
//! | 1 | 16 | source UUID (zero for anonymous) | 5.6 |
//! | 17 | 8 | GNO (0 for anonymous) | 5.6 |
//! | 25 | 1 | logical clock type code, 2 | 5.7 |
//! | 26 | 8 | last_committed | 5.7 |
//! | 34 | 8 | sequence_number | 5.7 |
//! | 42 | 7 | immediate commit timestamp, µs; bit 55 set: the original one follows | 8.0.1 |
//! | +7 | 7 | original commit timestamp (only with bit 55) | 8.0.1 |
//! | +0 | packed | transaction length, this event and every checksum included | 8.0.2 |
//! | +0 | 4 | immediate server version; bit 31 set: the original one follows | 8.0.14 |
//! | +4 | 4 | original server version (only with bit 31) | 8.0.14 |
//! | +0 | 8 | commit group ticket | 8.0.x |
//!
//! Which optional parts are present is known only from the event's length, as MySQL
//! reads it. Type 42 carries the same fields plus a tag, in MySQL's
//! `mysql::serialization` format.
//!
//! Source: MySQL `Gtid_event::Gtid_event` and `Gtid_event::read_gtid_tagged_log_event`
//! (`libs/mysql/binlog/event/control_events.cpp`).

use crate::gtid::{Gtid, Tag, Uuid};
use crate::parse::{PResult, fail, le_i64, le_u8, le_u32, le_u64, packed_len, uuid};

/// `FLAG_MAY_HAVE_SBR`: the transaction may contain statement-based events.
pub const FLAG_MAY_HAVE_SBR: u8 = 0x01;

/// A GTID, ANONYMOUS_GTID or GTID_TAGGED event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GtidEvent<'a> {
    /// Flags ([`FLAG_MAY_HAVE_SBR`]).
    pub flags: u8,
    /// The source server's UUID (all zero for an anonymous transaction).
    pub uuid: Uuid,
    /// The tag of a GTID_TAGGED event (lowercase), `None` otherwise.
    pub tag: Option<&'a str>,
    /// The transaction number (0 for an anonymous transaction).
    pub gno: u64,
    /// The logical clock: the `sequence_number` of the last transaction this one may
    /// depend on (MySQL 5.7+).
    pub last_committed: Option<i64>,
    /// The logical clock: this transaction's number in the binlog file (MySQL 5.7+).
    pub sequence_number: Option<i64>,
    /// When this server committed the transaction, in µs since the epoch (8.0.1+).
    pub immediate_commit_timestamp: Option<u64>,
    /// When the original source committed it, in µs since the epoch (8.0.1+).
    pub original_commit_timestamp: Option<u64>,
    /// The size of the whole transaction in bytes, this event included (8.0.2+).
    pub transaction_length: Option<u64>,
    /// The version of this server, e.g. 80032 (8.0.14+).
    pub immediate_server_version: Option<u32>,
    /// The version of the original source (8.0.14+).
    pub original_server_version: Option<u32>,
    /// The commit group ticket (Group Replication), when written.
    pub commit_group_ticket: Option<u64>,
}

impl GtidEvent<'_> {
    /// The GTID, or `None` for an anonymous transaction (GNO 0).
    pub fn gtid(&self) -> Option<Gtid> {
        if self.gno == 0 {
            return None;
        }
        let tag = match self.tag {
            Some(t) => Tag::new(t).ok()?,
            None => Tag::default(),
        };
        Some(Gtid {
            uuid: self.uuid,
            tag,
            gno: self.gno,
        })
    }

    /// Whether the transaction holds only row-based events (mysqlbinlog's `rbr_only`).
    pub fn is_rbr_only(&self) -> bool {
        self.flags & FLAG_MAY_HAVE_SBR == 0
    }

    /// The immediate commit timestamp as a UTC date and time, when the event has one.
    #[cfg(feature = "chrono")]
    pub fn immediate_commit_time(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        micros_to_datetime(self.immediate_commit_timestamp?)
    }

    /// The original commit timestamp as a UTC date and time, when the event has one.
    #[cfg(feature = "chrono")]
    pub fn original_commit_time(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        micros_to_datetime(self.original_commit_timestamp?)
    }
}

/// Microseconds since the epoch as a date and time; `None` past what chrono can hold.
#[cfg(feature = "chrono")]
fn micros_to_datetime(micros: u64) -> Option<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::from_timestamp_micros(i64::try_from(micros).ok()?)
}

#[cfg(feature = "serde")]
impl serde::Serialize for GtidEvent<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        if let Some(g) = self.gtid() {
            m.serialize_entry("gtid", &g.to_string())?;
        }
        if let Some(t) = self.tag {
            m.serialize_entry("tag", t)?;
        }
        m.serialize_entry("gtid_flags", &self.flags)?;
        macro_rules! opt {
            ($($f:ident),*) => {$(
                if let Some(v) = &self.$f {
                    m.serialize_entry(stringify!($f), v)?;
                }
            )*};
        }
        opt!(
            last_committed,
            sequence_number,
            immediate_commit_timestamp,
            original_commit_timestamp,
            transaction_length,
            immediate_server_version,
            original_server_version,
            commit_group_ticket
        );
        m.end()
    }
}

/// Bit 55 of the 7-byte immediate commit timestamp: the original timestamp follows.
const ORIGINAL_TIMESTAMP_FOLLOWS: u64 = 1 << 55;
/// Bit 31 of the immediate server version: the original server version follows.
const ORIGINAL_VERSION_FOLLOWS: u32 = 1 << 31;

fn le_u56(input: &[u8]) -> PResult<'_, u64> {
    crate::parse::le_uint(input, 7)
}

pub(crate) fn parse(data: &[u8]) -> PResult<'_, GtidEvent<'_>> {
    let (i, flags) = le_u8(data)?;
    let (i, uuid_bytes) = uuid(i)?;
    let (mut i, gno) = le_u64(i)?;
    let mut ev = GtidEvent {
        flags,
        uuid: Uuid(uuid_bytes),
        tag: None,
        gno,
        last_committed: None,
        sequence_number: None,
        immediate_commit_timestamp: None,
        original_commit_timestamp: None,
        transaction_length: None,
        immediate_server_version: None,
        original_server_version: None,
        commit_group_ticket: None,
    };
    // 5.6 stops here. A logical clock type code other than 2 is an older 5.7 layout,
    // whose remaining bytes MySQL ignores.
    let Some((&2, rest)) = i.split_first() else {
        return Ok((&[], ev));
    };
    let (r, last_committed) = le_i64(rest)?;
    let (r, sequence_number) = le_i64(r)?;
    ev.last_committed = Some(last_committed);
    ev.sequence_number = Some(sequence_number);
    i = r;
    if i.len() < 7 {
        return Ok((&[], ev));
    }
    let (r, ts) = le_u56(i)?;
    let (r, original) = if ts & ORIGINAL_TIMESTAMP_FOLLOWS != 0 {
        le_u56(r)?
    } else {
        (r, ts)
    };
    let immediate = ts & !ORIGINAL_TIMESTAMP_FOLLOWS;
    ev.immediate_commit_timestamp = Some(immediate);
    ev.original_commit_timestamp = Some(original);
    i = r;
    if i.is_empty() {
        return Ok((&[], ev));
    }
    let (r, length) = packed_len(i)?;
    ev.transaction_length = Some(length);
    i = r;
    if i.len() < 4 {
        return Ok((&[], ev));
    }
    let (r, version) = le_u32(i)?;
    let (r, original_version) = if version & ORIGINAL_VERSION_FOLLOWS != 0 {
        le_u32(r)?
    } else {
        (r, version)
    };
    ev.immediate_server_version = Some(version & !ORIGINAL_VERSION_FOLLOWS);
    ev.original_server_version = Some(original_version);
    i = r;
    if i.len() >= 8 {
        let (_, ticket) = le_u64(i)?;
        ev.commit_group_ticket = Some(ticket);
    }
    Ok((&[], ev))
}

/// An unsigned integer in `mysql::serialization`'s variable-length format: the number
/// of trailing one bits of the first byte, plus one, is the total length (9 when the
/// first byte is 0xff); the value's bits follow those marker bits, little-endian.
pub(crate) fn varint(input: &[u8]) -> PResult<'_, u64> {
    let Some(&first) = input.first() else {
        return fail(input, "the event ends inside a variable-length integer");
    };
    let len = (first.trailing_ones() + 1) as usize;
    let Some(bytes) = input.get(..len) else {
        return fail(input, "the event ends inside a variable-length integer");
    };
    let rest = input.get(len..).unwrap_or_default();
    let tail = bytes
        .iter()
        .skip(1)
        .rev()
        .fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
    let value = match len {
        1 => u64::from(first >> 1),
        9 => tail,
        n => (u64::from(first) >> n) | (tail << (8 - n)),
    };
    Ok((rest, value))
}

/// A signed integer in `mysql::serialization` format: zig-zag over [`varint`].
fn signed_varint(input: &[u8]) -> PResult<'_, i64> {
    let (rest, u) = varint(input)?;
    Ok((rest, ((u >> 1) as i64) ^ -((u & 1) as i64)))
}

/// A GTID_TAGGED event: one `mysql::serialization` message.
///
/// | | |
/// |---|---|
/// | varint | format version (1) |
/// | varint | message size, this header included |
/// | varint | last non-ignorable field id |
/// | (varint id, value)* | fields 0-11, optional ones left out |
///
/// Fields: 0 flags, 1 UUID (16 varints), 2 GNO (signed), 3 tag (varint length and
/// bytes), 4 last_committed (signed), 5 sequence_number (signed), 6 immediate commit
/// timestamp, 7 original commit timestamp (absent: the same), 8 transaction length,
/// 9 immediate server version, 10 original server version (absent: the same),
/// 11 commit group ticket (absent: none).
pub(crate) fn parse_tagged(data: &[u8]) -> PResult<'_, GtidEvent<'_>> {
    let (i, _version) = varint(data)?;
    let (i, size) = varint(i)?;
    let (mut i, last_non_ignorable) = varint(i)?;
    const LAST_KNOWN_FIELD: u64 = 11;
    if last_non_ignorable > LAST_KNOWN_FIELD + 1 {
        return fail(
            data,
            "the tagged GTID has a mandatory field this crate does not know",
        );
    }
    // The fields end at the message size (the event may not be longer).
    let end = usize::try_from(size)
        .ok()
        .and_then(|n| data.get(n..))
        .map(<[u8]>::len)
        .unwrap_or(0);
    let mut fields = [None::<&[u8]>; 12];
    let mut expected = 0u64;
    while i.len() > end && expected <= LAST_KNOWN_FIELD {
        let (after_id, id) = varint(i)?;
        if id < expected {
            return fail(i, "the tagged GTID's fields are out of order");
        }
        let Some(slot) = usize::try_from(id).ok().and_then(|i| fields.get_mut(i)) else {
            // A field newer than this crate: the rest is skipped, as MySQL does.
            break;
        };
        let (rest, value) = field_value(id, after_id)?;
        *slot = Some(value);
        expected = id + 1;
        i = rest;
    }
    let required = |n: usize| -> Result<&[u8], nom::Err<crate::error::PError>> {
        fields
            .get(n)
            .copied()
            .flatten()
            .ok_or(nom::Err::Error(crate::error::PError::new(
                data,
                "a mandatory field of the tagged GTID is missing",
            )))
    };
    let u = |b: &[u8]| varint(b).map(|(_, v)| v);
    let s = |b: &[u8]| signed_varint(b).map(|(_, v)| v);
    let out_of_range = || {
        nom::Err::Error(crate::error::PError::new(
            data,
            "a tagged GTID field is out of range",
        ))
    };
    let u8_field = |b: &[u8]| u8::try_from(u(b)?).map_err(|_| out_of_range());
    let u32_field = |b: &[u8]| u32::try_from(u(b)?).map_err(|_| out_of_range());
    let flags = u8_field(required(0)?)?;
    let mut uuid_bytes = [0u8; 16];
    let mut ub = required(1)?;
    for byte in &mut uuid_bytes {
        *byte = u8_field(ub)?;
        ub = varint(ub)?.0;
    }
    let gno = s(required(2)?)? as u64;
    let (tag_rest, tag_len) = varint(required(3)?)?;
    let tag_bytes =
        tag_rest
            .get(..tag_len as usize)
            .ok_or(nom::Err::Error(crate::error::PError::new(
                tag_rest,
                "the tag runs past the event",
            )))?;
    let tag = std::str::from_utf8(tag_bytes)
        .ok()
        .filter(|t| Tag::new(t).is_ok())
        .ok_or(nom::Err::Error(crate::error::PError::new(
            tag_rest,
            "the tag is not a valid GTID tag",
        )))?;
    let immediate = u(required(6)?)?;
    let version = u32_field(required(9)?)?;
    let ev = GtidEvent {
        flags,
        uuid: Uuid(uuid_bytes),
        tag: Some(tag),
        gno,
        last_committed: Some(s(required(4)?)?),
        sequence_number: Some(s(required(5)?)?),
        immediate_commit_timestamp: Some(immediate),
        original_commit_timestamp: Some(match fields[7] {
            Some(b) => u(b)?,
            None => immediate,
        }),
        transaction_length: Some(u(required(8)?)?),
        immediate_server_version: Some(version),
        original_server_version: Some(match fields[10] {
            Some(b) => u32_field(b)?,
            None => version,
        }),
        commit_group_ticket: match fields[11] {
            Some(b) => Some(u(b)?),
            None => None,
        },
    };
    Ok((&[], ev))
}

/// The bytes of field `id`'s value at the start of `input`, and what follows.
fn field_value(id: u64, input: &[u8]) -> PResult<'_, &[u8]> {
    let start = input;
    let rest = match id {
        // The UUID: 16 varints.
        1 => {
            let mut r = input;
            for _ in 0..16 {
                r = varint(r)?.0;
            }
            r
        }
        // The tag: a varint length and the bytes.
        3 => {
            let (r, len) = varint(input)?;
            crate::parse::bytes(r, len)?.0
        }
        _ => varint(input)?.0,
    };
    let used = start.len() - rest.len();
    Ok((rest, start.get(..used).unwrap_or_default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints() {
        assert_eq!(varint(&[0x02]).map(|(_, v)| v), Ok(1));
        assert_eq!(varint(&[0x78]).map(|(_, v)| v), Ok(60));
        assert_eq!(varint(&[0xa1, 0x04]).map(|(_, v)| v), Ok(296));
        assert_eq!(varint(&[0x43, 0x0f, 0x0b]).map(|(_, v)| v), Ok(90600));
        assert_eq!(
            varint(&[0xff, 1, 2, 3, 4, 5, 6, 7, 8]).map(|(_, v)| v),
            Ok(0x0807060504030201)
        );
        assert!(varint(&[0xff, 1]).is_err());
        assert_eq!(signed_varint(&[0x0c]).map(|(_, v)| v), Ok(6 / 2));
        assert_eq!(signed_varint(&[0x03 << 1]).map(|(_, v)| v), Ok(-2));
    }
}
