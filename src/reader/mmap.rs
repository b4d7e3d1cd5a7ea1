//! [`open`]: a binlog file mapped into memory.
//!
//! This is the one place the crate uses `unsafe`: mapping a file. The map is read-only
//! and its bytes are only ever read through a `&[u8]`; what `memmap2` cannot promise is
//! that no other process changes the file meanwhile. A server appending to the file is
//! harmless (the map keeps the length it had); a file truncated or rewritten in place
//! while mapped can make reads fault or change under the reader. For a file a server
//! is still writing, use a [`StreamReader`](crate::StreamReader) over the file instead.

#![allow(unsafe_code)]

use std::fs::File;
use std::path::{Path, PathBuf};

use crate::decoder::ReaderOptions;
use crate::error::{Error, Result};
use crate::reader::BinlogReader;

/// A binlog file mapped into memory. Its events borrow from the map.
///
/// ```
/// let binlog = binlogkit::open("fixtures/demo.bin")?;
/// let events = binlog.events()?.collect::<Result<Vec<_>, _>>()?;
/// assert_eq!(events[0].event.kind(), "format_description");
/// # Ok::<(), binlogkit::Error>(())
/// ```
#[derive(Debug)]
pub struct MappedBinlog {
    map: Option<memmap2::Mmap>,
    path: PathBuf,
}

/// Maps the binlog at `path` into memory.
pub fn open(path: impl AsRef<Path>) -> Result<MappedBinlog> {
    let path = path.as_ref().to_path_buf();
    let io = |source| Error::Io { offset: 0, source };
    let file = File::open(&path).map_err(io)?;
    let len = file.metadata().map_err(io)?.len();
    // Mapping an empty file fails on some systems; an empty file has no bytes to map.
    let map = if len == 0 {
        None
    } else {
        // SAFETY: the map is read-only and private to this value; see the module
        // documentation for what concurrent writers to the file can do.
        Some(unsafe { memmap2::Mmap::map(&file) }.map_err(io)?)
    };
    Ok(MappedBinlog { map, path })
}

impl MappedBinlog {
    /// The file's bytes.
    pub fn as_bytes(&self) -> &[u8] {
        self.map.as_deref().unwrap_or_default()
    }

    /// The path it was opened from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The events, with default options.
    pub fn events(&self) -> Result<BinlogReader<'_>> {
        BinlogReader::new(self.as_bytes())
    }

    /// The events, with the given options.
    pub fn events_with(&self, options: ReaderOptions) -> Result<BinlogReader<'_>> {
        BinlogReader::with_options(self.as_bytes(), options)
    }
}
