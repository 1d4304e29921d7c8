//! The few browser calls the components need: reading an input, downloading a file, the URL
//! fragment, printing and today's date. Everything else stays in Yew.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Event, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::Callback;

/// The value of the input, select or text area an event came from.
pub fn event_value(e: &Event) -> String {
    let Some(target) = e.target() else {
        return String::new();
    };
    if let Some(input) = target.dyn_ref::<HtmlInputElement>() {
        input.value()
    } else if let Some(select) = target.dyn_ref::<HtmlSelectElement>() {
        select.value()
    } else if let Some(area) = target.dyn_ref::<HtmlTextAreaElement>() {
        area.value()
    } else {
        String::new()
    }
}

/// Whether the checkbox an event came from is checked.
pub fn event_checked(e: &Event) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        .is_some_and(|i| i.checked())
}

/// Offers `text` to the user as a file download.
pub fn download(file_name: &str, mime: &str, text: &str) {
    download_part(file_name, mime, &JsValue::from_str(text));
}

/// Offers `bytes` to the user as a file download (a binary file: .xlsx).
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) {
    download_part(file_name, mime, &js_sys::Uint8Array::from(bytes));
}

/// Copies `text` to the clipboard, then tells `done` whether the browser allowed it.
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let Some(window) = web_sys::window() else {
        return done(false);
    };
    let clipboard = window.navigator().clipboard();
    // Older WebViews have no clipboard object at all: the property is undefined.
    if JsValue::from(clipboard.clone()).is_undefined() {
        return done(false);
    }
    let promise = clipboard.write_text(text);
    yew::platform::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

fn download_part(file_name: &str, mime: &str, part: &JsValue) {
    let run = || -> Result<(), JsValue> {
        let parts = js_sys::Array::of1(part);
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or(JsValue::NULL)?;
        let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
        a.set_href(&url);
        a.set_download(file_name);
        a.click();
        // Revoked once the browser has started the download: revoking at once can cancel it.
        super::timing::after_ms(10_000, move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        });
        Ok(())
    };
    let _ = run();
}

/// Removes the prerendered first view (`#prerender`, scripts/prerender.mjs) once the app has
/// rendered its own in its place.
pub fn remove_prerender() {
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("prerender"))
    {
        element.remove();
    }
}

/// The page's URL fragment, `#` included, or empty.
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Removes the fragment from the address bar without reloading (after a share link is opened).
pub fn clear_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let url = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// The page's address without its fragment, for share links.
pub fn page_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default()
}

/// Opens the browser's print dialog (the print stylesheet makes it a one-page report).
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Asks the user to confirm; `false` when no dialog can be shown.
pub fn confirm(message: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(message).ok())
        .unwrap_or(false)
}

/// Today's date as `YYYY-MM-DD`, local time.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// Sets the document's language and title (screen readers and the print header use them).
pub fn set_document_lang(lang: &str, title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", lang);
        }
        document.set_title(title);
    }
}

/// The view a page starts on: `<body data-start="workshop">` (the workshop's page) or a
/// `#workshop`, `#rules` or `#about` fragment; the self-assessment otherwise.
pub fn start_view() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let hash = fragment();
    let named = hash.trim_start_matches('#');
    if matches!(named, "workshop" | "rules" | "about" | "self-assessment") {
        return Some(named.to_string());
    }
    document.body()?.get_attribute("data-start")
}

/// The file chosen in the `<input type="file">` an event came from, clearing the input so that
/// choosing the same file again fires another change.
pub fn take_chosen_file(e: &Event) -> Option<web_sys::File> {
    let input = e.target()?.dyn_into::<HtmlInputElement>().ok()?;
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    file
}

/// A file read as text: its name, and its text or why it could not be read (English, Chinese).
pub type FileRead = (String, Result<String, (String, String)>);

thread_local! {
    /// The last read: a reader is cancelled when dropped, so it is kept until the next read
    /// replaces it.
    static READING: std::cell::RefCell<Option<gloo::file::callbacks::FileReader>> =
        const { std::cell::RefCell::new(None) };
}

/// The bytes of a file from `from` to `to`, read by the browser (`Blob.arrayBuffer`): a large
/// file is read a piece at a time, each piece a short task of its own.
pub async fn read_piece(file: &web_sys::File, from: f64, to: f64) -> Result<Vec<u8>, String> {
    let js_error = |e: JsValue| e.as_string().unwrap_or_else(|| format!("{e:?}"));
    let piece = file.slice_with_f64_and_f64(from, to).map_err(js_error)?;
    let buffer = wasm_bindgen_futures::JsFuture::from(piece.array_buffer())
        .await
        .map_err(js_error)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Decodes GB18030 (GBK) text with the browser's own decoder, refusing invalid bytes instead
/// of replacing them (`fatal`): the wasm carries no code-page tables.
pub fn gb18030(bytes: &[u8]) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options("gb18030", &options).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}

/// Reads the file chosen in the file input `e` came from (taking it, as [`take_chosen_file`]
/// does) and hands the outcome to `done`; a file larger than `max_mb` megabytes is refused
/// unread. Nothing happens when no file was chosen.
pub fn read_chosen_file(e: &Event, max_mb: Option<u32>, done: Callback<FileRead>) {
    let Some(file) = take_chosen_file(e) else {
        return;
    };
    let name = file.name();
    if let Some(mb) = max_mb.filter(|mb| file.size() > f64::from(*mb) * 1024.0 * 1024.0) {
        let why = (
            format!("the file is larger than {mb} MB"),
            format!("文件超过 {mb} MB"),
        );
        done.emit((name, Err(why)));
        return;
    }
    let reader = gloo::file::callbacks::read_as_text(&gloo::file::File::from(file), move |read| {
        let read = read.map_err(|e| (e.to_string(), format!("无法读取文件:{e}")));
        done.emit((name, read));
    });
    READING.with(|reading| *reading.borrow_mut() = Some(reader));
}
