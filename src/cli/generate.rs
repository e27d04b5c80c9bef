//! Shell completions and the man page, generated from the same definition as the parser.

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::args::{Cli, Shell};

pub fn completions(shell: Shell, out: &mut dyn Write) -> Result<i32> {
    let shell = match shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
    };
    // clap_complete panics on a write error; generate into memory so a closed pipe is an ordinary error.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "privcat", &mut script);
    out.write_all(&script)?;
    Ok(0)
}

pub fn man(out: &mut dyn Write) -> Result<i32> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    out.write_all(&page)?;
    Ok(0)
}
