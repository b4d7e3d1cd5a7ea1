//! RAND_EVENT (13): the seeds of `RAND()` for the next statement.
//!
//! Body: seed1 (8 bytes), seed2 (8 bytes).
//!
//! Source: MySQL `Rand_event` (`statement_events.h`).

use crate::parse::{PResult, le_u64};

/// A RAND event: `SET @@RAND_SEED1=seed1, @@RAND_SEED2=seed2`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct RandEvent {
    /// The first seed.
    pub seed1: u64,
    /// The second seed.
    pub seed2: u64,
}

pub(crate) fn parse(data: &[u8]) -> PResult<'_, RandEvent> {
    let (i, seed1) = le_u64(data)?;
    let (i, seed2) = le_u64(i)?;
    Ok((i, RandEvent { seed1, seed2 }))
}
