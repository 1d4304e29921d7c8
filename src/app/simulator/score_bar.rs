//! The 0–100 bar: the tier bands, the 70 / 80 / 90 thresholds (from the rules) and where the
//! total sits. Drawn as SVG with percentage coordinates, so no `style` attribute is needed
//! (the Content-Security-Policy allows no inline style).

use yew::prelude::*;

use crate::app::i18n;
use crate::engine::text::fmt2;
use crate::engine::{Lang, RuleSet, Tier};

/// The bar for `total` under `rules`' thresholds.
pub fn score_bar(total: f64, rules: &RuleSet, lang: Lang) -> Html {
    let pct = |x: f64| format!("{:.2}%", x.clamp(0.0, 100.0));
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
    let ticks: Html = [Tier::Average, Tier::FairlyGood, Tier::Good]
        .iter()
        .map(|tier| {
            let at = rules.threshold(*tier);
            let x = pct(at);
            html! {
                <g class="tick">
                    <line x1={x.clone()} x2={x.clone()} y1="19" y2="39" />
                    <text {x} y="13" text-anchor="middle">{ crate::engine::text::fmt_num(at) }</text>
                </g>
            }
        })
        .collect();
    let at = pct(total);
    let label = lang.pick("总分在 0–100 分数轴上的位置", "The total on the 0–100 scale");
    html! {
        <div class="score-bar" role="meter" aria-label={label} aria-valuemin="0" aria-valuemax="100"
             aria-valuenow={fmt2(total)}>
            <div class="track">
                <svg class="bands" width="100%" height="14" aria-hidden="true" focusable="false">{ bands }</svg>
                <svg class="marks" width="100%" height="46" aria-hidden="true" focusable="false">
                    { ticks }
                    <g class="marker">
                        <line class="halo" x1={at.clone()} x2={at.clone()} y1="16" y2="42" />
                        <line x1={at.clone()} x2={at} y1="16" y2="42" />
                    </g>
                </svg>
            </div>
            <div class="scale"><span>{ "0" }</span><span>{ "100" }</span></div>
        </div>
    }
}
