//! The command-line definition (clap), shared by the parser, the completions and the man page.

use std::path::PathBuf;

use clap::{Arg, ArgMatches, Args, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::search::Facet;
use crate::ui::theme::Palette;

use crate::text::Lang;

const EXAMPLES: &str = "\
Examples:
  privcat                                   open the explorer on the built-in Intune catalog
  privcat --theme light --no-mouse          the explorer for a light terminal, mouse left to it
  privcat answer imei                       an answer to paste into a ticket
  privcat search 'mac address' --limit 5    ranked matches
  privcat show app-name                     everything about one item
  privcat export --format csv -o intune.csv a spreadsheet of every item
  privcat validate my-catalogs/             check catalog files

Exit status: 0 success, 1 nothing matched (search, answer), 2 an error.";

/// privcat: explore what personal data a system collects, from where, when and why.
///
/// With no command, privcat opens the interactive explorer on the built-in Intune catalog
/// (or on the catalogs given with --catalog).
#[derive(Debug, Parser)]
#[command(name = "privcat", version, about, long_about, after_help = EXAMPLES)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(flatten)]
    pub explorer: ExplorerArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every command takes.
#[derive(Debug, Args, Clone, Default)]
pub struct GlobalArgs {
    /// A catalog file, a folder of *.yaml/*.yml catalogs, or `-` for standard input; repeat to load several. Default: the built-in Intune catalog.
    #[arg(long, short = 'c', value_name = "PATH", global = true)]
    pub catalog: Vec<PathBuf>,
    /// Language of catalog texts and of privcat's own words. Default: from the locale (`LC_ALL`,
    /// else `LC_MESSAGES`, else `LANG`), else English.
    #[arg(long, value_enum, global = true)]
    pub lang: Option<LangArg>,
    /// When to colour text output: auto (only on a terminal, and not with `NO_COLOR`), always or never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
    /// A setup to judge items in, such as `ownership=personal,platform=ios-ipados` (see `privcat scenario`).
    #[arg(long, value_name = "DIM=VALUE,...", global = true, value_hint = clap::ValueHint::Other)]
    pub scenario: Option<String>,
    /// Load the catalogs from their files even when the cache holds them, and write no cache.
    /// The cache is in the user's cache folder, or in `PRIVCAT_CACHE_DIR`.
    #[arg(long, global = true, env = "PRIVCAT_NO_CACHE", value_parser = clap::builder::BoolishValueParser::new())]
    pub no_cache: bool,
}

/// Options of the explorer (privcat without a command).
#[derive(Debug, Args, Clone, Default)]
pub struct ExplorerArgs {
    /// Colours for a dark or a light terminal background. Default: `PRIVCAT_THEME`, else what
    /// `COLORFGBG` says of the background, else dark; `NO_COLOR` gives no colour at all.
    #[arg(long, value_enum, value_name = "THEME")]
    pub theme: Option<ThemeArg>,
    /// Leave the mouse to the terminal, so text can always be selected; clicks and the wheel do nothing.
    #[arg(long)]
    pub no_mouse: bool,
}

/// A colour theme on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    Dark,
    Light,
}

impl From<ThemeArg> for Palette {
    fn from(t: ThemeArg) -> Palette {
        match t {
            ThemeArg::Dark => Palette::Dark,
            ThemeArg::Light => Palette::Light,
        }
    }
}

/// How `privcat diff` writes its report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Lines for a terminal, coloured there.
    #[default]
    Text,
    Json,
    /// A change report in Markdown.
    Md,
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

/// When to colour output.
#[derive(Debug, Clone, Copy, ValueEnum, Default, PartialEq, Eq)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// Which items a command looks at: one flag per facet (`--category ID`, `--source ID`, …), made
/// from the facet table.
#[derive(Debug, Clone, Default)]
pub struct FilterArgs {
    /// The facets given, with the id given for each.
    pub chosen: Vec<(Facet, String)>,
}

impl FromArgMatches for FilterArgs {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let chosen = Facet::ALL
            .into_iter()
            .filter(|f| f.has_flag())
            .filter_map(|f| matches.get_one::<String>(f.id()).map(|v| (f, v.clone())))
            .collect();
        Ok(FilterArgs { chosen })
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = FilterArgs::from_arg_matches(matches)?;
        Ok(())
    }
}

impl Args for FilterArgs {
    fn augment_args(mut command: clap::Command) -> clap::Command {
        for facet in Facet::ALL.into_iter().filter(|f| f.has_flag()) {
            command = command.arg(
                Arg::new(facet.id())
                    .long(facet.id())
                    .value_name("ID")
                    .help(facet.flag_help()),
            );
        }
        command
    }

    fn augment_args_for_update(command: clap::Command) -> clap::Command {
        FilterArgs::augment_args(command)
    }
}

/// Output formats of `search`, `show` and `list`.
#[derive(Debug, Clone, Copy, ValueEnum, Default, PartialEq, Eq)]
pub enum TextOrJson {
    #[default]
    Text,
    Json,
}

/// Formats of `export`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
#[value(rename_all = "lower")]
pub enum ExportFormat {
    /// Every entry with everything that reaches it.
    Json,
    /// A spreadsheet: a row per entry.
    Csv,
    /// A Markdown report of the entries.
    Md,
    /// The record of processing (GDPR Article 30): Markdown, CSV or an Excel workbook (see --as).
    Ropa,
    /// A fideslang system manifest (YAML) from the catalog's `fides` mappings.
    Fides,
}

/// How the record of processing is laid out.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
#[value(rename_all = "lower")]
pub enum Layout {
    Md,
    Csv,
    /// An Excel workbook: a summary sheet and the record.
    Xlsx,
}

impl Layout {
    /// The layout a file name's extension asks for.
    pub fn from_extension(path: &std::path::Path) -> Option<Layout> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(Layout::Md),
            "csv" => Some(Layout::Csv),
            "xlsx" => Some(Layout::Xlsx),
            _ => None,
        }
    }
}

/// How `export` lays out what it writes, beyond its format.
#[derive(Debug, Clone, Copy, Default, Args)]
pub struct ExportStyle {
    /// The record's layout with --format ropa: md, csv or xlsx. Default: from the --output file's
    /// extension, else md.
    #[arg(long = "as", value_enum, value_name = "LAYOUT")]
    pub layout: Option<Layout>,
    /// CSV for Excel where lists are separated by semicolons (Swedish, German…): a UTF-8 byte-order
    /// mark and `;` between cells.
    #[arg(long)]
    pub excel: bool,
}

/// Shells for `completions`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Ranked fuzzy matches: id, name, category › group and the first condition.
    #[command(
        after_help = "Examples:\n  privcat search imei\n  privcat search 'app' --category identified --limit 3\n  privcat search adress --lang sv --format json\n\nExit status: 0 with matches, 1 with none, 2 on error."
    )]
    Search {
        /// What to look for: words or a question; case never matters, and every word that names a field must match.
        query: String,
        #[command(flatten)]
        filter: FilterArgs,
        /// Show at most this many matches.
        #[arg(long, short = 'n', value_name = "N", value_hint = clap::ValueHint::Other)]
        limit: Option<usize>,
        #[arg(long, short = 'f', value_enum, default_value_t)]
        format: TextOrJson,
    },
    /// Everything about one item: what the explorer's detail pane shows.
    #[command(
        after_help = "Examples:\n  privcat show imei\n  privcat show app-name --lang sv\n  privcat show imei --format json\n\nExit status: 0, or 2 for an unknown id (with the closest ids)."
    )]
    Show {
        /// The item's id, as `search` and `list` print it: `CATALOG:ID` where loaded catalogs share the id.
        id: String,
        #[arg(long, short = 'f', value_enum, default_value_t)]
        format: TextOrJson,
    },
    /// The answer to paste into a ticket: where the documents list the item, when and why it is
    /// collected, what else they say of it and of its other listings, each line citing its source.
    #[command(
        after_help = "Examples:\n  privcat answer imei\n  privcat answer 'app name' --lang sv\n\nWith a query that matches several items, the best match is answered and the others are listed.\nExit status: 0, 1 when nothing matches, 2 on error."
    )]
    Answer {
        /// An item id (`CATALOG:ID` where loaded catalogs share the id), or a search query.
        query: String,
    },
    /// The items in document order, under their category and group.
    #[command(
        after_help = "Examples:\n  privcat list\n  privcat list --category pseudonymized\n  privcat list --source end-user-devices --format json"
    )]
    List {
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, short = 'f', value_enum, default_value_t)]
        format: TextOrJson,
    },
    /// Write the catalog for other programs and people: JSON, CSV (spreadsheets), Markdown (reports),
    /// the record of processing (Article 30) or a fideslang manifest.
    #[command(
        after_help = "Examples:\n  privcat export --format json > intune.json\n  privcat export --format csv --lang sv --excel --output intune.csv\n  privcat export --format md --category identified -o report.md\n  privcat export --format ropa --lang sv -o register.xlsx\n  privcat export --format ropa --as csv --excel > register.csv\n  privcat export --format fides > intune.fides.yml\n\nEvery export names the documents and versions it rests on, with their dates.\n--output writes through a temporary file and a rename, and never overwrites a catalog file."
    )]
    Export {
        #[arg(long, short = 'f', value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        #[command(flatten)]
        style: ExportStyle,
        #[command(flatten)]
        filter: FilterArgs,
        /// Write to this file instead of standard output.
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// The scenario dimensions of the loaded catalogs and their values, for --scenario.
    #[command(
        after_help = "Examples:\n  privcat scenario\n  privcat answer app-name --scenario ownership=personal,compliant-app=off\n  privcat list --scenario platform=windows"
    )]
    Scenario,
    /// The loaded catalogs: documents, dates, languages and counts.
    #[command(after_help = "Examples:\n  privcat catalogs\n  privcat catalogs --catalog my-catalogs/")]
    Catalogs,
    /// Check catalog files and explain every mistake, with file, line and column.
    #[command(
        after_help = "Examples:\n  privcat validate catalog/\n  privcat validate my-vendor.yaml other.yaml\n\nExit status: 0 when no errors were found, 2 otherwise."
    )]
    Validate {
        /// Catalog files or folders (`-`: standard input); default: the --catalog paths, else the built-in catalog.
        paths: Vec<PathBuf>,
        /// Print every problem; without it the first 100 are printed, then how many more there are.
        #[arg(long)]
        all: bool,
    },
    /// What changed between two catalogs, or two pages (drafted on the fly): items added, removed,
    /// reworded or moved, facts added or removed, categories, groups and sections added or removed.
    #[command(
        after_help = "Examples:\n  privcat diff old.yaml new.yaml\n  privcat diff en-US/privacy-data-collect.md en-US-2023/privacy-data-collect.md --format md > changes.md\n\nExit status: 0 when equal, 1 when different, 2 on an error (like diff)."
    )]
    Diff {
        /// The earlier version: a catalog file or folder, or a page (.md).
        old: PathBuf,
        /// The later version.
        new: PathBuf,
        #[arg(long, short = 'f', value_enum, default_value_t)]
        format: DiffFormat,
    },
    /// A draft catalog from a page in its Markdown source, every text the page's, to be reviewed.
    #[command(
        after_help = "Examples:\n  privcat import privacy-data-collect.md -o draft.yaml\n  privcat import page.md | privcat validate -\n\nFront matter gives title, locale and date; headings give sections; list items and table rows give\nitems (a list item with a nested list also gives their group); a table's other columns give\nstatements. Exit status: 0 when a draft was written, 2 when the page gives none."
    )]
    Import {
        /// The page, in its Markdown source.
        page: PathBuf,
        /// Write the draft here (through a temporary file and a rename) instead of to stdout.
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Whether a catalog covers a page: the page's list items and table rows no entry quotes, and
    /// the quotes the page no longer holds.
    #[command(
        after_help = "Examples:\n  privcat coverage catalog/sources/intune/sv-SE/privacy-data-collect.md\n  privcat coverage my-vendor.yaml new-page.md --document data-collect\n\nEach page is matched to the document whose source file has its name (narrowed by the page's date and locale).\nExit status: 0 when every row is quoted and every quote found, 1 otherwise, 2 on an error."
    )]
    Coverage {
        /// Pages (.md) to check, and optionally the catalog files or folders to check them against
        /// (default: the --catalog paths, else the built-in catalog).
        #[arg(required = true, value_name = "CATALOG|PAGE.md")]
        paths: Vec<PathBuf>,
        /// The id of the document the pages are editions of, where their file names do not tell.
        #[arg(long, value_name = "ID")]
        document: Option<String>,
        #[arg(long, short = 'f', value_enum, default_value_t)]
        format: TextOrJson,
    },
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  privcat completions bash > ~/.local/share/bash-completion/completions/privcat\n  privcat completions zsh > ~/.zfunc/_privcat\n  privcat completions fish > ~/.config/fish/completions/privcat.fish"
    )]
    Completions {
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the man page (roff).
    #[command(after_help = "Examples:\n  privcat man > privcat.1 && man ./privcat.1")]
    Man,
}
