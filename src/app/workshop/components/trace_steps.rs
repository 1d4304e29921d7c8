//! One official's explanation under the baseline and under the variant, folded: the steps
//! whose result or formula differ are listed on top, baseline → variant side by side, and the
//! steps both explanations share are folded away under “N 个步骤未变”. Steps are paired by
//! their id (the k-th step of an id with the k-th of the same id), never by position, so a
//! step only one explanation has is a change of its own.

use yew::prelude::*;

use crate::engine::{Lang, Step};

/// One step of the explanation under each rule set; `None` where that explanation lacks it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StepPair<'a> {
    pub before: Option<&'a Step>,
    pub after: Option<&'a Step>,
}

impl StepPair<'_> {
    /// True when the step's result or formula differs, or only one explanation has it.
    pub fn changed(&self) -> bool {
        match (self.before, self.after) {
            (Some(b), Some(a)) => b.result != a.result || b.formula != a.formula,
            _ => true,
        }
    }

    /// The step (the variant's where it has one) for its label.
    fn step(&self) -> &Step {
        self.after.or(self.before).expect("a pair has at least one step")
    }
}

/// The k-th step with the same id as `steps[i]` has, for `steps[i]`.
fn occurrence(steps: &[Step], i: usize) -> usize {
    steps[..i].iter().filter(|s| s.id == steps[i].id).count()
}

/// The steps of both explanations paired by id, in the variant's order; a step only the
/// baseline has comes right after the baseline step before it.
pub fn pair_steps<'a>(before: &'a [Step], after: &'a [Step]) -> Vec<StepPair<'a>> {
    let key = |steps: &[Step], i: usize| (steps[i].id.clone(), occurrence(steps, i));
    let before_keys: Vec<_> = (0..before.len()).map(|i| key(before, i)).collect();
    let mut used = vec![false; before.len()];
    let mut pairs = Vec::with_capacity(after.len().max(before.len()));
    let mut next = 0;
    for (i, step) in after.iter().enumerate() {
        let k = key(after, i);
        let found = before_keys.iter().position(|b| *b == k);
        if let Some(j) = found {
            // The baseline's own steps that come before this one and the variant lacks.
            for (m, b) in before.iter().enumerate().take(j).skip(next) {
                if !used[m] && !after_has(after, &before_keys[m]) {
                    used[m] = true;
                    pairs.push(StepPair {
                        before: Some(b),
                        after: None,
                    });
                }
            }
            used[j] = true;
            next = next.max(j + 1);
        }
        pairs.push(StepPair {
            before: found.map(|j| &before[j]),
            after: Some(step),
        });
    }
    for (m, b) in before.iter().enumerate() {
        if !used[m] && !after_has(after, &before_keys[m]) {
            pairs.push(StepPair {
                before: Some(b),
                after: None,
            });
        }
    }
    pairs
}

fn after_has(after: &[Step], key: &(String, usize)) -> bool {
    (0..after.len()).any(|i| after[i].id == key.0 && occurrence(after, i) == key.1)
}

fn label(step: &Step, lang: Lang) -> &str {
    if lang == Lang::Zh {
        &step.label_zh
    } else {
        &step.label_en
    }
}

/// A step's result and formula, or a dash where the explanation lacks it.
fn side(step: Option<&Step>, lang: Lang) -> Html {
    match step {
        Some(s) => html! {
            <>
                <span class="step-result num">{ s.shown(lang).to_string() }</span>
                <p class="says">{ s.said(lang).to_string() }</p>
            </>
        },
        None => html! { <span class="muted">{ lang.pick("(无此步骤)", "(no such step)") }</span> },
    }
}

/// Both explanations of one official, the changed steps on top and the rest folded. (A plain
/// view function.)
pub fn trace_diff(before: &[Step], after: &[Step], lang: Lang) -> Html {
    let pairs = pair_steps(before, after);
    let (changed, same): (Vec<&StepPair>, Vec<&StepPair>) = pairs.iter().partition(|p| p.changed());
    let rows = changed.iter().map(|p| {
        html! {
            <tr data-testid="trace-step">
                <th scope="row">{ label(p.step(), lang) }</th>
                <td class="trace-before">{ side(p.before, lang) }</td>
                <td class="trace-arrow" aria-hidden="true">{ "→" }</td>
                <td class="trace-after">{ side(p.after, lang) }</td>
            </tr>
        }
    });
    let folded = same.iter().map(|p| {
        let s = p.step();
        html! {
            <li class="step" data-testid="trace-step">
                <div class="step-head">
                    <h4>{ label(s, lang) }</h4>
                    <span class="step-result num">{ s.shown(lang).to_string() }</span>
                </div>
                <p class="says">{ s.said(lang).to_string() }</p>
            </li>
        }
    });
    let n = same.len();
    let heading = match lang {
        Lang::Zh => format!("有变化的步骤({})", changed.len()),
        Lang::En => format!("Steps that change ({})", changed.len()),
    };
    let fold = match lang {
        Lang::Zh => format!("{n} 个步骤未变"),
        Lang::En if n == 1 => "1 step unchanged".to_string(),
        Lang::En => format!("{n} steps unchanged"),
    };
    html! {
        <div class="trace-diff">
            <h3 class="trace-title">{ heading }</h3>
            if changed.is_empty() {
                <p class="muted">{ lang.pick("两种解释的每一步都相同。", "Both explanations agree at every step.") }</p>
            } else {
                <div class="table-scroll">
                    <table class="trace-changed" data-testid="trace-changed">
                        <thead><tr>
                            <th scope="col">{ lang.pick("步骤", "Step") }</th>
                            <th scope="col">{ lang.pick("基线", "Baseline") }</th>
                            <th scope="col"><span class="visually-hidden">{ lang.pick("变为", "becomes") }</span></th>
                            <th scope="col">{ lang.pick("方案", "Variant") }</th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            }
            if n > 0 {
                <details class="trace-unchanged" data-testid="trace-unchanged">
                    <summary>{ fold }</summary>
                    <ol class="steps">{ for folded }</ol>
                </details>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{demo, Engine, RuleSet};

    fn step(id: &str, result: &str) -> Step {
        Step::new(id, id, id).result(result)
    }

    fn ids(pairs: &[StepPair]) -> Vec<(Option<String>, Option<String>, bool)> {
        pairs
            .iter()
            .map(|p| {
                (
                    p.before.map(|s| s.id.clone()),
                    p.after.map(|s| s.id.clone()),
                    p.changed(),
                )
            })
            .collect()
    }

    #[test]
    fn steps_pair_by_id_and_a_step_only_one_side_has_is_a_change() {
        let before = [step("a", "1"), step("gone", "2"), step("b", "3"), step("c", "4")];
        let after = [step("a", "1"), step("b", "5"), step("new", "6"), step("c", "4")];
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            ids(&pair_steps(&before, &after)),
            [
                (s("a"), s("a"), false),
                (s("gone"), None, true),
                (s("b"), s("b"), true),
                (None, s("new"), true),
                (s("c"), s("c"), false),
            ]
        );
        let reordered = [step("c", "4"), step("a", "1")];
        assert!(
            pair_steps(&before[..1], &reordered)
                .iter()
                .all(|p| p.after.is_some()),
            "pairs follow the variant's order"
        );
        let twice = [step("x", "1"), step("x", "2")];
        let pairs = pair_steps(&twice, &twice);
        assert!(
            pairs.len() == 2 && pairs.iter().all(|p| !p.changed()),
            "the k-th of an id meets the k-th"
        );
    }

    #[test]
    fn a_changed_weight_changes_a_few_steps_and_leaves_the_rest() {
        let rules = RuleSet::default();
        let mut variant = rules.clone();
        variant.dimensions.weights.unit = 0.4;
        variant.dimensions.weights.pledges = 0.3;
        let d = demo::cohort(2023, 5, 2023).officials.remove(0);
        let b = Engine::new(&rules).evaluate_traced(&d).trace.unwrap();
        let a = Engine::new(&variant).evaluate_traced(&d).trace.unwrap();
        let pairs = pair_steps(&b, &a);
        assert_eq!(pairs.len(), a.len());
        let changed = pairs.iter().filter(|p| p.changed()).count();
        assert!(
            changed > 0 && changed < pairs.len() / 2,
            "{changed} of {}",
            pairs.len()
        );
        assert!(pairs
            .iter()
            .all(|p| p.changed() || p.before.unwrap().result == p.after.unwrap().result));
    }
}
