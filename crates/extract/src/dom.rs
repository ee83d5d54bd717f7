//! The page as a tree: html5ever parses, and this module keeps the nodes in one arena (a
//! `Vec`, children linked by index) so that every later pass is a loop, never a recursion.
//!
//! Bounded: parsing stops, keeping what was read, once the page has more than
//! [`MAX_NODES`] nodes, nests deeper than [`MAX_DEPTH`] elements or takes longer than its
//! deadline. html5ever's tree builder does work in proportion to the open-element depth for
//! each tag, so a page of nested divs would otherwise take quadratic time.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};
use std::rc::Rc;
use std::time::Instant;

use html5ever::interface::{ElemName, ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{Attribute, LocalName, Namespace, QualName, ns};

/// Most nodes a page may have; parsing stops there.
pub(crate) const MAX_NODES: usize = 150_000;
/// Deepest element nesting a page may have; parsing stops there.
pub(crate) const MAX_DEPTH: u32 = 400;
/// Input is fed to the parser in pieces of this many bytes, checking limits between them.
const CHUNK: usize = 16 * 1024;

pub(crate) type NodeId = usize;

/// The document node is always the first.
pub(crate) const DOCUMENT: NodeId = 0;

#[derive(Debug)]
pub(crate) enum NodeData {
    Document,
    Element {
        name: QualName,
        attrs: Vec<Attribute>,
    },
    Text(StrTendril),
    /// Comments, processing instructions, doctypes, template contents: never read.
    Other,
}

#[derive(Debug)]
pub(crate) struct Node {
    pub parent: Option<NodeId>,
    pub first_child: Option<NodeId>,
    pub last_child: Option<NodeId>,
    pub prev: Option<NodeId>,
    pub next: Option<NodeId>,
    pub depth: u32,
    pub data: NodeData,
}

/// Why parsing stopped before the end of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Truncation {
    Nodes,
    Depth,
    Time,
}

/// A parsed page.
#[derive(Debug)]
pub(crate) struct Dom {
    pub nodes: Vec<Node>,
    pub truncated: Option<Truncation>,
}

impl Dom {
    /// Parses `html`, stopping at the limits or at `deadline`.
    pub(crate) fn parse(html: &str, deadline: Instant) -> Self {
        let stop = Rc::new(Cell::new(None));
        let mut nodes = Vec::with_capacity((html.len() / 48).min(MAX_NODES));
        nodes.push(node(None, 0, NodeData::Document));
        let sink = Sink { nodes: RefCell::new(nodes), stop: Rc::clone(&stop) };
        let mut parser = html5ever::parse_document(sink, html5ever::ParseOpts::default());
        let mut rest = html;
        while !rest.is_empty() {
            let mut cut = rest.len().min(CHUNK);
            while !rest.is_char_boundary(cut) {
                cut += 1;
            }
            let (piece, after) = rest.split_at(cut);
            parser.process(StrTendril::from_slice(piece));
            rest = after;
            if stop.get().is_none() && !rest.is_empty() && Instant::now() > deadline {
                stop.set(Some(Truncation::Time));
            }
            if stop.get().is_some() {
                break;
            }
        }
        let nodes = parser.finish();
        Self { nodes, truncated: stop.get() }
    }

    pub(crate) fn children(&self, id: NodeId) -> Children<'_> {
        Children { dom: self, next: self.nodes[id].first_child }
    }

    /// The element's local name, or `None` for text and other nodes.
    pub(crate) fn tag(&self, id: NodeId) -> Option<&LocalName> {
        match &self.nodes[id].data {
            NodeData::Element { name, .. } => Some(&name.local),
            _ => None,
        }
    }

    /// The value of attribute `name`, when the node is an element that has it.
    pub(crate) fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        match &self.nodes[id].data {
            NodeData::Element { attrs, .. } => {
                attrs.iter().find(|a| a.name.ns == ns!() && &*a.name.local == name).map(|a| &*a.value)
            }
            _ => None,
        }
    }

    /// All text under `id`, whitespace collapsed, in document order.
    pub(crate) fn text_of(&self, id: NodeId) -> String {
        self.text_where(id, |_| true)
    }

    /// [`Dom::text_of`], without the subtrees of the elements `keep` refuses (hidden ones).
    pub(crate) fn text_where(&self, id: NodeId, keep: impl Fn(NodeId) -> bool) -> String {
        let mut out = String::new();
        let mut stack = vec![id];
        while let Some(n) = stack.pop() {
            match &self.nodes[n].data {
                NodeData::Text(t) => push_collapsed(&mut out, t),
                NodeData::Element { name, .. } if matches!(&*name.local, "script" | "style" | "template") => {}
                NodeData::Element { .. } if n != id && !keep(n) => {}
                _ => {
                    let kids: Vec<NodeId> = self.children(n).collect();
                    stack.extend(kids.into_iter().rev());
                }
            }
        }
        out.trim().to_owned()
    }

    /// Every element in document order (pre-order), with nothing skipped.
    pub(crate) fn preorder(&self) -> Vec<NodeId> {
        let mut order = Vec::with_capacity(self.nodes.len());
        let mut stack = vec![DOCUMENT];
        while let Some(n) = stack.pop() {
            order.push(n);
            let start = stack.len();
            stack.extend(self.children(n));
            stack[start..].reverse();
        }
        order
    }
}

/// Appends `text` to `out` with every run of whitespace made one space.
pub(crate) fn push_collapsed(out: &mut String, text: &str) {
    for (i, word) in text.split(|c: char| c.is_whitespace()).enumerate() {
        if i > 0 && !out.ends_with(' ') && !out.ends_with('\n') && !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
}

pub(crate) struct Children<'a> {
    dom: &'a Dom,
    next: Option<NodeId>,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let id = self.next?;
        self.next = self.dom.nodes[id].next;
        Some(id)
    }
}

fn node(parent: Option<NodeId>, depth: u32, data: NodeData) -> Node {
    Node { parent, first_child: None, last_child: None, prev: None, next: None, depth, data }
}

struct Sink {
    nodes: RefCell<Vec<Node>>,
    stop: Rc<Cell<Option<Truncation>>>,
}

impl Sink {
    fn new_node(&self, data: NodeData) -> NodeId {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(node(None, 0, data));
        if nodes.len() > MAX_NODES && self.stop.get().is_none() {
            self.stop.set(Some(Truncation::Nodes));
        }
        nodes.len() - 1
    }

    fn detach(nodes: &mut [Node], id: NodeId) {
        let (parent, prev, next) = (nodes[id].parent, nodes[id].prev, nodes[id].next);
        if let Some(p) = prev {
            nodes[p].next = next;
        } else if let Some(par) = parent {
            nodes[par].first_child = next;
        }
        if let Some(n) = next {
            nodes[n].prev = prev;
        } else if let Some(par) = parent {
            nodes[par].last_child = prev;
        }
        nodes[id].parent = None;
        nodes[id].prev = None;
        nodes[id].next = None;
    }

    fn set_depth(&self, nodes: &mut [Node], id: NodeId, depth: u32) {
        nodes[id].depth = depth;
        if depth > MAX_DEPTH && self.stop.get().is_none() {
            self.stop.set(Some(Truncation::Depth));
        }
    }

    fn append_child(&self, parent: NodeId, child: NodeId) {
        let mut nodes = self.nodes.borrow_mut();
        Self::detach(&mut nodes, child);
        let last = nodes[parent].last_child;
        nodes[child].parent = Some(parent);
        nodes[child].prev = last;
        match last {
            Some(l) => nodes[l].next = Some(child),
            None => nodes[parent].first_child = Some(child),
        }
        nodes[parent].last_child = Some(child);
        let depth = nodes[parent].depth + 1;
        self.set_depth(&mut nodes, child, depth);
    }

    fn insert_before(&self, sibling: NodeId, child: NodeId) {
        let mut nodes = self.nodes.borrow_mut();
        Self::detach(&mut nodes, child);
        let Some(parent) = nodes[sibling].parent else { return };
        let prev = nodes[sibling].prev;
        nodes[child].parent = Some(parent);
        nodes[child].prev = prev;
        nodes[child].next = Some(sibling);
        nodes[sibling].prev = Some(child);
        match prev {
            Some(p) => nodes[p].next = Some(child),
            None => nodes[parent].first_child = Some(child),
        }
        let depth = nodes[parent].depth + 1;
        self.set_depth(&mut nodes, child, depth);
    }

    /// Appends text to the node's text if the neighbour is text already (the parser expects
    /// adjacent text to merge); returns false when a new text node is needed.
    fn merge_text(&self, neighbour: Option<NodeId>, text: &StrTendril) -> bool {
        let mut nodes = self.nodes.borrow_mut();
        if let Some(n) = neighbour
            && let NodeData::Text(t) = &mut nodes[n].data
        {
            t.push_tendril(text);
            return true;
        }
        false
    }
}

/// The name html5ever asks for; non-elements answer with an empty HTML name.
#[derive(Debug)]
enum Name<'a> {
    Element(Ref<'a, QualName>),
    None(QualName),
}

impl ElemName for Name<'_> {
    fn ns(&self) -> &Namespace {
        match self {
            Name::Element(n) => &n.ns,
            Name::None(n) => &n.ns,
        }
    }
    fn local_name(&self) -> &LocalName {
        match self {
            Name::Element(n) => &n.local,
            Name::None(n) => &n.local,
        }
    }
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Vec<Node>;
    type ElemName<'a> = Name<'a>;

    fn finish(self) -> Vec<Node> {
        self.nodes.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        DOCUMENT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Name<'a> {
        let nodes = self.nodes.borrow();
        match Ref::filter_map(nodes, |n| match &n[*target].data {
            NodeData::Element { name, .. } => Some(name),
            _ => None,
        }) {
            Ok(name) => Name::Element(name),
            Err(_) => Name::None(QualName::new(None, ns!(html), LocalName::from(""))),
        }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _flags: ElementFlags) -> NodeId {
        self.new_node(NodeData::Element { name, attrs })
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.new_node(NodeData::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.new_node(NodeData::Other)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        match child {
            NodeOrText::AppendNode(n) => self.append_child(*parent, n),
            NodeOrText::AppendText(text) => {
                let last = self.nodes.borrow()[*parent].last_child;
                if !self.merge_text(last, &text) {
                    let n = self.new_node(NodeData::Text(text));
                    self.append_child(*parent, n);
                }
            }
        }
    }

    fn append_based_on_parent_node(&self, element: &NodeId, prev_element: &NodeId, child: NodeOrText<NodeId>) {
        if self.nodes.borrow()[*element].parent.is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {}

    fn get_template_contents(&self, _target: &NodeId) -> NodeId {
        // Template contents are inert: they go into a detached node that no pass reads.
        self.new_node(NodeData::Other)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        match new_node {
            NodeOrText::AppendNode(n) => self.insert_before(*sibling, n),
            NodeOrText::AppendText(text) => {
                let prev = self.nodes.borrow()[*sibling].prev;
                if !self.merge_text(prev, &text) {
                    let n = self.new_node(NodeData::Text(text));
                    self.insert_before(*sibling, n);
                }
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let NodeData::Element { attrs: existing, .. } = &mut nodes[*target].data {
            for a in attrs {
                if !existing.iter().any(|e| e.name == a.name) {
                    existing.push(a);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        Self::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let kids: Vec<NodeId> = {
            let nodes = self.nodes.borrow();
            let mut v = Vec::new();
            let mut c = nodes[*node].first_child;
            while let Some(k) = c {
                v.push(k);
                c = nodes[k].next;
            }
            v
        };
        for k in kids {
            self.append_child(*new_parent, k);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn parse(html: &str) -> Dom {
        Dom::parse(html, Instant::now() + Duration::from_secs(10))
    }

    #[test]
    fn builds_a_tree_with_merged_text() {
        let dom = parse("<p>one <b>two</b> three</p><p>four");
        let ps: Vec<NodeId> = dom.preorder().into_iter().filter(|&n| dom.tag(n).is_some_and(|t| &**t == "p")).collect();
        assert_eq!(ps.len(), 2);
        assert_eq!(dom.text_of(ps[0]), "one two three");
        assert_eq!(dom.text_of(ps[1]), "four");
        assert!(dom.truncated.is_none());
    }

    #[test]
    fn misnested_tags_are_repaired() {
        let dom = parse("<p><b>bold <i>both</b> italic</i></p>");
        let p = dom.preorder().into_iter().find(|&n| dom.tag(n).is_some_and(|t| &**t == "p"));
        assert_eq!(p.map(|p| dom.text_of(p)).as_deref(), Some("bold both italic"));
    }

    #[test]
    fn deep_nesting_stops_parsing_quickly() {
        let html = "<div>".repeat(200_000);
        let dom = parse(&html);
        assert_eq!(dom.truncated, Some(Truncation::Depth));
        assert!(dom.nodes.len() < 10_000, "stopped after {} nodes", dom.nodes.len());
    }

    #[test]
    fn too_many_nodes_stops_parsing() {
        let html = "<span>x</span>".repeat(MAX_NODES);
        let dom = parse(&html);
        assert_eq!(dom.truncated, Some(Truncation::Nodes));
        assert!(dom.nodes.len() < MAX_NODES + 10_000);
    }

    #[test]
    fn a_past_deadline_stops_parsing() {
        let html = "<p>word</p>".repeat(20_000);
        let dom = Dom::parse(&html, Instant::now());
        assert_eq!(dom.truncated, Some(Truncation::Time));
    }
}
