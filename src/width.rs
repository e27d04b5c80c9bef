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
