//! A ZIP archive of deflated entries (APPNOTE 6.3: local headers, central
//! directory, end record), enough for an OOXML package. Written by hand: a few
//! dozen lines against a new dependency; entries are dated 1980-01-01 so the same
//! content gives the same bytes.

use std::io::Write as _;

use flate2::{Compression, Crc, write::DeflateEncoder};

/// Flag bit 11: names are UTF-8.
const UTF8: u16 = 1 << 11;
/// Method 8: deflate.
const DEFLATE: u16 = 8;
/// 1980-01-01 in MS-DOS date format.
const DOS_DATE: u16 = (1 << 5) | 1;

struct Entry {
    name: String,
    crc: u32,
    compressed: u32,
    size: u32,
    offset: u32,
}

/// Builds an archive in memory.
#[derive(Default)]
pub struct ZipWriter {
    bytes: Vec<u8>,
    entries: Vec<Entry>,
}

fn u32_of(n: usize) -> anyhow::Result<u32> {
    u32::try_from(n).map_err(|_| anyhow::anyhow!("a file over 4 GiB"))
}

impl ZipWriter {
    /// Adds `name` with `content`, deflated.
    pub fn add(&mut self, name: &str, content: &[u8]) -> anyhow::Result<()> {
        let mut crc = Crc::new();
        crc.update(content);
        let mut encoder = DeflateEncoder::new(Vec::new(), Compression::default());
        encoder.write_all(content)?;
        let data = encoder.finish()?;
        let entry = Entry {
            name: name.to_string(),
            crc: crc.sum(),
            compressed: u32_of(data.len())?,
            size: u32_of(content.len())?,
            offset: u32_of(self.bytes.len())?,
        };
        let b = &mut self.bytes;
        b.extend_from_slice(&0x0403_4b50_u32.to_le_bytes());
        for v in [20u16, UTF8, DEFLATE, 0, DOS_DATE] {
            b.extend_from_slice(&v.to_le_bytes());
        }
        for v in [entry.crc, entry.compressed, entry.size] {
            b.extend_from_slice(&v.to_le_bytes());
        }
        b.extend_from_slice(&u16::try_from(name.len())?.to_le_bytes());
        b.extend_from_slice(&0u16.to_le_bytes());
        b.extend_from_slice(name.as_bytes());
        b.extend_from_slice(&data);
        self.entries.push(entry);
        Ok(())
    }

    /// The finished archive.
    pub fn finish(mut self) -> anyhow::Result<Vec<u8>> {
        let start = u32_of(self.bytes.len())?;
        let b = &mut self.bytes;
        for e in &self.entries {
            b.extend_from_slice(&0x0201_4b50_u32.to_le_bytes());
            for v in [20u16, 20, UTF8, DEFLATE, 0, DOS_DATE] {
                b.extend_from_slice(&v.to_le_bytes());
            }
            for v in [e.crc, e.compressed, e.size] {
                b.extend_from_slice(&v.to_le_bytes());
            }
            b.extend_from_slice(&u16::try_from(e.name.len())?.to_le_bytes());
            // Extra, comment, disk, internal attributes: none.
            for _ in 0..4 {
                b.extend_from_slice(&0u16.to_le_bytes());
            }
            // External attributes, then where the local header is.
            b.extend_from_slice(&0u32.to_le_bytes());
            b.extend_from_slice(&e.offset.to_le_bytes());
            b.extend_from_slice(e.name.as_bytes());
        }
        let size = u32_of(b.len())? - start;
        let count = u16::try_from(self.entries.len())?;
        b.extend_from_slice(&0x0605_4b50_u32.to_le_bytes());
        for v in [0u16, 0, count, count] {
            b.extend_from_slice(&v.to_le_bytes());
        }
        b.extend_from_slice(&size.to_le_bytes());
        b.extend_from_slice(&start.to_le_bytes());
        b.extend_from_slice(&0u16.to_le_bytes());
        Ok(self.bytes)
    }
}
