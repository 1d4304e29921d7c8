//! The notice above the editor: an import's outcome (with every error), a share link to copy,
//! a damaged link, unreadable stored data (with its text offered for download), a refused save.

use yew::prelude::*;

use crate::app::dom;
use crate::app::hooks::AppState;
use crate::app::notice::{other_rules, other_rules_text, Notice};
use crate::app::share::ShareError;
use crate::app::state::Action;
use crate::engine::{FieldErrors, Lang};

fn error_list(errors: &FieldErrors, lang: Lang) -> Html {
    html! {
        <ul class="error-list">
            { for errors.iter().map(|e| html! { <li>{ crate::app::i18n::error_line(e, lang) }</li> }) }
        </ul>
    }
}

/// Copies text to the clipboard (the page is a secure context on 127.0.0.1 and https).
fn copy(text: String) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.navigator().clipboard().write_text(&text);
        }
    })
}

/// The QR code of a share link, for opening it on a phone; a link too long for one says so.
pub fn qr_code(url: &str, lang: Lang) -> Html {
    match crate::app::qr::data_url(url) {
        Some(src) => html! {
            <figure class="qr">
                <img {src} width="200" height="200" data-testid="share-qr"
                    alt={lang.pick("分享链接的二维码", "QR code of the share link")} />
                <figcaption>{ lang.pick("扫码在手机上打开", "Scan to open on a phone") }</figcaption>
            </figure>
        },
        None => html! {
            <p class="muted" data-testid="share-qr-too-long">{ lang.pick(
                "档案内容太多,装不进一个二维码:请复制链接发送。",
                "This dossier holds too much for a QR code: copy the link and send it instead.") }</p>
        },
    }
}

pub fn notice_bar(state: &AppState) -> Html {
    let lang = state.lang;
    let Some(notice) = state.notice.clone() else {
        return html! {};
    };
    let dismiss = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Dismiss))
    };
    let (kind, body) = match &*notice {
        Notice::Imported { label, mark } => {
            let other = other_rules(mark.as_ref(), &state.rules_hash);
            (
                "ok",
                html! {
                    <>
                        <p>{ match lang {
                            Lang::Zh => format!("已导入为新档案“{label}”。"),
                            Lang::En => format!("Imported as the new dossier \"{label}\"."),
                        } }</p>
                        if let Some(mark) = other {
                            <p data-testid="other-rules">{ other_rules_text(mark, &state.rules, lang) }</p>
                        }
                    </>
                },
            )
        }
        Notice::ImportFailed { file, errors } => (
            "error",
            html! {
                <>
                    <p><strong>{ match lang {
                        Lang::Zh => format!("无法导入“{file}”,现有档案未作任何改动:"),
                        Lang::En => format!("\"{file}\" could not be imported; nothing was changed:"),
                    } }</strong></p>
                    { error_list(errors, lang) }
                </>
            },
        ),
        Notice::Corrupt { text, why } | Notice::RulesCorrupt { text, why } => {
            let heading = if matches!(&*notice, Notice::RulesCorrupt { .. }) {
                lang.pick(
                    "浏览器中保存的规则集无法读取,现按默认规则计算。",
                    "The rule set saved in this browser could not be read; the default rules are in force.",
                )
            } else {
                lang.pick(
                    "浏览器中保存的数据无法读取,已重新开始(载入示例 01)。",
                    "The data saved in this browser could not be read; the app started afresh (example 01).",
                )
            };
            let text = text.clone();
            let save = Callback::from(move |_: MouseEvent| {
                dom::download("dongliang-unreadable-storage.txt", "text/plain", &text)
            });
            (
                "error",
                html! {
                    <>
                        <p><strong>{ heading }</strong></p>
                        <p>{ why.message(lang) }</p>
                        <button type="button" onclick={save}>{ lang.pick("下载无法读取的数据", "Download the unreadable data") }</button>
                    </>
                },
            )
        }
        Notice::Shared { label } => (
            "ok",
            html! { <p>{ match lang {
                Lang::Zh => format!("已从分享链接打开档案“{label}”(已另存,未覆盖您的档案)。"),
                Lang::En => format!("Opened \"{label}\" from a share link (saved separately; your dossiers are untouched)."),
            } }</p> },
        ),
        Notice::SharedUnderRules {
            label,
            name,
            hash,
            rules,
            adopted,
            refused,
        } => {
            let short = crate::app::simulator::rules_note::short_hash(hash);
            let opened = label.as_ref().map(|label| match lang {
                Lang::Zh => format!("已从分享链接打开档案“{label}”(已另存)。"),
                Lang::En => format!("Opened \"{label}\" from a share link (saved separately)."),
            });
            let adopt = |rules: std::rc::Rc<crate::engine::RuleSet>, zh: &'static str, en: &'static str| {
                let state = state.clone();
                let onclick =
                    Callback::from(move |_: MouseEvent| state.dispatch(Action::AdoptRules(rules.clone())));
                html! { <button type="button" {onclick}>{ lang.pick(zh, en) }</button> }
            };
            let default = std::rc::Rc::new(crate::app::rule_set::default_rules());
            let body = match (adopted, refused, lang) {
                (true, _, Lang::Zh) => format!(
                    "分享者使用的是修改过的规则“{name}”({short}),现已按其计算并设为现行规则,总分与分享者看到的一致。"),
                (true, _, Lang::En) => format!(
                    "The sender used changed rules, \"{name}\" ({short}); they are now in force here, so the total is the one the sender sees."),
                (false, Some(kept), Lang::Zh) => format!(
                    "分享者的规则“{name}”({short})与现行规则不同;采用它会使已保存的档案“{kept}”无效,因此未采用。结果可能与分享者看到的不同。"),
                (false, Some(kept), Lang::En) => format!(
                    "The sender's rules, \"{name}\" ({short}), differ from the rules in force; adopting them would make the saved dossier \"{kept}\" invalid, so they were not adopted. The total may differ from the sender's."),
                (false, None, Lang::Zh) => format!(
                    "分享者的规则“{name}”({short})与现行规则不同:此档案按现行规则计算,结果可能与分享者看到的不同。"),
                (false, None, Lang::En) => format!(
                    "The sender's rules, \"{name}\" ({short}), differ from the rules in force: this dossier is evaluated under yours, so the total may differ from the sender's."),
            };
            (
                "ok",
                html! {
                    <>
                        if let Some(opened) = opened { <p>{ opened }</p> }
                        <p data-testid="shared-rules">{ body }</p>
                        if *adopted {
                            { adopt(default, "恢复默认规则", "Back to the default rules") }
                        } else if refused.is_none() {
                            { adopt(rules.clone(), "采用分享者的规则", "Adopt the sender's rules") }
                        }
                    </>
                },
            )
        }
        Notice::RulesAdopted { name, hash } => {
            let short = crate::app::simulator::rules_note::short_hash(hash);
            (
                "ok",
                html! { <p>{ match lang {
                    Lang::Zh => format!("现行规则已改为“{name}”({short})。"),
                    Lang::En => format!("The rules in force are now \"{name}\" ({short})."),
                } }</p> },
            )
        }
        Notice::ShareFailed(error) => (
            "error",
            html! {
                <>
                    <p><strong>{ lang.pick("分享链接无法打开:", "The share link could not be opened:") }</strong></p>
                    { match error {
                        ShareError::Damaged => html! { <p>{ lang.pick("链接已损坏或不完整。", "The link is damaged or incomplete.") }</p> },
                        ShareError::Invalid(errors) => error_list(errors, lang),
                    } }
                </>
            },
        ),
        Notice::ShareLink(url) => (
            "ok",
            html! {
                <>
                    <label for="share-url">{ lang.pick(
                        "分享链接(档案压缩在 # 之后,不会发送到服务器):",
                        "Share link (the dossier is packed after #, never sent to a server):") }</label>
                    <input id="share-url" class="share-url" type="text" readonly=true value={url.clone()}
                        onfocus={Callback::from(|e: FocusEvent| {
                            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() { input.select(); }
                        })} />
                    <button type="button" onclick={copy(url.clone())}>{ lang.pick("复制", "Copy") }</button>
                    { qr_code(url, lang) }
                </>
            },
        ),
        Notice::SaveFailed => (
            "error",
            html! { <p>{ lang.pick(
            "浏览器拒绝保存(可能是隐私模式或存储已满):请用“导出 JSON”保存您的档案。",
            "The browser refused to save (private mode or full storage): use \"Export JSON\" to keep your dossier.") }</p> },
        ),
    };
    html! {
        <div class={classes!("notice", format!("notice-{kind}"))} role={if kind == "error" { "alert" } else { "status" }}
            data-testid="notice">
            <div class="notice-body">{ body }</div>
            <button type="button" class="notice-close" onclick={dismiss}
                aria-label={lang.pick("关闭提示", "Dismiss")}>{ "×" }</button>
        </div>
    }
}
