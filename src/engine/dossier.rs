//! The dossier: everything known about one official's year (spec §10). Read one with
//! [`Dossier::from_json`], which validates it against a rule set (spec §9).

use serde::{Deserialize, Serialize};

use super::error::FieldErrors;
use super::fast;
use super::ids::{Area, Grade, PoliticalQuality, RaterGroup, Tier, UnitKind, VoteCategory};
use super::mark::RulesMark;
use super::rules::RuleSet;

/// One official's assessment year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Dossier {
    /// The rules the file was written under (informational: evaluation does not read it).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "fast::opt_map"
    )]
    pub rules: Option<RulesMark>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "fast::opt_id"
    )]
    pub unit_kind: Option<UnitKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// The unit's comprehensive performance score, 0–100; `None` while not published.
    #[serde(default)]
    pub unit_score: Option<f64>,
    #[serde(deserialize_with = "fast::vec_of_maps")]
    pub pledges: Vec<Pledge>,
    #[serde(
        default,
        skip_serializing_if = "Votes::is_empty",
        deserialize_with = "fast::map_or_default"
    )]
    pub votes: Votes,
    #[serde(default, deserialize_with = "fast::id_or_default")]
    pub political_quality: PoliticalQuality,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "fast::vec_of_maps_or_empty"
    )]
    pub positive: Vec<PositiveClaim>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "fast::vec_of_maps_or_empty"
    )]
    pub negative: Vec<NegativeRecord>,
    /// Previous years' tiers, oldest first.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "fast::vec_of_ids_or_empty"
    )]
    pub history: Vec<Tier>,
    #[serde(
        default,
        skip_serializing_if = "Assumptions::is_empty",
        deserialize_with = "fast::map_or_default"
    )]
    pub assumptions: Assumptions,
}

/// One published pledge (履职承诺).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pledge {
    #[serde(deserialize_with = "fast::id")]
    pub area: Area,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "fast::opt_id"
    )]
    pub grade: Option<Grade>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "fast::opt_map"
    )]
    pub factors: Option<Factors>,
    /// Q1..Q4, each 0–100 or `None` while not scored.
    pub quarters: [Option<f64>; 4],
}

/// The three grading factors, each 1–5 under the default rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Factors {
    pub difficulty: u8,
    pub innovation: u8,
    pub contribution: u8,
}

impl Factors {
    pub fn composite(&self) -> u32 {
        u32::from(self.difficulty) + u32::from(self.innovation) + u32::from(self.contribution)
    }
}

/// Votes of one rater group; a missing category is 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct VoteCounts {
    #[serde(default)]
    pub good: u32,
    #[serde(default)]
    pub fairly_good: u32,
    #[serde(default)]
    pub average: u32,
    #[serde(default)]
    pub poor: u32,
}

impl VoteCounts {
    pub fn get(&self, category: VoteCategory) -> u32 {
        match category {
            VoteCategory::Good => self.good,
            VoteCategory::FairlyGood => self.fairly_good,
            VoteCategory::Average => self.average,
            VoteCategory::Poor => self.poor,
        }
    }

    pub fn set(&mut self, category: VoteCategory, count: u32) {
        match category {
            VoteCategory::Good => self.good = count,
            VoteCategory::FairlyGood => self.fairly_good = count,
            VoteCategory::Average => self.average = count,
            VoteCategory::Poor => self.poor = count,
        }
    }

    pub fn total(&self) -> u64 {
        u64::from(self.good) + u64::from(self.fairly_good) + u64::from(self.average) + u64::from(self.poor)
    }
}

/// The votes of each rater group that has voted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Votes {
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "fast::opt_map"
    )]
    pub district_leaders: Option<VoteCounts>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "fast::opt_map"
    )]
    pub peers: Option<VoteCounts>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "fast::opt_map"
    )]
    pub unit_staff: Option<VoteCounts>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "fast::opt_map"
    )]
    pub public: Option<VoteCounts>,
}

impl Votes {
    pub fn get(&self, group: RaterGroup) -> Option<&VoteCounts> {
        match group {
            RaterGroup::DistrictLeaders => self.district_leaders.as_ref(),
            RaterGroup::Peers => self.peers.as_ref(),
            RaterGroup::UnitStaff => self.unit_staff.as_ref(),
            RaterGroup::Public => self.public.as_ref(),
        }
    }

    pub fn slot(&mut self, group: RaterGroup) -> &mut Option<VoteCounts> {
        match group {
            RaterGroup::DistrictLeaders => &mut self.district_leaders,
            RaterGroup::Peers => &mut self.peers,
            RaterGroup::UnitStaff => &mut self.unit_staff,
            RaterGroup::Public => &mut self.public,
        }
    }

    pub fn is_empty(&self) -> bool {
        RaterGroup::ALL.iter().all(|g| self.get(*g).is_none())
    }
}

/// A positive-list item the official claims (正面清单).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PositiveClaim {
    pub item: String,
    #[serde(default = "one")]
    pub count: u32,
}

/// A negative-list item recorded against the official (负面清单).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NegativeRecord {
    pub item: String,
    #[serde(default = "one")]
    pub count: u32,
    /// Waived under the error-tolerance procedure (容错纠错): listed, deducts nothing.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub tolerated: bool,
}

fn one() -> u32 {
    1
}

/// Values to assume for inputs not known yet (spec §7).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Assumptions {
    #[serde(default)]
    pub quarter_score: Option<f64>,
    #[serde(default)]
    pub unit_score: Option<f64>,
    #[serde(default)]
    pub multi_score: Option<f64>,
}

impl Assumptions {
    pub fn is_empty(&self) -> bool {
        self.quarter_score.is_none() && self.unit_score.is_none() && self.multi_score.is_none()
    }
}

/// A cohort of officials (spec §10).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Cohort {
    /// The rules the file was written under (informational: evaluation does not read it).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "fast::opt_map"
    )]
    pub rules: Option<RulesMark>,
    #[serde(deserialize_with = "fast::vec_of_maps")]
    pub officials: Vec<Dossier>,
}

impl Dossier {
    /// Parses and validates a dossier; every problem is reported with its field path.
    ///
    /// Valid text takes the fast path (serde's derived decoder, then the checks on the typed
    /// value); only text that it declines is walked as a JSON value for every problem.
    pub fn from_json(text: &str, rules: &RuleSet) -> Result<Dossier, FieldErrors> {
        if fast::IN_USE {
            if let Some(dossier) = fast::dossier(text, rules) {
                return Ok(dossier);
            }
        }
        let value = super::json::parse_value(text)?;
        Dossier::from_value(&value, rules)
    }

    /// Validates an already parsed JSON value.
    pub fn from_value(value: &serde_json::Value, rules: &RuleSet) -> Result<Dossier, FieldErrors> {
        super::dossier_check::decode(value, rules)
    }

    /// Checks a dossier built in code against the rules, as if it had been read from JSON.
    pub fn validate(&self, rules: &RuleSet) -> Result<(), FieldErrors> {
        let mut errors = self.non_finite_numbers();
        if errors.is_empty() && !fast::accepts(self, rules) {
            let value = serde_json::to_value(self).unwrap_or_default();
            if let Err(found) = Dossier::from_value(&value, rules) {
                errors = found;
            }
        }
        errors.into_result(())
    }

    /// NaN and infinite numbers, which JSON cannot hold (they would be written as `null`).
    fn non_finite_numbers(&self) -> FieldErrors {
        let mut errors = FieldErrors::default();
        let mut check = |path: String, value: Option<f64>| {
            if let Some(x) = value.filter(|x| !x.is_finite()) {
                let problem = super::error::Problem::OutOfRange {
                    value: x,
                    min: 0.0,
                    max: 100.0,
                };
                errors.push(path, problem);
            }
        };
        check("unit_score".into(), self.unit_score);
        for (i, pledge) in self.pledges.iter().enumerate() {
            for (q, score) in pledge.quarters.iter().enumerate() {
                check(format!("pledges[{i}].quarters[{q}]"), *score);
            }
        }
        let a = &self.assumptions;
        check("assumptions.quarter_score".into(), a.quarter_score);
        check("assumptions.unit_score".into(), a.unit_score);
        check("assumptions.multi_score".into(), a.multi_score);
        errors
    }

    /// The grade the pledge is assessed at: its explicit grade, else the one its factors give.
    pub fn pledge_grade(pledge: &Pledge, rules: &RuleSet) -> Grade {
        match (pledge.grade, pledge.factors) {
            (Some(grade), _) => grade,
            (None, Some(factors)) => rules.grading.grade_for(factors.composite()),
            (None, None) => Grade::C,
        }
    }

    /// A short name for messages: the name, else the post, else "—".
    pub fn display_name(&self) -> &str {
        self.name.as_deref().or(self.post.as_deref()).unwrap_or("—")
    }
}

impl Cohort {
    /// Parses and validates a cohort; paths are under `officials[i]`. Like
    /// [`Dossier::from_json`], valid text takes the fast path.
    pub fn from_json(text: &str, rules: &RuleSet) -> Result<Cohort, FieldErrors> {
        if fast::IN_USE {
            if let Some(cohort) = fast::cohort(text, rules) {
                return Ok(cohort);
            }
        }
        let value = super::json::parse_value(text)?;
        Cohort::from_value(&value, rules)
    }

    /// Validates an already parsed JSON value (the walk that collects every problem).
    pub fn from_value(value: &serde_json::Value, rules: &RuleSet) -> Result<Cohort, FieldErrors> {
        super::dossier_check::decode_cohort(value, rules)
    }
}
