//! The score histogram (inline SVG): totals in bins of equal width, each bar stacked by tier,
//! with the tier thresholds drawn across. Each line's value stands to its right; where lines are
//! close the values go in rows, and a line starts below any other line's value it would cross.

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
/// The lines' values (styles/app.css `.chart .threshold text`, 11.5 px): a row's height, and
/// a digit's width with some room.
const ROW: f64 = 13.0;
const DIGIT: f64 = 7.4;

/// The row of each line's value (`spans`: its left and right ends, lines left to right): the
/// first row where it overlaps no value already placed.
pub fn label_rows(spans: &[(f64, f64)]) -> Vec<usize> {
    let mut rows: Vec<usize> = Vec::with_capacity(spans.len());
    for (i, (l, r)) in spans.iter().enumerate() {
        let taken =
            |row: usize| (0..i).any(|j| rows[j] == row && spans[j].0 < *r + 2.0 && *l < spans[j].1 + 2.0);
        rows.push((0..).find(|row| !taken(*row)).unwrap_or(0));
    }
    rows
}

/// How far below the top the line at `x` (the `own`-th) starts: below the lowest value of
/// another line whose span it would cross, else at the top.
pub fn line_start(own: usize, x: f64, spans: &[(f64, f64)], rows: &[usize]) -> f64 {
    spans
        .iter()
        .zip(rows)
        .enumerate()
        .filter(|(j, ((l, r), _))| *j != own && *l - 1.0 <= x && x <= *r + 1.0)
        .map(|(_, (_, row))| TOP + 6.0 + *row as f64 * ROW + 4.0)
        .fold(TOP - 4.0, f64::max)
}

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
    let shown: Vec<(Tier, f64)> = [Tier::Average, Tier::FairlyGood, Tier::Good]
        .into_iter()
        .map(|t| (t, rules.threshold(t)))
        .filter(|(_, min)| *min > h.start && *min < end)
        .collect();
    let spans: Vec<(f64, f64)> = shown
        .iter()
        .map(|(_, min)| {
            let x = x_of(*min) + 3.0;
            (x, x + fmt_num(*min).chars().count() as f64 * DIGIT)
        })
        .collect();
    let rows = label_rows(&spans);
    let lines = shown.iter().enumerate().map(|(i, (t, min))| {
        let x = x_of(*min);
        html! {
            <g class={classes!("threshold", i18n::tier_class(*t))}>
                { svg::line("", (x, line_start(i, x, &spans, &rows)), (x, TOP + plot)) }
                { svg::text("", (x + 3.0, TOP + 6.0 + rows[i] as f64 * ROW), "start", fmt_num(*min)) }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_lines_put_their_values_in_rows_and_start_below_the_values_they_would_cross() {
        // Three lines 10 units apart, each value 15 units wide: they cannot share a row.
        let spans = [(103.0, 118.0), (113.0, 128.0), (123.0, 138.0)];
        let rows = label_rows(&spans);
        assert_eq!(rows, [0, 1, 0]);
        // The second line (x = 110) crosses the first value: it starts below it.
        assert!(line_start(1, 110.0, &spans, &rows) > TOP + 6.0 + 3.0);
        // The third (x = 120) crosses the first and the second: below the second's row.
        assert!(line_start(2, 120.0, &spans, &rows) > TOP + 6.0 + ROW + 3.0);
        // The first crosses nothing but its own value, which stands to its right.
        assert_eq!(line_start(0, 100.0, &spans, &rows), TOP - 4.0);
        let apart = [(103.0, 118.0), (203.0, 218.0)];
        assert_eq!(label_rows(&apart), [0, 0]);
        assert_eq!(line_start(1, 200.0, &apart, &[0, 0]), TOP - 4.0);
    }
}
