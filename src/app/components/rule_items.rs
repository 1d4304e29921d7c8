//! The positive or negative list in the rule editor: each item's Chinese and English text,
//! its points and (negative list) whether it vetoes. Ids and aspects stay fixed, so dossiers
//! and cohorts stay valid.

use yew::prelude::*;

use super::rule_field::RuleField;
use crate::app::hooks::use_app_state;
use crate::app::workshop::rule_draft::FieldKind;

#[derive(Properties, PartialEq)]
pub struct RuleItemsProps {
    #[prop_or_default]
    pub negative: bool,
}

#[function_component(RuleItems)]
pub fn rule_items(props: &RuleItemsProps) -> Html {
    let state = use_app_state();
    let (lang, rules) = (state.lang, state.rules.clone());
    let (list, aspects, name) = if props.negative {
        (&rules.negative.items, &rules.negative.aspects, "negative")
    } else {
        (&rules.positive.items, &rules.positive.aspects, "positive")
    };
    let rows = list.iter().enumerate().map(|(i, item)| {
        let at = |field: &str| AttrValue::from(format!("{name}.items[{i}].{field}"));
        let aspect = aspects
            .iter()
            .find(|a| a.id == item.aspect)
            .map_or(item.aspect.as_str(), |a| lang.pick(&a.zh, &a.en));
        let points_label = if props.negative {
            lang.pick("扣分", "points deducted")
        } else {
            lang.pick("加分", "points added")
        };
        let label = |what: &str| AttrValue::from(format!("{} · {what}", item.id));
        html! {
            <li key={item.id.clone()} class={classes!("rule-item", item.veto.then_some("veto"))}>
                <span class="item-id">{ item.id.clone() }</span>
                <span class="muted aspect-name">{ aspect }</span>
                <RuleField path={at("zh")} label={label(lang.pick("中文", "Chinese"))} kind={FieldKind::Text} class="item-text" />
                <RuleField path={at("en")} label={label(lang.pick("英文", "English"))} kind={FieldKind::Text} class="item-text" />
                <RuleField path={at("points")} label={label(points_label)} class="item-points" />
                if props.negative {
                    <RuleField path={at("veto")} label={label(lang.pick("一票否决", "veto"))} kind={FieldKind::Bool} />
                }
            </li>
        }
    });
    html! { <ul class="rule-items">{ for rows }</ul> }
}
