//! Comment threads by their structure, whatever their class names: three or more sibling
//! entries of one shape (the same tag and first class word), most of which carry an entry id
//! or a permalink (`id="c1234"`, `name="comment-1234"`, `href="#c1234"`) and a short line with
//! a date or time ("Posted by: Ann at April 9, 2026 7:05 PM", "written by Ben, 20 May 2021",
//! "3 hours ago"). Such entries are the discussion under an article, never the article.

use std::collections::HashMap;

use crate::content::Measure;
use crate::dom::{Dom, NodeId};

/// Entries a thread needs.
const MIN_ENTRIES: usize = 3;

/// Nodes looked at inside one entry (a long reply need not be read whole).
const ENTRY_NODES: usize = 300;

/// Characters (not counting spaces) of the longest block read as an entry's author and date
/// line.
const DATE_LINE: usize = 100;

/// The entries of every comment thread on the page.
pub(crate) fn comment_entries(dom: &Dom, order: &[NodeId], m: &Measure) -> Vec<NodeId> {
    // Which elements hold an entry id or a permalink, from the leaves up: only they can be
    // entries, and only their parents threads.
    let mut marked = vec![false; dom.nodes.len()];
    for &n in order.iter().rev() {
        if m.skipped[n] || dom.tag(n).is_none() {
            continue;
        }
        marked[n] |= ["id", "name"].iter().any(|a| dom.attr(n, a).is_some_and(numbered))
            || dom.tag(n).is_some_and(|t| &**t == "a")
                && dom.attr(n, "href").and_then(|h| h.split_once('#')).is_some_and(|(_, f)| numbered(f));
        if marked[n]
            && let Some(p) = dom.nodes[n].parent
        {
            marked[p] = true;
        }
    }
    let mut entries = Vec::new();
    for &parent in order {
        if !marked[parent] || m.skipped[parent] || dom.tag(parent).is_none() {
            continue;
        }
        let kids: Vec<NodeId> = dom.children(parent).filter(|&c| marked[c] && m.text[c] > 0).collect();
        if kids.len() < MIN_ENTRIES {
            continue;
        }
        // Siblings of one shape, in groups (a thread shares its parent with a heading and a form).
        let mut shapes: HashMap<(&str, &str), Vec<NodeId>, foldhash::fast::FixedState> = HashMap::default();
        for &k in &kids {
            shapes.entry(shape(dom, k)).or_default().push(k);
        }
        // Siblings of the same shape without a marker count against the thread.
        let mut all: HashMap<(&str, &str), usize, foldhash::fast::FixedState> = HashMap::default();
        for c in dom.children(parent).filter(|&c| dom.tag(c).is_some()) {
            let key = shape(dom, c);
            if shapes.contains_key(&key) {
                *all.entry(key).or_default() += 1;
            }
        }
        for (key, group) in shapes {
            if group.len() < MIN_ENTRIES {
                continue;
            }
            let siblings = all.get(&key).copied().unwrap_or(group.len());
            let dated: Vec<NodeId> = group.into_iter().filter(|&e| has_date_line(dom, m, e)).collect();
            if dated.len() >= MIN_ENTRIES && dated.len() * 3 >= siblings * 2 {
                entries.extend(dated);
            }
        }
    }
    entries
}

/// An element's tag and first class word: entries of one thread share it ("reply by-ann",
/// "reply by-ben").
fn shape(dom: &Dom, n: NodeId) -> (&str, &str) {
    let tag = dom.tag(n).map_or("", |t| &**t);
    let class = dom.attr(n, "class").and_then(|c| c.split_whitespace().next()).unwrap_or("");
    (tag, class)
}

/// Whether an entry holds a short block of its own with a date: its author and date line.
fn has_date_line(dom: &Dom, m: &Measure, entry: NodeId) -> bool {
    let mut stack: Vec<NodeId> = dom.children(entry).collect();
    let mut seen = 0;
    while let Some(n) = stack.pop() {
        seen += 1;
        if seen > ENTRY_NODES {
            break;
        }
        if dom.tag(n).is_none() || m.skipped[n] {
            continue;
        }
        if m.block[n] && (1..=DATE_LINE).contains(&(m.text[n] as usize)) && has_date(&dom.text_of(n)) {
            return true;
        }
        stack.extend(dom.children(n));
    }
    false
}

/// An id that numbers an entry: two digits or more ("c10442", "comment-1234", "li-comment-45").
fn numbered(id: &str) -> bool {
    id.len() <= 40 && id.bytes().filter(u8::is_ascii_digit).count() >= 2
}

/// Whether a short text holds a date or a time: a year from 1990 to 2099, a clock time
/// ("7:05"), or an English count of time ago ("3 hours ago").
fn has_date(text: &str) -> bool {
    let b = text.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    for i in 0..b.len() {
        let starts = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        if !starts || !digit(i) {
            continue;
        }
        // A year: four digits alone, 1990 to 2099.
        if digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4) {
            let year = &b[i..i + 4];
            if (b"1990".as_slice()..=b"2099".as_slice()).contains(&year) {
                return true;
            }
        }
        // A time: one or two digits, a colon, two digits.
        let colon = if digit(i + 1) { i + 2 } else { i + 1 };
        if b.get(colon) == Some(&b':') && digit(colon + 1) && digit(colon + 2) && !digit(colon + 3) {
            return true;
        }
    }
    text.contains(" ago")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times_in_short_lines() {
        assert!(has_date("Posted by: Ann at April 9, 2026 7:05 PM"));
        assert!(has_date("written by Ben, 20 May 2021"));
        assert!(has_date("14:05"));
        assert!(has_date("3 hours ago"));
        assert!(!has_date("Reply"));
        assert!(!has_date("Page 12 of 300"));
        assert!(!has_date("call 555-1234-5678"));
        assert!(!has_date("ratio 1:2"));
    }

    #[test]
    fn numbered_ids() {
        assert!(numbered("c10442"));
        assert!(numbered("comment-45"));
        assert!(!numbered("comments"));
        assert!(!numbered("h1"));
    }
}
