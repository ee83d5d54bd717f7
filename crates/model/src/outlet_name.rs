//! An outlet's name from what its feeds call themselves. Sites title their feeds with the
//! site's name and a section ("Metro Times – World", "Business | The Harbour Gazette"); the
//! outlet is the site, so the section must not become its name.

/// What sites put between their name and a section, in feed and page titles.
const SEPARATORS: &[&str] = &[" | ", " – ", " — ", " - ", " :: ", " » ", " › ", " > ", " · ", " / ", ": "];

/// The non-empty parts of a title between separators, trimmed.
#[must_use]
pub fn title_parts(title: &str) -> Vec<&str> {
    let mut parts = vec![title.trim()];
    for sep in SEPARATORS {
        parts = parts.into_iter().flat_map(|p| p.split(sep)).map(str::trim).filter(|p| !p.is_empty()).collect();
    }
    parts
}

/// Letters and digits only, lowercased, without a leading "the".
fn squash(text: &str) -> String {
    let s: String = text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    match s.strip_prefix("the") {
        Some(rest) if rest.chars().count() >= 3 => rest.to_owned(),
        _ => s,
    }
}

/// The initials of a name's words ("Harbour Gazette" -> "hg").
fn initials(text: &str) -> String {
    text.split_whitespace()
        .filter_map(|w| w.chars().find(|c| c.is_alphanumeric()))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `part` spells the domain's first label: the same letters, one inside the other
/// when both are long enough to mean it, or its initials.
fn spells(part: &str, label: &str) -> bool {
    let s = squash(part);
    if s.is_empty() || label.is_empty() {
        return false;
    }
    let (n, m) = (s.chars().count(), label.chars().count());
    s == label
        || (m >= 3 && (s.starts_with(label) || s.ends_with(label)) && n <= 3 * m)
        || (n >= 5 && label.contains(s.as_str()))
        || (m >= 2 && part.split_whitespace().count() >= 2 && initials(part) == label)
}

/// The first label of a domain, hyphens dropped ("metro-times.co.uk" -> "metrotimes").
fn domain_label(domain: &str) -> String {
    domain.trim_start_matches("www.").split('.').next().unwrap_or_default().replace('-', "").to_lowercase()
}

/// The outlet's name in a feed's title, for an outlet on `domain`: the part that spells the
/// domain ("Metro Times – World" on metrotimes.example gives "Metro Times"); a title without
/// separators as it is; `None` when the title has several parts and none spells the domain
/// (which part is the site and which the section cannot be told).
#[must_use]
pub fn outlet_name_from_title(title: &str, domain: &str) -> Option<String> {
    let parts = title_parts(title);
    match parts.as_slice() {
        [] => None,
        [one] => Some((*one).to_owned()),
        _ => {
            let label = domain_label(domain);
            parts.iter().find(|p| spells(p, &label)).map(|p| (*p).to_owned())
        }
    }
}

/// The part two feed titles of one outlet share ("Metro Times – World" and "Metro Times –
/// Business" give "Metro Times"); `None` when they share none or are the same title.
#[must_use]
pub fn shared_title_part(a: &str, b: &str) -> Option<String> {
    let (pa, pb) = (title_parts(a), title_parts(b));
    if squash(a) == squash(b) {
        return None;
    }
    pa.iter().find(|p| pb.iter().any(|q| squash(p) == squash(q) && !squash(p).is_empty())).map(|p| (*p).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_part_that_spells_the_domain_is_the_outlet() {
        let cases = [
            ("Metro Times – World", "metrotimes.example", Some("Metro Times")),
            ("Business | The Harbour Gazette", "harbourgazette.example", Some("The Harbour Gazette")),
            ("Harbour Gazette: Top stories", "hg.example", Some("Harbour Gazette")),
            ("Coast Wire - Latest", "coast-wire.co.example", Some("Coast Wire")),
            ("KNX News > Sport > Cricket", "knx.example", Some("KNX News")),
            ("Metro Times", "metrotimes.example", Some("Metro Times")),
            ("World", "metrotimes.example", Some("World")),
            ("World – Markets", "metrotimes.example", None),
        ];
        for (title, domain, name) in cases {
            assert_eq!(outlet_name_from_title(title, domain).as_deref(), name, "{title} on {domain}");
        }
    }

    #[test]
    fn two_feeds_of_one_outlet_share_its_name() {
        assert_eq!(shared_title_part("Metro Times – World", "Metro Times – Business").as_deref(), Some("Metro Times"));
        assert_eq!(shared_title_part("World | Daily Post", "Daily Post | Sport").as_deref(), Some("Daily Post"));
        assert_eq!(shared_title_part("Metro Times – World", "Metro Times – World"), None);
        assert_eq!(shared_title_part("World news", "Sport"), None);
    }
}
