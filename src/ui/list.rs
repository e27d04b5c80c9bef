//! The item list: document structure while browsing, ranked matches while searching; only visible rows are built.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::app::{Action, App, Focus, Row};
use crate::describe::outcome;
use crate::i18n::{fill, words};
use crate::keymap::{self, Panes};
use crate::scenario::Outcome;
use crate::search::positions;
use crate::ui::theme::Theme;
use crate::ui::{fit, fit_keeping_tail, window};

/// Draws the list; returns the index of the first row shown.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, offset: usize) -> usize {
    let w = words(app.lang);
    let focused = matches!(app.focus, Focus::List | Focus::Search);
    let unsure = !app.parsed.is_empty() && !app.rows.is_empty() && !app.answerable();
    let title = if unsure {
        format!("{} · ? {}", w.ui.items, w.ui.unsure)
    } else {
        w.ui.items.to_owned()
    };
    let block = super::pane_block(&title, app.focus == Focus::List, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if app.rows.is_empty() && app.loading.is_some() {
        frame.render_widget(
            Paragraph::new(Span::styled(format!("{}…", w.ui.loading), theme.dim)),
            inner,
        );
        return 0;
    }
    if app.rows.is_empty() {
        // A question about a topic is answered by the documents' general facts, not by an item.
        let keys = |action: &Action| keymap::keys_for(action, Panes::SEARCH).join("/");
        let none = fill(
            w.ui.no_matches,
            &[
                ("clear_search", &keys(&Action::Back)),
                ("clear_filters", &keys(&Action::ClearFilters)),
            ],
        );
        let text = app.topic_answer.as_deref().map_or_else(
            || ratatui::text::Text::styled(none, theme.dim),
            ratatui::text::Text::raw,
        );
        frame.render_widget(
            Paragraph::new(text).wrap(ratatui::widgets::Wrap { trim: true }),
            inner,
        );
        return 0;
    }
    let height = usize::from(inner.height);
    let selected = app.selected.unwrap_or(0);
    let mut top = selected;
    while top > 0 && selected - top < 2 && !matches!(app.rows[top - 1], Row::Item(_)) {
        top -= 1;
    }
    let offset = window(offset.min(top), selected, height, app.rows.len());
    let width = usize::from(inner.width);
    let lines: Vec<Line> = app
        .rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, row)| {
            let line = row_line(app, theme, *row, width);
            if Some(i) == app.selected {
                selected_line(line, theme, focused, width)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    offset
}

/// The selected row in the selection's own colours, across the whole width: matched characters keep
/// standing out by their emphasis, every other colour gives way so the pair stays readable.
fn selected_line(line: Line<'static>, theme: &Theme, focused: bool, width: usize) -> Line<'static> {
    let pad = width.saturating_sub(line.width());
    let mut spans: Vec<Span<'static>> = line
        .spans
        .into_iter()
        .map(|span| {
            let style = match (focused, span.style == theme.matched) {
                (true, true) => theme.selected_match,
                (true, false) => theme.selected,
                (false, true) => theme.selected_unfocused.add_modifier(Modifier::UNDERLINED),
                (false, false) => theme.selected_unfocused,
            };
            Span::styled(span.content, style)
        })
        .collect();
    let style = if focused {
        theme.selected
    } else {
        theme.selected_unfocused
    };
    spans.push(Span::styled(" ".repeat(pad), style));
    Line::from(spans)
}

fn row_line(app: &App, theme: &Theme, row: Row, width: usize) -> Line<'static> {
    let lib = &app.library;
    match row {
        Row::Document { .. } => {
            let name = row.heading(lib, app.lang).unwrap_or_default();
            Line::from(Span::styled(fit_keeping_tail(&name, width), theme.title))
        }
        Row::Category { .. } => {
            let name = row.heading(lib, app.lang).unwrap_or_default();
            Line::from(Span::styled(fit(&name, width), theme.heading))
        }
        Row::Group { .. } => {
            let name = row
                .heading(lib, app.lang)
                .unwrap_or_else(|| words(app.lang).ui.directly_in_category.to_owned());
            Line::from(Span::styled(fit(&format!(" {name}"), width), theme.group))
        }
        Row::Item(hit) => item_line(app, theme, hit.item, width),
    }
}

fn item_line(app: &App, theme: &Theme, index: usize, width: usize) -> Line<'static> {
    let lib = &app.library;
    let item = &lib.items[index];
    let name = item.name.get(app.lang);
    let mut indent = if app.parsed.is_empty() { "   " } else { " " }.to_owned();
    let mut spans = Vec::new();
    let mut base = Style::new();
    let never = (app.verdicts.is_empty() && app.never_collected(index)).then_some(Outcome::NotCollected);
    if let Some(shown) = app.verdict(index).map(|v| &v.outcome).or(never.as_ref()) {
        let style = match shown {
            Outcome::Collected => theme.collected,
            Outcome::NotCollected => {
                base = theme.dim;
                theme.not_collected
            }
            Outcome::Depends(_) | Outcome::Unsettled => theme.depends,
        };
        indent.pop();
        spans.push(Span::raw(indent.clone()));
        spans.push(Span::styled(format!("{} ", outcome::mark(shown)), style));
        indent.push_str("  ");
    } else {
        spans.push(Span::raw(indent.clone()));
    }
    let marks = if app.parsed.is_empty() {
        Vec::new()
    } else {
        positions(name, &app.parsed)
    };
    if item.altered {
        spans.push(Span::styled("⚠ ", theme.not_collected));
    }
    spans.extend(highlighted(name, &marks, base, theme.matched));
    if !app.parsed.is_empty() {
        let mut place = lib
            .group_of(item)
            .map(|g| g.name.get(app.lang))
            .or_else(|| lib.category_of(item).map(|c| c.name.get(app.lang)))
            .unwrap_or_else(|| lib.document_of(item).title.get(app.lang))
            .to_owned();
        // Two versions of one document list the same names: their dates tell the rows apart.
        if let Some(date) = lib.catalog_of(item).twin_date(item.document, app.lang) {
            place = format!("{place} · {date}");
        }
        if marks.is_empty()
            && let Some(hint) = match_hint(app, item)
        {
            place = format!("“{hint}” · {place}");
        }
        let used = indent.width() + name.width();
        let room = width.saturating_sub(used + 3);
        if room > 4 {
            spans.push(Span::styled(
                format!("  {}", fit_keeping_tail(&place, room)),
                theme.dim,
            ));
        }
    }
    let line = Line::from(spans);
    if line.width() > width {
        Line::from(Span::raw(fit(&line.to_string(), width)))
    } else {
        line
    }
}

/// The longest description searched for where a query met it.
const HINT_SCAN: usize = 2048;

/// Where the query met an item whose shown name it does not: the other language's name, an alias,
/// or the description (named as such); `None` where it met the group, which the row shows anyway.
fn match_hint(app: &App, item: &crate::catalog::Item) -> Option<String> {
    let met = |t: &str| !positions(t, &app.parsed).is_empty();
    let names = item.name.versions().into_iter();
    let aliases = item.aliases.iter().flat_map(crate::text::Text::versions);
    if let Some(word) = names.chain(aliases).find(|t| met(t)) {
        return Some(word.to_owned());
    }
    if app
        .library
        .group_of(item)
        .is_some_and(|g| g.name.versions().into_iter().any(met))
    {
        return None;
    }
    // A long description is not scanned on every frame; the detail shows it.
    let description = item
        .description
        .as_ref()?
        .versions()
        .into_iter()
        .filter(|t| t.len() <= HINT_SCAN)
        .find(|t| met(t))?;
    Some(format!("{}: {description}", words(app.lang).detail.description))
}

/// Splits `text` into spans, styling the chars at `marks` with `hit`.
pub fn highlighted(text: &str, marks: &[usize], base: Style, hit: Style) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_is_hit = false;
    for (i, c) in text.chars().enumerate() {
        let is_hit = marks.binary_search(&i).is_ok();
        if is_hit != run_is_hit && !run.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut run),
                if run_is_hit { hit } else { base },
            ));
        }
        run_is_hit = is_hit;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_is_hit { hit } else { base }));
    }
    spans
}
