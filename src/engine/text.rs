//! Language choice and number formatting shared by reports, traces and errors.

use serde::{Deserialize, Serialize};

/// The language of a message or report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// Picks the Chinese or the English text.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// Rounds to 2 decimals, half away from zero (spec §5). Binary noise below 1e-9 of a
/// hundredth is ignored, so that a value computed as 71.35499999999999 from decimal inputs
/// whose exact result is 71.355 rounds as 71.355 does.
pub fn round2(x: f64) -> f64 {
    let hundredths = x * 100.0;
    let snapped = (hundredths * 1e9).round() / 1e9;
    snapped.round() / 100.0
}

/// A number with exactly two decimals, as shown everywhere in the app.
pub fn fmt2(x: f64) -> String {
    format!("{:.2}", round2(x))
}

/// A number without trailing zeros (weights, coefficients, points).
pub fn fmt_num(x: f64) -> String {
    let s = format!("{:.4}", x);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.into()
    }
}
