//! USER_VAR_EVENT (14): a user variable (`@name`) the next statement reads.
//!
//! | bytes | field | when |
//! |---|---|---|
//! | 4 | name length | |
//! | n | name | |
//! | 1 | is NULL | |
//! | 1 | type: 0 string, 1 real, 2 int, 4 decimal | not NULL |
//! | 4 | collation id | not NULL |
//! | 4 | value length | not NULL |
//! | n | value | not NULL |
//! | 1 | flags (1: unsigned) | INT only, MySQL 5.6+ and MariaDB |
//!
//! A DECIMAL value is its precision, its scale and the binary DECIMAL; a REAL is an
//! 8-byte double; an INT 8 bytes.
//!
//! Source: MySQL `User_var_event` (`statement_events.cpp`); MariaDB `User_var_log_event`.

use crate::parse::{PResult, bytes, fail, le_u8, le_u32};
use crate::value::Decimal;

/// A USER_VAR event.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct UserVarEvent<'a> {
    /// The variable's name, without the `@`.
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::serde_util::text"))]
    pub name: &'a [u8],
    /// Its value; `None` for NULL.
    pub value: Option<UserVarValue<'a>>,
}

/// The value of a user variable.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum UserVarValue<'a> {
    /// A string, in the character set of the collation.
    String {
        /// The collation id.
        collation: u32,
        /// The bytes.
        bytes: &'a [u8],
    },
    /// A double.
    Real(f64),
    /// A signed integer.
    Int(i64),
    /// An unsigned integer.
    UInt(u64),
    /// A decimal.
    Decimal(Decimal<'a>),
}

#[cfg(feature = "serde")]
impl serde::Serialize for UserVarValue<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        match self {
            UserVarValue::String { collation, bytes } => {
                m.serialize_entry("type", "string")?;
                m.serialize_entry("collation", collation)?;
                m.serialize_entry("value", &crate::serde_util::Text(bytes))?;
            }
            UserVarValue::Real(v) => {
                m.serialize_entry("type", "real")?;
                m.serialize_entry("value", v)?;
            }
            UserVarValue::Int(v) => {
                m.serialize_entry("type", "int")?;
                m.serialize_entry("value", v)?;
            }
            UserVarValue::UInt(v) => {
                m.serialize_entry("type", "uint")?;
                m.serialize_entry("value", v)?;
            }
            UserVarValue::Decimal(d) => {
                m.serialize_entry("type", "decimal")?;
                m.serialize_entry("value", &d.to_string())?;
            }
        }
        m.end()
    }
}

/// The unsigned flag of an INT value.
const UNSIGNED_F: u8 = 0x01;

pub(crate) fn parse(data: &[u8]) -> PResult<'_, UserVarEvent<'_>> {
    let (i, name_len) = le_u32(data)?;
    let (i, name) = bytes(i, u64::from(name_len))?;
    let (i, is_null) = le_u8(i)?;
    if is_null != 0 {
        return Ok((i, UserVarEvent { name, value: None }));
    }
    let (i, kind) = le_u8(i)?;
    let (i, collation) = le_u32(i)?;
    let (i, len) = le_u32(i)?;
    let (i, v) = bytes(i, u64::from(len))?;
    let eight = |v: &[u8]| -> Option<[u8; 8]> { v.try_into().ok() };
    let (i, value) = match kind {
        0 => (
            i,
            UserVarValue::String {
                collation,
                bytes: v,
            },
        ),
        1 => match eight(v) {
            Some(b) => (i, UserVarValue::Real(f64::from_le_bytes(b))),
            None => return fail(v, "a REAL user variable is not 8 bytes"),
        },
        2 => {
            let Some(b) = eight(v) else {
                return fail(v, "an INT user variable is not 8 bytes");
            };
            // The flags byte follows INT values from MySQL 5.6 and MariaDB on.
            let (i, flags) = match i.split_first() {
                Some((&f, rest)) => (rest, f),
                None => (i, 0),
            };
            if flags & UNSIGNED_F != 0 {
                (i, UserVarValue::UInt(u64::from_le_bytes(b)))
            } else {
                (i, UserVarValue::Int(i64::from_le_bytes(b)))
            }
        }
        4 => {
            let (digits, (precision, scale)) = match v {
                [p, s, rest @ ..] => (rest, (*p, *s)),
                _ => return fail(v, "a DECIMAL user variable lacks its precision and scale"),
            };
            match Decimal::new(precision, scale, digits) {
                Ok(d) => (i, UserVarValue::Decimal(d)),
                Err(_) => return fail(v, "a DECIMAL user variable does not hold a DECIMAL"),
            }
        }
        _ => return fail(data, "unknown user variable type"),
    };
    Ok((
        i,
        UserVarEvent {
            name,
            value: Some(value),
        },
    ))
}
