//! A dossier section that opens and closes (UX: 基本信息, 履职践诺, …), built on `<details>`
//! so that it works from the keyboard without script. A closed section renders only its head:
//! its body is built when it is first opened (and stays while it is open).

use std::rc::Rc;

use yew::prelude::*;

/// A section's head: its element id, title, summary and state.
pub struct SectionHead<'a> {
    pub id: &'static str,
    pub title: &'a str,
    /// A short summary shown beside the title (counts, sub-totals).
    pub summary: Option<String>,
    /// Open when the page starts.
    pub open: bool,
    /// Marks the section when one of its fields is invalid.
    pub invalid: bool,
}

#[derive(Properties)]
pub struct SectionProps {
    pub id: &'static str,
    pub title: AttrValue,
    pub summary: Option<AttrValue>,
    pub open: bool,
    pub invalid: bool,
    pub body: Rc<dyn Fn() -> Html>,
}

impl PartialEq for SectionProps {
    /// Always re-rendered with its parent: the body is a function of the app's state.
    fn eq(&self, _: &Self) -> bool {
        false
    }
}

#[function_component(Section)]
pub fn section_view(props: &SectionProps) -> Html {
    let open = use_state_eq(|| props.open);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            if let Some(details) = e.target_dyn_into::<web_sys::Element>() {
                open.set(details.has_attribute("open"));
            }
        })
    };
    let class = classes!("section", props.invalid.then_some("section-invalid"));
    html! {
        <details {class} id={props.id} open={*open} {ontoggle}>
            <summary>
                <h2 class="section-title">{ props.title.clone() }</h2>
                if let Some(summary) = props.summary.clone() {
                    <span class="section-summary">{ summary }</span>
                }
            </summary>
            if *open {
                <div class="section-body">{ (props.body)() }</div>
            }
        </details>
    }
}

/// The section `head` over the body that `body` builds (only while the section is open).
pub fn section(head: SectionHead, body: impl Fn() -> Html + 'static) -> Html {
    html! {
        <Section id={head.id} title={AttrValue::from(head.title.to_string())}
            summary={head.summary.map(AttrValue::from)} open={head.open} invalid={head.invalid}
            body={Rc::new(body) as Rc<dyn Fn() -> Html>} />
    }
}
