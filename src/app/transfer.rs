//! Moving work in and out where downloads may be blocked (the in-app browsers of chat apps):
//! every export is offered as a download *and* as text to copy, and a dossier, a cohort or a
//! rule set can be imported by pasting its text. The panel that shows one of these is
//! `simulator::transfer_panel`.

use std::rc::Rc;

/// What pasted text is imported as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasteInto {
    Dossier,
    /// The workshop's cohort (JSON, CSV or text copied from a spreadsheet).
    #[cfg(feature = "workshop")]
    Cohort,
    #[cfg(feature = "workshop")]
    Rules,
}

/// An export: the file to download and the text to copy.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    pub file: String,
    pub mime: &'static str,
    /// What "copy" puts on the clipboard: the file's text, or for a binary file (.xlsx) the
    /// same table as tab-separated text, which pastes into a spreadsheet.
    pub text: Rc<String>,
    /// The file's bytes when it is not text.
    pub bytes: Option<Rc<Vec<u8>>>,
}

impl Export {
    /// A text file: what is copied is what is downloaded.
    pub fn text(file: impl Into<String>, mime: &'static str, text: String) -> Export {
        Export {
            file: file.into(),
            mime,
            text: Rc::new(text),
            bytes: None,
        }
    }
}

/// The panel on screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Transfer {
    Export(Export),
    Paste(PasteInto),
}
