//! MySQL's binary JSON (the JSON column type) and the JSON diffs of PARTIAL_UPDATE_ROWS.

use crate::value::{Value, ValueError};

/// A MySQL JSON document in its binary form, as stored in a row image (an empty document
/// is the JSON `null` literal).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Json<'a> {
    bytes: &'a [u8],
}

impl<'a> Json<'a> {
    /// The document of `bytes` (not checked until read).
    pub fn new(bytes: &'a [u8]) -> Self {
        Json { bytes }
    }

    /// The binary document.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.bytes
    }
}

/// The diffs of a JSON column in the after image of a PARTIAL_UPDATE_ROWS event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct JsonDiffs<'a> {
    bytes: &'a [u8],
}

impl<'a> JsonDiffs<'a> {
    /// The diff list as stored (after its 4-byte length).
    pub fn as_bytes(&self) -> &'a [u8] {
        self.bytes
    }
}

/// The length of a diff list at the start of `data`: a 4-byte length and the list.
pub(crate) fn diffs_extent(data: &[u8]) -> Result<usize, ValueError> {
    let len = data
        .get(..4)
        .and_then(|b| b.try_into().ok())
        .map(u32::from_le_bytes)
        .ok_or(ValueError::Truncated {
            needed: 4,
            left: data.len(),
        })?;
    let end = 4usize.saturating_add(len as usize);
    if end > data.len() {
        return Err(ValueError::Truncated {
            needed: end as u64,
            left: data.len(),
        });
    }
    Ok(end)
}

/// A diff list at the start of `data`.
pub(crate) fn decode_diffs(data: &[u8]) -> Result<(usize, Value<'_>), ValueError> {
    let end = diffs_extent(data)?;
    let bytes = data.get(4..end).unwrap_or_default();
    Ok((end, Value::JsonDiff(JsonDiffs { bytes })))
}
