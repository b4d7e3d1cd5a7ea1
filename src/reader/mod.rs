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

/// Checks the four bytes a binlog starts with.
pub(crate) fn check_magic(first: &[u8]) -> Result<()> {
    if first.len() < MAGIC.len() {
        return if MAGIC.starts_with(first) {
            Err(Error::Truncated {
                offset: 0,
                needed: (MAGIC.len() - first.len()) as u64,
            })
        } else {
            let mut found = [0u8; 4];
            found.iter_mut().zip(first).for_each(|(slot, b)| *slot = *b);
            Err(Error::BadMagic { found })
        };
    }
    match first.get(..4) {
        Some(m) if m == MAGIC => Ok(()),
        Some(m) if m == ENCRYPTED_MAGIC => Err(Error::EncryptedFile),
        Some(m) => {
            let mut found = [0u8; 4];
            found.copy_from_slice(m);
            Err(Error::BadMagic { found })
        }
        None => Err(Error::Truncated {
            offset: 0,
            needed: 4,
        }),
    }
}
