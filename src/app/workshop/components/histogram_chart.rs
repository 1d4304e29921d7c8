//! The score histogram (inline SVG): totals in bins of equal width, each bar stacked by tier,
//! with the tier thresholds drawn across.

use yew::prelude::*;

use crate::app::hooks::use_app_state;
use crate::app::i18n;
use crate::app::svg;
use crate::engine::text::fmt_num;
use crate::engine::workshop::histogram;
use crate::engine::{Lang, Tier};

const W: f64 = 560.0;
const H: f64 = 220.0;
const LEFT: f64 = 34.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 34.0;

/// The histogram of the ranking in the workshop (recomputed only when it is ranked again).
#[function_component(HistogramChart)]
pub fn histogram_chart() -> Html {
    let state = use_app_state();
    let (lang, rules) = (state.lang, state.rules.clone());
    let ranking = state.workshop.ranking.clone();
    let h = use_memo(state.workshop.ranked_for, move |_| ranking.map(|r| histogram(&r)));
    let Some(h) = &*h else {
        return html! {};
    };
    let (peak, bins) = (h.peak().max(1) as f64, h.bins.len().max(1) as f64);
    let plot = H - TOP - BOTTOM;
    let slot = (W - LEFT - 8.0) / bins;
    let x_of = |total: f64| LEFT + (total - h.start) / h.width * slot;
    let bars = h.bins.iter().enumerate().flat_map(|(k, counts)| {
        let mut below = 0.0;
        Tier::ALL
            .iter()
            .rev()
            .map(|t| {
                let n = counts[t.index()] as f64;
                let height = plot * n / peak;
                let y = TOP + plot - below - height;
                below += height;
                let rect = svg::rect(
                    "",
                    (LEFT + slot * k as f64 + 1.0, y),
                    (slot - 2.0).max(1.0),
                    height,
                );
                html! { <g class={classes!("band", i18n::tier_class(*t))}>{ rect }</g> }
            })
            .collect::<Vec<_>>()
    });
    let end = h.start + h.width * h.bins.len() as f64;
    let lines = [Tier::Average, Tier::FairlyGood, Tier::Good]
        .into_iter()
        .map(|t| (t, rules.threshold(t)))
        .filter(|(_, min)| *min > h.start && *min < end)
        .map(|(t, min)| {
            html! {
                <g class={classes!("threshold", i18n::tier_class(t))}>
                    { svg::line("", (x_of(min), TOP - 4.0), (x_of(min), TOP + plot)) }
                    { svg::text("", (x_of(min) + 3.0, TOP + 6.0), "start", fmt_num(min)) }
                </g>
            }
        });
    let ticks = (0..=h.bins.len()).step_by((h.bins.len() / 8).max(1)).map(|k| {
        let value = h.start + h.width * k as f64;
        svg::text(
            "axis-label",
            (x_of(value), H - BOTTOM + 16.0),
            "middle",
            fmt_num(value),
        )
    });
    let summary = match lang {
        Lang::Zh => format!(
            "总分分布直方图:{} 至 {} 分,每格 {} 分,最多一格 {} 人",
            fmt_num(h.start),
            fmt_num(end),
            fmt_num(h.width),
            h.peak()
        ),
        Lang::En => format!(
            "Histogram of totals from {} to {}, bins of {}, at most {} in a bin",
            fmt_num(h.start),
            fmt_num(end),
            fmt_num(h.width),
            h.peak()
        ),
    };
    html! {
        <figure class="chart ws-chart">
            <figcaption>{ lang.pick("总分分布", "Distribution of totals") }</figcaption>
            <svg viewBox={format!("0 0 {W} {H}")} role="img" aria-label={summary} data-testid="histogram">
                { svg::rule("axis", LEFT, W - 8.0, TOP + plot) }
                { svg::text("axis-label", (LEFT - 5.0, TOP + 4.0), "end", h.peak().to_string()) }
                { svg::text("axis-label", (LEFT - 5.0, TOP + plot), "end", "0") }
                { for bars }
                { for lines }
                { for ticks }
            </svg>
        </figure>
    }
}
