//! Which text encoding a file is in, and its text — as Excel and WPS really write CSV:
//! UTF-8 with or without a byte-order mark, UTF-16 LE/BE with a byte-order mark (Excel's
//! "Unicode text", tab-separated) and GBK/GB18030 without a mark (Chinese Excel's and WPS's
//! "CSV (逗号分隔)"). Nothing is ever decoded with replacement characters: bytes that are text
//! in none of these encodings are refused with the line they fail on.
//!
//! The module is pure and small so that the browser can use it too: GB18030 is decoded by a
//! function the caller supplies (the CLI's is [`gb18030_native`], built on `encoding_rs`; the
//! browser's is `new TextDecoder("gb18030", {fatal: true})`), so no code-page table is part of
//! the engine.
//!
//! ```
//! use dongliang::engine::encoding::{decode, Encoding};
//!
//! let utf16: Vec<u8> = [0xFF, 0xFE].into_iter()
//!     .chain("name\t张三\r\n".encode_utf16().flat_map(u16::to_le_bytes))
//!     .collect();
//! let decoded = decode(&utf16, |_| None).unwrap();
//! assert_eq!(decoded.encoding, Encoding::Utf16Le);
//! assert_eq!(decoded.text, "name\t张三\r\n");
//! ```

use serde::{Deserialize, Serialize};

use super::text::Lang;

/// The encoding a file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark (what this program and Excel's "CSV UTF-8" write).
    Utf8Bom,
    /// UTF-16 little-endian with a byte-order mark (Excel's "Unicode text").
    Utf16Le,
    /// UTF-16 big-endian with a byte-order mark.
    Utf16Be,
    /// GB18030, of which GBK and GB2312 are subsets (Chinese Excel's and WPS's CSV).
    Gb18030,
}

impl Encoding {
    /// The name shown in an import notice: “UTF-8”, “UTF-16 LE”, “GBK/GB18030” …
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => lang.pick("UTF-8(带 BOM)", "UTF-8 with BOM"),
            Encoding::Utf16Le => "UTF-16 LE",
            Encoding::Utf16Be => "UTF-16 BE",
            Encoding::Gb18030 => "GBK/GB18030",
        }
    }
}

/// A file's text and the encoding it was read in. The byte-order mark is not part of `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: Encoding,
}

/// Why a file's bytes are not text this program reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EncodingError {
    /// Valid in none of UTF-8, UTF-16 (with a byte-order mark) and GB18030.
    Unknown { line: usize },
    /// Mostly UTF-8, but with bytes that are not: a damaged UTF-8 file (decoding it as GBK
    /// would turn every Chinese character into mojibake).
    BrokenUtf8 { line: usize },
    /// UTF-16 with half of a surrogate pair, or an odd number of bytes.
    BrokenUtf16 { encoding: Encoding, line: usize },
    /// A NUL character: a binary file, or UTF-16 without a byte-order mark.
    Nul { line: usize },
    /// UTF-32 (not written by any spreadsheet program's CSV export).
    Utf32,
    /// A zip archive: an .xlsx workbook (or another Office file) given as text.
    Zip,
    /// An OLE compound file: a legacy .xls workbook or a password-protected .xlsx.
    Ole,
}

impl EncodingError {
    /// The line the problem is on (1-based), when it is in the text.
    pub fn line(&self) -> Option<usize> {
        match *self {
            EncodingError::Unknown { line }
            | EncodingError::BrokenUtf8 { line }
            | EncodingError::BrokenUtf16 { line, .. }
            | EncodingError::Nul { line } => Some(line),
            EncodingError::Utf32 | EncodingError::Zip | EncodingError::Ole => None,
        }
    }

    /// The message in the chosen language.
    pub fn message(&self, lang: Lang) -> String {
        match (*self, lang) {
            (EncodingError::Unknown { line }, Lang::En) => format!(
                "line {line}: the file is not text in UTF-8, UTF-16 or GBK/GB18030; save it as \
                 “CSV UTF-8” and import it again"
            ),
            (EncodingError::Unknown { line }, Lang::Zh) => format!(
                "第 {line} 行:文件不是 UTF-8、UTF-16 或 GBK/GB18030 编码的文本;\
                 请另存为“CSV UTF-8(逗号分隔)”后重新导入"
            ),
            (EncodingError::BrokenUtf8 { line }, Lang::En) => {
                format!(
                    "line {line}: the file is UTF-8 but has bytes that are not valid UTF-8 (a damaged file)"
                )
            }
            (EncodingError::BrokenUtf8 { line }, Lang::Zh) => {
                format!("第 {line} 行:文件为 UTF-8 编码,但含有无效的 UTF-8 字节(文件已损坏)")
            }
            (EncodingError::BrokenUtf16 { encoding, line }, Lang::En) => format!(
                "line {line}: the file is {} but is cut off or has half of a character",
                encoding.name(lang)
            ),
            (EncodingError::BrokenUtf16 { encoding, line }, Lang::Zh) => format!(
                "第 {line} 行:文件为 {} 编码,但被截断或含有不完整的字符",
                encoding.name(lang)
            ),
            (EncodingError::Nul { line }, Lang::En) => format!(
                "line {line}: the file holds NUL bytes: it is not a text file (or UTF-16 without a \
                 byte-order mark)"
            ),
            (EncodingError::Nul { line }, Lang::Zh) => {
                format!("第 {line} 行:文件含有 NUL 字节,不是文本文件(或是不带 BOM 的 UTF-16)")
            }
            (EncodingError::Utf32, Lang::En) => {
                "the file is UTF-32; save it as “CSV UTF-8” and import it again".into()
            }
            (EncodingError::Utf32, Lang::Zh) => {
                "文件为 UTF-32 编码;请另存为“CSV UTF-8(逗号分隔)”后重新导入".into()
            }
            (EncodingError::Zip, Lang::En) => {
                "the file is a zip archive (an .xlsx workbook?), not CSV text: import it as .xlsx".into()
            }
            (EncodingError::Zip, Lang::Zh) => {
                "文件是 zip 压缩包(.xlsx 工作簿?),不是 CSV 文本:请按 .xlsx 导入".into()
            }
            (EncodingError::Ole, Lang::En) => "the file is a legacy .xls workbook or a password-protected \
                                               workbook, not CSV text: save it as .xlsx without a password"
                .into(),
            (EncodingError::Ole, Lang::Zh) => {
                "文件是旧版 .xls 工作簿或加密的工作簿,不是 CSV 文本:请另存为不加密码的 .xlsx".into()
            }
        }
    }
}

impl std::fmt::Display for EncodingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for EncodingError {}

/// The signature of a zip archive (.xlsx, .docx, .ods …).
pub const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// The signature of an OLE compound file (.xls, .doc, a password-protected .xlsx).
pub const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Decodes a file's bytes (see the module's documentation for the order of the checks).
///
/// `gb18030` decodes bytes as GB18030 and returns `None` when they are not valid GB18030 — it
/// must never substitute replacement characters.
pub fn decode(bytes: &[u8], gb18030: impl Fn(&[u8]) -> Option<String>) -> Result<Decoded, EncodingError> {
    if bytes.starts_with(ZIP_MAGIC) {
        return Err(EncodingError::Zip);
    }
    if bytes.starts_with(OLE_MAGIC) {
        return Err(EncodingError::Ole);
    }
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Err(EncodingError::Utf32);
    }
    let marked_utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    if let Some(at) = bytes.iter().position(|b| *b == 0).filter(|_| !marked_utf16) {
        // No text in UTF-8 or GB18030 holds a NUL byte; UTF-16 without its mark does.
        return Err(EncodingError::Nul {
            line: line_at(bytes, at),
        });
    }
    let decoded = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        match std::str::from_utf8(rest) {
            Ok(text) => Decoded {
                text: text.to_string(),
                encoding: Encoding::Utf8Bom,
            },
            Err(e) => {
                return Err(EncodingError::BrokenUtf8 {
                    line: line_at(rest, e.valid_up_to()),
                })
            }
        }
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        utf16(rest, Encoding::Utf16Le)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        utf16(rest, Encoding::Utf16Be)?
    } else {
        match std::str::from_utf8(bytes) {
            Ok(text) => Decoded {
                text: text.to_string(),
                encoding: Encoding::Utf8,
            },
            Err(e) => {
                let first = e.valid_up_to();
                let (valid, invalid) = utf8_census(bytes);
                if valid > invalid {
                    return Err(EncodingError::BrokenUtf8 {
                        line: line_at(bytes, first),
                    });
                }
                match gb18030(bytes) {
                    Some(text) => Decoded {
                        text,
                        encoding: Encoding::Gb18030,
                    },
                    None => {
                        return Err(EncodingError::Unknown {
                            line: first_failing_line(bytes, &gb18030),
                        })
                    }
                }
            }
        }
    };
    if let Some(at) = decoded.text.find('\0') {
        let line = decoded.text[..at].matches('\n').count() + 1;
        return Err(EncodingError::Nul { line });
    }
    Ok(decoded)
}

/// A file's bytes taken a piece at a time as they are read (the workshop reads a large file in
/// pieces, so that the page answers in between): plain UTF-8, with or without a byte-order
/// mark, is checked and gathered into text piece by piece; anything else (another encoding, a
/// workbook, a NUL, a damaged file) is kept as bytes for [`decode`], which then says what it is
/// — so the outcome is always [`decode`]'s.
#[derive(Debug, Default)]
pub struct Pieces {
    text: String,
    /// The last bytes of the previous piece when they are the start of a character.
    carry: Vec<u8>,
    /// Every byte so far, once the file is not plain UTF-8.
    raw: Option<Vec<u8>>,
    started: bool,
    bom: bool,
}

impl Pieces {
    pub fn new() -> Pieces {
        Pieces::default()
    }

    /// The next piece of the file.
    pub fn push(&mut self, piece: &[u8]) {
        if let Some(raw) = &mut self.raw {
            return raw.extend_from_slice(piece);
        }
        let mut bytes = std::mem::take(&mut self.carry);
        bytes.extend_from_slice(piece);
        let mut rest = &bytes[..];
        let mut bom = false;
        if !self.started {
            // The first bytes tell UTF-8 from UTF-16/32 and from a workbook.
            if rest.len() < OLE_MAGIC.len() {
                self.carry = bytes;
                return;
            }
            self.started = true;
            let special = [
                ZIP_MAGIC,
                OLE_MAGIC,
                &[0xFF, 0xFE][..],
                &[0xFE, 0xFF][..],
                &[0, 0, 0xFE, 0xFF][..],
            ];
            if special.iter().any(|m| rest.starts_with(m)) {
                self.raw = Some(bytes);
                return;
            }
            if let Some(after) = rest.strip_prefix(b"\xEF\xBB\xBF") {
                bom = true;
                rest = after;
            }
        }
        let (valid, tail) = match std::str::from_utf8(rest) {
            Ok(text) => (text, &[][..]),
            // Only the start of a character at the end: it continues in the next piece.
            Err(e) if e.error_len().is_none() => {
                let (valid, tail) = rest.split_at(e.valid_up_to());
                (std::str::from_utf8(valid).unwrap_or_default(), tail)
            }
            Err(_) => return self.keep_raw(&bytes),
        };
        if valid.contains('\0') {
            return self.keep_raw(&bytes);
        }
        self.bom |= bom;
        self.text.push_str(valid);
        self.carry = tail.to_vec();
    }

    /// From now on the bytes are kept as they are: those gathered so far, then `bytes`.
    fn keep_raw(&mut self, bytes: &[u8]) {
        let mut raw = Vec::with_capacity(self.text.len() + bytes.len() + 3);
        if self.bom {
            raw.extend_from_slice(b"\xEF\xBB\xBF");
        }
        raw.extend_from_slice(std::mem::take(&mut self.text).as_bytes());
        raw.extend_from_slice(bytes);
        self.raw = Some(raw);
    }

    /// The file's text when it is plain UTF-8 (what [`decode`] makes of it), else its bytes
    /// for [`decode`].
    pub fn finish(mut self) -> Result<Decoded, Vec<u8>> {
        if !self.started || !self.carry.is_empty() {
            let carry = std::mem::take(&mut self.carry);
            self.keep_raw(&carry);
        }
        match self.raw {
            Some(raw) => Err(raw),
            None => Ok(Decoded {
                text: self.text,
                encoding: if self.bom {
                    Encoding::Utf8Bom
                } else {
                    Encoding::Utf8
                },
            }),
        }
    }
}

/// GB18030 through `encoding_rs`, with no replacement characters: the decoder for native
/// programs (the CLI). Not in the browser build, which passes `TextDecoder` instead.
#[cfg(not(target_arch = "wasm32"))]
pub fn gb18030_native(bytes: &[u8]) -> Option<String> {
    encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| text.into_owned())
}

/// [`decode`] with [`gb18030_native`].
#[cfg(not(target_arch = "wasm32"))]
pub fn decode_native(bytes: &[u8]) -> Result<Decoded, EncodingError> {
    decode(bytes, gb18030_native)
}

/// The 1-based line of byte `offset`.
fn line_at(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset].iter().filter(|b| **b == b'\n').count() + 1
}

/// How many non-ASCII characters of `bytes` are valid UTF-8, and how many invalid sequences
/// it has. GBK text forms a valid UTF-8 sequence only now and then (about one character in
/// seven); a damaged UTF-8 file is valid nearly everywhere.
fn utf8_census(mut bytes: &[u8]) -> (usize, usize) {
    let (mut valid, mut invalid) = (0, 0);
    loop {
        match std::str::from_utf8(bytes) {
            Ok(text) => return (valid + text.chars().filter(|c| !c.is_ascii()).count(), invalid),
            Err(e) => {
                let good = e.valid_up_to();
                let prefix = std::str::from_utf8(&bytes[..good]).unwrap_or_default();
                valid += prefix.chars().filter(|c| !c.is_ascii()).count();
                invalid += 1;
                match e.error_len() {
                    Some(n) => bytes = &bytes[good + n..],
                    None => return (valid, invalid),
                }
            }
        }
    }
}

/// The first line (1-based) that `gb18030` cannot decode. A line feed (0x0A) never occurs
/// inside a GB18030 multi-byte sequence, so lines decode on their own.
fn first_failing_line(bytes: &[u8], gb18030: &impl Fn(&[u8]) -> Option<String>) -> usize {
    let lines = bytes.split(|b| *b == b'\n');
    let count = bytes.iter().filter(|b| **b == b'\n').count() + 1;
    lines
        .enumerate()
        .find(|(_, line)| !line.is_ascii() && gb18030(line).is_none())
        .map_or(count, |(i, _)| i + 1)
}

/// UTF-16 after its byte-order mark, refusing an odd length and unpaired surrogates.
fn utf16(bytes: &[u8], encoding: Encoding) -> Result<Decoded, EncodingError> {
    let units = bytes.chunks_exact(2).map(|pair| match encoding {
        Encoding::Utf16Be => u16::from_be_bytes([pair[0], pair[1]]),
        _ => u16::from_le_bytes([pair[0], pair[1]]),
    });
    let mut text = String::with_capacity(bytes.len() / 2 * 3 / 2);
    let mut line = 1;
    for unit in char::decode_utf16(units) {
        match unit {
            Ok(c) => {
                if c == '\n' {
                    line += 1;
                }
                text.push(c);
            }
            Err(_) => return Err(EncodingError::BrokenUtf16 { encoding, line }),
        }
    }
    if bytes.len() % 2 == 1 {
        return Err(EncodingError::BrokenUtf16 { encoding, line });
    }
    Ok(Decoded { text, encoding })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none(_: &[u8]) -> Option<String> {
        None
    }

    #[test]
    fn utf8_with_and_without_a_mark() {
        let plain = decode("名,职务\n".as_bytes(), none).unwrap();
        assert_eq!(
            (plain.text.as_str(), plain.encoding),
            ("名,职务\n", Encoding::Utf8)
        );
        let marked = decode("\u{feff}名\n".as_bytes(), none).unwrap();
        assert_eq!(
            (marked.text.as_str(), marked.encoding),
            ("名\n", Encoding::Utf8Bom)
        );
    }

    #[test]
    fn utf16_both_ways_and_broken() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("a\t😀\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&le, none).unwrap().text, "a\t😀\n");
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("a\t𠀀\n".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&be, none).unwrap().encoding, Encoding::Utf16Be);
        // A lone high surrogate on line 2.
        let mut bad: Vec<u8> = vec![0xFF, 0xFE];
        bad.extend("x\ny".encode_utf16().flat_map(u16::to_le_bytes));
        bad.extend(0xD800u16.to_le_bytes());
        bad.extend("z".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(
            decode(&bad, none),
            Err(EncodingError::BrokenUtf16 {
                encoding: Encoding::Utf16Le,
                line: 2
            })
        );
        assert!(matches!(
            decode(&[0xFF, 0xFE, b'a'], none),
            Err(EncodingError::BrokenUtf16 { .. })
        ));
    }

    #[test]
    fn signatures_of_binary_files() {
        assert_eq!(decode(b"PK\x03\x04rest", none), Err(EncodingError::Zip));
        assert_eq!(decode(OLE_MAGIC, none), Err(EncodingError::Ole));
        assert_eq!(
            decode(&[0xFF, 0xFE, 0, 0, b'a', 0, 0, 0], none),
            Err(EncodingError::Utf32)
        );
        assert_eq!(decode(b"a\nb\0c", none), Err(EncodingError::Nul { line: 2 }));
    }

    #[test]
    fn gb18030_goes_through_the_supplied_decoder_and_failures_name_their_line() {
        let gb = |b: &[u8]| (b == b"\xD5\xC5").then(|| "张".to_string());
        assert_eq!(decode(b"\xD5\xC5", gb).unwrap().encoding, Encoding::Gb18030);
        assert_eq!(
            decode(b"name\nok\n\xFF\xFF\n", |b: &[u8]| b.is_ascii().then(String::new)),
            Err(EncodingError::Unknown { line: 3 })
        );
    }

    #[test]
    fn mostly_utf8_with_a_bad_byte_is_broken_utf8_not_gbk() {
        let mut bytes = "张三,局长\n李四,".as_bytes().to_vec();
        bytes.push(0xFF);
        bytes.extend("处长\n".as_bytes());
        assert_eq!(
            decode(&bytes, |_| Some("mojibake".into())),
            Err(EncodingError::BrokenUtf8 { line: 2 })
        );
    }
}
