//! Articles in unusual containers (issue 14, item 2): inside an element whose class says
//! "share" or "social", inside an `<aside>`; while a sidebar aside and a share bar stay out.
//! Our own pages, in the shapes templates use.

fn run(html: &str) -> newsdesk_extract::Extracted {
    super::extract_html_at("https://news.example.com/2026/05/lock.html", html)
}

const STORY: [&str; 4] = [
    "The river authority closed the old lock at Marten Ferry on Monday after divers found cracks in both of its upper gates, a week before the summer boating season begins.",
    "Boats heading upstream will be lifted around the lock on a trailer while engineers decide whether the gates can be repaired or must be replaced, a job that would take until autumn.",
    "The authority said the cracks were most likely caused by the cold snap in February, when ice formed against the gates for eleven days in a row.",
    "Local boatyards, which depend on summer visitors, asked for the trailer service to be free of charge for as long as the lock stays shut.",
];

/// A page of sidebar teasers and links around the article, which sits in `open`..`close`.
fn page(open: &str, close: &str) -> String {
    let teasers: String = (1..=24)
        .map(|i| format!(r#"<li><a href="/2026/05/other-{i}.html">Another story from the valley, number {i}, with its headline</a></li>"#))
        .collect();
    format!(
        r#"<html><body><header><a href="/">Valley News</a></header>
<div class="page">
{open}
<h1>Cracked gates close Marten Ferry lock</h1>
<p>{}</p><p>{}</p><p>{}</p><p>{}</p>
<div class="share-buttons"><a href="https://social.example/share">Share</a> <a href="mailto:?">Email</a></div>
{close}
<aside class="sidebar"><h3>Most read</h3><ul>{teasers}</ul></aside>
</div>
<footer>© Valley News</footer></body></html>"#,
        STORY[0], STORY[1], STORY[2], STORY[3]
    )
}

fn assert_whole_story(got: &newsdesk_extract::Extracted, what: &str) {
    assert!(got.not_article.is_none(), "{what}: an article: {:?}", got.not_article);
    for p in STORY {
        assert!(got.text.contains(p), "{what}: the story is kept: {}", got.text);
    }
    assert!(!got.text.contains("Another story from the valley"), "{what}: the sidebar is not: {}", got.text);
    assert!(!got.text.contains("Share"), "{what}: the share bar is not: {}", got.text);
}

#[test]
fn an_article_wrapped_in_a_share_or_social_element_is_found() {
    for (open, close) in [
        (r#"<div class="share_wrapper"><div class="article-text">"#, "</div></div>"),
        (r#"<div class="social-container">"#, "</div>"),
    ] {
        assert_whole_story(&run(&page(open, close)), open);
    }
}

#[test]
fn an_article_inside_an_aside_is_found() {
    assert_whole_story(&run(&page(r#"<aside class="entry">"#, "</aside>")), "aside");
}

#[test]
fn a_plain_article_keeps_its_sidebar_aside_out() {
    assert_whole_story(&run(&page("<article>", "</article>")), "article");
}

#[test]
fn an_article_written_as_br_separated_text_inside_inline_elements_is_found() {
    let teasers: String = (1..=12)
        .map(|i| format!(r#"<li><a href="/2026/05/other-{i}.html">Another story from the valley, number {i}</a></li>"#))
        .collect();
    let html = format!(
        r#"<html><body><table><tr><td class="nav"><ul>{teasers}</ul></td>
<td class="main"><span class="txt"><font size="2"><b>Cracked gates close Marten Ferry lock</b><br><br>
{}</font></span></td></tr></table></body></html>"#,
        STORY.join("<br><br>\n")
    );
    assert!(!html.contains("<p>"), "no paragraph element at all");
    let got = run(&html);
    assert!(got.not_article.is_none(), "{:?}", got.not_article);
    for p in STORY {
        assert!(got.text.contains(p), "{}", got.text);
    }
    assert!(got.text.lines().filter(|l| STORY.contains(l)).count() == 4, "one paragraph per line: {}", got.text);
    assert!(!got.text.contains("Another story"), "{}", got.text);
}

/// A blog post whose text continues after the fold in an element named "more" (Movable
/// Type's extended entry), followed by a box of more stories, also named "more".
#[test]
fn the_rest_of_a_post_after_the_fold_is_the_article_and_a_box_of_more_stories_is_not() {
    let more_stories: String = (1..=8)
        .map(|i| format!(r#"<li><a href="/2026/05/more-{i}.html">More from the valley, story {i}</a></li>"#))
        .collect();
    // A page with more text around the post than in its continuation.
    let blogroll: String = (1..=40)
        .map(|i| format!(r#"<li><a href="https://friend{i}.example/">A friend's blog about boats and rivers, number {i}</a></li>"#))
        .collect();
    let html = format!(
        r#"<html><body><div id="banner"><a href="/">Valley Notes</a></div>
<div class="content">
<h2>May 4, 2026</h2>
<h3>Cracked gates close Marten Ferry lock</h3>
<p>{}</p>
<div id="a0042more"><div id="more">
<p>{}</p><p>{}</p><p>{}</p>
</div></div>
<p class="posted">Posted by Wren at 10:12 AM</p>
<div class="more-stories"><h4>More stories</h4><ul>{more_stories}</ul></div>
</div>
<div id="links"><h4>Blogroll</h4><ul>{blogroll}</ul></div>
</body></html>"#,
        STORY[0], STORY[1], STORY[2], STORY[3]
    );
    let got = run(&html);
    assert_whole_story(&got, "the extended entry");
    assert!(!got.text.contains("More from the valley"), "the box of more stories stays out: {}", got.text);
}

/// A photo post whose text is written as its pictures' captions, and a post pasted into the
/// span of its byline: elements named as labels that hold paragraphs of prose are the
/// article. A short photo credit, a one-line caption and an author's box stay out.
#[test]
fn prose_in_elements_named_as_labels_is_the_article_and_short_labels_are_not() {
    let bio = "Wren Alder has written about the river for twenty years, first for the county paper and then for this site, and keeps a narrowboat at the marina below the lock where she spends most weekends repairing something.";
    let shapes = [
        // The first picture's caption holds the post.
        format!(
            r#"<div class="photo"><img src="/p/1.jpg"><div class="caption-image"><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div></div>
<div class="photo"><img src="/p/2.jpg"><div class="caption-image"><p>Photo: the lower gate at dawn</p></div></div>"#,
            STORY[0], STORY[1], STORY[2], STORY[3]
        ),
        // A post pasted from a word processor into its byline's span.
        format!(
            r#"<span class="byline-author">Posted by Wren Alder</span><br>
<span class="byline-author"><b><span>{}</span></b><br><br><b><span>{}</span></b><br><br><b><span>{}</span></b><br><br><b><span>{}</span></b></span>"#,
            STORY[0], STORY[1], STORY[2], STORY[3]
        ),
    ];
    // A sidebar with more text than the post, so that the post's elements are not exempt as
    // the wrapper of most of the page.
    let teasers: String = (1..=24)
        .map(|i| format!(r#"<li><a href="/2026/05/other-{i}.html">Another story from the valley, number {i}, with its headline</a></li>"#))
        .collect();
    for (i, body) in shapes.iter().enumerate() {
        let html = format!(
            r#"<html><body><header><a href="/">Valley Notes</a></header>
<div class="welcome"><p>Valley Notes is written by a handful of neighbours who live along the river, and has been since the winter the old bridge washed away and nobody else seemed to be writing it down.</p>
<p>We post pictures most weekends, news when there is some, and the tide tables for the lower reach every month, and we are always glad to hear from readers with stories of their own.</p></div>
<div class="post"><h1>Cracked gates close Marten Ferry lock</h1>
<p>Saturday, 9 May 2026, at ten past ten in the morning</p>
<div class="credit">Pictures by Sam Reed</div>
{body}
<div class="author"><p>{bio}</p></div>
</div>
<aside class="sidebar"><ul>{teasers}</ul></aside>
</body></html>"#
        );
        let got = run(&html);
        assert!(got.not_article.is_none(), "shape {i}: an article: {:?}", got.not_article);
        for p in STORY {
            assert!(got.text.contains(p), "shape {i}: the story is kept: {}", got.text);
        }
        assert!(!got.text.contains("Pictures by"), "shape {i}: the credit stays out: {}", got.text);
        assert!(!got.text.contains("lower gate at dawn"), "shape {i}: the short caption stays out: {}", got.text);
        assert!(!got.text.contains("narrowboat"), "shape {i}: the author's box stays out: {}", got.text);
    }
}

/// A photo post ("Photos: ..."): a line of introduction, then pictures each with its caption
/// in the markup blog platforms write ("wp-caption"). The captions are the post; in a story
/// with one picture, its caption stays out.
#[test]
fn a_photo_posts_captions_are_its_text_and_one_pictures_caption_is_not() {
    let captions = [
        "Boats wait below the closed lock at Marten Ferry on Monday morning. (Sam Reed)",
        "Divers check the upper gates for cracks before the engineers arrive. (Sam Reed)",
        "A trailer lifts a narrowboat around the lock as the service begins. (Sam Reed)",
        "Boatyard owners watch the first lift from the towpath by the old mill. (Sam Reed)",
    ];
    let figures: String = captions
        .iter()
        .enumerate()
        .map(|(i, c)| {
            format!(
                r#"<div class="wp-caption aligncenter"><a href="/p/{i}.jpg"><img src="/p/{i}.jpg" alt=""></a><p class="wp-caption-text">{c}</p></div>"#
            )
        })
        .collect();
    let teasers: String = (1..=24)
        .map(|i| format!(r#"<li><a href="/2026/05/other-{i}.html">Another story from the valley, number {i}, with its headline</a></li>"#))
        .collect();
    let html = format!(
        r#"<html><body><header><a href="/">Valley Notes</a></header>
<div class="post"><h1>Photos: the week the lock closed</h1>
<div class="entry-content"><p>The river authority shut the old lock at Marten Ferry this week; here is how the valley coped.</p>
{figures}</div></div>
<aside class="sidebar"><ul>{teasers}</ul></aside>
</body></html>"#
    );
    let got = run(&html);
    for c in captions {
        assert!(got.text.contains(c), "the captions are the post: {}", got.text);
    }
    let one = format!(
        r#"<html><body><div class="post"><h1>Cracked gates close Marten Ferry lock</h1>
<p>{}</p>{}<p>{}</p><p>{}</p><p>{}</p></div><aside class="sidebar"><ul>{teasers}</ul></aside></body></html>"#,
        STORY[0],
        r#"<div class="wp-caption"><img src="/p/1.jpg"><p class="wp-caption-text">The upper gates at dawn on Monday. (Sam Reed)</p></div>"#,
        STORY[1],
        STORY[2],
        STORY[3]
    );
    let got = run(&one);
    assert!(got.text.contains(STORY[3]) && !got.text.contains("gates at dawn"), "one caption stays out: {}", got.text);
}

/// Teasers of the site's other stories inside the article's own container, each an unlinked/// Teasers of the site's other stories inside the article's own container, each an unlinked
/// headline, a line of excerpt and its "Read more" link: a list, not the article.
fn teaser_list(more: &str, href: impl Fn(usize) -> String) -> String {
    (1..=4)
        .map(|i| {
            format!(
                r#"<li><h3>Valley ferry timetable changes for week {i}</h3><p class="text">The winter crossings from the north quay move to the afternoon during the repairs <a href="{}">{more}</a></p><p class="date">2026-05-0{i}</p></li>"#,
                href(i)
            )
        })
        .collect()
}

#[test]
fn a_list_of_teasers_with_read_more_links_is_not_the_article() {
    for more in ["Read more...", "Continue reading »", "Weiterlesen", "Lire la suite"] {
        let html = format!(
            r#"<html><body><div id="content"><h1>Cracked gates close Marten Ferry lock</h1>
<p>{}</p><p>{}</p><p>{}</p><p>{}</p>
<ul>{}</ul></div></body></html>"#,
            STORY[0],
            STORY[1],
            STORY[2],
            STORY[3],
            teaser_list(more, |i| format!("/2026/05/ferry-{i}.html"))
        );
        let got = run(&html);
        assert_whole_story(&got, more);
        assert!(!got.text.contains("timetable changes"), "{more}: the teasers are left out: {}", got.text);
    }
    // Links to the article's own sections ("(More)" after each point of its outline) are no
    // teasers: the outline stays.
    let html = format!(
        r#"<html><body><div class="story"><h1>Cracked gates close Marten Ferry lock</h1>
<ul>{}</ul><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div></body></html>"#,
        teaser_list("More", |i| format!("#part-{i}")),
        STORY[0],
        STORY[1],
        STORY[2],
        STORY[3]
    );
    let got = run(&html);
    assert!(got.text.contains("timetable changes for week 3"), "the outline is the article's: {}", got.text);
}

#[test]
fn an_authors_profile_box_is_not_the_post() {
    // A potter's short post under the blog's "about me" box, whose prose is as long as the
    // post's.
    let html = r#"<html><body><div id="top"><h1><a href="/">Kettle and Kiln</a></h1></div>
<div id="content"><div class="about"><div class="profile-block">
<a href="/me">Wren Halloway (@kettlekiln)</a>
<p>I throw pots, I fire them in a wood kiln behind the house, and I write down what goes wrong. Here I share my glazes, my failures and the work of other potters I admire.</p>
</div></div>
<div class="entry"><h2><a href="/posts/ash-glaze">Ash glaze on the big jar</a></h2>
<div class="entry-body"><img src="/jar.jpg" alt=""><p>The ash ran further down the jar than I hoped this time, and it pooled at the foot in a green glass that cracked as it cooled.</p><p>Next firing it goes on a higher shelf.</p></div>
<p class="meta">3 comments</p></div>
<div class="links"><h3>Elsewhere</h3><ul><li><a href="/a">Archive</a></li><li><a href="/b">Shop</a></li></ul></div>
</div></body></html>"#;
    let got = run(html);
    assert!(got.text.contains("The ash ran further down the jar"), "the post is kept: {}", got.text);
    assert!(!got.text.contains("wood kiln behind the house"), "the profile box is not: {}", got.text);
}

#[test]
fn a_post_embedded_from_a_social_network_is_quoted_matter_of_the_article() {
    // The embed's wrapper says "social", the share bar beside it too: the quoted post is the
    // article's, the share bar is not.
    for quote in ["twitter-tweet", "instagram-media"] {
        let html = format!(
            r#"<html><body><div class="story"><h1>Cracked gates close Marten Ferry lock</h1>
<p>{}</p><p>{}</p>
<div class="social-media-embed"><blockquote class="{quote}"><p lang="en">Divers just surfaced at the upper gates and the crack runs the whole width of the left one, this lock is not opening this summer <a href="https://t.example/abc">t.example/abc</a></p>&mdash; Harbour Diver (@harbourdiver) <a href="https://social.example/harbourdiver/status/1">May 4, 2026</a></blockquote></div>
<p>{}</p><p>{}</p>
<div class="social-share"><a href="https://social.example/share">Share on Social</a> <a href="mailto:?">Email this story</a></div>
</div></body></html>"#,
            STORY[0], STORY[1], STORY[2], STORY[3]
        );
        let got = run(&html);
        assert_whole_story(&got, quote);
        assert!(
            got.text.contains("the crack runs the whole width"),
            "{quote}: the embedded post is kept: {}",
            got.text
        );
        assert!(!got.text.contains("Share on Social"), "{quote}: the share bar stays out: {}", got.text);
    }
}

#[test]
fn sections_of_one_template_are_one_article_however_deep_their_paragraphs_sit() {
    // The story is cut into three sections of the same class around a figure and an aside;
    // the first section's paragraphs sit six levels inside it, too deep to vote for it.
    let deep = format!(
        r#"<div class="flow"><div class="wrap"><section class="outer"><div class="inner"><div class="rich"><div class="body"><p>{}</p><p>{}</p></div></div></div></section></div></div>"#,
        STORY[0], STORY[1]
    );
    let middle = [
        "Engineers from the authority's yard at Kell Bridge, who last replaced the gates in 1987, said the oak and steel used then had lasted longer than anyone had expected, and that the design, the timber, and the ironwork would all be looked at again before any order was placed.",
        "Inspections of the other four locks on the river, planned for the autumn, have been brought forward to June, and the authority has asked the boatyards, the rowing clubs and the hire companies to report any leak, crack or stiff paddle they notice on the way.",
        "A public meeting about the closure, the trailer service and the timetable for the repairs will be held in the Marten Ferry village hall on the second Thursday of the month, with the authority's chief engineer, the harbour master and two councillors answering questions.",
    ];
    let html = format!(
        r#"<html><body><div class="page"><h1>Cracked gates close Marten Ferry lock</h1>
<div id="story-body">
<div class="block-content scale mt2">{deep}</div>
<figure><img src="/gates.jpg" alt=""><figcaption>The upper gates in April.</figcaption></figure>
<div class="block-content scale mt2"><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div>
<aside class="promo"><a href="/subscribe">Subscribe to Valley News</a></aside>
<div class="block-content scale mt2"><p>{}</p></div>
</div>
<ul class="more">{}</ul>
</div></body></html>"#,
        STORY[2],
        middle[0],
        middle[1],
        middle[2],
        STORY[3],
        (1..=12)
            .map(|i| format!(r#"<li><a href="/o/{i}.html">Another story from the valley, number {i}</a></li>"#))
            .collect::<String>()
    );
    let got = run(&html);
    assert_whole_story(&got, "sections");
    assert!(got.text.contains("second Thursday of the month"), "the middle section is kept: {}", got.text);
    assert!(!got.text.contains("Subscribe to Valley News"), "the promotion stays out: {}", got.text);
}
