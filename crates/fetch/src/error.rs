use std::time::Duration;

/// Why a fetch failed, in words an operator understands.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("`{0}` is not an http or https URL")]
    BadUrl(String),
    #[error(
        "refused: {0} is not a public address (private networks need fetch.allow_private_networks; link-local and cloud metadata addresses must each be named in fetch.allow_link_local_addresses)"
    )]
    PrivateAddress(String),
    #[error("robots.txt of {0} does not allow newsdesk to fetch this address")]
    RobotsDisallowed(String),
    #[error("more than {0} redirects")]
    TooManyRedirects(usize),
    #[error("a redirect without a usable Location header")]
    BadRedirect,
    #[error("the server took too long to answer (limit {0:?})")]
    Timeout(Duration),
    #[error("the server sent its headers, then nothing for {0:?}; the body never came")]
    Stalled(Duration),
    #[error("the server's answer cannot be read: {0}")]
    BadResponse(String),
    #[error("the body is larger than {0} bytes (after decompression); not read")]
    TooLarge(usize),
    #[error("the server answered {status}{}", retry_after.map(|d| format!("; it asks to wait {}s", d.as_secs())).unwrap_or_default())]
    Status { status: u16, retry_after: Option<Duration> },
    #[error("cannot find the host: {0}")]
    Dns(String),
    #[error("cannot connect: {0}")]
    Connect(String),
    #[error("the connection failed while reading: {0}")]
    Body(String),
}

impl FetchError {
    /// How long the server asked us to wait, for 429 and 503.
    #[must_use]
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Self::Status { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    /// True when trying again later may succeed (as opposed to a refusal or a bad address).
    #[must_use]
    pub fn is_transient(&self) -> bool {
        match self {
            Self::Timeout(_) | Self::Stalled(_) | Self::Dns(_) | Self::Connect(_) | Self::Body(_) => true,
            Self::Status { status, .. } => *status == 429 || *status >= 500,
            _ => false,
        }
    }
}
