//! The page templates, embedded in the binary and compiled once at start-up (`add_template` parses, so a
//! broken template stops start-up). Autoescaping is
//! on for every template (they end in `.html`); the only unescaped value is sanitized article
//! HTML ([`newsdesk_model::SafeHtml`]).

use chrono::{DateTime, Datelike, Timelike};
use minijinja::value::Serde;
use minijinja::{Environment, Value};

use crate::{SiteSettings, WebError};

const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("card.html", include_str!("../templates/card.html")),
    ("pager.html", include_str!("../templates/pager.html")),
    ("saved.html", include_str!("../templates/saved.html")),
    ("front.html", include_str!("../templates/front.html")),
    ("latest.html", include_str!("../templates/latest.html")),
    ("story.html", include_str!("../templates/story.html")),
    ("entity.html", include_str!("../templates/entity.html")),
    ("source.html", include_str!("../templates/source.html")),
    ("search.html", include_str!("../templates/search.html")),
    ("error.html", include_str!("../templates/error.html")),
    ("login.html", include_str!("../templates/login.html")),
    ("admin.html", include_str!("../templates/admin.html")),
];

pub(crate) struct Templates {
    env: Environment<'static>,
    /// `base.html` around the article page, whose main part is written in Rust.
    pub(crate) article_frame: crate::pages::article_html::Frame,
}

impl Templates {
    pub(crate) fn new(
        site: &SiteSettings,
        images: std::sync::Arc<crate::images::ImageSigner>,
    ) -> Result<Self, WebError> {
        let mut env = Environment::new();
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Lenient);
        env.set_syntax(minijinja::syntax::SyntaxConfig::builder().trim_blocks(true).lstrip_blocks(true).build()?);
        for (name, source) in TEMPLATES {
            env.add_template(name, source)?;
        }
        env.add_filter("date", date);
        env.add_filter("segment", segment);
        env.add_filter("clip", clip);
        env.add_filter("foreign", foreign);
        env.add_filter("ago", |value: String| ago(&value, chrono::Utc::now()));
        env.add_filter("urlq", |v: String| url::form_urlencoded::byte_serialize(v.as_bytes()).collect::<String>());
        env.add_global("site", Value::from(Serde(site)));
        // `image(url)`: the image proxy's signed path for an outlet's image, empty when there is
        // none to show.
        let signer = std::sync::Arc::clone(&images);
        env.add_function("image", move |url: Option<String>| url.and_then(|u| signer.path(&u)).unwrap_or_default());
        // `absolute_image(url)`: the same, as an absolute address (for social cards).
        let base = site.base_url.clone();
        env.add_function("absolute_image", move |url: Option<String>| {
            url.and_then(|u| images.path(&u))
                .and_then(|path| base.join(path.trim_start_matches('/')).ok())
                .map(String::from)
                .unwrap_or_default()
        });
        let article_frame = crate::pages::article_html::Frame::new(&mut env)?;
        Ok(Self { env, article_frame })
    }

    pub(crate) fn render(&self, name: &str, ctx: Value) -> Result<String, WebError> {
        Ok(self.env.get_template(name)?.render(ctx)?)
    }
}

/// A text's language tag when it is not the pages' own (English), for its `lang` attribute;
/// empty for English or none. (Stored tags are validated: letters, digits and hyphens.)
pub(crate) fn foreign(language: Option<String>) -> String {
    match language {
        Some(tag) if !tag.is_empty() && !newsdesk_model::primary_language(&tag).eq_ignore_ascii_case("en") => tag,
        _ => String::new(),
    }
}

/// At most `chars` characters of a text, cut at a word with "…" when cut.
pub(crate) fn clip(value: String, chars: usize) -> String {
    // Where character `chars` starts; none: the text is short enough.
    let Some((end, _)) = value.char_indices().nth(chars) else { return value };
    let cut = value.get(..end).unwrap_or_default();
    let cut = cut.rsplit_once(' ').map_or(cut, |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// A value as one URL path segment: everything but unreserved ASCII percent-encoded.
pub(crate) fn segment(value: String) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `2026-05-04T09:30:00Z` -> `4 May 2026, 09:30 UTC`; anything else is shown as it is.
pub(crate) fn date(value: String) -> String {
    match DateTime::parse_from_rfc3339(&value) {
        Ok(t) => date_of(&t.to_utc()),
        Err(_) => value,
    }
}

/// `t` as [`date`] shows it.
fn date_of(t: &DateTime<chrono::Utc>) -> String {
    let mut out = String::with_capacity(32);
    write_date(&mut out, t);
    out
}

/// Writes `t` as [`date`] shows it ("4 May 2026, 09:30 UTC"): digits, a month's name and
/// punctuation, nothing that needs escaping in HTML.
pub(crate) fn write_date(out: &mut String, t: &DateTime<chrono::Utc>) {
    use std::fmt::Write as _;
    // Written out instead of through a strftime pattern, which is parsed at every call.
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = MONTHS.get(t.month0() as usize).copied().unwrap_or_default();
    // (Writing to a String cannot fail.)
    let _ = write!(out, "{} {month} {}, {:02}:{:02} UTC", t.day(), t.year(), t.hour(), t.minute());
}

/// A time as readers of news read it: "just now", "25 min ago", "3 h ago", "2 days ago",
/// then the date.
fn ago(value: &str, now: DateTime<chrono::Utc>) -> String {
    let Ok(t) = DateTime::parse_from_rfc3339(value) else { return value.to_owned() };
    // (The time is read once: an old one's date is written from it, not parsed again.)
    let t = t.to_utc();
    match (now - t).num_minutes() {
        m if m < 0 => date_of(&t),
        0 => "just now".to_owned(),
        m if m < 60 => format!("{m} min ago"),
        m if m < 24 * 60 => format!("{} h ago", m / 60),
        m if m < 7 * 24 * 60 => {
            let days = m / (24 * 60);
            if days == 1 { "yesterday".to_owned() } else { format!("{days} days ago") }
        }
        _ => date_of(&t),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_news_sites_write_them() {
        let now = DateTime::parse_from_rfc3339("2026-05-04T12:00:00Z").unwrap().to_utc();
        for (t, shown) in [
            ("2026-05-04T11:59:40Z", "just now"),
            ("2026-05-04T11:35:00Z", "25 min ago"),
            ("2026-05-04T09:00:00Z", "3 h ago"),
            ("2026-05-03T09:00:00Z", "yesterday"),
            ("2026-05-01T12:00:00Z", "3 days ago"),
            ("2026-04-01T12:00:00Z", "1 April 2026, 12:00 UTC"),
            ("2026-05-05T12:00:00Z", "5 May 2026, 12:00 UTC"),
            ("soon", "soon"),
        ] {
            assert_eq!(ago(t, now), shown, "{t}");
        }
    }

    #[test]
    fn clipped_text_ends_at_a_word() {
        assert_eq!(clip("The quay reopened on Friday".into(), 100), "The quay reopened on Friday");
        assert_eq!(clip("The quay reopened on Friday".into(), 14), "The quay…");
        // Counted in characters, not bytes: exactly the limit stays whole.
        assert_eq!(clip("Été à Lyon".into(), 10), "Été à Lyon");
        assert_eq!(clip("Été à Lyon, déjà".into(), 11), "Été à…");
    }

    #[test]
    fn segments_are_percent_encoded() {
        assert_eq!(segment("dmitry peskov".into()), "dmitry%20peskov");
        assert_eq!(segment("a/b?c#d".into()), "a%2Fb%3Fc%23d");
        assert_eq!(segment("são tomé".into()), "s%C3%A3o%20tom%C3%A9");
    }

    #[test]
    fn dates_read_well() {
        assert_eq!(date("2026-05-04T09:30:00Z".into()), "4 May 2026, 09:30 UTC");
        assert_eq!(date("2026-05-04T11:30:00+02:00".into()), "4 May 2026, 09:30 UTC");
        assert_eq!(date("soon".into()), "soon");
    }
}
