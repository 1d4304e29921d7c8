//! QR codes of share links, drawn by the wasm as SVG and shown as an `<img>` (a data URL, which
//! the Content-Security-Policy allows for images), so that a long press on a phone can
//! recognise it as any picture. A link too long for the largest QR code is said to be so.

use qrcodegen::{QrCode, QrCodeEcc};

/// The SVG of a QR code carrying `text` (error correction level M where it fits, L for long
/// links), with a quiet zone of 4 modules; `None` when even version 40 cannot hold it.
pub fn svg(text: &str) -> Option<String> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium)
        .or_else(|_| QrCode::encode_text(text, QrCodeEcc::Low))
        .ok()?;
    let size = code.size();
    let border = 4;
    let mut path = String::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if !code.get_module(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < size && code.get_module(x, y) {
                x += 1;
            }
            let run = x - start;
            path.push_str(&format!("M{},{}h{run}v1h-{run}z", start + border, y + border));
        }
    }
    let dim = size + 2 * border;
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {dim} {dim}\" shape-rendering=\"crispEdges\">\
         <rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>"
    ))
}

/// `svg` as a data URL for an `<img src>`.
pub fn data_url(text: &str) -> Option<String> {
    let svg = svg(text)?;
    Some(format!("data:image/svg+xml;base64,{}", base64(svg.as_bytes())))
}

/// Standard (padded) base64, for the data URL.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_link_fits_and_a_huge_one_is_refused() {
        let link = format!(
            "https://example.org/tools/dongliang/#share=1.{}",
            "A".repeat(1200)
        );
        let svg = svg(&link).unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("viewBox"));
        assert!(data_url(&link).unwrap().starts_with("data:image/svg+xml;base64,"));
        assert_eq!(svg_of_len(5000), None);
    }

    fn svg_of_len(n: usize) -> Option<String> {
        svg(&"x".repeat(n))
    }

    #[test]
    fn base64_is_padded() {
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"f"), "Zg==");
    }
}
