//! Throughput of the readers on real binlogs: framing + decoding every event (with CRC32
//! verification), through the slice reader and the stream reader, and serializing every
//! event to JSON (the dumper's work).
//!
//! Data: the largest files of the shared corpus when it is present
//! (`../shared/fixtures`), else the project's `fixtures/demo.bin`.
//!
//! ```text
//! cargo bench --bench parse
//! ```

use std::hint::black_box;
use std::path::{Path, PathBuf};

use binlogkit::{BinlogReader, ReaderOptions, StreamReader};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn inputs() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared/fixtures");
    let candidates: Vec<PathBuf> = [
        "mysql/DockerDataMySQL/binlog.000001",
        "mysql/mysql-cdc-rs/tests/events/8.0/folder/@ea3363c472/binlog.000693",
        "mysql/mariadb-poc/mariadb-binlog/binlogs/domain_id_0/mariadb-repl-bin.000002",
        "mariadb/types-row.bin",
    ]
    .iter()
    .map(|p| shared.join(p))
    .filter(|p| p.exists())
    .collect();
    let files = if candidates.is_empty() {
        eprintln!("NOTICE: ../shared/fixtures absent; benchmarking fixtures/demo.bin only");
        vec![root.join("fixtures/demo.bin")]
    } else {
        candidates
    };
    files
        .into_iter()
        .map(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (name, std::fs::read(&p).expect("readable"))
        })
        .collect()
}

fn readers(c: &mut Criterion) {
    for (name, bytes) in inputs() {
        let mut group = c.benchmark_group(format!("read/{name}"));
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function("slice", |b| {
            b.iter(|| {
                let mut n = 0usize;
                for ev in BinlogReader::new(black_box(&bytes)).expect("magic") {
                    n += ev.expect("clean").raw.len();
                }
                n
            })
        });
        group.bench_function("slice_no_crc", |b| {
            let options = ReaderOptions::new().verify_checksums(false);
            b.iter(|| {
                let mut n = 0usize;
                for ev in BinlogReader::with_options(black_box(&bytes), options).expect("magic") {
                    n += ev.expect("clean").raw.len();
                }
                n
            })
        });
        group.bench_function("stream", |b| {
            b.iter(|| {
                let mut reader = StreamReader::new(black_box(&bytes[..]));
                let mut n = 0usize;
                while let Some(ev) = reader.next_event().expect("clean") {
                    n += ev.raw.len();
                }
                n
            })
        });
        group.bench_function("json", |b| {
            let mut out = Vec::with_capacity(bytes.len() * 4);
            b.iter(|| {
                out.clear();
                for ev in BinlogReader::new(black_box(&bytes)).expect("magic") {
                    serde_json::to_writer(&mut out, &ev.expect("clean")).expect("serializes");
                    out.push(b'\n');
                }
                out.len()
            })
        });
        group.finish();
    }
}

/// Every row of every row event, against its table map: `f` gets each event and schema.
fn for_each_rows_event(
    bytes: &[u8],
    mut f: impl FnMut(&binlogkit::events::RowsEvent<'_>, &binlogkit::TableSchema),
) {
    let mut reader = BinlogReader::new(bytes).expect("magic");
    while let Some(ev) = reader.next_event().expect("clean") {
        if let binlogkit::Event::Rows(rows) = &ev.event {
            if let Some(schema) = reader.tables().get(rows.table_id) {
                f(rows, schema);
            }
        }
    }
}

fn rows(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared/fixtures");
    let mut files: Vec<PathBuf> = [
        "mysql/DockerDataMySQL/binlog.000001",
        "mariadb/types-row.bin",
    ]
    .iter()
    .map(|p| shared.join(p))
    .filter(|p| p.exists())
    .collect();
    if files.is_empty() {
        files.push(root.join("fixtures/demo.bin"));
    }
    for path in files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let bytes = std::fs::read(&path).expect("readable");
        let mut group = c.benchmark_group(format!("rows/{name}"));
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function("values", |b| {
            b.iter(|| {
                let mut n = 0usize;
                for_each_rows_event(black_box(&bytes), |rows, schema| {
                    for change in rows.rows(schema) {
                        match change.expect("row") {
                            binlogkit::rows::RowChange::Insert(r)
                            | binlogkit::rows::RowChange::Delete(r) => {
                                n += r.values().filter(Result::is_ok).count();
                            }
                            binlogkit::rows::RowChange::Update { before, after } => {
                                n += before.values().filter(Result::is_ok).count();
                                n += after.values().filter(Result::is_ok).count();
                            }
                        }
                    }
                });
                n
            })
        });
        group.bench_function("json", |b| {
            let mut out = String::new();
            b.iter(|| {
                out.clear();
                for_each_rows_event(black_box(&bytes), |rows, schema| {
                    binlogkit::row_json::write_rows_json(&mut out, rows, schema).expect("encodes");
                });
                out.len()
            })
        });
        group.bench_function("mysqlbinlog_vv", |b| {
            let mut out = Vec::new();
            let dialect = if name.ends_with(".bin") {
                binlogkit::sql::Dialect::Mariadb
            } else {
                binlogkit::sql::Dialect::Mysql80
            };
            b.iter(|| {
                out.clear();
                for_each_rows_event(black_box(&bytes), |rows, schema| {
                    binlogkit::sql::write_rows_verbose(&mut out, rows, schema, dialect, 2)
                        .expect("prints");
                });
                out.len()
            })
        });
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = readers, rows
}
criterion_main!(benches);
