//! Query-string parameters, read by hand so that any malformed input becomes a 400 page that
//! says what to fix, never a framework rejection.

use crate::WebError;

/// Highest page number accepted; deeper pages are refused rather than scanned.
pub(crate) const MAX_PAGE: u64 = 10_000;

/// The value of `name` in a raw query string (the last one wins).
pub(crate) fn param(raw: Option<&str>, name: &str) -> Option<String> {
    let raw = raw?;
    url::form_urlencoded::parse(raw.as_bytes()).filter(|(k, _)| k == name).map(|(_, v)| v.into_owned()).last()
}

/// The 1-based `page` parameter; absent means 1.
pub(crate) fn page(raw: Option<&str>) -> Result<u64, WebError> {
    match param(raw, "page") {
        None => Ok(1),
        Some(v) if v.trim().is_empty() => Ok(1),
        Some(v) => match v.trim().parse::<u64>() {
            Ok(n) if (1..=MAX_PAGE).contains(&n) => Ok(n),
            _ => Err(WebError::BadRequest(format!(
                "The page number must be a whole number from 1 to {MAX_PAGE}; `{}` is not.",
                v.chars().take(40).collect::<String>()
            ))),
        },
    }
}

/// Links to the previous and next pages of a list that has `total` items.
pub(crate) fn pager(
    base: &str,
    extra: &[(&str, &str)],
    page: u64,
    page_size: u32,
    total: u64,
) -> (Option<String>, Option<String>, u64) {
    let pages = total.div_ceil(u64::from(page_size.max(1))).max(1);
    let url = |p: u64| {
        let mut q = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in extra {
            q.append_pair(k, v);
        }
        if p > 1 {
            q.append_pair("page", &p.to_string());
        }
        let q = q.finish();
        if q.is_empty() { base.to_owned() } else { format!("{base}?{q}") }
    };
    let prev = (page > 1 && page <= pages + 1).then(|| url(page - 1));
    let next = (page < pages).then(|| url(page + 1));
    (prev, next, pages)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_parse_or_say_what_is_wrong() {
        assert_eq!(page(None).unwrap(), 1);
        assert_eq!(page(Some("page=3")).unwrap(), 3);
        assert_eq!(page(Some("page=")).unwrap(), 1);
        for bad in ["page=0", "page=-1", "page=abc", "page=99999999999999999999", "page=10001"] {
            let err = page(Some(bad)).unwrap_err();
            assert!(err.to_string().contains("whole number from 1 to 10000"), "{bad}: {err}");
        }
    }

    #[test]
    fn pager_links_keep_the_query() {
        let (prev, next, pages) = pager("/search", &[("q", "a&b c")], 2, 10, 35);
        assert_eq!(prev.as_deref(), Some("/search?q=a%26b+c"));
        assert_eq!(next.as_deref(), Some("/search?q=a%26b+c&page=3"));
        assert_eq!(pages, 4);
        let (prev, next, _) = pager("/", &[], 1, 10, 5);
        assert_eq!((prev, next), (None, None));
    }
}
