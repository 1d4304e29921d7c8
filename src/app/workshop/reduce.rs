//! Every workshop action applied to the app state: loading (a large demo cohort is generated, a
//! large file read and a large cohort scored a piece at a time, between tasks), importing,
//! ranking, comparing, the table, the years, the presenter and the quiz.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::cohort_io::{self, ImportError};
use super::kept::Kept;
use super::state::{
    Busy, CompareKey, Comparing, Generation, Importing, Presenting, ReadAs, RulesRef, Scoring, Source,
    Workshop, WorkshopAction, DEMO_YEAR, SMALL,
};
use crate::app::state::{State, View};
use crate::app::timing::now;
use crate::engine::compare::{compare, compare_ranked, Comparison};
use crate::engine::demo;
use crate::engine::workshop::quiz_order;
use crate::engine::{Engine, RuleSet, Tier};

/// Officials generated per step of a large demo cohort (a few tens of milliseconds).
const CHUNK: usize = 5000;

/// The rule set a reference names, if it still exists.
pub fn resolve(s: &State, r: &RulesRef) -> Option<Rc<RuleSet>> {
    match r {
        RulesRef::Default => Some(s.rule_edit.default.clone()),
        RulesRef::Current => Some(s.rules.clone()),
        RulesRef::Saved(name) => s
            .rule_edit
            .variants
            .iter()
            .find(|v| &v.name == name)
            .map(|v| v.rules.clone()),
    }
}

fn compute_comparison(s: &mut State) {
    let key = s.workshop.compare_key(s.rule_edit.variants_rev);
    let (Some(key), Some(cohort)) = (key, s.workshop.cohort.clone()) else {
        return;
    };
    let rules = resolve(s, &key.baseline).zip(resolve(s, &key.variant));
    let in_force = s.rules.clone();
    let w = Rc::make_mut(&mut s.workshop);
    if let (Some((baseline, variant)), true) = (&rules, cohort.officials.len() > SMALL) {
        w.comparing = Some(Rc::new(Comparing {
            key,
            baseline: baseline.clone(),
            variant: variant.clone(),
            before: RefCell::default(),
            after: RefCell::default(),
            rankings: RefCell::default(),
        }));
        w.busy = Some(Busy::ComparingSteps(0, 4 * cohort.officials.len()));
        return;
    }
    let comparison = rules.map(|(b, v)| compare(&cohort.officials, &Engine::new(&b), &Engine::new(&v)));
    compared(w, comparison, key, &in_force);
}

/// The comparison made for `key` (none when a rule set is gone), and the official in focus
/// for both explanations side by side.
fn compared(w: &mut Workshop, comparison: Option<Comparison>, key: CompareKey, in_force: &RuleSet) {
    w.busy = None;
    w.comparison = comparison.map(Rc::new);
    w.compared_for = Some(key);
    // Both explanations side by side start with someone who moved.
    let first = w.comparison.as_ref().and_then(|c| {
        let moved = c.movers.iter().any(|m| m.index == w.focus);
        c.movers.first().filter(|_| !moved).map(|m| m.index)
    });
    if let Some(i) = first {
        w.focus = i;
        w.reset_years(in_force);
    }
}

/// Loads the cohort kept in the browser, once per page load and only into an empty workshop.
fn restore(s: &mut State, kept: Kept) {
    let rules = s.rules.clone();
    let w = Rc::make_mut(&mut s.workshop);
    let empty = w.cohort.is_none() && w.generating.is_none();
    let first = !w.restore_tried;
    w.restore_tried = true;
    if !(first && empty) {
        return;
    }
    match kept {
        Kept::Nothing => {}
        Kept::Demo { seed, size } => reduce(s, WorkshopAction::LoadDemo { seed, size }),
        Kept::File { file, officials } => w.set_cohort(Source::File(file), officials, &rules),
        Kept::Unreadable { zh, en } => restore_failed(w, zh, en),
    }
    let w = Rc::make_mut(&mut s.workshop);
    w.kept_id = w.cohort.as_ref().map_or(0, |c| c.id);
}

fn restore_failed(w: &mut Workshop, zh: String, en: String) {
    let file = "localStorage".to_string();
    let refused = ImportError::Refused {
        zh: format!("浏览器中保存的名册无法读取({zh}),已另存于 dongliang.workshop-cohort.corrupt,请重新载入名册。"),
        en: format!("The cohort kept in this browser could not be read ({en}); it was set aside under dongliang.workshop-cohort.corrupt. Load a cohort again."),
    };
    w.import_error = Some(Rc::new((file, refused)));
}

/// Files at least this large are read a slice per task, with a progress bar.
const SLICED: usize = 256 * 1024;

/// How long one task of reading or scoring may take, in milliseconds: well under the 50 ms
/// after which the page feels stuck, on the slowest machines too.
const SLICE_MS: f64 = 20.0;

/// Makes the next slice of a large cohort's ranking. A cohort or rules changed meanwhile start
/// it again (it is for them that a ranking is due).
fn score_more(w: &mut Workshop, rules: &RuleSet) {
    let (Some(scoring), Some(cohort)) = (w.scoring.clone(), w.cohort.clone()) else {
        return;
    };
    if scoring.key != (cohort.id, w.rules_rev) {
        w.scoring = None;
        w.busy = None;
        return;
    }
    let start = now();
    let ranking = scoring
        .job
        .borrow_mut()
        .step(&cohort.officials, rules, start + SLICE_MS);
    scoring.ms.set(scoring.ms.get() + now() - start);
    match ranking {
        None => {
            w.busy = Some(Busy::Scoring(
                scoring.job.borrow().done(),
                2 * cohort.officials.len(),
            ))
        }
        Some(ranking) => {
            w.scoring = None;
            w.ranked(ranking, scoring.ms.get(), rules);
        }
    }
}

/// Makes the next slice of a large cohort's comparison: the baseline's ranking, the variant's,
/// then the comparison itself. Anything changed meanwhile (the cohort, the rules, the choice)
/// drops it; the view asks again.
fn compare_more(s: &mut State) {
    let key = s.workshop.compare_key(s.rule_edit.variants_rev);
    let in_force = s.rules.clone();
    let w = Rc::make_mut(&mut s.workshop);
    let (Some(job), Some(cohort)) = (w.comparing.clone(), w.cohort.clone()) else {
        return;
    };
    if key.as_ref() != Some(&job.key) {
        w.comparing = None;
        w.busy = None;
        return;
    }
    let (officials, n) = (&cohort.officials, cohort.officials.len());
    let until = now() + SLICE_MS;
    let mut rankings = job.rankings.borrow_mut();
    if rankings.0.is_none() {
        rankings.0 = job.before.borrow_mut().step(officials, &job.baseline, until);
    }
    if rankings.0.is_some() && rankings.1.is_none() && now() < until {
        rankings.1 = job.after.borrow_mut().step(officials, &job.variant, until);
    }
    let (Some(_), Some(_)) = &*rankings else {
        let done = match rankings.0 {
            Some(_) => 2 * n + job.after.borrow().done(),
            None => job.before.borrow().done(),
        };
        w.busy = Some(Busy::ComparingSteps(done, 4 * n));
        return;
    };
    let (Some(before), Some(after)) = std::mem::take(&mut *rankings) else {
        return;
    };
    let (baseline, variant) = (Engine::new(&job.baseline), Engine::new(&job.variant));
    let comparison = compare_ranked(officials, &baseline, &variant, before, after);
    drop(rankings);
    w.comparing = None;
    compared(w, Some(comparison), job.key.clone(), &in_force);
}

/// Applies one workshop action to the app state.
pub fn reduce(s: &mut State, action: WorkshopAction) {
    if let WorkshopAction::Restore(kept) = action {
        return restore(s, kept);
    }
    let rules = s.rules.clone();
    let w = Rc::make_mut(&mut s.workshop);
    match action {
        WorkshopAction::Restore(_) => {}
        WorkshopAction::NotKept => w.not_kept = true,
        WorkshopAction::Busy(busy) => w.busy = Some(busy),
        WorkshopAction::Idle => w.busy = None,
        WorkshopAction::LoadDemo { seed, size } if size <= SMALL => {
            let officials = demo::cohort(seed, size, DEMO_YEAR).officials;
            w.set_cohort(Source::Demo { seed }, officials, &rules);
        }
        WorkshopAction::LoadDemo { seed, size } => {
            w.generating = Some(Rc::new(Generation::new(seed, size)));
            w.busy = Some(Busy::Generating(0, size));
        }
        WorkshopAction::GenerateMore => {
            let Some(g) = w.generating.clone() else {
                return;
            };
            let done = g.step(CHUNK);
            if done < g.total {
                w.busy = Some(Busy::Generating(done, g.total));
            } else {
                w.generating = None;
                w.set_cohort(Source::Demo { seed: g.seed }, g.take(), &rules);
            }
        }
        WorkshopAction::Import { file, text } => reduce(
            s,
            WorkshopAction::ImportRead {
                file,
                text,
                read_as: ReadAs::Pasted,
            },
        ),
        WorkshopAction::ImportRead { file, text, read_as } if text.len() >= SLICED => {
            let importing = Importing::new(file, text, read_as);
            w.busy = Some(Busy::Importing(0, importing.progress().1));
            w.importing = Some(Rc::new(importing));
        }
        WorkshopAction::ImportMore => {
            let Some(importing) = w.importing.clone() else {
                return;
            };
            match importing.step(&rules, SLICE_MS) {
                None => {
                    let (done, total) = importing.progress();
                    w.busy = Some(Busy::Importing(done, total));
                }
                Some(Ok((officials, mark))) => {
                    w.importing = None;
                    w.set_cohort(Source::File(importing.file.clone()), officials, &rules);
                    w.read_as = Some(Rc::new(importing.read_as.clone()));
                    w.file_rules = mark.map(Rc::new);
                }
                Some(Err(e)) => {
                    w.importing = None;
                    w.busy = None;
                    w.import_error = Some(Rc::new((importing.file.clone(), e)));
                }
            }
        }
        WorkshopAction::ImportRead { file, text, read_as } => match cohort_io::read(&file, &text, &rules) {
            Ok((officials, mark)) => {
                w.set_cohort(Source::File(file), officials, &rules);
                w.read_as = Some(Rc::new(read_as));
                w.file_rules = mark.map(Rc::new);
            }
            Err(e) => {
                w.busy = None;
                w.import_error = Some(Rc::new((file, e)));
            }
        },
        WorkshopAction::ImportRefused { file, en, zh } => {
            w.import_error = Some(Rc::new((file, ImportError::Refused { en, zh })));
        }
        WorkshopAction::ImportFailed { file, zh, en } => {
            w.busy = None;
            w.import_error = Some(Rc::new((file, ImportError::Lines { zh, en })));
        }
        WorkshopAction::DismissImport => w.import_error = None,
        WorkshopAction::Rank if w.size() <= SMALL => w.rank(&rules),
        WorkshopAction::Rank => {
            let Some(cohort) = w.cohort.clone() else {
                return;
            };
            let n = cohort.officials.len();
            w.scoring = Some(Rc::new(Scoring {
                key: (cohort.id, w.rules_rev),
                job: RefCell::default(),
                ms: Cell::new(0.0),
            }));
            w.busy = Some(Busy::Scoring(0, 2 * n));
        }
        WorkshopAction::ScoreMore => score_more(w, &rules),
        WorkshopAction::CompareMore => compare_more(s),
        WorkshopAction::Compare => compute_comparison(s),
        WorkshopAction::SetSub(sub) => w.sub = sub,
        WorkshopAction::SetFilter(filter) => {
            w.filter = filter;
            w.page = 0;
        }
        WorkshopAction::SortBy(key) => {
            w.sort = w.sort.by(key);
            w.page = 0;
        }
        WorkshopAction::SetPage(page) => w.page = page,
        WorkshopAction::SetBaseline(r) => w.baseline = Some(r),
        WorkshopAction::SetVariant(r) => w.variant = Some(r),
        WorkshopAction::Focus(i) => {
            if i < w.size() {
                w.focus = i;
                w.slide = 0;
                w.reset_years(&rules);
            }
        }
        WorkshopAction::Open(i) => {
            let Some(d) = w.cohort.as_ref().and_then(|c| c.officials.get(i)).cloned() else {
                return;
            };
            let label = d.display_name().to_string();
            s.open_preview(&label, d);
            s.view = View::SelfAssessment;
        }
        WorkshopAction::SetYear(k, tier) => {
            if let Some(y) = Rc::make_mut(&mut w.years).get_mut(k) {
                *y = tier;
            }
        }
        WorkshopAction::AddYear => {
            let last = w.years.last().copied().unwrap_or(Tier::FairlyGood);
            Rc::make_mut(&mut w.years).push(last);
        }
        WorkshopAction::RemoveYear => {
            if w.years.len() > w.this_year + 1 {
                Rc::make_mut(&mut w.years).pop();
            }
        }
        WorkshopAction::ResetYears => w.reset_years(&rules),
        WorkshopAction::Present(mode) => {
            if mode == Presenting::Quiz && w.quiz.order.is_empty() {
                if let Some(ranking) = &w.ranking {
                    w.quiz.order = Rc::new(quiz_order(ranking, w.cohort.as_ref().map_or(0, |c| c.id)));
                }
            }
            w.presenting = Some(mode);
            w.slide = 0;
        }
        WorkshopAction::Leave => w.presenting = None,
        WorkshopAction::Slide(k) => w.slide = k,
        WorkshopAction::Guess(tier) => {
            if !w.quiz.revealed {
                w.quiz.guess = Some(tier);
            }
        }
        WorkshopAction::Reveal => {
            // The dossier's own tier under the rules in force (a quota is a cohort's matter).
            let answer = w.quiz.official().and_then(|i| {
                let d = w.cohort.as_ref()?.officials.get(i)?;
                Some(Engine::new(&rules).score(d).tier)
            });
            if !w.quiz.revealed {
                w.quiz.revealed = true;
                w.quiz.asked += 1;
                if answer.is_some() && w.quiz.guess == answer {
                    w.quiz.right += 1;
                }
            }
        }
        WorkshopAction::NextQuestion => {
            w.quiz.at += 1;
            w.quiz.guess = None;
            w.quiz.revealed = false;
        }
        WorkshopAction::Projector(on) => w.projector = Some(on),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::state::Action;
    use crate::app::storage::Restored;
    use crate::engine::Lang;
    use yew::Reducible;

    fn start() -> Rc<State> {
        let rules = Rc::new(RuleSet::default());
        Rc::new(State::start(rules, Restored::Nothing, Lang::Zh, None))
    }

    fn ws(s: Rc<State>, action: WorkshopAction) -> Rc<State> {
        s.reduce(Action::Workshop(action))
    }

    #[test]
    fn the_demo_cohort_is_ranked_at_once_and_an_official_opens_in_the_simulator() {
        let s = ws(start(), WorkshopAction::LoadDemo { seed: 2023, size: 98 });
        let ranking = s.workshop.ranking.clone().unwrap();
        assert_eq!(ranking.officials.len(), 98);
        assert!(ranking.honoured >= 10);
        let top = ranking.officials[0].clone();
        let library = s.library.clone();
        let s = ws(s, WorkshopAction::Open(top.index));
        assert_eq!(s.view, View::SelfAssessment);
        assert_eq!(s.preview.as_deref(), Some(top.name.as_str()));
        assert_eq!(s.result.total, top.total);
        assert_eq!(
            s.library, library,
            "looking at an official adds nothing to one's dossiers"
        );
        let edited = s
            .clone()
            .reduce(Action::Edit(crate::app::edit::Edit::Quarter(0, 0, "60".into())));
        assert_eq!(edited.library, library, "nor does exploring it");
        let saved = s.clone().reduce(Action::SavePreview);
        assert_eq!(saved.library.open().label, top.name);
        assert_eq!(saved.library.slots.len(), library.slots.len() + 1);
        assert!(saved.preview.is_none());
        let back = s.reduce(Action::EndPreview);
        assert!(back.preview.is_none());
        assert_eq!(back.result.total, 95.28);
    }

    #[test]
    fn a_large_demo_cohort_is_generated_piece_by_piece_and_is_the_same_cohort() {
        let size = SMALL + CHUNK + 7;
        let mut s = ws(start(), WorkshopAction::LoadDemo { seed: 5, size });
        assert_eq!(s.workshop.busy, Some(Busy::Generating(0, size)));
        let mut steps = 0;
        while s.workshop.generating.is_some() {
            s = ws(s, WorkshopAction::GenerateMore);
            steps += 1;
        }
        assert_eq!(steps, size.div_ceil(CHUNK));
        let cohort = s.workshop.cohort.clone().unwrap();
        assert_eq!(cohort.officials, demo::cohort(5, size, DEMO_YEAR).officials);
        assert!(
            s.workshop.needs_ranking(),
            "a large cohort is ranked after a painted frame"
        );
        let mut s = ws(s, WorkshopAction::Rank);
        while s.workshop.scoring.is_some() {
            s = ws(s, WorkshopAction::ScoreMore);
        }
        assert!(!s.workshop.needs_ranking() && s.workshop.rank_ms.is_some());
    }

    #[test]
    fn a_large_file_is_read_and_scored_in_slices_with_the_result_of_reading_it_whole() {
        let officials = demo::cohort(8, SMALL + 300, DEMO_YEAR).officials;
        let json = cohort_io::to_json(&officials, &crate::engine::RulesMark::of(&RuleSet::default()));
        let csv_text = crate::engine::csv::write(&officials);
        assert!(json.len() >= SLICED && csv_text.len() >= SLICED);
        for (file, text) in [("big.json", json.clone()), ("big.csv", csv_text.clone())] {
            let read_as = ReadAs::Pasted;
            let mut s = ws(
                start(),
                WorkshopAction::ImportRead {
                    file: file.into(),
                    text,
                    read_as,
                },
            );
            assert!(
                matches!(s.workshop.busy, Some(Busy::Importing(0, _))),
                "{file}: a progress bar at once"
            );
            while s.workshop.importing.is_some() {
                s = ws(s, WorkshopAction::ImportMore);
            }
            let cohort = s.workshop.cohort.clone().expect(file);
            assert_eq!(cohort.officials, officials, "{file}");
            assert_eq!(s.workshop.read_as.as_deref(), Some(&ReadAs::Pasted));
            assert!(s.workshop.needs_ranking());
            s = ws(s, WorkshopAction::Rank);
            assert_eq!(s.workshop.busy, Some(Busy::Scoring(0, 2 * officials.len())));
            while s.workshop.scoring.is_some() {
                s = ws(s, WorkshopAction::ScoreMore);
            }
            assert!(!s.workshop.needs_ranking() && s.workshop.busy.is_none());
            let expected = Engine::new(&RuleSet::default()).rank(&officials);
            assert_eq!(s.workshop.ranking.as_deref(), Some(&expected), "{file}");
        }
        // A bad cell near the end: the errors of reading it whole, nothing imported.
        let bad = csv_text.replacen(",A,", ",Q,", 1);
        let whole = cohort_io::read("bad.csv", &bad, &RuleSet::default()).unwrap_err();
        let read_as = ReadAs::Pasted;
        let mut s = ws(start(), WorkshopAction::LoadDemo { seed: 1, size: 98 });
        s = ws(
            s,
            WorkshopAction::ImportRead {
                file: "bad.csv".into(),
                text: bad,
                read_as,
            },
        );
        while s.workshop.importing.is_some() {
            s = ws(s, WorkshopAction::ImportMore);
        }
        assert_eq!(
            s.workshop.import_error.as_deref(),
            Some(&("bad.csv".to_string(), whole))
        );
        assert_eq!(s.workshop.size(), 98, "the cohort before is kept");
        assert!(s.workshop.busy.is_none());
    }

    #[test]
    fn a_large_comparison_is_made_in_slices_and_is_the_comparison() {
        let size = SMALL + 300;
        let mut s = ws(start(), WorkshopAction::LoadDemo { seed: 3, size });
        while s.workshop.generating.is_some() {
            s = ws(s, WorkshopAction::GenerateMore);
        }
        let mut changed = RuleSet::default();
        changed.tiers.thresholds[0].min = 88.0;
        let mut with_rules = (*s).clone();
        with_rules.rules = Rc::new(changed.clone());
        let mut s = ws(Rc::new(with_rules), WorkshopAction::Compare);
        assert_eq!(s.workshop.busy, Some(Busy::ComparingSteps(0, 4 * size)));
        let mut steps = 0;
        while s.workshop.comparing.is_some() {
            s = ws(s, WorkshopAction::CompareMore);
            steps += 1;
            assert!(steps < 100_000);
        }
        let officials = &s.workshop.cohort.as_ref().unwrap().officials;
        let expected = compare(
            officials,
            &Engine::new(&RuleSet::default()),
            &Engine::new(&changed),
        );
        assert!(!expected.movers.is_empty(), "the line moved: some officials move");
        assert_eq!(s.workshop.comparison.as_deref(), Some(&expected));
        assert!(s.workshop.busy.is_none() && s.workshop.compared_for.is_some());
        // A choice changed meanwhile drops the work; the view asks again.
        let mut s = ws(s, WorkshopAction::SetVariant(RulesRef::Default));
        s = ws(s, WorkshopAction::Compare);
        assert!(s.workshop.comparing.is_some());
        s = ws(s, WorkshopAction::SetVariant(RulesRef::Current));
        s = ws(s, WorkshopAction::CompareMore);
        assert!(s.workshop.comparing.is_none() && s.workshop.busy.is_none());
    }

    #[test]
    fn the_quiz_counts_right_guesses_and_years_can_be_edited() {
        let s = ws(start(), WorkshopAction::LoadDemo { seed: 2023, size: 98 });
        let s = ws(s, WorkshopAction::Present(Presenting::Quiz));
        let i = s.workshop.quiz.official().unwrap();
        let d = s.workshop.cohort.as_ref().unwrap().officials[i].clone();
        let tier = Engine::new(&s.rules).score(&d).tier;
        let s = ws(s, WorkshopAction::Guess(tier));
        let s = ws(s, WorkshopAction::Reveal);
        assert_eq!((s.workshop.quiz.right, s.workshop.quiz.asked), (1, 1));
        let s = ws(s, WorkshopAction::NextQuestion);
        assert!(!s.workshop.quiz.revealed && s.workshop.quiz.official() != Some(i));
        let k = s.workshop.this_year + 1;
        let s = ws(s, WorkshopAction::SetYear(k, Tier::Poor));
        assert_eq!(s.workshop.years[k], Tier::Poor);
        let s = ws(s, WorkshopAction::ResetYears);
        assert_eq!(s.workshop.years[k], s.workshop.years[k - 1]);
    }

    #[test]
    fn claims_of_items_the_rules_in_force_lack_are_counted_for_the_ranking_view() {
        let s = ws(start(), WorkshopAction::LoadDemo { seed: 2023, size: 98 });
        assert!(s.workshop.lacking.is_empty());
        let officials = s.workshop.cohort.as_ref().unwrap().officials.clone();
        let claimed = officials
            .iter()
            .flat_map(|d| &d.positive)
            .next()
            .unwrap()
            .item
            .clone();
        let mut rules = serde_json::to_value(RuleSet::default()).unwrap();
        let items = rules["positive"]["items"].as_array_mut().unwrap();
        items.retain(|i| i["id"] != claimed.as_str());
        let s = s.reduce(Action::Rules(crate::app::workshop::rules::RulesAction::Import {
            file: "fewer.json".into(),
            text: rules.to_string(),
        }));
        assert!(!s.workshop.needs_ranking());
        let lacking = s.workshop.lacking.clone();
        assert_eq!(
            *lacking,
            crate::engine::compare::items_not_in_rules(&officials, &s.rules)
        );
        let named = officials
            .iter()
            .filter(|d| d.positive.iter().any(|c| c.item == claimed))
            .count();
        assert_eq!(
            lacking
                .iter()
                .map(|u| (u.item.as_str(), u.officials))
                .collect::<Vec<_>>(),
            [(claimed.as_str(), named)]
        );
    }

    #[test]
    fn the_kept_cohort_comes_back_once_and_only_into_an_empty_workshop() {
        let s = ws(start(), WorkshopAction::Restore(Kept::Demo { seed: 5, size: 98 }));
        let cohort = s.workshop.cohort.clone().unwrap();
        assert_eq!(cohort.source, Source::Demo { seed: 5 });
        assert_eq!(cohort.officials, demo::cohort(5, 98, DEMO_YEAR).officials);
        assert!(s.workshop.ranking.is_some());
        let again = ws(
            s.clone(),
            WorkshopAction::Restore(Kept::Demo { seed: 6, size: 10 }),
        );
        assert_eq!(again.workshop.cohort.as_ref().unwrap().id, cohort.id);

        let loaded = ws(start(), WorkshopAction::LoadDemo { seed: 1, size: 20 });
        let s = ws(loaded, WorkshopAction::Restore(Kept::Demo { seed: 5, size: 98 }));
        assert_eq!(s.workshop.cohort.as_ref().unwrap().officials.len(), 20);

        let officials = demo::cohort(9, 3, DEMO_YEAR).officials;
        let file = || "名册.csv".to_string();
        let kept = Kept::File {
            file: file(),
            officials: officials.clone(),
        };
        let s = ws(start(), WorkshopAction::Restore(kept));
        let cohort = s.workshop.cohort.clone().unwrap();
        assert_eq!(
            (cohort.source.clone(), cohort.officials.clone()),
            (Source::File(file()), officials)
        );
        assert_eq!(
            s.workshop.kept_id, cohort.id,
            "a restored cohort is not written back"
        );
    }

    #[test]
    fn a_kept_cohort_that_cannot_be_used_says_why_and_loads_nothing() {
        let s = ws(
            start(),
            WorkshopAction::Restore(Kept::Unreadable {
                zh: "坏".into(),
                en: "bad".into(),
            }),
        );
        assert!(s.workshop.cohort.is_none() && s.workshop.generating.is_none());
        let (_, error) = &*s.workshop.import_error.clone().expect("an error is shown");
        assert!(error.lines(Lang::En)[0].contains("(bad)"), "{error:?}");
        let s = ws(start(), WorkshopAction::Restore(Kept::Nothing));
        assert!(s.workshop.cohort.is_none() && s.workshop.import_error.is_none() && s.workshop.restore_tried);
    }

    #[test]
    fn the_projector_switch_is_off_unless_stored_as_on() {
        use super::super::state::projector_from;
        assert!(projector_from(Some("1")) && projector_from(Some(" 1\n")));
        for stored in [None, Some("0"), Some(""), Some("true"), Some("{oops"), Some("11")] {
            assert!(!projector_from(stored), "{stored:?}");
        }
        let s = start();
        assert_eq!(s.workshop.projector, None, "not read yet");
        let s = ws(s, WorkshopAction::Projector(true));
        assert_eq!(s.workshop.projector, Some(true));
        let s = ws(s, WorkshopAction::Projector(false));
        assert_eq!(s.workshop.projector, Some(false));
    }

    #[test]
    fn a_cohort_exported_under_other_rules_keeps_their_mark_for_the_note() {
        use crate::app::notice::other_rules;
        use crate::app::workshop::cohort_io;
        use crate::engine::RulesMark;
        let s = start();
        let officials = demo::cohort(5, 6, DEMO_YEAR).officials;
        let ours = RulesMark::of(&s.rules);
        let theirs = RulesMark {
            name: "另一套规则".into(),
            version: "2.0".into(),
            hash: "sha256:0123456789abcdef".into(),
        };
        let import = |s: Rc<State>, mark: &RulesMark| {
            ws(
                s,
                WorkshopAction::Import {
                    file: "cohort.json".into(),
                    text: cohort_io::to_json(&officials, mark),
                },
            )
        };
        let s = import(s, &theirs);
        let w = &s.workshop;
        assert!(w.import_error.is_none());
        assert_eq!(w.cohort.as_ref().unwrap().officials, officials);
        assert_eq!(w.file_rules.as_deref(), Some(&theirs));
        assert_eq!(other_rules(w.file_rules.as_deref(), &s.rules_hash), Some(&theirs));
        let s = import(s, &ours);
        assert_eq!(other_rules(s.workshop.file_rules.as_deref(), &s.rules_hash), None);
        // A demo or a CSV file carries no mark.
        let s = import(s, &theirs);
        let s = ws(s, WorkshopAction::LoadDemo { seed: 2023, size: 98 });
        assert_eq!(s.workshop.file_rules, None);
    }

    #[test]
    fn a_cohort_file_with_a_bad_cell_changes_nothing() {
        let s = ws(start(), WorkshopAction::LoadDemo { seed: 2023, size: 98 });
        let before = s.workshop.cohort.as_ref().unwrap().id;
        let s = ws(
            s,
            WorkshopAction::Import {
                file: "bad.json".into(),
                text: r#"{"officials": [{"pledges": [{"area": "key_work", "quarters": [104, null, null, null]}]}]}"#.into(),
            },
        );
        assert_eq!(s.workshop.cohort.as_ref().unwrap().id, before);
        let (file, error) = &*s.workshop.import_error.clone().unwrap();
        assert_eq!(file, "bad.json");
        let lines = error.lines(Lang::En);
        assert!(
            lines
                .iter()
                .any(|l| l == "official 1 · pledge 1 Q1: 104 is out of range 0–100"),
            "{lines:?}"
        );
    }
}
