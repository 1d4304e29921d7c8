//! What reading and writing files weighs in the browser: the CSV path every build has (decode,
//! read, rank, write) and, with feature `xlsx`, the .xlsx reader and the four workbook writers.
//! Built for the browser twice by `scripts/size-files.sh` (without and with `xlsx`); the
//! difference is what the xlsx crates add. See README "Files".

use std::hint::black_box;

use dongliang::engine::{csv, encoding, Engine, RuleSet};

/// `SIZE_FILES=read` or `=write` at build time keeps only the reader or only the writers
/// (compared in a const so that even `opt-level = "z"` drops the other side).
#[cfg(feature = "xlsx")]
const ONLY_READ: bool = is(option_env!("SIZE_FILES"), "read");
#[cfg(feature = "xlsx")]
const ONLY_WRITE: bool = is(option_env!("SIZE_FILES"), "write");

#[cfg(feature = "xlsx")]
const fn is(value: Option<&str>, expected: &str) -> bool {
    let Some(value) = value else { return false };
    let (a, b) = (value.as_bytes(), expected.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

fn main() {
    let rules = RuleSet::default();
    let engine = Engine::new(&rules);
    let bytes: Vec<u8> = black_box(Vec::new());
    // GB18030 is the caller's (the browser's TextDecoder): opaque here.
    let decoded = encoding::decode(&bytes, |b| {
        black_box(None::<String>).or_else(|| black_box(b).first().map(|_| String::new()))
    });
    let text = decoded.map(|d| d.text).unwrap_or_default();
    let Ok(cohort) = csv::read(&text, &rules) else {
        return;
    };
    let ranking = engine.rank(&cohort.officials);
    black_box(csv::write(&cohort.officials));
    black_box(&ranking);
    #[cfg(feature = "xlsx")]
    {
        use dongliang::engine::{compare, xlsx, Lang};
        if !ONLY_WRITE {
            let _ = black_box(xlsx::read(&bytes, &rules).map(|i| i.cohort));
        }
        if !ONLY_READ {
            let _ = black_box(xlsx::cohort(&cohort.officials, &rules));
            let _ = black_box(xlsx::ranking(&ranking, &rules, Lang::Zh));
            let comparison = compare::compare(&cohort.officials, &engine, &engine);
            let _ = black_box(xlsx::comparison(&comparison, Lang::En));
            if let Some(example) = cohort.officials.first() {
                let _ = black_box(xlsx::template(example, &rules));
            }
        }
    }
}
