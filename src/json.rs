//! MySQL's binary JSON (the JSON column type) and the JSON diffs of PARTIAL_UPDATE_ROWS.
//!
//! A [`Json`] is a document as the server stores it: a type byte, then the value. It is
//! read lazily and without copying: [`Json::value`] gives the top-level [`JsonValue`], and
//! objects and arrays read their members only when asked. Every count, size and offset in
//! the document is checked against the bytes it claims, so a damaged document gives a
//! [`JsonError`] (with the byte offset of the problem), never a panic, a huge allocation
//! or unbounded recursion: nesting is limited to [`MAX_DEPTH`] levels, as in MySQL.
//!
//! Each object and array follows its own entries and offsets, so documents with unused
//! bytes ("holes") left by in-place partial updates read right.
//!
//! [`Json::write_text`] prints a document exactly as MySQL does (`SELECT`, `JSON_*`
//! functions), and [`Json::write_unquoted`] as `mysqlbinlog -v` does before SQL-quoting.
//! [`write_mysqlbinlog_diffs`] prints the diff list of a PARTIAL_UPDATE_ROWS after image
//! the way `mysqlbinlog -v` does (`JSON_REPLACE(@2, '$.age', 26)`).
//!
//! ```
//! use binlogkit::json::{Json, JsonValue};
//!
//! // {"a": 1}: a small object with one key and an inlined int16.
//! let doc = Json::new(&[0x00, 0x01, 0x00, 0x0c, 0x00, 0x0b, 0x00, 0x01, 0x00, 0x05, 0x01, 0x00, b'a']);
//! assert_eq!(doc.to_text()?, r#"{"a": 1}"#);
//! if let JsonValue::Object(object) = doc.value()? {
//!     assert_eq!(object.lookup(b"a")?, Some(JsonValue::Int(1)));
//! }
//! # Ok::<(), binlogkit::json::JsonError>(())
//! ```

use std::cell::Cell;
use std::fmt;
use std::fmt::Write as _;

use crate::constants::ColumnType;
use crate::value::{Date, DateTime, Decimal, DecimalError, Time, Value, ValueError};

/// The deepest nesting of objects and arrays that is read (MySQL's
/// `JSON_DOCUMENT_MAX_DEPTH`): the top-level container is level 1.
pub const MAX_DEPTH: usize = 100;

// Type bytes (`json_binary.h`).
const SMALL_OBJECT: u8 = 0x00;
const LARGE_OBJECT: u8 = 0x01;
const SMALL_ARRAY: u8 = 0x02;
const LARGE_ARRAY: u8 = 0x03;
const LITERAL: u8 = 0x04;
const INT16: u8 = 0x05;
const UINT16: u8 = 0x06;
const INT32: u8 = 0x07;
const UINT32: u8 = 0x08;
const INT64: u8 = 0x09;
const UINT64: u8 = 0x0a;
const DOUBLE: u8 = 0x0b;
const STRING: u8 = 0x0c;
const OPAQUE: u8 = 0x0f;

// ---------------------------------------------------------------------------------- errors

/// Why a JSON document or diff list cannot be read. Offsets are in bytes from the start
/// of the document (its type byte), or of the diff list for the diff variants.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum JsonError {
    /// A type byte that is not a JSON value type.
    #[error("unknown JSON value type 0x{type_byte:02x} at offset {offset}")]
    UnknownType {
        /// Where the type byte is.
        offset: usize,
        /// The byte.
        type_byte: u8,
    },
    /// A value, or a container's header, runs past the end of its container (or of the
    /// document).
    #[error(
        "the JSON value at offset {offset} runs past the end of its container \
         ({needed} bytes needed, {available} available)"
    )]
    Truncated {
        /// Where the value starts.
        offset: usize,
        /// The bytes it needs.
        needed: u64,
        /// The bytes left in its container.
        available: usize,
    },
    /// A literal byte other than 0 (null), 1 (true) or 2 (false).
    #[error("invalid JSON literal 0x{value:02x} at offset {offset}")]
    BadLiteral {
        /// Where the literal is.
        offset: usize,
        /// Its byte.
        value: u8,
    },
    /// A string or opaque length that is not a valid variable-length integer of at most
    /// 32 bits.
    #[error("invalid variable-length integer at offset {offset}")]
    BadLength {
        /// Where the length starts.
        offset: usize,
    },
    /// An object's or array's entries do not fit in its declared size.
    #[error(
        "the JSON container at offset {offset} has {count} members, whose header \
         ({header} bytes) exceeds its size ({size} bytes)"
    )]
    HeaderTooLarge {
        /// Where the container's element count is.
        offset: usize,
        /// The element count.
        count: u32,
        /// The bytes its header needs.
        header: u64,
        /// The container's declared size.
        size: u32,
    },
    /// A value entry points before its own end or past its container.
    #[error(
        "the JSON value entry at offset {offset} points outside its container (to {value_offset})"
    )]
    BadValueOffset {
        /// Where the value entry is.
        offset: usize,
        /// The offset it holds, relative to its container.
        value_offset: u32,
    },
    /// A key entry points into the container's header or past its end.
    #[error(
        "the JSON key entry at offset {offset} points outside its object \
         ({key_length} bytes at {key_offset})"
    )]
    BadKey {
        /// Where the key entry is.
        offset: usize,
        /// The key offset it holds, relative to its object.
        key_offset: u32,
        /// The key length it holds.
        key_length: u16,
    },
    /// An opaque DECIMAL whose bytes do not hold a DECIMAL.
    #[error("invalid DECIMAL in the JSON opaque value at offset {offset}: {error}")]
    BadDecimal {
        /// Where the opaque value is.
        offset: usize,
        /// What is wrong.
        error: DecimalError,
    },
    /// An opaque value MySQL gives a meaning (DECIMAL, DATE, TIME, DATETIME, TIMESTAMP)
    /// whose bytes do not fit that meaning.
    #[error("invalid JSON opaque value of field type {field_type} at offset {offset}: {reason}")]
    BadOpaque {
        /// Where the opaque value is.
        offset: usize,
        /// Its field type (`enum_field_types`).
        field_type: u8,
        /// What is wrong.
        reason: &'static str,
    },
    /// Objects and arrays nest deeper than [`MAX_DEPTH`].
    #[error("the JSON document nests deeper than {MAX_DEPTH} levels (at offset {offset})")]
    TooDeep {
        /// Where the container beyond the limit is (its type byte, or its entry).
        offset: usize,
    },
    /// A string or key that is not UTF-8, where text must be UTF-8 (a `String` output,
    /// serde).
    #[error("invalid UTF-8 in a JSON string at offset {offset}")]
    InvalidUtf8 {
        /// Where the first invalid byte is.
        offset: usize,
    },
    /// Values of the document share bytes so much that printing it would read more than
    /// twice its size (entries pointing to shared values can make the text exponentially
    /// long). MySQL never writes such a document.
    #[error(
        "JSON values overlap at offset {offset}: printing the document would read its bytes \
         more than twice"
    )]
    Overlapping {
        /// Where the value that exceeded the document's bytes is.
        offset: usize,
    },
    /// A diff with an operation code other than 0 (replace), 1 (insert) or 2 (remove).
    #[error("invalid JSON diff operation {op} at offset {offset}")]
    BadDiffOp {
        /// Where the operation byte is, in the diff list.
        offset: usize,
        /// The byte.
        op: u8,
    },
    /// A diff list whose framing is broken.
    #[error("invalid JSON diff list at offset {offset}: {reason}")]
    BadDiff {
        /// Where, in the diff list.
        offset: usize,
        /// What is wrong.
        reason: &'static str,
    },
    /// A diff's value document cannot be read.
    #[error("the JSON diff value at offset {offset} of the diff list: {error}")]
    DiffValue {
        /// Where the value document starts, in the diff list.
        offset: usize,
        /// The document's error (offsets within the value document).
        error: Box<JsonError>,
    },
}

// -------------------------------------------------------------------------------- values

/// A MySQL JSON document in its binary form, as stored in a row image (an empty document
/// is the JSON `null` literal).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Json<'a> {
    bytes: &'a [u8],
}

/// A JSON value, read lazily from a document: scalars are decoded, objects and arrays
/// read their members on demand.
///
/// Opaque values whose field type MySQL gives a meaning are decoded to that meaning
/// (DECIMAL, DATE, TIME, DATETIME, TIMESTAMP); every other opaque value, VAR_STRING
/// included, is [`JsonValue::Opaque`] (MySQL 8.0+ prints an opaque VAR_STRING as a JSON
/// string, and so does [`Json::write_text`] in [`JsonTextStyle::Mysql80`]).
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum JsonValue<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A signed integer (int16, int32, int64).
    Int(i64),
    /// An unsigned integer (uint16, uint32, uint64).
    UInt(u64),
    /// A double.
    Double(f64),
    /// A string: its utf8mb4 bytes, as stored.
    String(&'a [u8]),
    /// A DECIMAL (an opaque value of field type NEWDECIMAL).
    Decimal(Decimal<'a>),
    /// A DATE (opaque, field type DATE).
    Date(Date),
    /// A TIME (opaque, field type TIME), with `fsp` 6 (JSON keeps microseconds).
    Time(Time),
    /// A DATETIME (opaque, field type DATETIME), with `fsp` 6.
    DateTime(DateTime),
    /// A TIMESTAMP (opaque, field type TIMESTAMP): MySQL keeps it as a date and time in
    /// JSON, not as seconds since the epoch. `fsp` is 6.
    Timestamp(DateTime),
    /// Any other MySQL value stored as opaque data: its field type and bytes.
    Opaque {
        /// The MySQL field type of the data.
        field_type: ColumnType,
        /// The data.
        data: &'a [u8],
    },
    /// An object.
    Object(JsonObject<'a>),
    /// An array.
    Array(JsonArray<'a>),
}

/// A JSON object: its members in stored order (MySQL sorts keys by length, then bytes;
/// the order is not checked).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct JsonObject<'a> {
    c: Container<'a>,
}

/// A JSON array.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct JsonArray<'a> {
    c: Container<'a>,
}

/// An object or array: where its bytes are in the document and what its header says.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Container<'a> {
    /// The whole document.
    doc: &'a [u8],
    /// Where the element count is (the byte after the type byte).
    start: usize,
    /// The declared size, from `start`; `start + size <= doc.len()`.
    size: usize,
    /// The element count; the header fits in `size`.
    count: usize,
    large: bool,
    object: bool,
    /// The nesting level: 1 for the top-level container.
    depth: usize,
}

impl<'a> Json<'a> {
    /// The document of `bytes` (not checked until read).
    pub fn new(bytes: &'a [u8]) -> Self {
        Json { bytes }
    }

    /// The binary document.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// The top-level value. An empty document is `null`, as MySQL reads it (a NULL
    /// stored into a NOT NULL JSON column in non-strict mode).
    pub fn value(&self) -> Result<JsonValue<'a>, JsonError> {
        match self.bytes.split_first() {
            None => Ok(JsonValue::Null),
            Some((&t, _)) => parse_value(self.bytes, t, 0, 1, self.bytes.len(), 1),
        }
    }

    /// Appends the document as MySQL prints it (`SELECT`, `CAST(… AS CHAR)`): JSON text
    /// with `", "` and `": "` separators, keys in stored order, strings escaped as
    /// MySQL's `double_quote` does, doubles as `my_gcvt`, decimals with all their digits,
    /// dates and times quoted (`"2012-03-18 11:30:45.000000"`), other opaque values as
    /// `"base64:type<N>:<base64>"`. The text is always valid JSON.
    ///
    /// On error `out` is left as it was.
    ///
    /// ```
    /// use binlogkit::json::{Json, JsonTextStyle};
    /// // A top-level double 1.0: MySQL 8.0 prints `1.0`, 5.7 printed `1`.
    /// let doc = Json::new(&[0x0b, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f]);
    /// let mut text = String::new();
    /// doc.write_text(&mut text, JsonTextStyle::Mysql80)?;
    /// text.push(' ');
    /// doc.write_text(&mut text, JsonTextStyle::Mysql57)?;
    /// assert_eq!(text, "1.0 1");
    /// # Ok::<(), binlogkit::json::JsonError>(())
    /// ```
    pub fn write_text(&self, out: &mut String, style: JsonTextStyle) -> Result<(), JsonError> {
        self.render(out, style, true)
    }

    /// Appends the document as `mysqlbinlog -v` prints it before SQL-quoting it: like
    /// [`Json::write_text`], except that a top-level string, date, time or opaque value
    /// is printed without JSON quotes or escapes (`Joe`, not `"Joe"`). Nested values are
    /// quoted as usual.
    ///
    /// On error `out` is left as it was.
    pub fn write_unquoted(&self, out: &mut String, style: JsonTextStyle) -> Result<(), JsonError> {
        self.render(out, style, false)
    }

    /// [`Json::write_text`] into bytes: strings and keys are copied as stored, without
    /// checking that they are UTF-8 (MySQL does not check either).
    pub fn write_text_bytes(
        &self,
        out: &mut Vec<u8>,
        style: JsonTextStyle,
    ) -> Result<(), JsonError> {
        self.render(out, style, true)
    }

    /// [`Json::write_unquoted`] into bytes, strings copied as stored (what `mysqlbinlog`
    /// prints for a JSON column, before SQL-quoting).
    pub fn write_unquoted_bytes(
        &self,
        out: &mut Vec<u8>,
        style: JsonTextStyle,
    ) -> Result<(), JsonError> {
        self.render(out, style, false)
    }

    /// The document as MySQL 8.0+ prints it ([`Json::write_text`] with
    /// [`JsonTextStyle::Mysql80`]). This is the text to use when the exact value matters:
    /// numbers keep their exact digits and type (`1.0` vs `1`, all DECIMAL digits).
    pub fn to_text(&self) -> Result<String, JsonError> {
        let mut out = String::new();
        self.write_text(&mut out, JsonTextStyle::Mysql80)?;
        Ok(out)
    }

    fn render<S: Sink>(
        &self,
        out: &mut S,
        style: JsonTextStyle,
        quoted: bool,
    ) -> Result<(), JsonError> {
        let mark = out.mark();
        let result = self.value().and_then(|v| {
            let mut r = Renderer {
                doc: self.bytes,
                out: &mut *out,
                style,
                budget: Budget::new(self.bytes.len()),
            };
            r.value(v, quoted)
        });
        if result.is_err() {
            out.reset(mark);
        }
        result
    }
}

impl<'a> JsonObject<'a> {
    /// The number of members.
    pub fn len(&self) -> usize {
        self.c.count
    }

    /// True for `{}`.
    pub fn is_empty(&self) -> bool {
        self.c.count == 0
    }

    /// True when the object uses the large format (4-byte offsets).
    pub fn is_large(&self) -> bool {
        self.c.large
    }

    /// Where the object's element count is, in bytes from the start of the document.
    pub fn offset(&self) -> usize {
        self.c.start
    }

    /// The key of member `i` (its utf8mb4 bytes), `None` past the end.
    pub fn key(&self, i: usize) -> Option<Result<&'a [u8], JsonError>> {
        (i < self.c.count).then(|| self.c.key(i))
    }

    /// The value of member `i`, `None` past the end.
    pub fn value(&self, i: usize) -> Option<Result<JsonValue<'a>, JsonError>> {
        (i < self.c.count).then(|| self.c.element(i))
    }

    /// Member `i`: its key and value, `None` past the end.
    pub fn get(&self, i: usize) -> Option<Result<(&'a [u8], JsonValue<'a>), JsonError>> {
        (i < self.c.count).then(|| Ok((self.c.key(i)?, self.c.element(i)?)))
    }

    /// The value of the first member whose key is `key` (a linear search: the key order
    /// of a damaged document is not trusted).
    pub fn lookup(&self, key: &[u8]) -> Result<Option<JsonValue<'a>>, JsonError> {
        for i in 0..self.c.count {
            if self.c.key(i)? == key {
                return self.c.element(i).map(Some);
            }
        }
        Ok(None)
    }

    /// The members in stored order, as `(key, value)`; a member that cannot be read is an
    /// error item, and the iteration goes on with the next one.
    pub fn iter(&self) -> JsonObjectIter<'a> {
        JsonObjectIter {
            object: *self,
            next: 0,
        }
    }
}

impl<'a> JsonArray<'a> {
    /// The number of elements.
    pub fn len(&self) -> usize {
        self.c.count
    }

    /// True for `[]`.
    pub fn is_empty(&self) -> bool {
        self.c.count == 0
    }

    /// True when the array uses the large format (4-byte offsets).
    pub fn is_large(&self) -> bool {
        self.c.large
    }

    /// Where the array's element count is, in bytes from the start of the document.
    pub fn offset(&self) -> usize {
        self.c.start
    }

    /// Element `i`, `None` past the end.
    pub fn get(&self, i: usize) -> Option<Result<JsonValue<'a>, JsonError>> {
        (i < self.c.count).then(|| self.c.element(i))
    }

    /// The elements in order; an element that cannot be read is an error item, and the
    /// iteration goes on with the next one.
    pub fn iter(&self) -> JsonArrayIter<'a> {
        JsonArrayIter {
            array: *self,
            next: 0,
        }
    }
}

impl fmt::Debug for JsonObject<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JsonObject")
            .field("offset", &self.c.start)
            .field("len", &self.c.count)
            .field("large", &self.c.large)
            .finish()
    }
}

impl fmt::Debug for JsonArray<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JsonArray")
            .field("offset", &self.c.start)
            .field("len", &self.c.count)
            .field("large", &self.c.large)
            .finish()
    }
}

/// The members of a [`JsonObject`] (see [`JsonObject::iter`]).
#[derive(Clone, Debug)]
pub struct JsonObjectIter<'a> {
    object: JsonObject<'a>,
    next: usize,
}

impl<'a> Iterator for JsonObjectIter<'a> {
    type Item = Result<(&'a [u8], JsonValue<'a>), JsonError>;

    fn next(&mut self) -> Option<Self::Item> {
        let item = self.object.get(self.next)?;
        self.next += 1;
        Some(item)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.object.len().saturating_sub(self.next);
        (left, Some(left))
    }
}

impl ExactSizeIterator for JsonObjectIter<'_> {}

/// The elements of a [`JsonArray`] (see [`JsonArray::iter`]).
#[derive(Clone, Debug)]
pub struct JsonArrayIter<'a> {
    array: JsonArray<'a>,
    next: usize,
}

impl<'a> Iterator for JsonArrayIter<'a> {
    type Item = Result<JsonValue<'a>, JsonError>;

    fn next(&mut self) -> Option<Self::Item> {
        let item = self.array.get(self.next)?;
        self.next += 1;
        Some(item)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.array.len().saturating_sub(self.next);
        (left, Some(left))
    }
}

impl ExactSizeIterator for JsonArrayIter<'_> {}

impl<'a> IntoIterator for JsonObject<'a> {
    type Item = Result<(&'a [u8], JsonValue<'a>), JsonError>;
    type IntoIter = JsonObjectIter<'a>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a> IntoIterator for JsonArray<'a> {
    type Item = Result<JsonValue<'a>, JsonError>;
    type IntoIter = JsonArrayIter<'a>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

// ------------------------------------------------------------------------------- parsing

/// `n` (at most 8) little-endian bytes of `doc` at `at`.
fn le_uint(doc: &[u8], at: usize, n: usize) -> Option<u64> {
    let bytes = doc.get(at..at.checked_add(n)?)?;
    Some(
        bytes
            .iter()
            .rev()
            .fold(0u64, |acc, &b| (acc << 8) | u64::from(b)),
    )
}

/// The first `N` bytes of `data`, which starts at document offset `at`.
fn fixed<const N: usize>(data: &[u8], at: usize) -> Result<[u8; N], JsonError> {
    data.get(..N)
        .and_then(|b| b.try_into().ok())
        .ok_or(JsonError::Truncated {
            offset: at,
            needed: N as u64,
            available: data.len(),
        })
}

/// A variable-length integer (7 bits a byte, low groups first, at most 5 bytes, at most
/// 32 bits) at the start of `data` (document offset `at`): (value, bytes used).
fn varlen(data: &[u8], at: usize) -> Result<(usize, usize), JsonError> {
    let mut value = 0u64;
    for (i, &b) in data.iter().take(5).enumerate() {
        value |= u64::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            let value = u32::try_from(value).map_err(|_| JsonError::BadLength { offset: at })?;
            return Ok((value as usize, i + 1));
        }
    }
    Err(JsonError::BadLength { offset: at })
}

/// True for the types stored inside a value entry.
fn inlined(t: u8, large: bool) -> bool {
    match t {
        LITERAL | INT16 | UINT16 => true,
        INT32 | UINT32 => large,
        _ => false,
    }
}

/// The value of type `t` (whose type byte is at `type_at`) stored at `at`, inside a
/// container (or document) that ends at `end`; `depth` is the nesting level it would
/// have as a container.
fn parse_value(
    doc: &[u8],
    t: u8,
    type_at: usize,
    at: usize,
    end: usize,
    depth: usize,
) -> Result<JsonValue<'_>, JsonError> {
    match t {
        SMALL_OBJECT | LARGE_OBJECT => {
            let c = Container::parse(doc, type_at, at, end, t == LARGE_OBJECT, true, depth)?;
            Ok(JsonValue::Object(JsonObject { c }))
        }
        SMALL_ARRAY | LARGE_ARRAY => {
            let c = Container::parse(doc, type_at, at, end, t == LARGE_ARRAY, false, depth)?;
            Ok(JsonValue::Array(JsonArray { c }))
        }
        _ => parse_scalar(doc, t, type_at, at, end),
    }
}

/// A scalar of type `t` in `doc[at..end]`.
fn parse_scalar(
    doc: &[u8],
    t: u8,
    type_at: usize,
    at: usize,
    end: usize,
) -> Result<JsonValue<'_>, JsonError> {
    let data = doc.get(at..end).unwrap_or_default();
    Ok(match t {
        LITERAL => match fixed::<1>(data, at)? {
            [0] => JsonValue::Null,
            [1] => JsonValue::Bool(true),
            [2] => JsonValue::Bool(false),
            [value] => return Err(JsonError::BadLiteral { offset: at, value }),
        },
        INT16 => JsonValue::Int(i64::from(i16::from_le_bytes(fixed(data, at)?))),
        UINT16 => JsonValue::UInt(u64::from(u16::from_le_bytes(fixed(data, at)?))),
        INT32 => JsonValue::Int(i64::from(i32::from_le_bytes(fixed(data, at)?))),
        UINT32 => JsonValue::UInt(u64::from(u32::from_le_bytes(fixed(data, at)?))),
        INT64 => JsonValue::Int(i64::from_le_bytes(fixed(data, at)?)),
        UINT64 => JsonValue::UInt(u64::from_le_bytes(fixed(data, at)?)),
        DOUBLE => JsonValue::Double(f64::from_le_bytes(fixed(data, at)?)),
        STRING => {
            let (len, n) = varlen(data, at)?;
            JsonValue::String(take(data, n, len, at)?)
        }
        OPAQUE => {
            let [field_type] = fixed::<1>(data, at)?;
            let rest = data.get(1..).unwrap_or_default();
            let (len, n) = varlen(rest, at + 1)?;
            let bytes = take(data, 1 + n, len, at)?;
            opaque(field_type, bytes, at)?
        }
        type_byte => {
            return Err(JsonError::UnknownType {
                offset: type_at,
                type_byte,
            });
        }
    })
}

/// `len` bytes of `data` (at document offset `at`) after its first `skip`.
fn take(data: &[u8], skip: usize, len: usize, at: usize) -> Result<&[u8], JsonError> {
    skip.checked_add(len)
        .and_then(|end| data.get(skip..end))
        .ok_or(JsonError::Truncated {
            offset: at,
            needed: skip as u64 + len as u64,
            available: data.len(),
        })
}

/// An opaque value, decoded when MySQL gives its field type a meaning in JSON.
fn opaque(field_type: u8, data: &[u8], at: usize) -> Result<JsonValue<'_>, JsonError> {
    let ft = ColumnType(field_type);
    match ft {
        ColumnType::NEWDECIMAL => {
            let (&precision, rest) = data.split_first().ok_or(JsonError::BadOpaque {
                offset: at,
                field_type,
                reason: "a DECIMAL needs its precision and scale",
            })?;
            let (&scale, digits) = rest.split_first().ok_or(JsonError::BadOpaque {
                offset: at,
                field_type,
                reason: "a DECIMAL needs its precision and scale",
            })?;
            Decimal::new(precision, scale, digits)
                .map(JsonValue::Decimal)
                .map_err(|error| JsonError::BadDecimal { offset: at, error })
        }
        ColumnType::DATE | ColumnType::TIME | ColumnType::DATETIME | ColumnType::TIMESTAMP => {
            let packed: [u8; 8] = data.try_into().map_err(|_| JsonError::BadOpaque {
                offset: at,
                field_type,
                reason: "a packed date or time takes 8 bytes",
            })?;
            let packed = i64::from_le_bytes(packed);
            Ok(match ft {
                ColumnType::DATE => JsonValue::Date(packed_datetime(packed).date),
                ColumnType::TIME => JsonValue::Time(packed_time(packed)),
                ColumnType::DATETIME => JsonValue::DateTime(packed_datetime(packed)),
                _ => JsonValue::Timestamp(packed_datetime(packed)),
            })
        }
        _ => Ok(JsonValue::Opaque {
            field_type: ft,
            data,
        }),
    }
}

/// MySQL's `TIME_from_longlong_datetime_packed` (the sign is dropped, as MySQL's printer
/// does): `((year·13 + month) << 5 | day) << 17 | hour << 12 | minute << 6 | second`,
/// shifted left 24 bits, plus microseconds.
fn packed_datetime(packed: i64) -> DateTime {
    let v = packed.unsigned_abs();
    let micros = (v % (1 << 24)) as u32;
    let ymdhms = v >> 24;
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
        micros,
        fsp: 6,
    }
}

/// MySQL's `TIME_from_longlong_time_packed`: sign, then `hour << 12 | minute << 6 |
/// second` shifted left 24 bits, plus microseconds.
fn packed_time(packed: i64) -> Time {
    let v = packed.unsigned_abs();
    let hms = v >> 24;
    Time {
        negative: packed < 0,
        hours: ((hms >> 12) % 1024) as u16,
        minutes: ((hms >> 6) % 64) as u8,
        seconds: (hms % 64) as u8,
        micros: (v % (1 << 24)) as u32,
        fsp: 6,
    }
}

impl<'a> Container<'a> {
    /// The container whose element count is at `start` (type byte at `type_at`), in
    /// `doc[start..end]`.
    fn parse(
        doc: &'a [u8],
        type_at: usize,
        start: usize,
        end: usize,
        large: bool,
        object: bool,
        depth: usize,
    ) -> Result<Self, JsonError> {
        if depth > MAX_DEPTH {
            return Err(JsonError::TooDeep { offset: type_at });
        }
        let os = if large { 4 } else { 2 };
        let available = end.saturating_sub(start);
        let (Some(count), Some(size)) = (le_uint(doc, start, os), le_uint(doc, start + os, os))
        else {
            return Err(JsonError::Truncated {
                offset: start,
                needed: 2 * os as u64,
                available,
            });
        };
        if 2 * os > available {
            return Err(JsonError::Truncated {
                offset: start,
                needed: 2 * os as u64,
                available,
            });
        }
        if size > available as u64 {
            return Err(JsonError::Truncated {
                offset: start,
                needed: size,
                available,
            });
        }
        let key_entry = if object { os as u64 + 2 } else { 0 };
        let header = 2 * os as u64 + count * (key_entry + 1 + os as u64);
        if header > size {
            return Err(JsonError::HeaderTooLarge {
                offset: start,
                count: count as u32,
                header,
                size: size as u32,
            });
        }
        Ok(Container {
            doc,
            start,
            size: size as usize,
            count: count as usize,
            large,
            object,
            depth,
        })
    }

    fn offset_size(&self) -> usize {
        if self.large { 4 } else { 2 }
    }

    fn key_entry_size(&self) -> usize {
        self.offset_size() + 2
    }

    fn value_entry_size(&self) -> usize {
        self.offset_size() + 1
    }

    /// Where the value entries start, relative to `start`.
    fn value_entries(&self) -> usize {
        let keys = if self.object {
            self.count * self.key_entry_size()
        } else {
            0
        };
        2 * self.offset_size() + keys
    }

    /// The header's length: counts and entries (it fits in `size`).
    fn header_len(&self) -> usize {
        self.value_entries() + self.count * self.value_entry_size()
    }

    /// Element `i` (< count).
    fn element(&self, i: usize) -> Result<JsonValue<'a>, JsonError> {
        let ve = self.value_entry_size();
        let rel = self.value_entries() + i * ve;
        let entry = self.start + rel;
        let os = self.offset_size();
        let end = self.start + self.size;
        let t = *self.doc.get(entry).ok_or(JsonError::Truncated {
            offset: entry,
            needed: ve as u64,
            available: end.saturating_sub(entry),
        })?;
        if inlined(t, self.large) {
            return parse_scalar(self.doc, t, entry, entry + 1, entry + ve);
        }
        let value_offset = le_uint(self.doc, entry + 1, os).ok_or(JsonError::Truncated {
            offset: entry,
            needed: ve as u64,
            available: end.saturating_sub(entry),
        })?;
        if value_offset > self.size as u64 || value_offset < (rel + ve) as u64 {
            return Err(JsonError::BadValueOffset {
                offset: entry,
                value_offset: value_offset as u32,
            });
        }
        parse_value(
            self.doc,
            t,
            entry,
            self.start + value_offset as usize,
            end,
            self.depth + 1,
        )
    }

    /// The key of member `i` (< count) of an object.
    fn key(&self, i: usize) -> Result<&'a [u8], JsonError> {
        let os = self.offset_size();
        let entry = self.start + 2 * os + i * self.key_entry_size();
        let (Some(key_offset), Some(key_length)) = (
            le_uint(self.doc, entry, os),
            le_uint(self.doc, entry + os, 2),
        ) else {
            return Err(JsonError::Truncated {
                offset: entry,
                needed: self.key_entry_size() as u64,
                available: (self.start + self.size).saturating_sub(entry),
            });
        };
        let bad = JsonError::BadKey {
            offset: entry,
            key_offset: key_offset as u32,
            key_length: key_length as u16,
        };
        if key_offset < self.header_len() as u64 || key_offset + key_length > self.size as u64 {
            return Err(bad);
        }
        let from = self.start + key_offset as usize;
        self.doc.get(from..from + key_length as usize).ok_or(bad)
    }
}

// ------------------------------------------------------------------------------ printing

/// Which MySQL version's JSON text to produce.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum JsonTextStyle {
    /// MySQL 5.7: doubles without a fraction print as integers (`1`), and an opaque
    /// VAR_STRING prints as `"base64:type253:…"`. (5.7 also put the base64 text's line
    /// breaks raw into the quoted string, which is not valid JSON; here they are always
    /// escaped as `\n`.)
    Mysql57,
    /// MySQL 8.0 and later: doubles printed without `.` or `e` get `.0` appended (`1.0`),
    /// and an opaque VAR_STRING prints as a JSON string.
    #[default]
    Mysql80,
}

/// Where text goes: a `String` (strings must be UTF-8) or bytes (copied as stored).
trait Sink {
    fn put(&mut self, s: &str);
    /// Document text (strings, keys) starting at document offset `at`.
    fn put_text(&mut self, b: &[u8], at: usize) -> Result<(), JsonError>;
    fn mark(&self) -> usize;
    fn reset(&mut self, mark: usize);
}

impl Sink for String {
    fn put(&mut self, s: &str) {
        self.push_str(s);
    }

    fn put_text(&mut self, b: &[u8], at: usize) -> Result<(), JsonError> {
        let s = std::str::from_utf8(b).map_err(|e| JsonError::InvalidUtf8 {
            offset: at + e.valid_up_to(),
        })?;
        self.push_str(s);
        Ok(())
    }

    fn mark(&self) -> usize {
        self.len()
    }

    fn reset(&mut self, mark: usize) {
        self.truncate(mark);
    }
}

impl Sink for Vec<u8> {
    fn put(&mut self, s: &str) {
        self.extend_from_slice(s.as_bytes());
    }

    fn put_text(&mut self, b: &[u8], _at: usize) -> Result<(), JsonError> {
        self.extend_from_slice(b);
        Ok(())
    }

    fn mark(&self) -> usize {
        self.len()
    }

    fn reset(&mut self, mark: usize) {
        self.truncate(mark);
    }
}

/// Where `sub` (a slice of `doc`) starts in `doc`.
fn offset_in(doc: &[u8], sub: &[u8]) -> usize {
    (sub.as_ptr() as usize)
        .wrapping_sub(doc.as_ptr() as usize)
        .min(doc.len())
}

/// The bytes a walk of a document may visit: every value's own bytes (container headers
/// and keys, string and opaque data) are charged. A document whose values do not share
/// bytes never charges more than its length; one whose entries point to shared values
/// could take exponentially long to print. Twice the length (and a little) is allowed, so
/// a document that shares a few values still prints as MySQL would print it, and the
/// text stays linear in the document's size.
struct Budget {
    left: Cell<usize>,
}

impl Budget {
    fn new(len: usize) -> Self {
        Budget {
            left: Cell::new(len.saturating_mul(2).saturating_add(64)),
        }
    }

    fn charge(&self, n: usize, at: usize) -> Result<(), JsonError> {
        let left = self
            .left
            .get()
            .checked_sub(n)
            .ok_or(JsonError::Overlapping { offset: at })?;
        self.left.set(left);
        Ok(())
    }

    /// Charges a string or opaque value of `data` (a slice of `doc`), and a byte for its
    /// length.
    fn charge_data(&self, doc: &[u8], data: &[u8]) -> Result<(), JsonError> {
        self.charge(data.len().saturating_add(1), offset_in(doc, data))
    }
}

struct Renderer<'d, 'o, S> {
    doc: &'d [u8],
    out: &'o mut S,
    style: JsonTextStyle,
    budget: Budget,
}

impl<'d, S: Sink> Renderer<'d, '_, S> {
    /// Writes `v`; `quoted` is MySQL's `json_quoted` (false only for a top-level value
    /// printed by mysqlbinlog).
    fn value(&mut self, v: JsonValue<'d>, quoted: bool) -> Result<(), JsonError> {
        match v {
            JsonValue::Null => self.out.put("null"),
            JsonValue::Bool(b) => self.out.put(if b { "true" } else { "false" }),
            JsonValue::Int(i) => self.out.put(&i.to_string()),
            JsonValue::UInt(u) => self.out.put(&u.to_string()),
            JsonValue::Double(d) => self.out.put(&double_text(d, self.style)),
            JsonValue::Decimal(d) => self.out.put(&d.to_string()),
            JsonValue::String(s) => {
                self.budget.charge_data(self.doc, s)?;
                self.string(s, quoted)?;
            }
            JsonValue::Date(_)
            | JsonValue::Time(_)
            | JsonValue::DateTime(_)
            | JsonValue::Timestamp(_) => {
                let text = temporal_text(&v).unwrap_or_default();
                if quoted {
                    self.out.put("\"");
                    self.out.put(&text);
                    self.out.put("\"");
                } else {
                    self.out.put(&text);
                }
            }
            JsonValue::Opaque { field_type, data } => {
                self.budget.charge_data(self.doc, data)?;
                if field_type == ColumnType::VAR_STRING && self.style == JsonTextStyle::Mysql80 {
                    self.string(data, quoted)?;
                } else {
                    let text = opaque_text(field_type, data);
                    if quoted {
                        escape(self.out, text.as_bytes(), 0)?;
                    } else {
                        self.out.put(&text);
                    }
                }
            }
            JsonValue::Array(a) => {
                self.budget.charge(a.c.header_len(), a.c.start)?;
                self.out.put("[");
                for i in 0..a.c.count {
                    if i > 0 {
                        self.out.put(", ");
                    }
                    let element = a.c.element(i)?;
                    self.value(element, true)?;
                }
                self.out.put("]");
            }
            JsonValue::Object(o) => {
                self.budget.charge(o.c.header_len(), o.c.start)?;
                self.out.put("{");
                for i in 0..o.c.count {
                    if i > 0 {
                        self.out.put(", ");
                    }
                    let key = o.c.key(i)?;
                    self.budget.charge(key.len(), offset_in(self.doc, key))?;
                    escape(self.out, key, offset_in(self.doc, key))?;
                    self.out.put(": ");
                    let element = o.c.element(i)?;
                    self.value(element, true)?;
                }
                self.out.put("}");
            }
        }
        Ok(())
    }

    fn string(&mut self, s: &'d [u8], quoted: bool) -> Result<(), JsonError> {
        let at = offset_in(self.doc, s);
        if quoted {
            escape(self.out, s, at)
        } else {
            self.out.put_text(s, at)
        }
    }
}

/// Writes `s` (at document offset `at`) JSON-quoted, as MySQL's `double_quote` and
/// `escape_character`: `"`, `\`, and the control bytes (named `\b \t \n \f \r`, others
/// `\u00xx`) are escaped; everything else, `/`, 0x7f and non-ASCII included, is raw.
fn escape<S: Sink>(out: &mut S, s: &[u8], at: usize) -> Result<(), JsonError> {
    out.put("\"");
    let mut from = 0;
    for (i, &c) in s.iter().enumerate() {
        if c > 0x1f && c != b'"' && c != b'\\' {
            continue;
        }
        out.put_text(s.get(from..i).unwrap_or_default(), at + from)?;
        match c {
            b'"' => out.put("\\\""),
            b'\\' => out.put("\\\\"),
            0x08 => out.put("\\b"),
            b'\t' => out.put("\\t"),
            b'\n' => out.put("\\n"),
            0x0c => out.put("\\f"),
            b'\r' => out.put("\\r"),
            _ => out.put(&format!("\\u{c:04x}")),
        }
        from = i + 1;
    }
    out.put_text(s.get(from..).unwrap_or_default(), at + from)?;
    out.put("\"");
    Ok(())
}

/// A date or time as MySQL prints it in JSON (`my_TIME_to_str(…, 6)`), unquoted; `None`
/// for other values.
fn temporal_text(v: &JsonValue<'_>) -> Option<String> {
    let mut s = String::new();
    match v {
        JsonValue::Date(d) => {
            let _ = write!(s, "{:04}-{:02}-{:02}", d.year, d.month, d.day);
        }
        JsonValue::Time(t) => {
            let sign = if t.negative { "-" } else { "" };
            let _ = write!(
                s,
                "{sign}{:02}:{:02}:{:02}.{:06}",
                t.hours, t.minutes, t.seconds, t.micros
            );
        }
        JsonValue::DateTime(t) | JsonValue::Timestamp(t) => {
            let _ = write!(
                s,
                "{:04}-{:02}-{:02} {:02}:{:02}:{:02}.{:06}",
                t.date.year, t.date.month, t.date.day, t.hour, t.minute, t.second, t.micros
            );
        }
        _ => return None,
    }
    Some(s)
}

/// `base64:type<N>:<base64>`, with MySQL's `base64_encode` line breaks (a `\n` after
/// every 76 output characters).
fn opaque_text(field_type: ColumnType, data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let sym = |n: u32| char::from(ALPHABET.get((n & 63) as usize).copied().unwrap_or(b'A'));
    let mut s = format!("base64:type{}:", field_type.0);
    s.reserve(data.len().div_ceil(3) * 4 + data.len() / 57 + 1);
    let mut line = 0;
    for chunk in data.chunks(3) {
        if line == 76 {
            s.push('\n');
            line = 0;
        }
        let byte = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (byte(0) << 16) | (byte(1) << 8) | byte(2);
        s.push(sym(n >> 18));
        s.push(sym(n >> 12));
        s.push(if chunk.len() > 1 { sym(n >> 6) } else { '=' });
        s.push(if chunk.len() > 2 { sym(n) } else { '=' });
        line += 4;
    }
    s
}

/// A double as MySQL prints it in JSON: `my_gcvt(d, MY_GCVT_ARG_DOUBLE, 34)`, which uses
/// the shortest digits that read back as `d` (dtoa's mode 4 with 34 digits, which is mode
/// 0: the nearest such string, ties to even), in 'f' format when the decimal exponent `decpt` (the point after `decpt`
/// digits) is in -14..=15, or above 15 with digits after the point, and in 'e' format
/// (`1e16`, `1.5e300`, `5e-324`) otherwise. MySQL 8.0+ appends `.0` when the text has no
/// `.` and no `e`. Infinities and NaN (which MySQL never stores) print as `0`.
fn double_text(d: f64, style: JsonTextStyle) -> String {
    let mut s = String::new();
    if d.is_finite() {
        if d.is_sign_negative() {
            s.push('-');
        }
        // The shortest digits' count, then the value correctly rounded to that many
        // digits: where two such strings are equally near, dtoa picks the even one and
        // Rust's shortest form the greater one.
        let shortest = format!("{:e}", d.abs());
        let count = shortest
            .split('e')
            .next()
            .unwrap_or("")
            .chars()
            .filter(char::is_ascii_digit)
            .count();
        let sci = format!("{:.*e}", count.saturating_sub(1), d.abs());
        let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
        let exp: i64 = exp.parse().unwrap_or(0);
        let mut digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
        while digits.len() > 1 && digits.ends_with('0') {
            digits.pop();
        }
        let len = digits.len() as i64;
        let decpt = exp + 1;
        if decpt >= -14 && (decpt <= 15 || len > decpt) {
            if decpt <= 0 {
                s.push_str("0.");
                s.extend(std::iter::repeat_n('0', (-decpt) as usize));
                s.push_str(&digits);
            } else if decpt >= len {
                s.push_str(&digits);
                s.extend(std::iter::repeat_n('0', (decpt - len) as usize));
            } else {
                let (int, frac) = digits
                    .split_at_checked(decpt as usize)
                    .unwrap_or((&digits, ""));
                s.push_str(int);
                s.push('.');
                s.push_str(frac);
            }
        } else {
            let (first, rest) = digits.split_at_checked(1).unwrap_or((&digits, ""));
            s.push_str(first);
            if !rest.is_empty() {
                s.push('.');
                s.push_str(rest);
            }
            let _ = write!(s, "e{}", decpt - 1);
        }
    } else {
        s.push('0');
    }
    if style == JsonTextStyle::Mysql80 && !s.contains(['.', 'e']) {
        s.push_str(".0");
    }
    s
}

/// Writes `json` as `mysqlbinlog -v` prints a JSON column of a row image: the document
/// text without top-level JSON quotes ([`Json::write_unquoted_bytes`], MySQL 8.0 style),
/// passed to `quote`, the caller's SQL string quoting (`my_b_write_quoted`, which differs
/// by MySQL version). On error `out` is left as it was.
///
/// ```
/// use binlogkit::json::{Json, write_mysqlbinlog_value};
/// // The string "Joe" as a whole document: mysqlbinlog prints 'Joe', not '"Joe"'.
/// let doc = Json::new(&[0x0c, 0x03, b'J', b'o', b'e']);
/// let mut out = Vec::new();
/// write_mysqlbinlog_value(&doc, &mut out, |out, s| {
///     out.push(b'\'');
///     out.extend_from_slice(s);
///     out.push(b'\'');
/// })?;
/// assert_eq!(out, b"'Joe'");
/// # Ok::<(), binlogkit::json::JsonError>(())
/// ```
pub fn write_mysqlbinlog_value(
    json: &Json<'_>,
    out: &mut Vec<u8>,
    quote: impl Fn(&mut Vec<u8>, &[u8]),
) -> Result<(), JsonError> {
    let mut text = Vec::new();
    json.write_unquoted_bytes(&mut text, JsonTextStyle::Mysql80)?;
    quote(out, &text);
    Ok(())
}

// --------------------------------------------------------------------------------- diffs

/// The diffs of a JSON column in the after image of a PARTIAL_UPDATE_ROWS event: a list
/// of (operation, path, value) to apply, left to right, to the column's **before** value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct JsonDiffs<'a> {
    bytes: &'a [u8],
}

/// What a [`JsonDiff`] does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JsonDiffOp {
    /// Replace the value at the path (`JSON_REPLACE`).
    Replace,
    /// Insert the value at the path (`JSON_INSERT`, or `JSON_ARRAY_INSERT` when the path
    /// ends in an array index).
    Insert,
    /// Remove the value at the path (`JSON_REMOVE`).
    Remove,
}

impl JsonDiffOp {
    /// `"replace"`, `"insert"` or `"remove"`.
    pub fn as_str(self) -> &'static str {
        match self {
            JsonDiffOp::Replace => "replace",
            JsonDiffOp::Insert => "insert",
            JsonDiffOp::Remove => "remove",
        }
    }
}

impl fmt::Display for JsonDiffOp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One diff of a [`JsonDiffs`] list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct JsonDiff<'a> {
    /// The operation.
    pub op: JsonDiffOp,
    /// The path, as MySQL writes it (`$.a`, `$."x y"`, `$[1]`; UTF-8 text).
    pub path: &'a [u8],
    /// The new value (`None` for a remove).
    pub value: Option<Json<'a>>,
}

impl JsonDiff<'_> {
    /// The function `mysqlbinlog` shows for the diff: `JSON_REPLACE`, `JSON_INSERT`,
    /// `JSON_ARRAY_INSERT` (an insert whose path ends in `]`) or `JSON_REMOVE`.
    pub fn mysql_function(&self) -> &'static str {
        match self.op {
            JsonDiffOp::Replace => "JSON_REPLACE",
            JsonDiffOp::Insert if self.path.last() == Some(&b']') => "JSON_ARRAY_INSERT",
            JsonDiffOp::Insert => "JSON_INSERT",
            JsonDiffOp::Remove => "JSON_REMOVE",
        }
    }
}

impl<'a> JsonDiffs<'a> {
    /// The diff list of `bytes` (as stored after its 4-byte length; not checked until
    /// read).
    pub fn new(bytes: &'a [u8]) -> Self {
        JsonDiffs { bytes }
    }

    /// The diff list as stored (after its 4-byte length).
    pub fn as_bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// The diffs in order. A broken list gives one error item and ends there; the value
    /// documents are read only when asked.
    ///
    /// ```
    /// use binlogkit::json::{JsonDiffOp, JsonDiffs};
    /// // REPLACE '$.age' with the int16 26 (json.binlog.000001, the first partial update).
    /// let diffs = JsonDiffs::new(&[0x00, 0x05, b'$', b'.', b'a', b'g', b'e', 0x03, 0x05, 0x1a, 0x00]);
    /// assert_eq!(diffs.iter().count(), 1);
    /// for diff in diffs.iter() {
    ///     let diff = diff?;
    ///     assert_eq!((diff.op, diff.path), (JsonDiffOp::Replace, &b"$.age"[..]));
    ///     assert_eq!(diff.value.map(|v| v.to_text()).transpose()?.as_deref(), Some("26"));
    /// }
    /// # Ok::<(), binlogkit::json::JsonError>(())
    /// ```
    pub fn iter(&self) -> JsonDiffIter<'a> {
        JsonDiffIter {
            bytes: self.bytes,
            pos: 0,
            failed: false,
        }
    }
}

impl<'a> IntoIterator for JsonDiffs<'a> {
    type Item = Result<JsonDiff<'a>, JsonError>;
    type IntoIter = JsonDiffIter<'a>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// The diffs of a [`JsonDiffs`] list (see [`JsonDiffs::iter`]).
#[derive(Clone, Debug)]
pub struct JsonDiffIter<'a> {
    bytes: &'a [u8],
    pos: usize,
    failed: bool,
}

impl<'a> Iterator for JsonDiffIter<'a> {
    type Item = Result<JsonDiff<'a>, JsonError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || self.pos >= self.bytes.len() {
            return None;
        }
        let item = self.read();
        self.failed = item.is_err();
        Some(item)
    }
}

impl std::iter::FusedIterator for JsonDiffIter<'_> {}

impl<'a> JsonDiffIter<'a> {
    /// One diff (`Json_diff::write_binary`): operation byte, packed path length, path,
    /// and for replace and insert a packed value length and a binary JSON document.
    fn read(&mut self) -> Result<JsonDiff<'a>, JsonError> {
        let at = self.pos;
        let op = match self.bytes.get(at).copied() {
            Some(0) => JsonDiffOp::Replace,
            Some(1) => JsonDiffOp::Insert,
            Some(2) => JsonDiffOp::Remove,
            Some(op) => return Err(JsonError::BadDiffOp { offset: at, op }),
            None => {
                return Err(JsonError::BadDiff {
                    offset: at,
                    reason: "the list ends before the operation",
                });
            }
        };
        self.pos += 1;
        let path = self.prefixed("path")?;
        let value = if op == JsonDiffOp::Remove {
            None
        } else {
            Some(Json::new(self.prefixed("value")?))
        };
        Ok(JsonDiff { op, path, value })
    }

    /// A packed length (`net_field_length_checked`) and that many bytes.
    fn prefixed(&mut self, what: &'static str) -> Result<&'a [u8], JsonError> {
        let at = self.pos;
        let truncated = |reason| JsonError::BadDiff { offset: at, reason };
        let first = *self.bytes.get(at).ok_or(truncated(if what == "path" {
            "the list ends before the path length"
        } else {
            "the list ends before the value length"
        }))?;
        let (len, used) = match first {
            0..=250 => (u64::from(first), 1),
            251 => {
                return Err(truncated(if what == "path" {
                    "the path length is a NULL marker"
                } else {
                    "the value length is a NULL marker"
                }));
            }
            252 => (le_uint(self.bytes, at + 1, 2).unwrap_or(u64::MAX), 3),
            253 => (le_uint(self.bytes, at + 1, 3).unwrap_or(u64::MAX), 4),
            _ => (le_uint(self.bytes, at + 1, 8).unwrap_or(u64::MAX), 9),
        };
        let from = at + used;
        let bytes = usize::try_from(len)
            .ok()
            .and_then(|len| from.checked_add(len))
            .and_then(|end| self.bytes.get(from..end))
            .ok_or(truncated(if what == "path" {
                "the path runs past the end of the list"
            } else {
                "the value runs past the end of the list"
            }))?;
        self.pos = from + bytes.len();
        Ok(bytes)
    }
}

/// Writes a JSON column's diff list as `mysqlbinlog -v` prints it after `@N=`
/// (`print_json_diff`): the functions of the diffs, last first, one per run of equal
/// consecutive functions and separated by `"\n###      "`, then `@N` (`column_number`,
/// 1-based), then each diff's SQL-quoted path and value (nulls, numbers and booleans raw;
/// strings, dates, times and opaque values SQL-quoted; objects and arrays as
/// `CAST('<json>' AS JSON)`), a `)` closing each run, and `",\n###      "` between diffs.
/// An empty list prints `@N`.
///
/// `quote` is the caller's SQL string quoting (`my_b_write_quoted`), which differs by
/// MySQL version. On error `out` is left as it was (mysqlbinlog prints
/// `Error … while printing JSON diff` in its place).
///
/// ```
/// use binlogkit::json::{JsonDiffs, write_mysqlbinlog_diffs};
/// let quote = |out: &mut Vec<u8>, s: &[u8]| {
///     out.push(b'\'');
///     out.extend_from_slice(s);
///     out.push(b'\'');
/// };
/// // REPLACE '$.age' 26, then REMOVE '$.x'.
/// let diffs = JsonDiffs::new(b"\x00\x05$.age\x03\x05\x1a\x00\x02\x03$.x");
/// let mut out = Vec::new();
/// write_mysqlbinlog_diffs(&diffs, 2, &mut out, quote)?;
/// assert_eq!(
///     String::from_utf8_lossy(&out),
///     "JSON_REMOVE(\n###      JSON_REPLACE(@2, '$.age', 26),\n###      '$.x')"
/// );
/// # Ok::<(), binlogkit::json::JsonError>(())
/// ```
pub fn write_mysqlbinlog_diffs(
    diffs: &JsonDiffs<'_>,
    column_number: usize,
    out: &mut Vec<u8>,
    quote: impl Fn(&mut Vec<u8>, &[u8]),
) -> Result<(), JsonError> {
    const SEPARATOR: &[u8] = b"\n###      ";
    let list = diffs.iter().collect::<Result<Vec<_>, _>>()?;
    let mark = out.len();
    let names: Vec<&str> = list.iter().map(JsonDiff::mysql_function).collect();
    let mut printed = false;
    for (i, name) in names.iter().enumerate().rev() {
        let starts_run = i == 0 || names.get(i - 1) != Some(name);
        if starts_run {
            if printed {
                out.extend_from_slice(SEPARATOR);
            }
            out.extend_from_slice(name.as_bytes());
            out.push(b'(');
            printed = true;
        }
    }
    out.extend_from_slice(format!("@{column_number}").as_bytes());
    if list.is_empty() {
        return Ok(());
    }
    out.extend_from_slice(b", ");
    for (i, diff) in list.iter().enumerate() {
        quote(out, diff.path);
        if let Some(value) = diff.value {
            out.extend_from_slice(b", ");
            if let Err(error) = write_diff_value(&value, out, &quote) {
                out.truncate(mark);
                return Err(JsonError::DiffValue {
                    offset: offset_in(diffs.bytes, value.as_bytes()),
                    error: Box::new(error),
                });
            }
        }
        let last = i + 1 == list.len();
        if last || names.get(i + 1) != names.get(i) {
            out.push(b')');
        }
        if !last {
            out.extend_from_slice(b",");
            out.extend_from_slice(SEPARATOR);
        }
    }
    Ok(())
}

/// A diff value as `json_wrapper_to_string(…, json_type=false)` prints it.
fn write_diff_value(
    value: &Json<'_>,
    out: &mut Vec<u8>,
    quote: &impl Fn(&mut Vec<u8>, &[u8]),
) -> Result<(), JsonError> {
    let v = value.value()?;
    let mut text = Vec::new();
    value.write_unquoted_bytes(&mut text, JsonTextStyle::Mysql80)?;
    match v {
        JsonValue::Null
        | JsonValue::Bool(_)
        | JsonValue::Int(_)
        | JsonValue::UInt(_)
        | JsonValue::Double(_)
        | JsonValue::Decimal(_) => out.extend_from_slice(&text),
        JsonValue::Object(_) | JsonValue::Array(_) => {
            out.extend_from_slice(b"CAST(");
            quote(out, &text);
            out.extend_from_slice(b" AS JSON)");
        }
        _ => quote(out, &text),
    }
    Ok(())
}

// --------------------------------------------------------------------------------- serde

#[cfg(feature = "serde")]
mod ser {
    //! The documents as nested serde values; the diffs as lists of maps.

    use serde::ser::{Error as _, Serialize, SerializeMap, SerializeSeq, Serializer};

    use super::{
        Budget, ColumnType, Json, JsonDiff, JsonDiffOp, JsonDiffs, JsonError, JsonValue, offset_in,
        opaque_text, temporal_text,
    };

    /// A value of a document, with the document's budget.
    struct SerValue<'a, 'b> {
        doc: &'a [u8],
        value: JsonValue<'a>,
        budget: &'b Budget,
    }

    fn text<'t, E: serde::ser::Error>(doc: &[u8], b: &'t [u8]) -> Result<&'t str, E> {
        std::str::from_utf8(b).map_err(|e| {
            E::custom(JsonError::InvalidUtf8 {
                offset: offset_in(doc, b) + e.valid_up_to(),
            })
        })
    }

    impl Serialize for SerValue<'_, '_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let doc = self.doc;
            let charge = |n: usize, at: usize| self.budget.charge(n, at).map_err(S::Error::custom);
            match self.value {
                JsonValue::Null => s.serialize_unit(),
                JsonValue::Bool(b) => s.serialize_bool(b),
                JsonValue::Int(i) => s.serialize_i64(i),
                JsonValue::UInt(u) => s.serialize_u64(u),
                JsonValue::Double(d) => s.serialize_f64(d),
                JsonValue::Decimal(d) => s.collect_str(&d),
                JsonValue::String(b) => {
                    charge(b.len() + 1, offset_in(doc, b))?;
                    s.serialize_str(text(doc, b)?)
                }
                v @ (JsonValue::Date(_)
                | JsonValue::Time(_)
                | JsonValue::DateTime(_)
                | JsonValue::Timestamp(_)) => {
                    s.serialize_str(&temporal_text(&v).unwrap_or_default())
                }
                JsonValue::Opaque { field_type, data } => {
                    charge(data.len() + 1, offset_in(doc, data))?;
                    if field_type == ColumnType::VAR_STRING {
                        s.serialize_str(text(doc, data)?)
                    } else {
                        s.serialize_str(&opaque_text(field_type, data))
                    }
                }
                JsonValue::Array(a) => {
                    charge(a.c.header_len(), a.c.start)?;
                    let mut seq = s.serialize_seq(Some(a.c.count))?;
                    for i in 0..a.c.count {
                        let value = a.c.element(i).map_err(S::Error::custom)?;
                        seq.serialize_element(&SerValue {
                            doc,
                            value,
                            budget: self.budget,
                        })?;
                    }
                    seq.end()
                }
                JsonValue::Object(o) => {
                    charge(o.c.header_len(), o.c.start)?;
                    let mut map = s.serialize_map(Some(o.c.count))?;
                    for i in 0..o.c.count {
                        let key = o.c.key(i).map_err(S::Error::custom)?;
                        charge(key.len(), offset_in(doc, key))?;
                        let value = o.c.element(i).map_err(S::Error::custom)?;
                        map.serialize_entry(
                            text::<S::Error>(doc, key)?,
                            &SerValue {
                                doc,
                                value,
                                budget: self.budget,
                            },
                        )?;
                    }
                    map.end()
                }
            }
        }
    }

    /// The document as nested values: objects as maps (members in stored order), arrays
    /// as sequences, integers as integers, doubles as `f64`, strings as strings, DECIMALs
    /// as strings of their exact digits (`"9.00"`), dates and times as their MySQL text
    /// (`"2012-03-18 11:30:45.000000"`), opaque VAR_STRINGs as strings and other opaque
    /// values as `"base64:type<N>:…"`. A document that cannot be read (or whose strings
    /// are not UTF-8) is a serialization error.
    ///
    /// Doubles go through `f64`, so a serializer may print them differently from MySQL
    /// (`1` or `1.0`); [`Json::to_text`] keeps MySQL's exact text.
    impl Serialize for Json<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let value = self.value().map_err(S::Error::custom)?;
            let budget = Budget::new(self.bytes.len());
            SerValue {
                doc: self.bytes,
                value,
                budget: &budget,
            }
            .serialize(s)
        }
    }

    /// `"replace"`, `"insert"` or `"remove"`.
    impl Serialize for JsonDiffOp {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_str(self.as_str())
        }
    }

    /// `{"op": …, "path": …, "value": <document>}`, without `value` for a remove.
    impl Serialize for JsonDiff<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut map = s.serialize_map(Some(if self.value.is_some() { 3 } else { 2 }))?;
            map.serialize_entry("op", &self.op)?;
            map.serialize_entry("path", &crate::serde_util::Text(self.path))?;
            if let Some(value) = &self.value {
                map.serialize_entry("value", value)?;
            }
            map.end()
        }
    }

    /// The list of diffs (see [`JsonDiff`]'s serialization); a broken list is a
    /// serialization error.
    impl Serialize for JsonDiffs<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut seq = s.serialize_seq(None)?;
            for diff in self.iter() {
                let diff = diff.map_err(S::Error::custom)?;
                if let Some(value) = diff.value {
                    // Check the document first, for an error that says where it is.
                    value.value().map_err(|error| {
                        S::Error::custom(JsonError::DiffValue {
                            offset: offset_in(self.bytes, value.as_bytes()),
                            error: Box::new(error),
                        })
                    })?;
                }
                seq.serialize_element(&diff)?;
            }
            seq.end()
        }
    }
}

// ---------------------------------------------------------------------- row-image framing

/// The length of a diff list at the start of `data`: a 4-byte length and the list.
pub(crate) fn diffs_extent(data: &[u8]) -> Result<usize, ValueError> {
    let len = data
        .get(..4)
        .and_then(|b| b.try_into().ok())
        .map(u32::from_le_bytes)
        .ok_or(ValueError::Truncated {
            needed: 4,
            left: data.len(),
        })?;
    let end = 4usize.saturating_add(len as usize);
    if end > data.len() {
        return Err(ValueError::Truncated {
            needed: end as u64,
            left: data.len(),
        });
    }
    Ok(end)
}

/// A diff list at the start of `data`.
pub(crate) fn decode_diffs(data: &[u8]) -> Result<(usize, Value<'_>), ValueError> {
    let end = diffs_extent(data)?;
    let bytes = data.get(4..end).unwrap_or_default();
    Ok((end, Value::JsonDiff(JsonDiffs { bytes })))
}

// Unit tests only: their unwrap/expect/panic! run on fixed inputs, never on a data path.
#[cfg(test)]
mod tests {
    use super::*;

    // ------------------------------------------------------------ a test serializer

    /// A JSON value to encode the way MySQL's `json_binary::serialize` does.
    #[derive(Clone, Debug)]
    enum D {
        Null,
        True,
        False,
        I(i64),
        U(u64),
        F(f64),
        S(&'static str),
        Bytes(Vec<u8>),
        Opaque(u8, Vec<u8>),
        A(Vec<D>),
        O(Vec<(&'static str, D)>),
    }

    fn push_varlen(out: &mut Vec<u8>, mut n: usize) {
        loop {
            let b = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                out.push(b);
                return;
            }
            out.push(b | 0x80);
        }
    }

    fn push_le(out: &mut Vec<u8>, v: u64, n: usize) {
        out.extend_from_slice(&v.to_le_bytes()[..n]);
    }

    /// (type byte, value bytes) of `d`; containers use `large` throughout.
    fn encode(d: &D, large: bool) -> (u8, Vec<u8>) {
        let mut b = Vec::new();
        let t = match d {
            D::Null => {
                b.push(0);
                LITERAL
            }
            D::True => {
                b.push(1);
                LITERAL
            }
            D::False => {
                b.push(2);
                LITERAL
            }
            D::I(v) => {
                if let Ok(x) = i16::try_from(*v) {
                    b.extend_from_slice(&x.to_le_bytes());
                    INT16
                } else if let Ok(x) = i32::try_from(*v) {
                    b.extend_from_slice(&x.to_le_bytes());
                    INT32
                } else {
                    b.extend_from_slice(&v.to_le_bytes());
                    INT64
                }
            }
            D::U(v) => {
                if let Ok(x) = u16::try_from(*v) {
                    b.extend_from_slice(&x.to_le_bytes());
                    UINT16
                } else if let Ok(x) = u32::try_from(*v) {
                    b.extend_from_slice(&x.to_le_bytes());
                    UINT32
                } else {
                    b.extend_from_slice(&v.to_le_bytes());
                    UINT64
                }
            }
            D::F(v) => {
                b.extend_from_slice(&v.to_le_bytes());
                DOUBLE
            }
            D::S(s) => {
                push_varlen(&mut b, s.len());
                b.extend_from_slice(s.as_bytes());
                STRING
            }
            D::Bytes(s) => {
                push_varlen(&mut b, s.len());
                b.extend_from_slice(s);
                STRING
            }
            D::Opaque(ft, data) => {
                b.push(*ft);
                push_varlen(&mut b, data.len());
                b.extend_from_slice(data);
                OPAQUE
            }
            D::A(items) => {
                let items: Vec<(Option<&str>, &D)> = items.iter().map(|v| (None, v)).collect();
                b = container(&items, false, large);
                if large { LARGE_ARRAY } else { SMALL_ARRAY }
            }
            D::O(items) => {
                let items: Vec<(Option<&str>, &D)> =
                    items.iter().map(|(k, v)| (Some(*k), v)).collect();
                b = container(&items, true, large);
                if large { LARGE_OBJECT } else { SMALL_OBJECT }
            }
        };
        (t, b)
    }

    fn container(items: &[(Option<&str>, &D)], object: bool, large: bool) -> Vec<u8> {
        let os = if large { 4 } else { 2 };
        let n = items.len();
        let header = 2 * os + if object { n * (os + 2) } else { 0 } + n * (1 + os);
        let (mut keys, mut values, mut body) = (Vec::new(), Vec::new(), Vec::new());
        for (k, _) in items {
            if let Some(k) = k {
                push_le(&mut keys, (header + body.len()) as u64, os);
                push_le(&mut keys, k.len() as u64, 2);
                body.extend_from_slice(k.as_bytes());
            }
        }
        for (_, v) in items {
            let (t, b) = encode(v, large);
            values.push(t);
            if inlined(t, large) {
                let mut inline = b.clone();
                inline.resize(os, 0);
                values.extend_from_slice(&inline);
            } else {
                push_le(&mut values, (header + body.len()) as u64, os);
                body.extend_from_slice(&b);
            }
        }
        let mut out = Vec::new();
        push_le(&mut out, n as u64, os);
        push_le(&mut out, (header + body.len()) as u64, os);
        out.extend(keys);
        out.extend(values);
        out.extend(body);
        out
    }

    fn doc(d: &D, large: bool) -> Vec<u8> {
        let (t, b) = encode(d, large);
        let mut out = vec![t];
        out.extend(b);
        out
    }

    fn hex(s: &str) -> Vec<u8> {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '|')
            .collect();
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    fn text(bytes: &[u8]) -> String {
        Json::new(bytes).to_text().unwrap_or_else(|e| panic!("{e}"))
    }

    fn text57(bytes: &[u8]) -> String {
        let mut s = String::new();
        Json::new(bytes)
            .write_text(&mut s, JsonTextStyle::Mysql57)
            .unwrap();
        s
    }

    fn unquoted(bytes: &[u8]) -> String {
        let mut s = String::new();
        Json::new(bytes)
            .write_unquoted(&mut s, JsonTextStyle::Mysql80)
            .unwrap();
        s
    }

    fn err(bytes: &[u8]) -> JsonError {
        Json::new(bytes).to_text().unwrap_err()
    }

    /// MySQL 8's `my_b_write_quoted` (`get_quote_table`).
    fn quote80(out: &mut Vec<u8>, s: &[u8]) {
        out.push(b'\'');
        for &c in s {
            match c {
                0x08 => out.extend_from_slice(b"\\b"),
                b'\t' => out.extend_from_slice(b"\\t"),
                b'\n' => out.extend_from_slice(b"\\n"),
                0x0c => out.extend_from_slice(b"\\f"),
                b'\r' => out.extend_from_slice(b"\\r"),
                b'\'' => out.extend_from_slice(b"\\'"),
                b'\\' => out.extend_from_slice(b"\\\\"),
                c if c < 0x20 => out.extend_from_slice(format!("\\x{c:02x}").as_bytes()),
                c => out.push(c),
            }
        }
        out.push(b'\'');
    }

    fn diffs_text(list: &[u8], column: usize) -> Result<String, JsonError> {
        let mut out = Vec::new();
        write_mysqlbinlog_diffs(&JsonDiffs::new(list), column, &mut out, quote80)?;
        Ok(String::from_utf8_lossy(&out).into_owned())
    }

    // ------------------------------------------------------------ worked examples

    /// json.binlog.000001 @1059 (notes §5.1), byte for byte, and our serializer agrees.
    #[test]
    fn json_binlog_1059() {
        let bytes = hex(
            "00 0300 3300 1900 0300 1c00 0400 2000 0400 05 1800 0c 2400 0c 2f00
             616765 64617461 6e616d65 0a 78787878787878787878 03 4a6f65",
        );
        let expected = r#"{"age": 24, "data": "xxxxxxxxxx", "name": "Joe"}"#;
        assert_eq!(text(&bytes), expected);
        assert_eq!(unquoted(&bytes), expected);
        let d = D::O(vec![
            ("age", D::I(24)),
            ("data", D::S("xxxxxxxxxx")),
            ("name", D::S("Joe")),
        ]);
        assert_eq!(doc(&d, false), bytes);
        // The same document in the large format.
        assert_eq!(text(&doc(&d, true)), expected);

        let JsonValue::Object(o) = Json::new(&bytes).value().unwrap() else {
            panic!()
        };
        assert_eq!(o.len(), 3);
        assert!(!o.is_large());
        assert_eq!(o.offset(), 1);
        assert_eq!(o.key(1).unwrap().unwrap(), b"data");
        assert_eq!(o.value(0).unwrap().unwrap(), JsonValue::Int(24));
        assert_eq!(o.lookup(b"name").unwrap(), Some(JsonValue::String(b"Joe")));
        assert_eq!(o.lookup(b"nope").unwrap(), None);
        assert!(o.get(3).is_none());
        let keys: Vec<&[u8]> = o.iter().map(|m| m.unwrap().0).collect();
        assert_eq!(keys, [&b"age"[..], b"data", b"name"]);
        assert_eq!(o.iter().len(), 3);
    }

    /// Every document of json-opaque.binlog (9.0.1), with the text of notes §5.3.
    #[test]
    fn json_opaque_binlog() {
        let cases = [
            (
                "000100 0f00 0b00 0100 0f 0c00 61 0f 01 55",
                r#"{"a": "base64:type15:VQ=="}"#,
            ),
            (
                "000100 1600 0b00 0100 0f 0c00 62 0a 08 0000000000e48b19",
                r#"{"b": "2012-03-18"}"#,
            ),
            (
                "000100 1600 0b00 0100 0f 0c00 63 0c 08 000000adb7e48b19",
                r#"{"c": "2012-03-18 11:30:45.000000"}"#,
            ),
            (
                "000100 1600 0b00 0100 0f 0c00 63 0b 08 f1fb09ee77050000",
                r#"{"c": "87:31:46.654321"}"#,
            ),
            (
                "000100 1400 0b00 0100 0f 0c00 64 f6 06 0603 807b01c8",
                r#"{"d": 123.456}"#,
            ),
            (
                "000100 1500 0b00 0100 0f 0c00 65 f6 07 0b02 8000000900",
                r#"{"e": 9.00}"#,
            ),
            (
                "00 0100 1c00 0b00 0100 02 0c00 65 | 0400 1000 05 0000 05 0100 04 0100 04 0200",
                r#"{"e": [0, 1, true, false]}"#,
            ),
            ("00 0100 0c00 0b00 0100 04 0000 65", r#"{"e": null}"#),
        ];
        for (bytes, expected) in cases {
            let bytes = hex(bytes);
            assert_eq!(text(&bytes), expected);
            assert_eq!(text57(&bytes), expected);
        }
        // The opaque values, decoded.
        let member = |bytes: &str| {
            let bytes = hex(bytes);
            let JsonValue::Object(o) = Json::new(&bytes).value().unwrap() else {
                panic!()
            };
            format!("{:?}", o.value(0).unwrap().unwrap())
        };
        assert_eq!(
            member("000100 0f00 0b00 0100 0f 0c00 61 0f 01 55"),
            format!(
                "{:?}",
                JsonValue::Opaque {
                    field_type: ColumnType::VARCHAR,
                    data: b"U"
                }
            )
        );
        let date = Date {
            year: 2012,
            month: 3,
            day: 18,
        };
        assert_eq!(
            member("000100 1600 0b00 0100 0f 0c00 62 0a 08 0000000000e48b19"),
            format!("{:?}", JsonValue::Date(date))
        );
        let dt = DateTime {
            date,
            hour: 11,
            minute: 30,
            second: 45,
            micros: 0,
            fsp: 6,
        };
        assert_eq!(
            member("000100 1600 0b00 0100 0f 0c00 63 0c 08 000000adb7e48b19"),
            format!("{:?}", JsonValue::DateTime(dt))
        );
        let t = Time {
            negative: false,
            hours: 87,
            minutes: 31,
            seconds: 46,
            micros: 654_321,
            fsp: 6,
        };
        assert_eq!(
            member("000100 1600 0b00 0100 0f 0c00 63 0b 08 f1fb09ee77050000"),
            format!("{:?}", JsonValue::Time(t))
        );
        let dec = hex("000100 1400 0b00 0100 0f 0c00 64 f6 06 0603 807b01c8");
        let JsonValue::Object(o) = Json::new(&dec).value().unwrap() else {
            panic!()
        };
        let Ok(JsonValue::Decimal(d)) = o.value(0).unwrap() else {
            panic!()
        };
        assert_eq!(
            (d.precision(), d.scale(), d.to_string()),
            (6, 3, "123.456".to_owned())
        );
    }

    /// A top-level scalar as mysqlbinlog prints it (no JSON quotes) and as SELECT does.
    #[test]
    fn top_level_scalars() {
        let s = doc(&D::S("just a \"string\""), false);
        assert_eq!(unquoted(&s), "just a \"string\"");
        assert_eq!(text(&s), r#""just a \"string\"""#);
        let date = hex("0f 0a 08 0000000000e48b19");
        assert_eq!(unquoted(&date), "2012-03-18");
        assert_eq!(text(&date), "\"2012-03-18\"");
        let ts = hex("0f 07 08 000000adb7e48b19");
        assert_eq!(text(&ts), "\"2012-03-18 11:30:45.000000\"");
        assert!(matches!(
            Json::new(&ts).value(),
            Ok(JsonValue::Timestamp(_))
        ));
        let opaque = doc(&D::Opaque(252, b"\x00\x01".to_vec()), false);
        assert_eq!(unquoted(&opaque), "base64:type252:AAE=");
        assert_eq!(text(&opaque), "\"base64:type252:AAE=\"");
        // Numbers and literals print the same both ways.
        for d in [D::I(-5), D::U(7), D::F(2.5), D::Null, D::True, D::False] {
            let b = doc(&d, false);
            assert_eq!(unquoted(&b), text(&b));
        }
        assert_eq!(text(&doc(&D::True, false)), "true");
        assert_eq!(text(&doc(&D::Null, false)), "null");
        // An empty document is null.
        assert_eq!(text(&[]), "null");
        assert_eq!(Json::new(&[]).value(), Ok(JsonValue::Null));
        // mysqlbinlog's row value: unquoted, then SQL-quoted.
        let mut out = Vec::new();
        write_mysqlbinlog_value(&Json::new(&s), &mut out, quote80).unwrap();
        assert_eq!(out, b"'just a \"string\"'");
        out.clear();
        let obj = doc(&D::O(vec![("q", D::S("it's \"x\""))]), false);
        write_mysqlbinlog_value(&Json::new(&obj), &mut out, quote80).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"'{"q": "it\'s \\"x\\""}'"#
        );
    }

    #[test]
    fn temporals_negative_and_wide() {
        // TIME -838:59:59.999999 and a TIME of 1 microsecond below zero.
        let hms: i64 = (838 << 12) | (59 << 6) | 59;
        let packed = -((hms << 24) | 999_999);
        let mut b = hex("0f 0b 08");
        b.extend_from_slice(&packed.to_le_bytes());
        assert_eq!(text(&b), "\"-838:59:59.999999\"");
        let mut b = hex("0f 0b 08");
        b.extend_from_slice(&(-1i64).to_le_bytes());
        assert_eq!(text(&b), "\"-00:00:00.000001\"");
        // DATETIME 9999-12-31 23:59:59.999999 and the zero date.
        let ymd: i64 = ((9999 * 13 + 12) << 5) | 31;
        let packed = ((((ymd << 17) | (23 << 12) | (59 << 6) | 59) << 24) | 999_999).to_le_bytes();
        let mut b = hex("0f 0c 08");
        b.extend_from_slice(&packed);
        assert_eq!(text(&b), "\"9999-12-31 23:59:59.999999\"");
        assert_eq!(text(&hex("0f 0a 08 0000000000000000")), "\"0000-00-00\"");
        // A packed date or time of another length is an error.
        assert!(matches!(
            err(&hex("0f 0a 07 00000000000000")),
            JsonError::BadOpaque {
                offset: 1,
                field_type: 10,
                ..
            }
        ));
    }

    // ------------------------------------------------------------ formats

    #[test]
    fn small_and_large_containers() {
        let d = D::O(vec![
            (
                "a",
                D::A(vec![
                    D::I(1),
                    D::I(-1),
                    D::I(40_000),
                    D::I(-40_000),
                    D::U(65_535),
                    D::U(70_000),
                ]),
            ),
            (
                "b",
                D::A(vec![
                    D::Null,
                    D::True,
                    D::False,
                    D::I(i64::MIN),
                    D::U(u64::MAX),
                    D::F(0.5),
                ]),
            ),
            ("cc", D::O(vec![("x", D::S("y")), ("yy", D::A(vec![]))])),
            ("ddd", D::O(vec![])),
        ]);
        let expected = r#"{"a": [1, -1, 40000, -40000, 65535, 70000], "b": [null, true, false, -9223372036854775808, 18446744073709551615, 0.5], "cc": {"x": "y", "yy": []}, "ddd": {}}"#;
        let small = doc(&d, false);
        let large = doc(&d, true);
        assert_eq!(text(&small), expected);
        assert_eq!(text(&large), expected);
        assert_eq!(small[0], SMALL_OBJECT);
        assert_eq!(large[0], LARGE_OBJECT);
        let JsonValue::Object(o) = Json::new(&large).value().unwrap() else {
            panic!()
        };
        assert!(o.is_large());
        let Ok(JsonValue::Array(a)) = o.value(0).unwrap() else {
            panic!()
        };
        assert!(a.is_large());
        assert_eq!(
            a.iter().map(Result::unwrap).collect::<Vec<_>>(),
            [
                JsonValue::Int(1),
                JsonValue::Int(-1),
                JsonValue::Int(40_000),
                JsonValue::Int(-40_000),
                JsonValue::UInt(65_535),
                JsonValue::UInt(70_000)
            ]
        );
        assert!(a.get(6).is_none());
        // In the large format int32 and uint32 are inlined: 6 entries of 5 bytes and no
        // value data after the header.
        let b = doc(&D::A(vec![D::I(-40_000), D::U(70_000)]), true);
        let JsonValue::Array(a) = Json::new(&b).value().unwrap() else {
            panic!()
        };
        assert_eq!(a.c.size, 8 + 2 * 5);
        // ... and not in the small format.
        let small = doc(&D::A(vec![D::I(-40_000), D::U(70_000)]), false);
        assert_eq!(small.len(), 1 + 4 + 2 * 3 + 2 * 4);
        assert_eq!(text(&small), "[-40000, 70000]");
    }

    /// A large parent with a small child and the reverse: each container has its own
    /// format (MySQL re-serializes only the child that overflows).
    #[test]
    fn mixed_formats() {
        let small_child = doc(&D::A(vec![D::I(7), D::S("s")]), false);
        // Large array [<small child>, 300000] built by hand.
        let mut b = vec![LARGE_ARRAY];
        let header = 8 + 2 * 5;
        push_le(&mut b, 2, 4);
        push_le(&mut b, (header + small_child.len() - 1) as u64, 4);
        b.push(SMALL_ARRAY);
        push_le(&mut b, header as u64, 4);
        b.push(INT32);
        push_le(&mut b, 300_000, 4);
        b.extend_from_slice(&small_child[1..]);
        assert_eq!(text(&b), r#"[[7, "s"], 300000]"#);
        // An int16 inlined in a large container is read from the low 2 bytes.
        let b = hex("03 01000000 0d000000 05 feff0000");
        assert_eq!(text(&b), "[-2]");
    }

    #[test]
    fn holes_from_partial_updates() {
        // json_binary.cc update_in_shadow's example: ["abc", "def"], then $[0] = "XY".
        let b = hex("02 0200 1200 0c 0a00 0c 0e00 02 5859 63 03 646566");
        assert_eq!(text(&b), r#"["XY", "def"]"#);
        // Then $[1] = "XYZW", moved one byte back into the free byte.
        let b = hex("02 0200 1200 0c 0a00 0c 0d00 02 5859 04 58595a57");
        assert_eq!(text(&b), r#"["XY", "XYZW"]"#);
        // Then $[1] = 456: inlined, the old bytes left unused at the end.
        let b = hex("02 0200 1200 0c 0a00 05 c801 02 5859 04 58595a57");
        assert_eq!(text(&b), r#"["XY", 456]"#);
        // remove_in_shadow's example: {"a": "x", "b": "y", "c": "z"} minus $.b, with free
        // bytes after the entries, between the keys and between the values.
        let b = hex(
            "00 0200 2200 1900 0100 1b00 0100 0c 1c00 0c 2000 | 000c1e000c2000 | 61 62 63
             01 78 01 79 01 7a",
        );
        assert_eq!(text(&b), r#"{"a": "x", "c": "z"}"#);
        // Values stored out of entry order read right too.
        let b = hex("02 0200 1000 0c 0d00 0c 0a00 02 6364 02 6162");
        assert_eq!(text(&b), r#"["ab", "cd"]"#);
    }

    #[test]
    fn integers() {
        for (d, t) in [
            (D::I(i64::from(i16::MIN)), "-32768"),
            (D::I(i64::from(i16::MAX)), "32767"),
            (D::U(u64::from(u16::MAX)), "65535"),
            (D::I(i64::from(i32::MIN)), "-2147483648"),
            (D::U(u64::from(u32::MAX)), "4294967295"),
            (D::I(i64::MIN), "-9223372036854775808"),
            (D::I(i64::MAX), "9223372036854775807"),
            (D::U(u64::MAX), "18446744073709551615"),
        ] {
            // At top level, in a small array and in a large array.
            assert_eq!(text(&doc(&d, false)), t);
            assert_eq!(text(&doc(&D::A(vec![d.clone()]), false)), format!("[{t}]"));
            assert_eq!(text(&doc(&D::A(vec![d.clone()]), true)), format!("[{t}]"));
        }
        assert_eq!(
            Json::new(&doc(&D::U(u64::MAX), false)).value(),
            Ok(JsonValue::UInt(u64::MAX))
        );
        assert_eq!(
            Json::new(&doc(&D::I(i64::MIN), false)).value(),
            Ok(JsonValue::Int(i64::MIN))
        );
    }

    /// my_gcvt(…, 34) per notes §5.4, plus 8.0's `.0`.
    #[test]
    fn doubles() {
        let cases: &[(f64, &str)] = &[
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1.5e10, "15000000000.0"),
            (123456789012345.0, "123456789012345.0"),
            (1e15, "1e15"),
            (1e16, "1e16"),
            (1.2345678901234568e17, "1.2345678901234568e17"),
            (1e-5, "0.00001"),
            (2.5e-7, "0.00000025"),
            (1e-15, "0.000000000000001"),
            (1e-16, "1e-16"),
            (1.5e300, "1.5e300"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (5e-324, "5e-324"),
            (0.30000000000000004, "0.30000000000000004"),
            (-2.25, "-2.25"),
            (1234567890123456.8, "1234567890123456.8"),
            (12345678901234567.0, "1.2345678901234568e16"),
            (f64::MAX, "1.7976931348623157e308"),
            (-1e100, "-1e100"),
            (1.7e-10, "0.00000000017"),
            (123.456e-18, "1.23456e-16"),
            (-1.5e-15, "-0.0000000000000015"),
            (-1.5e-16, "-1.5e-16"),
            // Exactly between two shortest candidates (…376.25): dtoa takes the even one.
            (-972622997946376.2, "-972622997946376.2"),
            (9.5e-15, "0.0000000000000095"),
        ];
        for &(x, expected) in cases {
            assert_eq!(double_text(x, JsonTextStyle::Mysql80), expected, "{x:e}");
            assert_eq!(text(&doc(&D::F(x), false)), expected);
            let e57 = expected.strip_suffix(".0").unwrap_or(expected);
            assert_eq!(double_text(x, JsonTextStyle::Mysql57), e57, "{x:e}");
        }
        assert_eq!(
            text(&doc(&D::A(vec![D::F(1.0), D::F(-3.5)]), false)),
            "[1.0, -3.5]"
        );
        assert_eq!(
            text57(&doc(&D::A(vec![D::F(1.0), D::F(-3.5)]), false)),
            "[1, -3.5]"
        );
        // What MySQL never stores prints as my_gcvt's overflow text.
        assert_eq!(double_text(f64::INFINITY, JsonTextStyle::Mysql80), "0.0");
        assert_eq!(double_text(f64::NAN, JsonTextStyle::Mysql57), "0");
    }

    #[test]
    fn string_escapes() {
        let mut all: Vec<u8> = (0u8..0x20).collect();
        all.extend_from_slice(b"\"\\/\x7f \xc3\xa9\xf0\x9f\x98\x80'");
        let b = doc(&D::Bytes(all.clone()), false);
        let expected = "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\
                        \\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\
                        \\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f\\\"\\\\/\x7f é😀'\"";
        assert_eq!(text(&b), expected);
        // Keys are escaped the same way.
        let o = doc(&D::O(vec![("k\"\n", D::Null)]), false);
        assert_eq!(text(&o), r#"{"k\"\n": null}"#);
        // Unquoted, the string is raw.
        let mut raw = Vec::new();
        Json::new(&b)
            .write_unquoted_bytes(&mut raw, JsonTextStyle::Mysql80)
            .unwrap();
        assert_eq!(raw, all);
        // The escaped text is JSON that reads back to the same string.
        let back: String = serde_json::from_str(&text(&b)).unwrap();
        assert_eq!(back.as_bytes(), &all[..]);
    }

    #[test]
    fn invalid_utf8() {
        let b = doc(&D::A(vec![D::S("ok"), D::Bytes(b"a\xffb".to_vec())]), false);
        // [count size | 0c off | 0c off | "ok" | "a\xffb"]: the bad byte's offset.
        let at = b.windows(3).position(|w| w == b"a\xffb").unwrap() + 1;
        let mut s = String::from("keep");
        assert_eq!(
            Json::new(&b).write_text(&mut s, JsonTextStyle::Mysql80),
            Err(JsonError::InvalidUtf8 { offset: at })
        );
        assert_eq!(s, "keep");
        let mut v = Vec::new();
        Json::new(&b)
            .write_text_bytes(&mut v, JsonTextStyle::Mysql80)
            .unwrap();
        assert_eq!(v, b"[\"ok\", \"a\xffb\"]");
    }

    #[test]
    fn opaque_base64_and_styles() {
        // 60 bytes: 80 base64 characters, a line break after 76.
        let data: Vec<u8> = (0..60).collect();
        let b = doc(&D::A(vec![D::Opaque(252, data.clone())]), false);
        let b64 =
            "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4\nOTo7";
        assert_eq!(
            text(&b),
            format!("[\"base64:type252:{}\"]", b64.replace('\n', "\\n"))
        );
        let top = doc(&D::Opaque(252, data), false);
        assert_eq!(unquoted(&top), format!("base64:type252:{b64}"));
        // 57 bytes: exactly 76 characters, no break.
        let b = doc(&D::Opaque(16, vec![0xff; 57]), false);
        assert_eq!(text(&b), format!("\"base64:type16:{}\"", "/".repeat(76)));
        // Empty data.
        assert_eq!(
            text(&doc(&D::Opaque(255, vec![]), false)),
            "\"base64:type255:\""
        );
        // VAR_STRING opaque: a string in 8.0, base64 in 5.7.
        let b = doc(&D::A(vec![D::Opaque(253, b"hi\"".to_vec())]), false);
        assert_eq!(text(&b), r#"["hi\""]"#);
        assert_eq!(text57(&b), r#"["base64:type253:aGki"]"#);
        let top = doc(&D::Opaque(253, b"hi".to_vec()), false);
        assert_eq!(unquoted(&top), "hi");
        // Decimals: all scale digits, negative, and broken ones.
        let dec = |p: u8, s: u8, bytes: &[u8]| {
            let mut v = vec![p, s];
            v.extend_from_slice(bytes);
            doc(&D::Opaque(246, v), false)
        };
        assert_eq!(text(&dec(5, 2, &[0x7f, 0xf3, 0xdd])), "-12.34");
        assert_eq!(text(&dec(3, 2, &[0x80, 0x00])), "0.00");
        assert!(matches!(
            err(&dec(5, 2, &[0x7f, 0xf3])),
            JsonError::BadDecimal { offset: 1, .. }
        ));
        assert!(matches!(
            err(&doc(&D::Opaque(246, vec![5]), false)),
            JsonError::BadOpaque { .. }
        ));
    }

    // ------------------------------------------------------------ limits and damage

    /// `levels` nested single-element arrays (the innermost empty), as MySQL stores them.
    fn nested(levels: usize) -> Vec<u8> {
        let mut body = vec![0, 0, 4, 0];
        for _ in 1..levels {
            let size = 7 + body.len();
            let mut outer = vec![1, 0, size as u8, (size >> 8) as u8, SMALL_ARRAY, 7, 0];
            outer.extend(body);
            body = outer;
        }
        let mut out = vec![SMALL_ARRAY];
        out.extend(body);
        out
    }

    #[test]
    fn depth_limit() {
        let ok = nested(MAX_DEPTH);
        let t = text(&ok);
        assert_eq!(t, format!("{}{}", "[".repeat(100), "]".repeat(100)));
        let deep = nested(MAX_DEPTH + 1);
        // The 101st array's entry is at 1 + 99 × 7 + 4 (count and size of the 100th).
        assert_eq!(
            err(&deep),
            JsonError::TooDeep {
                offset: 1 + 99 * 7 + 4
            }
        );
        // The lazy reader stops at the same place.
        let mut v = Json::new(&deep).value().unwrap();
        for _ in 1..MAX_DEPTH {
            let JsonValue::Array(a) = v else { panic!() };
            v = a.get(0).unwrap().unwrap();
        }
        let JsonValue::Array(a) = v else { panic!() };
        assert!(matches!(a.get(0), Some(Err(JsonError::TooDeep { .. }))));
        // Objects count too: 100 nested objects are fine, 101 are not.
        let mut d = D::O(vec![]);
        for _ in 1..MAX_DEPTH {
            d = D::O(vec![("k", d)]);
        }
        assert!(Json::new(&doc(&d, false)).to_text().is_ok());
        let d = D::A(vec![d]);
        assert!(matches!(err(&doc(&d, false)), JsonError::TooDeep { .. }));
        #[cfg(feature = "serde")]
        {
            assert!(serde_json::to_string(&Json::new(&ok)).is_ok());
            assert!(serde_json::to_string(&Json::new(&deep)).is_err());
        }
    }

    /// Entries that share one child at every level: printing would take 2^40 steps.
    #[test]
    fn shared_values_are_refused() {
        let mut body = vec![0, 0, 4, 0];
        for _ in 0..40 {
            let size = 10 + body.len();
            let mut outer = vec![
                2,
                0,
                size as u8,
                (size >> 8) as u8,
                SMALL_ARRAY,
                10,
                0,
                SMALL_ARRAY,
                10,
                0,
            ];
            outer.extend(body);
            body = outer;
        }
        let mut b = vec![SMALL_ARRAY];
        b.extend(body);
        assert!(matches!(err(&b), JsonError::Overlapping { .. }));
        // The lazy reader reads it (each step is bounded).
        let JsonValue::Array(a) = Json::new(&b).value().unwrap() else {
            panic!()
        };
        assert_eq!(a.get(0).unwrap().unwrap(), a.get(1).unwrap().unwrap());
        #[cfg(feature = "serde")]
        assert!(serde_json::to_string(&Json::new(&b)).is_err());
        // Two entries pointing to one string print, as MySQL would print them.
        let b = hex("02 0200 0e00 0c 0a00 0c 0a00 03 616263 00");
        assert_eq!(text(&b), r#"["abc", "abc"]"#);
        // A thousand entries pointing to one string do not.
        let mut b = vec![SMALL_ARRAY];
        push_le(&mut b, 1000, 2);
        push_le(&mut b, 4 + 3000 + 4, 2);
        for _ in 0..1000 {
            b.push(STRING);
            push_le(&mut b, 3004, 2);
        }
        b.extend_from_slice(b"\x03abc");
        assert!(matches!(err(&b), JsonError::Overlapping { .. }));
    }

    #[test]
    fn malformed_documents() {
        // Unknown type bytes, at top level and in an entry.
        assert_eq!(
            err(&[0x0d]),
            JsonError::UnknownType {
                offset: 0,
                type_byte: 0x0d
            }
        );
        assert_eq!(
            err(&hex("02 0100 0700 10 0700")),
            JsonError::UnknownType {
                offset: 5,
                type_byte: 0x10
            }
        );
        // Truncated scalars.
        assert!(matches!(
            err(&[INT64, 1, 2]),
            JsonError::Truncated {
                offset: 1,
                needed: 8,
                available: 2
            }
        ));
        assert!(matches!(err(&[DOUBLE]), JsonError::Truncated { .. }));
        assert!(matches!(err(&[LITERAL]), JsonError::Truncated { .. }));
        assert_eq!(
            err(&[LITERAL, 3]),
            JsonError::BadLiteral {
                offset: 1,
                value: 3
            }
        );
        // A string longer than its bytes; a length that never ends; one above 32 bits.
        assert!(matches!(
            err(&hex("0c 05 6162")),
            JsonError::Truncated {
                offset: 1,
                needed: 6,
                available: 3
            }
        ));
        assert_eq!(err(&hex("0c 80 80")), JsonError::BadLength { offset: 1 });
        assert_eq!(
            err(&hex("0c ffffffff7f")),
            JsonError::BadLength { offset: 1 }
        );
        assert_eq!(
            err(&hex("0c ffffffff80")),
            JsonError::BadLength { offset: 1 }
        );
        assert!(matches!(err(&hex("0f")), JsonError::Truncated { .. }));
        assert!(matches!(
            err(&hex("0f fc 03 00")),
            JsonError::Truncated { .. }
        ));
        // Container headers: too short, size past the end, count too big for the size.
        assert!(matches!(
            err(&hex("02 01")),
            JsonError::Truncated { offset: 1, .. }
        ));
        assert!(matches!(
            err(&hex("03 0100 0000 00")),
            JsonError::Truncated { offset: 1, .. }
        ));
        assert!(matches!(
            err(&hex("02 0100 0900 05 0100 00")),
            JsonError::Truncated {
                offset: 1,
                needed: 9,
                available: 8
            }
        ));
        assert_eq!(
            err(&hex("02 ffff 0700 05 0100")),
            JsonError::HeaderTooLarge {
                offset: 1,
                count: 0xffff,
                header: 4 + 0xffff * 3,
                size: 7
            }
        );
        assert!(matches!(
            err(&hex("01 ffffffff 0c000000 00000000")),
            JsonError::HeaderTooLarge {
                count: 0xffff_ffff,
                ..
            }
        ));
        // A value offset past the container, or into its own entry.
        assert_eq!(
            err(&hex("02 0100 0800 0c 0900 00")),
            JsonError::BadValueOffset {
                offset: 5,
                value_offset: 9
            }
        );
        assert_eq!(
            err(&hex("02 0100 0800 0c 0200 00")),
            JsonError::BadValueOffset {
                offset: 5,
                value_offset: 2
            }
        );
        // A value offset at the end of its container: nothing left to read.
        assert!(matches!(
            err(&hex("02 0100 0700 0c 0700")),
            JsonError::BadLength { offset: 8 }
        ));
        // A key offset into the header, or a key running past the end.
        assert_eq!(
            err(&hex("00 0100 0c00 0300 0100 04 0000 61")),
            JsonError::BadKey {
                offset: 5,
                key_offset: 3,
                key_length: 1
            }
        );
        assert_eq!(
            err(&hex("00 0100 0c00 0b00 0200 04 0000 61")),
            JsonError::BadKey {
                offset: 5,
                key_offset: 11,
                key_length: 2
            }
        );
        // A nested value's error is reported where it is.
        assert!(matches!(
            err(&hex("02 0100 0900 0c 0700 05 61")),
            JsonError::Truncated { offset: 8, .. }
        ));
        // Keys out of MySQL's order are printed as stored.
        let b = doc(
            &D::O(vec![("zz", D::I(1)), ("a", D::I(2)), ("a", D::I(3))]),
            false,
        );
        assert_eq!(text(&b), r#"{"zz": 1, "a": 2, "a": 3}"#);
        // Errors leave the output as it was.
        let mut s = String::from("x");
        assert!(
            Json::new(&[0x0d])
                .write_text(&mut s, JsonTextStyle::Mysql80)
                .is_err()
        );
        let mut v = b"y".to_vec();
        let b = hex("02 0200 0e00 0c 0a00 0c 0e00 03 616263");
        assert!(
            Json::new(&b)
                .write_unquoted_bytes(&mut v, JsonTextStyle::Mysql80)
                .is_err()
        );
        assert_eq!((s.as_str(), v.as_slice()), ("x", &b"y"[..]));
    }

    /// Every truncation and every single-byte change of a document exercising all types,
    /// and random bytes, read without panicking.
    #[test]
    fn damage_never_panics() {
        let d = D::O(vec![
            (
                "a",
                D::A(vec![
                    D::I(1),
                    D::U(70_000),
                    D::F(1.5),
                    D::S("str"),
                    D::Null,
                    D::True,
                ]),
            ),
            ("b", D::Opaque(246, vec![5, 2, 0x7f, 0xf3, 0xdd])),
            ("c", D::Opaque(12, hex("000000adb7e48b19"))),
            ("d", D::Opaque(11, hex("f1fb09ee77050000"))),
            ("e", D::Opaque(15, b"xyz".to_vec())),
            ("f", D::O(vec![("g", D::A(vec![D::I(-70_000)]))])),
        ]);
        for large in [false, true] {
            let good = doc(&d, large);
            assert!(Json::new(&good).to_text().is_ok());
            let walk = |b: &[u8]| {
                let j = Json::new(b);
                let _ = j.to_text();
                let mut v = Vec::new();
                let _ = j.write_unquoted_bytes(&mut v, JsonTextStyle::Mysql57);
                #[cfg(feature = "serde")]
                let _ = serde_json::to_string(&j);
            };
            for n in 0..good.len() {
                walk(&good[..n]);
            }
            for i in 0..good.len() {
                for x in [0x00, 0x01, 0x02, 0x03, 0x04, 0x0c, 0x0f, 0x7f, 0x80, 0xff] {
                    let mut b = good.clone();
                    b[i] = x;
                    walk(&b);
                }
            }
        }
        // Random documents: small type bytes and small numbers, so that headers and
        // offsets often look plausible.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..20_000 {
            let len = (next() % 48) as usize;
            let b: Vec<u8> = (0..len)
                .map(|_| match next() % 4 {
                    0 => (next() % 16) as u8,
                    1 => (next() % 40) as u8,
                    _ => next() as u8,
                })
                .collect();
            let j = Json::new(&b);
            let _ = j.to_text();
            let mut v = Vec::new();
            let _ = j.write_unquoted_bytes(&mut v, JsonTextStyle::Mysql57);
            let _ = diffs_text(&b, 1);
            #[cfg(feature = "serde")]
            {
                let _ = serde_json::to_string(&j);
                let _ = serde_json::to_string(&JsonDiffs::new(&b));
            }
        }
    }

    // ------------------------------------------------------------ diffs

    /// The synthetic list of notes §6.3 (with the last value's size corrected to 7).
    #[test]
    fn diff_nesting() {
        let list = hex(
            "00 03 242e61 03 050100 | 00 03 242e62 05 0c03616263 | 02 03 242e63
             | 01 08 242e6172725b315d 09 0b000000000000f83f | 01 07 242e22782079 22 08 02 0100 0700 05 0700",
        );
        let expected = "JSON_INSERT(\n###      JSON_ARRAY_INSERT(\n###      JSON_REMOVE(\n###      \
                        JSON_REPLACE(@2, '$.a', 1,\n###      '$.b', 'abc'),\n###      '$.c'),\n###      \
                        '$.arr[1]', 1.5),\n###      '$.\"x y\"', CAST('[7]' AS JSON))";
        assert_eq!(diffs_text(&list, 2).unwrap(), expected);
        let diffs: Vec<JsonDiff<'_>> = JsonDiffs::new(&list).iter().map(Result::unwrap).collect();
        let ops: Vec<(JsonDiffOp, &str)> =
            diffs.iter().map(|d| (d.op, d.mysql_function())).collect();
        assert_eq!(
            ops,
            [
                (JsonDiffOp::Replace, "JSON_REPLACE"),
                (JsonDiffOp::Replace, "JSON_REPLACE"),
                (JsonDiffOp::Remove, "JSON_REMOVE"),
                (JsonDiffOp::Insert, "JSON_ARRAY_INSERT"),
                (JsonDiffOp::Insert, "JSON_INSERT"),
            ]
        );
        assert_eq!(diffs[2].value, None);
        assert_eq!(diffs[4].path, b"$.\"x y\"");
        // As the notes print it, the last value has size 5 < its 7-byte header: MySQL
        // refuses it too.
        let broken = hex("01 07 242e22782079 22 08 02 0100 0500 05 0700");
        assert!(matches!(
            diffs_text(&broken, 2),
            Err(JsonError::DiffValue { offset: 10, .. })
        ));
    }

    /// The rows of json.binlog.000001 @3750.
    #[test]
    fn diff_fixture_rows() {
        for (age, n) in [("1a00", 26), ("2200", 34), ("2a00", 42)] {
            let list = hex(&format!("00 05 242e616765 03 05 {age}"));
            assert_eq!(
                diffs_text(&list, 2).unwrap(),
                format!("JSON_REPLACE(@2, '$.age', {n})")
            );
        }
    }

    #[test]
    fn diff_values_and_edges() {
        let one = |op: u8, path: &str, value: Option<Vec<u8>>| {
            let mut b = vec![op, path.len() as u8];
            b.extend_from_slice(path.as_bytes());
            if let Some(v) = value {
                b.push(v.len() as u8);
                b.extend(v);
            }
            b
        };
        let cases: Vec<(Vec<u8>, &str)> = vec![
            (
                one(1, "$.role", Some(doc(&D::S("manager"), false))),
                "JSON_INSERT(@3, '$.role', 'manager')",
            ),
            (one(2, "$.salary", None), "JSON_REMOVE(@3, '$.salary')"),
            (
                one(0, "$.s", Some(doc(&D::S("it's\n"), false))),
                "JSON_REPLACE(@3, '$.s', 'it\\'s\\n')",
            ),
            (one(0, "$.n", Some(vec![])), "JSON_REPLACE(@3, '$.n', null)"),
            (
                one(0, "$.b", Some(doc(&D::False, false))),
                "JSON_REPLACE(@3, '$.b', false)",
            ),
            (
                one(0, "$.u", Some(doc(&D::U(u64::MAX), false))),
                "JSON_REPLACE(@3, '$.u', 18446744073709551615)",
            ),
            (
                one(0, "$.d", Some(doc(&D::F(2.0), false))),
                "JSON_REPLACE(@3, '$.d', 2.0)",
            ),
            (
                one(
                    0,
                    "$.m",
                    Some(doc(&D::Opaque(246, vec![4, 2, 0x8c, 0x32]), false)),
                ),
                "JSON_REPLACE(@3, '$.m', 12.50)",
            ),
            (
                one(0, "$.t", Some(hex("0f 0a 08 0000000000e48b19"))),
                "JSON_REPLACE(@3, '$.t', '2012-03-18')",
            ),
            (
                one(0, "$.o", Some(doc(&D::Opaque(253, b"vs".to_vec()), false))),
                "JSON_REPLACE(@3, '$.o', 'vs')",
            ),
            (
                one(0, "$.x", Some(doc(&D::Opaque(15, b"U".to_vec()), false))),
                "JSON_REPLACE(@3, '$.x', 'base64:type15:VQ==')",
            ),
            (
                one(
                    1,
                    "$[0]",
                    Some(doc(&D::O(vec![("k", D::S("it's"))]), false)),
                ),
                "JSON_ARRAY_INSERT(@3, '$[0]', CAST('{\"k\": \"it\\'s\"}' AS JSON))",
            ),
            (vec![], "@3"),
        ];
        for (list, expected) in &cases {
            assert_eq!(diffs_text(list, 3).unwrap(), *expected);
        }
        // The X8040 oracle's two-diff row.
        let mut list = one(0, "$.day", Some(doc(&D::S("monday"), false)));
        list.extend(one(2, "$.favorite_color", None));
        assert_eq!(
            diffs_text(&list, 3).unwrap(),
            "JSON_REMOVE(\n###      JSON_REPLACE(@3, '$.day', 'monday'),\n###      '$.favorite_color')"
        );
        // Broken lists: nothing is written.
        for (list, expected) in [
            (hex("03 01 24"), JsonError::BadDiffOp { offset: 0, op: 3 }),
            (
                hex("00"),
                JsonError::BadDiff {
                    offset: 1,
                    reason: "the list ends before the path length",
                },
            ),
            (
                hex("00 05 2424"),
                JsonError::BadDiff {
                    offset: 1,
                    reason: "the path runs past the end of the list",
                },
            ),
            (
                hex("00 fb"),
                JsonError::BadDiff {
                    offset: 1,
                    reason: "the path length is a NULL marker",
                },
            ),
            (
                hex("00 fc 01"),
                JsonError::BadDiff {
                    offset: 1,
                    reason: "the path runs past the end of the list",
                },
            ),
            (
                hex("00 01 24"),
                JsonError::BadDiff {
                    offset: 3,
                    reason: "the list ends before the value length",
                },
            ),
            (
                hex("00 01 24 02 05"),
                JsonError::BadDiff {
                    offset: 3,
                    reason: "the value runs past the end of the list",
                },
            ),
            (
                hex("02 01 24 07"),
                JsonError::BadDiffOp { offset: 3, op: 7 },
            ),
        ] {
            let mut out = b"keep".to_vec();
            let got = write_mysqlbinlog_diffs(&JsonDiffs::new(&list), 1, &mut out, quote80);
            assert_eq!(got, Err(expected));
            assert_eq!(out, b"keep");
        }
        // The iterator gives the good diffs, then the error, then stops.
        let list = hex("02 01 24 07 00");
        let items: Vec<_> = JsonDiffs::new(&list).iter().collect();
        assert_eq!(items.len(), 2);
        assert!(items[0].is_ok() && items[1].is_err());
        // Long lengths: a 2-byte packed path length.
        let path = format!("$.{}", "k".repeat(300));
        let mut list = vec![2, 252, (path.len() & 0xff) as u8, (path.len() >> 8) as u8];
        list.extend_from_slice(path.as_bytes());
        assert_eq!(
            diffs_text(&list, 1).unwrap(),
            format!("JSON_REMOVE(@1, '{path}')")
        );
        // A bad value document.
        let list = one(0, "$", Some(vec![0x0d]));
        assert_eq!(
            diffs_text(&list, 1),
            Err(JsonError::DiffValue {
                offset: 4,
                error: Box::new(JsonError::UnknownType {
                    offset: 0,
                    type_byte: 0x0d
                })
            })
        );
    }

    #[test]
    fn row_image_framing() {
        let data = hex("0b000000 0005242e61676503051a00 ff");
        assert_eq!(diffs_extent(&data), Ok(15));
        let (used, v) = decode_diffs(&data).unwrap();
        assert_eq!(used, 15);
        let Value::JsonDiff(d) = v else { panic!() };
        assert_eq!(d.as_bytes().len(), 11);
        assert!(diffs_extent(&data[..14]).is_err());
        assert!(diffs_extent(&data[..3]).is_err());
    }

    // ------------------------------------------------------------ serde

    #[cfg(feature = "serde")]
    #[test]
    fn serde_documents() {
        let d = D::O(vec![
            ("i", D::I(-1)),
            ("u", D::U(u64::MAX)),
            ("f", D::F(1.5)),
            ("s", D::S("a\"b")),
            ("n", D::Null),
            ("t", D::True),
            (
                "a",
                D::A(vec![
                    D::Opaque(246, vec![3, 2, 0x89, 0x00]),
                    D::Opaque(10, hex("0000000000e48b19")),
                ]),
            ),
            ("o", D::Opaque(15, b"U".to_vec())),
            ("v", D::Opaque(253, b"vs".to_vec())),
            ("z", D::O(vec![])),
        ]);
        let b = doc(&d, false);
        assert_eq!(
            serde_json::to_string(&Json::new(&b)).unwrap(),
            r#"{"i":-1,"u":18446744073709551615,"f":1.5,"s":"a\"b","n":null,"t":true,"a":["9.00","2012-03-18"],"o":"base64:type15:VQ==","v":"vs","z":{}}"#
        );
        assert_eq!(serde_json::to_string(&Json::new(&[])).unwrap(), "null");
        assert!(serde_json::to_string(&Json::new(&[0x0d])).is_err());
        let bad = doc(&D::Bytes(b"\xff".to_vec()), false);
        assert!(serde_json::to_string(&Json::new(&bad)).is_err());
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_diffs() {
        let mut list = hex("00 05 242e616765 03 05 1a00");
        list.extend(hex("02 03 242e63"));
        list.extend(hex("01 04 245b305d 08 02 0100 0700 05 0700"));
        assert_eq!(
            serde_json::to_string(&JsonDiffs::new(&list)).unwrap(),
            r#"[{"op":"replace","path":"$.age","value":26},{"op":"remove","path":"$.c"},{"op":"insert","path":"$[0]","value":[7]}]"#
        );
        assert!(serde_json::to_string(&JsonDiffs::new(&hex("05"))).is_err());
        assert!(serde_json::to_string(&JsonDiffs::new(&hex("00 01 24 01 0d"))).is_err());
    }
}
