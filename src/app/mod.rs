//! The explorer's state and its one `update`: no terminal types here, so every transition is testable.

pub mod action;
pub mod facets;
mod overlay;
mod update;
pub mod worker;

pub use worker::{EARLY_CHUNK, EARLY_SHOWN};

pub use crate::search::Row;
pub use action::{Action, Delivery, Focus, Overlay, Pane};
pub use facets::FacetEntry;

use std::sync::Arc;

use crate::catalog::{Basis, FactKind, Library};
use crate::scenario::{Outcome, Scenario, Verdict, evaluate};
use crate::search::{
    self, Confidence, Counts, Facet, FacetIndex, Filter, Hit, Overrides, Query, SearchIndex,
};
use crate::text::Lang;

/// From this many items on, a deferred App searches on the worker so typing never waits.
pub const DEFER_FROM: usize = 5_000;

/// A search the terminal layer runs on its worker thread.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    pub generation: u64,
    pub query: Query,
}

/// What the explorer asks of the terminal layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Request {
    Quit,
    /// Ctrl-Z: give the terminal back to the shell until `fg`.
    Suspend,
    /// Ctrl-L: clear the terminal and draw everything again.
    Redraw,
}

/// A library with everything built from it once: the search keys and the facet values.
#[derive(Debug)]
pub struct Prepared {
    pub library: Library,
    pub index: Arc<SearchIndex>,
    pub facets: Arc<FacetIndex>,
}

impl Prepared {
    pub fn new(library: Library) -> Prepared {
        let index = SearchIndex::build(&library);
        Prepared::with_index(library, index)
    }

    /// A library whose search keys are already built (or were read from the cache).
    pub fn with_index(library: Library, index: SearchIndex) -> Prepared {
        Prepared {
            index: Arc::new(index),
            facets: Arc::new(FacetIndex::build(&library)),
            library,
        }
    }
}

/// The whole explorer state.
#[derive(Debug)]
pub struct App {
    pub library: Library,
    index: Arc<SearchIndex>,
    pub facet_index: Arc<FacetIndex>,
    /// The ranked matches of the query, before facets, scenario and hiding.
    hits: Vec<Hit>,
    /// Whether large searches go to the terminal layer's worker instead of running in `update`.
    pub deferred: bool,
    pending: Option<SearchRequest>,
    generation: u64,
    /// While catalogs load in the background: what is being loaded.
    pub loading: Option<String>,
    /// The generation of the deferred search running, if one is.
    in_flight: Option<u64>,
    last_ranked_query: String,
    pub lang: Lang,
    pub focus: Focus,
    pub query: String,
    /// Cursor position in the query, in chars.
    pub cursor: usize,
    pub filter: Filter,
    pub facets: Vec<FacetEntry>,
    pub facet_cursor: usize,
    /// Derived from query and filter by `refresh`.
    pub parsed: Query,
    pub rows: Vec<Row>,
    pub counts: Counts,
    /// Items matching the query and the filter.
    pub shown: usize,
    /// Index into `rows`; always an item row when there is one.
    pub selected: Option<usize>,
    /// Whether the query clearly selects one field; the explorer marks the doubt otherwise.
    pub confidence: Confidence,
    /// The query for which the user chose the selected row, rather than taking the first.
    pub chosen_for: Option<String>,
    pub detail_scroll: u16,
    pub detail_max_scroll: u16,
    /// Lines the detail pane shows at once.
    pub detail_rows: u16,
    pub list_rows: usize,
    /// The help or an answer, over the panes.
    pub overlay: Option<Overlay>,
    pub overlay_scroll: u16,
    pub overlay_max_scroll: u16,
    pub message: Option<String>,
    /// An answer waiting to be sent to the terminal's clipboard by the terminal layer.
    pub clipboard: Option<String>,
    /// Whether the user lets the explorer take the mouse (`--no-mouse` says no); it lets go anyway
    /// while an answer is shown, so the answer can be selected.
    pub mouse: bool,
    /// The documents' general facts, where the query asks about a topic and names no field
    /// ("hur länge sparas"): shown when no item matches, copied with Ctrl-Y.
    pub topic_answer: Option<String>,
    /// What the terminal layer must do next: quit or suspend.
    pub request: Option<Request>,
    /// The setup items are judged in; empty when none is set.
    pub scenario: Scenario,
    /// One verdict per item while a scenario is set; empty otherwise.
    pub verdicts: Vec<Verdict>,
    /// The category value each item counts as in the scenario, for the category facet.
    scenario_categories: Vec<Option<u32>>,
    pub hide_not_collected: bool,
    /// The scenario pane's cursor: an index into `dimensions`.
    pub dimension_cursor: usize,
    /// Every dimension of the loaded catalogs (catalog index, dimension index), first declaration wins.
    pub dimensions: Vec<(usize, usize)>,
    /// The focus to return to when the scenario pane closes.
    pub focus_before_scenario: Focus,
}

impl App {
    pub fn new(library: Library, lang: Lang) -> App {
        App::prepared(Prepared::new(library), lang)
    }

    /// An App on a library whose keys are already built.
    pub fn prepared(prepared: Prepared, lang: Lang) -> App {
        let Prepared {
            library,
            index,
            facets: facet_index,
        } = prepared;
        let facets = facets::entries(&facet_index);
        let mut app = App {
            index,
            hits: Vec::new(),
            deferred: false,
            pending: None,
            generation: 0,
            in_flight: None,
            loading: None,
            last_ranked_query: String::new(),
            lang,
            focus: Focus::Search,
            query: String::new(),
            cursor: 0,
            filter: Filter::default(),
            facet_cursor: facets.iter().position(|f| !f.is_heading()).unwrap_or(0),
            facets,
            facet_index,
            parsed: Query::parse(""),
            rows: Vec::new(),
            counts: Counts::default(),
            shown: 0,
            selected: None,
            confidence: Confidence::Clear,
            chosen_for: None,
            detail_scroll: 0,
            detail_max_scroll: 0,
            detail_rows: 10,
            list_rows: 10,
            overlay: None,
            overlay_scroll: 0,
            overlay_max_scroll: 0,
            message: None,
            clipboard: None,
            mouse: true,
            topic_answer: None,
            request: None,
            scenario: Scenario::default(),
            verdicts: Vec::new(),
            scenario_categories: Vec::new(),
            hide_not_collected: false,
            dimension_cursor: 0,
            dimensions: distinct_dimensions(&library),
            focus_before_scenario: Focus::Search,
            library,
        };
        app.refresh();
        app
    }

    /// Takes catalogs loaded in the background, keeping what the user did while waiting.
    pub(crate) fn take_delivery(&mut self, delivery: Delivery) {
        let prepared = Arc::try_unwrap(delivery.0).unwrap_or_else(|shared| Prepared {
            library: shared.library.clone(),
            index: Arc::clone(&shared.index),
            facets: Arc::clone(&shared.facets),
        });
        let mut loaded = App::prepared(prepared, self.lang);
        loaded.focus = self.focus;
        loaded.query = std::mem::take(&mut self.query);
        loaded.cursor = self.cursor;
        loaded.deferred = self.deferred;
        loaded.mouse = self.mouse;
        loaded.overlay = self.overlay.take();
        loaded.generation = self.generation;
        loaded.scenario = std::mem::take(&mut self.scenario);
        loaded.refresh();
        *self = loaded;
    }

    /// Starts in `scenario` (from `--scenario`, checked against the library by the caller).
    #[must_use]
    pub fn with_scenario(mut self, scenario: Scenario) -> App {
        if !scenario.is_empty() {
            self.scenario = scenario;
            self.refresh();
        }
        self
    }

    /// Recomputes everything derived from the query, the scenario and the filters.
    pub fn refresh(&mut self) {
        self.judge();
        self.search();
    }

    /// Runs the search for the current query, or hands it to the terminal layer's worker when the
    /// library is large and searching is deferred; the list is rebuilt when the hits are in.
    pub(crate) fn search(&mut self) {
        self.parsed = Query::parse(&self.query);
        if let Some(note) = self.parsed.dropped_note(self.lang) {
            self.message = Some(note);
        }
        self.answer_topic();
        if self.deferred && self.index.len() >= DEFER_FROM {
            self.generation += 1;
            self.pending = Some(SearchRequest {
                generation: self.generation,
                query: self.parsed.clone(),
            });
            return;
        }
        self.hits = search::matches(&self.index, &self.parsed);
        self.rebuild();
    }

    /// Takes the hits of a deferred search; stale ones (an older query) are dropped. Early hits are
    /// shown while the search goes on.
    pub(crate) fn accept(&mut self, generation: u64, hits: Vec<Hit>, early: bool) {
        if generation == self.generation {
            self.hits = hits;
            if !early {
                self.in_flight = None;
            }
            self.rebuild();
        }
    }

    /// The search the terminal layer must run, if any.
    pub fn take_pending(&mut self) -> Option<SearchRequest> {
        let request = self.pending.take();
        if let Some(r) = &request {
            self.in_flight = Some(r.generation);
        }
        request
    }

    /// Whether a deferred search is still running.
    pub fn searching(&self) -> bool {
        self.in_flight.is_some() || self.pending.is_some()
    }

    /// The index shared with a search worker.
    pub fn index(&self) -> Arc<SearchIndex> {
        Arc::clone(&self.index)
    }

    /// What the scenario means for every item; nothing when no scenario is set.
    pub(crate) fn judge(&mut self) {
        if self.scenario.is_empty() {
            self.verdicts = Vec::new();
            self.scenario_categories = Vec::new();
            return;
        }
        self.verdicts = (0..self.library.items.len())
            .map(|i| evaluate(&self.library, i, &self.scenario))
            .collect();
        self.scenario_categories = self
            .facet_index
            .category_values(&self.library, self.verdicts.iter().map(|v| v.category));
    }

    /// Whether the item is hidden as not collected in the scenario.
    fn hidden(&self, item: usize) -> bool {
        self.hide_not_collected
            && self
                .verdicts
                .get(item)
                .is_some_and(|v| v.outcome == Outcome::NotCollected)
    }

    /// Rebuilds the list, the counts and the selection from the hits, the scenario and the filters,
    /// keeping the selected item if it is still shown.
    pub(crate) fn rebuild(&mut self) {
        let keep = self.selected_item();
        let hits = std::mem::take(&mut self.hits);
        let kept: Vec<Hit>;
        let visible: &[Hit] = if self.hide_not_collected && !self.verdicts.is_empty() {
            kept = hits.iter().copied().filter(|h| !self.hidden(h.item)).collect();
            &kept
        } else {
            &hits
        };
        let overrides = Overrides {
            category: (!self.scenario_categories.is_empty()).then_some(self.scenario_categories.as_slice()),
        };
        self.counts = search::counts(&self.facet_index, visible, &self.filter, overrides);
        let shown = search::apply(&self.facet_index, visible, &self.filter, overrides);
        self.shown = shown.len();
        self.confidence = if self.parsed.is_empty() {
            Confidence::Clear
        } else {
            search::confidence(&self.index, &self.parsed, &shown)
        };
        self.rows = if self.parsed.is_empty() {
            Row::browse(&self.library, &shown)
        } else {
            shown.into_iter().map(Row::Item).collect()
        };
        self.hits = hits;
        self.selected = keep
            .and_then(|item| {
                self.rows
                    .iter()
                    .position(|r| matches!(r, Row::Item(h) if h.item == item))
            })
            .filter(|_| self.parsed.is_empty() || self.last_ranked_query == self.query)
            .or_else(|| self.rows.iter().position(|r| matches!(r, Row::Item(_))));
        if self.selected_item() != keep {
            self.detail_scroll = 0;
        }
        self.last_ranked_query.clone_from(&self.query);
    }

    /// Words the topic answer for the current query, in the current language.
    pub(crate) fn answer_topic(&mut self) {
        self.topic_answer = self
            .parsed
            .topic()
            .filter(|_| self.parsed.asks_topic_only())
            .map(|t| crate::describe::answer::topic(&self.library, t, self.lang))
            .filter(|text| !text.is_empty());
    }

    /// Whether the selected item may be answered for: the query clearly selects it, or the user
    /// chose it.
    pub fn answerable(&self) -> bool {
        self.chosen_for.as_ref() == Some(&self.query)
            || self.parsed.is_empty()
            || self.confidence == Confidence::Clear
    }

    /// Whether the terminal should report the mouse now: the user allows it and no answer is shown
    /// for selecting.
    pub fn wants_mouse(&self) -> bool {
        self.mouse && !matches!(self.overlay, Some(Overlay::Answer(_)))
    }

    /// The index into `library.items` of the selected item.
    pub fn selected_item(&self) -> Option<usize> {
        match self.rows.get(self.selected?)? {
            Row::Item(hit) => Some(hit.item),
            _ => None,
        }
    }

    /// The verdict for an item while a scenario is set.
    pub fn verdict(&self, item: usize) -> Option<&Verdict> {
        self.verdicts.get(item)
    }

    /// Whether a document states that the item is never collected, whatever the scenario.
    pub fn never_collected(&self, item: usize) -> bool {
        self.library.items[item]
            .facts_of(FactKind::NeverCollected)
            .any(|f| f.basis == Basis::Stated)
    }

    /// The dimension under the scenario pane's cursor: its catalog and declaration.
    pub fn dimension(&self, i: usize) -> Option<&crate::catalog::schema::Dimension> {
        let &(c, d) = self.dimensions.get(i)?;
        self.library.catalogs.get(c)?.dimensions.get(d)
    }

    /// The total number of items loaded.
    pub fn total(&self) -> usize {
        self.library.items.len()
    }

    /// The id of the value chosen for a facet, if one is.
    pub fn chosen(&self, facet: Facet) -> Option<&str> {
        let value = self.filter.get(facet)?;
        self.facet_index
            .values(facet)
            .get(value as usize)
            .map(|v| v.id.as_str())
    }

    /// Whether a facet entry's filter is the one set.
    pub fn facet_is_active(&self, entry: &FacetEntry) -> bool {
        match *entry {
            FacetEntry::Heading(_) => false,
            FacetEntry::All(f) => self.filter.get(f).is_none(),
            FacetEntry::Value(f, v) => self.filter.get(f) == Some(v),
        }
    }

    /// The count shown beside a facet entry.
    pub fn facet_count(&self, entry: &FacetEntry) -> Option<usize> {
        match *entry {
            FacetEntry::Heading(_) => None,
            FacetEntry::All(f) => Some(self.counts.all(f)),
            FacetEntry::Value(f, v) => Some(self.counts.of(f, v)),
        }
    }

    /// The display name of a facet entry in the current language.
    pub fn facet_name(&self, entry: &FacetEntry) -> String {
        let w = crate::i18n::words(self.lang);
        match *entry {
            FacetEntry::Heading(f) => f.name(self.lang).to_owned(),
            FacetEntry::All(f) => w.facets.all(f).to_owned(),
            FacetEntry::Value(f, v) => self.facet_index.name(&self.library, f, v, self.lang),
        }
    }

    /// Active filters as short labels, for the header's chips.
    pub fn chips(&self) -> Vec<String> {
        self.filter
            .chosen()
            .map(|(f, v)| self.facet_index.name(&self.library, f, v, self.lang))
            .collect()
    }
}

/// Each dimension id once, from the first catalog that declares it.
fn distinct_dimensions(library: &Library) -> Vec<(usize, usize)> {
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for (c, catalog) in library.catalogs.iter().enumerate() {
        for (d, dimension) in catalog.dimensions.iter().enumerate() {
            if !seen.contains(&dimension.id.as_str()) {
                seen.push(&dimension.id);
                out.push((c, d));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
