//! The explanation trace: an opt-in record of every step of an evaluation, each with its
//! Chinese and English label, a sentence saying what happened with the numbers in it, the
//! formula with the numbers put in (values to two decimals), the result, whether it rests on
//! illustrative default parameters, and the article's wording (with an English translation)
//! where the step comes from it. Plain evaluation uses [`NoTrace`] and pays nothing: the
//! closures that would build a step are never called. [`super::plain::explanation`] turns a
//! trace into the lines a reader sees.

use serde::{Deserialize, Serialize};

use super::rules::Basis;
use super::text::Lang;

/// One step of an evaluation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// A stable id naming what the step computes, e.g. `pledges[0].fulfilment`.
    pub id: String,
    pub label_zh: String,
    pub label_en: String,
    /// What the step did, as a sentence an official can read aloud, with its numbers (two
    /// decimals), e.g. `承诺 1:A 级,系数 1.00;四个季度加权平均 93.50 → 得分 93.50。`
    #[serde(default)]
    pub says_zh: String,
    /// The same in English, with Western punctuation.
    #[serde(default)]
    pub says_en: String,
    /// The formula with the numbers substituted, e.g. `0.25×90 + 0.25×92 = 45.50`.
    pub formula: String,
    /// The formula in words, in each language, where `formula` names ids (tiers, consequences,
    /// political quality).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formula_zh: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formula_en: Option<String>,
    /// The step's result: a number, a grade, or an id (a tier, the veto, consequences).
    pub result: String,
    /// The result in words, in each language, where `result` is an id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result_zh: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result_en: Option<String>,
    /// A remark in each language (what was assumed, why an item does not count, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_zh: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_en: Option<String>,
    /// The article's wording the step rests on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// An English translation of `quote` (not the article's words: show it as a translation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote_en: Option<String>,
    /// True when the step rests on parameters that are illustrative defaults of the rule set,
    /// not figures the article publishes.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub illustrative: bool,
}

impl Step {
    pub fn new(id: impl Into<String>, label_zh: impl Into<String>, label_en: impl Into<String>) -> Step {
        Step {
            id: id.into(),
            label_zh: label_zh.into(),
            label_en: label_en.into(),
            says_zh: String::new(),
            says_en: String::new(),
            formula: String::new(),
            formula_zh: None,
            formula_en: None,
            result: String::new(),
            result_zh: None,
            result_en: None,
            note_zh: None,
            note_en: None,
            quote: None,
            quote_en: None,
            illustrative: false,
        }
    }

    /// The sentence saying what the step did, in each language.
    pub fn says(mut self, zh: impl Into<String>, en: impl Into<String>) -> Step {
        self.says_zh = zh.into();
        self.says_en = en.into();
        self
    }

    /// The sentence for a reader of `lang`.
    pub fn said(&self, lang: Lang) -> &str {
        lang.pick(&self.says_zh, &self.says_en)
    }

    /// Marks the step as resting on illustrative default parameters.
    pub fn illustrative(mut self, illustrative: bool) -> Step {
        self.illustrative = illustrative;
        self
    }

    pub fn formula(mut self, formula: impl Into<String>) -> Step {
        self.formula = formula.into();
        self
    }

    /// The formula in words, where `formula` names ids.
    pub fn formula_in_words(mut self, zh: impl Into<String>, en: impl Into<String>) -> Step {
        self.formula_zh = Some(zh.into());
        self.formula_en = Some(en.into());
        self
    }

    /// The formula as a reader of `lang` should see it: in words where there are words.
    pub fn formula_shown(&self, lang: Lang) -> &str {
        in_lang(lang, &self.formula_zh, &self.formula_en).unwrap_or(&self.formula)
    }

    pub fn result(mut self, result: impl Into<String>) -> Step {
        self.result = result.into();
        self
    }

    /// The result in words, where `result` is an id.
    pub fn in_words(mut self, zh: impl Into<String>, en: impl Into<String>) -> Step {
        self.result_zh = Some(zh.into());
        self.result_en = Some(en.into());
        self
    }

    /// The result as a reader of `lang` should see it: in words where there are words.
    pub fn shown(&self, lang: Lang) -> &str {
        in_lang(lang, &self.result_zh, &self.result_en).unwrap_or(&self.result)
    }

    pub fn note(mut self, zh: impl Into<String>, en: impl Into<String>) -> Step {
        self.note_zh = Some(zh.into());
        self.note_en = Some(en.into());
        self
    }

    /// The article's wording, without a translation.
    pub fn quote(mut self, quote: Option<&str>) -> Step {
        self.quote = quote.map(str::to_string);
        self.quote_en = None;
        self
    }

    /// The article's wording and its English translation.
    pub fn quoted(mut self, quote: Option<&str>, quote_en: Option<&str>) -> Step {
        self.quote = quote.map(str::to_string);
        self.quote_en = self.quote.as_ref().and(quote_en.map(str::to_string));
        self
    }

    /// The wording a group of rules rests on, with its translation.
    pub fn quote_basis(self, basis: &Basis) -> Step {
        self.quoted(basis.quote.as_deref(), basis.quote_en.as_deref())
    }
}

/// The text for `lang` of a pair of optional translations.
fn in_lang<'a>(lang: Lang, zh: &'a Option<String>, en: &'a Option<String>) -> Option<&'a str> {
    match lang {
        Lang::Zh => zh.as_deref(),
        Lang::En => en.as_deref(),
    }
}

/// Receives the steps of an evaluation.
pub trait Tracer {
    /// False for a tracer that records nothing, so callers can skip work meant only for it.
    const ENABLED: bool;

    /// Records the step `make` builds; a tracer that is off never calls it.
    fn step(&mut self, make: impl FnOnce() -> Step);
}

/// The tracer of plain evaluation: records nothing.
pub struct NoTrace;

impl Tracer for NoTrace {
    const ENABLED: bool = false;

    #[inline(always)]
    fn step(&mut self, _make: impl FnOnce() -> Step) {}
}

impl Tracer for Vec<Step> {
    const ENABLED: bool = true;

    fn step(&mut self, make: impl FnOnce() -> Step) {
        self.push(make());
    }
}
