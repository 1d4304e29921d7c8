//! Words shared by several components, in Chinese and English: field paths, changes, list
//! items and the article citation. Single labels are written in place with [`Lang::pick`].

use crate::engine::rules::ListItem;
use crate::engine::whatif::Change;
use crate::engine::{FieldError, Lang, RaterGroup, RuleSet, Tier, VoteCategory};

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

/// A readable name for a field path of the dossier (spec §9 paths): what the form calls the
/// field, never the path itself (`pledges[0].quarters[1]` → 承诺 1 第 2 季度).
pub fn path_label(path: &str, lang: Lang) -> String {
    if let Some(rest) = path.strip_prefix("officials[") {
        let (i, field) = rest.split_once(']').unwrap_or((rest, ""));
        let who = match (lang, i.parse::<usize>()) {
            (Lang::Zh, Ok(i)) => format!("第 {} 位干部", i + 1),
            (Lang::En, Ok(i)) => format!("official {}", i + 1),
            _ => return path.into(),
        };
        let field = field.trim_start_matches('.');
        return if field.is_empty() {
            who
        } else {
            format!("{who} · {}", path_label(field, lang))
        };
    }
    let at = indices(path);
    let z = lang == Lang::Zh;
    let parts: Vec<&str> = path
        .split('.')
        .map(|p| p.split('[').next().unwrap_or(p))
        .collect();
    let nth = |i: usize| i + 1;
    match (parts.as_slice(), at.as_slice()) {
        ([""], _) => lang.pick("整份档案", "the whole dossier").into(),
        (["name"], _) => lang.pick("姓名", "name").into(),
        (["post"], _) => lang.pick("职务", "post").into(),
        (["unit_kind"], _) => lang.pick("单位类型", "unit type").into(),
        (["year"], _) => lang.pick("考核年度", "year").into(),
        (["unit_score"], _) => lang.pick("单位综合绩效", "unit score").into(),
        (["political_quality"], _) => lang.pick("政治素质测评", "political-quality test").into(),
        (["pledges"], []) => lang.pick("履职承诺", "pledges").into(),
        (["pledges", "quarters"], [i, q]) if z => format!("承诺 {} 第 {} 季度", nth(*i), nth(*q)),
        (["pledges", "quarters"], [i, q]) => format!("pledge {} Q{}", nth(*i), nth(*q)),
        (["pledges", rest @ ..], [i, ..]) => {
            let what = match rest.last().copied() {
                Some("area") => lang.pick("方面", "area"),
                Some("title") => lang.pick("标题", "title"),
                Some("grade") => lang.pick("等级", "grade"),
                Some("difficulty") => lang.pick("工作难度", "difficulty"),
                Some("innovation") => lang.pick("创新力度", "innovation"),
                Some("contribution") => lang.pick("贡献程度", "contribution"),
                Some("factors") => lang.pick("三项因素", "factors"),
                Some("quarters") => lang.pick("季度分", "quarter scores"),
                _ => "",
            };
            match lang {
                Lang::Zh => format!("承诺 {} {what}", nth(*i)).trim_end().to_string(),
                Lang::En => format!("pledge {} {what}", nth(*i)).trim_end().to_string(),
            }
        }
        (["votes"], _) => lang.pick("多维测评", "multi-rater votes").into(),
        (["votes", group, rest @ ..], _) => {
            let group = RaterGroup::from_id(group).map_or(*group, |g| if z { g.zh() } else { g.en() });
            match rest.first().and_then(|c| VoteCategory::from_id(c)) {
                Some(c) if z => format!("{group} · {}票", c.zh()),
                Some(c) => format!("{group} · \"{}\" votes", c.en()),
                None => group.to_string(),
            }
        }
        ([list @ ("positive" | "negative"), rest @ ..], at) => {
            let name = match (*list, z) {
                ("positive", true) => "正面清单",
                ("positive", false) => "positive list",
                (_, true) => "负面清单",
                (_, false) => "negative list",
            };
            let what = match rest.last().copied() {
                Some("count") => lang.pick("次数", "count"),
                Some("tolerated") => lang.pick("容错免责", "error tolerance"),
                _ => "",
            };
            match (at.first(), z) {
                (Some(i), true) => format!("{name}第 {} 项{what}", nth(*i)),
                (Some(i), false) => format!("{name}, entry {} {what}", nth(*i)).trim_end().to_string(),
                (None, _) => name.to_string(),
            }
        }
        (["history"], [i]) if z => format!("历年等次第 {} 年", nth(*i)),
        (["history"], [i]) => format!("previous tiers, year {}", nth(*i)),
        (["history"], _) => lang.pick("历年等次", "previous tiers").into(),
        (["assumptions", what], _) => {
            let what = match *what {
                "quarter_score" => lang.pick("未评季度的假设分", "assumed quarter score"),
                "unit_score" => lang.pick("假设单位绩效", "assumed unit score"),
                "multi_score" => lang.pick("假设测评分", "assumed multi-rater score"),
                _ => lang.pick("推算假设", "assumptions"),
            };
            what.to_string()
        }
        _ => path.into(),
    }
}

/// One problem in words: the field as the form calls it, then what is wrong with it.
pub fn error_line(error: &FieldError, lang: Lang) -> String {
    let message = error.problem.message(lang);
    if error.path.is_empty() {
        message
    } else {
        format!(
            "{}{}{message}",
            path_label(&error.path, lang),
            lang.pick(":", ": ")
        )
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
        (other, _) => crate::engine::report::change_text(other, rules, lang),
    }
}

/// Several changes joined for one line.
pub fn changes_text(changes: &[Change], rules: &RuleSet, lang: Lang) -> String {
    let parts: Vec<String> = changes.iter().map(|c| change_text(c, rules, lang)).collect();
    parts.join(lang.pick(" + ", " + "))
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
        assert_eq!(
            path_label("pledges[1].factors.difficulty", Lang::Zh),
            "承诺 2 工作难度"
        );
        assert_eq!(path_label("votes.peers.good", Lang::Zh), "党政正职互评 · 好票");
        assert_eq!(
            path_label("negative[0].tolerated", Lang::Zh),
            "负面清单第 1 项容错免责"
        );
        assert_eq!(
            path_label("negative[2].count", Lang::En),
            "negative list, entry 3 count"
        );
        assert_eq!(
            path_label("assumptions.unit_score", Lang::En),
            "assumed unit score"
        );
        assert_eq!(path_label("history[1]", Lang::Zh), "历年等次第 2 年");
        assert_eq!(
            path_label("officials[3].pledges[0].quarters[1]", Lang::Zh),
            "第 4 位干部 · 承诺 1 第 2 季度"
        );
        assert_eq!(field_id("pledges[1].quarters[2]"), "f-pledges-1-quarters-2");
    }

    #[test]
    fn signs_are_typographic() {
        assert_eq!(signed(1.5), "+1.50");
        assert_eq!(signed(-0.25), "−0.25");
        assert_eq!(signed(0.0), "0.00");
    }
}
