//! Any bytes as a share link (`#share=1.<base64url of raw DEFLATE of the dossier's JSON>`,
//! src/app/share.rs): decoding never panics, never inflates past its limit, and whatever it
//! accepts is a valid dossier whose own link decodes to the same dossier. The first byte picks
//! how deep the rest goes in one step:
//! 0 — the rest is the fragment text as it arrives from the address bar;
//! 1 — the rest is the compressed payload (written in base64url here), reaching the inflater;
//! 2 — the rest is the JSON (deflated here), reaching the dossier reader through the link;
//! and base64url round-trips the rest whatever the mode.
#![no_main]

use dongliang::app::share::{base64url, decode, fragment, from_base64url, payload};
use dongliang::engine::{Dossier, RuleSet};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(RuleSet::default)
}

/// A decoded dossier is valid and travels again through its own link unchanged.
fn round_trip(dossier: &Dossier) {
    let link = fragment(dossier);
    let again = decode(payload(&link).expect("a link made here has the prefix"), rules())
        .expect("a link made from a valid dossier decodes");
    assert_eq!(&again, dossier);
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    assert_eq!(from_base64url(&base64url(rest)).as_deref(), Some(rest));
    let decoded = match mode % 3 {
        0 => {
            let Ok(text) = std::str::from_utf8(rest) else {
                return;
            };
            match payload(text) {
                Some(p) => decode(p, rules()),
                None => return,
            }
        }
        1 => decode(&base64url(rest), rules()),
        _ => {
            let packed = miniz_oxide::deflate::compress_to_vec(rest, 6);
            decode(&base64url(&packed), rules())
        }
    };
    if let Ok(dossier) = decoded {
        round_trip(&dossier);
    }
});
