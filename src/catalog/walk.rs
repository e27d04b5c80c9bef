//! One walk over every text, id and reference of a catalog file, each with its path in the document
//! and the part that owns it. Sanitising, validation and the altered-text warnings all loop over it,
//! so a new key is walked once and checked, cleaned and located everywhere.

use std::collections::HashMap;
use std::fmt;

use crate::catalog::condition::Expr;
use crate::catalog::fides::Mapping;
use crate::catalog::kinds::{FactKind, ValueType};
use crate::catalog::schema::{CatalogFile, FactSpec, Raw, Ref};
use crate::text::Text;

/// One step of a path: a key or a list position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seg {
    Key(&'static str),
    Index(usize),
}

/// Where a node is in the document, such as `items[3].facts[0].party`.
#[derive(Debug, Clone, Copy)]
pub struct Path<'a>(pub &'a [Seg]);

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Key(k) if i == 0 => f.write_str(k)?,
                Seg::Key(k) => write!(f, ".{k}")?,
                Seg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// The lists of a catalog whose entries own texts and declare ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum List {
    /// The header: `catalog` (index 0).
    Catalog,
    Documents,
    Subjects,
    Parties,
    Platforms,
    Dimensions,
    Sources,
    Categories,
    Groups,
    Items,
    Links,
}

impl List {
    /// The key of the list in the file.
    pub fn key(self) -> &'static str {
        match self {
            List::Catalog => "catalog",
            List::Documents => "documents",
            List::Subjects => "subjects",
            List::Parties => "parties",
            List::Platforms => "platforms",
            List::Dimensions => "dimensions",
            List::Sources => "sources",
            List::Categories => "categories",
            List::Groups => "groups",
            List::Items => "items",
            List::Links => "links",
        }
    }

    /// One entry of the list, in messages.
    pub fn noun(self) -> &'static str {
        match self {
            List::Catalog => "catalog",
            List::Documents => "document",
            List::Subjects => "data subject",
            List::Parties => "party",
            List::Platforms => "platform",
            List::Dimensions => "scenario dimension",
            List::Sources => "source",
            List::Categories => "category",
            List::Groups => "group",
            List::Items => "item",
            List::Links => "link",
        }
    }
}

/// The entry a node belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Owner {
    pub list: List,
    pub index: usize,
    /// The document the entry's texts quote, where the walk knows it: its home document.
    pub home: Option<usize>,
}

/// What an id names or a reference points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IdKind {
    Document,
    Subject,
    Party,
    Platform,
    Dimension,
    /// A value of the dimension with this index.
    Value(usize),
    Source,
    Category,
    Group,
    Item,
    /// A section of the document with this index.
    Section(usize),
    /// A language code of the catalog.
    Language,
}

impl IdKind {
    pub fn noun(self) -> &'static str {
        match self {
            IdKind::Document => "document",
            IdKind::Subject => "data subject",
            IdKind::Party => "party",
            IdKind::Platform => "platform",
            IdKind::Dimension => "scenario dimension",
            IdKind::Value(_) => "value",
            IdKind::Source => "source",
            IdKind::Category => "category",
            IdKind::Group => "group",
            IdKind::Item => "item",
            IdKind::Section(_) => "section",
            IdKind::Language => "language",
        }
    }
}

/// How a text may be laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A name or title: one line.
    Line,
    /// A sentence or more: line breaks are kept.
    Paragraph,
    /// One line in some of the languages only: a row of a page, in the languages of the editions that
    /// have it, or one of the catalog's search words.
    Row,
}

/// One thing the walk finds.
pub enum Node<'a> {
    /// A human text; `required` ones may not be blank.
    Text {
        text: &'a mut Text,
        shape: Shape,
        required: bool,
    },
    /// A plain string such as a product, URL or date.
    Plain { value: &'a mut String, required: bool },
    /// An id declared here.
    Declare { kind: IdKind, id: &'a str },
    /// A reference to an id declared elsewhere.
    Refer { kind: IdKind, id: &'a str },
    /// A section reference, `SECTION` in the document with index `home`, or `DOCUMENT#SECTION`.
    Section { value: &'a str, home: usize },
    /// A fact, before its parts are walked; `implied` is the kind its place gives it.
    Fact {
        fact: &'a FactSpec,
        implied: Option<FactKind>,
    },
    /// A structured condition.
    When { expr: &'a Expr },
    /// A mapping onto fideslang's taxonomy, before its reason is walked.
    Fides { mapping: &'a Mapping },
    /// Every entry of this list has been walked.
    End(List),
}

/// What is done with each node.
pub trait Visit {
    fn visit(&mut self, path: Path<'_>, owner: Owner, node: Node<'_>);
}

/// The documents of a file and which one each category, group and item lists its items in (its
/// *home*: where a bare section reference points).
pub struct Homes {
    documents: HashMap<String, usize>,
    categories: HashMap<String, usize>,
    /// `None` for a group that names neither a document nor a category.
    groups: HashMap<String, Option<usize>>,
}

impl Homes {
    pub fn new(file: &CatalogFile) -> Homes {
        let documents: HashMap<String, usize> = file
            .documents
            .iter()
            .enumerate()
            .filter_map(|(i, d)| d.id.clone().map(|id| (id, i)))
            .collect();
        let doc = |d: Option<&String>| d.and_then(|d| documents.get(d).copied());
        let categories: HashMap<String, usize> = file
            .categories
            .iter()
            .map(|c| (c.id.clone(), doc(c.document.as_ref()).unwrap_or(0)))
            .collect();
        let groups = file
            .groups
            .iter()
            .map(|g| {
                let home = doc(g.document.as_ref())
                    .or_else(|| g.category.as_ref().and_then(|c| categories.get(c).copied()));
                (g.id.clone(), home)
            })
            .collect();
        Homes {
            documents,
            categories,
            groups,
        }
    }

    pub fn document(&self, id: Option<&String>) -> Option<usize> {
        id.and_then(|d| self.documents.get(d).copied())
    }

    pub fn category(&self, id: &str) -> usize {
        self.categories.get(id).copied().unwrap_or(0)
    }

    pub fn group(&self, id: &str) -> usize {
        self.groups.get(id).copied().flatten().unwrap_or(0)
    }

    pub fn item(&self, item: &crate::catalog::schema::Item) -> usize {
        self.document(item.document.as_ref())
            .or_else(|| {
                item.group
                    .as_ref()
                    .and_then(|g| self.groups.get(g).copied().flatten())
            })
            .or_else(|| {
                item.category
                    .as_ref()
                    .and_then(|c| self.categories.get(c).copied())
            })
            .unwrap_or(0)
    }
}

struct Walker<'v> {
    path: Vec<Seg>,
    owner: Owner,
    visit: &'v mut dyn Visit,
}

impl Walker<'_> {
    fn emit(&mut self, node: Node<'_>) {
        self.visit.visit(Path(&self.path), self.owner, node);
    }

    fn at(&mut self, key: &'static str, f: impl FnOnce(&mut Self)) {
        self.path.push(Seg::Key(key));
        f(self);
        self.path.pop();
    }

    fn nth(&mut self, index: usize, f: impl FnOnce(&mut Self)) {
        self.path.push(Seg::Index(index));
        f(self);
        self.path.pop();
    }

    fn text(&mut self, key: &'static str, text: &mut Text, shape: Shape, required: bool) {
        self.at(key, |w| {
            w.emit(Node::Text {
                text,
                shape,
                required,
            });
        });
    }

    fn texts(&mut self, key: &'static str, texts: &mut [Text]) {
        self.shaped(key, texts, Shape::Paragraph);
    }

    fn shaped(&mut self, key: &'static str, texts: &mut [Text], shape: Shape) {
        self.at(key, |w| {
            for (i, t) in texts.iter_mut().enumerate() {
                w.nth(i, |w| {
                    w.emit(Node::Text {
                        text: t,
                        shape,
                        required: true,
                    });
                });
            }
        });
    }

    fn optional(&mut self, key: &'static str, text: Option<&mut Text>, shape: Shape) {
        if let Some(t) = text {
            self.text(key, t, shape, true);
        }
    }

    fn plain(&mut self, key: &'static str, value: Option<&mut String>, required: bool) {
        if let Some(value) = value {
            self.at(key, |w| w.emit(Node::Plain { value, required }));
        }
    }

    fn declare(&mut self, kind: IdKind, id: &str) {
        self.at("id", |w| w.emit(Node::Declare { kind, id }));
    }

    fn refer(&mut self, key: &'static str, kind: IdKind, id: Option<&String>) {
        if let Some(id) = id {
            self.at(key, |w| w.emit(Node::Refer { kind, id }));
        }
    }

    fn ids(&mut self, key: &'static str, kind: IdKind, ids: &[String]) {
        self.at(key, |w| {
            for (i, id) in ids.iter().enumerate() {
                w.nth(i, |w| w.emit(Node::Refer { kind, id }));
            }
        });
    }

    fn refs(&mut self, key: &'static str, kind: IdKind, refs: &[Ref]) {
        self.at(key, |w| {
            for (i, r) in refs.iter().enumerate() {
                w.nth(i, |w| w.emit(Node::Refer { kind, id: &r.id }));
            }
        });
    }

    fn section(&mut self, key: &'static str, value: Option<&String>, home: usize) {
        if let Some(value) = value {
            self.at(key, |w| w.emit(Node::Section { value, home }));
        }
    }

    fn entries<T>(&mut self, list: List, entries: &mut [T], mut f: impl FnMut(&mut Self, &mut T)) {
        self.path.push(Seg::Key(list.key()));
        for (index, entry) in entries.iter_mut().enumerate() {
            self.owner = Owner {
                list,
                index,
                home: None,
            };
            self.nth(index, |w| f(w, entry));
        }
        self.path.pop();
        self.emit(Node::End(list));
    }

    fn fact(&mut self, fact: &mut FactSpec, implied: Option<FactKind>, home: usize) {
        self.emit(Node::Fact {
            fact: &*fact,
            implied,
        });
        self.text("text", &mut fact.text, Shape::Paragraph, true);
        self.section("section", fact.section.as_ref(), home);
        if let Some(expr) = &fact.when {
            self.at("when", |w| w.emit(Node::When { expr }));
        }
        self.refer("treated_as", IdKind::Category, fact.treated_as.as_ref());
        for (key, value) in &mut fact.values {
            let kind = match key.value_type() {
                ValueType::Party => Some(IdKind::Party),
                ValueType::Subject => Some(IdKind::Subject),
                _ => None,
            };
            self.at(key.id(), |w| match (value, kind) {
                (Raw::Word(id), Some(kind)) => w.emit(Node::Refer { kind, id }),
                (Raw::Text(text), _) => w.emit(Node::Text {
                    text,
                    shape: Shape::Line,
                    required: true,
                }),
                _ => {}
            });
        }
    }

    fn fides(&mut self, mapping: Option<&mut Mapping>) {
        if let Some(mapping) = mapping {
            self.at("fides", |w| {
                w.emit(Node::Fides { mapping: &*mapping });
                w.text("reason", &mut mapping.reason, Shape::Paragraph, true);
            });
        }
    }

    fn one_fact(&mut self, key: &'static str, fact: Option<&mut FactSpec>, implied: FactKind, home: usize) {
        if let Some(fact) = fact {
            self.at(key, |w| w.fact(fact, Some(implied), home));
        }
    }

    fn facts(&mut self, key: &'static str, facts: &mut [FactSpec], implied: Option<FactKind>, home: usize) {
        self.at(key, |w| {
            for (i, fact) in facts.iter_mut().enumerate() {
                w.nth(i, |w| w.fact(fact, implied, home));
            }
        });
    }
}

/// Walks every node of `file` in document order: documents first, then the header, the declared
/// lists, the items and the links.
pub fn walk(file: &mut CatalogFile, visit: &mut dyn Visit) {
    let homes = Homes::new(file);
    let mut w = Walker {
        path: Vec::new(),
        owner: Owner {
            list: List::Catalog,
            index: 0,
            home: None,
        },
        visit,
    };
    walk_documents(&mut w, file, &homes);
    walk_header(&mut w, file);
    walk_declared(&mut w, file);
    walk_sources(&mut w, file);
    walk_categories(&mut w, file, &homes);
    walk_groups(&mut w, file, &homes);
    walk_items(&mut w, file, &homes);
    w.entries(List::Links, &mut file.links, |w, link| {
        w.ids("items", IdKind::Item, &link.items);
        w.optional("text", link.text.as_mut(), Shape::Paragraph);
        w.section("section", link.section.as_ref(), 0);
    });
}

fn walk_document(w: &mut Walker, doc: &mut crate::catalog::schema::Document, index: usize) {
    if let Some(id) = &doc.id {
        w.declare(IdKind::Document, id);
    }
    w.text("title", &mut doc.title, Shape::Line, true);
    w.plain("url", doc.url.as_mut(), false);
    w.plain("locale", doc.locale.as_mut(), false);
    w.plain("date", doc.date.as_mut(), false);
    w.plain("retrieved", doc.retrieved.as_mut(), false);
    w.at("editions", |w| {
        for (i, e) in doc.editions.iter_mut().enumerate() {
            w.nth(i, |w| {
                w.refer("language", IdKind::Language, Some(&e.language));
                w.plain("locale", e.locale.as_mut(), false);
                w.plain("url", e.url.as_mut(), false);
                w.plain("date", e.date.as_mut(), false);
                w.plain("retrieved", e.retrieved.as_mut(), false);
                if let Some(source) = &mut e.source {
                    w.at("source", |w| {
                        w.plain("repository", Some(&mut source.repository), true);
                        w.plain("path", Some(&mut source.path), true);
                        w.plain("commit", source.commit.as_mut(), false);
                        w.plain("date", source.date.as_mut(), false);
                    });
                }
            });
        }
    });
    w.refer("version_of", IdKind::Document, doc.version_of.as_ref());
    w.ids("about", IdKind::Document, &doc.about);
    w.at("sections", |w| {
        for (i, s) in doc.sections.iter_mut().enumerate() {
            w.nth(i, |w| {
                w.declare(IdKind::Section(index), &s.id);
                w.text("title", &mut s.title, Shape::Line, true);
            });
        }
    });
    w.facts("facts", &mut doc.facts, None, index);
    w.at("not_catalogued", |w| {
        for (i, n) in doc.not_catalogued.iter_mut().enumerate() {
            w.nth(i, |w| {
                w.text("text", &mut n.text, Shape::Row, true);
                w.text("why", &mut n.why, Shape::Paragraph, true);
            });
        }
    });
}

fn walk_documents(w: &mut Walker, file: &mut CatalogFile, _homes: &Homes) {
    // In format 2 `catalog.document` is an error of its own; walked, it would declare its sections
    // again in the first document and report them as duplicates there.
    if file.version() < 2
        && let Some(doc) = &mut file.catalog.document
    {
        w.at("catalog", |w| w.at("document", |w| walk_document(w, doc, 0)));
    }
    // Likewise `documents` in format 1, which is an error too.
    let mut none = Vec::new();
    let documents = if file.version() < 2 {
        &mut none
    } else {
        &mut file.documents
    };
    w.entries(List::Documents, documents, |w, doc| {
        let index = w.owner.index;
        w.owner.home = Some(index);
        walk_document(w, doc, index);
    });
}

fn walk_header(w: &mut Walker, file: &mut CatalogFile) {
    w.owner = Owner {
        list: List::Catalog,
        index: 0,
        home: None,
    };
    let h = &mut file.catalog;
    w.at("catalog", |w| {
        w.text("title", &mut h.title, Shape::Line, true);
        w.plain("product", Some(&mut h.product), true);
        w.plain("publisher", Some(&mut h.publisher), true);
        w.facts("statements", &mut h.statements, Some(FactKind::Statement), 0);
    });
}

fn walk_declared(w: &mut Walker, file: &mut CatalogFile) {
    for (list, entries) in [
        (List::Subjects, &mut file.subjects),
        (List::Parties, &mut file.parties),
    ] {
        let kind = if list == List::Subjects {
            IdKind::Subject
        } else {
            IdKind::Party
        };
        w.entries(list, entries, |w, d| {
            w.declare(kind, &d.id);
            w.text("name", &mut d.name, Shape::Line, true);
            w.optional("description", d.description.as_mut(), Shape::Paragraph);
            w.section("section", d.section.as_ref(), 0);
            w.fides(d.fides.as_mut());
        });
    }
    w.entries(List::Platforms, &mut file.platforms, |w, p| {
        w.declare(IdKind::Platform, &p.id);
        w.text("name", &mut p.name, Shape::Line, true);
    });
    w.entries(List::Dimensions, &mut file.dimensions, |w, d| {
        let index = w.owner.index;
        w.declare(IdKind::Dimension, &d.id);
        w.text("name", &mut d.name, Shape::Line, true);
        w.at("values", |w| {
            for (i, v) in d.values.iter_mut().enumerate() {
                w.nth(i, |w| {
                    w.declare(IdKind::Value(index), &v.id);
                    w.text("name", &mut v.name, Shape::Line, true);
                });
            }
        });
    });
}

fn walk_sources(w: &mut Walker, file: &mut CatalogFile) {
    w.entries(List::Sources, &mut file.sources, |w, s| {
        w.declare(IdKind::Source, &s.id);
        w.text("name", &mut s.name, Shape::Line, true);
        w.one_fact("condition", s.condition.as_mut(), FactKind::Condition, 0);
        w.one_fact("purpose", s.purpose.as_mut(), FactKind::Purpose, 0);
        w.facts("facts", &mut s.facts, None, 0);
        w.section("section", Some(&s.section), 0);
    });
}

fn walk_categories(w: &mut Walker, file: &mut CatalogFile, homes: &Homes) {
    w.entries(List::Categories, &mut file.categories, |w, c| {
        let home = homes.category(&c.id);
        w.owner.home = Some(home);
        w.declare(IdKind::Category, &c.id);
        w.text("name", &mut c.name, Shape::Line, true);
        w.refer("document", IdKind::Document, c.document.as_ref());
        w.optional("definition", c.definition.as_mut(), Shape::Paragraph);
        w.one_fact("purpose", c.purpose.as_mut(), FactKind::Purpose, home);
        w.facts("conditions", &mut c.conditions, Some(FactKind::Condition), home);
        w.facts("facts", &mut c.facts, None, home);
        w.optional("exhaustive_note", c.exhaustive_note.as_mut(), Shape::Paragraph);
        w.texts("notes", &mut c.notes);
        w.section("section", Some(&c.section), home);
        w.fides(c.fides.as_mut());
    });
}

fn walk_groups(w: &mut Walker, file: &mut CatalogFile, homes: &Homes) {
    w.entries(List::Groups, &mut file.groups, |w, g| {
        let home = homes.group(&g.id);
        w.owner.home = Some(home);
        w.declare(IdKind::Group, &g.id);
        w.refer("category", IdKind::Category, g.category.as_ref());
        w.refer("document", IdKind::Document, g.document.as_ref());
        w.text("name", &mut g.name, Shape::Line, true);
        w.optional("description", g.description.as_mut(), Shape::Paragraph);
        w.facts("conditions", &mut g.conditions, Some(FactKind::Condition), home);
        w.one_fact("purpose", g.purpose.as_deref_mut(), FactKind::Purpose, home);
        w.facts("facts", &mut g.facts, None, home);
        w.texts("notes", &mut g.notes);
        w.refs("sources", IdKind::Source, &g.sources);
        w.refs("subjects", IdKind::Subject, &g.subjects);
        w.refs("parties", IdKind::Party, &g.parties);
        w.optional("exhaustive_note", g.exhaustive_note.as_mut(), Shape::Paragraph);
        w.section("section", g.section.as_ref(), home);
        w.fides(g.fides.as_mut());
    });
}

fn walk_items(w: &mut Walker, file: &mut CatalogFile, homes: &Homes) {
    w.entries(List::Items, &mut file.items, |w, item| {
        let home = homes.item(item);
        w.owner.home = Some(home);
        w.declare(IdKind::Item, &item.id);
        w.text("name", &mut item.name, Shape::Line, true);
        w.optional("description", item.description.as_mut(), Shape::Paragraph);
        w.shaped("aliases", &mut item.aliases, Shape::Row);
        w.refer("group", IdKind::Group, item.group.as_ref());
        w.refer("category", IdKind::Category, item.category.as_ref());
        w.refer("document", IdKind::Document, item.document.as_ref());
        w.refs("sources", IdKind::Source, &item.sources);
        w.refs("subjects", IdKind::Subject, &item.subjects);
        w.refs("parties", IdKind::Party, &item.parties);
        w.facts(
            "conditions",
            &mut item.conditions,
            Some(FactKind::Condition),
            home,
        );
        w.one_fact("purpose", item.purpose.as_deref_mut(), FactKind::Purpose, home);
        w.facts("facts", &mut item.facts, None, home);
        w.ids("platforms", IdKind::Platform, &item.platforms);
        w.texts("notes", &mut item.notes);
        w.section("section", item.section.as_ref(), home);
        w.ids("also_listed", IdKind::Item, &item.also_listed);
        w.fides(item.fides.as_mut());
    });
}

/// The id of the entry `owner` names, where it has one.
pub fn id_of(file: &CatalogFile, owner: Owner) -> Option<&str> {
    let i = owner.index;
    match owner.list {
        List::Catalog => Some(&file.catalog.id),
        List::Documents => file.documents.get(i)?.id.as_deref(),
        List::Subjects => Some(&file.subjects.get(i)?.id),
        List::Parties => Some(&file.parties.get(i)?.id),
        List::Platforms => Some(&file.platforms.get(i)?.id),
        List::Dimensions => Some(&file.dimensions.get(i)?.id),
        List::Sources => Some(&file.sources.get(i)?.id),
        List::Categories => Some(&file.categories.get(i)?.id),
        List::Groups => Some(&file.groups.get(i)?.id),
        List::Items => Some(&file.items.get(i)?.id),
        List::Links => file.links.get(i)?.items.first().map(String::as_str),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Collect(Vec<String>);

    impl Visit for Collect {
        fn visit(&mut self, path: Path<'_>, owner: Owner, node: Node<'_>) {
            let what = match node {
                Node::Text { .. } => "text",
                Node::Plain { .. } => "plain",
                Node::Declare { .. } => "declare",
                Node::Refer { .. } => "refer",
                Node::Section { .. } => "section",
                Node::Fact { .. } => "fact",
                Node::When { .. } => "when",
                Node::Fides { .. } => "fides",
                Node::End(_) => return,
            };
            self.0
                .push(format!("{what} {path} {:?}#{}", owner.list, owner.index));
        }
    }

    #[test]
    fn every_node_has_its_path_and_owner() {
        let mut file: CatalogFile = serde_yaml::from_str(
            "format: 2
catalog: {id: c, title: C, product: P, publisher: Q, languages: [en]}
documents:
  - id: d
    title: D
    editions: [{language: en}]
    sections: [{id: s, title: S}]
parties: [{id: apple, name: Apple}]
items:
  - id: i
    name: I
    facts:
      - {kind: shared-with, party: apple, service: APNs, text: T, section: d#s}
",
        )
        .unwrap();
        let mut seen = Collect(Vec::new());
        walk(&mut file, &mut seen);
        for expected in [
            "declare documents[0].id Documents#0",
            "refer documents[0].editions[0].language Documents#0",
            "declare documents[0].sections[0].id Documents#0",
            "plain catalog.product Catalog#0",
            "declare parties[0].id Parties#0",
            "fact items[0].facts[0] Items#0",
            "refer items[0].facts[0].party Items#0",
            "text items[0].facts[0].service Items#0",
            "section items[0].facts[0].section Items#0",
        ] {
            assert!(
                seen.0.iter().any(|s| s == expected),
                "{expected} not in {:#?}",
                seen.0
            );
        }
    }
}
