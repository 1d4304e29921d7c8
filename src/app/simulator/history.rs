//! 历年等次: the tiers of previous years, oldest first (they decide 连续 consequences, spec §6).

use yew::prelude::*;

use super::section::{section, SectionHead};
use crate::app::dom::event_value;
use crate::app::edit::Edit;
use crate::app::hooks::AppState;
use crate::app::i18n::{self, field_id};
use crate::app::state::Action;
use crate::engine::{Lang, Tier};

pub fn history_section(state: &AppState) -> Html {
    let lang = state.lang;
    let summary = match lang {
        Lang::Zh => format!(
            "连续 {} 年“{}”",
            state.result.consecutive_years,
            i18n::tier(state.result.tier, lang)
        ),
        Lang::En if state.result.consecutive_years == 1 => {
            format!("1 year \"{}\"", i18n::tier(state.result.tier, lang))
        }
        Lang::En => format!(
            "{} consecutive years \"{}\"",
            state.result.consecutive_years,
            i18n::tier(state.result.tier, lang)
        ),
    };
    let s = state.clone();
    section(
        SectionHead {
            id: "sec-history",
            title: lang.pick("历年等次", "Previous years"),
            summary: Some(summary),
            open: false,
            invalid: state.invalid_under("history"),
        },
        move || history_section_body(&s),
    )
}

fn history_section_body(state: &AppState) -> Html {
    let (lang, form) = (state.lang, state.form.clone());
    let year: Option<i32> = form.year.trim().parse().ok();
    let n = form.history.len();
    let rows = form.history.iter().enumerate().map(|(i, tier)| {
        let label = match (year, lang) {
            (Some(y), Lang::Zh) => format!("{} 年", y - (n - i) as i32),
            (Some(y), Lang::En) => format!("{}", y - (n - i) as i32),
            (None, Lang::Zh) => format!("前 {} 年", n - i),
            (None, Lang::En) if n - i == 1 => "the year before".to_string(),
            (None, Lang::En) => format!("{} years before", n - i),
        };
        let on_tier = {
            let state = state.clone();
            Callback::from(move |e: Event| {
                if let Some(t) = Tier::from_id(&event_value(&e)) {
                    state.dispatch(Action::Edit(Edit::History(i, t)));
                }
            })
        };
        let on_remove = {
            let state = state.clone();
            Callback::from(move |_: MouseEvent| state.dispatch(Action::Edit(Edit::RemoveHistory(i))))
        };
        let options = Tier::ALL.iter().map(|t| {
            html! { <option value={t.id()} selected={t == tier}>{ i18n::tier(*t, lang) }</option> }
        });
        let id = field_id(&format!("history[{i}]"));
        html! {
            <li class="history-row">
                <label for={id.clone()}>{ label.clone() }</label>
                <select {id} onchange={on_tier}>{ for options }</select>
                <button type="button" class="small subtle" onclick={on_remove}
                    aria-label={format!("{} {label}", lang.pick("删除", "Remove"))}>{ lang.pick("删除", "Remove") }</button>
            </li>
        }
    });
    let add = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Edit(Edit::AddHistory)))
    };
    html! {
        <>
            <p class="field-hint">{ lang.pick("由远及近排列;用于判断连续“好”或连续“一般”。",
                "Oldest first; used for consecutive \"good\" or \"average\" years.") }</p>
            <ul class="history">{ for rows }</ul>
            <button type="button" class="add" onclick={add}>{ lang.pick("+ 添加一年(新增在最近一年之后)", "+ Add a year (after the latest)") }</button>
        </>
    }
}
