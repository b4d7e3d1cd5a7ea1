//! STOP_EVENT (3): the server shut down cleanly. No body.
//!
//! Source: MySQL `Stop_event` (`control_events.h`).

/// A STOP event. It has no fields; its presence says the server stopped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct StopEvent {}

pub(crate) fn parse(_data: &[u8]) -> crate::parse::PResult<'_, StopEvent> {
    // Some servers pad the event; whatever follows the header is not interpreted.
    Ok((&[], StopEvent {}))
}
