//! The fetcher against real HTTP servers on loopback (`newsdesk_testkit::http`).

use std::io::Write;
use std::time::Duration;

use newsdesk_fetch::{AddressPolicy, FetchConfig, FetchError, FetchRequest, Fetcher};
use newsdesk_testkit::http::{Reply, Server, reply};
use url::Url;

fn config() -> FetchConfig {
    FetchConfig {
        addresses: AddressPolicy::PublicAndLoopback,
        per_host_interval: Duration::ZERO,
        per_host_concurrency: 8,
        obey_robots: false,
        ..FetchConfig::default()
    }
}

async fn get(fetcher: &Fetcher, url: &Url) -> Result<newsdesk_fetch::FetchResponse, FetchError> {
    fetcher.fetch(FetchRequest::new(url)).await
}

#[tokio::test]
async fn conditional_get_turns_an_unchanged_feed_into_a_304() {
    let server = Server::start(|req, _| {
        if req.header("if-none-match") == Some("\"v1\"") {
            return Reply { status: 304, ..Reply::default() };
        }
        Reply {
            status: 200,
            headers: vec![
                ("ETag", "\"v1\"".into()),
                ("Last-Modified", "Mon, 04 May 2026 09:30:00 GMT".into()),
                ("Content-Type", "application/rss+xml; charset=utf-8".into()),
                ("Cache-Control", "max-age=600".into()),
            ],
            body: b"<rss/>".to_vec(),
            stall: None,
        }
    })
    .await;
    let fetcher = Fetcher::new(config()).unwrap();
    let url = server.url("/feed.xml");
    let first = get(&fetcher, &url).await.unwrap();
    assert_eq!((first.status, first.body.as_slice()), (200, b"<rss/>".as_slice()));
    assert_eq!(first.etag.as_deref(), Some("\"v1\""));
    assert_eq!(first.content_type.as_deref(), Some("application/rss+xml; charset=utf-8"));
    assert_eq!(first.max_age, Some(Duration::from_secs(600)));

    let again = fetcher
        .fetch(FetchRequest {
            etag: first.etag.as_deref(),
            last_modified: first.last_modified.as_deref(),
            ..FetchRequest::new(&url)
        })
        .await
        .unwrap();
    assert!(again.not_modified);
    assert!(again.body.is_empty());
    assert_eq!(again.etag.as_deref(), Some("\"v1\""), "validators are kept for the next poll");
    let seen = server.seen();
    assert_eq!(seen[1].header("if-modified-since"), Some("Mon, 04 May 2026 09:30:00 GMT"));
    assert!(seen[0].header("user-agent").unwrap().starts_with("newsdesk/"), "a descriptive User-Agent");
    assert!(seen[0].header("accept-encoding").unwrap().contains("gzip"));
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

#[tokio::test]
async fn gzip_bodies_are_decompressed_and_bombs_stop_at_the_cap() {
    let small = gzip(b"<rss>compressed</rss>");
    let bomb = gzip(&vec![0u8; 64 * 1024 * 1024]);
    assert!(bomb.len() < 200_000, "the bomb is small on the wire: {}", bomb.len());
    let server = Server::start(move |req, _| {
        let body = if req.path == "/bomb" { bomb.clone() } else { small.clone() };
        Reply { status: 200, headers: vec![("Content-Encoding", "gzip".into())], body, stall: None }
    })
    .await;
    let fetcher = Fetcher::new(FetchConfig { max_body_bytes: 1024 * 1024, ..config() }).unwrap();
    assert_eq!(get(&fetcher, &server.url("/small")).await.unwrap().body, b"<rss>compressed</rss>");
    assert_eq!(get(&fetcher, &server.url("/bomb")).await.unwrap_err(), FetchError::TooLarge(1024 * 1024));
}

#[tokio::test]
async fn oversized_bodies_are_refused() {
    let server = Server::start(|_, _| Reply { status: 200, body: vec![b'x'; 300_000], ..Reply::default() }).await;
    let fetcher = Fetcher::new(FetchConfig { max_body_bytes: 100_000, ..config() }).unwrap();
    assert_eq!(get(&fetcher, &server.url("/big")).await.unwrap_err(), FetchError::TooLarge(100_000));
}

#[tokio::test]
async fn redirects_are_followed_to_a_limit_and_permanent_moves_reported() {
    let server = Server::start(|req, _| {
        let to = |path: &str| Reply { status: 301, headers: vec![("Location", path.to_owned())], ..Reply::default() };
        match req.path.as_str() {
            "/old" => to("/older"),
            "/older" => Reply { status: 308, headers: vec![("Location", "/feed".into())], ..Reply::default() },
            "/temp" => Reply { status: 302, headers: vec![("Location", "/feed".into())], ..Reply::default() },
            "/loop" => to("/loop"),
            "/nowhere" => Reply { status: 301, ..Reply::default() },
            _ => reply(200, "<rss/>"),
        }
    })
    .await;
    let fetcher = Fetcher::new(config()).unwrap();
    let moved = get(&fetcher, &server.url("/old")).await.unwrap();
    assert_eq!(moved.url, server.url("/feed"));
    assert_eq!(moved.permanent_redirect, Some(server.url("/feed")));
    let temp = get(&fetcher, &server.url("/temp")).await.unwrap();
    assert_eq!((temp.url, temp.permanent_redirect), (server.url("/feed"), None), "a temporary redirect moves nothing");
    assert_eq!(get(&fetcher, &server.url("/loop")).await.unwrap_err(), FetchError::TooManyRedirects(5));
    assert_eq!(get(&fetcher, &server.url("/nowhere")).await.unwrap_err(), FetchError::BadRedirect);
}

#[tokio::test]
async fn redirects_to_private_addresses_are_refused() {
    let server = Server::start(|req, addr| match req.path.as_str() {
        "/metadata" => Reply {
            status: 302,
            headers: vec![("Location", "http://169.254.169.254/latest/meta-data/".into())],
            ..Reply::default()
        },
        "/lan" => {
            Reply { status: 301, headers: vec![("Location", "http://10.0.0.1/admin".into())], ..Reply::default() }
        }
        "/mapped" => Reply {
            status: 302,
            headers: vec![("Location", "http://[::ffff:192.168.0.1]/".into())],
            ..Reply::default()
        },
        "/scheme" => {
            Reply { status: 302, headers: vec![("Location", "file:///etc/passwd".into())], ..Reply::default() }
        }
        _ => reply(200, &addr.to_string()),
    })
    .await;
    let fetcher = Fetcher::new(config()).unwrap();
    assert_eq!(
        get(&fetcher, &server.url("/metadata")).await.unwrap_err(),
        FetchError::PrivateAddress("169.254.169.254".into())
    );
    assert_eq!(get(&fetcher, &server.url("/lan")).await.unwrap_err(), FetchError::PrivateAddress("10.0.0.1".into()));
    assert!(matches!(get(&fetcher, &server.url("/mapped")).await.unwrap_err(), FetchError::PrivateAddress(_)));
    assert!(matches!(get(&fetcher, &server.url("/scheme")).await.unwrap_err(), FetchError::BadUrl(_)));

    // Private networks opened for an intranet feed: the metadata address stays shut...
    let open = Fetcher::new(FetchConfig { addresses: AddressPolicy::Any, ..config() }).unwrap();
    let err = get(&open, &server.url("/metadata")).await.unwrap_err();
    assert_eq!(err, FetchError::PrivateAddress("169.254.169.254".into()));
    assert!(err.to_string().contains("fetch.allow_link_local_addresses"), "{err}");
    // ...unless named one by one (here the refusal moves on: nothing listens there).
    let named = Fetcher::new(FetchConfig {
        addresses: AddressPolicy::Any,
        allowed_link_local: vec!["169.254.169.254".parse().unwrap()],
        connect_timeout: std::time::Duration::from_millis(300),
        ..config()
    })
    .unwrap();
    assert!(!matches!(get(&named, &server.url("/metadata")).await, Err(FetchError::PrivateAddress(_))));
}

#[tokio::test]
async fn loopback_is_refused_by_default_by_address_and_by_name() {
    let server = Server::start(|_, _| reply(200, "secret")).await;
    let strict = Fetcher::new(FetchConfig { addresses: AddressPolicy::PublicOnly, ..config() }).unwrap();
    let by_ip = get(&strict, &server.url("/")).await.unwrap_err();
    assert_eq!(by_ip, FetchError::PrivateAddress("127.0.0.1".into()));
    let by_name = Url::parse(&format!("http://localhost:{}/", server.addr.port())).unwrap();
    let err = get(&strict, &by_name).await.unwrap_err();
    assert!(matches!(err, FetchError::PrivateAddress(_)), "{err:?}");
    assert!(err.to_string().contains("fetch.allow_private_networks"), "{err}");
    assert!(server.seen().is_empty(), "no request reached the server");
}

#[tokio::test]
async fn robots_txt_is_obeyed_and_read_once() {
    let server = Server::start(|req, _| match req.path.as_str() {
        "/robots.txt" => reply(200, "User-agent: *\nDisallow: /private/\n"),
        _ => reply(200, "ok"),
    })
    .await;
    let fetcher = Fetcher::new(FetchConfig { obey_robots: true, ..config() }).unwrap();
    assert_eq!(get(&fetcher, &server.url("/news/feed.xml")).await.unwrap().body, b"ok");
    let err = get(&fetcher, &server.url("/private/feed.xml")).await.unwrap_err();
    assert!(matches!(err, FetchError::RobotsDisallowed(_)), "{err:?}");
    get(&fetcher, &server.url("/news/other.xml")).await.unwrap();
    let robots_reads = server.seen().iter().filter(|s| s.path == "/robots.txt").count();
    assert_eq!(robots_reads, 1);
    assert!(!server.seen().iter().any(|s| s.path.starts_with("/private")));
}

#[tokio::test]
async fn slow_servers_time_out() {
    let server = Server::start(|_, _| Reply {
        status: 200,
        body: b"late".to_vec(),
        stall: Some(Duration::from_secs(5)),
        ..Reply::default()
    })
    .await;
    let fetcher = Fetcher::new(FetchConfig { read_timeout: Duration::from_millis(300), ..config() }).unwrap();
    let err = get(&fetcher, &server.url("/slow")).await.unwrap_err();
    // The headers came and the body did not: said so, with the real limit.
    assert_eq!(err, FetchError::Stalled(Duration::from_millis(300)));
    assert_eq!(err.to_string(), "the server sent its headers, then nothing for 300ms; the body never came");
    assert!(err.is_transient());
    let total = Fetcher::new(FetchConfig { total_timeout: Duration::from_millis(400), ..config() }).unwrap();
    assert_eq!(get(&total, &server.url("/slow")).await.unwrap_err(), FetchError::Timeout(Duration::from_millis(400)));
}

#[tokio::test]
async fn content_location_is_the_bodys_own_address() {
    let server = Server::start(|req, _| Reply {
        status: 200,
        headers: if req.path == "/moved" { vec![("Content-Location", "/archive/feed.xml".into())] } else { Vec::new() },
        body: b"<rss/>".to_vec(),
        ..Reply::default()
    })
    .await;
    let fetcher = Fetcher::new(config()).unwrap();
    let moved = get(&fetcher, &server.url("/moved")).await.unwrap();
    assert_eq!(moved.content_location, Some(server.url("/archive/feed.xml")));
    assert_eq!(moved.url, server.url("/moved"), "the address fetched stays what it was");
    assert_eq!(get(&fetcher, &server.url("/plain")).await.unwrap().content_location, None);
}

#[tokio::test]
async fn a_flood_of_headers_is_named_as_such() {
    let server = Server::start(|_, _| Reply {
        status: 200,
        headers: (0..100_000).map(|i| ("X-Filler", format!("value {i}"))).collect(),
        body: b"<rss/>".to_vec(),
        ..Reply::default()
    })
    .await;
    let err = get(&Fetcher::new(config()).unwrap(), &server.url("/flood")).await.unwrap_err();
    assert!(matches!(err, FetchError::BadResponse(_)), "{err:?}");
    assert!(err.to_string().contains("headers are more than newsdesk reads (at most 100"), "{err}");
}

#[tokio::test]
async fn rate_limits_and_errors_carry_what_the_server_said() {
    let server = Server::start(|req, _| match req.path.as_str() {
        "/busy" => Reply { status: 429, headers: vec![("Retry-After", "7".into())], ..Reply::default() },
        "/down" => Reply { status: 503, ..Reply::default() },
        _ => reply(404, "gone"),
    })
    .await;
    let fetcher = Fetcher::new(config()).unwrap();
    let missing = get(&fetcher, &server.url("/missing")).await.unwrap_err();
    assert_eq!(missing, FetchError::Status { status: 404, retry_after: None });
    assert!(!missing.is_transient());
    // The 429 and the 503 make their hosts wait, so they come last.
    let busy = get(&fetcher, &server.url("/busy")).await.unwrap_err();
    assert_eq!(busy, FetchError::Status { status: 429, retry_after: Some(Duration::from_secs(7)) });
    assert!(busy.to_string().contains("wait 7s"), "{busy}");
    let down = get(&fetcher, &Url::parse(&format!("http://localhost:{}/down", server.addr.port())).unwrap())
        .await
        .unwrap_err();
    assert_eq!(down.retry_after(), Some(Duration::from_secs(60)), "503 without Retry-After backs off a minute");
}
