//! Words as search sees them: split and folded, stop words of a question dropped, inflections
//! reduced to their Snowball stems (Swedish and English), and how closely a query word meets a text's.

use std::collections::HashSet;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

use super::index::fold;

/// How a query word meets a word of a text, weakest first; `None` where it does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Meet {
    /// One or two letters apart (a typo), or their stems are.
    Typo,
    /// Inside the word, as part of a compound: `nummer` in `serienummer`.
    Inside,
    /// The start of the word, as while typing: `ser` of `serial`.
    Prefix,
    /// The same word, or the same stem: `lösenordet` and `lösenord`, `apps` and `app`.
    Whole,
}

/// Words that carry no subject of their own in a support question, in either language: the
/// question's frame ("can my employer see …", "samlar Intune in …") around what it asks about.
#[rustfmt::skip]
const STOP_WORDS: &[&str] = &[
    // Swedish
    "och", "att", "det", "den", "de", "som", "en", "ett", "i", "på", "är", "av", "för", "med",
    "till", "har", "inte", "om", "kan", "min", "mitt", "mina", "mig", "jag", "du", "dig", "din",
    "ditt", "dina", "ni", "er", "era", "vi", "vår", "vårt", "våra", "oss", "han", "hon", "dem",
    "sin", "sitt", "sina", "se", "ser", "vad", "vilka", "vilken", "vilket", "hur", "när", "var",
    "varför", "får", "ska", "skall", "måste", "någon", "något", "några", "alla", "allt", "man",
    "eller", "så", "också", "bara", "nu", "arbetsgivare", "arbetsgivaren", "arbetsgivarens",
    "företag", "företaget", "företagets", "organisation", "organisationen", "organisationens",
    "chef", "chefen", "it-avdelningen", "intune", "microsoft", "samlar", "samla", "samlas",
    "insamlas", "insamling", "insamlingen", "insamlade", "in", "data", "uppgifter", "information",
    "personlig", "personliga", "personuppgifter", "komma", "åt", "titta", "tittar", "läsa", "läser",
    "veta", "vet", "ja", "nej", "hej", "hela", "finns", "slutat", "slutar", "sluta", "ansluten",
    "använder", "avdelningen", "itavdelningen", "it", "mycket", "jobbet", "jobb", "privat",
    "privata", "stänga", "stänger", "stäng", "händer", "hända", "av", "slå", "inaktivera", "stoppa",
    // English
    "a", "an", "the", "is", "are", "was", "were", "be", "been", "do", "does", "did", "can", "could",
    "may", "might", "will", "would", "should", "shall", "must", "my", "me", "i", "you", "your",
    "yours", "we", "our", "us", "they", "their", "them", "he", "she", "his", "her", "it", "its",
    "of", "to", "on", "at", "for", "with", "about", "what", "which", "who", "whom", "how", "when",
    "where", "why", "see", "sees", "seen", "employer", "employers", "company", "organization",
    "organisation", "boss", "it's", "collect", "collects", "collected", "collecting", "collection",
    "gather", "gathers", "store", "data", "information", "info", "personal", "get", "gets", "has",
    "have", "any", "all", "this", "that", "there", "by", "from", "or", "and", "if", "not", "no",
    "yes", "access", "view", "look", "know", "knows", "read", "track", "tracks", "please", "hi",
    "hello", "so", "also", "just", "too", "into", "as", "full", "whole", "entire", "use", "uses",
    "connected", "department", "quit", "left", "leave", "turn", "off", "stop", "disable", "much",
    "work", "private", "happens", "happen",
];

static STOP_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| STOP_WORDS.iter().copied().collect());

/// Whether `word` is a stop word of a question.
pub fn is_stop(word: &str) -> bool {
    STOP_SET.contains(word)
}

/// Words that often only say where the data is ("on my phone"), so an item need not meet them,
/// though those that do rank higher; they are required only when a query has no other word.
#[rustfmt::skip]
const SOFT_WORDS: &[&str] = &[
    "device", "devices", "phone", "phones", "mobile", "computer", "laptop", "iphone", "ipad",
    "android", "windows", "mac", "macos", "ios", "enhet", "enheten", "enheter", "telefon",
    "telefonen", "mobil", "mobilen", "dator", "datorn", "surfplatta",
];

/// Whether an item may lack `word` and still match (see [`SOFT_WORDS`]).
pub fn is_soft(word: &str) -> bool {
    SOFT_WORDS.contains(&word)
}

/// The folded words of `text`, split at every char that is neither a letter nor a digit, with a
/// hyphenated or dotted word also given joined (`wi-fi` → `wi`, `fi`, `wifi`).
#[cfg(test)]
fn split(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, |w| out.push(w.to_owned()));
    out
}

/// Calls `f` with each folded word of `text`, split at every char that is neither a letter nor a
/// digit, a hyphenated or dotted word also given joined (`wi-fi` → `wi`, `fi`, `wifi`).
pub fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    let mut part = String::new();
    let mut joined = String::new();
    let mut parts = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let lower = super::index::fold_char(c);
        if lower.is_alphanumeric() {
            part.push(lower);
            joined.push(lower);
        } else if !part.is_empty() {
            f(&part);
            part.clear();
            parts += 1;
        }
        let chunk_ends = c.is_whitespace() || chars.peek().is_none();
        if chunk_ends {
            if !part.is_empty() {
                f(&part);
                part.clear();
                parts += 1;
            }
            if parts > 1 {
                f(&joined);
            }
            joined.clear();
            parts = 0;
        }
    }
}

/// The words of `text` with char offsets in `text` (start, end) for highlighting.
pub fn spans(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut start = None;
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().chain(std::iter::once(&' ')).enumerate() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i, fold(&chars[s..i].iter().collect::<String>())));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// What a question asks about when it names no field: how long data is kept, how it is deleted,
/// who it is shared with, where it is stored, how to get a copy or correct it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    Retention,
    Deletion,
    Sharing,
    Storage,
    Export,
    Correction,
    /// What the organization can and cannot see.
    Visibility,
}

impl Topic {
    /// The topic as a word, such as `retention`.
    pub fn id(self) -> &'static str {
        match self {
            Topic::Retention => "retention",
            Topic::Deletion => "deletion",
            Topic::Sharing => "sharing",
            Topic::Storage => "storage",
            Topic::Export => "export",
            Topic::Correction => "correction",
            Topic::Visibility => "visibility",
        }
    }
}

/// The words that name each topic, in both languages.
#[rustfmt::skip]
const TOPICS: &[(Topic, &[&str])] = &[
    (Topic::Retention, &[
        "retention", "retained", "retain", "keep", "kept", "keeps", "long", "länge", "sparas",
        "spara", "sparar", "sparade", "behålls", "behåller", "lagringstid", "gallras", "kvar",
        "leave", "leaves", "left", "quit", "slutar", "slutat", "lämnar", "lämnat",
    ]),
    (Topic::Deletion, &[
        "delete", "deleted", "deletes", "deleting", "deletion", "erase", "erased", "radera",
        "raderas", "raderar", "raderade", "radering", "bort", "glömd", "forgotten", "forget",
        "wipe", "wiped", "reset", "factory", "fabriksåterställning", "fabriksåterställa",
        "återställning", "rensa", "rensas",
    ]),
    (Topic::Sharing, &[
        "share", "shared", "shares", "sharing", "third", "parties", "party", "dela", "delas",
        "delar", "delade", "delning", "tredje", "part", "parter", "mottagare", "recipients", "sell",
        "sold", "säljs", "säljer", "sälja", "såld", "sålda", "sells", "selling", "lämnas", "ut", "vidare",
    ]),
    (Topic::Storage, &[
        "stored", "storage", "region", "datacenter", "datacenters", "lagras", "lagrar", "lagrade",
        "förvaras", "lagring",
    ]),
    (Topic::Export, &[
        "export", "exportera", "exporteras", "copy", "kopia", "registerutdrag", "utdrag",
    ]),
    (Topic::Correction, &[
        "correct", "corrected", "rectify", "rätta", "rättas", "korrigera", "korrigeras",
    ]),
    (Topic::Visibility, &[
        "see", "sees", "seen", "se", "ser", "visible", "synlig", "synliga", "synligt", "view",
    ]),
];

fn topic_of(word: &str) -> Option<Topic> {
    TOPICS
        .iter()
        .find(|(_, words)| words.contains(&word))
        .map(|&(topic, _)| topic)
}

/// A query read as a question: the words it searches for, the topic it names, and whether it names
/// anything besides its frame and topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// The words to search for: those naming a field, or, where there are none, every word.
    pub words: Vec<String>,
    pub topic: Option<Topic>,
    /// Whether `words` name a field (rather than being every word of a query that names none).
    pub names_field: bool,
}

/// Ways of asking made only of stop words, and the word they ask about.
const PHRASES: &[(&str, &str)] = &[
    ("var jag är", "plats"),
    ("var jag befinner mig", "plats"),
    ("vart jag går", "plats"),
    ("where i am", "location"),
    ("where i go", "location"),
];

/// The folded words of a query: a hyphenated word counts once, joined (`e-post` → `epost`), as
/// the texts searched have it among their words; a way of asking in [`PHRASES`] is its word.
fn query_split(text: &str) -> Vec<String> {
    let words: Vec<String> = fold(text)
        .split_whitespace()
        .map(|chunk| chunk.chars().filter(|c| c.is_alphanumeric()).collect::<String>())
        .filter(|w| !w.is_empty())
        .collect();
    let mut joined = format!(" {} ", words.join(" "));
    for (phrase, word) in PHRASES {
        joined = joined.replace(&format!(" {phrase} "), &format!(" {word} "));
    }
    joined.split_whitespace().map(str::to_owned).collect()
}

/// Reads `text` as a question: stop words and topic words are its frame, the rest what it asks
/// about (a query of `what` still searches for `what`).
pub fn question(text: &str) -> Question {
    let all = query_split(text);
    let topic = all.iter().find_map(|w| topic_of(w));
    let kept: Vec<String> = all
        .iter()
        .filter(|w| !is_stop(w) && topic_of(w).is_none())
        .cloned()
        .collect();
    let names_field = !kept.is_empty();
    Question {
        words: if names_field { kept } else { all },
        topic,
        names_field,
    }
}

/// The words a query searches for (see [`question`]).
#[cfg(test)]
fn query_words(text: &str) -> Vec<String> {
    question(text).words
}

static SWEDISH: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::Swedish));
static ENGLISH: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// A folded word and its Swedish and English stems.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Word {
    pub text: String,
    /// Its length in chars.
    pub len: usize,
    pub sv: String,
    pub en: String,
}

impl Word {
    pub fn new(text: &str) -> Word {
        Word {
            text: text.to_owned(),
            len: text.chars().count(),
            sv: SWEDISH.stem(text).into_owned(),
            en: ENGLISH.stem(text).into_owned(),
        }
    }

    /// How this query word meets `other`, a word of a text.
    pub fn meets(&self, other: &Word) -> Option<Meet> {
        let q = &self.text;
        let t = &other.text;
        if q == t
            || (self.len >= 3 && (self.sv == other.sv || self.en == other.en))
            || inflected(q, t)
            || inflected(t, q)
            || contracted(q, t)
        {
            return Some(Meet::Whole);
        }
        if t.starts_with(q.as_str()) {
            return Some(Meet::Prefix);
        }
        let len = self.len;
        // A compound either way: `nummer` in `serienummer`, `kreditkort` in `kreditkortsnummer`.
        let part_of_query = other.len >= 5 && (q.starts_with(t.as_str()) || q.ends_with(t.as_str()));
        if (len >= 4 && t.contains(q.as_str())) || part_of_query {
            return Some(Meet::Inside);
        }
        if len >= 4 && typo(&self.sv, &other.sv) || typo(q, t) {
            return Some(Meet::Typo);
        }
        None
    }
}

/// Endings of Swedish and English inflection that the Snowball stemmers leave on: the definite
/// `lösenordet`, `bilderna`, the genitive `enhetens`, the plural `appar`.
#[rustfmt::skip]
const ENDINGS: &[&str] = &[
    "erna", "arna", "orna", "ernas", "arnas", "ornas", "ets", "ens", "et", "en", "na", "ar", "er",
    "or", "es", "s", "n", "t",
];

/// Whether `long` is `base` with an inflection ending: a one-letter ending after four letters or
/// more (so that `nam` is still the start of `namn`), a longer one after three.
fn inflected(long: &str, base: &str) -> bool {
    let len = base.chars().count();
    long.strip_prefix(base)
        .is_some_and(|ending| ENDINGS.contains(&ending) && len >= if ending.len() == 1 { 4 } else { 3 })
}

/// Whether `long` is a Swedish word in `-er` or `-el` inflected with its vowel dropped (and a
/// doubled consonant before it made single): `numret` of `nummer`, `nycklar` of `nyckel`.
fn contracted(long: &str, base: &str) -> bool {
    let Some(root) = base.strip_suffix("er").or_else(|| base.strip_suffix("el")) else {
        return false;
    };
    let Some(last) = base.chars().last() else {
        return false;
    };
    if root.chars().count() < 3 {
        return false;
    }
    let mut roots = vec![root.to_owned()];
    let mut chars: Vec<char> = root.chars().collect();
    if chars.len() >= 2 && chars[chars.len() - 1] == chars[chars.len() - 2] {
        chars.pop();
        roots.push(chars.into_iter().collect());
    }
    roots.iter().any(|r| {
        long.strip_prefix(r.as_str())
            .and_then(|rest| rest.strip_prefix(last))
            .is_some_and(|ending| ENDINGS.contains(&ending))
    })
}

/// Whether two words of four letters or more are one letter apart (two, from eight letters), a
/// swap of neighbours counting as one; digits and short words must match exactly.
fn typo(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la < 4 || lb < 4 || la.abs_diff(lb) > 2 || a.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let allowed = if la.min(lb) >= 8 { 2 } else { 1 };
    strsim::osa_distance(a, b) <= allowed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meet(q: &str, t: &str) -> Option<Meet> {
        Word::new(q).meets(&Word::new(t))
    }

    #[test]
    fn inflected_forms_meet_their_base_form() {
        assert_eq!(meet("lösenordet", "lösenord"), Some(Meet::Whole));
        assert_eq!(meet("appar", "app"), Some(Meet::Whole));
        assert_eq!(meet("applications", "application"), Some(Meet::Whole));
        assert_eq!(meet("bilderna", "bilder"), Some(Meet::Whole));
        assert_eq!(meet("kontakterna", "kontakter"), Some(Meet::Whole));
        assert_eq!(meet("serienumret", "serienummer"), Some(Meet::Whole));
        assert_eq!(meet("telefonnumret", "telefonnummer"), Some(Meet::Whole));
        assert_eq!(meet("nycklar", "nyckel"), Some(Meet::Whole));
    }

    #[test]
    fn typing_compounds_and_typos() {
        assert_eq!(meet("ser", "serial"), Some(Meet::Prefix));
        assert_eq!(meet("nummer", "serienummer"), Some(Meet::Inside));
        assert_eq!(meet("kreditkortsnummer", "kreditkort"), Some(Meet::Inside));
        assert_eq!(meet("mac", "macaddress"), Some(Meet::Prefix));
        assert_eq!(meet("imie", "imei"), Some(Meet::Typo));
        assert_eq!(meet("serail", "serial"), Some(Meet::Typo));
        assert_eq!(meet("ime", "imei"), Some(Meet::Prefix));
        assert_eq!(meet("sms", "smart"), None);
        assert_eq!(meet("lön", "lösenord"), None);
        assert_eq!(meet("ip", "ipv4"), Some(Meet::Prefix));
        assert_eq!(meet("v4", "v6"), None);
    }

    #[test]
    fn questions_lose_their_frame() {
        assert_eq!(query_words("kan min arbetsgivare se mina bilder"), ["bilder"]);
        assert_eq!(query_words("Does Intune collect my IMEI?"), ["imei"]);
        assert_eq!(query_words("what"), ["what"]);
        assert_eq!(query_words("kan min chef se var jag är?"), ["plats"]);
        let q = question("hur länge sparas mina data?");
        assert_eq!((q.topic, q.names_field), (Some(Topic::Retention), false));
        let q = question("how long do you keep my IMEI");
        assert_eq!(
            (q.topic, q.names_field, q.words),
            (Some(Topic::Retention), true, vec!["imei".to_owned()])
        );
        assert_eq!(split("Wi-Fi MAC"), ["wi", "fi", "wifi", "mac"]);
    }
}
