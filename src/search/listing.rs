//! What a list line shows of each item besides its id (its name, place and first condition), kept
//! apart from the library so that a cached `privcat search` prints its lines without decoding it.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::catalog::Library;
use crate::text::{Lang, Text};

/// Every item's line, with the texts several items show (places, conditions) stored once.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Listing {
    /// The texts lines refer to by index.
    texts: Vec<Text>,
    lines: Vec<Line>,
}

/// One item's line.
#[derive(Debug, Serialize, Deserialize)]
struct Line {
    name: Text,
    /// The category's name, or the document's title for an item outside any category.
    parent: u32,
    group: Option<u32>,
    /// The first condition it is collected under.
    condition: Option<u32>,
}

/// Where a shared text came from, so that each is stored once.
#[derive(PartialEq, Eq, Hash)]
enum Shared {
    Category(usize, usize),
    Document(usize, usize),
    Group(usize, usize),
    Statement(*const crate::catalog::Statement),
}

fn as_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Listing {
    pub fn build(library: &Library) -> Listing {
        let mut texts: Vec<Text> = Vec::new();
        let mut seen: HashMap<Shared, u32> = HashMap::new();
        let mut text = |origin: Shared, value: &Text| {
            *seen.entry(origin).or_insert_with(|| {
                texts.push(value.clone());
                as_u32(texts.len() - 1)
            })
        };
        let lines = library
            .items
            .iter()
            .map(|it| {
                let c = it.catalog;
                let parent = match library.category_of(it) {
                    Some(category) => text(Shared::Category(c, it.category.unwrap_or(0)), &category.name),
                    None => text(Shared::Document(c, it.document), &library.document_of(it).title),
                };
                let group = library
                    .group_of(it)
                    .map(|g| text(Shared::Group(c, it.group.unwrap_or(0)), &g.name));
                let condition = it
                    .conditions()
                    .next()
                    .map(|f| text(Shared::Statement(std::sync::Arc::as_ptr(&f.statement)), &f.text));
                Line {
                    name: it.name.clone(),
                    parent,
                    group,
                    condition,
                }
            })
            .collect::<Vec<_>>();
        Listing { texts, lines }
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    pub fn name(&self, item: usize, lang: Lang) -> &str {
        self.lines[item].name.get(lang)
    }

    /// "Identified data › Hardware inventory information".
    pub fn place(&self, item: usize, lang: Lang) -> String {
        let line = &self.lines[item];
        let parent = self.text(line.parent, lang);
        match line.group {
            Some(g) => format!("{parent} › {}", self.text(g, lang)),
            None => parent.to_owned(),
        }
    }

    /// The first condition the item is collected under, or "".
    pub fn condition(&self, item: usize, lang: Lang) -> &str {
        self.lines[item].condition.map_or("", |c| self.text(c, lang))
    }

    fn text(&self, index: u32, lang: Lang) -> &str {
        self.texts.get(index as usize).map_or("", |t| t.get(lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::load_builtin;

    #[test]
    fn a_line_shows_what_the_library_says_of_its_item() {
        let library = load_builtin().library.expect("the built-in catalog loads");
        let listing = Listing::build(&library);
        assert_eq!(listing.len(), library.items.len());
        let imei = library.find("imei").expect("the built-in catalog lists the IMEI");
        let it = &library.items[imei];
        assert_eq!(listing.name(imei, Lang::Sv), it.name.get(Lang::Sv));
        let group = library.group_of(it).expect("the IMEI is in a group");
        let category = library.category_of(it).expect("the IMEI has a category");
        assert_eq!(
            listing.place(imei, Lang::En),
            format!("{} › {}", category.name.get(Lang::En), group.name.get(Lang::En))
        );
        let first = it
            .conditions()
            .next()
            .expect("the IMEI is collected under a condition");
        assert_eq!(listing.condition(imei, Lang::Sv), first.text.get(Lang::Sv));
        let unconditioned = (0..library.items.len())
            .find(|&i| library.items[i].conditions().next().is_none())
            .expect("some item has no condition");
        assert_eq!(listing.condition(unconditioned, Lang::En), "");
    }
}
