//! Syndicated copies and their original.
//!
//! Outlets republish wire copy and each other's articles, lightly edited: a new headline,
//! trimmed paragraphs, an added intro line, different boilerplate. Each article is reduced to
//! the set of its five-word shingles (five characters in scripts written without spaces),
//! summarised by a MinHash signature; a locality-sensitive
//! index over bands of the signature finds earlier articles that share enough shingles, and
//! the signatures' agreement estimates how many (Jaccard similarity). Independent reports of
//! the same event share facts and names but almost no five-word runs, so they are not copies.
//!
//! Copies form a group; the group's original is the member the others credit ("Original
//! Source: ...", "(Reuters)", "via ..."), else the earliest published.

use std::collections::VecDeque;

use crate::hash::{HashMap, HashSet};
use crate::script::is_unspaced;

use chrono::{DateTime, Utc};

/// MinHash functions in a signature.
const HASHES: usize = 96;
/// Signature rows per LSH band (HASHES / ROWS bands).
const ROWS: usize = 3;
/// Words in a shingle.
const SHINGLE: usize = 5;

/// Settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CopyConfig {
    /// Least estimated Jaccard similarity of shingle sets for a copy.
    pub min_similarity: f32,
    /// Articles with fewer shingles than this are too short to judge.
    pub min_shingles: usize,
    /// Articles older than this many days behind the newest leave the index.
    pub retire_after_days: i64,
}

impl Default for CopyConfig {
    fn default() -> Self {
        Self { min_similarity: 0.4, min_shingles: 20, retire_after_days: 7 }
    }
}

/// A MinHash signature of an article's shingles. Each slot keeps 32 bits: two shingles
/// collide in a slot about once in four billion, far below the estimate's own error, and
/// the minimum of 32-bit lanes is one vector instruction, where 64-bit lanes take a
/// comparison each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    signature: Vec<u32>,
    shingles: usize,
}

impl Fingerprint {
    /// The fingerprint of `text`: case, punctuation and spacing do not matter.
    #[must_use]
    pub fn of(text: &str) -> Self {
        // Each word hashed once (lowercase, no allocation), shingles from word hashes.
        // In scripts without spaces (Chinese, Japanese, Thai) each character counts as a word.
        let mut words: Vec<u64> = Vec::with_capacity(text.len() / 5);
        for piece in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            if piece.is_ascii() || !piece.chars().any(is_unspaced) {
                words.push(word_hash(piece));
                continue;
            }
            let mut rest = piece;
            while let Some(c) = rest.chars().next() {
                let end = if is_unspaced(c) { c.len_utf8() } else { rest.find(is_unspaced).unwrap_or(rest.len()) };
                words.push(word_hash(&rest[..end]));
                rest = &rest[end..];
            }
        }
        let mut signature = [u32::MAX; HASHES];
        let mut seen: HashSet<u64> = HashSet::default();
        seen.reserve(words.len());
        for window in words.windows(SHINGLE) {
            let h = window.iter().fold(0x9e37_79b9_7f4a_7c15_u64, |acc, w| mix(acc ^ w, 0x51));
            if !seen.insert(h) {
                continue;
            }
            // The i-th hash is a + i*b of two independent hashes of the shingle (Kirsch and
            // Mitzenmacher): one addition per slot. The high halves of splitmix64's output.
            let (a, b) = (high_half(mix(h, 1)), high_half(mix(h, 2)) | 1);
            let mut v = a;
            for slot in &mut signature {
                *slot = (*slot).min(v);
                v = v.wrapping_add(b);
            }
        }
        Self { signature: signature.to_vec(), shingles: seen.len() }
    }

    /// Estimated Jaccard similarity of the two shingle sets, in 0..=1.
    #[must_use]
    pub fn similarity(&self, other: &Self) -> f32 {
        if self.shingles == 0 || other.shingles == 0 {
            return 0.0;
        }
        let same = self.signature.iter().zip(&other.signature).filter(|(a, b)| a == b).count();
        same as f32 / HASHES as f32
    }

    /// Distinct shingles in the text.
    #[must_use]
    pub fn shingles(&self) -> usize {
        self.shingles
    }

    fn bands(&self) -> impl Iterator<Item = (usize, u64)> + '_ {
        self.signature.chunks(ROWS).enumerate().map(|(b, rows)| {
            (b, rows.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, r| (h ^ u64::from(*r)).wrapping_mul(0x0100_0000_01b3)))
        })
    }
}

/// FNV-1a of a word's lowercase form.
fn word_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    if word.is_ascii() {
        for b in word.bytes() {
            h ^= u64::from(b.to_ascii_lowercase());
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        return h;
    }
    for c in word.chars().flat_map(char::to_lowercase) {
        let mut buf = [0u8; 4];
        for b in c.encode_utf8(&mut buf).bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The upper 32 bits of a 64-bit hash.
fn high_half(h: u64) -> u32 {
    u32::try_from(h >> 32).unwrap_or(u32::MAX)
}

/// The i-th hash function: splitmix64 of the shingle hash and a per-function seed.
fn mix(h: u64, i: u64) -> u64 {
    let mut z = h ^ i.wrapping_mul(0x9e37_79b9_7f4a_7c15).wrapping_add(0x632b_e59b_d9b4_e019);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// One article as the copy detector sees it.
#[derive(Debug, Clone, Copy)]
pub struct CopyInput<'a> {
    pub id: &'a str,
    pub text: &'a str,
    /// The outlet that published it (name or domain), if known.
    pub source: Option<&'a str>,
    pub published: DateTime<Utc>,
}

/// What the detector decided for an article.
#[derive(Debug, Clone, PartialEq)]
pub struct CopyVerdict {
    /// The original this article copies, if it is a copy.
    pub copy_of: Option<String>,
    /// The similarity to the closest earlier article it matched (0 when none).
    pub similarity: f32,
}

#[derive(Debug)]
struct Doc {
    id: String,
    fingerprint: Fingerprint,
    group: u64,
    source: Option<String>,
    credits: Vec<String>,
    published: DateTime<Utc>,
}

#[derive(Debug, Default)]
struct Group {
    members: Vec<u32>,
}

/// The copy detector's state. Deterministic for the same input order.
#[derive(Debug)]
pub struct CopyDetector {
    config: CopyConfig,
    /// Articles by internal number; ids are kept once, in the doc.
    docs: HashMap<u32, Doc>,
    bands: HashMap<(usize, u64), Vec<u32>>,
    groups: HashMap<u64, Group>,
    order: VecDeque<(DateTime<Utc>, u32)>,
    newest: Option<DateTime<Utc>>,
    next_group: u64,
    next_doc: u32,
}

impl CopyDetector {
    #[must_use]
    pub fn new(config: CopyConfig) -> Self {
        Self {
            config,
            docs: HashMap::default(),
            bands: HashMap::default(),
            groups: HashMap::default(),
            order: VecDeque::new(),
            newest: None,
            next_group: 1,
            next_doc: 0,
        }
    }

    /// Articles currently in the index.
    #[must_use]
    pub fn indexed(&self) -> usize {
        self.docs.len()
    }

    /// Checks an article against earlier ones and adds it.
    pub fn check(&mut self, input: CopyInput<'_>) -> CopyVerdict {
        let fingerprint = Fingerprint::of(input.text);
        let credits = credited_sources(input.text);
        self.check_prepared(input, fingerprint, credits)
    }

    /// [`CopyDetector::check`] with the pure work ([`Fingerprint::of`], [`credited_sources`]
    /// of `input.text`) done beforehand, for example on another thread.
    pub fn check_prepared(
        &mut self,
        input: CopyInput<'_>,
        fingerprint: Fingerprint,
        credits: Vec<String>,
    ) -> CopyVerdict {
        // Forget what is too old before comparing, so stale articles never match.
        self.newest = Some(self.newest.map_or(input.published, |n| n.max(input.published)));
        self.retire();
        let mut best: Option<(u32, f32)> = None;
        if fingerprint.shingles() >= self.config.min_shingles {
            let mut candidates: Vec<u32> =
                fingerprint.bands().filter_map(|b| self.bands.get(&b)).flatten().copied().collect();
            candidates.sort_unstable();
            candidates.dedup();
            for key in candidates {
                let Some(doc) = self.docs.get(&key) else { continue };
                let s = fingerprint.similarity(&doc.fingerprint);
                if s >= self.config.min_similarity && best.is_none_or(|(_, b)| s > b) {
                    best = Some((key, s));
                }
            }
        }
        let group = match best {
            Some((other, _)) => self.docs.get(&other).map_or(0, |d| d.group),
            None => {
                self.next_group += 1;
                self.next_group - 1
            }
        };
        let key = self.next_doc;
        self.next_doc = self.next_doc.wrapping_add(1);
        if fingerprint.shingles() >= self.config.min_shingles {
            for band in fingerprint.bands() {
                self.bands.entry(band).or_default().push(key);
            }
        }
        self.groups.entry(group).or_default().members.push(key);
        self.docs.insert(
            key,
            Doc {
                id: input.id.to_owned(),
                fingerprint,
                group,
                source: input.source.map(str::to_lowercase),
                credits,
                published: input.published,
            },
        );
        self.order.push_back((input.published, key));
        match best {
            Some((_, similarity)) => {
                let original = self.original_of(group);
                CopyVerdict { copy_of: original.filter(|o| o != input.id), similarity }
            }
            None => CopyVerdict { copy_of: None, similarity: 0.0 },
        }
    }

    /// The member the others credit, else the earliest published (ties: first seen).
    fn original_of(&self, group: u64) -> Option<String> {
        let members = &self.groups.get(&group)?.members;
        let docs: Vec<(&String, &Doc)> = members.iter().filter_map(|m| self.docs.get(m).map(|d| (&d.id, d))).collect();
        let credited = docs.iter().find(|(_, d)| {
            d.source.as_ref().is_some_and(|src| {
                docs.iter().any(|(_, other)| {
                    other.credits.iter().any(|c| src.contains(c.as_str()) || c.contains(src.as_str()))
                })
            })
        });
        if let Some((id, _)) = credited {
            return Some((*id).clone());
        }
        docs.iter().min_by_key(|(_, d)| d.published).map(|(id, _)| (*id).clone())
    }

    fn retire(&mut self) {
        let Some(newest) = self.newest else { return };
        let cutoff = newest - chrono::Duration::days(self.config.retire_after_days);
        while self.order.front().is_some_and(|(t, _)| *t < cutoff) {
            let Some((_, key)) = self.order.pop_front() else { break };
            if let Some(doc) = self.docs.remove(&key) {
                for band in doc.fingerprint.bands() {
                    if let Some(list) = self.bands.get_mut(&band) {
                        list.retain(|x| *x != key);
                        if list.is_empty() {
                            self.bands.remove(&band);
                        }
                    }
                }
                if let Some(g) = self.groups.get_mut(&doc.group) {
                    g.members.retain(|x| *x != key);
                    if g.members.is_empty() {
                        self.groups.remove(&doc.group);
                    }
                }
            }
        }
    }
}

/// Characters read for credits at the top of an article.
const HEAD_CHARS: usize = 1000;
/// Characters read for credits at its foot.
const TAIL_CHARS: usize = 1500;

/// Words that come before the outlet an article credits.
const CREDIT_MARKERS: [&str; 7] = [
    "original source:",
    "originally published by",
    "originally published on",
    "originally published at",
    "first appeared on",
    "first appeared in",
    "via ",
];
/// News agencies credited by name alone, in parentheses or after a dash.
const AGENCIES: [&str; 6] = ["reuters", "associated press", "afp", "agence france-presse", "dpa", "bloomberg"];

/// The credit markers, then each agency's three forms, as one automaton.
fn credit_patterns() -> &'static aho_corasick::AhoCorasick {
    static PATTERNS: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    PATTERNS.get_or_init(|| {
        let agencies = AGENCIES.iter().flat_map(|a| [format!("({a})"), format!("— {a}"), format!("- {a}\n")]);
        let patterns: Vec<String> = CREDIT_MARKERS.iter().map(|m| (*m).to_owned()).chain(agencies).collect();
        // The patterns are a few short literals: building cannot fail.
        aho_corasick::AhoCorasick::new(patterns).unwrap_or_else(|e| unreachable!("short literal patterns: {e}"))
    })
}

/// Outlets an article credits: "Original Source: www.example.org", "(Reuters)",
/// "via Example News", "first appeared on example.org", "— Reuters".
#[must_use]
pub fn credited_sources(text: &str) -> Vec<String> {
    // Credits stand at the top ("(Reuters) -") or the foot ("Original Source: ...") of an
    // article: only those parts are read, so that long articles cost no more than short ones.
    let head_end = text.char_indices().nth(HEAD_CHARS).map_or(text.len(), |(i, _)| i);
    let tail_start = text.char_indices().rev().nth(TAIL_CHARS).map_or(0, |(i, _)| i).max(head_end);
    let lower = format!("{}\n{}", &text[..head_end], &text[tail_start..]).to_lowercase();
    let mut out = Vec::new();
    // One pass finds every credit's marker and agency form ("(reuters)", "— reuters",
    // "- reuters" ending a line), instead of a search for each.
    for found in credit_patterns().find_overlapping_iter(&lower) {
        let pattern = found.pattern().as_usize();
        if let Some(agency) = pattern.checked_sub(CREDIT_MARKERS.len()) {
            out.push(AGENCIES[agency / 3].to_owned());
            continue;
        }
        let marker = CREDIT_MARKERS[pattern];
        let name: String = lower[found.end()..]
            .trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '.' || *c == '-' || *c == ' ')
            .take(40)
            .collect();
        let name = name.trim().trim_start_matches("www.").trim_end_matches('.').to_owned();
        // "via" is a common word: only a short capitalised-looking name counts.
        let words = name.split_whitespace().count();
        if !name.is_empty() && (marker != "via " || (1..=3).contains(&words)) {
            out.push(name.split(" and ").next().unwrap_or(&name).trim().to_owned());
        }
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests;
