//! Global transaction identifiers: MySQL GTIDs and GTID sets (with MySQL 8.3+ tags), and
//! MariaDB GTIDs and GTID lists.
//!
//! ```
//! use binlogkit::gtid::{Gtid, GtidSet};
//! let executed: GtidSet = "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5:11,\n\
//!                          3e11fa47-71ca-11e1-9e33-c80aa9429562:tag_a:1-2".parse()?;
//! let gtid: Gtid = "3E11FA47-71CA-11E1-9E33-C80AA9429562:3".parse()?;
//! assert!(executed.contains(&gtid));
//! assert_eq!(
//!     executed.to_string(),
//!     "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5:11:tag_a:1-2"
//! );
//! # Ok::<(), binlogkit::gtid::GtidParseError>(())
//! ```

mod mariadb;
mod mysql;

pub use mariadb::{MariadbGtid, MariadbGtidList};
pub use mysql::{Gtid, GtidSet, Tag};

use std::fmt;
use std::str::FromStr;

/// A server UUID (`server_uuid`), the source part of a MySQL GTID.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Uuid(pub [u8; 16]);

impl fmt::Display for Uuid {
    /// The canonical lowercase `8-4-4-4-12` form MySQL prints.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::with_capacity(36);
        for (i, b) in self.0.iter().enumerate() {
            if matches!(i, 4 | 6 | 8 | 10) {
                out.push('-');
            }
            crate::util::push_hex(&mut out, std::slice::from_ref(b));
        }
        f.write_str(&out)
    }
}

impl fmt::Debug for Uuid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Uuid({self})")
    }
}

impl FromStr for Uuid {
    type Err = GtidParseError;

    /// Parses the 36-character dashed form, hex digits in either case (what MySQL
    /// accepts in GTID text).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let b = s.as_bytes();
        if b.len() != 36 {
            return Err(GtidParseError::new(s, 0, "a UUID has 36 characters"));
        }
        let mut out = [0u8; 16];
        let mut digits = b
            .iter()
            .enumerate()
            .filter(|(i, _)| !matches!(i, 8 | 13 | 18 | 23));
        for (i, byte) in out.iter_mut().enumerate() {
            let mut v = 0u8;
            for _ in 0..2 {
                let Some((at, &c)) = digits.next() else {
                    return Err(GtidParseError::new(s, i, "a UUID has 32 hex digits"));
                };
                let d = (c as char)
                    .to_digit(16)
                    .ok_or_else(|| GtidParseError::new(s, at, "not a hex digit in a UUID"))?;
                v = (v << 4) | d as u8;
            }
            *byte = v;
        }
        for at in [8, 13, 18, 23] {
            if b.get(at) != Some(&b'-') {
                return Err(GtidParseError::new(
                    s,
                    at,
                    "a UUID has dashes after 8, 12, 16 and 20 digits",
                ));
            }
        }
        Ok(Uuid(out))
    }
}

/// A GTID or GTID set text that does not parse.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("malformed GTID text at character {position}: {reason} (in {text:?})")]
pub struct GtidParseError {
    /// The text (cut to 200 characters).
    pub text: String,
    /// The byte position of the problem.
    pub position: usize,
    /// What is wrong.
    pub reason: &'static str,
}

impl GtidParseError {
    pub(crate) fn new(text: &str, position: usize, reason: &'static str) -> Self {
        GtidParseError {
            text: text.chars().take(200).collect(),
            position,
            reason,
        }
    }
}
