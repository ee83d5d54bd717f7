//! Lines of page furniture that sit inside the article's own elements: labels ("Advertisement",
//! "Read more"), promotions ("Subscribe to our newsletter", "Follow us on ..."), reporters'
//! contact lines, and datelines that are only a date. They are dropped wherever they appear,
//! but only as whole short blocks: a sentence that mentions a newsletter is kept.

/// Non-space characters above which a block is never furniture.
pub(crate) const LONGEST: u32 = 250;

/// Whether the block's whole text is furniture.
pub(crate) fn is_furniture(text: &str) -> bool {
    let t = text.trim().trim_end_matches([':', '.', '!', '»', '›', '>', '|']).trim().to_lowercase();
    t.is_empty()
        || crate::lexicon::FURNITURE_LABELS.contains(&t.as_str())
        || is_promotion(&t)
        || is_date_only(&t)
        || is_byline(text.trim())
        || is_comment_prompt(&t)
}

/// Whether a link's whole text says only that the story goes on elsewhere: a teaser's "Read
/// more...", "Continue reading »", "Weiterlesen", "Lire la suite", in the major European
/// languages.
pub(crate) fn is_more_link(text: &str) -> bool {
    let t = text.trim().trim_matches(|c: char| !c.is_alphanumeric()).trim().to_lowercase();
    crate::lexicon::MORE_LINKS.contains(&t.as_str())
}

/// Whether a block opens as a post's filing line does ("Posted in", "Filed under", "This entry
/// was posted", "Tags:"), in the major European languages; the caller checks that the block is
/// short and holds its category links.
pub(crate) fn is_filing_line(text: &str) -> bool {
    let t = text.trim_start();
    let head: String = t.chars().take(40).collect::<String>().to_lowercase();
    crate::lexicon::FILING_OPENERS.iter().any(|o| head.starts_with(o))
}

/// The discussion's own lines when a block says nothing else: its heading or link ("Leave a
/// comment", "46 Comments"), its empty state ("No comments yet"), the comment form's notices
/// (that the e-mail address stays private, which fields must be filled in) and the
/// commenting service's credit ("comments powered by ..."). `t` is lowercase.
fn is_comment_prompt(t: &str) -> bool {
    if t.chars().count() > 120 {
        return false;
    }
    let has = |words: &[&str]| words.iter().any(|w| t.contains(w));
    // A whole heading's words ("Leave a comment", "46 Comments"), not an opener that also
    // begins sentences ("Thoughts on ...").
    heading_words(t).is_some_and(|w| crate::lexicon::COMMENT_SECTION_HEADINGS.contains(&w.as_str()))
        || crate::lexicon::COMMENT_PROMPTS.iter().any(|p| t.starts_with(p))
        || (crate::lexicon::YOUR.iter().any(|p| t.starts_with(p))
            && has(crate::lexicon::EMAIL_WORDS)
            && has(crate::lexicon::NOT_PUBLISHED))
        || has(crate::lexicon::REQUIRED_FIELDS)
        || (t.split_whitespace().count() <= 6 && t.contains("powered by"))
}

/// Whether a heading (or a block) opens the discussion under a post: "Comments", "12 Comments", "Comments
/// (3)", "Leave a Reply", "One response to “…”", "Kommentare", "Laisser un commentaire".
pub(crate) fn opens_comment_section(heading: &str) -> bool {
    let Some(joined) = heading_words(heading) else { return false };
    crate::lexicon::COMMENT_SECTION_HEADINGS.contains(&joined.as_str())
        || crate::lexicon::COMMENT_SECTION_OPENERS
            .iter()
            .any(|o| joined.starts_with(o) && joined.len() > o.len() && joined.as_bytes().get(o.len()) == Some(&b' '))
}

/// Whether a heading opens a list of other posts under the article ("You may also like...",
/// "Related posts", "Você pode gostar", "Das könnte Sie auch interessieren").
pub(crate) fn opens_related_section(heading: &str) -> bool {
    heading_words(heading).is_some_and(|w| crate::lexicon::RELATED_SECTION_HEADINGS.contains(&w.as_str()))
}

/// Whether a short line names a site whose other posts follow ("Also on Kell Post:", "More from
/// harbour_daily…", "Mehr von Hafenblatt"): an opener of [`crate::lexicon::MORE_FROM_SITE_OPENERS`],
/// then one to four words that name, the first capitalised or written as a site writes its name
/// (with a dot or an underscore). ("More on the vote" and "Also on Monday" are no site's.)
pub(crate) fn names_more_from_site(line: &str) -> bool {
    let line = line.trim().trim_end_matches([':', '…', '.', '»', '›', '>']).trim();
    let words: Vec<&str> = line.split_whitespace().collect();
    if !(3..=6).contains(&words.len()) {
        return false;
    }
    let opener = format!("{} {}", words[0], words[1]).to_lowercase();
    if !crate::lexicon::MORE_FROM_SITE_OPENERS.contains(&opener.as_str()) {
        return false;
    }
    // ("Also on Monday:", "More on Tuesday's vote" open a part of the article.)
    let name = words[2];
    let letters: String = name.chars().take_while(|c| c.is_alphabetic()).collect::<String>().to_lowercase();
    let day = crate::lexicon::DATE_WORDS.contains(&letters.as_str());
    !day && (name.starts_with(char::is_uppercase) || name.contains(['.', '_']))
}

/// A heading's words, lowercase, with counts, brackets and punctuation off and one space
/// between them ("12 Comments" -> "comments"); `None` for a text too long to be a heading.
fn heading_words(heading: &str) -> Option<String> {
    let lower = heading.trim().to_lowercase();
    if lower.chars().count() > 120 {
        return None;
    }
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    let words = match words.split_first() {
        Some((first, rest)) if crate::lexicon::COUNT_WORDS.contains(first) => rest,
        _ => &words[..],
    };
    Some(words.join(" "))
}

/// "By Ana Ruiz and Li Wei", "By Sam Okafor - 4/9/26 7:05 PM EST": "By", then names (every
/// word capitalised) and perhaps a date. "By noon, the port was closed" is a sentence.
fn is_byline(text: &str) -> bool {
    // "By" in the major European languages: German "Von", French "Par", Spanish and Portuguese
    // "Por", Italian "Di", Dutch "Door", Swedish and Norwegian "Av", Danish "Af".
    // (As written, or in capitals: "BY ANA RUIZ".)
    let Some(rest) = crate::lexicon::BYLINE_OPENERS.iter().find_map(|o| {
        let head = text.get(..o.len())?;
        let opens = head == *o || (head.eq_ignore_ascii_case(o) && !head.bytes().any(|b| b.is_ascii_lowercase()));
        opens.then(|| text[o.len()..].strip_prefix(' ')).flatten()
    }) else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    if words.is_empty() || words.len() > 14 || rest.len() > 120 {
        return false;
    }
    words.iter().all(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.is_empty()
            || w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || matches!(w, "and" | "y" | "e" | "et" | "und" | "de" | "da" | "van" | "von" | "der" | "la" | "le" | "di")
    })
}

/// "Subscribe to our newsletter", "Click here to get the app", "Follow us on Twitter", "Jane
/// Doe may be reached at ...", and the same prompts in the major European languages
/// ("Abonnieren Sie unseren Newsletter", "Suivez-nous sur ...", "Síguenos en ..."): `t` is
/// lowercase.
fn is_promotion(t: &str) -> bool {
    use crate::lexicon::{FOLLOW_US, NEWSLETTER_WORDS, SUBSCRIBE_OPENERS};
    let starts = |prefixes: &[&str]| prefixes.iter().any(|p| t.starts_with(p));
    let has = |words: &[&str]| words.iter().any(|w| t.contains(w));
    (starts(&["click here", "sign up", "subscribe"])
        && has(&["newsletter", "subscribe", " app", "channel", "youtube", "today", " here"]))
        || (starts(&["get ", "sign up", "subscribe", "stay ", "want "]) && has(&["newsletter"]))
        // (A whole short block that opens by asking to subscribe and names the newsletter.)
        || (t.chars().count() <= 160 && starts(SUBSCRIBE_OPENERS) && has(NEWSLETTER_WORDS))
        || (t.chars().count() <= 160 && has(FOLLOW_US))
        || has(&["may be reached at", "can be reached at"])
        || has(&[
            "follow us on",
            "follow him on",
            "follow her on",
            "follow me on",
            "follow us @",
            "follow him @",
            "follow her @",
        ])
        || (starts(&["click here to get the", "get the ", "download the ", "download our "])
            && ends_with_word(t, "app"))
        || (t.starts_with("email ") && t.contains(" at ") && t.contains('@'))
        || (t.len() < 80 && has(&["share it with", "share this article", "share this story"]))
}

fn ends_with_word(t: &str, word: &str) -> bool {
    t.split(|c: char| !c.is_alphanumeric()).rfind(|w| !w.is_empty()) == Some(word)
}

/// "Thursday, 9 April 2026 at 7:05", "APRIL 9, 2026 19:05": a year, and nothing but
/// numbers and date words. `t` is lowercase.
fn is_date_only(t: &str) -> bool {
    if t.chars().count() > 80 {
        return false;
    }
    let mut year = false;
    let mut words = 0;
    // "Updated at 1:23 p.m.": a time and the word that says what happened at it.
    let time = t.split_whitespace().any(|w| {
        let mut parts = w.split(':');
        matches!((parts.next(), parts.next()), (Some(h), Some(m)) if !h.is_empty() && h.len() <= 2 && h.chars().all(|c| c.is_ascii_digit()) && m.chars().take(2).filter(char::is_ascii_digit).count() == 2)
    });
    let said = ["updated", "posted", "published"].iter().any(|w| t.starts_with(w));
    for w in t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        words += 1;
        if w.chars().all(|c| c.is_ascii_digit()) {
            year |= w.len() == 4 && (w.starts_with("19") || w.starts_with("20"));
            continue;
        }
        let number_with_suffix = w.trim_start_matches(|c: char| c.is_ascii_digit());
        if number_with_suffix.len() < w.len() && crate::lexicon::DATE_WORDS.contains(&number_with_suffix) {
            continue;
        }
        if !crate::lexicon::DATE_WORDS.contains(&w) {
            return false;
        }
    }
    (year || (time && said)) && words >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_furniture() {
        assert!(is_furniture("ADVERTISEMENT"));
        assert!(is_furniture("Read more »"));
        assert!(!is_furniture("Read more about the harbour plans in the council's report."));
    }

    #[test]
    fn promotions_and_contact_lines_are_furniture() {
        assert!(is_furniture("Click here to subscribe to the Harbour Weekly newsletter"));
        assert!(is_furniture("Get the latest news in your inbox. Sign up for our newsletters."));
        assert!(is_furniture("Ana Ruiz may be reached at ana@example.org. Follow her on Twitter."));
        assert!(is_furniture("CLICK HERE TO GET THE COAST HERALD APP"));
        assert!(is_furniture("Email Li Wei at li@example.org or follow him @liwei."));
        // The same prompts in other languages.
        assert!(is_furniture("Abonnieren Sie jetzt unseren Newsletter!"));
        assert!(is_furniture("Folgen Sie uns auf Facebook und Instagram."));
        assert!(is_furniture("Abonnez-vous à notre newsletter pour ne rien manquer."));
        assert!(is_furniture("Suivez-nous sur les réseaux sociaux"));
        assert!(is_furniture("Suscríbete a nuestro boletín y recibe las noticias del puerto."));
        assert!(is_furniture("Síguenos en Twitter"));
        assert!(is_furniture("Iscriviti alla nostra newsletter"));
        assert!(is_furniture("Siga-nos no Instagram"));
        assert!(is_furniture("Schrijf je in voor onze nieuwsbrief"));
        assert!(is_furniture("ANZEIGE"));
        assert!(is_furniture("Publicité"));
        assert!(is_furniture("Teilen"));
        // Sentences that only mention these things are the article's.
        assert!(!is_furniture("Der Newsletter des Hafenvereins erscheint seit 1921 jeden Monat."));
        assert!(!is_furniture("Les abonnés du journal ont reçu la lettre mardi, a indiqué le maire."));
        assert!(!is_furniture("« Suivez-nous ! », a lancé le maire aux habitants du quai."));
        assert!(!is_furniture("The council said residents can sign up for the new ferry pass from Monday."));
        assert!(!is_furniture("The newsletter, first printed in 1921, stopped in March after a century."));
        assert!(!is_furniture("Get the approvals done first, the mayor said, and the app will follow."));
    }

    #[test]
    fn bylines_are_furniture_and_sentences_starting_with_by_are_not() {
        assert!(is_furniture("By Ana Ruiz and Li Wei"));
        assert!(is_furniture("By Sam Okafor - 4/9/26 7:05 PM EST"));
        assert!(!is_furniture("By noon, the port was closed."));
        assert!(is_furniture("Von Anna Schmidt und Jonas Weber"));
        assert!(is_furniture("Par Camille Martin"));
        assert!(is_furniture("POR ANA RUIZ"));
        assert!(is_furniture("Door Sanne de Vries"));
        assert!(!is_furniture("Von Montag an fahren die Fähren wieder nach Plan."));
        assert!(!is_furniture("Par la suite, le port a rouvert."));
    }

    #[test]
    fn datelines_are_furniture_and_dated_sentences_are_not() {
        assert!(is_furniture("APRIL 9, 2026 19:05"));
        assert!(is_furniture("quinta-feira, 9 de abril de 2026 às 7:05"));
        assert!(is_furniture("Donnerstag, 9. April 2026, 19:05 Uhr"));
        assert!(is_furniture("jeudi 9 avril 2026 à 19:05"));
        assert!(is_furniture("giovedì 9 aprile 2026 alle 19:05"));
        assert!(is_furniture("donderdag 9 april 2026 om 19:05"));
        assert!(is_furniture("Updated: Tuesday, March 3rd 2026, 4:05 PM EST"));
        assert!(is_furniture("Posted: Fri 6:45 PM, Feb 16, 2026 |"));
        assert!(is_furniture("Updated at 1:23 p.m."));
        assert!(!is_furniture("March 3, 2026: the ferry returns"));
        assert!(!is_furniture("The port reopened on March 3, 2026."));
        // A colon before a character of several bytes is no time (and no reason to stop).
        assert!(!is_furniture("1:“The Fall”"));
        assert!(!is_furniture("12:ü"));
    }

    #[test]
    fn the_discussions_own_lines_are_furniture_and_sentences_about_comments_are_not() {
        for line in [
            "Leave a comment",
            "46 Comments",
            "Post a Comment",
            "No comments yet.",
            "Be the first to comment!",
            "Your email stays private and will never be published.",
            "Required fields are marked with a star",
            "Ihre E-Mail-Adresse wird nicht veröffentlicht.",
            "Votre adresse e-mail ne sera pas publiée.",
            "Los campos obligatorios están marcados con *",
            "Nessun commento",
            "comments powered by a discussion service",
            "Share this post",
        ] {
            assert!(is_furniture(line), "{line}");
        }
        for line in [
            "Thoughts on how the harbour plan is shaping up, when I am back.",
            "No comments were taken from the public before the vote, the council said.",
            "The email was never published, the court heard.",
            "A harbour master powered by coffee and stubbornness kept the port open all winter.",
        ] {
            assert!(!is_furniture(line), "{line}");
        }
    }
}
