//! Every edit the dossier editor can make to the form, as data: the reducer applies an
//! [`Edit`] with [`Edit::apply`] and then lets the engine judge the result.

use super::form::{Form, ItemForm};
use crate::engine::ids::{Area, Grade, Tier, UnitKind};

/// The most pledges a dossier may hold (spec §2); the editor stops adding there.
pub const MAX_PLEDGES: usize = 10;

/// Which of the three assumptions (spec §7) a field sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Assumed {
    Quarter = 0,
    Unit = 1,
    Multi = 2,
}

/// One user edit of the form.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    Name(String),
    Post(String),
    UnitKind(Option<UnitKind>),
    Year(String),
    UnitPublished(bool),
    UnitScore(String),
    AddPledge,
    RemovePledge(usize),
    PledgeArea(usize, Area),
    PledgeTitle(usize, String),
    /// Choose the grade directly.
    PledgeGrade(usize, Grade),
    /// Derive the grade from the three factors instead.
    PledgeUseFactors(usize),
    /// Set factor 0 (difficulty), 1 (innovation) or 2 (contribution).
    PledgeFactor(usize, usize, u8),
    Quarter(usize, usize, String),
    Vote(usize, usize, String),
    Unqualified(bool),
    Positive(String, bool),
    PositiveCount(String, String),
    Negative(String, bool),
    NegativeCount(String, String),
    Tolerated(String, bool),
    AddHistory,
    History(usize, Tier),
    RemoveHistory(usize),
    Assumption(Assumed, String),
}

impl Edit {
    /// Whether the edit is worth an undo step (typing in a field is not; a click is).
    pub fn is_structural(&self) -> bool {
        !matches!(
            self,
            Edit::Name(_)
                | Edit::Post(_)
                | Edit::Year(_)
                | Edit::UnitScore(_)
                | Edit::PledgeTitle(..)
                | Edit::PledgeFactor(..)
                | Edit::Quarter(..)
                | Edit::Vote(..)
                | Edit::PositiveCount(..)
                | Edit::NegativeCount(..)
                | Edit::Assumption(..)
        )
    }

    /// Makes the edit; an edit that no longer fits the form (a stale index) does nothing.
    pub fn apply(self, form: &mut Form) {
        match self {
            Edit::Name(v) => form.name = v,
            Edit::Post(v) => form.post = v,
            Edit::UnitKind(v) => form.unit_kind = v,
            Edit::Year(v) => form.year = v,
            Edit::UnitPublished(v) => form.unit_published = v,
            Edit::UnitScore(v) => form.unit_score = v,
            Edit::AddPledge => {
                if form.pledges.len() < MAX_PLEDGES {
                    let area = least_covered_area(form);
                    form.add_pledge(area);
                }
            }
            Edit::RemovePledge(i) => {
                if i < form.pledges.len() && form.pledges.len() > 1 {
                    form.pledges.remove(i);
                }
            }
            Edit::PledgeArea(i, area) => pledge(form, i, |p| p.area = area),
            Edit::PledgeTitle(i, title) => pledge(form, i, |p| p.title = title),
            Edit::PledgeGrade(i, grade) => pledge(form, i, |p| {
                p.grade = Some(grade);
                p.factors = None;
            }),
            Edit::PledgeUseFactors(i) => pledge(form, i, |p| {
                p.grade = None;
                p.factors.get_or_insert([3, 3, 3]);
            }),
            Edit::PledgeFactor(i, f, value) => pledge(form, i, |p| {
                if let Some(factors) = p.factors.as_mut() {
                    if f < 3 {
                        factors[f] = value;
                    }
                }
            }),
            Edit::Quarter(i, q, text) => pledge(form, i, |p| {
                if q < 4 {
                    p.quarters[q] = text;
                }
            }),
            Edit::Vote(g, c, text) => {
                if g < 4 && c < 4 {
                    form.votes[g][c] = text;
                }
            }
            Edit::Unqualified(v) => form.unqualified = v,
            Edit::Positive(item, on) => toggle(&mut form.positive, item, on),
            Edit::PositiveCount(item, count) => set(&mut form.positive, &item, |i| i.count = count),
            Edit::Negative(item, on) => toggle(&mut form.negative, item, on),
            Edit::NegativeCount(item, count) => set(&mut form.negative, &item, |i| i.count = count),
            Edit::Tolerated(item, on) => set(&mut form.negative, &item, |i| i.tolerated = on),
            Edit::AddHistory => form.history.push(Tier::FairlyGood),
            Edit::History(i, tier) => {
                if let Some(t) = form.history.get_mut(i) {
                    *t = tier;
                }
            }
            Edit::RemoveHistory(i) => {
                if i < form.history.len() {
                    form.history.remove(i);
                }
            }
            Edit::Assumption(which, text) => form.assumptions[which as usize] = text,
        }
    }
}

fn pledge(form: &mut Form, i: usize, change: impl FnOnce(&mut super::form::PledgeForm)) {
    if let Some(p) = form.pledges.get_mut(i) {
        change(p);
    }
}

fn toggle(list: &mut Vec<ItemForm>, item: String, on: bool) {
    let at = list.iter().position(|i| i.item == item);
    match (at, on) {
        (None, true) => list.push(ItemForm {
            item,
            count: "1".into(),
            tolerated: false,
        }),
        (Some(i), false) => {
            list.remove(i);
        }
        _ => {}
    }
}

fn set(list: &mut [ItemForm], item: &str, change: impl FnOnce(&mut ItemForm)) {
    if let Some(entry) = list.iter_mut().find(|i| i.item == item) {
        change(entry);
    }
}

/// The area with the fewest pledges, for a new pledge card.
fn least_covered_area(form: &Form) -> Area {
    *Area::ALL
        .iter()
        .min_by_key(|a| form.pledges.iter().filter(|p| p.area == **a).count())
        .unwrap_or(&Area::KeyWork)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pledges_stay_between_one_and_ten() {
        let mut form = Form::blank();
        for _ in 0..12 {
            Edit::AddPledge.apply(&mut form);
        }
        assert_eq!(form.pledges.len(), MAX_PLEDGES);
        for _ in 0..12 {
            Edit::RemovePledge(0).apply(&mut form);
        }
        assert_eq!(form.pledges.len(), 1);
    }

    #[test]
    fn choosing_a_grade_drops_the_factors_and_back() {
        let mut form = Form::blank();
        Edit::PledgeUseFactors(0).apply(&mut form);
        Edit::PledgeFactor(0, 0, 5).apply(&mut form);
        assert_eq!(form.pledges[0].factors, Some([5, 3, 3]));
        assert_eq!(form.pledges[0].grade, None);
        Edit::PledgeGrade(0, Grade::A).apply(&mut form);
        assert_eq!(
            (form.pledges[0].grade, form.pledges[0].factors),
            (Some(Grade::A), None)
        );
    }

    #[test]
    fn unchecking_an_item_forgets_it() {
        let mut form = Form::blank();
        Edit::Negative("N2".into(), true).apply(&mut form);
        Edit::Tolerated("N2".into(), true).apply(&mut form);
        assert!(form.negative[0].tolerated);
        Edit::Negative("N2".into(), false).apply(&mut form);
        assert!(form.negative.is_empty());
    }
}
