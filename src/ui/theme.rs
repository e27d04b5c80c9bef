//! Colours and emphasis; a monochrome theme for `NO_COLOR` keeps every distinction with modifiers alone.

use ratatui::style::{Color, Modifier, Style};

/// Every style the views use.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub title: Style,
    pub dim: Style,
    pub heading: Style,
    pub group: Style,
    pub label: Style,
    pub matched: Style,
    /// Added over a selected row: a background or reversal, never a foreground.
    pub selected: Style,
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

impl Theme {
    pub const fn color() -> Theme {
        Theme {
            title: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            dim: Style::new().fg(Color::DarkGray),
            heading: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            group: Style::new().fg(Color::LightBlue).add_modifier(Modifier::BOLD),
            label: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            matched: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            selected: Style::new().bg(Color::Indexed(238)).add_modifier(Modifier::BOLD),
            selected_unfocused: Style::new().bg(Color::Indexed(236)),
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(Color::Cyan),
            chip: Style::new().fg(Color::Black).bg(Color::Yellow),
            key: Style::new().fg(Color::Black).bg(Color::Cyan),
            message: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            active: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            inferred: Style::new().fg(Color::Yellow),
            collected: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            not_collected: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            depends: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
        }
    }

    pub const fn mono() -> Theme {
        let plain = Style::new();
        Theme {
            title: plain.add_modifier(Modifier::BOLD),
            dim: plain.add_modifier(Modifier::DIM),
            heading: plain.add_modifier(Modifier::BOLD),
            group: plain.add_modifier(Modifier::BOLD),
            label: plain.add_modifier(Modifier::BOLD),
            matched: plain.add_modifier(Modifier::UNDERLINED),
            selected: plain.add_modifier(Modifier::REVERSED),
            selected_unfocused: plain.add_modifier(Modifier::REVERSED),
            border: plain,
            border_focused: plain.add_modifier(Modifier::BOLD),
            chip: plain.add_modifier(Modifier::REVERSED),
            key: plain.add_modifier(Modifier::REVERSED),
            message: plain.add_modifier(Modifier::BOLD),
            active: plain.add_modifier(Modifier::BOLD),
            inferred: plain.add_modifier(Modifier::ITALIC),
            collected: plain.add_modifier(Modifier::BOLD),
            not_collected: plain.add_modifier(Modifier::CROSSED_OUT),
            depends: plain.add_modifier(Modifier::ITALIC),
        }
    }

    /// Monochrome when `NO_COLOR` is set to anything non-empty.
    pub fn from_env(no_color: Option<&str>) -> Theme {
        if no_color.is_some_and(|v| !v.is_empty()) {
            Theme::mono()
        } else {
            Theme::color()
        }
    }
}
