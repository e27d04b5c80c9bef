//! privcat: explore catalogs of personal data.

pub mod catalog;
pub mod cli;
pub mod export;
pub mod text;
