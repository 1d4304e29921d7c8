//! Share links: a dossier carried in the URL fragment (`#share=1.<payload>`), where the payload
//! is its JSON, deflated (raw DEFLATE, `miniz_oxide`) and written in unpadded base64url. The
//! fragment never reaches a server; opening the link validates the dossier like an import.

use crate::engine::{Dossier, FieldErrors, RuleSet};

/// The fragment's prefix, with the format version.
pub const PREFIX: &str = "share=1.";
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

/// The fragment (without `#`) that carries a dossier.
pub fn fragment(dossier: &Dossier) -> String {
    let json = serde_json::to_string(dossier).unwrap_or_default();
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9);
    format!("{PREFIX}{}", base64url(&packed))
}

/// The shared payload of a fragment, if the fragment is a share link.
pub fn payload(fragment: &str) -> Option<&str> {
    fragment.trim_start_matches('#').strip_prefix(PREFIX)
}

/// Why a share link could not be opened.
#[derive(Debug, Clone, PartialEq)]
pub enum ShareError {
    /// The payload is not what [`fragment`] writes (cut short, edited, not base64url).
    Damaged,
    /// It decodes, but the dossier inside is invalid.
    Invalid(FieldErrors),
}

/// Reads the dossier a share payload carries.
pub fn decode(payload: &str, rules: &RuleSet) -> Result<Dossier, ShareError> {
    let packed = from_base64url(payload).ok_or(ShareError::Damaged)?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_JSON)
        .map_err(|_| ShareError::Damaged)?;
    let text = String::from_utf8(json).map_err(|_| ShareError::Damaged)?;
    Dossier::from_json(&text, rules).map_err(ShareError::Invalid)
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
    fn a_damaged_link_is_an_error() {
        let rules = RuleSet::default();
        assert_eq!(decode("not*base64", &rules), Err(ShareError::Damaged));
        assert_eq!(decode("AAAA", &rules), Err(ShareError::Damaged));
    }
}
