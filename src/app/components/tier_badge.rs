//! The tier badge: always the tier's name (好 / 较好 / 一般 / 较差); colour only supports it.

use yew::prelude::*;

use crate::app::i18n;
use crate::engine::{Lang, Tier};

#[derive(Properties, PartialEq)]
pub struct TierBadgeProps {
    pub tier: Tier,
    pub lang: Lang,
    #[prop_or_default]
    pub large: bool,
}

#[function_component(TierBadge)]
pub fn tier_badge(props: &TierBadgeProps) -> Html {
    let class = classes!(
        "tier-badge",
        i18n::tier_class(props.tier),
        props.large.then_some("large")
    );
    html! { <span {class}>{ i18n::tier(props.tier, props.lang) }</span> }
}
