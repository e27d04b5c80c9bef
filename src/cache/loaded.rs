//! A load's outcome, whole or in a cache file's sections decoded as they are first used.

use std::path::PathBuf;
use std::sync::OnceLock;

use serde::de::DeserializeOwned;

use super::file::Stored;
use crate::catalog::load::{load_read, read_paths};
use crate::catalog::{Diagnostic, Library, LoadError, Report};
use crate::search::{FacetIndex, Ids, Listing, SearchIndex};

/// The sections of a cache file, in the order they are stored.
#[derive(Debug, Clone, Copy)]
pub(super) enum Section {
    Diagnostics,
    Facets,
    Listing,
    Ids,
    Index,
    Library,
}

/// How many sections a cache file has.
pub(super) const SECTIONS: usize = Section::Library as usize + 1;

/// A load's outcome: the library, its warnings, and what is derived from it (search keys, facet
/// values, list lines, ids). From a cache file each part is decoded only when first asked for, so that a
/// command decodes only what it uses; after a cold load each is built from the library.
#[derive(Debug)]
pub struct Loaded {
    /// The load's warnings, or its errors when nothing loaded.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether the library was read from the cache.
    pub from_cache: bool,
    library: OnceLock<Option<Library>>,
    index: OnceLock<SearchIndex>,
    facets: OnceLock<FacetIndex>,
    listing: OnceLock<Listing>,
    ids: OnceLock<Ids>,
    /// The cache file the parts are decoded from, when the load was read from one, and its path.
    stored: Option<(Stored, PathBuf)>,
    /// The files, loaded again should a part of the cache file not decode after all.
    paths: Vec<PathBuf>,
}

impl Loaded {
    pub(super) fn new(report: Report) -> Loaded {
        Loaded {
            diagnostics: report.diagnostics,
            from_cache: false,
            library: OnceLock::from(report.library),
            index: OnceLock::new(),
            facets: OnceLock::new(),
            listing: OnceLock::new(),
            ids: OnceLock::new(),
            stored: None,
            paths: Vec::new(),
        }
    }

    /// A load read from the cache file `stored` at `path`: only its warnings are decoded yet.
    pub(super) fn stored(
        diagnostics: Vec<Diagnostic>,
        stored: Stored,
        path: PathBuf,
        paths: Vec<PathBuf>,
    ) -> Loaded {
        Loaded {
            diagnostics,
            from_cache: true,
            library: OnceLock::new(),
            index: OnceLock::new(),
            facets: OnceLock::new(),
            listing: OnceLock::new(),
            ids: OnceLock::new(),
            stored: Some((stored, path)),
            paths,
        }
    }

    /// Whether the library has been decoded or built.
    #[cfg(test)]
    pub(super) fn library_decoded(&self) -> bool {
        self.library.get().is_some()
    }

    /// Whether the catalogs loaded (the library itself may not be decoded yet).
    pub fn is_loaded(&self) -> bool {
        self.stored.is_some() || self.library.get().is_some_and(Option::is_some)
    }

    /// Whether the library was to come from a cache file and neither it nor the files gave one.
    pub fn lost(&self) -> bool {
        self.stored.is_some() && matches!(self.library.get(), Some(None))
    }

    pub fn library(&self) -> Option<&Library> {
        self.library_decoding(false)
    }

    /// The library; from a cache file with `all`, every item decoded at once (see
    /// [`Library::from_stored`]).
    fn library_decoding(&self, all: bool) -> Option<&Library> {
        self.library
            .get_or_init(|| {
                self.stored_part(Section::Library, |b| Library::from_stored(b, all))
                    .or_else(|| load_read_paths(&self.paths).library)
            })
            .as_ref()
    }

    /// The search keys of the library (empty when nothing loaded).
    pub fn index(&self) -> &SearchIndex {
        self.derived(&self.index, Section::Index, SearchIndex::build)
    }

    /// Every facet's values and every item's values.
    pub fn facets(&self) -> &FacetIndex {
        self.derived(&self.facets, Section::Facets, FacetIndex::build)
    }

    /// What a list line shows of each item.
    pub fn listing(&self) -> &Listing {
        self.derived(&self.listing, Section::Listing, Listing::build)
    }

    /// Every item's id.
    pub fn ids(&self) -> &Ids {
        self.derived(&self.ids, Section::Ids, Ids::build)
    }

    /// A part derived from the library: decoded from its section of the cache file, else built
    /// from the library (empty when nothing loaded).
    fn derived<'s, T: DeserializeOwned + Default>(
        &'s self,
        part: &'s OnceLock<T>,
        section: Section,
        build: fn(&Library) -> T,
    ) -> &'s T {
        part.get_or_init(|| {
            self.stored_part(section, |b| postcard::from_bytes(&b).ok())
                .unwrap_or_else(|| self.library().map(build).unwrap_or_default())
        })
    }

    /// The search keys, facet values, list lines and ids, decoded side by side: what `search`
    /// prints from, without the library.
    pub fn for_listing(&self) -> (&SearchIndex, &FacetIndex, &Listing, &Ids) {
        std::thread::scope(|scope| {
            let index = scope.spawn(|| {
                self.index();
            });
            self.facets();
            self.listing();
            self.ids();
            let _ = index.join();
        });
        (self.index(), self.facets(), self.listing(), self.ids())
    }

    /// A part of the cache file, decoded; `None` without a cache file or when the part does not
    /// hold.
    /// A part that does not hold removes the file, so that the next load writes it anew.
    fn stored_part<T>(&self, section: Section, decode: impl FnOnce(Vec<u8>) -> Option<T>) -> Option<T> {
        let (stored, path) = self.stored.as_ref()?;
        let part = stored.section(section as usize).and_then(decode);
        if part.is_none() {
            let _ = std::fs::remove_file(path);
        }
        part
    }

    /// The library, its search keys and its warnings; or every error.
    pub fn into_result(self) -> Result<(Library, SearchIndex, Vec<Diagnostic>), LoadError> {
        std::thread::scope(|scope| {
            let index = scope.spawn(|| {
                self.index();
            });
            // The explorer lists every item: each is decoded now, beside the search keys.
            self.library_decoding(true);
            let _ = index.join();
        });
        self.index();
        let Loaded {
            diagnostics,
            library,
            index,
            ..
        } = self;
        let index = index.into_inner().unwrap_or_default();
        let report = Report {
            library: library.into_inner().flatten(),
            diagnostics,
        };
        report
            .into_result()
            .map(|(library, warnings)| (library, index, warnings))
    }
}

/// Reads and loads catalog files.
fn load_read_paths(paths: &[PathBuf]) -> Report {
    let (inputs, unread) = read_paths(paths);
    load_read(inputs, unread)
}
