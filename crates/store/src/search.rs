//! Full-text search over title, summary and body.
//!
//! The reader's query is never passed to the search engine as syntax: it is read into words,
//! quoted phrases and `-excluded` words, and each is quoted again for FTS5, so no input can
//! make a query error. Snippets come back as [`SnippetPart`]s; callers escape the text and
//! mark the matches, so article text can never inject markup through a snippet.

use serde::Serialize;

use crate::db::Dialect;
use crate::rows::{self, CARD_COLUMNS};
use crate::{ArticleCard, Store, StoreError, time};

/// Longest query read, in characters; the rest is ignored.
const MAX_QUERY_CHARS: usize = 500;
/// Most terms used from one query.
const MAX_TERMS: usize = 32;

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
    /// How many articles match in all ([`RANK_WINDOW`] when more match: then only the newest
    /// were ranked).
    pub total: u64,
    pub offset: u64,
    pub limit: u32,
    /// Set when the query matched more articles than are ranked: the newest this many are
    /// listed, newest first.
    pub ranked_newest: Option<u64>,
}

/// Most matches ranked by relevance for one query; a query matching more lists its newest
/// this many, newest first.
pub const RANK_WINDOW: u64 = 500;

/// Articles passing a search's filters few enough for their numbers' range to bound the words'
/// search (SQLite): reading the range costs about what reading that many index entries does.
const FEW_FILTERED: i64 = 10_000;

/// How deep a search lists: its first 1,000 results. Deeper pages of a filter most articles
/// pass (`lang:en`) would walk nearly every article for one page; a reader narrows the search
/// (more words, an outlet, a language, dates) instead, as search engines ask.
pub const SEARCH_DEPTH: u64 = 1_000;

/// What a reader asking past [`SEARCH_DEPTH`] is told.
#[must_use]
pub fn search_too_deep() -> String {
    format!(
        "a search lists its first {SEARCH_DEPTH} results; narrow it (more words, source:, lang:, after:, before:) to reach the others"
    )
}

/// A reader's query, understood.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ParsedQuery {
    /// Words and phrases that must all appear.
    pub include: Vec<String>,
    /// Words and phrases that must not appear.
    pub exclude: Vec<String>,
    /// `source:` an outlet's domain or name (lowercase, without `www.`).
    pub source: Option<String>,
    /// `lang:` a language tag, lowercase; `de` also matches `de-DE` and `de-AT`.
    pub language: Option<String>,
    /// `before:` articles from before this day.
    pub before: Option<chrono::NaiveDate>,
    /// `after:` articles from this day on.
    pub after: Option<chrono::NaiveDate>,
}

/// A search filter with a value it cannot take.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("`lang:{0}` is not a language: use a code such as lang:en, lang:de or lang:pt-BR.")]
    Language(String),
    #[error("`{key}:{value}` is not a day: write it as {key}:2026-05-04.")]
    Day { key: String, value: String },
    #[error("after:{after} is not before before:{before}, so nothing can match.")]
    EmptyRange { after: chrono::NaiveDate, before: chrono::NaiveDate },
}

/// A query for SQLite's indexes: see [`ParsedQuery::to_fts5_indexes`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fts5Query {
    /// The index that finds the articles.
    pub table: &'static str,
    /// Its FTS5 expression.
    pub expr: String,
    /// The other index's expression, whose articles are found as well: a query whose every
    /// term has alternatives of both kinds ("地震 OR earthquake").
    pub or_other: Option<String>,
    /// Conditions an article found must meet, each on one index or on either.
    pub also: Vec<Also>,
}

/// A condition of [`Fts5Query`] on its indexes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Also {
    /// The index's expression must match the article.
    Must(&'static str, String),
    /// It must not.
    MustNot(&'static str, String),
    /// One of the two indexes' expressions must: a term of alternatives of both kinds.
    Either(String, String),
}

/// The two SQLite indexes: of words, and of characters written without spaces.
const WORDS_INDEX: &str = "articles_fts";
const UNSPACED_INDEX: &str = "articles_unspaced_fts";

/// One term as FTS5 reads it: each alternative a quoted phrase, or a prefix.
fn fts5_term(t: &str) -> String {
    fts5_alternatives(ParsedQuery::alternatives(t))
}

/// Alternatives as FTS5 reads them: each a quoted phrase, or a prefix; several in brackets.
fn fts5_alternatives<'a>(alternatives: impl Iterator<Item = (&'a str, bool)>) -> String {
    let alts: Vec<String> = alternatives
        .map(|(words, prefix)| {
            let quoted = format!("\"{}\"", words.replace('"', "\"\""));
            if prefix { format!("{quoted} *") } else { quoted }
        })
        .collect();
    if alts.len() > 1 { format!("({})", alts.join(" OR ")) } else { alts.concat() }
}

/// Where a term is looked for: in the index of words, in the index of characters written
/// without spaces, or (alternatives of both kinds) in each of them for its own alternatives.
enum TermKind<'a> {
    Words,
    Unspaced,
    Both { words: Vec<(&'a str, bool)>, unspaced: Vec<(&'a str, bool)> },
}

fn term_kind(term: &str) -> TermKind<'_> {
    let (unspaced, words): (Vec<_>, Vec<_>) =
        ParsedQuery::alternatives(term).partition(|(alt, _)| is_unspaced_term(alt));
    match (words.is_empty(), unspaced.is_empty()) {
        (_, true) => TermKind::Words,
        (true, false) => TermKind::Unspaced,
        (false, false) => TermKind::Both { words, unspaced },
    }
}

/// The filters a query reads (`key:value`).
const FILTERS: &[&str] = &["source", "site", "lang", "language", "before", "after"];

impl ParsedQuery {
    /// Reads `word`, `"a phrase"`, `-word` / `-"a phrase"`, and the filters `source:`,
    /// `lang:`, `before:` and `after:` (days as `YYYY-MM-DD`). Anything else is a separator.
    ///
    /// # Errors
    /// [`QueryError`]: a filter with a value it cannot take.
    pub fn read(input: &str) -> Result<Self, QueryError> {
        let mut query = Self::default();
        let mut rest = Vec::new();
        let input: String = input.chars().take(MAX_QUERY_CHARS).collect();
        let mut tokens = input.split(' ');
        while let Some(token) = tokens.next() {
            let Some((key, value)) = token.split_once(':') else {
                rest.push(token.to_owned());
                continue;
            };
            // A quoted value runs to its closing quote: source:"Metro Times".
            let mut value = value.trim().to_owned();
            if value.starts_with('"')
                && !(value.len() > 1 && value.ends_with('"'))
                && FILTERS.contains(&key.to_ascii_lowercase().as_str())
            {
                for more in tokens.by_ref() {
                    value.push(' ');
                    value.push_str(more);
                    if more.ends_with('"') {
                        break;
                    }
                }
            }
            let value = value.trim_matches('"').trim();
            match key.to_ascii_lowercase().as_str() {
                "source" | "site" if !value.is_empty() => {
                    query.source = Some(value.to_lowercase().trim_start_matches("www.").to_owned());
                }
                "lang" | "language" if !value.is_empty() => {
                    let tag = newsdesk_model::normalize_language(value)
                        .map_err(|_| QueryError::Language(value.chars().take(40).collect()))?;
                    query.language = Some(tag.to_ascii_lowercase());
                }
                "before" | "after" if !value.is_empty() => {
                    let day = chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| QueryError::Day {
                        key: key.to_owned(),
                        value: value.chars().take(40).collect(),
                    })?;
                    if key.eq_ignore_ascii_case("before") { query.before = Some(day) } else { query.after = Some(day) }
                }
                _ => rest.push(token.to_owned()),
            }
        }
        if let (Some(a), Some(b)) = (query.after, query.before)
            && a >= b
        {
            return Err(QueryError::EmptyRange { after: a, before: b });
        }
        let words = Self::parse(&rest.join(" "));
        Ok(Self { include: words.include, exclude: words.exclude, ..query })
    }

    /// [`ParsedQuery::read`], with a filter it cannot read searched as words (as an API
    /// client's query is taken: it gets what it asked for).
    #[must_use]
    pub fn read_leniently(input: &str) -> Self {
        Self::read(input).unwrap_or_else(|_| Self::parse(input))
    }

    /// True when the query asks for words by their start (`harb*`): the costly kind, which
    /// merges the index's lists of every word that starts so.
    #[must_use]
    pub fn has_prefix(&self) -> bool {
        self.include.iter().chain(&self.exclude).any(|term| Self::alternatives(term).any(|(_, prefix)| prefix))
    }

    /// True when the query has a filter.
    #[must_use]
    pub fn has_filters(&self) -> bool {
        self.source.is_some() || self.language.is_some() || self.before.is_some() || self.after.is_some()
    }

    /// Reads words, phrases, exclusions, `word*` (words that start so) and `a OR b` (either)
    /// only. Inside a term, `*` at the end marks a prefix and `|` separates alternatives: the
    /// words themselves never hold either.
    pub(crate) fn parse(input: &str) -> Self {
        let input: String = input.chars().take(MAX_QUERY_CHARS).collect();
        let mut query = Self::default();
        let mut chars = input.chars().peekable();
        // `OR` between two terms joins them into one term of alternatives.
        let mut either = false;
        while let Some(&c) = chars.peek() {
            if c.is_whitespace() {
                chars.next();
                continue;
            }
            let negated = c == '-';
            if negated {
                chars.next();
            }
            let (groups, bare) = if chars.peek() == Some(&'"') {
                chars.next();
                let phrase: String = chars.by_ref().take_while(|&c| c != '"').collect();
                (spaced(&words(&phrase)), None)
            } else {
                let raw: String = std::iter::from_fn(|| chars.next_if(|c| !c.is_whitespace())).collect();
                let found = words(&raw);
                // `harb*`: one word and a star, nothing after it (a word without spaces is
                // found inside longer ones without it).
                let groups = if found.len() == 1
                    && raw.ends_with('*')
                    && raw.trim_end_matches('*').ends_with(found[0])
                    && !found[0].chars().any(newsdesk_model::is_searched_by_character)
                {
                    vec![format!("{}*", found[0])]
                } else {
                    spaced(&found)
                };
                (groups, Some(raw))
            };
            // Words without spaces and other words in one term are looked for apart: the index
            // holds them in different places. Only a term that must appear is split so.
            let (term, more) = match groups.split_first() {
                Some((first, rest)) if !negated && !either => (first.clone(), rest.to_vec()),
                _ => (groups.join(" "), Vec::new()),
            };
            if !negated && bare.as_deref() == Some("OR") {
                either = !query.include.is_empty();
                continue;
            }
            if term.is_empty() || query.include.len() + query.exclude.len() >= MAX_TERMS {
                either = false;
                continue;
            }
            if negated {
                query.exclude.push(term);
            } else if either && let Some(last) = query.include.last_mut() {
                last.push('|');
                last.push_str(&term);
            } else {
                query.include.push(term);
                for t in more {
                    if query.include.len() + query.exclude.len() < MAX_TERMS {
                        query.include.push(t);
                    }
                }
            }
            either = false;
        }
        query
    }

    /// The alternatives of a term, each a phrase of words and whether it is a prefix.
    pub(crate) fn alternatives(term: &str) -> impl Iterator<Item = (&str, bool)> {
        term.split('|').map(|alt| match alt.strip_suffix('*') {
            Some(prefix) => (prefix, true),
            None => (alt, false),
        })
    }

    /// The query for SQLite's two indexes (`articles_fts` of words, `articles_unspaced_fts` of
    /// characters written without spaces, see migration 0025): the index that finds the
    /// articles and its FTS5 expression, then what the indexes must or must not match.
    /// `None` when nothing is searched for (FTS5 cannot search for exclusions alone).
    pub(crate) fn to_fts5_indexes(&self) -> Option<Fts5Query> {
        let (mut words_in, mut unspaced_in, mut either) = (Vec::new(), Vec::new(), Vec::new());
        for term in &self.include {
            match term_kind(term) {
                TermKind::Words => words_in.push(term),
                TermKind::Unspaced => unspaced_in.push(term),
                TermKind::Both { words, unspaced } => {
                    either.push((fts5_alternatives(words.into_iter()), fts5_alternatives(unspaced.into_iter())));
                }
            }
        }
        let (unspaced_out, words_out): (Vec<&String>, Vec<&String>) =
            self.exclude.iter().partition(|t| is_unspaced_term(t));
        let all = |terms: &[&String]| terms.iter().map(|t| fts5_term(t)).collect::<Vec<_>>().join(" AND ");
        let any = |terms: &[&String]| terms.iter().map(|t| fts5_term(t)).collect::<Vec<_>>().join(" OR ");
        let with_out =
            |expr: String, out: &[&String]| out.iter().fold(expr, |e, t| format!("{e} NOT {}", fts5_term(t)));
        let mut also = Vec::new();
        let mut or_other = None;
        // Words without spaces find the articles when asked for: they are the rarer on most
        // sites (and on a site in such a language, its words).
        let (table, expr) = if !unspaced_in.is_empty() {
            if !words_in.is_empty() {
                also.push(Also::Must(WORDS_INDEX, all(&words_in)));
            }
            if !words_out.is_empty() {
                also.push(Also::MustNot(WORDS_INDEX, any(&words_out)));
            }
            (UNSPACED_INDEX, with_out(all(&unspaced_in), &unspaced_out))
        } else if !words_in.is_empty() {
            if !unspaced_out.is_empty() {
                also.push(Also::MustNot(UNSPACED_INDEX, any(&unspaced_out)));
            }
            (WORDS_INDEX, with_out(all(&words_in), &words_out))
        } else if !either.is_empty() {
            // Every term has alternatives of both kinds: the first one's finds the articles in
            // both indexes, and the exclusions are conditions (an article found by one index
            // must not match the other's exclusions either).
            let (words, unspaced) = either.remove(0);
            or_other = Some(unspaced);
            for (index, out) in [(WORDS_INDEX, &words_out), (UNSPACED_INDEX, &unspaced_out)] {
                if !out.is_empty() {
                    also.push(Also::MustNot(index, any(out)));
                }
            }
            (WORDS_INDEX, words)
        } else {
            return None;
        };
        also.extend(either.into_iter().map(|(words, unspaced)| Also::Either(words, unspaced)));
        Some(Fts5Query { table, expr, or_other, also })
    }

    /// The PostgreSQL tsquery of one term, and its values: phrases of plain words (never read
    /// as tsquery syntax), a prefix as `word:*` of one word of letters and digits.
    fn to_tsquery(term: &str) -> (String, Vec<String>) {
        Self::to_tsquery_in(term, "english")
    }

    /// [`ParsedQuery::to_tsquery`] in the text search configuration `config` (a constant).
    fn to_tsquery_in(term: &str, config: &'static str) -> (String, Vec<String>) {
        Self::tsquery_of(config, Self::alternatives(term))
    }

    /// The tsquery of alternatives (see [`ParsedQuery::alternatives`]) in the text search
    /// configuration `config` (a constant), and its values.
    fn tsquery_of<'a>(
        config: &'static str,
        alternatives: impl Iterator<Item = (&'a str, bool)>,
    ) -> (String, Vec<String>) {
        let mut sql = Vec::new();
        let mut binds = Vec::new();
        for (words, prefix) in alternatives {
            if prefix {
                sql.push(format!("to_tsquery('{config}', ?)"));
                binds.push(format!("{words}:*"));
            } else {
                sql.push(format!("phraseto_tsquery('{config}', ?)"));
                binds.push(words.to_owned());
            }
        }
        (format!("({})", sql.join(" || ")), binds)
    }
}

/// The word characters of `s`, as FTS5's unicode61 tokenizer splits them; in a script without
/// spaces every character counts (a Thai tone mark is part of its word, as the index of such
/// characters holds it).
fn words(s: &str) -> Vec<&str> {
    s.split(|c: char| !c.is_alphanumeric() && !newsdesk_model::is_searched_by_character(c))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Words as the index holds them, in phrases: a run of characters written without spaces as
/// those characters one by one ("港口大桥" is the phrase "港 口 大 桥", see migration 0025), the
/// other words as they are. Consecutive words of one kind make one phrase; the two kinds are
/// never in one (the index holds them in different places).
fn spaced(words: &[&str]) -> Vec<String> {
    let mut groups: Vec<(bool, String)> = Vec::new();
    for word in words {
        let mut rest = *word;
        while let Some(c) = rest.chars().next() {
            let unspaced = newsdesk_model::is_searched_by_character(c);
            let end =
                rest.find(|c: char| newsdesk_model::is_searched_by_character(c) != unspaced).unwrap_or(rest.len());
            let piece = if unspaced { newsdesk_model::unspaced_terms(&rest[..end]) } else { rest[..end].to_owned() };
            match groups.last_mut() {
                Some((kind, phrase)) if *kind == unspaced => {
                    phrase.push(' ');
                    phrase.push_str(&piece);
                }
                _ => groups.push((unspaced, piece)),
            }
            rest = &rest[end..];
        }
    }
    groups.into_iter().map(|(_, phrase)| phrase).filter(|p| !p.is_empty()).collect()
}

/// Whether a term is a phrase of characters a search finds inside words (written without
/// spaces, or Korean).
pub(crate) fn is_unspaced_term(term: &str) -> bool {
    term.chars().any(newsdesk_model::is_searched_by_character)
}

impl Store {
    /// [`Store::search_query`] for a query as typed; a filter it cannot read is searched as
    /// words.
    ///
    /// # Errors
    /// Database errors.
    pub async fn search(&self, query: &str, offset: u64, limit: u32) -> Result<SearchResults, StoreError> {
        self.search_query(&ParsedQuery::read_leniently(query), offset, limit).await
    }

    /// Articles matching `query` (words, phrases, exclusions; see [`ParsedQuery::read`] for
    /// the filters, which a caller checks first), best first (BM25, with the title weighing
    /// most), each with a highlighted snippet. Filters alone list the matching articles newest
    /// first. An empty or unsearchable query matches nothing.
    ///
    /// # Errors
    /// Database errors.
    pub async fn search_query(
        &self,
        query: &ParsedQuery,
        offset: u64,
        limit: u32,
    ) -> Result<SearchResults, StoreError> {
        self.search_ranking(query, offset, limit, RANK_WINDOW).await
    }

    /// [`Store::search_query`] ranking at most `rank_window` matches (for tests).
    #[doc(hidden)]
    pub async fn search_ranking(
        &self,
        query: &ParsedQuery,
        offset: u64,
        limit: u32,
        rank_window: u64,
    ) -> Result<SearchResults, StoreError> {
        if offset >= SEARCH_DEPTH {
            return Err(StoreError::Invalid(newsdesk_model::ValidationError {
                field: "page",
                problem: search_too_deep(),
            }));
        }
        let limit = limit.min(u32::try_from(SEARCH_DEPTH - offset).unwrap_or(u32::MAX));
        let words = !query.include.is_empty();
        if !words && !query.has_filters() {
            return Ok(SearchResults { hits: Vec::new(), total: 0, offset, limit, ranked_newest: None });
        }
        let sources = match &query.source {
            Some(source) => self.outlet_ids(source, true).await?,
            None => Vec::new(),
        };
        let (filter_sql, binds) = filters(query, &sources, self.dialect(), false);
        let from = "articles a WHERE 1 = 1";
        // What the filters match, counted through their indexes.
        let filtered = if query.has_filters() {
            let mut q = self.sql(format!("SELECT count(*) FROM {from}{filter_sql}"));
            for b in &binds {
                q = q.bind(b.clone());
            }
            q.scalar::<i64>(self.pool()).await?
        } else {
            0
        };
        // On SQLite, when few pass the filters (a day, a small outlet), the numbers of the
        // articles they pass lie between two bounds, which bound the words' search below.
        let seq_range = if self.dialect() == Dialect::Sqlite && (1..=FEW_FILTERED).contains(&filtered) {
            let mut q = self.sql(format!("SELECT min(a.seq) AS lo, max(a.seq) AS hi FROM {from}{filter_sql}"));
            for b in &binds {
                q = q.bind(b.clone());
            }
            let row = q.fetch_one(self.pool()).await?;
            Some((row.get::<i64>("lo")?, row.get::<i64>("hi")?))
        } else {
            None
        };
        if !words {
            // Filters alone: newest first; many matches are listed by walking the articles
            // newest first.
            let total = filtered;
            let walk = self.walk_newest(total, offset, limit).await?;
            let listed = if walk { filters(query, &sources, self.dialect(), true).0 } else { filter_sql.clone() };
            let sql = format!(
                "SELECT {CARD_COLUMNS} FROM {from}{listed} \
                 ORDER BY a.sort_at DESC, a.id DESC LIMIT ? OFFSET ?"
            );
            let mut q = self.sql(sql);
            for b in &binds {
                q = q.bind(b.clone());
            }
            let rows = q.bind_page(limit, offset).fetch_all(self.pool()).await?;
            let mut hits = Vec::with_capacity(rows.len());
            for row in &rows {
                let article = rows::card(row)?;
                hits.push(SearchHit { snippet: lead(&article.summary), article });
            }
            return Ok(SearchResults {
                hits,
                total: u64::try_from(total).unwrap_or(0),
                offset,
                limit,
                ranked_newest: None,
            });
        }
        // Words and filters that nothing passes (an outlet or language newsdesk does not
        // have): answered at once, not by testing every article the words find.
        if query.has_filters() && filtered == 0 {
            return Ok(SearchResults { hits: Vec::new(), total: 0, offset, limit, ranked_newest: None });
        }
        // With words, the full-text index finds the articles and the filters test each one.
        let filter_sql = filters(query, &sources, self.dialect(), true).0;
        // PostgreSQL's English configuration drops stop words ("would", "were") from the index
        // and from queries: a query of stop words alone matches nothing there, and is answered
        // at once rather than by a scan that can use no index.
        if self.dialect() == Dialect::Postgres && !query.include.iter().any(|t| is_unspaced_term(t)) {
            let parts: Vec<(String, Vec<String>)> = query.include.iter().map(|t| ParsedQuery::to_tsquery(t)).collect();
            let words = parts.iter().map(|(sql, _)| sql.as_str()).collect::<Vec<_>>().join(" && ");
            let mut q = self.sql(format!("SELECT numnode({words})::BIGINT"));
            for value in parts.iter().flat_map(|(_, binds)| binds) {
                q = q.bind(value.clone());
            }
            if q.scalar::<i64>(self.pool()).await? == 0 {
                return Ok(SearchResults { hits: Vec::new(), total: 0, offset, limit, ranked_newest: None });
            }
        }
        // Each backend's index: what it is queried with, its row number, its ranking.
        let (with, from, seq, best, terms) = match self.dialect() {
            Dialect::Sqlite => {
                // Without filters the index alone answers; filters need the articles.
                // When few articles pass the filters, they lie between two numbers: the words'
                // search reads that stretch of the index only (a common word and one recent day:
                // 0.6 s on 100,000 articles before, milliseconds after).
                let Some(fts) = query.to_fts5_indexes() else {
                    return Ok(SearchResults { hits: Vec::new(), total: 0, offset, limit, ranked_newest: None });
                };
                let t = fts.table;
                let mut exprs = vec![fts.expr];
                // The article's number, by which the conditions below ask the indexes.
                let found_by_either = fts.or_other.is_some();
                let (mut from, row) = if let Some(other) = fts.or_other {
                    // Found by either index: the two lists of numbers, joined.
                    exprs.push(other);
                    let found = format!(
                        "(SELECT rowid AS seq FROM {t} WHERE {t} MATCH ? \
                         UNION SELECT rowid FROM {UNSPACED_INDEX} WHERE {UNSPACED_INDEX} MATCH ?) m"
                    );
                    let from = match seq_range {
                        _ if filter_sql.is_empty() => format!("{found} WHERE 1 = 1"),
                        None => format!("{found} JOIN articles a ON a.seq = m.seq WHERE 1 = 1"),
                        Some((lo, hi)) => {
                            format!("{found} JOIN articles a ON a.seq = m.seq WHERE m.seq BETWEEN {lo} AND {hi}")
                        }
                    };
                    (from, "m.seq".to_owned())
                } else {
                    let join = format!("{t} JOIN articles a ON a.seq = {t}.rowid WHERE {t} MATCH ?");
                    let from = match seq_range {
                        _ if filter_sql.is_empty() => format!("{t} WHERE {t} MATCH ?"),
                        None => join,
                        Some((lo, hi)) => format!("{join} AND {t}.rowid BETWEEN {lo} AND {hi}"),
                    };
                    (from, format!("{t}.rowid"))
                };
                // The other index is asked about each article found, by its number (FTS5 seeks
                // to it): a list of all it matches would be read whole, however few are found.
                // (Named apart: the condition may ask the index that found the article.)
                let has = |index: &str| {
                    format!("EXISTS (SELECT 1 FROM {index} AS o WHERE o.{index} MATCH ? AND o.rowid = {row})")
                };
                for condition in fts.also {
                    match condition {
                        Also::Must(index, expr) => {
                            from.push_str(&format!(" AND {}", has(index)));
                            exprs.push(expr);
                        }
                        Also::MustNot(index, expr) => {
                            from.push_str(&format!(" AND NOT {}", has(index)));
                            exprs.push(expr);
                        }
                        Also::Either(words, unspaced) => {
                            from.push_str(&format!(" AND ({} OR {})", has(WORDS_INDEX), has(UNSPACED_INDEX)));
                            exprs.extend([words, unspaced]);
                        }
                    }
                }
                // Found by either index, the matches are not scored by one: the newest first.
                let (seq, best) = if found_by_either {
                    ("m.seq", "m.seq DESC")
                } else if t == WORDS_INDEX {
                    ("articles_fts.rowid", "bm25(articles_fts, 10.0, 4.0, 1.0)")
                } else {
                    ("articles_unspaced_fts.rowid", "bm25(articles_unspaced_fts)")
                };
                (String::new(), from, seq, best, exprs)
            }
            Dialect::Postgres => {
                // Every term is a phrase of plain words or a prefix of one; none is read as
                // tsquery syntax. Phrases of characters written without spaces are looked for
                // in their own index (migration 0025), the others in the English one.
                let (mut words, mut unspaced, mut unspaced_out) = (Vec::new(), Vec::new(), Vec::new());
                let (mut word_binds, mut unspaced_binds, mut unspaced_out_binds) = (Vec::new(), Vec::new(), Vec::new());
                // Terms of alternatives of both kinds: an article matches either index's.
                let (mut either, mut either_binds) = (Vec::new(), Vec::new());
                for (t, negated) in
                    query.include.iter().map(|t| (t, false)).chain(query.exclude.iter().map(|t| (t, true)))
                {
                    let kind = if negated {
                        if is_unspaced_term(t) { TermKind::Unspaced } else { TermKind::Words }
                    } else {
                        term_kind(t)
                    };
                    match kind {
                        TermKind::Unspaced => {
                            let (sql, binds) = ParsedQuery::to_tsquery_in(t, "simple");
                            if negated {
                                unspaced_out.push(sql);
                                unspaced_out_binds.extend(binds);
                            } else {
                                unspaced.push(sql);
                                unspaced_binds.extend(binds);
                            }
                        }
                        TermKind::Words => {
                            let (sql, binds) = ParsedQuery::to_tsquery(t);
                            words.push(if negated { format!("!!{sql}") } else { sql });
                            word_binds.extend(binds);
                        }
                        TermKind::Both { words: w, unspaced: u } => {
                            let (w_sql, w_binds) = ParsedQuery::tsquery_of("english", w.into_iter());
                            let (u_sql, u_binds) = ParsedQuery::tsquery_of("simple", u.into_iter());
                            let n = either.len();
                            either.push((format!("{w_sql} AS w{n}, {u_sql} AS u{n}"), n));
                            either_binds.extend(w_binds.into_iter().chain(u_binds));
                        }
                    }
                }
                let mut columns = Vec::new();
                let mut conditions = Vec::new();
                if !words.is_empty() {
                    columns.push(format!("{} AS q", words.join(" && ")));
                    conditions.push("a.search_vector @@ q.q".to_owned());
                }
                if !unspaced.is_empty() {
                    columns.push(format!("{} AS u", unspaced.join(" && ")));
                    conditions.push("a.unspaced <> '' AND to_tsvector('simple', a.unspaced) @@ q.u".to_owned());
                }
                if !unspaced_out.is_empty() {
                    columns.push(format!("{} AS x", unspaced_out.join(" || ")));
                    conditions.push(
                        "NOT (coalesce(a.unspaced, '') <> '' AND to_tsvector('simple', a.unspaced) @@ q.x)".to_owned(),
                    );
                }
                for (sql, n) in &either {
                    columns.push(sql.clone());
                    conditions.push(format!(
                        "(a.search_vector @@ q.w{n} \
                         OR (a.unspaced <> '' AND to_tsvector('simple', a.unspaced) @@ q.u{n}))"
                    ));
                }
                let with = format!("WITH q AS (SELECT {}) ", columns.join(", "));
                let kinds: Vec<TermKind> = query.include.iter().map(|t| term_kind(t)).collect();
                let best = if kinds.iter().any(|k| matches!(k, TermKind::Words)) {
                    "ts_rank(a.search_vector, q.q) DESC"
                } else if kinds.iter().any(|k| matches!(k, TermKind::Unspaced)) {
                    "ts_rank(to_tsvector('simple', a.unspaced), q.u) DESC"
                } else {
                    // Found by either index, the matches are not scored by one: the newest first.
                    "a.seq DESC"
                };
                let terms = word_binds
                    .into_iter()
                    .chain(unspaced_binds)
                    .chain(unspaced_out_binds)
                    .chain(either_binds)
                    .collect();
                (with, format!("q, articles a WHERE {}", conditions.join(" AND ")), "a.seq", best, terms)
            }
        };
        let bind_all = |sql: String| {
            let mut q = self.sql(sql);
            for b in terms.iter().chain(&binds) {
                q = q.bind(b.clone());
            }
            q
        };
        // A query matching very many articles is not scored (nor counted): its newest
        // matches are listed, newest first.
        let sql = format!(
            "{with}SELECT {seq} AS seq FROM {from}{filter_sql} ORDER BY {seq} DESC LIMIT 1 OFFSET {}",
            rank_window.saturating_sub(1)
        );
        let (window, order_by, ranked_newest, total) = match bind_all(sql).fetch_optional(self.pool()).await? {
            // Words this common tell articles apart by little but time: the newest first.
            Some(row) => {
                let cutoff: i64 = row.get("seq")?;
                (format!(" AND {seq} >= {cutoff}"), format!("{seq} DESC"), Some(rank_window), rank_window)
            }
            None => {
                let sql = format!("{with}SELECT count(*) AS n FROM {from}{filter_sql}");
                let n: i64 = bind_all(sql).scalar(self.pool()).await?;
                (String::new(), format!("{best}, {seq} DESC"), None, u64::try_from(n).unwrap_or(0))
            }
        };
        // The page's articles in order (ranked ties: newest first), without snippets...
        let sql =
            format!("{with}SELECT {seq} AS seq FROM {from}{filter_sql}{window} ORDER BY {order_by} LIMIT ? OFFSET ?");
        let order: Vec<i64> = bind_all(sql)
            .bind_page(limit, offset)
            .fetch_all(self.pool())
            .await?
            .iter()
            .map(|r| r.get("seq"))
            .collect::<Result<_, _>>()?;
        // ...then the passage that matches, for those only. The passage is found here
        // rather than by FTS5's snippet(), which re-reads and re-tokenizes every
        // column of every hit and cost more than the search itself.
        let mut hits = Vec::with_capacity(order.len());
        if !order.is_empty() {
            let list = order.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
            let sql = format!(
                "SELECT {CARD_COLUMNS}, a.seq AS seq, substr(a.body_text, 1, {PASSAGE_SOURCE_CHARS}) AS body \
                 FROM articles a WHERE a.seq IN ({list})"
            );
            let rows = self.sql(sql).fetch_all(self.pool()).await?;
            let stems = stems(query);
            let unspaced = unspaced_needles(query);
            let mut by_seq = std::collections::HashMap::with_capacity(rows.len());
            for row in &rows {
                let seq: i64 = row.get("seq")?;
                let body: String = row.get("body")?;
                let article = rows::card(row)?;
                let snippet = unspaced_passage(&body, &unspaced)
                    .or_else(|| passage(&body, &stems))
                    .unwrap_or_else(|| passage(&article.summary, &stems).unwrap_or_else(|| lead(&article.summary)));
                by_seq.insert(seq, SearchHit { article, snippet });
            }
            hits.extend(order.iter().filter_map(|seq| by_seq.remove(seq)));
        }
        Ok(SearchResults { hits, total, offset, limit, ranked_newest })
    }
}

impl Store {
    /// Whether a listing of `matches` articles (counted through the filters' indexes) finds
    /// its page at `offset` sooner by walking every article newest first, testing each, than
    /// by reading all the matches through the filters' indexes and sorting them: the walk
    /// reads about (offset + limit) x articles / matches rows, the other way the matches. A
    /// filter that most articles pass (`lang:en`) walks; a rare one (a small outlet) and deep
    /// pages take the indexes. SQLite only: PostgreSQL's planner weighs this itself.
    pub(crate) async fn walk_newest(&self, matches: i64, offset: u64, limit: u32) -> Result<bool, StoreError> {
        if self.dialect() != Dialect::Sqlite || matches <= 0 {
            return Ok(false);
        }
        // Article numbers only grow: the highest is about how many there are.
        let articles: Option<i64> = self.sql("SELECT max(seq) FROM articles").scalar(self.pool()).await?;
        let walked =
            (offset.saturating_add(u64::from(limit))).saturating_mul(u64::try_from(articles.unwrap_or(0)).unwrap_or(0));
        let matches = u64::try_from(matches).unwrap_or(0);
        Ok(walked < matches.saturating_mul(matches))
    }
}

/// The SQL conditions of a query's filters (each starting with ` AND `) and their values.
/// Every filter but the dates has an index of its own; with `walk` (SQLite only) the filters
/// are written so that SQLite uses none of them (a unary `+` hides a column from the planner),
/// for a listing that walks the articles newest first instead (see [`Store::walk_newest`]).
///
/// `sources` are the ids of the outlets `source:` names (found first, so that the condition
/// is a list both databases look up in an index, not a subquery PostgreSQL reads every
/// article for).
fn filters(q: &ParsedQuery, sources: &[String], dialect: Dialect, walk: bool) -> (String, Vec<String>) {
    let hide = if walk && dialect == Dialect::Sqlite { "+" } else { "" };
    let mut sql = String::new();
    let mut binds = Vec::new();
    if let Some(source) = &q.source {
        // Stored domains are lowercase (the model makes them so).
        if sources.is_empty() {
            sql.push_str(&format!(" AND {hide}a.original_domain IN (?, ?)"));
        } else {
            let marks = vec!["?"; sources.len()].join(", ");
            sql.push_str(&format!(" AND ({hide}a.source_id IN ({marks}) OR {hide}a.original_domain IN (?, ?))"));
            binds.extend(sources.iter().cloned());
        }
        binds.extend([source.clone(), format!("www.{source}")]);
    }
    if let Some(lang) = &q.language {
        // The language and its regional forms: lang:de finds de, de-DE and de-AT, which lie
        // from "de" up to "de." in byte order ('-' comes just before '.'), a range the index
        // serves. PostgreSQL compares (and indexes) them in byte order too ("C"): its other
        // collations may ignore punctuation.
        let lower = if dialect == Dialect::Postgres { "lower(a.language) COLLATE \"C\"" } else { "lower(a.language)" };
        sql.push_str(&format!(" AND {hide}{lower} >= ? AND {hide}{lower} < ?"));
        binds.extend([lang.clone(), format!("{lang}.")]);
    }
    let day = |d: chrono::NaiveDate| time::to_db(d.and_time(chrono::NaiveTime::MIN).and_utc());
    if let Some(after) = q.after {
        sql.push_str(" AND a.sort_at >= ?");
        binds.push(day(after));
    }
    if let Some(before) = q.before {
        sql.push_str(" AND a.sort_at < ?");
        binds.push(day(before));
    }
    (sql, binds)
}

/// How much of an article is searched for the passage to show.
const PASSAGE_SOURCE_CHARS: usize = 20_000;
/// Words in a passage.
const PASSAGE_WORDS: usize = 24;

/// The query's words as lowercase stems ("ferries" -> "ferri", "closed" -> "clos"), to find
/// the words FTS5's Porter stemmer matched.
fn stems(q: &ParsedQuery) -> Vec<String> {
    let mut out: Vec<String> = q
        .include
        .iter()
        .flat_map(|t| t.split(['|', ' ']))
        // (Characters written without spaces are found by `unspaced_passage`.)
        .filter(|w| !is_unspaced_term(w))
        .map(|w| w.trim_end_matches('*'))
        .map(|w| {
            let w = w.to_lowercase();
            let cut = ["ing", "ies", "ed", "es", "s", "y", "e"]
                .iter()
                .find_map(|suffix| w.strip_suffix(suffix).filter(|stem| stem.chars().count() >= 3))
                .map_or(w.as_str(), |stem| stem);
            cut.to_owned()
        })
        .filter(|w| !w.is_empty())
        .collect();
    out.sort();
    out.dedup();
    out
}

fn core(token: &str) -> &str {
    token.trim_matches(|c: char| !c.is_alphanumeric())
}

fn matches_stem(token: &str, stems: &[String]) -> bool {
    let word = core(token).to_lowercase();
    !word.is_empty() && stems.iter().any(|s| word.starts_with(s.as_str()))
}

/// About [`PASSAGE_WORDS`] words around the first word of `text` that matches, the matching
/// words marked; `None` when no word matches.
fn passage(text: &str, stems: &[String]) -> Option<Vec<SnippetPart>> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let first = tokens.iter().position(|t| matches_stem(t, stems))?;
    let start = first.saturating_sub(PASSAGE_WORDS / 3);
    let end = (start + PASSAGE_WORDS).min(tokens.len());
    let mut parts: Vec<SnippetPart> = Vec::new();
    let mut text_run = String::from(if start > 0 { "…" } else { "" });
    for (i, token) in tokens[start..end].iter().enumerate() {
        if i > 0 || start > 0 {
            text_run.push(' ');
        }
        if matches_stem(token, stems) {
            let word = core(token);
            let at = token.find(word).unwrap_or(0);
            text_run.push_str(&token[..at]);
            if !text_run.is_empty() {
                parts.push(SnippetPart::Text(std::mem::take(&mut text_run)));
            }
            parts.push(SnippetPart::Match(word.to_owned()));
            text_run.push_str(&token[at + word.len()..]);
        } else {
            text_run.push_str(token);
        }
    }
    if end < tokens.len() {
        text_run.push('…');
    }
    if !text_run.is_empty() {
        parts.push(SnippetPart::Text(text_run));
    }
    Some(parts)
}

/// The words without spaces the query asks for, as written ("港 口 大 桥" is "港口大桥").
fn unspaced_needles(query: &ParsedQuery) -> Vec<String> {
    query
        .include
        .iter()
        .flat_map(|t| ParsedQuery::alternatives(t))
        .filter(|(words, _)| is_unspaced_term(words))
        .map(|(words, _)| words.replace(' ', ""))
        .filter(|n| !n.is_empty())
        .collect()
}

/// Characters around the first place `text` writes one of `needles` (words of a script
/// without spaces, which [`passage`] cannot cut into words), each place marked; `None` when
/// none is written.
fn unspaced_passage(text: &str, needles: &[String]) -> Option<Vec<SnippetPart>> {
    /// Characters shown before the first match, and in all.
    const BEFORE: usize = 30;
    const CHARS: usize = 120;
    let first = needles.iter().filter_map(|n| find_letters(text, n, 0)).map(|(i, _)| i).min()?;
    let start = text[..first].char_indices().rev().nth(BEFORE - 1).map_or(0, |(i, _)| i);
    let end = text[start..].char_indices().nth(CHARS).map_or(text.len(), |(i, _)| start + i);
    let window = &text[start..end];
    let mut parts = Vec::new();
    let mut run = String::from(if start > 0 { "…" } else { "" });
    let mut at = 0;
    while at < window.len() {
        let Some((i, stop)) = needles.iter().filter_map(|n| find_letters(window, n, at)).min() else { break };
        run.push_str(&window[at..i]);
        if !run.is_empty() {
            parts.push(SnippetPart::Text(std::mem::take(&mut run)));
        }
        parts.push(SnippetPart::Match(window[i..stop].to_owned()));
        at = stop;
    }
    run.push_str(&window[at..]);
    if end < text.len() {
        run.push('…');
    }
    if !run.is_empty() {
        parts.push(SnippetPart::Text(run));
    }
    Some(parts)
}

/// Where `text` writes `needle` from byte `from` on, as a byte range, reading letters and
/// digits only: a query's words hold no marks (see [`words`]), so "เดก" is found where the text
/// writes "เด็ก", the mark inside the range.
fn find_letters(text: &str, needle: &str, from: usize) -> Option<(usize, usize)> {
    let wanted: Vec<char> = needle.chars().filter(|c| c.is_alphanumeric()).collect();
    let first = *wanted.first()?;
    let starts = text[from..].char_indices().filter(|&(_, c)| c == first).map(|(i, _)| from + i);
    for start in starts {
        let mut next = wanted.iter().peekable();
        for (i, c) in text[start..].char_indices() {
            if !c.is_alphanumeric() {
                // A mark inside the word is passed over; anything else ends the try.
                if newsdesk_model::is_unspaced(c) && i > 0 {
                    continue;
                }
                break;
            }
            if next.next_if(|&&w| w == c).is_none() {
                break;
            }
            if next.peek().is_none() {
                // (With the marks written on its last letter.)
                let end = start + i + c.len_utf8();
                let marks = text[end..].chars().take_while(|&m| !m.is_alphanumeric() && newsdesk_model::is_unspaced(m));
                return Some((start, end + marks.map(char::len_utf8).sum::<usize>()));
            }
        }
    }
    None
}

/// The start of a text, unmarked.
fn lead(text: &str) -> Vec<SnippetPart> {
    let words: Vec<&str> = text.split_whitespace().take(PASSAGE_WORDS).collect();
    if words.is_empty() { Vec::new() } else { vec![SnippetPart::Text(words.join(" "))] }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counting what the filters match reads their indexes, never every article; the walking
    /// form reads the articles newest first.
    #[tokio::test]
    async fn filters_are_counted_through_their_indexes() {
        let dir = tempfile::tempdir().unwrap();
        let store =
            Store::open(dir.path().join("t.db").to_str().unwrap(), &crate::StoreOptions::default()).await.unwrap();
        for (query, index) in [
            ("lang:de", "articles_by_language"),
            ("source:harbourpost.example", "articles_by_original_domain"),
            ("source:harbourpost.example", "articles_by_source"),
        ] {
            let q = ParsedQuery::read(query).unwrap();
            let plan = |walk: bool| {
                let (sql, binds) = filters(&q, &["an-outlet-id".to_owned()], Dialect::Sqlite, walk);
                let select = if walk { "a.id" } else { "count(*)" };
                let order = if walk { " ORDER BY a.sort_at DESC, a.id DESC LIMIT 20" } else { "" };
                let mut statement =
                    store.sql(format!("EXPLAIN QUERY PLAN SELECT {select} FROM articles a WHERE 1 = 1{sql}{order}"));
                for b in binds {
                    statement = statement.bind(b);
                }
                // A reading connection opened after the migrations (see story_views' test).
                statement.fetch_all(store.here())
            };
            let details = |rows: Vec<crate::db::Row>| -> Vec<String> {
                rows.iter().map(|r| r.get::<String>("detail").unwrap()).collect()
            };
            let counted = details(plan(false).await.unwrap());
            assert!(counted.iter().any(|d| d.split_whitespace().any(|w| w == index)), "{query}: {counted:?}");
            assert!(!counted.iter().any(|d| d == "SCAN a"), "{query}: {counted:?}");
            let walked = details(plan(true).await.unwrap());
            assert!(walked.iter().any(|d| d.contains("articles_by_time")), "{query}: {walked:?}");
        }
    }

    #[test]
    fn words_without_spaces_are_phrases_of_their_characters_in_their_own_index() {
        let q = ParsedQuery::parse("港口大桥 harbour -渡轮 iPhone手机 港口* \"港口 大桥\"");
        assert_eq!(q.include, vec!["港 口 大 桥", "harbour", "iPhone", "手 机", "港 口", "港 口 大 桥"]);
        assert_eq!(q.exclude, vec!["渡 轮"]);
        let fts = q.to_fts5_indexes().unwrap();
        assert_eq!(
            (fts.table, fts.expr.as_str()),
            ("articles_unspaced_fts", r#""港 口 大 桥" AND "手 机" AND "港 口" AND "港 口 大 桥" NOT "渡 轮""#)
        );
        assert_eq!(fts.also, vec![Also::Must("articles_fts", r#""harbour" AND "iPhone""#.to_owned())]);
        let fts = ParsedQuery::parse("harbour -渡轮").to_fts5_indexes().unwrap();
        assert_eq!((fts.table, fts.expr.as_str()), ("articles_fts", r#""harbour""#));
        assert_eq!(fts.also, vec![Also::MustNot("articles_unspaced_fts", r#""渡 轮""#.to_owned())]);
        let q = ParsedQuery::parse("市政府 -harbour -ferry");
        let fts = q.to_fts5_indexes().unwrap();
        assert_eq!((fts.table, fts.expr.as_str()), ("articles_unspaced_fts", r#""市 政 府""#));
        assert_eq!(fts.also, vec![Also::MustNot("articles_fts", r#""harbour" OR "ferry""#.to_owned())]);
        assert_eq!(ParsedQuery::parse("-渡轮").to_fts5_indexes(), None);
        // Either kind: each alternative in its own index.
        let fts = ParsedQuery::parse("渡轮 OR ferr* harbour").to_fts5_indexes().unwrap();
        assert_eq!((fts.table, fts.expr.as_str(), fts.or_other), ("articles_fts", r#""harbour""#, None));
        assert_eq!(fts.also, vec![Also::Either(r#""ferr" *"#.to_owned(), r#""渡 轮""#.to_owned())]);
        let fts = ParsedQuery::parse("渡轮 OR ferry -harbour").to_fts5_indexes().unwrap();
        assert_eq!(
            (fts.table, fts.expr.as_str(), fts.or_other.as_deref()),
            ("articles_fts", r#""ferry""#, Some(r#""渡 轮""#))
        );
        assert_eq!(fts.also, vec![Also::MustNot("articles_fts", r#""harbour""#.to_owned())]);
    }

    #[test]
    fn parses_words_phrases_and_exclusions() {
        let q = ParsedQuery::parse(r#"harbour "deck plates" -ferry -"night bus" AND NEAR("#);
        assert_eq!(q.include, vec!["harbour", "deck plates", "AND", "NEAR"]);
        assert_eq!(q.exclude, vec!["ferry", "night bus"]);
        assert_eq!(
            q.to_fts5_indexes().unwrap().expr,
            r#""harbour" AND "deck plates" AND "AND" AND "NEAR" NOT "ferry" NOT "night bus""#
        );
    }

    #[test]
    fn either_and_prefixes() {
        let q = ParsedQuery::parse(r#"ferry OR "night bus" harb* OR quay -strik* OR"#);
        assert_eq!(q.include, vec!["ferry|night bus", "harb*|quay"]);
        assert_eq!(q.exclude, vec!["strik*"]);
        assert_eq!(
            q.to_fts5_indexes().unwrap().expr,
            r#"("ferry" OR "night bus") AND ("harb" * OR "quay") NOT "strik" *"#
        );
        // `OR` with nothing before it, lowercase `or`, and stars inside words are words or separators.
        assert_eq!(ParsedQuery::parse("OR ferry").include, vec!["ferry"]);
        assert_eq!(ParsedQuery::parse("ferry or boat").include, vec!["ferry", "or", "boat"]);
        assert_eq!(ParsedQuery::parse("*ferry a*b").include, vec!["ferry", "a b"]);
        assert_eq!(ParsedQuery::to_tsquery("harb*|night bus").1, vec!["harb:*", "night bus"]);
        // A prefix anywhere (an alternative, an exclusion) makes the costly kind of search.
        assert!(q.has_prefix());
        assert!(ParsedQuery::parse("ferry -strik*").has_prefix());
        assert!(!ParsedQuery::parse("ferry OR \"night bus\" *ferry a*b").has_prefix());
    }

    #[test]
    fn syntax_characters_are_only_separators() {
        let q = ParsedQuery::parse(r#"a*b col:val ^x "unterminated"#);
        assert_eq!(q.include, vec!["a b", "col val", "x", "unterminated"]);
        assert_eq!(ParsedQuery::parse("  * : ( ) \"\" ").to_fts5_indexes(), None);
        assert_eq!(ParsedQuery::parse("-only -excluded").to_fts5_indexes(), None);
    }

    #[test]
    fn reads_filters_and_refuses_bad_values() {
        let q =
            ParsedQuery::read("ferry source:www.Harbour.example lang:EN after:2026-05-01 before:2026-06-01 -strike")
                .unwrap();
        assert_eq!(q.include, vec!["ferry"]);
        assert_eq!(q.exclude, vec!["strike"]);
        assert_eq!(q.source.as_deref(), Some("harbour.example"));
        assert_eq!(q.language.as_deref(), Some("en"));
        assert_eq!(q.after.map(|d| d.to_string()).as_deref(), Some("2026-05-01"));
        assert_eq!(q.before.map(|d| d.to_string()).as_deref(), Some("2026-06-01"));
        assert!(
            ParsedQuery::read("before:yesterday").unwrap_err().to_string().contains("write it as before:2026-05-04")
        );
        assert!(ParsedQuery::read("lang:english").unwrap_err().to_string().contains("lang:en"));
        assert_eq!(ParsedQuery::read("lang:de-DE").unwrap().language.as_deref(), Some("de-de"));
        assert_eq!(ParsedQuery::read("lang:pt_br").unwrap().language.as_deref(), Some("pt-br"));
        let named = ParsedQuery::read(r#"ferry source:"Metro Times" strike"#).unwrap();
        assert_eq!(named.source.as_deref(), Some("metro times"));
        assert_eq!(named.include, vec!["ferry", "strike"]);
        assert_eq!(ParsedQuery::read(r#"source:"Metro""#).unwrap().source.as_deref(), Some("metro"));
        assert!(
            ParsedQuery::read("after:2026-06-01 before:2026-05-01")
                .unwrap_err()
                .to_string()
                .contains("nothing can match")
        );
        // Other colons are separators, as before.
        assert_eq!(ParsedQuery::read("col:val").unwrap().include, vec!["col val"]);
    }

    #[test]
    fn bounds_long_queries() {
        let q = ParsedQuery::parse(&"word ".repeat(10_000));
        assert_eq!(q.include.len(), MAX_TERMS);
    }

    #[test]
    fn passages_mark_stemmed_matches_around_the_first() {
        let q = ParsedQuery::parse("ferry closing");
        let stems = stems(&q);
        assert_eq!(stems, vec!["clos", "ferr"]);
        let text = format!("{} The Ferries stopped, and the bridge closed. {}", "word ".repeat(30), "tail ".repeat(30));
        let parts = passage(&text, &stems).unwrap();
        let marked: Vec<&str> =
            parts.iter().filter_map(|p| if let SnippetPart::Match(m) = p { Some(m.as_str()) } else { None }).collect();
        assert_eq!(marked, vec!["Ferries", "closed"]);
        let SnippetPart::Text(first) = &parts[0] else { panic!("{parts:?}") };
        assert!(first.starts_with('…'), "cut in front: {first}");
        let SnippetPart::Text(last) = parts.last().unwrap() else { panic!("{parts:?}") };
        assert!(last.starts_with('.') && last.ends_with('…'), "punctuation stays text: {last}");
        assert!(passage("nothing here", &stems).is_none());
    }
}
