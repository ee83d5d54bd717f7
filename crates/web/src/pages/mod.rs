//! One module per page.

pub(crate) mod article;
pub(crate) mod assets;
pub(crate) mod front;
pub(crate) mod search;
