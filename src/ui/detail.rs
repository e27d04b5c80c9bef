//! The detail pane: everything about the selected item, wrapped and scrollable.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::{Action, App, Focus, Pane};
use crate::describe::detail::detail;
use crate::i18n::words;
use crate::keymap::{self, Panes};
use crate::scenario::Scenario;
use crate::text::Lang;
use crate::ui::theme::Theme;
use crate::ui::wrap;
use unicode_width::UnicodeWidthStr;

/// The detail's lines as last wrapped, and for what: an item's text is wrapped once when it is
/// selected (or the pane's width, the language or the scenario changes), not at every frame.
#[derive(Debug, Default, Clone)]
pub struct Wrapped {
    made_for: Option<(usize, usize, usize, Lang, Scenario, Theme)>,
    lines: Vec<Line<'static>>,
}

/// Draws the pane; returns how far it can scroll.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, wrapped: &mut Wrapped) -> u16 {
    let w = words(app.lang);
    let mut block = super::pane_block(w.ui.details, app.focus == Focus::Detail, theme);
    let inner = block.inner(area);
    let Some(index) = app.selected_item() else {
        frame.render_widget(block, area);
        frame.render_widget(Paragraph::new(Span::styled(w.ui.no_item, theme.dim)), inner);
        return 0;
    };
    let width = usize::from(inner.width);
    let library = app.library.items.identity();
    let fits = wrapped
        .made_for
        .as_ref()
        .is_some_and(|(l, i, wd, lang, scenario, th)| {
            (*l, *i, *wd, *lang, th) == (library, index, width, app.lang, theme) && *scenario == app.scenario
        });
    if !fits {
        wrapped.lines = lines(app, theme, index, width);
        wrapped.made_for = Some((library, index, width, app.lang, app.scenario.clone(), *theme));
    }
    let total = wrapped.lines.len();
    let visible = usize::from(inner.height);
    let max_scroll = u16::try_from(total.saturating_sub(visible)).unwrap_or(u16::MAX);
    let scroll = app.detail_scroll.min(max_scroll);
    // More follows below: say how much, and the key that brings it from any pane.
    let keys = keymap::keys_for(&Action::Scroll(Pane::Detail, 1), Panes::SEARCH).join("/");
    if let Some(more) = super::more_below(app.lang, total, visible, scroll, &keys) {
        block = block.title_bottom(Line::from(Span::styled(more, theme.label)).right_aligned());
    }
    frame.render_widget(block, area);
    // Only the lines on screen are handed to the paragraph.
    let first = usize::from(scroll).min(total);
    let shown = wrapped.lines[first..(first + visible).min(total)].to_vec();
    frame.render_widget(Paragraph::new(shown), inner);
    max_scroll
}

fn lines(app: &App, theme: &Theme, index: usize, width: usize) -> Vec<Line<'static>> {
    let d = detail(&app.library, index, app.lang, &app.scenario);
    let mut out = Vec::new();
    push_wrapped(&mut out, &d.name, "", "", theme.title, width);
    for other in &d.other_names {
        push_wrapped(&mut out, other, "", "", theme.dim, width);
    }
    out.push(Line::from(Span::styled(format!("id: {}", d.id), theme.dim)));
    for field in &d.fields {
        out.push(Line::raw(""));
        out.push(Line::from(Span::styled(field.label, theme.label)));
        for entry in &field.entries {
            push_wrapped(&mut out, &entry.text, "• ", "  ", Style::new(), width);
            if let Some(meta) = &entry.meta {
                let style = if entry.inferred { theme.inferred } else { theme.dim };
                push_wrapped(&mut out, meta, "  ", "  ", style, width);
            }
        }
    }
    out
}

/// Word-wraps `text` to `width` cells, the first line after `first`, the others after `rest`.
fn push_wrapped(
    out: &mut Vec<Line<'static>>,
    text: &str,
    first: &str,
    rest: &str,
    style: Style,
    width: usize,
) {
    for (i, line) in wrap(text, width.saturating_sub(first.width().max(rest.width())).max(8))
        .into_iter()
        .enumerate()
    {
        let lead = if i == 0 { first } else { rest };
        out.push(Line::from(vec![
            Span::raw(lead.to_owned()),
            Span::styled(line, style),
        ]));
    }
}
