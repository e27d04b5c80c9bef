//! The help overlay: every key, from the key map.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::i18n::words;
use crate::keymap;
use crate::ui::theme::Theme;
use crate::ui::wrap;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let w = words(app.lang);
    let keys = keymap::help(app.lang);
    let key_width = keys.iter().map(|(k, _)| k.width()).max().unwrap_or(10) + 2;
    let width = area.width.saturating_sub(4).min(98);
    let text_width = usize::from(width.saturating_sub(4))
        .saturating_sub(key_width)
        .max(10);
    let mut lines: Vec<Line> = Vec::new();
    for (k, what) in &keys {
        for (i, part) in wrap(what, text_width).into_iter().enumerate() {
            let key = if i == 0 { k.as_str() } else { "" };
            let pad = " ".repeat(key_width.saturating_sub(key.width()));
            lines.push(Line::from(vec![
                Span::styled(format!("{key}{pad}"), theme.label),
                Span::raw(part),
            ]));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(w.ui.help_close, theme.dim)));
    let popup = super::popup(frame, area, width, lines.len());
    let block = Block::bordered()
        .padding(ratatui::widgets::Padding::horizontal(1))
        .title(format!(" {} ", w.ui.help_title))
        .border_style(theme.border_focused);
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}
