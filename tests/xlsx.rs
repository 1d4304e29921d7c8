//! .xlsx both ways (feature `xlsx`): cohorts written by the app and by another program
//! (openpyxl, with a merged title row and a date cell) read with the right names and ranks;
//! random cohorts round-trip exactly; the ranking, comparison and template workbooks have a
//! bold frozen header and numbers as numbers; damaged, encrypted, legacy, oversized and
//! bomb-like files are refused with a clear message and nothing imported.
#![cfg(all(feature = "xlsx", not(target_arch = "wasm32")))]

mod common;

use std::io::{Cursor, Read};
use std::path::PathBuf;

use calamine::{Data, DataType, Reader, Xlsx};
use common::default_rules as rules;
use dongliang::engine::dossier::{Assumptions, Factors, NegativeRecord, PositiveClaim, VoteCounts, Votes};
use dongliang::engine::ids::{PoliticalQuality, UnitKind};
use dongliang::engine::xlsx::{self, FileProblem, XlsxError};
use dongliang::engine::{compare, demo, Area, Cohort, Dossier, Engine, Grade, Lang, Pledge, RuleSet, Tier};
use proptest::prelude::*;
use proptest::sample::{select, subsequence};

fn file(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/files")
        .join(name)
}

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(file(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The cohort every fixture in tests/data/files holds.
fn fixture_cohort() -> Cohort {
    Cohort::from_json(&String::from_utf8(bytes("cohort.json")).unwrap(), rules()).unwrap()
}

/// Names in rank order with their ranks.
fn ranks(cohort: &Cohort) -> Vec<(String, usize)> {
    Engine::new(rules())
        .rank(&cohort.officials)
        .officials
        .into_iter()
        .map(|r| (r.name, r.rank))
        .collect()
}

fn sheet_rows(workbook: &[u8], index: usize) -> Vec<Vec<Data>> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(workbook)).unwrap();
    let range = book.worksheet_range_at(index).unwrap().unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}

/// A part of the workbook's zip, as text.
fn part(workbook: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(workbook)).unwrap();
    let mut text = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut text).unwrap();
    text
}

fn file_problem(result: Result<xlsx::Imported, XlsxError>) -> FileProblem {
    match result {
        Err(XlsxError::File { problem }) => problem,
        other => panic!("expected a file problem, got {other:?}"),
    }
}

#[test]
fn the_demo_cohort_round_trips_through_xlsx() {
    let cohort = demo::cohort(7, 98, 2023);
    let book = xlsx::cohort(&cohort.officials, rules()).unwrap();
    let read = xlsx::read(&book, rules()).unwrap();
    assert_eq!(read.cohort, cohort);
    assert_eq!(read.sheet, "名单 Officials");
}

#[test]
fn an_xlsx_written_by_the_app_reads_with_the_right_names_and_ranks() {
    let expected = fixture_cohort();
    let read = xlsx::read(&bytes("cohort-app.xlsx"), rules()).unwrap();
    assert_eq!(read.cohort, expected);
    assert_eq!(ranks(&read.cohort), ranks(&expected));
}

#[test]
fn an_xlsx_written_by_openpyxl_with_a_merged_title_and_a_date_reads_the_same() {
    let expected = fixture_cohort();
    let book = bytes("cohort-openpyxl.xlsx");
    // The fixture is what it says: a merged title row above the header and a date in `year`.
    let rows = sheet_rows(&book, 0);
    assert!(
        matches!(&rows[0][0], Data::String(t) if t.contains("考核")),
        "{:?}",
        rows[0]
    );
    assert!(part(&book, "xl/worksheets/sheet1.xml").contains("<mergeCell "));
    assert!(rows.iter().flatten().any(|c| matches!(c, Data::DateTime(_))));
    let read = xlsx::read(&book, rules()).unwrap();
    assert_eq!(read.cohort, expected);
    let ranked = ranks(&read.cohort);
    assert_eq!(ranked, ranks(&expected));
    assert_eq!(ranked[0], ("赵伟东(虚构)".to_string(), 1), "{ranked:?}");
}

#[test]
fn text_that_looks_like_a_formula_stays_text() {
    let mut cohort = demo::cohort(3, 4, 2023);
    cohort.officials[0].name = Some("=HYPERLINK(\"http://example.org\")".into());
    cohort.officials[1].post = Some("'+86 局长".into());
    cohort.officials[2].pledges[0].title = Some("@所有人 -1".into());
    let book = xlsx::cohort(&cohort.officials, rules()).unwrap();
    let sheet = part(&book, "xl/worksheets/sheet1.xml");
    assert!(!sheet.contains("<f>"), "no formula is written");
    assert_eq!(xlsx::read(&book, rules()).unwrap().cohort, cohort);
}

#[test]
fn the_ranking_workbook_has_a_frozen_bold_header_and_numbers_as_numbers() {
    let cohort = fixture_cohort();
    let ranking = Engine::new(rules()).rank(&cohort.officials);
    let book = xlsx::ranking(&ranking, rules(), Lang::Zh).unwrap();
    let rows = sheet_rows(&book, 0);
    let header: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    assert_eq!(
        header,
        [
            "名次",
            "姓名",
            "职务",
            "总分",
            "等次",
            "担当作为好干部",
            "一票否决",
            "含预估",
            "结果运用"
        ]
    );
    let first = &ranking.officials[0];
    assert_eq!(rows[1][0], Data::Float(1.0));
    assert_eq!(rows[1][1], Data::String(first.name.clone()));
    assert_eq!(rows[1][3], Data::Float(first.total));
    assert_eq!(rows[1][4], Data::String(first.tier.zh().into()));
    assert_eq!(rows.len(), cohort.officials.len() + 1);
    let sheet = part(&book, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"state="frozen""#), "{sheet}");
    assert!(sheet.contains("<col "), "column widths are set");
    assert!(
        part(&book, "xl/styles.xml").contains("<b/>"),
        "the header is bold"
    );
}

#[test]
fn the_comparison_workbook_has_both_totals_the_change_and_the_transitions() {
    let cohort = fixture_cohort();
    let mut variant = RuleSet::default();
    variant.dimensions.weights.unit = 0.5;
    variant.dimensions.weights.pledges = 0.3;
    variant.dimensions.weights.multi = 0.2;
    let comparison = compare::compare(&cohort.officials, &Engine::new(rules()), &Engine::new(&variant));
    let book = xlsx::comparison(&comparison, Lang::En).unwrap();
    let rows = sheet_rows(&book, 0);
    assert_eq!(rows[0][0], Data::String("baseline rank".into()));
    assert_eq!(rows.len(), cohort.officials.len() + 1);
    for row in &rows[1..] {
        let (Data::Float(before), Data::Float(after), Data::Float(change)) = (&row[3], &row[6], &row[8])
        else {
            panic!("totals are numbers: {row:?}");
        };
        assert!((after - before - change).abs() < 0.006, "{row:?}");
    }
    let matrix = sheet_rows(&book, 1);
    let counted: f64 = matrix[1..]
        .iter()
        .flat_map(|r| &r[1..])
        .map(|c| c.as_f64().unwrap())
        .sum();
    assert_eq!(counted as usize, cohort.officials.len());
}

#[test]
fn the_template_explains_the_columns_has_drop_downs_and_reads_back_as_its_example() {
    let example = demo::cohort(1, 1, 2023).officials.remove(0);
    let book = xlsx::template(&example, rules()).unwrap();
    let about = sheet_rows(&book, 0);
    let names: Vec<String> = about.iter().map(|r| r[0].to_string()).collect();
    for column in [
        "name",
        "unit_kind",
        "political_quality",
        "pledgeN_grade",
        "peers_good",
    ] {
        assert!(names.iter().any(|n| n == column), "{column} is explained");
    }
    let officials = part(&book, "xl/worksheets/sheet2.xml");
    for list in [
        "\"A,B,C\"",
        "\"department,street\"",
        "\"qualified,unqualified\"",
        "\"party_building,innovation,key_work\"",
    ] {
        assert!(officials.contains(list), "a drop-down {list}");
    }
    let read = xlsx::read(&book, rules()).unwrap();
    assert_eq!(read.cohort.officials, vec![example]);
    assert_eq!(read.sheet, "名单 Officials");
    let lists = sheet_rows(&book, 2);
    assert!(lists.iter().any(|r| r[1] == Data::String("N4".into())));
}

#[test]
fn damaged_encrypted_legacy_and_foreign_files_are_refused() {
    let app = bytes("cohort-app.xlsx");
    assert!(matches!(
        file_problem(xlsx::read(&bytes("corrupt.xlsx"), rules())),
        FileProblem::Damaged { .. }
    ));
    assert_eq!(
        file_problem(xlsx::read(&bytes("encrypted.xlsx"), rules())),
        FileProblem::Encrypted
    );
    assert_eq!(
        file_problem(xlsx::read(&bytes("legacy.xls"), rules())),
        FileProblem::LegacyXls
    );
    assert_eq!(
        file_problem(xlsx::read(&bytes("cohort-utf8.csv"), rules())),
        FileProblem::NotZip
    );
    assert_eq!(file_problem(xlsx::read(b"", rules())), FileProblem::NotZip);
    // A zip archive cut short: the directory at its end is gone.
    assert!(matches!(
        file_problem(xlsx::read(&app[..app.len() / 2], rules())),
        FileProblem::Damaged { .. }
    ));
    let message = FileProblem::Encrypted.message(Lang::En);
    assert!(message.contains("password"), "{message}");
    assert!(FileProblem::LegacyXls.message(Lang::Zh).contains(".xlsx"));
}

#[test]
fn oversized_files_and_zip_bombs_are_refused_before_reading() {
    let mut big = bytes("cohort-app.xlsx");
    big.resize(xlsx::MAX_FILE_BYTES + 1, 0);
    assert!(matches!(
        file_problem(xlsx::read(&big, rules())),
        FileProblem::TooLarge { .. }
    ));

    // The central directory claims that a part unpacks to 4 GB.
    let mut bomb = bytes("cohort-app.xlsx");
    let at = bomb.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
    bomb[at + 24..at + 28].copy_from_slice(&0xF000_0000u32.to_le_bytes());
    assert!(matches!(
        file_problem(xlsx::read(&bomb, rules())),
        FileProblem::Unpacks { .. }
    ));
}

#[test]
fn a_cell_beyond_the_rows_or_columns_read_is_refused() {
    let header = dongliang::engine::csv::header(1);
    for (row, column) in [(1_040_000u32, 0u16), (1, 1_200)] {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (c, h) in header.iter().enumerate() {
            sheet.write_string(0, c as u16, h).unwrap();
        }
        sheet.write_string(row, column, "x").unwrap();
        let bytes = book.save_to_buffer().unwrap();
        assert!(matches!(
            file_problem(xlsx::read(&bytes, rules())),
            FileProblem::TooBig { .. }
        ));
    }
}

#[test]
fn a_sheet_without_the_header_row_is_refused() {
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet().write_string(0, 0, "姓名").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    assert_eq!(file_problem(xlsx::read(&bytes, rules())), FileProblem::NoHeader);
}

/// A demo cohort's sheet copied cell by cell by rust_xlsxwriter (sheet “名单”), then edited.
fn workbook(edit: impl FnOnce(&mut rust_xlsxwriter::Worksheet, &[String])) -> Vec<u8> {
    let cohort = demo::cohort(3, 2, 2023);
    let rows = sheet_rows(&xlsx::cohort(&cohort.officials, rules()).unwrap(), 0);
    let header: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    sheet_with(&rows, |sheet| {
        sheet.set_name("名单").unwrap();
        edit(sheet, &header);
    })
}

fn col(header: &[String], name: &str) -> u16 {
    header.iter().position(|h| h == name).unwrap() as u16
}

fn cell_lines(result: Result<xlsx::Imported, XlsxError>, lang: Lang) -> Vec<String> {
    match result {
        Err(e @ XlsxError::Cells { .. }) => e.lines(lang),
        other => panic!("expected cell problems, got {other:?}"),
    }
}

#[test]
fn bad_cells_name_their_sheet_row_and_column_and_nothing_is_imported() {
    let book = workbook(|sheet, h| {
        sheet.write_number(2, col(h, "pledge1_q3"), 101).unwrap();
        sheet.write_string(1, col(h, "pledge1_grade"), "D").unwrap();
        sheet.write_string(2, col(h, "peers_good"), "many").unwrap();
    });
    let q3 = xlsx::column_name(u32::from(col(&dongliang::engine::csv::header(3), "pledge1_q3")));
    let lines = cell_lines(xlsx::read(&book, rules()), Lang::En);
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(
        lines.contains(&format!(
            "sheet \"名单\", row 3, column {q3} (pledge1_q3): 101 is out of range 0–100"
        )),
        "{lines:?}"
    );
    assert!(lines
        .iter()
        .any(|l| l.starts_with("sheet \"名单\", row 2, column ") && l.contains("(pledge1_grade)")));
    let zh = cell_lines(xlsx::read(&book, rules()), Lang::Zh);
    assert!(
        zh.iter()
            .any(|l| l.starts_with("工作表“名单”第 3 行") && l.contains("超出范围")),
        "{zh:?}"
    );
}

#[test]
fn title_rows_above_and_a_header_not_in_column_a_are_tolerated() {
    let cohort = demo::cohort(3, 2, 2023);
    let plain = xlsx::cohort(&cohort.officials, rules()).unwrap();
    let rows = sheet_rows(&plain, 0);
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet
        .merge_range(0, 1, 1, 8, "2023 年度考核名单", &rust_xlsxwriter::Format::new())
        .unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32 + 3, c as u16 + 1);
            match cell {
                Data::Float(x) => sheet.write_number(r, c, *x).unwrap(),
                Data::String(s) => sheet.write_string(r, c, s).unwrap(),
                _ => sheet,
            };
        }
    }
    let bytes = book.save_to_buffer().unwrap();
    assert_eq!(xlsx::read(&bytes, rules()).unwrap().cohort, cohort);

    // A value under the data but beyond the header's last column is not dropped silently.
    let width = rows[0].len() as u16;
    let bytes = sheet_with(&rows, |sheet| {
        sheet.write_string(2, width + 2, "备注").unwrap();
    });
    let lines = cell_lines(xlsx::read(&bytes, rules()), Lang::En);
    assert!(lines[0].contains("outside the header's columns"), "{lines:?}");
}

fn sheet_with(rows: &[Vec<Data>], edit: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            match cell {
                Data::Float(x) => sheet.write_number(r as u32, c as u16, *x).unwrap(),
                Data::String(s) => sheet.write_string(r as u32, c as u16, s).unwrap(),
                _ => sheet,
            };
        }
    }
    edit(sheet);
    book.save_to_buffer().unwrap()
}

#[test]
fn merged_cells_among_the_officials_and_uncomputed_formulas_are_refused() {
    let merged = workbook(|sheet, h| {
        let c = col(h, "post");
        sheet
            .merge_range(1, c, 2, c, "区某局局长", &rust_xlsxwriter::Format::new())
            .unwrap();
    });
    let lines = cell_lines(xlsx::read(&merged, rules()), Lang::En);
    assert!(lines[0].contains("are merged"), "{lines:?}");

    let formula = workbook(|sheet, h| {
        sheet.write_formula(1, col(h, "unit_score"), "=80+10").unwrap();
    });
    // rust_xlsxwriter writes a formula with a cached result of 0 unless told otherwise; a
    // formula with no cached value at all is what openpyxl writes (tests/data/files).
    let read = xlsx::read(&formula, rules());
    assert!(read.is_ok() || matches!(read, Err(XlsxError::Cells { .. })));
    let lines = cell_lines(xlsx::read(&bytes("formula-uncomputed.xlsx"), rules()), Lang::En);
    assert!(lines[0].contains("formula without a computed value"), "{lines:?}");
}

/// Free text as officials type it and as it breaks spreadsheets: quotes, commas, semicolons,
/// line breaks, a leading `= + - @ '`, emoji, rare CJK (outside the BMP), escapes Excel itself
/// interprets (`_x0041_`), white space at either end and the empty text.
fn text() -> impl Strategy<Value = String> {
    let any = "[=+\\-@'\"a-zA-Z0-9一-龥😀🇨𠀀-𠀉,;:_ \t\n\r]{0,14}";
    prop_oneof![
        6 => any,
        1 => Just(String::new()),
        1 => Just("  前后空格 ".to_string()),
        1 => Just("_x0041_ \"引号\", 逗号\r\n第二行".to_string()),
        1 => Just("=HYPERLINK(\"http://example.org\",\"点我\")".to_string()),
        1 => Just("'已有引号".to_string()),
    ]
}

fn score() -> impl Strategy<Value = f64> {
    prop_oneof![
        6 => (0u32..=10_000).prop_map(|x| f64::from(x) / 100.0),
        2 => 0.0..=100.0f64,
        1 => Just(0.0),
        1 => Just(100.0),
    ]
}

fn pledge() -> impl Strategy<Value = Pledge> {
    let factors = (1u8..=5, 1u8..=5, 1u8..=5).prop_map(|(difficulty, innovation, contribution)| Factors {
        difficulty,
        innovation,
        contribution,
    });
    let grading = prop_oneof![
        select(Grade::ALL).prop_map(|g| (Some(g), None)),
        factors.clone().prop_map(|f| (None, Some(f))),
        (select(Grade::ALL), factors).prop_map(|(g, f)| (Some(g), Some(f))),
    ];
    let quarters = proptest::array::uniform4(proptest::option::weighted(0.7, score()));
    (select(Area::ALL), proptest::option::of(text()), grading, quarters).prop_map(
        |(area, title, (grade, factors), quarters)| Pledge {
            area,
            title,
            grade,
            factors,
            quarters,
        },
    )
}

fn votes() -> impl Strategy<Value = Votes> {
    let n = prop_oneof![8 => 0u32..40, 1 => Just(0u32), 1 => 0u32..=1_000_000];
    let counts =
        (n.clone(), n.clone(), n.clone(), n).prop_map(|(good, fairly_good, average, poor)| VoteCounts {
            good,
            fairly_good,
            average,
            poor,
        });
    let group = || proptest::option::weighted(0.6, counts.clone());
    (group(), group(), group(), group()).prop_map(|(district_leaders, peers, unit_staff, public)| Votes {
        district_leaders,
        peers,
        unit_staff,
        public,
    })
}

fn lists() -> impl Strategy<Value = (Vec<PositiveClaim>, Vec<NegativeRecord>)> {
    let positive: Vec<String> = rules().positive.items.iter().map(|i| i.id.clone()).collect();
    let negative: Vec<(String, bool)> = rules()
        .negative
        .items
        .iter()
        .map(|i| (i.id.clone(), i.veto))
        .collect();
    let count = || prop_oneof![3 => Just(1u32), 1 => 1u32..=10];
    let positive = subsequence(positive, 0..=8).prop_flat_map(move |ids| {
        proptest::collection::vec(count(), ids.len()).prop_map(move |counts| {
            ids.iter()
                .zip(counts)
                .map(|(item, count)| PositiveClaim {
                    item: item.clone(),
                    count,
                })
                .collect::<Vec<_>>()
        })
    });
    let negative = subsequence(negative, 0..=5).prop_flat_map(move |items| {
        proptest::collection::vec((count(), any::<bool>()), items.len()).prop_map(move |extra| {
            items
                .iter()
                .zip(extra)
                .map(|((item, veto), (count, tolerated))| NegativeRecord {
                    item: item.clone(),
                    count,
                    tolerated: tolerated && !veto,
                })
                .collect::<Vec<_>>()
        })
    });
    (positive, negative)
}

fn dossier() -> impl Strategy<Value = Dossier> {
    let about = (
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::option::of(select(UnitKind::ALL)),
        proptest::option::of(1949i32..=2100),
        select(PoliticalQuality::ALL),
        proptest::collection::vec(select(Tier::ALL), 0..5),
    );
    let assumptions = (
        proptest::option::of(score()),
        proptest::option::of(score()),
        proptest::option::of(score()),
    )
        .prop_map(|(quarter_score, unit_score, multi_score)| Assumptions {
            quarter_score,
            unit_score,
            multi_score,
        });
    let pledges = proptest::collection::vec(pledge(), 1..=10);
    (
        about,
        proptest::option::of(score()),
        pledges,
        votes(),
        lists(),
        assumptions,
    )
        .prop_map(
            |(
                (name, post, unit_kind, year, political_quality, history),
                unit_score,
                pledges,
                votes,
                (positive, negative),
                assumptions,
            )| {
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
                    positive,
                    negative,
                    history,
                    assumptions,
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: if std::env::var_os("PROPTEST_CASES").is_some() { ProptestConfig::default().cases } else { 64 },
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_cohorts_round_trip_through_xlsx(officials in proptest::collection::vec(dossier(), 1..6)) {
        for d in &officials {
            prop_assert_eq!(d.validate(rules()), Ok(()));
        }
        let book = xlsx::cohort(&officials, rules()).unwrap();
        let read = xlsx::read(&book, rules()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(read.cohort.officials, officials);
    }
}
