//! The privcat binary: parses the command line, then runs a command or the explorer.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

use privcat::cli::args::{Cli, Command};
use privcat::cli::commands::{self, EXIT_ERROR};

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
        None => {
            writeln!(
                err,
                "privcat: the explorer needs a terminal; use `privcat validate` or `privcat export --format json`"
            )?;
            Ok(EXIT_ERROR)
        }
    }
}
