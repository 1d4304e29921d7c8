//! What a tier leads to (spec §6), given the previous years' tiers.

use super::ids::{Consequence, Tier};
use super::rules::RuleSet;

/// How many consecutive years end with this one at `tier`, counting back through `history`.
pub fn consecutive_years(tier: Tier, history: &[Tier]) -> usize {
    1 + history.iter().rev().take_while(|t| **t == tier).count()
}

/// The consequences of this year's tier, in the order of the spec's table.
pub fn consequences(tier: Tier, history: &[Tier], rules: &RuleSet) -> Vec<Consequence> {
    let years = consecutive_years(tier, history);
    let c = &rules.consequences;
    match tier {
        Tier::Good if years >= c.promotion_priority_years => {
            vec![Consequence::Commendation, Consequence::PromotionPriority]
        }
        Tier::Good => vec![Consequence::Commendation],
        Tier::FairlyGood => Vec::new(),
        Tier::Average if years >= c.reassignment_years => {
            vec![
                Consequence::Admonishment,
                Consequence::PromotionFreeze,
                Consequence::Reassignment,
            ]
        }
        Tier::Average => vec![Consequence::Admonishment, Consequence::PromotionFreeze],
        Tier::Poor => vec![
            Consequence::PublicCriticism,
            Consequence::SelfInspectionReport,
            Consequence::Demotion,
        ],
    }
}

/// The consequences of each year of a path of tiers (oldest first), each year judged with the
/// years before it as its history: when commendation, promotion priority, admonishment,
/// reassignment or demotion trigger.
pub fn consequences_over_years(tiers: &[Tier], rules: &RuleSet) -> Vec<Vec<Consequence>> {
    (0..tiers.len())
        .map(|year| consequences(tiers[year], &tiers[..year], rules))
        .collect()
}
