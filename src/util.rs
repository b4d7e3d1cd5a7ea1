//! Small helpers shared across modules.

/// Appends `bytes` as lowercase hex.
pub(crate) fn push_hex(out: &mut String, bytes: &[u8]) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    out.reserve(bytes.len() * 2);
    for &b in bytes {
        for nibble in [b >> 4, b & 0x0f] {
            if let Some(&d) = DIGITS.get(usize::from(nibble)) {
                out.push(char::from(d));
            }
        }
    }
}

/// The decimal digits of an integer, zero-padded to a width: formatting without
/// `core::fmt`, for the row printers' hot paths.
pub(crate) struct Digits {
    buf: [u8; 20],
    start: usize,
}

impl Digits {
    /// The digits of `v`, at least `width` of them.
    pub(crate) fn new(mut v: u64, width: usize) -> Self {
        let mut buf = [b'0'; 20];
        let mut start = buf.len();
        loop {
            start -= 1;
            if let Some(slot) = buf.get_mut(start) {
                *slot = b'0' + (v % 10) as u8;
            }
            v /= 10;
            if v == 0 {
                break;
            }
        }
        Digits {
            buf,
            start: start.min(20usize.saturating_sub(width)),
        }
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.buf.get(self.start..).unwrap_or_default()
    }
}

/// A buffer ASCII text can be appended to: a `String` (JSON rendering) or a byte
/// vector (`mysqlbinlog` text), so one writer serves both without a copy.
pub(crate) trait AsciiOut {
    /// Appends one ASCII byte.
    fn push_ascii(&mut self, b: u8);
    /// Appends ASCII bytes.
    fn push_ascii_slice(&mut self, bytes: &[u8]);
}

impl AsciiOut for Vec<u8> {
    fn push_ascii(&mut self, b: u8) {
        self.push(b);
    }
    fn push_ascii_slice(&mut self, bytes: &[u8]) {
        self.extend_from_slice(bytes);
    }
}

impl AsciiOut for String {
    fn push_ascii(&mut self, b: u8) {
        self.push(char::from(b));
    }
    fn push_ascii_slice(&mut self, bytes: &[u8]) {
        self.extend(bytes.iter().map(|&b| char::from(b)));
    }
}

/// Short ASCII text formatted on the stack, without an allocation (a float's
/// scientific form, to compare with its plain one). Bytes beyond `N` are dropped.
#[derive(Clone, Copy)]
pub(crate) struct StackText<const N: usize> {
    buf: [u8; N],
    len: usize,
}

impl<const N: usize> StackText<N> {
    pub(crate) fn new() -> Self {
        StackText {
            buf: [0; N],
            len: 0,
        }
    }

    /// Appends ASCII bytes (anything else would break `as_str`, so it is dropped).
    pub(crate) fn push_ascii(&mut self, bytes: &[u8]) {
        for &b in bytes {
            if !b.is_ascii() {
                continue;
            }
            if let Some(slot) = self.buf.get_mut(self.len) {
                *slot = b;
                self.len += 1;
            }
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII was written.
        std::str::from_utf8(self.buf.get(..self.len).unwrap_or_default()).unwrap_or_default()
    }
}

impl<const N: usize> std::fmt::Write for StackText<N> {
    /// Fails, writing nothing, when `s` is not ASCII or does not fit.
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        if !s.is_ascii() || s.len() > N - self.len {
            return Err(std::fmt::Error);
        }
        self.push_ascii(s.as_bytes());
        Ok(())
    }
}

/// Appends the decimal digits of `v`, at least `width` of them (zero-padded). Pushed as
/// characters: cheaper for a few digits than validating them as a `str`.
pub(crate) fn push_digits(out: &mut String, v: u64, width: usize) {
    out.extend(
        Digits::new(v, width)
            .as_bytes()
            .iter()
            .map(|&b| char::from(b)),
    );
}

/// Appends `v` in decimal, with its sign.
pub(crate) fn push_i64(out: &mut String, v: i64) {
    if v < 0 {
        out.push('-');
    }
    push_digits(out, v.unsigned_abs(), 1);
}

/// Lowercase hex of `bytes`.
#[cfg(feature = "serde")]
pub(crate) fn hex(bytes: &[u8]) -> String {
    let mut s = String::new();
    push_hex(&mut s, bytes);
    s
}
