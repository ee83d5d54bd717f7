//! Stories, copies and entities written and read back, on both backends.

use chrono::{TimeZone, Utc};
use newsdesk_model::{ArticleId, ArticleUpsert, StoryId};
use newsdesk_store::{EntityRecord, Placed, Store, Understood};
use newsdesk_testkit::{TestDb, both_backends};

/// An article of 2 June 2026 at `hour`.
async fn article(store: &Store, title: &str, hour: u32) -> ArticleId {
    stored(store, title, 2, hour, None).await
}

/// An article of `day` (June 2026) at `hour`, naming the outlet at `domain` as its own.
async fn stored(store: &Store, title: &str, day: u32, hour: u32, domain: Option<&str>) -> ArticleId {
    let id = ArticleId::new_v7();
    store
        .upsert_article(ArticleUpsert {
            id: Some(id),
            title: title.into(),
            summary: format!("{title}, in short."),
            body_text: format!("{title}. The body."),
            original_domain: domain.map(str::to_owned),
            published_at: Some(Utc.with_ymd_and_hms(2026, 6, day, hour, 0, 0).unwrap()),
            ..ArticleUpsert::default()
        })
        .await
        .unwrap();
    id
}

fn entity(kind: &str, key: &str, name: &str) -> EntityRecord {
    EntityRecord { kind: kind.into(), key: key.into(), name: name.into(), also: Vec::new(), mentions: 2 }
}

fn placed(article: ArticleId, story: StoryId, copy_of: Option<ArticleId>, entities: Vec<EntityRecord>) -> Understood {
    Understood {
        article,
        placed: Some(Placed { story, merged: Vec::new(), copy_of }),
        entities,
        keyphrases: vec!["ferry strike".into()],
        summary: None,
        language: None,
    }
}

/// `article` placed in story `into`, which story `gone` turned out to be as well.
fn merging(article: ArticleId, into: StoryId, gone: StoryId) -> Understood {
    Understood {
        placed: Some(Placed { story: into, merged: vec![gone], copy_of: None }),
        keyphrases: vec![],
        ..placed(article, into, None, vec![])
    }
}

#[both_backends]
async fn stories_copies_and_entities_read_back_as_pages_need_them(db: TestDb) {
    let store = &db.store;
    let copy = article(store, "Strike vote, as carried by a wire client", 8).await;
    let original = article(store, "Ferry crews vote on strike", 9).await;
    let later = article(store, "Ferry strike called off", 15).await;
    let other = article(store, "Library opens late", 10).await;
    let (strike, library) = (StoryId::new_v7(), StoryId::new_v7());
    let union = entity("organization", "ferry union", "Ferry Union");
    store
        .save_understanding(&[
            placed(copy, strike, Some(original), vec![union.clone()]),
            placed(original, strike, None, vec![union.clone(), entity("person", "priya lamb", "Priya Lamb")]),
            placed(later, strike, None, vec![union.clone()]),
            placed(other, library, None, vec![entity("place", "quay street", "Quay Street")]),
        ])
        .await
        .unwrap();

    let view = store.story(strike).await.unwrap().unwrap();
    assert_eq!(view.story.article_count, 3);
    // The lead is the earliest article that is not a copy, though the copy came first.
    assert_eq!(view.story.lead_article, Some(original));
    assert_eq!(view.story.title, "Ferry crews vote on strike");
    assert_eq!(view.story.summary, "Ferry crews vote on strike, in short.");
    assert_eq!(view.story.first_seen_at, Utc.with_ymd_and_hms(2026, 6, 2, 8, 0, 0).unwrap());
    assert_eq!(view.story.last_seen_at, Utc.with_ymd_and_hms(2026, 6, 2, 15, 0, 0).unwrap());
    let order: Vec<ArticleId> = view.timeline.iter().map(|t| t.article.id).collect();
    assert_eq!(order, vec![copy, original, later], "timeline oldest first");
    assert_eq!(view.timeline[0].copy_of, Some(original));
    assert_eq!(view.entities[0].key, "ferry union");
    assert_eq!(view.entities[0].articles, 3);

    let front = store.top_stories(0, 10).await.unwrap();
    assert_eq!(front.total, 2);
    assert_eq!(front.items[0].id, strike, "same day: the wider coverage first");

    let ctx = store.article_context(copy).await.unwrap();
    assert_eq!(ctx.copy_of.map(|c| c.id), Some(original));
    assert_eq!(ctx.story.map(|s| s.id), Some(strike));
    assert_eq!(ctx.keyphrases, vec!["ferry strike".to_owned()]);
    let ctx = store.article_context(original).await.unwrap();
    assert_eq!(ctx.copies.iter().map(|c| c.article.id).collect::<Vec<_>>(), vec![copy]);
    assert_eq!(ctx.entities.len(), 2);
    // An article's page reads the article and its context in one statement: the same as the
    // two reads apart.
    for id in [copy, original, other] {
        let (a, ctx) = store.article_with_context(id).await.unwrap().unwrap();
        assert_eq!(Some(a), store.article(id).await.unwrap());
        assert_eq!(ctx, store.article_context(id).await.unwrap());
    }
    // Beside the article's own columns, the story's are read under names of their own.
    let (_, ctx) = store.article_with_context(copy).await.unwrap().unwrap();
    assert_eq!(ctx.story.as_ref(), Some(&view.story));
    assert!(store.article_with_context(ArticleId::new_v7()).await.unwrap().is_none());

    let union_page = store.entity("organization", "ferry union", 10).await.unwrap().unwrap();
    assert_eq!(union_page.entity.articles, 3);
    assert_eq!(union_page.stories.iter().map(|s| s.id).collect::<Vec<_>>(), vec![strike]);
    assert_eq!(union_page.articles[0].id, later, "newest first");
    assert!(store.entity("person", "ferry union", 10).await.unwrap().is_none(), "kind is part of the key");

    // A story of copies alone is led by the earliest of them.
    let wire = StoryId::new_v7();
    let (late_copy, early_copy) =
        (article(store, "Strike vote, a later copy", 12).await, article(store, "Strike vote, copied", 11).await);
    store
        .save_understanding(&[
            placed(late_copy, wire, Some(original), vec![]),
            placed(early_copy, wire, Some(original), vec![]),
        ])
        .await
        .unwrap();
    let copies = store.story(wire).await.unwrap().unwrap().story;
    assert_eq!(copies.lead_article, Some(early_copy));
    assert_eq!((copies.article_count, copies.source_count), (2, 2), "no outlet known: each article counts as its own");
}

async fn article_on(store: &Store, title: &str, day: u32, hour: u32) -> ArticleId {
    let id = ArticleId::new_v7();
    store
        .upsert_article(ArticleUpsert {
            id: Some(id),
            title: title.into(),
            body_text: format!("{title}. The body."),
            published_at: Some(Utc.with_ymd_and_hms(2026, 6, day, hour, 0, 0).unwrap()),
            ..ArticleUpsert::default()
        })
        .await
        .unwrap();
    id
}

#[both_backends]
async fn top_stories_rank_by_outlets_with_freshness_that_decays_by_the_hour(db: TestDb) {
    let store = &db.store;
    let mut saves = Vec::new();
    // Three days ago: a story ten outlets told.
    let old = StoryId::new_v7();
    for n in 0..10 {
        saves.push(placed(article_on(store, &format!("Dam report {n}"), 1, 9).await, old, None, vec![]));
    }
    // This morning: an earthquake five outlets told.
    let quake = StoryId::new_v7();
    for n in 0..5 {
        saves.push(placed(article_on(store, &format!("Earthquake {n}"), 4, 7 + n).await, quake, None, vec![]));
    }
    // This afternoon: three stories of one article each.
    let mut singles = Vec::new();
    for (n, hour) in [(0, 14), (1, 15), (2, 16)] {
        let story = StoryId::new_v7();
        singles.push(story);
        saves.push(placed(article_on(store, &format!("Single {n}"), 4, hour).await, story, None, vec![]));
    }
    store.save_understanding(&saves).await.unwrap();
    let front = store.top_stories(0, 10).await.unwrap();
    let order: Vec<StoryId> = front.items.iter().map(|s| s.id).collect();
    assert_eq!(order, vec![quake, singles[2], singles[1], singles[0], old], "{front:?}");
    assert_eq!(front.total, 5);
    // Pages continue the same order, past the ranked stories too.
    let second = store.top_stories(3, 10).await.unwrap();
    assert_eq!(second.items.iter().map(|s| s.id).collect::<Vec<_>>(), vec![singles[0], old]);
}

#[both_backends]
async fn merged_stories_move_their_articles_and_old_ids_lead_to_the_survivor(db: TestDb) {
    let store = &db.store;
    let a = article(store, "Bridge closes", 8).await;
    let b = article(store, "Bridge shut for repairs", 9).await;
    let c = article(store, "Bridge repairs begin", 10).await;
    let (first, second) = (StoryId::new_v7(), StoryId::new_v7());
    store.save_understanding(&[placed(a, first, None, vec![]), placed(b, second, None, vec![])]).await.unwrap();
    store.save_understanding(&[merging(c, first, second)]).await.unwrap();
    let view = store.story(first).await.unwrap().unwrap();
    assert_eq!(view.story.article_count, 3);
    assert_eq!(store.current_story(second).await.unwrap(), Some(first));
    assert_eq!(store.current_story(first).await.unwrap(), Some(first));
    assert_eq!(store.current_story(StoryId::new_v7()).await.unwrap(), None);
    let front = store.top_stories(0, 10).await.unwrap();
    assert_eq!(front.items.iter().map(|s| s.id).collect::<Vec<_>>(), vec![first], "the merged story is gone");
}

#[both_backends]
async fn renewed_entities_replace_old_ones_and_clearing_keeps_articles(db: TestDb) {
    let store = &db.store;
    let a = article(store, "Council meets", 8).await;
    let story = StoryId::new_v7();
    store.save_understanding(&[placed(a, story, None, vec![entity("person", "old name", "Old Name")])]).await.unwrap();
    let renewed = Understood {
        article: a,
        placed: None,
        entities: vec![entity("person", "new name", "New Name")],
        keyphrases: vec!["council".into()],
        summary: None,
        language: None,
    };
    store.save_understanding(&[renewed]).await.unwrap();
    let ctx = store.article_context(a).await.unwrap();
    assert_eq!(ctx.entities.iter().map(|e| e.key.as_str()).collect::<Vec<_>>(), vec!["new name"]);
    assert_eq!(ctx.story.map(|s| s.id), Some(story), "renewing entities keeps the story");
    // An article deleted or never stored is skipped, not an error.
    store.save_understanding(&[placed(ArticleId::new_v7(), story, None, vec![])]).await.unwrap();

    store.clear_understanding().await.unwrap();
    assert_eq!(store.top_stories(0, 10).await.unwrap().total, 0);
    assert!(store.article_context(a).await.unwrap().entities.is_empty());
    assert_eq!(store.count_articles().await.unwrap(), 1, "articles stay");
    let inputs = store.understanding_inputs(&[a]).await.unwrap();
    assert_eq!(inputs[0].story, None);
}

#[both_backends]
async fn inputs_page_through_time_order_from_a_start(db: TestDb) {
    let store = &db.store;
    let mut ids = Vec::new();
    for hour in [12, 8, 10, 9, 11] {
        ids.push((hour, article(store, &format!("Item at {hour}"), hour).await));
    }
    let since = Some(Utc.with_ymd_and_hms(2026, 6, 2, 9, 0, 0).unwrap());
    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let page = store.understanding_inputs_page(since, after, 2).await.unwrap();
        if page.is_empty() {
            break;
        }
        after = page.last().map(|p| (p.at, p.id));
        seen.extend(page.into_iter().map(|p| p.title));
    }
    assert_eq!(seen, vec!["Item at 9", "Item at 10", "Item at 11", "Item at 12"]);
    assert_eq!(store.newest_article_time().await.unwrap(), Some(Utc.with_ymd_and_hms(2026, 6, 2, 12, 0, 0).unwrap()));
}

#[both_backends]
async fn an_articles_entities_and_copies_come_in_the_pages_order(db: TestDb) {
    let store = &db.store;
    let original = article(store, "Harbour board votes", 8).await;
    // Stored newest first, so that the order read is not the order stored.
    let late_copy = article(store, "Harbour board votes (copy, afternoon)", 15).await;
    let early_copy = article(store, "Harbour board votes (copy, morning)", 9).await;
    let story = StoryId::new_v7();
    let mentioned = |key: &str, mentions: u32| EntityRecord { mentions, ..entity("person", key, key) };
    store
        .save_understanding(&[placed(
            original,
            story,
            None,
            vec![
                mentioned("bea lind", 1),
                mentioned("ann moss", 5),
                mentioned("cal reed", 3),
                mentioned("abe kent", 3),
            ],
        )])
        .await
        .unwrap();
    store
        .save_understanding(&[
            placed(late_copy, story, Some(original), vec![]),
            placed(early_copy, story, Some(original), vec![]),
        ])
        .await
        .unwrap();
    let ctx = store.article_context(original).await.unwrap();
    let keys: Vec<&str> = ctx.entities.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(keys, vec!["ann moss", "abe kent", "cal reed", "bea lind"], "most mentioned first, then by key");
    let copies: Vec<ArticleId> = ctx.copies.iter().map(|c| c.article.id).collect();
    assert_eq!(copies, vec![early_copy, late_copy], "copies oldest first");
}

#[both_backends]
async fn a_story_is_due_for_drawing_at_two_articles_then_each_time_it_grows_by_a_third(db: TestDb) {
    let store = &db.store;
    // Many one-article stories asked about at once (never due), beside the one that grows.
    let mut asked = Vec::new();
    for hour in 0..60 {
        let story = StoryId::new_v7();
        let a = article(store, &format!("Harbour notice {hour}"), hour % 24).await;
        store.save_understanding(&[placed(a, story, None, vec![])]).await.unwrap();
        asked.push(story);
    }
    let growing = StoryId::new_v7();
    asked.push(growing);
    let due = |store: &Store, asked: Vec<StoryId>| {
        let store = store.clone();
        async move { store.stories_to_present(&asked).await.unwrap() }
    };
    for n in 1..=5u32 {
        let a = article(store, &format!("Tide gauge report {n}"), n).await;
        store.save_understanding(&[placed(a, growing, None, vec![])]).await.unwrap();
        let now = due(store, asked.clone()).await;
        match n {
            1 => assert!(now.is_empty(), "one article: nothing to draw from"),
            2 => {
                assert_eq!(now, vec![(growing, 2)], "two articles: due");
                store.present_stories(&[present(growing, 2)]).await.unwrap();
                assert!(due(store, asked.clone()).await.is_empty(), "drawn at two");
            }
            3 => {
                assert_eq!(now, vec![(growing, 3)], "grown by a third of two (rounded down) and one");
                store.present_stories(&[present(growing, 3)]).await.unwrap();
            }
            4 => assert!(now.is_empty(), "drawn at three: not yet at four"),
            _ => assert_eq!(now, vec![(growing, 5)], "due again at five"),
        }
    }
    // A story merged into another is drawn as the survivor, never itself.
    let survivor = StoryId::new_v7();
    let c = article(store, "Tide gauge repaired", 20).await;
    store.save_understanding(&[merging(c, survivor, growing)]).await.unwrap();
    let now = due(store, asked.iter().copied().chain([survivor]).collect()).await;
    assert_eq!(now, vec![(survivor, 6)], "the merged story is not due; the survivor has all six");
}

fn present(story: StoryId, count: u32) -> newsdesk_store::Presented {
    newsdesk_store::Presented { story, title: "Tide gauge".into(), summary: "The gauge.".into(), language: None, count }
}

/// An article of `day` (June 2026) at `hour` from the outlet at `domain`.
async fn dated(store: &Store, title: &str, day: u32, hour: u32, domain: &str) -> ArticleId {
    stored(store, title, day, hour, Some(domain)).await
}

#[both_backends]
async fn the_front_page_ranks_live_stories_then_pages_into_older_ones(db: TestDb) {
    let store = &db.store;
    let (quake, fair, dam, gone) = (StoryId::new_v7(), StoryId::new_v7(), StoryId::new_v7(), StoryId::new_v7());
    let port = entity("place", "port alder", "Port Alder");
    let mut placed_now = Vec::new();
    // Three outlets in the morning, one later; a story nine days before, outside the days
    // ranked by coverage; and the quake's first report, placed apart at first and merged.
    for domain in ["one.example", "two.example", "three.example"] {
        let a = dated(store, "Quake shakes the coast", 20, 6, domain).await;
        placed_now.push(placed(a, quake, None, vec![port.clone()]));
    }
    let fair_article = dated(store, "Harvest fair opens", 20, 8, "one.example").await;
    placed_now.push(placed(fair_article, fair, None, vec![]));
    let dam_article = dated(store, "Dam repairs begin", 11, 9, "two.example").await;
    placed_now.push(placed(dam_article, dam, None, vec![port.clone()]));
    let early = dated(store, "Tremor felt inland", 12, 9, "four.example").await;
    placed_now.push(placed(early, gone, None, vec![]));
    store.save_understanding(&placed_now).await.unwrap();
    let joining = dated(store, "Aftershocks follow the quake", 20, 7, "four.example").await;
    store.save_understanding(&[merging(joining, quake, gone)]).await.unwrap();

    let ids =
        |page: &newsdesk_store::Page<newsdesk_store::StoryCard>| page.items.iter().map(|s| s.id).collect::<Vec<_>>();
    let front = store.top_stories(0, 10).await.unwrap();
    assert_eq!(front.total, 3, "the merged story is not counted");
    assert_eq!(ids(&front), vec![quake, fair, dam], "coverage, then freshness, then the older stories");
    let quake_card = &front.items[0];
    assert_eq!((quake_card.article_count, quake_card.source_count), (5, 4));
    // Page by page, across the end of the ranked stories.
    assert_eq!(ids(&store.top_stories(1, 1).await.unwrap()), vec![fair]);
    assert_eq!(ids(&store.top_stories(2, 1).await.unwrap()), vec![dam]);
    assert_eq!(ids(&store.top_stories(1, 5).await.unwrap()), vec![fair, dam]);
    assert!(store.top_stories(3, 1).await.unwrap().items.is_empty());

    // An entity's stories, newest activity first, as many as asked for.
    let place = store.entity("place", "port alder", 10).await.unwrap().unwrap();
    assert_eq!(place.stories.iter().map(|s| s.id).collect::<Vec<_>>(), vec![quake, dam]);
    let place = store.entity("place", "port alder", 1).await.unwrap().unwrap();
    assert_eq!(place.stories.iter().map(|s| s.id).collect::<Vec<_>>(), vec![quake]);
}

#[both_backends]
async fn an_entitys_page_follows_its_mentions_by_time_past_many_of_one_story(db: TestDb) {
    let store = &db.store;
    let mill = entity("organization", "alder mill", "Alder Mill");
    let (big, small, old) = (StoryId::new_v7(), StoryId::new_v7(), StoryId::new_v7());
    // One story names the mill in more articles than the page reads at once, after two
    // smaller ones did.
    let first = dated(store, "Mill opens", 2, 9, "one.example").await;
    let second = dated(store, "Mill hires", 3, 9, "two.example").await;
    store
        .save_understanding(&[
            placed(first, old, None, vec![mill.clone()]),
            placed(second, small, None, vec![mill.clone()]),
        ])
        .await
        .unwrap();
    let mut batch = Vec::new();
    for n in 0..450_u32 {
        let a = dated(store, &format!("Mill fire, update {n}"), 10 + n / 24, n % 24, "three.example").await;
        batch.push(placed(a, big, None, vec![mill.clone()]));
    }
    store.save_understanding(&batch).await.unwrap();
    let page = store.entity("organization", "alder mill", 3).await.unwrap().unwrap();
    assert_eq!(page.entity.articles, 452);
    assert_eq!(page.stories.iter().map(|s| s.id).collect::<Vec<_>>(), vec![big, small, old]);
    assert_eq!(page.articles.len(), 3);
    assert!(page.articles.iter().all(|a| a.title.starts_with("Mill fire")), "newest first");

    // The first article's date is corrected to after every other: it leads the mentions, and
    // its story the stories.
    store
        .upsert_article(ArticleUpsert {
            id: Some(first),
            title: "Mill opens".into(),
            body_text: "Mill opens. The body.".into(),
            original_domain: Some("one.example".into()),
            published_at: Some(Utc.with_ymd_and_hms(2026, 6, 30, 9, 0, 0).unwrap()),
            ..ArticleUpsert::default()
        })
        .await
        .unwrap();
    let page = store.entity("organization", "alder mill", 2).await.unwrap().unwrap();
    assert_eq!(page.articles[0].id, first);
    assert_eq!(page.stories.iter().map(|s| s.id).collect::<Vec<_>>(), vec![old, big]);
}

#[both_backends]
async fn a_batch_names_an_entity_as_article_by_article_writes_would(db: TestDb) {
    let store = &db.store;
    // Each article offers its form; a later one renames the entity only with more
    // characters (the Cyrillic form has as many characters, though more bytes).
    let forms = ["Kyiv", "Київ", "Kyjiw"];
    let (story, lone) = (StoryId::new_v7(), StoryId::new_v7());
    let mut batch = Vec::new();
    for (n, form) in forms.iter().enumerate() {
        let a = dated(store, &format!("Talks in the capital, part {n}"), 5, 9 + n as u32, "one.example").await;
        let into = if n == 1 { lone } else { story };
        batch.push(placed(a, into, None, vec![entity("place", "kyiv", form), entity("place", "kyiv", form)]));
    }
    store.save_understanding(&batch).await.unwrap();
    let page = store.entity("place", "kyiv", 10).await.unwrap().unwrap();
    assert_eq!(page.entity.name, "Kyjiw");
    assert_eq!(page.entity.articles, 3);
    let mut others = page.other_names.clone();
    others.sort();
    assert_eq!(others, vec!["Kyiv".to_owned(), "Київ".to_owned()]);
    assert_eq!(page.stories.len(), 2);
    let view = store.story(story).await.unwrap().unwrap();
    assert_eq!(view.story.article_count, 2);
    assert_eq!(view.entities[0].articles, 2, "one mention row per article, its mentions summed");
}

#[both_backends]
async fn many_stories_are_presented_in_one_call_each_with_its_own_title(db: TestDb) {
    let store = &db.store;
    let mut presented = Vec::new();
    for n in 0..130_u32 {
        let story = StoryId::new_v7();
        let a = dated(store, &format!("Ferry timetable {n}"), 3, n % 24, "one.example").await;
        store.save_understanding(&[placed(a, story, None, vec![])]).await.unwrap();
        presented.push(newsdesk_store::Presented {
            story,
            title: format!("Timetable, route {n}"),
            summary: format!("Route {n} changes."),
            language: (n % 2 == 1).then(|| "de".to_owned()),
            count: n + 1,
        });
    }
    store.present_stories(&presented).await.unwrap();
    for p in [&presented[0], &presented[99], &presented[100], &presented[129]] {
        let story = store.story(p.story).await.unwrap().unwrap().story;
        assert_eq!((story.title.as_str(), story.summary.as_str()), (p.title.as_str(), p.summary.as_str()));
        assert_eq!(story.language, p.language, "the language of its title");
    }
}

#[both_backends]
async fn an_article_placed_twice_in_one_batch_keeps_the_later_placement(db: TestDb) {
    let store = &db.store;
    let a = dated(store, "Bridge reopens", 4, 9, "one.example").await;
    let (first, second) = (StoryId::new_v7(), StoryId::new_v7());
    let mill = entity("organization", "alder mill", "Alder Mill");
    store
        .save_understanding(&[placed(a, first, None, vec![]), placed(a, second, None, vec![mill.clone()])])
        .await
        .unwrap();
    let ctx = store.article_context(a).await.unwrap();
    assert_eq!(ctx.story.map(|s| s.id), Some(second));
    assert_eq!(store.entity("organization", "alder mill", 5).await.unwrap().unwrap().entity.articles, 1);
}

#[both_backends]
async fn a_storys_members_carry_their_language(db: TestDb) {
    let store = &db.store;
    let story = StoryId::new_v7();
    let untagged = dated(store, "Ferry fares rise", 4, 8, "one.example").await;
    let german = ArticleId::new_v7();
    store
        .upsert_article(ArticleUpsert {
            id: Some(german),
            title: "Fährpreise steigen".into(),
            body_text: "Die Fährpreise steigen im Juli.".into(),
            language: Some("de-DE".into()),
            published_at: Some(Utc.with_ymd_and_hms(2026, 6, 4, 9, 0, 0).unwrap()),
            ..ArticleUpsert::default()
        })
        .await
        .unwrap();
    let later = dated(store, "Fares: what changes", 4, 10, "two.example").await;
    store
        .save_understanding(&[
            placed(untagged, story, None, vec![]),
            placed(german, story, None, vec![]),
            placed(later, story, None, vec![]),
        ])
        .await
        .unwrap();
    let read = store.story_members(&[story], 24, None).await.unwrap();
    let languages: Vec<Option<&str>> = read[0].1.iter().map(|m| m.language.as_deref()).collect();
    // Newest first; an article stored without a language has none.
    assert_eq!(languages, [None, Some("de-DE"), None]);
}

#[both_backends]
async fn a_storys_readers_articles_are_read_however_old(db: TestDb) {
    let store = &db.store;
    let story = StoryId::new_v7();
    let mut placed_all = Vec::new();
    // An English report first, then thirty in other languages.
    for (n, language) in std::iter::once("en-GB").chain(std::iter::repeat_n("fr", 30)).enumerate() {
        let id = ArticleId::new_v7();
        store
            .upsert_article(ArticleUpsert {
                id: Some(id),
                title: format!("Report {n}"),
                body_text: "The text.".into(),
                language: Some(language.into()),
                published_at: Some(
                    Utc.with_ymd_and_hms(2026, 6, 4, 0, 0, 0).unwrap() + chrono::Duration::minutes(n as i64),
                ),
                ..ArticleUpsert::default()
            })
            .await
            .unwrap();
        placed_all.push(placed(id, story, None, vec![]));
    }
    store.save_understanding(&placed_all).await.unwrap();
    let newest = store.story_members(&[story], 24, None).await.unwrap();
    assert_eq!(newest[0].1.len(), 24);
    assert!(newest[0].1.iter().all(|m| m.language.as_deref() == Some("fr")));
    let with_readers = store.story_members(&[story], 24, Some("en")).await.unwrap();
    let members = &with_readers[0].1;
    assert_eq!(members.len(), 25);
    assert_eq!(members.last().map(|m| (m.title.as_str(), m.language.as_deref())), Some(("Report 0", Some("en-GB"))));
}
