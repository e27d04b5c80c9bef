//! The fixed part of a generated catalog, before its headings and items: the header with the
//! document's sections and statements, platforms, scenario dimensions, sources and categories.

use super::vocab::DIMENSIONS;
use super::yaml::{Text, Yaml};
use super::{CATEGORIES, PLATFORMS, Statement, statement};

const PUBLISHERS: [&str; 4] = ["Contoso", "Fabrikam", "Northwind Traders", "Tailspin Toys"];

pub fn header(y: &mut Yaml, number: usize, width: usize) {
    let publisher = PUBLISHERS[(number - 1) % PUBLISHERS.len()];
    y.line(0, "catalog:");
    y.pair(2, "id", &format!("generated-{number:0width$}"));
    y.text(
        2,
        "title",
        &Text::new(
            format!("Genererad katalog {number}"),
            format!("Generated catalog {number}"),
        ),
    );
    y.pair(2, "product", &format!("{publisher} Endpoint Manager {number}"));
    y.pair(2, "publisher", publisher);
    y.line(2, "languages: [sv, en]");
    y.line(2, "document:");
    y.pair(
        4,
        "title",
        &format!("Datainsamling i {publisher} Endpoint Manager"),
    );
    y.pair(
        4,
        "url",
        &format!("https://example.com/privacy/generated-{number:0width$}"),
    );
    y.pair(4, "locale", "sv-SE");
    y.pair(4, "date", "2024-05-18");
    y.pair(4, "retrieved", "2025-01-10");
    y.line(4, "sections:");
    y.pair(6, "- id", "data-collection");
    y.text(8, "title", &Text::new("Datainsamling", "Data collection"));
    for (_, en, sv, section) in CATEGORIES {
        y.pair(6, "- id", section);
        y.text(8, "title", &Text::new(sv, en));
    }
    y.line(2, "statements:");
    let statements = [
        (
            "När användare registrerar sina enheter samlar tjänsten in och delar vissa personliga data.",
            "When users enroll their devices, the service collects and shares some personal data.",
        ),
        (
            "Vi säljer inte några data som samlas in av vår tjänst till någon tredje part.",
            "We do not sell any data collected by our service to any third party.",
        ),
    ];
    for (sv, en) in statements {
        statement(y, 4, "- ", &Statement::plain(Text::new(sv, en)));
    }
    y.blank();
}

pub fn platforms(y: &mut Yaml) {
    y.line(0, "platforms:");
    for (id, name, _, _) in PLATFORMS {
        y.pair(2, "- id", id);
        y.pair(4, "name", name);
    }
    y.blank();
}

pub fn dimensions(y: &mut Yaml) {
    y.line(0, "dimensions:");
    for d in DIMENSIONS {
        y.pair(2, "- id", d.id);
        y.text(4, "name", &Text::new(d.sv, d.en));
        y.line(4, "values:");
        for (id, en, sv) in d.values {
            y.pair(6, "- id", id);
            y.text(8, "name", &Text::new(*sv, *en));
        }
    }
    y.blank();
}

/// `(id, English name, Swedish name, English condition, Swedish condition, when)`.
const SOURCES: [(&str, &str, &str, &str, &str, &str); 6] = [
    (
        "end-user-devices",
        "End-user devices",
        "Slutanvändarenheter",
        "when they are enrolled for management and during use",
        "när de registreras för hantering och under användning",
        r#"{enrolled: "yes"}"#,
    ),
    (
        "admin-portal",
        "The administrator's use of the admin portal",
        "Administratörens användning av administrationsportalen",
        "",
        "",
        "",
    ),
    (
        "third-party-accounts",
        "Customer accounts on third-party services",
        "Kundkonton på tjänster från tredje part",
        "as directed by the administrator",
        "enligt administratörens anvisningar",
        r#"{third-party: "yes"}"#,
    ),
    (
        "diagnostics",
        "Diagnostic, performance and usage information",
        "Information om diagnostik, prestanda och användning",
        "when the diagnostic data level allows it",
        "när nivån för diagnostikdata tillåter det",
        "{telemetry: [enhanced, full]}",
    ),
    (
        "support-cases",
        "Support cases opened by the customer",
        "Supportärenden som kunden öppnar",
        "when the customer contacts support",
        "när kunden kontaktar supporten",
        "",
    ),
    (
        "network-gateway",
        "The network gateway",
        "Nätverksgatewayen",
        "for traffic routed through the gateway",
        "för trafik som går via gatewayen",
        "{not: {region: other}}",
    ),
];

pub const SOURCE_IDS: [&str; 6] = [
    SOURCES[0].0,
    SOURCES[1].0,
    SOURCES[2].0,
    SOURCES[3].0,
    SOURCES[4].0,
    SOURCES[5].0,
];

pub fn sources(y: &mut Yaml) {
    y.line(0, "sources:");
    for (id, en, sv, condition_en, condition_sv, when) in SOURCES {
        y.pair(2, "- id", id);
        y.text(4, "name", &Text::new(sv, en));
        if !condition_en.is_empty() {
            y.line(4, "condition:");
            let when = (!when.is_empty()).then(|| when.to_owned());
            let s = Statement {
                text: Text::new(condition_sv, condition_en),
                when,
                treated_as: None,
                inferred: false,
            };
            statement(y, 6, "", &s);
        }
        y.pair(4, "section", "data-collection");
    }
    y.blank();
}

/// `(English purpose, Swedish purpose)` of each category, in the order of [`CATEGORIES`].
const CATEGORY_PURPOSES: [(&str, &str); 3] = [
    (
        "Identified data is used to manage a user's device and applications and to provide the service.",
        "Identifierade data används för att hantera en användares enhet och program och för att tillhandahålla tjänsten.",
    ),
    (
        "Used to provide enterprise services to users.",
        "Används för att tillhandahålla företagstjänster till användare.",
    ),
    (
        "Aggregated data is used to provide and improve the service.",
        "Aggregerade data används för att tillhandahålla och förbättra tjänsten.",
    ),
];

pub fn categories(y: &mut Yaml) {
    y.line(0, "categories:");
    for ((id, en, sv, section), (purpose_en, purpose_sv)) in CATEGORIES.into_iter().zip(CATEGORY_PURPOSES) {
        y.pair(2, "- id", id);
        y.text(4, "name", &Text::new(sv, en));
        y.line(4, "purpose:");
        statement(y, 6, "", &Statement::plain(Text::new(purpose_sv, purpose_en)));
        let exhaustive = id == "aggregated";
        y.line(4, &format!("exhaustive: {exhaustive}"));
        if !exhaustive {
            let note = Text::new(
                format!("{sv} som samlas in av tjänsten kan inkludera, men är inte begränsade till:"),
                format!("{en} collected by the service may include, but is not limited to:"),
            );
            y.text(4, "exhaustive_note", &note);
        }
        y.pair(4, "section", section);
    }
    y.blank();
}
