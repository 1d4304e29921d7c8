//! The size floor, part two: the smallest page that still does the simulator's job — Yew
//! with one reducer, a dossier typed as JSON, its total, tier, what-if and explanation
//! computed on every edit, the text kept for storage and a share link. Every real view adds
//! to this. Built for the browser by `scripts/size-floor.sh`; see README "Size".

use std::rc::Rc;

use dongliang::app::share;
use dongliang::engine::{Dossier, Engine, RuleSet};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

struct Floor {
    rules: RuleSet,
    dossier: Dossier,
    problem: String,
}

enum Action {
    Edit(String),
}

impl Reducible for Floor {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let Action::Edit(text) = action;
        let (dossier, problem) = match Dossier::from_json(&text, &self.rules) {
            Ok(dossier) => (dossier, String::new()),
            Err(errors) => (self.dossier.clone(), errors.to_string()),
        };
        Rc::new(Floor {
            rules: self.rules.clone(),
            dossier,
            problem,
        })
    }
}

#[function_component]
fn Page() -> Html {
    let state = use_reducer(|| Floor {
        rules: RuleSet::default(),
        dossier: Dossier::default(),
        problem: String::new(),
    });
    let engine = Engine::new(&state.rules);
    let result = engine.evaluate_traced(&state.dossier);
    let what_if = engine.what_if(&state.dossier);
    let link = share::fragment(&state.dossier);
    let stored = serde_json::to_string(&state.dossier).unwrap_or_default();
    let on_input = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let field: HtmlTextAreaElement = e.target_unchecked_into();
            state.dispatch(Action::Edit(field.value()));
        })
    };
    html! {
        <main>
            <textarea aria-label="dossier" oninput={on_input} />
            <p>{ format!("{:.2} {:?} {} {}", result.total, result.tier, what_if.lifts.len(), result.trace.map_or(0, |t| t.len())) }</p>
            <p>{ &state.problem }{ stored.len() }{ share::decode(&link, &state.rules).is_ok() }</p>
            <p>{ state.rules.content_hash() }</p>
        </main>
    }
}

fn main() {
    yew::Renderer::<Page>::new().render();
}
