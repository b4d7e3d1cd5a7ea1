//! Line-based parsers for the text that real tools printed about binlogs: `mysqlbinlog` /
//! `mariadb-binlog` output (plain, `--hexdump`, `--short-form`, with or without `-v`), and
//! `SHOW BINLOG EVENTS` as a `mysql` client table or as tab-separated `--batch` output.
//!
//! Nothing here knows the library: these functions turn oracle text into plain values that
//! `tests/oracles.rs` compares with what the library decoded. Each value keeps the (1-based)
//! line number it came from, for failure messages.
#![allow(dead_code)]

/// One line of an oracle file (without its `\n` / `\r\n`), with its 1-based number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub no: usize,
    pub text: String,
}

/// Splits an oracle file into lines. The file is read as bytes (some oracles hold raw,
/// non-UTF-8 bytes from BLOB columns); each line is converted lossily. A UTF-8 BOM is
/// dropped.
pub fn read_lines(bytes: &[u8]) -> Vec<Line> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut out = Vec::new();
    let mut rest = bytes;
    let mut no = 0;
    while !rest.is_empty() {
        no += 1;
        let (line, next) = match rest.iter().position(|&b| b == b'\n') {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, &rest[rest.len()..]),
        };
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        out.push(Line {
            no,
            text: String::from_utf8_lossy(line).into_owned(),
        });
        rest = next;
    }
    out
}

/// Days from 1970-01-01 to the given civil date (proleptic Gregorian).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// A date and time as a tool printed it, in the (unknown) local zone of its machine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PrintedTime {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
}

impl PrintedTime {
    /// Parses mysqlbinlog's `YYMMDD` and `H:MM:SS` (the hour may be space-padded, so it
    /// arrives here without the padding).
    pub fn from_yymmdd(date: &str, time: &str) -> Option<PrintedTime> {
        if date.len() != 6 || !date.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let yy: i64 = date[0..2].parse().ok()?;
        let (hour, minute, second) = parse_hms(time)?;
        Some(PrintedTime {
            year: if yy < 70 { 2000 + yy } else { 1900 + yy },
            month: date[2..4].parse().ok()?,
            day: date[4..6].parse().ok()?,
            hour,
            minute,
            second,
        })
    }

    /// Parses `YYYY-MM-DD` and `HH:MM:SS` (any fraction after the seconds is ignored).
    pub fn from_iso(date: &str, time: &str) -> Option<PrintedTime> {
        let mut d = date.split('-');
        let year = d.next()?.parse().ok()?;
        let month = d.next()?.parse().ok()?;
        let day = d.next()?.parse().ok()?;
        let time = time.split('.').next()?;
        let (hour, minute, second) = parse_hms(time)?;
        Some(PrintedTime {
            year,
            month,
            day,
            hour,
            minute,
            second,
        })
    }

    /// Seconds since the epoch, reading the printed time as if it were UTC.
    pub fn as_if_utc(&self) -> i64 {
        days_from_civil(self.year, self.month, self.day) * 86_400
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
    }
}

fn parse_hms(time: &str) -> Option<(u32, u32, u32)> {
    let mut t = time.split(':');
    let h = t.next()?.trim().parse().ok()?;
    let m = t.next()?.parse().ok()?;
    let s = t.next()?.parse().ok()?;
    if t.next().is_some() {
        return None;
    }
    Some((h, m, s))
}

/// The header line mysqlbinlog prints for every event:
/// `#YYMMDD HH:MM:SS server id N  end_log_pos N [CRC32 0x%08x] \t<description>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    pub time: PrintedTime,
    pub server_id: u64,
    pub end_log_pos: u64,
    pub crc: Option<u32>,
}

/// Parses a header line; returns the header and the description after the tab (absent in
/// `--hexdump` output, where the description comes after the hex dump).
pub fn parse_header(line: &str) -> Option<(Header, Option<String>)> {
    let rest = line.strip_prefix('#')?;
    if !rest.as_bytes().first()?.is_ascii_digit() {
        return None;
    }
    let (head, desc) = match rest.split_once('\t') {
        Some((h, d)) => (h, Some(d.to_string())),
        None => (rest, None),
    };
    let t: Vec<&str> = head.split_whitespace().collect();
    if t.len() < 7 || t[2] != "server" || t[3] != "id" || t[5] != "end_log_pos" {
        return None;
    }
    let time = PrintedTime::from_yymmdd(t[0], t[1])?;
    let server_id = t[4].parse().ok()?;
    let end_log_pos = t[6].parse().ok()?;
    let crc = match t.get(7..) {
        Some([]) | None => None,
        Some(["CRC32", hex]) => Some(u32::from_str_radix(hex.strip_prefix("0x")?, 16).ok()?),
        Some(_) => return None,
    };
    Some((
        Header {
            time,
            server_id,
            end_log_pos,
            crc,
        },
        desc,
    ))
}

/// The `--hexdump` bytes of an event: the position column of the first row and every byte.
#[derive(Clone, Debug, Default)]
pub struct HexDump {
    pub line: usize,
    pub position: u64,
    pub bytes: Vec<u8>,
}

/// One hexdump row: `#<position hex> <bytes hex...> [|ascii|]`.
pub fn parse_hex_row(line: &str) -> Option<(u64, Vec<u8>)> {
    let s = line.strip_prefix('#')?;
    let s = s.split('|').next()?;
    let mut tokens = s.split_whitespace();
    let position = u64::from_str_radix(tokens.next()?, 16).ok()?;
    let mut bytes = Vec::new();
    for t in tokens {
        if t.len() != 2 {
            return None;
        }
        bytes.push(u8::from_str_radix(t, 16).ok()?);
    }
    if bytes.is_empty() {
        return None;
    }
    Some((position, bytes))
}

/// Decodes standard base64 (whitespace ignored).
pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut acc = 0u32;
    let mut bits = 0;
    for c in text.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            // Padding ends one encoded piece; mysqlbinlog concatenates several.
            b'=' => {
                acc = 0;
                bits = 0;
                continue;
            }
            c if c.is_ascii_whitespace() => continue,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

/// One event as mysqlbinlog printed it.
#[derive(Clone, Debug, Default)]
pub struct OEvent {
    /// The line of the header (or of the `<#>` mask that replaced it).
    pub line: usize,
    /// `None` when a test replaced the header line with `<#>`.
    pub header: Option<Header>,
    /// The description after the header's tab (`Query\tthread_id=...`, `Xid = 5`, ...);
    /// empty when the tool printed none, `None` when the header was masked.
    pub desc: Option<String>,
    pub desc_line: usize,
    /// The lines after the description, up to the next event or `# at`.
    pub body: Vec<Line>,
    /// The `--hexdump` rows.
    pub hex: Option<HexDump>,
    /// The `BINLOG '...'` blocks printed with this event, decoded: (line, bytes).
    pub base64: Vec<(usize, Vec<u8>)>,
}

/// mysqlbinlog output: the `# at N` lines in order, and the events in order.
///
/// mysqlbinlog defers some events (USER_VAR, INTVAR, RAND before a Query; MariaDB's
/// ANNOTATE_ROWS before a TABLE_MAP): it prints several `# at` lines, then the deferred
/// events' headers. So `# at` lines and headers are two lists, each in file order, rather
/// than pairs.
#[derive(Clone, Debug, Default)]
pub struct Dump {
    pub at: Vec<(usize, u64)>,
    pub events: Vec<OEvent>,
}

/// The lines from the first `DELIMITER /*!*/;` to the following `DELIMITER ;` (exclusive
/// at both ends). A masked line `<#>DELIMITER ;` ends the section too, after giving its
/// `<#>` event.
fn delimited(lines: &[Line]) -> &[Line] {
    let start = lines
        .iter()
        .position(|l| l.text == "DELIMITER /*!*/;")
        .map_or(0, |i| i + 1);
    let rest = &lines[start..];
    let end = rest
        .iter()
        .position(|l| l.text == "DELIMITER ;")
        .unwrap_or(rest.len());
    &rest[..end]
}

/// Parses mysqlbinlog / mariadb-binlog output (default, `-v`, `-vv`, `--hexdump`,
/// `--base64-output=decode-rows`), from its first `DELIMITER /*!*/;`.
pub fn parse_dump(lines: &[Line]) -> Dump {
    let mut dump = Dump::default();
    let mut cur: Option<OEvent> = None;
    let mut hex_state = false;
    let mut base64: Option<(usize, String)> = None;
    let mut after_at = true;
    for line in delimited(lines) {
        let previous_was_at = std::mem::replace(&mut after_at, line.text.starts_with("# at "));
        if let Some((start, text)) = &mut base64 {
            if line.text.starts_with('\'') {
                let bytes = base64_decode(text).unwrap_or_default();
                if let Some(ev) = &mut cur {
                    ev.base64.push((*start, bytes));
                }
                base64 = None;
            } else {
                text.push_str(&line.text);
            }
            continue;
        }
        let mut text = line.text.as_str();
        if let Some(rest) = text.strip_prefix("<#>").filter(|_| !previous_was_at) {
            // A masked line inside an event (`/SET @@session.pseudo_thread_id.*/<#>/`).
            text = rest;
        } else if let Some(rest) = text.strip_prefix("<#>") {
            // A test masked the header line (`--replace_regex /#[0-9]{6} .*/<#>/`).
            dump.events.extend(cur.take());
            cur = Some(OEvent {
                line: line.no,
                desc_line: line.no,
                ..OEvent::default()
            });
            hex_state = false;
            text = rest;
            if text.is_empty() {
                continue;
            }
            if text == "DELIMITER ;" {
                break;
            }
        }
        if let Some(n) = text.strip_prefix("# at ") {
            if let Ok(n) = n.trim().parse() {
                dump.at.push((line.no, n));
                dump.events.extend(cur.take());
                hex_state = false;
                continue;
            }
        }
        if let Some((header, desc)) = parse_header(text) {
            dump.events.extend(cur.take());
            hex_state = desc.is_none();
            cur = Some(OEvent {
                line: line.no,
                header: Some(header),
                desc,
                desc_line: line.no,
                ..OEvent::default()
            });
            continue;
        }
        if text.starts_with("--- ") {
            // Remarks the repository's author added to the dump.
            continue;
        }
        let Some(ev) = &mut cur else {
            continue;
        };
        if hex_state {
            if text.starts_with("# Position") {
                continue;
            }
            if let Some(d) = text.strip_prefix("# \t") {
                ev.desc = Some(d.to_string());
                ev.desc_line = line.no;
                hex_state = false;
                continue;
            }
            if text.trim_end() == "#" {
                ev.desc = Some(String::new());
                ev.desc_line = line.no;
                hex_state = false;
                continue;
            }
            if let Some((position, bytes)) = parse_hex_row(text) {
                let hex = ev.hex.get_or_insert_with(|| HexDump {
                    line: line.no,
                    position,
                    bytes: Vec::new(),
                });
                hex.bytes.extend(bytes);
                continue;
            }
            // No description at all (e.g. Begin_load_query prints its own line).
            ev.desc = Some(String::new());
            ev.desc_line = line.no;
            hex_state = false;
        }
        if text == "BINLOG '" {
            base64 = Some((line.no, String::new()));
            continue;
        }
        ev.body.push(Line {
            no: line.no,
            text: text.to_string(),
        });
    }
    dump.events.extend(cur);
    dump
}

/// The statement part of a Query's body as mysqlbinlog prints it: optional `use`, the
/// `SET TIMESTAMP=...` line and the session lines (all ending in `/*!*/;`), the statement,
/// and a `/*!*/;` line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PrintedQuery {
    pub use_db: Option<(usize, String)>,
    /// (line, seconds, fraction digits if printed)
    pub timestamp: Option<(usize, u64, Option<String>)>,
    pub text_line: usize,
    pub text: String,
    /// Lines after the closing `/*!*/;` of the statement.
    pub after: Vec<Line>,
    /// The session-state lines (`SET @@session...`), in order.
    pub session: Vec<Line>,
}

/// Parses the body lines of a Query (or Execute_load_query) event.
pub fn parse_printed_query(body: &[Line]) -> Option<PrintedQuery> {
    let mut q = PrintedQuery::default();
    let mut i = 0;
    while i < body.len() {
        let t = body[i].text.as_str();
        if let Some(db) = t
            .strip_prefix("use `")
            .and_then(|r| r.strip_suffix("`/*!*/;"))
        {
            q.use_db = Some((body[i].no, db.replace("``", "`")));
        } else if let Some(ts) = t
            .strip_prefix("SET TIMESTAMP=")
            .and_then(|r| r.strip_suffix("/*!*/;"))
        {
            let (secs, frac) = match ts.split_once('.') {
                Some((s, f)) => (s, Some(f.to_string())),
                None => (ts, None),
            };
            q.timestamp = Some((body[i].no, secs.parse().ok()?, frac));
            i += 1;
            break;
        }
        i += 1;
    }
    q.timestamp.as_ref()?;
    // Session lines end in `/*!*/;`; the statement follows them, up to a `/*!*/;` line.
    while i < body.len() && body[i].text != "/*!*/;" && body[i].text.ends_with("/*!*/;") {
        q.session.push(body[i].clone());
        i += 1;
    }
    let start = i;
    while i < body.len() && body[i].text != "/*!*/;" {
        i += 1;
    }
    if i >= body.len() {
        return None;
    }
    q.text_line = body.get(start).map_or(0, |l| l.no);
    q.text = body[start..i]
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    q.after = body[i + 1..].to_vec();
    Some(q)
}

/// One item of `mysqlbinlog --short-form` output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShortItem {
    /// `ROLLBACK/*!*/;` (printed for a START / FORMAT_DESCRIPTION written at startup).
    Rollback(usize),
    /// `COMMIT/*!*/;` (an XID event).
    Commit(usize),
    /// A statement with its `use` and `SET TIMESTAMP`.
    Query(usize, PrintedQuery),
    /// Anything else, kept for the failure message.
    Other(usize, String),
}

/// Parses `mysqlbinlog --short-form` output (no `# at`, no headers), from its first
/// `DELIMITER /*!*/;`.
pub fn parse_short_form(lines: &[Line]) -> Vec<ShortItem> {
    let lines = delimited(lines);
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let l = &lines[i];
        match l.text.as_str() {
            "ROLLBACK/*!*/;" => out.push(ShortItem::Rollback(l.no)),
            "COMMIT/*!*/;" => out.push(ShortItem::Commit(l.no)),
            "BINLOG '" => {
                while i < lines.len() && !lines[i].text.starts_with('\'') {
                    i += 1;
                }
            }
            t if t.starts_with("use `") || t.starts_with("SET TIMESTAMP=") => {
                // The statement runs to the next `/*!*/;` line.
                let mut j = i;
                while j < lines.len() && lines[j].text != "/*!*/;" {
                    j += 1;
                }
                let end = (j + 1).min(lines.len());
                match parse_printed_query(&lines[i..end]) {
                    Some(q) => out.push(ShortItem::Query(l.no, q)),
                    None => out.push(ShortItem::Other(l.no, l.text.clone())),
                }
                i = end;
                continue;
            }
            t => out.push(ShortItem::Other(l.no, t.to_string())),
        }
        i += 1;
    }
    out
}

/// One row of `SHOW BINLOG EVENTS`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShowRow {
    pub line: usize,
    pub log_name: String,
    pub pos: u64,
    pub event_type: String,
    pub server_id: u64,
    pub end_log_pos: u64,
    pub info: String,
}

/// Parses `mysql --batch` output: a header line, then tab-separated rows whose Info has
/// `\n`, `\t`, `\\` and `\0` escaped.
pub fn parse_show_tsv(lines: &[Line]) -> Vec<ShowRow> {
    let mut out = Vec::new();
    for l in lines.iter().skip(1) {
        if l.text.is_empty() {
            continue;
        }
        let f: Vec<&str> = l.text.splitn(6, '\t').collect();
        if f.len() < 6 {
            continue;
        }
        let (Ok(pos), Ok(server_id), Ok(end_log_pos)) = (f[1].parse(), f[3].parse(), f[4].parse())
        else {
            continue;
        };
        out.push(ShowRow {
            line: l.no,
            log_name: f[0].to_string(),
            pos,
            event_type: f[2].to_string(),
            server_id,
            end_log_pos,
            info: unescape_batch(f[5]),
        });
    }
    out
}

fn unescape_batch(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('0') => out.push('\0'),
            Some('\\') => out.push('\\'),
            Some(o) => {
                out.push('\\');
                out.push(o);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Parses the `mysql` client's table output (`| Log_name | Pos | ... | Info |`), as
/// copied from a terminal: a row's Info may span several lines, both because the
/// statement has newlines and because the terminal wrapped the padded row; trailing
/// blanks were lost. The Info is returned with every line's trailing blanks removed and
/// blank lines at its end dropped (see `normalise_table_info`).
pub fn parse_show_table(lines: &[Line]) -> Vec<ShowRow> {
    let row_start = |t: &str| -> bool {
        let f: Vec<&str> = t.splitn(7, '|').collect();
        f.len() == 7 && f[0].is_empty() && f[2].trim().parse::<u64>().is_ok()
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !row_start(&lines[i].text) {
            i += 1;
            continue;
        }
        let first = &lines[i];
        let mut text = first.text.clone();
        i += 1;
        while i < lines.len()
            && !row_start(&lines[i].text)
            && !lines[i].text.starts_with("+-")
            && !lines[i].text.contains(" rows in set")
        {
            text.push('\n');
            text.push_str(&lines[i].text);
            i += 1;
        }
        let text = text.trim_end();
        let text = text.strip_suffix('|').unwrap_or(text);
        let f: Vec<&str> = text.splitn(7, '|').collect();
        let info = f[6].strip_prefix(' ').unwrap_or(f[6]);
        out.push(ShowRow {
            line: first.no,
            log_name: f[1].trim().to_string(),
            pos: f[2].trim().parse().unwrap_or(0),
            event_type: f[3].trim().to_string(),
            server_id: f[4].trim().parse().unwrap_or(0),
            end_log_pos: f[5].trim().parse().unwrap_or(0),
            info: normalise_table_info(info),
        });
    }
    out
}

/// The normalisation applied to both sides when comparing a `mysql` client table's Info
/// column: trailing blanks removed from every line, trailing empty lines dropped.
pub fn normalise_table_info(s: &str) -> String {
    let lines: Vec<&str> = s.split('\n').map(str::trim_end).collect();
    let mut s = lines.join("\n");
    while s.ends_with('\n') {
        s.pop();
    }
    s
}

/// The lines of `lines` from the first one equal to `marker` (exclusive) on.
pub fn after_marker<'l>(lines: &'l [Line], marker: &str) -> Option<&'l [Line]> {
    let i = lines.iter().position(|l| l.text == marker)?;
    Some(&lines[i + 1..])
}

/// The `n`-th (from 0) `DELIMITER /*!*/;` ... `DELIMITER ;` section of `lines`, delimiters
/// included (what [`parse_dump`] and [`parse_short_form`] take).
pub fn nth_section(lines: &[Line], n: usize) -> Option<&[Line]> {
    let starts: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.text == "DELIMITER /*!*/;")
        .map(|(i, _)| i)
        .collect();
    let start = *starts.get(n)?;
    let end = lines[start..]
        .iter()
        .position(|l| l.text.ends_with("DELIMITER ;"))
        .map_or(lines.len(), |e| start + e + 1);
    Some(&lines[start..end])
}
