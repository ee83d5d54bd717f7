//! A strict well-formedness check for the XML newsdesk writes (feeds), as a feed reader's
//! parser would make it: matching tags, only the five named entities, character references to
//! characters XML 1.0 allows, and no forbidden character anywhere.

#![allow(clippy::panic)]

use quick_xml::events::Event;

/// Panics, naming `what` and the first problem, unless `doc` is well-formed XML 1.0.
pub fn assert_well_formed_xml(doc: &str, what: &str) {
    if let Some((at, c)) = doc.char_indices().find(|&(_, c)| !newsdesk_model::is_xml_char(c)) {
        panic!("{what}: character U+{:04X} at byte {at}, which XML 1.0 forbids", u32::from(c));
    }
    let mut reader = quick_xml::Reader::from_str(doc);
    let mut roots = 0;
    let mut depth = 0usize;
    loop {
        let event = reader.read_event().unwrap_or_else(|e| panic!("{what}: not well-formed: {e}"));
        match event {
            Event::Eof => break,
            Event::Start(ref start) | Event::Empty(ref start) => {
                if depth == 0 {
                    roots += 1;
                }
                if matches!(event, Event::Start(_)) {
                    depth += 1;
                }
                for attribute in start.attributes() {
                    let attribute = attribute.unwrap_or_else(|e| panic!("{what}: bad attribute: {e}"));
                    attribute
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .unwrap_or_else(|e| panic!("{what}: bad attribute value: {e}"));
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::GeneralRef(reference) => {
                match reference.resolve_char_ref().unwrap_or_else(|e| panic!("{what}: bad reference: {e}")) {
                    Some(c) => assert!(newsdesk_model::is_xml_char(c), "{what}: &#{};", u32::from(c)),
                    None => {
                        let name = reference.decode().unwrap_or_default();
                        assert!(
                            ["amp", "lt", "gt", "quot", "apos"].contains(&name.as_ref()),
                            "{what}: undeclared entity &{name};"
                        );
                    }
                }
            }
            _ => {}
        }
    }
    assert_eq!(depth, 0, "{what}: elements left open");
    assert_eq!(roots, 1, "{what}: one root element");
}

#[cfg(test)]
mod tests {
    use super::assert_well_formed_xml;

    #[test]
    fn a_well_formed_feed_passes() {
        assert_well_formed_xml(
            "<?xml version=\"1.0\"?><feed a=\"x &amp; y\"><title>Tides &lt;high&gt; &#8217;s</title><br/></feed>",
            "feed",
        );
    }

    #[test]
    #[should_panic(expected = "U+0001")]
    fn a_forbidden_character_fails() {
        assert_well_formed_xml("<feed>a\u{1}b</feed>", "feed");
    }

    #[test]
    #[should_panic(expected = "&#1;")]
    fn a_reference_to_a_forbidden_character_fails() {
        assert_well_formed_xml("<feed>a&#1;b</feed>", "feed");
    }

    #[test]
    #[should_panic(expected = "undeclared entity &nbsp;")]
    fn an_html_entity_fails() {
        assert_well_formed_xml("<feed>a&nbsp;b</feed>", "feed");
    }

    #[test]
    #[should_panic(expected = "not well-formed")]
    fn crossed_tags_fail() {
        assert_well_formed_xml("<feed><a><b></a></b></feed>", "feed");
    }

    #[test]
    #[should_panic(expected = "one root element")]
    fn two_roots_fail() {
        assert_well_formed_xml("<feed/><feed/>", "feed");
    }
}
