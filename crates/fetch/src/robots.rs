//! robots.txt, fetched once per origin and remembered for a day.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use texting_robots::Robot;
use tokio::time::Instant;

/// How long a robots.txt is remembered.
const TTL: Duration = Duration::from_secs(24 * 3600);
/// How long a failure to read one is remembered.
const FAILURE_TTL: Duration = Duration::from_secs(600);
/// Largest robots.txt read.
pub(crate) const MAX_ROBOTS_BYTES: usize = 512 * 1024;
/// Origins remembered.
const MAX_ORIGINS: usize = 10_000;
/// The agent name matched against robots.txt groups.
pub(crate) const AGENT: &str = "newsdesk";

#[derive(Debug)]
pub(crate) enum Rules {
    AllowAll,
    /// The server failed (5xx): stay away until it answers again.
    DisallowAll,
    Parsed(Box<Robot>),
}

impl Rules {
    pub(crate) fn from_response(status: u16, body: &[u8]) -> Self {
        match status {
            200..=299 => Robot::new(AGENT, body).map_or(Self::AllowAll, |r| Self::Parsed(Box::new(r))),
            // No robots.txt (or one we may not read) means no rules.
            400..=499 => Self::AllowAll,
            _ => Self::DisallowAll,
        }
    }

    pub(crate) fn allows(&self, url: &str) -> bool {
        match self {
            Self::AllowAll => true,
            Self::DisallowAll => false,
            Self::Parsed(robot) => robot.allowed(url),
        }
    }

    pub(crate) fn crawl_delay(&self) -> Option<Duration> {
        match self {
            Self::Parsed(robot) => {
                robot.delay.filter(|d| d.is_finite() && *d > 0.0).map(|d| Duration::from_secs_f32(d.min(86_400.0)))
            }
            _ => None,
        }
    }
}

#[derive(Debug, Default)]
pub(crate) struct RobotsCache {
    entries: Mutex<HashMap<String, (Instant, std::sync::Arc<Rules>)>>,
}

impl RobotsCache {
    pub(crate) fn get(&self, origin: &str) -> Option<std::sync::Arc<Rules>> {
        let entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        entries.get(origin).filter(|(expires, _)| *expires > Instant::now()).map(|(_, r)| r.clone())
    }

    pub(crate) fn put(&self, origin: &str, rules: Rules, failed: bool) -> std::sync::Arc<Rules> {
        let rules = std::sync::Arc::new(rules);
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        if entries.len() >= MAX_ORIGINS {
            let now = Instant::now();
            entries.retain(|_, (expires, _)| *expires > now);
            if entries.len() >= MAX_ORIGINS {
                entries.clear();
            }
        }
        let ttl = if failed || matches!(*rules, Rules::DisallowAll) { FAILURE_TTL } else { TTL };
        entries.insert(origin.to_owned(), (Instant::now() + ttl, rules.clone()));
        rules
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_follow_status_and_content() {
        let txt = b"User-agent: *\nDisallow: /private\nCrawl-delay: 2\n\nUser-agent: newsdesk\nDisallow: /no-news\nCrawl-delay: 3\n";
        let rules = Rules::from_response(200, txt);
        assert!(!rules.allows("https://a.example/no-news/1"));
        assert!(rules.allows("https://a.example/private/1"), "our own group wins over *");
        assert_eq!(rules.crawl_delay(), Some(Duration::from_secs(3)));
        assert!(Rules::from_response(404, b"").allows("https://a.example/anything"));
        assert!(!Rules::from_response(503, b"").allows("https://a.example/anything"));
    }
}
