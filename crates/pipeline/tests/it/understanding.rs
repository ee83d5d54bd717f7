//! Stored articles understood as they arrive: stories that persist across restarts, copies
//! linked to their original, entities stored, and a rebuild that agrees.

use chrono::{TimeZone, Utc};
use newsdesk_model::{ArticleId, ArticleUpsert};
use newsdesk_pipeline::{Desk, Replay};
use newsdesk_store::Store;
use newsdesk_testkit::{TestDb, both_backends};
use url::Url;

const BRIDGE_GAZETTE: &str = "Engineers will close the Kessel Bridge over the Marrow River from Monday after \
    inspectors found corroded cables on its northern span, the regional transport office said. Commuters \
    between Alderton and Pike Hollow face detours of up to forty minutes while the Kessel Bridge is shut. \
    Transport director Hanna Voss said the closure could last six weeks. \"We will not take risks with a \
    bridge that carries twenty thousand cars a day,\" Voss said. Ferries across the Marrow River will run \
    every fifteen minutes during the closure.";

const BRIDGE_COURIER: &str = "The Kessel Bridge will shut on Monday for at least six weeks, transport director \
    Hanna Voss announced, after corrosion was discovered in cables on the northern span. Drivers between \
    Alderton and Pike Hollow are being told to expect long detours. Voss said the regional transport office \
    had no choice once inspectors reported the damage to the Kessel Bridge cables. Extra ferries will cross \
    the Marrow River while engineers replace the cables.";

const BRIDGE_FOLLOWUP: &str = "Traffic on the detour routes around the closed Kessel Bridge was heavy on \
    Tuesday, the first full day of the closure, and ferries over the Marrow River carried twice their usual \
    number of passengers. Hanna Voss of the regional transport office said cable replacement on the northern \
    span of the Kessel Bridge had begun and was on schedule for six weeks.";

const BUDGET: &str = "Councillors in Alderton approved a budget on Wednesday that raises spending on \
    libraries and parks while freezing the local property levy for a second year. Finance chair Oren Malik \
    said the council had found savings in office rents and energy costs. Opposition members argued that \
    road maintenance had been underfunded for a decade and voted against the plan, which passed by nine \
    votes to six after a four-hour meeting.";

async fn put(store: &Store, n: u16, host: &str, title: &str, body: &str, day: u32, hour: u32) -> ArticleId {
    let id = newsdesk_testkit::fixture_id(n);
    store
        .upsert_article(ArticleUpsert {
            id: Some(id),
            title: title.into(),
            summary: String::new(),
            body_text: body.into(),
            url: Some(Url::parse(&format!("https://{host}/news/{n}")).unwrap()),
            published_at: Some(Utc.with_ymd_and_hms(2026, 5, day, hour, 0, 0).unwrap()),
            ..ArticleUpsert::default()
        })
        .await
        .unwrap();
    id
}

/// The gazette's report of the bridge closure, on the morning of May 4.
async fn gazette_report(store: &Store) -> ArticleId {
    let title = "Kessel Bridge to close after cable corrosion found";
    put(store, 1, "gazette.example", title, BRIDGE_GAZETTE, 4, 8).await
}

/// The courier's report of the same closure, two hours later.
async fn courier_report(store: &Store) -> ArticleId {
    let title = "Kessel Bridge shut for six weeks over corroded cables";
    put(store, 2, "courier.example", title, BRIDGE_COURIER, 4, 10).await
}

/// Another event of the same town and day: the council's budget.
async fn budget_report(store: &Store) -> ArticleId {
    put(store, 3, "gazette.example", "Alderton council approves budget", BUDGET, 4, 12).await
}

async fn story_of(store: &Store, id: ArticleId) -> Option<newsdesk_model::StoryId> {
    store.article_context(id).await.unwrap().story.map(|s| s.id)
}

#[both_backends]
async fn coverage_of_one_event_becomes_one_story_and_survives_a_restart(db: TestDb) {
    let store = &db.store;
    let gazette = gazette_report(store).await;
    let courier = courier_report(store).await;
    let budget = budget_report(store).await;
    // A wire client republishes the gazette's report with a new headline and an intro line.
    let copy_text = format!("From our partners. {BRIDGE_GAZETTE}");
    let copy = put(store, 4, "weekly.example", "Bridge closure: what we know", &copy_text, 4, 13).await;

    let desk = Desk::new();
    assert_eq!(desk.warm_up(store).await.unwrap(), 4, "articles stored before understanding existed");
    let bridge = story_of(store, gazette).await.expect("a story");
    let summary = store.article(gazette).await.unwrap().unwrap().summary;
    assert!(
        summary.starts_with("Engineers will close the Kessel Bridge"),
        "an article without one gets a summary: {summary}"
    );
    assert_eq!(story_of(store, courier).await, Some(bridge), "independent report of the same event joins it");
    assert_ne!(story_of(store, budget).await, Some(bridge), "another event is another story");
    let ctx = store.article_context(copy).await.unwrap();
    assert_eq!(ctx.copy_of.map(|c| c.id), Some(gazette), "the copy names its original");
    assert_eq!(store.article_context(courier).await.unwrap().copy_of, None, "a rewrite is not a copy");
    let view = store.story(bridge).await.unwrap().unwrap();
    assert_eq!(view.story.article_count, 3);
    assert_eq!(view.story.source_count, 3);
    assert!(view.entities.iter().any(|e| e.key == "kessel bridge"), "{:?}", view.entities);
    assert!(view.entities.iter().any(|e| e.key == "hanna voss" && e.kind == "person"), "{:?}", view.entities);
    // Its title and summary are drawn from its reports, not taken from the first one.
    let headlines =
        ["Kessel Bridge to close after cable corrosion found", "Kessel Bridge shut for six weeks over corroded cables"];
    assert!(
        headlines.contains(&view.story.title.as_str()),
        "a reported headline, never the copy's: {}",
        view.story.title
    );
    assert!(view.story.summary.contains("Kessel Bridge"), "{}", view.story.summary);
    assert_ne!(view.story.summary, summary, "not the first article's summary alone");

    // A restart: a new desk replays the last days, and a follow-up a day later joins the
    // stored story rather than starting a new one.
    desk.step_down(store).await.unwrap();
    let restarted = Desk::new();
    assert!(restarted.warm_up(store).await.unwrap() > 0, "the new holder replays the last days");
    assert_eq!(restarted.warm_up(store).await.unwrap(), 0, "a desk warms up once");
    let followup =
        put(store, 5, "courier.example", "Detours busy as Kessel Bridge repairs begin", BRIDGE_FOLLOWUP, 5, 9).await;
    restarted.understand(store, &[followup]).await.unwrap();
    assert_eq!(story_of(store, followup).await, Some(bridge));
    let grown = store.story(bridge).await.unwrap().unwrap().story;
    assert!(
        ["Kessel Bridge shut for six weeks over corroded cables", "Detours busy as Kessel Bridge repairs begin"]
            .contains(&grown.title.as_str()),
        "the title follows the story to its last day: {}",
        grown.title
    );
    let voss = store.entity("person", "hanna voss", 10).await.unwrap().unwrap();
    assert_eq!(voss.entity.articles, 4);
    assert_eq!(voss.stories.iter().map(|s| s.id).collect::<Vec<_>>(), vec![bridge]);

    // Rebuilding from scratch groups the articles the same way.
    let before: Vec<_> = [gazette, courier, budget, copy, followup].to_vec();
    let mut groups_before = Vec::new();
    for id in &before {
        groups_before.push(story_of(store, *id).await);
    }
    store.clear_understanding().await.unwrap();
    let rebuilt = Desk::rebuilding().replay(store, None, Replay::Live, |_| {}).await.unwrap();
    assert_eq!(rebuilt, 5);
    let mut groups_after = Vec::new();
    for id in &before {
        groups_after.push(story_of(store, *id).await);
    }
    let same = |g: &[Option<newsdesk_model::StoryId>], i: usize, j: usize| g[i] == g[j];
    for i in 0..before.len() {
        for j in 0..before.len() {
            assert_eq!(same(&groups_before, i, j), same(&groups_after, i, j), "articles {i} and {j}");
        }
    }
    assert_eq!(store.article_context(copy).await.unwrap().copy_of.map(|c| c.id), Some(gazette));
}

#[both_backends]
async fn one_process_understands_for_all_and_another_takes_over(db: TestDb) {
    let store = &db.store;
    let (a, b) = (Desk::with_owner("worker-a".into()), Desk::with_owner("worker-b".into()));
    assert_eq!(a.lead(store).await.unwrap(), Some(0));
    assert_eq!(b.lead(store).await.unwrap(), None, "one holder at a time");
    assert!(a.leading() && !b.leading());

    // Each process stores what its polls found; only the holder places articles.
    let gazette = gazette_report(store).await;
    assert_eq!(a.understand(store, &[gazette]).await.unwrap(), 1);
    let bridge = story_of(store, gazette).await.expect("a story");
    let courier = courier_report(store).await;
    let budget = budget_report(store).await;
    assert_eq!(b.understand(store, &[courier, budget]).await.unwrap(), 0, "a follower leaves them queued");
    assert_eq!(story_of(store, courier).await, None);
    assert_eq!(a.understand_backlog(store).await.unwrap(), 2, "the holder takes the queue");
    assert_eq!(story_of(store, courier).await, Some(bridge), "into the story the holder knows");
    assert_ne!(story_of(store, budget).await, Some(bridge));
    assert_eq!(a.understand_backlog(store).await.unwrap(), 0, "the queue is empty");

    // The holder stops: the other takes over, warm, and the story goes on.
    a.step_down(store).await.unwrap();
    assert!(!a.leading());
    assert_eq!(b.lead(store).await.unwrap(), Some(3), "the new holder replays the stored articles");
    let followup =
        put(store, 5, "courier.example", "Detours busy as Kessel Bridge repairs begin", BRIDGE_FOLLOWUP, 5, 9).await;
    assert_eq!(a.understand(store, &[followup]).await.unwrap(), 0, "the old holder places nothing");
    assert_eq!(b.understand(store, &[followup]).await.unwrap(), 1);
    assert_eq!(story_of(store, followup).await, Some(bridge));
    assert_eq!(a.lead(store).await.unwrap(), None, "b holds the lease now");
}

#[both_backends]
async fn a_changed_article_keeps_its_story_and_renews_its_entities(db: TestDb) {
    let store = &db.store;
    let desk = Desk::new();
    desk.warm_up(store).await.unwrap();
    let id = put(store, 7, "gazette.example", "Alderton council approves budget", BUDGET, 6, 9).await;
    desk.understand(store, &[id]).await.unwrap();
    let story = story_of(store, id).await.expect("a story");
    let changed = BUDGET.replace("Oren Malik", "Lena Ortiz");
    put(store, 7, "gazette.example", "Alderton council approves budget", &changed, 6, 9).await;
    desk.understand(store, &[id]).await.unwrap();
    assert_eq!(story_of(store, id).await, Some(story));
    let keys: Vec<String> = store.article_context(id).await.unwrap().entities.into_iter().map(|e| e.key).collect();
    assert!(keys.contains(&"lena ortiz".to_owned()) && !keys.contains(&"oren malik".to_owned()), "{keys:?}");
    assert_eq!(store.top_stories(0, 10).await.unwrap().total, 1);
}

const FERRY_NOTE: &str = "Ferry crews on the Marrow River crossing will work extra shifts from Wednesday, \
    the operator said, as drivers avoid the long detours around the closed bridge. Voss said the timetable \
    would be reviewed each week until the bridge reopens, and that tickets would stay at their usual price. \
    A second boat could be chartered if queues at the landing grew longer than an hour, Voss added. The \
    operator has asked passengers on foot to use the earlier sailings where they can.";

#[both_backends]
async fn a_surname_alone_is_the_person_other_articles_name_in_full(db: TestDb) {
    let store = &db.store;
    let desk = Desk::new();
    desk.warm_up(store).await.unwrap();
    let first = gazette_report(store).await;
    let second = courier_report(store).await;
    desk.understand(store, &[first, second]).await.unwrap();
    let third = put(store, 3, "tidings.example", "Ferries add shifts on the river", FERRY_NOTE, 5, 9).await;
    desk.understand(store, &[third]).await.unwrap();
    let keys = |id| async move {
        store.article_context(id).await.unwrap().entities.into_iter().map(|e| e.key).collect::<Vec<String>>()
    };
    let got = keys(third).await;
    assert!(got.contains(&"hanna voss".to_owned()) && !got.contains(&"voss".to_owned()), "{got:?}");
    // The surname is one of her names: an address made from it leads to her page.
    assert_eq!(store.entity_called("person", "Voss").await.unwrap().as_deref(), Some("hanna voss"));
    // A process that starts later remembers the full names of the articles it warms up with.
    desk.step_down(store).await.unwrap();
    let restarted = Desk::new();
    restarted.warm_up(store).await.unwrap();
    let fourth = put(store, 4, "harbourpost.example", "Ferry timetable reviewed", FERRY_NOTE, 6, 9).await;
    restarted.understand(store, &[fourth]).await.unwrap();
    let got = keys(fourth).await;
    assert!(got.contains(&"hanna voss".to_owned()), "{got:?}");
}

const HAFENFEST: &str = "Das Hafenfest in Kellhafen beginnt in diesem Jahr schon am Freitagabend. Die Stadt \
    erwartet mehr Besucher als im vergangenen Sommer, weil zum ersten Mal auch die Fähren bis Mitternacht \
    fahren. Auf dem Kai spielen drei Kapellen, und die Fischer verkaufen ihren Fang direkt von den Booten. \
    Die Polizei bittet alle Gäste, mit dem Rad oder zu Fuß zu kommen, denn die Straßen am Hafen bleiben \
    für Autos gesperrt.";

#[both_backends]
async fn an_article_imported_without_a_language_gets_the_one_read_in_it(db: TestDb) {
    let store = &db.store;
    let desk = Desk::new();
    desk.warm_up(store).await.unwrap();
    let id = put(store, 8, "kellhafen.example", "Hafenfest beginnt am Freitag", HAFENFEST, 6, 9).await;
    assert_eq!(store.article(id).await.unwrap().unwrap().language, None, "imported without one");
    desk.understand(store, &[id]).await.unwrap();
    assert_eq!(store.article(id).await.unwrap().unwrap().language.as_deref(), Some("de"));
    let story = story_of(store, id).await.expect("a story");
    let view = store.story(story).await.unwrap().unwrap();
    assert_eq!(view.story.language.as_deref(), Some("de"), "the story's language is its lead's");
}
