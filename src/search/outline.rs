//! The outline of a result list, shared by the explorer and `privcat list`: while browsing, items in document order under headings for their
//! document, category and group; while searching, ranked items alone.

use crate::catalog::Library;
use crate::search::Hit;
use crate::text::Lang;

/// One line of the item list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A document heading, when a catalog has several documents (browsing only).
    Document {
        catalog: usize,
        document: usize,
    },
    /// A category heading (browsing only).
    Category {
        catalog: usize,
        category: usize,
    },
    /// A group heading; `None` for items that stand directly in the category (browsing only).
    Group {
        catalog: usize,
        group: Option<usize>,
    },
    Item(Hit),
}

/// Where an item stands: catalog, document, category, group.
type Place = (usize, usize, Option<usize>, Option<usize>);

impl Row {
    /// Items in document order under their headings.
    pub fn browse(library: &Library, shown: &[Hit]) -> Vec<Row> {
        let mut rows = Vec::with_capacity(shown.len() + 16);
        let mut last: Option<Place> = None;
        for hit in shown {
            let item = &library.items[hit.item];
            let (catalog, document, category, group) =
                (item.catalog, item.document, item.category, item.group);
            let new_document = last.is_none_or(|l| (l.0, l.1) != (catalog, document));
            // Items outside any category after a category's items go back under their document's
            // heading, so they never read as the category's.
            let leaves_category = !new_document && category.is_none() && last.is_some_and(|l| l.2.is_some());
            if (new_document && library.catalogs[catalog].documents.len() > 1) || leaves_category {
                rows.push(Row::Document { catalog, document });
            }
            if new_document || last.is_some_and(|l| l.2 != category) {
                if let Some(category) = category {
                    rows.push(Row::Category { catalog, category });
                }
                if group.is_some() {
                    rows.push(Row::Group { catalog, group });
                }
            } else if last.is_some_and(|l| l.3 != group) {
                rows.push(Row::Group { catalog, group });
            }
            last = Some((catalog, document, category, group));
            rows.push(Row::Item(*hit));
        }
        rows
    }
}

impl Row {
    /// The words of a heading: a document's name (see [`crate::catalog::Catalog::document_name`]), a category's or a group's name, each after
    /// its catalog's title when several catalogs are loaded and the heading does not already say
    /// which. `None` for an item, and for the items that stand directly in their category.
    pub fn heading(self, library: &Library, lang: Lang) -> Option<String> {
        let several = library.catalogs.len() > 1;
        let (c, text, prefix) = match self {
            Row::Document { catalog, document } => {
                let c = &library.catalogs[catalog];
                let text = c.document_name(document, lang);
                (c, text, several)
            }
            Row::Category { catalog, category } => {
                let c = &library.catalogs[catalog];
                let text = c.categories[category].name.get(lang).to_owned();
                (c, text, several && c.documents.len() < 2)
            }
            Row::Group { catalog, group } => {
                let c = &library.catalogs[catalog];
                (c, c.groups[group?].name.get(lang).to_owned(), false)
            }
            Row::Item(_) => return None,
        };
        Some(if prefix {
            format!("{} › {text}", c.title.get(lang))
        } else {
            text
        })
    }
}
