//! `privcat diff OLD NEW`: what changed between two catalogs, or two pages drafted on the fly.

use std::path::Path;

use anyhow::Result;

use crate::catalog::{Library, load_paths, load_texts};
use crate::cli::args::DiffFormat;
use crate::cli::output::{style, visible, write_json};
use crate::cli::page::{drafted, is_page};
use crate::cli::{Context, EXIT_ERROR, EXIT_NO_MATCH};
use crate::diff::{Diff, Names, diff};

/// A catalog, or a page drafted into one; the reason on stderr when neither loads.
fn load_side(path: &Path, ctx: &mut Context) -> Result<Option<Library>> {
    let shown = path.display().to_string();
    let report = if is_page(path) {
        match drafted(path) {
            Ok(made) => load_texts(vec![(shown.clone(), made.yaml.into_bytes())]),
            Err(why) => {
                writeln!(ctx.err, "privcat: {why}")?;
                return Ok(None);
            }
        }
    } else {
        load_paths(&[path.to_path_buf()])
    };
    for d in report
        .diagnostics
        .iter()
        .filter(|d| d.severity == crate::catalog::Severity::Error)
    {
        writeln!(ctx.err, "privcat: {}", visible(&d.to_string()))?;
    }
    Ok(report.library)
}

/// `privcat diff OLD NEW`.
pub fn run(old: &Path, new: &Path, format: DiffFormat, ctx: &mut Context) -> Result<i32> {
    let (Some(a), Some(b)) = (load_side(old, ctx)?, load_side(new, ctx)?) else {
        return Ok(EXIT_ERROR);
    };
    let d = diff(&a, &b, ctx.lang);
    let (old_name, new_name) = (old.display().to_string(), new.display().to_string());
    match format {
        DiffFormat::Json => {
            let mut v = serde_json::to_value(&d)?;
            v["old"] = old_name.into();
            v["new"] = new_name.into();
            v["equal"] = d.is_empty().into();
            write_json(ctx.out.raw(), &v)?;
        }
        DiffFormat::Md => markdown(&d, &old_name, &new_name, ctx)?,
        DiffFormat::Text => text(&d, &old_name, &new_name, (a.items.len(), b.items.len()), ctx)?,
    }
    Ok(if d.is_empty() { 0 } else { EXIT_NO_MATCH })
}

fn percent(similarity: Option<f64>) -> String {
    // Rounded to a whole percent for reading.
    similarity.map_or_else(String::new, |s| format!(" ({:.0} % alike)", s * 100.0))
}

fn text(d: &Diff, old: &str, new: &str, counts: (usize, usize), ctx: &mut Context) -> Result<()> {
    let o = &mut ctx.out;
    let head = |o: &mut crate::cli::output::Out, t: &str| o.line(&o.paint(t, style::HEADING));
    o.line(&o.paint(
        &format!("--- {} ({} items)", visible(old), counts.0),
        style::REMOVED,
    ))?;
    o.line(&o.paint(
        &format!("+++ {} ({} items)", visible(new), counts.1),
        style::ADDED,
    ))?;
    for (label, names) in [
        ("Categories", &d.categories),
        ("Groups", &d.groups),
        ("Sections", &d.sections),
    ] {
        if names.added.is_empty() && names.removed.is_empty() {
            continue;
        }
        head(o, &format!("{label}:"))?;
        for n in &names.removed {
            o.line(&o.paint(&format!("  − {}", visible(n)), style::REMOVED))?;
        }
        for n in &names.added {
            o.line(&o.paint(&format!("  + {}", visible(n)), style::ADDED))?;
        }
    }
    if !d.added.is_empty() {
        head(o, &format!("Items added ({}):", d.added.len()))?;
        for s in &d.added {
            let line = format!("  + {}  [{}]", visible(&s.name), visible(&where_(s)));
            o.line(&o.paint(&line, style::ADDED))?;
        }
    }
    if !d.removed.is_empty() {
        head(o, &format!("Items removed ({}):", d.removed.len()))?;
        for s in &d.removed {
            let line = format!("  − {}  [{}]", visible(&s.name), visible(&where_(s)));
            o.line(&o.paint(&line, style::REMOVED))?;
        }
    }
    let reworded: Vec<_> = d.changed.iter().filter(|c| c.similarity.is_some()).collect();
    if !reworded.is_empty() {
        head(o, &format!("Items reworded ({}):", reworded.len()))?;
        for c in reworded {
            let line = format!(
                "  ~ “{}” → “{}”{}",
                visible(&c.old.name),
                visible(&c.new.name),
                percent(c.similarity)
            );
            o.line(&line)?;
        }
    }
    let moved: Vec<_> = d.changed.iter().filter(|c| c.moved).collect();
    if !moved.is_empty() {
        head(o, &format!("Items moved ({}):", moved.len()))?;
        for c in moved {
            o.line(&format!(
                "  > {}: {} → {}",
                visible(&c.new.name),
                visible(&c.old.place),
                visible(&c.new.place)
            ))?;
        }
    }
    let facts: Vec<_> = d
        .changed
        .iter()
        .filter(|c| !c.facts_added.is_empty() || !c.facts_removed.is_empty())
        .collect();
    if !facts.is_empty() {
        head(o, &format!("Facts changed ({} items):", facts.len()))?;
        for c in facts {
            o.line(&format!("  {}", visible(&c.new.name)))?;
            for f in &c.facts_removed {
                o.line(&o.paint(&format!("    − {}", visible(f)), style::REMOVED))?;
            }
            for f in &c.facts_added {
                o.line(&o.paint(&format!("    + {}", visible(f)), style::ADDED))?;
            }
        }
    }
    o.line(&format!(
        "{} added, {} removed, {} changed, {} unchanged",
        d.added.len(),
        d.removed.len(),
        d.changed.len(),
        d.same
    ))?;
    Ok(())
}

/// An item's place and section, for a line.
fn where_(s: &crate::diff::Seen) -> String {
    match (s.place.is_empty(), s.section.is_empty()) {
        (false, false) => format!("{} · {}", s.place, s.section),
        (false, true) => s.place.clone(),
        (true, _) => s.section.clone(),
    }
}

/// Text as Markdown shows it literally: its marks escaped, and no raw HTML.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in visible(text).chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn markdown(d: &Diff, old: &str, new: &str, ctx: &mut Context) -> Result<()> {
    let esc = |t: &str| escape(t);
    let mut out = vec![
        format!("# Changes from {} to {}", esc(old), esc(new)),
        String::new(),
    ];
    let mut list = |title: String, lines: Vec<String>| {
        if !lines.is_empty() {
            out.push(format!("## {title}"));
            out.push(String::new());
            out.extend(lines);
            out.push(String::new());
        }
    };
    for (label, names) in [
        ("Categories", &d.categories),
        ("Groups", &d.groups),
        ("Sections", &d.sections),
    ] {
        let Names { added, removed } = names;
        let lines = removed
            .iter()
            .map(|n| format!("- removed: {}", esc(n)))
            .chain(added.iter().map(|n| format!("- added: {}", esc(n))))
            .collect();
        list(label.to_owned(), lines);
    }
    list(
        format!("Items added ({})", d.added.len()),
        d.added
            .iter()
            .map(|s| format!("- {} ({})", esc(&s.name), esc(&where_(s))))
            .collect(),
    );
    list(
        format!("Items removed ({})", d.removed.len()),
        d.removed
            .iter()
            .map(|s| format!("- {} ({})", esc(&s.name), esc(&where_(s))))
            .collect(),
    );
    list(
        "Items changed".to_owned(),
        d.changed
            .iter()
            .map(|c| {
                let mut parts = Vec::new();
                if c.similarity.is_some() {
                    parts.push(format!(
                        "reworded from “{}”{}",
                        esc(&c.old.name),
                        percent(c.similarity)
                    ));
                }
                if c.moved {
                    parts.push(format!(
                        "moved from {} to {}",
                        esc(&c.old.place),
                        esc(&c.new.place)
                    ));
                }
                parts.extend(c.facts_removed.iter().map(|f| format!("removed “{}”", esc(f))));
                parts.extend(c.facts_added.iter().map(|f| format!("added “{}”", esc(f))));
                format!("- {}: {}", esc(&c.new.name), parts.join("; "))
            })
            .collect(),
    );
    out.push(format!(
        "{} added, {} removed, {} changed, {} unchanged.",
        d.added.len(),
        d.removed.len(),
        d.changed.len(),
        d.same
    ));
    for line in out {
        ctx.out.line(&line)?;
    }
    Ok(())
}
