//! Extraction on self-written pages: page kinds, furniture and metadata, and garbage that must
//! never panic.
//!
//! One integration-test binary for the crate (each file here is a module of it): the workspace
//! links sqlx and axum once per binary, not once per file.

// Tests fail by panicking; helpers here may unwrap like the tests they serve.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod comments;
mod containers;
mod garbage;
mod kinds;
mod pages;
mod related;

/// The extraction of an HTML page (UTF-8) served at `url`.
fn extract_html_at(url: &str, html: &str) -> newsdesk_extract::Extracted {
    let url = url::Url::parse(url).unwrap_or_else(|e| unreachable!("{e}"));
    newsdesk_extract::extract(newsdesk_extract::Page {
        bytes: html.as_bytes(),
        content_type: Some("text/html; charset=utf-8"),
        url: Some(&url),
    })
}
