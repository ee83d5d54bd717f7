//! `newsdesk export --format page|jsonl [--out DIR]`.
//!
//! Articles are read in batches in id order, so memory stays bounded however many there
//! are. Files are written to a temporary name and renamed, so an interrupted export never
//! leaves a half-written file under the final name.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use anyhow::Context;
use newsdesk_formats::{write_jsonl_line, write_page};
use newsdesk_store::Store;

use crate::args::ExportFormat;

const BATCH: u32 = 200;

/// Exports every article; returns how many.
///
/// # Errors
/// Database errors, and files or directories that cannot be written.
pub async fn run(store: &Store, format: ExportFormat, out: Option<&Path>) -> anyhow::Result<usize> {
    match out {
        None => {
            let stdout = io::stdout();
            let mut w = BufWriter::new(stdout.lock());
            let n = write_all(store, format, &mut w, None).await?;
            w.flush()?;
            Ok(n)
        }
        Some(dir) => {
            fs::create_dir_all(dir).with_context(|| format!("cannot create the directory {}", dir.display()))?;
            match format {
                ExportFormat::Jsonl => {
                    let final_path = dir.join("articles.jsonl");
                    let tmp = dir.join(".articles.jsonl.partial");
                    let file = fs::File::create(&tmp).with_context(|| format!("cannot write {}", tmp.display()))?;
                    let mut w = BufWriter::new(file);
                    let n = write_all(store, format, &mut w, None).await?;
                    w.into_inner().map_err(io::IntoInnerError::into_error)?.sync_all()?;
                    fs::rename(&tmp, &final_path).with_context(|| format!("cannot write {}", final_path.display()))?;
                    Ok(n)
                }
                ExportFormat::Page => write_all(store, format, &mut io::sink(), Some(dir)).await,
            }
        }
    }
}

async fn write_all(
    store: &Store,
    format: ExportFormat,
    w: &mut dyn Write,
    page_dir: Option<&Path>,
) -> anyhow::Result<usize> {
    let mut after = None;
    let mut n = 0;
    loop {
        let batch = store.articles_after(after, BATCH).await?;
        let Some(last) = batch.last() else { break };
        after = Some(last.id);
        for article in &batch {
            match (format, page_dir) {
                (ExportFormat::Jsonl, _) => {
                    w.write_all(write_jsonl_line(article)?.as_bytes())?;
                    w.write_all(b"\n")?;
                }
                (ExportFormat::Page, Some(dir)) => {
                    let path = dir.join(format!("{}.txt", article.id));
                    let tmp = dir.join(format!(".{}.txt.partial", article.id));
                    fs::write(&tmp, write_page(article)).with_context(|| format!("cannot write {}", tmp.display()))?;
                    fs::rename(&tmp, &path).with_context(|| format!("cannot write {}", path.display()))?;
                }
                (ExportFormat::Page, None) => {
                    if n > 0 {
                        w.write_all(b"\n")?;
                    }
                    w.write_all(write_page(article).as_bytes())?;
                }
            }
            n += 1;
        }
    }
    Ok(n)
}
