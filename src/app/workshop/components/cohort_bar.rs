//! The cohort bar: load the fictional demo cohort (98, or 100,000 to show the scale), import a
//! cohort from JSON or CSV, export it, download the CSV template; what is loaded, how long its
//! ranking took, work under way, and an import's errors (by line and column; nothing changed).

use yew::prelude::*;

use super::{fictional_tag, on_click};
use crate::app::dom;
use crate::app::hooks::AppState;
use crate::app::library::EXAMPLES;
use crate::app::state::Action;
use crate::app::transfer::{Export, PasteInto, Transfer};
use crate::app::workshop::cohort_io;
use crate::app::workshop::kept::LARGEST_DEMO;
use crate::app::workshop::state::{Busy, Source, WorkshopAction};
use crate::engine::csv;

/// Files larger than this (megabytes) are refused before reading.
const MAX_MB: u32 = 64;
/// The seed of the demo cohort.
const SEED: u64 = 2023;
/// Import errors listed in full; the rest are counted.
const SHOWN_ERRORS: usize = 50;

pub fn cohort_bar(state: &AppState) -> Html {
    let (lang, w) = (state.lang, state.workshop.clone());
    let load = |size: usize| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::Workshop(WorkshopAction::LoadDemo { seed: SEED, size }))
        })
    };
    let on_import = {
        let state = state.clone();
        let done = Callback::from(move |(file, read): dom::FileRead| {
            state.dispatch(Action::Workshop(match read {
                Ok(text) => WorkshopAction::Import { file, text },
                Err((en, zh)) => WorkshopAction::ImportRefused { file, en, zh },
            }))
        });
        Callback::from(move |e: Event| dom::read_chosen_file(&e, Some(MAX_MB), done.clone()))
    };
    let export = |csv_format: bool| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(c) = state.workshop.cohort.clone() else {
                return;
            };
            let export = if csv_format {
                Export::text("cohort.csv", "text/csv;charset=utf-8", csv::write(&c.officials))
            } else {
                Export::text(
                    "cohort.json",
                    "application/json",
                    cohort_io::to_json(&c.officials),
                )
            };
            state.dispatch(Action::Transfer(Some(Transfer::Export(export))));
        })
    };
    let paste = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::Transfer(Some(Transfer::Paste(PasteInto::Cohort))))
        })
    };
    let template = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let example = EXAMPLES[0].dossier(&state.rules);
            dom::download(
                "cohort-template.csv",
                "text/csv;charset=utf-8",
                &csv::template(&example),
            );
        })
    };
    let loaded = w.cohort.as_ref().map(|c| {
        let count = c.officials.len();
        let what = match (&c.source, lang) {
            (Source::Demo { .. }, crate::engine::Lang::Zh) => format!("演示名册 · {count} 人"),
            (Source::Demo { .. }, _) => format!("Demo cohort · {count} officials"),
            (Source::File(name), crate::engine::Lang::Zh) => format!("{name} · {count} 人"),
            (Source::File(name), _) => format!("{name} · {count} officials"),
        };
        html! {
            <p class="ws-loaded" data-testid="cohort-loaded">
                <strong>{ what }</strong>
                if c.fictional() { { fictional_tag(lang) } }
                if let Some(ms) = w.rank_ms {
                    <span class="muted num" data-testid="rank-ms" data-ms={format!("{ms:.1}")}>{ match lang {
                        crate::engine::Lang::Zh => format!("排名用时 {ms:.1} 毫秒"),
                        crate::engine::Lang::En => format!("ranked in {ms:.1} ms"),
                    } }</span>
                }
                <button type="button" class="small" data-testid="rerank"
                    onclick={on_click(state, WorkshopAction::Rank)}>{ lang.pick("重新排名", "Rank again") }</button>
            </p>
        }
    });
    let busy = w.busy.map(|b| match b {
        Busy::Generating(done, n) => match lang {
            crate::engine::Lang::Zh => format!("正在生成虚构干部:{done} / {n}……"),
            crate::engine::Lang::En => format!("Generating fictional officials: {done} of {n}…"),
        },
        Busy::Ranking => lang.pick("正在排名……", "Ranking…").to_string(),
        Busy::Comparing => lang
            .pick("正在对比两套规则……", "Comparing the two rule sets…")
            .to_string(),
    });
    let import_error = w.import_error.clone().map(|e| {
        let (file, error) = &*e;
        let lines = error.lines(lang);
        let more = lines.len().saturating_sub(SHOWN_ERRORS);
        html! {
            <div class="notice notice-error" role="alert" data-testid="ws-import-error">
                <div class="notice-body">
                    <p><strong>{ match lang {
                        crate::engine::Lang::Zh => format!("无法导入“{file}”,名册未作任何改动:"),
                        crate::engine::Lang::En => format!("\"{file}\" could not be imported; nothing was changed:"),
                    } }</strong></p>
                    <ul class="error-list">
                        { for lines.iter().take(SHOWN_ERRORS).map(|l| html! { <li><code>{ l.clone() }</code></li> }) }
                    </ul>
                    if more > 0 { <p>{ match lang {
                        crate::engine::Lang::Zh => format!("另有 {more} 处问题。"),
                        crate::engine::Lang::En => format!("{more} more problems."),
                    } }</p> }
                </div>
                <button type="button" class="notice-close" onclick={on_click(state, WorkshopAction::DismissImport)}
                    aria-label={lang.pick("关闭提示", "Dismiss")}>{ "×" }</button>
            </div>
        }
    });
    let has = w.cohort.is_some();
    html! {
        <div class="ws-bar">
            <div class="toolbar" role="toolbar" aria-label={lang.pick("名册", "Cohort")}>
                <div class="toolbar-group">
                    <button type="button" class="primary" data-testid="load-demo" onclick={load(crate::engine::demo::DEFAULT_SIZE)}>
                        { lang.pick("载入演示名册(98 名虚构干部)", "Load the demo cohort (98 fictional officials)") }</button>
                    <button type="button" data-testid="load-100k" onclick={load(LARGEST_DEMO)}>
                        { lang.pick("生成 100,000 人(规模演示)", "Generate 100,000 (scale demo)") }</button>
                </div>
                <div class="toolbar-group">
                    <input id="ws-import" class="visually-hidden file-input" type="file"
                        accept=".json,.csv,application/json,text/csv" onchange={on_import} />
                    <label class="button" for="ws-import">{ lang.pick("导入名册(JSON / CSV)", "Import cohort (JSON / CSV)") }</label>
                    <button type="button" onclick={paste}>{ lang.pick("粘贴导入", "Paste to import") }</button>
                    <button type="button" onclick={export(false)} disabled={!has}>{ lang.pick("导出 JSON", "Export JSON") }</button>
                    <button type="button" onclick={export(true)} disabled={!has}>{ lang.pick("导出 CSV", "Export CSV") }</button>
                    <button type="button" onclick={template}>{ lang.pick("下载 CSV 模板", "CSV template") }</button>
                </div>
            </div>
            { loaded.unwrap_or_default() }
            if w.not_kept {
                <p class="muted" data-testid="not-kept">{ lang.pick(
                    "这份名册太大,浏览器无法保存:重新载入页面后需再次导入。",
                    "This cohort is too large for the browser to keep: after a reload, import it again.") }</p>
            }
            <p class="ws-busy" role="status" aria-live="polite" data-testid="ws-busy">{ busy.unwrap_or_default() }</p>
            { import_error.unwrap_or_default() }
        </div>
    }
}
