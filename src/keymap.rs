//! The one place that knows keys: key events to actions, and the key lists shown in help and the key bar.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::{Action, Focus};
use crate::text::Lang;

/// The action a key press asks for in the focused pane, if any.
pub fn action_for(key: KeyEvent, focus: Focus) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    if ctrl {
        return match key.code {
            KeyCode::Char('c') => Some(Action::Interrupt),
            KeyCode::Char('z') => Some(Action::Suspend),
            KeyCode::Char('u') => Some(Action::ClearQuery),
            KeyCode::Char('n') => Some(Action::Next),
            KeyCode::Char('p') => Some(Action::Prev),
            KeyCode::Char('a') => Some(Action::CursorStart),
            KeyCode::Char('e') => Some(Action::CursorEnd),
            KeyCode::Char('y') => Some(Action::CopyAnswer),
            _ => None,
        };
    }
    if alt {
        return match key.code {
            KeyCode::Char(c @ '0'..='9') => Some(Action::ChooseCategory(digit(c))),
            KeyCode::Char('s') => Some(Action::CycleSource),
            KeyCode::Char('l' | 'L') => Some(Action::ToggleLanguage),
            KeyCode::Char('x') => Some(Action::ClearFilters),
            KeyCode::Char('S') => Some(Action::OpenScenario),
            KeyCode::Char('h') => Some(Action::ToggleHideNotCollected),
            KeyCode::Char('X') => Some(Action::ClearScenario),
            _ => None,
        };
    }
    if focus == Focus::Scenario {
        return scenario_key(key.code);
    }
    if let Some(action) = common(key.code) {
        return Some(action);
    }
    if focus == Focus::Search {
        return search_key(key.code);
    }
    pane_key(key.code)
}

fn digit(c: char) -> usize {
    c.to_digit(10).map_or(0, |d| d as usize)
}

fn common(code: KeyCode) -> Option<Action> {
    Some(match code {
        KeyCode::F(1) => Action::ToggleHelp,
        KeyCode::Down => Action::Next,
        KeyCode::Up => Action::Prev,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::Tab => Action::FocusNext,
        KeyCode::BackTab => Action::FocusPrev,
        KeyCode::Esc => Action::Back,
        KeyCode::Enter => Action::Activate,
        _ => return None,
    })
}

fn scenario_key(code: KeyCode) -> Option<Action> {
    Some(match code {
        KeyCode::Up | KeyCode::Char('k') => Action::Prev,
        KeyCode::Down | KeyCode::Char('j') => Action::Next,
        KeyCode::Left => Action::CycleValue(-1),
        KeyCode::Right | KeyCode::Enter | KeyCode::Char(' ') => Action::CycleValue(1),
        KeyCode::Char('x') | KeyCode::Backspace | KeyCode::Delete => Action::UnsetDimension,
        KeyCode::Char('X') => Action::ClearScenario,
        KeyCode::Char('h') => Action::ToggleHideNotCollected,
        KeyCode::Esc | KeyCode::Char('S' | 'q') => Action::Back,
        KeyCode::Char('?') | KeyCode::F(1) => Action::ToggleHelp,
        _ => return None,
    })
}

fn search_key(code: KeyCode) -> Option<Action> {
    Some(match code {
        KeyCode::Char(c) => Action::Insert(c),
        KeyCode::Backspace => Action::DeleteBack,
        KeyCode::Delete => Action::DeleteForward,
        KeyCode::Left => Action::CursorLeft,
        KeyCode::Right => Action::CursorRight,
        KeyCode::Home => Action::CursorStart,
        KeyCode::End => Action::CursorEnd,
        _ => return None,
    })
}

fn pane_key(code: KeyCode) -> Option<Action> {
    Some(match code {
        KeyCode::Char('q') => Action::Quit,
        KeyCode::Char('/') => Action::FocusSearch,
        KeyCode::Char('j') => Action::Next,
        KeyCode::Char('k') => Action::Prev,
        KeyCode::Char('g') | KeyCode::Home => Action::First,
        KeyCode::Char('G') | KeyCode::End => Action::Last,
        KeyCode::Char(c @ '0'..='9') => Action::ChooseCategory(digit(c)),
        KeyCode::Char('s') => Action::CycleSource,
        KeyCode::Char('x') => Action::ClearFilters,
        KeyCode::Char('L') => Action::ToggleLanguage,
        KeyCode::Char('y') => Action::CopyAnswer,
        KeyCode::Char('?') => Action::ToggleHelp,
        KeyCode::Char('S') => Action::OpenScenario,
        KeyCode::Char('h') => Action::ToggleHideNotCollected,
        KeyCode::Char('X') => Action::ClearScenario,
        KeyCode::Left => Action::FocusPrev,
        KeyCode::Right => Action::FocusNext,
        KeyCode::Backspace => Action::DeleteBack,
        KeyCode::Char(c) if !c.is_control() => Action::Insert(c),
        _ => return None,
    })
}

/// Parses a key sequence such as `"imei<down><c-y>"` into key events, for tests, demos and screenshots.
///
/// Plain characters are typed as they are; `<name>` is a named key: `enter`, `esc`, `tab`, `s-tab`, `up`,
/// `down`, `left`, `right`, `pgup`, `pgdn`, `home`, `end`, `bs`, `del`, `f1`, `lt` (a `<`), `c-X` (Ctrl) and
/// `a-X` (Alt). An unknown name is an error.
pub fn parse_keys(spec: &str) -> Result<Vec<KeyEvent>, String> {
    let mut keys = Vec::new();
    let mut rest = spec;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            let end = rest
                .find('>')
                .ok_or_else(|| format!("unclosed `<` in {spec:?}"))?;
            keys.push(named_key(&rest[1..end])?);
            rest = &rest[end + 1..];
        } else {
            let modifiers = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            keys.push(KeyEvent::new(KeyCode::Char(c), modifiers));
            rest = &rest[c.len_utf8()..];
        }
    }
    Ok(keys)
}

fn named_key(name: &str) -> Result<KeyEvent, String> {
    let plain = |code| Ok(KeyEvent::new(code, KeyModifiers::NONE));
    match name {
        "enter" => plain(KeyCode::Enter),
        "esc" => plain(KeyCode::Esc),
        "tab" => plain(KeyCode::Tab),
        "s-tab" => Ok(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)),
        "up" => plain(KeyCode::Up),
        "down" => plain(KeyCode::Down),
        "left" => plain(KeyCode::Left),
        "right" => plain(KeyCode::Right),
        "pgup" => plain(KeyCode::PageUp),
        "pgdn" => plain(KeyCode::PageDown),
        "home" => plain(KeyCode::Home),
        "end" => plain(KeyCode::End),
        "bs" => plain(KeyCode::Backspace),
        "del" => plain(KeyCode::Delete),
        "f1" => plain(KeyCode::F(1)),
        "lt" => plain(KeyCode::Char('<')),
        _ => {
            let (modifier, key) = match name.split_once('-') {
                Some(("c", k)) => (KeyModifiers::CONTROL, k),
                Some(("a", k)) => (KeyModifiers::ALT, k),
                _ => return Err(format!("unknown key <{name}>")),
            };
            let mut chars = key.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Ok(KeyEvent::new(KeyCode::Char(c), modifier)),
                _ => Err(format!("unknown key <{name}>")),
            }
        }
    }
}

/// Every key, for the help overlay: (keys, what they do).
pub fn help(lang: Lang) -> Vec<(&'static str, &'static str)> {
    match lang {
        Lang::En => vec![
            (
                "type",
                "search (fuzzy; words must all match; upper case matches exactly)",
            ),
            ("/", "go to the search from any pane"),
            ("Esc", "clear the search, then leave it; close this help"),
            ("Ctrl-U", "clear the search"),
            ("↑ ↓  j k  Ctrl-N Ctrl-P", "move in the focused pane"),
            ("PgUp PgDn", "move a page"),
            (
                "Home End  g G",
                "first / last (in the search: start / end of the query)",
            ),
            ("Tab Shift-Tab  ← →", "next / previous pane"),
            ("Enter", "toggle the filter under the cursor; open the list"),
            ("0 1 2 3  (Alt- while typing)", "all categories / one category"),
            ("s  (Alt-s)", "cycle the source filter"),
            ("x  (Alt-x)", "clear every filter"),
            ("L  (Alt-L)", "switch between Swedish and English"),
            ("y  (Ctrl-Y)", "copy the selected item's answer (OSC 52)"),
            (
                "S  (Alt-S)",
                "scenario: set ownership, platform… and see what is collected",
            ),
            ("h  (Alt-h)", "hide or show items not collected in the scenario"),
            ("X  (Alt-X)", "clear the scenario"),
            ("? F1", "this help"),
            ("q Ctrl-C", "quit"),
            ("Ctrl-Z", "suspend to the shell; `fg` comes back"),
            (
                "mouse",
                "click selects or toggles; the wheel scrolls the pane under it",
            ),
        ],
        Lang::Sv => vec![
            (
                "skriv",
                "sök (ungefärligt; alla ord måste matcha; versaler matchar exakt)",
            ),
            ("/", "gå till sökningen från valfri ruta"),
            ("Esc", "rensa sökningen, lämna den sedan; stäng hjälpen"),
            ("Ctrl-U", "rensa sökningen"),
            ("↑ ↓  j k  Ctrl-N Ctrl-P", "flytta i den aktiva rutan"),
            ("PgUp PgDn", "flytta en sida"),
            (
                "Home End  g G",
                "första / sista (i sökningen: början / slutet av frågan)",
            ),
            ("Tab Shift-Tab  ← →", "nästa / föregående ruta"),
            ("Enter", "växla filtret under markören; öppna listan"),
            ("0 1 2 3  (Alt- när du skriver)", "alla kategorier / en kategori"),
            ("s  (Alt-s)", "byt källfilter"),
            ("x  (Alt-x)", "rensa alla filter"),
            ("L  (Alt-L)", "växla mellan svenska och engelska"),
            ("y  (Ctrl-Y)", "kopiera svaret för vald uppgift (OSC 52)"),
            (
                "S  (Alt-S)",
                "scenario: ange ägarskap, plattform… och se vad som samlas in",
            ),
            (
                "h  (Alt-h)",
                "dölj eller visa uppgifter som inte samlas in i scenariot",
            ),
            ("X  (Alt-X)", "rensa scenariot"),
            ("? F1", "denna hjälp"),
            ("q Ctrl-C", "avsluta"),
            ("Ctrl-Z", "pausa till skalet; `fg` återvänder"),
            (
                "mus",
                "klick väljer eller växlar; hjulet rullar rutan under pekaren",
            ),
        ],
    }
}

/// The most useful keys for the focused pane, for the key bar.
pub fn key_bar(focus: Focus, lang: Lang) -> Vec<(&'static str, &'static str)> {
    let sv = lang == Lang::Sv;
    let pick = |en: &'static str, sv_word: &'static str| if sv { sv_word } else { en };
    let mut keys = match focus {
        Focus::Search => vec![
            ("↑↓", pick("move", "flytta")),
            ("Enter", pick("list", "lista")),
            ("Esc", pick("clear", "rensa")),
            ("Alt-0…3", pick("category", "kategori")),
            ("Ctrl-Y", pick("copy answer", "kopiera svar")),
        ],
        Focus::Facets => vec![
            ("↑↓", pick("move", "flytta")),
            ("Enter", pick("toggle", "växla")),
            ("x", pick("clear filters", "rensa filter")),
        ],
        Focus::List => vec![
            ("↑↓", pick("move", "flytta")),
            ("0…3", pick("category", "kategori")),
            ("s", pick("source", "källa")),
            ("S", pick("scenario", "scenario")),
            ("y", pick("copy answer", "kopiera svar")),
            ("L", pick("language", "språk")),
        ],
        Focus::Detail => vec![
            ("↑↓", pick("scroll", "rulla")),
            ("y", pick("copy answer", "kopiera svar")),
            ("/", pick("search", "sök")),
        ],
        Focus::Scenario => vec![
            ("↑↓", pick("dimension", "dimension")),
            ("←→", pick("value", "värde")),
            ("x", pick("unset", "ta bort")),
            ("X", pick("clear all", "rensa allt")),
            ("h", pick("hide not collected", "dölj ej insamlade")),
            ("Esc", pick("close", "stäng")),
        ],
    };
    if focus != Focus::Scenario {
        keys.push(("Tab", pick("pane", "ruta")));
    }
    keys.push((
        if focus == Focus::Search { "F1" } else { "?" },
        pick("help", "hjälp"),
    ));
    keys.push((
        if focus == Focus::Search { "Ctrl-C" } else { "q" },
        pick("quit", "avsluta"),
    ));
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

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
            Some(Action::ChooseCategory(2))
        );
        assert_eq!(
            action_for(key(KeyCode::Char('2')), Focus::List),
            Some(Action::ChooseCategory(2))
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
    fn help_lists_the_same_keys_in_both_languages() {
        assert_eq!(help(Lang::En).len(), help(Lang::Sv).len());
        assert!(help(Lang::En).iter().any(|(k, _)| k.contains("Ctrl-U")));
    }
}
