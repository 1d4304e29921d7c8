//! The assessment engine: a pure implementation of `RULES.md` with no web dependencies.
//!
//! | spec | module |
//! |---|---|
//! | §1–§7 parameters | [`rules`] (data: `rules/default.json`), [`rules_check`] (validation) |
//! | §9–§10 dossier | [`dossier`] (model), [`fast`] (the fast path), `dossier_check` (decoding, every error with its path), [`mark`] (the rules a file was written under) |
//! | §2–§5, §7 arithmetic | [`evaluate`] ([`Engine::score`], [`Engine::compute`]) |
//! | §5–§6 result | [`assessment`] ([`Engine::evaluate`]), [`consequences`] |
//! | explanation | [`trace`] (opt-in tracer), `explain` (the steps), [`plain`] (the readable lines) |
//! | §8 what-if | [`whatif`] ([`Engine::what_if`]) |
//! | §5–§6 cohort | [`cohort`] ([`Engine::rank`]) |
//! | reports | [`report`] (readable Chinese or English text) |
//! | workshops | [`workshop`] (histogram, presenter slides, multi-year paths, quiz order) |
//!
//! ```
//! use dongliang::engine::{Dossier, Engine, RuleSet, Tier};
//!
//! let rules = RuleSet::default();
//! let json = r#"{"unit_score": 92,
//!   "pledges": [{"area": "key_work", "grade": "A", "quarters": [95, 95, null, null]}],
//!   "votes": {"district_leaders": {"good": 9, "fairly_good": 1}}}"#;
//! let dossier = Dossier::from_json(json, &rules).unwrap();
//! let result = Engine::new(&rules).evaluate(&dossier);
//! assert_eq!(result.tier, Tier::Good);
//! assert!(result.projected);
//! assert_eq!(result.assumed, ["pledges[0].quarters[2]", "pledges[0].quarters[3]"]);
//! ```

pub mod assessment;
pub mod cohort;
pub mod compare;
pub mod consequences;
pub mod csv;
pub mod demo;
pub mod dossier;
mod dossier_check;
pub mod encoding;
pub mod error;
pub mod evaluate;
mod explain;
pub mod fast;
pub mod ids;
mod json;
pub mod mark;
pub mod plain;
pub mod report;
pub mod rules;
pub mod rules_check;
pub mod rules_read;
pub mod text;
pub mod trace;
pub mod whatif;
pub mod workshop;
#[cfg(feature = "xlsx")]
pub mod xlsx;

pub use assessment::{Assessment, ListKind, Parts, Warning};
pub use cohort::{Ranked, Ranking, RankingBuild};
pub use dossier::{Cohort, Dossier, Pledge};
pub use error::{FieldError, FieldErrors, Problem};
pub use evaluate::{Engine, Score};
pub use ids::{Area, Consequence, Grade, RaterGroup, Tier, VoteCategory};
pub use mark::RulesMark;
pub use rules::RuleSet;
pub use text::Lang;
pub use trace::Step;
pub use whatif::{Change, WhatIf};

/// Evaluates a dossier under a rule set (a shortcut for [`Engine::evaluate`]).
pub fn evaluate(dossier: &Dossier, rules: &RuleSet) -> Assessment {
    Engine::new(rules).evaluate(dossier)
}
