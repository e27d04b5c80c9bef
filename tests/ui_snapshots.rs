//! Whole-screen snapshots of the explorer at several sizes, plus colour assertions snapshots cannot hold.

use privcat::app::App;
use privcat::catalog::{load_builtin, load_paths};
use privcat::keymap::{action_for, parse_keys};
use privcat::text::Lang;
use privcat::ui::{self, Theme, View};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;

fn app_after(keys: &str, lang: Lang) -> App {
    press(App::new(load_builtin().library.unwrap(), lang), keys)
}

/// The library of two documents that uses every kind of fact.
fn library_after(keys: &str, lang: Lang) -> App {
    let report = load_paths(&["tests/fixtures/valid/library.yaml".into()]);
    press(App::new(report.library.expect("the fixture loads"), lang), keys)
}

fn press(mut app: App, keys: &str) -> App {
    for key in parse_keys(keys).unwrap() {
        if let Some(action) = action_for(key, app.focus) {
            app.update(action);
        }
    }
    app
}

fn render(app: &App, theme: &Theme, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let mut view = View::default();
    terminal.draw(|f| ui::draw(f, app, theme, &mut view)).unwrap();
    terminal
}

fn screen(keys: &str, lang: Lang, width: u16, height: u16) -> Terminal<TestBackend> {
    render(&app_after(keys, lang), &Theme::color(), width, height)
}

fn text_of(buffer: &Buffer) -> String {
    let area = buffer.area;
    (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Cells on the row holding `needle`, starting at the needle.
fn cells_at<'b>(buffer: &'b Buffer, needle: &str) -> Vec<&'b ratatui::buffer::Cell> {
    let text = text_of(buffer);
    let (y, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(needle))
        .expect("needle on screen");
    let x = line[..line.find(needle).unwrap()].chars().count();
    (x..x + needle.chars().count())
        .map(|x| &buffer[(u16::try_from(x).unwrap(), u16::try_from(y).unwrap())])
        .collect()
}

#[test]
fn library_facets_and_headings_140x50() {
    let app = library_after("", Lang::En);
    insta::assert_snapshot!(render(&app, &Theme::color(), 140, 50).backend());
}

#[test]
fn library_detail_of_a_field_received_from_apple_140x50() {
    let app = library_after("udid", Lang::En);
    insta::assert_snapshot!(render(&app, &Theme::color(), 140, 50).backend());
}

/// The phone number Acme MDM collects: what the other document says of its own entry for the same field
/// (that the organisation may see it) is carried over by the stated link.
#[test]
fn library_detail_across_a_stated_link_in_swedish_140x60() {
    let app = library_after("maskinvara telefon", Lang::Sv);
    insta::assert_snapshot!(render(&app, &Theme::color(), 140, 60).backend());
}

#[test]
fn start_screen_80x24() {
    insta::assert_snapshot!(screen("", Lang::En, 80, 24).backend());
}

#[test]
fn start_screen_120x40() {
    insta::assert_snapshot!(screen("", Lang::En, 120, 40).backend());
}

#[test]
fn search_imei_120x40() {
    insta::assert_snapshot!(screen("imei", Lang::En, 120, 40).backend());
}

#[test]
fn search_without_a_clear_best_match_120x40() {
    insta::assert_snapshot!(screen("hardware", Lang::En, 120, 40).backend());
}

#[test]
fn search_shows_where_a_query_met_what_the_row_does_not_show_120x40() {
    insta::assert_snapshot!(screen("foton", Lang::En, 120, 40).backend());
}

#[test]
fn search_imei_80x24() {
    insta::assert_snapshot!(screen("imei", Lang::En, 80, 24).backend());
}

#[test]
fn category_filter_120x40() {
    insta::assert_snapshot!(screen("<esc>2", Lang::En, 120, 40).backend());
}

#[test]
fn swedish_120x40() {
    insta::assert_snapshot!(screen("<esc>Lj", Lang::En, 120, 40).backend());
}

#[test]
fn help_overlay_120x40() {
    insta::assert_snapshot!(screen("<esc>?", Lang::En, 120, 40).backend());
}

#[test]
fn too_small() {
    let terminal = screen("", Lang::En, 50, 10);
    insta::assert_snapshot!(terminal.backend());
    assert!(text_of(terminal.backend().buffer()).contains("Terminal too small"));
}

#[test]
fn matched_characters_are_highlighted_also_on_the_selected_row() {
    let terminal = screen("imei", Lang::En, 120, 40);
    let buffer = terminal.backend().buffer();
    let row = cells_at(buffer, "IMEI number  Hardware");
    let theme = Theme::color();
    for cell in &row[..4] {
        assert_eq!(
            cell.fg,
            theme.matched.fg.unwrap(),
            "matched char {:?}",
            cell.symbol()
        );
        assert_eq!(
            cell.bg,
            theme.selected.bg.unwrap(),
            "selected background kept under the match"
        );
    }
    assert_eq!(row[4].fg, Color::Reset, "the unmatched space is not highlighted");
    assert_eq!(row[4].bg, theme.selected.bg.unwrap());
}

#[test]
fn unselected_rows_keep_their_highlight_without_selection_background() {
    let terminal = screen("imei<down>", Lang::En, 120, 40);
    let buffer = terminal.backend().buffer();
    let row = cells_at(buffer, "IMEI number  Hardware");
    assert_eq!(row[0].fg, Theme::color().matched.fg.unwrap());
    assert_eq!(row[0].bg, Color::Reset);
}

#[test]
fn no_color_theme_uses_no_colour_at_all() {
    let terminal = render(&app_after("imei", Lang::En), &Theme::mono(), 120, 40);
    let buffer = terminal.backend().buffer();
    for cell in buffer.content() {
        assert_eq!(
            (cell.fg, cell.bg),
            (Color::Reset, Color::Reset),
            "cell {:?}",
            cell.symbol()
        );
    }
    let row = cells_at(buffer, "IMEI number");
    assert!(
        row[0].modifier.contains(ratatui::style::Modifier::UNDERLINED),
        "matches still stand out"
    );
    assert!(
        row[0].modifier.contains(ratatui::style::Modifier::REVERSED),
        "selection still stands out"
    );
}

#[test]
fn the_search_cursor_sits_after_the_query() {
    let mut terminal = screen("imei", Lang::En, 80, 24);
    let position = terminal.get_cursor_position().unwrap();
    assert_eq!((position.x, position.y), (1 + 2 + 4, 2));
}

#[test]
fn scenario_pane_120x40() {
    insta::assert_snapshot!(screen("<esc>S<right><right>jj<right><right>", Lang::En, 120, 40).backend());
}

#[test]
fn scenario_marks_in_the_list_120x40() {
    insta::assert_snapshot!(
        screen(
            "app<esc><esc>S<right><right>jj<right><right><esc>",
            Lang::En,
            120,
            40
        )
        .backend()
    );
}

#[test]
fn scenario_marks_are_coloured() {
    let terminal = screen(
        "app<tab><tab>S<right><right>jj<right><right><esc>",
        Lang::En,
        120,
        40,
    );
    let buffer = terminal.backend().buffer();
    let theme = Theme::color();
    let not_collected = cells_at(buffer, "✗ app name");
    assert_eq!(not_collected[0].fg, theme.not_collected.fg.unwrap());
}
