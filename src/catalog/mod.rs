//! Catalogs of personal data: the file format, loading, validation and the resolved model.

pub mod condition;
pub mod diagnostic;
pub mod fides;
pub mod guard;
pub mod kinds;
pub mod load;
pub mod model;
mod parse;
pub mod positions;
mod prepare;
mod resolve;
pub mod sanitize;
pub mod schema;
pub mod slices;
pub mod validate;
pub mod walk;

pub use condition::Expr;
pub use diagnostic::{Diagnostic, LoadError, Severity};
pub use kinds::{FactKind, Key};
pub use load::{Report, load_builtin, load_paths, load_texts};
pub use model::{
    Basis, Catalog, Cite, Document, Fact, Item, Library, Linked, Note, Origin, Statement, Use, Value,
};
