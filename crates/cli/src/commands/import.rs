//! `newsdesk import PATH...`: article page files and JSON Lines into the store.
//!
//! Every file is read on its own: a file that fails is reported with its line and what was
//! expected, and the others still import. Articles are written in batches, one transaction
//! (and one disk sync) per batch.

use newsdesk_pipeline::Desk;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use newsdesk_formats::{parse_jsonl_line, parse_page};
use newsdesk_model::ArticleUpsert;
use newsdesk_store::{OutletNaming, Store, StoreError, UpsertOutcome};

/// Largest article page file read.
const MAX_PAGE_BYTES: u64 = 16 * 1024 * 1024;
/// Longest JSON Lines line read.
const MAX_JSONL_LINE_BYTES: usize = 8 * 1024 * 1024;
/// Articles per transaction.
const BATCH: usize = 500;
/// Deepest directory nesting followed.
const MAX_DEPTH: usize = 32;

/// What an import did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub files_ok: usize,
    pub files_failed: usize,
    /// Files in directories that are neither .txt nor .jsonl.
    pub files_skipped: usize,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// `path:line: message`, in the order found.
    pub errors: Vec<String>,
}

impl ImportReport {
    /// The closing line.
    #[must_use]
    pub fn summary(&self) -> String {
        let articles = self.created + self.updated + self.unchanged;
        let mut s = format!(
            "Imported {articles} article{} from {} file{} ({} new, {} updated, {} unchanged).",
            if articles == 1 { "" } else { "s" },
            self.files_ok,
            if self.files_ok == 1 { "" } else { "s" },
            self.created,
            self.updated,
            self.unchanged
        );
        if self.files_failed > 0 {
            s.push_str(&format!(
                " {} file{} failed.",
                self.files_failed,
                if self.files_failed == 1 { "" } else { "s" }
            ));
        }
        if self.files_skipped > 0 {
            s.push_str(&format!(" Skipped {} file(s) that are not .txt or .jsonl.", self.files_skipped));
        }
        s
    }
}

/// A file to import and how to read it.
enum Input {
    Page(PathBuf),
    Jsonl(PathBuf),
}

/// Imports `paths`, reporting each error to `on_error` as it is found.
///
/// # Errors
/// Only a database failure; problems with files are in the report.
pub async fn run(
    store: &Store,
    desk: &Desk,
    paths: &[PathBuf],
    on_error: &mut dyn FnMut(&str),
) -> anyhow::Result<ImportReport> {
    let mut report = ImportReport::default();
    let mut inputs = Vec::new();
    for path in paths {
        collect(path, 0, true, &mut inputs, &mut report, on_error);
    }
    let mut pending: Vec<(PathBuf, usize, ArticleUpsert)> = Vec::new();
    let mut failed_files: Vec<PathBuf> = Vec::new();
    let mut good_files: Vec<PathBuf> = Vec::new();
    let fail = |report: &mut ImportReport, message: String, on_error: &mut dyn FnMut(&str)| {
        on_error(&message);
        report.errors.push(message);
    };
    for input in inputs {
        match input {
            Input::Page(path) => match read_page(&path) {
                Ok(upsert) => {
                    pending.push((path.clone(), 1, upsert));
                    good_files.push(path);
                }
                Err(message) => {
                    fail(&mut report, message, on_error);
                    failed_files.push(path);
                }
            },
            Input::Jsonl(path) => {
                let mut file_ok = true;
                let result = read_jsonl(&path, &mut |line_no, parsed| match parsed {
                    Ok(upsert) => pending.push((path.clone(), line_no, upsert)),
                    Err(message) => {
                        fail(&mut report, message, on_error);
                        file_ok = false;
                    }
                });
                if let Err(message) = result {
                    fail(&mut report, message, on_error);
                    file_ok = false;
                }
                if file_ok { good_files.push(path) } else { failed_files.push(path) }
            }
        }
        if pending.len() >= BATCH {
            flush(store, desk, &mut pending, &mut report, &mut failed_files, on_error).await?;
        }
    }
    flush(store, desk, &mut pending, &mut report, &mut failed_files, on_error).await?;
    failed_files.sort();
    failed_files.dedup();
    good_files.retain(|p| failed_files.binary_search(p).is_err());
    good_files.dedup();
    report.files_ok = good_files.len();
    report.files_failed += failed_files.len();
    Ok(report)
}

/// Stores a batch, then understands its new and changed articles (stories, copies, entities)
/// in publication order within the batch.
async fn flush(
    store: &Store,
    desk: &Desk,
    pending: &mut Vec<(PathBuf, usize, ArticleUpsert)>,
    report: &mut ImportReport,
    failed_files: &mut Vec<PathBuf>,
    on_error: &mut dyn FnMut(&str),
) -> anyhow::Result<()> {
    if pending.is_empty() {
        return Ok(());
    }
    let mut batch = std::mem::take(pending);
    credit_outlets(store, &mut batch).await?;
    let (places, upserts): (Vec<_>, Vec<_>) = batch.into_iter().map(|(p, l, u)| ((p, l), u)).unzip();
    let outcomes = store.upsert_articles(upserts).await?;
    let mut changed = Vec::new();
    for ((path, line), outcome) in places.into_iter().zip(outcomes) {
        match outcome {
            Ok(UpsertOutcome::Created(id)) => {
                report.created += 1;
                changed.push(id);
            }
            Ok(UpsertOutcome::Updated(id)) => {
                report.updated += 1;
                changed.push(id);
            }
            Ok(UpsertOutcome::Unchanged(_)) => report.unchanged += 1,
            Err(invalid) => {
                let message = format!("{}:{line}: {invalid}", path.display());
                on_error(&message);
                report.errors.push(message);
                failed_files.push(path);
            }
        }
    }
    desk.understand(store, &changed).await?;
    Ok(())
}

/// Credits each article of the batch that names no source to the outlet of its address (the
/// source for the address's registrable domain, made if there is none, named by its domain
/// until a feed or the operator names it), as a polled article is credited to its feed's: so
/// that an exported archive imported elsewhere still names its outlets. An address with no
/// registrable domain (or not http(s)) credits no one.
async fn credit_outlets(store: &Store, batch: &mut [(PathBuf, usize, ArticleUpsert)]) -> anyhow::Result<()> {
    let mut sources: std::collections::HashMap<String, Option<newsdesk_model::SourceId>> =
        std::collections::HashMap::new();
    for (_, _, upsert) in batch.iter_mut() {
        if upsert.source_id.is_some() {
            continue;
        }
        let Some(url) = upsert.url.as_ref().filter(|u| matches!(u.scheme(), "http" | "https")) else { continue };
        let Some(host) = url.host_str().map(str::to_owned) else { continue };
        let source = match sources.get(&host) {
            Some(known) => *known,
            None => {
                let mut home = url.clone();
                home.set_path("/");
                home.set_query(None);
                home.set_fragment(None);
                let found = match store.ensure_source("", OutletNaming::Domain, &home).await {
                    Ok(source) => Some(source.id),
                    Err(StoreError::Invalid(_)) => None,
                    Err(e) => return Err(e.into()),
                };
                sources.insert(host, found);
                found
            }
        };
        upsert.source_id = source;
    }
    Ok(())
}

fn collect(
    path: &Path,
    depth: usize,
    named: bool,
    inputs: &mut Vec<Input>,
    report: &mut ImportReport,
    on_error: &mut dyn FnMut(&str),
) {
    let mut fail = |message: String| {
        on_error(&message);
        report.errors.push(message);
        report.files_failed += 1;
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return fail(format!("{}: cannot read: {e}", path.display())),
    };
    if meta.is_dir() {
        if depth >= MAX_DEPTH {
            return fail(format!("{}: directories nest deeper than {MAX_DEPTH} levels; not read", path.display()));
        }
        let mut entries = match std::fs::read_dir(path) {
            Ok(rd) => rd.filter_map(Result::ok).map(|e| e.path()).collect::<Vec<_>>(),
            Err(e) => return fail(format!("{}: cannot read the directory: {e}", path.display())),
        };
        entries.sort();
        for entry in entries {
            let hidden = entry.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
            if !hidden {
                collect(&entry, depth + 1, false, inputs, report, on_error);
            }
        }
        return;
    }
    match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("jsonl") => inputs.push(Input::Jsonl(path.to_path_buf())),
        Some("txt") => inputs.push(Input::Page(path.to_path_buf())),
        // A file named on the command line is read as a page whatever its name.
        _ if named => inputs.push(Input::Page(path.to_path_buf())),
        _ => report.files_skipped += 1,
    }
}

fn read_page(path: &Path) -> Result<ArticleUpsert, String> {
    let at = path.display();
    let file = File::open(path).map_err(|e| format!("{at}: cannot read: {e}"))?;
    let mut bytes = Vec::new();
    file.take(MAX_PAGE_BYTES + 1).read_to_end(&mut bytes).map_err(|e| format!("{at}: cannot read: {e}"))?;
    if bytes.len() as u64 > MAX_PAGE_BYTES {
        return Err(format!("{at}: larger than {} MiB; an article page file is smaller", MAX_PAGE_BYTES >> 20));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let line = e.as_bytes()[..e.utf8_error().valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
        format!("{at}:{line}: expected UTF-8 text, found a byte that is not UTF-8")
    })?;
    parse_page(&text).map_err(|e| format!("{at}:{}: {}", e.line, e.message))
}

/// Reads a JSON Lines file line by line, in bounded memory, calling `each` per non-blank line.
fn read_jsonl(path: &Path, each: &mut dyn FnMut(usize, Result<ArticleUpsert, String>)) -> Result<(), String> {
    let at = path.display();
    let file = File::open(path).map_err(|e| format!("{at}: cannot read: {e}"))?;
    let mut reader = BufReader::new(file);
    let mut buf = Vec::new();
    let mut line_no = 0;
    loop {
        buf.clear();
        line_no += 1;
        let limit = u64::try_from(MAX_JSONL_LINE_BYTES).unwrap_or(u64::MAX) + 1;
        let n = (&mut reader)
            .take(limit)
            .read_until(b'\n', &mut buf)
            .map_err(|e| format!("{at}:{line_no}: cannot read: {e}"))?;
        if n == 0 {
            return Ok(());
        }
        if buf.len() > MAX_JSONL_LINE_BYTES && buf.last() != Some(&b'\n') {
            each(line_no, Err(format!("{at}:{line_no}: line longer than {} MiB; skipped", MAX_JSONL_LINE_BYTES >> 20)));
            // Skip the rest of the line.
            let mut rest = Vec::new();
            loop {
                rest.clear();
                let m = (&mut reader)
                    .take(1 << 20)
                    .read_until(b'\n', &mut rest)
                    .map_err(|e| format!("{at}: cannot read: {e}"))?;
                if m == 0 || rest.last() == Some(&b'\n') {
                    break;
                }
            }
            continue;
        }
        let line = match std::str::from_utf8(&buf) {
            Ok(s) => s.trim_start_matches('\u{feff}').trim(),
            Err(_) => {
                each(line_no, Err(format!("{at}:{line_no}: expected UTF-8 text, found a byte that is not UTF-8")));
                continue;
            }
        };
        if line.is_empty() {
            continue;
        }
        each(line_no, parse_jsonl_line(line, line_no).map_err(|e| format!("{at}:{}: {}", e.line, e.message)));
    }
}
