//! A citation block: the article's own words, with the article named.

use yew::prelude::*;

/// `text` quoted from the article named by `source` (e.g. 《青岛日报》2023-03-23 第09版 幸福市北).
pub fn quote(text: &str, source: &str) -> Html {
    html! {
        <figure class="quote">
            <blockquote lang="zh-CN">{ format!("“{text}”") }</blockquote>
            <figcaption>{ "— " }<cite>{ source.to_string() }</cite></figcaption>
        </figure>
    }
}
