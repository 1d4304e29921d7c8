//! The demo cohort: names unique within a cohort of any size, the same cohort for the same
//! seed (streamed or whole), and every name marked fictional in both languages.

use std::collections::HashSet;

use dongliang::engine::{demo, Lang};

fn names(seed: u64, size: usize) -> Vec<String> {
    demo::cohort(seed, size, 2023)
        .officials
        .into_iter()
        .map(|o| o.name.unwrap())
        .collect()
}

#[test]
fn names_are_unique_in_the_default_cohort_and_in_a_large_one() {
    for seed in [2023, 7, 11] {
        let small = names(seed, 98);
        assert_eq!(small.iter().collect::<HashSet<_>>().len(), 98, "seed {seed}");
        assert!(small
            .iter()
            .all(|n| n.ends_with(demo::FICTIONAL) && !n.contains('·')));
    }
    let large = names(2023, 20_000);
    assert_eq!(large.iter().collect::<HashSet<_>>().len(), 20_000);
    assert!(
        large.iter().all(|n| !n.contains('·')),
        "no name repeats below 102,850"
    );
    assert_eq!(
        large[..98],
        names(2023, 98)[..],
        "a larger cohort begins with the smaller one"
    );
}

#[test]
fn the_same_seed_gives_the_same_names_streamed_or_whole() {
    assert_eq!(names(5, 500), names(5, 500));
    let streamed: Vec<String> = demo::officials(5, 500, 2023).map(|o| o.name.unwrap()).collect();
    assert_eq!(streamed, names(5, 500));
    assert_ne!(names(5, 98), names(6, 98));
}

#[test]
fn every_name_reads_as_fictional_in_english() {
    for name in names(2023, 98) {
        let shown = demo::shown_name(&name, Lang::En);
        assert!(
            shown.ends_with(" (fictional)") && !shown.contains("虚构"),
            "{shown}"
        );
    }
}
