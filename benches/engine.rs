//! Criterion benchmarks of the engine: one evaluation (plain, full, traced), a full what-if,
//! and ranking 98 and 100,000 generated dossiers. `cargo bench --no-default-features`.

use criterion::{black_box, criterion_group, criterion_main, BatchSize, Criterion};
use dongliang::engine::{Dossier, Engine, RuleSet};

const EXAMPLE_01: &str = include_str!("../tests/data/bench/01-complete-good.json");
const EXAMPLE_02: &str = include_str!("../tests/data/bench/02-midyear-vetoed.json");

/// A deterministic cohort: example 01 with scores and grades varied by a small LCG.
fn cohort(size: usize, rules: &RuleSet) -> Vec<Dossier> {
    let base = Dossier::from_json(EXAMPLE_01, rules).expect("example 01 is valid");
    let mut seed: u64 = 0x5eed;
    let mut next = move |range: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % range
    };
    (0..size)
        .map(|i| {
            let mut d = base.clone();
            d.name = Some(format!("干部{i}"));
            d.unit_score = Some(70.0 + next(30) as f64);
            for p in &mut d.pledges {
                for q in &mut p.quarters {
                    *q = Some(60.0 + next(41) as f64);
                }
            }
            if let Some(v) = d.votes.peers.as_mut() {
                v.good = next(30) as u32;
            }
            d
        })
        .collect()
}

fn benches(c: &mut Criterion) {
    let rules = RuleSet::default();
    let engine = Engine::new(&rules);
    let dossier = Dossier::from_json(EXAMPLE_01, &rules).unwrap();
    let midyear = Dossier::from_json(EXAMPLE_02, &rules).unwrap();

    c.bench_function("score (plain evaluation)", |b| {
        b.iter(|| engine.score(black_box(&dossier)))
    });
    c.bench_function("evaluate (full assessment)", |b| {
        b.iter(|| engine.evaluate(black_box(&dossier)))
    });
    c.bench_function("evaluate with trace", |b| {
        b.iter(|| engine.evaluate_traced(black_box(&dossier)))
    });
    c.bench_function("what-if (complete year)", |b| {
        b.iter(|| engine.what_if(black_box(&dossier)))
    });
    c.bench_function("what-if (mid-year, vetoed)", |b| {
        b.iter(|| engine.what_if(black_box(&midyear)))
    });
    c.bench_function("parse and validate a dossier", |b| {
        b.iter(|| Dossier::from_json(black_box(EXAMPLE_01), &rules).unwrap())
    });

    let small = cohort(98, &rules);
    c.bench_function("rank 98", |b| b.iter(|| engine.rank(black_box(&small))));
    let large = cohort(100_000, &rules);
    let mut group = c.benchmark_group("large");
    group.sample_size(20);
    group.bench_function("rank 100000", |b| {
        b.iter_batched(|| (), |_| engine.rank(black_box(&large)), BatchSize::PerIteration)
    });
    group.finish();
}

criterion_group!(engine_benches, benches);
criterion_main!(engine_benches);
