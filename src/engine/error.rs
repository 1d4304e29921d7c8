//! Typed validation errors (spec §9). Each names the field path it concerns, serializes with a
//! `type` tag so a front end can show it beside its field, and reads in Chinese or English.

use serde::{Deserialize, Serialize};

use super::text::Lang;

/// What is wrong with one field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Problem {
    #[error("malformed JSON at line {line}, column {column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("expected {expected}, found {found}")]
    WrongType { expected: String, found: String },
    #[error("is required")]
    Missing,
    #[error("unknown field")]
    UnknownField,
    #[error("{value} is out of range {min}–{max}")]
    OutOfRange { value: f64, min: f64, max: f64 },
    #[error("{value} is not a whole number")]
    NotInteger { value: f64 },
    #[error("“{value}” is not one of {}", expected.join(", "))]
    UnknownValue { value: String, expected: Vec<String> },
    #[error("unknown item “{id}”")]
    UnknownItem { id: String },
    #[error("item “{id}” is listed more than once")]
    DuplicateItem { id: String },
    #[error("has {count} entries; {}", allowed_en(*min, *max))]
    Count { count: usize, min: usize, max: usize },
    #[error("“{id}” is a veto item and cannot be tolerated")]
    ToleratedVeto { id: String },
    #[error("is longer than {max} characters")]
    TooLong { max: usize },
    #[error("weights sum to {sum}, not 1")]
    WeightsSum { sum: f64 },
    #[error("{value} is not below the previous threshold {previous}")]
    NotDescending { value: f64, previous: f64 },
    #[error("must not be negative ({value})")]
    Negative { value: f64 },
    #[error("“{id}” appears more than once")]
    DuplicateId { id: String },
    /// Any other problem, worded in both languages.
    #[error("{en}")]
    Invalid { en: String, zh: String },
}

impl Problem {
    /// A problem with its English and Chinese wording.
    pub fn invalid(en: impl Into<String>, zh: impl Into<String>) -> Problem {
        Problem::Invalid {
            en: en.into(),
            zh: zh.into(),
        }
    }

    /// The message in the chosen language.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Zh => self.message_zh(),
        }
    }

    fn message_zh(&self) -> String {
        match self {
            Problem::Syntax {
                line,
                column,
                message,
            } => {
                format!("JSON 格式错误(第 {line} 行第 {column} 列):{message}")
            }
            Problem::WrongType { expected, found } => {
                format!("类型错误:应为{},实为{}", type_zh(expected), type_zh(found))
            }
            Problem::Missing => "必填项缺失".into(),
            Problem::UnknownField => "未知字段".into(),
            Problem::OutOfRange { value, min, max } => format!("{value} 超出范围 {min}–{max}"),
            Problem::NotInteger { value } => format!("{value} 不是整数"),
            Problem::UnknownValue { value, expected } => {
                format!("“{value}”不是有效取值({})", expected.join("、"))
            }
            Problem::UnknownItem { id } => format!("未知清单条目“{id}”"),
            Problem::DuplicateItem { id } => format!("条目“{id}”重复出现"),
            Problem::Count { count, min, max } if min == max => format!("共 {count} 项,应为 {min} 项"),
            Problem::Count { count, min, max } => format!("共 {count} 项,应为 {min}–{max} 项"),
            Problem::ToleratedVeto { id } => format!("“{id}”为一票否决项,不适用容错免责"),
            Problem::TooLong { max } => format!("超过 {max} 个字符"),
            Problem::WeightsSum { sum } => format!("权重合计为 {sum},应为 1"),
            Problem::NotDescending { value, previous } => {
                format!("分数线 {value} 未低于上一档 {previous}")
            }
            Problem::Negative { value } => format!("不能为负数({value})"),
            Problem::DuplicateId { id } => format!("“{id}”重复出现"),
            Problem::Invalid { zh, .. } => zh.clone(),
        }
    }
}

fn allowed_en(min: usize, max: usize) -> String {
    if min == max {
        format!("exactly {min} are required")
    } else {
        format!("{min}–{max} are allowed")
    }
}

fn type_zh(name: &str) -> &str {
    match name {
        "a number" => "数字",
        "a whole number" => "整数",
        "a string" => "文本",
        "an object" => "对象",
        "an array" => "数组",
        "true or false" => "布尔值",
        "null" => "空值",
        "a number or null" => "数字或空值",
        other => other,
    }
}

/// One problem at one field path, e.g. `pledges[1].quarters[2]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldError {
    /// The field path; empty for the document as a whole.
    pub path: String,
    #[serde(flatten)]
    pub problem: Problem,
}

impl FieldError {
    pub fn new(path: impl Into<String>, problem: Problem) -> Self {
        FieldError {
            path: path.into(),
            problem,
        }
    }

    /// `path: message` in the chosen language.
    pub fn line(&self, lang: Lang) -> String {
        let message = self.problem.message(lang);
        if self.path.is_empty() {
            message
        } else {
            format!("{}: {message}", self.path)
        }
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.line(Lang::En))
    }
}

/// Every problem found in one document, in document order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(transparent)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    pub fn push(&mut self, path: impl Into<String>, problem: Problem) {
        self.0.push(FieldError::new(path, problem));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, FieldError> {
        self.0.iter()
    }

    /// `Ok(value)` when nothing was found, the errors otherwise.
    pub fn into_result<T>(self, value: T) -> Result<T, FieldErrors> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }

    /// The same errors with every path put under `prefix` (for nested documents).
    pub fn nested(self, prefix: &str) -> FieldErrors {
        FieldErrors(
            self.0
                .into_iter()
                .map(|e| {
                    let path = match (prefix.is_empty(), e.path.is_empty()) {
                        (true, _) => e.path,
                        (false, true) => prefix.to_string(),
                        (false, false) if e.path.starts_with('[') => format!("{prefix}{}", e.path),
                        (false, false) => format!("{prefix}.{}", e.path),
                    };
                    FieldError {
                        path,
                        problem: e.problem,
                    }
                })
                .collect(),
        )
    }
}

impl std::fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for FieldErrors {}

impl IntoIterator for FieldErrors {
    type Item = FieldError;
    type IntoIter = std::vec::IntoIter<FieldError>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}
