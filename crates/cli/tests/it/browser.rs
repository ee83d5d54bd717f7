//! newsdesk in a real browser: Debian's Chromium driven through chromedriver (WebDriver)
//! against a running `newsdesk serve`. A reader reads the front page, a story and an article,
//! posts a comment (held, shown to her alone), an administrator approves it, the reader sees it counted; hostile
//! comments and article content stay inert; the email appears nowhere. A screenshot of every
//! page is saved under `target/browser-screenshots/`.
//!
//! Needs `chromium` and `chromium-driver` (Debian packages). Without them the test says so and
//! passes, unless `NEWSDESK_BROWSER_TESTS=required` (as in CI), where it fails.

#![allow(clippy::print_stdout)]

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::webdriver::{Session, call};

const BIN: &str = env!("CARGO_BIN_EXE_newsdesk");
const EMAIL: &str = "reader.one@mail.example";
const PAYLOAD: &str = "<script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\">";
const HOSTILE_ID: &str = "019a2b10-4c00-7a01-8b00-00000000e001";

pub(crate) struct Running(pub(crate) Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

pub(crate) fn newsdesk(dir: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("NEWSDESK_DATABASE_URL", dir.join("browser.db").to_str().unwrap());
    cmd
}

fn screenshots() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/browser-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub(crate) fn shot(session: &Session, name: &str) {
    let path = screenshots().join(format!("{name}.png"));
    let png = session.screenshot();
    assert!(png.starts_with(b"\x89PNG"), "a PNG screenshot of {name}");
    std::fs::write(&path, png).unwrap();
    println!("screenshot: {}", path.display());
}

/// Nothing the page was sent ran: no script changed the title, no injected element exists.
fn assert_inert(session: &Session, what: &str) {
    assert_ne!(session.title(), "pwned", "script ran on the {what} page");
    let injected = session.script(
        "return document.querySelectorAll('.comment-body script, .comment-body img, .body script, [onerror], a[href^=\"javascript:\"]').length",
    );
    assert_eq!(injected, 0, "injected elements on the {what} page");
}

/// The administrator "editor" (password "harbour lights 42") in the database under `dir`.
pub(crate) fn create_editor(dir: &Path) {
    let mut admin = newsdesk(dir).args(["admin", "create-user", "editor"]).stdin(Stdio::piped()).spawn().unwrap();
    admin.stdin.take().unwrap().write_all(b"harbour lights 42\n").unwrap();
    assert!(admin.wait().unwrap().success());
}

/// `newsdesk serve --demo` on a free loopback port over the database under `dir`: the running
/// server and its address, without the trailing slash.
pub(crate) fn serve_demo(dir: &Path) -> (Running, String) {
    let mut child = newsdesk(dir)
        .args(["serve", "--demo", "--no-crawl", "--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let server = Running(child);
    let base = BufReader::new(stdout)
        .lines()
        .take(5)
        .map_while(Result::ok)
        .find_map(|l| l.strip_prefix("newsdesk is serving ").map(|r| r.split(' ').next().unwrap().to_owned()))
        .expect("the server announces its address");
    let base = base.trim_end_matches('/').to_owned();
    (server, base)
}

/// True when a missing browser (or axe-core) must fail the browser tests, as in CI.
pub(crate) fn browser_required() -> bool {
    std::env::var("NEWSDESK_BROWSER_TESTS").is_ok_and(|v| v == "required")
}

/// chromedriver, started; `None` (the test then says it is skipped) when it is not installed,
/// which fails the test when the browser is required.
pub(crate) fn chromedriver_or_skip() -> Option<(Running, String)> {
    let started = start_chromedriver();
    if started.is_none() {
        assert!(!browser_required(), "chromedriver is not installed (apt install chromium chromium-driver)");
        println!("skipped: chromedriver is not installed (apt install chromium chromium-driver)");
    }
    started
}

fn start_chromedriver() -> Option<(Running, String)> {
    let port = free_port();
    let child = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let running = Running(child);
    let addr = format!("127.0.0.1:{port}");
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(20) {
        if call(&addr, "GET", "/status", None).is_ok_and(|v| v["ready"] == true) {
            return Some((running, addr));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("chromedriver did not become ready");
}

#[test]
fn a_reader_and_a_moderator_in_chromium() {
    let Some((_driver, driver)) = chromedriver_or_skip() else { return };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();

    // An administrator, and an article whose content is hostile.
    create_editor(d);
    let hostile = serde_json::json!({
        "id": HOSTILE_ID,
        "title": "Council minutes <script>document.title='pwned'</script>",
        "summary": "A summary with <b>markup</b>.",
        "body_text": "The council met.",
        "body_html": format!("<p>The council met.</p>{PAYLOAD}<a href=\"javascript:document.title='pwned'\">minutes</a><iframe src=\"https://evil.example\"></iframe>"),
        "published_at": "2026-11-25T10:00:00Z",
    });
    std::fs::write(d.join("hostile.jsonl"), format!("{hostile}\n")).unwrap();
    assert!(newsdesk(d).args(["import", "hostile.jsonl"]).status().unwrap().success());

    // The site, with the demo articles.
    let (_server, base) = serve_demo(d);

    let s = Session::chromium(&driver).unwrap();

    // Front page: stories.
    s.goto(&format!("{base}/"));
    assert_eq!(s.title(), "Top stories · newsdesk");
    assert!(s.source().contains("Top stories"));
    shot(&s, "1-front-page");

    // A story, then an article from its timeline.
    s.click("article.story-card h2 a");
    s.wait_until("the story page", |s| s.url().contains("/stories/"));
    assert!(s.source().contains("Timeline"));
    shot(&s, "2-story");
    s.click(".timeline li a[href^='/articles/']");
    s.wait_until("the article page", |s| s.url().contains("/articles/"));
    let article_url = s.url();
    let before =
        s.script("return document.getElementById('discussion-heading').textContent").as_str().unwrap().to_owned();
    let count_before: u32 = before.split_whitespace().next().unwrap().parse().unwrap();
    assert!(s.source().contains("Your email address will not be published."));
    shot(&s, "3-article");

    // A comment with hostile text in every field: held for moderation.
    s.type_into("#comment", &format!("Well reported. {PAYLOAD}"));
    s.type_into("#author", "Eve <script>document.title='pwned'</script>");
    s.type_into("#email", EMAIL);
    s.type_into("#url", "https://eve.example/\"><script>document.title='pwned'</script>");
    // People take a few seconds to write; the site refuses faster forms.
    std::thread::sleep(Duration::from_millis(3500));
    s.click(".comment-form button[type=submit]");
    s.wait_until("the comment to be sent", |s| s.url().contains("comment=held"));
    assert!(s.source().contains("Your comment is awaiting moderation."));
    assert!(s.source().contains("Well reported.") && s.source().contains("This is a preview"), "her own, marked held");
    assert_inert(&s, "article with her held comment");
    shot(&s, "4-comment-held");
    s.goto(&article_url);
    assert!(!s.source().contains("Well reported."), "held comments are shown to nobody else");
    assert_inert(&s, "article after posting");

    // The moderator signs in and approves it.
    s.goto(&format!("{base}/admin"));
    assert!(s.url().ends_with("/admin/login"));
    s.type_into("#username", "editor");
    s.type_into("#password", "harbour lights 42");
    s.click(".comment-form button[type=submit]");
    s.wait_until("the sign-in", |s| s.url().ends_with("/admin"));
    assert!(s.source().contains("Comments awaiting moderation (1)"));
    assert_inert(&s, "admin");
    assert!(s.source().contains(EMAIL), "moderators see the commenter's email in the queue");
    shot(&s, "5-moderation-queue");
    s.click("form.inline[action^='/admin/comments/'] button[value=approve]");
    s.wait_until("the approval", |s| s.source().contains("Comments awaiting moderation (0)"));

    // The reader sees the comment, counted.
    s.goto(&article_url);
    let after =
        s.script("return document.getElementById('discussion-heading').textContent").as_str().unwrap().to_owned();
    let count_after: u32 = after.split_whitespace().next().unwrap().parse().unwrap();
    assert_eq!(count_after, count_before + 1, "{before} -> {after}");
    let body =
        s.script("return document.querySelector('.comment .comment-body').textContent").as_str().unwrap().to_owned();
    assert!(body.contains("Well reported. <script>"), "the payload is shown as text: {body}");
    assert_inert(&s, "article with the approved comment");
    assert!(!s.source().contains(EMAIL));
    shot(&s, "6-comment-approved");

    // Hostile article content is sanitized.
    s.goto(&format!("{base}/articles/{HOSTILE_ID}"));
    assert_inert(&s, "hostile article");
    assert_eq!(s.script("return document.querySelectorAll('iframe').length"), 0);
    assert!(s.title().starts_with("Council minutes <script>"), "the title is text: {}", s.title());
    shot(&s, "7-hostile-article");

    // The email appears in no page, feed or search.
    for path in ["/", "/latest", "/feed.atom", "/search?q=reported"] {
        s.goto(&format!("{base}{path}"));
        assert!(!s.source().contains(EMAIL), "{path}");
    }
}
