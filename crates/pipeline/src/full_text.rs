//! Full text for partial feeds. Many feeds carry only a teaser; for a new or changed entry
//! whose content looks partial (or every entry, when the operator says so for the feed), the
//! article page is fetched through the same polite, safe fetcher as feeds, and the article is
//! extracted from it. The page's text replaces the feed's only when the page is an article
//! and says more; otherwise the feed's own content is kept, and the poll's note says why.

use std::sync::Arc;

use newsdesk_extract::{Extracted, Page};
use newsdesk_feeds::ParsedEntry;
use newsdesk_fetch::{FetchRequest, Fetcher};
use newsdesk_model::metrics::METRICS;
use newsdesk_model::{FullText, SafeHtml};
use tokio::task::JoinSet;

/// How full text is fetched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FullTextConfig {
    /// Off: no article page is ever fetched, whatever the feeds' settings.
    pub enabled: bool,
    /// Article pages fetched at once for one feed (the fetcher's per-host limits still hold).
    pub concurrency: usize,
    /// Most article pages fetched in one poll of one feed; the rest keep the feed's content.
    pub max_per_poll: usize,
}

impl Default for FullTextConfig {
    fn default() -> Self {
        Self { enabled: true, concurrency: 4, max_per_poll: 60 }
    }
}

impl FullTextConfig {
    /// Never fetches article pages.
    #[must_use]
    pub fn off() -> Self {
        Self { enabled: false, ..Self::default() }
    }
}

/// Fewer words than this and a feed's content is a teaser.
const TEASER_WORDS: usize = 120;

/// Why the feed's content for `entry` looks like only part of the article, or `None` when it
/// looks whole.
#[must_use]
pub fn partial_reason(entry: &ParsedEntry) -> Option<&'static str> {
    let text = entry.text.trim();
    if text.is_empty() {
        return Some("the feed gives no content");
    }
    let tail: String =
        text.chars().rev().take(40).collect::<Vec<_>>().into_iter().rev().collect::<String>().to_lowercase();
    let tail = tail.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ')' | ']' | '»' | '›' | '>'));
    let cut_off = [
        "…",
        "...",
        "[…",
        "[...",
        "read more",
        "continue reading",
        "read the full story",
        "read full article",
        "(more",
        "more…",
    ]
    .iter()
    .any(|m| tail.ends_with(m));
    if cut_off {
        return Some("the feed's content is cut off");
    }
    if let Some(summary) = &entry.summary
        && summary.trim() == text
    {
        return Some("the feed gives only a summary");
    }
    // Fewer than TEASER_WORDS words: counted only that far.
    text.split_whitespace().nth(TEASER_WORDS.saturating_sub(1)).is_none().then_some("the feed's content is short")
}

/// Whether the entry's page is fetched, given the feed's setting.
#[must_use]
pub fn wants_page(mode: FullText, entry: &ParsedEntry) -> bool {
    entry.url.is_some()
        && match mode {
            FullText::Never => false,
            FullText::Always => true,
            FullText::Auto => partial_reason(entry).is_some(),
        }
}

/// Puts the page's article into `entry` when it is an article that says more than the feed;
/// otherwise leaves `entry` as it was and says why. The feed's own text is kept as the
/// entry's summary when the feed gave no separate one; the page fills a missing byline and
/// publication time.
///
/// # Errors
/// [`NotAdopted`]: why the feed's content was kept.
pub fn adopt(entry: &mut ParsedEntry, page: &Extracted) -> Result<(), NotAdopted> {
    if let Some(reason) = page.not_article {
        return Err(NotAdopted::NotAnArticle(reason));
    }
    // The page's own lead image (its metadata) serves even when its text is not taken.
    if entry.image.is_none() {
        entry.image = page.image.as_ref().and_then(|u| newsdesk_feeds::web_image(u, u.as_str()));
    }
    let feed_words = entry.text.split_whitespace().count();
    let page_words = page.word_count();
    if page_words < feed_words + 20 {
        return Err(NotAdopted::SaysNoMore { page_words, feed_words });
    }
    if entry.summary.is_none() && !entry.text.trim().is_empty() {
        entry.summary = Some(entry.text.replace('\n', " "));
    }
    entry.text.clone_from(&page.text);
    entry.content = SafeHtml::sanitize(&page.html);
    if entry.image.is_none() {
        let base = entry.url.clone().or_else(|| page.image.clone());
        entry.image =
            base.zip(entry.content.first_image()).and_then(|(base, src)| newsdesk_feeds::web_image(&base, &src));
    }
    if entry.author.is_none() {
        entry.author.clone_from(&page.byline);
    }
    if entry.published.is_none() {
        entry.published = page.published;
    }
    Ok(())
}

/// Why a page's article was not put in place of the feed's content.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotAdopted {
    /// The page is not an article (a listing, a paywall, an error page...).
    #[error("{0}")]
    NotAnArticle(newsdesk_extract::NotArticle),
    /// The page's article is not at least twenty words longer than the feed's text.
    #[error("the page's article ({page_words} words) says no more than the feed ({feed_words} words)")]
    SaysNoMore { page_words: usize, feed_words: usize },
}

/// What filling entries from their pages found.
#[derive(Debug, Default)]
pub(crate) struct Filled {
    /// The indices of the entries that took their page's text.
    pub adopted: Vec<usize>,
    /// A note for each page that was not taken.
    pub notes: Vec<String>,
    /// The site's own name as a page gave it, with that page's address.
    pub site_name: Option<(url::Url, String)>,
}

/// Fetches and extracts the pages of `entries[i]` for every `i` in `wanted`, at most
/// `config.concurrency` at a time, and adopts each page that is better than the feed.
pub(crate) async fn fill(
    fetcher: &Fetcher,
    entries: &mut [ParsedEntry],
    wanted: &[usize],
    config: &FullTextConfig,
) -> Filled {
    let mut notes = Vec::new();
    let (taken, skipped) = wanted.split_at(wanted.len().min(config.max_per_poll));
    if !skipped.is_empty() {
        notes.push(format!(
            "{} article pages not fetched this time (at most {} per poll)",
            skipped.len(),
            config.max_per_poll
        ));
    }
    let fetcher = Arc::new(fetcher.clone());
    let mut running: JoinSet<(usize, Result<Extracted, String>)> = JoinSet::new();
    let mut queue = taken.iter().copied();
    let mut adopted = Vec::new();
    let mut kept: Vec<(String, String)> = Vec::new();
    let mut site_name = None;
    loop {
        while running.len() < config.concurrency.max(1) {
            let Some(i) = queue.next() else { break };
            let Some(url) = entries[i].url.clone() else { continue };
            let fetcher = Arc::clone(&fetcher);
            running.spawn(async move { (i, fetch_article(&fetcher, url).await) });
        }
        let Some(done) = running.join_next().await else { break };
        let Ok((i, result)) = done else {
            notes.push("an article page's extraction failed".to_owned());
            continue;
        };
        if let (Ok(page), None) = (&result, &site_name)
            && let (Some(name), Some(url)) = (&page.site_name, &entries[i].url)
        {
            site_name = Some((url.clone(), name.clone()));
        }
        let outcome = result.and_then(|page| adopt(&mut entries[i], &page).map_err(|e| e.to_string()));
        match outcome {
            Ok(()) => {
                METRICS.full_text_adopted.inc();
                adopted.push(i);
            }
            Err(why) => {
                METRICS.full_text_kept.inc();
                let url = entries[i].url.as_ref().map_or_else(String::new, ToString::to_string);
                tracing::info!(url, why, "feed content kept");
                kept.push((url, why));
            }
        }
    }
    adopted.sort_unstable();
    // One short line for the feed's status, whatever the number of pages: how many, and the
    // commonest reason with one of its pages (the log has each page).
    if !kept.is_empty() {
        let mut reasons: Vec<(usize, &str, &str)> = Vec::new();
        for (url, why) in &kept {
            match reasons.iter_mut().find(|r| r.1 == why.as_str()) {
                Some(r) => r.0 += 1,
                None => reasons.push((1, why.as_str(), url.as_str())),
            }
        }
        reasons.sort_by_key(|r| std::cmp::Reverse(r.0));
        let (n, why, example) = reasons[0];
        let n_all = kept.len();
        notes.push(format!(
            "kept the feed's content for {n_all} of {} article page{}: {why} ({n} such, e.g. {example})",
            taken.len(),
            if taken.len() == 1 { "" } else { "s" }
        ));
    }
    Filled { adopted, notes, site_name }
}

async fn fetch_article(fetcher: &Fetcher, url: url::Url) -> Result<Extracted, String> {
    let request = FetchRequest { accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5", ..FetchRequest::new(&url) };
    let response = fetcher.fetch(request).await.map_err(|e| {
        METRICS.page_fetches.error.inc();
        format!("the page cannot be fetched: {e}")
    })?;
    if !(200..300).contains(&response.status) {
        METRICS.page_fetches.error.inc();
        return Err(format!("the page answered {}", response.status));
    }
    METRICS.page_fetches.ok.inc();
    // Extraction is CPU work: off the async threads.
    tokio::task::spawn_blocking(move || {
        newsdesk_extract::extract(Page {
            bytes: &response.body,
            content_type: response.content_type.as_deref(),
            url: Some(&response.url),
        })
    })
    .await
    .map_err(|e| format!("the extractor failed: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(text: &str, summary: Option<&str>) -> ParsedEntry {
        ParsedEntry {
            guid: Some("g".into()),
            url: url::Url::parse("https://outlet.example/a").ok(),
            title: "Title".into(),
            summary: summary.map(str::to_owned),
            content: SafeHtml::sanitize(text),
            text: text.to_owned(),
            author: None,
            published: None,
            updated: None,
            categories: Vec::new(),
            image: None,
        }
    }

    fn long_text() -> String {
        "The harbour reopened on Tuesday after three weeks of repairs to the sea wall. ".repeat(12)
    }

    #[test]
    fn partial_content_is_recognised() {
        assert!(partial_reason(&entry("", None)).is_some());
        assert!(partial_reason(&entry("A short teaser about the harbour.", None)).is_some());
        let cut = format!("{} The council said that the…", long_text());
        assert_eq!(partial_reason(&entry(&cut, None)), Some("the feed's content is cut off"));
        let more = format!("{} Read more »", long_text());
        assert_eq!(partial_reason(&entry(&more, None)), Some("the feed's content is cut off"));
        let same = long_text();
        assert_eq!(partial_reason(&entry(&same, Some(&same))), Some("the feed gives only a summary"));
        assert_eq!(partial_reason(&entry(&long_text(), Some("A summary."))), None);
        // One word short of a whole article is a teaser; that word more is not.
        let words = |n: usize| vec!["harbour"; n].join(" ");
        assert_eq!(partial_reason(&entry(&words(TEASER_WORDS - 1), None)), Some("the feed's content is short"));
        assert_eq!(partial_reason(&entry(&words(TEASER_WORDS), None)), None);
    }

    #[test]
    fn the_feeds_setting_decides_first() {
        let teaser = entry("A short teaser.", None);
        let whole = entry(&long_text(), None);
        assert!(wants_page(FullText::Auto, &teaser));
        assert!(!wants_page(FullText::Auto, &whole));
        assert!(wants_page(FullText::Always, &whole));
        assert!(!wants_page(FullText::Never, &teaser));
        let mut no_link = teaser.clone();
        no_link.url = None;
        assert!(!wants_page(FullText::Always, &no_link));
    }

    #[test]
    fn a_longer_article_page_replaces_the_teaser_and_the_teaser_becomes_the_summary() {
        let mut e = entry("A short teaser about the harbour.", None);
        let page = Extracted {
            text: long_text(),
            html: "<p>The harbour reopened.</p><script>x()</script>".into(),
            byline: Some("Ana Ruiz".into()),
            ..Extracted::default()
        };
        assert_eq!(adopt(&mut e, &page), Ok(()));
        assert_eq!(e.text, long_text());
        assert_eq!(e.summary.as_deref(), Some("A short teaser about the harbour."));
        assert_eq!(e.author.as_deref(), Some("Ana Ruiz"));
        assert!(!e.content.as_str().contains("script"), "the page's HTML is sanitized again");
        assert_eq!(e.image, None, "a page without pictures gives none");
    }

    #[test]
    fn the_pages_image_serves_when_the_feed_gives_none_even_if_its_text_is_not_taken() {
        let og = url::Url::parse("https://outlet.example/og/harbour.jpg").unwrap();
        let mut e = entry(&long_text(), None);
        let says_less = Extracted { text: "Just a line.".into(), image: Some(og.clone()), ..Extracted::default() };
        assert!(adopt(&mut e, &says_less).is_err());
        assert_eq!(e.image.as_ref(), Some(&og));
        let mut given = entry("A teaser.", None);
        given.image = Some(url::Url::parse("https://outlet.example/feed-image.png").unwrap());
        let page = Extracted { text: long_text(), image: Some(og), ..Extracted::default() };
        assert_eq!(adopt(&mut given, &page), Ok(()));
        assert_eq!(
            given.image.as_ref().map(url::Url::as_str),
            Some("https://outlet.example/feed-image.png"),
            "the feed's own comes first"
        );
        let mut from_body = entry("A teaser.", None);
        let figure = Extracted {
            text: long_text(),
            html: r#"<p>Text</p><img src="https://outlet.example/fig.jpg">"#.into(),
            ..Extracted::default()
        };
        assert_eq!(adopt(&mut from_body, &figure), Ok(()));
        assert_eq!(from_body.image.as_ref().map(url::Url::as_str), Some("https://outlet.example/fig.jpg"));
    }

    #[test]
    fn a_page_that_is_not_an_article_or_says_less_keeps_the_feed() {
        let mut e = entry(&long_text(), None);
        let listing = Extracted {
            text: long_text().repeat(2),
            not_article: Some(newsdesk_extract::NotArticle::Listing),
            ..Extracted::default()
        };
        assert!(adopt(&mut e, &listing).is_err());
        let shorter = Extracted { text: "Just a line.".into(), ..Extracted::default() };
        assert!(adopt(&mut e, &shorter).unwrap_err().to_string().contains("says no more"));
        assert_eq!(e.text, long_text());
    }
}
