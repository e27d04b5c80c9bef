//! One cache file: a header (magic, layout, key, length, checksum) and the payload, written through
//! a temporary file and a rename, and read back only when every part of the header holds.

use std::path::Path;

use xxhash_rust::xxh3::xxh3_64;

/// What every cache file starts with.
const MAGIC: &[u8; 8] = b"PRIVCAT\x1a";
/// The layout of the header; a file of another layout is not read.
const LAYOUT: u32 = 1;
/// Magic, layout, key, payload length, payload checksum.
const HEADER: usize = 8 + 4 + 16 + 8 + 8;

/// The payload of the file at `path`, if it is a whole cache file for `key`; `None` for a missing,
/// truncated, corrupt or foreign file.
pub fn read(path: &Path, key: u128) -> Option<Vec<u8>> {
    let mut bytes = crate::files::read_regular(path, u64::MAX).ok()?;
    let header = bytes.get(..HEADER)?;
    let (magic, rest) = header.split_at(8);
    let (layout, rest) = rest.split_at(4);
    let (stored_key, rest) = rest.split_at(16);
    let (length, checksum) = rest.split_at(8);
    let layout = u32::from_le_bytes(layout.try_into().ok()?);
    let stored_key = u128::from_le_bytes(stored_key.try_into().ok()?);
    let length = u64::from_le_bytes(length.try_into().ok()?);
    let checksum = u64::from_le_bytes(checksum.try_into().ok()?);
    let payload = bytes.get(HEADER..)?;
    let whole = magic == MAGIC
        && layout == LAYOUT
        && stored_key == key
        && u64::try_from(payload.len()).ok()? == length
        && xxh3_64(payload) == checksum;
    if !whole {
        return None;
    }
    bytes.drain(..HEADER);
    Some(bytes)
}

/// Writes `payload` for `key` to `path`: to a temporary file in the same folder, then renamed over
/// `path`, so that a reader sees the old file or the new one, never half of one.
pub fn write(path: &Path, key: u128, payload: &[u8]) -> anyhow::Result<()> {
    let length = u64::try_from(payload.len()).unwrap_or(u64::MAX);
    crate::files::write_atomically(path, |out| {
        out.write_all(MAGIC)?;
        out.write_all(&LAYOUT.to_le_bytes())?;
        out.write_all(&key.to_le_bytes())?;
        out.write_all(&length.to_le_bytes())?;
        out.write_all(&xxh3_64(payload).to_le_bytes())?;
        out.write_all(payload)?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_read_back_only_whole_and_for_its_key() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k.cache");
        write(&path, 7, b"payload").unwrap();
        assert_eq!(read(&path, 7).as_deref(), Some(&b"payload"[..]));
        assert_eq!(read(&path, 8), None, "another key's file");
        let whole = std::fs::read(&path).unwrap();
        std::fs::write(&path, &whole[..whole.len() - 1]).unwrap();
        assert_eq!(read(&path, 7), None, "truncated");
        let mut flipped = whole.clone();
        *flipped.last_mut().unwrap() ^= 1;
        std::fs::write(&path, &flipped).unwrap();
        assert_eq!(read(&path, 7), None, "a changed byte");
        std::fs::write(&path, b"PRIVCAT").unwrap();
        assert_eq!(read(&path, 7), None, "shorter than a header");
        assert_eq!(read(&dir.path().join("none"), 7), None, "missing");
    }
}
