//! `serve --demo`: a few self-written articles, so a fresh install has something to show.
//! They go through the same JSON Lines reader and store path as an import.

use anyhow::Context;
use newsdesk_formats::parse_jsonl_line;
use newsdesk_pipeline::Desk;
use newsdesk_store::{Store, UpsertOutcome};

const DEMO: &str = include_str!("../../demo/articles.jsonl");

/// Loads the demo articles; returns how many were new.
///
/// # Errors
/// A defect in the embedded demo file, or a database error.
pub async fn load(store: &Store, desk: &Desk) -> anyhow::Result<usize> {
    let upserts = DEMO
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| parse_jsonl_line(l, i + 1))
        .collect::<Result<Vec<_>, _>>()
        .context("the embedded demo articles")?;
    let outcomes = store.upsert_articles(upserts).await?;
    let mut created = Vec::new();
    for outcome in outcomes {
        if let UpsertOutcome::Created(id) = outcome.context("the embedded demo articles")? {
            created.push(id);
        }
    }
    desk.understand(store, &created).await?;
    Ok(created.len())
}
