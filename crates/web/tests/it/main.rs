//! The site and the API through the real router, on both backends.
//!
//! One integration-test binary for the crate (each file here is a module of it): the workspace
//! links sqlx and axum once per binary, not once per file.

// Tests fail by panicking; helpers here may unwrap like the tests they serve.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod api;
mod discussion;
mod images;
mod site;
mod stories;
