//! Decoding and validation of a dossier or cohort from JSON (spec §9–§10): every problem is
//! collected with its field path and nothing partial is returned.

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::dossier::{
    Assumptions, Cohort, Dossier, Factors, NegativeRecord, Pledge, PositiveClaim, VoteCounts, Votes,
};
use super::error::{FieldErrors, Problem};
use super::ids::{Area, Grade, PoliticalQuality, RaterGroup, Tier, UnitKind, VoteCategory};
use super::json::{field_path, Reader};
use super::mark::{RulesMark, MARK_FIELDS};
use super::rules::RuleSet;

// The limits, shared with the fast path (`fast.rs`).
pub(crate) const MAX_NAME: usize = 100;
pub(crate) const MAX_TEXT: usize = 500;
pub(crate) const MAX_HISTORY: usize = 50;
pub(crate) const MAX_COHORT: usize = 1_000_000;
pub(crate) const MIN_YEAR: f64 = 1949.0;
pub(crate) const MAX_YEAR: f64 = 2100.0;

const DOSSIER_FIELDS: &[&str] = &[
    "rules",
    "name",
    "post",
    "unit_kind",
    "year",
    "unit_score",
    "pledges",
    "votes",
    "political_quality",
    "positive",
    "negative",
    "history",
    "assumptions",
];

pub(crate) fn decode(value: &Value, rules: &RuleSet) -> Result<Dossier, FieldErrors> {
    let mut r = Reader::default();
    let dossier = read_dossier(&mut r, "", value, rules);
    match dossier {
        Some(d) if r.errors.is_empty() => Ok(d),
        _ => Err(r.errors),
    }
}

pub(crate) fn decode_cohort(value: &Value, rules: &RuleSet) -> Result<Cohort, FieldErrors> {
    let mut r = Reader::default();
    let mut officials = Vec::new();
    let mut mark = None;
    if let Some(map) = r.object("", value, &["rules", "officials"]) {
        mark = read_mark(&mut r, "rules", map.get("rules"));
        match map.get("officials") {
            None => r.problem("officials", Problem::Missing),
            Some(list) => {
                if let Some(items) = r.array("officials", list) {
                    if items.len() > MAX_COHORT {
                        r.problem(
                            "officials",
                            Problem::Count {
                                count: items.len(),
                                min: 0,
                                max: MAX_COHORT,
                            },
                        );
                    }
                    for (i, item) in items.iter().enumerate().take(MAX_COHORT) {
                        if let Some(d) = read_dossier(&mut r, &format!("officials[{i}]"), item, rules) {
                            officials.push(d);
                        }
                    }
                }
            }
        }
    }
    r.errors.into_result(Cohort {
        rules: mark,
        officials,
    })
}

fn read_dossier(r: &mut Reader, path: &str, value: &Value, rules: &RuleSet) -> Option<Dossier> {
    let map = r.object(path, value, DOSSIER_FIELDS)?;
    let at = |field: &str| field_path(path, field);
    let mut dossier = Dossier {
        rules: read_mark(r, &at("rules"), map.get("rules")),
        name: r.string(&at("name"), map.get("name"), MAX_NAME),
        post: r.string(&at("post"), map.get("post"), MAX_NAME),
        unit_kind: r.choice(
            &at("unit_kind"),
            map.get("unit_kind"),
            UnitKind::from_id,
            &UnitKind::ids(),
        ),
        year: r
            .integer(&at("year"), map.get("year"), MIN_YEAR, MAX_YEAR)
            .map(|y| y as i32),
        unit_score: r.number(&at("unit_score"), map.get("unit_score"), 0.0, 100.0),
        political_quality: r
            .choice(
                &at("political_quality"),
                map.get("political_quality"),
                PoliticalQuality::from_id,
                &PoliticalQuality::ids(),
            )
            .unwrap_or_default(),
        ..Dossier::default()
    };
    dossier.pledges = read_pledges(r, &at("pledges"), map, rules);
    if let Some(votes) = map.get("votes") {
        dossier.votes = read_votes(r, &at("votes"), votes, rules);
    }
    dossier.positive = read_positive(r, &at("positive"), map.get("positive"), rules);
    dossier.negative = read_negative(r, &at("negative"), map.get("negative"), rules);
    dossier.history = read_history(r, &at("history"), map.get("history"));
    if let Some(assumptions) = map.get("assumptions") {
        dossier.assumptions = read_assumptions(r, &at("assumptions"), assumptions);
    }
    Some(dossier)
}

/// The mark of the rules a file was written under: `null` or absent is none; otherwise an
/// object of three strings (spec §10, `mark.rs`).
fn read_mark(r: &mut Reader, path: &str, value: Option<&Value>) -> Option<RulesMark> {
    let map = r.object(path, value.filter(|v| !v.is_null())?, &MARK_FIELDS)?;
    let [name, version, hash] = MARK_FIELDS.map(|field| {
        let at = field_path(path, field);
        let value = map.get(field);
        match value {
            None => r.problem(&at, Problem::Missing),
            Some(v) => r.reject_null(&at, Some(v), "a string"),
        }
        r.string(&at, value, MAX_NAME)
    });
    Some(RulesMark {
        name: name?,
        version: version?,
        hash: hash?,
    })
}

fn read_pledges(r: &mut Reader, path: &str, map: &Map<String, Value>, rules: &RuleSet) -> Vec<Pledge> {
    let Some(value) = map.get("pledges") else {
        r.problem(path, Problem::Missing);
        return Vec::new();
    };
    let Some(items) = r.array(path, value) else {
        return Vec::new();
    };
    let (min, max) = (rules.pledge_count.min, rules.pledge_count.max);
    if items.len() < min || items.len() > max {
        r.problem(
            path,
            Problem::Count {
                count: items.len(),
                min,
                max,
            },
        );
    }
    items
        .iter()
        .enumerate()
        .take(max.max(1) * 2)
        .filter_map(|(i, item)| read_pledge(r, &format!("{path}[{i}]"), item, rules))
        .collect()
}

fn read_pledge(r: &mut Reader, path: &str, value: &Value, rules: &RuleSet) -> Option<Pledge> {
    let map = r.object(path, value, &["area", "title", "grade", "factors", "quarters"])?;
    let at = |field: &str| field_path(path, field);
    let area = r.choice(&at("area"), map.get("area"), Area::from_id, &Area::ids());
    if map.get("area").is_none_or(Value::is_null) {
        r.problem(&at("area"), Problem::Missing);
    }
    let title = r.string(&at("title"), map.get("title"), MAX_TEXT);
    let grade = r.choice(&at("grade"), map.get("grade"), Grade::from_id, &Grade::ids());
    let factors = map
        .get("factors")
        .filter(|v| !v.is_null())
        .and_then(|v| read_factors(r, &at("factors"), v, rules));
    if map.get("grade").is_none_or(Value::is_null) && map.get("factors").is_none_or(Value::is_null) {
        r.problem(
            path,
            Problem::invalid(
                "needs a grade (A, B or C) or factors to derive one from",
                "需要等级(A、B、C)或用于评定等级的三项因素",
            ),
        );
    }
    let quarters = read_quarters(r, &at("quarters"), map.get("quarters"));
    Some(Pledge {
        area: area?,
        title,
        grade,
        factors,
        quarters: quarters?,
    })
}

fn read_factors(r: &mut Reader, path: &str, value: &Value, rules: &RuleSet) -> Option<Factors> {
    let names = ["difficulty", "innovation", "contribution"];
    let map = r.object(path, value, &names)?;
    let (min, max) = (
        f64::from(rules.grading.factor_min),
        f64::from(rules.grading.factor_max),
    );
    let mut read = |name: &str| {
        let at = field_path(path, name);
        if map.get(name).is_none_or(Value::is_null) {
            r.problem(&at, Problem::Missing);
        }
        r.integer(&at, map.get(name), min, max).map(|v| v as u8)
    };
    let (difficulty, innovation, contribution) = (read(names[0]), read(names[1]), read(names[2]));
    Some(Factors {
        difficulty: difficulty?,
        innovation: innovation?,
        contribution: contribution?,
    })
}

fn read_quarters(r: &mut Reader, path: &str, value: Option<&Value>) -> Option<[Option<f64>; 4]> {
    let Some(value) = value.filter(|v| !v.is_null()) else {
        r.problem(path, Problem::Missing);
        return None;
    };
    let items = r.array(path, value)?;
    if items.len() != 4 {
        r.problem(
            path,
            Problem::Count {
                count: items.len(),
                min: 4,
                max: 4,
            },
        );
        return None;
    }
    let mut quarters = [None; 4];
    let before = r.errors.len();
    for (i, item) in items.iter().enumerate() {
        quarters[i] = r.number(&format!("{path}[{i}]"), Some(item), 0.0, 100.0);
    }
    (r.errors.len() == before).then_some(quarters)
}

fn read_votes(r: &mut Reader, path: &str, value: &Value, rules: &RuleSet) -> Votes {
    let mut votes = Votes::default();
    if value.is_null() {
        return votes;
    }
    let Some(map) = r.object(path, value, &RaterGroup::ids()) else {
        return votes;
    };
    let max = f64::from(rules.raters.max_votes);
    for group in RaterGroup::ALL {
        let Some(counts) = map.get(group.id()).filter(|v| !v.is_null()) else {
            continue;
        };
        let group_path = field_path(path, group.id());
        let Some(counts_map) = r.object(&group_path, counts, &VoteCategory::ids()) else {
            continue;
        };
        let mut parsed = VoteCounts::default();
        for category in VoteCategory::ALL {
            let at = field_path(&group_path, category.id());
            r.reject_null(&at, counts_map.get(category.id()), "a whole number");
            if let Some(n) = r.integer(&at, counts_map.get(category.id()), 0.0, max) {
                parsed.set(*category, n as u32);
            }
        }
        *votes.slot(*group) = Some(parsed);
    }
    votes
}

fn read_count(r: &mut Reader, path: &str, map: &Map<String, Value>) -> u32 {
    r.reject_null(&field_path(path, "count"), map.get("count"), "a whole number");
    r.integer(&field_path(path, "count"), map.get("count"), 1.0, 10.0)
        .unwrap_or(1) as u32
}

fn read_item_id(
    r: &mut Reader,
    path: &str,
    map: &Map<String, Value>,
    known: &dyn Fn(&str) -> bool,
    seen: &mut HashSet<String>,
) -> Option<String> {
    let at = field_path(path, "item");
    if map.get("item").is_none_or(Value::is_null) {
        r.problem(&at, Problem::Missing);
        return None;
    }
    let id = r.string(&at, map.get("item"), MAX_NAME)?;
    if !known(&id) {
        r.problem(&at, Problem::UnknownItem { id });
        return None;
    }
    if !seen.insert(id.clone()) {
        r.problem(&at, Problem::DuplicateItem { id });
        return None;
    }
    Some(id)
}

fn read_positive(r: &mut Reader, path: &str, value: Option<&Value>, rules: &RuleSet) -> Vec<PositiveClaim> {
    let Some(items) = value.filter(|v| !v.is_null()).and_then(|v| r.array(path, v)) else {
        return Vec::new();
    };
    let mut seen = HashSet::new();
    let known = |id: &str| rules.positive_item(id).is_some();
    let mut claims = Vec::new();
    for (i, item) in items.iter().enumerate().take(rules.positive.items.len() * 2 + 1) {
        let at = format!("{path}[{i}]");
        let Some(map) = r.object(&at, item, &["item", "count"]) else {
            continue;
        };
        let count = read_count(r, &at, map);
        if let Some(item) = read_item_id(r, &at, map, &known, &mut seen) {
            claims.push(PositiveClaim { item, count });
        }
    }
    claims
}

fn read_negative(r: &mut Reader, path: &str, value: Option<&Value>, rules: &RuleSet) -> Vec<NegativeRecord> {
    let Some(items) = value.filter(|v| !v.is_null()).and_then(|v| r.array(path, v)) else {
        return Vec::new();
    };
    let mut seen = HashSet::new();
    let known = |id: &str| rules.negative_item(id).is_some();
    let mut records = Vec::new();
    for (i, item) in items.iter().enumerate().take(rules.negative.items.len() * 2 + 1) {
        let at = format!("{path}[{i}]");
        let Some(map) = r.object(&at, item, &["item", "count", "tolerated"]) else {
            continue;
        };
        let count = read_count(r, &at, map);
        r.reject_null(
            &field_path(&at, "tolerated"),
            map.get("tolerated"),
            "true or false",
        );
        let tolerated = r
            .boolean(&field_path(&at, "tolerated"), map.get("tolerated"))
            .unwrap_or(false);
        let Some(item) = read_item_id(r, &at, map, &known, &mut seen) else {
            continue;
        };
        if tolerated && rules.negative_item(&item).is_some_and(|i| i.veto) {
            r.problem(
                &field_path(&at, "tolerated"),
                Problem::ToleratedVeto { id: item.clone() },
            );
        } else if tolerated && !rules.tolerance.allow_tolerated {
            r.problem(
                &field_path(&at, "tolerated"),
                Problem::invalid("this rule set has no error tolerance", "本规则未设容错免责"),
            );
        }
        records.push(NegativeRecord {
            item,
            count,
            tolerated,
        });
    }
    records
}

fn read_history(r: &mut Reader, path: &str, value: Option<&Value>) -> Vec<Tier> {
    let Some(items) = value.filter(|v| !v.is_null()).and_then(|v| r.array(path, v)) else {
        return Vec::new();
    };
    if items.len() > MAX_HISTORY {
        r.problem(
            path,
            Problem::Count {
                count: items.len(),
                min: 0,
                max: MAX_HISTORY,
            },
        );
    }
    let ids = Tier::ids();
    items
        .iter()
        .take(MAX_HISTORY)
        .enumerate()
        .filter_map(|(i, item)| {
            let at = format!("{path}[{i}]");
            if item.is_null() {
                r.wrong_type(&at, "a string", item);
                return None;
            }
            r.choice(&at, Some(item), Tier::from_id, &ids)
        })
        .collect()
}

fn read_assumptions(r: &mut Reader, path: &str, value: &Value) -> Assumptions {
    if value.is_null() {
        return Assumptions::default();
    }
    let names = ["quarter_score", "unit_score", "multi_score"];
    let Some(map) = r.object(path, value, &names) else {
        return Assumptions::default();
    };
    let mut read = |name: &str| r.number(&field_path(path, name), map.get(name), 0.0, 100.0);
    Assumptions {
        quarter_score: read(names[0]),
        unit_score: read(names[1]),
        multi_score: read(names[2]),
    }
}
