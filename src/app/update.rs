//! The one place where actions change the explorer's state.

use crate::app::{Action, App, FacetEntry, Focus, Overlay, Pane, Request, Row};
use crate::catalog::sanitize::clean;
use crate::describe::answer::answer;
use crate::i18n::{fill, words};
use crate::keymap::Panes;
use crate::search::Facet;

impl App {
    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        let background = matches!(
            action,
            Action::Viewport { .. } | Action::Loaded(_) | Action::ResultsArrived { .. }
        );
        if !background {
            self.message = None;
        }
        if self.overlay.is_some() && self.overlay_takes(&action) {
            return;
        }
        match action {
            Action::Quit | Action::Interrupt => self.request = Some(Request::Quit),
            Action::Suspend => self.request = Some(Request::Suspend),
            Action::Redraw => self.request = Some(Request::Redraw),
            Action::Insert(c) => self.edit(|q, at| {
                q.insert(byte_at(q, at), c);
                at + 1
            }),
            Action::Paste(text) => self.edit(|q, at| {
                let text = clean(&text, false);
                q.insert_str(byte_at(q, at), &text);
                at + text.chars().count()
            }),
            Action::DeleteBack => self.edit(|q, at| {
                if at == 0 {
                    return 0;
                }
                q.remove(byte_at(q, at - 1));
                at - 1
            }),
            Action::DeleteForward => self.edit(|q, at| {
                if at < q.chars().count() {
                    q.remove(byte_at(q, at));
                }
                at
            }),
            Action::CursorLeft => self.cursor = self.cursor.saturating_sub(1),
            Action::CursorRight => self.cursor = (self.cursor + 1).min(self.query.chars().count()),
            Action::CursorStart => self.cursor = 0,
            Action::CursorEnd => self.cursor = self.query.chars().count(),
            Action::ClearQuery => self.edit(|q, _| {
                q.clear();
                0
            }),
            Action::DeleteWord => self.edit(|q, at| {
                let start = word_start(q, at);
                q.replace_range(byte_at(q, start)..byte_at(q, at), "");
                start
            }),
            Action::Back => self.back(),
            Action::FocusSearch => self.focus = Focus::Search,
            Action::FocusNext => self.focus = self.focus.next(),
            Action::FocusPrev => self.focus = self.focus.prev(),
            Action::Next => self.step(1),
            Action::Prev => self.step(-1),
            Action::PageDown => self.step(self.page()),
            Action::PageUp => self.step(-self.page()),
            Action::First => self.step(i32::MIN / 2),
            Action::Last => self.step(i32::MAX / 2),
            Action::Activate => self.activate(),
            Action::ClickRow(row) => {
                if matches!(self.rows.get(row), Some(Row::Item(_))) {
                    self.select_row(row);
                    self.focus = Focus::List;
                }
            }
            Action::ClickFacet(i) => {
                if self.facets.get(i).is_some_and(|e| !e.is_heading()) {
                    self.facet_cursor = i;
                    self.focus = Focus::Facets;
                    self.toggle_facet();
                }
            }
            Action::Scroll(pane, delta) => self.scroll(pane, delta),
            Action::DetailPage(direction) => {
                let half = i32::from((self.detail_rows / 2).max(1));
                self.scroll(Pane::Detail, direction.saturating_mul(half));
            }
            Action::ChooseValue(facet, n) => self.choose_value(facet, n),
            Action::CycleFacet(facet) => self.cycle_facet(facet),
            Action::ClearFilters => {
                self.filter = crate::search::Filter::default();
                self.rebuild();
                self.message = Some(words(self.lang).ui.filters_cleared.to_owned());
            }
            Action::ToggleLanguage => {
                self.lang = self.lang.toggled();
                self.answer_topic();
                self.message = Some(words(self.lang).ui.language_set.to_owned());
            }
            Action::CopyAnswer if self.rows.is_empty() && self.topic_answer.is_some() => {
                let text = self.topic_answer.clone().unwrap_or_default();
                self.show_answer(text);
            }
            Action::CopyAnswer if !self.answerable() => {
                self.message = Some(words(self.lang).ui.choose_first.to_owned());
            }
            Action::CopyAnswer => {
                if let Some(item) = self.selected_item() {
                    let text = answer(&self.library, item, self.lang, &self.scenario);
                    self.show_answer(text);
                }
            }
            Action::ToggleHelp => self.open_overlay(Overlay::Help),
            Action::CloseOverlay => {
                self.overlay = None;
                self.overlay_scroll = 0;
            }
            Action::OpenScenario => self.open_scenario(),
            Action::CycleValue(step) => self.cycle_value(step),
            Action::UnsetDimension => {
                if let Some(id) = self.dimension(self.dimension_cursor).map(|d| d.id.clone()) {
                    self.scenario.set(&id, None);
                    self.judge();
                    self.rebuild();
                }
            }
            Action::ClearScenario => {
                self.scenario = crate::scenario::Scenario::default();
                self.judge();
                self.rebuild();
                self.message = Some(words(self.lang).scenario.cleared.to_owned());
            }
            Action::ToggleHideNotCollected if self.scenario.is_empty() && !self.hide_not_collected => {
                let keys = crate::keymap::keys_for(&Action::OpenScenario, Panes::LIST).join(", ");
                let w = &words(self.lang).scenario;
                self.message = Some(fill(w.hide_needs_scenario, &[("keys", &keys)]));
            }
            Action::ToggleHideNotCollected => {
                self.hide_not_collected = !self.hide_not_collected;
                self.rebuild();
                let w = &words(self.lang).scenario;
                self.message = Some(
                    if self.hide_not_collected {
                        w.hiding_not_collected
                    } else {
                        w.showing_not_collected
                    }
                    .to_owned(),
                );
            }
            Action::Viewport {
                list_rows,
                detail_rows,
                detail_max_scroll,
                overlay_max_scroll,
            } => {
                self.list_rows = list_rows.max(1);
                self.detail_rows = detail_rows;
                self.detail_max_scroll = detail_max_scroll;
                self.detail_scroll = self.detail_scroll.min(detail_max_scroll);
                self.overlay_max_scroll = overlay_max_scroll;
                self.overlay_scroll = self.overlay_scroll.min(overlay_max_scroll);
            }
            Action::Loaded(delivery) => self.take_delivery(delivery),
            Action::ResultsArrived {
                generation,
                hits,
                early,
            } => self.accept(generation, hits, early),
        }
    }

    /// Edits the query with `f(query, cursor) -> new cursor`, then refreshes the results.
    fn edit(&mut self, f: impl FnOnce(&mut String, usize) -> usize) {
        let at = self.cursor.min(self.query.chars().count());
        let before = self.query.clone();
        self.cursor = f(&mut self.query, at);
        self.focus = Focus::Search;
        if self.query != before {
            self.search();
        }
    }

    fn back(&mut self) {
        match self.focus {
            Focus::Scenario => self.focus = self.focus_before_scenario,
            Focus::Search if !self.query.is_empty() => self.update(Action::ClearQuery),
            Focus::Search => self.focus = Focus::List,
            Focus::Facets | Focus::List | Focus::Detail => self.focus = Focus::Search,
        }
    }

    pub(crate) fn page(&self) -> i32 {
        i32::try_from(self.list_rows.saturating_sub(1).max(1)).unwrap_or(1)
    }

    /// Moves in the focused pane: the facet cursor, the detail's scroll, or the item selection.
    fn step(&mut self, delta: i32) {
        match self.focus {
            Focus::Facets => self.move_facet(delta),
            Focus::Detail => self.scroll(Pane::Detail, delta),
            Focus::Scenario => {
                self.dimension_cursor = clamp_step(self.dimension_cursor, delta, self.dimensions.len());
            }
            Focus::Search | Focus::List => self.move_selection(delta),
        }
    }

    fn move_selection(&mut self, delta: i32) {
        let items: Vec<usize> = (0..self.rows.len())
            .filter(|&r| matches!(self.rows[r], Row::Item(_)))
            .collect();
        if items.is_empty() {
            return;
        }
        let current = self
            .selected
            .and_then(|s| items.iter().position(|&r| r == s))
            .unwrap_or(0);
        let target = clamp_step(current, delta, items.len());
        self.select_row(items[target]);
    }

    fn select_row(&mut self, row: usize) {
        self.chosen_for = Some(self.query.clone());
        if self.selected != Some(row) {
            self.selected = Some(row);
            self.detail_scroll = 0;
        }
    }

    fn move_facet(&mut self, delta: i32) {
        let selectable: Vec<usize> = (0..self.facets.len())
            .filter(|&i| !self.facets[i].is_heading())
            .collect();
        let Some(current) = selectable.iter().position(|&i| i == self.facet_cursor) else {
            return;
        };
        self.facet_cursor = selectable[clamp_step(current, delta, selectable.len())];
    }

    fn scroll(&mut self, pane: Pane, delta: i32) {
        match pane {
            Pane::Detail => {
                let next = i64::from(self.detail_scroll) + i64::from(delta);
                let clamped = next.clamp(0, i64::from(self.detail_max_scroll));
                self.detail_scroll = u16::try_from(clamped).unwrap_or(0);
            }
            Pane::List => self.move_selection(delta),
            Pane::Facets => self.move_facet(delta),
        }
    }

    fn activate(&mut self) {
        match self.focus {
            Focus::Search => self.focus = Focus::List,
            Focus::Facets => self.toggle_facet(),
            Focus::List => self.focus = Focus::Detail,
            Focus::Scenario => self.cycle_value(1),
            Focus::Detail => {}
        }
    }

    /// Sets the filter of the facet under the cursor, or clears it if it is already set.
    fn toggle_facet(&mut self) {
        let Some(entry) = self.facets.get(self.facet_cursor).copied() else {
            return;
        };
        let active = self.facet_is_active(&entry);
        match entry {
            FacetEntry::Heading(_) => return,
            FacetEntry::All(f) => self.filter.set(f, None),
            FacetEntry::Value(f, v) => self.filter.set(f, (!active).then_some(v)),
        }
        self.rebuild();
    }

    fn open_scenario(&mut self) {
        if self.focus == Focus::Scenario {
            self.focus = self.focus_before_scenario;
            return;
        }
        if self.dimensions.is_empty() {
            self.message = Some(words(self.lang).scenario.no_dimensions.to_owned());
            return;
        }
        self.focus_before_scenario = self.focus;
        self.focus = Focus::Scenario;
    }

    /// Steps the dimension under the cursor through unset and each of its values.
    fn cycle_value(&mut self, step: i32) {
        let Some(dimension) = self.dimension(self.dimension_cursor) else {
            return;
        };
        let id = dimension.id.clone();
        let mut options: Vec<Option<String>> = vec![None];
        options.extend(dimension.values.iter().map(|v| Some(v.id.clone())));
        let current = self.scenario.values.get(&id).cloned();
        let at = options.iter().position(|o| *o == current).unwrap_or(0);
        let len = i32::try_from(options.len()).unwrap_or(1);
        let next = (i32::try_from(at).unwrap_or(0) + step).rem_euclid(len);
        let chosen = options[usize::try_from(next).unwrap_or(0)].clone();
        self.scenario.set(&id, chosen.as_deref());
        self.judge();
        self.rebuild();
    }

    /// `0`: every value of the facet; `n`: its n-th value, if it has one.
    fn choose_value(&mut self, facet: Facet, n: usize) {
        let values = self.facet_index.values(facet).len();
        let chosen = match n {
            0 => None,
            n if n <= values => u32::try_from(n - 1).ok(),
            _ => return,
        };
        self.filter.set(facet, chosen);
        self.rebuild();
    }

    /// The facet's next value after the one chosen, then none.
    fn cycle_facet(&mut self, facet: Facet) {
        let values = u32::try_from(self.facet_index.values(facet).len()).unwrap_or(0);
        let next = match self.filter.get(facet) {
            None => (values > 0).then_some(0),
            Some(v) => (v + 1 < values).then_some(v + 1),
        };
        self.filter.set(facet, next);
        self.rebuild();
    }
}

/// `current + delta`, kept within `0..len`.
fn clamp_step(current: usize, delta: i32, len: usize) -> usize {
    let target = i64::try_from(current).unwrap_or(0) + i64::from(delta);
    let max = i64::try_from(len.saturating_sub(1)).unwrap_or(0);
    usize::try_from(target.clamp(0, max)).unwrap_or(0)
}

/// Where the word before char `at` starts: spaces before the cursor go, then the word.
fn word_start(s: &str, at: usize) -> usize {
    let chars: Vec<char> = s.chars().take(at).collect();
    let mut start = chars.len();
    while start > 0 && chars[start - 1].is_whitespace() {
        start -= 1;
    }
    while start > 0 && !chars[start - 1].is_whitespace() {
        start -= 1;
    }
    start
}

/// The byte offset of char `at` in `s` (the end when `at` is past it).
fn byte_at(s: &str, at: usize) -> usize {
    s.char_indices().nth(at).map_or(s.len(), |(b, _)| b)
}
