//! The cohort bar: load the fictional demo cohort (98, or 100,000 to show the scale), import a
//! cohort from an Excel workbook, CSV (in any encoding Excel and WPS write) or JSON, or by
//! pasting it; export it as .xlsx, CSV or JSON; the templates; what is loaded and how it was
//! read, how long its ranking took, work under way, and an import's errors (by line and
//! column, or by sheet, row and column; nothing changed).

use std::rc::Rc;

use yew::prelude::*;

use super::{fictional_tag, on_click};
use crate::app::dom;
use crate::app::hooks::AppState;
use crate::app::library::EXAMPLES;
use crate::app::notice::{other_rules, other_rules_text};
use crate::app::state::Action;
use crate::app::transfer::{Export, PasteInto, Transfer};
use crate::app::workshop::cohort_io;
use crate::app::workshop::kept::LARGEST_DEMO;
use crate::app::workshop::state::{Busy, ReadAs, Source, WorkshopAction};
use crate::app::workshop::workbook::{self, Book};
use crate::engine::{csv, encoding, RulesMark};

/// Files larger than this (megabytes) are refused before reading.
const MAX_MB: u32 = 128;
/// The seed of the demo cohort.
const SEED: u64 = 2023;
/// Import errors listed in full; the rest are counted.
const SHOWN_ERRORS: usize = 50;

/// The formats a cohort is exported in.
#[derive(Clone, Copy, PartialEq)]
enum Format {
    Xlsx,
    Csv,
    Json,
}

/// A chosen file's bytes: a workbook goes to the .xlsx module; text is decoded in whichever
/// encoding it is in (UTF-8, UTF-16 with a byte-order mark, GBK/GB18030 through the browser's
/// own decoder), and anything that is none of them is refused, naming its line.
fn import_bytes(state: &AppState, file: String, bytes: Vec<u8>) {
    let workbook = bytes.starts_with(encoding::ZIP_MAGIC) || bytes.starts_with(encoding::OLE_MAGIC);
    if workbook {
        let (state, rules) = (state.clone(), state.rules.clone());
        state.dispatch(Action::Workshop(WorkshopAction::Busy(Busy::Reading)));
        yew::platform::spawn_local(async move {
            let action = match workbook::read_cohort(&bytes, &rules).await {
                Ok((text, sheet)) => WorkshopAction::ImportRead {
                    file,
                    text,
                    read_as: ReadAs::Workbook { sheet },
                },
                Err((zh, en)) => WorkshopAction::ImportFailed { file, zh, en },
            };
            state.dispatch(Action::Workshop(action));
        });
        return;
    }
    let action = match encoding::decode(&bytes, dom::gb18030) {
        Ok(decoded) => WorkshopAction::ImportRead {
            file,
            text: decoded.text,
            read_as: ReadAs::Text(decoded.encoding),
        },
        Err(e) => WorkshopAction::ImportRefused {
            file,
            en: e.message(crate::engine::Lang::En),
            zh: e.message(crate::engine::Lang::Zh),
        },
    };
    state.dispatch(Action::Workshop(action));
}

/// Bytes read per piece of a chosen file (a task of a few milliseconds each).
const PIECE: f64 = 2.0 * 1024.0 * 1024.0;

/// Reads a chosen file a piece at a time, the page answering in between and showing how far
/// it is: plain UTF-8 is gathered into text as it comes (`encoding::Pieces`); anything else is
/// read whole and goes to [`import_bytes`] (a workbook, another encoding).
async fn read_in_pieces(state: AppState, file: web_sys::File) {
    let (name, total) = (file.name(), file.size());
    let mut pieces = encoding::Pieces::new();
    let mut at = 0.0;
    while at < total {
        let to = (at + PIECE).min(total);
        match dom::read_piece(&file, at, to).await {
            Ok(bytes) => pieces.push(&bytes),
            Err(e) => {
                let (en, zh) = (e.clone(), format!("无法读取文件:{e}"));
                state.dispatch(Action::Workshop(WorkshopAction::ImportRefused {
                    file: name,
                    en,
                    zh,
                }));
                return;
            }
        }
        at = to;
        if total > PIECE {
            state.dispatch(Action::Workshop(WorkshopAction::Busy(Busy::Loading(
                at as usize,
                total as usize,
            ))));
        }
    }
    match pieces.finish() {
        Ok(decoded) => state.dispatch(Action::Workshop(WorkshopAction::ImportRead {
            file: name,
            text: decoded.text,
            read_as: ReadAs::Text(decoded.encoding),
        })),
        Err(bytes) => import_bytes(&state, name, bytes),
    }
}

/// Text with its delimiter turned into tabs, to paste into a spreadsheet: the CSV this program
/// writes, read back into records and joined by tabs.
pub fn tsv(text: &str) -> String {
    let records = csv::records(text).unwrap_or_default();
    let cell = |c: &String| {
        if c.contains(['\t', '\n', '\r', '"']) {
            format!("\"{}\"", c.replace('"', "\"\""))
        } else {
            c.clone()
        }
    };
    records
        .iter()
        .map(|(_, cells)| cells.iter().map(cell).collect::<Vec<_>>().join("\t"))
        .collect::<Vec<_>>()
        .join("\r\n")
}

fn open_export(state: &AppState, export: Export) {
    state.dispatch(Action::Transfer(Some(Transfer::Export(export))));
}

/// Writes a workbook with the .xlsx module, then offers it (and `copy`, the same table as
/// tab-separated text); a failure is said in the workshop's notice.
pub fn export_workbook(state: &AppState, file: &'static str, book: Book, copy: String) {
    let (state, rules, lang) = (state.clone(), state.rules.clone(), state.lang);
    state.dispatch(Action::Workshop(WorkshopAction::Busy(Busy::Writing)));
    yew::platform::spawn_local(async move {
        match workbook::write(book, &rules, lang).await {
            Ok(bytes) => {
                state.dispatch(Action::Workshop(WorkshopAction::Idle));
                open_export(
                    &state,
                    Export {
                        file: file.to_string(),
                        mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        text: Rc::new(copy),
                        bytes: Some(Rc::new(bytes)),
                    },
                );
            }
            Err((zh, en)) => state.dispatch(Action::Workshop(WorkshopAction::ImportFailed {
                file: file.to_string(),
                zh,
                en,
            })),
        }
    });
}

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
        Callback::from(move |e: Event| {
            let Some(file) = dom::take_chosen_file(&e) else {
                return;
            };
            let size_mb = file.size() / (1024.0 * 1024.0);
            if size_mb > f64::from(MAX_MB) {
                state.dispatch(Action::Workshop(WorkshopAction::ImportRefused {
                    file: file.name(),
                    en: format!("the file is {size_mb:.0} MB; files up to {MAX_MB} MB can be imported"),
                    zh: format!("文件为 {size_mb:.0} MB,可导入的文件最大 {MAX_MB} MB"),
                }));
                return;
            }
            yew::platform::spawn_local(read_in_pieces(state.clone(), file));
        })
    };
    let export = |format: Format| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(c) = state.workshop.cohort.clone() else {
                return;
            };
            let officials = Rc::new(c.officials.clone());
            match format {
                Format::Csv => open_export(
                    &state,
                    Export::text("cohort.csv", "text/csv;charset=utf-8", csv::write(&officials)),
                ),
                Format::Json => {
                    let mark = RulesMark {
                        name: state.rules.name.clone(),
                        version: state.rules.version.clone(),
                        hash: state.rules_hash.to_string(),
                    };
                    let text = cohort_io::to_json(&officials, &mark);
                    open_export(&state, Export::text("cohort.json", "application/json", text))
                }
                Format::Xlsx => export_workbook(
                    &state,
                    "cohort.xlsx",
                    Book::Cohort(officials.clone()),
                    tsv(&csv::write(&officials)),
                ),
            }
        })
    };
    let paste = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::Transfer(Some(Transfer::Paste(PasteInto::Cohort))))
        })
    };
    let template = |format: Format| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let example = EXAMPLES[0].dossier(&state.rules);
            let text = csv::template(&example);
            match format {
                Format::Xlsx => export_workbook(
                    &state,
                    "cohort-template.xlsx",
                    Book::Template(Box::new(example)),
                    tsv(&text),
                ),
                _ => open_export(
                    &state,
                    Export::text("cohort-template.csv", "text/csv;charset=utf-8", text),
                ),
            }
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
        let read_as = w.read_as.as_deref().map(|r| match (r, lang) {
            (ReadAs::Text(encoding), crate::engine::Lang::Zh) => format!("按 {} 编码读取", encoding.name(lang)),
            (ReadAs::Text(encoding), _) => format!("read as {}", encoding.name(lang)),
            (ReadAs::Workbook { sheet }, crate::engine::Lang::Zh) => format!("读自工作表“{sheet}”"),
            (ReadAs::Workbook { sheet }, _) => format!("read from the sheet \"{sheet}\""),
            (ReadAs::Pasted, _) => lang.pick("粘贴导入", "pasted").to_string(),
        });
        let other = other_rules(w.file_rules.as_deref(), &state.rules_hash)
            .map(|mark| other_rules_text(mark, &state.rules, lang));
        html! {
            <>
            <p class="ws-loaded" data-testid="cohort-loaded">
                <strong>{ what }</strong>
                if c.fictional() { { fictional_tag(lang) } }
                if let Some(read_as) = read_as { <span class="muted" data-testid="read-as">{ read_as }</span> }
                if let Some(ms) = w.rank_ms {
                    <span class="muted num" data-testid="rank-ms" data-ms={format!("{ms:.1}")}>{ match lang {
                        crate::engine::Lang::Zh => format!("排名用时 {ms:.1} 毫秒"),
                        crate::engine::Lang::En => format!("ranked in {ms:.1} ms"),
                    } }</span>
                }
                <button type="button" class="small" data-testid="rerank"
                    onclick={on_click(state, WorkshopAction::Rank)}>{ lang.pick("重新排名", "Rank again") }</button>
            </p>
            if let Some(other) = other {
                <p class="notice notice-warn ws-other-rules" role="status" data-testid="other-rules">{ other }</p>
            }
            </>
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
        Busy::ComparingSteps(done, n) => {
            let percent = done * 100 / n.max(1);
            match lang {
                crate::engine::Lang::Zh => format!("正在对比两套规则:{percent}%……"),
                crate::engine::Lang::En => format!("Comparing the two rule sets: {percent}%…"),
            }
        }
        Busy::Reading => lang.pick("正在读取工作簿……", "Reading the workbook…").to_string(),
        Busy::Writing => lang
            .pick("正在生成 Excel 文件……", "Writing the Excel file…")
            .to_string(),
        Busy::Loading(done, n) | Busy::Importing(done, n) => {
            let mb = |b: usize| format!("{:.1}", b as f64 / 1e6);
            match lang {
                crate::engine::Lang::Zh => format!("正在读取名册:{} / {} MB……", mb(done), mb(n)),
                crate::engine::Lang::En => format!("Reading the cohort: {} of {} MB…", mb(done), mb(n)),
            }
        }
        Busy::Scoring(done, n) => {
            let percent = done * 100 / n.max(1);
            match lang {
                crate::engine::Lang::Zh => format!("正在计算得分并排名:{percent}%……"),
                crate::engine::Lang::En => format!("Scoring and ranking: {percent}%…"),
            }
        }
    });
    // How far a long piece of work is, as a bar.
    let progress = w.busy.and_then(|b| match b {
        Busy::Generating(done, n)
        | Busy::Loading(done, n)
        | Busy::Importing(done, n)
        | Busy::Scoring(done, n) => Some((done, n)),
        _ => None,
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
                        accept=".xlsx,.csv,.txt,.tsv,.json,application/json,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                        onchange={on_import} />
                    <label class="button" for="ws-import">{ lang.pick("导入名册(Excel / CSV / JSON)", "Import cohort (Excel / CSV / JSON)") }</label>
                    <button type="button" onclick={paste}>{ lang.pick("粘贴导入", "Paste to import") }</button>
                </div>
                <div class="toolbar-group">
                    <button type="button" onclick={export(Format::Xlsx)} disabled={!has} data-testid="export-xlsx">{ lang.pick("导出 Excel", "Export Excel") }</button>
                    <button type="button" onclick={export(Format::Csv)} disabled={!has}>{ lang.pick("导出 CSV", "Export CSV") }</button>
                    <button type="button" onclick={export(Format::Json)} disabled={!has}>{ lang.pick("导出 JSON", "Export JSON") }</button>
                    <button type="button" onclick={template(Format::Xlsx)} data-testid="template-xlsx">{ lang.pick("下载 Excel 模板", "Excel template") }</button>
                    <button type="button" onclick={template(Format::Csv)}>{ lang.pick("下载 CSV 模板", "CSV template") }</button>
                </div>
            </div>
            { loaded.unwrap_or_default() }
            if w.not_kept {
                <p class="muted" data-testid="not-kept">{ lang.pick(
                    "这份名册太大,浏览器无法保存:重新载入页面后需再次导入。",
                    "This cohort is too large for the browser to keep: after a reload, import it again.") }</p>
            }
            <p class="ws-busy" role="status" aria-live="polite" data-testid="ws-busy">{ busy.unwrap_or_default() }</p>
            if let Some((done, n)) = progress {
                <progress class="ws-progress" data-testid="ws-progress" max={n.max(1).to_string()} value={done.to_string()}
                    aria-label={lang.pick("进度", "Progress")}></progress>
            }
            { import_error.unwrap_or_default() }
        </div>
    }
}
