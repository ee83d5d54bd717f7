//! The workspace's architecture, read from its manifests and sources.
//!
//! One integration-test binary for the crate (each file here is a module of it): the workspace
//! links sqlx and axum once per binary, not once per file.

// Tests fail by panicking; helpers here may unwrap like the tests they serve.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod architecture;
