//! The workshop's part of the app state and every workshop intent. Heavy work (generating,
//! reading or scoring 100,000 officials a slice per task, comparing two rule sets over them)
//! runs as its own actions after a "working…" message has been painted; a small cohort is
//! read and ranked at once.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::cohort_io::{self, ImportError};
use super::kept::Kept;
use super::table::{Filter, Sort, SortKey};
use crate::app::timing::now;
use crate::engine::compare::{items_not_in_rules, Comparison, ItemUse};
use crate::engine::demo::{officials, Officials};
use crate::engine::{Dossier, Engine, Ranking, RankingBuild, RuleSet, RulesMark, Score, Tier};

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

/// How an imported cohort's file was read, for the notice.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadAs {
    /// Text in this encoding (CSV or JSON).
    Text(crate::engine::encoding::Encoding),
    /// The named sheet of an .xlsx workbook.
    Workbook { sheet: String },
    /// Text pasted into the page.
    Pasted,
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
    /// So many of so many officials generated.
    Generating(usize, usize),
    Ranking,
    Comparing,
    /// A workbook being read (its module may be loading first).
    Reading,
    /// A workbook being written.
    Writing,
    /// A cohort file being loaded into the page: so many bytes of so many.
    Loading(usize, usize),
    /// A cohort file being read: so many bytes of so many.
    Importing(usize, usize),
    /// A large cohort being scored and ranked: so many steps of so many (a score, then an
    /// entry of the ranking, for each official).
    Scoring(usize, usize),
    /// Two rule sets being compared over a large cohort: so many steps of so many (both
    /// rankings, made as for `Scoring`).
    ComparingSteps(usize, usize),
}

/// A large demo cohort being generated, a piece per frame.
#[derive(Debug)]
pub struct Generation {
    pub seed: u64,
    pub total: usize,
    stream: RefCell<Officials>,
    done: RefCell<Vec<Dossier>>,
}

impl Generation {
    pub fn new(seed: u64, total: usize) -> Generation {
        Generation {
            seed,
            total,
            stream: RefCell::new(officials(seed, total, DEMO_YEAR)),
            done: RefCell::new(Vec::with_capacity(total)),
        }
    }

    /// Generates up to `n` more officials; returns how many are done.
    pub fn step(&self, n: usize) -> usize {
        let mut done = self.done.borrow_mut();
        done.extend(self.stream.borrow_mut().by_ref().take(n));
        done.len()
    }

    /// The officials generated so far.
    pub fn take(&self) -> Vec<Dossier> {
        std::mem::take(&mut self.done.borrow_mut())
    }
}

/// A large cohort file read a slice per task (the page answers in between, and shows how far
/// the reading is): the same officials, or the same errors, as reading it whole.
pub struct Importing {
    pub file: String,
    pub read_as: ReadAs,
    reader: RefCell<cohort_io::Slices>,
}

impl std::fmt::Debug for Importing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Importing")
            .field("file", &self.file)
            .finish_non_exhaustive()
    }
}

impl Importing {
    pub fn new(file: String, text: String, read_as: ReadAs) -> Importing {
        Importing {
            reader: RefCell::new(cohort_io::Slices::new(&file, text)),
            file,
            read_as,
        }
    }

    /// Reads on for about `ms` milliseconds; once all is read, the officials and the file's
    /// mark of its rules, or why not.
    #[allow(clippy::type_complexity)]
    pub fn step(
        &self,
        rules: &RuleSet,
        ms: f64,
    ) -> Option<Result<(Vec<Dossier>, Option<RulesMark>), ImportError>> {
        let start = now();
        let mut reader = self.reader.borrow_mut();
        loop {
            if let Some(done) = reader.step(rules) {
                return Some(done);
            }
            if now() - start >= ms {
                return None;
            }
        }
    }

    /// Bytes read, and bytes in all.
    pub fn progress(&self) -> (usize, usize) {
        self.reader.borrow().progress()
    }
}

/// A ranking of a large cohort made a slice at a time: every official scored, then the
/// ranking's entries made ([`RankJob::step`]); the same ranking as `Engine::rank`.
#[derive(Default)]
pub struct RankJob {
    scores: Vec<Score>,
    build: Option<RankingBuild>,
}

impl RankJob {
    /// Works on until `until` (a `timing::now()`); the ranking once it is made.
    pub fn step(&mut self, officials: &[Dossier], rules: &RuleSet, until: f64) -> Option<Ranking> {
        let engine = Engine::new(rules);
        let n = officials.len();
        loop {
            if self.scores.len() < n {
                let from = self.scores.len();
                let to = (from + 256).min(n);
                self.scores
                    .extend(officials[from..to].iter().map(|d| engine.score(d)));
            } else if self.build.is_none() {
                self.build = Some(engine.ranking_of(&self.scores));
            } else if self
                .build
                .as_mut()
                .is_some_and(|b| b.step((officials, &self.scores), rules, 1000))
            {
                self.scores = Vec::new();
                return self.build.take().map(RankingBuild::finish);
            }
            if now() >= until {
                return None;
            }
        }
    }

    /// Steps done of `2 n`: a score, then an entry, for each official.
    pub fn done(&self) -> usize {
        self.scores.len() + self.build.as_ref().map_or(0, |b| b.progress().0)
    }
}

/// A large cohort's ranking being made, a slice per task.
pub struct Scoring {
    /// The (cohort id, rules revision) the ranking is for.
    pub key: (u64, u64),
    pub job: RefCell<RankJob>,
    /// Milliseconds spent so far.
    pub ms: Cell<f64>,
}

/// A comparison of two rule sets over a large cohort, a slice per task: the baseline's ranking,
/// then the variant's, then the comparison of the two.
pub struct Comparing {
    pub key: CompareKey,
    pub baseline: Rc<RuleSet>,
    pub variant: Rc<RuleSet>,
    pub before: RefCell<RankJob>,
    pub after: RefCell<RankJob>,
    pub rankings: RefCell<(Option<Ranking>, Option<Ranking>)>,
}

impl std::fmt::Debug for Scoring {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Scoring")
            .field("key", &self.key)
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for Comparing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Comparing")
            .field("key", &self.key)
            .finish_non_exhaustive()
    }
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
    /// List items the cohort claims that the rules in force lack (they count for nothing).
    pub lacking: Rc<Vec<ItemUse>>,
    pub busy: Option<Busy>,
    pub generating: Option<Rc<Generation>>,
    /// A large cohort file being read, a slice per task.
    pub importing: Option<Rc<Importing>>,
    /// A large cohort being ranked, a slice per task.
    pub scoring: Option<Rc<Scoring>>,
    /// Two rule sets being compared over a large cohort, a slice per task.
    pub comparing: Option<Rc<Comparing>>,
    pub import_error: Option<Rc<(String, ImportError)>>,
    /// How the cohort in the workshop was read, when it was imported.
    pub read_as: Option<Rc<ReadAs>>,
    /// The rules the imported file says it was written under (its mark), if it says so.
    pub file_rules: Option<Rc<RulesMark>>,
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
    /// Whether the cohort kept in the browser has been looked for (once per page load).
    pub restore_tried: bool,
    /// The id of the cohort that came from storage, which need not be written back.
    pub kept_id: u64,
    /// The browser refused to keep the cohort (too large): it will not come back after a reload.
    pub not_kept: bool,
    /// Projector mode (投影模式): the workshop's views in type read from the back of a room.
    /// `None` until the stored choice has been read (see [`projector_from`]).
    pub projector: Option<bool>,
}

/// Where the projector switch is remembered.
pub const PROJECTOR_KEY: &str = "dongliang.projector";

/// The projector switch as stored under [`PROJECTOR_KEY`]: on only for `1`; nothing, or
/// anything else (an older or damaged value), is off.
pub fn projector_from(stored: Option<&str>) -> bool {
    stored.map(str::trim) == Some("1")
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
    /// Generate the next piece of a large demo cohort.
    GenerateMore,
    /// Read the next slices of a large cohort file.
    ImportMore,
    /// Score the next slice of a large cohort.
    ScoreMore,
    /// Compare the next slice of a large cohort.
    CompareMore,
    /// Work under way (a workbook written) is over.
    Idle,
    Import {
        file: String,
        text: String,
    },
    /// A file's text and how it was read (its encoding, or the sheet of a workbook).
    ImportRead {
        file: String,
        text: String,
        read_as: ReadAs,
    },
    ImportRefused {
        file: String,
        en: String,
        zh: String,
    },
    /// A file refused for several reasons (a workbook's cells), one line each.
    ImportFailed {
        file: String,
        zh: Vec<String>,
        en: Vec<String>,
    },
    DismissImport,
    /// The cohort kept in the browser, looked for when the workshop first opens.
    Restore(Kept),
    /// The browser refused to keep the cohort.
    NotKept,
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
    /// Projector mode on or off (the page remembers it).
    Projector(bool),
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

    pub(super) fn size(&self) -> usize {
        self.cohort.as_ref().map_or(0, |c| c.officials.len())
    }

    /// Ranks the cohort under `rules`, timing it.
    pub(super) fn rank(&mut self, rules: &RuleSet) {
        let Some(cohort) = self.cohort.clone() else {
            return;
        };
        let start = now();
        let ranking = Engine::new(rules).rank(&cohort.officials);
        self.ranked(ranking, now() - start, rules);
    }

    /// The ranking of the cohort in the workshop, made in `ms` milliseconds.
    pub(super) fn ranked(&mut self, ranking: Ranking, ms: f64, rules: &RuleSet) {
        let Some(cohort) = self.cohort.clone() else {
            return;
        };
        self.rank_ms = Some(ms);
        self.ranking = Some(Rc::new(ranking));
        self.lacking = Rc::new(items_not_in_rules(&cohort.officials, rules));
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

    pub(super) fn set_cohort(&mut self, source: Source, officials: Vec<Dossier>, rules: &RuleSet) {
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
        self.read_as = None;
        self.file_rules = None;
        self.busy = None;
        self.not_kept = false;
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
    pub(super) fn reset_years(&mut self, rules: &RuleSet) {
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
