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

    /// Parses `domain-server-seq`: three decimal numbers (leading zeros allowed, no sign)
    /// joined by `-` with nothing between, whitespace allowed around the whole. The
    /// domain and server ids must fit 32 bits, the sequence number 64 bits.
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
/// sequence number (MariaDB applies the groups of a domain in sequence order, and a
/// replica's position is one GTID per domain), whichever server wrote it; each entry also
/// records which server wrote the last group it knows of from that server.
/// [`contains`](MariadbGtidList::contains), [`is_subset`](MariadbGtidList::is_subset),
/// [`union`](MariadbGtidList::union) and [`intersection`](MariadbGtidList::intersection)
/// follow that meaning. A set difference cannot be written as such a list (in a domain it
/// would be the sequence numbers between the two positions, not all of them up to one),
/// so [`difference`](MariadbGtidList::difference) gives the entries that the other list
/// has not reached instead.
///
/// Equality (`==`) compares the entries, server ids included: two lists can mean the same
/// set with different entries (`0-1-5` and `0-2-5`).
///
/// `Display` prints the entries as MariaDB does: `domain-server-seq` joined by `,`,
/// ordered by domain, then sequence number (then server id).
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

    /// Records `gtid`: it replaces the entry of the same domain and server when that has a
    /// lower sequence number, and is ignored when it has a higher one.
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

    /// Both lists merged: every entry, the higher sequence number for a (domain, server)
    /// in both. As sets: each domain up to the higher of the two positions.
    pub fn union(&self, other: &MariadbGtidList) -> MariadbGtidList {
        let mut out = self.clone();
        for (&(domain_id, server_id), &seq_no) in &other.entries {
            out.insert(MariadbGtid {
                domain_id,
                server_id,
                seq_no,
            });
        }
        out
    }

    /// What both lists have reached: for each domain in both, the entries of the list
    /// that is behind in it (the one with the lower highest sequence number), or of both
    /// merged as in [`union`](MariadbGtidList::union) when they are level. As sets: each
    /// domain of both up to the lower of the two positions. Domains in only one list are
    /// left out.
    ///
    /// `0-1-10` and `0-2-5` give `0-2-5`; `0-1-10,0-2-3` and `0-1-10,0-2-4` give
    /// `0-2-4,0-1-10`.
    pub fn intersection(&self, other: &MariadbGtidList) -> MariadbGtidList {
        let mine = self.domain_maxima();
        let theirs = other.domain_maxima();
        let mut out = MariadbGtidList::new();
        for (list, own, opposite) in [(self, &mine, &theirs), (other, &theirs, &mine)] {
            for (&(domain_id, server_id), &seq_no) in &list.entries {
                let behind = match (own.get(&domain_id), opposite.get(&domain_id)) {
                    (Some(own), Some(opposite)) => own <= opposite,
                    _ => false,
                };
                if behind {
                    out.insert(MariadbGtid {
                        domain_id,
                        server_id,
                        seq_no,
                    });
                }
            }
        }
        out
    }

    /// The entries of this list that `other` does not cover (whose sequence number is
    /// above `other`'s highest in the domain, or whose domain `other` lacks).
    ///
    /// This is not a set difference, which such lists cannot express: as a set, the
    /// result holds each domain in which this list is ahead of `other`, from sequence
    /// number 1 up to this list's position. It is empty exactly when this list is a
    /// subset of `other`, it is a subset of this list, none of its entries is in
    /// `other`, and its union with the intersection is this list as a set.
    pub fn difference(&self, other: &MariadbGtidList) -> MariadbGtidList {
        let mut out = MariadbGtidList::new();
        for g in self.iter().filter(|g| !other.contains(g)) {
            out.insert(g);
        }
        out
    }

    /// Whether `other` covers every entry of this list: in each domain of this list,
    /// `other` has reached this list's highest sequence number.
    pub fn is_subset(&self, other: &MariadbGtidList) -> bool {
        self.iter().all(|g| other.contains(&g))
    }

    /// The highest sequence number of each domain.
    fn domain_maxima(&self) -> BTreeMap<u32, u64> {
        let mut out: BTreeMap<u32, u64> = BTreeMap::new();
        for (&(domain_id, _), &seq_no) in &self.entries {
            let max = out.entry(domain_id).or_insert(seq_no);
            *max = (*max).max(seq_no);
        }
        out
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

    /// Parses `domain-server-seq` entries separated by commas, as MariaDB prints
    /// `@@gtid_binlog_state` or `@@gtid_binlog_pos`. Laxer than MariaDB's own parser:
    /// whitespace and newlines are allowed around each entry, and empty entries are
    /// skipped (the empty string, or only commas, is the empty list). A (domain, server)
    /// given twice keeps the higher sequence number, as [`insert`](Self::insert) does.
    /// Errors give the byte position in the whole text.
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
