//! A draft catalog from a page in its Markdown source: the front matter gives title, locale and
//! date; headings give sections; list items and table rows give items (a list item with a nested
//! list also gives the group its children stand in); a table's other columns give statements. The
//! shape comes from the Markdown alone, so every edition of a page drafts the same one. Every text is
//! the page's, word for word, and the catalog is marked `draft: true` until someone reviews it.

use serde_yaml::{Mapping, Value};

use crate::coverage::page::{Entry, Page, Shape};

/// Why a page gives no draft.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the page is empty")]
    Empty,
}

/// A draft and what it could not find.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub yaml: String,
    pub items: usize,
}

/// The language of a locale: `sv-SE` → `sv`; a page without one is taken as `en-US`.
fn language(locale: &str) -> String {
    locale
        .split(['-', '_'])
        .next()
        .unwrap_or("en")
        .to_ascii_lowercase()
}

fn map(pairs: Vec<(&str, Value)>) -> Value {
    let mut m = Mapping::new();
    for (k, v) in pairs {
        m.insert(Value::String(k.to_owned()), v);
    }
    Value::Mapping(m)
}

fn s(text: &str) -> Value {
    Value::String(text.to_owned())
}

/// `{lang: text}`.
fn text(lang: &str, t: &str) -> Value {
    map(vec![(lang, s(t))])
}

/// A kebab-case id from an anchor or a file name.
fn kebab(raw: &str) -> String {
    let mut out = String::new();
    for c in raw.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// The rows (indices into the page's entries) of tables whose first column is a label: empty in
/// at least half of the table's rows.
fn labelled_rows(entries: &[(usize, &Entry)]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut table: Vec<(usize, bool)> = Vec::new();
    let mut last_header: Option<&Vec<String>> = None;
    let mut flush = |table: &mut Vec<(usize, bool)>| {
        let empty = table.iter().filter(|(_, e)| *e).count();
        if !table.is_empty() && empty * 2 >= table.len() {
            out.extend(table.iter().map(|(i, _)| *i));
        }
        table.clear();
    };
    for &(i, e) in entries {
        match &e.shape {
            Shape::TableRow { cells, header } => {
                if last_header.is_some_and(|h| h != header) {
                    flush(&mut table);
                }
                last_header = Some(header);
                table.push((i, cells.first().is_none_or(String::is_empty)));
            }
            Shape::ListItem { .. } => {
                flush(&mut table);
                last_header = None;
            }
        }
    }
    flush(&mut table);
    out
}

/// The draft catalog for `page`, whose file is `source_path` (named `stem`), as YAML. A page with
/// no list or table gives a draft of its document and sections, with no items.
pub fn draft(page: &Page, stem: &str, source_path: &str) -> Result<Draft, ImportError> {
    let entries: Vec<(usize, &Entry)> = page
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.text.is_empty())
        .collect();
    if entries.is_empty() && page.sections.is_empty() && page.title.is_none() {
        return Err(ImportError::Empty);
    }
    let locale = page.locale.clone().unwrap_or_else(|| "en-US".to_owned());
    let lang = language(&locale);
    let id = {
        let k = kebab(stem);
        if k.is_empty() { "page".to_owned() } else { k }
    };
    let title = page
        .title
        .clone()
        .or_else(|| page.sections.first().map(|h| h.title.clone()))
        .unwrap_or_else(|| stem.to_owned());

    // Sections: each heading by its place, so that every edition gives the same ids (translations
    // do not always keep the anchors); items before the first heading stand in a section named by
    // the page's title.
    let section_ids: Vec<String> = (1..=page.sections.len())
        .map(|n| format!("section-{n}"))
        .collect();
    let mut sections = Vec::new();
    let lead = entries.iter().any(|(_, e)| e.section.is_none()) || page.sections.is_empty();
    if lead {
        sections.push(map(vec![("id", s("page")), ("title", text(&lang, &title))]));
    }
    for (h, sid) in page.sections.iter().zip(&section_ids) {
        if !h.title.is_empty() {
            sections.push(map(vec![("id", s(sid)), ("title", text(&lang, &h.title))]));
        }
    }
    let section_of = |e: &Entry| {
        e.section
            .map_or_else(|| "page".to_owned(), |i| section_ids[i].clone())
    };

    // A list item with children is also the group they stand in.
    let parents: Vec<usize> = entries
        .iter()
        .filter_map(|(_, e)| match e.shape {
            Shape::ListItem { parent: Some(p) } => Some(p),
            _ => None,
        })
        .collect();
    let item_id = |i: usize| format!("item-{}", i + 1);
    let group_id = |i: usize| format!("group-{}", i + 1);
    let mut groups = Vec::new();
    let mut items = Vec::new();
    let label_columns = labelled_rows(&entries);
    let mut current_label: Option<String> = None;
    for &(i, e) in &entries {
        if parents.contains(&i) {
            groups.push(map(vec![
                ("id", s(&group_id(i))),
                ("name", text(&lang, &e.text)),
                ("section", s(&section_of(e))),
            ]));
        }
        let mut fields = vec![("id", s(&item_id(i)))];
        let mut facts = Vec::new();
        match &e.shape {
            Shape::ListItem { parent } => {
                fields.push(("name", text(&lang, &e.text)));
                if let Some(p) = parent.filter(|p| !page.entries[*p].text.is_empty()) {
                    fields.push(("group", s(&group_id(p))));
                }
            }
            Shape::TableRow { cells, header } => {
                // A first column left empty in most rows labels the rows below it (a group);
                // the field is then named in the next column.
                let labelled = label_columns.contains(&i);
                let label = if labelled {
                    cells.first().filter(|c| !c.is_empty())
                } else {
                    None
                };
                let first = if labelled && cells.len() > 1 && cells.get(1).is_some_and(|c| !c.is_empty()) {
                    1
                } else {
                    cells.iter().position(|c| !c.is_empty()).unwrap_or(0)
                };
                if let Some(label) = label.filter(|_| first == 1) {
                    current_label = Some(group_id(i));
                    groups.push(map(vec![
                        ("id", s(&group_id(i))),
                        ("name", text(&lang, label)),
                        ("section", s(&section_of(e))),
                    ]));
                } else if labelled && first == 0 {
                    current_label = None;
                }
                fields.push(("name", text(&lang, &cells[first])));
                if labelled
                    && first == 1
                    && let Some(g) = &current_label
                {
                    fields.push(("group", s(g)));
                }
                for (c, cell) in cells.iter().enumerate().skip(first + 1) {
                    if cell.is_empty() {
                        continue;
                    }
                    let mut fact = vec![("kind", s("statement")), ("text", text(&lang, cell))];
                    if let Some(h) = header.get(c).filter(|h| !h.is_empty()) {
                        fact.push(("column", text(&lang, h)));
                    }
                    facts.push(map(fact));
                }
            }
        }
        fields.push(("section", s(&section_of(e))));
        if !facts.is_empty() {
            fields.push(("facts", Value::Sequence(facts)));
        }
        items.push(map(fields));
    }

    let mut edition = vec![("language", s(&lang)), ("locale", s(&locale))];
    if let Some(date) = &page.date {
        edition.push(("date", s(date)));
    }
    let document = vec![
        ("id", s(&id)),
        ("title", text(&lang, &title)),
        ("editions", Value::Sequence(vec![map(edition)])),
        ("sections", Value::Sequence(sections)),
    ];
    let catalog = map(vec![
        ("format", Value::Number(2.into())),
        (
            "catalog",
            map(vec![
                ("id", s(&id)),
                ("title", text(&lang, &title)),
                ("product", s(page.product.as_deref().unwrap_or(&title))),
                ("publisher", s("to be reviewed")),
                ("languages", Value::Sequence(vec![s(&lang)])),
                ("draft", Value::Bool(true)),
            ]),
        ),
        ("documents", Value::Sequence(vec![map(document)])),
        ("groups", Value::Sequence(groups)),
        ("items", Value::Sequence(items)),
    ]);
    let yaml = serde_yaml::to_string(&catalog).unwrap_or_default();
    let yaml = format!(
        "# A draft made by `privcat import` from {source_path}: every text is the page's; review each\n\
         # entry (categories, sources, conditions, what is stated and what is inferred), then remove\n\
         # `draft: true`.\n{yaml}"
    );
    Ok(Draft {
        yaml,
        items: entries.len(),
    })
}
