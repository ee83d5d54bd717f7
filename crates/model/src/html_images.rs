//! The images of sanitized HTML: found, and their addresses replaced (for the image proxy).
//!
//! This reads [`SafeHtml`] only, which is the serializer's output of ammonia or escaped text:
//! every `<` outside a tag is written `&lt;`, attribute values are quoted, and there are no
//! comments, scripts or raw-text elements. A small scanner that knows quotes is then exact;
//! it is not an HTML parser and is never given outside input.

use std::ops::Range;

use crate::html::{SafeHtml, escape_html_into};

/// One `<img>` element: where it is, and its attributes' values as written.
struct ImageTag<'a> {
    /// The whole tag, `<img ... >`.
    span: Range<usize>,
    src: Option<(Range<usize>, &'a str)>,
    width: Option<&'a str>,
    height: Option<&'a str>,
}

impl ImageTag<'_> {
    /// A one- or zero-pixel image is a tracker, not a picture.
    fn is_pixel(&self) -> bool {
        let tiny = |v: Option<&str>| {
            v.and_then(|v| v.trim().trim_end_matches("px").parse::<u32>().ok()).is_some_and(|n| n <= 2)
        };
        tiny(self.width) || tiny(self.height)
    }
}

/// Every `<img>` tag of `html`, in order.
fn image_tags(html: &str) -> Vec<ImageTag<'_>> {
    let bytes = html.as_bytes();
    let mut tags = Vec::new();
    let mut i = 0;
    while let Some(offset) = html[i..].find('<') {
        let start = i + offset;
        let name_start = start + 1;
        let mut j = name_start;
        while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'/' || bytes[j] == b'!') {
            j += 1;
        }
        let is_img = html[name_start..j].eq_ignore_ascii_case("img");
        let mut tag = ImageTag { span: start..start, src: None, width: None, height: None };
        // Attributes: name, then optionally `=` and a value, quoted or not.
        loop {
            while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            if j >= bytes.len() || bytes[j] == b'>' {
                break;
            }
            if bytes[j] == b'/' {
                j += 1;
                continue;
            }
            let name_at = j;
            while j < bytes.len() && !matches!(bytes[j], b'=' | b'>' | b'/') && !bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            let name = &html[name_at..j];
            while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            if j >= bytes.len() || bytes[j] != b'=' {
                continue;
            }
            j += 1;
            while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            let value = match bytes.get(j) {
                Some(&quote @ (b'"' | b'\'')) => {
                    let end = html[j + 1..].find(quote as char).map_or(bytes.len(), |e| j + 1 + e);
                    let value = (j + 1)..end;
                    j = (end + 1).min(bytes.len());
                    value
                }
                _ => {
                    let at = j;
                    while j < bytes.len() && bytes[j] != b'>' && !bytes[j].is_ascii_whitespace() {
                        j += 1;
                    }
                    at..j
                }
            };
            if is_img {
                match name.to_ascii_lowercase().as_str() {
                    "src" => tag.src = Some((value.clone(), &html[value])),
                    "width" => tag.width = Some(&html[value]),
                    "height" => tag.height = Some(&html[value]),
                    _ => {}
                }
            }
        }
        i = (j + 1).min(bytes.len());
        if is_img {
            tag.span = start..i;
            tags.push(tag);
        }
        if i >= bytes.len() {
            break;
        }
    }
    tags
}

/// An attribute value as written by the serializer, read back.
fn unescape(value: &str) -> String {
    if !value.contains('&') {
        return value.to_owned();
    }
    value
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

impl SafeHtml {
    /// The address of the first image that is a picture (not a one-pixel tracker), as written.
    #[must_use]
    pub fn first_image(&self) -> Option<String> {
        image_tags(self.as_str())
            .into_iter()
            .filter(|t| !t.is_pixel())
            .find_map(|t| t.src.map(|(_, v)| unescape(v)))
            .filter(|s| !s.is_empty())
    }

    /// The same HTML with each image's address replaced by what `proxy` makes of it; an image
    /// `proxy` refuses (`None`), or one without an address, is left out. Nothing else changes,
    /// and the new addresses are escaped, so the result is as safe as the input.
    #[must_use]
    pub fn with_image_sources(&self, mut proxy: impl FnMut(&str) -> Option<String>) -> SafeHtml {
        let html = self.as_str();
        if !html.contains("<img") && !html.contains("<IMG") {
            return self.clone();
        }
        let mut out = String::with_capacity(html.len() + 64);
        let mut at = 0;
        for tag in image_tags(html) {
            out.push_str(&html[at..tag.span.start]);
            if let Some((range, new)) =
                tag.src.as_ref().and_then(|(range, value)| proxy(&unescape(value)).map(|new| (range, new)))
            {
                out.push_str(&html[tag.span.start..range.start]);
                escape_html_into(&new, &mut out);
                out.push_str(&html[range.end..tag.span.end]);
            }
            at = tag.span.end;
        }
        out.push_str(&html[at..]);
        SafeHtml::already_safe(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_picture_is_found_and_trackers_are_passed_over() {
        let html = SafeHtml::sanitize(
            r#"<p>Intro <a href="https://a.example/x?a=1&amp;b=2" title="a > b">link</a></p>
               <img src="https://t.example/p.gif" width="1" height="1">
               <figure><img alt="the quay at dawn, <wet>" src="https://img.example/quay.jpg?w=800&amp;h=600"></figure>"#,
        );
        assert_eq!(html.first_image().as_deref(), Some("https://img.example/quay.jpg?w=800&h=600"));
        assert_eq!(SafeHtml::sanitize("<p>No pictures &lt;img src=x&gt; here</p>").first_image(), None);
    }

    #[test]
    fn image_addresses_are_replaced_escaped_and_refused_images_left_out() {
        let html = SafeHtml::sanitize(
            r#"<p>a</p><img src="https://img.example/one.jpg" alt="one"><p>b</p><img src="https://blocked.example/two.png"><p>c</p>"#,
        );
        let out =
            html.with_image_sources(|src| (!src.contains("blocked")).then(|| format!("/img?u={}&s=\"x\"", src.len())));
        let s = out.as_str();
        assert!(s.contains(r#"<img src="/img?u=27&amp;s=&quot;x&quot;" alt="one">"#), "{s}");
        assert!(!s.contains("blocked") && !s.contains("two.png"), "{s}");
        assert!(s.starts_with("<p>a</p>") && s.ends_with("<p>b</p><p>c</p>"), "{s}");
        // HTML without images comes back as it was.
        let plain = SafeHtml::sanitize("<p>text only</p>");
        assert_eq!(plain.with_image_sources(|_| None), plain);
    }

    #[test]
    fn an_alt_text_that_looks_like_a_tag_is_not_an_image() {
        let html =
            SafeHtml::sanitize(r#"<img alt="<img src=https://evil.example/x.jpg>" src="https://img.example/ok.jpg">"#);
        let mut seen = Vec::new();
        let out = html.with_image_sources(|src| {
            seen.push(src.to_owned());
            Some("/proxied".to_owned())
        });
        assert_eq!(seen, ["https://img.example/ok.jpg"]);
        assert!(out.as_str().contains(r#"src="/proxied""#), "{}", out.as_str());
    }
}
