//! The demo cohort one official at a time: the same officials, in the same order, as
//! [`super::cohort`] gives for the same seed, size and year — so that a front end can build a
//! cohort of 100,000 in small pieces, between frames, instead of in one long task.

use super::{official, posts, Names, Rng};
use crate::engine::dossier::Dossier;
use crate::engine::ids::UnitKind;

/// The officials of a demo cohort, generated as they are taken.
pub struct Officials {
    rng: Rng,
    posts: std::vec::IntoIter<(String, UnitKind)>,
    names: Names,
    year: i32,
}

impl Iterator for Officials {
    type Item = Dossier;

    fn next(&mut self) -> Option<Dossier> {
        let (post, kind) = self.posts.next()?;
        Some(official(&mut self.rng, &mut self.names, post, kind, self.year))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.posts.size_hint()
    }
}

impl std::fmt::Debug for Officials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Officials {{ left: {} }}", self.posts.len())
    }
}

/// The officials of `cohort(seed, size, year)`, one at a time.
pub fn officials(seed: u64, size: usize, year: i32) -> Officials {
    Officials {
        rng: Rng(seed ^ 0xd0e6_11a6),
        posts: posts(size).into_iter(),
        names: Names::default(),
        year,
    }
}
