//! The explorer's state and its one `update`: no terminal types here, so every transition is testable.

pub mod action;
pub mod facets;
mod update;

pub use action::{Action, Focus, Pane};
pub use facets::FacetEntry;

use std::sync::Arc;

use crate::catalog::Library;
use crate::scenario::{Outcome, Scenario, Verdict, evaluate};
use crate::search::{self, FacetCounts, Filter, Hit, Query, SearchIndex};
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
}

/// One line of the item list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A category heading (browsing only).
    Category {
        catalog: usize,
        category: usize,
    },
    /// A group heading; `None` for items that stand directly in the category (browsing only).
    Group {
        catalog: usize,
        group: Option<usize>,
    },
    Item(Hit),
}

/// The whole explorer state.
#[derive(Debug)]
pub struct App {
    pub library: Library,
    index: Arc<SearchIndex>,
    /// The ranked matches of the query, before facets, scenario and hiding.
    hits: Vec<Hit>,
    narrowing: search::Narrowing,
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
    pub counts: FacetCounts,
    /// Items matching the query and the filter.
    pub shown: usize,
    /// Index into `rows`; always an item row when there is one.
    pub selected: Option<usize>,
    pub detail_scroll: u16,
    pub detail_max_scroll: u16,
    pub list_rows: usize,
    pub show_help: bool,
    pub message: Option<String>,
    /// An answer waiting to be put on the clipboard by the terminal layer.
    pub clipboard: Option<String>,
    /// What the terminal layer must do next: quit or suspend.
    pub request: Option<Request>,
    /// The setup items are judged in; empty when none is set.
    pub scenario: Scenario,
    /// One verdict per item while a scenario is set; empty otherwise.
    pub verdicts: Vec<Verdict>,
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
        let index = Arc::new(SearchIndex::build(&library));
        let facets = facets::entries(&library);
        let mut app = App {
            library,
            index,
            hits: Vec::new(),
            narrowing: search::Narrowing::default(),
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
            parsed: Query::parse(""),
            rows: Vec::new(),
            counts: FacetCounts::default(),
            shown: 0,
            selected: None,
            detail_scroll: 0,
            detail_max_scroll: 0,
            list_rows: 10,
            show_help: false,
            message: None,
            clipboard: None,
            request: None,
            scenario: Scenario::default(),
            verdicts: Vec::new(),
            hide_not_collected: false,
            dimension_cursor: 0,
            dimensions: Vec::new(),
            focus_before_scenario: Focus::Search,
        };
        app.dimensions = distinct_dimensions(&app.library);
        app.refresh();
        app
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
        if self.deferred && self.index.len() >= DEFER_FROM {
            self.generation += 1;
            self.pending = Some(SearchRequest {
                generation: self.generation,
                query: self.parsed.clone(),
            });
            return;
        }
        self.hits = search::matches_narrowing(&self.index, &self.parsed, &mut self.narrowing);
        self.rebuild();
    }

    /// Takes the hits of a deferred search; stale ones (an older query) are dropped.
    pub fn accept(&mut self, generation: u64, hits: Vec<Hit>) {
        if generation == self.generation {
            self.hits = hits;
            self.in_flight = None;
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
        self.verdicts = if self.scenario.is_empty() {
            Vec::new()
        } else {
            self.library
                .items
                .iter()
                .map(|item| evaluate(item, &self.scenario))
                .collect()
        };
    }

    /// Rebuilds the list, the counts and the selection from the hits, the scenario and the filters,
    /// keeping the selected item if it is still shown.
    pub(crate) fn rebuild(&mut self) {
        let keep = self.selected_item();
        let mut hits = std::mem::take(&mut self.hits);
        let hidden: Vec<Hit>;
        let visible: &[Hit] = if self.hide_not_collected && !self.verdicts.is_empty() {
            hidden = hits
                .iter()
                .copied()
                .filter(|h| self.verdicts[h.item].outcome != Outcome::NotCollected)
                .collect();
            &hidden
        } else {
            &hits
        };
        let categories: Vec<usize> = self.verdicts.iter().map(|v| v.category).collect();
        let recategorised = (!categories.is_empty()).then_some(categories.as_slice());
        self.counts = search::facet_counts(&self.library, visible, &self.filter, recategorised);
        let shown = search::apply(&self.library, visible, &self.filter, recategorised);
        self.shown = shown.len();
        self.rows = if self.parsed.is_empty() {
            self.browse_rows(&shown)
        } else {
            shown.into_iter().map(Row::Item).collect()
        };
        std::mem::swap(&mut self.hits, &mut hits);
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

    /// Items in document order under category and group headings.
    fn browse_rows(&self, shown: &[Hit]) -> Vec<Row> {
        let mut rows = Vec::with_capacity(shown.len() + 16);
        let mut last: Option<(usize, usize, Option<usize>)> = None;
        for hit in shown {
            let item = &self.library.items[hit.item];
            let place = (item.catalog, item.category, item.group);
            if last.is_none_or(|(c, k, _)| (c, k) != (place.0, place.1)) {
                rows.push(Row::Category {
                    catalog: place.0,
                    category: place.1,
                });
                if place.2.is_some() {
                    rows.push(Row::Group {
                        catalog: place.0,
                        group: place.2,
                    });
                }
            } else if last.is_some_and(|l| l.2 != place.2) {
                rows.push(Row::Group {
                    catalog: place.0,
                    group: place.2,
                });
            }
            last = Some(place);
            rows.push(Row::Item(*hit));
        }
        rows
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

    /// The dimension under the scenario pane's cursor: its catalog and declaration.
    pub fn dimension(&self, i: usize) -> Option<&crate::catalog::schema::Dimension> {
        let &(c, d) = self.dimensions.get(i)?;
        self.library.catalogs.get(c)?.dimensions.get(d)
    }

    /// The total number of items loaded.
    pub fn total(&self) -> usize {
        self.library.items.len()
    }

    /// The filter a facet entry stands for, as it applies to the current filter.
    pub fn facet_is_active(&self, entry: &FacetEntry) -> bool {
        match entry {
            FacetEntry::AllCategories => self.filter.category.is_none(),
            FacetEntry::Category(v) => self.filter.category.as_ref() == Some(&v.id),
            FacetEntry::AllSources => self.filter.source.is_none(),
            FacetEntry::Source(v) => self.filter.source.as_ref() == Some(&v.id),
            FacetEntry::AllCatalogs => self.filter.catalog.is_none(),
            FacetEntry::Catalog(c) => self.filter.catalog == Some(*c),
            _ => false,
        }
    }

    /// The count shown beside a facet entry.
    pub fn facet_count(&self, entry: &FacetEntry) -> Option<usize> {
        let c = &self.counts;
        match entry {
            FacetEntry::AllCategories => Some(c.all_categories),
            FacetEntry::Category(v) => Some(c.by_category.get(&v.id).copied().unwrap_or(0)),
            FacetEntry::AllSources => Some(c.all_sources),
            FacetEntry::Source(v) => Some(c.by_source.get(&v.id).copied().unwrap_or(0)),
            FacetEntry::AllCatalogs => Some(c.all_catalogs),
            FacetEntry::Catalog(i) => Some(c.by_catalog.get(i).copied().unwrap_or(0)),
            _ => None,
        }
    }

    /// The display name of a facet entry in the current language.
    pub fn facet_name(&self, entry: &FacetEntry) -> String {
        let w = crate::i18n::words(self.lang);
        let lib = &self.library;
        match entry {
            FacetEntry::CategoriesHeading => w.categories.to_owned(),
            FacetEntry::SourcesHeading => w.sources.to_owned(),
            FacetEntry::CatalogsHeading => w.catalogs.to_owned(),
            FacetEntry::AllCategories | FacetEntry::AllCatalogs => w.all.to_owned(),
            FacetEntry::AllSources => w.all_sources.to_owned(),
            FacetEntry::Category(v) => lib.catalogs[v.catalog]
                .categories
                .iter()
                .find(|c| c.id == v.id)
                .map_or_else(|| v.id.clone(), |c| c.name.get(self.lang).to_owned()),
            FacetEntry::Source(v) => lib.catalogs[v.catalog]
                .sources
                .iter()
                .find(|s| s.id == v.id)
                .map_or_else(|| v.id.clone(), |s| s.name.get(self.lang).to_owned()),
            FacetEntry::Catalog(i) => lib.catalogs[*i].title.get(self.lang).to_owned(),
        }
    }

    /// Active filters as short labels, for the header's chips.
    pub fn chips(&self) -> Vec<String> {
        self.facets
            .iter()
            .filter(|e| {
                matches!(
                    e,
                    FacetEntry::Category(_) | FacetEntry::Source(_) | FacetEntry::Catalog(_)
                )
            })
            .filter(|e| self.facet_is_active(e))
            .map(|e| self.facet_name(e))
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
