//! The search keys of every item, built once per library: names, descriptions, and the group and
//! category names shared by many items (scored once per query, not once per item).

use crate::catalog::{Item, Library};
use crate::text::Text;

/// Every version (language) of one field's text; versions are matched one by one, so that a match
/// never spans two languages.
pub type Field = Box<[Key]>;

/// The versions of a text as a field.
pub fn field(text: &Text) -> Field {
    text.versions().into_iter().map(Key::new).collect()
}

/// A searchable text, kept as written and folded to lower case char by char (same char count).
#[derive(Debug, Clone, Default)]
pub struct Key {
    pub original: Box<str>,
    pub folded: Box<str>,
}

impl Key {
    pub fn new(text: &str) -> Key {
        let folded = fold(text);
        let folded = if folded == text {
            text.into()
        } else {
            folded.into_boxed_str()
        };
        Key {
            original: text.into(),
            folded,
        }
    }

    pub fn text(&self, case_sensitive: bool) -> &str {
        if case_sensitive {
            &self.original
        } else {
            &self.folded
        }
    }
}

/// Lower-cases char by char, keeping the char count so match positions stay valid.
pub fn fold(text: &str) -> String {
    text.chars()
        .map(|c| {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        })
        .collect()
}

/// What is searched for one item.
#[derive(Debug, Clone)]
pub struct ItemKeys {
    pub name: Field,
    pub description: Field,
    /// Index into [`SearchIndex::groups`], shared by the group's items.
    pub group: Option<u32>,
    /// Index into [`SearchIndex::categories`].
    pub category: Option<u32>,
}

/// The search keys of a library.
#[derive(Debug, Default)]
pub struct SearchIndex {
    pub items: Vec<ItemKeys>,
    pub groups: Vec<Field>,
    pub categories: Vec<Field>,
}

impl SearchIndex {
    pub fn build(library: &Library) -> SearchIndex {
        let mut index = SearchIndex::default();
        let mut group_base = Vec::new();
        let mut category_base = Vec::new();
        for catalog in &library.catalogs {
            group_base.push(index.groups.len());
            category_base.push(index.categories.len());
            index.groups.extend(catalog.groups.iter().map(|g| field(&g.name)));
            index
                .categories
                .extend(catalog.categories.iter().map(|c| field(&c.name)));
        }
        let as_u32 = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let keys = |item: &Item| ItemKeys {
            name: field(&item.name),
            description: item.description.as_ref().map(field).unwrap_or_default(),
            group: item.group.map(|g| as_u32(group_base[item.catalog] + g)),
            category: item.category.map(|k| as_u32(category_base[item.catalog] + k)),
        };
        let threads = std::thread::available_parallelism()
            .map_or(1, std::num::NonZero::get)
            .min(8);
        index.items = if library.items.len() < 4096 || threads < 2 {
            library.items.iter().map(keys).collect()
        } else {
            let size = library.items.len().div_ceil(threads);
            std::thread::scope(|scope| {
                let parts: Vec<_> = library
                    .items
                    .chunks(size)
                    .map(|part| scope.spawn(|| part.iter().map(keys).collect::<Vec<_>>()))
                    .collect();
                parts
                    .into_iter()
                    .flat_map(|p| p.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                    .collect()
            })
        };
        index
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}
