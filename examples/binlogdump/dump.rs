//! binlogdump's printing, as functions over a `Write`, so tests call them directly.
//!
//! JSON Lines (`--format=json`): one object per event, as [`binlogkit::BinlogEvent`]
//! serializes it (`pos`, `end_pos`, `type`, `type_code`, `timestamp`, `server_id`,
//! `log_pos`, `flags`, then the event's fields). A row event's line also carries `db`,
//! `table` and `rows`, encoded by [`binlogkit::row_json`]. The events inside a
//! TRANSACTION_PAYLOAD follow it as ordinary lines with `payload_pos`. On an error,
//! everything before it has been printed; then one line
//! `{"type":"error","pos":N,"kind":"...","message":"..."}`.

use std::io::{self, Read, Write};
use std::path::Path;

use binlogkit::{
    BinlogEvent, BinlogReader, Decoder, Error, Event, ReaderOptions, StreamReader, TableMapCache,
};

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per event per line.
    Json,
}

/// What to dump and how.
#[derive(Clone, Debug)]
pub struct Options {
    /// The output format.
    pub format: Format,
    /// Reader options (checksum verification, size limits).
    pub reader: ReaderOptions,
}

/// Why a dump stopped: the input's error (already printed as an error line) or the
/// output's.
#[derive(Debug)]
pub enum DumpError {
    /// The binlog could not be read to its end.
    Input(Error),
    /// Writing the output failed (a closed pipe, a full disk).
    Output(io::Error),
}

impl std::fmt::Display for DumpError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DumpError::Input(e) => e.fmt(f),
            DumpError::Output(e) => write!(f, "cannot write the output: {e}"),
        }
    }
}

impl From<io::Error> for DumpError {
    fn from(e: io::Error) -> Self {
        DumpError::Output(e)
    }
}

impl From<Error> for DumpError {
    fn from(e: Error) -> Self {
        DumpError::Input(e)
    }
}

/// Prints one event. A row event is decoded against its table map in `tables`.
fn write_event<W: Write>(
    out: &mut W,
    event: &BinlogEvent<'_>,
    tables: &TableMapCache,
    format: Format,
) -> Result<(), DumpError> {
    match format {
        Format::Json => {
            let mut line = serde_json::to_string(event).map_err(io::Error::other)?;
            if let Event::Rows(rows) = &event.event {
                let schema = tables.get(rows.table_id).ok_or(Error::MissingTableMap {
                    offset: event.offset,
                    table_id: rows.table_id,
                })?;
                // The event's object is closed by its last byte: reopen it for the rows.
                line.pop();
                line.push_str(",\"db\":");
                binlogkit::row_json::write_json_string(&mut line, &schema.database);
                line.push_str(",\"table\":");
                binlogkit::row_json::write_json_string(&mut line, &schema.table);
                let mut encoded = String::new();
                match binlogkit::row_json::write_rows_json(&mut encoded, rows, schema) {
                    Ok(()) => {
                        line.push_str(",\"rows\":");
                        line.push_str(&encoded);
                    }
                    // Rows that need the table's definition (MySQL 5.1 pre-GA images,
                    // MariaDB legacy temporals with fractions) are not a broken file:
                    // say why instead of the rows, and go on.
                    Err(Error::Row { source, .. }) if source.needs_schema() => {
                        line.push_str(",\"rows_error\":");
                        binlogkit::row_json::write_json_string(&mut line, &source.to_string());
                    }
                    Err(e) => return Err(e.into()),
                }
                line.push('}');
            }
            line.push('\n');
            out.write_all(line.as_bytes())?;
            Ok(())
        }
    }
}

fn write_error<W: Write>(out: &mut W, error: &Error, format: Format) -> io::Result<()> {
    match format {
        Format::Json => {
            let line = serde_json::json!({
                "type": "error",
                "pos": error.offset(),
                "kind": error.kind().as_str(),
                "message": error.to_string(),
            });
            serde_json::to_writer(&mut *out, &line)?;
            out.write_all(b"\n")
        }
    }
}

/// Prints an event and, for a TRANSACTION_PAYLOAD, the events inside it; an input error
/// is printed as the error line.
fn write_with_payload<W: Write>(
    out: &mut W,
    event: &BinlogEvent<'_>,
    decoder: &mut Decoder,
    options: &Options,
) -> Result<(), DumpError> {
    let result = write_event(out, event, decoder.tables(), options.format).and_then(|()| {
        let mut inner = decoder.payload_events(event)?;
        while let Some(e) = inner.next_event()? {
            write_event(out, &e, e.tables(), options.format)?;
        }
        Ok(())
    });
    match result {
        Err(DumpError::Input(e)) => fail(out, e, options),
        other => other,
    }
}

fn fail<W: Write>(out: &mut W, error: Error, options: &Options) -> Result<(), DumpError> {
    write_error(out, &error, options.format)?;
    Err(DumpError::Input(error))
}

/// Dumps a binlog held in memory.
pub fn dump_bytes<W: Write>(out: &mut W, bytes: &[u8], options: &Options) -> Result<(), DumpError> {
    let mut reader = match BinlogReader::with_options(bytes, options.reader) {
        Ok(r) => r,
        Err(e) => return fail(out, e, options),
    };
    loop {
        match reader.next_event() {
            Ok(Some(event)) => write_with_payload(out, &event, reader.decoder_mut(), options)?,
            Ok(None) => return Ok(()),
            Err(e) => return fail(out, e, options),
        }
    }
}

/// Dumps a binlog read from a stream (standard input).
pub fn dump_stream<W: Write, R: Read>(
    out: &mut W,
    input: R,
    options: &Options,
) -> Result<(), DumpError> {
    let mut reader = StreamReader::with_options(input, options.reader);
    loop {
        match reader.next_event() {
            Ok(Some(mut event)) => {
                let result =
                    write_event(out, &event, event.tables(), options.format).and_then(|()| {
                        let mut inner = event.payload_events()?;
                        while let Some(e) = inner.next_event()? {
                            write_event(out, &e, e.tables(), options.format)?;
                        }
                        Ok(())
                    });
                if let Err(DumpError::Input(e)) = result {
                    return fail(out, e, options);
                }
                result?;
            }
            Ok(None) => return Ok(()),
            Err(e) => return fail(out, e, options),
        }
    }
}

/// Dumps the binlog at `path` (`-` for standard input).
pub fn dump_path<W: Write>(out: &mut W, path: &Path, options: &Options) -> Result<(), DumpError> {
    if path == Path::new("-") {
        return dump_stream(out, io::stdin().lock(), options);
    }
    match binlogkit::open(path) {
        Ok(map) => dump_bytes(out, map.as_bytes(), options),
        Err(e) => Err(DumpError::Input(e)),
    }
}
