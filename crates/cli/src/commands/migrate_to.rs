//! `newsdesk migrate-to postgres://...`: copy the SQLite database into PostgreSQL and check
//! the copy, with a progress bar on a terminal.

use std::time::Instant;

use newsdesk_store::{Store, StoreOptions};

/// Copies `source` into the database at `url`; returns the summary lines.
///
/// # Errors
/// A target that is not PostgreSQL or cannot be opened, database errors (run it again: it
/// resumes), and a copy that differs from its source.
pub async fn run(source: &Store, url: &str) -> anyhow::Result<String> {
    if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
        anyhow::bail!(
            "migrate-to copies into PostgreSQL: give a postgres:// URL, not `{}`",
            newsdesk_model::redact_password(url)
        );
    }
    let started = Instant::now();
    let target = Store::open(url, &StoreOptions::default()).await?;
    let bar = super::progress::bar(0, "{spinner} {msg}: {pos} rows  {per_sec}");
    let checks = source
        .copy_to(&target, &mut |table, rows| {
            bar.set_message(table.to_owned());
            bar.set_position(rows);
        })
        .await;
    bar.finish_and_clear();
    target.close().await;
    let checks = checks?;
    let rows: u64 = checks.iter().map(|c| c.rows).sum();
    let mut out = String::new();
    for c in &checks {
        out.push_str(&format!("  {:<18} {:>9} rows  checksum {:016x}  same in both\n", c.table, c.rows, c.checksum));
    }
    let shown = newsdesk_model::redact_password(url);
    out.push_str(&format!(
        "Copied {rows} rows of {} tables into {shown} in {:.1} s; counts and checksums match.\n\
         Run newsdesk with --database {shown} (or NEWSDESK_DATABASE_URL) from now on.",
        checks.len(),
        started.elapsed().as_secs_f64()
    ));
    Ok(out)
}
