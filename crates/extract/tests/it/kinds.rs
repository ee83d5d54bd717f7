//! Which pages are articles: pages written for these tests in the shapes real sites use. Home
//! pages, section fronts, tag and archive pages and search results are not articles; a short
//! post on a template that is mostly links, or a post full of inline links, is one.

use newsdesk_extract::NotArticle;

fn run(html: &str) -> newsdesk_extract::Extracted {
    super::extract_html_at("https://blog.example.net/2026/03/post.html", html)
}

const TOWNS: [&str; 12] = [
    "Port Ellis",
    "Kell Bay",
    "Alderton",
    "Pike Hollow",
    "Marrow Cross",
    "Saltmere",
    "Fenwick",
    "Brackley Sands",
    "Orran",
    "Wester Quay",
    "Hollin",
    "Lowe Strand",
];

/// Site furniture: a menu, and a footer of many links.
fn furniture(body: &str) -> String {
    let menu: String = (0..14).map(|i| format!("<li><a href=\"/section/{i}\">Section {i}</a></li>")).collect();
    let footer: String = (0..24).map(|i| format!("<li><a href=\"/page/{i}\">Footer link {i}</a></li>")).collect();
    format!(
        "<!doctype html><html><head><title>Coast Notes</title></head><body><header><nav><ul>{menu}</ul></nav></header>\
         {body}<footer><ul>{footer}</ul><p>All rights reserved.</p></footer></body></html>"
    )
}

/// A blog's sidebar: recent posts, an archive by month, a blogroll and a tag cloud.
fn blog_sidebar() -> String {
    let recent: String =
        TOWNS.iter().map(|t| format!("<li><a href=\"/p/{t}\">A weekend walk around {t}</a></li>")).collect();
    let archive: String = (1..=24).map(|m| format!("<li><a href=\"/archive/{m}\">Month {m} (4)</a></li>")).collect();
    let roll: String =
        (0..30).map(|i| format!("<li><a href=\"https://friend{i}.example/\">Friend blog {i}</a></li>")).collect();
    let tags: String = (0..40).map(|i| format!("<a href=\"/tag/{i}\">tag{i}</a> ")).collect();
    format!(
        "<aside class=\"sidebar\"><h3>Recent posts</h3><ul>{recent}</ul><h3>Archive</h3><ul>{archive}</ul>\
         <h3>Blogroll</h3><ul>{roll}</ul><h3>Tags</h3><div>{tags}</div></aside>"
    )
}

fn home_page() -> String {
    let teasers: String = TOWNS
        .iter()
        .enumerate()
        .map(|(i, t)| {
            format!(
                "<article class=\"teaser\"><h2><a href=\"/story/{i}\">Council in {t} votes on new harbour fees</a></h2>\
                 <p>Councillors in {t} met on Monday evening to discuss a rise in harbour fees for visiting boats this summer.</p>\
                 <a href=\"/story/{i}\">Read more</a></article>"
            )
        })
        .collect();
    furniture(&format!("<main><h1>Coast Notes</h1>{teasers}</main>"))
}

/// A news front page: linked headlines over teasers that each say something different, with
/// no "Read more" and no shared ending.
fn news_front() -> String {
    let happenings = [
        "the ferry to the islands was cancelled after a storm damaged the landing stage overnight",
        "volunteers planted four hundred trees along the old railway line over the weekend",
        "the primary school will close for a week while builders replace its leaking roof",
        "a fishing boat ran aground on a sandbank and was towed off by the lifeboat at dawn",
        "the council approved a plan for sixty homes on the field behind the church",
        "a bakery that opened in 1921 will shut its doors for good at the end of the month",
        "the harbour master warned of strong currents after two swimmers were rescued",
        "the summer festival has moved from July to August because of roadworks in the square",
        "a rare seabird was seen on the cliffs, drawing birdwatchers from across the county",
        "the bus company is adding an evening service after a petition signed by five hundred people",
        "the museum has reopened with a new gallery about the lighthouse keepers",
        "a footbridge over the river will be closed until repairs to its rusted handrails are done",
    ];
    let teasers: String = TOWNS
        .iter()
        .zip(happenings)
        .enumerate()
        .map(|(i, (t, what))| {
            format!(
                "<div class=\"story\"><h2><a href=\"/news/{i}\">{t}: what happened this week</a></h2>\
                 <p>In {t}, {what}.</p><span class=\"time\">2 hours ago</span></div>"
            )
        })
        .collect();
    furniture(&format!("<main><h1>Coast News</h1>{teasers}</main>"))
}

fn section_front() -> String {
    let items: String = TOWNS
        .iter()
        .cycle()
        .take(30)
        .enumerate()
        .map(|(i, t)| {
            format!(
                "<div class=\"item\"><a href=\"/s/{i}\"><img src=\"/i/{i}.jpg\" alt=\"\"></a><h3><a href=\"/s/{i}\">Ferry timetable changes for {t}</a></h3><time>3 March</time></div>"
            )
        })
        .collect();
    furniture(&format!("<main><h1>Transport</h1><div class=\"grid\">{items}</div></main>"))
}

fn tag_page() -> String {
    let items: String = TOWNS
        .iter()
        .enumerate()
        .map(|(i, t)| {
            format!(
                "<div class=\"post-excerpt\"><h2><a href=\"/p/{i}\">Notes from the coast road near {t}</a></h2>\
                 <p>We left early and followed the coast road past {t}, stopping for coffee where the fishing boats come in, and then \
                 walked along the dunes until the tide turned and the light began to go… <a href=\"/p/{i}\">Continue reading</a></p></div>"
            )
        })
        .collect();
    furniture(&format!("<main><h1>Posts tagged “walks”</h1>{items}</main>{}", blog_sidebar()))
}

fn search_results() -> String {
    let items: String = TOWNS
        .iter()
        .enumerate()
        .map(|(i, t)| {
            format!(
                "<li class=\"result\"><a href=\"/r/{i}\">Harbour wall repairs in {t}</a>\
                 <p>… engineers said the harbour wall at {t} would need new blocks before the winter storms, and the council agreed …</p>\
                 <cite>https://blog.example.net/r/{i}</cite></li>"
            )
        })
        .collect();
    furniture(&format!("<main><h1>Results for “harbour wall”</h1><p>12 results</p><ol>{items}</ol></main>"))
}

/// A short post (two short paragraphs) on a blog template that is mostly links.
fn short_post() -> String {
    furniture(&format!(
        "<main><article class=\"post\"><h1>Fog over Saltmere</h1><p class=\"meta\">Posted by Wren on 3 March</p>\
         <div class=\"entry\"><p>The fog came in over Saltmere before noon and did not lift all day, so the ferries stayed in port and the \
         harbour was quieter than I have ever seen it on a Tuesday.</p><p>By evening the lighthouse was the only thing you could see from \
         the sea wall. Tomorrow should be clearer, the forecast says.</p></div></article></main>{}",
        blog_sidebar()
    ))
}

/// A post of one short paragraph (about thirty words) on the same template.
fn one_paragraph_post() -> String {
    furniture(&format!(
        "<main><article class=\"post\"><h1>Swifts are back</h1><div class=\"entry\"><p>The first swifts of the year were over the \
         church at Saltmere this morning, screaming round the tower in a tight group of six, a week earlier than last year and the \
         year before.</p></div></article></main>{}",
        blog_sidebar()
    ))
}

/// A post whose text has a short list in it: most of its words are still in sentences.
fn post_with_a_list() -> String {
    furniture(&format!(
        "<main><article class=\"post\"><h1>What to pack for the island</h1><div class=\"entry\"><p>The island has no shop, so the \
         warden asks every visitor to bring what they need for the day and to take all of it home again afterwards.</p>\
         <ul><li>Water</li><li>A waterproof</li><li>Lunch</li><li>Binoculars</li><li>A bag for rubbish</li></ul>\
         <p>The boat leaves the quay at nine and comes back at four; if the sea is rough the crossing is cancelled the evening \
         before, and the warden posts a notice by the harbour office.</p></div></article></main>{}",
        blog_sidebar()
    ))
}

/// A post of short lines and no links: verse, a numbered list of songs.
fn verse_post() -> String {
    let lines = [
        "The tide goes out at Wester Quay,",
        "and leaves the boats upon their keels;",
        "the gulls come down to see",
        "what every low tide reveals.",
        "A boot, a crate, a length of rope,",
        "a bottle with no message in,",
        "the mud is patient, full of hope,",
        "until the tide comes in.",
    ];
    let verse: String = lines.iter().map(|l| format!("{l}<br>")).collect();
    let songs: String = (1..=8).map(|i| format!("<li>Song number {i} from the harbour band</li>")).collect();
    furniture(&format!(
        "<main><article class=\"post\"><h1>Low water</h1><div class=\"entry\"><p>{verse}</p><ol>{songs}</ol>\
         <p>Posted on 3 March by Wren</p></div></article></main>{}",
        blog_sidebar()
    ))
}

/// A post whose sentences link to many other pages.
fn linked_post() -> String {
    furniture(&format!(
        "<main><article><h1>Three walks for a wet spring</h1><div class=\"entry\">\
         <p>When it rains for a week the <a href=\"/a\">coast path at Orran</a> turns to mud, but the <a href=\"/b\">old railway line</a> \
         from Fenwick stays dry underfoot and passes two <a href=\"/c\">tea rooms</a> on the way to Hollin.</p>\
         <p>If you prefer the sea, the <a href=\"/d\">promenade at Lowe Strand</a> is paved all the way to the pier, and the \
         <a href=\"/e\">aquarium</a> at the end is open every day until the end of April.</p>\
         <p>For a longer day, take the bus to <a href=\"/f\">Brackley Sands</a> and walk back over the headland, which takes about four \
         hours at an easy pace.</p></div></article></main>{}",
        blog_sidebar()
    ))
}

#[test]
fn lists_of_articles_are_not_articles() {
    for (name, html) in [
        ("home page", home_page()),
        ("section front", section_front()),
        ("news front page", news_front()),
        ("tag page", tag_page()),
        ("search results", search_results()),
    ] {
        let e = run(&html);
        assert_eq!(e.not_article, Some(NotArticle::Listing), "{name}: {}", e.text);
    }
}

#[test]
fn a_short_post_on_a_busy_template_is_an_article() {
    for (name, html) in [
        ("short post", short_post()),
        ("post full of links", linked_post()),
        ("one-paragraph post", one_paragraph_post()),
        ("post with a list", post_with_a_list()),
        ("verse and a list of songs", verse_post()),
    ] {
        let e = run(&html);
        assert!(e.is_article(), "{name}: {:?}\n{}", e.not_article, e.text);
        assert!(
            ["lighthouse", "headland", "church at Saltmere", "notice by the harbour office", "until the tide comes in"]
                .iter()
                .any(|w| e.text.contains(w)),
            "{name}: {}",
            e.text
        );
        assert!(!e.text.contains("Friend blog"), "{name}: the sidebar is not the article: {}", e.text);
    }
}

#[test]
fn a_one_sentence_post_is_an_article_and_a_caption_is_not() {
    // Under 25 words, a text with a whole sentence of its own is a short post; a gallery's
    // caption or a video's label is not an article.
    let one_line = furniture(
        "<main><article class=\"post\"><h1>Ferry times</h1><div class=\"entry\"><p>The evening ferry to Orran leaves \
         half an hour later from Monday until the end of the month.</p></div></article></main>",
    );
    let e = run(&one_line);
    assert!(e.is_article(), "{:?}: {}", e.not_article, e.text);
    assert!(e.text.contains("evening ferry to Orran"), "{}", e.text);
    // Fewer than ten words, one of them a whole sentence.
    let seven_words = furniture(
        "<main><article class=\"post\"><h1>New song</h1><div class=\"entry\"><p>Simply wonderful! The harbour band's new song is out!</p>\
         </div></article></main>",
    );
    let e = run(&seven_words);
    assert!(e.is_article(), "{:?}: {}", e.not_article, e.text);
    let gallery = furniture(
        "<main><article class=\"post\"><h1>Harbour in pictures</h1><figure><img src=\"/a.jpg\" alt=\"\">\
         <figcaption>Boats at dawn, Wester Quay</figcaption></figure><figure><img src=\"/b.jpg\" alt=\"\">\
         <figcaption>The sea wall at Hollin</figcaption></figure></article></main>",
    );
    let e = run(&gallery);
    assert!(!e.is_article(), "{}", e.text);
}

#[test]
fn a_post_with_a_refrain_is_not_a_list_of_excerpts() {
    // Three paragraphs end the same way, as a writer's refrain does; a tag page's excerpts
    // would end in an ellipsis or in four or more alike.
    let refrain = furniture(&format!(
        "<main><article class=\"post\"><h1>Small steps</h1><div class=\"entry\">\
         <p>The harbour wall was not rebuilt in a season, and nobody in Saltmere expected it to be done all at once.</p>\
         <p>The masons worked through the winter on the north end first, lifting and setting the stones one row at a time.</p>\
         <p>When the spring tides came they held, and the crew moved to the south end, again one row at a time.</p>\
         <p>Anyone with a big job ahead of them could learn from that crew: begin, and keep going one row at a time.</p>\
         </div></article></main>{}",
        blog_sidebar()
    ));
    let e = run(&refrain);
    assert!(e.is_article(), "{:?}: {}", e.not_article, e.text);
}

#[test]
fn a_post_with_one_line_of_linked_credits_is_an_article_and_a_front_page_in_one_block_is_not() {
    // A photo shoot's post ends with its credits, each name a link: one block, mostly links,
    // as long as the post's prose. A list's headlines are blocks of their own, or lines of
    // one block broken by <br>.
    let credits: String =
        ["Photography", "Venue", "Flowers", "Cake", "Dress", "Hair", "Music", "Stationery", "Catering"]
            .iter()
            .zip(TOWNS)
            .map(|(role, t)| {
                format!("{role}: <a href=\"https://studio.example/{t}\">The {t} Studio and Workshop</a> // ")
            })
            .collect();
    let post = furniture(&format!(
        "<main><article class=\"post\"><h1>A harbour wedding</h1><div class=\"entry\">\
         <p>This shoot on the quay at Saltmere shows what a small wedding by the sea can look like when the weather holds and the \
         boats are dressed with flags for the day.</p><p>The couple wanted everything local, from the flowers to the band, and the \
         whole day cost less than a hotel reception in town would have done.</p><p>{credits}</p></div></article></main>{}",
        blog_sidebar()
    ));
    let e = run(&post);
    assert!(e.is_article(), "{:?}: {}", e.not_article, e.text);
    assert!(e.text.contains("boats are dressed with flags"), "{}", e.text);
    let headlines: String = TOWNS
        .iter()
        .enumerate()
        .map(|(i, t)| format!("<a href=\"/story/{i}\">Council in {t} votes on new harbour fees for the summer</a><br>"))
        .collect();
    let front = furniture(&format!(
        "<table><tr><td class=\"news\"><b>Today's news</b><br>{headlines}<p>Coast Notes is published every weekday morning.</p></td></tr></table>"
    ));
    let e = run(&front);
    assert_eq!(e.not_article, Some(NotArticle::Listing), "{}", e.text);
}

#[test]
fn a_one_line_post_whose_sentence_ends_inside_the_line_is_an_article() {
    // The post's only line holds a whole sentence and goes on without a full stop; the
    // discussion's own lines under it are not its text.
    let html = furniture(&format!(
        "<main><article class=\"post\"><h1>Harbour band, live</h1><div class=\"entry\"><p>A new song from the harbour band at Orran! \
         Recorded on the quay last night, more here</p></div>\
         <p>No comments yet.</p><p><a href=\"#respond\">Leave a comment</a></p></article></main>{}",
        blog_sidebar()
    ));
    let e = run(&html);
    assert!(e.is_article(), "{:?}: {}", e.not_article, e.text);
    assert!(e.text.contains("A new song from the harbour band"), "{}", e.text);
    assert!(!e.text.contains("No comments yet") && !e.text.contains("Leave a comment"), "{}", e.text);
}
