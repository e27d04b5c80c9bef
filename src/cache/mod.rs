//! The cache of loaded catalogs: the checked and resolved library, its warnings, its search keys,
//! facet values, list lines and ids, each in a section of its own, stored in the user's cache
//! folder under a hash of the catalog files (names and bytes) and of this build of privcat. A file that is missing, truncated, corrupt or another's is ignored and
//! written anew; nothing read from the cache is trusted before its checksum holds.
//!
//! It knows the catalog and search layers and nothing above them.

mod file;
mod loaded;

use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::Xxh3;

use crate::catalog::load::{load_read, read_paths};
use crate::catalog::{Library, load_builtin};
use file::Stored;
pub use loaded::Loaded;
use loaded::{SECTIONS, Section};

/// Where a cache folder is named for tests and for users who want it elsewhere.
pub const DIR_VAR: &str = "PRIVCAT_CACHE_DIR";

/// Below this many bytes of catalog files, loading them is quicker than reading a cache file.
pub const CACHE_FROM: usize = 256 * 1024;

/// How many cache files are kept; the least recently used go first.
const KEPT: usize = 8;

/// Where loaded catalogs are cached, or nowhere.
#[derive(Debug, Clone, Default)]
pub struct Cache {
    dir: Option<PathBuf>,
    /// The fewest bytes of catalog files cached.
    from: usize,
}

impl Cache {
    /// No cache: every load parses the files and nothing is written.
    pub fn off() -> Cache {
        Cache { dir: None, from: 0 }
    }

    /// A cache in `dir`, of catalogs of any size.
    pub fn at(dir: impl Into<PathBuf>) -> Cache {
        Cache {
            dir: Some(dir.into()),
            from: 0,
        }
    }

    /// The user's cache: `PRIVCAT_CACHE_DIR`, else the platform's cache folder (`XDG_CACHE_HOME`
    /// or `~/.cache` on Linux) and `privcat` in it.
    pub fn user() -> Cache {
        let dir = std::env::var_os(DIR_VAR)
            .filter(|d| !d.is_empty())
            .map(PathBuf::from)
            .or_else(|| dirs::cache_dir().map(|d| d.join("privcat")));
        Cache {
            dir,
            from: CACHE_FROM,
        }
    }

    /// The cache file of `key`.
    fn path(&self, key: u128) -> Option<PathBuf> {
        self.dir.as_ref().map(|d| d.join(format!("{key:032x}.cache")))
    }
}

/// Loads the catalogs `paths` name (the built-in one when none), through `cache`.
pub fn load(paths: &[PathBuf], cache: &Cache) -> Loaded {
    if paths.is_empty() {
        return Loaded::new(load_builtin());
    }
    let (inputs, unread) = read_paths(paths);
    let size: usize = inputs.iter().map(|(_, bytes)| bytes.len()).sum();
    let key = key(&inputs);
    let path = cache
        .path(key)
        .filter(|_| unread.is_empty() && size >= cache.from);
    if let Some(loaded) = path.as_deref().and_then(|p| read(p, key, paths)) {
        return loaded;
    }
    let loaded = Loaded::new(load_read(inputs, unread));
    if let (Some(path), Some(library)) = (path, loaded.library()) {
        // A cache that cannot be written only makes the next load slower.
        let _ = write(&path, key, library, &loaded);
    }
    loaded
}

/// The cache key of catalog files: their names and bytes, privcat's version and its build.
pub fn key(inputs: &[(String, Vec<u8>)]) -> u128 {
    let mut hasher = Xxh3::new();
    for part in [env!("CARGO_PKG_VERSION"), env!("PRIVCAT_SOURCE_HASH")] {
        hasher.update(&part.len().to_le_bytes());
        hasher.update(part.as_bytes());
    }
    for (name, bytes) in inputs {
        hasher.update(&name.len().to_le_bytes());
        hasher.update(name.as_bytes());
        hasher.update(&bytes.len().to_le_bytes());
        hasher.update(bytes);
    }
    hasher.digest128()
}

/// The load stored at `path`, if the file is whole and its warnings decode; the other parts are
/// decoded when first asked for.
fn read(path: &Path, key: u128, paths: &[PathBuf]) -> Option<Loaded> {
    let stored = Stored::open(path, key, SECTIONS)?;
    let diagnostics = postcard::from_bytes(&stored.section(Section::Diagnostics as usize)?).ok()?;
    // The most recently used files are the ones kept.
    let _ = std::fs::File::options()
        .append(true)
        .open(path)
        .and_then(|f| f.set_modified(std::time::SystemTime::now()));
    Some(Loaded::stored(
        diagnostics,
        stored,
        path.to_owned(),
        paths.to_vec(),
    ))
}

/// Stores a load at `path`, each part in its section, then drops the least recently used files
/// beyond the few kept.
fn write(path: &Path, key: u128, library: &Library, loaded: &Loaded) -> anyhow::Result<()> {
    // The search keys are built and stored on one core while the rest is stored on the other.
    let (index, library, facets, listing, ids) = std::thread::scope(|scope| {
        let index = scope.spawn(|| postcard::to_stdvec(loaded.index()));
        let library = library.to_stored();
        let facets = postcard::to_stdvec(loaded.facets());
        let listing = postcard::to_stdvec(loaded.listing());
        let ids = postcard::to_stdvec(loaded.ids());
        let index = index.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
        (index, library, facets, listing, ids)
    });
    let (index, library, facets, listing, ids) = (index?, library?, facets?, listing?, ids?);
    let diagnostics = postcard::to_stdvec(&loaded.diagnostics)?;
    let mut sections: [&[u8]; SECTIONS] = [&[]; SECTIONS];
    sections[Section::Diagnostics as usize] = &diagnostics;
    sections[Section::Facets as usize] = &facets;
    sections[Section::Listing as usize] = &listing;
    sections[Section::Ids as usize] = &ids;
    sections[Section::Index as usize] = &index;
    sections[Section::Library as usize] = &library;
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    create_private_dir(dir)?;
    file::write(path, key, &sections)?;
    prune(dir);
    Ok(())
}

/// Creates the cache folder, readable only by its owner: it holds what the catalogs say.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Removes all but the [`KEPT`] most recently used cache files.
fn prune(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut files: Vec<(std::time::SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "cache"))
        .filter_map(|p| Some((std::fs::metadata(&p).ok()?.modified().ok()?, p)))
        .collect();
    files.sort_by_key(|(modified, _)| std::cmp::Reverse(*modified));
    for (_, old) in files.into_iter().skip(KEPT) {
        let _ = std::fs::remove_file(old);
    }
}

#[cfg(test)]
mod tests;
