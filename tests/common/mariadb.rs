//! A throwaway MariaDB server for the tests that compare with a real one, run through
//! `scripts/mariadb-sandbox.sh` (which installs Debian's server when it can).
//!
//! Without MariaDB the tests skip with a notice; with `BINLOGKIT_REQUIRE_MARIADB=1`
//! (the README's test command, CI) they fail instead.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Whether a missing MariaDB fails the test instead of skipping it.
pub fn required() -> bool {
    std::env::var_os("BINLOGKIT_REQUIRE_MARIADB").is_some_and(|v| v == "1")
}

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/mariadb-sandbox.sh")
}

/// A running server in its own directory; stopped (and the directory removed) on drop.
#[derive(Debug)]
pub struct Server {
    dir: PathBuf,
    keep: bool,
}

static NEXT: AtomicUsize = AtomicUsize::new(0);

impl Server {
    /// Starts a fresh server with `extra` mariadbd options (`--binlog-format=ROW`...), or
    /// `None` with a notice when MariaDB is absent and not [`required`]. The binlogs are
    /// `<dir>/binlog.NNNNNN`.
    pub fn start(name: &str, extra: &[&str]) -> Option<Server> {
        let ensure = Command::new(script())
            .arg("ensure")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output();
        match ensure {
            Ok(o) if o.status.success() => {}
            other => {
                let why = match other {
                    Ok(o) => String::from_utf8_lossy(&o.stderr).into_owned(),
                    Err(e) => e.to_string(),
                };
                assert!(!required(), "MariaDB is required but not available: {why}");
                eprintln!("NOTICE: MariaDB is not available; skipping ({why})");
                return None;
            }
        }
        // Short: the unix socket path is limited to 107 bytes.
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("bk-{}-{name}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let out = Command::new(script())
            .arg("start")
            .arg(&dir)
            .args(extra)
            .output()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}", script().display()));
        assert!(
            out.status.success(),
            "the sandbox server did not start: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Some(Server {
            dir,
            keep: std::env::var_os("BINLOGKIT_KEEP_SANDBOX").is_some(),
        })
    }

    /// The server's directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The path of binlog number `n` (1 for `binlog.000001`).
    pub fn binlog(&self, n: u32) -> PathBuf {
        self.dir.join(format!("binlog.{n:06}"))
    }

    /// Runs the `mariadb` client with `args`, feeding `input`; panics with the client's
    /// message when it fails.
    pub fn client(&self, args: &[&str], input: &[u8]) -> Output {
        self.try_client(args, input)
            .unwrap_or_else(|e| panic!("mariadb client failed: {e}"))
    }

    /// Runs the `mariadb` client with `args`, feeding `input`; the client's error message
    /// when it fails.
    pub fn try_client(&self, args: &[&str], input: &[u8]) -> Result<Output, String> {
        use std::io::Write;
        let mut child = Command::new(script())
            .arg("sql")
            .arg(&self.dir)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot run the mariadb client: {e}"))?;
        if let Some(mut stdin) = child.stdin.take() {
            // A client that exits early closes the pipe; its status says why.
            let _ = stdin.write_all(input);
        }
        let out = child
            .wait_with_output()
            .map_err(|e| format!("mariadb client: {e}"))?;
        if out.status.success() {
            Ok(out)
        } else {
            Err(String::from_utf8_lossy(&out.stderr).into_owned())
        }
    }

    /// Runs `sql` (any number of statements) and returns what the client printed in batch
    /// mode (`--batch --skip-column-names`: tab-separated rows, `NULL` for nulls).
    pub fn sql(&self, sql: &str) -> String {
        let out = self.client(&["--batch", "--skip-column-names"], sql.as_bytes());
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Runs `sql` and returns one string (the first column of the first row).
    pub fn value(&self, sql: &str) -> String {
        self.sql(sql).lines().next().unwrap_or_default().to_owned()
    }

    /// `FLUSH BINARY LOGS` and the name of the binlog that was being written (now
    /// complete).
    pub fn flush_binlog(&self) -> PathBuf {
        let current = self.sql("SHOW MASTER STATUS");
        let file = current
            .split('\t')
            .next()
            .unwrap_or_default()
            .trim()
            .to_owned();
        self.sql("FLUSH BINARY LOGS");
        self.dir.join(file)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = Command::new(script())
            .arg("stop")
            .arg(&self.dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        if !self.keep {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}
