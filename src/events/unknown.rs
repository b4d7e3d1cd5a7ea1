//! Events this crate does not decode: their type code and bytes, never an error.
//!
//! Also IGNORABLE_LOG_EVENT (28), which has no body of its own, and the events after a
//! MariaDB START_ENCRYPTION, whose bytes are encrypted.

/// An event of a type this crate does not know (Aurora's type 100, say), kept whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct UnknownEvent<'a> {
    /// The event's bytes after the common header (checksum excluded).
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::serde_util::binary"))]
    pub body: &'a [u8],
}

/// An event of a MariaDB binlog encrypted with `encrypt_binlog=ON`.
///
/// Only the event's size is stored in clear; its other header fields and its body are
/// encrypted with a key from the server's key management plugin. This crate does not
/// decrypt: the event is framed and kept, nothing in it is interpreted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct EncryptedEvent<'a> {
    /// The whole event as stored (encrypted; the size field at bytes 9-12 is in clear).
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::serde_util::binary"))]
    pub bytes: &'a [u8],
}
