//! Writing the library out for other programs and people: JSON (and, later, CSV and Markdown).

pub mod json;
