//! Catalogs of personal data: the file format, loading, validation and the resolved model.

pub mod diagnostic;
pub mod guard;
pub mod load;
pub mod model;
mod parse;
pub mod positions;
mod resolve;
pub mod sanitize;
pub mod schema;
pub mod slices;
pub mod validate;

pub use diagnostic::{Diagnostic, LoadError, Severity};
pub use load::{Report, load_builtin, load_paths, load_texts};
pub use model::{Basis, Catalog, Effective, Item, Library, Note, Origin, SourceUse};
