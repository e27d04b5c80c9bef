//! The only module that touches the real terminal: set-up, the event loop, the clipboard, and restoring on every exit.

use std::io::{self, IsTerminal, Write};

use base64::Engine;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEventKind};
use crossterm::execute;
use ratatui::DefaultTerminal;

use crate::app::{Action, App};
use crate::keymap;
use crate::ui::{self, Theme, View};

/// Why the explorer cannot start here, if it cannot: stdout must be a terminal that is not `dumb`.
pub fn unusable_reason(stdout_is_tty: bool, term: Option<&str>) -> Option<&'static str> {
    if !stdout_is_tty {
        return Some("the explorer needs a terminal, and standard output is not one");
    }
    if term == Some("dumb") {
        return Some("the explorer cannot draw on a terminal of type `dumb`");
    }
    None
}

/// Whether standard output is a terminal.
pub fn stdout_is_tty() -> bool {
    io::stdout().is_terminal()
}

/// Runs the explorer until the user quits; the terminal is restored on return, error and panic.
pub fn run(mut app: App, theme: Theme) -> anyhow::Result<()> {
    install_panic_hook();
    let mut terminal = ratatui::try_init()?;
    let result = execute!(io::stdout(), EnableMouseCapture)
        .map_err(anyhow::Error::from)
        .and_then(|()| event_loop(&mut terminal, &mut app, &theme));
    restore();
    result
}

/// Leaves raw mode, the alternate screen and mouse capture, and shows the cursor.
pub fn restore() {
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    let _ = execute!(io::stdout(), crossterm::cursor::Show);
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App, theme: &Theme) -> anyhow::Result<()> {
    let mut view = View::default();
    loop {
        terminal.draw(|frame| ui::draw(frame, app, theme, &mut view))?;
        if view.list_rows != app.list_rows || view.detail_max_scroll != app.detail_max_scroll {
            app.update(Action::Viewport {
                list_rows: view.list_rows,
                detail_max_scroll: view.detail_max_scroll,
            });
        }
        if let Some(text) = app.clipboard.take() {
            copy_to_clipboard(&text)?;
        }
        if app.quit {
            return Ok(());
        }
        if let Some(action) = next_action(&view, app)? {
            app.update(action);
        }
    }
}

/// Waits for the next input and turns it into an action; `None` for input that only needs a redraw.
fn next_action(view: &View, app: &App) -> io::Result<Option<Action>> {
    Ok(match event::read()? {
        // Any key closes the help overlay, even one that means nothing elsewhere.
        Event::Key(key) if key.is_press() || key.is_repeat() => {
            keymap::action_for(key, app.focus).or(app.show_help.then_some(Action::Back))
        }
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => view.click(mouse.column, mouse.row),
            MouseEventKind::ScrollDown => view
                .pane_at(mouse.column, mouse.row)
                .map(|p| Action::Scroll(p, 3)),
            MouseEventKind::ScrollUp => view
                .pane_at(mouse.column, mouse.row)
                .map(|p| Action::Scroll(p, -3)),
            _ => None,
        },
        _ => None,
    })
}

/// Puts `text` on the clipboard through the terminal (OSC 52), which also works over SSH.
fn copy_to_clipboard(text: &str) -> io::Result<()> {
    let mut out = io::stdout();
    write!(out, "{}", osc52(text))?;
    out.flush()
}

/// The OSC 52 sequence that sets the clipboard to `text`.
pub fn osc52(text: &str) -> String {
    format!(
        "\x1b]52;c;{}\x07",
        base64::engine::general_purpose::STANDARD.encode(text)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explorer_needs_a_real_terminal() {
        assert!(unusable_reason(false, Some("xterm")).is_some());
        assert!(unusable_reason(true, Some("dumb")).is_some());
        assert_eq!(unusable_reason(true, Some("xterm-256color")), None);
    }

    #[test]
    fn osc52_encodes_the_text() {
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x07");
    }
}
