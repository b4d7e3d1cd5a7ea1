//! The LOAD DATA INFILE family: LOAD_EVENT (6), CREATE_FILE_EVENT (8),
//! APPEND_BLOCK_EVENT (9), EXEC_LOAD_EVENT (10), DELETE_FILE_EVENT (11), NEW_LOAD_EVENT
//! (12) and BEGIN_LOAD_QUERY_EVENT (17).
//!
//! LOAD and NEW_LOAD post-header (18 bytes): thread id (4), execution time (4), lines to
//! skip (4), table name length (1), database name length (1), field count (4). Body: the
//! field and line options, one length byte per field, the field names (NUL-terminated),
//! the table and database names (NUL-terminated), the file name to the end.
//!
//! LOAD writes the options in the old 7-byte form (field terminator, enclosure, line
//! terminator, line start and escape, one byte each, then option flags and a bitmap of
//! which of the five are empty); NEW_LOAD and CREATE_FILE write each of the five as a
//! length byte and bytes, then the option flags.
//!
//! CREATE_FILE is a NEW_LOAD with a 4-byte file id after the load post-header, the file
//! name NUL-terminated and the first block of the file after it. APPEND_BLOCK and
//! BEGIN_LOAD_QUERY: file id (4) and a further block; EXEC_LOAD and DELETE_FILE: file id.
//!
//! Source: MySQL `Load_event`, `Create_file_event`, `sql_ex_data_info::init`
//! (`load_data_events.cpp`); MySQL 5.6 `Create_file_log_event` (`log_event.cc`).

use crate::format::FormatDescription;
use crate::parse::{PResult, bytes, cstr, le_u8, le_u32, split};

/// A LOAD or NEW_LOAD event (or the LOAD part of a CREATE_FILE).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct LoadEvent<'a> {
    /// True for NEW_LOAD and CREATE_FILE (length-prefixed options).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub new_format: bool,
    /// The session id.
    pub thread_id: u32,
    /// The execution time, seconds.
    pub exec_time: u32,
    /// `IGNORE n LINES`.
    pub skip_lines: u32,
    /// `FIELDS TERMINATED BY`.
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::serde_util::text"))]
    pub field_term: &'a [u8],
    /// `ENCLOSED BY`.
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::serde_util::text"))]
    pub enclosed: &'a [u8],
    /// `LINES TERMINATED BY`.
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::serde_util::text"))]
    pub line_term: &'a [u8],
    /// `LINES STARTING BY`.
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::serde_util::text"))]
    pub line_start: &'a [u8],
    /// `ESCAPED BY`.
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::serde_util::text"))]
    pub escaped: &'a [u8],
    /// Option flags: 1 dump file, 2 `OPTIONALLY ENCLOSED`, 4 `REPLACE`, 8 `IGNORE`.
    pub opt_flags: u8,
    /// The column list.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub fields: Vec<&'a [u8]>,
    /// The table.
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::serde_util::text"))]
    pub table: &'a [u8],
    /// The database.
    #[cfg_attr(
        feature = "serde",
        serde(rename = "db", serialize_with = "crate::serde_util::text")
    )]
    pub database: &'a [u8],
    /// The file name as the statement gave it.
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::serde_util::text"))]
    pub file_name: &'a [u8],
}

/// A CREATE_FILE event: a NEW_LOAD with the file's first block.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CreateFileEvent<'a> {
    /// The LOAD DATA statement.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub load: LoadEvent<'a>,
    /// The id later APPEND_BLOCK and EXEC_LOAD events refer to.
    pub file_id: u32,
    /// The first block of the file.
    #[cfg_attr(
        feature = "serde",
        serde(rename = "block_len", serialize_with = "crate::serde_util::byte_len")
    )]
    pub block: &'a [u8],
}

/// An APPEND_BLOCK or BEGIN_LOAD_QUERY event: a block of a LOAD DATA file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct AppendBlockEvent<'a> {
    /// The file id.
    pub file_id: u32,
    /// The block.
    #[cfg_attr(
        feature = "serde",
        serde(rename = "block_len", serialize_with = "crate::serde_util::byte_len")
    )]
    pub block: &'a [u8],
}

/// An EXEC_LOAD or DELETE_FILE event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct FileIdEvent {
    /// The file id.
    pub file_id: u32,
}

/// The five field and line options in the old one-byte form.
fn old_options(i: &[u8]) -> PResult<'_, ([&[u8]; 5], u8)> {
    let (rest, chars) = split(i, 5)?;
    let (rest, opt_flags) = le_u8(rest)?;
    let (rest, empty_flags) = le_u8(rest)?;
    let mut out: [&[u8]; 5] = [&[]; 5];
    for (n, slot) in out.iter_mut().enumerate() {
        if empty_flags & (1 << n) == 0 {
            *slot = chars.get(n..=n).unwrap_or_default();
        }
    }
    Ok((rest, (out, opt_flags)))
}

/// The five options in the new length-prefixed form.
fn new_options(mut i: &[u8]) -> PResult<'_, ([&[u8]; 5], u8)> {
    let mut out: [&[u8]; 5] = [&[]; 5];
    for slot in &mut out {
        let (rest, s) = crate::parse::u8_prefixed(i)?;
        *slot = s;
        i = rest;
    }
    let (rest, opt_flags) = le_u8(i)?;
    Ok((rest, (out, opt_flags)))
}

/// The LOAD post-header (18 bytes) and body up to the file name; returns the body's
/// rest, which starts with the file name.
fn load_common<'a>(post: &'a [u8], body: &'a [u8], new_format: bool) -> PResult<'a, LoadEvent<'a>> {
    let (p, thread_id) = le_u32(post)?;
    let (p, exec_time) = le_u32(p)?;
    let (p, skip_lines) = le_u32(p)?;
    let (p, table_len) = le_u8(p)?;
    let (p, db_len) = le_u8(p)?;
    let (_, field_count) = le_u32(p)?;
    let (i, (options, opt_flags)) = if new_format {
        new_options(body)?
    } else {
        old_options(body)?
    };
    let (i, field_lens) = bytes(i, u64::from(field_count))?;
    let mut fields = Vec::with_capacity(field_lens.len());
    let mut i = i;
    for &len in field_lens {
        let (r, name) = bytes(i, u64::from(len))?;
        let (r, _nul) = le_u8(r)?;
        fields.push(name);
        i = r;
    }
    let (i, table) = bytes(i, u64::from(table_len))?;
    let (i, _nul) = le_u8(i)?;
    let (i, database) = bytes(i, u64::from(db_len))?;
    let (i, _nul) = le_u8(i)?;
    let [field_term, enclosed, line_term, line_start, escaped] = options;
    Ok((
        i,
        LoadEvent {
            new_format,
            thread_id,
            exec_time,
            skip_lines,
            field_term,
            enclosed,
            line_term,
            line_start,
            escaped,
            opt_flags,
            fields,
            table,
            database,
            file_name: &[],
        },
    ))
}

/// The LOAD post-header length: 18 unless the format description says otherwise.
const LOAD_HEADER_LEN: usize = 18;

pub(crate) fn parse_load(
    data: &[u8],
    post_header_len: usize,
    new_format: bool,
) -> PResult<'_, LoadEvent<'_>> {
    let (body, post) = split(data, post_header_len.max(LOAD_HEADER_LEN))?;
    let (file_name, mut load) = load_common(post, body, new_format)?;
    load.file_name = file_name;
    Ok((&[], load))
}

pub(crate) fn parse_create_file<'a>(
    data: &'a [u8],
    post_header_len: usize,
    format: &FormatDescription,
) -> PResult<'a, CreateFileEvent<'a>> {
    let load_len = match format.post_header_len(crate::EventType::LOAD_EVENT) {
        0 => LOAD_HEADER_LEN,
        n => n,
    };
    if format.binlog_version() == 1 {
        // MySQL 3.23 wrote CREATE_FILE as a plain LOAD with the new option format.
        let (body, post) = split(data, load_len)?;
        let (file_name, mut load) = load_common(post, body, true)?;
        load.file_name = file_name;
        return Ok((
            &[],
            CreateFileEvent {
                load,
                file_id: 0,
                block: &[],
            },
        ));
    }
    let (rest, post) = split(data, load_len)?;
    let (body, cf_post) = split(rest, post_header_len.max(4))?;
    let (_, file_id) = le_u32(cf_post)?;
    let (i, mut load) = load_common(post, body, true)?;
    let (block, file_name) = cstr(i)?;
    load.file_name = file_name;
    Ok((
        &[],
        CreateFileEvent {
            load,
            file_id,
            block,
        },
    ))
}

pub(crate) fn parse_append_block(
    data: &[u8],
    post_header_len: usize,
) -> PResult<'_, AppendBlockEvent<'_>> {
    let (block, post) = split(data, post_header_len.max(4))?;
    let (_, file_id) = le_u32(post)?;
    Ok((&[], AppendBlockEvent { file_id, block }))
}

pub(crate) fn parse_file_id(data: &[u8], post_header_len: usize) -> PResult<'_, FileIdEvent> {
    let (_, post) = split(data, post_header_len.max(4))?;
    let (_, file_id) = le_u32(post)?;
    Ok((&[], FileIdEvent { file_id }))
}
