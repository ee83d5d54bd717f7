//! A list of other posts under an article ("You may also like", "Related posts") is never the
//! article, even when the template writes those posts out whole inside the article's own
//! container; a box of related links inside an article ("Related articles") does not end it.
//! Our own pages, in the shapes blog templates use.

fn run(html: &str) -> newsdesk_extract::Extracted {
    super::extract_html_at("https://quotes.example.org/2026/05/patience.html", html)
}

const POST: [&str; 3] = [
    "Patience is not waiting with folded hands but the quiet work of doing the next right thing while the result is still out of sight, a lesson the old gardener taught every apprentice.",
    "He planted pear trees he knew he would never see bear fruit, and when the younger workers asked him why, he said the orchard belonged to whoever would walk in it later.",
    "The village still picks those pears every autumn, and the children are told the story of the man who planted for strangers before they are allowed to climb the ladders.",
];

/// Another post of the site, written out whole as the template's suggestion.
fn other_post(n: usize) -> String {
    format!(
        r#"<article class="post postbox"><h2><a href="/2026/04/other-{n}.html">Another reflection {n}</a></h2>
<p>Courage number {n} is the decision to begin again after a failure, without pretending that the failure did not hurt or that the next attempt is sure to succeed this time.</p>
<p>Those who keep going are rarely the most talented ones in the room; they are the ones who have made peace with being beginners for a little longer than everyone else.</p></article>"#
    )
}

#[test]
fn other_posts_under_their_heading_are_not_the_article() {
    for heading in [
        "You may also like...",
        "Related Posts",
        "Você pode gostar",
        "Das könnte Sie auch interessieren",
        "Vous aimerez aussi",
    ] {
        let others = (1..=4).map(other_post).collect::<Vec<_>>().join("\n");
        let html = format!(
            r#"<html><body><div class="content"><article class="post"><h1>On patience</h1>
<p>{}</p><p>{}</p><p>{}</p></article>
<section class="postbox"><h3>{heading}</h3>
{others}
</section></div></body></html>"#,
            POST[0], POST[1], POST[2]
        );
        let got = run(&html);
        assert!(got.text.contains("allowed to climb the ladders"), "{heading}: the post is kept: {}", got.text);
        assert!(
            !got.text.contains("begin again after a failure"),
            "{heading}: the other posts are not the article: {}",
            got.text
        );
    }
}

#[test]
fn a_box_of_related_links_inside_the_article_does_not_end_it() {
    let html = format!(
        r#"<html><body><div class="story"><h1>On patience</h1>
<p>{}</p><p>{}</p>
<div class="inline-box"><h3>Related articles</h3><ul><li><a href="/a">Orchards of the valley</a></li><li><a href="/b">The pear harvest</a></li></ul></div>
<p>{}</p></div></body></html>"#,
        POST[0], POST[1], POST[2]
    );
    let got = run(&html);
    assert!(got.text.contains("allowed to climb the ladders"), "the paragraph after the box is kept: {}", got.text);
}

#[test]
fn a_line_that_names_the_site_whose_posts_follow_ends_the_article() {
    // The site's other posts written out as captions of their pictures, under a paragraph
    // styled as a heading, in the article's own container.
    let teasers: String = (1..=5)
        .map(|n| {
            format!(
                "<p>A gardener in the valley, number {n}, waters a row of young pear trees at dawn before the heat of the day sets in.</p>"
            )
        })
        .collect();
    for label in [
        "<p><strong>Also on Orchard Weekly:</strong></p>",
        "<p>More from orchard_weekly…</p>",
        "<p>Mehr von Obstgarten Heute</p>",
    ] {
        let html = format!(
            r#"<html><body><div class="story"><h1>On patience</h1>
<p>{}</p><p>{}</p><p>{}</p>
{label}
{teasers}
</div></body></html>"#,
            POST[0], POST[1], POST[2]
        );
        let got = run(&html);
        assert!(got.text.contains("allowed to climb the ladders"), "{label}: {}", got.text);
        assert!(
            !got.text.contains("waters a row"),
            "{label}: the site's other posts are not the article: {}",
            got.text
        );
    }
    // A subheading that reads alike but names no site goes on with the article.
    for subheading in ["More on the orchard", "Also on Monday:", "More on Tuesday's harvest"] {
        let html = format!(
            r#"<html><body><div class="story"><h1>On patience</h1>
<p>{}</p><p>{}</p><p><strong>{subheading}</strong></p><p>{}</p></div></body></html>"#,
            POST[0], POST[1], POST[2]
        );
        let got = run(&html);
        assert!(got.text.contains("allowed to climb the ladders"), "{subheading}: {}", got.text);
    }
}
