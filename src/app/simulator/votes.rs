//! 多维测评: the democratic-evaluation votes of four rater groups in four categories (spec §3),
//! each group's score and weight beside it.

use yew::prelude::*;

use super::section::{section, SectionHead};
use crate::app::dom::event_value;
use crate::app::edit::Edit;
use crate::app::hooks::AppState;
use crate::app::i18n::field_id;
use crate::app::state::Action;
use crate::engine::text::{fmt2, fmt_num};
use crate::engine::{Engine, Lang, RaterGroup, VoteCategory};

pub fn votes_section(state: &AppState) -> Html {
    let lang = state.lang;
    let assumed = state.result.assumed.iter().any(|p| p == "votes");
    let summary = match (assumed, lang) {
        (true, Lang::Zh) => format!("无票:推算 {} 分", fmt2(state.result.dimensions.multi)),
        (true, Lang::En) => format!("no votes: assumed {}", fmt2(state.result.dimensions.multi)),
        (false, _) => format!(
            "{} → {}",
            fmt2(state.result.dimensions.multi),
            fmt2(state.result.parts.multi)
        ),
    };
    let s = state.clone();
    section(
        SectionHead {
            id: "sec-votes",
            title: lang.pick("多维测评", "Multi-rater evaluation"),
            summary: Some(summary),
            open: true,
            invalid: state.invalid_under("votes"),
        },
        move || votes_section_body(&s),
    )
}

fn votes_section_body(state: &AppState) -> Html {
    let (lang, form, rules) = (state.lang, state.form.clone(), state.rules.clone());
    let engine = Engine::new(&rules);
    let header = VoteCategory::ALL.iter().map(|c| {
        let value = fmt_num(rules.raters.vote_values.of(*c));
        html! { <th scope="col">{ lang.pick(c.zh(), c.en()) }<span class="muted">{ format!(" ({value})") }</span></th> }
    });
    let rows = RaterGroup::ALL.iter().enumerate().map(|(g, group)| {
        let cells = VoteCategory::ALL.iter().enumerate().map(|(c, category)| {
            let path = format!("votes.{}.{}", group.id(), category.id());
            let error = state.error_at(&path);
            let state = state.clone();
            let oninput = Callback::from(move |e: InputEvent| {
                state.dispatch(Action::Edit(Edit::Vote(g, c, event_value(&e))))
            });
            let label = format!("{} · {}", lang.pick(group.zh(), group.en()), lang.pick(category.zh(), category.en()));
            html! {
                <td class={classes!(error.is_some().then_some("invalid"))}>
                    <input id={field_id(&path)} type="text" inputmode="numeric" autocomplete="off" class="vote"
                        aria-label={label} value={form.votes[g][c].clone()} placeholder="0"
                        aria-invalid={error.is_some().then_some("true")} {oninput} />
                    if let Some(e) = error { <span class="field-error">{ e }</span> }
                </td>
            }
        });
        let score = if state.stale() { None } else { engine.group_score(&state.dossier, *group) };
        html! {
            <tr>
                <th scope="row">{ lang.pick(group.zh(), group.en()) }
                    <span class="muted">{ format!(" ×{}", fmt_num(rules.raters.weight(*group))) }</span></th>
                { for cells }
                <td class="num">{ score.map(fmt2).unwrap_or_else(|| "—".into()) }</td>
            </tr>
        }
    });
    html! {
        <>
            <div class="table-scroll">
                <table class="votes-table">
                    <caption class="visually-hidden">{ lang.pick("各测评主体的票数", "Votes per rater group") }</caption>
                    <thead><tr><th scope="col">{ lang.pick("测评主体 ×权重", "Rater group ×weight") }</th>{ for header }
                        <th scope="col">{ lang.pick("得分", "Score") }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <p class="field-hint">{ lang.pick(
                "每格为票数(非负整数);某主体全部留空表示未参与测评。",
                "Each cell is a number of votes (a whole number ≥ 0); leave a whole row empty if the group did not vote.") }</p>
        </>
    }
}
