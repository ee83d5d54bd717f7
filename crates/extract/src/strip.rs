//! Before parsing: the bodies of scripts (all but JSON-LD), styles, inline SVG, noscript,
//! select, iframe and textarea elements, and HTML comments, are cut out of the page. They are never article text, and on news pages they are
//! often more than half of the bytes, which the tokenizer would otherwise read one by one.
//!
//! The cut follows the tokenizer's own rule: a script or style ends at the first `</script`
//! or `</style` whatever comes before it, and a comment at the first `-->`.

use std::borrow::Cow;

/// `html` without the content of scripts, styles, SVG and comments (tags kept, so that the
/// tree keeps its shape).
pub(crate) fn strip_inert(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0; // html[..copied] is in `out` already
    let mut at = 0;
    while let Some(off) = html[at..].find('<') {
        let lt = at + off;
        let rest = &bytes[lt + 1..];
        let cut = if rest.starts_with(b"!--") {
            // A comment: drop it whole.
            let end = find_from(html, lt + 4, "-->").map_or(html.len(), |e| e + 3);
            Some((lt, end, ""))
        } else if let Some((name, close)) = raw_element(rest) {
            let open_end = match html[lt..].find('>') {
                Some(e) => lt + e + 1,
                None => break,
            };
            let keep_body = name == "script" && is_json_ld(&html[lt..open_end]);
            let body_end = find_ci(html, open_end, close).unwrap_or(html.len());
            if keep_body { None } else { Some((open_end, body_end, "")) }
        } else {
            None
        };
        match cut {
            Some((from, to, with)) => {
                let buf = out.get_or_insert_with(|| String::with_capacity(html.len() / 2));
                buf.push_str(&html[copied..from]);
                buf.push_str(with);
                copied = to;
                at = to.max(lt + 1);
            }
            None => at = lt + 1,
        }
        if at >= html.len() {
            break;
        }
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut buf) => {
            buf.push_str(&html[copied.min(html.len())..]);
            Cow::Owned(buf)
        }
    }
}

/// An element whose content is never text of ours (script, style, svg, noscript, select,
/// iframe, textarea) right after a `<`, with the closing tag to look for.
fn raw_element(rest: &[u8]) -> Option<(&'static str, &'static str)> {
    for (name, close) in [
        ("script", "</script"),
        ("style", "</style"),
        ("svg", "</svg"),
        ("noscript", "</noscript"),
        ("select", "</select"),
        ("iframe", "</iframe"),
        ("textarea", "</textarea"),
    ] {
        if rest.len() > name.len()
            && rest[..name.len()].eq_ignore_ascii_case(name.as_bytes())
            && matches!(rest[name.len()], b' ' | b'>' | b'\t' | b'\n' | b'\r' | b'/' | 0x0c)
        {
            return Some((name, close));
        }
    }
    None
}

fn is_json_ld(open_tag: &str) -> bool {
    open_tag.to_ascii_lowercase().contains("ld+json")
}

fn find_from(html: &str, from: usize, needle: &str) -> Option<usize> {
    html.get(from..)?.find(needle).map(|i| from + i)
}

/// The first `needle` (ASCII, lowercase) at or after `from`, ignoring ASCII case.
fn find_ci(html: &str, from: usize, needle: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    let n = needle.as_bytes();
    let mut at = from;
    while let Some(off) = html.get(at..)?.find('<') {
        let i = at + off;
        if bytes.len() >= i + n.len() && bytes[i..i + n.len()].eq_ignore_ascii_case(n) {
            return Some(i);
        }
        at = i + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_styles_svg_and_comments_lose_their_content() {
        let page = "<p>a</p><script>if (x < 1) { y = '<p>no</p>'; }</script><STYLE>p{}</STYLE><!-- <p>gone</p> --><svg viewBox=\"0 0 1 1\"><path d=\"M0\"/></svg><p>b</p>";
        assert_eq!(
            strip_inert(page),
            "<p>a</p><script></script><STYLE></STYLE><svg viewBox=\"0 0 1 1\"></svg><p>b</p>"
        );
    }

    #[test]
    fn json_ld_is_kept() {
        let page = "<script type=\"application/ld+json\">{\"a\": \"<b>\"}</script><p>x</p>";
        assert_eq!(strip_inert(page), page);
    }

    #[test]
    fn unterminated_pieces_end_the_page() {
        assert_eq!(strip_inert("<p>a</p><script>never closed"), "<p>a</p><script>");
        assert_eq!(strip_inert("<p>a</p><!-- never closed"), "<p>a</p>");
        assert_eq!(strip_inert("<p>a</p><script"), "<p>a</p><script");
        assert_eq!(strip_inert("plain text"), "plain text");
    }

    #[test]
    fn a_tag_name_that_only_starts_like_script_is_left_alone() {
        let page = "<scripture>words</scripture><styles>more</styles>";
        assert_eq!(strip_inert(page), page);
    }
}
