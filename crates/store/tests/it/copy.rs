//! `Store::copy_to`: a SQLite store with every kind of row, copied into PostgreSQL (when a test
//! server is named), read back the same, and copied again after changes on both sides.

use chrono::{TimeZone, Utc};
use newsdesk_model::{ArticleId, ArticleUpsert, Email, StoryId};
use newsdesk_store::{CommentOutcome, EntityRecord, Moderation, NewComment, Placed, Store, StoreError, Understood};
use newsdesk_testkit::{TestDb, both_backends, fixture_entry, fixture_feed};

fn article(title: &str, hour: u32) -> ArticleUpsert {
    ArticleUpsert {
        id: Some(ArticleId::new_v7()),
        title: title.into(),
        summary: format!("{title}, in short."),
        body_text: format!("{title}. The harbour ferry sails again at dawn."),
        published_at: Some(Utc.with_ymd_and_hms(2026, 6, 2, hour, 0, 0).unwrap()),
        ..ArticleUpsert::default()
    }
}

fn comment(article: ArticleId, parent: Option<newsdesk_model::CommentId>, email: &str, body: &str) -> NewComment {
    NewComment {
        article,
        parent,
        author_name: "Reader".into(),
        author_email: Email::parse(email).unwrap(),
        author_url: None,
        body: body.into(),
        ip_key: "k".into(),
        staff: false,
    }
}

/// A store with feeds, entries, a revision, stories (one merged), a copy, entities, a
/// comment thread, a user, a session, secrets, a saved search and a token.
async fn filled(store: &Store) -> (ArticleId, ArticleId, StoryId) {
    let feed = store.add_feed(fixture_feed("https://gazette.example/rss")).await.unwrap();
    let entry = |title: &str| fixture_entry("guid:1", title, &format!("{title} body."));
    store.ingest_entries(&feed, vec![entry("Quay closes")]).await.unwrap();
    store.ingest_entries(&feed, vec![entry("Quay closes for a week")]).await.unwrap();
    store.set_feed_paused(feed.id, true).await.unwrap();
    let original = store.upsert_article(article("Ferry crews vote on strike", 9)).await.unwrap().id();
    let copy = store.upsert_article(article("Strike vote, as carried by a wire client", 8)).await.unwrap().id();
    let (strike, gone) = (StoryId::new_v7(), StoryId::new_v7());
    let union = EntityRecord {
        kind: "organization".into(),
        key: "ferry union".into(),
        name: "Ferry Union".into(),
        also: vec!["FU".into()],
        mentions: 2,
    };
    let placed = |article, story, copy_of, merged: Vec<StoryId>| Understood {
        article,
        placed: Some(Placed { story, merged, copy_of }),
        entities: vec![union.clone()],
        keyphrases: vec!["ferry strike".into()],
        summary: None,
        language: Some("en".into()),
    };
    store.save_understanding(&[placed(copy, gone, Some(original), Vec::new())]).await.unwrap();
    store.save_understanding(&[placed(original, strike, None, vec![gone])]).await.unwrap();
    let CommentOutcome::Stored { id: first, .. } =
        store.add_comment(comment(original, None, "one@example.org", "First!")).await.unwrap()
    else {
        panic!("stored")
    };
    store.moderate(first, Moderation::Approve).await.unwrap();
    store.add_comment(comment(original, Some(first), "two@example.org", "A reply, held.")).await.unwrap();
    store.create_user("editor", "$argon2id$hash").await.unwrap();
    let (user, _) = store.user_password("editor").await.unwrap().unwrap();
    store.create_session("session-hash", user, Utc::now() + chrono::Duration::days(1)).await.unwrap();
    store.site_secret("csrf", "s3cret").await.unwrap();
    store.add_saved_search("Strike", "strike source:gazette.example").await.unwrap();
    store.create_api_token("ci", "token-hash").await.unwrap();
    (original, copy, strike)
}

#[both_backends]
async fn only_sqlite_into_postgres_is_copied(db: TestDb) {
    let one = newsdesk_testkit::sqlite::TestStore::new().await;
    let err = db.store.copy_to(&one.store, &mut |_, _| {}).await.unwrap_err();
    assert!(matches!(err, StoreError::Invalid(_)), "{err}");
    assert!(err.to_string().contains("into a PostgreSQL one"), "{err}");
}

#[tokio::test]
async fn every_row_is_copied_checked_and_copied_again_after_changes() {
    if !newsdesk_testkit::postgres::ready() {
        return;
    }
    let source = newsdesk_testkit::sqlite::TestStore::new().await;
    let (original, copy, strike) = filled(&source.store).await;
    let target = newsdesk_testkit::postgres::TestStore::new().await;
    let mut seen = Vec::new();
    let checks = source.store.copy_to(&target.store, &mut |table, _| seen.push(table.to_owned())).await.unwrap();
    assert_eq!(checks.len(), 15, "every table");
    assert!(checks.iter().all(|c| c.rows > 0), "every table has rows here: {checks:?}");
    assert!(seen.contains(&"articles".to_owned()));

    // What pages read is the same on both sides.
    let (a, b) = (&source.store, &target.store);
    assert_eq!(a.article(original).await.unwrap(), b.article(original).await.unwrap());
    assert_eq!(a.story(strike).await.unwrap(), b.story(strike).await.unwrap());
    assert_eq!(b.article_context(copy).await.unwrap().copy_of.unwrap().id, original);
    assert_eq!(a.approved_comments(original).await.unwrap(), b.approved_comments(original).await.unwrap());
    assert_eq!(a.held_comments(10).await.unwrap().len(), 1, "source");
    assert_eq!(b.held_comments(10).await.unwrap().len(), 1);
    assert_eq!(a.feeds().await.unwrap(), b.feeds().await.unwrap());
    assert!(b.feeds().await.unwrap()[0].paused);
    let quay = a.recent_articles(0, 10).await.unwrap().items.into_iter().find(|c| c.title.starts_with("Quay")).unwrap();
    assert_eq!(b.article_revisions(quay.id).await.unwrap(), a.article_revisions(quay.id).await.unwrap());
    assert_eq!(b.article_revisions(quay.id).await.unwrap().len(), 1);
    assert_eq!(b.search("ferries", 0, 10).await.unwrap().total, 2, "the copy is searchable");
    assert_eq!(b.api_token_name("token-hash").await.unwrap().as_deref(), Some("ci"));
    assert_eq!(b.site_secret("csrf", "other").await.unwrap(), "s3cret");
    assert!(b.session_user("session-hash").await.unwrap().is_some());
    // Changes on both sides since (a held reply deleted on the target; an article edited
    // and one added at the source): running the copy again, as after an interruption,
    // converges on the source.
    b.moderate(b.held_comments(10).await.unwrap()[0].comment.id, Moderation::Delete).await.unwrap();
    a.upsert_article(ArticleUpsert {
        id: Some(original),
        title: "Ferry crews vote to strike".into(),
        ..article("x", 9)
    })
    .await
    .unwrap();
    a.upsert_article(article("Ferries run on time", 11)).await.unwrap();
    let again = a.copy_to(b, &mut |_, _| {}).await.unwrap();
    let articles = again.iter().find(|c| c.table == "articles").unwrap();
    assert_eq!(articles.rows, a.count_articles().await.unwrap());
    assert_eq!(b.article(original).await.unwrap().unwrap().title, "Ferry crews vote to strike");
    assert_eq!(b.held_comments(10).await.unwrap().len(), 1, "the deleted reply is copied again");
    assert_eq!(b.search("ferries", 0, 10).await.unwrap().total, 3);

    // New rows continue after the copied ones; a copy never deletes, so the check names a
    // table that now differs.
    b.upsert_article(article("Tide tables for the week", 12)).await.unwrap();
    assert_eq!(b.count_articles().await.unwrap(), a.count_articles().await.unwrap() + 1);
    let err = a.copy_to(b, &mut |_, _| {}).await.unwrap_err();
    assert!(matches!(err, StoreError::CopyMismatch(ref t) if t.starts_with("articles")), "{err}");
}
