//! Entry HTML: sanitized (with relative addresses made absolute) and turned into plain text.

use newsdesk_model::SafeHtml;
use url::Url;

use super::entities;

/// Sanitized HTML for a piece of entry content.
pub(crate) fn sanitize(html: &str, base: &Url) -> SafeHtml {
    SafeHtml::sanitize_with_base(html, base)
}

/// HTML for text that is plain (Atom `type="text"`): escaped, one paragraph per line.
pub(crate) fn from_plain(text: &str) -> SafeHtml {
    newsdesk_model::paragraphs_to_html(text)
}

/// Elements that end a paragraph in the plain text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "tr",
    "table",
    "figure",
    "figcaption",
    "section",
    "article",
    "header",
    "footer",
    "dd",
    "dt",
    "dl",
    "hr",
];

/// The text of sanitized HTML, one paragraph per line. It reads the sanitizer's own output,
/// whose markup is regular, so a simple tag walk is exact.
pub(crate) fn to_text(html: &SafeHtml) -> String {
    let s = html.as_str();
    let mut out = String::with_capacity(s.len());
    let mut paragraph = String::new();
    let mut rest = s;
    while let Some(lt) = rest.find('<') {
        paragraph.push_str(&rest[..lt]);
        let Some(gt) = rest[lt..].find('>') else { break };
        let tag = &rest[lt + 1..lt + gt];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if BLOCKS.contains(&name.as_str()) {
            flush(&mut paragraph, &mut out);
        }
        rest = &rest[lt + gt + 1..];
    }
    paragraph.push_str(rest);
    flush(&mut paragraph, &mut out);
    out
}

fn flush(paragraph: &mut String, out: &mut String) {
    let text = entities::unescape(paragraph);
    let mut words = text.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()).peekable();
    if words.peek().is_some() {
        if !out.is_empty() {
            out.push('\n');
        }
        let mut first = true;
        for w in words {
            if !first {
                out.push(' ');
            }
            out.push_str(w);
            first = false;
        }
    }
    paragraph.clear();
}

/// Plain text from a title or other one-line field that may hold markup or entities.
pub(crate) fn one_line(raw: &str) -> String {
    let text = if raw.contains('<') { to_text(&SafeHtml::sanitize(raw)) } else { entities::unescape(raw) };
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True when a string looks like HTML rather than plain text.
pub(crate) fn looks_like_html(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    ["<p", "<br", "<div", "<a ", "<img", "<em", "<strong", "<b>", "<i>", "<ul", "<span", "</"]
        .iter()
        .any(|t| lower.contains(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_has_one_paragraph_per_line() {
        let base = Url::parse("https://n.example/").unwrap();
        let html = sanitize(
            "<p>First &amp; <b>bold</b>\n  para.</p><ul><li>One</li><li>Two</li></ul>Tail&nbsp;text<br>Last",
            &base,
        );
        assert_eq!(to_text(&html), "First & bold para.\nOne\nTwo\nTail\u{a0}text\nLast".replace('\u{a0}', " "));
    }

    #[test]
    fn titles_lose_markup_and_entities() {
        assert_eq!(one_line("  <b>Bold</b> &amp;amp; AT&amp;T &hellip; "), "Bold &amp; AT&T …");
        assert_eq!(one_line("Plain &lt;tag&gt;"), "Plain <tag>");
    }
}
