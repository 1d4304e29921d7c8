//! 履职践诺: the pledge cards (1–10) and the button that adds one. The first card is in the
//! page's first frame (it fills a phone's first screen); the others follow in a later stage.

use yew::prelude::*;
use yew::virtual_dom::Key;

use super::page::{later, later_keyed, Piece};
use super::pledge_card::{pledge_card, PledgeCardProps};
use super::section::{section, SectionHead};
use crate::app::edit::{Edit, MAX_PLEDGES};
use crate::app::hooks::AppState;
use crate::app::state::Action;
use crate::engine::text::fmt2;
use crate::engine::Lang;

pub fn pledges_section(state: &AppState) -> Html {
    let lang = state.lang;
    let count = state.form.pledges.len();
    let summary = match lang {
        Lang::Zh => format!("{count} 项 · 维度得分 {}", fmt2(state.result.dimensions.pledges)),
        Lang::En => format!(
            "{count} pledges · dimension {}",
            fmt2(state.result.dimensions.pledges)
        ),
    };
    let invalid = state.invalid_under("pledges");
    let state = state.clone();
    section(
        SectionHead {
            id: "sec-pledges",
            title: lang.pick("履职践诺", "Pledges"),
            summary: Some(summary),
            open: true,
            invalid,
        },
        move || pledges_body(&state),
    )
}

fn pledges_body(state: &AppState) -> Html {
    let lang = state.lang;
    let count = state.form.pledges.len();
    let add = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Edit(Edit::AddPledge)))
    };
    // Keyed by the pledge's own key, so that a card keeps its fields (and their focus) when
    // another is removed; each card after the first arrives in a stage of its own at start.
    let cards = state.form.pledges.iter().enumerate().map(|(index, pledge)| {
        let props = PledgeCardProps {
            index,
            pledge: pledge.clone(),
            removable: count > 1,
        };
        if index == 0 {
            return pledge_card(state, &props);
        }
        let state = state.clone();
        later_keyed(Piece::Pledge(index), Key::from(pledge.key), move || {
            pledge_card(&state, &props)
        })
    });
    html! {
        <>
            if let Some(error) = state.error_at("pledges") {
                <p class="field-error">{ error }</p>
            }
            <div class="pledge-list">{ for cards }</div>
            { later(Piece::Pledge(count.saturating_sub(1)), move || html! {
                <button type="button" class="add" onclick={add.clone()} disabled={count >= MAX_PLEDGES}>
                    { match lang {
                        Lang::Zh => format!("+ 添加承诺({count}/{MAX_PLEDGES})"),
                        Lang::En => format!("+ Add a pledge ({count}/{MAX_PLEDGES})"),
                    } }
                </button>
            }) }
        </>
    }
}
