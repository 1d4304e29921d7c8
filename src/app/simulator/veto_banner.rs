//! The veto banner (一票否决): which item or test vetoed the official, the article's words on
//! it, and what the veto does to the tier.

use yew::prelude::*;

use super::quote::quote;
use crate::app::i18n;
use crate::engine::assessment::VetoCause;
use crate::engine::{Assessment, Lang, RuleSet};

/// The banner of a vetoed `result`; nothing when it is not vetoed.
pub fn veto_banner(result: &Assessment, rules: &RuleSet, lang: Lang) -> Html {
    if !result.vetoed {
        return html! {};
    }
    let causes: Html = result
        .vetoed_by
        .iter()
        .map(|cause| {
            let (what, said) = match cause {
                VetoCause::Item { id } => {
                    let item = rules.negative_item(id);
                    let text = item
                        .map(|i| i18n::item_text(i, lang).to_string())
                        .unwrap_or_default();
                    let quote = match item.and_then(|i| i.quote.clone()) {
                        Some(q) => Some((q, item.and_then(|i| i.quote_en.clone()))),
                        None => rules
                            .veto
                            .basis
                            .quote
                            .clone()
                            .map(|q| (q, rules.veto.basis.quote_en.clone())),
                    };
                    (format!("{id} {text}"), quote)
                }
                VetoCause::PoliticalQuality => (
                    lang.pick("政治素质测评不合格", "found politically unqualified")
                        .to_string(),
                    rules
                        .political_quality
                        .basis
                        .quote
                        .clone()
                        .map(|q| (q, rules.political_quality.basis.quote_en.clone())),
                ),
            };
            html! {
                <li>
                    <strong>{ what }</strong>
                    if let Some((q, en)) = said { { quote(&q, en.as_deref(), rules, lang) } }
                </li>
            }
        })
        .collect();
    let cap = rules.veto_cap();
    let effect = match lang {
        Lang::Zh => format!(
            "取消评优资格:等次最高为“{}”{},不参加“{}”评选。",
            cap.zh(),
            if result.uncapped_tier.is_better_than(cap) {
                format!("(按分数应为“{}”)", result.uncapped_tier.zh())
            } else {
                String::new()
            },
            rules.honour.zh
        ),
        Lang::En => format!(
            "Disqualified from the top tier: at most \"{}\"{}, and excluded from the \"{}\" honour.",
            cap.en(),
            if result.uncapped_tier.is_better_than(cap) {
                format!(" (the score alone would give \"{}\")", result.uncapped_tier.en())
            } else {
                String::new()
            },
            rules.honour.en
        ),
    };
    html! {
        <section class="veto-banner" role="alert" aria-labelledby="veto-title">
            <h3 id="veto-title">{ lang.pick("一票否决", "One-vote veto") }</h3>
            <p>{ effect }</p>
            <ul class="veto-causes">{ causes }</ul>
        </section>
    }
}
