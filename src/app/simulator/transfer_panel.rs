//! The export and paste panel (see `app::transfer`): an export offers "download" and "copy"
//! (the clipboard, or the text selected for a long press where the browser refuses), with
//! the text itself to select by hand; pasting offers a text box whose content is imported
//! as a dossier, a cohort or a rule set. Esc or "close" closes it.

use yew::prelude::*;

use crate::app::dom;
use crate::app::hooks::{use_app_state, AppState};
use crate::app::state::Action;
use crate::app::transfer::{Export, PasteInto, Transfer};
use crate::engine::Lang;

/// Whether the last copy worked.
#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Not,
    Done,
    Refused,
}

#[function_component(TransferPanel)]
pub fn transfer_panel() -> Html {
    let state = use_app_state();
    let copied = use_state_eq(|| Copied::Not);
    let text_ref = use_node_ref();
    let Some(transfer) = state.transfer.clone() else {
        return html! {};
    };
    let lang = state.lang;
    let close = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Transfer(None)))
    };
    let onkeydown = {
        let state = state.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                state.dispatch(Action::Transfer(None));
            }
        })
    };
    let body = match &*transfer {
        Transfer::Export(export) => export_body(export, lang, &copied, &text_ref),
        Transfer::Paste(into) => paste_body(&state, *into, &text_ref),
    };
    let title = match &*transfer {
        Transfer::Export(export) => match lang {
            Lang::Zh => format!("导出“{}”", export.file),
            Lang::En => format!("Export \"{}\"", export.file),
        },
        Transfer::Paste(_) => lang.pick("粘贴导入", "Import by pasting").to_string(),
    };
    html! {
        <div class="transfer-backdrop">
            <section class="transfer-panel" role="dialog" aria-modal="true" aria-labelledby="transfer-title"
                {onkeydown} data-testid="transfer-panel">
                <div class="transfer-head">
                    <h2 id="transfer-title">{ title }</h2>
                    <button type="button" class="notice-close" onclick={close}
                        aria-label={lang.pick("关闭", "Close")}>{ "×" }</button>
                </div>
                { body }
            </section>
        </div>
    }
}

fn export_body(export: &Export, lang: Lang, copied: &UseStateHandle<Copied>, text_ref: &NodeRef) -> Html {
    let download = {
        let export = export.clone();
        Callback::from(move |_: MouseEvent| match &export.bytes {
            Some(bytes) => dom::download_bytes(&export.file, export.mime, bytes),
            None => dom::download(&export.file, export.mime, &export.text),
        })
    };
    let copy = {
        let (text, copied, text_ref) = (export.text.clone(), copied.clone(), text_ref.clone());
        Callback::from(move |_: MouseEvent| {
            let (copied, text_ref) = (copied.clone(), text_ref.clone());
            dom::copy_text(&text, move |ok| {
                if !ok {
                    // Refused (no secure context, no permission): select the text so that a
                    // long press or Ctrl+C copies it.
                    if let Some(area) = text_ref.cast::<web_sys::HtmlTextAreaElement>() {
                        area.select();
                    }
                }
                copied.set(if ok { Copied::Done } else { Copied::Refused });
            });
        })
    };
    let size = export.bytes.as_ref().map_or(export.text.len(), |b| b.len());
    let kb = (size as f64 / 1024.0).max(0.1);
    let what = match (lang, export.bytes.is_some()) {
        (Lang::Zh, false) => format!("{kb:.1} KB。聊天应用内置的浏览器常常不能下载文件:可以复制全文,粘贴到聊天或文档里。"),
        (Lang::En, false) => format!("{kb:.1} KB. In-app browsers of chat apps often block downloads: copy the text instead and paste it into a chat or a document."),
        (Lang::Zh, true) => format!("{kb:.1} KB。不能下载时,可以复制表格(制表符分隔),直接粘贴到 Excel 或 WPS。"),
        (Lang::En, true) => format!("{kb:.1} KB. Where downloads are blocked, copy the table (tab-separated) and paste it into Excel or WPS."),
    };
    let status = match **copied {
        Copied::Not => html! {},
        Copied::Done => {
            html! { <p class="transfer-status ok" role="status">{ lang.pick("已复制。", "Copied.") }</p> }
        }
        Copied::Refused => html! { <p class="transfer-status" role="status">{ lang.pick(
        "浏览器不允许自动复制:文字已选中,请长按(或按 Ctrl+C)复制。",
        "The browser does not allow copying here: the text is selected — long-press (or press Ctrl+C) to copy it.") }</p> },
    };
    let copy_label = if export.bytes.is_some() {
        lang.pick("复制表格", "Copy the table")
    } else {
        lang.pick("复制全文", "Copy the text")
    };
    html! {
        <>
            <p>{ what }</p>
            <div class="transfer-actions">
                <button type="button" class="primary" onclick={download}>{ lang.pick("下载文件", "Download the file") }</button>
                <button type="button" onclick={copy} data-testid="copy">{ copy_label }</button>
            </div>
            { status }
            <label class="transfer-label" for="transfer-text">{ lang.pick("全文(可手动选择复制)", "The text (to select by hand)") }</label>
            <textarea id="transfer-text" class="transfer-text" readonly=true ref={text_ref.clone()}
                value={(*export.text).clone()} rows="8" />
        </>
    }
}

fn paste_body(state: &AppState, into: PasteInto, text_ref: &NodeRef) -> Html {
    let lang = state.lang;
    let import = {
        let (state, text_ref) = (state.clone(), text_ref.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(area) = text_ref.cast::<web_sys::HtmlTextAreaElement>() else {
                return;
            };
            let text = area.value();
            if text.trim().is_empty() {
                return;
            }
            let file = lang.pick("粘贴的文本", "pasted text").to_string();
            state.dispatch(Action::Transfer(None));
            state.dispatch(paste_action(into, file, text));
        })
    };
    let hint = match into {
        PasteInto::Dossier => lang.pick(
            "把导出的档案 JSON(或别人发来的档案文本)粘贴到下面,然后点“导入”。导入为新档案,不会覆盖现有档案。",
            "Paste an exported dossier's JSON (or dossier text someone sent you) below, then choose Import. It becomes a new dossier; nothing is overwritten."),
        #[cfg(feature = "workshop")]
        PasteInto::Cohort => lang.pick(
            "粘贴名册的 JSON 或 CSV,或从 Excel / WPS 复制的整张表(含表头行),然后点“导入”。整份有效才会导入。",
            "Paste a cohort's JSON or CSV, or a whole table copied from Excel or WPS (with its header row), then choose Import. Nothing is imported unless all of it is valid."),
        #[cfg(feature = "workshop")]
        PasteInto::Rules => lang.pick(
            "粘贴规则集 JSON,然后点“导入”。有效才会生效。",
            "Paste a rule set's JSON, then choose Import. It comes into force only if it is valid."),
    };
    html! {
        <>
            <p>{ hint }</p>
            <label class="transfer-label" for="paste-text">{ lang.pick("粘贴到这里", "Paste here") }</label>
            <textarea id="paste-text" class="transfer-text" ref={text_ref.clone()} rows="10"
                data-testid="paste-text" />
            <div class="transfer-actions">
                <button type="button" class="primary" onclick={import} data-testid="paste-import">{ lang.pick("导入", "Import") }</button>
            </div>
        </>
    }
}

fn paste_action(into: PasteInto, file: String, text: String) -> Action {
    match into {
        PasteInto::Dossier => Action::Import { file, text },
        #[cfg(feature = "workshop")]
        PasteInto::Cohort => {
            Action::Workshop(crate::app::workshop::state::WorkshopAction::Import { file, text })
        }
        #[cfg(feature = "workshop")]
        PasteInto::Rules => Action::Rules(crate::app::workshop::rules::RulesAction::Import { file, text }),
    }
}
