//! Raw bytes as a MySQL binary JSON document (walked, printed in both styles, quoted and
//! unquoted, serde) and as a PARTIAL_UPDATE_ROWS JSON diff list (iterated, printed as
//! mysqlbinlog does).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    binlogkit_fuzz::run("json", data, binlogkit_fuzz::check_json);
});
