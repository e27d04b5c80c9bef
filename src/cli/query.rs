//! `search`, `show`, `answer` and `list`: the explorer's search, detail and answer, as text or JSON.

use std::io::Write;

use anstyle::Style;
use anyhow::Result;

use crate::cache::Loaded;
use crate::catalog::Library;
use crate::catalog::validate::closest;
use crate::cli::args::{FilterArgs, TextOrJson};
use crate::cli::output::{Out, style};
use crate::cli::{Context, EXIT_ERROR, EXIT_NO_MATCH};
use crate::describe::answer::answer as answer_text;
use crate::describe::detail::detail;
use crate::export::json;
use crate::scenario::{Scenario, evaluate};
use crate::search::{
    self, Confidence, Doubt, FacetIndex, Filter, Hit, Ids, Overrides, Query, Row, SearchIndex,
};
use crate::width::{pad, wrap};

/// Which items a command looks at: the facet flags given, with the categories items count as in
/// the `--scenario`.
pub struct Selection<'a> {
    facets: &'a FacetIndex,
    filter: Filter,
    /// The category value each item counts as in the scenario; empty without one.
    categories: Vec<Option<u32>>,
}

impl<'a> Selection<'a> {
    /// Every item; an unknown id in the flags is explained on stderr and gives `None`. The library
    /// is decoded only for a scenario.
    pub fn new(loaded: &'a Loaded, args: &FilterArgs, ctx: &mut Context) -> Result<Option<Selection<'a>>> {
        let facets = loaded.facets();
        let Some(filter) = filter_from(facets, args, ctx.err)? else {
            return Ok(None);
        };
        let library = if ctx.scenario.is_empty() {
            None
        } else {
            loaded.library()
        };
        let categories = match library {
            Some(library) => {
                let verdicts = (0..library.items.len()).map(|i| evaluate(library, i, &ctx.scenario).category);
                facets.category_values(library, verdicts)
            }
            None => Vec::new(),
        };
        Ok(Some(Selection {
            facets,
            filter,
            categories,
        }))
    }

    /// Every item, unfiltered.
    pub fn all(facets: &'a FacetIndex) -> Selection<'a> {
        Selection {
            facets,
            filter: Filter::default(),
            categories: Vec::new(),
        }
    }

    fn overrides(&self) -> Overrides<'_> {
        Overrides {
            category: (!self.categories.is_empty()).then_some(self.categories.as_slice()),
        }
    }

    /// The ranked hits for `query` that pass the filter.
    pub fn ranked(&self, index: &SearchIndex, query: &Query) -> Vec<Hit> {
        self.best(index, query, usize::MAX)
    }

    /// The first `k` of [`Selection::ranked`]: only those are sorted.
    pub fn best(&self, index: &SearchIndex, query: &Query, k: usize) -> Vec<Hit> {
        let hits = search::unranked(index, query);
        let mut passing = search::apply(self.facets, &hits, &self.filter, self.overrides());
        if query.is_empty() {
            // Every item, in document order.
            passing.truncate(k);
            return passing;
        }
        search::best(index, passing, k)
    }

    /// Every one of `count` items that passes the filter, in document order.
    pub fn items(&self, count: usize) -> Vec<usize> {
        let all: Vec<Hit> = (0..count).map(|item| Hit { item, score: 0 }).collect();
        search::apply(self.facets, &all, &self.filter, self.overrides())
            .into_iter()
            .map(|h| h.item)
            .collect()
    }
}

/// The facet flags given, as a filter; an unknown id is explained on stderr.
fn filter_from(facets: &FacetIndex, args: &FilterArgs, err: &mut dyn Write) -> Result<Option<Filter>> {
    let mut filter = Filter::default();
    for (facet, id) in &args.chosen {
        let Some(value) = facets.find(*facet, id) else {
            let known: Vec<String> = facets.values(*facet).iter().map(|v| v.id.clone()).collect();
            let kind = facet.id();
            let hint = closest(id, &known)
                .map(|c| format!(" Did you mean `{c}`?"))
                .unwrap_or_default();
            let list = if known.is_empty() {
                format!("The loaded catalogs have no {kind} values.")
            } else {
                format!("The {kind} ids are: {}.", known.join(", "))
            };
            writeln!(
                err,
                "privcat: unknown {kind} `{}`.{hint} {list}",
                crate::cli::output::visible(id),
            )?;
            return Ok(None);
        };
        filter.set(*facet, Some(value));
    }
    Ok(Some(filter))
}

/// `privcat search`: the list lines come from the listing, so that a cached search decodes the
/// library only for JSON or a scenario.
pub fn search(
    loaded: &Loaded,
    query: &str,
    args: &FilterArgs,
    limit: Option<usize>,
    format: TextOrJson,
    ctx: &mut Context,
) -> Result<i32> {
    let parsed = Query::parse(query);
    note_dropped(&parsed, ctx)?;
    let (index, _, listing, ids) = loaded.for_listing();
    let Some(selection) = Selection::new(loaded, args, ctx)? else {
        return Ok(EXIT_ERROR);
    };
    let hits = selection.best(index, &parsed, limit.unwrap_or(usize::MAX));
    if format == TextOrJson::Json {
        let Some(library) = loaded.library() else {
            return Ok(EXIT_ERROR);
        };
        let items: Vec<serde_json::Value> = hits
            .iter()
            .map(|h| {
                let mut v = json::item(library, h.item);
                v["score"] = h.score.into();
                if !ctx.scenario.is_empty() {
                    v["scenario"] = json::verdict(library, h.item, &ctx.scenario);
                }
                v
            })
            .collect();
        let doc = serde_json::json!({ "query": query, "items": items });
        crate::cli::output::write_json(ctx.out.raw(), &doc)?;
    } else {
        let lang = ctx.lang;
        let ids: Vec<String> = hits.iter().map(|h| ids.shown_id(h.item)).collect();
        let id_width = ids.iter().map(String::len).max().unwrap_or(0);
        let name_width = hits
            .iter()
            .map(|h| unicode_width::UnicodeWidthStr::width(listing.name(h.item, lang)))
            .max()
            .unwrap_or(0);
        // On a terminal a long name gives way to the columns after it; elsewhere nothing is cut.
        let name_width = match ctx.out.width {
            Some(_) => name_width.min(40),
            None => name_width,
        };
        for (h, id) in hits.iter().zip(&ids) {
            let line = format!(
                "{}{}  {}  {}  {}",
                mark(loaded, h.item, &ctx.scenario),
                ctx.out.paint(&pad(id, id_width), style::ID),
                ctx.out
                    .paint(&pad(listing.name(h.item, lang), name_width), Style::new().bold()),
                ctx.out.paint(&listing.place(h.item, lang), style::DIM),
                ctx.out.paint(listing.condition(h.item, lang), Style::new()),
            );
            ctx.out.line(line.trim_end())?;
        }
    }
    if hits.is_empty() && parsed.asks_topic_only() {
        writeln!(
            ctx.err,
            "privcat: `{}` asks about a topic, not a field; `privcat answer` gives what the documents say of it",
            crate::cli::output::visible(query)
        )?;
    }
    Ok(if hits.is_empty() { EXIT_NO_MATCH } else { 0 })
}

/// What an id on the command line names: `ID`, or `CATALOG:ID` where ids repeat across catalogs.
enum Lookup {
    One(usize),
    /// The id of items in several catalogs: each of them.
    Several(Vec<usize>),
    Nothing,
}

fn lookup(ids: &Ids, text: &str) -> Lookup {
    let mut found = ids.named(text);
    match found.len() {
        0 => Lookup::Nothing,
        1 => Lookup::One(found.remove(0)),
        _ => Lookup::Several(found),
    }
}

/// Says on stderr that `id` names an item in several catalogs, and how to name each.
fn several(library: &Library, ids: &Ids, id: &str, items: &[usize], ctx: &mut Context) -> Result<()> {
    writeln!(
        ctx.err,
        "privcat: the id `{}` is used by {} catalogs; name one as CATALOG:ID:",
        crate::cli::output::visible(id),
        items.len()
    )?;
    let names: Vec<String> = items.iter().map(|&i| ids.qualified(i)).collect();
    write_candidates(library, items, &names, ctx)
}

/// One line per item on stderr: the id to ask again with, the name and the document.
fn write_candidates(library: &Library, items: &[usize], ids: &[String], ctx: &mut Context) -> Result<()> {
    let width = ids.iter().map(String::len).max().unwrap_or(0);
    for (&i, id) in items.iter().zip(ids) {
        let item = &library.items[i];
        writeln!(
            ctx.err,
            "  {}  {} ({})",
            pad(id, width),
            item.name.get(ctx.lang),
            library.catalogs[item.catalog].document_name(item.document, ctx.lang)
        )?;
    }
    Ok(())
}

/// Finds an item by id, or explains on stderr which ids are close.
fn find_or_suggest(loaded: &Loaded, id: &str, ctx: &mut Context) -> Result<Option<usize>> {
    let Some(library) = loaded.library() else {
        return Ok(None);
    };
    match lookup(loaded.ids(), id) {
        Lookup::One(i) => return Ok(Some(i)),
        Lookup::Several(items) => {
            several(library, loaded.ids(), id, &items, ctx)?;
            return Ok(None);
        }
        Lookup::Nothing => {}
    }
    let distance = |k: &str| crate::catalog::validate::edit_distance(id, k);
    let mut near: Vec<&str> = loaded.ids().iter().filter(|k| distance(k) <= 3).collect();
    near.sort_by_key(|k| distance(k));
    near.truncate(3);
    if near.is_empty() {
        let hits = Selection::all(loaded.facets()).ranked(loaded.index(), &Query::parse(id));
        near = hits.iter().take(3).map(|h| loaded.ids().id(h.item)).collect();
    }
    let hint = if near.is_empty() {
        "Use `privcat search` to find ids.".to_owned()
    } else {
        let list: Vec<String> = near.iter().map(|k| format!("`{k}`")).collect();
        format!("Did you mean {}?", list.join(", "))
    };
    writeln!(
        ctx.err,
        "privcat: no item has the id `{}`. {hint}",
        crate::cli::output::visible(id)
    )?;
    Ok(None)
}

/// "✓ " and so on while a scenario is set; nothing otherwise.
fn mark(loaded: &Loaded, item: usize, scenario: &Scenario) -> String {
    if scenario.is_empty() {
        return String::new();
    }
    let Some(library) = loaded.library() else {
        return String::new();
    };
    let verdict = crate::scenario::evaluate(library, item, scenario);
    format!("{} ", crate::describe::outcome::mark(&verdict.outcome))
}

/// `privcat show`.
pub fn show(loaded: &Loaded, id: &str, format: TextOrJson, ctx: &mut Context) -> Result<i32> {
    let (Some(library), Some(index)) = (loaded.library(), find_or_suggest(loaded, id, ctx)?) else {
        return Ok(EXIT_ERROR);
    };
    if format == TextOrJson::Json {
        let mut v = json::item(library, index);
        if !ctx.scenario.is_empty() {
            v["scenario"] = json::verdict(library, index, &ctx.scenario);
        }
        crate::cli::output::write_json(ctx.out.raw(), &v)?;
        return Ok(0);
    }
    let d = detail(library, index, ctx.lang, &ctx.scenario);
    let out = &mut ctx.out;
    out.line(&out.paint(&d.name, style::TITLE))?;
    for other in &d.other_names {
        out.line(&out.paint(other, style::DIM))?;
    }
    out.line(&out.paint(
        &format!(
            "id: {} · catalog: {}",
            d.id,
            library.catalog_of(&library.items[index]).id
        ),
        style::DIM,
    ))?;
    for field in &d.fields {
        out.line("")?;
        out.line(&out.paint(field.label, style::LABEL))?;
        for entry in &field.entries {
            wrapped(out, &entry.text, "  ", Style::new())?;
            if let Some(meta) = &entry.meta {
                wrapped(out, meta, "    ", style::DIM)?;
            }
        }
    }
    Ok(0)
}

/// Writes `text` indented, wrapped to the terminal's width when there is one.
fn wrapped(out: &mut Out, text: &str, indent: &str, style: Style) -> Result<()> {
    let lines = match out.width {
        Some(width) => wrap(text, width.saturating_sub(indent.len()).max(20)),
        None => text.split('\n').map(str::to_owned).collect(),
    };
    for line in lines {
        out.line(&format!("{indent}{}", out.paint(&line, style)))?;
    }
    Ok(())
}

/// How far a wrapped answer line hangs: past its indent and "- ".
fn hanging_indent(line: &str) -> usize {
    let text = line.trim_start();
    let indent = line.len() - text.len();
    if text.starts_with("- ") {
        indent + 2
    } else {
        indent
    }
}

/// Says on stderr when a query is longer than is searched.
fn note_dropped(query: &Query, ctx: &mut Context) -> Result<()> {
    if let Some(note) = query.dropped_note(ctx.lang) {
        writeln!(ctx.err, "privcat: {note}.")?;
    }
    Ok(())
}

/// `privcat answer`: the answer for an id, or for the best match of a query.
pub fn answer(loaded: &Loaded, query: &str, ctx: &mut Context) -> Result<i32> {
    let parsed = Query::parse(query);
    note_dropped(&parsed, ctx)?;
    let Some(library) = loaded.library() else {
        return Ok(EXIT_ERROR);
    };
    let found = lookup(loaded.ids(), query);
    if let Lookup::Several(items) = &found {
        several(library, loaded.ids(), query, items, ctx)?;
        return Ok(EXIT_NO_MATCH);
    }
    let best = if let Lookup::One(i) = found {
        i
    } else {
        let index = loaded.index();
        if let Some(topic) = parsed.topic().filter(|_| parsed.asks_topic_only()) {
            let text = crate::describe::answer::topic(library, topic, ctx.lang);
            if !text.is_empty() {
                print_answer(&text, ctx)?;
                return Ok(0);
            }
        }
        let hits = search::matches(index, &parsed);
        match search::confidence(index, &parsed, &hits) {
            Confidence::Clear => hits[0].item,
            Confidence::Nothing => {
                nothing_found(library, query, ctx)?;
                return Ok(EXIT_NO_MATCH);
            }
            Confidence::Unsure { why, candidates } => {
                unsure(library, loaded.ids(), query, why, &candidates, ctx)?;
                return Ok(EXIT_NO_MATCH);
            }
        }
    };
    let text = answer_text(library, best, ctx.lang, &ctx.scenario);
    print_answer(&text, ctx)?;
    Ok(0)
}

/// An answer's lines, wrapped to the terminal with a hanging indent; sources are left whole.
fn print_answer(text: &str, ctx: &mut Context) -> Result<()> {
    for line in text.lines() {
        // A source is left whole, so that its address stays one piece to copy or click.
        let source = line.starts_with('[');
        match ctx.out.width.filter(|_| !source) {
            Some(width) => {
                // A wrapped line hangs under its own text, after "- ".
                let hang = hanging_indent(line);
                let rest = wrap(&line[hang..], width.saturating_sub(hang).max(20));
                for (i, part) in rest.iter().enumerate() {
                    let lead = if i == 0 { &line[..hang] } else { &" ".repeat(hang) };
                    ctx.out
                        .line(&format!("{lead}{}", ctx.out.paint(part, Style::new())))?;
                }
            }
            None => ctx.out.line(&ctx.out.paint(line, Style::new()))?,
        }
    }
    Ok(())
}

/// Why no answer is given for `query`: nothing in the library meets its words. The documents'
/// lists of collected data are not exhaustive, so this is no answer that the data is not collected;
/// what they do say nearest to the question follows.
fn nothing_found(library: &Library, query: &str, ctx: &mut Context) -> Result<()> {
    let shown = crate::cli::output::visible(query);
    writeln!(ctx.err, "privcat: nothing in the library matches `{shown}`.")?;
    for line in crate::describe::answer::unlisted(library, ctx.lang).lines() {
        writeln!(ctx.err, "{line}")?;
    }
    Ok(())
}

/// Why no answer is given for `query`: no one field clearly wins. The candidates, to ask again by id.
fn unsure(
    library: &Library,
    ids: &Ids,
    query: &str,
    why: Doubt,
    candidates: &[usize],
    ctx: &mut Context,
) -> Result<()> {
    let shown = crate::cli::output::visible(query);
    let reason = match why {
        Doubt::Close => "several items match it about as well",
        Doubt::Vague => "it names no field, only where the data is",
        Doubt::Weak => {
            "the best match meets it only in text the list does not show, one typo away, or letter by letter"
        }
    };
    writeln!(ctx.err, "privcat: no clear answer for `{shown}`: {reason}.")?;
    if candidates.is_empty() {
        return Ok(());
    }
    writeln!(ctx.err, "Candidates (answer one with `privcat answer ID`):")?;
    let shown_ids: Vec<String> = candidates
        .iter()
        .take(SHOWN_CANDIDATES)
        .map(|&i| ids.shown_id(i))
        .collect();
    write_candidates(library, candidates, &shown_ids, ctx)?;
    if candidates.len() > SHOWN_CANDIDATES {
        writeln!(ctx.err, "  … and {} more", candidates.len() - SHOWN_CANDIDATES)?;
    }
    Ok(())
}

/// How many candidates an unsure answer lists.
const SHOWN_CANDIDATES: usize = 8;

/// `privcat list`: document order under document, category and group headings.
pub fn list(loaded: &Loaded, args: &FilterArgs, format: TextOrJson, ctx: &mut Context) -> Result<i32> {
    let Some(library) = loaded.library() else {
        return Ok(EXIT_ERROR);
    };
    let Some(selection) = Selection::new(loaded, args, ctx)? else {
        return Ok(EXIT_ERROR);
    };
    let selected = selection.items(library.items.len());
    let ids = loaded.ids();
    if format == TextOrJson::Json {
        let doc = json::Export {
            library,
            selected: &selected,
            scenario: Some(&ctx.scenario).filter(|s| !s.is_empty()),
        };
        crate::cli::output::write_json(ctx.out.raw(), &doc)?;
        return Ok(0);
    }
    let lang = ctx.lang;
    let id_width = selected.iter().map(|&i| ids.shown_id(i).len()).max().unwrap_or(0);
    let hits: Vec<Hit> = selected.iter().map(|&item| Hit { item, score: 0 }).collect();
    for row in Row::browse(library, &hits) {
        let line = match row {
            Row::Document { .. } => ctx
                .out
                .paint(&row.heading(library, lang).unwrap_or_default(), style::TITLE),
            Row::Category { .. } => ctx
                .out
                .paint(&row.heading(library, lang).unwrap_or_default(), style::HEADING),
            Row::Group { .. } => match row.heading(library, lang) {
                Some(name) => format!("  {}", ctx.out.paint(&name, style::GROUP)),
                None => continue,
            },
            Row::Item(hit) => {
                let it = &library.items[hit.item];
                let indent = if it.group.is_some() { "    " } else { "  " };
                let line = format!(
                    "{indent}{}{}  {}",
                    mark(loaded, hit.item, &ctx.scenario),
                    ctx.out.paint(&pad(&ids.shown_id(hit.item), id_width), style::ID),
                    ctx.out.paint(it.name.get(lang), Style::new())
                );
                line.trim_end().to_owned()
            }
        };
        ctx.out.line(&line)?;
    }
    Ok(0)
}
