//! `newsdesk sources ...`: the outlets, and their names.

use std::fmt::Write as _;

use anyhow::bail;
use newsdesk_store::Store;

/// The outlets as a table.
///
/// # Errors
/// Database errors.
pub async fn list(store: &Store) -> anyhow::Result<String> {
    let sources = store.sources().await?;
    if sources.is_empty() {
        return Ok("No outlets yet: each feed you follow adds its site's.".into());
    }
    let width = sources.iter().map(|s| s.domain.chars().count()).max().unwrap_or(6).max(6);
    let mut out = format!("{:<width$}  {:<9}  NAME\n", "DOMAIN", "NAMED BY");
    for s in &sources {
        let _ = writeln!(out, "{:<width$}  {:<9}  {}", s.domain, s.named_by, s.name);
    }
    let _ = write!(out, "{} outlet{}.", sources.len(), if sources.len() == 1 { "" } else { "s" });
    Ok(out)
}

/// Renames the outlet on `domain`.
///
/// # Errors
/// No such outlet, an empty name, database errors.
pub async fn rename(store: &Store, domain: &str, name: &str) -> anyhow::Result<String> {
    if name.split_whitespace().next().is_none() {
        bail!("the new name is empty: give the name readers know the outlet by");
    }
    if !store.rename_source(domain, name).await? {
        bail!("no outlet has the domain `{}`: `newsdesk sources list` shows them", domain.trim());
    }
    let Some(source) = store.source_by_domain(domain).await? else {
        bail!("the outlet `{}` was removed meanwhile", domain.trim());
    };
    Ok(format!("{} is now called \"{}\"; feeds and pages will not rename it.", source.domain, source.name))
}
