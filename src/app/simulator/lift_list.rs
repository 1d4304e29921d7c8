//! The smallest changes that lift the tier (spec §8 `lifts`), each one click from being made.

use yew::prelude::*;

use crate::app::hooks::AppState;
use crate::app::i18n;
use crate::app::state::Action;
use crate::engine::text::fmt2;
use crate::engine::Lang;

/// How many lifts the card lists.
const SHOWN: usize = 5;

pub fn lift_list(state: &AppState) -> Html {
    let (lang, rules) = (state.lang, state.rules.clone());
    let lifts = &state.what_if.lifts;
    if lifts.is_empty() {
        return match state.what_if.next_tier {
            Some(next) => html! {
                <p class="lifts muted">{ match lang {
                    Lang::Zh => format!("没有一项或两项改变能升到“{}”。", i18n::tier(next, lang)),
                    Lang::En => format!("No single or paired change reaches \"{}\".", i18n::tier(next, lang)),
                } }</p>
            },
            None => html! {},
        };
    }
    let rows = lifts.iter().take(SHOWN).map(|s| {
        let apply = {
            let (state, changes) = (state.clone(), s.changes.clone());
            Callback::from(move |_: MouseEvent| state.dispatch(Action::Apply(changes.clone())))
        };
        let text = i18n::changes_text(&s.changes, &rules, lang);
        html! {
            <li>
                <span class="lift-text">{ text.clone() }</span>
                <span class="lift-result num">{ format!("→ {} ", fmt2(s.total)) }{ i18n::tier(s.tier, lang) }</span>
                <button type="button" class="small" onclick={apply}
                    aria-label={format!("{} {}", lang.pick("采用:", "Apply:"), text)}>{ lang.pick("采用", "Apply") }</button>
            </li>
        }
    });
    html! {
        <section class="lifts" aria-labelledby="lifts-title">
            <h3 id="lifts-title">{ match lang {
                Lang::Zh => "升一个等次的最小改变",
                Lang::En => "Smallest changes that lift the tier",
            } }</h3>
            <ul>{ for rows }</ul>
        </section>
    }
}
