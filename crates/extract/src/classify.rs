//! What each element is, from its tag and attributes alone: never content (scripts, forms'
//! controls, navigation, hidden elements), probably boilerplate (class or id words such as
//! `share`, `related`, `comments`), probably content (`article`, `body`, `story`), or neutral.

use crate::dom::{Dom, NodeId};

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
    "select", "textarea", "option", "nav", "head", "title", "meta", "link", "audio", "video", "map", "dialog", "aside",
    "menu", "frameset", "frame", "applet", "math", "label",
];

/// Class and id words that mark content.
const POSITIVE: &[&str] = &[
    "article",
    "articlebody",
    "article_body",
    "body",
    "content",
    "entry",
    "main",
    "post",
    "story",
    "text",
    "blog",
    "prose",
    "richtext",
    "storybody",
    "postbody",
    "entrycontent",
    "itemprop",
];

/// Class and id words that mark boilerplate.
const NEGATIVE: &[&str] = &[
    "comment",
    "comments",
    "share",
    "sharing",
    "sharebar",
    "social",
    "related",
    "relatedposts",
    "recommended",
    "recommendations",
    "recirc",
    "promo",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "adslot",
    "adunit",
    "sponsor",
    "sponsored",
    "sidebar",
    "footer",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "cookie",
    "cookies",
    "popup",
    "modal",
    "masthead",
    "widget",
    "outbrain",
    "taboola",
    "trending",
    "popular",
    "mostread",
    "tags",
    "tagline",
    "byline",
    "author",
    "authors",
    "caption",
    "credit",
    "credits",
    "toolbar",
    "pagination",
    "pager",
    "disclaimer",
    "banner",
    "rail",
    "timestamp",
    "dateline",
    "skip",
    "tooltip",
    "overlay",
    "paywall",
    "login",
    "signin",
    "gallery",
    "slideshow",
    "carousel",
    "video",
    "player",
    "bio",
    "contributor",
    "readmore",
    "more",
    "next",
    "prev",
    "previous",
    "alert",
    "utility",
    "tools",
    "print",
    "email",
    "follow",
    "meta",
    "header",
    "topics",
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

/// How `n` stands. `n` must be an element.
pub(crate) fn standing(dom: &Dom, n: NodeId, tag: &str) -> Standing {
    if SKIP_TAGS.contains(&tag) || is_hidden(dom, n) {
        return Standing::Skip;
    }
    if matches!(tag, "html" | "body" | "a" | "p" | "main") {
        return Standing::Neutral;
    }
    let class = dom.attr(n, "class").unwrap_or("");
    let id = dom.attr(n, "id").unwrap_or("");
    let role = dom.attr(n, "role").unwrap_or("");
    if matches!(role, "navigation" | "complementary" | "contentinfo" | "banner" | "menu" | "menubar" | "dialog") {
        return Standing::Negative;
    }
    if class.is_empty() && id.is_empty() {
        return match tag {
            "footer" | "header" => Standing::Negative,
            "article" => Standing::Positive,
            _ => Standing::Neutral,
        };
    }
    let (mut positive, mut negative) = (tag == "article", matches!(tag, "footer" | "header"));
    for word in class.split(|c: char| !c.is_ascii_alphanumeric()).chain(id.split(|c: char| !c.is_ascii_alphanumeric()))
    {
        if word.is_empty() {
            continue;
        }
        let word = word.to_ascii_lowercase();
        if POSITIVE.contains(&word.as_str()) {
            positive = true;
        } else if NEGATIVE.contains(&word.as_str()) {
            negative = true;
        }
    }
    match (positive, negative) {
        (true, false) => Standing::Positive,
        (false, true) => Standing::Negative,
        _ => Standing::Neutral,
    }
}

fn is_hidden(dom: &Dom, n: NodeId) -> bool {
    if dom.attr(n, "hidden").is_some()
        || dom.attr(n, "aria-hidden").is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    if let Some(style) = dom.attr(n, "style") {
        let compact: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        if compact.contains("display:none") || compact.contains("visibility:hidden") {
            return true;
        }
    }
    dom.attr(n, "class")
        .is_some_and(|c| c.split_whitespace().any(|w| HIDDEN_CLASSES.iter().any(|h| w.eq_ignore_ascii_case(h))))
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
        n.map_or(Standing::Neutral, |n| standing(&dom, n, tag))
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
        assert_eq!(first("<nav><a>x</a></nav>", "nav"), Standing::Skip);
    }
}
