//! The one table of key bindings. Matching, the help screen, the key bar, the scenario pane's key
//! line and the overlays' footers are all generated from it; the README's key table is checked
//! against it.
//!
//! The typing model is fzf's and television's: every printable key types into the search, whatever
//! pane has the focus; commands live on Ctrl, Alt, function keys, arrows, Tab, Enter and Esc. Only the
//! overlays (help, answer), where nothing is typed, give letters a meaning of their own.

use crossterm::event::KeyCode;

use crate::app::{Action, Pane};
use crate::i18n::KeyWords;
use crate::search::Facet;

/// Where a key works: a set of panes and overlays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes(pub u8);

impl Panes {
    pub const SEARCH: Panes = Panes(1);
    pub const FACETS: Panes = Panes(2);
    pub const LIST: Panes = Panes(4);
    pub const DETAIL: Panes = Panes(8);
    pub const SCENARIO: Panes = Panes(16);
    /// The help overlay.
    pub const HELP: Panes = Panes(32);
    /// The overlay that shows a copied answer.
    pub const ANSWER: Panes = Panes(64);
    /// The search and the three panes beside it, in the `Tab` order.
    pub const TAB_ORDER: Panes = Panes(1 | 2 | 4 | 8);
    /// Everywhere a key types into the search: every pane, the scenario pane too.
    pub const TYPING: Panes = Panes(1 | 2 | 4 | 8 | 16);
    /// The overlays, where nothing types.
    pub const OVERLAYS: Panes = Panes(32 | 64);
    pub const ALL: Panes = Panes(127);

    pub fn contains(self, other: Panes) -> bool {
        self.0 & other.0 == other.0
    }
}

/// A key as the table writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Press {
    /// A key without Ctrl or Alt; Shift only where it is part of the key (upper-case letters,
    /// `Shift-Tab`).
    Key(KeyCode),
    /// A non-character key with Shift, such as `Shift-↑`.
    Shift(KeyCode),
    Ctrl(char),
    /// Alt and a character; `Alt(BACKSPACE)` is Alt-Backspace.
    Alt(char),
    AltDigit,
    /// Any printable character without Ctrl or Alt; tried after every other binding.
    AnyChar,
}

/// The character [`Press::Alt`] stands for Backspace with.
pub const BACKSPACE: char = '\u{8}';

/// What a press asks for.
#[derive(Debug, Clone)]
pub enum Act {
    Do(Action),
    /// From the character typed.
    Char(fn(char) -> Action),
    /// From the digit typed.
    Digit(fn(usize) -> Action),
}

/// A word of [`KeyWords`].
pub type Word = fn(&KeyWords) -> &'static str;
/// Keys, where each works and what each does.
pub type Presses = &'static [(Press, Panes, Act)];
/// Key bar words, per set of panes.
pub type Bar = &'static [(Panes, Word)];

/// One line of help: the keys, where each works and what it does.
pub struct Binding {
    pub presses: Presses,
    /// The help screen's words; `None` keeps the binding out of the help (it is shown elsewhere).
    pub help: Option<Word>,
    /// A label for the keys where they cannot be written as keys (typing, the mouse).
    pub label: Option<Word>,
    /// The key bar's word, per set of panes.
    pub bar: Bar,
    /// The key bar shows these keys with this label instead of the first key.
    pub short: Option<&'static str>,
    /// How long the key bar keeps the hint as the terminal narrows: the lowest go first.
    pub priority: u8,
}

/// The key bar's priorities: what must survive at 80 columns, and what may go.
pub mod priority {
    /// Search, copy, help and quit: shown at every width the explorer draws at.
    pub const ESSENTIAL: u8 = 9;
    pub const HIGH: u8 = 6;
    pub const MEDIUM: u8 = 4;
    pub const LOW: u8 = 2;
}

const fn binding(presses: Presses, help: Word) -> Binding {
    Binding {
        presses,
        help: Some(help),
        label: None,
        bar: &[],
        short: None,
        priority: 0,
    }
}

const fn with_bar(mut b: Binding, priority: u8, bar: Bar) -> Binding {
    b.bar = bar;
    b.priority = priority;
    b
}

const fn short(mut b: Binding, label: &'static str) -> Binding {
    b.short = Some(label);
    b
}

/// A binding kept out of the help screen, with its key bar words.
const fn quiet(presses: Presses, priority: u8, bar: Bar) -> Binding {
    Binding {
        presses,
        help: None,
        label: None,
        bar,
        short: None,
        priority,
    }
}

use Act::Do;
use Press::{Alt, Ctrl, Key, Shift};
use priority::{ESSENTIAL, HIGH, LOW, MEDIUM};

const T: Panes = Panes::TAB_ORDER;
const TY: Panes = Panes::TYPING;
const S: Panes = Panes::SEARCH;
const F: Panes = Panes::FACETS;
const L: Panes = Panes::LIST;
const D: Panes = Panes::DETAIL;
const SC: Panes = Panes::SCENARIO;
const H: Panes = Panes::HELP;
const AN: Panes = Panes::ANSWER;
const OV: Panes = Panes::OVERLAYS;
const A: Panes = Panes::ALL;
/// The panes beside the search.
const PANES: Panes = Panes(2 | 4 | 8);
/// Where moving up and down means something: every pane and overlay.
const MOVING: Panes = Panes(1 | 2 | 4 | 8 | 16 | 32 | 64);

/// Every binding, in the order the help screen lists them; the key bar keeps the order too.
pub static BINDINGS: &[Binding] = &[
    Binding {
        presses: &[(Press::AnyChar, TY, Act::Char(Action::Insert))],
        help: Some(|k| k.help_type),
        label: Some(|k| k.type_label),
        bar: &[(TY, |k| k.bar_search)],
        short: None,
        priority: ESSENTIAL,
    },
    with_bar(
        binding(
            &[
                (Ctrl('w'), TY, Do(Action::DeleteWord)),
                (Alt(BACKSPACE), TY, Do(Action::DeleteWord)),
            ],
            |k| k.help_delete_word,
        ),
        0,
        &[],
    ),
    binding(&[(Ctrl('u'), TY, Do(Action::ClearQuery))], |k| k.help_clear_query),
    short(
        with_bar(
            binding(
                &[
                    (Key(KeyCode::Up), MOVING, Do(Action::Prev)),
                    (Key(KeyCode::Down), MOVING, Do(Action::Next)),
                    (Ctrl('p'), MOVING, Do(Action::Prev)),
                    (Ctrl('n'), MOVING, Do(Action::Next)),
                ],
                |k| k.help_move,
            ),
            HIGH,
            &[
                (Panes(1 | 2 | 4), |k| k.bar_move),
                (D, |k| k.bar_scroll),
                (SC, |k| k.bar_dimension),
                (OV, |k| k.bar_scroll),
            ],
        ),
        "↑↓",
    ),
    // The scenario pane's own keys, listed on its key line.
    short(
        quiet(
            &[
                (Key(KeyCode::Left), SC, Do(Action::CycleValue(-1))),
                (Key(KeyCode::Right), SC, Do(Action::CycleValue(1))),
                (Key(KeyCode::Enter), SC, Do(Action::CycleValue(1))),
            ],
            HIGH,
            &[(SC, |k| k.bar_value)],
        ),
        "←→",
    ),
    quiet(
        &[
            (Key(KeyCode::Delete), SC, Do(Action::UnsetDimension)),
            (Key(KeyCode::Backspace), SC, Do(Action::UnsetDimension)),
        ],
        HIGH,
        &[(SC, |k| k.bar_unset)],
    ),
    binding(
        &[
            (Key(KeyCode::PageUp), MOVING, Do(Action::PageUp)),
            (Key(KeyCode::PageDown), MOVING, Do(Action::PageDown)),
        ],
        |k| k.help_page,
    ),
    binding(
        &[
            (Key(KeyCode::Home), S, Do(Action::CursorStart)),
            (Key(KeyCode::End), S, Do(Action::CursorEnd)),
            (Key(KeyCode::Home), Panes(2 | 4 | 8 | 32 | 64), Do(Action::First)),
            (Key(KeyCode::End), Panes(2 | 4 | 8 | 32 | 64), Do(Action::Last)),
        ],
        |k| k.help_ends,
    ),
    short(
        with_bar(
            binding(
                &[
                    (Shift(KeyCode::Up), T, Do(Action::Scroll(Pane::Detail, -1))),
                    (Shift(KeyCode::Down), T, Do(Action::Scroll(Pane::Detail, 1))),
                    (Shift(KeyCode::PageUp), T, Do(Action::DetailPage(-1))),
                    (Shift(KeyCode::PageDown), T, Do(Action::DetailPage(1))),
                ],
                |k| k.help_scroll_detail,
            ),
            LOW,
            &[(Panes(1 | 4), |k| k.bar_scroll_details)],
        ),
        "Shift-↑↓",
    ),
    with_bar(
        binding(&[(Key(KeyCode::Enter), T, Do(Action::Activate))], |k| {
            k.help_activate
        }),
        MEDIUM,
        &[(S, |k| k.bar_list), (F, |k| k.bar_toggle), (L, |k| k.bar_details)],
    ),
    with_bar(
        binding(&[(Key(KeyCode::Esc), T, Do(Action::Back))], |k| k.help_back),
        MEDIUM,
        &[(S, |k| k.bar_clear)],
    ),
    // Closing the scenario pane and the overlays (nothing types in the overlays, so letters may).
    quiet(
        &[(Key(KeyCode::Esc), SC, Do(Action::Back))],
        ESSENTIAL,
        &[(SC, |k| k.bar_close)],
    ),
    quiet(
        &[
            (Key(KeyCode::Esc), OV, Do(Action::CloseOverlay)),
            (Key(KeyCode::Char('q')), OV, Do(Action::CloseOverlay)),
            (Key(KeyCode::Char('?')), H, Do(Action::CloseOverlay)),
            (Key(KeyCode::F(1)), H, Do(Action::CloseOverlay)),
            (Key(KeyCode::Enter), AN, Do(Action::CloseOverlay)),
        ],
        ESSENTIAL,
        &[(OV, |k| k.bar_close)],
    ),
    with_bar(
        binding(
            &[(
                Press::AltDigit,
                TY,
                Act::Digit(|d| Action::ChooseValue(Facet::Category, d)),
            )],
            |k| k.help_category,
        ),
        LOW,
        &[(Panes(1 | 4), |k| k.bar_category)],
    ),
    with_bar(
        binding(&[(Alt('s'), TY, Do(Action::CycleFacet(Facet::Source)))], |k| {
            k.help_source
        }),
        LOW - 1,
        &[(L, |k| k.bar_source)],
    ),
    binding(
        &[
            (Alt('d'), TY, Do(Action::CycleFacet(Facet::Document))),
            (Alt('f'), TY, Do(Action::CycleFacet(Facet::Kind))),
            (Alt('p'), TY, Do(Action::CycleFacet(Facet::Party))),
            (Alt('u'), TY, Do(Action::CycleFacet(Facet::Subject))),
        ],
        |k| k.help_other_facets,
    ),
    with_bar(
        binding(&[(Alt('x'), TY, Do(Action::ClearFilters))], |k| {
            k.help_clear_filters
        }),
        MEDIUM,
        &[(F, |k| k.bar_clear_filters)],
    ),
    with_bar(
        binding(&[(Alt('S'), TY, Do(Action::OpenScenario))], |k| k.help_scenario),
        LOW,
        &[(L, |k| k.bar_scenario)],
    ),
    with_bar(
        binding(&[(Ctrl('y'), T, Do(Action::CopyAnswer))], |k| k.help_copy),
        ESSENTIAL,
        &[(T, |k| k.bar_copy)],
    ),
    with_bar(
        binding(
            &[
                (Alt('l'), TY, Do(Action::ToggleLanguage)),
                (Alt('L'), TY, Do(Action::ToggleLanguage)),
            ],
            |k| k.help_language,
        ),
        LOW - 1,
        &[(L, |k| k.bar_language)],
    ),
    with_bar(
        binding(&[(Alt('h'), TY, Do(Action::ToggleHideNotCollected))], |k| {
            k.help_hide
        }),
        MEDIUM,
        &[(SC, |k| k.bar_hide)],
    ),
    with_bar(
        binding(&[(Alt('X'), TY, Do(Action::ClearScenario))], |k| {
            k.help_clear_scenario
        }),
        MEDIUM,
        &[(SC, |k| k.bar_clear_all)],
    ),
    with_bar(
        binding(
            &[
                (Key(KeyCode::Tab), T, Do(Action::FocusNext)),
                (Key(KeyCode::BackTab), T, Do(Action::FocusPrev)),
                (Key(KeyCode::Left), PANES, Do(Action::FocusPrev)),
                (Key(KeyCode::Right), PANES, Do(Action::FocusNext)),
            ],
            |k| k.help_pane,
        ),
        HIGH,
        &[(T, |k| k.bar_pane)],
    ),
    with_bar(
        binding(&[(Key(KeyCode::F(1)), TY, Do(Action::ToggleHelp))], |k| {
            k.help_help
        }),
        ESSENTIAL,
        &[(TY, |k| k.bar_help)],
    ),
    with_bar(
        binding(&[(Ctrl('c'), A, Do(Action::Interrupt))], |k| k.help_quit),
        ESSENTIAL,
        &[(A, |k| k.bar_quit)],
    ),
    binding(&[(Ctrl('z'), A, Do(Action::Suspend))], |k| k.help_suspend),
    // Drawing the whole screen again: the terminal's own habit, known to everyone.
    quiet(&[(Ctrl('l'), A, Do(Action::Redraw))], 0, &[]),
    Binding {
        presses: &[],
        help: Some(|k| k.help_mouse),
        label: Some(|k| k.mouse_label),
        bar: &[],
        short: None,
        priority: 0,
    },
    // Editing the query: shown nowhere, known to everyone.
    quiet(
        &[
            (Key(KeyCode::Backspace), T, Do(Action::DeleteBack)),
            (Key(KeyCode::Delete), S, Do(Action::DeleteForward)),
            (Key(KeyCode::Left), S, Do(Action::CursorLeft)),
            (Key(KeyCode::Right), S, Do(Action::CursorRight)),
            (Ctrl('a'), TY, Do(Action::CursorStart)),
            (Ctrl('e'), TY, Do(Action::CursorEnd)),
        ],
        0,
        &[],
    ),
];
