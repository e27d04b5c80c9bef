//! Every command the README shows in a code block runs as written: `privcat` is the binary just built,
//! run by `sh` (so quotes and arguments are read as a reader's shell reads them) in a folder that holds
//! the repository's `catalog/` and the README's `my-vendor.yaml`, where the files commands write land. Commands that open the explorer run in a pseudo-terminal until their first frame. Where the
//! README shows a command's output, the first line it shows is the first line the command prints.
//! The `cargo` and script commands are not run here; the reason for each is in [`SKIPPED`].
#![cfg(unix)]

#[path = "support/pty.rs"]
mod pty;

use std::path::Path;
use std::process::Command;

use clap::CommandFactory;
use pty::{Launch, key};

/// Commands not run, each with why, and the files they name that must exist.
const SKIPPED: &[(&str, &str, &[&str])] = &[
    (
        "cargo run --release",
        "builds a release binary; what it opens is `privcat` without arguments, run below in its stead",
        &["Cargo.toml"],
    ),
    ("cargo test", "the command running this test", &["Cargo.toml"]),
    (
        "cargo run --release --example generate -- --items 100000 --files 4 --seed 42 --out /tmp/big",
        "a release build writing 100,000 items: the benchmarks' set-up, minutes on a CI machine",
        &["examples/generate"],
    ),
    (
        "cargo run --release -- --catalog /tmp/big",
        "needs the catalog the previous command generates",
        &[],
    ),
    (
        "cargo bench",
        "the benchmarks: minutes, and timing is not a test's business",
        &["benches"],
    ),
    (
        "scripts/compare-fzf.sh",
        "needs fzf and hyperfine, which CI does not install",
        &["scripts/compare-fzf.sh"],
    ),
];

/// A command from the README, with the first line of output it shows, if it shows any.
#[derive(Debug)]
struct Shown {
    command: String,
    first_output: Option<String>,
}

/// Every command in the README's `sh` and `console` code blocks, in order.
fn shown_commands(readme: &str) -> Vec<Shown> {
    let mut out = Vec::new();
    let mut block: Option<&str> = None;
    for line in readme.lines() {
        if let Some(fence) = line.strip_prefix("```") {
            block = if block.is_some() { None } else { Some(fence.trim()) };
            continue;
        }
        match block {
            Some("sh") => {
                let command = line.split(" # ").next().unwrap_or("").trim();
                if !command.is_empty() && !command.starts_with('#') {
                    out.push(Shown {
                        command: command.to_owned(),
                        first_output: None,
                    });
                }
            }
            Some("console") => {
                if let Some(command) = line.strip_prefix("$ ") {
                    out.push(Shown {
                        command: command.trim().to_owned(),
                        first_output: None,
                    });
                } else if let Some(last) = out.last_mut()
                    && last.first_output.is_none()
                    && !line.trim().is_empty()
                {
                    last.first_output = Some(line.trim_end().to_owned());
                }
            }
            _ => {}
        }
    }
    out
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A folder holding `privcat`, for the front of `PATH`.
fn bin_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_privcat"), dir.path().join("privcat")).unwrap();
    dir
}

/// Whether `privcat ARGS` opens the explorer: no command among its words.
fn opens_the_explorer(command: &str) -> bool {
    let cli = privcat::cli::args::Cli::command();
    let commands: Vec<&str> = cli.get_subcommands().map(clap::Command::get_name).collect();
    command.starts_with("privcat") && !command.split_whitespace().any(|w| commands.contains(&w))
}

/// Runs an explorer command in a pseudo-terminal until it has drawn its first screen, then quits it.
fn run_in_a_terminal(command: &str, cwd: &Path) {
    assert!(
        !command.contains(['"', '\'', '$', '>', '|']),
        "{command}: not a plain command"
    );
    let mut launch = Launch::new().cwd(cwd);
    for arg in command.split_whitespace().skip(1) {
        launch = launch.arg(arg);
    }
    let mut session = launch.spawn();
    session.wait_until(&format!("the explorer of `{command}`"), |s| {
        let header = s.row(0);
        let count: Vec<&str> = header.rsplit(' ').take(3).collect();
        matches!(count.as_slice(), [total, "/", shown]
            if total.parse::<usize>().is_ok() && shown.parse::<usize>().is_ok())
    });
    session.send(key::CTRL_C);
    assert!(session.wait_exit().success(), "`{command}` did not quit cleanly");
}

/// A reader's folder: the repository's `catalog/` folder and the README's `my-vendor.yaml`, and room
/// for the files the commands write (`-o record.md`), which must not land in the repository.
fn reader_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(root().join("catalog"), dir.path().join("catalog")).unwrap();
    std::fs::copy(
        root().join("tests/fixtures/valid/minimal.yaml"),
        dir.path().join("my-vendor.yaml"),
    )
    .unwrap();
    dir
}

/// Runs a command with `sh` in `cwd`; (status, stdout, stderr).
fn run_in_sh(command: &str, bin: &Path, cwd: &Path) -> (i32, String, String) {
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let output = Command::new("sh")
        .arg("-c")
        .arg(command)
        .current_dir(cwd)
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn every_command_the_readme_shows_runs_as_written() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let shown = shown_commands(&readme);
    assert!(
        shown.len() >= 15,
        "the README's commands were not found: {shown:?}"
    );
    let bin = bin_dir();
    let reader = reader_dir();
    let mut ran = 0;
    for Shown {
        command,
        first_output,
    } in &shown
    {
        if let Some((_, why, files)) = SKIPPED.iter().find(|(c, _, _)| c == command) {
            assert!(!why.is_empty());
            for file in *files {
                let named = root().join(file);
                let exists = named.exists() || named.with_extension("rs").exists();
                assert!(exists, "`{command}` names {file}, which does not exist");
            }
            continue;
        }
        assert!(
            command.starts_with("privcat"),
            "a command neither run nor skipped: `{command}`"
        );
        if opens_the_explorer(command) {
            run_in_a_terminal(command, reader.path());
        } else {
            let (status, stdout, stderr) = run_in_sh(command, bin.path(), reader.path());
            assert!(
                status == 0 || status == 1,
                "`{command}` failed with status {status}:\n{stderr}"
            );
            assert!(!stderr.contains("error:"), "`{command}`: {stderr}");
            if let Some(expected) = first_output {
                let printed = if stdout.is_empty() { &stderr } else { &stdout };
                let first = printed.lines().next().unwrap_or_default();
                assert_eq!(
                    first, expected,
                    "`{command}` starts otherwise than the README shows"
                );
            }
        }
        ran += 1;
    }
    // The explorer the README opens with `cargo run --release`.
    run_in_a_terminal("privcat", reader.path());
    assert!(ran >= 10, "only {ran} commands ran");
}

#[test]
fn the_extractor_finds_commands_in_both_kinds_of_block() {
    let shown = shown_commands(
        "```sh\nprivcat list   # a comment\n# only a comment\n```\n\n```console\n$ privcat answer imei\nIMEI number\n- more\n$ privcat answer x\n```\n",
    );
    let commands: Vec<(&str, Option<&str>)> = shown
        .iter()
        .map(|s| (s.command.as_str(), s.first_output.as_deref()))
        .collect();
    assert_eq!(
        commands,
        [
            ("privcat list", None),
            ("privcat answer imei", Some("IMEI number")),
            ("privcat answer x", None),
        ]
    );
}
