//! The fast path's contract (`engine::fast`): on random JSON-ish dossiers, valid and subtly
//! invalid, whenever the fast path accepts, the value walk accepts too and gives an identical
//! dossier; on valid ones the fast path does accept. The same for cohorts, for CSV rows
//! (`csv::read` against `csv::read_walked`, errors included) and for `Dossier::validate`.

mod common;

use common::{default_rules as rules, proptest_config};
use dongliang::engine::{csv, fast, Cohort, Dossier};
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{json, Map, Value};

/// A field's value: `None` leaves the key out. With `wild`, one in about eight is a value the
/// walk refuses or that the fast path may decline (wrong type, out of range, `2023.0`, `null`
/// where only absence is allowed, a struct as an array, an id as `{"id": null}`).
fn field(valid: Vec<Option<Value>>, invalid: Vec<Option<Value>>, wild: bool) -> BoxedStrategy<Option<Value>> {
    if wild && !invalid.is_empty() {
        prop_oneof![7 => select(valid), 1 => select(invalid)].boxed()
    } else {
        select(valid).boxed()
    }
}

fn text(max: usize) -> Vec<Option<Value>> {
    vec![
        None,
        Some(json!("王建国(虚构)")),
        Some(json!("x".repeat(max))),
        Some(json!("𠀀𪚥".repeat(max / 2))),
        Some(json!("")),
        Some(json!(" 引号\"与,逗号\n换行 ")),
        Some(Value::Null),
    ]
}

fn too_long(max: usize) -> Vec<Option<Value>> {
    vec![
        Some(json!("x".repeat(max + 1))),
        Some(json!("中".repeat(max + 1))),
        Some(json!(5)),
    ]
}

fn score(wild: bool) -> BoxedStrategy<Option<Value>> {
    let valid = prop_oneof![
        Just(None),
        Just(Some(Value::Null)),
        (0u32..=10_000).prop_map(|x| Some(json!(f64::from(x) / 100.0))),
        (0u32..=100).prop_map(|x| Some(json!(x))),
        Just(Some(json!(-0.0))),
        Just(Some(json!(1e-7))),
        (0.0..=100.0f64).prop_map(|x| Some(json!(x))),
    ];
    let invalid = prop_oneof![
        Just(Some(json!(100.0001))),
        Just(Some(json!(-0.01))),
        Just(Some(json!(101))),
        Just(Some(json!("90"))),
        Just(Some(json!(true))),
        Just(Some(json!([90]))),
    ];
    if wild {
        prop_oneof![12 => valid, 1 => invalid].boxed()
    } else {
        valid.boxed()
    }
}

fn whole(range: std::ops::RangeInclusive<i64>, bad: Vec<Value>, wild: bool) -> BoxedStrategy<Option<Value>> {
    let valid = range.prop_map(|x| Some(json!(x)));
    if wild {
        prop_oneof![8 => valid, 1 => select(bad).prop_map(Some)].boxed()
    } else {
        valid.boxed()
    }
}

fn object(fields: Vec<(&'static str, Option<Value>)>) -> Value {
    Value::Object(
        fields
            .into_iter()
            .filter_map(|(k, v)| Some((k.to_string(), v?)))
            .collect::<Map<String, Value>>(),
    )
}

fn factors(wild: bool) -> BoxedStrategy<Option<Value>> {
    let bad = vec![
        json!(0),
        json!(6),
        json!(3.0),
        json!(null),
        json!("3"),
        json!(256),
    ];
    let three = (
        whole(1..=5, bad.clone(), wild),
        whole(1..=5, bad.clone(), wild),
        whole(1..=5, bad, wild),
    )
        .prop_map(|(d, i, c)| {
            Some(object(vec![
                ("difficulty", d),
                ("innovation", i),
                ("contribution", c),
            ]))
        });
    let mut invalid = vec![
        Some(json!([3, 4, 5])),
        Some(json!({"difficulty": 3, "innovation": 3})),
    ];
    if !wild {
        invalid.clear();
    }
    prop_oneof![
        3 => Just(None),
        1 => Just(Some(Value::Null)),
        3 => three,
        1 => select(if invalid.is_empty() { vec![None] } else { invalid }),
    ]
    .boxed()
}

fn quarters(wild: bool) -> BoxedStrategy<Option<Value>> {
    let four = prop::collection::vec(score(wild), 4).prop_map(|q| {
        Some(Value::Array(
            q.into_iter().map(|v| v.unwrap_or(Value::Null)).collect(),
        ))
    });
    if wild {
        prop_oneof![
            10 => four,
            1 => select(vec![None, Some(Value::Null), Some(json!([90, 90, 90])), Some(json!([1, 2, 3, 4, 5])), Some(json!({}))]),
        ]
        .boxed()
    } else {
        four.boxed()
    }
}

fn id(valid: &[&str], invalid: &[Value], optional: bool, wild: bool) -> BoxedStrategy<Option<Value>> {
    let mut good: Vec<Option<Value>> = valid.iter().map(|v| Some(json!(v))).collect();
    if optional {
        good.extend([None, Some(Value::Null)]);
    }
    field(good, invalid.iter().cloned().map(Some).collect(), wild)
}

fn pledge(wild: bool) -> BoxedStrategy<Value> {
    let areas = ["party_building", "innovation", "key_work"];
    (
        id(
            &areas,
            &[json!("party"), json!({"key_work": null}), Value::Null],
            false,
            wild,
        ),
        field(text(500), too_long(500), wild),
        id(
            &["A", "B", "C"],
            &[json!("D"), json!({"A": null}), json!(1)],
            true,
            wild,
        ),
        factors(wild),
        quarters(wild),
        any::<u8>(),
    )
        .prop_map(move |(area, title, grade, factors, quarters, extra)| {
            let mut p = object(vec![
                ("area", area),
                ("title", title),
                ("grade", grade),
                ("factors", factors),
                ("quarters", quarters),
            ]);
            if wild && extra == 7 {
                p["colour"] = json!("red");
            }
            if wild && extra == 8 {
                // A struct written as the array of its fields, which serde's derive reads.
                p = json!(["key_work", null, "A", null, [90, 90, 90, 90]]);
            }
            p
        })
        .boxed()
}

fn votes(wild: bool) -> BoxedStrategy<Option<Value>> {
    let bad = vec![json!(-1), json!(1.5), json!(1_000_001), json!(null), json!("9")];
    let counts = (
        prop::option::of(whole(0..=60, bad.clone(), wild)),
        prop::option::of(whole(0..=60, bad.clone(), wild)),
        prop::option::of(whole(0..=1_000_000, bad.clone(), wild)),
        prop::option::of(whole(0..=3, bad, wild)),
    )
        .prop_map(|(g, f, a, p)| {
            object(vec![
                ("good", g.flatten()),
                ("fairly_good", f.flatten()),
                ("average", a.flatten()),
                ("poor", p.flatten()),
            ])
        });
    let group = prop_oneof![2 => Just(None), 1 => Just(Some(Value::Null)), 4 => counts.prop_map(Some)];
    let groups = (group.clone(), group.clone(), group.clone(), group).prop_map(|(d, p, u, q)| {
        Some(object(vec![
            ("district_leaders", d),
            ("peers", p),
            ("unit_staff", u),
            ("public", q),
        ]))
    });
    let mut others = vec![None];
    if wild {
        others.extend([Some(Value::Null), Some(json!([])), Some(json!({"crowd": {}}))]);
    }
    prop_oneof![6 => groups, 1 => select(others)].boxed()
}

fn items(prefix: &'static str, n: u32, negative: bool, wild: bool) -> BoxedStrategy<Option<Value>> {
    let item = (
        1..=n + u32::from(wild),
        prop_oneof![
            4 => Just(None),
            4 => (1u32..=10).prop_map(|c| Some(json!(c))),
            1 => select(if wild { vec![json!(0), json!(11), json!(1.5), Value::Null] } else { vec![json!(2)] }).prop_map(Some),
        ],
        prop_oneof![
            6 => Just(None),
            2 => Just(Some(json!(false))),
            1 => Just(Some(json!(true))),
            1 => select(if wild { vec![Value::Null, json!("yes")] } else { vec![json!(false)] }).prop_map(Some),
        ],
    )
        .prop_map(move |(i, count, tolerated)| {
            let mut fields = vec![("item", Some(json!(format!("{prefix}{i}")))), ("count", count)];
            if negative {
                fields.push(("tolerated", tolerated));
            }
            object(fields)
        });
    let list = prop::collection::vec(item, 0..5).prop_map(|v| Some(Value::Array(v)));
    let mut others = vec![None];
    if wild {
        others.extend([Some(Value::Null), Some(json!({})), Some(json!([{"item": 12}]))]);
    }
    prop_oneof![6 => list, 1 => select(others)].boxed()
}

fn history(wild: bool) -> BoxedStrategy<Option<Value>> {
    let tiers = ["good", "fairly_good", "average", "poor"];
    let one = if wild {
        prop_oneof![10 => select(tiers.to_vec()).prop_map(|t| json!(t)), 1 => select(vec![json!("bad"), Value::Null, json!({"good": null})])].boxed()
    } else {
        select(tiers.to_vec()).prop_map(|t| json!(t)).boxed()
    };
    let list = prop::collection::vec(one, 0..4).prop_map(|v| Some(Value::Array(v)));
    let mut others = vec![None, Some(json!(vec!["good"; 50]))];
    if wild {
        others.extend([
            Some(Value::Null),
            Some(json!(vec!["good"; 51])),
            Some(json!("good")),
        ]);
    }
    prop_oneof![5 => list, 1 => select(others)].boxed()
}

fn assumptions(wild: bool) -> BoxedStrategy<Option<Value>> {
    let three = (score(wild), score(wild), score(wild)).prop_map(|(q, u, m)| {
        Some(object(vec![
            ("quarter_score", q),
            ("unit_score", u),
            ("multi_score", m),
        ]))
    });
    let mut others = vec![None];
    if wild {
        others.extend([Some(Value::Null), Some(json!([1, 2, 3]))]);
    }
    prop_oneof![3 => three, 2 => select(others)].boxed()
}

/// The mark of the rules a file was written under (`"rules"`, optional and informational).
fn mark(wild: bool) -> BoxedStrategy<Option<Value>> {
    let good = json!({"name": "默认规则", "version": "1.0", "hash": "sha256:0123456789abcdef"});
    let valid = vec![
        None,
        None,
        Some(Value::Null),
        Some(good.clone()),
        Some(json!({"hash": "", "version": "", "name": "x".repeat(100)})),
    ];
    let mut unknown = good.clone();
    unknown["date"] = json!("2024-01-01");
    let mut null_hash = good.clone();
    null_hash["hash"] = Value::Null;
    let mut long = good.clone();
    long["version"] = json!("中".repeat(101));
    let mut number = good.clone();
    number["version"] = json!(1);
    let invalid = vec![
        Some(json!({"name": "默认规则", "version": "1.0"})),
        Some(unknown),
        Some(null_hash),
        Some(long),
        Some(number),
        Some(json!(["默认规则", "1.0", "sha256:0123456789abcdef"])),
        Some(json!("sha256:0123456789abcdef")),
    ];
    field(valid, invalid, wild)
}

/// A JSON dossier; with `wild`, subtly invalid here and there.
fn dossier(wild: bool) -> BoxedStrategy<Value> {
    let pledges = prop::collection::vec(pledge(wild), if wild { 0..12 } else { 1..11 })
        .prop_map(|p| Some(Value::Array(p)));
    let pledges = if wild {
        prop_oneof![12 => pledges, 1 => select(vec![None, Some(Value::Null), Some(json!({}))])].boxed()
    } else {
        pledges.boxed()
    };
    let head = (
        field(text(100), too_long(100), wild),
        field(text(100), too_long(100), wild),
        id(
            &["department", "street"],
            &[json!("x"), json!({"street": null})],
            true,
            wild,
        ),
        field(
            vec![
                None,
                Some(Value::Null),
                Some(json!(2023)),
                Some(json!(1949)),
                Some(json!(2100)),
            ],
            vec![
                Some(json!(2023.0)),
                Some(json!(1948)),
                Some(json!(2101)),
                Some(json!("2023")),
            ],
            wild,
        ),
        score(wild),
        id(
            &["qualified", "unqualified"],
            &[json!("bad"), Value::Null, json!({"qualified": null})],
            true,
            wild,
        ),
    );
    let tail = (
        pledges,
        votes(wild),
        items("P", 8, false, wild),
        items("N", 15, true, wild),
        history(wild),
        assumptions(wild),
        any::<u8>(),
        mark(wild),
    );
    (head, tail)
        .prop_map(
            move |(
                (name, post, kind, year, unit, quality),
                (pledges, votes, positive, negative, history, assumptions, extra, mark),
            )| {
                let mut d = object(vec![
                    ("rules", mark),
                    ("name", name),
                    ("post", post),
                    ("unit_kind", kind),
                    ("year", year),
                    ("unit_score", unit),
                    ("political_quality", quality),
                    ("pledges", pledges),
                    ("votes", votes),
                    ("positive", positive),
                    ("negative", negative),
                    ("history", history),
                    ("assumptions", assumptions),
                ]);
                if wild && extra == 3 {
                    d["nickname"] = json!("x");
                }
                d
            },
        )
        .boxed()
}

/// The contract on one text: fast accepts ⇒ the walk accepts, with the same dossier.
fn check_dossier(text: &str) -> Result<Option<Dossier>, TestCaseError> {
    let rules = rules();
    let fast = fast::dossier(text, rules);
    let walked = serde_json::from_str::<Value>(text)
        .ok()
        .map(|v| Dossier::from_value(&v, rules));
    if let Some(d) = &fast {
        match &walked {
            Some(Ok(w)) => prop_assert_eq!(d, w),
            other => prop_assert!(false, "fast accepted, walk gave {other:?}\n{text}"),
        }
    }
    // What the public reader returns is the walk's answer, whichever path gave it.
    match (Dossier::from_json(text, rules), walked) {
        (Ok(d), Some(Ok(w))) => prop_assert_eq!(d, w),
        (Err(e), Some(Err(w))) => prop_assert_eq!(e, w),
        (Err(_), None) => {}
        (got, want) => prop_assert!(false, "from_json gave {got:?}, the walk {want:?}"),
    }
    Ok(fast)
}

proptest! {
    #![proptest_config(proptest_config(512))]

    #[test]
    fn whatever_the_fast_path_accepts_the_walk_accepts_identically(value in dossier(true)) {
        check_dossier(&value.to_string())?;
        check_dossier(&serde_json::to_string_pretty(&value).unwrap())?;
    }

    #[test]
    fn valid_dossiers_take_the_fast_path(value in dossier(false)) {
        let text = value.to_string();
        let walked = Dossier::from_value(&value, rules());
        let fast = check_dossier(&text)?;
        if walked.is_ok() {
            prop_assert!(fast.is_some(), "the fast path declined a valid dossier:\n{text}");
        }
    }

    #[test]
    fn cohorts_take_the_fast_path_only_when_every_official_is_valid(
        officials in prop::collection::vec(dossier(true), 0..6),
        mark in mark(true),
        mark_last in any::<bool>(),
    ) {
        let rules = rules();
        // The mark written first (as this program writes it), last or not at all.
        let text = match (&mark, mark_last) {
            (None, _) => json!({"officials": officials}).to_string(),
            (Some(m), false) => format!(r#"{{"rules": {m}, "officials": {}}}"#, Value::from(officials.clone())),
            (Some(m), true) => format!(r#"{{"officials": {}, "rules": {m}}}"#, Value::from(officials.clone())),
        };
        let value: Value = serde_json::from_str(&text).unwrap();
        let whole = Cohort::from_value(&value, rules);
        let all_valid = officials.iter().all(|d| Dossier::from_value(d, rules).is_ok());
        let walked: Option<Vec<Dossier>> = officials.iter().map(|d| Dossier::from_value(d, rules).ok()).collect();
        match fast::cohort(&text, rules) {
            Some(cohort) => prop_assert_eq!(Ok(cohort), whole.clone()),
            None => prop_assert!(whole.is_err() || officials.iter().any(|d| fast::dossier(&d.to_string(), rules).is_none())),
        }
        if whole.is_ok() {
            prop_assert_eq!(whole.clone().map(|c| Some(c.officials)), Ok(walked));
        }
        prop_assert_eq!(Cohort::from_json(&text, rules), whole.clone());
        prop_assert!(whole.is_err() || all_valid);
    }

    /// `validate` takes the typed checks first: the same answer as the walk of its JSON.
    #[test]
    fn validate_answers_as_the_walk(value in dossier(false), count in 0u32..12, factor in 0u8..7, votes in 0u32..3) {
        let rules = rules();
        let Ok(mut d) = Dossier::from_value(&value, rules) else { return Ok(()) };
        if let Some(c) = d.positive.first_mut() { c.count = count; }
        if let Some(f) = d.pledges[0].factors.as_mut() { f.innovation = factor; }
        if let Some(v) = d.votes.peers.as_mut() { v.poor = votes * 600_000; }
        let walked = Dossier::from_value(&serde_json::to_value(&d).unwrap(), rules);
        prop_assert_eq!(d.validate(rules).is_ok(), walked.is_ok());
    }
}

#[test]
fn what_serde_alone_would_take_is_declined() {
    let rules = rules();
    let base = r#"{"pledges": [{"area": "key_work", "grade": "A", "quarters": [90, 90, 90, 90]}]"#;
    assert!(fast::dossier(&format!("{base}}}"), rules).is_some());
    for text in [
        // A repeated key: the walk keeps the last, serde's derive refuses it.
        format!(r#"{base}, "name": "a", "name": "b"}}"#),
        // A struct as an array of its fields, an id as an externally tagged enum.
        r#"{"pledges": [["key_work", null, "A", null, [90, 90, 90, 90]]]}"#.to_string(),
        r#"{"pledges": [{"area": {"key_work": null}, "grade": "A", "quarters": [90, 90, 90, 90]}]}"#
            .to_string(),
        format!(r#"{base}, "votes": {{"peers": [1, 2, 3, 4]}}}}"#),
        format!(r#"{base}, "history": [{{"good": null}}]}}"#),
        // A whole number written with a fraction, which the walk takes as whole.
        format!(r#"{base}, "year": 2023.0}}"#),
        // null in a list of items or as a vote count.
        format!(r#"{base}, "positive": [null]}}"#),
        format!(r#"{base}, "votes": {{"peers": {{"good": null}}}}}}"#),
    ] {
        assert!(fast::dossier(&text, rules).is_none(), "{text}");
    }
    // The walk still reads the year.
    assert!(Dossier::from_json(&format!(r#"{base}, "year": 2023.0}}"#), rules).is_ok());
    // null where the walk reads the default is taken by both.
    for field in [
        "political_quality",
        "votes",
        "positive",
        "negative",
        "history",
        "assumptions",
    ] {
        let text = format!(r#"{base}, "{field}": null}}"#);
        let walked = Dossier::from_value(&serde_json::from_str(&text).unwrap(), rules).unwrap();
        assert_eq!(fast::dossier(&text, rules), Some(walked), "{text}");
    }
}

#[test]
fn a_cohort_with_one_error_at_the_end_is_reported_as_before() {
    let rules = rules();
    let mut cohort = serde_json::to_value(dongliang::engine::demo::cohort(1, 50, 2023)).unwrap();
    cohort["officials"][49]["unit_score"] = json!(101);
    let errors = Cohort::from_json(&cohort.to_string(), rules).unwrap_err();
    assert_eq!(
        errors.to_string(),
        "officials[49].unit_score: 101 is out of range 0–100"
    );
}

// CSV: the fast row reader against the value walk, errors included.

/// A CSV cohort written from random dossiers, then with random cells edited.
fn csv_text() -> impl Strategy<Value = String> {
    let edits = prop::collection::vec(
        (
            any::<prop::sample::Index>(),
            any::<prop::sample::Index>(),
            select(vec![
                "",
                " ",
                "0",
                "-0",
                "1.5",
                "2023.0",
                "101",
                "1000001",
                "x",
                "A",
                "D",
                "'=1",
                "  '  x ",
                "street",
                "'street",
                "good;bad",
                "P1;P1",
                "P1*0",
                "P8*2",
                "P9",
                "N7",
                "N11*2",
                "N7;N11*2",
                "N12",
                "N1",
                "N11",
                "N12*z",
                "inf",
                "NaN",
                "1e2",
                "+5",
                "5.",
                "key_work",
                "qualified",
                "unqualified",
            ]),
        ),
        0..4,
    );
    (prop::collection::vec(dossier(false), 1..4), edits).prop_map(|(values, edits)| {
        let officials: Vec<Dossier> = values
            .iter()
            .filter_map(|v| Dossier::from_value(v, rules()).ok())
            .collect();
        let text = csv::write(&officials);
        let mut rows: Vec<Vec<String>> = csv::records(&text).unwrap().into_iter().map(|(_, r)| r).collect();
        if rows.len() > 1 {
            for (row, column, value) in edits {
                let r = 1 + row.index(rows.len() - 1);
                let c = column.index(rows[r].len());
                rows[r][c] = value.to_string();
            }
        }
        rows.iter()
            .map(|r| {
                r.iter()
                    .map(|c| {
                        if c.contains([',', '"', '\n', '\r']) || c.starts_with(' ') {
                            format!("\"{}\"", c.replace('"', "\"\""))
                        } else {
                            c.clone()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(",")
            })
            .collect::<Vec<_>>()
            .join("\r\n")
    })
}

proptest! {
    #![proptest_config(proptest_config(512))]

    #[test]
    fn csv_rows_read_the_same_with_and_without_the_fast_path(text in csv_text()) {
        let rules = rules();
        prop_assert_eq!(csv::read(&text, rules), csv::read_walked(&text, rules));
    }
}

/// The record splitter as it was, character by character (the reference).
fn records_reference(text: &str, delimiter: char) -> Option<Vec<(usize, Vec<String>)>> {
    let text = text.strip_prefix(csv::BOM).unwrap_or(text);
    let mut out = Vec::new();
    let (mut cell, mut row) = (String::new(), Vec::new());
    let (mut line, mut start, mut quoted, mut was_quoted) = (1, 1, false, false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => {
                if c == '\n' {
                    line += 1;
                }
                cell.push(c);
            }
            (false, '"') if cell.is_empty() && !was_quoted => (quoted, was_quoted) = (true, true),
            (false, c) if c == delimiter => {
                row.push(std::mem::take(&mut cell));
                was_quoted = false;
            }
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') | (false, '\r') => {
                row.push(std::mem::take(&mut cell));
                was_quoted = false;
                if !(row.len() == 1 && row[0].is_empty()) {
                    out.push((start, std::mem::take(&mut row)));
                }
                row.clear();
                line += 1;
                start = line;
            }
            (false, c) => cell.push(c),
        }
    }
    if quoted {
        return None;
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        out.push((start, row));
    }
    Some(out)
}

proptest! {
    #![proptest_config(proptest_config(512))]

    #[test]
    fn the_record_splitter_splits_as_the_reference(
        pieces in prop::collection::vec(select(vec![",", "\"", "\"\"", "\n", "\r", "\r\n", "a", "中", "𪚥", ";", "\t", " ", "\u{feff}"]), 0..40),
        delimiter in select(vec![',', '\t', ';']),
    ) {
        let text: String = pieces.concat();
        let got = csv::records_with(&text, delimiter).ok();
        prop_assert_eq!(got, records_reference(&text, delimiter));
    }
}
