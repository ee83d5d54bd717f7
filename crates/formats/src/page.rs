//! The article page text format, one article per file:
//!
//! ```text
//! Title of the article                      line 1
//!                                           line 2: blank
//! 3                                         line 3: comment count
//! 0190c6a2-1b1e-7c3d-9a4f-2b6e8d1c0a55      line 4: article id (UUID)
//!                                           line 5: blank
//! The summary paragraph.                    line 6: summary (blank here = no summary)
//!
//! Body paragraph one.                       paragraphs, separated by blank lines
//!
//! Body paragraph two.
//!
//! Original Source: www.example.org          the original's host (or URL); may be empty
//!
//! Leave a Reply                             page chrome: ignored when reading
//! ```
//!
//! A paragraph may be wrapped over several lines; its lines are joined with a space. The
//! last line that starts with `Original Source:` ends the body, so a body paragraph may quote
//! that phrase. Everything after it is the comment form's text, which is page chrome, not
//! data. A UTF-8 byte-order mark and CRLF line endings are accepted.

use newsdesk_model::{Article, ArticleId, ArticleUpsert, ValidationError};
use url::Url;

use crate::error::{FormatError, excerpt};

/// The line that names the original source.
pub const ORIGINAL_SOURCE_PREFIX: &str = "Original Source:";

/// The comment form's text that ends every page (chrome, written for fidelity, never read).
const CHROME: &str = "Leave a Reply\n\nYour email address will not be published. Required fields are marked *\n";

/// Reads one article page.
///
/// # Errors
/// [`FormatError`] naming the first line that is not what the format expects.
pub fn parse_page(text: &str) -> Result<ArticleUpsert, FormatError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.lines().map(|l| l.trim_end_matches('\r')).collect();
    let line = |n: usize| lines.get(n - 1).copied();
    let blank = |n: usize| line(n).is_some_and(|l| l.trim().is_empty());

    let title = match line(1) {
        Some(t) if !t.trim().is_empty() => t.trim(),
        _ => return Err(FormatError::new(1, "expected the article's title, found an empty line")),
    };
    expect_blank(&lines, 2, "a blank line after the title")?;
    let comment_count = parse_comment_count(line(3), 3)?;
    let id = match line(4) {
        Some(l) => {
            l.trim().parse::<ArticleId>().map_err(|e| FormatError::new(4, format!("expected the article id: {e}")))?
        }
        None => return Err(FormatError::new(4, "expected the article id (a UUID), reached the end of the file")),
    };
    expect_blank(&lines, 5, "a blank line after the article id")?;

    let source_line = lines
        .iter()
        .rposition(|l| l.trim_start().starts_with(ORIGINAL_SOURCE_PREFIX))
        .map(|i| i + 1)
        .filter(|&n| n > 5)
        .ok_or_else(|| {
            FormatError::new(
                lines.len().max(5),
                format!(
                    "expected a line `{ORIGINAL_SOURCE_PREFIX} <domain>` after the body, reached the end of the file"
                ),
            )
        })?;

    // Line 6 starts the summary; a blank line 6 means the article has no summary.
    let mut paragraphs = paragraphs_between(&lines, 6, source_line);
    let summary =
        if blank(6) || source_line == 6 || paragraphs.is_empty() { String::new() } else { paragraphs.remove(0).1 };
    let body_text = paragraphs.iter().map(|(_, p)| p.as_str()).collect::<Vec<_>>().join("\n");

    let source_value = lines[source_line - 1].trim_start()[ORIGINAL_SOURCE_PREFIX.len()..].trim();
    let (original_url, original_domain) = parse_original_source(source_value, source_line)?;

    let upsert = ArticleUpsert {
        id: Some(id),
        title: title.to_owned(),
        summary,
        body_text,
        comment_count,
        original_url,
        original_domain,
        ..ArticleUpsert::default()
    };
    upsert.validated().map_err(|e| at_field_line(e, source_line))
}

/// Writes one article page. Reading it back with [`parse_page`] gives the same title, comment
/// count, id, summary, body and original source.
#[must_use]
pub fn write_page(article: &Article) -> String {
    let mut out = String::with_capacity(article.body_text.len() + article.summary.len() + 256);
    out.push_str(&one_line(&article.title));
    out.push_str("\n\n");
    out.push_str(&article.comment_count.to_string());
    out.push('\n');
    out.push_str(&article.id.to_string());
    out.push_str("\n\n");
    out.push_str(&one_line(&article.summary));
    out.push_str("\n\n");
    for paragraph in article.body_text.lines().map(str::trim).filter(|p| !p.is_empty()) {
        out.push_str(paragraph);
        out.push_str("\n\n");
    }
    out.push_str(ORIGINAL_SOURCE_PREFIX);
    if let Some(domain) = &article.original_domain {
        out.push(' ');
        out.push_str(domain);
    }
    out.push_str("\n\n");
    out.push_str(CHROME);
    out
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn expect_blank(lines: &[&str], n: usize, what: &str) -> Result<(), FormatError> {
    match lines.get(n - 1) {
        Some(l) if l.trim().is_empty() => Ok(()),
        Some(l) => Err(FormatError::new(n, format!("expected {what}, found `{}`", excerpt(l)))),
        None => Err(FormatError::new(n, format!("expected {what}, reached the end of the file"))),
    }
}

/// "3", and the forms sites print: "3 Comments", "1 comment".
fn parse_comment_count(line: Option<&str>, n: usize) -> Result<u32, FormatError> {
    let Some(raw) = line else {
        return Err(FormatError::new(n, "expected the comment count, reached the end of the file"));
    };
    let lower = raw.trim().to_ascii_lowercase();
    let digits = lower.strip_suffix("comments").or_else(|| lower.strip_suffix("comment")).unwrap_or(&lower).trim();
    digits.parse::<u32>().map_err(|_| {
        FormatError::new(
            n,
            format!("expected the comment count (a whole number such as 0 or 12), found `{}`", excerpt(raw)),
        )
    })
}

/// Paragraphs (with the line each starts on) in lines `from..to` (1-based, `to` exclusive).
fn paragraphs_between(lines: &[&str], from: usize, to: usize) -> Vec<(usize, String)> {
    let mut paragraphs = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for n in from..to {
        let l = lines[n - 1].trim();
        if l.is_empty() {
            paragraphs.extend(current.take());
        } else if let Some((_, p)) = &mut current {
            p.push(' ');
            p.push_str(l);
        } else {
            current = Some((n, l.to_owned()));
        }
    }
    paragraphs.extend(current);
    paragraphs
}

fn parse_original_source(value: &str, n: usize) -> Result<(Option<Url>, Option<String>), FormatError> {
    if value.is_empty() {
        return Ok((None, None));
    }
    if value.contains("://") {
        let url = Url::parse(value).map_err(|e| {
            FormatError::new(
                n,
                format!("expected the original source's domain or URL, found `{}` ({e})", excerpt(value)),
            )
        })?;
        return Ok((Some(url), None));
    }
    Ok((None, Some(value.to_owned())))
}

/// Points a validation error at the line its field is on.
fn at_field_line(e: ValidationError, source_line: usize) -> FormatError {
    let line = match e.field {
        "title" => 1,
        "summary" => 6,
        "original_source" | "original_url" => source_line,
        _ => 7,
    };
    FormatError::new(line, e.to_string())
}

#[cfg(test)]
mod tests;
