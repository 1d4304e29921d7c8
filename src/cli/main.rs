//! `dongliang`: the command-line front end over the engine. Reads dossiers, cohorts and rule
//! sets as JSON, prints JSON (or a readable report with `--text`); invalid input exits with
//! status 2 and one `error: <path>: <message>` line per problem.

mod args;
mod files;

use std::io::Read;
use std::process::ExitCode;

use args::{Args, Command};
use dongliang::engine::{compare, csv, demo, report, Cohort, Dossier, Engine, FieldErrors, Lang, RuleSet};

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
    match run(&args) {
        Ok(output) => {
            // A closed pipe (`dongliang … | head`) is not an error worth a panic.
            let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), output.as_bytes());
            ExitCode::SUCCESS
        }
        Err(lines) => {
            for line in lines {
                eprintln!("error: {line}");
            }
            ExitCode::from(2)
        }
    }
}

fn read(path: &str) -> Result<String, Vec<String>> {
    let mut text = String::new();
    let result = if path == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(path).map(|t| text = t)
    };
    result
        .map(|_| text)
        .map_err(|e| vec![format!("{path}: cannot read: {e}")])
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

fn json<T: serde::Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("\"{e}\""));
    text.push('\n');
    text
}

fn run(args: &Args) -> Result<String, Vec<String>> {
    if let Command::Help = args.command {
        return Ok(format!("{}\n", args::USAGE));
    }
    if let Command::Version = args.command {
        return Ok(format!("dongliang {}\n", env!("CARGO_PKG_VERSION")));
    }
    let rules = rules(args)?;
    let engine = Engine::new(&rules);
    let file = args.file.as_deref().unwrap_or("-");
    match args.command {
        Command::Rules if args.text => Ok(report::rule_set(&rules, args.lang)),
        Command::Rules => Ok(json(&rules)),
        Command::Evaluate => {
            let dossier =
                Dossier::from_json(&read(file)?, &rules).map_err(|e| lines(e, args.error_lang, file))?;
            let result = if args.trace {
                engine.evaluate_traced(&dossier)
            } else {
                engine.evaluate(&dossier)
            };
            if args.text {
                return Ok(report::assessment(&dossier, &result, &rules, args.lang));
            }
            let mut value = serde_json::to_value(&result).map_err(|e| vec![e.to_string()])?;
            if let Some(map) = value.as_object_mut() {
                let about = serde_json::json!({"name": rules.name, "version": rules.version, "hash": rules.content_hash()});
                map.insert("rules".into(), about);
            }
            Ok(json(&value))
        }
        Command::WhatIf => {
            let dossier =
                Dossier::from_json(&read(file)?, &rules).map_err(|e| lines(e, args.error_lang, file))?;
            let report = engine.what_if(&dossier);
            if args.text {
                Ok(report::what_if(&report, &rules, args.lang))
            } else {
                Ok(json(&report))
            }
        }
        Command::Rank => {
            let cohort = read_cohort(file, &rules, args.error_lang)?;
            let ranking = engine.rank(&cohort.officials);
            if args.text {
                Ok(report::ranking(&ranking, &rules, args.lang))
            } else {
                Ok(json(&ranking.officials))
            }
        }
        Command::Compare => {
            let cohort = read_cohort(file, &rules, args.error_lang)?;
            let path = args.variant.as_deref().unwrap_or_default();
            let variant = RuleSet::from_json(&read(path)?).map_err(|e| lines(e, args.error_lang, path))?;
            let comparison = compare::compare(&cohort.officials, &engine, &Engine::new(&variant));
            if args.text {
                Ok(report::comparison(&comparison, &rules, &variant, args.lang))
            } else {
                Ok(json(&comparison))
            }
        }
        Command::Csv => Ok(csv::write(&read_cohort(file, &rules, args.error_lang)?.officials)),
        Command::Json => Ok(json(&read_cohort(file, &rules, args.error_lang)?)),
        Command::Demo => Ok(json(&demo::cohort(args.seed, args.size, rules.effective_year))),
        Command::Template => Ok(csv::template(&files::template_example(&rules)?)),
        Command::Help | Command::Version | Command::Xlsx => unreachable!("handled above"),
    }
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
            xlsx::comparison(
                &compare::compare(&cohort.officials, &engine, &Engine::new(&variant)),
                args.lang,
            )
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
    files::read_cohort(file, rules, lang, |e| lines(e, lang, file))
}
