//! Shell completions and the man page, generated from the same definition as the parser.

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;
use clap::builder::PossibleValuesParser;

use crate::catalog::Library;
use crate::cli::args::{Cli, Shell};
use crate::search::{Facet, FacetIndex};

/// A completion script in which the facet flags (`--category`, `--source`…) offer the ids of the
/// library's values, never file names.
pub fn completions(shell: Shell, library: &Library, out: &mut dyn Write) -> Result<i32> {
    let shell = match shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
    };
    let mut command = with_facet_values(Cli::command(), &FacetIndex::build(library));
    // clap_complete panics on a write error; generate into memory so a closed pipe is an ordinary error.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "privcat", &mut script);
    out.write_all(&script)?;
    Ok(0)
}

/// The command with each facet flag taking the facet's value ids: for the completion script only,
/// since another `--catalog` has other values and the parser must accept them.
fn with_facet_values(command: clap::Command, index: &FacetIndex) -> clap::Command {
    let flagged: Vec<Facet> = Facet::ALL.into_iter().filter(|f| f.has_flag()).collect();
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    let mut command = command;
    for name in names {
        command = command.mut_subcommand(name, |mut sub| {
            for facet in &flagged {
                if sub.get_arguments().any(|a| a.get_id() == facet.id()) {
                    let ids: Vec<String> = index.values(*facet).iter().map(|v| v.id.clone()).collect();
                    sub = sub.mut_arg(facet.id(), |arg| arg.value_parser(PossibleValuesParser::new(ids)));
                }
            }
            sub
        });
    }
    command
}

/// The man page: one page, with every command and its options in a COMMANDS section, since there
/// are no pages for the commands alone.
pub fn man(out: &mut dyn Write) -> Result<i32> {
    let command = Cli::command();
    let page = clap_mangen::Man::new(command.clone());
    let mut roff = Vec::new();
    page.render_title(&mut roff)?;
    page.render_name_section(&mut roff)?;
    page.render_synopsis_section(&mut roff)?;
    page.render_description_section(&mut roff)?;
    page.render_options_section(&mut roff)?;
    roff.extend_from_slice(b".SH COMMANDS\n");
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = sub.get_name();
        roff.extend_from_slice(format!(".SS \"privcat {}\"\n", escape(name)).as_bytes());
        let about = sub
            .get_long_about()
            .or_else(|| sub.get_about())
            .map(ToString::to_string)
            .unwrap_or_default();
        roff.extend_from_slice(format!(".PP\n{}\n", escape(&about)).as_bytes());
        let mut options = Vec::new();
        clap_mangen::Man::new(sub.clone().name(format!("privcat {name}")))
            .render_options_section(&mut options)?;
        let options = String::from_utf8_lossy(&options);
        // The command's options follow its paragraph, under its own heading rather than a new section
        // (and without the preamble clap_mangen starts every rendering with).
        let body = options.split_once(".SH OPTIONS\n").map_or("", |(_, rest)| rest);
        roff.extend_from_slice(body.as_bytes());
    }
    page.render_extra_section(&mut roff)?;
    page.render_version_section(&mut roff)?;
    out.write_all(&roff)?;
    Ok(0)
}

/// Text made safe for roff: backslashes, hyphens, and a line that would start with a control character.
fn escape(text: &str) -> String {
    text.lines()
        .map(|line| {
            let line = line.replace('\\', "\\e").replace('-', "\\-");
            if line.starts_with(['.', '\'']) {
                format!("\\&{line}")
            } else {
                line
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}
