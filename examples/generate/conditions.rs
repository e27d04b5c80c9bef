//! Conditions as documents word them: two or three clauses on different scenario dimensions joined
//! by "and" or "or", 100 to 200 characters in English, most with the matching `when`.

use super::Statement;
use super::rng::Rng;
use super::yaml::Text;

/// A clause of a condition, with its structured form (a `when` map in YAML flow style).
struct Clause {
    pub en: &'static str,
    pub sv: &'static str,
    pub when: &'static str,
    /// Clauses on the same dimension are not combined in one sentence.
    pub dimension: &'static str,
}

const fn clause(en: &'static str, sv: &'static str, when: &'static str, dimension: &'static str) -> Clause {
    Clause {
        en,
        sv,
        when,
        dimension,
    }
}

const CLAUSES: &[Clause] = &[
    clause(
        "the administrator has marked the device as corporate-owned",
        "administratören har markerat enheten som företagsägd",
        "{ownership: corporate}",
        "ownership",
    ),
    clause(
        "the device is personally owned",
        "enheten är personligt ägd",
        "{ownership: personal}",
        "ownership",
    ),
    clause(
        "the device is enrolled for management",
        "enheten är registrerad för hantering",
        r#"{enrolled: "yes"}"#,
        "enrolled",
    ),
    clause(
        "the compliant-app feature has been turned on",
        "funktionen för kompatibel app har aktiverats",
        r#"{compliant-app: "on"}"#,
        "compliant-app",
    ),
    clause(
        "the diagnostic data level is set to enhanced or full",
        "nivån för diagnostikdata är inställd på utökad eller fullständig",
        "{telemetry: [enhanced, full]}",
        "telemetry",
    ),
    clause(
        "the tenant is located in the European Union",
        "klientorganisationen finns i Europeiska unionen",
        "{region: eu}",
        "region",
    ),
    clause(
        "the administrator has connected a third-party service",
        "administratören har anslutit en tjänst från tredje part",
        r#"{third-party: "yes"}"#,
        "third-party",
    ),
    clause(
        "the device runs Windows",
        "enheten kör Windows",
        "{platform: windows}",
        "platform",
    ),
    clause(
        "the device runs iOS/iPadOS or macOS",
        "enheten kör iOS/iPadOS eller macOS",
        "{platform: [ios-ipados, macos]}",
        "platform",
    ),
    clause(
        "the user has allowed location services",
        "användaren har tillåtit platstjänster",
        "{location-services: allowed}",
        "location-services",
    ),
    clause(
        "the device is not shared between users",
        "enheten delas inte mellan användare",
        r#"{not: {shared: "yes"}}"#,
        "shared",
    ),
];

/// How a condition sentence starts: `(English, Swedish)`.
const LEADS: &[(&str, &str)] = &[
    ("This data is collected only if", "Dessa data samlas endast in om"),
    (
        "The service records these values only when",
        "Tjänsten registrerar dessa värden endast när",
    ),
    (
        "Values are sent to the service only if",
        "Värdena skickas till tjänsten endast om",
    ),
];

/// Said at the end of a short condition sentence; changes nothing that `when` could express.
const TAIL: (&str, &str) = (
    ", during normal use of the device",
    ", under normal användning av enheten",
);

pub fn treated_as_identified() -> Statement {
    Statement {
        text: Text::new(
            "Om dessa data är kopplade till en enhet eller en användare behandlar tjänsten dem som identifierade data.",
            "If this data is tied to a device or a user, the service treats it as identified data.",
        ),
        when: Some(r#"{linked: "yes"}"#.to_owned()),
        treated_as: Some("identified"),
        inferred: false,
    }
}

/// A condition of two or three clauses joined by "and" or "or", 100 to 200 characters in English,
/// with the matching `when` most of the time.
pub fn long_condition(rng: &mut Rng) -> Statement {
    let lead = rng.pick(LEADS);
    let clauses = distinct_clauses(rng);
    let any = rng.chance(40);
    let candidates = [(2, false), (2, true), (3, false), (3, true)];
    let (count, tail) = candidates
        .into_iter()
        .find(|&(n, tail)| (100..=200).contains(&sentence(lead.0, &clauses[..n], any, tail, false).len()))
        .unwrap_or((2, false));
    let used = &clauses[..count];
    let when = rng.chance(70).then(|| {
        let parts: Vec<&str> = used.iter().map(|c| c.when).collect();
        format!("{{{}: [{}]}}", if any { "any" } else { "all" }, parts.join(", "))
    });
    Statement {
        text: Text::new(
            sentence(lead.1, used, any, tail, true),
            sentence(lead.0, used, any, tail, false),
        ),
        when,
        treated_as: None,
        inferred: rng.chance(20),
    }
}

/// Three clauses on three different dimensions.
fn distinct_clauses(rng: &mut Rng) -> Vec<&'static Clause> {
    let mut chosen: Vec<&'static Clause> = Vec::new();
    while chosen.len() < 3 {
        let c = rng.pick(CLAUSES);
        if chosen.iter().all(|o| o.dimension != c.dimension) {
            chosen.push(c);
        }
    }
    chosen
}

fn sentence(lead: &str, clauses: &[&Clause], any: bool, tail: bool, swedish: bool) -> String {
    let part = |c: &&Clause| if swedish { c.sv } else { c.en };
    let join = match (swedish, any) {
        (false, false) => "and",
        (false, true) => "or",
        (true, false) => "och",
        (true, true) => "eller",
    };
    let (last, rest) = clauses.split_last().map_or(("", &[][..]), |(l, r)| (part(l), r));
    let rest: Vec<&str> = rest.iter().map(part).collect();
    let tail = if !tail {
        ""
    } else if swedish {
        TAIL.1
    } else {
        TAIL.0
    };
    format!("{lead} {} {join} {last}{tail}.", rest.join(", "))
}
