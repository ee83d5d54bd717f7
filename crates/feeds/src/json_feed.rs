//! JSON Feed 1.1 output (<https://jsonfeed.org/version/1.1>).

use serde_json::{Map, Value, json};

use crate::atom::OutFeed;

/// Writes `feed` as a JSON Feed 1.1 document.
#[must_use]
pub fn to_json_feed(feed: &OutFeed) -> String {
    let items: Vec<Value> = feed
        .entries
        .iter()
        .map(|e| {
            let mut item = Map::new();
            item.insert("id".into(), json!(e.id));
            item.insert("url".into(), json!(e.url));
            item.insert("title".into(), json!(e.title));
            item.insert("summary".into(), json!(e.summary));
            match &e.content {
                Some(html) => item.insert("content_html".into(), json!(html.as_str())),
                None => item.insert("content_text".into(), json!(e.summary)),
            };
            if let Some(p) = e.published {
                item.insert("date_published".into(), json!(p.to_rfc3339()));
            }
            item.insert("date_modified".into(), json!(e.updated.to_rfc3339()));
            if let Some(image) = &e.image {
                item.insert("image".into(), json!(image));
            }
            if let Some(a) = &e.author {
                item.insert("authors".into(), json!([{ "name": a }]));
            }
            if let Some(language) = &e.language {
                item.insert("language".into(), json!(language));
            }
            Value::Object(item)
        })
        .collect();
    json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": feed.title,
        "home_page_url": feed.site_url,
        "feed_url": feed.self_url,
        "items": items,
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atom::OutEntry;
    use chrono::TimeZone;

    #[test]
    fn writes_a_json_feed_that_reads_back() {
        let t = chrono::Utc.with_ymd_and_hms(2026, 5, 4, 9, 30, 0).unwrap();
        let feed = OutFeed {
            id: "https://desk.example/feed.json".into(),
            title: "Desk \"news\"".into(),
            self_url: "https://desk.example/feed.json".into(),
            site_url: "https://desk.example/".into(),
            updated: t,
            entries: vec![OutEntry {
                id: "urn:uuid:1".into(),
                title: "Bridge <closes>".into(),
                url: "https://desk.example/articles/1".into(),
                summary: "Short.".into(),
                content: Some(newsdesk_model::SafeHtml::sanitize("<p>Body</p><script>x()</script>")),
                author: Some("Ann".into()),
                published: Some(t),
                updated: t,
                image: Some("https://desk.example/img/ab?u=x".into()),
                language: Some("nl".into()),
            }],
        };
        let v: Value = serde_json::from_str(&to_json_feed(&feed)).unwrap();
        assert_eq!(v["version"], "https://jsonfeed.org/version/1.1");
        assert_eq!(v["title"], "Desk \"news\"");
        assert_eq!(v["items"][0]["title"], "Bridge <closes>");
        assert_eq!(v["items"][0]["content_html"], "<p>Body</p>");
        assert_eq!(v["items"][0]["authors"][0]["name"], "Ann");
        assert_eq!(v["items"][0]["date_published"], "2026-05-04T09:30:00+00:00");
        assert_eq!(v["items"][0]["language"], "nl");
        // And newsdesk's own parser reads it back.
        let parsed = crate::parse_feed(
            to_json_feed(&feed).as_bytes(),
            Some("application/feed+json"),
            &url::Url::parse("https://desk.example/feed.json").unwrap(),
        )
        .unwrap();
        assert_eq!(parsed.entries.len(), 1);
        assert_eq!(parsed.entries[0].url.as_ref().map(url::Url::as_str), Some("https://desk.example/articles/1"));
        assert!(parsed.entries[0].text.contains("Body"));
        assert_eq!(v["items"][0]["image"], "https://desk.example/img/ab?u=x");
        assert_eq!(
            parsed.entries[0].image.as_ref().map(url::Url::as_str),
            Some("https://desk.example/img/ab?u=x"),
            "the image reads back as the entry's lead image"
        );
    }
}
