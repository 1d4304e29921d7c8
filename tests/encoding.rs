#![cfg(not(target_arch = "wasm32"))]
//! Text files as Excel and WPS write them (tests/data/files, made by scripts/make-fixtures.py):
//! GBK without a byte-order mark, UTF-16 LE "Unicode text", UTF-8 with and without a mark.
//! Each decodes to the same text, named by its encoding; a file in no known encoding, a damaged
//! UTF-8 file and binary files are refused with the line they fail on, never decoded with
//! replacement characters.

use std::path::PathBuf;

use dongliang::engine::encoding::{self, Encoding, EncodingError};
use dongliang::engine::{Cohort, Engine, Lang, RuleSet};

fn bytes(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/files")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn decode(name: &str) -> Result<encoding::Decoded, EncodingError> {
    encoding::decode_native(&bytes(name))
}

/// The cohort's officials' names, in the order of the file.
fn names() -> Vec<String> {
    let cohort = Cohort::from_json(
        &String::from_utf8(bytes("cohort.json")).unwrap(),
        &RuleSet::default(),
    )
    .unwrap();
    cohort.officials.iter().map(|d| d.name.clone().unwrap()).collect()
}

#[test]
fn each_encoding_decodes_to_the_names_and_says_which_it_was() {
    let cases = [
        ("cohort-gbk.csv", Encoding::Gb18030, "GBK/GB18030"),
        ("cohort-utf16.txt", Encoding::Utf16Le, "UTF-16 LE"),
        ("cohort-utf8.csv", Encoding::Utf8, "UTF-8"),
        ("cohort-semicolon.csv", Encoding::Utf8Bom, "UTF-8 with BOM"),
    ];
    for (file, encoding, name) in cases {
        let decoded = decode(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(decoded.encoding, encoding, "{file}");
        assert_eq!(decoded.encoding.name(Lang::En), name);
        assert!(
            !decoded.text.starts_with('\u{feff}'),
            "{file}: the mark is not text"
        );
        assert!(
            !decoded.text.contains('\u{fffd}'),
            "{file}: no replacement character"
        );
        for official in names() {
            assert!(decoded.text.contains(&official), "{file} names {official}");
        }
        assert!(
            decoded.text.contains("区委组织部副部长, 兼“两新”工委书记"),
            "{file}"
        );
    }
    // The GBK file is the program's own CSV re-encoded: it decodes to exactly that text.
    let gbk = decode("cohort-gbk.csv").unwrap().text;
    let own = decode("cohort-semicolon.csv").unwrap();
    assert!(gbk.starts_with("name,post,"));
    assert!(own.text.starts_with("name;post;"));
}

#[test]
fn every_text_file_reads_as_the_cohort_and_ranks_like_its_json() {
    let rules = RuleSet::default();
    let json = Cohort::from_json(&String::from_utf8(bytes("cohort.json")).unwrap(), &rules).unwrap();
    for file in [
        "cohort-gbk.csv",
        "cohort-utf16.txt",
        "cohort-utf8.csv",
        "cohort-semicolon.csv",
    ] {
        let text = decode(file).unwrap().text;
        let cohort = dongliang::engine::csv::read(&text, &rules).unwrap_or_else(|e| panic!("{file}: {e:?}"));
        assert_eq!(cohort, json, "{file}");
    }
    let ranked = Engine::new(&rules).rank(&json.officials);
    assert_eq!(ranked.officials[0].name, "赵伟东(虚构)");
    assert_eq!(ranked.officials[0].rank, 1);
}

#[test]
fn a_file_in_no_known_encoding_is_refused_with_its_line() {
    let error = decode("unknown-encoding.csv").unwrap_err();
    assert_eq!(error, EncodingError::Unknown { line: 3 });
    assert_eq!(error.line(), Some(3));
    assert!(error
        .message(Lang::En)
        .starts_with("line 3: the file is not text in UTF-8, UTF-16 or GBK/GB18030"));
    assert!(error.message(Lang::Zh).starts_with("第 3 行:"));
}

#[test]
fn a_damaged_utf8_file_is_not_taken_for_gbk() {
    let mut damaged = bytes("cohort-utf8.csv");
    let second_line = damaged.iter().position(|b| *b == b'\n').unwrap() + 1;
    damaged.insert(second_line + 3, 0xC0);
    assert_eq!(
        encoding::decode_native(&damaged),
        Err(EncodingError::BrokenUtf8 { line: 2 })
    );
}

#[test]
fn workbooks_and_binary_files_given_as_text_say_what_they_are() {
    assert_eq!(decode("cohort-app.xlsx"), Err(EncodingError::Zip));
    assert_eq!(decode("encrypted.xlsx"), Err(EncodingError::Ole));
    assert_eq!(decode("legacy.xls"), Err(EncodingError::Ole));
    assert!(EncodingError::Zip.message(Lang::En).contains(".xlsx"));
    // UTF-16 without its byte-order mark reads as NUL bytes, not as mojibake.
    let utf16 = bytes("cohort-utf16.txt");
    assert!(matches!(
        encoding::decode_native(&utf16[2..]),
        Err(EncodingError::Nul { line: 1 })
    ));
}

#[test]
fn real_gbk_text_is_never_mostly_valid_utf8() {
    // The line between a damaged UTF-8 file and a GBK file: GBK text forms valid UTF-8 only
    // now and then, so a GBK file with many Chinese characters always goes to GB18030.
    let decoded = decode("cohort-gbk.csv").unwrap();
    assert_eq!(decoded.encoding, Encoding::Gb18030);
    let short: Vec<u8> = [0xD5, 0xC5, 0xC8, 0xFD, b',', 0xBE, 0xD6, 0xB3, 0xA4].to_vec(); // 张三,局长
    let decoded = encoding::decode_native(&short).unwrap();
    assert_eq!(
        (decoded.text.as_str(), decoded.encoding),
        ("张三,局长", Encoding::Gb18030)
    );
}

/// The workshop reads a large file in pieces: whatever the pieces, `Pieces` gathers plain
/// UTF-8 into the text `decode` gives, and hands anything else over whole, byte for byte, to
/// `decode` — so what is read, or refused, is always `decode`'s.
#[test]
fn a_file_read_in_pieces_is_the_file_read_whole() {
    use dongliang::engine::encoding::{decode, Pieces};
    let gbk = |_: &[u8]| Some("(gbk)".to_string());
    let text = "name,post\r\n张三,区长 🚀 𠀋\r\n李四,\"书记, 主任\"\r\n".repeat(5);
    let mut files: Vec<Vec<u8>> = vec![
        text.clone().into_bytes(),
        [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat(),
        [&b"\xEF\xBB\xBF\xEF\xBB\xBF"[..], text.as_bytes()].concat(),
        vec![],
        b"ab".to_vec(),
        b"PK\x03\x04rest of a workbook".to_vec(),
        [
            &[0xFF, 0xFE][..],
            &"名单"
                .encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<_>>(),
        ]
        .concat(),
        [text.as_bytes(), &[0xB0, 0xA1, b'\n'], text.as_bytes()].concat(),
        [text.as_bytes(), b"\0", text.as_bytes()].concat(),
        [text.as_bytes(), &[0xE5, 0xBC]].concat(),
        vec![0xB0, 0xA1, 0xB0, 0xA1, 0xB0, 0xA1, 0xB0, 0xA1, 0xB0, 0xA1],
    ];
    files.push(text.as_bytes()[..text.len() - 1].to_vec());
    for file in &files {
        let whole = decode(file, gbk);
        for size in [1, 2, 3, 5, 7, 64, 4096, usize::MAX] {
            let mut pieces = Pieces::new();
            for piece in file.chunks(size.min(file.len().max(1))) {
                pieces.push(piece);
            }
            let read = match pieces.finish() {
                Ok(decoded) => Ok(decoded),
                Err(bytes) => {
                    assert_eq!(&bytes, file, "the bytes handed over are the file's");
                    decode(&bytes, gbk)
                }
            };
            assert_eq!(
                read,
                whole,
                "{:?}, pieces of {size}",
                String::from_utf8_lossy(&file[..file.len().min(12)])
            );
        }
    }
}
