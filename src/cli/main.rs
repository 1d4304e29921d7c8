//! `dongliang`: the command-line front end over the engine. Reads dossiers, cohorts and rule
//! sets as JSON, prints JSON (or a readable report with `--text`); invalid input exits with
//! status 2 and one `error: <path>: <message>` line per problem.
//!
//! Output is streamed through one buffered writer on the locked standard output: nothing is
//! written before the input has been read and checked, so invalid input leaves stdout empty.

mod args;
mod files;
mod input;
mod output;

/// The allocator (Cargo.toml says why).
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use args::{Args, Command, Format};
use dongliang::engine::{
    compare, csv, demo, fast, report, Cohort, Dossier, Engine, FieldErrors, Lang, Ranking, RuleSet, RulesMark,
};
use input::{read, read_bytes, text};

/// Why a command did not finish.
enum Failure {
    /// Invalid input or a file that cannot be read: one line per problem, status 2.
    Input(Vec<String>),
    /// The output could not be written.
    Output(io::Error),
}

impl From<Vec<String>> for Failure {
    fn from(lines: Vec<String>) -> Self {
        Failure::Input(lines)
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Output(e)
    }
}

impl From<serde_json::Error> for Failure {
    fn from(e: serde_json::Error) -> Self {
        Failure::Output(e.into())
    }
}

fn main() -> ExitCode {
    let args = match Args::parse(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("error: {message}");
            eprintln!("{}", args::USAGE);
            return ExitCode::from(2);
        }
    };
    if args.wants_workbook() {
        return match workbook(&args).and_then(|bytes| files::write_binary(&bytes, args.error_lang)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(lines) => {
                for line in lines {
                    eprintln!("error: {line}");
                }
                ExitCode::from(2)
            }
        };
    }
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let result = run(&args, &mut out).and_then(|()| out.flush().map_err(Failure::Output));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`dongliang … | head`) is not an error worth a message.
        Err(Failure::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Output(e)) => {
            eprintln!("error: cannot write the output: {e}");
            ExitCode::from(1)
        }
        Err(Failure::Input(lines)) => {
            for line in lines {
                eprintln!("error: {line}");
            }
            ExitCode::from(2)
        }
    }
}

fn lines(errors: FieldErrors, lang: Lang, file: &str) -> Vec<String> {
    errors
        .iter()
        .map(|e| {
            if e.path.is_empty() {
                format!("{file}: {}", e.problem.message(lang))
            } else {
                e.line(lang)
            }
        })
        .collect()
}

/// JSON, indented (as `serde_json::to_string_pretty`) or on one line, and a line end.
fn json<T: serde::Serialize>(out: &mut impl Write, value: &T, compact: bool) -> Result<(), Failure> {
    if compact {
        serde_json::to_writer(&mut *out, value)?;
    } else {
        serde_json::to_writer_pretty(&mut *out, value)?;
    }
    out.write_all(b"\n")?;
    Ok(())
}

fn run(args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    if let Command::Help = args.command {
        return Ok(writeln!(out, "{}", args::USAGE)?);
    }
    if let Command::Version = args.command {
        return Ok(writeln!(out, "dongliang {}", env!("CARGO_PKG_VERSION"))?);
    }
    let rules = rules(args)?;
    let engine = Engine::new(&rules);
    let file = args.file.as_deref().unwrap_or("-");
    let compact = args.compact;
    match args.command {
        Command::Rules if args.text => out.write_all(report::rule_set(&rules, args.lang).as_bytes())?,
        Command::Rules => json(out, &rules, compact)?,
        Command::Evaluate => {
            let dossier = read_dossier(file, &rules, args.error_lang)?;
            let result = if args.trace {
                engine.evaluate_traced(&dossier)
            } else {
                engine.evaluate(&dossier)
            };
            if args.text {
                out.write_all(report::assessment(&dossier, &result, &rules, args.lang).as_bytes())?;
                return Ok(());
            }
            let mut value = serde_json::to_value(&result)?;
            if let Some(map) = value.as_object_mut() {
                let about = serde_json::json!({"name": rules.name, "version": rules.version, "hash": rules.content_hash()});
                map.insert("rules".into(), about);
            }
            json(out, &value, compact)?
        }
        Command::WhatIf => {
            let dossier = read_dossier(file, &rules, args.error_lang)?;
            let report = engine.what_if(&dossier);
            if args.text {
                out.write_all(report::what_if(&report, &rules, args.lang).as_bytes())?
            } else {
                json(out, &report, compact)?
            }
        }
        Command::Rank => {
            let ranking = rank(file, &engine, &rules, args.error_lang)?;
            let style = match args.format.unwrap_or(Format::Json) {
                Format::Json if compact => output::Style::Compact,
                Format::Json => output::Style::Pretty,
                Format::Jsonl => output::Style::Lines,
                Format::Csv => output::Style::Csv,
                Format::Xlsx => unreachable!("written by workbook()"),
            };
            if args.text {
                out.write_all(report::ranking(&ranking, &rules, args.lang).as_bytes())?
            } else {
                output::ranking(out, &ranking.officials, style)?
            }
            std::mem::forget(ranking);
        }
        Command::Compare => {
            let cohort = read_cohort(file, &rules, args.error_lang)?;
            let path = args.variant.as_deref().unwrap_or_default();
            let variant = RuleSet::from_json(&read(path)?).map_err(|e| lines(e, args.error_lang, path))?;
            let comparison = compare::compare(&cohort.officials, &engine, &Engine::new(&variant));
            if args.text {
                out.write_all(report::comparison(&comparison, &rules, &variant, args.lang).as_bytes())?
            } else {
                json(out, &comparison, compact)?
            }
        }
        Command::Csv => csv::write_to(out, &read_cohort(file, &rules, args.error_lang)?.officials)?,
        Command::Json => {
            let mut cohort = read_cohort(file, &rules, args.error_lang)?;
            cohort.rules = Some(RulesMark::of(&rules));
            json(out, &cohort, compact)?
        }
        Command::Demo => json(
            out,
            &demo::cohort(args.seed, args.size, rules.effective_year),
            compact,
        )?,
        Command::Template => out.write_all(csv::template(&files::template_example(&rules)?).as_bytes())?,
        Command::Help | Command::Version | Command::Xlsx => unreachable!("handled above"),
    }
    Ok(())
}

fn rules(args: &Args) -> Result<RuleSet, Vec<String>> {
    match &args.rules {
        Some(path) => RuleSet::from_json(&read(path)?).map_err(|e| lines(e, args.error_lang, path)),
        None => Ok(RuleSet::default()),
    }
}

/// The commands whose output is an .xlsx workbook: `xlsx`, `template --format xlsx`,
/// `rank --format xlsx`, `compare --format xlsx`.
#[cfg(feature = "xlsx")]
fn workbook(args: &Args) -> Result<Vec<u8>, Vec<String>> {
    use dongliang::engine::xlsx;
    let rules = rules(args)?;
    let engine = Engine::new(&rules);
    let file = args.file.as_deref().unwrap_or("-");
    let written = match args.command {
        Command::Template => xlsx::template(&files::template_example(&rules)?, &rules),
        Command::Rank => {
            let cohort = read_cohort(file, &rules, args.error_lang)?;
            xlsx::ranking(&engine.rank(&cohort.officials), &rules, args.lang)
        }
        Command::Compare => {
            let cohort = read_cohort(file, &rules, args.error_lang)?;
            let path = args.variant.as_deref().unwrap_or_default();
            let variant = RuleSet::from_json(&read(path)?).map_err(|e| lines(e, args.error_lang, path))?;
            let comparison = compare::compare(&cohort.officials, &engine, &Engine::new(&variant));
            xlsx::comparison(&comparison, args.lang)
        }
        _ => xlsx::cohort(&read_cohort(file, &rules, args.error_lang)?.officials, &rules),
    };
    written.map_err(|e| vec![e.to_string()])
}

#[cfg(not(feature = "xlsx"))]
fn workbook(_: &Args) -> Result<Vec<u8>, Vec<String>> {
    Err(vec![
        "this build writes no .xlsx workbooks (build it with --features xlsx)".into(),
    ])
}

/// A cohort from JSON, CSV (any encoding Excel and WPS write) or an .xlsx workbook.
fn read_cohort(file: &str, rules: &RuleSet, lang: Lang) -> Result<Cohort, Vec<String>> {
    let cohort = files::read_cohort(file, rules, lang, |e| lines(e, lang, file))?;
    files::note_other_rules(file, cohort.rules.as_ref(), rules, lang);
    Ok(cohort)
}

/// A dossier from JSON, with a note when it was written under other rules.
fn read_dossier(file: &str, rules: &RuleSet, lang: Lang) -> Result<Dossier, Vec<String>> {
    let dossier = Dossier::from_json(&read(file)?, rules).map_err(|e| lines(e, lang, file))?;
    files::note_other_rules(file, dossier.rules.as_ref(), rules, lang);
    Ok(dossier)
}

/// The ranking of a cohort file. A UTF-8 file of JSON or CSV is ranked as it is decoded: of
/// each official only the score and what the ranking shows are kept (`Engine::standing`), and
/// the memory of the rest serves the next one. Anything else (another encoding, a workbook,
/// JSON that the fast path declines) is read as a cohort, with the errors of invalid input, and
/// ranked: the same ranking either way.
///
/// The process ends right after: the input and the cohort are not freed (unmapping the file
/// and freeing a large cohort one string at a time would only add to the wait), the memory
/// goes back to the system at exit anyway.
fn rank(file: &str, engine: &Engine, rules: &RuleSet, lang: Lang) -> Result<Ranking, Vec<String>> {
    let bytes = read_bytes(file)?;
    let plain = !files::is_workbook(file, &bytes) && !bytes.contains(&0);
    let utf8 = plain.then(|| text(&bytes, file).ok()).flatten();
    let standings = match utf8.map(|t| t.strip_prefix('\u{FEFF}').unwrap_or(t)) {
        Some(text) if files::is_table(file) => {
            Some(csv::read_with(text, rules, |d| engine.standing(d)).map_err(csv_lines)?)
        }
        Some(text) => fast::cohort_with(text, rules, |d| engine.standing(d)),
        None => None,
    };
    let ranking = match standings {
        Some(standings) => engine.rank_standings(standings),
        None => {
            let cohort = files::read_cohort_from(file, &bytes, rules, lang, |e| lines(e, lang, file))?;
            let ranking = engine.rank(&cohort.officials);
            std::mem::forget(cohort);
            ranking
        }
    };
    std::mem::forget(bytes);
    Ok(ranking)
}

fn csv_lines(errors: Vec<csv::CsvError>) -> Vec<String> {
    errors.iter().map(|e| e.to_string()).collect()
}
