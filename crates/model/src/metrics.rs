//! What this process has done, for `/metrics`: counters and histograms in atomics, written out
//! in the Prometheus text format. One set per process ([`METRICS`]): a web node counts its
//! requests, a crawling process its fetches and polls; Prometheus adds them up across nodes.
//!
//! Labels are fixed sets (outcomes, kinds, route templates), never values from outside, so the
//! number of series is bounded.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::RwLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// A count that only goes up.
#[derive(Debug, Default)]
pub struct Counter(AtomicU64);

impl Counter {
    pub fn inc(&self) {
        self.add(1);
    }

    pub fn add(&self, n: u64) {
        self.0.fetch_add(n, Ordering::Relaxed);
    }

    #[must_use]
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 12] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0];

/// A latency distribution: counts per bucket, the count and the sum.
#[derive(Debug, Default)]
pub struct Histogram {
    buckets: [AtomicU64; BUCKETS.len()],
    count: AtomicU64,
    /// Microseconds.
    sum_micros: AtomicU64,
}

impl Histogram {
    pub fn observe(&self, d: Duration) {
        let secs = d.as_secs_f64();
        for (bound, bucket) in BUCKETS.iter().zip(&self.buckets) {
            if secs <= *bound {
                bucket.fetch_add(1, Ordering::Relaxed);
            }
        }
        self.count.fetch_add(1, Ordering::Relaxed);
        self.sum_micros.fetch_add(u64::try_from(d.as_micros()).unwrap_or(u64::MAX), Ordering::Relaxed);
    }

    #[must_use]
    pub fn count(&self) -> u64 {
        self.count.load(Ordering::Relaxed)
    }

    fn write(&self, out: &mut String, name: &str, labels: &str) {
        let sep = if labels.is_empty() { "" } else { "," };
        for (bound, bucket) in BUCKETS.iter().zip(&self.buckets) {
            let _ = writeln!(out, "{name}_bucket{{{labels}{sep}le=\"{bound}\"}} {}", bucket.load(Ordering::Relaxed));
        }
        let count = self.count();
        let _ = writeln!(out, "{name}_bucket{{{labels}{sep}le=\"+Inf\"}} {count}");
        let braces = if labels.is_empty() { String::new() } else { format!("{{{labels}}}") };
        let sum = self.sum_micros.load(Ordering::Relaxed) as f64 / 1e6;
        let _ = writeln!(out, "{name}_sum{braces} {sum}");
        let _ = writeln!(out, "{name}_count{braces} {count}");
    }
}

/// How a fetch ended.
#[derive(Debug, Default)]
pub struct FetchOutcomes {
    pub ok: Counter,
    pub not_modified: Counter,
    pub error: Counter,
}

/// Everything this process counts.
#[derive(Debug, Default)]
pub struct Metrics {
    /// Feed fetches.
    pub feed_fetches: FetchOutcomes,
    /// Article page fetches for full text.
    pub page_fetches: FetchOutcomes,
    /// Entries stored by polls, by what happened to them.
    pub entries_created: Counter,
    pub entries_updated: Counter,
    pub entries_unchanged: Counter,
    /// Article pages whose text replaced a feed's teaser, and those that did not.
    pub full_text_adopted: Counter,
    pub full_text_kept: Counter,
    /// A feed poll from start to stored (fetch, parse, full text, store): ingest latency.
    pub poll_seconds: Histogram,
    /// Database errors met while polling or serving.
    pub database_errors: Counter,
    /// Requests by route template, then status class (1xx to 5xx), with their latency. A
    /// request takes the read lock only, but for the first of its route.
    requests: RwLock<BTreeMap<String, [Histogram; 5]>>,
}

/// The status classes, in the order [`Metrics::requests`] keeps them.
const CLASSES: [&str; 5] = ["1xx", "2xx", "3xx", "4xx", "5xx"];

/// A counter family: name, help, and its series as (label value, counter).
type Family<'a> = (&'static str, &'static str, &'a [(&'static str, &'a Counter)]);

/// The process's metrics.
pub static METRICS: std::sync::LazyLock<Metrics> = std::sync::LazyLock::new(Metrics::default);

/// Values read when `/metrics` is asked for: gauges that live in the database.
#[derive(Debug, Clone, Copy, Default)]
pub struct Gauges {
    /// Feeds due for polling now: the crawl queue's depth.
    pub feeds_due: u64,
    pub feeds: u64,
    /// Comments waiting for moderation: the moderation queue's depth.
    pub comments_held: u64,
    pub articles: u64,
}

impl Metrics {
    /// Counts one request to `route` (the route template, such as `/articles/{id}`) that
    /// ended with `status` after `took`.
    pub fn record_request(&self, route: &str, status: u16, took: Duration) {
        let class = usize::from(status / 100).clamp(1, 5) - 1;
        if let Ok(requests) = self.requests.read()
            && let Some(by_class) = requests.get(route)
        {
            by_class[class].observe(took);
            return;
        }
        if let Ok(mut requests) = self.requests.write() {
            requests.entry(route.to_owned()).or_default()[class].observe(took);
        }
    }

    /// Requests counted so far for `route` and a status class such as `2xx`.
    #[must_use]
    pub fn requests(&self, route: &str, class: &str) -> u64 {
        let Some(i) = CLASSES.iter().position(|c| *c == class) else { return 0 };
        self.requests.read().ok().and_then(|r| r.get(route).map(|by_class| by_class[i].count())).unwrap_or(0)
    }

    /// Everything, in the Prometheus text format (version 0.0.4).
    #[must_use]
    pub fn render(&self, gauges: &Gauges) -> String {
        let mut out = String::with_capacity(8 * 1024);
        let name = "newsdesk_fetches_total";
        let _ =
            writeln!(out, "# HELP {name} HTTP fetches of feeds and article pages, by outcome.\n# TYPE {name} counter");
        for (kind, o) in [("feed", &self.feed_fetches), ("page", &self.page_fetches)] {
            for (outcome, c) in [("ok", &o.ok), ("not_modified", &o.not_modified), ("error", &o.error)] {
                let _ = writeln!(out, "{name}{{kind=\"{kind}\",outcome=\"{outcome}\"}} {}", c.get());
            }
        }
        let counters: [Family<'_>; 3] = [
            (
                "newsdesk_entries_total",
                "Feed entries stored by polls, by what happened to them.",
                &[
                    ("created", &self.entries_created),
                    ("updated", &self.entries_updated),
                    ("unchanged", &self.entries_unchanged),
                ],
            ),
            (
                "newsdesk_full_text_total",
                "Article pages fetched for full text: adopted, or the feed's content kept.",
                &[("adopted", &self.full_text_adopted), ("kept", &self.full_text_kept)],
            ),
            ("newsdesk_errors_total", "Errors, by kind.", &[("database", &self.database_errors)]),
        ];
        for (name, help, series) in counters {
            let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} counter");
            let label = if name == "newsdesk_errors_total" { "kind" } else { "result" };
            for (value, c) in series {
                let _ = writeln!(out, "{name}{{{label}=\"{value}\"}} {}", c.get());
            }
        }
        let _ = writeln!(
            out,
            "# HELP newsdesk_poll_duration_seconds A feed poll from fetch to stored: ingest latency.\n# TYPE newsdesk_poll_duration_seconds histogram"
        );
        self.poll_seconds.write(&mut out, "newsdesk_poll_duration_seconds", "");
        let _ = writeln!(
            out,
            "# HELP newsdesk_http_requests_total HTTP requests served, by route and status class.\n# TYPE newsdesk_http_requests_total counter"
        );
        let requests = self.requests.read().ok();
        let series = || {
            requests.iter().flat_map(|r| r.iter()).flat_map(|(route, by_class)| {
                CLASSES.iter().zip(by_class).filter(|(_, h)| h.count() > 0).map(move |(class, h)| (route, class, h))
            })
        };
        for (route, class, h) in series() {
            let _ = writeln!(
                out,
                "newsdesk_http_requests_total{{route=\"{}\",status=\"{class}\"}} {}",
                escape(route),
                h.count()
            );
        }
        let _ = writeln!(
            out,
            "# HELP newsdesk_http_request_duration_seconds Time to serve a request, by route.\n# TYPE newsdesk_http_request_duration_seconds histogram"
        );
        for (route, class, h) in series() {
            h.write(
                &mut out,
                "newsdesk_http_request_duration_seconds",
                &format!("route=\"{}\",status=\"{class}\"", escape(route)),
            );
        }
        for (name, help, value) in [
            ("newsdesk_feeds_due", "Feeds due for polling now: the crawl queue.", gauges.feeds_due),
            ("newsdesk_feeds", "Feeds followed.", gauges.feeds),
            ("newsdesk_comments_held", "Comments waiting for moderation.", gauges.comments_held),
            ("newsdesk_articles", "Articles stored.", gauges.articles),
        ] {
            let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value}");
        }
        out
    }
}

/// A label value with `\`, `"` and newlines escaped, as the text format asks.
fn escape(v: &str) -> String {
    v.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_counters_histograms_and_gauges() {
        let m = Metrics::default();
        m.feed_fetches.ok.add(3);
        m.page_fetches.error.inc();
        m.entries_created.add(50);
        m.poll_seconds.observe(Duration::from_millis(30));
        m.record_request("/articles/{id}", 200, Duration::from_micros(800));
        m.record_request("/articles/{id}", 404, Duration::from_micros(300));
        let text = m.render(&Gauges { feeds_due: 7, feeds: 9, comments_held: 2, articles: 100 });
        for line in [
            "newsdesk_fetches_total{kind=\"feed\",outcome=\"ok\"} 3",
            "newsdesk_fetches_total{kind=\"page\",outcome=\"error\"} 1",
            "newsdesk_entries_total{result=\"created\"} 50",
            "newsdesk_poll_duration_seconds_bucket{le=\"0.025\"} 0",
            "newsdesk_poll_duration_seconds_bucket{le=\"0.05\"} 1",
            "newsdesk_poll_duration_seconds_count 1",
            "newsdesk_http_requests_total{route=\"/articles/{id}\",status=\"2xx\"} 1",
            "newsdesk_http_requests_total{route=\"/articles/{id}\",status=\"4xx\"} 1",
            "newsdesk_http_request_duration_seconds_bucket{route=\"/articles/{id}\",status=\"2xx\",le=\"0.001\"} 1",
            "newsdesk_feeds_due 7",
            "newsdesk_comments_held 2",
        ] {
            assert!(text.lines().any(|l| l == line), "missing `{line}` in\n{text}");
        }
        // Every sample belongs to a family declared with HELP and TYPE.
        for l in text.lines().filter(|l| !l.starts_with('#')) {
            let name = l.split(['{', ' ']).next().unwrap_or("");
            let family = name.trim_end_matches("_bucket").trim_end_matches("_sum").trim_end_matches("_count");
            assert!(text.contains(&format!("# TYPE {family} ")) || text.contains(&format!("# TYPE {name} ")), "{l}");
        }
    }
}
