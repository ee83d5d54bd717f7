//! Polite, safe HTTP for newsdesk.
//!
//! What it does: [`Fetcher::fetch`] GETs a URL the way a good crawler does. It sends a
//! descriptive User-Agent and conditional headers (ETag, Last-Modified) so an unchanged feed
//! costs a 304; honours robots.txt, Crawl-delay and Retry-After; limits concurrency and
//! request spacing per host; follows redirects itself, to a limit, reporting a permanent move;
//! bounds connect, read and total time; and caps the body size after decompression (a gzip
//! bomb stops at the cap).
//!
//! Invariant: no request reaches a loopback, private, link-local, CGNAT, multicast or other
//! non-public address, unless the operator allows it. The check runs on the resolved address
//! of every hop (our DNS resolver filters what it returns; IP literals are checked before
//! connecting), so neither DNS tricks nor redirects get around it.
//!
//! What it deliberately does not do: parse what it fetched, or schedule. It returns bytes and
//! the facts a scheduler needs (status, validators, Retry-After, Cache-Control max-age).

mod client;
mod config;
mod error;
mod guard;
mod hosts;
mod robots;

pub use client::{FetchRequest, FetchResponse, Fetcher};
pub use config::{AddressPolicy, FetchConfig};
pub use error::FetchError;
pub use guard::{is_link_local_or_metadata, is_public};
