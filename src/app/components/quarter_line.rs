//! The total against the score still to come (inline SVG): every unscored quarter at the same
//! score from 0 to 100, in steps of 5, over the tier bands; where the line enters a better tier.

use yew::prelude::*;

use crate::app::hooks::use_app_state;
use crate::app::i18n;
use crate::engine::text::{fmt2, fmt_num};
use crate::engine::whatif::{Change, Reach};
use crate::engine::{Dossier, Engine, Lang, RuleSet, Tier};

const W: f64 = 560.0;
const H: f64 = 260.0;
const LEFT: f64 = 40.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 40.0;
/// 0, 5, …, 100.
const POINTS: usize = 21;

/// The total at each uniform score of the unscored quarters.
fn line(rules: &RuleSet, dossier: &Dossier) -> Vec<(f64, f64)> {
    let engine = Engine::new(rules);
    (0..POINTS)
        .map(|i| {
            let score = 100.0 * i as f64 / (POINTS - 1) as f64;
            let mut d = dossier.clone();
            Change::RemainingQuarters { score }.apply(&mut d);
            (score, engine.score(&d).total)
        })
        .collect()
}

#[function_component(QuarterLine)]
pub fn quarter_line() -> Html {
    let state = use_app_state();
    let (lang, rules) = (state.lang, state.rules.clone());
    let points = {
        let rules = rules.clone();
        use_memo(state.dossier.clone(), move |d| line(&rules, d))
    };
    let lowest = points.iter().map(|p| p.1).fold(f64::MAX, f64::min);
    let highest = points.iter().map(|p| p.1).fold(0.0_f64, f64::max);
    let ylo = ((lowest - 5.0) / 10.0).floor().clamp(0.0, 6.0) * 10.0;
    let yhi = (highest / 10.0).ceil().max(10.0) * 10.0;
    let (plot_w, plot_h) = (W - LEFT - RIGHT, H - TOP - BOTTOM);
    let x = |s: f64| LEFT + s / 100.0 * plot_w;
    let y = |v: f64| TOP + (1.0 - (v.clamp(ylo, yhi) - ylo) / (yhi - ylo)) * plot_h;
    let bands = Tier::ALL.iter().map(|t| {
        let low = rules.threshold(*t).max(ylo);
        let high = t.next_up().map_or(yhi, |n| rules.threshold(n)).min(yhi);
        if high <= low {
            return html! {};
        }
        html! {
            <g class={classes!("band", i18n::tier_class(*t))}>
                <rect x={LEFT.to_string()} y={y(high).to_string()} width={plot_w.to_string()} height={(y(low) - y(high)).to_string()} />
                <text x={(LEFT + 6.0).to_string()} y={(y(high) + 14.0).to_string()}>{ i18n::tier(*t, lang) }</text>
            </g>
        }
    });
    let path: Vec<String> = points
        .iter()
        .map(|(s, v)| format!("{:.1},{:.1}", x(*s), y(*v)))
        .collect();
    let targets = state.what_if.quarter_targets.iter().filter(|t| t.reach == Reach::Reachable).filter_map(|t| {
        let s = t.score?;
        let v = rules.threshold(t.tier);
        Some(html! {
            <g class="target">
                <circle cx={x(s).to_string()} cy={y(v).to_string()} r="4" />
                <text x={(x(s) + 6.0).to_string()} y={(y(v) - 6.0).to_string()}>{ format!("≥ {}", fmt2(s)) }</text>
            </g>
        })
    });
    let ticks = (0..=4).map(|i| {
        let s = 25.0 * f64::from(i);
        html! { <text class="axis-label" x={x(s).to_string()} y={(H - BOTTOM + 16.0).to_string()} text-anchor="middle">{ fmt_num(s) }</text> }
    });
    let none_left = state.what_if.unscored_quarters == 0;
    let summary = match lang {
        Lang::Zh => format!(
            "折线图:未评季度得分从 0 到 100 时,总分从 {} 变到 {}。",
            fmt2(lowest),
            fmt2(highest)
        ),
        Lang::En => format!(
            "Line chart: as the unscored quarters go from 0 to 100, the total goes from {} to {}.",
            fmt2(lowest),
            fmt2(highest)
        ),
    };
    html! {
        <figure class="chart">
            <figcaption>{ lang.pick("未评季度得分与总分", "The total against the score of the unscored quarters") }</figcaption>
            <svg viewBox={format!("0 0 {W} {H}")} role="img" aria-label={summary} data-testid="quarter-line">
                { for bands }
                <line class="axis" x1={LEFT.to_string()} x2={(W - RIGHT).to_string()} y1={y(ylo).to_string()} y2={y(ylo).to_string()} />
                <text class="axis-label" x={(LEFT - 6.0).to_string()} y={(y(ylo) + 4.0).to_string()} text-anchor="end">{ fmt_num(ylo) }</text>
                <text class="axis-label" x={(LEFT - 6.0).to_string()} y={(y(yhi) + 4.0).to_string()} text-anchor="end">{ fmt_num(yhi) }</text>
                <line class="now" x1={LEFT.to_string()} x2={(W - RIGHT).to_string()}
                    y1={y(state.result.total).to_string()} y2={y(state.result.total).to_string()} />
                <polyline class="line" points={path.join(" ")} />
                { for targets }
                { for ticks }
                <text class="axis-label" x={(LEFT + plot_w / 2.0).to_string()} y={(H - 6.0).to_string()} text-anchor="middle">
                    { lang.pick("未评季度统一得分(虚线:当前推算总分)", "Uniform score of unscored quarters (dashed: current total)") }</text>
            </svg>
            if none_left {
                <p class="muted">{ lang.pick("所有季度均已评分,折线为水平线。", "Every quarter is scored, so the line is flat.") }</p>
            }
            if state.result.vetoed {
                <p class="muted">{ lang.pick("注意:一票否决时,等次最高为“较好”,与分数区间无关。",
                    "Note: with a veto the tier is at most “fairly good”, whatever the band.") }</p>
            }
        </figure>
    }
}
