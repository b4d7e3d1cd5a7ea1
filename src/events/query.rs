//! QUERY_EVENT (2), MariaDB's QUERY_COMPRESSED_EVENT (165) and EXECUTE_LOAD_QUERY_EVENT
//! (18): a statement with the session state it ran in.
//!
//! | post-header | field |
//! |---|---|
//! | 4 | thread id |
//! | 4 | execution time, seconds |
//! | 1 | default database name length |
//! | 2 | error code |
//! | 2 | status variables length (binlog v4 only: post-header 13, not 11) |
//! | 13 (EXECUTE_LOAD_QUERY) | file id (4), start (4) and end (4) of the file name in the statement, duplicate handling (1) |
//!
//! Body: the status variables, the database name and a NUL, the statement to the end. In
//! QUERY_COMPRESSED the statement is a MariaDB compressed block.
//!
//! Status variables are a code byte and a value whose size the code implies; an unknown
//! code ends the block (no length is written), as in the servers: the rest is kept as
//! raw bytes in [`StatusVars::unknown`].
//!
//! Source: MySQL `Query_event::Query_event` (`statement_events.cpp`); MariaDB
//! `Query_log_event::Query_log_event` (`log_event.cc`).

use std::borrow::Cow;

use crate::parse::{PResult, bytes, cstr, fail, le_u8, le_u16, le_u32, le_u64, split, u8_prefixed};

/// How a query event's statement is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Form {
    Plain,
    Compressed,
    ExecuteLoad,
}

/// The LOAD DATA part of an EXECUTE_LOAD_QUERY event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ExecuteLoad {
    /// The file id of the BEGIN_LOAD_QUERY and APPEND_BLOCK events holding the data.
    pub file_id: u32,
    /// Where the file name part (` INFILE '...'`) of the statement starts.
    pub fn_pos_start: u32,
    /// Where it ends.
    pub fn_pos_end: u32,
    /// 0 error on duplicates, 1 IGNORE, 2 REPLACE.
    pub dup_handling: u8,
}

/// A QUERY, QUERY_COMPRESSED or EXECUTE_LOAD_QUERY event.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct QueryEvent<'a> {
    /// The id of the session that ran the statement.
    pub thread_id: u32,
    /// How long the statement ran, in seconds (as the server measured it).
    pub exec_time: u32,
    /// The error the statement raised on the source (0: none).
    pub error_code: u16,
    /// The session state.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub status: StatusVars<'a>,
    /// The default database (`USE db`), empty when none.
    #[cfg_attr(
        feature = "serde",
        serde(rename = "db", serialize_with = "crate::serde_util::text")
    )]
    pub database: &'a [u8],
    /// The statement, in the session's character set (decompressed for
    /// QUERY_COMPRESSED).
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::serde_util::text"))]
    pub query: Cow<'a, [u8]>,
    /// True for MariaDB's QUERY_COMPRESSED.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "std::ops::Not::not"))]
    pub compressed: bool,
    /// The LOAD DATA fields of an EXECUTE_LOAD_QUERY.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub load: Option<ExecuteLoad>,
}

/// A statement's session state: the status variables of its QUERY event.
///
/// The block is validated when the event is decoded and kept as written; each accessor
/// reads its variable in place and returns `None` when the server did not write it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatusVars<'a> {
    block: &'a [u8],
    /// Where each known variable's value starts in `block` (index: [`slot`]), or `ABSENT`.
    at: [u16; SLOTS],
    /// Where the first unknown code is, or `ABSENT`.
    unknown_at: u16,
}

/// The number of status variable codes this crate knows: 0-21 and MariaDB's 128-131.
const SLOTS: usize = 26;
const ABSENT: u16 = u16::MAX;

/// The slot of a known code.
fn slot(code: u8) -> Option<usize> {
    match code {
        0..=21 => Some(usize::from(code)),
        128..=131 => Some(usize::from(code) - 128 + 22),
        _ => None,
    }
}

impl Default for StatusVars<'_> {
    fn default() -> Self {
        StatusVars {
            block: &[],
            at: [ABSENT; SLOTS],
            unknown_at: ABSENT,
        }
    }
}

impl<'a> StatusVars<'a> {
    /// The value bytes of `code`, from its start to the end of the block.
    fn value(&self, code: u8) -> Option<&'a [u8]> {
        let at = *self.at.get(slot(code)?)?;
        if at == ABSENT {
            return None;
        }
        self.block.get(usize::from(at)..)
    }

    fn fixed<const N: usize>(&self, code: u8) -> Option<[u8; N]> {
        self.value(code)?.get(..N)?.try_into().ok()
    }

    fn u8(&self, code: u8) -> Option<u8> {
        self.fixed::<1>(code).map(|[b]| b)
    }

    fn u16(&self, code: u8) -> Option<u16> {
        self.fixed(code).map(u16::from_le_bytes)
    }

    fn u24(&self, code: u8) -> Option<u32> {
        self.fixed::<3>(code)
            .map(|[a, b, c]| u32::from_le_bytes([a, b, c, 0]))
    }

    fn u32(&self, code: u8) -> Option<u32> {
        self.fixed(code).map(u32::from_le_bytes)
    }

    fn u64(&self, code: u8) -> Option<u64> {
        self.fixed(code).map(u64::from_le_bytes)
    }

    fn text(&self, code: u8) -> Option<&'a [u8]> {
        crate::parse::u8_prefixed(self.value(code)?)
            .ok()
            .map(|(_, s)| s)
    }

    /// The block as written.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.block
    }

    /// 0 `Q_FLAGS2_CODE`: session option bits (autocommit, foreign key checks, ...).
    pub fn flags2(&self) -> Option<u32> {
        self.u32(0)
    }

    /// 1 `Q_SQL_MODE_CODE`: `@@sql_mode` bits.
    pub fn sql_mode(&self) -> Option<u64> {
        self.u64(1)
    }

    /// 6 `Q_CATALOG_NZ_CODE`, or 2 `Q_CATALOG_CODE` of MySQL 5.0.0-5.0.3: the catalog.
    pub fn catalog(&self) -> Option<&'a [u8]> {
        self.text(6).or_else(|| self.text(2))
    }

    /// 3 `Q_AUTO_INCREMENT`: (`auto_increment_increment`, `auto_increment_offset`).
    pub fn auto_increment(&self) -> Option<(u16, u16)> {
        let [a, b, c, d] = self.fixed(3)?;
        Some((u16::from_le_bytes([a, b]), u16::from_le_bytes([c, d])))
    }

    /// 4 `Q_CHARSET_CODE`: (`character_set_client`, `collation_connection`,
    /// `collation_server`) collation ids.
    pub fn charset(&self) -> Option<(u16, u16, u16)> {
        let [a, b, c, d, e, f] = self.fixed(4)?;
        Some((
            u16::from_le_bytes([a, b]),
            u16::from_le_bytes([c, d]),
            u16::from_le_bytes([e, f]),
        ))
    }

    /// 5 `Q_TIME_ZONE_CODE`: `@@time_zone`.
    pub fn time_zone(&self) -> Option<&'a [u8]> {
        self.text(5)
    }

    /// 7 `Q_LC_TIME_NAMES_CODE`: `@@lc_time_names` number.
    pub fn lc_time_names(&self) -> Option<u16> {
        self.u16(7)
    }

    /// 8 `Q_CHARSET_DATABASE_CODE`: `@@collation_database` id.
    pub fn charset_database(&self) -> Option<u16> {
        self.u16(8)
    }

    /// 9 `Q_TABLE_MAP_FOR_UPDATE_CODE`: tables a multi-table UPDATE changes, a bitmap.
    pub fn table_map_for_update(&self) -> Option<u64> {
        self.u64(9)
    }

    /// 10 `Q_MASTER_DATA_WRITTEN_CODE` (relay logs of pre-5.0 sources).
    pub fn master_data_written(&self) -> Option<u32> {
        self.u32(10)
    }

    /// 11 `Q_INVOKER`: (user, host) of the definer the statement ran as.
    pub fn invoker(&self) -> Option<(&'a [u8], &'a [u8])> {
        let (rest, user) = crate::parse::u8_prefixed(self.value(11)?).ok()?;
        let (_, host) = crate::parse::u8_prefixed(rest).ok()?;
        Some((user, host))
    }

    /// 12 `Q_UPDATED_DB_NAMES`: the databases the statement changes (none listed when
    /// there were more than 16).
    pub fn updated_db_names(&self) -> Option<DbNames<'a>> {
        let (&count, names) = self.value(12)?.split_first()?;
        Some(DbNames { count, names })
    }

    /// 13 `Q_MICROSECONDS`: the microseconds of the statement's start time.
    pub fn microseconds(&self) -> Option<u32> {
        self.u24(13)
    }

    /// 16 `Q_EXPLICIT_DEFAULTS_FOR_TIMESTAMP`.
    pub fn explicit_defaults_for_timestamp(&self) -> Option<bool> {
        self.u8(16).map(|b| b != 0)
    }

    /// 17 `Q_DDL_LOGGED_WITH_XID`: the xid of an atomic DDL statement.
    pub fn ddl_xid(&self) -> Option<u64> {
        self.u64(17)
    }

    /// 18 `Q_DEFAULT_COLLATION_FOR_UTF8MB4`.
    pub fn default_collation_for_utf8mb4(&self) -> Option<u16> {
        self.u16(18)
    }

    /// 19 `Q_SQL_REQUIRE_PRIMARY_KEY`.
    pub fn sql_require_primary_key(&self) -> Option<u8> {
        self.u8(19)
    }

    /// 20 `Q_DEFAULT_TABLE_ENCRYPTION`.
    pub fn default_table_encryption(&self) -> Option<u8> {
        self.u8(20)
    }

    /// 21 `Q_ENABLE_CASCADE_TRIGGERS` (MySQL 9.x).
    pub fn enable_cascade_triggers(&self) -> Option<u8> {
        self.u8(21)
    }

    /// 128 `Q_HRNOW` (MariaDB): the microseconds of the statement's start time.
    pub fn hrnow(&self) -> Option<u32> {
        self.u24(128)
    }

    /// 129 `Q_XID` (MariaDB): the xid of a DDL statement.
    pub fn mariadb_xid(&self) -> Option<u64> {
        self.u64(129)
    }

    /// 130 `Q_GTID_FLAGS3` (MariaDB 10.8+): GTID extra flags, and the sequence number of
    /// the START ALTER a COMMIT or ROLLBACK ALTER completes.
    pub fn gtid_flags3(&self) -> Option<(u8, Option<u64>)> {
        let (&flags, rest) = self.value(130)?.split_first()?;
        let seq = (flags & ALTER_SEQ_FLAGS != 0)
            .then(|| rest.get(..8)?.try_into().ok().map(u64::from_le_bytes))
            .flatten();
        Some((flags, seq))
    }

    /// 131 `Q_CHARACTER_SET_COLLATIONS` (MariaDB 11.2+): (charset id, collation id) pairs.
    pub fn character_set_collations(&self) -> Option<impl Iterator<Item = (u16, u16)> + 'a> {
        let (&count, pairs) = self.value(131)?.split_first()?;
        let pairs = pairs.get(..usize::from(count) * 4)?;
        Some(pairs.chunks_exact(4).map(|p| {
            let word = |i: usize| {
                p.get(i..i + 2)
                    .and_then(|b| b.try_into().ok())
                    .map_or(0, u16::from_le_bytes)
            };
            (word(0), word(2))
        }))
    }

    /// The status variables from the first code this crate does not know: that code and
    /// the rest of the block, kept as written (a code has no length, so nothing after it
    /// can be read).
    pub fn unknown(&self) -> Option<(u8, &'a [u8])> {
        if self.unknown_at == ABSENT {
            return None;
        }
        let (&code, rest) = self
            .block
            .get(usize::from(self.unknown_at)..)?
            .split_first()?;
        Some((code, rest))
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for StatusVars<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use crate::serde_util::Text;
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        macro_rules! put {
            ($($name:ident),*) => {$(
                if let Some(v) = self.$name() {
                    m.serialize_entry(stringify!($name), &v)?;
                }
            )*};
        }
        put!(flags2, sql_mode);
        if let Some(v) = self.catalog() {
            m.serialize_entry("catalog", &Text(v))?;
        }
        put!(auto_increment, charset);
        if let Some(v) = self.time_zone() {
            m.serialize_entry("time_zone", &Text(v))?;
        }
        put!(
            lc_time_names,
            charset_database,
            table_map_for_update,
            master_data_written,
            microseconds,
            explicit_defaults_for_timestamp,
            ddl_xid,
            default_collation_for_utf8mb4,
            sql_require_primary_key,
            default_table_encryption,
            enable_cascade_triggers,
            hrnow
        );
        if let Some(v) = self.mariadb_xid() {
            m.serialize_entry("xid", &v)?;
        }
        put!(gtid_flags3);
        m.end()
    }
}

/// The database names of `Q_UPDATED_DB_NAMES`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DbNames<'a> {
    count: u8,
    names: &'a [u8],
}

impl<'a> DbNames<'a> {
    /// True when the server wrote "more than 16 databases" instead of their names.
    pub fn is_over_max(&self) -> bool {
        self.count > MAX_DBS_IN_EVENT_MTS
    }

    /// The names (none when over the maximum).
    pub fn iter(&self) -> impl Iterator<Item = &'a [u8]> + 'a {
        self.names.split(|&b| b == 0).take(if self.is_over_max() {
            0
        } else {
            usize::from(self.count)
        })
    }
}

/// The most databases `Q_UPDATED_DB_NAMES` lists; more are written as the 254 marker.
const MAX_DBS_IN_EVENT_MTS: u8 = 16;

/// FL_COMMIT_ALTER_E1 | FL_ROLLBACK_ALTER_E1: the START ALTER's sequence number follows.
const ALTER_SEQ_FLAGS: u8 = 0x04 | 0x08;

/// The size of a known code's value at the start of `v`, checking that it is there.
fn value_len(code: u8, v: &[u8]) -> PResult<'_, ()> {
    let fixed = |n: u64| bytes(v, n).map(|(r, _)| (r, ()));
    match code {
        0 | 10 => fixed(4),
        1 | 9 | 17 | 129 => fixed(8),
        2 => {
            // 5.0.0-5.0.3: length, catalog, NUL.
            let (r, _) = u8_prefixed(v)?;
            le_u8(r).map(|(r, _)| (r, ()))
        }
        3 => fixed(4),
        4 => fixed(6),
        5 | 6 => u8_prefixed(v).map(|(r, _)| (r, ())),
        7 | 8 | 18 => fixed(2),
        11 => {
            let (r, _) = u8_prefixed(v)?;
            u8_prefixed(r).map(|(r, _)| (r, ()))
        }
        12 => {
            let (mut r, count) = le_u8(v)?;
            if count <= MAX_DBS_IN_EVENT_MTS {
                for _ in 0..count {
                    r = cstr(r)?.0;
                }
            }
            Ok((r, ()))
        }
        13 | 128 => fixed(3),
        16 | 19 | 20 | 21 => fixed(1),
        130 => {
            let (r, flags) = le_u8(v)?;
            if flags & ALTER_SEQ_FLAGS != 0 {
                le_u64(r).map(|(r, _)| (r, ()))
            } else {
                Ok((r, ()))
            }
        }
        131 => {
            let (r, count) = le_u8(v)?;
            bytes(r, u64::from(count) * 4).map(|(r, _)| (r, ()))
        }
        // Codes 14 and 15 were never written by a release; no length is defined.
        _ => fail(v, "not a known status variable"),
    }
}

/// Validates the status variable block and records where each value is.
fn status_vars(block: &[u8]) -> PResult<'_, StatusVars<'_>> {
    let mut s = StatusVars {
        block,
        ..StatusVars::default()
    };
    let mut i = block;
    while let Some((&code, rest)) = i.split_first() {
        let offset = (block.len() - rest.len()) as u16;
        let known = slot(code).filter(|_| !matches!(code, 14 | 15));
        match known.and_then(|n| s.at.get_mut(n)) {
            Some(at) => {
                i = value_len(code, rest)?.0;
                *at = offset;
            }
            None => {
                // No length is written: the rest of the block cannot be interpreted.
                s.unknown_at = offset - 1;
                i = &[];
            }
        }
    }
    Ok((i, s))
}

pub(crate) fn parse(
    data: &[u8],
    post_header_len: usize,
    form: Form,
    max_uncompressed: u64,
) -> PResult<'_, QueryEvent<'_>> {
    if post_header_len < 11 {
        return fail(
            data,
            "the post-header is shorter than a QUERY event's 11 bytes",
        );
    }
    let (body, post) = split(data, post_header_len)?;
    let (p, thread_id) = le_u32(post)?;
    let (p, exec_time) = le_u32(p)?;
    let (p, db_len) = le_u8(p)?;
    let (p, error_code) = le_u16(p)?;
    let (p, status_len) = if post_header_len >= 13 {
        le_u16(p)?
    } else {
        (p, 0)
    };
    let load = if form == Form::ExecuteLoad {
        if post_header_len < 26 {
            return fail(
                data,
                "the post-header is shorter than an EXECUTE_LOAD_QUERY's 26 bytes",
            );
        }
        let (p, file_id) = le_u32(p)?;
        let (p, fn_pos_start) = le_u32(p)?;
        let (p, fn_pos_end) = le_u32(p)?;
        let (_, dup_handling) = le_u8(p)?;
        Some(ExecuteLoad {
            file_id,
            fn_pos_start,
            fn_pos_end,
            dup_handling,
        })
    } else {
        None
    };
    // Offsets into the block are 16-bit: the length field is.
    let (i, block) = bytes(body, u64::from(status_len))?;
    let (_, status) = status_vars(block)?;
    let (i, database) = bytes(i, u64::from(db_len))?;
    let (statement, _nul) = le_u8(i)?;
    let query = if form == Form::Compressed {
        match crate::compression::mariadb_uncompress(statement, max_uncompressed) {
            Ok(text) => Cow::Owned(text),
            Err(reason) => {
                return Err(nom::Err::Error(crate::error::PError::decompress(
                    statement, reason,
                )));
            }
        }
    } else {
        Cow::Borrowed(statement)
    };
    Ok((
        &[],
        QueryEvent {
            thread_id,
            exec_time,
            error_code,
            status,
            database,
            query,
            compressed: form == Form::Compressed,
            load,
        },
    ))
}
