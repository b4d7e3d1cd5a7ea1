//! MySQL GTIDs (`uuid:gno`, `uuid:tag:gno`) and GTID sets.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use super::{GtidParseError, Uuid};

/// The largest GNO plus one (`GNO_END`, `INT64_MAX` in MySQL).
const GNO_END: u64 = i64::MAX as u64;

/// A GTID tag (MySQL 8.3+): 1 to 32 characters, a letter or `_` then letters, digits
/// or `_`, stored lowercase. The empty tag is the untagged GTID.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Tag(String);

impl Tag {
    /// The longest tag MySQL accepts.
    pub const MAX_LEN: usize = 32;

    /// A tag from its text, validated and lowercased as MySQL does.
    pub fn new(text: &str) -> Result<Tag, GtidParseError> {
        let valid_start = |c: u8| c.is_ascii_alphabetic() || c == b'_';
        let valid = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
        let b = text.as_bytes();
        match b.split_first() {
            None => Ok(Tag::default()),
            Some((&first, rest))
                if valid_start(first)
                    && rest.iter().all(|&c| valid(c))
                    && b.len() <= Self::MAX_LEN =>
            {
                Ok(Tag(text.to_ascii_lowercase()))
            }
            _ => Err(GtidParseError::new(
                text,
                0,
                "a tag is a letter or _ then up to 31 letters, digits or _",
            )),
        }
    }

    /// The tag text ("" when untagged).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True for the untagged GTIDs' empty tag.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Tag({:?})", self.0)
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One MySQL GTID: source UUID, optional tag, transaction number.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct Gtid {
    /// The source server's UUID.
    pub uuid: Uuid,
    /// The tag (empty for untagged GTIDs).
    pub tag: Tag,
    /// The transaction number, from 1.
    pub gno: u64,
}

impl fmt::Display for Gtid {
    /// `uuid:gno`, or `uuid:tag:gno` for a tagged GTID.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.tag.is_empty() {
            write!(f, "{}:{}", self.uuid, self.gno)
        } else {
            write!(f, "{}:{}:{}", self.uuid, self.tag, self.gno)
        }
    }
}

impl FromStr for Gtid {
    type Err = GtidParseError;

    /// Parses `uuid:number` or `uuid:tag:number` as MySQL's `Gtid::parse` does
    /// (`SET gtid_next`): whitespace allowed around every token, the UUID in the
    /// 36-character form in either case, the tag lowercased, and the number read as
    /// `strtoll(s, &end, 0)` reads it (see [`GtidSet`]'s parsing), from 1 to 2^63 - 2.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut p = Parser { text: s, at: 0 };
        p.skip_ws();
        let uuid = p.uuid()?;
        p.colon()?;
        let tag = match p.peek() {
            Some(c) if is_tag_start(c) => {
                let tag = p.tag()?;
                p.colon()?;
                tag
            }
            _ => Tag::default(),
        };
        let number_at = p.at;
        let gno = p.number()?;
        if p.at == number_at {
            return Err(p.error("expected a transaction number"));
        }
        if gno == 0 {
            return Err(p.error_at(number_at, "transaction numbers start at 1"));
        }
        p.skip_ws();
        if p.peek().is_some() {
            return Err(p.error("expected one GTID: uuid:number or uuid:tag:number"));
        }
        Ok(Gtid { uuid, tag, gno })
    }
}

/// A set of MySQL GTIDs: for each (UUID, tag), a list of closed intervals of transaction
/// numbers, kept sorted and merged.
///
/// `Display` prints it exactly as MySQL prints `@@gtid_executed`: UUIDs in ascending
/// order, lowercase, each once, untagged intervals first and then each tag in order,
/// groups separated by `,\n`. [`GtidSet::display_with`] chooses another separator.
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct GtidSet {
    sets: BTreeMap<(Uuid, Tag), Vec<(u64, u64)>>,
}

impl fmt::Debug for GtidSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "GtidSet(\"{}\")", self.display_with(","))
    }
}

impl GtidSet {
    /// The empty set.
    pub fn new() -> Self {
        Self::default()
    }

    /// True when the set holds no GTID.
    pub fn is_empty(&self) -> bool {
        self.sets.is_empty()
    }

    /// The number of GTIDs in the set (saturating).
    pub fn len(&self) -> u64 {
        self.sets
            .values()
            .flatten()
            .fold(0u64, |n, (s, e)| n.saturating_add(e - s + 1))
    }

    /// Adds one GTID. Numbers outside MySQL's range (1 to 2^63 - 2) are ignored.
    pub fn insert(&mut self, gtid: &Gtid) {
        self.insert_interval(gtid.uuid, &gtid.tag, gtid.gno, gtid.gno);
    }

    /// Adds the closed interval `start..=end` of `uuid:tag`. An empty or out-of-range
    /// interval (start 0, end before start, past 2^63 - 2) adds what lies in range.
    pub fn insert_interval(&mut self, uuid: Uuid, tag: &Tag, start: u64, end: u64) {
        let start = start.max(1);
        let end = end.min(GNO_END - 1);
        if end < start {
            return;
        }
        let list = self.sets.entry((uuid, tag.clone())).or_default();
        *list = union_intervals(list, &[(start, end)]);
    }

    /// Whether the set holds `gtid`.
    pub fn contains(&self, gtid: &Gtid) -> bool {
        // Avoid cloning the tag for the lookup: scan the UUID's groups.
        self.sets
            .range((gtid.uuid, Tag::default())..)
            .take_while(|((u, _), _)| *u == gtid.uuid)
            .find(|((_, t), _)| *t == gtid.tag)
            .is_some_and(|(_, list)| contains(list, gtid.gno))
    }

    /// Every GTID in both sets or either.
    pub fn union(&self, other: &GtidSet) -> GtidSet {
        let mut out = self.clone();
        for (key, list) in &other.sets {
            let merged = match out.sets.get(key) {
                Some(mine) => union_intervals(mine, list),
                None => list.clone(),
            };
            out.sets.insert(key.clone(), merged);
        }
        out
    }

    /// The GTIDs in both sets.
    pub fn intersection(&self, other: &GtidSet) -> GtidSet {
        let mut out = GtidSet::new();
        for (key, list) in &self.sets {
            if let Some(theirs) = other.sets.get(key) {
                let both = intersect_intervals(list, theirs);
                if !both.is_empty() {
                    out.sets.insert(key.clone(), both);
                }
            }
        }
        out
    }

    /// The GTIDs of this set that are not in `other`.
    pub fn difference(&self, other: &GtidSet) -> GtidSet {
        let mut out = GtidSet::new();
        for (key, list) in &self.sets {
            let rest = match other.sets.get(key) {
                Some(theirs) => subtract_intervals(list, theirs),
                None => list.clone(),
            };
            if !rest.is_empty() {
                out.sets.insert(key.clone(), rest);
            }
        }
        out
    }

    /// Whether every GTID of this set is in `other`.
    pub fn is_subset(&self, other: &GtidSet) -> bool {
        self.sets
            .iter()
            .all(|(key, list)| match other.sets.get(key) {
                Some(theirs) => subtract_intervals(list, theirs).is_empty(),
                None => list.is_empty(),
            })
    }

    /// The (UUID, tag, intervals) groups, in canonical order; intervals are closed.
    pub fn iter(&self) -> impl Iterator<Item = (&Uuid, &Tag, &[(u64, u64)])> {
        self.sets.iter().map(|((u, t), l)| (u, t, l.as_slice()))
    }

    /// Every GTID, in order. (A set can hold very many; this is lazy.)
    pub fn iter_gtids(&self) -> impl Iterator<Item = Gtid> + '_ {
        self.sets.iter().flat_map(|((uuid, tag), list)| {
            list.iter().flat_map(move |&(s, e)| {
                (s..=e).map(move |gno| Gtid {
                    uuid: *uuid,
                    tag: tag.clone(),
                    gno,
                })
            })
        })
    }

    /// The set printed with `separator` between UUID groups instead of `,\n`
    /// (`","` for one line; `",\n# "` is mysqlbinlog's commented form).
    pub fn display_with<'s>(&'s self, separator: &'s str) -> impl fmt::Display + 's {
        DisplayWith {
            set: self,
            separator,
        }
    }
}

struct DisplayWith<'s> {
    set: &'s GtidSet,
    separator: &'s str,
}

impl fmt::Display for DisplayWith<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut previous: Option<&Uuid> = None;
        for ((uuid, tag), list) in &self.set.sets {
            if previous != Some(uuid) {
                if previous.is_some() {
                    f.write_str(self.separator)?;
                }
                write!(f, "{uuid}")?;
                previous = Some(uuid);
            }
            if !tag.is_empty() {
                write!(f, ":{tag}")?;
            }
            for &(s, e) in list {
                if s == e {
                    write!(f, ":{s}")?;
                } else {
                    write!(f, ":{s}-{e}")?;
                }
            }
        }
        Ok(())
    }
}

impl fmt::Display for GtidSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.display_with(",\n"))
    }
}

impl FromStr for GtidSet {
    type Err = GtidParseError;

    /// Parses GTID set text as MySQL's `Gtid_set::add_gtid_text` does (`SET
    /// GTID_PURGED`, `WAIT_FOR_EXECUTED_GTID_SET`, `GTID_SUBSET`, ...):
    ///
    /// * comma-separated groups `uuid[:tag]:interval[:interval...]`; a tag switches the
    ///   tag of the intervals after it, so the untagged intervals of a group come first;
    ///   the same UUID (and tag) in several groups is merged;
    /// * whitespace (space, `\t`, `\n`, `\v`, `\f`, `\r`) allowed before and after every
    ///   token; empty groups between commas are allowed, and the empty string, only
    ///   whitespace, or only commas give the empty set;
    /// * a UUID is the 36-character dashed form, hex digits in either case; a bare UUID
    ///   and `uuid:tag` with no interval are accepted and add nothing;
    /// * a tag is a letter or `_` then up to 31 letters, digits or `_`, lowercased;
    /// * an interval is `n` or `n-m`; numbers are read as `strtoll(s, &end, 0)` reads them:
    ///   optional sign, then `0x` hex, leading-zero octal or decimal. A start must be 1 to
    ///   2^63 - 2; an end 0 to 2^63 - 2. An end before the start makes an empty interval,
    ///   which adds nothing, as in MySQL; so does a `-` followed by no number at all (MySQL
    ///   reads the missing end as 0).
    ///
    /// Two corner cases follow MySQL's `Tag::from_cstring` exactly: a `:` followed only by
    /// whitespace and then `:`, `,` or the end is an empty tag, which switches back to the
    /// untagged GTIDs (`uuid:t:1: :2` is `uuid:2:t:1`, and `uuid:1: ` is `uuid:1`), while
    /// `:` with no whitespace before `:`, `,` or the end is an error (`uuid:1:`).
    ///
    /// The leading `+` that `SET GTID_PURGED` takes is not part of a set's text and is an
    /// error here. Errors give the byte position of the problem.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut set = GtidSet::new();
        let mut p = Parser { text: s, at: 0 };
        loop {
            p.skip_ws();
            match p.peek() {
                None => return Ok(set),
                Some(b',') => {
                    p.at += 1;
                    continue;
                }
                Some(_) => {}
            }
            let uuid = p.uuid()?;
            let mut tag = Tag::default();
            p.skip_ws();
            while p.peek() == Some(b':') {
                p.at += 1;
                let after_colon = p.at;
                p.skip_ws();
                match p.peek() {
                    Some(c) if is_tag_start(c) => {
                        tag = p.tag()?;
                    }
                    None | Some(b':' | b',') if p.at > after_colon => {
                        // MySQL's empty tag: whitespace only.
                        tag = Tag::default();
                    }
                    _ => {
                        let start_at = p.at;
                        let start = p.number()?;
                        if p.at == start_at {
                            return Err(p.error("expected a transaction number or a tag"));
                        }
                        if start == 0 {
                            return Err(p.error_at(start_at, "transaction numbers start at 1"));
                        }
                        p.skip_ws();
                        let end = if p.peek() == Some(b'-') {
                            p.at += 1;
                            let end = p.number()?;
                            p.skip_ws();
                            end
                        } else {
                            start
                        };
                        set.insert_interval(uuid, &tag, start, end);
                    }
                }
                p.skip_ws();
            }
            match p.peek() {
                None => return Ok(set),
                Some(b',') => p.at += 1,
                Some(_) => return Err(p.error("expected ':', ',' or the end after a GTID group")),
            }
        }
    }
}

/// A letter or `_`: what starts a tag.
fn is_tag_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_'
}

/// The characters MySQL skips as whitespace in GTID text (`my_isspace`, `isspace`):
/// space, `\t`, `\n`, `\v`, `\f`, `\r`. Rust's `is_ascii_whitespace` lacks `\v`.
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

struct Parser<'t> {
    text: &'t str,
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_ws(&mut self) {
        while self.peek().is_some_and(is_space) {
            self.at += 1;
        }
    }

    /// Whitespace, a colon, whitespace.
    fn colon(&mut self) -> Result<(), GtidParseError> {
        self.skip_ws();
        if self.peek() != Some(b':') {
            return Err(self.error("expected ':'"));
        }
        self.at += 1;
        self.skip_ws();
        Ok(())
    }

    fn error(&self, reason: &'static str) -> GtidParseError {
        self.error_at(self.at, reason)
    }

    fn error_at(&self, at: usize, reason: &'static str) -> GtidParseError {
        GtidParseError::new(self.text, at, reason)
    }

    fn uuid(&mut self) -> Result<Uuid, GtidParseError> {
        let text = self
            .text
            .get(self.at..self.at + 36)
            .ok_or_else(|| self.error("expected a 36-character UUID"))?;
        let uuid = text.parse().map_err(|e: GtidParseError| GtidParseError {
            position: self.at + e.position,
            ..self.error(e.reason)
        })?;
        self.at += 36;
        Ok(uuid)
    }

    fn tag(&mut self) -> Result<Tag, GtidParseError> {
        let start = self.at;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_')
        {
            self.at += 1;
        }
        let text = self.text.get(start..self.at).unwrap_or_default();
        Tag::new(text).map_err(|e| GtidParseError {
            position: start,
            ..self.error(e.reason)
        })
    }

    /// A number as MySQL's `parse_gno` reads it with `strtoll(s, &end, 0)`: whitespace,
    /// an optional sign, then `0x`/`0X` and hex digits, or `0` and octal digits, or
    /// decimal digits. When no digit follows, nothing is consumed and the value is 0, as
    /// strtoll does. A negative value, or one of 2^63 - 1 or more, is an error.
    fn number(&mut self) -> Result<u64, GtidParseError> {
        let bytes = self.text.as_bytes();
        let mut i = self.at;
        while bytes.get(i).copied().is_some_and(is_space) {
            i += 1;
        }
        let sign_at = i;
        let negative = match bytes.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let rest = bytes.get(i..).unwrap_or_default();
        let (radix, skip) = match rest {
            [b'0', b'x' | b'X', c, ..] if c.is_ascii_hexdigit() => (16, 2),
            [b'0', ..] => (8, 0),
            _ => (10, 0),
        };
        let digits = rest
            .get(skip..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| (**c as char).is_digit(radix))
            .count();
        if digits == 0 {
            // No conversion: strtoll returns 0 and leaves the text where it was.
            return Ok(0);
        }
        let text = self
            .text
            .get(i + skip..i + skip + digits)
            .unwrap_or_default();
        let value = u64::from_str_radix(text, radix)
            .ok()
            .filter(|v| *v < GNO_END)
            .ok_or_else(|| self.error_at(sign_at, "a transaction number must be below 2^63 - 1"))?;
        if negative && value != 0 {
            return Err(self.error_at(sign_at, "a transaction number cannot be negative"));
        }
        self.at = i + skip + digits;
        Ok(value)
    }
}

fn contains(list: &[(u64, u64)], gno: u64) -> bool {
    let i = list.partition_point(|&(_, e)| e < gno);
    list.get(i).is_some_and(|&(s, _)| s <= gno)
}

/// Sorted, merged union of two sorted, merged interval lists (adjacent intervals merge).
fn union_intervals(a: &[(u64, u64)], b: &[(u64, u64)]) -> Vec<(u64, u64)> {
    let mut all: Vec<(u64, u64)> = a.iter().chain(b).copied().collect();
    all.sort_unstable();
    let mut out: Vec<(u64, u64)> = Vec::with_capacity(all.len());
    for (s, e) in all {
        match out.last_mut() {
            Some(last) if s <= last.1.saturating_add(1) => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

fn intersect_intervals(a: &[(u64, u64)], b: &[(u64, u64)]) -> Vec<(u64, u64)> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while let (Some(&(s1, e1)), Some(&(s2, e2))) = (a.get(i), b.get(j)) {
        let (s, e) = (s1.max(s2), e1.min(e2));
        if s <= e {
            out.push((s, e));
        }
        if e1 < e2 {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

fn subtract_intervals(a: &[(u64, u64)], b: &[(u64, u64)]) -> Vec<(u64, u64)> {
    let mut out = Vec::new();
    let mut j = 0;
    for &(s, e) in a {
        let mut start = s;
        // Skip the intervals of b that end before this one starts.
        while b.get(j).is_some_and(|&(_, be)| be < start) {
            j += 1;
        }
        let mut k = j;
        let mut done = false;
        while let Some(&(bs, be)) = b.get(k) {
            if bs > e {
                break;
            }
            if bs > start {
                out.push((start, bs - 1));
            }
            if be >= e {
                done = true;
                break;
            }
            start = be + 1;
            k += 1;
        }
        if !done && start <= e {
            out.push((start, e));
        }
    }
    out
}
