//! The bottom lines: a message or the selection's place, and the keys for the focused pane.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::keymap;
use crate::ui::theme::Theme;
use unicode_width::UnicodeWidthStr;

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

pub fn draw_keys(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let mut keys = keymap::key_bar(app.focus, app.lang);
    let pinned = keymap::pinned_count(app.focus);
    let width =
        |keys: &[(String, &str)]| keys.iter().map(|(k, w)| k.width() + w.width() + 5).sum::<usize>() + 1;
    // The pinned keys (pane, help, quit) always show; the pane's own keys give way from the end.
    while width(&keys) > usize::from(area.width) && keys.len() > pinned {
        keys.remove(keys.len() - pinned - 1);
    }
    let mut spans = vec![Span::raw(" ")];
    for (key, what) in keys {
        spans.push(Span::styled(format!(" {key} "), theme.key));
        spans.push(Span::raw(format!(" {what}  ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
