//! The rule editor's bar: save the rules in force as a named variant, load or delete saved
//! variants (kept in this browser), import and export a rule set as JSON, reset to the
//! default; and the editor's messages (a refused file lists every problem by field path).

use yew::prelude::*;

use crate::app::dom::{self, event_value};
use crate::app::hooks::use_app_state;
use crate::app::state::Action;
use crate::app::transfer::{Export, PasteInto, Transfer};
use crate::app::workshop::rules::{RulesAction, RulesNotice};
use crate::engine::{FieldError, FieldErrors, Lang, Problem};

/// Rule files larger than this (megabytes) are refused before reading.
const MAX_IMPORT_MB: u32 = 1;

fn rules_action(action: RulesAction) -> Action {
    Action::Rules(action)
}

#[function_component(RuleVariants)]
pub fn rule_variants() -> Html {
    let state = use_app_state();
    let name = use_state(String::new);
    let lang = state.lang;
    let editor = state.rule_edit.clone();
    let click = |action: RulesAction| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(rules_action(action.clone())))
    };
    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| name.set(event_value(&e)))
    };
    let on_save = {
        let (state, name) = (state.clone(), name.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            state.dispatch(rules_action(RulesAction::Save((*name).clone())));
        })
    };
    let on_import = {
        let state = state.clone();
        let done = Callback::from(move |(file, read): dom::FileRead| {
            state.dispatch(rules_action(match read {
                Ok(text) => RulesAction::Import { file, text },
                Err((en, zh)) => RulesAction::Notify(RulesNotice::ImportFailed {
                    file,
                    errors: FieldErrors(vec![FieldError::new("", Problem::invalid(en, zh))]),
                }),
            }))
        });
        Callback::from(move |e: Event| dom::read_chosen_file(&e, Some(MAX_IMPORT_MB), done.clone()))
    };
    let on_export = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let value = crate::app::workshop::rule_draft::to_value(&state.rules);
            let text = crate::engine::text::indent_json(&value.to_string());
            let export = Export::text("dongliang-rules.json", "application/json", text);
            state.dispatch(Action::Transfer(Some(Transfer::Export(export))));
        })
    };
    let on_paste = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::Transfer(Some(Transfer::Paste(PasteInto::Rules))))
        })
    };
    let saved = editor.variants.iter().enumerate().map(|(i, v)| {
        let in_force = v.rules == state.rules;
        html! {
            <li key={v.name.clone()} class={classes!(in_force.then_some("in-force"))}>
                <span class="variant-name">{ v.name.clone() }</span>
                if in_force { <span class="tag sourced">{ lang.pick("生效中", "in force") }</span> }
                <button type="button" class="small" onclick={click(RulesAction::Load(i))}
                    aria-label={format!("{} {}", lang.pick("载入", "Load"), v.name)}>{ lang.pick("载入", "Load") }</button>
                <button type="button" class="small subtle" onclick={click(RulesAction::Delete(i))}
                    aria-label={format!("{} {}", lang.pick("删除", "Delete"), v.name)}>{ lang.pick("删除", "Delete") }</button>
            </li>
        }
    });
    let notice = editor.notice.clone().map(|n| {
        let (kind, body) = match &*n {
            RulesNotice::Imported(file) => ("ok", html! { <p>{ match lang {
                Lang::Zh => format!("已导入规则“{file}”并生效。"),
                Lang::En => format!("Imported the rules in \"{file}\"; they are in force."),
            } }</p> }),
            RulesNotice::Saved(name) => ("ok", html! { <p>{ match lang {
                Lang::Zh => format!("已另存为方案“{name}”(保存在本浏览器中)。"),
                Lang::En => format!("Saved as the variant \"{name}\" (kept in this browser)."),
            } }</p> }),
            RulesNotice::ImportFailed { file, errors } => ("error", html! {
                <>
                    <p><strong>{ match lang {
                        Lang::Zh => format!("无法导入“{file}”,规则未作任何改动:"),
                        Lang::En => format!("\"{file}\" could not be imported; the rules are unchanged:"),
                    } }</strong></p>
                    <ul class="error-list">{ for errors.iter().map(|e| html! { <li><code>{ e.line(lang) }</code></li> }) }</ul>
                </>
            }),
            RulesNotice::Corrupt { text, why } => {
                let text = text.clone();
                let save = Callback::from(move |_: MouseEvent| {
                    dom::download("dongliang-unreadable-rule-variants.txt", "text/plain", &text)
                });
                ("error", html! {
                    <>
                        <p><strong>{ lang.pick("保存的规则方案无法读取,方案列表已清空。", "The saved rule variants could not be read; the list starts empty.") }</strong></p>
                        <p>{ why.message(lang) }</p>
                        <button type="button" onclick={save}>{ lang.pick("下载无法读取的数据", "Download the unreadable data") }</button>
                    </>
                })
            }
            RulesNotice::SaveFailed => ("error", html! { <p>{ lang.pick(
                "浏览器拒绝保存方案(可能是隐私模式或存储已满):请用“导出 JSON”保存规则。",
                "The browser refused to save the variants (private mode or full storage): use \"Export JSON\" to keep the rules.") }</p> }),
        };
        html! {
            <div class={classes!("notice", format!("notice-{kind}"))} role={if kind == "error" { "alert" } else { "status" }}
                data-testid="rules-notice">
                <div class="notice-body">{ body }</div>
                <button type="button" class="notice-close" onclick={click(RulesAction::Dismiss)}
                    aria-label={lang.pick("关闭提示", "Dismiss")}>{ "×" }</button>
            </div>
        }
    });
    html! {
        <div class="rule-variants">
            <div class="toolbar" role="toolbar" aria-label={lang.pick("规则方案", "Rule variants")}>
                <form class="toolbar-group" onsubmit={on_save}>
                    <label for="variant-name">{ lang.pick("方案名称", "Variant name") }</label>
                    <input id="variant-name" type="text" class="slot-label" value={(*name).clone()} oninput={on_name} />
                    <button type="submit" disabled={name.trim().is_empty()}>{ lang.pick("另存为方案", "Save as variant") }</button>
                </form>
                <div class="toolbar-group">
                    <input id="rules-import" class="visually-hidden file-input" type="file"
                        accept=".json,application/json" onchange={on_import} />
                    <label class="button" for="rules-import">{ lang.pick("导入规则 JSON", "Import rules JSON") }</label>
                    <button type="button" onclick={on_paste}>{ lang.pick("粘贴导入", "Paste to import") }</button>
                    <button type="button" onclick={on_export}>{ lang.pick("导出规则 JSON", "Export rules JSON") }</button>
                    <button type="button" onclick={click(RulesAction::Reset)} data-testid="rules-reset">
                        { lang.pick("恢复默认规则", "Reset to the default") }</button>
                </div>
            </div>
            if !editor.variants.is_empty() {
                <ul class="variant-list" aria-label={lang.pick("已保存的方案", "Saved variants")}>{ for saved }</ul>
            }
            { notice.unwrap_or_default() }
        </div>
    }
}
