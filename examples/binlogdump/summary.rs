//! `--summary`: a report over every event and every row value of a run.

use std::io::{self, Write};

use crate::dump::{DumpError, Item, Options, Sink};

/// The summary builder.
#[derive(Debug)]
pub struct Summary {}

impl Summary {
    /// A summary for `options`.
    pub fn new(_options: &Options) -> Summary {
        Summary {}
    }
}

impl Sink for Summary {
    fn event(&mut self, _out: &mut dyn Write, item: &Item<'_, '_>) -> Result<(), DumpError> {
        Err(DumpError::Refused {
            file: item.file.to_owned(),
            message: "--summary is not written yet".to_owned(),
        })
    }

    fn finish(&mut self, _out: &mut dyn Write, _error: Option<&DumpError>) -> io::Result<()> {
        Ok(())
    }
}
