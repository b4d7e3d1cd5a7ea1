//! serde helpers: how byte strings appear in serialized events.
//!
//! Binlog strings are bytes in whatever character set the session used. They serialize as
//! a string when they are valid UTF-8 and as `{"hex": "..."}` (lowercase) otherwise, so
//! nothing is lost and nothing is guessed.

use serde::ser::{SerializeMap, Serializer};

/// Serializes text bytes: a string when valid UTF-8, else `{"hex": "..."}`.
pub(crate) fn text<S: Serializer, B: AsRef<[u8]> + ?Sized>(b: &B, s: S) -> Result<S::Ok, S::Error> {
    match std::str::from_utf8(b.as_ref()) {
        Ok(t) => s.serialize_str(t),
        Err(_) => binary(b, s),
    }
}

/// Serializes binary bytes as `{"hex": "..."}`.
pub(crate) fn binary<S: Serializer, B: AsRef<[u8]> + ?Sized>(
    b: &B,
    s: S,
) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(1))?;
    map.serialize_entry("hex", &crate::util::hex(b.as_ref()))?;
    map.end()
}

/// Serializes a byte string as its length (blocks of data a JSON reader does not want).
pub(crate) fn byte_len<S: Serializer>(b: &&[u8], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_u64(b.len() as u64)
}

/// Serializes an optional text field.
pub(crate) fn opt_text<S: Serializer, B: AsRef<[u8]>>(
    b: &Option<B>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match b {
        Some(b) => text(b, s),
        None => s.serialize_none(),
    }
}

/// Text bytes as a serializable value (see [`text`]).
pub(crate) struct Text<'a>(pub &'a [u8]);

impl serde::Serialize for Text<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        text(self.0, s)
    }
}
