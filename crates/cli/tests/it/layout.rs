//! Every kind of page at a laptop's width (1366 px) and a phone's (390 px), in Chromium: no
//! horizontal overflow, every control inside the viewport, and no serious or critical
//! violation found by axe-core (injected through WebDriver from the file
//! `NEWSDESK_AXE_CORE` names; CI installs it from the npm registry).
//!
//! Skipped, saying so, without chromedriver or axe-core, unless `NEWSDESK_BROWSER_TESTS=required`.

#![allow(clippy::print_stdout)]

use crate::browser::{browser_required, chromedriver_or_skip, create_editor, newsdesk, serve_demo, shot};
use crate::support::webdriver::Session;

/// Controls that are on the page but outside the viewport's width, and the page's overflow.
const LAYOUT: &str = r"
const root = document.documentElement;
const width = root.clientWidth;
const off = [];
for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea')) {
  const r = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  if (r.width === 0 || r.height === 0 || style.visibility === 'hidden') continue;
  if (el.closest('.visually-hidden, .skip')) continue;
  if (r.left < -1 || r.right > width + 1) off.push((el.id || el.name || el.textContent.trim().slice(0, 30) || el.tagName) + ' at ' + Math.round(r.left) + '..' + Math.round(r.right));
}
return { width: width, scroll: root.scrollWidth, off: off.slice(0, 8) };
";

/// axe-core's serious and critical violations, a few nodes each.
const AXE: &str = r"
const done = arguments[arguments.length - 1];
axe.run(document, { resultTypes: ['violations'] })
  .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' [' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join('; ') + ']')))
  .catch(e => done(['axe failed: ' + e]));
";

#[test]
fn every_page_kind_fits_both_widths_with_no_serious_accessibility_violation() {
    let axe = std::env::var("NEWSDESK_AXE_CORE").ok().and_then(|p| std::fs::read_to_string(p).ok());
    if axe.is_none() {
        assert!(!browser_required(), "axe-core is needed: NEWSDESK_AXE_CORE names node_modules/axe-core/axe.min.js");
        println!("skipped: NEWSDESK_AXE_CORE does not name axe-core's axe.min.js (npm install axe-core)");
        return;
    }
    let axe = axe.unwrap_or_default();
    let Some((_driver, driver)) = chromedriver_or_skip() else { return };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    create_editor(d);
    // Feeds with long names and addresses, for the administrator's feeds table.
    let opml = r#"<opml version="2.0"><body>
      <outline type="rss" text="The Harbour Gazette: regional news, weather and the ferry timetable"
        xmlUrl="https://feeds.harbourgazette.example/sections/regional-news-and-weather/rss-feed-with-a-long-address.xml"/>
      <outline type="rss" text="Coastal Observer" xmlUrl="https://coastal-observer.example/feed/"/>
    </body></opml>"#;
    std::fs::write(d.join("feeds.opml"), opml).unwrap();
    assert!(newsdesk(d).args(["feeds", "import", "feeds.opml"]).status().unwrap().success());
    let (_server, base) = serve_demo(d);
    let s = Session::chromium(&driver).unwrap();

    // One page of each kind, found by following the site's own links.
    s.goto(&format!("{base}/"));
    let story = s.href("article.story-card h2 a").expect("a story on the front page");
    s.goto(&story);
    let article = s.href(".timeline li a[href*='/articles/']").expect("an article in the story");
    let entity = s.href("ul.entities a").expect("an entity of the story");
    s.goto(&article);
    let source = s.href("a.outlet").expect("the article's outlet");
    // A held comment, for the moderation queue.
    s.type_into("#comment", "A long comment about the ferry timetable, which changes every spring and confuses everyone who commutes across the harbour.");
    s.type_into("#author", "Reader With A Rather Long Name");
    s.type_into("#email", "reader.two@mail.example");
    std::thread::sleep(std::time::Duration::from_millis(3500));
    s.click(".comment-form button[type=submit]");
    s.wait_until("the comment to be sent", |s| s.url().contains("comment=held"));
    let word = s.title().split_whitespace().next().unwrap_or("harbour").to_lowercase();
    let public = [
        ("front", format!("{base}/")),
        ("latest", format!("{base}/latest")),
        ("story", story),
        ("article", article),
        ("entity", entity),
        ("source", source),
        ("search", format!("{base}/search?q={word}")),
        ("not-found", format!("{base}/no-such-page")),
        ("sign-in", format!("{base}/admin/login")),
    ];

    let mut faults = Vec::new();
    let mut check = |s: &Session, width: u32, name: &str| {
        let layout = s.script(LAYOUT);
        let (client, scroll) = (layout["width"].as_i64().unwrap_or(0), layout["scroll"].as_i64().unwrap_or(0));
        if scroll > client {
            faults.push(format!("{width} px, {name}: the page is {scroll} px wide in a {client} px viewport"));
        }
        for off in layout["off"].as_array().into_iter().flatten() {
            faults.push(format!("{width} px, {name}: control outside the viewport: {off}"));
        }
        s.script(&format!("{axe}\nreturn true;"));
        for v in s.script_async(AXE).as_array().into_iter().flatten() {
            faults.push(format!("{width} px, {name}: {}", v.as_str().unwrap_or_default()));
        }
        shot(s, &format!("layout-{width}-{name}"));
    };
    for width in [1366, 390] {
        s.resize(width, 900);
        for (name, url) in &public {
            s.goto(url);
            check(&s, width, name);
        }
    }
    // The administrator's pages, signed in; the password field looks like the name field.
    s.goto(&format!("{base}/admin/login"));
    assert_eq!(
        s.script("return document.getElementById('password').offsetWidth"),
        s.script("return document.getElementById('username').offsetWidth"),
        "the password field is styled as the name field"
    );
    s.type_into("#username", "editor");
    s.type_into("#password", "harbour lights 42");
    s.click(".comment-form button[type=submit]");
    s.wait_until("the sign-in", |s| s.url().ends_with("/admin"));
    for width in [1366, 390] {
        s.resize(width, 900);
        s.goto(&format!("{base}/admin"));
        // Waited for rather than read at once: under a loaded machine the page may still be
        // loading; a timeout names the address the browser is at.
        s.wait_until("the queue to hold the comment", |s| s.source().contains("Comments awaiting moderation (1)"));
        check(&s, width, "admin");
    }
    assert!(faults.is_empty(), "{} layout or accessibility faults:\n{}", faults.len(), faults.join("\n"));
}
