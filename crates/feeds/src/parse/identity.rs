//! How an entry is recognised when it is seen again: its GUID, else its link with tracking
//! parameters removed, else a hash of its content.

use sha2::{Digest, Sha256};
use url::Url;

/// Query parameters that only track the reader and never change the page.
fn is_tracking(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    k.starts_with("utm_")
        || matches!(
            k.as_str(),
            "fbclid"
                | "gclid"
                | "dclid"
                | "msclkid"
                | "yclid"
                | "mc_cid"
                | "mc_eid"
                | "igshid"
                | "_hsenc"
                | "_hsmi"
                | "mkt_tok"
                | "ref_src"
                | "cmpid"
                | "ncid"
                | "ocid"
                | "sr_share"
                | "spm"
                | "at_medium"
                | "at_campaign"
        )
}

/// The link as an identity: lowercase host, no default port, no fragment, no tracking
/// parameters, remaining parameters kept in their order.
#[must_use]
pub fn canonical_link(url: &Url) -> String {
    let mut u = url.clone();
    u.set_fragment(None);
    let kept: Vec<(String, String)> =
        u.query_pairs().filter(|(k, _)| !is_tracking(k)).map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
    if kept.is_empty() {
        u.set_query(None);
    } else {
        u.query_pairs_mut().clear().extend_pairs(kept);
    }
    u.to_string()
}

/// A stable hash of an entry's title and text, for entries with neither GUID nor link.
#[must_use]
pub fn content_hash(title: &str, text: &str) -> String {
    let mut h = Sha256::new();
    h.update(title.trim().as_bytes());
    h.update([0]);
    h.update(text.trim().as_bytes());
    h.finalize().iter().take(16).map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracking_parameters_and_fragments_go() {
        let u = Url::parse("https://News.Example/a?id=7&utm_source=rss&utm_medium=feed&fbclid=x#comments").unwrap();
        assert_eq!(canonical_link(&u), "https://news.example/a?id=7");
        let u = Url::parse("https://news.example:443/a?utm_campaign=z").unwrap();
        assert_eq!(canonical_link(&u), "https://news.example/a");
    }

    #[test]
    fn hashes_are_stable_and_differ() {
        assert_eq!(content_hash("T", "body"), content_hash(" T ", "body\n"));
        assert_ne!(content_hash("T", "body"), content_hash("T", "body2"));
        assert_eq!(content_hash("a", "b").len(), 32);
    }
}
