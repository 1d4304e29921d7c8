//! The quota switch (spec §5): at most a share of the cohort may be 好. It edits
//! `quota.good_quota` of the rule set in force, and says what the quota did — and when officials
//! tied at the cut kept 好 beyond it.

use yew::prelude::*;

use crate::app::dom::{event_checked, event_value};
use crate::app::hooks::AppState;
use crate::app::state::Action;
use crate::app::workshop::rule_draft::FieldKind;
use crate::app::workshop::rules::RulesAction;
use crate::engine::text::fmt_num;
use crate::engine::Lang;

const PATH: &str = "quota.good_quota";

fn edit(text: String) -> Action {
    Action::Rules(RulesAction::Edit {
        path: PATH.into(),
        text,
        kind: FieldKind::OptionalNumber,
    })
}

pub fn quota_switch(state: &AppState) -> Html {
    let lang = state.lang;
    let draft = state.rule_edit.draft.clone();
    let typed = draft.text(PATH);
    let on = !typed.trim().is_empty();
    let percent = match typed.trim().parse::<f64>() {
        Ok(share) => fmt_num(share * 100.0),
        Err(_) => typed.clone(),
    };
    let on_toggle = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let text = if event_checked(&e) { "0.3" } else { "" };
            state.dispatch(edit(text.into()));
        })
    };
    let on_input = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let text = event_value(&e);
            let share = match text.trim().parse::<f64>() {
                Ok(p) => fmt_num(p / 100.0),
                Err(_) if text.trim().is_empty() => "0".into(),
                Err(_) => text,
            };
            state.dispatch(edit(share));
        })
    };
    let error = draft.error_at(PATH, lang);
    let outcome = state.workshop.ranking.as_ref().and_then(|r| r.quota).map(|q| {
        let demoted = q.good_before - q.good_after;
        let mut text = match lang {
            Lang::Zh => format!(
                "限额 {} 人(总人数 × {}% 向下取整);按总分原有 {} 人为“好”,{demoted} 人降为“较好”。",
                q.allowed,
                fmt_num(q.quota * 100.0),
                q.good_before
            ),
            Lang::En => format!(
                "Limit {} (cohort × {}%, rounded down); {} earned \"good\" by total, {demoted} dropped to \"fairly good\".",
                q.allowed,
                fmt_num(q.quota * 100.0),
                q.good_before
            ),
        };
        if q.exceeded_by_tie {
            text.push_str(&match lang {
                Lang::Zh => format!(
                    " 分界处总分并列:{} 人保留“好”,超出限额 {} 人。",
                    q.good_after,
                    q.good_after - q.allowed
                ),
                Lang::En => format!(
                    " Tied at the cut: {} keep \"good\", {} beyond the limit.",
                    q.good_after,
                    q.good_after - q.allowed
                ),
            });
        }
        html! { <p class={classes!("quota-outcome", q.exceeded_by_tie.then_some("tie"))} data-testid="quota-outcome">{ text }</p> }
    });
    html! {
        <div class="quota">
            <div class="field check">
                <input id="quota-on" type="checkbox" checked={on} onchange={on_toggle} />
                <label for="quota-on">{ lang.pick("限制“好”等次的比例", "Limit the share of \"good\"") }</label>
            </div>
            <div class={classes!("field", "quota-value", error.is_some().then_some("invalid"))}>
                <label for="quota-share">{ lang.pick("不超过(%)", "At most (%)") }</label>
                <input id="quota-share" type="text" inputmode="decimal" value={percent} disabled={!on}
                    aria-invalid={error.is_some().then_some("true")} oninput={on_input} />
                if let Some(e) = error { <span class="field-error">{ e }</span> }
            </div>
            { outcome.unwrap_or_default() }
        </div>
    }
}
