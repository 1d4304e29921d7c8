//! 正面清单 (正面八条): the eight positive items under their four aspects, each a checkbox with
//! its points and, once claimed, how many times (spec §4).

use yew::prelude::*;

use super::page::{later, Piece};
use super::section::{section, SectionHead};
use crate::app::dom::{event_checked, event_value};
use crate::app::edit::Edit;
use crate::app::hooks::AppState;
use crate::app::i18n::{self, field_id};
use crate::app::state::Action;
use crate::engine::text::{fmt2, fmt_num};
use crate::engine::Lang;

pub fn positive_list(state: &AppState) -> Html {
    let (lang, form, rules) = (state.lang, state.form.clone(), state.rules.clone());
    let summary = match lang {
        Lang::Zh => format!(
            "{} 项 · 加分 {}(上限 {})",
            form.positive.len(),
            fmt2(state.result.parts.bonus),
            fmt_num(rules.positive.bonus_cap)
        ),
        Lang::En => format!(
            "{} claimed · bonus {} (cap {})",
            form.positive.len(),
            fmt2(state.result.parts.bonus),
            fmt_num(rules.positive.bonus_cap)
        ),
    };
    let s = state.clone();
    section(
        SectionHead {
            id: "sec-positive",
            title: lang.pick("正面清单(八条)", "Positive list (eight items)"),
            summary: Some(summary),
            open: true,
            invalid: state.invalid_under("positive"),
        },
        move || positive_list_body(&s),
    )
}

/// The first two aspects at once, the other two in the next stage of the page's start.
fn positive_list_body(state: &AppState) -> Html {
    let s = state.clone();
    html! {
        <>
            { aspects(state, 0, 2) }
            { later(Piece::PositiveRest, move || aspects(&s, 2, usize::MAX)) }
        </>
    }
}

/// The aspects `from..to` with their items.
fn aspects(state: &AppState, from: usize, to: usize) -> Html {
    let (lang, form, rules) = (state.lang, state.form.clone(), state.rules.clone());
    let take = to.saturating_sub(from);
    let groups = rules.positive.aspects.iter().skip(from).take(take).map(|aspect| {
        let items: Vec<_> = rules.positive.items.iter().filter(|i| i.aspect == aspect.id).collect();
        let claimed = items.iter().filter(|i| form.positive_index(&i.id).is_some()).count();
        let rows = items.iter().map(|item| {
            let index = form.positive_index(&item.id);
            let id = format!("pos-{}", item.id);
            let on_toggle = {
                let (state, item) = (state.clone(), item.id.clone());
                Callback::from(move |e: Event| state.dispatch(Action::Edit(Edit::Positive(item.clone(), event_checked(&e)))))
            };
            let count = index.map(|k| {
                let path = format!("positive[{k}].count");
                let error = state.error_at(&path);
                let (state, item) = (state.clone(), item.id.clone());
                let oninput = Callback::from(move |e: InputEvent| {
                    state.dispatch(Action::Edit(Edit::PositiveCount(item.clone(), event_value(&e))))
                });
                html! {
                    <span class="count">
                        <label for={field_id(&path)}>{ lang.pick("次数", "times") }</label>
                        <input id={field_id(&path)} type="text" inputmode="numeric" class="count-input"
                            value={form.positive[k].count.clone()} aria-invalid={error.is_some().then_some("true")} {oninput} />
                        if let Some(e) = error { <span class="field-error">{ e }</span> }
                    </span>
                }
            });
            html! {
                <li class={classes!("item", index.is_some().then_some("checked"))}>
                    <input id={id.clone()} type="checkbox" checked={index.is_some()} onchange={on_toggle} />
                    <label for={id}><span class="item-id">{ &item.id }</span>{ i18n::item_text(item, lang) }</label>
                    <span class="points plus">{ format!("+{}", fmt_num(item.points)) }</span>
                    { count.unwrap_or_default() }
                </li>
            }
        });
        html! {
            <fieldset class="aspect">
                <legend>{ lang.pick(&aspect.zh, &aspect.en) }<span class="muted">{ format!(" ({claimed}/{})", items.len()) }</span></legend>
                <ul class="items">{ for rows }</ul>
            </fieldset>
        }
    });
    html! {
        <>
            { for groups }
        </>
    }
}
