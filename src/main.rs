//! The privcat binary: parses the command line, then runs a command or the explorer.

use std::io::{self, Write};
use std::process::ExitCode;
use std::sync::mpsc;
use std::thread;

use clap::Parser;

use privcat::app::{App, Prepared};
use privcat::catalog;
use privcat::cli::args::{Cli, GlobalArgs};
use privcat::cli::{self, EXIT_ERROR, commands};
use privcat::terminal;
use privcat::ui::Theme;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(command) => cli::run(command, &cli.global),
        None => explore(&cli.global),
    };
    match result {
        Ok(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
        Err(e) => {
            // A closed pipe (`privcat export | head`) is not an error worth a message.
            if e.chain().any(|c| {
                c.downcast_ref::<io::Error>()
                    .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            let _ = writeln!(io::stderr(), "privcat: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Opens the explorer, after loading (errors print on a normal terminal) and checking the terminal.
fn explore(global: &GlobalArgs) -> anyhow::Result<i32> {
    let mut err = io::stderr();
    let term = std::env::var("TERM").ok();
    if let Some(reason) = terminal::unusable_reason(terminal::stdout_is_tty(), term.as_deref()) {
        writeln!(
            err,
            "privcat: {reason}.\nWithout a terminal, use a command: `privcat search`, `privcat show`, `privcat answer`, `privcat list` or `privcat export` (see `privcat --help`)."
        )?;
        return Ok(EXIT_ERROR);
    }
    let theme = Theme::from_env(std::env::var("NO_COLOR").ok().as_deref());
    let lang = cli::language(global);
    let bytes = catalog::load::total_bytes(&global.catalog);
    if bytes >= BACKGROUND_FROM {
        // Large catalogs load while the explorer is already on screen.
        let (deliver, loading) = mpsc::channel();
        let paths = global.catalog.clone();
        thread::spawn(move || {
            let loaded = catalog::load_paths(&paths)
                .into_result()
                .map(|(library, _)| Prepared::new(library));
            let _ = deliver.send(loaded);
        });
        let mut app = App::new(catalog::Library::default(), lang);
        app.loading = Some(format!("{:.0} MB", mb(bytes)));
        return terminal::run_loading(app, theme, &loading);
    }
    let Some(library) = commands::load_or_report(global, &mut err)? else {
        return Ok(EXIT_ERROR);
    };
    terminal::run(App::new(library, lang), theme)
}

/// From this many bytes of catalog files on, the explorer appears before they are loaded.
const BACKGROUND_FROM: u64 = 2 * 1024 * 1024;

#[allow(clippy::cast_precision_loss)]
fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1_000_000.0
}
