//! 负面清单 (负面十五条) and the political-quality test: the fifteen items under five aspects,
//! veto items marked 一票否决, and a 容错免责 toggle on checked items that only deduct (spec §4).

use yew::prelude::*;

use super::page::{later, Piece};
use super::section::{section, SectionHead};
use crate::app::dom::{event_checked, event_value};
use crate::app::edit::Edit;
use crate::app::hooks::AppState;
use crate::app::i18n::{self, field_id};
use crate::app::state::Action;
use crate::engine::rules::ListItem;
use crate::engine::text::{fmt2, fmt_num};
use crate::engine::Lang;

pub fn negative_list(state: &AppState) -> Html {
    let (lang, form) = (state.lang, state.form.clone());
    let summary = match lang {
        Lang::Zh => format!(
            "{} 项 · 扣分 {}",
            form.negative.len(),
            fmt2(state.result.parts.deduction)
        ),
        Lang::En => format!(
            "{} recorded · deduction {}",
            form.negative.len(),
            fmt2(state.result.parts.deduction)
        ),
    };
    let s = state.clone();
    section(
        SectionHead {
            id: "sec-negative",
            title: lang.pick(
                "负面清单(十五条)与政治素质",
                "Negative list (fifteen items) and political quality",
            ),
            summary: Some(summary),
            open: true,
            invalid: state.invalid_under("negative") || state.invalid_under("political_quality"),
        },
        move || negative_list_body(&s),
    )
}

/// The political-quality test and the first three aspects at once, the other two in the next
/// stage of the page's start.
fn negative_list_body(state: &AppState) -> Html {
    let (lang, form) = (state.lang, state.form.clone());
    let on_quality = {
        let state = state.clone();
        Callback::from(move |e: Event| state.dispatch(Action::Edit(Edit::Unqualified(event_checked(&e)))))
    };
    let s = state.clone();
    html! {
        <>
            <div class="item veto quality">
                <input id="political-unqualified" type="checkbox" checked={form.unqualified} onchange={on_quality} />
                <label for="political-unqualified">{ lang.pick("正反向政治素质测评:政治上不合格", "Political-quality test: found politically unqualified") }</label>
                <span class="veto-tag tag">{ lang.pick("一票否决", "One-vote veto") }</span>
            </div>
            { aspects(state, 0, 3) }
            { later(Piece::NegativeRest, move || aspects(&s, 3, usize::MAX)) }
        </>
    }
}

/// The aspects `from..to` with their items.
fn aspects(state: &AppState, from: usize, to: usize) -> Html {
    let (lang, form, rules) = (state.lang, state.form.clone(), state.rules.clone());
    let row = |item: &ListItem| {
        let index = form.negative_index(&item.id);
        let id = format!("neg-{}", item.id);
        let on_toggle = {
            let (state, item) = (state.clone(), item.id.clone());
            Callback::from(move |e: Event| {
                state.dispatch(Action::Edit(Edit::Negative(item.clone(), event_checked(&e))))
            })
        };
        let extra = index.filter(|_| !item.veto).map(|k| {
            let path = format!("negative[{k}].count");
            let error = state.error_at(&path);
            let on_count = {
                let (state, item) = (state.clone(), item.id.clone());
                Callback::from(move |e: InputEvent| state.dispatch(Action::Edit(Edit::NegativeCount(item.clone(), event_value(&e)))))
            };
            let on_tolerated = {
                let (state, item) = (state.clone(), item.id.clone());
                Callback::from(move |e: Event| state.dispatch(Action::Edit(Edit::Tolerated(item.clone(), event_checked(&e)))))
            };
            let tolerated_id = format!("tol-{}", item.id);
            html! {
                <>
                    <span class="count">
                        <label for={field_id(&path)}>{ lang.pick("次数", "times") }</label>
                        <input id={field_id(&path)} type="text" inputmode="numeric" class="count-input"
                            value={form.negative[k].count.clone()} aria-invalid={error.is_some().then_some("true")} oninput={on_count} />
                        if let Some(e) = error { <span class="field-error">{ e }</span> }
                    </span>
                    <span class="tolerated">
                        <input id={tolerated_id.clone()} type="checkbox" checked={form.negative[k].tolerated} onchange={on_tolerated} />
                        <label for={tolerated_id}>{ lang.pick("容错免责", "Tolerated (waived)") }</label>
                    </span>
                </>
            }
        });
        let effect = if item.veto {
            html! { <span class="veto-tag tag">{ lang.pick("一票否决", "One-vote veto") }</span> }
        } else {
            html! { <span class="points minus">{ format!("−{}", fmt_num(item.points)) }</span> }
        };
        html! {
            <li class={classes!("item", item.veto.then_some("veto"), index.is_some().then_some("checked"))}>
                <input id={id.clone()} type="checkbox" checked={index.is_some()} onchange={on_toggle}
                    data-testid={format!("neg-{}", item.id)} />
                <label for={id}><span class="item-id">{ &item.id }</span>{ i18n::item_text(item, lang) }</label>
                { effect }
                { extra.unwrap_or_default() }
            </li>
        }
    };
    let take = to.saturating_sub(from);
    let groups = rules.negative.aspects.iter().skip(from).take(take).map(|aspect| {
        let items: Vec<&ListItem> = rules.negative.items.iter().filter(|i| i.aspect == aspect.id).collect();
        let checked = items.iter().filter(|i| form.negative_index(&i.id).is_some()).count();
        html! {
            <fieldset class="aspect">
                <legend>{ lang.pick(&aspect.zh, &aspect.en) }<span class="muted">{ format!(" ({checked}/{})", items.len()) }</span></legend>
                <ul class="items">{ for items.into_iter().map(&row) }</ul>
            </fieldset>
        }
    });
    html! { <>{ for groups }</> }
}
