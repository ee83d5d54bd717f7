use std::time::Duration;

/// Which addresses requests may reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressPolicy {
    /// Public addresses only: the default, and the only safe choice on a server.
    PublicOnly,
    /// Public addresses and loopback (127.0.0.0/8, ::1) only: for tests and benchmarks on one
    /// machine that must still refuse private networks.
    PublicAndLoopback,
    /// Public and private networks: `fetch.allow_private_networks = true`, for an operator
    /// whose feeds live on a private network. Link-local and cloud metadata addresses stay
    /// refused (they hold a server's credentials); only those named in
    /// [`FetchConfig::allowed_link_local`] are reached.
    Any,
}

/// How the fetcher behaves. Every size and time is bounded.
#[derive(Debug, Clone)]
pub struct FetchConfig {
    pub user_agent: String,
    pub connect_timeout: Duration,
    /// Longest wait for the next bytes of a response.
    pub read_timeout: Duration,
    /// Longest a whole fetch may take, redirects and body included.
    pub total_timeout: Duration,
    /// Largest body read, counted after decompression.
    pub max_body_bytes: usize,
    pub max_redirects: usize,
    pub addresses: AddressPolicy,
    /// Link-local or metadata addresses the operator allows, one by one
    /// (`fetch.allow_link_local_addresses`).
    pub allowed_link_local: Vec<std::net::IpAddr>,
    /// Requests under way to one host at a time.
    pub per_host_concurrency: usize,
    /// Least time between the starts of two requests to one host (raised by Crawl-delay and
    /// Retry-After).
    pub per_host_interval: Duration,
    /// Whether robots.txt is fetched and obeyed.
    pub obey_robots: bool,
    /// Longest Retry-After or Crawl-delay honoured; longer ones are capped to this.
    pub max_host_delay: Duration,
}

impl Default for FetchConfig {
    fn default() -> Self {
        Self {
            user_agent: format!("newsdesk/{} (self-hosted news reader)", env!("CARGO_PKG_VERSION")),
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(20),
            total_timeout: Duration::from_secs(60),
            max_body_bytes: 16 * 1024 * 1024,
            max_redirects: 5,
            addresses: AddressPolicy::PublicOnly,
            allowed_link_local: Vec::new(),
            per_host_concurrency: 2,
            per_host_interval: Duration::from_millis(500),
            obey_robots: true,
            max_host_delay: Duration::from_secs(3600),
        }
    }
}
