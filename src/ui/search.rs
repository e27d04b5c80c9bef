//! The search line: the query with its cursor, scrolled sideways so the cursor is always in view,
//! and the active filters as chips.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::app::{Action, App, Focus};
use crate::i18n::words;
use crate::keymap::{self, Panes};
use crate::ui::theme::Theme;

const PROMPT: &str = "› ";

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
        let keys = keymap::keys_for(&Action::ClearFilters, Panes::SEARCH).join("/");
        spans.push(Span::styled(
            format!("{keys}: {} ", w.ui.clear_filters_hint),
            theme.dim,
        ));
        block = block.title(Line::from(spans).right_aligned());
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let prompt_style = if focused { theme.label } else { theme.dim };
    if app.query.is_empty() {
        let line = Line::from(vec![
            Span::styled(PROMPT, prompt_style),
            Span::styled(w.ui.search_hint, theme.dim),
        ]);
        frame.render_widget(Paragraph::new(line), inner);
        if focused {
            let x = inner.x + u16::try_from(PROMPT.width()).unwrap_or(0);
            frame.set_cursor_position(Position::new(x, inner.y));
        }
        return;
    }
    let room = usize::from(inner.width).saturating_sub(PROMPT.width());
    let shown = window(&app.query, app.cursor, room);
    let line = Line::from(vec![Span::styled(PROMPT, prompt_style), Span::raw(shown.text)]);
    frame.render_widget(Paragraph::new(line), inner);
    if focused {
        let x = inner.x + u16::try_from(PROMPT.width() + shown.cursor).unwrap_or(u16::MAX);
        frame.set_cursor_position(Position::new(x.min(inner.right().saturating_sub(1)), inner.y));
    }
}

/// The part of a query that fits, and where the cursor falls in it (in columns).
#[derive(Debug, PartialEq, Eq)]
pub struct Window {
    pub text: String,
    pub cursor: usize,
}

/// The part of `query` shown in `room` columns with the cursor (a char index) in view: all of it
/// when it fits; otherwise cut with `…` where it runs on, the cursor one column from the right edge
/// at the farthest, so the character under it can be read.
pub fn window(query: &str, cursor: usize, room: usize) -> Window {
    let chars: Vec<char> = query.chars().collect();
    let cursor = cursor.min(chars.len());
    let width = |cs: &[char]| cs.iter().map(|c| c.width().unwrap_or(0)).sum::<usize>();
    if width(&chars) < room {
        return Window {
            text: query.to_owned(),
            cursor: width(&chars[..cursor]),
        };
    }
    // The first char shown: as early as keeps the cursor (and a column after it) in view.
    let mut start = 0;
    let ellipsis = |start: usize| usize::from(start > 0);
    let after = usize::from(cursor < chars.len());
    while start < cursor && ellipsis(start) + width(&chars[start..cursor]) + 1 + after > room {
        start += 1;
    }
    let mut text = String::new();
    if start > 0 {
        text.push('…');
    }
    let mut used = ellipsis(start);
    let mut end = start;
    while end < chars.len() {
        let w = chars[end].width().unwrap_or(0);
        // Leave a column for the `…` that says more follows, unless this is the last char.
        let reserve = usize::from(end + 1 < chars.len());
        if used + w + reserve > room {
            break;
        }
        text.push(chars[end]);
        used += w;
        end += 1;
    }
    if end < chars.len() {
        text.push('…');
    }
    Window {
        cursor: ellipsis(start) + width(&chars[start..cursor]),
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_query_is_shown_whole() {
        assert_eq!(
            window("imei", 4, 20),
            Window {
                text: "imei".into(),
                cursor: 4
            }
        );
    }

    #[test]
    fn a_long_query_scrolls_to_keep_the_cursor_in_view() {
        let query: String = ('a'..='z').cycle().take(200).collect();
        let end = window(&query, 200, 30);
        assert!(end.text.starts_with('…'), "{end:?}");
        assert!(end.text.ends_with("pqr"), "the end is shown: {end:?}");
        assert!(end.cursor < 30, "cursor in view: {end:?}");
        assert_eq!(end.text.width(), 29);
        let start = window(&query, 0, 30);
        assert!(
            start.text.starts_with("abc") && start.text.ends_with('…'),
            "{start:?}"
        );
        assert_eq!(start.cursor, 0);
        let middle = window(&query, 100, 30);
        assert!(middle.cursor < 30 && middle.text.starts_with('…') && middle.text.ends_with('…'));
        let under: String = middle.text.chars().skip(middle.cursor).take(1).collect();
        assert_eq!(under, "w", "the char after the cursor is the 101st: {middle:?}");
    }

    #[test]
    fn wide_characters_count_by_their_width() {
        let query = "日本語".repeat(20);
        let shown = window(&query, 60, 21);
        assert!(shown.text.width() <= 21, "{shown:?}");
        assert!(shown.cursor < 21);
    }
}
