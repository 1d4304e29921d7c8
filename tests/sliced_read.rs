//! The workshop's import reads a large cohort a slice at a time (`fast::Slices` for JSON,
//! `csv::Slices` for CSV), a step between frames. Whatever the slices' size, the result is the
//! one of reading the file whole: the same officials, or the same errors in the same order.

mod common;

use common::default_rules as rules;
use dongliang::engine::{csv, demo, fast, Cohort, Dossier, FieldErrors};
use proptest::prelude::*;

/// Steps a sliced reader until it is done: its result and the number of steps. `step` gives
/// a step's result and the bytes read after it; every step but the last reads on from `read`.
fn drive<R>(mut read: usize, mut step: impl FnMut() -> (Option<R>, usize)) -> (R, usize) {
    for steps in 1.. {
        let (result, now) = step();
        if let Some(result) = result {
            return (result, steps);
        }
        assert!(now > read, "every step reads on");
        read = now;
    }
    unreachable!()
}

fn json_sliced(text: &str, bytes: usize) -> (Result<Cohort, FieldErrors>, usize) {
    let mut slices = fast::Slices::new(text.to_string());
    drive(slices.progress().0, || {
        let result = slices.step(rules(), bytes);
        assert_eq!(slices.progress().1, text.len());
        (result, slices.progress().0)
    })
}

fn csv_sliced(text: &str, bytes: usize) -> (Result<Vec<Dossier>, Vec<csv::CsvError>>, usize) {
    let mut slices = csv::Slices::new(text.to_string());
    drive(slices.progress().0, || {
        let result = slices.step(rules(), bytes);
        (result, slices.progress().0)
    })
}

fn json_whole(text: &str) -> Result<Cohort, FieldErrors> {
    Cohort::from_json(text, rules())
}

fn csv_whole(text: &str) -> Result<Vec<Dossier>, Vec<csv::CsvError>> {
    csv::read(text, rules()).map(|c| c.officials)
}

const SIZES: [usize; 5] = [0, 1, 700, 4096, usize::MAX];

#[test]
fn a_valid_cohort_read_in_slices_is_the_cohort_read_whole() {
    for (seed, size) in [(1, 0), (2, 1), (3, 7), (4, 98), (5, 600)] {
        let officials = demo::cohort(seed, size, 2023).officials;
        let json = format!(
            "{{\"officials\": {}}}",
            serde_json::to_string_pretty(&officials).unwrap()
        );
        let csv_text = csv::write(&officials);
        for bytes in SIZES {
            let (json_read, json_steps) = json_sliced(&json, bytes);
            let json_read = (
                json_read.map(|c| c.officials).map_err(|e| format!("{e:?}")),
                json_steps,
            );
            let (csv_read, csv_steps) = csv_sliced(&csv_text, bytes);
            let csv_read = (csv_read.map_err(|e| format!("{e:?}")), csv_steps);
            for (form, (read, steps)) in [("JSON", json_read), ("CSV", csv_read)] {
                assert_eq!(
                    read.as_ref(),
                    Ok(&officials),
                    "{form}, {size} officials, slices of {bytes}"
                );
                if bytes == 700 && size > 7 {
                    assert!(
                        steps > size / 4,
                        "small slices take many steps ({steps} for {size})"
                    );
                }
            }
        }
    }
}

#[test]
fn a_cohort_with_errors_read_in_slices_has_the_errors_of_reading_it_whole() {
    let officials = demo::cohort(9, 40, 2023).officials;
    let json = format!(
        "{{\"officials\": {}}}",
        serde_json::to_string(&officials).unwrap()
    );
    let csv_text = csv::write(&officials);
    let mut lines: Vec<&str> = csv_text.lines().collect();
    let header = lines[0];
    let bad_cells = lines[30].replacen(",", ",,", 1);
    let mut faulty_csv = vec![
        String::new(),
        "\u{feff}".to_string(),
        "name,unknown_column\r\nx,y".to_string(),
        csv_text.replacen("A", "Q", 3),
        format!("{csv_text}\"open quote"),
        format!("{header}\r\n"),
        format!("\u{feff}\u{feff}{csv_text}"),
    ];
    lines[30] = &bad_cells;
    faulty_csv.push(lines.join("\r\n"));
    for text in &faulty_csv {
        let whole = csv_whole(text);
        assert!(
            whole.is_err() || text.ends_with("\r\n"),
            "{text:.80}: a faulty file"
        );
        for bytes in SIZES {
            assert_eq!(
                csv_sliced(text, bytes).0,
                whole,
                "CSV {:?}…, slices of {bytes}",
                &text.chars().take(40).collect::<String>()
            );
        }
    }
    let faulty_json = [
        String::new(),
        "{\"officials\": []}".to_string(),
        "{\"officials\": [1, 2]}".to_string(),
        json.replacen("\"grade\":\"A\"", "\"grade\":\"Q\"", 1),
        json.replacen("\"grade\":\"B\"", "\"grade\":\"Q\"", 1),
        format!("{}, ]}}", json.trim_end_matches("]}")),
        json.trim_end_matches('}').to_string(),
        json.replacen("{\"officials\"", "{\"officials\": [], \"x\"", 1),
        format!("[{}]", json),
        // The mark of the rules a cohort was written under, before or after its officials,
        // well-formed or not.
        json.replacen(
            "{\"officials\"",
            "{\"rules\": {\"name\": \"x\", \"version\": \"1\", \"hash\": \"ab12\"}, \"officials\"",
            1,
        ),
        json.replacen("{\"officials\"", "{\"rules\": {\"name\": 1}, \"officials\"", 1),
        format!(
            "{}, \"rules\": {{\"name\": \"x\", \"version\": \"1\", \"hash\": \"ab12\"}}}}",
            json.trim_end_matches('}')
        ),
    ];
    for text in &faulty_json {
        let whole = json_whole(text);
        assert!(
            whole.is_err() || text == "{\"officials\": []}" || text.contains("\"ab12\""),
            "{text:.80}: a faulty file"
        );
        for bytes in SIZES {
            assert_eq!(
                json_sliced(text, bytes).0,
                whole,
                "JSON {:?}…, slices of {bytes}",
                &text.chars().take(40).collect::<String>()
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any cut of any demo cohort, CSV with any delimiter the reader detects.
    #[test]
    fn slices_of_any_size_read_what_the_whole_file_reads(seed in 0u64..1000, size in 0usize..60, bytes in 1usize..5000, delimiter in prop::sample::select(vec![',', '\t', ';'])) {
        let officials = demo::cohort(seed, size, 2023).officials;
        let json = format!("{{\"officials\": {}}}", serde_json::to_string(&officials).unwrap());
        prop_assert_eq!(json_sliced(&json, bytes).0.map(|c| c.officials), Ok(officials.clone()));
        let text = csv::write(&officials);
        let text = if delimiter == ',' { text } else {
            // Re-delimit: the demo's cells hold no commas outside quotes that change meaning.
            let rows = csv::records(&text).unwrap();
            rows.iter().map(|(_, cells)| cells.iter().map(|c| {
                if c.contains([delimiter, '"', '\n', '\r', ',']) { format!("\"{}\"", c.replace('"', "\"\"")) } else { c.clone() }
            }).collect::<Vec<_>>().join(&delimiter.to_string())).collect::<Vec<_>>().join("\r\n")
        };
        prop_assert_eq!(csv_sliced(&text, bytes).0, csv_whole(&text));
        prop_assert_eq!(csv_whole(&text), Ok(officials));
    }
}

/// The workshop ranks a large cohort a piece at a time: `Engine::ranking_of` and its steps
/// give `Engine::rank`'s ranking, whatever the steps (the demo cohort has ties, vetoes and
/// the quota at work).
#[test]
fn a_ranking_made_a_piece_at_a_time_is_the_ranking() {
    use dongliang::engine::Engine;
    let engine = Engine::new(rules());
    for size in [0, 1, 98, 1000] {
        let officials = demo::cohort(3, size, 2023).officials;
        let scores: Vec<_> = officials.iter().map(|d| engine.score(d)).collect();
        for n in [1, 7, 1000, usize::MAX] {
            let mut build = engine.ranking_of(&scores);
            let mut steps = 0;
            while !build.step((&officials, &scores), rules(), n) {
                steps += 1;
                assert!(steps <= size, "every step makes entries");
            }
            assert_eq!(build.progress(), (size, size));
            assert_eq!(
                build.finish(),
                engine.rank(&officials),
                "{size} officials, {n} a step"
            );
        }
    }
}
