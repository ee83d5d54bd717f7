//! OPML subscription lists, read leniently (real-world OPML is sloppy) and written plainly.

use url::Url;

use crate::parse::{entities_unescape, parse_xml_tree};

/// One subscription.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpmlFeed {
    pub url: Url,
    pub title: Option<String>,
    pub site_url: Option<Url>,
}

/// What an OPML file holds, and what of it could not be used.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpmlImport {
    pub feeds: Vec<OpmlFeed>,
    /// Outlines that were skipped, with why.
    pub skipped: Vec<String>,
}

/// Reads every `<outline>` with a feed address (`xmlUrl`, in any case, or `url` on an
/// `rss`-typed outline), at any depth.
///
/// # Errors
/// [`OpmlError::NotXml`] when the text is not XML at all.
pub fn parse_opml(text: &str) -> Result<OpmlImport, OpmlError> {
    let doc = parse_xml_tree(text).map_err(OpmlError::NotXml)?;
    let mut import = OpmlImport::default();
    let mut stack = vec![&doc.root];
    let mut seen = std::collections::HashSet::new();
    while let Some(el) = stack.pop() {
        for child in el.elements().collect::<Vec<_>>().into_iter().rev() {
            stack.push(child);
        }
        if !el.name.eq_ignore_ascii_case("outline") {
            continue;
        }
        let get = |name: &str| {
            el.attrs.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| entities_unescape(v.trim()))
        };
        let is_rss = get("type").is_some_and(|t| t.eq_ignore_ascii_case("rss") || t.eq_ignore_ascii_case("atom"));
        let Some(raw) = get("xmlUrl").or_else(|| if is_rss { get("url") } else { None }).filter(|u| !u.is_empty())
        else {
            continue; // a folder
        };
        let title = get("title").or_else(|| get("text")).filter(|t| !t.is_empty());
        match Url::parse(&raw) {
            Ok(url) if matches!(url.scheme(), "http" | "https") => {
                if seen.insert(url.to_string()) {
                    let site_url = get("htmlUrl")
                        .and_then(|h| Url::parse(&h).ok())
                        .filter(|u| matches!(u.scheme(), "http" | "https"));
                    import.feeds.push(OpmlFeed { url, title, site_url });
                } else {
                    import.skipped.push(format!("{raw}: listed twice"));
                }
            }
            _ => import.skipped.push(format!("{}: not an http(s) address", raw.chars().take(100).collect::<String>())),
        }
    }
    Ok(import)
}

/// Why a subscription list could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpmlError {
    /// The text is not XML; the message says where reading stopped.
    #[error("not XML: {0}")]
    NotXml(String),
}

/// Writes an OPML 2.0 subscription list.
#[must_use]
pub fn write_opml(title: &str, feeds: &[OpmlFeed]) -> String {
    let esc = |s: &str| {
        let mut out = String::new();
        newsdesk_model::escape_html_into(s, &mut out);
        out
    };
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n");
    out.push_str(&format!("  <head><title>{}</title></head>\n  <body>\n", esc(title)));
    for f in feeds {
        let name = esc(f.title.as_deref().unwrap_or(f.url.as_str()));
        out.push_str(&format!(
            "    <outline type=\"rss\" text=\"{name}\" title=\"{name}\" xmlUrl=\"{}\"",
            esc(f.url.as_str())
        ));
        if let Some(site) = &f.site_url {
            out.push_str(&format!(" htmlUrl=\"{}\"", esc(site.as_str())));
        }
        out.push_str("/>\n");
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_sloppy_opml() {
        let text = r#"<?xml version="1.0"?>
<opml version="1.0"><head><title>Mine</title></head><body>
  <outline text="News">
    <outline text="Harbour &amp; Co" type="rss" xmlurl="https://harbour.example/feed.xml" htmlUrl="https://harbour.example/"/>
    <outline title="Tram" type="rss" url="https://tram.example/rss"/>
    <outline text="Dup" xmlUrl="https://harbour.example/feed.xml"/>
    <outline text="Bad" xmlUrl="ftp://files.example/feed"/>
    <outline text="Unclosed" xmlUrl="https://coast.example/atom">
  </outline>
</body>"#;
        let import = parse_opml(text).unwrap();
        let urls: Vec<&str> = import.feeds.iter().map(|f| f.url.as_str()).collect();
        assert_eq!(
            urls,
            ["https://harbour.example/feed.xml", "https://tram.example/rss", "https://coast.example/atom"]
        );
        assert_eq!(import.feeds[0].title.as_deref(), Some("Harbour & Co"));
        assert_eq!(import.feeds[0].site_url.as_ref().unwrap().as_str(), "https://harbour.example/");
        assert_eq!(import.skipped.len(), 2, "{:?}", import.skipped);
        assert!(parse_opml("not xml at all").is_err());
    }

    #[test]
    fn writes_what_it_reads() {
        let feeds = vec![OpmlFeed {
            url: Url::parse("https://a.example/rss?x=1&y=2").unwrap(),
            title: Some("A \"quoted\" <name>".into()),
            site_url: None,
        }];
        let back = parse_opml(&write_opml("newsdesk", &feeds)).unwrap();
        assert_eq!(back.feeds, feeds);
    }
}
