//! The command line: its definition, and the commands that run without the terminal UI.

pub mod args;
pub mod commands;
