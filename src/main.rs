//! The privcat binary: parses the command line, then runs a command or the explorer.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

use privcat::app::App;
use privcat::cli::args::{Cli, Command, GlobalArgs};
use privcat::cli::commands::{self, EXIT_ERROR};
use privcat::terminal;
use privcat::text::Lang;
use privcat::ui::Theme;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
        Err(e) => {
            // A closed pipe (`privcat export | head`) is not an error worth a message.
            if e.downcast_ref::<io::Error>()
                .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            let _ = writeln!(io::stderr(), "privcat: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<i32> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let mut err = io::stderr();
    match cli.command {
        Some(Command::Validate { paths }) => commands::validate(&paths, &cli.global, &mut out, &mut err),
        Some(Command::Export { format }) => {
            let Some(library) = commands::load_or_report(&cli.global, &mut err)? else {
                return Ok(EXIT_ERROR);
            };
            commands::export(format, &library, &mut out)
        }
        None => explore(&cli.global, &mut err),
    }
}

/// Opens the explorer, after loading (errors print on a normal terminal) and checking the terminal.
fn explore(global: &GlobalArgs, err: &mut dyn Write) -> anyhow::Result<i32> {
    let term = std::env::var("TERM").ok();
    if let Some(reason) = terminal::unusable_reason(terminal::stdout_is_tty(), term.as_deref()) {
        writeln!(
            err,
            "privcat: {reason}.\nFor output that is not a terminal, use a command: `privcat validate`, `privcat export --format json` (see `privcat --help`)."
        )?;
        return Ok(EXIT_ERROR);
    }
    let Some(library) = commands::load_or_report(global, err)? else {
        return Ok(EXIT_ERROR);
    };
    let lang = Lang::detect(global.lang.map(Into::into), std::env::var("LANG").ok().as_deref());
    let theme = Theme::from_env(std::env::var("NO_COLOR").ok().as_deref());
    terminal::run(App::new(library, lang), theme)?;
    Ok(0)
}
