//! Baseline against variant over a cohort: transition matrix, movers and why, honours.

use dongliang::engine::compare::{compare, ItemUse};
use dongliang::engine::dossier::{NegativeRecord, PositiveClaim};
use dongliang::engine::{demo, report, Engine, Lang, ListKind, RuleSet, Tier, Warning};

fn variant(edit: impl Fn(&mut serde_json::Value)) -> RuleSet {
    let mut value: serde_json::Value = serde_json::to_value(RuleSet::default()).unwrap();
    edit(&mut value);
    RuleSet::from_json(&value.to_string()).unwrap()
}

#[test]
fn the_same_rules_change_nobody() {
    let rules = RuleSet::default();
    let cohort = demo::cohort(2023, 98, 2023);
    let engine = Engine::new(&rules);
    let c = compare(&cohort.officials, &engine, &engine);
    assert!(c.movers.is_empty());
    let diagonal: usize = (0..4).map(|i| c.transitions[i][i]).sum();
    assert_eq!(diagonal, 98);
    assert_eq!(c.distribution_before, c.distribution_after);
}

#[test]
fn lowering_the_good_threshold_moves_officials_up_and_says_which_line_moved() {
    let rules = RuleSet::default();
    let lower = variant(|v| v["tiers"]["thresholds"][0]["min"] = 88.0.into());
    let cohort = demo::cohort(2023, 98, 2023);
    let c = compare(&cohort.officials, &Engine::new(&rules), &Engine::new(&lower));
    let up = c.transitions[Tier::FairlyGood.index()][Tier::Good.index()];
    assert!(up > 0);
    assert_eq!(c.transitions[Tier::Good.index()][Tier::FairlyGood.index()], 0);
    for m in &c.movers {
        assert_eq!((m.from, m.to), (Tier::FairlyGood, Tier::Good));
        assert!(m.total_after >= 88.0 && m.total_after < 90.0, "{m:?}");
        assert_eq!(
            (m.boundary, m.threshold_before, m.threshold_after),
            (Tier::Good, 90.0, 88.0)
        );
        assert_eq!(m.parts.total, 0.0);
    }
    let total_moved: usize = c.movers.iter().filter(|m| m.from != m.to).count();
    assert_eq!(total_moved, up);
    assert_eq!(c.distribution_after[0], c.distribution_before[0] + up);
}

#[test]
fn reweighting_moves_parts_and_the_matrix_counts_everyone() {
    let rules = RuleSet::default();
    let heavier_votes = variant(|v| {
        v["dimensions"]["weights"]["pledges"] = 0.2.into();
        v["dimensions"]["weights"]["multi"] = 0.5.into();
    });
    let cohort = demo::cohort(11, 98, 2023);
    let c = compare(
        &cohort.officials,
        &Engine::new(&rules),
        &Engine::new(&heavier_votes),
    );
    let counted: usize = c.transitions.iter().flatten().sum();
    assert_eq!(counted, 98);
    for m in &c.movers {
        let p = m.parts;
        let sum = p.unit + p.pledges + p.multi + p.bonus - p.deduction;
        assert!((sum - p.total).abs() < 0.05, "{m:?}");
        assert_eq!(p.unit, 0.0);
    }
    let gained: Vec<&String> = c.honour_gained.iter().collect();
    let lost: Vec<&String> = c.honour_lost.iter().collect();
    assert_eq!(
        c.baseline.honoured + gained.len(),
        c.variant.honoured + lost.len()
    );
}

#[test]
fn items_the_variant_lacks_are_named_with_how_many_claim_them() {
    let rules = RuleSet::default();
    let fewer_items = variant(|v| {
        let keep = |list: &str, drop: &str| {
            let items = v[list]["items"].as_array().unwrap().clone();
            let kept: Vec<_> = items.into_iter().filter(|i| i["id"] != drop).collect();
            assert!(!kept.is_empty());
            kept
        };
        let positive = keep("positive", "P3");
        let negative = keep("negative", "N9");
        v["positive"]["items"] = positive.into();
        v["negative"]["items"] = negative.into();
    });
    let mut cohort = demo::cohort(5, 20, 2023);
    for dossier in &mut cohort.officials {
        dossier.positive.clear();
        dossier.negative.clear();
    }
    let claim = |item: &str| PositiveClaim {
        item: item.into(),
        count: 1,
    };
    for dossier in &mut cohort.officials[..3] {
        dossier.positive = vec![claim("P3"), claim("P3"), claim("P1")];
    }
    cohort.officials[7].negative = vec![NegativeRecord {
        item: "N9".into(),
        count: 2,
        tolerated: false,
    }];
    let c = compare(
        &cohort.officials,
        &Engine::new(&rules),
        &Engine::new(&fewer_items),
    );
    assert!(c.not_in_baseline.is_empty());
    let named: Vec<(ListKind, &str, usize)> = c
        .not_in_variant
        .iter()
        .map(|u| (u.list, u.item.as_str(), u.officials))
        .collect();
    assert_eq!(
        named,
        [(ListKind::Positive, "P3", 3), (ListKind::Negative, "N9", 1)]
    );
    assert_eq!(
        ItemUse::describe(&c.not_in_variant, Lang::Zh),
        "正面清单 P3(3 人)、负面清单 N9(1 人)"
    );
    let text = report::comparison(&c, &rules, &fewer_items, Lang::En);
    assert!(
        text.contains("Not in the variant, so counting for nothing: positive list P3 (3 officials), negative list N9 (1 official)"),
        "{text}"
    );

    let result = Engine::new(&fewer_items).evaluate(&cohort.officials[0]);
    let lacking: Vec<&Warning> = result
        .warnings
        .iter()
        .filter(|w| matches!(w, Warning::ItemNotInRules { .. }))
        .collect();
    assert_eq!(
        lacking,
        [
            &Warning::ItemNotInRules {
                list: ListKind::Positive,
                item: "P3".into()
            },
            &Warning::ItemNotInRules {
                list: ListKind::Positive,
                item: "P3".into()
            },
        ]
    );
    assert_eq!(
        lacking[0].message(Lang::Zh),
        "正面清单中没有 P3 项:这些规则不计它"
    );
    let under_default = Engine::new(&rules).evaluate(&cohort.officials[0]);
    assert!(!under_default
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::ItemNotInRules { .. })));
}
