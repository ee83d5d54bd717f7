//! The domain vocabulary of newsdesk, shared by every other crate.
//!
//! What it does: typed ids ([`ArticleId`], [`SourceId`], ...), the records the pipeline moves
//! around ([`Article`], [`Source`], [`Feed`], [`Comment`]), the write-side input
//! [`ArticleUpsert`] with its validation, and [`SafeHtml`], HTML that can only be made by
//! sanitizing.
//!
//! What it deliberately does not do: I/O, SQL, HTTP, or parsing of any outside format. Those
//! live in the crates that depend on this one; nothing of ours is a dependency of `model`.

mod article;
mod bytes_text;
mod comment;
mod date;
mod domain;
mod html;
mod html_images;
mod ids;
pub mod metrics;
mod outlet_name;
mod script;
mod source;
mod validate;

pub use article::{Article, ArticleUpsert, normalize_language, primary_language};
pub use bytes_text::{is_xml_char, utf8_with_stray_bytes, xml_safe};
pub use comment::{Comment, CommentStatus, Email};
pub use date::parse_date;
pub use domain::{HostError, normalize_host, redact_password, registrable_domain};
pub use html::{SafeHtml, escape_html_into, paragraphs_to_html};
pub use ids::{ArticleId, CommentId, FeedId, IdError, SourceId, StoryId, UserId};
pub use outlet_name::{outlet_name_from_title, shared_title_part, title_parts};
pub use script::{is_searched_by_character, is_unspaced, unspaced_terms};
pub use source::{Feed, FeedStatus, FullText, Source};
pub use validate::{ValidationError, limits};
