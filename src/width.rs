//! Text measured in terminal cells: cutting, padding and wrapping by display width, never by chars.

use unicode_width::UnicodeWidthStr;

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

#[cfg(test)]
mod tests {
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
    fn wrap_respects_width_and_keeps_words() {
        let lines = wrap("the quick brown fox jumps over the lazy dog", 10);
        assert_eq!(lines, ["the quick", "brown fox", "jumps over", "the lazy", "dog"]);
        assert!(wrap("ICCIDICCIDICCID", 6).iter().all(|l| l.width() <= 6));
        assert!(wrap("日本語のテキスト", 5).iter().all(|l| l.width() <= 5));
    }
}
