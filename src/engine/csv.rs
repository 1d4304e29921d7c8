//! Cohorts as CSV for spreadsheets: one row per official, pledges as repeated column groups
//! (`pledge1_area` … `pledge1_q4`, `pledge2_…`), lists as `P1;P8*2`. Export writes UTF-8 with a
//! byte-order mark so spreadsheet programs read the Chinese text; import reports every problem
//! by line and column and returns nothing unless the whole file is valid.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use super::cohort::Ranked;
use super::dossier::{
    Assumptions, Cohort, Dossier, Factors, NegativeRecord, Pledge, PositiveClaim, VoteCounts,
};
use super::error::Problem;
use super::fast;
use super::ids::{Area, Grade, PoliticalQuality, RaterGroup, Tier, UnitKind, VoteCategory};
use super::rules::RuleSet;

/// The byte-order mark written before the header.
pub const BOM: char = '\u{feff}';

const PLEDGE_FIELDS: [&str; 10] = [
    "area",
    "title",
    "grade",
    "difficulty",
    "innovation",
    "contribution",
    "q1",
    "q2",
    "q3",
    "q4",
];

/// One problem in a CSV file. `line` counts from 1 (the header is line 1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CsvError {
    pub line: usize,
    /// 1-based column, when the problem is in one cell.
    pub column: Option<usize>,
    /// The column's header name.
    pub header: Option<String>,
    #[serde(flatten)]
    pub problem: Problem,
}

impl std::fmt::Display for CsvError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.column, &self.header) {
            (Some(c), Some(h)) => write!(f, "line {}, column {c} ({h}): {}", self.line, self.problem),
            _ => write!(f, "line {}: {}", self.line, self.problem),
        }
    }
}

/// The fixed columns, before the pledge groups.
pub fn fixed_columns() -> Vec<String> {
    let mut columns: Vec<String> = [
        "name",
        "post",
        "unit_kind",
        "year",
        "unit_score",
        "political_quality",
    ]
    .map(String::from)
    .to_vec();
    for group in RaterGroup::ALL {
        for category in VoteCategory::ALL {
            columns.push(format!("{}_{}", group.id(), category.id()));
        }
    }
    for name in [
        "positive",
        "negative",
        "negative_tolerated",
        "history",
        "assume_quarter_score",
        "assume_unit_score",
        "assume_multi_score",
    ] {
        columns.push(name.into());
    }
    columns
}

/// The header with `pledges` pledge groups.
pub fn header(pledges: usize) -> Vec<String> {
    let mut columns = fixed_columns();
    for i in 1..=pledges {
        columns.extend(PLEDGE_FIELDS.iter().map(|f| format!("pledge{i}_{f}")));
    }
    columns
}

/// An empty template with three pledge groups and one example row, for download.
pub fn template(example: &Dossier) -> String {
    write(std::slice::from_ref(example))
}

const FORMULA_STARTS: [char; 4] = ['=', '+', '-', '@'];

fn quote(cell: &str, out: &mut String) {
    if cell.contains([',', '"', '\n', '\r']) || cell.starts_with(char::is_whitespace) {
        out.push('"');
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(cell);
    }
}

/// Free text as a cell. A `'` goes before text that a spreadsheet would take for a formula
/// (a leading `=`, `+`, `-` or `@`), before text that starts with `'` itself, and before text
/// that is empty or starts or ends with white space, which a cell would otherwise lose: reading
/// takes everything after that `'` as it is.
fn text_cell(text: Option<&str>) -> String {
    match text {
        Some(t)
            if t.is_empty()
                || t.starts_with(FORMULA_STARTS)
                || t.starts_with('\'')
                || t.starts_with(char::is_whitespace)
                || t.ends_with(char::is_whitespace) =>
        {
            format!("'{t}")
        }
        Some(t) => t.to_string(),
        None => String::new(),
    }
}

/// A number in its shortest form that reads back to the same value.
fn num(x: Option<f64>) -> String {
    x.map(|x| x.to_string()).unwrap_or_default()
}

/// How many pledge groups the header of these officials has: the most pledges any has (3 for
/// none, at least 1).
pub fn pledge_groups(officials: &[Dossier]) -> usize {
    officials
        .iter()
        .map(|d| d.pledges.len())
        .max()
        .unwrap_or(3)
        .max(1)
}

/// One official's cells under [`header`]`(groups)`, exactly as [`write`] writes them (free text
/// already guarded against formulas). Another table format (a spreadsheet) writes these cells
/// and reads them back with [`read_records`].
pub fn row(d: &Dossier, groups: usize) -> Vec<String> {
    let mut row: Vec<String> = vec![
        text_cell(d.name.as_deref()),
        text_cell(d.post.as_deref()),
        d.unit_kind.map(|k| k.id().to_string()).unwrap_or_default(),
        d.year.map(|y| y.to_string()).unwrap_or_default(),
        num(d.unit_score),
        d.political_quality.id().to_string(),
    ];
    for group in RaterGroup::ALL {
        for category in VoteCategory::ALL {
            row.push(
                d.votes
                    .get(*group)
                    .map(|v| v.get(*category).to_string())
                    .unwrap_or_default(),
            );
        }
    }
    let list = |items: &mut dyn Iterator<Item = (&str, u32)>| {
        items
            .map(|(id, n)| {
                if n == 1 {
                    id.to_string()
                } else {
                    format!("{id}*{n}")
                }
            })
            .collect::<Vec<_>>()
            .join(";")
    };
    row.push(list(&mut d.positive.iter().map(|c| (c.item.as_str(), c.count))));
    row.push(list(&mut d.negative.iter().map(|r| (r.item.as_str(), r.count))));
    let tolerated: Vec<&str> = d
        .negative
        .iter()
        .filter(|r| r.tolerated)
        .map(|r| r.item.as_str())
        .collect();
    row.push(tolerated.join(";"));
    row.push(d.history.iter().map(|t| t.id()).collect::<Vec<_>>().join(";"));
    let a = &d.assumptions;
    row.extend([num(a.quarter_score), num(a.unit_score), num(a.multi_score)]);
    for i in 0..groups {
        match d.pledges.get(i) {
            None => row.extend(std::iter::repeat_n(String::new(), PLEDGE_FIELDS.len())),
            Some(p) => {
                row.push(p.area.id().into());
                row.push(text_cell(p.title.as_deref()));
                row.push(p.grade.map(|g| g.id().to_string()).unwrap_or_default());
                let f = p.factors;
                row.push(f.map(|f| f.difficulty.to_string()).unwrap_or_default());
                row.push(f.map(|f| f.innovation.to_string()).unwrap_or_default());
                row.push(f.map(|f| f.contribution.to_string()).unwrap_or_default());
                row.extend(p.quarters.iter().map(|q| num(*q)));
            }
        }
    }
    row
}

/// Appends one record: cells quoted where needed, joined by commas, and CRLF.
fn push_record<S: AsRef<str>>(out: &mut String, cells: &[S]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        quote(cell.as_ref(), out);
    }
    out.push_str("\r\n");
}

/// Writes officials as CSV (with BOM and CRLF line ends).
pub fn write(officials: &[Dossier]) -> String {
    let groups = pledge_groups(officials);
    let mut out = String::new();
    out.push(BOM);
    push_record(&mut out, &header(groups));
    for d in officials {
        push_record(&mut out, &row(d, groups));
    }
    out
}

/// [`write`] straight to a writer, a record at a time.
pub fn write_to(out: &mut impl std::io::Write, officials: &[Dossier]) -> std::io::Result<()> {
    let groups = pledge_groups(officials);
    let mut line = String::from(BOM);
    push_record(&mut line, &header(groups));
    for d in officials {
        out.write_all(line.as_bytes())?;
        line.clear();
        push_record(&mut line, &row(d, groups));
    }
    out.write_all(line.as_bytes())
}

/// The columns of a ranking as CSV: the fields of `dongliang rank`'s JSON, in its order.
pub const RANKING_COLUMNS: [&str; 11] = [
    "index",
    "name",
    "post",
    "total",
    "tier",
    "rank",
    "honour",
    "vetoed",
    "projected",
    "quota_demoted",
    "consequences",
];

/// A ranking as CSV (BOM, CRLF): one row per official in rank order, consequences as
/// `commendation;promotion_priority`.
pub fn write_ranking(out: &mut impl std::io::Write, ranking: &[Ranked]) -> std::io::Result<()> {
    write_ranking_header(out)?;
    write_ranking_rows(out, ranking)
}

/// The start of [`write_ranking`]: the byte-order mark and the header.
pub fn write_ranking_header(out: &mut impl std::io::Write) -> std::io::Result<()> {
    let mut line = String::from(BOM);
    push_record(&mut line, &RANKING_COLUMNS);
    out.write_all(line.as_bytes())
}

/// The rows of [`write_ranking`] for these officials, without the header: a ranking written a
/// block of officials at a time is the header and each block's rows in turn.
pub fn write_ranking_rows(out: &mut impl std::io::Write, ranking: &[Ranked]) -> std::io::Result<()> {
    let mut line = String::new();
    for r in ranking {
        line.clear();
        let consequences: Vec<&str> = r.consequences.iter().map(|c| c.id()).collect();
        let cells = [
            r.index.to_string(),
            text_cell(Some(&r.name)),
            text_cell(r.post.as_deref()),
            r.total.to_string(),
            r.tier.id().to_string(),
            r.rank.to_string(),
            r.honour.to_string(),
            r.vetoed.to_string(),
            r.projected.to_string(),
            r.quota_demoted.to_string(),
            consequences.join(";"),
        ];
        push_record(&mut line, &cells);
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

/// The delimiter of a CSV file, told from its header line (outside quotes): a comma, a tab
/// (a spreadsheet's "Unicode text" export) or a semicolon (a spreadsheet's CSV where the comma
/// is the decimal separator), whichever the header has most of; a comma when it has none.
pub fn delimiter(text: &str) -> char {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            '\t' if !quoted => counts[1] += 1,
            ';' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).rev().max_by_key(|i| counts[*i]).unwrap_or(0);
    if counts[best] == 0 {
        ','
    } else {
        [',', '\t', ';'][best]
    }
}

/// Splits CSV text into records of cells, with the line each record starts on (RFC 4180:
/// quoted cells may hold the delimiter, doubled quotes and line breaks). The delimiter is told
/// from the header line ([`delimiter`]).
pub fn records(text: &str) -> Result<Vec<(usize, Vec<String>)>, CsvError> {
    records_with(text, delimiter(text))
}

/// [`records`] with a given delimiter (an ASCII character: a comma, a tab, a semicolon).
pub fn records_with(text: &str, delimiter: char) -> Result<Vec<(usize, Vec<String>)>, CsvError> {
    let mut split = Split::new(text, delimiter);
    let records = split
        .by_ref()
        .map(|(line, cells)| (line, cells.into_iter().map(Cow::into_owned).collect()))
        .collect();
    split.error.map_or(Ok(records), Err)
}

/// A cell as it is split: a slice of the text as long as it is one (no doubled quote, nothing
/// after a closing quote), else a string of its own.
struct Cell<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    owned: Option<String>,
}

impl<'a> Cell<'a> {
    fn new(text: &'a str) -> Cell<'a> {
        Cell {
            text,
            start: 0,
            end: 0,
            owned: None,
        }
    }

    fn is_empty(&self) -> bool {
        self.owned
            .as_ref()
            .map_or(self.start == self.end, String::is_empty)
    }

    /// Appends `text[start..end]`.
    fn push(&mut self, start: usize, end: usize) {
        match &mut self.owned {
            Some(owned) => owned.push_str(&self.text[start..end]),
            None if self.start == self.end => (self.start, self.end) = (start, end),
            None if self.end == start => self.end = end,
            None => {
                let mut owned = String::from(&self.text[self.start..self.end]);
                owned.push_str(&self.text[start..end]);
                self.owned = Some(owned);
            }
        }
    }

    /// The cell so far; the next one starts empty.
    fn take(&mut self) -> Cow<'a, str> {
        let cell = match self.owned.take() {
            Some(owned) => Cow::Owned(owned),
            None => Cow::Borrowed(&self.text[self.start..self.end]),
        };
        self.end = self.start;
        cell
    }
}

/// CSV text split into records of cells, one record at a time, the cells borrowed from the
/// text where they can be ([`records_with`] makes them strings). After the last record,
/// `error` holds what ended the text wrongly (a quoted cell not closed), if anything.
struct Split<'a> {
    text: &'a str,
    delimiter: Option<u8>,
    /// Where splitting goes on.
    at: usize,
    /// The line `at` is on.
    line: usize,
    error: Option<CsvError>,
}

impl<'a> Split<'a> {
    fn new(text: &'a str, delimiter: char) -> Split<'a> {
        // A delimiter outside ASCII never splits (every byte of UTF-8 text below 0x80 is a
        // character).
        Split {
            text: text.strip_prefix(BOM).unwrap_or(text),
            delimiter: u8::try_from(delimiter).ok().filter(u8::is_ascii),
            at: 0,
            line: 1,
            error: None,
        }
    }
}

impl<'a> Iterator for Split<'a> {
    type Item = (usize, Vec<Cow<'a, str>>);

    /// The next record with the line it starts on (RFC 4180: quoted cells may hold the
    /// delimiter, doubled quotes and line breaks; a record of one empty cell is a blank line,
    /// skipped).
    fn next(&mut self) -> Option<Self::Item> {
        let (text, bytes) = (self.text, self.text.as_bytes());
        let special = |b: u8| Some(b) == self.delimiter || b == b'"' || b == b'\n' || b == b'\r';
        let (mut cell, mut row) = (Cell::new(text), Vec::new());
        let (mut start, mut quoted, mut was_quoted) = (self.line, false, false);
        let mut i = self.at;
        // Every index below is at an ASCII byte or at the end, so every slice is whole
        // characters.
        while i < bytes.len() {
            let b = bytes[i];
            if quoted {
                if b == b'"' {
                    if bytes.get(i + 1) == Some(&b'"') {
                        cell.push(i, i + 1);
                        i += 2;
                    } else {
                        quoted = false;
                        i += 1;
                    }
                    continue;
                }
                let end = bytes[i..]
                    .iter()
                    .position(|&b| b == b'"')
                    .map_or(bytes.len(), |j| i + j);
                self.line += bytes[i..end].iter().filter(|&&b| b == b'\n').count();
                cell.push(i, end);
                i = end;
                continue;
            }
            match b {
                b'"' if cell.is_empty() && !was_quoted => (quoted, was_quoted) = (true, true),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {}
                b'\n' | b'\r' => {
                    row.push(cell.take());
                    was_quoted = false;
                    self.line += 1;
                    if !(row.len() == 1 && row[0].is_empty()) {
                        self.at = i + 1;
                        return Some((start, row));
                    }
                    row.clear();
                    start = self.line;
                }
                _ if Some(b) == self.delimiter => {
                    row.push(cell.take());
                    was_quoted = false;
                }
                _ => {
                    let end = bytes[i + 1..]
                        .iter()
                        .position(|&b| special(b))
                        .map_or(bytes.len(), |j| i + 1 + j);
                    cell.push(i, end);
                    i = end;
                    continue;
                }
            }
            i += 1;
        }
        self.at = bytes.len();
        if quoted {
            self.error = Some(CsvError {
                line: start,
                column: Some(row.len() + 1),
                header: None,
                problem: Problem::invalid("a quoted cell is not closed", "引号内的单元格未闭合"),
            });
            return None;
        }
        if !cell.is_empty() || !row.is_empty() {
            row.push(cell.take());
            return Some((start, row));
        }
        None
    }
}

/// Reads a cohort from CSV; every problem is reported by line and column.
pub fn read(text: &str, rules: &RuleSet) -> Result<Cohort, Vec<CsvError>> {
    read_with(text, rules, |d| d).map(|officials| Cohort {
        rules: None,
        officials,
    })
}

/// [`read`], each official handed to `each` as soon as its row is read (as
/// `fast::cohort_with` does for JSON), what `each` makes of it kept in order; the same errors.
pub fn read_with<T>(
    text: &str,
    rules: &RuleSet,
    each: impl FnMut(Dossier) -> T,
) -> Result<Vec<T>, Vec<CsvError>> {
    read_split(text, rules, true, each)
}

/// Reads a cohort from a table already split into records: the header first, then one record
/// per official. Each record is `(line, cells)`: `line` is what errors report as the line (a
/// spreadsheet's row number), and a cell's column is its 1-based position in the record. Cells
/// are text exactly as [`row`] writes them (numbers as text, lists as `P1;P8*2`, free text
/// after a guarding `'` where [`row`] put one). Every problem is reported with its line and
/// column, and nothing is returned unless every record is valid — the same checks and the same
/// messages as [`read`], which splits CSV text and reads its records the same way.
pub fn read_records(records: Vec<(usize, Vec<String>)>, rules: &RuleSet) -> Result<Cohort, Vec<CsvError>> {
    read_rows(records.into_iter(), rules, true, |d| d).map(|officials| Cohort {
        rules: None,
        officials,
    })
}

/// [`read`] without the fast path: every row is checked through the JSON value walk. For the
/// tests that compare the two; the results are the same.
#[doc(hidden)]
pub fn read_walked(text: &str, rules: &RuleSet) -> Result<Cohort, Vec<CsvError>> {
    read_split(text, rules, false, |d| d).map(|officials| Cohort {
        rules: None,
        officials,
    })
}

/// [`read`]: the records read as they are split, their cells borrowed from the text where they
/// can be, each record let go once read. A quoted cell left open at the end is the only error
/// then, as when the whole text was split first.
fn read_split<T>(
    text: &str,
    rules: &RuleSet,
    fast: bool,
    each: impl FnMut(Dossier) -> T,
) -> Result<Vec<T>, Vec<CsvError>> {
    let mut split = Split::new(text, delimiter(text));
    let read = read_rows(split.by_ref(), rules, fast, each);
    split.by_ref().for_each(drop);
    match split.error {
        Some(e) => Err(vec![e]),
        None => read,
    }
}

fn read_rows<S: AsRef<str>, T>(
    mut records: impl Iterator<Item = (usize, Vec<S>)>,
    rules: &RuleSet,
    fast: bool,
    mut each: impl FnMut(Dossier) -> T,
) -> Result<Vec<T>, Vec<CsvError>> {
    let Some((header_line, header)) = records.next() else {
        return Err(vec![missing_header()]);
    };
    let columns = Columns::new(header_line, &header)?;
    let mut officials = Vec::with_capacity(records.size_hint().0);
    let mut errors = Vec::new();
    for (line, cells) in records {
        columns.read(
            line,
            &cells,
            rules,
            fast,
            &mut |d| officials.push(each(d)),
            &mut errors,
        );
    }
    if errors.is_empty() {
        Ok(officials)
    } else {
        Err(errors)
    }
}

fn missing_header() -> CsvError {
    CsvError {
        line: 1,
        column: None,
        header: None,
        problem: Problem::Missing,
    }
}

/// A file's header, checked, and where each column is.
struct Columns {
    header: Vec<String>,
    layout: Layout,
}

impl Columns {
    /// The header's problems (unknown or repeated columns), if any.
    fn new<S: AsRef<str>>(header_line: usize, header: &[S]) -> Result<Columns, Vec<CsvError>> {
        let header: Vec<String> = header.iter().map(|h| h.as_ref().to_string()).collect();
        let mut errors = Vec::new();
        for (i, name) in header.iter().enumerate() {
            let problem = if !known_column(name) {
                Problem::UnknownField
            } else if header[..i].contains(name) {
                Problem::DuplicateId { id: name.clone() }
            } else {
                continue;
            };
            errors.push(CsvError {
                line: header_line,
                column: Some(i + 1),
                header: Some(name.clone()),
                problem,
            });
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let layout = Layout::new(&header);
        Ok(Columns { header, layout })
    }

    /// One record: its official handed to `push`, or its problems added to `errors`.
    fn read<S: AsRef<str>>(
        &self,
        line: usize,
        cells: &[S],
        rules: &RuleSet,
        fast: bool,
        push: &mut dyn FnMut(Dossier),
        errors: &mut Vec<CsvError>,
    ) {
        let header = &self.header;
        if cells.len() != header.len() {
            let problem = Problem::Count {
                count: cells.len(),
                min: header.len(),
                max: header.len(),
            };
            errors.push(CsvError {
                line,
                column: None,
                header: None,
                problem,
            });
            return;
        }
        let row = Row {
            line,
            header,
            layout: &self.layout,
            cells,
        };
        if let Some(d) = (fast && fast::IN_USE).then(|| row.fast(rules)).flatten() {
            return push(d);
        }
        match row.dossier(rules) {
            Ok(d) => push(d),
            Err(mut row_errors) => errors.append(&mut row_errors),
        }
    }
}

/// A cohort read from CSV a slice at a time, for a reader that must not keep the page busy for
/// long (the workshop's import): each [`Slices::step`] reads the records that start within so
/// many bytes. The same officials, and the same errors, as [`read`].
pub struct Slices {
    /// The text (splitting leaves out its byte-order mark).
    text: String,
    delimiter: char,
    /// Where splitting goes on, and the line that is.
    at: usize,
    line: usize,
    /// The header once read: its columns, or its problems (the rest is then only split, for a
    /// quoted cell left open, which [`read`] reports instead).
    columns: Option<Result<Columns, Vec<CsvError>>>,
    officials: Vec<Dossier>,
    errors: Vec<CsvError>,
}

impl Slices {
    pub fn new(text: String) -> Slices {
        let delimiter = delimiter(&text);
        Slices {
            text,
            delimiter,
            at: 0,
            line: 1,
            columns: None,
            officials: Vec::new(),
            errors: Vec::new(),
        }
    }

    /// How far the reading is: bytes read and bytes in all.
    pub fn progress(&self) -> (usize, usize) {
        (self.at, self.text.len())
    }

    /// Reads the records that start within `bytes` bytes from where the last step stopped (at
    /// least one); `Some` with the cohort, or every problem by line and column, once all is read.
    pub fn step(&mut self, rules: &RuleSet, bytes: usize) -> Option<Result<Vec<Dossier>, Vec<CsvError>>> {
        let mut split = Split::new(&self.text, self.delimiter);
        (split.at, split.line) = (self.at, self.line);
        let stop = self.at.saturating_add(bytes.max(1));
        let officials = &mut self.officials;
        while split.at < stop {
            let Some((line, cells)) = split.next() else {
                if let Some(e) = split.error {
                    return Some(Err(vec![e]));
                }
                return Some(match self.columns.take() {
                    None => Err(vec![missing_header()]),
                    Some(Err(errors)) => Err(errors),
                    Some(Ok(_)) if self.errors.is_empty() => Ok(std::mem::take(officials)),
                    Some(Ok(_)) => Err(std::mem::take(&mut self.errors)),
                });
            };
            match &self.columns {
                None => self.columns = Some(Columns::new(line, &cells)),
                Some(Err(_)) => {}
                Some(Ok(columns)) => columns.read(
                    line,
                    &cells,
                    rules,
                    true,
                    &mut |d| officials.push(d),
                    &mut self.errors,
                ),
            }
        }
        (self.at, self.line) = (split.at, split.line);
        None
    }
}

/// The group number and field of a `pledgeN_field` column (N written plainly, 1–50).
fn pledge_column(name: &str) -> Option<(usize, usize)> {
    let (n, field) = name.strip_prefix("pledge")?.split_once('_')?;
    let g = n
        .parse::<usize>()
        .ok()
        .filter(|g| (1..=50).contains(g) && g.to_string() == n)?;
    Some((g, PLEDGE_FIELDS.iter().position(|f| *f == field)?))
}

fn known_column(name: &str) -> bool {
    fixed_columns().iter().any(|f| f == name) || pledge_column(name).is_some()
}

/// Where each column is, found once per file.
struct Layout {
    name: Option<usize>,
    post: Option<usize>,
    unit_kind: Option<usize>,
    year: Option<usize>,
    unit_score: Option<usize>,
    political_quality: Option<usize>,
    votes: [[Option<usize>; 4]; 4],
    positive: Option<usize>,
    negative: Option<usize>,
    tolerated: Option<usize>,
    history: Option<usize>,
    assume: [Option<usize>; 3],
    /// The pledge groups the header has, by number, and their fields' columns.
    pledges: Vec<(usize, [Option<usize>; 10])>,
}

impl Layout {
    fn new(header: &[String]) -> Layout {
        let at = |name: &str| header.iter().position(|h| h == name);
        let mut votes = [[None; 4]; 4];
        for group in RaterGroup::ALL {
            for category in VoteCategory::ALL {
                votes[group.index()][category.index()] = at(&format!("{}_{}", group.id(), category.id()));
            }
        }
        let mut pledges: Vec<(usize, [Option<usize>; 10])> = Vec::new();
        for (i, (g, field)) in header
            .iter()
            .enumerate()
            .filter_map(|(i, h)| Some((i, pledge_column(h)?)))
        {
            match pledges.iter_mut().find(|(n, _)| *n == g) {
                Some((_, fields)) => fields[field] = Some(i),
                None => {
                    let mut fields = [None; 10];
                    fields[field] = Some(i);
                    pledges.push((g, fields));
                }
            }
        }
        pledges.sort_by_key(|(g, _)| *g);
        Layout {
            name: at("name"),
            post: at("post"),
            unit_kind: at("unit_kind"),
            year: at("year"),
            unit_score: at("unit_score"),
            political_quality: at("political_quality"),
            votes,
            positive: at("positive"),
            negative: at("negative"),
            tolerated: at("negative_tolerated"),
            history: at("history"),
            assume: [
                at("assume_quarter_score"),
                at("assume_unit_score"),
                at("assume_multi_score"),
            ],
            pledges,
        }
    }
}

/// A list cell's entries: split at `;` (or `；`), trimmed, empty ones dropped.
fn entries(cell: Option<&str>) -> impl Iterator<Item = &str> {
    cell.unwrap_or_default()
        .split([';', '；'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// A list entry `P8*2` as its id and count text (`P8`, `2`); `P8` alone has no count.
fn split_entry(entry: &str) -> (&str, Option<&str>) {
    match entry.split_once(['*', '×', 'x']) {
        Some((id, n)) => (id.trim(), Some(n.trim())),
        None => (entry, None),
    }
}

/// A cell as a number, as the value walk reads it: a finite `f64`, else not a number.
fn number(cell: Option<&str>) -> Result<Option<f64>, ()> {
    match cell {
        None => Ok(None),
        Some(text) => text
            .parse::<f64>()
            .ok()
            .filter(|x| x.is_finite())
            .map(Some)
            .ok_or(()),
    }
}

/// A cell as a whole number in `min..=max`, as the value walk reads it.
fn whole(cell: Option<&str>, min: f64, max: f64) -> Result<Option<f64>, ()> {
    match number(cell)? {
        Some(x) if x.fract() != 0.0 || x < min || x > max => Err(()),
        x => Ok(x),
    }
}

/// One data row of a CSV file.
struct Row<'a, S> {
    line: usize,
    header: &'a [String],
    layout: &'a Layout,
    cells: &'a [S],
}

impl<S: AsRef<str>> Row<'_, S> {
    /// The trimmed cell in column `i`, `None` when empty or when there is no such column.
    fn at(&self, i: Option<usize>) -> Option<&str> {
        Some(self.cells[i?].as_ref().trim()).filter(|c| !c.is_empty())
    }

    fn cell(&self, name: &str) -> Option<&str> {
        self.at(self.header.iter().position(|h| h == name))
    }

    /// Free text in column `i`: the trimmed cell, or everything after a leading `'` as it is.
    fn free_text_at(&self, i: Option<usize>) -> Option<&str> {
        let trimmed = self.at(i)?;
        Some(match trimmed.strip_prefix('\'') {
            Some(_) => {
                let raw = self.cells[i?].as_ref();
                &raw[raw.find('\'').map_or(0, |q| q + 1)..]
            }
            None => trimmed,
        })
    }

    /// An id in column `i` (a `'` before it is dropped).
    fn id_at(&self, i: Option<usize>) -> Option<&str> {
        self.at(i).map(|s| s.strip_prefix('\'').unwrap_or(s))
    }

    /// An optional id in column `i`: `Some(None)` when empty, `None` when not an id.
    fn parse_id<T>(&self, i: Option<usize>, parse: fn(&str) -> Option<T>) -> Option<Option<T>> {
        match self.id_at(i) {
            None => Some(None),
            Some(id) => parse(id).map(Some),
        }
    }

    fn error(&self, name: &str, problem: Problem) -> CsvError {
        let column = self.header.iter().position(|h| h == name).map(|i| i + 1);
        CsvError {
            line: self.line,
            column,
            header: Some(name.to_string()),
            problem,
        }
    }

    /// The row as a dossier straight from its cells, when it is certainly valid under
    /// `rules`; `None` when anything is wrong or unsure (then [`Row::dossier`] reports it).
    /// Whatever this accepts, [`Row::dossier`] accepts too, with an identical dossier.
    fn fast(&self, rules: &RuleSet) -> Option<Dossier> {
        let l = self.layout;
        let mut d = Dossier {
            name: self.free_text_at(l.name).map(str::to_string),
            post: self.free_text_at(l.post).map(str::to_string),
            unit_kind: self.parse_id(l.unit_kind, UnitKind::from_id)?,
            year: whole(self.at(l.year), 1949.0, 2100.0).ok()?.map(|y| y as i32),
            unit_score: number(self.at(l.unit_score)).ok()?,
            political_quality: self
                .parse_id(l.political_quality, PoliticalQuality::from_id)?
                .unwrap_or_default(),
            ..Dossier::default()
        };
        let max_votes = f64::from(rules.raters.max_votes);
        for group in RaterGroup::ALL {
            let columns = l.votes[group.index()];
            if columns.iter().all(|c| self.at(*c).is_none()) {
                continue;
            }
            let mut counts = VoteCounts::default();
            for category in VoteCategory::ALL {
                if let Some(n) = whole(self.at(columns[category.index()]), 0.0, max_votes).ok()? {
                    counts.set(*category, n as u32);
                }
            }
            *d.votes.slot(*group) = Some(counts);
        }
        for entry in entries(self.at(l.positive)) {
            let (item, count) = split_entry(entry);
            let count = count.map_or(Some(1), |n| n.parse::<u32>().ok())?;
            d.positive.push(PositiveClaim {
                item: item.to_string(),
                count,
            });
        }
        let tolerated = self.at(l.tolerated);
        for entry in entries(self.at(l.negative)) {
            let (item, count) = split_entry(entry);
            let count = count.map_or(Some(1), |n| n.parse::<u32>().ok())?;
            d.negative.push(NegativeRecord {
                item: item.to_string(),
                count,
                tolerated: entries(tolerated).any(|t| t == item),
            });
        }
        if !entries(tolerated).all(|t| d.negative.iter().any(|r| r.item == t)) {
            return None;
        }
        for entry in entries(self.at(l.history)) {
            d.history.push(Tier::from_id(entry)?);
        }
        let [q, u, m] = l.assume;
        d.assumptions = Assumptions {
            quarter_score: number(self.at(q)).ok()?,
            unit_score: number(self.at(u)).ok()?,
            multi_score: number(self.at(m)).ok()?,
        };
        let (fmin, fmax) = (
            f64::from(rules.grading.factor_min),
            f64::from(rules.grading.factor_max),
        );
        for (_, columns) in &l.pledges {
            if columns.iter().all(|c| self.at(*c).is_none()) {
                continue;
            }
            let factor = |k: usize| whole(self.at(columns[3 + k]), fmin, fmax).map(|f| f.map(|f| f as u8));
            let factors = match (factor(0).ok()?, factor(1).ok()?, factor(2).ok()?) {
                (None, None, None) => None,
                (Some(difficulty), Some(innovation), Some(contribution)) => Some(Factors {
                    difficulty,
                    innovation,
                    contribution,
                }),
                _ => return None,
            };
            let mut quarters = [None; 4];
            for (q, quarter) in quarters.iter_mut().enumerate() {
                *quarter = number(self.at(columns[6 + q])).ok()?;
            }
            d.pledges.push(Pledge {
                area: self.parse_id(columns[0], Area::from_id)??,
                title: self.free_text_at(columns[1]).map(str::to_string),
                grade: self.parse_id(columns[2], Grade::from_id)?,
                factors,
                quarters,
            });
        }
        fast::accepts(&d, rules).then_some(d)
    }

    /// A cell as a JSON number when it parses as one, as a string otherwise (the validator
    /// then names the wrong type).
    fn number(&self, name: &str) -> Value {
        match self.cell(name) {
            None => Value::Null,
            Some(text) => text
                .parse::<f64>()
                .ok()
                .filter(|x| x.is_finite())
                .and_then(|x| serde_json::Number::from_f64(x).map(Value::Number))
                .unwrap_or_else(|| Value::String(text.to_string())),
        }
    }

    /// An id column as a JSON string.
    fn text(&self, name: &str) -> Value {
        let i = self.header.iter().position(|h| h == name);
        self.id_at(i)
            .map_or(Value::Null, |s| Value::String(s.to_string()))
    }

    /// A free-text column as a JSON string.
    fn free_text(&self, name: &str) -> Value {
        let i = self.header.iter().position(|h| h == name);
        self.free_text_at(i)
            .map_or(Value::Null, |s| Value::String(s.to_string()))
    }

    fn list(&self, name: &str) -> Vec<&str> {
        entries(self.cell(name)).collect()
    }

    /// The row checked through the JSON value walk: every problem, by line and column.
    fn dossier(&self, rules: &RuleSet) -> Result<Dossier, Vec<CsvError>> {
        let mut map = Map::new();
        let mut columns: Vec<(String, String)> = Vec::new();
        let mut put = |map: &mut Map<String, Value>, key: &str, value: Value, column: &str| {
            if !value.is_null() {
                map.insert(key.into(), value);
                columns.push((key.into(), column.into()));
            }
        };
        for key in ["name", "post"] {
            put(&mut map, key, self.free_text(key), key);
        }
        for key in ["unit_kind", "political_quality"] {
            put(&mut map, key, self.text(key), key);
        }
        for key in ["year", "unit_score"] {
            put(&mut map, key, self.number(key), key);
        }
        let mut votes = Map::new();
        for group in RaterGroup::ALL {
            let mut counts = Map::new();
            for category in VoteCategory::ALL {
                let column = format!("{}_{}", group.id(), category.id());
                let value = self.number(&column);
                if !value.is_null() {
                    columns.push((format!("votes.{}.{}", group.id(), category.id()), column));
                    counts.insert(category.id().into(), value);
                }
            }
            if !counts.is_empty() {
                votes.insert(group.id().into(), Value::Object(counts));
            }
        }
        if !votes.is_empty() {
            map.insert("votes".into(), Value::Object(votes));
        }
        let mut errors = Vec::new();
        let positive = self.items("positive", &mut errors, &[]);
        let tolerated = self.list("negative_tolerated");
        let negative = self.items("negative", &mut errors, &tolerated);
        // Item ids, not the entries: `N11*2` is the item N11 counted twice.
        let negative_ids: Vec<&str> = self
            .list("negative")
            .into_iter()
            .map(|e| split_entry(e).0)
            .collect();
        for id in &tolerated {
            if !negative_ids.contains(id) {
                let problem = Problem::invalid(
                    format!("“{id}” is not in the negative column"),
                    format!("“{id}”不在 negative 列中"),
                );
                errors.push(self.error("negative_tolerated", problem));
            }
        }
        for (key, list) in [("positive", positive), ("negative", negative)] {
            if !list.is_empty() {
                map.insert(key.into(), Value::Array(list));
            }
        }
        let history: Vec<Value> = self.list("history").into_iter().map(|t| json!(t)).collect();
        if !history.is_empty() {
            map.insert("history".into(), Value::Array(history));
        }
        let mut assumptions = Map::new();
        for key in ["quarter_score", "unit_score", "multi_score"] {
            let column = format!("assume_{key}");
            let value = self.number(&column);
            if !value.is_null() {
                columns.push((format!("assumptions.{key}"), column));
                assumptions.insert(key.into(), value);
            }
        }
        if !assumptions.is_empty() {
            map.insert("assumptions".into(), Value::Object(assumptions));
        }
        map.insert("pledges".into(), Value::Array(self.pledges(&mut columns)));
        let first_area = match self.layout.pledges.first() {
            Some((g, _)) => format!("pledge{g}_area"),
            None => "pledge1_area".into(),
        };
        columns.push(("pledges".into(), first_area));
        columns.push(("positive".into(), "positive".into()));
        columns.push(("negative".into(), "negative".into()));
        columns.push(("history".into(), "history".into()));
        match Dossier::from_value(&Value::Object(map), rules) {
            Ok(dossier) if errors.is_empty() => Ok(dossier),
            Ok(_) => Err(errors),
            Err(field_errors) => {
                errors.extend(
                    field_errors
                        .into_iter()
                        .map(|e| self.locate(&e.path, e.problem, &columns)),
                );
                Err(errors)
            }
        }
    }

    fn pledges(&self, columns: &mut Vec<(String, String)>) -> Vec<Value> {
        let mut pledges = Vec::new();
        for (g, _) in &self.layout.pledges {
            let col = |f: &str| format!("pledge{g}_{f}");
            let used = PLEDGE_FIELDS.iter().any(|f| self.cell(&col(f)).is_some());
            if !used {
                continue;
            }
            let i = pledges.len();
            let mut p = Map::new();
            for (key, value) in [
                ("area", self.text(&col("area"))),
                ("title", self.free_text(&col("title"))),
                ("grade", self.text(&col("grade"))),
            ] {
                columns.push((format!("pledges[{i}].{key}"), col(key)));
                if !value.is_null() {
                    p.insert(key.into(), value);
                }
            }
            let mut factors = Map::new();
            for key in ["difficulty", "innovation", "contribution"] {
                columns.push((format!("pledges[{i}].factors.{key}"), col(key)));
                let value = self.number(&col(key));
                if !value.is_null() {
                    factors.insert(key.into(), value);
                }
            }
            if !factors.is_empty() {
                p.insert("factors".into(), Value::Object(factors));
                columns.push((format!("pledges[{i}].factors"), col("difficulty")));
            }
            let quarters: Vec<Value> = (1..=4)
                .map(|q| {
                    columns.push((format!("pledges[{i}].quarters[{}]", q - 1), col(&format!("q{q}"))));
                    self.number(&col(&format!("q{q}")))
                })
                .collect();
            p.insert("quarters".into(), Value::Array(quarters));
            columns.push((format!("pledges[{i}]"), col("area")));
            pledges.push(Value::Object(p));
        }
        pledges
    }

    /// Positive or negative items from a `P1;P8*2` cell.
    fn items(&self, column: &str, errors: &mut Vec<CsvError>, tolerated: &[&str]) -> Vec<Value> {
        let mut items = Vec::new();
        for entry in self.list(column) {
            let (id, count) = match split_entry(entry) {
                (id, Some(n)) => match n.parse::<u32>() {
                    Ok(n) => (id, n),
                    Err(_) => {
                        errors.push(self.error(
                            column,
                            Problem::invalid(
                                format!("“{entry}”: the count after * is not a whole number"),
                                format!("“{entry}”:* 后的次数不是整数"),
                            ),
                        ));
                        continue;
                    }
                },
                (id, None) => (id, 1),
            };
            let mut item = json!({"item": id, "count": count});
            if tolerated.contains(&id) {
                item["tolerated"] = json!(true);
            }
            items.push(item);
        }
        items
    }

    /// Turns a dossier field path into the line and column it came from.
    fn locate(&self, path: &str, problem: Problem, columns: &[(String, String)]) -> CsvError {
        let mut key = path.to_string();
        loop {
            if let Some((_, column)) = columns.iter().find(|(k, _)| *k == key) {
                return self.error(column, problem);
            }
            let list_root = ["positive", "negative", "history"]
                .iter()
                .find(|r| key.starts_with(*r));
            if let Some(root) = list_root {
                return self.error(root, problem);
            }
            match key.rfind(['.', '[']) {
                Some(cut) => key.truncate(cut),
                None => {
                    return CsvError {
                        line: self.line,
                        column: None,
                        header: None,
                        problem,
                    }
                }
            }
        }
    }
}
