//! Loading for commands, `validate` and `catalogs`.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use crate::cache::{self, Cache, Loaded};
use crate::catalog::{self, Library, Report};
use crate::cli::args::GlobalArgs;
use crate::cli::output::{self, style};
use crate::cli::{Context, EXIT_ERROR};

/// Loads the catalogs the options name, or the built-in one.
pub fn load(paths: &[PathBuf]) -> Report {
    if paths.is_empty() {
        catalog::load_builtin()
    } else {
        catalog::load_paths(paths)
    }
}

/// The cache the options ask for: none with `--no-cache`, else the user's.
pub fn cache(global: &GlobalArgs) -> Cache {
    if global.no_cache {
        Cache::off()
    } else {
        Cache::user()
    }
}

/// Loads for a command, through the cache unless `--no-cache`: warnings and errors go to stderr
/// (those of a cached load too); `None` means the command must stop.
pub fn load_or_report(global: &GlobalArgs, err: &mut dyn Write) -> Result<Option<Loaded>> {
    let loaded = cache::load(&global.catalog, &cache(global));
    for d in &loaded.diagnostics {
        writeln!(err, "privcat: {}", crate::cli::output::visible(&d.to_string()))?;
    }
    Ok(loaded.is_loaded().then_some(loaded))
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// `privcat validate`: every problem, then a summary line.
pub fn validate(paths: &[PathBuf], all: bool, ctx: &mut Context) -> Result<i32> {
    let paths = if paths.is_empty() {
        &ctx.global.catalog
    } else {
        paths
    };
    let shown = if all { usize::MAX } else { SHOWN_PROBLEMS };
    let mut printed = 0;
    let mut written = Ok(());
    let mut print = |found: &[catalog::Diagnostic]| {
        for d in found.iter().take(shown.saturating_sub(printed)) {
            if written.is_ok() {
                written = writeln!(ctx.err, "{}", crate::cli::output::visible(&d.to_string()));
            }
            printed += 1;
        }
    };
    // Each file's problems are printed as soon as it is checked.
    let report = if paths.is_empty() {
        let report = catalog::load_builtin();
        print(&report.diagnostics);
        report
    } else {
        let (inputs, unread) = catalog::load::read_paths(paths);
        print(&unread);
        catalog::load::load_read_reporting(inputs, unread, &mut print)
    };
    written?;
    if report.diagnostics.len() > shown {
        writeln!(
            ctx.err,
            "… and {} more (`privcat validate --all` shows every one)",
            report.diagnostics.len() - shown
        )?;
    }
    let errors = report.error_count();
    let warnings = report.diagnostics.len() - errors;
    let Some(library) = report.library else {
        writeln!(
            ctx.err,
            "{errors} {}, {warnings} {}",
            plural(errors, "error", "errors"),
            plural(warnings, "warning", "warnings")
        )?;
        return Ok(EXIT_ERROR);
    };
    ctx.out.line(&summary(&library, warnings))?;
    Ok(0)
}

/// How many problems `validate` prints without `--all`: the first ones to fix, and a count.
const SHOWN_PROBLEMS: usize = 100;

/// "ok: 1 catalog, 66 items (identified 36, pseudonymized 22, aggregated 8), 0 warnings".
pub fn summary(library: &Library, warnings: usize) -> String {
    let per_category: Vec<String> = library
        .count_by_category()
        .iter()
        .map(|(id, n)| format!("{id} {n}"))
        .collect();
    let catalogs = library.catalogs.len();
    let categories = if per_category.is_empty() {
        String::new()
    } else {
        format!(" ({})", per_category.join(", "))
    };
    format!(
        "ok: {catalogs} {}, {} items{categories}, {warnings} {}",
        plural(catalogs, "catalog", "catalogs"),
        library.items.len(),
        plural(warnings, "warning", "warnings"),
    )
}

/// `privcat catalogs`.
pub fn catalogs(library: &Library, ctx: &mut Context) -> Result<i32> {
    let lang = ctx.lang;
    for (ci, c) in library.catalogs.iter().enumerate() {
        let items: Vec<_> = library.items.iter().filter(|i| i.catalog == ci).collect();
        let title = ctx
            .out
            .paint(&format!("{}  {}", c.id, c.title.get(lang)), style::TITLE);
        ctx.out.line(&title)?;
        for d in &c.documents {
            let mut doc = format!("  “{}” ({}, {})", d.title.get(lang), c.product, c.publisher);
            if let Some(e) = d.edition(lang) {
                for value in [&e.date, &e.locale].into_iter().flatten() {
                    doc.push_str(", ");
                    doc.push_str(value);
                }
            }
            ctx.out.line(&ctx.out.paint(&doc, anstyle::Style::new()))?;
            if let Some(url) = d.edition(lang).and_then(|e| e.url.as_ref()) {
                ctx.out.line(&ctx.out.paint(&format!("  {url}"), style::DIM))?;
            }
        }
        let per_category: Vec<String> = c
            .categories
            .iter()
            .enumerate()
            .map(|(k, cat)| {
                let n = items.iter().filter(|i| i.category == Some(k)).count();
                format!("{} {n}", cat.id)
            })
            .collect();
        let counts = format!(
            "  {} items ({}), {} sources, languages {}",
            items.len(),
            per_category.join(", "),
            c.sources.len(),
            c.languages.join(", ")
        );
        ctx.out.line(&ctx.out.paint(&counts, anstyle::Style::new()))?;
        ctx.out.line(
            &ctx.out
                .paint(&format!("  {}", output::visible(&c.file)), style::DIM),
        )?;
    }
    Ok(0)
}

/// `privcat scenario`: the dimensions and values `--scenario` accepts.
pub fn scenario(library: &Library, ctx: &mut Context) -> Result<i32> {
    let lang = ctx.lang;
    let mut seen: Vec<&str> = Vec::new();
    for catalog in &library.catalogs {
        for d in &catalog.dimensions {
            if seen.contains(&d.id.as_str()) {
                continue;
            }
            seen.push(&d.id);
            let head = format!(
                "{}  {}",
                ctx.out.paint(&d.id, style::ID),
                ctx.out.paint(d.name.get(lang), style::LABEL)
            );
            ctx.out.line(&head)?;
            for v in &d.values {
                ctx.out.line(&format!(
                    "  {}  {}",
                    ctx.out.paint(&v.id, style::ID),
                    ctx.out.paint(v.name.get(lang), anstyle::Style::new())
                ))?;
            }
        }
    }
    if seen.is_empty() {
        writeln!(
            ctx.err,
            "privcat: the loaded catalogs declare no scenario dimensions"
        )?;
    }
    Ok(0)
}
