//! nom helpers shared by the event parsers.
//!
//! Every parser here runs on a complete slice (the reader frames an event before any body
//! is parsed), so running out of bytes is always an error, never `Incomplete`.

use nom::IResult;
use nom::Parser;
use nom::bytes::complete::{take, take_until};

use crate::error::PError;

/// The result of a parser over event bytes.
pub(crate) type PResult<'a, T> = IResult<&'a [u8], T, PError>;

pub(crate) use nom::number::complete::{le_i64, le_u8, le_u16, le_u24, le_u32, le_u64};

/// Fails at `input` with `reason`.
pub(crate) fn fail<'a, T>(input: &'a [u8], reason: &'static str) -> PResult<'a, T> {
    Err(nom::Err::Error(PError::new(input, reason)))
}

/// `n` bytes, for a length read from the input.
pub(crate) fn bytes(input: &[u8], n: u64) -> PResult<'_, &[u8]> {
    match usize::try_from(n) {
        Ok(n) if n <= input.len() => take(n).parse(input),
        _ => fail(input, "a length field points past the end of the event"),
    }
}

/// A little-endian unsigned integer of `n` bytes (0 to 8).
pub(crate) fn le_uint(input: &[u8], n: usize) -> PResult<'_, u64> {
    let (rest, b) = bytes(input, n as u64)?;
    if n > 8 {
        return fail(input, "an integer field is wider than 8 bytes");
    }
    let v = b
        .iter()
        .rev()
        .fold(0u64, |acc, &x| (acc << 8) | u64::from(x));
    Ok((rest, v))
}

/// A 6-byte little-endian unsigned integer (table ids).
pub(crate) fn le_u48(input: &[u8]) -> PResult<'_, u64> {
    le_uint(input, 6)
}

/// MySQL's packed ("length-encoded") integer: one byte below 251, else a marker byte
/// (252: 2 bytes, 253: 3 bytes, 254: 8 bytes). 251 is SQL NULL, 255 is invalid.
pub(crate) fn packed_int(input: &[u8]) -> PResult<'_, Option<u64>> {
    let (rest, first) = le_u8(input)?;
    match first {
        0..=250 => Ok((rest, Some(u64::from(first)))),
        251 => Ok((rest, None)),
        252 => le_u16(rest).map(|(r, v)| (r, Some(u64::from(v)))),
        253 => le_u24(rest).map(|(r, v)| (r, Some(u64::from(v)))),
        254 => le_u64(rest).map(|(r, v)| (r, Some(v))),
        _ => fail(input, "a packed integer starts with the invalid byte 255"),
    }
}

/// A packed integer that must not be NULL.
pub(crate) fn packed_len(input: &[u8]) -> PResult<'_, u64> {
    match packed_int(input)? {
        (rest, Some(v)) => Ok((rest, v)),
        (_, None) => fail(input, "a packed length is NULL (251)"),
    }
}

/// Bytes up to a NUL, which is consumed.
pub(crate) fn cstr(input: &[u8]) -> PResult<'_, &[u8]> {
    let (rest, s) = take_until(&b"\0"[..]).parse(input)?;
    Ok((rest.get(1..).unwrap_or_default(), s))
}

/// A string preceded by a one-byte length.
pub(crate) fn u8_prefixed(input: &[u8]) -> PResult<'_, &[u8]> {
    let (rest, n) = le_u8(input)?;
    bytes(rest, u64::from(n))
}

/// A string preceded by a packed-integer length.
pub(crate) fn packed_prefixed(input: &[u8]) -> PResult<'_, &[u8]> {
    let (rest, n) = packed_len(input)?;
    bytes(rest, n)
}

/// One field of the type-length-value lists MySQL 8 uses in TRANSACTION_PAYLOAD and
/// HEARTBEAT_V2 (`codecs/binary.cpp`): a packed type, and unless it is the end mark 0, a
/// packed length and that many bytes. `None` at the end mark.
pub(crate) fn packed_tlv(input: &[u8]) -> PResult<'_, Option<(u64, &[u8])>> {
    let (rest, field) = packed_len(input)?;
    if field == 0 {
        return Ok((rest, None));
    }
    let (rest, len) = packed_len(rest)?;
    let (rest, value) = bytes(rest, len)?;
    Ok((rest, Some((field, value))))
}

/// A bitmap of `bits` bits, `(bits + 7) / 8` bytes.
pub(crate) fn bitmap(input: &[u8], bits: u64) -> PResult<'_, &[u8]> {
    bytes(input, bits.div_ceil(8))
}

/// A 16-byte UUID.
pub(crate) fn uuid(input: &[u8]) -> PResult<'_, [u8; 16]> {
    let (rest, b) = take(16usize).parse(input)?;
    let mut out = [0u8; 16];
    out.copy_from_slice(b);
    Ok((rest, out))
}

/// Splits `data` into the first `n` bytes and the rest, failing if it is shorter.
pub(crate) fn split(data: &[u8], n: usize) -> PResult<'_, &[u8]> {
    take(n).parse(data)
}

/// The bytes before the first NUL (or all of them): fixed-width C string fields such as
/// the 50-byte server version.
pub(crate) fn trim_nul(b: &[u8]) -> &[u8] {
    match b.iter().position(|&c| c == 0) {
        Some(p) => b.get(..p).unwrap_or(b),
        None => b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_int_forms() {
        assert_eq!(packed_int(&[250]).map(|(_, v)| v), Ok(Some(250)));
        assert_eq!(packed_int(&[251]).map(|(_, v)| v), Ok(None));
        assert_eq!(
            packed_int(&[252, 0x34, 0x12]).map(|(_, v)| v),
            Ok(Some(0x1234))
        );
        assert_eq!(
            packed_int(&[253, 1, 2, 3]).map(|(_, v)| v),
            Ok(Some(0x030201))
        );
        assert_eq!(
            packed_int(&[254, 1, 2, 3, 4, 5, 6, 7, 8]).map(|(_, v)| v),
            Ok(Some(0x0807060504030201))
        );
        assert!(packed_int(&[255]).is_err());
        assert!(packed_int(&[254, 1, 2]).is_err());
        assert!(packed_int(&[]).is_err());
    }

    #[test]
    fn lengths_past_the_end_fail() {
        assert!(bytes(&[1, 2, 3], 4).is_err());
        assert!(bytes(&[1, 2, 3], u64::MAX).is_err());
        assert!(u8_prefixed(&[5, b'a']).is_err());
        assert_eq!(u8_prefixed(&[1, b'a', b'b']), Ok((&b"b"[..], &b"a"[..])));
    }

    #[test]
    fn cstr_and_trim() {
        assert_eq!(cstr(b"ab\0cd"), Ok((&b"cd"[..], &b"ab"[..])));
        assert!(cstr(b"abcd").is_err());
        assert_eq!(trim_nul(b"5.7\0\0\0"), b"5.7");
        assert_eq!(
            le_uint(&[1, 2, 3, 4, 5, 6], 6).map(|(_, v)| v),
            Ok(0x060504030201)
        );
    }
}
