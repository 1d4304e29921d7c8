//! The ranking table: competition rank, name with the honour badge (担当作为好干部) and the
//! veto mark, post, unit kind, total and tier; every column sorts, the header stays in view
//! while the rows scroll, and a name opens that official in the self-assessment simulator.
//! Large cohorts are shown a page at a time.

use yew::prelude::*;

use super::on_click;
use crate::app::hooks::use_app_state;
use crate::app::simulator::tier_badge::tier_badge;
use crate::app::workshop::state::WorkshopAction;
use crate::app::workshop::table::{rows, SortKey, PAGE};
use crate::engine::demo::shown_name;
use crate::engine::text::fmt2;
use crate::engine::Lang;

const COLUMNS: [(SortKey, &str, &str); 6] = [
    (SortKey::Rank, "名次", "Rank"),
    (SortKey::Name, "姓名", "Name"),
    (SortKey::Post, "职务", "Post"),
    (SortKey::Kind, "单位类型", "Unit kind"),
    (SortKey::Total, "总分", "Total"),
    (SortKey::Tier, "等次", "Tier"),
];

#[function_component(RankingTable)]
pub fn ranking_table() -> Html {
    let state = use_app_state();
    let (lang, w) = (state.lang, state.workshop.clone());
    let order = {
        let (ranking, cohort) = (w.ranking.clone(), w.cohort.clone());
        use_memo(
            (w.ranked_for, w.filter, w.sort),
            move |(_, filter, sort)| match (ranking, cohort) {
                (Some(r), Some(c)) => rows(&r, &c.officials, *filter, *sort),
                _ => Vec::new(),
            },
        )
    };
    let (Some(ranking), Some(cohort)) = (w.ranking.clone(), w.cohort.clone()) else {
        return html! {};
    };
    let pages = order.len().div_ceil(PAGE).max(1);
    let page = w.page.min(pages - 1);
    let shown = &order[(page * PAGE).min(order.len())..((page + 1) * PAGE).min(order.len())];
    let header = COLUMNS.iter().map(|(key, zh, en)| {
        let sorted = (w.sort.key == *key).then_some(if w.sort.descending {
            "descending"
        } else {
            "ascending"
        });
        let class = classes!((*key == SortKey::Total).then_some("num"));
        html! {
            <th scope="col" aria-sort={sorted} {class}>
                <button type="button" class="sort" onclick={on_click(&state, WorkshopAction::SortBy(*key))}>
                    { lang.pick(zh, en) }
                    <span aria-hidden="true">{ match sorted { Some("ascending") => " ▲", Some(_) => " ▼", None => "" } }</span>
                </button>
            </th>
        }
    });
    let honour_text = lang
        .pick(&state.rules.honour.zh, &state.rules.honour.en)
        .to_string();
    let body = shown.iter().map(|p| {
        let r = &ranking.officials[*p as usize];
        let kind = cohort.officials.get(r.index).and_then(|d| d.unit_kind);
        let class = classes!(r.honour.then_some("row-honour"), r.vetoed.then_some("row-vetoed"));
        let open_label = match lang {
            Lang::Zh => format!("在自评模拟中打开 {}", r.name),
            Lang::En => format!("Open {} in the self-assessment simulator", shown_name(&r.name, lang)),
        };
        html! {
            <tr key={r.index} {class} data-testid="ws-row">
                <td class="num rank">{ r.rank }</td>
                <th scope="row" class="who">
                    <button type="button" class="link" title={open_label.clone()} aria-label={open_label}
                        onclick={on_click(&state, WorkshopAction::Open(r.index))}>{ shown_name(&r.name, lang).into_owned() }</button>
                    if r.honour {
                        <span class="honour-badge" data-testid="honour">{ "★ " }{ honour_text.clone() }</span>
                    }
                    if r.vetoed {
                        <span class="tag veto-tag" data-testid="vetoed">{ "✕ " }{ lang.pick("一票否决", "vetoed") }</span>
                    }
                    if r.quota_demoted {
                        <span class="tag quota-tag">{ lang.pick("限额降档", "quota") }</span>
                    }
                    if r.projected {
                        <span class="tag projected-tag">{ lang.pick("推算", "projected") }</span>
                    }
                </th>
                <td class="post">{ r.post.clone().unwrap_or_default() }</td>
                <td>{ kind.map(|k| lang.pick(k.zh(), k.en())).unwrap_or("—") }</td>
                <td class="num total-cell">{ fmt2(r.total) }</td>
                <td>{ tier_badge(r.tier, lang, false) }</td>
            </tr>
        }
    });
    let range = match lang {
        Lang::Zh => format!(
            "第 {}–{} 行,共 {} 行",
            (page * PAGE + 1).min(order.len()),
            page * PAGE + shown.len(),
            order.len()
        ),
        Lang::En => format!(
            "Rows {}–{} of {}",
            (page * PAGE + 1).min(order.len()),
            page * PAGE + shown.len(),
            order.len()
        ),
    };
    html! {
        <div class="ws-table">
            <div class="ws-table-scroll" tabindex="0" role="region" aria-label={lang.pick("排名表", "Ranking table")}>
                <table class="ranking-table" data-testid="ranking-table">
                    <thead><tr>{ for header }</tr></thead>
                    <tbody>{ for body }</tbody>
                </table>
            </div>
            <div class="pager">
                <span class="num" data-testid="row-range">{ range }</span>
                if pages > 1 {
                    <button type="button" disabled={page == 0}
                        onclick={on_click(&state, WorkshopAction::SetPage(page.saturating_sub(1)))}>{ lang.pick("上一页", "Previous") }</button>
                    <button type="button" disabled={page + 1 >= pages}
                        onclick={on_click(&state, WorkshopAction::SetPage(page + 1))}>{ lang.pick("下一页", "Next") }</button>
                }
            </div>
        </div>
    }
}
