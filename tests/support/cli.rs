//! Running the built binary as a user does, without colour, and reading what it wrote.
#![allow(dead_code)]

use std::process::{Command, Output};

/// `privcat ARGS…`, with `NO_COLOR` set.
pub fn privcat(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_privcat"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// Output bytes as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
