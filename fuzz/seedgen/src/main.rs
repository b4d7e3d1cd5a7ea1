//! Seeds for the `rows` and `json` fuzz targets, from real binlogs.
//!
//! `seedgen ROWS_DIR JSON_DIR MAX_LEN < list-of-binlogs`
//!
//! For every rows event (in the file or inside a TRANSACTION_PAYLOAD) whose TABLE_MAP has
//! at most 16 columns, writes a `rows` input that rebuilds the same TABLE_MAP and rows
//! event (see `RowsCase` in `../src/checks.rs`): column types, metadata, optional
//! metadata, event type, flags, nullable and columns-present bitmaps, extra row info, row
//! bytes (decompressed; the COMPRESS flag makes the harness compress them again). At
//! most `PER_SHAPE` inputs per table shape and event type. Every JSON document and JSON
//! diff list in the decoded rows becomes a `json` input.

use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::io::BufRead;
use std::path::{Path, PathBuf};

use binlogkit::events::RowsEvent;
use binlogkit::rows::RowChange;
use binlogkit::value::Value;
use binlogkit::{BinlogReader, Event, TableMapCache};

const ROWS_EVENT_TYPES: [u8; 16] = [
    20, 21, 22, 23, 24, 25, 30, 31, 32, 39, 166, 167, 168, 169, 170, 171,
];
const PER_SHAPE: usize = 6;
const MAX_JSON: usize = 3000;

/// The parts of a TABLE_MAP a seed needs, owned.
#[derive(Clone)]
struct Map {
    types: Vec<u8>,
    metadata: Vec<u8>,
    nullable: Vec<u8>,
    optional: Vec<u8>,
    no_metadata: bool,
}

fn metadata_len(t: u8) -> usize {
    match t {
        4 | 5 | 17 | 18 | 19 | 140 | 242 | 245 | 249..=252 | 255 => 1,
        15 | 16 | 141 | 246..=248 | 253 | 254 => 2,
        _ => 0,
    }
}

struct Out {
    rows_dir: PathBuf,
    json_dir: PathBuf,
    max_len: usize,
    shapes: HashMap<(Vec<u8>, u8, u8), usize>,
    seen: HashSet<u64>,
    rows_written: usize,
    json_written: usize,
}

fn hash(data: &[u8]) -> u64 {
    let mut h = DefaultHasher::new();
    data.hash(&mut h);
    h.finish()
}

impl Out {
    fn write(&mut self, dir_is_rows: bool, prefix: &str, data: &[u8]) {
        let h = hash(data);
        if !self.seen.insert(h) {
            return;
        }
        let dir = if dir_is_rows {
            &self.rows_dir
        } else {
            &self.json_dir
        };
        let path = dir.join(format!("{prefix}-{h:016x}"));
        if std::fs::write(path, data).is_ok() {
            if dir_is_rows {
                self.rows_written += 1;
            } else {
                self.json_written += 1;
            }
        }
    }

    fn rows(&mut self, event_type: u8, rows: &RowsEvent<'_>, map: &Map, mariadb: bool) {
        let n = map.types.len();
        if !(1..=16).contains(&n) || rows.column_count != n as u64 {
            return;
        }
        let Some(selector) = ROWS_EVENT_TYPES.iter().position(|&t| t == event_type) else {
            return;
        };
        let mut flags = 0x40 | 0x80; // PRESENT, NULLABLE
        if mariadb {
            flags |= 0x01;
        }
        if rows.flags & 1 != 0 {
            flags |= 0x02;
        }
        if map.no_metadata {
            flags |= 0x04;
        }
        if rows.compressed {
            flags |= 0x10;
        }
        if !rows.extra_data.is_empty() {
            flags |= 0x20;
        }
        let key = (map.types.clone(), event_type, flags);
        let count = self.shapes.entry(key).or_insert(0);
        if *count >= PER_SHAPE {
            return;
        }
        *count += 1;
        let bitmap_len = n.div_ceil(8);
        let mut seed = vec![(n - 1) as u8];
        seed.extend_from_slice(&map.types);
        let mut metadata = map.metadata.clone();
        metadata.resize(map.types.iter().map(|&t| metadata_len(t)).sum(), 0);
        seed.extend_from_slice(&metadata);
        let optional = if map.optional.len() <= 255 {
            &map.optional[..]
        } else {
            &[][..]
        };
        seed.push(optional.len() as u8);
        seed.extend_from_slice(optional);
        seed.push(selector as u8);
        seed.push(flags);
        let mut nullable = map.nullable.clone();
        nullable.resize(bitmap_len, 0xff);
        seed.extend_from_slice(&nullable);
        seed.extend_from_slice(rows.columns_before);
        if matches!(event_type, 24 | 31 | 39 | 167 | 170) {
            seed.extend_from_slice(rows.columns_after.unwrap_or(rows.columns_before));
        }
        if !rows.extra_data.is_empty() {
            let extra = &rows.extra_data[..rows.extra_data.len().min(255)];
            seed.push(extra.len() as u8);
            seed.extend_from_slice(extra);
        }
        seed.extend_from_slice(&rows.rows);
        seed.truncate(self.max_len);
        self.write(true, &format!("rows-{event_type}"), &seed);
    }

    fn json(&mut self, rows: &RowsEvent<'_>, tables: &TableMapCache) {
        let Some(schema) = tables.get(rows.table_id) else {
            return;
        };
        for change in rows.rows(schema) {
            let Ok(change) = change else { break };
            let images = match &change {
                RowChange::Insert(r) | RowChange::Delete(r) => vec![r.clone()],
                RowChange::Update { before, after } => vec![before.clone(), after.clone()],
            };
            for row in images {
                for item in row.values() {
                    let Ok((_, value)) = item else { break };
                    if self.json_written >= MAX_JSON {
                        return;
                    }
                    match value {
                        Value::Json(doc) if doc.as_bytes().len() <= self.max_len => {
                            self.write(false, "doc", doc.as_bytes());
                        }
                        Value::JsonDiff(diffs) if diffs.as_bytes().len() <= self.max_len => {
                            self.write(false, "diff", diffs.as_bytes());
                        }
                        _ => {}
                    }
                }
            }
        }
    }
}

fn map_of(t: &binlogkit::events::TableMapEvent<'_>) -> Map {
    Map {
        types: t.column_types.to_vec(),
        metadata: t.column_metadata.to_vec(),
        nullable: t.null_bitmap.to_vec(),
        optional: t.optional_metadata.to_vec(),
        no_metadata: t.without_metadata,
    }
}

fn one_file(path: &Path, out: &mut Out) {
    let Ok(bytes) = std::fs::read(path) else {
        return;
    };
    let Ok(mut reader) = BinlogReader::new(&bytes) else {
        return;
    };
    let mut maps: HashMap<u64, Map> = HashMap::new();
    let mut n = 0;
    loop {
        let event = match reader.next_event() {
            Ok(Some(e)) => e,
            Ok(None) => break,
            Err(e) => {
                if std::env::var_os("SEEDGEN_DEBUG").is_some() {
                    eprintln!("{}: {e} after {n} events", path.display());
                }
                break;
            }
        };
        n += 1;
        let mariadb = reader.decoder().format().is_mariadb();
        match &event.event {
            Event::TableMap(t) => {
                maps.insert(t.table_id, map_of(t));
            }
            Event::Rows(r) => {
                if let Some(map) = maps.get(&r.table_id) {
                    out.rows(event.header.event_type.0, r, map, mariadb);
                }
                out.json(r, reader.tables());
            }
            Event::TransactionPayload(_) => {
                let Ok(mut inner) = reader.decoder_mut().payload_events(&event) else {
                    continue;
                };
                while let Ok(Some(e)) = inner.next_event() {
                    match &e.event {
                        Event::TableMap(t) => {
                            maps.insert(t.table_id, map_of(t));
                        }
                        Event::Rows(r) => {
                            if let Some(map) = maps.get(&r.table_id) {
                                out.rows(e.header.event_type.0, r, map, mariadb);
                            }
                            out.json(r, e.tables());
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(rows_dir), Some(json_dir)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: seedgen ROWS_DIR JSON_DIR [MAX_LEN] < list-of-binlogs");
        std::process::exit(2);
    };
    let mut out = Out {
        rows_dir: rows_dir.into(),
        json_dir: json_dir.into(),
        max_len: args.get(3).and_then(|s| s.parse().ok()).unwrap_or(65536),
        shapes: HashMap::new(),
        seen: HashSet::new(),
        rows_written: 0,
        json_written: 0,
    };
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        if !line.is_empty() {
            one_file(Path::new(&line), &mut out);
        }
    }
    println!(
        "rows: {} inputs of {} table shapes; json: {} documents and diff lists",
        out.rows_written,
        out.shapes.len(),
        out.json_written
    );
}
