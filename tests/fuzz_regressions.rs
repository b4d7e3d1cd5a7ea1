//! Replays the fuzz inputs without libFuzzer, so that CI runs them: every file of
//! `fuzz/regressions/` and, when present, of the (gitignored) `fuzz/corpus/<target>/`
//! directories, through the same checks as the fuzz targets (`fuzz/src/checks.rs`,
//! included below).
//!
//! A regression file is named `<target>-<short-name>.bin`; it goes through its target's
//! check. The files of the binlog targets (`slice_iter`, `stream_chunks`, `event_body`,
//! `gtid_text`) also go through the `slice_iter` check and the `stream_chunks`
//! differential (their first bytes read as the chunk plan, and, for the regressions, the
//! whole file as a binlog under a few fixed plans); those of `rows` and `json`, which are
//! not binlogs, only through their own check. Each file runs on its own, and the test
//! fails at the end listing every file that failed.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

#[path = "../fuzz/src/checks.rs"]
mod checks;

/// Records the largest allocation of each check, as in the fuzz targets.
#[global_allocator]
static ALLOC: checks::PeakAlloc = checks::PeakAlloc;

// The saved regressions (fuzz/regressions/), and what each one caught:
//
// - stream_chunks-huge-frame-alloc.bin: a v1 binlog whose second event header claims
//   808 MB in a 100-byte input; the StreamReader's framer grew its buffer straight to the
//   declared size (an 808 MB allocation). Fixed in 568287e (the buffer now grows as
//   bytes arrive); the allocation check below keeps it fixed.
// - rows-empty-image-endless.bin: a WRITE_ROWS v1 event of a 1-column table whose
//   columns-present bitmap is 0, with 1 byte of row data: every image was 0 bytes (no
//   null bitmap, no value), so `RowsEvent::rows` returned the same empty row forever and
//   `sql::write_rows_verbose`, `row_json::write_rows_json` and `sql::row_count` grew
//   without bound. Found by the `rows` target (its check allows at most one row per byte
//   of row data). Fixed in 741e1a8 (a row of no bytes ends the iteration).
// - rows-datetime2-overflow.bin: a DATETIME2(2) value 00 00 00 00 00 ff: the integer part
//   -2^39 shifted to -2^63 plus the negative fraction overflowed i64 in
//   `value::temporal::datetime_v2` (a panic with overflow checks). Found by the `rows`
//   target. Fixed in 741e1a8 (wrapping, as MySQL's unsigned arithmetic does).
//
// A regression that still fails on the current code makes this test fail, naming the
// file and the broken check.

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz")
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    out.sort();
    out
}

/// Runs `target`'s check on `data`, then the slice check and the stream differential
/// (with the input's own chunk plan, and with the fixed plans when `thorough`), with the
/// allocation check after each.
fn replay(target: &str, data: &[u8], thorough: bool) {
    let run = |what: &str, check: &dyn Fn()| {
        checks::reset_allocations();
        check();
        checks::check_allocations(what, data.len());
    };
    match target {
        "event_body" => run("event_body", &|| checks::check_event_body(data)),
        "gtid_text" => run("gtid_text", &|| checks::check_gtid_text(data)),
        "rows" => return run("rows", &|| checks::check_rows(data)),
        "json" => return run("json", &|| checks::check_json(data)),
        _ => {}
    }
    run("slice_iter", &|| {
        let _ = checks::check_slice(data);
    });
    run("stream_chunks", &|| checks::check_stream(data));
    if thorough {
        for plan in checks::fixed_plans() {
            run("stream_chunks", &|| {
                checks::check_stream_plan(data, plan.clone())
            });
        }
    }
}

/// Replays `paths`, each under `target` (`None`: from the file name's prefix). Returns the
/// failures as (file, message).
fn replay_all(paths: &[PathBuf], target: Option<&str>, thorough: bool) -> Vec<(PathBuf, String)> {
    let mut failures = Vec::new();
    for path in paths {
        let Ok(data) = std::fs::read(path) else {
            continue;
        };
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let target = target.unwrap_or_else(|| name.split('-').next().unwrap_or(""));
        if let Err(panic) = catch_unwind(AssertUnwindSafe(|| replay(target, &data, thorough))) {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            failures.push((path.clone(), message));
        }
    }
    failures
}

fn report(failures: &[(PathBuf, String)]) -> String {
    failures
        .iter()
        .map(|(p, m)| format!("  {}: {m}", p.display()))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn fuzz_regressions() {
    let paths = files(&fuzz_dir().join("regressions"));
    let failures = replay_all(&paths, None, true);
    assert!(
        failures.is_empty(),
        "{} of {} fuzz regressions fail:\n{}",
        failures.len(),
        paths.len(),
        report(&failures)
    );
}

#[test]
fn fuzz_corpus() {
    let corpus = fuzz_dir().join("corpus");
    let mut failures = Vec::new();
    let mut total = 0;
    for target in [
        "slice_iter",
        "stream_chunks",
        "event_body",
        "gtid_text",
        "rows",
        "json",
    ] {
        let paths = files(&corpus.join(target));
        total += paths.len();
        failures.extend(replay_all(&paths, Some(target), false));
    }
    if total == 0 {
        return;
    }
    assert!(
        failures.is_empty(),
        "{} of {total} fuzz corpus files fail:\n{}",
        failures.len(),
        report(&failures)
    );
}
