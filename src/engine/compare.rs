//! Baseline against variant: the same cohort ranked under two rule sets, with the tier
//! transition matrix, who changes tier and why (which parts of the total moved, which
//! threshold moved, the veto and the quota), the honour list's changes and both distributions.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::assessment::{self, ListKind};

use super::cohort::Ranking;
use super::dossier::Dossier;
use super::evaluate::{Engine, Score};
use super::ids::{Area, Consequence, RaterGroup, Tier};
use super::rules::RuleSet;
use super::text::{round2, Lang};

/// How the weighted parts of one official's total moved (variant minus baseline).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PartDeltas {
    pub unit: f64,
    pub pledges: f64,
    pub multi: f64,
    pub bonus: f64,
    pub deduction: f64,
    pub total: f64,
}

/// One official whose tier or honour differs between the two rule sets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mover {
    pub index: usize,
    pub name: String,
    pub from: Tier,
    pub to: Tier,
    pub total_before: f64,
    pub total_after: f64,
    pub parts: PartDeltas,
    /// The boundary crossed: the better of the two tiers, with its threshold before and after.
    pub boundary: Tier,
    pub threshold_before: f64,
    pub threshold_after: f64,
    pub vetoed_before: bool,
    pub vetoed_after: bool,
    pub quota_demoted_before: bool,
    pub quota_demoted_after: bool,
    pub honour_before: bool,
    pub honour_after: bool,
}

/// The comparison of a cohort under a baseline and a variant rule set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// `transitions[from][to]`: how many officials go from a baseline tier to a variant tier.
    pub transitions: [[usize; 4]; 4],
    /// Officials whose tier or honour changes, largest change in total first.
    pub movers: Vec<Mover>,
    pub honour_gained: Vec<String>,
    pub honour_lost: Vec<String>,
    pub distribution_before: [usize; 4],
    pub distribution_after: [usize; 4],
    pub baseline: Ranking,
    pub variant: Ranking,
    /// List items the cohort claims that the baseline rules do not have (they count for nothing there).
    pub not_in_baseline: Vec<ItemUse>,
    /// List items the cohort claims that the variant does not have.
    pub not_in_variant: Vec<ItemUse>,
}

/// A list item named in a cohort's dossiers, and by how many officials.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemUse {
    pub list: ListKind,
    pub item: String,
    pub officials: usize,
}

impl ItemUse {
    /// “正面清单 P3(4 人)” / “positive list P3 (4 officials)”, joined for a list of them.
    pub fn describe(uses: &[ItemUse], lang: Lang) -> String {
        let one = |u: &ItemUse| match lang {
            Lang::Zh => format!("{} {}({} 人)", u.list.name(lang), u.item, u.officials),
            Lang::En => {
                let who = if u.officials == 1 { "official" } else { "officials" };
                format!("{} {} ({} {who})", u.list.name(lang), u.item, u.officials)
            }
        };
        uses.iter()
            .map(one)
            .collect::<Vec<_>>()
            .join(lang.pick("、", ", "))
    }
}

/// The list items the officials name that `rules` do not have, each with how many officials
/// name it, in the order first met.
pub fn items_not_in_rules(officials: &[Dossier], rules: &RuleSet) -> Vec<ItemUse> {
    let mut uses: Vec<ItemUse> = Vec::new();
    // The last official counted for each item: one who names it twice counts once.
    let mut last: Vec<usize> = Vec::new();
    for (i, dossier) in officials.iter().enumerate() {
        for (list, item) in assessment::items_not_in_rules(dossier, rules) {
            match uses.iter().position(|u| u.list == list && u.item == item) {
                Some(k) if last[k] == i => {}
                Some(k) => {
                    uses[k].officials += 1;
                    last[k] = i;
                }
                None => {
                    uses.push(ItemUse {
                        list,
                        item: item.to_string(),
                        officials: 1,
                    });
                    last.push(i);
                }
            }
        }
    }
    uses
}

fn weighted(engine: &Engine, s: &Score) -> [f64; 5] {
    let w = engine.rules.dimensions.weights;
    [
        w.unit * s.unit,
        w.pledges * s.pledges,
        w.multi * s.multi,
        s.bonus,
        s.deduction,
    ]
}

/// Ranks `officials` under both engines and compares the outcomes.
pub fn compare(officials: &[Dossier], baseline: &Engine, variant: &Engine) -> Comparison {
    compare_ranked(
        officials,
        baseline,
        variant,
        baseline.rank(officials),
        variant.rank(officials),
    )
}

/// [`compare`] with the two rankings made already (`before` by `baseline.rank(officials)`,
/// `after` by `variant.rank(officials)`, perhaps a piece at a time: `Engine::ranking_of`).
pub fn compare_ranked(
    officials: &[Dossier],
    baseline: &Engine,
    variant: &Engine,
    before: Ranking,
    after: Ranking,
) -> Comparison {
    let by_index = |ranking: &Ranking| {
        let mut lines: Vec<usize> = vec![0; officials.len()];
        for (position, r) in ranking.officials.iter().enumerate() {
            lines[r.index] = position;
        }
        lines
    };
    let (pos_before, pos_after) = (by_index(&before), by_index(&after));
    let mut transitions = [[0; 4]; 4];
    let mut movers = Vec::new();
    let (mut honour_gained, mut honour_lost) = (Vec::new(), Vec::new());
    for (i, dossier) in officials.iter().enumerate() {
        let b = &before.officials[pos_before[i]];
        let a = &after.officials[pos_after[i]];
        transitions[b.tier.index()][a.tier.index()] += 1;
        match (b.honour, a.honour) {
            (false, true) => honour_gained.push(a.name.clone()),
            (true, false) => honour_lost.push(b.name.clone()),
            _ => {}
        }
        if b.tier == a.tier && b.honour == a.honour {
            continue;
        }
        let (sb, sa) = (baseline.score(dossier), variant.score(dossier));
        let (wb, wa) = (weighted(baseline, &sb), weighted(variant, &sa));
        let d = |k: usize| round2(wa[k] - wb[k]);
        movers.push(Mover {
            index: i,
            name: a.name.clone(),
            from: b.tier,
            to: a.tier,
            total_before: b.total,
            total_after: a.total,
            parts: PartDeltas {
                unit: d(0),
                pledges: d(1),
                multi: d(2),
                bonus: d(3),
                deduction: d(4),
                total: round2(a.total - b.total),
            },
            boundary: b.tier.min(a.tier),
            threshold_before: baseline.rules.threshold(b.tier.min(a.tier)),
            threshold_after: variant.rules.threshold(b.tier.min(a.tier)),
            vetoed_before: b.vetoed,
            vetoed_after: a.vetoed,
            quota_demoted_before: b.quota_demoted,
            quota_demoted_after: a.quota_demoted,
            honour_before: b.honour,
            honour_after: a.honour,
        });
    }
    movers.sort_by(|x, y| {
        y.parts
            .total
            .abs()
            .total_cmp(&x.parts.total.abs())
            .then(x.index.cmp(&y.index))
    });
    Comparison {
        transitions,
        movers,
        honour_gained,
        honour_lost,
        distribution_before: before.distribution,
        distribution_after: after.distribution,
        baseline: before,
        variant: after,
        not_in_baseline: items_not_in_rules(officials, baseline.rules),
        not_in_variant: items_not_in_rules(officials, variant.rules),
    }
}

/// One rule-set parameter that differs between a baseline and a variant: where it is, what it
/// is called, and its value under each (absent where that rule set lacks the entry, e.g. a list
/// item only one of them has).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParameterChange {
    /// The field's path as rule-set errors name it (`tiers.thresholds[0].min`): the variant's
    /// position, or the baseline's for an entry the variant dropped.
    pub path: String,
    /// The parameter in words (`等次分数线 · 好` / `tier threshold · good`).
    pub label_zh: String,
    pub label_en: String,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

impl ParameterChange {
    /// The parameter in words.
    pub fn label(&self, lang: Lang) -> &str {
        lang.pick(&self.label_zh, &self.label_en)
    }

    /// The baseline's value as a reader of `lang` should see it (`—` where it has none).
    pub fn before_shown(&self, lang: Lang) -> String {
        shown(self.before.as_ref(), &self.path, lang)
    }

    /// The variant's value as a reader of `lang` should see it.
    pub fn after_shown(&self, lang: Lang) -> String {
        shown(self.after.as_ref(), &self.path, lang)
    }
}

/// Every parameter that differs between `baseline` and `variant`, in the rule set's order.
/// The citations (`source`, every `basis` and `quote`) are the rules' documentation, not
/// parameters, and are left out; list entries (thresholds, rater groups, list items, aspects,
/// consequences) are matched by their id, so a reordered list is no change and an entry only
/// one side has is one change with the other side absent.
pub fn changed_parameters(baseline: &RuleSet, variant: &RuleSet) -> Vec<ParameterChange> {
    let (b, a) = (
        serde_json::to_value(baseline).unwrap_or_default(),
        serde_json::to_value(variant).unwrap_or_default(),
    );
    let mut out = Vec::new();
    diff(&Place::default(), Some(&b), Some(&a), &mut out);
    // The walk meets an object's keys in alphabetical order; the table is in the rule set's.
    out.sort_by_key(|(rank, _)| *rank);
    out.into_iter().map(|(_, change)| change).collect()
}

/// Where the walk is: the path, its shape (indices left out: `tiers.thresholds[].min`) and
/// the names of the list entries passed on the way.
#[derive(Default, Clone)]
struct Place {
    path: String,
    shape: String,
    names: Vec<(String, String)>,
}

impl Place {
    fn key(&self, key: &str) -> Place {
        let join = |s: &str| {
            if s.is_empty() {
                key.to_string()
            } else {
                format!("{s}.{key}")
            }
        };
        Place {
            path: join(&self.path),
            shape: join(&self.shape),
            names: self.names.clone(),
        }
    }

    fn index(&self, i: usize, name: (String, String)) -> Place {
        let mut names = self.names.clone();
        names.push(name);
        Place {
            path: format!("{}[{i}]", self.path),
            shape: format!("{}[]", self.shape),
            names,
        }
    }
}

/// Fields that document the rules rather than set them.
const NOT_PARAMETERS: [&str; 3] = ["basis", "quote", "source"];

fn diff(at: &Place, b: Option<&Value>, a: Option<&Value>, out: &mut Vec<(usize, ParameterChange)>) {
    if b == a {
        return;
    }
    match (b, a) {
        (Some(Value::Object(bo)), Some(Value::Object(ao))) => {
            let keys = bo.keys().chain(ao.keys().filter(|k| !bo.contains_key(*k)));
            for key in keys.filter(|k| !NOT_PARAMETERS.contains(&k.as_str())) {
                diff(&at.key(key), bo.get(key), ao.get(key), out);
            }
        }
        (Some(Value::Array(bs)), Some(Value::Array(all))) if keyed(bs) && keyed(all) => {
            for (i, entry) in all.iter().enumerate() {
                let before = bs.iter().find(|e| entry_key(e) == entry_key(entry));
                diff(
                    &at.index(i, entry_name(&at.shape, entry, i)),
                    before,
                    Some(entry),
                    out,
                );
            }
            for (i, entry) in bs.iter().enumerate() {
                if !all.iter().any(|e| entry_key(e) == entry_key(entry)) {
                    diff(
                        &at.index(i, entry_name(&at.shape, entry, i)),
                        Some(entry),
                        None,
                        out,
                    );
                }
            }
        }
        (Some(Value::Array(bs)), Some(Value::Array(all))) => {
            for i in 0..bs.len().max(all.len()) {
                let name = entry_name(&at.shape, all.get(i).or(bs.get(i)).unwrap_or(&Value::Null), i);
                diff(&at.index(i, name), bs.get(i), all.get(i), out);
            }
        }
        _ => {
            let (label_zh, label_en) = words(at);
            out.push((
                rank(&at.shape),
                ParameterChange {
                    path: at.path.clone(),
                    label_zh,
                    label_en,
                    before: b.cloned(),
                    after: a.cloned(),
                },
            ));
        }
    }
}

/// An entry's identity in a list of entries: its `id`, or a threshold's `tier`.
fn entry_key(entry: &Value) -> Option<&str> {
    entry.get("id").or_else(|| entry.get("tier"))?.as_str()
}

fn keyed(list: &[Value]) -> bool {
    list.iter().all(|e| entry_key(e).is_some())
}

/// What to call a list entry: a tier's name, a list item's id, a labelled entry's label, or
/// a quarter's number.
fn entry_name(shape: &str, entry: &Value, i: usize) -> (String, String) {
    let text = |k: &str| entry.get(k).and_then(Value::as_str).map(str::to_string);
    let id = text("id").unwrap_or_default();
    let fixed = |names: Option<(&str, &str)>| names.map(|(zh, en)| (zh.to_string(), en.to_string()));
    let named = match shape {
        "tiers.thresholds" => fixed(
            text("tier")
                .as_deref()
                .and_then(Tier::from_id)
                .map(|t| (t.zh(), t.en())),
        ),
        "raters.groups" => fixed(RaterGroup::from_id(&id).map(|g| (g.zh(), g.en()))),
        "areas.items" => fixed(Area::from_id(&id).map(|a| (a.zh(), a.en()))),
        "consequences.items" => fixed(Consequence::from_id(&id).map(|c| (c.zh(), c.en()))),
        "positive.items" | "negative.items" if !id.is_empty() => Some((id.clone(), id.clone())),
        "quarters.weights" => {
            let q = ["一", "二", "三", "四"].get(i).copied().unwrap_or("?");
            Some((format!("{q}季度"), format!("Q{}", i + 1)))
        }
        _ => None,
    };
    named.or_else(|| text("zh").zip(text("en"))).unwrap_or_else(|| {
        let id = if id.is_empty() { (i + 1).to_string() } else { id };
        (id.clone(), id)
    })
}

/// The parameters in words, by shape; `{}` stands for the list entry's name.
const WORDS: &[(&str, &str, &str)] = &[
    ("name", "规则集名称(中文)", "rule set name (Chinese)"),
    ("name_en", "规则集名称(英文)", "rule set name (English)"),
    ("version", "版本", "version"),
    ("effective_year", "生效年度", "effective year"),
    (
        "dimensions.weights.unit",
        "四维权重 · 单位绩效",
        "dimension weight · unit",
    ),
    (
        "dimensions.weights.pledges",
        "四维权重 · 履职践诺",
        "dimension weight · pledges",
    ),
    (
        "dimensions.weights.multi",
        "四维权重 · 多维测评",
        "dimension weight · multi-rater",
    ),
    ("areas.items[]", "承诺方面“{}”", "pledge area \"{}\""),
    ("grades.coefficients.A", "等级系数 · A", "grade coefficient · A"),
    ("grades.coefficients.B", "等级系数 · B", "grade coefficient · B"),
    ("grades.coefficients.C", "等级系数 · C", "grade coefficient · C"),
    (
        "grading.factor_min",
        "等级评定 · 每项最低",
        "grading · factor min",
    ),
    (
        "grading.factor_max",
        "等级评定 · 每项最高",
        "grading · factor max",
    ),
    (
        "grading.a_min_composite",
        "等级评定 · A 级合计至少",
        "grading · A from (sum)",
    ),
    (
        "grading.b_min_composite",
        "等级评定 · B 级合计至少",
        "grading · B from (sum)",
    ),
    ("quarters.weights[]", "季度权重 · {}", "quarter weight · {}"),
    ("pledge_count.min", "承诺数量 · 最少", "number of pledges · min"),
    ("pledge_count.max", "承诺数量 · 最多", "number of pledges · max"),
    ("raters.groups[]", "测评主体“{}”", "rater group \"{}\""),
    (
        "raters.groups[].weight",
        "测评主体权重 · {}",
        "rater group weight · {}",
    ),
    ("raters.vote_values.good", "票值 · 好", "vote value · good"),
    (
        "raters.vote_values.fairly_good",
        "票值 · 较好",
        "vote value · fairly good",
    ),
    (
        "raters.vote_values.average",
        "票值 · 一般",
        "vote value · average",
    ),
    ("raters.vote_values.poor", "票值 · 差", "vote value · poor"),
    ("raters.max_votes", "每组票数上限", "max votes per group"),
    (
        "positive.bonus_cap",
        "正面清单 · 加分上限",
        "positive list · bonus cap",
    ),
    (
        "positive.aspects[]",
        "正面清单方面“{}”",
        "positive-list aspect \"{}\"",
    ),
    ("positive.items[]", "正面清单 {}", "positive list {}"),
    (
        "positive.items[].points",
        "正面清单 {} · 加分",
        "positive list {} · points",
    ),
    (
        "positive.items[].aspect",
        "正面清单 {} · 方面",
        "positive list {} · aspect",
    ),
    (
        "positive.items[].veto",
        "正面清单 {} · 一票否决",
        "positive list {} · veto",
    ),
    (
        "negative.aspects[]",
        "负面清单方面“{}”",
        "negative-list aspect \"{}\"",
    ),
    ("negative.items[]", "负面清单 {}", "negative list {}"),
    (
        "negative.items[].points",
        "负面清单 {} · 扣分",
        "negative list {} · points deducted",
    ),
    (
        "negative.items[].aspect",
        "负面清单 {} · 方面",
        "negative list {} · aspect",
    ),
    (
        "negative.items[].veto",
        "负面清单 {} · 一票否决",
        "negative list {} · veto",
    ),
    (
        "tolerance.allow_tolerated",
        "容错纠错 · 允许容错免责",
        "error tolerance · allowed",
    ),
    ("tiers.thresholds[]", "等次分数线 · {}", "tier threshold · {}"),
    ("tiers.thresholds[].min", "等次分数线 · {}", "tier threshold · {}"),
    ("veto.cap", "一票否决 · 最高等次", "veto · best tier"),
    (
        "quota.good_quota",
        "名额限制 · “好”最多占比",
        "quota · largest share of good",
    ),
    ("honour.top_n", "荣誉 · 前几名", "honour · top n"),
    ("honour.zh", "荣誉 · 名称(中文)", "honour · name (Chinese)"),
    ("honour.en", "荣誉 · 名称(英文)", "honour · name (English)"),
    (
        "projection.quarter_score",
        "推算默认值 · 季度",
        "projection default · quarter",
    ),
    (
        "projection.unit_score",
        "推算默认值 · 单位",
        "projection default · unit",
    ),
    (
        "projection.multi_score",
        "推算默认值 · 测评",
        "projection default · multi-rater",
    ),
    (
        "consequences.promotion_priority_years",
        "结果运用 · 连续“好”几年晋升倾斜",
        "consequences · good years for promotion priority",
    ),
    (
        "consequences.reassignment_years",
        "结果运用 · 连续“一般”几年组织调整",
        "consequences · average years for reassignment",
    ),
    ("consequences.items[]", "结果运用“{}”", "consequence \"{}\""),
];

/// Where a shape comes in the rule set: its line of [`WORDS`] (or its entry's), unknown
/// shapes last.
fn rank(shape: &str) -> usize {
    let line = |shape: &str| WORDS.iter().position(|(s, _, _)| *s == shape);
    line(shape)
        .or_else(|| line(shape.rsplit_once('.')?.0))
        .unwrap_or(WORDS.len())
}

/// A place in words: from the table, or, for a field of a named entry the table lacks, the
/// entry's words and the field (`正面清单 P3 · zh`); the path itself as a last resort.
fn words(at: &Place) -> (String, String) {
    let name = at.names.last().cloned().unwrap_or_default();
    let fill = |template: &str, name: &str| template.replace("{}", name);
    if let Some((_, zh, en)) = WORDS.iter().find(|(shape, _, _)| *shape == at.shape) {
        return (fill(zh, &name.0), fill(en, &name.1));
    }
    let field = |s: &str| match s {
        "zh" => ("中文表述", "Chinese wording"),
        "en" => ("英文表述", "English wording"),
        "id" => ("编号", "id"),
        _ => ("", ""),
    };
    if let Some((entry, last)) = at.shape.rsplit_once('.') {
        if let Some((_, zh, en)) = WORDS.iter().find(|(shape, _, _)| *shape == entry) {
            let (fz, fe) = field(last);
            let (fz, fe) = if fz.is_empty() { (last, last) } else { (fz, fe) };
            return (
                format!("{} · {fz}", fill(zh, &name.0)),
                format!("{} · {fe}", fill(en, &name.1)),
            );
        }
    }
    (at.path.clone(), at.path.clone())
}

/// A value of the rules in words: numbers without trailing zeros, tiers by name, yes/no, a
/// switched-off quota as none, a whole list entry by its name.
fn shown(value: Option<&Value>, path: &str, lang: Lang) -> String {
    match value {
        None => "—".into(),
        Some(Value::Null) => lang.pick("不限", "none").into(),
        Some(Value::Bool(yes)) => lang
            .pick(if *yes { "是" } else { "否" }, if *yes { "yes" } else { "no" })
            .into(),
        Some(Value::Number(n)) => n.as_f64().map_or_else(|| n.to_string(), super::text::fmt_num),
        Some(Value::String(s)) if path == "veto.cap" || path.ends_with(".tier") => {
            Tier::from_id(s).map_or_else(|| s.clone(), |t| lang.pick(t.zh(), t.en()).into())
        }
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(list)) => list
            .iter()
            .map(|v| shown(Some(v), path, lang))
            .collect::<Vec<_>>()
            .join(lang.pick("、", ", ")),
        Some(entry @ Value::Object(_)) => {
            let text = |k: &str| entry.get(k).and_then(Value::as_str);
            let name = text(lang.pick("zh", "en"))
                .or_else(|| text("tier"))
                .unwrap_or_default();
            let id = text("id")
                .filter(|id| Some(*id) != Some(name))
                .unwrap_or_default();
            let points = entry
                .get("points")
                .and_then(Value::as_f64)
                .map(super::text::fmt_num);
            let veto = entry.get("veto").and_then(Value::as_bool) == Some(true);
            let mut parts: Vec<String> = [id.to_string(), name.to_string()]
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect();
            if let Some(min) = entry.get("min").and_then(Value::as_f64) {
                let tier = Tier::from_id(name).map_or(name, |t| lang.pick(t.zh(), t.en()));
                parts = vec![format!("{tier} ≥ {}", super::text::fmt_num(min))];
            }
            match (veto, points) {
                (true, _) => parts.push(lang.pick("(一票否决)", "(veto)").into()),
                (false, Some(p)) => parts.push(match lang {
                    Lang::Zh => format!("({p} 分)"),
                    Lang::En => format!("({p} points)"),
                }),
                _ => {}
            }
            parts.join(" ")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> RuleSet {
        RuleSet::default()
    }

    #[test]
    fn the_same_rules_change_nothing() {
        assert!(changed_parameters(&rules(), &rules()).is_empty());
    }

    #[test]
    fn changed_numbers_are_named_in_words_with_both_values() {
        let mut variant = rules();
        variant.dimensions.weights.unit = 0.4;
        variant.dimensions.weights.pledges = 0.3;
        variant.tiers.thresholds[1].min = 82.0;
        variant.quota.good_quota = Some(0.2);
        variant.veto.cap = "average".into();
        let changes = changed_parameters(&rules(), &variant);
        let seen: Vec<(&str, &str, String, String)> = changes
            .iter()
            .map(|c| {
                (
                    c.path.as_str(),
                    c.label(Lang::Zh),
                    c.before_shown(Lang::Zh),
                    c.after_shown(Lang::Zh),
                )
            })
            .collect();
        assert_eq!(
            seen,
            [
                (
                    "dimensions.weights.unit",
                    "四维权重 · 单位绩效",
                    "0.3".into(),
                    "0.4".into()
                ),
                (
                    "dimensions.weights.pledges",
                    "四维权重 · 履职践诺",
                    "0.4".into(),
                    "0.3".into()
                ),
                (
                    "tiers.thresholds[1].min",
                    "等次分数线 · 较好",
                    "80".into(),
                    "82".into()
                ),
                ("veto.cap", "一票否决 · 最高等次", "较好".into(), "一般".into()),
                (
                    "quota.good_quota",
                    "名额限制 · “好”最多占比",
                    "不限".into(),
                    "0.2".into()
                ),
            ]
        );
        assert_eq!(changes[2].label(Lang::En), "tier threshold · fairly good");
        assert_eq!(changes[4].before_shown(Lang::En), "none");
    }

    #[test]
    fn list_entries_are_matched_by_id_and_an_added_or_dropped_entry_is_one_change() {
        let base = rules();
        let mut variant = base.clone();
        variant.positive.items.reverse();
        let n2 = variant.negative.items.iter_mut().find(|i| i.id == "N2").unwrap();
        n2.points = 5.0;
        variant.positive.items.retain(|i| i.id != "P1");
        let mut extra = variant.positive.items[0].clone();
        extra.id = "P9".into();
        extra.points = 3.0;
        variant.positive.items.push(extra.clone());
        variant.raters.groups[3].weight = 0.1;
        variant.raters.groups[0].weight = 0.45;
        variant.quarters.weights = [0.2, 0.2, 0.3, 0.3];
        variant.positive.basis.illustrative = !variant.positive.basis.illustrative;
        let changes = changed_parameters(&base, &variant);
        let found = |label: &str| changes.iter().find(|c| c.label(Lang::Zh) == label);
        let n2 = found("负面清单 N2 · 扣分").expect("N2's points");
        assert_eq!(
            (n2.before_shown(Lang::Zh), n2.after_shown(Lang::Zh)),
            ("3".into(), "5".into())
        );
        assert_eq!(n2.path, "negative.items[1].points");
        let p9 = found("正面清单 P9").expect("the new item");
        assert_eq!(p9.before_shown(Lang::En), "—");
        assert_eq!(p9.after_shown(Lang::Zh), format!("P9 {} (3 分)", extra.zh));
        let p1 = found("正面清单 P1").expect("the dropped item");
        assert_eq!(
            (p1.path.as_str(), p1.after.is_none()),
            ("positive.items[0]", true)
        );
        assert!(found("测评主体权重 · 服务对象和群众").is_some());
        assert_eq!(
            found("测评主体权重 · 区领导").unwrap().label_en,
            "rater group weight · District leaders"
        );
        let q = found("季度权重 · 三季度").expect("Q3");
        assert_eq!(
            (q.label_en.as_str(), q.after_shown(Lang::En)),
            ("quarter weight · Q3", "0.3".into())
        );
        assert_eq!(
            changes.len(),
            2 + 2 + 4 + 1,
            "no change for the reordering or the documentation: {changes:#?}"
        );
    }

    #[test]
    fn a_changed_wording_is_named_by_its_entry() {
        let mut variant = rules();
        variant.negative.items[0].zh = "改写".into();
        variant.consequences.items[0].en = "Changed".into();
        let changes = changed_parameters(&rules(), &variant);
        assert_eq!(changes[0].label(Lang::Zh), "负面清单 N1 · 中文表述");
        assert!(
            changes[1].label(Lang::En).starts_with("consequence \""),
            "{:?}",
            changes[1]
        );
        assert!(
            changes[1].label(Lang::En).ends_with(" · English wording"),
            "{:?}",
            changes[1]
        );
    }
}
