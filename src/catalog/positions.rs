//! Where each node of a YAML document starts, by its path (`items[3].group`), for pointing at mistakes.

use std::collections::{HashMap, HashSet};

use yaml_rust2::parser::{Event, Parser};

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
        Positions::index_keeping(text, None)
    }

    /// Indexes only what [`Positions::find`] needs for `paths`: each of them and its parents, so
    /// that a file with many problems is not indexed node by node.
    pub fn index_for<'p>(text: &str, paths: impl IntoIterator<Item = &'p str>) -> Positions {
        let mut keep = HashSet::new();
        for path in paths {
            let mut p = path;
            keep.insert(p.to_owned());
            while let Some(cut) = p.rfind(['.', '[']) {
                p = &p[..cut];
                keep.insert(p.to_owned());
            }
        }
        Positions::index_keeping(text, Some(keep))
    }

    fn index_keeping(text: &str, keep: Option<HashSet<String>>) -> Positions {
        let mut positions = Positions {
            by_path: HashMap::new(),
            keep,
        };
        let mut parser = Parser::new_from_str(text);
        let mut stack: Vec<Frame> = Vec::new();
        while let Ok((event, mark)) = parser.next_token() {
            let at = (mark.line(), mark.col() + 1);
            match event {
                Event::StreamEnd => break,
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
        positions
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

#[cfg(test)]
mod tests {
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
}
