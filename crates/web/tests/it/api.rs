//! The JSON API through the real router on both backends.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use newsdesk_testkit::{TestDb, both_backends};
use newsdesk_testkit::{fixture_article, fixture_id};
use newsdesk_web::{SiteSettings, new_api_token, router};
use serde_json::Value;
use tower::ServiceExt;

struct Api {
    app: Router,
    db: TestDb,
}

async fn api(db: TestDb) -> Api {
    for n in 1..=5u16 {
        db.store
            .upsert_article(fixture_article(
                n,
                &format!("Harbour story number {n}"),
                "The harbour ferry runs again.\nCrews finished the wall.",
            ))
            .await
            .unwrap();
    }
    let settings = SiteSettings::new("Test Desk".into(), "https://desk.example/".parse().unwrap(), 20);
    Api { app: router(db.store.clone(), settings).unwrap(), db }
}

impl Api {
    async fn call(&self, method: &str, uri: &str, token: Option<&str>, body: Option<&str>) -> (StatusCode, Value) {
        let mut request = Request::builder().method(method).uri(uri);
        if let Some(t) = token {
            request = request.header("authorization", format!("Bearer {t}"));
        }
        let request =
            request.header("content-type", "application/json").body(Body::from(body.unwrap_or("").to_owned())).unwrap();
        let response = self.app.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let bytes = axum::body::to_bytes(response.into_body(), 10 << 20).await.unwrap();
        let value = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&bytes)))
        };
        (status, value)
    }

    async fn get(&self, uri: &str) -> (StatusCode, Value) {
        self.call("GET", uri, None, None).await
    }
}

#[both_backends]
async fn articles_page_with_cursors_to_the_end(db: TestDb) {
    let api = api(db).await;
    let (status, first) = api.get("/api/v1/articles?limit=2").await;
    assert_eq!(status, StatusCode::OK);
    let mut seen: Vec<String> =
        first["items"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap().to_owned()).collect();
    let mut cursor = first["next_cursor"].as_str().map(str::to_owned);
    while let Some(c) = cursor {
        let (status, page) = api.get(&format!("/api/v1/articles?limit=2&cursor={c}")).await;
        assert_eq!(status, StatusCode::OK);
        seen.extend(page["items"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap().to_owned()));
        cursor = page["next_cursor"].as_str().map(str::to_owned);
    }
    let expected: Vec<String> = (1..=5).map(|n| fixture_id(n).to_string()).collect();
    assert_eq!(seen, expected, "every article once, in id order");
    assert!(first["items"][0].get("body_text").is_none(), "lists carry no bodies");
}

#[both_backends]
async fn an_article_has_its_body_and_understanding(db: TestDb) {
    let api = api(db).await;
    let (status, a) = api.get(&format!("/api/v1/articles/{}", fixture_id(3))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(a["title"], "Harbour story number 3");
    assert_eq!(a["body_text"], "The harbour ferry runs again.\nCrews finished the wall.");
    assert!(a["entities"].is_array() && a["keyphrases"].is_array() && a.get("story").is_some());
    let (status, comments) = api.get(&format!("/api/v1/articles/{}/comments", fixture_id(3))).await;
    assert_eq!((status, comments["items"].as_array().map(Vec::len)), (StatusCode::OK, Some(0)));
}

#[both_backends]
async fn errors_are_json_with_stable_codes(db: TestDb) {
    let api = api(db).await;
    for (uri, status, code) in [
        ("/api/v1/articles/not-a-uuid", StatusCode::BAD_REQUEST, "invalid_id"),
        ("/api/v1/articles/019a2b10-4c00-7a01-8b00-00000000ffff", StatusCode::NOT_FOUND, "not_found"),
        ("/api/v1/articles?limit=0", StatusCode::BAD_REQUEST, "invalid_limit"),
        ("/api/v1/articles?limit=many", StatusCode::BAD_REQUEST, "invalid_limit"),
        ("/api/v1/articles?cursor=zz", StatusCode::BAD_REQUEST, "invalid_cursor"),
        ("/api/v1/stories?cursor=%00", StatusCode::BAD_REQUEST, "invalid_cursor"),
        ("/api/v1/search", StatusCode::BAD_REQUEST, "missing_query"),
        ("/api/v1/entities/planet/mars", StatusCode::BAD_REQUEST, "invalid_kind"),
        ("/api/v1/no-such-thing", StatusCode::NOT_FOUND, "not_found"),
        ("/api/v1/admin/feeds", StatusCode::UNAUTHORIZED, "unauthorized"),
    ] {
        let (got, body) = api.get(uri).await;
        assert_eq!(got, status, "{uri}: {body}");
        assert_eq!(body["error"]["code"], code, "{uri}: {body}");
        assert!(body["error"]["message"].as_str().is_some_and(|m| !m.is_empty()), "{uri}");
    }
}

#[both_backends]
async fn nul_characters_in_requests_are_bad_input_not_failures(db: TestDb) {
    let api = api(db).await;
    // PostgreSQL cannot hold NUL in text, SQLite can: neither answers with a failure.
    for uri in [
        "/api/v1/sources/a%00b",
        "/api/v1/entities/person/a%00b",
        "/api/v1/search?q=source:a%00b",
        "/api/v1/search?q=harbour%00",
    ] {
        let (status, body) = api.get(uri).await;
        assert!(status.is_success() || status.is_client_error(), "{uri}: {status} {body}");
        if status.is_client_error() {
            let code = body["error"]["code"].as_str().unwrap();
            assert!(["invalid", "not_found"].contains(&code), "{uri}: {body}");
        }
    }
}

#[both_backends]
async fn search_and_stories_answer_in_pages(db: TestDb) {
    let api = api(db).await;
    let (status, found) = api.get("/api/v1/search?q=harbour&limit=2").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(found["total"], 5);
    assert_eq!(found["items"].as_array().unwrap().len(), 2);
    assert!(found["next_cursor"].is_string());
    assert!(found["items"][0]["snippet"].as_array().unwrap().iter().any(|p| p["kind"] == "match"));
    // A search lists its first 1,000 results: a cursor past them is refused, saying why.
    let (status, deep) = api.get("/api/v1/search?q=harbour&cursor=o1000").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(deep["error"]["code"], "search_too_deep", "{deep}");
    let (status, _) = api.get("/api/v1/search?q=harbour&cursor=o999").await;
    assert_eq!(status, StatusCode::OK);
    let (status, stories) = api.get("/api/v1/stories").await;
    assert_eq!(status, StatusCode::OK);
    assert!(stories["items"].is_array());
    let (status, sources) = api.get("/api/v1/sources").await;
    assert_eq!((status, sources["next_cursor"].clone()), (StatusCode::OK, Value::Null));
}

#[both_backends]
async fn admin_needs_a_token_and_manages_feeds_and_comments(db: TestDb) {
    let api = api(db).await;
    let (token, hash) = new_api_token().unwrap();
    assert!(api.db.store.create_api_token("bot", &hash).await.unwrap());
    let (status, _) = api.call("GET", "/api/v1/admin/feeds", Some("nd_wrong"), None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    let (status, feed) = api
        .call("POST", "/api/v1/admin/feeds", Some(&token), Some(r#"{"url": "https://coast.example/feed.xml"}"#))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{feed}");
    assert_eq!((feed["full_text"].as_str(), feed["paused"].as_bool()), (Some("auto"), Some(false)));
    let id = feed["id"].as_str().unwrap().to_owned();
    let (status, again) = api
        .call("POST", "/api/v1/admin/feeds", Some(&token), Some(r#"{"url": "https://coast.example/feed.xml"}"#))
        .await;
    assert_eq!((status, again["error"]["code"].as_str()), (StatusCode::CONFLICT, Some("conflict")));
    let (status, bad) =
        api.call("POST", "/api/v1/admin/feeds", Some(&token), Some(r#"{"url": "javascript:alert(1)"}"#)).await;
    assert_eq!((status, bad["error"]["code"].as_str()), (StatusCode::BAD_REQUEST, Some("invalid_url")));

    let (status, changed) = api
        .call(
            "PATCH",
            &format!("/api/v1/admin/feeds/{id}"),
            Some(&token),
            Some(r#"{"paused": true, "full_text": "never"}"#),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert_eq!((changed["paused"].as_bool(), changed["full_text"].as_str()), (Some(true), Some("never")));
    let feed_uri = format!("/api/v1/admin/feeds/{id}");
    let (status, renamed) = api.call("PATCH", &feed_uri, Some(&token), Some(r#"{"title": "Harbour desk"}"#)).await;
    assert_eq!((status, renamed["title"].as_str()), (StatusCode::OK, Some("Harbour desk")), "{renamed}");
    // A name with nothing in it changes nothing, not even what came with it.
    let (status, refused) =
        api.call("PATCH", &feed_uri, Some(&token), Some(r#"{"title": "  ", "paused": false}"#)).await;
    assert_eq!((status, refused["error"]["code"].as_str()), (StatusCode::BAD_REQUEST, Some("invalid")), "{refused}");
    let (_, list) = api.call("GET", "/api/v1/admin/feeds", Some(&token), None).await;
    assert_eq!(
        (list["items"][0]["title"].as_str(), list["items"][0]["paused"].as_bool()),
        (Some("Harbour desk"), Some(true))
    );
    let (status, list) = api.call("GET", "/api/v1/admin/feeds", Some(&token), None).await;
    assert_eq!((status, list["items"].as_array().map(Vec::len)), (StatusCode::OK, Some(1)));
    let (status, _) = api.call("DELETE", &format!("/api/v1/admin/feeds/{id}"), Some(&token), None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = api.call("DELETE", &format!("/api/v1/admin/feeds/{id}"), Some(&token), None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let (status, queue) = api.call("GET", "/api/v1/admin/comments", Some(&token), None).await;
    assert_eq!((status, queue["items"].as_array().map(Vec::len)), (StatusCode::OK, Some(0)));
    let unknown = format!("/api/v1/admin/comments/{}", fixture_id(9));
    let (status, body) = api.call("POST", &unknown, Some(&token), Some(r#"{"action": "approve"}"#)).await;
    assert_eq!((status, body["error"]["code"].as_str()), (StatusCode::NOT_FOUND, Some("not_found")));
    let (status, body) = api.call("POST", &unknown, Some(&token), Some(r#"{"action": "burn"}"#)).await;
    assert_eq!((status, body["error"]["code"].as_str()), (StatusCode::BAD_REQUEST, Some("invalid_action")));
}

/// Holds `n` comments from as many new commenters, spread over the five articles.
async fn hold_comments(db: &TestDb, n: u16) -> Vec<String> {
    let mut ids = Vec::new();
    for i in 0..n {
        let comment = newsdesk_testkit::fixture_comment(i, fixture_id(1 + i % 5), &format!("Held comment number {i}."));
        let outcome = db.store.add_comment(comment).await.unwrap();
        match outcome {
            newsdesk_store::CommentOutcome::Stored { id, .. } => ids.push(id.to_string()),
            other => panic!("{other:?}"),
        }
    }
    ids
}

#[both_backends]
async fn the_moderation_queue_pages_past_two_hundred_comments(db: TestDb) {
    let api = api(db).await;
    let (token, hash) = new_api_token().unwrap();
    assert!(api.db.store.create_api_token("bot", &hash).await.unwrap());
    let held = hold_comments(&api.db, 230).await;

    // Followed page by page, every held comment comes once, oldest first.
    let mut seen: Vec<String> = Vec::new();
    let mut uri = "/api/v1/admin/comments?limit=100".to_owned();
    let mut pages = 0;
    loop {
        let (status, page) = api.call("GET", &uri, Some(&token), None).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        assert_eq!(page["total"].as_u64(), Some(230), "the number held is in every answer");
        let items = page["items"].as_array().unwrap();
        assert!(items.len() <= 100);
        seen.extend(items.iter().map(|h| h["comment"]["id"].as_str().unwrap().to_owned()));
        pages += 1;
        match page["next_cursor"].as_str() {
            Some(cursor) => uri = format!("/api/v1/admin/comments?limit=100&cursor={cursor}"),
            None => break,
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(seen, held, "every held comment, once each, in the order they came");
    let (_, first) = api.call("GET", "/api/v1/admin/comments", Some(&token), None).await;
    assert_eq!(first["items"].as_array().map(Vec::len), Some(20), "20 by default, like every list");

    // Moderating while walking the queue neither skips nor repeats a comment.
    let (_, page) = api.call("GET", "/api/v1/admin/comments?limit=50", Some(&token), None).await;
    let cursor = page["next_cursor"].as_str().unwrap().to_owned();
    for h in page["items"].as_array().unwrap().iter().take(10) {
        let uri = format!("/api/v1/admin/comments/{}", h["comment"]["id"].as_str().unwrap());
        let (status, _) = api.call("POST", &uri, Some(&token), Some(r#"{"action": "approve"}"#)).await;
        assert_eq!(status, StatusCode::OK);
    }
    let (_, next) =
        api.call("GET", &format!("/api/v1/admin/comments?limit=50&cursor={cursor}"), Some(&token), None).await;
    assert_eq!(next["items"][0]["comment"]["id"].as_str(), Some(held[50].as_str()));
    assert_eq!(next["total"].as_u64(), Some(220));

    for (bad, code) in [
        ("limit=0", "invalid_limit"),
        ("limit=101", "invalid_limit"),
        ("cursor=o20", "invalid_cursor"),
        ("cursor=h12.not-an-id", "invalid_cursor"),
        ("cursor=h99999999999999999999.019a2b10-4c00-7a01-8b00-00000000d004", "invalid_cursor"),
    ] {
        let (status, body) = api.call("GET", &format!("/api/v1/admin/comments?{bad}"), Some(&token), None).await;
        assert_eq!((status, body["error"]["code"].as_str()), (StatusCode::BAD_REQUEST, Some(code)), "{bad}");
    }
    let (status, _) = api.call("GET", "/api/v1/admin/comments", None, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[both_backends]
async fn an_articles_comments_are_paged_past_any_number(db: TestDb) {
    let api = api(db).await;
    let held = hold_comments(&api.db, 60).await;
    let ids: Vec<newsdesk_model::CommentId> = held.iter().map(|h| h.parse().unwrap()).collect();
    api.db.store.moderate_all(&ids, newsdesk_store::Moderation::Approve).await.unwrap();
    // 12 of the 60 are on the first article (every fifth).
    let mut seen = Vec::new();
    let mut uri = format!("/api/v1/articles/{}/comments?limit=5", fixture_id(1));
    loop {
        let (status, page) = api.get(&uri).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        seen.extend(page["items"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap().to_owned()));
        match page["next_cursor"].as_str() {
            Some(c) => uri = format!("/api/v1/articles/{}/comments?limit=5&cursor={c}", fixture_id(1)),
            None => break,
        }
    }
    let expected: Vec<String> = held.iter().step_by(5).cloned().collect();
    assert_eq!(seen, expected, "every approved comment, once, oldest first");
    let (status, bad) = api.get(&format!("/api/v1/articles/{}/comments?cursor=o5", fixture_id(1))).await;
    assert_eq!((status, bad["error"]["code"].as_str()), (StatusCode::BAD_REQUEST, Some("invalid_cursor")));
}

#[both_backends]
async fn articles_since_a_time_and_reading_from_any_site(db: TestDb) {
    let api = api(db).await;
    // Public reading answers any site's scripts; administration does not.
    let response = api
        .app
        .clone()
        .oneshot(
            Request::get("/api/v1/articles").header("origin", "https://reader.example").body(Body::empty()).unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(response.headers()["access-control-allow-origin"], "*");
    let admin =
        api.app.clone().oneshot(Request::get("/api/v1/admin/feeds").body(Body::empty()).unwrap()).await.unwrap();
    assert!(admin.headers().get("access-control-allow-origin").is_none());

    // Changed since a time: only those, in the order they changed, page by page.
    let before = chrono::Utc::now();
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    for n in [2u16, 4] {
        api.db
            .store
            .upsert_article(fixture_article(n, &format!("Harbour story number {n}, updated"), "The ferry runs again."))
            .await
            .unwrap();
    }
    let since = before.to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
    let (status, page) = api.get(&format!("/api/v1/articles?limit=1&since={}", since.replace('+', "%2B"))).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert_eq!(page["items"][0]["title"], "Harbour story number 2, updated");
    let cursor = page["next_cursor"].as_str().unwrap().to_owned();
    let (_, next) = api.get(&format!("/api/v1/articles?limit=1&since={since}&cursor={cursor}")).await;
    assert_eq!(next["items"][0]["title"], "Harbour story number 4, updated");
    assert_eq!(next["next_cursor"], Value::Null);
    let (_, all) = api.get("/api/v1/articles?since=2000-01-01").await;
    assert_eq!(all["items"].as_array().map(Vec::len), Some(5), "a day works too");
    let (status, bad) = api.get("/api/v1/articles?since=yesterday").await;
    assert_eq!((status, bad["error"]["code"].as_str()), (StatusCode::BAD_REQUEST, Some("invalid_since")));
    let (status, bad) = api.get(&format!("/api/v1/articles?since={since}&cursor=m12.x")).await;
    assert_eq!((status, bad["error"]["code"].as_str()), (StatusCode::BAD_REQUEST, Some("invalid_cursor")));
    // A cursor continues the walk it came from, whatever else the query says.
    let (status, by_id) = api.get(&format!("/api/v1/articles?since={since}&cursor=a{}", fixture_id(1))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(by_id["items"][0]["id"], fixture_id(2).to_string());
    let (status, by_change) = api.get(&format!("/api/v1/articles?cursor={cursor}")).await;
    assert_eq!(
        (status, by_change["items"][0]["title"].as_str()),
        (StatusCode::OK, Some("Harbour story number 4, updated"))
    );
}

#[both_backends]
async fn the_openapi_document_lists_every_endpoint(db: TestDb) {
    let api = api(db).await;
    let (status, doc) = api.get("/api/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(doc["openapi"], "3.0.3");
    for path in [
        "/api/v1/articles",
        "/api/v1/articles/{id}",
        "/api/v1/articles/{id}/comments",
        "/api/v1/stories",
        "/api/v1/stories/{id}",
        "/api/v1/entities/{kind}/{key}",
        "/api/v1/sources",
        "/api/v1/sources/{domain}",
        "/api/v1/search",
        "/api/v1/admin/comments",
        "/api/v1/admin/comments/{id}",
        "/api/v1/admin/feeds",
        "/api/v1/admin/feeds/{id}",
        "/api/v1/admin/sources/{domain}",
    ] {
        assert!(doc["paths"].get(path).is_some(), "{path} is not documented");
    }
}
