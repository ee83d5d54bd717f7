//! Typed ids. Every id is a UUID; new records get a time-ordered v7 so that ids sort by
//! creation, while ids that arrive from outside (an import) are kept as they are.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// An id string that is not a UUID.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{input}` is not a valid id: expected a UUID such as 0190c6a2-1b1e-7c3d-9a4f-2b6e8d1c0a55")]
pub struct IdError {
    /// What was given, cut to 80 characters so hostile input cannot flood a message.
    pub input: String,
}

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl $name {
            /// A fresh, time-ordered (v7) id.
            #[must_use]
            pub fn new_v7() -> Self {
                Self(Uuid::now_v7())
            }

            /// Wraps a UUID that came from storage or from an import.
            #[must_use]
            pub const fn from_uuid(uuid: Uuid) -> Self {
                Self(uuid)
            }

            /// The UUID inside.
            #[must_use]
            pub const fn as_uuid(&self) -> Uuid {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                // Always the lowercase hyphenated form, the one URLs and files use.
                fmt::Display::fmt(&self.0.hyphenated(), f)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self.0.hyphenated())
            }
        }

        impl FromStr for $name {
            type Err = IdError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let trimmed = s.trim();
                // Only the hyphenated 36-character form: braces, URNs and bare hex are
                // accepted by `Uuid::parse_str` but would give one article several URLs.
                if trimmed.len() != 36 {
                    return Err(IdError { input: s.chars().take(80).collect() });
                }
                Uuid::parse_str(trimmed)
                    .map(Self)
                    .map_err(|_| IdError { input: s.chars().take(80).collect() })
            }
        }
    };
}

typed_id!(
    /// The id of an [`crate::Article`].
    ArticleId
);
typed_id!(
    /// The id of a [`crate::Source`] (an outlet).
    SourceId
);
typed_id!(
    /// The id of a [`crate::Feed`].
    FeedId
);
typed_id!(
    /// The id of a [`crate::Comment`].
    CommentId
);
typed_id!(
    /// The id of a story: the articles that tell one event.
    StoryId
);
typed_id!(
    /// The id of a site administrator.
    UserId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_displays_the_hyphenated_form() {
        let id: ArticleId = "9513A8D8-77C5-44DA-92E4-B26478FCC0EA".parse().unwrap();
        assert_eq!(id.to_string(), "9513a8d8-77c5-44da-92e4-b26478fcc0ea");
    }

    #[test]
    fn rejects_other_spellings_and_garbage() {
        for bad in [
            "",
            "42",
            "not-a-uuid",
            "{9513a8d8-77c5-44da-92e4-b26478fcc0ea}",
            "9513a8d877c544da92e4b26478fcc0ea",
            "9513a8d8-77c5-44da-92e4-b26478fcc0eg",
        ] {
            let err = bad.parse::<ArticleId>().unwrap_err();
            assert!(err.to_string().contains("not a valid id"), "{bad}: {err}");
        }
    }

    #[test]
    fn error_cuts_long_input() {
        let long = "x".repeat(10_000);
        let err = long.parse::<SourceId>().unwrap_err();
        assert_eq!(err.input.len(), 80);
    }

    #[test]
    fn new_ids_are_v7_and_increase() {
        let a = ArticleId::new_v7();
        let b = ArticleId::new_v7();
        assert_eq!(a.as_uuid().get_version_num(), 7);
        assert!(a < b);
    }
}
