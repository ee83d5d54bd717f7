//! The chosen elements written out twice in one walk: as plain text (one paragraph per line)
//! and as HTML that keeps only an allowlist of tags and attributes (headings, lists, quotes,
//! tables, figures with captions, links and images with absolute `http(s)` addresses).
//!
//! Inside the article, boilerplate is dropped on the way: elements marked as boilerplate by
//! their class, blocks of links, short lines of page furniture ("Advertisement", "Read
//! more"), repeated paragraphs, and the headline (shown separately). Figures and captions go
//! into the HTML only: they are not the article's text.

use std::collections::HashSet;

use newsdesk_model::escape_html_into;
use url::Url;

use crate::classify::Standing;
use crate::content::{Choice, Measure};
use crate::dom::{Dom, NodeData, NodeId, push_collapsed};
use crate::furniture;

/// The article as text and as HTML.
#[derive(Debug, Default)]
pub(crate) struct Rendered {
    pub text: String,
    pub html: String,
    pub paragraphs: usize,
    /// Characters of the blocks written: all, inside links, and in blocks that are mostly a
    /// link (what the page-kind verdict reads, rather than the chosen element with the link
    /// lists the rendering left out).
    pub kept: KeptText,
}

/// Non-space characters of the written blocks' own text.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct KeptText {
    pub text: u64,
    pub links: u64,
    pub listed: u64,
    /// Written blocks that are mostly a link.
    pub listed_blocks: u32,
    /// Written paragraphs that follow a short block left out because it is mostly a link:
    /// the teasers of a front page under their linked headlines (an article's "Related"
    /// links stand together, before or after its text, and follow few paragraphs).
    pub after_linked: u32,
}

impl KeptText {
    /// The shares of link text and of text in blocks that are mostly a link. One such block
    /// alone is a line of credits, sources or tags among the article's paragraphs, not a list:
    /// a list's headlines are blocks of their own.
    pub(crate) fn densities(self) -> Option<(f32, f32)> {
        #[allow(clippy::cast_precision_loss)]
        let share = |n: u64| n as f32 / self.text as f32;
        let listed = if self.listed_blocks >= 2 { self.listed } else { 0 };
        (self.text > 0).then(|| (share(self.links), share(listed)))
    }
}

/// Tags written to the HTML as they are.
const KEPT: &[&str] = &[
    "p",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "code",
    "em",
    "strong",
    "b",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "a",
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "dl",
    "dt",
    "dd",
    "hr",
    "br",
    "img",
    "q",
    "cite",
    "small",
    "mark",
    "abbr",
    "time",
];

/// Tags that hold text directly in the HTML we write (other blocks get a `<p>` around it).
const HOLDS_TEXT: &[&str] = &["p", "li", "h2", "h3", "h4", "h5", "h6", "td", "th", "pre", "figcaption", "dt", "dd"];

pub(crate) fn render(dom: &Dom, m: &Measure, choice: &Choice, base: Option<&Url>) -> Rendered {
    let total: u32 = choice.parts.iter().map(|&p| m.text[p]).sum();
    let kept_total = total.saturating_sub(choice.parts.iter().map(|&p| negative_text(dom, m, p)).sum());
    let mut w = Writer {
        dom,
        m,
        base,
        total,
        kept_total,
        seen: HashSet::new(),
        out: Rendered::default(),
        line: String::new(),
        open_p: false,
        stack: Vec::new(),
        ended: false,
        linked_before: false,
        begun: false,
    };
    // The parts are children of the chosen root; walking the root's children in order also
    // finds a comment section's heading in a child between two parts (the comments that
    // follow it are then not the article).
    let parts: HashSet<NodeId> = choice.parts.iter().copied().collect();
    let siblings = choice.parts.iter().all(|&p| p != choice.root);
    if siblings {
        for child in dom.children(choice.root) {
            if w.ended {
                break;
            }
            if parts.contains(&child) {
                w.walk(child);
            } else if w.has_begun() && holds_closing_heading(dom, m, child) {
                w.ended = true;
            }
        }
    } else {
        for &part in &choice.parts {
            w.walk(part);
        }
    }
    w.flush_line();
    w.close_p();
    let Writer { mut out, .. } = w;
    while out.text.ends_with('\n') {
        out.text.pop();
    }
    out
}

/// The text of the boilerplate elements in `root`'s subtree (the outermost of each).
fn negative_text(dom: &Dom, m: &Measure, root: NodeId) -> u32 {
    let mut sum = 0;
    let mut stack = vec![root];
    while let Some(n) = stack.pop() {
        if n != root && m.negative(n) {
            sum += m.text[n];
            continue;
        }
        stack.extend(dom.children(n));
    }
    sum
}

/// A heading that opens the discussion under a post ("Comments", "Leave a Reply"), or the list
/// of other posts there ("You may also like", "Related posts"); or a paragraph written as a
/// heading that names the site whose other posts follow ("Also on Kell Post:").
fn is_closing_heading(dom: &Dom, m: &Measure, n: NodeId, tag: &str) -> bool {
    let heading = matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
    if !(heading || tag == "p") || m.text[n] >= 120 {
        return false;
    }
    // (Its visible words: WordPress hides a "Cancel reply" link inside it.)
    let words = dom.text_where(n, |c| !m.skipped[c]);
    (heading && (furniture::opens_comment_section(&words) || furniture::opens_related_section(&words)))
        || furniture::names_more_from_site(&words)
}

/// Whether such a heading is in `root`'s subtree (a bounded look: a comment section's or a
/// related-posts list's heading sits near the top of its container).
fn holds_closing_heading(dom: &Dom, m: &Measure, root: NodeId) -> bool {
    finds_element(dom, root, 400, |n, tag| is_closing_heading(dom, m, n, tag))
}

/// Whether an element `tag` is in `root`'s subtree, below it.
fn holds_tag(dom: &Dom, root: NodeId, tag: &str) -> bool {
    finds_element(dom, root, 2_000, |n, t| n != root && t == tag)
}

/// Whether an element of `root`'s subtree (itself included) is `found`, looking at `limit`
/// nodes at most, in document order.
fn finds_element(dom: &Dom, root: NodeId, limit: usize, found: impl Fn(NodeId, &str) -> bool) -> bool {
    let mut stack = vec![root];
    let mut seen = 0;
    while let Some(n) = stack.pop() {
        seen += 1;
        if seen > limit {
            return false;
        }
        if let Some(tag) = dom.tag(n) {
            if found(n, tag) {
                return true;
            }
            let start = stack.len();
            stack.extend(dom.children(n));
            stack[start..].reverse();
        }
    }
    false
}

struct Writer<'a> {
    dom: &'a Dom,
    m: &'a Measure,
    base: Option<&'a Url>,
    total: u32,
    /// Of `total`, the text outside boilerplate (a thread of comments inside the chosen
    /// element is not what a box of links is measured against).
    kept_total: u32,
    seen: HashSet<String>,
    out: Rendered,
    /// The text paragraph being built.
    line: String,
    /// Whether the HTML has an implicit `<p>` open.
    open_p: bool,
    /// Kept HTML tags currently open, innermost last.
    stack: Vec<&'static str>,
    /// The comment section began: nothing after it is the article.
    ended: bool,
    /// A short linked block was left out since the last written line.
    linked_before: bool,
    /// Some of the article is written (see `has_begun`).
    begun: bool,
}

enum Step {
    Enter(NodeId),
    Leave(NodeId),
}

impl Writer<'_> {
    fn walk(&mut self, root: NodeId) {
        let mut todo = vec![Step::Enter(root)];
        while let Some(step) = todo.pop() {
            match step {
                Step::Enter(n) => match &self.dom.nodes[n].data {
                    NodeData::Text(t) => self.text(t),
                    NodeData::Element { name, .. } => {
                        let tag = &*name.local;
                        if self.opens_comments(n, tag) {
                            // The discussion under the post follows in document order: the
                            // article ends here (the tags still open are closed as usual).
                            self.ended = true;
                            todo.retain(|s| matches!(s, Step::Leave(_)));
                            continue;
                        }
                        if (n != root && self.drops(n, tag)) || (n == root && self.is_furniture_block(n)) {
                            continue;
                        }
                        self.open(n, tag);
                        self.count_kept(n);
                        todo.push(Step::Leave(n));
                        let start = todo.len();
                        todo.extend(self.dom.children(n).map(Step::Enter));
                        todo[start..].reverse();
                    }
                    _ => {}
                },
                Step::Leave(n) => {
                    if let Some(tag) = self.dom.tag(n) {
                        self.close(&tag.clone());
                    }
                }
            }
        }
    }

    /// Whether element `n` is a heading that opens the comments under a post, once some of the
    /// article has been written (a heading before any text is not the end of anything).
    fn opens_comments(&mut self, n: NodeId, tag: &str) -> bool {
        // The heading itself, or a short block around it (which may be dropped as furniture
        // before the heading inside it is reached).
        let heading = matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
        self.m.text[n] < 120
            && (heading || self.m.block[n])
            && self.has_begun()
            && (is_closing_heading(self.dom, self.m, n, tag)
                || (!heading && holds_closing_heading(self.dom, self.m, n)))
    }

    /// Some of the article (30 words) is written.
    fn has_begun(&mut self) -> bool {
        if !self.begun {
            self.begun =
                self.out.text.split_whitespace().nth(30).is_some() || self.line.split_whitespace().nth(30).is_some();
        }
        self.begun
    }

    /// Counts a written block's own text for the page-kind verdict.
    fn count_kept(&mut self, n: NodeId) {
        let m = self.m;
        if !m.block[n] {
            return;
        }
        let (own, links) = (u64::from(m.own[n]), u64::from(m.own_links[n]));
        self.out.kept.text += own;
        self.out.kept.links += links;
        if links * 2 > own {
            self.out.kept.listed += own;
            self.out.kept.listed_blocks += 1;
        }
    }

    /// Whether element `n` is a short block of page furniture ("Leave a comment"), which a
    /// part of the article chosen for its own sentence may be.
    fn is_furniture_block(&self, n: NodeId) -> bool {
        let text = self.m.text[n];
        self.m.block[n] && text > 0 && text < furniture::LONGEST && furniture::is_furniture(&self.dom.text_of(n))
    }

    /// Whether element `n`'s items are teasers: three or more, and two thirds at least, of its
    /// children with text each hold a "Read more" link.
    fn teasers(&self, n: NodeId) -> bool {
        let (mut items, mut teasers) = (0_u32, 0_u32);
        for c in self.dom.children(n) {
            if self.m.text[c] > 0 && self.dom.tag(c).is_some() {
                items += 1;
                teasers += u32::from(self.m.more_link[c]);
            }
        }
        teasers >= 3 && teasers * 3 >= items * 2
    }

    /// Whether element `n` (inside the article) is left out.
    fn drops(&mut self, n: NodeId, tag: &str) -> bool {
        let m = self.m;
        if m.skipped[n] || tag == "h1" {
            return true;
        }
        if m.standing[n] == Standing::Negative && (m.text[n] * 2 < self.total || m.firmly_negative[n]) {
            return true;
        }
        // A form with a box to write in is the comment form, whatever its notes say ("You may
        // use these HTML tags"). (A form around the whole page, as some frameworks write,
        // is never inside the article.)
        if tag == "form" && holds_tag(self.dom, n, "textarea") {
            return true;
        }
        let text = m.text[n];
        let density = m.link_density(n);
        if matches!(tag, "div" | "section" | "ul" | "ol" | "table" | "form" | "header" | "footer" | "dl" | "center")
            && density > 0.5
            && text * 4 < self.kept_total
        {
            return true;
        }
        // A list of teasers: three or more items, two thirds of them at least, each with its
        // "Read more" link (more stories of the site under the article).
        if m.more_link[n] && matches!(tag, "ul" | "ol" | "div" | "section" | "table" | "tbody") && self.teasers(n) {
            return true;
        }
        // A short block that is mostly a link: "READ MORE: <a>another story</a>", a linked
        // headline of another article.
        if m.block[n] && text < 200 && m.links[n] * 10 >= text * 7 && text > 0 {
            self.linked_before = true;
            return true;
        }
        // The post's filing line ("Posted in <a>News</a>, <a>Harbour</a> | Tagged ...") with
        // its category links; short furniture; and paragraphs and headings (never their
        // containers, whose text is the same) once each. The block's text is read once.
        let filing = m.block[n] && text > 0 && text < furniture::LONGEST * 2 && m.links[n] * 10 >= text;
        let short = m.block[n] && text > 0 && text < furniture::LONGEST;
        let unique = matches!(tag, "p" | "h2" | "h3" | "h4" | "h5" | "h6" | "pre") && text >= 20;
        if filing || short || unique {
            let t = self.dom.text_of(n);
            if (filing && furniture::is_filing_line(&t)) || (short && furniture::is_furniture(&t)) {
                return true;
            }
            if unique && !self.seen.insert(t) {
                return true;
            }
        }
        false
    }

    fn open(&mut self, n: NodeId, tag: &str) {
        let block = self.m.block[n] || tag == "br";
        if block {
            self.flush_line();
            self.close_p();
        }
        if tag == "br" {
            if !self.stack.last().is_some_and(|t| HOLDS_TEXT.contains(t)) {
                return;
            }
            self.out.html.push_str("<br>");
            return;
        }
        let Some(kept) = KEPT.iter().copied().find(|k| *k == tag) else { return };
        match kept {
            "img" => self.image(n),
            "hr" => self.out.html.push_str("<hr>"),
            "a" => {
                self.ensure_p();
                let href = self.dom.attr(n, "href").and_then(|h| self.absolute(h, true));
                self.out.html.push_str("<a");
                if let Some(h) = href {
                    self.out.html.push_str(" href=\"");
                    escape_html_into(h.as_str(), &mut self.out.html);
                    self.out.html.push('"');
                }
                self.out.html.push('>');
                self.stack.push(kept);
            }
            _ => {
                if !block {
                    self.ensure_p();
                }
                self.out.html.push('<');
                self.out.html.push_str(kept);
                self.out.html.push('>');
                self.stack.push(kept);
            }
        }
    }

    fn close(&mut self, tag: &str) {
        if matches!(tag, "img" | "hr" | "br") {
            return;
        }
        let block = is_block_tag(tag);
        if block {
            self.flush_line();
            self.close_p();
        }
        if let Some(pos) = self.stack.iter().rposition(|t| *t == tag) {
            // Close what was opened inside and not yet closed, then the tag itself.
            while self.stack.len() > pos {
                if let Some(t) = self.stack.pop() {
                    self.out.html.push_str("</");
                    self.out.html.push_str(t);
                    self.out.html.push('>');
                }
            }
        }
    }

    fn text(&mut self, t: &str) {
        if t.trim().is_empty() {
            if !self.line.is_empty() && !self.line.ends_with(' ') {
                self.line.push(' ');
            }
            if self.open_p || self.stack.last().is_some_and(|t| HOLDS_TEXT.contains(t) || !is_block_tag(t)) {
                self.out.html.push(' ');
            }
            return;
        }
        let in_figure = self.stack.iter().any(|t| *t == "figure" || *t == "figcaption");
        if !in_figure {
            let leading = t.starts_with(char::is_whitespace);
            if leading && !self.line.is_empty() && !self.line.ends_with(' ') {
                self.line.push(' ');
            }
            push_collapsed(&mut self.line, t.trim_start());
            if t.ends_with(char::is_whitespace) && !self.line.ends_with(' ') {
                self.line.push(' ');
            }
        }
        self.ensure_p();
        let mut collapsed = String::with_capacity(t.len());
        let leading = t.starts_with(char::is_whitespace);
        if leading {
            collapsed.push(' ');
        }
        push_collapsed(&mut collapsed, t.trim());
        if t.ends_with(char::is_whitespace) {
            collapsed.push(' ');
        }
        escape_html_into(&collapsed, &mut self.out.html);
    }

    fn ensure_p(&mut self) {
        if self.open_p
            || self.stack.last().is_some_and(|t| HOLDS_TEXT.contains(t) || *t == "figure" || !is_block_tag(t))
        {
            return;
        }
        self.out.html.push_str("<p>");
        self.open_p = true;
    }

    fn close_p(&mut self) {
        if self.open_p {
            // Inline tags opened inside the implicit paragraph end with it.
            while let Some(t) = self.stack.last().copied() {
                if is_block_tag(t) {
                    break;
                }
                self.stack.pop();
                self.out.html.push_str("</");
                self.out.html.push_str(t);
                self.out.html.push('>');
            }
            self.out.html.push_str("</p>");
            self.open_p = false;
        }
    }

    fn flush_line(&mut self) {
        let line = self.line.trim();
        if !line.is_empty() {
            self.out.text.push_str(line);
            self.out.text.push('\n');
            self.out.paragraphs += 1;
            if std::mem::take(&mut self.linked_before) {
                self.out.kept.after_linked += 1;
            }
        }
        self.line.clear();
    }

    fn image(&mut self, n: NodeId) {
        let dom = self.dom;
        let src = ["data-src", "data-lazy-src", "data-original", "data-url", "data-hi-res-src"]
            .iter()
            .find_map(|a| dom.attr(n, a))
            .or_else(|| dom.attr(n, "srcset").or_else(|| dom.attr(n, "data-srcset")).and_then(largest_in_srcset))
            .or_else(|| dom.attr(n, "src"))
            .filter(|s| !s.trim_start().starts_with("data:"))
            .and_then(|s| self.absolute(s, false));
        let Some(src) = src else { return };
        self.ensure_p();
        self.out.html.push_str("<img src=\"");
        escape_html_into(src.as_str(), &mut self.out.html);
        self.out.html.push('"');
        if let Some(alt) = dom.attr(n, "alt").filter(|a| !a.trim().is_empty()) {
            self.out.html.push_str(" alt=\"");
            escape_html_into(alt.trim(), &mut self.out.html);
            self.out.html.push('"');
        }
        self.out.html.push('>');
    }

    /// `raw` made absolute against the page; only `http(s)` (and `mailto:` for links) pass.
    fn absolute(&self, raw: &str, link: bool) -> Option<Url> {
        let raw = raw.trim();
        if raw.is_empty() || raw.starts_with('#') {
            return None;
        }
        let u = match self.base {
            Some(b) => b.join(raw).ok()?,
            None => Url::parse(raw).ok()?,
        };
        (matches!(u.scheme(), "http" | "https") || (link && u.scheme() == "mailto")).then_some(u)
    }
}

fn is_block_tag(tag: &str) -> bool {
    crate::classify::is_block(tag)
}

/// The biggest image of a `srcset`: the candidate with the largest width (or density).
fn largest_in_srcset(srcset: &str) -> Option<&str> {
    let mut best: Option<(&str, f32)> = None;
    for candidate in srcset.split(',') {
        let mut parts = candidate.split_whitespace();
        let Some(url) = parts.next() else { continue };
        let size = parts.next().and_then(|d| d.trim_end_matches(['w', 'x']).parse::<f32>().ok()).unwrap_or(1.0);
        if best.is_none_or(|(_, s)| size > s) {
            best = Some((url, size));
        }
    }
    best.map(|(u, _)| u)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn srcset_gives_its_largest_image() {
        assert_eq!(largest_in_srcset("a.jpg 320w, b.jpg 1024w, c.jpg 640w"), Some("b.jpg"));
        assert_eq!(largest_in_srcset("a.jpg 1x, b.jpg 2x"), Some("b.jpg"));
        assert_eq!(largest_in_srcset(""), None);
    }
}
