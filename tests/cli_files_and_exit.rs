//! What privcat does with the files and streams it is given, run as a user runs it: special files
//! are refused at once with a sentence, exports keep file modes and never replace a catalog or a
//! device, the exit status tells whether the output arrived, and arguments echoed in messages
//! never reach the terminal as control characters.
#![cfg(unix)]

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const MINIMAL: &str = include_str!("fixtures/valid/minimal.yaml");

/// Long enough for any command here on a loaded machine; a blocked open never ends at all.
const HANG_GUARD: Duration = Duration::from_secs(20);

fn privcat() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_privcat"));
    command.env("NO_COLOR", "1").env_remove("LANG");
    command
}

/// Runs `command` with no input, failing the test if it has not ended within the hang guard.
fn finish(mut command: Command) -> Output {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("privcat runs");
    let start = Instant::now();
    while child.try_wait().expect("privcat can be waited for").is_none() {
        if start.elapsed() > HANG_GUARD {
            child.kill().expect("a hung privcat can be killed");
            panic!("privcat did not return within {HANG_GUARD:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("privcat's output is read")
}

fn run(args: &[&OsStr]) -> Output {
    let mut command = privcat();
    command.args(args);
    finish(command)
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
    assert!(made.success());
}

fn catalog_in(dir: &Path, name: &[u8]) -> PathBuf {
    let path = dir.join(OsStr::from_bytes(name));
    std::fs::write(&path, MINIMAL).unwrap();
    path
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

// Catalogs are never written.

#[test]
fn export_refuses_to_write_over_a_catalog_whose_name_is_not_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = catalog_in(dir.path(), b"n\xff.yaml");
    let out = run(&[
        "export".as_ref(),
        "-c".as_ref(),
        catalog.as_os_str(),
        "-o".as_ref(),
        catalog.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("privcat never writes to a catalog"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&catalog).unwrap(), MINIMAL);
}

#[test]
fn export_refuses_a_catalog_reached_by_another_name_or_through_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let catalogs = dir.path().join("catalogs");
    std::fs::create_dir(&catalogs).unwrap();
    let catalog = catalog_in(&catalogs, b"catalog.yaml");
    let link = dir.path().join("link.yaml");
    std::os::unix::fs::symlink(&catalog, &link).unwrap();
    let other = catalogs.join("..").join("catalogs").join("catalog.yaml");
    for target in [&link, &other] {
        let out = run(&[
            "export".as_ref(),
            "-c".as_ref(),
            catalogs.as_os_str(),
            "-o".as_ref(),
            target.as_os_str(),
        ]);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("never writes to a catalog"),
            "{}",
            stderr(&out)
        );
    }
    assert_eq!(std::fs::read_to_string(&catalog).unwrap(), MINIMAL);
}

// Special files are refused, at once.

#[test]
fn validate_refuses_a_fifo_at_once_with_a_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("f.yaml");
    mkfifo(&fifo);
    let out = run(&["validate".as_ref(), fifo.as_os_str()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!(
            "{}: error: it is a FIFO (named pipe), not a regular file; privcat reads catalogs from regular files, folders, and standard input named `-`",
            fifo.display()
        )),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_page_that_is_a_fifo_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("page.md");
    mkfifo(&fifo);
    let out = run(&["import".as_ref(), fifo.as_os_str()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        format!(
            "privcat: {}: it is a FIFO (named pipe), not a regular file; privcat reads pages from regular files\n",
            fifo.display()
        )
    );
}

#[test]
fn a_catalog_on_standard_input_is_read_when_named_dash() {
    use std::io::Write;
    let mut child = privcat()
        .args(["validate", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(MINIMAL.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "ok: 1 catalog, 2 items (identified 2), 0 warnings\n"
    );
}

#[test]
fn a_catalog_option_naming_a_device_is_refused() {
    let out = run(&["list".as_ref(), "-c".as_ref(), "/dev/zero".as_ref()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("/dev/zero: error: it is a character device"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_fifo_among_a_folders_catalogs_is_left_out() {
    let dir = tempfile::tempdir().unwrap();
    catalog_in(dir.path(), b"a.yaml");
    mkfifo(&dir.path().join("b.yaml"));
    let out = run(&["validate".as_ref(), dir.path().as_os_str()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("ok: 1 catalog, 2 items"));
}

#[test]
fn export_refuses_to_replace_a_fifo_or_a_device() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("report.json");
    mkfifo(&fifo);
    for (target, kind) in [
        (fifo.as_path(), "a FIFO (named pipe)"),
        (Path::new("/dev/null"), "a character device"),
    ] {
        let out = run(&["export".as_ref(), "-o".as_ref(), target.as_os_str()]);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        let expected = format!(
            "privcat: cannot write {}: it is {kind}, not a regular file; privcat never replaces a device, FIFO or socket\n",
            target.display()
        );
        assert_eq!(stderr(&out), expected);
    }
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
}

// Exports keep file modes.

#[test]
fn a_new_export_gets_the_umasks_mode_and_a_replaced_one_keeps_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("new.csv");
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(r#"umask 027 && exec "$0" export --format csv -o "$1""#)
        .arg(env!("CARGO_BIN_EXE_privcat"))
        .arg(&new);
    let out = finish(command);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(mode(&new), 0o640);

    let shared = dir.path().join("shared.md");
    std::fs::write(&shared, "old report").unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o664)).unwrap();
    let out = run(&[
        "export".as_ref(),
        "--format".as_ref(),
        "md".as_ref(),
        "-o".as_ref(),
        shared.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(mode(&shared), 0o664);
    assert!(std::fs::read_to_string(&shared).unwrap().starts_with('#'));
}

// The exit status says whether the output arrived.

/// A pipe whose reading end is already closed: every write to it fails with a broken pipe.
fn closed_pipe() -> std::io::PipeWriter {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    writer
}

fn bad_catalog(dir: &Path) -> PathBuf {
    let path = dir.join("bad.yaml");
    std::fs::write(&path, "catalog: [\n").unwrap();
    path
}

#[test]
fn an_error_that_cannot_be_written_to_stderr_still_fails() {
    let dir = tempfile::tempdir().unwrap();
    let bad = bad_catalog(dir.path());
    let mut command = privcat();
    command.arg("validate").arg(&bad);
    let status = command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(closed_pipe())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(2));
}

#[test]
fn a_reader_that_stops_early_on_stdout_is_success() {
    let mut command = privcat();
    command.arg("list");
    let status = command
        .stdin(Stdio::null())
        .stdout(closed_pipe())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
}

/// `privcat ARGS >&-` or `> /dev/full`, through the shell as a user types it.
fn with_stdout(redirect: &str, args: &str) -> Output {
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(format!(r#""$0" {args} {redirect}"#))
        .arg(env!("CARGO_BIN_EXE_privcat"))
        .env("NO_COLOR", "1");
    finish(command)
}

#[test]
fn a_closed_stdout_is_an_error_with_a_sentence() {
    for args in ["catalogs", "list", "validate", "--help"] {
        let out = with_stdout(">&-", args);
        assert_eq!(out.status.code(), Some(2), "{args}: {}", stderr(&out));
        assert!(
            stderr(&out).starts_with("privcat: cannot write to standard output: it is closed"),
            "{args}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn a_closed_stdout_is_no_error_for_a_command_that_writes_nothing_there() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    let out = with_stdout(">&-", &format!("export -o '{}'", report.display()));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(report.exists());
}

#[test]
fn a_full_disk_on_stdout_is_an_error_with_a_sentence() {
    for args in ["catalogs", "export", "--help", "--version"] {
        let out = with_stdout("> /dev/full", args);
        assert_eq!(out.status.code(), Some(2), "{args}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("cannot write to standard output: No space left on device"),
            "{args}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn output_thrown_away_on_purpose_is_success() {
    let out = with_stdout("> /dev/null", "list");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
}

// Arguments echoed in messages are escaped.

/// The message for `args`, as clap and privcat write it on a terminal (where clap, unlike in a
/// pipe, leaves escape sequences in what it echoes).
fn message_on_a_terminal(args: &[&str]) -> String {
    let mut command = privcat();
    command
        .args(args)
        .env("CLICOLOR_FORCE", "1")
        .env_remove("NO_COLOR");
    let out = finish(command);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    stderr(&out)
}

#[test]
fn arguments_echoed_in_errors_show_control_characters_escaped() {
    let cases: [(&[&str], &str); 5] = [
        (&["--lang", "s\u{1b}]0;PWNED\u{7}v"], "s\\u{1b}]0;PWNED\\u{7}v"),
        (&["search", "x", "--limit", "1\u{1b}[2J"], "1\\u{1b}[2J"),
        (&["list", "-f", "text\u{202e}"], "text\\u{202e}"),
        (&["li\u{1b}[1mst"], "li\\u{1b}[1mst"),
        (&["list", "--category", "x\u{9b}31m"], "x\\u{9b}31m"),
    ];
    for (args, shown) in cases {
        let message = message_on_a_terminal(args);
        assert!(message.contains(shown), "{args:?}: {message:?}");
        let typed = args.iter().find(|a| a.chars().any(char::is_control)).copied();
        let raw = typed.or(args.last().copied()).unwrap_or_default();
        assert!(!message.contains(raw), "{args:?} echoed raw: {message:?}");
        assert!(!message.contains('\u{7}') && !message.contains('\u{202e}') && !message.contains('\u{9b}'));
    }
}

#[test]
fn an_unwritable_output_path_is_shown_escaped() {
    let out = run(&[
        "export".as_ref(),
        "-o".as_ref(),
        "/nonexistent-folder/r\u{1b}[2J.json".as_ref(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "privcat: cannot write /nonexistent-folder/r\\u{1b}[2J.json: cannot create a file in the folder /nonexistent-folder: No such file or directory (os error 2)\n"
    );
}
