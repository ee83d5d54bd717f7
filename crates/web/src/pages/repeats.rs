//! What an article page leaves out because the reader has just read it: a summary that only
//! repeats the body's opening, and a headline repeated as the body's first paragraph.

/// The words of a text: runs of letters and digits.
fn words(text: &str) -> impl Iterator<Item = &str> + Clone {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

/// The same word in any case.
fn same_word(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.chars().flat_map(char::to_lowercase).eq(b.chars().flat_map(char::to_lowercase))
}

/// The same words in the same order, in any case and with any punctuation between them.
fn same_words(a: &str, b: &str) -> bool {
    let (mut a, mut b) = (words(a), words(b));
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if same_word(x, y) => {}
            _ => return false,
        }
    }
}

/// Whether the summary opens the way the body does (a lead-sentence summary, or a feed teaser
/// of the body), so that showing both says the same thing twice: its first eight words come,
/// in order, within the body's first 1,500 characters.
#[must_use]
pub(crate) fn summary_repeats_body(summary: &str, body_text: &str) -> bool {
    let opening: Vec<&str> = words(summary).take(8).collect();
    if opening.len() < 4 {
        return false;
    }
    let head = first_chars(body_text, 1500);
    let mut body = words(head);
    while let Some(word) = body.next() {
        if same_word(word, opening[0]) {
            let mut rest = body.clone();
            if opening[1..].iter().all(|o| rest.next().is_some_and(|w| same_word(w, o))) {
                return true;
            }
        }
    }
    false
}

/// The first `n` characters of `text` (all of it when shorter).
fn first_chars(text: &str, n: usize) -> &str {
    // (Most text is ASCII: its first `n` bytes are its first `n` characters, found without
    // reading it character by character.)
    if text.len() <= n {
        return text;
    }
    if let Some(head) = text.get(..n).filter(|head| head.is_ascii()) {
        return head;
    }
    text.get(..text.char_indices().nth(n).map_or(text.len(), |(i, _)| i)).unwrap_or(text)
}

/// The sanitized body without a first heading or paragraph that is the headline again.
#[must_use]
pub(crate) fn without_repeated_headline<'a>(body_html: &'a str, title: &str) -> &'a str {
    let trimmed = body_html.trim_start();
    let Some(rest) = trimmed.strip_prefix('<') else { return body_html };
    let name = rest.split(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or_default();
    let Some(close) = [("p", "</p>"), ("h1", "</h1>"), ("h2", "</h2>"), ("h3", "</h3>"), ("header", "</header>")]
        .into_iter()
        .find_map(|(tag, close)| tag.eq_ignore_ascii_case(name).then_some(close))
    else {
        return body_html;
    };
    let Some(end) = trimmed.find(close) else { return body_html };
    let element = &trimmed[..end];
    // The element's text: everything outside tags (sanitized HTML has no `>` in attributes
    // that matters here: a wrong split only keeps the element).
    let mut text = String::with_capacity(element.len());
    let mut in_tag = false;
    for c in element.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    if text.contains('&') {
        text = text.replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\"");
    }
    if words(&text).next().is_some() && same_words(&text, title) { &trimmed[end + close.len()..] } else { body_html }
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
        // Words match whole, never inside longer words.
        assert!(!summary_repeats_body("He quay at Port Ellis reopened on Friday.", body));
        assert!(summary_repeats_body("THE QUAY AT PORT ELLIS, REOPENED ON FRIDAY", body), "any case and punctuation");
    }

    #[test]
    fn the_first_characters_are_counted_in_characters() {
        assert_eq!(first_chars("quay", 10), "quay");
        assert_eq!(first_chars("quay reopens", 4), "quay");
        assert_eq!(first_chars("été à Lyon", 4), "été ");
        // Bytes enough, characters too few: the cut still falls after the fourth character.
        assert_eq!(first_chars("ééééé", 4), "éééé");
        assert_eq!(first_chars("abcé", 4), "abcé");
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
