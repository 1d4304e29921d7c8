//! The total against the score still to come (inline SVG): every unscored quarter at the same
//! score from 0 to 100, in steps of 5, over the tier bands; where the line enters a better tier.

use yew::prelude::*;

use crate::app::hooks::use_app_state;
use crate::app::i18n;
use crate::app::svg;
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
                { svg::rect("", (LEFT, y(high)), plot_w, y(low) - y(high)) }
                { svg::text("", (LEFT + 6.0, y(high) + 14.0), "start", i18n::tier(*t, lang)) }
            </g>
        }
    });
    let path: Vec<String> = points
        .iter()
        .map(|(s, v)| format!("{:.1},{:.1}", x(*s), y(*v)))
        .collect();
    let reachable = state
        .what_if
        .quarter_targets
        .iter()
        .filter(|t| t.reach == Reach::Reachable);
    let targets = reachable.filter_map(|t| {
        let (s, v) = (t.score?, rules.threshold(t.tier));
        Some(html! {
            <g class="target">
                <circle cx={format!("{:.1}", x(s))} cy={format!("{:.1}", y(v))} r="4" />
                { svg::text("", (x(s) + 6.0, y(v) - 6.0), "start", format!("≥ {}", fmt2(s))) }
            </g>
        })
    });
    let ticks = (0..=4).map(|i| {
        let s = 25.0 * f64::from(i);
        svg::text("axis-label", (x(s), H - BOTTOM + 16.0), "middle", fmt_num(s))
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
    let caption = lang.pick(
        "未评季度得分与总分",
        "The total against the score of the unscored quarters",
    );
    let axis = lang.pick(
        "未评季度统一得分(虚线:当前推算总分)",
        "Uniform score of unscored quarters (dashed: current total)",
    );
    html! {
        <figure class="chart">
            <figcaption>{ caption }</figcaption>
            <svg viewBox={format!("0 0 {W} {H}")} role="img" aria-label={summary} data-testid="quarter-line">
                { for bands }
                { svg::rule("axis", LEFT, W - RIGHT, y(ylo)) }
                { svg::text("axis-label", (LEFT - 6.0, y(ylo) + 4.0), "end", fmt_num(ylo)) }
                { svg::text("axis-label", (LEFT - 6.0, y(yhi) + 4.0), "end", fmt_num(yhi)) }
                { svg::rule("now", LEFT, W - RIGHT, y(state.result.total)) }
                <polyline class="line" points={path.join(" ")} />
                { for targets }
                { for ticks }
                { svg::text("axis-label", (LEFT + plot_w / 2.0, H - 6.0), "middle", axis) }
            </svg>
            if none_left {
                <p class="muted">{ lang.pick("所有季度均已评分,折线为水平线。", "Every quarter is scored: the line is flat.") }</p>
            }
            if state.result.vetoed {
                <p class="muted">{ lang.pick(
                    "注意:一票否决时,等次最高为“较好”,与分数区间无关。",
                    "Note: with a veto the tier is at most \"fairly good\", whatever the band.") }</p>
            }
        </figure>
    }
}
