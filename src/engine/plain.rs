//! The explanation in plain words, as every front end shows it (the app's explanation tab,
//! the print report, the presenter, the comparison and the CLI's `--text` report): one line per
//! idea — a sentence an official can read aloud with its numbers to two decimals, the formula
//! kept as a detail, the article's wording (once per rule) with its English translation, and a
//! flag where the line rests on illustrative default parameters. Also the short phrases that
//! say what a projection assumes, the consequences worded conditionally when the result is
//! projected, and what a reverse what-if holds fixed.
//!
//! ```
//! use dongliang::engine::{plain, Dossier, Engine, Lang, RuleSet};
//!
//! let rules = RuleSet::default();
//! let json = r#"{"pledges": [{"area": "key_work", "grade": "A", "quarters": [92, 95, 90, 93]}]}"#;
//! let dossier = Dossier::from_json(json, &rules).unwrap();
//! let result = Engine::new(&rules).evaluate_traced(&dossier);
//! let lines = plain::explanation(&result, &rules, Lang::Zh);
//! assert_eq!(
//!     lines[0].says,
//!     "承诺 1:A 级,系数 1.00;四个季度加权平均 92.50 → 得分 92.50。只有 1 项承诺,个人履职践诺即为其得分 92.50。"
//! );
//! assert_eq!(
//!     plain::projection_note(&result, Lang::En).unwrap(),
//!     "Projected · assuming a unit score of 85 and votes of 85"
//! );
//! ```

use serde::{Deserialize, Serialize};

use super::assessment::{Assessment, AssumedInput};
use super::ids::Tier;
use super::rules::RuleSet;
use super::text::Lang;
use super::trace::Step;
use super::whatif::WhatIf;

mod finish;
pub mod words;

pub(crate) use finish::finish;
use words::{and_list, join_sentences, short, zh_list};

/// The article's wording a line rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The article's words (Chinese).
    pub text: String,
    /// Our English translation, where the rule set has one: label it as a translation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translation: Option<String>,
}

/// One line of the readable explanation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Line {
    /// What the line is about: `pledges[0]`, `pledges`, `unit`, `multi.peers`, `multi`, `lists`,
    /// `bonus`, `deduction`, `veto`, `total`, `tier`, `consequences`.
    pub id: String,
    /// A short heading: `承诺 1`, `Unit performance`.
    pub label: String,
    /// The sentence to read aloud, with its numbers.
    pub says: String,
    /// The formula with its numbers, for those who want it; empty when it would only repeat
    /// the sentence.
    pub detail: String,
    /// The article's wording the line rests on, each quote only the first time the
    /// explanation meets it (so a rule's wording is shown once, not once per pledge).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<Quote>,
    /// True when the line rests on illustrative default parameters.
    pub illustrative: bool,
    /// The ids of the trace steps the line covers, in order.
    pub steps: Vec<String>,
}

/// The readable explanation of a traced assessment ([`super::Engine::evaluate_traced`]):
/// trivial steps merged into their neighbours (a pledge's grade, quarters and score make one
/// line; a single pledge or a single voting group joins its dimension; lists with nothing on
/// them make one line; the weighted sum and the total make one), each quote shown once.
/// Empty when the assessment carries no trace.
pub fn explanation(result: &Assessment, rules: &RuleSet, lang: Lang) -> Vec<Line> {
    let steps = result.trace.as_deref().unwrap_or_default();
    let mut lines: Vec<Line> = Vec::new();
    let mut quoted: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < steps.len() {
        let (size, says) = group_at(steps, i);
        let members = &steps[i..i + size];
        let mut line = line_of(members, says, lang);
        for step in members {
            let Some(text) = step.quote.as_deref().filter(|q| !quoted.contains(q)) else {
                continue;
            };
            quoted.push(text);
            line.quotes.push(Quote {
                text: text.to_string(),
                translation: step.quote_en.clone().or_else(|| translation_of(rules, text)),
            });
        }
        lines.push(line);
        i += size;
    }
    lines
}

/// The rule set's translation of a quote, for a trace recorded without one.
fn translation_of(rules: &RuleSet, text: &str) -> Option<String> {
    let bases = [
        &rules.dimensions.basis,
        &rules.areas.basis,
        &rules.grades.basis,
        &rules.grading.basis,
        &rules.quarters.basis,
        &rules.pledge_count.basis,
        &rules.raters.basis,
        &rules.positive.basis,
        &rules.negative.basis,
        &rules.tolerance.basis,
        &rules.political_quality.basis,
        &rules.tiers.basis,
        &rules.veto.basis,
        &rules.quota.basis,
        &rules.honour.basis,
        &rules.projection.basis,
        &rules.consequences.basis,
    ];
    let from_basis = bases
        .iter()
        .find(|b| b.quote.as_deref() == Some(text))
        .and_then(|b| b.quote_en.clone());
    let from_items = || {
        let items = rules.positive.items.iter().chain(&rules.negative.items);
        let mut items = items.filter(|i| i.quote.as_deref() == Some(text));
        items.find_map(|i| i.quote_en.clone())
    };
    let from_consequences = || {
        let mut items = rules.consequences.items.iter().filter(|c| c.quote == text);
        items.find_map(|c| c.quote_en.clone())
    };
    from_basis.or_else(from_items).or_else(from_consequences)
}

/// Whose sentences make a line's sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Says {
    /// Every member's, in order.
    All,
    /// The last member's (it sums up the others).
    Last,
    /// The last two members' (a pledge's summary and its dimension).
    LastTwo,
    /// The first member's, and the last one's only when it has a note.
    FirstAndNoted,
}

/// How many steps from `i` make one line, and whose sentences it reads.
fn group_at(steps: &[Step], i: usize) -> (usize, Says) {
    let id = steps[i].id.as_str();
    let next = |k: usize| steps.get(i + k).map(|s| s.id.as_str());
    if let Some(pledge) = id.strip_suffix(".grade") {
        let prefix = format!("{pledge}.");
        let mut n = 1;
        while next(n).is_some_and(|s| s.starts_with(&prefix)) {
            n += 1;
        }
        let single = pledge == "pledges[0]" && next(n) == Some("pledges");
        return if single {
            (n + 1, Says::LastTwo)
        } else {
            (n, Says::Last)
        };
    }
    if id.starts_with("multi.") {
        let alone = next(1) == Some("multi") && (i == 0 || !steps[i - 1].id.starts_with("multi."));
        return (if alone { 2 } else { 1 }, Says::All);
    }
    let empty = |s: &Step| s.formula == s.result && s.note_zh.is_none() && s.result == "0.00";
    if id == "bonus" && next(1) == Some("deduction") && empty(&steps[i]) && empty(&steps[i + 1]) {
        return (2, Says::All);
    }
    if id == "raw" && next(1) == Some("total") {
        return (2, Says::FirstAndNoted);
    }
    (1, Says::All)
}

fn line_of(members: &[Step], says: Says, lang: Lang) -> Line {
    let n = members.len();
    let read: Vec<&Step> = match says {
        Says::All => members.iter().collect(),
        Says::Last => vec![&members[n - 1]],
        Says::LastTwo => members[n.saturating_sub(2)..].iter().collect(),
        Says::FirstAndNoted if members[n - 1].note_zh.is_some() => vec![&members[0], &members[n - 1]],
        Says::FirstAndNoted => vec![&members[0]],
    };
    let sentences: Vec<&str> = read.iter().map(|s| s.said(lang)).collect();
    // A formula without arithmetic (`92`, `95*`, `N7`) only repeats the sentence, and a step
    // whose result is its predecessor's (a score at coefficient 1.00) adds nothing.
    let arithmetic = |f: &str| f.contains(['+', '−', '×', '/', '=', '→', '≥', '≤', '<']);
    let details: Vec<&str> = members
        .iter()
        .enumerate()
        .filter(|(k, s)| *k == 0 || s.result != members[k - 1].result)
        .map(|(_, s)| s.formula_shown(lang))
        .filter(|f| arithmetic(f))
        .collect();
    let (id, label) = line_name(members, lang);
    Line {
        id,
        label,
        says: join_sentences(&sentences, lang),
        detail: details.join("; "),
        quotes: Vec::new(),
        illustrative: members.iter().any(|s| s.illustrative),
        steps: members.iter().map(|s| s.id.clone()).collect(),
    }
}

fn line_name(members: &[Step], lang: Lang) -> (String, String) {
    let first = &members[0];
    let label = |zh: &str, en: &str| lang.pick(zh, en).to_string();
    if let Some(pledge) = first.id.strip_suffix(".grade") {
        let n = pledge
            .trim_start_matches("pledges[")
            .trim_end_matches(']')
            .parse::<usize>()
            .unwrap_or_default();
        return (
            pledge.to_string(),
            format!("{} {}", label("承诺", "Pledge"), n + 1),
        );
    }
    match (first.id.as_str(), members.len()) {
        ("bonus", 2) => ("lists".into(), label("正负面清单", "Positive and negative lists")),
        ("raw", _) => ("total".into(), label("总分", "Total")),
        (id, n) if id.starts_with("multi.") && n == 2 => (
            "multi".into(),
            lang.pick(&members[1].label_zh, &members[1].label_en).into(),
        ),
        (id, _) => (id.to_string(), lang.pick(&first.label_zh, &first.label_en).into()),
    }
}

/// The article cited by the rules, as a reader of `lang` names it:
/// `《青岛日报》2023-03-23 第09版 幸福市北` / `Qingdao Daily, 2023-03-23, page 9, Happy Shibei`.
pub fn source_line(rules: &RuleSet, lang: Lang) -> String {
    let s = &rules.source;
    match lang {
        Lang::Zh => format!("《{}》{} {}", s.publication, s.date, s.page),
        Lang::En => format!(
            "{}, {}, {}",
            s.publication_en.as_deref().unwrap_or(&s.publication),
            s.date,
            s.page_en.as_deref().unwrap_or(&s.page)
        ),
    }
}

/// A quote as a line of text: the article's words in Chinese; in English our translation,
/// marked as one (`Qingdao Daily, translated: "…"`), or the note that there is none.
pub fn quote_text(quote: &Quote, rules: &RuleSet, lang: Lang) -> String {
    let s = &rules.source;
    match (lang, &quote.translation) {
        (Lang::Zh, _) => format!("《{}》:“{}”", s.publication, quote.text),
        (Lang::En, Some(en)) => format!(
            "{}, translated: \"{en}\"",
            s.publication_en.as_deref().unwrap_or("The article")
        ),
        (Lang::En, None) => format!(
            "{} (quoted in Chinese, no translation in these rules)",
            s.publication_en.as_deref().unwrap_or("The article")
        ),
    }
}

/// An assumed input's field in words: `承诺 1 第 3 季度`, `单位绩效`, `测评` /
/// `pledge 1, Q3`, `unit score`, `votes`.
pub fn input_name(path: &str, lang: Lang) -> String {
    let index = |s: &str| s.trim_end_matches(']').parse::<usize>().ok();
    if let Some(rest) = path.strip_prefix("pledges[") {
        let mut parts = rest.split("].quarters[");
        if let (Some(p), Some(q)) = (parts.next().and_then(index), parts.next().and_then(index)) {
            return match lang {
                Lang::Zh => format!("承诺 {} {}", p + 1, words::quarter(q, lang)),
                Lang::En => format!("pledge {}, {}", p + 1, words::quarter(q, lang)),
            };
        }
    }
    match path {
        "unit_score" => lang.pick("单位绩效", "unit score").into(),
        "votes" => lang.pick("测评", "votes").into(),
        other => other.into(),
    }
}

/// Where an assumed value came from, in words.
pub fn basis_words(basis: &str, lang: Lang) -> &'static str {
    match basis {
        "assumption" => lang.pick("设定的假设", "your assumption"),
        "scored_mean" => lang.pick("已评季度的平均", "the mean of the scored quarters"),
        _ => lang.pick("默认推算值", "the default projection"),
    }
}

/// What a projection assumes, in one short phrase: `假设单位绩效 85、测评 85` /
/// `assuming a unit score of 85 and votes of 85`; `None` when nothing is assumed.
pub fn assumed_phrase(inputs: &[AssumedInput], lang: Lang) -> Option<String> {
    let quarters: Vec<&AssumedInput> = inputs.iter().filter(|a| a.path.starts_with("pledges[")).collect();
    let (mut zh, mut en) = (Vec::new(), Vec::new());
    if !quarters.is_empty() {
        let n = quarters.len();
        let by_mean = quarters.iter().any(|a| a.basis == "scored_mean");
        let other = quarters.iter().find(|a| a.basis != "scored_mean");
        let some = words::count(n, "unscored quarter", "unscored quarters");
        match (by_mean, other) {
            (false, Some(a)) => {
                zh.push(format!("未评的 {n} 个季度 {}", short(a.value)));
                en.push(format!("{some} at {}", short(a.value)));
            }
            (true, None) => {
                zh.push(format!("未评的 {n} 个季度按各承诺已评季度平均"));
                en.push(format!("{some} at each pledge's mean so far"));
            }
            (_, Some(a)) => {
                zh.push(format!(
                    "未评的 {n} 个季度按各承诺已评季度平均(尚无评分的按 {})",
                    short(a.value)
                ));
                en.push(format!(
                    "{some} at each pledge's mean so far ({} where a pledge has none)",
                    short(a.value)
                ));
            }
            (false, None) => {}
        }
    }
    for a in inputs.iter().filter(|a| !a.path.starts_with("pledges[")) {
        match a.path.as_str() {
            "unit_score" => {
                zh.push(format!("单位绩效 {}", short(a.value)));
                en.push(format!("a unit score of {}", short(a.value)));
            }
            "votes" => {
                zh.push(format!("测评 {}", short(a.value)));
                en.push(format!("votes of {}", short(a.value)));
            }
            other => {
                zh.push(format!("{other} {}", short(a.value)));
                en.push(format!("{other} at {}", short(a.value)));
            }
        }
    }
    if zh.is_empty() {
        return None;
    }
    Some(match lang {
        Lang::Zh => format!("假设{}", zh_list(&zh)),
        Lang::En => format!("assuming {}", and_list(&en)),
    })
}

/// The projection marker for a headline: `推算 · 假设单位绩效 85、测评 85` /
/// `Projected · assuming a unit score of 85 and votes of 85`; `None` when nothing is assumed.
pub fn projection_note(result: &Assessment, lang: Lang) -> Option<String> {
    if !result.projected {
        return None;
    }
    let phrase = assumed_phrase(&result.assumed_inputs, lang)?;
    Some(format!("{} · {phrase}", lang.pick("推算", "Projected")))
}

/// Why a total is above 100, for wherever the total is shown: `None` up to 100.
pub fn total_note(result: &Assessment, lang: Lang) -> Option<&'static str> {
    (result.total > 100.0).then(|| {
        lang.pick(
            "总分超过 100:正面清单的加分项使总分可以超过 100。",
            "The total is above 100: bonus points from the positive list can take a total past 100.",
        )
    })
}

/// The consequences of the tier as a sentence, conditional when the result is projected:
/// `若最终评为“一般”:诫勉处理;下一年内原则上不得晋升职务职级。` /
/// `If the final tier is ‘average’: admonishment; no promotion in post or rank in the next
/// year, in principle.`
pub fn consequences_sentence(result: &Assessment, rules: &RuleSet, lang: Lang) -> String {
    let names: Vec<String> = result
        .consequences
        .iter()
        .map(|c| match (rules.consequence_text(c.id()), lang) {
            (Some(t), Lang::Zh) => t.zh.clone(),
            (Some(t), Lang::En) => words::lower_first(&t.en),
            (None, Lang::Zh) => c.zh().to_string(),
            (None, Lang::En) => words::lower_first(c.en()),
        })
        .collect();
    let years = result.consecutive_years;
    let tier = words::tier(result.tier, lang);
    match lang {
        Lang::Zh => {
            let streak = if years > 1 {
                format!("(连续 {years} 年)")
            } else {
                String::new()
            };
            let head = if result.projected {
                "若最终评为"
            } else {
                "评为"
            };
            let list = if names.is_empty() {
                "无表扬,也无处理".to_string()
            } else {
                names.join(";")
            };
            format!("{head}{tier}{streak}:{list}。")
        }
        Lang::En => {
            let streak = if years > 1 {
                format!(" ({years} years running)")
            } else {
                String::new()
            };
            let head = if result.projected {
                format!("If the final tier is {tier}{streak}")
            } else {
                format!("Rated {tier}{streak}")
            };
            let list = if names.is_empty() {
                "no commendation and no sanction".to_string()
            } else {
                names.join("; ")
            };
            format!("{head}: {list}.")
        }
    }
}

/// What the score needed on the unscored quarters holds fixed: the assumed unit score and
/// votes, and everything else as entered — `假设单位绩效 85、测评 85 不变,其余按已填写` /
/// `holding the unit score at 85 and the votes at 85, everything else as entered`.
pub fn held_fixed(report: &WhatIf, lang: Lang) -> String {
    let (mut zh, mut en) = (Vec::new(), Vec::new());
    for a in &report.held_fixed {
        let v = short(a.value);
        match a.path.as_str() {
            "unit_score" => {
                zh.push(format!("单位绩效 {v}"));
                en.push(format!("the unit score at {v}"));
            }
            "votes" => {
                zh.push(format!("测评 {v}"));
                en.push(format!("the votes at {v}"));
            }
            other => {
                zh.push(format!("{other} {v}"));
                en.push(format!("{other} at {v}"));
            }
        }
    }
    match (lang, zh.is_empty()) {
        (Lang::Zh, true) => "其余按已填写".into(),
        (Lang::Zh, false) => format!("假设{} 不变,其余按已填写", zh_list(&zh)),
        (Lang::En, true) => "everything else as entered".into(),
        (Lang::En, false) => format!("holding {}, everything else as entered", and_list(&en)),
    }
}

/// A tier's name in the quotation marks of `lang` (`“好”`, `‘good’`).
pub fn tier_quoted(tier: Tier, lang: Lang) -> String {
    words::tier(tier, lang)
}
