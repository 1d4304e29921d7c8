//! Reading input: every file, and standard input for `-`, is read by [`read_bytes`], and its
//! text taken by [`text`]. A large file is mapped into memory rather than copied (memmap2), and
//! UTF-8 is checked by simdutf8 (Cargo.toml says why); in a wasm build of the CLI, which the
//! browser tests' builds compile but nobody runs, a file is read and checked by std.

use std::io::{self, Read};

/// Files at least this large are mapped into memory rather than read.
#[cfg(not(target_arch = "wasm32"))]
const MAP_MIN: u64 = 1 << 20;

/// Input as read: a large file mapped into memory, anything else (standard input, a small
/// file) read into the heap.
pub enum Input {
    #[cfg(not(target_arch = "wasm32"))]
    Mapped(memmap2::Mmap),
    Read(Vec<u8>),
}

impl std::ops::Deref for Input {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            #[cfg(not(target_arch = "wasm32"))]
            Input::Mapped(map) => map,
            Input::Read(bytes) => bytes,
        }
    }
}

/// A file's bytes, or standard input's for `-`.
pub fn read_bytes(path: &str) -> Result<Input, Vec<String>> {
    let result = if path == "-" {
        let mut bytes = Vec::new();
        io::stdin().read_to_end(&mut bytes).map(|_| Input::Read(bytes))
    } else {
        std::fs::File::open(path).and_then(|mut file| {
            let metadata = file.metadata()?;
            if let Some(map) = map(&file, &metadata) {
                return Ok(map);
            }
            let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
            file.read_to_end(&mut bytes).map(|_| Input::Read(bytes))
        })
    };
    result.map_err(|e| cannot_read(path, &e))
}

/// A large regular file mapped into memory, its pages read in at once; `None` for anything
/// else or when it cannot be mapped (then it is read).
#[cfg(not(target_arch = "wasm32"))]
fn map(file: &std::fs::File, metadata: &std::fs::Metadata) -> Option<Input> {
    if !metadata.is_file() || metadata.len() < MAP_MIN {
        return None;
    }
    // Safety: the map is only read. Were the file changed or cut short by another program
    // while it is mapped, what is read could change under the parser (or the process be
    // killed); the CLI reads the file once, at start.
    let map = unsafe { memmap2::MmapOptions::new().populate().map(file) };
    map.ok().map(Input::Mapped)
}

#[cfg(target_arch = "wasm32")]
fn map(_: &std::fs::File, _: &std::fs::Metadata) -> Option<Input> {
    None
}

fn cannot_read(path: &str, e: &io::Error) -> Vec<String> {
    vec![format!("{path}: cannot read: {e}")]
}

/// Input as text: UTF-8, or the error `read_to_string` gives.
pub fn text<'a>(bytes: &'a [u8], path: &str) -> Result<&'a str, Vec<String>> {
    #[cfg(not(target_arch = "wasm32"))]
    let text = simdutf8::basic::from_utf8(bytes).ok();
    #[cfg(target_arch = "wasm32")]
    let text = std::str::from_utf8(bytes).ok();
    text.ok_or_else(|| {
        let e = io::Error::new(io::ErrorKind::InvalidData, "stream did not contain valid UTF-8");
        cannot_read(path, &e)
    })
}

/// A file's text (rule sets, dossiers).
pub fn read(path: &str) -> Result<String, Vec<String>> {
    Ok(text(&read_bytes(path)?, path)?.to_owned())
}
