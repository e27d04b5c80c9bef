//! The scenario pane: each dimension with its value, and what the setup means for the items shown.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::i18n::words;
use crate::keymap;
use crate::scenario::Outcome;
use crate::ui::theme::Theme;
use crate::ui::{fit, wrap};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let w = &words(app.lang).scenario;
    let width = area.width.saturating_sub(4).min(84);
    let inner_width = usize::from(width.saturating_sub(2));
    let name_width = (0..app.dimensions.len())
        .filter_map(|i| app.dimension(i))
        .map(|d| d.name.get(app.lang).width())
        .max()
        .unwrap_or(10)
        .min(inner_width / 2);
    let mut lines: Vec<Line> = Vec::new();
    for i in 0..app.dimensions.len() {
        let Some(d) = app.dimension(i) else { continue };
        let value = app.scenario.values.get(&d.id);
        let shown = value
            .and_then(|v| d.values.iter().find(|x| x.id == *v))
            .map_or_else(|| format!("({})", w.unset), |x| x.name.get(app.lang).to_owned());
        let name = fit(d.name.get(app.lang), name_width);
        let pad = " ".repeat(name_width.saturating_sub(name.width()));
        let mut line = Line::from(vec![
            Span::styled(format!(" {name}{pad}  "), theme.label),
            Span::styled("‹ ", theme.dim),
            Span::styled(shown, if value.is_some() { theme.active } else { theme.dim }),
            Span::styled(" ›", theme.dim),
        ]);
        if i == app.dimension_cursor {
            let room = inner_width.saturating_sub(line.width());
            line.spans.push(Span::raw(" ".repeat(room)));
            line = super::restyled(line, theme.selected);
        }
        lines.push(line);
    }
    lines.push(Line::raw(""));
    lines.push(totals(app, theme));
    lines.push(Line::raw(""));
    let keys = keymap::footer(keymap::Panes::SCENARIO, app.lang);
    for part in wrap(&keys, inner_width.saturating_sub(1)) {
        lines.push(Line::from(Span::styled(format!(" {part}"), theme.dim)));
    }
    let popup = super::popup(frame, area, width, lines.len());
    let block = Block::bordered()
        .title(format!(" {} ", w.scenario))
        .border_style(theme.border_focused);
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}

/// "✓ 30 collected  ✗ 5 not collected  ? 31 depends" over the items the search and filters show.
fn totals(app: &App, theme: &Theme) -> Line<'static> {
    let w = &words(app.lang).scenario;
    if app.verdicts.is_empty() {
        return Line::from(Span::styled(format!(" {}", w.unset_hint), theme.dim));
    }
    let (mut yes, mut no, mut maybe, mut open) = (0, 0, 0, 0);
    for row in &app.rows {
        if let crate::app::Row::Item(hit) = row {
            match app.verdicts[hit.item].outcome {
                Outcome::Collected => yes += 1,
                Outcome::NotCollected => no += 1,
                Outcome::Depends(_) => maybe += 1,
                Outcome::Unsettled => open += 1,
            }
        }
    }
    let hidden = if app.hide_not_collected {
        format!("  ({})", w.hidden.to_lowercase())
    } else {
        String::new()
    };
    Line::from(vec![
        Span::styled(
            format!(" ✓ {yes} {}", w.collected.to_lowercase()),
            theme.collected,
        ),
        Span::styled(
            format!("   ✗ {no} {}{hidden}", w.not_collected.to_lowercase()),
            theme.not_collected,
        ),
        Span::styled(
            format!("   ? {maybe} {}", w.depends.to_lowercase()),
            theme.depends,
        ),
        Span::styled(
            if open > 0 {
                format!("   – {open} {}", w.unsettled.to_lowercase())
            } else {
                String::new()
            },
            theme.depends,
        ),
    ])
}
