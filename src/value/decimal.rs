//! MySQL's binary DECIMAL format (`decimal2bin`), decoded exactly, as decimal digits.
//!
//! The digits are stored in groups of nine per four bytes, big-endian, with a shorter
//! group for the leading integer digits and the trailing fraction digits that do not fill
//! nine (1-2 digits: 1 byte, 3-4: 2, 5-6: 3, 7-9: 4). The top bit of the first byte is set
//! for a value of zero or more; a negative value has every byte inverted.

use std::fmt;

/// Bytes taken by a group of 0 to 9 digits.
const DIG2BYTES: [usize; 10] = [0, 1, 1, 2, 2, 3, 3, 4, 4, 4];
const DIGITS_PER_GROUP: u32 = 9;

/// The number of bytes a DECIMAL(precision, scale) value takes, or `None` when scale
/// exceeds precision.
pub fn binary_size(precision: u8, scale: u8) -> Option<usize> {
    let intg = usize::from(precision.checked_sub(scale)?);
    let frac = usize::from(scale);
    let part = |digits: usize| (digits / 9) * 4 + DIG2BYTES.get(digits % 9).copied().unwrap_or(0);
    Some(part(intg) + part(frac))
}

/// A DECIMAL value: its precision, scale and stored bytes, printed exactly.
///
/// ```
/// use binlogkit::value::Decimal;
/// // DECIMAL(5,2) -12.34, as MySQL stores it.
/// let d = Decimal::new(5, 2, &[0x7f, 0xf3, 0xdd])?;
/// assert_eq!(d.to_string(), "-12.34");
/// # Ok::<(), binlogkit::value::DecimalError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Decimal<'a> {
    precision: u8,
    scale: u8,
    bytes: &'a [u8],
}

/// The bytes of a DECIMAL do not hold one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DecimalError {
    /// Scale above precision, precision above 65, or scale above 38 (MariaDB's limit;
    /// MySQL's is 30).
    #[error("DECIMAL({precision},{scale}) is not a valid DECIMAL type")]
    BadType {
        /// The precision.
        precision: u8,
        /// The scale.
        scale: u8,
    },
    /// The byte count does not match the type.
    #[error("a DECIMAL({precision},{scale}) takes {expected} bytes, got {found}")]
    BadLength {
        /// The precision.
        precision: u8,
        /// The scale.
        scale: u8,
        /// The bytes the type takes.
        expected: usize,
        /// The bytes given.
        found: usize,
    },
    /// A digit group holds a value with more digits than the group has.
    #[error("a DECIMAL digit group holds {value}, more digits than it has")]
    BadDigits {
        /// The group's value.
        value: u32,
    },
}

impl<'a> Decimal<'a> {
    /// A DECIMAL(precision, scale) from its stored bytes (exactly
    /// [`binary_size`] of them), checked.
    pub fn new(precision: u8, scale: u8, bytes: &'a [u8]) -> Result<Self, DecimalError> {
        // MariaDB allows DECIMAL(65,38); MySQL stops at a scale of 30.
        if scale > precision || precision > 65 || scale > 38 {
            return Err(DecimalError::BadType { precision, scale });
        }
        let expected = binary_size(precision, scale).unwrap_or(0);
        if bytes.len() != expected {
            return Err(DecimalError::BadLength {
                precision,
                scale,
                expected,
                found: bytes.len(),
            });
        }
        let d = Decimal {
            precision,
            scale,
            bytes,
        };
        d.walk(|_| Ok(()))?;
        Ok(d)
    }

    /// The precision (total digits).
    pub fn precision(&self) -> u8 {
        self.precision
    }

    /// The scale (digits after the point).
    pub fn scale(&self) -> u8 {
        self.scale
    }

    /// The stored bytes.
    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// Whether the value is below zero.
    pub fn is_negative(&self) -> bool {
        self.bytes.first().is_some_and(|b| b & 0x80 == 0)
    }

    /// Calls `digit` with every digit group from the first, as (value, digit count, is
    /// fraction).
    fn walk(
        &self,
        mut each: impl FnMut((u32, u32, bool)) -> Result<(), DecimalError>,
    ) -> Result<(), DecimalError> {
        let mask: u8 = if self.is_negative() { 0xff } else { 0 };
        let intg = u32::from(self.precision - self.scale);
        let frac = u32::from(self.scale);
        // A partial integer group first, then whole groups, then a partial fraction
        // group last (`decimal2bin`).
        let leading = (intg % DIGITS_PER_GROUP != 0).then_some((intg % DIGITS_PER_GROUP, false));
        let trailing = (frac % DIGITS_PER_GROUP != 0).then_some((frac % DIGITS_PER_GROUP, true));
        let groups = leading
            .into_iter()
            .chain(std::iter::repeat_n(
                (DIGITS_PER_GROUP, false),
                (intg / DIGITS_PER_GROUP) as usize,
            ))
            .chain(std::iter::repeat_n(
                (DIGITS_PER_GROUP, true),
                (frac / DIGITS_PER_GROUP) as usize,
            ))
            .chain(trailing);
        let mut at = 0usize;
        for (n, (digits, fraction)) in groups.enumerate() {
            let size = DIG2BYTES.get(digits as usize).copied().unwrap_or(4);
            let chunk = self.bytes.get(at..at + size).unwrap_or_default();
            at += size;
            let mut value = 0u32;
            for (i, &b) in chunk.iter().enumerate() {
                // The sign bit is the top bit of the first byte.
                let b = if n == 0 && i == 0 { b ^ 0x80 } else { b };
                value = (value << 8) | u32::from(b ^ mask);
            }
            if value >= 10u32.pow(digits) {
                return Err(DecimalError::BadDigits { value });
            }
            each((value, digits, fraction))?;
        }
        Ok(())
    }
}

impl Decimal<'_> {
    /// Appends the text `Display` gives to `out`, without building it elsewhere first.
    pub(crate) fn push_text(&self, out: &mut impl crate::util::AsciiOut) {
        if self.is_negative() {
            out.push_ascii(b'-');
        }
        // Leading zeros of the integer part are skipped until its first other digit;
        // a zero integer part prints as `0`.
        let mut int_started = false;
        let mut in_fraction = false;
        // `new` checked every group, so the walk cannot fail here.
        let _ = self.walk(|(value, digits, fraction)| {
            let group = crate::util::Digits::new(u64::from(value), digits as usize);
            let mut group = group.as_bytes();
            if fraction && !in_fraction {
                if !int_started {
                    out.push_ascii(b'0');
                    int_started = true;
                }
                out.push_ascii(b'.');
                in_fraction = true;
            }
            if !int_started {
                while let [b'0', rest @ ..] = group {
                    group = rest;
                }
                int_started = !group.is_empty();
            }
            out.push_ascii_slice(group);
            Ok(())
        });
        if !int_started {
            out.push_ascii(b'0');
        }
    }
}

impl fmt::Display for Decimal<'_> {
    /// The exact value as MySQL prints it: `-` when negative, the integer part without
    /// leading zeros (at least `0`), and exactly `scale` fraction digits.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = String::with_capacity(usize::from(self.precision) + 3);
        self.push_text(&mut text);
        f.write_str(&text)
    }
}

impl fmt::Debug for Decimal<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Decimal({}, {}, {})", self.precision, self.scale, self)
    }
}

// Unit tests only: their unwrap/expect/panic! run on fixed inputs, never on a data path.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        // From MySQL's own documentation of decimal2bin: 1234567890.1234 as DECIMAL(14,4).
        let bytes = [0x81, 0x0d, 0xfb, 0x38, 0xd2, 0x04, 0xd2];
        assert_eq!(
            Decimal::new(14, 4, &bytes).map(|d| d.to_string()),
            Ok("1234567890.1234".to_owned())
        );
        // The same negated: every byte inverted.
        let neg: Vec<u8> = bytes.iter().map(|b| !b).collect();
        assert_eq!(
            Decimal::new(14, 4, &neg).map(|d| d.to_string()),
            Ok("-1234567890.1234".to_owned())
        );
        // USER_VAR fixture (mysql-cdc-rs 14_user_var): DECIMAL(3,2) 1.00.
        assert_eq!(
            Decimal::new(3, 2, &[0x81, 0x00]).map(|d| d.to_string()),
            Ok("1.00".to_owned())
        );
        // MariaDB transactions.bin: DECIMAL(4,2) 12.50.
        assert_eq!(
            Decimal::new(4, 2, &[0x8c, 0x32]).map(|d| d.to_string()),
            Ok("12.50".to_owned())
        );
        assert_eq!(
            Decimal::new(1, 0, &[0x80]).map(|d| d.to_string()),
            Ok("0".to_owned())
        );
    }

    #[test]
    fn leading_zero_groups_and_zero_integer_parts() {
        let text = |p, s, b: &[u8]| Decimal::new(p, s, b).map(|d| d.to_string());
        // DECIMAL(20,0) 5: a zero two-digit group and a zero nine-digit group first.
        assert_eq!(text(20, 0, &[0x80, 0, 0, 0, 0, 0, 0, 0, 5]), Ok("5".into()));
        // -5: every byte complemented.
        let neg = [0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfa];
        assert_eq!(text(20, 0, &neg), Ok("-5".into()));
        // DECIMAL(20,0) 0.
        assert_eq!(text(20, 0, &[0x80, 0, 0, 0, 0, 0, 0, 0, 0]), Ok("0".into()));
        // DECIMAL(4,2) 0.05 and -0.05: the integer part prints as 0.
        assert_eq!(text(4, 2, &[0x80, 5]), Ok("0.05".into()));
        assert_eq!(text(4, 2, &[0x7f, 0xfa]), Ok("-0.05".into()));
        // DECIMAL(2,2): no integer digits at all.
        assert_eq!(text(2, 2, &[0x80 | 7]), Ok("0.07".into()));
        // DECIMAL(11,1) 1000000000.5: a one-digit group then a full one, no zeros cut
        // inside the integer part.
        assert_eq!(
            text(11, 1, &[0x81, 0, 0, 0, 0, 5]),
            Ok("1000000000.5".into())
        );
    }

    #[test]
    fn mariadb_scales_up_to_38() {
        // DECIMAL(39,32) 0.5 (MariaDB): 7 integer digits (4 bytes, sign bit set), then
        // 32 fraction digits as 9+9+9+5 (4+4+4+3 bytes).
        let mut bytes = vec![0x80, 0, 0, 0];
        bytes.extend_from_slice(&500_000_000u32.to_be_bytes());
        bytes.extend_from_slice(&[0; 11]);
        let d = Decimal::new(39, 32, &bytes).unwrap();
        assert_eq!(d.to_string(), format!("0.5{}", "0".repeat(31)));
        assert_eq!(binary_size(65, 38), Some(29));
    }

    #[test]
    fn rejects_bad_input() {
        assert!(Decimal::new(3, 4, &[]).is_err());
        assert!(Decimal::new(66, 0, &[0; 30]).is_err());
        assert!(Decimal::new(65, 39, &[0; 30]).is_err());
        assert!(Decimal::new(3, 2, &[0x81]).is_err());
        // A one-digit group holding 10.
        assert!(Decimal::new(1, 0, &[0x8a]).is_err());
    }

    #[test]
    fn sizes() {
        assert_eq!(binary_size(65, 30), Some(30));
        assert_eq!(binary_size(10, 2), Some(5));
        assert_eq!(binary_size(18, 9), Some(8));
        assert_eq!(binary_size(2, 3), None);
    }
}
