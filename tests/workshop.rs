//! Workshop helpers: the histogram counts everyone in the right tier, the presenter's slides
//! follow the evaluation (dimensions, lists, veto, total, tier, consequences), year paths say
//! when each consequence triggers, and the quiz visits every tier.

use dongliang::engine::workshop::{first_triggers, histogram, quiz_order, slides, year_path, Slide};
use dongliang::engine::{demo, Consequence, Engine, RuleSet, Tier};

#[test]
fn the_histogram_counts_every_official_once_in_bins_that_cover_their_totals() {
    let rules = RuleSet::default();
    let cohort = demo::cohort(2023, 98, 2023);
    let ranking = Engine::new(&rules).rank(&cohort.officials);
    let h = histogram(&ranking);
    assert!(h.bins.len() <= 30 && !h.bins.is_empty());
    let counted: usize = h.bins.iter().flatten().sum();
    assert_eq!(counted, 98);
    for tier in Tier::ALL {
        let in_bins: usize = h.bins.iter().map(|b| b[tier.index()]).sum();
        assert_eq!(in_bins, ranking.distribution[tier.index()], "{tier}");
    }
    for o in &ranking.officials {
        let k = ((o.total - h.start) / h.width).floor() as usize;
        assert!(h.bins[k][o.tier.index()] > 0, "{} in bin {k}", o.total);
    }
    assert!(h.peak() >= 98 / h.bins.len());
}

#[test]
fn an_empty_ranking_has_an_empty_histogram() {
    let rules = RuleSet::default();
    let ranking = Engine::new(&rules).rank(&[]);
    assert!(histogram(&ranking).bins.is_empty());
    assert_eq!(histogram(&ranking).peak(), 0);
}

#[test]
fn slides_group_the_trace_dimension_by_dimension_then_lists_veto_total_tier_consequences() {
    let rules = RuleSet::default();
    let cohort = demo::cohort(7, 5, 2023);
    let result = Engine::new(&rules).evaluate_traced(&cohort.officials[0]);
    let steps = result.trace.unwrap();
    let grouped = slides(&steps);
    let order: Vec<Slide> = grouped.iter().map(|(s, _)| *s).collect();
    assert_eq!(order, Slide::ALL.to_vec());
    let covered: usize = grouped.iter().map(|(_, m)| m.len()).sum();
    assert_eq!(covered, steps.len(), "every step is on a slide");
    let ids = |slide: Slide| -> Vec<&str> {
        let (_, members) = grouped.iter().find(|(s, _)| *s == slide).unwrap();
        members.iter().map(|i| steps[*i].id.as_str()).collect()
    };
    assert_eq!(ids(Slide::Unit), ["unit"]);
    assert_eq!(ids(Slide::Lists), ["bonus", "deduction"]);
    assert_eq!(ids(Slide::Total), ["raw", "total"]);
    assert_eq!(ids(Slide::Tier), ["tier"]);
    assert!(ids(Slide::Pledges).ends_with(&["pledges"]));
    assert!(ids(Slide::Multi).iter().all(|id| id.starts_with("multi")));
    assert_eq!(Slide::Veto.title(), ("一票否决", "One-vote veto"));
}

#[test]
fn a_year_path_says_when_promotion_priority_and_reassignment_trigger() {
    let rules = RuleSet::default();
    let path = year_path(
        2022,
        &[Tier::Good, Tier::Good, Tier::Good, Tier::Average, Tier::Average],
        &rules,
    );
    assert_eq!(
        path.iter().map(|y| y.year).collect::<Vec<_>>(),
        [2022, 2023, 2024, 2025, 2026]
    );
    assert_eq!(path[1].consequences, [Consequence::Commendation]);
    assert!(path[1].new.is_empty(), "commendation continues, nothing new");
    assert_eq!(path[2].new, [Consequence::PromotionPriority]);
    assert_eq!(
        path[3].consequences,
        [Consequence::Admonishment, Consequence::PromotionFreeze]
    );
    assert_eq!(path[4].new, [Consequence::Reassignment]);
    let first = first_triggers(&path);
    assert_eq!(
        first,
        [
            (Consequence::Commendation, Some(2022)),
            (Consequence::PromotionPriority, Some(2024)),
            (Consequence::Admonishment, Some(2025)),
            (Consequence::Reassignment, Some(2026)),
            (Consequence::Demotion, None),
        ]
    );
}

#[test]
fn a_poor_year_demotes_and_a_fairly_good_one_brings_nothing() {
    let rules = RuleSet::default();
    let path = year_path(2023, &[Tier::FairlyGood, Tier::Poor], &rules);
    assert!(path[0].consequences.is_empty());
    assert!(path[1].new.contains(&Consequence::Demotion));
}

#[test]
fn the_quiz_visits_every_tier_early_and_every_official_once() {
    let rules = RuleSet::default();
    let cohort = demo::cohort(2023, 98, 2023);
    let ranking = Engine::new(&rules).rank(&cohort.officials);
    let order = quiz_order(&ranking, 1);
    let mut sorted = order.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, (0..98).collect::<Vec<_>>());
    let tier_of = |i: usize| ranking.officials.iter().find(|o| o.index == i).unwrap().tier;
    let present = ranking.distribution.iter().filter(|n| **n > 0).count();
    let first: Vec<Tier> = order[..present].iter().map(|i| tier_of(*i)).collect();
    let mut distinct = first.clone();
    distinct.dedup();
    assert_eq!(distinct.len(), present, "{first:?}");
    assert_eq!(
        quiz_order(&ranking, 1),
        order,
        "the same seed gives the same order"
    );
    assert_ne!(quiz_order(&ranking, 2), order);
}

#[test]
fn the_demo_cohort_one_at_a_time_is_the_demo_cohort() {
    for (seed, size) in [(2023, 98), (7, 250), (1, 0)] {
        let whole = demo::cohort(seed, size, 2023).officials;
        let mut stream = demo::officials(seed, size, 2023);
        assert_eq!(stream.size_hint(), (size, Some(size)));
        let mut pieces = Vec::new();
        while pieces.len() < size {
            pieces.extend(stream.by_ref().take(30));
        }
        assert!(stream.next().is_none());
        assert_eq!(pieces, whole, "seed {seed}, size {size}");
    }
}
