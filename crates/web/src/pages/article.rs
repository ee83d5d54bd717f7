use std::time::Duration;

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use newsdesk_model::{ArticleId, CommentStatus};
use newsdesk_store::{CommentOutcome, CommentRefusal, NewComment};

use crate::WebError;
use crate::discussion::{
    COMMENTER_COOKIE, CommentForm, CommentView, check, check_staff, commenter_cookie_value, prefill_from_cookie,
    threads,
};
use crate::pages::article_html::{ArticlePage, RevisionView};
use crate::params;
use crate::security::{TokenProblem, check_form_token, cookie, form_token, hex, hmac, same_origin, sha256_hex};
use crate::state::AppState;

/// The longest comment form body read.
const MAX_FORM_BYTES: usize = 64 * 1024;
/// Threads of the discussion on one page of it.
const THREADS_PER_PAGE: u32 = 100;
/// How long a comment form stays valid after the page was served.
const FORM_LIFETIME: Duration = Duration::from_secs(48 * 3600);

/// What the discussion part of the page shows besides the comments.
#[derive(Default)]
struct FormState {
    form: CommentForm,
    errors: Vec<String>,
    notice: Option<&'static str>,
    /// The page of the discussion asked for (`?cpage=N`); the newest without one.
    comment_page: Option<u32>,
    /// The signed-in moderator, who comments under their own name, published at once.
    staff: Option<String>,
    /// The reader's own comment, still held, which the address she was sent to proves.
    own_held: Option<newsdesk_store::PublicComment>,
}

/// `/articles/{id}`: one article and its discussion. A malformed id is a 400, an unknown one a
/// 404. `?comment=held` and `?comment=posted` say what became of the reader's comment;
/// `?replyto=ID` answers a comment.
pub(crate) async fn article_page(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    RawQuery(raw): RawQuery,
    headers: axum::http::HeaderMap,
) -> Response {
    // A moderator's page and a returning commenter's prefilled form are their own.
    let personal =
        cookie(&headers, super::admin::SESSION_COOKIE).is_some() || cookie(&headers, COMMENTER_COOKIE).is_some();
    let result = match id {
        Ok(Path(id)) => {
            let notice = match params::param(raw.as_deref(), "comment").as_deref() {
                Some("held") => Some("Thank you. Your comment is awaiting moderation."),
                Some("posted") => Some("Thank you. Your comment is published."),
                _ => None,
            };
            let parent = params::param(raw.as_deref(), "replyto").unwrap_or_default();
            let comment_page = match params::param(raw.as_deref(), "cpage") {
                None => None,
                Some(raw) => match raw.trim().parse::<u32>() {
                    Ok(n) if n >= 1 => Some(n),
                    _ => {
                        return state.respond(Err(WebError::BadRequest(
                            "cpage is the page of the discussion: a whole number from 1.".into(),
                        )));
                    }
                },
            };
            let mut form = FormState {
                form: CommentForm { parent, ..CommentForm::default() },
                errors: Vec::new(),
                notice,
                comment_page,
                staff: None,
                own_held: None,
            };
            match parse_id(&id) {
                // The plain page is the same for every reader but for the form token: it is
                // kept for a moment and served with a fresh token.
                Ok(id) if raw.as_deref().is_none_or(str::is_empty) && !personal => cached(&state, id).await,
                Ok(id) => match personalize(&state, id, &mut form, raw.as_deref(), &headers).await {
                    Ok(()) => render(&state, id, form, StatusCode::OK).await,
                    Err(e) => Err(e),
                },
                Err(e) => Err(e),
            }
        }
        // Percent-escapes that are not UTF-8 cannot be an id either.
        Err(_) => Err(bad_id()),
    };
    let mut response = state.respond(result);
    if personal {
        // Never kept by a shared cache: it may hold this reader's own name and email.
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    }
    response
}

/// What this reader's page adds: the signed-in moderator's form, the saved name and email,
/// and her own held comment (`?held=ID.MAC`).
async fn personalize(
    state: &AppState,
    id: ArticleId,
    form: &mut FormState,
    raw: Option<&str>,
    headers: &axum::http::HeaderMap,
) -> Result<(), WebError> {
    form.staff = super::admin::signed_in(state, headers).await?.map(|(user, _)| user.username);
    if form.staff.is_none()
        && let Some(saved) = cookie(headers, COMMENTER_COOKIE)
    {
        prefill_from_cookie(&mut form.form, saved);
    }
    if let Some(proof) = params::param(raw, "held")
        && let Some((comment, mac)) = proof.split_once('.')
        && let Ok(comment) = comment.parse::<newsdesk_model::CommentId>()
        && crate::security::same_mac(&held_mac(state.secret().await?, comment), mac)
    {
        form.own_held = state.store.held_comment(id, comment).await?;
    }
    Ok(())
}

/// Proves that the reader at this address wrote held comment `comment`.
fn held_mac(secret: &[u8], comment: newsdesk_model::CommentId) -> String {
    hex(&hmac(secret, format!("held|{comment}").as_bytes())[..16])
}

fn bad_id() -> WebError {
    WebError::BadRequest("Article addresses end in an article id; this address is not a valid id.".to_owned())
}

fn parse_id(raw: &str) -> Result<ArticleId, WebError> {
    raw.parse().map_err(|e: newsdesk_model::IdError| {
        WebError::BadRequest(format!("Article addresses end in an article id. {e}"))
    })
}

/// The plain article page from the page cache, rendered on a miss.
async fn cached(state: &AppState, id: ArticleId) -> Result<Response, WebError> {
    let token = form_token(state.secret().await?, &scope(id), chrono::Utc::now().timestamp());
    if let Some(page) = state.pages.get(id) {
        return Ok(page.with_token(token));
    }
    let page = CachedPage::new(page_html(state, id, FormState::default(), TOKEN_SLOT).await?);
    state.pages.put(id, page.clone());
    Ok(page.with_token(token))
}

/// Stands for the form token in a cached page.
const TOKEN_SLOT: &str = "\u{e000}token\u{e000}";

/// An article page as the page cache keeps it: the page, shared with every reader it is
/// served to, and where its form's token goes.
#[derive(Clone)]
pub(crate) struct CachedPage {
    page: axum::body::Bytes,
    /// The byte offset of the token's slot: the last on the page, the form's (searched from
    /// the end, where the form is; text of the article that happens to hold the slot's
    /// characters stays as it is).
    slot: Option<usize>,
}

impl CachedPage {
    fn new(page: String) -> Self {
        let slot = page.rfind(TOKEN_SLOT);
        Self { page: page.into(), slot }
    }

    /// The page with `token` in its slot, as a response: the page's two halves are sent as
    /// they are kept, with the token between them, not copied into a page of their own.
    fn with_token(self, token: String) -> Response {
        Html(axum::body::Body::new(crate::chunks::Chunks::new(self.pieces(token)))).into_response()
    }

    /// The pieces of the page with `token` in its slot.
    fn pieces(self, token: String) -> Vec<axum::body::Bytes> {
        match self.slot {
            Some(at) => {
                vec![self.page.slice(..at), axum::body::Bytes::from(token), self.page.slice(at + TOKEN_SLOT.len()..)]
            }
            None => vec![self.page],
        }
    }
}

async fn render(state: &AppState, id: ArticleId, form: FormState, status: StatusCode) -> Result<Response, WebError> {
    let token = form_token(state.secret().await?, &scope(id), chrono::Utc::now().timestamp());
    let page = page_html(state, id, form, &token).await?;
    Ok((status, Html(page)).into_response())
}

/// The page, its reads in one read transaction (one moment of the database). The reads'
/// future is boxed here, where it starts: unboxed, it made every future that awaits it (the
/// handler's among them) 25 KB, which the router's layers then moved into boxes of their own
/// for every request (ARCHITECTURE.md, "A page's future is kept small").
async fn page_html(state: &AppState, id: ArticleId, form: FormState, token: &str) -> Result<String, WebError> {
    state.store.reading_together(Box::pin(page_html_read(state, id, form, token))).await
}

async fn page_html_read(state: &AppState, id: ArticleId, mut form: FormState, token: &str) -> Result<String, WebError> {
    let (article, context) = state.store.article_with_context(id).await?.ok_or_else(|| {
        WebError::NotFound(format!("There is no article with the id {id}. It may have been removed."))
    })?;
    let web = |u: &url::Url| matches!(u.scheme(), "http" | "https");
    let outlet_name = context.outlet.as_ref().map(|o| o.name.clone());
    // "Original Source": the original this copies, when it names one; else the article on its
    // outlet's site.
    let (original_link, original_label) = match (article.original_link(), article.url.as_ref().filter(|u| web(u))) {
        (Some(link), _) => (Some(link.clone()), article.original_domain.clone().or(Some(link))),
        (None, Some(url)) => (Some(url.to_string()), outlet_name.or_else(|| url.host_str().map(str::to_owned))),
        (None, None) => (None, None),
    };
    // Search engines and readers' tools credit the outlet's page, when there is one.
    let canonical = match article.url.as_ref().filter(|u| web(u)) {
        Some(url) => url.to_string(),
        None => state.site.base_url.join(&format!("articles/{id}")).map(|u| u.to_string()).unwrap_or_default(),
    };
    // (Most articles were never changed: their context says so, and no statement is run.)
    let stored_revisions = if context.revised { state.store.article_revisions(id).await? } else { Vec::new() };
    let revisions: Vec<RevisionView> = stored_revisions
        .into_iter()
        .rev()
        .map(|r| RevisionView {
            revision: r.revision,
            title: r.title,
            body_html: r.body_html.with_image_sources(|src| state.images.signer.path(src)).as_str().to_owned(),
            replaced_at: r.replaced_at,
        })
        .collect();
    // The discussion a page of threads at a time, the newest page unless another is asked for.
    // (Most articles have none: their context says so, and no statement is run.)
    let discussion = if context.discussed {
        state.store.approved_comment_page(id, THREADS_PER_PAGE, form.comment_page).await?
    } else {
        newsdesk_store::CommentPage { comments: Vec::new(), page: 1, pages: 1 }
    };
    let (comment_page, comment_pages) = (discussion.page, discussion.pages);
    let mut comments = threads(discussion.comments);
    if let Some(own) = form.own_held.take() {
        // Under the comment it answers when that is on this page, else at the end.
        let parent = own.parent.map(|p| p.to_string());
        let view = CommentView { can_reply: false, held: true, ..CommentView::of(own) };
        let at = parent.and_then(|p| comments.iter().position(|c| c.id == p)).map_or(comments.len(), |i| {
            let depth = comments[i].depth;
            i + 1 + comments[i + 1..].iter().take_while(|c| c.depth > depth).count()
        });
        comments.insert(at, view);
    }
    let replying_to = match comments.iter().find(|c| c.id == form.form.parent) {
        Some(c) => Some(c.author_name.clone()),
        // A reply to a comment on another page of the discussion.
        None => match form.form.parent.trim().parse::<newsdesk_model::CommentId>() {
            Ok(parent) => state.store.approved_comment(id, parent).await?.map(|c| c.author_name),
            Err(_) => None,
        },
    };
    if replying_to.is_none() {
        form.form.parent.clear();
    }
    // A fresh token each time the form is shown; the honeypot is never shown back.
    token.clone_into(&mut form.form.token);
    form.form.honeypot.clear();
    // What the reader has just read is not shown again.
    let show_summary = !article.summary.trim().is_empty()
        && !super::repeats::summary_repeats_body(&article.summary, &article.body_text);
    // The body's figures come through the image proxy; the lead image is shown above the
    // body unless the body already holds it.
    let mut body_images = Vec::new();
    let proxied = article.body_html.with_image_sources(|src| {
        body_images.push(src.to_owned());
        state.images.signer.path(src)
    });
    let body_html = super::repeats::without_repeated_headline(proxied.as_str(), &article.title);
    let lead_image = article
        .image_url
        .as_ref()
        .filter(|u| !body_images.iter().any(|b| b == u.as_str()))
        .and_then(|u| state.images.signer.path(u.as_str()));
    let og_image = article
        .image_url
        .as_ref()
        .and_then(|u| state.images.signer.path(u.as_str()))
        .and_then(|path| state.site.base_url.join(path.trim_start_matches('/')).ok())
        .map(String::from);
    let page = ArticlePage {
        article: &article,
        context: &context,
        show_summary,
        body_html,
        lead_image,
        og_image,
        original_link,
        original_label,
        canonical,
        revisions: &revisions,
        comments: &comments,
        comment_page,
        comment_pages,
        form: &form.form,
        replying_to,
        staff: form.staff,
        errors: &form.errors,
        notice: form.notice,
    };
    Ok(page.render(&state.templates.article_frame))
}

fn scope(id: ArticleId) -> String {
    format!("comment:{id}")
}

/// `POST /articles/{id}/comments`: a reader's comment. A comment that cannot be accepted comes
/// back on the article page with what the reader typed and what to fix.
pub(crate) async fn post_comment(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    request: Request,
) -> Response {
    let result = match id {
        Ok(Path(id)) => match parse_id(&id) {
            Ok(id) => accept(&state, id, request).await,
            Err(e) => Err(e),
        },
        Err(_) => Err(bad_id()),
    };
    state.respond(result)
}

async fn accept(state: &AppState, id: ArticleId, request: Request) -> Result<Response, WebError> {
    let address = state.reader_address(&request);
    let (parts, body) = request.into_parts();
    if !same_origin(&parts.headers) {
        return Err(WebError::Forbidden("This form was sent from another site, so it was not accepted.".to_owned()));
    }
    let bytes = axum::body::to_bytes(body, MAX_FORM_BYTES).await.map_err(|_| {
        WebError::BadRequest(format!(
            "The form is larger than {} KiB; please shorten your comment.",
            MAX_FORM_BYTES / 1024
        ))
    })?;
    let form = CommentForm::parse(&bytes);
    let secret = state.secret().await?.to_vec();
    let staff = super::admin::signed_in(state, &parts.headers).await?.map(|(user, _)| user.username);
    let refuse = |form: CommentForm, errors: Vec<String>, status: StatusCode| {
        let staff = staff.clone();
        async move {
            let state_form = FormState { form, errors, notice: None, comment_page: None, staff, own_held: None };
            render(state, id, state_form, status).await
        }
    };
    // Bots fill in every field; people do not see this one. Tell the bot nothing.
    if !form.honeypot.is_empty() {
        tracing::info!(article = %id, "comment refused: honeypot filled in");
        return Ok(see_other(&format!("/articles/{id}?comment=held#discussion")));
    }
    // The least time to write applies to readers; a signed-in moderator is known already.
    let min_age = if staff.is_some() { Duration::ZERO } else { Duration::from_secs(state.site.comment_min_seconds) };
    match check_form_token(&secret, &scope(id), &form.token, chrono::Utc::now().timestamp(), min_age, FORM_LIFETIME) {
        Ok(()) => {}
        Err(TokenProblem::TooFast) => {
            let msg = "That was sent very quickly after the page opened. Please check your comment and send it again.";
            return refuse(form, vec![msg.to_owned()], StatusCode::UNPROCESSABLE_ENTITY).await;
        }
        Err(TokenProblem::Expired | TokenProblem::Invalid) => {
            let msg = "This form has expired or did not come from this page. Please send your comment again.";
            return refuse(form, vec![msg.to_owned()], StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    }
    let checked = match staff.as_deref().map_or_else(|| check(&form), |name| check_staff(&form, name)) {
        Ok(c) => c,
        Err(errors) => return refuse(form, errors, StatusCode::UNPROCESSABLE_ENTITY).await,
    };
    let ip_key = sha256_hex(&format!("{}|{}", String::from_utf8_lossy(&secret), address));
    let recent = state.store.comments_from(&ip_key, chrono::Utc::now() - chrono::Duration::minutes(10)).await?;
    if staff.is_none() && recent >= state.site.comments_per_ten_minutes {
        let msg = "You have posted several comments in the last few minutes. Please wait a few minutes and send this one again.";
        return refuse(form, vec![msg.to_owned()], StatusCode::TOO_MANY_REQUESTS).await;
    }
    // One comment per form: a bot cannot wait out the minimum time once and then send many.
    let forget_before =
        chrono::Utc::now() - chrono::Duration::from_std(FORM_LIFETIME).unwrap_or_else(|_| chrono::Duration::hours(48));
    if !state.store.spend_form_token(&sha256_hex(&form.token), forget_before).await? {
        let msg = "This form was sent already, so this comment was not posted again. Reload the page to write another.";
        return refuse(form, vec![msg.to_owned()], StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let outcome = state
        .store
        .add_comment(NewComment {
            article: id,
            parent: checked.parent,
            author_name: checked.name,
            author_email: checked.email,
            author_url: checked.url,
            body: checked.body,
            ip_key,
            staff: staff.is_some(),
        })
        .await?;
    // A reader who asked for it gets her name, email and website back next time; one who
    // did not has them forgotten (as WordPress does).
    let remember = match (&staff, form.remember) {
        (Some(_), _) => None,
        (None, true) => Some(commenter_cookie_value(&form.author, &form.email, &form.url)),
        (None, false) => Some(String::new()),
    };
    let mut response = match outcome {
        CommentOutcome::Stored { id: comment, status: CommentStatus::Approved } => {
            state.pages.forget(id);
            see_other(&format!("/articles/{id}?comment=posted#comment-{comment}"))
        }
        CommentOutcome::Stored { id: comment, .. } => {
            let proof = held_mac(&secret, comment);
            see_other(&format!("/articles/{id}?comment=held&held={comment}.{proof}#comment-{comment}"))
        }
        CommentOutcome::Refused(CommentRefusal::NoArticle) => {
            return Err(WebError::NotFound(format!("There is no article with the id {id}. It may have been removed.")));
        }
        CommentOutcome::Refused(CommentRefusal::NoParent) => {
            let msg =
                "The comment you are replying to is not shown here any more; your comment can go under the article.";
            let mut form = form;
            form.parent.clear();
            return refuse(form, vec![msg.to_owned()], StatusCode::UNPROCESSABLE_ENTITY).await;
        }
        CommentOutcome::Refused(CommentRefusal::Duplicate) => {
            let msg = "This comment has been posted here already.";
            return refuse(form, vec![msg.to_owned()], StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    if let Some(value) = remember {
        let age = if value.is_empty() { 0 } else { 365 * 24 * 3600 };
        let secure = if state.site.secure() { "; Secure" } else { "" };
        let cookie = format!("{COMMENTER_COOKIE}={value}; Max-Age={age}; Path=/; HttpOnly; SameSite=Lax{secure}");
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    Ok(response)
}

/// A 303 to `location` (a path of this site).
pub(crate) fn see_other(location: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = HeaderValue::from_str(location) {
        response.headers_mut().insert(header::LOCATION, v);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::{CachedPage, TOKEN_SLOT};

    fn with_token(page: &str, token: &str) -> String {
        let pieces = CachedPage::new(page.to_owned()).pieces(token.to_owned());
        String::from_utf8(pieces.concat()).unwrap_or_default()
    }

    #[test]
    fn the_form_token_fills_the_forms_slot_alone() {
        let page = format!("<p>body {TOKEN_SLOT} as written</p><input name=\"token\" value=\"{TOKEN_SLOT}\">");
        assert_eq!(
            with_token(&page, "t0k"),
            format!("<p>body {TOKEN_SLOT} as written</p><input name=\"token\" value=\"t0k\">")
        );
        assert_eq!(with_token("<p>no form</p>", "t0k"), "<p>no form</p>");
    }
}
