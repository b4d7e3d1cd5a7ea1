//! The semantic oracle `mysql-server-5.6/binlog_old_versions.result`: MySQL's test pipes
//! `mysqlbinlog --local-load=<dir> <binlog> | mysql --local-infile=1` for binlogs of old
//! server versions and prints the tables afterwards. We do the same with binlogdump's
//! default text output (MySQL 5.6 wording, as the test's mysqlbinlog) into a real MariaDB
//! server, and compare the tables with what the result file says: rows written as
//! statements, with INTVAR/RAND/user variables, as row events of every old generation, and
//! with LOAD DATA, whose file the dump rebuilds from the binlog's blocks.

mod common;

use std::process::Command;

/// The result file's sections: `==== <title> ====` followed by the `SELECT`s' outputs
/// (header line and rows, tab-separated), until the `DROP TABLE` line.
fn sections(result: &str) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for line in result.lines() {
        if let Some(title) = line
            .strip_prefix("==== ")
            .and_then(|l| l.strip_suffix(" ===="))
        {
            out.push((title.to_owned(), Vec::new()));
        } else if let Some((_, lines)) = out.last_mut() {
            if !line.starts_with("DROP TABLE") && !line.starts_with("***") {
                lines.push(line.to_owned());
            }
        }
    }
    out
}

#[test]
fn old_binlogs_replay_to_the_tables_mysql_test_expects() {
    let Some(bin) = common::binlogdump() else {
        eprintln!("NOTICE: binlogdump is not built; skipping");
        return;
    };
    let Some(root) = common::shared_fixtures() else {
        return;
    };
    let mysql = root.join("mysql");
    let result =
        std::fs::read_to_string(mysql.join("oracles/mysql-server-5.6/binlog_old_versions.result"))
            .expect("the result file");
    let sections = sections(&result);
    let Some(server) = common::mariadb::Server::start("replay", &[]) else {
        return;
    };
    let std_data = mysql.join("mysql-server-std_data/mysql-test/suite/binlog/std_data");
    let load_dir = server.dir().join("load");
    std::fs::create_dir_all(&load_dir).expect("load dir");
    // The section titles and their binlogs (the .test file's order); the alcatel tree's
    // section is commented out in the test, and 5.1.17's binlog is not in the corpus.
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "Read binlog with v2 row events",
            "ver_trunk_row_v2.001",
            &["t1", "t2", "t3"],
        ),
        (
            "Read modern binlog (version 5.1.23)",
            "ver_5_1_23.001",
            &["t1", "t2", "t3"],
        ),
        (
            "Read binlog from ndb tree (mysql-5.1-telco-6.1)",
            "ver_5_1-telco.001",
            &["t1", "t2", "t3"],
        ),
        // 4.1 (binlog v3): t3 is filled by a pre-5.0 LOAD DATA (CREATE_FILE,
        // APPEND_BLOCKs, EXEC_LOAD), whose file the dump rebuilds.
        (
            "Read binlog from version 4.1",
            "binlog_old_version_4_1.000001",
            &["t1", "t3"],
        ),
    ];
    let mut checked = 0;
    for (title, file, tables) in cases {
        let expected = &sections
            .iter()
            .find(|(t, _)| t == title)
            .unwrap_or_else(|| panic!("no section {title:?} in the result"))
            .1;
        server.sql("DROP DATABASE IF EXISTS test; CREATE DATABASE test");
        let dump = Command::new(&bin)
            .args(["--compat=mysql-5.6", "--local-load"])
            .arg(&load_dir)
            .arg(std_data.join(file))
            .output()
            .expect("binlogdump runs");
        assert!(
            dump.status.success(),
            "{file}: {}",
            String::from_utf8_lossy(&dump.stderr)
        );
        server.client(&["--local-infile=1", "test"], &dump.stdout);
        // The test's own queries, printed as the result file prints them.
        let mut got = Vec::new();
        for table in *tables {
            let query = if *table == "t3" {
                "SELECT COUNT(*) FROM t3;".to_owned()
            } else {
                format!("SELECT * FROM {table} ORDER BY a;")
            };
            got.push(query.clone());
            let out = server.client(&["--batch", "test"], query.as_bytes());
            got.extend(
                String::from_utf8_lossy(&out.stdout)
                    .lines()
                    .map(str::to_owned),
            );
        }
        assert_eq!(&got, expected, "{file}: the tables after the replay");
        checked += 1;
    }
    eprintln!("binlog_old_versions: {checked} binlogs replayed to the expected tables");
}
