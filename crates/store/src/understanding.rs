//! What newsdesk understood of articles, written back: each article's story, the original it
//! copies, its entities and keyphrases; stories kept up to date as articles join and merge.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use newsdesk_model::{ArticleId, StoryId};

use crate::db::{On, Row};
use crate::rows::uuid;
use crate::{Store, StoreError, time};

/// What understanding needs of a stored article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnderstandingInput {
    pub id: ArticleId,
    pub title: String,
    pub body_text: String,
    /// The outlet: its registrable domain when the source is known, else the article's host.
    pub source: Option<String>,
    /// The domain the article credits as its original ("Original Source: ...").
    pub original_domain: Option<String>,
    /// Published, else stored: where the article belongs in time.
    pub at: DateTime<Utc>,
    /// The story it is in now, if any.
    pub story: Option<StoryId>,
    /// True when the article has no summary yet (an import that gave none).
    pub needs_summary: bool,
    /// Its language (a BCP 47 tag), if known.
    pub language: Option<String>,
}

/// One entity an article names, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityRecord {
    /// `person`, `organization` or `place`.
    pub kind: String,
    /// The same for every article naming it.
    pub key: String,
    /// The fullest form this article uses.
    pub name: String,
    /// Other forms this article uses for it ("ECB" beside "European Central Bank").
    pub also: Vec<String>,
    pub mentions: u32,
}

/// Where an article was placed among the others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    pub story: StoryId,
    /// Stories found to be `story`: their articles move to it.
    pub merged: Vec<StoryId>,
    /// The original, when the article is a syndicated copy.
    pub copy_of: Option<ArticleId>,
}

/// What was understood of one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Understood {
    pub article: ArticleId,
    /// `None` keeps the article's story and copy link as stored.
    pub placed: Option<Placed>,
    pub entities: Vec<EntityRecord>,
    pub keyphrases: Vec<String>,
    /// A summary for an article that had none.
    pub summary: Option<String>,
    /// The language detected for an article that had none (an import that gave none), as a
    /// polled article's is stored when its feed declares none.
    pub language: Option<String>,
}

const INPUT_COLUMNS: &str = "a.id, a.title, a.body_text, coalesce(s.domain, a.url) AS source, a.original_domain, \
     a.sort_at, a.story_id, a.summary = '' AS needs_summary, a.language";

impl Store {
    /// The articles with these ids, in time order (published, else stored; then id).
    ///
    /// # Errors
    /// Database errors.
    pub async fn understanding_inputs(&self, ids: &[ArticleId]) -> Result<Vec<UnderstandingInput>, StoreError> {
        let mut out = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(200) {
            let marks = vec!["?"; chunk.len()].join(", ");
            let sql = format!(
                "SELECT {INPUT_COLUMNS} FROM articles a LEFT JOIN sources s ON s.id = a.source_id \
                 WHERE a.id IN ({marks})"
            );
            let mut query = self.sql(sql);
            for id in chunk {
                query = query.bind(id.to_string());
            }
            for row in query.fetch_all(self.pool()).await? {
                out.push(input(&row)?);
            }
        }
        out.sort_by_key(|a| (a.at, a.id));
        Ok(out)
    }

    /// Up to `limit` articles not placed in a story yet, oldest first (published, else
    /// stored; then id), skipping `tried`: the queue of the process that understands.
    ///
    /// # Errors
    /// Database errors.
    pub async fn unplaced_articles(
        &self,
        tried: &std::collections::HashSet<ArticleId>,
        limit: u32,
    ) -> Result<Vec<ArticleId>, StoreError> {
        let mut out = Vec::new();
        let mut after: Option<(String, String)> = None;
        // Pages past the articles tried before (which placement could not place), so that
        // they never block the queue.
        while out.len() < limit as usize {
            let (filter, at, id) = match &after {
                Some((at, id)) => (" AND (sort_at, id) > (?, ?)", at.clone(), id.clone()),
                None => ("", String::new(), String::new()),
            };
            let sql =
                format!("SELECT id, sort_at FROM articles WHERE story_id IS NULL{filter} ORDER BY sort_at, id LIMIT ?");
            let mut query = self.sql(sql);
            if after.is_some() {
                query = query.bind(at).bind(id);
            }
            let rows = query.bind(i64::from(limit)).fetch_all(self.pool()).await?;
            let full = rows.len() == limit as usize;
            for row in &rows {
                let id: String = row.get("id")?;
                let article = ArticleId::from_uuid(uuid(&id)?);
                after = Some((row.get("sort_at")?, id));
                if !tried.contains(&article) && out.len() < limit as usize {
                    out.push(article);
                }
            }
            if !full {
                break;
            }
        }
        Ok(out)
    }

    /// Up to `limit` articles after `after` in time order (published, else stored; then id),
    /// from `since` on: call again with the last one's `(at, id)` to walk them in bounded
    /// memory.
    ///
    /// # Errors
    /// Database errors.
    pub async fn understanding_inputs_page(
        &self,
        since: Option<DateTime<Utc>>,
        after: Option<(DateTime<Utc>, ArticleId)>,
        limit: u32,
    ) -> Result<Vec<UnderstandingInput>, StoreError> {
        let sql = format!(
            "SELECT {INPUT_COLUMNS} FROM articles a LEFT JOIN sources s ON s.id = a.source_id \
             WHERE a.sort_at >= ? AND (a.sort_at > ? OR (a.sort_at = ? AND a.id > ?)) \
             ORDER BY a.sort_at, a.id LIMIT ?"
        );
        let since = since.map(time::to_db).unwrap_or_default();
        let (after_at, after_id) =
            after.map_or((String::new(), String::new()), |(t, id)| (time::to_db(t), id.to_string()));
        let rows = self
            .sql(sql)
            .bind(since)
            .bind(&after_at)
            .bind(&after_at)
            .bind(after_id)
            .bind(i64::from(limit))
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(input).collect()
    }

    /// Writes what was understood of a batch of articles in one transaction, and brings every
    /// story they touched up to date. Articles deleted meanwhile are skipped. An article is
    /// placed in a story once; `newsdesk recluster` forgets every story before placing again.
    ///
    /// # Errors
    /// Database errors; then nothing of the batch is written.
    pub async fn save_understanding(&self, batch: &[Understood]) -> Result<(), StoreError> {
        if batch.is_empty() {
            return Ok(());
        }
        let mut tx = self.write_ingest().await?;
        let now = time::to_db(time::now());
        let mut touched: BTreeSet<String> = BTreeSet::new();
        // Placements are written a run at a time (a few statements for many articles); a
        // merge, or an article that is not placed, writes the run before it first, so every
        // write happens in the batch's order.
        let mut run = Placements::default();
        for u in batch {
            let article = u.article.to_string();
            if let Some(summary) = u.summary.as_deref().filter(|s| !s.is_empty()) {
                self.sql("UPDATE articles SET summary = ? WHERE id = ? AND summary = ''")
                    .bind(summary)
                    .bind(&article)
                    .execute(tx.on())
                    .await?;
            }
            // (A statement of its own: one that sets the summary, even to itself, reindexes the
            // article's text, `articles_fts_update`.)
            if let Some(language) = u.language.as_deref().filter(|l| !l.is_empty()) {
                self.sql("UPDATE articles SET language = ? WHERE id = ? AND language IS NULL")
                    .bind(language)
                    .bind(&article)
                    .execute(tx.on())
                    .await?;
            }
            let keyphrases = serde_json::to_string(&u.keyphrases)
                .map_err(|e| StoreError::Corrupt(format!("keyphrases of {}: {e}", u.article)))?;
            let Some(placed) = &u.placed else {
                run.write(tx.on(), &now, &mut touched).await?;
                let done = self
                    .sql("UPDATE articles SET keyphrases = ? WHERE id = ?")
                    .bind(keyphrases)
                    .bind(&article)
                    .execute(tx.on())
                    .await?;
                if done == 1 {
                    self.sql("DELETE FROM article_entities WHERE article_id = ?")
                        .bind(&article)
                        .execute(tx.on())
                        .await?;
                    write_entities(tx.on(), &[(article.as_str(), u.entities.as_slice())]).await?;
                }
                continue;
            };
            let story = placed.story.to_string();
            // An article placed twice in one batch: the later placement is written after.
            if !placed.merged.is_empty() || run.has(&article) {
                run.write(tx.on(), &now, &mut touched).await?;
            }
            if !placed.merged.is_empty() {
                if !touched.contains(&story) {
                    insert_stories(tx.on(), std::slice::from_ref(&story), &now).await?;
                }
                for gone in &placed.merged {
                    merge_story(tx.on(), &gone.to_string(), &story).await?;
                    touched.insert(gone.to_string());
                }
            } else if !touched.contains(&story) && run.new_stories.insert(story.clone()) {
                run.stories.push(story.clone());
            }
            // An article is placed once (recluster forgets stories first), so there is
            // no story it leaves behind to bring up to date.
            run.queued.insert(article.clone());
            run.articles.push(Placement {
                article,
                story,
                copy_of: placed.copy_of.filter(|c| *c != u.article).map(|c| c.to_string()),
                keyphrases,
                entities: &u.entities,
            });
        }
        run.write(tx.on(), &now, &mut touched).await?;
        let touched: Vec<&String> = touched.iter().collect();
        for chunk in touched.chunks(200) {
            refresh_stories(tx.on(), chunk).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// When the newest stored article belongs (published, else stored); `None` when there are
    /// none.
    ///
    /// # Errors
    /// Database errors.
    pub async fn newest_article_time(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        let t: Option<String> = self.sql("SELECT max(sort_at) FROM articles").scalar(self.pool()).await?;
        t.as_deref().map(time::from_db).transpose()
    }

    /// Forgets every story, copy link and entity, before `newsdesk recluster` rebuilds them.
    /// Articles are untouched.
    ///
    /// # Errors
    /// Database errors; then nothing is forgotten.
    pub async fn clear_understanding(&self) -> Result<(), StoreError> {
        let mut tx = self.write().await?;
        self.sql("UPDATE articles SET story_id = NULL, copy_of = NULL, keyphrases = '[]' WHERE story_id IS NOT NULL OR copy_of IS NOT NULL OR keyphrases <> '[]'")
            .execute(tx.on())
            .await?;
        self.sql("DELETE FROM article_entities").execute(tx.on()).await?;
        self.sql("DELETE FROM entity_names").execute(tx.on()).await?;
        self.sql("DELETE FROM entities").execute(tx.on()).await?;
        self.sql("UPDATE stories SET merged_into = NULL, lead_article_id = NULL").execute(tx.on()).await?;
        self.sql("DELETE FROM stories").execute(tx.on()).await?;
        tx.commit().await?;
        Ok(())
    }
}

fn input(row: &Row) -> Result<UnderstandingInput, StoreError> {
    let source: Option<String> = row.get("source")?;
    Ok(UnderstandingInput {
        id: ArticleId::from_uuid(uuid(&row.get::<String>("id")?)?),
        title: row.get("title")?,
        body_text: row.get("body_text")?,
        source: source.map(|s| outlet(&s)),
        original_domain: row.get("original_domain")?,
        at: time::from_db(&row.get::<String>("sort_at")?)?,
        story: row.get::<Option<String>>("story_id")?.as_deref().map(uuid).transpose()?.map(StoryId::from_uuid),
        needs_summary: row.get("needs_summary")?,
        language: row.get("language")?,
    })
}

/// A source's domain as is; an article URL's host without `www.`.
fn outlet(source: &str) -> String {
    match url::Url::parse(source) {
        Ok(u) => u.host_str().unwrap_or_default().trim_start_matches("www.").to_owned(),
        Err(_) => source.to_owned(),
    }
}

/// Moves `gone`'s articles (and stories merged into it before) to `into`.
async fn merge_story(mut on: On<'_>, gone: &str, into: &str) -> Result<(), StoreError> {
    if gone == into {
        return Ok(());
    }
    // The story may not be stored yet when it was made and merged within one batch.
    on.sql("INSERT INTO stories (id, first_seen_at, last_seen_at, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")
        .bind(gone)
        .bind(time::to_db(time::now()))
        .bind(time::to_db(time::now()))
        .bind(time::to_db(time::now()))
        .execute(on.again())
        .await?;
    on.sql("UPDATE articles SET story_id = ? WHERE story_id = ?").bind(into).bind(gone).execute(on.again()).await?;
    on.sql("UPDATE stories SET merged_into = ? WHERE merged_into = ? OR id = ?")
        .bind(into)
        .bind(gone)
        .bind(gone)
        .execute(on.again())
        .await?;
    Ok(())
}

/// One article's placement, waiting to be written with the others of its run.
struct Placement<'a> {
    article: String,
    story: String,
    copy_of: Option<String>,
    keyphrases: String,
    entities: &'a [EntityRecord],
}

/// Placements not written yet, and the new stories they need.
#[derive(Default)]
struct Placements<'a> {
    /// In the order they came.
    stories: Vec<String>,
    new_stories: std::collections::HashSet<String>,
    articles: Vec<Placement<'a>>,
    /// The articles' ids.
    queued: std::collections::HashSet<String>,
}

impl Placements<'_> {
    fn has(&self, article: &str) -> bool {
        self.queued.contains(article)
    }

    /// Writes the run: its new stories, the articles' placements (an article that is gone
    /// is passed over), then the entities of the articles placed; `touched` gains their
    /// stories. Leaves the run empty.
    async fn write(&mut self, mut on: On<'_>, now: &str, touched: &mut BTreeSet<String>) -> Result<(), StoreError> {
        insert_stories(on.again(), &self.stories, now).await?;
        self.stories.clear();
        self.new_stories.clear();
        let mut placed: std::collections::HashSet<String> = std::collections::HashSet::new();
        for chunk in self.articles.chunks(100) {
            // Values as a table (its columns are column1 to column4 in both databases).
            let sql = format!(
                "UPDATE articles SET story_id = v.column2, copy_of = v.column3, keyphrases = v.column4 \
                 FROM (VALUES {}) AS v WHERE articles.id = v.column1 RETURNING articles.id",
                vec!["(?, ?, ?, ?)"; chunk.len()].join(", ")
            );
            let mut query = on.sql(sql);
            for p in chunk {
                query = query
                    .bind(p.article.as_str())
                    .bind(p.story.as_str())
                    .bind(p.copy_of.as_deref())
                    .bind(p.keyphrases.as_str());
            }
            for row in query.fetch_all(on.again()).await? {
                placed.insert(row.get("id")?);
            }
        }
        let done: Vec<&Placement<'_>> = self.articles.iter().filter(|p| placed.contains(&p.article)).collect();
        let entities: Vec<(&str, &[EntityRecord])> = done.iter().map(|p| (p.article.as_str(), p.entities)).collect();
        write_entities(on.again(), &entities).await?;
        touched.extend(done.iter().map(|p| p.story.clone()));
        self.articles.clear();
        self.queued.clear();
        Ok(())
    }
}

/// Stores these stories (new, or placed into again after a merge), a few statements for many.
async fn insert_stories(mut on: On<'_>, stories: &[String], now: &str) -> Result<(), StoreError> {
    for chunk in stories.chunks(200) {
        let sql = format!(
            "INSERT INTO stories (id, first_seen_at, last_seen_at, created_at) VALUES {} \
             ON CONFLICT (id) DO UPDATE SET merged_into = NULL",
            vec!["(?, ?, ?, ?)"; chunk.len()].join(", ")
        );
        let mut query = on.sql(sql);
        for story in chunk {
            query = query.bind(story.as_str()).bind(now).bind(now).bind(now);
        }
        query.execute(on.again()).await?;
    }
    Ok(())
}

/// Adds articles' entities, a few statements for all of them. An article being placed has
/// none yet (it is new, or `recluster` cleared them); a renewed article's are deleted first
/// by the caller.
async fn write_entities(mut on: On<'_>, articles: &[(&str, &[EntityRecord])]) -> Result<(), StoreError> {
    // One entity row per kind and key, named as writing the articles one by one would name
    // it: each article offers its longest form, and a later article's replaces the name only
    // when it has more characters (as the upsert decides). One mention row per article and
    // entity (an analysis may name one twice).
    let mut unique: BTreeMap<(&str, &str), &str> = BTreeMap::new();
    let mut names: BTreeMap<(&str, &str), std::collections::BTreeSet<&str>> = BTreeMap::new();
    let mut mentions: BTreeMap<(&str, (&str, &str)), u32> = BTreeMap::new();
    for (article, entities) in articles {
        let mut offered: BTreeMap<(&str, &str), &str> = BTreeMap::new();
        for e in entities.iter().filter(|e| !e.key.is_empty() && e.mentions > 0) {
            let key = (e.kind.as_str(), e.key.as_str());
            let name = offered.entry(key).or_insert(e.name.as_str());
            if e.name.len() > name.len() {
                *name = e.name.as_str();
            }
            let n = mentions.entry((*article, key)).or_insert(0);
            *n = n.saturating_add(e.mentions);
            names
                .entry(key)
                .or_default()
                .extend(std::iter::once(e.name.as_str()).chain(e.also.iter().map(String::as_str)));
        }
        for (key, name) in offered {
            let kept = unique.entry(key).or_insert(name);
            if name.chars().count() > kept.chars().count() {
                *kept = name;
            }
        }
    }
    let mut ids: BTreeMap<(&str, &str), i64> = BTreeMap::new();
    let rows: Vec<_> = unique.iter().map(|(key, name)| (*key, *name)).collect();
    for chunk in rows.chunks(100) {
        let sql = format!(
            "INSERT INTO entities (kind, key, name) VALUES {} \
             ON CONFLICT (kind, key) DO UPDATE SET name = CASE WHEN length(excluded.name) > length(entities.name) THEN excluded.name ELSE entities.name END \
             RETURNING id, kind, key",
            vec!["(?, ?, ?)"; chunk.len()].join(", ")
        );
        let mut query = on.sql(sql);
        for ((kind, key), name) in chunk {
            query = query.bind(*kind).bind(*key).bind(*name);
        }
        for row in query.fetch_all(on.again()).await? {
            let (kind, key): (String, String) = (row.get("kind")?, row.get("key")?);
            // Keyed by the batch's own strings (the chunk is in key order).
            if let Ok(at) = chunk.binary_search_by(|((k, y), _)| (*k, *y).cmp(&(kind.as_str(), key.as_str()))) {
                ids.insert(chunk[at].0, row.get("id")?);
            }
        }
    }
    let id_of = |kind: &str, key: &str| {
        ids.get(&(kind, key))
            .copied()
            .ok_or_else(|| StoreError::Corrupt(format!("entity {kind} `{key}` was not stored")))
    };
    let mentions: Vec<_> = mentions.into_iter().collect();
    for chunk in mentions.chunks(200) {
        let sql = format!(
            "INSERT INTO article_entities (article_id, entity_id, mentions, sort_at) VALUES {} \
             ON CONFLICT (article_id, entity_id) DO UPDATE SET mentions = excluded.mentions, sort_at = excluded.sort_at",
            vec!["(?, ?, ?, (SELECT sort_at FROM articles WHERE id = ?))"; chunk.len()].join(", ")
        );
        let mut query = on.sql(sql);
        for ((article, (kind, key)), n) in chunk {
            query = query.bind(*article).bind(id_of(kind, key)?).bind(i64::from(*n)).bind(*article);
        }
        query.execute(on.again()).await?;
    }
    // Every form an entity is written in, once.
    let mut forms: Vec<(i64, &str)> = Vec::new();
    for ((kind, key), set) in &names {
        let id = id_of(kind, key)?;
        forms.extend(set.iter().filter(|n| !n.trim().is_empty() && n.chars().count() <= 200).map(|n| (id, *n)));
    }
    for forms in forms.chunks(200) {
        let sql = format!(
            "INSERT INTO entity_names (entity_id, name, folded) VALUES {} ON CONFLICT DO NOTHING",
            vec!["(?, ?, ?)"; forms.len()].join(", ")
        );
        let mut query = on.sql(sql);
        for (id, name) in forms {
            query = query.bind(*id).bind(*name).bind(fold_name(name));
        }
        query.execute(on.again()).await?;
    }
    Ok(())
}

/// An entity's name as its key and address write it: lowercase, one space between words, no
/// leading "the" (as readers and other sites write a name: `Christine Lagarde`, `the  ECB`).
#[must_use]
pub fn fold_name(name: &str) -> String {
    let lower = name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    match lower.strip_prefix("the ") {
        Some(rest) if !rest.is_empty() => rest.to_owned(),
        _ => lower,
    }
}

/// Counts, times, lead article, title and summary of stories, from their articles now. The
/// lead is the earliest article that is not a copy (the earliest copy when all are); its title
/// and summary are the story's until they are drawn from all its articles. Every column read
/// is in the index `articles_by_story`: no article row is read, however long the story.
async fn refresh_stories(mut on: On<'_>, stories: &[&String]) -> Result<(), StoreError> {
    let mut query = on.sql(refresh_counts_sql(stories.len()));
    for s in stories {
        query = query.bind(s.as_str());
    }
    query.execute(on.again()).await?;
    let marks = vec!["?"; stories.len()].join(", ");
    // A story whose title and summary were drawn from all its articles keeps them until
    // they are drawn again (`Store::present_story`).
    let sql = format!(
        "UPDATE stories SET \
           title = coalesce((SELECT title FROM articles WHERE id = stories.lead_article_id), title), \
           summary = coalesce((SELECT summary FROM articles WHERE id = stories.lead_article_id), summary), \
           language = (SELECT language FROM articles WHERE id = stories.lead_article_id) \
         WHERE id IN ({marks}) AND digest_count = 0"
    );
    let mut query = on.sql(sql);
    for s in stories {
        query = query.bind(s.as_str());
    }
    query.execute(on.again()).await?;
    Ok(())
}

/// The story refresh's counts, times and lead for `n` stories (bound after it): every
/// subquery asks the index `articles_by_story` for one story's articles.
fn refresh_counts_sql(n: usize) -> String {
    let marks = vec!["?"; n].join(", ");
    format!(
        "UPDATE stories SET \
           article_count = (SELECT count(*) FROM articles WHERE story_id = stories.id), \
           source_count = (SELECT count(DISTINCT coalesce(source_id, original_domain, id)) FROM articles WHERE story_id = stories.id), \
           first_seen_at = coalesce((SELECT min(sort_at) FROM articles WHERE story_id = stories.id), first_seen_at), \
           last_seen_at = coalesce((SELECT max(sort_at) FROM articles WHERE story_id = stories.id), last_seen_at), \
           lead_article_id = coalesce( \
             (SELECT id FROM articles WHERE story_id = stories.id AND copy_of IS NULL ORDER BY sort_at, id LIMIT 1), \
             (SELECT id FROM articles WHERE story_id = stories.id ORDER BY sort_at, id LIMIT 1)) \
         WHERE id IN ({marks})"
    )
}

/// A story's newest articles in its readers' language read beside its newest articles (see
/// [`Store::story_members`]).
const READERS_MEMBERS: i64 = 8;

/// One article of a story, as its title and summary are drawn from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryMember {
    pub title: String,
    /// The start of its text.
    pub lead: String,
    /// Its outlet's domain, when known.
    pub source: Option<String>,
    pub at: DateTime<Utc>,
    /// Its language (a BCP 47 tag), when known.
    pub language: Option<String>,
}

/// A story's title and summary as drawn from its articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presented {
    pub story: StoryId,
    pub title: String,
    pub summary: String,
    /// The language of the article the title was taken from, when known.
    pub language: Option<String>,
    /// How many articles the story had.
    pub count: u32,
}

/// Characters of each article's text read for its story's title and summary.
const MEMBER_LEAD_CHARS: u32 = 2000;

impl Store {
    /// Of these stories, those whose title and summary are due to be drawn from all their
    /// articles: two articles or more, and never drawn or grown by a third since. With each,
    /// its article count now.
    ///
    /// # Errors
    /// Database errors.
    pub async fn stories_to_present(&self, stories: &[StoryId]) -> Result<Vec<(StoryId, u32)>, StoreError> {
        let mut due = Vec::new();
        for chunk in stories.chunks(200) {
            let marks = vec!["?"; chunk.len()].join(", ");
            // The stories are found by their ids alone and the rest is decided here: with the
            // other conditions in the query, SQLite's planner takes the index of unmerged
            // stories for a long list of ids and reads every live story each time.
            let mut q = self
                .sql(format!("SELECT id, article_count, digest_count, merged_into FROM stories WHERE id IN ({marks})"));
            for s in chunk {
                q = q.bind(s.to_string());
            }
            for row in q.fetch_all(self.pool()).await? {
                let (n, drawn): (i64, i64) = (row.get("article_count")?, row.get("digest_count")?);
                if row.get::<Option<String>>("merged_into")?.is_none() && n >= 2 && n > drawn + drawn / 3 {
                    due.push((
                        StoryId::from_uuid(uuid(&row.get::<String>("id")?)?),
                        u32::try_from(n).unwrap_or(u32::MAX),
                    ));
                }
            }
        }
        Ok(due)
    }

    /// Of the newest `limit` articles of each of these stories, and of its newest
    /// [`READERS_MEMBERS`] in the language `readers` (a primary subtag, "en") when given,
    /// those that are not copies, newest first, read in one query: a story told in forty
    /// languages has its readers' articles read however old they are among the others.
    ///
    /// # Errors
    /// Database errors.
    pub async fn story_members(
        &self,
        stories: &[StoryId],
        limit: u32,
        readers: Option<&str>,
    ) -> Result<Vec<(StoryId, Vec<StoryMember>)>, StoreError> {
        let mut found: Vec<(StoryId, Vec<StoryMember>)> = Vec::new();
        let readers = readers.map(str::to_ascii_lowercase).unwrap_or_default();
        for chunk in stories.chunks(100) {
            let marks = vec!["?"; chunk.len()].join(", ");
            // (A language tag is the readers' when it is theirs or starts with it and a hyphen.)
            let theirs = "(lower(coalesce(language, '')) = ? OR lower(coalesce(language, '')) LIKE ?)";
            let mut q = self.sql(format!(
                "SELECT m.story_id, a.title, substr(a.body_text, 1, {MEMBER_LEAD_CHARS}) AS lead, s.domain AS source, \
                   a.sort_at, a.copy_of, a.language FROM ( \
                   SELECT seq, story_id, row_number() OVER (PARTITION BY story_id ORDER BY sort_at DESC, seq DESC) AS n, \
                     row_number() OVER (PARTITION BY story_id, {theirs} ORDER BY sort_at DESC, seq DESC) AS nl, \
                     CASE WHEN {theirs} THEN 1 ELSE 0 END AS readers \
                   FROM articles WHERE story_id IN ({marks})) m \
                 JOIN articles a ON a.seq = m.seq LEFT JOIN sources s ON s.id = a.source_id \
                 WHERE m.n <= ? OR (m.readers = 1 AND m.nl <= ?) ORDER BY m.story_id, m.n"
            ));
            let pattern = format!("{readers}-%");
            for _ in 0..2 {
                q = q.bind(readers.clone()).bind(pattern.clone());
            }
            for story in chunk {
                q = q.bind(story.to_string());
            }
            let extra = if readers.is_empty() { 0 } else { READERS_MEMBERS };
            q = q.bind(i64::from(limit)).bind(extra);
            for r in q.fetch_all(self.pool()).await? {
                // The index alone picks the newest; copies (their text is their original's) are
                // left out of those.
                if r.get::<Option<String>>("copy_of")?.is_some() {
                    continue;
                }
                let story = StoryId::from_uuid(uuid(&r.get::<String>("story_id")?)?);
                let member = StoryMember {
                    title: r.get("title")?,
                    lead: r.get("lead")?,
                    source: r.get("source")?,
                    at: time::from_db(&r.get::<String>("sort_at")?)?,
                    language: r.get("language")?,
                };
                match found.last_mut() {
                    Some((last, members)) if *last == story => members.push(member),
                    _ => found.push((story, vec![member])),
                }
            }
        }
        Ok(found)
    }

    /// Sets stories' titles and summaries, each drawn from its articles (their count given),
    /// in one transaction.
    ///
    /// # Errors
    /// Database errors; then none is set.
    pub async fn present_stories(&self, presented: &[Presented]) -> Result<(), StoreError> {
        if presented.is_empty() {
            return Ok(());
        }
        // Derived from the articles, drawn again when lost: the ingestion connection.
        let mut tx = self.write_ingest().await?;
        for chunk in presented.chunks(100) {
            // Values as a table (its columns are column1 to column5 in both databases).
            let sql = format!(
                "UPDATE stories SET title = v.column2, summary = v.column3, digest_count = v.column4, \
                 language = v.column5 FROM (VALUES {}) AS v WHERE stories.id = v.column1",
                vec!["(?, ?, ?, ?, ?)"; chunk.len()].join(", ")
            );
            let mut query = self.sql(sql);
            for p in chunk {
                query = query
                    .bind(p.story.to_string())
                    .bind(&p.title)
                    .bind(&p.summary)
                    .bind(i64::from(p.count))
                    .bind(p.language.as_deref());
            }
            query.execute(tx.on()).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::StoreOptions;

    /// The story members' index holds placed articles only (migration 0026); every read of
    /// the story refresh names its story, so it is still answered by that index alone, and
    /// no read of the refresh walks the articles.
    #[tokio::test]
    async fn the_story_refresh_reads_the_placed_articles_index_alone() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("t.db").to_str().unwrap(), &StoreOptions::default()).await.unwrap();
        let plan = store
            .sql(format!("EXPLAIN QUERY PLAN {}", refresh_counts_sql(2)))
            .bind("a")
            .bind("b")
            .fetch_all(store.here())
            .await
            .unwrap();
        let plan: Vec<String> = plan.iter().map(|r| r.get::<String>("detail").unwrap()).collect();
        let reads: Vec<&String> = plan.iter().filter(|d| d.split_whitespace().any(|w| w == "articles")).collect();
        assert_eq!(reads.len(), 6, "{plan:?}");
        assert!(reads.iter().all(|d| d.contains("COVERING INDEX articles_by_story (story_id=?)")), "{plan:?}");
    }
}
