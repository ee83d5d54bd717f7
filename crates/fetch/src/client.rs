//! The fetcher: one GET, done politely and safely.

use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{
    ACCEPT, CACHE_CONTROL, CONTENT_LOCATION, CONTENT_TYPE, ETAG, HeaderMap, IF_MODIFIED_SINCE, IF_NONE_MATCH,
    LAST_MODIFIED, LOCATION, RETRY_AFTER,
};
use url::{Host, Url};

use crate::FetchConfig;
use crate::error::FetchError;
use crate::guard::{self, GuardedResolver, REFUSED_MARK};
use crate::hosts::Hosts;
use crate::robots::{MAX_ROBOTS_BYTES, RobotsCache, Rules};

/// What to fetch.
#[derive(Debug, Clone)]
pub struct FetchRequest<'a> {
    pub url: &'a Url,
    /// The validators from the last fetch, for a conditional GET.
    pub etag: Option<&'a str>,
    pub last_modified: Option<&'a str>,
    /// The Accept header.
    pub accept: &'a str,
}

impl<'a> FetchRequest<'a> {
    /// A plain GET of `url` accepting anything.
    #[must_use]
    pub fn new(url: &'a Url) -> Self {
        Self { url, etag: None, last_modified: None, accept: "*/*" }
    }
}

/// What came back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchResponse {
    /// The address after redirects.
    pub url: Url,
    pub status: u16,
    /// 304: the resource has not changed since the validators sent; `body` is empty.
    pub not_modified: bool,
    pub body: Vec<u8>,
    pub content_type: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// Set when every redirect on the way was permanent (301, 308): the new address to use.
    pub permanent_redirect: Option<Url>,
    /// Cache-Control max-age, when the server gave one.
    pub max_age: Option<Duration>,
    /// Content-Location, absolute: the address the server says this body has, against which
    /// its relative links resolve (as feed readers do; the body is never fetched from it).
    pub content_location: Option<Url>,
}

/// A polite, safe HTTP client. Cheap to clone; clones share connections and host limits.
#[derive(Debug, Clone)]
pub struct Fetcher {
    client: reqwest::Client,
    config: Arc<FetchConfig>,
    hosts: Arc<Hosts>,
    robots: Arc<RobotsCache>,
}

impl Fetcher {
    /// Builds a fetcher.
    ///
    /// # Errors
    /// When the HTTP client cannot be built (no TLS roots on this system, for example).
    pub fn new(config: FetchConfig) -> Result<Self, FetchError> {
        // rustls on ring: the process default, so no aws-lc build is needed.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = reqwest::Client::builder()
            .user_agent(config.user_agent.clone())
            .connect_timeout(config.connect_timeout)
            .read_timeout(config.read_timeout)
            .redirect(reqwest::redirect::Policy::none())
            // A proxy would connect on our behalf, past the address guard.
            .no_proxy()
            .dns_resolver(Arc::new(GuardedResolver {
                policy: config.addresses,
                named: config.allowed_link_local.clone().into(),
            }))
            .pool_max_idle_per_host(config.per_host_concurrency.max(1))
            .build()
            .map_err(|e| FetchError::Connect(format!("cannot build the HTTP client: {e}")))?;
        let hosts = Hosts::new(config.per_host_concurrency, config.per_host_interval, config.max_host_delay);
        Ok(Self { client, config: Arc::new(config), hosts: Arc::new(hosts), robots: Arc::new(RobotsCache::default()) })
    }

    /// GETs `request.url`, following redirects, within the total time limit.
    ///
    /// # Errors
    /// [`FetchError`] for every way a fetch can fail; see its variants.
    pub async fn fetch(&self, request: FetchRequest<'_>) -> Result<FetchResponse, FetchError> {
        let limit = self.config.total_timeout;
        tokio::time::timeout(limit, self.fetch_following(request)).await.unwrap_or(Err(FetchError::Timeout(limit)))
    }

    async fn fetch_following(&self, request: FetchRequest<'_>) -> Result<FetchResponse, FetchError> {
        let mut url = request.url.clone();
        let mut all_permanent = true;
        for _hop in 0..=self.config.max_redirects {
            self.check_address(&url)?;
            if self.config.obey_robots {
                self.check_robots(&url).await?;
            }
            let host = host_key(&url);
            let permit = self.hosts.acquire(&host).await;
            let mut builder = self.client.get(url.clone()).header(ACCEPT, request.accept);
            if let Some(etag) = request.etag {
                builder = builder.header(IF_NONE_MATCH, etag);
            }
            if let Some(lm) = request.last_modified {
                builder = builder.header(IF_MODIFIED_SINCE, lm);
            }
            let mut response = builder.send().await.map_err(|e| map_error(&e, &url, self.config.read_timeout))?;
            let status = response.status().as_u16();
            let headers = response.headers().clone();
            if matches!(status, 301 | 302 | 303 | 307 | 308) {
                drop(permit);
                let location = header(&headers, LOCATION.as_str()).ok_or(FetchError::BadRedirect)?;
                let next = url.join(&location).map_err(|_| FetchError::BadRedirect)?;
                all_permanent &= matches!(status, 301 | 308);
                url = next;
                continue;
            }
            let permanent_redirect = (all_permanent && url != *request.url).then(|| url.clone());
            if status == 304 {
                return Ok(FetchResponse {
                    status,
                    not_modified: true,
                    body: Vec::new(),
                    content_type: None,
                    etag: header(&headers, ETAG.as_str()).or_else(|| request.etag.map(str::to_owned)),
                    last_modified: header(&headers, LAST_MODIFIED.as_str())
                        .or_else(|| request.last_modified.map(str::to_owned)),
                    permanent_redirect,
                    max_age: max_age(&headers),
                    content_location: None,
                    url,
                });
            }
            if !(200..300).contains(&status) {
                let retry_after = (status == 429 || status == 503)
                    .then(|| retry_after(&headers).unwrap_or(Duration::from_secs(60)).min(self.config.max_host_delay));
                if let Some(delay) = retry_after {
                    self.hosts.back_off(&host, delay);
                }
                return Err(FetchError::Status { status, retry_after });
            }
            let body = read_capped(&mut response, self.config.max_body_bytes, self.config.read_timeout).await?;
            drop(permit);
            return Ok(FetchResponse {
                status,
                not_modified: false,
                body,
                content_type: header(&headers, CONTENT_TYPE.as_str()),
                etag: header(&headers, ETAG.as_str()),
                last_modified: header(&headers, LAST_MODIFIED.as_str()),
                permanent_redirect,
                max_age: max_age(&headers),
                content_location: header(&headers, CONTENT_LOCATION.as_str())
                    .and_then(|l| url.join(&l).ok())
                    .filter(|u| matches!(u.scheme(), "http" | "https")),
                url,
            });
        }
        Err(FetchError::TooManyRedirects(self.config.max_redirects))
    }

    /// Refuses non-web schemes and IP literals the policy does not allow. Host names are
    /// checked by the resolver when the connection is made.
    fn check_address(&self, url: &Url) -> Result<(), FetchError> {
        if !matches!(url.scheme(), "http" | "https") {
            return Err(FetchError::BadUrl(url.as_str().chars().take(200).collect()));
        }
        let ip = match url.host() {
            Some(Host::Ipv4(v4)) => std::net::IpAddr::V4(v4),
            Some(Host::Ipv6(v6)) => std::net::IpAddr::V6(v6),
            Some(Host::Domain(_)) => return Ok(()),
            None => return Err(FetchError::BadUrl(url.as_str().chars().take(200).collect())),
        };
        if guard::allowed(self.config.addresses, ip, &self.config.allowed_link_local) {
            Ok(())
        } else {
            Err(FetchError::PrivateAddress(ip.to_string()))
        }
    }

    async fn check_robots(&self, url: &Url) -> Result<(), FetchError> {
        let origin = url.origin().ascii_serialization();
        let rules = match self.robots.get(&origin) {
            Some(rules) => rules,
            None => {
                let (rules, failed) = self.fetch_robots(url).await;
                let rules = self.robots.put(&origin, rules, failed);
                if let Some(delay) = rules.crawl_delay() {
                    self.hosts.set_crawl_delay(&host_key(url), delay);
                }
                rules
            }
        };
        if rules.allows(url.as_str()) { Ok(()) } else { Err(FetchError::RobotsDisallowed(origin)) }
    }

    /// Reads `/robots.txt` of the URL's origin. Redirects are followed (to the limit) like any
    /// fetch, but robots.txt itself is not checked against robots.txt.
    async fn fetch_robots(&self, url: &Url) -> (Rules, bool) {
        let Ok(robots_url) = url.join("/robots.txt") else { return (Rules::AllowAll, true) };
        let mut target = robots_url;
        for _ in 0..=self.config.max_redirects {
            if self.check_address(&target).is_err() {
                return (Rules::AllowAll, true);
            }
            let permit = self.hosts.acquire(&host_key(&target)).await;
            let sent = self.client.get(target.clone()).header(ACCEPT, "text/plain").send().await;
            let Ok(mut response) = sent else {
                // The site cannot be reached; the fetch itself will say why.
                return (Rules::AllowAll, true);
            };
            let status = response.status().as_u16();
            if matches!(status, 301 | 302 | 303 | 307 | 308) {
                drop(permit);
                match header(response.headers(), LOCATION.as_str()).and_then(|l| target.join(&l).ok()) {
                    Some(next) => {
                        target = next;
                        continue;
                    }
                    None => return (Rules::AllowAll, true),
                }
            }
            let body = read_capped(&mut response, MAX_ROBOTS_BYTES, self.config.read_timeout).await.unwrap_or_default();
            return (Rules::from_response(status, &body), false);
        }
        (Rules::AllowAll, true)
    }
}

/// `host:port`, the unit of politeness.
fn host_key(url: &Url) -> String {
    format!("{}:{}", url.host_str().unwrap_or_default(), url.port_or_known_default().unwrap_or(0))
}

fn header(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty() && s.len() <= 1024)
}

/// Reads the body, decompressed, stopping as soon as it passes `cap`.
async fn read_capped(
    response: &mut reqwest::Response,
    cap: usize,
    read_timeout: Duration,
) -> Result<Vec<u8>, FetchError> {
    let mut body =
        Vec::with_capacity(response.content_length().map_or(64 * 1024, |n| usize::try_from(n).unwrap_or(cap).min(cap)));
    loop {
        let chunk = response.chunk().await.map_err(|e| {
            if e.is_timeout() { FetchError::Stalled(read_timeout) } else { FetchError::Body(chain(&e)) }
        })?;
        let Some(chunk) = chunk else { break };
        if body.len() + chunk.len() > cap {
            return Err(FetchError::TooLarge(cap));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// `Retry-After: 120` or `Retry-After: <HTTP date>`.
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let raw = header(headers, RETRY_AFTER.as_str())?;
    if let Ok(secs) = raw.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = chrono::DateTime::parse_from_rfc2822(&raw).ok()?;
    let secs = (at.to_utc() - chrono::Utc::now()).num_seconds().max(0);
    Some(Duration::from_secs(u64::try_from(secs).unwrap_or(0)))
}

fn max_age(headers: &HeaderMap) -> Option<Duration> {
    let cc = header(headers, CACHE_CONTROL.as_str())?.to_ascii_lowercase();
    if cc.contains("no-store") || cc.contains("no-cache") {
        return None;
    }
    cc.split(',')
        .find_map(|d| d.trim().strip_prefix("max-age=").and_then(|v| v.trim_matches('"').parse::<u64>().ok()))
        .map(Duration::from_secs)
}

fn chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut source = e.source();
    while let Some(inner) = source {
        let text = inner.to_string();
        if !s.contains(&text) {
            s.push_str(": ");
            s.push_str(&text);
        }
        source = inner.source();
    }
    s
}

fn map_error(e: &reqwest::Error, url: &Url, read_timeout: Duration) -> FetchError {
    let detail = chain(e);
    if detail.contains(REFUSED_MARK) {
        let host = detail.split(REFUSED_MARK).nth(1).unwrap_or_default().trim_start_matches(':').trim();
        return FetchError::PrivateAddress(host.split(" resolves to ").last().unwrap_or(host).to_owned());
    }
    if e.is_timeout() {
        return FetchError::Timeout(read_timeout);
    }
    let lower = detail.to_ascii_lowercase();
    // hyper's words for a head past its bounds (httparse's 100 headers, or ~400 KB of them).
    if lower.contains("message head is too large") || lower.contains("too many headers") {
        return FetchError::BadResponse(
            "its headers are more than newsdesk reads (at most 100 headers, about 400 KB)".into(),
        );
    }
    if lower.contains("invalid http") || lower.contains("invalid header") || lower.contains("invalid status") {
        return FetchError::BadResponse(format!(
            "it is not HTTP newsdesk can read ({})",
            detail.rsplit(": ").next().unwrap_or_default()
        ));
    }
    if lower.contains("dns") || lower.contains("failed to lookup") || lower.contains("name or service not known") {
        // The resolver's own words, not the HTTP client's layers around them.
        let why = detail.rsplit(": ").next().unwrap_or("no address for it").trim();
        return FetchError::Dns(format!("{} ({why})", url.host_str().unwrap_or_default()));
    }
    FetchError::Connect(detail.chars().take(300).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::AddressPolicy;

    #[test]
    fn reads_retry_after_and_max_age() {
        let mut h = HeaderMap::new();
        h.insert(RETRY_AFTER, "120".parse().unwrap());
        h.insert(CACHE_CONTROL, "public, max-age=900".parse().unwrap());
        assert_eq!(retry_after(&h), Some(Duration::from_secs(120)));
        assert_eq!(max_age(&h), Some(Duration::from_secs(900)));
        h.insert(RETRY_AFTER, "Wed, 21 Oct 2015 07:28:00 GMT".parse().unwrap());
        assert_eq!(retry_after(&h), Some(Duration::ZERO), "a date in the past means now");
        h.insert(CACHE_CONTROL, "no-cache, max-age=60".parse().unwrap());
        assert_eq!(max_age(&h), None);
    }

    #[test]
    fn policy_matters_for_ip_literals() {
        let fetcher = Fetcher::new(FetchConfig::default()).unwrap();
        let err = fetcher.check_address(&Url::parse("http://169.254.169.254/latest/meta-data").unwrap()).unwrap_err();
        assert_eq!(err, FetchError::PrivateAddress("169.254.169.254".into()));
        assert!(fetcher.check_address(&Url::parse("http://[::ffff:10.0.0.1]/").unwrap()).is_err());
        assert!(fetcher.check_address(&Url::parse("ftp://files.example/").unwrap()).is_err());
        assert!(fetcher.check_address(&Url::parse("https://news.example/").unwrap()).is_ok());
        let open = Fetcher::new(FetchConfig { addresses: AddressPolicy::Any, ..FetchConfig::default() }).unwrap();
        assert!(open.check_address(&Url::parse("http://10.0.0.1/").unwrap()).is_ok());
    }
}
