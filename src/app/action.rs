//! What a user can ask the explorer to do, whatever key or click asked it, and what arrives from work
//! done in the background.

use crate::app::Prepared;
use crate::search::{Facet, Hit};

/// The panes that take the keyboard, in `Tab` order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Search,
    Facets,
    List,
    Detail,
    /// The scenario pane, opened with `Alt-S`; not in the `Tab` order.
    Scenario,
}

impl Focus {
    const ORDER: [Focus; 4] = [Focus::Search, Focus::Facets, Focus::List, Focus::Detail];

    #[must_use]
    pub fn next(self) -> Focus {
        let i = Self::ORDER.iter().position(|f| *f == self).unwrap_or(0);
        Self::ORDER[(i + 1) % Self::ORDER.len()]
    }

    #[must_use]
    pub fn prev(self) -> Focus {
        let i = Self::ORDER.iter().position(|f| *f == self).unwrap_or(0);
        Self::ORDER[(i + Self::ORDER.len() - 1) % Self::ORDER.len()]
    }
}

/// What covers the panes, taking the keys, until it is closed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help,
    /// An answer just sent to the terminal's clipboard, shown to be read and selected by hand.
    Answer(String),
}

/// A pane the mouse wheel can scroll.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Facets,
    List,
    Detail,
}

/// Every intent the explorer understands, from the user or from the work done for it.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Quit,
    /// Ctrl-C: quits even from the help overlay.
    Interrupt,
    /// Ctrl-Z: gives the terminal back to the shell until `fg`.
    Suspend,
    /// Ctrl-L: draws the whole screen again.
    Redraw,
    /// Search line editing.
    Insert(char),
    /// Text pasted, or typed faster than the screen is drawn: goes into the query as text, its line
    /// breaks and tabs as spaces and its control characters removed, so that none of it acts as a key.
    Paste(String),
    DeleteBack,
    DeleteForward,
    CursorLeft,
    CursorRight,
    CursorStart,
    CursorEnd,
    ClearQuery,
    /// Deletes the word before the cursor (Ctrl-W, Alt-Backspace).
    DeleteWord,
    /// `Esc`: clears the query, then leaves the search; from another pane, back to the search.
    Back,
    FocusSearch,
    FocusNext,
    FocusPrev,
    /// Movement in the focused pane (the item list while searching).
    Next,
    Prev,
    PageDown,
    PageUp,
    First,
    Last,
    /// `Enter`: toggles the facet under the cursor; from the search, goes to the list.
    Activate,
    /// A click on a row of the item list (row index into the list rows).
    ClickRow(usize),
    /// A click on a facet entry.
    ClickFacet(usize),
    /// The wheel over a pane; Shift-↑↓ for the detail from anywhere.
    Scroll(Pane, i32),
    /// Scrolls the detail by half its height, down (`1`) or up (`-1`), from anywhere.
    DetailPage(i32),
    /// `0` for every value of a facet, `1`… for its n-th value.
    ChooseValue(Facet, usize),
    /// The next value of a facet's filter, then none.
    CycleFacet(Facet),
    ClearFilters,
    ToggleLanguage,
    /// Sends the selected item's answer to the terminal's clipboard and shows it in an overlay.
    CopyAnswer,
    ToggleHelp,
    /// Closes the help or the answer overlay.
    CloseOverlay,
    /// Opens the scenario pane, or closes it when it is open.
    OpenScenario,
    /// In the scenario pane: the next (`1`) or previous (`-1`) value of the dimension under the cursor.
    CycleValue(i32),
    /// In the scenario pane: unsets the dimension under the cursor.
    UnsetDimension,
    ClearScenario,
    ToggleHideNotCollected,
    /// What the last frame drew: rows in the item list and the detail, and how far the detail and an
    /// open overlay can scroll.
    Viewport {
        list_rows: usize,
        detail_rows: u16,
        detail_max_scroll: u16,
        overlay_max_scroll: u16,
    },
    /// Catalogs loaded in the background are ready.
    Loaded(Delivery),
    /// A search run off the input thread has finished.
    ResultsArrived {
        generation: u64,
        hits: Vec<Hit>,
        /// The best hits of a first part of the library; every hit follows.
        early: bool,
    },
}

/// Catalogs prepared off the input thread, handed over once.
#[derive(Debug, Clone)]
pub struct Delivery(pub std::sync::Arc<Prepared>);

impl PartialEq for Delivery {
    /// The same delivery, not equal contents: a library is never compared whole.
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}
