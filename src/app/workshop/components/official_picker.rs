//! Choosing the official in focus (for both explanations, the years and the presenter): the
//! candidates given, else the first officials by rank — at most 500, plus the one in focus.

use yew::prelude::*;

use crate::app::dom::event_value;
use crate::app::hooks::AppState;
use crate::app::state::Action;
use crate::app::workshop::state::WorkshopAction;
use crate::engine::demo::shown_name;

const MAX: usize = 500;

/// The picker with element id `id`, offering the cohort indices `candidates` (none: the first
/// officials by rank).
pub fn official_picker(state: &AppState, id: &'static str, candidates: &[usize]) -> Html {
    let (lang, w) = (state.lang, state.workshop.clone());
    let Some(cohort) = w.cohort.clone() else {
        return html! {};
    };
    let mut list: Vec<usize> = if candidates.is_empty() {
        w.ranking
            .as_ref()
            .map(|r| r.officials.iter().take(MAX).map(|o| o.index).collect())
            .unwrap_or_else(|| (0..cohort.officials.len().min(MAX)).collect())
    } else {
        candidates.iter().copied().take(MAX).collect()
    };
    if !list.contains(&w.focus) {
        list.insert(0, w.focus);
    }
    let onchange = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            if let Ok(i) = event_value(&e).parse() {
                state.dispatch(Action::Workshop(WorkshopAction::Focus(i)));
            }
        })
    };
    let options = list.iter().filter_map(|i| {
        let d = cohort.officials.get(*i)?;
        Some(html! { <option value={i.to_string()} selected={*i == w.focus}>{ shown_name(d.display_name(), lang).into_owned() }</option> })
    });
    html! {
        <div class="field picker">
            <label for={id}>{ lang.pick("干部", "Official") }</label>
            <select {id} {onchange}>{ for options }</select>
        </div>
    }
}
