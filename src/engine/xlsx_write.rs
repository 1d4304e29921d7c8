//! Writing workbooks (part of [`super`]): the cohort in the CSV's columns, the ranking, the
//! comparison of two rule sets and the template. Every sheet has a bold header row that stays
//! in view (frozen panes), columns wide enough for their Chinese text, and numbers stored as
//! numbers; text is stored as text, so a name beginning with `=` is never a formula.

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationRule, Format, FormatBorder, Workbook, Worksheet, XlsxError as Writer,
};

use super::super::cohort::Ranking;
use super::super::compare::Comparison;
use super::super::csv;
use super::super::dossier::Dossier;
use super::super::ids::{Area, Grade, PoliticalQuality, RaterGroup, Tier, UnitKind, VoteCategory};
use super::super::rules::RuleSet;
use super::super::text::{round2, Lang};

/// A workbook could not be written (rust_xlsxwriter's message). Not expected for any cohort
/// the engine accepts: its texts are far below Excel's limits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteError(pub String);

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the workbook could not be written: {}", self.0)
    }
}

impl std::error::Error for WriteError {}

impl From<Writer> for WriteError {
    fn from(e: Writer) -> WriteError {
        WriteError(e.to_string())
    }
}

/// One cell to write.
#[derive(Debug, Clone, PartialEq)]
enum Out {
    Empty,
    Text(String),
    Number(f64),
    /// A number shown with two decimals (totals).
    Total(f64),
}

/// The rows below a header, at most this many get drop-down lists and checks.
const VALIDATED_ROWS: u32 = 5_000;

/// The width of text in a spreadsheet's units: Chinese, Japanese, Korean and full-width
/// characters and emoji count twice; the longest line of a multi-line cell counts.
fn display_width(text: &str) -> usize {
    text.lines()
        .map(|line| {
            line.chars()
                .map(|c| {
                    let c = c as u32;
                    let wide = matches!(c,
                        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
                        | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
                        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1F64F
                        | 0x1F900..=0x1F9FF | 0x20000..=0x3FFFD);
                    if wide {
                        2
                    } else {
                        1
                    }
                })
                .sum()
        })
        .max()
        .unwrap_or(0)
}

fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xE8_EE_F7))
        .set_border_bottom(FormatBorder::Thin)
}

/// Writes a header and rows on a sheet: bold header, frozen panes (the header and `frozen`
/// columns), column widths from the widest cell (between 6 and 60).
fn table(sheet: &mut Worksheet, header: &[String], rows: &[Vec<Out>], frozen: u16) -> Result<(), WriteError> {
    let bold = header_format();
    let total = Format::new().set_num_format("0.00");
    let mut widths: Vec<usize> = header.iter().map(|h| display_width(h)).collect();
    for (c, title) in header.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, title, &bold)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let col = c as u16;
            let width = match cell {
                Out::Empty => 0,
                Out::Text(text) => {
                    sheet.write_string(r, col, text)?;
                    display_width(text)
                }
                Out::Number(x) => {
                    sheet.write_number(r, col, *x)?;
                    x.to_string().len()
                }
                Out::Total(x) => {
                    sheet.write_number_with_format(r, col, *x, &total)?;
                    format!("{x:.2}").len()
                }
            };
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(width);
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, (*w + 2).clamp(6, 60) as f64)?;
    }
    sheet.set_freeze_panes(1, frozen)?;
    Ok(())
}

fn save(mut book: Workbook) -> Result<Vec<u8>, WriteError> {
    Ok(book.save_to_buffer()?)
}

/// Which kind of value a cohort column holds.
fn is_number_column(name: &str) -> bool {
    let pledge_field = name
        .strip_prefix("pledge")
        .and_then(|rest| rest.split_once('_'))
        .map(|(_, field)| field);
    matches!(name, "year" | "unit_score")
        || name.starts_with("assume_")
        || RaterGroup::ALL.iter().any(|g| {
            name.strip_prefix(g.id())
                .is_some_and(|rest| rest.starts_with('_'))
        })
        || matches!(
            pledge_field,
            Some("difficulty" | "innovation" | "contribution" | "q1" | "q2" | "q3" | "q4")
        )
}

fn is_free_text(name: &str) -> bool {
    matches!(name, "name" | "post") || name.ends_with("_title")
}

/// The cohort's header and rows, in exactly the CSV's columns: the CSV's cells ([`csv::row`]),
/// typed — numbers as numbers, and free text without the `'` that CSV puts before a leading
/// `=`, `+`, `-` or `@` (a workbook's text is typed, never a formula). The other guards stay,
/// since they carry something: a `'` before text that is empty, begins with `'` or white space,
/// or ends with white space (see [`csv::row`]); the reader takes them off as the CSV reader does.
fn cohort_table(officials: &[Dossier]) -> (Vec<String>, Vec<Vec<Out>>) {
    let groups = csv::pledge_groups(officials);
    let header = csv::header(groups);
    let rows = officials
        .iter()
        .map(|d| {
            csv::row(d, groups)
                .into_iter()
                .zip(&header)
                .map(|(cell, name)| match cell.as_str() {
                    "" => Out::Empty,
                    _ if is_number_column(name) => match cell.parse::<f64>() {
                        Ok(x) => Out::Number(x),
                        Err(_) => Out::Text(cell),
                    },
                    _ if is_free_text(name) => Out::Text(unguarded(cell)),
                    _ => Out::Text(cell),
                })
                .collect()
        })
        .collect();
    (header, rows)
}

/// A free-text cell without the `'` that only guards a formula start.
fn unguarded(cell: String) -> String {
    match cell.strip_prefix('\'') {
        Some(text) if text.starts_with(['=', '+', '-', '@']) && !text.ends_with(char::is_whitespace) => {
            text.to_string()
        }
        _ => cell,
    }
}

/// Drop-down lists and number checks on the cohort columns (rows 2 to [`VALIDATED_ROWS`]).
fn validations(sheet: &mut Worksheet, header: &[String], rules: &RuleSet) -> Result<(), WriteError> {
    let list = |ids: Vec<&str>, zh: &str, en: &str| -> Result<DataValidation, WriteError> {
        let names = ids.join(", ");
        Ok(DataValidation::new()
            .allow_list_strings(&ids)?
            .set_input_message(format!("{zh}\n{en}\n{names}"))?)
    };
    let scores = || -> Result<DataValidation, WriteError> {
        Ok(DataValidation::new()
            .allow_decimal_number(DataValidationRule::Between(0.0, 100.0))
            .set_input_message("0–100;空白 = 未知 / empty = not known")?)
    };
    let max_votes = i32::try_from(rules.raters.max_votes).unwrap_or(i32::MAX);
    for (c, name) in header.iter().enumerate() {
        let field = name
            .strip_prefix("pledge")
            .and_then(|rest| rest.split_once('_'))
            .map_or(name.as_str(), |(_, field)| field);
        let check = match (name.as_str(), field) {
            ("unit_kind", _) => Some(list(
                UnitKind::ids(),
                "department = 部门单位,street = 街道",
                "department or sub-district",
            )?),
            ("political_quality", _) => Some(list(
                PoliticalQuality::ids(),
                "qualified = 合格,unqualified = 不合格",
                "the political-quality test",
            )?),
            ("year", _) => Some(
                DataValidation::new()
                    .allow_whole_number(DataValidationRule::Between(1949, 2100))
                    .set_input_message("考核年度 / assessment year")?,
            ),
            ("unit_score", _) | (_, "q1" | "q2" | "q3" | "q4") => Some(scores()?),
            (n, _) if n.starts_with("assume_") => Some(scores()?),
            (_, "area") if name.starts_with("pledge") => Some(list(
                Area::ids(),
                "party_building = 党的建设,innovation = 创新创优,key_work = 重点工作",
                "the pledge's area",
            )?),
            (_, "grade") if name.starts_with("pledge") => {
                Some(list(Grade::ids(), "承诺等级", "the pledge's grade")?)
            }
            (_, "difficulty" | "innovation" | "contribution") if name.starts_with("pledge") => Some(
                DataValidation::new()
                    .allow_whole_number(DataValidationRule::Between(
                        i32::from(rules.grading.factor_min),
                        i32::from(rules.grading.factor_max),
                    ))
                    .set_input_message(format!(
                        "{}–{};不填则按等级 / empty: the grade decides",
                        rules.grading.factor_min, rules.grading.factor_max
                    ))?,
            ),
            _ if is_number_column(name) => Some(
                DataValidation::new()
                    .allow_whole_number(DataValidationRule::Between(0, max_votes))
                    .set_input_message("票数 / votes")?,
            ),
            _ => None,
        };
        if let Some(check) = check {
            sheet.add_data_validation(1, c as u16, VALIDATED_ROWS, c as u16, &check)?;
        }
    }
    Ok(())
}

/// The cohort as a workbook: one sheet “名单 Officials” in the CSV's columns, which
/// [`super::read`] reads back as the same cohort.
pub fn cohort(officials: &[Dossier], rules: &RuleSet) -> Result<Vec<u8>, WriteError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(OFFICIALS)?;
    let (header, rows) = cohort_table(officials);
    table(sheet, &header, &rows, 1)?;
    validations(sheet, &header, rules)?;
    save(book)
}

const OFFICIALS: &str = "名单 Officials";

fn yes(flag: bool, lang: Lang) -> Out {
    if flag {
        Out::Text(lang.pick("是", "yes").into())
    } else {
        Out::Empty
    }
}

fn tier(t: Tier, lang: Lang) -> Out {
    Out::Text(lang.pick(t.zh(), t.en()).into())
}

/// The ranking as a workbook: rank, name, post, total, tier, honour, veto, projected,
/// consequences.
pub fn ranking(ranking: &Ranking, rules: &RuleSet, lang: Lang) -> Result<Vec<u8>, WriteError> {
    let l = |zh: &str, en: &str| lang.pick(zh, en).to_string();
    let header = vec![
        l("名次", "rank"),
        l("姓名", "name"),
        l("职务", "post"),
        l("总分", "total"),
        l("等次", "tier"),
        lang.pick(&rules.honour.zh, &rules.honour.en).to_string(),
        l("一票否决", "vetoed"),
        l("含预估", "projected"),
        l("结果运用", "consequences"),
    ];
    let rows: Vec<Vec<Out>> = ranking
        .officials
        .iter()
        .map(|r| {
            let consequences: Vec<String> = r
                .consequences
                .iter()
                .map(|c| match rules.consequence_text(c.id()) {
                    Some(text) => lang.pick(&text.zh, &text.en).to_string(),
                    None => lang.pick(c.zh(), c.en()).to_string(),
                })
                .collect();
            vec![
                Out::Number(r.rank as f64),
                Out::Text(r.name.clone()),
                r.post.clone().map_or(Out::Empty, Out::Text),
                Out::Total(r.total),
                tier(r.tier, lang),
                yes(r.honour, lang),
                yes(r.vetoed, lang),
                yes(r.projected, lang),
                Out::Text(consequences.join(lang.pick("、", "; "))),
            ]
        })
        .collect();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(lang.pick("排名", "Ranking"))?;
    table(sheet, &header, &rows, 2)?;
    save(book)
}

/// The comparison as a workbook: per official (in the baseline's order) the baseline's and the
/// variant's rank, total and tier, the change in total and in tier; a second sheet with the
/// tier transition matrix.
pub fn comparison(comparison: &Comparison, lang: Lang) -> Result<Vec<u8>, WriteError> {
    let l = |zh: &str, en: &str| lang.pick(zh, en).to_string();
    let header = vec![
        l("基准名次", "baseline rank"),
        l("姓名", "name"),
        l("职务", "post"),
        l("基准总分", "baseline total"),
        l("基准等次", "baseline tier"),
        l("方案名次", "variant rank"),
        l("方案总分", "variant total"),
        l("方案等次", "variant tier"),
        l("总分变化", "change"),
        l("等次变化", "tier change"),
    ];
    let mut variant = vec![None; comparison.variant.officials.len()];
    for r in &comparison.variant.officials {
        if let Some(slot) = variant.get_mut(r.index) {
            *slot = Some(r);
        }
    }
    let rows: Vec<Vec<Out>> = comparison
        .baseline
        .officials
        .iter()
        .filter_map(|b| Some((b, variant.get(b.index).copied().flatten()?)))
        .map(|(b, a)| {
            let moved = match a.tier.cmp(&b.tier) {
                std::cmp::Ordering::Less => format!("↑ {}", lang.pick(a.tier.zh(), a.tier.en())),
                std::cmp::Ordering::Greater => format!("↓ {}", lang.pick(a.tier.zh(), a.tier.en())),
                std::cmp::Ordering::Equal => String::new(),
            };
            vec![
                Out::Number(b.rank as f64),
                Out::Text(b.name.clone()),
                b.post.clone().map_or(Out::Empty, Out::Text),
                Out::Total(b.total),
                tier(b.tier, lang),
                Out::Number(a.rank as f64),
                Out::Total(a.total),
                tier(a.tier, lang),
                Out::Total(round2(a.total - b.total)),
                if moved.is_empty() {
                    Out::Empty
                } else {
                    Out::Text(moved)
                },
            ]
        })
        .collect();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(lang.pick("对比", "Comparison"))?;
    table(sheet, &header, &rows, 2)?;

    let mut header = vec![l("基准 \\ 方案", "baseline \\ variant")];
    header.extend(Tier::ALL.iter().map(|t| lang.pick(t.zh(), t.en()).to_string()));
    let rows: Vec<Vec<Out>> = Tier::ALL
        .iter()
        .map(|from| {
            let mut row = vec![tier(*from, lang)];
            row.extend(
                comparison.transitions[from.index()]
                    .iter()
                    .map(|n| Out::Number(*n as f64)),
            );
            row
        })
        .collect();
    let sheet = book.add_worksheet();
    sheet.set_name(lang.pick("等次变化", "Transitions"))?;
    table(sheet, &header, &rows, 1)?;
    save(book)
}

/// What each column holds, in Chinese and English, for the template's first sheet.
fn describe(name: &str) -> (String, String) {
    let (zh, en) = match name {
        "name" => ("干部姓名", "the official's name"),
        "post" => ("现任职务", "the official's post"),
        "unit_kind" => (
            "单位类型:department(部门单位)或 street(街道)",
            "unit kind: department or street",
        ),
        "year" => ("考核年度,如 2023", "assessment year, e.g. 2023"),
        "unit_score" => (
            "单位综合绩效得分 0–100;未公布则留空",
            "the unit's performance score 0–100; empty while not published",
        ),
        "political_quality" => (
            "政治素质考察:qualified(合格)或 unqualified(不合格);空白 = 合格",
            "political quality: qualified or unqualified; empty = qualified",
        ),
        "positive" => (
            "正面清单条目,以 ; 分隔,*2 表示 2 次,如 P1;P8*2(见“清单”表)",
            "positive-list items separated by ;, *2 for twice, e.g. P1;P8*2 (see the Lists sheet)",
        ),
        "negative" => (
            "负面清单条目,写法同上,如 N9;N12",
            "negative-list items, written the same way, e.g. N9;N12",
        ),
        "negative_tolerated" => (
            "负面清单中经容错免责的条目(须同时列在 negative 中)",
            "negative items waived under error tolerance (also listed under negative)",
        ),
        "history" => (
            "以往年度等次,从早到晚,以 ; 分隔:good;fairly_good;average;poor",
            "previous years' tiers, oldest first, separated by ;: good;fairly_good;average;poor",
        ),
        "assume_quarter_score" => (
            "未评分季度按此分数预估(0–100)",
            "score assumed for quarters not yet scored (0–100)",
        ),
        "assume_unit_score" => (
            "单位得分未公布时按此预估",
            "unit score assumed while not published",
        ),
        "assume_multi_score" => (
            "尚无投票时多维度评价按此预估",
            "multi-rater score assumed while no votes are in",
        ),
        _ => {
            if let Some(group) = RaterGroup::ALL
                .iter()
                .find(|g| name.starts_with(&format!("{}_", g.id())))
            {
                let category = VoteCategory::ALL
                    .iter()
                    .find(|c| name == format!("{}_{}", group.id(), c.id()));
                if let Some(c) = category {
                    return (
                        format!("{}评价“{}”票数", group.zh(), c.zh()),
                        format!("votes “{}” from {}", c.en(), group.en().to_lowercase()),
                    );
                }
            }
            let field = name.strip_prefix("pledge1_").unwrap_or(name);
            match field {
                "area" => (
                    "履职承诺 N 的领域:party_building(党建)、innovation(创新创优)、key_work(重点工作)",
                    "pledge N's area: party_building, innovation or key_work",
                ),
                "title" => ("履职承诺 N 的内容", "pledge N's title"),
                "grade" => (
                    "承诺等级 A、B 或 C(或填下面三项评分)",
                    "grade A, B or C (or the three factors below)",
                ),
                "difficulty" => ("难度评分", "difficulty factor"),
                "innovation" => ("创新度评分", "innovation factor"),
                "contribution" => ("贡献度评分", "contribution factor"),
                "q1" | "q2" | "q3" | "q4" => (
                    "季度得分 0–100;未评分则留空",
                    "quarter score 0–100; empty while not scored",
                ),
                _ => ("", ""),
            }
        }
    };
    (zh.to_string(), en.to_string())
}

/// The template: a first sheet explaining every column (in Chinese and English), the officials'
/// sheet with the header, `example` as one row and drop-down lists for the enumerations, and a
/// sheet listing the rule set's positive and negative items. Filled in and imported, it reads
/// as a cohort ([`super::read`] passes over the explanatory sheet).
pub fn template(example: &Dossier, rules: &RuleSet) -> Result<Vec<u8>, WriteError> {
    let mut book = Workbook::new();
    let (header, rows) = cohort_table(std::slice::from_ref(example));

    let about = book.add_worksheet();
    about.set_name("说明 About")?;
    let title = Format::new().set_bold().set_font_size(14);
    about.write_string_with_format(0, 0, "干部名单模板 · Cohort template", &title)?;
    let notes = [
        "在“名单 Officials”表中每行填写一位干部;第一行为列名,请勿修改。空白单元格表示“未知”,按规则预估。",
        "One official per row on the “名单 Officials” sheet; the first row holds the column names: keep them. An empty cell means “not known” and is projected under the rules.",
        "每项承诺占一组列(pledge1_…、pledge2_…);需要更多承诺时,照样增加 pledge4_area … pledge4_q4 等列。",
        "Each pledge is a group of columns (pledge1_…, pledge2_…); for more pledges add pledge4_area … pledge4_q4 the same way.",
        "导入时逐格检查,任何问题都会指出行和列,文件有误则不导入任何内容。",
        "Every cell is checked on import; each problem is reported by row and column, and nothing is imported unless the whole sheet is valid.",
    ];
    for (i, note) in notes.iter().enumerate() {
        about.write_string(1 + i as u32, 0, *note)?;
    }
    let start = 2 + notes.len() as u32;
    let bold = header_format();
    for (c, h) in ["列名 column", "说明", "meaning"].iter().enumerate() {
        about.write_string_with_format(start, c as u16, *h, &bold)?;
    }
    let described: Vec<&String> = header
        .iter()
        .filter(|h| !h.starts_with("pledge") || h.starts_with("pledge1_"))
        .collect();
    for (i, name) in described.iter().enumerate() {
        let (zh, en) = describe(name);
        let r = start + 1 + i as u32;
        let shown = match name.strip_prefix("pledge1_") {
            Some(field) => format!("pledgeN_{field}"),
            None => name.to_string(),
        };
        about.write_string(r, 0, shown)?;
        about.write_string(r, 1, zh)?;
        about.write_string(r, 2, en)?;
    }
    about.set_column_width(0, 26)?;
    about.set_column_width(1, 70)?;
    about.set_column_width(2, 70)?;

    let sheet = book.add_worksheet();
    sheet.set_name(OFFICIALS)?;
    table(sheet, &header, &rows, 1)?;
    validations(sheet, &header, rules)?;
    sheet.set_active(true);

    let header: Vec<String> = [
        "清单 list",
        "条目 item",
        "中文",
        "English",
        "分值 points",
        "一票否决 veto",
    ]
    .map(String::from)
    .to_vec();
    let mut rows = Vec::new();
    for (list, items) in [
        ("positive", &rules.positive.items),
        ("negative", &rules.negative.items),
    ] {
        for item in items {
            rows.push(vec![
                Out::Text(list.into()),
                Out::Text(item.id.clone()),
                Out::Text(item.zh.clone()),
                Out::Text(item.en.clone()),
                Out::Number(item.points),
                if item.veto {
                    Out::Text("veto".into())
                } else {
                    Out::Empty
                },
            ]);
        }
    }
    let lists = book.add_worksheet();
    lists.set_name("清单 Lists")?;
    table(lists, &header, &rows, 2)?;
    save(book)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counts_twice() {
        assert_eq!(display_width("abc"), 3);
        assert_eq!(display_width("区某局局长"), 10);
        assert_eq!(display_width("一行\n第二行很长"), 10);
    }

    #[test]
    fn number_columns() {
        for name in [
            "year",
            "unit_score",
            "peers_good",
            "public_poor",
            "assume_unit_score",
            "pledge3_q4",
            "pledge1_difficulty",
        ] {
            assert!(is_number_column(name), "{name}");
        }
        for name in [
            "name",
            "post",
            "positive",
            "history",
            "pledge1_title",
            "pledge1_area",
            "pledge1_grade",
            "unit_kind",
        ] {
            assert!(!is_number_column(name), "{name}");
        }
    }
}
