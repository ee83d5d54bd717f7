//! `newsdesk feeds ...`: following, listing and managing feeds.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, bail};
use newsdesk_feeds::{OpmlFeed, parse_opml, write_opml};
use newsdesk_fetch::Fetcher;
use newsdesk_model::{Feed, FeedStatus, FullText};
use newsdesk_store::{NewFeed, Store, StoreError};
use url::Url;

/// Follows the feed at (or for) `url`; returns the line to print.
///
/// # Errors
/// An address that is not a URL, a site without a feed, or a feed followed already.
pub async fn add(store: &Store, fetcher: &Fetcher, raw: &str) -> anyhow::Result<String> {
    let url = parse_url(raw)?;
    let found = newsdesk_pipeline::discover_feed(fetcher, &url).await?;
    let parsed = found.feed.clone();
    let feed = store
        .add_feed(NewFeed {
            url: Some(found.url),
            title: parsed.title.clone(),
            site_url: parsed.site_url.clone(),
            site_name: found.site_name,
        })
        .await?;
    // What the next crawl will store of what the feed holds now, said as it is.
    let refused: Vec<String> = parsed
        .entries
        .iter()
        .filter_map(|e| newsdesk_pipeline::entries::to_incoming(e, &parsed).article.validated().err())
        .map(|e| e.to_string())
        .collect();
    let storable = parsed.entries.len() - refused.len();
    let mut out = format!(
        "Following {} at {}\n{storable} {} to store on the next crawl",
        feed.title.as_deref().unwrap_or("a feed without a title"),
        feed.url,
        if storable == 1 { "entry" } else { "entries" },
    );
    if let Some(first) = refused.first() {
        out.push_str(&format!(" ({} cannot be stored: {first})", refused.len()));
    }
    out.push_str(&format!("; feed id {}.", feed.id));
    if !found.others.is_empty() {
        let n = found.others.len();
        out.push_str(&format!(
            "\nThe page announces {n} other feed{}, not followed: {}\nFollow any of them with `newsdesk feeds add URL`.",
            if n == 1 { "" } else { "s" },
            found.others.iter().map(Url::as_str).collect::<Vec<_>>().join(", ")
        ));
    }
    Ok(out)
}

fn parse_url(raw: &str) -> anyhow::Result<Url> {
    let raw = raw.trim();
    let with_scheme = if raw.contains("://") { raw.to_owned() } else { format!("https://{raw}") };
    let url = Url::parse(&with_scheme).with_context(|| format!("`{raw}` is not a web address"))?;
    if !matches!(url.scheme(), "http" | "https") {
        bail!("`{raw}` is not an http or https address");
    }
    Ok(url)
}

/// The feeds as a table.
///
/// # Errors
/// Database errors.
pub async fn list(store: &Store) -> anyhow::Result<String> {
    let feeds = store.feeds().await?;
    if feeds.is_empty() {
        return Ok(
            "No feeds yet. Follow one with `newsdesk feeds add URL` or `newsdesk feeds import FILE.opml`.".into()
        );
    }
    let mut out = format!("{:<36}  {:<12}  {:>6}  {:<16}  {}\n", "ID", "STATUS", "ITEMS", "NEXT POLL (UTC)", "FEED");
    for f in &feeds {
        let next = if f.paused { "paused".to_owned() } else { f.next_poll_at.format("%Y-%m-%d %H:%M").to_string() };
        let title = f.title.as_deref().map(|t| format!("  ({t})")).unwrap_or_default();
        let _ = writeln!(out, "{:<36}  {:<12}  {:>6}  {:<16}  {}{title}", f.id, status(f), f.item_count, next, f.url);
        if f.full_text != FullText::Auto {
            let _ = writeln!(out, "{:<36}  full text: {}", "", f.full_text.as_str());
        }
        if let Some(error) = &f.last_error {
            let label = if f.last_status == FeedStatus::Error { "error" } else { "note" };
            let _ = writeln!(out, "{:<36}  {label}: {error}", "");
        }
    }
    let failing = feeds.iter().filter(|f| f.last_status == FeedStatus::Error).count();
    let _ = write!(out, "{} feed{}, {failing} failing.", feeds.len(), if feeds.len() == 1 { "" } else { "s" });
    Ok(out)
}

/// The feeds as JSON Lines: one object per feed, the fields of `feeds list`.
///
/// # Errors
/// Database errors.
pub async fn list_json(store: &Store) -> anyhow::Result<String> {
    let mut out = String::new();
    for f in store.feeds().await? {
        let line = serde_json::json!({
            "id": f.id.to_string(),
            "url": f.url.as_str(),
            "title": f.title,
            "paused": f.paused,
            "status": f.last_status.as_str(),
            "error_count": f.error_count,
            "last_error": f.last_error,
            "item_count": f.item_count,
            "full_text": f.full_text.as_str(),
            "last_polled_at": f.last_polled_at,
            "next_poll_at": f.next_poll_at,
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    Ok(out)
}

fn status(f: &Feed) -> String {
    match f.last_status {
        FeedStatus::Error if f.error_count > 1 => format!("error x{}", f.error_count),
        s => s.as_str().replace('_', " "),
    }
}

async fn find(store: &Store, id_or_url: &str) -> anyhow::Result<Feed> {
    store
        .find_feed(id_or_url)
        .await?
        .with_context(|| format!("no feed has the id or URL `{id_or_url}`; `newsdesk feeds list` shows them"))
}

/// Removes a feed.
///
/// # Errors
/// An unknown feed, database errors.
pub async fn remove(store: &Store, id_or_url: &str) -> anyhow::Result<String> {
    let feed = find(store, id_or_url).await?;
    store.remove_feed(feed.id).await?;
    Ok(format!("Stopped following {} (its {} articles stay).", feed.url, feed.item_count))
}

/// Pauses or resumes a feed.
///
/// # Errors
/// An unknown feed, database errors.
pub async fn set_paused(store: &Store, id_or_url: &str, paused: bool) -> anyhow::Result<String> {
    let feed = find(store, id_or_url).await?;
    store.set_feed_paused(feed.id, paused).await?;
    Ok(if paused {
        format!("Paused {}.", feed.url)
    } else {
        format!("Resumed {}; it is polled on the next crawl.", feed.url)
    })
}

/// Sets whether a feed's article pages are fetched for their full text.
///
/// # Errors
/// An unknown feed or mode, database errors.
pub async fn set_full_text(store: &Store, id_or_url: &str, mode: &str) -> anyhow::Result<String> {
    let Some(mode) = FullText::parse(mode) else {
        bail!("`{mode}` is not a full-text mode; say auto, always or never");
    };
    let feed = find(store, id_or_url).await?;
    store.set_feed_full_text(feed.id, mode).await?;
    Ok(match mode {
        FullText::Auto => format!("{}: article pages are fetched when the feed's content looks partial.", feed.url),
        FullText::Always => format!("{}: every new or changed entry's article page is fetched.", feed.url),
        FullText::Never => format!("{}: the feed's own content is kept; no article page is fetched.", feed.url),
    })
}

/// Follows every feed of an OPML file.
///
/// # Errors
/// A file that cannot be read or is not XML, database errors.
pub async fn import_opml(store: &Store, path: &Path) -> anyhow::Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    if bytes.len() > 32 * 1024 * 1024 {
        bail!("{} is larger than 32 MiB; that is not a subscription list", path.display());
    }
    let text = String::from_utf8_lossy(&bytes);
    let opml = parse_opml(&text).map_err(|e| anyhow::anyhow!("{}: not an OPML file ({e})", path.display()))?;
    let (mut added, mut existing) = (0, 0);
    // Every outline that can be followed is, whatever the others hold.
    let mut refused: Vec<String> = Vec::new();
    for f in opml.feeds {
        let url = f.url.to_string();
        match store.add_feed(NewFeed { url: Some(f.url), title: f.title, site_url: f.site_url, site_name: None }).await
        {
            Ok(_) => added += 1,
            Err(StoreError::FeedExists { .. }) => existing += 1,
            Err(StoreError::Invalid(why)) => refused.push(format!("{url}: not followed: {}", why.problem)),
            Err(e) => return Err(e.into()),
        }
    }
    let mut out = format!("Added {added} feed{} from {}", if added == 1 { "" } else { "s" }, path.display());
    if existing > 0 {
        let _ = write!(out, "; {existing} followed already");
    }
    out.push('.');
    if !opml.skipped.is_empty() {
        let _ = write!(out, " Skipped {}:", opml.skipped.len());
        for s in opml.skipped.iter().take(20) {
            let _ = write!(out, "\n  {s}");
        }
    }
    if !refused.is_empty() {
        let _ = write!(out, "\nCould not follow {}:", refused.len());
        for r in refused.iter().take(50) {
            let _ = write!(out, "\n  {r}");
        }
        // The exit status says so, once the whole file is done.
        bail!("{out}");
    }
    Ok(out)
}

/// Every feed as OPML.
///
/// # Errors
/// Database errors.
pub async fn export_opml(store: &Store) -> anyhow::Result<String> {
    let feeds: Vec<OpmlFeed> = store
        .feeds()
        .await?
        .into_iter()
        .map(|f| OpmlFeed { url: f.url, title: f.title, site_url: f.site_url })
        .collect();
    Ok(write_opml("newsdesk subscriptions", &feeds))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_without_a_scheme_get_https() {
        assert_eq!(parse_url("harbour.example/news").unwrap().as_str(), "https://harbour.example/news");
        assert!(parse_url("ftp://files.example/").is_err());
        assert!(parse_url("http://").is_err());
    }
}
