//! The search box's query language from any text.
fn main() {
    afl::fuzz!(|data: &[u8]| {
        if let Ok(text) = std::str::from_utf8(data) {
            let _ = newsdesk_store::ParsedQuery::read(text);
        }
    });
}
