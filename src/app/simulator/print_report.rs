//! The one-page self-assessment report the print stylesheet shows instead of the app: the
//! dossier, the result, the explanation, the rule set's name, version and hash, and the date.

use yew::prelude::*;

use crate::app::dom;
use crate::app::hooks::AppState;
use crate::app::i18n;
use crate::app::simulator::rules_note::{custom_rules, rules_mark_text};
use crate::engine::assessment::VetoCause;
use crate::engine::plain;
use crate::engine::text::{fmt2, fmt_num};
use crate::engine::{Dossier, Lang, RaterGroup};

pub fn print_report(state: &AppState) -> Html {
    let (lang, rules, r, d) = (
        state.lang,
        state.rules.clone(),
        state.result.clone(),
        state.dossier.clone(),
    );
    let hash = &state.rules_hash;
    let dash = || "—".to_string();
    let pledges = d.pledges.iter().zip(&r.pledges).enumerate().map(|(i, (p, pr))| {
        let quarters: Vec<String> = p
            .quarters
            .iter()
            .zip(pr.quarters)
            .map(|(q, used)| match q {
                Some(v) => fmt_num(*v),
                None => format!("{}*", fmt2(used)),
            })
            .collect();
        html! {
            <tr>
                <td>{ i + 1 }</td>
                <td>{ lang.pick(p.area.zh(), p.area.en()) }</td>
                <td>{ p.title.clone().unwrap_or_else(dash) }</td>
                <td>{ pr.grade.id() }</td>
                <td class="num">{ quarters.join(" / ") }</td>
                <td class="num">{ fmt2(pr.score) }</td>
            </tr>
        }
    });
    let groups = RaterGroup::ALL
        .iter()
        .filter_map(|g| {
            let counts = d.votes.get(*g)?;
            Some(format!(
                "{} {}/{}/{}/{}",
                lang.pick(g.zh(), g.en()),
                counts.good,
                counts.fairly_good,
                counts.average,
                counts.poor
            ))
        })
        .collect::<Vec<_>>();
    let items = |list: Vec<String>| {
        if list.is_empty() {
            dash()
        } else {
            list.join(lang.pick(";", "; "))
        }
    };
    let positive = items(
        d.positive
            .iter()
            .map(|c| format!("{}×{}", c.item, c.count))
            .collect(),
    );
    let negative = items(
        d.negative
            .iter()
            .map(|n| {
                let tolerated = if n.tolerated {
                    lang.pick("(容错免责)", " (tolerated)")
                } else {
                    ""
                };
                format!("{}×{}{tolerated}", n.item, n.count)
            })
            .collect(),
    );
    let vetoes = items(
        r.vetoed_by
            .iter()
            .map(|v| match v {
                VetoCause::Item { id } => id.clone(),
                VetoCause::PoliticalQuality => {
                    lang.pick("政治素质不合格", "politically unqualified").to_string()
                }
            })
            .collect(),
    );
    let lines = plain::explanation(&r, &rules, lang);
    let quotes: Vec<&plain::Quote> = lines.iter().flat_map(|l| &l.quotes).collect();
    let history = items(
        d.history
            .iter()
            .map(|t| i18n::tier(*t, lang).to_string())
            .collect(),
    );
    html! {
        <section class="print-report" aria-hidden="true">
            <header class="report-head">
                <h1>{ lang.pick("“北尚栋梁”考评 · 自评报告", "\"Beishang Dongliang\" assessment · self-assessment report") }</h1>
                <p>{ format!("{} · {} · {}", Dossier::display_name(&d), d.post.clone().unwrap_or_else(dash),
                    d.year.map(|y| y.to_string()).unwrap_or_else(dash)) }</p>
                <p class="muted">{ format!("{} {} · {} {} · {} {} · {} {}", lang.pick("规则:", "Rules:"),
                    lang.pick(&rules.name, &rules.name_en), lang.pick("版本", "version"), rules.version,
                    lang.pick("哈希", "hash"), hash, lang.pick("日期", "date"), dom::today()) }</p>
                <p class="report-note">{ lang.pick("示例参数,非官方评分。", "Illustrative parameters, not official scoring.") }
                    if custom_rules(state) { { " " }<strong>{ rules_mark_text(state) }</strong> }</p>
                if let Some(error) = state.first_error() {
                    <p class="report-stale"><strong>{ match lang {
                        Lang::Zh => format!("注意:输入有误({error}),以下为上一次有效输入的结果。"),
                        Lang::En => format!("Note: invalid entry ({error}); what follows is the result of the last valid input."),
                    } }</strong></p>
                }
                if !state.has_own_scores() {
                    <p class="report-stale"><strong>{ lang.pick(
                        "尚未填写任何分数:以下结果全部基于假设值。",
                        "No score has been entered yet: the result below rests on assumed values alone.") }</strong></p>
                }
            </header>
            <div class="report-result">
                <strong class="num">{ fmt2(r.total) }</strong>{ " " }<strong>{ i18n::tier(r.tier, lang) }</strong>
                { format!(" · {} {} · {} {} · {} {} · {} {} · {} {}",
                    lang.pick("单位", "unit"), fmt2(r.parts.unit), lang.pick("践诺", "pledges"), fmt2(r.parts.pledges),
                    lang.pick("测评", "multi"), fmt2(r.parts.multi), lang.pick("加分", "bonus"), fmt2(r.parts.bonus),
                    lang.pick("扣分", "deduction"), fmt2(r.parts.deduction)) }
                if r.vetoed { { format!(" · {}: {vetoes}", lang.pick("一票否决", "vetoed")) } }
                if let Some(note) = plain::projection_note(&r, lang) { <div>{ note }</div> }
                if let Some(note) = plain::total_note(&r, lang) { <div>{ note }</div> }
                <div>{ format!("{}: {}", lang.pick("结果运用", "Consequences"), plain::consequences_sentence(&r, &rules, lang)) }</div>
            </div>
            <table class="report-table">
                <thead><tr><th>{ "#" }</th><th>{ lang.pick("方面", "Area") }</th><th>{ lang.pick("承诺", "Pledge") }</th>
                    <th>{ lang.pick("等级", "Grade") }</th><th>{ "Q1–Q4" }</th><th>{ lang.pick("得分", "Score") }</th></tr></thead>
                <tbody>{ for pledges }</tbody>
            </table>
            <p>{ format!("{}: {} · {}: {} · {}: {}",
                lang.pick("单位绩效", "Unit score"), d.unit_score.map(fmt_num).unwrap_or_else(|| lang.pick("未公布", "not published").into()),
                lang.pick("测评票数(好/较好/一般/差)", "Votes (good/fairly good/average/poor)"), items(groups),
                lang.pick("历年等次", "History"), history) }</p>
            <p>{ format!("{}: {positive} · {}: {negative}", lang.pick("正面清单", "Positive"), lang.pick("负面清单", "Negative")) }</p>
            <ol class="report-steps">
                { for lines.iter().map(|l| html! {
                    <li><strong>{ l.label.clone() }</strong>{ lang.pick(":", ": ") }{ l.says.clone() }
                        if l.illustrative { { lang.pick("(示例参数)", " (illustrative)") } }</li>
                }) }
            </ol>
            <ul class="report-quotes">
                { for quotes.iter().map(|q| html! { <li>{ plain::quote_text(q, &rules, lang) }
                    if lang == Lang::En { <span lang="zh-CN">{ format!(" (“{}”)", q.text) }</span> }</li> }) }
            </ul>
            <p class="muted">{ format!("{} {}", lang.pick(
                "* 为推算值。规则中的数值为示例默认值,本报告为培训和自查用,不是区里的正式评分。出处:",
                "* projected. Numbers in the rules are illustrative defaults; this report is for training and self-checking, not the district's official scoring. Source:"),
                plain::source_line(&rules, lang)) }</p>
        </section>
    }
}
