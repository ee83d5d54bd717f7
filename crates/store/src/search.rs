//! Full-text search over title, summary and body.
//!
//! The reader's query is never passed to the search engine as syntax: it is read into words,
//! quoted phrases and `-excluded` words, and each is quoted again for FTS5, so no input can
//! make a query error. Snippets come back as [`SnippetPart`]s; callers escape the text and
//! mark the matches, so article text can never inject markup through a snippet.

use serde::Serialize;
use sqlx::AssertSqlSafe;

use crate::open::Backend;
use crate::rows::{self, CARD_COLUMNS};
use crate::{ArticleCard, Store, StoreError};

/// Longest query read, in characters; the rest is ignored.
const MAX_QUERY_CHARS: usize = 500;
/// Most terms used from one query.
const MAX_TERMS: usize = 32;
// Private-use characters mark matches inside snippets; they cannot collide with markup.
const MARK_START: char = '\u{E000}';
const MARK_END: char = '\u{E001}';

/// A piece of a search snippet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "text", rename_all = "snake_case")]
pub enum SnippetPart {
    /// Text around the matches.
    Text(String),
    /// A matching word.
    Match(String),
}

/// One article that matches, with the passage that matches best.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SearchHit {
    pub article: ArticleCard,
    pub snippet: Vec<SnippetPart>,
}

/// One page of results, best first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchResults {
    pub hits: Vec<SearchHit>,
    /// How many articles match in all.
    pub total: u64,
    pub offset: u64,
    pub limit: u32,
}

/// A reader's query, understood.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct ParsedQuery {
    /// Words and phrases that must all appear.
    pub include: Vec<String>,
    /// Words and phrases that must not appear.
    pub exclude: Vec<String>,
}

impl ParsedQuery {
    /// Reads `word`, `"a phrase"` and `-word` / `-"a phrase"`. Anything else is a separator.
    pub(crate) fn parse(input: &str) -> Self {
        let input: String = input.chars().take(MAX_QUERY_CHARS).collect();
        let mut query = Self::default();
        let mut chars = input.chars().peekable();
        while let Some(&c) = chars.peek() {
            if c.is_whitespace() {
                chars.next();
                continue;
            }
            let negated = c == '-';
            if negated {
                chars.next();
            }
            let term = if chars.peek() == Some(&'"') {
                chars.next();
                let phrase: String = chars.by_ref().take_while(|&c| c != '"').collect();
                words(&phrase).join(" ")
            } else {
                let raw: String = std::iter::from_fn(|| chars.next_if(|c| !c.is_whitespace())).collect();
                words(&raw).join(" ")
            };
            if term.is_empty() || query.include.len() + query.exclude.len() >= MAX_TERMS {
                continue;
            }
            if negated { query.exclude.push(term) } else { query.include.push(term) }
        }
        query
    }

    /// The FTS5 expression, or `None` when nothing is searched for (FTS5 cannot search for
    /// exclusions alone).
    pub(crate) fn to_fts5(&self) -> Option<String> {
        if self.include.is_empty() {
            return None;
        }
        let quote = |t: &String| format!("\"{}\"", t.replace('"', "\"\""));
        let mut expr = self.include.iter().map(quote).collect::<Vec<_>>().join(" AND ");
        for t in &self.exclude {
            expr.push_str(" NOT ");
            expr.push_str(&quote(t));
        }
        Some(expr)
    }
}

/// The word characters of `s`, as FTS5's unicode61 tokenizer splits them.
fn words(s: &str) -> Vec<&str> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect()
}

impl Store {
    /// Articles matching `query`, best first (BM25, with the title weighing most), each with a
    /// highlighted snippet. An empty or unsearchable query matches nothing.
    ///
    /// # Errors
    /// Database errors.
    pub async fn search(&self, query: &str, offset: u64, limit: u32) -> Result<SearchResults, StoreError> {
        let Some(expr) = ParsedQuery::parse(query).to_fts5() else {
            return Ok(SearchResults { hits: Vec::new(), total: 0, offset, limit });
        };
        match &self.backend {
            Backend::Sqlite(pool, _) => {
                let sql = format!(
                    "SELECT {CARD_COLUMNS}, \
                       snippet(articles_fts, -1, char(57344), char(57345), '…', 24) AS snippet \
                     FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid \
                     WHERE articles_fts MATCH ? \
                     ORDER BY bm25(articles_fts, 10.0, 4.0, 1.0), a.sort_at DESC \
                     LIMIT ? OFFSET ?"
                );
                let rows = sqlx::query(AssertSqlSafe(sql))
                    .bind(&expr)
                    .bind(i64::from(limit))
                    .bind(i64::try_from(offset).unwrap_or(i64::MAX))
                    .fetch_all(pool)
                    .await?;
                let mut hits = Vec::with_capacity(rows.len());
                for row in &rows {
                    let snippet: String = sqlx::Row::try_get(row, "snippet")?;
                    hits.push(SearchHit { article: rows::card(row)?, snippet: split_snippet(&snippet) });
                }
                let total: i64 = sqlx::query_scalar("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?")
                    .bind(&expr)
                    .fetch_one(pool)
                    .await?;
                Ok(SearchResults { hits, total: u64::try_from(total).unwrap_or(0), offset, limit })
            }
        }
    }
}

/// Splits a marked snippet into text and matches. A stray marker (article text may contain
/// these characters) never breaks the split; at worst a word is marked that should not be.
fn split_snippet(marked: &str) -> Vec<SnippetPart> {
    let mut parts: Vec<SnippetPart> = Vec::new();
    let mut rest = marked;
    while !rest.is_empty() {
        match rest.find(MARK_START) {
            Some(start) => {
                if start > 0 {
                    parts.push(SnippetPart::Text(rest[..start].to_owned()));
                }
                let after = &rest[start + MARK_START.len_utf8()..];
                let end = after.find(MARK_END).unwrap_or(after.len());
                let word = &after[..end];
                if !word.is_empty() {
                    parts.push(SnippetPart::Match(word.to_owned()));
                }
                rest = after.get(end + MARK_END.len_utf8()..).unwrap_or("");
            }
            None => {
                parts.push(SnippetPart::Text(rest.replace(MARK_END, "")));
                rest = "";
            }
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_words_phrases_and_exclusions() {
        let q = ParsedQuery::parse(r#"harbour "deck plates" -ferry -"night bus" AND OR NEAR("#);
        assert_eq!(q.include, vec!["harbour", "deck plates", "AND", "OR", "NEAR"]);
        assert_eq!(q.exclude, vec!["ferry", "night bus"]);
        assert_eq!(
            q.to_fts5().unwrap(),
            r#""harbour" AND "deck plates" AND "AND" AND "OR" AND "NEAR" NOT "ferry" NOT "night bus""#
        );
    }

    #[test]
    fn syntax_characters_are_only_separators() {
        let q = ParsedQuery::parse(r#"a*b col:val ^x "unterminated"#);
        assert_eq!(q.include, vec!["a b", "col val", "x", "unterminated"]);
        assert_eq!(ParsedQuery::parse("  * : ( ) \"\" ").to_fts5(), None);
        assert_eq!(ParsedQuery::parse("-only -excluded").to_fts5(), None);
    }

    #[test]
    fn bounds_long_queries() {
        let q = ParsedQuery::parse(&"word ".repeat(10_000));
        assert_eq!(q.include.len(), MAX_TERMS);
    }

    #[test]
    fn splits_marked_snippets() {
        let s = format!("…the {MARK_START}bridge{MARK_END} <b>reopened{MARK_START}x");
        assert_eq!(
            split_snippet(&s),
            vec![
                SnippetPart::Text("…the ".into()),
                SnippetPart::Match("bridge".into()),
                SnippetPart::Text(" <b>reopened".into()),
                SnippetPart::Match("x".into()),
            ]
        );
    }
}
