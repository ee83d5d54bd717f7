//! Searches for the start of a word at once. A search is the one request whose cost a reader
//! chooses, and one kind costs most: a prefix of a few letters (`co*`) merges the index's lists
//! of every word that starts so, a third of a second of a core on 100,000 articles, where a
//! search for words takes a millisecond or two. Unbounded, a few readers asking such searches
//! over and over would take every core, and the site's pages, its comment form and the crawl
//! would wait behind them. So these searches pass a gate: a few run at once (by default one
//! for every two cores, leaving the others to the rest of the site), a bounded number wait a
//! bounded time for their turn, and the rest are told that the site is busy and when to try
//! again (503 with `Retry-After`). Searches for whole words and every other page never pass it.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::sync::{Semaphore, SemaphorePermit};

use crate::WebError;

/// Searches that may wait for a turn, for each that may run.
const WAITING_PER_SLOT: usize = 16;

/// Seconds a refused reader is told to wait (`Retry-After`).
pub(crate) const RETRY_AFTER_SECONDS: u64 = 5;

pub(crate) struct SearchGate {
    slots: Semaphore,
    waiting: AtomicUsize,
    most_waiting: usize,
    wait: Duration,
}

impl SearchGate {
    /// A gate letting `at_once` searches run (at least one), others waiting up to `wait`.
    pub(crate) fn new(at_once: usize, wait: Duration) -> Self {
        let at_once = at_once.max(1);
        Self {
            slots: Semaphore::new(at_once),
            waiting: AtomicUsize::new(0),
            most_waiting: at_once * WAITING_PER_SLOT,
            wait,
        }
    }

    /// A turn for `query`, held until the permit is dropped: at once (and `None`) for a
    /// search without a prefix; [`WebError::Busy`] when none came in time or too many wait.
    pub(crate) async fn enter_for(
        &self,
        query: &newsdesk_store::ParsedQuery,
    ) -> Result<Option<SemaphorePermit<'_>>, WebError> {
        if query.has_prefix() { self.enter().await.map(Some) } else { Ok(None) }
    }

    /// A turn to search, held until the permit is dropped; [`WebError::Busy`] when none came
    /// in time or too many wait already.
    pub(crate) async fn enter(&self) -> Result<SemaphorePermit<'_>, WebError> {
        if let Ok(permit) = self.slots.try_acquire() {
            return Ok(permit);
        }
        let Some(_waiting) = Waiting::join(&self.waiting, self.most_waiting) else {
            return Err(busy());
        };
        match tokio::time::timeout(self.wait, self.slots.acquire()).await {
            Ok(Ok(permit)) => Ok(permit),
            _ => Err(busy()),
        }
    }
}

fn busy() -> WebError {
    WebError::Busy(format!(
        "Many searches for the start of a word (word*) are running at once. Please try again in \
         {RETRY_AFTER_SECONDS} seconds; whole words, or more letters before the *, find their articles sooner."
    ))
}

/// One place in the waiting line, left when dropped (also when the reader goes away).
struct Waiting<'a>(&'a AtomicUsize);

impl<'a> Waiting<'a> {
    fn join(count: &'a AtomicUsize, most: usize) -> Option<Self> {
        count
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| (n < most).then_some(n + 1))
            .ok()
            .map(|_| Self(count))
    }
}

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Searches for the start of a word at once by default: one for every two cores the machine
/// has, at least one.
#[must_use]
pub(crate) fn default_prefix_searches_at_once() -> usize {
    std::thread::available_parallelism().map_or(1, |n| (n.get() / 2).max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn searches_past_the_slots_wait_their_turn_then_are_told_the_site_is_busy() {
        let gate = SearchGate::new(2, Duration::from_secs(3));
        let first = gate.enter().await.unwrap();
        let _second = gate.enter().await.unwrap();
        // A third waits: when a slot frees within the wait, it runs.
        let third = gate.enter();
        tokio::pin!(third);
        assert!(futures_poll_once(third.as_mut()).await.is_none(), "the third waits");
        drop(first);
        let third = third.await.unwrap();
        // A fourth waits the whole time and is refused, saying what to do.
        let refused = gate.enter().await.err().unwrap();
        assert_eq!(refused.status(), axum::http::StatusCode::SERVICE_UNAVAILABLE);
        assert!(refused.heading_and_message().1.contains("try again"));
        drop(third);
        assert!(gate.enter().await.is_ok(), "a freed slot is taken at once");
    }

    #[tokio::test(start_paused = true)]
    async fn the_waiting_line_is_bounded_and_left_by_those_who_go() {
        let gate = SearchGate::new(1, Duration::from_secs(60));
        let _running = gate.enter().await.unwrap();
        let mut line = Vec::new();
        for _ in 0..WAITING_PER_SLOT {
            let mut waiter = Box::pin(gate.enter());
            assert!(futures_poll_once(waiter.as_mut()).await.is_none());
            line.push(waiter);
        }
        // The line is full: the next is refused at once, without waiting.
        let started = tokio::time::Instant::now();
        assert!(gate.enter().await.is_err());
        assert_eq!(started.elapsed(), Duration::ZERO);
        // Readers who leave the line free their places.
        line.clear();
        let mut waiter = Box::pin(gate.enter());
        assert!(futures_poll_once(waiter.as_mut()).await.is_none(), "a place in the line again");
    }

    /// Polls a future once: `Some` with its output when ready, `None` when it waits.
    async fn futures_poll_once<F: std::future::Future + Unpin>(mut f: F) -> Option<F::Output> {
        std::future::poll_fn(|cx| match std::pin::Pin::new(&mut f).poll(cx) {
            std::task::Poll::Ready(v) => std::task::Poll::Ready(Some(v)),
            std::task::Poll::Pending => std::task::Poll::Ready(None),
        })
        .await
    }
}
