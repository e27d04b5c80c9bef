//! The search keys of every item, built once per library: the words of names, aliases, descriptions,
//! and group and category names, each word stored once in a vocabulary that a query is met against
//! once, not once per item.

use std::collections::HashMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::words::{Word, for_each_word, is_stop};
use crate::catalog::{Item, Library};
use crate::text::Text;

/// Every version (language) of one field's text; versions are matched one by one, so that a match
/// never spans two languages.
pub type Field = Box<[Key]>;

/// The versions of a text as a field.
pub fn field(text: &Text) -> Field {
    text.versions().into_iter().map(Key::new).collect()
}

/// A searchable text, kept as written and folded to lower case char by char (same char count);
/// the folded form is kept only where it differs.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Key {
    pub original: Box<str>,
    lower: Option<Box<str>>,
}

impl Key {
    pub fn new(text: &str) -> Key {
        let folded = fold(text);
        Key {
            lower: (folded != text).then(|| folded.into_boxed_str()),
            original: text.into(),
        }
    }

    /// The text folded to lower case.
    pub fn folded(&self) -> &str {
        self.lower.as_deref().unwrap_or(&self.original)
    }

    pub fn text(&self, case_sensitive: bool) -> &str {
        if case_sensitive {
            &self.original
        } else {
            self.folded()
        }
    }
}

/// Lower-cases char by char, keeping the char count so match positions stay valid.
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// One char in lower case, where that is one char.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// What is searched for one item.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ItemKeys {
    /// Each version of the name and each of the catalog's aliases: its words (into
    /// [`SearchIndex::vocab`]), without stop words where it has others.
    pub phrases: Box<[Box<[u32]>]>,
    /// The name's versions as written, for the fuzzy scorer when no word meets: an index into
    /// [`SearchIndex::names`], shared by the items of the same name.
    pub name: u32,
    /// The words of the description, which the list does not show.
    pub description: Box<[u32]>,
    /// Index into [`SearchIndex::groups`], shared by the group's items.
    pub group: Option<u32>,
    /// Index into [`SearchIndex::categories`].
    pub category: Option<u32>,
    /// The item's link set, if any: listings of one field rank together.
    pub link_set: Option<u32>,
    /// Whether the catalog gave it aliases.
    pub curated: bool,
}

/// Every distinct word of a library's searched texts, each once, with its stems.
#[derive(Debug, Default)]
struct Vocab {
    ids: HashMap<String, u32>,
    words: Vec<Word>,
}

impl Vocab {
    fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = u32::try_from(self.words.len()).unwrap_or(u32::MAX);
        self.words.push(Word::new(word));
        self.ids.insert(word.to_owned(), id);
        id
    }

    /// The words of `text`, without stop words where it has others, each once (in id order).
    fn phrase(&mut self, text: &str) -> Box<[u32]> {
        let mut kept: Vec<u32> = Vec::new();
        let mut stops: Vec<u32> = Vec::new();
        for_each_word(text, |w| {
            let list = if is_stop(w) { &mut stops } else { &mut kept };
            list.push(self.id(w));
        });
        let mut ids = if kept.is_empty() { stops } else { kept };
        ids.sort_unstable();
        ids.dedup();
        ids.into_boxed_slice()
    }

    /// The words of every version of `text`.
    fn words(&mut self, text: &Text) -> Box<[u32]> {
        self.words_within(text, usize::MAX)
    }

    /// The words of the first `limit` bytes of every version of `text`.
    fn words_within(&mut self, text: &Text, limit: usize) -> Box<[u32]> {
        let mut ids: Vec<u32> = text
            .versions()
            .into_iter()
            .flat_map(|v| self.phrase(head(v, limit)))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.into_boxed_slice()
    }
}

/// How much of a description is searched: its words are met against every keystroke, so a
/// description of a million distinct words would slow every search; past this the detail shows
/// the text but search does not find it.
pub const DESCRIPTION_SEARCHED: usize = 64 * 1024;

/// The first `limit` bytes of `text`, cut at a char boundary.
fn head(text: &str, limit: usize) -> &str {
    if text.len() <= limit {
        return text;
    }
    let mut end = limit;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    // A word cut in two is not one of the text's words.
    let end = text[..end].rfind(char::is_whitespace).unwrap_or(end);
    &text[..end]
}

/// Below this many items one thread builds the keys quicker than two.
const PARALLEL_FROM: usize = 4096;

/// The keys of one item, its words in `vocab`; `bases` offset each catalog's group and category
/// indices into the library-wide lists.
fn item_keys(vocab: &mut Vocab, library: &Library, item: &Item, bases: (&[usize], &[usize])) -> ItemKeys {
    let as_u32 = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let phrases = item
        .name
        .versions()
        .into_iter()
        .chain(item.aliases.iter().flat_map(Text::versions))
        .map(|v| vocab.phrase(v))
        .collect();
    ItemKeys {
        phrases,
        name: u32::MAX,
        description: hidden(vocab, library, item),
        group: item.group.map(|g| as_u32(bases.0[item.catalog] + g)),
        category: item.category.map(|k| as_u32(bases.1[item.catalog] + k)),
        link_set: item.link_set,
        curated: !item.aliases.is_empty(),
    }
}

/// The words searched but not shown in the list: the description, the platforms it is for, and
/// the title of its document where the catalog has several ("Data Intune sends to Apple").
fn hidden(vocab: &mut Vocab, library: &Library, item: &Item) -> Box<[u32]> {
    let catalog = &library.catalogs[item.catalog];
    let platforms = &catalog.platforms;
    let title = (catalog.documents.len() > 1).then(|| &catalog.documents[item.document].title);
    let mut ids: Vec<u32> = item
        .description
        .iter()
        .flat_map(|d| vocab.words_within(d, DESCRIPTION_SEARCHED))
        .collect();
    ids.extend(
        item.platforms
            .iter()
            .map(|&p| &platforms[p].name)
            .chain(title)
            .flat_map(|t| vocab.words(t)),
    );
    ids.sort_unstable();
    ids.dedup();
    ids.into_boxed_slice()
}

/// Gives each item the id of its name, storing every distinct name once.
fn name_ids(library: &Library, items: &mut [ItemKeys]) -> Vec<Field> {
    let mut ids: HashMap<Vec<&str>, u32> = HashMap::new();
    let mut names = Vec::new();
    for (keys, item) in items.iter_mut().zip(&library.items) {
        keys.name = *ids.entry(item.name.versions()).or_insert_with(|| {
            names.push(field(&item.name));
            u32::try_from(names.len() - 1).unwrap_or(u32::MAX)
        });
    }
    names
}

/// The search keys of a library.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct SearchIndex {
    pub vocab: Vec<Word>,
    pub items: Vec<ItemKeys>,
    /// Every distinct name (all its versions), each once.
    pub names: Vec<Field>,
    pub groups: Vec<Box<[u32]>>,
    pub categories: Vec<Box<[u32]>>,
}

impl SearchIndex {
    pub fn build(library: &Library) -> SearchIndex {
        let mut vocab = Vocab::default();
        let mut groups = Vec::new();
        let mut categories = Vec::new();
        let mut group_base = Vec::new();
        let mut category_base = Vec::new();
        for catalog in &library.catalogs {
            group_base.push(groups.len());
            category_base.push(categories.len());
            groups.extend(catalog.groups.iter().map(|g| vocab.words(&g.name)));
            categories.extend(catalog.categories.iter().map(|c| vocab.words(&c.name)));
        }
        let bases = (group_base.as_slice(), category_base.as_slice());
        // Each part of the items gets its own vocabulary, merged into the shared one after.
        let keys_of = |part: Range<usize>| {
            let mut local = Vocab::default();
            let keys: Vec<ItemKeys> = part
                .map(|i| item_keys(&mut local, library, &library.items[i], bases))
                .collect();
            (local, keys)
        };
        let threads = std::thread::available_parallelism()
            .map_or(1, std::num::NonZero::get)
            .min(8);
        let parts: Vec<(Vocab, Vec<ItemKeys>)> = if library.items.len() < PARALLEL_FROM || threads < 2 {
            vec![keys_of(0..library.items.len())]
        } else {
            let len = library.items.len();
            let size = len.div_ceil(threads);
            std::thread::scope(|scope| {
                let handles: Vec<_> = (0..len)
                    .step_by(size)
                    .map(|first| scope.spawn(move || keys_of(first..len.min(first + size))))
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                    .collect()
            })
        };
        let mut items = Vec::with_capacity(library.items.len());
        for (local, mut keys) in parts {
            let global: Vec<u32> = local.words.iter().map(|w| vocab.id(&w.text)).collect();
            let remap = |ids: &mut Box<[u32]>| ids.iter_mut().for_each(|t| *t = global[*t as usize]);
            for k in &mut keys {
                k.phrases.iter_mut().for_each(remap);
                remap(&mut k.description);
            }
            items.append(&mut keys);
        }
        let names = name_ids(library, &mut items);
        SearchIndex {
            vocab: vocab.words,
            items,
            names,
            groups,
            categories,
        }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// The versions of item `item`'s name.
    pub fn name(&self, item: usize) -> &[Key] {
        self.names.get(self.items[item].name as usize).map_or(&[], |n| n)
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}
