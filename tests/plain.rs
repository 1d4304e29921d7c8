//! The explanation in plain words (`engine::plain`) and the readable reports, in both
//! languages: a sentence per line with its numbers at two decimals, trivial steps merged, each
//! quote once with its translation, illustrative parameters flagged; a projection says what it
//! assumes and words the consequences conditionally; a total above 100 is explained; and
//! English text uses Western punctuation throughout, with no value shown to four decimals.

mod common;

use common::{complete, dossier, scoring};
use dongliang::engine::plain::{self, Line};
use dongliang::engine::{compare, demo, report, Assessment, Dossier, Engine, Lang, RuleSet};
use serde_json::json;

fn traced(d: &Dossier) -> Assessment {
    let rules = RuleSet::default();
    Engine::new(&rules).evaluate_traced(d)
}

fn example(prefix: &str) -> Dossier {
    let rules = RuleSet::default();
    let e = common::examples()
        .into_iter()
        .find(|e| e.name.starts_with(prefix))
        .unwrap();
    e.dossier(&rules)
}

fn lines(d: &Dossier, lang: Lang) -> Vec<Line> {
    plain::explanation(&traced(d), &RuleSet::default(), lang)
}

fn says(lines: &[Line]) -> Vec<&str> {
    lines.iter().map(|l| l.says.as_str()).collect()
}

/// A fresh self-assessment: three B pledges, nothing scored, nothing else entered.
fn blank() -> Dossier {
    let unscored = json!([null, null, null, null]);
    dossier(json!({"pledges": [
        {"area": "party_building", "grade": "B", "quarters": unscored},
        {"area": "innovation", "grade": "B", "quarters": unscored},
        {"area": "key_work", "grade": "B", "quarters": unscored}
    ]}))
}

#[test]
fn example_01_reads_line_by_line_in_chinese() {
    let lines = lines(&example("01-"), Lang::Zh);
    assert_eq!(
        says(&lines),
        [
            "承诺 1:A 级,系数 1.00;四个季度加权平均 93.00 → 得分 93.00。",
            "承诺 2:工作难度 5、创新力度 4、贡献程度 4,合计 13(12 及以上为 A,9 及以上为 B),评为 A 级,系数 1.00;四个季度加权平均 92.50 → 得分 92.50。",
            "承诺 3:B 级,系数 0.90;四个季度加权平均 95.00 → 得分 95.00 × 0.90 = 85.50。",
            "个人履职践诺取 3 项承诺得分的平均:(93.00 + 92.50 + 85.50) ÷ 3 = 90.33。",
            "所在单位综合绩效考核得分 92.00。",
            "区领导 14 票:好 10、较好 3、一般 1,按票值折算平均 92.86。",
            "党政正职互评 30 票:好 20、较好 8、一般 2,按票值折算平均 92.00。",
            "本单位干部 56 票:好 40、较好 10、一般 5、差 1,按票值折算平均 91.07。",
            "服务对象和群众 50 票:好 30、较好 15、一般 5,按票值折算平均 90.00。",
            "多维测评按 4 类测评主体的权重加权平均,得 91.81。",
            "正面清单 P1 +2、P7 +2,共加 4.00 分。",
            "N12 经容错免责,不扣分。",
            "没有一票否决情形,政治素质测评合格。",
            "单位、践诺、测评三项按权重 30%、40%、30% 合计,加上加分 4.00,得 95.28。",
            "总分 95.28 达到“好”的分数线 90,等次为“好”。",
            "评为“好”(连续 3 年):全区通报表扬;职级晋升予以倾斜。",
        ]
    );
    let ids: Vec<&str> = lines.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "pledges[0]",
            "pledges[1]",
            "pledges[2]",
            "pledges",
            "unit",
            "multi.district_leaders",
            "multi.peers",
            "multi.unit_staff",
            "multi.public",
            "multi",
            "bonus",
            "deduction",
            "veto",
            "total",
            "tier",
            "consequences"
        ]
    );
    assert_eq!(
        lines[0].steps,
        ["pledges[0].grade", "pledges[0].fulfilment", "pledges[0].score"]
    );
    assert_eq!(lines[13].steps, ["raw", "total"]);
    assert_eq!(lines[0].detail, "0.25×90 + 0.25×92 + 0.25×94 + 0.25×96 = 93.00");
    assert_eq!(
        lines[2].detail,
        "0.25×95 + 0.25×95 + 0.25×95 + 0.25×95 = 95.00; 95.00 × 0.90 (B) = 85.50"
    );
    assert_eq!(
        lines[13].detail,
        "0.30×92.00 + 0.40×90.33 + 0.30×91.81 + 4.00 − 0.00 = 95.28"
    );
    assert_eq!(
        lines[4].detail, "",
        "a published unit score has no formula to show"
    );
    assert!(lines[0].illustrative && !lines[3].illustrative && !lines[12].illustrative);
}

#[test]
fn example_01_reads_line_by_line_in_english() {
    let lines = lines(&example("01-"), Lang::En);
    let said = says(&lines);
    assert_eq!(
        said[0],
        "Pledge 1: grade A, coefficient 1.00; the weighted mean of the four quarters is 93.00 → score 93.00."
    );
    assert_eq!(
        said[1],
        "Pledge 2: difficulty 5, innovation 4 and contribution 4 make 13 (A from 12, B from 9), so grade A, coefficient 1.00; the weighted mean of the four quarters is 92.50 → score 92.50."
    );
    assert_eq!(
        said[3],
        "The pledges dimension is the mean of the three pledge scores: (93.00 + 92.50 + 85.50) / 3 = 90.33."
    );
    assert_eq!(
        said[5],
        "District leaders cast 14 votes: 10 good, 3 fairly good and 1 average, worth 92.86 on average."
    );
    assert_eq!(
        said[10],
        "Positive-list items P1 (+2) and P7 (+2) add 4.00 points."
    );
    assert_eq!(said[11], "N12 is waived under error tolerance.");
    assert_eq!(
        said[13],
        "The unit, pledges and multi-rater scores, weighted 30%, 40% and 30%, plus a bonus of 4.00, come to 95.28."
    );
    assert_eq!(
        said[14],
        "The total of 95.28 reaches the line for ‘good’ (90): the tier is ‘good’."
    );
    assert_eq!(
        said[15],
        "Rated ‘good’ (3 years running): commended district-wide; priority in rank promotion."
    );
}

#[test]
fn each_quote_is_shown_once_with_its_translation() {
    let rules = RuleSet::default();
    for example in common::examples() {
        let result = traced(&example.dossier(&rules));
        for lang in [Lang::Zh, Lang::En] {
            let lines = plain::explanation(&result, &rules, lang);
            let quotes: Vec<&str> = lines
                .iter()
                .flat_map(|l| &l.quotes)
                .map(|q| q.text.as_str())
                .collect();
            let mut unique = quotes.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(quotes.len(), unique.len(), "{}: {quotes:?}", example.name);
            for q in lines.iter().flat_map(|l| &l.quotes) {
                assert!(
                    q.translation.is_some(),
                    "{}: no translation of {}",
                    example.name,
                    q.text
                );
            }
            let steps = result.trace.as_ref().unwrap();
            let all: Vec<&str> = steps.iter().filter_map(|s| s.quote.as_deref()).collect();
            assert!(
                all.iter().all(|q| quotes.contains(q)),
                "{}: a quote is lost",
                example.name
            );
        }
    }
    // The same pledge quote appears on the first pledge only.
    let lines = lines(&example("01-"), Lang::Zh);
    assert_eq!(lines[0].quotes.len(), 2, "the grades and the quarters");
    assert!(lines[1].quotes.is_empty() && lines[2].quotes.is_empty());
}

#[test]
fn every_trace_step_has_a_sentence_in_both_languages() {
    let rules = RuleSet::default();
    let mut dossiers: Vec<Dossier> = common::examples().iter().map(|e| e.dossier(&rules)).collect();
    dossiers.push(blank());
    for d in &dossiers {
        for step in traced(d).trace.unwrap() {
            assert!(
                step.says_zh.ends_with('。') && step.says_en.ends_with('.'),
                "{}: {:?} / {:?}",
                step.id,
                step.says_zh,
                step.says_en
            );
        }
    }
}

#[test]
fn a_blank_dossier_says_what_it_assumes_and_words_its_consequences_conditionally() {
    let rules = RuleSet::default();
    let result = traced(&blank());
    assert_eq!((result.total, result.projected), (79.8, true));
    assert_eq!(
        plain::projection_note(&result, Lang::Zh).unwrap(),
        "推算 · 假设未评的 12 个季度 80、单位绩效 85、测评 85"
    );
    assert_eq!(
        plain::projection_note(&result, Lang::En).unwrap(),
        "Projected · assuming 12 unscored quarters at 80, a unit score of 85 and votes of 85"
    );
    assert_eq!(
        plain::consequences_sentence(&result, &rules, Lang::Zh),
        "若最终评为“一般”:诫勉处理;下一年内原则上不得晋升职务职级。"
    );
    assert_eq!(
        plain::consequences_sentence(&result, &rules, Lang::En),
        "If the final tier is ‘average’: admonishment; no promotion in post or rank in the next year, in principle."
    );
    let zh = lines(&blank(), Lang::Zh);
    assert_eq!(
        zh[0].says,
        "承诺 1:B 级,系数 0.90;尚无季度得分,四个季度均按默认推算值 80.00 推算,加权平均 80.00 → 得分 80.00 × 0.90 = 72.00。"
    );
    let said = says(&zh);
    assert!(
        said.contains(&"未申报正面清单条目,不加分。未记录负面清单条目,不扣分。"),
        "{said:?}"
    );
    assert!(said.contains(&"推算总分 79.80 达到“一般”的分数线 70,未达“较好”的 80,推算等次为“一般”。"));
    assert!(said.contains(&"所在单位综合绩效尚未公布,按默认推算值 85.00 计。"));
    let en = lines(&blank(), Lang::En);
    let said = says(&en);
    assert!(said.contains(
        &"The projected total of 79.80 reaches the line for ‘average’ (70) but not the 80 for ‘fairly good’: the projected tier is ‘average’."
    ));
    assert!(
        said.contains(&"No votes yet: the default projection of 85.00 is used for the multi-rater score.")
    );
    assert_eq!(
        zh.iter().find(|l| l.id == "lists").unwrap().steps,
        ["bonus", "deduction"]
    );

    // Nothing assumed: no marker, and the consequences are stated, not conditional.
    let result = traced(&example("01-"));
    assert_eq!(plain::projection_note(&result, Lang::Zh), None);
    assert!(plain::consequences_sentence(&result, &rules, Lang::Zh).starts_with("评为“好”"));
}

#[test]
fn a_vetoed_projection_names_the_cause_and_the_cap() {
    let rules = RuleSet::default();
    let result = traced(&example("02-"));
    let zh = plain::explanation(&result, &rules, Lang::Zh);
    let en = plain::explanation(&result, &rules, Lang::En);
    let find = |lines: &[Line], id: &str| lines.iter().find(|l| l.id == id).unwrap().says.clone();
    assert_eq!(
        find(&zh, "veto"),
        "一票否决:N7(在关键时刻退缩不前、敷衍塞责),取消评优资格,等次最高为“较好”。"
    );
    assert_eq!(
        find(&en, "veto"),
        "Vetoed for N7 (shrank back at critical moments, or shirked responsibility): disqualified from the top tier, so the tier is at most ‘fairly good’."
    );
    assert_eq!(
        find(&zh, "tier"),
        "推算总分 90.76 按分数可评“好”,但一票否决封顶,推算等次为“较好”。"
    );
    assert_eq!(
        find(&en, "deduction"),
        "Negative-list item N9 (−2) deducts 2.00 points; N7 is a veto item and deducts nothing."
    );
    assert_eq!(
        find(&en, "pledges[0]"),
        "Pledge 1: grade B, coefficient 0.90; 2 of 4 quarters scored, the other 2 projected at 88.00 (the mean of its scored quarters), weighted mean 88.00 → score 88.00 × 0.90 = 79.20."
    );
    assert_eq!(
        find(&en, "bonus"),
        "Positive-list items P2 (+1), P3 (+2), P5 (+1) and P8 (+1 × 2) come to 6 points, above the cap of 5: the bonus is 5.00."
    );
    assert_eq!(
        find(&en, "consequences"),
        "If the final tier is ‘fairly good’: no commendation and no sanction."
    );
    let veto = zh.iter().find(|l| l.id == "veto").unwrap();
    assert!(veto.quotes[0].text.contains("一票否决"));
    assert!(veto.quotes[0]
        .translation
        .as_deref()
        .unwrap()
        .contains("one-vote veto"));
}

#[test]
fn a_single_pledge_and_a_single_voting_group_join_their_dimension() {
    let d = dossier(json!({"unit_score": 90, "pledges": [
        {"area": "key_work", "grade": "A", "quarters": [90, 90, 90, 90]}
    ], "votes": {"district_leaders": {"good": 9, "fairly_good": 1}}}));
    let zh = lines(&d, Lang::Zh);
    assert_eq!(
        zh[0].says,
        "承诺 1:A 级,系数 1.00;四个季度加权平均 90.00 → 得分 90.00。只有 1 项承诺,个人履职践诺即为其得分 90.00。"
    );
    assert_eq!(zh[0].steps.last().unwrap(), "pledges");
    let multi = zh.iter().find(|l| l.id == "multi").unwrap();
    assert_eq!(multi.steps, ["multi.district_leaders", "multi"]);
    assert_eq!(
        multi.says,
        "区领导 10 票:好 9、较好 1,按票值折算平均 98.00。只有区领导投票,多维测评即为其得分 98.00。"
    );
    let en = lines(&d, Lang::En);
    let multi = en.iter().find(|l| l.id == "multi").unwrap();
    assert_eq!(
        multi.says,
        "District leaders cast 10 votes: 9 good and 1 fairly good, worth 98.00 on average. Only district leaders voted, so the multi-rater score is theirs: 98.00."
    );
}

#[test]
fn a_total_above_100_is_explained_where_it_appears() {
    let rules = RuleSet::default();
    let d = dossier(scoring(
        "满分",
        100.0,
        json!({"positive": [{"item": "P1"}, {"item": "P3"}], "votes": {"public": {"good": 20}}, "assumptions": {}}),
    ));
    let result = traced(&d);
    assert_eq!(result.total, 104.0);
    let zh = plain::explanation(&result, &rules, Lang::Zh);
    let total = zh.iter().find(|l| l.id == "total").unwrap();
    assert_eq!(
        total.says,
        "单位、践诺、测评三项按权重 30%、40%、30% 合计,加上加分 4.00,得 104.00。总分 104.00 超过 100:正面清单的加分项使总分超过 100。"
    );
    let en = plain::explanation(&result, &rules, Lang::En);
    let total = en.iter().find(|l| l.id == "total").unwrap();
    assert!(
        total.says.ends_with(
            "The total of 104.00 is above 100: bonus points from the positive list take it past 100."
        ),
        "{}",
        total.says
    );
    assert_eq!(
        plain::total_note(&result, Lang::En),
        Some("The total is above 100: bonus points from the positive list can take a total past 100.")
    );
    assert_eq!(plain::total_note(&traced(&example("01-")), Lang::En), None);
    let text = report::assessment(&d, &result, &rules, Lang::Zh);
    assert!(
        text.contains("总分超过 100:正面清单的加分项使总分可以超过 100。"),
        "{text}"
    );

    // Clamped at zero: the sentence says why the total is 0.
    let zero = dossier(scoring("零分", 0.0, json!({"negative": [{"item": "N2"}]})));
    let en = lines(&zero, Lang::En);
    let total = en.iter().find(|l| l.id == "total").unwrap();
    assert!(
        total
            .says
            .ends_with("The weighted sum of −3.00 is below 0, so the projected total is 0.00."),
        "{}",
        total.says
    );
}

#[test]
fn one_year_reads_as_one_year() {
    let rules = RuleSet::default();
    let mut value = complete();
    value["history"] = json!(["fairly_good"]);
    let result = traced(&dossier(value));
    let en = plain::consequences_sentence(&result, &rules, Lang::En);
    assert_eq!(en, "Rated ‘good’: commended district-wide.");
    let step = result
        .trace
        .unwrap()
        .into_iter()
        .find(|s| s.id == "consequences")
        .unwrap();
    assert_eq!(step.note_en.unwrap(), "this year ‘good’: commended district-wide");
}

/// Every string a reader of English sees for a dossier: the trace's English fields, the
/// explanation, the phrases and the report.
fn english_of(d: &Dossier, rules: &RuleSet) -> Vec<String> {
    let engine = Engine::new(rules);
    let result = engine.evaluate_traced(d);
    let mut out = Vec::new();
    for s in result.trace.as_ref().unwrap() {
        out.push(s.label_en.clone());
        out.push(s.says_en.clone());
        out.push(s.formula_shown(Lang::En).to_string());
        out.push(s.shown(Lang::En).to_string());
        out.extend(s.note_en.clone());
        out.extend(s.quote_en.clone());
    }
    for line in plain::explanation(&result, rules, Lang::En) {
        out.extend([line.label, line.says, line.detail]);
        out.extend(line.quotes.iter().map(|q| plain::quote_text(q, rules, Lang::En)));
    }
    out.extend(plain::projection_note(&result, Lang::En));
    out.push(plain::consequences_sentence(&result, rules, Lang::En));
    out.extend(result.warnings.iter().map(|w| w.message(Lang::En)));
    out.push(report::assessment(d, &result, rules, Lang::En));
    let what_if = engine.what_if(d);
    out.push(report::what_if(&what_if, rules, Lang::En));
    out.push(plain::held_fixed(&what_if, Lang::En));
    out
}

/// Chinese punctuation that has no place in English text: curly double quotes and title marks
/// (which render full-width in Chinese fonts), and the full-width comma, full stop, colon,
/// semicolon, parentheses, enumeration comma and exclamation mark.
const FULL_WIDTH: [char; 12] = [
    '\u{201c}', '\u{201d}', '\u{300a}', '\u{300b}', '\u{ff0c}', '\u{3002}', '\u{ff1a}', '\u{ff1b}',
    '\u{ff08}', '\u{ff09}', '\u{3001}', '\u{ff01}',
];

fn full_width_in(text: &str) -> Option<char> {
    text.chars().find(|c| FULL_WIDTH.contains(c))
}

/// A number written with three or more decimals (`90.3333`).
fn long_decimal_in(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if *c == '.' && i > 0 && chars[i - 1].is_ascii_digit() {
            let digits = chars[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if digits >= 3 {
                return Some(chars[i.saturating_sub(3)..(i + 1 + digits)].iter().collect());
            }
        }
    }
    None
}

#[test]
fn english_text_uses_western_punctuation_and_two_decimals() {
    let rules = RuleSet::default();
    let mut dossiers: Vec<Dossier> = common::examples().iter().map(|e| e.dossier(&rules)).collect();
    dossiers.push(blank());
    dossiers.push(dossier(scoring(
        "满分",
        100.0,
        json!({"positive": [{"item": "P1"}]}),
    )));
    let mut texts: Vec<String> = dossiers.iter().flat_map(|d| english_of(d, &rules)).collect();
    let cohort = demo::cohort(2023, 98, 2023).officials;
    let engine = Engine::new(&rules);
    texts.push(report::ranking(&engine.rank(&cohort), &rules, Lang::En));
    texts.push(report::rule_set(&rules, Lang::En));
    let mut variant: serde_json::Value = serde_json::to_value(&rules).unwrap();
    variant["tiers"]["thresholds"][0]["min"] = json!(88.0);
    let variant = RuleSet::from_json(&variant.to_string()).unwrap();
    let c = compare::compare(&cohort, &engine, &Engine::new(&variant));
    assert!(!c.movers.is_empty());
    texts.push(report::comparison(&c, &rules, &variant, Lang::En));
    for quote in [
        &rules.dimensions.basis,
        &rules.tiers.basis,
        &rules.veto.basis,
        &rules.consequences.basis,
    ] {
        texts.extend(quote.quote_en.clone());
    }
    for text in &texts {
        // Names in the demo and the examples are Chinese data; they carry no punctuation.
        if let Some(c) = full_width_in(text) {
            panic!("full-width {c:?} in English text:\n{text}");
        }
        if let Some(n) = long_decimal_in(text) {
            panic!("{n:?} has more than two decimals in:\n{text}");
        }
    }
    assert!(!texts.iter().any(|t| t.contains("(s)")), "no “(s)” plurals");
    assert!(texts.iter().any(|t| t.contains("(fictional)")));
    assert!(!texts.iter().any(|t| t.contains("虚构")));
}

#[test]
fn chinese_text_shows_no_value_to_four_decimals() {
    let rules = RuleSet::default();
    let engine = Engine::new(&rules);
    for example in common::examples() {
        let d = example.dossier(&rules);
        let result = engine.evaluate_traced(&d);
        let mut texts = vec![
            report::assessment(&d, &result, &rules, Lang::Zh),
            report::what_if(&engine.what_if(&d), &rules, Lang::Zh),
        ];
        for s in result.trace.as_ref().unwrap() {
            texts.extend([
                s.says_zh.clone(),
                s.formula_shown(Lang::Zh).to_string(),
                s.result.clone(),
            ]);
        }
        for text in texts {
            assert_eq!(long_decimal_in(&text), None, "{}:\n{text}", example.name);
        }
    }
}

#[test]
fn every_quote_of_the_default_rules_has_an_english_translation() {
    let rules = RuleSet::default();
    let value = serde_json::to_value(&rules).unwrap();
    let mut missing = Vec::new();
    let mut count = 0;
    fn walk(v: &serde_json::Value, path: &str, missing: &mut Vec<String>, count: &mut usize) {
        match v {
            serde_json::Value::Object(map) => {
                if map.contains_key("quote") {
                    *count += 1;
                    match map.get("quote_en").and_then(|q| q.as_str()) {
                        Some(en) if full_width_in(en).is_none() && !en.is_empty() => {}
                        _ => missing.push(path.to_string()),
                    }
                }
                for (k, v) in map {
                    walk(v, &format!("{path}.{k}"), missing, count);
                }
            }
            serde_json::Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    walk(v, &format!("{path}[{i}]"), missing, count);
                }
            }
            _ => {}
        }
    }
    walk(&value, "", &mut missing, &mut count);
    assert!(missing.is_empty(), "{missing:?}");
    assert_eq!(count, 26);
    assert_eq!(
        plain::source_line(&rules, Lang::En),
        "Qingdao Daily, 2023-03-23, page 9, Happy Shibei"
    );
    assert_eq!(
        plain::source_line(&rules, Lang::Zh),
        "《青岛日报》2023-03-23 第09版 幸福市北"
    );
}
