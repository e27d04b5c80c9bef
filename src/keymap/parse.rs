//! Key sequences written as text (`"imei<down><c-y>"`), for tests, demos and screenshots.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Parses a key sequence such as `"imei<down><c-y>"` into key events, for tests, demos and screenshots.
///
/// Plain characters are typed as they are; `<name>` is a named key: `enter`, `esc`, `tab`, `s-tab`, `up`,
/// `down`, `left`, `right`, `pgup`, `pgdn`, `home`, `end`, `bs`, `del`, `f1`, `lt` (a `<`), `s-up`,
/// `s-down`, `s-pgup`, `s-pgdn` (Shift), `a-bs` (Alt-Backspace), `c-X` (Ctrl) and `a-X` (Alt). An
/// unknown name is an error.
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
        "s-up" => Ok(KeyEvent::new(KeyCode::Up, KeyModifiers::SHIFT)),
        "s-down" => Ok(KeyEvent::new(KeyCode::Down, KeyModifiers::SHIFT)),
        "s-pgup" => Ok(KeyEvent::new(KeyCode::PageUp, KeyModifiers::SHIFT)),
        "s-pgdn" => Ok(KeyEvent::new(KeyCode::PageDown, KeyModifiers::SHIFT)),
        "a-bs" => Ok(KeyEvent::new(KeyCode::Backspace, KeyModifiers::ALT)),
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
