//! Following feeds and storing their entries, on both backends.

use chrono::{Duration, Utc};
use newsdesk_model::FeedStatus;
use newsdesk_store::{NewFeed, PollRecord, StoreError};
use newsdesk_testkit::{TestDb, both_backends, fixture_entry as entry};
use url::Url;

fn new_feed(url: &str) -> NewFeed {
    titled(url, "Harbour Gazette")
}

fn poll(status: FeedStatus, next_in_minutes: i64) -> PollRecord {
    let now = Utc::now();
    PollRecord {
        status,
        error: (status == FeedStatus::Error).then(|| "the server answered 500".into()),
        etag: Some("\"e1\"".into()),
        last_modified: None,
        moved_to: None,
        title: None,
        site_url: None,
        polled_at: now,
        next_poll_at: now + Duration::minutes(next_in_minutes),
        interval_secs: Some(600),
    }
}

#[both_backends]
async fn following_listing_pausing_and_removing(db: TestDb) {
    let store = &db.store;
    let feed = store.add_feed(new_feed("https://www.harbour.co.uk/feed.xml")).await.unwrap();
    assert_eq!(feed.last_status, FeedStatus::New);
    let dup = store.add_feed(new_feed("https://www.harbour.co.uk/feed.xml")).await.unwrap_err();
    assert!(matches!(dup, StoreError::FeedExists { .. }), "{dup}");
    assert!(dup.to_string().contains("followed already"));
    let source = &store.sources().await.unwrap()[0];
    assert_eq!((source.domain.as_str(), source.name.as_str()), ("harbour.co.uk", "Harbour Gazette"));
    assert_eq!(store.find_feed(&feed.id.to_string()).await.unwrap().unwrap().id, feed.id);
    assert_eq!(store.find_feed("https://www.harbour.co.uk/feed.xml").await.unwrap().unwrap().id, feed.id);

    let now = Utc::now() + Duration::seconds(1);
    assert_eq!(store.due_feeds(now, false, 10).await.unwrap().len(), 1, "a new feed is due at once");
    assert!(store.set_feed_paused(feed.id, true).await.unwrap());
    assert!(store.due_feeds(now, true, 10).await.unwrap().is_empty(), "paused feeds are never polled");
    assert!(store.set_feed_paused(feed.id, false).await.unwrap());
    assert_eq!(store.due_feeds(Utc::now() + Duration::seconds(1), false, 10).await.unwrap().len(), 1);

    store.ingest_entries(&feed, vec![entry("guid:1", "Kept after removal", "Body.")]).await.unwrap();
    assert!(store.remove_feed(feed.id).await.unwrap());
    assert!(store.feeds().await.unwrap().is_empty());
    assert_eq!(store.count_articles().await.unwrap(), 1, "articles outlive their feed");
}

fn titled(url: &str, title: &str) -> NewFeed {
    NewFeed { url: Some(Url::parse(url).unwrap()), title: Some(title.into()), ..NewFeed::default() }
}

async fn outlet(store: &newsdesk_store::Store, domain: &str) -> (String, String) {
    let s = store.source_by_domain(domain).await.unwrap().unwrap();
    (s.name, s.named_by)
}

#[both_backends]
async fn outlets_are_named_after_their_site_not_a_section(db: TestDb) {
    let store = &db.store;
    let named = |name: &str, by: &str| (name.to_owned(), by.to_owned());
    // The part of the feed's title that spells the domain is the outlet; the section is not.
    store.add_feed(titled("https://metrotimes.example/world/rss", "Metro Times – World")).await.unwrap();
    assert_eq!(outlet(store, "metrotimes.example").await, named("Metro Times", "feed"));
    // Neither part spells the domain: the domain stands in until better evidence comes.
    store.add_feed(titled("https://dailypost.example/markets.xml", "Markets | DP Online")).await.unwrap();
    assert_eq!(outlet(store, "dailypost.example").await, named("dailypost.example", "domain"));
    // A second feed of the outlet: the part both titles share names it.
    store.add_feed(titled("https://dailypost.example/sport.xml", "Sport | DP Online")).await.unwrap();
    assert_eq!(outlet(store, "dailypost.example").await, named("DP Online", "feed"));
    // A feed titled with a section alone does not rename an outlet named already.
    store.add_feed(titled("https://metrotimes.example/business/rss", "Business")).await.unwrap();
    assert_eq!(outlet(store, "metrotimes.example").await, named("Metro Times", "feed"));
    // The site's own name, from its home page, wins over feed titles.
    let with_site = NewFeed {
        site_name: Some("The Metro Times".into()),
        ..titled("https://metrotimes.example/culture/rss", "Metro Times – Culture")
    };
    store.add_feed(with_site).await.unwrap();
    assert_eq!(outlet(store, "metrotimes.example").await, named("The Metro Times", "site"));

    // A page's site name counts only on the outlet's own domain.
    let source = store.source_by_domain("dailypost.example").await.unwrap().unwrap();
    let elsewhere = Url::parse("https://feedproxy.example/p/1").unwrap();
    assert!(!store.name_source_from_site(source.id, &elsewhere, "Feed Proxy").await.unwrap());
    let own = Url::parse("https://www.dailypost.example/2026/12/04/story").unwrap();
    assert!(store.name_source_from_site(source.id, &own, "Daily Post").await.unwrap());
    assert_eq!(outlet(store, "dailypost.example").await, named("Daily Post", "site"));

    // The operator's name stays whatever feeds and pages say after it.
    assert!(store.rename_source("WWW.dailypost.example", "  The Daily   Post ").await.unwrap());
    assert_eq!(outlet(store, "dailypost.example").await, named("The Daily Post", "operator"));
    assert!(!store.name_source_from_site(source.id, &own, "Daily Post").await.unwrap());
    store.add_feed(titled("https://dailypost.example/world.xml", "World | DP Online")).await.unwrap();
    assert_eq!(outlet(store, "dailypost.example").await, named("The Daily Post", "operator"));
    assert!(!store.rename_source("nowhere.example", "Nobody").await.unwrap());
    assert!(matches!(store.rename_source("dailypost.example", "   ").await, Err(StoreError::Invalid(_))));
}

#[both_backends]
async fn poll_records_drive_status_errors_and_schedule(db: TestDb) {
    let store = &db.store;
    let feed = store.add_feed(new_feed("https://a.example/rss")).await.unwrap();
    store.record_poll(feed.id, poll(FeedStatus::Ok, 30)).await.unwrap();
    let f = store.feed(feed.id).await.unwrap().unwrap();
    assert_eq!((f.last_status, f.etag.as_deref(), f.error_count), (FeedStatus::Ok, Some("\"e1\""), 0));
    // The operator's name for a feed outlives the title its polls bring.
    assert!(store.rename_feed(feed.id, "Harbour\u{1f} desk").await.unwrap());
    let titled_poll = PollRecord { title: Some("Harbour Gazette – All".into()), ..poll(FeedStatus::Ok, 30) };
    store.record_poll(feed.id, titled_poll).await.unwrap();
    assert_eq!(store.feed(feed.id).await.unwrap().unwrap().title.as_deref(), Some("Harbour desk"));
    for refused in [" \0 ", "Harbour\0desk", " \n "] {
        assert!(matches!(store.rename_feed(feed.id, refused).await, Err(StoreError::Invalid(_))), "{refused:?}");
    }
    assert!(!store.rename_feed(newsdesk_model::FeedId::new_v7(), "Nobody").await.unwrap());
    assert!(store.due_feeds(Utc::now(), false, 10).await.unwrap().is_empty(), "not due for 30 minutes");
    assert!(store.next_due_at().await.unwrap().unwrap() > Utc::now() + Duration::minutes(29));

    for _ in 0..2 {
        store.record_poll(feed.id, PollRecord { etag: None, ..poll(FeedStatus::Error, 5) }).await.unwrap();
    }
    let f = store.feed(feed.id).await.unwrap().unwrap();
    assert_eq!((f.last_status, f.error_count), (FeedStatus::Error, 2));
    assert_eq!(f.last_error.as_deref(), Some("the server answered 500"));
    assert_eq!(f.etag.as_deref(), Some("\"e1\""), "a failed poll keeps the validators");

    store
        .record_poll(
            feed.id,
            PollRecord { moved_to: Some(Url::parse("https://a.example/new-rss").unwrap()), ..poll(FeedStatus::Ok, 5) },
        )
        .await
        .unwrap();
    let f = store.feed(feed.id).await.unwrap().unwrap();
    assert_eq!((f.error_count, f.url.as_str()), (0, "https://a.example/new-rss"), "a permanent move updates the URL");
}

#[both_backends]
async fn re_polling_never_duplicates_and_changes_keep_revisions(db: TestDb) {
    let store = &db.store;
    let feed = store.add_feed(new_feed("https://a.example/rss")).await.unwrap();
    let first = store
        .ingest_entries(
            &feed,
            vec![entry("guid:1", "Bridge closes", "Old body."), entry("link:https://a.example/2", "Second", "Two.")],
        )
        .await
        .unwrap();
    assert_eq!((first.created, first.updated, first.unchanged), (2, 0, 0));

    let again = store
        .ingest_entries(
            &feed,
            vec![entry("guid:1", "Bridge closes", "Old body."), entry("link:https://a.example/2", "Second", "Two.")],
        )
        .await
        .unwrap();
    assert_eq!((again.created, again.updated, again.unchanged), (0, 0, 2));
    assert_eq!(store.count_articles().await.unwrap(), 2);

    let changed =
        store.ingest_entries(&feed, vec![entry("guid:1", "Bridge closes for six weeks", "New body.")]).await.unwrap();
    assert_eq!((changed.created, changed.updated), (0, 1));
    assert_eq!(store.count_articles().await.unwrap(), 2);
    let hit = &store.search("six weeks", 0, 5).await.unwrap().hits[0];
    let article = store.article(hit.article.id).await.unwrap().unwrap();
    assert_eq!(article.body_text, "New body.");
    assert_eq!((article.feed_id, article.source_id), (Some(feed.id), Some(feed.source_id)));
    let revisions = store.article_revisions(article.id).await.unwrap();
    assert_eq!(revisions.len(), 1);
    assert_eq!(
        (revisions[0].revision, revisions[0].title.as_str(), revisions[0].body_text.as_str()),
        (1, "Bridge closes", "Old body.")
    );
    assert_eq!(store.feed(feed.id).await.unwrap().unwrap().item_count, 2);
    assert_eq!(store.search("old", 0, 5).await.unwrap().total, 0, "search follows the update");
}

#[both_backends]
async fn invalid_entries_are_reported_and_the_rest_stored(db: TestDb) {
    let store = &db.store;
    let feed = store.add_feed(new_feed("https://a.example/rss")).await.unwrap();
    let report =
        store.ingest_entries(&feed, vec![entry("guid:bad", "   ", "x"), entry("guid:ok", "Fine", "y")]).await.unwrap();
    assert_eq!(report.created, 1);
    assert_eq!(report.invalid.len(), 1);
    assert!(report.invalid[0].starts_with("guid:bad: title"), "{:?}", report.invalid);
}

#[both_backends]
async fn a_feed_is_leased_to_one_process_until_polled_or_the_lease_ends(db: TestDb) {
    let store = &db.store;
    let a = store.add_feed(new_feed("https://a.example/rss")).await.unwrap();
    let b = store.add_feed(new_feed("https://b.example/rss")).await.unwrap();
    let now = Utc::now() + Duration::seconds(1);
    let lease = std::time::Duration::from_secs(60);
    let first = store.claim_feeds("worker-1", now, lease, None, 1).await.unwrap();
    assert_eq!(first.len(), 1);
    let second = store.claim_feeds("worker-2", now, lease, None, 10).await.unwrap();
    assert_eq!(second.len(), 1, "the other feed only");
    assert_ne!(first[0].id, second[0].id);
    assert!(store.claim_feeds("worker-3", now, lease, None, 10).await.unwrap().is_empty(), "both are leased");
    // Leased feeds are due again when their lease ends, not before.
    assert!(store.next_due_at().await.unwrap().unwrap() > now + Duration::seconds(59));

    // worker-1 polls its feed: the lease ends with the record, and it is not due again.
    store.record_poll(first[0].id, poll(FeedStatus::Ok, 30)).await.unwrap();
    assert!(store.claim_feeds("worker-3", now, lease, None, 10).await.unwrap().is_empty());
    // worker-2 dies: once its lease ends, another process takes the feed.
    let later = now + Duration::seconds(61);
    let taken = store.claim_feeds("worker-3", later, lease, None, 10).await.unwrap();
    assert_eq!(taken.iter().map(|f| f.id).collect::<Vec<_>>(), vec![second[0].id]);
    // `crawl --all`: every feed not polled since the run began, due or not, leases permitting.
    let run_start = Utc::now() + Duration::seconds(2);
    let all = store.claim_feeds("worker-4", later + Duration::seconds(61), lease, Some(run_start), 10).await.unwrap();
    assert_eq!(all.len(), 2, "{:?}", [a.id, b.id]);
}
