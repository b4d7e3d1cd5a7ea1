//! TABLE_MAP_EVENT (19): binds a table id to a table definition for the row events that
//! follow.
//!
//! | post-header | |
//! |---|---|
//! | 6 bytes (4 when the post-header length is 6) | table id |
//! | 2 bytes | flags |
//!
//! | body | |
//! |---|---|
//! | 1 + n + 1 | database name: length, name, NUL |
//! | 1 + n + 1 | table name: length, name, NUL |
//! | packed int | column count |
//! | column count bytes | column types |
//! | packed int + bytes | column metadata (per type: 0, 1 or 2 bytes) |
//! | (count + 7) / 8 | nullability bitmap |
//! | rest | optional metadata (MySQL 8.0.1+, MariaDB 10.5+): type, packed length, value |
//!
//! MySQL 5.1 before 5.1.16 wrote no metadata block (and no nullability bitmap).
//!
//! Source: MySQL `Table_map_event` (`rows_event.cpp`), `Table_map_log_event::init_*_field`
//! (`log_event.cc`) for the optional metadata.

use crate::constants::ColumnType;
use crate::parse::{
    PResult, bitmap, bytes, fail, le_u8, le_u16, le_u32, le_u48, packed_len, split, u8_prefixed,
};

/// A TABLE_MAP event, as written. [`TableSchema`](crate::TableSchema) is the owned,
/// decoded form the decoder keeps for the row events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TableMapEvent<'a> {
    /// The table id the row events refer to.
    pub table_id: u64,
    /// Flags (`TM_BIT_LEN_EXACT_F` = 1 and others; normally 1 or 0).
    pub table_flags: u16,
    /// The database name.
    #[cfg_attr(
        feature = "serde",
        serde(rename = "db", serialize_with = "crate::serde_util::text")
    )]
    pub database: &'a [u8],
    /// The table name.
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::serde_util::text"))]
    pub table: &'a [u8],
    /// One type code per column.
    #[cfg_attr(feature = "serde", serde(serialize_with = "serialize_types"))]
    pub column_types: &'a [u8],
    /// The per-column metadata block, as written.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub column_metadata: &'a [u8],
    /// Nullability bitmap: bit `i` (LSB first) set when column `i` may be NULL. Empty in
    /// 5.1 pre-GA table maps.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub null_bitmap: &'a [u8],
    /// The optional metadata block, as written (empty when the server wrote none).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub optional_metadata: &'a [u8],
    /// True for the layout of MySQL 5.1 before 5.1.16, which ends after the column
    /// types: no column metadata, no nullability bitmap.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "std::ops::Not::not"))]
    pub without_metadata: bool,
}

#[cfg(feature = "serde")]
fn serialize_types<S: serde::Serializer>(types: &&[u8], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(types.iter().copied())
}

impl<'a> TableMapEvent<'a> {
    /// The number of columns.
    pub fn column_count(&self) -> usize {
        self.column_types.len()
    }

    /// The type code of each column.
    pub fn column_types(&self) -> impl ExactSizeIterator<Item = ColumnType> + '_ {
        self.column_types.iter().map(|&t| ColumnType(t))
    }

    /// Whether column `i` may be NULL (`None` past the last column or without a bitmap).
    pub fn is_nullable(&self, i: usize) -> Option<bool> {
        if i >= self.column_count() {
            return None;
        }
        self.null_bitmap.get(i / 8).map(|b| b & (1 << (i % 8)) != 0)
    }

    /// The optional metadata fields, decoded lazily; an item is `Err` where the bytes
    /// do not hold a field, and the iteration ends there.
    pub fn optional_metadata(
        &self,
    ) -> impl Iterator<Item = Result<OptionalMetadata<'a>, MetadataError>> + 'a {
        items(self.optional_metadata, optional_field)
    }
}

/// One field of a TABLE_MAP's optional metadata.
///
/// Lists that apply to a subset of the columns (numeric columns for signedness, character
/// columns for charsets, ...) are in the order of those columns in the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum OptionalMetadata<'a> {
    /// 1: one bit per numeric column, most significant bit first: set when UNSIGNED.
    Signedness(&'a [u8]),
    /// 2: the most common charset of the character columns, and the exceptions as
    /// (index among character columns, collation id) pairs.
    DefaultCharset(CharsetList<'a>),
    /// 3: the collation id of every character column.
    ColumnCharset(PackedInts<'a>),
    /// 4: the name of every column.
    ColumnName(Strings<'a>),
    /// 5: the member names of every SET column.
    SetStrValue(StringLists<'a>),
    /// 6: the member names of every ENUM column.
    EnumStrValue(StringLists<'a>),
    /// 7: the geometry type of every GEOMETRY column.
    GeometryType(PackedInts<'a>),
    /// 8: the primary key's column indexes.
    SimplePrimaryKey(PackedInts<'a>),
    /// 9: the primary key as (column index, prefix length; 0 for the whole column) pairs.
    PrimaryKeyWithPrefix(PackedInts<'a>),
    /// 10: like `DefaultCharset`, for ENUM and SET columns.
    EnumAndSetDefaultCharset(CharsetList<'a>),
    /// 11: like `ColumnCharset`, for ENUM and SET columns.
    EnumAndSetColumnCharset(PackedInts<'a>),
    /// 12: one bit per column, most significant bit first: set when the column is visible.
    ColumnVisibility(&'a [u8]),
    /// 13: the dimensionality of every VECTOR column (MySQL 9.0+).
    VectorDimensionality(PackedInts<'a>),
    /// A field type this crate does not know, kept whole.
    Unknown {
        /// The field type.
        field_type: u8,
        /// Its value.
        value: &'a [u8],
    },
}

/// The optional metadata of a TABLE_MAP does not follow its layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("malformed optional metadata field ({remaining} bytes before the end of the event)")]
pub struct MetadataError {
    /// How many bytes before the end of the block the bad field starts.
    pub remaining: usize,
}

fn optional_field(input: &[u8]) -> PResult<'_, OptionalMetadata<'_>> {
    let (i, field_type) = le_u8(input)?;
    let (i, len) = packed_len(i)?;
    let (rest, value) = bytes(i, len)?;
    let field = match field_type {
        1 => OptionalMetadata::Signedness(value),
        2 => OptionalMetadata::DefaultCharset(CharsetList::new(value)?),
        3 => OptionalMetadata::ColumnCharset(PackedInts(value)),
        4 => OptionalMetadata::ColumnName(Strings(value)),
        5 => OptionalMetadata::SetStrValue(StringLists(value)),
        6 => OptionalMetadata::EnumStrValue(StringLists(value)),
        7 => OptionalMetadata::GeometryType(PackedInts(value)),
        8 => OptionalMetadata::SimplePrimaryKey(PackedInts(value)),
        9 => OptionalMetadata::PrimaryKeyWithPrefix(PackedInts(value)),
        10 => OptionalMetadata::EnumAndSetDefaultCharset(CharsetList::new(value)?),
        11 => OptionalMetadata::EnumAndSetColumnCharset(PackedInts(value)),
        12 => OptionalMetadata::ColumnVisibility(value),
        13 => OptionalMetadata::VectorDimensionality(PackedInts(value)),
        _ => OptionalMetadata::Unknown { field_type, value },
    };
    Ok((rest, field))
}

/// A sequence of packed integers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PackedInts<'a>(pub &'a [u8]);

impl<'a> PackedInts<'a> {
    /// The integers; an item is `Err` where the bytes do not hold a packed integer (and
    /// the iteration ends there).
    pub fn iter(&self) -> impl Iterator<Item = Result<u64, MetadataError>> + 'a {
        items(self.0, packed_len)
    }
}

/// The items `parse` reads one after another from `bytes`; an item is `Err` where the
/// bytes do not hold one, and the iteration ends there.
fn items<'a, T>(
    mut rest: &'a [u8],
    parse: impl Fn(&'a [u8]) -> PResult<'a, T>,
) -> impl Iterator<Item = Result<T, MetadataError>> {
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        match parse(rest) {
            Ok((r, item)) => {
                rest = r;
                Some(Ok(item))
            }
            Err(_) => {
                let remaining = rest.len();
                rest = &[];
                Some(Err(MetadataError { remaining }))
            }
        }
    })
}

/// A default collation followed by (index, collation) exceptions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CharsetList<'a> {
    /// The default collation id.
    pub default: u64,
    /// The exceptions: (index among the columns concerned, collation id) pairs.
    pub exceptions: PackedInts<'a>,
}

impl<'a> CharsetList<'a> {
    fn new(value: &'a [u8]) -> Result<Self, nom::Err<crate::error::PError>> {
        let (rest, default) = packed_len(value)?;
        Ok(CharsetList {
            default,
            exceptions: PackedInts(rest),
        })
    }
}

/// A sequence of strings, each preceded by its packed length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Strings<'a>(pub &'a [u8]);

impl<'a> Strings<'a> {
    /// The strings; an item is `Err` where the bytes do not hold one.
    pub fn iter(&self) -> impl Iterator<Item = Result<&'a [u8], MetadataError>> + 'a {
        items(self.0, crate::parse::packed_prefixed)
    }
}

/// A sequence of string lists (ENUM or SET members), each a packed count followed by that
/// many packed-length strings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StringLists<'a>(pub &'a [u8]);

impl<'a> StringLists<'a> {
    /// The lists; an item is `Err` where the bytes do not hold one.
    pub fn iter(&self) -> impl Iterator<Item = Result<Vec<&'a [u8]>, MetadataError>> + 'a {
        items(self.0, string_list)
    }
}

fn string_list(input: &[u8]) -> PResult<'_, Vec<&[u8]>> {
    let (mut i, count) = packed_len(input)?;
    // Every member takes at least one byte: the count cannot exceed what is left, which
    // bounds the allocation by the input.
    if count > i.len() as u64 {
        return fail(input, "an ENUM or SET member count exceeds the bytes left");
    }
    let mut list = Vec::with_capacity(count as usize);
    for _ in 0..count {
        let (r, s) = crate::parse::packed_prefixed(i)?;
        list.push(s);
        i = r;
    }
    Ok((i, list))
}

pub(crate) fn parse(data: &[u8], post_header_len: usize) -> PResult<'_, TableMapEvent<'_>> {
    let (body, post) = split(data, post_header_len)?;
    let (table_id, table_flags) = if post_header_len == 6 {
        let (i, id) = le_u32(post)?;
        let (_, flags) = le_u16(i)?;
        (u64::from(id), flags)
    } else {
        let (i, id) = le_u48(post)?;
        let (_, flags) = le_u16(i)?;
        (id, flags)
    };
    let (i, database) = u8_prefixed(body)?;
    let (i, _nul) = le_u8(i)?;
    let (i, table) = u8_prefixed(i)?;
    let (i, _nul) = le_u8(i)?;
    let (i, column_count) = packed_len(i)?;
    let (i, column_types) = bytes(i, column_count)?;
    // MySQL 5.1 before 5.1.16 ends the event after the column types.
    if i.is_empty() {
        return Ok((
            i,
            TableMapEvent {
                table_id,
                table_flags,
                database,
                table,
                column_types,
                column_metadata: &[],
                null_bitmap: &[],
                optional_metadata: &[],
                without_metadata: true,
            },
        ));
    }
    let (i, meta_len) = packed_len(i)?;
    let (i, column_metadata) = bytes(i, meta_len)?;
    let (optional_metadata, null_bitmap) = bitmap(i, column_count)?;
    Ok((
        &[],
        TableMapEvent {
            table_id,
            table_flags,
            database,
            table,
            column_types,
            column_metadata,
            null_bitmap,
            optional_metadata,
            without_metadata: false,
        },
    ))
}
