//! binlogdump: prints the events of MySQL and MariaDB binlogs, as `mysqlbinlog` does
//! or as JSON Lines, and builds on them a summary report and flashback SQL.
//!
//! ```text
//! binlogdump fixtures/demo.bin                    # mysqlbinlog's text
//! binlogdump -vv --base64-output=decode-rows x.bin
//! binlogdump --format=json fixtures/demo.bin      # JSON Lines
//! binlogdump --summary big.bin
//! binlogdump --flashback --table='shop.*' x.bin | mysql
//! ```
//!
//! Exit status: 0 when every file was read to its end, 1 when one could not be (the
//! events before the error are printed, then a one-line message with the file, offset
//! and cause on standard error), 2 for bad arguments.

mod app;

use app::{dump, filter, text};

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use binlogkit::gtid::GtidSet;
use binlogkit::sql::Dialect;
use clap::{ArgAction, Parser, ValueEnum};

#[derive(Clone, Copy, Debug, ValueEnum)]
enum FormatArg {
    /// What mysqlbinlog prints.
    Text,
    /// One JSON object per event per line.
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Base64Arg {
    /// `BINLOG '...'` blocks for row events (replayable through `mysql`).
    Auto,
    /// The same as AUTO (mysqlbinlog's UNSPEC).
    Unspec,
    /// No blocks; row events are refused.
    Never,
    /// No blocks; rows as `###` lines with `-v`.
    #[value(name = "decode-rows")]
    DecodeRows,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum CompatArg {
    /// mysqlbinlog of MySQL 8.0 and later.
    #[value(name = "mysql-8.0")]
    Mysql80,
    /// mysqlbinlog of MySQL 5.7.
    #[value(name = "mysql-5.7")]
    Mysql57,
    /// mysqlbinlog of MySQL 5.6.
    #[value(name = "mysql-5.6")]
    Mysql56,
    /// mariadb-binlog.
    Mariadb,
}

/// Prints the events of MySQL and MariaDB binary logs and relay logs.
#[derive(Debug, Parser)]
#[command(name = "binlogdump", version)]
struct Args {
    /// Binlog files, read in order (`-` reads standard input).
    #[arg(required = true)]
    files: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: FormatArg,

    /// Print row events as `###` pseudo-SQL (-v), with column types (-vv).
    #[arg(short = 'v', long = "verbose", action = ArgAction::Count)]
    verbose: u8,

    /// How row events are printed in the text output.
    #[arg(long, value_enum, default_value = "auto", ignore_case = true)]
    base64_output: Base64Arg,

    /// Add a hex dump of each event to the header comments.
    #[arg(short = 'H', long)]
    hexdump: bool,

    /// Only the statements, without header comments or row events.
    #[arg(short = 's', long)]
    short_form: bool,

    /// Start at the first event at or after this position (first file only).
    #[arg(short = 'j', long)]
    start_position: Option<u64>,

    /// Stop at the first event at or after this position (last file only).
    #[arg(long)]
    stop_position: Option<u64>,

    /// Start at the first event at or after this time (local time zone,
    /// `YYYY-MM-DD hh:mm:ss`).
    #[arg(long, value_parser = parse_datetime)]
    start_datetime: Option<i64>,

    /// Stop at the first event at or after this time (local time zone).
    #[arg(long, value_parser = parse_datetime)]
    stop_datetime: Option<i64>,

    /// Only statements whose default database is this, and row events of its tables.
    #[arg(short = 'd', long)]
    database: Option<String>,

    /// Rename a database in the output: `from->to` (repeatable).
    #[arg(long, value_parser = parse_rewrite)]
    rewrite_db: Vec<(String, String)>,

    /// Only the transactions of these GTIDs.
    #[arg(long, value_parser = parse_gtids)]
    include_gtids: Option<GtidSet>,

    /// Not the transactions of these GTIDs.
    #[arg(long, value_parser = parse_gtids)]
    exclude_gtids: Option<GtidSet>,

    /// Do not print GTID events (the output then replays as new transactions).
    #[arg(long)]
    skip_gtids: bool,

    /// Write the files of LOAD DATA statements into this directory (so that the output
    /// replays through `mysql --local-infile`); without it their names are printed
    /// under /tmp and nothing is written.
    #[arg(short = 'l', long, value_name = "DIR")]
    local_load: Option<PathBuf>,

    /// Print the table maps' metadata (column names, signedness, charsets...).
    #[arg(long)]
    print_table_metadata: bool,

    /// Verify each event's CRC32: on by default; `--verify-binlog-checksum=false` (or
    /// `--skip-verify-binlog-checksum`) reads events whose CRC does not match.
    #[arg(
        short = 'c',
        long,
        default_value_t = true,
        default_missing_value = "true",
        num_args = 0..=1,
        require_equals = true,
        action = ArgAction::Set
    )]
    verify_binlog_checksum: bool,

    /// Do not verify the CRC32s (mysqlbinlog's spelling of the negation).
    #[arg(long, conflicts_with = "verify_binlog_checksum")]
    skip_verify_binlog_checksum: bool,

    /// At the end of the last file, wait for the server to write more, and follow it
    /// into the next file; until interrupted.
    #[arg(long)]
    stop_never: bool,

    /// Only the events of this server id.
    #[arg(long)]
    server_id: Option<u32>,

    /// Only the row events (and table maps) of these tables: `db.table`, wildcards `*`
    /// and `?` (repeatable).
    #[arg(long = "table", value_parser = filter::TablePattern::parse)]
    tables: Vec<filter::TablePattern>,

    /// Print the SQL that undoes the selected row changes, newest first.
    #[arg(long, conflicts_with = "summary")]
    flashback: bool,

    /// Print a report: time span, events by type, transactions, rows per table,
    /// parallel apply.
    #[arg(long)]
    summary: bool,

    /// Whose text output to reproduce.
    #[arg(long, value_enum, default_value = "mysql-8.0")]
    compat: CompatArg,

    /// No progress bar, even on a terminal.
    #[arg(long)]
    no_progress: bool,
}

/// `from->to`.
fn parse_rewrite(text: &str) -> Result<(String, String), String> {
    match text.split_once("->") {
        Some((from, to)) if !from.trim().is_empty() && !to.trim().is_empty() => {
            Ok((from.trim().to_owned(), to.trim().to_owned()))
        }
        _ => Err(format!("expected from->to, got {text:?}")),
    }
}

fn parse_gtids(text: &str) -> Result<GtidSet, String> {
    text.parse::<GtidSet>().map_err(|e| e.to_string())
}

/// mysqlbinlog reads these as a DATETIME in the local time zone.
fn parse_datetime(text: &str) -> Result<i64, String> {
    use chrono::{Local, NaiveDate, NaiveDateTime, TimeZone};
    let text = text.trim();
    let naive = [
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y%m%d%H%M%S",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
    .or_else(|| {
        ["%Y-%m-%d", "%Y%m%d"]
            .iter()
            .find_map(|f| NaiveDate::parse_from_str(text, f).ok())
            .and_then(|d| d.and_hms_opt(0, 0, 0))
    })
    .ok_or_else(|| format!("expected YYYY-MM-DD hh:mm:ss, got {text:?}"))?;
    // In a repeated hour (the fall back), the earlier instant, as the server does.
    Local
        .from_local_datetime(&naive)
        .earliest()
        .map(|t| t.timestamp())
        .ok_or_else(|| format!("{text} does not exist in the local time zone"))
}

fn options(args: &Args) -> dump::Options {
    let mut options = dump::Options::new(match args.format {
        FormatArg::Text => dump::Format::Text,
        FormatArg::Json => dump::Format::Json,
    });
    options.mode = if args.summary {
        dump::Mode::Summary
    } else if args.flashback {
        dump::Mode::Flashback
    } else {
        dump::Mode::Events
    };
    options.reader = binlogkit::ReaderOptions::new()
        .verify_checksums(args.verify_binlog_checksum && !args.skip_verify_binlog_checksum);
    options.filter = filter::FilterOptions {
        start_position: args.start_position,
        stop_position: args.stop_position,
        start_datetime: args.start_datetime,
        stop_datetime: args.stop_datetime,
        server_id: args.server_id,
        database: args.database.clone(),
        tables: args.tables.clone(),
        include_gtids: args.include_gtids.clone(),
        exclude_gtids: args.exclude_gtids.clone(),
        skip_gtids: args.skip_gtids,
        rewrite_db: args.rewrite_db.clone(),
    };
    options.text.verbosity = args.verbose;
    options.text.base64_output = match args.base64_output {
        Base64Arg::Auto | Base64Arg::Unspec => text::Base64Output::Auto,
        Base64Arg::Never => text::Base64Output::Never,
        Base64Arg::DecodeRows => text::Base64Output::DecodeRows,
    };
    options.text.hexdump = args.hexdump;
    options.text.short_form = args.short_form;
    options.text.print_table_metadata = args.print_table_metadata;
    options.text.rewrite_db = args.rewrite_db.clone();
    if let Some(dir) = &args.local_load {
        options.text.local_load_dir = dir.display().to_string();
        options.text.write_load_files = true;
    }
    options.text.dialect = match args.compat {
        CompatArg::Mysql80 => Dialect::Mysql80,
        CompatArg::Mysql57 => Dialect::Mysql57,
        CompatArg::Mysql56 => Dialect::Mysql56,
        CompatArg::Mariadb => Dialect::Mariadb,
    };
    options.stop_never = args.stop_never;
    options.poll_interval = Duration::from_millis(200);
    options.progress = !args.no_progress;
    options
}

fn main() -> ExitCode {
    let args = Args::parse();
    let options = options(&args);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let result = dump::run(&mut out, &args.files, &options);
    let flushed = out.flush();
    match result {
        // A reader that went away (`| head`) is not an error worth a message.
        Err(dump::DumpError::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("binlogdump: {e}");
            ExitCode::from(1)
        }
        Ok(()) => match flushed {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                eprintln!("binlogdump: cannot write the output: {e}");
                ExitCode::from(1)
            }
            _ => ExitCode::SUCCESS,
        },
    }
}
