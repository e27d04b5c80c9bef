//! End-to-end: the real `privcat` binary in a pseudo-terminal, driven by keys and checked by what a person
//! would read on the screen, and by how the terminal is left when it exits.
#![cfg(unix)]

#[path = "support/pty.rs"]
mod pty;

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use pty::{Launch, Screen, Session, TIMEOUT, assert_restored, find, key};

/// Bytes a terminal sends for the keys these tests press beyond those in `key`.
mod keys {
    pub const ESC: &str = "\x1b";
    pub const F1: &str = "\x1bOP";
    pub const DOWN: &str = "\x1b[B";
    pub const END: &str = "\x1b[F";
    pub const HOME: &str = "\x1b[H";
    pub const SHIFT_DOWN: &str = "\x1b[1;2B";
    pub const CTRL_U: &str = "\x15";
    pub const CTRL_Y: &str = "\x19";
    pub const ALT_SHIFT_S: &str = "\x1bS";
}

/// The catalog's title and publisher, then how many documents it quotes.
const HEADER_EN: &str = "Microsoft's Intune privacy documentation · Microsoft Intune  17 documents";
const HEADER_SV: &str =
    "Microsofts dokumentation om Intune och personuppgifter · Microsoft Intune  17 dokument";
/// Items in the built-in catalog.
const TOTAL: usize = 276;
const ALL: &str = "276 / 276";
/// The heading of the first document in the list. Its English title is shared with the 2023 rewrite, so
/// the date tells them apart; the rewrite has no Swedish edition, so the Swedish title needs no date.
const FIRST_DOC_EN: &str = "Data collection in Intune · 2018-05-18";
const FIRST_DOC_SV: &str = "Datainsamling i Intune";

/// Starts the explorer and waits for its first full screen.
fn start(launch: Launch) -> Session {
    let session = launch.spawn();
    session.wait_until("the explorer's first screen", |s| {
        s.row(0).ends_with(ALL) && (s.pane("Items").is_some() || s.pane("Uppgifter").is_some())
    });
    session
}

/// The header line: the catalog's title and publisher, the number of documents, and the item count.
fn header(screen: &Screen) -> String {
    screen.row(0).trim().to_owned()
}

/// Moves the focus from the search to the item list and waits until the key bar shows the list's keys.
fn focus_list(session: &mut Session) {
    session.send(&format!("{}{}", key::TAB, key::TAB));
    session.wait_until("the list to have the focus", |s| {
        s.last_row().contains("Enter  details")
    });
}

/// The search line's text, after the prompt.
fn search_line(screen: &Screen) -> String {
    screen
        .pane("Search")
        .map(|p| p.lines[0].trim().to_owned())
        .unwrap_or_default()
}

/// The first two headings of the item list: the document's, then the category's.
fn list_headings(screen: &Screen, title: &str) -> (String, String) {
    let list = screen.pane(title).expect("the item list");
    let mut lines = list.lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty());
    let mut next = || lines.next().unwrap_or_default().to_owned();
    (next(), next())
}

/// The line of the filters pane naming `name`, such as `○ Pseudonymized data   22`.
fn facet_line(screen: &Screen, name: &str) -> String {
    let facets = screen.pane("Filters").expect("the filters pane");
    facets
        .lines
        .into_iter()
        .find(|l| l.contains(name))
        .unwrap_or_else(|| panic!("no facet {name:?} in:\n{screen}"))
}

/// The count a facet shows: how many items it would show with the current query.
fn facet_count(screen: &Screen, name: &str) -> usize {
    let line = facet_line(screen, name);
    line.split_whitespace().last().unwrap().parse().unwrap()
}

#[test]
fn start_shows_the_catalog_and_search_finds_imei() {
    // Tall enough that the whole detail of the IMEI number, purpose included, fits without scrolling.
    let mut s = start(Launch::new().size(120, 50));
    let screen = s.screen();
    assert!(
        header(&screen).starts_with(HEADER_EN),
        "header: {}",
        header(&screen)
    );
    assert!(screen.row(0).ends_with(ALL), "count: {}", screen.row(0));
    assert_eq!(
        list_headings(&screen, "Items"),
        (FIRST_DOC_EN.to_owned(), "Identified data".to_owned())
    );

    s.send("imei");
    let screen = s.wait_until("the search line to read imei", |s| {
        s.pane("Search").is_some_and(|p| p.first_line() == "› imei")
    });
    let list = screen.pane("Items").unwrap();
    assert!(
        list.first_line().starts_with("IMEI number"),
        "first match:\n{screen}"
    );
    let detail = screen.pane("Details").unwrap();
    assert_eq!(detail.first_line(), "IMEI number");
    let text = detail.unwrapped();
    for expected in [
        "Category • Identified data",
        "when they enroll for Intune management and during usage",
        "Identified data is used to manage",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} not in the detail:\n{screen}"
        );
    }
    assert!(screen.contains(" intune · imei"), "status line:\n{screen}");
}

#[test]
fn alt_digit_in_the_filters_chooses_a_category() {
    let mut s = start(Launch::new());
    assert!(
        !s.screen()
            .pane("Search")
            .unwrap()
            .border
            .contains("Pseudonymized data")
    );
    s.send(key::TAB);
    s.wait_until("the filters to have the focus", |s| {
        s.last_row().contains("toggle")
    });
    s.send(&key::alt('2'));
    let screen = s.wait_for(&format!("22 / {TOTAL}"));
    let search = screen.pane("Search").unwrap();
    assert!(
        search.border.contains(" Pseudonymized data "),
        "no chip:\n{screen}"
    );
    assert_eq!(
        list_headings(&screen, "Items"),
        (FIRST_DOC_EN.to_owned(), "Pseudonymized data".to_owned())
    );
    assert!(
        facet_line(&screen, "Pseudonymized data").starts_with('●'),
        "facet not marked:\n{screen}"
    );
}

#[test]
fn alt_digit_while_typing_chooses_a_category_and_keeps_the_query() {
    let mut s = start(Launch::new());
    s.send("id");
    let screen = s.wait_until("the search line to read id", |s| {
        s.pane("Search").is_some_and(|p| p.first_line() == "› id")
    });
    let expected = facet_count(&screen, "Pseudonymized data");
    assert!(expected > 0);
    s.send(&key::alt('2'));
    let screen = s.wait_until("the pseudonymized items matching id", |s| {
        s.row(0).ends_with(&format!("{expected} / {TOTAL}"))
    });
    let search = screen.pane("Search").unwrap();
    assert!(
        search.border.contains(" Pseudonymized data "),
        "no chip:\n{screen}"
    );
    assert_eq!(search.first_line(), "› id", "Alt-2 must not type a 2");
}

#[test]
fn alt_l_switches_to_swedish() {
    let mut s = start(Launch::new());
    focus_list(&mut s);
    s.send(&key::alt('l'));
    let screen = s.wait_until("the Swedish header", |s| header(s).starts_with(HEADER_SV));
    assert_eq!(
        list_headings(&screen, "Uppgifter"),
        (FIRST_DOC_SV.to_owned(), "Identifierade data".to_owned())
    );
    assert!(
        screen.pane("Items").is_none(),
        "an English pane title is left:\n{screen}"
    );
}

#[test]
fn lang_option_starts_in_swedish() {
    let s = start(Launch::new().arg("--lang").arg("sv"));
    let screen = s.screen();
    assert!(
        header(&screen).starts_with(HEADER_SV),
        "header: {}",
        header(&screen)
    );
    assert_eq!(
        list_headings(&screen, "Uppgifter"),
        (FIRST_DOC_SV.to_owned(), "Identifierade data".to_owned())
    );
}

#[test]
fn swedish_locale_starts_in_swedish() {
    let s = start(Launch::new().env("LANG", "sv_SE.UTF-8"));
    let screen = s.screen();
    assert!(
        header(&screen).starts_with(HEADER_SV),
        "header: {}",
        header(&screen)
    );
    assert_eq!(
        list_headings(&screen, "Uppgifter"),
        (FIRST_DOC_SV.to_owned(), "Identifierade data".to_owned())
    );
}

#[test]
fn q_in_the_list_types_and_ctrl_c_quits_and_restores_the_terminal() {
    let mut s = start(Launch::new());
    focus_list(&mut s);
    s.send("q");
    s.wait_until("q in the search", |s| search_line(s) == "› q");
    s.send(key::CTRL_C);
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    assert_restored(&s);
}

#[test]
fn ctrl_c_in_the_search_quits_and_restores_the_terminal() {
    let mut s = start(Launch::new());
    s.send("ab");
    s.wait_for("› ab");
    s.send(key::CTRL_C);
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    assert_restored(&s);
}

#[test]
fn piped_output_is_refused_with_a_pointer_to_export() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_privcat"))
        .env_clear()
        .env("TERM", "xterm-256color")
        .env("LANG", "en_US.UTF-8")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + TIMEOUT;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() >= deadline {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("privcat with a piped stdout did not exit");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let (mut stdout, mut stderr) = (String::new(), String::new());
    child.stdout.take().unwrap().read_to_string(&mut stdout).unwrap();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    assert_eq!(status.code(), Some(2));
    assert!(stderr.contains("needs a terminal"), "stderr: {stderr}");
    assert!(stderr.contains("`privcat export"), "stderr: {stderr}");
    assert!(
        !stdout.contains('\x1b'),
        "escape sequences on the pipe: {stdout:?}"
    );
}

#[test]
fn a_dumb_terminal_is_refused() {
    let mut s = Launch::new().env("TERM", "dumb").spawn();
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 2);
    let text = s.screen().text();
    assert!(text.contains("`dumb`"), "screen:\n{text}");
    assert!(text.contains("`privcat export"), "screen:\n{text}");
    assert!(
        find(&s.raw(), b"\x1b[?1049h").is_none(),
        "entered the alternate screen"
    );
}

#[test]
fn a_catalog_error_is_located_on_the_normal_screen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.yaml");
    std::fs::write(&path, "catalog: 3\n").unwrap();
    let mut s = Launch::new().arg("--catalog").arg(path.to_str().unwrap()).spawn();
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 2);
    let screen = s.screen();
    let text = screen.text();
    let located = format!("{}:1:10:", path.display());
    assert!(text.contains(&located), "{located:?} not on the screen:\n{text}");
    assert!(!screen.alternate);
    assert!(
        find(&s.raw(), b"\x1b[?1049h").is_none(),
        "entered the alternate screen"
    );
    assert!(s.line_mode_restored(), "raw mode is on");
}

#[test]
fn scenario_pane_says_the_app_inventory_is_not_collected_on_a_personal_device_and_why() {
    const RIGHT: &str = "\x1b[C";
    const DOWN: &str = "\x1b[B";
    let mut s = start(Launch::new().size(120, 50));
    focus_list(&mut s);
    s.send(keys::ALT_SHIFT_S);
    s.wait_until("the scenario pane", |s| s.pane("Scenario").is_some());
    // Ownership: unset → corporate → personal; then two rows down, compliant-app: unset → on → off.
    s.send(&format!("{RIGHT}{RIGHT}{DOWN}{DOWN}{RIGHT}{RIGHT}"));
    let screen = s.wait_until("the setup", |s| {
        s.pane("Scenario").is_some_and(|p| {
            p.unwrapped().contains("Personal device") && p.unwrapped().contains("Turned off")
        })
    });
    // At 120 columns the catalog's title leaves no room for the whole setup in the header; its start
    // must be there, and the detail below gives it in full.
    assert!(
        screen
            .row(0)
            .contains("Scenario: Ownership: Personal device, Compliant-app feature:"),
        "the header shows the setup:\n{screen}"
    );
    s.send(keys::ESC);
    s.wait_until("the pane to close", |s| s.pane("Scenario").is_none());
    s.send("app name");
    let screen = s.wait_until("the app inventory", |s| {
        s.pane("Items")
            .is_some_and(|p| p.first_line().starts_with("✗ app name  Application"))
    });
    assert!(screen.contains(" intune · app-name"), "status line:\n{screen}");
    let detail = screen.pane("Details").expect("the detail pane").unwrapped();
    assert!(detail.contains("In this setup • Not collected"), "{detail}");
    assert!(
        detail.contains("Scenario: Ownership: Personal device, Compliant-app feature: Turned off"),
        "the setup is named: {detail}"
    );
    assert!(
        detail.contains(
            "“Application inventory data is only collected when marked by the Admin as a corporate-owned \
             device or the compliant app feature is turned on.”"
        ),
        "the deciding condition is quoted: {detail}"
    );
    assert!(
        detail.contains("stated for the group “Application inventory”"),
        "{detail}"
    );
    s.send(key::CTRL_C);
    assert!(s.wait_exit().success());
}

#[test]
fn sigterm_restores_the_terminal_and_exits_143() {
    let mut s = start(Launch::new());
    s.send("imei");
    s.wait_for("› imei");
    let killed = Command::new("kill")
        .args(["-TERM", &s.pid().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 143, "128 + SIGTERM");
    assert_restored(&s);
}

#[test]
fn sighup_exits_at_once() {
    let mut s = start(Launch::new());
    let hup = Command::new("kill")
        .args(["-HUP", &s.pid().to_string()])
        .status()
        .unwrap();
    assert!(hup.success());
    assert_eq!(s.wait_exit().exit_code(), 129, "128 + SIGHUP");
}

#[test]
fn a_catalog_with_escape_sequences_cannot_drive_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("evil.yaml");
    let minimal = std::fs::read_to_string("tests/fixtures/valid/minimal.yaml").unwrap();
    let evil = minimal
        .replace(
            "{en: Device name, sv: Enhetsnamn}",
            "\"Evil\\e]0;pwned\\aname \\e[2J\\u202Eright\"",
        )
        .replace(
            "title: {en: Example catalog, sv: Exempelkatalog}",
            "title: \"Title\\e]2;owned\\a\"",
        );
    assert_ne!(evil, minimal, "the fixture changed");
    std::fs::write(&path, evil).unwrap();
    let mut s = Launch::new()
        .arg("--catalog")
        .arg(path.to_str().unwrap())
        .size(120, 40)
        .spawn();
    s.wait_until("the crafted catalog", |s| s.row(0).ends_with("2 / 2"));
    s.send("evil");
    let screen = s.wait_until("the evil item", |s| {
        s.pane("Items").is_some_and(|p| p.first_line().contains("Evil"))
    });
    let raw = s.raw();
    for sequence in [
        &b"\x1b]0;"[..],
        b"\x1b]2;",
        b"\x1b[2J",
        "\u{202e}".as_bytes(),
        b"\x07",
    ] {
        assert!(
            find(&raw, sequence).is_none(),
            "{sequence:?} reached the terminal"
        );
    }
    assert!(
        screen.contains("Evil]0;pwnedname [2Jright"),
        "shown as inert text:\n{screen}"
    );
    assert!(screen.contains("⚠"), "the item is marked as altered:\n{screen}");
    s.send(key::CTRL_C);
    assert!(s.wait_exit().success());
}

#[test]
fn closing_the_terminal_ends_the_explorer() {
    // A terminal window closed or an SSH connection dropped: privcat must exit, not spin on a terminal
    // that is gone.
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_privcat"));
    cmd.env_clear();
    cmd.env("TERM", "xterm-256color");
    cmd.cwd(std::env::temp_dir());
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let (send, receive) = std::sync::mpsc::channel();
    // Reads until the first frame is drawn, then lets go of the terminal.
    std::thread::spawn(move || {
        let (mut seen, mut chunk) = (Vec::new(), [0u8; 8192]);
        while let Ok(n @ 1..) = reader.read(&mut chunk) {
            seen.extend_from_slice(&chunk[..n]);
            if seen.windows(ALL.len()).any(|w| w == ALL.as_bytes()) {
                break;
            }
        }
        let _ = send.send(seen);
    });
    let seen = receive.recv_timeout(TIMEOUT).expect("the first frame");
    assert!(
        seen.windows(ALL.len()).any(|w| w == ALL.as_bytes()),
        "the explorer started"
    );
    drop(pair.master);
    let deadline = Instant::now() + Duration::from_secs(5);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("privcat still runs 5 s after its terminal was closed");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    assert_eq!(status.exit_code(), 129, "as for SIGHUP");
}

/// Words that used to lose their first letter to a command: `s` (source), `k` (move), `h` (hide),
/// `q` (quit), `y` (copy), `x` (clear filters), digits (category).
const WORDS: [&str; 8] = [
    "serienummer",
    "kamera",
    "hur länge sparas",
    "quit",
    "yes",
    "xbox",
    "2018",
    "G?/SLX",
];

/// From the search (empty), the keys that give a pane the focus, and what on the screen says it has.
fn go_to(session: &mut Session, pane: &str) {
    let (keys, ready): (&str, fn(&Screen) -> bool) = match pane {
        "search" => ("", |s| s.last_row().contains("Esc  clear")),
        "filters" => ("\t", |s| s.last_row().contains("Enter  toggle")),
        "list" => ("\t\t", |s| s.last_row().contains("Enter  details")),
        "details" => ("\t\t\t", |s| s.last_row().contains("↑↓  scroll")),
        "scenario" => (keys::ALT_SHIFT_S, |s| s.pane("Scenario").is_some()),
        _ => unreachable!(),
    };
    session.send(keys);
    session.wait_until(&format!("the {pane} to have the focus"), ready);
}

#[test]
fn whole_words_typed_in_any_pane_reach_the_search_letter_for_letter() {
    for pane in ["search", "filters", "list", "details", "scenario"] {
        let mut s = start(Launch::new());
        for word in WORDS {
            go_to(&mut s, pane);
            s.send(word);
            let screen = s.wait_until(&format!("{word:?} typed in the {pane}"), |s| {
                search_line(s) == format!("› {word}")
            });
            let search = screen.pane("Search").unwrap();
            assert!(
                !search.border.contains("clear"),
                "a filter was set in the {pane}:\n{screen}"
            );
            assert!(
                screen.pane("Items").is_some(),
                "the language changed in the {pane}:\n{screen}"
            );
            assert!(screen.pane("Scenario").is_none() && screen.pane("Keys").is_none());
            assert!(
                !screen.row(0).contains("Scenario:"),
                "a scenario was set:\n{screen}"
            );
            s.send(keys::CTRL_U);
            s.wait_until("the search to be cleared", |s| {
                search_line(s).starts_with("› type to search") && s.row(0).ends_with(ALL)
            });
        }
        s.send(key::CTRL_C);
        assert!(s.wait_exit().success(), "no letter quit from the {pane}");
    }
}

#[test]
fn help_fits_80x24_and_60x15_by_scrolling_and_closes_with_esc_q_or_question_mark() {
    for (cols, rows) in [(80, 24), (60, 15)] {
        let mut s = start(Launch::new().size(cols, rows));
        for close in [keys::ESC, "q", "?"] {
            s.send(keys::F1);
            let screen = s.wait_until("the help", |s| s.pane("Keys").is_some());
            let help = screen.pane("Keys").unwrap();
            assert!(
                help.border.contains("more: ↓"),
                "a sign that more follows:\n{screen}"
            );
            assert!(
                help.unwrapped()
                    .contains("Every letter, digit and sign types into the search")
            );
            assert!(
                !help.unwrapped().contains("mouse"),
                "all fits at {cols}×{rows}?\n{screen}"
            );
            s.send("j");
            s.send(keys::END);
            let screen = s.wait_until("the end of the help", |s| {
                s.pane("Keys").is_some_and(|p| p.unwrapped().contains("mouse"))
            });
            let help = screen.pane("Keys").unwrap().unwrapped();
            for entry in ["Ctrl-C", "quit", "Ctrl-Z", "--no-mouse"] {
                assert!(help.contains(entry), "{entry:?} at the end:\n{screen}");
            }
            s.send(close);
            let screen = s.wait_until("the help to close", |s| s.pane("Keys").is_none());
            assert!(
                search_line(&screen).starts_with("› type to search"),
                "{close:?} typed"
            );
        }
        s.send(key::CTRL_C);
        assert!(s.wait_exit().success());
    }
}

#[test]
fn the_key_bar_keeps_search_copy_help_and_quit_at_80_columns_in_both_languages() {
    for (lang, keys_title, wanted) in [
        (
            "en",
            "Keys",
            [
                "type  to search",
                "Ctrl-Y  copy answer",
                "F1  help",
                "Ctrl-C  quit",
            ],
        ),
        (
            "sv",
            "Tangenter",
            [
                "skriv  för att söka",
                "Ctrl-Y  kopiera svar",
                "F1  hjälp",
                "Ctrl-C  avsluta",
            ],
        ),
    ] {
        let mut s = Launch::new().size(80, 24).arg("--lang").arg(lang).spawn();
        s.wait_until("the first screen", |s| s.row(0).ends_with(ALL));
        for tabs in 0..4 {
            // The help opened and closed again: the frame after it is drawn with the pane focused.
            s.send(keys::F1);
            s.wait_until("the help", |s| s.pane(keys_title).is_some());
            s.send(keys::ESC);
            let screen = s.wait_until("the help to close", |s| s.pane(keys_title).is_none());
            let bar = screen.last_row();
            for hint in wanted {
                assert!(
                    bar.contains(hint),
                    "{hint:?} not in {bar:?} after {tabs} Tab ({lang})"
                );
            }
            s.send(key::TAB);
        }
        s.send(key::CTRL_C);
        assert!(s.wait_exit().success());
    }
}

#[test]
fn a_200_character_query_scrolls_with_the_cursor_in_view() {
    let mut s = start(Launch::new().size(80, 24));
    // Four chunks of 50, each ending in a mark of its own, so each wait knows its chunk has arrived
    // (a debug build searches after every key).
    let words: String = "serienummer kamera hur länge sparas ".repeat(2);
    let chunks: Vec<String> = (1..=4)
        .map(|i| {
            let mark = if i == 4 {
                " slut!".to_owned()
            } else {
                format!("#{i}")
            };
            let text: String = words.chars().take(50 - mark.chars().count()).collect();
            text + &mark
        })
        .collect();
    let query = chunks.concat();
    assert_eq!(query.chars().count(), 200);
    let mut screen = s.screen();
    for chunk in &chunks {
        s.send(chunk);
        let mark: String = chunk.chars().skip(44).collect();
        screen = s.wait_until("the chunk", |s| search_line(s).ends_with(&mark));
    }
    let line = search_line(&screen);
    assert!(line.starts_with("› …"), "the cut start is marked: {line:?}");
    let (row, col) = screen.cursor;
    assert_eq!(row, 2, "the cursor is on the search line");
    assert!(
        (3..79).contains(&col),
        "the cursor is inside the box: column {col}"
    );
    assert!(!screen.cursor_hidden);
    s.send(keys::HOME);
    let screen = s.wait_until("the start of the query", |s| {
        search_line(s).starts_with("› serienummer kamera")
    });
    assert!(search_line(&screen).ends_with('…'));
    assert_eq!(screen.cursor, (2, 3));
    s.send(key::CTRL_C);
    assert!(s.wait_exit().success());
}

#[test]
fn copy_sends_osc_52_shows_the_answer_and_lets_go_of_the_mouse_while_it_is_open() {
    let mut s = start(Launch::new());
    s.send("imei");
    s.wait_until("imei", |s| search_line(s) == "› imei");
    assert!(s.screen().mouse_reporting, "the explorer takes the mouse");
    s.send(keys::CTRL_Y);
    let screen = s.wait_until("the answer", |s| {
        s.contains("Answer, sent to the terminal's clipboard")
    });
    assert!(screen.contains("IMEI number"));
    assert!(
        screen.contains("- Microsoft Intune lists it as identified data"),
        "{screen}"
    );
    assert!(
        screen.contains("Not arrived? Select it with the mouse"),
        "{screen}"
    );
    assert!(!screen.contains("copied"), "claims more than it knows:\n{screen}");
    assert!(
        !screen.mouse_reporting,
        "the mouse is the terminal's while the answer is shown"
    );
    let raw = s.raw();
    let osc = find(&raw, b"\x1b]52;c;").expect("the answer went out as OSC 52");
    let end = osc
        + raw[osc..]
            .iter()
            .position(|&b| b == 0x07)
            .expect("OSC 52 ends with BEL");
    let sent = String::from_utf8_lossy(&raw[osc + 7..end]).into_owned();
    assert!(
        sent.starts_with("SU1FSSBudW1iZXI"),
        "base64 of \"IMEI number\": {sent}"
    );
    s.send("x");
    s.send(keys::ESC);
    let screen = s.wait_until("the answer to close", |s| !s.contains("Answer, sent"));
    assert!(screen.mouse_reporting, "the explorer takes the mouse again");
    assert_eq!(search_line(&screen), "› imei", "nothing typed into the answer");
    assert!(screen.contains("sent to the terminal's clipboard") || screen.contains("intune · imei"));
    s.send(key::CTRL_C);
    assert!(s.wait_exit().success());
}

#[test]
fn no_mouse_never_takes_the_mouse() {
    let mut s = start(Launch::new().arg("--no-mouse"));
    s.send("imei");
    s.wait_until("imei", |s| search_line(s) == "› imei");
    s.send(keys::CTRL_Y);
    s.wait_until("the answer", |s| s.contains("Answer, sent"));
    s.send(keys::ESC);
    let screen = s.wait_until("the answer to close", |s| !s.contains("Answer, sent"));
    assert!(!screen.mouse_reporting);
    s.send(key::CTRL_C);
    assert!(s.wait_exit().success());
    assert!(
        find(&s.raw(), b"\x1b[?1000h").is_none(),
        "mouse capture was turned on"
    );
}

#[test]
fn the_details_scroll_from_the_search_and_say_more_follows() {
    let mut s = start(Launch::new().size(80, 24));
    s.send("imei");
    let screen = s.wait_until("imei", |s| search_line(s) == "› imei");
    let before = screen.pane("Details").unwrap();
    assert!(
        before.border.is_empty() || screen.contains("more: Shift-↓"),
        "{screen}"
    );
    assert_eq!(before.first_line(), "IMEI number");
    s.send(keys::SHIFT_DOWN);
    let screen = s.wait_until("the details to scroll", |s| {
        s.pane("Details").is_some_and(|p| p.first_line() != "IMEI number")
    });
    assert_eq!(search_line(&screen), "› imei", "the search kept the focus");
    s.send(keys::DOWN);
    s.wait_until("the list to move", |s| {
        s.contains("intune · imei") || s.contains(" · ")
    });
    s.send(key::CTRL_C);
    assert!(s.wait_exit().success());
}

#[test]
fn lc_all_and_lc_messages_choose_the_language_before_lang() {
    let s = start(Launch::new().env("LC_MESSAGES", "sv_SE.UTF-8"));
    assert!(header(&s.screen()).starts_with(HEADER_SV));
    let s = start(
        Launch::new()
            .env("LC_MESSAGES", "sv_SE.UTF-8")
            .env("LC_ALL", "en_GB.UTF-8"),
    );
    assert!(header(&s.screen()).starts_with(HEADER_EN));
    let s = start(Launch::new().env("LC_ALL", "sv_SE.UTF-8").arg("--lang").arg("en"));
    assert!(header(&s.screen()).starts_with(HEADER_EN), "--lang wins");
}

#[test]
fn ctrl_w_and_alt_backspace_delete_a_word_and_the_mouse_reports_no_motion() {
    let mut s = start(Launch::new());
    s.send("hur länge sparas");
    s.wait_until("the question", |s| search_line(s) == "› hur länge sparas");
    s.send("\x17");
    s.wait_until("Ctrl-W", |s| search_line(s) == "› hur länge");
    s.send("\x1b\x7f");
    s.wait_until("Alt-Backspace", |s| search_line(s) == "› hur");
    let raw = s.raw();
    assert!(find(&raw, b"\x1b[?1000h").is_some(), "clicks are reported");
    assert!(
        find(&raw, b"\x1b[?1003h").is_none(),
        "every motion would be reported, keeping the terminal from selecting"
    );
    s.send(key::CTRL_C);
    assert!(s.wait_exit().success());
}

/// Whether the program set a background to ANSI colour `n` (crossterm writes the sixteen as `48;5;n`,
/// after the foreground in the same sequence).
fn painted_background(session: &Session, n: u8) -> bool {
    find(&session.raw(), format!("48;5;{n}m").as_bytes()).is_some()
}

#[test]
fn the_theme_comes_from_the_flag_the_variable_or_no_color() {
    const BLUE: u8 = 4;
    const CYAN: u8 = 6;
    let dark = start(Launch::new());
    assert!(painted_background(&dark, CYAN) && !painted_background(&dark, BLUE));
    let light = start(Launch::new().arg("--theme").arg("light"));
    assert!(painted_background(&light, BLUE) && !painted_background(&light, CYAN));
    let named = start(Launch::new().env("PRIVCAT_THEME", "light"));
    assert!(painted_background(&named, BLUE));
    let flag_wins = start(
        Launch::new()
            .env("PRIVCAT_THEME", "light")
            .arg("--theme")
            .arg("dark"),
    );
    assert!(painted_background(&flag_wins, CYAN) && !painted_background(&flag_wins, BLUE));
    let plain = start(Launch::new().env("NO_COLOR", "1").arg("--theme").arg("light"));
    assert!(find(&plain.raw(), b"48;5;").is_none(), "NO_COLOR paints nothing");
    assert!(find(&plain.raw(), b"38;5;").is_none(), "NO_COLOR paints nothing");
}
