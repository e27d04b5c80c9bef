//! The one place that knows keys: key events to actions, and the key lists of the help screen, the
//! key bar and the scenario pane, all from the table in [`bindings`].

pub mod bindings;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::{Action, Focus};
use crate::i18n::words;
use crate::text::Lang;
pub use bindings::{Act, BINDINGS, Binding, Panes, Press};

impl Panes {
    /// The pane a focus stands for.
    pub fn of(focus: Focus) -> Panes {
        match focus {
            Focus::Search => Panes::SEARCH,
            Focus::Facets => Panes::FACETS,
            Focus::List => Panes::LIST,
            Focus::Detail => Panes::DETAIL,
            Focus::Scenario => Panes::SCENARIO,
        }
    }
}

/// Whether `key` is `press`.
fn matches(press: Press, key: KeyEvent) -> bool {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    let plain = !ctrl && !alt;
    let ch = match key.code {
        KeyCode::Char(c) => Some(c),
        _ => None,
    };
    match press {
        Press::Key(code) => plain && key.code == code,
        Press::Ctrl(c) => ctrl && ch == Some(c),
        Press::Alt(c) => alt && !ctrl && ch == Some(c),
        Press::Digit => plain && ch.is_some_and(|c| c.is_ascii_digit()),
        Press::AltDigit => alt && !ctrl && ch.is_some_and(|c| c.is_ascii_digit()),
        Press::AnyChar => plain && ch.is_some_and(|c| !c.is_control()),
    }
}

/// The action `act` asks for when `key` is pressed.
fn act(act: &Act, key: KeyEvent) -> Action {
    let ch = match key.code {
        KeyCode::Char(c) => c,
        _ => ' ',
    };
    match act {
        Act::Do(action) => action.clone(),
        Act::Char(f) => f(ch),
        Act::Digit(f) => f(ch.to_digit(10).map_or(0, |d| d as usize)),
    }
}

/// The action a key press asks for in the focused pane, if any: the first binding that matches,
/// typing last.
pub fn action_for(key: KeyEvent, focus: Focus) -> Option<Action> {
    let here = Panes::of(focus);
    let presses = || {
        BINDINGS
            .iter()
            .flat_map(|b| b.presses.iter())
            .filter(|(_, panes, _)| panes.contains(here))
    };
    let first = |typing: bool| {
        presses()
            .filter(|(press, _, _)| (*press == Press::AnyChar) == typing)
            .find(|(press, _, _)| matches(*press, key))
            .map(|(_, _, a)| act(a, key))
    };
    first(false).or_else(|| first(true))
}

/// How a key is written in the help and the key bar.
pub fn key_name(press: Press) -> String {
    match press {
        Press::Key(code) => match code {
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Delete".into(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Char(' ') => "Space".into(),
            KeyCode::Char(c) => c.to_string(),
            other => format!("{other:?}"),
        },
        Press::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
        Press::Alt(c) => format!("Alt-{c}"),
        Press::Digit => "0–9".into(),
        Press::AltDigit => "Alt-0–9".into(),
        Press::AnyChar => String::new(),
    }
}

/// Every key of a binding, each once, in the table's order.
fn label(binding: &Binding, lang: Lang) -> String {
    if let Some(label) = binding.label {
        return label(&words(lang).keys).to_owned();
    }
    let mut names: Vec<String> = Vec::new();
    for (press, _, _) in binding.presses {
        let name = key_name(*press);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.join(" ")
}

/// Every binding with help, for the help screen and the README: (keys, what they do).
pub fn help(lang: Lang) -> Vec<(String, &'static str)> {
    let k = &words(lang).keys;
    BINDINGS
        .iter()
        .filter_map(|b| b.help.map(|help| (label(b, lang), help(k))))
        .collect()
}

/// The keys for the focused pane, for the key bar: the pane's own first, the pinned ones last.
pub fn key_bar(focus: Focus, lang: Lang) -> Vec<(String, &'static str)> {
    let here = Panes::of(focus);
    let k = &words(lang).keys;
    let entry = |b: &Binding| {
        let (_, word) = b.bar.iter().find(|(panes, _)| panes.contains(here))?;
        let key = match b.short {
            Some(short) => short.to_owned(),
            None => b
                .presses
                .iter()
                .find(|(_, panes, _)| panes.contains(here))
                .map(|(press, _, _)| key_name(*press))?,
        };
        Some((key, word(k)))
    };
    let own = BINDINGS.iter().filter(|b| !b.pinned).filter_map(entry);
    let pinned = BINDINGS.iter().filter(|b| b.pinned).filter_map(entry);
    own.chain(pinned).collect()
}

/// The number of key bar entries that always show, at its end.
pub fn pinned_count(focus: Focus) -> usize {
    let here = Panes::of(focus);
    BINDINGS
        .iter()
        .filter(|b| b.pinned && b.bar.iter().any(|(panes, _)| panes.contains(here)))
        .count()
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

#[cfg(test)]
mod tests;
