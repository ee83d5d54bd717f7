//! `newsdesk analyze --input FILE.jsonl`: what newsdesk understands of each article, one JSON
//! line per input line, in order, as it goes.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::Path;

use anyhow::Context;
use chrono::{DateTime, NaiveDate, Utc};
use newsdesk_stories::{
    ClusterConfig, CopyConfig, CopyDetector, CopyInput, StoryClusterer, SummaryConfig, detect_language,
    extract_entities, keyphrases, summarize,
};
use serde_json::{Value, json};

/// Longest input line read.
const MAX_LINE_BYTES: u64 = 16 * 1024 * 1024;

/// Analyzes every line; returns how many lines could not be read.
///
/// # Errors
/// The input cannot be opened, or standard output fails.
pub fn run(input: &Path) -> anyhow::Result<usize> {
    let reader: Box<dyn Read> = if input.as_os_str() == "-" {
        Box::new(io::stdin())
    } else {
        Box::new(File::open(input).with_context(|| format!("cannot read {}", input.display()))?)
    };
    let mut reader = BufReader::new(reader);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let config = SummaryConfig::default();
    let mut stories = StoryClusterer::new(ClusterConfig::default());
    let mut copies = CopyDetector::new(CopyConfig::default());
    let mut latest: Option<DateTime<Utc>> = None;
    let mut failed = 0;
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    loop {
        buf.clear();
        line_no += 1;
        let n = (&mut reader).take(MAX_LINE_BYTES + 1).read_until(b'\n', &mut buf)?;
        if n == 0 {
            break;
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let result = if n as u64 > MAX_LINE_BYTES {
            // Skip the rest of an overlong line.
            let mut sink = Vec::new();
            while !buf.ends_with(b"\n") && (&mut reader).take(1 << 20).read_until(b'\n', &mut sink)? > 0 {
                if sink.ends_with(b"\n") {
                    break;
                }
                sink.clear();
            }
            Err(format!("line longer than {} MiB", MAX_LINE_BYTES >> 20))
        } else {
            analyze_line(
                &buf,
                &config,
                &mut Understanding { stories: &mut stories, copies: &mut copies, latest: &mut latest },
            )
        };
        let value = match result {
            Ok(v) => v,
            Err(error) => {
                failed += 1;
                eprintln!("error: {}:{line_no}: {error}", input.display());
                json!({ "line": line_no, "error": error })
            }
        };
        serde_json::to_writer(&mut out, &value)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(failed)
}

/// What analysis remembers from one article to the next.
struct Understanding<'a> {
    stories: &'a mut StoryClusterer,
    copies: &'a mut CopyDetector,
    /// Articles without a date are taken to be as new as the newest seen so far.
    latest: &'a mut Option<DateTime<Utc>>,
}

fn analyze_line(bytes: &[u8], config: &SummaryConfig, state: &mut Understanding<'_>) -> Result<Value, String> {
    let v: Value = serde_json::from_slice(bytes).map_err(|e| format!("expected a JSON object: {e}"))?;
    let obj = v.as_object().ok_or("expected a JSON object with \"id\" and \"text\"")?;
    let id = obj.get("id").filter(|i| i.is_string() || i.is_number()).ok_or("missing \"id\" (a string or number)")?;
    let text = obj.get("text").and_then(Value::as_str).ok_or("missing \"text\" (a string)")?;
    let title = obj.get("title").and_then(Value::as_str).unwrap_or_default();
    let published = match obj.get("published").and_then(Value::as_str) {
        Some(raw) => Some(parse_time(raw).ok_or_else(|| {
            format!("\"published\" is `{raw}`: expected a date such as 2026-05-04 or 2026-05-04T09:30:00Z")
        })?),
        None => None,
    };
    let at = published.or(*state.latest).unwrap_or_else(Utc::now);
    *state.latest = Some(state.latest.map_or(at, |l| l.max(at)));
    let id_text = match id {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let source = obj.get("source").and_then(Value::as_str);
    let copy = state.copies.check(CopyInput { id: &id_text, text, source, published: at });
    let story = state.stories.assign(title, text, at);
    let sentences = summarize(text, config);
    let head: String = text.chars().take(600).collect();
    let language = detect_language(&format!("{title}\n{head}"));
    Ok(json!({
        "id": id,
        "language": language,
        "summary": sentences.join(" "),
        "summary_sentences": sentences,
        "entities": extract_entities(title, text)
            .iter()
            .map(|e| json!({ "name": e.name, "key": e.key, "kind": e.kind.as_str(), "mentions": e.mentions }))
            .collect::<Vec<_>>(),
        "keyphrases": keyphrases(title, text, 5),
        "copy_of": copy.copy_of,
        "story": format!("s{}", story.story),
    }))
}

fn parse_time(raw: &str) -> Option<DateTime<Utc>> {
    let raw = raw.trim();
    DateTime::parse_from_rfc3339(raw).map(|t| t.to_utc()).ok().or_else(|| {
        NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok().and_then(|d| d.and_hms_opt(12, 0, 0)).map(|t| t.and_utc())
    })
}
