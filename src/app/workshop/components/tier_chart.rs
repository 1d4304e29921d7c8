//! The tier distribution as bars (inline SVG): one bar per tier, or two — baseline and
//! variant — when comparing. Each bar carries its count; the tier's name is always written.

use yew::prelude::*;

use crate::app::i18n;
use crate::app::svg;
use crate::engine::{Lang, Tier};

const W: f64 = 420.0;
const H: f64 = 220.0;
const TOP: f64 = 22.0;
const BOTTOM: f64 = 40.0;

/// The chart of `before` (the distribution, best tier first), with `after` beside it when
/// comparing. (A plain view function: it holds no state of its own.)
pub fn tier_chart(before: [usize; 4], after: Option<[usize; 4]>, lang: Lang) -> Html {
    let series: Vec<([usize; 4], &'static str)> = match after {
        Some(after) => vec![(before, "bar-before"), (after, "bar-after")],
        None => vec![(before, "")],
    };
    let peak = series
        .iter()
        .flat_map(|(s, _)| s.iter())
        .copied()
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let slot = W / 4.0;
    let bar = slot * 0.7 / series.len() as f64;
    let plot = H - TOP - BOTTOM;
    let bars = Tier::ALL.iter().flat_map(|t| {
        let x0 = slot * t.index() as f64 + slot * 0.15;
        let series = series.clone();
        series.into_iter().enumerate().map(move |(k, (counts, class))| {
            let n = counts[t.index()];
            let h = plot * n as f64 / peak;
            let x = x0 + bar * k as f64;
            html! {
                <g class={classes!("band", i18n::tier_class(*t), class)}>
                    { svg::rect("", (x, TOP + plot - h), bar - 2.0, h.max(1.0)) }
                    { svg::text("bar-value", (x + bar / 2.0, TOP + plot - h - 5.0), "middle", n.to_string()) }
                </g>
            }
        })
    });
    let labels = Tier::ALL.iter().map(|t| {
        let x = slot * t.index() as f64 + slot / 2.0;
        svg::text(
            "axis-label",
            (x, H - BOTTOM + 18.0),
            "middle",
            i18n::tier(*t, lang).to_string(),
        )
    });
    let counts = |s: &[usize; 4]| {
        Tier::ALL
            .iter()
            .map(|t| format!("{} {}", i18n::tier(*t, lang), s[t.index()]))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let summary = match (&after, lang) {
        (Some(a), Lang::Zh) => format!("等次分布:基线 {};方案 {}", counts(&before), counts(a)),
        (Some(a), Lang::En) => format!("Tiers: baseline {}; variant {}", counts(&before), counts(a)),
        (None, Lang::Zh) => format!("等次分布:{}", counts(&before)),
        (None, Lang::En) => format!("Tiers: {}", counts(&before)),
    };
    html! {
        <figure class="chart ws-chart">
            <figcaption>
                { lang.pick("等次分布", "Tier distribution") }
                if after.is_some() {
                    <span class="legend"><span class="key key-before"></span>{ lang.pick("基线", "baseline") }
                    <span class="key key-after"></span>{ lang.pick("方案", "variant") }</span>
                }
            </figcaption>
            <svg viewBox={format!("0 0 {W} {H}")} role="img" aria-label={summary} data-testid="tier-chart">
                { svg::rule("axis", 0.0, W, TOP + plot) }
                { for bars }
                { for labels }
            </svg>
        </figure>
    }
}
