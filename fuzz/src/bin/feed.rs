//! The feed parser (RSS, Atom, RDF, JSON Feed) from any bytes. A panic it catches itself is
//! turned back into a crash, so that AFL++ sees it.
fn main() {
    let url = url::Url::parse("https://fuzz.example/feed.xml").expect("a valid URL");
    afl::fuzz!(|data: &[u8]| {
        if let Err(newsdesk_feeds::FeedError::Panicked(what)) = newsdesk_feeds::parse_feed(data, None, &url) {
            panic!("the feed parser panicked: {what}");
        }
    });
}
