//! A citation block: the article's own words, with the article named; in English with our
//! translation beneath, marked as a translation (the article is Chinese).

use yew::prelude::*;

use crate::engine::plain::source_line;
use crate::engine::{Lang, RuleSet};

/// `text` quoted from the rules' source article, with its English `translation` where the
/// reader reads English.
pub fn quote(text: &str, translation: Option<&str>, rules: &RuleSet, lang: Lang) -> Html {
    let gloss = match (lang, translation) {
        (Lang::En, Some(en)) => Some(format!("Translation: \"{en}\"")),
        (Lang::En, None) => Some("(No English translation in these rules.)".to_string()),
        (Lang::Zh, _) => None,
    };
    html! {
        <figure class="quote">
            <blockquote lang="zh-CN">{ format!("“{text}”") }</blockquote>
            if let Some(gloss) = gloss { <p class="quote-gloss" lang="en">{ gloss }</p> }
            <figcaption>{ "— " }<cite>{ source_line(rules, lang) }</cite></figcaption>
        </figure>
    }
}
