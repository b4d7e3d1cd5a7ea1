//! MariaDB's compressed-event format (`log_bin_compress=ON`).
//!
//! | bytes | |
//! |---|---|
//! | 1 | bit 7 set; bits 4-6 algorithm (0: zlib); bits 0-2 length of the length (1-4) |
//! | 1-4 | uncompressed length, big-endian |
//! | rest | zlib stream |
//!
//! Source: MariaDB `binlog_buf_uncompress`, `binlog_get_uncompress_len` (`log_event.cc`).

use std::io::Read;

/// Decompresses a MariaDB compressed block, refusing to produce more than `limit` bytes.
pub(crate) fn mariadb_uncompress(input: &[u8], limit: u64) -> Result<Vec<u8>, &'static str> {
    let (&header, rest) = input.split_first().ok_or("the compressed block is empty")?;
    if header & 0xe0 != 0x80 {
        return Err("the compressed block's header byte is not a zlib header");
    }
    let len_len = usize::from(header & 0x07);
    if !(1..=4).contains(&len_len) {
        return Err("the compressed block's length has an invalid size");
    }
    let (len_bytes, stream) = rest
        .split_at_checked(len_len)
        .ok_or("the compressed block ends inside its length")?;
    let declared = len_bytes
        .iter()
        .fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
    if declared > limit {
        return Err("the compressed block declares more bytes than the decompression limit");
    }
    // zlib inflates at most 1032:1, so the compressed size bounds what a lying length can
    // make us reserve; reading one byte past the declared length tells a stream that
    // inflates to more than it declared.
    let plausible = (stream.len() as u64)
        .saturating_mul(1032)
        .saturating_add(64);
    let mut out = Vec::with_capacity(usize::try_from(declared.min(plausible)).unwrap_or(0));
    flate2::read::ZlibDecoder::new(stream)
        .take(declared + 1)
        .read_to_end(&mut out)
        .map_err(|_| "the zlib stream is corrupt")?;
    if out.len() as u64 != declared {
        return Err("the zlib stream does not inflate to the declared length");
    }
    Ok(out)
}

/// Decompresses the stored bytes of a MariaDB COMPRESSED column (`field_comp.cc`):
/// empty is the empty value; a 0x00 header byte precedes a value stored as it is; otherwise
/// the header's high four bits name the method (8: zlib), bit 3 says the stream is raw
/// deflate rather than zlib-wrapped, and its low three bits give the size of the original
/// length, which follows big-endian before the stream.
pub(crate) fn mariadb_column_uncompress(stored: &[u8]) -> Result<Vec<u8>, &'static str> {
    let Some((&header, rest)) = stored.split_first() else {
        return Ok(Vec::new());
    };
    if header == 0 {
        return Ok(rest.to_vec());
    }
    if header >> 4 != 8 {
        return Err("the compressed column's header names an unknown method");
    }
    let len_len = usize::from(header & 0x07);
    if !(1..=4).contains(&len_len) {
        return Err("the compressed column's length has an invalid size");
    }
    let (len_bytes, stream) = rest
        .split_at_checked(len_len)
        .ok_or("the compressed column ends inside its length")?;
    let declared = len_bytes
        .iter()
        .fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
    let plausible = (stream.len() as u64)
        .saturating_mul(1032)
        .saturating_add(64);
    let mut out = Vec::with_capacity(usize::try_from(declared.min(plausible)).unwrap_or(0));
    let read = if header & 0x08 != 0 {
        flate2::read::DeflateDecoder::new(stream)
            .take(declared + 1)
            .read_to_end(&mut out)
    } else {
        flate2::read::ZlibDecoder::new(stream)
            .take(declared + 1)
            .read_to_end(&mut out)
    };
    read.map_err(|_| "the compressed column's stream is corrupt")?;
    if out.len() as u64 != declared {
        return Err("the compressed column does not inflate to its declared length");
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn compress(data: &[u8]) -> std::io::Result<Vec<u8>> {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(data)?;
        let stream = z.finish()?;
        let mut out = vec![0x82, (data.len() >> 8) as u8, data.len() as u8];
        out.extend(stream);
        Ok(out)
    }

    #[test]
    fn round_trip_and_limits() -> std::io::Result<()> {
        let text = b"CREATE TABLE t (a INT) -- padded padded padded padded";
        let block = compress(text)?;
        assert_eq!(
            mariadb_uncompress(&block, 1 << 20).as_deref(),
            Ok(&text[..])
        );
        assert!(mariadb_uncompress(&block, 10).is_err());
        let mut lying = block.clone();
        lying[2] = lying[2].wrapping_sub(1);
        assert!(mariadb_uncompress(&lying, 1 << 20).is_err());
        assert!(mariadb_uncompress(&block[..block.len() - 3], 1 << 20).is_err());
        assert!(mariadb_uncompress(&[0x00], 100).is_err());
        assert!(mariadb_uncompress(&[], 100).is_err());
        Ok(())
    }
}
