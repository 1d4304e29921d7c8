//! The positive or negative list in the rule editor: each item's Chinese and English text,
//! its points and (negative list) whether it vetoes. Ids and aspects stay fixed, so dossiers
//! and cohorts stay valid.

use yew::prelude::*;

use super::rule_field::rule_field;
use crate::app::hooks::AppState;
use crate::app::workshop::rule_draft::FieldKind;

/// The items of the negative list, or of the positive one.
pub fn rule_items(state: &AppState, negative: bool) -> Html {
    let (lang, rules) = (state.lang, state.rules.clone());
    let (list, aspects, name) = if negative {
        (&rules.negative.items, &rules.negative.aspects, "negative")
    } else {
        (&rules.positive.items, &rules.positive.aspects, "positive")
    };
    let rows = list.iter().enumerate().map(|(i, item)| {
        let at = |field: &str| format!("{name}.items[{i}].{field}");
        let aspect = aspects
            .iter()
            .find(|a| a.id == item.aspect)
            .map_or(item.aspect.as_str(), |a| lang.pick(&a.zh, &a.en));
        let points_label = if negative {
            lang.pick("扣分", "points deducted")
        } else {
            lang.pick("加分", "points added")
        };
        let label = |what: &str| format!("{} · {what}", item.id);
        html! {
            <li key={item.id.clone()} class={classes!("rule-item", item.veto.then_some("veto"))}>
                <span class="item-id">{ item.id.clone() }</span>
                <span class="muted aspect-name">{ aspect }</span>
                { rule_field(state, &at("zh"), &label(lang.pick("中文", "Chinese")), FieldKind::Text, "item-text") }
                { rule_field(state, &at("en"), &label(lang.pick("英文", "English")), FieldKind::Text, "item-text") }
                { rule_field(state, &at("points"), &label(points_label), FieldKind::Number, "item-points") }
                if negative {
                    { rule_field(state, &at("veto"), &label(lang.pick("一票否决", "veto")), FieldKind::Bool, "") }
                }
            </li>
        }
    });
    html! { <ul class="rule-items">{ for rows }</ul> }
}
