//! privcat's own words in every interface language, grouped by where they are read; catalog texts
//! carry their own languages. Each language is one value of [`Words`], so the compiler checks that
//! every word exists in both.

mod en;
mod records;
mod sv;

pub use records::{Columns, KindHeaders, RecordWords};

use crate::catalog::kinds::{Choice, FactKind, Key, Unit};
use crate::search::Facet;
use crate::text::Lang;

/// Every word of the interface that is not catalog text.
pub struct Words {
    pub ui: Ui,
    pub facets: FacetWords,
    pub kinds: KindWords,
    pub detail: DetailWords,
    pub scenario: ScenarioWords,
    pub answer: AnswerWords,
    pub export: ExportWords,
    pub records: RecordWords,
    pub keys: KeyWords,
}

/// The explorer's panes, messages and list.
#[allow(clippy::struct_field_names)]
pub struct Ui {
    pub search: &'static str,
    pub search_hint: &'static str,
    pub filters: &'static str,
    pub items: &'static str,
    pub details: &'static str,
    pub catalogs: &'static str,
    /// `{clear_search}`, `{clear_filters}`: the keys that clear them.
    pub no_matches: &'static str,
    pub no_item: &'static str,
    pub directly_in_category: &'static str,
    /// After Ctrl-Y: what privcat knows, that the answer was sent, not that it arrived.
    pub answer_sent: &'static str,
    /// The answer overlay's title and how to take the text by hand.
    pub answer_title: &'static str,
    pub answer_select: &'static str,
    /// Where Ctrl-Y is pressed on a search with no clear best match, before an item is chosen.
    pub choose_first: &'static str,
    /// Beside the item list's title when no item clearly wins.
    pub unsure: &'static str,
    pub filters_cleared: &'static str,
    pub too_small: &'static str,
    pub help_title: &'static str,
    /// The help's first line: the typing model.
    pub help_typing: &'static str,
    /// `{n}` lines below, `{keys}` that scroll to them.
    pub more_below: &'static str,
    pub language_set: &'static str,
    /// A query longer than is searched: `{max}` and `{n}` (the words left out).
    pub words_dropped: &'static str,
    pub clear_filters_hint: &'static str,
    pub loading: &'static str,
    pub document: &'static str,
}

/// The facets' names and their "every value" entries.
pub struct FacetWords {
    pub category: &'static str,
    pub source: &'static str,
    pub document: &'static str,
    pub kind: &'static str,
    pub party: &'static str,
    pub subject: &'static str,
    pub platform: &'static str,
    pub catalog: &'static str,
    pub all: &'static str,
    pub all_sources: &'static str,
}

impl FacetWords {
    pub fn name(&self, facet: Facet) -> &'static str {
        match facet {
            Facet::Category => self.category,
            Facet::Source => self.source,
            Facet::Document => self.document,
            Facet::Kind => self.kind,
            Facet::Party => self.party,
            Facet::Subject => self.subject,
            Facet::Platform => self.platform,
            Facet::Catalog => self.catalog,
        }
    }

    /// The entry that clears the facet's filter.
    pub fn all(&self, facet: Facet) -> &'static str {
        match facet {
            Facet::Source => self.all_sources,
            _ => self.all,
        }
    }
}

/// The kinds of fact, the keys they take and the words those keys choose from.
pub struct KindWords {
    pub collected: &'static str,
    pub condition: &'static str,
    pub purpose: &'static str,
    pub never_collected: &'static str,
    pub never_visible: &'static str,
    pub visible: &'static str,
    pub shared_with: &'static str,
    pub received_from: &'static str,
    pub retention: &'static str,
    pub storage: &'static str,
    pub right: &'static str,
    pub security: &'static str,
    pub statement: &'static str,
    pub key_party: &'static str,
    pub key_service: &'static str,
    pub key_message: &'static str,
    pub key_field: &'static str,
    pub key_visibility: &'static str,
    pub key_duration: &'static str,
    pub key_at_most: &'static str,
    pub key_starts: &'static str,
    pub key_location: &'static str,
    pub key_region_chosen_by: &'static str,
    pub key_action: &'static str,
    pub key_actor: &'static str,
    pub key_column: &'static str,
    pub always: &'static str,
    pub sometimes: &'static str,
    pub view: &'static str,
    pub correct: &'static str,
    pub export: &'static str,
    pub delete: &'static str,
    pub restrict: &'static str,
    pub opt_out: &'static str,
    /// Unit names: singular and plural.
    pub day: (&'static str, &'static str),
    pub week: (&'static str, &'static str),
    pub month: (&'static str, &'static str),
    pub year: (&'static str, &'static str),
    pub yes: &'static str,
    pub no: &'static str,
}

impl KindWords {
    /// The kind's name: a detail heading and a facet value.
    pub fn name(&self, kind: FactKind) -> &'static str {
        match kind {
            FactKind::Collected => self.collected,
            FactKind::Condition => self.condition,
            FactKind::Purpose => self.purpose,
            FactKind::NeverCollected => self.never_collected,
            FactKind::NeverVisible => self.never_visible,
            FactKind::Visible => self.visible,
            FactKind::SharedWith => self.shared_with,
            FactKind::ReceivedFrom => self.received_from,
            FactKind::Retention => self.retention,
            FactKind::Storage => self.storage,
            FactKind::Right => self.right,
            FactKind::Security => self.security,
            FactKind::Statement => self.statement,
        }
    }

    pub fn key(&self, key: Key) -> &'static str {
        match key {
            Key::Party => self.key_party,
            Key::Service => self.key_service,
            Key::Message => self.key_message,
            Key::Field => self.key_field,
            Key::Visibility => self.key_visibility,
            Key::Duration => self.key_duration,
            Key::AtMost => self.key_at_most,
            Key::Starts => self.key_starts,
            Key::Location => self.key_location,
            Key::RegionChosenBy => self.key_region_chosen_by,
            Key::Action => self.key_action,
            Key::Actor => self.key_actor,
            Key::Column => self.key_column,
        }
    }

    pub fn choice(&self, choice: Choice) -> &'static str {
        match choice {
            Choice::Always => self.always,
            Choice::Sometimes => self.sometimes,
            Choice::View => self.view,
            Choice::Correct => self.correct,
            Choice::Export => self.export,
            Choice::Delete => self.delete,
            Choice::Restrict => self.restrict,
            Choice::OptOut => self.opt_out,
        }
    }

    /// A unit's name for `amount` of it.
    pub fn unit(&self, unit: Unit, amount: u32) -> &'static str {
        let (one, many) = match unit {
            Unit::Day => self.day,
            Unit::Week => self.week,
            Unit::Month => self.month,
            Unit::Year => self.year,
        };
        if amount == 1 { one } else { many }
    }
}

/// The detail pane and `show`: field labels and where each fact comes from.
pub struct DetailWords {
    /// The catalog's own search words for an item, and what they are.
    pub aliases: &'static str,
    pub aliases_meta: &'static str,
    pub category: &'static str,
    pub group: &'static str,
    pub no_definition: &'static str,
    pub description: &'static str,
    pub subjects: &'static str,
    pub parties: &'static str,
    pub collected_from: &'static str,
    pub no_source: &'static str,
    pub no_conditions: &'static str,
    pub no_purpose: &'static str,
    pub platforms: &'static str,
    pub notes: &'static str,
    pub linked: &'static str,
    pub list_complete: &'static str,
    pub list_not_complete: &'static str,
    pub list_is_complete: &'static str,
    pub document: &'static str,
    pub section: &'static str,
    pub stated_for_item: &'static str,
    pub stated_for_group: &'static str,
    pub stated_for_category: &'static str,
    pub stated_for_source: &'static str,
    pub stated_for_document: &'static str,
    pub stated_for_catalog: &'static str,
    pub inferred: &'static str,
    pub given_for_group: &'static str,
    pub given_for_item: &'static str,
    pub source_for_group: &'static str,
    pub source_for_item: &'static str,
    pub when: &'static str,
    pub dated: &'static str,
    pub text_from: &'static str,
    pub later_version_of: &'static str,
    pub from_listing: &'static str,
    pub link_stated: &'static str,
    pub link_inferred: &'static str,
    pub warning: &'static str,
    pub altered_text: &'static str,
}

/// Scenarios: the pane, the outcomes and the sentences that explain them.
pub struct ScenarioWords {
    pub scenario: &'static str,
    pub cleared: &'static str,
    pub no_dimensions: &'static str,
    pub hiding_not_collected: &'static str,
    /// Hiding asked for with no scenario set; `{keys}` opens the scenario pane.
    pub hide_needs_scenario: &'static str,
    pub showing_not_collected: &'static str,
    pub unset: &'static str,
    pub in_this_setup: &'static str,
    pub collected: &'static str,
    pub not_collected: &'static str,
    pub depends: &'static str,
    pub unsettled: &'static str,
    pub depends_on: &'static str,
    /// The outcome where unset dimensions decide: `{on}` names them.
    pub depends_headline: &'static str,
    pub unevaluable: &'static str,
    pub no_condition_stated: &'static str,
    pub never_stated: &'static str,
    pub only_inferred: &'static str,
    pub rests_on_reading: &'static str,
    pub holds_here: &'static str,
    pub not_here: &'static str,
    pub counts_as: &'static str,
    pub would_count_as: &'static str,
    pub unset_hint: &'static str,
    pub hidden: &'static str,
    /// `{setup}`, `{product}`: the sentence for each outcome.
    pub sentence_collected: &'static str,
    pub sentence_not_collected: &'static str,
    pub sentence_unsettled: &'static str,
    pub sentence_depends: &'static str,
    /// `{product}`: collected whatever the setup.
    pub sentence_collected_always: &'static str,
    /// `{subjects}`.
    pub data_about: &'static str,
    /// `{sources}`.
    pub data_from: &'static str,
    pub because: &'static str,
    pub and: &'static str,
    /// `{category}`.
    pub here_counts_as: &'static str,
}

/// The answer paragraph.
pub struct AnswerWords {
    pub lists_as: &'static str,
    pub listed_in: &'static str,
    pub group: &'static str,
    pub collected_from: &'static str,
    /// Before a source, where the setup leaves the item not collected or open.
    pub collected_from_if: &'static str,
    pub source_inferred: &'static str,
    pub no_source: &'static str,
    pub condition: &'static str,
    pub purpose: &'static str,
    pub no_purpose: &'static str,
    pub also_listed: &'static str,
    pub same_field_inferred: &'static str,
    pub same_field_stated: &'static str,
    pub sources: &'static str,
    pub not_exhaustive: &'static str,
    /// Before a list's own words that it is not complete, where nothing matched a question.
    pub lists_open: &'static str,
    pub never_visible_list: &'static str,
    pub never_collected_list: &'static str,
    /// The first line of a topic's answer, in the order of [`crate::search::Topic`].
    pub topic_heading: [&'static str; 7],
}

/// Exports: report headings and marks.
pub struct ExportWords {
    pub statements: &'static str,
    pub item: &'static str,
    pub retrieved: &'static str,
    /// One item, several items.
    pub items: (&'static str, &'static str),
    pub other_facts: &'static str,
    pub inferred: &'static str,
}

/// What each key does, for the help screen, the key bar and the scenario pane.
pub struct KeyWords {
    pub type_label: &'static str,
    pub mouse_label: &'static str,
    pub help_type: &'static str,
    pub help_delete_word: &'static str,
    pub help_clear_query: &'static str,
    pub help_move: &'static str,
    pub help_page: &'static str,
    pub help_ends: &'static str,
    pub help_scroll_detail: &'static str,
    pub help_activate: &'static str,
    pub help_back: &'static str,
    pub help_category: &'static str,
    pub help_source: &'static str,
    pub help_other_facets: &'static str,
    pub help_clear_filters: &'static str,
    pub help_language: &'static str,
    pub help_copy: &'static str,
    pub help_scenario: &'static str,
    pub help_hide: &'static str,
    pub help_clear_scenario: &'static str,
    pub help_pane: &'static str,
    pub help_help: &'static str,
    pub help_quit: &'static str,
    pub help_suspend: &'static str,
    pub help_mouse: &'static str,
    pub bar_move: &'static str,
    pub bar_scroll: &'static str,
    pub bar_list: &'static str,
    pub bar_toggle: &'static str,
    pub bar_clear: &'static str,
    pub bar_category: &'static str,
    pub bar_source: &'static str,
    pub bar_scenario: &'static str,
    pub bar_copy: &'static str,
    pub bar_language: &'static str,
    pub bar_clear_filters: &'static str,
    pub bar_search: &'static str,
    pub bar_details: &'static str,
    pub bar_scroll_details: &'static str,
    pub bar_pane: &'static str,
    pub bar_help: &'static str,
    pub bar_quit: &'static str,
    pub bar_dimension: &'static str,
    pub bar_value: &'static str,
    pub bar_unset: &'static str,
    pub bar_clear_all: &'static str,
    pub bar_hide: &'static str,
    pub bar_close: &'static str,
}

/// The interface words in `lang`.
pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &en::WORDS,
        Lang::Sv => &sv::WORDS,
    }
}

/// `template` with each `{name}` replaced by its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}
