//! Readable reports (Chinese by default, or English) of an assessment, a what-if analysis and
//! a ranking, as the CLI's `--text` prints them.

use std::fmt::Write;

use super::assessment::{Assessment, VetoCause};
use super::cohort::Ranking;
use super::dossier::Dossier;
use super::ids::Tier;
use super::plain::{self, words, words::value};
use super::rules::RuleSet;
use super::text::{fmt2, fmt_num, Lang};
use super::whatif::{Change, Reach, Scenario, WhatIf};

fn tier_name(tier: Tier, lang: Lang) -> &'static str {
    lang.pick(tier.zh(), tier.en())
}

/// The rule set's name, version and hash, as every report shows it.
pub fn rules_line(rules: &RuleSet, lang: Lang) -> String {
    let name = lang.pick(&rules.name, &rules.name_en);
    format!(
        "{}{name} · v{} · {}",
        lang.pick("规则:", "Rules: "),
        rules.version,
        rules.content_hash()
    )
}

/// A signed value with two decimals: `+1.25`, `−0.50`, `0.00`.
pub fn signed(x: f64) -> String {
    let text = value(x.abs());
    if text == "0.00" {
        text
    } else if x > 0.0 {
        format!("+{text}")
    } else {
        format!("−{text}")
    }
}

/// A name as a reader of `lang` sees it: the demo's “(虚构)” marker in English words.
fn name_shown(name: &str, lang: Lang) -> String {
    super::demo::shown_name(name, lang).into_owned()
}

/// A readable report of one assessment; with the trace, the explanation in plain words
/// ([`plain::explanation`]).
pub fn assessment(dossier: &Dossier, result: &Assessment, rules: &RuleSet, lang: Lang) -> String {
    let mut out = String::new();
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let _ = writeln!(
        out,
        "{}",
        l(
            "栋梁 · 北尚栋梁考评模拟报告",
            "dongliang · assessment simulation report"
        )
    );
    let name = dossier.name.as_deref().map(|n| name_shown(n, lang));
    let who = match (name, &dossier.post, lang) {
        (Some(n), Some(p), Lang::Zh) => format!("{n}({p})"),
        (Some(n), Some(p), Lang::En) => format!("{n} ({p})"),
        _ => name_shown(dossier.display_name(), lang),
    };
    let year = dossier.year.map(|y| format!(" · {y}")).unwrap_or_default();
    let _ = writeln!(out, "{}{who}{year}", l("对象:", "Official: "));
    let _ = writeln!(out, "{}", rules_line(rules, lang));
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{}{}    {}{}",
        l("总分:", "Total: "),
        value(result.total),
        l("等次:", "Tier: "),
        tier_name(result.tier, lang)
    );
    if let Some(note) = plain::projection_note(result, lang) {
        let _ = writeln!(out, "  {note}");
    }
    let p = &result.parts;
    let _ = writeln!(
        out,
        "  {} {} | {} {} | {} {} | {} +{} | {} −{}",
        l("单位综合绩效", "unit"),
        value(p.unit),
        l("个人履职践诺", "pledges"),
        value(p.pledges),
        l("多维测评", "multi-rater"),
        value(p.multi),
        l("正面清单", "bonus"),
        value(p.bonus),
        l("负面清单", "deduction"),
        value(p.deduction)
    );
    if let Some(note) = plain::total_note(result, lang) {
        let _ = writeln!(out, "  {note}");
    }
    if result.vetoed {
        veto_lines(&mut out, result, rules, lang);
    }
    if let Some(next) = &result.next_tier {
        let _ = match lang {
            Lang::Zh => writeln!(
                out,
                "距{}还差 {}",
                plain::tier_quoted(next.tier, lang),
                value(next.points)
            ),
            Lang::En => writeln!(
                out,
                "To {}: {} more",
                plain::tier_quoted(next.tier, lang),
                words::count_value(next.points, "point", "points")
            ),
        };
    }
    let _ = match lang {
        Lang::Zh => writeln!(
            out,
            "高出{}线 {}",
            plain::tier_quoted(result.tier, lang),
            value(result.margin)
        ),
        Lang::En => writeln!(
            out,
            "{} above the line for {}",
            value(result.margin),
            plain::tier_quoted(result.tier, lang)
        ),
    };
    if result.projected {
        let _ = writeln!(
            out,
            "{}",
            l(
                "推算结果(部分数据尚未产生,按以下假设):",
                "Projected: some inputs are not known yet, so these are assumed:"
            )
        );
        for a in &result.assumed_inputs {
            let _ = match lang {
                Lang::Zh => writeln!(
                    out,
                    "  {} = {}({})",
                    plain::input_name(&a.path, lang),
                    value(a.value),
                    plain::basis_words(&a.basis, lang)
                ),
                Lang::En => writeln!(
                    out,
                    "  {} = {} ({})",
                    plain::input_name(&a.path, lang),
                    value(a.value),
                    plain::basis_words(&a.basis, lang)
                ),
            };
        }
    }
    let _ = writeln!(out, "{}", l("结果运用:", "Consequences:"));
    let _ = writeln!(out, "  {}", plain::consequences_sentence(result, rules, lang));
    for w in &result.warnings {
        let _ = writeln!(out, "{}{}", l("提示:", "Note: "), w.message(lang));
    }
    if result.trace.is_some() {
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", l("计算过程:", "How it was computed:"));
        explanation_lines(&mut out, result, rules, lang);
    }
    out
}

/// The veto: its causes, the article's wording and the cap.
fn veto_lines(out: &mut String, result: &Assessment, rules: &RuleSet, lang: Lang) {
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let causes: Vec<String> = result
        .vetoed_by
        .iter()
        .map(|c| match (c, lang) {
            (VetoCause::Item { id }, _) => match rules.negative_item(id) {
                Some(i) if lang == Lang::Zh => format!("{id} {}", i.zh),
                Some(i) => format!("{id} ({})", words::lower_first(&i.en)),
                None => id.clone(),
            },
            (VetoCause::PoliticalQuality, _) => {
                l("政治素质测评不合格", "politically unqualified").to_string()
            }
        })
        .collect();
    let joined = match lang {
        Lang::Zh => causes.join(";"),
        Lang::En => causes.join("; "),
    };
    let _ = writeln!(out, "{}{joined}", l("一票否决:", "Vetoed: "));
    let quote = plain::Quote {
        text: rules.veto.basis.quote.clone().unwrap_or_default(),
        translation: rules.veto.basis.quote_en.clone(),
    };
    if !quote.text.is_empty() {
        let _ = writeln!(
            out,
            "  {}{}",
            l("依据", "Source: "),
            plain::quote_text(&quote, rules, lang)
        );
    }
    if result.uncapped_tier != result.tier {
        let _ = writeln!(
            out,
            "  {} {} → {}",
            l("等次封顶:", "Tier capped:"),
            tier_name(result.uncapped_tier, lang),
            tier_name(result.tier, lang)
        );
    }
}

/// The explanation in plain words: each line's sentence, the formula as a detail, the
/// illustrative flag and the article's wording (once per rule, translated in English).
fn explanation_lines(out: &mut String, result: &Assessment, rules: &RuleSet, lang: Lang) {
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    for (i, line) in plain::explanation(result, rules, lang).iter().enumerate() {
        let flag = if line.illustrative {
            l(" [示例参数]", " [illustrative parameters]")
        } else {
            ""
        };
        let _ = writeln!(out, "{:>2}. {}{flag}", i + 1, line.says);
        if !line.detail.is_empty() {
            let _ = writeln!(out, "    {}{}", l("算式:", "Formula: "), line.detail);
        }
        for quote in &line.quotes {
            let _ = writeln!(out, "    {}", plain::quote_text(quote, rules, lang));
        }
    }
    if result.projected {
        let _ = writeln!(out, "{}", l("* 为推算值。", "* projected value."));
    }
    let _ = writeln!(
        out,
        "{}",
        l(
            "[示例参数]:该步依据的数值为示例默认值,不是区里公布的数字。",
            "[illustrative parameters]: the step rests on illustrative defaults, not figures the district published."
        )
    );
}

/// An item's id and text.
fn item_label(id: &str, item: Option<&super::rules::ListItem>, lang: Lang) -> String {
    match item {
        Some(i) => format!("{id} {}", lang.pick(&i.zh, &i.en)),
        None => id.to_string(),
    }
}

/// One change described for a reader: `承诺 1 由 B 改评 A` / `pledge 1 graded A instead of B`,
/// `去掉负面清单 N7 …(一票否决项)` / `without negative item N7 … (a veto item)`.
pub fn change_text(change: &Change, rules: &RuleSet, lang: Lang) -> String {
    let positive = |id: &str| item_label(id, rules.positive_item(id), lang);
    let negative = |id: &str| {
        let item = rules.negative_item(id);
        let veto = if item.is_some_and(|i| i.veto) {
            lang.pick("(一票否决项)", " (a veto item)")
        } else {
            ""
        };
        format!("{}{veto}", item_label(id, item, lang))
    };
    match (change, lang) {
        (Change::Regrade { pledge, from, to }, Lang::Zh) => {
            format!("承诺 {} 由 {from} 改评 {to}", pledge + 1)
        }
        (Change::Regrade { pledge, from, to }, Lang::En) => {
            format!("pledge {} graded {to} instead of {from}", pledge + 1)
        }
        (Change::Claim { item }, _) => format!("{}{}", l2(lang, "具备正面清单 ", "claim "), positive(item)),
        (Change::Incur { item }, _) => format!("{}{}", l2(lang, "出现负面清单 ", "incur "), negative(item)),
        (Change::RemainingQuarters { score }, Lang::Zh) => format!("未评分季度均得 {}", value(*score)),
        (Change::RemainingQuarters { score }, Lang::En) => {
            format!("every unscored quarter at {}", value(*score))
        }
        (Change::Unclaim { item }, _) => format!(
            "{}{}",
            l2(lang, "去掉正面清单 ", "without positive item "),
            positive(item)
        ),
        (Change::Remove { item }, _) => format!(
            "{}{}",
            l2(lang, "去掉负面清单 ", "without negative item "),
            negative(item)
        ),
        (Change::Tolerate { item }, Lang::Zh) => format!("{} 经容错免责", negative(item)),
        (Change::Tolerate { item }, Lang::En) => format!("{} waived under error tolerance", negative(item)),
        (Change::LiftVeto { items, requalify }, _) => {
            let mut parts: Vec<String> = Vec::new();
            if !items.is_empty() {
                let ids = items.clone();
                parts.push(match lang {
                    Lang::Zh => format!("去掉 {}", words::zh_list(&ids)),
                    Lang::En => format!("without {}", words::and_list(&ids)),
                });
            }
            if *requalify {
                parts.push(l2(lang, "政治素质测评改为合格", "politically qualified").to_string());
            }
            match lang {
                Lang::Zh => format!("解除一票否决({})", parts.join(";")),
                Lang::En => format!("the veto lifted ({})", parts.join("; ")),
            }
        }
    }
}

fn l2(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    lang.pick(zh, en)
}

/// Several changes joined for one line.
pub fn changes_text(changes: &[Change], rules: &RuleSet, lang: Lang) -> String {
    let parts: Vec<String> = changes.iter().map(|c| change_text(c, rules, lang)).collect();
    parts.join(" + ")
}

/// The marks of a scenario: `*` when the tier changes, and what it does to the veto.
pub fn scenario_marks(s: &Scenario, vetoed_now: bool, lang: Lang) -> String {
    let mut mark = if s.tier_changed {
        " *".to_string()
    } else {
        String::new()
    };
    if s.vetoed && !vetoed_now {
        mark.push_str(lang.pick(" [一票否决]", " [veto]"));
    } else if !s.vetoed && vetoed_now {
        mark.push_str(lang.pick(" [解除一票否决]", " [veto lifted]"));
    } else if s.veto {
        mark.push_str(lang.pick(" [一票否决项]", " [veto item]"));
    }
    mark
}

fn scenario_line(s: &Scenario, vetoed_now: bool, rules: &RuleSet, lang: Lang) -> String {
    let changes = changes_text(&s.changes, rules, lang);
    let mark = scenario_marks(s, vetoed_now, lang);
    match lang {
        Lang::Zh => format!(
            "  {changes} → {}({}) {}{mark}",
            value(s.total),
            signed(s.delta),
            tier_name(s.tier, lang)
        ),
        Lang::En => format!(
            "  {changes} → {} ({}), {}{mark}",
            value(s.total),
            signed(s.delta),
            tier_name(s.tier, lang)
        ),
    }
}

/// A readable what-if report: where the dossier stands, the score needed on the unscored
/// quarters (saying what it holds fixed), the smallest lifting changes, then every single
/// change largest effect first, the veto marked.
pub fn what_if(report: &WhatIf, rules: &RuleSet, lang: Lang) -> String {
    let mut out = String::new();
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let projected = if report.projected {
        l("(推算)", " (projected)")
    } else {
        ""
    };
    let _ = match lang {
        Lang::Zh => writeln!(
            out,
            "当前:{}    {}{projected}",
            value(report.total),
            tier_name(report.tier, lang)
        ),
        Lang::En => writeln!(
            out,
            "Now: {}, {}{projected}",
            value(report.total),
            tier_name(report.tier, lang)
        ),
    };
    if report.vetoed {
        let _ = writeln!(out, "  {}", l("一票否决", "vetoed"));
    }
    let _ = writeln!(out, "{}", rules_line(rules, lang));
    if let (Some(tier), Some(points)) = (report.next_tier, report.points_to_next) {
        let _ = match lang {
            Lang::Zh => writeln!(out, "距{}还差 {}", plain::tier_quoted(tier, lang), value(points)),
            Lang::En => writeln!(
                out,
                "To {}: {} more",
                plain::tier_quoted(tier, lang),
                words::count_value(points, "point", "points")
            ),
        };
    }
    let _ = match lang {
        Lang::Zh => writeln!(out, "高出本档分数线:{}", value(report.margin)),
        Lang::En => writeln!(out, "{} above this tier's line", value(report.margin)),
    };
    if report.unscored_quarters > 0 {
        let n = report.unscored_quarters;
        let held = plain::held_fixed(report, lang);
        let _ = match lang {
            Lang::Zh => writeln!(out, "未评分的 {n} 个季度统一得多少分可达更好的等次({held}):"),
            Lang::En => writeln!(
                out,
                "The score needed on each of the {} for a better tier ({held}):",
                words::count(n, "unscored quarter", "unscored quarters")
            ),
        };
        for t in &report.quarter_targets {
            let value = match (t.reach, t.score) {
                (Reach::Reachable, Some(s)) => value(s),
                (Reach::CappedByVeto, _) => l("一票否决,不可达", "out of reach: capped by the veto").into(),
                _ => l("不可达(全部 100 分也达不到)", "out of reach, even at 100").into(),
            };
            let _ = writeln!(out, "  {}{}{value}", tier_name(t.tier, lang), l(":", ": "));
        }
    }
    let _ = writeln!(
        out,
        "{}",
        l("提升等次的最小改变:", "Smallest changes that lift the tier:")
    );
    if report.lifts.is_empty() {
        let why = if report.tier == Tier::Good {
            l("已是最高等次", "already at the top tier")
        } else if report.next_tier.is_none() {
            l("一票否决封顶,无法提升", "capped by the veto")
        } else {
            l(
                "任何单项或两项改变都不足以提升等次",
                "no single or paired change lifts the tier",
            )
        };
        let _ = writeln!(out, "  {why}");
    }
    let held = plain::held_fixed(report, lang);
    for s in &report.lifts {
        let scores_quarters = s
            .changes
            .iter()
            .any(|c| matches!(c, Change::RemainingQuarters { .. }));
        let line = scenario_line(s, report.vetoed, rules, lang);
        let _ = match (scores_quarters, lang) {
            (false, _) => writeln!(out, "{line}"),
            (true, Lang::Zh) => writeln!(out, "{line}({held})"),
            (true, Lang::En) => writeln!(out, "{line} ({held})"),
        };
    }
    let _ = writeln!(
        out,
        "{}",
        l(
            "每一项单独改变,影响大的在前(* 表示等次变化):",
            "Every single change, largest effect first (* the tier changes):"
        )
    );
    let all = report.by_effect();
    if all.is_empty() {
        let _ = writeln!(out, "  {}", l("无", "none"));
    }
    for s in all {
        let _ = writeln!(out, "{}", scenario_line(s, report.vetoed, rules, lang));
    }
    out
}

/// A readable ranking table.
pub fn ranking(ranking: &Ranking, rules: &RuleSet, lang: Lang) -> String {
    let mut out = String::new();
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let _ = writeln!(out, "{}", rules_line(rules, lang));
    let _ = writeln!(
        out,
        "{:>5}  {:>7}  {:<6}  {}",
        l("名次", "rank"),
        l("总分", "total"),
        l("等次", "tier"),
        l("姓名", "name")
    );
    for r in &ranking.officials {
        let mut marks = String::new();
        if r.honour {
            marks.push_str(&format!(" [{}]", lang.pick(&rules.honour.zh, &rules.honour.en)));
        }
        if r.vetoed {
            marks.push_str(l(" [一票否决]", " [vetoed]"));
        }
        if r.quota_demoted {
            marks.push_str(l(" [比例限制降档]", " [quota]"));
        }
        let _ = writeln!(
            out,
            "{:>5}  {:>7}  {:<6}  {}{marks}",
            r.rank,
            fmt2(r.total),
            tier_name(r.tier, lang),
            name_shown(&r.name, lang)
        );
    }
    let counts: Vec<String> = Tier::ALL
        .iter()
        .map(|t| format!("{} {}", tier_name(*t, lang), ranking.distribution[t.index()]))
        .collect();
    let _ = writeln!(out, "{}{}", l("等次分布:", "Distribution: "), counts.join(" · "));
    let _ = writeln!(
        out,
        "{}{}",
        l("获“担当作为好干部”:", "Honoured: "),
        ranking.honoured
    );
    if let Some(q) = &ranking.quota {
        let _ = writeln!(
            out,
            "{}{} → {} ({} {})",
            l("“好”等次比例限制:", "Quota on the ‘good’ tier: "),
            q.good_before,
            q.good_after,
            l("限额", "allowed"),
            q.allowed
        );
        if q.exceeded_by_tie {
            let _ = writeln!(
                out,
                "  {}",
                l("因分数并列,超出限额", "exceeded because of a tie at the cut")
            );
        }
    }
    out
}

/// A readable summary of a rule set: every parameter with its source or the illustrative flag.
pub fn rule_set(rules: &RuleSet, lang: Lang) -> String {
    let mut out = String::new();
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let _ = writeln!(out, "{}", rules_line(rules, lang));
    let s = &rules.source;
    let _ = match lang {
        Lang::Zh => writeln!(out, "出处:{} “{}”", plain::source_line(rules, lang), s.title),
        Lang::En => writeln!(
            out,
            "Source: {}, \"{}\"",
            plain::source_line(rules, lang),
            s.title_en.as_deref().unwrap_or(&s.title)
        ),
    };
    let basis = |b: &super::rules::Basis| {
        let flag = if b.illustrative {
            l("[示例默认值]", "[illustrative default]")
        } else {
            l("[原文]", "[from the article]")
        };
        match (&b.quote, lang) {
            (Some(q), Lang::Zh) => format!("{flag} “{q}”"),
            (Some(_), Lang::En) => match &b.quote_en {
                Some(en) => format!("{flag} translated: \"{en}\""),
                None => format!("{flag} (quoted in Chinese)"),
            },
            (None, _) => flag.to_string(),
        }
    };
    let w = &rules.dimensions.weights;
    let _ = writeln!(
        out,
        "{} {} {} · {} {} · {} {}  {}",
        l("维度权重:", "Dimension weights:"),
        l("单位", "unit"),
        fmt_num(w.unit),
        l("践诺", "pledges"),
        fmt_num(w.pledges),
        l("测评", "multi"),
        fmt_num(w.multi),
        basis(&rules.dimensions.basis)
    );
    let c = &rules.grades.coefficients;
    let _ = writeln!(
        out,
        "{} A {} · B {} · C {}  {}",
        l("等级系数:", "Grade coefficients:"),
        fmt_num(c.a),
        fmt_num(c.b),
        fmt_num(c.c),
        basis(&rules.grades.basis)
    );
    let g = &rules.grading;
    let _ = writeln!(
        out,
        "{} A ≥ {} · B ≥ {} ({}–{})  {}",
        l("因素评级:", "Grading by factors:"),
        g.a_min_composite,
        g.b_min_composite,
        g.factor_min,
        g.factor_max,
        basis(&g.basis)
    );
    let q: Vec<String> = rules.quarters.weights.iter().map(|w| fmt_num(*w)).collect();
    let _ = writeln!(
        out,
        "{} {}  {}",
        l("季度权重:", "Quarter weights:"),
        q.join(" · "),
        basis(&rules.quarters.basis)
    );
    let groups: Vec<String> = rules
        .raters
        .groups
        .iter()
        .map(|r| format!("{} {}", lang.pick(&r.zh, &r.en), fmt_num(r.weight)))
        .collect();
    let _ = writeln!(
        out,
        "{} {}  {}",
        l("测评主体:", "Rater groups:"),
        groups.join(" · "),
        basis(&rules.raters.basis)
    );
    let _ = writeln!(
        out,
        "{} {}  {}",
        l("正面清单(加分上限):", "Positive list (bonus cap):"),
        fmt_num(rules.positive.bonus_cap),
        basis(&rules.positive.basis)
    );
    for item in &rules.positive.items {
        let _ = writeln!(
            out,
            "  {:<4} +{}  {}",
            item.id,
            fmt_num(item.points),
            lang.pick(&item.zh, &item.en)
        );
    }
    let _ = writeln!(
        out,
        "{}  {}",
        l("负面清单:", "Negative list:"),
        basis(&rules.negative.basis)
    );
    for item in &rules.negative.items {
        let effect = if item.veto {
            l("一票否决", "veto").to_string()
        } else {
            format!("−{}", fmt_num(item.points))
        };
        let _ = writeln!(
            out,
            "  {:<4} {:<6} {}",
            item.id,
            effect,
            lang.pick(&item.zh, &item.en)
        );
    }
    let t: Vec<String> = rules
        .tiers
        .thresholds
        .iter()
        .map(|t| {
            let name = Tier::from_id(&t.tier).map_or(t.tier.as_str(), |t| tier_name(t, lang));
            format!("{name} ≥ {}", fmt_num(t.min))
        })
        .collect();
    let _ = writeln!(
        out,
        "{} {}  {}",
        l("等次分数线:", "Tier thresholds:"),
        t.join(" · "),
        basis(&rules.tiers.basis)
    );
    let _ = writeln!(
        out,
        "{} {}  {}",
        l("否决封顶:", "Veto cap:"),
        tier_name(rules.veto_cap(), lang),
        basis(&rules.veto.basis)
    );
    let quota = rules
        .quota
        .good_quota
        .map_or_else(|| l("关闭", "off").to_string(), fmt_num);
    let _ = writeln!(out, "{} {quota}", l("“好”等次比例:", "Quota on the ‘good’ tier:"));
    let _ = writeln!(
        out,
        "{} {} ({})  {}",
        l("荣誉名额:", "Honour places:"),
        rules.honour.top_n,
        lang.pick(&rules.honour.zh, &rules.honour.en),
        basis(&rules.honour.basis)
    );
    let p = &rules.projection;
    let _ = writeln!(
        out,
        "{} {} {} · {} {} · {} {}  {}",
        l("推算默认值:", "Projection defaults:"),
        l("季度", "quarter"),
        fmt_num(p.quarter_score),
        l("单位", "unit"),
        fmt_num(p.unit_score),
        l("测评", "multi"),
        fmt_num(p.multi_score),
        basis(&p.basis)
    );
    out
}

/// A readable comparison of a cohort under a baseline and a variant rule set.
pub fn comparison(
    c: &super::compare::Comparison,
    baseline: &RuleSet,
    variant: &RuleSet,
    lang: Lang,
) -> String {
    let mut out = String::new();
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let _ = writeln!(out, "{}{}", l("基准 ", "Baseline "), rules_line(baseline, lang));
    let _ = writeln!(out, "{}{}", l("方案 ", "Variant  "), rules_line(variant, lang));
    let _ = writeln!(
        out,
        "{}",
        l(
            "等次变化矩阵(行:基准,列:方案):",
            "Tier transitions (rows: baseline, columns: variant):"
        )
    );
    let names: Vec<&str> = Tier::ALL.iter().map(|t| tier_name(*t, lang)).collect();
    // Columns as wide as the longest tier name (in characters) and a space.
    let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0).max(7) + 1;
    let _ = writeln!(
        out,
        "{:>width$} {}",
        "",
        names.iter().map(|n| format!("{n:>width$}")).collect::<String>()
    );
    for (from, row) in c.transitions.iter().enumerate() {
        let cells: String = row.iter().map(|n| format!("{n:>width$}")).collect();
        let _ = writeln!(out, "{:>width$} {cells}", names[from]);
    }
    let _ = writeln!(
        out,
        "{}{}",
        l(
            "等次或荣誉变化的人数:",
            "Officials whose tier or honour changes: "
        ),
        c.movers.len()
    );
    for m in &c.movers {
        let p = &m.parts;
        let _ = writeln!(
            out,
            "  {} {} → {} ({} → {}; {} {} {} {} {} {} {} {} {} {}; {}{} {} → {})",
            name_shown(&m.name, lang),
            tier_name(m.from, lang),
            tier_name(m.to, lang),
            fmt2(m.total_before),
            fmt2(m.total_after),
            l("单位", "unit"),
            signed(p.unit),
            l("践诺", "pledges"),
            signed(p.pledges),
            l("测评", "multi"),
            signed(p.multi),
            l("加分", "bonus"),
            signed(p.bonus),
            l("扣分", "deduction"),
            signed(p.deduction),
            plain::tier_quoted(m.boundary, lang),
            l("线", " line"),
            fmt_num(m.threshold_before),
            fmt_num(m.threshold_after)
        );
    }
    let people = |list: &[String]| -> String {
        let shown: Vec<String> = list.iter().map(|n| name_shown(n, lang)).collect();
        shown.join(lang.pick("、", ", "))
    };
    let _ = writeln!(
        out,
        "{}{}",
        l("新获荣誉:", "Honour gained: "),
        people(&c.honour_gained)
    );
    let _ = writeln!(
        out,
        "{}{}",
        l("失去荣誉:", "Honour lost: "),
        people(&c.honour_lost)
    );
    let dist = |d: &[usize; 4]| {
        names
            .iter()
            .zip(d)
            .map(|(n, c)| format!("{n} {c}"))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let _ = writeln!(
        out,
        "{}{} → {}",
        l("分布:", "Distribution: "),
        dist(&c.distribution_before),
        dist(&c.distribution_after)
    );
    let missing = [
        (&c.not_in_baseline, l("基准规则", "the baseline")),
        (&c.not_in_variant, l("方案", "the variant")),
    ];
    for (uses, side) in missing.into_iter().filter(|(uses, _)| !uses.is_empty()) {
        let _ = writeln!(
            out,
            "{}{side}{}{}",
            l("", "Not in "),
            l("中没有、不计分的清单项:", ", so counting for nothing: "),
            super::compare::ItemUse::describe(uses, lang)
        );
    }
    out
}
