//! Reading catalogs: the built-in one, files and folders, each parsed, validated and located, then resolved.

use std::path::{Path, PathBuf};

use crate::catalog::diagnostic::{Diagnostic, LoadError, Severity};
use crate::catalog::model::Library;
use crate::catalog::positions::Positions;
use crate::catalog::sanitize::Altered;
use crate::catalog::schema::CatalogFile;
use crate::catalog::walk::{self, List};
use crate::catalog::{guard, parse, prepare, resolve, sanitize, validate};
use crate::files::{self, ReadError};

/// The Intune catalog, compiled into the binary.
pub const BUILTIN_TEXT: &str = include_str!("../../catalog/intune.yaml");
/// How the built-in catalog is named in messages.
pub const BUILTIN_NAME: &str = "intune.yaml (built-in)";

/// The outcome of loading: the library when nothing was an error, and every problem found.
#[derive(Debug, Default)]
pub struct Report {
    pub library: Option<Library>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// The library and its warnings, or every error.
    pub fn into_result(self) -> Result<(Library, Vec<Diagnostic>), LoadError> {
        match self.library {
            Some(library) => Ok((library, self.diagnostics)),
            None => Err(LoadError(
                self.diagnostics
                    .into_iter()
                    .filter(Diagnostic::is_error)
                    .collect(),
            )),
        }
    }

    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }
}

/// The built-in catalog as JSON, converted at build time (empty if it could not be).
const BUILTIN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/intune.json"));

/// Loads the built-in Intune catalog: from its JSON form, checked and resolved like any catalog;
/// from the YAML itself when there is anything to report, so that every message has its line.
pub fn load_builtin() -> Report {
    let from_json = serde_json::from_str::<CatalogFile>(BUILTIN_JSON)
        .ok()
        .map(|mut file| {
            let altered = sanitize::clean_file(&mut file);
            let found = validate::check(BUILTIN_NAME, &mut file);
            (file, altered, found)
        });
    match from_json {
        Some((file, altered, found)) if found.is_empty() && altered.owners().next().is_none() => Report {
            library: Some(resolve::resolve(vec![(BUILTIN_NAME.to_owned(), file, altered)])),
            diagnostics: Vec::new(),
        },
        _ => load_texts(vec![(BUILTIN_NAME.to_owned(), BUILTIN_TEXT.as_bytes().to_vec())]),
    }
}

/// Loads every catalog named: files, and folders whose `*.yaml`/`*.yml` files are catalogs.
pub fn load_paths(paths: &[PathBuf]) -> Report {
    let (inputs, diagnostics) = read_paths(paths);
    load_read(inputs, diagnostics)
}

/// Loads catalogs read by [`read_paths`]: nothing is loaded when a file could not be read.
pub fn load_read(inputs: Vec<(String, Vec<u8>)>, diagnostics: Vec<Diagnostic>) -> Report {
    load_read_reporting(inputs, diagnostics, &mut |_| {})
}

/// As [`load_read`], handing each file's problems to `found_in_file` as soon as that file is checked.
pub fn load_read_reporting(
    inputs: Vec<(String, Vec<u8>)>,
    mut diagnostics: Vec<Diagnostic>,
    found_in_file: &mut dyn FnMut(&[Diagnostic]),
) -> Report {
    let mut report = load_texts_reporting(inputs, found_in_file);
    if !diagnostics.is_empty() {
        report.library = None;
        diagnostics.append(&mut report.diagnostics);
        report.diagnostics = diagnostics;
    }
    report
}

/// The bytes of every catalog file the paths name, by name, and a problem for each that could not
/// be read.
pub fn read_paths(paths: &[PathBuf]) -> (Vec<(String, Vec<u8>)>, Vec<Diagnostic>) {
    let mut inputs = Vec::new();
    let mut diagnostics = Vec::new();
    for path in paths {
        if path.as_os_str() == STDIN {
            match read_stdin() {
                Ok(bytes) => inputs.push((STDIN_NAME.to_owned(), bytes)),
                Err(d) => diagnostics.push(d),
            }
            continue;
        }
        match catalog_files(path) {
            Ok(files) => {
                for file in files {
                    let name = file.display().to_string();
                    match read_limited(&name, &file) {
                        Ok(bytes) => inputs.push((name, bytes)),
                        Err(d) => diagnostics.push(d),
                    }
                }
            }
            Err(d) => diagnostics.push(d),
        }
    }
    (inputs, diagnostics)
}

/// The total size of the catalog files the paths name (0 for the built-in catalog).
pub fn total_bytes(paths: &[PathBuf]) -> u64 {
    catalog_paths(paths)
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum()
}

/// The path that names standard input, and how messages name it.
pub const STDIN: &str = "-";
const STDIN_NAME: &str = "standard input";

/// Reads a catalog from standard input, at most one byte past the size limit.
fn read_stdin() -> Result<Vec<u8>, Diagnostic> {
    use std::io::Read;
    let limit = u64::try_from(guard::MAX_FILE_BYTES).unwrap_or(u64::MAX) + 1;
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(limit)
        .read_to_end(&mut bytes)
        .map_err(|e| Diagnostic::file_error(STDIN_NAME, format!("cannot read: {e}")))?;
    Ok(bytes)
}

/// Reads a catalog file without waiting on it: a FIFO, device or socket is refused with a sentence,
/// and a file over the size limit by its real size before reading it (reading at most one byte
/// past the limit should it grow meanwhile).
fn read_limited(name: &str, path: &Path) -> Result<Vec<u8>, Diagnostic> {
    let limit = u64::try_from(guard::MAX_FILE_BYTES).unwrap_or(u64::MAX);
    files::read_regular(path, limit).map_err(|e| match e {
        ReadError::TooLarge(size) => guard::check_size(name, usize::try_from(size).unwrap_or(usize::MAX))
            .err()
            .unwrap_or_else(|| Diagnostic::file_error(name, "the file grew while it was read")),
        ReadError::Special(_) => not_a_catalog(name, &e),
        ReadError::Io(e) => Diagnostic::file_error(name, format!("cannot read the file: {e}")),
    })
}

fn not_a_catalog(name: &str, special: &ReadError) -> Diagnostic {
    Diagnostic::file_error(
        name,
        format!(
            "{special}; privcat reads catalogs from regular files, folders, and standard input named `-`"
        ),
    )
}

/// The catalog files a path names: the file itself, or a folder's YAML files in name order.
/// Asking what a path is never opens it, so a FIFO is refused here without waiting on it.
fn catalog_files(path: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let name = path.display().to_string();
    let meta =
        std::fs::metadata(path).map_err(|e| Diagnostic::file_error(&name, format!("cannot read: {e}")))?;
    if let Some(special) = files::special_kind(&meta) {
        return Err(not_a_catalog(&name, &ReadError::Special(special)));
    }
    if !meta.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let entries = std::fs::read_dir(path)
        .map_err(|e| Diagnostic::file_error(&name, format!("cannot read the folder: {e}")))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && has_yaml_extension(p))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(Diagnostic::file_error(
            &name,
            "the folder holds no catalog files (*.yaml, *.yml)",
        ));
    }
    Ok(files)
}

/// Every catalog file the paths name, as [`load_paths`] reads them; paths that name none are left out.
pub fn catalog_paths(paths: &[PathBuf]) -> Vec<PathBuf> {
    paths
        .iter()
        .filter_map(|p| catalog_files(p).ok())
        .flatten()
        .collect()
}

fn has_yaml_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// Loads catalogs from named byte buffers; the library is built only when no file has an error.
pub fn load_texts(inputs: Vec<(String, Vec<u8>)>) -> Report {
    load_texts_reporting(inputs, &mut |_| {})
}

/// As [`load_texts`], handing each file's problems to `found` as soon as that file is checked, so
/// that they can be shown while the next file is.
pub fn load_texts_reporting(
    inputs: Vec<(String, Vec<u8>)>,
    found_in_file: &mut dyn FnMut(&[Diagnostic]),
) -> Report {
    let mut diagnostics = Vec::new();
    let mut parsed: Vec<(String, CatalogFile, Altered)> = Vec::new();
    for (name, bytes) in inputs {
        match parse_and_check(&name, &bytes) {
            Ok((file, altered, mut found)) => {
                found.sort_by_key(|d| (d.line.unwrap_or(usize::MAX), d.column.unwrap_or(0)));
                if let Some((other, _, _)) = parsed.iter().find(|(_, f, _)| f.catalog.id == file.catalog.id) {
                    let message = format!("catalog id `{}` is already used by {other}", file.catalog.id);
                    let mut d = Diagnostic::at_path(Severity::Error, &name, "catalog.id", message);
                    let text = prepare::text(&name, &bytes).ok();
                    if let Some((line, column)) = text.and_then(|t| Positions::index(&t).find("catalog.id")) {
                        d = d.with_position(line, column);
                    }
                    found.push(d);
                }
                found_in_file(&found);
                diagnostics.append(&mut found);
                parsed.push((name, file, altered));
            }
            Err(d) => {
                found_in_file(std::slice::from_ref(&d));
                diagnostics.push(d);
            }
        }
    }
    let library = if diagnostics.iter().any(Diagnostic::is_error) {
        None
    } else {
        Some(resolve::resolve(parsed))
    };
    Report { library, diagnostics }
}

fn parse_and_check(name: &str, bytes: &[u8]) -> Result<(CatalogFile, Altered, Vec<Diagnostic>), Diagnostic> {
    guard::check_size(name, bytes.len())?;
    let text = prepare::text(name, bytes)?;
    let text = text.as_ref();
    if guard::needs_check(text) {
        guard::check_structure(name, text)?;
    }
    let mut file = parse::parse(name, text)?;
    let altered = sanitize::clean_file(&mut file);
    let mut found = validate::check(name, &mut file);
    found.extend(altered_warnings(name, &file, &altered));
    if found.iter().any(|d| d.path.is_some() && d.line.is_none()) {
        let wanted = found
            .iter()
            .filter(|d| d.line.is_none())
            .filter_map(|d| d.path.as_deref());
        let positions = Positions::index_for(text, wanted);
        for d in &mut found {
            if let (Some(path), None) = (&d.path, d.line)
                && let Some((line, column)) = positions.find(path)
            {
                d.line = Some(line);
                d.column = Some(column);
            }
        }
    }
    Ok((file, altered, found))
}

/// One warning for each part of the file whose text held characters that were removed.
fn altered_warnings(name: &str, file: &CatalogFile, altered: &Altered) -> Vec<Diagnostic> {
    altered
        .owners()
        .map(|owner| {
            let (path, id) = match owner.list {
                List::Catalog => ("catalog".to_owned(), file.catalog.id.as_str()),
                list => (format!("{}[{}]", list.key(), owner.index), walk::id_of(file, owner).unwrap_or("")),
            };
            Diagnostic::at_path(
                Severity::Warning,
                name,
                path,
                format!(
                    "{} `{id}` held control, invisible or direction-changing characters; privcat removed them",
                    owner.list.noun()
                ),
            )
        })
        .collect()
}
