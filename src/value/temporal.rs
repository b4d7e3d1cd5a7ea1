//! MySQL's temporal values, decoded from row images exactly as the server stores them:
//! zero dates and zero parts kept, TIME up to ±838:59:59.999999 (and what a corrupt
//! value holds beyond), TIMESTAMP as UTC seconds and microseconds, never shifted by a
//! zone. Conversions to chrono are fallible (`TryFrom`), for the values chrono can hold.
//!
//! Encodings (MySQL `my_time.cc`: `my_date_*`, `TIME_from_longlong_*_packed`,
//! `my_*_packed_from_binary`, `my_timestamp_from_binary`):
//!
//! | type | bytes |
//! |---|---|
//! | DATE | 3, little-endian: day (5 bits), month (4), year (15) |
//! | TIME (old) | 3, little-endian, signed: HHMMSS as a number |
//! | DATETIME (old) | 8, little-endian: YYYYMMDDHHMMSS as a number |
//! | TIMESTAMP (old) | 4, little-endian seconds |
//! | TIME2 | 3 big-endian + fraction; offset 0x800000: sign, 1 unused bit, hour (10), minute (6), second (6) |
//! | DATETIME2 | 5 big-endian + fraction; offset 0x8000000000: sign, year×13+month (17), day (5), hour (5), minute (6), second (6) |
//! | TIMESTAMP2 | 4 big-endian seconds + fraction |
//!
//! The fraction takes (fsp + 1) / 2 bytes, big-endian: hundredths of a second for fsp 1-2,
//! ten-thousandths for 3-4, microseconds for 5-6. A negative TIME2 stores its fraction
//! complemented (for binary sorting).

use std::fmt;

use crate::util::{Digits, push_digits};

/// A DATE: year, month and day as stored, zeros allowed (`0000-00-00`, `2020-01-00`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    /// The year (0 to 9999).
    pub year: u16,
    /// The month (0 to 12; 0 in a zero date).
    pub month: u8,
    /// The day (0 to 31; 0 in a zero date).
    pub day: u8,
}

/// A TIME: a signed duration of hours, minutes, seconds and microseconds (MySQL's range
/// is ±838:59:59.999999).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Time {
    /// True for a negative TIME.
    pub negative: bool,
    /// Hours (may exceed 23).
    pub hours: u16,
    /// Minutes.
    pub minutes: u8,
    /// Seconds.
    pub seconds: u8,
    /// Microseconds.
    pub micros: u32,
    /// Fractional digits of the column (0 to 6).
    pub fsp: u8,
}

/// A DATETIME: a date and a time of day, zeros allowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DateTime {
    /// The date.
    pub date: Date,
    /// The hour (0 to 23).
    pub hour: u8,
    /// The minute.
    pub minute: u8,
    /// The second.
    pub second: u8,
    /// Microseconds.
    pub micros: u32,
    /// Fractional digits of the column (0 to 6).
    pub fsp: u8,
}

/// A TIMESTAMP: seconds since 1970-01-01 00:00:00 UTC and microseconds. `0.0` is the zero
/// timestamp (`0000-00-00 00:00:00`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Timestamp {
    /// Seconds since the epoch, UTC.
    pub seconds: u32,
    /// Microseconds.
    pub micros: u32,
    /// Fractional digits of the column (0 to 6).
    pub fsp: u8,
}

/// Appends the digits of `v`, at least `width` of them; the two-digit fields (every one
/// but the year and the hours, in a valid value) without dividing more than once.
fn push_field(out: &mut String, v: u64, width: usize) {
    if width == 2 && v < 100 {
        out.push(char::from(b'0' + (v / 10) as u8));
        out.push(char::from(b'0' + (v % 10) as u8));
    } else {
        push_digits(out, v, width);
    }
}

/// Appends `.` and the first `fsp` digits of `micros` (zero-padded to six), when `fsp`
/// is not 0.
fn push_fraction(out: &mut String, micros: u32, fsp: u8) {
    if fsp == 0 {
        return;
    }
    let digits = Digits::new(u64::from(micros), 6);
    let digits = digits.as_bytes();
    out.push('.');
    let shown = digits.get(..usize::from(fsp.min(6))).unwrap_or(digits);
    out.extend(shown.iter().map(|&b| char::from(b)));
}

impl Date {
    /// Appends `YYYY-MM-DD` (what `Display` prints) to `out`.
    pub(crate) fn push_text(&self, out: &mut String) {
        push_digits(out, u64::from(self.year), 4);
        out.push('-');
        push_field(out, u64::from(self.month), 2);
        out.push('-');
        push_field(out, u64::from(self.day), 2);
    }
}

impl Time {
    /// Appends `[-]HH:MM:SS` with `.` and `fsp` digits when the column has them (what
    /// `Display` prints) to `out`.
    pub(crate) fn push_text(&self, out: &mut String) {
        if self.negative {
            out.push('-');
        }
        push_field(out, u64::from(self.hours), 2);
        out.push(':');
        push_field(out, u64::from(self.minutes), 2);
        out.push(':');
        push_field(out, u64::from(self.seconds), 2);
        push_fraction(out, self.micros, self.fsp);
    }
}

impl DateTime {
    /// Appends `YYYY-MM-DD HH:MM:SS` with `.` and `fsp` digits when the column has them
    /// (what `Display` prints) to `out`.
    pub(crate) fn push_text(&self, out: &mut String) {
        self.date.push_text(out);
        out.push(' ');
        push_field(out, u64::from(self.hour), 2);
        out.push(':');
        push_field(out, u64::from(self.minute), 2);
        out.push(':');
        push_field(out, u64::from(self.second), 2);
        push_fraction(out, self.micros, self.fsp);
    }
}

/// `Display` through a value's `push_text`.
macro_rules! display_by_push_text {
    ($($ty:ty),*) => {$(
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let mut text = String::with_capacity(32);
                self.push_text(&mut text);
                f.write_str(&text)
            }
        }
    )*};
}

display_by_push_text!(Date, Time, DateTime, Timestamp);

impl Timestamp {
    /// Appends the UTC date and time (see [`Timestamp::to_utc`]), what `Display`
    /// prints, to `out`.
    pub(crate) fn push_text(&self, out: &mut String) {
        self.to_utc().push_text(out);
    }

    /// True for the zero timestamp.
    pub fn is_zero(&self) -> bool {
        self.seconds == 0 && self.micros == 0
    }

    /// The UTC date and time, as MySQL shows it with `time_zone='+00:00'` (the zero
    /// timestamp as `0000-00-00 00:00:00`).
    pub fn to_utc(&self) -> DateTime {
        if self.is_zero() {
            return DateTime {
                date: Date {
                    year: 0,
                    month: 0,
                    day: 0,
                },
                hour: 0,
                minute: 0,
                second: 0,
                micros: 0,
                fsp: self.fsp,
            };
        }
        let days = i64::from(self.seconds / 86_400);
        let rem = self.seconds % 86_400;
        let (year, month, day) = civil_from_days(days);
        DateTime {
            date: Date { year, month, day },
            hour: (rem / 3600) as u8,
            minute: (rem / 60 % 60) as u8,
            second: (rem % 60) as u8,
            micros: self.micros,
            fsp: self.fsp,
        }
    }
}

/// The proleptic Gregorian date of a day count from 1970-01-01 (Howard Hinnant's
/// `civil_from_days`), for the non-negative counts a u32 timestamp gives.
fn civil_from_days(z: i64) -> (u16, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    (y as u16, m as u8, d as u8)
}

fn be(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b))
}

fn le(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .rev()
        .fold(0u64, |acc, &b| (acc << 8) | u64::from(b))
}

/// The number of fraction bytes of a column with `fsp` digits.
pub(crate) fn fraction_len(fsp: u8) -> usize {
    usize::from(fsp.min(6)).div_ceil(2)
}

/// The fraction of a TIMESTAMP2 or DATETIME2, in microseconds, from its bytes; `signed`
/// reads it as a signed number (DATETIME2 does).
fn fraction(bytes: &[u8], signed: bool) -> i64 {
    let raw = be(bytes) as i64;
    let value = if signed && !bytes.is_empty() {
        let bits = 8 * bytes.len() as u32;
        (raw << (64 - bits)) >> (64 - bits)
    } else {
        raw
    };
    match bytes.len() {
        1 => value * 10_000,
        2 => value * 100,
        _ => value,
    }
}

/// DATE (3 bytes).
pub(crate) fn date(b: [u8; 3]) -> Date {
    let v = le(&b) as u32;
    Date {
        year: (v >> 9) as u16,
        month: ((v >> 5) & 15) as u8,
        day: (v & 31) as u8,
    }
}

/// Old TIME (3 bytes, signed HHMMSS).
pub(crate) fn time_v1(b: [u8; 3]) -> Time {
    let raw = le(&b) as i64;
    let v = (raw << 40) >> 40;
    let a = v.unsigned_abs();
    Time {
        negative: v < 0,
        hours: (a / 10_000) as u16,
        minutes: (a / 100 % 100) as u8,
        seconds: (a % 100) as u8,
        micros: 0,
        fsp: 0,
    }
}

/// Old DATETIME (8 bytes, YYYYMMDDHHMMSS).
pub(crate) fn datetime_v1(b: [u8; 8]) -> DateTime {
    let v = u64::from_le_bytes(b);
    let (d, t) = (v / 1_000_000, v % 1_000_000);
    DateTime {
        date: Date {
            year: (d / 10_000 % 10_000) as u16,
            month: (d / 100 % 100) as u8,
            day: (d % 100) as u8,
        },
        hour: (t / 10_000) as u8,
        minute: (t / 100 % 100) as u8,
        second: (t % 100) as u8,
        micros: 0,
        fsp: 0,
    }
}

/// TIME2: 3 bytes and the fraction.
pub(crate) fn time_v2(int_part: [u8; 3], frac: &[u8], fsp: u8) -> Time {
    const TIMEF_INT_OFS: i64 = 0x80_0000;
    let mut int = be(&int_part) as i64 - TIMEF_INT_OFS;
    let micros: i64 = match frac.len() {
        0 => 0,
        3 => {
            // fsp 5-6: the six bytes together are one offset number.
            let whole = be(&int_part) << 24 | be(frac);
            let packed = whole as i64 - 0x8000_0000_0000;
            return packed_time(packed, fsp);
        }
        n => {
            let mut f = be(frac) as i64;
            if int < 0 && f != 0 {
                // Negative values store the fraction complemented.
                int += 1;
                f -= 1 << (8 * n);
            }
            if n == 1 { f * 10_000 } else { f * 100 }
        }
    };
    packed_time((int << 24) + micros, fsp)
}

/// A TIME from MySQL's packed form: integer part (hour 10 bits, minute 6, second 6) above
/// 24 bits of microseconds, negated for a negative value.
fn packed_time(packed: i64, fsp: u8) -> Time {
    let a = packed.unsigned_abs();
    let hms = a >> 24;
    Time {
        negative: packed < 0,
        hours: ((hms >> 12) % (1 << 10)) as u16,
        minutes: ((hms >> 6) % 64) as u8,
        seconds: (hms % 64) as u8,
        micros: (a % (1 << 24)) as u32,
        fsp,
    }
}

/// DATETIME2: 5 bytes and the fraction.
pub(crate) fn datetime_v2(int_part: [u8; 5], frac: &[u8], fsp: u8) -> DateTime {
    const DATETIMEF_INT_OFS: i64 = 0x80_0000_0000;
    let int = be(&int_part) as i64 - DATETIMEF_INT_OFS;
    // The smallest integer part with a negative fraction (bytes a server never writes)
    // goes below i64::MIN: wrap as the server's C arithmetic does.
    let packed = (int << 24).wrapping_add(fraction(frac, true));
    // A DATETIME is never negative; MySQL takes the absolute value as well.
    let a = packed.unsigned_abs();
    let ymdhms = a >> 24;
    let ymd = ymdhms >> 17;
    let ym = ymd >> 5;
    let hms = ymdhms % (1 << 17);
    DateTime {
        date: Date {
            year: (ym / 13) as u16,
            month: (ym % 13) as u8,
            day: (ymd % 32) as u8,
        },
        hour: (hms >> 12) as u8,
        minute: ((hms >> 6) % 64) as u8,
        second: (hms % 64) as u8,
        micros: (a % (1 << 24)) as u32,
        fsp,
    }
}

/// TIMESTAMP2: 4 big-endian bytes of seconds and the fraction.
pub(crate) fn timestamp_v2(seconds: [u8; 4], frac: &[u8], fsp: u8) -> Timestamp {
    Timestamp {
        seconds: u32::from_be_bytes(seconds),
        micros: fraction(frac, false).clamp(0, i64::from(u32::MAX)) as u32,
        fsp,
    }
}

/// The size of a MariaDB legacy hi-res TIME, DATETIME or TIMESTAMP with `fsp` (1-6)
/// fractional digits (`Field_time_hires`, `Field_datetime_hires`,
/// `Field_timestamp_hires`).
pub(crate) fn legacy_hires_len(t: crate::ColumnType, fsp: u8) -> usize {
    let n = usize::from(fsp.min(6));
    let table: &[usize; 7] = match t {
        crate::ColumnType::TIME => &[3, 4, 4, 5, 5, 5, 6],
        crate::ColumnType::DATETIME => &[8, 6, 6, 7, 7, 7, 8],
        _ => &[4, 5, 5, 6, 6, 7, 7],
    };
    table.get(n).copied().unwrap_or(8)
}

/// A MariaDB legacy hi-res temporal value (`fsp` 1-6), all big-endian:
/// TIME: `±((h·60+m)·60+s)·10^fsp + fraction` plus `3020400·10^fsp` (839 hours);
/// DATETIME: `(((((Y·13+M)·32+D)·24+h)·60+m)·60+s)·10^6+µs` divided by `10^(6-fsp)`;
/// TIMESTAMP: 4 bytes of seconds, then the fraction `µs / 10^(6-fsp)`.
pub(crate) fn legacy_hires(
    t: crate::ColumnType,
    b: &[u8],
    fsp: u8,
) -> Result<super::Value<'static>, super::ValueError> {
    let fsp = fsp.min(6);
    let unit = 10u64.pow(u32::from(fsp));
    let scale = 10u64.pow(u32::from(6 - fsp));
    match t {
        crate::ColumnType::TIME => {
            let zero_point = 3_020_400 * unit;
            let v = be(b) as i64 - zero_point as i64;
            let a = v.unsigned_abs();
            let secs = a / unit;
            Ok(super::Value::Time(Time {
                negative: v < 0,
                hours: (secs / 3600).min(u64::from(u16::MAX)) as u16,
                minutes: (secs / 60 % 60) as u8,
                seconds: (secs % 60) as u8,
                micros: ((a % unit) * scale) as u32,
                fsp,
            }))
        }
        crate::ColumnType::DATETIME => {
            let mut x = be(b).saturating_mul(scale);
            let micros = (x % 1_000_000) as u32;
            x /= 1_000_000;
            let second = (x % 60) as u8;
            x /= 60;
            let minute = (x % 60) as u8;
            x /= 60;
            let hour = (x % 24) as u8;
            x /= 24;
            let day = (x % 32) as u8;
            x /= 32;
            Ok(super::Value::DateTime(DateTime {
                date: Date {
                    year: (x / 13).min(u64::from(u16::MAX)) as u16,
                    month: (x % 13) as u8,
                    day,
                },
                hour,
                minute,
                second,
                micros,
                fsp,
            }))
        }
        _ => {
            let (secs, frac) = b.split_at_checked(4).ok_or(super::ValueError::Malformed(
                "a legacy TIMESTAMP is shorter than 4 bytes",
            ))?;
            Ok(super::Value::Timestamp(Timestamp {
                seconds: be(secs) as u32,
                micros: (be(frac).saturating_mul(scale)).min(u64::from(u32::MAX)) as u32,
                fsp,
            }))
        }
    }
}

/// A temporal value chrono cannot hold (a zero date or part, a TIME outside a day, ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0} has no chrono equivalent (zero date, zero part or out of range)")]
pub struct OutOfChronoRange(pub &'static str);

#[cfg(feature = "chrono")]
mod chrono_impls {
    use super::*;
    use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Utc};

    impl TryFrom<Date> for NaiveDate {
        type Error = OutOfChronoRange;
        fn try_from(d: Date) -> Result<Self, Self::Error> {
            NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                .ok_or(OutOfChronoRange("this DATE"))
        }
    }

    impl TryFrom<DateTime> for NaiveDateTime {
        type Error = OutOfChronoRange;
        fn try_from(d: DateTime) -> Result<Self, Self::Error> {
            let date =
                NaiveDate::try_from(d.date).map_err(|_| OutOfChronoRange("this DATETIME"))?;
            let time = NaiveTime::from_hms_micro_opt(
                u32::from(d.hour),
                u32::from(d.minute),
                u32::from(d.second),
                d.micros,
            )
            .ok_or(OutOfChronoRange("this DATETIME"))?;
            Ok(date.and_time(time))
        }
    }

    impl TryFrom<Timestamp> for chrono::DateTime<Utc> {
        type Error = OutOfChronoRange;
        /// The zero timestamp has no equivalent.
        fn try_from(t: Timestamp) -> Result<Self, Self::Error> {
            if t.is_zero() {
                return Err(OutOfChronoRange("the zero TIMESTAMP"));
            }
            chrono::DateTime::from_timestamp(i64::from(t.seconds), t.micros.saturating_mul(1000))
                .ok_or(OutOfChronoRange("this TIMESTAMP"))
        }
    }

    impl TryFrom<Time> for TimeDelta {
        type Error = OutOfChronoRange;
        /// Any TIME: a signed duration.
        fn try_from(t: Time) -> Result<Self, Self::Error> {
            let micros = ((i64::from(t.hours) * 60 + i64::from(t.minutes)) * 60
                + i64::from(t.seconds))
                * 1_000_000
                + i64::from(t.micros);
            Ok(TimeDelta::microseconds(if t.negative {
                -micros
            } else {
                micros
            }))
        }
    }

    impl TryFrom<Time> for NaiveTime {
        type Error = OutOfChronoRange;
        /// A TIME of day: not negative, below 24 hours.
        fn try_from(t: Time) -> Result<Self, Self::Error> {
            if t.negative {
                return Err(OutOfChronoRange("a negative TIME"));
            }
            NaiveTime::from_hms_micro_opt(
                u32::from(t.hours),
                u32::from(t.minutes),
                u32::from(t.seconds),
                t.micros,
            )
            .ok_or(OutOfChronoRange("this TIME"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// TIME2 bytes as MySQL's `my_time_packed_to_binary` writes them for fsp 0 and 5-6
    /// (the short fractions are checked with hand-computed bytes below).
    fn time2_bytes(negative: bool, h: i64, m: i64, s: i64, micros: i64, fsp: u8) -> Vec<u8> {
        let int = (h << 12) | (m << 6) | s;
        let mut packed = (int << 24) + micros;
        if negative {
            packed = -packed;
        }
        if fsp == 0 {
            let v = ((packed >> 24) + 0x80_0000) as u32;
            v.to_be_bytes()[1..].to_vec()
        } else {
            let v = (packed + 0x8000_0000_0000) as u64;
            v.to_be_bytes()[2..].to_vec()
        }
    }

    #[test]
    fn corrupt_datetime2_bytes_do_not_overflow() {
        // The smallest integer part with a negative fraction: below i64::MIN unwrapped.
        for frac in [&[0x80u8][..], &[0x80, 0x00], &[0x80, 0x00, 0x00]] {
            let fsp = [2, 4, 6][frac.len() - 1];
            let d = datetime_v2([0; 5], frac, fsp);
            assert!(d.to_string().len() >= 19, "{d}");
        }
    }

    #[test]
    fn time2_edges() {
        // 838:59:59 and -838:59:59, fsp 0 (MySQL TIME_MAX_VALUE).
        for (neg, text) in [(false, "838:59:59"), (true, "-838:59:59")] {
            let b = time2_bytes(neg, 838, 59, 59, 0, 0);
            let t = time_v2([b[0], b[1], b[2]], &[], 0);
            assert_eq!(t.to_string(), text);
        }
        // fsp 6: -00:00:01.000001 and 12:34:56.789012.
        let b = time2_bytes(true, 0, 0, 1, 1, 6);
        assert_eq!(
            time_v2([b[0], b[1], b[2]], &b[3..], 6).to_string(),
            "-00:00:01.000001"
        );
        let b = time2_bytes(false, 12, 34, 56, 789_012, 6);
        assert_eq!(
            time_v2([b[0], b[1], b[2]], &b[3..], 6).to_string(),
            "12:34:56.789012"
        );
    }

    #[test]
    fn negative_time2_with_short_fractions() {
        // -00:00:00.5 with fsp 1: MySQL stores int part -1 (0x7fffff) and fraction
        // 0x100 - 50 = 0xce.
        let t = time_v2([0x7f, 0xff, 0xff], &[0xce], 1);
        assert_eq!(t.to_string(), "-00:00:00.5");
        // -01:00:00.25 with fsp 2: packed int part for 1:00:00 is 0x1000 => stored
        // 0x800000 - 0x1000 - 1 and fraction 0x100 - 25.
        let t = time_v2([0x7f, 0xef, 0xff], &[0xe7], 2);
        assert_eq!(t.to_string(), "-01:00:00.25");
        // fsp 4, -00:00:01.0001: int -2, fraction 0x10000 - 1.
        let t = time_v2([0x7f, 0xff, 0xfe], &[0xff, 0xff], 4);
        assert_eq!(t.to_string(), "-00:00:01.0001");
    }

    #[test]
    fn dates_and_datetimes() {
        // 2023-11-14: (2023 << 9) | (11 << 5) | 14.
        let v: u32 = (2023 << 9) | (11 << 5) | 14;
        let b = v.to_le_bytes();
        assert_eq!(date([b[0], b[1], b[2]]).to_string(), "2023-11-14");
        assert_eq!(date([0, 0, 0]).to_string(), "0000-00-00");
        // DATETIME2 2023-11-14 22:13:20.123456, fsp 6.
        let ym = 2023 * 13 + 11;
        let int: i64 = ((((ym << 5) | 14) << 17) | (22 << 12) | (13 << 6) | 20) + 0x80_0000_0000;
        let ib = (int as u64).to_be_bytes();
        let fb = 123_456u32.to_be_bytes();
        let d = datetime_v2([ib[3], ib[4], ib[5], ib[6], ib[7]], &fb[1..], 6);
        assert_eq!(d.to_string(), "2023-11-14 22:13:20.123456");
        // The zero DATETIME.
        let d = datetime_v2([0x80, 0, 0, 0, 0], &[], 0);
        assert_eq!(d.to_string(), "0000-00-00 00:00:00");
        // Old DATETIME 2004-02-29 23:59:58.
        let d = datetime_v1(20040229235958u64.to_le_bytes());
        assert_eq!(d.to_string(), "2004-02-29 23:59:58");
        // Old TIME -12:34:56.
        let v = (-123456i32).to_le_bytes();
        assert_eq!(time_v1([v[0], v[1], v[2]]).to_string(), "-12:34:56");
    }

    #[test]
    fn timestamps() {
        let t = timestamp_v2(1_700_000_000u32.to_be_bytes(), &[0x01, 0xe2, 0x40], 6);
        assert_eq!(t.micros, 123_456);
        assert_eq!(t.to_string(), "2023-11-14 22:13:20.123456");
        let t = timestamp_v2(2_147_483_647u32.to_be_bytes(), &[], 0);
        assert_eq!(t.to_string(), "2038-01-19 03:14:07");
        let zero = timestamp_v2([0; 4], &[0], 1);
        assert_eq!(zero.to_string(), "0000-00-00 00:00:00.0");
        // fsp 1: hundredths are stored; .5 is 50.
        assert_eq!(timestamp_v2([0, 0, 0, 1], &[50], 1).micros, 500_000);
    }
}
