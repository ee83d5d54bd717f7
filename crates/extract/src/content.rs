//! Where the article is. One pass from the leaves up measures every element (text, link text,
//! the text of its own paragraphs); paragraphs of prose then vote for the elements that hold
//! them, in the manner of Readability; the best-scored element, with those of its siblings
//! that hold prose too, is the article.

use crate::classify::{Standing, is_block, standing};
use crate::dom::{Dom, NodeData, NodeId};

/// What one pass measured about every node.
#[derive(Debug)]
pub(crate) struct Measure {
    pub standing: Vec<Standing>,
    /// Whether the node is inside a skipped element (or is one).
    pub skipped: Vec<bool>,
    /// Non-space characters of text under the node.
    pub text: Vec<u32>,
    /// Non-space characters of text inside links under the node.
    pub links: Vec<u32>,
    /// For blocks: non-space characters of the block's own inline text (not in nested blocks).
    pub own: Vec<u32>,
    /// For blocks: of `own`, the characters inside links.
    pub own_links: Vec<u32>,
    /// For blocks: commas in the block's own inline text.
    pub own_commas: Vec<u16>,
    /// Non-space characters under the node in blocks that are mostly links (menus, link lists);
    /// links inside prose do not count.
    pub listed: Vec<u32>,
    /// Whether the node is a block (an element that starts a new block of text).
    pub block: Vec<bool>,
    /// Whether a Negative element is at or above the node.
    pub in_negative: Vec<bool>,
    /// Whether a link under the node says only "Read more" (or its kin): a teaser's.
    pub more_link: Vec<bool>,
    /// Negative elements that stay boilerplate however much of the page (or of the article's
    /// element) they hold: those named as comments that do not hold the page's headline (a
    /// discussion longer than the post it follows).
    pub firmly_negative: Vec<bool>,
}

/// The longest link text read as a "Read more" link ("Continue reading »").
const MORE_LINK_CHARS: u32 = 24;

/// Characters of text an element that holds the headline needs to be taken for the article's
/// wrapper whatever its class says.
const WRAPPER_PROSE: u32 = 500;

impl Measure {
    pub(crate) fn of(dom: &Dom, order: &[NodeId]) -> Self {
        let n = dom.nodes.len();
        let mut m = Self {
            standing: vec![Standing::Neutral; n],
            skipped: vec![false; n],
            text: vec![0; n],
            links: vec![0; n],
            own: vec![0; n],
            own_links: vec![0; n],
            own_commas: vec![0; n],
            listed: vec![0; n],
            block: vec![false; n],
            in_negative: vec![false; n],
            more_link: vec![false; n],
            firmly_negative: vec![false; n],
        };
        // Top-down: standing, skipping and negativity are inherited.
        let mut in_link = vec![false; n];
        let mut block_of: Vec<usize> = vec![0; n];
        let mut classes = crate::classify::ClassWords::default();
        for &id in order {
            let parent = dom.nodes[id].parent;
            let (p_skip, p_link, p_block) =
                parent.map_or((false, false, 0), |p| (m.skipped[p], in_link[p], block_of[p]));
            match &dom.nodes[id].data {
                NodeData::Element { name, .. } => {
                    let tag = &*name.local;
                    let s = if p_skip { Standing::Skip } else { standing(dom, id, tag, &mut classes) };
                    m.standing[id] = s;
                    m.skipped[id] = p_skip || s == Standing::Skip;
                    in_link[id] = p_link || tag == "a";
                    m.block[id] = is_block(tag);
                    block_of[id] = if m.block[id] { id } else { p_block };
                }
                NodeData::Text(t) if !p_skip => {
                    let (chars, commas) = count(t);
                    if chars > 0 {
                        m.text[id] = chars;
                        if p_link {
                            m.links[id] = chars;
                        }
                        let b = p_block;
                        m.own[b] += chars;
                        if p_link {
                            m.own_links[b] += chars;
                        }
                        m.own_commas[b] = m.own_commas[b].saturating_add(commas);
                    }
                    m.skipped[id] = false;
                }
                _ => m.skipped[id] = p_skip,
            }
        }
        // Bottom-up: totals.
        for &id in order.iter().rev() {
            if m.block[id] && m.own_links[id] * 2 > m.own[id] {
                m.listed[id] += m.own[id];
            }
            // (Only a short link can be a "Read more": its text is read for those alone. A link
            // to a part of the same page is the article's own outline.)
            if (1..=MORE_LINK_CHARS).contains(&m.text[id])
                && dom.tag(id).is_some_and(|t| &**t == "a")
                && !dom.attr(id, "href").is_some_and(|h| h.trim_start().starts_with('#'))
                && crate::furniture::is_more_link(&dom.text_of(id))
            {
                m.more_link[id] = true;
            }
            if let Some(p) = dom.nodes[id].parent
                && !m.skipped[id]
            {
                m.text[p] += m.text[id];
                m.links[p] += m.links[id];
                m.listed[p] += m.listed[id];
                m.more_link[p] |= m.more_link[id];
            }
        }
        // An element whose class says boilerplate ("share", "social", "sidebar") but which holds
        // the page's headline and a good deal of prose with few links is the article's wrapper
        // (a share bar wrapped around the whole story), not boilerplate.
        let h1 = order.iter().copied().find(|&id| !m.skipped[id] && dom.tag(id).is_some_and(|t| &**t == "h1"));
        if let Some(h1) = h1 {
            let mut up = dom.nodes[h1].parent;
            while let Some(a) = up {
                if m.standing[a] == Standing::Negative
                    && m.text[a] >= WRAPPER_PROSE
                    && m.links[a] * 5 < m.text[a]
                    && m.listed[a] * 4 < m.text[a]
                {
                    m.standing[a] = Standing::Neutral;
                }
                up = dom.nodes[a].parent;
            }
        }
        // An element boilerplate only by a word that also names the rest of a post ("more")
        // is the post's continuation when it is prose, not links; one named as a label (a
        // byline, a caption) is the article when it holds paragraphs of prose.
        for &id in order {
            if m.standing[id] != Standing::Negative || m.links[id] * 5 >= m.text[id] || m.listed[id] * 4 >= m.text[id] {
                continue;
            }
            let least = match crate::classify::softly_negative(dom, id) {
                Some(crate::classify::SoftlyNegative::Ambiguous) => MIN_PARAGRAPH * 5,
                Some(crate::classify::SoftlyNegative::Label) => LABEL_PROSE,
                None => continue,
            };
            if m.text[id] >= least {
                m.standing[id] = Standing::Neutral;
            }
        }
        // A photo post ("Photos: ...", a gallery of the week): three pictures' captions or more
        // under one element, saying as much as everything else in it, are its text.
        let mut galleries: std::collections::HashMap<NodeId, (Vec<NodeId>, u32, u32)> =
            std::collections::HashMap::new();
        for &id in order {
            if m.standing[id] != Standing::Negative
                || !crate::classify::is_caption(dom, id)
                || m.text[id] < MIN_PARAGRAPH
                || m.links[id] * 5 >= m.text[id]
            {
                continue;
            }
            let mut up = dom.nodes[id].parent;
            let mut outermost = true;
            while let Some(a) = up.filter(|&a| m.standing[a] == Standing::Negative) {
                outermost &= !crate::classify::is_caption(dom, a);
                up = dom.nodes[a].parent;
            }
            if let Some(body) = up {
                let entry = galleries.entry(body).or_default();
                entry.0.push(id);
                if outermost {
                    entry.1 += 1;
                    entry.2 += m.text[id];
                }
            }
        }
        for (body, (captions, count, text)) in galleries {
            if count >= GALLERY_CAPTIONS && text * 2 >= m.text[body] {
                for id in captions {
                    m.standing[id] = Standing::Neutral;
                }
            }
        }
        // A byline's name or date inside a line of other words ("by <span class=author>Ana
        // Ruiz</span> on June 2") is part of that line: without it the line would read "by on
        // June 2". The line must say something besides its bylines' parts.
        let mut in_line: Vec<(NodeId, NodeId)> = Vec::new();
        let mut byline_text: std::collections::HashMap<NodeId, u32> = std::collections::HashMap::new();
        for &id in order {
            if m.standing[id] != Standing::Negative || m.block[id] || !crate::classify::inline_byline(dom, id) {
                continue;
            }
            let mut up = dom.nodes[id].parent;
            while let Some(p) = up.filter(|&p| !m.block[p]) {
                up = dom.nodes[p].parent;
            }
            if let Some(block) = up.filter(|&b| m.standing[b] != Standing::Negative) {
                in_line.push((id, block));
                *byline_text.entry(block).or_default() += m.text[id];
            }
        }
        for (id, block) in in_line {
            if m.own[block] >= byline_text[&block] + 2 {
                m.standing[id] = Standing::Neutral;
            }
        }
        // A post embedded from a social network (the blockquote its embed code writes) is
        // matter the article quotes: neither it nor a wrapper that holds little else is
        // boilerplate for its class words ("social-media-embed").
        for &id in order {
            if m.skipped[id] || !is_embedded_post(dom, id) {
                continue;
            }
            let quoted = m.text[id];
            let mut at = Some(id);
            while let Some(a) = at {
                if m.text[a] > quoted + quoted / 2 {
                    break;
                }
                if m.standing[a] == Standing::Negative {
                    m.standing[a] = Standing::Neutral;
                }
                at = dom.nodes[a].parent;
            }
        }
        // The entries of a comment thread, known by their shape, are boilerplate too.
        for entry in crate::thread::comment_entries(dom, order, &m) {
            m.standing[entry] = Standing::Negative;
        }
        // Top-down again: boilerplate by its class, unless it holds half the page's text (a
        // wrapper whose class happens to say "sidebar" holds the article too); comments stay
        // boilerplate when they outweigh a short post, unless they hold its headline.
        for &id in order {
            if m.standing[id] == Standing::Negative
                && crate::classify::names_comments(dom, id, &mut classes)
                && !h1.is_some_and(|h| is_ancestor(dom, id, h))
            {
                m.firmly_negative[id] = true;
            }
            let p_neg = dom.nodes[id].parent.is_some_and(|p| m.in_negative[p]);
            m.in_negative[id] = p_neg || m.negative(id);
        }
        m
    }

    /// Whether `id` is boilerplate by its class and not a wrapper of most of the page.
    pub(crate) fn negative(&self, id: NodeId) -> bool {
        self.standing[id] == Standing::Negative
            && (self.text[id] < self.text[crate::dom::DOCUMENT] / 2 || self.firmly_negative[id])
    }

    /// The share of the node's text in link lists.
    pub(crate) fn list_density(&self, id: NodeId) -> f32 {
        if self.text[id] == 0 { 0.0 } else { self.listed[id] as f32 / self.text[id] as f32 }
    }

    pub(crate) fn link_density(&self, id: NodeId) -> f32 {
        if self.text[id] == 0 { 0.0 } else { self.links[id] as f32 / self.text[id] as f32 }
    }

    /// The shares of the chosen article's root that are link text, and that are in blocks
    /// made mostly of a link (headlines of a list, "Read more", link lists).
    pub(crate) fn choice_densities(&self, choice: &Choice) -> (f32, f32) {
        let parts: &[NodeId] = if choice.parts.is_empty() { std::slice::from_ref(&choice.root) } else { &choice.parts };
        let (mut text, mut links, mut listed) = (0u64, 0u64, 0u64);
        for &p in parts {
            text += u64::from(self.text[p]);
            links += u64::from(self.links[p]);
            listed += u64::from(self.listed[p]);
        }
        #[allow(clippy::cast_precision_loss)]
        let share = |n: u64| if text == 0 { 0.0 } else { n as f32 / text as f32 };
        (share(links), share(listed))
    }
}

/// Non-space characters and commas in `t`.
fn count(t: &str) -> (u32, u16) {
    let mut chars = 0u32;
    let mut commas = 0u16;
    for c in t.chars() {
        if !c.is_whitespace() {
            chars += 1;
            if matches!(c, ',' | '，' | '、' | '،') {
                commas = commas.saturating_add(1);
            }
        }
    }
    (chars, commas)
}

/// The least text (non-space characters) an element named as a label (a byline, a caption)
/// holds when it is the article's prose instead: a label is a line or two.
const LABEL_PROSE: u32 = 350;

/// The least captions of one element that make a photo post of it.
const GALLERY_CAPTIONS: u32 = 3;

/// The least own text a block needs to count as a paragraph.
const MIN_PARAGRAPH: u32 = 20;

/// The article's elements: the best candidate, or it and the siblings that hold prose.
#[derive(Debug)]
pub(crate) struct Choice {
    /// The element whose children hold the article.
    pub root: NodeId,
    /// Which of `root`'s subtrees are the article (all of them when `root` was chosen whole).
    pub parts: Vec<NodeId>,
    pub score: f32,
}

/// Finds the article in `dom`, or `None` when no element holds a paragraph of prose.
pub(crate) fn choose(dom: &Dom, order: &[NodeId], m: &Measure) -> Option<Choice> {
    choose_with(dom, order, m, true).or_else(|| choose_with(dom, order, m, false))
}

/// The best candidates and the choice, one per line, for developers.
pub(crate) fn explain(dom: &Dom, order: &[NodeId], m: &Measure, snippet: Option<&str>) -> String {
    let mut out = String::new();
    let describe = |n: NodeId| {
        format!(
            "{}#{} .{} text={} links={:.2} neg={}",
            dom.tag(n).map_or("?", |t| &**t),
            dom.attr(n, "id").unwrap_or(""),
            dom.attr(n, "class").unwrap_or(""),
            m.text[n],
            m.link_density(n),
            m.in_negative[n]
        )
    };
    if let Some(snippet) = snippet
        && let Some(&hit) =
            order.iter().find(|&&n| matches!(&dom.nodes[n].data, NodeData::Text(t) if t.contains(snippet)))
    {
        let mut up = Some(hit);
        while let Some(n) = up {
            out.push_str(&format!("  ^ {} skipped={} standing={:?}\n", describe(n), m.skipped[n], m.standing[n]));
            up = dom.nodes[n].parent;
        }
    }
    for avoid in [true, false] {
        if let Some(c) = choose_with(dom, order, m, avoid) {
            out.push_str(&format!("avoid_negative={avoid} score={:.1} root={}\n", c.score, describe(c.root)));
            for p in &c.parts {
                out.push_str(&format!("  part {}\n", describe(*p)));
            }
        }
    }
    out
}

fn choose_with(dom: &Dom, order: &[NodeId], m: &Measure, avoid_negative: bool) -> Option<Choice> {
    let n = dom.nodes.len();
    let mut score = vec![0f32; n];
    let mut scored = vec![false; n];
    let mut candidates: Vec<NodeId> = Vec::new();
    for &id in order {
        if !m.block[id] || m.skipped[id] || m.own[id] < MIN_PARAGRAPH {
            continue;
        }
        if avoid_negative && m.in_negative[id] {
            continue;
        }
        let density = m.own_links[id] as f32 / m.own[id] as f32;
        if density > 0.5 {
            continue;
        }
        let tag = dom.tag(id).map_or("", |t| &**t);
        if matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "figcaption" | "caption" | "th" | "dt") {
            continue;
        }
        let value = (1.0 + f32::from(m.own_commas[id].min(20)) + (m.own[id] as f32 / 100.0).min(3.0)) * (1.0 - density);
        // A paragraph votes for the elements above it; a div (or other container) with text
        // of its own holds the paragraph itself and gets the first vote.
        let mut level = 0usize;
        let mut up = if matches!(tag, "div" | "section" | "article" | "main" | "center" | "font" | "span" | "td") {
            Some(id)
        } else {
            dom.nodes[id].parent
        };
        while let Some(a) = up {
            if level >= 5 || a == crate::dom::DOCUMENT {
                break;
            }
            if !scored[a] {
                scored[a] = true;
                score[a] = initial(dom, a, m);
                candidates.push(a);
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            score[a] += value / divider;
            level += 1;
            up = dom.nodes[a].parent;
        }
    }
    let mut best: Option<(NodeId, f32)> = None;
    for &c in &candidates {
        let s = score[c] * (1.0 - m.list_density(c));
        score[c] = s;
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((c, s));
        }
    }
    let (mut top, mut top_score) = best?;
    // A layout table (or one of its rows) wins by the votes of every cell of the page: the
    // best element inside it that holds text of the article's kind, with half its score or
    // more, is the article instead.
    let table_part = |c: NodeId| matches!(dom.tag(c).map_or("", |t| &**t), "table" | "tbody" | "tr");
    if table_part(top)
        && let Some(&inner) = candidates
            .iter()
            .filter(|&&c| c != top && score[c] >= top_score * 0.5 && !table_part(c) && is_ancestor(dom, top, c))
            .max_by(|a, b| score[**a].total_cmp(&score[**b]))
    {
        top = inner;
        top_score = score[inner];
    }
    // When several of the best candidates share an ancestor, the article is that ancestor.
    let mut ranked: Vec<NodeId> =
        candidates.iter().copied().filter(|&c| c != top && score[c] >= top_score * 0.75).collect();
    ranked.sort_by(|a, b| score[*b].total_cmp(&score[*a]));
    ranked.truncate(5);
    if ranked.len() >= 3 {
        let mut up = dom.nodes[top].parent;
        while let Some(a) = up {
            if a == crate::dom::DOCUMENT || dom.tag(a).is_some_and(|t| &**t == "body") {
                break;
            }
            if ranked.iter().filter(|&&c| is_ancestor(dom, a, c)).count() >= 3 {
                top = a;
                break;
            }
            up = dom.nodes[a].parent;
        }
    }
    // A wrapper with nothing else in it is the same article: climb through it.
    while let Some(p) = dom.nodes[top].parent {
        if p == crate::dom::DOCUMENT || dom.tag(p).is_some_and(|t| &**t == "body") || m.text[p] > m.text[top] {
            break;
        }
        top = p;
    }
    let parent = dom.nodes[top].parent.filter(|&p| p != crate::dom::DOCUMENT);
    let Some(parent) = parent else {
        return Some(Choice { root: top, parts: vec![top], score: top_score });
    };
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = dom.attr(top, "class").unwrap_or("");
    let mut parts = Vec::new();
    for s in dom.children(parent) {
        if s == top {
            parts.push(s);
            continue;
        }
        if m.skipped[s] || dom.tag(s).is_none() || m.text[s] == 0 {
            continue;
        }
        if avoid_negative && m.negative(s) {
            continue;
        }
        let bonus =
            if !top_class.is_empty() && dom.attr(s, "class") == Some(top_class) { top_score * 0.2 } else { 0.0 };
        if scored[s] && score[s] + bonus >= threshold {
            parts.push(s);
            continue;
        }
        // A section of the same template as the best (its class the same), whose paragraphs
        // sit too deep inside it to have voted for it, is the article's too when it is prose.
        if bonus > 0.0 && !scored[s] && m.text[s] > 80 && m.link_density(s) < 0.25 {
            parts.push(s);
            continue;
        }
        if m.block[s] && m.own[s] * 2 >= m.text[s] {
            // A paragraph (or a div of text) of its own.
            let density = m.link_density(s);
            let len = m.text[s];
            if (len > 80 && density < 0.25) || (len > 0 && density == 0.0 && ends_sentence(&dom.text_of(s))) {
                parts.push(s);
            }
        }
    }
    Some(Choice { root: parent, parts, score: top_score })
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['.', '!', '?', '"', '”', '。'])
}

fn initial(dom: &Dom, id: NodeId, m: &Measure) -> f32 {
    let tag = dom.tag(id).map_or("", |t| &**t);
    let by_tag = match tag {
        "div" | "article" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    // Class words count in full for elements of some size, less for small ones.
    let weight = (m.text[id] as f32 / 500.0).min(1.0);
    let by_class = match m.standing[id] {
        Standing::Positive => 25.0 * weight,
        Standing::Negative if m.negative(id) => -25.0,
        _ => 0.0,
    };
    by_tag + by_class
}

/// Classes of the blockquote a social network's embed code writes around the post it embeds.
const EMBEDDED_POST_CLASSES: &[&str] =
    &["twitter-tweet", "instagram-media", "tiktok-embed", "bluesky-embed", "text-post-media", "reddit-embed-bq"];

/// Whether `id` is the blockquote of a post embedded from a social network.
fn is_embedded_post(dom: &Dom, id: NodeId) -> bool {
    dom.tag(id).is_some_and(|t| &**t == "blockquote")
        && dom.attr(id, "class").is_some_and(|c| {
            c.split_whitespace().any(|w| EMBEDDED_POST_CLASSES.contains(&w.to_ascii_lowercase().as_str()))
        })
}

fn is_ancestor(dom: &Dom, a: NodeId, mut n: NodeId) -> bool {
    while let Some(p) = dom.nodes[n].parent {
        if p == a {
            return true;
        }
        n = p;
    }
    false
}
