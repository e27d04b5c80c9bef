//! The key table: matching per pane, labels, the key bar, and the README's key table.

use super::*;
use crate::search::Facet;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn with(code: KeyCode, m: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, m)
}

/// Every printable key, in every pane where typing happens, types: fzf's and television's model.
#[test]
fn every_printable_key_types_in_every_pane() {
    let typing = [
        Focus::Search,
        Focus::Facets,
        Focus::List,
        Focus::Detail,
        Focus::Scenario,
    ];
    let printable = ('a'..='z')
        .chain('A'..='Z')
        .chain('0'..='9')
        .chain("åäöÅÄÖ éü?/!-_.,:;'\"@#$%&*()[]{}<>+=~|^`".chars());
    for c in printable {
        let shift = if c.is_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        for focus in typing {
            assert_eq!(
                action_for(with(KeyCode::Char(c), shift), focus),
                Some(Action::Insert(c)),
                "{c:?} in {focus:?}"
            );
        }
    }
}

#[test]
fn commands_live_on_ctrl_alt_function_keys_and_arrows() {
    for focus in [Focus::Search, Focus::List, Focus::Detail, Focus::Facets] {
        assert_eq!(
            action_for(with(KeyCode::Char('c'), KeyModifiers::CONTROL), focus),
            Some(Action::Interrupt)
        );
        assert_eq!(
            action_for(with(KeyCode::Char('y'), KeyModifiers::CONTROL), focus),
            Some(Action::CopyAnswer)
        );
        assert_eq!(action_for(key(KeyCode::F(1)), focus), Some(Action::ToggleHelp));
        assert_eq!(
            action_for(with(KeyCode::Char('2'), KeyModifiers::ALT), focus),
            Some(Action::ChooseValue(Facet::Category, 2))
        );
        assert_eq!(
            action_for(with(KeyCode::Char('w'), KeyModifiers::CONTROL), focus),
            Some(Action::DeleteWord)
        );
        assert_eq!(
            action_for(with(KeyCode::Backspace, KeyModifiers::ALT), focus),
            Some(Action::DeleteWord)
        );
        assert_eq!(
            action_for(with(KeyCode::Down, KeyModifiers::SHIFT), focus),
            Some(Action::Scroll(crate::app::Pane::Detail, 1))
        );
    }
    assert_eq!(action_for(key(KeyCode::Down), Focus::Search), Some(Action::Next));
    assert_eq!(
        action_for(
            with(KeyCode::Char('S'), KeyModifiers::ALT | KeyModifiers::SHIFT),
            Focus::List
        ),
        Some(Action::OpenScenario)
    );
    assert_eq!(
        action_for(
            with(KeyCode::Char('L'), KeyModifiers::ALT | KeyModifiers::SHIFT),
            Focus::List
        ),
        Some(Action::ToggleLanguage)
    );
    assert_eq!(
        action_for(with(KeyCode::Char('d'), KeyModifiers::ALT), Focus::Search),
        Some(Action::CycleFacet(Facet::Document))
    );
    assert_eq!(
        action_for(key(KeyCode::BackTab), Focus::List),
        Some(Action::FocusPrev)
    );
    assert_eq!(
        action_for(key(KeyCode::Left), Focus::Search),
        Some(Action::CursorLeft)
    );
    assert_eq!(
        action_for(key(KeyCode::Left), Focus::List),
        Some(Action::FocusPrev)
    );
}

#[test]
fn the_overlays_close_on_esc_q_and_question_mark_and_scroll() {
    for c in ['q', '?'] {
        assert_eq!(
            action_for(key(KeyCode::Char(c)), Panes::HELP),
            Some(Action::CloseOverlay)
        );
    }
    assert_eq!(
        action_for(key(KeyCode::Esc), Panes::HELP),
        Some(Action::CloseOverlay)
    );
    assert_eq!(
        action_for(key(KeyCode::F(1)), Panes::HELP),
        Some(Action::CloseOverlay)
    );
    assert_eq!(action_for(key(KeyCode::Down), Panes::HELP), Some(Action::Next));
    assert_eq!(
        action_for(key(KeyCode::Char('j')), Panes::HELP),
        None,
        "nothing types here"
    );
    assert_eq!(
        action_for(key(KeyCode::Esc), Panes::ANSWER),
        Some(Action::CloseOverlay)
    );
    assert_eq!(
        action_for(key(KeyCode::Enter), Panes::ANSWER),
        Some(Action::CloseOverlay)
    );
    assert_eq!(
        action_for(with(KeyCode::Char('c'), KeyModifiers::CONTROL), Panes::ANSWER),
        Some(Action::Interrupt)
    );
}

#[test]
fn the_scenario_pane_has_its_own_keys() {
    assert_eq!(
        action_for(key(KeyCode::Right), Focus::Scenario),
        Some(Action::CycleValue(1))
    );
    assert_eq!(
        action_for(key(KeyCode::Delete), Focus::Scenario),
        Some(Action::UnsetDimension)
    );
    assert_eq!(action_for(key(KeyCode::Esc), Focus::Scenario), Some(Action::Back));
    assert_eq!(action_for(key(KeyCode::Tab), Focus::Scenario), None);
    assert_eq!(
        action_for(with(KeyCode::Char('c'), KeyModifiers::CONTROL), Focus::Scenario),
        Some(Action::Interrupt)
    );
}

#[test]
fn no_key_means_two_things_in_one_pane() {
    for bit in 0..7 {
        let pane = Panes(1 << bit);
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
        .find(|(_, what)| what.starts_with("move in the focused pane"))
        .unwrap();
    assert_eq!(move_keys.0, "↑ ↓ Ctrl-P Ctrl-N");
    assert!(en.iter().any(|(keys, _)| keys == "Ctrl-W Alt-Backspace"));
    assert_eq!(en[0].0, "type");
    for (keys, _) in &en[1..] {
        let plain_letter = keys
            .split(' ')
            .any(|k| k.chars().count() == 1 && k.chars().all(char::is_alphanumeric));
        assert!(!plain_letter, "{keys:?}: a plain letter is a command");
    }
}

fn bar_words(at: impl Into<Panes>, lang: Lang) -> Vec<(String, &'static str)> {
    key_bar(at, lang).into_iter().map(|h| (h.key, h.word)).collect()
}

#[test]
fn the_key_bar_keeps_search_copy_help_and_quit_longest() {
    let essentials = [
        ("type".to_owned(), "to search"),
        ("Ctrl-Y".to_owned(), "copy answer"),
        ("F1".to_owned(), "help"),
        ("Ctrl-C".to_owned(), "quit"),
    ];
    for focus in [Focus::Search, Focus::Facets, Focus::List, Focus::Detail] {
        let bar = key_bar(focus, Lang::En);
        let kept: Vec<(String, &str)> = fitting(bar, 0, 5).into_iter().map(|h| (h.key, h.word)).collect();
        assert!(kept.is_empty());
        let bar = key_bar(focus, Lang::En);
        let narrow: Vec<(String, &str)> = fitting(bar, 66, 5).into_iter().map(|h| (h.key, h.word)).collect();
        assert_eq!(narrow, essentials, "in {focus:?}");
    }
    let swedish = bar_words(Focus::List, Lang::Sv);
    assert!(swedish.contains(&("Ctrl-C".to_owned(), "avsluta")));
    assert!(swedish.contains(&("skriv".to_owned(), "för att söka")));
}

#[test]
fn the_scenario_pane_says_what_its_keys_do() {
    let line = footer(Panes::SCENARIO, Lang::En);
    for part in [
        "↑↓ dimension",
        "←→ value",
        "Delete/Backspace unset",
        "Alt-X clear all",
        "Alt-h hide not collected",
        "Esc close",
        "F1 help",
    ] {
        assert!(line.contains(part), "{part:?} not in {line:?}");
    }
    let bar = bar_words(Focus::Scenario, Lang::En);
    assert!(bar.contains(&("Esc".to_owned(), "close")), "{bar:?}");
    assert!(!bar.iter().any(|(k, _)| k == "q"), "q types: {bar:?}");
    let help = footer(Panes::HELP, Lang::En);
    assert!(help.contains("Esc/q/?/F1 close"), "{help}");
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
