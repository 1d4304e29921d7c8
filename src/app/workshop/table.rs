//! The ranking table's rows: which officials pass the filters (unit kind, tier, veto, honour)
//! and in which order (any column, either way). Rows are positions in the ranking, so that
//! 100,000 officials are sorted as numbers, never copied.

use crate::engine::ids::UnitKind;
use crate::engine::{Dossier, Ranking, Tier};

/// Rows shown per page.
pub const PAGE: usize = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum VetoFilter {
    #[default]
    All,
    Vetoed,
    NotVetoed,
}

/// What the table shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Filter {
    pub kind: Option<UnitKind>,
    pub tier: Option<Tier>,
    pub veto: VetoFilter,
    pub honour_only: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Rank,
    Name,
    Post,
    Kind,
    Total,
    Tier,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Sort {
    /// Sorting by `key`: the same key again turns the order round; a new key starts in its
    /// natural order (best first for rank, total and tier; A–Z for text).
    pub fn by(self, key: SortKey) -> Sort {
        if self.key == key {
            Sort {
                key,
                descending: !self.descending,
            }
        } else {
            Sort {
                key,
                descending: key == SortKey::Total,
            }
        }
    }
}

/// Positions in `ranking.officials` that pass `filter`, in the order `sort` asks.
pub fn rows(ranking: &Ranking, officials: &[Dossier], filter: Filter, sort: Sort) -> Vec<u32> {
    let kind_of = |i: usize| officials.get(i).and_then(|d| d.unit_kind);
    let lines = &ranking.officials;
    let mut rows: Vec<u32> = (0..lines.len())
        .filter(|p| {
            let r = &lines[*p];
            filter.kind.is_none_or(|k| kind_of(r.index) == Some(k))
                && filter.tier.is_none_or(|t| r.tier == t)
                && match filter.veto {
                    VetoFilter::All => true,
                    VetoFilter::Vetoed => r.vetoed,
                    VetoFilter::NotVetoed => !r.vetoed,
                }
                && (!filter.honour_only || r.honour)
        })
        .map(|p| p as u32)
        .collect();
    if sort.key != SortKey::Rank {
        // One comparator for every column: each `sort_by` closure is another copy of the sort.
        rows.sort_by(|a, b| {
            let (a, b) = (&lines[*a as usize], &lines[*b as usize]);
            match sort.key {
                SortKey::Total => a.total.total_cmp(&b.total),
                SortKey::Name => a.name.cmp(&b.name),
                SortKey::Post => a.post.cmp(&b.post),
                SortKey::Kind => kind_of(a.index).cmp(&kind_of(b.index)),
                _ => a.tier.cmp(&b.tier),
            }
        });
    }
    if sort.descending {
        rows.reverse();
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{demo, Engine, RuleSet};

    #[test]
    fn filters_and_sorts_select_and_order_the_rows() {
        let rules = RuleSet::default();
        let cohort = demo::cohort(2023, 98, 2023).officials;
        let ranking = Engine::new(&rules).rank(&cohort);
        let all = rows(&ranking, &cohort, Filter::default(), Sort::default());
        assert_eq!(all, (0..98).collect::<Vec<u32>>());
        let streets = Filter {
            kind: Some(UnitKind::Street),
            ..Filter::default()
        };
        let street_rows = rows(&ranking, &cohort, streets, Sort::default());
        assert_eq!(street_rows.len(), 44);
        let honoured = Filter {
            honour_only: true,
            ..Filter::default()
        };
        assert_eq!(
            rows(&ranking, &cohort, honoured, Sort::default()).len(),
            ranking.honoured
        );
        let by_total = Sort::default().by(SortKey::Total);
        assert!(by_total.descending);
        let worst_first = rows(&ranking, &cohort, Filter::default(), by_total.by(SortKey::Total));
        assert_eq!(worst_first[0], 97);
        let by_name = rows(
            &ranking,
            &cohort,
            Filter::default(),
            Sort::default().by(SortKey::Name),
        );
        let names: Vec<&str> = by_name
            .iter()
            .map(|p| ranking.officials[*p as usize].name.as_str())
            .collect();
        assert!(names.windows(2).all(|w| w[0] <= w[1]));
    }
}
