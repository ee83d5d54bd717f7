//! Feeds in and out.
//!
//! What it does: [`parse_feed`] reads RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON Feed 1.0/1.1,
//! repairing what broken feeds get wrong, into [`ParsedFeed`]s whose entry HTML is sanitized
//! and whose URLs are absolute; [`to_atom`] writes our own outgoing Atom feeds.
//!
//! What it deliberately does not do: I/O. Bytes come in from the fetcher, entries go out to
//! the pipeline, which decides identity ([`canonical_link`], [`content_hash`]) and storage.

mod atom;
mod discover;
mod json_feed;
mod opml;
mod parse;

pub use atom::{OutEntry, OutFeed, to_atom};
pub use discover::{COMMON_FEED_PATHS, feed_links};
pub use json_feed::to_json_feed;
pub use opml::{OpmlError, OpmlFeed, OpmlImport, parse_opml, write_opml};
pub use parse::{
    FeedError, FeedFormat, MAX_ENTRIES, MAX_FEED_BYTES, ParsedEntry, ParsedFeed, canonical_link, content_hash,
    parse_feed, web_image,
};
