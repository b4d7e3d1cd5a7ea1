//! binlogdump's driver: reads the files of a run in order, decides for every event
//! (and every event inside a TRANSACTION_PAYLOAD) with the [`Filter`], and hands it to
//! a [`Sink`]: the mysqlbinlog-style text printer, JSON Lines, the summary or the
//! flashback generator. Everything writes to a `dyn Write`, so tests call [`run`]
//! directly.

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use binlogkit::{
    BinlogEvent, BinlogReader, Decoder, Error, Event, PayloadEvents, ReaderOptions, StreamReader,
};

use super::filter::{Filter, FilterOptions, Place, Verdict};
use super::{flashback, json, summary, text};

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// What mysqlbinlog prints.
    Text,
    /// One JSON object per event per line (the summary: one object).
    Json,
}

/// What to print.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The events.
    Events,
    /// A report over all the events (`--summary`).
    Summary,
    /// The SQL that undoes the row changes (`--flashback`).
    Flashback,
}

/// What to dump and how.
#[derive(Clone, Debug)]
pub struct Options {
    /// The output format.
    pub format: Format,
    /// Events, summary or flashback.
    pub mode: Mode,
    /// Reader options (checksum verification, size limits).
    pub reader: ReaderOptions,
    /// Which events.
    pub filter: FilterOptions,
    /// How the text output looks.
    pub text: text::TextOptions,
    /// `--stop-never`: at the end of the last file, wait for more (and follow it into the
    /// next file after a Rotate), until interrupted.
    pub stop_never: bool,
    /// How long `--stop-never` sleeps between polls.
    pub poll_interval: Duration,
    /// Show a progress bar on standard error when it is a terminal.
    pub progress: bool,
}

impl Options {
    /// The defaults for `format`: mysqlbinlog's text output for MySQL 8.0, checksums
    /// verified, no filter.
    pub fn new(format: Format) -> Options {
        Options {
            format,
            mode: Mode::Events,
            reader: ReaderOptions::new(),
            filter: FilterOptions::default(),
            text: text::TextOptions::default(),
            stop_never: false,
            poll_interval: Duration::from_millis(200),
            progress: false,
        }
    }
}

/// Why a dump stopped early.
#[derive(Debug)]
pub enum DumpError {
    /// A file could not be read to its end (what came before it was printed).
    Input {
        /// The file.
        file: String,
        /// What was wrong, and where.
        error: Error,
    },
    /// Something the printers refuse (mysqlbinlog's own errors, such as row events
    /// with `--base64-output=never` in MySQL's text).
    Refused {
        /// The file.
        file: String,
        /// The message.
        message: String,
    },
    /// Writing the output failed (a closed pipe, a full disk).
    Output(io::Error),
}

impl std::fmt::Display for DumpError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DumpError::Input { file, error } => write!(f, "{file}: {error}"),
            DumpError::Refused { file, message } => write!(f, "{file}: {message}"),
            DumpError::Output(e) => write!(f, "cannot write the output: {e}"),
        }
    }
}

impl From<io::Error> for DumpError {
    fn from(e: io::Error) -> Self {
        DumpError::Output(e)
    }
}

/// What a sink gets for one event.
#[derive(Debug)]
pub struct Item<'a, 'e> {
    /// The event.
    pub event: &'a BinlogEvent<'e>,
    /// The decoder that read it: its format description and table maps.
    pub decoder: &'a Decoder,
    /// What the filter decided.
    pub verdict: Verdict,
    /// For an event inside a TRANSACTION_PAYLOAD: that payload event's offset and end.
    #[allow(dead_code)] // The text printer's (in progress).
    pub payload: Option<PayloadPlace>,
    /// The file being read, as given on the command line.
    pub file: &'a str,
}

/// Where the TRANSACTION_PAYLOAD holding an event is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PayloadPlace {
    /// The payload event's offset in the file.
    pub offset: u64,
    /// Where it ends (what mysqlbinlog prints as the inner events' `# at`).
    pub end: u64,
    /// Its header's `log_pos`.
    pub log_pos: u64,
}

/// A printer of events.
pub trait Sink {
    /// Before the first file.
    fn begin(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    /// A file starts (`index` 0 for the first).
    fn file(&mut self, _out: &mut dyn Write, _name: &str, _index: usize) -> io::Result<()> {
        Ok(())
    }

    /// One event, shown or not (see [`Item::verdict`]; [`Verdict::Stop`] never comes
    /// here). Events inside a TRANSACTION_PAYLOAD come right after it.
    fn event(&mut self, out: &mut dyn Write, item: &Item<'_, '_>) -> Result<(), DumpError>;

    /// The run is over: cleanly (`error` None) or at an input error, which the sink may
    /// print in its format (the driver reports it on standard error).
    fn finish(&mut self, out: &mut dyn Write, error: Option<&DumpError>) -> io::Result<()>;
}

/// The sink for `options`.
pub fn sink(options: &Options) -> Box<dyn Sink> {
    match options.mode {
        Mode::Events => match options.format {
            Format::Text => Box::new(text::TextSink::new(options)),
            Format::Json => Box::new(json::JsonSink::new()),
        },
        Mode::Summary => Box::new(summary::Summary::new(options)),
        Mode::Flashback => Box::new(flashback::Flashback::new(options)),
    }
}

/// Dumps `files` in order (`-` for standard input) to `out`.
///
/// On an input error everything before it has been printed, the sink has finished
/// (JSON prints an error line, the text its trailer as mysqlbinlog does), and the error
/// is returned for the caller to report.
pub fn run(out: &mut dyn Write, files: &[PathBuf], options: &Options) -> Result<(), DumpError> {
    let mut sink = sink(options);
    let mut filter = Filter::new(options.filter.clone());
    sink.begin(out)?;
    let result = run_files(out, files, options, &mut *sink, &mut filter);
    end(out, &mut *sink, result)
}

/// One set of options for every printer and every text option that takes its own path:
/// the four dialects plain, `-vv --hexdump --print-table-metadata`, `-vv` decode-rows,
/// `-v` with `--base64-output=never` and short form; JSON Lines; the summary and the
/// flashback in both formats. The tests and the fuzzer run them all over every input.
#[allow(dead_code)] // The command runs one.
pub fn every_printer() -> Vec<Options> {
    use binlogkit::sql::Dialect;
    let mut out = Vec::new();
    for dialect in [
        Dialect::Mysql80,
        Dialect::Mysql57,
        Dialect::Mysql56,
        Dialect::Mariadb,
    ] {
        for (verbosity, base64, hexdump, short_form) in [
            (0, text::Base64Output::Auto, false, false),
            (2, text::Base64Output::Auto, true, false),
            (2, text::Base64Output::DecodeRows, false, false),
            (1, text::Base64Output::Never, false, false),
            (0, text::Base64Output::Auto, false, true),
        ] {
            let mut o = Options::new(Format::Text);
            o.text.dialect = dialect;
            o.text.verbosity = verbosity;
            o.text.base64_output = base64;
            o.text.hexdump = hexdump;
            o.text.short_form = short_form;
            o.text.print_table_metadata = hexdump;
            out.push(o);
        }
    }
    for format in [Format::Text, Format::Json] {
        for mode in [Mode::Events, Mode::Summary, Mode::Flashback] {
            let mut o = Options::new(format);
            o.mode = mode;
            out.push(o);
        }
    }
    out
}

/// Dumps `bytes`, a whole binlog named `name` in messages, to `out`: [`run`] for data
/// already in memory (tests, fuzzing).
#[allow(dead_code)] // The command itself reads files.
pub fn run_bytes(
    out: &mut dyn Write,
    name: &str,
    bytes: &[u8],
    options: &Options,
) -> Result<(), DumpError> {
    let mut sink = sink(options);
    let mut filter = Filter::new(options.filter.clone());
    sink.begin(out)?;
    let result = sink
        .file(out, name, 0)
        .map_err(DumpError::from)
        .and_then(|()| {
            let mut ctx = Ctx {
                out: &mut *out,
                sink: &mut *sink,
                filter: &mut filter,
                file: name,
                place: Place {
                    first_file: true,
                    last_file: true,
                    in_payload: false,
                },
                next_file: None,
            };
            ctx.slice(bytes, options).map(|_| ())
        });
    end(out, &mut *sink, result)
}

/// Finishes the sink after the run's `result`.
fn end(
    out: &mut dyn Write,
    sink: &mut dyn Sink,
    result: Result<(), DumpError>,
) -> Result<(), DumpError> {
    match result {
        Err(DumpError::Output(e)) => Err(DumpError::Output(e)),
        Err(e) => {
            sink.finish(out, Some(&e))?;
            Err(e)
        }
        Ok(()) => {
            sink.finish(out, None)?;
            Ok(())
        }
    }
}

/// Whether the run ended early at a stop position or time.
enum Flow {
    Continue,
    Stop,
}

fn run_files(
    out: &mut dyn Write,
    files: &[PathBuf],
    options: &Options,
    sink: &mut dyn Sink,
    filter: &mut Filter,
) -> Result<(), DumpError> {
    let mut index = 0;
    let mut queue: Vec<PathBuf> = files.to_vec();
    while index < queue.len() {
        let Some(path) = queue.get(index).cloned() else {
            break;
        };
        let name = path.display().to_string();
        let last = index + 1 == queue.len();
        let place = Place {
            first_file: index == 0,
            last_file: last,
            in_payload: false,
        };
        sink.file(out, &name, index)?;
        let mut ctx = Ctx {
            out: &mut *out,
            sink: &mut *sink,
            filter: &mut *filter,
            file: &name,
            place,
            next_file: None,
        };
        let flow = if path == Path::new("-") {
            ctx.stream(io::stdin().lock(), false, options)?
        } else if last && options.stop_never {
            let file = std::fs::File::open(&path).map_err(|e| DumpError::Input {
                file: name.clone(),
                error: Error::Io {
                    offset: 0,
                    source: e,
                },
            })?;
            ctx.stream(file, true, options)?
        } else {
            let map = binlogkit::open(&path).map_err(|error| DumpError::Input {
                file: name.clone(),
                error,
            })?;
            ctx.slice(map.as_bytes(), options)?
        };
        if let Flow::Stop = flow {
            return Ok(());
        }
        // Following a live binlog into the file its Rotate names.
        if let (true, Some(next)) = (options.stop_never && last, ctx.next_file.take()) {
            let next = path.with_file_name(next);
            while !next.exists() {
                std::thread::sleep(options.poll_interval);
            }
            queue.push(next);
        }
        index += 1;
    }
    Ok(())
}

/// One file's reading.
struct Ctx<'r> {
    out: &'r mut dyn Write,
    sink: &'r mut dyn Sink,
    filter: &'r mut Filter,
    file: &'r str,
    place: Place,
    /// The file a Rotate at the end of a followed file names.
    next_file: Option<String>,
}

impl Ctx<'_> {
    fn input_error(&self, error: Error) -> DumpError {
        DumpError::Input {
            file: self.file.to_owned(),
            error,
        }
    }

    /// Decides for one event and hands it on.
    fn event(
        &mut self,
        event: &BinlogEvent<'_>,
        decoder: &Decoder,
        payload: Option<PayloadPlace>,
    ) -> Result<Verdict, DumpError> {
        let place = Place {
            in_payload: payload.is_some(),
            ..self.place
        };
        if let Some(message) = self.filter.misplaced_start(event, place) {
            return Err(DumpError::Refused {
                file: self.file.to_owned(),
                message,
            });
        }
        let verdict = self.filter.decide(event, decoder, place);
        if verdict == Verdict::Stop {
            return Ok(verdict);
        }
        if let Event::Rotate(rotate) = &event.event {
            // A Rotate with a position of its own ends the file (the one a relay log
            // starts with has log_pos 0).
            if event.header.log_pos != 0 {
                self.next_file = Some(String::from_utf8_lossy(rotate.next_file).into_owned());
            }
        }
        let item = Item {
            event,
            decoder,
            verdict,
            payload,
            file: self.file,
        };
        self.sink.event(&mut *self.out, &item)?;
        Ok(verdict)
    }

    /// The events inside a TRANSACTION_PAYLOAD.
    fn payload(
        &mut self,
        mut inner: PayloadEvents<'_, '_>,
        place: PayloadPlace,
    ) -> Result<Flow, DumpError> {
        loop {
            match inner.next_event() {
                Ok(Some(e)) => {
                    if self.event(&e, e.decoder(), Some(place))? == Verdict::Stop {
                        return Ok(Flow::Stop);
                    }
                }
                Ok(None) => return Ok(Flow::Continue),
                Err(e) => return Err(self.input_error(e)),
            }
        }
    }

    fn slice(&mut self, bytes: &[u8], options: &Options) -> Result<Flow, DumpError> {
        let progress = Progress::new(options.progress, bytes.len() as u64, self.file);
        let mut reader = match BinlogReader::with_options(bytes, options.reader) {
            Ok(r) => r,
            Err(e) => return Err(self.input_error(e)),
        };
        loop {
            let event = match reader.next_event() {
                Ok(Some(event)) => event,
                Ok(None) => break,
                Err(e) => return Err(self.input_error(e)),
            };
            progress.set(event.end_offset());
            let verdict = self.event(&event, reader.decoder(), None)?;
            if verdict == Verdict::Stop {
                return Ok(Flow::Stop);
            }
            if verdict == Verdict::Hidden || !matches!(event.event, Event::TransactionPayload(_)) {
                continue;
            }
            let place = payload_place(&event);
            let inner = match reader.decoder_mut().payload_events(&event) {
                Ok(inner) => inner,
                Err(e) => return Err(self.input_error(e)),
            };
            if let Flow::Stop = self.payload(inner, place)? {
                return Ok(Flow::Stop);
            }
        }
        progress.finish();
        Ok(Flow::Continue)
    }

    /// Reads a stream; `follow`: at its end (or inside an event still being written),
    /// waits for more instead of ending, until a Rotate says the file is complete.
    fn stream<R: Read>(
        &mut self,
        input: R,
        follow: bool,
        options: &Options,
    ) -> Result<Flow, DumpError> {
        let mut reader = StreamReader::with_options(input, options.reader);
        loop {
            let mut event = match reader.next_event() {
                Ok(Some(event)) => event,
                Ok(None) if follow && self.next_file.is_none() => {
                    self.out.flush()?;
                    std::thread::sleep(options.poll_interval);
                    continue;
                }
                Ok(None) => return Ok(Flow::Continue),
                Err(Error::Truncated { .. }) if follow && self.next_file.is_none() => {
                    self.out.flush()?;
                    std::thread::sleep(options.poll_interval);
                    continue;
                }
                Err(e) => return Err(self.input_error(e)),
            };
            let verdict = self.event(&event, event.decoder(), None)?;
            if verdict == Verdict::Stop {
                return Ok(Flow::Stop);
            }
            if verdict == Verdict::Hidden || !matches!(event.event, Event::TransactionPayload(_)) {
                continue;
            }
            let place = payload_place(&event);
            let inner = match event.payload_events() {
                Ok(inner) => inner,
                Err(e) => return Err(self.input_error(e)),
            };
            if let Flow::Stop = self.payload(inner, place)? {
                return Ok(Flow::Stop);
            }
        }
    }
}

fn payload_place(event: &BinlogEvent<'_>) -> PayloadPlace {
    PayloadPlace {
        offset: event.offset,
        end: event.end_offset(),
        log_pos: u64::from(event.header.log_pos),
    }
}

/// A progress bar on standard error for long reads, when it is a terminal.
struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    /// Files below this size finish before a bar would help.
    const MIN_BYTES: u64 = 64 << 20;

    fn new(wanted: bool, len: u64, name: &str) -> Progress {
        if !wanted || len < Self::MIN_BYTES || !io::stderr().is_terminal() {
            return Progress(None);
        }
        let bar = indicatif::ProgressBar::new(len);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{msg} [{bar:40}] {bytes}/{total_bytes} ({bytes_per_sec}, {eta})",
        ) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(name.to_owned());
        Progress(Some(bar))
    }

    fn set(&self, position: u64) {
        if let Some(bar) = &self.0 {
            bar.set_position(position);
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
