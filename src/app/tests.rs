//! Transitions of the explorer state, driven by actions and by key sequences through the key map.

use crate::app::{Action, App, Focus, Overlay, Row};
use crate::catalog::load_builtin;
use crate::keymap::{action_for, parse_keys};
use crate::search::Facet;
use crate::text::Lang;

fn app() -> App {
    App::new(load_builtin().library.unwrap(), Lang::En)
}

fn press(app: &mut App, keys: &str) {
    for key in parse_keys(keys).unwrap() {
        if let Some(action) = action_for(key, &*app) {
            app.update(action);
        }
    }
}

fn selected_id(app: &App) -> String {
    app.library.items[app.selected_item().unwrap()].id.clone()
}

/// How many items the library lists in the category with this id.
fn in_category(app: &App, id: &str) -> usize {
    app.library
        .count_by_category()
        .into_iter()
        .find(|(c, _)| c == id)
        .map_or(0, |(_, n)| n)
}

/// The id of the last item of the browsing outline.
fn last_in_outline(app: &App) -> String {
    let last = app.rows.iter().rev().find_map(|r| match r {
        Row::Item(h) => Some(h.item),
        _ => None,
    });
    app.library.items[last.unwrap()].id.clone()
}

#[test]
fn starts_in_the_search_browsing_every_item_under_headings() {
    let app = app();
    assert_eq!(app.focus, Focus::Search);
    let every = app.library.items.len();
    assert!(every > 200, "the built-in library lists every page's items");
    assert_eq!((app.shown, app.total()), (every, every));
    assert!(matches!(app.rows[0], Row::Document { .. }));
    assert!(matches!(app.rows[1], Row::Category { .. }));
    assert!(matches!(app.rows[2], Row::Group { .. }));
    assert_eq!(selected_id(&app), "owner-name");
}

#[test]
fn typing_searches_and_selects_the_best_match() {
    let mut app = app();
    press(&mut app, "imei");
    assert_eq!(app.query, "imei");
    assert_eq!(selected_id(&app), "imei");
    assert!(
        app.rows.iter().all(|r| matches!(r, Row::Item(_))),
        "no headings while searching"
    );
}

#[test]
fn esc_clears_the_query_then_leaves_the_search() {
    let mut app = app();
    press(&mut app, "imei<esc>");
    assert_eq!((app.query.as_str(), app.focus), ("", Focus::Search));
    assert_eq!(app.shown, app.library.items.len());
    press(&mut app, "<esc>");
    assert_eq!(app.focus, Focus::List);
    press(&mut app, "<esc>");
    assert_eq!(app.focus, Focus::Search, "Esc in a pane goes back to the search");
    press(&mut app, "<tab><tab>ab");
    assert_eq!(
        (app.query.as_str(), app.focus),
        ("ab", Focus::Search),
        "typing in a pane searches"
    );
    press(&mut app, "<c-u>");
    assert_eq!(app.query, "");
}

#[test]
fn ctrl_w_and_alt_backspace_delete_the_word_before_the_cursor() {
    let mut app = app();
    press(&mut app, "hur länge sparas  <c-w>");
    assert_eq!((app.query.as_str(), app.cursor), ("hur länge ", 10));
    press(&mut app, "<a-bs>");
    assert_eq!(app.query, "hur ");
    press(&mut app, "mycket<left><left><left><c-w>");
    assert_eq!((app.query.as_str(), app.cursor), ("hur ket", 4));
    press(&mut app, "<home><c-w>");
    assert_eq!(app.query, "hur ket", "nothing before the cursor");
}

#[test]
fn letters_that_were_commands_type_in_every_pane() {
    for (to_pane, focus) in [
        ("", Focus::Search),
        ("<tab>", Focus::Facets),
        ("<tab><tab>", Focus::List),
        ("<tab><tab><tab>", Focus::Detail),
        ("<a-S>", Focus::Scenario),
    ] {
        for word in [
            "serienummer",
            "kamera",
            "hur länge sparas",
            "quit",
            "yes",
            "xbox",
            "2018",
            "Gq?/SLXjk",
        ] {
            let mut app = app();
            press(&mut app, to_pane);
            assert_eq!(app.focus, focus);
            press(&mut app, word);
            assert_eq!(app.query, word, "typed in {focus:?}");
            assert_eq!(app.focus, Focus::Search);
            assert!(app.request.is_none() && app.filter.is_empty() && app.scenario.is_empty());
            assert!(!app.hide_not_collected && app.lang == Lang::En && app.overlay.is_none());
        }
    }
}

#[test]
fn cursor_editing_handles_multibyte_chars() {
    let mut app = app();
    press(&mut app, "åtkmst<left><left><left>o<end><bs>t");
    assert_eq!(app.query, "åtkomst");
    assert_eq!(app.cursor, 7);
}

#[test]
fn movement_skips_headings_and_stops_at_the_ends() {
    let mut app = app();
    press(&mut app, "<down><down><down>");
    assert_eq!(selected_id(&app), "device-name");
    press(&mut app, "<up><up><up><up>");
    assert_eq!(selected_id(&app), "owner-name");
    press(&mut app, "<esc><end>");
    assert_eq!(selected_id(&app), last_in_outline(&app));
    press(&mut app, "<home><down>");
    assert_eq!(selected_id(&app), "user-principal-name");
}

#[test]
fn digits_choose_a_category_and_chips_show_it() {
    let mut app = app();
    press(&mut app, "<tab><tab><a-2>");
    assert_eq!(app.focus, Focus::List);
    assert_eq!(app.chosen(Facet::Category), Some("pseudonymized"));
    assert_eq!(app.shown, in_category(&app, "pseudonymized"));
    assert_eq!(app.shown, 22, "the page lists 22 pseudonymized items");
    assert_eq!(app.chips(), vec!["Pseudonymized data".to_string()]);
    press(&mut app, "<a-0>");
    assert_eq!(app.shown, app.library.items.len());
    press(&mut app, "<a-3>");
    assert_eq!(app.shown, in_category(&app, "aggregated"));
}

#[test]
fn source_filter_cycles_and_alt_x_clears_everything() {
    let mut app = app();
    press(&mut app, "<esc><a-s>");
    assert_eq!(app.chosen(Facet::Source), Some("admin-portal"));
    press(&mut app, "<a-s><a-s><a-s>");
    assert_eq!(app.chosen(Facet::Source), Some("diagnostics"));
    assert_eq!(app.shown, 7);
    press(&mut app, "<a-s>");
    assert_eq!(app.chosen(Facet::Source), None);
    press(&mut app, "<a-1><a-s><a-x>");
    assert!(app.filter.is_empty());
    assert_eq!(app.message.as_deref(), Some("Filters cleared"));
}

#[test]
fn facet_counts_follow_the_query() {
    let mut app = app();
    press(&mut app, "id");
    let by_category: usize = app.counts.by_value[Facet::Category as usize].iter().sum();
    let with_category = app
        .rows
        .iter()
        .filter(|r| matches!(r, Row::Item(h) if app.library.items[h.item].category.is_some()))
        .count();
    assert_eq!(by_category, with_category);
    press(&mut app, "<a-2>");
    assert!(
        app.counts.all(Facet::Category) > app.shown,
        "the All entry counts every category"
    );
}

#[test]
fn enter_on_a_facet_toggles_it() {
    let mut app = app();
    press(&mut app, "<tab>");
    assert_eq!(app.focus, Focus::Facets);
    press(&mut app, "<down><enter>");
    assert_eq!(app.chosen(Facet::Category), Some("identified"));
    press(&mut app, "<enter>");
    assert_eq!(app.chosen(Facet::Category), None);
}

#[test]
fn clicks_select_items_and_toggle_facets() {
    let mut app = app();
    let imei = app
        .rows
        .iter()
        .position(|r| matches!(r, Row::Item(h) if app.library.items[h.item].id == "imei"))
        .unwrap();
    app.update(Action::ClickRow(imei));
    assert_eq!(selected_id(&app), "imei");
    assert_eq!(app.focus, Focus::List);
    app.update(Action::ClickRow(0));
    assert_eq!(selected_id(&app), "imei", "a click on a heading selects nothing");
    let aggregated = app
        .facets
        .iter()
        .position(|f| app.facet_name(f) == "Aggregated data")
        .unwrap();
    app.update(Action::ClickFacet(aggregated));
    assert_eq!(app.shown, in_category(&app, "aggregated"));
}

#[test]
fn language_toggle_switches_catalog_text_and_interface_words() {
    let mut app = app();
    press(&mut app, "<esc><a-l>");
    assert_eq!(app.lang, Lang::Sv);
    assert_eq!(app.message.as_deref(), Some("Språk: svenska"));
    assert_eq!(app.facet_name(&app.facets[0]), "Kategorier");
    press(&mut app, "<a-L>");
    assert_eq!(app.lang, Lang::En);
}

#[test]
fn copy_sends_the_answer_shows_it_and_claims_no_more_than_that() {
    let mut app = app();
    press(&mut app, "imei<c-y>");
    let copied = app.clipboard.clone().unwrap();
    assert!(
        copied.starts_with("IMEI number\n- Microsoft Intune lists it as identified data"),
        "{copied}"
    );
    assert_eq!(
        app.overlay,
        Some(Overlay::Answer(copied)),
        "shown to read and select"
    );
    assert!(
        !app.wants_mouse(),
        "the terminal's own selection works while it is shown"
    );
    let said = app.message.clone().unwrap();
    assert!(said.contains("sent to the terminal's clipboard"), "{said}");
    assert!(!said.contains("copied"), "{said}");
    press(&mut app, "x");
    assert_eq!(app.query, "imei", "nothing types into the answer");
    press(&mut app, "<esc>");
    assert_eq!(app.overlay, None);
    assert!(app.wants_mouse());
    app.mouse = false;
    assert!(!app.wants_mouse(), "--no-mouse");
}

#[test]
fn without_a_clear_best_match_copy_waits_for_a_chosen_item() {
    let mut app = app();
    press(&mut app, "hardware");
    assert!(!app.answerable(), "{:?}", app.confidence);
    press(&mut app, "<c-y>");
    assert_eq!(
        app.clipboard, None,
        "no answer for an item the query did not select"
    );
    assert_eq!(
        app.message.as_deref(),
        Some("No clear best match: choose an item with ↑↓ before copying its answer")
    );
    press(&mut app, "<down><c-y>");
    let copied = app.clipboard.take().unwrap();
    assert!(copied.starts_with(app.library.items[app.selected_item().unwrap()].name.get(Lang::En)));
    // A new query takes the choice back.
    press(&mut app, "<esc> x");
    assert!(app.chosen_for.as_ref() != Some(&app.query));
}

#[test]
fn a_question_about_a_topic_shows_and_copies_the_documents_general_facts() {
    let mut app = app();
    press(&mut app, "hur länge sparas");
    assert!(app.rows.is_empty(), "no field named");
    let shown = app.topic_answer.clone().expect("the retention facts");
    assert!(
        shown.starts_with("How long the documents say personal data is kept:\n"),
        "{shown}"
    );
    assert!(
        shown.contains("Audit logs are retained for up to one year."),
        "{shown}"
    );
    press(&mut app, "<c-y>");
    assert_eq!(app.clipboard.as_deref(), Some(shown.as_str()));
    press(&mut app, "q");
    app.update(Action::ToggleLanguage);
    let sv = app.topic_answer.clone().unwrap();
    assert!(
        sv.starts_with("Hur länge dokumenten säger att personuppgifter sparas:\n"),
        "{sv}"
    );
}

#[test]
fn help_opens_with_f1_scrolls_and_closes_with_esc_q_or_question_mark() {
    for close in ["<esc>", "q", "?", "<f1>"] {
        let mut app = app();
        press(&mut app, "<tab><tab><f1>");
        assert_eq!(app.overlay, Some(Overlay::Help));
        let selected = app.selected_item();
        press(&mut app, "<down><down><up>j");
        assert_eq!(
            app.overlay_scroll, 1,
            "arrows scroll the help; letters do nothing"
        );
        assert_eq!(app.selected_item(), selected, "the list below did not move");
        press(&mut app, close);
        assert_eq!(app.overlay, None, "{close} closes the help");
        assert!(
            app.request.is_none() && app.query.is_empty(),
            "{close} did nothing else"
        );
    }
}

#[test]
fn ctrl_c_quits_from_the_search() {
    let mut app = app();
    press(&mut app, "q");
    assert!(app.request.is_none());
    assert_eq!(app.query, "q");
    press(&mut app, "<c-c>");
    assert_eq!(app.request, Some(crate::app::Request::Quit));
}

#[test]
fn detail_scroll_is_clamped_and_reset_on_a_new_selection() {
    let mut app = app();
    app.update(Action::Viewport {
        list_rows: 10,
        detail_rows: 4,
        detail_max_scroll: 5,
        overlay_max_scroll: 0,
    });
    press(&mut app, "<s-down><s-down>");
    assert_eq!(
        (app.focus, app.detail_scroll),
        (Focus::Search, 2),
        "scrolled from the search"
    );
    press(&mut app, "<s-pgup>");
    assert_eq!(app.detail_scroll, 0, "half of 4 lines up");
    press(&mut app, "<tab><tab><tab>");
    assert_eq!(app.focus, Focus::Detail);
    press(&mut app, "<pgdn><pgdn>");
    assert_eq!(app.detail_scroll, 5);
    press(&mut app, "<up>");
    assert_eq!(app.detail_scroll, 4);
    app.update(Action::Scroll(crate::app::Pane::List, 1));
    assert_eq!(app.detail_scroll, 0);
}

#[test]
fn browsing_keeps_the_selection_when_a_filter_still_shows_it() {
    let mut app = app();
    press(&mut app, "<esc><down><down><down>");
    assert_eq!(selected_id(&app), "device-name");
    press(&mut app, "<a-1>");
    assert_eq!(selected_id(&app), "device-name", "identified data still shows it");
    press(&mut app, "<a-2>");
    assert_eq!(
        selected_id(&app),
        "feature-use-count",
        "the first pseudonymized item"
    );
}

#[test]
fn no_match_leaves_nothing_selected() {
    let mut app = app();
    press(&mut app, "zzzzqqq");
    assert_eq!(app.shown, 0);
    assert_eq!(app.selected_item(), None);
    press(&mut app, "<down><c-y>");
    assert_eq!(app.clipboard, None);
}

#[test]
fn scenario_pane_sets_values_and_marks_follow() {
    let mut app = app();
    press(&mut app, "<esc><a-S>");
    assert_eq!(app.focus, Focus::Scenario);
    assert_eq!(app.dimension(0).unwrap().id, "ownership");
    press(&mut app, "<right><right>");
    assert_eq!(app.scenario.to_string(), "ownership=personal");
    press(&mut app, "<down><down><right><right>");
    assert_eq!(app.scenario.to_string(), "compliant-app=off,ownership=personal");
    let app_name = app.library.find("app-name").unwrap();
    assert_eq!(
        app.verdict(app_name).unwrap().outcome,
        crate::scenario::Outcome::NotCollected
    );
    press(&mut app, "<left>");
    assert_eq!(app.scenario.to_string(), "compliant-app=on,ownership=personal");
    press(&mut app, "<del>");
    assert_eq!(app.scenario.to_string(), "ownership=personal");
    press(&mut app, "<esc>");
    assert_eq!(
        app.focus,
        Focus::List,
        "closing returns to the pane it was opened from"
    );
    press(&mut app, "<a-X>");
    assert!(app.scenario.is_empty());
    assert!(app.verdicts.is_empty());
}

#[test]
fn scenario_values_cycle_through_unset() {
    let mut app = app();
    press(&mut app, "<a-S>");
    assert_eq!(app.focus, Focus::Scenario);
    press(&mut app, "<right><right><right>");
    assert!(app.scenario.is_empty(), "corporate, personal, then unset again");
    press(&mut app, "<left>");
    assert_eq!(app.scenario.to_string(), "ownership=personal");
}

#[test]
fn hide_key_hides_only_with_a_scenario() {
    let mut app = app();
    let every = app.library.items.len();
    press(&mut app, "<esc><a-h>");
    assert!(!app.hide_not_collected, "nothing is known not to be collected");
    assert!(app.message.as_deref().unwrap().contains("No scenario is set"));
    assert_eq!(app.shown, every);
    press(
        &mut app,
        "<a-S><right><right><down><down><right><right><esc><a-h>",
    );
    assert!(app.hide_not_collected);
    assert!(app.message.as_deref().unwrap().contains("are hidden"));
    let not_collected = (0..every)
        .filter(|&i| {
            app.verdict(i)
                .is_some_and(|v| v.outcome == crate::scenario::Outcome::NotCollected)
        })
        .count();
    assert!(
        not_collected > 0,
        "personal devices without the compliant-app feature skip app inventory"
    );
    assert_eq!(app.shown, every - not_collected);
    press(&mut app, "<a-h>");
    assert_eq!(app.shown, every);
}

#[test]
fn a_paste_goes_into_the_query_at_the_cursor_as_one_line_of_text() {
    let mut app = app();
    press(&mut app, "<tab><tab>");
    assert_eq!(app.focus, Focus::List);
    app.update(Action::Insert('x'));
    app.update(Action::CursorStart);
    app.update(Action::Paste("imei\nqs\r\n\t\u{1b}[2J\u{202e}".to_owned()));
    assert_eq!(app.query, "imei qs  [2Jx");
    assert_eq!(app.cursor, "imei qs  [2J".chars().count());
    assert_eq!(app.focus, Focus::Search);
}

#[test]
fn a_scenario_given_at_start_is_kept_when_a_background_load_arrives() {
    use crate::app::{Delivery, Prepared};
    use crate::scenario::Scenario;
    let scenario = Scenario::parse("ownership=personal").unwrap();
    let mut waiting = App::new(crate::catalog::Library::default(), Lang::En).with_scenario(scenario.clone());
    let library = load_builtin().library.unwrap();
    waiting.update(Action::Loaded(Delivery(std::sync::Arc::new(Prepared::new(
        library,
    )))));
    assert_eq!(waiting.scenario, scenario);
    assert_eq!(
        waiting.verdicts.len(),
        waiting.library.items.len(),
        "judged in the scenario"
    );
}

#[test]
fn early_hits_are_shown_while_the_search_goes_on_then_replaced() {
    let mut app = app();
    app.deferred = true;
    app.generation = 7;
    app.in_flight = Some(7);
    let query = crate::search::Query::parse("imei");
    let all = crate::search::matches(&app.index, &query);
    let early = crate::search::early(&app.index, &query, app.index.len() / 2, 1);
    assert_eq!(early.len(), 1);
    app.query = "imei".into();
    app.parsed = query;
    app.update(Action::ResultsArrived {
        generation: 7,
        hits: early.clone(),
        early: true,
    });
    assert!(app.searching(), "the whole search is still running");
    assert_eq!(app.shown, 1);
    app.update(Action::ResultsArrived {
        generation: 7,
        hits: all.clone(),
        early: false,
    });
    assert!(!app.searching());
    assert_eq!(app.shown, all.len());
    assert!(all.len() > 1);
}

#[test]
fn a_pasted_page_is_searched_by_its_first_words_and_the_rest_is_named() {
    let mut app = app();
    let words: Vec<String> = (0..40).map(|i| format!("imei{i}")).collect();
    app.update(Action::Paste(format!("imei {}", words.join(" "))));
    let message = app.message.clone().expect("the left-out words are named");
    assert!(
        message.contains("first 32 words") && message.contains("9 more"),
        "{message}"
    );
    app.update(Action::ClearQuery);
    assert_eq!(app.message, None);
}
