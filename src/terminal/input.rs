//! Input from the terminal as actions: every event waiting is read before the next frame.

use std::io;
use std::time::Duration;

use crossterm::event::{self, Event, MouseButton, MouseEventKind};

use crate::app::{Action, App, Focus};
use crate::keymap;
use crate::ui::View;

/// How long to wait for more input once some was read. Not zero: crossterm's level-triggered reader
/// (`use-dev-tty`, which reads a long paste to its end) never looks at the terminal for a zero timeout.
const MORE_INPUT: Duration = Duration::from_millis(1);

/// Reads every input event waiting, so that keys typed or pasted faster than frames are drawn all act
/// before the next frame: a long paste without bracketed paste is read in one go, and Ctrl-U or
/// Ctrl-C after it act at once. Characters typed into the search are inserted together.
pub fn take(view: &View, app: &mut App) -> io::Result<()> {
    let mut typed = String::new();
    loop {
        let event = event::read()?;
        match action_for(&event, view, app) {
            Some(Action::Insert(c)) if app.focus == Focus::Search && app.overlay.is_none() => typed.push(c),
            action => {
                if !typed.is_empty() {
                    app.update(Action::Paste(std::mem::take(&mut typed)));
                }
                if let Some(action) = action {
                    app.update(action);
                }
            }
        }
        if app.request.is_some() || !event::poll(MORE_INPUT)? {
            break;
        }
    }
    if !typed.is_empty() {
        app.update(Action::Paste(typed));
    }
    Ok(())
}

/// The action an input event asks for; `None` for input that only needs a redraw.
fn action_for(event: &Event, view: &View, app: &App) -> Option<Action> {
    match event {
        Event::Key(key) if key.is_press() || key.is_repeat() => keymap::action_for(*key, app),
        Event::Paste(text) => Some(Action::Paste(text.clone())),
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
    }
}
