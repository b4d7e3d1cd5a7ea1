//! The whole input as a binlog through every binlogdump printer: mysqlbinlog text in
//! each dialect (plain, `-vv`, decode-rows, hexdump, short form), JSON Lines, the
//! summary (text and JSON) and flashback (text and JSON). None may panic or allocate
//! beyond the guard, whatever the bytes.
#![no_main]

#[path = "../../examples/binlogdump/app.rs"]
#[allow(dead_code)]
mod app;

use app::dump;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    binlogkit_fuzz::run("dump", data, |data| {
        for mut options in dump::every_printer() {
            // Warnings on stderr would drown the fuzzer's own output.
            options.text.warnings = false;
            let _ = dump::run_bytes(&mut std::io::sink(), "fuzz", data, &options);
        }
    });
});
