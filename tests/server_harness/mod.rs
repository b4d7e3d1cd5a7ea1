//! The real-server conformance harness shared by `tests/server_conformance.rs` (against a
//! live MariaDB) and `tests/server_fixtures.rs` (against the binlogs and `SELECT` output
//! that `fixtures/mariadb/generate.sh` saved from one).
#![allow(dead_code)]

pub mod check;
pub mod rng;
pub mod types;
pub mod workload;
