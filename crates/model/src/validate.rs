//! Validation errors and the size limits every write path enforces.

/// Size limits for article fields. Outside input never makes an unbounded row.
pub mod limits {
    /// Longest title, in characters.
    pub const TITLE_CHARS: usize = 1_000;
    /// Longest summary, in characters.
    pub const SUMMARY_CHARS: usize = 10_000;
    /// Largest plain-text body, in bytes.
    pub const BODY_BYTES: usize = 2 * 1024 * 1024;
    /// Largest HTML body, in bytes.
    pub const BODY_HTML_BYTES: usize = 4 * 1024 * 1024;
    /// Longest byline, in characters.
    pub const BYLINE_CHARS: usize = 500;
    /// Longest URL, in bytes.
    pub const URL_BYTES: usize = 4_096;
}

/// A field of a record that breaks a rule. The message names the field and what was expected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {problem}")]
pub struct ValidationError {
    /// The field, as users see it in files and forms ("title", "original_source").
    pub field: &'static str,
    /// What is wrong and what was expected.
    pub problem: String,
}

impl ValidationError {
    pub(crate) fn new(field: &'static str, problem: impl Into<String>) -> Self {
        Self { field, problem: problem.into() }
    }
}
