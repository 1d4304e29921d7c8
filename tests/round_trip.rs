//! Round trips: every cohort the engine accepts exports to CSV (comma-, tab- or
//! semicolon-separated) and to JSON and imports back identical — tolerated items with counts,
//! every optional field empty or set, text with quotes, commas, line breaks, white space at
//! either end, a leading `= + - @` or `'`, emoji and rare CJK characters.

mod common;

use common::{default_rules as rules, proptest_config};
use dongliang::engine::dossier::{Assumptions, Factors, NegativeRecord, PositiveClaim, VoteCounts, Votes};
use dongliang::engine::ids::{PoliticalQuality, UnitKind};
use dongliang::engine::{csv, Area, Cohort, Dossier, Grade, Pledge, RulesMark, Tier};
use proptest::prelude::*;
use proptest::sample::{select, subsequence};

/// Text that spreadsheets and CSV readers like to change.
fn text(max: usize) -> impl Strategy<Value = Option<String>> {
    let pieces = vec![
        "a",
        "Z",
        "中",
        "栋梁",
        "\"",
        ",",
        ";",
        "；",
        "\n",
        "\r\n",
        "\r",
        " ",
        "\t",
        "\u{3000}",
        "\u{a0}",
        "=",
        "+",
        "-",
        "@",
        "'",
        "😀",
        "👩‍💻",
        "𠀀",
        "𪚥",
        "*",
        "x",
        "<b>",
        "\\",
        "=SUM(A1)",
        "1",
        "0.5",
        "\u{feff}",
    ];
    let built = prop::collection::vec(select(pieces), 0..8).prop_map(move |p| {
        let s: String = p.concat();
        s.chars().take(max).collect::<String>()
    });
    prop_oneof![1 => Just(None), 4 => built.prop_map(Some)]
}

/// A score 0–100: two decimals, any double, or a bound.
fn score() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => (0u32..=10_000).prop_map(|x| f64::from(x) / 100.0),
        2 => 0.0..=100.0f64,
        1 => select(vec![0.0, 100.0, -0.0, 1e-7, 5e-324, 99.99999999999999]),
    ]
}

fn pledge() -> impl Strategy<Value = Pledge> {
    let factors = (1u8..=5, 1u8..=5, 1u8..=5).prop_map(|(d, i, c)| Factors {
        difficulty: d,
        innovation: i,
        contribution: c,
    });
    (
        select(Area::ALL.to_vec()),
        text(500),
        prop::option::of(select(Grade::ALL.to_vec())),
        prop::option::of(factors),
        prop::array::uniform4(prop::option::of(score())),
    )
        .prop_map(|(area, title, grade, factors, quarters)| Pledge {
            area,
            title,
            // A pledge needs a grade or factors.
            grade: if factors.is_none() {
                grade.or(Some(Grade::B))
            } else {
                grade
            },
            factors,
            quarters,
        })
}

fn votes() -> impl Strategy<Value = Votes> {
    let counts = (0u32..=60, 0u32..=60, 0u32..=1_000_000, 0u32..=5).prop_map(|(g, f, a, p)| VoteCounts {
        good: g,
        fairly_good: f,
        average: a,
        poor: p,
    });
    prop::array::uniform4(prop::option::of(counts)).prop_map(|[d, p, u, q]| Votes {
        district_leaders: d,
        peers: p,
        unit_staff: u,
        public: q,
    })
}

fn dossier() -> impl Strategy<Value = Dossier> {
    let positive_ids: Vec<String> = (1..=8).map(|i| format!("P{i}")).collect();
    let negative_ids: Vec<String> = (1..=15).map(|i| format!("N{i}")).collect();
    let head = (
        text(100),
        text(100),
        prop::option::of(select(vec![UnitKind::Department, UnitKind::Street])),
        prop::option::of(1949i32..=2100),
        prop::option::of(score()),
        select(vec![PoliticalQuality::Qualified, PoliticalQuality::Unqualified]),
    );
    let tail = (
        prop::collection::vec(pledge(), 1..=10),
        votes(),
        subsequence(positive_ids, 0..=8).prop_shuffle(),
        prop::collection::vec(1u32..=10, 8),
        subsequence(negative_ids, 0..=15).prop_shuffle(),
        prop::collection::vec((1u32..=10, any::<bool>()), 15),
        prop::collection::vec(select(Tier::ALL.to_vec()), 0..6),
        prop::array::uniform3(prop::option::of(score())),
    );
    (head, tail).prop_map(
        |(
            (name, post, unit_kind, year, unit_score, political_quality),
            (pledges, votes, pos, pos_counts, neg, neg_flags, history, [q, u, m]),
        )| {
            let rules = rules();
            Dossier {
                rules: None,
                name,
                post,
                unit_kind,
                year,
                unit_score,
                pledges,
                votes,
                political_quality,
                positive: pos
                    .into_iter()
                    .zip(pos_counts)
                    .map(|(item, count)| PositiveClaim { item, count })
                    .collect(),
                negative: neg
                    .into_iter()
                    .zip(neg_flags)
                    .map(|(item, (count, tolerated))| {
                        let veto = rules.negative_item(&item).is_some_and(|i| i.veto);
                        NegativeRecord {
                            tolerated: tolerated && !veto,
                            item,
                            count,
                        }
                    })
                    .collect(),
                history,
                assumptions: Assumptions {
                    quarter_score: q,
                    unit_score: u,
                    multi_score: m,
                },
            }
        },
    )
}

fn cohort() -> impl Strategy<Value = Cohort> {
    prop::collection::vec(dossier(), 1..5).prop_map(|officials| Cohort {
        rules: None,
        officials,
    })
}

/// The CSV records joined again with another delimiter, quoted where that delimiter needs it.
fn rejoin(text: &str, delimiter: char) -> String {
    let records = csv::records(text).unwrap();
    records
        .iter()
        .map(|(_, cells)| {
            cells
                .iter()
                .map(|c| {
                    if c.contains([delimiter, '"', '\n', '\r']) || c.starts_with(char::is_whitespace) {
                        format!("\"{}\"", c.replace('"', "\"\""))
                    } else {
                        c.clone()
                    }
                })
                .collect::<Vec<_>>()
                .join(&delimiter.to_string())
        })
        .collect::<Vec<_>>()
        .join("\r\n")
}

proptest! {
    #![proptest_config(proptest_config(256))]

    #[test]
    fn accepted_cohorts_round_trip_through_csv(cohort in cohort()) {
        let rules = rules();
        for d in &cohort.officials {
            prop_assert_eq!(d.validate(rules), Ok(()), "{:?}", d);
        }
        let text = csv::write(&cohort.officials);
        prop_assert_eq!(csv::read(&text, rules), Ok(cohort.clone()), "{}", text);
        prop_assert_eq!(csv::read_walked(&text, rules), Ok(cohort.clone()));
        for delimiter in ['\t', ';'] {
            let other = rejoin(&text, delimiter);
            prop_assert_eq!(csv::delimiter(&other), delimiter);
            prop_assert_eq!(csv::read(&other, rules), Ok(cohort.clone()), "{}", other);
        }
        let mut streamed = Vec::new();
        csv::write_to(&mut streamed, &cohort.officials).unwrap();
        prop_assert_eq!(String::from_utf8(streamed).unwrap(), text);
    }

    #[test]
    fn accepted_cohorts_round_trip_through_json(mut cohort in cohort(), marked in any::<bool>()) {
        let rules = rules();
        // The mark of the rules a file was written under reads back, on the cohort and on
        // a dossier alike.
        if marked {
            let mark = RulesMark::of(rules);
            cohort.rules = Some(mark.clone());
            for d in &mut cohort.officials {
                d.rules = Some(mark.clone());
            }
        }
        let compact = serde_json::to_string(&cohort).unwrap();
        prop_assert_eq!(Cohort::from_json(&compact, rules), Ok(cohort.clone()));
        let pretty = serde_json::to_string_pretty(&cohort).unwrap();
        prop_assert_eq!(Cohort::from_json(&pretty, rules), Ok(cohort.clone()));
        for d in &cohort.officials {
            prop_assert_eq!(Dossier::from_json(&serde_json::to_string(d).unwrap(), rules), Ok(d.clone()));
        }
    }
}

#[test]
fn a_tolerated_item_counted_twice_reads_back() {
    let rules = rules();
    let mut cohort = dongliang::engine::demo::cohort(5, 3, 2023);
    cohort.officials[1].negative = vec![
        NegativeRecord {
            item: "N7".into(),
            count: 1,
            tolerated: false,
        },
        NegativeRecord {
            item: "N11".into(),
            count: 2,
            tolerated: true,
        },
    ];
    let text = csv::write(&cohort.officials);
    assert!(text.contains(",N7;N11*2,N11,"), "{text}");
    assert_eq!(csv::read(&text, rules), Ok(cohort));
}

#[test]
fn empty_and_white_space_text_keeps_its_value() {
    let rules = rules();
    let mut cohort = dongliang::engine::demo::cohort(5, 4, 2023);
    cohort.officials[0].name = Some(String::new());
    cohort.officials[1].name = Some("  两端空格  ".into());
    cohort.officials[2].post = Some("\t".into());
    cohort.officials[3].pledges[0].title = Some("'已有引号".into());
    let text = csv::write(&cohort.officials);
    assert_eq!(csv::read(&text, rules), Ok(cohort));
}
