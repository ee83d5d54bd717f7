//! Article interchange formats: the article page text format of the sites our users run today
//! (see `page`), and JSON Lines (see `jsonl`).
//!
//! What it does: text in, [`newsdesk_model::ArticleUpsert`] out, with errors that name the
//! line and what was expected; and [`newsdesk_model::Article`] in, text out. Writing then
//! reading gives back the same article (for the page format: every field the format carries).
//!
//! What it deliberately does not do: read files, walk directories or touch the store. The
//! binary does that, and adds the file name to every error.

mod error;
mod jsonl;
mod page;

pub use error::FormatError;
pub use jsonl::{parse_jsonl_line, write_jsonl_line};
pub use page::{ORIGINAL_SOURCE_PREFIX, parse_page, write_page};
