//! Rows of row events, decoded lazily against their table's schema.
//!
//! A row image is a bitmap of NULL columns, one bit per column present in the image
//! (LSB first), then the value of each present, non-NULL column. An UPDATE has a before
//! and an after image per row. Which columns an image holds is the event's
//! columns-present bitmap: all of them with `binlog_row_image=FULL`, fewer with MINIMAL,
//! NOBLOB and NDB's partial images. A column absent from an image is absent here too,
//! never NULL.
//!
//! [`RowsEvent::rows`] iterates the rows: it only scans value lengths to find where each
//! image ends; [`Row::values`] decodes the values, which borrow from the event.
//!
//! The pre-GA row events of MySQL 5.1.0-5.1.15 differ: an image starts with the storage
//! engine's own null bytes, whose size and layout only the table definition gives
//! ([`TableHints`](crate::TableHints)), and every present column has a value, NULL ones
//! too (their default, which means nothing).
//!
//! PARTIAL_UPDATE_ROWS (MySQL 8 `binlog_row_value_options=PARTIAL_JSON`) after images
//! start with a packed integer of value options and, when its bit 0 is set, a bitmap with
//! one bit per JSON column of the table: the JSON columns whose bit is set hold a list of
//! diffs against the before image instead of a document.
//!
//! Source: MySQL `unpack_row` (`rpl_record.cc`), `Rows_log_event::print_verbose_one_row`
//! (`log_event.cc`).

use std::fmt;

use crate::constants::ColumnType;
use crate::error::Error;
use crate::events::rows::{RowsEvent, RowsKind};
use crate::schema::{Column, TableSchema};
use crate::value::{self, Value, ValueError};

/// A bitmap with bit `i` (LSB first) for column `i`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bitmap<'a> {
    bytes: &'a [u8],
    bits: usize,
}

impl<'a> Bitmap<'a> {
    pub(crate) fn new(bytes: &'a [u8], bits: usize) -> Self {
        Bitmap { bytes, bits }
    }

    /// Whether bit `i` is set (false past the end).
    pub fn get(&self, i: usize) -> bool {
        i < self.bits
            && self
                .bytes
                .get(i / 8)
                .is_some_and(|b| b & (1 << (i % 8)) != 0)
    }

    /// The number of bits set (bits past the end, which servers do not always clear,
    /// are not counted).
    pub fn count_ones(&self) -> usize {
        (0..self.bits).filter(|&i| self.get(i)).count()
    }

    /// The number of bits.
    pub fn len(&self) -> usize {
        self.bits
    }

    /// True for a bitmap of no bits.
    pub fn is_empty(&self) -> bool {
        self.bits == 0
    }
}

/// One changed row.
#[derive(Clone, Debug, PartialEq)]
pub enum RowChange<'e, 's> {
    /// An inserted row.
    Insert(Row<'e, 's>),
    /// An updated row.
    Update {
        /// The row before the update.
        before: Row<'e, 's>,
        /// The row after it.
        after: Row<'e, 's>,
    },
    /// A deleted row.
    Delete(Row<'e, 's>),
}

/// One row image: which columns it holds, which are NULL, and their values' bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct Row<'e, 's> {
    schema: &'s TableSchema,
    present: Bitmap<'e>,
    nulls: &'e [u8],
    /// For a PARTIAL_UPDATE_ROWS after image: the bitmap of JSON columns holding diffs.
    partial: Option<&'e [u8]>,
    /// A pre-GA image: `nulls` are the engine's null bytes and NULL columns have values.
    engine_nulls: bool,
    data: &'e [u8],
    /// Where `data` starts, in bytes from the start of the event.
    at: usize,
}

impl<'e, 's> Row<'e, 's> {
    /// The table schema.
    pub fn schema(&self) -> &'s TableSchema {
        self.schema
    }

    /// Whether column `i` is in this image.
    pub fn is_present(&self, i: usize) -> bool {
        self.present.get(i)
    }

    /// The columns in this image.
    pub fn present(&self) -> Bitmap<'e> {
        self.present
    }

    /// The image's value bytes (after its NULL bitmap).
    pub fn data(&self) -> &'e [u8] {
        self.data
    }

    /// The values of the columns present, in table order: (column index, value).
    pub fn values(&self) -> RowValues<'e, 's> {
        RowValues {
            row: self.clone(),
            column: 0,
            present_index: 0,
            json_index: 0,
            rest: self.data,
            failed: false,
        }
    }

    /// An error about column `i` of this image.
    pub fn error_at(&self, i: usize, reason: ValueError) -> Box<RowError> {
        Box::new(RowError::new(self.schema, Some(i), self.at, reason))
    }

    /// The value of column `i`, `None` when the image does not hold it.
    pub fn get(&self, i: usize) -> Option<Result<Value<'e>, Box<RowError>>> {
        self.values().find_map(|item| match item {
            Ok((c, v)) if c == i => Some(Ok(v)),
            Err(e) => Some(Err(e)),
            _ => None,
        })
    }
}

/// The values of a row image, in table order (see [`Row::values`]).
#[derive(Clone, Debug)]
pub struct RowValues<'e, 's> {
    row: Row<'e, 's>,
    column: usize,
    present_index: usize,
    json_index: usize,
    rest: &'e [u8],
    failed: bool,
}

/// Errors are boxed: they are rare, and the items stay small.
impl<'e> Iterator for RowValues<'e, '_> {
    type Item = Result<(usize, Value<'e>), Box<RowError>>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let row = &self.row;
        while self.column < row.schema.columns.len() {
            let i = self.column;
            self.column += 1;
            let Some(column) = row.schema.columns.get(i) else {
                break;
            };
            let json_index = if column.real_type == ColumnType::JSON {
                self.json_index += 1;
                Some(self.json_index - 1)
            } else {
                None
            };
            if !row.present.get(i) {
                continue;
            }
            let k = self.present_index;
            self.present_index += 1;
            let at = row.at + (row.data.len() - self.rest.len());
            if row.engine_nulls {
                let null = column.engine_null_bit.is_some_and(|b| bit(row.nulls, b));
                // The value is there even when NULL: step over it.
                return Some(match value::decode(column, self.rest) {
                    Ok((used, v)) => {
                        self.rest = self.rest.get(used..).unwrap_or_default();
                        Ok((i, if null { Value::Null } else { v }))
                    }
                    Err(reason) => {
                        self.failed = true;
                        Err(Box::new(RowError::new(row.schema, Some(i), at, reason)))
                    }
                });
            }
            if bit(row.nulls, k) {
                return Some(Ok((i, Value::Null)));
            }
            let partial = json_index.is_some_and(|j| row.partial.is_some_and(|p| bit(p, j)));
            let decoded = if partial {
                crate::json::decode_diffs(self.rest)
            } else {
                value::decode(column, self.rest)
            };
            return Some(match decoded {
                Ok((used, v)) => {
                    self.rest = self.rest.get(used..).unwrap_or_default();
                    Ok((i, v))
                }
                Err(reason) => {
                    self.failed = true;
                    Err(Box::new(RowError::new(row.schema, Some(i), at, reason)))
                }
            });
        }
        None
    }
}

fn bit(bytes: &[u8], i: usize) -> bool {
    bytes.get(i / 8).is_some_and(|b| b & (1 << (i % 8)) != 0)
}

/// A row image that cannot be decoded: which table and column, where, and why.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct RowError {
    /// `db.table`.
    pub table: String,
    /// The column (0-based), when the problem is in one.
    pub column: Option<usize>,
    /// The column's name, when the table map carries names.
    pub column_name: Option<String>,
    /// The column's type.
    pub column_type: Option<ColumnType>,
    /// The byte within the event (within the decompressed rows of a MariaDB compressed
    /// event) where the problem is.
    pub at: usize,
    /// What is wrong.
    pub reason: ValueError,
}

impl RowError {
    /// True when the rows cannot be decoded without knowledge of the table the binlog
    /// does not hold (see [`TableHints`](crate::TableHints)), rather than because the
    /// bytes are wrong.
    pub fn needs_schema(&self) -> bool {
        matches!(self.reason, ValueError::NeedsSchema(_))
    }
}

/// Why the images of a table with unresolved MariaDB legacy temporal columns do not parse.
const LEGACY_TEMPORALS: ValueError = ValueError::NeedsSchema(
    "the table has MariaDB legacy-format TIME/DATETIME/TIMESTAMP columns, whose fractional \
     digits the binlog does not record and whose values are longer with them; supply the \
     digits with ColumnHint::legacy_fsp",
);

impl RowError {
    fn new(schema: &TableSchema, column: Option<usize>, at: usize, reason: ValueError) -> Self {
        // An image that does not parse, in a table whose legacy temporal columns were read
        // without their precision: the missing precision is the likely cause, say so.
        let reason = match reason {
            ValueError::Truncated { .. } | ValueError::Malformed(_) | ValueError::Decimal(_)
                if schema.has_unresolved_legacy_temporals() =>
            {
                LEGACY_TEMPORALS
            }
            other => other,
        };
        let col: Option<&Column> = column.and_then(|i| schema.columns.get(i));
        RowError {
            table: format!("{}.{}", schema.database, schema.table),
            column,
            column_name: col.and_then(|c| c.name.clone()),
            column_type: col.map(|c| c.column_type),
            at,
            reason,
        }
    }
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "table {}", self.table)?;
        if let Some(c) = self.column {
            write!(f, ", column @{}", c + 1)?;
            if let Some(name) = &self.column_name {
                write!(f, " ({name})")?;
            }
            if let Some(t) = self.column_type {
                write!(f, " of type {t}")?;
            }
        }
        write!(f, ", byte {} of the event: {}", self.at, self.reason)
    }
}

/// The rows of a row event (see [`RowsEvent::rows`]).
#[derive(Clone, Debug)]
pub struct RowIter<'e, 's> {
    event: &'e RowsEvent<'e>,
    schema: &'s TableSchema,
    rest: &'e [u8],
    /// After an error, or after a row that took no bytes.
    done: bool,
}

impl<'e> RowsEvent<'e> {
    /// The rows, decoded against `schema` (the table map the event's table id refers to:
    /// [`TableMapCache::get`](crate::TableMapCache::get)).
    ///
    /// An error names the event's offset, the table, the column and the byte; the
    /// iteration ends after it. A row that takes no bytes (no column in its images, which
    /// only a corrupt event has alongside row data) ends it too, as it ends the servers'
    /// own loops: the same row would otherwise repeat forever.
    pub fn rows<'s>(&'e self, schema: &'s TableSchema) -> RowIter<'e, 's> {
        RowIter {
            event: self,
            schema,
            rest: self.rows.as_ref(),
            done: false,
        }
    }
}

impl<'e, 's> RowIter<'e, 's> {
    fn fail(&mut self, column: Option<usize>, at: usize, reason: ValueError) -> Error {
        self.done = true;
        Error::Row {
            offset: self.event.offset,
            source: Box::new(RowError::new(self.schema, column, at, reason)),
        }
    }

    /// The byte within the event where `rest` starts.
    fn at(&self) -> usize {
        self.event.rows_at + (self.event.rows.len() - self.rest.len())
    }

    /// Reads one image from `rest`.
    fn image(&mut self, present: Bitmap<'e>, after: bool) -> Result<Row<'e, 's>, Error> {
        let columns = &self.schema.columns;
        if columns.len() as u64 != self.event.column_count {
            let at = self.at();
            return Err(self.fail(
                None,
                at,
                ValueError::Malformed(
                    "the row event and its table map disagree on the number of columns",
                ),
            ));
        }
        let mut rest = self.rest;
        let mut partial = None;
        if after && self.event.kind == RowsKind::PartialUpdate {
            let (r, options) = match crate::parse::packed_len(rest) {
                Ok(v) => v,
                Err(_) => {
                    let at = self.at();
                    return Err(self.fail(
                        None,
                        at,
                        ValueError::Malformed(
                            "the value options of a partial update are cut short",
                        ),
                    ));
                }
            };
            rest = r;
            if options & 1 != 0 {
                let json_columns = columns
                    .iter()
                    .filter(|c| c.real_type == ColumnType::JSON)
                    .count();
                let n = json_columns.div_ceil(8);
                let Some(bits) = rest.get(..n) else {
                    let at = self.at();
                    return Err(self.fail(
                        None,
                        at,
                        ValueError::Truncated {
                            needed: n as u64,
                            left: rest.len(),
                        },
                    ));
                };
                partial = Some(bits);
                rest = rest.get(n..).unwrap_or_default();
            }
        }
        let engine_nulls = self.event.version == 0;
        let null_len = if engine_nulls {
            match self.schema.engine_null_bytes {
                Some(n) => n,
                None => {
                    let at = self.at();
                    return Err(self.fail(
                        None,
                        at,
                        ValueError::NeedsSchema(
                            "a MySQL 5.1 pre-GA row image starts with the storage engine's null bytes, \
                             whose size only the table definition gives (TableHints::engine_null_bytes)",
                        ),
                    ));
                }
            }
        } else {
            present.count_ones().div_ceil(8)
        };
        let Some(nulls) = rest.get(..null_len) else {
            let at = self.at();
            return Err(self.fail(
                None,
                at,
                ValueError::Truncated {
                    needed: null_len as u64,
                    left: rest.len(),
                },
            ));
        };
        let data_start = rest.get(null_len..).unwrap_or_default();
        let at = self.event.rows_at + (self.event.rows.len() - data_start.len());
        let mut row = Row {
            schema: self.schema,
            present,
            nulls,
            partial,
            engine_nulls,
            data: data_start,
            at,
        };
        // Find where the image ends: the length of every present, non-NULL value.
        let mut data = data_start;
        let mut k = 0;
        let mut json_index = 0;
        for (i, column) in columns.iter().enumerate() {
            let is_json = column.real_type == ColumnType::JSON;
            if is_json {
                json_index += 1;
            }
            if !present.get(i) {
                continue;
            }
            let null = bit(nulls, k) && !engine_nulls;
            k += 1;
            if null {
                continue;
            }
            let is_partial = is_json && partial.is_some_and(|p| bit(p, json_index - 1));
            let extent = if is_partial {
                crate::json::diffs_extent(data)
            } else {
                value::extent(column, data)
            };
            match extent {
                Ok(n) => data = data.get(n..).unwrap_or_default(),
                Err(reason) => {
                    let at = self.event.rows_at + (self.event.rows.len() - data.len());
                    return Err(self.fail(Some(i), at, reason));
                }
            }
        }
        row.data = data_start
            .get(..data_start.len() - data.len())
            .unwrap_or_default();
        self.rest = data;
        Ok(row)
    }
}

impl<'e, 's> Iterator for RowIter<'e, 's> {
    type Item = Result<RowChange<'e, 's>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done || self.rest.is_empty() {
            return None;
        }
        let left = self.rest.len();
        let n = self.event.column_count as usize;
        let before = Bitmap::new(self.event.columns_before, n);
        let after = self
            .event
            .columns_after
            .map_or(before, |b| Bitmap::new(b, n));
        let change = match self.event.kind {
            RowsKind::Write => self.image(before, false).map(RowChange::Insert),
            RowsKind::Delete => self.image(before, false).map(RowChange::Delete),
            RowsKind::Update | RowsKind::PartialUpdate => self.image(before, false).and_then(|b| {
                self.image(after, true).map(|a| RowChange::Update {
                    before: b,
                    after: a,
                })
            }),
        };
        if self.rest.len() == left {
            self.done = true;
        }
        Some(change)
    }
}
