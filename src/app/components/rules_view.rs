//! 规则: the rule set in force — every parameter with the article's words it rests on, or a
//! mark saying it is an illustrative default — and the rule set's name, version and hash.

use yew::prelude::*;

use super::quote::Quote;
use crate::app::hooks::use_app_state;
use crate::app::i18n;
use crate::engine::rules::Basis;
use crate::engine::text::fmt_num;
use crate::engine::{Lang, Tier};

#[function_component(RulesView)]
pub fn rules_view() -> Html {
    let state = use_app_state();
    let (lang, rules) = (state.lang, state.rules.clone());
    let hash = use_memo(rules.clone(), |rules| rules.content_hash());
    let source = i18n::source_line(&rules);
    let group = |zh: &str, en: &str, values: String, basis: &Basis| {
        let note = if lang == Lang::Zh {
            basis.note_zh.clone()
        } else {
            basis.note_en.clone()
        };
        let (class, tag) = if basis.illustrative {
            (
                "tag illustrative",
                lang.pick("示例默认值", "illustrative default"),
            )
        } else {
            ("tag sourced", lang.pick("出自原文", "from the article"))
        };
        html! {
            <section class="rule">
                <h2>{ lang.pick(zh, en) }<span {class}>{ tag }</span></h2>
                <p class="num">{ values }</p>
                if let Some(n) = note { <p class="muted">{ n }</p> }
                if let Some(q) = &basis.quote { <Quote text={q.clone()} source={source.clone()} /> }
            </section>
        }
    };
    // "label value · label value …" in the chosen language.
    let pairs = |items: &[(&str, &str, f64)]| -> String {
        let parts: Vec<String> = items
            .iter()
            .map(|(zh, en, x)| format!("{} {}", lang.pick(zh, en), fmt_num(*x)))
            .collect();
        parts.join(" · ")
    };
    let w = rules.dimensions.weights;
    let c = rules.grades.coefficients;
    let g = &rules.grading;
    let v = rules.raters.vote_values;
    let p = &rules.projection;
    let raters: Vec<(&str, &str, f64)> = rules
        .raters
        .groups
        .iter()
        .map(|r| (r.zh.as_str(), r.en.as_str(), r.weight))
        .collect();
    let tiers: Vec<String> = [Tier::Good, Tier::FairlyGood, Tier::Average]
        .iter()
        .map(|t| format!("{} ≥ {}", i18n::tier(*t, lang), fmt_num(rules.threshold(*t))))
        .collect();
    let areas: Vec<&str> = rules
        .areas
        .items
        .iter()
        .map(|a| lang.pick(&a.zh, &a.en))
        .collect();
    let vetoes = rules.negative.items.iter().filter(|i| i.veto).count();
    let honour = &rules.honour;
    let rows: Vec<(&str, &str, String, &Basis)> = vec![
        (
            "四维权重",
            "Dimension weights",
            pairs(&[
                ("单位绩效", "unit", w.unit),
                ("履职践诺", "pledges", w.pledges),
                ("多维测评", "multi-rater", w.multi),
            ]),
            &rules.dimensions.basis,
        ),
        ("承诺方面", "Pledge areas", areas.join(" · "), &rules.areas.basis),
        (
            "等级系数",
            "Grade coefficients",
            pairs(&[("A", "A", c.a), ("B", "B", c.b), ("C", "C", c.c)]),
            &rules.grades.basis,
        ),
        (
            "等级评定",
            "Grading",
            format!(
                "{}–{} × 3 · A ≥ {} · B ≥ {}",
                g.factor_min, g.factor_max, g.a_min_composite, g.b_min_composite
            ),
            &g.basis,
        ),
        (
            "季度权重",
            "Quarter weights",
            rules.quarters.weights.map(fmt_num).join(" · "),
            &rules.quarters.basis,
        ),
        (
            "测评主体与票值",
            "Rater groups and vote values",
            format!(
                "{} | {}",
                pairs(&raters),
                pairs(&[
                    ("好", "good", v.good),
                    ("较好", "fairly good", v.fairly_good),
                    ("一般", "average", v.average),
                    ("差", "poor", v.poor),
                ])
            ),
            &rules.raters.basis,
        ),
        (
            "正面清单",
            "Positive list",
            pairs(&[("加分上限", "bonus cap", rules.positive.bonus_cap)]),
            &rules.positive.basis,
        ),
        (
            "负面清单",
            "Negative list",
            format!("{vetoes} {}", lang.pick("项一票否决", "veto items")),
            &rules.negative.basis,
        ),
        (
            "容错纠错",
            "Error tolerance",
            String::new(),
            &rules.tolerance.basis,
        ),
        (
            "政治素质测评",
            "Political quality",
            String::new(),
            &rules.political_quality.basis,
        ),
        (
            "等次分数线",
            "Tier thresholds",
            tiers.join(" · "),
            &rules.tiers.basis,
        ),
        (
            "一票否决",
            "Veto",
            format!(
                "{} {}",
                lang.pick("最高等次", "at most"),
                i18n::tier(rules.veto_cap(), lang)
            ),
            &rules.veto.basis,
        ),
        (
            "荣誉",
            "Honour",
            format!(
                "{} · {} {}",
                lang.pick(&honour.zh, &honour.en),
                lang.pick("前", "top"),
                honour.top_n
            ),
            &honour.basis,
        ),
        (
            "推算默认值",
            "Projection defaults",
            pairs(&[
                ("季度", "quarter", p.quarter_score),
                ("单位", "unit", p.unit_score),
                ("测评", "multi", p.multi_score),
            ]),
            &p.basis,
        ),
    ];
    let version = format!(
        "{} {} · {} {} · {} {hash}",
        lang.pick("版本", "Version"),
        rules.version,
        lang.pick("生效年度", "Year"),
        rules.effective_year,
        lang.pick("内容哈希", "Content hash"),
    );
    html! {
        <article class="prose rules">
            <h1>{ lang.pick(&rules.name, &rules.name_en) }</h1>
            <p class="muted num">{ version }</p>
            { for rows.into_iter().map(|(zh, en, values, basis)| group(zh, en, values, basis)) }
        </article>
    }
}
