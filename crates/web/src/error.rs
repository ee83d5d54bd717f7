use axum::http::StatusCode;

/// What can go wrong while answering a request.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// The request is malformed; the message says what to fix.
    #[error("bad request: {0}")]
    BadRequest(String),
    /// Nothing is at this address; the message says what was looked for.
    #[error("not found: {0}")]
    NotFound(String),
    /// The request may not do this (a form from another site).
    #[error("forbidden: {0}")]
    Forbidden(String),
    /// This address does not take this method (a POST to a page, a DELETE to a feed).
    #[error("method not allowed: {0}")]
    MethodNotAllowed(String),
    /// The address is longer than the site reads.
    #[error("address too long: {0}")]
    UriTooLong(String),
    /// The request's headers are more or larger than the site reads.
    #[error("headers too large: {0}")]
    HeadersTooLarge(String),
    /// Too many requests of a costly kind at once (searches): the message says when to come
    /// back; the answer carries `Retry-After`.
    #[error("busy: {0}")]
    Busy(String),
    /// newsdesk failed. Details are logged, never shown.
    #[error("internal error: {0}")]
    Internal(String),
}

impl WebError {
    pub(crate) fn status(&self) -> StatusCode {
        match self {
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::Forbidden(_) => StatusCode::FORBIDDEN,
            Self::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            Self::UriTooLong(_) => StatusCode::URI_TOO_LONG,
            Self::HeadersTooLarge(_) => StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            Self::Busy(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub(crate) fn heading_and_message(&self) -> (&'static str, String) {
        match self {
            Self::BadRequest(m) => ("Bad request", m.clone()),
            Self::NotFound(m) => ("Not found", m.clone()),
            Self::Forbidden(m) => ("Not allowed", m.clone()),
            Self::MethodNotAllowed(m) => ("Not allowed here", m.clone()),
            Self::UriTooLong(m) => ("Address too long", m.clone()),
            Self::HeadersTooLarge(m) => ("Request headers too large", m.clone()),
            Self::Busy(m) => ("Busy", m.clone()),
            Self::Internal(_) => (
                "Something went wrong",
                "newsdesk could not answer this request. The error has been logged; please try again shortly."
                    .to_owned(),
            ),
        }
    }
}

impl From<newsdesk_store::StoreError> for WebError {
    fn from(e: newsdesk_store::StoreError) -> Self {
        match e {
            newsdesk_store::StoreError::Invalid(invalid) => Self::BadRequest(invalid.to_string()),
            e => Self::Internal(e.to_string()),
        }
    }
}

impl From<minijinja::Error> for WebError {
    fn from(e: minijinja::Error) -> Self {
        Self::Internal(format!("template: {e:#}"))
    }
}
