//! Small SVG builders shared by the inline charts: numbers are written with one decimal.

use yew::prelude::*;

fn n(x: f64) -> String {
    format!("{x:.1}")
}

/// A line from (x1, y1) to (x2, y2).
pub fn line(class: &'static str, (x1, y1): (f64, f64), (x2, y2): (f64, f64)) -> Html {
    html! { <line {class} x1={n(x1)} y1={n(y1)} x2={n(x2)} y2={n(y2)} /> }
}

/// A horizontal line across the plot at height `y`.
pub fn rule(class: &'static str, x1: f64, x2: f64, y: f64) -> Html {
    line(class, (x1, y), (x2, y))
}

/// Text at (x, y); `anchor` is `start`, `middle` or `end`.
pub fn text(class: &'static str, (x, y): (f64, f64), anchor: &'static str, content: impl Into<Html>) -> Html {
    html! { <text {class} x={n(x)} y={n(y)} text-anchor={anchor}>{ content.into() }</text> }
}

/// A rectangle from its top-left corner.
pub fn rect(class: &'static str, (x, y): (f64, f64), width: f64, height: f64) -> Html {
    html! { <rect {class} x={n(x)} y={n(y)} width={n(width)} height={n(height)} /> }
}
