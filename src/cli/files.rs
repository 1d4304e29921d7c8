//! Files as officials have them: a cohort as JSON, as CSV in any encoding Excel and WPS write
//! (decoded by `engine::encoding`; a note on standard error says which encoding was read when
//! it is not UTF-8), or as an .xlsx workbook (by its extension or its zip signature); and the
//! workbooks the CLI writes (`xlsx`, `rank --format xlsx`, `compare --format xlsx`,
//! `template --format xlsx`), which go to standard output but never to a terminal.

use std::io::{IsTerminal, Write};

use crate::input::read_bytes;

use dongliang::engine::encoding::{self, Encoding};
use dongliang::engine::{csv, Cohort, Dossier, FieldErrors, Lang, RuleSet, RulesMark};

fn has_extension(path: &str, extensions: &[&str]) -> bool {
    let lower = path.to_ascii_lowercase();
    extensions.iter().any(|e| lower.ends_with(e))
}

/// A cohort from JSON; from CSV when the name ends in `.csv`, `.tsv` or `.txt` (Excel's
/// “Unicode text”); from a workbook when the name ends in `.xlsx` or `.xls` or the bytes are
/// a zip or OLE file. Every problem is one line.
pub fn read_cohort(
    file: &str,
    rules: &RuleSet,
    lang: Lang,
    json_errors: impl Fn(FieldErrors) -> Vec<String>,
) -> Result<Cohort, Vec<String>> {
    read_cohort_from(file, &read_bytes(file)?, rules, lang, json_errors)
}

/// A workbook by its name or its bytes (a zip or OLE file).
pub fn is_workbook(file: &str, bytes: &[u8]) -> bool {
    bytes.starts_with(encoding::ZIP_MAGIC)
        || bytes.starts_with(encoding::OLE_MAGIC)
        || has_extension(file, &[".xlsx", ".xls", ".xlsm"])
}

/// A table (CSV, or Excel's tab-separated "Unicode text") by its name.
pub fn is_table(file: &str) -> bool {
    has_extension(file, &[".csv", ".tsv", ".txt"])
}

/// [`read_cohort`] from the bytes read.
pub fn read_cohort_from(
    file: &str,
    bytes: &[u8],
    rules: &RuleSet,
    lang: Lang,
    json_errors: impl Fn(FieldErrors) -> Vec<String>,
) -> Result<Cohort, Vec<String>> {
    if is_workbook(file, bytes) {
        return read_workbook(file, bytes, rules, lang);
    }
    // (The CLI is built for wasm32 only by the browser tests' `cargo test --target`; there it
    // has no GB18030 decoder.)
    #[cfg(not(target_arch = "wasm32"))]
    let decoded = encoding::decode_native(bytes);
    #[cfg(target_arch = "wasm32")]
    let decoded = encoding::decode(bytes, |_| None);
    let decoded = decoded.map_err(|e| vec![format!("{file}: {}", e.message(lang))])?;
    if !matches!(decoded.encoding, Encoding::Utf8 | Encoding::Utf8Bom) {
        let note = lang.pick("读取编码", "read as");
        eprintln!("note: {file}: {note} {}", decoded.encoding.name(lang));
    }
    if is_table(file) {
        csv::read(&decoded.text, rules).map_err(|errors| errors.iter().map(|e| e.to_string()).collect())
    } else {
        Cohort::from_json(&decoded.text, rules).map_err(json_errors)
    }
}

#[cfg(feature = "xlsx")]
fn read_workbook(file: &str, bytes: &[u8], rules: &RuleSet, lang: Lang) -> Result<Cohort, Vec<String>> {
    use dongliang::engine::xlsx::{self, XlsxError};
    match xlsx::read(bytes, rules) {
        Ok(imported) => Ok(imported.cohort),
        Err(e @ XlsxError::File { .. }) => Err(e
            .lines(lang)
            .into_iter()
            .map(|l| format!("{file}: {l}"))
            .collect()),
        Err(e) => Err(e.lines(lang)),
    }
}

#[cfg(not(feature = "xlsx"))]
fn read_workbook(file: &str, _: &[u8], _: &RuleSet, lang: Lang) -> Result<Cohort, Vec<String>> {
    Err(vec![format!(
        "{file}: {}",
        lang.pick(
            "此版本不含 .xlsx 支持(以 --features xlsx 构建)",
            "this build reads no .xlsx workbooks (build it with --features xlsx)"
        )
    )])
}

/// A note on standard error when a file was written under rules other than those in force
/// (its mark, `"rules"`, has another hash): it is computed under the rules in force anyway.
pub fn note_other_rules(file: &str, mark: Option<&RulesMark>, rules: &RuleSet, lang: Lang) {
    let Some(mark) = mark.filter(|m| m.differs_from(&rules.content_hash())) else {
        return;
    };
    let (name, version) = (&mark.name, &mark.version);
    let note = match lang {
        Lang::Zh => format!(
            "此文件按另一套规则（名称 {name}，版本 {version}）导出；当前按“{}”规则计算，结果可能不同。",
            rules.name
        ),
        Lang::En => format!(
            "this file was exported under other rules ({name}, version {version}); it is computed here under \"{}\" version {} — results may differ",
            rules.name_en, rules.version
        ),
    };
    eprintln!("note: {file}: {note}");
}

/// The example row of the templates: the app's worked example 01.
pub fn template_example(rules: &RuleSet) -> Result<Dossier, Vec<String>> {
    Dossier::from_json(include_str!("../app/examples/01-complete-good.json"), rules)
        .map_err(|e| e.iter().map(|e| e.line(Lang::En)).collect())
}

/// Writes a workbook to standard output, unless that is a terminal: exit status 2 then, with
/// a word on redirecting it.
pub fn write_binary(bytes: &[u8], lang: Lang) -> Result<(), Vec<String>> {
    let mut stdout = std::io::stdout().lock();
    if stdout.is_terminal() {
        return Err(vec![lang
            .pick(
                "输出为 .xlsx 工作簿(二进制),请重定向到文件,例如:dongliang xlsx cohort.json > cohort.xlsx",
                "the output is an .xlsx workbook (binary): redirect it to a file, e.g. dongliang xlsx cohort.json > cohort.xlsx",
            )
            .to_string()]);
    }
    // A closed pipe is not an error worth a panic.
    let _ = stdout.write_all(bytes).and_then(|_| stdout.flush());
    Ok(())
}
