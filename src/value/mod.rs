//! Column values, decoded exactly from row images.
//!
//! [`Value`] borrows from the event: strings, blobs, JSON documents and decimals stay the
//! bytes the server wrote, with helpers to read them as text or numbers. Nothing is read
//! through a float that is not a float, nothing is shifted by a time zone, and a value
//! the crate cannot decode is an error, never a guess.

mod decimal;
mod temporal;

pub use decimal::{Decimal, DecimalError, binary_size as decimal_binary_size};
pub use temporal::{Date, DateTime, OutOfChronoRange, Time, Timestamp};

use std::borrow::Cow;

use crate::constants::ColumnType;
use crate::schema::Column;

/// An integer column's value: the bits as stored and how to read them.
///
/// `unsigned` follows the schema (the TABLE_MAP's signedness metadata, or a schema the
/// caller supplied); [`Int::signed`] is always available, as mysqlbinlog shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Int {
    /// The value read as signed, sign-extended from its width.
    raw: i64,
    /// The width in bytes: 1 (TINYINT), 2, 3 (MEDIUMINT), 4 or 8.
    pub width: u8,
    /// Whether the column is UNSIGNED, when known.
    pub unsigned: Option<bool>,
}

impl Int {
    /// The value read as signed.
    pub fn signed(&self) -> i64 {
        self.raw
    }

    /// The value read as unsigned (the stored bits of its width).
    pub fn as_unsigned(&self) -> u64 {
        let bits = u32::from(self.width) * 8;
        if bits >= 64 {
            self.raw as u64
        } else {
            (self.raw as u64) & ((1u64 << bits) - 1)
        }
    }

    /// The value as the column declares it: unsigned when the schema says UNSIGNED,
    /// signed otherwise (and when signedness is unknown).
    pub fn value(&self) -> IntValue {
        if self.unsigned == Some(true) {
            IntValue::Unsigned(self.as_unsigned())
        } else {
            IntValue::Signed(self.raw)
        }
    }
}

/// An integer as its column declares it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IntValue {
    /// A signed column (or one of unknown signedness).
    Signed(i64),
    /// An UNSIGNED column.
    Unsigned(u64),
}

/// A string, binary string, BLOB or TEXT value: the bytes as stored, with the column's
/// collation when the TABLE_MAP says it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Str<'a> {
    /// The bytes in the row image (for a MariaDB COMPRESSED column: compressed).
    pub stored: &'a [u8],
    /// The collation id, when known (63 is binary).
    pub collation: Option<u16>,
    /// For BINARY(n): n. The server strips trailing 0x00 bytes from BINARY values in row
    /// images; [`Str::bytes`] puts them back. 0 for every other type.
    pub pad_to: usize,
    /// True for a MariaDB COMPRESSED column.
    pub compressed: bool,
}

/// The collation id of the binary "character set".
pub const BINARY_COLLATION: u16 = 63;

impl<'a> Str<'a> {
    /// Whether the value is a binary string (BINARY, VARBINARY, BLOB): its collation is
    /// `binary`. `None` when the TABLE_MAP did not say.
    pub fn is_binary(&self) -> Option<bool> {
        self.collation.map(|c| c == BINARY_COLLATION)
    }

    /// The value's bytes: decompressed for a COMPRESSED column, padded with 0x00 to its
    /// declared length for BINARY(n).
    pub fn bytes(&self) -> Result<Cow<'a, [u8]>, ValueError> {
        let mut bytes = if self.compressed {
            Cow::Owned(
                crate::compression::mariadb_column_uncompress(self.stored)
                    .map_err(ValueError::Compressed)?,
            )
        } else {
            Cow::Borrowed(self.stored)
        };
        if bytes.len() < self.pad_to {
            bytes.to_mut().resize(self.pad_to, 0);
        }
        Ok(bytes)
    }

    /// The value as text when its character set is one this crate reads (utf8mb3,
    /// utf8mb4, ascii, latin1 as MySQL's cp1252) and the bytes are valid in it; `None`
    /// otherwise (binary strings, other character sets, invalid bytes). A string of
    /// unknown character set reads as UTF-8 when it is valid UTF-8.
    pub fn text(&self) -> Option<Cow<'a, str>> {
        crate::charset::decode(self.collation, self.bytes().ok()?)
    }
}

/// A BIT(n) value: its bytes, big-endian, and n.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Bits<'a> {
    /// The stored bytes, (n + 7) / 8 of them, most significant first.
    pub bytes: &'a [u8],
    /// The number of bits, 1 to 64.
    pub bits: u16,
}

impl Bits<'_> {
    /// The value as an integer.
    pub fn value(&self) -> u64 {
        self.bytes
            .iter()
            .fold(0u64, |acc, &b| (acc << 8) | u64::from(b))
    }
}

/// A GEOMETRY value: SRID and well-known binary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Geometry<'a> {
    /// The stored bytes: 4-byte little-endian SRID, then WKB.
    pub stored: &'a [u8],
}

impl<'a> Geometry<'a> {
    /// The spatial reference id.
    pub fn srid(&self) -> Option<u32> {
        Some(u32::from_le_bytes(self.stored.get(..4)?.try_into().ok()?))
    }

    /// The geometry in well-known binary.
    pub fn wkb(&self) -> &'a [u8] {
        self.stored.get(4..).unwrap_or_default()
    }
}

/// A VECTOR value (MySQL 9): 32-bit floats, little-endian.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Vector<'a> {
    /// The stored bytes.
    pub stored: &'a [u8],
}

impl Vector<'_> {
    /// The elements.
    pub fn iter(&self) -> impl Iterator<Item = f32> + '_ {
        self.stored
            .chunks_exact(4)
            .filter_map(|c| c.try_into().ok().map(f32::from_le_bytes))
    }

    /// The number of elements.
    pub fn len(&self) -> usize {
        self.stored.len() / 4
    }

    /// True for a vector of no elements.
    pub fn is_empty(&self) -> bool {
        self.stored.len() < 4
    }
}

/// One column's value in a row image.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Value<'a> {
    /// SQL NULL.
    Null,
    /// TINYINT, SMALLINT, MEDIUMINT, INT, BIGINT.
    Int(Int),
    /// YEAR: 0 (the year 0000) or 1901 to 2155.
    Year(u16),
    /// FLOAT.
    Float(f32),
    /// DOUBLE.
    Double(f64),
    /// DECIMAL, exact.
    Decimal(Decimal<'a>),
    /// DATE.
    Date(Date),
    /// TIME.
    Time(Time),
    /// DATETIME.
    DateTime(DateTime),
    /// TIMESTAMP: UTC seconds and microseconds.
    Timestamp(Timestamp),
    /// BIT(n).
    Bit(Bits<'a>),
    /// ENUM: the 1-based index of the member (0: the empty error value).
    Enum(u16),
    /// SET: a bitmask of members, bit 0 for the first.
    Set(u64),
    /// CHAR, VARCHAR, TEXT, BINARY, VARBINARY, BLOB (and MariaDB's JSON, INET4, INET6,
    /// UUID, which are strings in the row image).
    String(Str<'a>),
    /// A MySQL JSON document in its binary form.
    Json(crate::json::Json<'a>),
    /// The after image of a JSON column of a PARTIAL_UPDATE_ROWS event: diffs against
    /// the before image.
    JsonDiff(crate::json::JsonDiffs<'a>),
    /// GEOMETRY.
    Geometry(Geometry<'a>),
    /// VECTOR.
    Vector(Vector<'a>),
}

/// Why a value cannot be decoded.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ValueError {
    /// The row image ends inside the value.
    #[error("the row image ends inside the value ({needed} bytes needed, {left} left)")]
    Truncated {
        /// Bytes the value needs.
        needed: u64,
        /// Bytes left in the image.
        left: usize,
    },
    /// The column type is one this crate does not decode.
    #[error("column type {0} cannot be decoded")]
    UnsupportedType(ColumnType),
    /// The TABLE_MAP does not say enough to decode the value (an old DECIMAL, a MariaDB
    /// legacy temporal column with fractional seconds, a type after an unknown one).
    #[error("the table map does not describe the column well enough: {0}")]
    NeedsSchema(&'static str),
    /// A DECIMAL whose bytes are not a decimal.
    #[error("{0}")]
    Decimal(DecimalError),
    /// A MariaDB COMPRESSED column that does not decompress.
    #[error("compressed column: {0}")]
    Compressed(&'static str),
    /// Other malformed bytes.
    #[error("{0}")]
    Malformed(&'static str),
}

/// The row-image length of a string column's value: its length prefix and data.
fn prefixed(data: &[u8], prefix: usize) -> Result<(usize, &[u8]), ValueError> {
    let len_bytes = data.get(..prefix).ok_or(ValueError::Truncated {
        needed: prefix as u64,
        left: data.len(),
    })?;
    let len = len_bytes
        .iter()
        .rev()
        .fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
    let end = (prefix as u64).saturating_add(len);
    let body = usize::try_from(end)
        .ok()
        .and_then(|end| data.get(prefix..end))
        .ok_or(ValueError::Truncated {
            needed: end,
            left: data.len(),
        })?;
    Ok((prefix + body.len(), body))
}

fn fixed(data: &[u8], n: usize) -> Result<&[u8], ValueError> {
    data.get(..n).ok_or(ValueError::Truncated {
        needed: n as u64,
        left: data.len(),
    })
}

fn array<const N: usize>(data: &[u8]) -> Result<[u8; N], ValueError> {
    fixed(data, N)?
        .try_into()
        .map_err(|_| ValueError::Malformed("a fixed-size value has the wrong size"))
}

/// The declared byte length of a CHAR/BINARY column (STRING type), from its metadata.
pub(crate) fn string_max_len(metadata: u16) -> usize {
    let [b0, b1] = metadata.to_be_bytes();
    if metadata >= 256 && b0 & 0x30 != 0x30 {
        usize::from(b1) | (usize::from((b0 & 0x30) ^ 0x30) << 4)
    } else {
        usize::from(b1)
    }
}

/// The number of bits of a BIT column, from its metadata.
pub(crate) fn bit_count(metadata: u16) -> u16 {
    (metadata >> 8) * 8 + (metadata & 0xff)
}

/// How many bytes the (non-NULL) value of `column` at the start of `data` takes, without
/// decoding it: what iterating rows needs.
pub(crate) fn extent(column: &Column, data: &[u8]) -> Result<usize, ValueError> {
    let meta = column.metadata;
    let fixed_len = |n: usize| -> Result<usize, ValueError> { fixed(data, n).map(<[u8]>::len) };
    let frac = temporal::fraction_len((meta & 0xff) as u8);
    if !column.metadata_known {
        return Err(unknown_metadata(column));
    }
    if let Some(n) = legacy_hires(column) {
        return fixed_len(temporal::legacy_hires_len(column.real_type, n));
    }
    match column.real_type {
        ColumnType::TINY | ColumnType::YEAR => fixed_len(1),
        ColumnType::SHORT => fixed_len(2),
        ColumnType::INT24 | ColumnType::DATE | ColumnType::NEWDATE | ColumnType::TIME => {
            fixed_len(3)
        }
        ColumnType::LONG | ColumnType::FLOAT | ColumnType::TIMESTAMP => fixed_len(4),
        ColumnType::LONGLONG | ColumnType::DOUBLE | ColumnType::DATETIME => fixed_len(8),
        ColumnType::TIME2 => fixed_len(3 + frac),
        ColumnType::DATETIME2 => fixed_len(5 + frac),
        ColumnType::TIMESTAMP2 => fixed_len(4 + frac),
        ColumnType::NEWDECIMAL => {
            let [precision, scale] = meta.to_be_bytes();
            let size = decimal_binary_size(precision, scale).ok_or(ValueError::Malformed(
                "a DECIMAL's scale exceeds its precision",
            ))?;
            fixed_len(size)
        }
        ColumnType::BIT => fixed_len(usize::from(bit_count(meta)).div_ceil(8)),
        ColumnType::ENUM | ColumnType::SET => fixed_len(usize::from(meta & 0xff)),
        ColumnType::STRING => {
            let prefix = if string_max_len(meta) > 255 { 2 } else { 1 };
            prefixed(data, prefix).map(|(used, _)| used)
        }
        ColumnType::VARCHAR | ColumnType::VAR_STRING | ColumnType::VARCHAR_COMPRESSED => {
            prefixed(data, if meta > 255 { 2 } else { 1 }).map(|(used, _)| used)
        }
        ColumnType::BLOB
        | ColumnType::TINY_BLOB
        | ColumnType::MEDIUM_BLOB
        | ColumnType::LONG_BLOB
        | ColumnType::BLOB_COMPRESSED
        | ColumnType::JSON
        | ColumnType::GEOMETRY
        | ColumnType::VECTOR => prefixed(data, blob_prefix(meta)?).map(|(used, _)| used),
        ColumnType::NULL => Ok(0),
        _ => decode(column, data).map(|(used, _)| used),
    }
}

/// Reads the value of `column` at the start of `data` (a non-NULL value): how many bytes
/// it takes and what it is.
pub(crate) fn decode<'a>(
    column: &Column,
    data: &'a [u8],
) -> Result<(usize, Value<'a>), ValueError> {
    let meta = column.metadata;
    let int = |width: u8| -> Result<(usize, Value<'a>), ValueError> {
        let b = fixed(data, usize::from(width))?;
        let bits = u32::from(width) * 8;
        let unsigned = b
            .iter()
            .rev()
            .fold(0u64, |acc, &x| (acc << 8) | u64::from(x));
        let raw = if bits >= 64 {
            unsigned as i64
        } else {
            ((unsigned << (64 - bits)) as i64) >> (64 - bits)
        };
        Ok((
            usize::from(width),
            Value::Int(Int {
                raw,
                width,
                unsigned: column.unsigned,
            }),
        ))
    };
    let fsp = (meta & 0xff) as u8;
    let frac = temporal::fraction_len(fsp);
    let string = |prefix: usize, pad_to: usize, compressed: bool| {
        prefixed(data, prefix).map(|(used, stored)| {
            (
                used,
                Value::String(Str {
                    stored,
                    collation: column.charset,
                    pad_to,
                    compressed,
                }),
            )
        })
    };
    if !column.metadata_known {
        return Err(unknown_metadata(column));
    }
    if let Some(n) = legacy_hires(column) {
        let len = temporal::legacy_hires_len(column.real_type, n);
        let b = fixed(data, len)?;
        return temporal::legacy_hires(column.real_type, b, n).map(|v| (len, v));
    }
    match column.real_type {
        ColumnType::TINY => int(1),
        ColumnType::SHORT => int(2),
        ColumnType::INT24 => int(3),
        ColumnType::LONG => int(4),
        ColumnType::LONGLONG => int(8),
        ColumnType::YEAR => {
            let [y] = array::<1>(data)?;
            Ok((1, Value::Year(if y == 0 { 0 } else { 1900 + u16::from(y) })))
        }
        ColumnType::FLOAT => Ok((4, Value::Float(f32::from_le_bytes(array(data)?)))),
        ColumnType::DOUBLE => Ok((8, Value::Double(f64::from_le_bytes(array(data)?)))),
        ColumnType::NEWDECIMAL => {
            let [precision, scale] = meta.to_be_bytes();
            let size = decimal_binary_size(precision, scale).ok_or(ValueError::Malformed(
                "a DECIMAL's scale exceeds its precision",
            ))?;
            let d =
                Decimal::new(precision, scale, fixed(data, size)?).map_err(ValueError::Decimal)?;
            Ok((size, Value::Decimal(d)))
        }
        ColumnType::DATE | ColumnType::NEWDATE => {
            Ok((3, Value::Date(temporal::date(array(data)?))))
        }
        ColumnType::TIME => Ok((3, Value::Time(temporal::time_v1(array(data)?)))),
        ColumnType::DATETIME => Ok((8, Value::DateTime(temporal::datetime_v1(array(data)?)))),
        ColumnType::TIMESTAMP => Ok((
            4,
            Value::Timestamp(Timestamp {
                seconds: u32::from_le_bytes(array(data)?),
                micros: 0,
                fsp: 0,
            }),
        )),
        ColumnType::TIME2 => {
            let b = fixed(data, 3 + frac)?;
            let int_part = array::<3>(b)?;
            Ok((
                3 + frac,
                Value::Time(temporal::time_v2(
                    int_part,
                    b.get(3..).unwrap_or_default(),
                    fsp,
                )),
            ))
        }
        ColumnType::DATETIME2 => {
            let b = fixed(data, 5 + frac)?;
            let int_part = array::<5>(b)?;
            let v = temporal::datetime_v2(int_part, b.get(5..).unwrap_or_default(), fsp);
            Ok((5 + frac, Value::DateTime(v)))
        }
        ColumnType::TIMESTAMP2 => {
            let b = fixed(data, 4 + frac)?;
            let seconds = array::<4>(b)?;
            let v = temporal::timestamp_v2(seconds, b.get(4..).unwrap_or_default(), fsp);
            Ok((4 + frac, Value::Timestamp(v)))
        }
        ColumnType::BIT => {
            let bits = bit_count(meta);
            let n = usize::from(bits).div_ceil(8);
            Ok((
                n,
                Value::Bit(Bits {
                    bytes: fixed(data, n)?,
                    bits,
                }),
            ))
        }
        ColumnType::ENUM => {
            let n = usize::from(meta & 0xff);
            let b = fixed(data, n)?;
            match b {
                [x] => Ok((1, Value::Enum(u16::from(*x)))),
                [x, y] => Ok((2, Value::Enum(u16::from_le_bytes([*x, *y])))),
                _ => Err(ValueError::Malformed("an ENUM is stored in 1 or 2 bytes")),
            }
        }
        ColumnType::SET => {
            let n = usize::from(meta & 0xff);
            if !matches!(n, 1..=4 | 8) {
                return Err(ValueError::Malformed(
                    "a SET is stored in 1 to 4 or 8 bytes",
                ));
            }
            let b = fixed(data, n)?;
            let v = b
                .iter()
                .rev()
                .fold(0u64, |acc, &x| (acc << 8) | u64::from(x));
            Ok((n, Value::Set(v)))
        }
        ColumnType::STRING => {
            let max = string_max_len(meta);
            let prefix = if max > 255 { 2 } else { 1 };
            let pad = if column.charset == Some(BINARY_COLLATION) {
                max
            } else {
                0
            };
            string(prefix, pad, false)
        }
        ColumnType::VARCHAR | ColumnType::VAR_STRING => {
            string(if meta > 255 { 2 } else { 1 }, 0, false)
        }
        ColumnType::VARCHAR_COMPRESSED => string(if meta > 255 { 2 } else { 1 }, 0, true),
        ColumnType::BLOB
        | ColumnType::TINY_BLOB
        | ColumnType::MEDIUM_BLOB
        | ColumnType::LONG_BLOB => string(blob_prefix(meta)?, 0, false),
        ColumnType::BLOB_COMPRESSED => string(blob_prefix(meta)?, 0, true),
        ColumnType::JSON => {
            let (used, stored) = prefixed(data, blob_prefix(meta)?)?;
            Ok((used, Value::Json(crate::json::Json::new(stored))))
        }
        ColumnType::GEOMETRY => {
            let (used, stored) = prefixed(data, blob_prefix(meta)?)?;
            Ok((used, Value::Geometry(Geometry { stored })))
        }
        ColumnType::VECTOR => {
            let (used, stored) = prefixed(data, blob_prefix(meta)?)?;
            if stored.len() % 4 != 0 {
                return Err(ValueError::Malformed(
                    "a VECTOR's length is not a multiple of 4",
                ));
            }
            Ok((used, Value::Vector(Vector { stored })))
        }
        ColumnType::NULL => Ok((0, Value::Null)),
        ColumnType::DECIMAL => Err(ValueError::NeedsSchema(
            "an old DECIMAL (MySQL 4.1 and earlier) has no length in the table map",
        )),
        other => Err(ValueError::UnsupportedType(other)),
    }
}

/// Why a column without metadata cannot be read: its own type is unknown, or its
/// metadata is missing.
fn unknown_metadata(column: &Column) -> ValueError {
    if crate::schema::metadata_len(column.column_type).is_none() {
        ValueError::UnsupportedType(column.column_type)
    } else {
        NO_METADATA
    }
}

const NO_METADATA: ValueError = ValueError::NeedsSchema(
    "the TABLE_MAP does not give this column's metadata (a MySQL 5.1 pre-GA table map, or a \
     column after a type this crate does not know); supply it with TableHints",
);

/// The fractional digits of a MariaDB legacy hi-res temporal column, when a caller gave
/// them and they are not 0 (with 0 the legacy format is the classic one).
fn legacy_hires(column: &Column) -> Option<u8> {
    match (column.real_type, column.legacy_fsp) {
        (ColumnType::TIME | ColumnType::DATETIME | ColumnType::TIMESTAMP, Some(n)) if n > 0 => {
            Some(n.min(6))
        }
        _ => None,
    }
}

/// The length-prefix size of a BLOB-like column (1 to 4 bytes), from its metadata.
fn blob_prefix(meta: u16) -> Result<usize, ValueError> {
    match meta {
        1..=4 => Ok(usize::from(meta)),
        _ => Err(ValueError::Malformed(
            "a BLOB's length prefix is not 1 to 4 bytes",
        )),
    }
}
