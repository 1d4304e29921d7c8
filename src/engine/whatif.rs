//! What-if analysis (spec §8): every single change with its new total and tier — re-grading a
//! pledge, claiming or incurring a list item, and the reverse: taking back a claimed item,
//! removing a recorded one, waiving a deduction under error tolerance, lifting the veto — each
//! flagged where it touches the veto and all of them in order of effect
//! ([`WhatIf::by_effect`]); the distance to the neighbouring tiers; the score still needed on
//! the unscored quarters for each better tier (closed form), with what it holds fixed; and the
//! smallest changes — single or paired — that lift the tier.

use serde::{Deserialize, Serialize};

use super::assessment::AssumedInput;
use super::dossier::{Dossier, NegativeRecord, PositiveClaim};
use super::evaluate::{Engine, Score};
use super::ids::{Grade, PoliticalQuality, Tier};
use super::rules::RuleSet;
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
    /// Take back the claim of positive item `item`.
    Unclaim { item: String },
    /// Remove negative item `item` from the record (a veto item too).
    Remove { item: String },
    /// Waive recorded negative item `item` under error tolerance (a non-veto item only).
    Tolerate { item: String },
    /// Lift the veto: remove the veto items `items` and, when `requalify`, set political
    /// quality back to qualified.
    LiftVeto { items: Vec<String>, requalify: bool },
}

impl Change {
    /// Makes the change to a dossier for good (the app's "apply"; undo by keeping the dossier
    /// as it was).
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

    /// True when the change names a veto item or lifts the veto.
    pub fn touches_veto(&self, rules: &RuleSet) -> bool {
        match self {
            Change::Incur { item } | Change::Remove { item } => {
                rules.negative_item(item).is_some_and(|i| i.veto)
            }
            Change::LiftVeto { .. } => true,
            _ => false,
        }
    }
}

/// What undoes a reversible change.
enum Undo {
    Grade(usize, Option<super::ids::Grade>),
    Positive,
    Negative,
    QuarterScore(Option<f64>),
    Claimed(usize, PositiveClaim),
    Recorded(usize, NegativeRecord),
    Tolerated(usize, bool),
    Record(Vec<NegativeRecord>, PoliticalQuality),
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
        Change::Unclaim { item } => match d.positive.iter().position(|c| c.item == *item) {
            Some(i) => Undo::Claimed(i, d.positive.remove(i)),
            None => Undo::Nothing,
        },
        Change::Remove { item } => match d.negative.iter().position(|r| r.item == *item) {
            Some(i) => Undo::Recorded(i, d.negative.remove(i)),
            None => Undo::Nothing,
        },
        Change::Tolerate { item } => match d.negative.iter().position(|r| r.item == *item) {
            Some(i) => Undo::Tolerated(i, std::mem::replace(&mut d.negative[i].tolerated, true)),
            None => Undo::Nothing,
        },
        Change::LiftVeto { items, requalify } => {
            let before = (d.negative.clone(), d.political_quality);
            d.negative.retain(|r| !items.contains(&r.item));
            if *requalify {
                d.political_quality = PoliticalQuality::Qualified;
            }
            Undo::Record(before.0, before.1)
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
        Undo::Claimed(i, claim) => d.positive.insert(i, claim),
        Undo::Recorded(i, record) => d.negative.insert(i, record),
        Undo::Tolerated(i, was) => d.negative[i].tolerated = was,
        Undo::Record(negative, quality) => {
            d.negative = negative;
            d.political_quality = quality;
        }
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
    /// True when the change touches the veto: it adds or lifts a veto, or names a veto item.
    #[serde(default)]
    pub veto: bool,
}

impl Scenario {
    /// How much the scenario changes: tiers moved, then whether the veto changes, then the
    /// size of the change in the total — larger first when sorted by [`std::cmp::Reverse`].
    fn effect(&self, now: Tier, vetoed: bool) -> (usize, bool, bool, f64) {
        (
            self.tier.index().abs_diff(now.index()),
            self.vetoed != vetoed,
            self.veto,
            self.delta.abs(),
        )
    }
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
    /// True when some input is assumed (spec §7): the figures are a projection.
    #[serde(default)]
    pub projected: bool,
    /// Points to the next tier up; `None` at the top or when capped by a veto.
    pub points_to_next: Option<f64>,
    pub next_tier: Option<Tier>,
    /// Points above the current tier's threshold.
    pub margin: f64,
    pub unscored_quarters: usize,
    pub regrades: Vec<Scenario>,
    pub claims: Vec<Scenario>,
    pub incurs: Vec<Scenario>,
    /// Each claimed positive item taken back and each recorded negative item removed.
    #[serde(default)]
    pub removals: Vec<Scenario>,
    /// Each recorded, deducting negative item waived under error tolerance (when the rules
    /// allow it).
    #[serde(default)]
    pub waivers: Vec<Scenario>,
    /// The veto lifted all at once, when it has more than one cause or comes from the
    /// political-quality test (a single veto item's removal is among `removals`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub veto_lift: Option<Scenario>,
    pub quarter_targets: Vec<QuarterTarget>,
    /// What the quarter targets (and the lifts that score the remaining quarters) hold fixed
    /// besides what is entered: the assumed unit score and votes, where they are assumed.
    #[serde(default)]
    pub held_fixed: Vec<AssumedInput>,
    /// The smallest changes that lift the tier, smallest first.
    pub lifts: Vec<Scenario>,
}

impl WhatIf {
    /// Every single change — re-grades, claims, incurs, removals, waivers and the veto's lift
    /// — largest effect first: the most tiers moved, then a veto added or lifted, then a veto
    /// item named, then the largest change in the total; ties keep the listed order.
    pub fn by_effect(&self) -> Vec<&Scenario> {
        let mut all: Vec<&Scenario> = self
            .regrades
            .iter()
            .chain(&self.claims)
            .chain(&self.incurs)
            .chain(&self.removals)
            .chain(&self.waivers)
            .chain(&self.veto_lift)
            .collect();
        let (tier, vetoed) = (self.tier, self.vetoed);
        all.sort_by(|a, b| {
            let (a, b) = (a.effect(tier, vetoed), b.effect(tier, vetoed));
            (b.0, b.1, b.2).cmp(&(a.0, a.1, a.2)).then(b.3.total_cmp(&a.3))
        });
        all
    }
}

const MAX_LIFTS: usize = 20;

impl Engine<'_> {
    /// The what-if report of a dossier.
    pub fn what_if(&self, dossier: &Dossier) -> WhatIf {
        let base = self.score(dossier);
        let mut scratch = dossier.clone();
        let singles = self.single_changes(dossier);
        let run = |scratch: &mut Dossier, changes: Vec<Change>| self.scenario(scratch, &base, changes);
        let (mut regrades, mut claims, mut incurs) = (Vec::new(), Vec::new(), Vec::new());
        let (mut removals, mut waivers, mut veto_lift) = (Vec::new(), Vec::new(), None);
        for change in singles {
            let scenario = run(&mut scratch, vec![change]);
            match scenario.changes[0] {
                Change::Regrade { .. } => regrades.push(scenario),
                Change::Claim { .. } => claims.push(scenario),
                Change::Incur { .. } => incurs.push(scenario),
                Change::Tolerate { .. } => waivers.push(scenario),
                Change::LiftVeto { .. } => veto_lift = Some(scenario),
                _ => removals.push(scenario),
            }
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
            projected: base.projected,
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
            removals,
            waivers,
            veto_lift,
            quarter_targets,
            held_fixed: self.assumed_unit_and_votes(dossier),
            lifts,
        }
    }

    /// Every pledge re-graded to each other grade, every unclaimed positive item claimed, every
    /// unrecorded negative item incurred; then the reverse: every claimed positive item taken
    /// back, every recorded negative item removed, every recorded deducting item waived (when
    /// the rules allow waivers), and the veto lifted at once when it has more than one cause or
    /// comes from the political-quality test.
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
        changes.extend(self.reverse_changes(dossier));
        changes
    }

    fn reverse_changes(&self, dossier: &Dossier) -> Vec<Change> {
        let rules = self.rules;
        let mut changes: Vec<Change> = dossier
            .positive
            .iter()
            .filter(|c| rules.positive_item(&c.item).is_some())
            .map(|c| Change::Unclaim { item: c.item.clone() })
            .collect();
        let recorded = || {
            dossier
                .negative
                .iter()
                .filter_map(|r| Some((r, rules.negative_item(&r.item)?)))
        };
        changes.extend(recorded().map(|(r, _)| Change::Remove { item: r.item.clone() }));
        if rules.tolerance.allow_tolerated {
            let deducting = recorded().filter(|(r, item)| !item.veto && !r.tolerated);
            changes.extend(deducting.map(|(r, _)| Change::Tolerate { item: r.item.clone() }));
        }
        let vetoing: Vec<String> = recorded()
            .filter(|(_, item)| item.veto)
            .map(|(r, _)| r.item.clone())
            .collect();
        let requalify = dossier.political_quality == PoliticalQuality::Unqualified;
        if vetoing.len() > 1 || requalify {
            changes.push(Change::LiftVeto {
                items: vetoing,
                requalify,
            });
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
        let veto = score.vetoed != base.vetoed || changes.iter().any(|c| c.touches_veto(self.rules));
        Scenario {
            changes,
            total: score.total,
            tier: score.tier,
            delta: round2(score.total - base.total),
            tier_changed: score.tier != base.tier,
            vetoed: score.vetoed,
            veto,
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
