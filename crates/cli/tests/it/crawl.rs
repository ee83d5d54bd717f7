//! `newsdesk feeds` and `newsdesk crawl`, run as a user runs them, against feeds served on
//! loopback.

use std::path::Path;
use std::process::{Command, Output};

use newsdesk_testkit::http::{Reply, Server, reply};

const BIN: &str = env!("CARGO_BIN_EXE_newsdesk");

async fn newsdesk(dir: &Path, args: &[&str], allow_loopback: bool) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(dir).args(args).env_clear().env("PATH", std::env::var("PATH").unwrap_or_default());
    if allow_loopback {
        cmd.env("NEWSDESK_FETCH_ALLOW_PRIVATE_NETWORKS", "true").env("NEWSDESK_FETCH_PER_HOST_INTERVAL_MS", "0");
    }
    tokio::task::spawn_blocking(move || cmd.output().unwrap()).await.unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn rss(prefix: &str, n: usize) -> String {
    let items: String = (0..n)
        .map(|i| format!("<item><guid>{prefix}-{i}</guid><title>{prefix} story {i}</title><link>https://{prefix}.example/{i}</link><description>Lighthouse report number {i}.</description></item>"))
        .collect();
    format!(
        "<rss version=\"2.0\"><channel><title>{prefix} news</title><link>https://{prefix}.example/</link>{items}</channel></rss>"
    )
}

async fn server() -> Server {
    Server::start(|req, _| {
        let etag = "\"same\"";
        match req.path.as_str() {
            _ if req.header("if-none-match") == Some(etag) => Reply { status: 304, ..Reply::default() },
            "/a.xml" => Reply {
                status: 200,
                headers: vec![("ETag", etag.into())],
                body: rss("alpha", 2).into_bytes(),
                stall: None,
            },
            "/b.xml" => Reply {
                status: 200,
                headers: vec![("ETag", etag.into())],
                body: rss("beta", 3).into_bytes(),
                stall: None,
            },
            "/" => reply(
                200,
                r#"<html><head><link rel="alternate" type="application/rss+xml" href="/b.xml"></head></html>"#,
            ),
            _ => reply(404, "no"),
        }
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn opml_import_crawl_list_and_export() {
    let srv = server().await;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let opml = format!(
        r#"<opml version="2.0"><body><outline text="Alpha" xmlUrl="{}"/><outline text="Missing" xmlUrl="{}"/><outline text="folder"/></body></opml>"#,
        srv.url("/a.xml"),
        srv.url("/missing.xml")
    );
    std::fs::write(d.join("subs.opml"), opml).unwrap();
    let out = newsdesk(d, &["feeds", "import", "subs.opml"], false).await;
    assert_eq!(stdout(&out).trim(), "Added 2 feeds from subs.opml.");

    let crawl = newsdesk(d, &["crawl"], true).await;
    let line = stdout(&crawl);
    assert!(line.starts_with("Polled 2 feeds in "), "{line}");
    assert!(line.contains("2 new, 0 updated, 0 unchanged entries; 0 not modified, 1 failed."), "{line}");
    assert_eq!(crawl.status.code(), Some(1), "a failing feed makes the exit status 1");
    assert!(
        line.contains(&format!("\n  failed: {}: the server answered 404", srv.url("/missing.xml"))),
        "the failing feed is named, with why: {line}"
    );

    let json = stdout(&newsdesk(d, &["feeds", "list", "--json"], false).await);
    let feeds: Vec<serde_json::Value> = json.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(feeds.len(), 2, "{json}");
    let missing = feeds.iter().find(|f| f["url"].as_str().unwrap().ends_with("/missing.xml")).unwrap();
    assert_eq!((missing["status"].as_str(), missing["error_count"].as_u64()), (Some("error"), Some(1)));
    assert!(missing["last_error"].as_str().unwrap().contains("404"));
    let list = stdout(&newsdesk(d, &["feeds", "list"], false).await);
    assert!(list.contains("ok") && list.contains("(Alpha)"), "{list}");
    assert!(list.contains("error: the server answered 404"), "{list}");
    assert!(list.trim_end().ends_with("2 feeds, 1 failing."), "{list}");

    let again = stdout(&newsdesk(d, &["crawl"], true).await);
    assert!(again.starts_with("No feed is due"), "{again}");
    let all = stdout(&newsdesk(d, &["crawl", "--all"], true).await);
    assert!(all.contains("1 not modified"), "a conditional GET: {all}");

    let export = stdout(&newsdesk(d, &["feeds", "export"], false).await);
    assert!(export.contains(&format!("xmlUrl=\"{}\"", srv.url("/a.xml"))), "{export}");
    let articles = stdout(&newsdesk(d, &["export", "--format", "jsonl"], false).await);
    assert_eq!(articles.lines().count(), 2);
    assert!(articles.contains("alpha story 1") && articles.contains("\"feed_id\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn private_addresses_are_refused_unless_allowed() {
    let srv = server().await;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let refused = newsdesk(d, &["feeds", "add", srv.url("/").as_str()], false).await;
    assert_eq!(refused.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("not a public address") && stderr.contains("fetch.allow_private_networks"), "{stderr}");
    assert!(srv.seen().is_empty(), "nothing reached the server");

    let added = stdout(&newsdesk(d, &["feeds", "add", srv.url("/").as_str()], true).await);
    assert!(added.starts_with("Following beta news at "), "discovered from the home page: {added}");
    assert!(added.contains("\n3 entries to store on the next crawl; feed id "), "{added}");
    let dup = newsdesk(d, &["feeds", "add", srv.url("/b.xml").as_str()], true).await;
    assert!(String::from_utf8_lossy(&dup.stderr).contains("followed already"));

    let url = srv.url("/b.xml").to_string();
    assert!(stdout(&newsdesk(d, &["feeds", "pause", &url], false).await).starts_with("Paused"));
    let paused = stdout(&newsdesk(d, &["crawl", "--all"], true).await);
    assert!(paused.starts_with("No feed is due"), "paused feeds are not polled: {paused}");
    assert!(stdout(&newsdesk(d, &["feeds", "resume", &url], false).await).starts_with("Resumed"));
    assert!(stdout(&newsdesk(d, &["crawl"], true).await).contains("3 new"));
    assert!(stdout(&newsdesk(d, &["feeds", "remove", &url], false).await).contains("its 3 articles stay"));
    let unknown = newsdesk(d, &["feeds", "remove", "https://nowhere.example/rss"], false).await;
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no feed has the id or URL"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_polls_feeds_by_itself() {
    use std::io::{BufRead, BufReader, Read, Write};
    let srv = server().await;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_path_buf();
    std::fs::write(
        d.join("subs.opml"),
        format!(r#"<opml><body><outline xmlUrl="{}"/></body></opml>"#, srv.url("/b.xml")),
    )
    .unwrap();
    newsdesk(&d, &["feeds", "import", "subs.opml"], false).await;

    let addr = tokio::task::spawn_blocking(move || {
        let mut child = Command::new(BIN)
            .current_dir(&d)
            .args(["serve", "--listen", "127.0.0.1:0"])
            .env_clear()
            .env("NEWSDESK_FETCH_ALLOW_PRIVATE_NETWORKS", "true")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let line = BufReader::new(child.stdout.take().unwrap()).lines().next().unwrap().unwrap();
        let addr = line.strip_prefix("newsdesk is serving http://").unwrap().split('/').next().unwrap().to_owned();
        // Ask for /search until the scheduler has stored the feed (bounded: 20 s).
        let mut found = false;
        for _ in 0..100 {
            let mut s = std::net::TcpStream::connect(&addr).unwrap();
            write!(s, "GET /search?q=lighthouse HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").unwrap();
            let mut page = String::new();
            s.read_to_string(&mut page).unwrap();
            if page.contains("3 results") {
                found = true;
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(200));
        }
        let _ = child.kill();
        let _ = child.wait();
        (addr, found)
    })
    .await
    .unwrap();
    assert!(addr.1, "the entries of the followed feed became searchable at {}", addr.0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn extract_reads_pages_from_urls_through_the_safe_fetcher() {
    let page = "<html><head><title>Quay works end | Alpha</title></head><body><nav><a href=\"/\">Home</a></nav><article>\
        <p>The quay at Alpha reopened on Monday after the works, and the first boats tied up before noon.</p>\
        <p>Fishing crews said the new quay was wider, and the harbour master thanked them for their patience.</p>\
        </article></body></html>";
    let srv = Server::start(move |req, _| match req.path.as_str() {
        "/story" => Reply {
            status: 200,
            headers: vec![("Content-Type", "text/html; charset=utf-8".into())],
            body: page.as_bytes().to_vec(),
            stall: None,
        },
        _ => reply(404, "no"),
    })
    .await;
    let dir = tempfile::tempdir().unwrap();
    let url = srv.url("/story").to_string();
    let out = newsdesk(dir.path(), &["extract", "--format", "json", &url], true).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let line: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(line["source"], url.as_str());
    assert_eq!(line["title"], "Quay works end");
    assert!(line["text"].as_str().unwrap().starts_with("The quay at Alpha reopened"), "{line}");

    // Without permission, loopback is refused like any private address, and the page says why.
    let out = newsdesk(dir.path(), &["extract", "--format", "json", &url], false).await;
    assert_eq!(out.status.code(), Some(1));
    let line: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert!(line["error"].as_str().unwrap().contains("cannot fetch"), "{line}");
    let missing = newsdesk(dir.path(), &["extract", "--format", "json", srv.url("/gone").as_ref()], true).await;
    assert!(stdout(&missing).contains("the server answered 404"), "{}", stdout(&missing));
}

/// GET `path` from a newsdesk on `addr`: the status and the body.
fn get(addr: &str, path: &str) -> (u16, String) {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").unwrap();
    let mut answer = Vec::new();
    s.read_to_end(&mut answer).unwrap();
    let answer = String::from_utf8(answer).unwrap();
    let status = answer[9..12].parse().unwrap();
    let body = answer.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default();
    (status, body)
}

/// Every string in a JSON value holds only characters XML allows (JSON Feed readers often
/// turn them into XML or HTML).
fn assert_xml_safe_json(value: &serde_json::Value, what: &str) {
    match value {
        serde_json::Value::String(s) => {
            assert!(s.chars().all(newsdesk_model::is_xml_char), "{what}: {s:?}");
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| assert_xml_safe_json(v, what)),
        serde_json::Value::Object(map) => map.values().for_each(|v| assert_xml_safe_json(v, what)),
        _ => {}
    }
}

/// The distinct site paths starting with `prefix` linked from `html`.
fn links(html: &str, prefix: &str) -> Vec<String> {
    let mut found: Vec<String> = html
        .split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|href| href.starts_with(prefix) && !href.contains('#') && !href.contains('?'))
        .map(|href| href.replace("&amp;", "&"))
        .collect();
    found.sort();
    found.dedup();
    found
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_outgoing_feed_is_well_formed_whatever_the_incoming_feeds_held() {
    let control = "<rss version=\"2.0\"><channel><title>Quay &#1;Times</title><link>https://quay.example/</link>\
        <item><guid>q1</guid><title>Harbour &#1; dredging plan approved</title><link>https://quay.example/1</link>\
        <description>The harbour\u{b} board approved\u{c} the plan &#xFFFE; on Monday, &amp;nbsp; said Mayor Rosa Alvarez of Portmore.</description>\
        <author>desk@quay.example (Ana&#8; Ruiz)</author></item>\
        <item><guid>q2</guid><title>Tunnel ]]&gt; works &lt;b&gt;resume&lt;/b&gt;</title><link>https://quay.example/2</link>\
        <description><![CDATA[<p>Harbour tunnel works resume ]]]]><![CDATA[> after the \u{1}holiday.</p><script>alert(1)</script>]]></description></item>\
        <item><guid>q3</guid><link>https://quay.example/3</link><description>Harbour ferries\u{7} run late: no title here.</description></item>\
        </channel></rss>";
    let atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title type=\"html\">Pier &lt;i&gt;Post&lt;/i&gt;</title><id>urn:pier</id>\
        <link href=\"https://pier.example/\"/><updated>2026-11-30T08:00:00Z</updated>\
        <entry><id>urn:pier:1</id><title type=\"html\">Harbour &lt;b&gt;lights&lt;/b&gt; &amp;nbsp;&amp;#1; fixed</title>\
        <link href=\"https://pier.example/1\"/><updated>2026-11-30T08:00:00Z</updated><author><name>Lee&#x1F; Park</name></author>\
        <content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Harbour lights were fixed&#x0B; overnight &amp; tested.</p></div></content></entry>\
        </feed>";
    let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"Dock\u0001 Daily","home_page_url":"https://dock.example/",
        "items":[{"id":"d1","url":"https://dock.example/1","title":"Harbour\u0001 cranes\u0000 idle","content_text":"The harbour cranes stood idle\u000c all week.\uffff",
        "authors":[{"name":"Mo\u0002 Chen"}]}]}"#;
    let srv = Server::start(move |req, _| {
        let (kind, body): (&str, Vec<u8>) = match req.path.as_str() {
            "/control.rss" => ("application/rss+xml", control.as_bytes().to_vec()),
            "/pier.atom" => ("application/atom+xml", atom.as_bytes().to_vec()),
            "/dock.json" => ("application/feed+json", json.as_bytes().to_vec()),
            "/bytes.rss" => {
                let mut b = b"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Byte Bay</title>\
                    <link>https://bytes.example/</link><item><guid>b1</guid><title>Harbour master won\x92t \x0cresign</title>\
                    <link>https://bytes.example/1</link><description>She won\x92t go, the harbour master said.</description></item></channel></rss>"
                    .to_vec();
                b.push(b'\n');
                ("application/rss+xml", b)
            }
            _ => return reply(404, "no"),
        };
        Reply { status: 200, headers: vec![("Content-Type", kind.into())], body, stall: None }
    })
    .await;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_path_buf();
    for path in ["/control.rss", "/pier.atom", "/dock.json", "/bytes.rss"] {
        let out = newsdesk(&d, &["feeds", "add", srv.url(path).as_str()], true).await;
        assert!(out.status.success(), "{path}: {}{}", stdout(&out), String::from_utf8_lossy(&out.stderr));
    }
    let crawl = newsdesk(&d, &["crawl", "--all"], true).await;
    assert!(stdout(&crawl).contains("0 failed"), "{}", stdout(&crawl));

    let (addr, pages) = tokio::task::spawn_blocking(move || {
        use std::io::BufRead;
        let mut child = Command::new(BIN)
            .current_dir(&d)
            .args(["serve", "--no-crawl", "--listen", "127.0.0.1:0"])
            .env_clear()
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let line = std::io::BufReader::new(child.stdout.take().unwrap()).lines().next().unwrap().unwrap();
        let addr = line.strip_prefix("newsdesk is serving http://").unwrap().split('/').next().unwrap().to_owned();
        let mut documents = Vec::new();
        let front = get(&addr, "/").1 + &get(&addr, "/latest").1;
        assert!(
            front.contains("Harbour  dredging plan approved") || front.contains("Harbour dredging plan approved"),
            "{front}"
        );
        let mut feeds: Vec<String> = ["/feed", "/stories", "/search/feed"].iter().map(|p| (*p).to_owned()).collect();
        let mut pages = links(&front, "/stories/");
        pages.extend(links(&front, "/sources/"));
        pages.extend(links(&front, "/articles/"));
        for page in &pages {
            let html = get(&addr, page).1;
            for entity in links(&html, "/entities/") {
                if !entity.ends_with(".atom") && !entity.ends_with(".json") {
                    feeds.push(format!("{entity}/feed"));
                }
            }
            if page.starts_with("/articles/") {
                feeds.push(format!("{page}/comments"));
            } else {
                feeds.push(format!("{page}/feed"));
            }
        }
        feeds.sort();
        feeds.dedup();
        for feed in &feeds {
            let query = if feed == "/search/feed" { "?q=harbour" } else { "" };
            for ext in ["atom", "json"] {
                let path = format!("{feed}.{ext}{query}");
                let (status, body) = get(&addr, &path);
                assert_eq!(status, 200, "{path}: {body:.300}");
                documents.push((path, body));
            }
        }
        let _ = child.kill();
        let _ = child.wait();
        (addr, documents)
    })
    .await
    .unwrap();
    let _ = addr;
    // The latest, stories and search feeds, and a feed of every story, outlet, entity and
    // article comment thread the pages link to.
    let paths: Vec<&String> = pages.iter().map(|(p, _)| p).collect();
    assert!(paths.len() >= 20 && paths.iter().any(|p| p.starts_with("/entities/")), "{paths:?}");
    for (path, body) in &pages {
        if path.contains(".atom") {
            newsdesk_testkit::assert_well_formed_xml(body, path);
        } else {
            let value: serde_json::Value =
                serde_json::from_str(body).unwrap_or_else(|e| panic!("{path}: not JSON: {e}: {body:.300}"));
            assert_xml_safe_json(&value, path);
        }
    }
    let latest = &pages.iter().find(|(p, _)| p == "/feed.atom").unwrap().1;
    for title in ["dredging plan approved", "cranes", "lights", "won\u{2019}t", "Tunnel ]]&gt; works"] {
        assert!(latest.contains(title), "{title} in {latest}");
    }
}
