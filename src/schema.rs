//! Table schemas: the owned, decoded form of a TABLE_MAP event, built once per map and
//! shared by every row event that refers to it.

use std::collections::HashMap;
use std::sync::Arc;

use crate::constants::ColumnType;
use crate::error::{Error, Result};
use crate::events::table_map::{OptionalMetadata, TableMapEvent};

/// One column of a table, as its TABLE_MAP describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Column {
    /// The type code in the TABLE_MAP.
    pub column_type: ColumnType,
    /// The real type: for `STRING`, the type in its metadata (`ENUM`, `SET` or
    /// `STRING`); otherwise the same as `column_type`.
    pub real_type: ColumnType,
    /// The column's metadata as one number, the way mysqlbinlog prints it (`meta=`):
    /// for STRING/ENUM/SET and NEWDECIMAL the first byte is the high byte, for the
    /// two-byte little-endian ones (VARCHAR, BIT) it is the low byte.
    pub metadata: u16,
    /// Whether the column may be NULL.
    pub nullable: bool,
    /// Whether the column is UNSIGNED, for numeric columns when the TABLE_MAP carries
    /// signedness (`binlog_row_metadata=FULL`, or MINIMAL in MySQL 8). `None` when unknown.
    pub unsigned: Option<bool>,
    /// The collation id of a character, ENUM or SET column, when the TABLE_MAP says it.
    pub charset: Option<u16>,
    /// The column's name, when the TABLE_MAP carries names.
    pub name: Option<String>,
    /// ENUM or SET member names, when the TABLE_MAP carries them.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub members: Option<Vec<Box<[u8]>>>,
    /// The geometry type of a GEOMETRY column, when known.
    pub geometry_type: Option<u64>,
    /// Whether the column is visible (`false` for invisible columns), when known.
    pub visible: Option<bool>,
    /// The dimensionality of a VECTOR column, when known.
    pub vector_dimensions: Option<u64>,
    /// Whether the column's metadata is known. It is not after a column type whose
    /// metadata size this crate does not know (the metadata of the columns after it
    /// cannot be found), nor in the TABLE_MAPs of MySQL 5.1 before 5.1.16, which carry none
    /// (a caller can supply it: [`TableHints`]).
    pub metadata_known: bool,
    /// For a MariaDB TIME, DATETIME or TIMESTAMP column in the legacy format (type codes
    /// 11, 12, 7; tables from MariaDB 5.3-10.1.1 or made with
    /// `mysql56_temporal_format=OFF`): its fractional digits, when a caller supplied them.
    /// The TABLE_MAP does not say, and with digits the values take more bytes.
    pub legacy_fsp: Option<u8>,
    /// For the pre-GA row images of MySQL 5.1.0-5.1.15: the bit of this column in the
    /// storage engine's null bytes, when nullable and supplied by a caller.
    pub engine_null_bit: Option<usize>,
}

impl Column {
    /// True for the columns the signedness metadata counts: TINYINT to BIGINT, YEAR,
    /// FLOAT, DOUBLE and both DECIMALs (MySQL's `has_signedess_information_type`; MariaDB
    /// writes a bit for the same columns).
    pub fn is_numeric(&self) -> bool {
        is_numeric_type(self.real_type)
    }

    /// True for the columns the charset metadata counts, which differs by server: CHAR,
    /// VARCHAR and the BLOB and TEXT family everywhere; VECTOR in MySQL; GEOMETRY and the
    /// compressed columns in MariaDB. ENUM and SET have their own list.
    pub fn is_character(&self, mariadb: bool) -> bool {
        is_character_type(self.real_type, mariadb)
    }

    /// True for ENUM and SET.
    pub fn is_enum_or_set(&self) -> bool {
        matches!(self.real_type, ColumnType::ENUM | ColumnType::SET)
    }
}

pub(crate) fn is_numeric_type(t: ColumnType) -> bool {
    matches!(
        t,
        ColumnType::TINY
            | ColumnType::SHORT
            | ColumnType::INT24
            | ColumnType::LONG
            | ColumnType::LONGLONG
            | ColumnType::YEAR
            | ColumnType::DECIMAL
            | ColumnType::NEWDECIMAL
            | ColumnType::FLOAT
            | ColumnType::DOUBLE
    )
}

pub(crate) fn is_character_type(t: ColumnType, mariadb: bool) -> bool {
    match t {
        ColumnType::STRING | ColumnType::VAR_STRING | ColumnType::VARCHAR | ColumnType::BLOB => {
            true
        }
        ColumnType::VECTOR => !mariadb,
        ColumnType::GEOMETRY | ColumnType::VARCHAR_COMPRESSED | ColumnType::BLOB_COMPRESSED => {
            mariadb
        }
        _ => false,
    }
}

/// How many metadata bytes a column of this type has in a TABLE_MAP, or `None` for a
/// type this crate does not know.
pub(crate) fn metadata_len(t: ColumnType) -> Option<usize> {
    Some(match t {
        ColumnType::DECIMAL
        | ColumnType::TINY
        | ColumnType::SHORT
        | ColumnType::LONG
        | ColumnType::NULL
        | ColumnType::TIMESTAMP
        | ColumnType::LONGLONG
        | ColumnType::INT24
        | ColumnType::DATE
        | ColumnType::TIME
        | ColumnType::DATETIME
        | ColumnType::YEAR
        | ColumnType::NEWDATE => 0,
        ColumnType::FLOAT
        | ColumnType::DOUBLE
        | ColumnType::TIMESTAMP2
        | ColumnType::DATETIME2
        | ColumnType::TIME2
        | ColumnType::BLOB
        | ColumnType::TINY_BLOB
        | ColumnType::MEDIUM_BLOB
        | ColumnType::LONG_BLOB
        | ColumnType::GEOMETRY
        | ColumnType::JSON
        | ColumnType::BLOB_COMPRESSED
        | ColumnType::VECTOR => 1,
        ColumnType::VARCHAR
        | ColumnType::VAR_STRING
        | ColumnType::BIT
        | ColumnType::VARCHAR_COMPRESSED
        | ColumnType::NEWDECIMAL
        | ColumnType::STRING
        | ColumnType::ENUM
        | ColumnType::SET => 2,
        _ => return None,
    })
}

/// A table as a TABLE_MAP describes it: owned, built once, shared by the row events.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TableSchema {
    /// The table id the row events refer to.
    pub table_id: u64,
    /// The database name.
    pub database: String,
    /// The table name.
    pub table: String,
    /// The columns, in table order.
    pub columns: Vec<Column>,
    /// The primary key as (column index, prefix length or 0) pairs, when the TABLE_MAP
    /// carries it.
    pub primary_key: Option<Vec<(usize, u64)>>,
    /// The offset of the TABLE_MAP event this schema was built from.
    pub map_offset: u64,
    /// For the pre-GA row images of MySQL 5.1.0-5.1.15: how many bytes of storage-engine
    /// null flags start each image, when a caller supplied it.
    pub engine_null_bytes: Option<usize>,
    /// Whether a MariaDB server wrote the TABLE_MAP.
    pub mariadb: bool,
}

/// What a caller knows about a table that its TABLE_MAP may not say: column names,
/// signedness and character sets of binlogs written without row metadata, and what only
/// the table definition can tell (see each field). Supplied through
/// [`TableMapCache::set_hints`], it fills in what a TABLE_MAP of that table leaves out;
/// what the TABLE_MAP says wins.
///
/// ```
/// use binlogkit::{ColumnHint, Decoder, TableHints};
/// let mut decoder = Decoder::new();
/// decoder.tables_mut().set_hints("shop", "orders", TableHints {
///     columns: vec![
///         ColumnHint { name: Some("id".into()), unsigned: Some(true), ..Default::default() },
///         ColumnHint { name: Some("total".into()), ..Default::default() },
///     ],
///     ..Default::default()
/// });
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TableHints {
    /// One hint per column, in table order (fewer is fine).
    pub columns: Vec<ColumnHint>,
    /// For MySQL 5.1.0-5.1.15 pre-GA row images: the size of the storage engine's null
    /// bytes at the start of each image (`table->s->null_bytes`: one bit per nullable
    /// column, plus MyISAM's deleted-row bit for fixed-length rows, rounded up).
    pub engine_null_bytes: Option<usize>,
}

/// What a caller knows about one column (see [`TableHints`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ColumnHint {
    /// The column's name.
    pub name: Option<String>,
    /// Whether it is UNSIGNED.
    pub unsigned: Option<bool>,
    /// Its collation id.
    pub charset: Option<u16>,
    /// ENUM or SET member names.
    pub members: Option<Vec<Box<[u8]>>>,
    /// The metadata the TABLE_MAP would carry (the `meta=` number mysqlbinlog prints),
    /// for TABLE_MAPs without metadata (MySQL 5.1 before 5.1.16).
    pub metadata: Option<u16>,
    /// For a MariaDB legacy-format TIME, DATETIME or TIMESTAMP column: its fractional
    /// digits (see [`Column::legacy_fsp`]).
    pub legacy_fsp: Option<u8>,
    /// For pre-GA row images: the column's bit in the engine's null bytes, if nullable.
    pub engine_null_bit: Option<usize>,
}

impl TableSchema {
    /// Builds the schema of a TABLE_MAP event found at `offset`, written by a MariaDB
    /// server when `mariadb` is true (the servers count charset columns differently).
    pub fn from_table_map(map: &TableMapEvent<'_>, offset: u64, mariadb: bool) -> Result<Self> {
        Self::build(map, offset, mariadb, None)
    }

    fn build(
        map: &TableMapEvent<'_>,
        offset: u64,
        mariadb: bool,
        hints: Option<&TableHints>,
    ) -> Result<Self> {
        let malformed = |reason: &'static str| Error::Malformed {
            offset,
            event_type: crate::EventType::TABLE_MAP_EVENT,
            at: None,
            reason: reason.into(),
        };
        let mut columns = Vec::with_capacity(map.column_count());
        let mut meta = map.column_metadata;
        // Past a type whose metadata size is unknown, no column's metadata can be found.
        let mut offsets_known = true;
        for (i, column_type) in map.column_types().enumerate() {
            let (m, known): (&[u8], bool) = if map.without_metadata {
                // A 5.1 pre-GA table map has no metadata: only types without any are whole.
                (&[], metadata_len(column_type) == Some(0))
            } else if offsets_known {
                match metadata_len(column_type) {
                    Some(n) => {
                        let (m, rest) = meta.split_at_checked(n).ok_or_else(|| {
                            malformed("the column metadata block is shorter than its columns need")
                        })?;
                        meta = rest;
                        (m, true)
                    }
                    None => {
                        offsets_known = false;
                        (&[], false)
                    }
                }
            } else {
                (&[], false)
            };
            let (metadata, real_type) = column_metadata(column_type, m);
            columns.push(Column {
                column_type,
                real_type,
                metadata,
                nullable: map.is_nullable(i).unwrap_or(true),
                unsigned: None,
                charset: None,
                name: None,
                members: None,
                geometry_type: None,
                visible: None,
                vector_dimensions: None,
                metadata_known: known,
                legacy_fsp: None,
                engine_null_bit: None,
            });
        }
        let mut schema = TableSchema {
            table_id: map.table_id,
            database: String::from_utf8_lossy(map.database).into_owned(),
            table: String::from_utf8_lossy(map.table).into_owned(),
            columns,
            primary_key: None,
            map_offset: offset,
            engine_null_bytes: None,
            mariadb,
        };
        schema
            .apply_optional_metadata(map, mariadb)
            .map_err(|_| malformed("the optional metadata does not follow its layout"))?;
        if let Some(hints) = hints {
            schema.apply_hints(hints, map.without_metadata);
        }
        Ok(schema)
    }

    /// Fills in what the TABLE_MAP left out from what a caller supplied.
    fn apply_hints(&mut self, hints: &TableHints, without_metadata: bool) {
        if self.engine_null_bytes.is_none() {
            self.engine_null_bytes = hints.engine_null_bytes;
        }
        for (col, hint) in self.columns.iter_mut().zip(&hints.columns) {
            if col.name.is_none() {
                col.name.clone_from(&hint.name);
            }
            if col.unsigned.is_none() && col.is_numeric() {
                col.unsigned = hint.unsigned;
            }
            if col.charset.is_none() {
                col.charset = hint.charset;
            }
            if col.members.is_none() {
                col.members.clone_from(&hint.members);
            }
            if let (true, Some(meta)) = (without_metadata, hint.metadata) {
                // The hint is the metadata number itself; a STRING's real type is in it.
                col.metadata = meta;
                col.real_type = column_metadata(col.column_type, &meta.to_be_bytes()).1;
                col.metadata_known = true;
            }
            col.legacy_fsp = hint.legacy_fsp;
            col.engine_null_bit = hint.engine_null_bit;
        }
    }

    /// Fills in what the optional metadata says.
    fn apply_optional_metadata(
        &mut self,
        map: &TableMapEvent<'_>,
        mariadb: bool,
    ) -> std::result::Result<(), crate::events::table_map::MetadataError> {
        let is_character = |c: &Column| c.is_character(mariadb);
        for field in map.optional_metadata() {
            match field? {
                OptionalMetadata::Signedness(bits) => {
                    let numeric = self.columns.iter_mut().filter(|c| c.is_numeric());
                    for (n, col) in numeric.enumerate() {
                        col.unsigned = msb_bit(bits, n);
                    }
                }
                OptionalMetadata::DefaultCharset(list) => {
                    self.set_charsets(is_character, list.default, list.exceptions)?;
                }
                OptionalMetadata::ColumnCharset(ids) => {
                    self.set_each(is_character, ids, |c, v| c.charset = collation(v))?;
                }
                OptionalMetadata::EnumAndSetDefaultCharset(list) => {
                    self.set_charsets(Column::is_enum_or_set, list.default, list.exceptions)?;
                }
                OptionalMetadata::EnumAndSetColumnCharset(ids) => {
                    self.set_each(Column::is_enum_or_set, ids, |c, v| c.charset = collation(v))?;
                }
                OptionalMetadata::ColumnName(names) => {
                    for (col, name) in self.columns.iter_mut().zip(names.iter()) {
                        col.name = Some(String::from_utf8_lossy(name?).into_owned());
                    }
                }
                OptionalMetadata::SetStrValue(lists) => {
                    let sets = self
                        .columns
                        .iter_mut()
                        .filter(|c| c.real_type == ColumnType::SET);
                    for (col, list) in sets.zip(lists.iter()) {
                        col.members = Some(list?.into_iter().map(Box::from).collect());
                    }
                }
                OptionalMetadata::EnumStrValue(lists) => {
                    let enums = self
                        .columns
                        .iter_mut()
                        .filter(|c| c.real_type == ColumnType::ENUM);
                    for (col, list) in enums.zip(lists.iter()) {
                        col.members = Some(list?.into_iter().map(Box::from).collect());
                    }
                }
                OptionalMetadata::GeometryType(types) => {
                    let is_geometry = |c: &Column| c.real_type == ColumnType::GEOMETRY;
                    self.set_each(is_geometry, types, |c, v| c.geometry_type = Some(v))?;
                }
                OptionalMetadata::SimplePrimaryKey(ids) => {
                    let key = ids
                        .iter()
                        .map(|r| r.map(|i| (index(i), 0)))
                        .collect::<std::result::Result<Vec<_>, _>>()?;
                    self.primary_key = Some(key);
                }
                OptionalMetadata::PrimaryKeyWithPrefix(ints) => {
                    let flat = ints.iter().collect::<std::result::Result<Vec<_>, _>>()?;
                    let key = flat
                        .chunks(2)
                        .map(|p| match p {
                            [i, len] => (index(*i), *len),
                            [i] => (index(*i), 0),
                            _ => (0, 0),
                        })
                        .collect();
                    self.primary_key = Some(key);
                }
                OptionalMetadata::ColumnVisibility(bits) => {
                    for (n, col) in self.columns.iter_mut().enumerate() {
                        col.visible = msb_bit(bits, n);
                    }
                }
                OptionalMetadata::VectorDimensionality(dims) => {
                    let is_vector = |c: &Column| c.real_type == ColumnType::VECTOR;
                    self.set_each(is_vector, dims, |c, v| c.vector_dimensions = Some(v))?;
                }
                OptionalMetadata::Unknown { .. } => {}
            }
        }
        Ok(())
    }

    fn set_each(
        &mut self,
        which: impl Fn(&Column) -> bool,
        values: crate::events::table_map::PackedInts<'_>,
        mut set: impl FnMut(&mut Column, u64),
    ) -> std::result::Result<(), crate::events::table_map::MetadataError> {
        let cols = self.columns.iter_mut().filter(|c| which(c));
        for (col, v) in cols.zip(values.iter()) {
            set(col, v?);
        }
        Ok(())
    }

    fn set_charsets(
        &mut self,
        which: impl Fn(&Column) -> bool,
        default: u64,
        exceptions: crate::events::table_map::PackedInts<'_>,
    ) -> std::result::Result<(), crate::events::table_map::MetadataError> {
        let mut exceptions = exceptions.iter();
        let mut overrides = HashMap::new();
        while let Some(index) = exceptions.next() {
            let index = index?;
            let charset = exceptions.next().transpose()?.unwrap_or(default);
            overrides.insert(index, charset);
        }
        let cols = self.columns.iter_mut().filter(|c| which(c));
        for (n, col) in cols.enumerate() {
            let id = overrides.get(&(n as u64)).copied().unwrap_or(default);
            col.charset = collation(id);
        }
        Ok(())
    }

    /// Whether the table has MariaDB legacy-format TIME, DATETIME or TIMESTAMP columns
    /// whose fractional digits nobody supplied: their values are read in the classic
    /// format (no fraction), as MariaDB's own tools do, which is wrong for columns with
    /// digits (see [`Column::legacy_fsp`]).
    pub fn has_unresolved_legacy_temporals(&self) -> bool {
        self.mariadb
            && self.columns.iter().any(|c| {
                matches!(
                    c.real_type,
                    ColumnType::TIME | ColumnType::DATETIME | ColumnType::TIMESTAMP
                ) && c.legacy_fsp.is_none()
            })
    }

    /// The column names, when the TABLE_MAP carries them.
    pub fn column_names(&self) -> Option<Vec<&str>> {
        self.columns.iter().map(|c| c.name.as_deref()).collect()
    }
}

/// A collation id; ids past 65535 exist in no server and are dropped as unknown.
fn collation(id: u64) -> Option<u16> {
    u16::try_from(id).ok()
}

/// A column index from the metadata; one past any table's columns when out of range.
fn index(i: u64) -> usize {
    usize::try_from(i).unwrap_or(usize::MAX)
}

/// Bit `n` of a bitmap numbered from the most significant bit of the first byte.
fn msb_bit(bits: &[u8], n: usize) -> Option<bool> {
    bits.get(n / 8).map(|b| b & (0x80 >> (n % 8)) != 0)
}

/// The metadata number and the real type of a column from its metadata bytes.
fn column_metadata(t: ColumnType, m: &[u8]) -> (u16, ColumnType) {
    match (t, m) {
        (ColumnType::STRING | ColumnType::ENUM | ColumnType::SET, &[b0, b1]) => {
            let metadata = u16::from_be_bytes([b0, b1]);
            // ENUM and SET are written as STRING with the real type in the first byte.
            // For CHAR, the first byte also carries two high bits of a length over 255
            // (XOR-ed into 0x30), and the real type is that byte with both bits set.
            let real = ColumnType(b0);
            if real == ColumnType::ENUM || real == ColumnType::SET {
                (metadata, real)
            } else {
                (metadata, ColumnType(b0 | 0x30))
            }
        }
        (ColumnType::NEWDECIMAL, &[precision, scale]) => {
            (u16::from_be_bytes([precision, scale]), t)
        }
        (_, &[b0, b1]) => (u16::from_le_bytes([b0, b1]), t),
        (_, &[b0]) => (u16::from(b0), t),
        _ => (0, t),
    }
}

/// The table maps in force: table id to schema.
///
/// A TABLE_MAP replaces any earlier map of the same id. The decoder clears them all after
/// a row event with the statement-end flag, once that event has been returned (the
/// server forgets its table maps at the end of each statement).
#[derive(Clone, Debug, Default)]
pub struct TableMapCache {
    maps: HashMap<u64, Arc<TableSchema>>,
    /// Caller-supplied table knowledge, by database and table name; kept across
    /// statements.
    hints: HashMap<(String, String), TableHints>,
}

impl TableMapCache {
    /// The schema of `table_id`, if a TABLE_MAP defined it.
    pub fn get(&self, table_id: u64) -> Option<&Arc<TableSchema>> {
        self.maps.get(&table_id)
    }

    /// The number of table maps in force.
    pub fn len(&self) -> usize {
        self.maps.len()
    }

    /// True when no table map is in force.
    pub fn is_empty(&self) -> bool {
        self.maps.is_empty()
    }

    /// Puts a schema in force, replacing any with the same table id.
    pub fn insert_schema(&mut self, schema: Arc<TableSchema>) {
        self.maps.insert(schema.table_id, schema);
    }

    /// Supplies what is known about `database`.`table` from elsewhere: the TABLE_MAPs of
    /// that table decoded from now on are completed with it.
    pub fn set_hints(&mut self, database: &str, table: &str, hints: TableHints) {
        self.hints
            .insert((database.to_owned(), table.to_owned()), hints);
    }

    pub(crate) fn insert(
        &mut self,
        map: &TableMapEvent<'_>,
        offset: u64,
        mariadb: bool,
    ) -> Result<()> {
        let hints = if self.hints.is_empty() {
            None
        } else {
            let key = (
                String::from_utf8_lossy(map.database).into_owned(),
                String::from_utf8_lossy(map.table).into_owned(),
            );
            self.hints.get(&key)
        };
        let schema = TableSchema::build(map, offset, mariadb, hints)?;
        self.insert_schema(Arc::new(schema));
        Ok(())
    }

    /// Forgets every table map.
    pub fn clear(&mut self) {
        self.maps.clear();
    }
}
