//! Article extraction from any bytes: decoding, parsing, choosing, rendering, the verdict.
fn main() {
    let url = url::Url::parse("https://fuzz.example/2026/01/page.html").expect("a valid URL");
    afl::fuzz!(|data: &[u8]| {
        let page = newsdesk_extract::Page { bytes: data, content_type: Some("text/html"), url: Some(&url) };
        let _ = newsdesk_extract::extract(page);
    });
}
