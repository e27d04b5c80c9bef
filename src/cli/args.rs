//! The command-line definition (clap), shared by the parser, the completions and the man page.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::text::Lang;

/// privcat: explore what personal data a system collects, from where, when and why.
///
/// With no command, privcat opens the interactive explorer on the built-in Intune catalog
/// (or on the catalogs given with --catalog).
#[derive(Debug, Parser)]
#[command(name = "privcat", version, about, long_about)]
#[command(
    after_help = "Examples:\n  privcat                          open the explorer\n  privcat validate catalog/        check catalog files\n  privcat export --format json     every item as JSON"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every command takes.
#[derive(Debug, Args, Clone)]
pub struct GlobalArgs {
    /// A catalog file, or a folder of *.yaml/*.yml catalogs; repeat to load several. Default: the built-in Intune catalog.
    #[arg(long, short = 'c', value_name = "PATH", global = true)]
    pub catalog: Vec<PathBuf>,
    /// Language of texts and of the interface. Default: from LANG, else English.
    #[arg(long, value_enum, global = true)]
    pub lang: Option<LangArg>,
}

/// A language on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Sv,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Sv => Lang::Sv,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check catalog files and explain every mistake, with file, line and column.
    #[command(
        after_help = "Examples:\n  privcat validate catalog/\n  privcat validate my-vendor.yaml other.yaml\n\nExit status: 0 when no errors were found, 2 otherwise."
    )]
    Validate {
        /// Catalog files or folders; default: the --catalog paths, else the built-in catalog.
        paths: Vec<PathBuf>,
    },
    /// Write every item with its effective sources, conditions and purposes.
    #[command(
        after_help = "Examples:\n  privcat export --format json > intune.json\n  privcat export --format json --catalog my-catalogs/"
    )]
    Export {
        /// The output format.
        #[arg(long, short = 'f', value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
    },
}

/// Formats of `export`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ExportFormat {
    Json,
}
