//! From a parsed entry to what the store keeps. Pure.

use newsdesk_feeds::{ParsedEntry, ParsedFeed, canonical_link, content_hash};
use newsdesk_model::{ArticleUpsert, SafeHtml, limits, normalize_language, paragraphs_to_html};
use newsdesk_store::IncomingEntry;
use newsdesk_stories::{SummaryConfig, detect_article_language, summarize};

/// The entry's identity in its feed: its GUID, else its link without tracking parameters,
/// else a hash of its content.
#[must_use]
pub fn entry_key(entry: &ParsedEntry) -> String {
    if let Some(guid) = &entry.guid {
        return format!("guid:{guid}");
    }
    if let Some(url) = &entry.url {
        return format!("link:{}", canonical_link(url));
    }
    format!("hash:{}", content_hash(&entry.title, &entry.text))
}

/// The entry as an article to store. newsdesk writes the summary (from the lead of the text);
/// the feed's own summary is kept beside it. Oversized fields are cut to the store's limits
/// rather than losing the entry; a language tag that is not one is dropped, and a missing one
/// is detected from the text.
#[must_use]
pub fn to_incoming(entry: &ParsedEntry, feed: &ParsedFeed) -> IncomingEntry {
    let feed_summary = entry.summary.clone().unwrap_or_default();
    let hash_input = format!("{}\u{0}{}", entry.text, feed_summary);
    let generated = summarize(&entry.text, &SummaryConfig::default()).join(" ");
    let summary = if generated.is_empty() { feed_summary.clone() } else { generated };
    let language = feed
        .language
        .as_deref()
        .and_then(|l| normalize_language(l).ok())
        .or_else(|| detect_article_language(&entry.title, &entry.text).map(str::to_owned));
    let body_text = cut_bytes(&entry.text, limits::BODY_BYTES);
    let body_html = if entry.content.as_str().len() > limits::BODY_HTML_BYTES {
        paragraphs_to_html(&body_text)
    } else {
        entry.content.clone()
    };
    // RSS asks for a title or a description: a post without a title (a microblog's) is titled
    // by its first words, marked as such.
    let given = entry.title.split_whitespace().collect::<Vec<_>>().join(" ");
    let (title, title_derived) = if given.is_empty() {
        // Its first words; else (an item of a link alone) its address, as readers show one.
        let words = [entry.text.as_str(), feed_summary.as_str()].into_iter().map(derived_title).find(|t| !t.is_empty());
        let address = || entry.url.as_ref().map(|u| format!("{}{}", u.host_str().unwrap_or_default(), u.path()));
        (words.or_else(address).or_else(|| entry.guid.clone()).unwrap_or_else(|| "Untitled post".to_owned()), true)
    } else {
        (given, false)
    };
    IncomingEntry {
        key: entry_key(entry),
        content_hash: content_hash(&entry.title, &hash_input),
        article: ArticleUpsert {
            id: None,
            title: cut_chars(&title, limits::TITLE_CHARS),
            title_derived,
            summary: cut_chars(&summary, limits::SUMMARY_CHARS),
            feed_summary: Some(cut_chars(&feed_summary, limits::SUMMARY_CHARS)).filter(|s| !s.is_empty()),
            body_text,
            body_html: Some(body_html).filter(|h: &SafeHtml| !h.is_empty()),
            byline: entry.author.as_deref().map(|a| cut_chars(a, limits::BYLINE_CHARS)),
            published_at: entry.published,
            updated_at: entry.updated,
            language,
            url: entry.url.clone().filter(|u| u.as_str().len() <= limits::URL_BYTES),
            image_url: entry.image.clone().filter(|u| u.as_str().len() <= limits::URL_BYTES),
            ..ArticleUpsert::default()
        },
    }
}

/// Entries a feed must give one and the same time for that time to be taken as the feed's
/// rather than theirs.
const SHARED_DATE_ENTRIES: usize = 5;

/// Drops the dates of a feed whose entries all carry one and the same publication time (five
/// entries or more): some publishers stamp every item with the time the feed was built, or a
/// fixed time, and an article dated that way would sort, rank and join stories as if written
/// then. Its entries are then taken as undated, so each is dated when first seen (as an entry
/// without a date is). Their update times go too when they are all one as well.
pub fn drop_shared_dates(feed: &mut ParsedFeed) {
    if feed.entries.len() < SHARED_DATE_ENTRIES {
        return;
    }
    fn all_one(times: &[Option<chrono::DateTime<chrono::Utc>>]) -> bool {
        times.first().is_some_and(|first| first.is_some() && times.iter().all(|t| t == first))
    }
    let published: Vec<_> = feed.entries.iter().map(|e| e.published).collect();
    if all_one(&published) {
        for e in &mut feed.entries {
            e.published = None;
        }
        let updated: Vec<_> = feed.entries.iter().map(|e| e.updated).collect();
        if all_one(&updated) {
            for e in &mut feed.entries {
                e.updated = None;
            }
        }
    }
}

/// Words a derived title keeps at most.
const DERIVED_TITLE_CHARS: usize = 80;

/// A title made from a text's first sentence: at most [`DERIVED_TITLE_CHARS`] characters, cut
/// at a word with "…" when longer; empty when the text has no words.
#[must_use]
pub fn derived_title(text: &str) -> String {
    let first_line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or_default();
    let words: Vec<&str> = first_line.split_whitespace().collect();
    // The first sentence: up to a word that ends one (not a lone initial such as "J.").
    let end = words
        .iter()
        .position(|w| w.ends_with(['.', '!', '?']) && w.trim_end_matches(['.', '!', '?']).chars().count() > 1)
        .map_or(words.len(), |i| i + 1);
    let sentence = words[..end].join(" ");
    if sentence.chars().count() <= DERIVED_TITLE_CHARS {
        return sentence.trim_end_matches('.').to_owned();
    }
    let mut title = String::new();
    for w in &words[..end] {
        if title.chars().count() + w.chars().count() + 1 > DERIVED_TITLE_CHARS - 1 {
            break;
        }
        if !title.is_empty() {
            title.push(' ');
        }
        title.push_str(w);
    }
    if title.is_empty() {
        title = sentence.chars().take(DERIVED_TITLE_CHARS - 1).collect();
    }
    format!("{}…", title.trim_end_matches([',', ';', ':', '.']))
}

fn cut_chars(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}

fn cut_bytes(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_owned();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].to_owned()
}

#[cfg(test)]
mod tests {
    use newsdesk_feeds::parse_feed;
    use url::Url;

    use super::*;

    fn feed(items: &str) -> ParsedFeed {
        let xml = format!("<rss version=\"2.0\"><channel><language>EN_us</language>{items}</channel></rss>");
        parse_feed(xml.as_bytes(), None, &Url::parse("https://a.example/rss").unwrap()).unwrap()
    }

    #[test]
    fn a_feed_that_gives_every_entry_one_time_gives_no_dates() {
        let item = |n: u32, date: &str| {
            format!(
                "<item><guid>p{n}</guid><title>Item {n}</title><description>Body {n}.</description><pubDate>{date}</pubDate></item>"
            )
        };
        let stamped = "Fri, 05 Jan 2018 15:55:21 GMT";
        let mut f = feed(&(1..=6).map(|n| item(n, stamped)).collect::<String>());
        drop_shared_dates(&mut f);
        assert!(f.entries.iter().all(|e| e.published.is_none()), "every entry is taken as undated");
        // Real dates stay, even when some are alike; so do the dates of a short feed.
        let mut f = feed(
            &(1..=5)
                .map(|n| item(n, if n == 5 { "Sat, 06 Jan 2018 09:00:00 GMT" } else { stamped }))
                .collect::<String>(),
        );
        drop_shared_dates(&mut f);
        assert!(f.entries.iter().all(|e| e.published.is_some()));
        let mut f = feed(&(1..=4).map(|n| item(n, stamped)).collect::<String>());
        drop_shared_dates(&mut f);
        assert!(f.entries.iter().all(|e| e.published.is_some()));
    }

    #[test]
    fn a_post_without_a_title_is_titled_by_its_first_words_and_marked() {
        let f = feed(
            "<item><guid>p1</guid><description>Ferries are back on the north route today. More later.</description></item>\
             <item><guid>p2</guid><title>  </title><description>Storm warning for the whole coast tonight, with gusts of up to 120 km/h expected on exposed headlands and bridges closed</description></item>\
             <item><guid>p3</guid><title>Two\n lines</title><description>Body.</description></item>",
        );
        let a: Vec<ArticleUpsert> = f.entries.iter().map(|e| to_incoming(e, &f).article).collect();
        assert_eq!((a[0].title.as_str(), a[0].title_derived), ("Ferries are back on the north route today", true));
        assert!(a[0].clone().validated().is_ok(), "stored, not refused");
        assert!(a[1].title_derived && a[1].title.ends_with('…') && a[1].title.chars().count() <= 80, "{}", a[1].title);
        assert!(a[1].title.starts_with("Storm warning for the whole coast tonight"), "{}", a[1].title);
        assert_eq!((a[2].title.as_str(), a[2].title_derived), ("Two lines", false), "a title is one line");
        assert_eq!(derived_title("J. Smith wins. Then more."), "J. Smith wins");
        assert_eq!(derived_title("  \n "), "");
    }

    #[test]
    fn the_lead_image_comes_from_the_feeds_media_else_from_the_first_picture_of_the_content() {
        let f = feed(
            r#"<item xmlns:media="http://search.yahoo.com/mrss/"><title>Quay</title><description>Text.</description>
                 <media:thumbnail url="/thumbs/quay.jpg"/></item>
               <item><title>Dunes</title><description>&lt;p&gt;&lt;img src="https://t.example/p.gif" width="1"&gt;&lt;img src="/pics/dunes.webp"&gt;Sand.&lt;/p&gt;</description></item>
               <item><title>Plain</title><description>No pictures here.</description></item>"#,
        );
        let images: Vec<Option<String>> =
            f.entries.iter().map(|e| to_incoming(e, &f).article.image_url.map(String::from)).collect();
        assert_eq!(
            images,
            [
                Some("https://a.example/thumbs/quay.jpg".to_owned()),
                Some("https://a.example/pics/dunes.webp".to_owned()),
                None
            ]
        );
    }

    #[test]
    fn keys_prefer_guid_then_link_then_content() {
        let f = feed(
            "<item><guid>g-1</guid><link>https://a.example/1</link><title>A</title></item>\
             <item><link>https://a.example/2?utm_source=rss</link><title>B</title></item>\
             <item><title>C</title><description>Only text.</description></item>",
        );
        let keys: Vec<String> = f.entries.iter().map(entry_key).collect();
        assert_eq!(keys[0], "guid:g-1");
        assert_eq!(keys[1], "link:https://a.example/2");
        assert!(keys[2].starts_with("hash:") && keys[2].len() == 37);
    }

    #[test]
    fn articles_carry_the_entry_and_cut_oversized_fields() {
        let long_title = "T".repeat(5000);
        let f = feed(&format!(
            "<item><guid>g</guid><title>{long_title}</title><author>x@y.example (Ana)</author><description>Body.</description></item>"
        ));
        let incoming = to_incoming(&f.entries[0], &f);
        let a = incoming.article.validated().unwrap();
        assert_eq!(a.title.chars().count(), limits::TITLE_CHARS);
        assert_eq!(a.byline.as_deref(), Some("Ana"));
        assert_eq!(a.language.as_deref(), Some("en-US"));
        assert_eq!(a.body_text, "Body.");
    }

    #[test]
    fn newsdesk_writes_the_summary_and_keeps_the_feeds() {
        let f = parse_feed(
            br#"<rss version="2.0"><channel><item><guid>g</guid><title>Bridge</title>
            <description>Teaser from the feed.</description>
            <content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[<p>By Nell Ashdown.</p><p>The harbour bridge will close for six weeks from Monday while crews replace the worn deck plates under the road.</p><p>Two extra ferries will run every ten minutes between the fish quay and Eastgate until it reopens.</p>]]></content:encoded>
            </item></channel></rss>"#,
            None,
            &Url::parse("https://a.example/rss").unwrap(),
        )
        .unwrap();
        let a = to_incoming(&f.entries[0], &f).article;
        assert!(a.summary.starts_with("The harbour bridge will close for six weeks"), "{}", a.summary);
        assert!(!a.summary.contains("Nell Ashdown"));
        assert_eq!(a.feed_summary.as_deref(), Some("Teaser from the feed."));
        assert_eq!(a.language.as_deref(), Some("en"), "detected when the feed says nothing");
    }

    #[test]
    fn content_changes_change_the_hash() {
        let a = feed("<item><guid>g</guid><title>T</title><description>One.</description></item>");
        let b = feed("<item><guid>g</guid><title>T</title><description>Two.</description></item>");
        let ha = to_incoming(&a.entries[0], &a).content_hash;
        assert_eq!(ha, to_incoming(&a.entries[0], &a).content_hash);
        assert_ne!(ha, to_incoming(&b.entries[0], &b).content_hash);
    }
}
