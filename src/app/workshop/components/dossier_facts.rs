//! A dossier's inputs at a glance, without its result (for the quiz and the presenter's first
//! screen): unit score, pledges with grade and quarters, the share of 好 votes per rater group,
//! list items (veto items marked), political quality and the previous years.

use yew::prelude::*;

use crate::app::i18n;
use crate::engine::text::fmt_num;
use crate::engine::{Dossier, Lang, RaterGroup, RuleSet, VoteCategory};

/// The facts of `d` under `rules`. (A plain view function: it holds no state.)
pub fn dossier_facts(d: &Dossier, rules: &RuleSet, lang: Lang) -> Html {
    let unknown = lang.pick("未知", "unknown");
    let pledges = d.pledges.iter().map(|p| {
        let grade = Dossier::pledge_grade(p, rules);
        let quarters: Vec<String> = p
            .quarters
            .iter()
            .map(|q| q.map_or_else(|| "—".to_string(), fmt_num))
            .collect();
        html! {
            <li>
                <span class="grade">{ grade.id() }</span>{ " " }
                { lang.pick(p.area.zh(), p.area.en()) }
                <span class="num muted">{ format!(" · {}", quarters.join(" / ")) }</span>
            </li>
        }
    });
    let votes = RaterGroup::ALL.iter().filter_map(|g| {
        let counts = d.votes.get(*g)?;
        let total = counts.total().max(1) as f64;
        let good = 100.0 * f64::from(counts.get(VoteCategory::Good)) / total;
        let text = match lang {
            Lang::Zh => format!("{} “好”票 {:.0}%", g.zh(), good),
            Lang::En => format!("{}: {:.0}% good", g.en(), good),
        };
        Some(html! { <li class="num">{ text }</li> })
    });
    let item = |id: &str, negative: bool| {
        let found = if negative {
            rules.negative_item(id)
        } else {
            rules.positive_item(id)
        };
        let text = found.map_or_else(
            || id.to_string(),
            |i| format!("{id} {}", i18n::item_text(i, lang)),
        );
        let veto = negative && found.is_some_and(|i| i.veto);
        html! {
            <li class={classes!(veto.then_some("veto"))}>
                { text }
                if veto { <span class="tag veto-tag">{ lang.pick("一票否决", "veto") }</span> }
            </li>
        }
    };
    let positive = d.positive.iter().map(|c| item(&c.item, false));
    let negative = d.negative.iter().map(|r| item(&r.item, true));
    let history: Vec<&str> = d.history.iter().map(|t| i18n::tier(*t, lang)).collect();
    let none = lang.pick("无", "none");
    html! {
        <dl class="facts">
            <dt>{ lang.pick("单位综合绩效", "Unit score") }</dt>
            <dd class="num">{ d.unit_score.map_or_else(|| unknown.to_string(), fmt_num) }</dd>
            <dt>{ lang.pick("履职承诺(等级 · 四个季度)", "Pledges (grade · quarters)") }</dt>
            <dd><ul>{ for pledges }</ul></dd>
            <dt>{ lang.pick("多维测评", "Multi-rater votes") }</dt>
            <dd><ul>{ for votes }</ul></dd>
            <dt>{ lang.pick("正面清单", "Positive list") }</dt>
            <dd>if d.positive.is_empty() { { none } } else { <ul>{ for positive }</ul> }</dd>
            <dt>{ lang.pick("负面清单", "Negative list") }</dt>
            <dd>if d.negative.is_empty() { { none } } else { <ul>{ for negative }</ul> }</dd>
            <dt>{ lang.pick("政治素质", "Political quality") }</dt>
            <dd>{ lang.pick(d.political_quality.zh(), d.political_quality.en()) }</dd>
            <dt>{ lang.pick("往年等次", "Previous years") }</dt>
            <dd>{ if history.is_empty() { none.to_string() } else { history.join(" → ") } }</dd>
        </dl>
    }
}
