//! The image proxy: every picture a page shows (an article's lead image, the figures of its
//! body) is served from this site, so a reader's browser never contacts the outlet or a
//! third party and the CSP stays `img-src 'self'`.
//!
//! Addresses are signed: `/img/{mac}?u={url}` where `mac` is an HMAC of the URL under the
//! site's `images` secret (shared by every node through the database). Only addresses this
//! site wrote into a page are fetched; it is never an open proxy. The fetching itself (the
//! address guard, time and size limits) is the binary's safe fetcher, given as an
//! [`ImageFetcher`]; answers are checked again here: at most [`MAX_IMAGE_BYTES`], and only
//! JPEG, PNG, GIF, WebP and AVIF by their first bytes (never SVG, which can hold scripts).
//! Images are cached in memory, at most [`CACHE_BYTES`] in all; failures are remembered for
//! [`FAILURE_TTL`] so that a broken image is not fetched again for every reader.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use url::Url;

use crate::security::{hex, hmac};
use crate::state::AppState;

/// The largest image served.
pub const MAX_IMAGE_BYTES: usize = 5 * 1024 * 1024;
/// Images kept in memory at most, in bytes.
const CACHE_BYTES: usize = 64 * 1024 * 1024;
/// How long a failed image is not fetched again.
const FAILURE_TTL: Duration = Duration::from_secs(600);
/// Image fetches under way at once; more get 503 and the browser tries again later.
const MAX_FETCHES: usize = 16;

/// What the binary's fetcher brought back.
#[derive(Debug, Clone)]
pub struct FetchedImage {
    pub status: u16,
    pub body: Vec<u8>,
}

/// Fetches an image address safely (the binary wires the crawler's fetcher, with its address
/// guard and bounds). The error is a sentence saying why nothing was fetched.
pub trait ImageFetcher: Send + Sync + 'static {
    fn fetch<'a>(&'a self, url: &'a Url) -> Pin<Box<dyn Future<Output = Result<FetchedImage, String>> + Send + 'a>>;
}

/// Signs image addresses for pages. The key is read once from the store (see
/// [`AppState::image_key`]); until then no image address is written.
#[derive(Default)]
pub(crate) struct ImageSigner {
    key: OnceLock<Vec<u8>>,
}

impl ImageSigner {
    pub(crate) fn set_key(&self, key: Vec<u8>) {
        let _ = self.key.set(key);
    }

    pub(crate) fn has_key(&self) -> bool {
        self.key.get().is_some()
    }

    fn mac(key: &[u8], url: &str) -> String {
        hex(&hmac(key, format!("image|{url}").as_bytes())[..16])
    }

    /// The site path that serves `url` through the proxy; `None` for an address that is not
    /// http(s) or before the key is known.
    pub(crate) fn path(&self, url: &str) -> Option<String> {
        let key = self.key.get()?;
        let parsed = Url::parse(url).ok().filter(|u| matches!(u.scheme(), "http" | "https"))?;
        let url = parsed.as_str();
        let query: String = url::form_urlencoded::byte_serialize(url.as_bytes()).collect();
        Some(format!("/img/{}?u={query}", Self::mac(key, url)))
    }

    fn verify(&self, mac: &str, url: &str) -> bool {
        let Some(key) = self.key.get() else { return false };
        let expected = Self::mac(key, url);
        crate::security::same_mac(&expected, mac)
    }
}

/// The media type of an image by its first bytes; `None` for anything else.
pub(crate) fn sniff(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xD8, 0xFF, ..] => Some("image/jpeg"),
        [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => Some("image/png"),
        [b'G', b'I', b'F', b'8', b'7' | b'9', b'a', ..] => Some("image/gif"),
        [b'R', b'I', b'F', b'F', _, _, _, _, b'W', b'E', b'B', b'P', ..] => Some("image/webp"),
        [_, _, _, _, b'f', b't', b'y', b'p', b'a', b'v', b'i', b'f' | b's', ..] => Some("image/avif"),
        _ => None,
    }
}

/// Why an image is not served, and the status that says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// Not an address this site signed.
    Unsigned,
    /// The fetcher refused or failed (a private address, a timeout, too large a body).
    Unreachable(String),
    /// The outlet answered with an error status.
    Status(u16),
    TooLarge(usize),
    NotAnImage,
    Busy,
    NoFetcher,
}

impl Refusal {
    fn status(&self) -> StatusCode {
        match self {
            Self::Unsigned => StatusCode::FORBIDDEN,
            Self::Unreachable(_) | Self::Status(_) | Self::TooLarge(_) | Self::NotAnImage => StatusCode::BAD_GATEWAY,
            Self::Busy | Self::NoFetcher => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    fn message(&self) -> String {
        match self {
            Self::Unsigned => "this image address was not made by this site".to_owned(),
            Self::Unreachable(why) => format!("the image cannot be fetched: {why}"),
            Self::Status(s) => format!("the image's site answered {s}"),
            Self::TooLarge(n) => format!("the image is {n} bytes or more; the limit is {MAX_IMAGE_BYTES}"),
            Self::NotAnImage => "the address does not hold a JPEG, PNG, GIF, WebP or AVIF image".to_owned(),
            Self::Busy => "too many images are being fetched; try again shortly".to_owned(),
            Self::NoFetcher => "this site does not fetch images".to_owned(),
        }
    }
}

#[derive(Clone)]
enum Cached {
    Image { media_type: &'static str, bytes: Arc<[u8]> },
    Failed { at: Instant, why: Refusal },
}

/// Images and failures by address, bounded in bytes; the oldest go first.
#[derive(Default)]
pub(crate) struct ImageCache {
    inner: Mutex<CacheInner>,
}

#[derive(Default)]
struct CacheInner {
    entries: HashMap<String, (u64, Cached)>,
    bytes: usize,
    clock: u64,
}

impl ImageCache {
    fn get(&self, url: &str) -> Option<Cached> {
        let mut inner = self.inner.lock().ok()?;
        inner.clock += 1;
        let now = inner.clock;
        let (used, entry) = inner.entries.get_mut(url)?;
        if let Cached::Failed { at, .. } = entry
            && at.elapsed() > FAILURE_TTL
        {
            return None;
        }
        *used = now;
        Some(entry.clone())
    }

    fn put(&self, url: String, entry: Cached) {
        let Ok(mut inner) = self.inner.lock() else { return };
        let size = match &entry {
            Cached::Image { bytes, .. } => bytes.len(),
            Cached::Failed { .. } => 0,
        } + url.len();
        while inner.bytes + size > CACHE_BYTES && !inner.entries.is_empty() {
            // The least recently used goes (a scan: evictions are rare next to hits).
            let oldest = inner.entries.iter().min_by_key(|(_, (used, _))| *used).map(|(k, _)| k.clone());
            if let Some(k) = oldest
                && let Some((_, old)) = inner.entries.remove(&k)
            {
                inner.bytes -= k.len()
                    + match old {
                        Cached::Image { bytes, .. } => bytes.len(),
                        Cached::Failed { .. } => 0,
                    };
            }
        }
        inner.clock += 1;
        let now = inner.clock;
        if let Some((_, old)) = inner.entries.insert(url.clone(), (now, entry)) {
            inner.bytes -= url.len()
                + match old {
                    Cached::Image { bytes, .. } => bytes.len(),
                    Cached::Failed { .. } => 0,
                };
        }
        inner.bytes += size;
    }
}

/// The proxy's state: the signer, the cache, the fetcher and the bound on fetches.
pub(crate) struct ImageProxy {
    pub(crate) signer: Arc<ImageSigner>,
    cache: ImageCache,
    fetcher: Option<Arc<dyn ImageFetcher>>,
    fetches: tokio::sync::Semaphore,
}

impl ImageProxy {
    pub(crate) fn new(fetcher: Option<Arc<dyn ImageFetcher>>) -> Self {
        Self {
            signer: Arc::new(ImageSigner::default()),
            cache: ImageCache::default(),
            fetcher,
            fetches: tokio::sync::Semaphore::new(MAX_FETCHES),
        }
    }

    async fn load(&self, url: &Url) -> Result<(&'static str, Arc<[u8]>), Refusal> {
        if let Some(cached) = self.cache.get(url.as_str()) {
            return match cached {
                Cached::Image { media_type, bytes } => Ok((media_type, bytes)),
                Cached::Failed { why, .. } => Err(why),
            };
        }
        let fetcher = self.fetcher.as_ref().ok_or(Refusal::NoFetcher)?;
        let _permit = self.fetches.try_acquire().map_err(|_| Refusal::Busy)?;
        let result = match fetcher.fetch(url).await {
            Err(why) => Err(Refusal::Unreachable(why)),
            Ok(r) if !(200..300).contains(&r.status) => Err(Refusal::Status(r.status)),
            Ok(r) if r.body.len() > MAX_IMAGE_BYTES => Err(Refusal::TooLarge(r.body.len())),
            Ok(r) => match sniff(&r.body) {
                Some(media_type) => Ok((media_type, Arc::<[u8]>::from(r.body))),
                None => Err(Refusal::NotAnImage),
            },
        };
        let entry = match &result {
            Ok((media_type, bytes)) => Cached::Image { media_type, bytes: Arc::clone(bytes) },
            Err(why) => Cached::Failed { at: Instant::now(), why: why.clone() },
        };
        self.cache.put(url.as_str().to_owned(), entry);
        result
    }
}

/// Before any page renders, the signing key is known (one store read per process).
pub(crate) async fn key_ready(state: &AppState) {
    // A store that cannot be read now fails the page on its own; the check endpoints and error
    // pages still answer, without images.
    if let Err(e) = state.image_key().await {
        tracing::warn!(error = %e, "the image proxy's key cannot be read yet");
    }
}

#[derive(Deserialize)]
pub(crate) struct ImageQuery {
    u: Option<String>,
}

/// `GET /img/{mac}?u=URL`: the image, from the cache or fetched.
pub(crate) async fn image(
    State(state): State<AppState>,
    Path(mac): Path<String>,
    Query(query): Query<ImageQuery>,
) -> Response {
    let url = query.u.as_deref().and_then(|u| Url::parse(u).ok()).filter(|u| matches!(u.scheme(), "http" | "https"));
    let result = match url {
        Some(url) if state.images.signer.verify(&mac, url.as_str()) => state.images.load(&url).await,
        _ => Err(Refusal::Unsigned),
    };
    match result {
        Ok((media_type, bytes)) => {
            let mut response = Body::from(axum::body::Bytes::from_owner(bytes)).into_response();
            let h = response.headers_mut();
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static(media_type));
            // A signed address names one image for good: browsers and caches keep it.
            h.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=604800, immutable"));
            response
        }
        Err(why) => {
            if let Refusal::Unreachable(detail) = &why {
                tracing::info!(detail, "image not fetched");
            }
            let mut response = (why.status(), why.message()).into_response();
            response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_types_are_known_by_their_first_bytes() {
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0]), Some("image/jpeg"));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some("image/png"));
        assert_eq!(sniff(b"GIF89a...."), Some("image/gif"));
        assert_eq!(sniff(b"RIFF\x10\0\0\0WEBPVP8 "), Some("image/webp"));
        assert_eq!(sniff(b"\0\0\0\x1cftypavif\0\0"), Some("image/avif"));
        assert_eq!(sniff(b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"), None);
        assert_eq!(sniff(b"<!doctype html><p>not found</p>"), None);
        assert_eq!(sniff(b""), None);
    }

    #[test]
    fn signed_paths_verify_and_nothing_else_does() {
        let signer = ImageSigner::default();
        assert_eq!(signer.path("https://img.example/a.jpg"), None, "no key, no address");
        signer.set_key(b"k1".to_vec());
        let path = signer.path("https://img.example/a.jpg?w=1&h=2").unwrap();
        assert!(
            path.starts_with("/img/") && path.contains("?u=https%3A%2F%2Fimg.example%2Fa.jpg%3Fw%3D1%26h%3D2"),
            "{path}"
        );
        let mac = path.trim_start_matches("/img/").split('?').next().unwrap();
        assert!(signer.verify(mac, "https://img.example/a.jpg?w=1&h=2"));
        assert!(!signer.verify(mac, "https://img.example/b.jpg"), "a mac is for one address");
        assert!(!signer.verify("00", "https://img.example/a.jpg?w=1&h=2"));
        assert_eq!(signer.path("javascript:alert(1)"), None);
        assert_eq!(signer.path("file:///etc/passwd"), None);
        let other = ImageSigner::default();
        other.set_key(b"k2".to_vec());
        assert!(!other.verify(mac, "https://img.example/a.jpg?w=1&h=2"), "another site's key does not verify");
    }

    #[test]
    fn the_cache_keeps_to_its_bound_and_drops_the_least_recently_used() {
        let cache = ImageCache::default();
        let big = || Cached::Image { media_type: "image/png", bytes: Arc::from(vec![0u8; CACHE_BYTES / 3]) };
        cache.put("a".into(), big());
        cache.put("b".into(), big());
        assert!(cache.get("a").is_some());
        cache.put("c".into(), big());
        assert!(cache.get("b").is_none(), "b was used least recently");
        assert!(cache.get("a").is_some() && cache.get("c").is_some());
        assert!(cache.inner.lock().unwrap().bytes <= CACHE_BYTES);
    }
}
