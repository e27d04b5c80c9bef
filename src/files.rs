//! Files privcat reads and writes: reading never waits on a FIFO or a device, writing never replaces
//! one, and a written file gets the mode its target had (or the umask's default), through a
//! temporary file and a rename.

use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Read, Write};
use std::path::Path;

use anyhow::{Result, anyhow};

/// What a file that is neither a regular file nor a folder is, in words; `None` for those two.
pub fn special_kind(meta: &Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    if kind.is_file() || kind.is_dir() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if kind.is_char_device() {
            return Some("a character device");
        }
        if kind.is_block_device() {
            return Some("a block device");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
    }
    Some("a special file")
}

/// Why a file cannot be read as a regular file.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{0}")]
    Io(#[from] io::Error),
    /// A FIFO, device or socket: reading it could block for ever or never end.
    #[error("it is {0}, not a regular file")]
    Special(&'static str),
    /// Larger than the caller reads; the size is the file's own.
    #[error("too large")]
    TooLarge(u64),
}

/// Opens `path` without waiting on it (a FIFO with no writer would block an ordinary open), and
/// with the metadata of what was opened, so that no other file can be swapped in between.
pub fn open(path: &Path) -> io::Result<(File, Metadata)> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits().cast_signed());
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    Ok((file, meta))
}

/// The bytes of the regular file at `path`, refusing a special file and one over `limit` bytes
/// (by its size before reading, and by reading at most one byte past the limit should it grow).
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let kind = std::fs::metadata(path)?;
    if let Some(special) = special_kind(&kind) {
        return Err(ReadError::Special(special));
    }
    let (file, meta) = open(path)?;
    if let Some(special) = special_kind(&meta) {
        return Err(ReadError::Special(special));
    }
    if meta.is_dir() {
        return Err(ReadError::Io(io::Error::new(
            io::ErrorKind::IsADirectory,
            "it is a folder",
        )));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge(meta.len()));
    }
    // Sized once from the metadata: growing by doubling would copy a large file several times.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).saturating_add(1));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > limit {
        return Err(ReadError::TooLarge(read));
    }
    Ok(bytes)
}

/// Writes `path` through a temporary file in the same folder and a rename, so that an interrupted
/// write never leaves half a file. A device, FIFO or socket at `path` is refused, never replaced.
/// The file gets the permission bits of the file it replaces, or for a new file those the umask
/// leaves of 0666, as any program creating a file gives it.
pub fn write_atomically(path: &Path, fill: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    write_atomically_with(path, Durability::Synced, fill)
}

/// Whether a written file is synced to disk before it is renamed into place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// It survives a crash whole: what a user writes.
    Synced,
    /// A crash may cut it short: for a file that is checked whole when read.
    Checked,
}

/// [`write_atomically`], synced to disk or not.
pub fn write_atomically_with(
    path: &Path,
    durability: Durability,
    fill: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let existing = match std::fs::metadata(path) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e.into()),
    };
    if let Some(meta) = &existing {
        if let Some(special) = special_kind(meta) {
            return Err(anyhow!(
                "it is {special}, not a regular file; privcat never replaces a device, FIFO or socket"
            ));
        }
        if meta.is_dir() {
            return Err(anyhow!("it is a folder; name a file"));
        }
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut temp = temporary_in(dir).map_err(|e| {
        anyhow!(
            "cannot create a file in the folder {}: {}",
            dir.display(),
            os_reason(&e)
        )
    })?;
    {
        let mut writer = io::BufWriter::new(temp.as_file_mut());
        fill(&mut writer)?;
        writer.flush()?;
    }
    if let Some(meta) = existing {
        temp.as_file().set_permissions(kept_permissions(&meta))?;
    }
    if durability == Durability::Synced {
        temp.as_file().sync_all()?;
    }
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// A temporary file in `dir`, created with mode 0666 so that the umask decides, as for any new file.
fn temporary_in(dir: &Path) -> io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(dir)
}

/// The permission bits of `meta`, without set-id or sticky bits.
fn kept_permissions(meta: &Metadata) -> std::fs::Permissions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::Permissions::from_mode(meta.permissions().mode() & 0o777)
    }
    #[cfg(not(unix))]
    {
        meta.permissions()
    }
}

/// The system's own words for an error, without the temporary path `tempfile` adds to them.
fn os_reason(e: &io::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at path ") {
        Some(cut) => text[..cut].to_owned(),
        None => text,
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_replaced_file_keeps_its_mode() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.md");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&path, |w| Ok(w.write_all(b"new")?)).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[test]
    fn a_folder_that_is_not_there_is_named_without_the_temporary_path() {
        let e = write_atomically(Path::new("/nonexistent-folder/x.json"), |_| Ok(())).unwrap_err();
        let message = format!("{e:#}");
        assert!(message.contains("the folder /nonexistent-folder"), "{message}");
        assert!(!message.contains(".tmp"), "{message}");
    }
}
