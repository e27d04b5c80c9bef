//! `privcat import`: a draft catalog from a page in its Markdown source.

use std::path::Path;

use anyhow::Result;

use crate::cli::export::write_atomically;
use crate::cli::output::visible;
use crate::cli::page::drafted;
use crate::cli::{Context, EXIT_ERROR, EXIT_NO_MATCH};

/// `privcat import PAGE.md [-o FILE]`.
pub fn import(page_path: &Path, output: Option<&Path>, ctx: &mut Context) -> Result<i32> {
    let shown = page_path.display().to_string();
    let shown = visible(&shown);
    let made = match drafted(page_path) {
        Ok(made) => made,
        Err(why) => {
            writeln!(ctx.err, "privcat: {why}")?;
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
