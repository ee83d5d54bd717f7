//! Images through the site's own proxy: pages name only signed `/img/...` addresses, the
//! proxy serves what it fetched once, and refuses what it must.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use newsdesk_model::SafeHtml;
use newsdesk_testkit::{TestDb, both_backends, fixture_article};
use newsdesk_web::{FetchedImage, ImageFetcher, MAX_IMAGE_BYTES, SiteSettings, router_with_images};
use tower::ServiceExt;
use url::Url;

const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0x00, 0x01];
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

/// Answers from a table, counting every fetch; unknown addresses fail as the real fetcher
/// fails for a refused address.
#[derive(Default)]
struct Outlets {
    answers: Mutex<HashMap<String, (u16, Vec<u8>)>>,
    fetches: AtomicUsize,
}

impl ImageFetcher for Outlets {
    fn fetch<'a>(&'a self, url: &'a Url) -> Pin<Box<dyn Future<Output = Result<FetchedImage, String>> + Send + 'a>> {
        Box::pin(async move {
            self.fetches.fetch_add(1, Ordering::SeqCst);
            match self.answers.lock().unwrap().get(url.as_str()) {
                Some((status, body)) => Ok(FetchedImage { status: *status, body: body.clone() }),
                None => Err("the address 10.0.0.7 is private; newsdesk does not fetch it".to_owned()),
            }
        })
    }
}

struct Got {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

async fn get(app: &Router, uri: &str) -> Got {
    let response = app.clone().oneshot(Request::get(uri).body(Body::empty()).unwrap()).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = axum::body::to_bytes(response.into_body(), 16 << 20).await.unwrap().to_vec();
    Got { status, headers, body }
}

/// Every `/img/...` address a page names, read back from its HTML escaping.
fn image_paths(html: &str) -> Vec<String> {
    let html = html.replace("&#x2f;", "/").replace("&amp;", "&");
    html.match_indices("\"/img/").map(|(at, _)| html[at + 1..].split('"').next().unwrap().to_owned()).collect()
}

async fn site(db: &TestDb, outlets: Arc<Outlets>) -> Router {
    let mut a = fixture_article(1, "Ferry terminal opens", "The new terminal took two years.\nIt opens on Monday.");
    a.image_url = Some("https://img.example/lead.jpg".parse().unwrap());
    a.body_html = Some(SafeHtml::sanitize(
        r#"<p>The new terminal took two years.</p><figure><img src="https://img.example/quay.png" alt="The quay"></figure>
           <img src="https://track.example/p.gif" width="1" height="1"><p>It opens on Monday.</p>"#,
    ));
    db.store.upsert_article(a).await.unwrap();
    let settings = SiteSettings::new("Test Desk".into(), "https://desk.example/".parse().unwrap(), 20);
    let fetcher: Arc<dyn ImageFetcher> = outlets;
    router_with_images(db.store.clone(), settings, Some(fetcher)).unwrap()
}

#[both_backends]
async fn pages_show_images_only_through_the_proxy(db: TestDb) {
    let outlets = Arc::new(Outlets::default());
    outlets.answers.lock().unwrap().extend([
        ("https://img.example/lead.jpg".to_owned(), (200, JPEG.to_vec())),
        ("https://img.example/quay.png".to_owned(), (200, PNG.to_vec())),
    ]);
    let app = site(&db, Arc::clone(&outlets)).await;
    let page = get(&app, &format!("/articles/{}", newsdesk_testkit::fixture_id(1))).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = String::from_utf8(page.body).unwrap();
    let csp = page.headers["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("img-src 'self';"), "images from this site alone: {csp}");
    assert!(!html.contains("src=\"https://"), "no image from another site: {html}");
    let paths = image_paths(&html);
    // The lead image, the body's figure and the tracker (the page keeps the body as written),
    // and the social card's absolute address of the lead image.
    assert!(paths.iter().any(|p| p.contains("u=https%3A%2F%2Fimg.example%2Flead.jpg")), "{paths:?}");
    assert!(paths.iter().any(|p| p.contains("quay.png")), "{paths:?}");
    let og = html.replace("&#x2f;", "/").replace("&amp;", "&");
    assert!(og.contains(r#"<meta property="og:image" content="https://desk.example/img/"#), "{og}");

    let lead = paths.iter().find(|p| p.contains("lead.jpg")).unwrap();
    for _ in 0..3 {
        let got = get(&app, lead).await;
        assert_eq!(got.status, StatusCode::OK);
        assert_eq!(got.headers["content-type"], "image/jpeg");
        assert!(got.headers["cache-control"].to_str().unwrap().contains("immutable"));
        assert_eq!(got.body, JPEG);
    }
    assert_eq!(outlets.fetches.load(Ordering::SeqCst), 1, "fetched once, then served from the cache");
    let quay = paths.iter().find(|p| p.contains("quay.png")).unwrap();
    assert_eq!(get(&app, quay).await.headers["content-type"], "image/png");

    // The API and the feeds carry the image too.
    let api = String::from_utf8(get(&app, "/api/v1/articles").await.body).unwrap();
    assert!(api.contains(r#""image_url":"https://img.example/lead.jpg""#), "{api}");
    let feed = String::from_utf8(get(&app, "/feed.json").await.body).unwrap();
    assert!(feed.contains(r#""image":"https://desk.example/img/"#), "{feed}");
    assert!(!feed.contains("src=\\\"https://img.example"), "the feed's bodies use the proxy too: {feed}");
}

#[both_backends]
async fn the_proxy_refuses_what_it_must_and_remembers_failures(db: TestDb) {
    let outlets = Arc::new(Outlets::default());
    let huge = {
        let mut b = JPEG.to_vec();
        b.resize(MAX_IMAGE_BYTES + 1, 0);
        b
    };
    outlets.answers.lock().unwrap().extend([
        ("https://img.example/lead.jpg".to_owned(), (200, huge)),
        (
            "https://img.example/quay.png".to_owned(),
            (200, b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>".to_vec()),
        ),
    ]);
    let app = site(&db, Arc::clone(&outlets)).await;
    let html =
        String::from_utf8(get(&app, &format!("/articles/{}", newsdesk_testkit::fixture_id(1))).await.body).unwrap();
    let paths = image_paths(&html);
    let lead = paths.iter().find(|p| p.contains("lead.jpg")).unwrap().clone();
    let quay = paths.iter().find(|p| p.contains("quay.png")).unwrap().clone();
    let tracker = paths.iter().find(|p| p.contains("track.example")).unwrap().clone();

    let too_big = get(&app, &lead).await;
    assert_eq!(too_big.status, StatusCode::BAD_GATEWAY);
    assert!(String::from_utf8_lossy(&too_big.body).contains("the limit is"), "says why");
    let svg = get(&app, &quay).await;
    assert_eq!(svg.status, StatusCode::BAD_GATEWAY, "an SVG (or any non-image) is never served");
    assert!(String::from_utf8_lossy(&svg.body).contains("JPEG, PNG, GIF, WebP or AVIF"));
    let private = get(&app, &tracker).await;
    assert_eq!(private.status, StatusCode::BAD_GATEWAY);
    assert!(String::from_utf8_lossy(&private.body).contains("private"), "the fetcher's refusal is passed on");
    let fetched = outlets.fetches.load(Ordering::SeqCst);
    assert_eq!(fetched, 3);
    for path in [&lead, &quay, &tracker] {
        assert_ne!(get(&app, path).await.status, StatusCode::OK);
    }
    assert_eq!(outlets.fetches.load(Ordering::SeqCst), fetched, "failures are remembered, not fetched again");

    // Addresses the site did not sign are never fetched: another URL under a real signature,
    // a changed signature, none at all.
    let mac = lead.trim_start_matches("/img/").split('?').next().unwrap().to_owned();
    for uri in [
        format!("/img/{mac}?u=https%3A%2F%2Fother.example%2Fx.jpg"),
        format!("/img/{}?u=https%3A%2F%2Fimg.example%2Flead.jpg", "0".repeat(mac.len())),
        "/img/abc".to_owned(),
        format!("/img/{mac}?u=file%3A%2F%2F%2Fetc%2Fpasswd"),
    ] {
        let got = get(&app, &uri).await;
        assert_eq!(got.status, StatusCode::FORBIDDEN, "{uri}");
        assert!(String::from_utf8_lossy(&got.body).contains("not made by this site"));
    }
    assert_eq!(outlets.fetches.load(Ordering::SeqCst), fetched, "nothing unsigned was fetched");
}
