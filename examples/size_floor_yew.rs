//! The size floor, part zero: Yew alone — one reducer and a one-field page, no engine — for
//! comparison with `size_floor_engine` and `size_floor_page`. Built for the browser by
//! `scripts/size-floor.sh`; see README "Size".

use std::rc::Rc;

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Default)]
struct Text(String);

impl Reducible for Text {
    type Action = String;

    fn reduce(self: Rc<Self>, text: String) -> Rc<Self> {
        Rc::new(Text(text))
    }
}

#[function_component]
fn Page() -> Html {
    let state = use_reducer(Text::default);
    let on_input = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let field: HtmlTextAreaElement = e.target_unchecked_into();
            state.dispatch(field.value());
        })
    };
    html! {
        <main>
            <textarea aria-label="text" oninput={on_input} />
            <p>{ format!("{} {}", state.0.len(), state.0.chars().rev().collect::<String>()) }</p>
        </main>
    }
}

fn main() {
    yew::Renderer::<Page>::new().render();
}
