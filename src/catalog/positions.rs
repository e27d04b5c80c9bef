//! Where each node of a YAML document starts, by its path (`items[3].group`), for pointing at mistakes.

use std::collections::{BTreeMap, HashMap, HashSet};

use yaml_rust2::parser::{Event, Parser};

use crate::catalog::slices::{self, Layout};

/// Line and column (both 1-based) of every node, by path.
#[derive(Debug, Default)]
pub struct Positions {
    by_path: HashMap<String, (usize, usize)>,
    /// The paths worth keeping (those asked for and their parents); every path when `None`.
    keep: Option<HashSet<String>>,
}

enum Frame {
    Seq { path: String, next: usize },
    Map { path: String, key: Option<String> },
}

impl Positions {
    /// Indexes `text`; a document that does not parse is indexed up to its first error.
    pub fn index(text: &str) -> Positions {
        Positions::index_keeping(text, None).0
    }

    /// Indexes only what [`Positions::find`] needs for `paths`: each of them and its parents, so
    /// that a file with many problems is not indexed node by node. In a large catalog whose items
    /// can be told apart line by line, only the items named are read, each on its own.
    pub fn index_for<'p>(text: &str, paths: impl IntoIterator<Item = &'p str>) -> Positions {
        let paths: Vec<&str> = paths.into_iter().collect();
        let mut positions = Positions {
            by_path: HashMap::new(),
            keep: Some(HashSet::new()),
        };
        let mut rest: Vec<&str> = Vec::new();
        match slices::layout(text).filter(|_| text.len() >= slices::SLICE_FROM) {
            Some(layout) => positions.index_entries(text, &layout, &paths, &mut rest),
            None => rest = paths,
        }
        if !rest.is_empty() {
            let whole = Positions::index_keeping(text, Some(wanted(rest.iter().copied()))).0;
            for (path, at) in whole.by_path {
                positions.by_path.entry(path).or_insert(at);
            }
        }
        positions
    }

    /// Indexes the entries of the `items:` list that `paths` lie in, each read alone; the paths
    /// outside any entry, or in an entry that does not read alone (an alias to an anchor of
    /// another), go to `rest`.
    fn index_entries<'p>(&mut self, text: &str, layout: &Layout, paths: &[&'p str], rest: &mut Vec<&'p str>) {
        // Per entry: each path in it, whole and within the entry.
        let mut by_entry: BTreeMap<usize, Vec<(&'p str, &'p str)>> = BTreeMap::new();
        for &path in paths {
            match entry_of(path).filter(|&(n, _)| n < layout.entries.len()) {
                Some((n, inside)) => by_entry.entry(n).or_default().push((path, inside)),
                None => rest.push(path),
            }
        }
        self.index_outside(text, layout, rest);
        let (mut line, mut counted) = (0, 0);
        for (n, inside) in by_entry {
            let start = layout.entries[n];
            let end = layout.entries.get(n + 1).copied().unwrap_or(layout.end);
            line += memchr::memchr_iter(b'\n', &text.as_bytes()[counted..start]).count();
            counted = start;
            // Alone, the entry is the first of a list: `[0]` where the whole text has `items[n]`.
            let alone: Vec<String> = inside.iter().map(|(_, p)| format!("[0]{p}")).collect();
            let keep = wanted(alone.iter().map(String::as_str));
            let (entry, whole) = Positions::index_keeping(&text[start..end], Some(keep));
            if !whole {
                rest.extend(inside.iter().map(|&(path, _)| path));
                continue;
            }
            for (path, (l, column)) in entry.by_path {
                if let Some(inside) = path.strip_prefix("[0]") {
                    self.by_path
                        .insert(format!("items[{n}]{inside}"), (l + line, column));
                }
            }
        }
    }

    /// Indexes the text before and after the `items:` list, each read alone, for the paths of `rest`
    /// under another top-level key; those found there leave `rest`.
    fn index_outside(&mut self, text: &str, layout: &Layout, rest: &mut Vec<&str>) {
        let top = |path: &str| path.split(['.', '[']).next().unwrap_or_default().to_owned();
        let outside: Vec<&str> = rest.iter().copied().filter(|p| top(p) != "items").collect();
        if outside.is_empty() {
            return;
        }
        let lines_before_end = memchr::memchr_iter(b'\n', &text.as_bytes()[..layout.end]).count();
        for (part, line) in [(&text[..layout.key], 0), (&text[layout.end..], lines_before_end)] {
            let (found, whole) = Positions::index_keeping(part, Some(wanted(outside.iter().copied())));
            if whole {
                for (path, (l, column)) in found.by_path {
                    self.by_path.entry(path).or_insert((l + line, column));
                }
            }
        }
        rest.retain(|p| !self.by_path.contains_key(&top(p)));
    }

    /// The positions of the nodes in `text` that `keep` holds (every node when `None`), and whether
    /// the whole text parsed.
    fn index_keeping(text: &str, keep: Option<HashSet<String>>) -> (Positions, bool) {
        let mut positions = Positions {
            by_path: HashMap::new(),
            keep,
        };
        let mut parser = Parser::new_from_str(text);
        let mut stack: Vec<Frame> = Vec::new();
        let mut whole = false;
        while let Ok((event, mark)) = parser.next_token() {
            let at = (mark.line(), mark.col() + 1);
            match event {
                Event::StreamEnd => {
                    whole = true;
                    break;
                }
                Event::Scalar(value, ..) => {
                    positions.node(&mut stack, at, Some(value));
                }
                Event::Alias(_) => {
                    positions.node(&mut stack, at, None);
                }
                Event::SequenceStart(..) => {
                    let path = positions.node(&mut stack, at, None);
                    stack.push(Frame::Seq { path, next: 0 });
                }
                Event::MappingStart(..) => {
                    let path = positions.node(&mut stack, at, None);
                    stack.push(Frame::Map { path, key: None });
                }
                Event::SequenceEnd | Event::MappingEnd => {
                    stack.pop();
                    if let Some(Frame::Map { key, .. }) = stack.last_mut() {
                        // A container that was a key leaves the key set; one that was a value clears it.
                        *key = if key.is_none() { Some("?".into()) } else { None };
                    }
                }
                _ => {}
            }
        }
        (positions, whole)
    }

    /// Records a node starting at `at`; returns its path. A scalar key sets the map's key instead.
    fn node(&mut self, stack: &mut [Frame], at: (usize, usize), scalar: Option<String>) -> String {
        let is_scalar = scalar.is_some();
        let path = match stack.last_mut() {
            None => String::new(),
            Some(Frame::Seq { path, next }) => {
                let p = format!("{path}[{next}]");
                *next += 1;
                p
            }
            Some(Frame::Map { path, key }) => {
                let Some(k) = key.as_deref() else {
                    if is_scalar {
                        *key = scalar;
                        // A block map starts where its first key does; the parser marks it at the
                        // colon after that key.
                        if let Some(start) = self.by_path.get_mut(path.as_str()) {
                            *start = (*start).min(at);
                        }
                    }
                    return String::new();
                };
                let p = if path.is_empty() {
                    k.to_owned()
                } else {
                    format!("{path}.{k}")
                };
                if is_scalar {
                    *key = None;
                }
                p
            }
        };
        if self.keep.as_ref().is_none_or(|k| k.contains(&path)) {
            self.by_path.entry(path.clone()).or_insert(at);
        }
        path
    }

    /// The position of the node at `path`, or of its nearest parent that has one.
    pub fn find(&self, path: &str) -> Option<(usize, usize)> {
        let mut p = path;
        loop {
            if let Some(&at) = self.by_path.get(p) {
                return Some(at);
            }
            let cut = p.rfind(['.', '['])?;
            p = &p[..cut];
        }
    }
}

/// Each of `paths` and every parent of it.
fn wanted<'p>(paths: impl IntoIterator<Item = &'p str>) -> HashSet<String> {
    let mut keep = HashSet::new();
    for path in paths {
        let mut p = path;
        keep.insert(p.to_owned());
        while let Some(cut) = p.rfind(['.', '[']) {
            p = &p[..cut];
            keep.insert(p.to_owned());
        }
    }
    keep
}

/// For `items[N]…`, `N` and what follows it.
fn entry_of(path: &str) -> Option<(usize, &str)> {
    let rest = path.strip_prefix("items[")?;
    let close = rest.find(']')?;
    Some((rest[..close].parse().ok()?, &rest[close + 1..]))
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;

    #[test]
    fn finds_nested_paths() {
        let text = "catalog:\n  id: x\nitems:\n  - id: a\n    sources: [s1, s2]\n  - {id: b, group: g}\n";
        let p = Positions::index(text);
        assert_eq!(p.find("catalog.id"), Some((2, 7)));
        assert_eq!(p.find("items[0].id"), Some((4, 9)));
        assert_eq!(p.find("items[0].sources[1]"), Some((5, 19)));
        assert_eq!(p.find("items[1].group"), Some((6, 20)));
        assert_eq!(p.find("items[1].missing"), Some((6, 5)));
        let only = Positions::index_for(text, ["items[0].sources[1]", "items[1].missing"]);
        assert_eq!(only.find("items[0].sources[1]"), Some((5, 19)));
        assert_eq!(only.find("items[1].missing"), Some((6, 5)));
        assert!(only.by_path.len() < p.by_path.len());
    }

    /// A catalog over [`slices::SLICE_FROM`] whose entries are read alone: an anchor before the
    /// list, entries in flow and block style, one entry using the anchor, and a list after.
    fn large() -> String {
        let mut text = String::from("catalog:\n  id: big\n  languages: &langs [en, sv]\nitems:\n");
        let mut n = 0;
        while text.len() < slices::SLICE_FROM + 1000 {
            if n == 7 {
                text.push_str("  - id: uses-anchor\n    languages: *langs\n    group: g\n");
            } else if n % 5 == 0 {
                let _ = writeln!(text, "  - {{id: item-{n}, group: g{n}, sources: [a, b]}}");
            } else {
                let _ = write!(
                    text,
                    "  - id: item-{n}\n    # a comment\n    name:\n      en: \"Item {n}\"\n    sources:\n      - a\n      - b\n"
                );
            }
            n += 1;
        }
        text.push_str("sources:\n  - id: a\n  - id: b\n    section: s\n");
        text
    }

    #[test]
    fn an_entry_read_alone_is_where_the_whole_text_has_it() {
        let text = large();
        assert!(
            slices::layout(&text).is_some(),
            "the entries can be told apart line by line"
        );
        let whole = Positions::index(&text);
        let paths = [
            "catalog.id",
            "catalog.languages[1]",
            "catalog.missing",
            "items[0].group",
            "items[0].sources[1]",
            "items[1].name.en",
            "items[1].sources[0]",
            "items[1].missing",
            "items[7].group",
            "items[7].languages",
            "items[2001].sources[1]",
            "items[2003].name",
            "items[99999].id",
            "sources[1].section",
            "sources[0].missing",
            "missing.key",
            "items",
        ];
        let only = Positions::index_for(&text, paths);
        for path in paths {
            assert_eq!(only.find(path), whole.find(path), "{path}");
        }
        assert!(only.find("items[2003].name").is_some());
        assert!(only.by_path.len() < 100, "only what was asked for is kept");
    }
}
