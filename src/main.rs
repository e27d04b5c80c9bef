//! The privcat binary: parses the command line, then runs a command or the explorer.

use std::io::{self, Write};
use std::process::ExitCode;
use std::sync::{Arc, Mutex, PoisonError, mpsc};
use std::thread;

use clap::{CommandFactory, Parser};

use privcat::app::{App, Prepared};
use privcat::cache;
use privcat::catalog::{self, Library};
use privcat::cli::args::{Cli, ExplorerArgs, GlobalArgs};
use privcat::cli::output::{self, visible};
use privcat::cli::{self, EXIT_ERROR, commands};
use privcat::scenario::Scenario;
use privcat::terminal;
use privcat::text::Lang;
use privcat::ui::Theme;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e),
    };
    let result = match cli.command {
        Some(command) => cli::run(command, &cli.global),
        None => explore(&cli.global, &cli.explorer),
    };
    match result {
        Ok(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
        // A closed pipe on standard output (`privcat export | head`) means the reader has what it
        // wanted; one on standard error is an error like any other.
        Err(e) if output::is_stdout_pipe_closed(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // An error may quote a catalog (a background load's errors) or your arguments: never raw.
            let _ = writeln!(io::stderr(), "privcat: {}", visible(&format!("{e:#}")));
            ExitCode::from(2)
        }
    }
}

/// Prints what clap has to say (help, version or a usage error) and the exit status for it. Your
/// arguments echoed in a usage error show control characters as `\u{…}`, as every message does;
/// help that cannot be written is an error.
fn clap_exit(e: &clap::Error) -> ExitCode {
    let code = ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
    if e.use_stderr() {
        let _ = if std::env::args_os().any(|a| a.to_string_lossy().chars().any(output::is_unsafe)) {
            // clap strips escape sequences from what it echoes only when not on a terminal: ask
            // it again with every argument escaped, so that the same message shows them.
            let escaped = std::env::args_os().map(|a| output::visible(&a.to_string_lossy()).into_owned());
            match Cli::command().try_get_matches_from(escaped) {
                Err(again) if again.use_stderr() => again.print(),
                _ => io::stderr().write_all(output::visible(&e.render().to_string()).as_bytes()),
            }
        } else {
            e.print()
        };
        return code;
    }
    let written = if output::stdout_is_closed() {
        Err(output::closed())
    } else {
        e.print().and_then(|()| io::stdout().flush())
    };
    match written {
        Ok(()) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => code,
        Err(e) => {
            let _ = writeln!(io::stderr(), "privcat: cannot write to standard output: {e}");
            ExitCode::from(2)
        }
    }
}

/// Opens the explorer, after loading (errors print on a normal terminal) and checking the terminal.
fn explore(global: &GlobalArgs, options: &ExplorerArgs) -> anyhow::Result<i32> {
    let mut err = io::stderr();
    let term = std::env::var("TERM").ok();
    if let Some(reason) = terminal::unusable_reason(terminal::stdout_is_tty(), term.as_deref()) {
        writeln!(
            err,
            "privcat: {reason}.\nWithout a terminal, use a command: `privcat search`, `privcat show`, `privcat answer`, `privcat list` or `privcat export` (see `privcat --help`)."
        )?;
        return Ok(EXIT_ERROR);
    }
    let theme = Theme::choose(options.theme.map(Into::into), |name| std::env::var(name).ok());
    let lang = cli::language(global);
    let bytes = catalog::load::total_bytes(&global.catalog);
    if bytes >= BACKGROUND_FROM {
        let scenario = match cli::parsed_scenario(global) {
            Ok(scenario) => scenario,
            Err(refusal) => return refuse(&refusal),
        };
        return explore_loading(global, options, lang, &theme, scenario, bytes);
    }
    let Some((library, index, _)) =
        commands::load_or_report(global, &mut err)?.and_then(|l| l.into_result().ok())
    else {
        return Ok(EXIT_ERROR);
    };
    let scenario = match cli::checked_scenario(global, &library) {
        Ok(scenario) => scenario,
        Err(refusal) => return refuse(&refusal),
    };
    let mut app = App::prepared(Prepared::with_index(library, index), lang).with_scenario(scenario);
    app.mouse = !options.no_mouse;
    terminal::run(app, theme)
}

/// Refuses to start: `refusal` on stderr and the exit status of an input error.
fn refuse(refusal: &str) -> anyhow::Result<i32> {
    writeln!(io::stderr(), "privcat: {refusal}")?;
    Ok(EXIT_ERROR)
}

/// Large catalogs load while the explorer is already on screen; `scenario` is checked once they are
/// read, and their warnings are printed once the explorer has given the screen back.
fn explore_loading(
    global: &GlobalArgs,
    options: &ExplorerArgs,
    lang: Lang,
    theme: &Theme,
    scenario: Scenario,
    bytes: u64,
) -> anyhow::Result<i32> {
    let (deliver, loading) = mpsc::channel();
    let warnings = Arc::new(Mutex::new(Vec::new()));
    let paths = global.catalog.clone();
    let (found, wanted) = (Arc::clone(&warnings), scenario.clone());
    let cache = commands::cache(global);
    thread::spawn(move || {
        let loaded = cache::load(&paths, &cache)
            .into_result()
            .map_err(anyhow::Error::from)
            .and_then(|(library, index, diagnostics)| {
                *found.lock().unwrap_or_else(PoisonError::into_inner) = diagnostics;
                wanted
                    .check(&library)
                    .map_err(|e| anyhow::anyhow!(cli::scenario_refusal(&e)))?;
                Ok(Prepared::with_index(library, index))
            });
        let _ = deliver.send(loaded);
    });
    let mut app = App::new(Library::default(), lang).with_scenario(scenario);
    app.mouse = !options.no_mouse;
    app.loading = Some(format!("{:.0} MB", mb(bytes)));
    let result = terminal::run_loading(app, theme, &loading);
    let mut err = io::stderr();
    for warning in warnings.lock().unwrap_or_else(PoisonError::into_inner).iter() {
        writeln!(err, "privcat: {}", visible(&warning.to_string()))?;
    }
    result
}

/// From this many bytes of catalog files on, the explorer appears before they are loaded.
const BACKGROUND_FROM: u64 = 2 * 1024 * 1024;

#[allow(clippy::cast_precision_loss)]
fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1_000_000.0
}

/// mimalloc: loading a large library is mostly allocation, and it measured 20–30 % less CPU time
/// than the system allocator there (README, Performance).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
