//! English words newsdesk's text work needs, one list per job. Written for newsdesk from
//! general knowledge of English news prose (no list is copied from a source).

use std::sync::LazyLock;

use crate::hash::HashSet;

/// Words too common to say what an article is about (with the pronouns and day names): serves story
/// matching, keyphrases and the summary's comparison of sentences. Lowercase.
pub(crate) const STOP_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "to",
    "in",
    "and",
    "or",
    "for",
    "on",
    "at",
    "by",
    "with",
    "from",
    "as",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "being",
    "said",
    "says",
    "say",
    "will",
    "would",
    "could",
    "should",
    "has",
    "have",
    "had",
    "not",
    "but",
    "which",
    "who",
    "whom",
    "what",
    "when",
    "where",
    "why",
    "how",
    "than",
    "then",
    "there",
    "here",
    "also",
    "after",
    "before",
    "over",
    "into",
    "about",
    "up",
    "out",
    "more",
    "most",
    "can",
    "may",
    "might",
    "must",
    "do",
    "does",
    "did",
    "just",
    "only",
    "very",
    "so",
    "if",
    "no",
    "yes",
    "all",
    "any",
    "some",
    "such",
    "other",
    "new",
    "one",
    "two",
    "three",
    "first",
    "last",
    "year",
    "years",
    "time",
    "people",
    "mr",
    "mrs",
    "ms",
    "according",
    "told",
    "news",
    "reported",
    "report",
    "week",
    "weeks",
    "day",
    "days",
    "month",
    "months",
];

/// Pronouns and demonstratives, lowercase: stop words, and never the start of a name.
pub(crate) const PRONOUNS: &[&str] = &[
    "this", "that", "these", "those", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our",
    "your", "them", "him", "my",
];

/// Verbs that title-case writes capitalised inside a song's, a book's or a headline's title
/// ("Where Has the Harbour Gone"), and no name holds after its first word.
pub(crate) const TITLE_VERBS: &[&str] =
    &["is", "are", "was", "were", "has", "have", "does", "did", "can", "could", "would", "should", "gets", "got"];

/// Auxiliary and modal verbs, which open questions ("Can anyone say ...?", "Is it ...?"),
/// indefinite pronouns ("Everyone says ..."), and
/// nouns English news capitalises without naming anything ("a Web site", "the Internet"):
/// never a name's word. ("Will" and "May" are also names, and "IS" an organisation's letters:
/// they stay out.)
pub(crate) const CAPITALISED_NON_NAMES: &[&str] = &[
    "can",
    "could",
    "would",
    "should",
    "shall",
    "might",
    "must",
    "does",
    "did",
    "are",
    "was",
    "were",
    "web",
    "internet",
    "everyone",
    "everybody",
    "someone",
    "somebody",
    "anyone",
    "anybody",
    "nobody",
    "everything",
    "nothing",
    "something",
    "anything",
];

/// The US states as news agencies abbreviate them after a town ("Chappaqua, N.Y.",
/// "Austin, Tex."), lowercase, with their dots.
pub(crate) const STATE_ABBREVIATIONS: &[&str] = &[
    "ala.", "ariz.", "ark.", "calif.", "colo.", "conn.", "del.", "fla.", "ga.", "ill.", "ind.", "kan.", "kans.", "ky.",
    "la.", "md.", "mass.", "mich.", "minn.", "miss.", "mo.", "mont.", "neb.", "nev.", "n.h.", "n.j.", "n.m.", "n.y.",
    "n.c.", "n.d.", "okla.", "ore.", "pa.", "r.i.", "s.c.", "s.d.", "tenn.", "tex.", "vt.", "va.", "wash.", "w.va.",
    "wis.", "wyo.", "d.c.", "dc",
];

/// The US Postal Service's two-letter codes of the states and DC, as written after a town
/// and its comma ("Kellton, MD"), listed by their second letter.
pub(crate) const POSTAL_CODES: &[&str] = &[
    "CA", "GA", "IA", "LA", "MA", "PA", "VA", "WA", "DC", "NC", "SC", "ID", "MD", "ND", "SD", "DE", "ME", "NE", "NH",
    "OH", "HI", "MI", "RI", "WI", "NJ", "AK", "OK", "AL", "FL", "IL", "NM", "IN", "MN", "TN", "CO", "MO", "AR", "OR",
    "KS", "MS", "CT", "MT", "UT", "VT", "NV", "WV", "TX", "KY", "NY", "WY", "AZ",
];

/// Day names, lowercase: never part of a name, never a topic.
pub(crate) const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Month names and their short forms, lowercase: never part of a name.
pub(crate) const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Verbs that report speech ("..., he said"): the summary tells reported speech from
/// statements by them; a name before one is a person's or an organisation's.
pub(crate) const SPEECH_VERBS: &[&str] =
    &["said", "says", "told", "tells", "wrote", "writes", "added", "asked", "according"];

/// Abbreviated titles written before a name with a dot that ends no sentence ("Mr.", "Gov.").
pub(crate) const TITLE_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "cpt", "rev", "hon",
    "pres", "supt", "det", "insp", "cpl", "adm", "maj", "messrs", "mt", "ft", "pvt", "cmdr", "fr", "sr", "jr", "sens",
    "reps", "govs",
];

static STOP_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| STOP_WORDS.iter().chain(PRONOUNS).chain(WEEKDAYS).copied().collect());

/// True for words too common to say what an article is about.
pub(crate) fn is_stop_word(word: &str) -> bool {
    STOP_SET.contains(word)
}

/// Whether a word is an adjective that opens phrases written in capitals (titles, products,
/// causes), which no person's name opens: a common one of [`ADJECTIVES`], or one of the
/// endings few names have. Serves the kinds of entities.
pub(crate) fn is_adjective(lower: &str) -> bool {
    const ENDINGS: &[&str] = &["ical", "ful", "less", "ible", "able", "ive"];
    ADJECTIVES.contains(&lower) || lower.len() >= 6 && ENDINGS.iter().any(|e| lower.ends_with(e))
}

/// Common English adjectives that open capitalised phrases naming no one ("Public", "Civil",
/// "Sweet", "Liquid"); not those that are also common surnames ("Black", "Young", "Little").
const ADJECTIVES: &[&str] = &[
    "public",
    "private",
    "civil",
    "social",
    "moral",
    "holy",
    "sweet",
    "liquid",
    "big",
    "bigger",
    "biggest",
    "small",
    "smaller",
    "great",
    "greater",
    "greatest",
    "beautiful",
    "retro",
    "personal",
    "prominent",
    "national",
    "federal",
    "international",
    "global",
    "digital",
    "financial",
    "political",
    "economic",
    "special",
    "free",
    "open",
    "smart",
    "best",
    "better",
    "top",
    "good",
    "bad",
    "worst",
    "happy",
    "real",
    "true",
    "full",
    "total",
    "super",
    "ultra",
    "mega",
    "mini",
    "modern",
    "classic",
    "vintage",
    "ancient",
    "daily",
    "weekly",
    "monthly",
    "annual",
    "official",
    "ultimate",
    "essential",
    "simple",
    "easy",
    "quick",
    "fast",
    "slow",
    "cheap",
    "premium",
    "magic",
    "secret",
    "hidden",
    "perfect",
    "famous",
    "funny",
    "crazy",
    "amazing",
    "awesome",
    "epic",
    "fresh",
    "healthy",
    "natural",
    "organic",
    "local",
    "urban",
    "rural",
    "virtual",
    "mobile",
    "online",
    "wireless",
    "electric",
    "solar",
    "nuclear",
    "medical",
    "mental",
    "physical",
    "legal",
    "illegal",
    "human",
    "animal",
    "wild",
    "dark",
    "bright",
    "deep",
    "high",
    "low",
    "hot",
    "cold",
    "warm",
    "cool",
    "old",
    "new",
    "latest",
    "next",
    "last",
    "final",
    "major",
    "minor",
    "main",
    "common",
    "rare",
    "unique",
    "various",
    "several",
    "certain",
    "whole",
];
