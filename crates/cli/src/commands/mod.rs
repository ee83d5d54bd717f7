//! One module per subcommand.

pub mod admin;
pub mod analyze;
pub mod crawl;
pub mod demo;
pub mod export;
pub mod extract;
pub mod feeds;
mod image_fetcher;
pub mod import;
pub mod migrate_to;
pub mod progress;
pub mod recluster;
pub mod serve;
pub mod sources;
pub mod story_book;
pub mod worker;
