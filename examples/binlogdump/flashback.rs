//! `--flashback`: the SQL that undoes the selected row changes, newest first.

use std::io::{self, Write};

use crate::dump::{DumpError, Item, Options, Sink};

/// The flashback generator.
#[derive(Debug)]
pub struct Flashback {}

impl Flashback {
    /// A generator for `options`.
    pub fn new(_options: &Options) -> Flashback {
        Flashback {}
    }
}

impl Sink for Flashback {
    fn event(&mut self, _out: &mut dyn Write, item: &Item<'_, '_>) -> Result<(), DumpError> {
        Err(DumpError::Refused {
            file: item.file.to_owned(),
            message: "--flashback is not written yet".to_owned(),
        })
    }

    fn finish(&mut self, _out: &mut dyn Write, _error: Option<&DumpError>) -> io::Result<()> {
        Ok(())
    }
}
