//! Several `newsdesk worker` processes on one database, one of them killed in the middle:
//! every entry is stored once, none is lost, no feed is polled by two workers at once, and
//! every article is placed in a story by the one worker that understands at a time.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use newsdesk_store::{Store, StoreOptions};
use newsdesk_testkit::http::{Reply, Server};

const BIN: &str = env!("CARGO_BIN_EXE_newsdesk");
const FEEDS: usize = 30;
const ITEMS: usize = 10;

fn rss(feed: usize) -> String {
    let items: String = (0..ITEMS)
        .map(|i| {
            format!("<item><guid>f{feed}-{i}</guid><title>Feed {feed} story {i}</title><description>Harbour report {i} from feed {feed}.</description></item>")
        })
        .collect();
    format!("<rss version=\"2.0\"><channel><title>Feed {feed}</title>{items}</channel></rss>")
}

fn newsdesk(dir: &Path, database: &str, args: &[&str]) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(dir)
        .args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("NEWSDESK_DATABASE_URL", database)
        .env("NEWSDESK_FETCH_ALLOW_PRIVATE_NETWORKS", "true")
        .env("NEWSDESK_FETCH_PER_HOST_INTERVAL_MS", "0")
        .env("NEWSDESK_FETCH_PER_HOST_CONCURRENCY", "8")
        .env("NEWSDESK_FETCH_OBEY_ROBOTS", "false")
        .env("NEWSDESK_CRAWL_CONCURRENCY", "2")
        // Long enough that a survivor's poll, slowed by two cores shared with the other
        // workers' writes, outlives no lease (a second fetch of its feed would be counted);
        // short enough that the killed worker's feeds are taken over within the test.
        .env("NEWSDESK_CRAWL_LEASE_SECONDS", "5")
        .env("NEWSDESK_CRAWL_UNDERSTANDING_LEASE_SECONDS", "2")
        .env("NEWSDESK_CRAWL_FULL_TEXT", "false");
    cmd
}

struct Workers(Vec<Child>);

impl Drop for Workers {
    fn drop(&mut self) {
        for child in &mut self.0 {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn three_workers_share_the_feeds_and_survive_one_killed_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("shared.db").display().to_string();
    three_workers(&database).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn three_workers_share_the_feeds_and_survive_one_killed_on_postgres() {
    if !newsdesk_testkit::postgres::ready() {
        return;
    }
    let db = newsdesk_testkit::postgres::TestStore::new().await;
    three_workers(&db.path()).await;
}

async fn three_workers(database: &str) {
    let fetches: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
    let seen = fetches.clone();
    let server = Server::start(move |req, _| {
        *seen.lock().unwrap().entry(req.path.clone()).or_default() += 1;
        let feed: Option<usize> =
            req.path.strip_prefix("/feed/").and_then(|p| p.strip_suffix(".xml")).and_then(|n| n.parse().ok());
        match feed {
            // Slow feeds, so that a worker is killed with polls under way.
            Some(n) => Reply {
                status: 200,
                headers: vec![("Content-Type", "application/rss+xml".into())],
                body: rss(n).into_bytes(),
                stall: Some(Duration::from_millis(400)),
            },
            None => Reply { status: 404, ..Reply::default() },
        }
    })
    .await;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let outlines: String = (0..FEEDS)
        .map(|n| {
            format!("<outline type=\"rss\" text=\"Feed {n}\" xmlUrl=\"{}\"/>", server.url(&format!("/feed/{n}.xml")))
        })
        .collect();
    std::fs::write(d.join("feeds.opml"), format!("<opml version=\"2.0\"><body>{outlines}</body></opml>")).unwrap();
    let out = newsdesk(d, database, &["feeds", "import", "feeds.opml"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let spawn = || newsdesk(d, database, &["worker"]).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
    let mut workers = Workers(vec![spawn(), spawn(), spawn()]);
    // Kill one worker while its polls are under way (each poll takes at least 400 ms).
    tokio::time::sleep(Duration::from_millis(900)).await;
    workers.0[0].kill().unwrap();
    workers.0[0].wait().unwrap();

    let store = Store::open(database, &StoreOptions::default()).await.unwrap();
    let started = Instant::now();
    let expected = (FEEDS * ITEMS) as u64;
    let mut stored = 0;
    while started.elapsed() < Duration::from_secs(60) {
        stored = store.count_articles().await.unwrap();
        let unplaced = store.unplaced_articles(&HashSet::new(), 1).await.unwrap();
        if stored == expected
            && store.feeds().await.unwrap().iter().all(|f| f.last_polled_at.is_some())
            && unplaced.is_empty()
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(stored, expected, "every entry stored, once");
    // One worker at a time understands, every worker's articles included, also when the
    // killed one held that role.
    assert!(store.unplaced_articles(&HashSet::new(), 1).await.unwrap().is_empty(), "every article placed");
    drop(workers);

    let fetches = fetches.lock().unwrap().clone();
    let per_feed: Vec<usize> =
        (0..FEEDS).map(|n| fetches.get(&format!("/feed/{n}.xml")).copied().unwrap_or(0)).collect();
    assert!(per_feed.iter().all(|&c| c >= 1), "every feed polled: {per_feed:?}");
    // A feed is fetched twice only when the killed worker had it under way (at most its two
    // polls at once); without leases the three workers would each fetch every due feed.
    let twice = per_feed.iter().filter(|&&c| c >= 2).count();
    assert!(per_feed.iter().all(|&c| c <= 2) && twice <= 2, "{per_feed:?}");
    for f in store.feeds().await.unwrap() {
        assert_eq!(f.item_count, ITEMS as u64, "{}", f.url);
    }
    store.close().await;
}
