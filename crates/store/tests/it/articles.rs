//! Articles stored, read back, listed and searched, on both backends.

use chrono::{TimeZone, Utc};
use newsdesk_model::{ArticleId, ArticleUpsert, SafeHtml};
use url::Url;

use newsdesk_store::{SnippetPart, Store, StoreError, StoreOptions, UpsertOutcome};
use newsdesk_testkit::{TestDb, both_backends};

fn upsert(title: &str, body: &str, day: u32) -> ArticleUpsert {
    ArticleUpsert {
        id: Some(ArticleId::new_v7()),
        title: title.into(),
        summary: format!("Summary of {title}."),
        body_text: body.into(),
        published_at: Some(Utc.with_ymd_and_hms(2026, 4, day, 8, 0, 0).unwrap()),
        ..ArticleUpsert::default()
    }
}

#[both_backends]
async fn stores_and_reads_back_every_field(db: TestDb) {
    let store = &db.store;
    let input = ArticleUpsert {
        byline: Some("Ines Duarte".into()),
        updated_at: Some(Utc.with_ymd_and_hms(2026, 4, 2, 9, 15, 30).unwrap()),
        language: Some("pt".into()),
        url: Some(Url::parse("https://porto.example/ponte").unwrap()),
        original_url: Some(Url::parse("https://wire.example/story/9").unwrap()),
        body_html: Some(SafeHtml::sanitize("<p>Ponte <em>aberta</em></p><script>x()</script>")),
        comment_count: 3,
        ..upsert("Ponte reabre", "Ponte aberta.", 1)
    };
    let id = input.id.unwrap();
    assert_eq!(store.upsert_article(input.clone()).await.unwrap(), UpsertOutcome::Created(id));
    let a = store.article(id).await.unwrap().unwrap();
    assert_eq!(a.title, "Ponte reabre");
    assert_eq!(a.summary, input.summary);
    assert_eq!(a.body_text, "Ponte aberta.");
    assert_eq!(a.body_html.as_str(), "<p>Ponte <em>aberta</em></p>");
    assert_eq!(a.byline.as_deref(), Some("Ines Duarte"));
    assert_eq!(a.published_at, input.published_at);
    assert_eq!(a.updated_at, input.updated_at);
    assert_eq!(a.language.as_deref(), Some("pt"));
    assert_eq!(a.url, input.url);
    assert_eq!(a.original_url, input.original_url);
    assert_eq!(a.original_domain.as_deref(), Some("wire.example"));
    assert_eq!(a.comment_count, 3);
    assert_eq!(a.created_at, a.modified_at);
}

#[both_backends]
async fn reupserting_updates_and_never_duplicates(db: TestDb) {
    let store = &db.store;
    let first = ArticleUpsert { byline: Some("Kept Byline".into()), ..upsert("First title", "Old body.", 3) };
    let id = first.id.unwrap();
    store.upsert_article(first.clone()).await.unwrap();
    let created = store.article(id).await.unwrap().unwrap();

    assert_eq!(store.upsert_article(first.clone()).await.unwrap(), UpsertOutcome::Unchanged(id));

    let second = ArticleUpsert { title: "Second title".into(), body_text: "New body.".into(), byline: None, ..first };
    assert_eq!(store.upsert_article(second).await.unwrap(), UpsertOutcome::Updated(id));
    assert_eq!(store.count_articles().await.unwrap(), 1);
    let updated = store.article(id).await.unwrap().unwrap();
    assert_eq!(updated.title, "Second title");
    assert_eq!(updated.body_text, "New body.");
    assert_eq!(updated.byline.as_deref(), Some("Kept Byline"), "a field the writer did not give is kept");
    assert_eq!(updated.created_at, created.created_at);
    assert!(updated.modified_at >= created.modified_at);

    // The full-text index follows the update.
    assert_eq!(store.search("old", 0, 10).await.unwrap().total, 0);
    assert_eq!(store.search("new body", 0, 10).await.unwrap().total, 1);
}

#[both_backends]
async fn invalid_articles_write_nothing(db: TestDb) {
    let store = &db.store;
    let err = store.upsert_article(upsert("  ", "Body.", 1)).await.unwrap_err();
    assert!(err.to_string().contains("title"), "{err}");
    assert_eq!(store.count_articles().await.unwrap(), 0);
}

#[both_backends]
async fn new_articles_without_an_id_get_a_v7_id(db: TestDb) {
    let store = &db.store;
    let outcome = store.upsert_article(ArticleUpsert { id: None, ..upsert("No id", "Body.", 1) }).await.unwrap();
    assert_eq!(outcome.id().as_uuid().get_version_num(), 7);
}

#[both_backends]
async fn recent_articles_are_newest_first_and_paginated(db: TestDb) {
    let store = &db.store;
    for day in 1..=5 {
        store.upsert_article(upsert(&format!("Day {day}"), "Body.", day)).await.unwrap();
    }
    let page = store.recent_articles(0, 2).await.unwrap();
    assert_eq!(page.items.iter().map(|c| c.title.as_str()).collect::<Vec<_>>(), ["Day 5", "Day 4"]);
    assert_eq!(page.total, 5);
    assert!(page.has_more());
    let last = store.recent_articles(4, 2).await.unwrap();
    assert_eq!(last.items.len(), 1);
    assert_eq!(last.items[0].title, "Day 1");
    assert!(!last.has_more());
}

#[both_backends]
async fn articles_after_walks_everything_once(db: TestDb) {
    let store = &db.store;
    for day in 1..=7 {
        store.upsert_article(upsert(&format!("A{day}"), "Body.", day)).await.unwrap();
    }
    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let batch = store.articles_after(after, 3).await.unwrap();
        let Some(last) = batch.last() else { break };
        after = Some(last.id);
        seen.extend(batch.into_iter().map(|a| a.id));
    }
    let mut sorted = seen.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(seen, sorted, "in id order, no repeats");
    assert_eq!(seen.len(), 7);
}

#[both_backends]
async fn search_ranks_title_matches_first_and_highlights(db: TestDb) {
    let store = &db.store;
    store
        .upsert_article(upsert("Council budget vote", "The lighthouse was mentioned once in passing.", 1))
        .await
        .unwrap();
    store.upsert_article(upsert("Lighthouse keeper retires", "After forty years the keeper leaves.", 2)).await.unwrap();
    store.upsert_article(upsert("Weather", "Rain all week.", 3)).await.unwrap();

    let results = store.search("lighthouse", 0, 10).await.unwrap();
    assert_eq!(results.total, 2);
    assert_eq!(results.hits[0].article.title, "Lighthouse keeper retires");
    assert_eq!(results.hits[1].article.title, "Council budget vote");
    assert!(
        results.hits[1].snippet.contains(&SnippetPart::Match("lighthouse".into())),
        "{:?}",
        results.hits[1].snippet
    );

    // Stemming: a plural finds the singular.
    assert_eq!(store.search("keepers", 0, 10).await.unwrap().total, 1);
    // Exclusion and phrases.
    assert_eq!(store.search("lighthouse -keeper", 0, 10).await.unwrap().total, 1);
    assert_eq!(store.search("\"forty years\"", 0, 10).await.unwrap().total, 1);
    assert_eq!(store.search("\"years forty\"", 0, 10).await.unwrap().total, 0);
    // Hostile syntax is just words.
    assert_eq!(store.search("lighthouse AND NEAR( \"", 0, 10).await.unwrap().total, 0);
    // OR is ours: either word, the other one read as a word too, never as syntax.
    assert_eq!(store.search("lighthouse OR NEAR( \"", 0, 10).await.unwrap().total, 2);
    assert_eq!(store.search("", 0, 10).await.unwrap().total, 0);
}

#[both_backends]
async fn search_finds_words_inside_text_written_without_spaces(db: TestDb) {
    let store = &db.store;
    let lang = |mut u: ArticleUpsert, l: &str| {
        u.language = Some(l.into());
        u
    };
    let zh = lang(
        upsert("港口大桥重新开放", "经过三周的维修，港口大桥今天重新开放。市政府表示，渡轮服务将恢复正常。", 1),
        "zh",
    );
    let ja = lang(
        upsert("港の橋が再開", "三週間の修理を終えて、港の橋が今日再開しました。フェリーは通常運航に戻ります。", 2),
        "ja",
    );
    let th = lang(upsert("เด็กนักเรียนกลับบ้าน", "เด็กนักเรียนกลับบ้านวันนี้ ครูบอกว่าทุกคนปลอดภัย", 3), "th");
    let ko = lang(
        upsert(
            "항구 다리 다시 열려",
            "서울에서 온 기술자들이 항구 다리를 고쳤다. 시청은 배가 다시 다닌다고 밝혔다.",
            5,
        ),
        "ko",
    );
    let en = upsert("Harbour bridge reopens", "The harbour bridge reopened; the 渡轮 timetable is back.", 4);
    for a in [zh, ja, th, ko, en] {
        store.upsert_article(a).await.unwrap();
    }
    let total = |q: &'static str| async move { store.search(q, 0, 10).await.unwrap().total };
    // A word inside a run of characters, in each script.
    assert_eq!(total("大桥").await, 1);
    assert_eq!(total("市政府").await, 1);
    assert_eq!(total("フェリー").await, 1);
    assert_eq!(total("修理").await, 1);
    assert_eq!(total("นักเรียน").await, 1);
    assert_eq!(total("ปลอดภัย").await, 1);
    assert_eq!(total("เด็ก").await, 1, "a word with a tone mark");
    // Korean writes a word's particles onto it: "서울에서" is "in Seoul".
    assert_eq!(total("서울").await, 1);
    assert_eq!(total("시청").await, 1);
    // Its characters in that order, not anywhere.
    assert_eq!(total("桥大").await, 0);
    // With other words, a filter, an exclusion, or as another language's word.
    assert_eq!(total("渡轮").await, 2);
    assert_eq!(total("渡轮 harbour").await, 1);
    assert_eq!(total("渡轮 lang:zh").await, 1);
    assert_eq!(total("渡轮 -大桥").await, 1);
    assert_eq!(total("harbour -渡轮").await, 0);
    assert_eq!(total("港 -大桥").await, 1);
    // Either a word without spaces or another word: each is looked for in its own index.
    assert_eq!(total("修理 OR timetable").await, 2);
    assert_eq!(total("timetable OR 修理").await, 2);
    assert_eq!(total("修理 OR timetable -harbour").await, 1);
    assert_eq!(total("修理 OR timetable -渡轮").await, 1);
    assert_eq!(total("修理 OR timetable 港").await, 1, "with a word without spaces");
    assert_eq!(total("修理 OR timetable bridge").await, 1, "with another word");
    assert_eq!(total("修理 OR timetable 市政府 OR reopened").await, 1, "two such terms");
    assert_eq!(total("修理 OR timetable lang:ja").await, 1);
    let hits = store.search("修理 OR timetable", 0, 10).await.unwrap().hits;
    let marked: Vec<&SnippetPart> =
        hits.iter().flat_map(|h| &h.snippet).filter(|p| matches!(p, SnippetPart::Match(_))).collect();
    assert!(marked.contains(&&SnippetPart::Match("修理".into())), "{marked:?}");
    assert!(marked.contains(&&SnippetPart::Match("timetable".into())), "{marked:?}");
    // The passage shows the word where the text writes it.
    let hits = store.search("市政府", 0, 10).await.unwrap().hits;
    assert!(hits[0].snippet.contains(&SnippetPart::Match("市政府".into())), "{:?}", hits[0].snippet);
    let hits = store.search("นักเรียน", 0, 10).await.unwrap().hits;
    assert!(hits[0].snippet.contains(&SnippetPart::Match("นักเรียน".into())), "{:?}", hits[0].snippet);
}

#[both_backends]
async fn search_paginates(db: TestDb) {
    let store = &db.store;
    for day in 1..=5 {
        store.upsert_article(upsert(&format!("Tram report {day}"), "Trams ran late.", day)).await.unwrap();
    }
    let first = store.search("tram", 0, 2).await.unwrap();
    let second = store.search("tram", 2, 2).await.unwrap();
    assert_eq!(first.total, 5);
    assert_eq!(first.hits.len(), 2);
    assert_eq!(second.hits.len(), 2);
    assert!(first.hits.iter().all(|h| second.hits.iter().all(|s| s.article.id != h.article.id)));
    // A search lists its first SEARCH_DEPTH results: a page that reaches past them is cut
    // there, and one that starts past them is refused as bad input, saying what to do.
    let edge = store.search("tram", newsdesk_store::SEARCH_DEPTH - 1, 10).await.unwrap();
    assert_eq!((edge.total, edge.limit), (5, 1));
    let past = store.search("tram", newsdesk_store::SEARCH_DEPTH, 10).await.unwrap_err();
    assert!(matches!(past, StoreError::Invalid(_)), "{past:?}");
    assert!(past.to_string().contains("narrow it"), "{past}");
}

#[both_backends]
async fn data_survives_closing_and_reopening(db: TestDb) {
    let store = db.store.clone();
    let input = upsert("Durable", "Saved before the restart.", 9);
    let id = input.id.unwrap();
    store.upsert_article(input).await.unwrap();
    store.close().await;
    drop(store);
    let reopened = Store::open(&db.path(), &StoreOptions::default()).await.unwrap();
    assert_eq!(reopened.article(id).await.unwrap().unwrap().title, "Durable");
    assert_eq!(reopened.search("restart", 0, 5).await.unwrap().total, 1);
}

#[both_backends]
async fn batches_report_each_item_and_write_the_valid_ones(db: TestDb) {
    let store = &db.store;
    let good = upsert("Good one", "Body.", 1);
    let repeat = ArticleUpsert { title: "Good one, corrected".into(), ..good.clone() };
    let outcomes = store.upsert_articles(vec![good.clone(), upsert("", "Body.", 2), repeat]).await.unwrap();
    assert_eq!(outcomes.len(), 3);
    assert_eq!(outcomes[0], Ok(UpsertOutcome::Created(good.id.unwrap())));
    assert_eq!(outcomes[1].as_ref().unwrap_err().field, "title");
    assert_eq!(outcomes[2], Ok(UpsertOutcome::Updated(good.id.unwrap())), "a repeat in one batch sees the first");
    assert_eq!(store.count_articles().await.unwrap(), 1);
    assert_eq!(store.article(good.id.unwrap()).await.unwrap().unwrap().title, "Good one, corrected");

    let all_bad = store.upsert_articles(vec![upsert(" ", "x", 1)]).await.unwrap();
    assert!(all_bad[0].is_err());
}

#[both_backends]
async fn recent_full_articles_match_the_listing(db: TestDb) {
    let store = &db.store;
    for day in 1..=4 {
        store.upsert_article(upsert(&format!("Day {day}"), "Body text.", day)).await.unwrap();
    }
    let full = store.recent_full_articles(3).await.unwrap();
    let cards = store.recent_articles(0, 3).await.unwrap();
    assert_eq!(full.iter().map(|a| a.id).collect::<Vec<_>>(), cards.items.iter().map(|c| c.id).collect::<Vec<_>>());
    assert_eq!(full[0].title, "Day 4");
    assert_eq!(full[0].body_text, "Body text.");
}

#[both_backends]
async fn search_filters_by_source_language_and_day(db: TestDb) {
    use newsdesk_store::ParsedQuery;
    let store = &db.store;
    let mut a = upsert("Harbour ferry timetable", "Ferries run every ten minutes.", 2);
    a.original_domain = Some("www.harbourpost.example".into());
    a.language = Some("en".into());
    let mut b = upsert("Fährplan im Hafen", "Die Fähre fährt alle zehn Minuten, ferry.", 5);
    b.original_domain = Some("hafenblatt.example".into());
    b.language = Some("de".into());
    let mut c = upsert("Ferry fares rise", "Ferry fares rise in June.", 9);
    c.original_domain = Some("harbourpost.example".into());
    c.language = Some("en".into());
    for x in [a, b, c] {
        store.upsert_article(x).await.unwrap();
    }
    let titles = |r: newsdesk_store::SearchResults| r.hits.into_iter().map(|h| h.article.title).collect::<Vec<_>>();
    let q = |s: &str| ParsedQuery::read(s).unwrap();
    let r = store.search_query(&q("ferry source:harbourpost.example"), 0, 10).await.unwrap();
    assert_eq!(r.total, 2);
    assert!(titles(r).iter().all(|t| !t.contains("Fährplan")));
    assert_eq!(titles(store.search_query(&q("ferry lang:de"), 0, 10).await.unwrap()), vec!["Fährplan im Hafen"]);
    // The articles a filter passes lie around one it does not (stored between them), which
    // the words find too: it stays out.
    let r = store.search_query(&q("ferry lang:en"), 0, 10).await.unwrap();
    assert_eq!(r.total, 2);
    assert!(titles(r).iter().all(|t| !t.contains("Fährplan")));
    let r = store.search_query(&q("ferry after:2026-04-05 before:2026-04-09"), 0, 10).await.unwrap();
    assert_eq!(titles(r), vec!["Fährplan im Hafen"], "after is inclusive, before exclusive");
    // Filters alone: newest first.
    let r = store.search_query(&q("source:www.harbourpost.example"), 0, 10).await.unwrap();
    assert_eq!(titles(r), vec!["Ferry fares rise", "Harbour ferry timetable"]);
    assert_eq!(store.search_query(&q("lang:fr"), 0, 10).await.unwrap().total, 0);
    // Words with a filter that no article passes.
    for query in ["ferry lang:fr", "ferry source:nowhere.example", "ferry lang:de before:2026-04-02"] {
        let r = store.search_query(&q(query), 0, 10).await.unwrap();
        assert_eq!((r.total, r.hits.len()), (0, 0), "{query}");
    }
}

#[both_backends]
async fn either_word_and_words_that_start_so(db: TestDb) {
    let store = &db.store;
    store.upsert_article(upsert("Ferry timetable", "The ferry runs every ten minutes.", 2)).await.unwrap();
    store.upsert_article(upsert("Night bus returns", "A night bus serves the harbour again.", 3)).await.unwrap();
    store
        .upsert_article(upsert("Harbourmaster retires", "The harbourmaster leaves after thirty years.", 4))
        .await
        .unwrap();
    store.upsert_article(upsert("Council budget", "Councillors approved the plan.", 5)).await.unwrap();
    let titles = |q: &'static str| {
        let store = store.clone();
        async move {
            let mut t: Vec<String> =
                store.search(q, 0, 10).await.unwrap().hits.into_iter().map(|h| h.article.title).collect();
            t.sort();
            t
        }
    };
    assert_eq!(titles("ferry OR \"night bus\"").await, vec!["Ferry timetable", "Night bus returns"]);
    assert_eq!(titles("harbourm*").await, vec!["Harbourmaster retires"]);
    assert_eq!(titles("counc* OR ferry").await, vec!["Council budget", "Ferry timetable"]);
    assert_eq!(titles("harbour* -harbourm*").await, vec!["Night bus returns"]);
    assert_eq!(titles("ferry or budget").await, Vec::<String>::new(), "lowercase or is a word like any other");
}

#[both_backends]
async fn stop_words_alone_match_nothing_on_postgresql_and_never_stop_a_match(db: TestDb) {
    let store = &db.store;
    store.upsert_article(upsert("Ferry plans", "The ferries were sailing again in May.", 3)).await.unwrap();
    let alone = store.search("were", 0, 10).await.unwrap();
    // FTS5 indexes every word; PostgreSQL's English configuration leaves stop words out.
    let expected = if store.backend_name() == "postgres" { 0 } else { 1 };
    assert_eq!(alone.total, expected, "{}", store.backend_name());
    assert_eq!(store.search("were ferries", 0, 10).await.unwrap().total, 1);
    assert_eq!(store.search("\"were sailing\"", 0, 10).await.unwrap().total, 1);
}

#[both_backends]
async fn a_word_in_very_many_articles_lists_the_newest_first(db: TestDb) {
    use newsdesk_store::ParsedQuery;
    let store = &db.store;
    for day in 1..=6 {
        let body = if day == 2 { "Harbour harbour harbour harbour news." } else { "Harbour news." };
        store.upsert_article(upsert(&format!("Report {day}"), body, day)).await.unwrap();
    }
    let q = ParsedQuery::read("harbour").unwrap();
    let all = store.search_ranking(&q, 0, 10, 100).await.unwrap();
    assert_eq!((all.total, all.ranked_newest), (6, None));
    assert_eq!(all.hits[0].article.title, "Report 2", "ranked by relevance");
    let newest = store.search_ranking(&q, 0, 10, 3).await.unwrap();
    assert_eq!((newest.total, newest.ranked_newest), (3, Some(3)));
    let titles: Vec<_> = newest.hits.iter().map(|h| h.article.title.as_str()).collect();
    assert_eq!(titles, vec!["Report 6", "Report 5", "Report 4"], "the newest, newest first");
    assert!(newest.hits.iter().all(|h| h.snippet.iter().any(|p| matches!(p, newsdesk_store::SnippetPart::Match(_)))));
}

#[both_backends]
async fn listings_by_filters_alone_are_whole_and_newest_first_on_every_page(db: TestDb) {
    use newsdesk_store::ParsedQuery;
    let store = &db.store;
    // Four weeks of articles: most in English from one large outlet, some in German (and a
    // language whose code starts as German's does) from a small one. Which way a listing is
    // read (walking every article newest first, or through the filters' indexes) depends on
    // how many match and how deep the page is; the answer must not.
    let mut all = Vec::new();
    for day in 1..=28_u32 {
        let language = match day {
            d if d % 7 == 0 => "del",
            d if d % 4 == 0 => "de-AT",
            d if d % 3 == 0 => "de",
            d if d % 2 == 0 => "en-GB",
            _ => "en",
        };
        let domain = if day % 5 == 0 { "small.example" } else { "big.example" };
        let mut a = upsert(&format!("Day {day}"), "Body text.", day);
        a.language = Some(language.into());
        a.original_domain = Some(domain.into());
        store.upsert_article(a).await.unwrap();
        all.push((day, language, domain));
    }
    all.reverse();
    let expected = |keep: &dyn Fn(&str, &str) -> bool| {
        all.iter().filter(|(_, l, d)| keep(l, d)).map(|(day, ..)| format!("Day {day}")).collect::<Vec<_>>()
    };
    let cases: [(&str, Vec<String>); 5] = [
        ("lang:en", expected(&|l, _| l.starts_with("en"))),
        ("lang:de", expected(&|l, _| l.starts_with("de-") || l == "de")),
        ("lang:del", expected(&|l, _| l == "del")),
        ("source:big.example", expected(&|_, d| d == "big.example")),
        ("source:small.example lang:de", expected(&|l, d| d == "small.example" && l.starts_with("de"))),
    ];
    for (query, want) in cases {
        let q = ParsedQuery::read(query).unwrap();
        assert!(!want.is_empty(), "{query}");
        for (offset, limit) in [(0, 3), (0, 30), (2, 4), (9, 5), (want.len() as u64 - 1, 3)] {
            let got = store.search_query(&q, offset, limit).await.unwrap();
            assert_eq!(got.total, want.len() as u64, "{query}");
            let titles: Vec<String> = got.hits.into_iter().map(|h| h.article.title).collect();
            let page: Vec<String> = want.iter().skip(offset as usize).take(limit as usize).cloned().collect();
            assert_eq!(titles, page, "{query} at {offset}+{limit}");
        }
    }
    // An outlet's page reads the same way.
    let big = expected(&|_, d| d == "big.example");
    for (offset, limit) in [(0, 3), (4, 10), (20, 5)] {
        let got = store.outlet_articles("www.big.example", offset, limit).await.unwrap();
        assert_eq!(got.total, big.len() as u64);
        let titles: Vec<String> = got.items.into_iter().map(|c| c.title).collect();
        assert_eq!(titles, big.iter().skip(offset as usize).take(limit as usize).cloned().collect::<Vec<_>>());
    }
    assert_eq!(store.outlet_articles("elsewhere.example", 0, 10).await.unwrap().total, 0);
}
