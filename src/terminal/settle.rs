//! The last step before a frame reaches the terminal: no cell may hold what terminals draw in other
//! cells than ratatui counted for it, which would leave a cell stale until the screen is cleared.

use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

use crate::width;

/// Redraws every cell holding what terminals may draw in other cells than ratatui counted (a flag, an
/// emoji with a presentation mark) as what all of them draw alike, so that no cell is left stale.
pub fn settle(buffer: &mut Buffer) {
    let area = buffer.area;
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let Some(cells) = width::for_terminal(buffer[(x, y)].symbol()) else {
                continue;
            };
            let template = buffer[(x, y)].clone();
            let mut at = x;
            for symbol in cells {
                let wide = u16::try_from(symbol.width()).unwrap_or(1);
                if at + wide > area.right() {
                    break;
                }
                let mut cell = template.clone();
                cell.set_symbol(&symbol);
                buffer[(at, y)] = cell;
                for hidden in at + 1..at + wide {
                    buffer[(hidden, y)].set_symbol(" ");
                }
                at += wide;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use ratatui::layout::Rect;

    use super::*;

    fn row(buffer: &Buffer) -> Vec<&str> {
        (0..buffer.area.width).map(|x| buffer[(x, 0)].symbol()).collect()
    }

    #[test]
    fn a_flag_and_a_selector_become_cells_of_the_width_ratatui_counted() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 10, 1));
        buffer.set_string(0, 0, "🇸🇪❤\u{fe0f}ab", ratatui::style::Style::new());
        assert_eq!(row(&buffer)[..6], ["🇸🇪", " ", "❤\u{fe0f}", " ", "a", "b"]);
        settle(&mut buffer);
        assert_eq!(row(&buffer)[..6], ["S", "E", "❤", " ", "a", "b"]);
    }

    #[test]
    fn a_flag_at_the_right_edge_stays_within_the_row() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 3, 1));
        buffer.set_string(1, 0, "🇸🇪", ratatui::style::Style::new());
        settle(&mut buffer);
        assert_eq!(row(&buffer), [" ", "S", "E"]);
    }
}
