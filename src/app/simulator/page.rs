//! The self-assessment view: the toolbar and notices on top, the dossier editor on the left,
//! the result card and its tabs on the right (one column and a bottom bar on phones).

use yew::prelude::*;

use super::assumptions::assumptions_section;
use super::basics::basics_section;
use super::error_summary::error_summary;
use super::history::history_section;
use super::mobile_bar::mobile_bar;
use super::negative_list::negative_list;
use super::notice_bar::notice_bar;
use super::pledges::pledges_section;
use super::positive_list::positive_list;
use super::result_card::result_card;
use super::result_tabs::result_tabs;
use super::toolbar::toolbar;
use super::unit_section::unit_section;
use super::votes::votes_section;
use crate::app::hooks::AppState;

/// The view; in the page's `first_frame` only the result card, so that it is painted at once.
pub fn self_assessment_page(state: &AppState, first_frame: bool) -> Html {
    let lang = state.lang;
    let full = !first_frame;
    html! {
        <>
            <h1 class="visually-hidden">{ lang.pick("自评模拟", "Self-assessment") }</h1>
            if full {
                { toolbar(state) }
                { notice_bar(state) }
            }
            <div class="layout">
                <form class="editor" aria-label={lang.pick("考评档案", "Dossier")}
                    onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    if full {
                        { error_summary(state) }
                        { basics_section(state) }
                        { pledges_section(state) }
                        { unit_section(state) }
                        { votes_section(state) }
                        { positive_list(state) }
                        { negative_list(state) }
                        { history_section(state) }
                        { assumptions_section(state) }
                    }
                </form>
                <aside class="result-col" aria-label={lang.pick("结果", "Result")}>
                    { result_card(state, full) }
                    if full {
                        { result_tabs(state) }
                    }
                </aside>
            </div>
            { mobile_bar(state) }
        </>
    }
}
