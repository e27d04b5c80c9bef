//! The command line: its definition, and the commands that run without the terminal UI.

pub mod args;
pub mod commands;
pub mod coverage;
pub mod diff;
pub mod export;
pub mod generate;
pub mod import;
pub mod output;
pub mod page;
pub mod query;

use std::io::{self, IsTerminal, Write};

use anyhow::Result;

use crate::cache::Loaded;
use crate::catalog::Library;
use crate::cli::args::{Command, GlobalArgs};
use crate::cli::output::{Out, use_color};
use crate::scenario::Scenario;
use crate::text::Lang;

/// Exit code when nothing matched (`search`, `answer`), like grep.
pub const EXIT_NO_MATCH: i32 = 1;
/// Exit code for an error in the input: an invalid catalog, an unknown id or category.
pub const EXIT_ERROR: i32 = 2;

/// What every command needs: the options, the language and where to write.
pub struct Context<'a> {
    pub global: &'a GlobalArgs,
    pub lang: Lang,
    pub out: Out<'a>,
    pub err: &'a mut dyn Write,
    /// The `--scenario` setup, checked against the loaded catalogs; empty when not given.
    pub scenario: Scenario,
}

/// The language for this run: `--lang`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), else
/// English.
pub fn language(global: &GlobalArgs) -> Lang {
    let locale = Lang::messages_locale(|name| std::env::var(name).ok());
    Lang::detect(global.lang.map(Into::into), locale.as_deref())
}

/// Runs a non-interactive command and returns its exit code.
pub fn run(command: Command, global: &GlobalArgs) -> Result<i32> {
    let is_terminal = io::stdout().is_terminal();
    let mut lock = io::BufWriter::new(output::Stdout::new());
    let mut err = io::stderr();
    let color = use_color(
        global.color,
        is_terminal,
        std::env::var("NO_COLOR").ok().as_deref(),
    );
    let width = is_terminal.then(|| crossterm::terminal::size().map_or(100, |(w, _)| usize::from(w)));
    let mut ctx = Context {
        global,
        lang: language(global),
        out: Out::new(&mut lock, color, is_terminal, width),
        err: &mut err,
        scenario: Scenario::default(),
    };
    let code = dispatch(command, &mut ctx)?;
    lock.flush()?;
    Ok(code)
}

/// Runs `command` with the given context; tests call this with buffers.
pub fn dispatch(command: Command, ctx: &mut Context) -> Result<i32> {
    match command {
        Command::Validate { paths, all } => commands::validate(&paths, all, ctx),
        Command::Coverage {
            paths,
            document,
            format,
        } => coverage::coverage(&paths, document.as_deref(), format, ctx),
        Command::Import { page, output } => import::import(&page, output.as_deref(), ctx),
        Command::Diff { old, new, format } => diff::run(&old, &new, format, ctx),
        Command::Completions { shell } => {
            // The facet flags complete the loaded library's values; without one, nothing.
            let library = commands::load(&ctx.global.catalog).library.unwrap_or_default();
            generate::completions(shell, &library, ctx.out.raw())
        }
        Command::Man => generate::man(ctx.out.raw()),
        other => {
            let Some(loaded) = commands::load_or_report(ctx.global, ctx.err)? else {
                return Ok(EXIT_ERROR);
            };
            let code = with_library(other, &loaded, ctx);
            // The process ends after a command: freeing a large library piece by piece would only
            // delay its exit.
            std::mem::forget(loaded);
            code
        }
    }
}

/// The `--scenario` setup as written, or why it is refused (`--scenario: …`, escaped).
pub fn parsed_scenario(global: &GlobalArgs) -> Result<Scenario, String> {
    global
        .scenario
        .as_deref()
        .map_or_else(|| Ok(Scenario::default()), Scenario::parse)
        .map_err(|e| scenario_refusal(&e))
}

/// The `--scenario` setup checked against the loaded catalogs, or why it is refused.
pub fn checked_scenario(global: &GlobalArgs, library: &Library) -> Result<Scenario, String> {
    let scenario = parsed_scenario(global)?;
    scenario.check(library).map_err(|e| scenario_refusal(&e))?;
    Ok(scenario)
}

/// Why a `--scenario` setup is refused, after `privcat: `, with `reason` escaped.
pub fn scenario_refusal(reason: &str) -> String {
    format!("--scenario: {}", output::visible(reason))
}

/// Runs a command on loaded catalogs; the library is decoded only where the command needs it.
fn with_library(command: Command, loaded: &Loaded, ctx: &mut Context) -> Result<i32> {
    let status = run_loaded(command, loaded, ctx)?;
    if loaded.lost() {
        writeln!(
            ctx.err,
            "privcat: the cache file could not be read and the catalogs no longer load; run the command again to see why"
        )?;
        return Ok(EXIT_ERROR);
    }
    Ok(status)
}

fn run_loaded(command: Command, loaded: &Loaded, ctx: &mut Context) -> Result<i32> {
    if ctx.global.scenario.is_some() {
        let Some(library) = loaded.library() else {
            return Ok(EXIT_ERROR);
        };
        match checked_scenario(ctx.global, library) {
            Ok(s) => ctx.scenario = s,
            Err(refusal) => {
                writeln!(ctx.err, "privcat: {refusal}")?;
                return Ok(EXIT_ERROR);
            }
        }
    }
    match command {
        Command::Search {
            query,
            filter,
            limit,
            format,
        } => query::search(loaded, &query, &filter, limit, format, ctx),
        Command::Show { id, format } => query::show(loaded, &id, format, ctx),
        Command::Answer { query } => query::answer(loaded, &query, ctx),
        Command::List { filter, format } => query::list(loaded, &filter, format, ctx),
        Command::Export {
            format,
            style,
            filter,
            output,
        } => export::export(loaded, (format, style), &filter, output.as_deref(), ctx),
        Command::Catalogs => loaded
            .library()
            .map_or(Ok(EXIT_ERROR), |library| commands::catalogs(library, ctx)),
        Command::Scenario => loaded
            .library()
            .map_or(Ok(EXIT_ERROR), |library| commands::scenario(library, ctx)),
        Command::Validate { .. }
        | Command::Coverage { .. }
        | Command::Import { .. }
        | Command::Diff { .. }
        | Command::Completions { .. }
        | Command::Man => Ok(0),
    }
}
