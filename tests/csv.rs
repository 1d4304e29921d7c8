//! Cohort CSV: export and import round-trip, the template, quoting, and bad rows reported by
//! line and column with nothing imported.

use dongliang::engine::{csv, demo, Dossier, RuleSet};

fn rules() -> RuleSet {
    RuleSet::default()
}

fn lines(errors: &[csv::CsvError]) -> Vec<String> {
    errors.iter().map(|e| e.to_string()).collect()
}

#[test]
fn demo_cohort_round_trips_through_csv() {
    let rules = rules();
    let cohort = demo::cohort(7, 98, 2023);
    let text = csv::write(&cohort.officials);
    assert!(text.starts_with(csv::BOM));
    assert_eq!(csv::read(&text, &rules).unwrap(), cohort);
}

#[test]
fn header_has_fixed_columns_then_pledge_groups() {
    let header = csv::header(2);
    assert_eq!(&header[..3], ["name", "post", "unit_kind"]);
    assert!(header.contains(&"district_leaders_fairly_good".to_string()));
    assert_eq!(header.last().unwrap(), "pledge2_q4");
    assert_eq!(header.len(), csv::fixed_columns().len() + 20);
}

#[test]
fn quoted_cells_keep_commas_quotes_line_breaks_and_formula_text() {
    let rules = rules();
    let mut cohort = demo::cohort(1, 1, 2023);
    let d = &mut cohort.officials[0];
    d.name = Some("=HYPERLINK(\"x\")".into());
    d.post = Some("局长, \"代\"\n第二行".into());
    d.pledges[0].title = Some("<script>alert(1)</script>".into());
    let text = csv::write(&cohort.officials);
    assert!(text.contains("\"'=HYPERLINK(\"\"x\"\")\""));
    assert_eq!(csv::read(&text, &rules).unwrap(), cohort);
}

#[test]
fn template_reads_back() {
    let rules = rules();
    let example = Dossier::from_json(include_str!("data/bench/01-complete-good.json"), &rules).unwrap();
    let cohort = csv::read(&csv::template(&example), &rules).unwrap();
    assert_eq!(cohort.officials, vec![example]);
}

fn demo_csv(edit: impl Fn(&mut Vec<Vec<String>>, &[String])) -> String {
    let text = csv::write(&demo::cohort(3, 4, 2023).officials);
    let mut rows: Vec<Vec<String>> = csv::records(&text).unwrap().into_iter().map(|(_, r)| r).collect();
    let header = rows[0].clone();
    edit(&mut rows, &header);
    rows.iter().map(|r| r.join(",")).collect::<Vec<_>>().join("\n")
}

fn col(header: &[String], name: &str) -> usize {
    header.iter().position(|h| h == name).unwrap()
}

#[test]
fn bad_cells_are_reported_by_line_and_column_and_nothing_is_imported() {
    let text = demo_csv(|rows, h| {
        rows[1][col(h, "pledge1_q3")] = "101".into();
        rows[2][col(h, "peers_good")] = "many".into();
        rows[3][col(h, "positive")] = "P9".into();
        rows[4][col(h, "pledge2_grade")] = "D".into();
    });
    let errors = csv::read(&text, &rules()).unwrap_err();
    let q3 = col(&csv::header(3), "pledge1_q3") + 1;
    assert_eq!(
        lines(&errors),
        [
            format!("line 2, column {q3} (pledge1_q3): 101 is out of range 0–100"),
            format!(
                "line 3, column {} (peers_good): expected a whole number, found a string",
                col(&csv::header(3), "peers_good") + 1
            ),
            format!(
                "line 4, column {} (positive): unknown item “P9”",
                col(&csv::header(3), "positive") + 1
            ),
            format!(
                "line 5, column {} (pledge2_grade): “D” is not one of A, B, C",
                col(&csv::header(3), "pledge2_grade") + 1
            ),
        ]
    );
}

#[test]
fn unknown_columns_short_rows_and_open_quotes_are_errors() {
    let rules = rules();
    let text = demo_csv(|rows, _| rows[0][1] = "postt".into());
    assert_eq!(
        lines(&csv::read(&text, &rules).unwrap_err()),
        ["line 1, column 2 (postt): unknown field"]
    );

    let text = demo_csv(|rows, _| {
        rows[2].pop();
    });
    let errors = csv::read(&text, &rules).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].line, 3);

    let err = csv::read("name,post\n\"unclosed,x\n", &rules).unwrap_err();
    assert!(err[0].to_string().contains("not closed"), "{}", err[0]);
}

#[test]
fn tolerated_items_must_be_listed_as_negative() {
    let text = demo_csv(|rows, h| {
        rows[1][col(h, "negative")] = "N9".into();
        rows[1][col(h, "negative_tolerated")] = "N12".into();
    });
    let errors = csv::read(&text, &rules()).unwrap_err();
    assert!(lines(&errors)[0].contains("(negative_tolerated): “N12” is not in the negative column"));
}

#[test]
fn counts_and_tolerance_read_from_list_cells() {
    let rules = rules();
    let text = demo_csv(|rows, h| {
        rows[1][col(h, "positive")] = "P1;P8*2".into();
        rows[1][col(h, "negative")] = "N9;N12".into();
        rows[1][col(h, "negative_tolerated")] = "N12".into();
    });
    let cohort = csv::read(&text, &rules).unwrap();
    let d = &cohort.officials[0];
    assert_eq!(d.positive[1].item, "P8");
    assert_eq!(d.positive[1].count, 2);
    assert!(!d.negative[0].tolerated);
    assert!(d.negative[1].tolerated);
}

#[test]
fn a_tolerated_veto_item_in_csv_is_an_error() {
    let text = demo_csv(|rows, h| {
        rows[1][col(h, "negative")] = "N7".into();
        rows[1][col(h, "negative_tolerated")] = "N7".into();
    });
    let errors = csv::read(&text, &rules()).unwrap_err();
    assert!(
        lines(&errors)[0].starts_with("line 2, column"),
        "{:?}",
        lines(&errors)
    );
    assert!(lines(&errors)[0].contains("veto item"));
}
