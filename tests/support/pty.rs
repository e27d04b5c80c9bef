//! The real `privcat` binary in a pseudo-terminal: keys go in as bytes, the screen comes out parsed by
//! `vt100`, and every raw byte is kept so tests can check how the terminal was left.
//!
//! Nothing here sleeps for a fixed time: [`Session::wait_until`] wakes on every chunk of output and gives
//! up after [`TIMEOUT`], killing the child, so a broken program fails a test instead of hanging it.
//!
//! A frame reaches the terminal in several writes, so a screen is only looked at once a whole frame has
//! arrived. ratatui ends every frame (`Terminal::draw`) by placing the cursor: it hides it
//! (`ESC [?25l`), or shows it and moves it (`ESC [?25h ESC [row;colH`). Nothing else in a frame does.
// Each test file that includes this module uses some of it.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// How long any wait may take before the test fails: generous, for slow CI machines.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// The same for a program that first reads catalogs of megabytes, which a debug build takes seconds to.
pub const LOAD_TIMEOUT: Duration = Duration::from_secs(60);

/// Bytes a terminal sends for keys.
pub mod key {
    pub const TAB: &str = "\t";
    pub const CTRL_C: &str = "\x03";

    /// Alt and a character: ESC followed by the character in the same write.
    pub fn alt(c: char) -> String {
        format!("\x1b{c}")
    }
}

/// How to start the binary: size, arguments and a small, fixed environment.
pub struct Launch {
    timeout: Duration,
    cols: u16,
    rows: u16,
    args: Vec<String>,
    env: Vec<(String, String)>,
    cwd: std::path::PathBuf,
}

impl Launch {
    /// 120×40, `TERM=xterm-256color`, `LANG=en_US.UTF-8`, and nothing else from the test's environment
    /// (so no `NO_COLOR`, no `LC_*`).
    pub fn new() -> Launch {
        Launch {
            timeout: TIMEOUT,
            cols: 120,
            rows: 40,
            args: Vec::new(),
            env: vec![
                ("TERM".to_owned(), "xterm-256color".to_owned()),
                ("LANG".to_owned(), "en_US.UTF-8".to_owned()),
            ],
            cwd: std::env::temp_dir(),
        }
    }

    /// The folder the program starts in (default: the system's temporary folder).
    pub fn cwd(mut self, dir: impl Into<std::path::PathBuf>) -> Launch {
        self.cwd = dir.into();
        self
    }

    pub fn size(mut self, cols: u16, rows: u16) -> Launch {
        self.cols = cols;
        self.rows = rows;
        self
    }

    /// How long each wait may take, instead of [`TIMEOUT`].
    pub fn timeout(mut self, timeout: Duration) -> Launch {
        self.timeout = timeout;
        self
    }

    pub fn arg(mut self, arg: impl Into<String>) -> Launch {
        self.args.push(arg.into());
        self
    }

    /// Sets (or replaces) one environment variable.
    pub fn env(mut self, name: &str, value: &str) -> Launch {
        self.env.retain(|(n, _)| n != name);
        self.env.push((name.to_owned(), value.to_owned()));
        self
    }

    pub fn spawn(self) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: self.rows,
                cols: self.cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_privcat"));
        cmd.args(&self.args);
        cmd.env_clear();
        // The cache folder of runs from the checkout (.cargo/config.toml), never the user's.
        if let Some(dir) = std::env::var_os("PRIVCAT_CACHE_DIR") {
            cmd.env("PRIVCAT_CACHE_DIR", dir);
        }
        for (name, value) in &self.env {
            cmd.env(name, value);
        }
        cmd.cwd(&self.cwd);
        let child = pair.slave.spawn_command(cmd).expect("spawn privcat");
        // Only the child may hold the slave side, so reads end when it exits.
        drop(pair.slave);
        let reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let shared = Arc::new(Shared {
            output: Mutex::new(Output {
                parser: vt100::Parser::new(self.rows, self.cols, 0),
                raw: Vec::new(),
                closed: false,
                frame_done: false,
            }),
            changed: Condvar::new(),
        });
        let feed = Arc::clone(&shared);
        thread::spawn(move || read_all(reader, &feed));
        Session {
            timeout: self.timeout,
            shared,
            writer,
            child,
            master: pair.master,
            status: None,
        }
    }
}

struct Shared {
    output: Mutex<Output>,
    changed: Condvar,
}

struct Output {
    parser: vt100::Parser,
    raw: Vec<u8>,
    /// The child's side of the terminal is closed: no more output will come.
    closed: bool,
    /// The output so far ends with the end of a frame.
    frame_done: bool,
}

/// Whether `raw` ends where ratatui ends a frame: after hiding the cursor, or showing and placing it.
fn ends_a_frame(raw: &[u8]) -> bool {
    const HIDE: &[u8] = b"\x1b[?25l";
    const SHOW: &[u8] = b"\x1b[?25h";
    if raw.ends_with(HIDE) {
        return true;
    }
    // Only the tail can hold `SHOW` and the cursor move after it.
    let tail = &raw[raw.len().saturating_sub(24)..];
    let Some(at) = tail.windows(SHOW.len()).rposition(|w| w == SHOW) else {
        return false;
    };
    let Some(place) = tail[at + SHOW.len()..]
        .strip_prefix(b"\x1b[")
        .and_then(|p| p.strip_suffix(b"H"))
    else {
        return false;
    };
    let number = |n: &[u8]| !n.is_empty() && n.iter().all(u8::is_ascii_digit);
    let mut parts = place.split(|&b| b == b';');
    matches!(
        (parts.next(), parts.next(), parts.next()),
        (Some(row), Some(col), None) if number(row) && number(col)
    )
}

fn read_all(mut reader: Box<dyn Read + Send>, shared: &Shared) {
    let mut buf = [0u8; 8192];
    loop {
        let n = reader.read(&mut buf).unwrap_or(0);
        let mut out = shared
            .output
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if n == 0 {
            out.closed = true;
            shared.changed.notify_all();
            return;
        }
        out.parser.process(&buf[..n]);
        out.raw.extend_from_slice(&buf[..n]);
        out.frame_done = ends_a_frame(&out.raw);
        shared.changed.notify_all();
    }
}

/// Where `needle` first occurs in `haystack`.
pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Where `needle` last occurs in `haystack`.
pub fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// The program left the terminal as it found it: main screen, cursor shown, no mouse reports, no
/// bracketed paste, line mode.
pub fn assert_restored(session: &Session) {
    let raw = session.raw();
    let entered = rfind(&raw, b"\x1b[?1049h").expect("the explorer entered the alternate screen");
    let after = &raw[entered..];
    assert!(find(after, b"\x1b[?1049l").is_some(), "alternate screen not left");
    assert!(find(after, b"\x1b[?25h").is_some(), "cursor not shown again");
    let mouse_on = rfind(&raw, b"\x1b[?1000h").expect("the explorer enabled mouse capture");
    assert!(
        find(&raw[mouse_on..], b"\x1b[?1000l").is_some(),
        "mouse capture not disabled"
    );
    let paste_on = rfind(&raw, b"\x1b[?2004h").expect("the explorer enabled bracketed paste");
    assert!(
        find(&raw[paste_on..], b"\x1b[?2004l").is_some(),
        "bracketed paste not disabled"
    );
    let screen = session.screen();
    assert!(!screen.alternate, "still on the alternate screen");
    assert!(!screen.cursor_hidden, "the cursor is still hidden");
    assert!(!screen.mouse_reporting, "the terminal still reports the mouse");
    assert!(session.line_mode_restored(), "raw mode is still on");
}

/// A running (or finished) `privcat`.
pub struct Session {
    timeout: Duration,
    shared: Arc<Shared>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    status: Option<ExitStatus>,
}

impl Session {
    /// Types `keys` as one write, as a terminal would send them.
    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write to the pty");
        self.writer.flush().expect("flush the pty");
    }

    /// Waits until `text` is on the screen and returns that screen.
    pub fn wait_for(&self, text: &str) -> Screen {
        self.wait_until(&format!("{text:?} on the screen"), |s| s.contains(text))
    }

    /// Waits until a whole frame is on the screen and `ready` holds for it, re-checking after every chunk
    /// of output; returns that screen.
    ///
    /// Several keys sent at once give a frame each: `ready` should single out the last one (for example by
    /// the search line), so that what the test reads next is about the state it means.
    ///
    /// Fails the test, with the last screen, after the timeout or when the program has closed the terminal
    /// without the screen getting there.
    pub fn wait_until(&self, what: &str, ready: impl Fn(&Screen) -> bool) -> Screen {
        self.wait(what, |out| {
            out.frame_done && ready(&Screen::of(out.parser.screen()))
        })
    }

    /// Waits until `ready` holds for the screen, whether or not a frame has ended: for what a program
    /// writes outside frames, such as giving the terminal back.
    pub fn wait_for_screen(&self, what: &str, ready: impl Fn(&Screen) -> bool) -> Screen {
        self.wait(what, |out| ready(&Screen::of(out.parser.screen())))
    }

    /// Waits until `needle` has been written at or after byte `from` of the output and a frame has ended
    /// since; returns that screen.
    pub fn wait_for_bytes(&self, from: usize, needle: &[u8]) -> Screen {
        let what = format!("{:?} written", String::from_utf8_lossy(needle));
        self.wait(&what, |out| {
            out.frame_done && find(&out.raw[from.min(out.raw.len())..], needle).is_some()
        })
    }

    fn wait(&self, what: &str, ready: impl Fn(&Output) -> bool) -> Screen {
        let deadline = Instant::now() + self.timeout;
        let mut out = self.lock();
        loop {
            if ready(&out) {
                return Screen::of(out.parser.screen());
            }
            let now = Instant::now();
            if out.closed || now >= deadline {
                let why = if out.closed {
                    "the program closed the terminal"
                } else {
                    "timed out"
                };
                let screen = Screen::of(out.parser.screen());
                panic!("waiting for {what}: {why}; the screen was:\n{screen}");
            }
            out = self
                .shared
                .changed
                .wait_timeout(out, deadline - now)
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .0;
        }
    }

    /// The screen as it is now.
    pub fn screen(&self) -> Screen {
        Screen::of(self.lock().parser.screen())
    }

    /// The program's process id, for sending it signals.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a running child has a pid")
    }

    /// Every byte the program wrote to the terminal so far.
    pub fn raw(&self) -> Vec<u8> {
        self.lock().raw.clone()
    }

    /// Waits for the program to exit and for all of its output to be read; kills it after the timeout.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + self.timeout;
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("poll the child") {
                break status;
            }
            if Instant::now() >= deadline {
                let _ = self.child.kill();
                panic!(
                    "privcat did not exit within {:?}; the screen was:\n{}",
                    self.timeout,
                    self.screen()
                );
            }
            thread::sleep(Duration::from_millis(5));
        };
        self.status = Some(status.clone());
        self.wait("the end of the output", |out| out.closed);
        status
    }

    /// Whether the terminal is back in its ordinary line mode: canonical input with echo (raw mode off).
    pub fn line_mode_restored(&self) -> bool {
        let termios = self.master.get_termios().expect("read the pty's settings");
        let flags = format!("{:?}", termios.local_flags);
        let names: Vec<&str> = flags.split(|c: char| !c.is_ascii_alphanumeric()).collect();
        names.contains(&"ICANON") && names.contains(&"ECHO")
    }

    fn lock(&self) -> MutexGuard<'_, Output> {
        self.shared
            .output
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if self.status.is_none() && matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// A copy of the terminal's screen: text by cell, plus the modes a program must leave as it found them.
pub struct Screen {
    /// One string per cell, row by row; the second half of a wide character is empty.
    cells: Vec<Vec<String>>,
    /// Whether each row ran on into the next (a soft wrap, not a line break).
    wrapped: Vec<bool>,
    pub alternate: bool,
    pub cursor_hidden: bool,
    pub mouse_reporting: bool,
    /// The cursor: (row, column).
    pub cursor: (u16, u16),
}

impl Screen {
    fn of(screen: &vt100::Screen) -> Screen {
        let (rows, cols) = screen.size();
        let cells = (0..rows)
            .map(|r| {
                (0..cols)
                    .map(|c| match screen.cell(r, c) {
                        Some(cell) if cell.is_wide_continuation() => String::new(),
                        Some(cell) if cell.has_contents() => cell.contents().to_owned(),
                        _ => " ".to_owned(),
                    })
                    .collect()
            })
            .collect();
        Screen {
            cells,
            wrapped: (0..rows).map(|r| screen.row_wrapped(r)).collect(),
            alternate: screen.alternate_screen(),
            cursor_hidden: screen.hide_cursor(),
            mouse_reporting: screen.mouse_protocol_mode() != vt100::MouseProtocolMode::None,
            cursor: screen.cursor_position(),
        }
    }

    /// Row `r`, without trailing blanks.
    pub fn row(&self, r: usize) -> String {
        self.cells[r].concat().trim_end().to_owned()
    }

    /// The last row with any text on it.
    pub fn last_row(&self) -> String {
        (0..self.cells.len())
            .rev()
            .map(|r| self.row(r))
            .find(|r| !r.is_empty())
            .unwrap_or_default()
    }

    /// The whole screen as text, with soft-wrapped rows joined again: what was printed, as printed.
    pub fn text(&self) -> String {
        let mut text = String::new();
        for r in 0..self.cells.len() {
            if self.wrapped[r] {
                text.push_str(&self.cells[r].concat());
            } else {
                text.push_str(&self.row(r));
                text.push('\n');
            }
        }
        text
    }

    /// Whether `text` appears within one row.
    pub fn contains(&self, text: &str) -> bool {
        (0..self.cells.len()).any(|r| self.row(r).contains(text))
    }

    /// The bordered pane whose top border starts `┌ {title} `, if it is on the screen.
    pub fn pane(&self, title: &str) -> Option<Pane> {
        let head = format!("┌ {title} ");
        let (top, left) = (0..self.cells.len()).find_map(|r| {
            (0..self.cells[r].len())
                .find(|&c| self.cells[r][c..].concat().starts_with(&head))
                .map(|c| (r, c))
        })?;
        let right = (left + 1..self.cells[top].len()).find(|&c| self.cells[top][c] == "┐")?;
        let bottom = (top + 1..self.cells.len()).find(|&r| self.cells[r][left] == "└")?;
        let text = |r: usize, from: usize, to: usize| self.cells[r][from..to].concat().trim_end().to_owned();
        Some(Pane {
            border: text(top, left, right + 1),
            lines: (top + 1..bottom).map(|r| text(r, left + 1, right)).collect(),
        })
    }
}

impl std::fmt::Display for Screen {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for r in 0..self.cells.len() {
            writeln!(f, "{}", self.row(r))?;
        }
        Ok(())
    }
}

/// The inside of a bordered pane.
pub struct Pane {
    /// The top border, with its title and anything else drawn on it.
    pub border: String,
    /// The lines inside the border, without trailing blanks.
    pub lines: Vec<String>,
}

impl Pane {
    /// The first line with text on it, trimmed.
    pub fn first_line(&self) -> &str {
        self.lines
            .iter()
            .map(|l| l.trim())
            .find(|l| !l.is_empty())
            .unwrap_or("")
    }

    /// The pane's text with its word-wrapped lines joined by single spaces, to find sentences in.
    pub fn unwrapped(&self) -> String {
        self.lines
            .iter()
            .map(|l| l.trim())
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }
}
