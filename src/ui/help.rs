//! The help overlay: the typing model, then every key from the key table, scrolled when it does not
//! fit.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::i18n::words;
use crate::keymap::{self, Panes};
use crate::ui::theme::Theme;
use crate::ui::wrap;

/// Draws the help over `area`; returns how far it can scroll.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) -> u16 {
    let w = words(app.lang);
    let width = area.width.saturating_sub(4).min(98);
    let inner = usize::from(width.saturating_sub(4));
    let mut lines: Vec<Line> = wrap(w.ui.help_typing, inner)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, theme.title)))
        .collect();
    lines.push(Line::raw(""));
    lines.extend(key_lines(app, theme, inner));
    let footer = keymap::footer(Panes::HELP, app.lang);
    let popup = super::popup(frame, area, width, lines.len());
    let visible = usize::from(popup.height.saturating_sub(2));
    let max_scroll = u16::try_from(lines.len().saturating_sub(visible)).unwrap_or(u16::MAX);
    let scroll = app.overlay_scroll.min(max_scroll);
    let mut block = Block::bordered()
        .padding(Padding::horizontal(1))
        .title(format!(" {} ", w.ui.help_title))
        .title_bottom(Line::from(Span::styled(format!(" {footer} "), theme.dim)))
        .border_style(theme.border_focused);
    if let Some(more) = super::more_below(app.lang, lines.len(), visible, scroll, "↓") {
        block = block.title(Line::from(Span::styled(more, theme.label)).right_aligned());
    }
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), popup);
    max_scroll
}

/// One entry per binding: keys beside their words where there is room, above them where there is not.
fn key_lines(app: &App, theme: &Theme, inner: usize) -> Vec<Line<'static>> {
    let keys = keymap::help(app.lang);
    let key_width = keys.iter().map(|(k, _)| k.width()).max().unwrap_or(10) + 2;
    let side_by_side = key_width + 24 <= inner;
    let mut lines = Vec::new();
    for (k, what) in keys {
        if side_by_side {
            for (i, part) in wrap(what, inner - key_width).into_iter().enumerate() {
                let key = if i == 0 { k.as_str() } else { "" };
                let pad = " ".repeat(key_width.saturating_sub(key.width()));
                lines.push(Line::from(vec![
                    Span::styled(format!("{key}{pad}"), theme.label),
                    Span::raw(part),
                ]));
            }
        } else {
            lines.push(Line::from(Span::styled(k, theme.label)));
            for part in wrap(what, inner.saturating_sub(2).max(10)) {
                lines.push(Line::raw(format!("  {part}")));
            }
        }
    }
    lines
}
