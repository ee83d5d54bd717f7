use newsdesk_model::ValidationError;

/// What went wrong in the store, in words an operator can act on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database location is not one newsdesk can use.
    #[error("unsupported database `{location}`: {why}")]
    UnsupportedLocation { location: String, why: &'static str },
    /// The database could not be opened or created.
    #[error("cannot open the database at {location}: {source}")]
    Open { location: String, source: sqlx::Error },
    /// The database was written by a newer newsdesk.
    #[error(
        "the database has schema migration {version}, which this newsdesk does not know: it was written by a newer version; upgrade newsdesk"
    )]
    NewerSchema { version: i64 },
    /// An applied migration differs from the one in this binary.
    #[error(
        "schema migration {version} ({name}) in the database differs from the one in this newsdesk; migrations are append-only, so this binary does not match the database"
    )]
    MigrationChanged { version: i64, name: String },
    /// The feed is followed already.
    #[error("the feed {url} is followed already (feed {id})")]
    FeedExists { url: String, id: String },
    /// A record breaks a rule.
    #[error("{0}")]
    Invalid(#[from] ValidationError),
    /// A value read back from the database is not what newsdesk wrote.
    #[error("stored data is damaged: {0}")]
    Corrupt(String),
    /// A copy into another database differs from its source.
    #[error(
        "the copy differs from the source in {0}: was newsdesk still writing to the source? Stop it and run migrate-to again, which resumes"
    )]
    CopyMismatch(String),
    /// Any other database failure.
    #[error("database error: {0}")]
    Database(sqlx::Error),
    /// A read on the calling thread failed (see `readers.rs`).
    #[error("database error: {0}")]
    Read(String),
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        // PostgreSQL's text cannot hold a NUL character (SQLite's can): a value with one is
        // bad input, not a failure of the database.
        let code = e.as_database_error().and_then(|d| d.code()).map(|c| c.into_owned());
        if code.as_deref() == Some("22021") {
            return Self::Invalid(ValidationError {
                field: "text",
                problem: "contains a NUL character (\\0), which is not text".to_owned(),
            });
        }
        Self::Database(e)
    }
}
