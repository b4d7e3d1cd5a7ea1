//! The format a binlog is written in: binlog version, header length, the post-header length
//! of every event type, and the checksum algorithm.
//!
//! A v4 file announces its format in its first event, the FORMAT_DESCRIPTION. Older files
//! (binlog v1 from MySQL 3.23, v3 from 4.0 and 4.1) start with a START_EVENT_V3 instead,
//! and their format is fixed by the version: [`FormatDescription::v1`] and
//! [`FormatDescription::v3`] give it, exactly as the server assumes it
//! (`Format_description_event(binlog_ver)` in MySQL's `control_events.cpp`).

use std::fmt;

use crate::constants::{ChecksumAlg, EventType};
use crate::header::EventHeader;

/// The size of START_EVENT_V3's fields: binlog version (2), server version (50), creation
/// time (4). It is also the fixed part of a FORMAT_DESCRIPTION.
pub(crate) const START_V3_LEN: usize = 2 + 50 + 4;

/// Owned description of the format of the events that follow: what a [`Decoder`] keeps
/// from the last FORMAT_DESCRIPTION (or START_EVENT_V3) it decoded.
///
/// [`Decoder`]: crate::Decoder
#[derive(Clone, PartialEq, Eq)]
pub struct FormatDescription {
    binlog_version: u16,
    server_version: String,
    version: (u8, u8, u8),
    mariadb: bool,
    header_len: u8,
    post_header_lens: Box<[u8]>,
    checksum: ChecksumAlg,
    /// Event type codes are those of the 5.1/5.2 "a_drop" development trees (see
    /// [`FormatDescription::event_type`]).
    permuted: bool,
}

/// The event type codes of the MySQL 5.1.1-5.1.5 `a_drop5p` and 5.1.4 and 5.2.0-5.2.2
/// `a_drop6p` trees, indexed by the code they wrote (MySQL `Format_description_event`).
const A_DROP_PERMUTATION: [u8; 23] = [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 19, 20, 21, 22, 16, 17, 18,
];

/// Whether `version` names one of the trees that numbered events differently (MySQL's
/// test in `Format_description_event`).
fn is_a_drop_tree(version: &[u8]) -> bool {
    let at = |i: usize| version.get(i).copied().unwrap_or(0);
    version.len() >= 13
        && at(0) == b'5'
        && at(1) == b'.'
        && at(3) == b'.'
        && version.get(5..12) == Some(&b"-a_drop"[..])
        && ((at(2) == b'1' && (b'1'..=b'5').contains(&at(4)) && at(12) == b'5')
            || (at(2) == b'1' && at(4) == b'4' && at(12) == b'6')
            || (at(2) == b'2' && (b'0'..=b'2').contains(&at(4)) && at(12) == b'6'))
}

impl fmt::Debug for FormatDescription {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FormatDescription")
            .field("binlog_version", &self.binlog_version)
            .field("server_version", &self.server_version)
            .field("header_len", &self.header_len)
            .field("checksum", &self.checksum)
            .finish_non_exhaustive()
    }
}

/// Post-header lengths of a MySQL 5.7 server, used for event types a format description's
/// table does not cover (an old server's table is shorter than the codes a newer event
/// might use; MariaDB's codes 160+ follow after them).
const FALLBACK_POST_HEADER_LENS: [u8; 42] = [
    56, 13, 0, 8, 0, 18, 0, 4, 4, 4, 4, 18, 0, 0, 95, 0, 4, 26, 8, 0, 0, 0, 8, 8, 8, 2, 0, 0, 0,
    10, 10, 10, 42, 42, 0, 18, 52, 0, 10, 40, 0, 42,
];

/// MariaDB 10.x post-header lengths for its own codes 160 to 172.
const MARIADB_POST_HEADER_LENS: [u8; 13] = [0, 4, 19, 4, 0, 13, 8, 8, 8, 10, 10, 10, 0];

impl FormatDescription {
    /// The format of a binlog v1 file (MySQL 3.23): 13-byte headers, no checksums.
    pub fn v1(server_version: &str) -> Self {
        Self::pre_v4(1, server_version)
    }

    /// The format of a binlog v3 file (MySQL 4.0 and 4.1): 19-byte headers, no checksums.
    pub fn v3(server_version: &str) -> Self {
        Self::pre_v4(3, server_version)
    }

    fn pre_v4(binlog_version: u16, server_version: &str) -> Self {
        // MySQL's table for binlog v1 and v3: every type up to Format_description - 1.
        let mut lens = [0u8; 14];
        let mut set = |t: EventType, len: u8| {
            if let Some(slot) = lens.get_mut(usize::from(t.0).wrapping_sub(1)) {
                *slot = len;
            }
        };
        set(EventType::START_EVENT_V3, START_V3_LEN as u8);
        set(EventType::QUERY_EVENT, 11);
        set(
            EventType::ROTATE_EVENT,
            if binlog_version == 1 { 0 } else { 8 },
        );
        set(EventType::LOAD_EVENT, 18);
        set(EventType::CREATE_FILE_EVENT, 4);
        set(EventType::APPEND_BLOCK_EVENT, 4);
        set(EventType::EXEC_LOAD_EVENT, 4);
        set(EventType::DELETE_FILE_EVENT, 4);
        set(EventType::NEW_LOAD_EVENT, 18);
        let header_len = if binlog_version == 1 {
            EventHeader::V1_LEN
        } else {
            EventHeader::LEN
        };
        let (version, mariadb) = split_server_version(server_version.as_bytes());
        FormatDescription {
            binlog_version,
            server_version: server_version.to_owned(),
            version,
            mariadb,
            header_len: header_len as u8,
            post_header_lens: Box::new(lens),
            checksum: ChecksumAlg::Undefined,
            permuted: false,
        }
    }

    /// A v4 format as announced by a FORMAT_DESCRIPTION event.
    pub fn v4(
        server_version: &[u8],
        header_len: u8,
        post_header_lens: &[u8],
        checksum: ChecksumAlg,
    ) -> Self {
        let (version, mariadb) = split_server_version(server_version);
        let permuted = is_a_drop_tree(server_version) && post_header_lens.len() == 22;
        let mut lens: Box<[u8]> = post_header_lens.into();
        if permuted {
            // The table is indexed by the codes the tree wrote; index it by ours.
            for (written, &ours) in A_DROP_PERMUTATION.iter().enumerate().skip(1) {
                if let (Some(slot), Some(&len)) = (
                    lens.get_mut(usize::from(ours) - 1),
                    post_header_lens.get(written - 1),
                ) {
                    *slot = len;
                }
            }
        }
        FormatDescription {
            binlog_version: 4,
            server_version: String::from_utf8_lossy(server_version).into_owned(),
            version,
            mariadb,
            header_len,
            post_header_lens: lens,
            checksum,
            permuted,
        }
    }

    /// The binlog version: 1, 3 or 4.
    pub fn binlog_version(&self) -> u16 {
        self.binlog_version
    }

    /// The server version string, e.g. `8.0.32` or `10.11.6-MariaDB-log`.
    pub fn server_version(&self) -> &str {
        &self.server_version
    }

    /// The server version as MySQL splits it (major, minor, patch), or (0, 0, 0) when the
    /// string does not start with one.
    pub fn version_split(&self) -> (u8, u8, u8) {
        self.version
    }

    /// True when the server version names MariaDB.
    pub fn is_mariadb(&self) -> bool {
        self.mariadb
    }

    /// The length of the common event header (13 for binlog v1, normally 19).
    pub fn header_len(&self) -> usize {
        usize::from(self.header_len)
    }

    /// The checksum algorithm of the events that follow.
    pub fn checksum(&self) -> ChecksumAlg {
        self.checksum
    }

    /// The post-header length for `event_type`, from the format description's own table,
    /// or, for a type its table does not cover, from MySQL's (or MariaDB's) current one.
    pub fn post_header_len(&self, event_type: EventType) -> usize {
        let index = usize::from(event_type.0).wrapping_sub(1);
        let len = self
            .post_header_lens
            .get(index)
            .or_else(|| FALLBACK_POST_HEADER_LENS.get(index))
            .or_else(|| MARIADB_POST_HEADER_LENS.get(usize::from(event_type.0).wrapping_sub(160)))
            .copied()
            .unwrap_or(0);
        usize::from(len)
    }

    /// The event type an event header's type code means. It is the code itself, except
    /// in files from the MySQL 5.1/5.2 `a_drop` development trees, which numbered
    /// TABLE_MAP, the pre-GA row events, XID and the LOAD DATA query events differently.
    pub fn event_type(&self, written: EventType) -> EventType {
        match A_DROP_PERMUTATION.get(usize::from(written.0)) {
            Some(&ours) if self.permuted => EventType(ours),
            _ => written,
        }
    }

    /// The raw post-header length table (index 0 is event type 1).
    pub fn post_header_lens(&self) -> &[u8] {
        &self.post_header_lens
    }
}

impl Default for FormatDescription {
    /// The format MySQL assumes before it has read a format description: binlog v3.
    fn default() -> Self {
        FormatDescription::v3("")
    }
}

/// MySQL's `do_server_version_split`: up to three numbers separated by dots, each below
/// 256, the first followed by a dot; anything else is version 0.0.0. Also says whether the
/// string names MariaDB.
pub(crate) fn split_server_version(version: &[u8]) -> ((u8, u8, u8), bool) {
    let mariadb = version
        .windows(7)
        .any(|w| w.eq_ignore_ascii_case(b"mariadb"));
    let mut parts = [0u8; 3];
    let mut rest = version;
    for (i, part) in parts.iter_mut().enumerate() {
        let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
        let (num, after) = rest.split_at(digits);
        let value = num.iter().try_fold(0u32, |acc, &d| {
            acc.checked_mul(10)?.checked_add(u32::from(d - b'0'))
        });
        let next = after.first().copied();
        match value {
            Some(v) if v < 256 && (next == Some(b'.') || i != 0) => *part = v as u8,
            _ => return ((0, 0, 0), mariadb),
        }
        rest = if next == Some(b'.') {
            after.get(1..).unwrap_or_default()
        } else {
            after
        };
    }
    ((parts[0], parts[1], parts[2]), mariadb)
}

/// Whether a server of this version writes the checksum algorithm byte (and a 4-byte
/// checksum) at the end of its FORMAT_DESCRIPTION: MySQL from 5.6.1, MariaDB from 5.3.0.
pub(crate) fn has_checksum_alg(version: (u8, u8, u8), mariadb: bool) -> bool {
    if mariadb {
        version >= (5, 3, 0)
    } else {
        version >= (5, 6, 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_split_follows_mysql() {
        assert_eq!(split_server_version(b"5.6.1-log").0, (5, 6, 1));
        assert_eq!(split_server_version(b"8.0.32").0, (8, 0, 32));
        assert_eq!(
            split_server_version(b"10.11.19-MariaDB-0+deb12u1-log"),
            ((10, 11, 19), true)
        );
        assert_eq!(split_server_version(b"5.1.15-ndb-6.1.24").0, (5, 1, 15));
        assert_eq!(split_server_version(b"8").0, (0, 0, 0));
        assert_eq!(split_server_version(b"300.1.1").0, (0, 0, 0));
        assert_eq!(split_server_version(b"").0, (0, 0, 0));
        assert!(has_checksum_alg((5, 6, 1), false));
        assert!(!has_checksum_alg((5, 5, 38), false));
        assert!(has_checksum_alg((5, 5, 38), true));
    }

    #[test]
    fn pre_v4_tables() {
        let v1 = FormatDescription::v1("3.23.32");
        assert_eq!(v1.header_len(), 13);
        assert_eq!(v1.post_header_len(EventType::ROTATE_EVENT), 0);
        assert_eq!(v1.post_header_len(EventType::QUERY_EVENT), 11);
        let v3 = FormatDescription::v3("4.0.23");
        assert_eq!(v3.header_len(), 19);
        assert_eq!(v3.post_header_len(EventType::ROTATE_EVENT), 8);
        assert_eq!(v3.post_header_len(EventType::START_EVENT_V3), 56);
    }

    #[test]
    fn a_drop_trees_are_permuted() {
        assert!(is_a_drop_tree(b"5.2.2-a_drop6p13-debug-log"));
        assert!(!is_a_drop_tree(b"5.1.23-rc-debug-log"));
        let lens: Vec<u8> = (1..=22).collect();
        let f = FormatDescription::v4(
            b"5.2.2-a_drop6p13-debug-log",
            19,
            &lens,
            ChecksumAlg::Undefined,
        );
        assert_eq!(f.event_type(EventType(16)), EventType::TABLE_MAP_EVENT);
        assert_eq!(f.event_type(EventType(20)), EventType::XID_EVENT);
        assert_eq!(f.event_type(EventType(2)), EventType::QUERY_EVENT);
        // The table map's length was written at index 15 (code 16).
        assert_eq!(f.post_header_len(EventType::TABLE_MAP_EVENT), 16);
    }
}
