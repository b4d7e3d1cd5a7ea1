//! The whole input as a binlog in memory: every event, the inner events of every
//! TRANSACTION_PAYLOAD, and every lazy accessor of each.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    binlogkit_fuzz::run("slice_iter", data, |data| {
        let _ = binlogkit_fuzz::check_slice(data);
    });
});
