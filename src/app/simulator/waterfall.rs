//! A waterfall chart (inline SVG): the three weighted dimensions, then the bonus and the
//! deduction, to the total — with the tier thresholds drawn across. A tier line never runs
//! through a label: it stops short of each bar's value where they meet, and the lines' own
//! labels stand in the right margin, pushed apart when two lines are close.

use yew::prelude::*;

use crate::app::hooks::AppState;
use crate::app::i18n;
use crate::app::svg;
use crate::engine::text::{fmt2, fmt_num};
use crate::engine::{Lang, Tier};

const W: f64 = 600.0;
const H: f64 = 280.0;
const LEFT: f64 = 36.0;
/// Room for the lines' labels ("80 fairly good" at 11.5 px).
const RIGHT: f64 = 104.0;
const TOP: f64 = 18.0;
const BOTTOM: f64 = 40.0;
/// The size of the bars' values (styles/app.css `.chart .bar-value`), in the chart's units.
const VALUE_FONT: f64 = 12.0;
/// The size of the lines' labels (`.chart .threshold text`) and the least distance between two.
const LINE_LABEL_GAP: f64 = 12.5;

/// The box a bar's value takes around its anchor (`middle`, baseline `y`), a little padded:
/// digits and signs are about 0.6 em wide, the box reaches an em above the baseline and a
/// third below.
fn value_box(text: &str, middle: f64, y: f64) -> (f64, f64, f64, f64) {
    let half = text.chars().count() as f64 * VALUE_FONT * 0.31 + 3.0;
    (
        middle - half,
        middle + half,
        y - VALUE_FONT * 1.05,
        y + VALUE_FONT * 0.35,
    )
}

/// The stretches of a horizontal line at height `y` from `x1` to `x2` that run clear of the
/// boxes `(left, right, top, bottom)`.
pub fn clear_of(boxes: &[(f64, f64, f64, f64)], x1: f64, x2: f64, y: f64) -> Vec<(f64, f64)> {
    let mut cuts: Vec<(f64, f64)> = boxes
        .iter()
        .filter(|b| b.2 <= y && y <= b.3)
        .map(|b| (b.0, b.1))
        .collect();
    cuts.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out = Vec::new();
    let mut from = x1;
    for (l, r) in cuts {
        if l > from {
            out.push((from, l.min(x2)));
        }
        from = from.max(r);
    }
    if from < x2 {
        out.push((from, x2));
    }
    out.retain(|(a, b)| b - a > 6.0);
    out
}

/// The heights of the lines' labels: at their lines, pushed down where one would overlap the
/// one above (the lines come best tier first, highest first).
fn spread(at: &[f64]) -> Vec<f64> {
    let mut out: Vec<f64> = Vec::with_capacity(at.len());
    for y in at {
        let y = out.last().map_or(*y, |prev| y.max(prev + LINE_LABEL_GAP));
        out.push(y);
    }
    out
}

pub fn waterfall(state: &AppState) -> Html {
    let (lang, rules, r) = (state.lang, state.rules.clone(), state.result.clone());
    let p = r.parts;
    let after_multi = p.unit + p.pledges + p.multi;
    let with_bonus = after_multi + p.bonus;
    let bars = [
        ("单位绩效", "Unit", 0.0, p.unit, "bar-dim"),
        ("履职践诺", "Pledges", p.unit, p.unit + p.pledges, "bar-dim"),
        (
            "多维测评",
            "Multi-rater",
            p.unit + p.pledges,
            after_multi,
            "bar-dim",
        ),
        ("正面加分", "Bonus", after_multi, with_bonus, "bar-plus"),
        (
            "负面扣分",
            "Deduction",
            with_bonus - p.deduction,
            with_bonus,
            "bar-minus",
        ),
        ("总分", "Total", 0.0, r.total, "bar-total"),
    ];
    let ymax = bars.iter().map(|b| b.3).fold(100.0_f64, f64::max).ceil();
    let plot_h = H - TOP - BOTTOM;
    let y = |v: f64| TOP + (1.0 - v / ymax) * plot_h;
    let slot = (W - LEFT - RIGHT) / bars.len() as f64;
    let values: Vec<(String, f64, f64)> = bars
        .iter()
        .enumerate()
        .map(|(i, (_, _, from, to, _))| {
            let middle = LEFT + slot * i as f64 + slot * 0.5;
            let value = match i {
                3 => i18n::signed(p.bonus),
                4 => i18n::signed(-p.deduction),
                _ => fmt2(to - from),
            };
            (value, middle, y(from.max(*to)) - 4.0)
        })
        .collect();
    let boxes: Vec<_> = values.iter().map(|(v, m, at)| value_box(v, *m, *at)).collect();
    let tiers = [Tier::Good, Tier::FairlyGood, Tier::Average];
    let heights: Vec<f64> = tiers.iter().map(|t| y(rules.threshold(*t))).collect();
    let label_at = spread(&heights);
    let lines = tiers
        .iter()
        .zip(heights.iter().zip(label_at))
        .map(|(t, (at, label_y))| {
            let min = rules.threshold(*t);
            let label = format!("{} {}", fmt_num(min), i18n::tier(*t, lang));
            let pieces = clear_of(&boxes, LEFT, W - RIGHT, *at)
                .into_iter()
                .map(|(x1, x2)| svg::rule("", x1, x2, *at));
            html! {
                <g class={classes!("threshold", i18n::tier_class(*t))}>
                    { for pieces }
                    { svg::text("", (W - RIGHT + 4.0, label_y + 4.0), "start", label) }
                </g>
            }
        });
    let drawn = bars.iter().zip(values).enumerate().map(|(i, ((zh, en, from, to, class), (value, middle, at)))| {
        let x = LEFT + slot * i as f64 + slot * 0.18;
        let (top, bottom) = (y(from.max(*to)), y(from.min(*to)));
        html! {
            <g>
                { svg::rect(class, (x, top), slot * 0.64, (bottom - top).max(1.0)) }
                { svg::text("bar-value", (middle, at), "middle", value) }
                { svg::text("axis-label", (middle, H - BOTTOM + 16.0), "middle", lang.pick(zh, en).to_string()) }
            </g>
        }
    });
    let numbers = [p.unit, p.pledges, p.multi, p.bonus, p.deduction, r.total].map(fmt2);
    let summary = match lang {
        Lang::Zh => format!(
            "瀑布图:单位绩效 {},履职践诺 {},多维测评 {},加分 {},扣分 {},总分 {}。",
            numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5]
        ),
        Lang::En => format!(
            "Waterfall: unit {}, pledges {}, multi-rater {}, bonus {}, deduction {}, total {}.",
            numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5]
        ),
    };
    html! {
        <figure class="chart">
            <figcaption>{ lang.pick("得分构成(加权后)", "How the total is built (weighted)") }</figcaption>
            <svg viewBox={format!("0 0 {W} {H}")} role="img" aria-label={summary} data-testid="waterfall">
                { svg::rule("axis", LEFT, W - RIGHT, y(0.0)) }
                { svg::text("axis-label", (LEFT - 6.0, y(0.0) + 4.0), "end", "0") }
                { svg::text("axis-label", (LEFT - 6.0, y(ymax) + 4.0), "end", fmt_num(ymax)) }
                { for lines }
                { for drawn }
            </svg>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_stops_short_of_the_labels_it_meets_and_only_those() {
        let boxes = [
            (10.0, 20.0, 0.0, 10.0),
            (40.0, 50.0, 0.0, 10.0),
            (45.0, 60.0, 20.0, 30.0),
        ];
        assert_eq!(
            clear_of(&boxes, 0.0, 100.0, 5.0),
            [(0.0, 10.0), (20.0, 40.0), (50.0, 100.0)]
        );
        assert_eq!(clear_of(&boxes, 0.0, 100.0, 15.0), [(0.0, 100.0)]);
        assert_eq!(clear_of(&boxes, 15.0, 45.0, 5.0), [(20.0, 40.0)]);
        let overlapping = [(10.0, 30.0, 0.0, 10.0), (20.0, 40.0, 0.0, 10.0)];
        assert_eq!(
            clear_of(&overlapping, 0.0, 100.0, 5.0),
            [(0.0, 10.0), (40.0, 100.0)]
        );
    }

    #[test]
    fn a_value_label_box_covers_its_text_and_line_labels_keep_apart() {
        let (l, r, t, b) = value_box("+12.50", 100.0, 50.0);
        assert!(l < 100.0 - 18.0 && r > 100.0 + 18.0 && t < 50.0 - 11.0 && b > 50.0 + 3.0);
        assert_eq!(spread(&[40.0, 44.0, 80.0]), [40.0, 52.5, 80.0]);
    }
}
