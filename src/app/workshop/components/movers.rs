//! Who changes tier (or honour) between baseline and variant, and why: the weighted parts that
//! moved, the threshold that moved, the veto, the quota and the honour.

use yew::prelude::*;

use super::on_click;
use crate::app::hooks::AppState;
use crate::app::i18n::{self, signed};
use crate::app::simulator::tier_badge::tier_badge;
use crate::app::workshop::state::WorkshopAction;
use crate::engine::compare::Mover;
use crate::engine::demo::shown_name;
use crate::engine::text::{fmt2, fmt_num};
use crate::engine::Lang;

/// Movers listed in full; the rest are counted.
const SHOWN: usize = 200;

/// Why one official moved, one reason per entry.
pub fn reasons(m: &Mover, lang: Lang) -> Vec<String> {
    let p = m.parts;
    let mut out: Vec<String> = [
        ("单位绩效", "unit", p.unit),
        ("履职践诺", "pledges", p.pledges),
        ("多维测评", "multi-rater", p.multi),
        ("正面加分", "bonus", p.bonus),
        ("负面扣分", "deduction", -p.deduction),
    ]
    .iter()
    .filter(|(_, _, d)| d.abs() >= 0.005)
    .map(|(zh, en, d)| format!("{} {}", lang.pick(zh, en), signed(*d)))
    .collect();
    if m.threshold_before != m.threshold_after {
        let tier = i18n::tier(m.boundary, lang);
        let (b, a) = (fmt_num(m.threshold_before), fmt_num(m.threshold_after));
        out.push(match lang {
            Lang::Zh => format!("“{tier}”线 {b} → {a}"),
            Lang::En => format!("the {tier} line {b} → {a}"),
        });
    }
    let flags = [
        (
            m.vetoed_before,
            m.vetoed_after,
            ("取消一票否决", "veto lifted"),
            ("一票否决", "vetoed"),
        ),
        (
            m.quota_demoted_before,
            m.quota_demoted_after,
            ("不再受名额限制", "no longer held back by the quota"),
            ("名额限制降档", "dropped by the quota"),
        ),
        (
            m.honour_before,
            m.honour_after,
            ("失去担当作为好干部", "loses the honour"),
            ("获得担当作为好干部", "gains the honour"),
        ),
    ];
    for (before, after, lost, gained) in flags {
        match (before, after) {
            (true, false) => out.push(lang.pick(lost.0, lost.1).into()),
            (false, true) => out.push(lang.pick(gained.0, gained.1).into()),
            _ => {}
        }
    }
    out
}

pub fn movers(state: &AppState) -> Html {
    let lang = state.lang;
    let Some(c) = state.workshop.comparison.clone() else {
        return html! {};
    };
    if c.movers.is_empty() {
        return html! { <p class="muted">{ lang.pick("没有人的等次或荣誉发生变化。", "Nobody changes tier or honour.") }</p> };
    }
    let rows = c.movers.iter().take(SHOWN).map(|m| {
        let why = reasons(m, lang).join(" · ");
        let focused = state.workshop.focus == m.index;
        html! {
            <tr key={m.index} class={classes!(focused.then_some("focused"))}>
                <th scope="row">{ shown_name(&m.name, lang).into_owned() }</th>
                <td class="moves">{ tier_badge(m.from, lang, false) }{ " → " }{ tier_badge(m.to, lang, false) }</td>
                <td class="num">{ format!("{} → {}", fmt2(m.total_before), fmt2(m.total_after)) }</td>
                <td class="why">{ why }</td>
                <td>
                    <button type="button" class="small" aria-pressed={focused.to_string()}
                        onclick={on_click(state, WorkshopAction::Focus(m.index))}>{ lang.pick("看解释", "Explain") }</button>
                </td>
            </tr>
        }
    });
    let more = c.movers.len().saturating_sub(SHOWN);
    html! {
        <section class="movers">
            <h2>{ lang.pick("谁变了,为什么", "Who changes, and why") }</h2>
            <div class="table-scroll">
                <table class="what-if-table" data-testid="movers">
                    <thead><tr>
                        <th scope="col">{ lang.pick("姓名", "Name") }</th>
                        <th scope="col">{ lang.pick("等次", "Tier") }</th>
                        <th scope="col">{ lang.pick("总分", "Total") }</th>
                        <th scope="col">{ lang.pick("原因", "Why") }</th>
                        <th scope="col"><span class="visually-hidden">{ lang.pick("操作", "Action") }</span></th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            if more > 0 { <p class="muted">{ match lang {
                Lang::Zh => format!("另有 {more} 人未列出。"),
                Lang::En => format!("{more} more not listed."),
            } }</p> }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::compare::compare;
    use crate::engine::{demo, Engine, RuleSet};

    #[test]
    fn a_lower_line_is_named_as_the_reason() {
        let rules = RuleSet::default();
        let mut lower = rules.clone();
        lower.tiers.thresholds[0].min = 88.0;
        let cohort = demo::cohort(2023, 98, 2023).officials;
        let c = compare(&cohort, &Engine::new(&rules), &Engine::new(&lower));
        let why = reasons(&c.movers[0], Lang::Zh);
        assert!(why.iter().any(|r| r == "“好”线 90 → 88"), "{why:?}");
    }
}
