//! Renders the explorer's real screens into standalone HTML pages, one per scene, for `scripts/screenshots.sh`.
//!
//! Usage: `cargo run --example screenshots -- OUT_DIR`. Each scene is a catalog after a key sequence,
//! drawn by `ui::draw` into a `TestBackend`; every cell becomes a fixed-size box with its symbol, colours and
//! modifiers. Standard output lists `NAME.html WIDTH HEIGHT`, the window size in pixels that fits the grid.

use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;

use anyhow::{Context, Result, anyhow};
use privcat::app::App;
use privcat::catalog::{load_builtin, load_paths};
use privcat::keymap::{action_for, parse_keys};
use privcat::text::Lang;
use privcat::ui::{self, Theme, View};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

const COLUMNS: u16 = 120;
const ROWS: u16 = 36;
/// One terminal cell in CSS pixels. At `FONT_PX` a glyph of `DejaVu Sans Mono` is 12.04 wide and 23.3 tall,
/// so box-drawing glyphs, cut to their cell, fill it exactly and lines join.
const CELL_WIDTH: u16 = 12;
const CELL_HEIGHT: u16 = 23;
const FONT_PX: u16 = 20;
/// The terminal's own colours, used for `Color::Reset`.
const DEFAULT_FG: Rgb = Rgb(0xcd, 0xd6, 0xf4);
const DEFAULT_BG: Rgb = Rgb(0x1e, 0x1e, 0x2e);

/// File name, catalog (`None`: the built-in one) and key sequence (as `parse_keys` reads it) of every
/// scene.
const SCENES: [(&str, Option<&str>, &str); 7] = [
    ("start", None, ""),
    ("search-imei", None, "imei"),
    ("category-filter", None, "<esc><a-2>"),
    ("swedish", None, "<esc><a-l><down>"),
    ("help", None, "<esc><f1>"),
    (
        "scenario",
        None,
        "app<tab><tab><a-S><right><right><down><down><right><right>",
    ),
    (
        "library",
        Some("tests/fixtures/valid/library.yaml"),
        "device serial",
    ),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Rgb(u8, u8, u8);

/// How one cell looks once colours are resolved and reversal applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Look {
    fg: Rgb,
    bg: Rgb,
    /// Only the modifiers that change the glyph: `FONT_MODIFIERS`.
    font: Modifier,
}

const FONT_MODIFIERS: Modifier = Modifier::BOLD
    .union(Modifier::ITALIC)
    .union(Modifier::UNDERLINED)
    .union(Modifier::CROSSED_OUT);

fn main() -> Result<()> {
    let out = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .context("usage: cargo run --example screenshots -- OUT_DIR")?;
    fs::create_dir_all(&out).with_context(|| format!("creating {}", out.display()))?;
    let (width, height) = (COLUMNS * CELL_WIDTH, ROWS * CELL_HEIGHT);
    for (name, catalog, keys) in SCENES {
        let mut terminal = render(&app_after(catalog, keys)?)?;
        let cursor = search_cursor(&mut terminal)?;
        let file = format!("{name}.html");
        fs::write(out.join(&file), page(name, terminal.backend(), cursor))
            .with_context(|| format!("writing {file}"))?;
        println!("{file} {width} {height}");
    }
    Ok(())
}

/// The explorer on a catalog after typing `keys`, exactly as the snapshot tests drive it.
fn app_after(catalog: Option<&str>, keys: &str) -> Result<App> {
    let report = match catalog {
        Some(path) => load_paths(&[PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)]),
        None => load_builtin(),
    };
    let library = report.library.context("the catalog does not load")?;
    let mut app = App::new(library, Lang::En);
    for key in parse_keys(keys).map_err(|e| anyhow!(e))? {
        if let Some(action) = action_for(key, &app) {
            app.update(action);
        }
    }
    Ok(app)
}

fn render(app: &App) -> Result<Terminal<TestBackend>> {
    let mut terminal = Terminal::new(TestBackend::new(COLUMNS, ROWS))?;
    let mut view = View::default();
    terminal.draw(|frame| ui::draw(frame, app, &Theme::dark(), &mut view))?;
    Ok(terminal)
}

/// The cursor when it is shown inside the search box (rows 1 to 3, under the one-line header).
fn search_cursor(terminal: &mut Terminal<TestBackend>) -> Result<Option<Position>> {
    let at = terminal.get_cursor_position()?;
    let search_box = Rect::new(0, 1, COLUMNS, 3);
    Ok((terminal.backend().cursor_visible() && search_box.contains(at)).then_some(at))
}

/// A standalone page showing the whole buffer, the cursor as a block.
fn page(name: &str, backend: &TestBackend, cursor: Option<Position>) -> String {
    let buffer = backend.buffer();
    let mut looks: Vec<Look> = Vec::new();
    let mut rows = String::new();
    for y in 0..buffer.area.height {
        rows.push_str("<div class=\"row\">");
        let mut x = 0;
        while x < buffer.area.width {
            let cell = &buffer[(x, y)];
            let look = look_of(cell, cursor == Some(Position::new(x, y)));
            let class = looks.iter().position(|l| *l == look).unwrap_or_else(|| {
                looks.push(look);
                looks.len() - 1
            });
            // A wide symbol covers the cells after it; ratatui leaves those blank.
            let span = u16::try_from(cell.symbol().width()).unwrap_or(1).max(1);
            let wide = if span > 1 { " w" } else { "" };
            let text = escape(cell.symbol());
            let _ = write!(rows, "<span class=\"s{class}{wide}\">{text}</span>");
            x += span;
        }
        rows.push_str("</div>\n");
    }
    format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>privcat: {name}</title>\n\
         <style>\n{}</style></head>\n<body>\n{rows}</body></html>\n",
        stylesheet(&looks)
    )
}

fn stylesheet(looks: &[Look]) -> String {
    let (w, h, font) = (CELL_WIDTH, CELL_HEIGHT, FONT_PX);
    let mut css = format!(
        "html, body {{ margin: 0; padding: 0; overflow: hidden; background: {}; }}\n\
         body {{ font: {font}px/{h}px \"DejaVu Sans Mono\", monospace; }}\n\
         .row {{ display: flex; height: {h}px; }}\n\
         .row span {{ flex: none; width: {w}px; height: {h}px; overflow: hidden; white-space: pre; }}\n\
         .row span.w {{ width: {}px; }}\n",
        hex(DEFAULT_BG),
        2 * w
    );
    for (i, look) in looks.iter().enumerate() {
        let _ = writeln!(css, ".s{i} {{ {} }}", look.css());
    }
    css
}

impl Look {
    fn css(self) -> String {
        let mut css = format!("color: {}; background: {};", hex(self.fg), hex(self.bg));
        let lines: Vec<&str> = [
            (Modifier::UNDERLINED, "underline"),
            (Modifier::CROSSED_OUT, "line-through"),
        ]
        .into_iter()
        .filter(|(m, _)| self.font.contains(*m))
        .map(|(_, line)| line)
        .collect();
        if !lines.is_empty() {
            let _ = write!(css, " text-decoration: {};", lines.join(" "));
        }
        if self.font.contains(Modifier::BOLD) {
            css.push_str(" font-weight: bold;");
        }
        if self.font.contains(Modifier::ITALIC) {
            css.push_str(" font-style: italic;");
        }
        css
    }
}

/// Resolves a cell's colours and modifiers as a terminal shows them; `cursor` reverses it once more.
fn look_of(cell: &Cell, cursor: bool) -> Look {
    let m = cell.modifier;
    let mut fg = rgb(cell.fg, DEFAULT_FG);
    let mut bg = rgb(cell.bg, DEFAULT_BG);
    if m.contains(Modifier::DIM) {
        fg = mix(fg, bg);
    }
    if m.contains(Modifier::HIDDEN) {
        fg = bg;
    }
    if m.contains(Modifier::REVERSED) != cursor {
        (fg, bg) = (bg, fg);
    }
    Look {
        fg,
        bg,
        font: m.intersection(FONT_MODIFIERS),
    }
}

/// Named colours are the first sixteen of the xterm palette.
fn rgb(color: Color, default: Rgb) -> Rgb {
    let index = match color {
        Color::Reset => return default,
        Color::Rgb(r, g, b) => return Rgb(r, g, b),
        Color::Indexed(i) => i,
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
    };
    xterm(index)
}

/// The standard xterm 256-colour palette.
fn xterm(index: u8) -> Rgb {
    const BASE: [(u8, u8, u8); 16] = [
        (0x00, 0x00, 0x00),
        (0xcd, 0x00, 0x00),
        (0x00, 0xcd, 0x00),
        (0xcd, 0xcd, 0x00),
        (0x00, 0x00, 0xee),
        (0xcd, 0x00, 0xcd),
        (0x00, 0xcd, 0xcd),
        (0xe5, 0xe5, 0xe5),
        (0x7f, 0x7f, 0x7f),
        (0xff, 0x00, 0x00),
        (0x00, 0xff, 0x00),
        (0xff, 0xff, 0x00),
        (0x5c, 0x5c, 0xff),
        (0xff, 0x00, 0xff),
        (0x00, 0xff, 0xff),
        (0xff, 0xff, 0xff),
    ];
    let level = |n: u8| if n == 0 { 0 } else { 55 + 40 * n };
    match index {
        0..=15 => {
            let (r, g, b) = BASE[usize::from(index)];
            Rgb(r, g, b)
        }
        16..=231 => {
            let n = index - 16;
            Rgb(level(n / 36), level(n / 6 % 6), level(n % 6))
        }
        _ => {
            let grey = 8 + 10 * (index - 232);
            Rgb(grey, grey, grey)
        }
    }
}

/// Halfway between the two colours, for dim text.
fn mix(a: Rgb, b: Rgb) -> Rgb {
    Rgb(
        u8::midpoint(a.0, b.0),
        u8::midpoint(a.1, b.1),
        u8::midpoint(a.2, b.2),
    )
}

fn hex(Rgb(r, g, b): Rgb) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

fn escape(symbol: &str) -> String {
    symbol
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
