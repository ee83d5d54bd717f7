//! The article page format (`newsdesk import`/`export` pages) from any text.
fn main() {
    afl::fuzz!(|data: &[u8]| {
        if let Ok(text) = std::str::from_utf8(data) {
            let _ = newsdesk_formats::parse_page(text);
        }
    });
}
