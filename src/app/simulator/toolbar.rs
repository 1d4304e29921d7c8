//! The dossier toolbar: which named dossier is open (switch, rename, new, example, copy,
//! delete), import and export as a JSON file, the share link, printing and undo. On a phone it
//! folds into one menu button (档案 ▾) that opens it as a panel over the page (a disclosure:
//! the button says whether it is open; Esc, a tap outside or an action closes it).

use yew::prelude::*;

use super::page::{later, narrow, Piece};
use crate::app::dom::{self, event_value};
use crate::app::hooks::{use_app_state, AppState};
use crate::app::library::EXAMPLES;
use crate::app::notice::Notice;
use crate::app::share;
use crate::app::state::Action;
use crate::app::transfer::{Export, PasteInto, Transfer};
use crate::engine::text::indent_json;
use crate::engine::{FieldError, FieldErrors, Problem, RulesMark};

/// Files larger than this (megabytes) are refused before reading.
const MAX_IMPORT_MB: u32 = 1;

fn import_failed(file: String, en: &str, zh: &str) -> Action {
    let errors = FieldErrors(vec![FieldError::new("", Problem::invalid(en, zh))]);
    Action::Notify(Notice::ImportFailed { file, errors })
}

/// The menu button and the toolbar (on a wide screen the button is hidden and the toolbar
/// always shows: styles/app.css).
#[function_component(DossierMenu)]
pub fn dossier_menu() -> Html {
    let state = use_app_state();
    let lang = state.lang;
    let open = use_state_eq(|| false);
    let button = use_node_ref();
    // Closing hands the keyboard focus back to the button when it was inside the panel.
    let close = {
        let (open, button) = (open.clone(), button.clone());
        Callback::from(move |_: ()| {
            open.set(false);
            if let Some(b) = button.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
        })
    };
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let onkeydown = {
        let (open, close) = (open.clone(), close.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && *open {
                e.prevent_default();
                close.emit(());
            }
        })
    };
    // A tap on one of the toolbar's buttons does what it says and closes the menu; the
    // fields (the dossier picker, its name, the examples) keep it open.
    let onclick = {
        let (open, close) = (open.clone(), close.clone());
        Callback::from(move |e: MouseEvent| {
            let on_button = e
                .target_dyn_into::<web_sys::Element>()
                .and_then(|el| el.closest("button").ok().flatten())
                .is_some();
            if *open && on_button {
                close.emit(());
            }
        })
    };
    let backdrop = {
        let close = close.clone();
        Callback::from(move |_: MouseEvent| close.emit(()))
    };
    let current = state.library.open().label.clone();
    html! {
        <div class={classes!("dossier-menu", open.then_some("open"))} {onkeydown}>
            <button type="button" class="menu-button" ref={button} aria-expanded={open.to_string()}
                aria-controls="dossier-tools" onclick={toggle}>
                <span class="menu-title">{ lang.pick("档案", "Dossier") }</span>
                <span class="menu-current">{ current }</span>
                <span class="menu-caret" aria-hidden="true">{ "▾" }</span>
            </button>
            if *open {
                <div class="menu-backdrop" onclick={backdrop}></div>
            }
            // On a phone the closed menu's toolbar is built last, after the editor (it is
            // hidden until opened; a resize to a wide screen shows it).
            <div class="menu-panel" id="dossier-tools" {onclick}>
                if *open || !narrow() {
                    { toolbar(&state) }
                } else {
                    { later(Piece::Last, { let state = state.clone(); move || toolbar(&state) }) }
                }
            </div>
        </div>
    }
}

pub fn toolbar(state: &AppState) -> Html {
    let lang = state.lang;
    let library = state.library.clone();
    let dispatch = |action: Action| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(action.clone()))
    };
    let on_select = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            if let Ok(i) = event_value(&e).parse() {
                state.dispatch(Action::SelectSlot(i));
            }
        })
    };
    let on_rename = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let current = state.library.current;
            state.dispatch(Action::RenameSlot(current, event_value(&e)));
        })
    };
    let on_example = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            if let Ok(i) = event_value(&e).parse() {
                state.dispatch(Action::LoadExample(i));
            }
            if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                select.set_value("");
            }
        })
    };
    let on_delete = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let current = state.library.current;
            let label = state.library.open().label.clone();
            let question = match state.lang {
                crate::engine::Lang::Zh => format!("删除档案“{label}”?此操作不能撤销。"),
                crate::engine::Lang::En => format!("Delete the dossier \"{label}\"? This cannot be undone."),
            };
            if dom::confirm(&question) {
                state.dispatch(Action::DeleteSlot(current));
            }
        })
    };
    let on_import = {
        let state = state.clone();
        let done = Callback::from(move |(file, read): dom::FileRead| match read {
            Ok(text) => state.dispatch(Action::Import { file, text }),
            Err((en, zh)) => state.dispatch(import_failed(file, &en, &zh)),
        });
        Callback::from(move |e: Event| dom::read_chosen_file(&e, Some(MAX_IMPORT_MB), done.clone()))
    };
    let on_export = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            // The file says which rules it was written under (informational).
            let mut d = (*state.dossier).clone();
            d.rules = Some(RulesMark {
                name: state.rules.name.clone(),
                version: state.rules.version.clone(),
                hash: state.rules_hash.to_string(),
            });
            let text = indent_json(&serde_json::to_string(&d).unwrap_or_default());
            let file = format!("{}.json", state.library.open().label);
            let export = Export::text(file, "application/json", text);
            state.dispatch(Action::Transfer(Some(Transfer::Export(export))));
        })
    };
    let on_paste = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::Transfer(Some(Transfer::Paste(PasteInto::Dossier))))
        })
    };
    let on_share = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let url = share::url(&dom::page_url(), &state.dossier, &state.rules, &state.rules_hash);
            state.dispatch(Action::Notify(Notice::ShareLink(url)));
        })
    };
    let slots = library.slots.iter().enumerate().map(|(i, slot)| {
        html! { <option value={i.to_string()} selected={i == library.current}>{ slot.label.clone() }</option> }
    });
    let examples = EXAMPLES.iter().enumerate().map(|(i, example)| {
        html! { <option value={i.to_string()}>{ lang.pick(example.zh, example.en) }</option> }
    });
    html! {
        <div class="toolbar" role="toolbar" aria-label={lang.pick("档案操作", "Dossier actions")}>
            <div class="toolbar-group">
                <label for="slot-select">{ lang.pick("当前档案", "Open dossier") }</label>
                <select id="slot-select" onchange={on_select}>{ for slots }</select>
                <label for="slot-label" class="visually-hidden">{ lang.pick("档案名称", "Dossier name") }</label>
                <input id="slot-label" type="text" class="slot-label" value={library.open().label.clone()}
                    onchange={on_rename} title={lang.pick("重命名档案", "Rename the dossier")} />
            </div>
            <div class="toolbar-group">
                <button type="button" class="primary" onclick={dispatch(Action::NewDossier)}>
                    { lang.pick("新建我的自评", "Start my own") }</button>
                <label for="example-select" class="visually-hidden">{ lang.pick("载入示例", "Load an example") }</label>
                <select id="example-select" onchange={on_example}>
                    <option value="" selected=true>{ lang.pick("载入示例……", "Load an example…") }</option>
                    { for examples }
                </select>
                <button type="button" onclick={dispatch(Action::DuplicateSlot)}>{ lang.pick("复制", "Duplicate") }</button>
                <button type="button" onclick={on_delete} disabled={library.slots.len() < 2}>
                    { lang.pick("删除", "Delete") }</button>
            </div>
            <div class="toolbar-group">
                <input id="import-file" class="visually-hidden file-input" type="file"
                    accept=".json,application/json" onchange={on_import} />
                <label class="button" for="import-file">{ lang.pick("导入 JSON", "Import JSON") }</label>
                <button type="button" onclick={on_paste}>{ lang.pick("粘贴导入", "Paste to import") }</button>
                <button type="button" onclick={on_export}>{ lang.pick("导出 JSON", "Export JSON") }</button>
                <button type="button" onclick={on_share}>{ lang.pick("分享链接", "Share link") }</button>
                <button type="button" onclick={Callback::from(|_: MouseEvent| dom::print())}>
                    { lang.pick("打印报告", "Print report") }</button>
                <button type="button" onclick={dispatch(Action::Undo)} disabled={state.undo.is_empty()}>
                    { lang.pick("撤销", "Undo") }</button>
            </div>
        </div>
    }
}
