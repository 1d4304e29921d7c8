//! The small words of the explanation: numbers (computed values always to two decimals),
//! tier names in the quotation marks of each language, plurals and lists.

use crate::engine::ids::Tier;
use crate::engine::text::{fmt2, fmt_num, round2, Lang};

/// A computed value: always two decimals (`93.50`, `−3.20`).
pub fn value(x: f64) -> String {
    let text = fmt2(x);
    match text.strip_prefix('-') {
        Some(rest) if rest != "0.00" => format!("−{rest}"),
        Some(rest) => rest.to_string(),
        None => text,
    }
}

/// A weight or coefficient: two decimals, more only where the rule set has more (`0.25`, `1.00`).
pub fn param(x: f64) -> String {
    if (round2(x) - x).abs() < 1e-12 {
        fmt2(x)
    } else {
        fmt_num(x)
    }
}

/// A number as entered or as a rule states it: no trailing zeros, at most two decimals
/// (`90`, `88.33`, `2`).
pub fn short(x: f64) -> String {
    let text = fmt2(x);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".into()
    } else {
        text.replace('-', "−")
    }
}

/// A weight as a percentage (`0.3` → `30%`).
pub fn percent(weight: f64) -> String {
    format!("{}%", short(weight * 100.0))
}

/// A tier's name in quotation marks: “好” in Chinese, ‘good’ in English.
pub fn tier(t: Tier, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("“{}”", t.zh()),
        Lang::En => format!("‘{}’", t.en()),
    }
}

/// `n` and a noun, in the singular for one: `1 quarter`, `3 quarters`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A value and a noun, in the singular for exactly one: `1.00 point`, `3.58 points`.
pub fn count_value(x: f64, one: &str, many: &str) -> String {
    let text = value(x);
    format!("{text} {}", if text == "1.00" { one } else { many })
}

/// A number of items in English words for small numbers: `one`, `two`, … `ten`, then digits.
pub fn number_en(n: usize) -> String {
    const WORDS: [&str; 11] = [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    WORDS.get(n).map_or_else(|| n.to_string(), |w| w.to_string())
}

/// Items joined as English lists them: `a`, `a and b`, `a, b and c`.
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Items joined as Chinese lists them: `甲、乙、丙`.
pub fn zh_list(items: &[String]) -> String {
    items.join("、")
}

/// A text with its first letter in lower case, to run on inside an English sentence
/// (`District leaders` → `district leaders`). ASCII only: Unicode's case tables would cost the
/// browser build some 25 KB for English words that never need them.
pub fn lower_first(text: &str) -> String {
    let mut text = text.to_string();
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_lowercase();
    }
    text
}

/// A text with its first letter in upper case, to start an English sentence (ASCII only).
pub fn upper_first(text: &str) -> String {
    let mut text = text.to_string();
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
}

/// Sentences joined into one paragraph: without a space in Chinese, with one in English.
pub fn join_sentences(sentences: &[&str], lang: Lang) -> String {
    let parts: Vec<&str> = sentences.iter().copied().filter(|s| !s.is_empty()).collect();
    parts.join(lang.pick("", " "))
}

/// `Q3` in English, `第 3 季度` in Chinese, for quarter index `q` (0-based).
pub fn quarter(q: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("第 {} 季度", q + 1),
        Lang::En => format!("Q{}", q + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_written() {
        assert_eq!(value(90.333_333), "90.33");
        assert_eq!(value(-3.2), "−3.20");
        assert_eq!(value(-0.001), "0.00");
        assert_eq!(param(0.4), "0.40");
        assert_eq!(param(0.125), "0.125");
        assert_eq!(short(85.0), "85");
        assert_eq!(short(88.333_33), "88.33");
        assert_eq!(short(88.3), "88.3");
        assert_eq!(percent(0.3), "30%");
        assert_eq!(percent(0.125), "12.5%");
    }

    #[test]
    fn english_lists_and_plurals() {
        assert_eq!(count(1, "year", "years"), "1 year");
        assert_eq!(count(3, "year", "years"), "3 years");
        let items = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(and_list(&items(&["a"])), "a");
        assert_eq!(and_list(&items(&["a", "b"])), "a and b");
        assert_eq!(and_list(&items(&["a", "b", "c"])), "a, b and c");
        assert_eq!(tier(Tier::Good, Lang::En), "‘good’");
        assert_eq!(tier(Tier::Good, Lang::Zh), "“好”");
        assert_eq!(lower_first("District leaders"), "district leaders");
        assert_eq!(upper_first("negative"), "Negative");
        assert_eq!(lower_first("韩静"), "韩静");
        assert_eq!(lower_first(""), "");
        assert_eq!(number_en(4), "four");
    }
}
