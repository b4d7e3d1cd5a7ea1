//! ROWS_QUERY_LOG_EVENT (29) and MariaDB's ANNOTATE_ROWS_EVENT (160): the statement
//! behind the row events that follow (`binlog_rows_query_log_events`, `binlog_annotate_row_events`).
//!
//! ROWS_QUERY body: one length byte (the length modulo 256; the server ignores it), then
//! the statement up to the end of the event. ANNOTATE_ROWS body: the statement.
//!
//! Source: MySQL `Rows_query_event` (`rows_event.cpp`); MariaDB `Annotate_rows_log_event`.

use crate::parse::{PResult, le_u8};

/// The statement text behind the row events that follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct RowsQueryEvent<'a> {
    /// The statement, in the session's character set.
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::serde_util::text"))]
    pub query: &'a [u8],
}

pub(crate) fn parse(data: &[u8]) -> PResult<'_, RowsQueryEvent<'_>> {
    let (query, _truncated_len) = le_u8(data)?;
    Ok((&[], RowsQueryEvent { query }))
}

pub(crate) fn parse_annotate(data: &[u8]) -> PResult<'_, RowsQueryEvent<'_>> {
    Ok((&[], RowsQueryEvent { query: data }))
}
