//! Dates as feeds write them: RFC 822/2822 (RSS), RFC 3339 and ISO 8601 (Atom, Dublin Core,
//! JSON Feed), and the usual mistakes (named zones, missing seconds or zones, wrong weekday,
//! full month and day names, a `T` missing or doubled). A date that cannot be read is `None`,
//! never an error: the entry is still stored, and dated by when it was first seen.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};

/// Reads a date as feeds and pages write it; `None` when it is not one.
pub fn parse_date(raw: &str) -> Option<DateTime<Utc>> {
    let s = raw.trim();
    if s.is_empty() || s.len() > 100 {
        return None;
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.to_utc());
    }
    if let Ok(t) = DateTime::parse_from_rfc2822(s) {
        return Some(t.to_utc());
    }
    parse_loose(s)
}

fn parse_loose(s: &str) -> Option<DateTime<Utc>> {
    // Drop a leading weekday ("Tue," / "Tuesday"), which may be wrong anyway.
    let first: String = s.chars().take_while(char::is_ascii_alphabetic).collect::<String>().to_ascii_lowercase();
    let is_weekday =
        first.len() >= 3 && ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].iter().any(|d| first.starts_with(d));
    let s = if is_weekday { s[first.len()..].trim_start_matches(',').trim() } else { s };
    if s.is_empty() {
        return None;
    }
    let (body, offset) = split_zone(s);
    let body = normalize_months(body.trim());
    let naive = NAIVE_FORMATS.iter().find_map(|f| NaiveDateTime::parse_from_str(&body, f).ok()).or_else(|| {
        DATE_ONLY_FORMATS
            .iter()
            .find_map(|f| NaiveDate::parse_from_str(&body, f).ok())
            .and_then(|d| d.and_hms_opt(0, 0, 0))
    })?;
    let offset = match offset {
        Some(o) => o,
        None => FixedOffset::east_opt(0)?,
    };
    offset.from_local_datetime(&naive).single().map(|t| t.to_utc())
}

const NAIVE_FORMATS: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%d %H:%M",
    // Two-digit years first: "%Y" would read "26" as the year 26.
    "%d %b %y %H:%M:%S",
    "%d %b %y %H:%M",
    "%d %b %Y %H:%M:%S",
    "%d %b %Y %H:%M",
    "%b %d %Y %H:%M:%S",
    "%b %d, %Y %H:%M:%S",
    "%b %d, %Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%Y/%m/%d %H:%M:%S",
];

const DATE_ONLY_FORMATS: &[&str] = &["%Y-%m-%d", "%d %b %Y", "%b %d, %Y", "%b %d %Y", "%Y/%m/%d"];

/// Splits off a trailing zone: `Z`, `+02:00`, `+0200`, `GMT`, `EST`, `UTC+2`.
fn split_zone(s: &str) -> (&str, Option<FixedOffset>) {
    let hours = |h: i32| FixedOffset::east_opt(h * 3600);
    if let Some(body) = s.strip_suffix('Z').or_else(|| s.strip_suffix('z'))
        && body.ends_with(|c: char| c.is_ascii_digit())
    {
        return (body, hours(0));
    }
    let (body, last) = match s.rsplit_once(' ') {
        Some((b, l)) => (b, l),
        None => (s, ""),
    };
    let named = match last.to_ascii_uppercase().as_str() {
        "GMT" | "UT" | "UTC" | "Z" => hours(0),
        "EST" => hours(-5),
        "EDT" => hours(-4),
        "CST" => hours(-6),
        "CDT" => hours(-5),
        "MST" => hours(-7),
        "MDT" => hours(-6),
        "PST" => hours(-8),
        "PDT" => hours(-7),
        "CET" => hours(1),
        "CEST" => hours(2),
        "BST" => hours(1),
        "IST" => FixedOffset::east_opt(5 * 3600 + 1800),
        "JST" => hours(9),
        "AEST" => hours(10),
        _ => None,
    };
    if named.is_some() {
        return (body, named);
    }
    let zone_text = last.trim_start_matches("GMT").trim_start_matches("UTC");
    if let Some(offset) = numeric_offset(zone_text) {
        return (body, Some(offset));
    }
    // An offset glued to the time: "2026-05-04T09:30:00+0200".
    if let Some(at) = s.rfind(['+', '-']).filter(|&i| i >= 16)
        && let Some(offset) = numeric_offset(&s[at..])
    {
        return (&s[..at], Some(offset));
    }
    (s, None)
}

fn numeric_offset(z: &str) -> Option<FixedOffset> {
    let (sign, digits) = match z.as_bytes().first()? {
        b'+' => (1, &z[1..]),
        b'-' => (-1, &z[1..]),
        _ => return None,
    };
    let digits: String = digits.chars().filter(char::is_ascii_digit).collect();
    let (h, m) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok()?, 0),
        4 => (digits[..2].parse::<i32>().ok()?, digits[2..].parse::<i32>().ok()?),
        _ => return None,
    };
    if h > 14 || m > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

/// "September" -> "Sep", "Sept" -> "Sep"; collapses spaces.
fn normalize_months(s: &str) -> String {
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    s.split_whitespace()
        .map(|w| {
            let lower = w.trim_end_matches([',', '.']).to_ascii_lowercase();
            match MONTHS
                .iter()
                .find(|m| lower.len() > 3 && lower.starts_with(*m) && lower.chars().all(|c| c.is_ascii_alphabetic()))
            {
                Some(m) => {
                    let mut short = m.to_string();
                    short[..1].make_ascii_uppercase();
                    if w.ends_with(',') { format!("{short},") } else { short }
                }
                None => w.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(raw: &str) -> String {
        parse_date(raw).map(|t| t.to_rfc3339()).unwrap_or_else(|| "none".into())
    }

    #[test]
    fn reads_standard_and_messy_dates() {
        let cases = [
            ("Mon, 04 May 2026 09:30:00 GMT", "2026-05-04T09:30:00+00:00"),
            ("Mon, 04 May 2026 09:30:00 +0200", "2026-05-04T07:30:00+00:00"),
            ("Fri, 04 May 2026 09:30:00 GMT", "2026-05-04T09:30:00+00:00"),
            ("4 May 2026 09:30 EST", "2026-05-04T14:30:00+00:00"),
            ("Monday, 04 May 2026 09:30:00 PDT", "2026-05-04T16:30:00+00:00"),
            ("04 September 2026 09:30:00 +0000", "2026-09-04T09:30:00+00:00"),
            ("4 Sept 2026 09:30:00 GMT", "2026-09-04T09:30:00+00:00"),
            ("2026-05-04T09:30:00Z", "2026-05-04T09:30:00+00:00"),
            ("2026-05-04T09:30:00.123+02:00", "2026-05-04T07:30:00.123+00:00"),
            ("2026-05-04T09:30:00+0200", "2026-05-04T07:30:00+00:00"),
            ("2026-05-04 09:30:00", "2026-05-04T09:30:00+00:00"),
            ("2026-05-04T09:30", "2026-05-04T09:30:00+00:00"),
            ("2026-05-04", "2026-05-04T00:00:00+00:00"),
            ("May 4, 2026", "2026-05-04T00:00:00+00:00"),
            ("Tue, 04 May 26 09:30:00 UTC+2", "2026-05-04T07:30:00+00:00"),
            ("yesterday", "none"),
            ("", "none"),
            ("Mon, 32 May 2026 09:30:00 GMT", "none"),
        ];
        for (raw, want) in cases {
            assert_eq!(iso(raw), want, "{raw}");
        }
    }
}
