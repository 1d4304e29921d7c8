//! Readable reports (Chinese by default, or English) of an assessment, a what-if analysis and
//! a ranking, as the CLI's `--text` prints them.

use std::fmt::Write;

use super::assessment::{Assessment, VetoCause};
use super::cohort::Ranking;
use super::dossier::Dossier;
use super::ids::{Consequence, Tier};
use super::rules::RuleSet;
use super::text::{fmt2, fmt_num, Lang};
use super::whatif::{Change, Reach, Scenario, WhatIf};

fn tier_name(tier: Tier, lang: Lang) -> &'static str {
    lang.pick(tier.zh(), tier.en())
}

fn consequence_name(c: Consequence, rules: &RuleSet, lang: Lang) -> String {
    match rules.consequence_text(c.id()) {
        Some(text) => lang.pick(&text.zh, &text.en).to_string(),
        None => lang.pick(c.zh(), c.en()).to_string(),
    }
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

/// A readable report of one assessment.
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
    let who = match (&dossier.name, &dossier.post) {
        (Some(n), Some(p)) => format!("{n}({p})"),
        _ => dossier.display_name().to_string(),
    };
    let year = dossier.year.map(|y| format!(" · {y}")).unwrap_or_default();
    let _ = writeln!(out, "{}{who}{year}", l("对象:", "Official: "));
    let _ = writeln!(out, "{}", rules_line(rules, lang));
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{}{}    {}{}",
        l("总分:", "Total: "),
        fmt2(result.total),
        l("等次:", "Tier: "),
        tier_name(result.tier, lang)
    );
    let p = &result.parts;
    let _ = writeln!(
        out,
        "  {} {} | {} {} | {} {} | {} +{} | {} −{}",
        l("单位综合绩效", "unit"),
        fmt2(p.unit),
        l("个人履职践诺", "pledges"),
        fmt2(p.pledges),
        l("多维测评", "multi-rater"),
        fmt2(p.multi),
        l("正面清单", "bonus"),
        fmt2(p.bonus),
        l("负面清单", "deduction"),
        fmt2(p.deduction)
    );
    if result.vetoed {
        let causes: Vec<String> = result
            .vetoed_by
            .iter()
            .map(|c| match c {
                VetoCause::Item { id } => {
                    let text = rules
                        .negative_item(id)
                        .map(|i| lang.pick(&i.zh, &i.en).to_string())
                        .unwrap_or_default();
                    format!("{id} {text}")
                }
                VetoCause::PoliticalQuality => l("政治素质测评不合格", "politically unqualified").to_string(),
            })
            .collect();
        let _ = writeln!(out, "{}{}", l("一票否决:", "Vetoed: "), causes.join(";"));
        let _ = writeln!(
            out,
            "  {}《{}》:“{}”",
            l("依据", "Source"),
            rules.source.publication,
            rules.veto.basis.quote.as_deref().unwrap_or("")
        );
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
    if let Some(next) = &result.next_tier {
        let _ = writeln!(
            out,
            "{}“{}”{} {}",
            l("距", "To "),
            tier_name(next.tier, lang),
            l("还差", ": needs"),
            fmt2(next.points)
        );
    }
    let _ = writeln!(
        out,
        "{}“{}”{} {}",
        l("高出", "Above the "),
        tier_name(result.tier, lang),
        l("线", " line by"),
        fmt2(result.margin)
    );
    if result.projected {
        let _ = writeln!(
            out,
            "{}",
            l(
                "推算结果(部分数据尚未产生,按以下假设):",
                "Projected (some inputs are not known yet; assumed):"
            )
        );
        for a in &result.assumed_inputs {
            let _ = writeln!(out, "  {} = {} ({})", a.path, fmt_num(a.value), a.basis);
        }
    }
    let consequences: Vec<String> = result
        .consequences
        .iter()
        .map(|c| consequence_name(*c, rules, lang))
        .collect();
    let none = l("无", "none");
    let shown = if consequences.is_empty() {
        none.to_string()
    } else {
        consequences.join(";")
    };
    let _ = writeln!(out, "{}{shown}", l("结果运用:", "Consequences: "));
    for w in &result.warnings {
        let _ = writeln!(out, "{}{}", l("提示:", "Note: "), w.message(lang));
    }
    if let Some(steps) = &result.trace {
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", l("计算过程:", "How it was computed:"));
        for (i, step) in steps.iter().enumerate() {
            let _ = writeln!(
                out,
                "{:>2}. {}: {}",
                i + 1,
                lang.pick(&step.label_zh, &step.label_en),
                step.formula_shown(lang)
            );
            let note = match lang {
                Lang::Zh => &step.note_zh,
                Lang::En => &step.note_en,
            };
            if let Some(note) = note {
                let _ = writeln!(out, "    {note}");
            }
            if let Some(q) = &step.quote {
                let _ = writeln!(out, "    ——《{}》:“{q}”", rules.source.publication);
            }
        }
    }
    out
}

fn change_text(change: &Change, rules: &RuleSet, lang: Lang) -> String {
    match change {
        Change::Regrade { pledge, from, to } => match lang {
            Lang::Zh => format!("承诺 {} 由 {from} 改评 {to}", pledge + 1),
            Lang::En => format!("pledge {} graded {to} instead of {from}", pledge + 1),
        },
        Change::Claim { item } => {
            let text = rules
                .positive_item(item)
                .map(|i| lang.pick(&i.zh, &i.en).to_string())
                .unwrap_or_default();
            format!("{}{item} {text}", lang.pick("具备正面清单 ", "claim "))
        }
        Change::Incur { item } => {
            let text = rules
                .negative_item(item)
                .map(|i| lang.pick(&i.zh, &i.en).to_string())
                .unwrap_or_default();
            format!("{}{item} {text}", lang.pick("出现负面清单 ", "incur "))
        }
        Change::RemainingQuarters { score } => match lang {
            Lang::Zh => format!("未评分季度均得 {}", fmt2(*score)),
            Lang::En => format!("every unscored quarter at {}", fmt2(*score)),
        },
    }
}

fn scenario_line(s: &Scenario, rules: &RuleSet, lang: Lang) -> String {
    let changes: Vec<String> = s.changes.iter().map(|c| change_text(c, rules, lang)).collect();
    let mut mark = if s.tier_changed {
        " *".to_string()
    } else {
        String::new()
    };
    if s.vetoed {
        mark.push_str(lang.pick(" [一票否决]", " [vetoed]"));
    }
    format!(
        "  {} → {} ({:+.2}) {}{mark}",
        changes.join(" + "),
        fmt2(s.total),
        s.delta,
        tier_name(s.tier, lang)
    )
}

/// A readable what-if report.
pub fn what_if(report: &WhatIf, rules: &RuleSet, lang: Lang) -> String {
    let mut out = String::new();
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let _ = writeln!(
        out,
        "{}{}    {}",
        l("当前:", "Now: "),
        fmt2(report.total),
        tier_name(report.tier, lang)
    );
    let _ = writeln!(out, "{}", rules_line(rules, lang));
    if let (Some(tier), Some(points)) = (report.next_tier, report.points_to_next) {
        let _ = writeln!(
            out,
            "{}“{}”{} {}",
            l("距", "To "),
            tier_name(tier, lang),
            l("还差", ": needs"),
            fmt2(points)
        );
    }
    let _ = writeln!(
        out,
        "{}{}",
        l("高出本档分数线:", "Margin above this tier's line: "),
        fmt2(report.margin)
    );
    if report.unscored_quarters > 0 {
        let _ = writeln!(
            out,
            "{}({} {})",
            l(
                "未评分季度所需的统一分数",
                "Uniform score needed on the unscored quarters"
            ),
            report.unscored_quarters,
            l("个", "quarters")
        );
        for t in &report.quarter_targets {
            let value = match (t.reach, t.score) {
                (Reach::Reachable, Some(s)) => fmt2(s),
                (Reach::CappedByVeto, _) => l("一票否决,不可达", "capped by the veto").into(),
                _ => l("不可达(超过 100)", "unreachable (above 100)").into(),
            };
            let _ = writeln!(out, "  {}: {value}", tier_name(t.tier, lang));
        }
    }
    let sections = [
        (
            l("提升等次的最小改变", "Smallest changes that lift the tier"),
            &report.lifts,
        ),
        (l("改评承诺等级", "Regrade a pledge"), &report.regrades),
        (l("具备正面清单条目", "Claim a positive item"), &report.claims),
        (l("出现负面清单条目", "Incur a negative item"), &report.incurs),
    ];
    let no_lift = if report.tier == Tier::Good {
        l("已是最高等次", "already at the top tier")
    } else if report.next_tier.is_none() {
        l("一票否决封顶,无法提升", "capped by the veto")
    } else {
        l(
            "任何单项或两项改变都不足以提升等次",
            "no single or paired change lifts the tier",
        )
    };
    for (i, (title, list)) in sections.into_iter().enumerate() {
        let _ = writeln!(out, "{title}:");
        if list.is_empty() {
            let _ = writeln!(out, "  {}", if i == 0 { no_lift } else { l("无", "none") });
        }
        for s in list {
            let _ = writeln!(out, "{}", scenario_line(s, rules, lang));
        }
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
            r.name
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
            l("“好”等次比例限制:", "Good-tier quota: "),
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
    let _ = writeln!(
        out,
        "{}《{}》{} {} “{}”",
        l("出处:", "Source: "),
        s.publication,
        s.date,
        s.page,
        s.title
    );
    let basis = |b: &super::rules::Basis| {
        let flag = if b.illustrative {
            l("[示例默认值]", "[illustrative default]")
        } else {
            l("[原文]", "[from the article]")
        };
        match &b.quote {
            Some(q) => format!("{flag} “{q}”"),
            None => flag.to_string(),
        }
    };
    let w = &rules.dimensions.weights;
    let _ = writeln!(
        out,
        "{} unit {} · pledges {} · multi {}  {}",
        l("维度权重:", "Dimension weights:"),
        fmt_num(w.unit),
        fmt_num(w.pledges),
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
        .map(|t| format!("{} ≥ {}", t.tier, fmt_num(t.min)))
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
        rules.veto.cap,
        basis(&rules.veto.basis)
    );
    let quota = rules
        .quota
        .good_quota
        .map_or_else(|| l("关闭", "off").to_string(), fmt_num);
    let _ = writeln!(out, "{} {quota}", l("“好”等次比例:", "Good-tier quota:"));
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
    let _ = writeln!(
        out,
        "{:>10} {}",
        "",
        names.iter().map(|n| format!("{n:>8}")).collect::<String>()
    );
    for (from, row) in c.transitions.iter().enumerate() {
        let cells: String = row.iter().map(|n| format!("{n:>8}")).collect();
        let _ = writeln!(out, "{:>10} {cells}", names[from]);
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
            "  {} {} → {} ({} → {}; {} {:+.2} {} {:+.2} {} {:+.2} {} {:+.2} {} {:+.2}; “{}”{} {} → {})",
            m.name,
            tier_name(m.from, lang),
            tier_name(m.to, lang),
            fmt2(m.total_before),
            fmt2(m.total_after),
            l("单位", "unit"),
            p.unit,
            l("践诺", "pledges"),
            p.pledges,
            l("测评", "multi"),
            p.multi,
            l("加分", "bonus"),
            p.bonus,
            l("扣分", "deduction"),
            p.deduction,
            tier_name(m.boundary, lang),
            l("线", " line"),
            fmt_num(m.threshold_before),
            fmt_num(m.threshold_after)
        );
    }
    let _ = writeln!(
        out,
        "{}{}",
        l("新获荣誉:", "Honour gained: "),
        c.honour_gained.join("、")
    );
    let _ = writeln!(
        out,
        "{}{}",
        l("失去荣誉:", "Honour lost: "),
        c.honour_lost.join("、")
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
