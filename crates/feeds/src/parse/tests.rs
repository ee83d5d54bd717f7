//! The parser on self-written feeds, one per format and per kind of breakage seen in the wild.

use super::*;

fn url(s: &str) -> Url {
    Url::parse(s).unwrap()
}

fn parse(bytes: &[u8], feed_url: &str) -> ParsedFeed {
    parse_feed(bytes, None, &url(feed_url)).unwrap()
}

#[test]
fn rss2_with_content_creator_and_categories() {
    let f = parse(include_bytes!("../../testdata/rss2.xml"), "https://harbour.example/feed.xml");
    assert_eq!(f.format, FeedFormat::Rss);
    assert_eq!(f.title.as_deref(), Some("Harbour Gazette"));
    assert_eq!(f.site_url.as_ref().map(Url::as_str), Some("https://harbour.example/"));
    assert_eq!(f.language.as_deref(), Some("en-gb"));
    assert_eq!(f.ttl_minutes, Some(30));
    assert_eq!(f.skip_hours, vec![2, 3], "an hour out of range is dropped");
    assert_eq!(f.entries.len(), 2);
    let e = &f.entries[0];
    assert_eq!(e.title, "Bridge reopens & ferries stop");
    assert_eq!(e.guid.as_deref(), Some("harbour-2026-0412"));
    assert_eq!(e.url.as_ref().unwrap().as_str(), "https://harbour.example/news/bridge?utm_source=rss&id=7");
    assert_eq!(e.author.as_deref(), Some("Mara Okafor"));
    assert_eq!(e.categories, vec!["Transport"]);
    assert_eq!(e.published.unwrap().to_rfc3339(), "2026-05-04T08:30:00+00:00");
    assert_eq!(e.summary.as_deref(), Some("The bridge reopened on Monday."));
    let html = e.content.as_str();
    assert!(html.contains(r#"href="https://harbour.example/news/repairs""#), "{html}");
    assert!(html.contains(r#"src="https://harbour.example/img/bridge.jpg""#), "{html}");
    assert!(!html.contains("script") && !html.contains("onclick"), "{html}");
    assert_eq!(e.text, "The bridge reopened on Monday after six weeks of repairs.\nFerries stop on Friday.");
    let second = &f.entries[1];
    assert_eq!(
        second.url.as_ref().unwrap().as_str(),
        "https://harbour.example/news/library",
        "a permalink guid is the link"
    );
    assert_eq!(second.author.as_deref(), Some("Joan Whitby"));
    assert_eq!(second.text, "The library now opens until ten.");
    assert!(f.problems.is_empty(), "{:?}", f.problems);
}

#[test]
fn versionless_rss_with_html_entities_bare_ampersands_and_messy_dates() {
    let f = parse(include_bytes!("../../testdata/rss-versionless-entities.xml"), "https://quayside.example/rss");
    assert_eq!(f.title.as_deref(), Some("Quayside — News"));
    assert_eq!(f.entries.len(), 2);
    let e = &f.entries[0];
    assert_eq!(e.title, "Market moves auction… again");
    assert_eq!(e.url.as_ref().unwrap().as_str(), "https://quayside.example/market/auction", "relative link resolved");
    assert_eq!(
        e.text,
        "Buyers asked for an earlier start. The café opens at half past four. AT&T sponsors the stalls."
    );
    assert_eq!(e.published.unwrap().to_rfc3339(), "2026-11-20T10:55:00+00:00");
    let bare = &f.entries[1];
    assert_eq!((bare.guid.as_deref(), bare.url.as_ref()), (None, None));
    assert_eq!(bare.published, None, "an unreadable date is no date, not an error");
}

#[test]
fn rss_1_0_rdf() {
    let f = parse(include_bytes!("../../testdata/rdf.xml"), "https://tram.example/rdf");
    assert_eq!(f.format, FeedFormat::Rdf);
    assert_eq!(f.language.as_deref(), Some("en"));
    assert_eq!(f.entries.len(), 1);
    let e = &f.entries[0];
    assert_eq!(e.guid.as_deref(), Some("https://tram.example/a/1"));
    assert_eq!(e.author.as_deref(), Some("Ada Kerr"));
    assert_eq!(e.categories, vec!["Trams"]);
    assert_eq!(e.published.unwrap().to_rfc3339(), "2026-05-06T05:15:00+00:00");
}

#[test]
fn atom_1_0_with_xml_base_at_every_level() {
    let f = parse(include_bytes!("../../testdata/atom10.xml"), "https://coast.example/news/feed.atom");
    assert_eq!(f.format, FeedFormat::Atom10);
    assert_eq!(f.title.as_deref(), Some("Coast Wire"));
    assert_eq!(f.site_url.as_ref().unwrap().as_str(), "https://coast.example/news/");
    assert_eq!(f.language.as_deref(), Some("en"));
    let e = &f.entries[0];
    assert_eq!(e.title, "Strike called off");
    assert_eq!(e.url.as_ref().unwrap().as_str(), "https://coast.example/news/2026/strike-off");
    assert_eq!(e.updated.unwrap().to_rfc3339(), "2026-05-07T08:45:00+00:00");
    assert_eq!(e.categories, vec!["Labour"]);
    assert_eq!(e.summary.as_deref(), Some("Crews return on Monday."));
    let html = e.content.as_str();
    assert!(html.contains(r#"href="https://coast.example/news/2026/vote""#), "content base applies: {html}");
    assert!(html.contains(r#"src="https://coast.example/media/photo.jpg""#), "{html}");
    let second = &f.entries[1];
    assert_eq!(
        second.url.as_ref().unwrap().as_str(),
        "https://coast.example/archive/second",
        "entry base, alternate link"
    );
    assert!(
        second.content.as_str().contains(r#"href="https://coast.example/archive/rel/link""#),
        "{}",
        second.content.as_str()
    );
    assert_eq!(second.text, "Escaped HTML with a link.");
    assert_eq!(f.entries[2].text, "Looks like HTML.", "an unknown type is judged by its content");
}

#[test]
fn atom_0_3() {
    let f = parse(include_bytes!("../../testdata/atom03.xml"), "https://oldtown.example/atom");
    assert_eq!(f.format, FeedFormat::Atom03);
    assert_eq!(f.entries.len(), 2);
    let e = &f.entries[0];
    assert_eq!(e.title, "Clock tower repaired");
    assert_eq!(e.published.unwrap().to_rfc3339(), "2026-04-01T08:00:00+00:00", "issued");
    assert_eq!(e.updated.unwrap().to_rfc3339(), "2026-04-01T11:00:00+00:00", "modified");
    assert_eq!(e.text, "The clock tower strikes again.");
    assert_eq!(e.author.as_deref(), Some("Kofi Mensah"));
    assert!(f.entries[1].content.as_str().contains("<em>markup</em>"));
}

#[test]
fn json_feed_1_1_and_1_0() {
    let f = parse(include_bytes!("../../testdata/feed11.json"), "https://depot.example/feed.json");
    assert_eq!(f.format, FeedFormat::JsonFeed);
    assert_eq!(f.entries.len(), 2, "a non-object item is skipped");
    let e = &f.entries[0];
    assert_eq!(e.url.as_ref().unwrap().as_str(), "https://depot.example/market/returns");
    assert!(e.content.as_str().contains(r#"href="https://depot.example/stalls""#));
    assert!(!e.content.as_str().contains("iframe"));
    assert_eq!(e.author.as_deref(), Some("Lukas Brandt"));
    assert_eq!(e.categories, vec!["market", "food"]);
    assert_eq!(e.summary.as_deref(), Some("Forty stalls on Fridays."));
    let untitled = &f.entries[1];
    assert_eq!(untitled.guid.as_deref(), Some("42"));
    assert_eq!(untitled.title, "", "no title is no title: the pipeline titles the post from its first words");
    assert_eq!(untitled.text, "A note with no title.\nSecond line.");

    let old = parse(include_bytes!("../../testdata/feed10.json"), "https://old.example/feed.json");
    assert_eq!(old.entries[0].author.as_deref(), Some("Sam Ode"));
    assert_eq!(old.entries[0].url.as_ref().unwrap().as_str(), "https://elsewhere.example/x");
}

#[test]
fn charsets_from_header_bom_declaration_and_mislabelling() {
    let latin1_no_decl = b"<rss><channel><item><title>Caf\xe9</title></item></channel></rss>";
    let f = parse_feed(latin1_no_decl, Some("text/xml; charset=ISO-8859-1"), &url("https://x.example/")).unwrap();
    assert_eq!(f.entries[0].title, "Café");

    let mislabelled = b"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><item><title>\x93Quoted\x94</title></item></channel></rss>";
    let f = parse_feed(mislabelled, Some("application/rss+xml; charset=utf-8"), &url("https://x.example/")).unwrap();
    assert_eq!(f.entries[0].title, "\u{201c}Quoted\u{201d}");
    assert!(f.problems.iter().any(|p| p.contains("windows-1252")));

    let mut utf16 = vec![0xFE, 0xFF];
    for u in "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss version=\"2.0\"><channel><item><title>Straße</title></item></channel></rss>".encode_utf16() {
        utf16.extend_from_slice(&u.to_be_bytes());
    }
    let f = parse(&utf16, "https://x.example/");
    assert_eq!(f.entries[0].title, "Straße");
    assert_eq!(f.encoding, "UTF-16BE");
}

#[test]
fn truncated_feeds_keep_the_entries_read() {
    let full = include_str!("../../testdata/rss2.xml");
    let cut = &full[..full.find("<title>Library").unwrap() + 20];
    let f = parse(cut.as_bytes(), "https://harbour.example/feed.xml");
    assert_eq!(f.entries.len(), 2);
    assert_eq!(f.entries[0].title, "Bridge reopens & ferries stop");
    assert!(f.problems.iter().any(|p| p.contains("truncated")), "{:?}", f.problems);
}

#[test]
fn entity_expansion_is_refused() {
    let mut bomb = String::from("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\">");
    for i in 1..10 {
        bomb.push_str(&format!(
            "<!ENTITY a{i} \"{}\">",
            format!("&a{};", if i == 1 { String::new() } else { (i - 1).to_string() }).repeat(10)
        ));
    }
    bomb.push_str("]><rss><channel><item><title>&a9;</title></item></channel></rss>");
    let f = parse(bomb.as_bytes(), "https://x.example/");
    assert_eq!(f.entries[0].title, "&a9;");
}

#[test]
fn what_is_not_a_feed_says_so() {
    let err =
        parse_feed(include_bytes!("../../testdata/not-a-feed.html"), None, &url("https://x.example/")).unwrap_err();
    assert!(err.to_string().contains("root element is <html>"), "{err}");
    assert_eq!(parse_feed(b"   ", None, &url("https://x.example/")).unwrap_err(), FeedError::Empty);
    assert!(matches!(parse_feed(b"{not json", None, &url("https://x.example/")), Err(FeedError::BadJson(_))));
    assert!(matches!(parse_feed(b"\x00\x01\x02binary", None, &url("https://x.example/")), Err(FeedError::NotAFeed(_))));
}

#[test]
fn garbage_never_panics() {
    let base = url("https://x.example/");
    let samples: Vec<Vec<u8>> = vec![
        b"<rss><channel><item>".to_vec(),
        b"<feed><entry><content type=\"xhtml\"><div><p>".to_vec(),
        b"<<<>>>&&&;;;".to_vec(),
        "<rss>\u{0}\u{ffff}</rss>".as_bytes().to_vec(),
        vec![0xFF; 1000],
        b"<?xml version=\"1.0\" encoding=\"bogus-9\"?><rss/>".to_vec(),
        b"{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[{\"date_published\":5,\"title\":[]}]}".to_vec(),
    ];
    for s in samples {
        // Whatever the bytes, the parser answers with a feed or an error that says what was
        // wrong; a panic it caught itself (`Panicked`) is a bug.
        let result = parse_feed(&s, Some("text/xml; charset=nonsense"), &base);
        assert!(!matches!(result, Err(FeedError::Panicked(_))), "{:?}: {result:?}", String::from_utf8_lossy(&s));
    }
}

proptest::proptest! {
    #[test]
    fn random_bytes_and_broken_feeds_never_panic(
        garbage in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..2048),
        cut in 0usize..400,
    ) {
        let base = url("https://x.example/");
        let result = parse_feed(&garbage, None, &base);
        proptest::prop_assert!(!matches!(result, Err(FeedError::Panicked(_))), "{:?}", result);
        // A real feed cut anywhere (mid-tag, mid-entity, mid-character) and followed by garbage.
        let feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Caf\u{e9} “Wire”</title><item><title>A &amp; B</title><link>https://x.example/a</link><description><![CDATA[<p>Gr\u{fc}\u{df}e 1:“The</p>]]></description><pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate></item></channel></rss>";
        let bytes = feed.as_bytes();
        let mut broken = bytes[..cut.min(bytes.len())].to_vec();
        broken.extend_from_slice(&garbage);
        let result = parse_feed(&broken, Some("application/rss+xml"), &base);
        proptest::prop_assert!(!matches!(result, Err(FeedError::Panicked(_))), "{:?}", result);
    }
}

#[test]
fn rss_0_91_and_0_90() {
    let v091 = r#"<?xml version="1.0" encoding="ISO-8859-1"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel><title>Old Wire</title><link>http://oldwire.example/</link><language>en-us</language><item><title>Ninety-one</title><link>http://oldwire.example/91</link><description>An &lt;b&gt;old&lt;/b&gt; format.</description></item></channel></rss>"#;
    let f = parse(v091.as_bytes(), "http://oldwire.example/rss");
    assert_eq!((f.format, f.entries.len()), (FeedFormat::Rss, 1));
    assert_eq!(f.entries[0].text, "An old format.");
    assert_eq!(f.entries[0].url.as_ref().unwrap().as_str(), "http://oldwire.example/91");

    let v090 = r#"<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/"><channel><title>Ninety</title><link>http://ninety.example/</link></channel><item><title>Zero point nine</title><link>http://ninety.example/1</link></item></rdf:RDF>"#;
    let f = parse(v090.as_bytes(), "http://ninety.example/rdf");
    assert_eq!((f.format, f.title.as_deref()), (FeedFormat::Rdf, Some("Ninety")));
    assert_eq!(f.entries[0].title, "Zero point nine");
}

#[test]
fn every_author_without_emails_and_dcterms_dates() {
    let xml = br#"<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>Quay Notes</title>
<item><guid>a</guid><title>Two writers</title><dc:creator>Ana Ruiz</dc:creator><dc:creator>Kofi Mensah</dc:creator><dcterms:issued>2026-05-04T08:30:00Z</dcterms:issued><dcterms:modified>2026-05-05T10:00:00Z</dcterms:modified></item>
<item><guid>b</guid><title>Name first</title><author>Jo Park (jo@quay.example)</author><itunes:author>Quay Notes Podcast</itunes:author></item>
<item><guid>c</guid><title>Email first</title><author>lee@quay.example (Lee Chan)</author><author>sam@quay.example (Sam Ode)</author></item>
</channel></rss>"#;
    let f = parse(xml, "https://quay.example/feed.xml");
    assert_eq!(f.entries[0].author.as_deref(), Some("Ana Ruiz, Kofi Mensah"), "every author is kept");
    assert_eq!(f.entries[0].published.unwrap().to_rfc3339(), "2026-05-04T08:30:00+00:00");
    assert_eq!(f.entries[0].updated.unwrap().to_rfc3339(), "2026-05-05T10:00:00+00:00");
    assert_eq!(f.entries[1].author.as_deref(), Some("Jo Park"), "the name, not the email");
    assert_eq!(f.entries[2].author.as_deref(), Some("Lee Chan, Sam Ode"));
}

#[test]
fn every_atom_author() {
    let xml = br#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Quay</title><entry><id>x</id><title>Two</title>
<author><name>Ana Ruiz</name></author><author><name>Kofi Mensah</name><email>k@quay.example</email></author></entry></feed>"#;
    assert_eq!(parse(xml, "https://quay.example/atom").entries[0].author.as_deref(), Some("Ana Ruiz, Kofi Mensah"));
}

#[test]
fn base64_atom_text_body_forms_and_the_feeds_own_description() {
    // "<p>Ferries run again.</p>" in base64, as Atom 0.3 allows.
    let atom = br#"<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Quay</title><entry><id>b</id><title>Encoded</title>
<content type="text/html" mode="base64">PHA+RmVycmllcyBydW4gYWdhaW4uPC9wPg==</content></entry></feed>"#;
    let e = &parse(atom, "https://quay.example/atom").entries[0];
    assert_eq!(e.text, "Ferries run again.");
    assert!(e.content.as_str().contains("<p>Ferries run again.</p>"), "{}", e.content.as_str());

    let rss = br#"<rss version="2.0" xmlns:xhtml="http://www.w3.org/1999/xhtml" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Quay</title>
<item><guid>1</guid><title>Body</title><xhtml:body><xhtml:p>The quay is open.</xhtml:p></xhtml:body></item>
<item><guid>2</guid><title>Full</title><fullitem>&lt;p&gt;Whole story here.&lt;/p&gt;</fullitem></item>
<item><guid>3</guid><title>Media</title><media:description>A photo caption.</media:description><description>The real teaser.</description></item>
</channel></rss>"#;
    let f = parse(rss, "https://quay.example/rss");
    assert_eq!(f.entries[0].text, "The quay is open.");
    assert_eq!(f.entries[1].text, "Whole story here.");
    assert_eq!(f.entries[2].text, "The real teaser.", "the feed's own description wins");
}

#[test]
fn cdf_channels_and_their_items() {
    let cdf = br#"<?xml version="1.0"?>
<CHANNEL HREF="https://ferry.example/" LASTMOD="2026-03-02T08:00:00Z">
  <TITLE>Ferry Notices</TITLE>
  <ABSTRACT>Sailings and changes.</ABSTRACT>
  <ITEM HREF="/notices/1" LASTMOD="2026-03-02T07:30:00-05:00">
    <TITLE>Evening sailing cancelled</TITLE>
    <ABSTRACT>High winds; the 18:00 crossing will not run.</ABSTRACT>
  </ITEM>
  <channel href="https://ferry.example/winter/">
    <item href="https://ferry.example/winter/2"><title>Winter timetable</title></item>
  </channel>
</CHANNEL>"#;
    let f = parse(cdf, "https://ferry.example/cdf.xml");
    assert_eq!(f.format, FeedFormat::Cdf);
    assert_eq!(f.title.as_deref(), Some("Ferry Notices"));
    assert_eq!(f.site_url.as_ref().map(Url::as_str), Some("https://ferry.example/"));
    assert_eq!(f.entries.len(), 2, "the nested channel's item too");
    let e = &f.entries[0];
    assert_eq!(e.title, "Evening sailing cancelled");
    assert_eq!(e.url.as_ref().map(Url::as_str), Some("https://ferry.example/notices/1"));
    assert_eq!(e.text, "High winds; the 18:00 crossing will not run.");
    assert_eq!(e.updated.unwrap().to_rfc3339(), "2026-03-02T12:30:00+00:00");
    assert_eq!(f.entries[1].title, "Winter timetable");
}

#[test]
fn an_rss_item_inside_an_atom_feed_is_an_entry() {
    let mixed = br#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Mixed</title>
<entry><id>a</id><title>Atom entry</title><link href="https://mixed.example/a"/></entry>
<item><guid>b</guid><title>Stray item</title><link>https://mixed.example/b</link><description>Read anyway.</description></item>
</feed>"#;
    let f = parse(mixed, "https://mixed.example/atom");
    let titles: Vec<&str> = f.entries.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(titles, ["Atom entry", "Stray item"]);
    assert_eq!(f.entries[1].url.as_ref().map(Url::as_str), Some("https://mixed.example/b"));
    assert_eq!(f.entries[1].text, "Read anyway.");
    assert_eq!(f.entries[1].guid.as_deref(), Some("b"));
}

#[test]
fn atom_media_types_naked_markup_and_links_written_as_text() {
    // "Ferry <b>late</b>" in base64: Atom 1.0 says a type that is neither text/* nor XML is.
    let atom = br#"<feed xmlns="http://www.w3.org/2005/Atom"><title type="application/octet-stream">RmVycnkgPGI+bGF0ZTwvYj4=</title>
<entry><id>1</id><title>One</title><summary>The <b>evening</b> sailing</summary><link rel="alternate">https://quay.example/1</link></entry>
</feed>"#;
    let f = parse(atom, "https://quay.example/atom");
    assert_eq!(f.title.as_deref(), Some("Ferry late"));
    let e = &f.entries[0];
    assert!(
        e.content.as_str().contains("<b>evening</b>"),
        "markup written as elements is markup: {}",
        e.content.as_str()
    );
    assert_eq!(e.url.as_ref().map(Url::as_str), Some("https://quay.example/1"));
    let grouped = br#"<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"><title>Clips</title>
<entry><id>2</id><title>Clip</title><media:group><media:description>The quay at dusk.</media:description></media:group></entry></feed>"#;
    assert_eq!(parse(grouped, "https://quay.example/clips").entries[0].text, "The quay at dusk.");
}

#[test]
fn the_items_own_description_wins_in_a_namespaced_rss() {
    let rss = br#"<r:rss version="2.0" xmlns:r="http://backend.userland.com/rss2" xmlns:x="https://ext.example/ns">
<r:channel><r:title>Namespaced</r:title>
<r:item><r:title>One</r:title><x:description>An extension's text.</x:description><r:description>The item's own.</r:description></r:item>
</r:channel></r:rss>"#;
    assert_eq!(parse(rss, "https://ns.example/rss").entries[0].text, "The item's own.");
    let podcast = br#"<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Pod</title>
<item><guid>1</guid><title>Episode</title><itunes:summary>What the episode is about.</itunes:summary></item>
<item><guid>2</guid><title>Clip</title><media:group><media:description>A clip of the quay.</media:description></media:group></item>
</channel></rss>"#;
    let f = parse(podcast, "https://pod.example/rss");
    assert_eq!(f.entries[0].text, "What the episode is about.");
    assert_eq!(f.entries[1].text, "A clip of the quay.");
}
