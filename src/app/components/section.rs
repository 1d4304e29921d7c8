//! A dossier section that opens and closes (UX: 基本信息, 履职践诺, …), built on `<details>`
//! so that it works from the keyboard without script.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SectionProps {
    pub id: AttrValue,
    pub title: AttrValue,
    /// A short summary shown beside the title (counts, sub-totals).
    #[prop_or_default]
    pub summary: Option<AttrValue>,
    #[prop_or(true)]
    pub open: bool,
    /// Marks the section when one of its fields is invalid.
    #[prop_or_default]
    pub invalid: bool,
    #[prop_or_default]
    pub children: Html,
}

#[function_component(Section)]
pub fn section(props: &SectionProps) -> Html {
    let class = classes!("section", props.invalid.then_some("section-invalid"));
    html! {
        <details {class} id={props.id.clone()} open={props.open}>
            <summary>
                <h2 class="section-title">{ props.title.clone() }</h2>
                if let Some(summary) = &props.summary {
                    <span class="section-summary">{ summary.clone() }</span>
                }
            </summary>
            <div class="section-body">{ props.children.clone() }</div>
        </details>
    }
}
