//! INTVAR_EVENT (5): an auto-increment value the next statement uses.
//!
//! Body: type (1 byte: 1 = LAST_INSERT_ID, 2 = INSERT_ID), value (8 bytes).
//!
//! Source: MySQL `Intvar_event` (`statement_events.h`).

use crate::parse::{PResult, le_u8, le_u64};

/// An INTVAR event: `SET LAST_INSERT_ID=n` or `SET INSERT_ID=n` for the next statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct IntvarEvent {
    /// Which variable: [`IntvarEvent::LAST_INSERT_ID`] or [`IntvarEvent::INSERT_ID`].
    pub kind: u8,
    /// Its value.
    pub value: u64,
}

impl IntvarEvent {
    /// `kind` of `LAST_INSERT_ID`.
    pub const LAST_INSERT_ID: u8 = 1;
    /// `kind` of `INSERT_ID`.
    pub const INSERT_ID: u8 = 2;

    /// The variable's SQL name, as mysqlbinlog prints it (`LAST_INSERT_ID`, `INSERT_ID`).
    pub fn name(&self) -> Option<&'static str> {
        match self.kind {
            Self::LAST_INSERT_ID => Some("LAST_INSERT_ID"),
            Self::INSERT_ID => Some("INSERT_ID"),
            _ => None,
        }
    }
}

pub(crate) fn parse(data: &[u8]) -> PResult<'_, IntvarEvent> {
    let (i, kind) = le_u8(data)?;
    let (i, value) = le_u64(i)?;
    Ok((i, IntvarEvent { kind, value }))
}
