//! The 0–100 bar: the tier bands, the 70 / 80 / 90 thresholds (from the rules) and where the
//! total sits.

use yew::prelude::*;

use crate::app::i18n;
use crate::engine::text::fmt2;
use crate::engine::{Lang, RuleSet, Tier};

#[derive(Properties, PartialEq)]
pub struct ScoreBarProps {
    pub total: f64,
    pub rules: std::rc::Rc<RuleSet>,
    pub lang: Lang,
}

#[function_component(ScoreBar)]
pub fn score_bar(props: &ScoreBarProps) -> Html {
    let rules = &props.rules;
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
            let style = format!("left:{};width:{}", pct(lower), pct(upper - lower));
            lower = upper;
            html! { <span class={classes!("band", i18n::tier_class(*tier))} {style}></span> }
        })
        .collect();
    let ticks: Html = [Tier::Average, Tier::FairlyGood, Tier::Good]
        .iter()
        .map(|tier| {
            let at = rules.threshold(*tier);
            html! {
                <span class="tick" style={format!("left:{}", pct(at))}>
                    <span class="tick-label">{ crate::engine::text::fmt_num(at) }</span>
                </span>
            }
        })
        .collect();
    let label = props
        .lang
        .pick("总分在 0–100 分数轴上的位置", "The total on the 0–100 scale");
    html! {
        <div class="score-bar" role="meter" aria-label={label} aria-valuemin="0" aria-valuemax="100"
             aria-valuenow={fmt2(props.total)}>
            <div class="track">{ bands }{ ticks }
                <span class="marker" style={format!("left:{}", pct(props.total))}></span>
            </div>
            <div class="scale"><span>{ "0" }</span><span>{ "100" }</span></div>
        </div>
    }
}
