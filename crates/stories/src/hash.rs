//! Hash maps with a fast, fixed hasher: the keys are words and numbers from text newsdesk
//! reads, the maps are private to one analysis, and a fixed seed keeps iteration order (and so
//! every result) the same from run to run.

pub(crate) type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;
pub(crate) type HashSet<K> = std::collections::HashSet<K, foldhash::fast::FixedState>;

/// A string's hash with the fixed hasher: the same on every run.
pub(crate) fn hash_str(s: &str) -> u64 {
    use std::hash::BuildHasher;
    foldhash::fast::FixedState::default().hash_one(s)
}
