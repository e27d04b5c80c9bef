//! `privcat import`: a draft catalog from a page in its Markdown source.

use std::path::Path;

use anyhow::Result;

use crate::cli::export::write_atomically;
use crate::cli::output::visible;
use crate::cli::{Context, EXIT_ERROR, EXIT_NO_MATCH};
use crate::coverage::Page;
use crate::import::draft;

/// The page's text, or the sentence that says why it is not a Markdown page, with its place.
fn read_page(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let at = |offset: usize| {
        let line = memchr::memchr_iter(b'\n', &bytes[..offset]).count() + 1;
        let start = bytes[..offset]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&bytes[start..offset]).chars().count() + 1;
        format!("{line}:{column}")
    };
    let text = String::from_utf8(bytes.clone()).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        format!(
            "{}: not a Markdown page: the bytes here are not UTF-8 text",
            at(offset)
        )
    })?;
    if let Some(offset) = text.find('\0') {
        return Err(format!(
            "{}: not a Markdown page: it holds a NUL byte",
            at(offset)
        ));
    }
    Ok(text)
}

/// `privcat import PAGE.md [-o FILE]`.
pub fn import(page_path: &Path, output: Option<&Path>, ctx: &mut Context) -> Result<i32> {
    let shown = page_path.display().to_string();
    let shown = visible(&shown);
    let text = match read_page(page_path) {
        Ok(text) => text,
        Err(why) => {
            writeln!(ctx.err, "privcat: {shown}:{why}")?;
            return Ok(EXIT_ERROR);
        }
    };
    if text.trim().is_empty() {
        writeln!(ctx.err, "privcat: {shown}: the page is empty")?;
        return Ok(EXIT_ERROR);
    }
    let page = Page::parse(&text);
    let stem = page_path.file_stem().and_then(|s| s.to_str()).unwrap_or("page");
    let file = page_path
        .file_name()
        .and_then(|s| s.to_str())
        .unwrap_or("page.md");
    let made = match draft(&page, stem, file) {
        Ok(made) => made,
        Err(e) => {
            writeln!(ctx.err, "privcat: {shown}: {e}")?;
            return Ok(EXIT_ERROR);
        }
    };
    match output {
        Some(out) => {
            let same =
                std::fs::canonicalize(out).ok() == std::fs::canonicalize(page_path).ok() && out.exists();
            if same {
                writeln!(
                    ctx.err,
                    "privcat: {shown}: refusing to write the draft over the page it reads"
                )?;
                return Ok(EXIT_ERROR);
            }
            write_atomically(out, |w| Ok(w.write_all(made.yaml.as_bytes())?))?;
        }
        None => ctx.out.raw().write_all(made.yaml.as_bytes())?,
    }
    if made.items == 0 {
        writeln!(
            ctx.err,
            "privcat: {shown}: the page has no list item or table row, so the draft has its sections and no items"
        )?;
        return Ok(EXIT_NO_MATCH);
    }
    Ok(0)
}
