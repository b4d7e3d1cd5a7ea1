//! # binlogkit
//!
//! Reads MySQL and MariaDB binary logs (binlogs) and relay logs into typed events: every
//! event of binlog versions 1, 3 and 4 (MySQL 3.23 to 9.x, MariaDB 10.x to 12.x), without
//! copying the input, without ever panicking on it, and without dropping anything: an
//! event this crate does not know comes back as [`Event::Unknown`] with its bytes.
//!
//! ## The format in one paragraph
//!
//! A binlog starts with the magic `fe 62 69 6e`, then events back to back. Each event
//! has a 19-byte header (13 in MySQL 3.23's binlog v1) holding its type and its size,
//! then a type-specific body, then, when the server has `binlog_checksum=CRC32`, a CRC32.
//! The first event, the FORMAT_DESCRIPTION (START_EVENT_V3 before MySQL 5.0), says how
//! the rest is laid out: the checksum algorithm and the length of each event type's
//! fixed part. Row events refer to the TABLE_MAP event before them for their columns.
//!
//! ## Which API
//!
//! | you have | use |
//! |---|---|
//! | a file | [`open`] (memory map) then [`MappedBinlog::events`] |
//! | bytes in memory | [`BinlogReader::new`] |
//! | a `Read`: a pipe, a socket, a file the server is still writing | [`StreamReader`] |
//! | event frames from elsewhere (a replication connection) | [`Decoder::decode`] |
//! | a TRANSACTION_PAYLOAD event | [`Decoder::payload_events`] |
//! | GTID set text | [`gtid::GtidSet`], [`gtid::MariadbGtidList`] |
//!
//! Every reader decodes through one [`Decoder`], which keeps the format description and
//! the table maps.
//!
//! ## Example
//!
//! ```
//! use binlogkit::Event;
//!
//! let binlog = binlogkit::open("fixtures/demo.bin")?;
//! for event in binlog.events()? {
//!     let event = event?;
//!     match &event.event {
//!         Event::Query(q) => println!("{} {}", event.offset, String::from_utf8_lossy(&q.query)),
//!         Event::MariadbGtid(g) => println!("{} GTID {}", event.offset, g.gtid),
//!         other => println!("{} {}", event.offset, other.kind()),
//!     }
//! }
//! # Ok::<(), binlogkit::Error>(())
//! ```
//!
//! ## Errors
//!
//! Every error is an [`Error`] naming the file offset and, inside an event, the event
//! type and what was wrong. A file that ends inside an event gives
//! [`Error::Truncated`], distinct from corruption: a [`StreamReader`] can be polled again
//! once the file has grown.
//!
//! ## Features
//!
//! - `serde` (default): `Serialize` on every event type.
//! - `chrono` (default): conversions of timestamps to `chrono` types.
//! - `zstd` (default): TRANSACTION_PAYLOAD decompression.
//! - `mmap` (default): [`open`], the crate's only `unsafe` code (mapping a file).

#![deny(unsafe_code)]
#![deny(missing_docs, missing_debug_implementations)]
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod charset;
mod compression;
pub mod constants;
mod decoder;
mod error;
mod event;
pub mod events;
mod format;
pub mod gtid;
mod header;
pub mod json;
mod parse;
mod reader;
pub mod row_json;
pub mod rows;
mod schema;
#[cfg(feature = "serde")]
mod serde_util;
pub mod sql;
mod util;
pub mod value;

pub use constants::{ChecksumAlg, ColumnType, EventFlags, EventType};
pub use decoder::{Decoder, ReaderOptions};
pub use error::{Error, ErrorKind, Result};
pub use event::{BinlogEvent, Event};
pub use format::FormatDescription;
pub use header::{ENCRYPTED_MAGIC, EventHeader, MAGIC};
pub use reader::{BinlogReader, EventRef, PayloadEvents, StreamReader};
#[cfg(feature = "mmap")]
pub use reader::{MappedBinlog, open};
pub use schema::{Column, ColumnHint, TableHints, TableMapCache, TableSchema};

/// The README's code, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
