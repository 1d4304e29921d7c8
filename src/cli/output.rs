//! `rank`'s output, fast. Each official's JSON is written by hand in the order and spacing
//! serde_json gives `Ranked` (the keys as literals; strings and numbers by serde_json itself,
//! so escapes and number forms are serde_json's), and a large ranking is formatted on every
//! core, a block of officials per thread at a time, the blocks written in order. The bytes are
//! those of `serde_json::to_writer_pretty` / `to_writer` / `csv::write_ranking` (the tests
//! below compare them).

use std::io::{self, Write};
use std::sync::mpsc;

use dongliang::engine::{csv, Ranked};

/// How a ranking is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// An indented JSON array and a line end.
    Pretty,
    /// A JSON array on one line and a line end.
    Compact,
    /// One JSON object a line.
    Lines,
    /// CSV with a byte-order mark (`csv::write_ranking`).
    Csv,
}

/// Officials formatted by one thread at a time.
const BLOCK: usize = 2048;

/// Room made for each official's text in a block's buffer (about 310 bytes indented).
const BYTES_EACH: usize = 384;

/// At most this many threads format a ranking.
const MAX_THREADS: usize = 8;

/// Writes the ranking in `style`.
pub fn ranking(out: &mut impl Write, officials: &[Ranked], style: Style) -> io::Result<()> {
    let array = matches!(style, Style::Pretty | Style::Compact);
    if array && officials.is_empty() {
        return out.write_all(b"[]\n");
    }
    match style {
        Style::Pretty | Style::Compact => out.write_all(b"[")?,
        Style::Csv => csv::write_ranking_header(out)?,
        Style::Lines => {}
    }
    let blocks: Vec<&[Ranked]> = officials.chunks(BLOCK).collect();
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(MAX_THREADS)
        .min(blocks.len());
    if threads <= 1 {
        let mut buf = Vec::new();
        for (b, block) in blocks.iter().enumerate() {
            buf.clear();
            format_block(&mut buf, block, b == 0, style)?;
            out.write_all(&buf)?;
        }
    } else {
        // Block b is formatted by thread b % threads (the calling thread for 0); each helper
        // sends its blocks in order, at most two ahead of the writer.
        std::thread::scope(|scope| {
            let helpers: Vec<mpsc::Receiver<io::Result<Vec<u8>>>> = (1..threads)
                .map(|t| {
                    let (send, receive) = mpsc::sync_channel(2);
                    let blocks = &blocks;
                    scope.spawn(move || {
                        for b in (t..blocks.len()).step_by(threads) {
                            let mut buf = Vec::with_capacity(blocks[b].len() * BYTES_EACH);
                            let done = format_block(&mut buf, blocks[b], b == 0, style).map(|()| buf);
                            if send.send(done).is_err() {
                                break;
                            }
                        }
                    });
                    receive
                })
                .collect();
            let mut buf = Vec::new();
            for (b, block) in blocks.iter().enumerate() {
                match b % threads {
                    0 => {
                        buf.clear();
                        format_block(&mut buf, block, b == 0, style)?;
                        out.write_all(&buf)?;
                    }
                    t => {
                        let block = helpers[t - 1]
                            .recv()
                            .map_err(|_| io::Error::other("a formatting thread ended"))?;
                        out.write_all(&block?)?;
                    }
                }
            }
            Ok::<(), io::Error>(())
        })?;
    }
    match style {
        Style::Pretty => out.write_all(b"\n]\n"),
        Style::Compact => out.write_all(b"]\n"),
        Style::Lines | Style::Csv => Ok(()),
    }
}

/// One block of officials, each preceded by the separator it has in the whole output.
fn format_block(buf: &mut Vec<u8>, block: &[Ranked], first: bool, style: Style) -> io::Result<()> {
    if style == Style::Csv {
        return csv::write_ranking_rows(buf, block);
    }
    for (i, r) in block.iter().enumerate() {
        match style {
            Style::Pretty => {
                buf.extend_from_slice(if first && i == 0 { b"\n  " } else { b",\n  " });
                official(buf, r, true)?;
            }
            Style::Compact => {
                if !(first && i == 0) {
                    buf.push(b',');
                }
                official(buf, r, false)?;
            }
            Style::Lines => {
                official(buf, r, false)?;
                buf.push(b'\n');
            }
            Style::Csv => unreachable!("handled above"),
        }
    }
    Ok(())
}

/// An official as serde_json writes a `Ranked`: indented as an element of a top-level array
/// (`pretty`), or on one line.
fn official(buf: &mut Vec<u8>, r: &Ranked, pretty: bool) -> io::Result<()> {
    let (open, next, close): (&[u8], &[u8], &[u8]) = if pretty {
        (b"{\n    ", b",\n    ", b"\n  }")
    } else {
        (b"{", b",", b"}")
    };
    let colon: &[u8] = if pretty { b": " } else { b":" };
    let key = |buf: &mut Vec<u8>, first: bool, name: &[u8]| {
        buf.extend_from_slice(if first { open } else { next });
        buf.push(b'"');
        buf.extend_from_slice(name);
        buf.push(b'"');
        buf.extend_from_slice(colon);
    };
    let flag = |buf: &mut Vec<u8>, name: &[u8], value: bool| {
        key(buf, false, name);
        buf.extend_from_slice(if value { b"true" } else { b"false" });
    };
    key(buf, true, b"index");
    serde_json::to_writer(&mut *buf, &r.index)?;
    key(buf, false, b"name");
    string(buf, &r.name)?;
    if let Some(post) = &r.post {
        key(buf, false, b"post");
        string(buf, post)?;
    }
    key(buf, false, b"total");
    serde_json::to_writer(&mut *buf, &r.total)?;
    key(buf, false, b"tier");
    string(buf, r.tier.id())?;
    key(buf, false, b"rank");
    serde_json::to_writer(&mut *buf, &r.rank)?;
    flag(buf, b"honour", r.honour);
    flag(buf, b"vetoed", r.vetoed);
    flag(buf, b"projected", r.projected);
    flag(buf, b"quota_demoted", r.quota_demoted);
    key(buf, false, b"consequences");
    if r.consequences.is_empty() {
        buf.extend_from_slice(b"[]");
    } else {
        for (i, c) in r.consequences.iter().enumerate() {
            buf.extend_from_slice(match (pretty, i) {
                (true, 0) => b"[\n      ",
                (true, _) => b",\n      ",
                (false, 0) => b"[",
                (false, _) => b",",
            });
            string(buf, c.id())?;
        }
        buf.extend_from_slice(if pretty { b"\n    ]" } else { b"]" });
    }
    buf.extend_from_slice(close);
    Ok(())
}

/// A JSON string as serde_json writes it: as it is between quotes unless it holds a character
/// serde_json escapes (a control character, `"` or `\\`), which serde_json then writes. Ids
/// (a tier, a consequence) are written so too: serde writes them as their ids.
fn string(buf: &mut Vec<u8>, s: &str) -> io::Result<()> {
    if s.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
        buf.reserve(s.len() + 2);
        buf.push(b'"');
        buf.extend_from_slice(s.as_bytes());
        buf.push(b'"');
        Ok(())
    } else {
        Ok(serde_json::to_writer(buf, s)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dongliang::engine::{Consequence, Tier};
    use proptest::prelude::*;
    use proptest::sample::select;

    fn ranked() -> impl Strategy<Value = Ranked> {
        let text = select(vec![
            "王建国(虚构)".to_string(),
            String::new(),
            " 引号\"与,逗号\n换行\t\\ ".to_string(),
            "\u{0}\u{1f}\u{7f}\u{2028}😀𠀀".to_string(),
            "=1+2".to_string(),
            "'".to_string(),
        ]);
        let total = select(vec![
            0.0,
            -0.0,
            91.25,
            103.24,
            1e-7,
            1e21,
            100.0,
            59.999999999999,
            f64::NAN,
        ]);
        let consequences = proptest::collection::vec(select(Consequence::ALL.to_vec()), 0..4);
        (
            (0usize..1_000_000, text.clone(), proptest::option::of(text), total),
            (
                select(Tier::ALL.to_vec()),
                1usize..1_000_000,
                any::<[bool; 4]>(),
                consequences,
            ),
        )
            .prop_map(
                |((index, name, post, total), (tier, rank, flags, consequences))| Ranked {
                    index,
                    name,
                    post,
                    total,
                    tier,
                    rank,
                    honour: flags[0],
                    vetoed: flags[1],
                    projected: flags[2],
                    quota_demoted: flags[3],
                    consequences,
                },
            )
    }

    fn written(officials: &[Ranked], style: Style) -> Vec<u8> {
        let mut out = Vec::new();
        ranking(&mut out, officials, style).unwrap();
        out
    }

    /// What `dongliang rank` wrote before: serde_json and `csv::write_ranking`.
    fn reference(officials: &[Ranked], style: Style) -> Vec<u8> {
        let mut out = Vec::new();
        match style {
            Style::Pretty => serde_json::to_writer_pretty(&mut out, officials).unwrap(),
            Style::Compact => serde_json::to_writer(&mut out, officials).unwrap(),
            Style::Lines => {
                for r in officials {
                    serde_json::to_writer(&mut out, r).unwrap();
                    out.push(b'\n');
                }
            }
            Style::Csv => csv::write_ranking(&mut out, officials).unwrap(),
        }
        if matches!(style, Style::Pretty | Style::Compact) {
            out.push(b'\n');
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn rankings_are_written_as_serde_json_and_csv_write_them(
            officials in proptest::collection::vec(ranked(), 0..6),
            copies in select(vec![1usize, 700, 1500]),
        ) {
            // Copies make rankings of several blocks, formatted on several threads.
            let officials: Vec<Ranked> = officials.iter().cycle().take(officials.len() * copies).cloned().collect();
            for style in [Style::Pretty, Style::Compact, Style::Lines, Style::Csv] {
                let (ours, theirs) = (written(&officials, style), reference(&officials, style));
                prop_assert!(ours == theirs, "{:?}: {} bytes against {}", style, ours.len(), theirs.len());
            }
        }
    }

    #[test]
    fn an_empty_ranking_is_an_empty_array() {
        for style in [Style::Pretty, Style::Compact, Style::Lines, Style::Csv] {
            assert_eq!(written(&[], style), reference(&[], style), "{style:?}");
        }
    }
}
