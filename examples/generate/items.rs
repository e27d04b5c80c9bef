//! The bulk of a generated catalog: the headings (`groups`) and their items, with conditions, notes,
//! platforms and links drawn at fixed rates.

use super::conditions::{long_condition, treated_as_identified};
use super::head::SOURCE_IDS;
use super::rng::Rng;
use super::vocab::{FIELDS, Field, NOTES, PRODUCTS, PURPOSES, QUALIFIERS, TOPICS};
use super::yaml::{Text, Yaml};
use super::{CATEGORIES, PLATFORMS, Planned, Statement, statement};

/// Headings of 5 to 40 items until `items` are placed, and now and then 1 to 3 items without a
/// heading; ordered by category, as documents list them.
pub fn plan(rng: &mut Rng, items: usize) -> Vec<Planned> {
    let mut plan = Vec::new();
    let mut left = items;
    while left > 0 {
        let heading = !rng.chance(3);
        let size = if heading {
            rng.between(5, 40)
        } else {
            rng.between(1, 3)
        }
        .min(left);
        left -= size;
        let topic = rng.pick(TOPICS);
        let id = format!("{}-{}", topic.slug, plan.len() + 1);
        let category = match rng.below(100) {
            0..50 => 0,
            50..85 => 1,
            _ => 2,
        };
        let product = *rng.pick(PRODUCTS);
        plan.push(Planned {
            id,
            topic,
            product,
            category,
            size,
            heading,
        });
    }
    plan.sort_by_key(|g| g.category);
    plan
}

pub fn groups(y: &mut Yaml, rng: &mut Rng, plan: &[Planned]) {
    y.line(0, "groups:");
    for g in plan.iter().filter(|g| g.heading) {
        group(y, rng, g);
    }
    y.blank();
}

fn group(y: &mut Yaml, rng: &mut Rng, g: &Planned) {
    let (topic, product) = (g.topic, g.product);
    y.pair(2, "- id", &g.id);
    y.pair(4, "category", CATEGORIES[g.category].0);
    y.text(
        4,
        "name",
        &Text::new(
            format!("{} för {product}", topic.sv),
            format!("{} for {product}", topic.en),
        ),
    );
    if rng.chance(35) {
        let description = Text::new(
            format!(
                "{} för {product}, inklusive data om följande aktiviteter.",
                topic.sv
            ),
            format!(
                "{} for {product}, including data about the following activities.",
                topic.en
            ),
        );
        y.text(4, "description", &description);
    }
    if rng.chance(10) {
        y.line(4, "exhaustive: false");
        y.text(
            4,
            "exhaustive_note",
            &Text::new(format!("{} såsom", topic.sv), format!("{} such as", topic.en)),
        );
    }
    if rng.chance(45) {
        let mut condition = long_condition(rng);
        if g.category == 1 && rng.chance(15) {
            condition = treated_as_identified();
        }
        y.line(4, "conditions:");
        statement(y, 6, "- ", &condition);
    }
    if rng.chance(15) {
        let (en, sv) = rng.pick(PURPOSES);
        y.line(4, "purpose:");
        statement(y, 6, "", &Statement::plain(Text::new(*sv, *en)));
    }
    if rng.chance(10) {
        let (en, sv) = rng.pick(NOTES);
        y.line(4, "notes:");
        y.text_element(6, &Text::new(*sv, *en));
    }
    let count = rng.between(1, 2);
    source_list(y, rng, count);
}

fn source_list(y: &mut Yaml, rng: &mut Rng, count: usize) {
    y.line(4, "sources:");
    let first = rng.below(SOURCE_IDS.len());
    for i in 0..count {
        let id = SOURCE_IDS[(first + i) % SOURCE_IDS.len()];
        if rng.chance(50) {
            y.line(6, &format!("- {{id: {id}, inferred: true}}"));
        } else {
            y.line(6, &format!("- {id}"));
        }
    }
}

pub fn items(y: &mut Yaml, rng: &mut Rng, plan: &[Planned]) {
    y.line(0, "items:");
    let mut ids: Vec<String> = Vec::new();
    for g in plan {
        for _ in 0..g.size {
            item(y, rng, g, &mut ids);
        }
    }
}

fn item(y: &mut Yaml, rng: &mut Rng, g: &Planned, ids: &mut Vec<String>) {
    let field = pick_field(rng, g);
    let id = format!("{}-{}", field.slug, ids.len() + 1);
    y.pair(2, "- id", &id);
    if g.heading {
        y.pair(4, "group", &g.id);
    } else {
        y.pair(4, "category", CATEGORIES[g.category].0);
    }
    y.text(4, "name", &item_name(rng, field, g.product));
    if rng.chance(30) {
        y.text(4, "description", &description(rng, field, g.product));
    }
    if !g.heading || rng.chance(5) {
        source_list(y, rng, 1);
    }
    item_conditions(y, rng);
    if rng.chance(4) {
        let (en, sv) = rng.pick(NOTES);
        y.line(4, "notes:");
        y.text_element(6, &Text::new(*sv, *en));
    }
    if !ids.is_empty() && rng.chance(2) {
        let other = &ids[rng.below(ids.len())];
        y.line(4, &format!("also_listed: [{other}]"));
    }
    ids.push(id);
}

/// Platforms on some items (with the platform's condition when there is one platform), and a long
/// condition on others.
fn item_conditions(y: &mut Yaml, rng: &mut Rng) {
    let mut conditions = Vec::new();
    if rng.chance(15) {
        let first = rng.below(PLATFORMS.len());
        let count = rng.between(1, 2);
        let ids: Vec<&str> = (0..count)
            .map(|i| PLATFORMS[(first + i) % PLATFORMS.len()].0)
            .collect();
        y.line(4, &format!("platforms: [{}]", ids.join(", ")));
        if count == 1 && rng.chance(50) {
            let (id, _, en, sv) = PLATFORMS[first];
            let when = Some(format!("{{platform: {id}}}"));
            conditions.push(Statement {
                text: Text::new(sv, en),
                when,
                treated_as: None,
                inferred: false,
            });
        }
    }
    if rng.chance(10) {
        conditions.push(long_condition(rng));
    }
    if conditions.is_empty() {
        return;
    }
    y.line(4, "conditions:");
    for c in &conditions {
        statement(y, 6, "- ", c);
    }
}

/// Mostly a field of the heading's kind, sometimes any field.
fn pick_field(rng: &mut Rng, g: &Planned) -> &'static Field {
    loop {
        let field = rng.pick(FIELDS);
        if field.kind == g.topic.kind || rng.chance(20) {
            return field;
        }
    }
}

/// A field name and a qualifier, 20 to 60 characters in English.
fn item_name(rng: &mut Rng, field: &Field, product: &str) -> Text {
    for _ in 0..8 {
        let (en, sv) = if rng.chance(30) {
            (format!("in {product}"), format!("i {product}"))
        } else {
            let (en, sv) = rng.pick(QUALIFIERS);
            ((*en).to_owned(), (*sv).to_owned())
        };
        let name = Text::new(
            format!("{} {sv}", capitalised(field.sv)),
            format!("{} {en}", capitalised(field.en)),
        );
        if (20..=60).contains(&name.en.chars().count()) {
            return name;
        }
    }
    Text::new(capitalised(field.sv), capitalised(field.en))
}

fn description(rng: &mut Rng, field: &Field, product: &str) -> Text {
    let (f_en, f_sv) = (field.en, field.sv);
    match rng.below(4) {
        0 => Text::new(
            format!("Värdet för {f_sv} som enheten rapporterar till {product}."),
            format!("The {f_en} as the device reports it to {product}."),
        ),
        1 => Text::new(
            format!("Registreras varje gång {product} checkar in med tjänsten."),
            format!("Recorded each time {product} checks in with the service."),
        ),
        2 => Text::new(
            "Sparas i 30 dagar och tas sedan bort, om inte ett rättsligt krav gäller.",
            "Kept for 30 days and then deleted, unless a legal hold applies.",
        ),
        _ => Text::new(
            format!("Till exempel värdet för {f_sv} som visas i administrationskonsolen för {product}."),
            format!("For example the {f_en} shown in the admin console for {product}."),
        ),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}
