//! The non-interactive commands: each loads the catalogs, does its work and returns an exit code.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use crate::catalog::{self, Diagnostic, Library, Report};
use crate::cli::args::{ExportFormat, GlobalArgs};
use crate::export;

/// Exit code for a problem with the input (an invalid catalog, an unknown id).
pub const EXIT_ERROR: i32 = 2;

/// Loads the catalogs the options name, or the built-in one.
pub fn load(paths: &[PathBuf]) -> Report {
    if paths.is_empty() {
        catalog::load_builtin()
    } else {
        catalog::load_paths(paths)
    }
}

/// Loads for a command: warnings and errors go to stderr; `None` means the command must stop.
pub fn load_or_report(global: &GlobalArgs, err: &mut dyn Write) -> Result<Option<Library>> {
    let report = load(&global.catalog);
    for d in &report.diagnostics {
        writeln!(err, "privcat: {d}")?;
    }
    Ok(report.library)
}

/// `privcat validate`: every problem, then a summary line.
pub fn validate(
    paths: &[PathBuf],
    global: &GlobalArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32> {
    let paths = if paths.is_empty() { &global.catalog } else { paths };
    let report = load(paths);
    for d in &report.diagnostics {
        writeln!(err, "{d}")?;
    }
    let errors = report.error_count();
    let warnings = report.diagnostics.len() - errors;
    let Some(library) = report.library else {
        writeln!(
            err,
            "{errors} {}, {warnings} {}",
            plural(errors, "error", "errors"),
            plural(warnings, "warning", "warnings")
        )?;
        return Ok(EXIT_ERROR);
    };
    writeln!(out, "{}", summary(&library, warnings))?;
    Ok(0)
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// "ok: 1 catalog, 66 items (identified 36, pseudonymized 22, aggregated 8), 0 warnings".
pub fn summary(library: &Library, warnings: usize) -> String {
    let per_category: Vec<String> = library
        .count_by_category()
        .iter()
        .map(|(id, n)| format!("{id} {n}"))
        .collect();
    let catalogs = library.catalogs.len();
    format!(
        "ok: {catalogs} {}, {} items ({}), {warnings} {}",
        plural(catalogs, "catalog", "catalogs"),
        library.items.len(),
        per_category.join(", "),
        plural(warnings, "warning", "warnings"),
    )
}

/// `privcat export`.
pub fn export(format: ExportFormat, library: &Library, out: &mut dyn Write) -> Result<i32> {
    let all: Vec<usize> = (0..library.items.len()).collect();
    match format {
        ExportFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &export::json::export(library, &all))
                .map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
    }
    Ok(0)
}

/// Prints load problems the way every command does.
pub fn print_diagnostics(diagnostics: &[Diagnostic], err: &mut dyn Write) -> Result<()> {
    for d in diagnostics {
        writeln!(err, "privcat: {d}")?;
    }
    Ok(())
}
