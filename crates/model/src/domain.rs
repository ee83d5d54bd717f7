//! Host names and registrable domains ("www.news.example.co.uk" -> "example.co.uk").

/// A string that is not a usable host name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{input}` is not a host name: expected something like www.example.org")]
pub struct HostError {
    /// What was given, cut to 80 characters.
    pub input: String,
}

/// Reads a host from a bare host name ("www.Example.org.") or from a URL
/// ("https://www.example.org/x"), and returns it lowercased without a trailing dot.
///
/// # Errors
/// [`HostError`] when no host name can be read, or the host is an IP address literal.
pub fn normalize_host(input: &str) -> Result<String, HostError> {
    let err = || HostError { input: input.chars().take(80).collect() };
    let trimmed = input.trim();
    let host = if trimmed.contains("://") {
        url::Url::parse(trimmed).ok().and_then(|u| u.host_str().map(str::to_owned)).ok_or_else(err)?
    } else {
        trimmed.to_owned()
    };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let valid_chars = host.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
    let labels_ok = host.split('.').all(|l| !l.is_empty() && l.len() <= 63 && !l.starts_with('-') && !l.ends_with('-'));
    let is_ip = host.parse::<std::net::IpAddr>().is_ok();
    if host.is_empty() || host.len() > 253 || !valid_chars || !labels_ok || !host.contains('.') || is_ip {
        return Err(err());
    }
    Ok(host)
}

/// The registrable domain ("eTLD+1") of a host, by the public suffix list, or `None` when the
/// host is itself a public suffix or has none.
#[must_use]
pub fn registrable_domain(host: &str) -> Option<String> {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let domain = psl::domain_str(&host)?;
    Some(domain.to_owned())
}

/// `scheme://user:secret@host` -> `scheme://user:***@host`, for error messages, logs and
/// `newsdesk config dump`.
#[must_use]
pub fn redact_password(location: &str) -> String {
    let Some((scheme, rest)) = location.split_once("://") else { return location.to_owned() };
    let Some((userinfo, host)) = rest.split_once('@') else { return location.to_owned() };
    match userinfo.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => location.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_hosts_and_urls() {
        assert_eq!(normalize_host("www.Example.ORG.").unwrap(), "www.example.org");
        assert_eq!(normalize_host(" https://news.example.co.uk/a/b?c=d ").unwrap(), "news.example.co.uk");
    }

    #[test]
    fn rejects_non_hosts() {
        for bad in ["", "localhost", "exa mple.org", "-bad.example", "127.0.0.1", "https://", "a..b"] {
            assert!(normalize_host(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn registrable_domain_uses_the_suffix_list() {
        assert_eq!(registrable_domain("www.news.example.co.uk").as_deref(), Some("example.co.uk"));
        assert_eq!(registrable_domain("WWW.Example.com").as_deref(), Some("example.com"));
        assert_eq!(registrable_domain("co.uk"), None);
    }
}
