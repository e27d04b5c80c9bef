//! Colours and emphasis. Both colour themes use only the sixteen ANSI colours, so they read the same on
//! a 16-colour terminal, and the selection is an explicit foreground and background pair that is
//! readable whatever the terminal's own colours; a monochrome theme for `NO_COLOR` keeps every
//! distinction with modifiers alone.

use ratatui::style::{Color, Modifier, Style};

/// Every style the views use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub title: Style,
    pub dim: Style,
    pub heading: Style,
    pub group: Style,
    pub label: Style,
    pub matched: Style,
    /// A selected row in the focused pane: a foreground and a background that go together.
    pub selected: Style,
    /// Matched characters on the selected row.
    pub selected_match: Style,
    pub selected_unfocused: Style,
    pub border: Style,
    pub border_focused: Style,
    pub chip: Style,
    pub key: Style,
    pub message: Style,
    pub active: Style,
    pub inferred: Style,
    pub collected: Style,
    pub not_collected: Style,
    pub depends: Style,
}

/// The terminal's background the colours are chosen for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Palette {
    Dark,
    Light,
}

const fn pair(fg: Color, bg: Color) -> Style {
    Style::new().fg(fg).bg(bg)
}

const BOLD: Modifier = Modifier::BOLD;

impl Theme {
    /// For a dark background (the default).
    pub const fn dark() -> Theme {
        Theme {
            title: Style::new().fg(Color::Cyan).add_modifier(BOLD),
            dim: Style::new().fg(Color::DarkGray),
            heading: Style::new().fg(Color::Magenta).add_modifier(BOLD),
            group: Style::new().fg(Color::LightBlue).add_modifier(BOLD),
            label: Style::new().fg(Color::Cyan).add_modifier(BOLD),
            matched: Style::new().fg(Color::Yellow).add_modifier(BOLD),
            selected: pair(Color::Black, Color::Cyan),
            selected_match: pair(Color::Black, Color::Cyan).add_modifier(BOLD.union(Modifier::UNDERLINED)),
            selected_unfocused: pair(Color::Black, Color::Gray),
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(Color::Cyan),
            chip: pair(Color::Black, Color::Yellow),
            key: pair(Color::Black, Color::Cyan),
            message: Style::new().fg(Color::Green).add_modifier(BOLD),
            active: Style::new().fg(Color::Green).add_modifier(BOLD),
            inferred: Style::new().fg(Color::Yellow),
            collected: Style::new().fg(Color::Green).add_modifier(BOLD),
            not_collected: Style::new().fg(Color::Red).add_modifier(BOLD),
            depends: Style::new().fg(Color::Yellow).add_modifier(BOLD),
        }
    }

    /// For a light background: no yellow, white, cyan or bright foregrounds, which vanish on white.
    pub const fn light() -> Theme {
        Theme {
            title: Style::new().fg(Color::Blue).add_modifier(BOLD),
            dim: Style::new().fg(Color::DarkGray),
            heading: Style::new().fg(Color::Magenta).add_modifier(BOLD),
            group: Style::new().fg(Color::Blue).add_modifier(BOLD),
            label: Style::new().fg(Color::Blue).add_modifier(BOLD),
            matched: Style::new().fg(Color::Red).add_modifier(BOLD),
            selected: pair(Color::White, Color::Blue),
            selected_match: pair(Color::White, Color::Blue).add_modifier(BOLD.union(Modifier::UNDERLINED)),
            selected_unfocused: pair(Color::Black, Color::Gray),
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(Color::Blue),
            chip: pair(Color::White, Color::Magenta),
            key: pair(Color::White, Color::Blue),
            message: Style::new().fg(Color::Blue).add_modifier(BOLD),
            active: Style::new().fg(Color::Magenta).add_modifier(BOLD),
            inferred: Style::new().fg(Color::Magenta),
            collected: Style::new().fg(Color::Green).add_modifier(BOLD),
            not_collected: Style::new().fg(Color::Red).add_modifier(BOLD),
            depends: Style::new().fg(Color::Magenta).add_modifier(BOLD),
        }
    }

    /// Without colour: every distinction by a modifier.
    pub const fn mono() -> Theme {
        let plain = Style::new();
        Theme {
            title: plain.add_modifier(BOLD),
            dim: plain.add_modifier(Modifier::DIM),
            heading: plain.add_modifier(BOLD),
            group: plain.add_modifier(BOLD),
            label: plain.add_modifier(BOLD),
            matched: plain.add_modifier(Modifier::UNDERLINED),
            selected: plain.add_modifier(Modifier::REVERSED),
            selected_match: plain.add_modifier(Modifier::REVERSED.union(Modifier::UNDERLINED)),
            selected_unfocused: plain.add_modifier(Modifier::REVERSED),
            border: plain,
            border_focused: plain.add_modifier(BOLD),
            chip: plain.add_modifier(Modifier::REVERSED),
            key: plain.add_modifier(Modifier::REVERSED),
            message: plain.add_modifier(BOLD),
            active: plain.add_modifier(BOLD),
            inferred: plain.add_modifier(Modifier::ITALIC),
            collected: plain.add_modifier(BOLD),
            not_collected: plain.add_modifier(Modifier::CROSSED_OUT),
            depends: plain.add_modifier(Modifier::ITALIC),
        }
    }

    pub const fn of(palette: Palette) -> Theme {
        match palette {
            Palette::Dark => Theme::dark(),
            Palette::Light => Theme::light(),
        }
    }

    /// The theme for this run: monochrome when `NO_COLOR` is set to anything; else the palette asked
    /// for (`--theme`), else `PRIVCAT_THEME` (`dark` or `light`), else what `COLORFGBG` says of the
    /// background, else dark. `env` reads an environment variable.
    pub fn choose(asked: Option<Palette>, env: impl Fn(&str) -> Option<String>) -> Theme {
        if env("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            return Theme::mono();
        }
        let named = env("PRIVCAT_THEME").and_then(|v| Palette::parse(&v));
        let background = env("COLORFGBG").and_then(|v| Palette::from_colorfgbg(&v));
        Theme::of(asked.or(named).or(background).unwrap_or(Palette::Dark))
    }
}

impl Palette {
    /// `dark` or `light`, in any case.
    pub fn parse(name: &str) -> Option<Palette> {
        match name.trim().to_ascii_lowercase().as_str() {
            "dark" => Some(Palette::Dark),
            "light" => Some(Palette::Light),
            _ => None,
        }
    }

    /// `COLORFGBG` ("15;0", "0;default;15"): its last field is the background's colour number; white
    /// (7 or 15) is a light background.
    pub fn from_colorfgbg(value: &str) -> Option<Palette> {
        let background: u8 = value.rsplit(';').next()?.trim().parse().ok()?;
        Some(if matches!(background, 7 | 15) {
            Palette::Light
        } else {
            Palette::Dark
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn no_color_wins_then_the_flag_then_the_variables() {
        let all = [("NO_COLOR", "1"), ("PRIVCAT_THEME", "light")];
        assert_eq!(Theme::choose(Some(Palette::Light), env(&all)), Theme::mono());
        let named = [("PRIVCAT_THEME", "light"), ("COLORFGBG", "15;0")];
        assert_eq!(Theme::choose(None, env(&named)), Theme::light());
        assert_eq!(Theme::choose(Some(Palette::Dark), env(&named)), Theme::dark());
        assert_eq!(Theme::choose(None, env(&[("COLORFGBG", "0;15")])), Theme::light());
        assert_eq!(Theme::choose(None, env(&[("COLORFGBG", "15;0")])), Theme::dark());
        assert_eq!(Theme::choose(None, env(&[("NO_COLOR", "")])), Theme::dark());
        assert_eq!(
            Theme::choose(None, env(&[("PRIVCAT_THEME", "sepia")])),
            Theme::dark()
        );
    }

    #[test]
    fn colour_themes_use_only_the_sixteen_ansi_colours() {
        for theme in [Theme::dark(), Theme::light()] {
            let styles = [
                theme.title,
                theme.dim,
                theme.heading,
                theme.group,
                theme.label,
                theme.matched,
                theme.selected,
                theme.selected_match,
                theme.selected_unfocused,
                theme.border,
                theme.border_focused,
                theme.chip,
                theme.key,
                theme.message,
                theme.active,
                theme.inferred,
                theme.collected,
                theme.not_collected,
                theme.depends,
            ];
            for style in styles {
                for colour in [style.fg, style.bg].into_iter().flatten() {
                    assert!(
                        !matches!(colour, Color::Indexed(_) | Color::Rgb(..)),
                        "{colour:?} is not one of the sixteen"
                    );
                }
            }
            for selection in [theme.selected, theme.selected_match, theme.selected_unfocused] {
                assert!(
                    selection.fg.is_some() && selection.bg.is_some(),
                    "an explicit pair"
                );
                assert_ne!(selection.fg, selection.bg);
            }
        }
    }
}
