//! The only module that touches the real terminal: set-up, the event loop, signals, the clipboard,
//! and restoring the terminal on every way out (quit, error, signal, panic, suspend).

mod input;
mod settle;
mod signals;

use std::io::{self, IsTerminal, Write};
use std::sync::{Arc, mpsc};
use std::thread;
use std::time::Duration;

use base64::Engine;
use crossterm::event::{self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::DefaultTerminal;
use ratatui::backend::{Backend, ClearType};
use signal_hook::consts::{SIGHUP, SIGTSTP};

use crate::app::worker::Worker;
use crate::app::{Action, App, Delivery, Prepared, Request};
use crate::cli::output::visible;
use crate::ui::{self, Theme, View};
use signals::Watch;

/// How long to wait for input before looking at signals again.
const TICK: Duration = Duration::from_millis(50);

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

/// Runs the explorer until the user quits or a signal ends it; returns the exit status
/// (0, or 128 + the signal). The terminal is restored on return, error and panic.
pub fn run(app: App, theme: Theme) -> anyhow::Result<i32> {
    run_with(app, &theme, None)
}

/// The result of loading catalogs in the background: the library ready to explore, or why it cannot be.
pub type Loaded = anyhow::Result<Prepared>;

/// Opens the explorer at once on an empty App that says it is loading, and hands it what `loading`
/// delivers; a load error leaves the explorer and is returned.
pub fn run_loading(app: App, theme: &Theme, loading: &mpsc::Receiver<Loaded>) -> anyhow::Result<i32> {
    run_with(app, theme, Some(loading))
}

fn run_with(mut app: App, theme: &Theme, loading: Option<&mpsc::Receiver<Loaded>>) -> anyhow::Result<i32> {
    let watch = Watch::start(restore, take_again)?;
    install_panic_hook();
    watch_for_hangup();
    let mut terminal = ratatui::try_init()?;
    let result = execute!(io::stdout(), EnableBracketedPaste)
        .map_err(anyhow::Error::from)
        .and_then(|()| event_loop(&mut terminal, &mut app, theme, &watch, loading));
    // Reading or drawing fails on a terminal that has gone away: that is a hang-up, not an error.
    let result = match result {
        Err(_) if watch.ending().is_some() || !io::stdout().is_terminal() => {
            Ok(128 + watch.ending().unwrap_or(SIGHUP))
        }
        result => result,
    };
    drop(watch);
    restore();
    result
}

/// A finished background load, as the action that hands it to the App.
fn take_loaded(loading: Option<&mpsc::Receiver<Loaded>>) -> anyhow::Result<Option<Action>> {
    let Some(result) = loading.and_then(|rx| rx.try_recv().ok()) else {
        return Ok(None);
    };
    Ok(Some(Action::Loaded(Delivery(Arc::new(result?)))))
}

/// Leaves raw mode, the alternate screen, mouse capture and bracketed paste, and shows the cursor; on a
/// terminal that is gone, quietly does what it can (no message, which would have nowhere to go).
pub fn restore() {
    let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
    let _ = crossterm::terminal::disable_raw_mode();
    let _ = execute!(io::stdout(), LeaveAlternateScreen, crossterm::cursor::Show);
}

/// Takes the terminal again after the process was stopped, whatever the shell did with it meanwhile.
fn take_again() {
    // crossterm remembers raw mode as on and would not set it again: the shell may have reset it.
    let _ = crossterm::terminal::disable_raw_mode();
    let _ = crossterm::terminal::enable_raw_mode();
    // The mouse is asked for again by the event loop, as the App wants it.
    let _ = execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste);
}

/// A terminal can also go away without a SIGHUP (one privcat is not attached to as its controlling
/// terminal): crossterm's reader then spins on end of file. This ends the process as a hang-up would.
fn watch_for_hangup() {
    thread::spawn(|| {
        loop {
            thread::sleep(Duration::from_millis(250));
            if !io::stdout().is_terminal() {
                std::process::exit(128 + SIGHUP);
            }
        }
    });
}

fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        restore();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(ToString::to_string)
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        // The message may quote a catalog.
        let message = visible(&message);
        let _ = writeln!(
            io::stderr(),
            "privcat {} stopped on an internal error{place}: {message}\n\
             The terminal has been restored. This is a bug in privcat: please report it to the privcat \
             project's issue tracker with this message and the command you ran.",
            env!("CARGO_PKG_VERSION")
        );
    }));
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    theme: &Theme,
    watch: &Watch,
    loading: Option<&mpsc::Receiver<Loaded>>,
) -> anyhow::Result<i32> {
    let mut view = View::default();
    let mut dirty = true;
    let mut mouse = false;
    let worker = Worker::start();
    app.deferred = true;
    loop {
        if let Some(loaded) = take_loaded(loading)? {
            app.update(loaded);
            dirty = true;
        }
        dirty |= exchange(&worker, app);
        if let Some(signal) = watch.ending() {
            return Ok(128 + signal);
        }
        if watch.take_redraw() || app.request == Some(Request::Redraw) {
            if app.request == Some(Request::Redraw) {
                app.request = None;
            }
            let _screen = watch.screen();
            redraw_whole(terminal)?;
            // Back from a stop, the terminal reports no mouse until asked again.
            mouse = false;
            dirty = true;
        }
        // Everything else goes out before a frame, so a frame is always the last thing written.
        if let Some(text) = app.clipboard.take() {
            let _screen = watch.screen();
            copy_to_clipboard(&text)?;
        }
        {
            let _screen = watch.screen();
            follow_mouse(&mut mouse, app.wants_mouse())?;
        }
        if dirty {
            let _screen = watch.screen();
            terminal.draw(|frame| {
                ui::draw(frame, app, theme, &mut view);
                settle::settle(frame.buffer_mut());
            })?;
            dirty = fit_to_view(app, &view);
        }
        if app.request == Some(Request::Quit) {
            return Ok(0);
        }
        if app.request == Some(Request::Suspend) {
            app.request = None;
            // The signal thread gives the terminal back, stops, and takes it again on `fg`.
            signal_hook::low_level::raise(SIGTSTP)?;
            continue;
        }
        if exchange(&worker, app) {
            dirty = true;
            continue;
        }
        let wait = if app.searching() || app.loading.is_some() {
            Duration::from_millis(2)
        } else {
            TICK
        };
        if event::poll(wait)? {
            input::take(&view, app)?;
            dirty = true;
        }
    }
}

/// Clears the terminal and makes the next frame draw every cell. Not `Terminal::clear`, which asks the
/// terminal where its cursor is and fails on one that does not answer.
fn redraw_whole(terminal: &mut DefaultTerminal) -> io::Result<()> {
    terminal.backend_mut().clear_region(ClearType::All)?;
    // Forgets the last frame (the one being built is blank already since the last draw), so that the
    // next is compared with a blank screen.
    terminal.swap_buffers();
    Ok(())
}

/// Hands the worker the App's pending search and the App any finished results; whether any arrived.
fn exchange(worker: &Worker, app: &mut App) -> bool {
    worker.send(app);
    let arrived = worker.arrived();
    let any = !arrived.is_empty();
    for action in arrived {
        app.update(action);
    }
    any
}

/// Tells the app the size of what was drawn; whether that changed anything, so needs a redraw.
fn fit_to_view(app: &mut App, view: &View) -> bool {
    let state = |app: &App| {
        (
            app.list_rows,
            app.detail_max_scroll,
            app.detail_scroll,
            app.overlay_scroll,
        )
    };
    let before = state(app);
    app.update(view.viewport());
    state(app) != before
}

/// Turns mouse reporting on or off as the App wants it; `captured` is what the terminal does now.
/// Off, the terminal's own selection works (`--no-mouse`, and while an answer is shown).
fn follow_mouse(captured: &mut bool, wanted: bool) -> io::Result<()> {
    if *captured != wanted {
        if wanted {
            // Clicks and the wheel only (normal tracking, SGR coordinates), not every motion.
            let mut out = io::stdout();
            write!(out, "\x1b[?1000h\x1b[?1006h")?;
            out.flush()?;
        } else {
            execute!(io::stdout(), DisableMouseCapture)?;
        }
        *captured = wanted;
    }
    Ok(())
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

    #[test]
    fn a_terminal_too_small_for_a_list_row_is_not_redrawn_forever() {
        let library = crate::catalog::load_builtin()
            .into_result()
            .expect("built-in catalog")
            .0;
        let mut app = App::new(library, crate::text::Lang::En);
        let tiny = View {
            list_rows: 0,
            detail_max_scroll: 0,
            ..View::default()
        };
        assert!(fit_to_view(&mut app, &tiny), "the first size is news");
        assert!(!fit_to_view(&mut app, &tiny), "the same size again is not");
        let tall = View {
            list_rows: 30,
            ..View::default()
        };
        assert!(fit_to_view(&mut app, &tall));
    }
}
