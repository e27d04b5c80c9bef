//! The cache of loaded catalogs: the checked and resolved library, its warnings and its search keys,
//! stored in the user's cache folder under a hash of the catalog files (names and bytes) and of
//! this build of privcat. A file that is missing, truncated, corrupt or another's is ignored and
//! written anew; nothing read from the cache is trusted before its checksum holds.
//!
//! It knows the catalog and search layers and nothing above them.

mod file;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use xxhash_rust::xxh3::Xxh3;

use crate::catalog::load::{load_read, read_paths};
use crate::catalog::model::Pools;
use crate::catalog::{Diagnostic, Library, LoadError, Report, load_builtin};
use crate::search::SearchIndex;

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

/// A load's outcome, with the search keys of its library: from the cache, built at load, or
/// built when first asked for.
#[derive(Debug)]
pub struct Loaded {
    pub report: Report,
    /// Whether the library was read from the cache.
    pub from_cache: bool,
    index: OnceLock<SearchIndex>,
}

impl Loaded {
    fn new(report: Report) -> Loaded {
        Loaded {
            report,
            from_cache: false,
            index: OnceLock::new(),
        }
    }

    pub fn library(&self) -> Option<&Library> {
        self.report.library.as_ref()
    }

    /// The search keys of the library (empty when nothing loaded).
    pub fn index(&self) -> &SearchIndex {
        self.index
            .get_or_init(|| self.library().map(SearchIndex::build).unwrap_or_default())
    }

    /// The library, its search keys and its warnings; or every error.
    pub fn into_result(self) -> Result<(Library, SearchIndex, Vec<Diagnostic>), LoadError> {
        self.index();
        let Loaded { report, index, .. } = self;
        let index = index.into_inner().unwrap_or_default();
        report
            .into_result()
            .map(|(library, warnings)| (library, index, warnings))
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
    if let Some(loaded) = path.as_deref().and_then(|p| read(p, key)) {
        return loaded;
    }
    let loaded = Loaded::new(load_read(inputs, unread));
    if let (Some(path), Some(library)) = (path, loaded.library()) {
        // A cache that cannot be written only makes the next load slower.
        let _ = write(&path, key, library, &loaded.report.diagnostics, loaded.index());
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

/// The library stored at `path`, if the file is whole and decodes. The search keys are decoded
/// on another thread meanwhile.
fn read(path: &Path, key: u128) -> Option<Loaded> {
    let bytes = file::read(path, key)?;
    let (split, rest) = postcard::take_from_bytes::<u64>(&bytes).ok()?;
    let (front, keys) = rest.split_at_checked(usize::try_from(split).ok()?)?;
    let (index, library) = std::thread::scope(|scope| {
        let index = scope.spawn(|| postcard::from_bytes::<SearchIndex>(keys).ok());
        let library = decode_library(front);
        (index.join().ok().flatten(), library)
    });
    let (library, diagnostics) = library?;
    // The most recently used files are the ones kept.
    let _ = std::fs::File::options()
        .append(true)
        .open(path)
        .and_then(|f| f.set_modified(std::time::SystemTime::now()));
    Some(Loaded {
        report: Report {
            library: Some(library),
            diagnostics,
        },
        from_cache: true,
        index: OnceLock::from(index?),
    })
}

/// The library and its warnings, after the values they share.
fn decode_library(bytes: &[u8]) -> Option<(Library, Vec<Diagnostic>)> {
    let (pools, rest) = postcard::take_from_bytes::<Pools>(bytes).ok()?;
    let (library, rest) = pools
        .restore(|| postcard::take_from_bytes::<Library>(rest))
        .ok()?;
    let diagnostics = postcard::from_bytes::<Vec<Diagnostic>>(rest).ok()?;
    Some((library, diagnostics))
}

/// Stores a library, its warnings and its search keys at `path`, then drops the least recently
/// used files beyond the few kept.
fn write(
    path: &Path,
    key: u128,
    library: &Library,
    diagnostics: &[Diagnostic],
    index: &SearchIndex,
) -> anyhow::Result<()> {
    let (library, pools) = Pools::store(|| postcard::to_stdvec(library));
    let mut front = postcard::to_stdvec(&pools)?;
    front.extend(library?);
    front.extend(postcard::to_stdvec(diagnostics)?);
    let mut payload = postcard::to_stdvec(&u64::try_from(front.len())?)?;
    payload.extend(front);
    payload.extend(postcard::to_stdvec(index)?);
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    create_private_dir(dir)?;
    file::write(path, key, &payload)?;
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
