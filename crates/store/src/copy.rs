//! Moving up: every row of a SQLite database copied into a PostgreSQL one, then checked.
//!
//! Tables are copied in an order that satisfies their foreign keys; the columns that point
//! along a cycle (a story's lead article and survivor, a comment's parent, a copy's original)
//! are filled in by a second pass once every row they may point at is there. Each
//! batch is one transaction that inserts or, for a row copied before, overwrites: running
//! the copy again after an interruption finishes it, and a row changed meanwhile is copied
//! again. At the end both databases are compared table by table, by row count and by a
//! checksum of every value, and any difference is an error. Process leases and spent comment-form tokens are not copied:
//! they belong to the processes running on the source.

use sha2::{Digest, Sha256};

use crate::db::{Dialect, On, Row};
use crate::{Store, StoreError};

/// How a column's values are read and written.
#[derive(Clone, Copy)]
enum Kind {
    Text,
    Int,
    Bool,
}

struct Table {
    name: &'static str,
    /// The primary key's columns: the order rows are read in, and what an overwrite matches.
    key: &'static [&'static str],
    columns: &'static [(&'static str, Kind)],
    /// Columns written by the second pass (their rows may not be there yet in the first).
    later: &'static [&'static str],
    /// The identity column whose sequence must continue after the copied values.
    identity: Option<&'static str>,
}

use Kind::{Bool, Int, Text};

/// Every table, in an order that satisfies the foreign keys of the first pass.
const TABLES: &[Table] = &[
    Table {
        name: "sources",
        key: &["id"],
        columns: &[
            ("id", Text),
            ("name", Text),
            ("homepage", Text),
            ("domain", Text),
            ("created_at", Text),
            ("named_by", Text),
        ],
        later: &[],
        identity: None,
    },
    Table {
        name: "feeds",
        key: &["id"],
        columns: &[
            ("id", Text),
            ("source_id", Text),
            ("url", Text),
            ("title", Text),
            ("created_at", Text),
            ("site_url", Text),
            ("paused", Bool),
            ("etag", Text),
            ("last_modified", Text),
            ("last_polled_at", Text),
            ("next_poll_at", Text),
            ("last_status", Text),
            ("last_error", Text),
            ("error_count", Int),
            ("item_count", Int),
            ("poll_interval_secs", Int),
            ("full_text", Text),
            ("lease_owner", Text),
            ("lease_until", Text),
        ],
        later: &[],
        identity: None,
    },
    Table {
        name: "stories",
        key: &["id"],
        columns: &[
            ("id", Text),
            ("title", Text),
            ("summary", Text),
            ("lead_article_id", Text),
            ("first_seen_at", Text),
            ("last_seen_at", Text),
            ("article_count", Int),
            ("source_count", Int),
            ("language", Text),
            ("digest_count", Int),
            ("merged_into", Text),
            ("created_at", Text),
        ],
        later: &["lead_article_id", "merged_into"],
        identity: None,
    },
    Table {
        name: "articles",
        key: &["seq"],
        columns: &[
            ("seq", Int),
            ("id", Text),
            ("title", Text),
            ("summary", Text),
            ("body_text", Text),
            ("body_html", Text),
            ("byline", Text),
            ("published_at", Text),
            ("updated_at", Text),
            ("language", Text),
            ("url", Text),
            ("original_url", Text),
            ("original_domain", Text),
            ("comment_count", Int),
            ("comments_here", Int),
            ("source_id", Text),
            ("feed_id", Text),
            ("created_at", Text),
            ("modified_at", Text),
            ("sort_at", Text),
            ("feed_summary", Text),
            ("story_id", Text),
            ("copy_of", Text),
            ("keyphrases", Text),
            ("title_derived", Bool),
            ("image_url", Text),
            ("unspaced", Text),
        ],
        later: &["copy_of"],
        identity: Some("seq"),
    },
    Table {
        name: "entries",
        key: &["feed_id", "entry_key"],
        columns: &[
            ("feed_id", Text),
            ("entry_key", Text),
            ("article_id", Text),
            ("content_hash", Text),
            ("first_seen_at", Text),
            ("last_seen_at", Text),
        ],
        later: &[],
        identity: None,
    },
    Table {
        name: "article_revisions",
        key: &["article_id", "revision"],
        columns: &[
            ("article_id", Text),
            ("revision", Int),
            ("title", Text),
            ("summary", Text),
            ("body_text", Text),
            ("body_html", Text),
            ("replaced_at", Text),
        ],
        later: &[],
        identity: None,
    },
    Table {
        name: "entities",
        key: &["id"],
        columns: &[("id", Int), ("kind", Text), ("key", Text), ("name", Text)],
        later: &[],
        identity: Some("id"),
    },
    Table {
        name: "article_entities",
        key: &["article_id", "entity_id"],
        columns: &[("article_id", Text), ("entity_id", Int), ("mentions", Int), ("sort_at", Text)],
        later: &[],
        identity: None,
    },
    Table {
        name: "entity_names",
        key: &["entity_id", "name"],
        columns: &[("entity_id", Int), ("name", Text), ("folded", Text)],
        later: &[],
        identity: None,
    },
    Table {
        name: "comments",
        key: &["id"],
        columns: &[
            ("id", Text),
            ("article_id", Text),
            ("parent_id", Text),
            ("depth", Int),
            ("author_name", Text),
            ("author_email", Text),
            ("author_url", Text),
            ("body", Text),
            ("status", Text),
            ("ip_key", Text),
            ("created_at", Text),
            ("moderated_at", Text),
            ("staff", Bool),
        ],
        later: &["parent_id"],
        identity: None,
    },
    Table {
        name: "users",
        key: &["id"],
        columns: &[("id", Text), ("username", Text), ("password_hash", Text), ("created_at", Text)],
        later: &[],
        identity: None,
    },
    Table {
        name: "sessions",
        key: &["token_hash"],
        columns: &[("token_hash", Text), ("user_id", Text), ("created_at", Text), ("expires_at", Text)],
        later: &[],
        identity: None,
    },
    Table {
        name: "site_secrets",
        key: &["name"],
        columns: &[("name", Text), ("value", Text)],
        later: &[],
        identity: None,
    },
    Table {
        name: "saved_searches",
        key: &["id"],
        columns: &[("id", Text), ("name", Text), ("query", Text), ("created_at", Text)],
        later: &[],
        identity: None,
    },
    Table {
        name: "api_tokens",
        key: &["name"],
        columns: &[("name", Text), ("token_hash", Text), ("created_at", Text)],
        later: &[],
        identity: None,
    },
];

/// Rows read or written per statement.
const BATCH: usize = 500;

/// One stored value.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Text(Option<String>),
    Int(Option<i64>),
    Bool(bool),
}

impl Value {
    fn read(row: &Row, column: &str, kind: Kind) -> Result<Self, StoreError> {
        Ok(match kind {
            Text => Self::Text(row.get(column)?),
            Int => Self::Int(row.get(column)?),
            Bool => Self::Bool(row.get(column)?),
        })
    }

    fn bind(&self, query: crate::db::Query) -> crate::db::Query {
        match self {
            Self::Text(v) => query.bind(v.clone()),
            Self::Int(v) => query.bind(*v),
            Self::Bool(v) => query.bind(*v),
        }
    }

    /// The value in the checksum: its kind, then its text, so that NULL, "" and 0 differ.
    fn hash_into(&self, digest: &mut Sha256) {
        match self {
            Self::Text(None) | Self::Int(None) => digest.update(b"N"),
            Self::Text(Some(s)) => {
                digest.update(b"T");
                digest.update((s.len() as u64).to_le_bytes());
                digest.update(s.as_bytes());
            }
            Self::Int(Some(n)) => {
                digest.update(b"I");
                digest.update(n.to_le_bytes());
            }
            Self::Bool(b) => digest.update(if *b { b"1" } else { b"0" }),
        }
    }
}

/// One table's rows as counted and checksummed in both databases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableCheck {
    pub table: &'static str,
    pub rows: u64,
    /// The sum (wrapping) of each row's SHA-256 prefix: the same rows give the same sum in
    /// any order.
    pub checksum: u64,
}

impl Store {
    /// Copies every row of this (SQLite) store into `target` (a PostgreSQL store, its schema
    /// already migrated by [`Store::open`]) and checks the copy. `progress` hears each table's
    /// name and rows copied so far. Stop every newsdesk process writing to this database
    /// first: rows written during the copy make the check fail (running it again copies them).
    ///
    /// # Errors
    /// [`StoreError::Invalid`] for a source that is not SQLite or a target that is not
    /// PostgreSQL; [`StoreError::CopyMismatch`] when the databases differ after the copy;
    /// database errors (the copy can then be run again and resumes).
    pub async fn copy_to(
        &self,
        target: &Store,
        progress: &mut dyn FnMut(&str, u64),
    ) -> Result<Vec<TableCheck>, StoreError> {
        if self.dialect() != Dialect::Sqlite || target.dialect() != Dialect::Postgres {
            return Err(crate::feeds::invalid(
                "migrate-to",
                "copies a SQLite database (--database) into a PostgreSQL one (postgres://...)",
            ));
        }
        for table in TABLES {
            let mut copied = 0u64;
            let mut after: Option<Vec<Value>> = None;
            loop {
                let rows = page(self.pool(), table, table.columns, after.as_deref()).await?;
                let Some(last) = rows.last() else { break };
                after = Some(key_of(table, last));
                write_rows(target, table, &rows).await?;
                copied += rows.len() as u64;
                progress(table.name, copied);
                if rows.len() < BATCH {
                    break;
                }
            }
        }
        for table in TABLES.iter().filter(|t| !t.later.is_empty()) {
            let mut after: Option<Vec<Value>> = None;
            let columns: Vec<(&str, Kind)> = table
                .key
                .iter()
                .map(|k| *table.columns.iter().find(|(c, _)| c == k).unwrap_or(&(*k, Text)))
                .chain(table.later.iter().map(|c| (*c, Text)))
                .collect();
            loop {
                let rows = page(self.pool(), table, &columns, after.as_deref()).await?;
                let Some(last) = rows.last() else { break };
                after = Some(last[..table.key.len()].to_vec());
                link_rows(target, table, &rows).await?;
                if rows.len() < BATCH {
                    break;
                }
            }
        }
        for table in TABLES {
            if let Some(column) = table.identity {
                let sql = format!(
                    "SELECT setval(pg_get_serial_sequence('{0}', '{column}'), coalesce((SELECT max({column}) FROM {0}), 0) + 1, false)",
                    table.name
                );
                target.sql(sql).fetch_one(target.pool()).await?;
            }
        }
        let source = self.checks().await?;
        let copy = target.checks().await?;
        let differ: Vec<String> = source
            .iter()
            .zip(&copy)
            .filter(|(a, b)| a != b)
            .map(|(a, b)| format!("{} ({} rows here, {} there)", a.table, a.rows, b.rows))
            .collect();
        if !differ.is_empty() {
            return Err(StoreError::CopyMismatch(differ.join(", ")));
        }
        Ok(source)
    }

    /// Every table's row count and checksum.
    async fn checks(&self) -> Result<Vec<TableCheck>, StoreError> {
        let mut checks = Vec::with_capacity(TABLES.len());
        for table in TABLES {
            let (mut rows, mut checksum) = (0u64, 0u64);
            let mut after: Option<Vec<Value>> = None;
            loop {
                let page = page(self.pool(), table, table.columns, after.as_deref()).await?;
                let Some(last) = page.last() else { break };
                after = Some(key_of(table, last));
                for row in &page {
                    let mut digest = Sha256::new();
                    for value in row {
                        value.hash_into(&mut digest);
                    }
                    let hash = digest.finalize();
                    let mut prefix = [0u8; 8];
                    prefix.copy_from_slice(&hash[..8]);
                    checksum = checksum.wrapping_add(u64::from_le_bytes(prefix));
                }
                rows += page.len() as u64;
                if page.len() < BATCH {
                    break;
                }
            }
            checks.push(TableCheck { table: table.name, rows, checksum });
        }
        Ok(checks)
    }
}

/// The key values of a full row (its columns in [`Table::columns`] order).
fn key_of(table: &Table, row: &[Value]) -> Vec<Value> {
    table.key.iter().filter_map(|k| table.columns.iter().position(|(c, _)| c == k).map(|i| row[i].clone())).collect()
}

/// Up to [`BATCH`] rows after the key `after`, in key order, with `columns`.
async fn page(
    on: On<'_>,
    table: &Table,
    columns: &[(&str, Kind)],
    after: Option<&[Value]>,
) -> Result<Vec<Vec<Value>>, StoreError> {
    let list = columns.iter().map(|(c, _)| *c).collect::<Vec<_>>().join(", ");
    let key = table.key.join(", ");
    let filter = match after {
        Some(_) => format!(" WHERE ({key}) > ({})", vec!["?"; table.key.len()].join(", ")),
        None => String::new(),
    };
    let sql = format!("SELECT {list} FROM {}{filter} ORDER BY {key} LIMIT {BATCH}", table.name);
    let mut query = on.sql(sql);
    for value in after.unwrap_or_default() {
        query = value.bind(query);
    }
    let rows = query.fetch_all(on).await?;
    rows.iter().map(|row| columns.iter().map(|(c, kind)| Value::read(row, c, *kind)).collect()).collect()
}

/// Inserts rows (the `later` columns empty), overwriting rows copied before.
async fn write_rows(target: &Store, table: &Table, rows: &[Vec<Value>]) -> Result<(), StoreError> {
    let names: Vec<&str> = table.columns.iter().map(|(c, _)| *c).collect();
    let marks = format!("({})", vec!["?"; names.len()].join(", "));
    let changing: Vec<&str> =
        names.iter().copied().filter(|c| !table.key.contains(c) && !table.later.contains(c)).collect();
    let update = changing.iter().map(|c| format!("{c} = excluded.{c}")).collect::<Vec<_>>();
    // A row copied before and unchanged since is left alone: a resumed copy rewrites nothing.
    let differs = format!(
        "({}) IS DISTINCT FROM ({})",
        changing.iter().map(|c| format!("{}.{c}", table.name)).collect::<Vec<_>>().join(", "),
        changing.iter().map(|c| format!("excluded.{c}")).collect::<Vec<_>>().join(", ")
    );
    let conflict = if update.is_empty() {
        "DO NOTHING".to_owned()
    } else {
        format!("DO UPDATE SET {} WHERE {differs}", update.join(", "))
    };
    let sql = format!(
        "INSERT INTO {} ({}) VALUES {} ON CONFLICT ({}) {conflict}",
        table.name,
        names.join(", "),
        vec![marks; rows.len()].join(", "),
        table.key.join(", ")
    );
    let mut query = target.sql(sql);
    for row in rows {
        for (value, name) in row.iter().zip(&names) {
            query = if table.later.contains(name) { query.bind(None::<String>) } else { value.bind(query) };
        }
    }
    let mut tx = target.write().await?;
    query.execute(tx.on()).await?;
    tx.commit().await
}

/// Sets the `later` columns of rows copied by the first pass (rows are key, then later).
async fn link_rows(target: &Store, table: &Table, rows: &[Vec<Value>]) -> Result<(), StoreError> {
    let width = table.key.len() + table.later.len();
    let names: Vec<&str> = table.key.iter().chain(table.later).copied().collect();
    let casts: Vec<String> = table
        .key
        .iter()
        .map(|k| match table.columns.iter().find(|(c, _)| c == k).map(|(_, kind)| *kind) {
            Some(Int) => "?::BIGINT".to_owned(),
            _ => "?::TEXT".to_owned(),
        })
        .chain(table.later.iter().map(|_| "?::TEXT".to_owned()))
        .collect();
    let values = vec![format!("({})", casts.join(", ")); rows.len()].join(", ");
    let set = table.later.iter().map(|c| format!("{c} = v.{c}")).collect::<Vec<_>>().join(", ");
    let matches = table.key.iter().map(|k| format!("{0}.{k} = v.{k}", table.name)).collect::<Vec<_>>().join(" AND ");
    // Only rows whose links differ are written (an update rewrites the whole row, and on
    // articles recomputes its search vector).
    let differs = format!(
        "({}) IS DISTINCT FROM ({})",
        table.later.iter().map(|c| format!("{}.{c}", table.name)).collect::<Vec<_>>().join(", "),
        table.later.iter().map(|c| format!("v.{c}")).collect::<Vec<_>>().join(", ")
    );
    let sql = format!(
        "UPDATE {0} SET {set} FROM (VALUES {values}) AS v({1}) WHERE {matches} AND {differs}",
        table.name,
        names.join(", ")
    );
    let mut query = target.sql(sql);
    for row in rows {
        for value in &row[..width] {
            query = value.bind(query);
        }
    }
    let mut tx = target.write().await?;
    query.execute(tx.on()).await?;
    tx.commit().await
}
