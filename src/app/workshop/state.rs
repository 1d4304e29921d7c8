//! The workshop's part of the app state and every workshop intent. Heavy work (generating or
//! ranking 100,000 officials, comparing two rule sets over them) runs as its own action after
//! a "working…" message has been painted; a small cohort is ranked at once.

use std::rc::Rc;

use super::cohort_io::{self, ImportError};
use super::table::{Filter, Sort, SortKey};
use super::timing::now;
use crate::app::state::{State, View};
use crate::engine::compare::{compare, Comparison};
use crate::engine::demo;
use crate::engine::workshop::quiz_order;
use crate::engine::{Dossier, Engine, Ranking, RuleSet, Tier};

/// Cohorts up to this size are ranked and compared at once, without a "working…" frame.
pub const SMALL: usize = 5000;
/// The year of the demo cohort.
pub const DEMO_YEAR: i32 = 2023;

/// Where a cohort came from.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// The seeded fictional cohort.
    Demo {
        seed: u64,
    },
    File(String),
}

/// The cohort in the workshop; compared by `id`, never by content.
#[derive(Debug)]
pub struct LoadedCohort {
    pub id: u64,
    pub source: Source,
    pub officials: Vec<Dossier>,
}

impl LoadedCohort {
    pub fn fictional(&self) -> bool {
        matches!(self.source, Source::Demo { .. })
    }
}

/// The workshop's sub-views (排名 · 方案对比 · 多年 · 演示).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sub {
    #[default]
    Ranking,
    Compare,
    Years,
    Presenter,
}

/// Work waiting for its frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Busy {
    Generating(usize),
    Ranking,
    Comparing,
}

/// A rule set to compare: the default, the one in force, or a saved variant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RulesRef {
    Default,
    Current,
    Saved(String),
}

/// The full-screen presenter: stepping through one evaluation, or the tier quiz.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presenting {
    Steps,
    Quiz,
}

/// The "predict the tier" quiz.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Quiz {
    pub order: Rc<Vec<usize>>,
    pub at: usize,
    pub guess: Option<Tier>,
    pub revealed: bool,
    pub right: usize,
    pub asked: usize,
}

impl Quiz {
    /// The cohort index of the official in question.
    pub fn official(&self) -> Option<usize> {
        self.order.get(self.at % self.order.len().max(1)).copied()
    }
}

/// Everything the workshop shows.
#[derive(Debug, Clone, Default)]
pub struct Workshop {
    pub cohort: Option<Rc<LoadedCohort>>,
    pub ranking: Option<Rc<Ranking>>,
    /// The (cohort id, rules revision) the ranking was made for.
    pub ranked_for: (u64, u64),
    /// Bumped whenever the rule set in force changes.
    pub rules_rev: u64,
    /// How long the last ranking took, in milliseconds.
    pub rank_ms: Option<f64>,
    pub busy: Option<Busy>,
    pub import_error: Option<Rc<(String, ImportError)>>,
    pub sub: Sub,
    pub filter: Filter,
    pub sort: Sort,
    pub page: usize,
    pub baseline: Option<RulesRef>,
    pub variant: Option<RulesRef>,
    pub comparison: Option<Rc<Comparison>>,
    pub compared_for: Option<CompareKey>,
    /// The cohort index of the official in focus (traces, years, presenter).
    pub focus: usize,
    /// The years' tiers of the focused official, oldest first, and the first year.
    pub years: Rc<Vec<Tier>>,
    pub first_year: i32,
    /// Which year of `years` is the assessed one.
    pub this_year: usize,
    pub presenting: Option<Presenting>,
    pub slide: usize,
    pub quiz: Quiz,
}

/// What a comparison was computed for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareKey {
    pub cohort: u64,
    pub rules_rev: u64,
    pub variants_rev: u64,
    pub baseline: RulesRef,
    pub variant: RulesRef,
}

/// Every workshop intent.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkshopAction {
    Busy(Busy),
    LoadDemo {
        seed: u64,
        size: usize,
    },
    Import {
        file: String,
        text: String,
    },
    ImportRefused {
        file: String,
        en: String,
        zh: String,
    },
    DismissImport,
    /// Rank (again), timing it.
    Rank,
    Compare,
    SetSub(Sub),
    SetFilter(Filter),
    SortBy(SortKey),
    SetPage(usize),
    SetBaseline(RulesRef),
    SetVariant(RulesRef),
    Focus(usize),
    /// Open an official in the self-assessment simulator as a new named dossier.
    Open(usize),
    SetYear(usize, Tier),
    AddYear,
    RemoveYear,
    ResetYears,
    Present(Presenting),
    Leave,
    Slide(usize),
    Guess(Tier),
    Reveal,
    NextQuestion,
}

impl Workshop {
    /// The key the comparison on screen should have.
    pub fn compare_key(&self, variants_rev: u64) -> Option<CompareKey> {
        Some(CompareKey {
            cohort: self.cohort.as_ref()?.id,
            rules_rev: self.rules_rev,
            variants_rev,
            baseline: self.baseline.clone().unwrap_or(RulesRef::Default),
            variant: self.variant.clone().unwrap_or(RulesRef::Current),
        })
    }

    /// True when the ranking on screen is not the one for the cohort and rules in force.
    pub fn needs_ranking(&self) -> bool {
        self.cohort
            .as_ref()
            .is_some_and(|c| self.ranked_for != (c.id, self.rules_rev))
    }

    fn size(&self) -> usize {
        self.cohort.as_ref().map_or(0, |c| c.officials.len())
    }

    /// Ranks the cohort under `rules`, timing it.
    fn rank(&mut self, rules: &RuleSet) {
        let Some(cohort) = self.cohort.clone() else {
            return;
        };
        let start = now();
        let ranking = Engine::new(rules).rank(&cohort.officials);
        self.rank_ms = Some(now() - start);
        self.ranking = Some(Rc::new(ranking));
        self.ranked_for = (cohort.id, self.rules_rev);
        self.busy = None;
    }

    /// After the rule set in force changed: a small cohort is ranked again at once.
    pub fn rules_changed(&mut self, rules: &RuleSet) {
        self.rules_rev += 1;
        if self.size() <= SMALL {
            self.rank(rules);
        }
    }

    fn set_cohort(&mut self, source: Source, officials: Vec<Dossier>, rules: &RuleSet) {
        let id = self.cohort.as_ref().map_or(1, |c| c.id + 1);
        self.cohort = Some(Rc::new(LoadedCohort {
            id,
            source,
            officials,
        }));
        self.ranking = None;
        self.comparison = None;
        self.compared_for = None;
        self.page = 0;
        self.filter = Filter::default();
        self.quiz = Quiz::default();
        self.import_error = None;
        self.busy = None;
        self.focus = 0;
        if self.size() <= SMALL {
            self.rank(rules);
        }
        self.focus = self
            .ranking
            .as_ref()
            .and_then(|r| r.officials.first())
            .map_or(0, |o| o.index);
        self.reset_years(rules);
    }

    /// The years of the focused official: the dossier's history, this year's tier, and two
    /// more years at the same tier (to edit).
    fn reset_years(&mut self, rules: &RuleSet) {
        let Some(d) = self.cohort.as_ref().and_then(|c| c.officials.get(self.focus)) else {
            return;
        };
        let tier = self
            .ranking
            .as_ref()
            .and_then(|r| r.officials.iter().find(|o| o.index == self.focus))
            .map_or_else(|| Engine::new(rules).score(d).tier, |o| o.tier);
        let mut years = d.history.clone();
        self.this_year = years.len();
        self.first_year = d.year.unwrap_or(DEMO_YEAR) - years.len() as i32;
        years.extend([tier, tier, tier]);
        self.years = Rc::new(years);
    }
}

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
    let w = Rc::make_mut(&mut s.workshop);
    w.busy = None;
    w.comparison =
        rules.map(|(b, v)| Rc::new(compare(&cohort.officials, &Engine::new(&b), &Engine::new(&v))));
    w.compared_for = Some(key);
}

/// Applies one workshop action to the app state.
pub fn reduce(s: &mut State, action: WorkshopAction) {
    let rules = s.rules.clone();
    let w = Rc::make_mut(&mut s.workshop);
    match action {
        WorkshopAction::Busy(busy) => w.busy = Some(busy),
        WorkshopAction::LoadDemo { seed, size } => {
            let officials = demo::cohort(seed, size, DEMO_YEAR).officials;
            w.set_cohort(Source::Demo { seed }, officials, &rules);
        }
        WorkshopAction::Import { file, text } => match cohort_io::read(&file, &text, &rules) {
            Ok(officials) => w.set_cohort(Source::File(file), officials, &rules),
            Err(e) => w.import_error = Some(Rc::new((file, e))),
        },
        WorkshopAction::ImportRefused { file, en, zh } => {
            w.import_error = Some(Rc::new((file, ImportError::Refused { en, zh })));
        }
        WorkshopAction::DismissImport => w.import_error = None,
        WorkshopAction::Rank => w.rank(&rules),
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
            s.open_new(&label, d);
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
            let answer = w.quiz.official().and_then(|i| {
                let ranking = w.ranking.as_ref()?;
                ranking.officials.iter().find(|o| o.index == i).map(|o| o.tier)
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
    }
}
