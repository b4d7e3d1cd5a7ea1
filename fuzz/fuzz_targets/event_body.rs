//! One event: a type byte, then its body, framed with a correct header and decoded after a
//! MySQL 8.0 format description without checksums.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    binlogkit_fuzz::run("event_body", data, binlogkit_fuzz::check_event_body);
});
