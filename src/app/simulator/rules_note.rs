//! What the numbers rest on, said wherever a result is shown: every default parameter is
//! illustrative — this is not the district's official scoring — and, while the rules in force
//! differ from the default, which rule set they are (its name and the start of its hash).

use yew::prelude::*;

use crate::app::hooks::AppState;
use crate::app::rules_store::default_hash;
use crate::app::state::{Action, View};
use crate::engine::Lang;

/// A link to the rules view: on the phone's page the workshop's page (`workshop.html#rules`),
/// which holds the rule editor; on the workshop's page the view itself.
pub fn rules_link(state: &AppState, text: String) -> Html {
    if cfg!(feature = "workshop") {
        let state = state.clone();
        let onclick = Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            state.dispatch(Action::SetView(View::Rules));
        });
        html! { <a href="#rules" {onclick}>{ text }</a> }
    } else {
        html! { <a href="workshop.html#rules">{ text }</a> }
    }
}

/// True while the rules in force are not the default rule set.
pub fn custom_rules(state: &AppState) -> bool {
    *state.rules_hash != *default_hash()
}

/// The first 8 hex digits of a rule set's content hash (`sha256:1a2b3c4d…` → `1a2b3c4d`).
pub fn short_hash(hash: &str) -> String {
    hash.trim_start_matches("sha256:").chars().take(8).collect()
}

/// The name and the first 8 hex digits of the hash of the rules in force.
pub fn rules_mark_text(state: &AppState) -> String {
    let rules = &state.rules;
    let name = state.lang.pick(&rules.name, &rules.name_en);
    let hash = short_hash(&state.rules_hash);
    match state.lang {
        Lang::Zh => format!("现行规则已修改:{name} · {hash}"),
        Lang::En => format!("Changed rules in force: {name} · {hash}"),
    }
}

/// The one-line note under a result: illustrative parameters, not official scoring, with a
/// link to the rules; and the mark of changed rules while they are in force.
pub fn rules_note(state: &AppState) -> Html {
    let lang = state.lang;
    let text = lang.pick(
        "示例参数,非官方评分",
        "Illustrative parameters, not official scoring",
    );
    html! {
        <p class="rules-note" data-testid="rules-note">
            { text }{ " · " }{ rules_link(state, lang.pick("查看规则", "see the rules").to_string()) }
            if custom_rules(state) {
                <span class="rules-mark" data-testid="rules-mark">{ rules_mark_text(state) }</span>
            }
        </p>
    }
}
