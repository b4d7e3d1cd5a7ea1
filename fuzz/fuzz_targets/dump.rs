//! The whole input as a binlog through every binlogdump printer: mysqlbinlog text in
//! each dialect (plain, `-vv`, decode-rows, hexdump, short form), JSON Lines, the
//! summary (text and JSON) and flashback (text and JSON). None may panic or allocate
//! beyond the guard, whatever the bytes.
#![no_main]

#[path = "../../examples/binlogdump/dump.rs"]
#[allow(dead_code)]
mod dump;
#[path = "../../examples/binlogdump/filter.rs"]
#[allow(dead_code)]
mod filter;
#[path = "../../examples/binlogdump/flashback.rs"]
#[allow(dead_code)]
mod flashback;
#[path = "../../examples/binlogdump/json.rs"]
#[allow(dead_code)]
mod json;
#[path = "../../examples/binlogdump/summary.rs"]
#[allow(dead_code)]
mod summary;
#[path = "../../examples/binlogdump/text.rs"]
#[allow(dead_code)]
mod text;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    binlogkit_fuzz::run("dump", data, |data| {
        for options in dump::every_printer() {
            let _ = dump::run_bytes(&mut std::io::sink(), "fuzz", data, &options);
        }
    });
});
