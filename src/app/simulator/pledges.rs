//! 履职践诺: the pledge cards (1–10) and the button that adds one.

use yew::prelude::*;

use super::pledge_card::{pledge_card, PledgeCardProps};
use super::section::{section, SectionHead};
use crate::app::edit::{Edit, MAX_PLEDGES};
use crate::app::hooks::AppState;
use crate::app::state::Action;
use crate::engine::text::fmt2;
use crate::engine::Lang;

pub fn pledges_section(state: &AppState) -> Html {
    let (lang, form) = (state.lang, state.form.clone());
    let add = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Edit(Edit::AddPledge)))
    };
    let count = form.pledges.len();
    let summary = match lang {
        Lang::Zh => format!("{count} 项 · 维度得分 {}", fmt2(state.result.dimensions.pledges)),
        Lang::En => format!(
            "{count} pledges · dimension {}",
            fmt2(state.result.dimensions.pledges)
        ),
    };
    let cards = form.pledges.iter().enumerate().map(|(index, pledge)| {
        pledge_card(
            state,
            &PledgeCardProps {
                index,
                pledge: pledge.clone(),
                removable: count > 1,
            },
        )
    });
    html! {
        { section(
            SectionHead {
                id: "sec-pledges",
                title: lang.pick("履职践诺", "Pledges"),
                summary: Some(summary),
                open: true,
                invalid: state.invalid_under("pledges"),
            },
            html! { <>
                if let Some(error) = state.error_at("pledges") {
                    <p class="field-error">{ error }</p>
                }
                <div class="pledge-list">{ for cards }</div>
                <button type="button" class="add" onclick={add} disabled={count >= MAX_PLEDGES}>
                    { match lang {
                        Lang::Zh => format!("+ 添加承诺({count}/{MAX_PLEDGES})"),
                        Lang::En => format!("+ Add a pledge ({count}/{MAX_PLEDGES})"),
                    } }
                </button>
            </> },
        ) }
    }
}
