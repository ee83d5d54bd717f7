//! The operator's pages, behind a login: the moderation queue and feed health.

use std::time::Duration;

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use minijinja::value::Serde;
use newsdesk_model::CommentId;
use newsdesk_store::{Moderation, SessionUser};

use crate::WebError;
use crate::pages::article::see_other;
use crate::security::{check_form_token, cookie, form_token, random_token, same_origin, sha256_hex, verify_password};
use crate::state::AppState;
use newsdesk_store::SignInLimit;

pub(crate) const SESSION_COOKIE: &str = "newsdesk_session";
/// Failed sign-ins allowed per address and per account in a minute, and in an hour.
const SIGN_IN_PER_MINUTE: u32 = 5;
const SIGN_IN_PER_HOUR: u32 = 20;

/// A hash no password matches, checked for names that have no account.
fn unknown_account_hash() -> String {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| {
        let random = random_token().unwrap_or_else(|_| "no such account".to_owned());
        crate::security::hash_password(&random).unwrap_or_default()
    })
    .clone()
}

/// How long a sign-in lasts.
const SESSION_DAYS: i64 = 14;
/// Longest admin form body read.
const MAX_FORM_BYTES: usize = 8 * 1024;
/// How long an admin form stays valid.
const FORM_LIFETIME: Duration = Duration::from_secs(12 * 3600);
/// Held comments listed on one page of the queue.
const QUEUE: u32 = 50;
/// Most comments one bulk moderation form names.
const MAX_BULK: usize = 100;

/// The signed-in administrator and their session's hash, if the request has a valid session.
pub(crate) async fn signed_in(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<(SessionUser, String)>, WebError> {
    let Some(token) = cookie(headers, SESSION_COOKIE) else { return Ok(None) };
    let hash = sha256_hex(token);
    Ok(state.store.session_user(&hash).await?.map(|u| (u, hash)))
}

async fn read_form(body: axum::body::Body) -> Result<Vec<(String, String)>, WebError> {
    let bytes = axum::body::to_bytes(body, MAX_FORM_BYTES)
        .await
        .map_err(|_| WebError::BadRequest("The form is too large.".to_owned()))?;
    Ok(url::form_urlencoded::parse(&bytes).map(|(k, v)| (k.into_owned(), v.into_owned())).collect())
}

fn field<'a>(form: &'a [(String, String)], name: &str) -> &'a str {
    form.iter().rev().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
}

/// `GET /admin/login`.
pub(crate) async fn login_page(State(state): State<AppState>) -> Response {
    let result = render_login(&state, None, StatusCode::OK).await;
    state.respond(result)
}

async fn render_login(state: &AppState, error: Option<&str>, status: StatusCode) -> Result<Response, WebError> {
    let token = form_token(state.secret().await?, "login", chrono::Utc::now().timestamp());
    let no_users = state.store.count_users().await? == 0;
    let body = state.templates.render("login.html", minijinja::context! { token, error, no_users })?;
    Ok((status, Html(body)).into_response())
}

/// `POST /admin/login`: checks the password (argon2, off the async threads) and starts a
/// session.
pub(crate) async fn login(State(state): State<AppState>, request: Request) -> Response {
    let result = async {
        let address = state.reader_address(&request);
        let (parts, body) = request.into_parts();
        if !same_origin(&parts.headers) {
            return Err(WebError::Forbidden("This form was sent from another site, so it was not accepted.".into()));
        }
        let form = read_form(body).await?;
        let secret = state.secret().await?;
        let now = chrono::Utc::now().timestamp();
        if check_form_token(secret, "login", field(&form, "token"), now, Duration::ZERO, FORM_LIFETIME).is_err() {
            return render_login(
                &state,
                Some("The sign-in form expired. Please try again."),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
        let (username, password) = (field(&form, "username").trim().to_owned(), field(&form, "password").to_owned());
        // Guessing is limited per address and per account, in the database so every web node
        // counts the same failures; a limited attempt costs no password hashing.
        let address_key = format!("ip:{}", sha256_hex(&format!("{}|{address}", String::from_utf8_lossy(secret))));
        let account_key = format!("user:{}", username.to_lowercase().chars().take(100).collect::<String>());
        let keys = [address_key.as_str(), account_key.as_str()];
        let now = chrono::Utc::now();
        let limits = [
            SignInLimit { since: now - chrono::Duration::minutes(1), most: SIGN_IN_PER_MINUTE },
            SignInLimit { since: now - chrono::Duration::hours(1), most: SIGN_IN_PER_HOUR },
        ];
        // The attempt is counted before its password is checked, so guesses sent at once
        // cannot all pass while argon2 runs.
        let Some(attempt) =
            state.store.reserve_sign_in_attempt(&keys, &limits, now - chrono::Duration::hours(1)).await?
        else {
            tracing::warn!(address = %address, account = %username, "admin sign-in refused: too many failures");
            return render_login(
                &state,
                Some("Too many failed sign-ins from here or for this name. Wait a few minutes and try again."),
                StatusCode::TOO_MANY_REQUESTS,
            )
            .await;
        };
        let stored = state.store.user_password(&username).await?;
        // An unknown name costs the same hashing as a wrong password: the time says nothing
        // about which names exist.
        let (id, hash) = match stored {
            Some((id, hash)) => (Some(id), hash),
            None => (None, unknown_account_hash()),
        };
        let ok = tokio::task::spawn_blocking(move || verify_password(&password, &hash))
            .await
            .map_err(|e| WebError::Internal(format!("password check failed: {e}")))?;
        let Some(user) = id.filter(|_| ok) else {
            tracing::warn!(address = %address, account = %username, "failed admin sign-in");
            return render_login(&state, Some("That name and password do not match."), StatusCode::UNAUTHORIZED).await;
        };
        state.store.forget_sign_in_attempt(&keys, attempt).await?;
        let token = random_token().map_err(|e| WebError::Internal(e.to_string()))?;
        let expires = chrono::Utc::now() + chrono::Duration::days(SESSION_DAYS);
        state.store.create_session(&sha256_hex(&token), user, expires).await?;
        let mut response = see_other("/admin");
        let secure = if state.site.secure() { "; Secure" } else { "" };
        let cookie = format!(
            "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
            SESSION_DAYS * 86_400
        );
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            response.headers_mut().insert(header::SET_COOKIE, v);
        }
        Ok(response)
    }
    .await;
    state.respond(result)
}

/// `POST /admin/logout`.
pub(crate) async fn logout(State(state): State<AppState>, request: Request) -> Response {
    let result = async {
        let (parts, body) = request.into_parts();
        if let Some((_, hash)) = signed_in(&state, &parts.headers).await? {
            let form = read_form(body).await?;
            let now = chrono::Utc::now().timestamp();
            let scope = format!("admin:{hash}");
            if same_origin(&parts.headers)
                && check_form_token(
                    state.secret().await?,
                    &scope,
                    field(&form, "token"),
                    now,
                    Duration::ZERO,
                    FORM_LIFETIME,
                )
                .is_ok()
            {
                state.store.delete_session(&hash).await?;
            }
        }
        let mut response = see_other("/admin/login");
        let secure = if state.site.secure() { "; Secure" } else { "" };
        if let Ok(v) =
            HeaderValue::from_str(&format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}"))
        {
            response.headers_mut().insert(header::SET_COOKIE, v);
        }
        Ok(response)
    }
    .await;
    state.respond(result)
}

/// `GET /admin?after=CURSOR`: the moderation queue, a page at a time, and feed health.
pub(crate) async fn dashboard(
    State(state): State<AppState>,
    headers: HeaderMap,
    axum::extract::RawQuery(raw): axum::extract::RawQuery,
) -> Response {
    let result = async {
        let Some((user, hash)) = signed_in(&state, &headers).await? else { return Ok(see_other("/admin/login")) };
        let after = queue_position(raw.as_deref())?;
        let token = form_token(state.secret().await?, &format!("admin:{hash}"), chrono::Utc::now().timestamp());
        let (held, next) = crate::api::held_page(&state, after.as_ref().map(|(at, id, _)| (*at, *id)), QUEUE).await?;
        let held_total = state.store.held_count().await?;
        let feeds = state.store.feeds().await?;
        let outlets = state.store.sources().await?;
        let searches = state.store.saved_searches().await?;
        let body = state.templates.render(
            "admin.html",
            minijinja::context! {
                user => user.username, token, held => Serde(held), held_total, next,
                after => after.map(|(_, _, cursor)| cursor),
                feeds => Serde(feeds), outlets => Serde(outlets), searches => Serde(searches),
                site_settings => Serde(&state.site),
            },
        )?;
        Ok(Html(body).into_response())
    }
    .await;
    let mut response = state.respond(result);
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The queue position `after=` names in a query string, with the cursor itself.
#[allow(clippy::type_complexity)]
fn queue_position(raw: Option<&str>) -> Result<Option<(chrono::DateTime<chrono::Utc>, CommentId, String)>, WebError> {
    let Some(cursor) = url::form_urlencoded::parse(raw.unwrap_or("").as_bytes())
        .take(20)
        .find(|(k, _)| k == "after")
        .map(|(_, v)| v.into_owned())
        .filter(|v| !v.is_empty())
    else {
        return Ok(None);
    };
    let (at, id) = crate::api::held_from(&cursor).ok_or_else(|| {
        WebError::BadRequest(
            "That place in the moderation queue cannot be read; open /admin for its first page.".into(),
        )
    })?;
    Ok(Some((at, id, cursor)))
}

/// Where a moderation form returns to: the queue page it was sent from (`after`, checked),
/// or the first.
fn back_to_queue(form: &[(String, String)]) -> Response {
    let after = field(form, "after");
    if !after.is_empty() && crate::api::held_from(after).is_some() {
        see_other(&format!("/admin?after={after}#queue"))
    } else {
        see_other("/admin#queue")
    }
}

/// The fields of an admin form, once the sender is signed in, the form comes from this site
/// and carries this session's token; `None` when nobody is signed in.
async fn admin_form(
    state: &AppState,
    request: Request,
) -> Result<Option<(SessionUser, Vec<(String, String)>)>, WebError> {
    let (parts, body) = request.into_parts();
    let Some((user, hash)) = signed_in(state, &parts.headers).await? else { return Ok(None) };
    if !same_origin(&parts.headers) {
        return Err(WebError::Forbidden("This form was sent from another site, so it was not accepted.".into()));
    }
    let form = read_form(body).await?;
    let now = chrono::Utc::now().timestamp();
    let scope = format!("admin:{hash}");
    if check_form_token(state.secret().await?, &scope, field(&form, "token"), now, Duration::ZERO, FORM_LIFETIME)
        .is_err()
    {
        return Err(WebError::BadRequest("The form expired; go back, reload the page and try again.".into()));
    }
    Ok(Some((user, form)))
}

/// The id in an admin form's address.
fn path_id<T: std::str::FromStr>(id: Result<Path<String>, PathRejection>, what: &str) -> Result<T, WebError> {
    id.ok()
        .and_then(|Path(raw)| raw.parse().ok())
        .ok_or_else(|| WebError::BadRequest(format!("That is not a {what} id.")))
}

/// `POST /admin/comments/{id}`: `action` = approve, spam or delete.
pub(crate) async fn moderate(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    request: Request,
) -> Response {
    let result = async {
        let Some((_, form)) = admin_form(&state, request).await? else { return Ok(see_other("/admin/login")) };
        let id: CommentId = path_id(id, "comment")?;
        let action = moderation_action(&form)?;
        if !state.store.moderate(id, action).await? {
            return Err(WebError::NotFound(format!("There is no comment with the id {id}.")));
        }
        state.forget_pages();
        Ok(back_to_queue(&form))
    }
    .await;
    state.respond(result)
}

/// `POST /admin/comments/{id}/reply`: approves a held comment and publishes the moderator's
/// `reply` under it, marked as staff (WordPress's "Approve and Reply").
pub(crate) async fn reply(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    request: Request,
) -> Response {
    let result = async {
        let Some((user, form)) = admin_form(&state, request).await? else { return Ok(see_other("/admin/login")) };
        let id: CommentId = path_id(id, "comment")?;
        let Some(article) = state.store.comment_article(id).await? else {
            return Err(WebError::NotFound(format!("There is no comment with the id {id}.")));
        };
        let typed = crate::discussion::CommentForm {
            comment: field(&form, "reply").to_owned(),
            parent: id.to_string(),
            ..crate::discussion::CommentForm::default()
        };
        let checked = crate::discussion::check_staff(&typed, &user.username)
            .map_err(|errors| WebError::BadRequest(errors.join(" ")))?;
        state.store.moderate(id, Moderation::Approve).await?;
        let outcome = state
            .store
            .add_comment(newsdesk_store::NewComment {
                article,
                parent: checked.parent,
                author_name: checked.name,
                author_email: checked.email,
                author_url: None,
                body: checked.body,
                ip_key: "staff".to_owned(),
                staff: true,
            })
            .await?;
        state.forget_pages();
        match outcome {
            newsdesk_store::CommentOutcome::Stored { .. } => Ok(back_to_queue(&form)),
            newsdesk_store::CommentOutcome::Refused(newsdesk_store::CommentRefusal::Duplicate) => {
                Err(WebError::BadRequest("This reply has been posted under that article already.".into()))
            }
            newsdesk_store::CommentOutcome::Refused(_) => {
                Err(WebError::NotFound(format!("There is no comment with the id {id} to reply to.")))
            }
        }
    }
    .await;
    state.respond(result)
}

/// `POST /admin/comments`: `action` = approve, spam or delete, applied to every `id` in the
/// form (the comments of one page of the queue).
pub(crate) async fn moderate_page(State(state): State<AppState>, request: Request) -> Response {
    let result = async {
        let Some((_, form)) = admin_form(&state, request).await? else { return Ok(see_other("/admin/login")) };
        let action = moderation_action(&form)?;
        let raw: Vec<&str> = form.iter().filter(|(k, _)| k == "id").map(|(_, v)| v.as_str()).collect();
        if raw.is_empty() {
            return Err(WebError::BadRequest("The form names no comments to moderate.".into()));
        }
        if raw.len() > MAX_BULK {
            return Err(WebError::BadRequest(format!("One form moderates at most {MAX_BULK} comments.")));
        }
        let ids = raw
            .iter()
            .map(|r| r.parse::<CommentId>())
            .collect::<Result<Vec<_>, _>>()
            .map_err(|_| WebError::BadRequest("The form names something that is not a comment id.".into()))?;
        state.store.moderate_all(&ids, action).await?;
        state.forget_pages();
        Ok(back_to_queue(&form))
    }
    .await;
    state.respond(result)
}

fn moderation_action(form: &[(String, String)]) -> Result<Moderation, WebError> {
    let raw = field(form, "action");
    Moderation::parse(raw).ok_or_else(|| {
        WebError::BadRequest(format!(
            "`{}` is not a moderation action: use approve, spam or delete.",
            raw.chars().take(40).collect::<String>()
        ))
    })
}

/// `POST /admin/feeds/{id}`: `action` = pause, resume, remove, rename (with `title`), or
/// full_text (with `mode` = auto, always or never: whether the feed's article pages are
/// fetched for their full text).
pub(crate) async fn feed(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    request: Request,
) -> Response {
    let result = async {
        let Some((_, form)) = admin_form(&state, request).await? else { return Ok(see_other("/admin/login")) };
        let id: newsdesk_model::FeedId = path_id(id, "feed")?;
        let found = match field(&form, "action") {
            "pause" => state.store.set_feed_paused(id, true).await?,
            "resume" => state.store.set_feed_paused(id, false).await?,
            // Its articles stay.
            "remove" => state.store.remove_feed(id).await?,
            "rename" => state.store.rename_feed(id, field(&form, "title")).await?,
            "full_text" => {
                let raw = field(&form, "mode");
                let mode = newsdesk_model::FullText::parse(raw).ok_or_else(|| {
                    WebError::BadRequest(format!(
                        "`{}` is not a full-text mode: use auto, always or never.",
                        raw.chars().take(40).collect::<String>()
                    ))
                })?;
                state.store.set_feed_full_text(id, mode).await?
            }
            _ => {
                return Err(WebError::BadRequest(
                    "A feed can be paused, resumed, renamed, removed, or given a full-text mode.".into(),
                ));
            }
        };
        if !found {
            return Err(WebError::NotFound(format!("There is no feed with the id {id}.")));
        }
        Ok(see_other("/admin#feeds"))
    }
    .await;
    state.respond(result)
}

/// `POST /admin/feeds`: follows the feed at `url` (its own address; polled on the next crawl).
pub(crate) async fn add_feed(State(state): State<AppState>, request: Request) -> Response {
    let result = async {
        let Some((_, form)) = admin_form(&state, request).await? else { return Ok(see_other("/admin/login")) };
        let raw = field(&form, "url").trim();
        let url = url::Url::parse(raw)
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some())
            .ok_or_else(|| {
                WebError::BadRequest(format!(
                    "`{}` is not a feed's address: give one that starts with https:// or http://.",
                    raw.chars().take(200).collect::<String>()
                ))
            })?;
        match state.store.add_feed(newsdesk_store::NewFeed { url: Some(url), ..Default::default() }).await {
            Ok(_) => Ok(see_other("/admin#feeds")),
            Err(newsdesk_store::StoreError::FeedExists { url, .. }) => {
                Err(WebError::BadRequest(format!("{url} is followed already.")))
            }
            Err(e) => Err(e.into()),
        }
    }
    .await;
    state.respond(result)
}

/// `POST /admin/searches`: `action` = add (with `name` and `query`) or delete (with `id`).
pub(crate) async fn saved_searches(State(state): State<AppState>, request: Request) -> Response {
    let result = async {
        let Some((_, form)) = admin_form(&state, request).await? else { return Ok(see_other("/admin/login")) };
        match field(&form, "action") {
            "add" => {
                let name = field(&form, "name").trim();
                let query = field(&form, "query").trim();
                if name.is_empty() || name.chars().count() > 100 || name.chars().any(char::is_control) {
                    return Err(WebError::BadRequest(
                        "A saved search needs a name of one line, at most 100 characters.".into(),
                    ));
                }
                if query.is_empty() || query.chars().count() > 500 {
                    return Err(WebError::BadRequest("A saved search needs a query of at most 500 characters.".into()));
                }
                newsdesk_store::ParsedQuery::read(query).map_err(|e| WebError::BadRequest(e.to_string()))?;
                if !state.store.add_saved_search(name, query).await? {
                    return Err(WebError::BadRequest(format!(
                        "There are {} saved searches already; delete one first.",
                        newsdesk_store::MAX_SAVED_SEARCHES
                    )));
                }
            }
            "delete" => {
                if !state.store.delete_saved_search(field(&form, "id")).await? {
                    return Err(WebError::NotFound("There is no such saved search.".into()));
                }
            }
            _ => return Err(WebError::BadRequest("Saved searches can be added or deleted.".into())),
        }
        // The front page lists them.
        state.fronts.clear();
        Ok(see_other("/admin#searches"))
    }
    .await;
    state.respond(result)
}

/// `POST /admin/sources`: renames the outlet on `domain` to `name`.
pub(crate) async fn rename_source(State(state): State<AppState>, request: Request) -> Response {
    let result = async {
        let Some((_, form)) = admin_form(&state, request).await? else { return Ok(see_other("/admin/login")) };
        let name = field(&form, "name").trim();
        if name.is_empty() || name.chars().count() > 200 || name.chars().any(char::is_control) {
            return Err(WebError::BadRequest("An outlet's name is one line of at most 200 characters.".into()));
        }
        let domain = field(&form, "domain");
        if !state.store.rename_source(domain, name).await? {
            return Err(WebError::NotFound(format!(
                "No outlet has the domain {}.",
                domain.chars().take(80).collect::<String>()
            )));
        }
        state.forget_pages();
        Ok(see_other("/admin#outlets"))
    }
    .await;
    state.respond(result)
}
