//! `newsdesk analyze --input FILE.jsonl`: what newsdesk understands of each article, one JSON
//! line per input line, in order, as it goes.
//!
//! Lines are read in batches. The work that depends on one article only (parsing, language,
//! summary, entities, keyphrases, fingerprint) runs on every core; copy detection and story
//! assignment, which depend on the articles before, then run in input order.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::Path;

use anyhow::Context;
use chrono::{DateTime, NaiveDate, Utc};
use newsdesk_pipeline::understand::{Analysis, ArticleText, Fields, Understanding, analyze};
use newsdesk_stories::SummaryConfig;
use serde_json::{Value, json};

use super::story_book::StoryBook;

/// Longest input line read.
const MAX_LINE_BYTES: u64 = 16 * 1024 * 1024;
/// Lines analyzed together (bounded memory, ordered output).
const BATCH: usize = 512;

/// A line number and the line's bytes, or why it could not be read.
type Line = (usize, Result<Vec<u8>, String>);

/// One article with its independent work done.
struct Prepared {
    id_text: String,
    title: String,
    text: String,
    source: Option<String>,
    /// The language the line declares (as a feed does), read where the text is too short to
    /// tell.
    language: Option<String>,
    published: Option<DateTime<Utc>>,
    /// True when `published` gave a date without a time.
    day_only: bool,
    output: serde_json::Map<String, Value>,
    analysis: Analysis,
}

/// Analyzes every line; returns how many lines could not be read. Stories told in several
/// languages are presented in `readers` (`site.language`) where they can be.
///
/// # Errors
/// The input cannot be opened, or standard output fails.
pub fn run(input: &Path, fields: Fields, stories: Option<&Path>, readers: &str) -> anyhow::Result<usize> {
    let reader: Box<dyn Read> = if input.as_os_str() == "-" {
        Box::new(io::stdin())
    } else {
        Box::new(File::open(input).with_context(|| format!("cannot read {}", input.display()))?)
    };
    let mut reader = BufReader::new(reader);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let config = SummaryConfig::default();
    let mut state = Understanding::default();
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get).min(8);
    let mut failed = 0;
    let mut line_no = 0usize;
    let mut book = match stories {
        Some(path) => {
            let file = File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
            Some((StoryBook::for_readers(readers), BufWriter::new(file)))
        }
        None => None,
    };
    loop {
        let batch = read_batch(&mut reader, &mut line_no)?;
        if batch.is_empty() {
            break;
        }
        let prepared = prepare_all(&batch, &config, fields, threads);
        for ((n, _), result) in batch.iter().zip(prepared) {
            let value = match result.and_then(|p| finish(p, &mut state, fields, book.as_mut().map(|(b, _)| b))) {
                Ok(v) => v,
                Err(error) => {
                    failed += 1;
                    eprintln!("error: {}:{n}: {error}", input.display());
                    json!({ "line": n, "error": error })
                }
            };
            serde_json::to_writer(&mut out, &value)?;
            out.write_all(b"\n")?;
        }
        out.flush()?;
        if let Some((book, file)) = &mut book {
            book.write_closed(file, |s| state.story_active(s))?;
        }
    }
    if let Some((book, mut file)) = book {
        book.finish(&mut file)?;
    }
    Ok(failed)
}

/// Up to BATCH non-blank lines with their numbers; an overlong line is an error in its place.
fn read_batch(reader: &mut impl BufRead, line_no: &mut usize) -> io::Result<Vec<Line>> {
    let mut batch = Vec::with_capacity(BATCH);
    while batch.len() < BATCH {
        let mut buf = Vec::new();
        *line_no += 1;
        let n = reader.take(MAX_LINE_BYTES + 1).read_until(b'\n', &mut buf)?;
        if n == 0 {
            break;
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if n as u64 > MAX_LINE_BYTES {
            // Skip the rest of an overlong line.
            let mut sink = Vec::new();
            while !buf.ends_with(b"\n") && reader.take(1 << 20).read_until(b'\n', &mut sink)? > 0 {
                if sink.ends_with(b"\n") {
                    break;
                }
                sink.clear();
            }
            batch.push((*line_no, Err(format!("line longer than {} MiB", MAX_LINE_BYTES >> 20))));
        } else {
            batch.push((*line_no, Ok(buf)));
        }
    }
    Ok(batch)
}

/// The independent work for a batch, spread over `threads`, results in input order.
fn prepare_all(
    batch: &[Line],
    config: &SummaryConfig,
    fields: Fields,
    threads: usize,
) -> Vec<Result<Prepared, String>> {
    let chunk = batch.len().div_ceil(threads.max(1)).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = batch
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|(_, line)| {
                            line.as_ref().map_err(Clone::clone).and_then(|bytes| prepare(bytes, config, fields))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|_| vec![Err("analysis failed on this line".to_owned())]))
            .collect()
    })
}

fn prepare(bytes: &[u8], config: &SummaryConfig, fields: Fields) -> Result<Prepared, String> {
    let v: Value = serde_json::from_slice(bytes).map_err(|e| format!("expected a JSON object: {e}"))?;
    let Value::Object(mut obj) = v else { return Err("expected a JSON object with \"id\" and \"text\"".into()) };
    let id =
        obj.remove("id").filter(|i| i.is_string() || i.is_number()).ok_or("missing \"id\" (a string or number)")?;
    let text = match obj.remove("text") {
        Some(Value::String(t)) => t,
        _ => return Err("missing \"text\" (a string)".into()),
    };
    let title = match obj.remove("title") {
        Some(Value::String(t)) => t,
        _ => String::new(),
    };
    let raw_published = obj.get("published").and_then(Value::as_str);
    let day_only = raw_published.is_some_and(|raw| DateTime::parse_from_rfc3339(raw.trim()).is_err());
    let published = match raw_published {
        Some(raw) => Some(parse_time(raw).ok_or_else(|| {
            format!("\"published\" is `{raw}`: expected a date such as 2026-05-04 or 2026-05-04T09:30:00Z")
        })?),
        None => None,
    };
    let source = obj.get("source").and_then(Value::as_str).map(str::to_owned);
    let language = match obj.get("language") {
        None | Some(Value::Null) => None,
        Some(Value::String(tag)) => Some(newsdesk_model::normalize_language(tag).map_err(|e| e.to_string())?),
        Some(_) => return Err("\"language\" is a language tag such as en or pt-BR, as a string".into()),
    };
    let id_text = match &id {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let article = ArticleText {
        id: &id_text,
        title: &title,
        text: &text,
        source: source.as_deref(),
        original_domain: None,
        language: language.as_deref(),
        day_only,
    };
    let analysis = analyze(&article, fields, config);
    let mut output = serde_json::Map::new();
    output.insert("id".into(), id);
    if fields.language {
        output.insert("language".into(), json!(analysis.language));
    }
    if fields.summary {
        output.insert("summary".into(), json!(analysis.summary.join(" ")));
        output.insert("summary_sentences".into(), json!(analysis.summary));
    }
    if fields.keyphrases {
        output.insert("keyphrases".into(), json!(analysis.keyphrases));
    }
    Ok(Prepared { id_text, title, text, source, language, published, day_only, output, analysis })
}

/// The steps that depend on the articles before: copies and stories, in input order.
fn finish(
    mut p: Prepared,
    state: &mut Understanding,
    fields: Fields,
    book: Option<&mut StoryBook>,
) -> Result<Value, String> {
    let article = ArticleText {
        id: &p.id_text,
        title: &p.title,
        text: &p.text,
        source: p.source.as_deref(),
        original_domain: None,
        language: p.language.as_deref(),
        day_only: p.day_only,
    };
    let mut output = p.output;
    if fields.entities {
        // (In input order: a surname alone is named after the full names before it.)
        state.name_short_forms(&mut p.analysis.entities, &p.text, p.published);
        let entities: Vec<Value> = p
            .analysis
            .entities
            .iter()
            .map(|e| json!({ "name": e.name, "key": e.key, "kind": e.kind.as_str(), "mentions": e.mentions }))
            .collect();
        output.insert("entities".into(), entities.into());
    }
    let placed = state.place(&article, &mut p.analysis, p.published, Utc::now(), fields);
    if fields.copies {
        output.insert("copy_of".into(), json!(placed.copy_of));
    }
    if let Some(story) = placed.story {
        if let Some(book) = book {
            let language = p.analysis.language.or(p.language.as_deref());
            book.add(
                story.story,
                &story.merged,
                &p.id_text,
                (&p.title, &p.text, p.source.as_deref(), language),
                placed.at,
            );
        }
        output.insert("story".into(), json!(format!("s{}", story.story)));
        if !story.merged.is_empty() {
            // Earlier lines named these stories; they are this one now.
            let merged: Vec<String> = story.merged.iter().map(|m| format!("s{m}")).collect();
            output.insert("merged_stories".into(), json!(merged));
        }
    }
    Ok(Value::Object(output))
}

fn parse_time(raw: &str) -> Option<DateTime<Utc>> {
    let raw = raw.trim();
    DateTime::parse_from_rfc3339(raw).map(|t| t.to_utc()).ok().or_else(|| {
        NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok().and_then(|d| d.and_hms_opt(12, 0, 0)).map(|t| t.and_utc())
    })
}
