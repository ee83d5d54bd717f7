//! The image proxy's fetcher: the crawler's safe fetcher (address guard on every hop, time and
//! size bounds) with limits for images. Images are fetched for a reader looking at a page, as
//! that reader's browser would, so robots.txt (written for crawlers) is not consulted and
//! requests to one host are not spaced; they are still at most four at once per host.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use newsdesk_fetch::{FetchRequest, Fetcher};
use newsdesk_web::{FetchedImage, ImageFetcher, MAX_IMAGE_BYTES};
use url::Url;

pub(crate) struct ProxyFetcher(Fetcher);

impl ProxyFetcher {
    pub(crate) fn new(mut config: newsdesk_fetch::FetchConfig) -> anyhow::Result<Self> {
        config.max_body_bytes = MAX_IMAGE_BYTES;
        config.total_timeout = config.total_timeout.min(Duration::from_secs(10));
        config.obey_robots = false;
        config.per_host_interval = Duration::ZERO;
        config.per_host_concurrency = config.per_host_concurrency.max(4);
        Ok(Self(Fetcher::new(config)?))
    }
}

impl ImageFetcher for ProxyFetcher {
    fn fetch<'a>(&'a self, url: &'a Url) -> Pin<Box<dyn Future<Output = Result<FetchedImage, String>> + Send + 'a>> {
        Box::pin(async move {
            let request = FetchRequest {
                accept: "image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9",
                ..FetchRequest::new(url)
            };
            let response = self.0.fetch(request).await.map_err(|e| e.to_string())?;
            Ok(FetchedImage { status: response.status, body: response.body })
        })
    }
}

#[cfg(test)]
mod tests {
    use newsdesk_fetch::{AddressPolicy, FetchConfig};
    use newsdesk_testkit::http::{Reply, Server};

    use super::*;

    fn config(addresses: AddressPolicy) -> FetchConfig {
        FetchConfig { addresses, ..FetchConfig::default() }
    }

    #[tokio::test]
    async fn private_addresses_are_refused_and_sizes_bounded() {
        let server = Server::start(|seen, _| {
            let size = if seen.path.contains("huge") { MAX_IMAGE_BYTES + 1024 } else { 16 };
            let mut body = vec![0xFF, 0xD8, 0xFF, 0xE0];
            body.resize(size, 0);
            Reply { status: 200, headers: vec![("content-type", "image/jpeg".to_owned())], body, stall: None }
        })
        .await;
        let small = server.url("/small.jpg");
        let refused = ProxyFetcher::new(config(AddressPolicy::PublicOnly)).unwrap().fetch(&small).await.unwrap_err();
        assert!(refused.contains("127.0.0.1"), "the guard names the refused address: {refused}");
        assert!(server.seen().is_empty(), "nothing was sent to a refused address");

        let loopback = ProxyFetcher::new(config(AddressPolicy::PublicAndLoopback)).unwrap();
        let got = loopback.fetch(&small).await.unwrap();
        assert_eq!((got.status, got.body.len()), (200, 16));
        let too_big = loopback.fetch(&server.url("/huge.jpg")).await.unwrap_err();
        assert!(too_big.contains("MiB") || too_big.contains("bytes") || too_big.contains("large"), "{too_big}");
    }
}
