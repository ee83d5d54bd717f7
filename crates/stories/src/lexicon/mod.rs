//! The word lists of the understanding crate, in one place: per language where the words are
//! language-bound, each list with a line saying what it serves. Every list was written for
//! newsdesk from general knowledge of news prose; name lists from open data (places, given
//! names, countries, months in 82 languages) live in `data/` with their sources and licences.

pub(crate) mod commentary;
pub(crate) mod english;
pub(crate) mod function_words;
pub(crate) mod names;
pub(crate) mod phrase_breaks;
pub(crate) mod polish;
pub(crate) mod russian;
