//! Feeds polled end to end: a real HTTP server on loopback, the real fetcher, parser and a
//! real SQLite file.

// Tests fail by panicking; helpers here may unwrap like the tests they serve.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::{Arc, Mutex};
use std::time::Duration;

use newsdesk_fetch::{AddressPolicy, FetchConfig, Fetcher};
use newsdesk_model::FeedStatus;
use newsdesk_pipeline::{Desk, PollOutcome, ScheduleConfig, crawl, discover_feed, poll_feed};
use newsdesk_store::NewFeed;
use newsdesk_testkit::TestStore;
use newsdesk_testkit::http::{Reply, Server, reply};

fn fetcher() -> Fetcher {
    Fetcher::new(FetchConfig {
        addresses: AddressPolicy::PublicAndLoopback,
        per_host_interval: Duration::ZERO,
        per_host_concurrency: 8,
        ..FetchConfig::default()
    })
    .unwrap()
}

fn rss(items: &[(&str, &str, &str)]) -> String {
    let items: String = items
        .iter()
        .map(|(guid, title, body)| {
            format!("<item><guid>{guid}</guid><title>{title}</title><link>https://outlet.example/{guid}</link><pubDate>Mon, 04 May 2026 09:30:00 GMT</pubDate><description>{body}</description></item>")
        })
        .collect();
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Outlet</title><link>https://outlet.example/</link>{items}</channel></rss>"
    )
}

/// A feed server whose feed text can change, answering conditional GETs with 304.
async fn feed_server(initial: String) -> (Server, Arc<Mutex<String>>) {
    let feed = Arc::new(Mutex::new(initial));
    let shared = feed.clone();
    let server = Server::start(move |req, _| {
        let body = shared.lock().unwrap().clone();
        let etag = format!("\"{}\"", body.len());
        match req.path.as_str() {
            "/feed.xml" | "/feed" if req.header("if-none-match") == Some(etag.as_str()) => {
                Reply { status: 304, ..Reply::default() }
            }
            "/feed.xml" | "/feed" => Reply {
                status: 200,
                headers: vec![("ETag", etag), ("Content-Type", "application/rss+xml".into())],
                body: body.into_bytes(),
                stall: None,
            },
            "/old-feed.xml" => {
                Reply { status: 301, headers: vec![("Location", "/feed.xml".into())], ..Reply::default() }
            }
            "/broken.xml" => reply(200, "<html><body>Not a feed</body></html>"),
            "/" => reply(
                200,
                r#"<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head></html>"#,
            ),
            _ => reply(404, "no"),
        }
    })
    .await;
    (server, feed)
}

#[tokio::test]
async fn crawling_stores_entries_once_and_keeps_revisions() {
    let (server, feed_text) = feed_server(rss(&[
        ("a1", "Bridge closes", "Crews start on Monday."),
        ("a2", "Ferry extra", "Two more boats."),
    ]))
    .await;
    let db = TestStore::new().await;
    let store = &db.store;
    let fetcher = fetcher();
    let feed = store.add_feed(NewFeed { url: Some(server.url("/feed.xml")), ..NewFeed::default() }).await.unwrap();

    let due = store.due_feeds(chrono::Utc::now(), false, 10).await.unwrap();
    let mut done = Vec::new();
    let summary = crawl(store, &fetcher, &Desk::new(), due, 4, ScheduleConfig::default(), &mut |f, r| {
        done.push((f.id, r.outcome.clone()))
    })
    .await
    .unwrap();
    assert_eq!((summary.feeds, summary.created, summary.failed), (1, 2, 0));
    assert_eq!(done.len(), 1);
    assert_eq!(store.search("ferry boats", 0, 5).await.unwrap().total, 1, "stored and searchable");
    let polled = store.feed(feed.id).await.unwrap().unwrap();
    assert_eq!((polled.last_status, polled.item_count), (FeedStatus::Ok, 2));
    assert_eq!(polled.title.as_deref(), Some("Outlet"), "the feed's title is learned");
    assert!(polled.next_poll_at > chrono::Utc::now(), "scheduled for later");

    // Unchanged: the server answers 304 to our validators.
    let again = poll_feed(store, &fetcher, &Desk::new(), &polled, &ScheduleConfig::default()).await.unwrap();
    assert_eq!(again.outcome, PollOutcome::NotModified);
    assert_eq!(store.count_articles().await.unwrap(), 2);

    // Without validators the same entries are seen again: nothing is duplicated.
    let forgetful = newsdesk_model::Feed { etag: None, ..store.feed(feed.id).await.unwrap().unwrap() };
    let replay = poll_feed(store, &fetcher, &Desk::new(), &forgetful, &ScheduleConfig::default()).await.unwrap();
    assert_eq!(replay.outcome, PollOutcome::Stored { created: 0, updated: 0, unchanged: 2 });

    // An entry that changed updates its article and keeps the old text as a revision.
    *feed_text.lock().unwrap() = rss(&[
        ("a1", "Bridge closes for six weeks", "Crews start on Monday at six."),
        ("a2", "Ferry extra", "Two more boats."),
    ]);
    let current = store.feed(feed.id).await.unwrap().unwrap();
    let changed = poll_feed(store, &fetcher, &Desk::new(), &current, &ScheduleConfig::default()).await.unwrap();
    assert_eq!(changed.outcome, PollOutcome::Stored { created: 0, updated: 1, unchanged: 1 });
    assert_eq!(store.count_articles().await.unwrap(), 2);
    let hit = &store.search("six weeks", 0, 5).await.unwrap().hits[0];
    let revisions = store.article_revisions(hit.article.id).await.unwrap();
    assert_eq!(revisions.len(), 1);
    assert_eq!(revisions[0].title, "Bridge closes");
}

#[tokio::test]
async fn failures_are_recorded_in_words_and_back_off() {
    let (server, _) = feed_server(rss(&[])).await;
    let db = TestStore::new().await;
    let store = &db.store;
    let fetcher = fetcher();
    let broken = store.add_feed(NewFeed { url: Some(server.url("/broken.xml")), ..NewFeed::default() }).await.unwrap();
    let missing = store.add_feed(NewFeed { url: Some(server.url("/gone.xml")), ..NewFeed::default() }).await.unwrap();

    let r = poll_feed(store, &fetcher, &Desk::new(), &broken, &ScheduleConfig::default()).await.unwrap();
    let PollOutcome::Failed(message) = r.outcome else { panic!("a page is not a feed") };
    assert!(message.contains("not a feed") && message.contains("<html>"), "{message}");

    let first = poll_feed(store, &fetcher, &Desk::new(), &missing, &ScheduleConfig::default()).await.unwrap();
    let after_one = store.feed(missing.id).await.unwrap().unwrap();
    assert_eq!((after_one.last_status, after_one.error_count), (FeedStatus::Error, 1));
    assert_eq!(after_one.last_error.as_deref(), Some("the server answered 404"));
    let second = poll_feed(store, &fetcher, &Desk::new(), &after_one, &ScheduleConfig::default()).await.unwrap();
    let gap_one = first.next_poll_at - chrono::Utc::now();
    let gap_two = second.next_poll_at - chrono::Utc::now();
    assert!(gap_two > gap_one + chrono::Duration::minutes(5), "errors back off: {gap_one} then {gap_two}");
}

#[tokio::test]
async fn a_permanent_move_updates_the_feed_url() {
    let (server, _) = feed_server(rss(&[("m1", "Moved", "Body.")])).await;
    let db = TestStore::new().await;
    let feed =
        db.store.add_feed(NewFeed { url: Some(server.url("/old-feed.xml")), ..NewFeed::default() }).await.unwrap();
    poll_feed(&db.store, &fetcher(), &Desk::new(), &feed, &ScheduleConfig::default()).await.unwrap();
    assert_eq!(db.store.feed(feed.id).await.unwrap().unwrap().url, server.url("/feed.xml"));
}

#[tokio::test]
async fn feeds_are_discovered_from_a_home_page() {
    let (server, _) = feed_server(rss(&[("d1", "Found", "Body.")])).await;
    let (url, parsed) = discover_feed(&fetcher(), &server.url("/")).await.unwrap();
    assert_eq!(url, server.url("/feed.xml"));
    assert_eq!(parsed.title.as_deref(), Some("Outlet"));
    // A page that is not a feed on a site whose usual feed paths exist: found by guessing.
    let (guessed, _) = discover_feed(&fetcher(), &server.url("/broken.xml")).await.unwrap();
    assert_eq!(guessed, server.url("/feed"), "the first usual path that answers with a feed");

    let bare =
        Server::start(
            |req, _| if req.path == "/" { reply(200, "<html><p>No feeds here</p></html>") } else { reply(404, "no") },
        )
        .await;
    let err = discover_feed(&fetcher(), &bare.url("/")).await.unwrap_err();
    assert!(err.to_string().starts_with("no feed found at"), "{err}");
    assert!(err.to_string().contains("none of 8 usual addresses"), "{err}");
}
