//! The data path's parallel and streaming readers against the one-thread ones. A cohort's
//! officials decoded in pieces on several threads (`fast::cohort_in_pieces`) give exactly what
//! one thread gives, wherever the cuts fall (inside strings that hold `,{`, inside nested lists,
//! in white space), and that is the value walk's answer; any wrong official gives nothing,
//! whatever the pieces. `Engine::rank_standings` ranks as `Engine::rank`. `csv::read` reads
//! records as they are split with the errors of before. The CLI reads a mapped file as it
//! reads standard input.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::{default_rules as rules, proptest_config};
use dongliang::engine::{csv, demo, fast, Cohort, Dossier, Engine, RuleSet};
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{json, Value};

/// Text that looks like structure to a scanner that ignores strings.
fn tricky() -> Vec<&'static str> {
    vec![
        ",{",
        "},{",
        "a,{\"pledges\":[]}",
        ",{}",
        ", {\"name\": \"x\", \"pledges\": [{\"area\": \"key_work\", \"grade\": \"A\", \"quarters\": [1, 2, 3, 4]}]}",
        "\\\",{\\\"",
        "[{,}]",
        "]}",
        "\u{2028}王,{𠀀",
    ]
}

/// How a cohort is broken, if it is.
#[derive(Debug, Clone, Copy)]
enum Fault {
    None,
    /// A unit score out of range in one official.
    Range,
    /// A field no dossier has.
    Unknown,
    /// A whole number written with a fraction.
    Year,
    /// A comma before the closing `]`.
    TrailingComma,
    /// The text cut short.
    Cut,
}

/// How the text is written.
#[derive(Debug, Clone, Copy)]
enum Form {
    Compact,
    Pretty,
    /// The key spelled with an escape: not the usual shape, read by serde's decoder whole.
    EscapedKey,
    /// White space around every structural comma and colon of the top level.
    Spaced,
}

fn cohort_text() -> impl Strategy<Value = String> {
    (
        any::<u64>(),
        0usize..9,
        prop::collection::vec((any::<prop::sample::Index>(), select(tricky()), 0usize..3), 0..6),
        select(vec![
            Fault::None,
            Fault::None,
            Fault::None,
            Fault::Range,
            Fault::Unknown,
            Fault::Year,
            Fault::TrailingComma,
            Fault::Cut,
        ]),
        any::<prop::sample::Index>(),
        select(vec![Form::Compact, Form::Pretty, Form::EscapedKey, Form::Spaced]),
    )
        .prop_map(|(seed, size, edits, fault, at, form)| {
            let mut cohort = serde_json::to_value(demo::cohort(seed, size, 2023)).unwrap();
            let officials = cohort["officials"].as_array_mut().unwrap();
            for (i, text, field) in edits {
                if officials.is_empty() {
                    break;
                }
                let n = officials.len();
                let official = &mut officials[i.index(n)];
                match field {
                    0 => official["name"] = json!(text),
                    1 => official["post"] = json!(text),
                    _ => official["pledges"][0]["title"] = json!(text),
                }
            }
            if !officials.is_empty() {
                let n = officials.len();
                let official = &mut officials[at.index(n)];
                match fault {
                    Fault::Range => official["unit_score"] = json!(101),
                    Fault::Unknown => official["colour"] = json!("red"),
                    Fault::Year => official["year"] = json!(2023.5),
                    _ => {}
                }
            }
            let mut text = match form {
                Form::Pretty => serde_json::to_string_pretty(&cohort).unwrap(),
                _ => serde_json::to_string(&cohort).unwrap(),
            };
            match form {
                Form::EscapedKey => text = text.replacen("\"officials\"", "\"offic\\u0069als\"", 1),
                Form::Spaced => {
                    text = text.replacen("{\"officials\":[", " \n{ \"officials\" :\t[ ", 1);
                    text = text.replace("},{\"name\"", "} ,\r\n {\"name\"");
                    text.push_str(" \n");
                }
                _ => {}
            }
            match fault {
                Fault::TrailingComma => {
                    let end = text.rfind(']').unwrap();
                    text.insert(end, ',');
                }
                Fault::Cut => {
                    let mut end = text.len() * 2 / 3;
                    while !text.is_char_boundary(end) {
                        end -= 1;
                    }
                    text.truncate(end);
                }
                _ => {}
            }
            text
        })
}

/// The value walk's answer for a cohort text: its officials, or `None` when it has errors.
fn walked(text: &str) -> Option<Vec<Dossier>> {
    let value: Value = serde_json::from_str(text).ok()?;
    let object = value.as_object()?;
    if object.len() != 1 {
        return None;
    }
    let list = object.get("officials")?.as_array()?;
    list.iter()
        .map(|v| Dossier::from_value(v, rules()).ok())
        .collect()
}

proptest! {
    #![proptest_config(proptest_config(192))]

    #[test]
    fn a_cohort_read_in_pieces_is_the_cohort_read_whole(text in cohort_text()) {
        let whole = fast::cohort_in_pieces(&text, rules(), 1, |d| d);
        for pieces in 2..=8 {
            let cut = fast::cohort_in_pieces(&text, rules(), pieces, |d| d);
            prop_assert!(cut == whole, "{} pieces differ from one: {}", pieces, text);
        }
        // These texts hold nothing the fast path is unsure of but errors: it accepts exactly
        // what the walk accepts.
        prop_assert_eq!(&whole, &walked(&text), "{}", text);
        prop_assert_eq!(fast::cohort(&text, rules()).map(|c| c.officials), whole);
    }

    #[test]
    fn each_official_is_handed_on_in_order(seed in any::<u64>(), size in 0usize..40, pieces in 1usize..5) {
        let cohort = demo::cohort(seed, size, 2023);
        let text = serde_json::to_string(&cohort).unwrap();
        let names = fast::cohort_in_pieces(&text, rules(), pieces, |d| d.name);
        prop_assert_eq!(names, Some(cohort.officials.into_iter().map(|d| d.name).collect()));
    }

    #[test]
    fn standings_rank_as_the_dossiers_do(seed in any::<u64>(), size in 0usize..60, quota in select(vec![None, Some(0.2), Some(0.5)]), unnamed in any::<prop::sample::Index>()) {
        let mut rules = RuleSet::default();
        rules.quota.good_quota = quota;
        let engine = Engine::new(&rules);
        let mut officials = demo::cohort(seed, size, 2023).officials;
        if !officials.is_empty() {
            let i = unnamed.index(officials.len());
            officials[i].name = None;
            if i % 2 == 0 {
                officials[i].post = None;
            }
        }
        let standings = officials.iter().cloned().map(|d| engine.standing(d)).collect();
        prop_assert_eq!(engine.rank_standings(standings), engine.rank(&officials));
    }
}

#[test]
fn a_large_cohort_is_read_on_several_threads_as_on_one() {
    let cohort = demo::cohort(7, 3000, 2023);
    let text = serde_json::to_string(&cohort).unwrap();
    assert!(
        text.len() > 2 << 20,
        "large enough to be cut: {} bytes",
        text.len()
    );
    assert_eq!(fast::cohort(&text, rules()), Some(cohort.clone()));
    let mut wrong = serde_json::to_value(&cohort).unwrap();
    wrong["officials"][2999]["unit_score"] = json!(101);
    let errors = Cohort::from_json(&wrong.to_string(), rules()).unwrap_err();
    assert_eq!(
        errors.to_string(),
        "officials[2999].unit_score: 101 is out of range 0–100"
    );
}

#[test]
fn an_open_quote_at_the_end_is_the_only_csv_error_as_before() {
    let text = "name,colour\r\nA,red\r\n\"B,blue\r\n";
    let errors = csv::read(text, rules()).unwrap_err();
    let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(lines, ["line 3: a quoted cell is not closed"]);
    assert_eq!(csv::records(text).unwrap_err(), errors[0]);
}

#[test]
fn csv_cells_read_the_same_borrowed_or_owned() {
    let cohort = demo::cohort(3, 30, 2023);
    let text = csv::write(&cohort.officials);
    let records = csv::records(&text).unwrap();
    assert_eq!(csv::read_records(records, rules()), csv::read(&text, rules()));
    assert_eq!(csv::read(&text, rules()).unwrap(), cohort);
}

fn dongliang(args: &[&str], stdin: &[u8]) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dongliang"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(mut input) = child.stdin.take() {
        let _ = input.write_all(stdin);
    }
    child.wait_with_output().unwrap()
}

/// A file in the temporary directory, removed when dropped.
struct TempFile(std::path::PathBuf);

impl TempFile {
    fn new(name: &str, bytes: &[u8]) -> TempFile {
        let path = std::env::temp_dir().join(format!("dongliang-{}-{name}", std::process::id()));
        std::fs::write(&path, bytes).unwrap();
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn a_mapped_file_ranks_as_standard_input_does() {
    let cohort = demo::cohort(11, 1500, 2023);
    let text = serde_json::to_string(&cohort).unwrap();
    assert!(text.len() > 1 << 20, "large enough to be mapped");
    let file = TempFile::new("mapped.json", text.as_bytes());
    let from_file = dongliang(&["rank", file.path()], b"");
    let from_stdin = dongliang(&["rank", "-"], text.as_bytes());
    assert!(
        from_file.status.success(),
        "{}",
        String::from_utf8_lossy(&from_file.stderr)
    );
    assert_eq!(from_file.stdout, from_stdin.stdout);
    let ranking = Engine::new(rules()).rank(&cohort.officials);
    let expected = serde_json::to_string_pretty(&ranking.officials).unwrap() + "\n";
    assert!(from_file.stdout == expected.as_bytes());
}

#[test]
fn a_mapped_file_that_is_not_utf8_is_refused_with_its_line() {
    let mut bytes = serde_json::to_string(&demo::cohort(11, 1500, 2023))
        .unwrap()
        .into_bytes();
    bytes[1 << 20] = 0xff;
    let line = 1 + bytes[..1 << 20].iter().filter(|b| **b == b'\n').count();
    let file = TempFile::new("latin.json", &bytes);
    let output = dongliang(&["rank", file.path()], b"");
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let expected = |name: &str| {
        format!("error: {name}: line {line}: the file is UTF-8 but has bytes that are not valid UTF-8 (a damaged file)\n")
    };
    assert_eq!(String::from_utf8_lossy(&output.stderr), expected(file.path()));
    let from_stdin = dongliang(&["rank", "-"], &bytes);
    assert_eq!(String::from_utf8_lossy(&from_stdin.stderr), expected("-"));
    assert!(from_stdin.stdout.is_empty());
}
