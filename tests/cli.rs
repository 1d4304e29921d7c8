//! The `dongliang` binary: `evaluate` (file or `-`, `--text`, `--trace`), `whatif`, `rank`,
//! `rules`, and exit status 2 with one `error: <path>: <message>` line per problem for bad
//! input, a missing file or an unknown command — never a panic.

mod common;

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use dongliang::engine::{Engine, RuleSet, Tier};
use serde_json::{json, Value};

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dongliang"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // The input ends when `input` goes out of scope.
    if let (Some(mut input), Some(text)) = (child.stdin.take(), stdin) {
        let _ = input.write_all(text.as_bytes());
    }
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{args:?} panicked: {stderr}");
    output
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn ok_json(args: &[&str], stdin: Option<&str>) -> Value {
    let output = run(args, stdin);
    assert!(output.status.success(), "{args:?}: {}", stderr(&output));
    serde_json::from_str(&stdout(&output)).unwrap_or_else(|e| panic!("{args:?}: {e}"))
}

fn path(p: &std::path::Path) -> &str {
    p.to_str().unwrap()
}

/// A file in the system's temporary directory, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, text: &str) -> TempFile {
        let path = std::env::temp_dir().join(format!("dongliang-cli-{}-{name}", std::process::id()));
        std::fs::write(&path, text).unwrap();
        TempFile(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn evaluate_prints_the_spec_fields_for_every_example() {
    let rules = RuleSet::default();
    let engine = Engine::new(&rules);
    for example in common::examples() {
        let value = ok_json(&["evaluate", path(&example.path)], None);
        for key in [
            "total",
            "tier",
            "vetoed",
            "projected",
            "parts",
            "consequences",
            "assumed",
            "warnings",
        ] {
            assert!(value.get(key).is_some(), "{}: no {key}", example.name);
        }
        for part in ["unit", "pledges", "multi", "bonus", "deduction"] {
            assert!(
                value["parts"][part].is_number(),
                "{}: no parts.{part}",
                example.name
            );
        }
        assert!(value.get("trace").is_none());
        let mismatches = common::mismatches(&example.name, &value, &example.expected);
        assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
        let text = serde_json::to_string(&engine.evaluate(&example.dossier(&rules))).unwrap();
        let mut library: Value = serde_json::from_str(&text).unwrap();
        library["rules"] = value["rules"].clone();
        assert_eq!(value, library, "{}", example.name);
    }
}

#[test]
fn a_dash_reads_standard_input() {
    for example in common::examples() {
        let from_file = ok_json(&["evaluate", path(&example.path)], None);
        let from_stdin = ok_json(&["evaluate", "-"], Some(&example.text));
        assert_eq!(from_file, from_stdin, "{}", example.name);
    }
    let cohort = common::read(&common::data("cohort.json"));
    assert!(ok_json(&["rank", "-"], Some(&cohort)).is_array());
}

#[test]
fn text_reports_name_the_tier_in_chinese_or_english() {
    for example in common::examples() {
        let tier = Tier::from_id(example.expected["tier"].as_str().unwrap()).unwrap();
        let total = format!("{:.2}", example.expected["total"].as_f64().unwrap());
        let output = run(&["evaluate", path(&example.path), "--text"], None);
        assert!(output.status.success());
        let text = stdout(&output);
        let line = text
            .lines()
            .find(|l| l.contains("等次"))
            .unwrap_or_else(|| panic!("{}: no 等次 line in\n{text}", example.name));
        assert!(
            line.contains(tier.zh()) && line.contains(&total),
            "{}: {line}",
            example.name
        );
        assert!(!line.contains(tier.en()), "{line}");

        let english = stdout(&run(
            &["evaluate", path(&example.path), "--text", "--lang", "en"],
            None,
        ));
        assert!(english.contains(tier.en()), "{}: {english}", example.name);
    }
}

#[test]
fn trace_adds_the_steps() {
    let example = &common::examples()[0];
    let value = ok_json(&["evaluate", path(&example.path), "--trace"], None);
    let steps = value["trace"].as_array().expect("a trace");
    let ids: Vec<&str> = steps.iter().map(|s| s["id"].as_str().unwrap()).collect();
    for id in [
        "pledges[0].grade",
        "pledges[0].fulfilment",
        "pledges",
        "unit",
        "multi",
        "bonus",
        "deduction",
        "veto",
        "raw",
        "total",
        "tier",
        "consequences",
    ] {
        assert!(ids.contains(&id), "no step {id} in {ids:?}");
    }
    for step in steps {
        assert!(
            step["formula"].is_string() && step["result"].is_string(),
            "{step}"
        );
    }
    let total = steps.iter().find(|s| s["id"] == "total").unwrap();
    assert_eq!(total["result"], "95.28");
    let text = stdout(&run(
        &["evaluate", path(&example.path), "--trace", "--text"],
        None,
    ));
    assert!(text.contains("95.28"));
}

#[test]
fn whatif_prints_the_library_report() {
    let rules = RuleSet::default();
    let engine = Engine::new(&rules);
    for example in common::examples() {
        let value = ok_json(&["whatif", path(&example.path)], None);
        for key in [
            "total",
            "tier",
            "points_to_next",
            "margin",
            "regrades",
            "claims",
            "incurs",
            "quarter_targets",
            "lifts",
        ] {
            assert!(value.get(key).is_some(), "{}: no {key}", example.name);
        }
        let library = serde_json::to_string(&engine.what_if(&example.dossier(&rules))).unwrap();
        assert_eq!(
            value,
            serde_json::from_str::<Value>(&library).unwrap(),
            "{}",
            example.name
        );
        let text = run(&["whatif", path(&example.path), "--text"], None);
        assert!(text.status.success());
    }
}

#[test]
fn rank_lists_name_total_tier_rank_and_honour() {
    let file = common::data("cohort.json");
    let value = ok_json(&["rank", path(&file)], None);
    let expected =
        serde_json::from_str::<Value>(&common::read(&common::data("cohort.expected.json"))).unwrap();
    let got: Vec<Value> = value
        .as_array()
        .unwrap()
        .iter()
        .map(|o| json!({"name": o["name"], "total": o["total"], "tier": o["tier"], "rank": o["rank"], "honour": o["honour"]}))
        .collect();
    let want: Vec<Value> = expected["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            let mut o = o.clone();
            o["total"] = json!(o["total"].as_f64().unwrap());
            o
        })
        .collect();
    assert_eq!(got, want);
    let text = stdout(&run(&["rank", path(&file), "--text"], None));
    assert!(text.contains("甲") && text.contains("担当作为好干部"), "{text}");
}

#[test]
fn rules_prints_a_rule_set_that_reads_back() {
    let value = run(&["rules"], None);
    assert!(value.status.success());
    let rules = RuleSet::from_json(&stdout(&value)).expect("valid rules");
    assert_eq!(rules, RuleSet::default());
    assert!(run(&["rules", "--text"], None).status.success());

    let strict = common::rules_value_with(&[(
        "/tiers/thresholds",
        json!([{"tier": "good", "min": 96}, {"tier": "fairly_good", "min": 85}, {"tier": "average", "min": 75}]),
    )]);
    let file = TempFile::new("strict.json", &strict.to_string());
    let printed = RuleSet::from_json(&stdout(&run(&["rules", "--rules", path(&file.0)], None))).unwrap();
    assert_eq!(printed.threshold(Tier::Good), 96.0);
    let example = &common::examples()[0];
    let value = ok_json(&["evaluate", path(&example.path), "--rules", path(&file.0)], None);
    assert_eq!(
        (value["total"].as_f64(), value["tier"].as_str()),
        (Some(95.28), Some("fairly_good"))
    );
}

#[test]
fn invalid_input_exits_2_with_one_line_per_problem() {
    let dir = common::data("invalid");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    for file in files {
        let expected_text = common::read(&file.with_extension("errors.txt"));
        let expected: Vec<String> = expected_text
            .lines()
            .map(|l| match l.split_once(": ") {
                Some((p, _)) if !p.contains(' ') => format!("error: {l}"),
                _ => format!("error: {}: {l}", path(&file)),
            })
            .collect();
        for command in ["evaluate", "whatif"] {
            let output = run(&[command, path(&file)], None);
            assert_eq!(output.status.code(), Some(2), "{command} {}", file.display());
            assert!(output.stdout.is_empty());
            let lines: Vec<String> = stderr(&output).lines().map(str::to_string).collect();
            assert_eq!(lines, expected, "{command} {}", file.display());
        }
        let text = common::read(&file);
        let output = run(&["evaluate", "-", "--text", "--lang", "zh"], Some(&text));
        assert_eq!(output.status.code(), Some(2));
        assert_eq!(stderr(&output).lines().count(), expected.len());
    }
    let chinese = run(
        &["evaluate", "-", "--lang", "zh"],
        Some(r#"{"unit_score": 101, "pledges": []}"#),
    );
    assert_eq!(
        stderr(&chinese).lines().collect::<Vec<_>>(),
        [
            "error: unit_score: 101 超出范围 0–100",
            "error: pledges: 共 0 项,应为 1–10 项"
        ]
    );
}

#[test]
fn every_structural_problem_of_a_rule_file_is_reported() {
    let mut bad = common::rules_value_with(&[("/dimensions/weights/unit", json!("half"))]);
    bad["tiers"]["extra"] = json!(1);
    bad["honour"].as_object_mut().unwrap().remove("top_n");
    let file = TempFile::new("structure-rules.json", &bad.to_string());
    let output = run(&["rules", "--rules", path(&file.0)], None);
    assert_eq!(output.status.code(), Some(2));
    let lines = stderr(&output);
    for path in ["dimensions.weights.unit", "tiers.extra", "honour.top_n"] {
        assert!(
            lines.contains(&format!("error: {path}: ")),
            "{path} is not named in:\n{lines}"
        );
    }
    assert_eq!(lines.lines().count(), 3, "{lines}");
}

#[test]
fn an_invalid_rule_set_or_cohort_exits_2() {
    let bad = common::rules_value_with(&[("/positive/bonus_cap", json!(-1)), ("/veto/cap", json!("great"))]);
    let file = TempFile::new("bad-rules.json", &bad.to_string());
    let output = run(&["rules", "--rules", path(&file.0)], None);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output).lines().collect::<Vec<_>>(),
        [
            "error: positive.bonus_cap: must not be negative (-1)",
            "error: veto.cap: “great” is not one of good, fairly_good, average, poor",
        ]
    );
    let example = &common::examples()[0];
    assert_eq!(
        run(&["evaluate", path(&example.path), "--rules", path(&file.0)], None)
            .status
            .code(),
        Some(2)
    );

    let output = run(
        &["rank", "-"],
        Some(r#"{"officials": [{"pledges": []}, {"unit_score": 90}]}"#),
    );
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output).lines().collect::<Vec<_>>(),
        [
            "error: officials[0].pledges: has 0 entries; 1–10 are allowed",
            "error: officials[1].pledges: is required",
        ]
    );
}

#[test]
fn a_missing_file_or_a_bad_command_line_exits_2() {
    let missing = common::data("no-such-file.json");
    let cases: Vec<Vec<&str>> = vec![
        vec!["evaluate", path(&missing)],
        vec!["whatif", path(&missing)],
        vec!["rank", path(&missing)],
        vec!["rules", "--rules", path(&missing)],
        vec!["frobnicate"],
        vec![],
        vec!["evaluate"],
        vec!["evaluate", "a.json", "b.json"],
        vec!["evaluate", "-", "--no-such-flag"],
        vec!["evaluate", "-", "--lang", "fr"],
        vec!["evaluate", "-", "--rules"],
    ];
    for args in cases {
        let output = run(&args, Some("{}"));
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let err = stderr(&output);
        assert!(err.starts_with("error: "), "{args:?}: {err}");
        assert!(output.stdout.is_empty(), "{args:?}");
    }
    let err = stderr(&run(&["evaluate", path(&missing)], None));
    assert!(err.starts_with(&format!("error: {}: ", path(&missing))), "{err}");
}

#[test]
fn odd_input_never_panics() {
    let example = &common::examples()[1];
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["evaluate", "-"], ""),
        (vec!["evaluate", "-"], "null"),
        (vec!["evaluate", "-"], "\u{feff}{}"),
        (
            vec!["evaluate", "-"],
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
        ),
        (vec!["whatif", "-", "--text", "--lang", "en"], &example.text),
        (vec!["whatif", "-", "--text"], &example.text),
        (
            vec!["evaluate", "-", "--text", "--trace", "--lang", "en"],
            &example.text,
        ),
        (vec!["rank", "-"], &example.text),
        (vec!["rank", "-", "--text"], r#"{"officials": []}"#),
        (vec!["rank", "-"], r#"{"officials": []}"#),
        (vec!["--help"], ""),
        (vec!["help"], ""),
        (vec!["--version"], ""),
    ];
    for (args, input) in cases {
        let output = run(&args, Some(input));
        assert!(
            matches!(output.status.code(), Some(0 | 2)),
            "{args:?}: {:?}",
            output.status
        );
    }
}

#[test]
fn json_marks_the_rules_and_a_file_under_other_rules_gets_a_note() {
    let rules = RuleSet::default();
    let cohort = serde_json::to_string(&dongliang::engine::demo::cohort(3, 3, 2023)).unwrap();
    let written = ok_json(&["json", "-"], Some(&cohort));
    let mark = json!({"name": rules.name, "version": rules.version, "hash": rules.content_hash()});
    assert_eq!(written["rules"], mark);
    let text = stdout(&run(&["json", "-"], Some(&cohort)));
    assert!(text.starts_with("{\n  \"rules\": {"), "{text}");
    // Read back under the same rules: no note.
    let again = run(&["json", "-"], Some(&written.to_string()));
    assert!(again.status.success());
    assert_eq!(stderr(&again), "");
    assert_eq!(serde_json::from_str::<Value>(&stdout(&again)).unwrap(), written);
    // Under other rules: the same output, and a note.
    let mut other = written.clone();
    other["rules"] = json!({"name": "另一套规则", "version": "9", "hash": "sha256:0000000000000000"});
    let output = run(&["rank", "-"], Some(&other.to_string()));
    assert!(output.status.success());
    let dossier = common::read(&common::data("examples/01-complete-good.json"));
    let mut dossier: Value = serde_json::from_str(&dossier).unwrap();
    dossier["rules"] = other["rules"].clone();
    let output = run(&["evaluate", "-"], Some(&dossier.to_string()));
    assert!(output.status.success());
    assert_eq!(
        stderr(&output),
        format!(
            "note: -: this file was exported under other rules (另一套规则, version 9); it is computed here under \"{}\" version {} — results may differ\n",
            rules.name_en, rules.version
        )
    );
    let output = run(&["json", "-", "--lang", "zh"], Some(&other.to_string()));
    assert!(
        stderr(&output).contains("此文件按另一套规则（名称 另一套规则，版本 9）导出"),
        "{}",
        stderr(&output)
    );
    assert_eq!(serde_json::from_str::<Value>(&stdout(&output)).unwrap(), written);
}
