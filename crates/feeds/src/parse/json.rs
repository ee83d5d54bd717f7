//! JSON Feed 1.0 and 1.1. Fields of the wrong type are ignored rather than failing the feed.

use newsdesk_model::parse_date;
use serde_json::Value;
use url::Url;

use super::{EntryParts, FeedError, FeedFormat, ParsedFeed, resolve};

pub(crate) fn parse(text: &str, feed_url: &Url) -> Result<ParsedFeed, FeedError> {
    let doc: Value = serde_json::from_str(text).map_err(|e| FeedError::BadJson(e.to_string()))?;
    let obj = doc.as_object().ok_or_else(|| FeedError::BadJson("the top level is not an object".into()))?;
    let mut feed = ParsedFeed::empty(FeedFormat::JsonFeed);
    let version = obj.get("version").and_then(Value::as_str).unwrap_or_default();
    if !version.contains("jsonfeed.org/version/1") {
        if obj.get("items").is_none() {
            return Err(FeedError::NotAFeed("JSON without a JSON Feed version or items".into()));
        }
        feed.problems
            .push(format!("unknown JSON Feed version `{}`; read as 1.1", version.chars().take(60).collect::<String>()));
    }
    let s = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned).filter(|s| !s.trim().is_empty());
    feed.title = s(&doc, "title");
    feed.site_url = s(&doc, "home_page_url").and_then(|u| resolve(feed_url, &u));
    feed.language = s(&doc, "language");
    let items = obj.get("items").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    for item in items.iter().filter(|i| i.is_object()) {
        let id = match item.get("id") {
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        };
        let author = item
            .get("authors")
            .and_then(Value::as_array)
            .and_then(|a| a.iter().find_map(|p| s(p, "name")))
            .or_else(|| item.get("author").and_then(|a| s(a, "name")));
        let content =
            s(item, "content_html").map(|h| (h, true)).or_else(|| s(item, "content_text").map(|t| (t, false)));
        let url = s(item, "url").or_else(|| s(item, "external_url")).and_then(|u| resolve(feed_url, &u));
        feed.entries.push(
            EntryParts {
                guid: id,
                url,
                title: s(item, "title"),
                summary_html: s(item, "summary").map(|t| (t, false)),
                content_html: content,
                author,
                published: s(item, "date_published").and_then(|d| parse_date(&d)),
                updated: s(item, "date_modified").and_then(|d| parse_date(&d)),
                categories: item
                    .get("tags")
                    .and_then(Value::as_array)
                    .map(|t| t.iter().filter_map(Value::as_str).map(str::to_owned).collect())
                    .unwrap_or_default(),
                // JSON Feed 1.1: the item's main image, else its banner, else an image attachment.
                image: s(item, "image")
                    .or_else(|| s(item, "banner_image"))
                    .or_else(|| {
                        item.get("attachments").and_then(Value::as_array).and_then(|a| {
                            a.iter()
                                .filter(|x| {
                                    s(x, "mime_type").is_some_and(|m| m.to_ascii_lowercase().starts_with("image/"))
                                })
                                .find_map(|x| s(x, "url"))
                        })
                    })
                    .and_then(|u| super::media::web_image(feed_url, &u)),
            }
            .build(feed_url),
        );
    }
    Ok(feed)
}
