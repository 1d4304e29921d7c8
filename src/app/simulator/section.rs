//! A dossier section that opens and closes (UX: 基本信息, 履职践诺, …), built on `<details>`
//! so that it works from the keyboard without script.

use yew::prelude::*;

/// A section's head: its element id, title, summary and state.
pub struct SectionHead<'a> {
    pub id: &'static str,
    pub title: &'a str,
    /// A short summary shown beside the title (counts, sub-totals).
    pub summary: Option<String>,
    pub open: bool,
    /// Marks the section when one of its fields is invalid.
    pub invalid: bool,
}

/// The section `head` over `body`.
pub fn section(head: SectionHead, body: Html) -> Html {
    let class = classes!("section", head.invalid.then_some("section-invalid"));
    html! {
        <details {class} id={head.id} open={head.open}>
            <summary>
                <h2 class="section-title">{ head.title.to_string() }</h2>
                if let Some(summary) = head.summary {
                    <span class="section-summary">{ summary }</span>
                }
            </summary>
            <div class="section-body">{ body }</div>
        </details>
    }
}
