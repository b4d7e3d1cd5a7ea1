//! The real-server conformance harness shared by `tests/server_conformance.rs` (against a
//! live MariaDB) and `tests/server_fixtures.rs` (against the binlogs and `SELECT` output
//! that `fixtures/mariadb/generate.sh` saved from one).
#![allow(dead_code)]

pub mod check;
pub mod events;
pub mod rng;
pub mod types;
pub mod workload;

/// One of the committed MariaDB fixtures (`fixtures/mariadb/<name>.*`): a workload made
/// from `seed` and run under these settings by `fixtures/mariadb/generate.sh`.
#[derive(Clone, Copy, Debug)]
pub struct Fixture {
    /// The file name stem.
    pub name: &'static str,
    /// `binlog_format`.
    pub format: &'static str,
    /// `binlog_row_image`.
    pub image: &'static str,
    /// `binlog_row_metadata`.
    pub metadata: &'static str,
    /// `binlog_checksum`.
    pub checksum: &'static str,
    /// `log_bin_compress`.
    pub compress: bool,
    /// The workload's seed.
    pub seed: u64,
}

const fn fixture(
    name: &'static str,
    format: &'static str,
    image: &'static str,
    metadata: &'static str,
    checksum: &'static str,
    compress: bool,
    seed: u64,
) -> Fixture {
    Fixture {
        name,
        format,
        image,
        metadata,
        checksum,
        compress,
        seed,
    }
}

/// The committed fixtures: every format and image, both metadata settings, with and
/// without checksums and compression. (`transactions` is the transactions scenario.)
pub const FIXTURES: &[Fixture] = &[
    fixture("row-full", "ROW", "FULL", "FULL", "CRC32", false, 101),
    fixture(
        "row-full-nometa-nocrc",
        "ROW",
        "FULL",
        "NO_LOG",
        "NONE",
        false,
        102,
    ),
    fixture(
        "row-minimal-compressed",
        "ROW",
        "MINIMAL",
        "FULL",
        "CRC32",
        true,
        103,
    ),
    fixture(
        "row-noblob-minmeta-nocrc",
        "ROW",
        "NOBLOB",
        "MINIMAL",
        "NONE",
        false,
        104,
    ),
    fixture(
        "row-minimal-nometa-compressed-nocrc",
        "ROW",
        "MINIMAL",
        "NO_LOG",
        "NONE",
        true,
        105,
    ),
    fixture("mixed", "MIXED", "FULL", "FULL", "CRC32", false, 106),
    fixture(
        "statement-compressed",
        "STATEMENT",
        "FULL",
        "NO_LOG",
        "CRC32",
        true,
        107,
    ),
];

/// Rows per table in a fixture.
pub const FIXTURE_ROWS: usize = 12;

/// The fixed `SET TIMESTAMP` of the fixture workloads (2023-11-14 22:13:20 UTC).
pub const FIXTURE_TIMESTAMP: u64 = 1_700_000_000;

/// A fixture's workload, regenerated from its seed.
pub fn fixture_workload(f: &Fixture) -> workload::Workload {
    let db = format!("f_{}", f.name.replace('-', "_"));
    workload::generate(
        &mut rng::Rng::new(f.seed),
        &db,
        workload::Shape {
            tables: 3,
            rows: FIXTURE_ROWS,
            unsafe_statements: f.format == "MIXED",
        },
    )
}

/// The session settings a workload runs with; `timestamp` fixes the event times.
pub fn session_prefix(format: &str, image: &str, timestamp: Option<u64>) -> String {
    let mut s = format!(
        "SET SESSION binlog_format = {format}; SET SESSION binlog_row_image = {image}; \
         SET SESSION time_zone = '+00:00';\n"
    );
    if let Some(t) = timestamp {
        s.push_str(&format!(
            "SET TIMESTAMP = {t}; SET SESSION pseudo_thread_id = 42;\n"
        ));
    }
    s
}
