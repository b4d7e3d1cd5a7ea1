//! Column values at their edges, through the whole decoder: a hand-built TABLE_MAP of one
//! column and a WRITE_ROWS event holding one value. Expected bytes are either vectors the
//! research notes read from real servers' row images (`row-values.md`, with the fixture
//! they came from), or made by a test-side implementation of the server's *writer*
//! (`decimal2bin`, `my_time_packed_to_binary`), independent of the decoder under test.

use binlogkit::rows::RowChange;
use binlogkit::value::{IntValue, Value};
use binlogkit::{Decoder, Event};

/// A v4 event frame without checksum: header (timestamp 0, server 1, log_pos 0), body.
fn frame(event_type: u8, body: &[u8]) -> Vec<u8> {
    let size = (19 + body.len()) as u32;
    let mut f = vec![0, 0, 0, 0, event_type, 1, 0, 0, 0];
    f.extend_from_slice(&size.to_le_bytes());
    f.extend_from_slice(&[0; 6]);
    f.extend_from_slice(body);
    f
}

/// A decoder past a MySQL 8.0.45 format description with checksums off.
fn decoder() -> Decoder {
    let lens: [u8; 41] = [
        0, 13, 0, 8, 0, 0, 0, 0, 4, 0, 4, 0, 0, 0, 98, 0, 4, 26, 8, 0, 0, 0, 8, 8, 8, 2, 0, 0, 0,
        10, 10, 10, 42, 42, 0, 18, 52, 0, 10, 40, 0,
    ];
    let mut body = 4u16.to_le_bytes().to_vec();
    let mut version = b"8.0.45".to_vec();
    version.resize(50, 0);
    body.extend_from_slice(&version);
    body.extend_from_slice(&[0; 4]);
    body.push(19);
    body.extend_from_slice(&lens);
    body.push(0);
    body.extend_from_slice(&[0; 4]);
    let mut d = Decoder::new();
    d.decode(4, &frame(15, &body)).expect("FDE");
    d
}

/// Decodes `value` stored in a one-column table of type `ty` with metadata bytes `meta`;
/// `unsigned` adds SIGNEDNESS metadata, `members` ENUM/SET names.
fn decode_with(
    ty: u8,
    meta: &[u8],
    unsigned: Option<bool>,
    members: Option<&[&str]>,
    value: &[u8],
) -> String {
    let mut d = decoder();
    // TABLE_MAP: table id 7, flags 1, db "d", table "t", 1 column.
    let mut tm = vec![
        7,
        0,
        0,
        0,
        0,
        0,
        1,
        0,
        1,
        b'd',
        0,
        1,
        b't',
        0,
        1,
        ty,
        meta.len() as u8,
    ];
    tm.extend_from_slice(meta);
    tm.push(1); // nullable
    if let Some(u) = unsigned {
        tm.extend_from_slice(&[1, 1, if u { 0x80 } else { 0 }]);
    }
    if let Some(names) = members {
        let mut v = vec![names.len() as u8];
        for n in names {
            v.push(n.len() as u8);
            v.extend_from_slice(n.as_bytes());
        }
        // 5 SET_STR_VALUE or 6 ENUM_STR_VALUE by the real type.
        let field = if meta.first() == Some(&0xf8) { 5 } else { 6 };
        tm.push(field);
        tm.push(v.len() as u8);
        tm.extend_from_slice(&v);
    }
    d.decode(100, &frame(19, &tm)).expect("table map");
    // WRITE_ROWS v2: table id, flags STMT_END, extra length 2, 1 column, bitmap, row.
    let mut wr = vec![7, 0, 0, 0, 0, 0, 1, 0, 2, 0, 1, 0xff, 0x00];
    wr.extend_from_slice(value);
    let rows_frame = frame(30, &wr);
    let ev = d.decode(200, &rows_frame).expect("rows");
    let Event::Rows(rows) = &ev.event else {
        panic!()
    };
    let schema = d.tables().get(7).expect("schema");
    let Some(Ok(RowChange::Insert(row))) = rows.rows(schema).next() else {
        panic!("no row")
    };
    let values: Vec<_> = row.values().collect::<Result<_, _>>().expect("decodes");
    assert_eq!(values.len(), 1);
    let v = &values[0].1;
    let text = match v {
        Value::Int(i) => match i.value() {
            IntValue::Signed(x) => x.to_string(),
            IntValue::Unsigned(x) => x.to_string(),
        },
        Value::Decimal(x) => x.to_string(),
        Value::Date(x) => x.to_string(),
        Value::Time(x) => x.to_string(),
        Value::DateTime(x) => x.to_string(),
        Value::Timestamp(x) => format!("{x} ({}.{:06})", x.seconds, x.micros),
        Value::Bit(b) => format!("{} bits {}", b.value(), b.bits),
        Value::Set(s) => format!("{s:#x}"),
        Value::Enum(e) => e.to_string(),
        Value::Year(y) => y.to_string(),
        other => format!("{other:?}"),
    };
    // The JSON encoding too, where the type has one worth checking.
    let mut json = String::new();
    #[allow(clippy::needless_borrow)]
    if binlogkit::row_json::write_value_json(&mut json, v, &schema.columns[0]).is_ok()
        && members.is_some()
    {
        return json;
    }
    text
}

fn decode(ty: u8, meta: &[u8], value: &[u8]) -> String {
    decode_with(ty, meta, None, None, value)
}

// ---- integers -------------------------------------------------------------------------

#[test]
fn integers_signed_and_unsigned() {
    // LONGLONG (8): 0xff x8 is -1 signed, 18446744073709551615 UNSIGNED.
    assert_eq!(decode_with(8, &[], Some(false), None, &[0xff; 8]), "-1");
    assert_eq!(
        decode_with(8, &[], Some(true), None, &[0xff; 8]),
        "18446744073709551615"
    );
    assert_eq!(
        decode_with(8, &[], None, None, &[0, 0, 0, 0, 0, 0, 0, 0x80]),
        "-9223372036854775808"
    );
    // INT24 (9) sign-extends bit 23; UNSIGNED reads 24 bits.
    assert_eq!(decode_with(9, &[], None, None, &[0, 0, 0x80]), "-8388608");
    assert_eq!(
        decode_with(9, &[], Some(true), None, &[0xff, 0xff, 0xff]),
        "16777215"
    );
    assert_eq!(decode_with(1, &[], Some(true), None, &[0xff]), "255");
    assert_eq!(
        decode_with(2, &[], Some(false), None, &[0x00, 0x80]),
        "-32768"
    );
    assert_eq!(
        decode_with(3, &[], Some(true), None, &[0xff; 4]),
        "4294967295"
    );
    // YEAR (13): 0 is the year 0000, n is 1900 + n (types-row.bin t_date).
    assert_eq!(decode(13, &[], &[0]), "0");
    assert_eq!(decode(13, &[], &[0x01]), "1901");
    assert_eq!(decode(13, &[], &[0xff]), "2155");
}

// ---- DECIMAL --------------------------------------------------------------------------

/// MySQL's `decimal2bin` for a decimal text, written from its specification (groups of
/// nine digits in four big-endian bytes, shorter edge groups, sign bit, negation by
/// inverting every byte): the writer side, independent of the decoder.
fn decimal2bin(text: &str, precision: u8, scale: u8) -> Vec<u8> {
    const DIG2BYTES: [usize; 10] = [0, 1, 1, 2, 2, 3, 3, 4, 4, 4];
    let negative = text.starts_with('-');
    let text = text.trim_start_matches('-');
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    let intg = (precision - scale) as usize;
    // With no integer digits, the "0" before the point is not stored.
    let int = if intg == 0 {
        String::new()
    } else {
        format!("{int:0>intg$}")
    };
    let frac = format!("{frac:0<width$}", width = scale as usize);
    let mut out = Vec::new();
    let mut push_group = |digits: &str| {
        let n = DIG2BYTES[digits.len()];
        let v: u32 = if digits.is_empty() {
            0
        } else {
            digits.parse().expect("digits")
        };
        out.extend_from_slice(&v.to_be_bytes()[4 - n..]);
    };
    let lead = intg % 9;
    push_group(&int[..lead]);
    for g in int.as_bytes()[lead..].chunks(9) {
        push_group(std::str::from_utf8(g).expect("ascii"));
    }
    let full = scale as usize / 9 * 9;
    for g in frac.as_bytes()[..full].chunks(9) {
        push_group(std::str::from_utf8(g).expect("ascii"));
    }
    push_group(&frac[full..]);
    out[0] ^= 0x80;
    if negative {
        for b in &mut out {
            *b = !*b;
        }
    }
    out
}

#[test]
fn decimals_at_every_digit_group_length() {
    // Vectors read from MariaDB types-row.bin t_decimal (row-values.md 2.1).
    assert_eq!(
        decode(246, &[10, 4], &[0x8f, 0x42, 0x3f, 0x27, 0x0f]),
        "999999.9999"
    );
    assert_eq!(
        decode(246, &[10, 4], &[0x70, 0xbd, 0xc0, 0xd8, 0xf0]),
        "-999999.9999"
    );
    assert_eq!(decode(246, &[5, 2], &[0x7f, 0xfe, 0xcd]), "-1.50");
    assert_eq!(
        decode(246, &[10, 10], &[0xbb, 0x9a, 0xc9, 0xff, 0x09]),
        "0.9999999999"
    );
    let mut zero = vec![0x80];
    zero.resize(30, 0);
    assert_eq!(
        decode(246, &[65, 30], &zero),
        format!("0.{}", "0".repeat(30))
    );
    // DECIMAL(65,30) extremes, and every precision/scale split of the group sizes.
    let max = format!("{}.{}", "9".repeat(35), "9".repeat(30));
    for text in [
        max.clone(),
        format!("-{max}"),
        "-0.000000000000000000000000000001".to_owned(),
    ] {
        assert_eq!(decode(246, &[65, 30], &decimal2bin(&text, 65, 30)), text);
    }
    for precision in 1..=65u8 {
        for scale in [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 17, 18, 19, 30] {
            if scale > precision || scale > 30 {
                continue;
            }
            let intg = (precision - scale) as usize;
            let int = if intg == 0 {
                "0".to_owned()
            } else {
                "9".repeat(intg)
            };
            let frac = "7".repeat(scale as usize);
            for neg in [false, true] {
                let text = format!(
                    "{}{int}{}{frac}",
                    if neg { "-" } else { "" },
                    if scale > 0 { "." } else { "" }
                );
                let bytes = decimal2bin(&text, precision, scale);
                assert_eq!(
                    decode(246, &[precision, scale], &bytes),
                    text,
                    "DECIMAL({precision},{scale})"
                );
            }
        }
    }
}

// ---- temporal ------------------------------------------------------------------------

/// MySQL's `my_time_packed_to_binary` for a TIME, from its source: the writer side.
fn time2(negative: bool, h: i64, m: i64, s: i64, micros: i64, fsp: u8) -> Vec<u8> {
    let mut packed = (((h << 12) | (m << 6) | s) << 24) + micros;
    if negative {
        packed = -packed;
    }
    let int = packed >> 24; // arithmetic shift: floor
    let frac = packed % (1 << 24); // C remainder: sign of the dividend
    let mut out = ((int + 0x80_0000) as u32).to_be_bytes()[1..].to_vec();
    match fsp {
        0 => {}
        1 | 2 => out.push((frac / 10_000) as i8 as u8),
        3 | 4 => out.extend_from_slice(&((frac / 100) as i16).to_be_bytes()),
        _ => out = ((packed + 0x8000_0000_0000) as u64).to_be_bytes()[2..].to_vec(),
    }
    out
}

#[test]
fn times_at_every_fsp_negative_and_fractional() {
    for fsp in 0..=6u8 {
        let unit = 10i64.pow(6 - u32::from(fsp));
        for (neg, h, m, s, micros) in [
            (false, 0, 0, 0, 0),
            (false, 838, 59, 59, 999_999),
            (true, 838, 59, 59, 999_999),
            (true, 0, 0, 1, 1),
            (true, 0, 0, 0, 500_000),
            (true, 12, 34, 56, 123_456),
            (false, 100, 0, 0, 0),
        ] {
            let micros = micros / unit * unit;
            let bytes = time2(neg, h, m, s, micros, fsp);
            let frac = if fsp > 0 {
                format!(".{}", &format!("{micros:06}")[..usize::from(fsp)])
            } else {
                String::new()
            };
            let zero = !neg || h + m + s + micros == 0;
            let sign = if neg && !(h + m + s == 0 && micros == 0) {
                "-"
            } else {
                ""
            };
            let _ = zero;
            let expected = format!("{sign}{h:02}:{m:02}:{s:02}{frac}");
            assert_eq!(
                decode(19, &[fsp], &bytes),
                expected,
                "TIME({fsp}) {expected}"
            );
        }
    }
    // Vectors from MariaDB types-row.bin t_time (row-values.md 3.3).
    assert_eq!(decode(19, &[1], &[0x7f, 0xff, 0xff, 0xf6]), "-00:00:00.1");
    assert_eq!(
        decode(19, &[3], &[0x7f, 0xff, 0xff, 0xff, 0xf6]),
        "-00:00:00.001"
    );
    assert_eq!(decode(19, &[1], &[0x7f, 0x37, 0x47, 0xce]), "-12:34:56.5");
    assert_eq!(decode(19, &[0], &[0x4b, 0x91, 0x05]), "-838:59:59");
    assert_eq!(
        decode(19, &[6], &[0x81, 0xa0, 0xc4, 0x00, 0x00, 0x05]),
        "26:03:04.000005"
    );
}

#[test]
fn dates_datetimes_timestamps_and_zero_values() {
    // DATE (10, as NEWDATE): types-row.bin t_date.
    assert_eq!(decode(10, &[], &[0x21, 0xd0, 0x07]), "1000-01-01");
    assert_eq!(decode(10, &[], &[0x9f, 0x1f, 0x4e]), "9999-12-31");
    assert_eq!(decode(10, &[], &[0, 0, 0]), "0000-00-00");
    assert_eq!(decode(10, &[], &[0x00, 0xc8, 0x0f]), "2020-00-00");
    // DATETIME2 (18): t_datetime.
    assert_eq!(
        decode(18, &[0], &[0x99, 0xb2, 0xba, 0xc8, 0xb8]),
        "2024-02-29 12:34:56"
    );
    assert_eq!(
        decode(18, &[6], &[0x99, 0xb2, 0xba, 0xc8, 0xb8, 0x01, 0xe2, 0x40]),
        "2024-02-29 12:34:56.123456"
    );
    assert_eq!(
        decode(18, &[6], &[0xfe, 0xf3, 0xff, 0x7e, 0xfb, 0x0f, 0x42, 0x3f]),
        "9999-12-31 23:59:59.999999"
    );
    assert_eq!(decode(18, &[0], &[0x80, 0, 0, 0, 0]), "0000-00-00 00:00:00");
    assert_eq!(
        decode(18, &[1], &[0x99, 0xa5, 0x40, 0xa0, 0x00, 0x32]),
        "2020-01-00 10:00:00.5"
    );
    for fsp in 0..=6u8 {
        let n = usize::from(fsp).div_ceil(2);
        let mut zero = vec![0x80, 0, 0, 0, 0];
        zero.resize(5 + n, 0);
        let frac = if fsp > 0 {
            format!(".{}", "0".repeat(usize::from(fsp)))
        } else {
            String::new()
        };
        assert_eq!(
            decode(18, &[fsp], &zero),
            format!("0000-00-00 00:00:00{frac}")
        );
    }
    // TIMESTAMP2 (17): UTC seconds, never shifted; the zero timestamp is all zero bytes.
    assert_eq!(
        decode(17, &[6], &[0x7f, 0xff, 0xff, 0xff, 0x0f, 0x42, 0x3f]),
        "2038-01-19 03:14:07.999999 (2147483647.999999)"
    );
    assert_eq!(
        decode(17, &[1], &[0, 0, 0, 0, 0x0a]),
        "1970-01-01 00:00:00.1 (0.100000)"
    );
    assert_eq!(
        decode(17, &[0], &[0, 0, 0, 0]),
        "0000-00-00 00:00:00 (0.000000)"
    );
    // Old TIMESTAMP (7) and DATETIME (12).
    assert_eq!(
        decode(7, &[], &1_700_000_000u32.to_le_bytes()),
        "2023-11-14 22:13:20 (1700000000.000000)"
    );
    assert_eq!(
        decode(12, &[], &20060214220436u64.to_le_bytes()),
        "2006-02-14 22:04:36"
    );
}

// ---- BIT, ENUM, SET ---------------------------------------------------------------------

#[test]
fn bits_enums_and_sets() {
    // BIT metadata: bits mod 8, whole bytes; values big-endian (t_bit).
    assert_eq!(decode(16, &[1, 0], &[0x01]), "1 bits 1");
    assert_eq!(
        decode(16, &[0, 8], &[0xff; 8]),
        "18446744073709551615 bits 64"
    );
    assert_eq!(decode(16, &[1, 1], &[0x01, 0xff]), "511 bits 9");
    // SET of 64 members: 8 bytes, every bit; as JSON, the 64 names in order.
    let names: Vec<String> = (0..64).map(|i| format!("m{i}")).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    assert_eq!(decode(254, &[0xf8, 8], &[0xff; 8]), "0xffffffffffffffff");
    let json = decode_with(254, &[0xf8, 8], None, Some(&refs), &[0xff; 8]);
    let expected = format!(
        "[{}]",
        refs.iter()
            .map(|n| format!("\"{n}\""))
            .collect::<Vec<_>>()
            .join(",")
    );
    assert_eq!(json, expected);
    assert_eq!(
        decode_with(
            254,
            &[0xf8, 8],
            None,
            Some(&refs),
            &[0x01, 0, 0, 0, 0, 0, 0, 0x80]
        ),
        "[\"m0\",\"m63\"]"
    );
    // SET(2 bytes) 'v0,v9' is stored 01 02 (t_enum_set).
    assert_eq!(decode(254, &[0xf8, 2], &[0x01, 0x02]), "0x201");
    // ENUM: 1 or 2 bytes, 1-based; 0 is the empty error value.
    assert_eq!(decode(254, &[0xf7, 2], &[0x2c, 0x01]), "300");
    assert_eq!(
        decode_with(254, &[0xf7, 1], None, Some(&["red", "green"]), &[2]),
        "\"green\""
    );
    assert_eq!(
        decode_with(254, &[0xf7, 1], None, Some(&["red", "green"]), &[0]),
        "\"\""
    );
}

#[test]
fn strings_need_their_declared_length() {
    // CHAR(128) utf8mb4: 512 bytes, meta de 00, a 2-byte length prefix
    // (mysql-enum-string-set.000001).
    let mut v = vec![0x04, 0x00];
    v.extend_from_slice(b"abcd");
    assert_eq!(
        decode(254, &[0xde, 0x00], &v),
        "String(Str { stored: [97, 98, 99, 100], collation: None, pad_to: 0, compressed: false })"
    );
    // A length running past the image is an error, not a read past the end.
    let text = first_row_error(
        &[
            7, 0, 0, 0, 0, 0, 1, 0, 1, b'd', 0, 1, b't', 0, 1, 15, 2, 0x64, 0x00, 1,
        ],
        &[7, 0, 0, 0, 0, 0, 1, 0, 2, 0, 1, 0xff, 0x00, 50, b'x'],
        200,
    );
    assert!(
        text.contains("offset 200") && text.contains("column @1") && text.contains("VARCHAR"),
        "{text}"
    );
}

#[test]
fn an_unknown_column_type_is_an_error_naming_it() {
    // Type 0x30 is no MySQL or MariaDB type: the table map still reads (its metadata
    // length is in the event), the value is an error naming the column and offset.
    let text = first_row_error(
        &[
            7, 0, 0, 0, 0, 0, 1, 0, 1, b'd', 0, 1, b't', 0, 2, 3, 0x30, 0, 1,
        ],
        &[7, 0, 0, 0, 0, 0, 1, 0, 2, 0, 2, 0xff, 0x00, 1, 0, 0, 0, 9],
        300,
    );
    assert!(
        text.contains("offset 300")
            && text.contains("column @2")
            && text.contains("48 cannot be decoded"),
        "{text}"
    );
}

#[cfg(feature = "chrono")]
#[test]
fn chrono_conversions_are_fallible() {
    use binlogkit::value::{Date, DateTime, Time, Timestamp};
    let zero = Date {
        year: 0,
        month: 0,
        day: 0,
    };
    assert!(chrono::NaiveDate::try_from(zero).is_err());
    assert_eq!(
        chrono::NaiveDate::try_from(Date {
            year: 2024,
            month: 2,
            day: 29
        })
        .map(|d| d.to_string()),
        Ok("2024-02-29".to_owned())
    );
    let t = Time {
        negative: true,
        hours: 838,
        minutes: 59,
        seconds: 59,
        micros: 999_999,
        fsp: 6,
    };
    assert!(chrono::NaiveTime::try_from(t).is_err());
    assert_eq!(
        chrono::TimeDelta::try_from(t).map(|d| d.num_microseconds()),
        Ok(Some(-3_020_399_999_999))
    );
    let dt = DateTime {
        date: Date {
            year: 2020,
            month: 1,
            day: 0,
        },
        hour: 10,
        minute: 0,
        second: 0,
        micros: 0,
        fsp: 0,
    };
    assert!(chrono::NaiveDateTime::try_from(dt).is_err());
    let ts = Timestamp {
        seconds: 1_700_000_000,
        micros: 123_456,
        fsp: 6,
    };
    let utc: chrono::DateTime<chrono::Utc> = ts.try_into().expect("in range");
    assert_eq!(utc.to_rfc3339(), "2023-11-14T22:13:20.123456+00:00");
    assert!(
        chrono::DateTime::<chrono::Utc>::try_from(Timestamp {
            seconds: 0,
            micros: 0,
            fsp: 0
        })
        .is_err()
    );
}

/// Decodes a TABLE_MAP body and then a WRITE_ROWS v2 body (read at `offset`) and
/// returns the error text of the first row, which the caller expects to fail.
fn first_row_error(table_map: &[u8], write_rows: &[u8], offset: u64) -> String {
    let mut d = decoder();
    d.decode(100, &frame(19, table_map)).expect("map");
    let f = frame(30, write_rows);
    let ev = d.decode(offset, &f).expect("rows framed");
    let Event::Rows(rows) = &ev.event else {
        panic!("not a rows event: {:?}", ev.event)
    };
    let schema = d.tables().get(7).expect("schema");
    let err = rows
        .rows(schema)
        .next()
        .expect("one row")
        .expect_err("the row is expected to fail");
    err.to_string()
}

#[test]
fn a_row_of_no_bytes_ends_the_rows() {
    // A WRITE_ROWS whose column bitmap names no column, followed by a byte of row data:
    // each row takes no bytes, so the same row would come back forever. The servers'
    // printers stop after it; so do the rows.
    let mut d = decoder();
    let tm = [7, 0, 0, 0, 0, 0, 1, 0, 1, b'd', 0, 1, b't', 0, 1, 3, 0, 1];
    d.decode(100, &frame(19, &tm)).expect("map");
    let wr = [7, 0, 0, 0, 0, 0, 1, 0, 2, 0, 1, 0x00, 0x2a];
    let f = frame(30, &wr);
    let ev = d.decode(200, &f).expect("rows framed");
    let Event::Rows(rows) = &ev.event else {
        panic!("not a rows event: {:?}", ev.event)
    };
    let schema = d.tables().get(7).expect("schema");
    let changes: Vec<_> = rows.rows(schema).collect();
    assert_eq!(changes.len(), 1);
    let Some(Ok(RowChange::Insert(row))) = changes.first() else {
        panic!("{changes:?}")
    };
    assert_eq!(row.values().count(), 0);
}
