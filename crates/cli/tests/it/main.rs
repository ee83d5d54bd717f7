//! The `newsdesk` binary from outside: its commands, crawls against loopback servers, several
//! processes on one database, and a real browser.
//!
//! One integration-test binary for the crate (each file here is a module of it): the workspace
//! links sqlx and axum once per binary, not once per file.

// Tests fail by panicking; helpers here may unwrap like the tests they serve.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support {
    pub mod webdriver;
}

mod browser;
mod cli;
mod crawl;
mod layout;
mod workers;
