//! Cohorts as CSV for spreadsheets: one row per official, pledges as repeated column groups
//! (`pledge1_area` … `pledge1_q4`, `pledge2_…`), lists as `P1;P8*2`. Export writes UTF-8 with a
//! byte-order mark so spreadsheet programs read the Chinese text; import reports every problem
//! by line and column and returns nothing unless the whole file is valid.

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use super::dossier::{Cohort, Dossier};
use super::error::Problem;
use super::ids::{RaterGroup, VoteCategory};
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

fn quote(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) || cell.starts_with(char::is_whitespace) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

/// Free text, with a `'` put before a leading `=`, `+`, `-` or `@` so that no spreadsheet
/// takes it for a formula; reading strips that `'` again.
fn text_cell(text: Option<&str>) -> String {
    match text {
        Some(t) if t.starts_with(FORMULA_STARTS) || t.starts_with('\'') => format!("'{t}"),
        Some(t) => t.to_string(),
        None => String::new(),
    }
}

/// A number in its shortest form that reads back to the same value.
fn num(x: Option<f64>) -> String {
    x.map(|x| x.to_string()).unwrap_or_default()
}

/// Writes officials as CSV (with BOM and CRLF line ends).
pub fn write(officials: &[Dossier]) -> String {
    let groups = officials
        .iter()
        .map(|d| d.pledges.len())
        .max()
        .unwrap_or(3)
        .max(1);
    let mut out = String::new();
    out.push(BOM);
    out.push_str(
        &header(groups)
            .iter()
            .map(|h| quote(h))
            .collect::<Vec<_>>()
            .join(","),
    );
    out.push_str("\r\n");
    for d in officials {
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
        let list = |items: Vec<(String, u32)>| {
            items
                .into_iter()
                .map(|(id, n)| if n == 1 { id } else { format!("{id}*{n}") })
                .collect::<Vec<_>>()
                .join(";")
        };
        row.push(list(
            d.positive.iter().map(|c| (c.item.clone(), c.count)).collect(),
        ));
        row.push(list(
            d.negative.iter().map(|r| (r.item.clone(), r.count)).collect(),
        ));
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
        out.push_str(&row.iter().map(|c| quote(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

/// Splits CSV text into records of cells, with the line each record starts on (RFC 4180:
/// quoted cells may hold commas, doubled quotes and line breaks).
pub fn records(text: &str) -> Result<Vec<(usize, Vec<String>)>, CsvError> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let mut out = Vec::new();
    let (mut cell, mut row) = (String::new(), Vec::new());
    let (mut line, mut start, mut quoted, mut was_quoted) = (1, 1, false, false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => {
                if c == '\n' {
                    line += 1;
                }
                cell.push(c);
            }
            (false, '"') if cell.is_empty() && !was_quoted => (quoted, was_quoted) = (true, true),
            (false, ',') => {
                row.push(std::mem::take(&mut cell));
                was_quoted = false;
            }
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') | (false, '\r') => {
                row.push(std::mem::take(&mut cell));
                was_quoted = false;
                if !(row.len() == 1 && row[0].is_empty()) {
                    out.push((start, std::mem::take(&mut row)));
                }
                row.clear();
                line += 1;
                start = line;
            }
            (false, c) => cell.push(c),
        }
    }
    if quoted {
        return Err(CsvError {
            line: start,
            column: Some(row.len() + 1),
            header: None,
            problem: Problem::invalid("a quoted cell is not closed", "引号内的单元格未闭合"),
        });
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        out.push((start, row));
    }
    Ok(out)
}

/// Reads a cohort from CSV; every problem is reported by line and column.
pub fn read(text: &str, rules: &RuleSet) -> Result<Cohort, Vec<CsvError>> {
    let mut records = records(text).map_err(|e| vec![e])?.into_iter();
    let Some((_, header)) = records.next() else {
        return Err(vec![CsvError {
            line: 1,
            column: None,
            header: None,
            problem: Problem::Missing,
        }]);
    };
    let mut errors = Vec::new();
    for (i, name) in header.iter().enumerate() {
        if !known_column(name) {
            errors.push(CsvError {
                line: 1,
                column: Some(i + 1),
                header: Some(name.clone()),
                problem: Problem::UnknownField,
            });
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut officials = Vec::new();
    for (line, cells) in records {
        let row = Row {
            line,
            header: &header,
            cells: &cells,
        };
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
            continue;
        }
        match row.dossier(rules) {
            Ok(d) => officials.push(d),
            Err(mut row_errors) => errors.append(&mut row_errors),
        }
    }
    if errors.is_empty() {
        Ok(Cohort { officials })
    } else {
        Err(errors)
    }
}

fn known_column(name: &str) -> bool {
    let pledge_field = name.strip_prefix("pledge").and_then(|rest| rest.split_once('_'));
    fixed_columns().iter().any(|f| f == name)
        || pledge_field.is_some_and(|(n, field)| {
            n.parse::<usize>().is_ok_and(|n| (1..=50).contains(&n)) && PLEDGE_FIELDS.contains(&field)
        })
}

/// One data row of a CSV file.
struct Row<'a> {
    line: usize,
    header: &'a [String],
    cells: &'a [String],
}

impl Row<'_> {
    fn cell(&self, name: &str) -> Option<&str> {
        let i = self.header.iter().position(|h| h == name)?;
        Some(self.cells[i].trim()).filter(|c| !c.is_empty())
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

    fn text(&self, name: &str) -> Value {
        let unescaped = |s: &str| s.strip_prefix('\'').unwrap_or(s).to_string();
        self.cell(name)
            .map_or(Value::Null, |s| Value::String(unescaped(s)))
    }

    fn list(&self, name: &str) -> Vec<&str> {
        self.cell(name)
            .map(|c| {
                c.split([';', ';'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    }

    fn dossier(&self, rules: &RuleSet) -> Result<Dossier, Vec<CsvError>> {
        let mut map = Map::new();
        let mut columns: Vec<(String, String)> = Vec::new();
        let mut put = |map: &mut Map<String, Value>, key: &str, value: Value, column: &str| {
            if !value.is_null() {
                map.insert(key.into(), value);
                columns.push((key.into(), column.into()));
            }
        };
        for key in ["name", "post", "unit_kind", "political_quality"] {
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
        for id in &tolerated {
            if !self.list("negative").contains(id) {
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
        columns.push(("pledges".into(), "pledge1_area".into()));
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
        let groups = self
            .header
            .iter()
            .filter(|h| h.starts_with("pledge") && h.ends_with("_area"))
            .count();
        let mut pledges = Vec::new();
        for g in 1..=groups {
            let col = |f: &str| format!("pledge{g}_{f}");
            let used = PLEDGE_FIELDS.iter().any(|f| self.cell(&col(f)).is_some());
            if !used {
                continue;
            }
            let i = pledges.len();
            let mut p = Map::new();
            for (key, value) in [
                ("area", self.text(&col("area"))),
                ("title", self.text(&col("title"))),
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
            let (id, count) = match entry.split_once(['*', '×', 'x']) {
                Some((id, n)) => match n.trim().parse::<u32>() {
                    Ok(n) => (id.trim(), n),
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
                None => (entry, 1),
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
