//! A page named on the command line: recognised by its extension, read as Markdown text (or the
//! sentence that says why not, with the file and place), and drafted into a catalog.

use std::path::Path;

use crate::cli::output::visible;
use crate::coverage::Page;
use crate::files::ReadError;
use crate::import::{Draft, draft};

/// Whether `path` names a page (Markdown) rather than a catalog.
pub fn is_page(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("md"))
}

/// The page at `path`, or why it is not one: `FILE[:LINE:COLUMN]: reason`.
pub fn read(path: &Path) -> Result<Page, String> {
    let shown = visible(&path.display().to_string()).into_owned();
    let limit = u64::try_from(crate::catalog::guard::MAX_FILE_BYTES).unwrap_or(u64::MAX);
    let bytes = crate::files::read_regular(path, limit).map_err(|e| match e {
        ReadError::TooLarge(size) => format!(
            "{shown}: the file is {} MiB; privcat reads pages of at most {} MiB",
            size / (1024 * 1024),
            limit / (1024 * 1024)
        ),
        e @ ReadError::Special(_) => format!("{shown}: {e}; privcat reads pages from regular files"),
        ReadError::Io(e) => format!("{shown}: {e}"),
    })?;
    let at = |offset: usize| {
        let line = memchr::memchr_iter(b'\n', &bytes[..offset]).count() + 1;
        let start = bytes[..offset]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&bytes[start..offset]).chars().count() + 1;
        format!("{shown}:{line}:{column}")
    };
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        format!(
            "{}: not a Markdown page: the bytes here are not UTF-8 text",
            at(e.valid_up_to())
        )
    })?;
    if let Some(offset) = text.find('\0') {
        return Err(format!(
            "{}: not a Markdown page: it holds a NUL byte",
            at(offset)
        ));
    }
    Ok(Page::parse(text))
}

/// The draft catalog of the page at `path`, or why there is none: `FILE[:LINE:COLUMN]: reason`.
pub fn drafted(path: &Path) -> Result<Draft, String> {
    let page = read(path)?;
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("page");
    let file = path.file_name().and_then(|s| s.to_str()).unwrap_or("page.md");
    draft(&page, stem, file).map_err(|e| format!("{}: {e}", visible(&path.display().to_string())))
}
