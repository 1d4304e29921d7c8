//! A small reader over `serde_json::Value` that decodes a document field by field, keeping
//! the field path and collecting every problem instead of stopping at the first.

use serde_json::{Map, Value};

use super::error::{FieldError, FieldErrors, Problem};

/// A JSON syntax error as a field error of the whole document.
pub(crate) fn syntax_error(err: &serde_json::Error) -> FieldError {
    let message = err.to_string();
    let message = message.split(" at line ").next().unwrap_or(&message).to_string();
    FieldError::new(
        "",
        Problem::Syntax {
            line: err.line(),
            column: err.column(),
            message,
        },
    )
}

/// Parses text as JSON, or reports where it is malformed.
pub(crate) fn parse_value(text: &str) -> Result<Value, FieldErrors> {
    serde_json::from_str(text).map_err(|e| FieldErrors(vec![syntax_error(&e)]))
}

/// The kind of a JSON value, as error messages name it.
pub(crate) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Collects problems while a document is decoded.
#[derive(Default)]
pub(crate) struct Reader {
    pub errors: FieldErrors,
}

/// Joins a field name to a path.
pub(crate) fn field_path(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_string()
    } else {
        format!("{path}.{field}")
    }
}

impl Reader {
    pub fn problem(&mut self, path: &str, problem: Problem) {
        self.errors.push(path, problem);
    }

    pub fn wrong_type(&mut self, path: &str, expected: &str, found: &Value) {
        let problem = Problem::WrongType {
            expected: expected.into(),
            found: kind(found).into(),
        };
        self.problem(path, problem);
    }

    /// Reports an explicit `null` where only a value or absence is allowed.
    pub fn reject_null(&mut self, path: &str, value: Option<&Value>, expected: &str) {
        if let Some(Value::Null) = value {
            self.wrong_type(path, expected, &Value::Null);
        }
    }

    /// The value as an object whose fields all belong to `known`; unknown ones are reported.
    pub fn object<'v>(
        &mut self,
        path: &str,
        value: &'v Value,
        known: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Value::Object(map) = value else {
            self.wrong_type(path, "an object", value);
            return None;
        };
        for key in map.keys() {
            if !known.contains(&key.as_str()) {
                self.problem(&field_path(path, key), Problem::UnknownField);
            }
        }
        Some(map)
    }

    pub fn array<'v>(&mut self, path: &str, value: &'v Value) -> Option<&'v Vec<Value>> {
        match value {
            Value::Array(items) => Some(items),
            other => {
                self.wrong_type(path, "an array", other);
                None
            }
        }
    }

    /// An optional number in `min..=max`; `null` or absence is `None`.
    pub fn number(&mut self, path: &str, value: Option<&Value>, min: f64, max: f64) -> Option<f64> {
        match value? {
            Value::Null => None,
            Value::Number(n) => {
                let x = n.as_f64()?;
                if x >= min && x <= max {
                    Some(x)
                } else {
                    self.problem(path, Problem::OutOfRange { value: x, min, max });
                    None
                }
            }
            other => {
                self.wrong_type(path, "a number or null", other);
                None
            }
        }
    }

    /// An optional whole number in `min..=max`.
    pub fn integer(&mut self, path: &str, value: Option<&Value>, min: f64, max: f64) -> Option<i64> {
        match value? {
            Value::Number(n) => {
                let x = n.as_f64()?;
                if x.fract() != 0.0 {
                    self.problem(path, Problem::NotInteger { value: x });
                    None
                } else if x < min || x > max {
                    self.problem(path, Problem::OutOfRange { value: x, min, max });
                    None
                } else {
                    Some(x as i64)
                }
            }
            Value::Null => None,
            other => {
                self.wrong_type(path, "a whole number", other);
                None
            }
        }
    }

    /// An optional string of at most `max` characters.
    pub fn string(&mut self, path: &str, value: Option<&Value>, max: usize) -> Option<String> {
        match value? {
            Value::String(s) if s.chars().count() <= max => Some(s.clone()),
            Value::String(_) => {
                self.problem(path, Problem::TooLong { max });
                None
            }
            Value::Null => None,
            other => {
                self.wrong_type(path, "a string", other);
                None
            }
        }
    }

    pub fn boolean(&mut self, path: &str, value: Option<&Value>) -> Option<bool> {
        match value? {
            Value::Bool(b) => Some(*b),
            Value::Null => None,
            other => {
                self.wrong_type(path, "true or false", other);
                None
            }
        }
    }

    /// An optional id from a closed vocabulary.
    pub fn choice<T>(
        &mut self,
        path: &str,
        value: Option<&Value>,
        parse: fn(&str) -> Option<T>,
        ids: &[&str],
    ) -> Option<T> {
        match value? {
            Value::String(s) => {
                let parsed = parse(s);
                if parsed.is_none() {
                    let expected = ids.iter().map(|s| s.to_string()).collect();
                    self.problem(
                        path,
                        Problem::UnknownValue {
                            value: s.clone(),
                            expected,
                        },
                    );
                }
                parsed
            }
            Value::Null => None,
            other => {
                self.wrong_type(path, "a string", other);
                None
            }
        }
    }
}
