//! A cohort (spec §5–§6): every official evaluated, competition ranking by total, the optional
//! quota on the good tier, the top-n honour among non-vetoed good officials, the distribution.

use serde::{Deserialize, Serialize};

use super::consequences::consequences;
use super::dossier::Dossier;
use super::evaluate::{Engine, Score};
use super::ids::{Consequence, Tier};
use super::rules::RuleSet;

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

/// A ranking being made ([`Engine::ranking_of`]).
pub struct RankingBuild {
    order: Vec<usize>,
    totals: Vec<f64>,
    ranks: Vec<usize>,
    tiers: Vec<Tier>,
    honour: Vec<bool>,
    quota: Option<QuotaOutcome>,
    distribution: [usize; 4],
    officials: Vec<Ranked>,
}

impl RankingBuild {
    /// Makes up to `n` more entries, in rank order; true once every official has one.
    /// `officials` are the ones scored (`scores[i]` is official `i`'s) under `rules`.
    pub fn step(&mut self, (officials, scores): (&[Dossier], &[Score]), rules: &RuleSet, n: usize) -> bool {
        self.entries(scores, n, |i, tier| {
            let d = &officials[i];
            (
                d.display_name().to_string(),
                d.post.clone(),
                consequences(tier, &d.history, rules),
            )
        })
    }

    /// How many entries are made, of how many.
    pub fn progress(&self) -> (usize, usize) {
        (self.officials.len(), self.order.len())
    }

    fn entries(
        &mut self,
        scores: &[Score],
        n: usize,
        mut shown: impl FnMut(usize, Tier) -> (String, Option<String>, Vec<Consequence>),
    ) -> bool {
        let from = self.officials.len();
        let to = from.saturating_add(n).min(self.order.len());
        for &i in &self.order[from..to] {
            let tier = self.tiers[i];
            self.distribution[tier.index()] += 1;
            let (name, post, consequences) = shown(i, tier);
            self.officials.push(Ranked {
                index: i,
                name,
                post,
                total: self.totals[i],
                tier,
                rank: self.ranks[i],
                honour: self.honour[i],
                vetoed: scores[i].vetoed,
                projected: scores[i].projected,
                quota_demoted: tier != scores[i].tier,
                consequences,
            });
        }
        self.officials.len() == self.order.len()
    }

    /// The ranking, once every entry is made.
    pub fn finish(self) -> Ranking {
        assert_eq!(self.officials.len(), self.order.len(), "every entry made");
        Ranking {
            honoured: self.honour.iter().filter(|h| **h).count(),
            officials: self.officials,
            distribution: self.distribution,
            quota: self.quota,
        }
    }
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

/// One official as a ranking needs them: the score, and what the ranking shows. A reader that
/// ranks officials as it decodes them keeps these and lets the rest of each dossier go
/// ([`Engine::rank_standings`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Standing {
    pub score: Score,
    /// [`Dossier::display_name`].
    pub name: String,
    pub post: Option<String>,
    pub history: Vec<Tier>,
}

impl Engine<'_> {
    /// An official's standing, the strings moved out of the dossier.
    pub fn standing(&self, mut d: Dossier) -> Standing {
        let score = self.score(&d);
        let name = match d.name.take() {
            Some(name) => name,
            None => d.display_name().to_string(),
        };
        Standing {
            score,
            name,
            post: d.post,
            history: d.history,
        }
    }

    /// Evaluates and ranks a cohort.
    pub fn rank(&self, officials: &[Dossier]) -> Ranking {
        let scores: Vec<Score> = officials.iter().map(|d| self.score(d)).collect();
        self.rank_with_scores(officials, &scores)
    }

    /// [`Engine::rank`] of officials scored already (`scores[i]` is `self.score(&officials[i])`,
    /// computed a slice at a time by a reader that must not keep the page busy): the same
    /// ranking.
    pub fn rank_with_scores(&self, officials: &[Dossier], scores: &[Score]) -> Ranking {
        assert_eq!(officials.len(), scores.len(), "a score for every official");
        self.rank_scored(scores, |i, tier| {
            let d = &officials[i];
            (
                d.display_name().to_string(),
                d.post.clone(),
                consequences(tier, &d.history, self.rules),
            )
        })
    }

    /// [`Engine::rank`] of officials already scored: the same ranking, the strings moved.
    pub fn rank_standings(&self, mut standings: Vec<Standing>) -> Ranking {
        let scores: Vec<Score> = standings.iter().map(|s| s.score).collect();
        self.rank_scored(&scores, |i, tier| {
            let s = &mut standings[i];
            (
                std::mem::take(&mut s.name),
                s.post.take(),
                consequences(tier, &s.history, self.rules),
            )
        })
    }

    /// The ranking of officials with these scores; `shown(i, tier)` gives official `i`'s name,
    /// post and consequences, once each, in rank order.
    fn rank_scored(
        &self,
        scores: &[Score],
        shown: impl FnMut(usize, Tier) -> (String, Option<String>, Vec<Consequence>),
    ) -> Ranking {
        let mut build = self.ranking_of(scores);
        build.entries(scores, usize::MAX, shown);
        build.finish()
    }

    /// A ranking made a piece at a time, for a reader that must not keep the page busy for
    /// long: the order, ranks and tiers at once (a sort), then [`RankingBuild::step`] makes the
    /// entries so many at a time, and [`RankingBuild::finish`] gives [`Engine::rank`]'s ranking.
    pub fn ranking_of(&self, scores: &[Score]) -> RankingBuild {
        let totals: Vec<f64> = scores.iter().map(|s| s.total).collect();
        let mut order: Vec<usize> = (0..scores.len()).collect();
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
        let mut honour = vec![false; scores.len()];
        for (k, &i) in good.iter().enumerate() {
            honour[i] = good_ranks[k] <= self.rules.honour.top_n;
        }
        RankingBuild {
            officials: Vec::with_capacity(order.len()),
            order,
            totals,
            ranks,
            tiers,
            honour,
            quota,
            distribution: [0; 4],
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
