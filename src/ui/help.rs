//! The help overlay: every key, from the key map.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::i18n::words;
use crate::keymap;
use crate::ui::theme::Theme;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let w = words(app.lang);
    let keys = keymap::help(app.lang);
    let key_width = keys.iter().map(|(k, _)| k.width()).max().unwrap_or(10) + 2;
    let mut lines: Vec<Line> = keys
        .iter()
        .map(|(k, what)| {
            Line::from(vec![
                Span::styled(
                    format!("{k}{}", " ".repeat(key_width.saturating_sub(k.width()))),
                    theme.label,
                ),
                Span::raw(*what),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(w.help_close, theme.dim)));
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let width = area.width.saturating_sub(4).min(86);
    let [popup] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(popup);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(format!(" {} ", w.help_title))
        .border_style(theme.border_focused);
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(block),
        popup,
    );
}
