//! Text measured in terminal cells: cutting, padding and wrapping by display width, never by chars;
//! and the characters terminals disagree on the width of, made into ones they all draw alike.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Cuts `text` to `width` display cells, ending with `…` when cut.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    // Measured as a whole at every step: some sequences (an emoji and its selector) are wider together
    // than their chars one by one.
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if out.width() + 1 > width {
            out.pop();
            break;
        }
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Like [`fit`], but a label whose end tells it apart (`title · 2023-09-29`) keeps that end and
/// loses the middle: `Data collecti… · 2023-09-29`.
pub fn fit_keeping_tail(text: &str, width: usize) -> String {
    match text.rsplit_once(" · ") {
        Some((head, tail)) if text.width() > width && tail.width() + 4 < width => {
            let tail = format!(" · {tail}");
            format!("{}{tail}", fit(head, width - tail.width()))
        }
        _ => fit(text, width),
    }
}

/// Like [`fit_keeping_tail`], but where that would make `text` look like one of `others`, the
/// words it shares with them give way to `…`, so that what tells it apart shows:
/// `…for iOS devices | Microsoft Docs` beside `…for Windows | Microsoft Docs`.
pub fn fit_among(text: &str, others: &[&str], width: usize) -> String {
    let cut = fit_keeping_tail(text, width);
    let alike: Vec<&&str> = others
        .iter()
        .filter(|o| **o != text && fit_keeping_tail(o, width) == cut)
        .collect();
    if alike.is_empty() || width < 2 {
        return cut;
    }
    let shared = alike
        .iter()
        .map(|o| text.chars().zip(o.chars()).take_while(|(a, b)| a == b).count())
        .max()
        .unwrap_or(0);
    let prefix: String = text.chars().take(shared).collect();
    // Give way at a word, keeping the last shared word for context: "…till Apple".
    let at = prefix.trim_end().rfind(' ').map_or(0, |i| i + 1);
    format!("…{}", fit(&text[at..], width - 1))
}

/// Pads `text` with spaces to exactly `width` cells, cutting it with `…` when it is wider.
pub fn pad(text: &str, width: usize) -> String {
    let cut = fit(text, width);
    let room = width.saturating_sub(cut.width());
    format!("{cut}{}", " ".repeat(room))
}

/// Greedy word wrap by display width; words longer than the line are split.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let needed = if line.is_empty() {
                word.width()
            } else {
                line.width() + 1 + word.width()
            };
            if needed > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            for c in word.chars() {
                line.push(c);
                if line.width() > width && line.chars().count() > 1 {
                    line.pop();
                    lines.push(std::mem::replace(&mut line, c.to_string()));
                }
            }
        }
        lines.push(line);
    }
    lines
}

/// Characters that change how a terminal presents the character before them: variation selectors
/// (emoji or text style), skin tones, the joiner of emoji sequences, the keycap and tag characters.
/// Terminals disagree on the width of what they make, and with ratatui's count.
fn is_presentation_mark(c: char) -> bool {
    matches!(
        c,
        '\u{FE00}'..='\u{FE0F}'
            | '\u{E0100}'..='\u{E01EF}'
            | '\u{1F3FB}'..='\u{1F3FF}'
            | '\u{200D}'
            | '\u{20E3}'
            | '\u{E0020}'..='\u{E007F}'
    )
}

/// A regional indicator (half of a flag) as the capital letter it stands for; other chars as they are.
fn regional_letter(c: char) -> char {
    match c {
        '\u{1F1E6}'..='\u{1F1FF}' => char::from_u32(u32::from(c) - 0x1F1E6 + u32::from('A')).unwrap_or(c),
        c => c,
    }
}

fn char_cells(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Whether a terminal that moves on by each character's width, as terminals do, draws `symbol` in the
/// cells unicode-width (and so ratatui) counts for it.
pub fn agreed(symbol: &str) -> bool {
    symbol.width() == symbol.chars().map(char_cells).sum::<usize>()
}

/// The cells to draw in place of `grapheme` (one symbol a cell, a wide symbol's second cell left out),
/// when terminals may draw it in more or fewer cells than the `grapheme.width()` ratatui counts for it,
/// or as something else (a flag, a joined or recoloured emoji); `None` when every terminal draws it
/// alike. A flag becomes its two letters (🇸🇪: `SE`), presentation marks are dropped (❤️ becomes ❤,
/// 👍🏽 becomes 👍), and what is left fills exactly the counted cells, padded with spaces.
pub fn for_terminal(grapheme: &str) -> Option<Vec<String>> {
    let regional = |c: char| regional_letter(c) != c;
    if grapheme.len() == 1
        || (agreed(grapheme) && !grapheme.chars().any(|c| regional(c) || is_presentation_mark(c)))
    {
        return None;
    }
    let counted = grapheme.width();
    let mut cells: Vec<String> = Vec::new();
    let mut used = 0;
    let mut full = false;
    let mut place = |symbol: &mut String| {
        if symbol.is_empty() {
            return;
        }
        // A base and its combining marks, unless together they are counted otherwise.
        if !agreed(symbol) {
            symbol.truncate(symbol.chars().next().map_or(0, char::len_utf8));
        }
        let width = symbol.width();
        full |= used + width > counted;
        if !full {
            used += width;
            cells.push(std::mem::take(symbol));
        }
        symbol.clear();
    };
    let mut symbol = String::new();
    for c in grapheme
        .chars()
        .filter(|&c| !is_presentation_mark(c))
        .map(regional_letter)
    {
        if char_cells(c) > 0 {
            place(&mut symbol);
            symbol.push(c);
        } else if !symbol.is_empty() {
            symbol.push(c);
        }
    }
    place(&mut symbol);
    cells.extend(std::iter::repeat_n(" ".to_owned(), counted - used));
    Some(cells)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn fit_cuts_by_display_width() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("abc", 4), "abc");
        assert_eq!(fit("日本語テキスト", 5), "日本…");
        assert!(fit("❤\u{fe0f}❤\u{fe0f}x", 3).width() <= 3);
    }

    #[test]
    fn fit_keeping_tail_keeps_what_tells_labels_apart() {
        let label = "Data collection in Intune · 2023-09-29";
        assert_eq!(fit_keeping_tail(label, 24), "Data colle… · 2023-09-29");
        assert_eq!(fit_keeping_tail(label, 40), label);
        assert_eq!(fit_keeping_tail("no tail here at all", 8), "no tail…");
    }

    #[test]
    fn fit_among_shows_what_tells_alike_labels_apart() {
        let ios = "How to turn off Microsoft data collection for iOS devices | Microsoft Docs";
        let windows = "How to turn off Microsoft data collection for Windows | Microsoft Docs";
        let others = [ios, windows, "Data collection in Intune"];
        assert_eq!(fit_among(ios, &others, 24), "…for iOS devices | Micr…");
        assert_eq!(fit_among(windows, &others, 24), "…for Windows | Microsof…");
        assert_eq!(
            fit_among("Data collection in Intune", &others, 24),
            "Data collection in Intu…"
        );
        assert_eq!(fit_among(ios, &others, 100), ios);
    }

    #[test]
    fn pad_gives_the_exact_width() {
        assert_eq!(pad("ab", 4), "ab  ");
        assert_eq!(pad("日本語", 5), "日本…");
        assert_eq!(pad("日本語", 4).width(), 4);
        assert_eq!(pad("😀x", 3).width(), 3);
    }

    #[test]
    fn graphemes_terminals_draw_otherwise_become_ones_they_draw_alike() {
        let cells = |g: &str| for_terminal(g).map(|c| c.concat());
        assert_eq!(cells("🇸🇪").as_deref(), Some("SE"));
        assert_eq!(cells("❤\u{fe0f}").as_deref(), Some("❤ "));
        assert_eq!(cells("👍🏽").as_deref(), Some("👍"));
        assert_eq!(cells("#\u{fe0f}\u{20e3}").as_deref(), Some("# "));
        assert_eq!(
            cells("👨\u{200d}👩"),
            Some("👨".to_owned()),
            "cut to the two cells counted"
        );
        for plain in ["a", "é", "e\u{301}", "日", "😀", "ü"] {
            assert_eq!(for_terminal(plain), None, "{plain}");
        }
    }

    /// Characters from the blocks where widths are disputed, and any character at all.
    fn tricky_text() -> impl Strategy<Value = String> {
        let tricky = prop_oneof![
            prop::char::range('\u{1F1E6}', '\u{1F1FF}'),
            prop::char::range('\u{FE00}', '\u{FE0F}'),
            prop::char::range('\u{1F3FB}', '\u{1F3FF}'),
            prop::char::range('\u{1F300}', '\u{1FAFF}'),
            prop::char::range('\u{0300}', '\u{036F}'),
            prop::char::range('\u{1100}', '\u{11FF}'),
            prop::char::range('\u{2600}', '\u{27BF}'),
            Just('\u{200D}'),
            Just('\u{20E3}'),
            prop::char::range('\u{E0020}', '\u{E007F}'),
            any::<char>(),
        ];
        prop::collection::vec(tricky, 1..6)
            .prop_map(|chars| chars.into_iter().filter(|c| !c.is_control()).collect())
    }

    proptest! {
        #[test]
        fn what_reaches_a_terminal_fills_the_counted_cells_with_agreed_symbols(text in tricky_text()) {
            let Some(cells) = for_terminal(&text) else {
                prop_assert!(agreed(&text), "{:?} left as it is", text);
                return Ok(());
            };
            {
                let widths: Vec<usize> = cells.iter().map(|c| c.width()).collect();
                prop_assert_eq!(widths.iter().sum::<usize>(), text.width(), "{:?} -> {:?}", text, cells);
                for cell in &cells {
                    prop_assert!(agreed(cell), "{:?} -> {:?}", text, cells);
                    prop_assert!((1..=2).contains(&cell.width()), "{:?} -> {:?}", text, cells);
                    prop_assert!(
                        !cell.chars().any(|c| is_presentation_mark(c) || regional_letter(c) != c),
                        "{:?} -> {:?}", text, cells
                    );
                }
            }
        }
    }

    #[test]
    fn wrap_respects_width_and_keeps_words() {
        let lines = wrap("the quick brown fox jumps over the lazy dog", 10);
        assert_eq!(lines, ["the quick", "brown fox", "jumps over", "the lazy", "dog"]);
        assert!(wrap("ICCIDICCIDICCID", 6).iter().all(|l| l.width() <= 6));
        assert!(wrap("日本語のテキスト", 5).iter().all(|l| l.width() <= 5));
    }
}
