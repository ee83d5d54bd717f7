use chrono::{TimeZone, Utc};
use newsdesk_model::{Article, ArticleId, paragraphs_to_html};

use super::*;

const FIXTURE: &str = include_str!("../../testdata/harbour-bridge.txt");

fn stored(upsert: ArticleUpsert) -> Article {
    let t = Utc.with_ymd_and_hms(2026, 5, 4, 9, 30, 0).unwrap();
    Article {
        id: upsert.id.unwrap(),
        title: upsert.title,
        title_derived: false,
        summary: upsert.summary,
        feed_summary: None,
        body_html: paragraphs_to_html(&upsert.body_text),
        body_text: upsert.body_text,
        byline: None,
        published_at: None,
        updated_at: None,
        language: None,
        url: None,
        original_url: upsert.original_url,
        original_domain: upsert.original_domain,
        image_url: None,
        comment_count: upsert.comment_count,
        comments_here: 0,
        source_id: None,
        feed_id: None,
        created_at: t,
        modified_at: t,
    }
}

#[test]
fn reads_every_field_of_a_page() {
    let a = parse_page(FIXTURE).unwrap();
    assert_eq!(a.title, "Harbour Bridge Reopens After Six Weeks of Repairs");
    assert_eq!(a.comment_count, 4);
    assert_eq!(a.id.unwrap().to_string(), "0190c6a2-1b1e-7c3d-9a4f-2b6e8d1c0a55");
    assert!(a.summary.starts_with("The Harbour Bridge reopened to traffic on Monday"));
    assert!(a.summary.ends_with("will end on Friday."));
    let paragraphs: Vec<&str> = a.body_text.lines().collect();
    assert_eq!(paragraphs.len(), 3);
    assert!(paragraphs[0].contains("“We asked a lot of commuters this spring,”"));
    assert_eq!(paragraphs[2], "The council expects the next round of maintenance in 2031.");
    assert_eq!(a.original_domain.as_deref(), Some("www.harbourgazette.example"));
    assert!(!a.body_text.contains("Leave a Reply"), "chrome is not data");
}

#[test]
fn writing_a_read_page_gives_the_same_text() {
    let written = write_page(&stored(parse_page(FIXTURE).unwrap()));
    assert_eq!(written, FIXTURE);
}

#[test]
fn write_then_read_is_lossless() {
    let original = stored(parse_page(FIXTURE).unwrap());
    let again = stored(parse_page(&write_page(&original)).unwrap());
    assert_eq!(again, original);
}

#[test]
fn accepts_bom_crlf_wrapped_paragraphs_and_no_trailing_newline() {
    let sloppy = "\u{feff}A Title\r\n\r\n12 Comments\r\n0190c6a2-1b1e-7c3d-9a4f-2b6e8d1c0a55\r\n\r\nA summary\r\nwrapped over lines.\r\n\r\n\r\nBody one\r\ncontinues.\r\n\r\nOriginal Source: https://www.example.org/story/1";
    let a = parse_page(sloppy).unwrap();
    assert_eq!(a.comment_count, 12);
    assert_eq!(a.summary, "A summary wrapped over lines.");
    assert_eq!(a.body_text, "Body one continues.");
    assert_eq!(a.original_url.unwrap().as_str(), "https://www.example.org/story/1");
    assert_eq!(a.original_domain.as_deref(), Some("www.example.org"));
}

#[test]
fn empty_summary_and_empty_source_survive_a_round_trip() {
    let mut article = stored(parse_page(FIXTURE).unwrap());
    article.summary.clear();
    article.original_domain = None;
    let text = write_page(&article);
    let back = parse_page(&text).unwrap();
    assert_eq!(back.summary, "");
    assert_eq!(back.body_text, article.body_text);
    assert_eq!(back.original_domain, None);
}

#[test]
fn a_body_may_quote_the_original_source_phrase() {
    let mut article = stored(parse_page(FIXTURE).unwrap());
    article.body_text = "Original Source: is what the old site printed.\nSecond.".into();
    let back = parse_page(&write_page(&article)).unwrap();
    assert_eq!(back.body_text, article.body_text);
}

#[test]
fn a_title_with_line_breaks_is_written_on_one_line() {
    let mut article = stored(parse_page(FIXTURE).unwrap());
    article.title = "Two\nlines".into();
    let back = parse_page(&write_page(&article)).unwrap();
    assert_eq!(back.title, "Two lines");
}

fn error_of(text: &str) -> FormatError {
    parse_page(text).unwrap_err()
}

#[test]
fn errors_name_the_line_and_what_was_expected() {
    let id = ArticleId::new_v7();
    let cases: Vec<(String, usize, &str)> = vec![
        (String::new(), 1, "expected the article's title"),
        (format!("\n\n0\n{id}\n\nS\n\nOriginal Source: a.example"), 1, "expected the article's title"),
        (
            format!("T\nnot blank\n0\n{id}\n\nS\n\nOriginal Source: a.example"),
            2,
            "expected a blank line after the title, found `not blank`",
        ),
        (format!("T\n\nmany\n{id}\n\nS\n\nOriginal Source: a.example"), 3, "expected the comment count"),
        (format!("T\n\n-1\n{id}\n\nS\n\nOriginal Source: a.example"), 3, "found `-1`"),
        (
            "T\n\n0\nnot-an-id\n\nS\n\nOriginal Source: a.example".into(),
            4,
            "expected the article id: `not-an-id` is not a valid id",
        ),
        ("T\n\n0".into(), 4, "reached the end of the file"),
        (format!("T\n\n0\n{id}\nS\n\nOriginal Source: a.example"), 5, "expected a blank line after the article id"),
        (format!("T\n\n0\n{id}\n\nS\n\nBody."), 8, "expected a line `Original Source: <domain>`"),
        (format!("T\n\n0\n{id}\n\nS\n\nOriginal Source: not a domain"), 8, "original_source"),
        (format!("T\n\n0\n{id}\n\nS\n\nOriginal Source: https://"), 8, "expected the original source's domain or URL"),
    ];
    for (text, line, needle) in cases {
        let err = error_of(&text);
        assert_eq!(err.line, line, "{text:?}: {err}");
        assert!(err.to_string().contains(needle), "{text:?}: {err}");
    }
}

#[test]
fn hostile_excerpts_are_cut_and_stripped() {
    let long = format!("T\n\n{}\u{7}\n", "9".repeat(500));
    let err = error_of(&long);
    assert!(err.message.len() < 200, "{}", err.message);
    assert!(!err.message.contains('\u{7}'));
}
