//! The column types of the randomized workloads: how to declare each, how to draw a
//! random value of it (edges included), how to select it from the server, and what our
//! JSON value encoding (`binlogkit::row_json`) must then say.
//!
//! Representation mappings (exact, no tolerance), where the server's text and our JSON
//! encoding differ in form only:
//! - FLOAT: the server prints a FLOAT rounded to 6 digits, so it is selected as
//!   `CAST(CAST(c AS DOUBLE) AS CHAR)` (exact) and compared as an `f32` with our number
//!   read as an `f32`. DOUBLE: compared as `f64`. MariaDB stores `-0` as `0` and prints
//!   zero as `0`, so floats compare with `==` (a zero's sign is not compared).
//! - Integers of UNSIGNED columns, when the TABLE_MAP does not say UNSIGNED (no
//!   `binlog_row_metadata=FULL`): our encoding reads them as signed, so the server's value
//!   is taken modulo 2^bits as a signed number.
//! - ENUM and SET: member names when the TABLE_MAP carries them, else the index / bitmask
//!   (the server's `c+0`).
//! - Character strings: the server's text converted to utf8mb4 when the TABLE_MAP gives
//!   the collation; without it our encoding reads the stored bytes as UTF-8 when valid,
//!   else as `{"hex"}`, so the server's raw bytes (`HEX(c)`) are mapped the same way.
//! - BINARY(n) (and INET4, INET6, UUID, stored as BINARY): the row image drops trailing
//!   0x00 bytes, and only a known binary collation tells us to put them back; without
//!   metadata the server's raw bytes lose their trailing 0x00 bytes before the UTF-8 rule.

use std::fmt::Write as _;

use binlogkit::Column;
use serde_json::Value as J;

use super::rng::Rng;

/// A character set of text columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cs {
    /// `latin1` (MariaDB's is cp1252).
    Latin1,
    /// `utf8mb3`.
    Utf8mb3,
    /// `utf8mb4`.
    Utf8mb4,
}

impl Cs {
    fn name(self) -> &'static str {
        match self {
            Cs::Latin1 => "latin1",
            Cs::Utf8mb3 => "utf8mb3",
            Cs::Utf8mb4 => "utf8mb4",
        }
    }

    /// Characters beyond ASCII that the character set can hold.
    fn extra(self) -> &'static [char] {
        const LATIN1: &[char] = &['é', 'ß', 'ÿ', 'À', '€', 'Š', 'œ', '¤', '×', '\u{a0}'];
        const MB3: &[char] = &[
            'é', 'ß', 'ÿ', '€', 'Ω', '世', '界', 'ア', 'ж', '\u{fffd}', '\u{200b}',
        ];
        const MB4: &[char] = &['é', 'ß', '€', 'Ω', '世', 'ж', '😀', '𝄞', '🦀', '\u{10ffff}'];
        match self {
            Cs::Latin1 => LATIN1,
            Cs::Utf8mb3 => MB3,
            Cs::Utf8mb4 => MB4,
        }
    }
}

/// The size class of a BLOB or TEXT.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlobSize {
    /// TINYBLOB / TINYTEXT.
    Tiny,
    /// BLOB / TEXT.
    Plain,
    /// MEDIUMBLOB / MEDIUMTEXT.
    Medium,
    /// LONGBLOB / LONGTEXT.
    Long,
}

impl BlobSize {
    fn prefix(self) -> &'static str {
        match self {
            BlobSize::Tiny => "TINY",
            BlobSize::Plain => "",
            BlobSize::Medium => "MEDIUM",
            BlobSize::Long => "LONG",
        }
    }

    /// The largest value in bytes.
    fn max(self) -> usize {
        match self {
            BlobSize::Tiny => 255,
            BlobSize::Plain => 65_535,
            BlobSize::Medium | BlobSize::Long => 16 << 20,
        }
    }
}

/// A spatial column type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Geo {
    /// GEOMETRY (any kind).
    Any,
    /// POINT.
    Point,
    /// LINESTRING.
    LineString,
    /// POLYGON.
    Polygon,
    /// MULTIPOINT.
    MultiPoint,
    /// GEOMETRYCOLLECTION.
    Collection,
}

/// A column type with its parameters.
#[derive(Clone, Debug, PartialEq)]
pub enum Ty {
    /// TINYINT (1), SMALLINT (2), MEDIUMINT (3), INT (4), BIGINT (8).
    Int { bytes: u8, unsigned: bool },
    /// DECIMAL(p, s).
    Decimal { p: u8, s: u8, unsigned: bool },
    /// FLOAT.
    Float,
    /// DOUBLE.
    Double,
    /// BIT(n).
    Bit(u8),
    /// YEAR.
    Year,
    /// DATE.
    Date,
    /// TIME(fsp).
    Time(u8),
    /// DATETIME(fsp).
    DateTime(u8),
    /// TIMESTAMP(fsp).
    Timestamp(u8),
    /// CHAR(n).
    Char { len: u16, cs: Cs },
    /// VARCHAR(n) [COMPRESSED].
    VarChar { len: u16, cs: Cs, compressed: bool },
    /// TINYTEXT ... LONGTEXT [COMPRESSED].
    Text {
        size: BlobSize,
        cs: Cs,
        compressed: bool,
    },
    /// BINARY(n).
    Binary(u16),
    /// VARBINARY(n) [COMPRESSED].
    VarBinary { len: u16, compressed: bool },
    /// TINYBLOB ... LONGBLOB [COMPRESSED].
    Blob { size: BlobSize, compressed: bool },
    /// ENUM(...).
    Enum { members: Vec<String>, cs: Cs },
    /// SET(...).
    Set { members: Vec<String>, cs: Cs },
    /// JSON (MariaDB: LONGTEXT utf8mb4_bin with a check).
    Json,
    /// A spatial type.
    Geometry(Geo),
    /// INET4.
    Inet4,
    /// INET6.
    Inet6,
    /// UUID.
    Uuid,
}

/// What a value must be, in a form both sides map to exactly.
#[derive(Clone, Debug, PartialEq)]
pub enum Expected {
    /// A JSON value (everything but floats).
    Json(J),
    /// A FLOAT.
    F32(f32),
    /// A DOUBLE.
    F64(f64),
}

impl std::fmt::Display for Expected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Expected::Json(j) => write!(f, "{j}"),
            Expected::F32(x) => write!(f, "{x:e} (f32)"),
            Expected::F64(x) => write!(f, "{x:e} (f64)"),
        }
    }
}

/// How many variant families [`draw`] knows.
pub const FAMILIES: usize = 47;

/// Draws the type of variant family `family` (0..FAMILIES) with random parameters.
pub fn draw(family: usize, rng: &mut Rng) -> Ty {
    let cs = *rng.pick(&[Cs::Latin1, Cs::Utf8mb3, Cs::Utf8mb4]);
    let fsp = rng.below(7) as u8;
    let size = *rng.pick(&[
        BlobSize::Tiny,
        BlobSize::Plain,
        BlobSize::Medium,
        BlobSize::Long,
    ]);
    match family {
        0..=9 => Ty::Int {
            bytes: [1, 2, 3, 4, 8][family / 2],
            unsigned: family % 2 == 1,
        },
        10..=12 => {
            // Small, medium and large precisions, so every storage size shows up.
            let p = match family {
                10 => rng.range(1, 9),
                11 => rng.range(10, 30),
                _ => rng.range(31, 65),
            } as u8;
            let s = rng.range(0, i128::from(p.min(38))) as u8;
            Ty::Decimal {
                p,
                s,
                unsigned: rng.chance(1, 4),
            }
        }
        13 => Ty::Float,
        14 => Ty::Double,
        15 => Ty::Bit(rng.range(1, 64) as u8),
        16 => Ty::Year,
        17 => Ty::Date,
        18 => Ty::Time(fsp),
        19 => Ty::DateTime(fsp),
        20 => Ty::Timestamp(fsp),
        21 | 22 => Ty::Char {
            len: rng.range(1, 255) as u16,
            cs,
        },
        23 | 24 => Ty::VarChar {
            len: rng.range(1, 300) as u16,
            cs,
            compressed: false,
        },
        25 => Ty::VarChar {
            len: rng.range(1, 300) as u16,
            cs,
            compressed: true,
        },
        26 | 27 => Ty::Text {
            size,
            cs,
            compressed: false,
        },
        28 => Ty::Text {
            size: *rng.pick(&[BlobSize::Plain, BlobSize::Medium, BlobSize::Long]),
            cs,
            compressed: true,
        },
        29 => Ty::Binary(rng.range(1, 255) as u16),
        30 => Ty::VarBinary {
            len: rng.range(1, 600) as u16,
            compressed: false,
        },
        31 => Ty::VarBinary {
            len: rng.range(1, 600) as u16,
            compressed: true,
        },
        32 | 33 => Ty::Blob {
            size,
            compressed: false,
        },
        34 => Ty::Blob {
            size: *rng.pick(&[BlobSize::Plain, BlobSize::Medium, BlobSize::Long]),
            compressed: true,
        },
        35 | 36 => Ty::Enum {
            members: {
                let max = if rng.chance(1, 6) { 300 } else { 12 };
                members(rng, cs, max, false)
            },
            cs,
        },
        37 | 38 => Ty::Set {
            members: members(rng, cs, 64, true),
            cs,
        },
        39 => Ty::Json,
        40 => Ty::Geometry(Geo::Any),
        41 => Ty::Geometry(Geo::Point),
        42 => Ty::Geometry(*rng.pick(&[Geo::LineString, Geo::Polygon])),
        43 => Ty::Geometry(*rng.pick(&[Geo::MultiPoint, Geo::Collection])),
        44 => Ty::Inet4,
        45 => Ty::Inet6,
        _ => Ty::Uuid,
    }
}

/// ENUM or SET member names: unique (whatever the collation: each starts with its own
/// `mN_`), without trailing spaces (the server strips them), without commas in a SET.
fn members(rng: &mut Rng, cs: Cs, max: u64, set: bool) -> Vec<String> {
    let n = if max > 64 && rng.chance(1, 2) {
        rng.range(256, max as i128) as usize
    } else {
        rng.range(1, max.min(64) as i128) as usize
    };
    (0..n)
        .map(|i| {
            let mut name = format!("m{i}_");
            for _ in 0..rng.below(4) {
                let c = if rng.chance(1, 3) {
                    *rng.pick(cs.extra())
                } else {
                    *rng.pick(&['a', 'Z', '9', '-', '\'', '"', ' ', '\\', '_'])
                };
                if !(set && c == ',') {
                    name.push(c);
                }
            }
            name.trim_end().to_owned()
        })
        .collect()
}

/// `'text'` with SQL escapes for quotes and backslashes.
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('\'');
    for c in text.chars() {
        match c {
            '\'' => out.push_str("''"),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02X}");
    }
    s
}

impl Ty {
    /// The SQL column type.
    pub fn sql(&self) -> String {
        let cs = |cs: Cs| format!(" CHARACTER SET {}", cs.name());
        let list = |members: &[String]| {
            members
                .iter()
                .map(|m| quote(m))
                .collect::<Vec<_>>()
                .join(",")
        };
        let compressed = |c: bool| if c { " COMPRESSED" } else { "" };
        match self {
            Ty::Int { bytes, unsigned } => format!(
                "{}{}",
                match bytes {
                    1 => "TINYINT",
                    2 => "SMALLINT",
                    3 => "MEDIUMINT",
                    4 => "INT",
                    _ => "BIGINT",
                },
                if *unsigned { " UNSIGNED" } else { "" }
            ),
            Ty::Decimal { p, s, unsigned } => {
                format!(
                    "DECIMAL({p},{s}){}",
                    if *unsigned { " UNSIGNED" } else { "" }
                )
            }
            Ty::Float => "FLOAT".into(),
            Ty::Double => "DOUBLE".into(),
            Ty::Bit(n) => format!("BIT({n})"),
            Ty::Year => "YEAR".into(),
            Ty::Date => "DATE".into(),
            Ty::Time(f) => format!("TIME({f})"),
            Ty::DateTime(f) => format!("DATETIME({f})"),
            Ty::Timestamp(f) => format!("TIMESTAMP({f})"),
            Ty::Char { len, cs: c } => format!("CHAR({len}){}", cs(*c)),
            Ty::VarChar {
                len,
                cs: c,
                compressed: z,
            } => format!("VARCHAR({len}){}{}", cs(*c), compressed(*z)),
            Ty::Text {
                size,
                cs: c,
                compressed: z,
            } => format!("{}TEXT{}{}", size.prefix(), cs(*c), compressed(*z)),
            Ty::Binary(n) => format!("BINARY({n})"),
            Ty::VarBinary { len, compressed: z } => format!("VARBINARY({len}){}", compressed(*z)),
            Ty::Blob {
                size,
                compressed: z,
            } => format!("{}BLOB{}", size.prefix(), compressed(*z)),
            Ty::Enum { members, cs: c } => format!("ENUM({}){}", list(members), cs(*c)),
            Ty::Set { members, cs: c } => format!("SET({}){}", list(members), cs(*c)),
            Ty::Json => "JSON".into(),
            Ty::Geometry(g) => match g {
                Geo::Any => "GEOMETRY",
                Geo::Point => "POINT",
                Geo::LineString => "LINESTRING",
                Geo::Polygon => "POLYGON",
                Geo::MultiPoint => "MULTIPOINT",
                Geo::Collection => "GEOMETRYCOLLECTION",
            }
            .into(),
            Ty::Inet4 => "INET4".into(),
            Ty::Inet6 => "INET6".into(),
            Ty::Uuid => "UUID".into(),
        }
    }

    /// The variant this type counts as: the type with what changes its binary form
    /// (signedness, storage class, fsp, character set, compression), not its lengths.
    pub fn variant(&self) -> String {
        match self {
            Ty::Decimal { p, unsigned, .. } => format!(
                "DECIMAL(p{}){}",
                match p {
                    1..=9 => "<=9",
                    10..=30 => "<=30",
                    _ => ">30",
                },
                if *unsigned { " UNSIGNED" } else { "" }
            ),
            Ty::Bit(_) => "BIT".into(),
            Ty::Char { cs, .. } => format!(
                "CHAR {}{}",
                cs.name(),
                if self.max_bytes() > 255 {
                    " (2-byte length)"
                } else {
                    ""
                }
            ),
            Ty::VarChar { cs, compressed, .. } => format!(
                "VARCHAR {}{}{}",
                cs.name(),
                if self.max_bytes() > 255 {
                    " (2-byte length)"
                } else {
                    ""
                },
                if *compressed { " COMPRESSED" } else { "" }
            ),
            Ty::Text {
                size,
                cs,
                compressed,
            } => format!(
                "{}TEXT {}{}",
                size.prefix(),
                cs.name(),
                if *compressed { " COMPRESSED" } else { "" }
            ),
            Ty::Binary(_) => "BINARY".into(),
            Ty::VarBinary { compressed, .. } => {
                format!("VARBINARY{}", if *compressed { " COMPRESSED" } else { "" })
            }
            Ty::Enum { members, .. } => {
                format!(
                    "ENUM{}",
                    if members.len() > 255 {
                        " (2 bytes)"
                    } else {
                        ""
                    }
                )
            }
            Ty::Set { members, .. } => format!("SET ({} bytes)", members.len().div_ceil(8).min(8)),
            _ => self.sql(),
        }
    }

    /// The largest value in bytes of a string column.
    fn max_bytes(&self) -> usize {
        let mb = |cs: Cs| match cs {
            Cs::Latin1 => 1,
            Cs::Utf8mb3 => 3,
            Cs::Utf8mb4 => 4,
        };
        match self {
            Ty::Char { len, cs } | Ty::VarChar { len, cs, .. } => usize::from(*len) * mb(*cs),
            _ => 0,
        }
    }

    /// Whether the type is a BLOB or TEXT (left out of NOBLOB images when unchanged).
    pub fn is_blob(&self) -> bool {
        matches!(
            self,
            Ty::Text { .. } | Ty::Blob { .. } | Ty::Json | Ty::Geometry(_)
        )
    }

    /// A random value as an SQL literal (never NULL: the caller decides that).
    pub fn literal(&self, rng: &mut Rng) -> String {
        let edge = rng.chance(1, 4);
        match self {
            Ty::Int { bytes, unsigned } => {
                let bits = u32::from(*bytes) * 8;
                let (lo, hi): (i128, i128) = if *unsigned {
                    (0, (1i128 << bits) - 1)
                } else {
                    (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
                };
                let v = if edge {
                    *rng.pick(&[lo, hi, 0, 1, lo + 1, hi - 1, hi / 2 + 1, (-1i128).max(lo)])
                } else {
                    rng.range(lo, hi)
                };
                v.to_string()
            }
            Ty::Decimal { p, s, unsigned } => {
                let int_digits = usize::from(p - s);
                let frac_digits = usize::from(*s);
                let all_nines = edge && rng.chance(1, 2);
                let digits = |n: usize, rng: &mut Rng| -> String {
                    (0..n)
                        .map(|_| {
                            if all_nines {
                                '9'
                            } else {
                                char::from(b'0' + rng.below(10) as u8)
                            }
                        })
                        .collect()
                };
                let n = if all_nines {
                    int_digits
                } else {
                    rng.range(0, int_digits as i128) as usize
                };
                let mut text = String::new();
                if !unsigned && rng.chance(1, 2) {
                    text.push('-');
                }
                let int = digits(n, rng);
                text.push_str(if int.is_empty() { "0" } else { &int });
                if frac_digits > 0 {
                    text.push('.');
                    text.push_str(&digits(frac_digits, rng));
                }
                text
            }
            Ty::Float => {
                let x = if edge {
                    *rng.pick(&[
                        0.0f32,
                        f32::MAX,
                        f32::MIN,
                        f32::MIN_POSITIVE,
                        -f32::MIN_POSITIVE,
                        1e-45,
                        f32::EPSILON,
                        1.0,
                        -1.5,
                        16_777_217.0,
                    ])
                } else {
                    loop {
                        let x = f32::from_bits(rng.next_u64() as u32);
                        if x.is_finite() {
                            break x;
                        }
                    }
                };
                // The f32's exact value as a double: its shortest f32 text can read as a
                // double just past FLOAT's range.
                format!("{:e}", f64::from(x))
            }
            Ty::Double => {
                let x = if edge {
                    *rng.pick(&[
                        0.0f64,
                        f64::MAX,
                        f64::MIN,
                        f64::MIN_POSITIVE,
                        -f64::MIN_POSITIVE,
                        5e-324,
                        f64::EPSILON,
                        0.1,
                        -1e300,
                        9_007_199_254_740_993.0,
                    ])
                } else {
                    loop {
                        let x = f64::from_bits(rng.next_u64());
                        if x.is_finite() {
                            break x;
                        }
                    }
                };
                format!("{x:e}")
            }
            Ty::Bit(n) => {
                let max = if *n == 64 { u64::MAX } else { (1u64 << n) - 1 };
                let v = if edge {
                    *rng.pick(&[0, max, 1, max >> 1])
                } else {
                    rng.next_u64() & max
                };
                v.to_string()
            }
            Ty::Year => {
                if edge {
                    rng.pick(&["0", "1901", "2155", "2000", "1", "99"])
                        .to_string()
                } else {
                    rng.range(1901, 2155).to_string()
                }
            }
            Ty::Date => {
                if edge {
                    quote(rng.pick::<&str>(&[
                        "0000-00-00",
                        "1000-01-01",
                        "9999-12-31",
                        "0001-01-01",
                        "2020-00-00",
                        "2024-02-29",
                    ]))
                } else {
                    quote(&random_date(rng, 1))
                }
            }
            Ty::Time(fsp) => {
                let frac = frac(rng, *fsp, edge);
                if edge {
                    let base = rng.pick(&["838:59:59", "-838:59:59", "00:00:00", "-00:00:00"]);
                    if base.starts_with("-00") && frac.is_empty() {
                        return quote("00:00:00");
                    }
                    return quote(&format!("{base}{frac}"));
                }
                let sign = if rng.chance(1, 2) { "-" } else { "" };
                quote(&format!(
                    "{sign}{}:{:02}:{:02}{frac}",
                    rng.range(0, 838),
                    rng.below(60),
                    rng.below(60)
                ))
            }
            Ty::DateTime(fsp) => {
                let frac = frac(rng, *fsp, edge);
                if edge {
                    let base = rng.pick(&[
                        "0000-00-00 00:00:00",
                        "1000-01-01 00:00:00",
                        "9999-12-31 23:59:59",
                        "0001-01-01 00:00:00",
                    ]);
                    let frac = if base.starts_with("0000") { "" } else { &frac };
                    return quote(&format!("{base}{frac}"));
                }
                quote(&format!(
                    "{} {:02}:{:02}:{:02}{frac}",
                    random_date(rng, 1),
                    rng.below(24),
                    rng.below(60),
                    rng.below(60)
                ))
            }
            Ty::Timestamp(fsp) => {
                let frac = frac(rng, *fsp, edge);
                let secs: i64 = if edge {
                    if rng.chance(1, 3) {
                        return quote("0000-00-00 00:00:00");
                    }
                    *rng.pick(&[1, 2_147_483_647, 86_400, 951_782_400])
                } else {
                    rng.range(1, 2_147_483_647) as i64
                };
                quote(&format!("{}{frac}", utc_text(secs)))
            }
            Ty::Char { len, cs } | Ty::VarChar { len, cs, .. } => {
                text_literal(rng, *cs, usize::from(*len), usize::MAX)
            }
            Ty::Text { size, cs, .. } => {
                let budget = blob_budget(rng, *size);
                text_literal(rng, *cs, usize::MAX, budget)
            }
            Ty::Binary(n) => bytes_literal(rng, usize::from(*n)),
            Ty::VarBinary { len, .. } => bytes_literal(rng, usize::from(*len)),
            Ty::Blob { size, .. } => {
                let budget = blob_budget(rng, *size);
                bytes_literal(rng, budget)
            }
            Ty::Enum { members, .. } => {
                utf8_hex(&members[rng.below(members.len() as u64) as usize])
            }
            Ty::Set { members, .. } => {
                let chosen: Vec<&str> = members
                    .iter()
                    .filter(|_| if edge { true } else { rng.chance(1, 3) })
                    .map(String::as_str)
                    .collect();
                let chosen = if edge && rng.chance(1, 2) {
                    Vec::new()
                } else {
                    chosen
                };
                utf8_hex(&chosen.join(","))
            }
            Ty::Json => utf8_hex(&random_json(rng, 0)),
            Ty::Geometry(g) => {
                let kind = match g {
                    Geo::Any => *rng.pick(&[
                        Geo::Point,
                        Geo::LineString,
                        Geo::Polygon,
                        Geo::MultiPoint,
                        Geo::Collection,
                    ]),
                    g => *g,
                };
                let wkt = wkt(rng, kind);
                let srid = *rng.pick(&[0u32, 0, 4326, 3857, 2_147_483_647]);
                format!("ST_GeomFromText('{wkt}', {srid})")
            }
            Ty::Inet4 => {
                let v = if edge {
                    *rng.pick(&[0u32, u32::MAX, 0x7f00_0001])
                } else {
                    rng.next_u64() as u32
                };
                let b = v.to_be_bytes();
                quote(&format!("{}.{}.{}.{}", b[0], b[1], b[2], b[3]))
            }
            Ty::Inet6 => {
                if edge {
                    return quote(rng.pick::<&str>(&[
                        "::",
                        "::1",
                        "::ffff:1.2.3.4",
                        "ffff::",
                        "fe80::1:2",
                    ]));
                }
                let groups: Vec<String> = (0..8)
                    .map(|_| format!("{:x}", rng.below(0x10000)))
                    .collect();
                quote(&groups.join(":"))
            }
            Ty::Uuid => {
                let mut b =
                    (u128::from(rng.next_u64()) << 64 | u128::from(rng.next_u64())).to_be_bytes();
                // Variant 10 (RFC 4122): MariaDB refuses some other variants with high
                // versions.
                b[8] = (b[8] & 0x3f) | 0x80;
                // Versions 1 to 5 (MariaDB refuses some higher ones); version 1 is the
                // time-based UUID that MariaDB stores with its time fields swapped.
                let version = if rng.chance(1, 2) {
                    1
                } else {
                    rng.range(2, 5) as u8
                };
                b[6] = (b[6] & 0x0f) | (version << 4);
                if edge {
                    b = *rng.pick(&[[0u8; 16], [0xff; 16]]);
                }
                let h = hex(&b).to_lowercase();
                quote(&format!(
                    "{}-{}-{}-{}-{}",
                    &h[0..8],
                    &h[8..12],
                    &h[12..16],
                    &h[16..20],
                    &h[20..32]
                ))
            }
        }
    }

    /// The expressions selecting column `c` for the comparison; the caller wraps each in
    /// `HEX()`, so that the client's output is plain ASCII.
    pub fn select_exprs(&self, c: &str) -> Vec<String> {
        match self {
            Ty::Float => vec![format!("CAST(CAST({c} AS DOUBLE) AS CHAR)")],
            Ty::Int { .. }
            | Ty::Decimal { .. }
            | Ty::Double
            | Ty::Date
            | Ty::Time(_)
            | Ty::DateTime(_)
            | Ty::Timestamp(_) => vec![format!("CAST({c} AS CHAR)")],
            Ty::Bit(_) | Ty::Year => vec![format!("CAST({c}+0 AS CHAR)")],
            Ty::Char { .. } | Ty::VarChar { .. } | Ty::Text { .. } | Ty::Json => {
                vec![c.to_owned(), format!("CONVERT({c} USING utf8mb4)")]
            }
            // A 64-member SET's `c+0` is a signed BIGINT: the mask goes through UNSIGNED.
            Ty::Enum { .. } | Ty::Set { .. } => vec![
                format!("CONVERT({c} USING utf8mb4)"),
                format!("CAST(CAST({c}+0 AS UNSIGNED) AS CHAR)"),
            ],
            Ty::Binary(_)
            | Ty::VarBinary { .. }
            | Ty::Blob { .. }
            | Ty::Geometry(_)
            | Ty::Inet4
            | Ty::Inet6
            | Ty::Uuid => vec![c.to_owned()],
        }
    }

    /// What our JSON encoding must give for a value the server returned as `server`
    /// (one entry per [`select_exprs`](Self::select_exprs), `None` for NULL), for
    /// `column` as the TABLE_MAP described it.
    pub fn expected(
        &self,
        server: &[Option<Vec<u8>>],
        column: &Column,
    ) -> Result<Expected, String> {
        let Some(Some(first)) = server.first() else {
            return Ok(Expected::Json(J::Null));
        };
        let text = |b: &[u8]| {
            String::from_utf8(b.to_vec()).map_err(|_| format!("server text is not UTF-8: {b:02x?}"))
        };
        let second = || -> Result<&Vec<u8>, String> {
            server
                .get(1)
                .and_then(Option::as_ref)
                .ok_or_else(|| "the second expression is NULL".to_owned())
        };
        let number = |t: &str| -> Result<J, String> {
            serde_json::from_str::<J>(t).map_err(|e| format!("server number {t:?}: {e}"))
        };
        Ok(match self {
            Ty::Int { bytes, unsigned } => {
                let t = text(first)?;
                let v: i128 = t
                    .parse()
                    .map_err(|e| format!("server integer {t:?}: {e}"))?;
                let bits = u32::from(*bytes) * 8;
                let v = if *unsigned && column.unsigned != Some(true) && v >= 1i128 << (bits - 1) {
                    v - (1i128 << bits)
                } else {
                    v
                };
                Expected::Json(number(&v.to_string())?)
            }
            Ty::Bit(_) | Ty::Year => Expected::Json(number(&text(first)?)?),
            Ty::Float => {
                let t = text(first)?;
                let d: f64 = t.parse().map_err(|e| format!("server FLOAT {t:?}: {e}"))?;
                let f = d as f32;
                if f64::from(f) != d {
                    return Err(format!("server FLOAT {t:?} is not an f32"));
                }
                Expected::F32(f)
            }
            Ty::Double => {
                let t = text(first)?;
                Expected::F64(t.parse().map_err(|e| format!("server DOUBLE {t:?}: {e}"))?)
            }
            Ty::Decimal { .. } | Ty::Date | Ty::Time(_) | Ty::DateTime(_) | Ty::Timestamp(_) => {
                Expected::Json(J::String(text(first)?))
            }
            Ty::Char { .. } | Ty::VarChar { .. } | Ty::Text { .. } | Ty::Json => {
                match column.charset {
                    Some(63) => hex_json(first),
                    Some(_) => Expected::Json(J::String(text(second()?)?)),
                    None => utf8_or_hex(first),
                }
            }
            Ty::Enum { .. } => match column.members {
                Some(_) => Expected::Json(J::String(text(first)?)),
                None => Expected::Json(number(&text(second()?)?)?),
            },
            Ty::Set { .. } => match column.members {
                Some(_) => {
                    let t = text(first)?;
                    Expected::Json(J::Array(
                        t.split(',')
                            .filter(|m| !m.is_empty())
                            .map(|m| J::String(m.to_owned()))
                            .collect(),
                    ))
                }
                None => Expected::Json(number(&text(second()?)?)?),
            },
            Ty::Geometry(_) => hex_json(first),
            Ty::VarBinary { .. } | Ty::Blob { .. } => match column.charset {
                Some(_) => hex_json(first),
                None => utf8_or_hex(first),
            },
            Ty::Binary(_) | Ty::Inet4 | Ty::Inet6 | Ty::Uuid => match column.charset {
                Some(_) => hex_json(first),
                None => {
                    let end = first.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
                    utf8_or_hex(&first[..end])
                }
            },
        })
    }

    /// Reads our JSON text of a value in the same form as [`Expected`].
    pub fn ours(&self, json: &str) -> Result<Expected, String> {
        match self {
            Ty::Float if json != "null" => json
                .parse::<f32>()
                .map(Expected::F32)
                .map_err(|e| format!("our FLOAT {json:?}: {e}")),
            Ty::Double if json != "null" => json
                .parse::<f64>()
                .map(Expected::F64)
                .map_err(|e| format!("our DOUBLE {json:?}: {e}")),
            _ => serde_json::from_str(json)
                .map(Expected::Json)
                .map_err(|e| format!("our JSON {json:?}: {e}")),
        }
    }
}

/// Whether two values are the same (floats with `==`: see the module documentation).
pub fn same(a: &Expected, b: &Expected) -> bool {
    match (a, b) {
        (Expected::F32(x), Expected::F32(y)) => x == y,
        (Expected::F64(x), Expected::F64(y)) => x == y,
        (a, b) => a == b,
    }
}

fn hex_json(bytes: &[u8]) -> Expected {
    let mut m = serde_json::Map::new();
    m.insert("hex".into(), J::String(hex(bytes).to_lowercase()));
    Expected::Json(J::Object(m))
}

fn utf8_or_hex(bytes: &[u8]) -> Expected {
    match std::str::from_utf8(bytes) {
        Ok(s) => Expected::Json(J::String(s.to_owned())),
        Err(_) => hex_json(bytes),
    }
}

/// `_utf8mb4 X'...'`: any text, as an ASCII literal.
fn utf8_hex(text: &str) -> String {
    format!("_utf8mb4 X'{}'", hex(text.as_bytes()))
}

/// A text value of at most `chars` characters and `bytes` UTF-8 bytes, with the edges:
/// empty, trailing spaces, zero bytes, control characters, multibyte characters. Mostly
/// as `_utf8mb4 X'..'`, sometimes as a quoted literal (so statements carry UTF-8 text).
fn text_literal(rng: &mut Rng, cs: Cs, chars: usize, bytes: usize) -> String {
    let target = match rng.below(10) {
        0 => 0,
        1 => chars.min(bytes),
        _ => rng.range(0, chars.min(bytes).min(40) as i128) as usize,
    };
    let mut s = String::new();
    let mut n = 0;
    while n < target {
        let c = match rng.below(12) {
            0 => '\0',
            1 => *rng.pick(&['\t', '\n', '\r', '\'', '\\', '"']),
            2..=4 => *rng.pick(cs.extra()),
            _ => char::from(b' ' + rng.below(95) as u8),
        };
        if s.len() + c.len_utf8() > bytes {
            break;
        }
        s.push(c);
        n += 1;
    }
    if rng.chance(1, 8) {
        // Trailing spaces or zero bytes, within the limits.
        let pad = if rng.chance(1, 2) { ' ' } else { '\0' };
        while n < chars && s.len() < bytes && rng.chance(3, 4) {
            s.push(pad);
            n += 1;
        }
    }
    if rng.chance(1, 4) && !s.contains(['\0', '\r']) {
        let mut q = String::from("'");
        for c in s.chars() {
            match c {
                '\'' => q.push_str("\\'"),
                '\\' => q.push_str("\\\\"),
                '\n' => q.push_str("\\n"),
                '\t' => q.push_str("\\t"),
                c => q.push(c),
            }
        }
        q.push('\'');
        return q;
    }
    utf8_hex(&s)
}

fn bytes_literal(rng: &mut Rng, max: usize) -> String {
    let n = match rng.below(10) {
        0 => 0,
        1 => max,
        _ => rng.range(0, max.min(48) as i128) as usize,
    };
    let mut b: Vec<u8> = (0..n)
        .map(|_| match rng.below(4) {
            0 => 0,
            1 => b' ',
            _ => rng.below(256) as u8,
        })
        .collect();
    if rng.chance(1, 4) && !b.is_empty() {
        let last = b.len() - 1;
        b[last] = *rng.pick(&[0u8, b' ']);
    }
    format!("X'{}'", hex(&b))
}

/// How many bytes a BLOB or TEXT value gets: mostly small, sometimes past 255 and 65,535
/// bytes (when the type allows), so every length prefix is exercised.
fn blob_budget(rng: &mut Rng, size: BlobSize) -> usize {
    let n = match rng.below(100) {
        0 => 70_000,
        1..=4 => 70_000 >> 6,
        5..=19 => 300,
        _ => 60,
    };
    n.min(size.max())
}

fn frac(rng: &mut Rng, fsp: u8, edge: bool) -> String {
    if fsp == 0 || rng.chance(1, 8) {
        return String::new();
    }
    let digits: String = (0..fsp)
        .map(|_| {
            if edge {
                '9'
            } else {
                char::from(b'0' + rng.below(10) as u8)
            }
        })
        .collect();
    format!(".{digits}")
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn random_date(rng: &mut Rng, min_year: i128) -> String {
    let y = rng.range(min_year, 9999) as i64;
    let m = rng.range(1, 12) as i64;
    let d = rng.range(1, i128::from(days_in_month(y, m))) as i64;
    format!("{y:04}-{m:02}-{d:02}")
}

/// `YYYY-MM-DD HH:MM:SS` of a Unix time, in UTC.
pub fn utc_text(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Civil from days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

fn coord(rng: &mut Rng) -> String {
    let x = rng.range(-1_000_000, 1_000_000) as f64 / f64::from(*rng.pick(&[1u32, 8, 1000]));
    format!("{x}")
}

fn wkt(rng: &mut Rng, kind: Geo) -> String {
    let point = |rng: &mut Rng| format!("{} {}", coord(rng), coord(rng));
    match kind {
        Geo::Point | Geo::Any => format!("POINT({})", point(rng)),
        Geo::LineString => {
            let n = rng.range(2, 6);
            let pts: Vec<String> = (0..n).map(|_| point(rng)).collect();
            format!("LINESTRING({})", pts.join(","))
        }
        Geo::Polygon => {
            let (x0, y0) = (rng.range(-1000, 1000), rng.range(-1000, 1000));
            let (x1, y1) = (x0 + rng.range(1, 500), y0 + rng.range(1, 500));
            format!("POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))")
        }
        Geo::MultiPoint => {
            let n = rng.range(1, 4);
            // MariaDB reads MULTIPOINT(x y, x y), not MULTIPOINT((x y), (x y)).
            let pts: Vec<String> = (0..n).map(|_| point(rng)).collect();
            format!("MULTIPOINT({})", pts.join(","))
        }
        Geo::Collection => format!(
            "GEOMETRYCOLLECTION({},{})",
            wkt(rng, Geo::Point),
            wkt(rng, Geo::LineString)
        ),
    }
}

/// A random JSON document (MariaDB keeps the text as written).
fn random_json(rng: &mut Rng, depth: u32) -> String {
    let leaf = depth >= 3 || rng.chance(1, 2);
    if leaf {
        return match rng.below(7) {
            0 => "null".into(),
            1 => "true".into(),
            2 => "false".into(),
            3 => rng.range(-1_000_000_000_000, 1_000_000_000_000).to_string(),
            4 => rng
                .pick(&["1.5e300", "-0.0", "3.14159", "18446744073709551616", "1E-7"])
                .to_string(),
            _ => {
                let s: String = (0..rng.below(8))
                    .map(|_| *rng.pick(&['a', 'é', '😀', ' ', '"', '\\', '\n', '/', 'ж']))
                    .collect();
                serde_json::to_string(&s).unwrap_or_default()
            }
        };
    }
    let n = rng.below(4);
    if rng.chance(1, 2) {
        let items: Vec<String> = (0..n).map(|_| random_json(rng, depth + 1)).collect();
        format!("[{}]", items.join(", "))
    } else {
        let items: Vec<String> = (0..n)
            .map(|i| format!("\"k{i}\": {}", random_json(rng, depth + 1)))
            .collect();
        format!("{{{}}}", items.join(","))
    }
}
