//! One TABLE_MAP and one rows event built from the input (column types, metadata,
//! optional metadata, event type, flags, table hints, row bytes: see `RowsCase` in
//! `src/checks.rs`), decoded by one decoder after a MySQL 8.0 or MariaDB 10.11 format
//! description; then every row, value, JSON document, and the mysqlbinlog and JSON Lines
//! renderings.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    binlogkit_fuzz::run("rows", data, binlogkit_fuzz::check_rows);
});
