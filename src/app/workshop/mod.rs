//! 研讨演示: the trainers' workshop mode, and the rule editor it relies on.
//!
//! | module | owns |
//! |---|---|
//! | [`state`], [`reduce`] | the workshop's state and its [`state::WorkshopAction`]s: cohort, ranking, comparison, years, presenter, quiz |
//! | [`rules`], [`rule_draft`], [`variants`] | the rule editor: the draft with inline errors, named variants in `localStorage` |
//! | [`cohort_io`] | cohorts in and out as JSON and CSV (errors by line and column; nothing half-imported) |
//! | [`kept`] | the cohort kept in `localStorage` across reloads |
//! | [`table`] | the ranking table's filters and sorting |
//! | [`workbook`] | .xlsx in and out through the workshop's .xlsx module, loaded on first use |
//! | [`components`] | one Yew component per file |

pub mod cohort_io;
pub mod components;
pub mod kept;
pub mod reduce;
pub mod rule_draft;
pub mod rules;
pub mod state;
pub mod table;
pub mod variants;
pub mod workbook;

use yew::prelude::*;

use super::hooks::AppState;
use super::state::Action;

/// Keeps the workshop's cohort in `localStorage` whenever another one is loaded (not the one
/// just restored from there).
#[hook]
pub fn use_kept_cohort(state: &AppState) {
    let handle = state.clone();
    use_effect_with(state.workshop.cohort.as_ref().map(|c| c.id), move |id| {
        let w = &handle.workshop;
        let cohort = w.cohort.clone().filter(|c| id.is_some() && c.id != w.kept_id);
        if cohort.is_some_and(|c| !kept::save(&c)) {
            handle.dispatch(Action::Workshop(state::WorkshopAction::NotKept));
        }
    });
}
