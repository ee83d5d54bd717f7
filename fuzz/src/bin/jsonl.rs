//! One JSON Lines record of `newsdesk import` from any text.
fn main() {
    afl::fuzz!(|data: &[u8]| {
        if let Ok(text) = std::str::from_utf8(data) {
            for (n, line) in text.lines().enumerate() {
                let _ = newsdesk_formats::parse_jsonl_line(line, n + 1);
            }
        }
    });
}
