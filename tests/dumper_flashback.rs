//! binlogdump --flashback: the undo SQL, replayed through a real MariaDB server, puts
//! every table of a types-row.bin-style workload back as it was (checked with CHECKSUM
//! TABLE and the rows themselves); `--table` limits the undo to one table; MINIMAL and
//! NOBLOB images are undone where they hold what the undo needs and refused where they do
//! not; the exact text for a small hand-checked binlog; and on the MariaDB fixtures, one
//! undo statement per changed row.

mod common;

#[path = "../examples/binlogdump/app.rs"]
#[allow(dead_code)]
mod app;

use app::{dump, filter};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use binlogkit::{BinlogReader, Event};
use common::mariadb::Server;

fn flashback_options(format: dump::Format) -> dump::Options {
    let mut options = dump::Options::new(format);
    options.mode = dump::Mode::Flashback;
    options
}

/// The flashback of `bytes` (named `name`), and whether it ended in an error.
fn flashback_bytes(name: &str, bytes: &[u8], options: &dump::Options) -> (String, Option<String>) {
    let mut out = Vec::new();
    let result = dump::run_bytes(&mut out, name, bytes, options);
    (
        String::from_utf8(out).expect("the flashback is UTF-8"),
        result.err().map(|e| e.to_string()),
    )
}

/// The flashback of `file` from `start`, restricted to `tables` when not empty.
fn flashback_file(file: &Path, start: u64, tables: &[&str]) -> Result<String, String> {
    let mut options = flashback_options(dump::Format::Text);
    options.filter.start_position = Some(start);
    options.filter.tables = tables
        .iter()
        .map(|t| filter::TablePattern::parse(t).expect("pattern"))
        .collect();
    let mut out = Vec::new();
    let result = dump::run(&mut out, &[file.to_path_buf()], &options);
    let text = String::from_utf8(out).expect("the flashback is UTF-8");
    match result {
        Ok(()) => Ok(text),
        Err(e) => Err(e.to_string()),
    }
}

/// The undo statements of a flashback: executable SQL lines, or pseudo-SQL ones.
fn undo_statements(text: &str) -> usize {
    text.lines()
        .filter(|l| {
            let l = l.strip_prefix("### ").unwrap_or(l);
            l.starts_with("DELETE FROM ")
                || l.starts_with("INSERT INTO ")
                || l.starts_with("UPDATE ")
        })
        .count()
}

/// Rows changed by the row events of `bytes` (those inside TRANSACTION_PAYLOADs too),
/// counted with the library directly.
fn rows_changed(bytes: &[u8]) -> usize {
    fn count(event: &binlogkit::BinlogEvent<'_>, tables: &binlogkit::TableMapCache) -> usize {
        let Event::Rows(rows) = &event.event else {
            return 0;
        };
        let schema = tables.get(rows.table_id).expect("a table map").clone();
        rows.rows(&schema)
            .inspect(|c| assert!(c.is_ok(), "a row"))
            .count()
    }
    let mut reader = BinlogReader::new(bytes).expect("magic");
    let mut n = 0;
    while let Some(event) = reader.next_event().expect("a clean binlog") {
        n += count(&event, reader.tables());
        if matches!(event.event, Event::TransactionPayload(_)) {
            let mut inner = reader
                .decoder_mut()
                .payload_events(&event)
                .expect("a payload");
            while let Some(e) = inner.next_event().expect("a clean payload") {
                n += count(&e, e.decoder().tables());
            }
        }
    }
    n
}

#[test]
fn one_undo_statement_per_changed_row_on_the_fixtures() {
    let Some(root) = common::shared_fixtures() else {
        return;
    };
    for (name, executable) in [
        ("mariadb/types-row.bin", true),
        ("mariadb/types-row-minimal.bin", false),
        ("mariadb/types-row-noblob.bin", false),
        ("mariadb/transactions-row.bin", true),
        ("mariadb/compressed.bin", true),
        // MySQL 8.0: partial JSON updates (diffs in the after images), no column names.
        (
            "mysql/rust_mysql_common/test-data/binlogs/json.binlog.000001",
            false,
        ),
        // MySQL 8.0: rows inside a compressed TRANSACTION_PAYLOAD, no column names.
        (
            "mysql/mysql-binlog-connector-java/src/test/resources/mysql-bin.compressed",
            false,
        ),
    ] {
        let bytes = common::read_binlog(&root.join(name));
        let expected = rows_changed(&bytes);
        assert!(expected > 0, "{name}: has row changes");
        let (text, error) = flashback_bytes(name, &bytes, &flashback_options(dump::Format::Text));
        assert_eq!(error, None, "{name}: the flashback runs without error");
        assert_eq!(undo_statements(&text), expected, "{name}: one undo per row");
        let not_executable = text.contains("-- NOT EXECUTABLE");
        assert_eq!(!not_executable, executable, "{name}");
        if !executable {
            // Without column names every line is a comment: piped into a client by
            // mistake, it does nothing.
            for line in text.lines() {
                assert!(
                    line.is_empty() || line.starts_with("--") || line.starts_with("###"),
                    "{name}: an executable line in pseudo-SQL: {line}"
                );
            }
        }
        // JSON Lines: the same statements, one object each.
        let (json, error) = flashback_bytes(name, &bytes, &flashback_options(dump::Format::Json));
        assert_eq!(error, None);
        let undos = json
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("JSON"))
            .filter(|v| v["type"] == "undo")
            .count();
        assert_eq!(undos, expected, "{name}: JSON undo lines");
    }
}

/// What the flashback of fixtures/demo.bin must be, written from fixtures/demo.sql and
/// the positions and GTIDs in fixtures/demo.mariadb-binlog.txt: the transactions newest
/// first, rows inside them reversed (the two-row UPDATE undoes row 2 before row 1, the
/// four-row INSERT deletes 4, 3, 2, 1), every statement logged as text listed where it
/// falls, values exact (`'a,c'` is SET bitmap 5, `'green'` ENUM index 2, the UTF-8 bytes
/// of 'Grüße, 世界 😀').
const DEMO_FLASHBACK: &str = "\
-- binlogdump --flashback: the undo of 8 row changes in 4 transactions, newest first.
SET @binlogdump_sql_mode=@@SESSION.sql_mode, @binlogdump_time_zone=@@SESSION.time_zone;
SET NAMES utf8mb4;
SET SESSION sql_mode='NO_AUTO_VALUE_ON_ZERO';
SET SESSION time_zone='+00:00';

-- NOT UNDONE: the statement at demo.bin:5633, logged as SQL text: UPDATE stmt_log SET ratio = @ratio, ref = COALESCE(@nothing, LAST_INSERT_ID()) WHERE id = 1

-- NOT UNDONE: the statement at demo.bin:5353, logged as SQL text: INSERT INTO stmt_log (msg, ref, amount) VALUES (CONCAT(@who, '#', LAST_INSERT_ID()), @n, @amt)

-- NOT UNDONE: the statement at demo.bin:5043, logged as SQL text: INSERT INTO stmt_log (msg) VALUES ('first')

-- NOT UNDONE: the statement at demo.bin:4701, logged as SQL text: CREATE TABLE stmt_log ( id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, msg VARCHAR(64), ref BIGINT, ratio DOUBLE, amount DECIMAL(10,2) ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4

-- the transaction at demo.bin:4226 (GTID 0-1-7)
BEGIN;
DELETE FROM `demo`.`all_types` WHERE `id`=5 LIMIT 1;
COMMIT;

-- NOT UNDONE: the statement at demo.bin:4085, logged as SQL text: ALTER TABLE all_types ADD COLUMN note VARCHAR(20) NULL AFTER name

-- the transaction at demo.bin:3665 (GTID 0-1-5)
BEGIN;
INSERT INTO `demo`.`all_types` (`id`, `i_signed`, `i_unsigned`, `big_unsigned`, `amount`, `name`, `happened_at`, `ts`, `color`, `flags`, `payload`, `doc`) VALUES (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
COMMIT;

-- the transaction at demo.bin:2841 (GTID 0-1-4)
BEGIN;
UPDATE `demo`.`all_types` SET `id`=2, `i_signed`=2147483647, `i_unsigned`=0, `big_unsigned`=0, `amount`=0.00, `name`=_utf8mb4 X'706C61696E206173636969', `happened_at`='1000-01-01 00:00:00.000000', `ts`='1970-01-01 00:00:01', `color`=1, `flags`=0, `payload`=_binary X'', `doc`=_utf8mb4 X'5B5D' WHERE `id`=2 LIMIT 1;
UPDATE `demo`.`all_types` SET `id`=1, `i_signed`=-2147483648, `i_unsigned`=4294967295, `big_unsigned`=18446744073709551615, `amount`=-12345678.90, `name`=_utf8mb4 X'4772C3BCC39F652C20E4B896E7958C20F09F9880', `happened_at`='2023-11-14 22:13:20.123456', `ts`='2023-11-14 22:13:20', `color`=2, `flags`=5, `payload`=_binary X'00FF10DEADBEEF', `doc`=_utf8mb4 X'7B226B223A205B312C20322E352C202278225D2C20226E223A206E756C6C2C202262223A20747275657D' WHERE `id`=1 LIMIT 1;
COMMIT;

-- the transaction at demo.bin:1122 (GTID 0-1-3)
BEGIN;
DELETE FROM `demo`.`all_types` WHERE `id`=4 LIMIT 1;
DELETE FROM `demo`.`all_types` WHERE `id`=3 LIMIT 1;
DELETE FROM `demo`.`all_types` WHERE `id`=2 LIMIT 1;
DELETE FROM `demo`.`all_types` WHERE `id`=1 LIMIT 1;
COMMIT;

-- NOT UNDONE: the statement at demo.bin:545, logged as SQL text: CREATE TABLE all_types ( id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, i_signed INT, i_unsigned INT UNSIGNED, big_unsigned BIGINT UNSIGNED, amount DECIMAL(10,2), name...

-- NOT UNDONE: the statement at demo.bin:367, logged as SQL text: CREATE DATABASE demo CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci

SET SESSION sql_mode=@binlogdump_sql_mode, time_zone=@binlogdump_time_zone;
";

#[test]
fn demo_flashback_is_exact_newest_first_and_whole() {
    let bytes = common::read_binlog(&common::project_fixtures().join("demo.bin"));
    let (text, error) = flashback_bytes("demo.bin", &bytes, &flashback_options(dump::Format::Text));
    assert_eq!(error, None);
    assert_eq!(text, DEMO_FLASHBACK);

    // JSON Lines: the same statements in the same order, with their transactions.
    let (json, error) = flashback_bytes("demo.bin", &bytes, &flashback_options(dump::Format::Json));
    assert_eq!(error, None);
    let lines: Vec<serde_json::Value> = json
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(lines[0]["type"], "flashback");
    assert_eq!(lines[0]["executable"], true);
    assert_eq!(lines[0]["rows"], 8);
    let sql: Vec<String> = lines
        .iter()
        .filter(|l| l["type"] == "undo")
        .map(|l| format!("{};", l["sql"].as_str().expect("sql")))
        .collect();
    let expected: Vec<&str> = DEMO_FLASHBACK
        .lines()
        .filter(|l| l.starts_with("DELETE") || l.starts_with("INSERT") || l.starts_with("UPDATE"))
        .collect();
    assert_eq!(sql, expected);
    let transactions: Vec<u64> = lines
        .iter()
        .filter(|l| l["type"] == "undo")
        .map(|l| l["transaction"].as_u64().expect("number"))
        .collect();
    assert_eq!(transactions, [1, 2, 3, 3, 4, 4, 4, 4]);
    let gtids: Vec<&str> = lines
        .iter()
        .filter(|l| l["type"] == "undo")
        .map(|l| l["gtid"].as_str().expect("gtid"))
        .collect();
    assert_eq!(
        gtids,
        [
            "0-1-7", "0-1-5", "0-1-4", "0-1-4", "0-1-3", "0-1-3", "0-1-3", "0-1-3"
        ]
    );
}

#[test]
fn demo_flashback_cut_short_undoes_the_complete_transactions() {
    // demo.bin cut inside the DELETE's transaction (GTID 0-1-5, 3665..4043), inside its Xid: the two
    // transactions before it are complete and undone, the one in progress is not.
    let bytes = common::read_binlog(&common::project_fixtures().join("demo.bin"));
    let cut = bytes.get(..4020).expect("demo.bin is longer");
    let (text, error) = flashback_bytes("demo.bin", cut, &flashback_options(dump::Format::Text));
    assert!(error.is_some(), "a cut binlog is an error");
    assert!(text.starts_with(
        "-- binlogdump --flashback: the undo of 6 row changes in 2 transactions, newest first.\n\
         -- INCOMPLETE: reading stopped at an error ("
    ));
    assert!(text.contains(
        "-- Only the transactions complete before it are undone below; the one in progress there is not.\n"
    ));
    assert!(!text.contains("INSERT INTO"));
    let tail = DEMO_FLASHBACK
        .split_once("-- the transaction at demo.bin:2841")
        .expect("in the full flashback")
        .1;
    let tail = tail
        .split_once("-- NOT UNDONE")
        .expect("the CREATE TABLE note")
        .0;
    assert!(text.contains(tail), "{text}");
}

// ---------------------------------------------------------------------------------
// Replayed through a real server.
// ---------------------------------------------------------------------------------

const SERVER_OPTIONS: [&str; 6] = [
    "--binlog-format=ROW",
    "--binlog-row-image=FULL",
    "--binlog-row-metadata=FULL",
    "--default-time-zone=+00:00",
    "--character-set-server=utf8mb4",
    "--collation-server=utf8mb4_general_ci",
];

/// A table the workload changes: its columns, which may be written, which are nullable,
/// its primary key, whether it has BLOB/TEXT columns.
#[derive(Debug, Clone)]
struct Table {
    name: String,
    /// (name, data type, nullable, writable: not generated).
    columns: Vec<(String, String, bool, bool)>,
    key: Option<String>,
}

impl Table {
    fn writable(&self) -> Vec<&str> {
        self.columns
            .iter()
            .filter(|c| c.3)
            .map(|c| c.0.as_str())
            .collect()
    }

    /// The writable nullable columns outside the key, optionally without BLOB/TEXT.
    fn nullable(&self, blobs: bool) -> Vec<&str> {
        self.columns
            .iter()
            .filter(|c| c.3 && c.2 && Some(&c.0) != self.key.as_ref())
            .filter(|c| blobs || !is_blob(&c.1))
            .map(|c| c.0.as_str())
            .collect()
    }

    fn has_blobs(&self) -> bool {
        self.columns.iter().any(|c| is_blob(&c.1))
    }
}

fn is_blob(data_type: &str) -> bool {
    data_type.ends_with("blob") || data_type.ends_with("text")
}

fn quote(name: &str) -> String {
    format!("`{}`", name.replace('`', "``"))
}

const DB: &str = "binlog_types";

/// The tables of the workload database.
fn tables(server: &Server) -> Vec<Table> {
    let mut by_table: BTreeMap<String, Table> = BTreeMap::new();
    let rows = server.sql(&format!(
        "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, IS_NULLABLE, EXTRA, COLUMN_KEY \
         FROM information_schema.COLUMNS WHERE TABLE_SCHEMA='{DB}' \
         ORDER BY TABLE_NAME, ORDINAL_POSITION"
    ));
    for line in rows.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        let [table, column, data_type, nullable, extra, key] = f[..] else {
            panic!("unexpected information_schema row: {line}");
        };
        let t = by_table.entry(table.to_owned()).or_insert_with(|| Table {
            name: table.to_owned(),
            columns: Vec::new(),
            key: None,
        });
        let generated =
            extra.contains("GENERATED") || extra.contains("VIRTUAL") || extra.contains("STORED");
        if key == "PRI" {
            t.key = Some(column.to_owned());
        }
        t.columns.push((
            column.to_owned(),
            data_type.to_owned(),
            nullable == "YES",
            !generated,
        ));
    }
    by_table.into_values().collect()
}

/// Every table's content: CHECKSUM TABLE and every row, exactly (floats through DOUBLE,
/// strings and other bytes in hex), sorted.
fn snapshot(server: &Server, tables: &[Table]) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for t in tables {
        let exprs: Vec<String> = t
            .columns
            .iter()
            .map(|(name, data_type, _, _)| {
                let c = quote(name);
                match data_type.as_str() {
                    "float" => format!("CAST({c} AS DOUBLE)"),
                    "double" | "decimal" | "tinyint" | "smallint" | "mediumint" | "int"
                    | "bigint" | "date" | "time" | "datetime" | "timestamp" | "year" => c,
                    "bit" => format!("{c}+0"),
                    _ => format!("HEX({c})"),
                }
            })
            .collect();
        let order: Vec<String> = (1..=exprs.len()).map(|i| i.to_string()).collect();
        let rows = server.sql(&format!(
            "SELECT {} FROM {DB}.{} ORDER BY {}",
            exprs.join(", "),
            quote(&t.name),
            order.join(", ")
        ));
        let checksum = server.sql(&format!("CHECKSUM TABLE {DB}.{}", quote(&t.name)));
        out.insert(t.name.clone(), format!("{checksum}{rows}"));
    }
    out
}

/// The binlog being written and the position in it.
fn position(server: &Server) -> (PathBuf, u64) {
    let status = server.sql("SHOW MASTER STATUS");
    let mut f = status.split('\t');
    let file = f.next().expect("a binlog").trim().to_owned();
    let pos = f
        .next()
        .expect("a position")
        .trim()
        .parse()
        .expect("a number");
    (server.dir().join(file), pos)
}

/// Which changes a workload may make: all of them (FULL images), or only those a NOBLOB
/// or MINIMAL image can undo.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Image {
    Full,
    Noblob,
    Minimal,
}

/// The workload's SQL over every table: inserts (multi-row), updates to and from NULL,
/// key changes, deletes, REPLACE, INSERT..ON DUPLICATE KEY UPDATE, in several
/// transactions. `image` is set in every session and limits the changes to those its
/// images can undo.
fn workload(server: &Server, tables: &[Table], image: Image) -> Vec<String> {
    let session = match image {
        Image::Full => "SET SESSION binlog_row_image=FULL;",
        Image::Noblob => "SET SESSION binlog_row_image=NOBLOB;",
        Image::Minimal => "SET SESSION binlog_row_image=MINIMAL;",
    };
    let mut batches = Vec::new();
    for t in tables {
        let name = format!("{DB}.{}", quote(&t.name));
        let cols: Vec<String> = t.writable().iter().map(|c| quote(c)).collect();
        let mut sql = vec![session.to_owned()];
        match &t.key {
            Some(key) => {
                let k = quote(key);
                let ids: Vec<i64> = server
                    .sql(&format!("SELECT {k} FROM {name} ORDER BY {k}"))
                    .lines()
                    .map(|l| l.parse().expect("integer keys"))
                    .collect();
                if ids.is_empty() {
                    continue;
                }
                let copy: Vec<String> = cols
                    .iter()
                    .map(|c| {
                        if *c == k {
                            format!("{k}+1000")
                        } else {
                            c.clone()
                        }
                    })
                    .collect();
                let nullable: Vec<String> = t
                    .nullable(image == Image::Full || image == Image::Minimal)
                    .iter()
                    .map(|c| quote(c))
                    .collect();
                // Copies of every row (a multi-row insert) and half the rows set to NULL,
                // in one transaction.
                sql.push(format!(
                    "BEGIN; INSERT INTO {name} ({}) SELECT {} FROM {name} WHERE {k} < 1000;",
                    cols.join(", "),
                    copy.join(", ")
                ));
                if image != Image::Minimal && !nullable.is_empty() {
                    let to_null: Vec<String> =
                        nullable.iter().map(|c| format!("{c}=NULL")).collect();
                    sql.push(format!(
                        "UPDATE {name} SET {} WHERE {k} < 1000 AND {k} % 2 = 1;",
                        to_null.join(", ")
                    ));
                }
                sql.push("COMMIT;".to_owned());
                if image != Image::Minimal {
                    // From NULL back to the values, from the copies (autocommit).
                    if !nullable.is_empty() {
                        let back: Vec<String> =
                            nullable.iter().map(|c| format!("a.{c}=b.{c}")).collect();
                        sql.push(format!(
                            "UPDATE {name} a JOIN {name} b ON b.{k} = a.{k} + 1000 SET {} \
                             WHERE a.{k} % 2 = 1;",
                            back.join(", ")
                        ));
                    }
                    // A key change.
                    sql.push(format!(
                        "UPDATE {name} SET {k} = {k} + 2000 WHERE {k} = {};",
                        ids[0]
                    ));
                }
                if image == Image::Full || (image == Image::Noblob && !t.has_blobs()) {
                    // Deletes of copies and of an original, and a REPLACE of an
                    // original by another row's values, in one transaction.
                    let last = ids[ids.len() - 1];
                    let replaced: Vec<String> = cols
                        .iter()
                        .map(|c| if *c == k { last.to_string() } else { c.clone() })
                        .collect();
                    sql.push(format!(
                        "BEGIN; DELETE FROM {name} WHERE {k} >= 1000 AND {k} < 2000 AND {k} % 3 = 0; \
                         DELETE FROM {name} WHERE {k} = {}; \
                         REPLACE INTO {name} ({}) SELECT {} FROM {name} WHERE {k} = {}; COMMIT;",
                        ids[ids.len() / 2],
                        cols.join(", "),
                        replaced.join(", "),
                        ids[0] + 1000,
                    ));
                }
                if t.name == "t_int" && image == Image::Full {
                    sql.push(format!(
                        "INSERT INTO {name} (id, i, nn) VALUES ({}, 5, 5), (999, 9, 9) \
                         ON DUPLICATE KEY UPDATE i = 77, biu = 18446744073709551615;",
                        ids[ids.len() - 1]
                    ));
                }
            }
            None => {
                // No key: copies (duplicates), updates and deletes picked by LIMIT.
                let first = t.nullable(true);
                let Some(first) = first.first() else { continue };
                sql.push(format!(
                    "BEGIN; INSERT INTO {name} ({}) SELECT {} FROM {name};",
                    cols.join(", "),
                    cols.join(", ")
                ));
                sql.push(format!(
                    "UPDATE {name} SET {} = NULL WHERE {} IS NOT NULL LIMIT 3; COMMIT;",
                    quote(first),
                    quote(first)
                ));
                sql.push(format!("DELETE FROM {name} LIMIT 4;"));
            }
        }
        batches.push(sql.join("\n"));
    }
    batches
}

/// The extra rows and table the workload needs: t_nopk again (the types workload ends
/// by truncating it) with duplicates and rows differing only in case and trailing
/// spaces, and a table without a key holding FLOAT, DOUBLE, temporals with fractions and
/// zero values, BIT, ENUM and a BLOB, which the undo must find by value.
const EXTRA_SEED: &str = "
SET NAMES utf8mb4;
USE binlog_types;
SET SESSION sql_mode='NO_ENGINE_SUBSTITUTION';
INSERT INTO t_nopk VALUES (1, 'one', 'blob1'), (2, 'two', NULL), (2, 'two', NULL),
  (2, 'TWO', NULL), (2, 'two ', NULL), (NULL, NULL, NULL), (3, '', X'00');
CREATE TABLE t_nopk_types (
  f FLOAT NULL, d DOUBLE NULL, c VARCHAR(5) CHARACTER SET utf8mb4 NULL,
  dt DATETIME(6) NULL, ts TIMESTAMP(3) NULL DEFAULT NULL, t TIME(2) NULL,
  b BIT(5) NULL, e ENUM('x', 'y') NULL, s SET('p', 'q') NULL, bl BLOB NULL,
  dec_col DECIMAL(30, 10) NULL, y YEAR NULL
) ENGINE=InnoDB;
INSERT INTO t_nopk_types VALUES
  (0.1, 0.1, 'a', '2020-01-01 00:00:00.000001', '2001-02-03 04:05:06.789', '-01:02:03.45',
   b'10101', 'x', 'p,q', 'blob', -12345678901234567890.0123456789, 2155),
  (0.1, 0.1, 'A', '2020-01-01 00:00:00.000001', '2001-02-03 04:05:06.789', '-01:02:03.45',
   b'10101', 'x', 'p,q', 'blob', -12345678901234567890.0123456789, 2155),
  (0.1, 0.1, 'a ', '2020-01-01 00:00:00.000001', '2001-02-03 04:05:06.789', '-01:02:03.45',
   b'10101', 'x', 'p,q', 'blob', -12345678901234567890.0123456789, 2155),
  (0.1, 0.1, 'a', '2020-01-01 00:00:00.000001', '2001-02-03 04:05:06.789', '-01:02:03.45',
   b'10101', 'x', 'p,q', 'blob', -12345678901234567890.0123456789, 2155),
  (3.40282e38, 1.7976931348623157e308, 'żółw', '0000-00-00 00:00:00', '0000-00-00 00:00:00',
   '838:59:59', b'0', 'y', '', '', 0, 0),
  (-1.17549e-38, 4.9e-324, '😀', '9999-12-31 23:59:59.999999', '2038-01-19 03:14:07.999',
   '-838:59:59', b'11111', NULL, 'q', X'00FF', 0.0000000001, 1901),
  (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
";

/// A server holding the types workload (as types-statement.bin logged it) and the
/// extra rows, or None (skipped).
fn seeded_server(name: &str) -> Option<Server> {
    let root = common::shared_fixtures()?;
    let server = Server::start(name, &SERVER_OPTIONS)?;
    // The workload of types-row.bin, as the statements the server logged for it in
    // types-statement.bin, replayed by the server's own tool.
    let replay = Command::new("mariadb-binlog")
        .arg(root.join("mariadb/types-statement.bin"))
        .output()
        .expect("mariadb-binlog runs");
    assert!(replay.status.success(), "mariadb-binlog: {:?}", replay);
    server.client(&[], &replay.stdout);
    server.client(&[], EXTRA_SEED.as_bytes());
    Some(server)
}

/// Runs `batches` of SQL.
fn run(server: &Server, batches: &[String]) {
    for b in batches {
        server.client(&[], b.as_bytes());
    }
}

/// Tables whose content differs between two snapshots.
fn changed(a: &BTreeMap<String, String>, b: &BTreeMap<String, String>) -> Vec<String> {
    a.iter()
        .filter(|(t, v)| b.get(*t) != Some(*v))
        .map(|(t, _)| t.clone())
        .collect()
}

/// Replays a flashback and checks that every table is back to `before`.
fn assert_restored(
    server: &Server,
    tables: &[Table],
    before: &BTreeMap<String, String>,
    sql: &str,
    what: &str,
) {
    server.client(&[], sql.as_bytes());
    let after = snapshot(server, tables);
    for (t, content) in before {
        assert_eq!(
            after.get(t),
            Some(content),
            "{what}: table {t} is not back to its earlier content"
        );
    }
}

#[test]
fn flashback_replayed_on_mariadb_restores_every_table() {
    let Some(server) = seeded_server("flash") else {
        return;
    };
    let tables = tables(&server);
    assert!(
        tables.len() >= 20,
        "the types workload's tables: {tables:?}"
    );
    let before = snapshot(&server, &tables);

    // 1. Every change of a FULL-image workload, undone.
    let (file, start) = position(&server);
    run(&server, &workload(&server, &tables, Image::Full));
    let during = snapshot(&server, &tables);
    let touched = changed(&before, &during);
    assert_eq!(
        touched.len(),
        tables.len(),
        "the workload changes every table (unchanged: {:?})",
        tables
            .iter()
            .filter(|t| !touched.contains(&t.name))
            .map(|t| &t.name)
            .collect::<Vec<_>>()
    );
    server.flush_binlog();
    let sql = flashback_file(&file, start, &[]).expect("a flashback");
    let undone = undo_statements(&sql);
    let bytes = std::fs::read(&file).expect("the binlog");
    assert!(undone > 0);
    assert_restored(&server, &tables, &before, &sql, "FULL images");
    eprintln!(
        "flashback: {} tables, {undone} row changes undone ({} bytes of binlog, {} of SQL)",
        tables.len(),
        bytes.len() as u64 - start,
        sql.len()
    );

    // 2. --table: the undo of one table leaves the others changed.
    let (file, start) = position(&server);
    run(&server, &workload(&server, &tables, Image::Full));
    server.flush_binlog();
    let sql = flashback_file(&file, start, &["binlog_types.t_int"]).expect("a flashback");
    eprintln!(
        "flashback --table t_int: {} row changes undone",
        undo_statements(&sql)
    );
    assert!(sql.contains("`t_int`") && !sql.contains("`t_string`"));
    server.client(&[], sql.as_bytes());
    let after = snapshot(&server, &tables);
    assert_eq!(after["t_int"], before["t_int"], "t_int is undone");
    let still = changed(&before, &after);
    assert_eq!(still.len(), tables.len() - 1, "the others stay changed");
    // The rest, undone with a pattern for all but t_int.
    let rest: Vec<String> = tables
        .iter()
        .filter(|t| t.name != "t_int")
        .map(|t| format!("{DB}.{}", t.name))
        .collect();
    let rest: Vec<&str> = rest.iter().map(String::as_str).collect();
    let sql = flashback_file(&file, start, &rest).expect("a flashback");
    assert_restored(&server, &tables, &before, &sql, "--table for the others");

    // 3. NOBLOB images: everything but changes to BLOB/TEXT columns and deletes of rows
    // holding them is undone.
    let (file, start) = position(&server);
    run(&server, &workload(&server, &tables, Image::Noblob));
    assert!(!changed(&before, &snapshot(&server, &tables)).is_empty());
    server.flush_binlog();
    let sql = flashback_file(&file, start, &[]).expect("a NOBLOB flashback");
    eprintln!(
        "flashback NOBLOB: {} row changes undone",
        undo_statements(&sql)
    );
    assert_restored(&server, &tables, &before, &sql, "NOBLOB images");

    // 4. MINIMAL images: inserts (the key is in the image) and the changes to tables
    // without a key (whose before images are whole) are undone.
    let (file, start) = position(&server);
    run(&server, &workload(&server, &tables, Image::Minimal));
    assert!(!changed(&before, &snapshot(&server, &tables)).is_empty());
    server.flush_binlog();
    let sql = flashback_file(&file, start, &[]).expect("a MINIMAL flashback");
    eprintln!(
        "flashback MINIMAL: {} row changes undone",
        undo_statements(&sql)
    );
    assert_restored(&server, &tables, &before, &sql, "MINIMAL images");

    // 5. What such images cannot undo is refused, naming the columns whose old values
    // are not in the binlog.
    let (file, start) = position(&server);
    server.sql(
        "SET SESSION binlog_row_image=MINIMAL; UPDATE binlog_types.t_int SET i = 1 WHERE id = 1",
    );
    server.flush_binlog();
    let err = flashback_file(&file, start, &[]).expect_err("refused");
    assert!(
        err.contains("the before image lacks the old values of `i`")
            && err.contains("binlog_row_image=FULL"),
        "{err}"
    );
    let (file, start) = position(&server);
    server.sql("SET SESSION binlog_row_image=NOBLOB; DELETE FROM binlog_types.t_text WHERE id = 1");
    server.flush_binlog();
    let err = flashback_file(&file, start, &[]).expect_err("refused");
    assert!(
        err.contains("the deleted row's image holds 1 of 7 columns") && err.contains("`tt`"),
        "{err}"
    );
}
