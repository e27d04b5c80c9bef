//! `privcat coverage`: whether a catalog still says what a page says, and all of it: the page's list
//! items and table rows no entry quotes, and the catalog's quotes the page no longer holds.

use std::path::{Path, PathBuf};

use anyhow::Result;
use serde_json::json;

use crate::catalog::{Document, Library};
use crate::cli::args::TextOrJson;
use crate::cli::commands::load;
use crate::cli::output::{style, visible};
use crate::cli::page::{is_page, read};
use crate::cli::{Context, EXIT_ERROR, EXIT_NO_MATCH};
use crate::coverage::{Page, check};

/// A page and the edition of a catalog's document it is.
struct Matched {
    path: PathBuf,
    page: Page,
    catalog: usize,
    document: usize,
    language: String,
}

/// `privcat coverage [CATALOG...] PAGE.md...`: each page against the edition of the document it is
/// the source of, in the catalogs given (else `--catalog`, else the built-in one).
pub fn coverage(
    paths: &[PathBuf],
    document: Option<&str>,
    format: TextOrJson,
    ctx: &mut Context,
) -> Result<i32> {
    let (pages, catalogs): (Vec<&PathBuf>, Vec<&PathBuf>) = paths.iter().partition(|p| is_page(p));
    if pages.is_empty() {
        writeln!(ctx.err, "privcat coverage: name at least one page (a .md file)")?;
        return Ok(EXIT_ERROR);
    }
    let catalogs: Vec<PathBuf> = if catalogs.is_empty() {
        ctx.global.catalog.clone()
    } else {
        catalogs.into_iter().cloned().collect()
    };
    let report = load(&catalogs);
    for d in &report.diagnostics {
        writeln!(ctx.err, "privcat: {}", visible(&d.to_string()))?;
    }
    let Some(library) = report.library else {
        return Ok(EXIT_ERROR);
    };
    let mut matched = Vec::new();
    for path in pages {
        let page = match read(path) {
            Ok(page) => page,
            Err(why) => {
                writeln!(ctx.err, "privcat: {why}")?;
                return Ok(EXIT_ERROR);
            }
        };
        match find_edition(&library, path, &page, document) {
            Ok((catalog, document, language)) => matched.push(Matched {
                path: path.clone(),
                page,
                catalog,
                document,
                language,
            }),
            Err(why) => {
                writeln!(
                    ctx.err,
                    "privcat: {}: {why}",
                    visible(&path.display().to_string())
                )?;
                return Ok(EXIT_ERROR);
            }
        }
    }
    let mut clean = true;
    let mut results = Vec::new();
    for m in &matched {
        let wanted = &library.catalogs[m.catalog].documents[m.document].id;
        let found = check(&library, m.catalog, |doc: &Document, edition| {
            (doc.id == *wanted && edition.language == m.language).then(|| m.page.clone())
        });
        clean &= found.unfound.is_empty() && found.uncovered.is_empty();
        let rows = found.pages.first().map_or(0, |p| p.2);
        results.push((m, rows, found));
    }
    if format == TextOrJson::Json {
        let pages: Vec<serde_json::Value> = results
            .iter()
            .map(|(m, rows, found)| {
                json!({
                    "page": m.path.display().to_string(),
                    "catalog": library.catalogs[m.catalog].id,
                    "document": library.catalogs[m.catalog].documents[m.document].id,
                    "language": m.language,
                    "rows": rows,
                    "uncovered": found.uncovered.iter().map(|u| &u.row).collect::<Vec<_>>(),
                    "unfound": found.unfound.iter().map(|u| json!({"place": u.place, "text": u.text})).collect::<Vec<_>>(),
                })
            })
            .collect();
        crate::cli::output::write_json(ctx.out.raw(), &json!({ "clean": clean, "pages": pages }))?;
    } else {
        for (m, rows, found) in &results {
            let doc = &library.catalogs[m.catalog].documents[m.document];
            let heading = format!(
                "{} ({}, {}): {rows} rows, {} not quoted by any entry; {} quotes not found in the page",
                m.path.display(),
                doc.id,
                m.language,
                found.uncovered.len(),
                found.unfound.len()
            );
            ctx.out.line(&ctx.out.paint(&visible(&heading), style::TITLE))?;
            for u in &found.uncovered {
                ctx.out.line(&format!("  not quoted: “{}”", visible(&u.row)))?;
            }
            for u in &found.unfound {
                ctx.out
                    .line(&format!("  not in the page: {}: “{}”", u.place, visible(&u.text)))?;
            }
        }
    }
    Ok(if clean { 0 } else { EXIT_NO_MATCH })
}

/// The (catalog, document, language) whose edition `page` at `path` is: `--document` if given,
/// else the editions whose source file has the page's name, narrowed by the page's date and locale.
fn find_edition(
    library: &Library,
    path: &Path,
    page: &Page,
    document: Option<&str>,
) -> Result<(usize, usize, String), String> {
    let file = path.file_name().and_then(|f| f.to_str()).unwrap_or_default();
    let mut candidates = Vec::new();
    for (c, catalog) in library.catalogs.iter().enumerate() {
        for (d, doc) in catalog.documents.iter().enumerate() {
            for edition in &doc.editions {
                let named = match document {
                    Some(id) => doc.id == id,
                    None => edition
                        .source
                        .as_ref()
                        .is_some_and(|s| s.path.rsplit('/').next() == Some(file)),
                };
                if named {
                    candidates.push((c, d, edition));
                }
            }
        }
    }
    let narrow = |list: &mut Vec<(usize, usize, &crate::catalog::schema::Edition)>,
                  keep: &dyn Fn(&crate::catalog::schema::Edition) -> bool| {
        let kept: Vec<_> = list.iter().copied().filter(|(_, _, e)| keep(e)).collect();
        if !kept.is_empty() {
            *list = kept;
        }
    };
    if let Some(date) = &page.date {
        narrow(&mut candidates, &|e| e.date.as_deref() == Some(date.as_str()));
    }
    let locale = page.locale.as_deref().unwrap_or("en-US");
    narrow(&mut candidates, &|e| {
        e.locale
            .as_deref()
            .is_some_and(|l| l.eq_ignore_ascii_case(locale))
    });
    match candidates.as_slice() {
        [(c, d, e)] => Ok((*c, *d, e.language.clone())),
        [] => Err(match document {
            Some(id) => format!("no document `{id}` in the catalogs"),
            None => "no document of the catalogs has this page as its source; name it with --document ID"
                .to_owned(),
        }),
        several => {
            let ids: Vec<String> = several
                .iter()
                .map(|(c, d, e)| format!("{} ({})", library.catalogs[*c].documents[*d].id, e.language))
                .collect();
            Err(format!(
                "the page could be any of {}; name it with --document ID",
                ids.join(", ")
            ))
        }
    }
}
