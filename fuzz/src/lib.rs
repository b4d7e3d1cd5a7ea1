//! Shared code of the binlogkit fuzz targets: the checks live in `checks.rs`, which
//! `tests/fuzz_regressions.rs` of the main crate also includes to replay saved inputs.

pub mod checks;

pub use checks::*;

/// Every fuzz target records the largest single allocation (see [`checks::PeakAlloc`]).
#[global_allocator]
static ALLOC: checks::PeakAlloc = checks::PeakAlloc;

/// Runs `check` on `data` and then fails if it made an allocation over the limit.
pub fn run(name: &str, data: &[u8], check: impl FnOnce(&[u8])) {
    checks::reset_allocations();
    check(data);
    checks::check_allocations(name, data.len());
}
