//! The search box's query language from any text: read strictly, read as the API reads it,
//! and told whether it asks for the start of a word (the search gate's question).
fn main() {
    afl::fuzz!(|data: &[u8]| {
        if let Ok(text) = std::str::from_utf8(data) {
            let _ = newsdesk_store::ParsedQuery::read(text);
            let _ = newsdesk_store::ParsedQuery::read_leniently(text).has_prefix();
        }
    });
}
