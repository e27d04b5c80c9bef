//! The search line: the query with its cursor, and the active filters as chips.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::app::{App, Focus};
use crate::i18n::words;
use crate::ui::theme::Theme;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let w = words(app.lang);
    let focused = app.focus == Focus::Search;
    let mut block = super::pane_block(w.ui.search, focused, theme);
    let chips = app.chips();
    if !chips.is_empty() {
        let mut spans: Vec<Span> = Vec::new();
        for chip in chips {
            spans.push(Span::styled(format!(" {chip} "), theme.chip));
            spans.push(Span::raw(" "));
        }
        spans.push(Span::styled(
            format!("x: {} ", words(app.lang).ui.clear_filters_hint),
            theme.dim,
        ));
        block = block.title(Line::from(spans).right_aligned());
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let prompt = "› ";
    let line = if app.query.is_empty() && !focused {
        Line::from(vec![
            Span::styled(prompt, theme.dim),
            Span::styled(w.ui.search_hint, theme.dim),
        ])
    } else if app.query.is_empty() {
        Line::from(vec![
            Span::styled(prompt, theme.label),
            Span::styled(w.ui.search_hint, theme.dim),
        ])
    } else {
        Line::from(vec![
            Span::styled(prompt, theme.label),
            Span::raw(app.query.clone()),
        ])
    };
    frame.render_widget(Paragraph::new(line), inner);
    if focused {
        let before: String = app.query.chars().take(app.cursor).collect();
        let x = inner.x + u16::try_from(prompt.width() + before.width()).unwrap_or(u16::MAX);
        if x < inner.right() {
            frame.set_cursor_position(Position::new(x, inner.y));
        }
    }
}
