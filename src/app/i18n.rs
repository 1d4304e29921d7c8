//! Words shared by several components, in Chinese and English: field paths, changes, list
//! items and the article citation. Single labels are written in place with [`Lang::pick`].

use crate::engine::rules::ListItem;
use crate::engine::whatif::Change;
use crate::engine::{Lang, RuleSet, Tier};

/// A tier's name.
pub fn tier(t: Tier, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => t.zh(),
        Lang::En => t.en(),
    }
}

/// A CSS class for a tier (colour only supports the text).
pub fn tier_class(t: Tier) -> &'static str {
    match t {
        Tier::Good => "tier-good",
        Tier::FairlyGood => "tier-fairly-good",
        Tier::Average => "tier-average",
        Tier::Poor => "tier-poor",
    }
}

/// The indices in a path like `pledges[2].quarters[1]`.
fn indices(path: &str) -> Vec<usize> {
    path.split('[')
        .skip(1)
        .filter_map(|part| part.split(']').next()?.parse().ok())
        .collect()
}

/// A readable name for a field path of the dossier (spec §9 paths).
pub fn path_label(path: &str, lang: Lang) -> String {
    let at = indices(path);
    match (path, at.as_slice()) {
        (p, [i, q]) if p.starts_with("pledges[") && p.contains("quarters") => match lang {
            Lang::Zh => format!("承诺 {} 第 {} 季度", i + 1, q + 1),
            Lang::En => format!("pledge {} Q{}", i + 1, q + 1),
        },
        ("unit_score", _) => lang.pick("单位综合绩效", "unit score").into(),
        ("votes", _) => lang.pick("多维测评", "multi-rater score").into(),
        (other, _) => other.into(),
    }
}

/// The element id of the field at a dossier path: `pledges[1].quarters[2]` → `f-pledges-1-quarters-2`.
pub fn field_id(path: &str) -> String {
    let mut id = String::from("f-");
    for c in path.chars() {
        match c {
            '[' | '.' => id.push('-'),
            ']' => {}
            other => id.push(other),
        }
    }
    id
}

/// Where an assumed value came from (spec §7).
pub fn basis_label(basis: &str, lang: Lang) -> &'static str {
    match basis {
        "assumption" => lang.pick("推算假设", "your assumption"),
        "scored_mean" => lang.pick("已评季度均值", "mean of scored quarters"),
        _ => lang.pick("默认值", "default"),
    }
}

/// A list item's text in the chosen language.
pub fn item_text(item: &ListItem, lang: Lang) -> &str {
    lang.pick(&item.zh, &item.en)
}

/// The id and text of a positive or negative item.
fn item_label(rules: &RuleSet, id: &str, lang: Lang) -> String {
    let item = rules.positive_item(id).or_else(|| rules.negative_item(id));
    match item {
        Some(i) => format!("{id} {}", item_text(i, lang)),
        None => id.to_string(),
    }
}

/// One change described for the user.
pub fn change_text(change: &Change, rules: &RuleSet, lang: Lang) -> String {
    match (change, lang) {
        (Change::Regrade { pledge, from, to }, Lang::Zh) => {
            format!("承诺 {} 由 {from} 改评 {to}", pledge + 1)
        }
        (Change::Regrade { pledge, from, to }, Lang::En) => {
            format!("pledge {} graded {to} instead of {from}", pledge + 1)
        }
        (Change::Claim { item }, Lang::Zh) => format!("正面清单新增 {}", item_label(rules, item, lang)),
        (Change::Claim { item }, Lang::En) => format!("claim {}", item_label(rules, item, lang)),
        (Change::Incur { item }, Lang::Zh) => format!("负面清单发生 {}", item_label(rules, item, lang)),
        (Change::Incur { item }, Lang::En) => format!("incur {}", item_label(rules, item, lang)),
        (Change::RemainingQuarters { score }, Lang::Zh) => {
            format!("未评季度均得 {}", crate::engine::text::fmt2(*score))
        }
        (Change::RemainingQuarters { score }, Lang::En) => {
            format!("every unscored quarter at {}", crate::engine::text::fmt2(*score))
        }
    }
}

/// Several changes joined for one line.
pub fn changes_text(changes: &[Change], rules: &RuleSet, lang: Lang) -> String {
    let parts: Vec<String> = changes.iter().map(|c| change_text(c, rules, lang)).collect();
    parts.join(lang.pick(" + ", " + "))
}

/// The article cited by the rules: 《青岛日报》2023-03-23 第09版.
pub fn source_line(rules: &RuleSet) -> String {
    let s = &rules.source;
    format!("《{}》{} {}", s.publication, s.date, s.page)
}

/// A signed number with two decimals (+1.25, −0.50).
pub fn signed(x: f64) -> String {
    let text = crate::engine::text::fmt2(x.abs());
    if x > 0.0 && text != "0.00" {
        format!("+{text}")
    } else if x < 0.0 && text != "0.00" {
        format!("−{text}")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_as_words() {
        assert_eq!(path_label("pledges[2].quarters[3]", Lang::Zh), "承诺 3 第 4 季度");
        assert_eq!(path_label("pledges[0].quarters[1]", Lang::En), "pledge 1 Q2");
        assert_eq!(path_label("unit_score", Lang::En), "unit score");
        assert_eq!(field_id("pledges[1].quarters[2]"), "f-pledges-1-quarters-2");
    }

    #[test]
    fn signs_are_typographic() {
        assert_eq!(signed(1.5), "+1.50");
        assert_eq!(signed(-0.25), "−0.25");
        assert_eq!(signed(0.0), "0.00");
    }
}
