//! 排名: the cohort ranked under the rules in force — a summary line, the quota switch, the tier
//! distribution and the score histogram, the filters and the sortable table.

use yew::prelude::*;

use super::cohort_bar::{export_workbook, tsv};
use super::filters::filters;
use super::histogram_chart::HistogramChart;
use super::lacking_notice::lacking_notice;
use super::quota_switch::quota_switch;
use super::ranking_table::RankingTable;
use super::tier_chart::tier_chart;
use crate::app::hooks::AppState;
use crate::app::i18n;
use crate::app::state::Action;
use crate::app::transfer::{Export, Transfer};
use crate::app::workshop::workbook::Book;
use crate::engine::{csv, Lang, Tier};

pub fn ranking_view(state: &AppState) -> Html {
    let lang = state.lang;
    let Some(ranking) = state.workshop.ranking.clone() else {
        return html! { <p class="muted">{ lang.pick("正在排名……", "Ranking…") }</p> };
    };
    let n = ranking.officials.len();
    let vetoed = ranking.officials.iter().filter(|o| o.vetoed).count();
    let tiers: Vec<String> = Tier::ALL
        .iter()
        .map(|t| format!("{} {}", i18n::tier(*t, lang), ranking.distribution[t.index()]))
        .collect();
    let summary = match lang {
        Lang::Zh => format!(
            "共 {n} 人 · {} · 担当作为好干部 {} 人 · 一票否决 {vetoed} 人",
            tiers.join(" · "),
            ranking.honoured
        ),
        Lang::En => format!(
            "{n} officials · {} · honoured {} · vetoed {vetoed}",
            tiers.join(" · "),
            ranking.honoured
        ),
    };
    let honour_note = (ranking.honoured > state.rules.honour.top_n).then(|| match lang {
        Lang::Zh => format!(
            "荣誉人数 {} 多于前 {} 名:分界处并列者同获荣誉。",
            ranking.honoured, state.rules.honour.top_n
        ),
        Lang::En => format!(
            "{} honoured, more than the top {}: officials tied at the cut all receive it.",
            ranking.honoured, state.rules.honour.top_n
        ),
    });
    let export = |xlsx: bool| {
        let (state, ranking) = (state.clone(), ranking.clone());
        Callback::from(move |_: MouseEvent| {
            let mut csv_text = Vec::new();
            let _ = csv::write_ranking(&mut csv_text, &ranking.officials);
            let csv_text = String::from_utf8(csv_text).unwrap_or_default();
            if xlsx {
                export_workbook(
                    &state,
                    "ranking.xlsx",
                    Book::Ranking(ranking.clone()),
                    tsv(&csv_text),
                );
            } else {
                let export = Export::text("ranking.csv", "text/csv;charset=utf-8", csv_text);
                state.dispatch(Action::Transfer(Some(Transfer::Export(export))));
            }
        })
    };
    html! {
        <div class="ws-ranking">
            <p class="ws-summary num" data-testid="ranking-summary">{ summary }</p>
            <div class="toolbar-group ws-exports">
                <button type="button" onclick={export(true)} data-testid="ranking-xlsx">{ lang.pick("导出排名 Excel", "Export the ranking (Excel)") }</button>
                <button type="button" onclick={export(false)}>{ lang.pick("导出排名 CSV", "Export the ranking (CSV)") }</button>
            </div>
            if let Some(note) = honour_note { <p class="muted">{ note }</p> }
            { lacking_notice(&state.workshop.lacking, ("当前规则", "the rules in force"), lang, "ranking-lacking") }
            { quota_switch(state) }
            <div class="ws-charts">
                { tier_chart(ranking.distribution, None, lang) }
                <HistogramChart />
            </div>
            { filters(state) }
            <RankingTable />
        </div>
    }
}
