//! The site, request by request, through the real router on both backends.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use newsdesk_model::ArticleUpsert;
use newsdesk_testkit::{TestDb, both_backends};
use newsdesk_testkit::{fixture_article, fixture_id};
use newsdesk_web::{SiteSettings, router};
use tower::ServiceExt;

struct Site {
    app: Router,
    _db: TestDb,
}

struct Got {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

impl Got {
    /// The body with minijinja's escaped slashes (`&#x2f;`, valid in HTML) read back, for
    /// assertions about links. XSS assertions use the raw body.
    fn links(&self) -> String {
        self.body.replace("&#x2f;", "/")
    }
}

async fn site_with(db: TestDb, articles: Vec<ArticleUpsert>, page_size: u32) -> Site {
    for a in articles {
        db.store.upsert_article(a).await.unwrap();
    }
    let settings = SiteSettings::new("Test Desk".into(), "https://desk.example/".parse().unwrap(), page_size);
    Site { app: router(db.store.clone(), settings).unwrap(), _db: db }
}

async fn site(db: TestDb) -> Site {
    site_with(
        db,
        vec![
            fixture_article(1, "Harbour bridge reopens", "Crews replaced the deck plates.\nFerries stop on Friday."),
            fixture_article(
                2,
                "Library extends hours",
                "The central library opens until ten.\nThe harbour branch follows in June.",
            ),
            fixture_article(3, "Tram line delayed", "Signal faults delay the new tram line."),
        ],
        20,
    )
    .await
}

impl Site {
    async fn get(&self, uri: &str) -> Got {
        let response = self.app.clone().oneshot(Request::get(uri).body(Body::empty()).unwrap()).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = axum::body::to_bytes(response.into_body(), 10 << 20).await.unwrap();
        Got { status, headers, body: String::from_utf8(bytes.to_vec()).unwrap() }
    }
}

fn assert_security_headers(got: &Got) {
    let csp = got.headers["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("default-src 'none'"), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert!(!csp.contains("script-src"), "no script source at all: {csp}");
    assert_eq!(got.headers["x-content-type-options"], "nosniff");
    assert_eq!(got.headers["referrer-policy"], "strict-origin-when-cross-origin");
    assert_eq!(got.headers["x-frame-options"], "DENY");
}

#[both_backends]
async fn front_page_lists_newest_first(db: TestDb) {
    let site = site(db).await;
    let got = site.get("/").await;
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(got.headers["content-type"], "text/html; charset=utf-8");
    let bridge = got.body.find("Harbour bridge reopens").unwrap();
    let library = got.body.find("Library extends hours").unwrap();
    let tram = got.body.find("Tram line delayed").unwrap();
    assert!(tram < library && library < bridge, "newest (day 4) first");
    assert!(got.body.contains(&format!("href=\"/articles/{}\"", fixture_id(1))));
    assert!(!got.body.contains("<script"), "no JavaScript anywhere");
    assert_security_headers(&got);
    // One snapshot for both backends: they must render the same page.
    insta::with_settings!({prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!("front_page", got.body);
    });
}

#[both_backends]
async fn latest_articles_paginate(db: TestDb) {
    let articles = (1..=5).map(|n| fixture_article(n, &format!("Report {n}"), "Body.")).collect();
    let site = site_with(db, articles, 2).await;
    let first = site.get("/latest").await;
    assert!(first.body.contains("Report 5") && first.body.contains("Report 4") && !first.body.contains("Report 3"));
    assert!(first.links().contains("href=\"/latest?page=2\""), "{}", first.body);
    let third = site.get("/latest?page=3").await;
    assert!(third.body.contains("Report 1") && !third.body.contains("Report 2"));
    assert!(third.body.contains("Page 3 of 3"));
    let beyond = site.get("/latest?page=9").await;
    assert_eq!(beyond.status, StatusCode::OK);
    assert!(beyond.body.contains("There are no articles on this page"));
}

#[both_backends]
async fn malformed_page_numbers_are_400_pages(db: TestDb) {
    let site = site(db).await;
    for uri in ["/?page=abc", "/?page=0", "/search?q=x&page=-3", "/?page=%FF%FE"] {
        let got = site.get(uri).await;
        assert_eq!(got.status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(got.body.contains("whole number from 1 to 10000"), "{uri}: {}", got.body);
        assert_security_headers(&got);
    }
}

#[both_backends]
async fn a_search_lists_its_first_thousand_results_and_says_how_to_go_further(db: TestDb) {
    let site = site(db).await;
    // The page size is 20 here: page 50 is the last of 1,000 results, page 51 is refused with
    // what to do instead, before the database is asked.
    let last = site.get("/search?q=lang:en&page=50").await;
    assert_eq!(last.status, StatusCode::OK, "{}", last.body);
    let deeper = site.get("/search?q=lang:en&page=51").await;
    assert_eq!(deeper.status, StatusCode::BAD_REQUEST);
    assert!(deeper.body.contains("Search lists the first 1000 results (50 pages)"), "{}", deeper.body);
    assert!(deeper.body.contains("narrow the search: more words"), "{}", deeper.body);
    let help = site.get("/search").await;
    assert!(help.body.contains("A search lists its first 1000"), "{}", help.body);
}

#[both_backends]
async fn article_page_has_everything_the_old_site_had(db: TestDb) {
    let site = site(db).await;
    let id = fixture_id(1);
    let got = site.get(&format!("/articles/{id}")).await;
    assert_eq!(got.status, StatusCode::OK);
    let b = &got.body;
    assert!(b.contains("<h1>Harbour bridge reopens</h1>"));
    assert!(b.contains("1 comment</a>"), "comment count");
    assert!(b.contains(&id.to_string()), "article id");
    assert!(b.contains("Harbour bridge reopens: the short version."), "summary");
    assert!(
        b.contains("<p>Crews replaced the deck plates.</p>") && b.contains("<p>Ferries stop on Friday.</p>"),
        "body"
    );
    assert!(
        got.links().contains(r#"Original Source: <a href="https://www.harbourgazette.example/" rel="noopener noreferrer nofollow">www.harbourgazette.example</a>"#),
        "original source link"
    );
    assert!(b.contains(r#"id="discussion""#), "the discussion");
    assert!(b.contains("Leave a Reply"));
    assert!(b.contains(
        "Your email address will not be published. Required fields are marked <span class=\"required\">*</span>"
    ));
    for field in ["Comment", "Name", "Email"] {
        assert!(b.contains(&format!(">{field} <span class=\"required\">*</span></label>")), "{field} is required");
    }
    assert!(b.contains(">Website</label>"));
    assert!(b.contains("By Desk Reporter"));
    assert!(b.contains(r#"<article class="story" lang="en">"#));
    assert_security_headers(&got);
    // The form token changes with the time and the site's secret.
    let token = b.split("name=\"token\" value=\"").nth(1).unwrap().split('"').next().unwrap();
    // One snapshot for both backends: they must render the same page.
    insta::with_settings!({prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!("article_page", got.body.replace(token, "[token]"));
    });
}

#[both_backends]
async fn unknown_ids_are_404_and_malformed_ids_400(db: TestDb) {
    let site = site(db).await;
    let unknown = site.get(&format!("/articles/{}", fixture_id(999))).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert!(unknown.body.contains("There is no article with the id"));
    assert_security_headers(&unknown);
    for bad in ["/articles/42", "/articles/not-an-id", "/articles/%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/articles/%FF"]
    {
        let got = site.get(bad).await;
        assert_eq!(got.status, StatusCode::BAD_REQUEST, "{bad}: {}", got.body);
        assert!(got.body.contains("is not a valid id"), "{bad}");
        assert!(!got.body.contains("<script>alert"), "{bad}: reflected input is escaped");
    }
    let nowhere = site.get("/no/such/page").await;
    assert_eq!(nowhere.status, StatusCode::NOT_FOUND);
    assert!(nowhere.links().contains("There is no page at /no/such/page."), "{}", nowhere.body);
    assert_security_headers(&nowhere);
}

#[both_backends]
async fn hostile_article_content_is_inert(db: TestDb) {
    let hostile = ArticleUpsert {
        title: "<script>alert('t')</script> Title".into(),
        summary: "<img src=x onerror=alert('s')>".into(),
        body_html: Some(newsdesk_model::SafeHtml::sanitize(
            "<p>ok</p><script>alert('b')</script><a href=\"javascript:alert(1)\">x</a>",
        )),
        byline: Some("\"><script>alert('by')</script>".into()),
        ..fixture_article(7, "placeholder", "body")
    };
    let site = site_with(db, vec![hostile], 20).await;
    for uri in [format!("/articles/{}", fixture_id(7)), "/".into(), "/search?q=title".into(), "/feed.atom".into()] {
        let got = site.get(&uri).await;
        assert_eq!(got.status, StatusCode::OK, "{uri}");
        assert!(!got.body.contains("<script>"), "{uri}: {}", got.body);
        assert!(!got.body.contains("<img src=x"), "{uri}");
        assert!(!got.body.contains("javascript:"), "{uri}");
    }
}

#[both_backends]
async fn search_finds_ranks_highlights_and_escapes(db: TestDb) {
    let site = site(db).await;
    let got = site.get("/search?q=harbour").await;
    assert_eq!(got.status, StatusCode::OK);
    assert!(got.body.contains("2 results for “harbour”"), "{}", got.body);
    let title_hit = got.body.find("Harbour bridge reopens").unwrap();
    let body_hit = got.body.find("Library extends hours").unwrap();
    assert!(title_hit < body_hit, "a title match ranks above a body match");
    assert!(got.body.contains("<mark>harbour</mark>") || got.body.contains("<mark>Harbour</mark>"));
    assert_security_headers(&got);
    // One snapshot for both backends: they must render the same page.
    insta::with_settings!({prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!("search_page", got.body);
    });

    let xss = site.get("/search?q=%3Cscript%3EstealCookies()%3C%2Fscript%3E").await;
    assert_eq!(xss.status, StatusCode::OK);
    assert!(!xss.body.contains("<script>stealCookies"), "{}", xss.body);
    assert!(xss.links().contains("&lt;script&gt;stealCookies()&lt;/script&gt;"), "{}", xss.body);

    let empty = site.get("/search").await;
    assert!(empty.body.contains("Search titles, summaries and article text."));
    let none = site.get("/search?q=zeppelin").await;
    assert!(none.body.contains("0 results for “zeppelin”"));
}

#[both_backends]
async fn prefix_searches_past_the_gate_are_told_the_site_is_busy_and_nothing_else_is(db: TestDb) {
    for a in [fixture_article(1, "Harbour bridge reopens", "Crews replaced the deck plates.")] {
        db.store.upsert_article(a).await.unwrap();
    }
    // One search for the start of a word at a time and no waiting: while one reads the
    // database, the others are refused at once, each saying when to come back; a search for
    // whole words and a page are not.
    let mut settings = SiteSettings::new("Test Desk".into(), "https://desk.example/".parse().unwrap(), 20);
    settings.prefix_searches_at_once = 1;
    settings.prefix_search_wait = std::time::Duration::ZERO;
    let site = Site { app: router(db.store.clone(), settings).unwrap(), _db: db };
    let mut refusals = Vec::new();
    // Which search holds the gate, and whether another arrives while it does, is up to the
    // scheduler: a few rounds show both.
    for _ in 0..20 {
        let (html, page, api, words, feed) = tokio::join!(
            site.get("/search?q=harb*"),
            site.get("/latest"),
            site.get("/api/v1/search?q=harb*"),
            site.get("/search?q=harbour"),
            site.get("/search/feed.atom?q=harb*"),
        );
        assert_eq!(page.status, StatusCode::OK, "pages never wait at the gate");
        assert_eq!(words.status, StatusCode::OK, "nor do searches for whole words");
        let searches = [html, api, feed];
        assert!(searches.iter().any(|got| got.status == StatusCode::OK), "the search holding the gate is answered");
        refusals.extend(searches.into_iter().filter(|got| got.status != StatusCode::OK));
        if !refusals.is_empty() {
            break;
        }
    }
    assert!(!refusals.is_empty(), "a search arriving while another runs is refused");
    for refused in &refusals {
        assert_eq!(refused.status, StatusCode::SERVICE_UNAVAILABLE, "{}", refused.body);
        assert_eq!(refused.headers["retry-after"], "5");
        assert!(refused.body.contains("Many searches for the start of a word"), "{}", refused.body);
        if refused.headers["content-type"] == "application/json" {
            assert!(refused.body.contains("\"code\":\"busy\""), "{}", refused.body);
        }
    }
    // The gate is open again once the search holding it is done.
    let again = site.get("/api/v1/search?q=harb*").await;
    assert_eq!(again.status, StatusCode::OK);
    assert!(again.body.contains("Harbour bridge reopens"));
}

#[both_backends]
async fn search_paginates_and_keeps_the_query(db: TestDb) {
    let articles = (1..=5).map(|n| fixture_article(n, &format!("Ferry timetable {n}"), "Ferries.")).collect();
    let site = site_with(db, articles, 2).await;
    let first = site.get("/search?q=ferry+timetable").await;
    assert!(first.body.contains("5 results"));
    assert!(first.links().contains("href=\"/search?q=ferry+timetable&amp;page=2\""), "{}", first.body);
    let third = site.get("/search?q=ferry+timetable&page=3").await;
    assert_eq!(third.body.matches("class=\"card\"").count(), 1);
}

#[both_backends]
async fn atom_feed_lists_articles_with_absolute_links(db: TestDb) {
    let site = site(db).await;
    let got = site.get("/feed.atom").await;
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(got.headers["content-type"], "application/atom+xml; charset=utf-8");
    assert!(got.body.contains(&format!("<id>urn:uuid:{}</id>", fixture_id(1))));
    assert!(got.body.contains(&format!("href=\"https://desk.example/articles/{}\"", fixture_id(2))));
    assert!(got.body.contains("href=\"https://desk.example/feed.atom\""));
    assert_eq!(got.body.matches("<entry>").count(), 3);
    assert_security_headers(&got);
}

#[both_backends]
async fn a_method_an_address_does_not_take_gets_an_error_that_says_so(db: TestDb) {
    let site = site(db).await;
    let send = |method: &'static str, uri: &'static str| {
        let app = site.app.clone();
        async move {
            let response =
                app.oneshot(Request::builder().method(method).uri(uri).body(Body::empty()).unwrap()).await.unwrap();
            let status = response.status();
            let bytes = axum::body::to_bytes(response.into_body(), 1 << 20).await.unwrap();
            (status, String::from_utf8(bytes.to_vec()).unwrap())
        }
    };
    let (status, page) = send("POST", "/latest").await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(page.contains("does not take POST requests"), "{page}");
    let (status, json) = send("DELETE", "/api/v1/articles").await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["error"]["code"], "method_not_allowed");
}

/// One raw HTTP/1.1 exchange with the site served on a loopback port.
async fn raw_exchange(site: &Site, request: String) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = site.app.clone();
    let server = tokio::spawn(newsdesk_web::serve(listener, app, std::future::pending()));
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.unwrap();
    server.abort();
    String::from_utf8_lossy(&answer).into_owned()
}

#[both_backends]
async fn an_overlong_or_unreadable_request_gets_an_error_that_says_so(db: TestDb) {
    let site = site(db).await;
    let long = "a".repeat(9000);
    let answer =
        raw_exchange(&site, format!("GET /search?q={long} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n")).await;
    assert!(answer.starts_with("HTTP/1.1 414"), "{answer:.200}");
    assert!(answer.contains("newsdesk reads addresses up to 8 KiB"), "{answer}");
    let answer =
        raw_exchange(&site, format!("GET /api/v1/articles?q={long} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n"))
            .await;
    assert!(answer.starts_with("HTTP/1.1 414"), "{answer:.200}");
    assert!(answer.contains("\"code\":\"uri_too_long\""), "{answer}");
    let many: String = (0..70).map(|i| format!("x-extra-{i}: {i}\r\n")).collect();
    let answer = raw_exchange(&site, format!("GET / HTTP/1.1\r\nhost: x\r\n{many}connection: close\r\n\r\n")).await;
    assert!(answer.starts_with("HTTP/1.1 431"), "{answer:.200}");
    assert!(answer.contains("has 72 header lines; newsdesk reads up to 64"), "{answer}");
    let big = "b".repeat(40 * 1024);
    let answer =
        raw_exchange(&site, format!("GET / HTTP/1.1\r\nhost: x\r\ncookie: {big}\r\nconnection: close\r\n\r\n")).await;
    assert!(answer.starts_with("HTTP/1.1 431"), "{answer:.200}");
    assert!(answer.contains("newsdesk reads up to 32 KiB"), "{answer}");
    // Bytes that are no HTTP request, or one hyper would refuse, get a page saying so.
    for (raw, status, says) in [
        ("GET /a\u{1}b HTTP/1.1\r\nhost: x\r\n\r\n", "400", "the method or the address"),
        ("GET / HTTP/1.1\r\nhost x\r\n\r\n", "400", "a header name"),
        ("\u{16}\u{3}\u{1} hello\r\n\r\n", "400", "not an HTTP/1.1 request"),
    ] {
        let answer = raw_exchange(&site, raw.to_owned()).await;
        assert!(answer.starts_with(&format!("HTTP/1.1 {status}")), "{answer:.200}");
        assert!(answer.contains(says) && answer.contains("</html>"), "{answer}");
        assert!(answer.contains("content-security-policy"), "{answer}");
    }
    let many: String = (0..110).map(|i| format!("x-extra-{i}: {i}\r\n")).collect();
    let answer = raw_exchange(&site, format!("GET / HTTP/1.1\r\nhost: x\r\n{many}\r\n")).await;
    assert!(answer.starts_with("HTTP/1.1 431"), "{answer:.200}");
    assert!(answer.contains("more than 100 header lines"), "{answer}");
    // Within the bounds, the page itself.
    let answer = raw_exchange(&site, "GET /latest HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n".into()).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer:.200}");
}

#[both_backends]
async fn stylesheet_is_served_with_headers(db: TestDb) {
    let site = site(db).await;
    let got = site.get("/static/style.css").await;
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(got.headers["content-type"], "text/css; charset=utf-8");
    assert!(got.body.contains("prefers-color-scheme"));
    assert_security_headers(&got);
}

#[both_backends]
async fn a_polled_article_names_its_outlet_and_links_its_original(db: TestDb) {
    let another = db.another().await;
    let feed = db
        .store
        .add_feed(newsdesk_store::NewFeed {
            url: Some("https://www.metrotimes.example/world/rss".parse().unwrap()),
            title: Some("Metro Times – World".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    let original = "https://www.metrotimes.example/2026/12/04/quay-reopens";
    let entry = newsdesk_store::IncomingEntry {
        key: "guid:quay".into(),
        content_hash: "h".into(),
        article: ArticleUpsert {
            title: "Quay reopens after repairs".into(),
            body_text: "The quay reopened on Friday.".into(),
            summary: "The quay reopened.".into(),
            url: Some(original.parse().unwrap()),
            ..ArticleUpsert::default()
        },
    };
    db.store.ingest_entries(&feed, vec![entry]).await.unwrap();
    let id = db.store.recent_articles(0, 1).await.unwrap().items[0].id;
    let store = db.store.clone();
    let settings = SiteSettings::new("Test Desk".into(), "https://desk.example/".parse().unwrap(), 20);
    let site = Site { app: router(db.store.clone(), settings).unwrap(), _db: db };

    let outlet = r#"<a class="outlet" href="/sources/metrotimes.example">Metro Times</a>"#;
    let card_original =
        format!(r#"<a href="{original}" rel="noopener noreferrer" aria-label="Original at Metro Times">Original</a>"#);
    for uri in ["/latest", "/search?q=quay", "/sources/metrotimes.example"] {
        let page = site.get(uri).await.links();
        assert!(page.contains(outlet), "{uri} names the outlet, not the feed: {page}");
        assert!(page.contains(&card_original), "{uri} links the original: {page}");
        if !uri.starts_with("/sources/") {
            assert!(!page.contains("Metro Times – World"), "{uri}: the feed's title is not the outlet's name");
        }
    }
    let article = site.get(&format!("/articles/{id}")).await.links();
    assert!(article.contains(&format!(r#"<link rel="canonical" href="{original}">"#)), "{article}");
    assert!(article.contains(outlet));
    assert!(
        article.contains(&format!(
            r#"Original Source: <a href="{original}" rel="noopener noreferrer nofollow">Metro Times</a>"#
        )),
        "{article}"
    );
    let api: serde_json::Value = serde_json::from_str(&site.get(&format!("/api/v1/articles/{id}")).await.body).unwrap();
    assert_eq!(api["outlet"]["name"], "Metro Times");
    assert_eq!(api["url"], original);
    let list: serde_json::Value = serde_json::from_str(&site.get("/api/v1/articles").await.body).unwrap();
    assert_eq!(list["items"][0]["outlet"]["domain"], "metrotimes.example");

    // Renamed by the operator through the API: every page follows.
    let (token, hash) = newsdesk_web::new_api_token().unwrap();
    assert!(store.create_api_token("ops", &hash).await.unwrap());
    let rename = |body: &'static str| {
        Request::patch("/api/v1/admin/sources/metrotimes.example")
            .header("authorization", format!("Bearer {token}"))
            .header("content-type", "application/json")
            .body(Body::from(body))
            .unwrap()
    };
    let renamed = site.app.clone().oneshot(rename(r#"{"name": "The Metro Times"}"#)).await.unwrap();
    assert_eq!(renamed.status(), StatusCode::OK);
    let empty = site.app.clone().oneshot(rename(r#"{"name": "  "}"#)).await.unwrap();
    assert_eq!(empty.status(), StatusCode::BAD_REQUEST);
    let source = store.source_by_domain("metrotimes.example").await.unwrap().unwrap();
    assert_eq!((source.name.as_str(), source.named_by.as_str()), ("The Metro Times", "operator"));
    let article = site.get(&format!("/articles/{id}")).await.links();
    assert!(article.contains(">The Metro Times</a>"), "{article}");

    // An imported article with no feed links its own page as canonical.
    let imported = site_with(another, vec![fixture_article(1, "Harbour bridge reopens", "Crews worked.")], 20).await;
    let page = imported.get(&format!("/articles/{}", fixture_id(1))).await.links();
    assert!(
        page.contains(&format!(r#"<link rel="canonical" href="https://desk.example/articles/{}">"#, fixture_id(1)))
    );
    assert!(
        page.contains(r#"<a class="outlet" href="/sources/harbourgazette.example">harbourgazette.example</a>"#),
        "{page}"
    );
}

#[both_backends]
async fn changed_articles_show_their_earlier_versions(db: TestDb) {
    let feed = db.store.add_feed(newsdesk_testkit::fixture_feed("https://outlet.example/rss")).await.unwrap();
    let entry = |title: &str, body: &str| newsdesk_store::IncomingEntry {
        key: "guid:1".into(),
        content_hash: format!("{title}{body}"),
        article: ArticleUpsert {
            title: title.into(),
            body_text: body.into(),
            summary: format!("{title}, summed up."),
            feed_summary: Some("What the feed said.".into()),
            ..ArticleUpsert::default()
        },
    };
    db.store.ingest_entries(&feed, vec![entry("First <headline>", "First body.")]).await.unwrap();
    db.store.ingest_entries(&feed, vec![entry("Second headline", "Second body.")]).await.unwrap();
    let id = db.store.recent_articles(0, 1).await.unwrap().items[0].id;
    let settings = SiteSettings::new("Test Desk".into(), "https://desk.example/".parse().unwrap(), 20);
    let site = Site { app: router(db.store.clone(), settings).unwrap(), _db: db };
    let got = site.get(&format!("/articles/{id}")).await;
    assert!(got.body.contains("<h1>Second headline</h1>"));
    assert!(got.body.contains("This article changed 1 time after newsdesk first stored it."), "{}", got.body);
    assert!(got.body.contains("Version 1, replaced"));
    assert!(got.body.contains("First &lt;headline&gt;") && got.body.contains("<p>First body.</p>"), "{}", got.body);
    assert!(got.body.contains("Summary by newsdesk") && got.body.contains("Second headline, summed up."));
    // The feed's own teaser is kept (the API has it) but not shown beside newsdesk's.
    assert!(!got.body.contains("What the feed said."), "{}", got.body);
}

#[both_backends]
async fn the_article_page_says_nothing_twice(db: TestDb) {
    let lead = "The quay at Port Ellis reopened on Friday after three weeks of repairs.";
    let mut a = fixture_article(1, "Quay reopens after repairs", "");
    a.summary = lead.to_owned();
    a.body_text = format!("Quay reopens after repairs\n{lead}\nShips queued all morning.");
    a.body_html = None;
    let site = site_with(db, vec![a], 20).await;
    let got = site.get(&format!("/articles/{}", fixture_id(1))).await;
    assert_eq!(got.status, StatusCode::OK);
    let shown = format!("<p>{lead}</p>");
    assert_eq!(got.body.matches(&shown).count(), 1, "the summary repeats the body's opening: shown once: {}", got.body);
    assert!(got.body.contains(&format!(r#"<meta property="og:description" content="{lead}">"#)));
    assert_eq!(
        got.body.matches(">Quay reopens after repairs<").count(),
        1,
        "the headline once, in <h1>, never as a paragraph: {}",
        got.body
    );
    assert!(!got.body.contains("<p>Quay reopens after repairs</p>"));
    assert!(!got.body.contains("Article ID"));
    assert!(got.body.contains(r#"<meta property="og:type" content="article">"#));
    assert!(got.body.contains(r#"<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">"#));
    let icon = site.get("/favicon.ico").await;
    assert_eq!((icon.status, icon.headers["content-type"].to_str().unwrap()), (StatusCode::OK, "image/svg+xml"));
    let latest = site.get("/latest").await;
    assert!(latest.body.contains("<title>Latest articles · Test Desk</title>"), "{}", latest.body);
}

#[both_backends]
async fn search_filters_work_and_bad_ones_say_what_to_write(db: TestDb) {
    let another = db.another().await;
    let site = site(db).await;
    let got = site.get("/search?q=harbour+lang%3Aen").await;
    assert_eq!(got.status, StatusCode::OK);
    assert!(got.body.contains("Harbour bridge reopens"), "{}", got.body);
    let none = site.get("/search?q=harbour+lang%3Ade").await;
    assert!(none.body.contains("0 results"), "{}", none.body);
    let bad = site.get("/search?q=harbour+before%3Asoon").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("write it as before:2026-05-04"), "{}", bad.body);

    // A language finds its regional forms, and a regional tag is a language too.
    let mut german = fixture_article(7, "Hafenbrücke wieder offen", "Die Brücke ist seit Montag wieder offen.");
    german.language = Some("de-DE".into());
    let mut swiss = fixture_article(8, "Hafenbrücke in Basel", "Die Brücke in Basel bleibt zu.");
    swiss.language = Some("de-CH".into());
    let site =
        site_with(another, vec![fixture_article(1, "Harbour bridge reopens", "Crews worked."), german, swiss], 20)
            .await;
    for (query, found) in [
        ("lang%3Ade", 2),
        ("lang%3Ade-DE", 1),
        ("lang%3ADE_ch", 1),
        ("hafenbr%C3%BCcke+lang%3Ade", 2),
        ("lang%3Aen", 1),
    ] {
        let got = site.get(&format!("/search?q={query}")).await;
        assert_eq!(got.status, StatusCode::OK, "{query}");
        let n = if found == 1 { "1 result".to_owned() } else { format!("{found} results") };
        assert!(got.body.contains(&n), "{query}: {}", got.body);
    }
}

#[both_backends]
async fn latest_and_search_feeds_in_both_formats(db: TestDb) {
    let site = site(db).await;
    let json = site.get("/feed.json").await;
    assert_eq!(json.status, StatusCode::OK);
    assert_eq!(json.headers["content-type"], "application/feed+json; charset=utf-8");
    let v: serde_json::Value = serde_json::from_str(&json.body).unwrap();
    assert_eq!(v["items"].as_array().unwrap().len(), 3);
    assert_eq!(v["feed_url"], "https://desk.example/feed.json");
    assert!(v["items"][0]["content_html"].as_str().unwrap().contains("<p>"));
    let search = site.get("/search/feed.atom?q=harbour").await;
    assert_eq!(search.status, StatusCode::OK);
    assert!(search.body.contains("Harbour bridge reopens") && !search.body.contains("Tram line delayed"));
    assert!(search.links().contains("https://desk.example/search/feed.atom?q=harbour"), "{}", search.body);
    assert_eq!(site.get("/search/feed.json").await.status, StatusCode::BAD_REQUEST);
    assert_eq!(site.get("/search/feed.json?q=before%3Asoon").await.status, StatusCode::BAD_REQUEST);
}

#[both_backends]
async fn health_readiness_and_metrics_for_operators(db: TestDb) {
    let site = site(db).await;
    let health = site.get("/healthz").await;
    assert_eq!((health.status, health.body.as_str()), (StatusCode::OK, "ok\n"));
    let ready = site.get("/readyz").await;
    assert_eq!(ready.status, StatusCode::OK);
    assert!(ready.body.contains("\"ready\""), "{}", ready.body);

    // Requests are counted under their route template, never the path asked for.
    let before = newsdesk_model::metrics::METRICS.requests("/articles/{id}", "2xx");
    assert_eq!(site.get(&format!("/articles/{}", fixture_id(1))).await.status, StatusCode::OK);
    // (At least one more: the same test on the other backend counts into the same
    // process-wide metrics at the same time.)
    assert!(newsdesk_model::metrics::METRICS.requests("/articles/{id}", "2xx") > before);

    let metrics = site.get("/metrics").await;
    assert_eq!(metrics.status, StatusCode::OK);
    assert!(metrics.headers["content-type"].to_str().unwrap().starts_with("text/plain; version=0.0.4"));
    assert!(metrics.body.contains("\nnewsdesk_articles 3\n"), "{}", metrics.body);
    assert!(metrics.body.contains("\nnewsdesk_comments_held 0\n"), "{}", metrics.body);
    assert!(
        metrics.body.contains("newsdesk_http_requests_total{route=\"/articles/{id}\",status=\"2xx\"}"),
        "{}",
        metrics.body
    );
    assert!(!metrics.body.contains(&fixture_id(1).to_string()), "no ids in series names");

    // Closed database: not ready, and saying so.
    site._db.store.close().await;
    let down = site.get("/readyz").await;
    assert_eq!(down.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(down.body.contains("not_ready"), "{}", down.body);
    assert_eq!(site.get("/healthz").await.status, StatusCode::OK, "alive all the same");
}

#[both_backends]
async fn the_sites_title_is_escaped_on_the_article_page(db: TestDb) {
    db.store.upsert_article(fixture_article(1, "Harbour bridge reopens", "Crews worked.")).await.unwrap();
    let settings = SiteSettings::new("Kiln & <Co>".into(), "https://desk.example/".parse().unwrap(), 20);
    let site = Site { app: router(db.store.clone(), settings).unwrap(), _db: db };
    let got = site.get(&format!("/articles/{}", fixture_id(1))).await;
    assert_eq!(got.status, StatusCode::OK);
    assert!(got.body.contains("<title>Harbour bridge reopens · Kiln &amp; &lt;Co&gt;</title>"), "{}", got.body);
    assert!(!got.body.contains("<Co>"), "{}", got.body);
}
