//! A waterfall chart (inline SVG): the three weighted dimensions, then the bonus and the
//! deduction, to the total — with the tier thresholds drawn across.

use yew::prelude::*;

use crate::app::hooks::AppState;
use crate::app::i18n;
use crate::app::svg;
use crate::engine::text::{fmt2, fmt_num};
use crate::engine::{Lang, Tier};

const W: f64 = 560.0;
const H: f64 = 280.0;
const LEFT: f64 = 36.0;
const RIGHT: f64 = 64.0;
const TOP: f64 = 18.0;
const BOTTOM: f64 = 40.0;

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
    let lines = [Tier::Average, Tier::FairlyGood, Tier::Good].map(|t| {
        let (min, at) = (rules.threshold(t), y(rules.threshold(t)));
        let label = format!("{} {}", fmt_num(min), i18n::tier(t, lang));
        html! {
            <g class={classes!("threshold", i18n::tier_class(t))}>
                { svg::rule("", LEFT, W - RIGHT, at) }
                { svg::text("", (W - RIGHT + 4.0, at + 4.0), "start", label) }
            </g>
        }
    });
    let drawn = bars.iter().enumerate().map(|(i, (zh, en, from, to, class))| {
        let x = LEFT + slot * i as f64 + slot * 0.18;
        let middle = x + slot * 0.32;
        let (top, bottom) = (y(from.max(*to)), y(from.min(*to)));
        let value = match i {
            3 => i18n::signed(p.bonus),
            4 => i18n::signed(-p.deduction),
            _ => fmt2(to - from),
        };
        html! {
            <g>
                { svg::rect(class, (x, top), slot * 0.64, (bottom - top).max(1.0)) }
                { svg::text("bar-value", (middle, top - 4.0), "middle", value) }
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
