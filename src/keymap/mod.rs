//! The one place that knows keys: key events to actions, and the key lists of the help screen, the
//! key bar, the scenario pane and the overlays, all from the table in [`bindings`].

pub mod bindings;
mod parse;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use unicode_width::UnicodeWidthStr;

use crate::app::{Action, App, Focus, Overlay};
use crate::i18n::words;
use crate::text::Lang;
pub use bindings::{Act, BACKSPACE, BINDINGS, Binding, Panes, Press};
pub use parse::parse_keys;

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

    /// Where the keys go now: an open overlay, else the focused pane.
    pub fn at(app: &App) -> Panes {
        match app.overlay {
            Some(Overlay::Help) => Panes::HELP,
            Some(Overlay::Answer(_)) => Panes::ANSWER,
            None => Panes::of(app.focus),
        }
    }
}

impl From<Focus> for Panes {
    fn from(focus: Focus) -> Panes {
        Panes::of(focus)
    }
}

impl From<&App> for Panes {
    fn from(app: &App) -> Panes {
        Panes::at(app)
    }
}

/// Whether `key` is `press`.
fn matches(press: Press, key: KeyEvent) -> bool {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    let shift = key.modifiers.contains(KeyModifiers::SHIFT);
    let plain = !ctrl && !alt;
    let ch = match key.code {
        KeyCode::Char(c) => Some(c),
        // Alt-Backspace is written as Alt and the backspace character.
        KeyCode::Backspace if alt => Some(BACKSPACE),
        _ => None,
    };
    match press {
        // Shift is part of a character (`S`) and of Shift-Tab; on other keys it is a key of its own.
        Press::Key(code) => plain && key.code == code && (!shift || ch.is_some() || code == KeyCode::BackTab),
        Press::Shift(code) => plain && shift && key.code == code,
        Press::Ctrl(c) => ctrl && !alt && ch.map(|k| k.to_ascii_lowercase()) == Some(c),
        Press::Alt(c) => alt && !ctrl && ch == Some(c),
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

/// The action a key press asks for where the keys go (`Panes::at(&app)`, or a focus), if any: the
/// first binding that matches, typing last.
pub fn action_for(key: KeyEvent, at: impl Into<Panes>) -> Option<Action> {
    let here = at.into();
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
        Press::Key(code) => code_name(code),
        Press::Shift(code) => format!("Shift-{}", code_name(code)),
        Press::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
        Press::Alt(BACKSPACE) => "Alt-Backspace".into(),
        Press::Alt(c) => format!("Alt-{c}"),
        Press::AltDigit => "Alt-0–9".into(),
        Press::AnyChar => String::new(),
    }
}

fn code_name(code: KeyCode) -> String {
    match code {
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

/// One hint of the key bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub key: String,
    pub word: &'static str,
    /// The lowest go first when the bar is too narrow.
    pub priority: u8,
}

/// The hints for where the keys go, in the table's order.
pub fn key_bar(at: impl Into<Panes>, lang: Lang) -> Vec<Hint> {
    let here = at.into();
    let k = &words(lang).keys;
    let hint = |b: &Binding| {
        let (_, word) = b.bar.iter().find(|(panes, _)| panes.contains(here))?;
        let key = if let Some(short) = b.short {
            short.to_owned()
        } else if b.presses.first().is_some_and(|(p, _, _)| *p == Press::AnyChar) {
            label(b, lang)
        } else {
            b.presses
                .iter()
                .find(|(_, panes, _)| panes.contains(here))
                .map(|(press, _, _)| key_name(*press))?
        };
        Some(Hint {
            key,
            word: word(k),
            priority: b.priority,
        })
    };
    BINDINGS.iter().filter_map(hint).collect()
}

/// The hints that fit in `width` columns when each takes its key, its word and `extra` columns: the
/// least important leave first, the last of equals before the first.
pub fn fitting(mut hints: Vec<Hint>, width: usize, extra: usize) -> Vec<Hint> {
    let needed = |hints: &[Hint]| {
        hints
            .iter()
            .map(|h| h.key.width() + h.word.width() + extra)
            .sum::<usize>()
    };
    while needed(&hints) > width && !hints.is_empty() {
        let lowest = hints.iter().map(|h| h.priority).min().unwrap_or(0);
        if let Some(i) = hints.iter().rposition(|h| h.priority == lowest) {
            hints.remove(i);
        }
    }
    hints
}

/// What each key does where `at` is, every key written out, as "↑↓ scroll · Esc/q close": the
/// footer of an overlay and the scenario pane's key line. Quitting is left to the key bar below.
pub fn footer(at: Panes, lang: Lang) -> String {
    let k = &words(lang).keys;
    let mut parts = Vec::new();
    let quits = |b: &Binding| {
        b.presses
            .iter()
            .any(|(_, _, a)| matches!(a, Act::Do(Action::Interrupt)))
    };
    for b in BINDINGS.iter().filter(|b| !quits(b)) {
        let Some((_, word)) = b.bar.iter().find(|(panes, _)| panes.contains(at)) else {
            continue;
        };
        let keys = if let Some(short) = b.short {
            short.to_owned()
        } else {
            let mut names: Vec<String> = Vec::new();
            for (press, panes, _) in b.presses {
                let name = key_name(*press);
                if panes.contains(at) && !names.contains(&name) {
                    names.push(name);
                }
            }
            names.join("/")
        };
        if !keys.is_empty() {
            parts.push(format!("{keys} {}", word(k)));
        }
    }
    parts.join(" · ")
}

/// Every key that does `action` where `at` is, for sentences that name them ("Esc or q closes").
pub fn keys_for(action: &Action, at: Panes) -> Vec<String> {
    BINDINGS
        .iter()
        .flat_map(|b| b.presses.iter())
        .filter(|(_, panes, a)| panes.contains(at) && matches!(a, Act::Do(x) if x == action))
        .map(|(press, _, _)| key_name(*press))
        .collect()
}

#[cfg(test)]
mod tests;
