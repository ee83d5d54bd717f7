//! A small, bounded, forgiving XML tree. Feeds in the wild have mismatched end tags,
//! undeclared prefixes, HTML entities and truncated bodies; the tree keeps everything that
//! could be read and reports the rest as problems. Entities declared in a DTD are never
//! expanded.

use newsdesk_model::escape_html_into;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

use super::entities;

/// Most elements read from one document.
const MAX_ELEMENTS: usize = 250_000;
/// Deepest nesting read.
const MAX_DEPTH: usize = 256;

#[derive(Debug, Clone, Default)]
pub(crate) struct Element {
    /// The local name, without prefix.
    pub name: String,
    /// The namespace URI; for an undeclared prefix, `prefix:` followed by the prefix.
    pub ns: Option<String>,
    /// Attributes by qualified name, values unescaped.
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

#[derive(Debug, Clone)]
pub(crate) enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    /// The value of the attribute with this qualified name (`href`, `xml:base`).
    pub fn attr(&self, qname: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == qname).map(|(_, v)| v.as_str())
    }

    /// Child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// Child elements with this local name, in any namespace.
    pub fn all<'a, 'n>(&'a self, name: &'n str) -> impl Iterator<Item = &'a Element> + use<'a, 'n> {
        self.elements().filter(move |e| e.name == name)
    }

    /// The first child with this local name, in any namespace.
    pub fn first(&self, name: &str) -> Option<&Element> {
        self.all(name).next()
    }

    /// The first child with this local name in one of these namespaces (or with one of these
    /// undeclared prefixes, written `prefix:`).
    pub fn first_in(&self, namespaces: &[&str], name: &str) -> Option<&Element> {
        self.all(name).find(|e| e.ns.as_deref().is_some_and(|ns| namespaces.contains(&ns)))
    }

    /// All text inside, in document order.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.collect_text(&mut out);
        out
    }

    fn collect_text(&self, out: &mut String) {
        for child in &self.children {
            match child {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => e.collect_text(out),
            }
        }
    }

    /// The trimmed text, or `None` when there is none.
    pub fn text_opt(&self) -> Option<String> {
        let t = self.text();
        let t = t.trim();
        (!t.is_empty()).then(|| t.to_owned())
    }

    /// The children serialized back to markup, for XHTML content.
    pub fn inner_xml(&self) -> String {
        let mut out = String::new();
        for child in &self.children {
            write_node(child, &mut out);
        }
        out
    }
}

fn write_node(node: &Node, out: &mut String) {
    match node {
        Node::Text(t) => escape_html_into(t, out),
        Node::Element(e) => {
            out.push('<');
            out.push_str(&e.name);
            for (k, v) in &e.attrs {
                if k == "xmlns" || k.starts_with("xmlns:") {
                    continue;
                }
                out.push(' ');
                out.push_str(k.rsplit(':').next().unwrap_or(k));
                out.push_str("=\"");
                escape_html_into(v, out);
                out.push('"');
            }
            out.push('>');
            for child in &e.children {
                write_node(child, out);
            }
            out.push_str("</");
            out.push_str(&e.name);
            out.push('>');
        }
    }
}

/// A parsed document: its root element and what could not be read.
#[derive(Debug)]
pub(crate) struct Document {
    pub root: Element,
    pub problems: Vec<String>,
}

/// Reads `xml` into a tree.
///
/// # Errors
/// A message when there is no element at all.
pub(crate) fn parse(xml: &str) -> Result<Document, String> {
    let repaired = entities::repair_bare_ampersands(xml);
    let mut reader = NsReader::from_str(&repaired);
    {
        let config = reader.config_mut();
        config.trim_text(false);
        config.check_end_names = false;
        config.allow_unmatched_ends = true;
        config.check_comments = false;
        config.expand_empty_elements = false;
    }
    let mut problems = Vec::new();
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let mut count = 0usize;
    loop {
        let (resolved, event) = match reader.read_resolved_event() {
            Ok(pair) => pair,
            Err(e) => {
                problems.push(format!(
                    "the XML is broken at byte {}: {e}; kept what came before",
                    reader.buffer_position()
                ));
                break;
            }
        };
        match event {
            // A second root element: the document is over.
            Event::Start(_) | Event::Empty(_) if root.is_some() && stack.is_empty() => break,
            Event::Start(start) => {
                count += 1;
                if count > MAX_ELEMENTS || stack.len() >= MAX_DEPTH {
                    problems.push(format!("the document has more than {MAX_ELEMENTS} elements or {MAX_DEPTH} levels; the rest was not read"));
                    break;
                }
                stack.push(element(&start, &resolved));
            }
            Event::Empty(start) => {
                count += 1;
                let e = element(&start, &resolved);
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::Element(e)),
                    None => root = Some(e),
                }
            }
            Event::End(end) => {
                let local = String::from_utf8_lossy(end.local_name().as_ref()).into_owned();
                // Close up to the matching element; an end tag that matches nothing is ignored.
                if let Some(pos) = stack.iter().rposition(|e| e.name == local) {
                    while stack.len() > pos {
                        let Some(done) = stack.pop() else { break };
                        match stack.last_mut() {
                            Some(parent) => parent.children.push(Node::Element(done)),
                            None => root = Some(done),
                        }
                    }
                    if root.is_some() && stack.is_empty() {
                        break;
                    }
                }
            }
            Event::Text(t) => push_text(&mut stack, &String::from_utf8_lossy(&t)),
            Event::CData(c) => push_text(&mut stack, &String::from_utf8_lossy(&c)),
            Event::GeneralRef(r) => {
                let name = String::from_utf8_lossy(&r).into_owned();
                let text = entities::resolve(&name).unwrap_or_else(|| format!("&{name};"));
                push_text(&mut stack, &text);
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    if !stack.is_empty() {
        problems.push("the document ends before its elements are closed (truncated?); kept what came before".into());
        while let Some(done) = stack.pop() {
            match stack.last_mut() {
                Some(parent) => parent.children.push(Node::Element(done)),
                None => root = Some(done),
            }
        }
    }
    let root = root.ok_or_else(|| "no XML element found".to_owned())?;
    Ok(Document { root, problems })
}

fn element(start: &BytesStart<'_>, resolved: &ResolveResult<'_>) -> Element {
    let name = String::from_utf8_lossy(start.local_name().as_ref()).into_owned();
    let ns = match resolved {
        ResolveResult::Bound(ns) => Some(String::from_utf8_lossy(ns.as_ref()).into_owned()),
        ResolveResult::Unknown(prefix) => Some(format!("prefix:{}", String::from_utf8_lossy(prefix))),
        ResolveResult::Unbound => None,
    };
    let attrs = start
        .attributes()
        .with_checks(false)
        .filter_map(Result::ok)
        .map(|a| {
            let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
            let value = entities::unescape(&String::from_utf8_lossy(&a.value));
            (key, value)
        })
        .collect();
    Element { name, ns, attrs, children: Vec::new() }
}

fn push_text(stack: &mut [Element], text: &str) {
    let Some(current) = stack.last_mut() else { return };
    match current.children.last_mut() {
        Some(Node::Text(t)) => t.push_str(text),
        _ => current.children.push(Node::Text(text.to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_namespaces_entities_and_cdata() {
        let doc = parse(
            r#"<?xml version="1.0"?><rss xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>A &amp; B &hellip;</title><dc:creator>Jo</dc:creator><x:y>undeclared</x:y><description><![CDATA[<p>Q&A</p>]]></description></channel></rss>"#,
        )
        .unwrap();
        assert!(doc.problems.is_empty(), "{:?}", doc.problems);
        let channel = doc.root.first("channel").unwrap();
        assert_eq!(channel.first("title").unwrap().text(), "A & B …");
        assert_eq!(channel.first_in(&["http://purl.org/dc/elements/1.1/"], "creator").unwrap().text(), "Jo");
        assert_eq!(channel.first("y").unwrap().ns.as_deref(), Some("prefix:x"));
        assert_eq!(channel.first("description").unwrap().text(), "<p>Q&A</p>");
    }

    #[test]
    fn forgives_mismatched_and_missing_end_tags() {
        let doc = parse("<rss><channel><item><title>One</b></title></item><item><title>Two").unwrap();
        let channel = doc.root.first("channel").unwrap();
        let titles: Vec<String> = channel.all("item").map(|i| i.first("title").unwrap().text()).collect();
        assert_eq!(titles, ["One", "Two"]);
        assert!(doc.problems[0].contains("truncated"));
    }

    #[test]
    fn dtd_entities_are_never_expanded() {
        let bomb = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><rss><channel><title>&lol3;</title></channel></rss>"#;
        let doc = parse(bomb).unwrap();
        assert_eq!(doc.root.first("channel").unwrap().first("title").unwrap().text(), "&lol3;");
    }

    #[test]
    fn bounds_depth() {
        let deep = format!("{}{}", "<a>".repeat(10_000), "</a>".repeat(10_000));
        let doc = parse(&deep).unwrap();
        assert!(doc.problems.iter().any(|p| p.contains("levels")), "{:?}", doc.problems);
    }

    #[test]
    fn no_element_is_an_error() {
        assert!(parse("just text").is_err());
        assert!(parse("").is_err());
    }
}
