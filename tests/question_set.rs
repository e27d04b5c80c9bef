//! The question set: what support agents type (tests/questions.yaml) and what privcat must answer
//! first. Reports precision at 1 and confident wrong answers, and holds them to their targets.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use privcat::catalog::{Library, load_builtin};
use privcat::search::{Confidence, Query, SearchIndex, Topic, confidence, matches};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Question {
    query: String,
    #[serde(default)]
    items: Vec<String>,
    #[serde(default)]
    none: bool,
    topic: Option<String>,
}

fn questions() -> Vec<Question> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/questions.yaml");
    serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// What privcat gives for a query: the topic it answers, or its first hit and whether it would
/// answer it with confidence.
#[derive(Debug)]
enum Given {
    Topic(Topic),
    First { item: usize, clear: bool },
    Nothing,
}

fn given(library: &Library, index: &SearchIndex, text: &str) -> Given {
    if let Some(i) = library.find(text) {
        return Given::First { item: i, clear: true };
    }
    let query = Query::parse(text);
    if let Some(topic) = query.topic().filter(|_| query.asks_topic_only()) {
        return Given::Topic(topic);
    }
    let hits = matches(index, &query);
    match hits.first() {
        Some(first) => Given::First {
            item: first.item,
            clear: confidence(index, &query, &hits) == Confidence::Clear,
        },
        None => Given::Nothing,
    }
}

/// Whether `item` is one of `ids` or a listing linked with one of them.
fn is_expected(library: &Library, item: usize, ids: &[String]) -> bool {
    let expected: Vec<usize> = ids
        .iter()
        .map(|id| {
            library
                .find(id)
                .unwrap_or_else(|| panic!("questions.yaml names no item `{id}`"))
        })
        .collect();
    expected.contains(&item) || library.linked(item).iter().any(|l| expected.contains(&l.item))
}

#[derive(Default)]
struct Tally {
    asked: usize,
    first_right: usize,
    confident_right: usize,
    confident_wrong: usize,
    wrong: Vec<String>,
}

#[test]
fn the_question_set_is_answered_right_and_never_confidently_wrong() {
    let library = load_builtin().library.unwrap();
    let index = SearchIndex::build(&library);
    let set = questions();
    assert!(set.len() >= 80, "{} questions", set.len());
    let mut tallies: BTreeMap<&str, Tally> = BTreeMap::new();
    for q in &set {
        let got = given(&library, &index, &q.query);
        let (kind, right, confident) = if q.none {
            // Out of the library: right is not answering with confidence, as a topic or an item.
            let confident = matches!(got, Given::Topic(_) | Given::First { clear: true, .. });
            ("not in the documents", !confident, confident)
        } else if let Some(topic) = &q.topic {
            let right = matches!(got, Given::Topic(t) if t.id() == topic);
            let confident = matches!(got, Given::Topic(_) | Given::First { clear: true, .. });
            ("topic", right, confident)
        } else {
            assert!(!q.items.is_empty(), "{}: no expectation", q.query);
            let (right, confident) = match got {
                Given::First { item, clear } => (is_expected(&library, item, &q.items), clear),
                Given::Topic(_) => (false, true),
                Given::Nothing => (false, false),
            };
            ("field", right, confident)
        };
        let tally = tallies.entry(kind).or_default();
        tally.asked += 1;
        if right {
            tally.first_right += 1;
            if confident {
                tally.confident_right += 1;
            }
        } else {
            if confident {
                tally.confident_wrong += 1;
            }
            let shown = match got {
                Given::First { item, clear } => {
                    format!(
                        "{} ({})",
                        library.items[item].id,
                        if clear { "confident" } else { "unsure" }
                    )
                }
                Given::Topic(t) => format!("topic {}", t.id()),
                Given::Nothing => "nothing".to_owned(),
            };
            tally.wrong.push(format!("{:?} → {shown}", q.query));
        }
    }
    let all = tallies.values().fold(Tally::default(), |mut sum, t| {
        sum.asked += t.asked;
        sum.first_right += t.first_right;
        sum.confident_wrong += t.confident_wrong;
        sum.confident_right += t.confident_right;
        sum
    });
    let mut report = format!(
        "Question set: {} queries; right first {} ({:.1} %); answered with confidence {}, \
         confident wrong answers {}\n",
        all.asked,
        all.first_right,
        percent(all.first_right, all.asked),
        all.confident_right,
        all.confident_wrong
    );
    for (kind, t) in &tallies {
        let _ = writeln!(
            report,
            "  {kind}: {} of {} right first ({:.1} %), {} answered with confidence, {} confident wrong",
            t.first_right,
            t.asked,
            percent(t.first_right, t.asked),
            t.confident_right,
            t.confident_wrong
        );
        for w in &t.wrong {
            let _ = writeln!(report, "    {w}");
        }
    }
    println!("{report}");
    assert!(
        percent(all.first_right, all.asked) >= 90.0,
        "precision at 1 under 90 %:\n{report}"
    );
    let outside = &tallies["not in the documents"];
    assert_eq!(outside.confident_wrong, 0, "{report}");
    assert!(outside.asked >= 15, "{report}");
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        return 0.0;
    }
    #[allow(clippy::cast_precision_loss)]
    let p = part as f64 * 100.0 / whole as f64;
    p
}
