//! The key table: matching per pane, labels, the key bar, and the README's key table.

use super::*;
use crate::search::Facet;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn with(code: KeyCode, m: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, m)
}

#[test]
fn letters_type_into_the_search_and_command_in_panes() {
    assert_eq!(
        action_for(key(KeyCode::Char('q')), Focus::Search),
        Some(Action::Insert('q'))
    );
    assert_eq!(
        action_for(key(KeyCode::Char('q')), Focus::List),
        Some(Action::Quit)
    );
    assert_eq!(
        action_for(key(KeyCode::Char('j')), Focus::List),
        Some(Action::Next)
    );
    assert_eq!(
        action_for(key(KeyCode::Char('i')), Focus::List),
        Some(Action::Insert('i'))
    );
    assert_eq!(
        action_for(key(KeyCode::Char('/')), Focus::Detail),
        Some(Action::FocusSearch)
    );
}

#[test]
fn shifted_and_modified_keys() {
    assert_eq!(
        action_for(with(KeyCode::Char('L'), KeyModifiers::SHIFT), Focus::List),
        Some(Action::ToggleLanguage)
    );
    assert_eq!(
        action_for(with(KeyCode::Char('G'), KeyModifiers::SHIFT), Focus::Facets),
        Some(Action::Last)
    );
    assert_eq!(
        action_for(with(KeyCode::Char('c'), KeyModifiers::CONTROL), Focus::Search),
        Some(Action::Interrupt)
    );
    assert_eq!(
        action_for(with(KeyCode::Char('2'), KeyModifiers::ALT), Focus::Search),
        Some(Action::ChooseValue(Facet::Category, 2))
    );
    assert_eq!(
        action_for(key(KeyCode::Char('2')), Focus::List),
        Some(Action::ChooseValue(Facet::Category, 2))
    );
    assert_eq!(
        action_for(key(KeyCode::Char('2')), Focus::Search),
        Some(Action::Insert('2'))
    );
    assert_eq!(
        action_for(with(KeyCode::Char('u'), KeyModifiers::CONTROL), Focus::List),
        Some(Action::ClearQuery)
    );
    assert_eq!(
        action_for(key(KeyCode::BackTab), Focus::List),
        Some(Action::FocusPrev)
    );
    assert_eq!(
        action_for(with(KeyCode::Char('d'), KeyModifiers::ALT), Focus::Search),
        Some(Action::CycleFacet(Facet::Document))
    );
    assert_eq!(
        action_for(with(KeyCode::Char('w'), KeyModifiers::CONTROL), Focus::Search),
        None
    );
}

#[test]
fn the_scenario_pane_has_its_own_keys() {
    assert_eq!(
        action_for(key(KeyCode::Right), Focus::Scenario),
        Some(Action::CycleValue(1))
    );
    assert_eq!(
        action_for(key(KeyCode::Char('x')), Focus::Scenario),
        Some(Action::UnsetDimension)
    );
    assert_eq!(
        action_for(key(KeyCode::Char('q')), Focus::Scenario),
        Some(Action::Back)
    );
    assert_eq!(action_for(key(KeyCode::Tab), Focus::Scenario), None);
    assert_eq!(
        action_for(with(KeyCode::Char('c'), KeyModifiers::CONTROL), Focus::Scenario),
        Some(Action::Interrupt)
    );
}

#[test]
fn no_key_means_two_things_in_one_pane() {
    for pane in [
        Panes::SEARCH,
        Panes::FACETS,
        Panes::LIST,
        Panes::DETAIL,
        Panes::SCENARIO,
    ] {
        let presses: Vec<Press> = BINDINGS
            .iter()
            .flat_map(|b| b.presses.iter())
            .filter(|(_, panes, _)| panes.contains(pane))
            .map(|(press, _, _)| *press)
            .collect();
        for (i, p) in presses.iter().enumerate() {
            assert!(
                !presses[i + 1..].contains(p),
                "{p:?} is bound twice in pane {pane:?}"
            );
        }
    }
}

#[test]
fn key_sequences_parse() {
    let keys = parse_keys("iL<down><c-u><a-2><lt>").unwrap();
    assert_eq!(keys.len(), 6);
    assert_eq!(keys[1], with(KeyCode::Char('L'), KeyModifiers::SHIFT));
    assert_eq!(keys[3], with(KeyCode::Char('u'), KeyModifiers::CONTROL));
    assert_eq!(keys[5], key(KeyCode::Char('<')));
    assert!(parse_keys("<nope>").is_err());
    assert!(parse_keys("<down").is_err());
}

#[test]
fn help_labels_come_from_the_keys() {
    let en = help(Lang::En);
    assert_eq!(en.len(), help(Lang::Sv).len());
    let move_keys = en
        .iter()
        .find(|(_, what)| *what == "move in the focused pane")
        .unwrap();
    assert_eq!(move_keys.0, "↑ ↓ j k Ctrl-N Ctrl-P");
    assert!(en.iter().any(|(keys, _)| keys == "Ctrl-U"));
    assert_eq!(en[0].0, "type");
}

#[test]
fn the_key_bar_ends_with_pane_help_and_quit() {
    let bar = key_bar(Focus::Search, Lang::En);
    let last: Vec<(&str, &str)> = bar[bar.len() - 3..]
        .iter()
        .map(|(k, w)| (k.as_str(), *w))
        .collect();
    assert_eq!(last, [("Tab", "pane"), ("F1", "help"), ("Ctrl-C", "quit")]);
    assert!(bar.iter().any(|(k, w)| k == "Ctrl-Y" && *w == "copy answer"));
    let swedish = key_bar(Focus::List, Lang::Sv);
    assert!(swedish.iter().any(|(k, w)| k == "q" && *w == "avsluta"));
    assert_eq!(pinned_count(Focus::Search), 3);
    assert_eq!(pinned_count(Focus::Scenario), 2, "help and quit");
}

/// The rows of the README's key table: (keys, what they do), backticks removed.
fn readme_rows() -> Vec<(String, String)> {
    let readme = include_str!("../../README.md");
    let table = readme
        .split_once("| keys | what they do |")
        .expect("the README has a key table")
        .1;
    table
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split(" | ").map(str::trim).collect();
            (cells[0].replace('`', ""), cells[1].to_owned())
        })
        .collect()
}

#[test]
fn the_readme_key_table_is_the_help_screen() {
    let help: Vec<(String, String)> = help(Lang::En)
        .into_iter()
        .map(|(k, w)| (k, w.to_owned()))
        .collect();
    assert_eq!(readme_rows(), help);
}
