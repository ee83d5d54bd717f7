//! Per-host politeness: at most N requests under way to a host, and a least interval between
//! the starts of two requests, raised by Crawl-delay and by Retry-After.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;

/// Hosts remembered before idle ones are forgotten.
const MAX_HOSTS: usize = 10_000;

#[derive(Debug)]
struct HostState {
    permits: Arc<Semaphore>,
    timing: Mutex<Timing>,
}

#[derive(Debug)]
struct Timing {
    /// The earliest moment the next request may start.
    next_start: Instant,
    /// The host's own least interval (Crawl-delay), if longer than ours.
    interval: Duration,
    last_used: Instant,
}

#[derive(Debug)]
pub(crate) struct Hosts {
    states: Mutex<HashMap<String, Arc<HostState>>>,
    concurrency: usize,
    interval: Duration,
    max_delay: Duration,
}

/// Held while a request to a host is under way.
#[derive(Debug)]
pub(crate) struct HostPermit {
    _permit: Option<OwnedSemaphorePermit>,
}

impl Hosts {
    pub(crate) fn new(concurrency: usize, interval: Duration, max_delay: Duration) -> Self {
        Self { states: Mutex::new(HashMap::new()), concurrency: concurrency.max(1), interval, max_delay }
    }

    fn state(&self, host: &str) -> Arc<HostState> {
        let mut states = self.states.lock().unwrap_or_else(PoisonError::into_inner);
        if states.len() >= MAX_HOSTS && !states.contains_key(host) {
            let now = Instant::now();
            states.retain(|_, s| {
                Arc::strong_count(s) > 1
                    || s.timing
                        .lock()
                        .map(|t| now.duration_since(t.last_used) < Duration::from_secs(600))
                        .unwrap_or(false)
            });
        }
        states
            .entry(host.to_owned())
            .or_insert_with(|| {
                Arc::new(HostState {
                    permits: Arc::new(Semaphore::new(self.concurrency)),
                    timing: Mutex::new(Timing {
                        next_start: Instant::now(),
                        interval: self.interval,
                        last_used: Instant::now(),
                    }),
                })
            })
            .clone()
    }

    /// Waits for a free slot and for the host's interval, then returns the slot.
    pub(crate) async fn acquire(&self, host: &str) -> HostPermit {
        let state = self.state(host);
        // The semaphore is never closed, so this always holds a slot.
        let permit = state.permits.clone().acquire_owned().await.ok();
        let start = {
            let mut t = state.timing.lock().unwrap_or_else(PoisonError::into_inner);
            let now = Instant::now();
            let start = t.next_start.max(now);
            t.next_start = start + t.interval;
            t.last_used = start;
            start
        };
        tokio::time::sleep_until(start).await;
        HostPermit { _permit: permit }
    }

    /// The host asked us to wait (Retry-After): no request starts before then.
    pub(crate) fn back_off(&self, host: &str, delay: Duration) {
        let state = self.state(host);
        let mut t = state.timing.lock().unwrap_or_else(PoisonError::into_inner);
        let until = Instant::now() + delay.min(self.max_delay);
        t.next_start = t.next_start.max(until);
    }

    /// The host's robots.txt asks for this much time between requests.
    pub(crate) fn set_crawl_delay(&self, host: &str, delay: Duration) {
        let state = self.state(host);
        let mut t = state.timing.lock().unwrap_or_else(PoisonError::into_inner);
        t.interval = self.interval.max(delay.min(self.max_delay));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn starts_are_spaced_by_the_interval() {
        let hosts = Hosts::new(4, Duration::from_millis(500), Duration::from_secs(60));
        let t0 = Instant::now();
        let _a = hosts.acquire("a.example").await;
        let _b = hosts.acquire("a.example").await;
        assert!(Instant::now() - t0 >= Duration::from_millis(500));
        let t1 = Instant::now();
        let _other = hosts.acquire("b.example").await;
        assert_eq!(Instant::now(), t1, "another host does not wait");
    }

    #[tokio::test(start_paused = true)]
    async fn retry_after_and_crawl_delay_push_the_next_start() {
        let hosts = Hosts::new(4, Duration::ZERO, Duration::from_secs(60));
        hosts.back_off("a.example", Duration::from_secs(30));
        let t0 = Instant::now();
        drop(hosts.acquire("a.example").await);
        assert!(Instant::now() - t0 >= Duration::from_secs(30));
        hosts.set_crawl_delay("a.example", Duration::from_secs(5));
        let t1 = Instant::now();
        drop(hosts.acquire("a.example").await);
        drop(hosts.acquire("a.example").await);
        assert!(Instant::now() - t1 >= Duration::from_secs(5));
        hosts.back_off("a.example", Duration::from_secs(100_000));
        let t2 = Instant::now();
        drop(hosts.acquire("a.example").await);
        assert!(Instant::now() - t2 <= Duration::from_secs(66), "delays are capped");
    }

    #[tokio::test(start_paused = true)]
    async fn concurrency_is_bounded() {
        let hosts = Arc::new(Hosts::new(1, Duration::ZERO, Duration::from_secs(60)));
        let held = hosts.acquire("a.example").await;
        let h = hosts.clone();
        let waiter = tokio::spawn(async move { h.acquire("a.example").await });
        tokio::time::sleep(Duration::from_secs(1)).await;
        assert!(!waiter.is_finished(), "the second request waits for the first");
        drop(held);
        waiter.await.unwrap();
    }
}
