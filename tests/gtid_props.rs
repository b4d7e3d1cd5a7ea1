//! Property tests of the GTID set types against simple models.
//!
//! MySQL: a [`GtidSet`] is checked against a `BTreeSet` of every GTID it holds, built from
//! the same intervals. The sets come from a small pool of UUIDs and tags and small GNO
//! ranges (some at the top of the range, up to 2^63 - 2) so that overlaps are common.
//!
//! MariaDB: a [`MariadbGtidList`] means, in each domain, every sequence number up to the
//! domain's highest; the model is that highest number per domain.

use std::collections::{BTreeMap, BTreeSet};

use binlogkit::gtid::{Gtid, GtidSet, MariadbGtid, MariadbGtidList, Tag, Uuid};
use proptest::prelude::*;

const UUIDS: [&str; 3] = [
    "3e11fa47-71ca-11e1-9e33-c80aa9429562",
    "3e11fa47-71ca-11e1-9e33-c80aa9429563",
    "d1b5b8c2-0299-11f1-b1b8-4ef0c4956feb",
];
const TAGS: [&str; 3] = ["", "a", "b_2"];
const MAX_GNO: u64 = (1 << 63) - 2;
const CASES: u32 = 256;

/// One interval of a generated set: UUID and tag indexes, first and last GNO (an end
/// before the start is an empty interval).
#[derive(Clone, Debug)]
struct Interval {
    uuid: usize,
    tag: usize,
    start: u64,
    end: u64,
}

fn interval() -> impl Strategy<Value = Interval> {
    let start = prop_oneof![6 => 1..40u64, 1 => (MAX_GNO - 20)..=MAX_GNO];
    (0..UUIDS.len(), 0..TAGS.len(), start, 0..8u64, 0..10u8).prop_map(
        |(uuid, tag, start, len, shape)| {
            let end = match shape {
                // Now and then an empty interval (end before start, maybe 0).
                0 => start.saturating_sub(len + 1),
                _ => start.saturating_add(len).min(MAX_GNO),
            };
            Interval {
                uuid,
                tag,
                start,
                end,
            }
        },
    )
}

fn intervals() -> impl Strategy<Value = Vec<Interval>> {
    prop::collection::vec(interval(), 0..8)
}

fn uuid(i: usize) -> Uuid {
    UUIDS[i].parse().unwrap()
}

fn tag(i: usize) -> Tag {
    Tag::new(TAGS[i]).unwrap()
}

/// The set the intervals make, and the model: every GTID in it.
fn build(ivs: &[Interval]) -> (GtidSet, BTreeSet<Gtid>) {
    let mut set = GtidSet::new();
    let mut model = BTreeSet::new();
    for iv in ivs {
        set.insert_interval(uuid(iv.uuid), &tag(iv.tag), iv.start, iv.end);
        for gno in iv.start..=iv.end {
            model.insert(Gtid {
                uuid: uuid(iv.uuid),
                tag: tag(iv.tag),
                gno,
            });
        }
    }
    (set, model)
}

/// GTIDs to ask `contains` about: those of the models, their neighbours, and the same
/// numbers under every UUID and tag.
fn probes<'a>(models: impl IntoIterator<Item = &'a BTreeSet<Gtid>>) -> BTreeSet<Gtid> {
    let mut out = BTreeSet::new();
    for g in models.into_iter().flatten() {
        for gno in [g.gno - 1, g.gno, g.gno + 1] {
            if gno == 0 || gno > MAX_GNO {
                continue;
            }
            for u in 0..UUIDS.len() {
                for t in 0..TAGS.len() {
                    out.insert(Gtid {
                        uuid: uuid(u),
                        tag: tag(t),
                        gno,
                    });
                }
            }
        }
    }
    out
}

fn gtids(set: &GtidSet) -> BTreeSet<Gtid> {
    set.iter_gtids().collect()
}

/// One character of whitespace or nothing, chosen by `c`.
fn ws(c: u8) -> &'static str {
    ["", "", "", " ", "\n", "\t", " \r\n ", "\x0b", "\x0c"][usize::from(c) % 9]
}

/// `n` written as strtoll with base 0 reads it, in a style chosen by `c`.
fn number(n: u64, c: u8) -> String {
    match c % 6 {
        0 => format!("0x{n:x}"),
        1 => format!("0X{n:X}"),
        2 => format!("0{n:o}"),
        3 => format!("+{n}"),
        _ => n.to_string(),
    }
}

/// GTID set text for the intervals: whitespace around the tokens, UUIDs and tags in
/// random case, numbers in random bases, intervals of the same UUID and tag sometimes in
/// one group, groups in the given order with empty ones between.
fn render(ivs: &[Interval], style: &[u8]) -> String {
    let mut style = style.iter().copied().cycle();
    let mut next = move || style.next().unwrap_or(0);
    let mut out = String::new();
    let mut previous: Option<(usize, usize)> = None;
    for iv in ivs {
        let same_group = previous == Some((iv.uuid, iv.tag)) && next() % 2 == 0;
        if !same_group {
            if previous.is_some() {
                out.push_str(ws(next()));
                out.push(',');
                if next() % 5 == 0 {
                    out.push_str(ws(next()));
                    out.push(',');
                }
            }
            out.push_str(ws(next()));
            if next() % 2 == 0 {
                out.push_str(&UUIDS[iv.uuid].to_uppercase());
            } else {
                out.push_str(UUIDS[iv.uuid]);
            }
            if iv.tag != 0 {
                out.push_str(ws(next()));
                out.push(':');
                out.push_str(ws(next()));
                if next() % 2 == 0 {
                    out.push_str(&TAGS[iv.tag].to_uppercase());
                } else {
                    out.push_str(TAGS[iv.tag]);
                }
            }
        }
        out.push_str(ws(next()));
        out.push(':');
        out.push_str(ws(next()));
        out.push_str(&number(iv.start, next()));
        if iv.start != iv.end || next() % 2 == 0 {
            out.push_str(ws(next()));
            out.push('-');
            out.push_str(ws(next()));
            out.push_str(&number(iv.end, next()));
        }
        previous = Some((iv.uuid, iv.tag));
    }
    out.push_str(ws(next()));
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn mysql_set_matches_model(ivs in intervals()) {
        let (set, model) = build(&ivs);
        prop_assert_eq!(gtids(&set), model.clone());
        prop_assert_eq!(set.len(), model.len() as u64);
        prop_assert_eq!(set.is_empty(), model.is_empty());
        for g in probes([&model]) {
            prop_assert_eq!(set.contains(&g), model.contains(&g), "{}", g);
        }
        // Every interval list is sorted, merged, and not touching.
        for (_, _, list) in set.iter() {
            prop_assert!(!list.is_empty());
            for w in list.windows(2) {
                prop_assert!(w[0].1 + 1 < w[1].0, "{:?}", list);
            }
            for &(s, e) in list {
                prop_assert!(1 <= s && s <= e && e <= MAX_GNO);
            }
        }
    }

    #[test]
    fn mysql_set_text_round_trip(ivs in intervals()) {
        let (set, _) = build(&ivs);
        let text = set.to_string();
        prop_assert_eq!(text.parse::<GtidSet>().unwrap(), set.clone());
        prop_assert_eq!(set.display_with(",").to_string().parse::<GtidSet>().unwrap(), set.clone());
        // Printing is canonical: the same set always prints the same, and never repeats
        // a UUID.
        let one_line = set.display_with(",").to_string();
        let uuids: Vec<&str> = one_line.split(',').filter(|g| !g.is_empty()).map(|g| &g[..36]).collect();
        let mut sorted = uuids.clone();
        sorted.sort();
        sorted.dedup();
        prop_assert_eq!(uuids, sorted);
        prop_assert_eq!(text.replace(",\n", ","), one_line);
    }

    #[test]
    fn mysql_set_parses_any_rendering(
        ivs in intervals(),
        style in prop::collection::vec(any::<u8>(), 1..64),
    ) {
        let text = render(&ivs, &style);
        let (set, model) = build(&ivs);
        let parsed: GtidSet = text.parse().map_err(|e| TestCaseError::fail(format!("{e}")))?;
        prop_assert_eq!(&parsed, &set, "{:?}", text);
        prop_assert_eq!(gtids(&parsed), model);
    }

    #[test]
    fn mysql_set_algebra_matches_model(a in intervals(), b in intervals()) {
        let (sa, ma) = build(&a);
        let (sb, mb) = build(&b);
        let union = sa.union(&sb);
        let inter = sa.intersection(&sb);
        let diff = sa.difference(&sb);
        let m_union: BTreeSet<Gtid> = ma.union(&mb).cloned().collect();
        let m_inter: BTreeSet<Gtid> = ma.intersection(&mb).cloned().collect();
        let m_diff: BTreeSet<Gtid> = ma.difference(&mb).cloned().collect();
        prop_assert_eq!(gtids(&union), m_union.clone());
        prop_assert_eq!(gtids(&inter), m_inter.clone());
        prop_assert_eq!(gtids(&diff), m_diff.clone());
        for g in probes([&ma, &mb]) {
            prop_assert_eq!(union.contains(&g), m_union.contains(&g));
            prop_assert_eq!(inter.contains(&g), m_inter.contains(&g));
            prop_assert_eq!(diff.contains(&g), m_diff.contains(&g));
        }
        prop_assert_eq!(sa.is_subset(&sb), ma.is_subset(&mb));
        prop_assert_eq!(sb.is_subset(&sa), mb.is_subset(&ma));
        prop_assert_eq!(union.len(), m_union.len() as u64);
        prop_assert_eq!(inter.len(), m_inter.len() as u64);
        prop_assert_eq!(diff.len(), m_diff.len() as u64);
        // The results are in canonical form: equal to the set built from their GTIDs.
        let (rebuilt, _) = build(
            &union
                .iter_gtids()
                .map(|g| Interval {
                    uuid: UUIDS.iter().position(|u| uuid_eq(u, &g.uuid)).unwrap(),
                    tag: TAGS.iter().position(|t| *t == g.tag.as_str()).unwrap(),
                    start: g.gno,
                    end: g.gno,
                })
                .collect::<Vec<_>>(),
        );
        prop_assert_eq!(rebuilt, union);
    }

    #[test]
    fn mysql_set_laws(a in intervals(), b in intervals(), c in intervals()) {
        let (a, _) = build(&a);
        let (b, _) = build(&b);
        let (c, _) = build(&c);
        let empty = GtidSet::new();
        prop_assert_eq!(a.union(&b), b.union(&a));
        prop_assert_eq!(a.intersection(&b), b.intersection(&a));
        prop_assert_eq!(a.union(&b).union(&c), a.union(&b.union(&c)));
        prop_assert_eq!(a.intersection(&b).intersection(&c), a.intersection(&b.intersection(&c)));
        prop_assert_eq!(a.union(&a), a.clone());
        prop_assert_eq!(a.intersection(&a), a.clone());
        prop_assert_eq!(a.union(&empty), a.clone());
        prop_assert_eq!(a.intersection(&empty), empty.clone());
        prop_assert!(a.is_subset(&a.union(&b)));
        prop_assert!(b.is_subset(&a.union(&b)));
        prop_assert!(a.intersection(&b).is_subset(&a));
        prop_assert!(a.intersection(&b).is_subset(&b));
        prop_assert!(a.difference(&b).is_subset(&a));
        prop_assert_eq!(a.difference(&b).intersection(&b), empty.clone());
        prop_assert_eq!(a.difference(&b).union(&a.intersection(&b)), a.clone());
        prop_assert_eq!(a.difference(&b).is_empty(), a.is_subset(&b));
        prop_assert_eq!(a.union(&b).difference(&b), a.difference(&b));
        // Distributivity.
        prop_assert_eq!(
            a.intersection(&b.union(&c)),
            a.intersection(&b).union(&a.intersection(&c))
        );
        prop_assert_eq!(
            a.difference(&b.union(&c)),
            a.difference(&b).difference(&c)
        );
        prop_assert_eq!(
            a.union(&b).len().saturating_add(a.intersection(&b).len()),
            a.len().saturating_add(b.len())
        );
        prop_assert_eq!(a.is_subset(&b) && b.is_subset(&a), a == b);
    }

    #[test]
    fn mysql_gtid_round_trip(u in 0..UUIDS.len(), t in 0..TAGS.len(), gno in prop_oneof![1..100u64, (MAX_GNO - 5)..=MAX_GNO]) {
        let g = Gtid { uuid: uuid(u), tag: tag(t), gno };
        let text = g.to_string();
        prop_assert_eq!(text.parse::<Gtid>().unwrap(), g.clone());
        let mut set = GtidSet::new();
        set.insert(&g);
        prop_assert_eq!(set.to_string(), text);
        prop_assert!(set.contains(&g));
        prop_assert_eq!(set.len(), 1);
    }
}

fn uuid_eq(text: &str, u: &Uuid) -> bool {
    text.parse::<Uuid>().is_ok_and(|p| p == *u)
}

// ---------------------------------------------------------------------------------------
// MariaDB

fn mariadb_gtid() -> impl Strategy<Value = MariadbGtid> {
    (0..3u32, 1..4u32, 1..30u64).prop_map(|(domain_id, server_id, seq_no)| MariadbGtid {
        domain_id,
        server_id,
        seq_no,
    })
}

fn mariadb_list() -> impl Strategy<Value = MariadbGtidList> {
    prop::collection::vec(mariadb_gtid(), 0..7).prop_map(|v| v.into_iter().collect())
}

/// The model: the highest sequence number of each domain.
fn reach(list: &MariadbGtidList) -> BTreeMap<u32, u64> {
    let mut out = BTreeMap::new();
    for g in list.iter() {
        let max = out.entry(g.domain_id).or_insert(g.seq_no);
        *max = (*max).max(g.seq_no);
    }
    out
}

fn model_contains(reach: &BTreeMap<u32, u64>, g: &MariadbGtid) -> bool {
    reach.get(&g.domain_id).is_some_and(|&max| g.seq_no <= max)
}

fn mariadb_probes() -> Vec<MariadbGtid> {
    let mut out = Vec::new();
    for domain_id in 0..4 {
        for server_id in 1..5 {
            for seq_no in 0..32 {
                out.push(MariadbGtid {
                    domain_id,
                    server_id,
                    seq_no,
                });
            }
        }
    }
    out
}

/// The (domain, server) entries with their sequence numbers.
fn entries(list: &MariadbGtidList) -> BTreeMap<(u32, u32), u64> {
    list.iter()
        .map(|g| ((g.domain_id, g.server_id), g.seq_no))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn mariadb_list_matches_model(gs in prop::collection::vec(mariadb_gtid(), 0..7)) {
        let list: MariadbGtidList = gs.iter().copied().collect();
        let mut model: BTreeMap<(u32, u32), u64> = BTreeMap::new();
        for g in &gs {
            let seq = model.entry((g.domain_id, g.server_id)).or_insert(g.seq_no);
            *seq = (*seq).max(g.seq_no);
        }
        prop_assert_eq!(entries(&list), model);
        let r = reach(&list);
        for g in mariadb_probes() {
            prop_assert_eq!(list.contains(&g), model_contains(&r, &g));
        }
        for d in 0..4 {
            prop_assert_eq!(list.domain_seq(d), r.get(&d).copied());
        }
        // The position: one GTID per domain, the highest.
        let pos = list.position();
        prop_assert_eq!(pos.iter().count(), r.len());
        prop_assert_eq!(reach(&pos), r);
        prop_assert!(pos.is_subset(&list) && list.is_subset(&pos));
        for g in pos.iter() {
            prop_assert!(list.iter().any(|e| e == g));
        }
        // Printed ordered by domain, then sequence number.
        let printed: Vec<MariadbGtid> = list.iter().collect();
        for w in printed.windows(2) {
            prop_assert!((w[0].domain_id, w[0].seq_no) <= (w[1].domain_id, w[1].seq_no));
        }
    }

    #[test]
    fn mariadb_list_text_round_trip(
        list in mariadb_list(),
        style in prop::collection::vec(any::<u8>(), 1..16),
    ) {
        let text = list.to_string();
        prop_assert_eq!(text.parse::<MariadbGtidList>().unwrap(), list.clone());
        // With whitespace and newlines around the entries.
        let mut style = style.iter().copied().cycle();
        let spaced: Vec<String> = list
            .iter()
            .map(|g| format!("{}{g}{}", ws(style.next().unwrap_or(0)), ws(style.next().unwrap_or(0))))
            .collect();
        let spaced = spaced.join(",");
        prop_assert_eq!(spaced.parse::<MariadbGtidList>().unwrap(), list.clone(), "{:?}", spaced);
        for g in list.iter() {
            prop_assert_eq!(g.to_string().parse::<MariadbGtid>().unwrap(), g);
        }
    }

    #[test]
    fn mariadb_list_algebra_matches_model(a in mariadb_list(), b in mariadb_list()) {
        let (ra, rb) = (reach(&a), reach(&b));
        let union = a.union(&b);
        let inter = a.intersection(&b);
        let diff = a.difference(&b);
        for g in mariadb_probes() {
            let (in_a, in_b) = (model_contains(&ra, &g), model_contains(&rb, &g));
            prop_assert_eq!(union.contains(&g), in_a || in_b, "union {}", g);
            prop_assert_eq!(inter.contains(&g), in_a && in_b, "intersection {}", g);
            // The difference keeps a's whole domain where a is ahead of b.
            let ahead = match (ra.get(&g.domain_id), rb.get(&g.domain_id)) {
                (Some(x), Some(y)) => x > y,
                (Some(_), None) => true,
                _ => false,
            };
            prop_assert_eq!(diff.contains(&g), in_a && ahead, "difference {}", g);
        }
        let model_subset = ra
            .iter()
            .all(|(d, x)| rb.get(d).is_some_and(|y| x <= y));
        prop_assert_eq!(a.is_subset(&b), model_subset);
        // Union: every entry, the higher sequence number per (domain, server).
        let mut m_union = entries(&a);
        for (k, v) in entries(&b) {
            let seq = m_union.entry(k).or_insert(v);
            *seq = (*seq).max(v);
        }
        prop_assert_eq!(entries(&union), m_union);
        // Intersection and difference entries come from the inputs.
        for g in inter.iter().chain(diff.iter()) {
            let from = |l: &MariadbGtidList| {
                l.iter().any(|e| (e.domain_id, e.server_id) == (g.domain_id, g.server_id) && e.seq_no >= g.seq_no)
            };
            prop_assert!(from(&a) || from(&b), "{}", g);
        }
        for g in diff.iter() {
            prop_assert!(a.iter().any(|e| e == g));
            prop_assert!(!b.contains(&g));
        }
    }

    #[test]
    fn mariadb_list_laws(a in mariadb_list(), b in mariadb_list(), c in mariadb_list()) {
        let empty = MariadbGtidList::new();
        prop_assert_eq!(a.union(&b), b.union(&a));
        prop_assert_eq!(a.intersection(&b), b.intersection(&a));
        prop_assert_eq!(a.union(&b).union(&c), a.union(&b.union(&c)));
        prop_assert_eq!(a.intersection(&b).intersection(&c), a.intersection(&b.intersection(&c)));
        prop_assert_eq!(a.union(&a), a.clone());
        prop_assert_eq!(a.intersection(&a), a.clone());
        prop_assert_eq!(a.union(&empty), a.clone());
        prop_assert_eq!(a.intersection(&empty), empty.clone());
        prop_assert!(a.is_subset(&a.union(&b)));
        prop_assert!(b.is_subset(&a.union(&b)));
        prop_assert!(a.intersection(&b).is_subset(&a));
        prop_assert!(a.intersection(&b).is_subset(&b));
        prop_assert!(a.is_subset(&a));
        let diff = a.difference(&b);
        prop_assert!(diff.is_subset(&a));
        prop_assert_eq!(diff.is_empty(), a.is_subset(&b));
        // (a - b) ∪ (a ∩ b) is a again as a set (the entries b covers are gone), and
        // no entry of a - b is in b (a - b ∩ b itself is not empty: see difference()).
        prop_assert_eq!(reach(&diff.union(&a.intersection(&b))), reach(&a));
        prop_assert!(diff.iter().all(|g| !b.contains(&g)));
        prop_assert_eq!(reach(&a.union(&b).difference(&b)), reach(&diff));
        // Mutual subsets mean the same set.
        prop_assert_eq!(a.is_subset(&b) && b.is_subset(&a), reach(&a) == reach(&b));
    }
}
