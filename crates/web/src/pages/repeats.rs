//! What an article page leaves out because the reader has just read it: a summary that only
//! repeats the body's opening, and a headline repeated as the body's first paragraph.

/// Lowercase letters and digits, one space between words: text compared for repetition.
fn plain(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Whether the summary opens the way the body does (a lead-sentence summary, or a feed teaser
/// of the body), so that showing both says the same thing twice.
#[must_use]
pub(crate) fn summary_repeats_body(summary: &str, body_text: &str) -> bool {
    let summary = plain(summary);
    let opening: String = summary.split(' ').take(8).collect::<Vec<_>>().join(" ");
    if opening.split(' ').count() < 4 {
        return false;
    }
    let head: String = body_text.chars().take(1500).collect();
    plain(&head).contains(&opening)
}

/// The sanitized body without a first heading or paragraph that is the headline again.
#[must_use]
pub(crate) fn without_repeated_headline<'a>(body_html: &'a str, title: &str) -> &'a str {
    let trimmed = body_html.trim_start();
    let Some(rest) = trimmed.strip_prefix('<') else { return body_html };
    let tag: String = rest.chars().take_while(char::is_ascii_alphanumeric).collect::<String>().to_ascii_lowercase();
    if !matches!(tag.as_str(), "p" | "h1" | "h2" | "h3" | "header") {
        return body_html;
    }
    let close = format!("</{tag}>");
    let Some(end) = trimmed.find(&close) else { return body_html };
    let element = &trimmed[..end];
    // The element's text: everything outside tags (sanitized HTML has no `>` in attributes
    // that matters here: a wrong split only keeps the element).
    let mut text = String::new();
    let mut in_tag = false;
    for c in element.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text.replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\"");
    if !plain(&text).is_empty() && plain(&text) == plain(title) { &trimmed[end + close.len()..] } else { body_html }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lead_sentence_summary_repeats_the_body_and_an_editorial_one_does_not() {
        let body = "The quay at Port Ellis reopened on Friday after repairs.\nShips queued all morning.";
        assert!(summary_repeats_body("The quay at Port Ellis reopened on Friday after repairs.", body));
        assert!(summary_repeats_body("The quay at Port Ellis reopened on Friday after… Read more", body));
        assert!(!summary_repeats_body("Port Ellis has its quay back: what changes for shipping.", body));
        assert!(!summary_repeats_body("Quay open.", body), "too short to tell");
    }

    #[test]
    fn a_first_paragraph_that_is_the_headline_goes() {
        let title = "Quay reopens after repairs";
        assert_eq!(without_repeated_headline("<h1>Quay reopens after repairs</h1><p>Text.</p>", title), "<p>Text.</p>");
        assert_eq!(
            without_repeated_headline("<p><b>Quay reopens</b> after repairs</p><p>Text.</p>", title),
            "<p>Text.</p>"
        );
        let kept = "<p>Quay reopens after repairs, said the port.</p>";
        assert_eq!(without_repeated_headline(kept, title), kept);
        assert_eq!(
            without_repeated_headline("<figure><img src=\"a\"></figure>", title),
            "<figure><img src=\"a\"></figure>"
        );
    }
}
