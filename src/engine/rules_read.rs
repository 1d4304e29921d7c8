//! Reading a rule set from JSON field by field, without serde's derived decoders: every
//! structural problem (wrong type, unknown or missing field, integer out of range) is reported
//! with its field path, not only the first. `RuleSet::from_json` reads with it in every build —
//! the CLI, the browser (where serde's derived `Deserialize` for the 22 structs of [`RuleSet`]
//! would also cost about 70 KB of wasm) and the JS API — and then validates
//! (`rules_check::validate`). It accepts exactly what the derived decoder accepts — the same
//! fields, the same defaults, the same types and integer ranges (a differential test below
//! checks every field) — with two differences: a key repeated within one object is not an error
//! here (the JSON value keeps the last), and a struct written as an array of its fields in
//! order, which serde's derive also reads, is refused.

use serde_json::{Map, Value};

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
    let rules = rule_set(&mut r, "", value);
    match rules {
        Some(rules) if r.errors.is_empty() => Ok(rules),
        _ => Err(r.errors),
    }
}

// Each reader below returns a value even when its input is wrong (the type's default) and
// records the problem: the whole read fails when any problem was recorded. Reading on, rather
// than stopping at the first problem, reports them all — and keeps the wasm small, as no early
// return has to drop what was already read.

#[derive(Default)]
struct Reader {
    errors: FieldErrors,
}

/// One object being read: its fields and its path.
struct Obj<'v> {
    map: &'v Map<String, Value>,
    path: &'v str,
}

impl Obj<'_> {
    fn at(&self, key: &str) -> String {
        field_path(self.path, key)
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
    fn obj<'v>(&mut self, path: &'v str, value: &'v Value, known: &[&str]) -> Option<Obj<'v>> {
        let Value::Object(map) = value else {
            self.wrong(path, "an object", value);
            return None;
        };
        for key in map.keys() {
            if !known.contains(&key.as_str()) {
                self.errors.push(field_path(path, key), Problem::UnknownField);
            }
        }
        Some(Obj { map, path })
    }

    /// A field that must be present (`null` is a value, of the wrong type for most fields).
    fn required<'v>(&mut self, o: &Obj<'v>, key: &str) -> Option<&'v Value> {
        let value = o.map.get(key);
        if value.is_none() {
            self.errors.push(o.at(key), Problem::Missing);
        }
        value
    }

    fn number(&mut self, path: &str, value: &Value) -> f64 {
        match value {
            Value::Number(n) => n.as_f64().unwrap_or_default(),
            other => {
                self.wrong(path, "a number", other);
                0.0
            }
        }
    }

    fn f64(&mut self, o: &Obj, key: &str) -> f64 {
        match self.required(o, key) {
            Some(value) => self.number(&o.at(key), value),
            None => 0.0,
        }
    }

    /// `Option<f64>`: absent or `null` is `None`.
    fn opt_f64(&mut self, o: &Obj, key: &str) -> Option<f64> {
        match o.map.get(key) {
            None | Some(Value::Null) => None,
            Some(value) => Some(self.number(&o.at(key), value)),
        }
    }

    /// A whole number in `min..=max`, written without a fraction or exponent (as serde reads
    /// integers: `3.0` is not an integer); 0 when it is not.
    fn integer(&mut self, o: &Obj, key: &str, min: i64, max: u64) -> i128 {
        let Some(value) = self.required(o, key) else {
            return 0;
        };
        let path = o.at(key);
        let Value::Number(n) = value else {
            self.wrong(&path, WHOLE, value);
            return 0;
        };
        let whole = match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => i128::from(u),
            (None, Some(i)) => i128::from(i),
            _ => {
                let value = n.as_f64().unwrap_or(f64::NAN);
                self.errors.push(path, Problem::NotInteger { value });
                return 0;
            }
        };
        if whole < i128::from(min) || whole > i128::from(max) {
            let problem = Problem::OutOfRange {
                value: whole as f64,
                min: min as f64,
                max: max as f64,
            };
            self.errors.push(path, problem);
            return 0;
        }
        whole
    }

    fn u8(&mut self, o: &Obj, key: &str) -> u8 {
        self.integer(o, key, 0, u8::MAX.into()) as u8
    }

    fn u32(&mut self, o: &Obj, key: &str) -> u32 {
        self.integer(o, key, 0, u32::MAX.into()) as u32
    }

    fn usize(&mut self, o: &Obj, key: &str) -> usize {
        self.integer(o, key, 0, usize::MAX as u64) as usize
    }

    fn i32(&mut self, o: &Obj, key: &str) -> i32 {
        self.integer(o, key, i32::MIN.into(), i32::MAX as u64) as i32
    }

    fn text(&mut self, path: &str, value: &Value) -> String {
        match value {
            Value::String(s) => s.clone(),
            other => {
                self.wrong(path, "a string", other);
                String::new()
            }
        }
    }

    fn string(&mut self, o: &Obj, key: &str) -> String {
        match self.required(o, key) {
            Some(value) => self.text(&o.at(key), value),
            None => String::new(),
        }
    }

    /// `Option<String>`: absent or `null` is `None`.
    fn opt_string(&mut self, o: &Obj, key: &str) -> Option<String> {
        match o.map.get(key) {
            None | Some(Value::Null) => None,
            Some(value) => Some(self.text(&o.at(key), value)),
        }
    }

    /// A `bool`; absent is `default` when the field has one (`#[serde(default)]`).
    fn bool(&mut self, o: &Obj, key: &str, default: Option<bool>) -> bool {
        let value = match (o.map.get(key), default) {
            (None, Some(default)) => return default,
            (None, None) => return self.required(o, key).is_some(),
            (Some(value), _) => value,
        };
        match value {
            Value::Bool(b) => *b,
            other => {
                self.wrong(&o.at(key), "true or false", other);
                false
            }
        }
    }

    /// A field holding a struct, read by `read`.
    fn part<T: Default>(&mut self, o: &Obj, key: &str, read: fn(&mut Reader, &str, &Value) -> T) -> T {
        match self.required(o, key) {
            Some(value) => read(self, &o.at(key), value),
            None => T::default(),
        }
    }

    /// An array, each item read by `item` with its index in the path.
    fn list<T>(&mut self, o: &Obj, key: &str, item: fn(&mut Reader, &str, &Value) -> T) -> Vec<T> {
        let Some(value) = self.required(o, key) else {
            return Vec::new();
        };
        let path = o.at(key);
        let Value::Array(items) = value else {
            self.wrong(&path, "an array", value);
            return Vec::new();
        };
        let mut read = Vec::with_capacity(items.len());
        for (i, v) in items.iter().enumerate() {
            read.push(item(self, &format!("{path}[{i}]"), v));
        }
        read
    }

    fn basis(&mut self, o: &Obj) -> Basis {
        self.part(o, "basis", basis)
    }
}

fn basis(r: &mut Reader, path: &str, v: &Value) -> Basis {
    let Some(o) = r.obj(
        path,
        v,
        &["quote", "quote_en", "illustrative", "note_zh", "note_en"],
    ) else {
        return Basis::default();
    };
    Basis {
        quote: r.opt_string(&o, "quote"),
        quote_en: r.opt_string(&o, "quote_en"),
        illustrative: r.bool(&o, "illustrative", None),
        note_zh: r.opt_string(&o, "note_zh"),
        note_en: r.opt_string(&o, "note_en"),
    }
}

fn basis_only(r: &mut Reader, path: &str, v: &Value) -> BasisOnly {
    let Some(o) = r.obj(path, v, &["basis"]) else {
        return BasisOnly::default();
    };
    BasisOnly { basis: r.basis(&o) }
}

fn labelled(r: &mut Reader, path: &str, v: &Value) -> Labelled {
    let Some(o) = r.obj(path, v, &["id", "zh", "en"]) else {
        return Labelled::default();
    };
    Labelled {
        id: r.string(&o, "id"),
        zh: r.string(&o, "zh"),
        en: r.string(&o, "en"),
    }
}

fn source(r: &mut Reader, path: &str, v: &Value) -> Source {
    let known = [
        "publication",
        "date",
        "page",
        "title",
        "author",
        "publication_en",
        "page_en",
        "title_en",
    ];
    let Some(o) = r.obj(path, v, &known) else {
        return Source::default();
    };
    Source {
        publication: r.string(&o, "publication"),
        date: r.string(&o, "date"),
        page: r.string(&o, "page"),
        title: r.string(&o, "title"),
        author: r.string(&o, "author"),
        publication_en: r.opt_string(&o, "publication_en"),
        page_en: r.opt_string(&o, "page_en"),
        title_en: r.opt_string(&o, "title_en"),
    }
}

fn dimension_weights(r: &mut Reader, path: &str, v: &Value) -> DimensionWeights {
    let Some(o) = r.obj(path, v, &["unit", "pledges", "multi"]) else {
        return DimensionWeights::default();
    };
    DimensionWeights {
        unit: r.f64(&o, "unit"),
        pledges: r.f64(&o, "pledges"),
        multi: r.f64(&o, "multi"),
    }
}

fn dimensions(r: &mut Reader, path: &str, v: &Value) -> Dimensions {
    let Some(o) = r.obj(path, v, &["weights", "basis"]) else {
        return Dimensions::default();
    };
    Dimensions {
        weights: r.part(&o, "weights", dimension_weights),
        basis: r.basis(&o),
    }
}

fn areas(r: &mut Reader, path: &str, v: &Value) -> Areas {
    let Some(o) = r.obj(path, v, &["items", "basis"]) else {
        return Areas::default();
    };
    Areas {
        items: r.list(&o, "items", labelled),
        basis: r.basis(&o),
    }
}

fn grade_coefficients(r: &mut Reader, path: &str, v: &Value) -> GradeCoefficients {
    let Some(o) = r.obj(path, v, &["A", "B", "C"]) else {
        return GradeCoefficients::default();
    };
    GradeCoefficients {
        a: r.f64(&o, "A"),
        b: r.f64(&o, "B"),
        c: r.f64(&o, "C"),
    }
}

fn grades(r: &mut Reader, path: &str, v: &Value) -> Grades {
    let Some(o) = r.obj(path, v, &["coefficients", "basis"]) else {
        return Grades::default();
    };
    Grades {
        coefficients: r.part(&o, "coefficients", grade_coefficients),
        basis: r.basis(&o),
    }
}

fn grading(r: &mut Reader, path: &str, v: &Value) -> Grading {
    let known = [
        "factor_min",
        "factor_max",
        "a_min_composite",
        "b_min_composite",
        "basis",
    ];
    let Some(o) = r.obj(path, v, &known) else {
        return Grading::default();
    };
    Grading {
        factor_min: r.u8(&o, "factor_min"),
        factor_max: r.u8(&o, "factor_max"),
        a_min_composite: r.u8(&o, "a_min_composite"),
        b_min_composite: r.u8(&o, "b_min_composite"),
        basis: r.basis(&o),
    }
}

fn quarters(r: &mut Reader, path: &str, v: &Value) -> Quarters {
    let Some(o) = r.obj(path, v, &["weights", "basis"]) else {
        return Quarters::default();
    };
    let listed = r.list(&o, "weights", |r, path, v| r.number(path, v));
    let count = listed.len();
    let weights = <[f64; 4]>::try_from(listed).unwrap_or_else(|_| {
        // An absent or mistyped list is reported already; a list of another length here.
        if o.map.get("weights").is_some_and(Value::is_array) {
            r.errors.push(
                o.at("weights"),
                Problem::Count {
                    count,
                    min: 4,
                    max: 4,
                },
            );
        }
        [0.0; 4]
    });
    Quarters {
        weights,
        basis: r.basis(&o),
    }
}

fn pledge_count(r: &mut Reader, path: &str, v: &Value) -> PledgeCount {
    let Some(o) = r.obj(path, v, &["min", "max", "basis"]) else {
        return PledgeCount::default();
    };
    PledgeCount {
        min: r.usize(&o, "min"),
        max: r.usize(&o, "max"),
        basis: r.basis(&o),
    }
}

fn rater_group(r: &mut Reader, path: &str, v: &Value) -> RaterGroupRule {
    let Some(o) = r.obj(path, v, &["id", "zh", "en", "weight"]) else {
        return RaterGroupRule::default();
    };
    RaterGroupRule {
        id: r.string(&o, "id"),
        zh: r.string(&o, "zh"),
        en: r.string(&o, "en"),
        weight: r.f64(&o, "weight"),
    }
}

fn vote_values(r: &mut Reader, path: &str, v: &Value) -> VoteValues {
    let Some(o) = r.obj(path, v, &["good", "fairly_good", "average", "poor"]) else {
        return VoteValues::default();
    };
    VoteValues {
        good: r.f64(&o, "good"),
        fairly_good: r.f64(&o, "fairly_good"),
        average: r.f64(&o, "average"),
        poor: r.f64(&o, "poor"),
    }
}

fn raters(r: &mut Reader, path: &str, v: &Value) -> Raters {
    let Some(o) = r.obj(path, v, &["groups", "vote_values", "max_votes", "basis"]) else {
        return Raters::default();
    };
    Raters {
        groups: r.list(&o, "groups", rater_group),
        vote_values: r.part(&o, "vote_values", vote_values),
        max_votes: r.u32(&o, "max_votes"),
        basis: r.basis(&o),
    }
}

fn list_item(r: &mut Reader, path: &str, v: &Value) -> ListItem {
    let known = ["id", "aspect", "zh", "en", "points", "veto", "quote", "quote_en"];
    let Some(o) = r.obj(path, v, &known) else {
        return ListItem::default();
    };
    ListItem {
        id: r.string(&o, "id"),
        aspect: r.string(&o, "aspect"),
        zh: r.string(&o, "zh"),
        en: r.string(&o, "en"),
        points: r.f64(&o, "points"),
        veto: r.bool(&o, "veto", Some(false)),
        quote: r.opt_string(&o, "quote"),
        quote_en: r.opt_string(&o, "quote_en"),
    }
}

fn positive(r: &mut Reader, path: &str, v: &Value) -> PositiveList {
    let Some(o) = r.obj(path, v, &["bonus_cap", "aspects", "items", "basis"]) else {
        return PositiveList::default();
    };
    PositiveList {
        bonus_cap: r.f64(&o, "bonus_cap"),
        aspects: r.list(&o, "aspects", labelled),
        items: r.list(&o, "items", list_item),
        basis: r.basis(&o),
    }
}

fn negative(r: &mut Reader, path: &str, v: &Value) -> NegativeList {
    let Some(o) = r.obj(path, v, &["aspects", "items", "basis"]) else {
        return NegativeList::default();
    };
    NegativeList {
        aspects: r.list(&o, "aspects", labelled),
        items: r.list(&o, "items", list_item),
        basis: r.basis(&o),
    }
}

fn tolerance(r: &mut Reader, path: &str, v: &Value) -> Tolerance {
    let Some(o) = r.obj(path, v, &["allow_tolerated", "basis"]) else {
        return Tolerance::default();
    };
    Tolerance {
        allow_tolerated: r.bool(&o, "allow_tolerated", None),
        basis: r.basis(&o),
    }
}

fn threshold(r: &mut Reader, path: &str, v: &Value) -> Threshold {
    let Some(o) = r.obj(path, v, &["tier", "min"]) else {
        return Threshold::default();
    };
    Threshold {
        tier: r.string(&o, "tier"),
        min: r.f64(&o, "min"),
    }
}

fn tiers(r: &mut Reader, path: &str, v: &Value) -> Tiers {
    let Some(o) = r.obj(path, v, &["thresholds", "basis"]) else {
        return Tiers::default();
    };
    Tiers {
        thresholds: r.list(&o, "thresholds", threshold),
        basis: r.basis(&o),
    }
}

fn veto(r: &mut Reader, path: &str, v: &Value) -> Veto {
    let Some(o) = r.obj(path, v, &["cap", "basis"]) else {
        return Veto::default();
    };
    Veto {
        cap: r.string(&o, "cap"),
        basis: r.basis(&o),
    }
}

fn quota(r: &mut Reader, path: &str, v: &Value) -> Quota {
    let Some(o) = r.obj(path, v, &["good_quota", "basis"]) else {
        return Quota::default();
    };
    Quota {
        good_quota: r.opt_f64(&o, "good_quota"),
        basis: r.basis(&o),
    }
}

fn honour(r: &mut Reader, path: &str, v: &Value) -> Honour {
    let Some(o) = r.obj(path, v, &["top_n", "zh", "en", "basis"]) else {
        return Honour::default();
    };
    Honour {
        top_n: r.usize(&o, "top_n"),
        zh: r.string(&o, "zh"),
        en: r.string(&o, "en"),
        basis: r.basis(&o),
    }
}

fn projection(r: &mut Reader, path: &str, v: &Value) -> Projection {
    let Some(o) = r.obj(path, v, &["quarter_score", "unit_score", "multi_score", "basis"]) else {
        return Projection::default();
    };
    Projection {
        quarter_score: r.f64(&o, "quarter_score"),
        unit_score: r.f64(&o, "unit_score"),
        multi_score: r.f64(&o, "multi_score"),
        basis: r.basis(&o),
    }
}

fn consequence_text(r: &mut Reader, path: &str, v: &Value) -> ConsequenceText {
    let Some(o) = r.obj(path, v, &["id", "zh", "en", "quote", "quote_en"]) else {
        return ConsequenceText::default();
    };
    ConsequenceText {
        id: r.string(&o, "id"),
        zh: r.string(&o, "zh"),
        en: r.string(&o, "en"),
        quote: r.string(&o, "quote"),
        quote_en: r.opt_string(&o, "quote_en"),
    }
}

fn consequences(r: &mut Reader, path: &str, v: &Value) -> Consequences {
    let known = ["promotion_priority_years", "reassignment_years", "items", "basis"];
    let Some(o) = r.obj(path, v, &known) else {
        return Consequences::default();
    };
    Consequences {
        promotion_priority_years: r.usize(&o, "promotion_priority_years"),
        reassignment_years: r.usize(&o, "reassignment_years"),
        items: r.list(&o, "items", consequence_text),
        basis: r.basis(&o),
    }
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
    Some(RuleSet {
        name: r.string(&o, "name"),
        name_en: r.string(&o, "name_en"),
        version: r.string(&o, "version"),
        effective_year: r.i32(&o, "effective_year"),
        source: r.part(&o, "source", source),
        dimensions: r.part(&o, "dimensions", dimensions),
        areas: r.part(&o, "areas", areas),
        grades: r.part(&o, "grades", grades),
        grading: r.part(&o, "grading", grading),
        quarters: r.part(&o, "quarters", quarters),
        pledge_count: r.part(&o, "pledge_count", pledge_count),
        raters: r.part(&o, "raters", raters),
        positive: r.part(&o, "positive", positive),
        negative: r.part(&o, "negative", negative),
        tolerance: r.part(&o, "tolerance", tolerance),
        political_quality: r.part(&o, "political_quality", basis_only),
        tiers: r.part(&o, "tiers", tiers),
        veto: r.part(&o, "veto", veto),
        quota: r.part(&o, "quota", quota),
        honour: r.part(&o, "honour", honour),
        projection: r.part(&o, "projection", projection),
        consequences: r.part(&o, "consequences", consequences),
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
