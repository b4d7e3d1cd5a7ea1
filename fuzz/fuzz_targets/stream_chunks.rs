//! The stream reader fed in chosen chunk sizes (with pauses and I/O errors), compared
//! event by event with the slice reader. The low 4 bits of the first byte say how many of
//! the next bytes make the chunk plan; the rest is the binlog.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    binlogkit_fuzz::run("stream_chunks", data, binlogkit_fuzz::check_stream);
});
