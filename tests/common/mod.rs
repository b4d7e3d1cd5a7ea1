//! Shared by the integration tests: where the shared fixtures are, which are broken on
//! purpose, and how to read one (gunzipping `.gz` files).
#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};

/// The shared fixture corpus beside the project root, or `None` (with a printed notice)
/// when it is absent: tests that need it then skip.
pub fn shared_fixtures() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures");
    if root.join("mysql").is_dir() {
        Some(root)
    } else {
        eprintln!(
            "NOTICE: {} is absent; skipping the tests that read the shared fixtures",
            root.display()
        );
        None
    }
}

/// The project's own fixtures.
pub fn project_fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// Every binlog file of the shared corpus (mysql/ and mariadb/, not the oracles, the
/// manifests or key files), sorted.
pub fn shared_binlogs(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in ["mysql", "mariadb"] {
        walk(&root.join(dir), &mut out);
    }
    out.retain(|p| {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        !p.components().any(|c| c.as_os_str() == "oracles")
            && !name.ends_with(".md")
            && !name.ends_with(".txt")
            && !name.ends_with(".json")
    });
    out.sort();
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// The bytes of a fixture, gunzipped when its name ends in `.gz`.
pub fn read_binlog(path: &Path) -> Vec<u8> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_end(&mut out)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        out
    } else {
        bytes
    }
}

/// What a deliberately broken fixture must give: (file name, error kind, offset).
/// `corrupt-relay-bin.000624` may read whole or stop with an error; it is not here.
pub const BROKEN: &[(&str, &str, u64)] = &[
    ("bug11747416_32228_binlog.000001", "truncated", 316),
    ("binlog_truncated_event.000001", "truncated", 4),
    ("binlog_truncated_prev_gtid_event.000001", "truncated", 120),
    ("haha.000005", "truncated", 3283),
    ("haha.000007", "truncated", 416),
];

/// Files that may stop with an error: the corrupt relay log.
pub const MAY_FAIL: &[&str] = &["corrupt-relay-bin.000624"];

/// The expected outcome for a fixture: `Some((kind, offset))` for a broken one.
pub fn expected_error(path: &Path) -> Option<(&'static str, u64)> {
    let name = path.file_name()?.to_str()?;
    BROKEN
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, kind, offset)| (*kind, *offset))
}

/// True for a fixture that may stop with an error.
pub fn may_fail(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| MAY_FAIL.contains(&n))
}

/// A path relative to the shared root, for messages.
pub fn rel(root: &Path, p: &Path) -> String {
    p.strip_prefix(root).unwrap_or(p).display().to_string()
}
/// The built binlogdump example, next to the test executable (`cargo test` builds it;
/// `cargo test --test X` alone does not: then `None`, and the test skips).
pub fn binlogdump() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let dir = exe.parent()?.parent()?;
    let bin = dir
        .join("examples")
        .join(format!("binlogdump{}", std::env::consts::EXE_SUFFIX));
    bin.exists().then_some(bin)
}

pub mod mariadb;
