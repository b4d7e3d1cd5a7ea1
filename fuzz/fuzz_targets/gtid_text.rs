//! GTID set and MariaDB GTID list text: parsing, Display round trips, set algebra. Text
//! after a `|` is the second operand.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    binlogkit_fuzz::run("gtid_text", data, binlogkit_fuzz::check_gtid_text);
});
