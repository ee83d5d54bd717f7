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
use newsdesk_stories::{
    ClusterConfig, CopyConfig, CopyDetector, CopyInput, Fingerprint, StoryClusterer, SummaryConfig, credited_sources,
    detect_language, extract_entities, keyphrases, summarize,
};
use serde_json::{Value, json};

/// Longest input line read.
const MAX_LINE_BYTES: u64 = 16 * 1024 * 1024;
/// Lines analyzed together (bounded memory, ordered output).
const BATCH: usize = 512;

/// A line number and the line's bytes, or why it could not be read.
type Line = (usize, Result<Vec<u8>, String>);

/// What to compute; everything by default.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub language: bool,
    pub summary: bool,
    pub entities: bool,
    pub keyphrases: bool,
    pub copies: bool,
    pub stories: bool,
}

impl Fields {
    /// Reads `language,summary,...`.
    ///
    /// # Errors
    /// A name that is not a field.
    pub fn parse(list: &str) -> anyhow::Result<Self> {
        let mut f =
            Self { language: false, summary: false, entities: false, keyphrases: false, copies: false, stories: false };
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match name {
                "language" => f.language = true,
                "summary" => f.summary = true,
                "entities" => f.entities = true,
                "keyphrases" => f.keyphrases = true,
                "copies" | "copy_of" => f.copies = true,
                "stories" | "story" => f.stories = true,
                other => anyhow::bail!(
                    "`{other}` is not a field: expected language, summary, entities, keyphrases, copies, stories"
                ),
            }
        }
        Ok(f)
    }

    /// Every field.
    #[must_use]
    pub fn all() -> Self {
        Self { language: true, summary: true, entities: true, keyphrases: true, copies: true, stories: true }
    }
}

/// What analysis remembers from one article to the next.
struct Understanding {
    stories: StoryClusterer,
    copies: CopyDetector,
    /// Articles without a date are taken to be as new as the newest seen so far.
    latest: Option<DateTime<Utc>>,
}

/// One article with its independent work done.
struct Prepared {
    id_text: String,
    title: String,
    text: String,
    source: Option<String>,
    published: Option<DateTime<Utc>>,
    output: serde_json::Map<String, Value>,
    fingerprint: Fingerprint,
    credits: Vec<String>,
}

/// Analyzes every line; returns how many lines could not be read.
///
/// # Errors
/// The input cannot be opened, or standard output fails.
pub fn run(input: &Path, fields: Fields) -> anyhow::Result<usize> {
    let reader: Box<dyn Read> = if input.as_os_str() == "-" {
        Box::new(io::stdin())
    } else {
        Box::new(File::open(input).with_context(|| format!("cannot read {}", input.display()))?)
    };
    let mut reader = BufReader::new(reader);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let config = SummaryConfig::default();
    let mut state = Understanding {
        stories: StoryClusterer::new(ClusterConfig::default()),
        copies: CopyDetector::new(CopyConfig::default()),
        latest: None,
    };
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get).min(8);
    let mut failed = 0;
    let mut line_no = 0usize;
    loop {
        let batch = read_batch(&mut reader, &mut line_no)?;
        if batch.is_empty() {
            break;
        }
        let prepared = prepare_all(&batch, &config, fields, threads);
        for ((n, _), result) in batch.iter().zip(prepared) {
            let value = match result.and_then(|p| finish(p, &mut state, fields)) {
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
    let published = match obj.get("published").and_then(Value::as_str) {
        Some(raw) => Some(parse_time(raw).ok_or_else(|| {
            format!("\"published\" is `{raw}`: expected a date such as 2026-05-04 or 2026-05-04T09:30:00Z")
        })?),
        None => None,
    };
    let source = obj.get("source").and_then(Value::as_str).map(str::to_owned);
    let id_text = match &id {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let mut output = serde_json::Map::new();
    output.insert("id".into(), id);
    if fields.language {
        let head: String = text.chars().take(600).collect();
        output.insert("language".into(), json!(detect_language(&format!("{title}\n{head}"))));
    }
    if fields.summary {
        let sentences = summarize(&text, config);
        output.insert("summary".into(), json!(sentences.join(" ")));
        output.insert("summary_sentences".into(), json!(sentences));
    }
    if fields.entities {
        let entities: Vec<Value> = extract_entities(&title, &text)
            .iter()
            .map(|e| json!({ "name": e.name, "key": e.key, "kind": e.kind.as_str(), "mentions": e.mentions }))
            .collect();
        output.insert("entities".into(), entities.into());
    }
    if fields.keyphrases {
        output.insert("keyphrases".into(), json!(keyphrases(&title, &text, 5)));
    }
    let (fingerprint, credits) = if fields.copies {
        (Fingerprint::of(&text), credited_sources(&text))
    } else {
        (Fingerprint::of(""), Vec::new())
    };
    Ok(Prepared { id_text, fingerprint, credits, title, text, source, published, output })
}

/// The steps that depend on the articles before: copies and stories, in input order.
fn finish(p: Prepared, state: &mut Understanding, fields: Fields) -> Result<Value, String> {
    let at = p.published.or(state.latest).unwrap_or_else(Utc::now);
    state.latest = Some(state.latest.map_or(at, |l| l.max(at)));
    let mut output = p.output;
    if fields.copies {
        let copy = state.copies.check_prepared(
            CopyInput { id: &p.id_text, text: &p.text, source: p.source.as_deref(), published: at },
            p.fingerprint,
            p.credits,
        );
        output.insert("copy_of".into(), json!(copy.copy_of));
    }
    if fields.stories {
        let story = state.stories.assign(&p.title, &p.text, at);
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
