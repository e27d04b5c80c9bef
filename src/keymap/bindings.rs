//! The one table of key bindings. Matching, the help screen, the key bar and the scenario pane's key
//! line are all generated from it; the README's key table is checked against it.

use crossterm::event::KeyCode;

use crate::app::Action;
use crate::i18n::KeyWords;
use crate::search::Facet;

/// Where a key works: a set of focused panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes(pub u8);

impl Panes {
    pub const SEARCH: Panes = Panes(1);
    pub const FACETS: Panes = Panes(2);
    pub const LIST: Panes = Panes(4);
    pub const DETAIL: Panes = Panes(8);
    pub const SCENARIO: Panes = Panes(16);
    /// The facets, list and detail panes, where letters are commands.
    pub const PANES: Panes = Panes(2 | 4 | 8);
    /// The search and the panes: everywhere but the scenario pane.
    pub const TYPING: Panes = Panes(1 | 2 | 4 | 8);
    pub const ALL: Panes = Panes(31);

    pub fn contains(self, other: Panes) -> bool {
        self.0 & other.0 == other.0
    }
}

/// A key as the table writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Press {
    /// A key without Ctrl or Alt (Shift allowed: upper-case letters).
    Key(KeyCode),
    Ctrl(char),
    Alt(char),
    /// A digit without Ctrl or Alt.
    Digit,
    AltDigit,
    /// Any printable character without Ctrl or Alt; tried after every other binding.
    AnyChar,
}

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
    /// Always shown at the end of the key bar.
    pub pinned: bool,
}

const fn binding(presses: Presses, help: Word) -> Binding {
    Binding {
        presses,
        help: Some(help),
        label: None,
        bar: &[],
        short: None,
        pinned: false,
    }
}

const fn with_bar(mut b: Binding, bar: Bar) -> Binding {
    b.bar = bar;
    b
}

const fn short(mut b: Binding, label: &'static str) -> Binding {
    b.short = Some(label);
    b
}

const fn pinned(mut b: Binding) -> Binding {
    b.pinned = true;
    b
}

/// A binding kept out of the help screen, with its key bar words.
const fn quiet(presses: Presses, bar: Bar) -> Binding {
    Binding {
        presses,
        help: None,
        label: None,
        bar,
        short: None,
        pinned: false,
    }
}

use Act::Do;
use Press::{Alt, Ctrl, Key};

const T: Panes = Panes::TYPING;
const P: Panes = Panes::PANES;
const S: Panes = Panes::SEARCH;
const SC: Panes = Panes::SCENARIO;
const A: Panes = Panes::ALL;
const NOT_DETAIL: Panes = Panes(1 | 2 | 4);
const LIST: Panes = Panes::LIST;
const LIST_DETAIL: Panes = Panes(4 | 8);

/// Every binding, in the order the help screen lists them; the key bar keeps the order too, with
/// the pinned ones last.
pub static BINDINGS: &[Binding] = &[
    Binding {
        presses: &[(Press::AnyChar, T, Act::Char(Action::Insert))],
        help: Some(|k| k.help_type),
        label: Some(|k| k.type_label),
        bar: &[],
        short: None,
        pinned: false,
    },
    with_bar(
        binding(&[(Key(KeyCode::Char('/')), P, Do(Action::FocusSearch))], |k| {
            k.help_to_search
        }),
        &[(Panes::DETAIL, |k| k.bar_search)],
    ),
    short(
        with_bar(
            binding(
                &[
                    (Key(KeyCode::Up), T, Do(Action::Prev)),
                    (Key(KeyCode::Down), T, Do(Action::Next)),
                    (Key(KeyCode::Char('j')), P, Do(Action::Next)),
                    (Key(KeyCode::Char('k')), P, Do(Action::Prev)),
                    (Ctrl('n'), A, Do(Action::Next)),
                    (Ctrl('p'), A, Do(Action::Prev)),
                ],
                |k| k.help_move,
            ),
            &[(NOT_DETAIL, |k| k.bar_move), (Panes::DETAIL, |k| k.bar_scroll)],
        ),
        "↑↓",
    ),
    binding(
        &[
            (Key(KeyCode::PageUp), T, Do(Action::PageUp)),
            (Key(KeyCode::PageDown), T, Do(Action::PageDown)),
        ],
        |k| k.help_page,
    ),
    binding(
        &[
            (Key(KeyCode::Home), P, Do(Action::First)),
            (Key(KeyCode::End), P, Do(Action::Last)),
            (Key(KeyCode::Char('g')), P, Do(Action::First)),
            (Key(KeyCode::Char('G')), P, Do(Action::Last)),
            (Key(KeyCode::Home), S, Do(Action::CursorStart)),
            (Key(KeyCode::End), S, Do(Action::CursorEnd)),
        ],
        |k| k.help_ends,
    ),
    with_bar(
        binding(&[(Key(KeyCode::Enter), T, Do(Action::Activate))], |k| {
            k.help_activate
        }),
        &[(S, |k| k.bar_list), (Panes::FACETS, |k| k.bar_toggle)],
    ),
    with_bar(
        binding(&[(Key(KeyCode::Esc), T, Do(Action::Back))], |k| k.help_back),
        &[(S, |k| k.bar_clear)],
    ),
    binding(&[(Ctrl('u'), A, Do(Action::ClearQuery))], |k| k.help_clear_query),
    with_bar(
        binding(
            &[
                (
                    Press::Digit,
                    P,
                    Act::Digit(|d| Action::ChooseValue(Facet::Category, d)),
                ),
                (
                    Press::AltDigit,
                    A,
                    Act::Digit(|d| Action::ChooseValue(Facet::Category, d)),
                ),
            ],
            |k| k.help_category,
        ),
        &[(Panes(1 | 4), |k| k.bar_category)],
    ),
    with_bar(
        binding(
            &[
                (Key(KeyCode::Char('s')), P, Do(Action::CycleFacet(Facet::Source))),
                (Alt('s'), A, Do(Action::CycleFacet(Facet::Source))),
            ],
            |k| k.help_source,
        ),
        &[(LIST, |k| k.bar_source)],
    ),
    binding(
        &[
            (Alt('d'), A, Do(Action::CycleFacet(Facet::Document))),
            (Alt('f'), A, Do(Action::CycleFacet(Facet::Kind))),
            (Alt('p'), A, Do(Action::CycleFacet(Facet::Party))),
            (Alt('u'), A, Do(Action::CycleFacet(Facet::Subject))),
        ],
        |k| k.help_other_facets,
    ),
    with_bar(
        binding(
            &[
                (Key(KeyCode::Char('x')), P, Do(Action::ClearFilters)),
                (Alt('x'), A, Do(Action::ClearFilters)),
            ],
            |k| k.help_clear_filters,
        ),
        &[(Panes::FACETS, |k| k.bar_clear_filters)],
    ),
    with_bar(
        binding(
            &[
                (Key(KeyCode::Char('S')), P, Do(Action::OpenScenario)),
                (Alt('S'), A, Do(Action::OpenScenario)),
            ],
            |k| k.help_scenario,
        ),
        &[(LIST, |k| k.bar_scenario)],
    ),
    with_bar(
        binding(
            &[
                (Key(KeyCode::Char('y')), P, Do(Action::CopyAnswer)),
                (Ctrl('y'), A, Do(Action::CopyAnswer)),
            ],
            |k| k.help_copy,
        ),
        &[(S, |k| k.bar_copy), (LIST_DETAIL, |k| k.bar_copy)],
    ),
    with_bar(
        binding(
            &[
                (Key(KeyCode::Char('L')), P, Do(Action::ToggleLanguage)),
                (Alt('L'), A, Do(Action::ToggleLanguage)),
                (Alt('l'), A, Do(Action::ToggleLanguage)),
            ],
            |k| k.help_language,
        ),
        &[(LIST, |k| k.bar_language)],
    ),
    binding(
        &[
            (Key(KeyCode::Char('h')), P, Do(Action::ToggleHideNotCollected)),
            (Alt('h'), A, Do(Action::ToggleHideNotCollected)),
        ],
        |k| k.help_hide,
    ),
    binding(
        &[
            (Key(KeyCode::Char('X')), P, Do(Action::ClearScenario)),
            (Alt('X'), A, Do(Action::ClearScenario)),
        ],
        |k| k.help_clear_scenario,
    ),
    pinned(with_bar(
        binding(
            &[
                (Key(KeyCode::Tab), T, Do(Action::FocusNext)),
                (Key(KeyCode::BackTab), T, Do(Action::FocusPrev)),
                (Key(KeyCode::Left), P, Do(Action::FocusPrev)),
                (Key(KeyCode::Right), P, Do(Action::FocusNext)),
            ],
            |k| k.help_pane,
        ),
        &[(T, |k| k.bar_pane)],
    )),
    pinned(with_bar(
        binding(
            &[
                (
                    Key(KeyCode::Char('?')),
                    Panes(2 | 4 | 8 | 16),
                    Do(Action::ToggleHelp),
                ),
                (Key(KeyCode::F(1)), A, Do(Action::ToggleHelp)),
            ],
            |k| k.help_help,
        ),
        &[(A, |k| k.bar_help)],
    )),
    pinned(with_bar(
        binding(
            &[
                (Key(KeyCode::Char('q')), P, Do(Action::Quit)),
                (Ctrl('c'), A, Do(Action::Interrupt)),
            ],
            |k| k.help_quit,
        ),
        &[(A, |k| k.bar_quit)],
    )),
    binding(&[(Ctrl('z'), A, Do(Action::Suspend))], |k| k.help_suspend),
    // Drawing the whole screen again: the terminal's own habit, known to everyone.
    quiet(&[(Ctrl('l'), A, Do(Action::Redraw))], &[]),
    Binding {
        presses: &[],
        help: Some(|k| k.help_mouse),
        label: Some(|k| k.mouse_label),
        bar: &[],
        short: None,
        pinned: false,
    },
    // Editing the query: shown nowhere, known to everyone.
    quiet(
        &[
            (Key(KeyCode::Backspace), T, Do(Action::DeleteBack)),
            (Key(KeyCode::Delete), S, Do(Action::DeleteForward)),
            (Key(KeyCode::Left), S, Do(Action::CursorLeft)),
            (Key(KeyCode::Right), S, Do(Action::CursorRight)),
            (Ctrl('a'), A, Do(Action::CursorStart)),
            (Ctrl('e'), A, Do(Action::CursorEnd)),
        ],
        &[],
    ),
    // The scenario pane, whose own line lists these.
    short(
        quiet(
            &[
                (Key(KeyCode::Up), SC, Do(Action::Prev)),
                (Key(KeyCode::Down), SC, Do(Action::Next)),
                (Key(KeyCode::Char('k')), SC, Do(Action::Prev)),
                (Key(KeyCode::Char('j')), SC, Do(Action::Next)),
            ],
            &[(SC, |k| k.bar_dimension)],
        ),
        "↑↓",
    ),
    short(
        quiet(
            &[
                (Key(KeyCode::Left), SC, Do(Action::CycleValue(-1))),
                (Key(KeyCode::Right), SC, Do(Action::CycleValue(1))),
                (Key(KeyCode::Enter), SC, Do(Action::CycleValue(1))),
                (Key(KeyCode::Char(' ')), SC, Do(Action::CycleValue(1))),
            ],
            &[(SC, |k| k.bar_value)],
        ),
        "←→",
    ),
    quiet(
        &[
            (Key(KeyCode::Char('x')), SC, Do(Action::UnsetDimension)),
            (Key(KeyCode::Backspace), SC, Do(Action::UnsetDimension)),
            (Key(KeyCode::Delete), SC, Do(Action::UnsetDimension)),
        ],
        &[(SC, |k| k.bar_unset)],
    ),
    quiet(
        &[(Key(KeyCode::Char('X')), SC, Do(Action::ClearScenario))],
        &[(SC, |k| k.bar_clear_all)],
    ),
    quiet(
        &[(Key(KeyCode::Char('h')), SC, Do(Action::ToggleHideNotCollected))],
        &[(SC, |k| k.bar_hide)],
    ),
    quiet(
        &[
            (Key(KeyCode::Esc), SC, Do(Action::Back)),
            (Key(KeyCode::Char('S')), SC, Do(Action::Back)),
            (Key(KeyCode::Char('q')), SC, Do(Action::Back)),
        ],
        &[(SC, |k| k.bar_close)],
    ),
];
