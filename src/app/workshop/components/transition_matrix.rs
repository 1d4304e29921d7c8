//! The tier transition matrix: how many officials go from each baseline tier (rows) to each
//! variant tier (columns). Moves up and down are marked in words as well as colour.

use yew::prelude::*;

use crate::app::i18n;
use crate::engine::{Lang, Tier};

/// The matrix of `transitions[from][to]`. (A plain view function: it holds no state.)
pub fn transition_matrix(transitions: &[[usize; 4]; 4], lang: Lang) -> Html {
    let head = Tier::ALL
        .iter()
        .map(|t| html! { <th scope="col">{ i18n::tier(*t, lang) }</th> });
    let rows = Tier::ALL.iter().map(|from| {
        let cells = Tier::ALL.iter().map(|to| {
            let n = transitions[from.index()][to.index()];
            let (class, label) = match (n, to.index().cmp(&from.index())) {
                (0, _) => ("", ""),
                (_, std::cmp::Ordering::Equal) => ("stay", ""),
                (_, std::cmp::Ordering::Less) => ("up", lang.pick("升", "up")),
                (_, std::cmp::Ordering::Greater) => ("down", lang.pick("降", "down")),
            };
            html! {
                <td class={classes!("num", class)} data-testid={format!("t-{}-{}", from.id(), to.id())}>
                    { n }
                    if !label.is_empty() { <span class="move">{ format!(" {label}") }</span> }
                </td>
            }
        });
        html! { <tr><th scope="row">{ i18n::tier(*from, lang) }</th>{ for cells }</tr> }
    });
    html! {
        <figure class="chart matrix">
            <table class="transition-matrix" data-testid="transition-matrix">
                <caption>{ lang.pick("等次转移(行:基线 → 列:方案)", "Tier transitions (rows: baseline → columns: variant)") }</caption>
                <thead><tr><th scope="col">{ lang.pick("基线 \\ 方案", "baseline \\ variant") }</th>{ for head }</tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </figure>
    }
}
