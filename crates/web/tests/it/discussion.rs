//! The discussion under an article, and its moderation, through the real router.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use newsdesk_testkit::{TestDb, both_backends};
use newsdesk_testkit::{fixture_article, fixture_id};
use newsdesk_web::{SiteSettings, hash_password, router};
use tower::ServiceExt;

struct Site {
    app: Router,
    db: TestDb,
}

struct Got {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

const EMAIL: &str = "mara.okafor@mail.example";

async fn site_with(db: TestDb, min_seconds: u64, per_ten_minutes: u32) -> Site {
    db.store
        .upsert_article(fixture_article(1, "Harbour bridge reopens", "Crews replaced the deck plates."))
        .await
        .unwrap();
    db.store.upsert_article(fixture_article(3, "Tram line delayed", "Signal faults delay the tram.")).await.unwrap();
    let mut settings = SiteSettings::new("Test Desk".into(), "https://desk.example/".parse().unwrap(), 20);
    settings.comment_min_seconds = min_seconds;
    settings.comments_per_ten_minutes = per_ten_minutes;
    Site { app: router(db.store.clone(), settings).unwrap(), db }
}

async fn site(db: TestDb) -> Site {
    site_with(db, 0, 50).await
}

impl Site {
    async fn send(&self, request: Request<Body>) -> Got {
        let response = self.app.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = axum::body::to_bytes(response.into_body(), 10 << 20).await.unwrap();
        Got { status, headers, body: String::from_utf8(bytes.to_vec()).unwrap().replace("&#x2f;", "/") }
    }

    async fn get(&self, uri: &str, cookie: Option<&str>) -> Got {
        let mut r = Request::get(uri);
        if let Some(c) = cookie {
            r = r.header("cookie", c);
        }
        self.send(r.body(Body::empty()).unwrap()).await
    }

    async fn post(&self, uri: &str, fields: &[(&str, &str)], cookie: Option<&str>, site: &str) -> Got {
        let body = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(fields).finish();
        let mut r = Request::post(uri)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("sec-fetch-site", site);
        if let Some(c) = cookie {
            r = r.header("cookie", c);
        }
        self.send(r.body(Body::from(body)).unwrap()).await
    }

    /// The form token of the page at `uri`.
    async fn token(&self, uri: &str, cookie: Option<&str>) -> String {
        let page = self.get(uri, cookie).await;
        token_in(&page.body)
    }

    async fn comment(&self, article: u16, fields: &[(&str, &str)]) -> Got {
        let uri = format!("/articles/{}", fixture_id(article));
        let token = self.token(&uri, None).await;
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        all.push(("token", &token));
        self.post(&format!("{uri}/comments"), &all, None, "same-origin").await
    }

    /// Signs in as a fresh administrator; returns the session cookie.
    async fn sign_in(&self) -> String {
        self.db.store.create_user("editor", &hash_password("harbour lights 42").unwrap()).await.unwrap();
        let token = self.token("/admin/login", None).await;
        let wrong = self
            .post(
                "/admin/login",
                &[("username", "editor"), ("password", "nope"), ("token", &token)],
                None,
                "same-origin",
            )
            .await;
        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
        assert!(wrong.body.contains("do not match"));
        let ok = self
            .post(
                "/admin/login",
                &[("username", "editor"), ("password", "harbour lights 42"), ("token", &token)],
                None,
                "same-origin",
            )
            .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
        let set = ok.headers["set-cookie"].to_str().unwrap().to_owned();
        assert!(set.contains("HttpOnly") && set.contains("SameSite=Lax") && set.contains("Secure"), "{set}");
        set.split(';').next().unwrap().to_owned()
    }

    async fn moderate(&self, cookie: &str, comment: &str, action: &str) -> Got {
        let token = self.token("/admin", Some(cookie)).await;
        self.post(
            &format!("/admin/comments/{comment}"),
            &[("action", action), ("token", &token)],
            Some(cookie),
            "same-origin",
        )
        .await
    }
}

fn token_in(body: &str) -> String {
    body.split("name=\"token\" value=\"").nth(1).expect("a form token").split('"').next().unwrap().to_owned()
}

fn good(text: &str) -> Vec<(&str, &str)> {
    vec![("comment", text), ("author", "Mara Okafor"), ("email", EMAIL), ("url", "https://mara.example")]
}

/// The id of the held comment with this text, from the admin queue.
fn held_id(admin: &str, text: &str) -> String {
    let at = admin.find(text).unwrap_or_else(|| panic!("{text} in the queue: {admin}"));
    let before = &admin[..at];
    let start = before.rfind("id=\"held-").unwrap() + "id=\"held-".len();
    before[start..start + 36].to_owned()
}

#[both_backends]
async fn a_new_commenter_is_held_then_approved_and_counted_and_returns_unheld(db: TestDb) {
    let site = site(db).await;
    let article = format!("/articles/{}", fixture_id(1));
    let before = site.get(&article, None).await;
    assert!(before.body.contains("1 Comment</h2>"), "the imported count");
    assert!(
        before.body.contains("It was made on this article's previous site and was not brought over."),
        "the imported count is explained: no comment is shown under it"
    );

    let sent = site.comment(1, &good("The new deck plates look solid.")).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let to = sent.headers["location"].to_str().unwrap();
    assert!(to.starts_with(&format!("{article}?comment=held&held=")), "{to}");
    let held = site.get(&format!("{article}?comment=held"), None).await;
    assert!(held.body.contains("Your comment is awaiting moderation."));
    assert!(!held.body.contains("The new deck plates look solid."), "held comments are not shown");
    assert!(held.body.contains("1 Comment</h2>"), "held comments are not counted");

    // The admin pages need a session.
    let anonymous = site.get("/admin", None).await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
    assert_eq!(anonymous.headers["location"], "/admin/login");
    let cookie = site.sign_in().await;
    let queue = site.get("/admin", Some(&cookie)).await;
    assert_eq!(queue.status, StatusCode::OK);
    assert!(queue.body.contains("Comments awaiting moderation (1)"), "{}", queue.body);
    let id = held_id(&queue.body, "The new deck plates look solid.");
    // A moderation form without its token does nothing.
    let forged = site
        .post(
            &format!("/admin/comments/{id}"),
            &[("action", "approve"), ("token", "1.00")],
            Some(&cookie),
            "same-origin",
        )
        .await;
    assert_eq!(forged.status, StatusCode::BAD_REQUEST);
    assert_eq!(site.moderate(&cookie, &id, "approve").await.status, StatusCode::SEE_OTHER);

    let after = site.get(&article, None).await;
    assert!(after.body.contains("The new deck plates look solid."));
    assert!(after.body.contains("2 Comments</h2>"), "approved comments are counted");
    assert!(after.body.contains("1 of them was made on this article's previous site and was not brought over."));
    assert!(
        after
            .body
            .contains("<a href=\"https://mara.example/\" rel=\"nofollow ugc noopener noreferrer\">Mara Okafor</a>")
    );

    // Once approved, the same commenter is published at once, here and elsewhere.
    let again = site.comment(3, &good("Signal faults again?")).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    assert!(again.headers["location"].to_str().unwrap().contains("?comment=posted#comment-"));
    let tram = site.get(&format!("/articles/{}", fixture_id(3)), None).await;
    assert!(tram.body.contains("Signal faults again?"));
    assert!(tram.body.contains("1 Comment</h2>"), "{}", tram.body);
}

#[both_backends]
async fn sign_in_guessing_is_limited_per_address_and_account(db: TestDb) {
    let another = db.another().await;
    let site = site(db).await;
    site.db.store.create_user("editor", &hash_password("harbour lights 42").unwrap()).await.unwrap();
    let attempt = |name: &'static str, password: &'static str| {
        let site = &site;
        async move {
            let token = site.token("/admin/login", None).await;
            site.post(
                "/admin/login",
                &[("username", name), ("password", password), ("token", &token)],
                None,
                "same-origin",
            )
            .await
        }
    };
    for _ in 0..5 {
        assert_eq!(attempt("editor", "guess").await.status, StatusCode::UNAUTHORIZED);
    }
    // The sixth attempt in the minute is refused before any password is checked, the
    // right one too, and so is another name from the same address.
    let limited = attempt("editor", "harbour lights 42").await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(limited.body.contains("Too many failed sign-ins"), "{}", limited.body);
    assert_eq!(attempt("someone", "guess").await.status, StatusCode::TOO_MANY_REQUESTS);
    // An unknown name is answered as a wrong password is.
    let fresh = site_with(another, 0, 50).await;
    let token = fresh.token("/admin/login", None).await;
    let unknown = fresh
        .post("/admin/login", &[("username", "nobody"), ("password", "x"), ("token", &token)], None, "same-origin")
        .await;
    assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);
    assert!(unknown.body.contains("do not match"));
}

#[both_backends]
async fn guesses_sent_at_once_get_no_more_checks_than_the_limit(db: TestDb) {
    let site = site(db).await;
    site.db.store.create_user("editor", &hash_password("harbour lights 42").unwrap()).await.unwrap();
    // A successful sign-in does not count against the limit.
    for _ in 0..7 {
        let token = site.token("/admin/login", None).await;
        let fields = [("username", "editor"), ("password", "harbour lights 42"), ("token", token.as_str())];
        assert_eq!(site.post("/admin/login", &fields, None, "same-origin").await.status, StatusCode::SEE_OTHER);
    }
    let token = site.token("/admin/login", None).await;
    let mut tasks = Vec::new();
    for _ in 0..16 {
        let body = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs([("username", "editor"), ("password", "guess"), ("token", &token)])
            .finish();
        let request = Request::post("/admin/login")
            .header("content-type", "application/x-www-form-urlencoded")
            .header("sec-fetch-site", "same-origin")
            .body(Body::from(body))
            .unwrap();
        let app = site.app.clone();
        tasks.push(tokio::spawn(async move { app.oneshot(request).await.unwrap().status() }));
    }
    let mut checked = 0;
    for task in tasks {
        match task.await.unwrap() {
            StatusCode::UNAUTHORIZED => checked += 1,
            StatusCode::TOO_MANY_REQUESTS => {}
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!(checked, 5, "five guesses a minute are checked, however many arrive together");
}

/// A sign-in attempt from TCP peer `peer` carrying `X-Forwarded-For: forwarded`.
async fn attempt_via(site: &Site, peer: &str, forwarded: &str, name: &str) -> StatusCode {
    let token = site.token("/admin/login", None).await;
    let body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs([("username", name), ("password", "guess"), ("token", &token)])
        .finish();
    let mut request = Request::post("/admin/login")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "same-origin")
        .header("x-forwarded-for", forwarded)
        .body(Body::from(body))
        .unwrap();
    let peer: std::net::SocketAddr = peer.parse().unwrap();
    request.extensions_mut().insert(axum::extract::ConnectInfo(peer));
    site.send(request).await.status
}

#[both_backends]
async fn only_trusted_proxies_name_the_reader_for_the_limits(db: TestDb) {
    // Without trusted proxies the header is the client's own claim: changing it does not
    // escape the per-address limit.
    let another = db.another().await;
    let site = site(db).await;
    for i in 0..5 {
        let status = attempt_via(&site, "203.0.113.5:40000", &format!("198.51.100.{i}"), &format!("user{i}")).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    assert_eq!(attempt_via(&site, "203.0.113.5:40001", "198.51.100.99", "user99").await, StatusCode::TOO_MANY_REQUESTS);
    // Another peer is another reader.
    assert_eq!(attempt_via(&site, "203.0.113.6:40000", "", "user100").await, StatusCode::UNAUTHORIZED);

    // Behind a trusted proxy, readers are told apart by what the proxy says, and what a
    // reader wrote to the left of it is ignored.
    let mut proxied = site_with(another, 0, 50).await;
    let mut settings = SiteSettings::new("Test Desk".into(), "https://desk.example/".parse().unwrap(), 20);
    settings.trusted_proxies = vec!["10.0.0.0/8".parse().unwrap()];
    proxied.app = router(proxied.db.store.clone(), settings).unwrap();
    for i in 0..5 {
        let forwarded = format!("192.0.2.{i}, 198.51.100.7");
        let status = attempt_via(&proxied, "10.0.0.2:50000", &forwarded, &format!("user{i}")).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    assert_eq!(
        attempt_via(&proxied, "10.0.0.3:50000", "198.51.100.7", "user99").await,
        StatusCode::TOO_MANY_REQUESTS,
        "the same reader through another proxy node"
    );
    assert_eq!(
        attempt_via(&proxied, "10.0.0.2:50000", "198.51.100.8", "user100").await,
        StatusCode::UNAUTHORIZED,
        "another reader behind the same proxy"
    );
}

#[both_backends]
async fn a_long_discussion_is_paged_newest_page_first(db: TestDb) {
    let site = site(db).await;
    let mut ids = Vec::new();
    for i in 0..230u16 {
        let comment = newsdesk_testkit::fixture_comment(i, fixture_id(1), &format!("Remark number {i:03}."));
        let outcome = site.db.store.add_comment(comment).await.unwrap();
        if let newsdesk_store::CommentOutcome::Stored { id, .. } = outcome {
            ids.push(id);
        }
    }
    site.db.store.moderate_all(&ids, newsdesk_store::Moderation::Approve).await.unwrap();
    let uri = format!("/articles/{}", fixture_id(1));
    // The newest page by default: the last 30 threads of 230, 100 a page.
    let newest = site.get(&uri, None).await;
    assert!(newest.body.contains("Page 3 of 3"), "{}", newest.body);
    assert!(newest.body.contains("Remark number 229.") && newest.body.contains("Remark number 200."));
    assert!(!newest.body.contains("Remark number 199."));
    assert!(
        newest.body.contains(&format!("href=\"{uri}?cpage=2#discussion\" rel=\"prev\">Older comments")),
        "{}",
        newest.body
    );
    // Every comment is on some page.
    let first = site.get(&format!("{uri}?cpage=1"), None).await;
    assert!(first.body.contains("Remark number 000.") && first.body.contains("Remark number 099."));
    assert!(!first.body.contains("Remark number 100.") && !first.body.contains("Older comments"));
    // Replying to a comment of an older page still names whom the form answers.
    let reply = site.get(&format!("{uri}?replyto={}", ids[5]), None).await;
    assert!(reply.body.contains("Reply to Reader 5"), "{}", reply.body);
    assert_eq!(site.get(&format!("{uri}?cpage=0"), None).await.status, StatusCode::BAD_REQUEST);
    assert!(
        site.get(&format!("{uri}?cpage=99"), None).await.body.contains("Page 3 of 3"),
        "past the end: the last page"
    );
}

#[both_backends]
async fn replies_nest_under_their_comment(db: TestDb) {
    let site = site(db).await;
    let cookie = site.sign_in().await;
    site.comment(1, &good("First thought.")).await;
    let queue = site.get("/admin", Some(&cookie)).await;
    let first = held_id(&queue.body, "First thought.");
    site.moderate(&cookie, &first, "approve").await;
    let uri = format!("/articles/{}?replyto={first}", fixture_id(1));
    let page = site.get(&uri, None).await;
    assert!(page.body.contains("Reply to Mara Okafor"), "the form says whom it answers");
    assert!(page.body.contains(&format!("name=\"parent\" value=\"{first}\"")));
    let mut reply = good("A reply.");
    reply.push(("parent", &first));
    let token = token_in(&page.body);
    reply.push(("token", &token));
    let sent = site.post(&format!("/articles/{}/comments", fixture_id(1)), &reply, None, "same-origin").await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let page = site.get(&format!("/articles/{}", fixture_id(1)), None).await;
    let (a, b) = (page.body.find("First thought.").unwrap(), page.body.find("A reply.").unwrap());
    assert!(a < b);
    assert!(page.body.contains("class=\"comment depth-1\""), "{}", page.body);
}

#[both_backends]
async fn a_rejected_comment_keeps_what_was_typed_and_says_what_to_fix(db: TestDb) {
    let site = site(db).await;
    let sent =
        site.comment(1, &[("comment", "Half a thought"), ("author", "Kofi"), ("email", "kofi-at-example")]).await;
    assert_eq!(sent.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(sent.body.contains("Your comment was not posted yet"));
    assert!(sent.body.contains("That email address does not look right"));
    assert!(sent.body.contains(">Half a thought</textarea>"), "the comment is kept");
    assert!(sent.body.contains("value=\"Kofi\""), "the name is kept");
    assert!(sent.body.contains("value=\"kofi-at-example\""), "the email is kept to be corrected");
    let links = site.comment(1, &good("https://a.example https://b.example https://c.example")).await;
    assert_eq!(links.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(links.body.contains("at most 2 links"));
}

#[both_backends]
async fn spam_defences_hold(db: TestDb) {
    let site = site_with(db, 0, 2).await;
    // The honeypot: accepted in appearance, stored nowhere.
    let mut bot = good("Cheap watches");
    bot.push(("website_confirm", "http://spam.example"));
    let sent = site.comment(1, &bot).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);
    assert!(site.db.store.held_comments(10).await.unwrap().is_empty());
    // Duplicates.
    assert_eq!(site.comment(1, &good("Same words.")).await.status, StatusCode::SEE_OTHER);
    let dup = site.comment(1, &good("Same words.")).await;
    assert_eq!(dup.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(dup.body.contains("posted here already"));
    // Per-address rate limit (2 in ten minutes in this site's settings).
    assert_eq!(site.comment(1, &good("Second comment.")).await.status, StatusCode::SEE_OTHER);
    let limited = site.comment(1, &good("Third comment.")).await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(limited.body.contains("wait a few minutes"));
    assert!(limited.body.contains(">Third comment.</textarea>"));
    // Without a token, or with a forged one.
    let uri = format!("/articles/{}/comments", fixture_id(3));
    let forged = site
        .post(&uri, &[("comment", "x"), ("author", "y"), ("email", EMAIL), ("token", "1.ab")], None, "same-origin")
        .await;
    assert_eq!(forged.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(forged.body.contains("This form has expired or did not come from this page"));
    // From another site.
    let token = site.token(&format!("/articles/{}", fixture_id(3)), None).await;
    let cross = site
        .post(&uri, &[("comment", "x"), ("author", "y"), ("email", EMAIL), ("token", &token)], None, "cross-site")
        .await;
    assert_eq!(cross.status, StatusCode::FORBIDDEN);
    assert_eq!(site.db.store.held_comments(10).await.unwrap().len(), 2, "only the two good comments are held");
}

#[both_backends]
async fn a_form_token_carries_one_comment(db: TestDb) {
    let site = site(db).await;
    let uri = format!("/articles/{}", fixture_id(1));
    let token = site.token(&uri, None).await;
    let mut first = good("First from this form.");
    first.push(("token", &token));
    let sent = site.post(&format!("{uri}/comments"), &first, None, "same-origin").await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let mut again = good("Second from the same form.");
    again.push(("token", &token));
    let refused = site.post(&format!("{uri}/comments"), &again, None, "same-origin").await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("This form was sent already"), "{}", refused.body);
    assert!(refused.body.contains(">Second from the same form.</textarea>"), "what was typed is kept");
    assert_eq!(site.db.store.held_comments(10).await.unwrap().len(), 1);
}

#[both_backends]
async fn a_form_sent_faster_than_a_person_writes_is_refused(db: TestDb) {
    let site = site_with(db, 3, 50).await;
    let sent = site.comment(1, &good("Typed in no time.")).await;
    assert_eq!(sent.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(sent.body.contains("sent very quickly"));
    assert!(sent.body.contains(">Typed in no time.</textarea>"));
}

#[both_backends]
async fn control_characters_never_break_the_comment_feeds(db: TestDb) {
    let site = site(db).await;
    let cookie = site.sign_in().await;
    site.comment(1, &[("comment", "Tide\u{b} table\u{1} changes"), ("author", "Ana\u{1}"), ("email", EMAIL)]).await;
    let queue = site.get("/admin", Some(&cookie)).await;
    let id = held_id(&queue.body, "Tide table changes");
    site.moderate(&cookie, &id, "approve").await;
    let feed = site.get(&format!("/articles/{}/comments.atom", fixture_id(1)), None).await;
    assert!(feed.body.contains("Tide table changes"), "{}", feed.body);
    newsdesk_testkit::assert_well_formed_xml(&feed.body, "the comment feed");
    let json = site.get(&format!("/articles/{}/comments.json", fixture_id(1)), None).await;
    assert!(json.body.contains("Tide table changes") && json.body.contains("\"Ana\""), "{}", json.body);
}

#[both_backends]
async fn hostile_comments_are_inert_and_emails_appear_nowhere(db: TestDb) {
    let site = site(db).await;
    let cookie = site.sign_in().await;
    let xss = "<script>alert('c')</script><img src=x onerror=alert(1)> javascript:alert(2)";
    let fields = vec![
        ("comment", xss),
        ("author", "<b onmouseover=alert(3)>Eve</b>"),
        ("email", EMAIL),
        ("url", "https://eve.example/\"><script>alert(4)</script>"),
    ];
    let sent = site.comment(1, &fields).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let queue = site.get("/admin", Some(&cookie)).await;
    assert!(!queue.body.contains("<script>alert"), "the queue escapes too");
    assert!(queue.body.contains(EMAIL), "moderators see the commenter's email in the queue");
    let id = held_id(&queue.body, "&lt;script&gt;alert(&#x27;c&#x27;)");
    site.moderate(&cookie, &id, "approve").await;
    let page = site.get(&format!("/articles/{}", fixture_id(1)), None).await;
    for bad in ["<script>alert", "<img src=x", "<b onmouseover", "href=\"javascript:"] {
        assert!(!page.body.contains(bad), "{bad} in {}", page.body);
    }
    assert!(page.body.contains("&lt;script&gt;"));
    let comments = site.get(&format!("/articles/{}/comments.json", fixture_id(1)), None).await;
    let v: serde_json::Value = serde_json::from_str(&comments.body).unwrap();
    assert!(v["items"][0]["content_text"].as_str().unwrap().starts_with("<script>alert('c')"), "text, as written");
    for (what, body) in [
        ("article", page.body),
        ("admin", site.get("/admin", Some(&cookie)).await.body),
        ("feed", site.get("/feed.atom", None).await.body),
        ("comments feed", site.get(&format!("/articles/{}/comments.atom", fixture_id(1)), None).await.body),
        ("comments JSON feed", site.get(&format!("/articles/{}/comments.json", fixture_id(1)), None).await.body),
        ("front", site.get("/", None).await.body),
    ] {
        assert!(!body.contains(EMAIL) && !body.contains("mara.okafor@"), "the email leaks into the {what} page");
    }
}

#[both_backends]
async fn moderation_spam_and_delete_keep_the_count_right(db: TestDb) {
    let site = site(db).await;
    let cookie = site.sign_in().await;
    site.comment(1, &good("Keep me.")).await;
    site.comment(1, &good("Spam me.")).await;
    let queue = site.get("/admin", Some(&cookie)).await;
    let (keep, spam) = (held_id(&queue.body, "Keep me."), held_id(&queue.body, "Spam me."));
    site.moderate(&cookie, &keep, "approve").await;
    site.moderate(&cookie, &spam, "spam").await;
    let page = site.get(&format!("/articles/{}", fixture_id(1)), None).await;
    assert!(page.body.contains("2 Comments</h2>") && !page.body.contains("Spam me."));
    site.moderate(&cookie, &keep, "delete").await;
    let page = site.get(&format!("/articles/{}", fixture_id(1)), None).await;
    assert!(page.body.contains("1 Comment</h2>") && !page.body.contains("Keep me."), "{}", page.body);
    assert!(page.body.contains("It was made on this article's previous site"), "{}", page.body);
    let bad = site.moderate(&cookie, &keep, "publish").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("approve, spam or delete"));
    // Signing out ends the session.
    let token = site.token("/admin", Some(&cookie)).await;
    site.post("/admin/logout", &[("token", &token)], Some(&cookie), "same-origin").await;
    assert_eq!(site.get("/admin", Some(&cookie)).await.status, StatusCode::SEE_OTHER);
}

/// The ids of the held comments listed on an admin queue page, in order.
fn queue_ids(admin: &str) -> Vec<String> {
    admin.split("<tr id=\"held-").skip(1).map(|rest| rest[..36].to_owned()).collect()
}

/// The address of the queue's next page, if the page links one.
fn next_page(admin: &str) -> Option<String> {
    let at = admin.find("rel=\"next\"")?;
    let href = admin[..at].rfind("href=\"")? + "href=\"".len();
    Some(admin[href..].split('"').next()?.replace("&amp;", "&"))
}

#[both_backends]
async fn the_queue_pages_and_a_whole_page_is_moderated_at_once(db: TestDb) {
    let site = site(db).await;
    let cookie = site.sign_in().await;
    for i in 0..230u16 {
        let article = fixture_id(if i % 2 == 0 { 1 } else { 3 });
        site.db
            .store
            .add_comment(newsdesk_testkit::fixture_comment(i, article, &format!("Queued remark {i}.")))
            .await
            .unwrap();
    }
    let all: Vec<String> =
        site.db.store.held_comments(1000).await.unwrap().iter().map(|h| h.comment.id.to_string()).collect();
    assert_eq!(all.len(), 230);

    // Walked by its "Next page" links, the queue shows every comment once.
    let mut seen = Vec::new();
    let mut uri = "/admin".to_owned();
    let mut pages = Vec::new();
    loop {
        let page = site.get(&uri, Some(&cookie)).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(page.body.contains("Comments awaiting moderation (230)"), "the number held, on every page");
        let ids = queue_ids(&page.body);
        pages.push(ids.len());
        seen.extend(ids);
        match next_page(&page.body) {
            Some(next) => uri = next,
            None => break,
        }
    }
    assert_eq!(pages, vec![50, 50, 50, 50, 30]);
    assert_eq!(seen, all);

    // "Approve all" on the second page approves those 50 and returns to that place.
    let first = site.get("/admin", Some(&cookie)).await;
    let second_uri = next_page(&first.body).unwrap();
    let second = site.get(&second_uri, Some(&cookie)).await;
    let on_second = queue_ids(&second.body);
    let token = token_in(&second.body);
    let after = second_uri.split("after=").nth(1).unwrap().split('#').next().unwrap().to_owned();
    let mut fields: Vec<(&str, &str)> = vec![("token", &token), ("action", "approve"), ("after", &after)];
    fields.extend(on_second.iter().map(|id| ("id", id.as_str())));
    let done = site.post("/admin/comments", &fields, Some(&cookie), "same-origin").await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(done.headers["location"].to_str().unwrap(), format!("/admin?after={after}#queue"));
    assert_eq!(site.db.store.held_count().await.unwrap(), 180);
    let harbour = site.get(&format!("/articles/{}", fixture_id(1)), None).await;
    assert!(harbour.body.contains("26 Comments</h2>"), "1 imported and 25 approved: {}", harbour.body);
    let now_second = site.get(&second_uri, Some(&cookie)).await;
    assert_eq!(queue_ids(&now_second.body).first(), Some(&all[100]), "the queue moves up");

    // "Mark all as spam" on the first page.
    let token = token_in(&first.body);
    let on_first = queue_ids(&first.body);
    let mut fields: Vec<(&str, &str)> = vec![("token", &token), ("action", "spam")];
    fields.extend(on_first.iter().map(|id| ("id", id.as_str())));
    let done = site.post("/admin/comments", &fields, Some(&cookie), "same-origin").await;
    assert_eq!((done.status, done.headers["location"].to_str().unwrap()), (StatusCode::SEE_OTHER, "/admin#queue"));
    let queue = site.get("/admin", Some(&cookie)).await;
    assert!(queue.body.contains("Comments awaiting moderation (130)"));
    assert_eq!(queue_ids(&queue.body).first(), Some(&all[100]));

    // Forms that cannot be acted on say why and change nothing.
    for (fields, says) in [
        (vec![("token", token.as_str()), ("action", "approve")], "names no comments"),
        (vec![("token", token.as_str()), ("action", "approve"), ("id", "nope")], "not a comment id"),
        (vec![("token", token.as_str()), ("action", "burn"), ("id", all[120].as_str())], "approve, spam or delete"),
        (vec![("token", "1.00"), ("action", "approve"), ("id", all[120].as_str())], "form expired"),
    ] {
        let refused = site.post("/admin/comments", &fields, Some(&cookie), "same-origin").await;
        assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{fields:?}");
        assert!(refused.body.contains(says), "{says}: {}", refused.body);
    }
    let many: Vec<(&str, &str)> = std::iter::once(("token", token.as_str()))
        .chain(std::iter::once(("action", "delete")))
        .chain(all.iter().take(101).map(|id| ("id", id.as_str())))
        .collect();
    assert_eq!(site.post("/admin/comments", &many, Some(&cookie), "same-origin").await.status, StatusCode::BAD_REQUEST);
    let anonymous = site
        .post("/admin/comments", &[("token", &token), ("action", "delete"), ("id", &all[120])], None, "same-origin")
        .await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
    assert_eq!(site.db.store.held_count().await.unwrap(), 130, "nothing changed");
    let junk = site.get("/admin?after=h1.x", Some(&cookie)).await;
    assert_eq!(junk.status, StatusCode::BAD_REQUEST);
    assert!(junk.body.contains("cannot be read"));
}

/// Posts an admin feed form with a fresh token.
async fn feed_action(site: &Site, cookie: &str, feed: newsdesk_model::FeedId, fields: &[(&str, &str)]) -> Got {
    let token = site.token("/admin", Some(cookie)).await;
    let mut all = fields.to_vec();
    all.push(("token", &token));
    site.post(&format!("/admin/feeds/{feed}"), &all, Some(cookie), "same-origin").await
}

#[both_backends]
async fn the_operator_pauses_feeds_and_sets_their_full_text_mode(db: TestDb) {
    let site = site(db).await;
    let feed = site.db.store.add_feed(newsdesk_testkit::fixture_feed("https://outlet.example/rss")).await.unwrap();
    let cookie = site.sign_in().await;
    let admin = site.get("/admin", Some(&cookie)).await;
    assert!(admin.body.contains(&format!("action=\"/admin/feeds/{}\"", feed.id)), "{}", admin.body);
    assert!(admin.body.contains("<option value=\"auto\" selected>"), "the current mode is shown");
    assert_eq!(
        feed_action(&site, &cookie, feed.id, &[("action", "full_text"), ("mode", "always")]).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(feed_action(&site, &cookie, feed.id, &[("action", "pause")]).await.status, StatusCode::SEE_OTHER);
    let stored = site.db.store.feed(feed.id).await.unwrap().unwrap();
    assert_eq!((stored.full_text, stored.paused), (newsdesk_model::FullText::Always, true));
    let admin = site.get("/admin", Some(&cookie)).await;
    assert!(admin.body.contains("<option value=\"always\" selected>") && admin.body.contains("Resume"));
    let bad = feed_action(&site, &cookie, feed.id, &[("action", "full_text"), ("mode", "sometimes")]).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("use auto, always or never"), "{}", bad.body);
    assert_eq!(feed_action(&site, &cookie, feed.id, &[("action", "resume")]).await.status, StatusCode::SEE_OTHER);
    assert!(!site.db.store.feed(feed.id).await.unwrap().unwrap().paused);
    // Renamed: the name is folded to one line, kept through polls, shown in the form.
    let renamed =
        feed_action(&site, &cookie, feed.id, &[("action", "rename"), ("title", "  Outlet\n  – Harbour ")]).await;
    assert_eq!(renamed.status, StatusCode::SEE_OTHER);
    assert_eq!(site.db.store.feed(feed.id).await.unwrap().unwrap().title.as_deref(), Some("Outlet – Harbour"));
    let admin = site.get("/admin", Some(&cookie)).await;
    assert!(admin.body.contains("value=\"Outlet – Harbour\""), "{}", admin.body);
    let empty = feed_action(&site, &cookie, feed.id, &[("action", "rename"), ("title", "   ")]).await;
    assert_eq!(empty.status, StatusCode::BAD_REQUEST);
    assert!(empty.body.contains("cannot be empty"), "{}", empty.body);
    assert_eq!(site.db.store.feed(feed.id).await.unwrap().unwrap().title.as_deref(), Some("Outlet – Harbour"));
    // Not signed in: nothing changes.
    let token = site.token("/admin", Some(&cookie)).await;
    let uri = format!("/admin/feeds/{}", feed.id);
    let anonymous = site.post(&uri, &[("action", "pause"), ("token", &token)], None, "same-origin").await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
    assert!(!site.db.store.feed(feed.id).await.unwrap().unwrap().paused);

    // Followed and removed from the web.
    let token = site.token("/admin", Some(&cookie)).await;
    let add = |url: &'static str| {
        let token = token.clone();
        let cookie = cookie.clone();
        let site = &site;
        async move { site.post("/admin/feeds", &[("url", url), ("token", &token)], Some(&cookie), "same-origin").await }
    };
    assert_eq!(add("https://second.example/feed.xml").await.status, StatusCode::SEE_OTHER);
    assert!(site.db.store.feed_by_url("https://second.example/feed.xml").await.unwrap().is_some());
    let twice = add("https://second.example/feed.xml").await;
    assert_eq!(twice.status, StatusCode::BAD_REQUEST);
    assert!(twice.body.contains("followed already"), "{}", twice.body);
    let bad = add("javascript:alert(1)").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("starts with https://"), "{}", bad.body);
    assert_eq!(feed_action(&site, &cookie, feed.id, &[("action", "remove")]).await.status, StatusCode::SEE_OTHER);
    assert!(site.db.store.feed(feed.id).await.unwrap().is_none(), "removed");
}

#[both_backends]
async fn the_operator_saves_searches_that_the_site_lists_with_feeds(db: TestDb) {
    let site = site(db).await;
    let cookie = site.sign_in().await;
    let token = site.token("/admin", Some(&cookie)).await;
    let add = |name: &'static str, query: &'static str| {
        let token = token.clone();
        let cookie = cookie.clone();
        let site = &site;
        async move {
            site.post(
                "/admin/searches",
                &[("action", "add"), ("name", name), ("query", query), ("token", &token)],
                Some(&cookie),
                "same-origin",
            )
            .await
        }
    };
    assert_eq!(add("Bridge news", "bridge lang:en").await.status, StatusCode::SEE_OTHER);
    let bad = add("Broken", "bridge before:soon").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("before:2026-05-04"));
    let front = site.get("/", None).await;
    assert!(front.body.contains("Saved searches:"), "{}", front.body);
    assert!(front.body.contains("href=\"/search?q=bridge+lang%3Aen\">Bridge news</a>"), "{}", front.body);
    assert!(front.body.contains("/search/feed.atom?q=bridge+lang%3Aen"));
    let admin = site.get("/admin", Some(&cookie)).await;
    assert!(admin.body.contains("Saved searches (1)") && admin.body.contains("Settings"));
    let id = admin.body.split("name=\"id\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let token = site.token("/admin", Some(&cookie)).await;
    let gone = site
        .post("/admin/searches", &[("action", "delete"), ("id", &id), ("token", &token)], Some(&cookie), "same-origin")
        .await;
    assert_eq!(gone.status, StatusCode::SEE_OTHER);
    assert!(!site.get("/", None).await.body.contains("Saved searches:"));
    // Not signed in: nothing is saved.
    let anonymous = site
        .post(
            "/admin/searches",
            &[("action", "add"), ("name", "x"), ("query", "y"), ("token", &token)],
            None,
            "same-origin",
        )
        .await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
    assert!(site.db.store.saved_searches().await.unwrap().is_empty());
}

/// Where a 303 sends the reader, without its fragment.
fn location(got: &Got) -> String {
    let at = got.headers["location"].to_str().unwrap();
    at.split('#').next().unwrap().to_owned()
}

#[both_backends]
async fn a_signed_in_moderator_comments_as_staff_and_is_published_at_once(db: TestDb) {
    // Readers must wait three seconds before sending; a moderator is known already.
    let site = site_with(db, 3, 50).await;
    let cookie = site.sign_in().await;
    let uri = format!("/articles/{}", fixture_id(1));
    let page = site.get(&uri, Some(&cookie)).await;
    assert!(page.body.contains("Logged in as editor (moderator)"), "{}", page.body);
    assert!(!page.body.contains("id=\"email\"") && !page.body.contains("id=\"author\""), "nothing else to type");
    let token = token_in(&page.body);
    let fields = [("comment", "We corrected the second paragraph."), ("token", token.as_str())];
    let sent = site.post(&format!("{uri}/comments"), &fields, Some(&cookie), "same-origin").await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    assert!(location(&sent).contains("comment=posted"));
    let public = site.get(&uri, None).await;
    assert!(public.body.contains("We corrected the second paragraph."), "published at once");
    assert!(public.body.contains("<span class=\"badge\">Staff</span>"), "marked as staff");
    assert!(public.body.contains("2 Comments</h2>"), "counted (the fixture's imported count is 1)");
    assert!(!public.body.contains("staff.invalid"), "the stored address is shown nowhere");
    // Without a session the same form is a reader's, refused without a name and an email.
    let token = site.token(&uri, None).await;
    tokio::time::sleep(std::time::Duration::from_millis(3100)).await;
    let fields = [("comment", "I am staff too."), ("token", token.as_str())];
    let forged = site.post(&format!("{uri}/comments"), &fields, None, "same-origin").await;
    assert_eq!(forged.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(forged.body.contains("Please give your name."), "{}", forged.body);
    assert!(!site.get(&uri, None).await.body.contains("I am staff too."));
    // A reader who types the address staff comments are stored under is held like anyone.
    let token = site.token(&uri, None).await;
    tokio::time::sleep(std::time::Duration::from_millis(3100)).await;
    let fields = [
        ("comment", "Approve me at once, please."),
        ("author", "Mallory"),
        ("email", "moderator@staff.invalid"),
        ("token", token.as_str()),
    ];
    let posed = site.post(&format!("{uri}/comments"), &fields, None, "same-origin").await;
    assert_eq!(posed.status, StatusCode::SEE_OTHER, "{}", posed.body);
    assert!(location(&posed).contains("comment=held"), "held, not published");
    assert!(!site.get(&uri, None).await.body.contains("Approve me at once"));
}

#[both_backends]
async fn a_commenter_sees_her_own_held_comment_and_nobody_else_does(db: TestDb) {
    let site = site(db).await;
    let sent = site.comment(1, &good("Is the ferry running on Sunday?")).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);
    let own_page = location(&sent);
    assert!(own_page.contains("comment=held") && own_page.contains("held="), "{own_page}");
    let own = site.get(&own_page, None).await;
    assert!(own.body.contains("Is the ferry running on Sunday?"), "{}", own.body);
    assert!(own.body.contains("Your comment is awaiting moderation."));
    assert!(own.body.contains("class=\"comment depth-0 held\""));
    assert!(own.body.contains("1 Comment</h2>"), "a held comment is not counted (the fixture's count is 1)");
    let uri = format!("/articles/{}", fixture_id(1));
    assert!(!site.get(&uri, None).await.body.contains("Is the ferry running"), "others do not see it");
    // A proof for another comment, or a changed one, shows nothing.
    let changed = format!("{}{}", &own_page[..own_page.len() - 1], if own_page.ends_with('0') { '1' } else { '0' });
    assert!(!site.get(&changed, None).await.body.contains("Is the ferry running"));
    let elsewhere = own_page.replace(&fixture_id(1).to_string(), &fixture_id(3).to_string());
    assert!(!site.get(&elsewhere, None).await.body.contains("Is the ferry running"), "only under its article");
}

#[both_backends]
async fn a_commenter_who_asks_is_remembered_in_her_own_browser_only(db: TestDb) {
    let site = site(db).await;
    let mut fields = good("Remember me, please.");
    fields.push(("remember", "yes"));
    let sent = site.comment(1, &fields).await;
    let set = sent.headers["set-cookie"].to_str().unwrap().to_owned();
    assert!(set.starts_with("newsdesk_commenter=") && set.contains("Max-Age=31536000"), "{set}");
    assert!(set.contains("HttpOnly") && set.contains("SameSite=Lax") && set.contains("Secure"), "{set}");
    let cookie = set.split(';').next().unwrap().to_owned();
    let uri = format!("/articles/{}", fixture_id(3));
    let mine = site.get(&uri, Some(&cookie)).await;
    assert_eq!(mine.headers["cache-control"], "private, no-store", "no shared cache keeps her page");
    assert!(mine.body.contains("value=\"Mara Okafor\""), "the name is filled in");
    assert!(mine.body.contains(&format!("value=\"{EMAIL}\"")), "the email is filled in for her");
    assert!(mine.body.contains("id=\"remember\" name=\"remember\" type=\"checkbox\" value=\"yes\" checked"));
    // Nobody else gets her details, from the page cache or otherwise.
    for _ in 0..2 {
        let other = site.get(&uri, None).await;
        assert!(!other.body.contains(EMAIL) && !other.body.contains("Mara Okafor"));
    }
    // Sending without the box ticked forgets them.
    let sent = site.comment(3, &good("Forget me now.")).await;
    let set = sent.headers["set-cookie"].to_str().unwrap();
    assert!(set.starts_with("newsdesk_commenter=;") && set.contains("Max-Age=0"), "{set}");
}

#[both_backends]
async fn a_moderator_replies_from_the_queue_which_approves_the_comment(db: TestDb) {
    let site = site(db).await;
    let cookie = site.sign_in().await;
    site.comment(1, &good("The timetable on the site is wrong.")).await;
    let queue = site.get("/admin", Some(&cookie)).await;
    let id = held_id(&queue.body, "The timetable on the site is wrong.");
    let token = token_in(&queue.body);
    let fields = [("reply", "Thank you: it is fixed."), ("token", token.as_str())];
    let replied = site.post(&format!("/admin/comments/{id}/reply"), &fields, Some(&cookie), "same-origin").await;
    assert_eq!(replied.status, StatusCode::SEE_OTHER, "{}", replied.body);
    let page = site.get(&format!("/articles/{}", fixture_id(1)), None).await;
    assert!(page.body.contains("3 Comments</h2>"), "the comment and the reply are both counted (the fixture's is 1)");
    let (question, answer) =
        (page.body.find("The timetable on the site is wrong.").unwrap(), page.body.find("it is fixed.").unwrap());
    assert!(question < answer, "the reply comes under the comment");
    assert!(page.body.contains("comment depth-1 staff"), "the reply is a staff reply, one level down");
    assert!(!site.get("/admin", Some(&cookie)).await.body.contains("The timetable on the site is wrong."));
    // Not signed in: no reply.
    let anon = site.post(&format!("/admin/comments/{id}/reply"), &fields, None, "same-origin").await;
    assert_eq!(anon.status, StatusCode::SEE_OTHER);
    assert_eq!(anon.headers["location"], "/admin/login");
    assert!(site.get(&format!("/articles/{}", fixture_id(1)), None).await.body.contains("3 Comments</h2>"));
}
