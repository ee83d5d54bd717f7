//! JSON Lines: one article object per line. Writing uses every field of
//! [`newsdesk_model::Article`]; reading accepts those same fields, needs only `title`, and
//! refuses unknown fields so that a misspelt field is an error rather than lost data.

use chrono::{DateTime, Utc};
use newsdesk_model::{Article, ArticleUpsert, SafeHtml};
use serde::Deserialize;
use url::Url;

use crate::error::FormatError;

/// One article object as read. Fields the store manages (`created_at`, `modified_at`) and
/// references into another database (`source_id`, `feed_id`) are accepted and ignored, so
/// that an export can be imported anywhere.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Record {
    id: Option<String>,
    title: String,
    #[serde(default)]
    title_derived: bool,
    #[serde(default)]
    summary: String,
    feed_summary: Option<String>,
    #[serde(default, alias = "body", alias = "text")]
    body_text: String,
    body_html: Option<SafeHtml>,
    byline: Option<String>,
    #[serde(default, deserialize_with = "moment")]
    published_at: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "moment")]
    updated_at: Option<DateTime<Utc>>,
    language: Option<String>,
    url: Option<Url>,
    original_url: Option<Url>,
    #[serde(alias = "original_source")]
    original_domain: Option<String>,
    #[serde(alias = "image")]
    image_url: Option<Url>,
    #[serde(default)]
    comment_count: u32,
    // (Written by exports; the comments themselves are not, so an import has none here.)
    #[serde(rename = "comments_here")]
    _comments_here: Option<serde::de::IgnoredAny>,
    #[serde(rename = "source_id")]
    _source_id: Option<serde::de::IgnoredAny>,
    #[serde(rename = "feed_id")]
    _feed_id: Option<serde::de::IgnoredAny>,
    #[serde(rename = "created_at")]
    _created_at: Option<serde::de::IgnoredAny>,
    #[serde(rename = "modified_at")]
    _modified_at: Option<serde::de::IgnoredAny>,
}

/// A moment as exports write one: RFC 3339 (`2026-05-04T09:30:00Z`), or a date alone
/// (`2026-05-04`), taken as noon UTC so that it stays that day in most time zones.
fn moment<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    let Some(raw) = Option::<String>::deserialize(d)? else { return Ok(None) };
    let raw = raw.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(raw) {
        return Ok(Some(t.to_utc()));
    }
    chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .ok()
        .and_then(|day| day.and_hms_opt(12, 0, 0))
        .map(|t| Some(t.and_utc()))
        .ok_or_else(|| {
            let shown: String = raw.chars().take(40).collect();
            serde::de::Error::custom(format!(
                "`{shown}` is not a date: write one such as 2026-05-04 or 2026-05-04T09:30:00Z"
            ))
        })
}

/// Reads one line of JSON Lines. `line_no` is used in errors.
///
/// # Errors
/// [`FormatError`] when the line is not a JSON object with the fields of an article, or a
/// field breaks a rule (an id that is not a UUID, an empty title, ...).
pub fn parse_jsonl_line(line: &str, line_no: usize) -> Result<ArticleUpsert, FormatError> {
    let record: Record = serde_json::from_str(line).map_err(|e| {
        // serde_json counts lines within this one line; only the column is useful here.
        FormatError::new(
            line_no,
            format!("expected a JSON object with an article's fields: {} (column {})", strip_position(&e), e.column()),
        )
    })?;
    let id = match record.id.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => Some(s.parse().map_err(|e| FormatError::new(line_no, format!("id: {e}")))?),
        None => None,
    };
    ArticleUpsert {
        id,
        title: record.title,
        title_derived: record.title_derived,
        summary: record.summary,
        feed_summary: record.feed_summary,
        body_text: record.body_text,
        body_html: record.body_html.filter(|h| !h.is_empty()),
        byline: record.byline,
        published_at: record.published_at,
        updated_at: record.updated_at,
        language: record.language,
        url: record.url,
        original_url: record.original_url,
        original_domain: record.original_domain.filter(|d| !d.trim().is_empty()),
        image_url: record.image_url,
        comment_count: record.comment_count,
        source_id: None,
        feed_id: None,
    }
    .validated()
    .map_err(|e| FormatError::new(line_no, e.to_string()))
}

/// Writes one article as a line of JSON, without the trailing newline.
///
/// # Errors
/// Only if serialization itself fails, which for these types it does not.
pub fn write_jsonl_line(article: &Article) -> Result<String, serde_json::Error> {
    serde_json::to_string(article)
}

fn strip_position(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use newsdesk_model::{ArticleId, paragraphs_to_html};

    use super::*;

    fn article() -> Article {
        let t = Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).unwrap();
        Article {
            id: ArticleId::new_v7(),
            title: "Rail strike ends".into(),
            title_derived: true,
            summary: "Drivers return on Tuesday.".into(),
            feed_summary: Some("From the wire.".into()),
            body_text: "Line one.\nLine two.".into(),
            body_html: paragraphs_to_html("Line one.\nLine two."),
            byline: Some("Ana Ruiz".into()),
            published_at: Some(t),
            updated_at: Some(t + chrono::Duration::hours(2)),
            language: Some("en".into()),
            url: Some(Url::parse("https://rail.example/strike-ends").unwrap()),
            original_url: Some(Url::parse("https://wire.example/a/1").unwrap()),
            original_domain: Some("wire.example".into()),
            image_url: Some(Url::parse("https://wire.example/img/lead.jpg").unwrap()),
            comment_count: 7,
            comments_here: 0,
            source_id: None,
            feed_id: None,
            created_at: t,
            modified_at: t,
        }
    }

    #[test]
    fn round_trip_keeps_every_content_field() {
        let a = article();
        let line = write_jsonl_line(&a).unwrap();
        assert!(!line.contains('\n'));
        let u = parse_jsonl_line(&line, 1).unwrap();
        assert_eq!(u.id, Some(a.id));
        assert_eq!(u.title, a.title);
        assert!(u.title_derived, "a title made from the first words stays marked as such");
        assert_eq!(u.summary, a.summary);
        assert_eq!(u.feed_summary, a.feed_summary);
        assert_eq!(u.body_text, a.body_text);
        assert_eq!(u.body_html.as_ref(), Some(&a.body_html));
        assert_eq!(u.byline, a.byline);
        assert_eq!(u.published_at, a.published_at);
        assert_eq!(u.updated_at, a.updated_at);
        assert_eq!(u.language, a.language);
        assert_eq!(u.url, a.url);
        assert_eq!(u.original_url, a.original_url);
        assert_eq!(u.original_domain, a.original_domain);
        assert_eq!(u.image_url, a.image_url);
        assert_eq!(u.comment_count, a.comment_count);
    }

    #[test]
    fn minimal_record_gets_no_id_and_derived_html() {
        let u = parse_jsonl_line(r#"{"title":"Hi","text":"Para <one>"}"#, 3).unwrap();
        assert_eq!(u.id, None);
        assert_eq!(u.body_html.unwrap().as_str(), "<p>Para &lt;one&gt;</p>\n");
    }

    #[test]
    fn a_date_alone_is_that_days_noon_and_a_moment_is_kept() {
        let u = parse_jsonl_line(r#"{"title":"Hi","published_at":"2019-03-28","updated_at":null}"#, 1).unwrap();
        assert_eq!(u.published_at.map(|t| t.to_rfc3339()), Some("2019-03-28T12:00:00+00:00".to_owned()));
        assert_eq!(u.updated_at, None);
        let u = parse_jsonl_line(r#"{"title":"Hi","published_at":"2019-03-28T23:30:00-02:00"}"#, 1).unwrap();
        assert_eq!(u.published_at.map(|t| t.to_rfc3339()), Some("2019-03-29T01:30:00+00:00".to_owned()));
    }

    #[test]
    fn html_from_outside_is_sanitized() {
        let u = parse_jsonl_line(r#"{"title":"Hi","body_html":"<p>ok</p><script>bad()</script>"}"#, 1).unwrap();
        assert_eq!(u.body_html.unwrap().as_str(), "<p>ok</p>");
    }

    #[test]
    fn errors_name_the_line_and_the_problem() {
        let cases = [
            ("not json", "expected a JSON object"),
            (r#"{"summary":"no title"}"#, "missing field `title`"),
            (r#"{"title":"x","summery":"typo"}"#, "unknown field `summery`"),
            (r#"{"title":"x","id":"nope"}"#, "id: `nope` is not a valid id"),
            (r#"{"title":"  "}"#, "title: is empty"),
            (r#"{"title":"x","published_at":"yesterday"}"#, "`yesterday` is not a date: write one such as 2026-05-04"),
            (r#"{"title":"x","updated_at":"2026-13-01"}"#, "`2026-13-01` is not a date"),
            (r#"{"title":"x","published_at":5}"#, "expected a string"),
            (r#"{"title":"x","comment_count":-2}"#, "invalid value"),
        ];
        for (line, needle) in cases {
            let err = parse_jsonl_line(line, 42).unwrap_err();
            assert_eq!(err.line, 42);
            assert!(err.to_string().contains(needle), "{line}: {err}");
        }
    }
}
