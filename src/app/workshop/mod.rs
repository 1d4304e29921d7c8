//! 研讨演示: the trainers' workshop mode, and the rule editor it relies on.
//!
//! | module | owns |
//! |---|---|
//! | [`state`], [`reduce`] | the workshop's state and its [`state::WorkshopAction`]s: cohort, ranking, comparison, years, presenter, quiz |
//! | [`rules`], [`rule_draft`], [`variants`] | the rule editor: the draft with inline errors, named variants in `localStorage` |
//! | [`cohort_io`] | cohorts in and out as JSON and CSV (errors by line and column; nothing half-imported) |
//! | [`kept`] | the cohort kept in `localStorage` across reloads |
//! | [`table`] | the ranking table's filters and sorting |
//! | [`components`] | one Yew component per file |

pub mod cohort_io;
pub mod components;
pub mod kept;
pub mod reduce;
pub mod rule_draft;
pub mod rules;
pub mod state;
pub mod table;
pub mod variants;
