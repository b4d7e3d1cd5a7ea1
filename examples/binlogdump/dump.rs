//! binlogdump's printing, as functions over a `Write`, so tests call them directly.
//!
//! JSON Lines (`--format=json`): one object per event, as [`binlogkit::BinlogEvent`]
//! serializes it (`pos`, `end_pos`, `type`, `type_code`, `timestamp`, `server_id`,
//! `log_pos`, `flags`, then the event's fields). The events inside a TRANSACTION_PAYLOAD
//! follow it as ordinary lines with `payload_pos`. On an error, everything before it has
//! been printed; then one line `{"type":"error","pos":N,"kind":"...","message":"..."}`.

use std::io::{self, Read, Write};
use std::path::Path;

use binlogkit::{BinlogEvent, BinlogReader, Decoder, Error, ReaderOptions, StreamReader};

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

fn write_event<W: Write>(out: &mut W, event: &BinlogEvent<'_>, format: Format) -> io::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer(&mut *out, event)?;
            out.write_all(b"\n")
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

/// Prints an event and, for a TRANSACTION_PAYLOAD, the events inside it.
fn write_with_payload<W: Write>(
    out: &mut W,
    event: &BinlogEvent<'_>,
    decoder: &mut Decoder,
    options: &Options,
) -> Result<(), DumpError> {
    write_event(out, event, options.format)?;
    let mut inner = match decoder.payload_events(event) {
        Ok(inner) => inner,
        Err(e) => return fail(out, e, options),
    };
    loop {
        match inner.next_event() {
            Ok(Some(e)) => write_event(out, &e, options.format)?,
            Ok(None) => return Ok(()),
            Err(e) => return fail(out, e, options),
        }
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
                write_event(out, &event, options.format)?;
                let mut inner = match event.payload_events() {
                    Ok(inner) => inner,
                    Err(e) => return fail(out, e, options),
                };
                loop {
                    match inner.next_event() {
                        Ok(Some(e)) => write_event(out, &e, options.format)?,
                        Ok(None) => break,
                        Err(e) => return fail(out, e, options),
                    }
                }
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
