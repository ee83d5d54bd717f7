//! A short-lived cache of rendered pages ("micro-caching"): under load most readers of an
//! article, or of the front page, get the page rendered a moment ago instead of its queries
//! and a template. Pages are kept for [`TTL`]; this node forgets an article's page at once
//! when it changes its comments, and other nodes (or the crawler) are at most [`TTL`] behind.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use newsdesk_model::ArticleId;

/// How long a rendered page is served again.
pub(crate) const TTL: Duration = Duration::from_secs(2);
/// Pages kept at most; the cache is emptied when it is full.
const CAPACITY: usize = 2048;

/// Rendered pages by what tells them apart: an article's id, a front page's number.
pub(crate) struct PageCache<K = ArticleId> {
    pages: Mutex<HashMap<K, (Instant, Arc<str>)>>,
}

impl<K: Eq + Hash> PageCache<K> {
    pub(crate) fn new() -> Self {
        Self { pages: Mutex::new(HashMap::new()) }
    }

    /// A page rendered less than [`TTL`] ago.
    pub(crate) fn get(&self, id: K) -> Option<Arc<str>> {
        let pages = self.pages.lock().ok()?;
        pages.get(&id).filter(|(at, _)| at.elapsed() < TTL).map(|(_, page)| Arc::clone(page))
    }

    pub(crate) fn put(&self, id: K, page: String) {
        if let Ok(mut pages) = self.pages.lock() {
            if pages.len() >= CAPACITY {
                pages.retain(|_, (at, _)| at.elapsed() < TTL);
                if pages.len() >= CAPACITY {
                    pages.clear();
                }
            }
            pages.insert(id, (Instant::now(), Arc::from(page)));
        }
    }

    /// Forgets a page that changed.
    pub(crate) fn forget(&self, id: K) {
        if let Ok(mut pages) = self.pages.lock() {
            pages.remove(&id);
        }
    }

    /// Forgets every page (a moderator changed comments).
    pub(crate) fn clear(&self) {
        if let Ok(mut pages) = self.pages.lock() {
            pages.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_pages_briefly_and_forgets_on_request() {
        let cache: PageCache = PageCache::new();
        let id = ArticleId::new_v7();
        assert!(cache.get(id).is_none());
        cache.put(id, "page".into());
        assert_eq!(cache.get(id).as_deref(), Some("page"));
        cache.forget(id);
        assert!(cache.get(id).is_none());
        cache.put(id, "page".into());
        cache.clear();
        assert!(cache.get(id).is_none());
    }
}
