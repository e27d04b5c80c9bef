//! Large catalogs parsed a slice of items at a time: `serde_yaml` holds every event of what it parses
//! (about ten times the text), so parsing 1,000 items at a time keeps that to one slice's worth;
//! the slices are parsed on every core.
//!
//! The slices are found line by line, and only where the layout leaves no doubt: a top-level
//! `items:` line followed by a block list whose entries start at one indentation, and no quoted
//! text running over a line end. Each slice must parse as exactly the entries found in it; on any
//! doubt or error the caller parses the whole document, so errors are always reported on the whole
//! file, and a slice is never read differently from the whole.

use crate::catalog::schema::{CatalogFile, Item};

/// Files smaller than this are parsed whole: their events fit in little memory anyway.
pub const SLICE_FROM: usize = 1 << 20;

/// Items parsed at once.
pub const ITEMS_PER_SLICE: usize = 1000;

/// Where the `items:` list lies in the text.
#[derive(Debug, PartialEq, Eq)]
pub struct Layout {
    /// Start of the `items:` line.
    pub key: usize,
    /// Start of each entry's first line.
    pub entries: Vec<usize>,
    /// End of the list: the start of the first line after it, or the text's end.
    pub end: usize,
}

/// The catalog parsed slice by slice, or `None` when the text does not allow it or a slice fails.
pub fn parse(text: &str, items_per_slice: usize) -> Option<CatalogFile> {
    let layout = layout(text)?;
    let header = format!("{}items: []\n{}", &text[..layout.key], &text[layout.end..]);
    let mut file: CatalogFile = serde_yaml::from_str(&header).ok()?;
    if !file.items.is_empty() {
        return None;
    }
    let per_slice = items_per_slice.max(1);
    let slices: Vec<(&str, usize)> = layout
        .entries
        .chunks(per_slice)
        .enumerate()
        .map(|(n, starts)| {
            let end = layout
                .entries
                .get((n + 1) * per_slice)
                .copied()
                .unwrap_or(layout.end);
            (&text[starts[0]..end], starts.len())
        })
        .collect();
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(8);
    // The first run's list has room for every item, so that the others are moved in once.
    let total = layout.entries.len();
    let parts: Vec<Option<Vec<Item>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = slices
            .chunks(slices.len().div_ceil(threads).max(1))
            .enumerate()
            .map(|(n, run)| {
                let room = if n == 0 {
                    total
                } else {
                    run.iter().map(|s| s.1).sum()
                };
                scope.spawn(move || parse_run(run, room))
            })
            .collect();
        handles.into_iter().map(|h| h.join().ok().flatten()).collect()
    });
    let mut parts = parts.into_iter();
    let mut items = parts.next().flatten()?;
    for part in parts {
        items.extend(part?);
    }
    file.items = items;
    Some(file)
}

/// The items of consecutive slices, each holding exactly the entries found in it, in a list with
/// room for `room` items.
fn parse_run(slices: &[(&str, usize)], room: usize) -> Option<Vec<Item>> {
    let mut items = Vec::with_capacity(room);
    for &(slice, entries) in slices {
        let parsed: Vec<Item> = serde_yaml::from_str(slice).ok()?;
        if parsed.len() != entries {
            return None;
        }
        items.extend(parsed);
    }
    Some(items)
}

/// The lines of `text` with the offset where each starts.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(0, |at, line| {
        let start = *at;
        *at += line.len();
        Some((start, line))
    })
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Blank or only a comment.
fn is_filler(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || t.starts_with('#')
}

/// `-` followed by a space or the line's end, after exactly `spaces` spaces.
fn is_entry(line: &str, spaces: usize) -> bool {
    indent(line) == spaces
        && line[spaces..]
            .strip_prefix('-')
            .is_some_and(|r| r.is_empty() || r.starts_with([' ', '\r', '\n']))
}

/// `items:` at the start of a line, with nothing after it but spaces or a comment.
fn is_items_key(line: &str) -> bool {
    line.strip_prefix("items:").is_some_and(|rest| {
        let rest = rest.trim_start_matches([' ', '\t']);
        rest.trim_end().is_empty() || rest.starts_with('#')
    })
}

/// Where the `items:` list and each of its entries lie, when the layout leaves no doubt: each entry
/// then has lines of its own, and no text runs from one entry into the next.
pub fn layout(text: &str) -> Option<Layout> {
    if lines(text).any(|(_, line)| leaves_quote_open(line.as_bytes())) {
        return None;
    }
    let mut rest = lines(text).skip_while(|(_, line)| !is_items_key(line));
    let (key, _) = rest.next()?;
    let mut rest = rest.skip_while(|(_, line)| is_filler(line)).peekable();
    let &(_, first) = rest.peek()?;
    let entry_indent = indent(first);
    if !is_entry(first, entry_indent) {
        return None;
    }
    let mut entries = Vec::new();
    let mut end = text.len();
    for (start, line) in rest {
        if is_filler(line) {
            continue;
        }
        let at = indent(line);
        if is_entry(line, entry_indent) {
            entries.push(start);
        } else if at == 0 {
            end = start;
            break;
        } else if at <= entry_indent {
            return None;
        }
    }
    Some(Layout { key, entries, end })
}

/// Whether a quoted scalar may run past this line: a quote that opens a token (at the line's start,
/// after `- `, `: `, `? `, `[`, `{` or `,`) and is not closed on the line. Rough on purpose: a false
/// alarm only means parsing the whole document.
fn leaves_quote_open(line: &[u8]) -> bool {
    if memchr::memchr2(b'"', b'\'', line).is_none() {
        return false;
    }
    let mut at = 0;
    let mut token_start = true;
    while at < line.len() {
        let b = line[at];
        let next = line.get(at + 1).copied();
        let then_space = next.is_none_or(|n| n.is_ascii_whitespace());
        match b {
            b'"' | b'\'' if token_start => match closing(line, at) {
                Some(end) => {
                    at = end + 1;
                    token_start = false;
                    continue;
                }
                None => return true,
            },
            b'#' if at == 0 || line[at - 1].is_ascii_whitespace() => return false,
            b' ' | b'\t' | b'\r' | b'\n' => {}
            b'[' | b'{' | b',' => token_start = true,
            b'-' | b':' | b'?' if then_space => token_start = true,
            _ => token_start = false,
        }
        at += 1;
    }
    false
}

/// Where the quoted scalar opening at `open` closes on this line.
fn closing(line: &[u8], open: usize) -> Option<usize> {
    let quote = line[open];
    let mut at = open + 1;
    while at < line.len() {
        match line[at] {
            b'\\' if quote == b'"' => at += 2,
            b'\'' if quote == b'\'' && line.get(at + 1) == Some(&b'\'') => at += 2,
            c if c == quote => return Some(at),
            _ => at += 1,
        }
    }
    None
}
