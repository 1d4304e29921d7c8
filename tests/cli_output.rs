//! `dongliang rank --format json|jsonl|csv`, `--compact`, and CSV tables beyond commas
//! (`csv::read_records`, tab- and semicolon-separated files, repeated columns).

use std::io::Write;
use std::process::{Command, Output, Stdio};

use dongliang::engine::{csv, demo, Engine, RuleSet};
use serde_json::Value;

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dongliang"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(mut input) = child.stdin.take() {
        let _ = input.write_all(stdin.as_bytes());
    }
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn cohort_json() -> String {
    serde_json::to_string(&demo::cohort(9, 40, 2023)).unwrap()
}

#[test]
fn rank_prints_the_same_json_as_before_by_default_and_with_format_json() {
    let rules = RuleSet::default();
    let cohort = demo::cohort(9, 40, 2023);
    let ranking = Engine::new(&rules).rank(&cohort.officials);
    let expected = format!("{}\n", serde_json::to_string_pretty(&ranking.officials).unwrap());
    let text = cohort_json();
    assert_eq!(stdout(&run(&["rank", "-"], &text)), expected);
    assert_eq!(stdout(&run(&["rank", "-", "--format", "json"], &text)), expected);
    let compact = stdout(&run(&["rank", "-", "--compact"], &text));
    assert_eq!(
        compact,
        format!("{}\n", serde_json::to_string(&ranking.officials).unwrap())
    );
}

#[test]
fn rank_as_json_lines_has_one_official_a_line() {
    let text = cohort_json();
    let array: Value = serde_json::from_str(&stdout(&run(&["rank", "-"], &text))).unwrap();
    let lines = stdout(&run(&["rank", "-", "--format", "jsonl"], &text));
    let parsed: Vec<Value> = lines.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(Value::Array(parsed), array);
    assert!(lines.ends_with('\n'));
}

#[test]
fn rank_as_csv_has_the_json_fields_as_columns() {
    let text = cohort_json();
    let array: Value = serde_json::from_str(&stdout(&run(&["rank", "-"], &text))).unwrap();
    let table = stdout(&run(&["rank", "-", "--format", "csv"], &text));
    assert!(table.starts_with(csv::BOM));
    let records = csv::records(&table).unwrap();
    assert_eq!(records[0].1, csv::RANKING_COLUMNS);
    assert_eq!(records.len(), 41);
    for ((_, row), official) in records[1..].iter().zip(array.as_array().unwrap()) {
        assert_eq!(row[1], official["name"].as_str().unwrap());
        assert_eq!(
            row[3].parse::<f64>().unwrap(),
            official["total"].as_f64().unwrap()
        );
        assert_eq!(row[4], official["tier"].as_str().unwrap());
        assert_eq!(row[5], official["rank"].to_string());
        assert_eq!(row[6], official["honour"].to_string());
        let consequences: Vec<&str> = official["consequences"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap())
            .collect();
        assert_eq!(row[10], consequences.join(";"));
    }
}

#[test]
fn format_is_checked() {
    let text = cohort_json();
    for args in [
        vec!["rank", "-", "--format", "xml"],
        vec!["rank", "-", "--format"],
        vec!["rank", "-", "--format", "csv", "--text"],
        vec!["evaluate", "-", "--format", "csv"],
    ] {
        let output = run(&args, &text);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty());
        assert!(String::from_utf8_lossy(&output.stderr).starts_with("error: "));
    }
}

#[test]
fn invalid_input_writes_nothing_to_stdout() {
    let output = run(
        &["rank", "-", "--format", "jsonl"],
        r#"{"officials": [{"pledges": []}]}"#,
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: officials[0].pledges: has 0 entries; 1–10 are allowed\n"
    );
}

#[test]
fn demo_compact_reads_back_as_the_pretty_one() {
    let pretty: Value = serde_json::from_str(&stdout(&run(&["demo", "--size", "5"], ""))).unwrap();
    let compact = stdout(&run(&["demo", "--size", "5", "--compact"], ""));
    assert_eq!(compact.lines().count(), 1);
    assert_eq!(serde_json::from_str::<Value>(&compact).unwrap(), pretty);
}

#[test]
fn csv_of_a_cohort_streams_what_write_returns() {
    let cohort = demo::cohort(9, 40, 2023);
    let text = stdout(&run(&["csv", "-"], &cohort_json()));
    assert_eq!(text, csv::write(&cohort.officials));
}

// Tables other than comma-separated CSV.

fn demo_records() -> Vec<(usize, Vec<String>)> {
    csv::records(&csv::write(&demo::cohort(3, 4, 2023).officials)).unwrap()
}

#[test]
fn tab_and_semicolon_separated_files_read_like_csv() {
    let rules = RuleSet::default();
    let cohort = demo::cohort(3, 4, 2023);
    for delimiter in ["\t", ";"] {
        let text: String = demo_records()
            .iter()
            .map(|(_, cells)| {
                cells
                    .iter()
                    .map(|c| {
                        if c.contains(delimiter) {
                            format!("\"{c}\"")
                        } else {
                            c.clone()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(delimiter)
                    + "\n"
            })
            .collect();
        assert_eq!(csv::read(&text, &rules), Ok(cohort.clone()), "{delimiter:?}");
    }
    assert_eq!(csv::delimiter("name,post\tx"), ',');
    assert_eq!(csv::delimiter("\u{feff}name\tpost\tyear\n1,2,3,4"), '\t');
    assert_eq!(csv::delimiter("\"a,b\";c"), ';');
    assert_eq!(csv::delimiter("name"), ',');
}

#[test]
fn read_records_reports_the_lines_and_columns_it_is_given() {
    let rules = RuleSet::default();
    let mut records = demo_records();
    assert_eq!(
        csv::read_records(records.clone(), &rules),
        Ok(demo::cohort(3, 4, 2023))
    );
    // Rows of a sheet: the header on row 3, officials from row 4.
    for (i, (line, _)) in records.iter_mut().enumerate() {
        *line = i + 3;
    }
    let q3 = records[0].1.iter().position(|h| h == "pledge1_q3").unwrap();
    records[2].1[q3] = "101".into();
    let errors = csv::read_records(records, &rules).unwrap_err();
    assert_eq!(
        errors.iter().map(|e| e.to_string()).collect::<Vec<_>>(),
        [format!(
            "line 5, column {} (pledge1_q3): 101 is out of range 0–100",
            q3 + 1
        )]
    );
}

#[test]
fn a_column_given_twice_or_an_odd_pledge_number_is_refused() {
    let rules = RuleSet::default();
    let mut records = demo_records();
    records[0].1[1] = "name".into();
    let errors = csv::read_records(records, &rules).unwrap_err();
    assert_eq!(
        errors[0].to_string(),
        "line 1, column 2 (name): “name” appears more than once"
    );

    for odd in ["pledge01_area", "pledge+1_area", "pledge51_area"] {
        let mut records = demo_records();
        let at = records[0].1.iter().position(|h| h == "pledge1_area").unwrap();
        records[0].1[at] = odd.into();
        let errors = csv::read_records(records, &rules).unwrap_err();
        assert_eq!(
            errors[0].to_string(),
            format!("line 1, column {} ({odd}): unknown field", at + 1)
        );
    }
}

#[test]
fn pledge_groups_are_read_by_number_even_with_a_gap() {
    let rules = RuleSet::default();
    let cohort = demo::cohort(3, 4, 2023);
    let mut records = demo_records();
    // The third group's columns renamed to a seventh: its pledges are still read (they were
    // dropped without a word when only groups 1 to 3 were looked for).
    for h in records[0].1.iter_mut() {
        if let Some(field) = h.strip_prefix("pledge3_") {
            *h = format!("pledge7_{field}");
        }
    }
    assert_eq!(csv::read_records(records, &rules), Ok(cohort));
}
