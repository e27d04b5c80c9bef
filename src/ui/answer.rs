//! The answer overlay: the answer just sent to the terminal's clipboard, across the whole width and
//! without side borders, so that selecting rows with the mouse takes the answer and nothing else.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::i18n::words;
use crate::keymap::{self, Panes};
use crate::ui::theme::Theme;
use crate::ui::wrap;

/// Draws `text` over `area`; returns how far it can scroll.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, text: &str, theme: &Theme) -> u16 {
    let w = words(app.lang);
    frame.render_widget(Clear, area);
    let lines = wrapped(text, usize::from(area.width));
    let visible = usize::from(area.height.saturating_sub(2));
    let max_scroll = u16::try_from(lines.len().saturating_sub(visible)).unwrap_or(u16::MAX);
    let scroll = app.overlay_scroll.min(max_scroll);
    let footer = keymap::footer(Panes::ANSWER, app.lang);
    let mut block = Block::new()
        .borders(Borders::TOP | Borders::BOTTOM)
        .title(Span::styled(format!(" {} ", w.ui.answer_title), theme.title))
        .title_bottom(Line::from(Span::styled(
            format!(" {} {footer} ", w.ui.answer_select),
            theme.message,
        )))
        .border_style(theme.border_focused);
    if let Some(more) = super::more_below(app.lang, lines.len(), visible, scroll, "↓") {
        block = block.title(Line::from(Span::styled(more, theme.label)).right_aligned());
    }
    let lines: Vec<Line> = lines.into_iter().map(Line::raw).collect();
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), area);
    max_scroll
}

/// Each line of the answer wrapped to `width`, its continuation lines indented under its text.
fn wrapped(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let body = line.trim_start();
        let lead = &line[..line.len() - body.len()];
        let hang = lead.width() + if body.starts_with("- ") { 2 } else { 0 };
        let parts = wrap(body, width.saturating_sub(hang).max(10));
        if parts.is_empty() {
            out.push(String::new());
        }
        for (i, part) in parts.into_iter().enumerate() {
            let indent = if i == 0 { lead.to_owned() } else { " ".repeat(hang) };
            out.push(format!("{indent}{part}"));
        }
    }
    out
}
