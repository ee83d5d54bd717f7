//! Comment threads under a post are never the article: the article ends at the heading that
//! opens the discussion, whether the comments share the post's container or follow it as
//! siblings, in the languages the heading list covers. Our own pages, in the shapes blogs use.

fn run(html: &str) -> newsdesk_extract::Extracted {
    super::extract_html_at("https://blog.example.net/2026/04/tides.html", html)
}

const POST: [&str; 3] = [
    "The spring tides this week were the highest the harbour master has recorded since the new gauge was fitted, and the quay at the north end flooded twice before noon on Thursday.",
    "Boat owners who moor on the outer pontoons were asked to check their lines at every high water, and the ferry company moved two sailings to avoid the worst of the current.",
    "The next set of high tides is due in a fortnight, when the forecast is for calmer weather and lighter winds from the west.",
];

/// A reader's comment, long enough to look like prose.
fn comment(n: usize) -> String {
    format!(
        r#"<div class="entry-reply"><p>I have lived by the harbour for thirty years and I cannot remember water this high on the quay; number {n} of the neighbours said the same when we walked down on Thursday evening.</p>
<p class="signature">Posted by: Reader{n} at <a href="/2026/04/tides.html#c10{n}">April 9, 2026 7:0{n} PM</a></p></div>"#
    )
}

/// The post's last paragraph is in the text, and none of the readers' comments.
fn assert_post_without_thread(got: &newsdesk_extract::Extracted, what: &str) {
    assert!(got.text.contains("calmer weather and lighter winds"), "{what}: the post is kept: {}", got.text);
    assert!(!got.text.contains("thirty years"), "{what}: the comments are not the article: {}", got.text);
}

fn thread() -> String {
    (1..=6).map(comment).collect::<Vec<_>>().join("\n")
}

#[test]
fn comments_in_the_posts_own_container_are_cut_at_their_heading() {
    for heading in [
        "6 Comments",
        "Comments (6)",
        "One response to “Spring tides”",
        "Leave a Reply",
        "Kommentare",
        "Laisser un commentaire",
    ] {
        let html = format!(
            r#"<html><body><div class="main"><h1>Spring tides flood the quay</h1>
<p>{}</p><p>{}</p><p>{}</p>
<h3>{heading}</h3>
{}
</div></body></html>"#,
            POST[0],
            POST[1],
            POST[2],
            thread()
        );
        let got = run(&html);
        assert_post_without_thread(&got, heading);
    }
}

#[test]
fn comments_that_follow_the_post_as_siblings_are_cut_too() {
    // The post's paragraphs and the comments are children of one cell; the heading sits in a
    // small block of its own between them.
    let html = format!(
        r#"<html><body><table><tr><td class="cell">
<h2>April 9, 2026</h2><h3>Spring tides flood the quay</h3>
<p>{}</p><p>{}</p><p>{}</p>
<div class="form-top"><h2 id="comments">Comments</h2></div>
{}
<div class="form-bottom"><h2>Post a comment</h2></div>
</td></tr></table></body></html>"#,
        POST[0],
        POST[1],
        POST[2],
        thread()
    );
    let got = run(&html);
    assert!(got.text.contains("spring tides this week"), "{}", got.text);
    assert!(!got.text.contains("thirty years"), "{}", got.text);
}

#[test]
fn a_section_of_the_article_that_merely_mentions_comments_is_kept() {
    let html = format!(
        r#"<html><body><article><h1>Spring tides flood the quay</h1>
<p>{}</p><p>{}</p>
<h2>Comments from the harbour master</h2>
<p>{}</p>
<h2>Discussion</h2><p>Readers asked whether the gauge itself could be wrong; the harbour master said it had been checked against the old one in March.</p>
</article></body></html>"#,
        POST[0], POST[1], POST[2]
    );
    let got = run(&html);
    assert!(got.text.contains("calmer weather"), "a heading that is not a comment section ends nothing: {}", got.text);
    assert!(got.text.contains("checked against the old one"), "{}", got.text);
}

/// A longer reader's comment in a thread without a heading: its own entry id, its paragraphs,
/// and an author and date line.
fn long_comment(n: usize) -> String {
    format!(
        r#"<div class="reply by-reader{n}"><a name="c20{n}"></a><div id="c20{n}">
<p>I have lived by the harbour for thirty years and I cannot remember water this high on the quay; number {n} of the neighbours said the same when we walked down on Thursday evening, and the lifeboat crew were out on the slipway with sandbags well before the tide turned.</p>
<p>The council should have raised the wall at the north end when it rebuilt the south quay, and everyone who moors there has been saying so at every meeting since the plans were first shown in the library.</p>
</div><p class="meta">Reader{n} &middot; <a href="/2026/04/tides.html#c20{n}">9 April 2026, 19:0{n}</a></p></div>"#
    )
}

#[test]
fn a_thread_without_a_heading_is_known_by_its_entries() {
    // No heading, no class or id that says "comment": the entries are known by their shape
    // (the same tag and first class word), their ids and their date lines. Each is longer than
    // the post, so without that they would be the article.
    let comments: String = (1..=5).map(long_comment).collect::<Vec<_>>().join("\n");
    let html = format!(
        r#"<html><body><div class="page"><div class="item"><h1>Spring tides flood the quay</h1>
<p>{}</p><p>{}</p></div>
{comments}
</div></body></html>"#,
        POST[0], POST[1]
    );
    let got = run(&html);
    assert!(got.text.contains("spring tides this week"), "the post is the article: {}", got.text);
    assert!(!got.text.contains("thirty years"), "the thread is not: {}", got.text);
    assert!(got.not_article.is_none(), "{:?}", got.not_article);
}

#[test]
fn an_article_in_numbered_sections_that_mention_dates_is_kept_whole() {
    // Sections of one shape with numbered ids and dates inside their sentences are the
    // article's parts, not comments: no section has a short line of its own with a date.
    let sections: String = (1..=4)
        .map(|n| {
            format!(
                r#"<div class="part" id="part-1{n}"><h2>Part {n}</h2><p>In 2019 the harbour board surveyed section {n} of the wall and found it sound, but the survey of 2024 found cracks along its whole length, and the engineers now say the repairs will take until the autumn at the earliest, at 09:30 each morning when the tide allows.</p></div>"#
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    let html = format!(
        r#"<html><body><article><h1>The harbour wall, section by section</h1>{sections}</article></body></html>"#
    );
    let got = run(&html);
    for n in 1..=4 {
        assert!(got.text.contains(&format!("surveyed section {n} of the wall")), "section {n} kept: {}", got.text);
    }
}

#[test]
fn a_short_post_in_a_table_layout_is_found_in_its_cell() {
    // The page is laid out as one table: the post in the first row's cell, then a row for each
    // of many short notes. The table's body gathers the votes of every cell and outscores the
    // post; the post's own element is the article.
    let places = [
        "the chapel",
        "the mill",
        "the ropewalk",
        "the lighthouse",
        "the customs house",
        "the net loft",
        "the lifeboat station",
        "the fish market",
        "the old school",
        "the boatyard",
        "the signal tower",
        "the toll bridge",
        "the salt store",
        "the bathing pool",
        "the pier head",
        "the lime kiln",
        "the coastguard cottages",
        "the tithe barn",
        "the ice house",
        "the granary",
        "the smithy",
        "the wash house",
        "the harbour inn",
        "the ferry steps",
    ];
    let rows: String = places
        .iter()
        .enumerate()
        .map(|(n, place)| {
            format!(
                r#"<tr><td class="note">Note {}: the maps, the photographs and the letters about {place}, by appointment.</td></tr>"#,
                n + 1
            )
        })
        .collect();
    let html = format!(
        r#"<html><body><table class="layout">
<tr><td class="cell"><div class="item"><h1>Spring tides flood the quay</h1><p>{}</p><p>{}</p></div></td></tr>
{rows}</table></body></html>"#,
        POST[0], POST[1]
    );
    let got = run(&html);
    assert!(got.text.contains("spring tides this week"), "{}", got.text);
    assert!(!got.text.contains("the photographs and the letters"), "the notes are not the article: {}", got.text);
    assert!(got.not_article.is_none(), "{:?}", got.not_article);
}

/// Each comment's text in an element whose class name opens with "comment" and goes on with a
/// content word ("comment-text", "commentBody"), with no heading over the thread, no entry ids
/// and no permalinks: the comments are still not the article, however long.
#[test]
fn comment_text_elements_are_not_the_article_whatever_else_their_class_says() {
    for class in ["comment-text", "commentBody", "comment_content"] {
        let entries: String = (1..=5)
            .map(|n| {
                format!(
                    r#"<div class="reader-entry"><span class="small">written by Reader{n}, April 9, 2026</span><br>
<div class="{class}">I have lived by the harbour for thirty years and I cannot remember water this high on the quay, and number {n} of the neighbours said the same when we walked down on Thursday evening to look at the boats.</div></div>"#
                )
            })
            .collect();
        let html = format!(
            r#"<html><body><div class="main"><h1>Spring tides flood the quay</h1>
<p>{}</p><p>{}</p><p>{}</p>
{entries}
</div></body></html>"#,
            POST[0], POST[1], POST[2]
        );
        let got = run(&html);
        assert_post_without_thread(&got, class);
    }
}

/// A short post whose one comment, in a container named as comments, is longer than the post
/// itself and shares the post's wrapper: the comment is not the article, nor part of it.
#[test]
fn a_comment_longer_than_its_post_is_left_out() {
    let html = format!(
        r#"<html><body><div id="main"><div class="post"><h1>Spring tides flood the quay</h1>
<div class="entry"><p>{}</p></div></div>
<div id="comments"><h3 class="tabs">1 Reply</h3><ol class="list">
<li class="comment depth-1"><p>I have lived by the harbour for thirty years and I cannot remember water this high on the quay, not even in the great storm.</p>
<p>My neighbours said the same when we walked down on Thursday evening, and one of them had a photograph from the winter of the big flood to compare.</p>
<p>The marks on the harbour office wall show it plainly: this year's water came a hand's width higher than anything since the new gauge went in.</p></li>
</ol></div></div></body></html>"#,
        POST[0]
    );
    let got = run(&html);
    assert!(got.text.contains("highest the harbour master has recorded"), "the post is kept: {}", got.text);
    assert!(!got.text.contains("thirty years"), "the comment is not the article: {}", got.text);
}

/// A short post whose own list of related posts makes most of it links, above a long thread in
/// the same content element: the thread does not make the post's links look like a box of
/// links beside the article.
#[test]
fn a_short_link_heavy_post_above_a_long_thread_is_kept() {
    let related: String = (1..=5)
        .map(|n| {
            format!(
                r#"<li><a href="/2026/04/tides-{n}.html">Spring tides in the harbour, part {n} of the series</a></li>"#
            )
        })
        .collect();
    let thread: String = (1..=8)
        .map(|n| {
            format!(
                r#"<li id="comment-10{n}" class="comment depth-1"><div class="comment-author">Reader{n}</div><p>I have lived by the harbour for thirty years and I cannot remember water this high on the quay, and number {n} of the neighbours said the same when we walked down on Thursday.</p></li>"#
            )
        })
        .collect();
    let html = format!(
        r#"<html><body><div id="main"><div id="content" class="content">
<div class="post"><h1>More pictures of the spring tides</h1>
<div class="entry"><p>After the <a href="/2026/04/tides.html">first set</a> of pictures last week, here are a few more from <a href="https://photos.example/harbour">readers</a> of the blog:</p>
<p>Related posts:</p><ol>{related}</ol></div></div>
<div id="comments"><h3>8 Responses</h3><ol class="commentlist">{thread}</ol></div>
</div></div></body></html>"#
    );
    let got = run(&html);
    assert!(got.text.contains("here are a few more from readers"), "the post is kept: {}", got.text);
    assert!(!got.text.contains("thirty years"), "the comments are not the article: {}", got.text);
}

#[test]
fn a_comment_heading_is_read_by_its_visible_words_and_the_comment_form_is_never_the_article() {
    // The heading holds a hidden "Cancel reply" link, as WordPress writes it; the form's note
    // lists the tags a comment may use.
    let form = r#"<form action="/comments-post" method="post" id="commentform">
<p class="comment-notes">Your email address will not be published. Required fields are marked</p>
<p><label for="comment">Comment</label><textarea id="comment" name="comment"></textarea></p>
<p class="form-allowed-tags">You may use these <abbr title="HyperText Markup Language">HTML</abbr> tags and attributes: <code>&lt;a href=&quot;&quot;&gt; &lt;b&gt; &lt;em&gt; &lt;strong&gt;</code></p>
<p><input type="submit" value="Post Comment"></p></form>"#;
    let heading = r##"<h3 id="reply-title">Leave a Reply <small><a rel="nofollow" href="#respond" style="display:none;">Cancel reply</a></small></h3>"##;
    let html = format!(
        r#"<html><body><div class="main"><h1>Spring tides flood the quay</h1>
<p>{}</p><p>{}</p><p>{}</p>
<div id="respond">{heading}{form}</div>
</div></body></html>"#,
        POST[0], POST[1], POST[2]
    );
    let got = run(&html);
    assert!(got.text.contains("calmer weather and lighter winds"), "{}", got.text);
    assert!(!got.text.contains("Leave a Reply"), "the heading ends the article: {}", got.text);
    assert!(!got.text.contains("HTML tags"), "{}", got.text);
    // A short post (the heading does not end fewer than 30 words): the form is still left out.
    let html = format!(
        r#"<html><body><div class="main"><h1>Tides</h1><p>The quay flooded twice on Thursday, the harbour master said.</p>
<p>More high water is due in a fortnight.</p>{form}</div></body></html>"#
    );
    let got = run(&html);
    assert!(got.text.contains("harbour master"), "{}", got.text);
    assert!(!got.text.contains("HTML tags") && !got.text.contains("email address"), "{}", got.text);
}
