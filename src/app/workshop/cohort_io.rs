//! Cohorts in and out: the JSON of spec §10 (`{"officials": [...]}`) and the engine's CSV
//! (UTF-8 with a byte-order mark). A file is read whole: any bad row or field is reported —
//! by line and column for CSV, by field path for JSON — and nothing is imported.

use crate::engine::csv::{self, CsvError};
use crate::engine::text::indent_json;
use crate::engine::{Cohort, Dossier, FieldErrors, Lang, RuleSet, RulesMark};

/// Why a file could not be imported.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    Csv(Vec<CsvError>),
    Json(FieldErrors),
    /// The file holds no official.
    Empty,
    /// The file could not be read at all (too large, unreadable).
    Refused {
        en: String,
        zh: String,
    },
    /// Several problems, worded already (a workbook's cells: sheet, row and column).
    Lines {
        zh: Vec<String>,
        en: Vec<String>,
    },
}

impl ImportError {
    /// Every problem, one line each, in the chosen language.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        match self {
            ImportError::Csv(errors) => errors.iter().map(|e| csv_line(e, lang)).collect(),
            ImportError::Json(errors) => errors
                .iter()
                .map(|e| crate::app::i18n::error_line(e, lang))
                .collect(),
            ImportError::Empty => vec![lang
                .pick("名册中没有任何干部", "the file lists no official")
                .into()],
            ImportError::Refused { en, zh } => vec![lang.pick(zh, en).to_string()],
            ImportError::Lines { zh, en } => {
                if lang == Lang::Zh {
                    zh.clone()
                } else {
                    en.clone()
                }
            }
        }
    }
}

/// `第 4 行,第 38 列(pledge1_q3):…` / `line 4, column 38 (pledge1_q3): …`.
pub fn csv_line(e: &CsvError, lang: Lang) -> String {
    let message = e.problem.message(lang);
    match (lang, e.column, &e.header) {
        (Lang::Zh, Some(c), Some(h)) => format!("第 {} 行,第 {c} 列({h}):{message}", e.line),
        (Lang::Zh, _, _) => format!("第 {} 行:{message}", e.line),
        (Lang::En, Some(c), Some(h)) => format!("line {}, column {c} ({h}): {message}", e.line),
        (Lang::En, _, _) => format!("line {}: {message}", e.line),
    }
}

/// True when the file is JSON (by its name, else by its first character).
fn is_json(file: &str, text: &str) -> bool {
    let name = file.to_ascii_lowercase();
    if name.ends_with(".json") {
        return true;
    }
    !name.ends_with(".csv") && text.trim_start_matches(csv::BOM).trim_start().starts_with('{')
}

/// A file's officials and its mark of the rules it was written under, or why not.
pub type Imported = Result<(Vec<Dossier>, Option<RulesMark>), ImportError>;

/// Reads a whole cohort from a JSON or CSV file, or says why not; with the mark of the rules
/// the file says it was written under (JSON only: the cohort's, else the first official's).
/// The officials are kept without marks.
pub fn read(file: &str, text: &str, rules: &RuleSet) -> Imported {
    let (officials, mark) = if is_json(file, text) {
        let text = text.trim_start_matches(csv::BOM);
        let cohort = Cohort::from_json(text, rules).map_err(ImportError::Json)?;
        (cohort.officials, cohort.rules)
    } else {
        (csv::read(text, rules).map_err(ImportError::Csv)?.officials, None)
    };
    unmarked(officials, mark)
}

/// A file's officials without their marks, and the file's mark (the cohort's, else the first
/// official's); a file without officials is refused.
fn unmarked(mut officials: Vec<Dossier>, mut mark: Option<RulesMark>) -> Imported {
    if officials.is_empty() {
        return Err(ImportError::Empty);
    }
    for d in &mut officials {
        if let Some(theirs) = d.rules.take() {
            mark.get_or_insert(theirs);
        }
    }
    Ok((officials, mark))
}

/// Bytes read per step of [`Slices`] (a few milliseconds' work).
const SLICE: usize = 64 * 1024;

/// A cohort file read a slice at a time ([`read`]'s result, whatever the slices).
pub enum Slices {
    Json(crate::engine::fast::Slices),
    Csv(Box<csv::Slices>),
}

impl Slices {
    pub fn new(file: &str, text: String) -> Slices {
        if is_json(file, &text) {
            let text = match text.starts_with(csv::BOM) {
                true => text.trim_start_matches(csv::BOM).to_string(),
                false => text,
            };
            Slices::Json(crate::engine::fast::Slices::new(text))
        } else {
            Slices::Csv(Box::new(csv::Slices::new(text)))
        }
    }

    /// Reads the next slice; once all is read, what [`read`] gives.
    pub fn step(&mut self, rules: &RuleSet) -> Option<Imported> {
        let read = match self {
            Slices::Json(s) => s
                .step(rules, SLICE)?
                .map(|c| (c.officials, c.rules))
                .map_err(ImportError::Json),
            Slices::Csv(s) => s
                .step(rules, SLICE)?
                .map(|officials| (officials, None))
                .map_err(ImportError::Csv),
        };
        Some(read.and_then(|(officials, mark)| unmarked(officials, mark)))
    }

    /// Bytes read, and bytes in all.
    pub fn progress(&self) -> (usize, usize) {
        match self {
            Slices::Json(s) => s.progress(),
            Slices::Csv(s) => s.progress(),
        }
    }
}

/// The cohort as JSON (indented when small enough to read), marked with the rules in force.
pub fn to_json(officials: &[Dossier], mark: &RulesMark) -> String {
    let list = serde_json::to_string(officials).unwrap_or_default();
    let list = if officials.len() <= 1000 {
        indent_json(&list)
    } else {
        list
    };
    let mark = serde_json::to_string(mark).unwrap_or_default();
    format!("{{\"rules\": {mark}, \"officials\": {list}}}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::demo;

    #[test]
    fn csv_and_json_round_trip_and_a_bad_cell_is_reported_by_line_and_column() {
        let rules = RuleSet::default();
        let cohort = demo::cohort(5, 4, 2023).officials;
        let text = csv::write(&cohort);
        assert!(text.starts_with(csv::BOM));
        assert_eq!(read("x.csv", &text, &rules), Ok((cohort.clone(), None)));
        let mark = RulesMark::of(&rules);
        let json = to_json(&cohort, &mark);
        assert!(json.starts_with(r#"{"rules": {"name":"#), "{json}");
        assert_eq!(read("x.json", &json, &rules), Ok((cohort.clone(), Some(mark))));
        let column = csv::header(3).iter().position(|h| h == "pledge1_q3").unwrap() + 1;
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        let mut cells: Vec<String> = lines[3].split(',').map(str::to_string).collect();
        cells[column - 1] = "101".into();
        lines[3] = cells.join(",");
        let Err(ImportError::Csv(errors)) = read("bad.csv", &lines.join("\r\n"), &rules) else {
            panic!("a bad cell must refuse the file");
        };
        let line = csv_line(&errors[0], Lang::Zh);
        assert_eq!(errors[0].line, 4);
        assert!(
            line.starts_with(&format!("第 4 行,第 {column} 列(pledge1_q3)")),
            "{line}"
        );
        assert!(csv_line(&errors[0], Lang::En).contains("101"));
    }

    #[test]
    fn an_empty_or_broken_json_file_is_refused() {
        let rules = RuleSet::default();
        assert_eq!(
            read("e.json", r#"{"officials": []}"#, &rules),
            Err(ImportError::Empty)
        );
        let Err(ImportError::Json(errors)) = read("b.json", r#"{"officials": [{"pledges": []}]}"#, &rules)
        else {
            panic!("an invalid dossier must refuse the file");
        };
        assert!(
            errors.iter().all(|e| e.path.starts_with("officials[0]")),
            "{errors}"
        );
    }
}
