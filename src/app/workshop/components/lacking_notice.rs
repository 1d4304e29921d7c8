//! The warning that a rule set lacks list items the cohort claims: which items, and how many
//! officials claim each (such claims count for nothing under that rule set).

use yew::prelude::*;

use crate::engine::compare::ItemUse;
use crate::engine::Lang;

/// Nothing when `uses` is empty; `side` names the rule set (“基线” / “the baseline”).
pub fn lacking_notice(uses: &[ItemUse], side: (&str, &str), lang: Lang, testid: &'static str) -> Html {
    if uses.is_empty() {
        return Html::default();
    }
    let items = ItemUse::describe(uses, lang);
    let text = match lang {
        Lang::Zh => format!("{0}中没有下列清单项,相关申报在{0}下不计分:{items}", side.0),
        Lang::En => format!(
            "Not in {}, so claiming these counts for nothing there: {items}",
            side.1
        ),
    };
    html! { <p class="notice notice-warn" data-testid={testid}>{ text }</p> }
}
