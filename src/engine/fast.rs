//! The fast path for reading dossiers and cohorts: serde's derived decoders straight into the
//! engine's types, then the rule-set checks of `dossier_check` on the typed value — no
//! `serde_json::Value`, and no field path built for a field that is fine.
//!
//! The contract: whenever the fast path accepts, the value walk (`dossier_check`, which collects
//! every problem with its field path) accepts too and yields an identical [`Dossier`]. Whatever
//! the fast path is unsure about — a syntax error, a wrong type, a number written `2023.0` where
//! a whole number is expected, an explicit `null` where only absence is allowed, a duplicated
//! key, any value out of range — it declines (`None`), and the caller runs the walk, which then
//! reports exactly today's errors. `tests/fast_path.rs` checks the contract on random dossiers.
//!
//! serde's derive is more lenient than the exchange format in two ways, both closed here by the
//! `deserialize_with` helpers that `dossier.rs` names: it reads a struct from an array of its
//! fields in order, and an enum from `{"id": null}`. `map` and `vec_of_maps` read structs
//! from objects only, `id` reads ids from strings only.
//!
//! In the phone's wasm the readers do not take the fast path ([`IN_USE`]): serde's derived
//! decoders would add their code to a wasm that is over its size budget already, and the page
//! reads one dossier at a time. The workshop's wasm (feature `fast-wasm`) takes it, and reads a
//! large imported cohort a slice at a time between frames ([`Slices`]). [`accepts`] (small)
//! serves `Dossier::validate` everywhere.

use std::marker::PhantomData;
use std::sync::atomic::{AtomicBool, Ordering};

use serde::de::{self, Deserialize, Deserializer, Visitor};

use super::dossier::{Cohort, Dossier, NegativeRecord, Pledge, PositiveClaim, Votes};
use super::dossier_check::{MAX_COHORT, MAX_HISTORY, MAX_NAME, MAX_TEXT, MAX_YEAR, MIN_YEAR};
use super::ids::{Area, Grade, PoliticalQuality, Tier, UnitKind};
use super::mark::RulesMark;
use super::rules::RuleSet;

/// Whether `Dossier::from_json`, `Cohort::from_json` and `csv::read` try the fast path first:
/// in native builds (the CLI, the tests) and the workshop's wasm, not in the phone's (see above).
pub const IN_USE: bool = !cfg!(target_arch = "wasm32") || cfg!(feature = "fast-wasm");

/// A dossier from JSON text when the fast path is sure it is valid under `rules`, else `None`
/// (then [`Dossier::from_json`] runs the value walk for the errors).
pub fn dossier(text: &str, rules: &RuleSet) -> Option<Dossier> {
    let d: Dossier = from_str(text)?;
    accepts(&d, rules).then_some(d)
}

/// A cohort `{"officials": [...]}` from JSON text when every official is valid, else `None`.
///
/// Text of the usual shape (`{"officials": [` … `]}`, with white space wherever JSON allows it)
/// is decoded an official at a time, on several threads when it is large ([`cohort_with`]);
/// any other spelling goes through serde's derived decoder for the whole cohort.
pub fn cohort(text: &str, rules: &RuleSet) -> Option<Cohort> {
    let (mark, officials) = cohort_parts(text, rules, pieces(text), |d| d)?;
    Some(Cohort {
        rules: mark,
        officials,
    })
}

/// [`cohort`], each official handed to `each` as soon as it is decoded and accepted, on the
/// thread that decoded it, and what `each` makes of it kept in the cohort's order: a reader
/// that needs only part of each dossier (`Engine::standing`) keeps only that, and the memory of
/// the rest is used again for the next official. `None` as for [`cohort`], whatever `each` did.
pub fn cohort_with<T: Send>(
    text: &str,
    rules: &RuleSet,
    each: impl Fn(Dossier) -> T + Sync,
) -> Option<Vec<T>> {
    cohort_in_pieces(text, rules, pieces(text), each)
}

/// How many pieces [`cohort_with`] cuts a cohort's text into.
fn pieces(text: &str) -> usize {
    match array_span(text) {
        Some((_, start, end)) if end - start >= PARALLEL_MIN => std::thread::available_parallelism()
            .map_or(1, usize::from)
            .min(MAX_PIECES),
        _ => 1,
    }
}

/// [`cohort_with`] with the officials cut into `pieces` pieces (when the text has the usual
/// shape), however short: for the tests that compare it with one piece.
#[doc(hidden)]
pub fn cohort_in_pieces<T: Send>(
    text: &str,
    rules: &RuleSet,
    pieces: usize,
    each: impl Fn(Dossier) -> T + Sync,
) -> Option<Vec<T>> {
    cohort_parts(text, rules, pieces, each).map(|(_, officials)| officials)
}

/// [`cohort_in_pieces`] and the cohort's mark of the rules it was written under.
fn cohort_parts<T: Send>(
    text: &str,
    rules: &RuleSet,
    pieces: usize,
    each: impl Fn(Dossier) -> T + Sync,
) -> Option<(Option<RulesMark>, Vec<T>)> {
    let (mark, officials) = match array_span(text) {
        Some((mark, start, end)) => {
            let stop = AtomicBool::new(false);
            let reader = Reader {
                text,
                end,
                rules,
                stop: &stop,
                each: &each,
            };
            (mark, reader.officials(start, pieces.max(1))?)
        }
        None => {
            let cohort: Cohort = from_str(text)?;
            if !cohort.officials.iter().all(|d| accepts(d, rules)) {
                return None;
            }
            (cohort.rules, cohort.officials.into_iter().map(&each).collect())
        }
    };
    (officials.len() <= MAX_COHORT && mark_within(&mark)).then_some((mark, officials))
}

/// A cohort `{"officials": [...]}` read a slice at a time, for a reader that must not keep the
/// page busy for long (the workshop's import): each [`Slices::step`] decodes the officials that
/// start within so many bytes. The result is [`Cohort::from_json`]'s: when the fast path is
/// not sure (text of another shape, an official that does not decode or is invalid), the rest
/// is read by `Cohort::from_json` at once, which reports every error as it always does.
pub struct Slices {
    text: String,
    /// Where the array's elements end (its `]`), when the text has the usual shape.
    end: Option<usize>,
    /// The cohort's mark of the rules it was written under, read before its officials.
    mark: Option<RulesMark>,
    /// Where the next official begins.
    at: usize,
    officials: Vec<Dossier>,
}

impl Slices {
    pub fn new(text: String) -> Slices {
        let (mark, at, end) = match array_span(&text).filter(|_| IN_USE) {
            Some((mark, start, end)) => (mark, skip_space(text.as_bytes(), start), Some(end)),
            None => (None, 0, None),
        };
        Slices {
            end,
            mark,
            at,
            text,
            officials: Vec::new(),
        }
    }

    /// How far the reading is: bytes read and bytes in all.
    pub fn progress(&self) -> (usize, usize) {
        (self.at, self.text.len())
    }

    /// Reads the officials that start within `bytes` bytes from where the last step stopped (at
    /// least one); `Some` with the cohort, or every problem with its field path, once all is
    /// read.
    pub fn step(&mut self, rules: &RuleSet, bytes: usize) -> Option<Result<Cohort, super::FieldErrors>> {
        let whole = |text: &str| Cohort::from_json(text, rules);
        let Some(end) = self.end else {
            return Some(whole(&self.text));
        };
        if self.at >= end {
            let officials = std::mem::take(&mut self.officials);
            let mark = self.mark.take();
            return Some(if officials.len() <= MAX_COHORT && mark_within(&mark) {
                Ok(Cohort {
                    rules: mark,
                    officials,
                })
            } else {
                whole(&self.text)
            });
        }
        let stop = AtomicBool::new(false);
        let each = |d: Dossier| d;
        let reader = Reader {
            text: &self.text,
            end,
            rules,
            stop: &stop,
            each: &each,
        };
        match reader.read(self.at, self.at.saturating_add(bytes.max(1)), &mut self.officials) {
            Some(next) => {
                self.at = next;
                None
            }
            None => {
                self.officials = Vec::new();
                Some(whole(&self.text))
            }
        }
    }
}

/// JSON's white space.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

fn skip_space(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).copied().is_some_and(is_space) {
        i += 1;
    }
    i
}

/// Where the elements of `{"officials": [` … `]}` lie: from just after the `[` to the `]`, when
/// the text starts and ends that way (the key written plainly), and the mark of the rules when
/// it comes first (`{"rules": {…}, "officials": [`, as this program writes it). Whether what
/// lies between is a list of officials is for [`Reader::officials`] to find: if it is, the
/// text is that cohort.
fn array_span(text: &str) -> Option<(Option<RulesMark>, usize, usize)> {
    let bytes = text.as_bytes();
    let mut i = skip_space(bytes, 0);
    i = bytes[i..].starts_with(b"{").then_some(i + 1)?;
    let mut mark = None;
    let at = skip_space(bytes, i);
    if bytes[at..].starts_with(b"\"rules\"") {
        let colon = skip_space(bytes, at + b"\"rules\"".len());
        let value = bytes[colon..].starts_with(b":").then_some(colon + 1)?;
        let mut stream =
            serde_json::Deserializer::from_str(&text[value..]).into_iter::<Option<Map<RulesMark>>>();
        mark = stream.next()?.ok()?.map(|m| m.0);
        let comma = skip_space(bytes, value + stream.byte_offset());
        i = bytes[comma..].starts_with(b",").then_some(comma + 1)?;
    }
    for token in [&b"\"officials\""[..], b":", b"["] {
        i = skip_space(bytes, i);
        i = bytes[i..].starts_with(token).then_some(i + token.len())?;
    }
    let mut end = bytes.len();
    for token in [b'}', b']'] {
        while end > i && is_space(bytes[end - 1]) {
            end -= 1;
        }
        end = (end > i && bytes[end - 1] == token).then_some(end - 1)?;
    }
    Some((mark, i, end))
}

/// Below this many bytes of officials, one thread decodes them all.
const PARALLEL_MIN: usize = 1 << 20;

/// At most this many threads decode a cohort.
const MAX_PIECES: usize = 8;

/// How many places a helper thread tries before it leaves its piece to the thread before it.
const MAX_TRIES: usize = 64;

/// Reads officials out of the array that ends at `end`, handing each to `each`.
struct Reader<'a, F> {
    text: &'a str,
    end: usize,
    rules: &'a RuleSet,
    /// Set when a helper's work is no longer wanted.
    stop: &'a AtomicBool,
    each: &'a F,
}

impl<F> Clone for Reader<'_, F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<F> Copy for Reader<'_, F> {}

impl<T: Send, F: Fn(Dossier) -> T + Sync> Reader<'_, F> {
    /// The officials from `start` (just after the `[`), each decoded by serde's derived
    /// decoder and checked by [`accepts`] as it is read; `None` at the first one that is not
    /// sure.
    ///
    /// With more than one piece, the text is cut into that many. Each helper thread looks,
    /// from its piece's nominal start, for the first place where an official could begin (a
    /// `{` after a `,`) at which one decodes, and reads on up to the next piece's nominal
    /// start. Where a piece really begins is only known to the thread before it, which stops
    /// at the first official that starts at or after that nominal start: when that is where
    /// the helper began, the helper's officials follow on; otherwise (its `{` was inside a
    /// string or a nested list) the walk from the start goes on by itself. So the result is
    /// always what one thread reading from the start finds, and whenever anything fails the
    /// caller gets `None` and runs the value walk, whose errors and their order are unchanged.
    fn officials(self, start: usize, pieces: usize) -> Option<Vec<T>> {
        let end = self.end;
        let first = skip_space(self.text.as_bytes(), start);
        let mut out = Vec::new();
        if first == end {
            return Some(out);
        }
        if pieces <= 1 {
            return self.read(first, end, &mut out).map(|_| out);
        }
        let bounds: Vec<usize> = (0..=pieces).map(|k| first + (end - first) * k / pieces).collect();
        std::thread::scope(|scope| {
            let helpers: Vec<_> = (1..pieces)
                .map(|k| {
                    let (from, to) = (bounds[k], bounds[k + 1]);
                    scope.spawn(move || self.piece(from, to))
                })
                .collect();
            let mut at = first;
            let mut failed = self
                .read(first, bounds[1], &mut out)
                .map(|next| at = next)
                .is_none();
            for (k, helper) in (1..pieces).zip(helpers) {
                if failed || at == end {
                    self.stop.store(true, Ordering::Relaxed);
                    continue;
                }
                match helper.join() {
                    Ok(Some((began, mut officials, next))) if began == at => {
                        out.append(&mut officials);
                        at = next;
                    }
                    _ => match self.read(at, bounds[k + 1], &mut out) {
                        Some(next) => at = next,
                        None => failed = true,
                    },
                }
            }
            (!failed && at == end).then_some(out)
        })
    }

    /// The official whose `{` is at `at`, decoded and accepted, and where it ends.
    fn one(&self, at: usize) -> Option<(Dossier, usize)> {
        if self.text.as_bytes().get(at) != Some(&b'{') {
            return None;
        }
        let mut stream = serde_json::Deserializer::from_str(&self.text[at..]).into_iter::<Map<Dossier>>();
        let d = stream.next()?.ok()?.0;
        accepts(&d, self.rules).then(|| (d, at + stream.byte_offset()))
    }

    /// Officials from `at` (where one begins) on, appended to `out`, up to the array's end or
    /// the first one that starts at or after `to`; returns where it stopped (the end, or that
    /// official's `{`).
    fn read(&self, at: usize, to: usize, out: &mut Vec<T>) -> Option<usize> {
        let first = self.one(at)?;
        self.read_on((at, self.end), first, to, out)
    }

    /// [`Reader::read`] from an official already decoded (from `at` to where it ended), with
    /// room made in `out` for the officials up to `room_to`.
    fn read_on(
        &self,
        (at, room_to): (usize, usize),
        (mut d, mut next): (Dossier, usize),
        to: usize,
        out: &mut Vec<T>,
    ) -> Option<usize> {
        let bytes = self.text.as_bytes();
        // Room for as many officials as the text up to `room_to` holds if they are the size of
        // this one, and a quarter more: the vector is not copied as it grows.
        let expected = room_to.saturating_sub(at) / (next - at).max(64);
        out.reserve((expected + expected / 4).min(MAX_COHORT + 1));
        loop {
            out.push((self.each)(d));
            let i = skip_space(bytes, next);
            if i == self.end {
                return Some(i);
            }
            if i > self.end || bytes[i] != b',' || self.stop.load(Ordering::Relaxed) {
                return None;
            }
            // A comma is followed by an official (`[…,]` is not JSON).
            let at = skip_space(bytes, i + 1);
            if at >= self.end {
                return None;
            }
            if at >= to {
                return Some(at);
            }
            (d, next) = self.one(at)?;
        }
    }

    /// A helper's piece: from the first `{` after a `,` at or after `from` where an official
    /// decodes, the officials up to the first one that starts at or after `to`. Returns where
    /// it began, the officials and where it stopped; `None` when it finds no such place within
    /// [`MAX_TRIES`], when an official after the first fails, or when told to stop.
    fn piece(&self, from: usize, to: usize) -> Option<(usize, Vec<T>, usize)> {
        let bytes = self.text.as_bytes();
        let mut at = from;
        for _ in 0..MAX_TRIES {
            at += bytes[at..self.end].iter().position(|&b| b == b'{')?;
            let before = bytes[..at].iter().rposition(|&b| !is_space(b));
            if let Some(first) = before.filter(|&b| bytes[b] == b',').and_then(|_| self.one(at)) {
                let mut out = Vec::new();
                let stopped = self.read_on((at, to), first, to, &mut out)?;
                return Some((at, out, stopped));
            }
            at += 1;
        }
        None
    }
}

/// `serde_json::from_str`, with the top-level struct read from an object only.
fn from_str<'a, T: Deserialize<'a>>(text: &'a str) -> Option<T> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(MapOnly(&mut de)).ok()?;
    de.end().ok()?;
    Some(value)
}

/// True when the value walk would accept this dossier under `rules` (every check of
/// `dossier_check` that the types alone do not make). Cheap: no allocation, no path.
pub fn accepts(d: &Dossier, rules: &RuleSet) -> bool {
    let a = &d.assumptions;
    mark_within(&d.rules)
        && text_within(&d.name, MAX_NAME)
        && text_within(&d.post, MAX_NAME)
        && d.year
            .is_none_or(|y| (MIN_YEAR..=MAX_YEAR).contains(&f64::from(y)))
        && score(d.unit_score)
        && pledges(&d.pledges, rules)
        && votes(&d.votes, rules)
        && positive(&d.positive, rules)
        && negative(&d.negative, rules)
        && d.history.len() <= MAX_HISTORY
        && score(a.quarter_score)
        && score(a.unit_score)
        && score(a.multi_score)
}

fn within(s: &str, max: usize) -> bool {
    s.len() <= max || s.chars().count() <= max
}

fn text_within(s: &Option<String>, max: usize) -> bool {
    s.as_deref().is_none_or(|s| within(s, max))
}

/// A mark's strings are no longer than a name.
fn mark_within(mark: &Option<RulesMark>) -> bool {
    mark.as_ref().is_none_or(|m| {
        within(&m.name, MAX_NAME) && within(&m.version, MAX_NAME) && within(&m.hash, MAX_NAME)
    })
}

/// An optional score in 0–100 (NaN is not).
fn score(x: Option<f64>) -> bool {
    x.is_none_or(|x| (0.0..=100.0).contains(&x))
}

fn pledges(pledges: &[Pledge], rules: &RuleSet) -> bool {
    let (min, max) = (rules.pledge_count.min, rules.pledge_count.max);
    let g = &rules.grading;
    let factor = |f: u8| (g.factor_min..=g.factor_max).contains(&f);
    (min..=max).contains(&pledges.len())
        && pledges.iter().all(|p| {
            text_within(&p.title, MAX_TEXT)
                && (p.grade.is_some() || p.factors.is_some())
                && p.factors
                    .is_none_or(|f| factor(f.difficulty) && factor(f.innovation) && factor(f.contribution))
                && p.quarters.iter().all(|q| score(*q))
        })
}

fn votes(votes: &Votes, rules: &RuleSet) -> bool {
    let max = rules.raters.max_votes;
    [
        votes.district_leaders,
        votes.peers,
        votes.unit_staff,
        votes.public,
    ]
    .iter()
    .flatten()
    .all(|v| v.good <= max && v.fairly_good <= max && v.average <= max && v.poor <= max)
}

/// A list item's id: known to the rules, not longer than a name, not listed before.
fn item_ok<'a>(id: &str, known: bool, mut earlier: impl Iterator<Item = &'a str>) -> bool {
    known && within(id, MAX_NAME) && !earlier.any(|e| e == id)
}

fn positive(claims: &[PositiveClaim], rules: &RuleSet) -> bool {
    // More claims than items means an unknown or a repeated one: decline before any O(n²).
    claims.len() <= rules.positive.items.len()
        && claims.iter().enumerate().all(|(i, c)| {
            (1..=10).contains(&c.count)
                && item_ok(
                    &c.item,
                    rules.positive_item(&c.item).is_some(),
                    claims[..i].iter().map(|e| e.item.as_str()),
                )
        })
}

fn negative(records: &[NegativeRecord], rules: &RuleSet) -> bool {
    records.len() <= rules.negative.items.len()
        && records.iter().enumerate().all(|(i, r)| {
            let item = rules.negative_item(&r.item);
            (1..=10).contains(&r.count)
                && item_ok(
                    &r.item,
                    item.is_some(),
                    records[..i].iter().map(|e| e.item.as_str()),
                )
                && (!r.tolerated || (rules.tolerance.allow_tolerated && item.is_some_and(|i| !i.veto)))
        })
}

// The strict decoders named by `#[serde(deserialize_with = …)]` in dossier.rs.

/// A closed vocabulary read from its id.
pub(crate) trait Vocabulary: Sized {
    fn parse(id: &str) -> Option<Self>;
}

macro_rules! vocabularies {
    ($($t:ty),+) => {
        $(impl Vocabulary for $t {
            fn parse(id: &str) -> Option<Self> {
                <$t>::from_id(id)
            }
        })+
    };
}
vocabularies!(Area, Grade, PoliticalQuality, Tier, UnitKind);

struct IdVisitor<T>(PhantomData<T>);

impl<T: Vocabulary> Visitor<'_> for IdVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an id")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<T, E> {
        T::parse(s).ok_or_else(|| E::custom("unknown id"))
    }
}

/// An id from a JSON string only (serde's derive would also take `{"id": null}`).
pub(crate) fn id<'de, D: Deserializer<'de>, T: Vocabulary>(d: D) -> Result<T, D::Error> {
    d.deserialize_str(IdVisitor(PhantomData))
}

/// `id` as a type, for `Option` and `Vec`.
struct Id<T>(T);

impl<'de, T: Vocabulary> Deserialize<'de> for Id<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        id(d).map(Id)
    }
}

pub(crate) fn opt_id<'de, D: Deserializer<'de>, T: Vocabulary>(d: D) -> Result<Option<T>, D::Error> {
    Ok(Option::<Id<T>>::deserialize(d)?.map(|i| i.0))
}

/// An id, or the default for `null` (as the walk reads `political_quality`).
pub(crate) fn id_or_default<'de, D: Deserializer<'de>, T: Vocabulary + Default>(d: D) -> Result<T, D::Error> {
    Ok(opt_id(d)?.unwrap_or_default())
}

/// A list of ids; `null` is the empty list (as the walk reads `history`).
pub(crate) fn vec_of_ids_or_empty<'de, D: Deserializer<'de>, T: Vocabulary>(
    d: D,
) -> Result<Vec<T>, D::Error> {
    let ids = Option::<Vec<Id<T>>>::deserialize(d)?.unwrap_or_default();
    Ok(ids.into_iter().map(|i| i.0).collect())
}

/// A struct from a JSON object only (serde's derive would also take an array of its fields).
pub(crate) fn map<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<T, D::Error> {
    T::deserialize(MapOnly(d))
}

/// `map` as a type, for `Option` and `Vec`.
struct Map<T>(T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Map<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        map(d).map(Map)
    }
}

pub(crate) fn opt_map<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    Ok(Option::<Map<T>>::deserialize(d)?.map(|m| m.0))
}

/// A struct from an object; `null` is the default (as the walk reads `votes`, `assumptions`).
pub(crate) fn map_or_default<'de, D: Deserializer<'de>, T: Deserialize<'de> + Default>(
    d: D,
) -> Result<T, D::Error> {
    Ok(opt_map(d)?.unwrap_or_default())
}

pub(crate) fn vec_of_maps<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    Ok(Vec::<Map<T>>::deserialize(d)?.into_iter().map(|m| m.0).collect())
}

/// `vec_of_maps`; `null` is the empty list (as the walk reads `positive`, `negative`).
pub(crate) fn vec_of_maps_or_empty<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Vec<T>, D::Error> {
    let maps = Option::<Vec<Map<T>>>::deserialize(d)?.unwrap_or_default();
    Ok(maps.into_iter().map(|m| m.0).collect())
}

/// A deserializer that reads a struct as a map: the derived visitor's `visit_seq` is never
/// reached. A derived struct asks only for `deserialize_struct`; the rest is forwarded.
struct MapOnly<D>(D);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for MapOnly<D> {
    type Error = D::Error;

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(visitor)
    }

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_any(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
        unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}
