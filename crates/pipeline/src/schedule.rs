//! When to poll a feed next. Pure: `now` and everything else passed in.
//!
//! A feed that publishes often is polled often: the interval is half the mean gap between its
//! newest entries, bounded by a minimum and a maximum. The feed's `<ttl>` and the server's
//! Cache-Control max-age lengthen it; `<skipHours>` moves it out of those hours; errors back
//! off exponentially, and never sooner than a Retry-After.

use std::time::Duration;

use chrono::{DateTime, Timelike, Utc};

/// Bounds for polling intervals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScheduleConfig {
    pub min_interval: Duration,
    pub max_interval: Duration,
    /// For a feed whose entries carry no dates.
    pub default_interval: Duration,
}

impl Default for ScheduleConfig {
    fn default() -> Self {
        Self {
            min_interval: Duration::from_secs(10 * 60),
            max_interval: Duration::from_secs(24 * 3600),
            default_interval: Duration::from_secs(3600),
        }
    }
}

/// What the last poll learned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Learned<'a> {
    /// The feed was read; these are its entries' publication times.
    Entries(&'a [DateTime<Utc>]),
    /// Nothing changed (304): keep the interval chosen last time.
    Unchanged { previous: Duration },
    /// The poll failed for the `errors`-th time in a row.
    Failed { errors: u32, retry_after: Option<Duration> },
}

/// Hints from the feed and the server.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hints<'a> {
    pub ttl_minutes: Option<u32>,
    pub max_age: Option<Duration>,
    /// UTC hours (0-23) in which the feed asks not to be polled.
    pub skip_hours: &'a [u8],
}

/// The next poll time and the interval it came from.
#[must_use]
pub fn next_poll(
    now: DateTime<Utc>,
    learned: &Learned<'_>,
    hints: &Hints<'_>,
    config: &ScheduleConfig,
) -> (DateTime<Utc>, Duration) {
    let clamp = |d: Duration| d.clamp(config.min_interval, config.max_interval);
    let interval = match learned {
        Learned::Entries(times) => clamp(publishing_interval(times).unwrap_or(config.default_interval)),
        Learned::Unchanged { previous } => clamp(*previous),
        Learned::Failed { errors, retry_after } => {
            let exp = errors.saturating_sub(1).min(16);
            let backoff = clamp(config.min_interval.saturating_mul(1 << exp));
            // The fetcher caps Retry-After already; the server's wish wins over our backoff.
            backoff.max(retry_after.unwrap_or_default())
        }
    };
    let mut interval = interval;
    if !matches!(learned, Learned::Failed { .. }) {
        let ttl = hints.ttl_minutes.map(|m| Duration::from_secs(u64::from(m) * 60)).unwrap_or_default();
        interval =
            interval.max(ttl.min(config.max_interval)).max(hints.max_age.unwrap_or_default().min(config.max_interval));
    }
    let mut next = now + chrono::Duration::from_std(interval).unwrap_or(chrono::Duration::hours(1));
    // Out of skipped hours: to the start of the next hour that is not skipped.
    for _ in 0..24 {
        let hour = u8::try_from(next.hour()).unwrap_or(0);
        if !hints.skip_hours.contains(&hour) {
            break;
        }
        let to_next_hour = 3600 - i64::from(next.minute() * 60 + next.second());
        next += chrono::Duration::seconds(to_next_hour);
    }
    (next, interval)
}

/// Half the mean gap between the (up to) ten newest distinct publication times.
fn publishing_interval(times: &[DateTime<Utc>]) -> Option<Duration> {
    let mut sorted: Vec<DateTime<Utc>> = times.to_vec();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    sorted.dedup();
    sorted.truncate(10);
    if sorted.len() < 2 {
        return None;
    }
    let span = (sorted[0] - sorted[sorted.len() - 1]).num_seconds();
    let gaps = i64::try_from(sorted.len() - 1).ok()?;
    let mean = u64::try_from(span / gaps).ok()?;
    Some(Duration::from_secs(mean / 2))
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 5, 4, h, m, 0).unwrap()
    }

    const MIN: Duration = Duration::from_secs(600);

    #[test]
    fn busy_feeds_are_polled_often_quiet_ones_rarely() {
        let c = ScheduleConfig::default();
        let hourly: Vec<_> = (0..10).map(|h| at(h, 0)).collect();
        assert_eq!(
            next_poll(at(12, 0), &Learned::Entries(&hourly), &Hints::default(), &c).1,
            Duration::from_secs(1800)
        );
        let every_minute: Vec<_> = (0..10).map(|m| at(9, m)).collect();
        assert_eq!(
            next_poll(at(12, 0), &Learned::Entries(&every_minute), &Hints::default(), &c).1,
            MIN,
            "never below the minimum"
        );
        let weekly: Vec<_> = (0..3).map(|w| at(0, 0) - chrono::Duration::weeks(w)).collect();
        assert_eq!(next_poll(at(12, 0), &Learned::Entries(&weekly), &Hints::default(), &c).1, c.max_interval);
        assert_eq!(next_poll(at(12, 0), &Learned::Entries(&[]), &Hints::default(), &c).1, c.default_interval);
    }

    #[test]
    fn ttl_and_max_age_lengthen_and_skip_hours_move() {
        let c = ScheduleConfig::default();
        let hourly: Vec<_> = (0..10).map(|h| at(h, 0)).collect();
        let ttl = Hints { ttl_minutes: Some(120), ..Hints::default() };
        assert_eq!(next_poll(at(12, 0), &Learned::Entries(&hourly), &ttl, &c).1, Duration::from_secs(7200));
        let cached = Hints { max_age: Some(Duration::from_secs(5400)), ..Hints::default() };
        assert_eq!(next_poll(at(12, 0), &Learned::Entries(&hourly), &cached, &c).1, Duration::from_secs(5400));
        let skip = Hints { skip_hours: &[12, 13], ..Hints::default() };
        assert_eq!(next_poll(at(11, 50), &Learned::Entries(&hourly), &skip, &c).0, at(14, 0));
    }

    #[test]
    fn errors_back_off_exponentially_and_honour_retry_after() {
        let c = ScheduleConfig::default();
        let failed = |errors, retry_after| {
            next_poll(at(12, 0), &Learned::Failed { errors, retry_after }, &Hints::default(), &c).1
        };
        assert_eq!(failed(1, None), MIN);
        assert_eq!(failed(2, None), MIN * 2);
        assert_eq!(failed(4, None), MIN * 8);
        assert_eq!(failed(30, None), c.max_interval);
        assert_eq!(failed(1, Some(Duration::from_secs(3600))), Duration::from_secs(3600));
        let unchanged =
            next_poll(at(12, 0), &Learned::Unchanged { previous: Duration::from_secs(2400) }, &Hints::default(), &c);
        assert_eq!(unchanged, (at(12, 40), Duration::from_secs(2400)));
    }
}
