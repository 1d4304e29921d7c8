//! A cohort (spec §5–§6): every official evaluated, competition ranking by total, the optional
//! quota on the good tier, the top-n honour among non-vetoed good officials, the distribution.

use serde::{Deserialize, Serialize};

use super::consequences::consequences;
use super::dossier::Dossier;
use super::evaluate::{Engine, Score};
use super::ids::{Consequence, Tier};

/// One official's line in the ranking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ranked {
    /// Position in the cohort as given.
    pub index: usize,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post: Option<String>,
    pub total: f64,
    pub tier: Tier,
    /// Competition rank by total over the whole cohort (1, 2, 2, 4).
    pub rank: usize,
    /// Receives the top-n honour (担当作为好干部).
    pub honour: bool,
    pub vetoed: bool,
    pub projected: bool,
    /// Dropped from good to fairly good by the quota.
    pub quota_demoted: bool,
    pub consequences: Vec<Consequence>,
}

/// What the quota did, when it is on.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct QuotaOutcome {
    pub quota: f64,
    /// floor(quota × cohort size).
    pub allowed: usize,
    pub good_before: usize,
    pub good_after: usize,
    /// More than `allowed` stayed good because they tied at the cut.
    pub exceeded_by_tie: bool,
}

/// The ranking of a cohort.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ranking {
    /// In rank order (ties in cohort order).
    pub officials: Vec<Ranked>,
    /// Count per tier, best first.
    pub distribution: [usize; 4],
    pub honoured: usize,
    pub quota: Option<QuotaOutcome>,
}

/// Competition ranks (1, 2, 2, 4) of `totals` in descending order, given the order `sorted`.
fn competition_ranks(sorted: &[usize], totals: &[f64]) -> Vec<usize> {
    let mut ranks = vec![0; totals.len()];
    for (position, &i) in sorted.iter().enumerate() {
        ranks[i] = match position {
            0 => 1,
            _ if totals[sorted[position - 1]] == totals[i] => ranks[sorted[position - 1]],
            _ => position + 1,
        };
    }
    ranks
}

impl Engine<'_> {
    /// Evaluates and ranks a cohort.
    pub fn rank(&self, officials: &[Dossier]) -> Ranking {
        let scores: Vec<Score> = officials.iter().map(|d| self.score(d)).collect();
        let totals: Vec<f64> = scores.iter().map(|s| s.total).collect();
        let mut order: Vec<usize> = (0..officials.len()).collect();
        order.sort_by(|a, b| totals[*b].total_cmp(&totals[*a]).then(a.cmp(b)));
        let ranks = competition_ranks(&order, &totals);
        let mut tiers: Vec<Tier> = scores.iter().map(|s| s.tier).collect();
        let quota = self.apply_quota(&order, &totals, &mut tiers);

        let good: Vec<usize> = order
            .iter()
            .copied()
            .filter(|i| tiers[*i] == Tier::Good && !scores[*i].vetoed)
            .collect();
        let good_totals: Vec<f64> = good.iter().map(|i| totals[*i]).collect();
        let good_ranks = competition_ranks(&(0..good.len()).collect::<Vec<_>>(), &good_totals);
        let mut honour = vec![false; officials.len()];
        for (k, &i) in good.iter().enumerate() {
            honour[i] = good_ranks[k] <= self.rules.honour.top_n;
        }

        let mut distribution = [0; 4];
        let ranked = order
            .iter()
            .map(|&i| {
                let d = &officials[i];
                distribution[tiers[i].index()] += 1;
                Ranked {
                    index: i,
                    name: d.display_name().to_string(),
                    post: d.post.clone(),
                    total: totals[i],
                    tier: tiers[i],
                    rank: ranks[i],
                    honour: honour[i],
                    vetoed: scores[i].vetoed,
                    projected: scores[i].projected,
                    quota_demoted: tiers[i] != scores[i].tier,
                    consequences: consequences(tiers[i], &d.history, self.rules),
                }
            })
            .collect();
        Ranking {
            officials: ranked,
            distribution,
            honoured: honour.iter().filter(|h| **h).count(),
            quota,
        }
    }

    /// Drops the good officials ranked beyond floor(quota × n) to fairly good; ties at the cut
    /// stay good.
    fn apply_quota(&self, order: &[usize], totals: &[f64], tiers: &mut [Tier]) -> Option<QuotaOutcome> {
        let quota = self.rules.quota.good_quota?;
        let allowed = (quota * tiers.len() as f64 + 1e-9).floor() as usize;
        let good: Vec<usize> = order
            .iter()
            .copied()
            .filter(|i| tiers[*i] == Tier::Good)
            .collect();
        let good_totals: Vec<f64> = good.iter().map(|i| totals[*i]).collect();
        let ranks = competition_ranks(&(0..good.len()).collect::<Vec<_>>(), &good_totals);
        let mut kept = 0;
        for (k, &i) in good.iter().enumerate() {
            if ranks[k] > allowed {
                tiers[i] = Tier::FairlyGood;
            } else {
                kept += 1;
            }
        }
        Some(QuotaOutcome {
            quota,
            allowed,
            good_before: good.len(),
            good_after: kept,
            exceeded_by_tie: kept > allowed,
        })
    }
}
