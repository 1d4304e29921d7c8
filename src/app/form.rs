//! The editor's form: the dossier as the user is typing it. Every number field keeps its raw
//! text, so a half-typed or wrong entry stays on screen; [`Form::to_value`] turns the form into
//! the exchange JSON (spec §10) and the engine's own validation decides what is wrong and where.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Number, Value};

use crate::engine::dossier::{Dossier, Pledge};
use crate::engine::ids::{Area, Grade, PoliticalQuality, RaterGroup, Tier, UnitKind, VoteCategory};

/// One pledge card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PledgeForm {
    /// A stable key for the list (survives removals).
    pub key: u32,
    pub area: Area,
    pub title: String,
    /// The grade chosen directly; `None` when the grade is derived from the factors.
    pub grade: Option<Grade>,
    /// Difficulty, innovation, contribution (1–5); `None` when the grade is chosen directly.
    pub factors: Option<[u8; 3]>,
    /// Q1..Q4 as typed; empty means 未评分 (not scored).
    pub quarters: [String; 4],
}

/// A claimed positive item or a recorded negative item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemForm {
    pub item: String,
    pub count: String,
    pub tolerated: bool,
}

/// The whole editable dossier.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Form {
    pub name: String,
    pub post: String,
    pub unit_kind: Option<UnitKind>,
    pub year: String,
    /// False while the unit's score is not published yet.
    pub unit_published: bool,
    pub unit_score: String,
    pub pledges: Vec<PledgeForm>,
    /// Votes per rater group and category, in the order of [`RaterGroup::ALL`] × [`VoteCategory::ALL`].
    pub votes: [[String; 4]; 4],
    pub unqualified: bool,
    /// In the order they are sent to the engine (paths `positive[i]` index this list).
    pub positive: Vec<ItemForm>,
    pub negative: Vec<ItemForm>,
    pub history: Vec<Tier>,
    /// Assumed quarter score, unit score, multi-rater score; empty = the rule set's default.
    pub assumptions: [String; 3],
    pub next_key: u32,
}

/// Text of a number as typed back into a field.
pub fn number_text(x: f64) -> String {
    format!("{x}")
}

fn optional_text(x: Option<f64>) -> String {
    x.map(number_text).unwrap_or_default()
}

/// Reads a typed number: empty is `null`, a number is a number, anything else stays text so
/// that the engine reports it as the wrong type at its path. Full-width digits are accepted.
pub fn number_value(text: &str) -> Value {
    let normal: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' | '。' => '.',
            '－' => '-',
            other => other,
        })
        .collect();
    if normal.is_empty() {
        return Value::Null;
    }
    match normal.parse::<f64>() {
        Ok(x) if x.is_finite() => Number::from_f64(x).map_or(Value::Null, Value::Number),
        _ => Value::String(text.to_string()),
    }
}

impl PledgeForm {
    pub fn new(key: u32, area: Area) -> PledgeForm {
        PledgeForm {
            key,
            area,
            title: String::new(),
            grade: Some(Grade::B),
            factors: None,
            quarters: Default::default(),
        }
    }

    fn from_pledge(key: u32, p: &Pledge) -> PledgeForm {
        PledgeForm {
            key,
            area: p.area,
            title: p.title.clone().unwrap_or_default(),
            grade: p.grade,
            factors: p.factors.map(|f| [f.difficulty, f.innovation, f.contribution]),
            quarters: p.quarters.map(optional_text),
        }
    }

    fn to_value(&self) -> Value {
        let mut map = Map::new();
        map.insert("area".into(), self.area.id().into());
        if !self.title.trim().is_empty() {
            map.insert("title".into(), self.title.trim().into());
        }
        if let Some(grade) = self.grade {
            map.insert("grade".into(), grade.id().into());
        }
        if let Some([d, i, c]) = self.factors {
            let factors = serde_json::json!({"difficulty": d, "innovation": i, "contribution": c});
            map.insert("factors".into(), factors);
        }
        let quarters: Vec<Value> = self.quarters.iter().map(|q| number_value(q)).collect();
        map.insert("quarters".into(), Value::Array(quarters));
        Value::Object(map)
    }
}

impl Form {
    /// The form of a fresh self-assessment: one pledge per area, nothing scored yet.
    pub fn blank() -> Form {
        let mut form = Form::default();
        for area in Area::ALL {
            form.add_pledge(*area);
        }
        form
    }

    /// Appends a pledge card with a fresh key.
    pub fn add_pledge(&mut self, area: Area) {
        self.pledges.push(PledgeForm::new(self.next_key, area));
        self.next_key += 1;
    }

    /// The form showing a (valid) dossier.
    pub fn from_dossier(d: &Dossier) -> Form {
        let mut votes: [[String; 4]; 4] = Default::default();
        for (g, group) in RaterGroup::ALL.iter().enumerate() {
            if let Some(counts) = d.votes.get(*group) {
                for (c, category) in VoteCategory::ALL.iter().enumerate() {
                    votes[g][c] = counts.get(*category).to_string();
                }
            }
        }
        let item = |item: &str, count: u32, tolerated: bool| ItemForm {
            item: item.to_string(),
            count: count.to_string(),
            tolerated,
        };
        Form {
            name: d.name.clone().unwrap_or_default(),
            post: d.post.clone().unwrap_or_default(),
            unit_kind: d.unit_kind,
            year: d.year.map(|y| y.to_string()).unwrap_or_default(),
            unit_published: d.unit_score.is_some(),
            unit_score: optional_text(d.unit_score),
            pledges: d
                .pledges
                .iter()
                .enumerate()
                .map(|(i, p)| PledgeForm::from_pledge(i as u32, p))
                .collect(),
            votes,
            unqualified: d.political_quality == PoliticalQuality::Unqualified,
            positive: d.positive.iter().map(|c| item(&c.item, c.count, false)).collect(),
            negative: d
                .negative
                .iter()
                .map(|r| item(&r.item, r.count, r.tolerated))
                .collect(),
            history: d.history.clone(),
            assumptions: [
                optional_text(d.assumptions.quarter_score),
                optional_text(d.assumptions.unit_score),
                optional_text(d.assumptions.multi_score),
            ],
            next_key: d.pledges.len() as u32,
        }
    }

    /// The form as exchange JSON; invalid entries are kept as they are for the engine to name.
    pub fn to_value(&self) -> Value {
        let mut map = Map::new();
        let mut text = |key: &str, value: &str| {
            if !value.trim().is_empty() {
                map.insert(key.into(), value.trim().into());
            }
        };
        text("name", &self.name);
        text("post", &self.post);
        if let Some(kind) = self.unit_kind {
            map.insert("unit_kind".into(), kind.id().into());
        }
        if !self.year.trim().is_empty() {
            map.insert("year".into(), number_value(&self.year));
        }
        let unit = if self.unit_published {
            number_value(&self.unit_score)
        } else {
            Value::Null
        };
        map.insert("unit_score".into(), unit);
        let pledges = self.pledges.iter().map(PledgeForm::to_value).collect();
        map.insert("pledges".into(), Value::Array(pledges));
        let mut votes = Map::new();
        for (g, group) in RaterGroup::ALL.iter().enumerate() {
            let mut counts = Map::new();
            for (c, category) in VoteCategory::ALL.iter().enumerate() {
                if !self.votes[g][c].trim().is_empty() {
                    counts.insert(category.id().into(), number_value(&self.votes[g][c]));
                }
            }
            if !counts.is_empty() {
                votes.insert(group.id().into(), Value::Object(counts));
            }
        }
        if !votes.is_empty() {
            map.insert("votes".into(), Value::Object(votes));
        }
        if self.unqualified {
            map.insert(
                "political_quality".into(),
                PoliticalQuality::Unqualified.id().into(),
            );
        }
        let items = |list: &[ItemForm], negative: bool| -> Value {
            let entries = list.iter().map(|i| {
                let mut entry = Map::new();
                entry.insert("item".into(), i.item.clone().into());
                entry.insert("count".into(), number_value(&i.count));
                if negative && i.tolerated {
                    entry.insert("tolerated".into(), true.into());
                }
                Value::Object(entry)
            });
            Value::Array(entries.collect())
        };
        if !self.positive.is_empty() {
            map.insert("positive".into(), items(&self.positive, false));
        }
        if !self.negative.is_empty() {
            map.insert("negative".into(), items(&self.negative, true));
        }
        if !self.history.is_empty() {
            let history = self.history.iter().map(|t| Value::from(t.id())).collect();
            map.insert("history".into(), Value::Array(history));
        }
        let mut assumptions = Map::new();
        for (key, text) in ["quarter_score", "unit_score", "multi_score"]
            .iter()
            .zip(self.assumptions.iter())
        {
            if !text.trim().is_empty() {
                assumptions.insert((*key).into(), number_value(text));
            }
        }
        if !assumptions.is_empty() {
            map.insert("assumptions".into(), Value::Object(assumptions));
        }
        Value::Object(map)
    }

    /// The form's positive claim of `item`, if claimed.
    pub fn positive_index(&self, item: &str) -> Option<usize> {
        self.positive.iter().position(|i| i.item == item)
    }

    /// The form's negative record of `item`, if recorded.
    pub fn negative_index(&self, item: &str) -> Option<usize> {
        self.negative.iter().position(|i| i.item == item)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::RuleSet;

    const EXAMPLE: &str = include_str!("examples/01-complete-good.json");

    #[test]
    fn a_dossier_survives_the_form() {
        let rules = RuleSet::default();
        let d = Dossier::from_json(EXAMPLE, &rules).unwrap();
        let back = Dossier::from_value(&Form::from_dossier(&d).to_value(), &rules).unwrap();
        assert_eq!(back, d);
    }

    #[test]
    fn a_blank_form_is_a_valid_projection() {
        let rules = RuleSet::default();
        let d = Dossier::from_value(&Form::blank().to_value(), &rules).unwrap();
        assert_eq!(d.pledges.len(), 3);
    }

    #[test]
    fn typed_text_reaches_the_engine_at_its_path() {
        let rules = RuleSet::default();
        let mut form = Form::blank();
        form.pledges[1].quarters[2] = "104".into();
        form.votes[1][0] = "abc".into();
        let errors = Dossier::from_value(&form.to_value(), &rules).unwrap_err();
        let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, ["pledges[1].quarters[2]", "votes.peers.good"]);
    }

    #[test]
    fn full_width_digits_are_numbers() {
        assert_eq!(number_value("９１．５"), serde_json::json!(91.5));
        assert_eq!(number_value(" "), Value::Null);
        assert_eq!(number_value("9a"), Value::String("9a".into()));
    }
}
