//! `privcat export`: JSON, CSV, Markdown, the record of processing or a fideslang manifest, to standard
//! output or through a temporary file and a rename.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::cache::Loaded;
use crate::catalog::Library;
use crate::cli::args::{ExportFormat, ExportStyle, FilterArgs, Layout};
use crate::cli::output::visible;
use crate::cli::query::Selection;
use crate::cli::{Context, EXIT_ERROR};
use crate::export::ropa::Record;
use crate::export::{CsvStyle, csv, fides, json, markdown, ropa};
pub use crate::files::write_atomically;
use crate::scenario::Scenario;
use crate::text::Lang;

pub fn export(
    loaded: &Loaded,
    (format, style): (ExportFormat, ExportStyle),
    args: &FilterArgs,
    output: Option<&Path>,
    ctx: &mut Context,
) -> Result<i32> {
    let format = match Shape::choose(format, style, output) {
        Ok(format) => format,
        Err(message) => {
            writeln!(ctx.err, "privcat: {message}")?;
            return Ok(EXIT_ERROR);
        }
    };
    let Some(library) = loaded.library() else {
        return Ok(EXIT_ERROR);
    };
    let Some(selection) = Selection::new(loaded, args, ctx)? else {
        return Ok(EXIT_ERROR);
    };
    let selected = selection.items(library.items.len());
    let settings = ExportContext {
        lang: ctx.lang,
        scenario: ctx.scenario.clone(),
        csv: CsvStyle { excel: style.excel },
    };
    let Some(path) = output else {
        if format == Shape::Ropa(Layout::Xlsx) && ctx.out.escape {
            writeln!(
                ctx.err,
                "privcat: a workbook is not text for a terminal; write it with --output FILE.xlsx or redirect it to a file"
            )?;
            return Ok(EXIT_ERROR);
        }
        if !ctx.out.escape {
            render(library, &selected, format, &settings, ctx.out.raw())?;
            return Ok(0);
        }
        let mut bytes = Vec::new();
        render(library, &selected, format, &settings, &mut bytes)?;
        let text = String::from_utf8_lossy(&bytes);
        // On a terminal, a catalog's control characters are shown, not obeyed.
        let shown = if ctx.out.escape { visible(&text) } else { text };
        ctx.out.raw().write_all(shown.as_bytes())?;
        return Ok(0);
    };
    let shown = path.display().to_string();
    if let Some(catalog) = catalog_at(&ctx.global.catalog, path) {
        writeln!(
            ctx.err,
            "privcat: {} is the catalog file {}; privcat never writes to a catalog. Choose another --output.",
            visible(&shown),
            visible(&catalog.display().to_string())
        )?;
        return Ok(EXIT_ERROR);
    }
    if let Err(e) = write_atomically(path, |w| render(library, &selected, format, &settings, w)) {
        writeln!(
            ctx.err,
            "privcat: cannot write {}: {}",
            visible(&shown),
            visible(&format!("{e:#}"))
        )?;
        return Ok(EXIT_ERROR);
    }
    Ok(0)
}

/// What `export` writes: the format, and for the record its layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Json,
    Csv,
    Md,
    Fides,
    Ropa(Layout),
}

impl Shape {
    /// The shape the flags ask for: `--as`, else the output file's extension for the record; a
    /// sentence when the flags do not go together.
    fn choose(format: ExportFormat, style: ExportStyle, output: Option<&Path>) -> Result<Shape, String> {
        if format != ExportFormat::Ropa && style.layout.is_some() {
            return Err("--as lays out the record of processing: use it with --format ropa".to_owned());
        }
        let shape = match format {
            ExportFormat::Json => Shape::Json,
            ExportFormat::Csv => Shape::Csv,
            ExportFormat::Md => Shape::Md,
            ExportFormat::Fides => Shape::Fides,
            ExportFormat::Ropa => Shape::Ropa(
                style
                    .layout
                    .or_else(|| output.and_then(Layout::from_extension))
                    .unwrap_or(Layout::Md),
            ),
        };
        if style.excel && !matches!(shape, Shape::Csv | Shape::Ropa(Layout::Csv)) {
            return Err("--excel shapes CSV: use it with --format csv, or --format ropa --as csv".to_owned());
        }
        Ok(shape)
    }
}

fn render(
    library: &Library,
    selected: &[usize],
    format: Shape,
    ctx: &ExportContext,
    out: &mut dyn Write,
) -> Result<()> {
    let (lang, scenario) = (ctx.lang, &ctx.scenario);
    match format {
        Shape::Json => {
            let doc = json::Export {
                library,
                selected,
                scenario: Some(scenario).filter(|s| !s.is_empty()),
            };
            crate::cli::output::write_json(out, &doc)?;
        }
        Shape::Csv => {
            csv::write(library, selected, lang, scenario, ctx.csv, &mut *out).map_err(into_io)?;
        }
        Shape::Md => out.write_all(markdown::report(library, selected, lang, scenario).as_bytes())?,
        Shape::Fides => out.write_all(fides::manifest(library, selected, lang)?.as_bytes())?,
        Shape::Ropa(layout) => {
            let record = Record::build(library, selected, lang);
            match layout {
                Layout::Md => out.write_all(ropa::markdown::report(library, &record, selected).as_bytes())?,
                Layout::Csv => ropa::csv::write(library, &record, ctx.csv, &mut *out).map_err(into_io)?,
                Layout::Xlsx => out.write_all(&ropa::xlsx::workbook(library, &record, selected)?)?,
            }
        }
    }
    Ok(())
}

/// The writer's own error out of a CSV error, so that a closed pipe is recognised as one.
fn into_io(e: ::csv::Error) -> std::io::Error {
    if !e.is_io_error() {
        return std::io::Error::other(e);
    }
    match e.into_kind() {
        ::csv::ErrorKind::Io(io) => io,
        other => std::io::Error::other(format!("{other:?}")),
    }
}

/// What rendering needs from the command's context.
struct ExportContext {
    lang: Lang,
    scenario: Scenario,
    csv: CsvStyle,
}

/// The loaded catalog file that `path` is, if any: the same file by device and inode (whatever its
/// name's bytes, through links), or by the canonical path where the system gives no inode.
fn catalog_at(catalogs: &[PathBuf], path: &Path) -> Option<PathBuf> {
    let target = std::fs::metadata(path).ok()?;
    crate::catalog::load::catalog_paths(catalogs)
        .into_iter()
        .find(|file| same_file(path, &target, file))
}

#[cfg(unix)]
fn same_file(_path: &Path, target: &std::fs::Metadata, file: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(file).is_ok_and(|m| (m.dev(), m.ino()) == (target.dev(), target.ino()))
}

#[cfg(not(unix))]
fn same_file(path: &Path, _target: &std::fs::Metadata, file: &Path) -> bool {
    std::fs::canonicalize(path).is_ok_and(|p| std::fs::canonicalize(file).is_ok_and(|f| f == p))
}
