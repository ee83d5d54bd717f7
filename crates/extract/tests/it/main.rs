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
