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
        html! {
            <section class="rule">
                <h2>{ lang.pick(zh, en) }
                    if basis.illustrative { <span class="tag illustrative">{ lang.pick("示例默认值", "illustrative default") }</span> }
                    else { <span class="tag sourced">{ lang.pick("出自原文", "from the article") }</span> }
                </h2>
                <p class="num">{ values }</p>
                if let Some(n) = note { <p class="muted">{ n }</p> }
                if let Some(q) = &basis.quote { <Quote text={q.clone()} source={source.clone()} /> }
            </section>
        }
    };
    let w = rules.dimensions.weights;
    let c = rules.grades.coefficients;
    let g = &rules.grading;
    let raters: Vec<String> = rules
        .raters
        .groups
        .iter()
        .map(|r| format!("{} {}", lang.pick(&r.zh, &r.en), fmt_num(r.weight)))
        .collect();
    let v = rules.raters.vote_values;
    let tiers: Vec<String> = [Tier::Good, Tier::FairlyGood, Tier::Average]
        .iter()
        .map(|t| format!("{} ≥ {}", i18n::tier(*t, lang), fmt_num(rules.threshold(*t))))
        .collect();
    let p = &rules.projection;
    let q = rules.quarters.weights.map(fmt_num);
    html! {
        <article class="prose rules">
            <h1>{ lang.pick(&rules.name, &rules.name_en) }</h1>
            <p class="muted num">{ format!("{} {} · {} {} · {} {}", lang.pick("版本", "Version"), rules.version,
                lang.pick("生效年度", "Year"), rules.effective_year, lang.pick("内容哈希", "Content hash"), hash) }</p>
            { group("四维权重", "Dimension weights", format!("{} {} · {} {} · {} {}",
                lang.pick("单位绩效", "unit"), fmt_num(w.unit), lang.pick("履职践诺", "pledges"), fmt_num(w.pledges),
                lang.pick("多维测评", "multi-rater"), fmt_num(w.multi)), &rules.dimensions.basis) }
            { group("承诺方面", "Pledge areas", rules.areas.items.iter().map(|a| lang.pick(&a.zh, &a.en).to_string())
                .collect::<Vec<_>>().join(" · "), &rules.areas.basis) }
            { group("等级系数", "Grade coefficients", format!("A {} · B {} · C {}", fmt_num(c.a), fmt_num(c.b), fmt_num(c.c)), &rules.grades.basis) }
            { group("等级评定", "Grading", format!("{}–{} × 3 · A ≥ {} · B ≥ {}", g.factor_min, g.factor_max, g.a_min_composite, g.b_min_composite), &g.basis) }
            { group("季度权重", "Quarter weights", q.join(" · "), &rules.quarters.basis) }
            { group("测评主体与票值", "Rater groups and vote values", format!("{} | {} {} · {} {} · {} {} · {} {}", raters.join(" · "),
                lang.pick("好", "good"), fmt_num(v.good), lang.pick("较好", "fairly good"), fmt_num(v.fairly_good),
                lang.pick("一般", "average"), fmt_num(v.average), lang.pick("差", "poor"), fmt_num(v.poor)), &rules.raters.basis) }
            { group("正面清单", "Positive list", format!("{} {}", lang.pick("加分上限", "bonus cap"), fmt_num(rules.positive.bonus_cap)), &rules.positive.basis) }
            { group("负面清单", "Negative list", format!("{} {}", rules.negative.items.iter().filter(|i| i.veto).count(),
                lang.pick("项一票否决", "veto items")), &rules.negative.basis) }
            { group("容错纠错", "Error tolerance", String::new(), &rules.tolerance.basis) }
            { group("政治素质测评", "Political quality", String::new(), &rules.political_quality.basis) }
            { group("等次分数线", "Tier thresholds", tiers.join(" · "), &rules.tiers.basis) }
            { group("一票否决", "Veto", format!("{} {}", lang.pick("最高等次", "at most"), i18n::tier(rules.veto_cap(), lang)), &rules.veto.basis) }
            { group("荣誉", "Honour", format!("{} · {} {}", lang.pick(&rules.honour.zh, &rules.honour.en), lang.pick("前", "top"), rules.honour.top_n), &rules.honour.basis) }
            { group("推算默认值", "Projection defaults", format!("{} {} · {} {} · {} {}", lang.pick("季度", "quarter"), fmt_num(p.quarter_score),
                lang.pick("单位", "unit"), fmt_num(p.unit_score), lang.pick("测评", "multi"), fmt_num(p.multi_score)), &p.basis) }
        </article>
    }
}
