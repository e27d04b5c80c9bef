//! The overlays over the panes, the help and a copied answer: opening, scrolling and what they take
//! from the panes below.

use crate::app::{Action, App, Overlay};
use crate::i18n::words;

impl App {
    /// Whether an open overlay takes `action` instead of the panes below it: movement scrolls it,
    /// and the pointer does nothing else.
    pub(crate) fn overlay_takes(&mut self, action: &Action) -> bool {
        let delta = match action {
            Action::Next => 1,
            Action::Prev => -1,
            Action::PageDown => self.page(),
            Action::PageUp => -self.page(),
            Action::Scroll(_, d) => *d,
            Action::First => i32::MIN / 2,
            Action::Last => i32::MAX / 2,
            // Nothing types into an overlay, and the pointer acts on nothing under it.
            Action::ClickRow(_) | Action::ClickFacet(_) | Action::Paste(_) => 0,
            _ => return false,
        };
        let next = i64::from(self.overlay_scroll) + i64::from(delta);
        let clamped = next.clamp(0, i64::from(self.overlay_max_scroll));
        self.overlay_scroll = u16::try_from(clamped).unwrap_or(0);
        true
    }

    /// Opens an overlay at its top; the help toggles.
    pub(crate) fn open_overlay(&mut self, overlay: Overlay) {
        if overlay == Overlay::Help && self.overlay == Some(Overlay::Help) {
            self.overlay = None;
            return;
        }
        self.overlay = Some(overlay);
        self.overlay_scroll = 0;
        // Until a frame says how long it is, the overlay may scroll as far as it has lines.
        self.overlay_max_scroll = u16::MAX;
    }

    /// Hands an answer to the terminal layer for the clipboard and shows it, saying only what is
    /// known: it was sent, not that it arrived.
    pub(crate) fn show_answer(&mut self, text: String) {
        self.clipboard = Some(text.clone());
        self.open_overlay(Overlay::Answer(text));
        self.message = Some(words(self.lang).ui.answer_sent.to_owned());
    }
}
