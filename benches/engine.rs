//! Criterion benchmarks of the engine: one evaluation (plain, full, traced), a full what-if,
//! ranking 98 and 100,000 generated dossiers, and decoding cohorts of 98 and 20,000 from JSON
//! and CSV — valid (the fast path), and with one error in the last official (the fast path
//! declines, the value walk reports). `cargo bench --no-default-features`.

use criterion::{black_box, criterion_group, criterion_main, BatchSize, Criterion};
use dongliang::engine::{csv, demo, Cohort, Dossier, Engine, RuleSet};

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

/// The demo cohort of `size` as compact JSON, valid or with the last official's unit score 101.
fn cohort_json(size: usize, error_at_end: bool) -> String {
    let mut cohort = demo::cohort(2023, size, 2023);
    if error_at_end {
        cohort.officials[size - 1].unit_score = Some(101.0);
    }
    serde_json::to_string(&cohort).unwrap()
}

/// CSV text with the last official's unit score 101.
fn with_last_unit_score_101(text: &str) -> String {
    let mut records = csv::records(text).unwrap();
    let column = records[0].1.iter().position(|h| h == "unit_score").unwrap();
    records.last_mut().unwrap().1[column] = "101".into();
    let quote = |c: &String| {
        if c.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", c.replace('"', "\"\""))
        } else {
            c.clone()
        }
    };
    records
        .iter()
        .map(|(_, cells)| cells.iter().map(quote).collect::<Vec<_>>().join(",") + "\r\n")
        .collect()
}

fn decoding(c: &mut Criterion) {
    let rules = RuleSet::default();
    let mut group = c.benchmark_group("decode");
    for size in [98, 20_000] {
        if size > 1000 {
            group.sample_size(10);
        }
        let valid = cohort_json(size, false);
        let invalid = cohort_json(size, true);
        group.bench_function(format!("{size} from JSON"), |b| {
            b.iter(|| Cohort::from_json(black_box(&valid), &rules).unwrap())
        });
        group.bench_function(format!("{size} from JSON, one error at the end"), |b| {
            b.iter(|| Cohort::from_json(black_box(&invalid), &rules).unwrap_err())
        });
        let valid_csv = csv::write(&Cohort::from_json(&valid, &rules).unwrap().officials);
        let invalid_csv = with_last_unit_score_101(&valid_csv);
        group.bench_function(format!("{size} from CSV"), |b| {
            b.iter(|| csv::read(black_box(&valid_csv), &rules).unwrap())
        });
        group.bench_function(format!("{size} from CSV, one error at the end"), |b| {
            b.iter(|| csv::read(black_box(&invalid_csv), &rules).unwrap_err())
        });
    }
    group.finish();
}

criterion_group!(engine_benches, benches, decoding);
criterion_main!(engine_benches);
