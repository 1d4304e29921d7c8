//! The arithmetic of spec §2–§5 and §7: pledge, multi-rater and list scores, projection of
//! missing inputs, total, tier and veto cap. [`Engine::score`] is the allocation-free core the
//! what-if and cohort code call many times; [`Engine::evaluate`] builds the full assessment.

use super::dossier::{Assumptions, Dossier, Pledge};
use super::ids::{Grade, PoliticalQuality, RaterGroup, Tier, VoteCategory};
use super::rules::{ProjectionDefaults, RuleSet};
use super::text::{fmt2, fmt_num, round2};
use super::trace::{NoTrace, Step, Tracer};

/// A rule set prepared for fast evaluation.
#[derive(Debug, Clone)]
pub struct Engine<'r> {
    pub rules: &'r RuleSet,
    tier_min: [f64; 3],
    group_weight: [f64; 4],
    vote_value: [f64; 4],
    quarter_weight: [f64; 4],
    projection: ProjectionDefaults,
    cap: Tier,
}

/// The numbers of one evaluation, without anything that allocates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    /// Dimension scores before weighting, 0–100.
    pub unit: f64,
    pub pledges: f64,
    pub multi: f64,
    pub bonus: f64,
    pub deduction: f64,
    pub raw: f64,
    pub total: f64,
    /// The tier the total earns before any veto cap.
    pub uncapped: Tier,
    pub tier: Tier,
    pub vetoed: bool,
    pub projected: bool,
}

/// Where a projected value came from (spec §7).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Projected {
    Given,
    Assumption,
    ScoredMean,
    Default,
}

impl<'r> Engine<'r> {
    pub fn new(rules: &'r RuleSet) -> Engine<'r> {
        Engine {
            rules,
            tier_min: [Tier::Good, Tier::FairlyGood, Tier::Average].map(|t| rules.threshold(t)),
            group_weight: [0, 1, 2, 3].map(|i| rules.raters.weight(RaterGroup::ALL[i])),
            vote_value: [0, 1, 2, 3].map(|i| rules.raters.vote_values.of(VoteCategory::ALL[i])),
            quarter_weight: rules.quarters.weights,
            projection: rules.projection.defaults(),
            cap: rules.veto_cap(),
        }
    }

    /// The total and tier of a dossier, computed without allocating.
    pub fn score(&self, dossier: &Dossier) -> Score {
        self.compute(dossier, &mut NoTrace)
    }

    /// The tier a rounded total earns, before any veto cap.
    pub fn tier_for(&self, total: f64) -> Tier {
        match self.tier_min.iter().position(|min| total >= *min) {
            Some(i) => Tier::ALL[i],
            None => Tier::Poor,
        }
    }

    /// The tier after the veto cap.
    pub fn capped(&self, tier: Tier, vetoed: bool) -> Tier {
        if vetoed && tier.is_better_than(self.cap) {
            self.cap
        } else {
            tier
        }
    }

    /// The best tier a vetoed official can reach.
    pub fn cap(&self) -> Tier {
        self.cap
    }

    /// A quarter's value and where it came from: scored, or projected (spec §7).
    pub(crate) fn quarter(&self, pledge: &Pledge, q: usize, assumptions: &Assumptions) -> (f64, Projected) {
        if let Some(score) = pledge.quarters[q] {
            return (score, Projected::Given);
        }
        if let Some(score) = assumptions.quarter_score {
            return (score, Projected::Assumption);
        }
        let (mut sum, mut weights) = (0.0, 0.0);
        for (w, s) in self.quarter_weight.iter().zip(pledge.quarters.iter()) {
            if let Some(s) = s {
                sum += w * s;
                weights += w;
            }
        }
        if weights > 0.0 {
            (sum / weights, Projected::ScoredMean)
        } else {
            (self.projection.quarter_score, Projected::Default)
        }
    }

    /// Fulfilment of a pledge: the weighted sum of its quarters, projected where unscored.
    pub fn fulfilment(&self, pledge: &Pledge, assumptions: &Assumptions) -> f64 {
        (0..4)
            .map(|q| self.quarter_weight[q] * self.quarter(pledge, q, assumptions).0)
            .sum()
    }

    /// A rater group's score, `None` when it has no votes (spec §3).
    pub fn group_score(&self, dossier: &Dossier, group: RaterGroup) -> Option<f64> {
        let counts = dossier.votes.get(group)?;
        let total = counts.total();
        if total == 0 {
            return None;
        }
        let sum: f64 = VoteCategory::ALL
            .iter()
            .map(|c| self.vote_value[c.index()] * f64::from(counts.get(*c)))
            .sum();
        Some(sum / total as f64)
    }

    /// The multi-rater dimension, `None` when no group has votes.
    pub fn multi_rater_score(&self, dossier: &Dossier) -> Option<f64> {
        let (mut sum, mut weights) = (0.0, 0.0);
        for group in RaterGroup::ALL {
            let weight = self.group_weight[group.index()];
            if let Some(score) = self.group_score(dossier, *group) {
                sum += weight * score;
                weights += weight;
            }
        }
        (weights > 0.0).then(|| sum / weights)
    }

    /// Σ points × count over claimed positive items, before the cap.
    pub fn bonus_claimed(&self, dossier: &Dossier) -> f64 {
        let mut sum = 0.0;
        for claim in &dossier.positive {
            if let Some(item) = self.rules.positive_item(&claim.item) {
                sum += item.points * f64::from(claim.count);
            }
        }
        sum
    }

    /// Σ points × count over recorded negative items that neither veto nor are tolerated.
    pub fn deduction(&self, dossier: &Dossier) -> f64 {
        let mut sum = 0.0;
        for record in dossier.negative.iter().filter(|r| !r.tolerated) {
            if let Some(item) = self.rules.negative_item(&record.item).filter(|i| !i.veto) {
                sum += item.points * f64::from(record.count);
            }
        }
        sum
    }

    /// True when a veto item is recorded or the official is politically unqualified (§4).
    pub fn vetoed(&self, dossier: &Dossier) -> bool {
        dossier.political_quality == PoliticalQuality::Unqualified
            || dossier
                .negative
                .iter()
                .any(|r| self.rules.negative_item(&r.item).is_some_and(|i| i.veto))
    }

    /// The whole evaluation, reporting each step to `trace`.
    pub fn compute<T: Tracer>(&self, dossier: &Dossier, trace: &mut T) -> Score {
        let rules = self.rules;
        let mut projected = false;
        let pledges = self.pledges_dimension(dossier, trace, &mut projected);

        let unit = match (dossier.unit_score, dossier.assumptions.unit_score) {
            (Some(score), _) => score,
            (None, assumed) => {
                projected = true;
                assumed.unwrap_or(self.projection.unit_score)
            }
        };
        trace.step(|| super::explain::unit_step(dossier, unit));

        let measured_multi = self.multi_rater_score(dossier);
        let multi = measured_multi.unwrap_or_else(|| {
            projected = true;
            dossier
                .assumptions
                .multi_score
                .unwrap_or(self.projection.multi_score)
        });
        if T::ENABLED {
            for group in RaterGroup::ALL {
                if let Some(step) = super::explain::group_step(self, dossier, *group) {
                    trace.step(|| step);
                }
            }
        }
        trace.step(|| super::explain::multi_step(self, dossier, multi));

        let claimed = self.bonus_claimed(dossier);
        let bonus = claimed.min(rules.positive.bonus_cap);
        trace.step(|| super::explain::bonus_step(self, dossier, claimed, bonus));
        let deduction = self.deduction(dossier);
        trace.step(|| super::explain::deduction_step(self, dossier, deduction));
        let vetoed = self.vetoed(dossier);
        trace.step(|| super::explain::veto_step(self, dossier, vetoed));

        let w = rules.dimensions.weights;
        let raw = w.unit * unit + w.pledges * pledges + w.multi * multi + bonus - deduction;
        let total = round2(raw.max(0.0));
        trace.step(|| {
            Step::new("raw", "加权合计", "Weighted sum")
                .formula(format!(
                    "{}×{} + {}×{} + {}×{} + {} − {} = {}",
                    fmt_num(w.unit),
                    fmt_num(unit),
                    fmt_num(w.pledges),
                    fmt_num(pledges),
                    fmt_num(w.multi),
                    fmt_num(multi),
                    fmt_num(bonus),
                    fmt_num(deduction),
                    fmt_num(raw)
                ))
                .result(fmt_num(raw))
                .quote(rules.dimensions.basis.quote.as_deref())
        });
        trace.step(|| {
            Step::new(
                "total",
                "总分(四舍五入到两位小数)",
                "Total (rounded to 2 decimals)",
            )
            .formula(format!("round2(max(0, {})) = {}", fmt_num(raw), fmt2(total)))
            .result(fmt2(total))
        });
        let uncapped = self.tier_for(total);
        let tier = self.capped(uncapped, vetoed);
        trace.step(|| super::explain::tier_step(self, total, uncapped, tier, vetoed));
        Score {
            unit,
            pledges,
            multi,
            bonus,
            deduction,
            raw,
            total,
            uncapped,
            tier,
            vetoed,
            projected,
        }
    }

    /// Mean pledge score (spec §2), reporting each pledge's grade, fulfilment and score.
    fn pledges_dimension<T: Tracer>(&self, dossier: &Dossier, trace: &mut T, projected: &mut bool) -> f64 {
        if dossier.pledges.is_empty() {
            return 0.0;
        }
        let mut sum = 0.0;
        for (i, pledge) in dossier.pledges.iter().enumerate() {
            let grade = Dossier::pledge_grade(pledge, self.rules);
            trace.step(|| super::explain::grade_step(self, i, pledge, grade));
            let fulfilment = self.fulfilment(pledge, &dossier.assumptions);
            *projected |= pledge.quarters.iter().any(Option::is_none);
            trace.step(|| super::explain::fulfilment_step(self, i, pledge, &dossier.assumptions, fulfilment));
            let coefficient = self.rules.grades.coefficients.of(grade);
            let score = fulfilment * coefficient;
            trace.step(|| super::explain::pledge_score_step(i, fulfilment, coefficient, grade, score));
            sum += score;
        }
        let mean = sum / dossier.pledges.len() as f64;
        trace.step(|| super::explain::pledges_step(self, dossier, mean));
        mean
    }

    /// The grade a pledge's factors give, if it has factors.
    pub fn derived_grade(&self, pledge: &Pledge) -> Option<Grade> {
        pledge
            .factors
            .map(|f| self.rules.grading.grade_for(f.composite()))
    }

    pub(crate) fn quarter_weights(&self) -> &[f64; 4] {
        &self.quarter_weight
    }

    pub(crate) fn group_weights(&self) -> &[f64; 4] {
        &self.group_weight
    }
}
