//! Reading a rule set from a JSON value field by field, without serde's derived decoders.
//!
//! The browser build reads rule sets (the default one at start, imported and edited ones in
//! the workshop, and custom ones through the JS API) with this reader: serde's derived
//! `Deserialize` for the 22 structs of [`RuleSet`] costs about 70 KB of wasm, this about a
//! fifth of that. It accepts exactly what the derived decoder accepts — the same fields, the
//! same defaults, the same types and integer ranges (a differential test below checks every
//! field) — with two differences: a key repeated within one object is not an error here (the
//! JSON value keeps the last), and a struct written as an array of its fields in order, which
//! serde's derive also reads, is refused. Unlike the derived decoder it reports *every*
//! structural problem, each with its field path. The native build keeps `RuleSet::from_json`
//! (serde with `serde_path_to_error`); semantic validation is `rules_check::validate` for both.

use serde_json::{Map, Number, Value};

use super::error::{FieldErrors, Problem};
use super::json::{field_path, kind, parse_value};
use super::rules::{
    Areas, Basis, BasisOnly, ConsequenceText, Consequences, DimensionWeights, Dimensions, GradeCoefficients,
    Grades, Grading, Honour, Labelled, ListItem, NegativeList, PledgeCount, PositiveList, Projection,
    Quarters, Quota, RaterGroupRule, Raters, RuleSet, Source, Threshold, Tiers, Tolerance, Veto, VoteValues,
};

/// Parses JSON text and reads the rule set in it (structure only: see [`read`]).
pub fn parse(text: &str) -> Result<RuleSet, FieldErrors> {
    read(&parse_value(text)?)
}

/// Reads a rule set from a JSON value: every structural problem is reported with its path.
/// The result is not yet validated (`rules_check::validate`).
pub fn read(value: &Value) -> Result<RuleSet, FieldErrors> {
    let mut r = Reader::default();
    match rule_set(&mut r, "", value) {
        Some(rules) if r.errors.is_empty() => Ok(rules),
        _ => Err(r.errors),
    }
}

#[derive(Default)]
struct Reader {
    errors: FieldErrors,
}

/// One object being read: its fields and its path.
struct Obj<'v> {
    map: &'v Map<String, Value>,
    path: String,
}

impl<'v> Obj<'v> {
    fn at(&self, key: &str) -> String {
        field_path(&self.path, key)
    }
}

const WHOLE: &str = "a whole number";

impl Reader {
    fn wrong(&mut self, path: &str, expected: &str, found: &Value) {
        let problem = Problem::WrongType {
            expected: expected.into(),
            found: kind(found).into(),
        };
        self.errors.push(path, problem);
    }

    /// The value as an object whose every key is in `known` (serde's `deny_unknown_fields`).
    fn obj<'v>(&mut self, path: &str, value: &'v Value, known: &[&str]) -> Option<Obj<'v>> {
        let Value::Object(map) = value else {
            self.wrong(path, "an object", value);
            return None;
        };
        for key in map.keys() {
            if !known.contains(&key.as_str()) {
                self.errors.push(field_path(path, key), Problem::UnknownField);
            }
        }
        Some(Obj {
            map,
            path: path.to_string(),
        })
    }

    /// A field that must be present (`null` is a value, of the wrong type for most fields).
    fn required<'v>(&mut self, o: &Obj<'v>, key: &str) -> Option<&'v Value> {
        let value = o.map.get(key);
        if value.is_none() {
            self.errors.push(o.at(key), Problem::Missing);
        }
        value
    }

    fn number(&mut self, path: &str, value: &Value) -> Option<f64> {
        match value {
            Value::Number(n) => n.as_f64(),
            other => {
                self.wrong(path, "a number", other);
                None
            }
        }
    }

    fn f64(&mut self, o: &Obj, key: &str) -> Option<f64> {
        let value = self.required(o, key)?;
        self.number(&o.at(key), value)
    }

    /// `Option<f64>`: absent or `null` is `None`.
    fn opt_f64(&mut self, o: &Obj, key: &str) -> Option<Option<f64>> {
        match o.map.get(key) {
            None | Some(Value::Null) => Some(None),
            Some(value) => self.number(&o.at(key), value).map(Some),
        }
    }

    /// A whole number in `min..=max`, written without a fraction or exponent (as serde reads
    /// integers: `3.0` is not an integer).
    fn integer(&mut self, o: &Obj, key: &str, min: i64, max: u64) -> Option<i128> {
        let path = o.at(key);
        let n: &Number = match self.required(o, key)? {
            Value::Number(n) => n,
            other => {
                self.wrong(&path, WHOLE, other);
                return None;
            }
        };
        let whole = match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => i128::from(u),
            (None, Some(i)) => i128::from(i),
            _ => {
                let value = n.as_f64().unwrap_or(f64::NAN);
                self.errors.push(path, Problem::NotInteger { value });
                return None;
            }
        };
        if whole < i128::from(min) || whole > i128::from(max) {
            let problem = Problem::OutOfRange {
                value: whole as f64,
                min: min as f64,
                max: max as f64,
            };
            self.errors.push(path, problem);
            return None;
        }
        Some(whole)
    }

    fn u8(&mut self, o: &Obj, key: &str) -> Option<u8> {
        self.integer(o, key, 0, u8::MAX.into()).map(|n| n as u8)
    }

    fn u32(&mut self, o: &Obj, key: &str) -> Option<u32> {
        self.integer(o, key, 0, u32::MAX.into()).map(|n| n as u32)
    }

    fn usize(&mut self, o: &Obj, key: &str) -> Option<usize> {
        self.integer(o, key, 0, usize::MAX as u64).map(|n| n as usize)
    }

    fn i32(&mut self, o: &Obj, key: &str) -> Option<i32> {
        self.integer(o, key, i32::MIN.into(), i32::MAX as u64)
            .map(|n| n as i32)
    }

    fn text(&mut self, path: &str, value: &Value) -> Option<String> {
        match value {
            Value::String(s) => Some(s.clone()),
            other => {
                self.wrong(path, "a string", other);
                None
            }
        }
    }

    fn string(&mut self, o: &Obj, key: &str) -> Option<String> {
        let value = self.required(o, key)?;
        self.text(&o.at(key), value)
    }

    /// `Option<String>`: absent or `null` is `None`.
    fn opt_string(&mut self, o: &Obj, key: &str) -> Option<Option<String>> {
        match o.map.get(key) {
            None | Some(Value::Null) => Some(None),
            Some(value) => self.text(&o.at(key), value).map(Some),
        }
    }

    /// A `bool`; absent is `default` when the field has one (`#[serde(default)]`).
    fn bool(&mut self, o: &Obj, key: &str, default: Option<bool>) -> Option<bool> {
        let value = match (o.map.get(key), default) {
            (None, Some(default)) => return Some(default),
            (None, None) => return self.required(o, key).and(None),
            (Some(value), _) => value,
        };
        match value {
            Value::Bool(b) => Some(*b),
            other => {
                self.wrong(&o.at(key), "true or false", other);
                None
            }
        }
    }

    /// An array, each item read by `item` with its index in the path.
    fn list<T>(
        &mut self,
        o: &Obj,
        key: &str,
        item: fn(&mut Reader, &str, &Value) -> Option<T>,
    ) -> Option<Vec<T>> {
        let path = o.at(key);
        let items = match self.required(o, key)? {
            Value::Array(items) => items,
            other => {
                self.wrong(&path, "an array", other);
                return None;
            }
        };
        let read: Vec<Option<T>> = items
            .iter()
            .enumerate()
            .map(|(i, v)| item(self, &format!("{path}[{i}]"), v))
            .collect();
        read.into_iter().collect()
    }

    fn basis(&mut self, o: &Obj) -> Option<Basis> {
        let value = self.required(o, "basis")?;
        basis(self, &o.at("basis"), value)
    }
}

fn basis(r: &mut Reader, path: &str, v: &Value) -> Option<Basis> {
    let o = r.obj(path, v, &["quote", "illustrative", "note_zh", "note_en"])?;
    let (quote, illustrative) = (r.opt_string(&o, "quote"), r.bool(&o, "illustrative", None));
    let (note_zh, note_en) = (r.opt_string(&o, "note_zh"), r.opt_string(&o, "note_en"));
    Some(Basis {
        quote: quote?,
        illustrative: illustrative?,
        note_zh: note_zh?,
        note_en: note_en?,
    })
}

fn basis_only(r: &mut Reader, path: &str, v: &Value) -> Option<BasisOnly> {
    let o = r.obj(path, v, &["basis"])?;
    Some(BasisOnly { basis: r.basis(&o)? })
}

fn labelled(r: &mut Reader, path: &str, v: &Value) -> Option<Labelled> {
    let o = r.obj(path, v, &["id", "zh", "en"])?;
    let (id, zh, en) = (r.string(&o, "id"), r.string(&o, "zh"), r.string(&o, "en"));
    Some(Labelled {
        id: id?,
        zh: zh?,
        en: en?,
    })
}

fn source(r: &mut Reader, path: &str, v: &Value) -> Option<Source> {
    let o = r.obj(path, v, &["publication", "date", "page", "title", "author"])?;
    let (publication, date, page) = (
        r.string(&o, "publication"),
        r.string(&o, "date"),
        r.string(&o, "page"),
    );
    let (title, author) = (r.string(&o, "title"), r.string(&o, "author"));
    Some(Source {
        publication: publication?,
        date: date?,
        page: page?,
        title: title?,
        author: author?,
    })
}

fn dimensions(r: &mut Reader, path: &str, v: &Value) -> Option<Dimensions> {
    let o = r.obj(path, v, &["weights", "basis"])?;
    let weights = r.required(&o, "weights").and_then(|w| {
        let w = r.obj(&o.at("weights"), w, &["unit", "pledges", "multi"])?;
        let (unit, pledges, multi) = (r.f64(&w, "unit"), r.f64(&w, "pledges"), r.f64(&w, "multi"));
        Some(DimensionWeights {
            unit: unit?,
            pledges: pledges?,
            multi: multi?,
        })
    });
    let basis = r.basis(&o);
    Some(Dimensions {
        weights: weights?,
        basis: basis?,
    })
}

fn areas(r: &mut Reader, path: &str, v: &Value) -> Option<Areas> {
    let o = r.obj(path, v, &["items", "basis"])?;
    let (items, basis) = (r.list(&o, "items", labelled), r.basis(&o));
    Some(Areas {
        items: items?,
        basis: basis?,
    })
}

fn grades(r: &mut Reader, path: &str, v: &Value) -> Option<Grades> {
    let o = r.obj(path, v, &["coefficients", "basis"])?;
    let coefficients = r.required(&o, "coefficients").and_then(|c| {
        let c = r.obj(&o.at("coefficients"), c, &["A", "B", "C"])?;
        let (a, b, cc) = (r.f64(&c, "A"), r.f64(&c, "B"), r.f64(&c, "C"));
        Some(GradeCoefficients { a: a?, b: b?, c: cc? })
    });
    let basis = r.basis(&o);
    Some(Grades {
        coefficients: coefficients?,
        basis: basis?,
    })
}

fn grading(r: &mut Reader, path: &str, v: &Value) -> Option<Grading> {
    let known = [
        "factor_min",
        "factor_max",
        "a_min_composite",
        "b_min_composite",
        "basis",
    ];
    let o = r.obj(path, v, &known)?;
    let (factor_min, factor_max) = (r.u8(&o, "factor_min"), r.u8(&o, "factor_max"));
    let (a_min, b_min) = (r.u8(&o, "a_min_composite"), r.u8(&o, "b_min_composite"));
    let basis = r.basis(&o);
    Some(Grading {
        factor_min: factor_min?,
        factor_max: factor_max?,
        a_min_composite: a_min?,
        b_min_composite: b_min?,
        basis: basis?,
    })
}

fn quarters(r: &mut Reader, path: &str, v: &Value) -> Option<Quarters> {
    let o = r.obj(path, v, &["weights", "basis"])?;
    let weights = r
        .list(&o, "weights", |r, path, v| r.number(path, v))
        .and_then(|w| {
            let count = w.len();
            let four: Option<[f64; 4]> = w.try_into().ok();
            if four.is_none() {
                r.errors.push(
                    o.at("weights"),
                    Problem::Count {
                        count,
                        min: 4,
                        max: 4,
                    },
                );
            }
            four
        });
    let basis = r.basis(&o);
    Some(Quarters {
        weights: weights?,
        basis: basis?,
    })
}

fn pledge_count(r: &mut Reader, path: &str, v: &Value) -> Option<PledgeCount> {
    let o = r.obj(path, v, &["min", "max", "basis"])?;
    let (min, max, basis) = (r.usize(&o, "min"), r.usize(&o, "max"), r.basis(&o));
    Some(PledgeCount {
        min: min?,
        max: max?,
        basis: basis?,
    })
}

fn rater_group(r: &mut Reader, path: &str, v: &Value) -> Option<RaterGroupRule> {
    let o = r.obj(path, v, &["id", "zh", "en", "weight"])?;
    let (id, zh, en, weight) = (
        r.string(&o, "id"),
        r.string(&o, "zh"),
        r.string(&o, "en"),
        r.f64(&o, "weight"),
    );
    Some(RaterGroupRule {
        id: id?,
        zh: zh?,
        en: en?,
        weight: weight?,
    })
}

fn raters(r: &mut Reader, path: &str, v: &Value) -> Option<Raters> {
    let o = r.obj(path, v, &["groups", "vote_values", "max_votes", "basis"])?;
    let groups = r.list(&o, "groups", rater_group);
    let vote_values = r.required(&o, "vote_values").and_then(|vv| {
        let vv = r.obj(
            &o.at("vote_values"),
            vv,
            &["good", "fairly_good", "average", "poor"],
        )?;
        let (good, fairly_good) = (r.f64(&vv, "good"), r.f64(&vv, "fairly_good"));
        let (average, poor) = (r.f64(&vv, "average"), r.f64(&vv, "poor"));
        Some(VoteValues {
            good: good?,
            fairly_good: fairly_good?,
            average: average?,
            poor: poor?,
        })
    });
    let (max_votes, basis) = (r.u32(&o, "max_votes"), r.basis(&o));
    Some(Raters {
        groups: groups?,
        vote_values: vote_values?,
        max_votes: max_votes?,
        basis: basis?,
    })
}

fn list_item(r: &mut Reader, path: &str, v: &Value) -> Option<ListItem> {
    let o = r.obj(path, v, &["id", "aspect", "zh", "en", "points", "veto", "quote"])?;
    let (id, aspect) = (r.string(&o, "id"), r.string(&o, "aspect"));
    let (zh, en, points) = (r.string(&o, "zh"), r.string(&o, "en"), r.f64(&o, "points"));
    let (veto, quote) = (r.bool(&o, "veto", Some(false)), r.opt_string(&o, "quote"));
    Some(ListItem {
        id: id?,
        aspect: aspect?,
        zh: zh?,
        en: en?,
        points: points?,
        veto: veto?,
        quote: quote?,
    })
}

fn positive(r: &mut Reader, path: &str, v: &Value) -> Option<PositiveList> {
    let o = r.obj(path, v, &["bonus_cap", "aspects", "items", "basis"])?;
    let (bonus_cap, aspects) = (r.f64(&o, "bonus_cap"), r.list(&o, "aspects", labelled));
    let (items, basis) = (r.list(&o, "items", list_item), r.basis(&o));
    Some(PositiveList {
        bonus_cap: bonus_cap?,
        aspects: aspects?,
        items: items?,
        basis: basis?,
    })
}

fn negative(r: &mut Reader, path: &str, v: &Value) -> Option<NegativeList> {
    let o = r.obj(path, v, &["aspects", "items", "basis"])?;
    let (aspects, items, basis) = (
        r.list(&o, "aspects", labelled),
        r.list(&o, "items", list_item),
        r.basis(&o),
    );
    Some(NegativeList {
        aspects: aspects?,
        items: items?,
        basis: basis?,
    })
}

fn tolerance(r: &mut Reader, path: &str, v: &Value) -> Option<Tolerance> {
    let o = r.obj(path, v, &["allow_tolerated", "basis"])?;
    let (allow, basis) = (r.bool(&o, "allow_tolerated", None), r.basis(&o));
    Some(Tolerance {
        allow_tolerated: allow?,
        basis: basis?,
    })
}

fn threshold(r: &mut Reader, path: &str, v: &Value) -> Option<Threshold> {
    let o = r.obj(path, v, &["tier", "min"])?;
    let (tier, min) = (r.string(&o, "tier"), r.f64(&o, "min"));
    Some(Threshold {
        tier: tier?,
        min: min?,
    })
}

fn tiers(r: &mut Reader, path: &str, v: &Value) -> Option<Tiers> {
    let o = r.obj(path, v, &["thresholds", "basis"])?;
    let (thresholds, basis) = (r.list(&o, "thresholds", threshold), r.basis(&o));
    Some(Tiers {
        thresholds: thresholds?,
        basis: basis?,
    })
}

fn veto(r: &mut Reader, path: &str, v: &Value) -> Option<Veto> {
    let o = r.obj(path, v, &["cap", "basis"])?;
    let (cap, basis) = (r.string(&o, "cap"), r.basis(&o));
    Some(Veto {
        cap: cap?,
        basis: basis?,
    })
}

fn quota(r: &mut Reader, path: &str, v: &Value) -> Option<Quota> {
    let o = r.obj(path, v, &["good_quota", "basis"])?;
    let (good_quota, basis) = (r.opt_f64(&o, "good_quota"), r.basis(&o));
    Some(Quota {
        good_quota: good_quota?,
        basis: basis?,
    })
}

fn honour(r: &mut Reader, path: &str, v: &Value) -> Option<Honour> {
    let o = r.obj(path, v, &["top_n", "zh", "en", "basis"])?;
    let (top_n, zh, en, basis) = (
        r.usize(&o, "top_n"),
        r.string(&o, "zh"),
        r.string(&o, "en"),
        r.basis(&o),
    );
    Some(Honour {
        top_n: top_n?,
        zh: zh?,
        en: en?,
        basis: basis?,
    })
}

fn projection(r: &mut Reader, path: &str, v: &Value) -> Option<Projection> {
    let o = r.obj(path, v, &["quarter_score", "unit_score", "multi_score", "basis"])?;
    let (quarter, unit) = (r.f64(&o, "quarter_score"), r.f64(&o, "unit_score"));
    let (multi, basis) = (r.f64(&o, "multi_score"), r.basis(&o));
    Some(Projection {
        quarter_score: quarter?,
        unit_score: unit?,
        multi_score: multi?,
        basis: basis?,
    })
}

fn consequence_text(r: &mut Reader, path: &str, v: &Value) -> Option<ConsequenceText> {
    let o = r.obj(path, v, &["id", "zh", "en", "quote"])?;
    let (id, zh, en, quote) = (
        r.string(&o, "id"),
        r.string(&o, "zh"),
        r.string(&o, "en"),
        r.string(&o, "quote"),
    );
    Some(ConsequenceText {
        id: id?,
        zh: zh?,
        en: en?,
        quote: quote?,
    })
}

fn consequences(r: &mut Reader, path: &str, v: &Value) -> Option<Consequences> {
    let known = ["promotion_priority_years", "reassignment_years", "items", "basis"];
    let o = r.obj(path, v, &known)?;
    let (promotion, reassignment) = (
        r.usize(&o, "promotion_priority_years"),
        r.usize(&o, "reassignment_years"),
    );
    let (items, basis) = (r.list(&o, "items", consequence_text), r.basis(&o));
    Some(Consequences {
        promotion_priority_years: promotion?,
        reassignment_years: reassignment?,
        items: items?,
        basis: basis?,
    })
}

/// A required field read by `read`.
fn part<T>(
    r: &mut Reader,
    o: &Obj,
    key: &str,
    read: fn(&mut Reader, &str, &Value) -> Option<T>,
) -> Option<T> {
    let value = r.required(o, key)?;
    read(r, &o.at(key), value)
}

const RULE_SET_FIELDS: &[&str] = &[
    "name",
    "name_en",
    "version",
    "effective_year",
    "source",
    "dimensions",
    "areas",
    "grades",
    "grading",
    "quarters",
    "pledge_count",
    "raters",
    "positive",
    "negative",
    "tolerance",
    "political_quality",
    "tiers",
    "veto",
    "quota",
    "honour",
    "projection",
    "consequences",
];

fn rule_set(r: &mut Reader, path: &str, v: &Value) -> Option<RuleSet> {
    let o = r.obj(path, v, RULE_SET_FIELDS)?;
    let (name, name_en, version) = (
        r.string(&o, "name"),
        r.string(&o, "name_en"),
        r.string(&o, "version"),
    );
    let effective_year = r.i32(&o, "effective_year");
    let source = part(r, &o, "source", source);
    let dimensions = part(r, &o, "dimensions", dimensions);
    let areas = part(r, &o, "areas", areas);
    let grades = part(r, &o, "grades", grades);
    let grading = part(r, &o, "grading", grading);
    let quarters = part(r, &o, "quarters", quarters);
    let pledge_count = part(r, &o, "pledge_count", pledge_count);
    let raters = part(r, &o, "raters", raters);
    let positive = part(r, &o, "positive", positive);
    let negative = part(r, &o, "negative", negative);
    let tolerance = part(r, &o, "tolerance", tolerance);
    let political_quality = part(r, &o, "political_quality", basis_only);
    let tiers = part(r, &o, "tiers", tiers);
    let veto = part(r, &o, "veto", veto);
    let quota = part(r, &o, "quota", quota);
    let honour = part(r, &o, "honour", honour);
    let projection = part(r, &o, "projection", projection);
    let consequences = part(r, &o, "consequences", consequences);
    Some(RuleSet {
        name: name?,
        name_en: name_en?,
        version: version?,
        effective_year: effective_year?,
        source: source?,
        dimensions: dimensions?,
        areas: areas?,
        grades: grades?,
        grading: grading?,
        quarters: quarters?,
        pledge_count: pledge_count?,
        raters: raters?,
        positive: positive?,
        negative: negative?,
        tolerance: tolerance?,
        political_quality: political_quality?,
        tiers: tiers?,
        veto: veto?,
        quota: quota?,
        honour: honour?,
        projection: projection?,
        consequences: consequences?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::DEFAULT_RULES_JSON;

    /// What serde's derived decoder makes of a value (the reference).
    fn by_serde(value: &Value) -> Option<RuleSet> {
        serde_json::from_str(&value.to_string()).ok()
    }

    /// Every path to a value inside `value`, with the value.
    fn leaves(value: &Value, path: &str, out: &mut Vec<(String, Value)>) {
        out.push((path.to_string(), value.clone()));
        match value {
            Value::Object(map) => map.iter().for_each(|(k, v)| leaves(v, &field_path(path, k), out)),
            Value::Array(items) => items
                .iter()
                .enumerate()
                .for_each(|(i, v)| leaves(v, &format!("{path}[{i}]"), out)),
            _ => {}
        }
    }

    fn slot<'v>(value: &'v mut Value, path: &str) -> &'v mut Value {
        let mut at = value;
        for part in path.split('.').filter(|p| !p.is_empty()) {
            let mut pieces = part.split('[');
            let key = pieces.next().unwrap();
            if !key.is_empty() {
                at = at.get_mut(key).unwrap();
            }
            for index in pieces {
                at = at
                    .get_mut(index.trim_end_matches(']').parse::<usize>().unwrap())
                    .unwrap();
            }
        }
        at
    }

    #[test]
    fn the_default_rules_read_as_serde_reads_them() {
        let value: Value = serde_json::from_str(DEFAULT_RULES_JSON).unwrap();
        assert_eq!(read(&value).unwrap(), by_serde(&value).unwrap());
        assert_eq!(parse(DEFAULT_RULES_JSON).unwrap(), RuleSet::default());
    }

    /// Every field of the default rules replaced by values of every kind, removed, or given a
    /// stranger beside it: this reader accepts exactly what serde accepts, with the same result.
    #[test]
    fn every_field_and_every_kind_of_value_is_read_as_serde_reads_it() {
        let original: Value = serde_json::from_str(DEFAULT_RULES_JSON).unwrap();
        let mut paths = Vec::new();
        leaves(&original, "", &mut paths);
        let replacements: Vec<Value> = [
            "null",
            "true",
            "false",
            "0",
            "1",
            "3",
            "-1",
            "255",
            "256",
            "4294967296",
            "-2147483649",
            "2.5",
            "3.0",
            "1e2",
            "\"\"",
            "\"good\"",
            "[]",
            "[1, 2, 3, 4]",
            "[1, 2, 3]",
            "{}",
        ]
        .iter()
        .map(|t| serde_json::from_str(t).unwrap())
        .collect();
        let mut cases = 0;
        for (path, was) in paths.iter().filter(|(p, _)| !p.is_empty()) {
            let mut variants: Vec<Value> = replacements
                .iter()
                // serde's derive also reads a struct from an array of its fields in order; no
                // rule-set file is written so, and this reader refuses it.
                .filter(|replacement| !(was.is_object() && replacement.is_array()))
                .map(|replacement| {
                    let mut changed = original.clone();
                    *slot(&mut changed, path) = replacement.clone();
                    changed
                })
                .collect();
            let (parent, key) = match path.rfind(['.', '[']) {
                Some(i) => (&path[..i], &path[i..]),
                None => ("", path.as_str()),
            };
            if let Some(key) = key.strip_prefix('.').or((!key.starts_with('[')).then_some(key)) {
                let mut removed = original.clone();
                slot(&mut removed, parent).as_object_mut().unwrap().remove(key);
                variants.push(removed);
            }
            let mut stranger = original.clone();
            if let Some(map) = slot(&mut stranger, path).as_object_mut() {
                map.insert("stranger".into(), Value::Null);
                variants.push(stranger);
            }
            for variant in variants {
                let ours = read(&variant);
                let theirs = by_serde(&variant);
                assert_eq!(ours.as_ref().ok(), theirs.as_ref(), "{path}: {ours:?}");
                if let Err(errors) = ours {
                    assert!(
                        errors.iter().all(|e| e.path.starts_with(path.as_str())),
                        "{path}: {errors}"
                    );
                }
                cases += 1;
            }
        }
        assert!(cases > 5_000, "{cases} cases");
    }

    #[test]
    fn every_structural_problem_is_reported_with_its_path() {
        let mut value: Value = serde_json::from_str(DEFAULT_RULES_JSON).unwrap();
        value["grading"]["factor_min"] = serde_json::json!(2.5);
        value["raters"]["groups"][1]["weight"] = serde_json::json!("0.3");
        value["tiers"].as_object_mut().unwrap().remove("basis");
        value["extra"] = serde_json::json!(1);
        value["quarters"]["weights"] = serde_json::json!([0.25, 0.25, 0.5]);
        let errors = read(&value).unwrap_err();
        let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "extra",
                "grading.factor_min",
                "quarters.weights",
                "raters.groups[1].weight",
                "tiers.basis"
            ],
            "{errors}"
        );
        assert!(errors.to_string().contains("unknown field"), "{errors}");
        assert!(matches!(
            parse("{").unwrap_err().0[0].problem,
            Problem::Syntax { .. }
        ));
        assert!(read(&serde_json::json!([])).is_err());
    }
}
