//! MariaDB START_ENCRYPTION_EVENT (164): every event after it is encrypted
//! (`encrypt_binlog=ON`). The decoder then frames each later event as an
//! [`Event::Encrypted`](crate::Event::Encrypted): only the event size is stored in clear.
//!
//! Source: MariaDB `Start_encryption_log_event` (`log_event.h`, `log_event.cc`).

use crate::parse::{PResult, le_u8, le_u32, split};

/// A START_ENCRYPTION event: every event after it is encrypted.
///
/// Body: scheme (1), key version (4), nonce (12).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct StartEncryptionEvent<'a> {
    /// The encryption scheme (1).
    pub scheme: u8,
    /// The key version.
    pub key_version: u32,
    /// The nonce.
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::serde_util::binary"))]
    pub nonce: &'a [u8],
}

pub(crate) fn parse(data: &[u8]) -> PResult<'_, StartEncryptionEvent<'_>> {
    let (i, scheme) = le_u8(data)?;
    let (i, key_version) = le_u32(i)?;
    let (i, nonce) = split(i, 12)?;
    Ok((
        i,
        StartEncryptionEvent {
            scheme,
            key_version,
            nonce,
        },
    ))
}
