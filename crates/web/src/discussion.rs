//! The discussion under an article: reading a submitted comment form, what is wrong with it,
//! and comments as HTML (plain text, escaped, with safe links).

use newsdesk_model::{CommentId, Email, escape_html_into};
use newsdesk_store::PublicComment;
use serde::Serialize;
use url::Url;

/// Longest comment accepted, in characters.
pub(crate) const MAX_COMMENT_CHARS: usize = 5000;
/// Longest name accepted.
pub(crate) const MAX_NAME_CHARS: usize = 100;
/// Most links a comment may carry before it is refused as likely spam.
pub(crate) const MAX_LINKS: usize = 2;

/// What the reader typed, kept to show again when something must be fixed.
#[derive(Debug, Clone, Default, Serialize)]
pub(crate) struct CommentForm {
    pub comment: String,
    pub author: String,
    pub email: String,
    pub url: String,
    pub parent: String,
    pub token: String,
    /// The field people cannot see and bots fill in.
    pub honeypot: String,
    /// The reader ticked the box that keeps her name, email and website for her next comment.
    pub remember: bool,
}

impl CommentForm {
    /// Reads an `application/x-www-form-urlencoded` body; unknown fields are ignored.
    pub(crate) fn parse(body: &[u8]) -> Self {
        let mut f = Self::default();
        for (k, v) in url::form_urlencoded::parse(body) {
            if k == "remember" {
                f.remember = !v.is_empty();
                continue;
            }
            let slot = match k.as_ref() {
                "comment" => &mut f.comment,
                "author" => &mut f.author,
                "email" => &mut f.email,
                "url" => &mut f.url,
                "parent" => &mut f.parent,
                "token" => &mut f.token,
                "website_confirm" => &mut f.honeypot,
                _ => continue,
            };
            *slot = v.chars().take(MAX_COMMENT_CHARS * 2).collect();
        }
        f
    }
}

/// A checked comment, ready for the store.
#[derive(Debug, Clone)]
pub(crate) struct CheckedComment {
    pub body: String,
    pub name: String,
    pub email: Email,
    pub url: Option<Url>,
    pub parent: Option<CommentId>,
}

/// The comment's text, checked; problems go to `errors`.
fn checked_body(form: &CommentForm, errors: &mut Vec<String>) -> String {
    // Characters XML forbids (NUL, other controls) are not text and would break the comment
    // feeds: dropped, as browsers drop NUL.
    let body = newsdesk_model::xml_safe(form.comment.trim()).replace("\r\n", "\n");
    if body.is_empty() {
        errors.push("Please write a comment.".to_owned());
    } else if body.chars().count() > MAX_COMMENT_CHARS {
        errors.push(format!("Your comment is longer than {MAX_COMMENT_CHARS} characters; please shorten it."));
    } else if count_links(&body) > MAX_LINKS {
        errors.push(format!("Comments may carry at most {MAX_LINKS} links; please remove some."));
    }
    body
}

/// The comment answered, checked; problems go to `errors`.
fn checked_parent(form: &CommentForm, errors: &mut Vec<String>) -> Option<CommentId> {
    match form.parent.trim() {
        "" => None,
        raw => match raw.parse::<CommentId>() {
            Ok(id) => Some(id),
            Err(_) => {
                errors.push("The comment you are replying to is not known here.".to_owned());
                None
            }
        },
    }
}

/// The address a moderator's comments are stored under: never shown, and matching no
/// reader's, so it approves no reader's comments.
pub(crate) const STAFF_EMAIL: &str = "moderator@staff.invalid";

/// Checks a signed-in moderator's comment: the text and the comment answered; the name is
/// the moderator's own.
pub(crate) fn check_staff(form: &CommentForm, username: &str) -> Result<CheckedComment, Vec<String>> {
    let mut errors = Vec::new();
    let body = checked_body(form, &mut errors);
    let parent = checked_parent(form, &mut errors);
    match (errors.is_empty(), Email::parse(STAFF_EMAIL)) {
        (true, Some(email)) => Ok(CheckedComment { body, name: username.to_owned(), email, url: None, parent }),
        _ => Err(errors),
    }
}

/// Checks the fields a reader fills in; every problem is listed, in the form's order.
pub(crate) fn check(form: &CommentForm) -> Result<CheckedComment, Vec<String>> {
    let mut errors = Vec::new();
    let body = checked_body(form, &mut errors);
    let name = newsdesk_model::xml_safe(form.author.trim()).trim().to_owned();
    if name.is_empty() {
        errors.push("Please give your name.".to_owned());
    } else if name.chars().count() > MAX_NAME_CHARS || name.chars().any(char::is_control) {
        errors.push(format!("Your name must be one line of at most {MAX_NAME_CHARS} characters."));
    }
    let email = Email::parse(&form.email);
    if form.email.trim().is_empty() {
        errors.push("Please give your email address (it will not be published).".to_owned());
    } else if email.is_none() {
        errors.push("That email address does not look right; it should be like name@example.org.".to_owned());
    }
    let url = match form.url.trim() {
        "" => None,
        raw => {
            let with_scheme = if raw.contains("://") { raw.to_owned() } else { format!("https://{raw}") };
            match Url::parse(&with_scheme) {
                Ok(u) if matches!(u.scheme(), "http" | "https") && u.host_str().is_some() && raw.len() <= 500 => {
                    Some(u)
                }
                _ => {
                    errors.push("The website must be a web address such as https://example.org.".to_owned());
                    None
                }
            }
        }
    };
    let parent = checked_parent(form, &mut errors);
    match (errors.is_empty(), email) {
        (true, Some(email)) => Ok(CheckedComment { body, name, email, url, parent }),
        _ => Err(errors),
    }
}

fn count_links(text: &str) -> usize {
    let lower = text.to_lowercase();
    lower.matches("http://").count() + lower.matches("https://").count() + lower.matches("www.").count()
        - lower.matches("://www.").count()
}

/// A comment as the page shows it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct CommentView {
    pub id: String,
    pub depth: u32,
    pub author_name: String,
    /// Only http(s) addresses.
    pub author_url: Option<String>,
    /// Escaped text with links; safe to insert.
    pub body_html: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub can_reply: bool,
    /// Written by one of the site's moderators.
    pub staff: bool,
    /// The reader's own comment, still waiting for a moderator (shown to her alone).
    pub held: bool,
}

/// Approved comments in thread order: each comment followed by its replies.
pub(crate) fn threads(comments: Vec<PublicComment>) -> Vec<CommentView> {
    let mut children: std::collections::HashMap<Option<CommentId>, Vec<PublicComment>> =
        std::collections::HashMap::new();
    let known: std::collections::HashSet<CommentId> = comments.iter().map(|c| c.id).collect();
    for c in comments {
        // A reply whose parent is not shown (held, spam) is shown at the top level.
        let parent = c.parent.filter(|p| known.contains(p));
        children.entry(parent).or_default().push(c);
    }
    let mut out = Vec::new();
    let mut stack: Vec<PublicComment> = children.remove(&None).unwrap_or_default().into_iter().rev().collect();
    while let Some(c) = stack.pop() {
        if let Some(replies) = children.remove(&Some(c.id)) {
            stack.extend(replies.into_iter().rev());
        }
        out.push(CommentView::of(c));
    }
    out
}

impl CommentView {
    /// An approved comment as the page shows it.
    pub(crate) fn of(c: PublicComment) -> Self {
        Self {
            id: c.id.to_string(),
            depth: c.depth,
            author_url: c.author_url.filter(|u| u.starts_with("https://") || u.starts_with("http://")),
            author_name: c.author_name,
            body_html: comment_html(&c.body),
            created_at: c.created_at,
            can_reply: true,
            staff: c.staff,
            held: false,
        }
    }
}

/// The cookie that keeps a commenter's name, email and website in her browser when she asks
/// for it (WordPress's convention). Read back into the form only.
pub(crate) const COMMENTER_COOKIE: &str = "newsdesk_commenter";

/// The cookie's value: the three fields, form-encoded (no `;`, `,`, space or quote).
pub(crate) fn commenter_cookie_value(name: &str, email: &str, url: &str) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .append_pair("name", name)
        .append_pair("email", email)
        .append_pair("url", url)
        .finish()
}

/// The form prefilled from the cookie, when the reader has one.
pub(crate) fn prefill_from_cookie(form: &mut CommentForm, value: &str) {
    for (k, v) in url::form_urlencoded::parse(value.as_bytes()) {
        let v: String = v.chars().take(500).collect();
        match k.as_ref() {
            "name" => form.author = v,
            "email" => form.email = v,
            "url" => form.url = v,
            _ => {}
        }
    }
    form.remember = true;
}

/// Plain text as HTML: escaped, paragraphs on blank lines, line breaks kept, and http(s)
/// addresses as links that pass no ranking and no opener.
pub(crate) fn comment_html(text: &str) -> String {
    let mut out = String::new();
    for (i, para) in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str("<p>");
        for (j, line) in para.lines().enumerate() {
            if j > 0 {
                out.push_str("<br>\n");
            }
            linkify_into(&mut out, line);
        }
        out.push_str("</p>");
    }
    out
}

fn linkify_into(out: &mut String, line: &str) {
    let mut rest = line;
    while let Some(at) = find_link(rest) {
        escape_html_into(&rest[..at], out);
        let tail = &rest[at..];
        let end = tail.find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"')).unwrap_or(tail.len());
        // Sentence punctuation after an address is not part of it.
        let link = tail[..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '\'']);
        if Url::parse(link).is_ok() {
            out.push_str("<a href=\"");
            escape_html_into(link, out);
            out.push_str("\" rel=\"nofollow ugc noopener noreferrer\">");
            escape_html_into(link, out);
            out.push_str("</a>");
        } else {
            escape_html_into(link, out);
        }
        rest = &tail[link.len()..];
    }
    escape_html_into(rest, out);
}

fn find_link(s: &str) -> Option<usize> {
    match (s.find("https://"), s.find("http://")) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_body_is_read_and_checked_as_the_site_does() {
        let ok = b"comment=The+quay+flooded+again.&author=Wren&email=wren%40example.org&url=&parent=";
        assert!(crate::check_comment_form(ok).is_empty());
        let errors = crate::check_comment_form(b"comment=Hello&email=not-an-address");
        assert!(errors.iter().any(|e| e.contains("name")), "{errors:?}");
        assert!(errors.iter().any(|e| e.contains("email")), "{errors:?}");
        // Bytes that are not a form at all are a form with nothing in it.
        assert!(!crate::check_comment_form(&[0xff, 0x00, b'%', b'=', b'&']).is_empty());
    }

    fn form(comment: &str, author: &str, email: &str, url: &str) -> CommentForm {
        CommentForm {
            comment: comment.into(),
            author: author.into(),
            email: email.into(),
            url: url.into(),
            ..CommentForm::default()
        }
    }

    #[test]
    fn every_problem_is_named() {
        let errors = check(&form("", "", "", "")).unwrap_err();
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(errors[0].contains("write a comment") && errors[1].contains("name") && errors[2].contains("email"));
        let errors = check(&form("Hi", "Ann", "not-an-email", "javascript:alert(1)")).unwrap_err();
        assert!(errors.iter().any(|e| e.contains("does not look right")), "{errors:?}");
        assert!(errors.iter().any(|e| e.contains("web address")), "{errors:?}");
        let spam = "see https://a.example https://b.example www.c.example";
        assert!(check(&form(spam, "Ann", "ann@example.org", "")).unwrap_err()[0].contains("at most 2 links"));
        let long = "x".repeat(MAX_COMMENT_CHARS + 1);
        assert!(check(&form(&long, "Ann", "ann@example.org", "")).unwrap_err()[0].contains("longer"));
    }

    #[test]
    fn a_good_comment_is_checked_and_trimmed() {
        let ok = check(&form("  Well put.\r\nThanks  ", " Ann ", "ann@example.org", "ann.example")).unwrap();
        assert_eq!(ok.body, "Well put.\nThanks");
        assert_eq!(ok.name, "Ann");
        assert_eq!(ok.url.unwrap().as_str(), "https://ann.example/");
        assert!(ok.parent.is_none());
    }

    #[test]
    fn comments_are_escaped_and_links_are_safe() {
        let html = comment_html("<script>alert(1)</script> see https://x.example/a?b=1&c=\"2\".\n\nSecond <b>para</b>");
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"));
        assert!(
            html.contains("<a href=\"https://x.example/a?b=1&amp;c=\" rel=\"nofollow ugc noopener noreferrer\">"),
            "{html}"
        );
        assert!(html.contains("</p>\n<p>Second &lt;b&gt;para&lt;/b&gt;</p>"), "{html}");
        assert!(!comment_html("javascript:alert(1)").contains("<a"));
    }

    #[test]
    fn replies_follow_their_parent() {
        let t = |s: u32| chrono::DateTime::from_timestamp(i64::from(s), 0).unwrap();
        let c = |id: u128, parent: Option<u128>, at: u32| PublicComment {
            id: CommentId::from_uuid(uuid_of(id)),
            parent: parent.map(|p| CommentId::from_uuid(uuid_of(p))),
            depth: u32::from(parent.is_some()),
            author_name: format!("c{id}"),
            author_url: Some("javascript:alert(1)".into()),
            body: "x".into(),
            created_at: t(at),
            staff: false,
        };
        let order: Vec<String> = threads(vec![c(1, None, 1), c(2, None, 2), c(3, Some(1), 3), c(4, Some(9), 4)])
            .into_iter()
            .map(|v| v.author_name)
            .collect();
        assert_eq!(order, vec!["c1", "c3", "c2", "c4"]);
        assert!(threads(vec![c(1, None, 1)])[0].author_url.is_none(), "only http(s) author links");
    }

    fn uuid_of(n: u128) -> uuid::Uuid {
        uuid::Uuid::from_u128(n)
    }
}
