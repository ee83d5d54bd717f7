//! Feeds polled end to end: a real HTTP server on loopback, the real fetcher, parser and a
//! real database (each test on both backends).

use std::sync::{Arc, Mutex};
use std::time::Duration;

use newsdesk_fetch::{AddressPolicy, FetchConfig, Fetcher};
use newsdesk_model::FeedStatus;
use newsdesk_pipeline::{CrawlScope, Desk, PollConfig, PollOutcome, crawl, discover_feed, poll_feed};
use newsdesk_store::NewFeed;
use newsdesk_testkit::http::{Reply, Server, reply};
use newsdesk_testkit::{TestDb, both_backends};

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
                r#"<html><head><meta property="og:site_name" content="Coast Herald"><link rel="alternate" type="application/rss+xml" href="/feed.xml"><link rel="alternate" type="application/atom+xml" href="/feed"></head></html>"#,
            ),
            _ => reply(404, "no"),
        }
    })
    .await;
    (server, feed)
}

#[both_backends]
async fn crawling_stores_entries_once_and_keeps_revisions(db: TestDb) {
    let (server, feed_text) = feed_server(rss(&[
        ("a1", "Bridge closes", "Crews start on Monday."),
        ("a2", "Ferry extra", "Two more boats."),
    ]))
    .await;
    let store = &db.store;
    let fetcher = fetcher();
    let feed = store.add_feed(NewFeed { url: Some(server.url("/feed.xml")), ..NewFeed::default() }).await.unwrap();

    let mut done = Vec::new();
    let scope = CrawlScope::Due;
    let summary = crawl(store, &fetcher, &Desk::new(), "test", scope, 4, PollConfig::feeds_only(), &mut |f, r| {
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
    let again = poll_feed(store, &fetcher, &Desk::new(), &polled, &PollConfig::feeds_only()).await.unwrap();
    assert_eq!(again.outcome, PollOutcome::NotModified);
    assert_eq!(store.count_articles().await.unwrap(), 2);

    // Without validators the same entries are seen again: nothing is duplicated.
    let forgetful = newsdesk_model::Feed { etag: None, ..store.feed(feed.id).await.unwrap().unwrap() };
    let replay = poll_feed(store, &fetcher, &Desk::new(), &forgetful, &PollConfig::feeds_only()).await.unwrap();
    assert_eq!(replay.outcome, PollOutcome::Stored { created: 0, updated: 0, unchanged: 2 });

    // An entry that changed updates its article and keeps the old text as a revision.
    *feed_text.lock().unwrap() = rss(&[
        ("a1", "Bridge closes for six weeks", "Crews start on Monday at six."),
        ("a2", "Ferry extra", "Two more boats."),
    ]);
    let current = store.feed(feed.id).await.unwrap().unwrap();
    let changed = poll_feed(store, &fetcher, &Desk::new(), &current, &PollConfig::feeds_only()).await.unwrap();
    assert_eq!(changed.outcome, PollOutcome::Stored { created: 0, updated: 1, unchanged: 1 });
    assert_eq!(store.count_articles().await.unwrap(), 2);
    let hit = &store.search("six weeks", 0, 5).await.unwrap().hits[0];
    let revisions = store.article_revisions(hit.article.id).await.unwrap();
    assert_eq!(revisions.len(), 1);
    assert_eq!(revisions[0].title, "Bridge closes");
}

#[both_backends]
async fn failures_are_recorded_in_words_and_back_off(db: TestDb) {
    let (server, _) = feed_server(rss(&[])).await;
    let store = &db.store;
    let fetcher = fetcher();
    let broken = store.add_feed(NewFeed { url: Some(server.url("/broken.xml")), ..NewFeed::default() }).await.unwrap();
    let missing = store.add_feed(NewFeed { url: Some(server.url("/gone.xml")), ..NewFeed::default() }).await.unwrap();

    let r = poll_feed(store, &fetcher, &Desk::new(), &broken, &PollConfig::feeds_only()).await.unwrap();
    let PollOutcome::Failed(message) = r.outcome else { panic!("a page is not a feed") };
    assert!(message.contains("not a feed") && message.contains("<html>"), "{message}");

    let first = poll_feed(store, &fetcher, &Desk::new(), &missing, &PollConfig::feeds_only()).await.unwrap();
    let after_one = store.feed(missing.id).await.unwrap().unwrap();
    assert_eq!((after_one.last_status, after_one.error_count), (FeedStatus::Error, 1));
    assert_eq!(after_one.last_error.as_deref(), Some("the server answered 404"));
    let second = poll_feed(store, &fetcher, &Desk::new(), &after_one, &PollConfig::feeds_only()).await.unwrap();
    let gap_one = first.next_poll_at - chrono::Utc::now();
    let gap_two = second.next_poll_at - chrono::Utc::now();
    assert!(gap_two > gap_one + chrono::Duration::minutes(5), "errors back off: {gap_one} then {gap_two}");
}

#[both_backends]
async fn posts_without_titles_are_stored_titled_by_their_first_words(db: TestDb) {
    let feed_xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour Notes</title><link>https://notes.example/</link>\
        <item><guid>n1</guid><description>Fog again over the harbour this morning. Ferries are running late.</description></item>\
        <item><guid>n2</guid><link>https://notes.example/photos/42</link></item>\
        </channel></rss>";
    let (server, _) = feed_server(feed_xml.to_owned()).await;
    let feed = db.store.add_feed(NewFeed { url: Some(server.url("/feed.xml")), ..NewFeed::default() }).await.unwrap();
    let r = poll_feed(&db.store, &fetcher(), &Desk::off(), &feed, &PollConfig::feeds_only()).await.unwrap();
    assert_eq!(r.outcome, PollOutcome::Stored { created: 2, updated: 0, unchanged: 0 }, "none refused");
    let stored = db.store.recent_articles(0, 10).await.unwrap().items;
    let mut titles: Vec<(String, bool)> = stored.iter().map(|a| (a.title.clone(), a.title_derived)).collect();
    titles.sort();
    assert_eq!(
        titles,
        vec![
            ("Fog again over the harbour this morning".to_owned(), true),
            ("notes.example/photos/42".to_owned(), true),
        ]
    );
}

#[both_backends]
async fn a_permanent_move_updates_the_feed_url(db: TestDb) {
    let (server, _) = feed_server(rss(&[("m1", "Moved", "Body.")])).await;
    let feed =
        db.store.add_feed(NewFeed { url: Some(server.url("/old-feed.xml")), ..NewFeed::default() }).await.unwrap();
    poll_feed(&db.store, &fetcher(), &Desk::new(), &feed, &PollConfig::feeds_only()).await.unwrap();
    assert_eq!(db.store.feed(feed.id).await.unwrap().unwrap().url, server.url("/feed.xml"));
}

#[tokio::test]
async fn feeds_are_discovered_from_a_home_page() {
    let (server, _) = feed_server(rss(&[("d1", "Found", "Body.")])).await;
    let found = discover_feed(&fetcher(), &server.url("/")).await.unwrap();
    assert_eq!(found.url, server.url("/feed.xml"));
    assert_eq!(found.feed.title.as_deref(), Some("Outlet"));
    assert_eq!(found.site_name.as_deref(), Some("Coast Herald"), "the home page names the site");
    assert_eq!(found.others, vec![server.url("/feed")], "the other feed the page announces is said");
    // A page that is not a feed on a site whose usual feed paths exist: found by guessing.
    let guessed = discover_feed(&fetcher(), &server.url("/broken.xml")).await.unwrap();
    assert_eq!(guessed.url, server.url("/feed"), "the first usual path that answers with a feed");
    assert_eq!(guessed.site_name, None);
    // Given the feed itself, no page names the site.
    assert_eq!(discover_feed(&fetcher(), &server.url("/feed.xml")).await.unwrap().site_name, None);

    let bare =
        Server::start(
            |req, _| if req.path == "/" { reply(200, "<html><p>No feeds here</p></html>") } else { reply(404, "no") },
        )
        .await;
    let err = discover_feed(&fetcher(), &bare.url("/")).await.unwrap_err();
    assert!(err.to_string().starts_with("no feed found at"), "{err}");
    assert!(err.to_string().contains("none of 8 usual addresses"), "{err}");
}

/// An article page of our own, with navigation and a related-links list around the article.
fn article_page(paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>")).collect();
    format!(
        r#"<html><head><title>Harbour reopens | Coast Herald</title><meta name="author" content="Ana Ruiz"><meta property="og:site_name" content="Coast Herald"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour reopens</h1><div class="story-body">{body}</div></article>
<aside><ul><li><a href="/x">Another story</a></li></ul></aside></body></html>"#
    )
}

const FULL: [&str; 3] = [
    "The harbour at Port Ellis reopened on Tuesday after three weeks of repairs to the sea wall, which storms had breached twice in January, flooding the fish market and the ferry terminal.",
    "Engineers from the regional authority said the new wall, built from interlocking concrete blocks, should withstand waves half again as high as those that broke the old one.",
    "Fishing crews, who had moved their boats to Kell Bay during the works, began returning on Wednesday morning, and the first ferry left for the islands at noon.",
];

#[both_backends]
async fn partial_entries_get_their_article_pages_full_text(db: TestDb) {
    let long_body =
        "The council met on Thursday evening to hear residents on the new parking rules for the old town. ".repeat(15);
    let server = Server::start(move |req, addr| {
        let base = format!("http://{addr}");
        let feed = format!(
            r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Coast Herald</title><link>{base}/</link>
<item><guid>t1</guid><title>Harbour reopens</title><link>{base}/harbour</link><description>The harbour reopened on Tuesday…</description></item>
<item><guid>t2</guid><title>Section front</title><link>{base}/news</link><description>A teaser whose page is a list of links.</description></item>
<item><guid>t3</guid><title>Parking rules</title><link>{base}/parking</link><description>{long_body}</description></item>
</channel></rss>"#
        );
        match req.path.as_str() {
            "/feed.xml" => Reply { status: 200, headers: vec![("Content-Type", "application/rss+xml".into())], body: feed.into_bytes(), stall: None },
            "/harbour" => reply(200, &article_page(&FULL)),
            "/news" => {
                let links: String = (0..40).map(|i| format!("<li><a href=\"/story/{i}\">Story number {i} of the day</a></li>")).collect();
                reply(200, &format!("<html><body><ul>{links}</ul></body></html>"))
            }
            _ => reply(404, "no"),
        }
    })
    .await;
    let store = &db.store;
    let fetcher = fetcher();
    let feed = store.add_feed(NewFeed { url: Some(server.url("/feed.xml")), ..NewFeed::default() }).await.unwrap();
    let config = PollConfig::default();
    let metrics = &newsdesk_model::metrics::METRICS;
    let (pages_before, adopted_before, kept_before) =
        (metrics.page_fetches.ok.get(), metrics.full_text_adopted.get(), metrics.full_text_kept.get());

    let r = poll_feed(store, &fetcher, &Desk::off(), &feed, &config).await.unwrap();
    // Other tests of this binary run at the same time: counts only grow by at least ours.
    assert!(metrics.page_fetches.ok.get() >= pages_before + 2);
    assert!(metrics.full_text_adopted.get() > adopted_before);
    assert!(metrics.full_text_kept.get() > kept_before);
    assert_eq!(r.outcome, PollOutcome::Stored { created: 3, updated: 0, unchanged: 0 });
    let fetched: Vec<String> =
        server.seen().into_iter().map(|s| s.path).filter(|p| p != "/feed.xml" && p != "/robots.txt").collect();
    assert_eq!(fetched.len(), 2, "the teasers' pages only, not the whole entry's: {fetched:?}");
    assert!(!fetched.contains(&"/parking".to_owned()));

    let harbour = &store.search("\"Kell Bay\"", 0, 5).await.unwrap().hits;
    assert_eq!(harbour.len(), 1, "the page's full text is stored and searchable");
    let article = store.article(harbour[0].article.id).await.unwrap().unwrap();
    assert_eq!(article.body_text, FULL.join("\n"));
    assert_eq!(article.feed_summary.as_deref(), Some("The harbour reopened on Tuesday…"), "the feed's teaser is kept");
    assert_eq!(article.byline.as_deref(), Some("Ana Ruiz"));
    assert!(article.summary.starts_with("The harbour at Port Ellis reopened"), "{}", article.summary);

    let outlet = &store.sources().await.unwrap()[0];
    assert_eq!((outlet.name.as_str(), outlet.named_by.as_str()), ("Coast Herald", "site"), "named by its pages");

    let front = store.search("\"list of links\"", 0, 5).await.unwrap().hits;
    assert_eq!(front.len(), 1, "a page that is not an article leaves the feed's content");
    let polled = store.feed(feed.id).await.unwrap().unwrap();
    let note = polled.last_error.clone().unwrap_or_default();
    assert!(note.contains("kept the feed's content") && note.contains("/news"), "{note}");

    // The same entries again: nothing is fetched twice.
    let before = server.seen().len();
    let again = poll_feed(store, &fetcher, &Desk::off(), &polled, &config).await.unwrap();
    assert_eq!(again.outcome, PollOutcome::Stored { created: 0, updated: 0, unchanged: 3 });
    assert_eq!(server.seen().len(), before + 1, "only the feed itself");

    // An operator can turn it off for a feed.
    assert!(store.set_feed_full_text(feed.id, newsdesk_model::FullText::Never).await.unwrap());
    let other =
        store.add_feed(NewFeed { url: Some(server.url("/feed.xml?copy")), ..NewFeed::default() }).await.unwrap();
    store.set_feed_full_text(other.id, newsdesk_model::FullText::Never).await.unwrap();
    let other = store.feed(other.id).await.unwrap().unwrap();
    let before = server.seen().len();
    poll_feed(store, &fetcher, &Desk::off(), &other, &config).await.unwrap();
    assert_eq!(server.seen().len(), before + 1, "never: no article page is fetched");
}
