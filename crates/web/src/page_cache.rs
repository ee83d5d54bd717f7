//! A short-lived cache of rendered pages ("micro-caching"): under load most readers of an
//! article, or of the front page, get the page rendered a moment ago instead of its queries
//! and a template. Pages are kept for [`TTL`]; this node forgets an article's page at once
//! when it changes its comments, and other nodes (or the crawler) are at most [`TTL`] behind.
//! When a page expires, the first reader to ask renders it again while the others are served
//! the expired page (for at most [`STALE`]), so that an expiry under load costs one render,
//! not one per waiting reader.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::body::Bytes;

use newsdesk_model::ArticleId;

/// How long a rendered page is served again.
pub(crate) const TTL: Duration = Duration::from_secs(2);
/// How long an expired page is still served while one reader renders it again.
const STALE: Duration = Duration::from_secs(10);
/// Pages kept at most by default (article pages, about 10 KiB each); the cache is emptied
/// when it is full.
const CAPACITY: usize = 2048;

/// A kept page: when it was rendered, whether a reader is rendering it again, and the page
/// (shared, not copied, with every reader it is served to).
struct Kept<V> {
    at: Instant,
    renewing: bool,
    page: V,
}

/// Rendered pages by what tells them apart: an article's id, a front page's number.
pub(crate) struct PageCache<K = ArticleId, V = Bytes> {
    pages: Mutex<HashMap<K, Kept<V>>>,
    capacity: usize,
}

impl<K: Eq + Hash, V: Clone> PageCache<K, V> {
    pub(crate) fn new() -> Self {
        Self::with_capacity(CAPACITY)
    }

    /// A cache of at most `capacity` pages (fewer for larger pages, so that its memory
    /// stays bounded).
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        Self { pages: Mutex::new(HashMap::new()), capacity }
    }

    /// A page rendered less than [`TTL`] ago; or, while another reader renders it again, the
    /// expired one. `None` tells the caller to render the page and [`PageCache::put`] it.
    pub(crate) fn get(&self, id: K) -> Option<V> {
        let mut pages = self.pages.lock().ok()?;
        let kept = pages.get_mut(&id)?;
        let age = kept.at.elapsed();
        if age < TTL || (kept.renewing && age < STALE) {
            return Some(kept.page.clone());
        }
        kept.renewing = true;
        None
    }

    pub(crate) fn put(&self, id: K, page: V) {
        let kept = Kept { at: Instant::now(), renewing: false, page };
        let mut emptied = None;
        if let Ok(mut pages) = self.pages.lock() {
            if pages.len() >= self.capacity {
                pages.retain(|_, kept| kept.at.elapsed() < TTL);
                if pages.len() >= self.capacity {
                    // The pages are freed after the lock is let go: freeing thousands of them
                    // would keep every other reader of the cache waiting.
                    let fresh = HashMap::with_capacity(pages.len());
                    emptied = Some(std::mem::replace(&mut *pages, fresh));
                }
            }
            pages.insert(id, kept);
        }
        drop(emptied);
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
        cache.put(id, Bytes::from("page"));
        assert_eq!(cache.get(id).as_deref(), Some(&b"page"[..]));
        cache.forget(id);
        assert!(cache.get(id).is_none());
        cache.put(id, Bytes::from("page"));
        cache.clear();
        assert!(cache.get(id).is_none());
    }

    #[test]
    fn a_full_cache_starts_again_and_never_holds_more_than_its_capacity() {
        let cache: PageCache<u64> = PageCache::with_capacity(3);
        for n in 0..3 {
            cache.put(n, Bytes::from(format!("page {n}")));
        }
        assert_eq!(cache.get(2).as_deref(), Some(&b"page 2"[..]));
        cache.put(3, Bytes::from("page 3"));
        assert!(cache.get(0).is_none() && cache.get(2).is_none(), "emptied when full");
        assert_eq!(cache.get(3).as_deref(), Some(&b"page 3"[..]));
        assert!(cache.pages.lock().unwrap().len() <= 3);
    }

    #[test]
    fn an_expired_page_is_rendered_again_by_one_reader_while_the_others_get_it() {
        let cache: PageCache<u64> = PageCache::new();
        cache.put(1, Bytes::from("old"));
        // Rendered longer ago than the page is kept.
        cache.pages.lock().unwrap().get_mut(&1).unwrap().at = Instant::now().checked_sub(TTL).unwrap();
        assert!(cache.get(1).is_none(), "the first reader renders it");
        assert_eq!(cache.get(1).as_deref(), Some(&b"old"[..]), "the next is served the expired page meanwhile");
        cache.put(1, Bytes::from("new"));
        assert_eq!(cache.get(1).as_deref(), Some(&b"new"[..]));
        // A render that never came back: after a while, a reader renders it again.
        cache.pages.lock().unwrap().get_mut(&1).unwrap().at = Instant::now().checked_sub(STALE).unwrap();
        cache.pages.lock().unwrap().get_mut(&1).unwrap().renewing = true;
        assert!(cache.get(1).is_none());
    }
}
