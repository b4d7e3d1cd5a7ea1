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

use crate::parse::{
    PResult, bytes, cstr, fail, le_u8, le_u16, le_u24, le_u32, le_u64, split, u8_prefixed,
};

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

/// A statement's session state, from the status variables of its QUERY event. A field is
/// `None` when the server did not write it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct StatusVars<'a> {
    /// 0 `Q_FLAGS2_CODE`: session option bits (autocommit, foreign key checks, ...).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub flags2: Option<u32>,
    /// 1 `Q_SQL_MODE_CODE`: `@@sql_mode` bits.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub sql_mode: Option<u64>,
    /// 2 `Q_CATALOG_CODE` (5.0.0-5.0.3) or 6 `Q_CATALOG_NZ_CODE`: the catalog (`std`).
    #[cfg_attr(
        feature = "serde",
        serde(
            skip_serializing_if = "Option::is_none",
            serialize_with = "crate::serde_util::opt_text"
        )
    )]
    pub catalog: Option<&'a [u8]>,
    /// 3 `Q_AUTO_INCREMENT`: (`auto_increment_increment`, `auto_increment_offset`).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub auto_increment: Option<(u16, u16)>,
    /// 4 `Q_CHARSET_CODE`: (`character_set_client`, `collation_connection`,
    /// `collation_server`) collation ids.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub charset: Option<(u16, u16, u16)>,
    /// 5 `Q_TIME_ZONE_CODE`: `@@time_zone`.
    #[cfg_attr(
        feature = "serde",
        serde(
            skip_serializing_if = "Option::is_none",
            serialize_with = "crate::serde_util::opt_text"
        )
    )]
    pub time_zone: Option<&'a [u8]>,
    /// 7 `Q_LC_TIME_NAMES_CODE`: `@@lc_time_names` number.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub lc_time_names: Option<u16>,
    /// 8 `Q_CHARSET_DATABASE_CODE`: `@@collation_database` id.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub charset_database: Option<u16>,
    /// 9 `Q_TABLE_MAP_FOR_UPDATE_CODE`: tables a multi-table UPDATE changes, a bitmap.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub table_map_for_update: Option<u64>,
    /// 10 `Q_MASTER_DATA_WRITTEN_CODE` (relay logs of pre-5.0 sources).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub master_data_written: Option<u32>,
    /// 11 `Q_INVOKER`: (user, host) of the definer the statement ran as.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub invoker: Option<(&'a [u8], &'a [u8])>,
    /// 12 `Q_UPDATED_DB_NAMES`: the databases the statement changes. `Some` with no
    /// names when there were too many to list (254 marker).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub updated_db_names: Option<DbNames<'a>>,
    /// 13 `Q_MICROSECONDS`: the microseconds of the statement's start time.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub microseconds: Option<u32>,
    /// 16 `Q_EXPLICIT_DEFAULTS_FOR_TIMESTAMP`.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub explicit_defaults_for_timestamp: Option<bool>,
    /// 17 `Q_DDL_LOGGED_WITH_XID`: the xid of an atomic DDL statement.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub ddl_xid: Option<u64>,
    /// 18 `Q_DEFAULT_COLLATION_FOR_UTF8MB4`.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub default_collation_for_utf8mb4: Option<u16>,
    /// 19 `Q_SQL_REQUIRE_PRIMARY_KEY`.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub sql_require_primary_key: Option<u8>,
    /// 20 `Q_DEFAULT_TABLE_ENCRYPTION`.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub default_table_encryption: Option<u8>,
    /// 21 `Q_ENABLE_CASCADE_TRIGGERS` (MySQL 9.x).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub enable_cascade_triggers: Option<u8>,
    /// 128 `Q_HRNOW` (MariaDB): the microseconds of the statement's start time.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub hrnow: Option<u32>,
    /// 129 `Q_XID` (MariaDB): the xid of a DDL statement.
    #[cfg_attr(
        feature = "serde",
        serde(rename = "xid", skip_serializing_if = "Option::is_none")
    )]
    pub mariadb_xid: Option<u64>,
    /// 130 `Q_GTID_FLAGS3` (MariaDB 10.8+): GTID extra flags, and the sequence number of
    /// the START ALTER a COMMIT or ROLLBACK ALTER completes.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub gtid_flags3: Option<(u8, Option<u64>)>,
    /// 131 `Q_CHARACTER_SET_COLLATIONS` (MariaDB 11.2+): (charset id, collation id) pairs.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub character_set_collations: Option<&'a [u8]>,
    /// The status variables after the first code this crate does not know: that code
    /// and the rest of the block, kept as written.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub unknown: Option<(u8, &'a [u8])>,
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

fn status_vars(block: &[u8]) -> PResult<'_, StatusVars<'_>> {
    let mut s = StatusVars::default();
    let mut i = block;
    while let Some((&code, rest)) = i.split_first() {
        let r = match code {
            0 => le_u32(rest).map(|(r, v)| {
                s.flags2 = Some(v);
                r
            })?,
            1 => le_u64(rest).map(|(r, v)| {
                s.sql_mode = Some(v);
                r
            })?,
            2 => {
                // 5.0.0-5.0.3: length, catalog, NUL.
                let (r, cat) = u8_prefixed(rest)?;
                let (r, _nul) = le_u8(r)?;
                s.catalog = Some(cat);
                r
            }
            3 => {
                let (r, inc) = le_u16(rest)?;
                let (r, off) = le_u16(r)?;
                s.auto_increment = Some((inc, off));
                r
            }
            4 => {
                let (r, client) = le_u16(rest)?;
                let (r, connection) = le_u16(r)?;
                let (r, server) = le_u16(r)?;
                s.charset = Some((client, connection, server));
                r
            }
            5 => u8_prefixed(rest).map(|(r, v)| {
                s.time_zone = Some(v);
                r
            })?,
            6 => u8_prefixed(rest).map(|(r, v)| {
                s.catalog = Some(v);
                r
            })?,
            7 => le_u16(rest).map(|(r, v)| {
                s.lc_time_names = Some(v);
                r
            })?,
            8 => le_u16(rest).map(|(r, v)| {
                s.charset_database = Some(v);
                r
            })?,
            9 => le_u64(rest).map(|(r, v)| {
                s.table_map_for_update = Some(v);
                r
            })?,
            10 => le_u32(rest).map(|(r, v)| {
                s.master_data_written = Some(v);
                r
            })?,
            11 => {
                let (r, user) = u8_prefixed(rest)?;
                let (r, host) = u8_prefixed(r)?;
                s.invoker = Some((user, host));
                r
            }
            12 => {
                let (mut r, count) = le_u8(rest)?;
                let start = r;
                if count <= MAX_DBS_IN_EVENT_MTS {
                    for _ in 0..count {
                        r = cstr(r)?.0;
                    }
                }
                let names = start.get(..start.len() - r.len()).unwrap_or_default();
                s.updated_db_names = Some(DbNames { count, names });
                r
            }
            13 => le_u24(rest).map(|(r, v)| {
                s.microseconds = Some(v);
                r
            })?,
            16 => le_u8(rest).map(|(r, v)| {
                s.explicit_defaults_for_timestamp = Some(v != 0);
                r
            })?,
            17 => le_u64(rest).map(|(r, v)| {
                s.ddl_xid = Some(v);
                r
            })?,
            18 => le_u16(rest).map(|(r, v)| {
                s.default_collation_for_utf8mb4 = Some(v);
                r
            })?,
            19 => le_u8(rest).map(|(r, v)| {
                s.sql_require_primary_key = Some(v);
                r
            })?,
            20 => le_u8(rest).map(|(r, v)| {
                s.default_table_encryption = Some(v);
                r
            })?,
            21 => le_u8(rest).map(|(r, v)| {
                s.enable_cascade_triggers = Some(v);
                r
            })?,
            128 => le_u24(rest).map(|(r, v)| {
                s.hrnow = Some(v);
                r
            })?,
            129 => le_u64(rest).map(|(r, v)| {
                s.mariadb_xid = Some(v);
                r
            })?,
            130 => {
                let (r, flags) = le_u8(rest)?;
                // FL_COMMIT_ALTER_E1 | FL_ROLLBACK_ALTER_E1: the START ALTER's sequence number.
                let (r, seq) = if flags & (0x04 | 0x08) != 0 {
                    let (r, seq) = le_u64(r)?;
                    (r, Some(seq))
                } else {
                    (r, None)
                };
                s.gtid_flags3 = Some((flags, seq));
                r
            }
            131 => {
                let (r, count) = le_u8(rest)?;
                let (r, pairs) = bytes(r, u64::from(count) * 4)?;
                s.character_set_collations = Some(pairs);
                r
            }
            _ => {
                // No length is written: the rest of the block cannot be interpreted.
                s.unknown = Some((code, rest));
                &[]
            }
        };
        i = r;
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
