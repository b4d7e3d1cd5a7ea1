//! TRANSACTION_PAYLOAD_EVENT (40): a whole transaction's events, compressed (MySQL 8.0.20+
//! with `binlog_transaction_compression=ON`).
//!
//! The body starts with header fields, each a packed-integer type, a packed-integer length
//! and a value (itself a packed integer), ending with type 0:
//!
//! | type | field |
//! |---|---|
//! | 1 | compressed payload size |
//! | 2 | compression type: 0 zstd, 255 none |
//! | 3 | uncompressed size |
//!
//! The payload follows: one zstd frame holding complete events with 19-byte headers, no
//! checksums and `log_pos` 0. The format description lists 40 as this event's post-header
//! length by mistake (it is the type code); the fields start right after the common header.
//!
//! [`Decoder::payload_events`](crate::Decoder::payload_events) decodes the inner events,
//! streaming.
//!
//! Source: MySQL `Transaction_payload::decode` (`codecs/binary.cpp`),
//! `Transaction_payload_event` (`control_events.cpp`).

use crate::parse::{PResult, bytes, fail, packed_len, packed_tlv};

/// How a TRANSACTION_PAYLOAD is compressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum PayloadCompression {
    /// zstd (type 0).
    Zstd,
    /// Not compressed (type 255).
    None,
    /// Another type code.
    Other(u64),
}

/// A TRANSACTION_PAYLOAD event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TransactionPayloadEvent<'a> {
    /// The compression.
    pub compression: PayloadCompression,
    /// The size of the events once decompressed, as the header declares it.
    pub uncompressed_size: Option<u64>,
    /// The compressed payload.
    #[cfg_attr(
        feature = "serde",
        serde(
            rename = "payload_size",
            serialize_with = "crate::serde_util::byte_len"
        )
    )]
    pub payload: &'a [u8],
}

pub(crate) fn parse(
    data: &[u8],
    _post_header_len: usize,
) -> PResult<'_, TransactionPayloadEvent<'_>> {
    let mut i = data;
    let mut payload_size = None;
    let mut compression = None;
    let mut uncompressed_size = None;
    loop {
        let (r, field) = packed_tlv(i)?;
        i = r;
        match field {
            None => break,
            Some((1, value)) => payload_size = Some(packed_len(value)?.1),
            Some((2, value)) => compression = Some(packed_len(value)?.1),
            Some((3, value)) => uncompressed_size = Some(packed_len(value)?.1),
            Some(_) => {}
        }
    }
    let (Some(size), Some(compression)) = (payload_size, compression) else {
        return fail(
            data,
            "the payload header lacks its size or compression type",
        );
    };
    let (rest, payload) = bytes(i, size)?;
    let compression = match compression {
        0 => PayloadCompression::Zstd,
        255 => PayloadCompression::None,
        other => PayloadCompression::Other(other),
    };
    Ok((
        rest,
        TransactionPayloadEvent {
            compression,
            uncompressed_size,
            payload,
        },
    ))
}
