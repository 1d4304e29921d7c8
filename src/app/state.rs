//! The app's one state and every user intent as an [`Action`] (the Yew `function_todomvc`
//! shape). After each edit the form is handed to the engine: a valid dossier is evaluated
//! (result, trace, what-if) and stored in the open slot; an invalid one only updates the field
//! errors, so the last valid result stays on screen.

use std::rc::Rc;

use yew::Reducible;

use super::draft::Drafts;
use super::edit::Edit;
use super::form::Form;
use super::library::{Library, EXAMPLES};
use super::notice::Notice;
use super::share;
use super::storage::Restored;
use super::transfer::Transfer;
#[cfg(feature = "workshop")]
use super::workshop::rules::{RuleEditor, RulesAction};
#[cfg(feature = "workshop")]
use super::workshop::state::{Workshop, WorkshopAction};
use crate::engine::whatif::{Change, WhatIf};
use crate::engine::{Assessment, Dossier, Engine, FieldErrors, Lang, RuleSet};

/// The undo stack keeps this many steps.
const UNDO_DEPTH: usize = 50;

/// The top-level views (UX: 自评模拟 · 研讨演示 · 规则 · 说明).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    SelfAssessment,
    Workshop,
    Rules,
    About,
}

impl View {
    /// The view a page name (`workshop`, `rules`, `about`) stands for; the views of the
    /// workshop's page only where this build holds them.
    pub fn from_name(name: &str) -> Option<View> {
        match name {
            "self-assessment" => Some(View::SelfAssessment),
            "about" => Some(View::About),
            #[cfg(feature = "workshop")]
            "workshop" => Some(View::Workshop),
            #[cfg(feature = "workshop")]
            "rules" => Some(View::Rules),
            _ => None,
        }
    }
}

/// The tabs under the result card (UX: 如何计算 · 假如…… · 图表).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Explain,
    WhatIf,
    Charts,
}

/// Every user intent.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    SetLang(Lang),
    Edit(Edit),
    /// Make what-if changes to the dossier for good (one undo step).
    Apply(Vec<Change>),
    Undo,
    /// Open a worked example as a new dossier.
    LoadExample(usize),
    /// 新建我的自评: a blank dossier.
    NewDossier,
    /// A file's text was read for import.
    Import {
        file: String,
        text: String,
    },
    SelectSlot(usize),
    RenameSlot(usize, String),
    DeleteSlot(usize),
    DuplicateSlot,
    Notify(Notice),
    Dismiss,
    SetView(View),
    SetTab(Tab),
    /// Open or close the result sheet on narrow screens.
    ToggleSheet,
    /// Show the export or paste panel, or close it (`None`).
    Transfer(Option<Transfer>),
    /// Keep the official being looked at (opened from the workshop's ranking) as a dossier of
    /// one's own.
    SavePreview,
    /// Stop looking at that official: back to one's own open dossier.
    EndPreview,
    /// Put a rule set in force from a notice (a share link's rules, or back to the default),
    /// unless a saved dossier would be invalid under it.
    AdoptRules(Rc<RuleSet>),
    /// The trainers' workshop (cohort, ranking, comparison, years, presenter).
    #[cfg(feature = "workshop")]
    Workshop(WorkshopAction),
    /// The rule editor and its named variants.
    #[cfg(feature = "workshop")]
    Rules(RulesAction),
}

/// Everything the app shows.
#[derive(Debug, Clone)]
pub struct State {
    /// Bumped by every action: the cheap equality Yew's context needs.
    revision: u64,
    pub rules: Rc<RuleSet>,
    /// The content hash of `rules` (shown by the rules view and the print report).
    pub rules_hash: Rc<str>,
    pub lang: Lang,
    pub form: Rc<Form>,
    /// The engine's verdict on the form as it stands; empty when valid.
    pub errors: Rc<FieldErrors>,
    /// The last valid dossier, and what the engine says about it.
    pub dossier: Rc<Dossier>,
    pub result: Rc<Assessment>,
    pub what_if: Rc<WhatIf>,
    pub undo: Rc<Vec<Rc<Form>>>,
    pub library: Rc<Library>,
    /// The forms of dossiers that hold an invalid entry, as typed (kept across reloads).
    pub drafts: Rc<Drafts>,
    /// The name of an official from the workshop's cohort shown in the simulator without
    /// being one of the user's dossiers: edits explore it, nothing is saved until
    /// [`Action::SavePreview`].
    pub preview: Option<Rc<str>>,
    /// The export or paste panel, while it is open.
    pub transfer: Option<Rc<Transfer>>,
    pub notice: Option<Rc<Notice>>,
    pub view: View,
    pub tab: Tab,
    pub sheet_open: bool,
    #[cfg(feature = "workshop")]
    pub workshop: Rc<Workshop>,
    #[cfg(feature = "workshop")]
    pub rule_edit: Rc<RuleEditor>,
}

impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision
    }
}

impl State {
    /// A state showing the open dossier of `library`.
    pub fn new(rules: Rc<RuleSet>, library: Library, lang: Lang) -> State {
        let dossier = (*library.open().dossier).clone();
        let mut state = State {
            revision: 0,
            form: Rc::new(Form::from_dossier(&dossier)),
            errors: Rc::default(),
            dossier: Rc::default(),
            result: Rc::new(Engine::new(&rules).evaluate(&dossier)),
            what_if: Rc::new(Engine::new(&rules).what_if(&dossier)),
            #[cfg(feature = "workshop")]
            rule_edit: Rc::new(RuleEditor::new(&rules)),
            #[cfg(feature = "workshop")]
            workshop: Rc::default(),
            rules_hash: rules.content_hash().into(),
            rules,
            lang,
            undo: Rc::default(),
            library: Rc::new(library),
            drafts: Rc::default(),
            preview: None,
            transfer: None,
            notice: None,
            view: View::SelfAssessment,
            tab: Tab::Explain,
            sheet_open: false,
        };
        state.set_dossier(dossier);
        state
    }

    /// The state at start: what storage held (or example 01), then a share link if one was opened.
    pub fn start(rules: Rc<RuleSet>, restored: Restored, lang: Lang, fragment: Option<&str>) -> State {
        let (library, notice) = match restored {
            Restored::Library(library) => (library, None),
            Restored::Nothing => (Library::with_example(&rules), None),
            Restored::Corrupt { text, why } => {
                (Library::with_example(&rules), Some(Notice::Corrupt { text, why }))
            }
        };
        let mut state = State::new(rules, library, lang);
        state.notice = notice.map(Rc::new);
        match fragment.and_then(|f| share::open(f, &state.rules)) {
            None => {}
            Some(Err(e)) => state.notice = Some(Rc::new(Notice::ShareFailed(e))),
            Some(Ok(shared)) => state.open_shared(shared),
        }
        state
    }

    /// Opens a shared dossier as a new one. A link made under other rules puts them in force
    /// when ours are the default (so the recipient sees the sender's total) and no saved
    /// dossier would be invalid under them; otherwise the notice offers them.
    fn open_shared(&mut self, shared: share::Shared) {
        let lang = self.lang;
        let label_of = |d: &Dossier| format!("{} · {}", lang.pick("分享", "shared"), d.display_name());
        let Some((theirs, hash)) = shared.rules.filter(|(_, hash)| **hash != *self.rules_hash) else {
            let label = label_of(&shared.dossier);
            self.open_new(&label, shared.dossier);
            self.notice = Some(Rc::new(Notice::Shared { label }));
            return;
        };
        let theirs = Rc::new(theirs);
        let name = lang.pick(&theirs.name, &theirs.name_en).to_string();
        let refused = self.saved_invalid_under(&theirs);
        let ours_default = *self.rules_hash == *super::rules_store::default_hash();
        let adopted = ours_default && refused.is_none();
        if adopted {
            self.put_in_force(theirs.clone());
        }
        let label = if adopted || shared.dossier.validate(&self.rules).is_ok() {
            let label = label_of(&shared.dossier);
            self.open_new(&label, shared.dossier);
            Some(self.library.open().label.clone())
        } else {
            None
        };
        self.notice = Some(Rc::new(Notice::SharedUnderRules {
            label,
            name,
            hash,
            rules: theirs,
            adopted,
            refused,
        }));
    }

    /// Puts `rules` in force everywhere (with the workshop and the rule editor following,
    /// where this page has them).
    fn put_in_force(&mut self, rules: Rc<RuleSet>) {
        #[cfg(feature = "workshop")]
        super::workshop::rules::replace(self, rules);
        #[cfg(not(feature = "workshop"))]
        self.set_rules(rules);
    }

    /// The first saved dossier that would be invalid under `rules`, by its name.
    fn saved_invalid_under(&self, rules: &RuleSet) -> Option<String> {
        self.library
            .slots
            .iter()
            .find(|slot| slot.dossier.validate(rules).is_err())
            .map(|slot| slot.label.clone())
    }

    /// Brings back what was typed into the dossiers of `drafts` (kept from an earlier visit);
    /// the open dossier's form shows its draft, with the draft's errors.
    pub fn restore_drafts(&mut self, drafts: Drafts) {
        let names: Vec<&str> = self.library.slots.iter().map(|s| s.label.as_str()).collect();
        let drafts: Drafts = drafts
            .into_iter()
            .filter(|(name, _)| names.contains(&name.as_str()))
            .collect();
        self.drafts = Rc::new(drafts);
        self.open_draft();
    }

    /// Shows the open dossier's draft, if it has one.
    fn open_draft(&mut self) {
        if let Some(form) = self.drafts.get(&self.library.open().label).cloned() {
            self.form = form;
            self.judge();
        }
    }

    /// Keeps the form as typed while it is invalid, and forgets it once it is valid again.
    fn keep_draft(&mut self) {
        if self.preview.is_some() {
            return;
        }
        let label = &self.library.open().label;
        if self.stale() {
            if self.drafts.get(label) != Some(&self.form) {
                let label = label.clone();
                Rc::make_mut(&mut self.drafts).insert(label, self.form.clone());
            }
        } else if self.drafts.contains_key(label) {
            let label = label.clone();
            Rc::make_mut(&mut self.drafts).remove(&label);
        }
    }

    /// The error of one field path, if the engine reported one there.
    pub fn error_at(&self, path: &str) -> Option<String> {
        let found = self.errors.iter().find(|e| e.path == path)?;
        Some(found.problem.message(self.lang))
    }

    /// Whether any field under `prefix` (e.g. `pledges`, `votes`) is invalid.
    pub fn invalid_under(&self, prefix: &str) -> bool {
        self.errors.iter().any(|e| e.path.starts_with(prefix))
    }

    /// True when the form as typed is invalid and the result shown is the last valid one.
    pub fn stale(&self) -> bool {
        !self.errors.is_empty()
    }

    /// The first invalid entry in words (the field, then what is wrong), while there is one.
    pub fn first_error(&self) -> Option<String> {
        let e = self.errors.iter().next()?;
        Some(super::i18n::error_line(e, self.lang))
    }

    /// Whether the dossier holds at least one score of its own — a quarter score, the unit's
    /// score or a vote. Until it does, a total would rest on assumptions alone, so the result
    /// card shows what to enter instead of a tier.
    pub fn has_own_scores(&self) -> bool {
        let d = &self.dossier;
        d.unit_score.is_some()
            || d.pledges.iter().any(|p| p.quarters.iter().any(Option::is_some))
            || crate::engine::RaterGroup::ALL
                .iter()
                .any(|g| d.votes.get(*g).is_some_and(|v| v.total() > 0))
    }

    fn set_dossier(&mut self, d: Dossier) {
        let engine = Engine::new(&self.rules);
        self.result = Rc::new(engine.evaluate_traced(&d));
        self.what_if = Rc::new(engine.what_if(&d));
        let d = Rc::new(d);
        if self.preview.is_none() {
            Rc::make_mut(&mut self.library).store(d.clone());
        }
        self.dossier = d;
    }

    /// Shows a dossier that is not the user's (an official of the workshop's cohort) without
    /// adding it to the user's dossiers.
    #[cfg_attr(not(feature = "workshop"), allow(dead_code))]
    pub(crate) fn open_preview(&mut self, name: &str, d: Dossier) {
        self.preview = Some(name.into());
        self.undo = Rc::default();
        self.show(d);
    }

    /// Puts a rule set in force: the form is judged and the open dossier evaluated under it.
    pub(crate) fn set_rules(&mut self, rules: Rc<RuleSet>) {
        self.rules_hash = rules.content_hash().into();
        self.rules = rules;
        match Dossier::from_value(&self.form.to_value(), &self.rules) {
            Ok(d) => {
                self.errors = Rc::default();
                self.set_dossier(d);
            }
            Err(errors) => self.errors = Rc::new(errors),
        }
    }

    /// Hands the form to the engine.
    fn judge(&mut self) {
        match Dossier::from_value(&self.form.to_value(), &self.rules) {
            Ok(d) => {
                self.errors = Rc::default();
                if d != *self.dossier {
                    self.set_dossier(d);
                }
            }
            Err(errors) => self.errors = Rc::new(errors),
        }
    }

    fn remember(&mut self) {
        let undo = Rc::make_mut(&mut self.undo);
        undo.push(self.form.clone());
        if undo.len() > UNDO_DEPTH {
            undo.remove(0);
        }
    }

    /// Shows a valid dossier in the form (its text replaces whatever was typed).
    fn show(&mut self, d: Dossier) {
        self.form = Rc::new(Form::from_dossier(&d));
        self.errors = Rc::default();
        self.set_dossier(d);
    }

    pub(crate) fn open_new(&mut self, label: &str, d: Dossier) {
        self.preview = None;
        Rc::make_mut(&mut self.library).add(label, d.clone());
        self.undo = Rc::default();
        self.show(d);
    }

    fn open_slot(&mut self, i: usize) {
        self.preview = None;
        let library = Rc::make_mut(&mut self.library);
        if i < library.slots.len() {
            library.current = i;
            let d = (*library.slots[i].dossier).clone();
            self.undo = Rc::default();
            self.show(d);
            self.open_draft();
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        s.revision += 1;
        match action {
            Action::SetLang(lang) => s.lang = lang,
            Action::Edit(edit) => {
                if edit.is_structural() {
                    s.remember();
                }
                edit.apply(Rc::make_mut(&mut s.form));
                s.judge();
            }
            Action::Apply(changes) => {
                s.remember();
                let mut d = (*s.dossier).clone();
                for change in &changes {
                    change.apply(&mut d);
                }
                s.show(d);
            }
            Action::Undo => {
                if let Some(form) = Rc::make_mut(&mut s.undo).pop() {
                    s.form = form;
                    s.judge();
                }
            }
            Action::LoadExample(i) => {
                if let Some(example) = EXAMPLES.get(i) {
                    let label = s.lang.pick(example.zh, example.en).to_string();
                    let d = example.dossier(&s.rules);
                    s.open_new(&label, d);
                }
            }
            Action::NewDossier => {
                let label = s.lang.pick("我的自评", "My self-assessment").to_string();
                let form = Form::blank();
                let d = Dossier::from_value(&form.to_value(), &s.rules).unwrap_or_default();
                s.open_new(&label, d);
            }
            Action::Import { file, text } => match Dossier::from_json(&text, &s.rules) {
                Ok(mut d) => {
                    // The mark says which rules the file was written under; the dossier kept
                    // is the user's, written under the rules in force when exported again.
                    let mark = d.rules.take();
                    let stem = file.trim_end_matches(".json");
                    let label = d.name.clone().unwrap_or_else(|| stem.to_string());
                    s.open_new(&label, d);
                    let label = s.library.open().label.clone();
                    s.notice = Some(Rc::new(Notice::Imported { label, mark }));
                }
                Err(errors) => s.notice = Some(Rc::new(Notice::ImportFailed { file, errors })),
            },
            Action::SelectSlot(i) => s.open_slot(i),
            Action::RenameSlot(i, label) => {
                let old = s.library.slots.get(i).map(|slot| slot.label.clone());
                if Rc::make_mut(&mut s.library).rename(i, &label) {
                    let drafts = Rc::make_mut(&mut s.drafts);
                    if let Some(draft) = old.and_then(|old| drafts.remove(&old)) {
                        drafts.insert(s.library.slots[i].label.clone(), draft);
                    }
                }
            }
            Action::DeleteSlot(i) => {
                let old = s.library.slots.get(i).map(|slot| slot.label.clone());
                if Rc::make_mut(&mut s.library).remove(i) {
                    if let Some(old) = old {
                        Rc::make_mut(&mut s.drafts).remove(&old);
                    }
                    let current = s.library.current;
                    s.open_slot(current);
                }
            }
            Action::DuplicateSlot => {
                let label = format!("{} {}", s.library.open().label, s.lang.pick("副本", "copy"));
                let d = (*s.dossier).clone();
                s.open_new(&label, d);
            }
            Action::Notify(notice) => s.notice = Some(Rc::new(notice)),
            Action::Dismiss => s.notice = None,
            Action::SetView(view) => s.view = view,
            Action::SetTab(tab) => s.tab = tab,
            Action::ToggleSheet => s.sheet_open = !s.sheet_open,
            Action::Transfer(transfer) => s.transfer = transfer.map(Rc::new),
            Action::SavePreview => {
                if let Some(name) = s.preview.clone() {
                    let d = (*s.dossier).clone();
                    s.open_new(&name, d);
                    let label = s.library.open().label.clone();
                    s.notice = Some(Rc::new(Notice::Imported { label, mark: None }));
                }
            }
            Action::EndPreview => {
                let current = s.library.current;
                s.open_slot(current);
            }
            Action::AdoptRules(rules) => match s.saved_invalid_under(&rules) {
                Some(label) => {
                    s.notice = Some(Rc::new(Notice::SharedUnderRules {
                        label: None,
                        name: s.lang.pick(&rules.name, &rules.name_en).to_string(),
                        hash: rules.content_hash(),
                        rules,
                        adopted: false,
                        refused: Some(label),
                    }))
                }
                None => {
                    s.put_in_force(rules);
                    let name = s.lang.pick(&s.rules.name, &s.rules.name_en).to_string();
                    let hash = s.rules_hash.to_string();
                    s.notice = Some(Rc::new(Notice::RulesAdopted { name, hash }));
                }
            },
            #[cfg(feature = "workshop")]
            Action::Workshop(a) => super::workshop::reduce::reduce(&mut s, a),
            #[cfg(feature = "workshop")]
            Action::Rules(a) => super::workshop::rules::reduce(&mut s, a),
        }
        s.keep_draft();
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Grade, Tier};

    fn start() -> Rc<State> {
        let rules = Rc::new(RuleSet::default());
        Rc::new(State::start(rules, Restored::Nothing, Lang::Zh, None))
    }

    #[test]
    fn example_01_opens_first() {
        let s = start();
        assert_eq!(s.result.total, 95.28);
        assert_eq!(s.result.tier, Tier::Good);
    }

    #[test]
    fn an_invalid_entry_keeps_the_last_result_and_its_text() {
        let s = start().reduce(Action::Edit(Edit::Quarter(0, 1, "104".into())));
        assert_eq!(s.form.pledges[0].quarters[1], "104");
        assert!(s.error_at("pledges[0].quarters[1]").unwrap().contains("104"));
        assert_eq!(s.result.total, 95.28);
        let s = s.reduce(Action::Edit(Edit::Quarter(0, 1, "92".into())));
        assert!(!s.stale());
    }

    #[test]
    fn what_was_typed_survives_a_reload_with_its_error() {
        let s = start().reduce(Action::Edit(Edit::Quarter(0, 1, "105".into())));
        assert!(s.stale());
        let label = s.library.open().label.clone();
        assert_eq!(s.drafts[&label].pledges[0].quarters[1], "105");
        // A reload: the saved library (last valid) and the kept drafts.
        let rules = Rc::new(RuleSet::default());
        let library = (*s.library).clone();
        let mut again = State::start(rules, Restored::Library(library), Lang::Zh, None);
        again.restore_drafts((*s.drafts).clone());
        assert_eq!(again.form.pledges[0].quarters[1], "105");
        assert!(again.error_at("pledges[0].quarters[1]").unwrap().contains("105"));
        assert_eq!(again.result.total, 95.28);
        assert!(again.first_error().unwrap().starts_with("承诺 1 第 2 季度"));
        // Valid again: the draft is gone.
        let fixed = Rc::new(again).reduce(Action::Edit(Edit::Quarter(0, 1, "92".into())));
        assert!(!fixed.stale());
        assert!(fixed.drafts.is_empty());
    }

    #[test]
    fn drafts_follow_their_dossier_when_it_is_renamed_or_deleted() {
        let s = start().reduce(Action::NewDossier);
        let s = s.reduce(Action::Edit(Edit::Quarter(0, 0, "9x".into())));
        let s = s.reduce(Action::SelectSlot(0));
        assert!(!s.stale(), "the other dossier opens with its own valid form");
        let s = s.reduce(Action::RenameSlot(1, "新名字".into()));
        let s = s.reduce(Action::SelectSlot(1));
        assert_eq!(
            s.form.pledges[0].quarters[0], "9x",
            "the draft came back under the new name"
        );
        let s = s.reduce(Action::DeleteSlot(1));
        assert!(s.drafts.is_empty());
    }

    #[test]
    fn a_blank_dossier_has_no_score_of_its_own() {
        let s = start();
        assert!(s.has_own_scores());
        let s = s.reduce(Action::NewDossier);
        assert!(!s.has_own_scores());
        let s = s.reduce(Action::Edit(Edit::Quarter(0, 0, "88".into())));
        assert!(s.has_own_scores());
    }

    #[test]
    fn a_regrade_applies_and_undoes() {
        let s = start();
        let change = Change::Regrade {
            pledge: 2,
            from: Grade::B,
            to: Grade::A,
        };
        let applied = s.clone().reduce(Action::Apply(vec![change]));
        assert!(applied.result.total > s.result.total);
        assert_eq!(applied.library.open().dossier.pledges[2].grade, Some(Grade::A));
        let undone = applied.reduce(Action::Undo);
        assert_eq!(undone.result.total, s.result.total);
    }

    #[test]
    fn a_broken_import_changes_nothing() {
        let s = start();
        let after = s.clone().reduce(Action::Import {
            file: "bad.json".into(),
            text: "{\"pledges\": [".into(),
        });
        assert_eq!(after.library, s.library);
        assert_eq!(after.form, s.form);
        assert!(matches!(
            after.notice.as_deref(),
            Some(Notice::ImportFailed { .. })
        ));
    }

    #[test]
    fn a_dossier_exported_under_other_rules_is_imported_with_a_note() {
        use crate::app::notice::{other_rules, other_rules_text};
        use crate::engine::RulesMark;
        let s = start();
        let mut d = (*s.dossier).clone();
        let mark = RulesMark {
            name: "另一套规则".into(),
            version: "2.0".into(),
            hash: "sha256:0123456789abcdef".into(),
        };
        d.rules = Some(mark.clone());
        let text = serde_json::to_string(&d).unwrap();
        let after = s.clone().reduce(Action::Import {
            file: "other.json".into(),
            text,
        });
        let Some(Notice::Imported { mark: Some(read), .. }) = after.notice.as_deref() else {
            panic!("imported with its mark: {:?}", after.notice);
        };
        assert_eq!(read, &mark);
        assert_eq!(other_rules(Some(read), &after.rules_hash), Some(&mark));
        // The dossier kept is the user's: no mark, the same result as before.
        assert_eq!(after.dossier.rules, None);
        assert_eq!(after.library.open().dossier.rules, None);
        assert_eq!(after.result.total, s.result.total);
        assert_eq!(after.library.slots.len(), s.library.slots.len() + 1);
        assert_eq!(
            other_rules_text(&mark, &after.rules, Lang::Zh),
            format!(
                "此文件按另一套规则（名称 另一套规则，版本 2.0）导出；当前按“{}”规则计算，结果可能不同。",
                after.rules.name
            )
        );
        let en = other_rules_text(&mark, &after.rules, Lang::En);
        assert!(en.starts_with("This file was exported under other rules (另一套规则, version 2.0); it is computed here under \""), "{en}");
        assert!(!en.contains(['“', '”', '，', '；', '（']), "{en}");
        // Under the same rules, no note.
        d.rules = Some(RulesMark::of(&s.rules));
        let same = s.reduce(Action::Import {
            file: "same.json".into(),
            text: serde_json::to_string(&d).unwrap(),
        });
        let Some(Notice::Imported { mark, .. }) = same.notice.as_deref() else {
            panic!("imported: {:?}", same.notice);
        };
        assert_eq!(other_rules(mark.as_ref(), &same.rules_hash), None);
    }

    #[test]
    fn a_link_under_changed_rules_shows_the_senders_total() {
        let mut theirs = RuleSet::default();
        theirs.dimensions.weights.unit = 0.4;
        theirs.dimensions.weights.pledges = 0.3;
        let sender = State::start(Rc::new(theirs.clone()), Restored::Nothing, Lang::Zh, None);
        let link = format!(
            "#{}",
            share::fragment_under(&sender.dossier, &theirs, &sender.rules_hash)
        );
        // A recipient under the default rules: the sender's rules come into force.
        let fresh = State::start(
            Rc::new(RuleSet::default()),
            Restored::Nothing,
            Lang::Zh,
            Some(&link),
        );
        assert_eq!(fresh.result.total, sender.result.total);
        assert_ne!(fresh.result.total, 95.28);
        assert_eq!(*fresh.rules, theirs);
        assert!(matches!(
            fresh.notice.as_deref(),
            Some(Notice::SharedUnderRules { adopted: true, .. })
        ));
        // A recipient under rules of their own keeps them and is offered the sender's.
        let mut mine = RuleSet::default();
        mine.dimensions.weights.unit = 0.2;
        mine.dimensions.weights.pledges = 0.5;
        let other = State::start(Rc::new(mine.clone()), Restored::Nothing, Lang::Zh, Some(&link));
        assert_eq!(*other.rules, mine);
        let Some(Notice::SharedUnderRules {
            adopted: false,
            refused: None,
            rules,
            ..
        }) = other.notice.as_deref()
        else {
            panic!("{:?}", other.notice);
        };
        let adopted = Rc::new(other.clone()).reduce(Action::AdoptRules(rules.clone()));
        assert_eq!(adopted.result.total, sender.result.total);
    }

    #[test]
    fn a_share_link_opens_as_a_new_dossier() {
        let rules = Rc::new(RuleSet::default());
        let d = EXAMPLES[1].dossier(&rules);
        let link = format!("#{}", share::fragment(&d));
        let s = State::start(rules, Restored::Nothing, Lang::Zh, Some(&link));
        assert_eq!(s.library.slots.len(), 2);
        assert_eq!(*s.dossier, d);
        assert!(s.result.vetoed);
    }
}
