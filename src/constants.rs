//! Open constants of the binlog format: event type codes, column type codes, header and
//! rows-event flags, checksum algorithms.
//!
//! Every constant is a newtype over the wire integer with named associated constants, in
//! the style of gimli's `dw!` tables: a code this crate does not know still round-trips
//! (MariaDB and vendor forks add their own), and `name()` says whether it is known.

use std::fmt;

macro_rules! open_constants {
    (
        $(#[$meta:meta])*
        $name:ident($repr:ty) {
            $( $(#[$cmeta:meta])* $cname:ident = $value:expr => $text:expr, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[cfg_attr(feature = "serde", serde(transparent))]
        pub struct $name(pub $repr);

        impl $name {
            $( $(#[$cmeta])* pub const $cname: $name = $name($value); )*

            /// The name MySQL or MariaDB gives this code, or `None` for a code this crate
            /// does not know.
            pub fn name(self) -> Option<&'static str> {
                match self.0 {
                    $( $value => Some($text), )*
                    _ => None,
                }
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self.name() {
                    Some(n) => write!(f, "{}({})", n, self.0),
                    None => write!(f, "{}({})", stringify!($name), self.0),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self.name() {
                    Some(n) => f.write_str(n),
                    None => write!(f, "unknown {} {}", stringify!($name), self.0),
                }
            }
        }

        impl From<$repr> for $name {
            fn from(v: $repr) -> Self {
                $name(v)
            }
        }
    };
}

open_constants! {
    /// The one-byte event type code at byte 4 of every event header.
    ///
    /// Names are the ones `SHOW BINLOG EVENTS` prints in its `Event_type` column.
    EventType(u8) {
        /// 0: never written; a placeholder in the server.
        UNKNOWN_EVENT = 0 => "Unknown",
        /// 1: the first event of a binlog v1 or v3 file (MySQL 3.23 to 4.1).
        START_EVENT_V3 = 1 => "Start",
        /// 2: a statement and its session context.
        QUERY_EVENT = 2 => "Query",
        /// 3: the server stopped.
        STOP_EVENT = 3 => "Stop",
        /// 4: the log continues in another file.
        ROTATE_EVENT = 4 => "Rotate",
        /// 5: LAST_INSERT_ID or INSERT_ID for the next statement.
        INTVAR_EVENT = 5 => "Intvar",
        /// 6: LOAD DATA INFILE (MySQL 3.23).
        LOAD_EVENT = 6 => "Load",
        /// 7: never written by any released server.
        SLAVE_EVENT = 7 => "Slave",
        /// 8: LOAD DATA INFILE, first block (MySQL 4.0 to 5.0).
        CREATE_FILE_EVENT = 8 => "Create_file",
        /// 9: LOAD DATA INFILE, a further block of the file.
        APPEND_BLOCK_EVENT = 9 => "Append_block",
        /// 10: LOAD DATA INFILE, execute (MySQL 4.0 to 5.0).
        EXEC_LOAD_EVENT = 10 => "Exec_load",
        /// 11: LOAD DATA INFILE failed; discard the file.
        DELETE_FILE_EVENT = 11 => "Delete_file",
        /// 12: LOAD DATA INFILE with multi-character separators (MySQL 4.0 to 5.0).
        NEW_LOAD_EVENT = 12 => "New_load",
        /// 13: the seeds of RAND() for the next statement.
        RAND_EVENT = 13 => "RAND",
        /// 14: a user variable the next statement reads.
        USER_VAR_EVENT = 14 => "User var",
        /// 15: the binlog v4 header event describing the rest of the file.
        FORMAT_DESCRIPTION_EVENT = 15 => "Format_desc",
        /// 16: commit of an XA-capable (InnoDB) transaction.
        XID_EVENT = 16 => "Xid",
        /// 17: LOAD DATA INFILE, first block (MySQL 5.0.3+).
        BEGIN_LOAD_QUERY_EVENT = 17 => "Begin_load_query",
        /// 18: LOAD DATA INFILE statement (MySQL 5.0.3+).
        EXECUTE_LOAD_QUERY_EVENT = 18 => "Execute_load_query",
        /// 19: maps a table id to a table definition for the row events that follow.
        TABLE_MAP_EVENT = 19 => "Table_map",
        /// 20: WRITE_ROWS before 5.1.16 (pre-GA layout).
        PRE_GA_WRITE_ROWS_EVENT = 20 => "Write_rows_v0",
        /// 21: UPDATE_ROWS before 5.1.16 (pre-GA layout).
        PRE_GA_UPDATE_ROWS_EVENT = 21 => "Update_rows_v0",
        /// 22: DELETE_ROWS before 5.1.16 (pre-GA layout).
        PRE_GA_DELETE_ROWS_EVENT = 22 => "Delete_rows_v0",
        /// 23: inserted rows, v1 layout (MySQL 5.1.16 to 5.6, MariaDB).
        WRITE_ROWS_EVENT_V1 = 23 => "Write_rows_v1",
        /// 24: updated rows, v1 layout.
        UPDATE_ROWS_EVENT_V1 = 24 => "Update_rows_v1",
        /// 25: deleted rows, v1 layout.
        DELETE_ROWS_EVENT_V1 = 25 => "Delete_rows_v1",
        /// 26: something happened that replicas must know about (lost events).
        INCIDENT_EVENT = 26 => "Incident",
        /// 27: a replication heartbeat (network only).
        HEARTBEAT_LOG_EVENT = 27 => "Heartbeat",
        /// 28: an event a reader may skip if it does not know it.
        IGNORABLE_LOG_EVENT = 28 => "Ignorable",
        /// 29: the statement text behind the row events that follow.
        ROWS_QUERY_LOG_EVENT = 29 => "Rows_query",
        /// 30: inserted rows, v2 layout (MySQL 5.6+).
        WRITE_ROWS_EVENT = 30 => "Write_rows",
        /// 31: updated rows, v2 layout.
        UPDATE_ROWS_EVENT = 31 => "Update_rows",
        /// 32: deleted rows, v2 layout.
        DELETE_ROWS_EVENT = 32 => "Delete_rows",
        /// 33: the GTID of the transaction that follows.
        GTID_LOG_EVENT = 33 => "Gtid",
        /// 34: a transaction without a GTID (gtid_mode=OFF), with its logical clock.
        ANONYMOUS_GTID_LOG_EVENT = 34 => "Anonymous_Gtid",
        /// 35: the GTID set of all earlier binlog files.
        PREVIOUS_GTIDS_LOG_EVENT = 35 => "Previous_gtids",
        /// 36: Group Replication certification information.
        TRANSACTION_CONTEXT_EVENT = 36 => "Transaction_context",
        /// 37: Group Replication view change.
        VIEW_CHANGE_EVENT = 37 => "View_change",
        /// 38: XA PREPARE of an XA transaction.
        XA_PREPARE_LOG_EVENT = 38 => "XA_prepare",
        /// 39: updated rows where JSON columns carry partial diffs.
        PARTIAL_UPDATE_ROWS_EVENT = 39 => "Update_rows_partial",
        /// 40: a whole transaction, compressed (MySQL 8.0.20+).
        TRANSACTION_PAYLOAD_EVENT = 40 => "Transaction_payload",
        /// 41: a replication heartbeat with a 64-bit position (network only).
        HEARTBEAT_LOG_EVENT_V2 = 41 => "Heartbeat_v2",
        /// 42: the GTID of the transaction that follows, with a tag (MySQL 8.3+).
        GTID_TAGGED_LOG_EVENT = 42 => "Gtid_tagged",
        /// 160: MariaDB: the statement text behind the row events that follow.
        ANNOTATE_ROWS_EVENT = 160 => "Annotate_rows",
        /// 161: MariaDB: the oldest binlog file still needed for crash recovery.
        BINLOG_CHECKPOINT_EVENT = 161 => "Binlog_checkpoint",
        /// 162: MariaDB: the GTID of the event group that follows.
        MARIADB_GTID_EVENT = 162 => "Gtid",
        /// 163: MariaDB: the GTID state at the start of this file.
        MARIADB_GTID_LIST_EVENT = 163 => "Gtid_list",
        /// 164: MariaDB: the events after this one are encrypted.
        START_ENCRYPTION_EVENT = 164 => "Start_encryption",
        /// 165: MariaDB: a Query event with its statement compressed.
        QUERY_COMPRESSED_EVENT = 165 => "Query_compressed",
        /// 166: MariaDB: Write_rows_v1 with its rows compressed.
        WRITE_ROWS_COMPRESSED_EVENT_V1 = 166 => "Write_rows_compressed_v1",
        /// 167: MariaDB: Update_rows_v1 with its rows compressed.
        UPDATE_ROWS_COMPRESSED_EVENT_V1 = 167 => "Update_rows_compressed_v1",
        /// 168: MariaDB: Delete_rows_v1 with its rows compressed.
        DELETE_ROWS_COMPRESSED_EVENT_V1 = 168 => "Delete_rows_compressed_v1",
        /// 169: MariaDB: Write_rows (v2 layout) with its rows compressed.
        WRITE_ROWS_COMPRESSED_EVENT = 169 => "Write_rows_compressed",
        /// 170: MariaDB: Update_rows (v2 layout) with its rows compressed.
        UPDATE_ROWS_COMPRESSED_EVENT = 170 => "Update_rows_compressed",
        /// 171: MariaDB: Delete_rows (v2 layout) with its rows compressed.
        DELETE_ROWS_COMPRESSED_EVENT = 171 => "Delete_rows_compressed",
        /// 172: MariaDB: one fragment of an event group too large for one event.
        PARTIAL_ROW_DATA_EVENT = 172 => "Partial_row_data",
    }
}

impl EventType {
    /// True for the row events of every version and vendor (20-25, 30-32, 39, 166-171).
    pub fn is_rows(self) -> bool {
        matches!(self.0, 20..=25 | 30..=32 | 39 | 166..=171)
    }
}

open_constants! {
    /// A column type code (`enum_field_types`) as written in a TABLE_MAP event.
    ///
    /// ENUM and SET columns are written as `STRING` with the real type in the metadata.
    ColumnType(u8) {
        /// Old DECIMAL (before MySQL 5.0.3), stored as text.
        DECIMAL = 0 => "DECIMAL",
        /// TINYINT.
        TINY = 1 => "TINY",
        /// SMALLINT.
        SHORT = 2 => "SHORT",
        /// INT.
        LONG = 3 => "LONG",
        /// FLOAT.
        FLOAT = 4 => "FLOAT",
        /// DOUBLE.
        DOUBLE = 5 => "DOUBLE",
        /// The NULL type.
        NULL = 6 => "NULL",
        /// TIMESTAMP without fractional seconds (before MySQL 5.6.4).
        TIMESTAMP = 7 => "TIMESTAMP",
        /// BIGINT.
        LONGLONG = 8 => "LONGLONG",
        /// MEDIUMINT.
        INT24 = 9 => "INT24",
        /// DATE.
        DATE = 10 => "DATE",
        /// TIME without fractional seconds (before MySQL 5.6.4).
        TIME = 11 => "TIME",
        /// DATETIME without fractional seconds (before MySQL 5.6.4).
        DATETIME = 12 => "DATETIME",
        /// YEAR.
        YEAR = 13 => "YEAR",
        /// DATE as stored in tables (never in a TABLE_MAP by MySQL; 3 bytes).
        NEWDATE = 14 => "NEWDATE",
        /// VARCHAR and VARBINARY.
        VARCHAR = 15 => "VARCHAR",
        /// BIT(n).
        BIT = 16 => "BIT",
        /// TIMESTAMP(fsp), MySQL 5.6.4+ format.
        TIMESTAMP2 = 17 => "TIMESTAMP2",
        /// DATETIME(fsp), MySQL 5.6.4+ format.
        DATETIME2 = 18 => "DATETIME2",
        /// TIME(fsp), MySQL 5.6.4+ format.
        TIME2 = 19 => "TIME2",
        /// Typed array (multi-valued index helper; never in row images).
        TYPED_ARRAY = 20 => "TYPED_ARRAY",
        /// MariaDB: BLOB or TEXT with the COMPRESSED attribute.
        BLOB_COMPRESSED = 140 => "BLOB_COMPRESSED",
        /// MariaDB: VARCHAR with the COMPRESSED attribute.
        VARCHAR_COMPRESSED = 141 => "VARCHAR_COMPRESSED",
        /// VECTOR (MySQL 9.0+).
        VECTOR = 242 => "VECTOR",
        /// JSON (MySQL binary JSON).
        JSON = 245 => "JSON",
        /// DECIMAL (MySQL 5.0.3+ binary format).
        NEWDECIMAL = 246 => "NEWDECIMAL",
        /// ENUM (appears only inside STRING metadata).
        ENUM = 247 => "ENUM",
        /// SET (appears only inside STRING metadata).
        SET = 248 => "SET",
        /// TINYBLOB (appears only inside metadata).
        TINY_BLOB = 249 => "TINY_BLOB",
        /// MEDIUMBLOB (appears only inside metadata).
        MEDIUM_BLOB = 250 => "MEDIUM_BLOB",
        /// LONGBLOB (appears only inside metadata).
        LONG_BLOB = 251 => "LONG_BLOB",
        /// BLOB and TEXT of every size; the metadata gives the length bytes.
        BLOB = 252 => "BLOB",
        /// VARCHAR in very old servers.
        VAR_STRING = 253 => "VAR_STRING",
        /// CHAR, BINARY, ENUM and SET; the metadata gives the real type.
        STRING = 254 => "STRING",
        /// GEOMETRY and its subtypes.
        GEOMETRY = 255 => "GEOMETRY",
    }
}

/// Flags in the 16-bit `flags` field of a v3/v4 event header.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct EventFlags(pub u16);

impl EventFlags {
    /// `LOG_EVENT_BINLOG_IN_USE_F`: set on the FORMAT_DESCRIPTION of a file the server
    /// is still writing (or that it did not close cleanly).
    pub const BINLOG_IN_USE: u16 = 0x0001;
    /// `LOG_EVENT_THREAD_SPECIFIC_F`: the statement uses temporary tables.
    pub const THREAD_SPECIFIC: u16 = 0x0004;
    /// `LOG_EVENT_SUPPRESS_USE_F`: the statement does not depend on the default database.
    pub const SUPPRESS_USE: u16 = 0x0008;
    /// `LOG_EVENT_ARTIFICIAL_F`: written by a replica, not by the source.
    pub const ARTIFICIAL: u16 = 0x0020;
    /// `LOG_EVENT_RELAY_LOG_F`: written by the replica's I/O thread into its relay log.
    pub const RELAY_LOG: u16 = 0x0040;
    /// `LOG_EVENT_IGNORABLE_F`: a reader that does not know the event may skip it.
    pub const IGNORABLE: u16 = 0x0080;
    /// `LOG_EVENT_SKIP_REPLICATION_F` (MariaDB): replicas may skip this event.
    pub const SKIP_REPLICATION: u16 = 0x8000;

    /// True when every bit of `flag` is set.
    pub fn contains(self, flag: u16) -> bool {
        self.0 & flag == flag
    }
}

impl fmt::Debug for EventFlags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EventFlags({:#06x})", self.0)
    }
}

/// The checksum algorithm a FORMAT_DESCRIPTION announces for the events that follow.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ChecksumAlg {
    /// The server predates checksums (MySQL before 5.6.1, MariaDB before 5.3): events
    /// carry no checksum and the format description has no algorithm byte.
    Undefined,
    /// `binlog_checksum=NONE`: events carry no checksum.
    Off,
    /// `binlog_checksum=CRC32`: every event ends with the CRC32 of the rest of it.
    Crc32,
    /// An algorithm byte this crate does not know. The events' checksum length is unknown,
    /// so the decoder refuses to guess and reports an error for the events that follow.
    Other(u8),
}

impl ChecksumAlg {
    /// The algorithm for a raw `binlog_checksum` byte.
    pub fn from_byte(b: u8) -> Self {
        match b {
            0 => ChecksumAlg::Off,
            1 => ChecksumAlg::Crc32,
            other => ChecksumAlg::Other(other),
        }
    }

    /// The number of checksum bytes at the end of each event.
    pub fn checksum_len(self) -> usize {
        match self {
            ChecksumAlg::Crc32 => 4,
            _ => 0,
        }
    }
}
