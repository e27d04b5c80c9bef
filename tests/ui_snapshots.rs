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
        if let Some(action) = action_for(key, &app) {
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
    render(&app_after(keys, lang), &Theme::dark(), width, height)
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
    insta::assert_snapshot!(render(&app, &Theme::dark(), 140, 50).backend());
}

#[test]
fn library_detail_of_a_field_received_from_apple_140x50() {
    let app = library_after("udid", Lang::En);
    insta::assert_snapshot!(render(&app, &Theme::dark(), 140, 50).backend());
}

/// The phone number Acme MDM collects: what the other document says of its own entry for the same field
/// (that the organisation may see it) is carried over by the stated link.
#[test]
fn library_detail_across_a_stated_link_in_swedish_140x60() {
    let app = library_after("maskinvara telefon", Lang::Sv);
    insta::assert_snapshot!(render(&app, &Theme::dark(), 140, 60).backend());
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
    insta::assert_snapshot!(screen("<esc><a-2>", Lang::En, 120, 40).backend());
}

#[test]
fn swedish_120x40() {
    insta::assert_snapshot!(screen("<esc><a-l><down>", Lang::En, 120, 40).backend());
}

#[test]
fn help_overlay_120x40() {
    insta::assert_snapshot!(screen("<esc><f1>", Lang::En, 120, 40).backend());
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
    let theme = Theme::dark();
    for cell in &row[..4] {
        assert_eq!(
            (Some(cell.fg), Some(cell.bg)),
            (theme.selected.fg, theme.selected.bg),
            "the selection's own pair under the match {:?}",
            cell.symbol()
        );
        assert!(
            cell.modifier
                .contains(ratatui::style::Modifier::UNDERLINED | ratatui::style::Modifier::BOLD),
            "the match still stands out"
        );
    }
    assert!(
        !row[4].modifier.contains(ratatui::style::Modifier::UNDERLINED),
        "the unmatched space"
    );
    assert_eq!(row[4].bg, theme.selected.bg.unwrap());
}

#[test]
fn unselected_rows_keep_their_highlight_without_selection_background() {
    let terminal = screen("imei<down>", Lang::En, 120, 40);
    let buffer = terminal.backend().buffer();
    let row = cells_at(buffer, "IMEI number  Hardware");
    assert_eq!(row[0].fg, Theme::dark().matched.fg.unwrap());
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
    insta::assert_snapshot!(
        screen(
            "<esc><a-S><right><right><down><down><right><right>",
            Lang::En,
            120,
            40
        )
        .backend()
    );
}

#[test]
fn scenario_marks_in_the_list_120x40() {
    insta::assert_snapshot!(
        screen(
            "app<esc><esc><a-S><right><right><down><down><right><right><esc>",
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
        "app<tab><tab><a-S><right><right><down><down><right><right><esc><down>",
        Lang::En,
        120,
        40,
    );
    let buffer = terminal.backend().buffer();
    let theme = Theme::dark();
    let not_collected = cells_at(buffer, "✗ app name");
    assert_eq!(not_collected[0].fg, theme.not_collected.fg.unwrap());
}

/// The last row of a screen: the key bar.
fn key_bar_of(terminal: &Terminal<TestBackend>) -> String {
    text_of(terminal.backend().buffer())
        .lines()
        .last()
        .unwrap()
        .to_owned()
}

#[test]
fn start_screen_60x15() {
    let terminal = screen("", Lang::En, 60, 15);
    let header = text_of(terminal.backend().buffer())
        .lines()
        .next()
        .unwrap()
        .to_owned();
    assert!(header.contains('…'), "a cut header says so: {header:?}");
    assert!(header.trim_end().ends_with("276 / 276"), "{header:?}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn the_key_bar_keeps_search_copy_help_and_quit_at_80_columns_in_both_languages() {
    let essentials = [
        (
            Lang::En,
            [
                "type  to search",
                "Ctrl-Y  copy answer",
                "F1  help",
                "Ctrl-C  quit",
            ],
        ),
        (
            Lang::Sv,
            [
                "skriv  för att söka",
                "Ctrl-Y  kopiera svar",
                "F1  hjälp",
                "Ctrl-C  avsluta",
            ],
        ),
    ];
    for (lang, wanted) in essentials {
        for to_pane in ["", "imei", "<tab>", "<tab><tab>", "<tab><tab><tab>"] {
            let bar = key_bar_of(&screen(to_pane, lang, 80, 24));
            for hint in wanted {
                assert!(
                    bar.contains(hint),
                    "{hint:?} missing after {to_pane:?} in {lang:?}: {bar:?}"
                );
            }
        }
    }
    let wide = key_bar_of(&screen("<tab><tab>", Lang::En, 240, 24));
    assert!(
        wide.contains("Alt-l  language"),
        "a wide bar has room for more: {wide:?}"
    );
}

#[test]
fn help_80x24() {
    let terminal = screen("<f1>", Lang::En, 80, 24);
    let text = text_of(terminal.backend().buffer());
    assert!(text.contains("Every letter, digit and sign types into the search"));
    assert!(text.contains("more: ↓"), "a sign that more follows:\n{text}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn help_60x15_scrolls_to_its_last_entry() {
    let top = screen("<f1>", Lang::En, 60, 15);
    let text = text_of(top.backend().buffer());
    assert!(text.contains("Every letter, digit"), "{text}");
    assert!(!text.contains("mouse"), "the end is below:\n{text}");
    let end = screen("<f1><end>", Lang::En, 60, 15);
    let text = text_of(end.backend().buffer());
    assert!(text.contains("mouse"), "scrolled to the end:\n{text}");
    assert!(!text.contains("more: ↓"), "nothing more below:\n{text}");
    insta::assert_snapshot!(end.backend());
}

#[test]
fn a_200_character_query_scrolls_and_keeps_the_cursor_in_the_box() {
    let query: String = "serienummer kamera ".repeat(11).chars().take(200).collect();
    let mut terminal = screen(&query, Lang::En, 80, 24);
    let cursor = terminal.get_cursor_position().unwrap();
    let text = text_of(terminal.backend().buffer());
    let line = text.lines().nth(2).unwrap();
    assert_eq!(cursor.y, 2);
    assert!(cursor.x > 2 && cursor.x < 79, "cursor inside the box: {cursor:?}");
    assert!(line.contains("› …"), "the start is cut off and says so: {line:?}");
    let tail: String = query.chars().skip(180).collect();
    assert!(
        line.contains(tail.trim_end()),
        "the end of the query is shown: {line:?}"
    );
    let mut terminal = screen(&format!("{query}<home>"), Lang::En, 80, 24);
    let text = text_of(terminal.backend().buffer());
    let line = text.lines().nth(2).unwrap();
    assert!(line.contains("› serienummer kamera"), "{line:?}");
    assert!(line.trim_end().ends_with("…│"), "{line:?}");
    assert_eq!(terminal.get_cursor_position().unwrap().x, 3);
}

#[test]
fn copy_shows_the_answer_to_read_and_select_80x24() {
    let terminal = screen("imei<c-y>", Lang::En, 80, 24);
    let text = text_of(terminal.backend().buffer());
    assert!(text.contains("IMEI number"), "{text}");
    assert!(
        text.contains("- Microsoft Intune lists it as identified data"),
        "{text}"
    );
    assert!(text.contains("sent to the terminal's clipboard"), "{text}");
    assert!(text.contains("Select it with the mouse"), "{text}");
    assert!(!text.contains("copied"), "{text}");
    // No side borders: a selected row holds the answer and nothing else.
    let row = text
        .lines()
        .find(|l| l.starts_with("IMEI number"))
        .expect("the answer at the left edge");
    assert!(!row.contains('│'), "{row:?}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn no_match_names_the_keys_that_clear() {
    let text = text_of(screen("zzzzqqq", Lang::En, 120, 40).backend().buffer());
    assert!(
        text.contains("Esc clears") && text.contains("Alt-x the filters"),
        "{text}"
    );
    assert!(!text.contains(" x the filters"), "{text}");
}

#[test]
fn search_imei_light_theme_120x40() {
    let app = app_after("imei", Lang::En);
    let terminal = render(&app, &Theme::light(), 120, 40);
    insta::assert_snapshot!(terminal.backend());
    let buffer = terminal.backend().buffer();
    let row = cells_at(buffer, "IMEI number  Hardware");
    let theme = Theme::light();
    for cell in &row[..4] {
        assert_eq!(
            (cell.fg, cell.bg),
            (Color::White, Color::Blue),
            "{:?}",
            cell.symbol()
        );
        assert!(
            cell.modifier.contains(ratatui::style::Modifier::UNDERLINED),
            "matched"
        );
    }
    assert_eq!((row[5].fg, row[5].bg), (Color::White, Color::Blue));
    let other = cells_at(buffer, "IMEI  Authenticate");
    assert_eq!(other[0].fg, theme.matched.fg.unwrap());
    assert_ne!(other[0].fg, Color::Yellow, "no yellow on a light background");
}

/// What a 16-colour terminal can show: the default colours and the sixteen ANSI ones.
fn sixteen(colour: Color) -> bool {
    !matches!(colour, Color::Indexed(_) | Color::Rgb(..))
}

#[test]
fn every_colour_on_screen_is_one_a_16_colour_terminal_has() {
    for theme in [Theme::dark(), Theme::light()] {
        for keys in ["imei", "<tab><tab>", "<tab>", "imei<c-y>", "<f1>", "<a-S><right>"] {
            let terminal = render(&app_after(keys, Lang::En), &theme, 120, 40);
            for cell in terminal.backend().buffer().content() {
                assert!(sixteen(cell.fg) && sixteen(cell.bg), "{cell:?} after {keys:?}");
            }
        }
    }
}

#[test]
fn the_selected_row_is_an_explicit_pair_in_every_theme_and_pane() {
    for (theme, pair) in [
        (Theme::dark(), (Color::Black, Color::Cyan)),
        (Theme::light(), (Color::White, Color::Blue)),
    ] {
        let terminal = render(&app_after("", Lang::En), &theme, 120, 40);
        let row = cells_at(terminal.backend().buffer(), "  Owner name/user display");
        assert!(row.iter().all(|c| (c.fg, c.bg) == pair), "list: {:?}", row[0]);
        let terminal = render(&app_after("<tab><down>", Lang::En), &theme, 120, 40);
        let row = cells_at(terminal.backend().buffer(), "○ Identified data");
        assert!(row.iter().all(|c| (c.fg, c.bg) == pair), "filters: {:?}", row[0]);
        let terminal = render(&app_after("<tab>", Lang::En), &theme, 120, 40);
        let row = cells_at(terminal.backend().buffer(), "  Owner name/user display");
        let unfocused = theme.selected_unfocused;
        assert!(
            row.iter()
                .all(|c| (Some(c.fg), Some(c.bg)) == (unfocused.fg, unfocused.bg)),
            "the list's selection while the filters have the focus: {:?}",
            row[0]
        );
    }
}
