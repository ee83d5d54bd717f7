//! One module per page.

pub(crate) mod admin;
pub(crate) mod article;
pub(crate) mod article_html;
pub(crate) mod assets;
pub(crate) mod entity;
pub(crate) mod front;
pub(crate) mod repeats;
pub(crate) mod search;
pub(crate) mod source;
pub(crate) mod story;
