//! Story, entity and article pages over stored stories, copies and entities.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use newsdesk_model::{ArticleId, StoryId};
use newsdesk_store::{EntityRecord, Placed, Presented, Understood};
use newsdesk_testkit::{TestDb, both_backends};
use newsdesk_testkit::{fixture_article, fixture_id};
use newsdesk_web::{SiteSettings, router};
use tower::ServiceExt;
use uuid::Uuid;

const STRIKE: StoryId = StoryId::from_uuid(Uuid::from_u128(0x0190_c6a2_1b1e_7c3d_9a4f_5700_0000_0001));
const LIBRARY: StoryId = StoryId::from_uuid(Uuid::from_u128(0x0190_c6a2_1b1e_7c3d_9a4f_5700_0000_0002));
const MERGED: StoryId = StoryId::from_uuid(Uuid::from_u128(0x0190_c6a2_1b1e_7c3d_9a4f_5700_0000_0003));

struct Site {
    app: Router,
    _db: TestDb,
}

fn entity(kind: &str, key: &str, name: &str) -> EntityRecord {
    EntityRecord { kind: kind.into(), key: key.into(), name: name.into(), also: Vec::new(), mentions: 1 }
}

fn placed(article: ArticleId, story: StoryId, merged: Vec<StoryId>, copy_of: Option<ArticleId>) -> Understood {
    Understood {
        article,
        placed: Some(Placed { story, merged, copy_of }),
        entities: vec![
            entity("person", "priya lamb", "Priya Lamb"),
            entity("organization", "<b>crew</b> union", "<script>alert(1)</script> Union"),
        ],
        keyphrases: vec!["ferry strike".into()],
        summary: None,
        language: None,
    }
}

async fn site(db: TestDb) -> Site {
    let articles = [
        fixture_article(1, "Ferry crews vote on strike", "Crews on the harbour ferries will vote."),
        fixture_article(2, "Ferry strike vote, from the wire", "Crews on the harbour ferries will vote."),
        fixture_article(3, "Strike called off", "The operator agreed to shorter shifts."),
        fixture_article(4, "Library opens late", "The library stays open until ten."),
    ];
    for a in articles {
        db.store.upsert_article(a).await.unwrap();
    }
    let (a, b, c, d) = (fixture_id(1), fixture_id(2), fixture_id(3), fixture_id(4));
    db.store
        .save_understanding(&[
            placed(a, STRIKE, vec![], None),
            placed(b, STRIKE, vec![], Some(a)),
            placed(c, MERGED, vec![], None),
            placed(d, LIBRARY, vec![], None),
        ])
        .await
        .unwrap();
    // The third article's story turns out to be the strike story.
    db.store.save_understanding(&[placed(c, STRIKE, vec![MERGED], None)]).await.unwrap();
    let settings = SiteSettings::new("Test Desk".into(), "https://desk.example/".parse().unwrap(), 20);
    Site { app: router(db.store.clone(), settings).unwrap(), _db: db }
}

/// Stores fixture article `n` ("Text of the report.") in `story`, naming `entities`.
async fn report_in_story(db: &newsdesk_store::Store, n: u16, title: &str, story: StoryId, entities: Vec<EntityRecord>) {
    article_in_story(db, fixture_article(n, title, "Text of the report."), story, entities).await;
}

/// Stores `article` (with its id) in `story`, naming `entities`.
async fn article_in_story(
    db: &newsdesk_store::Store,
    article: newsdesk_model::ArticleUpsert,
    story: StoryId,
    entities: Vec<EntityRecord>,
) {
    keyphrased_in_story(db, article, story, entities, &[]).await;
}

/// Stores `article` (with its id) in `story`, naming `entities`, with `keyphrases`.
async fn keyphrased_in_story(
    db: &newsdesk_store::Store,
    article: newsdesk_model::ArticleUpsert,
    story: StoryId,
    entities: Vec<EntityRecord>,
    keyphrases: &[&str],
) {
    let id = article.id.expect("a fixture article has an id");
    db.upsert_article(article).await.unwrap();
    let understood = Understood {
        article: id,
        placed: Some(Placed { story, merged: vec![], copy_of: None }),
        entities,
        keyphrases: keyphrases.iter().map(|k| (*k).to_owned()).collect(),
        summary: None,
        language: None,
    };
    db.save_understanding(&[understood]).await.unwrap();
}

/// Two hundred reports (fixture articles 100 to 299), in no story, each naming `entities` and
/// with `keyphrases`: what every report of the desk names is the background of its news.
async fn the_background_of_the_news(db: &newsdesk_store::Store, entities: &[EntityRecord], keyphrases: &[&str]) {
    let filler: Vec<_> =
        (100..300).map(|n| fixture_article(n, &format!("Report {n}"), "Text of the report.")).collect();
    for outcome in db.upsert_articles(filler).await.unwrap() {
        outcome.unwrap();
    }
    let understood: Vec<Understood> = (100..300)
        .map(|n| Understood {
            article: fixture_id(n),
            placed: None,
            entities: entities.to_vec(),
            keyphrases: keyphrases.iter().map(|k| (*k).to_owned()).collect(),
            summary: None,
            language: None,
        })
        .collect();
    db.save_understanding(&understood).await.unwrap();
}

/// A story's card on a page, from its headline's text to the card's end.
fn story_card(page: &str, story: StoryId) -> &str {
    page.split(&format!("<a href=\"/stories/{story}\">"))
        .nth(1)
        .expect("the story's card")
        .split("</article>")
        .next()
        .unwrap()
}

/// The headlines of other outlets listed on a story's card.
fn coverage_list(card: &str) -> &str {
    card.split("<ul class=\"coverage-list\">").nth(1).expect("other outlets' headlines")
}

async fn get(site: &Site, uri: &str) -> (StatusCode, axum::http::HeaderMap, String) {
    let response = site.app.clone().oneshot(Request::get(uri).body(Body::empty()).unwrap()).await.unwrap();
    let (status, headers) = (response.status(), response.headers().clone());
    let bytes = axum::body::to_bytes(response.into_body(), 10 << 20).await.unwrap();
    (status, headers, String::from_utf8(bytes.to_vec()).unwrap().replace("&#x2f;", "/"))
}

#[both_backends]
async fn front_page_ranks_stories_and_latest_lists_articles(db: TestDb) {
    let site = site(db).await;
    let (status, _, body) = get(&site, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("<h1>Top stories</h1>"), "{body}");
    let strike = body.find(&format!("/stories/{STRIKE}")).expect("strike story listed");
    let library = body.find(&format!("/stories/{LIBRARY}")).expect("library story listed");
    assert!(body.contains("1 outlet, 3 articles"), "{body}");
    assert!(!body.contains(&MERGED.to_string()), "a merged story is not listed");
    // Library (4 May) was last active after the strike (3 May): the newer day leads.
    assert!(library < strike, "{body}");
    let (status, _, latest) = get(&site, "/latest").await;
    assert_eq!(status, StatusCode::OK);
    assert!(latest.contains("Ferry crews vote on strike") && latest.contains("Library opens late"));
}

#[both_backends]
async fn story_page_has_timeline_copies_coverage_and_entities(db: TestDb) {
    let site = site(db).await;
    let (status, _, body) = get(&site, &format!("/stories/{STRIKE}")).await;
    assert_eq!(status, StatusCode::OK);
    let first = body.find("Ferry crews vote on strike</a>").expect("original in the timeline");
    let last = body.find("Strike called off</a>").expect("merged article in the timeline");
    assert!(first < last, "oldest first");
    let copies = body.find("Also published by 1 outlet").expect("the copy folded under its original");
    assert!(first < copies && copies < last, "{body}");
    assert!(body.contains("Coverage by outlet"));
    assert!(body.contains("href=\"/entities/person/priya%20lamb\""), "{body}");
    assert!(!body.contains("<script>alert(1)"), "entity names are escaped");
    assert!(body.contains("&lt;script&gt;"));
    // One snapshot for both backends: they must render the same page.
    insta::with_settings!({prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!("story_page", body);
    });
}

#[both_backends]
async fn a_story_links_the_others_on_its_subject(db: TestDb) {
    let site = site(db).await;
    let db = &site._db.store;
    let budget = StoryId::from_uuid(Uuid::from_u128(0x0190_c6a2_1b1e_7c3d_9a4f_5700_0000_0011));
    let vote = StoryId::from_uuid(Uuid::from_u128(0x0190_c6a2_1b1e_7c3d_9a4f_5700_0000_0012));
    let market = StoryId::from_uuid(Uuid::from_u128(0x0190_c6a2_1b1e_7c3d_9a4f_5700_0000_0013));
    let rows = [
        (
            11,
            "Council drafts its budget",
            budget,
            vec![
                ("person", "oren malik", "Oren Malik"),
                ("organization", "alderton council", "Alderton Council"),
                ("place", "alderton", "Alderton"),
            ],
        ),
        (
            12,
            "Council passes the budget",
            vote,
            vec![("person", "oren malik", "Oren Malik"), ("organization", "alderton council", "Alderton Council")],
        ),
        (
            13,
            "Alderton market reopens",
            market,
            vec![("place", "alderton", "Alderton"), ("person", "ines roe", "Ines Roe")],
        ),
    ];
    for (n, title, story, entities) in rows {
        let entities = entities.into_iter().map(|(k, key, name)| entity(k, key, name)).collect();
        report_in_story(db, n, title, story, entities).await;
    }
    let (_, _, passed) = get(&site, &format!("/stories/{vote}")).await;
    let earlier = passed.split("Earlier on this subject").nth(1).expect("an earlier story on the subject");
    assert!(earlier.contains(&format!("<a href=\"/stories/{budget}\">Council drafts its budget</a>")), "{passed}");
    assert!(!passed.contains("Alderton market reopens"), "a shared place alone is not a subject");
    let (_, _, drafted) = get(&site, &format!("/stories/{budget}")).await;
    let later = drafted.split("Since then on this subject").nth(1).expect("a later story on the subject");
    assert!(later.contains("Council passes the budget"), "{drafted}");
    let (_, _, market_page) = get(&site, &format!("/stories/{market}")).await;
    assert!(!market_page.contains("on this subject"), "{market_page}");
    let (_, _, api) = get(&site, &format!("/api/v1/stories/{vote}")).await;
    let v: serde_json::Value = serde_json::from_str(&api).unwrap();
    assert_eq!(v["related"][0]["id"], budget.to_string());
}

#[both_backends]
async fn a_card_titled_by_another_article_lists_the_leads_headline(db: TestDb) {
    let site = site(db).await;
    let db = &site._db.store;
    let bridge = StoryId::from_uuid(Uuid::from_u128(0x0190_c6a2_1b1e_7c3d_9a4f_5700_0000_0041));
    let reports = [
        (41, "Bridge reopens to traffic", "www.harbourgazette.example"),
        (42, "Bridge open again after storm repairs", "coastwire.example"),
        (43, "Traffic returns to the bridge", "www.tidings.example"),
    ];
    for (n, title, outlet) in reports {
        let mut a = fixture_article(n, title, "The bridge reopened on Friday.");
        a.original_domain = Some(outlet.into());
        article_in_story(db, a, bridge, vec![]).await;
    }
    // The story has moved on: its title is now another outlet's headline than its lead's.
    let presented = Presented {
        story: bridge,
        title: "Bridge open again after storm repairs".into(),
        summary: "The bridge reopened on Friday.".into(),
        language: None,
        count: 3,
    };
    db.present_stories(&[presented]).await.unwrap();
    let (_, _, front) = get(&site, "/").await;
    let card = story_card(&front, bridge);
    assert!(card.starts_with("Bridge open again after storm repairs</a>"), "{card}");
    let coverage = coverage_list(card);
    assert!(coverage.contains("Bridge reopens to traffic"), "the lead's headline: {coverage}");
    assert!(coverage.contains("Traffic returns to the bridge"), "{coverage}");
    assert!(!coverage.contains("coastwire"), "not the headline's outlet again: {coverage}");
}

#[both_backends]
async fn a_surname_alones_page_names_the_person_its_stories_name_in_full(db: TestDb) {
    let site = site(db).await;
    let db = &site._db.store;
    let port = StoryId::from_uuid(Uuid::from_u128(0x0190_c6a2_1b1e_7c3d_9a4f_5700_0000_0051));
    let ferry = StoryId::from_uuid(Uuid::from_u128(0x0190_c6a2_1b1e_7c3d_9a4f_5700_0000_0052));
    let rows = [
        (51, "Vell opens the new quay", port, vec![entity("person", "vell", "Vell")]),
        (52, "Anna Vell opens the quay", port, vec![entity("person", "anna vell", "Anna Vell")]),
        (53, "Roe and the ferry fares", ferry, vec![entity("person", "roe", "Roe")]),
        (54, "Ines Roe on the fares", ferry, vec![entity("person", "ines roe", "Ines Roe")]),
        (55, "Tom Roe on the fares", ferry, vec![entity("person", "tom roe", "Tom Roe")]),
    ];
    for (n, title, story, entities) in rows {
        report_in_story(db, n, title, story, entities).await;
    }
    let (status, _, page) = get(&site, "/entities/person/vell").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("Named in full in its stories: <a href=\"/entities/person/anna%20vell\">Anna Vell</a>"),
        "{page}"
    );
    // Two people of its stories bear the surname alike: no guess.
    let (status, _, page) = get(&site, "/entities/person/roe").await;
    assert_eq!(status, StatusCode::OK);
    assert!(!page.contains("Named in full"), "{page}");
    // A full name's page has no such line.
    let (_, _, page) = get(&site, "/entities/person/anna%20vell").await;
    assert!(!page.contains("Named in full"), "{page}");
}

#[both_backends]
async fn the_background_of_the_news_makes_no_subject(db: TestDb) {
    let site = site(db).await;
    let db = &site._db.store;
    // A country and its parliament are named in every report of the desk: two hundred of them.
    let background = || {
        vec![
            entity("place", "harbour nation", "Harbour Nation"),
            entity("organization", "national assembly", "National Assembly"),
        ]
    };
    the_background_of_the_news(db, &background(), &[]).await;

    let pension = StoryId::from_uuid(Uuid::from_u128(0x0190_c6a2_1b1e_7c3d_9a4f_5700_0000_0031));
    let ferry = StoryId::from_uuid(Uuid::from_u128(0x0190_c6a2_1b1e_7c3d_9a4f_5700_0000_0032));
    let minister = StoryId::from_uuid(Uuid::from_u128(0x0190_c6a2_1b1e_7c3d_9a4f_5700_0000_0033));
    let rows = [
        (31, "Pension reform goes to a vote", pension, vec![entity("person", "mara voss", "Mara Voss")]),
        (32, "Ferry fares rise", ferry, vec![entity("person", "ines roe", "Ines Roe")]),
        (33, "Voss defends the reform", minister, vec![entity("person", "mara voss", "Mara Voss")]),
    ];
    for (n, title, story, mut entities) in rows {
        entities.extend(background());
        report_in_story(db, n, title, story, entities).await;
    }
    let (_, _, page) = get(&site, &format!("/stories/{pension}")).await;
    // The ferry fares share only the country and its parliament with the reform: no subject.
    assert!(!page.contains("Ferry fares rise"), "{page}");
    // The minister who carries the reform is one.
    assert!(page.contains("Voss defends the reform"), "{page}");
}

#[both_backends]
async fn the_same_actors_on_another_subject_are_no_subject(db: TestDb) {
    let site = site(db).await;
    let db = &site._db.store;
    // A country named in every report of the desk, and so in its keyphrases.
    the_background_of_the_news(db, &[entity("place", "harbour nation", "Harbour Nation")], &["Harbour Nation"]).await;
    let tour = StoryId::from_uuid(Uuid::from_u128(0x0190_c6a2_1b1e_7c3d_9a4f_5700_0000_0061));
    let patrols = StoryId::from_uuid(Uuid::from_u128(0x0190_c6a2_1b1e_7c3d_9a4f_5700_0000_0062));
    let ferry = StoryId::from_uuid(Uuid::from_u128(0x0190_c6a2_1b1e_7c3d_9a4f_5700_0000_0063));
    let governor = || {
        vec![
            entity("person", "kell marrow", "Kell Marrow"),
            entity("place", "westmark", "Westmark"),
            entity("place", "harbour nation", "Harbour Nation"),
        ]
    };
    let rows: [(u16, &str, StoryId, &[&str]); 3] = [
        (61, "Marrow tours the Westmark border", tour, &["border crossings", "Harbour Nation", "tour"]),
        (62, "Westmark doubles its border patrols", patrols, &["border crossings", "patrols"]),
        (63, "Marrow signs Westmark's ferry law", ferry, &["ferry law", "Harbour Nation", "fares"]),
    ];
    for (n, title, story, keyphrases) in rows {
        let article = fixture_article(n, title, "Text of the report.");
        keyphrased_in_story(db, article, story, governor(), keyphrases).await;
    }
    let (_, _, page) = get(&site, &format!("/stories/{tour}")).await;
    // The same governor, the same province: the border patrols are on the tour's subject...
    assert!(page.contains("Westmark doubles its border patrols"), "{page}");
    // ...the ferry law is not, although both name the country, which every report does.
    assert!(!page.contains("ferry law"), "{page}");
    let (_, _, api) = get(&site, &format!("/api/v1/stories/{ferry}")).await;
    let v: serde_json::Value = serde_json::from_str(&api).unwrap();
    assert_eq!(v["related"], serde_json::json!([]), "{api}");
}

#[both_backends]
async fn a_story_card_shows_other_outlets_headlines_and_how_long_ago(db: TestDb) {
    let site = site(db).await;
    let db = &site._db.store;
    let quay = StoryId::from_uuid(Uuid::from_u128(0x0190_c6a2_1b1e_7c3d_9a4f_5700_0000_0021));
    let reports = [
        (21, "Quay reopens after repairs", "www.harbourgazette.example"),
        (22, "Ships queue as the quay opens again", "coastwire.example"),
        (23, "Port Ellis quay back in use", "www.tidings.example"),
        (24, "Quay open: what changes for fishing crews", "coastwire.example"),
    ];
    for (n, title, outlet) in reports {
        let mut a = fixture_article(n, title, "The quay reopened on Friday.");
        a.original_domain = Some(outlet.into());
        article_in_story(db, a, quay, vec![]).await;
    }
    let (status, _, front) = get(&site, "/").await;
    assert_eq!(status, StatusCode::OK);
    let card = story_card(&front, quay);
    assert!(card.contains("3 outlets, 4 articles"), "{card}");
    assert!(card.contains("<time datetime=\""), "{card}");
    // The lead is the headline; under it, one headline of each other outlet, newest first.
    assert!(card.starts_with("Quay reopens after repairs</a>"), "{card}");
    let coverage = coverage_list(card);
    let wire = coverage.find("Quay open: what changes for fishing crews").expect("coastwire's newest");
    let tidings = coverage.find("<span class=\"outlet\">tidings.example</span>").expect("tidings");
    assert!(wire < tidings, "{coverage}");
    assert!(!coverage.contains("Ships queue"), "one headline per outlet: {coverage}");
    assert!(!coverage.contains("harbourgazette"), "not the lead's outlet again: {coverage}");
}

#[both_backends]
async fn merged_unknown_and_malformed_story_addresses(db: TestDb) {
    let site = site(db).await;
    let (status, headers, _) = get(&site, &format!("/stories/{MERGED}")).await;
    assert_eq!(status, StatusCode::MOVED_PERMANENTLY);
    assert_eq!(headers["location"], format!("/stories/{STRIKE}").as_str());
    let (status, _, body) = get(&site, &format!("/stories/{}", StoryId::new_v7())).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    let (status, _, body) = get(&site, "/stories/not-an-id").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("story id"), "{body}");
}

#[both_backends]
async fn entity_pages_list_stories_and_articles(db: TestDb) {
    let site = site(db).await;
    let (status, _, body) = get(&site, "/entities/person/priya%20lamb").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.contains("<h1>Priya Lamb</h1>"), "{body}");
    assert!(body.contains("Named in 4 articles"), "{body}");
    assert!(body.contains(&format!("/stories/{STRIKE}")) && body.contains(&format!("/stories/{LIBRARY}")));
    assert!(body.contains(&format!("/articles/{}", fixture_id(4))));
    let (status, _, body) = get(&site, "/entities/organization/%3Cb%3Ecrew%3C%2Fb%3E%20union").await;
    assert_eq!(status, StatusCode::OK, "keys with markup are just keys: {body}");
    assert!(!body.contains("<script>alert(1)"));
    // However a reader writes the name, it leads to the entity's one address.
    for written in
        ["/entities/person/Priya%20Lamb", "/entities/Person/priya%20%20LAMB", "/entities/person/The%20Priya%20Lamb"]
    {
        let (status, headers, _) = get(&site, written).await;
        assert_eq!(status, StatusCode::MOVED_PERMANENTLY, "{written}");
        assert_eq!(headers["location"], "/entities/person/priya%20lamb", "{written}");
    }
    let (status, _, _) = get(&site, "/entities/person/nobody%20at%20all").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = get(&site, "/entities/person/Nobody%20At%20All").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, body) = get(&site, "/entities/planet/mars").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("person, organization or place"), "{body}");
}

#[both_backends]
async fn an_entity_page_lists_its_other_names_and_they_lead_to_it(db: TestDb) {
    let site = site(db).await;
    let bank = EntityRecord {
        kind: "organization".into(),
        key: "harbour savings bank".into(),
        name: "Harbour Savings Bank".into(),
        also: vec!["HSB".into(), "the Savings Bank".into()],
        mentions: 2,
    };
    let understood = Understood {
        article: fixture_id(4),
        placed: Some(Placed { story: LIBRARY, merged: vec![], copy_of: None }),
        entities: vec![bank],
        keyphrases: vec![],
        summary: None,
        language: None,
    };
    site._db.store.save_understanding(&[understood]).await.unwrap();
    let (status, _, body) = get(&site, "/entities/organization/harbour%20savings%20bank").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.contains("Also written: HSB, the Savings Bank"), "{body}");
    // An address made from another name, or an old one from before the names joined.
    for other in ["/entities/organization/hsb", "/entities/organization/savings%20bank"] {
        let (status, headers, _) = get(&site, other).await;
        assert_eq!(status, StatusCode::MOVED_PERMANENTLY, "{other}");
        assert_eq!(headers["location"], "/entities/organization/harbour%20savings%20bank", "{other}");
    }
    let (status, _, json) = get(&site, "/api/v1/entities/organization/harbour%20savings%20bank").await;
    assert_eq!(status, StatusCode::OK);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["other_names"], serde_json::json!(["HSB", "the Savings Bank"]));
}

#[both_backends]
async fn article_page_shows_its_story_original_copies_and_entities(db: TestDb) {
    let site = site(db).await;
    let (_, _, original) = get(&site, &format!("/articles/{}", fixture_id(1))).await;
    assert!(original.contains("Also published by"), "{original}");
    assert!(original.contains(&format!("/articles/{}", fixture_id(2))));
    assert!(original.contains(&format!("href=\"/stories/{STRIKE}\"")));
    assert!(original.contains("Priya Lamb"));
    assert!(original.contains("Keyphrases: ferry strike"));
    let (_, _, copy) = get(&site, &format!("/articles/{}", fixture_id(2))).await;
    assert!(copy.contains("This is a syndicated copy of"), "{copy}");
    assert!(copy.contains(&format!("/articles/{}", fixture_id(1))));
}

#[both_backends]
async fn stories_and_entities_have_feeds(db: TestDb) {
    let site = site(db).await;
    let (status, headers, atom) = get(&site, &format!("/stories/{STRIKE}/feed.atom")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "application/atom+xml; charset=utf-8");
    assert!(atom.contains("Strike called off") && atom.contains("Ferry crews vote on strike"), "{atom}");
    assert!(atom.contains(&format!("https://desk.example/stories/{STRIKE}")), "absolute links from the base URL");
    assert!(!atom.contains("Library opens late"));
    // An old id of a merged story still has a feed.
    let (status, _, merged) = get(&site, &format!("/stories/{MERGED}/feed.json")).await;
    assert_eq!(status, StatusCode::OK);
    let v: serde_json::Value = serde_json::from_str(&merged).unwrap();
    assert_eq!(v["version"], "https://jsonfeed.org/version/1.1");
    assert_eq!(v["items"].as_array().unwrap().len(), 3);
    assert_eq!(v["items"][0]["title"], "Strike called off", "newest first");
    let (status, _, entity) = get(&site, "/entities/person/priya%20lamb/feed.json").await;
    assert_eq!(status, StatusCode::OK);
    let v: serde_json::Value = serde_json::from_str(&entity).unwrap();
    assert_eq!(v["items"].as_array().unwrap().len(), 4);
    assert_eq!(v["feed_url"], "https://desk.example/entities/person/priya%20lamb/feed.json");
    assert_eq!(get(&site, "/stories/nope/feed.atom").await.0, StatusCode::BAD_REQUEST);
    assert_eq!(get(&site, "/entities/person/nobody/feed.atom").await.0, StatusCode::NOT_FOUND);
}

#[both_backends]
async fn source_pages_list_an_outlets_articles_with_feeds(db: TestDb) {
    let site = site(db).await;
    let (status, _, body) = get(&site, "/sources/harbourgazette.example").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.contains("<h1>harbourgazette.example</h1>") && body.contains("4 articles"), "{body}");
    assert!(body.contains("Library opens late") && body.contains("Ferry crews vote on strike"));
    let (status, _, www) = get(&site, "/sources/www.harbourgazette.example").await;
    assert_eq!(status, StatusCode::OK);
    assert!(www.contains("4 articles"), "www. is the same outlet");
    let (status, _, feed) = get(&site, "/sources/harbourgazette.example/feed.atom").await;
    assert_eq!(status, StatusCode::OK);
    assert!(feed.contains("Library opens late"));
    assert_eq!(get(&site, "/sources/nobody.example").await.0, StatusCode::NOT_FOUND);
    assert_eq!(get(&site, "/sources/bad%20domain").await.0, StatusCode::BAD_REQUEST);
    let (_, _, front) = get(&site, "/latest").await;
    assert!(front.contains("href=\"/sources/harbourgazette.example\""), "cards link their outlet");
}

#[both_backends]
async fn the_front_page_is_a_feed_of_top_stories(db: TestDb) {
    let site = site(db).await;
    let (status, headers, body) = get(&site, "/stories.json").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "application/feed+json; charset=utf-8");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    let items = v["items"].as_array().unwrap();
    assert_eq!(items.len(), 2, "merged stories are not listed");
    assert_eq!(items[0]["url"], format!("https://desk.example/stories/{LIBRARY}"));
    assert!(items[1]["summary"].as_str().unwrap().ends_with("(3 articles from 1 source)"), "{body}");
    let (status, _, atom) = get(&site, "/stories.atom").await;
    assert_eq!(status, StatusCode::OK);
    assert!(atom.contains("Ferry crews vote on strike"));
}

#[both_backends]
async fn story_cards_and_pages_show_their_lead_image_through_the_proxy(db: TestDb) {
    // The library story's lead has an image; the strike story's lead has none, but a later
    // article of it has.
    let mut library = fixture_article(4, "Library opens late", "The library stays open until ten.");
    library.image_url = Some("https://img.example/library.jpg".parse().unwrap());
    let mut strike = fixture_article(3, "Strike called off", "The operator agreed to shorter shifts.");
    strike.image_url = Some("https://img.example/picket.jpg".parse().unwrap());
    db.store.upsert_article(library).await.unwrap();
    db.store.upsert_article(strike).await.unwrap();
    let site = site(db).await;
    let (_, _, front) = get(&site, "/").await;
    let front = front.replace("&amp;", "&");
    assert!(front.contains("/img/") && front.contains("u=https%3A%2F%2Fimg.example%2Flibrary.jpg"), "{front}");
    assert!(front.contains("u=https%3A%2F%2Fimg.example%2Fpicket.jpg"), "a later article's image stands in: {front}");
    assert!(!front.contains("src=\"https://img.example"), "never the outlet's address");
    let (_, _, page) = get(&site, &format!("/stories/{LIBRARY}")).await;
    let page = page.replace("&amp;", "&");
    assert!(page.contains(r#"<meta property="og:image" content="https://desk.example/img/"#), "{page}");
    assert!(page.contains(r#"<meta name="twitter:card" content="summary_large_image">"#));
}

#[both_backends]
async fn a_card_in_another_language_than_the_pages_says_which(db: TestDb) {
    let site = site(db).await;
    let db = &site._db.store;
    let mut german =
        fixture_article(71, "Fährpreise steigen im Juli", "Die Fährpreise steigen im Juli um zehn Prozent.");
    german.language = Some("de-DE".into());
    german.summary = "Die Fährpreise steigen im Juli um zehn Prozent.".into();
    db.upsert_article(german).await.unwrap();
    let (status, _, latest) = get(&site, "/latest").await;
    assert_eq!(status, StatusCode::OK);
    let id = fixture_id(71);
    assert!(latest.contains(&format!("<h2 lang=\"de-DE\"><a href=\"/articles/{id}\">")), "{latest}");
    assert!(latest.contains("<p class=\"summary\" lang=\"de-DE\">Die Fährpreise"), "{latest}");
    // The English cards say nothing: the page is English.
    let english = fixture_id(4);
    assert!(latest.contains(&format!("<h2><a href=\"/articles/{english}\">")), "{latest}");
}

#[both_backends]
async fn another_outlets_headline_in_another_language_says_which(db: TestDb) {
    let site = site(db).await;
    let db = &site._db.store;
    let quay = StoryId::from_uuid(Uuid::from_u128(0x0190_c6a2_1b1e_7c3d_9a4f_5700_0000_0061));
    let mut lead = fixture_article(61, "Quay reopens after repairs", "The quay reopened on Monday.");
    lead.original_domain = Some("www.harbourgazette.example".into());
    article_in_story(db, lead, quay, vec![]).await;
    let mut german = fixture_article(62, "Kai nach Reparatur wieder offen", "Der Kai ist seit Montag wieder offen.");
    german.original_domain = Some("kuestenbote.example".into());
    german.language = Some("de".into());
    article_in_story(db, german, quay, vec![]).await;
    let (_, _, front) = get(&site, "/").await;
    let card = story_card(&front, quay);
    let coverage = coverage_list(card);
    let german = fixture_id(62);
    assert!(
        coverage.contains(&format!("<a href=\"/articles/{german}\" lang=\"de\">Kai nach Reparatur wieder offen</a>")),
        "{coverage}"
    );
}

#[both_backends]
async fn a_story_in_another_language_than_the_pages_says_which(db: TestDb) {
    let site = site(db).await;
    let db = &site._db.store;
    let fair = StoryId::from_uuid(Uuid::from_u128(0x0190_c6a2_1b1e_7c3d_9a4f_5700_0000_0051));
    let mut a = fixture_article(51, "Hafenfest beginnt am Freitag", "Das Hafenfest beginnt am Freitag mit Musik.");
    a.language = Some("de".into());
    article_in_story(db, a, fair, vec![]).await;
    let (_, _, front) = get(&site, "/").await;
    let card = front.split(&format!("<a href=\"/stories/{fair}\">")).next().expect("the page").to_owned();
    assert!(card.ends_with("<h2 lang=\"de\">"), "the card's headline says its language: {front}");
    assert!(front.contains("<p class=\"summary\" lang=\"de\">"), "{front}");
    let (_, _, page) = get(&site, &format!("/stories/{fair}")).await;
    assert!(page.contains("<h1 lang=\"de\">Hafenfest beginnt am Freitag</h1>"), "{page}");
    // English stories, the pages' own language, say nothing.
    assert!(!front.contains("<h2 lang=\"en\""), "{front}");
    let (_, _, api) = get(&site, &format!("/api/v1/stories/{fair}")).await;
    let v: serde_json::Value = serde_json::from_str(&api).unwrap();
    assert_eq!(v["story"]["language"], "de");
    // And in the top stories' feeds.
    let (_, _, atom) = get(&site, "/stories.atom").await;
    assert!(atom.contains(r#"<title xml:lang="de">Hafenfest beginnt am Freitag</title>"#), "{atom}");
    let (_, _, json) = get(&site, "/stories.json").await;
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let item = v["items"].as_array().unwrap().iter().find(|i| i["title"] == "Hafenfest beginnt am Freitag").unwrap();
    assert_eq!(item["language"], "de");
}
