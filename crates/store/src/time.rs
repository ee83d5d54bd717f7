//! Times as stored: UTC, fixed-width text, so that text order is time order.

use chrono::{DateTime, NaiveDateTime, Utc};

use crate::StoreError;

const FORMAT: &str = "%Y-%m-%dT%H:%M:%S%.6fZ";

pub(crate) fn to_db(t: DateTime<Utc>) -> String {
    t.format(FORMAT).to_string()
}

pub(crate) fn from_db(s: &str) -> Result<DateTime<Utc>, StoreError> {
    NaiveDateTime::parse_from_str(s, FORMAT)
        .map(|n| n.and_utc())
        .map_err(|e| StoreError::Corrupt(format!("time `{s}`: {e}")))
}

/// Microsecond precision, the precision the store keeps, so that what is written is what is
/// read back.
pub(crate) fn now() -> DateTime<Utc> {
    truncate(Utc::now())
}

pub(crate) fn truncate(t: DateTime<Utc>) -> DateTime<Utc> {
    DateTime::from_timestamp_micros(t.timestamp_micros()).unwrap_or(t)
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn round_trips_and_sorts_as_text() {
        let a = Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 5).unwrap();
        let b = a + chrono::Duration::microseconds(1);
        assert_eq!(to_db(a), "2026-01-02T03:04:05.000000Z");
        assert_eq!(from_db(&to_db(b)).unwrap(), b);
        assert!(to_db(a) < to_db(b));
    }

    #[test]
    fn damaged_text_is_an_error() {
        assert!(matches!(from_db("yesterday"), Err(StoreError::Corrupt(_))));
    }
}
