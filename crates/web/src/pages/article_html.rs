//! The article page's HTML, written out in Rust.
//!
//! The article page is the page readers reach most (every card, feed entry, search hit and
//! shared link points at one) and the one the page cache helps least: each article is read a
//! few times, not thousands. Rendered through minijinja it spent about a quarter of its CPU in
//! the template interpreter and in turning its values into the interpreter's, so its main part
//! is written here, with the template's markup (`tests/it/snapshots/article_page.snap`). The
//! frame around it, the site's `<head>`, header and footer, is still `base.html`:
//! [`Frame::new`] renders that template once, at start-up, with a mark in each block this page
//! fills, so that the site's layout has one source.
//!
//! Every value is escaped by the model's `escape_html_into` (`& < > " '`), as the extractor and
//! the comments escape theirs. The only values pushed as they are are sanitized HTML (the body,
//! a revision's body, a comment's body, all sanitized when they were stored), numbers and this
//! file's own markup.

use chrono::SecondsFormat;
use newsdesk_model::{Article, escape_html_into};
use newsdesk_store::{ArticleContext, EntityCount};

use crate::discussion::{CommentForm, CommentView};

/// The blocks of `base.html` this page fills, in the order the frame holds them.
const BLOCK_MARKS: [char; 6] = ['\u{E001}', '\u{E002}', '\u{E003}', '\u{E004}', '\u{E005}', '\u{E006}'];

/// The frame's name among the templates (`.html`: autoescaped).
const FRAME_NAME: &str = "article_frame.html";

/// What the article page fills `base.html`'s blocks with, a mark standing for what each
/// article puts there. `site.title` is the site's, and the frame's escaping is minijinja's.
const FRAME_TEMPLATE: &str = "{% extends \"base.html\" %}\
{% block title %}\u{E001} · {{ site.title }}{% endblock %}\
{% block og_title %}\u{E002}{% endblock %}\
{% block og_type %}article{% endblock %}\
{% block og %}\u{E003}{% endblock %}\
{% block twitter_card %}\u{E004}{% endblock %}\
{% block head %}\u{E005}{% endblock %}\
{% block main %}\u{E006}{% endblock %}";

/// `base.html` rendered for the article page: the static text between the six blocks the page
/// fills (title, `og:title`, the OpenGraph tags, the Twitter card's kind, the canonical link,
/// the main part).
pub(crate) struct Frame {
    parts: [String; 7],
}

impl Frame {
    /// Renders the frame once (at start-up): an error when `base.html` lost one of the blocks.
    /// The frame is a template of `env` named as HTML, so that it is autoescaped as the
    /// site's templates are.
    pub(crate) fn new(env: &mut minijinja::Environment<'static>) -> Result<Self, minijinja::Error> {
        env.add_template(FRAME_NAME, FRAME_TEMPLATE)?;
        let rendered = env.get_template(FRAME_NAME)?.render(minijinja::context! {})?;
        let mut parts: [String; 7] = Default::default();
        let mut rest = rendered.as_str();
        for (i, mark) in BLOCK_MARKS.iter().enumerate() {
            let Some((before, after)) = rest.split_once(*mark) else {
                return Err(minijinja::Error::new(
                    minijinja::ErrorKind::InvalidOperation,
                    format!("base.html does not render block {} of the article page", i + 1),
                ));
            };
            before.clone_into(&mut parts[i]);
            rest = after;
        }
        rest.clone_into(&mut parts[6]);
        Ok(Self { parts })
    }
}

/// An earlier version, newest first on the page.
pub(crate) struct RevisionView {
    pub revision: u32,
    pub title: String,
    /// Sanitized when it was stored, its images through the proxy.
    pub body_html: String,
    pub replaced_at: chrono::DateTime<chrono::Utc>,
}

/// Everything the article page shows.
pub(crate) struct ArticlePage<'a> {
    pub article: &'a Article,
    pub context: &'a ArticleContext,
    pub show_summary: bool,
    /// Sanitized article HTML, its images through the proxy.
    pub body_html: &'a str,
    pub lead_image: Option<String>,
    pub og_image: Option<String>,
    pub original_link: Option<String>,
    pub original_label: Option<String>,
    pub canonical: String,
    pub revisions: &'a [RevisionView],
    pub comments: &'a [CommentView],
    pub comment_page: u32,
    pub comment_pages: u32,
    pub form: &'a CommentForm,
    pub replying_to: Option<String>,
    pub staff: Option<String>,
    pub errors: &'a [String],
    pub notice: Option<&'a str>,
}

/// A time as the templates write it in `datetime` attributes (chrono's serde form).
fn iso(t: &chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// A `<time>` element: the time for machines in its attribute, as readers read it ("4 May
/// 2026, 09:30 UTC") in its text.
fn time(out: &mut String, t: &chrono::DateTime<chrono::Utc>) {
    let machine = iso(t);
    out.push_str("<time datetime=\"");
    escape_html_into(&machine, out);
    out.push_str("\">");
    crate::templates::write_date(out, t);
    out.push_str("</time>");
}

fn non_empty(value: Option<&String>) -> Option<&str> {
    value.map(String::as_str).filter(|v| !v.is_empty())
}

fn plural<'a>(n: u32, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

impl ArticlePage<'_> {
    /// The whole page, in `frame`.
    pub(crate) fn render(&self, frame: &Frame) -> String {
        let mut out = String::with_capacity(self.body_html.len() + 12 * 1024);
        let a = self.article;
        let p = &frame.parts;
        out.push_str(&p[0]);
        escape_html_into(&a.title, &mut out);
        out.push_str(&p[1]);
        escape_html_into(&a.title, &mut out);
        out.push_str(&p[2]);
        self.open_graph(&mut out);
        out.push_str(&p[3]);
        out.push_str(if non_empty(self.og_image.as_ref()).is_some() { "summary_large_image" } else { "summary" });
        out.push_str(&p[4]);
        if !self.canonical.is_empty() {
            out.push_str("<link rel=\"canonical\" href=\"");
            escape_html_into(&self.canonical, &mut out);
            out.push_str("\">");
        }
        out.push_str(&p[5]);
        self.article_part(&mut out);
        self.revisions_part(&mut out);
        self.discussion(&mut out);
        out.push_str(&p[6]);
        out
    }

    fn open_graph(&self, out: &mut String) {
        let a = self.article;
        if !self.canonical.is_empty() {
            out.push_str("<meta property=\"og:url\" content=\"");
            escape_html_into(&self.canonical, out);
            out.push_str("\">");
        }
        if !a.summary.is_empty() {
            out.push_str("<meta property=\"og:description\" content=\"");
            escape_html_into(&crate::templates::clip(a.summary.clone(), 300), out);
            out.push_str("\">");
        }
        if let Some(t) = &a.published_at {
            out.push_str("<meta property=\"article:published_time\" content=\"");
            escape_html_into(&iso(t), out);
            out.push_str("\">");
        }
        if let Some(image) = non_empty(self.og_image.as_ref()) {
            out.push_str("<meta property=\"og:image\" content=\"");
            escape_html_into(image, out);
            out.push_str("\">\n<meta name=\"twitter:image\" content=\"");
            escape_html_into(image, out);
            out.push_str("\">");
        }
    }

    /// The `<article>`: headline, meta line, summary, lead image, body, the original, copies,
    /// story, entities and keyphrases.
    fn article_part(&self, out: &mut String) {
        let (a, c) = (self.article, self.context);
        out.push_str("<article class=\"story\"");
        if let Some(lang) = non_empty(a.language.as_ref()) {
            out.push_str(" lang=\"");
            escape_html_into(lang, out);
            out.push('"');
        }
        out.push_str(">\n  <header>\n    <h1");
        if a.title_derived {
            out.push_str(" class=\"derived\"");
        }
        out.push('>');
        escape_html_into(&a.title, out);
        out.push_str("</h1>\n");
        if a.title_derived {
            out.push_str("<p class=\"meta\">This post has no title; its first words stand in for one.</p>");
        }
        out.push_str("    <p class=\"meta\">\n");
        if let Some(outlet) = &c.outlet {
            out.push_str("<a class=\"outlet\" href=\"/sources/");
            escape_html_into(&outlet.domain, out);
            out.push_str("\">");
            escape_html_into(&outlet.name, out);
            out.push_str("</a> · ");
        }
        if let Some(byline) = non_empty(a.byline.as_ref()) {
            out.push_str("<span class=\"byline\">By ");
            escape_html_into(byline, out);
            out.push_str("</span> · ");
        }
        if let Some(t) = &a.published_at {
            time(out, t);
        } else {
            out.push_str("<span>Added ");
            time(out, &a.created_at);
            out.push_str("</span>");
        }
        if let Some(t) = &a.updated_at {
            out.push_str(" · Updated ");
            time(out, t);
        }
        out.push_str(&format!(
            "      · <a href=\"#discussion\">{} {}</a>\n    </p>\n  </header>\n",
            a.comment_count,
            plural(a.comment_count, "comment", "comments")
        ));
        if self.show_summary {
            out.push_str(
                "  <section class=\"summary\" aria-labelledby=\"summary-heading\">\n    <h2 id=\"summary-heading\">",
            );
            out.push_str(if a.feed_id.is_some() { "Summary by newsdesk" } else { "Summary" });
            out.push_str("</h2>\n    <p>");
            escape_html_into(&a.summary, out);
            out.push_str("</p>\n  </section>\n");
        }
        if let Some(image) = non_empty(self.lead_image.as_ref()) {
            out.push_str("  <figure class=\"lead-image\"><img src=\"");
            escape_html_into(image, out);
            out.push_str("\" alt=\"\" decoding=\"async\"></figure>\n");
        }
        out.push_str("  <div class=\"body\">\n");
        out.push_str(self.body_html);
        out.push_str("\n  </div>\n");
        if let Some(link) = non_empty(self.original_link.as_ref()) {
            out.push_str("  <p class=\"original\">Original Source: <a href=\"");
            escape_html_into(link, out);
            out.push_str("\" rel=\"noopener noreferrer nofollow\">");
            escape_html_into(self.original_label.as_deref().unwrap_or_default(), out);
            out.push_str("</a></p>\n");
        }
        if let Some(original) = &c.copy_of {
            out.push_str("  <p class=\"original\">This is a syndicated copy of <a href=\"/articles/");
            escape_html_into(&original.id.to_string(), out);
            out.push_str("\">");
            escape_html_into(&original.title, out);
            out.push_str("</a>");
            if let Some(outlet) = &original.outlet {
                out.push_str(" (");
                escape_html_into(&outlet.name, out);
                out.push(')');
            }
            out.push_str(".</p>\n");
        }
        if !c.copies.is_empty() {
            out.push_str(
                "  <section class=\"also\" aria-labelledby=\"also-heading\">\n    <h2 id=\"also-heading\">Also published by</h2>\n    <ul>\n",
            );
            for copy in &c.copies {
                out.push_str("      <li>");
                escape_html_into(copy.article.outlet.as_ref().map_or("Unknown outlet", |o| o.name.as_str()), out);
                out.push_str(": <a href=\"/articles/");
                escape_html_into(&copy.article.id.to_string(), out);
                out.push_str("\">");
                escape_html_into(&copy.article.title, out);
                out.push_str("</a></li>\n");
            }
            out.push_str("    </ul>\n  </section>\n");
        }
        if let Some(story) = &c.story {
            out.push_str("  <section class=\"in-story\" aria-labelledby=\"story-heading\">\n    <h2 id=\"story-heading\">Part of the story</h2>\n    <p><a href=\"/stories/");
            escape_html_into(&story.id.to_string(), out);
            out.push_str("\">");
            escape_html_into(&story.title, out);
            out.push_str(&format!(
                "</a> <span class=\"meta\">· {} {} from {} {}</span></p>\n  </section>\n",
                story.article_count,
                plural(story.article_count, "article", "articles"),
                story.source_count,
                plural(story.source_count, "source", "sources")
            ));
        }
        if !c.entities.is_empty() {
            out.push_str("  <section aria-labelledby=\"entities-heading\">\n    <h2 id=\"entities-heading\">People, organisations and places</h2>\n    ");
            entity_links(out, &c.entities);
            out.push_str("\n  </section>\n");
        }
        if !c.keyphrases.is_empty() {
            out.push_str("  <p class=\"meta keyphrases\">Keyphrases: ");
            escape_html_into(&c.keyphrases.join(", "), out);
            out.push_str("</p>\n");
        }
        out.push_str("</article>\n");
    }

    fn revisions_part(&self, out: &mut String) {
        if self.revisions.is_empty() {
            return;
        }
        let n = u32::try_from(self.revisions.len()).unwrap_or(u32::MAX);
        out.push_str(&format!(
            "<section class=\"revisions\" aria-labelledby=\"revisions-heading\">\n  <h2 id=\"revisions-heading\">Earlier versions</h2>\n  <p>This article changed {n} {} after newsdesk first stored it.</p>\n",
            plural(n, "time", "times")
        ));
        for r in self.revisions {
            out.push_str(&format!("  <details>\n    <summary>Version {}, replaced ", r.revision));
            time(out, &r.replaced_at);
            out.push_str(": ");
            escape_html_into(&r.title, out);
            out.push_str("</summary>\n    <div class=\"body\">\n");
            out.push_str(&r.body_html);
            out.push_str("\n    </div>\n  </details>\n");
        }
        out.push_str("</section>\n");
    }

    /// The discussion: its comments, a page of threads at a time, and the form.
    fn discussion(&self, out: &mut String) {
        let a = self.article;
        let id = a.id.to_string();
        out.push_str(&format!(
            "<section id=\"discussion\" class=\"discussion\" aria-labelledby=\"discussion-heading\">\n  <h2 id=\"discussion-heading\">{} {}</h2>\n",
            a.comment_count,
            plural(a.comment_count, "Comment", "Comments")
        ));
        // An imported article's count includes the comments its previous site showed, which
        // were not brought over: say so, so that the count matches what the reader finds.
        let earlier = a.comment_count.saturating_sub(a.comments_here);
        if earlier > 0 {
            let which = if a.comments_here == 0 {
                plural(earlier, "It was", "They were").to_owned()
            } else {
                format!("{earlier} of them {}", plural(earlier, "was", "were"))
            };
            out.push_str(&format!(
                "  <p class=\"meta\">{which} made on this article's previous site and {} not brought over.</p>\n",
                plural(earlier, "was", "were")
            ));
        }
        out.push_str("  <p class=\"meta\">Comments as a feed: <a href=\"/articles/");
        escape_html_into(&id, out);
        out.push_str("/comments.atom\">Atom</a>, <a href=\"/articles/");
        escape_html_into(&id, out);
        out.push_str("/comments.json\">JSON Feed</a></p>\n");
        if let Some(notice) = self.notice.filter(|n| !n.is_empty()) {
            out.push_str("<p class=\"notice\" role=\"status\">");
            escape_html_into(notice, out);
            out.push_str("</p>");
        }
        if self.comment_pages > 1 {
            out.push_str("  <nav class=\"pager\" aria-label=\"Pages of the discussion\">\n");
            if self.comment_page > 1 {
                out.push_str("<a href=\"/articles/");
                escape_html_into(&id, out);
                out.push_str(&format!("?cpage={}#discussion\" rel=\"prev\">Older comments</a>", self.comment_page - 1));
            }
            out.push_str(&format!("    <span>Page {} of {}</span>\n", self.comment_page, self.comment_pages));
            if self.comment_page < self.comment_pages {
                out.push_str("<a href=\"/articles/");
                escape_html_into(&id, out);
                out.push_str(&format!("?cpage={}#discussion\" rel=\"next\">Newer comments</a>", self.comment_page + 1));
            }
            out.push_str("  </nav>\n");
        }
        if !self.comments.is_empty() {
            out.push_str("  <ol class=\"comments\">\n");
            for c in self.comments {
                self.comment(out, c, &id);
            }
            out.push_str("  </ol>\n");
        }
        self.form_part(out, &id);
        out.push_str("</section>\n");
    }

    fn comment(&self, out: &mut String, c: &CommentView, article: &str) {
        out.push_str("    <li id=\"comment-");
        escape_html_into(&c.id, out);
        out.push_str(&format!("\" class=\"comment depth-{}", c.depth));
        if c.staff {
            out.push_str(" staff");
        }
        if c.held {
            out.push_str(" held");
        }
        out.push_str("\">\n      <p class=\"meta\"><strong class=\"author\">");
        if let Some(url) = non_empty(c.author_url.as_ref()) {
            out.push_str("<a href=\"");
            escape_html_into(url, out);
            out.push_str("\" rel=\"nofollow ugc noopener noreferrer\">");
            escape_html_into(&c.author_name, out);
            out.push_str("</a>");
        } else {
            escape_html_into(&c.author_name, out);
        }
        out.push_str("</strong>");
        if c.staff {
            out.push_str(" <span class=\"badge\">Staff</span>");
        }
        out.push_str("        · <a href=\"#comment-");
        escape_html_into(&c.id, out);
        out.push_str("\">");
        time(out, &c.created_at);
        out.push_str("</a></p>\n");
        if c.held {
            out.push_str("<p class=\"held-note\">Your comment is awaiting moderation. This is a preview; it will be visible after it has been approved.</p>");
        }
        out.push_str("      <div class=\"comment-body\">");
        out.push_str(&c.body_html);
        out.push_str("</div>\n");
        if c.can_reply {
            out.push_str("<p class=\"reply\"><a href=\"/articles/");
            escape_html_into(article, out);
            out.push_str("?replyto=");
            escape_html_into(&c.id, out);
            out.push_str("#respond\">Reply</a></p>");
        }
        out.push_str("    </li>\n");
    }

    fn form_part(&self, out: &mut String, article: &str) {
        let f = self.form;
        out.push_str("  <div id=\"respond\" class=\"respond\">\n    <h3>");
        if let Some(name) = non_empty(self.replying_to.as_ref()) {
            out.push_str("Reply to ");
            escape_html_into(name, out);
            out.push_str(" <a class=\"cancel\" href=\"/articles/");
            escape_html_into(article, out);
            out.push_str("#respond\">(cancel reply)</a>");
        } else {
            out.push_str("Leave a Reply");
        }
        out.push_str("</h3>\n");
        if !self.errors.is_empty() {
            out.push_str(
                "    <div class=\"errors\" role=\"alert\">\n      <p>Your comment was not posted yet:</p>\n      <ul>",
            );
            for e in self.errors {
                out.push_str("<li>");
                escape_html_into(e, out);
                out.push_str("</li>");
            }
            out.push_str("</ul>\n    </div>\n");
        }
        out.push_str("    <form method=\"post\" action=\"/articles/");
        escape_html_into(article, out);
        out.push_str("/comments#respond\" class=\"comment-form\">\n");
        const COMMENT_OPEN: &str = "      <p><label for=\"comment\">Comment <span class=\"required\">*</span></label>\n        <textarea id=\"comment\" name=\"comment\" rows=\"8\" maxlength=\"5000\" required>";
        if let Some(staff) = non_empty(self.staff.as_ref()) {
            out.push_str("      <p class=\"comment-notes\">Logged in as ");
            escape_html_into(staff, out);
            out.push_str(" (moderator): your comment is published at once and marked as staff. <a href=\"/admin\">Moderation</a></p>\n");
            out.push_str(COMMENT_OPEN);
            escape_html_into(&f.comment, out);
            out.push_str("</textarea></p>\n");
        } else {
            out.push_str("      <p class=\"comment-notes\">Your email address will not be published. Required fields are marked <span class=\"required\">*</span></p>\n");
            out.push_str(COMMENT_OPEN);
            escape_html_into(&f.comment, out);
            out.push_str("</textarea></p>\n      <p><label for=\"author\">Name <span class=\"required\">*</span></label>\n        <input id=\"author\" name=\"author\" type=\"text\" value=\"");
            escape_html_into(&f.author, out);
            out.push_str("\" maxlength=\"100\" autocomplete=\"name\" required></p>\n      <p><label for=\"email\">Email <span class=\"required\">*</span></label>\n        <input id=\"email\" name=\"email\" type=\"email\" value=\"");
            escape_html_into(&f.email, out);
            out.push_str("\" maxlength=\"254\" autocomplete=\"email\" required></p>\n      <p><label for=\"url\">Website</label>\n        <input id=\"url\" name=\"url\" type=\"url\" value=\"");
            escape_html_into(&f.url, out);
            out.push_str("\" maxlength=\"500\" autocomplete=\"url\"></p>\n      <p class=\"remember\"><input id=\"remember\" name=\"remember\" type=\"checkbox\" value=\"yes\"");
            if f.remember {
                out.push_str(" checked");
            }
            out.push_str(">\n        <label for=\"remember\">Remember me on this device: fill in my name, email and website next time.</label></p>\n      <p class=\"visually-hidden\" aria-hidden=\"true\"><label for=\"website_confirm\">Leave this field empty</label>\n        <input id=\"website_confirm\" name=\"website_confirm\" type=\"text\" value=\"\" tabindex=\"-1\" autocomplete=\"off\"></p>\n");
        }
        out.push_str("      <input type=\"hidden\" name=\"parent\" value=\"");
        escape_html_into(&f.parent, out);
        out.push_str("\">\n      <input type=\"hidden\" name=\"token\" value=\"");
        escape_html_into(&f.token, out);
        out.push_str("\">\n      <p><button type=\"submit\">Post Comment</button></p>\n    </form>\n  </div>\n");
    }
}

/// The entities' list, as `card.html`'s `entity_links` writes it.
fn entity_links(out: &mut String, entities: &[EntityCount]) {
    out.push_str("<ul class=\"entities\">\n");
    for e in entities {
        out.push_str("  <li><a href=\"/entities/");
        escape_html_into(&e.kind, out);
        out.push('/');
        escape_html_into(&crate::templates::segment(e.key.clone()), out);
        out.push_str("\" class=\"");
        escape_html_into(&e.kind, out);
        out.push_str("\">");
        escape_html_into(&e.name, out);
        out.push_str(&format!("</a> <span class=\"count\">{}</span></li>\n", e.articles));
    }
    out.push_str("</ul>\n");
}

#[cfg(test)]
mod tests {
    use super::Frame;

    #[test]
    fn the_frame_is_base_html_with_the_pages_blocks_and_refuses_a_base_without_them() {
        let base = "<title>{% block title %}{% endblock %}</title>{% block og_title %}{% endblock %}\
                    {% block og %}{% endblock %}{% block twitter_card %}{% endblock %}{% block head %}{% endblock %}\
                    <main>{% block main %}{% endblock %}</main>";
        let mut env = minijinja::Environment::new();
        env.add_global("site", minijinja::context! { title => "Kiln & Co" });
        env.add_template("base.html", base).unwrap_or_else(|e| unreachable!("{e}"));
        let frame = Frame::new(&mut env).unwrap_or_else(|e| unreachable!("{e}"));
        assert_eq!(frame.parts[0], "<title>");
        assert_eq!(frame.parts[1], " · Kiln &amp; Co</title>", "the site's title, escaped");
        assert_eq!(frame.parts[6], "</main>");
        let mut env = minijinja::Environment::new();
        env.add_template("base.html", "<main>{% block main %}{% endblock %}</main>")
            .unwrap_or_else(|e| unreachable!("{e}"));
        assert!(Frame::new(&mut env).is_err(), "a base without the page's blocks stops start-up");
    }
}
