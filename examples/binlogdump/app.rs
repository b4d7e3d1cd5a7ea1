//! binlogdump's modules, shared by the command (`main.rs`), the tests (`tests/dumper*.rs`)
//! and the fuzzer (`fuzz/fuzz_targets/dump.rs`), which include this one file.

#[path = "dump.rs"]
pub mod dump;
#[path = "filter.rs"]
pub mod filter;
#[path = "flashback.rs"]
pub mod flashback;
#[path = "json.rs"]
pub mod json;
#[path = "summary.rs"]
pub mod summary;
#[path = "text.rs"]
pub mod text;
