//! Readers: a [`BinlogReader`] over a byte slice (or a memory map, [`open`]), a
//! [`StreamReader`] over any [`std::io::Read`], and [`PayloadEvents`] over the events
//! inside a TRANSACTION_PAYLOAD. All of them frame events and hand them to one
//! [`Decoder`](crate::Decoder).

mod framer;
#[cfg(feature = "mmap")]
mod mmap;
mod payload;
mod slice;
mod stream;

#[cfg(feature = "mmap")]
pub use mmap::{MappedBinlog, open};
pub use payload::PayloadEvents;
pub use slice::BinlogReader;
pub use stream::{EventRef, StreamReader};

use crate::error::{Error, Result};
use crate::header::{ENCRYPTED_MAGIC, MAGIC};

/// Checks the four bytes a binlog starts with (or the fewer that have arrived: they are
/// a truncated magic while they agree with it).
pub(crate) fn check_magic(first: &[u8]) -> Result<()> {
    let head = first.get(..MAGIC.len()).unwrap_or(first);
    if head == MAGIC {
        Ok(())
    } else if head == ENCRYPTED_MAGIC {
        Err(Error::EncryptedFile)
    } else if MAGIC.starts_with(head) || ENCRYPTED_MAGIC.starts_with(head) {
        Err(Error::Truncated {
            offset: 0,
            needed: (MAGIC.len() - head.len()) as u64,
        })
    } else {
        Err(Error::BadMagic {
            found: head.to_vec(),
        })
    }
}
