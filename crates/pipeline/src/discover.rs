//! `feeds add`: from whatever the user pasted (a feed or a site) to a feed we can read.

use newsdesk_feeds::{COMMON_FEED_PATHS, ParsedFeed, feed_links, parse_feed};
use newsdesk_fetch::{FetchError, FetchRequest, Fetcher};
use url::Url;

/// Why no feed was found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DiscoverError {
    #[error("cannot fetch {url}: {error}")]
    Fetch { url: String, error: FetchError },
    #[error(
        "no feed found at {url}: it is not a feed, announces no readable feed, and none of {tried} usual addresses has one"
    )]
    NoFeed { url: String, tried: usize },
}

/// A feed found for what the user gave.
#[derive(Debug, Clone)]
pub struct Discovered {
    /// Where the feed is.
    pub url: Url,
    pub feed: ParsedFeed,
    /// The site's own name, when the user gave a page of the site and it says its name
    /// (`og:site_name` and the like).
    pub site_name: Option<String>,
    /// The other feeds the page announces, for the user to add too if they want them.
    pub others: Vec<Url>,
}

/// Finds the feed at or for `url`: the URL itself if it is a feed, else the feeds its page
/// announces, else the usual feed paths of its site.
///
/// # Errors
/// [`DiscoverError`] when the address cannot be fetched or no feed is found.
pub async fn discover_feed(fetcher: &Fetcher, url: &Url) -> Result<Discovered, DiscoverError> {
    let page = fetcher
        .fetch(FetchRequest {
            accept: "application/rss+xml, application/atom+xml, application/feed+json, text/html;q=0.9, */*;q=0.5",
            ..FetchRequest::new(url)
        })
        .await
        .map_err(|error| DiscoverError::Fetch { url: url.to_string(), error })?;
    if let Ok(feed) =
        parse_feed(&page.body, page.content_type.as_deref(), page.content_location.as_ref().unwrap_or(&page.url))
    {
        return Ok(Discovered { url: page.url, feed, site_name: None, others: Vec::new() });
    }
    let site_name = newsdesk_extract::extract(newsdesk_extract::Page {
        bytes: &page.body,
        content_type: page.content_type.as_deref(),
        url: Some(&page.url),
    })
    .site_name;
    let html = String::from_utf8_lossy(&page.body);
    let announced = feed_links(&html, &page.url);
    let mut tried = 0;
    let guesses = COMMON_FEED_PATHS.iter().filter_map(|p| page.url.join(p).ok());
    for candidate in announced.iter().cloned().chain(guesses).take(16) {
        tried += 1;
        let Ok(found) = fetcher.fetch(FetchRequest::new(&candidate)).await else { continue };
        let base = found.content_location.as_ref().unwrap_or(&found.url);
        if let Ok(feed) = parse_feed(&found.body, found.content_type.as_deref(), base) {
            let others = announced.iter().filter(|u| **u != candidate && **u != found.url).take(20).cloned().collect();
            return Ok(Discovered { url: found.url, feed, site_name, others });
        }
    }
    Err(DiscoverError::NoFeed { url: url.to_string(), tried })
}
