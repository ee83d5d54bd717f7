//! Feeds in and out.
//!
//! What it does now: writes newsdesk's own outgoing Atom 1.0 feeds from plain data
//! ([`OutFeed`], [`OutEntry`]), with every text escaped by the XML writer. Feed parsing (RSS,
//! Atom, RDF, JSON Feed) arrives with feed ingestion.
//!
//! What it deliberately does not do: I/O, or know where the data comes from. Callers (the web
//! crate) turn stored articles into [`OutEntry`]s.

mod atom;

pub use atom::{OutEntry, OutFeed, to_atom};
