//! The crate's one error type.
//!
//! Every variant names the absolute file offset where the problem is, and, for a problem
//! inside an event, the event type and what was wrong. The type is `'static + Send + Sync`:
//! it never borrows the input.

use std::borrow::Cow;
use std::fmt;

use crate::constants::EventType;

/// A `Result` whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong reading a binlog.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file does not start with the binlog magic `fe 62 69 6e`.
    #[error("not a binlog: the file starts with {found:02x?}, not the binlog magic fe 62 69 6e")]
    BadMagic {
        /// The first bytes of the input: four, or fewer when a stream had only those when
        /// they already differed from the magic.
        found: Vec<u8>,
    },

    /// The file is a MySQL 8.0.14+ encrypted binlog (magic `fd 62 69 6e`): every byte after
    /// its 512-byte file header is encrypted with a key from the server's keyring.
    #[error(
        "the binlog is encrypted (MySQL binlog_encryption, magic fd 62 69 6e); \
         its events cannot be read without the server's keyring"
    )]
    EncryptedFile,

    /// The input ends inside an event (or inside the magic). More bytes may still come:
    /// a file the server is writing ends like this, and a [`StreamReader`] can be polled
    /// again once it has grown.
    ///
    /// [`StreamReader`]: crate::StreamReader
    #[error(
        "truncated event at offset {offset}: the input ends {needed} bytes before the event does"
    )]
    Truncated {
        /// Offset of the first byte of the incomplete event.
        offset: u64,
        /// How many more bytes the event needs (at least; a header cut short cannot say
        /// how long its event is).
        needed: u64,
    },

    /// The 19-byte (13 in binlog v1) header of an event cannot frame an event.
    #[error("bad event header at offset {offset}: {reason}")]
    BadHeader {
        /// Offset of the event.
        offset: u64,
        /// What is wrong.
        reason: Cow<'static, str>,
    },

    /// An event's body does not follow the layout its type prescribes.
    #[error("malformed {event_type} event at offset {offset}{}: {reason}", ByteAt(*.at))]
    Malformed {
        /// Offset of the event.
        offset: u64,
        /// The event's type.
        event_type: EventType,
        /// The byte within the event where decoding failed, when known.
        at: Option<usize>,
        /// What is wrong.
        reason: Cow<'static, str>,
    },

    /// An event's stored CRC32 does not match its bytes.
    #[error(
        "checksum mismatch in {event_type} event at offset {offset}: \
         stored {stored:#010x}, computed {computed:#010x}"
    )]
    Checksum {
        /// Offset of the event.
        offset: u64,
        /// The event's type.
        event_type: EventType,
        /// The CRC32 stored in the event's last four bytes.
        stored: u32,
        /// The CRC32 of the event's bytes.
        computed: u32,
    },

    /// The format description names a checksum algorithm this crate does not know, so
    /// where each event's body ends cannot be known.
    #[error(
        "unknown checksum algorithm {algorithm} announced by the format description; \
         event at offset {offset} cannot be framed"
    )]
    UnknownChecksum {
        /// Offset of the event that could not be decoded.
        offset: u64,
        /// The algorithm byte.
        algorithm: u8,
    },

    /// An event is larger than the configured maximum; the reader refuses to allocate it.
    #[error("event at offset {offset} is {size} bytes, over the limit of {limit} bytes")]
    EventTooLarge {
        /// Offset of the event.
        offset: u64,
        /// The size the event header (or a payload header) declares.
        size: u64,
        /// The configured limit.
        limit: u64,
    },

    /// A compressed event (TRANSACTION_PAYLOAD, MariaDB compressed events) cannot be
    /// decompressed.
    #[error("cannot decompress {event_type} event at offset {offset}: {reason}")]
    Decompress {
        /// Offset of the event.
        offset: u64,
        /// The event's type.
        event_type: EventType,
        /// What went wrong.
        reason: Cow<'static, str>,
    },

    /// A rows event refers to a table id no TABLE_MAP event has defined.
    #[error("no table map for table id {table_id} (rows event at offset {offset})")]
    MissingTableMap {
        /// Offset of the rows event.
        offset: u64,
        /// The table id it refers to.
        table_id: u64,
    },

    /// A row of a row event cannot be decoded.
    #[error("cannot decode a row of the row event at offset {offset}: {source}")]
    Row {
        /// Offset of the row event.
        offset: u64,
        /// Which table, column and byte, and why.
        #[source]
        source: Box<crate::rows::RowError>,
    },

    /// Reading the input failed.
    #[error("read failed at offset {offset}: {source}")]
    Io {
        /// The offset the reader had reached.
        offset: u64,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}

/// A coarse classification of [`Error`], for programs that react to errors by kind (and
/// for the dumper's JSON `"kind"` field).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Not a binlog.
    BadMagic,
    /// An encrypted binlog.
    Encrypted,
    /// The input ends inside an event.
    Truncated,
    /// A header or body that does not follow the format.
    Malformed,
    /// A checksum mismatch.
    Checksum,
    /// An event over the size limit.
    TooLarge,
    /// A compressed event that does not decompress.
    Decompress,
    /// A rows event without its table map.
    MissingTableMap,
    /// A row that cannot be decoded.
    Row,
    /// An I/O error.
    Io,
}

impl ErrorKind {
    /// A short snake_case name: `truncated`, `checksum`, `malformed`, ...
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::BadMagic => "bad_magic",
            ErrorKind::Encrypted => "encrypted",
            ErrorKind::Truncated => "truncated",
            ErrorKind::Malformed => "malformed",
            ErrorKind::Checksum => "checksum",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::Decompress => "decompress",
            ErrorKind::MissingTableMap => "missing_table_map",
            ErrorKind::Row => "row",
            ErrorKind::Io => "io",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Error {
    /// The kind of error.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::BadMagic { .. } => ErrorKind::BadMagic,
            Error::EncryptedFile => ErrorKind::Encrypted,
            Error::Truncated { .. } => ErrorKind::Truncated,
            Error::BadHeader { .. } | Error::Malformed { .. } | Error::UnknownChecksum { .. } => {
                ErrorKind::Malformed
            }
            Error::Checksum { .. } => ErrorKind::Checksum,
            Error::EventTooLarge { .. } => ErrorKind::TooLarge,
            Error::Decompress { .. } => ErrorKind::Decompress,
            Error::MissingTableMap { .. } => ErrorKind::MissingTableMap,
            Error::Row { .. } => ErrorKind::Row,
            Error::Io { .. } => ErrorKind::Io,
        }
    }

    /// The absolute file offset the error is about (0 for errors about the whole file).
    pub fn offset(&self) -> u64 {
        match self {
            Error::BadMagic { .. } | Error::EncryptedFile => 0,
            Error::Truncated { offset, .. }
            | Error::BadHeader { offset, .. }
            | Error::Malformed { offset, .. }
            | Error::Checksum { offset, .. }
            | Error::UnknownChecksum { offset, .. }
            | Error::EventTooLarge { offset, .. }
            | Error::Decompress { offset, .. }
            | Error::MissingTableMap { offset, .. }
            | Error::Row { offset, .. }
            | Error::Io { offset, .. } => *offset,
        }
    }

    /// True for [`Error::Truncated`]: the input ended inside an event, which more input
    /// may complete.
    pub fn is_truncated(&self) -> bool {
        matches!(self, Error::Truncated { .. })
    }
}

/// Formats `at` as " (byte N of the event)" when known.
struct ByteAt(Option<usize>);

impl fmt::Display for ByteAt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(at) => write!(f, " (byte {at} of the event)"),
            None => Ok(()),
        }
    }
}

/// The error type of the crate's nom parsers.
///
/// It records where parsing stopped as the address of the remaining input, which the
/// decoder turns into a byte position within the event frame (an address outside the frame,
/// as in decompressed data, gives no position). It never holds the input itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct PError {
    pub(crate) addr: usize,
    pub(crate) reason: &'static str,
    /// The bytes are well framed but do not decompress.
    pub(crate) decompress: bool,
}

impl PError {
    pub(crate) fn new(input: &[u8], reason: &'static str) -> Self {
        PError {
            addr: input.as_ptr() as usize,
            reason,
            decompress: false,
        }
    }

    pub(crate) fn decompress(input: &[u8], reason: &'static str) -> Self {
        PError {
            decompress: true,
            ..Self::new(input, reason)
        }
    }

    /// The byte position of the error within `frame`, if it lies in it.
    pub(crate) fn position_in(&self, frame: &[u8]) -> Option<usize> {
        let at = self.addr.checked_sub(frame.as_ptr() as usize)?;
        (at <= frame.len()).then_some(at)
    }
}

impl<'a> nom::error::ParseError<&'a [u8]> for PError {
    fn from_error_kind(input: &'a [u8], kind: nom::error::ErrorKind) -> Self {
        let reason = match kind {
            nom::error::ErrorKind::Eof | nom::error::ErrorKind::Complete => {
                "the event ends before the field does"
            }
            nom::error::ErrorKind::TakeUntil => "a NUL-terminated string has no NUL",
            _ => "the bytes do not follow the event's layout",
        };
        PError::new(input, reason)
    }

    fn append(_input: &'a [u8], _kind: nom::error::ErrorKind, other: Self) -> Self {
        other
    }
}

impl nom::error::ContextError<&[u8]> for PError {}

impl<'a> nom::error::FromExternalError<&'a [u8], PError> for PError {
    fn from_external_error(_input: &'a [u8], _kind: nom::error::ErrorKind, e: PError) -> Self {
        e
    }
}
