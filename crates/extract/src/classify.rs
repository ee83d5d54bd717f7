//! What each element is, from its tag and attributes alone: never content (scripts, forms'
//! controls, navigation, hidden elements), probably boilerplate (class or id words such as
//! `share`, `related`, `comments`), probably content (`article`, `body`, `story`), or neutral.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::dom::{Dom, NodeData, NodeId};

/// An element's standing before its text is looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Standing {
    /// Never text of the article: removed with everything under it.
    Skip,
    /// Class or id words of boilerplate.
    Negative,
    /// Class or id words of article content.
    Positive,
    Neutral,
}

/// Tags whose content is never article text.
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "button", "input",
    "select", "textarea", "option", "nav", "head", "title", "meta", "link", "audio", "video", "map", "dialog", "menu",
    "frameset", "frame", "applet", "math", "label",
];

/// Class and id words that mark content .
const POSITIVE: &[&str] = &[
    "article",
    "article_body",
    "articlebody",
    "blog",
    "body",
    "content",
    "entry",
    "entrycontent",
    "itemprop",
    "main",
    "post",
    "postbody",
    "prose",
    "richtext",
    "story",
    "storybody",
    "text",
];

/// Class and id words that mark boilerplate .
const NEGATIVE: &[&str] = &[
    "ad",
    "ads",
    "adslot",
    "adunit",
    "advert",
    "advertisement",
    "alert",
    "author",
    "authors",
    "banner",
    "bio",
    "breadcrumb",
    "breadcrumbs",
    "byline",
    "caption",
    "carousel",
    "comment",
    "comments",
    "contributor",
    "cookie",
    "cookies",
    "credit",
    "credits",
    "dateline",
    "disclaimer",
    "email",
    "follow",
    "footer",
    "gallery",
    "header",
    "login",
    "masthead",
    "menu",
    "meta",
    "modal",
    "more",
    "mostread",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "next",
    "outbrain",
    "overlay",
    "pager",
    "pagination",
    "paywall",
    "popular",
    "popup",
    "profile",
    "prev",
    "previous",
    "print",
    "promo",
    "rail",
    "readmore",
    "recirc",
    "recommendations",
    "recommended",
    "related",
    "relatedposts",
    "share",
    "sharebar",
    "sharing",
    "sidebar",
    "signin",
    "signup",
    "skip",
    "slideshow",
    "social",
    "sponsor",
    "sponsored",
    "subscribe",
    "subscription",
    "taboola",
    "tagline",
    "tags",
    "timestamp",
    "toolbar",
    "tools",
    "tooltip",
    "topics",
    "trending",
    "utility",
    "video",
    "widget",
];

/// Class words that hide an element (screen-reader-only text, hidden utility classes).
const HIDDEN_CLASSES: &[&str] = &[
    "hidden",
    "hide",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader-text",
    "screenreader",
    "d-none",
    "invisible",
    "offscreen",
    "is-hidden",
    "u-hidden",
];

/// Every class word: true for content, false for boilerplate.
static WORDS: LazyLock<HashMap<&'static str, bool, foldhash::fast::FixedState>> =
    LazyLock::new(|| POSITIVE.iter().map(|w| (*w, true)).chain(NEGATIVE.iter().map(|w| (*w, false))).collect());

/// What one class attribute says, looked up once per page (pages repeat class attributes).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct ClassSays {
    positive: bool,
    negative: bool,
    /// Negative by a word that is neither [`AMBIGUOUS`] nor one of [`LABELS`].
    firmly_negative: bool,
    /// Negative by one of [`LABELS`].
    label: bool,
    /// A class name that opens with "comment" and goes on with a content word ("comment-text",
    /// "commentBody"): the text of a reader's comment, boilerplate whatever else it says.
    comment_text: bool,
    /// Negative by "comment" or "comments".
    comment: bool,
    /// Negative by "author", a label word only beside one of [`LABELS`].
    author: bool,
    /// Negative by a word no byline's class holds: a picture's label ("caption", "credit") or
    /// one of [`AMBIGUOUS`] (see [`inline_byline`]).
    not_byline: bool,
    /// Named as a picture's caption ("caption", "captions").
    caption: bool,
    hidden: bool,
}

/// The page's class attributes and what each says.
pub(crate) type ClassWords<'a> = HashMap<&'a str, ClassSays, foldhash::fast::FixedState>;

/// How `n` stands. `n` must be an element.
pub(crate) fn standing<'a>(dom: &'a Dom, n: NodeId, tag: &str, classes: &mut ClassWords<'a>) -> Standing {
    if SKIP_TAGS.contains(&tag) {
        return Standing::Skip;
    }
    let NodeData::Element { attrs, .. } = &dom.nodes[n].data else { return Standing::Neutral };
    let (mut class, mut id, mut role) = ("", "", "");
    for a in attrs {
        let value = &*a.value;
        match &*a.name.local {
            "class" => class = value,
            "id" => id = value,
            "role" => role = value,
            "hidden" => return Standing::Skip,
            "aria-hidden" if value.trim().eq_ignore_ascii_case("true") => return Standing::Skip,
            "style" if hides(value) => return Standing::Skip,
            _ => {}
        }
    }
    let by_class = if class.is_empty() {
        ClassSays::default()
    } else {
        *classes.entry(class).or_insert_with(|| class_says(class))
    };
    if by_class.hidden {
        return Standing::Skip;
    }
    if matches!(tag, "html" | "body" | "a" | "p" | "main") {
        return Standing::Neutral;
    }
    if matches!(role, "navigation" | "complementary" | "contentinfo" | "banner" | "menu" | "menubar" | "dialog") {
        return Standing::Negative;
    }
    let by_id = if id.is_empty() { ClassSays::default() } else { class_says(id) };
    if by_class.comment_text || by_id.comment_text {
        return Standing::Negative;
    }
    let positive = tag == "article" || by_class.positive || by_id.positive;
    // An aside is boilerplate (a sidebar, a box of links) unless it holds the article itself,
    // which some templates put in one (see `content::Measure`'s wrapper rule).
    let negative = matches!(tag, "footer" | "header" | "aside") || by_class.negative || by_id.negative;
    match (positive, negative) {
        (true, false) => Standing::Positive,
        (false, true) => Standing::Negative,
        _ => Standing::Neutral,
    }
}

/// Whether an inline style hides the element.
fn hides(style: &str) -> bool {
    if !(style.contains("none") || style.contains("hidden")) {
        return false;
    }
    let compact: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
    compact.contains("display:none") || compact.contains("visibility:hidden")
}

/// Boilerplate words that also name an article's own parts: "more" is a box of more stories
/// on most sites, and the rest of the post after the fold on blog platforms (Movable Type's
/// `entry-more`, TypePad's `asset-more`). Such an element is boilerplate only if it is mostly
/// links.
const AMBIGUOUS: &[&str] = &["more"];

/// Boilerplate words that name a label: a byline, a caption, a credit, a date. A label is a
/// line or two; an element so named that holds paragraphs of prose is the article's text in a
/// template or editor that reused the class (a photo post written as its pictures' captions,
/// a post pasted into its byline's span).
///
/// "author" alone names an author's box (a bio, often prose), so it is a label word only beside
/// one of these ("byline author").
const LABELS: &[&str] = &["byline", "caption", "credit", "credits", "dateline", "timestamp"];

/// Which words an element is boilerplate by, when only by words that may also name the
/// article's own parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SoftlyNegative {
    /// Only by [`AMBIGUOUS`] words.
    Ambiguous,
    /// By [`LABELS`] words (and perhaps [`AMBIGUOUS`] ones).
    Label,
}

/// Whether element `n` is boilerplate only by its class or id words of [`AMBIGUOUS`] or
/// [`LABELS`] (not by its tag, its role or another word), and by which.
pub(crate) fn softly_negative(dom: &Dom, n: NodeId) -> Option<SoftlyNegative> {
    let NodeData::Element { name, attrs, .. } = &dom.nodes[n].data else { return None };
    if matches!(&*name.local, "footer" | "header" | "aside") {
        return None;
    }
    let (mut negative, mut label, mut author) = (false, false, false);
    for a in attrs {
        match &*a.name.local {
            "class" | "id" => {
                let says = class_says(&a.value);
                if says.firmly_negative {
                    return None;
                }
                negative |= says.negative;
                label |= says.label;
                author |= says.author;
            }
            "role" => return None,
            _ => {}
        }
    }
    match (negative, label, author) {
        (true, true, _) => Some(SoftlyNegative::Label),
        (true, false, false) => Some(SoftlyNegative::Ambiguous),
        _ => None,
    }
}

/// Whether element `n` is a picture's caption: a `<figcaption>`, or an element whose class or
/// id words say so ("wp-caption", "wp-caption-text", "photoCaption").
pub(crate) fn is_caption(dom: &Dom, n: NodeId) -> bool {
    let NodeData::Element { name, attrs, .. } = &dom.nodes[n].data else { return false };
    &*name.local == "figcaption"
        || attrs.iter().any(|a| matches!(&*a.name.local, "class" | "id") && class_says(&a.value).caption)
}

/// Whether element `n` is an inline element (a `<span>`, `<a>`, `<abbr>` ...) that is
/// boilerplate only by the words of a byline ("author", "byline", "dateline", "timestamp"):
/// the name or date inside a line such as "by <span class=author>Ana Ruiz</span> on June 2",
/// which themes of every blog platform write so. (A picture's caption and credit are not of
/// the line around them.)
pub(crate) fn inline_byline(dom: &Dom, n: NodeId) -> bool {
    let NodeData::Element { name, attrs, .. } = &dom.nodes[n].data else { return false };
    if !matches!(&*name.local, "span" | "a" | "abbr" | "time" | "em" | "strong" | "b" | "i" | "small" | "cite" | "font")
    {
        return false;
    }
    let mut labelled = false;
    for a in attrs {
        match &*a.name.local {
            "class" | "id" => {
                let says = class_says(&a.value);
                if says.firmly_negative || says.not_byline {
                    return false;
                }
                labelled |= says.negative;
            }
            "role" => return false,
            _ => {}
        }
    }
    labelled
}

/// Whether element `n`'s class or id names comments ("comments", "comment-list"); class
/// attributes are read from the page's `classes`, as [`standing`] left them.
pub(crate) fn names_comments<'a>(dom: &'a Dom, n: NodeId, classes: &mut ClassWords<'a>) -> bool {
    let NodeData::Element { attrs, .. } = &dom.nodes[n].data else { return false };
    attrs.iter().any(|a| match &*a.name.local {
        "class" => classes.entry(&*a.value).or_insert_with(|| class_says(&a.value)).comment,
        "id" => class_says(&a.value).comment,
        _ => false,
    })
}

/// What the words of a class (or id) attribute mark.
fn class_says(attr: &str) -> ClassSays {
    let mut says = ClassSays {
        hidden: attr.split_whitespace().any(|w| HIDDEN_CLASSES.iter().any(|h| w.eq_ignore_ascii_case(h))),
        ..ClassSays::default()
    };
    for name in attr.split_whitespace() {
        let (mut first, mut positive) = (true, false);
        for word in name.split(|c: char| !c.is_ascii_alphanumeric()).flat_map(camel_parts) {
            if word.is_empty() {
                continue;
            }
            let is_first = std::mem::replace(&mut first, false);
            let mut buf = [0u8; 32];
            let Some(word) = lowercase(word, &mut buf) else { continue };
            says.caption |= matches!(word, "caption" | "captions");
            match WORDS.get(word) {
                Some(true) => {
                    says.positive = true;
                    positive |= !is_first;
                }
                Some(false) => {
                    says.negative = true;
                    let label = LABELS.contains(&word);
                    says.label |= label;
                    says.author |= word == "author";
                    says.not_byline |= matches!(word, "caption" | "credit" | "credits") || AMBIGUOUS.contains(&word);
                    says.comment |= matches!(word, "comment" | "comments");
                    says.firmly_negative |= !label && word != "author" && !AMBIGUOUS.contains(&word);
                }
                None => {}
            }
        }
        says.comment_text |= positive && opens_with_comment(name);
    }
    says
}

/// Whether a class name's first word is "comment" or "comments" ("comment-text",
/// "commentBody"; not "commentary").
fn opens_with_comment(name: &str) -> bool {
    let bytes = name.as_bytes();
    [&b"comments"[..], &b"comment"[..]].iter().any(|p| {
        bytes.len() > p.len()
            && bytes[..p.len()].eq_ignore_ascii_case(p)
            && (!bytes[p.len()].is_ascii_alphanumeric() || bytes[p.len()].is_ascii_uppercase())
    })
}

/// `word` and, when it is written in camelCase, its parts: `newsCaption` -> `newsCaption`,
/// `news`, `Caption`.
fn camel_parts(word: &str) -> impl Iterator<Item = &str> {
    let bytes = word.as_bytes();
    let is_cut = move |i: usize| i > 0 && bytes[i].is_ascii_uppercase() && bytes[i - 1].is_ascii_lowercase();
    let camel = (1..bytes.len()).any(is_cut);
    let mut start = 0;
    let parts = (1..=bytes.len()).filter_map(move |i| {
        if camel && (i == bytes.len() || is_cut(i)) {
            let part = &word[start..i];
            start = i;
            Some(part)
        } else {
            None
        }
    });
    std::iter::once(word).chain(parts)
}

/// `word` in ASCII lowercase, in `buf`; `None` when it is longer than `buf` (no list word is).
fn lowercase<'b>(word: &str, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    let out = buf.get_mut(..bytes.len())?;
    for (o, b) in out.iter_mut().zip(bytes) {
        *o = b.to_ascii_lowercase();
    }
    std::str::from_utf8(out).ok()
}

/// Tags that start a new block of text.
pub(crate) fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "td"
            | "th"
            | "tr"
            | "table"
            | "tbody"
            | "thead"
            | "tfoot"
            | "caption"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "pre"
            | "figure"
            | "figcaption"
            | "header"
            | "footer"
            | "address"
            | "form"
            | "fieldset"
            | "center"
            | "hr"
            | "body"
            | "html"
            | "details"
            | "summary"
            | "picture"
    )
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;

    fn first(html: &str, tag: &str) -> Standing {
        let dom = Dom::parse(html, Instant::now() + Duration::from_secs(5));
        let n = dom.preorder().into_iter().find(|&n| dom.tag(n).is_some_and(|t| &**t == tag));
        n.map_or(Standing::Neutral, |n| standing(&dom, n, tag, &mut ClassWords::default()))
    }

    #[test]
    fn no_word_is_both_content_and_boilerplate() {
        assert!(POSITIVE.iter().all(|w| !NEGATIVE.contains(w)));
    }

    #[test]
    fn hidden_elements_are_skipped() {
        assert_eq!(first("<div hidden>x</div>", "div"), Standing::Skip);
        assert_eq!(first("<div aria-hidden=\"true\">x</div>", "div"), Standing::Skip);
        assert_eq!(first("<div style=\"color:red; display : none\">x</div>", "div"), Standing::Skip);
        assert_eq!(first("<div class=\"a sr-only\">x</div>", "div"), Standing::Skip);
        assert_eq!(first("<div aria-hidden=\"false\">x</div>", "div"), Standing::Neutral);
    }

    #[test]
    fn class_and_id_words_decide() {
        assert_eq!(first("<div class=\"share-buttons\">x</div>", "div"), Standing::Negative);
        assert_eq!(first("<div id=\"related_links\">x</div>", "div"), Standing::Negative);
        assert_eq!(first("<div class=\"article-body\">x</div>", "div"), Standing::Positive);
        assert_eq!(first("<div class=\"story-body share-enabled\">x</div>", "div"), Standing::Neutral);
        // Words, not substrings: "shared" and "loader" are not "share" and "ad".
        assert_eq!(first("<div class=\"shared loader\">x</div>", "div"), Standing::Neutral);
        // camelCase words count too.
        assert_eq!(first("<span class=\"newsCaption\">x</span>", "span"), Standing::Negative);
        assert_eq!(first("<div class=\"storyBody\">x</div>", "div"), Standing::Positive);
        assert_eq!(first("<nav><a>x</a></nav>", "nav"), Standing::Skip);
        // A class name that opens with "comment" names a comment's parts, content words or not;
        // a post's wrapper with a comment word elsewhere stays neutral.
        assert_eq!(first("<div class=\"comment-text\">x</div>", "div"), Standing::Negative);
        assert_eq!(first("<div class=\"commentBody\">x</div>", "div"), Standing::Negative);
        assert_eq!(first("<div class=\"comments_content\">x</div>", "div"), Standing::Negative);
        assert_eq!(first("<div class=\"post comments-open\">x</div>", "div"), Standing::Neutral);
        assert_eq!(first("<div class=\"commentary-body\">x</div>", "div"), Standing::Positive);
    }
}
