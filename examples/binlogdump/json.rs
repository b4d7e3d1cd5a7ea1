//! JSON Lines (`--format=json`): one object per shown event, as
//! [`binlogkit::BinlogEvent`] serializes it (`pos`, `end_pos`, `type`, `type_code`,
//! `timestamp`, `server_id`, `log_pos`, `flags`, then the event's fields). A row event's
//! line also carries `db`, `table` and `rows`, encoded by [`binlogkit::row_json`]. The
//! events inside a TRANSACTION_PAYLOAD follow it as ordinary lines with `payload_pos`.
//! On an error, everything before it has been printed; then one line
//! `{"type":"error","file":"...","pos":N,"kind":"...","message":"..."}`.

use std::io::{self, Write};

use binlogkit::{BinlogEvent, Error, Event, TableMapCache};

use super::dump::{DumpError, Item, Sink};
use super::filter::Verdict;

/// The JSON Lines printer.
#[derive(Debug, Default)]
pub struct JsonSink {
    line: String,
}

impl JsonSink {
    /// A printer.
    pub fn new() -> JsonSink {
        JsonSink::default()
    }
}

/// Appends the JSON object of `event` (without a newline) to `line`; a row event is
/// decoded against its table map in `tables`.
pub fn write_event_json(
    line: &mut String,
    event: &BinlogEvent<'_>,
    tables: &TableMapCache,
) -> Result<(), Error> {
    let start = line.len();
    let object = serde_json::to_string(event).map_err(|e| Error::Io {
        offset: event.offset,
        source: io::Error::other(e),
    })?;
    line.push_str(&object);
    let Event::Rows(rows) = &event.event else {
        return Ok(());
    };
    let schema = tables.get(rows.table_id).ok_or(Error::MissingTableMap {
        offset: event.offset,
        table_id: rows.table_id,
    })?;
    // The event's object is closed by its last byte: reopen it for the rows.
    line.pop();
    line.push_str(",\"db\":");
    binlogkit::row_json::write_json_string(line, &schema.database);
    line.push_str(",\"table\":");
    binlogkit::row_json::write_json_string(line, &schema.table);
    let mut encoded = String::new();
    match binlogkit::row_json::write_rows_json(&mut encoded, rows, schema) {
        Ok(()) => {
            line.push_str(",\"rows\":");
            line.push_str(&encoded);
        }
        // Rows that need the table's definition (MySQL 5.1 pre-GA images, MariaDB
        // legacy temporals with fractions) are not a broken file: say why instead of the
        // rows, and go on.
        Err(Error::Row { source, .. }) if source.needs_schema() => {
            line.push_str(",\"rows_error\":");
            binlogkit::row_json::write_json_string(line, &source.to_string());
        }
        Err(e) => {
            line.truncate(start);
            return Err(e);
        }
    }
    line.push('}');
    Ok(())
}

impl Sink for JsonSink {
    fn event(&mut self, out: &mut dyn Write, item: &Item<'_, '_>) -> Result<(), DumpError> {
        if item.verdict != Verdict::Show {
            return Ok(());
        }
        self.line.clear();
        write_event_json(&mut self.line, item.event, item.decoder.tables()).map_err(|error| {
            DumpError::Input {
                file: item.file.to_owned(),
                error,
            }
        })?;
        self.line.push('\n');
        out.write_all(self.line.as_bytes())?;
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, error: Option<&DumpError>) -> io::Result<()> {
        let (file, pos, kind, message) = match error {
            None | Some(DumpError::Output(_)) => return Ok(()),
            Some(DumpError::Input { file, error }) => (
                file,
                error.offset(),
                error.kind().as_str(),
                error.to_string(),
            ),
            Some(DumpError::Refused { file, message }) => (file, 0, "refused", message.clone()),
        };
        let line = serde_json::json!({
            "type": "error",
            "file": file,
            "pos": pos,
            "kind": kind,
            "message": message,
        });
        serde_json::to_writer(&mut *out, &line)?;
        out.write_all(b"\n")
    }
}
