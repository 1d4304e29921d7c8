//! Command-line arguments of `dongliang`, parsed by hand.

use dongliang::engine::Lang;

pub const USAGE: &str = "usage:
  dongliang evaluate FILE [--rules RULES] [--trace] [--text] [--lang zh|en]
  dongliang whatif FILE [--rules RULES] [--text] [--lang zh|en]
  dongliang rank FILE [--rules RULES] [--text] [--lang zh|en] [--format json|jsonl|csv]
  dongliang rules [--rules RULES] [--text] [--lang zh|en]
  dongliang demo [--seed N] [--size N]      a fictional demo cohort (98 officials) as JSON
  dongliang compare FILE --variant RULES [--rules RULES] [--text]   one cohort under two rule sets
  dongliang csv FILE                        a JSON cohort as CSV (UTF-8 with BOM)
  dongliang json FILE                       a CSV or .xlsx cohort as JSON
  dongliang xlsx FILE > cohort.xlsx         a cohort as an .xlsx workbook
  dongliang template [--format csv|xlsx]    the cohort template (CSV, or .xlsx with explanations)
FILE is a dossier (evaluate, whatif) or a cohort {\"officials\": [...]} (rank), as JSON; a cohort
may also be CSV (a FILE ending in .csv, .tsv or .txt: UTF-8, UTF-16 or GBK, comma, tab or
semicolon) or an .xlsx workbook. - reads standard input.
Output is JSON unless --text asks for a readable report; --compact writes JSON on one line.
rank --format jsonl writes one official a line, --format csv a table (UTF-8 with BOM);
rank --format xlsx and compare --format xlsx write a workbook (redirect it to a file).
Invalid input exits with status 2.";

/// How `rank` writes the ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// An indented JSON array (or one line with `--compact`).
    Json,
    /// One JSON object a line.
    Jsonl,
    /// A table, UTF-8 with a byte-order mark.
    Csv,
    /// An .xlsx workbook (rank, compare, template).
    Xlsx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Evaluate,
    WhatIf,
    Rank,
    Rules,
    Demo,
    Csv,
    Json,
    Compare,
    Xlsx,
    Template,
    Help,
    Version,
}

#[derive(Debug)]
pub struct Args {
    pub command: Command,
    pub file: Option<String>,
    pub rules: Option<String>,
    pub variant: Option<String>,
    pub text: bool,
    pub trace: bool,
    /// JSON on one line instead of indented.
    pub compact: bool,
    /// `rank --format`; `None` when not given.
    pub format: Option<Format>,
    pub lang: Lang,
    pub seed: u64,
    pub size: usize,
    /// The language of error messages: English unless `--lang` is given.
    pub error_lang: Lang,
}

impl Args {
    pub fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
        let command = match args.next().as_deref() {
            Some("evaluate") => Command::Evaluate,
            Some("whatif") | Some("what-if") => Command::WhatIf,
            Some("rank") => Command::Rank,
            Some("rules") => Command::Rules,
            Some("demo") => Command::Demo,
            Some("csv") => Command::Csv,
            Some("compare") => Command::Compare,
            Some("json") => Command::Json,
            Some("xlsx") => Command::Xlsx,
            Some("template") => Command::Template,
            Some("help") | Some("--help") | Some("-h") => Command::Help,
            Some("--version") | Some("-V") => Command::Version,
            Some(other) => return Err(format!("unknown command “{other}”")),
            None => return Err("a command is required".into()),
        };
        let mut parsed = Args {
            command,
            file: None,
            rules: None,
            variant: None,
            text: false,
            trace: false,
            compact: false,
            format: None,
            lang: Lang::Zh,
            error_lang: Lang::En,
            seed: 2023,
            size: 98,
        };
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--rules" => parsed.rules = Some(args.next().ok_or("--rules needs a file")?),
                "--variant" => parsed.variant = Some(args.next().ok_or("--variant needs a file")?),
                "--text" => parsed.text = true,
                "--trace" => parsed.trace = true,
                "--compact" => parsed.compact = true,
                "--format" => {
                    parsed.format = Some(match args.next().as_deref() {
                        Some("json") => Format::Json,
                        Some("jsonl") => Format::Jsonl,
                        Some("csv") => Format::Csv,
                        Some("xlsx") => Format::Xlsx,
                        other => {
                            return Err(format!(
                                "--format takes json, jsonl, csv or xlsx, not {}",
                                other.unwrap_or("nothing")
                            ))
                        }
                    })
                }
                "--lang" => {
                    parsed.lang = match args.next().as_deref() {
                        Some("zh") => Lang::Zh,
                        Some("en") => Lang::En,
                        other => {
                            return Err(format!(
                                "--lang takes zh or en, not {}",
                                other.unwrap_or("nothing")
                            ))
                        }
                    };
                    parsed.error_lang = parsed.lang;
                }
                "--seed" => parsed.seed = number(args.next(), "--seed", u64::MAX)?,
                "--size" => parsed.size = number(args.next(), "--size", 1_000_000)? as usize,
                "--help" | "-h" => parsed.command = Command::Help,
                flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
                file if parsed.file.is_none() => parsed.file = Some(file.to_string()),
                extra => return Err(format!("unexpected argument “{extra}”")),
            }
        }
        let needs_file = matches!(
            parsed.command,
            Command::Evaluate | Command::WhatIf | Command::Rank | Command::Xlsx
        );
        if needs_file && parsed.file.is_none() {
            return Err("FILE is required (use - for standard input)".into());
        }
        let allowed = matches!(
            (parsed.command, parsed.format),
            (_, None)
                | (Command::Rank, _)
                | (Command::Compare, Some(Format::Xlsx))
                | (Command::Template, Some(Format::Csv | Format::Xlsx))
        );
        if !allowed {
            return Err(
                "--format is an option of rank (json, jsonl, csv, xlsx), compare (xlsx) and template (csv, xlsx)"
                    .into(),
            );
        }
        if parsed.format.is_some() && parsed.text {
            return Err("--format and --text: choose one".into());
        }
        if parsed.command == Command::Compare && parsed.variant.is_none() {
            return Err("compare needs --variant RULES".into());
        }
        Ok(parsed)
    }

    /// True when the output is an .xlsx workbook.
    pub fn wants_workbook(&self) -> bool {
        self.command == Command::Xlsx || self.format == Some(Format::Xlsx)
    }
}

fn number(value: Option<String>, flag: &str, max: u64) -> Result<u64, String> {
    match value.as_deref().map(str::parse::<u64>) {
        Some(Ok(n)) if (1..=max).contains(&n) => Ok(n),
        _ => Err(format!("{flag} takes a whole number from 1 to {max}")),
    }
}
