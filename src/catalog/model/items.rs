//! A library's items, built in memory or kept as their stored bytes and each decoded when first
//! used; and the library's stored form, in which every item is encoded on its own.

use std::ops::{Index, Range};
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Catalog, Item, Library, LinkSet, Pools};

/// Every item of a library, in document order. Items read from a cache file stay encoded until
/// one is first asked for, so that a command that shows one item decodes only that one.
#[derive(Default, Clone)]
pub struct Items {
    slots: Vec<OnceLock<Box<Item>>>,
    stored: Option<Arc<Stored>>,
}

/// Items as stored: each one's bytes and the values they share.
struct Stored {
    pools: Pools,
    bytes: Vec<u8>,
    /// Where each item's bytes end; the first begins at `start`.
    ends: Vec<usize>,
    start: usize,
}

impl Items {
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// The item at `index`, decoded now if it is still stored.
    ///
    /// # Panics
    /// When a stored item does not decode. Stored bytes are checked against their checksum before
    /// they are kept, and written by this very version, so this is a bug in privcat.
    pub fn get(&self, index: usize) -> Option<&Item> {
        let slot = self.slots.get(index)?;
        Some(slot.get_or_init(|| Box::new(self.decode(index))))
    }

    fn decode(&self, index: usize) -> Item {
        let decoded = self.stored.as_ref().and_then(|s| {
            let from = index.checked_sub(1).map_or(s.start, |before| s.ends[before]);
            let bytes = s.bytes.get(from..s.ends[index])?;
            s.pools.restore(|| postcard::from_bytes::<Item>(bytes)).ok()
        });
        decoded.unwrap_or_else(|| panic!("item {index} of the cache file does not decode"))
    }

    pub fn iter(&self) -> Iter<'_> {
        Iter {
            items: self,
            range: 0..self.len(),
        }
    }

    /// Every item, decoded, to change.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut Item> {
        self.settle();
        self.slots
            .iter_mut()
            .filter_map(OnceLock::get_mut)
            .map(|item| &mut **item)
    }

    /// Decodes every item still stored and lets the stored bytes go.
    pub fn settle(&mut self) {
        for index in 0..self.len() {
            self.get(index);
        }
        self.stored = None;
    }

    pub fn push(&mut self, item: Item) {
        self.slots.push(OnceLock::from(Box::new(item)));
    }

    /// A number that differs between any two item lists alive at once.
    pub fn identity(&self) -> usize {
        self.slots.as_ptr() as usize
    }

    /// How many items have been decoded or built.
    pub fn decoded(&self) -> usize {
        self.slots.iter().filter(|s| s.get().is_some()).count()
    }
}

impl Index<usize> for Items {
    type Output = Item;

    fn index(&self, index: usize) -> &Item {
        match self.get(index) {
            Some(item) => item,
            None => panic!("item {index} of {}", self.len()),
        }
    }
}

/// The items in order, each decoded as it is reached.
#[derive(Clone)]
pub struct Iter<'a> {
    items: &'a Items,
    range: Range<usize>,
}

impl<'a> Iterator for Iter<'a> {
    type Item = &'a Item;

    fn next(&mut self) -> Option<&'a Item> {
        self.range.next().map(|i| &self.items[i])
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.range.size_hint()
    }

    fn nth(&mut self, n: usize) -> Option<&'a Item> {
        self.range.nth(n).map(|i| &self.items[i])
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.range.next_back().map(|i| &self.items[i])
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl<'a> IntoIterator for &'a Items {
    type Item = &'a Item;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl Extend<Item> for Items {
    fn extend<I: IntoIterator<Item = Item>>(&mut self, items: I) {
        for item in items {
            self.push(item);
        }
    }
}

impl FromIterator<Item> for Items {
    fn from_iter<I: IntoIterator<Item = Item>>(items: I) -> Items {
        let mut all = Items::default();
        all.extend(items);
        all
    }
}

impl From<Vec<Item>> for Items {
    fn from(items: Vec<Item>) -> Items {
        items.into_iter().collect()
    }
}

impl std::fmt::Debug for Items {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for Items {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for Items {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Items, D::Error> {
        Vec::<Item>::deserialize(deserializer).map(Items::from)
    }
}

/// About how many bytes of items are copied out together, to be let go once their items are decoded.
const SLICE_BYTES: usize = 1 << 20;

/// The items' bytes in copies of about `size` bytes, each cut where an item ends: each slice's
/// bytes and the index of its first item.
fn slices_of(bytes: &[u8], ends: &[usize], size: usize) -> Vec<(Vec<u8>, usize)> {
    let mut slices = Vec::new();
    let (mut first, mut from) = (0, 0);
    for (i, &end) in ends.iter().enumerate() {
        if end - from >= size || i + 1 == ends.len() {
            slices.push((bytes[from..end].to_vec(), first));
            (first, from) = (i + 1, end);
        }
    }
    slices
}

/// Every item of `slices`, decoded, each slice let go once its items are.
fn decode_slices(pools: &Pools, slices: Vec<(Vec<u8>, usize)>, ends: &[usize]) -> Option<Items> {
    let mut slots = Vec::with_capacity(ends.len());
    pools.restore(|| {
        for (bytes, first) in slices {
            if first != slots.len() {
                return None;
            }
            let base = first.checked_sub(1).map_or(0, |before| ends[before]);
            let mut from = 0;
            while slots.len() < ends.len() && ends[slots.len()] - base <= bytes.len() {
                let to = ends[slots.len()] - base;
                let item = postcard::from_bytes::<Item>(&bytes[from..to]).ok()?;
                slots.push(OnceLock::from(Box::new(item)));
                from = to;
            }
        }
        Some(())
    })?;
    (slots.len() == ends.len()).then_some(Items { slots, stored: None })
}

/// What a stored library holds besides its items.
#[derive(Serialize)]
struct FrameRef<'a> {
    catalogs: &'a [Catalog],
    link_sets: &'a [LinkSet],
}

#[derive(Deserialize)]
struct Frame {
    catalogs: Vec<Catalog>,
    link_sets: Vec<LinkSet>,
}

impl Library {
    /// The library in binary form: the values it shares, its catalogs and link sets, where each
    /// item's bytes end, then every item's bytes.
    pub fn to_stored(&self) -> postcard::Result<Vec<u8>> {
        let (stored, pools) = Pools::store(|| {
            let frame = postcard::to_stdvec(&FrameRef {
                catalogs: &self.catalogs,
                link_sets: &self.link_sets,
            })?;
            let mut ends = Vec::with_capacity(self.items.len());
            let mut items = Vec::new();
            for item in &self.items {
                items = postcard::to_extend(item, items)?;
                ends.push(items.len());
            }
            Ok::<_, postcard::Error>((frame, ends, items))
        });
        let (frame, ends, items) = stored?;
        let mut out = postcard::to_stdvec(&pools)?;
        out.extend(frame);
        out = postcard::to_extend(&ends, out)?;
        out.extend(items);
        Ok(out)
    }

    /// A library from [`Library::to_stored`]'s bytes, its items left to decode as they are used;
    /// `None` when the bytes do not hold one. With `all`, every item is decoded now instead, its
    /// bytes let go a slice at a time, so that the bytes and the decoded items are never all held
    /// at once.
    pub fn from_stored(bytes: Vec<u8>, all: bool) -> Option<Library> {
        let (pools, rest) = postcard::take_from_bytes::<Pools>(&bytes).ok()?;
        let (frame, rest) = pools.restore(|| postcard::take_from_bytes::<Frame>(rest)).ok()?;
        let (ends, rest) = postcard::take_from_bytes::<Vec<usize>>(rest).ok()?;
        let in_order = ends.iter().try_fold(0, |last, &end| (end >= last).then_some(end));
        if in_order != Some(rest.len()) {
            return None;
        }
        let items = if all {
            let slices = slices_of(rest, &ends, SLICE_BYTES);
            drop(bytes);
            decode_slices(&pools, slices, &ends)?
        } else {
            let start = bytes.len() - rest.len();
            let slots = std::iter::repeat_with(OnceLock::new).take(ends.len()).collect();
            let ends = ends.into_iter().map(|end| start + end).collect();
            Items {
                slots,
                stored: Some(Arc::new(Stored {
                    pools,
                    bytes,
                    ends,
                    start,
                })),
            }
        };
        Some(Library {
            catalogs: frame.catalogs,
            link_sets: frame.link_sets,
            items,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::load_builtin;

    fn builtin() -> Library {
        load_builtin().library.expect("the built-in catalog loads")
    }

    #[test]
    fn stored_items_decode_one_at_a_time_and_share_their_statements() {
        let library = builtin();
        let stored =
            Library::from_stored(library.to_stored().unwrap(), false).expect("the bytes hold a library");
        assert_eq!(stored.items.len(), library.items.len());
        assert_eq!(
            stored.items.decoded(),
            0,
            "nothing is decoded before it is asked for"
        );
        // Two items of one document share the document's facts, as one value.
        let first = 0;
        let last = (0..library.items.len())
            .rev()
            .find(|&i| library.items[i].document == library.items[first].document)
            .unwrap();
        let shared = |l: &Library| {
            let a = &l.items[first].facts;
            let b = &l.items[last].facts;
            a.iter()
                .filter(|f| b.iter().any(|g| Arc::ptr_eq(&f.statement, &g.statement)))
                .count()
        };
        let in_memory = shared(&library);
        assert!(
            in_memory > 0,
            "the first and last items of a document share its facts"
        );
        assert_eq!(shared(&stored), in_memory);
        assert_eq!(stored.items.decoded(), 2);
        assert_eq!(format!("{:?}", stored.items), format!("{:?}", library.items));
        assert_eq!(
            format!("{:?}", stored.catalogs),
            format!("{:?}", library.catalogs)
        );
    }

    #[test]
    fn bytes_cut_short_or_run_on_hold_no_library() {
        let bytes = builtin().to_stored().unwrap();
        for shed in [false, true] {
            assert!(Library::from_stored(bytes[..bytes.len() - 1].to_vec(), shed).is_none());
            let mut longer = bytes.clone();
            longer.push(0);
            assert!(Library::from_stored(longer, shed).is_none());
            assert!(Library::from_stored(Vec::new(), shed).is_none());
        }
    }

    #[test]
    fn every_item_decoded_at_once_slice_by_slice_is_as_it_was() {
        let library = builtin();
        let whole = Library::from_stored(library.to_stored().unwrap(), true).unwrap();
        assert_eq!(whole.items.decoded(), library.items.len());
        assert!(whole.items.stored.is_none(), "no bytes are kept");
        assert_eq!(format!("{:?}", whole.items), format!("{:?}", library.items));
        // Slices of one item each, and of a few items, cut where items end.
        let stored = Library::from_stored(library.to_stored().unwrap(), false).unwrap();
        let s = stored.items.stored.as_ref().unwrap();
        let items = &s.bytes[s.start..];
        let ends: Vec<usize> = s.ends.iter().map(|end| end - s.start).collect();
        for size in [1, 1000] {
            let slices = slices_of(items, &ends, size);
            assert!(slices.len() > 1);
            let decoded = decode_slices(&s.pools, slices, &ends).expect("every item decodes");
            assert_eq!(format!("{decoded:?}"), format!("{:?}", library.items), "{size}");
        }
        let cut = slices_of(items, &ends, 1000).into_iter().skip(1).collect();
        assert!(
            decode_slices(&s.pools, cut, &ends).is_none(),
            "a missing slice is no library"
        );
    }

    #[test]
    fn settling_decodes_every_item_and_keeps_them() {
        let library = builtin();
        let mut stored = Library::from_stored(library.to_stored().unwrap(), false).unwrap();
        stored.items.settle();
        assert_eq!(stored.items.decoded(), library.items.len());
        assert!(stored.items.stored.is_none(), "the bytes are let go");
        for item in stored.items.iter_mut() {
            item.altered = true;
        }
        assert!(stored.items.iter().all(|i| i.altered));
    }
}
