//! privcat: explore catalogs of personal data.

pub mod app;
pub mod cache;
pub mod catalog;
pub mod cli;
pub mod coverage;
pub mod describe;
pub mod diff;
pub mod export;
pub mod files;
pub mod i18n;
pub mod import;
pub mod keymap;
pub mod scenario;
pub mod search;
pub mod terminal;
pub mod text;
pub mod ui;
pub mod width;
