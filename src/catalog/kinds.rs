//! The vocabulary of facts: every kind of statement a catalog makes about personal data, and the
//! keys a kind takes beyond its text. A new kind is one variant and one row of [`FactKind::spec`]; a
//! new key one variant and one row of [`Key::spec`]; their words live in `i18n`.

use std::fmt;

/// What a fact says about the data it stands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum FactKind {
    /// The document lists it as collected.
    Collected,
    /// When it is collected; a condition with `when` decides scenarios.
    Condition,
    /// Why it is collected.
    Purpose,
    /// The document says it is never collected.
    NeverCollected,
    /// The document says the organisation can never see it.
    NeverVisible,
    /// The organisation can see it: always, or only sometimes.
    Visible,
    /// It is sent to a party.
    SharedWith,
    /// It is received from a party.
    ReceivedFrom,
    /// How long it is kept.
    Retention,
    /// Where it is kept.
    Storage,
    /// A right or procedure: view, correct, export, delete, restrict, opt out.
    Right,
    /// How the data is protected: certified processing, minimisation, breach notification.
    Security,
    /// Anything else the document states about the data or the catalog as a whole.
    Statement,
}

/// The keys a kind of fact requires and allows, besides the ones every fact has.
#[derive(Debug, Clone, Copy)]
pub struct KindSpec {
    /// The kind as a catalog writes it.
    pub id: &'static str,
    pub required: &'static [Key],
    pub optional: &'static [Key],
    /// Whether it holds only where it is stated (the conditions and purposes of one listing), rather
    /// than for the field wherever it is listed: only the others are shown on linked listings.
    pub local: bool,
}

impl FactKind {
    /// Every kind, in the order the detail pane and the exports show them.
    pub const ALL: [FactKind; 13] = [
        FactKind::Collected,
        FactKind::Condition,
        FactKind::Purpose,
        FactKind::NeverCollected,
        FactKind::NeverVisible,
        FactKind::Visible,
        FactKind::SharedWith,
        FactKind::ReceivedFrom,
        FactKind::Retention,
        FactKind::Storage,
        FactKind::Right,
        FactKind::Security,
        FactKind::Statement,
    ];

    pub const fn spec(self) -> KindSpec {
        const PARTY_KEYS: &[Key] = &[Key::Service, Key::Message, Key::Field];
        let (id, required, optional): (&str, &[Key], &[Key]) = match self {
            FactKind::Collected => ("collected", &[], &[]),
            FactKind::Condition => ("condition", &[], &[]),
            FactKind::Purpose => ("purpose", &[], &[]),
            FactKind::NeverCollected => ("never-collected", &[], &[]),
            FactKind::NeverVisible => ("never-visible", &[], &[]),
            FactKind::Visible => ("visible", &[Key::Visibility], &[]),
            FactKind::SharedWith => ("shared-with", &[Key::Party], PARTY_KEYS),
            FactKind::ReceivedFrom => ("received-from", &[Key::Party], PARTY_KEYS),
            FactKind::Retention => ("retention", &[], &[Key::Duration, Key::AtMost, Key::Starts]),
            FactKind::Storage => ("storage", &[], &[Key::Location, Key::RegionChosenBy]),
            FactKind::Right => ("right", &[Key::Action], &[Key::Actor]),
            FactKind::Security => ("security", &[], &[]),
            FactKind::Statement => ("statement", &[], &[Key::Column]),
        };
        KindSpec {
            id,
            required,
            optional,
            local: matches!(self, FactKind::Condition | FactKind::Purpose),
        }
    }

    pub fn id(self) -> &'static str {
        self.spec().id
    }

    pub fn from_id(id: &str) -> Option<FactKind> {
        FactKind::ALL.into_iter().find(|k| k.id() == id)
    }

    /// Whether `key` may be given on a fact of this kind.
    pub fn allows(self, key: Key) -> bool {
        let spec = self.spec();
        spec.required.contains(&key) || spec.optional.contains(&key)
    }
}

impl fmt::Display for FactKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// A key some kinds of fact take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Key {
    /// Who the data is sent to or received from.
    Party,
    /// The party's service, such as APNs or Android Enterprise.
    Service,
    /// The message it travels in, where the document names one.
    Message,
    /// The field's name as the document's table writes it.
    Field,
    /// Always or only sometimes visible.
    Visibility,
    /// How long, such as `30 days`.
    Duration,
    /// Whether the duration is an upper bound ("at most", "up to").
    AtMost,
    /// When the duration starts, as the document words it.
    Starts,
    /// Where the data is kept.
    Location,
    /// Who chooses the region it is kept in.
    RegionChosenBy,
    /// What the right or procedure does.
    Action,
    /// Who can exercise it.
    Actor,
    /// The heading of the table column the text stands in.
    Column,
}

/// What a key's value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueType {
    /// A text, per language or plain.
    Text,
    /// The id of a declared party.
    Party,
    /// The id of a declared data subject.
    Subject,
    /// One of a fixed set of words.
    Choice(ChoiceSet),
    /// An amount and a unit: `30 days`, `1 year`.
    Duration,
    /// `true` or `false`.
    Flag,
}

impl Key {
    pub const ALL: [Key; 13] = [
        Key::Party,
        Key::Service,
        Key::Message,
        Key::Field,
        Key::Visibility,
        Key::Duration,
        Key::AtMost,
        Key::Starts,
        Key::Location,
        Key::RegionChosenBy,
        Key::Action,
        Key::Actor,
        Key::Column,
    ];

    /// The key as a catalog writes it, and its value's type.
    pub const fn spec(self) -> (&'static str, ValueType) {
        match self {
            Key::Party => ("party", ValueType::Party),
            Key::Service => ("service", ValueType::Text),
            Key::Message => ("message", ValueType::Text),
            Key::Field => ("field", ValueType::Text),
            Key::Visibility => ("visibility", ValueType::Choice(ChoiceSet::Visibility)),
            Key::Duration => ("duration", ValueType::Duration),
            Key::AtMost => ("at_most", ValueType::Flag),
            Key::Starts => ("starts", ValueType::Text),
            Key::Location => ("location", ValueType::Text),
            Key::RegionChosenBy => ("region_chosen_by", ValueType::Subject),
            Key::Action => ("action", ValueType::Choice(ChoiceSet::Action)),
            Key::Actor => ("actor", ValueType::Subject),
            Key::Column => ("column", ValueType::Text),
        }
    }

    pub fn id(self) -> &'static str {
        self.spec().0
    }

    pub fn value_type(self) -> ValueType {
        self.spec().1
    }

    pub fn from_id(id: &str) -> Option<Key> {
        Key::ALL.into_iter().find(|k| k.id() == id)
    }
}

/// The sets of words a choice key takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChoiceSet {
    Visibility,
    Action,
}

/// One word of a choice key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Choice {
    /// The organisation can always see it.
    Always,
    /// The organisation can see it only in some cases.
    Sometimes,
    View,
    Correct,
    Export,
    Delete,
    Restrict,
    OptOut,
}

impl ChoiceSet {
    pub const fn choices(self) -> &'static [Choice] {
        match self {
            ChoiceSet::Visibility => &[Choice::Always, Choice::Sometimes],
            ChoiceSet::Action => &[
                Choice::View,
                Choice::Correct,
                Choice::Export,
                Choice::Delete,
                Choice::Restrict,
                Choice::OptOut,
            ],
        }
    }

    pub fn parse(self, id: &str) -> Option<Choice> {
        self.choices().iter().copied().find(|c| c.id() == id)
    }

    pub fn ids(self) -> Vec<&'static str> {
        self.choices().iter().map(|c| c.id()).collect()
    }
}

impl Choice {
    pub const fn id(self) -> &'static str {
        match self {
            Choice::Always => "always",
            Choice::Sometimes => "sometimes",
            Choice::View => "view",
            Choice::Correct => "correct",
            Choice::Export => "export",
            Choice::Delete => "delete",
            Choice::Restrict => "restrict",
            Choice::OptOut => "opt-out",
        }
    }
}

/// A length of time as a catalog gives it: `30 days`, `1 year`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Duration {
    pub amount: u32,
    pub unit: Unit,
}

/// The unit of a [`Duration`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
}

impl Unit {
    const ALL: [Unit; 4] = [Unit::Day, Unit::Week, Unit::Month, Unit::Year];

    /// The unit's name in the catalog format, singular and plural.
    pub const fn names(self) -> (&'static str, &'static str) {
        match self {
            Unit::Day => ("day", "days"),
            Unit::Week => ("week", "weeks"),
            Unit::Month => ("month", "months"),
            Unit::Year => ("year", "years"),
        }
    }

    /// The ISO 8601 designator.
    pub const fn iso(self) -> char {
        match self {
            Unit::Day => 'D',
            Unit::Week => 'W',
            Unit::Month => 'M',
            Unit::Year => 'Y',
        }
    }
}

impl Duration {
    /// Parses `30 days`, `1 year`, `6 months`; `None` for anything else.
    pub fn parse(text: &str) -> Option<Duration> {
        let (amount, unit) = text.trim().split_once(' ')?;
        let amount: u32 = amount.parse().ok()?;
        let unit = unit.trim();
        let unit = Unit::ALL.into_iter().find(|u| {
            let (one, many) = u.names();
            unit == one || unit == many
        })?;
        Some(Duration { amount, unit })
    }

    /// ISO 8601: `P30D`, `P1Y`.
    pub fn iso(self) -> String {
        format!("P{}{}", self.amount, self.unit.iso())
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (one, many) = self.unit.names();
        write!(f, "{} {}", self.amount, if self.amount == 1 { one } else { many })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_and_key_has_a_distinct_id_that_reads_back() {
        for kind in FactKind::ALL {
            assert_eq!(FactKind::from_id(kind.id()), Some(kind));
        }
        for key in Key::ALL {
            assert_eq!(Key::from_id(key.id()), Some(key));
        }
    }

    #[test]
    fn durations_parse_in_words() {
        assert_eq!(
            Duration::parse("30 days"),
            Some(Duration {
                amount: 30,
                unit: Unit::Day
            })
        );
        assert_eq!(
            Duration::parse("1 year").map(Duration::iso).as_deref(),
            Some("P1Y")
        );
        assert_eq!(
            Duration::parse("180 days").map(|d| d.to_string()).as_deref(),
            Some("180 days")
        );
        for bad in ["", "30", "days", "thirty days", "30 fortnights", "-1 day"] {
            assert_eq!(Duration::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn shared_and_received_facts_need_their_party() {
        assert!(FactKind::SharedWith.spec().required.contains(&Key::Party));
        assert!(FactKind::ReceivedFrom.allows(Key::Message));
        assert!(!FactKind::Purpose.allows(Key::Party));
    }
}
