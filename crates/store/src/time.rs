//! Times as stored: UTC, fixed-width text, so that text order is time order.

use chrono::{DateTime, NaiveDateTime, Utc};

use crate::StoreError;

const FORMAT: &str = "%Y-%m-%dT%H:%M:%S%.6fZ";

pub(crate) fn to_db(t: DateTime<Utc>) -> String {
    t.format(FORMAT).to_string()
}

pub(crate) fn from_db(s: &str) -> Result<DateTime<Utc>, StoreError> {
    // Every time the store wrote has the one shape of [`FORMAT`]: read it by position (a
    // page reads a dozen times, and a strftime pattern is parsed again at every call).
    // Anything else goes to chrono, which says what is wrong with it.
    if let Some(t) = fixed_width(s) {
        return Ok(t);
    }
    NaiveDateTime::parse_from_str(s, FORMAT)
        .map(|n| n.and_utc())
        .map_err(|e| StoreError::Corrupt(format!("time `{s}`: {e}")))
}

/// `2026-01-02T03:04:05.000006Z`, digits and separators in their places; `None` for any
/// other text or an impossible date.
fn fixed_width(s: &str) -> Option<DateTime<Utc>> {
    let b: &[u8; 27] = s.as_bytes().try_into().ok()?;
    let shape = b"dddd-dd-ddTdd:dd:dd.ddddddZ";
    if !b.iter().zip(shape).all(|(c, want)| if *want == b'd' { c.is_ascii_digit() } else { c == want }) {
        return None;
    }
    let n = |from: usize, to: usize| b[from..to].iter().fold(0_u32, |n, d| n * 10 + u32::from(d - b'0'));
    let date = chrono::NaiveDate::from_ymd_opt(i32::try_from(n(0, 4)).ok()?, n(5, 7), n(8, 10))?;
    let time = chrono::NaiveTime::from_hms_micro_opt(n(11, 13), n(14, 16), n(17, 19), n(20, 26))?;
    Some(date.and_time(time).and_utc())
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
        // The right shape with an impossible date or time, or a stray character in place.
        for bad in ["2026-02-30T03:04:05.000000Z", "2026-01-02T24:04:05.000000Z", "2026-01-02T03:04:05.00000xZ"] {
            assert!(matches!(from_db(bad), Err(StoreError::Corrupt(_))), "{bad}");
        }
    }

    #[test]
    fn the_stored_shape_reads_as_chrono_reads_it() {
        let mut t = Utc.with_ymd_and_hms(1999, 12, 31, 23, 59, 58).unwrap();
        for step in 0..2_000_i64 {
            t += chrono::Duration::microseconds(step * 7_777_777_777 + 1);
            let text = to_db(t);
            assert_eq!(fixed_width(&text), Some(t), "{text}");
            assert_eq!(NaiveDateTime::parse_from_str(&text, FORMAT).unwrap().and_utc(), t);
        }
        assert_eq!(fixed_width("2024-02-29T00:00:00.000000Z").map(|t| t.timestamp()), Some(1_709_164_800));
    }
}
