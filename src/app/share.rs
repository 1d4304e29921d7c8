//! Share links: a dossier carried in the URL fragment (`#share=1.<payload>`), where the payload
//! is its JSON, deflated (raw DEFLATE, `miniz_oxide`) and written in unpadded base64url. The
//! fragment never reaches a server; opening the link validates the dossier like an import.
//!
//! Under rules that differ from the default the link carries them too (`#share=2.<payload>`:
//! `{"dossier": …, "rules": <JSON merge patch of the default rules>, "hash": …}`), so that the
//! recipient sees the sender's total: the rules are rebuilt from the default and the patch, and
//! must come out valid and with the sender's content hash.

use serde_json::{Map, Value};

use super::rule_set::default_rules;
use crate::engine::{Dossier, FieldErrors, RuleSet};

/// The fragment's prefix, with the format version.
pub const PREFIX: &str = "share=1.";
/// The prefix of a link that also carries the sender's rules.
pub const PREFIX_WITH_RULES: &str = "share=2.";
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
/// A shared dossier inflates to at most this many bytes (a guard against hostile links).
const MAX_JSON: usize = 256 * 1024;

/// Unpadded base64url of `bytes`.
pub fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// Decodes unpadded (or padded) base64url; `None` on any other character.
pub fn from_base64url(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        let v = ALPHABET.iter().position(|a| *a == c)? as u32;
        acc = acc << 6 | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

fn packed(json: &str) -> String {
    base64url(&miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9))
}

/// The fragment (without `#`) that carries a dossier evaluated under the default rules.
pub fn fragment(dossier: &Dossier) -> String {
    let json = serde_json::to_string(dossier).unwrap_or_default();
    format!("{PREFIX}{}", packed(&json))
}

/// The fragment (without `#`) that carries a dossier and the rules it is evaluated under:
/// the short form of [`fragment`] when they are the default rules.
pub fn fragment_under(dossier: &Dossier, rules: &RuleSet, hash: &str) -> String {
    let (default, ours) = (rules_value(&default_rules()), rules_value(rules));
    if default == ours {
        return fragment(dossier);
    }
    let body = serde_json::json!({"dossier": dossier, "rules": diff(&default, &ours), "hash": hash});
    format!("{PREFIX_WITH_RULES}{}", packed(&body.to_string()))
}

/// The share link of a dossier, from the address of the page it is made on: always the
/// phone's page (the directory, `index.html`), whichever page the sender is on — but the file
/// itself for the single-file edition opened from `file://`, which has no other page.
pub fn url(page: &str, dossier: &Dossier, rules: &RuleSet, hash: &str) -> String {
    let page = page.split(['#', '?']).next().unwrap_or(page);
    let dir = match page.rfind('/') {
        Some(i) if page[i + 1..].ends_with(".html") && !page.starts_with("file:") => &page[..=i],
        _ => page,
    };
    format!("{dir}#{}", fragment_under(dossier, rules, hash))
}

/// A rule set as a JSON value, through the serializer `RuleSet::content_hash` uses already
/// (`serde_json::to_value` would put a second copy of the rule set's serializer in the wasm).
fn rules_value(rules: &RuleSet) -> Value {
    serde_json::to_vec(rules)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// A JSON merge patch (RFC 7386) that turns `from` into `to`.
fn diff(from: &Value, to: &Value) -> Value {
    match (from, to) {
        (Value::Object(a), Value::Object(b)) => {
            let mut patch = Map::new();
            for (key, value) in b {
                match a.get(key) {
                    Some(old) if old == value => {}
                    Some(old) => {
                        patch.insert(key.clone(), diff(old, value));
                    }
                    None => {
                        patch.insert(key.clone(), value.clone());
                    }
                }
            }
            for key in a.keys().filter(|k| !b.contains_key(*k)) {
                patch.insert(key.clone(), Value::Null);
            }
            Value::Object(patch)
        }
        _ => to.clone(),
    }
}

/// Applies a JSON merge patch (RFC 7386).
fn patch(target: &mut Value, changes: &Value) {
    let Value::Object(changes) = changes else {
        *target = changes.clone();
        return;
    };
    if !target.is_object() {
        *target = Value::Object(Map::new());
    }
    if let Value::Object(map) = target {
        for (key, value) in changes {
            if value.is_null() {
                map.remove(key);
            } else {
                patch(map.entry(key.clone()).or_insert(Value::Null), value);
            }
        }
    }
}

/// What a share link carries: the payload, and whether it carries rules too.
pub fn payload(fragment: &str) -> Option<&str> {
    let fragment = fragment.trim_start_matches('#');
    fragment
        .strip_prefix(PREFIX)
        .or_else(|| fragment.strip_prefix(PREFIX_WITH_RULES))
}

/// A shared dossier, with the sender's rules when they were not the default.
#[derive(Debug, Clone, PartialEq)]
pub struct Shared {
    pub dossier: Dossier,
    /// The sender's rules and their hash, when the link carries them.
    pub rules: Option<(RuleSet, String)>,
}

/// Why a share link could not be opened.
#[derive(Debug, Clone, PartialEq)]
pub enum ShareError {
    /// The payload is not what [`fragment`] writes (cut short, edited, not base64url).
    Damaged,
    /// It decodes, but the dossier inside is invalid.
    Invalid(FieldErrors),
}

fn inflate(payload: &str) -> Result<String, ShareError> {
    let packed = from_base64url(payload).ok_or(ShareError::Damaged)?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_JSON)
        .map_err(|_| ShareError::Damaged)?;
    String::from_utf8(json).map_err(|_| ShareError::Damaged)
}

/// Reads the dossier a share payload carries (a link without rules of its own).
pub fn decode(payload: &str, rules: &RuleSet) -> Result<Dossier, ShareError> {
    Dossier::from_json(&inflate(payload)?, rules).map_err(ShareError::Invalid)
}

/// Reads a share link's fragment: the dossier, validated under the sender's rules when the
/// link carries them (which must rebuild to the sender's hash), else under `rules`.
pub fn open(fragment: &str, rules: &RuleSet) -> Option<Result<Shared, ShareError>> {
    let body = fragment.trim_start_matches('#');
    if let Some(payload) = body.strip_prefix(PREFIX) {
        return Some(decode(payload, rules).map(|dossier| Shared { dossier, rules: None }));
    }
    let payload = body.strip_prefix(PREFIX_WITH_RULES)?;
    Some((|| {
        let value: Value = serde_json::from_str(&inflate(payload)?).map_err(|_| ShareError::Damaged)?;
        let (Some(dossier), Some(changes), Some(hash)) = (
            value.get("dossier"),
            value.get("rules"),
            value.get("hash").and_then(Value::as_str),
        ) else {
            return Err(ShareError::Damaged);
        };
        let mut theirs = rules_value(&default_rules());
        patch(&mut theirs, changes);
        let theirs = RuleSet::from_json(&theirs.to_string()).map_err(|_| ShareError::Damaged)?;
        if theirs.content_hash() != hash {
            return Err(ShareError::Damaged);
        }
        let dossier = Dossier::from_value(dossier, &theirs).map_err(ShareError::Invalid)?;
        Ok(Shared {
            dossier,
            rules: Some((theirs, hash.to_string())),
        })
    })())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_every_length() {
        let bytes: Vec<u8> = (0..=255).collect();
        for n in 0..40 {
            let text = base64url(&bytes[n..n + 7 + n % 3]);
            assert!(!text.contains(['+', '/', '=']));
            assert_eq!(from_base64url(&text).unwrap(), &bytes[n..n + 7 + n % 3]);
        }
        assert_eq!(base64url(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64url(b"fo"), "Zm8");
        assert_eq!(from_base64url("Zm8=").unwrap(), b"fo");
        assert_eq!(from_base64url("a+b"), None);
    }

    #[test]
    fn a_dossier_travels_in_a_link() {
        let rules = RuleSet::default();
        let d = Dossier::from_json(super::super::library::EXAMPLES[0].json, &rules).unwrap();
        let link = fragment(&d);
        assert!(link.len() < 1200, "{} characters", link.len());
        assert_eq!(decode(payload(&format!("#{link}")).unwrap(), &rules).unwrap(), d);
    }

    #[test]
    fn a_link_under_changed_rules_carries_them() {
        let mut rules = RuleSet::default();
        rules.dimensions.weights.unit = 0.4;
        rules.dimensions.weights.pledges = 0.3;
        rules.name = "加重单位绩效".into();
        let hash = rules.content_hash();
        let d = Dossier::from_json(super::super::library::EXAMPLES[0].json, &rules).unwrap();
        let link = fragment_under(&d, &rules, &hash);
        assert!(link.starts_with(PREFIX_WITH_RULES));
        assert!(link.len() < 1600, "{} characters", link.len());
        let shared = open(&format!("#{link}"), &RuleSet::default()).unwrap().unwrap();
        assert_eq!(shared.dossier, d);
        assert_eq!(shared.rules, Some((rules, hash)));
        // Under the default rules the short form is used.
        let plain = fragment_under(&d, &RuleSet::default(), "");
        assert!(plain.starts_with(PREFIX));
        assert_eq!(open(&plain, &RuleSet::default()).unwrap().unwrap().rules, None);
        // A patch that does not rebuild the sender's rules is refused.
        let body = serde_json::json!({"dossier": d, "rules": {"dimensions": {"weights": {"unit": 0.9}}}, "hash": "x"});
        let forged = format!("{PREFIX_WITH_RULES}{}", packed(&body.to_string()));
        assert_eq!(open(&forged, &RuleSet::default()), Some(Err(ShareError::Damaged)));
    }

    #[test]
    fn links_open_the_phones_page() {
        let d = Dossier::default();
        let rules = RuleSet::default();
        let at = |page: &str| url(page, &d, &rules, "").split('#').next().unwrap().to_string();
        assert_eq!(
            at("https://x.org/tools/dongliang/workshop.html"),
            "https://x.org/tools/dongliang/"
        );
        assert_eq!(
            at("https://x.org/tools/dongliang/"),
            "https://x.org/tools/dongliang/"
        );
        assert_eq!(
            at("https://x.org/tools/dongliang/index.html?a=1"),
            "https://x.org/tools/dongliang/"
        );
        assert_eq!(
            at("file:///media/usb/dongliang.html"),
            "file:///media/usb/dongliang.html"
        );
    }

    #[test]
    fn merge_patches_rebuild_any_value() {
        let a = serde_json::json!({"x": 1, "y": {"z": [1, 2], "w": "k"}, "gone": true});
        let b = serde_json::json!({"x": 2, "y": {"z": [3], "w": "k"}, "new": {"n": null}});
        let mut rebuilt = a.clone();
        patch(&mut rebuilt, &diff(&a, &b));
        assert_eq!(
            rebuilt,
            serde_json::json!({"x": 2, "y": {"z": [3], "w": "k"}, "new": {}})
        );
    }

    #[test]
    fn a_damaged_link_is_an_error() {
        let rules = RuleSet::default();
        assert_eq!(decode("not*base64", &rules), Err(ShareError::Damaged));
        assert_eq!(decode("AAAA", &rules), Err(ShareError::Damaged));
    }
}
