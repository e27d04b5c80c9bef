//! The bottom lines: a message or the selection's place, and the keys for the focused pane.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::keymap;
use crate::ui::theme::Theme;

pub fn draw_message(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let line = match (&app.message, app.selected_item()) {
        (Some(m), _) => Line::from(Span::styled(format!(" {m}"), theme.message)),
        (None, Some(i)) => {
            let item = &app.library.items[i];
            let catalog = app.library.catalog_of(item);
            Line::from(Span::styled(format!(" {} · {}", catalog.id, item.id), theme.dim))
        }
        (None, None) => Line::raw(""),
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// The key bar: the hints for where the keys go, the least important left out first when the
/// terminal is narrow.
pub fn draw_keys(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let hints = keymap::key_bar(keymap::Panes::at(app), app.lang);
    // Each hint is " key " and " word  "; the bar starts with a space, and the last hint's two
    // trailing spaces may fall off the edge.
    let hints = keymap::fitting(hints, usize::from(area.width) + 1, 5);
    let mut spans = vec![Span::raw(" ")];
    for hint in hints {
        spans.push(Span::styled(format!(" {} ", hint.key), theme.key));
        spans.push(Span::raw(format!(" {}  ", hint.word)));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
