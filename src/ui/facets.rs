//! The facets pane: categories, sources and catalogs with counts that follow the query.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::app::FacetEntry;
use crate::app::{App, Focus};
use crate::i18n::words;
use crate::ui::theme::Theme;
use crate::ui::{fit, fit_among, window};

/// Draws the pane; returns the index of the first entry shown.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, offset: usize) -> usize {
    let focused = app.focus == Focus::Facets;
    let block = super::pane_block(words(app.lang).ui.filters, focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let height = usize::from(inner.height);
    let offset = window(offset, app.facet_cursor, height, app.facets.len());
    let width = usize::from(inner.width);
    let names: Vec<String> = app.facets.iter().map(|e| app.facet_name(e)).collect();
    let facet_of = |e: &FacetEntry| match e {
        FacetEntry::Value(f, _) => Some(*f),
        _ => None,
    };
    let lines: Vec<Line> = app
        .facets
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, entry)| {
            let name = app.facet_name(entry);
            if entry.is_heading() {
                return Line::from(Span::styled(fit(&name, width), theme.heading));
            }
            let active = app.facet_is_active(entry);
            let mark = if active { "● " } else { "○ " };
            let count = app
                .facet_count(entry)
                .map(|n| format!(" {n}"))
                .unwrap_or_default();
            let room = width.saturating_sub(mark.width() + count.width());
            let siblings: Vec<&str> = app
                .facets
                .iter()
                .zip(&names)
                .filter(|(e, _)| facet_of(e).is_some() && facet_of(e) == facet_of(entry))
                .map(|(_, n)| n.as_str())
                .collect();
            let name = fit_among(&name, &siblings, room);
            let pad = " ".repeat(room.saturating_sub(name.width()));
            let name_style = if active {
                theme.active
            } else {
                ratatui::style::Style::new()
            };
            let mut line = Line::from(vec![
                Span::styled(mark, if active { theme.active } else { theme.dim }),
                Span::styled(name, name_style),
                Span::raw(pad),
                Span::styled(count, theme.dim),
            ]);
            if i == app.facet_cursor && focused {
                line = super::restyled(line, theme.selected);
            }
            line
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    offset
}

/// Display width of a facet pane that fits every name and count.
pub fn preferred_width(app: &App) -> u16 {
    let widest = app
        .facets
        .iter()
        .map(|e| app.facet_name(e).width() + 8)
        .max()
        .unwrap_or(20);
    u16::try_from(widest.clamp(18, 34)).unwrap_or(24)
}
