//! The CLI on files as officials have them (tests/data/files): a GBK CSV and .xlsx workbooks
//! written by the app and by openpyxl rank exactly like the cohort's JSON; a file in an unknown
//! encoding and damaged, encrypted or legacy workbooks exit 2 with one clear line and print
//! nothing; `xlsx`, `template` and `rank`/`compare --format xlsx` write workbooks that read back.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn file(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/files")
        .join(name)
        .to_str()
        .unwrap()
        .to_string()
}

fn run(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dongliang"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin = None;
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{args:?} panicked: {stderr}");
    output
}

fn ok(args: &[&str]) -> Output {
    let output = run(args);
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn json(args: &[&str]) -> Value {
    serde_json::from_slice(&ok(args).stdout).unwrap_or_else(|e| panic!("{args:?}: {e}"))
}

fn refused(args: &[&str]) -> String {
    let output = run(args);
    assert_eq!(output.status.code(), Some(2), "{args:?}");
    assert!(output.stdout.is_empty(), "{args:?} printed nothing");
    String::from_utf8(output.stderr).unwrap()
}

#[test]
fn text_files_in_every_encoding_rank_like_the_json_and_the_encoding_is_named() {
    let expected = json(&["rank", &file("cohort.json")]);
    for (name, encoding) in [
        ("cohort-gbk.csv", Some("GBK/GB18030")),
        ("cohort-utf16.txt", Some("UTF-16 LE")),
        ("cohort-utf8.csv", None),
        ("cohort-semicolon.csv", None),
    ] {
        let output = ok(&["rank", &file(name)]);
        assert_eq!(
            serde_json::from_slice::<Value>(&output.stdout).unwrap(),
            expected,
            "{name}"
        );
        let note = String::from_utf8(output.stderr).unwrap();
        match encoding {
            Some(encoding) => assert_eq!(note, format!("note: {}: read as {encoding}\n", file(name))),
            None => assert_eq!(note, "", "{name}"),
        }
    }
    assert_eq!(expected[0]["name"], "赵伟东(虚构)");
    assert_eq!(expected[0]["rank"], 1);
}

#[cfg(feature = "xlsx")]
#[test]
fn workbooks_from_the_app_and_from_openpyxl_rank_like_the_json() {
    let expected = json(&["rank", &file("cohort.json")]);
    for name in ["cohort-app.xlsx", "cohort-openpyxl.xlsx"] {
        assert_eq!(json(&["rank", &file(name)]), expected, "{name}");
    }
    let cohort: Value = serde_json::from_str(&std::fs::read_to_string(file("cohort.json")).unwrap()).unwrap();
    let mut written = json(&["json", &file("cohort-openpyxl.xlsx")]);
    let mark = written.as_object_mut().unwrap().remove("rules").unwrap();
    assert_eq!(mark["hash"], dongliang::engine::RuleSet::default().content_hash());
    assert_eq!(written, cohort);
}

#[test]
fn unreadable_files_are_refused_with_one_clear_line() {
    let err = refused(&["rank", &file("unknown-encoding.csv")]);
    assert!(
        err.starts_with(&format!(
            "error: {}: line 3: the file is not text in UTF-8, UTF-16 or GBK/GB18030",
            file("unknown-encoding.csv")
        )),
        "{err}"
    );
    let err = refused(&["rank", &file("unknown-encoding.csv"), "--lang", "zh"]);
    assert!(err.contains("第 3 行"), "{err}");
}

#[cfg(feature = "xlsx")]
#[test]
fn damaged_encrypted_and_legacy_workbooks_are_refused() {
    for (name, says) in [
        ("corrupt.xlsx", "damaged"),
        ("encrypted.xlsx", "password-protected"),
        ("legacy.xls", "save it as .xlsx"),
    ] {
        let err = refused(&["rank", &file(name)]);
        assert!(err.starts_with(&format!("error: {}: ", file(name))), "{err}");
        assert!(err.contains(says), "{name}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    // A workbook named .csv is still read as a workbook (by its signature).
    let dir = std::env::temp_dir().join(format!("dongliang-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let disguised = dir.join("cohort.csv");
    std::fs::copy(file("cohort-app.xlsx"), &disguised).unwrap();
    assert_eq!(
        json(&["rank", disguised.to_str().unwrap()]),
        json(&["rank", &file("cohort.json")])
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(feature = "xlsx")]
mod workbooks {
    use std::io::{Cursor, Write};

    use super::*;
    use dongliang::engine::xlsx;
    use dongliang::engine::{Cohort, RuleSet};

    fn cohort() -> Cohort {
        Cohort::from_json(
            &std::fs::read_to_string(file("cohort.json")).unwrap(),
            &RuleSet::default(),
        )
        .unwrap()
    }

    fn first_sheet(bytes: &[u8]) -> Vec<Vec<calamine::Data>> {
        use calamine::Reader;
        let mut book: calamine::Xlsx<_> = calamine::Xlsx::new(Cursor::new(bytes)).unwrap();
        let range = book.worksheet_range_at(0).unwrap().unwrap();
        range.rows().map(|r| r.to_vec()).collect()
    }

    #[test]
    fn xlsx_writes_a_cohort_that_reads_back() {
        for input in ["cohort.json", "cohort-gbk.csv", "cohort-openpyxl.xlsx"] {
            let bytes = ok(&["xlsx", &file(input)]).stdout;
            assert!(bytes.starts_with(b"PK\x03\x04"), "{input}");
            assert_eq!(
                xlsx::read(&bytes, &RuleSet::default()).unwrap().cohort,
                cohort(),
                "{input}"
            );
        }
    }

    #[test]
    fn rank_and_compare_write_workbooks() {
        let bytes = ok(&["rank", &file("cohort.json"), "--format", "xlsx"]).stdout;
        let rows = first_sheet(&bytes);
        assert_eq!(rows[0][0], calamine::Data::String("名次".into()));
        assert_eq!(rows[1][1], calamine::Data::String("赵伟东(虚构)".into()));
        let bytes = ok(&["rank", &file("cohort.json"), "--format", "xlsx", "--lang", "en"]).stdout;
        assert_eq!(first_sheet(&bytes)[0][0], calamine::Data::String("rank".into()));

        let mut variant: Value = serde_json::from_str(include_str!("../rules/default.json")).unwrap();
        variant["dimensions"]["weights"] = serde_json::json!({"unit": 0.5, "pledges": 0.3, "multi": 0.2});
        let path = std::env::temp_dir().join(format!("dongliang-variant-{}.json", std::process::id()));
        std::fs::File::create(&path)
            .unwrap()
            .write_all(variant.to_string().as_bytes())
            .unwrap();
        let bytes = ok(&[
            "compare",
            &file("cohort-gbk.csv"),
            "--variant",
            path.to_str().unwrap(),
            "--format",
            "xlsx",
        ])
        .stdout;
        let _ = std::fs::remove_file(&path);
        let rows = first_sheet(&bytes);
        assert_eq!(rows[0][0], calamine::Data::String("基准名次".into()));
        assert_eq!(rows.len(), cohort().officials.len() + 1);
    }

    #[test]
    fn the_templates_read_back_as_their_example() {
        let rules = RuleSet::default();
        let book = ok(&["template", "--format", "xlsx"]).stdout;
        let from_book = xlsx::read(&book, &rules).unwrap().cohort;
        let csv = String::from_utf8(ok(&["template"]).stdout).unwrap();
        assert_eq!(
            csv,
            String::from_utf8(ok(&["template", "--format", "csv"]).stdout).unwrap()
        );
        let from_csv = dongliang::engine::csv::read(&csv, &rules).unwrap();
        assert_eq!(from_book, from_csv);
        assert_eq!(from_book.officials.len(), 1);
    }
}

#[test]
fn format_is_refused_where_it_means_nothing() {
    let err = refused(&["evaluate", &file("cohort.json"), "--format", "xlsx"]);
    assert!(err.starts_with("error: --format is an option of rank"), "{err}");
    let err = refused(&["template", "--format", "json"]);
    assert!(err.starts_with("error: --format is an option of rank"), "{err}");
    let err = refused(&["template", "--format", "pdf"]);
    assert!(err.contains("not pdf"), "{err}");
}
