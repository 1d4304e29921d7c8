//! 多年: one official's path over the years — earlier years from the dossier's history, this
//! year's tier as ranked, and later years to simulate — with what each year triggers (spec §6)
//! and the first year commendation, promotion priority, admonishment, reassignment or demotion
//! comes. Every year's tier can be changed.

use yew::prelude::*;

use super::official_picker::official_picker;
use super::{fictional_tag, on_click};
use crate::app::dom::event_value;
use crate::app::hooks::AppState;
use crate::app::i18n;
use crate::app::state::Action;
use crate::app::workshop::state::WorkshopAction;
use crate::engine::workshop::{first_triggers, year_path};
use crate::engine::{Consequence, Lang, RuleSet, Tier};

/// A consequence's wording under the rules (falling back to the built-in one).
pub fn consequence_text(c: Consequence, rules: &RuleSet, lang: Lang) -> String {
    match rules.consequence_text(c.id()) {
        Some(t) => lang.pick(&t.zh, &t.en).to_string(),
        None => lang.pick(c.zh(), c.en()).to_string(),
    }
}

pub fn years_view(state: &AppState) -> Html {
    let (lang, w, rules) = (state.lang, state.workshop.clone(), state.rules.clone());
    let path = year_path(w.first_year, &w.years, &rules);
    let fictional = w.cohort.as_ref().is_some_and(|c| c.fictional());
    let columns = path.iter().enumerate().map(|(k, y)| {
        let when = match k.cmp(&w.this_year) {
            std::cmp::Ordering::Less => lang.pick("往年", "earlier"),
            std::cmp::Ordering::Equal => lang.pick("本年(考评)", "this year (assessed)"),
            std::cmp::Ordering::Greater => lang.pick("以后(模拟)", "later (simulated)"),
        };
        let onchange = {
            let state = state.clone();
            Callback::from(move |e: Event| {
                if let Some(t) = Tier::from_id(&event_value(&e)) {
                    state.dispatch(Action::Workshop(WorkshopAction::SetYear(k, t)));
                }
            })
        };
        let id = format!("year-{k}");
        let options = Tier::ALL.iter().map(|t| {
            html! { <option value={t.id()} selected={*t == y.tier}>{ i18n::tier(*t, lang) }</option> }
        });
        let items = y.consequences.iter().map(|c| {
            let new = y.new.contains(c);
            html! {
                <li class={classes!(new.then_some("new"), i18n::tier_class(y.tier))}>
                    { consequence_text(*c, &rules, lang) }
                    if new { <span class="tag new-tag">{ lang.pick("新触发", "new") }</span> }
                </li>
            }
        });
        html! {
            <li class={classes!("year", (k == w.this_year).then_some("this-year"))} data-testid={id.clone()}>
                <label for={id.clone()}><span class="year-no num">{ y.year }</span>{ " " }<span class="muted">{ when }</span></label>
                <select {id} {onchange}>{ for options }</select>
                if y.consequences.is_empty() {
                    <p class="muted">{ lang.pick("无结果运用", "no consequence") }</p>
                } else {
                    <ul class="year-consequences">{ for items }</ul>
                }
            </li>
        }
    });
    let firsts = first_triggers(&path).into_iter().map(|(c, year)| {
        let when = match (year, lang) {
            (Some(y), Lang::Zh) => format!("{y} 年"),
            (Some(y), Lang::En) => y.to_string(),
            (None, _) => lang.pick("未触发", "not triggered").to_string(),
        };
        html! {
            <tr class={classes!(year.is_some().then_some("triggered"))}>
                <th scope="row">{ consequence_text(c, &rules, lang) }</th>
                <td class="num">{ when }</td>
            </tr>
        }
    });
    let c = &rules.consequences;
    let rule_note = match lang {
        Lang::Zh => format!(
            "每年按当年等次和此前各年等次判断:连续 {} 年“好”职级晋升予以倾斜,连续 {} 年“一般”予以组织调整。",
            c.promotion_priority_years, c.reassignment_years
        ),
        Lang::En => format!(
            "Each year is judged by its tier and the years before it: {} good years in a row bring promotion priority, {} average years in a row reassignment.",
            c.promotion_priority_years, c.reassignment_years
        ),
    };
    html! {
        <div class="ws-years">
            <div class="ws-filters">
                { official_picker(state, "years-official", &[]) }
                if fictional { { fictional_tag(lang) } }
            </div>
            <ol class="year-path" data-testid="year-path">{ for columns }</ol>
            <div class="toolbar-group">
                <button type="button" onclick={on_click(state, WorkshopAction::AddYear)}>{ lang.pick("+ 添加一年", "+ Add a year") }</button>
                <button type="button" onclick={on_click(state, WorkshopAction::RemoveYear)}
                    disabled={w.years.len() <= w.this_year + 1}>{ lang.pick("删除最后一年", "Remove the last year") }</button>
                <button type="button" onclick={on_click(state, WorkshopAction::ResetYears)}>{ lang.pick("重置", "Reset") }</button>
            </div>
            <div class="years-foot">
                <table class="plain first-triggers" data-testid="first-triggers">
                    <caption>{ lang.pick("首次触发", "First triggered") }</caption>
                    <tbody>{ for firsts }</tbody>
                </table>
                <p class="muted">{ rule_note }</p>
            </div>
        </div>
    }
}
