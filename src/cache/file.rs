//! One cache file: a header (magic, layout, key, the sections' lengths and checksums, and the
//! header's own checksum) and the sections, written through a temporary file and a rename. A
//! section is read only when asked for, and handed out only when its checksum holds.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::Mutex;

use xxhash_rust::xxh3::xxh3_64;

use crate::files::Durability;

/// What every cache file starts with.
const MAGIC: &[u8; 8] = b"PRIVCAT\x1a";
/// The layout of the header; a file of another layout is not read.
const LAYOUT: u32 = 3;
/// Magic, layout, key, section count.
const FIXED: usize = 8 + 4 + 16 + 4;
/// Per section: length and checksum.
const ENTRY: usize = 8 + 8;
/// The most sections a file may have, so that a foreign header cannot ask for a large table.
const MAX_SECTIONS: usize = 16;

/// Where one section lies and what its bytes hash to.
#[derive(Debug, Clone, Copy)]
struct Span {
    start: u64,
    len: u64,
    checksum: u64,
}

/// An open cache file whose header holds: its sections can be read one by one.
#[derive(Debug)]
pub struct Stored {
    file: Mutex<File>,
    spans: Vec<Span>,
}

impl Stored {
    /// The cache file at `path` if it is a whole file for `key` with `sections` sections: its
    /// header and table check and its length is what they add up to. `None` for a missing,
    /// truncated or foreign file, or one that is not a regular file.
    pub fn open(path: &Path, key: u128, sections: usize) -> Option<Stored> {
        let (mut file, meta) = crate::files::open(path).ok()?;
        if !meta.is_file() {
            return None;
        }
        let mut fixed = [0u8; FIXED];
        file.read_exact(&mut fixed).ok()?;
        let (magic, rest) = fixed.split_at(8);
        let (layout, rest) = rest.split_at(4);
        let (stored_key, count) = rest.split_at(16);
        let count = usize::try_from(u32::from_le_bytes(count.try_into().ok()?)).ok()?;
        if magic != MAGIC
            || u32::from_le_bytes(layout.try_into().ok()?) != LAYOUT
            || u128::from_le_bytes(stored_key.try_into().ok()?) != key
            || count != sections
            || count > MAX_SECTIONS
        {
            return None;
        }
        let mut table = vec![0u8; count * ENTRY + 8];
        file.read_exact(&mut table).ok()?;
        let (entries, checksum) = table.split_at(count * ENTRY);
        let mut header = fixed.to_vec();
        header.extend_from_slice(entries);
        if xxh3_64(&header) != u64::from_le_bytes(checksum.try_into().ok()?) {
            return None;
        }
        let mut start = u64::try_from(FIXED + table.len()).ok()?;
        let mut spans = Vec::with_capacity(count);
        for entry in entries.chunks_exact(ENTRY) {
            let (len, checksum) = entry.split_at(8);
            let len = u64::from_le_bytes(len.try_into().ok()?);
            spans.push(Span {
                start,
                len,
                checksum: u64::from_le_bytes(checksum.try_into().ok()?),
            });
            start = start.checked_add(len)?;
        }
        (start == meta.len()).then(|| Stored {
            file: Mutex::new(file),
            spans,
        })
    }

    /// The bytes of section `index`, checked against its checksum, or `None`.
    pub fn section(&self, index: usize) -> Option<Vec<u8>> {
        let span = self.spans.get(index)?;
        let mut bytes = vec![0u8; usize::try_from(span.len).ok()?];
        let mut file = self.file.lock().ok()?;
        file.seek(SeekFrom::Start(span.start)).ok()?;
        file.read_exact(&mut bytes).ok()?;
        (xxh3_64(&bytes) == span.checksum).then_some(bytes)
    }
}

/// Writes `sections` for `key` to `path`: to a temporary file in the same folder, then renamed over
/// `path`, so that a reader sees the old file or the new one, never half of one.
pub fn write(path: &Path, key: u128, sections: &[&[u8]]) -> anyhow::Result<()> {
    let mut header = Vec::with_capacity(FIXED + sections.len() * ENTRY + 8);
    header.extend_from_slice(MAGIC);
    header.extend_from_slice(&LAYOUT.to_le_bytes());
    header.extend_from_slice(&key.to_le_bytes());
    header.extend_from_slice(&u32::try_from(sections.len())?.to_le_bytes());
    for section in sections {
        header.extend_from_slice(&u64::try_from(section.len())?.to_le_bytes());
        header.extend_from_slice(&xxh3_64(section).to_le_bytes());
    }
    let checksum = xxh3_64(&header);
    header.extend_from_slice(&checksum.to_le_bytes());
    // Not synced to disk: a file a crash cuts short fails its checks and is written anew.
    crate::files::write_atomically_with(path, Durability::Checked, |out| {
        out.write_all(&header)?;
        for section in sections {
            out.write_all(section)?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(path: &Path, key: u128) -> Option<Vec<Vec<u8>>> {
        let stored = Stored::open(path, key, 2)?;
        (0..2).map(|i| stored.section(i)).collect()
    }

    #[test]
    fn a_file_is_read_back_only_whole_and_for_its_key() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k.cache");
        write(&path, 7, &[b"first", b"second"]).unwrap();
        let both = vec![b"first".to_vec(), b"second".to_vec()];
        assert_eq!(read_all(&path, 7), Some(both));
        let stored = Stored::open(&path, 7, 2).unwrap();
        assert_eq!(
            stored.section(1).as_deref(),
            Some(&b"second"[..]),
            "one section alone"
        );
        assert!(Stored::open(&path, 8, 2).is_none(), "another key's file");
        assert!(Stored::open(&path, 7, 3).is_none(), "another count of sections");
        let whole = std::fs::read(&path).unwrap();
        std::fs::write(&path, &whole[..whole.len() - 1]).unwrap();
        assert!(Stored::open(&path, 7, 2).is_none(), "truncated");
        for at in [whole.len() - 1, FIXED + 3, 2] {
            let mut flipped = whole.clone();
            flipped[at] ^= 1;
            std::fs::write(&path, &flipped).unwrap();
            assert_eq!(read_all(&path, 7), None, "a changed byte at {at}");
        }
        std::fs::write(&path, b"PRIVCAT").unwrap();
        assert!(Stored::open(&path, 7, 2).is_none(), "shorter than a header");
        assert!(Stored::open(&dir.path().join("none"), 7, 2).is_none(), "missing");
    }

    #[test]
    fn a_section_changed_after_opening_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k.cache");
        write(&path, 7, &[b"first", b"second"]).unwrap();
        let stored = Stored::open(&path, 7, 2).unwrap();
        let mut bytes = std::fs::read(&path).unwrap();
        *bytes.last_mut().unwrap() ^= 1;
        // Written in place, as a rename would leave the open file as it was.
        std::fs::OpenOptions::new()
            .write(true)
            .open(&path)
            .and_then(|mut f| std::io::Write::write_all(&mut f, &bytes))
            .unwrap();
        assert_eq!(stored.section(0).as_deref(), Some(&b"first"[..]));
        assert_eq!(stored.section(1), None);
    }
}
