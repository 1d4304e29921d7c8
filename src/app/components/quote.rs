//! A citation block: the article's own words, with the article named.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuoteProps {
    pub text: AttrValue,
    /// The source line, e.g. 《青岛日报》2023-03-23 第09版 幸福市北.
    pub source: AttrValue,
}

#[function_component(Quote)]
pub fn quote(props: &QuoteProps) -> Html {
    html! {
        <figure class="quote">
            <blockquote lang="zh-CN">{ format!("“{}”", props.text) }</blockquote>
            <figcaption>{ "— " }<cite>{ props.source.clone() }</cite></figcaption>
        </figure>
    }
}
