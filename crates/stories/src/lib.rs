//! Understanding the news, as pure, deterministic text work.
//!
//! What it does now: [`detect_language`] (whatlang, as an ISO 639-1 tag where there is one),
//! [`split_sentences`] (robust to abbreviations, initials, numbers, quotations, and lowercased
//! or tokenized text), and [`summarize`]: a short extractive summary of up to three sentences
//! (about 60-90 words) drawn from the lead of the article, with bylines, datelines, photo
//! credits and other page furniture left out.
//!
//! And [`StoryClusterer`]: online story assignment, articles in publication order, candidates
//! from an inverted index, old stories retired.
//!
//! What it deliberately does not do: I/O, clocks (times are passed in), or randomness.
//! Entities, keyphrases, syndicated copies, story merging and stored stories arrive with the
//! rest of the understanding issue.

mod cluster;
mod copies;
mod entities;
mod lang;
mod sentences;
mod summary;

pub use cluster::{Assignment, ClusterConfig, StoryClusterer};
pub use copies::{CopyConfig, CopyDetector, CopyInput, CopyVerdict, Fingerprint, credited_sources};
pub use entities::{Entity, EntityKind, extract_entities, keyphrases};
pub use lang::detect_language;
pub use sentences::split_sentences;
pub use summary::{SummaryConfig, summarize};
