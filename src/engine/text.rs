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

/// Compact JSON (as `serde_json::to_string` writes it) laid out as `serde_json::to_string_pretty`
/// would: two-space indents, one member or element a line. The text is only re-spaced, so the
/// numbers stay exactly as written; the browser build uses it to indent exported files without
/// a second, pretty-printing copy of every serializer in the wasm.
pub fn indent_json(compact: &str) -> String {
    fn newline(out: &mut String, depth: usize) {
        out.push('\n');
        out.extend(std::iter::repeat_n("  ", depth));
    }
    let mut out = String::with_capacity(compact.len() * 2);
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let mut chars = compact.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                let close = if c == '{' { '}' } else { ']' };
                if let Some(empty) = chars.next_if_eq(&close) {
                    out.push(empty);
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            c if c.is_ascii_whitespace() => {}
            c => out.push(c),
        }
    }
    out
}
