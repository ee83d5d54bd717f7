//! `newsdesk extract PATH_OR_URL... [--format json]`: what newsdesk extracts from article
//! pages, in one process so that it can be timed over many pages.

use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use newsdesk_extract::{Extracted, MAX_PAGE_BYTES, Page};
use newsdesk_fetch::{FetchRequest, Fetcher};
use serde_json::json;
use url::Url;

use crate::args::ExtractFormat;
use crate::config::Config;

/// Deepest directory walked.
const MAX_DIR_DEPTH: usize = 16;

/// Extracts every page; returns how many could not be read.
///
/// # Errors
/// Standard output fails, or the fetcher cannot be built.
pub async fn run(inputs: &[String], format: ExtractFormat, config: &Config) -> anyhow::Result<usize> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut fetcher: Option<Fetcher> = None;
    let mut failed = 0;
    for input in inputs {
        if input.starts_with("http://") || input.starts_with("https://") {
            let page = match Url::parse(input) {
                Ok(url) => {
                    if fetcher.is_none() {
                        fetcher = Some(Fetcher::new(config.fetch_config())?);
                    }
                    match fetcher.as_ref() {
                        Some(f) => fetch(f, &url).await,
                        None => Err("no fetcher".to_owned()),
                    }
                }
                Err(e) => Err(format!("`{input}` is not a URL: {e}")),
            };
            failed += usize::from(!print(&mut out, input, page, format)?);
            continue;
        }
        let path = Path::new(input);
        let files = match pages_under(path) {
            Ok(files) => files,
            Err(e) => {
                failed += usize::from(!print(&mut out, input, Err(e), format)?);
                continue;
            }
        };
        for file in files {
            let source = file.display().to_string();
            let page = read_page(&file).map(|bytes| {
                let extracted = newsdesk_extract::extract(Page { bytes: &bytes, content_type: None, url: None });
                with_language(extracted)
            });
            failed += usize::from(!print(&mut out, &source, page, format)?);
        }
    }
    out.flush()?;
    Ok(failed)
}

async fn fetch(fetcher: &Fetcher, url: &Url) -> Result<Extracted, String> {
    let response = fetcher
        .fetch(FetchRequest { accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5", ..FetchRequest::new(url) })
        .await
        .map_err(|e| format!("cannot fetch {url}: {e}"))?;
    if !(200..300).contains(&response.status) {
        return Err(format!("cannot fetch {url}: the server answered {}", response.status));
    }
    let extracted = newsdesk_extract::extract(Page {
        bytes: &response.body,
        content_type: response.content_type.as_deref(),
        url: Some(&response.url),
    });
    Ok(with_language(extracted))
}

/// The page's declared language, else the one its text is written in.
fn with_language(mut e: Extracted) -> Extracted {
    if e.language.is_none() && !e.text.is_empty() {
        e.language = newsdesk_stories::detect_language(&e.text).map(str::to_owned);
    }
    e
}

/// Writes one page's result; returns false when it was an error.
fn print(
    out: &mut impl Write,
    source: &str,
    page: Result<Extracted, String>,
    format: ExtractFormat,
) -> io::Result<bool> {
    match (page, format) {
        (Ok(e), ExtractFormat::Json) => {
            let line = json!({
                "source": source,
                "title": e.title,
                "byline": e.byline,
                "published": e.published.map(|d| d.to_rfc3339()),
                "modified": e.modified.map(|d| d.to_rfc3339()),
                "language": e.language,
                "site_name": e.site_name,
                "canonical_url": e.canonical_url.as_ref().map(Url::as_str),
                "image": e.image.as_ref().map(Url::as_str),
                "words": e.word_count(),
                "is_article": e.is_article(),
                "not_article": e.not_article.map(|r| r.to_string()),
                "truncated": e.truncated,
                "text": e.text,
                "html": e.html,
            });
            writeln!(out, "{line}")?;
            Ok(true)
        }
        (Ok(e), ExtractFormat::Text) => {
            writeln!(out, "== {source}")?;
            writeln!(out, "{}", e.title.as_deref().unwrap_or("(no title)"))?;
            for (label, value) in [
                ("By", e.byline.clone()),
                ("Published", e.published.map(|d| d.to_rfc3339())),
                ("Language", e.language.clone()),
                ("Site", e.site_name.clone()),
                ("Canonical", e.canonical_url.as_ref().map(ToString::to_string)),
                ("Image", e.image.as_ref().map(ToString::to_string)),
                ("Not an article", e.not_article.map(|r| r.to_string())),
                ("Truncated", e.truncated.map(str::to_owned)),
            ] {
                if let Some(v) = value {
                    writeln!(out, "{label}: {v}")?;
                }
            }
            writeln!(out)?;
            for line in e.text.lines() {
                writeln!(out, "{line}\n")?;
            }
            Ok(true)
        }
        (Err(error), ExtractFormat::Json) => {
            writeln!(out, "{}", json!({ "source": source, "error": error }))?;
            Ok(false)
        }
        (Err(error), ExtractFormat::Text) => {
            writeln!(out, "== {source}\nerror: {error}\n")?;
            Ok(false)
        }
    }
}

/// The page files at `path`: the file itself, or every page file under a directory.
fn pages_under(path: &Path) -> Result<Vec<PathBuf>, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    if meta.is_file() {
        return Ok(vec![path.to_owned()]);
    }
    let mut files = Vec::new();
    let mut dirs = vec![(path.to_owned(), 0usize)];
    while let Some((dir, depth)) = dirs.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        for entry in entries.flatten() {
            let p = entry.path();
            let Ok(kind) = entry.file_type() else { continue };
            if kind.is_dir() && depth < MAX_DIR_DEPTH {
                dirs.push((p, depth + 1));
            } else if kind.is_file() && is_page_file(&p) {
                files.push(p);
            }
        }
    }
    files.sort();
    Ok(files)
}

fn is_page_file(p: &Path) -> bool {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("").to_ascii_lowercase();
    [".html", ".htm", ".html.gz", ".htm.gz"].iter().any(|ext| name.ends_with(ext))
}

/// The page's bytes, gunzipped when the name ends in `.gz`; at most [`MAX_PAGE_BYTES`] + 1.
fn read_page(path: &Path) -> Result<Vec<u8>, String> {
    let fail = |e: io::Error| format!("cannot read {}: {e}", path.display());
    let file = File::open(path).map_err(fail)?;
    let limit = u64::try_from(MAX_PAGE_BYTES).unwrap_or(u64::MAX) + 1;
    let mut bytes = Vec::new();
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("gz")) {
        flate2::read::MultiGzDecoder::new(file)
            .take(limit)
            .read_to_end(&mut bytes)
            .with_context(|| "the file is not valid gzip")
            .map_err(|e| format!("cannot read {}: {e:#}", path.display()))?;
    } else {
        file.take(limit).read_to_end(&mut bytes).map_err(fail)?;
    }
    Ok(bytes)
}
