//! The header line: catalog, document and how many items are shown.

use std::fmt::Write as _;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::i18n::words;
use crate::ui::fit;
use crate::ui::theme::Theme;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let w = words(app.lang);
    let mut left = vec![Span::raw(" ")];
    if let Some(what) = &app.loading {
        left.push(Span::styled(
            format!("privcat · {} ({what})…", w.ui.loading),
            theme.title,
        ));
        return finish(frame, area, app, theme, left);
    }
    match app.library.catalogs.as_slice() {
        [one] => {
            left.push(Span::styled(one.title.get(app.lang).to_owned(), theme.title));
            if !app.scenario.is_empty() {
                left.push(Span::styled(format!("  {}: ", w.scenario.scenario), theme.label));
                left.push(Span::styled(app.scenario.describe(one, app.lang), theme.chip));
                return finish(frame, area, app, theme, left);
            }
            left.push(Span::styled(format!(" · {}", one.product), theme.title));
            let documents = &one.documents;
            let source = match documents.as_slice() {
                [doc] => {
                    let mut line = format!("  {}: “{}”", w.ui.document, doc.title.get(app.lang));
                    if let Some(date) = doc.date(app.lang) {
                        let _ = write!(line, ", {date}");
                    }
                    line
                }
                many => format!("  {} {}", many.len(), w.facets.document.to_lowercase()),
            };
            left.push(Span::styled(source, theme.dim));
        }
        many => {
            left.push(Span::styled(
                format!("privcat · {} {}", many.len(), w.ui.catalogs.to_lowercase()),
                theme.title,
            ));
            if !app.scenario.is_empty() {
                left.push(Span::styled(format!("  {}: ", w.scenario.scenario), theme.label));
                left.push(Span::styled(app.scenario.to_string(), theme.chip));
            }
        }
    }
    finish(frame, area, app, theme, left);
}

/// Draws the left part and the count on the right.
fn finish(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, left: Vec<Span<'static>>) {
    let busy = if app.searching() { "… " } else { "" };
    let count = format!("{busy}{} / {} ", app.shown, app.total());
    let [l, r] = area.layout(&ratatui::layout::Layout::horizontal([
        ratatui::layout::Constraint::Min(0),
        ratatui::layout::Constraint::Length(u16::try_from(count.width() + 1).unwrap_or(12)),
    ]));
    frame.render_widget(
        Paragraph::new(Line::from(fit_spans(left, usize::from(l.width)))),
        l,
    );
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(count, theme.title)).right_aligned()),
        r,
    );
}

/// The spans that fit in `width` cells. When they do not all fit, the text is cut one cell short and
/// ends in `…`, even where the cut falls between two spans.
fn fit_spans(spans: Vec<Span<'static>>, width: usize) -> Vec<Span<'static>> {
    let total: usize = spans.iter().map(|s| s.content.width()).sum();
    if total <= width {
        return spans;
    }
    let mut room = width.saturating_sub(1);
    let mut out = Vec::with_capacity(spans.len());
    let mut last_style = ratatui::style::Style::new();
    for span in spans {
        if room == 0 {
            break;
        }
        last_style = span.style;
        let w = span.content.width();
        if w <= room {
            room -= w;
            out.push(span);
        } else {
            // `fit` ends what it cuts with its own `…`: cut one cell wider and drop that mark.
            let mut cut = fit(&span.content, room + 1);
            cut.pop();
            out.push(Span::styled(cut, span.style));
            break;
        }
    }
    if width > 0 {
        out.push(Span::styled("…", last_style));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(spans: &[Span]) -> String {
        spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn a_cut_header_ends_in_an_ellipsis_wherever_the_cut_falls() {
        let spans = || vec![Span::raw("privcat"), Span::raw(" · "), Span::raw("2018-05-18")];
        assert_eq!(text(&fit_spans(spans(), 20)), "privcat · 2018-05-18");
        assert_eq!(text(&fit_spans(spans(), 19)), "privcat · 2018-05-…");
        // The cut falls just after a whole span: the mark still shows.
        assert_eq!(text(&fit_spans(spans(), 11)), "privcat · …");
        assert_eq!(text(&fit_spans(spans(), 8)), "privcat…");
        for width in 1..20 {
            let cut = fit_spans(spans(), width);
            assert_eq!(text(&cut).width(), width);
            assert!(text(&cut).ends_with('…'));
        }
    }
}
