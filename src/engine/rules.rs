//! The rule set as data (spec §1–§7 parameters): every weight, coefficient, threshold, list
//! item and consequence, each group with the article's wording it rests on or a flag saying it
//! is an illustrative default. The default rule set is `rules/default.json`, embedded at build.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::error::FieldErrors;
use super::ids::{Grade, RaterGroup, Tier, VoteCategory};

/// The default rule set's JSON, as shipped in the repository.
pub const DEFAULT_RULES_JSON: &str = include_str!("../../rules/default.json");

/// Where a group of parameters comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Basis {
    /// The article's wording this rests on, if it rests on the article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// An English translation of `quote` (ours, not the article's: shown as a translation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote_en: Option<String>,
    /// True when the numbers are illustrative defaults, not the district's published figures.
    pub illustrative: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_zh: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_en: Option<String>,
}

/// The article the rules cite.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub publication: String,
    pub date: String,
    pub page: String,
    pub title: String,
    pub author: String,
    /// The publication, page and title in English (translations), for English text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publication_en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct DimensionWeights {
    pub unit: f64,
    pub pledges: f64,
    pub multi: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Dimensions {
    pub weights: DimensionWeights,
    pub basis: Basis,
}

/// A named thing with Chinese and English labels (areas, aspects).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Labelled {
    pub id: String,
    pub zh: String,
    pub en: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Areas {
    pub items: Vec<Labelled>,
    pub basis: Basis,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct GradeCoefficients {
    #[serde(rename = "A")]
    pub a: f64,
    #[serde(rename = "B")]
    pub b: f64,
    #[serde(rename = "C")]
    pub c: f64,
}

impl GradeCoefficients {
    pub fn of(&self, grade: Grade) -> f64 {
        match grade {
            Grade::A => self.a,
            Grade::B => self.b,
            Grade::C => self.c,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Grades {
    pub coefficients: GradeCoefficients,
    pub basis: Basis,
}

/// How a grade is derived from the three 1–5 factors (spec §2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Grading {
    pub factor_min: u8,
    pub factor_max: u8,
    pub a_min_composite: u8,
    pub b_min_composite: u8,
    pub basis: Basis,
}

impl Grading {
    /// The grade a composite (sum of the three factors) earns.
    pub fn grade_for(&self, composite: u32) -> Grade {
        if composite >= u32::from(self.a_min_composite) {
            Grade::A
        } else if composite >= u32::from(self.b_min_composite) {
            Grade::B
        } else {
            Grade::C
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Quarters {
    pub weights: [f64; 4],
    pub basis: Basis,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct PledgeCount {
    pub min: usize,
    pub max: usize,
    pub basis: Basis,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RaterGroupRule {
    pub id: String,
    pub zh: String,
    pub en: String,
    pub weight: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct VoteValues {
    pub good: f64,
    pub fairly_good: f64,
    pub average: f64,
    pub poor: f64,
}

impl VoteValues {
    pub fn of(&self, category: VoteCategory) -> f64 {
        match category {
            VoteCategory::Good => self.good,
            VoteCategory::FairlyGood => self.fairly_good,
            VoteCategory::Average => self.average,
            VoteCategory::Poor => self.poor,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Raters {
    pub groups: Vec<RaterGroupRule>,
    pub vote_values: VoteValues,
    pub max_votes: u32,
    pub basis: Basis,
}

impl Raters {
    /// The weight of a group, 0 when the rule set does not list it.
    pub fn weight(&self, group: RaterGroup) -> f64 {
        self.groups
            .iter()
            .find(|g| g.id == group.id())
            .map_or(0.0, |g| g.weight)
    }
}

/// One item of the positive or negative list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ListItem {
    pub id: String,
    pub aspect: String,
    pub zh: String,
    pub en: String,
    /// Points added (positive list) or deducted (negative list); never negative.
    pub points: f64,
    /// A negative item that vetoes instead of deducting.
    #[serde(default)]
    pub veto: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// An English translation of `quote`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote_en: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct PositiveList {
    pub bonus_cap: f64,
    pub aspects: Vec<Labelled>,
    pub items: Vec<ListItem>,
    pub basis: Basis,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct NegativeList {
    pub aspects: Vec<Labelled>,
    pub items: Vec<ListItem>,
    pub basis: Basis,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Tolerance {
    pub allow_tolerated: bool,
    pub basis: Basis,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct BasisOnly {
    pub basis: Basis,
}

/// A tier's lower bound on `total`. The tier id is kept as text so that a wrong id is a
/// validation error naming the field rather than a parse failure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    pub tier: String,
    pub min: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Tiers {
    pub thresholds: Vec<Threshold>,
    pub basis: Basis,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Veto {
    pub cap: String,
    pub basis: Basis,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Quota {
    /// At most this share of a cohort may be `good`; `None` switches the quota off.
    pub good_quota: Option<f64>,
    pub basis: Basis,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Honour {
    pub top_n: usize,
    pub zh: String,
    pub en: String,
    pub basis: Basis,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ProjectionDefaults {
    pub quarter_score: f64,
    pub unit_score: f64,
    pub multi_score: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Projection {
    pub quarter_score: f64,
    pub unit_score: f64,
    pub multi_score: f64,
    pub basis: Basis,
}

impl Projection {
    pub fn defaults(&self) -> ProjectionDefaults {
        ProjectionDefaults {
            quarter_score: self.quarter_score,
            unit_score: self.unit_score,
            multi_score: self.multi_score,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ConsequenceText {
    pub id: String,
    pub zh: String,
    pub en: String,
    pub quote: String,
    /// An English translation of `quote`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote_en: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Consequences {
    pub promotion_priority_years: usize,
    pub reassignment_years: usize,
    pub items: Vec<ConsequenceText>,
    pub basis: Basis,
}

/// A complete rule set. Build one with [`RuleSet::from_json`] (validated) or
/// [`RuleSet::default`]; the engine assumes a validated rule set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSet {
    pub name: String,
    pub name_en: String,
    pub version: String,
    pub effective_year: i32,
    pub source: Source,
    pub dimensions: Dimensions,
    pub areas: Areas,
    pub grades: Grades,
    pub grading: Grading,
    pub quarters: Quarters,
    pub pledge_count: PledgeCount,
    pub raters: Raters,
    pub positive: PositiveList,
    pub negative: NegativeList,
    pub tolerance: Tolerance,
    pub political_quality: BasisOnly,
    pub tiers: Tiers,
    pub veto: Veto,
    pub quota: Quota,
    pub honour: Honour,
    pub projection: Projection,
    pub consequences: Consequences,
}

impl Default for RuleSet {
    fn default() -> Self {
        RuleSet::from_json(DEFAULT_RULES_JSON).expect("rules/default.json is a valid rule set")
    }
}

impl RuleSet {
    /// Parses and validates a rule set; every problem is reported with its field path.
    pub fn from_json(text: &str) -> Result<RuleSet, FieldErrors> {
        let rules = super::rules_read::parse(text)?;
        super::rules_check::validate(&rules)?;
        Ok(rules)
    }

    /// A stable content hash: SHA-256 of the canonical JSON, as `sha256:` and 16 hex digits.
    pub fn content_hash(&self) -> String {
        let canonical = serde_json::to_vec(self).unwrap_or_default();
        let digest = Sha256::digest(&canonical);
        let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
        format!("sha256:{hex}")
    }

    /// The lower bound of `tier` on the total; 0 for the lowest tier.
    pub fn threshold(&self, tier: Tier) -> f64 {
        self.tiers
            .thresholds
            .iter()
            .find(|t| t.tier == tier.id())
            .map_or(0.0, |t| t.min)
    }

    /// The best tier a vetoed official can reach.
    pub fn veto_cap(&self) -> Tier {
        Tier::from_id(&self.veto.cap).unwrap_or(Tier::FairlyGood)
    }

    pub fn positive_item(&self, id: &str) -> Option<&ListItem> {
        self.positive.items.iter().find(|i| i.id == id)
    }

    pub fn negative_item(&self, id: &str) -> Option<&ListItem> {
        self.negative.items.iter().find(|i| i.id == id)
    }

    /// The Chinese and English wording of a consequence.
    pub fn consequence_text(&self, id: &str) -> Option<&ConsequenceText> {
        self.consequences.items.iter().find(|c| c.id == id)
    }
}
