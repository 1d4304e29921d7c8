//! The 0–100 bar: the tier bands, the 70 / 80 / 90 thresholds (from the rules) and where the
//! total sits. A total above 100 (bonus points from the positive list) stretches the scale to
//! the next multiple of 5 and shows the part above 100 as a band of its own, with a line
//! saying why. Drawn as SVG with percentage coordinates, so no `style` attribute is needed
//! (the Content-Security-Policy allows no inline style).

use yew::prelude::*;

use crate::app::i18n;
use crate::engine::text::{fmt2, fmt_num};
use crate::engine::{Lang, RuleSet, Tier};

/// The bar for `total` under `rules`' thresholds.
pub fn score_bar(total: f64, rules: &RuleSet, lang: Lang) -> Html {
    let top = if total > 100.0 {
        (total / 5.0).ceil() * 5.0
    } else {
        100.0
    };
    let pct = |x: f64| format!("{:.2}%", (x / top * 100.0).clamp(0.0, 100.0));
    let mut lower = 0.0;
    let bands: Html = Tier::ALL
        .iter()
        .rev()
        .map(|tier| {
            let upper = match tier.next_up() {
                Some(next) => rules.threshold(next),
                None => 100.0,
            };
            let (x, width) = (pct(lower), pct(upper - lower));
            lower = upper;
            html! { <rect class={classes!("band", i18n::tier_class(*tier))} {x} y="0" {width} height="14" /> }
        })
        .collect();
    let bonus = (top > 100.0).then(|| {
        let (x, width) = (pct(100.0), pct(top - 100.0));
        html! { <rect class="band bonus" {x} y="0" {width} height="14" /> }
    });
    let mut marks: Vec<f64> = [Tier::Average, Tier::FairlyGood, Tier::Good]
        .iter()
        .map(|tier| rules.threshold(*tier))
        .collect();
    if top > 100.0 {
        marks.push(100.0);
    }
    let ticks: Html = marks
        .iter()
        .map(|at| {
            let at = *at;
            let x = pct(at);
            html! {
                <g class="tick">
                    <line x1={x.clone()} x2={x.clone()} y1="19" y2="39" />
                    <text {x} y="13" text-anchor="middle">{ fmt_num(at) }</text>
                </g>
            }
        })
        .collect();
    let at = pct(total);
    let label = match lang {
        Lang::Zh => format!("总分在 0–{} 分数轴上的位置", fmt_num(top)),
        Lang::En => format!("The total on the 0–{} scale", fmt_num(top)),
    };
    html! {
        <div class="score-bar" role="meter" aria-label={label} aria-valuemin="0" aria-valuemax={fmt_num(top)}
             aria-valuenow={fmt2(total)}>
            <div class="track">
                <svg class="bands" width="100%" height="14" aria-hidden="true" focusable="false">{ bands }{ bonus }</svg>
                <svg class="marks" width="100%" height="46" aria-hidden="true" focusable="false">
                    { ticks }
                    <g class="marker">
                        <line class="halo" x1={at.clone()} x2={at.clone()} y1="16" y2="42" />
                        <line x1={at.clone()} x2={at} y1="16" y2="42" />
                    </g>
                </svg>
            </div>
            <div class="scale"><span>{ "0" }</span><span>{ fmt_num(top) }</span></div>
        </div>
    }
}
