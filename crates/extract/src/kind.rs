//! Is this page an article? Home pages, section fronts, galleries, paywall stubs and error
//! pages are not: for them the feed's own content is better than anything on the page.
//! The rules are conservative: a page is an article unless it is plainly something else.

use std::fmt;

use serde::Serialize;

use crate::content::Measure;
use crate::dom::DOCUMENT;
use crate::meta::Metadata;
use crate::render::Rendered;

/// Why a page gave no article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NotArticle {
    /// No bytes, or only whitespace.
    Empty,
    /// The bytes are not text (an image, a PDF, compressed data).
    Binary,
    /// No paragraph of prose anywhere on the page.
    NoText,
    /// Mostly links and little prose: a home page, section front or list of articles.
    Listing,
    /// The page says the article is for subscribers and shows only its beginning.
    Paywall,
    /// The page is an error page ("404", "page not found").
    ErrorPage,
    /// Too little text to be an article: a gallery, a video page, a teaser.
    TooShort,
}

impl fmt::Display for NotArticle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Empty => "the page is empty",
            Self::Binary => "the page is not text (binary data)",
            Self::NoText => "the page has no paragraph of prose",
            Self::Listing => "the page is a list of links (a home page or section front), not an article",
            Self::Paywall => "the page is a paywall stub that shows only the article's beginning",
            Self::ErrorPage => "the page is an error page",
            Self::TooShort => "the page has too little text to be an article (a gallery, video or teaser)",
        })
    }
}

/// Words below which a page is not an article whatever else it is.
const MIN_WORDS: usize = 25;

/// Whether the text holds a whole sentence: five words or more, from a line's start or the
/// end of the sentence before, ending as sentences end ("Shot in Lisbon last spring!" in a
/// line that goes on without a full stop counts).
fn has_sentence(text: &str) -> bool {
    const ENDS: [char; 9] = ['.', '!', '?', '。', '！', '？', '"', '”', '»'];
    text.lines().any(|l| {
        let mut words = 0;
        for w in l.split_whitespace() {
            words += word_estimate(w).max(1);
            if w.ends_with(ENDS) {
                if words >= 5 {
                    return true;
                }
                words = 0;
            }
        }
        false
    })
}

/// Words a line of the chosen text needs to count as prose rather than a headline or a label.
const PROSE_LINE_WORDS: usize = 10;
/// Most link text in the chosen element of a page that is an article whatever surrounds it.
const ARTICLE_LINK_DENSITY: f32 = 0.5;
/// The share of the chosen element's text in blocks that are mostly a link from which the
/// element is a list of links to articles (a home page's teasers), not an article.
const LISTING_LIST_DENSITY: f32 = 0.3;
/// Most of the chosen element's text in blocks that are mostly one link (a list's headlines,
/// "Read more") for an article; links inside sentences do not count.
const ARTICLE_LIST_DENSITY: f32 = 0.3;

/// Link text (and text in blocks that are mostly a link) below which the chosen element is
/// not a list of links whatever its shape: a listing's headlines are links.
const LINKLESS_DENSITY: f32 = 0.15;
/// Link text below which a chosen element none of whose blocks is mostly a link (no headline
/// of a list, no "Read more") is prose with links in its sentences, not a list of links.
const INLINE_LINK_DENSITY: f32 = 0.3;

/// Whether the chosen element reads as an article by itself: mostly prose, few links in it,
/// and not a list that alternates headlines and teasers. A short post on a template that is
/// mostly links (blog sidebars, tag clouds, archives) is still an article.
fn reads_as_article(text: &str, (links, listed): (f32, f32)) -> bool {
    if links >= ARTICLE_LINK_DENSITY || listed >= ARTICLE_LIST_DENSITY {
        return false;
    }
    let lines: Vec<usize> = text.lines().map(word_estimate).filter(|&n| n > 0).collect();
    let prose = lines.iter().filter(|&&n| n >= PROSE_LINE_WORDS).count();
    let short = lines.len() - prose;
    let words: usize = lines.iter().sum();
    let prose_words: usize = lines.iter().filter(|&&n| n >= PROSE_LINE_WORDS).sum();
    // Teaser lists alternate a headline and a sentence; an article's short lines are its few
    // subheads, captions and bylines, or a list inside a text whose sentences hold most of
    // its words. A short post of a few sentences is an article too.
    prose >= 1 && words >= MIN_WORDS && (short <= prose + 1 || prose_words * 3 >= words * 2)
}

/// Whether the text is a list of excerpts: three or more paragraphs that end in an ellipsis,
/// or four or more that end in the same two words, half the paragraphs at least, as archive,
/// tag and search pages cut each post.
fn excerpt_list(text: &str) -> bool {
    let endings: Vec<String> = text
        .lines()
        .filter(|l| l.split_whitespace().count() >= PROSE_LINE_WORDS)
        .map(|l| {
            let l = l.trim_end();
            if l.ends_with('…') || l.ends_with("...") || l.ends_with("[…]") || l.ends_with("[...]") {
                return "…".to_owned();
            }
            let words: Vec<&str> = l.split_whitespace().collect();
            words[words.len().saturating_sub(2)..].join(" ").to_lowercase()
        })
        .collect();
    if endings.len() < 3 {
        return false;
    }
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for e in &endings {
        *counts.entry(e.as_str()).or_default() += 1;
    }
    // An ellipsis ends excerpts; the same two words end them when four or more do (a post's
    // refrain, "one step at a time", may end three of its paragraphs).
    counts.iter().any(|(&e, &n)| n >= if e == "…" { 3 } else { 4 } && n * 2 >= endings.len())
}

pub(crate) fn judge(m: &Measure, meta: &Metadata, r: &Rendered, chosen: (f32, f32)) -> Option<NotArticle> {
    let page_links = m.link_density(DOCUMENT);
    if r.text.trim().is_empty() {
        return Some(if page_links > 0.5 { NotArticle::Listing } else { NotArticle::NoText });
    }
    let words = word_estimate(&r.text);
    let title = meta.title.as_deref().unwrap_or("").to_lowercase();
    if words < 150 && is_error_title(&title) {
        return Some(NotArticle::ErrorPage);
    }
    if meta.paywalled && words < 150 {
        return Some(NotArticle::Paywall);
    }
    let website = meta.og_type.as_deref().is_some_and(|t| t == "website");
    // The chosen element is itself a list: headlines and "Read more" links between teasers,
    // or excerpts that all end the same way ("… Continue reading").
    // Paragraphs under linked headlines the rendering left out, half the text's or more: the
    // teasers of a front page, each under its own headline.
    let teasers = r.kept.after_linked >= 3 && r.kept.after_linked as usize * 2 >= r.paragraphs;
    if !meta.ld_article && (chosen.1 >= LISTING_LIST_DENSITY || excerpt_list(&r.text) || teasers) {
        return Some(NotArticle::Listing);
    }
    // A chosen element with hardly a link in it is no list of links, however busy the page
    // around it and however short its lines (a poem, a numbered list of songs).
    let linkless = (chosen.0 < LINKLESS_DENSITY && chosen.1 < LINKLESS_DENSITY)
        || (chosen.0 < INLINE_LINK_DENSITY && chosen.1 <= 0.0);
    if !meta.ld_article
        && !linkless
        && !reads_as_article(&r.text, chosen)
        && ((page_links > 0.5 && words < 250)
            || (meta.ld_listing && words < 300)
            || (website && words < 120 && page_links > 0.3))
    {
        return Some(NotArticle::Listing);
    }
    // Under that, a text with a whole sentence in it (a one-line post, a short notice) is still
    // an article; a caption or a label is not. (The full-text step adopts a page's text only
    // when it says 20 words more than the feed, so a post this short never replaces a teaser.)
    if words < MIN_WORDS && !has_sentence(&r.text) {
        return Some(NotArticle::TooShort);
    }
    None
}

fn is_error_title(title: &str) -> bool {
    ["404", "page not found", "not found", "error", "page unavailable", "no longer available"]
        .iter()
        .any(|p| title.contains(p))
}

/// Words in `text`, counting two CJK characters as a word (those scripts do not space words).
pub(crate) fn word_estimate(text: &str) -> usize {
    let spaced = text.split_whitespace().count();
    let cjk = text.chars().filter(|c| matches!(*c as u32, 0x3040..=0x30ff | 0x3400..=0x9fff | 0xac00..=0xd7af)).count();
    spaced.max(cjk / 2)
}
