//! Baseline against variant: the same cohort ranked under two rule sets, with the tier
//! transition matrix, who changes tier and why (which parts of the total moved, which
//! threshold moved, the veto and the quota), the honour list's changes and both distributions.

use serde::{Deserialize, Serialize};

use super::assessment::{self, ListKind};

use super::cohort::Ranking;
use super::dossier::Dossier;
use super::evaluate::{Engine, Score};
use super::ids::Tier;
use super::rules::RuleSet;
use super::text::{round2, Lang};

/// How the weighted parts of one official's total moved (variant minus baseline).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PartDeltas {
    pub unit: f64,
    pub pledges: f64,
    pub multi: f64,
    pub bonus: f64,
    pub deduction: f64,
    pub total: f64,
}

/// One official whose tier or honour differs between the two rule sets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mover {
    pub index: usize,
    pub name: String,
    pub from: Tier,
    pub to: Tier,
    pub total_before: f64,
    pub total_after: f64,
    pub parts: PartDeltas,
    /// The boundary crossed: the better of the two tiers, with its threshold before and after.
    pub boundary: Tier,
    pub threshold_before: f64,
    pub threshold_after: f64,
    pub vetoed_before: bool,
    pub vetoed_after: bool,
    pub quota_demoted_before: bool,
    pub quota_demoted_after: bool,
    pub honour_before: bool,
    pub honour_after: bool,
}

/// The comparison of a cohort under a baseline and a variant rule set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// `transitions[from][to]`: how many officials go from a baseline tier to a variant tier.
    pub transitions: [[usize; 4]; 4],
    /// Officials whose tier or honour changes, largest change in total first.
    pub movers: Vec<Mover>,
    pub honour_gained: Vec<String>,
    pub honour_lost: Vec<String>,
    pub distribution_before: [usize; 4],
    pub distribution_after: [usize; 4],
    pub baseline: Ranking,
    pub variant: Ranking,
    /// List items the cohort claims that the baseline rules do not have (they count for nothing there).
    pub not_in_baseline: Vec<ItemUse>,
    /// List items the cohort claims that the variant does not have.
    pub not_in_variant: Vec<ItemUse>,
}

/// A list item named in a cohort's dossiers, and by how many officials.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemUse {
    pub list: ListKind,
    pub item: String,
    pub officials: usize,
}

impl ItemUse {
    /// “正面清单 P3(4 人)” / “positive list P3 (4 officials)”, joined for a list of them.
    pub fn describe(uses: &[ItemUse], lang: Lang) -> String {
        let one = |u: &ItemUse| match lang {
            Lang::Zh => format!("{} {}({} 人)", u.list.name(lang), u.item, u.officials),
            Lang::En => {
                let who = if u.officials == 1 { "official" } else { "officials" };
                format!("{} {} ({} {who})", u.list.name(lang), u.item, u.officials)
            }
        };
        uses.iter()
            .map(one)
            .collect::<Vec<_>>()
            .join(lang.pick("、", ", "))
    }
}

/// The list items the officials name that `rules` do not have, each with how many officials
/// name it, in the order first met.
pub fn items_not_in_rules(officials: &[Dossier], rules: &RuleSet) -> Vec<ItemUse> {
    let mut uses: Vec<ItemUse> = Vec::new();
    // The last official counted for each item: one who names it twice counts once.
    let mut last: Vec<usize> = Vec::new();
    for (i, dossier) in officials.iter().enumerate() {
        for (list, item) in assessment::items_not_in_rules(dossier, rules) {
            match uses.iter().position(|u| u.list == list && u.item == item) {
                Some(k) if last[k] == i => {}
                Some(k) => {
                    uses[k].officials += 1;
                    last[k] = i;
                }
                None => {
                    uses.push(ItemUse {
                        list,
                        item: item.to_string(),
                        officials: 1,
                    });
                    last.push(i);
                }
            }
        }
    }
    uses
}

fn weighted(engine: &Engine, s: &Score) -> [f64; 5] {
    let w = engine.rules.dimensions.weights;
    [
        w.unit * s.unit,
        w.pledges * s.pledges,
        w.multi * s.multi,
        s.bonus,
        s.deduction,
    ]
}

/// Ranks `officials` under both engines and compares the outcomes.
pub fn compare(officials: &[Dossier], baseline: &Engine, variant: &Engine) -> Comparison {
    let before = baseline.rank(officials);
    let after = variant.rank(officials);
    let by_index = |ranking: &Ranking| {
        let mut lines: Vec<usize> = vec![0; officials.len()];
        for (position, r) in ranking.officials.iter().enumerate() {
            lines[r.index] = position;
        }
        lines
    };
    let (pos_before, pos_after) = (by_index(&before), by_index(&after));
    let mut transitions = [[0; 4]; 4];
    let mut movers = Vec::new();
    let (mut honour_gained, mut honour_lost) = (Vec::new(), Vec::new());
    for (i, dossier) in officials.iter().enumerate() {
        let b = &before.officials[pos_before[i]];
        let a = &after.officials[pos_after[i]];
        transitions[b.tier.index()][a.tier.index()] += 1;
        match (b.honour, a.honour) {
            (false, true) => honour_gained.push(a.name.clone()),
            (true, false) => honour_lost.push(b.name.clone()),
            _ => {}
        }
        if b.tier == a.tier && b.honour == a.honour {
            continue;
        }
        let (sb, sa) = (baseline.score(dossier), variant.score(dossier));
        let (wb, wa) = (weighted(baseline, &sb), weighted(variant, &sa));
        let d = |k: usize| round2(wa[k] - wb[k]);
        movers.push(Mover {
            index: i,
            name: a.name.clone(),
            from: b.tier,
            to: a.tier,
            total_before: b.total,
            total_after: a.total,
            parts: PartDeltas {
                unit: d(0),
                pledges: d(1),
                multi: d(2),
                bonus: d(3),
                deduction: d(4),
                total: round2(a.total - b.total),
            },
            boundary: b.tier.min(a.tier),
            threshold_before: baseline.rules.threshold(b.tier.min(a.tier)),
            threshold_after: variant.rules.threshold(b.tier.min(a.tier)),
            vetoed_before: b.vetoed,
            vetoed_after: a.vetoed,
            quota_demoted_before: b.quota_demoted,
            quota_demoted_after: a.quota_demoted,
            honour_before: b.honour,
            honour_after: a.honour,
        });
    }
    movers.sort_by(|x, y| {
        y.parts
            .total
            .abs()
            .total_cmp(&x.parts.total.abs())
            .then(x.index.cmp(&y.index))
    });
    Comparison {
        transitions,
        movers,
        honour_gained,
        honour_lost,
        distribution_before: before.distribution,
        distribution_after: after.distribution,
        baseline: before,
        variant: after,
        not_in_baseline: items_not_in_rules(officials, baseline.rules),
        not_in_variant: items_not_in_rules(officials, variant.rules),
    }
}
