//! Understanding the news, as pure, deterministic text work.
//!
//! What it does: [`detect_language`] (whatlang over a bounded sample, ISO 639-1 tags where
//! there are some); [`split_sentences`] (robust to abbreviations, initials, numbers, quotations,
//! CJK, and lowercased or tokenized text); [`summarize`] (the lead of the article without
//! bylines, datelines, photo credits and calls to action, up to three sentences);
//! [`extract_entities`] and [`keyphrases`]; [`CopyDetector`] (syndicated copies and their
//! original, by MinHash over shingles with an LSH index); [`StoryClusterer`] (online story
//! assignment in publication order, candidates from an inverted index, stories that turn out
//! to be one merged, old stories retired).
//!
//! What it deliberately does not do: I/O, clocks (times are passed in), randomness, or
//! storage.

mod cluster;
mod concepts;
mod copies;
mod digest;
mod entities;
mod gazetteer;
mod hash;
mod keyphrases;
mod lang;
mod lexicon;
mod script;
mod sentences;
mod skeleton;
mod summary;

pub use cluster::{Assignment, ClusterConfig, StoryArticle, StoryClusterer};
pub use copies::{CopyConfig, CopyDetector, CopyInput, CopyVerdict, Fingerprint, credited_sources};
pub use digest::{Digest, Member, digest};
pub use entities::{Entity, EntityKind, ShortForms, extract_entities};
pub use keyphrases::keyphrases;
pub use lang::{detect_article_language, detect_language};
pub use sentences::split_sentences;
pub use summary::{SummaryConfig, summarize};
