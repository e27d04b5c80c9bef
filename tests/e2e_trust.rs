//! End-to-end, in a pseudo-terminal: what a hostile catalog, a signal or a paste can do to the terminal
//! and the explorer, checked by the bytes that reached the terminal and the screen a person would see.
#![cfg(unix)]

#[path = "support/pty.rs"]
mod pty;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use pty::{LOAD_TIMEOUT, Launch, Session, assert_restored, find, key, rfind};

/// The item count of the built-in catalog, as the header ends with it.
const ALL: &str = "276 / 276";

/// Starts the explorer on `launch` and waits for its first full screen, `count` ending the header.
fn start(launch: Launch, count: &str) -> Session {
    let session = launch.spawn();
    session.wait_until("the explorer's first screen", |s| {
        s.row(0).ends_with(count) && s.pane("Items").is_some()
    });
    session
}

fn kill(session: &Session, signal: &str) {
    let sent = Command::new("kill")
        .args([&format!("-{signal}"), &session.pid().to_string()])
        .status()
        .expect("run kill");
    assert!(sent.success(), "kill -{signal}");
}

/// The state letter of the process in `/proc` (`T` when stopped).
fn process_state(pid: u32) -> char {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("the process's stat");
    // The state follows the command name, which is in parentheses and may hold spaces.
    let after = &stat[stat.rfind(')').expect("a command name") + 1..];
    after.trim_start().chars().next().expect("a state letter")
}

fn wait_for_state(pid: u32, wanted: char) {
    let deadline = std::time::Instant::now() + pty::TIMEOUT;
    while process_state(pid) != wanted {
        assert!(
            std::time::Instant::now() < deadline,
            "the process never reached state {wanted}"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

/// The minimal fixture with `replacements` made, written to `dir`.
fn minimal_with(dir: &Path, replacements: &[(&str, &str)]) -> PathBuf {
    let minimal = std::fs::read_to_string("tests/fixtures/valid/minimal.yaml").unwrap();
    let mut text = minimal.clone();
    for (from, to) in replacements {
        assert!(text.contains(from), "{from:?} not in the fixture");
        text = text.replace(from, to);
    }
    let path = dir.join("catalog.yaml");
    std::fs::write(&path, text).unwrap();
    path
}

// 1: catalog text after the explorer has left the screen.

/// What a large catalog holds that a plain one does not.
#[derive(Clone, Copy, PartialEq)]
enum Twist {
    None,
    /// Items 5 and 6 share an id holding escape sequences: the load fails with an error quoting it.
    HostileId,
    /// Item 7's name holds escape sequences: they are removed, with a warning.
    HostileName,
}

/// The explorer on a catalog written to `dir` of `items` items, over 2 MiB so that it loads in the
/// background.
fn on_large_catalog(dir: &Path, items: usize, twist: Twist) -> Launch {
    let minimal = std::fs::read_to_string("tests/fixtures/valid/minimal.yaml").unwrap();
    let (head, _) = minimal.split_once("items:\n").unwrap();
    let mut text = format!("{head}items:\n");
    // Names long enough that `items` items make 2 MiB.
    let filler = "of the large test catalog ".repeat((2_300_000 / items).saturating_sub(110) / 26);
    for i in 0..items {
        let id = if twist == Twist::HostileId && (i == 5 || i == 6) {
            r#""item-5\e]0;PWNED\a\e[2J""#.to_owned()
        } else {
            format!("item-{i}")
        };
        let name = if twist == Twist::HostileName && i == 7 {
            format!(r#""Device\e]0;PWNED\a name number {i} {filler}""#)
        } else {
            format!("Device name number {i} {filler}")
        };
        let _ = writeln!(
            text,
            "  - id: {id}\n    group: hardware\n    name: {{en: {name}, sv: Enhetsnamn nummer {i}}}"
        );
    }
    assert!(
        text.len() >= 2 * 1024 * 1024,
        "{} bytes load in the foreground",
        text.len()
    );
    let path = dir.join("large.yaml");
    std::fs::write(&path, text).unwrap();
    Launch::new()
        .timeout(LOAD_TIMEOUT)
        .arg("--catalog")
        .arg(path.to_str().unwrap())
}

#[test]
fn a_failed_background_load_prints_its_error_as_inert_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = on_large_catalog(dir.path(), 25_000, Twist::HostileId).spawn();
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 2, "screen:\n{}", s.screen());
    let raw = s.raw();
    let left = rfind(&raw, b"\x1b[?1049l").expect("the explorer opened, then left the alternate screen");
    let after = &raw[left..];
    for sequence in [&b"\x1b]0;"[..], b"\x1b[2J", b"\x07"] {
        assert!(
            find(after, sequence).is_none(),
            "{sequence:?} reached the terminal after the explorer left"
        );
    }
    let text = s.screen().text();
    assert!(
        text.contains(r"duplicate item id `item-5\u{1b}]0;PWNED\u{7}\u{1b}[2J`"),
        "the error, escaped:\n{text}"
    );
    assert!(text.contains("large.yaml"), "the file is named:\n{text}");
    assert_restored(&s);
}

#[test]
fn warnings_of_a_background_load_are_printed_once_the_explorer_closes() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = on_large_catalog(dir.path(), 2_000, Twist::HostileName).spawn();
    s.wait_until("the loaded catalog", |s| {
        s.pane("Items")
            .is_some_and(|p| p.unwrapped().contains("Device name number 0"))
    });
    s.send(key::CTRL_C);
    assert!(s.wait_exit().success());
    let text = s.screen().text();
    assert!(
        text.contains("`item-7` held control, invisible or direction-changing characters"),
        "the warning:\n{text}"
    );
    assert_restored(&s);
}

// 6: signals.

/// Sends `signal` to a running explorer and checks that it ends with 128 + `number`, terminal restored.
fn ends_restored_on(signal: &str, number: u32) {
    let mut s = start(Launch::new(), ALL);
    s.send("imei");
    s.wait_for("› imei");
    kill(&s, signal);
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 128 + number, "SIG{signal}");
    assert_restored(&s);
}

#[test]
fn sigterm_restores_the_terminal() {
    ends_restored_on("TERM", 15);
}

#[test]
fn sigint_restores_the_terminal() {
    ends_restored_on("INT", 2);
}

#[test]
fn sighup_on_a_live_terminal_restores_it() {
    ends_restored_on("HUP", 1);
}

#[test]
fn sigquit_restores_the_terminal() {
    ends_restored_on("QUIT", 3);
}

#[test]
fn sigusr1_restores_the_terminal() {
    ends_restored_on("USR1", 10);
}

#[test]
fn sigusr2_restores_the_terminal() {
    ends_restored_on("USR2", 12);
}

#[test]
fn sigalrm_restores_the_terminal() {
    ends_restored_on("ALRM", 14);
}

#[test]
fn sigtstp_gives_the_terminal_back_and_stops_and_sigcont_redraws_it_whole() {
    stops_and_comes_back(|s| kill(s, "TSTP"));
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_stops_and_sigcont_redraws_it_whole() {
    stops_and_comes_back(|s| s.send("\x1a"));
}

/// After `stop`, the process is stopped with the terminal as the shell needs it; SIGCONT brings the
/// explorer back, drawn whole, with the query typed before.
fn stops_and_comes_back(stop: impl FnOnce(&mut Session)) {
    let mut s = start(Launch::new(), ALL);
    s.send("imei");
    s.wait_for("› imei");
    stop(&mut s);
    wait_for_state(s.pid(), 'T');
    let screen = s.wait_for_screen("the main screen", |s| !s.alternate);
    assert!(!screen.mouse_reporting, "the shell gets mouse reports");
    assert!(!screen.cursor_hidden, "the cursor is hidden at the shell");
    assert!(s.line_mode_restored(), "raw mode is on at the shell");
    let before = s.raw().len();

    kill(&s, "CONT");
    let screen = s.wait_until("the explorer again", |s| {
        s.alternate && s.pane("Search").is_some_and(|p| p.first_line() == "› imei")
    });
    assert!(screen.mouse_reporting, "mouse reporting is back");
    assert!(!s.line_mode_restored(), "raw mode is back");
    // Drawn whole on a cleared screen, not as a difference from the screen before the stop.
    s.wait_for_bytes(before, b"\x1b[2J");
    s.wait_for_bytes(before, b"Details");
    assert!(screen.row(0).ends_with(" / 276"), "the header is back:\n{screen}");
    s.send("x");
    s.wait_for("› imeix");
    s.send(key::CTRL_C);
    assert!(s.wait_exit().success());
    assert_restored(&s);
}

// 7: pasting.

const PASTE_START: &str = "\x1b[200~";
const PASTE_END: &str = "\x1b[201~";

#[test]
fn a_paste_is_text_in_the_query_never_keys() {
    let mut s = start(Launch::new(), ALL);
    let raw = s.raw();
    assert!(
        find(&raw, b"\x1b[?2004h").is_some(),
        "bracketed paste is not enabled"
    );
    s.send(&format!("{PASTE_START}imei\nqs\x03\x1b[B{PASTE_END}"));
    let screen = s.wait_until("the pasted query", |s| {
        s.pane("Search")
            .is_some_and(|p| p.first_line().starts_with("› imei"))
    });
    assert_eq!(
        screen.pane("Search").unwrap().first_line(),
        "› imei qs[B",
        "the line break became a space and the controls went:\n{screen}"
    );
    // Still typing in the search: a key typed now lands in the query.
    s.send("x");
    s.wait_for("› imei qs[Bx");
    s.send(key::CTRL_C);
    assert!(s.wait_exit().success());
    assert_restored(&s);
    let raw = s.raw();
    assert!(
        rfind(&raw, b"\x1b[?2004l") > rfind(&raw, b"\x1b[?2004h"),
        "bracketed paste left on"
    );
}

/// After a large paste, Ctrl-U clears it and Ctrl-C quits: the input is read to its end every time.
fn keys_act_after_pasting(text: &str) {
    let mut s = start(Launch::new(), ALL);
    s.send(text);
    s.send("\x15");
    s.wait_until("the query cleared", |s| {
        s.pane("Search")
            .is_some_and(|p| p.first_line() == "› type to search")
            && s.row(0).ends_with(ALL)
    });
    s.send("imei");
    s.wait_for("› imei");
    s.send(key::CTRL_C);
    assert!(s.wait_exit().success());
    assert_restored(&s);
}

#[test]
fn keys_act_at_once_after_a_large_bracketed_paste() {
    let words = "device name ".repeat(400);
    keys_act_after_pasting(&format!("{PASTE_START}{words}{PASTE_END}"));
}

#[test]
fn keys_act_at_once_after_a_large_unbracketed_paste() {
    keys_act_after_pasting(&"device name ".repeat(250));
}

// 11: wide and zero-width sequences.

#[test]
fn emoji_sequences_leave_no_stale_cell_in_the_detail() {
    let dir = tempfile::tempdir().unwrap();
    // The first item's name fills the row the second's emoji take; the second's are followed by spaces,
    // where a terminal that drew an emoji narrower than ratatui counted it would keep the first's text.
    let path = minimal_with(
        dir.path(),
        &[
            (
                "{en: Device name, sv: Enhetsnamn}",
                "{en: Wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww, sv: Enhetsnamn}",
            ),
            (
                "{en: Serial number, sv: Serienummer}",
                "{en: \"A \\U0001F1F8\\U0001F1EA b \\u2764\\uFE0F c \\U0001F44D\\U0001F3FD d \\u0023\\uFE0F\\u20E3 e\", sv: Serienummer}",
            ),
        ],
    );
    let mut s = start(
        Launch::new().arg("--catalog").arg(path.to_str().unwrap()),
        "2 / 2",
    );
    s.send(&format!("{}{}", key::TAB, key::TAB));
    s.wait_until("the list to have the focus", |s| {
        s.last_row().contains("Enter  details")
    });
    s.wait_until("the first item's detail", |s| {
        s.pane("Details")
            .is_some_and(|p| p.first_line().starts_with("Wwww"))
    });
    s.send("\x1b[B");
    let screen = s.wait_until("the second item's detail", |s| {
        s.pane("Details")
            .is_some_and(|p| p.first_line().starts_with("A "))
    });
    let detail = screen.pane("Details").unwrap();
    assert_eq!(
        detail.first_line(),
        "A SE b ❤  c 👍 d #  e",
        "flags as letters, no selectors or modifiers, and nothing left of the first item:\n{screen}"
    );
    assert!(
        !detail.lines.iter().any(|l| l.contains("ww")),
        "a stale cell:\n{screen}"
    );
    // Ctrl-L clears the terminal and draws every cell again.
    let before = s.raw().len();
    s.send("\x0c");
    s.wait_for_bytes(before, b"\x1b[2J");
    let again = s.wait_for_bytes(before, b"Serienummer");
    assert_eq!(again.to_string(), screen.to_string(), "drawn whole, as it was");
    s.send(key::CTRL_C);
    assert!(s.wait_exit().success());
}

// 12: --scenario.

#[test]
fn the_explorer_opens_in_the_scenario_given() {
    let mut s = start(
        Launch::new()
            .size(120, 50)
            .arg("--scenario")
            .arg("ownership=personal,compliant-app=off"),
        ALL,
    );
    let screen = s.screen();
    assert!(
        screen
            .row(0)
            .contains("Scenario: Ownership: Personal device, Compliant-app feature:"),
        "the header shows the setup:\n{screen}"
    );
    s.send("app name");
    let screen = s.wait_until("the app inventory", |s| {
        s.pane("Items")
            .is_some_and(|p| p.first_line().starts_with("✗ app name  Application"))
    });
    let detail = screen.pane("Details").expect("the detail pane").unwrapped();
    assert!(detail.contains("In this setup • Not collected"), "{detail}");
    s.send(key::CTRL_C);
    assert!(s.wait_exit().success());
}

/// What `privcat list` says of a `--scenario`, on stderr.
fn list_refusal(scenario: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_privcat"))
        .args(["list", "--scenario", scenario])
        .env_clear()
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    String::from_utf8(out.stderr).unwrap().trim().to_owned()
}

#[test]
fn an_invalid_scenario_is_refused_as_list_refuses_it_before_the_terminal_is_taken() {
    for scenario in ["ownership=nobody", "owner=personal", "garbage"] {
        let mut s = Launch::new().arg("--scenario").arg(scenario).spawn();
        let status = s.wait_exit();
        assert_eq!(status.exit_code(), 2, "{scenario}");
        let sentence = list_refusal(scenario);
        assert!(sentence.starts_with("privcat: --scenario: "), "{sentence}");
        let text = s.screen().text();
        assert_eq!(text.trim(), sentence, "{scenario}");
        assert!(
            find(&s.raw(), b"\x1b[?1049h").is_none(),
            "entered the alternate screen for {scenario}"
        );
        assert!(s.line_mode_restored());
    }
}

#[test]
fn an_invalid_scenario_for_a_catalog_loaded_in_the_background_is_refused_once_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = on_large_catalog(dir.path(), 2_000, Twist::None)
        .arg("--scenario")
        .arg("ownership=personal")
        .spawn();
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 2);
    let text = s.screen().text();
    assert!(
        text.contains("privcat: --scenario: unknown scenario dimension `ownership`."),
        "{text}"
    );
    assert_restored(&s);
}
