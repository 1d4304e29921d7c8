//! What-if analysis (spec §8): every single change with its new total and tier, the distance
//! to the neighbouring tiers, the score still needed on the unscored quarters for each better
//! tier (closed form), and the smallest changes — single or paired — that lift the tier.

use serde::{Deserialize, Serialize};

use super::dossier::{Dossier, NegativeRecord, PositiveClaim};
use super::evaluate::{Engine, Score};
use super::ids::{Grade, Tier};
use super::text::round2;

/// One change to a dossier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    /// Grade pledge `pledge` at `to` instead of `from`.
    Regrade { pledge: usize, from: Grade, to: Grade },
    /// Claim positive item `item` once.
    Claim { item: String },
    /// Have negative item `item` recorded once.
    Incur { item: String },
    /// Score every quarter not scored yet at `score`.
    RemainingQuarters { score: f64 },
}

impl Change {
    /// Makes the change to a dossier for good (the app's "apply").
    pub fn apply(&self, dossier: &mut Dossier) {
        match self {
            Change::RemainingQuarters { score } => {
                for quarter in dossier.pledges.iter_mut().flat_map(|p| p.quarters.iter_mut()) {
                    quarter.get_or_insert(*score);
                }
            }
            other => {
                let _ = apply_reversibly(dossier, other);
            }
        }
    }
}

/// What undoes a reversible change.
enum Undo {
    Grade(usize, Option<super::ids::Grade>),
    Positive,
    Negative,
    QuarterScore(Option<f64>),
    Nothing,
}

fn apply_reversibly(d: &mut Dossier, change: &Change) -> Undo {
    match change {
        Change::Regrade { pledge, to, .. } => match d.pledges.get_mut(*pledge) {
            Some(p) => Undo::Grade(*pledge, p.grade.replace(*to)),
            None => Undo::Nothing,
        },
        Change::Claim { item } => {
            d.positive.push(PositiveClaim {
                item: item.clone(),
                count: 1,
            });
            Undo::Positive
        }
        Change::Incur { item } => {
            d.negative.push(NegativeRecord {
                item: item.clone(),
                count: 1,
                tolerated: false,
            });
            Undo::Negative
        }
        Change::RemainingQuarters { score } => {
            Undo::QuarterScore(d.assumptions.quarter_score.replace(*score))
        }
    }
}

fn undo(d: &mut Dossier, undo: Undo) {
    match undo {
        Undo::Grade(i, grade) => d.pledges[i].grade = grade,
        Undo::Positive => {
            d.positive.pop();
        }
        Undo::Negative => {
            d.negative.pop();
        }
        Undo::QuarterScore(score) => d.assumptions.quarter_score = score,
        Undo::Nothing => {}
    }
}

/// A change and what it leads to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    pub changes: Vec<Change>,
    pub total: f64,
    pub tier: Tier,
    /// New total minus the current total.
    pub delta: f64,
    pub tier_changed: bool,
    pub vetoed: bool,
}

/// Whether a better tier can be reached through the unscored quarters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reach {
    /// Reached with the score given (the lowest, to 2 decimals).
    Reachable,
    /// Even 100 on every unscored quarter falls short.
    Unreachable,
    /// A veto caps the official below this tier.
    CappedByVeto,
    /// Every quarter is scored already.
    NoUnscoredQuarters,
}

/// The lowest uniform score on all unscored quarters that reaches `tier`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuarterTarget {
    pub tier: Tier,
    pub reach: Reach,
    pub score: Option<f64>,
}

/// The whole what-if report of one dossier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WhatIf {
    pub total: f64,
    pub tier: Tier,
    pub vetoed: bool,
    /// Points to the next tier up; `None` at the top or when capped by a veto.
    pub points_to_next: Option<f64>,
    pub next_tier: Option<Tier>,
    /// Points above the current tier's threshold.
    pub margin: f64,
    pub unscored_quarters: usize,
    pub regrades: Vec<Scenario>,
    pub claims: Vec<Scenario>,
    pub incurs: Vec<Scenario>,
    pub quarter_targets: Vec<QuarterTarget>,
    /// The smallest changes that lift the tier, smallest first.
    pub lifts: Vec<Scenario>,
}

const MAX_LIFTS: usize = 20;

impl Engine<'_> {
    /// The what-if report of a dossier.
    pub fn what_if(&self, dossier: &Dossier) -> WhatIf {
        let base = self.score(dossier);
        let mut scratch = dossier.clone();
        let singles = self.single_changes(dossier);
        let run = |scratch: &mut Dossier, changes: Vec<Change>| self.scenario(scratch, &base, changes);
        let mut regrades = Vec::new();
        let mut claims = Vec::new();
        let mut incurs = Vec::new();
        for change in singles {
            let list = match change {
                Change::Regrade { .. } => &mut regrades,
                Change::Claim { .. } => &mut claims,
                _ => &mut incurs,
            };
            list.push(run(&mut scratch, vec![change]));
        }
        let quarter_targets = self.quarter_targets(&mut scratch, &base);
        let lifts = self.lifts(&mut scratch, &base, &regrades, &claims, &quarter_targets);
        let next = base
            .tier
            .next_up()
            .filter(|t| !(base.vetoed && t.is_better_than(self.cap())));
        WhatIf {
            total: base.total,
            tier: base.tier,
            vetoed: base.vetoed,
            points_to_next: next.map(|t| round2(self.rules.threshold(t) - base.total)),
            next_tier: next,
            margin: round2(base.total - self.rules.threshold(base.tier)),
            unscored_quarters: dossier
                .pledges
                .iter()
                .flat_map(|p| p.quarters.iter())
                .filter(|q| q.is_none())
                .count(),
            regrades,
            claims,
            incurs,
            quarter_targets,
            lifts,
        }
    }

    /// Every pledge re-graded to each other grade, every unclaimed positive item claimed, every
    /// unrecorded negative item incurred.
    pub fn single_changes(&self, dossier: &Dossier) -> Vec<Change> {
        let rules = self.rules;
        let mut changes = Vec::new();
        for (i, pledge) in dossier.pledges.iter().enumerate() {
            let from = Dossier::pledge_grade(pledge, rules);
            changes.extend(
                Grade::ALL
                    .iter()
                    .filter(|g| **g != from)
                    .map(|to| Change::Regrade {
                        pledge: i,
                        from,
                        to: *to,
                    }),
            );
        }
        for item in &rules.positive.items {
            if !dossier.positive.iter().any(|c| c.item == item.id) {
                changes.push(Change::Claim {
                    item: item.id.clone(),
                });
            }
        }
        for item in &rules.negative.items {
            if !dossier.negative.iter().any(|r| r.item == item.id) {
                changes.push(Change::Incur {
                    item: item.id.clone(),
                });
            }
        }
        changes
    }

    fn score_with(&self, scratch: &mut Dossier, changes: &[Change]) -> Score {
        let undos: Vec<Undo> = changes.iter().map(|c| apply_reversibly(scratch, c)).collect();
        let score = self.score(scratch);
        for u in undos.into_iter().rev() {
            undo(scratch, u);
        }
        score
    }

    fn scenario(&self, scratch: &mut Dossier, base: &Score, changes: Vec<Change>) -> Scenario {
        let score = self.score_with(scratch, &changes);
        Scenario {
            changes,
            total: score.total,
            tier: score.tier,
            delta: round2(score.total - base.total),
            tier_changed: score.tier != base.tier,
            vetoed: score.vetoed,
        }
    }

    /// The lowest uniform score on the unscored quarters reaching `target`, with `changes` made.
    /// The total is linear in that score, so two evaluations fix the line; the answer is then
    /// rounded up to 2 decimals and checked against the rounding of the total.
    fn needed_quarter_score(
        &self,
        scratch: &mut Dossier,
        changes: &[Change],
        target: Tier,
    ) -> (Reach, Option<f64>) {
        if !scratch
            .pledges
            .iter()
            .any(|p| p.quarters.iter().any(Option::is_none))
        {
            return (Reach::NoUnscoredQuarters, None);
        }
        let mut at = |x: f64| {
            let mut with = changes.to_vec();
            with.push(Change::RemainingQuarters { score: x });
            self.score_with(scratch, &with)
        };
        let (low, high) = (at(0.0), at(100.0));
        if low.vetoed && target.is_better_than(self.cap()) {
            return (Reach::CappedByVeto, None);
        }
        let reaches = |s: &Score| !target.is_better_than(s.tier);
        if reaches(&low) {
            return (Reach::Reachable, Some(0.0));
        }
        if !reaches(&high) {
            return (Reach::Unreachable, None);
        }
        let slope = (high.raw - low.raw) / 100.0;
        let exact = (self.rules.threshold(target) - 0.005 - low.raw) / slope;
        let mut x = ((exact * 100.0).ceil() / 100.0).clamp(0.0, 100.0);
        for _ in 0..4 {
            if reaches(&at(x)) {
                let lower = round2(x - 0.01);
                if lower >= 0.0 && reaches(&at(lower)) {
                    x = lower;
                    continue;
                }
                return (Reach::Reachable, Some(x));
            }
            x = round2((x + 0.01).min(100.0));
        }
        (Reach::Reachable, Some(x))
    }

    fn quarter_targets(&self, scratch: &mut Dossier, base: &Score) -> Vec<QuarterTarget> {
        Tier::ALL
            .iter()
            .filter(|t| t.is_better_than(base.tier))
            .map(|tier| {
                let (reach, score) = self.needed_quarter_score(scratch, &[], *tier);
                QuarterTarget {
                    tier: *tier,
                    reach,
                    score,
                }
            })
            .collect()
    }

    fn lifts(
        &self,
        scratch: &mut Dossier,
        base: &Score,
        regrades: &[Scenario],
        claims: &[Scenario],
        targets: &[QuarterTarget],
    ) -> Vec<Scenario> {
        let Some(next) = base.tier.next_up() else {
            return Vec::new();
        };
        if base.vetoed && !self.cap().is_better_than(base.tier) {
            return Vec::new();
        }
        let upgrades = regrades
            .iter()
            .filter(|s| matches!(s.changes[0], Change::Regrade { from, to, .. } if to < from));
        let candidates: Vec<&Scenario> = upgrades.chain(claims.iter()).collect();
        let lifts_tier = |s: &Scenario| s.tier.is_better_than(base.tier);
        let mut found: Vec<Scenario> = candidates
            .iter()
            .filter(|s| lifts_tier(s))
            .map(|s| (*s).clone())
            .collect();
        let alone = targets
            .iter()
            .find(|t| t.tier == next)
            .and_then(|t| t.score.filter(|_| t.reach == Reach::Reachable));
        if let Some(score) = alone {
            found.push(self.scenario(scratch, base, vec![Change::RemainingQuarters { score }]));
        }
        let weak: Vec<&Scenario> = candidates.into_iter().filter(|s| !lifts_tier(s)).collect();
        for (i, a) in weak.iter().enumerate() {
            for b in &weak[i + 1..] {
                if same_pledge(&a.changes[0], &b.changes[0]) {
                    continue;
                }
                let pair = self.scenario(scratch, base, vec![a.changes[0].clone(), b.changes[0].clone()]);
                if lifts_tier(&pair) {
                    found.push(pair);
                }
            }
            if let (Reach::Reachable, Some(score)) = self.needed_quarter_score(scratch, &a.changes, next) {
                if alone.is_none_or(|needed| score < needed) && score > 0.0 {
                    let changes = vec![a.changes[0].clone(), Change::RemainingQuarters { score }];
                    found.push(self.scenario(scratch, base, changes));
                }
            }
        }
        found.sort_by(|x, y| {
            x.changes
                .len()
                .cmp(&y.changes.len())
                .then(x.delta.total_cmp(&y.delta))
        });
        found.truncate(MAX_LIFTS);
        found
    }
}

fn same_pledge(a: &Change, b: &Change) -> bool {
    matches!((a, b), (Change::Regrade { pledge: x, .. }, Change::Regrade { pledge: y, .. }) if x == y)
}
