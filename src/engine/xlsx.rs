//! Cohorts as .xlsx workbooks, both ways (feature `xlsx`): [`read`] imports a cohort from the
//! first sheet that has the CSV columns' header row (title rows above it, merged or not, are
//! passed over; so is an explanatory sheet before it, as in [`template`]), converting each cell
//! to the text the CSV reader expects, so that every problem is reported by row and column as
//! it is for CSV and nothing is imported unless the whole sheet is valid. The writers
//! ([`cohort`], [`ranking`], [`comparison`], [`template`]) build workbooks with a bold,
//! frozen header row, columns wide enough for Chinese text and numbers stored as numbers.
//!
//! Reading uses calamine, writing rust_xlsxwriter; both work from and to bytes in memory, so
//! the browser and the CLI share them. A file that is too large, damaged, encrypted, a legacy
//! .xls or not a workbook at all is refused with a [`FileProblem`] before anything is read.

use std::io::Cursor;

use calamine::{DataRef, Reader, SheetType, Xlsx};
use serde::{Deserialize, Serialize};

use super::csv::{self, CsvError};
use super::dossier::Cohort;
use super::encoding::{OLE_MAGIC, ZIP_MAGIC};
use super::error::Problem;
use super::rules::RuleSet;
use super::text::Lang;

#[path = "xlsx_write.rs"]
mod write;

pub use write::{cohort, comparison, ranking, template, WriteError};

/// The largest workbook read: 20 MB (a roster of a million officials is far smaller).
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;
/// The most the parts of a workbook may unpack to, as their zip directory declares (and the
/// unpacker enforces): 200 MB. Guards against zip bombs.
pub const MAX_UNPACKED_BYTES: u64 = 200 * 1024 * 1024;
/// The most parts a workbook may have.
pub const MAX_PARTS: usize = 10_000;
/// The most rows read from a sheet: a header and a million officials (the cohort's limit).
pub const MAX_ROWS: u32 = 1_000_001;
/// The rightmost column read: 1,000 (the CSV layout has at most 539).
pub const MAX_COLUMNS: u32 = 1_000;

/// Why a file is not a workbook this program reads. Nothing is imported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FileProblem {
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge { bytes: usize, max: usize },
    /// Its parts would unpack to more than [`MAX_UNPACKED_BYTES`], or it has too many parts.
    Unpacks { bytes: u64, max: u64 },
    /// A password-protected workbook (an OLE container holding an encrypted package).
    Encrypted,
    /// A legacy Excel 97–2003 .xls workbook.
    LegacyXls,
    /// Not a zip archive at all.
    NotZip,
    /// A zip archive that is damaged, or whose workbook parts are.
    Damaged { detail: String },
    /// A zip archive but not an Excel workbook (a .docx, an .ods …).
    NotWorkbook { ods: bool },
    /// No sheet has a header row with the CSV columns.
    NoHeader,
    /// A cell beyond the rows and columns read.
    TooBig { row: u32, column: u32 },
}

impl FileProblem {
    /// The message in the chosen language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (FileProblem::TooLarge { bytes, max }, Lang::En) => format!(
                "the workbook is {} MB; at most {} MB are read",
                mb(*bytes as u64),
                mb(*max as u64)
            ),
            (FileProblem::TooLarge { bytes, max }, Lang::Zh) => format!(
                "工作簿大小为 {} MB,最多可读取 {} MB",
                mb(*bytes as u64),
                mb(*max as u64)
            ),
            (FileProblem::Unpacks { bytes, max }, Lang::En) => format!(
                "the workbook unpacks to {} MB; at most {} MB are read",
                mb(*bytes),
                mb(*max)
            ),
            (FileProblem::Unpacks { bytes, max }, Lang::Zh) => format!(
                "工作簿解压后为 {} MB,最多可读取 {} MB",
                mb(*bytes),
                mb(*max)
            ),
            (FileProblem::Encrypted, Lang::En) => {
                "this workbook is password-protected; save it without a password and import it again".into()
            }
            (FileProblem::Encrypted, Lang::Zh) => "该工作簿设有打开密码;请取消密码另存后重新导入".into(),
            (FileProblem::LegacyXls, Lang::En) => {
                "this is a legacy Excel 97–2003 workbook (.xls); save it as .xlsx and import it again".into()
            }
            (FileProblem::LegacyXls, Lang::Zh) => {
                "这是旧版 Excel 97–2003 工作簿(.xls);请另存为 .xlsx 后重新导入".into()
            }
            (FileProblem::NotZip, Lang::En) => "the file is not an .xlsx workbook".into(),
            (FileProblem::NotZip, Lang::Zh) => "文件不是 .xlsx 工作簿".into(),
            (FileProblem::Damaged { detail }, Lang::En) => {
                format!("the workbook is damaged and cannot be read ({detail})")
            }
            (FileProblem::Damaged { detail }, Lang::Zh) => format!("工作簿已损坏,无法读取({detail})"),
            (FileProblem::NotWorkbook { ods: true }, Lang::En) => {
                "this is an OpenDocument spreadsheet (.ods); save it as .xlsx and import it again".into()
            }
            (FileProblem::NotWorkbook { ods: true }, Lang::Zh) => {
                "这是 OpenDocument 表格(.ods);请另存为 .xlsx 后重新导入".into()
            }
            (FileProblem::NotWorkbook { ods: false }, Lang::En) => {
                "the file is a zip archive but not an Excel workbook".into()
            }
            (FileProblem::NotWorkbook { ods: false }, Lang::Zh) => "文件是 zip 压缩包,但不是 Excel 工作簿".into(),
            (FileProblem::NoHeader, Lang::En) => format!(
                "no sheet has a header row with the cohort's columns ({}, …); download the template to see them",
                EXAMPLE_COLUMNS.join(", ")
            ),
            (FileProblem::NoHeader, Lang::Zh) => format!(
                "没有哪个工作表含有名单的表头行({}…);请下载模板查看各列",
                EXAMPLE_COLUMNS.join("、")
            ),
            (FileProblem::TooBig { row, column }, Lang::En) => format!(
                "cell {} is beyond the {} rows and {} columns that are read",
                cell_name(*row, *column),
                MAX_ROWS,
                MAX_COLUMNS
            ),
            (FileProblem::TooBig { row, column }, Lang::Zh) => format!(
                "单元格 {} 超出了可读取的范围({} 行、{} 列)",
                cell_name(*row, *column),
                MAX_ROWS,
                MAX_COLUMNS
            ),
        }
    }
}

const EXAMPLE_COLUMNS: [&str; 3] = ["name", "post", "pledge1_area"];

fn mb(bytes: u64) -> String {
    let tenths = (bytes * 10).div_ceil(1024 * 1024);
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// Why a workbook was not imported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum XlsxError {
    /// The file itself.
    File { problem: FileProblem },
    /// Cells of the sheet read; `line` is the sheet's row number and `column` the sheet's
    /// column number (1 = A), both from 1.
    Cells { sheet: String, errors: Vec<CsvError> },
}

impl XlsxError {
    fn file(problem: FileProblem) -> XlsxError {
        XlsxError::File { problem }
    }

    /// One line per problem: `sheet "名单", row 5, column C (name): …`.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        match self {
            XlsxError::File { problem } => vec![problem.message(lang)],
            XlsxError::Cells { sheet, errors } => errors.iter().map(|e| cell_error(sheet, e, lang)).collect(),
        }
    }
}

impl std::fmt::Display for XlsxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.lines(Lang::En).join("\n"))
    }
}

impl std::error::Error for XlsxError {}

/// A problem in a cell, row or header, worded for a workbook.
pub fn cell_error(sheet: &str, e: &CsvError, lang: Lang) -> String {
    let message = e.problem.message(lang);
    let column = e.column.map(|c| column_name(c as u32 - 1));
    match (lang, column, &e.header) {
        (Lang::En, Some(c), Some(h)) => {
            format!("sheet \"{sheet}\", row {}, column {c} ({h}): {message}", e.line)
        }
        (Lang::En, Some(c), None) => format!("sheet \"{sheet}\", row {}, column {c}: {message}", e.line),
        (Lang::En, None, _) => format!("sheet \"{sheet}\", row {}: {message}", e.line),
        (Lang::Zh, Some(c), Some(h)) => format!("工作表“{sheet}”第 {} 行 {c} 列({h}):{message}", e.line),
        (Lang::Zh, Some(c), None) => format!("工作表“{sheet}”第 {} 行 {c} 列:{message}", e.line),
        (Lang::Zh, None, _) => format!("工作表“{sheet}”第 {} 行:{message}", e.line),
    }
}

/// The letters of a 0-based column: 0 → A, 27 → AB.
pub fn column_name(column: u32) -> String {
    let mut n = column + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// A cell's name from its 0-based row and column: (4, 2) → C5.
pub fn cell_name(row: u32, column: u32) -> String {
    format!("{}{}", column_name(column), u64::from(row) + 1)
}

/// A cohort read from a workbook, and the sheet it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub cohort: Cohort,
    pub sheet: String,
}

/// True when the bytes look like an .xlsx workbook (or another zip archive) or an OLE file
/// (a legacy .xls or an encrypted workbook): what to read as a workbook rather than as text.
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(ZIP_MAGIC) || bytes.starts_with(OLE_MAGIC)
}

/// Reads a cohort from an .xlsx workbook's bytes.
pub fn read(bytes: &[u8], rules: &RuleSet) -> Result<Imported, XlsxError> {
    let sheet = read_sheet(bytes)?;
    let cohort = records_to_cohort(&sheet, rules).map_err(|errors| XlsxError::Cells {
        sheet: sheet.name.clone(),
        errors,
    })?;
    Ok(Imported {
        cohort,
        sheet: sheet.name,
    })
}

/// The rows of the sheet read, as text, from its header row on.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: String,
    /// 0-based column of the header's first cell.
    pub first_column: u32,
    /// 1-based row numbers and the cells from `first_column` to the header's last cell. The
    /// header is the first record; empty rows are left out.
    pub records: Vec<(usize, Vec<String>)>,
}

/// Checks the file and finds the first sheet with a header row; returns its rows as text.
pub fn read_sheet(bytes: &[u8]) -> Result<Sheet, XlsxError> {
    check_file(bytes)?;
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| XlsxError::file(problem_of(e)))?;
    let sheets: Vec<String> = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect();
    for name in sheets {
        let cells = sheet_cells(&mut book, &name)?;
        if let Some(sheet) = from_header(&name, cells)? {
            let merged = book
                .merge_cells_by_sheet_name(&name)
                .map_err(|e| XlsxError::file(problem_of(e)))?;
            check_merged(&sheet, &merged)?;
            return Ok(sheet);
        }
    }
    Err(XlsxError::file(FileProblem::NoHeader))
}

/// The checks made before calamine reads anything: size, signature, the zip directory.
fn check_file(bytes: &[u8]) -> Result<(), XlsxError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(XlsxError::file(FileProblem::TooLarge {
            bytes: bytes.len(),
            max: MAX_FILE_BYTES,
        }));
    }
    if bytes.starts_with(OLE_MAGIC) {
        // An encrypted OOXML package sits in an OLE container beside its "EncryptionInfo";
        // the directory names are UTF-16.
        let name: Vec<u8> = "EncryptedPackage"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let encrypted = bytes.windows(name.len()).any(|w| w == name);
        return Err(XlsxError::file(if encrypted {
            FileProblem::Encrypted
        } else {
            FileProblem::LegacyXls
        }));
    }
    if !bytes.starts_with(ZIP_MAGIC) {
        return Err(XlsxError::file(FileProblem::NotZip));
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        XlsxError::file(FileProblem::Damaged {
            detail: e.to_string(),
        })
    })?;
    let parts = zip.len();
    let mut unpacked: u64 = 0;
    let (mut workbook, mut ods) = (false, false);
    for i in 0..parts.min(MAX_PARTS + 1) {
        let part = zip.by_index_raw(i).map_err(|e| {
            XlsxError::file(FileProblem::Damaged {
                detail: e.to_string(),
            })
        })?;
        unpacked = unpacked.saturating_add(part.size());
        let name = part.name_raw();
        workbook |= name.starts_with(b"xl/");
        ods |= name == b"content.xml";
    }
    if parts > MAX_PARTS || unpacked > MAX_UNPACKED_BYTES {
        return Err(XlsxError::file(FileProblem::Unpacks {
            bytes: unpacked,
            max: MAX_UNPACKED_BYTES,
        }));
    }
    if !workbook {
        return Err(XlsxError::file(FileProblem::NotWorkbook { ods }));
    }
    Ok(())
}

fn problem_of(e: calamine::XlsxError) -> FileProblem {
    match e {
        calamine::XlsxError::Password => FileProblem::Encrypted,
        e => FileProblem::Damaged {
            detail: e.to_string(),
        },
    }
}

/// What a cell holds, as text for the CSV reader.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Text(String),
    /// A date (or date and time): its text, `YYYY-MM-DD`; in the `year` column its year.
    Date(String),
    /// A formula whose result was never computed (a file written by a program other than a
    /// spreadsheet): reading it as empty would silently lose the value.
    Uncomputed,
}

/// One cell that holds something: 0-based row and column, and its value.
type Cell = (u32, u32, Value);

/// The cells of a sheet that hold something, in the sheet's order.
fn sheet_cells<RS: std::io::Read + std::io::Seek>(
    book: &mut Xlsx<RS>,
    name: &str,
) -> Result<Vec<Cell>, XlsxError> {
    let mut reader = book
        .worksheet_cells_reader(name)
        .map_err(|e| XlsxError::file(problem_of(e)))?;
    let mut cells = Vec::new();
    while let Some(cell) = reader
        .next_cell_with_formula_metadata()
        .map_err(|e| XlsxError::file(problem_of(e)))?
    {
        let (row, column) = cell.pos;
        let value = match (&cell.value, cell.formula.is_some()) {
            (DataRef::Empty, true) => Value::Uncomputed,
            (value, _) => match value_of(value) {
                Value::Text(text) if text.is_empty() => continue,
                value => value,
            },
        };
        if row >= MAX_ROWS || column >= MAX_COLUMNS {
            return Err(XlsxError::file(FileProblem::TooBig { row, column }));
        }
        cells.push((row, column, value));
    }
    Ok(cells)
}

/// A cell's value as the CSV reader expects its text.
fn value_of(value: &DataRef<'_>) -> Value {
    let text = match value {
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(x) => number(*x),
        // Text as it is: a `'` at its start guards it as in CSV (the writer keeps the guards
        // that carry something: text that is empty, begins with `'` or white space, or ends
        // with white space).
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => s.to_string(),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        DataRef::DateTime(d) => {
            let (y, m, day, h, min, s, _) = d.to_ymd_hms_milli();
            let serial = d.as_f64();
            if d.is_duration() || (serial.fract() == 0.0 && (1900.0..=2200.0).contains(&serial)) {
                // A year typed as a number in a cell formatted as a date (2023 is 1905-07-15
                // as a date): the number is what was meant.
                number(serial)
            } else if (h, min, s) == (0, 0, 0) {
                return Value::Date(format!("{y:04}-{m:02}-{day:02}"));
            } else {
                return Value::Date(format!("{y:04}-{m:02}-{day:02} {h:02}:{min:02}:{s:02}"));
            }
        }
        DataRef::DateTimeIso(s) => return Value::Date(s.clone()),
        DataRef::DurationIso(s) => s.clone(),
        DataRef::Error(e) => e.to_string(),
        DataRef::Empty => String::new(),
    };
    Value::Text(text)
}

/// A number as the CSV reader reads it: whole numbers without “.0”, others in their shortest
/// form that reads back to the same value.
fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        x.to_string()
    }
}

/// The columns the CSV reader knows: the fixed ones and any pledge group's.
struct Columns {
    fixed: Vec<String>,
    pledge: Vec<String>,
}

impl Columns {
    fn new() -> Columns {
        let fixed = csv::fixed_columns();
        let pledge = csv::header(1)[fixed.len()..]
            .iter()
            .filter_map(|c| c.strip_prefix("pledge1_").map(String::from))
            .collect();
        Columns { fixed, pledge }
    }

    fn knows(&self, name: &str) -> bool {
        self.fixed.iter().any(|c| c == name)
            || name
                .strip_prefix("pledge")
                .and_then(|rest| rest.split_once('_'))
                .is_some_and(|(n, field)| {
                    n.parse::<usize>().is_ok_and(|n| n >= 1) && self.pledge.iter().any(|f| f == field)
                })
    }
}

/// The sheet from its header row on, or `None` when it has no header row: the first row most
/// of whose cells are distinct column names of the cohort (title rows have none, the rows of
/// an explanatory sheet one among other text).
fn from_header(name: &str, cells: Vec<Cell>) -> Result<Option<Sheet>, XlsxError> {
    let mut rows: Vec<(u32, Vec<(u32, Value)>)> = Vec::new();
    for (row, column, value) in cells {
        match rows.last_mut() {
            Some((r, cells)) if *r == row => cells.push((column, value)),
            _ => rows.push((row, vec![(column, value)])),
        }
    }
    // Rows come in order in every file seen; sort in case a writer does otherwise.
    rows.sort_by_key(|(r, _)| *r);
    let columns = Columns::new();
    // Distinct names: an explanatory table's row (“name | 姓名 | name”) names one column.
    let is_header = |cells: &[(u32, Value)]| {
        let mut known: Vec<&str> = cells
            .iter()
            .filter_map(|(_, v)| match v {
                Value::Text(t) if columns.knows(t.trim()) => Some(t.trim()),
                _ => None,
            })
            .collect();
        known.sort_unstable();
        known.dedup();
        (known.len() >= 2 || cells.len() == 1) && !known.is_empty() && known.len() * 2 > cells.len()
    };
    let Some(start) = rows.iter().position(|(_, cells)| is_header(cells)) else {
        return Ok(None);
    };
    let (first, last) = rows[start]
        .1
        .iter()
        .fold((u32::MAX, 0), |(lo, hi), (c, _)| (lo.min(*c), hi.max(*c)));
    let width = (last - first + 1) as usize;
    let mut records: Vec<(usize, Vec<String>)> = Vec::new();
    let mut errors = Vec::new();
    for (row, cells) in &rows[start..] {
        let line = *row as usize + 1;
        let mut record = vec![String::new(); width];
        for (column, value) in cells {
            let at = Some(*column as usize + 1);
            if *column < first || *column > last {
                errors.push(CsvError {
                    line,
                    column: at,
                    header: None,
                    problem: Problem::invalid(
                        "a value outside the header's columns",
                        "该值不在表头所列的列中",
                    ),
                });
                continue;
            }
            let i = (*column - first) as usize;
            let title = records.first().map(|(_, header)| header[i].as_str());
            record[i] = match value {
                Value::Text(text) if records.is_empty() => text.trim().to_string(),
                Value::Text(text) => text.clone(),
                Value::Date(date) if title == Some("year") => date.get(..4).unwrap_or(date).to_string(),
                Value::Date(date) => date.clone(),
                Value::Uncomputed => {
                    errors.push(CsvError {
                        line,
                        column: at,
                        header: title.filter(|h| !h.is_empty()).map(String::from),
                        problem: Problem::invalid(
                            "a formula without a computed value: open the workbook in Excel or WPS and save it",
                            "公式没有计算结果:请在 Excel 或 WPS 中打开并保存该工作簿",
                        ),
                    });
                    String::new()
                }
            };
        }
        records.push((line, record));
    }
    if !errors.is_empty() {
        return Err(XlsxError::Cells {
            sheet: name.to_string(),
            errors,
        });
    }
    Ok(Some(Sheet {
        name: name.to_string(),
        first_column: first,
        records,
    }))
}

/// Merged cells from the header row down would leave every cell but the first one empty
/// ("not known") for the officials they span: refused, naming the range.
fn check_merged(sheet: &Sheet, merged: &[calamine::Dimensions]) -> Result<(), XlsxError> {
    let header_row = sheet.records.first().map_or(0, |(line, _)| *line as u32 - 1);
    let errors: Vec<CsvError> = merged
        .iter()
        .filter(|d| d.end.0 >= header_row && d.start != d.end)
        .map(|d| CsvError {
            line: d.start.0 as usize + 1,
            column: Some(d.start.1 as usize + 1),
            header: None,
            problem: Problem::invalid(
                format!(
                    "cells {}:{} are merged: unmerge them so that each official's row has its own values",
                    cell_name(d.start.0, d.start.1),
                    cell_name(d.end.0, d.end.1)
                ),
                format!(
                    "单元格 {}:{} 已合并:请取消合并,使每位干部的行各有其值",
                    cell_name(d.start.0, d.start.1),
                    cell_name(d.end.0, d.end.1)
                ),
            ),
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(XlsxError::Cells {
            sheet: sheet.name.clone(),
            errors,
        })
    }
}

/// Reads the records with the CSV reader; lines are the sheet's rows, columns the sheet's.
fn records_to_cohort(sheet: &Sheet, rules: &RuleSet) -> Result<Cohort, Vec<CsvError>> {
    csv::read_records(sheet.records.clone(), rules).map_err(|errors| {
        errors
            .into_iter()
            .map(|mut e| {
                e.column = e.column.map(|c| c + sheet.first_column as usize);
                e
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_and_cell_names() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(16_383), "XFD");
        assert_eq!(cell_name(4, 2), "C5");
    }

    #[test]
    fn numbers_read_as_the_csv_reader_expects() {
        assert_eq!(number(92.0), "92");
        assert_eq!(number(92.5), "92.5");
        assert_eq!(number(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(number(-0.0), "0");
    }

    #[test]
    fn known_columns() {
        let columns = Columns::new();
        assert!(columns.knows("name"));
        assert!(columns.knows("pledge12_q4"));
        assert!(!columns.knows("pledge0_q4"));
        assert!(!columns.knows("pledge1_name"));
        assert!(!columns.knows("姓名"));
    }
}
