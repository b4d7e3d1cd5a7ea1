//! Row events: WRITE, UPDATE and DELETE in every generation, framed.
//!
//! | post-header | | generations |
//! |---|---|---|
//! | 6 bytes (4 when the post-header length is 6) | table id | all |
//! | 2 bytes | flags (1 = end of statement) | all |
//! | 2 bytes | extra data length, itself included | v2 (post-header length 10) |
//!
//! | body | |
//! |---|---|
//! | extra length - 2 bytes | extra row info (v2): NDB info, partition ids |
//! | packed int | number of columns of the table |
//! | (n + 7) / 8 | columns present in the before image (the only image of WRITE/DELETE) |
//! | (n + 7) / 8 | columns present in the after image (UPDATE, PARTIAL_UPDATE) |
//! | rest | the rows; in MariaDB's compressed events, zlib-compressed |
//!
//! Generations: pre-GA (20-22, MySQL 5.1.0-5.1.15), v1 (23-25, MySQL 5.1.16-5.6 and
//! MariaDB), v2 (30-32, MySQL 5.6+), PARTIAL_UPDATE_ROWS (39, MySQL 8.0 with
//! `binlog_row_value_options=PARTIAL_JSON`), MariaDB compressed (166-168 v1, 169-171 v2).
//!
//! Source: MySQL `Rows_event::Rows_event` (`rows_event.cpp`); MariaDB
//! `Rows_log_event::Rows_log_event` (`log_event.cc`).

use std::borrow::Cow;

use crate::constants::EventType;
use crate::parse::{PResult, bitmap, bytes, fail, le_u16, le_u32, le_u48, packed_len, split};

/// `STMT_END_F`: the last row event of a statement; the table maps end with it.
pub const STMT_END_F: u16 = 0x0001;
/// `NO_FOREIGN_KEY_CHECKS_F`: foreign key checks were off.
pub const NO_FOREIGN_KEY_CHECKS_F: u16 = 0x0002;
/// `RELAXED_UNIQUE_CHECKS_F`: unique checks were off.
pub const RELAXED_UNIQUE_CHECKS_F: u16 = 0x0004;
/// `COMPLETE_ROWS_F`: the images hold every column.
pub const COMPLETE_ROWS_F: u16 = 0x0008;

/// What a row event does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum RowsKind {
    /// Inserted rows: one after image each.
    Write,
    /// Updated rows: a before and an after image each.
    Update,
    /// Deleted rows: one before image each.
    Delete,
    /// Updated rows whose JSON columns may carry partial diffs (PARTIAL_UPDATE_ROWS).
    PartialUpdate,
}

impl RowsKind {
    /// The event kind name: `write_rows`, `update_rows`, `delete_rows`,
    /// `partial_update_rows`.
    pub fn name(self) -> &'static str {
        match self {
            RowsKind::Write => "write_rows",
            RowsKind::Update => "update_rows",
            RowsKind::Delete => "delete_rows",
            RowsKind::PartialUpdate => "partial_update_rows",
        }
    }

    /// Whether each row has two images.
    pub fn has_two_images(self) -> bool {
        matches!(self, RowsKind::Update | RowsKind::PartialUpdate)
    }
}

/// A row event, framed: which table, which columns, and the row bytes.
///
/// [`RowsEvent::rows`](crate::events::RowsEvent::rows) decodes the rows.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct RowsEvent<'a> {
    /// What the event does.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub kind: RowsKind,
    /// The layout generation: 0 (pre-GA), 1 or 2.
    pub version: u8,
    /// True for MariaDB's compressed row events: `rows` is a compressed block.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "std::ops::Not::not"))]
    pub compressed: bool,
    /// The table id; the TABLE_MAP with this id describes the columns.
    pub table_id: u64,
    /// Flags: [`STMT_END_F`], [`NO_FOREIGN_KEY_CHECKS_F`], ...
    #[cfg_attr(feature = "serde", serde(rename = "rows_flags"))]
    pub flags: u16,
    /// The v2 extra row info, without its length (empty when there is none).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "<[u8]>::is_empty"))]
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::serde_util::binary"))]
    pub extra_data: &'a [u8],
    /// The number of columns of the table.
    pub column_count: u64,
    /// Bitmap of the columns present in the before image (the only image of a WRITE or
    /// DELETE), bit `i` (LSB first) for column `i`.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub columns_before: &'a [u8],
    /// Bitmap of the columns present in the after image of an UPDATE.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub columns_after: Option<&'a [u8]>,
    /// The row images (decompressed, for MariaDB's compressed events).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub rows: Cow<'a, [u8]>,
    /// The event's file offset, for errors.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub(crate) offset: u64,
    /// Where the row images start, in bytes from the start of the event (of the
    /// decompressed rows for a compressed event).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub(crate) rows_at: usize,
}

/// The extra row info of a v2 row event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ExtraRowInfo<'a> {
    /// Type 0: NDB cluster information: a format byte and its data.
    Ndb {
        /// The format byte.
        format: u8,
        /// The data.
        data: &'a [u8],
    },
    /// Type 1: the partition the row is in (and, for an UPDATE, the one it came from).
    Partition {
        /// The partition id.
        partition_id: u16,
        /// For an UPDATE, the partition of the before image.
        source_partition_id: Option<u16>,
    },
    /// A type this crate does not know.
    Unknown {
        /// The type byte.
        kind: u8,
        /// The rest.
        data: &'a [u8],
    },
}

impl<'a> RowsEvent<'a> {
    /// The file offset of the event (of the TRANSACTION_PAYLOAD, for an event inside one).
    pub fn offset(&self) -> u64 {
        self.offset
    }

    /// Whether this is the last row event of its statement.
    pub fn is_statement_end(&self) -> bool {
        self.flags & STMT_END_F != 0
    }

    /// The v2 extra row info items.
    pub fn extra_row_info(&self) -> Vec<ExtraRowInfo<'a>> {
        let mut out = Vec::new();
        let mut rest = self.extra_data;
        while let Some((&kind, after)) = rest.split_first() {
            match kind {
                0 => {
                    // Length (counting itself and the format byte), format, data.
                    let Some((&len, r)) = after.split_first() else {
                        break;
                    };
                    let Some((&format, r)) = r.split_first() else {
                        break;
                    };
                    let n = usize::from(len).saturating_sub(2).min(r.len());
                    let (data, r) = r.split_at(n);
                    out.push(ExtraRowInfo::Ndb { format, data });
                    rest = r;
                }
                1 => {
                    let id = |b: &[u8]| {
                        b.get(..2)
                            .and_then(|x| x.try_into().ok())
                            .map(u16::from_le_bytes)
                    };
                    let Some(partition_id) = id(after) else { break };
                    let source_partition_id = if self.kind.has_two_images() {
                        id(after.get(2..).unwrap_or_default())
                    } else {
                        None
                    };
                    out.push(ExtraRowInfo::Partition {
                        partition_id,
                        source_partition_id,
                    });
                    let used = if source_partition_id.is_some() { 4 } else { 2 };
                    rest = after.get(used..).unwrap_or_default();
                }
                _ => {
                    out.push(ExtraRowInfo::Unknown { kind, data: after });
                    break;
                }
            }
        }
        out
    }
}

/// Kind, layout generation and compression of a row event type.
pub(crate) fn describe(event_type: EventType) -> Option<(RowsKind, u8, bool)> {
    use RowsKind::*;
    Some(match event_type.0 {
        20 => (Write, 0, false),
        21 => (Update, 0, false),
        22 => (Delete, 0, false),
        23 => (Write, 1, false),
        24 => (Update, 1, false),
        25 => (Delete, 1, false),
        30 => (Write, 2, false),
        31 => (Update, 2, false),
        32 => (Delete, 2, false),
        39 => (PartialUpdate, 2, false),
        166 => (Write, 1, true),
        167 => (Update, 1, true),
        168 => (Delete, 1, true),
        169 => (Write, 2, true),
        170 => (Update, 2, true),
        171 => (Delete, 2, true),
        _ => return None,
    })
}

pub(crate) fn parse(
    data: &[u8],
    post_header_len: usize,
    event_type: EventType,
    max_uncompressed: u64,
) -> PResult<'_, RowsEvent<'_>> {
    let Some((kind, version, compressed)) = describe(event_type) else {
        return fail(data, "not a row event type");
    };
    let (body, post) = split(data, post_header_len)?;
    let (i, table_id) = if post_header_len == 6 {
        le_u32(post).map(|(i, id)| (i, u64::from(id)))?
    } else {
        le_u48(post)?
    };
    let (i, flags) = le_u16(i)?;
    // The v2 extra data length is the last field of a 10-byte post-header.
    let (body, extra_data) = if post_header_len == 10 {
        let (_, extra_len) = le_u16(i)?;
        let extra_len =
            extra_len
                .checked_sub(2)
                .ok_or(nom::Err::Error(crate::error::PError::new(
                    i,
                    "the extra data length is below 2",
                )))?;
        let (body, extra) = bytes(body, u64::from(extra_len))?;
        (body, extra)
    } else {
        (body, &[][..])
    };
    let (i, column_count) = packed_len(body)?;
    let (i, columns_before) = bitmap(i, column_count)?;
    // Pre-GA updates (5.1.0-5.1.15) have one bitmap for both images.
    let (rows, columns_after) = if kind.has_two_images() && version > 0 {
        let (i, after) = bitmap(i, column_count)?;
        (i, Some(after))
    } else {
        (i, None)
    };
    let rows_at = data.len() - rows.len();
    let rows = if compressed {
        // MariaDB compresses everything after the bitmaps; inflated once, here, so that
        // the rows of every generation are read the same way.
        match crate::compression::mariadb_uncompress(rows, max_uncompressed) {
            Ok(inflated) => Cow::Owned(inflated),
            Err(reason) => {
                return Err(nom::Err::Error(crate::error::PError::decompress(
                    rows, reason,
                )));
            }
        }
    } else {
        Cow::Borrowed(rows)
    };
    Ok((
        &[],
        RowsEvent {
            kind,
            version,
            compressed,
            table_id,
            flags,
            extra_data,
            column_count,
            columns_before,
            columns_after,
            rows,
            offset: 0,
            rows_at,
        },
    ))
}
