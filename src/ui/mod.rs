//! Drawing the explorer from `&App`; the views keep only scroll memory and report where things were drawn.

mod answer;
mod detail;
mod facets;
mod header;
mod help;
mod list;
mod scenario;
mod search;
mod status;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::Flex;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::app::{Action, App, Overlay, Pane};
use crate::i18n::{fill, words};
use crate::text::Lang;
pub use crate::width::{fit, fit_among, fit_keeping_tail, wrap};
pub use theme::Theme;

/// The smallest terminal the explorer draws in.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;

/// What the views remember between frames, and where the last frame put each pane.
#[derive(Debug, Default, Clone)]
pub struct View {
    pub list_offset: usize,
    pub facet_offset: usize,
    pub list_area: Rect,
    pub facets_area: Rect,
    pub detail_area: Rect,
    pub list_rows: usize,
    pub detail_rows: u16,
    pub detail_max_scroll: u16,
    pub overlay_max_scroll: u16,
    /// The detail pane's lines, wrapped once for the item and width they were wrapped for.
    pub detail_lines: detail::Wrapped,
}

impl View {
    /// What the frame drew, for the App to keep its scrolling within.
    pub fn viewport(&self) -> Action {
        Action::Viewport {
            list_rows: self.list_rows,
            detail_rows: self.detail_rows,
            detail_max_scroll: self.detail_max_scroll,
            overlay_max_scroll: self.overlay_max_scroll,
        }
    }

    /// The action a left click at (`column`, `row`) asks for.
    pub fn click(&self, column: u16, row: u16) -> Option<Action> {
        let at = Position::new(column, row);
        if let Some(i) = inner_row(self.list_area, at) {
            return Some(Action::ClickRow(self.list_offset + i));
        }
        if let Some(i) = inner_row(self.facets_area, at) {
            return Some(Action::ClickFacet(self.facet_offset + i));
        }
        None
    }

    /// The pane under the pointer, for the wheel.
    pub fn pane_at(&self, column: u16, row: u16) -> Option<Pane> {
        let at = Position::new(column, row);
        [
            (self.list_area, Pane::List),
            (self.facets_area, Pane::Facets),
            (self.detail_area, Pane::Detail),
        ]
        .into_iter()
        .find(|(area, _)| area.contains(at))
        .map(|(_, pane)| pane)
    }
}

/// A pane's border with its title, highlighted when the pane has the focus.
pub fn pane_block<'a>(title: &str, focused: bool, theme: &Theme) -> Block<'a> {
    Block::bordered()
        .title(format!(" {title} "))
        .border_style(if focused {
            theme.border_focused
        } else {
            theme.border
        })
}

/// `line` in one style throughout, as a selected row is: the selection's own colours, never mixed
/// with the colours its spans had.
pub fn restyled(line: Line<'static>, style: Style) -> Line<'static> {
    Line::from(
        line.spans
            .into_iter()
            .map(|span| Span::styled(span.content, style))
            .collect::<Vec<_>>(),
    )
}

/// A cleared area of `width` columns and `lines` lines plus its border, centred in `area`.
pub fn popup(frame: &mut Frame, area: Rect, width: u16, lines: usize) -> Rect {
    let height = u16::try_from(lines + 2).unwrap_or(u16::MAX).min(area.height);
    let [popup] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(popup);
    frame.render_widget(Clear, popup);
    popup
}

/// "↓ 12 more: Shift-↓" while `total` lines shown `visible` at a time from `scroll` leave some below.
pub fn more_below(lang: Lang, total: usize, visible: usize, scroll: u16, keys: &str) -> Option<String> {
    let below = total.saturating_sub(visible + usize::from(scroll));
    (below > 0).then(|| {
        let n = below.to_string();
        format!(
            " {} ",
            fill(words(lang).ui.more_below, &[("n", &n), ("keys", keys)])
        )
    })
}

/// The row inside a bordered area that `at` falls on.
fn inner_row(area: Rect, at: Position) -> Option<usize> {
    let inner = area.inner(ratatui::layout::Margin::new(1, 1));
    inner.contains(at).then(|| usize::from(at.y - inner.y))
}

/// Draws one frame.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, view: &mut View) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = Paragraph::new(words(app.lang).ui.too_small).wrap(Wrap { trim: true });
        frame.render_widget(text, area);
        *view = View {
            list_offset: view.list_offset,
            facet_offset: view.facet_offset,
            ..View::default()
        };
        return;
    }
    let [header_area, search_area, body, message_area, keys_area] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Min(5),
        Constraint::Length(1),
        Constraint::Length(1),
    ]));
    header::draw(frame, header_area, app, theme);
    search::draw(frame, search_area, app, theme);
    let facet_width = facets::preferred_width(app).min(area.width / 4 + 2);
    let [facets_area, rest] = body.layout(&Layout::horizontal([
        Constraint::Length(facet_width),
        Constraint::Min(20),
    ]));
    let (list_area, detail_area) = if rest.width >= 76 {
        let [l, d] = rest.layout(&Layout::horizontal([
            Constraint::Percentage(45),
            Constraint::Percentage(55),
        ]));
        (l, d)
    } else {
        let [l, d] = rest.layout(&Layout::vertical([
            Constraint::Percentage(45),
            Constraint::Percentage(55),
        ]));
        (l, d)
    };
    view.facet_offset = facets::draw(frame, facets_area, app, theme, view.facet_offset);
    view.list_offset = list::draw(frame, list_area, app, theme, view.list_offset);
    view.detail_max_scroll = detail::draw(frame, detail_area, app, theme, &mut view.detail_lines);
    view.detail_rows = detail_area.height.saturating_sub(2);
    status::draw_message(frame, message_area, app, theme);
    status::draw_keys(frame, keys_area, app, theme);
    view.list_area = list_area;
    view.facets_area = facets_area;
    view.detail_area = detail_area;
    view.list_rows = usize::from(list_area.height.saturating_sub(2));
    if app.focus == crate::app::Focus::Scenario {
        scenario::draw(frame, area, app, theme);
    }
    // The key bar stays visible under an overlay: it says how to leave it.
    let above_bar = Rect {
        height: area.height.saturating_sub(1),
        ..area
    };
    view.overlay_max_scroll = match &app.overlay {
        Some(Overlay::Help) => help::draw(frame, above_bar, app, theme),
        Some(Overlay::Answer(text)) => answer::draw(frame, above_bar, app, text, theme),
        None => 0,
    };
}

/// The first row to show so that `selected` is visible, moving as little as possible from `offset`.
pub fn window(offset: usize, selected: usize, height: usize, len: usize) -> usize {
    if height == 0 {
        return 0;
    }
    let mut offset = offset.min(len.saturating_sub(height));
    if selected < offset {
        offset = selected;
    } else if selected >= offset + height {
        offset = selected + 1 - height;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_keeps_selection_visible() {
        assert_eq!(window(0, 15, 10, 100), 6);
        assert_eq!(window(6, 3, 10, 100), 3);
        assert_eq!(window(50, 5, 10, 8), 0);
    }
}
