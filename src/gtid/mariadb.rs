//! MariaDB GTIDs (`domain-server-sequence`) and GTID lists.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use super::GtidParseError;

/// One MariaDB GTID: replication domain, originating server, sequence number.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct MariadbGtid {
    /// The replication domain (`gtid_domain_id`).
    pub domain_id: u32,
    /// The server that first wrote the event group.
    pub server_id: u32,
    /// The sequence number, increasing within a domain.
    pub seq_no: u64,
}

impl fmt::Display for MariadbGtid {
    /// `domain-server-seq`, as MariaDB prints it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}-{}", self.domain_id, self.server_id, self.seq_no)
    }
}

impl FromStr for MariadbGtid {
    type Err = GtidParseError;

    /// Parses `domain-server-seq` (decimal; whitespace around it allowed).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let offset = s.len() - s.trim_start().len();
        let mut parts = t.splitn(3, '-');
        let mut field = |what: &'static str, at: usize| {
            parts
                .next()
                .filter(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()))
                .ok_or_else(|| GtidParseError::new(s, offset + at, what))
        };
        let domain = field("expected a domain id", 0)?;
        let server = field("expected a server id after the domain id", domain.len() + 1)?;
        let seq = field(
            "expected a sequence number after the server id",
            domain.len() + server.len() + 2,
        )?;
        let too_big = |what| GtidParseError::new(s, offset, what);
        Ok(MariadbGtid {
            domain_id: domain
                .parse()
                .map_err(|_| too_big("the domain id exceeds 2^32 - 1"))?,
            server_id: server
                .parse()
                .map_err(|_| too_big("the server id exceeds 2^32 - 1"))?,
            seq_no: seq
                .parse()
                .map_err(|_| too_big("the sequence number exceeds 2^64 - 1"))?,
        })
    }
}

/// A MariaDB GTID list: the last GTID of each (domain, server) pair, as in a GTID_LIST
/// event or `@@gtid_binlog_state`. Its [`position`](MariadbGtidList::position) is the
/// last GTID of each domain, as in `@@gtid_binlog_pos`.
///
/// As a set it means, in each domain, every event group up to that domain's highest
/// sequence number (MariaDB applies the groups of a domain in sequence order), and each
/// entry records which server wrote the last group it knows of from that server.
///
/// `Display` prints the entries as MariaDB does: `domain-server-seq` joined by `,`,
/// ordered by domain, then sequence number.
#[derive(Clone, PartialEq, Eq, Hash, Default, Debug)]
pub struct MariadbGtidList {
    entries: BTreeMap<(u32, u32), u64>,
}

impl MariadbGtidList {
    /// The empty list.
    pub fn new() -> Self {
        Self::default()
    }

    /// True when the list is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Records `gtid`: it replaces an older entry of the same domain and server.
    pub fn insert(&mut self, gtid: MariadbGtid) {
        let seq = self
            .entries
            .entry((gtid.domain_id, gtid.server_id))
            .or_insert(0);
        *seq = (*seq).max(gtid.seq_no);
    }

    /// The entries, ordered by domain, then sequence number, then server.
    pub fn iter(&self) -> impl Iterator<Item = MariadbGtid> + '_ {
        let mut all: Vec<MariadbGtid> = self
            .entries
            .iter()
            .map(|(&(domain_id, server_id), &seq_no)| MariadbGtid {
                domain_id,
                server_id,
                seq_no,
            })
            .collect();
        all.sort_by_key(|g| (g.domain_id, g.seq_no, g.server_id));
        all.into_iter()
    }

    /// The highest sequence number of `domain_id`, if the list has the domain.
    pub fn domain_seq(&self, domain_id: u32) -> Option<u64> {
        self.entries
            .range((domain_id, 0)..=(domain_id, u32::MAX))
            .map(|(_, &seq)| seq)
            .max()
    }

    /// The last GTID of each domain (`@@gtid_binlog_pos`), ordered by domain.
    pub fn position(&self) -> MariadbGtidList {
        let mut best: BTreeMap<u32, MariadbGtid> = BTreeMap::new();
        for g in self.iter() {
            best.insert(g.domain_id, g);
        }
        let mut out = MariadbGtidList::new();
        for g in best.into_values() {
            out.insert(g);
        }
        out
    }

    /// Whether `gtid`'s event group is covered: its domain has reached its sequence number.
    pub fn contains(&self, gtid: &MariadbGtid) -> bool {
        self.domain_seq(gtid.domain_id)
            .is_some_and(|seq| seq >= gtid.seq_no)
    }

    /// Both lists merged: for each (domain, server), the higher sequence number.
    pub fn union(&self, other: &MariadbGtidList) -> MariadbGtidList {
        let mut out = self.clone();
        for g in other.iter() {
            out.insert(g);
        }
        out
    }

    /// The entries of both: for each (domain, server) in both, the lower sequence number.
    pub fn intersection(&self, other: &MariadbGtidList) -> MariadbGtidList {
        let mut out = MariadbGtidList::new();
        for (key, &seq) in &self.entries {
            if let Some(&theirs) = other.entries.get(key) {
                out.entries.insert(*key, seq.min(theirs));
            }
        }
        out
    }

    /// The entries of this list that `other` does not cover.
    pub fn difference(&self, other: &MariadbGtidList) -> MariadbGtidList {
        let mut out = MariadbGtidList::new();
        for g in self.iter().filter(|g| !other.contains(g)) {
            out.insert(g);
        }
        out
    }

    /// Whether `other` covers every entry of this list.
    pub fn is_subset(&self, other: &MariadbGtidList) -> bool {
        self.iter().all(|g| other.contains(&g))
    }
}

impl FromIterator<MariadbGtid> for MariadbGtidList {
    fn from_iter<I: IntoIterator<Item = MariadbGtid>>(iter: I) -> Self {
        let mut out = MariadbGtidList::new();
        for g in iter {
            out.insert(g);
        }
        out
    }
}

impl fmt::Display for MariadbGtidList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, g) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            write!(f, "{g}")?;
        }
        Ok(())
    }
}

impl FromStr for MariadbGtidList {
    type Err = GtidParseError;

    /// Parses `domain-server-seq` entries separated by commas (whitespace and newlines
    /// allowed; the empty string is the empty list).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut out = MariadbGtidList::new();
        let mut offset = 0;
        for part in s.split(',') {
            if !part.trim().is_empty() {
                let g: MariadbGtid = part.parse().map_err(|e: GtidParseError| GtidParseError {
                    text: s.chars().take(200).collect(),
                    position: offset + e.position,
                    reason: e.reason,
                })?;
                out.insert(g);
            }
            offset += part.len() + 1;
        }
        Ok(out)
    }
}
