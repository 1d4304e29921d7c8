//! Helpers for trainers' workshops over a ranked cohort: the score histogram, the presenter's
//! slides (an explanation trace grouped into one idea per screen), a path of tiers over
//! several years with the consequences each year triggers (spec §6), and a quiz order that
//! visits every tier.

use serde::{Deserialize, Serialize};

use super::cohort::Ranking;
use super::consequences::consequences_over_years;
use super::ids::{Consequence, Tier};
use super::rules::RuleSet;
use super::trace::Step;

/// Totals counted in bins of equal width, each bin split by tier (best first).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Histogram {
    /// The lower edge of the first bin.
    pub start: f64,
    pub width: f64,
    /// `bins[k][tier]`: officials with a total in `[start + k·width, start + (k+1)·width)`.
    pub bins: Vec<[usize; 4]>,
}

impl Histogram {
    /// The largest bin's count (0 for an empty cohort).
    pub fn peak(&self) -> usize {
        self.bins
            .iter()
            .map(|b| b.iter().sum::<usize>())
            .max()
            .unwrap_or(0)
    }
}

/// At most this many bins: the width is the smallest of 0.5, 1, 2, 5, 10, 20 that fits.
const MAX_BINS: usize = 30;

/// The histogram of a ranking's totals.
pub fn histogram(ranking: &Ranking) -> Histogram {
    let totals = ranking.officials.iter().map(|o| o.total);
    let lo = totals.clone().fold(f64::INFINITY, f64::min);
    let hi = totals.fold(f64::NEG_INFINITY, f64::max);
    if !lo.is_finite() {
        return Histogram {
            start: 0.0,
            width: 1.0,
            bins: Vec::new(),
        };
    }
    let span = |w: f64| ((hi / w).floor() - (lo / w).floor()) as usize + 1;
    let width = [0.5, 1.0, 2.0, 5.0, 10.0, 20.0]
        .into_iter()
        .find(|w| span(*w) <= MAX_BINS)
        .unwrap_or(50.0);
    let start = (lo / width).floor() * width;
    let mut bins = vec![[0; 4]; span(width)];
    for o in &ranking.officials {
        let k = (((o.total - start) / width).floor() as usize).min(bins.len() - 1);
        bins[k][o.tier.index()] += 1;
    }
    Histogram { start, width, bins }
}

/// One screen of the presenter's step-through, in the order they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Slide {
    Unit,
    Pledges,
    Multi,
    Lists,
    Veto,
    Total,
    Tier,
    Consequences,
}

impl Slide {
    /// Every slide in presentation order: dimension by dimension, then the lists, the veto,
    /// the total, the tier and the consequences.
    pub const ALL: [Slide; 8] = [
        Slide::Unit,
        Slide::Pledges,
        Slide::Multi,
        Slide::Lists,
        Slide::Veto,
        Slide::Total,
        Slide::Tier,
        Slide::Consequences,
    ];

    /// The slide a trace step belongs to, by its id.
    pub fn of(step_id: &str) -> Slide {
        let head = step_id.split(['.', '[']).next().unwrap_or_default();
        match head {
            "unit" => Slide::Unit,
            "pledges" => Slide::Pledges,
            "multi" => Slide::Multi,
            "bonus" | "deduction" => Slide::Lists,
            "veto" => Slide::Veto,
            "tier" => Slide::Tier,
            "consequences" => Slide::Consequences,
            _ => Slide::Total,
        }
    }

    /// The slide's title in Chinese and English.
    pub fn title(self) -> (&'static str, &'static str) {
        match self {
            Slide::Unit => ("所在单位综合绩效", "Unit performance"),
            Slide::Pledges => ("个人履职践诺", "Pledges"),
            Slide::Multi => ("多维测评", "Multi-rater evaluation"),
            Slide::Lists => ("正负面清单", "Positive and negative lists"),
            Slide::Veto => ("一票否决", "One-vote veto"),
            Slide::Total => ("总分", "Total"),
            Slide::Tier => ("评价等次", "Tier"),
            Slide::Consequences => ("结果运用", "Consequences"),
        }
    }
}

/// The steps of a trace grouped into slides: each slide with the indices of its steps, in
/// presentation order; slides without steps are left out.
pub fn slides(steps: &[Step]) -> Vec<(Slide, Vec<usize>)> {
    Slide::ALL
        .iter()
        .map(|slide| {
            let members = (0..steps.len())
                .filter(|i| Slide::of(&steps[*i].id) == *slide)
                .collect::<Vec<_>>();
            (*slide, members)
        })
        .filter(|(_, members)| !members.is_empty())
        .collect()
}

/// One year of a path of tiers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YearOutcome {
    pub year: i32,
    pub tier: Tier,
    /// The consequences of that year, judged with the years before it as history.
    pub consequences: Vec<Consequence>,
    /// Those not triggered the year before (what this year newly brings).
    pub new: Vec<Consequence>,
}

/// The consequences of each year of `tiers` (oldest first, the first in `first_year`).
pub fn year_path(first_year: i32, tiers: &[Tier], rules: &RuleSet) -> Vec<YearOutcome> {
    let all = consequences_over_years(tiers, rules);
    let mut previous: &[Consequence] = &[];
    let mut out = Vec::with_capacity(tiers.len());
    for (k, (tier, consequences)) in tiers.iter().zip(&all).enumerate() {
        let new = consequences
            .iter()
            .copied()
            .filter(|c| !previous.contains(c))
            .collect();
        out.push(YearOutcome {
            year: first_year + k as i32,
            tier: *tier,
            consequences: consequences.clone(),
            new,
        });
        previous = consequences;
    }
    out
}

/// The consequences a trainer asks about, with the first year each triggers on the path.
pub fn first_triggers(path: &[YearOutcome]) -> Vec<(Consequence, Option<i32>)> {
    [
        Consequence::Commendation,
        Consequence::PromotionPriority,
        Consequence::Admonishment,
        Consequence::Reassignment,
        Consequence::Demotion,
    ]
    .into_iter()
    .map(|c| {
        let year = path.iter().find(|y| y.consequences.contains(&c)).map(|y| y.year);
        (c, year)
    })
    .collect()
}

/// A quiz order: cohort indices taking each tier in turn (good, fairly good, average, poor,
/// good, …), shuffled within each tier by `seed`, so that the room sees every tier early.
pub fn quiz_order(ranking: &Ranking, seed: u64) -> Vec<usize> {
    let mut by_tier: [Vec<usize>; 4] = Default::default();
    for o in &ranking.officials {
        by_tier[o.tier.index()].push(o.index);
    }
    let mut state = seed ^ 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize
    };
    for list in &mut by_tier {
        for i in (1..list.len()).rev() {
            list.swap(i, next() % (i + 1));
        }
    }
    let longest = by_tier.iter().map(Vec::len).max().unwrap_or(0);
    (0..longest)
        .flat_map(|k| by_tier.iter().filter_map(move |list| list.get(k).copied()))
        .collect()
}
