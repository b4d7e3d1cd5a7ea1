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

    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII digits were written.
        std::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }
}

/// Appends `v` in decimal, with its sign.
pub(crate) fn push_i64(out: &mut String, v: i64) {
    if v < 0 {
        out.push('-');
    }
    out.push_str(Digits::new(v.unsigned_abs(), 1).as_str());
}

/// Lowercase hex of `bytes`.
#[cfg(feature = "serde")]
pub(crate) fn hex(bytes: &[u8]) -> String {
    let mut s = String::new();
    push_hex(&mut s, bytes);
    s
}
