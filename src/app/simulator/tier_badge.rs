//! The tier badge: always the tier's name (好 / 较好 / 一般 / 较差); colour only supports it.

use yew::prelude::*;

use crate::app::i18n;
use crate::engine::{Lang, Tier};

/// The badge of `tier`; `large` in the result card and the presenter view.
pub fn tier_badge(tier: Tier, lang: Lang, large: bool) -> Html {
    let class = classes!("tier-badge", i18n::tier_class(tier), large.then_some("large"));
    html! { <span {class}>{ i18n::tier(tier, lang) }</span> }
}
