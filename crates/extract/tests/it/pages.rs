//! Whole pages through `extract`: our own small pages, each built to show one behaviour.

use newsdesk_extract::{NotArticle, Page, extract};
use url::Url;

fn page_url() -> Url {
    Url::parse("https://news.example.org/2026/03/harbour/index.html").unwrap_or_else(|e| unreachable!("{e}"))
}

fn run(html: &str) -> newsdesk_extract::Extracted {
    let url = page_url();
    extract(Page { bytes: html.as_bytes(), content_type: Some("text/html; charset=utf-8"), url: Some(&url) })
}

const P1: &str = "The harbour at Port Ellis reopened on Tuesday after three weeks of repairs to the sea wall, which storms had breached twice in January, flooding the fish market and the ferry terminal.";
const P2: &str = "Engineers from the regional authority said the new wall, built from interlocking concrete blocks, should withstand waves half again as high as those that broke the old one.";
const P3: &str = "Fishing crews, who had moved their boats to Kell Bay during the works, began returning on Wednesday morning, and the first ferry left for the islands at noon.";
const P4: &str = "The council will publish a full account of the costs, which it put at 4.2 million, in its spring report, a spokesperson said.";

/// A news page: navigation, the article with its furniture, related links, comments, footer.
fn news_page(article_extra: &str) -> String {
    format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Port Ellis harbour reopens after repairs | Coast Herald</title>
<meta property="og:site_name" content="Coast Herald">
<meta name="author" content="Ana Ruiz">
<meta property="article:published_time" content="2026-03-03T09:30:00Z">
<link rel="canonical" href="/2026/03/harbour">
<style>.x {{ color: red }}</style><script>var tracking = "<p>not text</p>";</script>
</head><body>
<header class="site-header"><a href="/">Coast Herald</a><nav><a href="/news">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav></header>
<div class="layout">
<main><article class="story">
<h1>Port Ellis harbour reopens after repairs</h1>
<p class="byline">By Ana Ruiz</p>
<div class="story-body">
<p>{P1}</p>
<figure><img data-src="/img/wall.jpg" src="data:image/gif;base64,R0lGOD" alt="The new sea wall"><figcaption>The new sea wall at Port Ellis.</figcaption></figure>
<p>{P2}</p>
<div class="ad-slot">Advertisement</div>
<h2>Boats return</h2>
<p>{P3}</p>
{article_extra}
<p>{P4}</p>
<p>Sign up for our newsletter to get the Coast Herald in your inbox.</p>
</div>
<div class="share-tools"><a href="https://social.example.com/share">Share on Social</a> <a href="mailto:?">Email</a></div>
</article></main>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Storm warning for the coast this weekend</a></li><li><a href="/b">Ferry fares rise in April</a></li><li><a href="/c">Kell Bay lifeboat crew honoured</a></li></ul></aside>
</div>
<section id="comments" class="comments"><h3>3 comments</h3><div class="comment"><p>About time too, the market has been shut for weeks and we have all lost a great deal of money because of it.</p></div></section>
<footer class="site-footer"><p>Copyright Coast Herald. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"#
    )
}

#[test]
fn finds_the_article_and_leaves_the_page_furniture() {
    let e = run(&news_page(""));
    assert!(e.is_article(), "{:?}", e.not_article);
    let lines: Vec<&str> = e.text.lines().collect();
    assert_eq!(lines, vec![P1, P2, "Boats return", P3, P4], "text was:\n{}", e.text);
}

#[test]
fn a_posts_filing_line_is_furniture_and_a_sentence_that_opens_like_one_is_not() {
    for filing in [
        r#"<p>Posted in <a href="/c/harbour">Harbour</a>, <a href="/c/council">Council</a> | Tagged <a href="/t/ferries">ferries</a></p>"#,
        r#"<p>This entry was filed under <a href="/c/harbour">Harbour</a> and <a href="/c/works">Works</a> on a Tuesday; replies arrive through the <a href="/feed">feed</a>.</p>"#,
        r#"<div>Abgelegt unter: <a href="/c/hafen">Hafen</a>, <a href="/c/rat">Stadtrat</a></div>"#,
        r#"<div class="postmeta">You can follow any responses by way of the post's <a href="/feed">feed</a>, or <a href="/respond">reply</a> from your own blog.</div>"#,
    ] {
        let e = run(&news_page(filing));
        let lines: Vec<&str> = e.text.lines().collect();
        assert_eq!(lines, vec![P1, P2, "Boats return", P3, P4], "{filing}: text was:\n{}", e.text);
    }
    let sentence = "Posted in Kell Bay for a decade, the harbour master has seen the wall breached only once before.";
    let e = run(&news_page(&format!("<p>{sentence}</p>")));
    assert!(e.text.contains(sentence), "{}", e.text);
}

#[test]
fn a_bylines_name_inside_its_line_stays_in_the_line() {
    // The name and date marked up inside a line of other words, as blog themes write them.
    for (line, want) in [
        (
            r#"<p class="headline_meta">by <span class="author vcard fn">Ana Ruiz</span> on <abbr class="published">March 3, 2026</abbr></p>"#,
            "by Ana Ruiz on March 3, 2026",
        ),
        (
            r#"<div class="entry-info"><span class="published">March 3, 2026</span> by <span class="vcard author"><span class="fn">Ana Ruiz</span></span></div>"#,
            "March 3, 2026 by Ana Ruiz",
        ),
    ] {
        let e = run(&news_page(line));
        assert!(e.text.lines().any(|l| l == want), "{line}: text was:\n{}", e.text);
    }
    // A line of nothing but labels is still left out, and so is a picture's credit.
    let labels = r#"<p><span class="author">Ana Ruiz</span> <span class="byline">Coast Herald</span></p>
        <p>The rebuilt wall at dawn. <span class="credit">Coast Herald pictures</span></p>"#;
    let e = run(&news_page(labels));
    assert!(!e.text.contains("Ana Ruiz") && !e.text.contains("pictures"), "{}", e.text);
}

#[test]
fn reads_the_metadata() {
    let e = run(&news_page(""));
    assert_eq!(e.title.as_deref(), Some("Port Ellis harbour reopens after repairs"));
    assert_eq!(e.byline.as_deref(), Some("Ana Ruiz"));
    assert_eq!(e.published.map(|d| d.to_rfc3339()).as_deref(), Some("2026-03-03T09:30:00+00:00"));
    assert_eq!(e.canonical_url.as_ref().map(Url::as_str), Some("https://news.example.org/2026/03/harbour"));
    assert_eq!(e.site_name.as_deref(), Some("Coast Herald"));
    assert_eq!(e.language.as_deref(), Some("en"));
}

#[test]
fn html_keeps_structure_figures_and_absolute_lazy_images() {
    let e = run(&news_page(
        "<ul><li>Sea wall: 4 km</li><li>Cost: 4.2 million</li></ul><blockquote><p>We are open again.</p></blockquote>",
    ));
    assert!(e.html.contains("<h2>Boats return</h2>"), "{}", e.html);
    assert!(e.html.contains("<ul><li>Sea wall: 4 km</li><li>Cost: 4.2 million</li></ul>"), "{}", e.html);
    assert!(e.html.contains("<blockquote><p>We are open again.</p></blockquote>"), "{}", e.html);
    assert!(
        e.html.contains(r#"<figure><img src="https://news.example.org/img/wall.jpg" alt="The new sea wall"><figcaption>The new sea wall at Port Ellis.</figcaption></figure>"#),
        "{}",
        e.html
    );
    // The caption is the HTML's, not the text's.
    assert!(!e.text.contains("The new sea wall at Port Ellis."));
    assert!(e.text.contains("Sea wall: 4 km\nCost: 4.2 million\nWe are open again."), "{}", e.text);
}

#[test]
fn links_become_absolute_and_hostile_markup_does_not_survive() {
    let extra = r#"<p>The plans are <a href="../plans.pdf" onclick="steal()">online</a>, and <a href="javascript:alert(1)">here</a> <img src="x" onerror="alert(2)"> is <b style="color:red">bold</b> <iframe src="https://evil.example"></iframe>text of the article that goes on for a while to be a paragraph.</p>"#;
    let e = run(&news_page(extra));
    assert!(e.html.contains(r#"<a href="https://news.example.org/2026/03/plans.pdf">online</a>"#), "{}", e.html);
    for bad in ["onclick", "javascript:", "onerror", "style=", "<iframe", "<script", "steal()"] {
        assert!(!e.html.contains(bad), "{bad} survived in {}", e.html);
    }
    assert!(e.html.contains("<a>here</a>"), "{}", e.html);
}

#[test]
fn hidden_text_is_never_extracted() {
    let extra = r#"<p hidden>Hidden by attribute, and it is long enough to look like a paragraph of text.</p>
<p style="display: none">Hidden by style, and it is long enough to look like a paragraph of text too.</p>
<div aria-hidden="true"><p>Hidden from readers of every kind, long enough to be a paragraph as well.</p></div>
<p class="sr-only">Only for screen readers, but long enough to look like a paragraph of text.</p>"#;
    let e = run(&news_page(extra));
    assert!(!e.text.contains("Hidden"), "{}", e.text);
    assert!(!e.text.contains("screen readers"), "{}", e.text);
    assert!(!e.html.contains("Hidden"), "{}", e.html);
}

#[test]
fn repeated_paragraphs_appear_once() {
    let extra = format!("<p>{P1}</p><div class=\"pullquote\"><p>{P2}</p></div>");
    let e = run(&news_page(&extra));
    assert_eq!(e.text.matches(P1).count(), 1, "{}", e.text);
    assert_eq!(e.text.matches(P2).count(), 1, "{}", e.text);
}

#[test]
fn an_article_split_over_sibling_containers_is_found_whole() {
    let html = format!(
        r#"<html><body><div id="wrap"><div class="col"><p>{P1}</p><p>{P2}</p></div>
<div class="col"><p>{P3}</p><p>{P4}</p></div></div>
<div class="links"><a href="/1">One story</a> <a href="/2">Two story</a></div></body></html>"#
    );
    let e = run(&html);
    assert_eq!(e.text.lines().collect::<Vec<_>>(), vec![P1, P2, P3, P4]);
}

#[test]
fn text_in_a_div_with_line_breaks_is_read_as_paragraphs() {
    let html = format!(
        "<html><body><div class=\"content\">{P1}<br><br>{P2}<br>{P3}</div><div><a href=\"/\">Home</a></div></body></html>"
    );
    let e = run(&html);
    assert_eq!(e.text.lines().collect::<Vec<_>>(), vec![P1, P2, P3]);
    assert!(e.html.contains("<br>") || e.html.matches("<p>").count() >= 1, "{}", e.html);
}

#[test]
fn a_home_page_is_not_an_article() {
    let mut html = String::from(
        "<html><head><meta property=\"og:type\" content=\"website\"><title>Coast Herald</title></head><body><h1>Coast Herald</h1>",
    );
    for i in 0..40 {
        html.push_str(&format!(
            "<div class=\"teaser\"><h2><a href=\"/story/{i}\">Headline number {i} about the coast and its towns</a></h2><p>A short standfirst for story {i}.</p></div>"
        ));
    }
    html.push_str("</body></html>");
    let e = run(&html);
    assert_eq!(e.not_article, Some(NotArticle::Listing), "{}", e.text);
}

#[test]
fn error_and_paywall_pages_are_not_articles() {
    let e = run(
        "<html><head><title>404 Page not found</title></head><body><h1>Page not found</h1><p>Sorry, the page you asked for does not exist. Try the search box above or go back home.</p></body></html>",
    );
    assert_eq!(e.not_article, Some(NotArticle::ErrorPage));
    let e = run(&format!(
        r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle","headline":"Paid","isAccessibleForFree":false}}</script></head>
<body><article><p>{P1}</p><p>Subscribe to read the rest of this article.</p></article></body></html>"#
    ));
    assert_eq!(e.not_article, Some(NotArticle::Paywall));
    assert!(e.text.contains(P1), "the stub's text is kept for the caller: {}", e.text);
}

#[test]
fn garbage_gives_an_empty_result_with_a_reason() {
    let url = page_url();
    let cases: Vec<(Vec<u8>, NotArticle)> = vec![
        (Vec::new(), NotArticle::Empty),
        (b"   \n\t ".to_vec(), NotArticle::Empty),
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10".to_vec(), NotArticle::Binary),
        (b"<html><body><div><span>Menu</span></div></body></html>".to_vec(), NotArticle::NoText),
        (
            b"<html><body><div><a href=/>Home</a> <a href=/news>News</a></div></body></html>".to_vec(),
            NotArticle::Listing,
        ),
    ];
    for (bytes, reason) in cases {
        let e = extract(Page { bytes: &bytes, content_type: None, url: Some(&url) });
        assert_eq!(e.not_article, Some(reason), "{bytes:?}");
        assert!(e.text.is_empty(), "{}", e.text);
    }
}

#[test]
fn truncated_and_wrongly_labelled_pages_still_give_their_text() {
    let full = news_page("");
    let cut = &full[..full.find(P4).unwrap_or(full.len())];
    let e = run(cut);
    assert!(e.text.contains(P3), "{}", e.text);
    // Latin-1 bytes labelled UTF-8 by the server.
    let latin1: Vec<u8> =
        format!("<html><body><article><p>{P1} Caf\u{e9} cr\u{e8}me.</p><p>{P2}</p></article></body></html>")
            .chars()
            .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
            .collect();
    let url = page_url();
    let e = extract(Page { bytes: &latin1, content_type: Some("text/html; charset=utf-8"), url: Some(&url) });
    assert!(e.text.contains("Café crème."), "{}", e.text); // Good UTF-8 with one stray windows-1252 byte: the UTF-8 stays, the stray byte is read.
    let mixed = [
        format!("<html><body><article><p>{P1} \u{201c}Caf\u{e9}\u{201d}, the crew said; they don").as_bytes(),
        &[0x92],
        format!("t mind.</p><p>{P2}</p></article></body></html>").as_bytes(),
    ]
    .concat();
    let e = extract(Page { bytes: &mixed, content_type: Some("text/html; charset=utf-8"), url: Some(&url) });
    assert!(e.text.contains("\u{201c}Café\u{201d}, the crew said; they don\u{2019}t mind."), "{}", e.text);
}

#[test]
fn megabytes_of_nested_divs_end_quickly_with_a_reason() {
    let mut html = String::from("<html><body><p>");
    html.push_str(P1);
    html.push_str("</p>");
    html.push_str(&"<div>".repeat(500_000));
    let e = run(&html);
    assert!(e.truncated.is_some());
    assert!(e.text.contains(P1), "{}", e.text);
}

#[test]
fn json_ld_metadata_and_several_languages() {
    let html = r#"<html lang="de"><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Hafen wieder offen","author":{"@type":"Person","name":"Jonas Berg"},"datePublished":"2026-03-03T10:00:00+01:00","inLanguage":"de-DE"}</script></head>
<body><article><p>Der Hafen von Port Ellis ist nach drei Wochen Reparaturarbeiten an der Kaimauer am Dienstag wieder geöffnet worden, teilte die Behörde mit.</p>
<p>Die Fischer, die ihre Boote während der Arbeiten in die Bucht von Kell verlegt hatten, kehrten am Mittwochmorgen zurück.</p></article></body></html>"#;
    let e = run(html);
    assert_eq!(e.title.as_deref(), Some("Hafen wieder offen"));
    assert_eq!(e.byline.as_deref(), Some("Jonas Berg"));
    assert_eq!(e.language.as_deref(), Some("de-DE"));
    assert_eq!(e.published.map(|d| d.to_rfc3339()).as_deref(), Some("2026-03-03T09:00:00+00:00"));
    assert_eq!(e.text.lines().count(), 2);
}
