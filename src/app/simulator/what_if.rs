//! 假如……: every single change — re-grade a pledge, claim a positive item, incur a negative
//! item, take back what is claimed or recorded, waive a negative item under error tolerance,
//! lift the veto — with its new total and tier, largest effect first (the engine's
//! `WhatIf::by_effect`); veto rows are marked as such, tier changes stand out, what a
//! projection holds fixed is said; sortable by gain or loss; a row can be applied and undone.

use yew::prelude::*;

use super::tier_badge::tier_badge;
use crate::app::hooks::use_app_state;
use crate::app::i18n;
use crate::app::state::Action;
use crate::engine::text::fmt2;
use crate::engine::whatif::Scenario;
use crate::engine::Lang;

/// The table's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Order {
    /// Largest effect first: tiers moved, then the veto, then the change in the total.
    Listed,
    /// Largest gain first.
    Gain,
    /// Largest loss first.
    Loss,
}

#[function_component(WhatIfTable)]
pub fn what_if_table() -> Html {
    let state = use_app_state();
    let order = use_state(|| Order::Listed);
    let (lang, rules, w) = (state.lang, state.rules.clone(), state.what_if.clone());
    let mut rows: Vec<&Scenario> = w.by_effect();
    // One sort for both directions (each `sort_by` closure is another copy of the sort in the wasm).
    if *order != Order::Listed {
        let gain = *order == Order::Gain;
        rows.sort_by(|a, b| {
            let largest_first = b.delta.total_cmp(&a.delta);
            if gain {
                largest_first
            } else {
                largest_first.reverse()
            }
        });
    }
    let cycle = {
        let order = order.clone();
        Callback::from(move |_: MouseEvent| {
            order.set(match *order {
                Order::Listed => Order::Gain,
                Order::Gain => Order::Loss,
                Order::Loss => Order::Listed,
            })
        })
    };
    let sort_label = match (*order, lang) {
        (Order::Listed, _) => lang.pick("变化(按影响;点击排序)", "Change (by effect; sort)"),
        (Order::Gain, _) => lang.pick("变化 ↓ 增益优先", "Change ↓ gains first"),
        (Order::Loss, _) => lang.pick("变化 ↑ 损失优先", "Change ↑ losses first"),
    };
    let aria_sort = match *order {
        Order::Listed => "none",
        Order::Gain => "descending",
        Order::Loss => "ascending",
    };
    let body = rows.iter().map(|s| {
        let text = i18n::changes_text(&s.changes, &rules, lang);
        let apply = {
            let (state, changes) = (state.clone(), s.changes.clone());
            Callback::from(move |_: MouseEvent| state.dispatch(Action::Apply(changes.clone())))
        };
        let direction = if !s.tier_changed {
            None
        } else if s.tier.is_better_than(w.tier) {
            Some(("tier-up", "↑"))
        } else {
            Some(("tier-down", "↓"))
        };
        let delta_class = if s.delta > 0.0 { "plus" } else if s.delta < 0.0 { "minus" } else { "" };
        let veto_row = s.veto || s.vetoed != w.vetoed;
        html! {
            <tr class={classes!(direction.map(|d| d.0), veto_row.then_some("veto-row"))} data-testid="what-if-row">
                <td>{ text.clone() }
                    if veto_row {
                        { " " }<span class="tag veto-tag" data-testid="veto-mark">{ match (s.vetoed, w.vetoed) {
                            (true, false) => lang.pick("一票否决", "veto"),
                            (false, true) => lang.pick("解除一票否决", "lifts the veto"),
                            _ => lang.pick("否决项", "veto item"),
                        } }</span>
                    }
                </td>
                <td class="num">{ fmt2(s.total) }</td>
                <td class={classes!("num", delta_class)}>{ i18n::signed(s.delta) }</td>
                <td>
                    if let Some((_, arrow)) = direction { <span class="arrow" aria-hidden="true">{ arrow }</span> }
                    { tier_badge(s.tier, lang, false) }
                    if s.tier_changed { <span class="visually-hidden">{ lang.pick("(等次变化)", " (tier changes)") }</span> }
                </td>
                <td><button type="button" class="small" onclick={apply}
                    aria-label={format!("{} {text}", lang.pick("采用:", "Apply:"))}>{ lang.pick("采用", "Apply") }</button></td>
            </tr>
        }
    });
    let undo = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Undo))
    };
    html! {
        <div class="what-if">
            <div class="what-if-head">
                <p class="muted">{ match lang {
                    Lang::Zh => format!("当前 {} 分 · {}。每行只改变一处,影响大的在前;等次变化的行已突出显示。", fmt2(w.total), i18n::tier(w.tier, lang)),
                    Lang::En => format!("Now {} · {}. Each row changes one thing, largest effect first; rows that change the tier stand out.", fmt2(w.total), i18n::tier(w.tier, lang)),
                } }
                if w.projected { <br /><span data-testid="what-if-held">{ match lang {
                    Lang::Zh => format!("推算结果:{}。", crate::engine::plain::held_fixed(&w, lang)),
                    Lang::En => format!("A projection, {}.", crate::engine::plain::held_fixed(&w, lang)),
                } }</span> }
                </p>
                <button type="button" onclick={undo} disabled={state.undo.is_empty()}>{ lang.pick("撤销", "Undo") }</button>
            </div>
            <div class="table-scroll">
                <table class="what-if-table" data-testid="what-if">
                    <thead><tr>
                        <th scope="col">{ lang.pick("假如", "If") }</th>
                        <th scope="col">{ lang.pick("新总分", "New total") }</th>
                        <th scope="col" aria-sort={aria_sort}><button type="button" class="sort" onclick={cycle}>{ sort_label }</button></th>
                        <th scope="col">{ lang.pick("等次", "Tier") }</th>
                        <th scope="col"><span class="visually-hidden">{ lang.pick("操作", "Action") }</span></th>
                    </tr></thead>
                    <tbody>{ for body }</tbody>
                </table>
            </div>
        </div>
    }
}
