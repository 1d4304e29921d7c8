//! A waterfall chart (inline SVG): the three weighted dimensions, then the bonus and the
//! deduction, to the total — with the tier thresholds drawn across.

use yew::prelude::*;

use crate::app::hooks::use_app_state;
use crate::app::i18n;
use crate::engine::text::{fmt2, fmt_num};
use crate::engine::{Lang, Tier};

const W: f64 = 560.0;
const H: f64 = 280.0;
const LEFT: f64 = 36.0;
const RIGHT: f64 = 64.0;
const TOP: f64 = 18.0;
const BOTTOM: f64 = 40.0;

#[function_component(Waterfall)]
pub fn waterfall() -> Html {
    let state = use_app_state();
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
        let at = y(rules.threshold(t));
        html! {
            <g class={classes!("threshold", i18n::tier_class(t))}>
                <line x1={LEFT.to_string()} x2={(W - RIGHT).to_string()} y1={at.to_string()} y2={at.to_string()} />
                <text x={(W - RIGHT + 4.0).to_string()} y={(at + 4.0).to_string()}>
                    { format!("{} {}", fmt_num(rules.threshold(t)), i18n::tier(t, lang)) }</text>
            </g>
        }
    });
    let drawn = bars.iter().enumerate().map(|(i, (zh, en, from, to, class))| {
        let x = LEFT + slot * i as f64 + slot * 0.18;
        let (top, bottom) = (y(from.max(*to)), y(from.min(*to)));
        let value = match i {
            3 => i18n::signed(p.bonus),
            4 => i18n::signed(-p.deduction),
            _ => fmt2(to - from),
        };
        html! {
            <g>
                <rect class={*class} x={x.to_string()} y={top.to_string()} width={(slot * 0.64).to_string()}
                    height={(bottom - top).max(1.0).to_string()} />
                <text class="bar-value" x={(x + slot * 0.32).to_string()} y={(top - 4.0).to_string()} text-anchor="middle">{ value }</text>
                <text class="axis-label" x={(x + slot * 0.32).to_string()} y={(H - BOTTOM + 16.0).to_string()} text-anchor="middle">
                    { lang.pick(zh, en) }</text>
            </g>
        }
    });
    let summary = match lang {
        Lang::Zh => format!(
            "瀑布图:单位绩效 {},履职践诺 {},多维测评 {},加分 {},扣分 {},总分 {}。",
            fmt2(p.unit),
            fmt2(p.pledges),
            fmt2(p.multi),
            fmt2(p.bonus),
            fmt2(p.deduction),
            fmt2(r.total)
        ),
        Lang::En => format!(
            "Waterfall: unit {}, pledges {}, multi-rater {}, bonus {}, deduction {}, total {}.",
            fmt2(p.unit),
            fmt2(p.pledges),
            fmt2(p.multi),
            fmt2(p.bonus),
            fmt2(p.deduction),
            fmt2(r.total)
        ),
    };
    html! {
        <figure class="chart">
            <figcaption>{ lang.pick("得分构成(加权后)", "How the total is built (weighted)") }</figcaption>
            <svg viewBox={format!("0 0 {W} {H}")} role="img" aria-label={summary} data-testid="waterfall">
                <line class="axis" x1={LEFT.to_string()} x2={(W - RIGHT).to_string()} y1={y(0.0).to_string()} y2={y(0.0).to_string()} />
                <text class="axis-label" x={(LEFT - 6.0).to_string()} y={(y(0.0) + 4.0).to_string()} text-anchor="end">{ "0" }</text>
                <text class="axis-label" x={(LEFT - 6.0).to_string()} y={(y(ymax) + 4.0).to_string()} text-anchor="end">{ fmt_num(ymax) }</text>
                { for lines }
                { for drawn }
            </svg>
        </figure>
    }
}
