//! A Microsoft Learn page in its Markdown source, reduced to what a reader sees: the text of each
//! block (headings, paragraphs, list items, table cells), and the list items and table rows that a
//! catalog should account for. HTML (anchors, comments) and link targets are not part of it.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// What a reader of a page sees, as text.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// The title its front matter gives, if any.
    pub title: Option<String>,
    /// The product its front matter names (`titleSuffix`), if any.
    pub product: Option<String>,
    /// The page's own date (front matter `ms.date`, `MM/DD/YYYY`), as `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The locale of its text (front matter `ms.contentlocale`, else `ms.locale`), such as `sv-SE`.
    pub locale: Option<String>,
    /// The text of every block, whitespace collapsed.
    blocks: Vec<String>,
    /// Each list item's own text (without its nested lists) and each table row (cells joined by
    /// ` | `), in page order.
    rows: Vec<String>,
    /// The headings, in page order.
    pub sections: Vec<Heading>,
    /// The list items and table body rows with their place in the page's structure, in page order.
    pub entries: Vec<Entry>,
}

/// A heading of a page: its `<a name>` anchor if one stands just before it, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub anchor: Option<String>,
    pub level: u8,
    pub title: String,
    /// 1-based line of the page source.
    pub line: usize,
}

/// A list item or table body row, where it stands: under which heading (index into
/// [`Page::sections`], `None` before the first), and inside which list item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub text: String,
    pub section: Option<usize>,
    pub shape: Shape,
    /// 1-based line of the page source.
    pub line: usize,
}

/// What kind of row an entry is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// A list item; `parent` is the list item (index into [`Page::entries`]) it is nested in.
    ListItem { parent: Option<usize> },
    /// A table row: its cells, and the table's header cells.
    TableRow { cells: Vec<String>, header: Vec<String> },
}

/// `text` with every run of whitespace made one space, trimmed.
pub fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The front matter's lines and the Markdown after the front matter.
fn front_matter(markdown: &str) -> (&str, &str) {
    let Some(rest) = markdown
        .strip_prefix("---\n")
        .or_else(|| markdown.strip_prefix("---\r\n"))
    else {
        return ("", markdown);
    };
    let Some(end) = rest.find("\n---") else {
        return ("", markdown);
    };
    let body = rest[end + 4..].split_once('\n').map_or("", |(_, b)| b);
    (&rest[..end], body)
}

/// The value of `key` in front matter `lines`, unquoted.
fn front_value(lines: &str, key: &str) -> Option<String> {
    lines.lines().find_map(|l| {
        let value = l.strip_prefix(key)?.strip_prefix(':')?.trim();
        Some(value.trim_matches(|c| c == '"' || c == '\'').to_owned())
    })
}

/// The name of an `<a name="…">` anchor in an HTML fragment; comments are not content.
fn anchor_name(html: &str) -> Option<String> {
    let html = html.trim();
    if html.starts_with("<!--") {
        return None;
    }
    let rest = &html[html.find("<a ")? + 3..];
    let at = rest.find("name=")? + 5;
    let quoted = &rest[at..];
    let quote = quoted.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &quoted[1..];
    Some(value[..value.find(quote)?].to_owned())
}

/// `MM/DD/YYYY` as `YYYY-MM-DD`.
fn iso_date(date: &str) -> Option<String> {
    let mut parts = date.split('/');
    let (m, d, y) = (parts.next()?, parts.next()?, parts.next()?);
    let all_digits = [m, d, y]
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    (all_digits && y.len() == 4).then(|| format!("{y}-{m:0>2}-{d:0>2}"))
}

/// Collects blocks and rows while walking the events.
#[derive(Default)]
struct Reader {
    page: Page,
    /// The text of the block being read.
    block: String,
    /// Open list items: their own text, whether a nested list has begun (it takes the text), and
    /// the row kept for it, so that a parent comes before its children.
    items: Vec<(String, bool, usize)>,
    /// The table row being read, and whether a cell has begun in it.
    row: Option<(String, bool)>,
    /// The cells of the table row being read, and the current table's header cells.
    cells: Vec<String>,
    header: Vec<String>,
    in_head: bool,
    /// Open list items' indices into `page.entries`.
    open: Vec<Option<usize>>,
    /// An anchor seen since the last heading, and the heading being read.
    anchor: Option<String>,
    heading: Option<(u8, String, usize)>,
    /// Where the current event starts, as a 1-based line.
    line: usize,
}

impl Reader {
    fn text(&mut self, text: &str) {
        if let Some((_, title, _)) = &mut self.heading {
            title.push_str(text);
        }
        if let Some(cell) = self.cells.last_mut().filter(|_| self.row.is_some()) {
            cell.push_str(text);
        }
        self.block.push_str(text);
        if let Some((own, false, _)) = self.items.last_mut() {
            own.push_str(text);
        }
        if let Some((row, _)) = &mut self.row {
            row.push_str(text);
        }
    }

    /// Ends the block being read.
    fn flush(&mut self) {
        let block = squeeze(&std::mem::take(&mut self.block));
        if !block.is_empty() {
            self.page.blocks.push(block);
        }
    }

    fn row(&mut self, text: &str) {
        let row = squeeze(text);
        if !row.is_empty() {
            self.page.rows.push(row);
        }
    }

    fn section(&self) -> Option<usize> {
        self.page.sections.len().checked_sub(1)
    }

    fn event(&mut self, event: Event) {
        match event {
            Event::Text(t) | Event::Code(t) => self.text(&t),
            Event::SoftBreak | Event::HardBreak => self.text(" "),
            Event::Html(html) | Event::InlineHtml(html) => {
                if let Some(name) = anchor_name(&html) {
                    self.anchor = Some(name);
                }
            }
            Event::Start(Tag::Heading { level, .. }) => {
                self.heading = Some((level as u8, String::new(), self.line));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, title, line)) = self.heading.take() {
                    self.page.sections.push(Heading {
                        anchor: self.anchor.take(),
                        level,
                        title: squeeze(&title),
                        line,
                    });
                }
                self.flush();
            }
            Event::Start(Tag::Item) => {
                self.flush();
                self.page.rows.push(String::new());
                self.items.push((String::new(), false, self.page.rows.len() - 1));
                let parent = self.open.iter().rev().find_map(|o| *o);
                self.page.entries.push(Entry {
                    text: String::new(),
                    section: self.section(),
                    shape: Shape::ListItem { parent },
                    line: self.line,
                });
                self.open.push(Some(self.page.entries.len() - 1));
            }
            Event::Start(Tag::Table(_)) => self.header.clear(),
            Event::Start(Tag::TableHead) => {
                self.in_head = true;
                self.cells.clear();
                self.row = Some((String::new(), false));
            }
            Event::Start(Tag::TableRow) => {
                self.cells.clear();
                self.row = Some((String::new(), false));
            }
            Event::Start(Tag::List(_)) => {
                self.flush();
                if let Some(item) = self.items.last_mut() {
                    item.1 = true;
                }
            }
            Event::End(TagEnd::Item) => {
                self.flush();
                if let Some((own, _, at)) = self.items.pop() {
                    self.page.rows[at] = squeeze(&own);
                    if let Some(Some(entry)) = self.open.pop() {
                        self.page.entries[entry].text = squeeze(&own);
                    }
                }
            }
            Event::End(TagEnd::TableRow | TagEnd::TableHead) => {
                let cells: Vec<String> = std::mem::take(&mut self.cells)
                    .iter()
                    .map(|c| squeeze(c))
                    .collect();
                if std::mem::take(&mut self.in_head) {
                    self.header = cells;
                } else if let Some((row, _)) = &self.row {
                    self.page.entries.push(Entry {
                        text: squeeze(row),
                        section: self.section(),
                        shape: Shape::TableRow {
                            cells,
                            header: self.header.clone(),
                        },
                        line: self.line,
                    });
                }
                if let Some((row, _)) = self.row.take() {
                    self.row(&row);
                    // A whole row is a block too, so a quote may name a row cell by cell.
                    self.block.clone_from(&row);
                    self.flush();
                }
            }
            Event::Start(Tag::TableCell) => {
                self.cells.push(String::new());
                if let Some((row, started)) = &mut self.row {
                    if *started {
                        row.push_str(" | ");
                    }
                    *started = true;
                }
            }
            Event::End(TagEnd::TableCell | TagEnd::Paragraph | TagEnd::BlockQuote(_)) => self.flush(),
            _ => {}
        }
    }
}

impl Page {
    /// Reads a page's Markdown source.
    pub fn parse(markdown: &str) -> Page {
        let (front, body) = front_matter(markdown);
        let mut reader = Reader::default();
        // Lines are counted in the whole source, front matter included.
        let skipped = markdown.len() - body.len();
        let line_starts: Vec<usize> = std::iter::once(0)
            .chain(markdown.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        for (event, range) in Parser::new_ext(body, Options::ENABLE_TABLES).into_offset_iter() {
            reader.line = line_starts.partition_point(|&s| s <= range.start + skipped);
            reader.event(event);
        }
        reader.flush();
        let mut page = reader.page;
        page.rows.retain(|r| !r.is_empty());
        // Entries keep their indices (children point at parents); empty ones are dropped at use.
        page.title = front_value(front, "title");
        page.product = front_value(front, "titleSuffix").filter(|p| !p.is_empty());
        page.date = front_value(front, "ms.date").and_then(|d| iso_date(&d));
        page.locale = front_value(front, "ms.contentlocale").or_else(|| front_value(front, "ms.locale"));
        page
    }

    /// Whether `quote` stands, word for word, within one block of the page or in its title.
    pub fn contains(&self, quote: &str) -> bool {
        let quote = squeeze(quote);
        !quote.is_empty()
            && (self.title.as_deref() == Some(quote.as_str())
                || self.blocks.iter().any(|b| b.contains(&quote)))
    }

    /// Every list item and table row, in page order.
    pub fn rows(&self) -> &[String] {
        &self.rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "---
title: Data Jamf skickar
ms.date: 05/18/2018
---
# <a name=\"x\"></a>Data som skickas

Intune samlar in [personliga data](link.md)
från följande källor:

- Användarinformation
  - Ägarens namn (det Azure-registrerade
    namnet)
  - `installedDeviceCount`: det antal enheter
- Ett **fetstilt** ord

| Tjänst | Data |
|---|---|
| APNs | Token, PushMagic |

<!--
* Hidden in a comment
-->
";

    #[test]
    fn blocks_are_what_a_reader_sees() {
        let page = Page::parse(PAGE);
        assert_eq!(page.title.as_deref(), Some("Data Jamf skickar"));
        assert!(page.contains("Data som skickas"), "a heading without its anchor");
        assert!(page.contains("Intune samlar in personliga data från följande källor:"));
        assert!(
            page.contains("det Azure-registrerade namnet"),
            "across a line break"
        );
        assert!(page.contains("Ett fetstilt ord"));
        assert!(page.contains("Token, PushMagic"));
        assert!(page.contains("APNs | Token, PushMagic"), "a row, cell by cell");
        assert!(!page.contains("link.md"), "link targets are not text");
        assert!(!page.contains("Hidden in a comment"), "comments are not text");
        assert!(
            !page.contains("Användarinformation Ägarens"),
            "a quote stays within one block"
        );
    }

    #[test]
    fn rows_are_list_items_without_their_children_and_table_rows() {
        let page = Page::parse(PAGE);
        assert_eq!(
            page.rows(),
            [
                "Användarinformation",
                "Ägarens namn (det Azure-registrerade namnet)",
                "installedDeviceCount: det antal enheter",
                "Ett fetstilt ord",
                "Tjänst | Data",
                "APNs | Token, PushMagic",
            ]
        );
    }
}
