//! The assessment of one dossier (spec §10): total, tier, parts, veto, consequences, what was
//! assumed, warnings, the distance to the neighbouring tiers and, when asked, the trace.

use serde::{Deserialize, Serialize};

use super::consequences::{consecutive_years, consequences};
use super::dossier::Dossier;
use super::evaluate::{Engine, Projected, Score};
use super::ids::{Area, Consequence, Grade, PoliticalQuality, Tier};
use super::rules::RuleSet;
use super::text::{round2, Lang};
use super::trace::{NoTrace, Step};

/// The weighted contributions to the total, rounded to 2 decimals for display.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Parts {
    pub unit: f64,
    pub pledges: f64,
    pub multi: f64,
    pub bonus: f64,
    pub deduction: f64,
}

/// The three dimension scores (0–100) before weighting, unrounded.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Dimensions {
    pub unit: f64,
    pub pledges: f64,
    pub multi: f64,
}

/// One pledge's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PledgeResult {
    pub grade: Grade,
    /// The grade its factors give, when it has factors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derived_grade: Option<Grade>,
    pub fulfilment: f64,
    pub coefficient: f64,
    pub score: f64,
    /// The value used for each quarter (scored or projected).
    pub quarters: [f64; 4],
}

/// Why an official is vetoed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum VetoCause {
    Item { id: String },
    PoliticalQuality,
}

/// A missing input and the value assumed for it (spec §7).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssumedInput {
    pub path: String,
    pub value: f64,
    /// `assumption` (given by the user), `scored_mean` (the pledge's scored quarters) or `default`.
    pub basis: String,
}

/// Something worth knowing that does not make the dossier invalid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Warning {
    /// A pledge's explicit grade differs from the grade its factors give; the explicit grade wins.
    GradeDisagreesWithFactors {
        pledge: usize,
        grade: Grade,
        derived: Grade,
    },
    /// No pledge covers one of the three areas.
    AreaWithoutPledge { area: Area },
    /// The dossier names a list item these rules do not have (a dossier written for other
    /// rules, e.g. a cohort ranked under a variant that dropped the item): it counts for nothing.
    ItemNotInRules { list: ListKind, item: String },
}

/// Which of the two lists an item belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ListKind {
    Positive,
    Negative,
}

impl ListKind {
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            ListKind::Positive => lang.pick("正面清单", "positive list"),
            ListKind::Negative => lang.pick("负面清单", "negative list"),
        }
    }
}

impl Warning {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Warning::GradeDisagreesWithFactors { pledge, grade, derived }, Lang::Zh) => {
                format!("承诺 {}:给定等级 {grade} 与三项因素得出的 {derived} 不一致,以给定等级为准", pledge + 1)
            }
            (Warning::GradeDisagreesWithFactors { pledge, grade, derived }, Lang::En) => format!(
                "pledge {}: the given grade {grade} differs from {derived}, which its factors give; the given grade counts",
                pledge + 1
            ),
            (Warning::AreaWithoutPledge { area }, Lang::Zh) => format!("没有“{}”方面的承诺", area.zh()),
            (Warning::AreaWithoutPledge { area }, Lang::En) => format!("no pledge covers ‘{}’", area.en()),
            (Warning::ItemNotInRules { list, item }, Lang::Zh) => {
                format!("{}中没有 {item} 项:这些规则不计它", list.name(lang))
            }
            (Warning::ItemNotInRules { list, item }, Lang::En) => {
                format!("the {} of these rules has no item {item}: it counts for nothing", list.name(lang))
            }
        }
    }
}

/// The next better tier and the points still needed for it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct NextTier {
    pub tier: Tier,
    pub points: f64,
}

/// The full assessment of one dossier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub total: f64,
    pub tier: Tier,
    pub vetoed: bool,
    pub projected: bool,
    pub parts: Parts,
    pub consequences: Vec<Consequence>,
    /// Field paths of the inputs that were assumed.
    pub assumed: Vec<String>,
    pub warnings: Vec<Warning>,
    /// The weighted sum before clamping and rounding.
    pub raw: f64,
    pub dimensions: Dimensions,
    /// The tier the total earns before the veto cap.
    pub uncapped_tier: Tier,
    pub vetoed_by: Vec<VetoCause>,
    pub pledges: Vec<PledgeResult>,
    pub assumed_inputs: Vec<AssumedInput>,
    /// The next better tier and the points to it; `None` at the top or when capped by a veto.
    pub next_tier: Option<NextTier>,
    /// Points above the current tier's threshold.
    pub margin: f64,
    /// Consecutive years at this tier, this year included.
    pub consecutive_years: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trace: Option<Vec<Step>>,
}

impl Engine<'_> {
    /// Evaluates a dossier.
    pub fn evaluate(&self, dossier: &Dossier) -> Assessment {
        let score = self.compute(dossier, &mut NoTrace);
        self.assess(dossier, score)
    }

    /// Evaluates a dossier and records every step of the explanation.
    pub fn evaluate_traced(&self, dossier: &Dossier) -> Assessment {
        let mut steps: Vec<Step> = Vec::with_capacity(24);
        let score = self.compute(dossier, &mut steps);
        let result = self.assess(dossier, score);
        super::plain::finish(self, dossier, &result, &mut steps);
        Assessment {
            trace: Some(steps),
            ..result
        }
    }

    /// Builds the assessment from a score.
    fn assess(&self, dossier: &Dossier, score: Score) -> Assessment {
        let rules = self.rules;
        let tier = score.tier;
        let w = rules.dimensions.weights;
        let parts = Parts {
            unit: round2(w.unit * score.unit),
            pledges: round2(w.pledges * score.pledges),
            multi: round2(w.multi * score.multi),
            bonus: round2(score.bonus),
            deduction: round2(score.deduction),
        };
        let (assumed_inputs, warnings) = (self.assumed_inputs(dossier), self.warnings(dossier));
        let capped_at_top = tier == Tier::Good || (score.vetoed && !self.cap().is_better_than(tier));
        let next_tier = tier.next_up().filter(|_| !capped_at_top).map(|next| NextTier {
            tier: next,
            points: round2(rules.threshold(next) - score.total),
        });
        Assessment {
            total: score.total,
            tier,
            vetoed: score.vetoed,
            projected: score.projected,
            parts,
            consequences: consequences(tier, &dossier.history, rules),
            assumed: assumed_inputs.iter().map(|a| a.path.clone()).collect(),
            warnings,
            raw: score.raw,
            dimensions: Dimensions {
                unit: score.unit,
                pledges: score.pledges,
                multi: score.multi,
            },
            uncapped_tier: score.uncapped,
            vetoed_by: self.veto_causes(dossier),
            pledges: self.pledge_results(dossier),
            assumed_inputs,
            next_tier,
            margin: round2(score.total - rules.threshold(tier)),
            consecutive_years: consecutive_years(tier, &dossier.history),
            trace: None,
        }
    }

    fn pledge_results(&self, dossier: &Dossier) -> Vec<PledgeResult> {
        let rules = self.rules;
        dossier
            .pledges
            .iter()
            .map(|p| {
                let grade = Dossier::pledge_grade(p, rules);
                let fulfilment = self.fulfilment(p, &dossier.assumptions);
                let coefficient = rules.grades.coefficients.of(grade);
                let quarters = [0, 1, 2, 3].map(|q| self.quarter(p, q, &dossier.assumptions).0);
                let score = fulfilment * coefficient;
                PledgeResult {
                    grade,
                    derived_grade: self.derived_grade(p),
                    fulfilment,
                    coefficient,
                    score,
                    quarters,
                }
            })
            .collect()
    }

    fn veto_causes(&self, dossier: &Dossier) -> Vec<VetoCause> {
        let mut causes: Vec<VetoCause> = dossier
            .negative
            .iter()
            .filter(|r| self.rules.negative_item(&r.item).is_some_and(|i| i.veto))
            .map(|r| VetoCause::Item { id: r.item.clone() })
            .collect();
        if dossier.political_quality == PoliticalQuality::Unqualified {
            causes.push(VetoCause::PoliticalQuality);
        }
        causes
    }

    /// Every input that was assumed, with its value and where the value came from.
    pub fn assumed_inputs(&self, dossier: &Dossier) -> Vec<AssumedInput> {
        let mut inputs = Vec::new();
        let basis = |p: Projected| match p {
            Projected::Assumption => "assumption",
            Projected::ScoredMean => "scored_mean",
            Projected::Default | Projected::Given => "default",
        };
        for (i, pledge) in dossier.pledges.iter().enumerate() {
            for q in 0..4 {
                let (value, source) = self.quarter(pledge, q, &dossier.assumptions);
                if source != Projected::Given {
                    inputs.push(AssumedInput {
                        path: format!("pledges[{i}].quarters[{q}]"),
                        value,
                        basis: basis(source).into(),
                    });
                }
            }
        }
        inputs.extend(self.assumed_unit_and_votes(dossier));
        inputs
    }

    /// The assumed unit score and multi-rater score (spec §7), when they are assumed: what a
    /// score needed on the unscored quarters holds fixed.
    pub fn assumed_unit_and_votes(&self, dossier: &Dossier) -> Vec<AssumedInput> {
        let p = &self.rules.projection;
        let assumed_or_default = |path: &str, assumed: Option<f64>, default: f64| match assumed {
            Some(value) => AssumedInput {
                path: path.into(),
                value,
                basis: "assumption".into(),
            },
            None => AssumedInput {
                path: path.into(),
                value: default,
                basis: "default".into(),
            },
        };
        let mut inputs = Vec::new();
        if dossier.unit_score.is_none() {
            inputs.push(assumed_or_default(
                "unit_score",
                dossier.assumptions.unit_score,
                p.unit_score,
            ));
        }
        if self.multi_rater_score(dossier).is_none() {
            inputs.push(assumed_or_default(
                "votes",
                dossier.assumptions.multi_score,
                p.multi_score,
            ));
        }
        inputs
    }

    fn warnings(&self, dossier: &Dossier) -> Vec<Warning> {
        let mut warnings = Vec::new();
        for (i, pledge) in dossier.pledges.iter().enumerate() {
            if let (Some(grade), Some(derived)) = (pledge.grade, self.derived_grade(pledge)) {
                if grade != derived {
                    warnings.push(Warning::GradeDisagreesWithFactors {
                        pledge: i,
                        grade,
                        derived,
                    });
                }
            }
        }
        for area in Area::ALL {
            if !dossier.pledges.iter().any(|p| p.area == *area) {
                warnings.push(Warning::AreaWithoutPledge { area: *area });
            }
        }
        warnings.extend(items_not_in_rules(dossier, self.rules).map(|(list, item)| {
            Warning::ItemNotInRules {
                list,
                item: item.to_string(),
            }
        }));
        warnings
    }
}

/// The list items `dossier` names that `rules` do not have, in the dossier's order.
pub fn items_not_in_rules<'a>(
    dossier: &'a Dossier,
    rules: &'a RuleSet,
) -> impl Iterator<Item = (ListKind, &'a str)> + 'a {
    let positive = dossier
        .positive
        .iter()
        .filter(|c| rules.positive_item(&c.item).is_none())
        .map(|c| (ListKind::Positive, c.item.as_str()));
    let negative = dossier
        .negative
        .iter()
        .filter(|r| rules.negative_item(&r.item).is_none())
        .map(|r| (ListKind::Negative, r.item.as_str()));
    positive.chain(negative)
}
