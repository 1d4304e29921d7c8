//! The workshop's views, one per file (components where they have hooks of their own, view
//! functions otherwise: see `app::simulator`), and the few helpers they share: dispatching a
//! workshop action, running heavy work after a paint, reading the rule variants once, and the
//! "fictional" tag that goes wherever the demo cohort appears.

pub mod cohort_bar;
pub mod compare_view;
pub mod dossier_facts;
pub mod filters;
pub mod histogram_chart;
pub mod lacking_notice;
pub mod movers;
pub mod official_picker;
pub mod page;
pub mod presenter;
pub mod presenter_home;
pub mod quiz;
pub mod quota_switch;
pub mod ranking_table;
pub mod ranking_view;
pub mod rule_field;
pub mod rule_group;
pub mod rule_items;
pub mod rule_variants;
pub mod rules_view;
pub mod tier_chart;
pub mod trace_steps;
pub mod transition_matrix;
pub mod years_view;

use yew::prelude::*;

use super::state::{Busy, WorkshopAction};
use super::variants;
use crate::app::hooks::AppState;
use crate::app::state::Action;
use crate::app::timing::after_paint;
use crate::app::workshop::rules::RulesAction;
use crate::engine::Lang;

/// A click that dispatches one workshop action.
pub fn on_click(state: &AppState, action: WorkshopAction) -> Callback<MouseEvent> {
    let state = state.clone();
    Callback::from(move |_: MouseEvent| state.dispatch(Action::Workshop(action.clone())))
}

/// Shows that `busy` work is under way, then runs `action` once that has been painted.
pub fn run_heavy(state: &AppState, busy: Busy, action: WorkshopAction) {
    state.dispatch(Action::Workshop(WorkshopAction::Busy(busy)));
    let state = state.clone();
    after_paint(move || state.dispatch(Action::Workshop(action)));
}

/// Reads the stored rule variants once, and saves them after every change.
#[hook]
pub fn use_rule_variants(state: &AppState) {
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            if !state.rule_edit.restored {
                state.dispatch(Action::Rules(RulesAction::Restored(variants::load())));
            }
        });
    }
    let handle = state.clone();
    use_effect_with(state.rule_edit.variants_rev, move |rev| {
        if *rev > 0 && !variants::save(&handle.rule_edit.variants) {
            handle.dispatch(Action::Rules(RulesAction::Notify(
                crate::app::workshop::rules::RulesNotice::SaveFailed,
            )));
        }
    });
}

/// The tag on everything drawn from the fictional demo cohort.
pub fn fictional_tag(lang: Lang) -> Html {
    html! {
        <span class="tag fictional-tag">{ lang.pick("虚构演示数据", "fictional demo data") }</span>
    }
}
