//! binlogdump: prints the events of MySQL and MariaDB binlogs.
//!
//! ```text
//! binlogdump --format=json fixtures/demo.bin
//! ```
//!
//! Exit status: 0 when every file was read to its end, 1 when one could not be (the
//! events before the error are printed, then the error, on standard error too), 2 for
//! bad arguments.

mod dump;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};

#[derive(Clone, Copy, Debug, ValueEnum)]
enum FormatArg {
    /// One JSON object per event per line.
    Json,
}

/// Prints the events of MySQL and MariaDB binary logs and relay logs.
#[derive(Debug, Parser)]
#[command(name = "binlogdump", version)]
struct Args {
    /// Binlog files, read in order (`-` reads standard input).
    #[arg(required = true)]
    files: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    format: FormatArg,

    /// Verify each event's CRC32 (`--verify-binlog-checksum=false` to skip).
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set)]
    verify_binlog_checksum: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let options = dump::Options {
        format: match args.format {
            FormatArg::Json => dump::Format::Json,
        },
        reader: binlogkit::ReaderOptions::new().verify_checksums(args.verify_binlog_checksum),
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    for path in &args.files {
        if let Err(e) = dump::dump_path(&mut out, path, &options) {
            let _ = out.flush();
            match e {
                // A reader that went away (`| head`) is not an error worth a message.
                dump::DumpError::Output(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                    return ExitCode::SUCCESS;
                }
                e => eprintln!("binlogdump: {}: {e}", path.display()),
            }
            return ExitCode::from(1);
        }
    }
    if let Err(e) = out.flush() {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("binlogdump: cannot write the output: {e}");
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}
