//! Reading stories and entities back: what the story, entity and article pages show.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use newsdesk_model::{Article, ArticleId, StoryId};
use serde::Serialize;

use crate::db::Row;
use crate::rows::{self, CARD_COLUMNS, uuid};
use crate::{ArticleCard, Page, Store, StoreError, time};

/// A story as lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoryCard {
    pub id: StoryId,
    pub title: String,
    pub summary: String,
    pub lead_article: Option<ArticleId>,
    pub first_seen_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub article_count: u32,
    pub source_count: u32,
    /// The picture for its card: its lead article's image, else (on the front page, see
    /// [`Store::story_headlines`]) that of its newest article with one.
    pub image_url: Option<String>,
    /// The language its title and summary are in (a tag such as `de`), when known.
    pub language: Option<String>,
}

/// A headline of a story's coverage, for its card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Headline {
    pub article: ArticleId,
    pub title: String,
    pub outlet: Option<crate::Outlet>,
    /// The article's language (a tag such as `de`), when known: another outlet's headline may
    /// be in another language than the card's.
    pub language: Option<String>,
}

/// Newest articles of a story read to find headlines of other outlets for its card.
const HEADLINE_SCAN: u32 = 12;

/// One article in a story's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineEntry {
    pub article: ArticleCard,
    /// The outlet's name, when its source is known.
    pub source: Option<String>,
    /// The original, when this article is a syndicated copy.
    pub copy_of: Option<ArticleId>,
}

/// An entity with how many articles (of a story, or in all) name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityCount {
    pub kind: String,
    pub key: String,
    pub name: String,
    pub articles: u32,
}

/// A story with its timeline and entities.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoryView {
    pub story: StoryCard,
    /// Oldest first.
    pub timeline: Vec<TimelineEntry>,
    /// Most named first.
    pub entities: Vec<EntityCount>,
    /// Other stories on the same subject (they name the same people, organisations and
    /// places), newest first.
    pub related: Vec<StoryCard>,
}

/// An entity with the stories and articles that name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityView {
    pub entity: EntityCount,
    /// The other names articles call it by ("ECB" for the European Central Bank), at most 20.
    pub other_names: Vec<String>,
    /// Most recent first.
    pub stories: Vec<StoryCard>,
    /// Most recent first.
    pub articles: Vec<ArticleCard>,
}

/// What an article page shows beside the article: its story, original, copies and entities.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ArticleContext {
    /// Who published it.
    pub outlet: Option<crate::Outlet>,
    pub story: Option<StoryCard>,
    /// The original, when this article is a copy.
    pub copy_of: Option<ArticleCard>,
    /// Articles that copy this one.
    pub copies: Vec<TimelineEntry>,
    pub entities: Vec<EntityCount>,
    pub keyphrases: Vec<String>,
    /// The article has earlier versions ([`Store::article_revisions`]).
    #[serde(skip)]
    pub revised: bool,
    /// The article has approved comments ([`Store::approved_comment_page`]).
    #[serde(skip)]
    pub discussed: bool,
}

/// Hours in which a story's freshness halves on the front page.
pub const FRESHNESS_HALF_LIFE_HOURS: f64 = 12.0;
/// Days behind the newest story within which stories are ranked by coverage and freshness.
pub const RANKED_DAYS: i64 = 7;
/// Most stories ranked by coverage and freshness (the most recent): every front-page request
/// reads this many entries of the live stories' index at most, and a story a thousand stories
/// back has long lost its freshness.
const RANKED_MOST: u32 = 1000;

/// Live stories: not merged into another, with articles. The index `stories_live` holds
/// exactly these, with every column the front page's ranking reads.
const LIVE: &str = "merged_into IS NULL AND article_count > 0";

/// The front page's reads of the live stories, each served by their index alone.
#[derive(Clone, Copy, Debug)]
enum FrontRead {
    /// How many there are.
    Count,
    /// When the newest was last active.
    Newest,
    /// The most recent, with what they are ranked by.
    Ranked,
    /// A page of the older ones, newest first.
    Older,
}

fn front_sql(read: FrontRead) -> String {
    match read {
        FrontRead::Count => format!("SELECT count(*) FROM stories WHERE {LIVE}"),
        FrontRead::Newest => format!("SELECT max(last_seen_at) FROM stories WHERE {LIVE}"),
        FrontRead::Ranked => format!(
            "SELECT id, last_seen_at, source_count FROM stories WHERE {LIVE} AND last_seen_at >= ? \
             ORDER BY last_seen_at DESC, id DESC LIMIT ?"
        ),
        FrontRead::Older => format!(
            "SELECT id FROM stories WHERE {LIVE} AND last_seen_at < ? \
             ORDER BY last_seen_at DESC, id DESC LIMIT ? OFFSET ?"
        ),
    }
}

/// What the front page ranks a story by.
struct Standing {
    id: StoryId,
    last_seen_at: DateTime<Utc>,
    source_count: u32,
}

impl Standing {
    /// Its outlets, halved for every half-life behind the newest story.
    fn rank(&self, newest: DateTime<Utc>) -> f64 {
        #[allow(clippy::cast_precision_loss)]
        let hours = (newest - self.last_seen_at).num_minutes().max(0) as f64 / 60.0;
        f64::from(self.source_count.max(1)) * 0.5f64.powf(hours / FRESHNESS_HALF_LIFE_HOURS)
    }
}

/// Longest timeline shown on a story page.
const TIMELINE_LIMIT: u32 = 500;
/// Entities listed on a story or article page.
const ENTITY_LIMIT: u32 = 30;

/// Most mentions of an entity read to find the stories its page lists.
const MENTIONS_READ: i64 = 8_000;

/// A story's most named entities that other stories must share to be on its subject.
const RELATED_ENTITIES: usize = 4;
/// Articles read per entity, newest first, when looking for stories on a subject.
const RELATED_SCAN: u32 = 300;
/// Stories on the same subject listed...
const RELATED_LIMIT: u32 = 5;
/// ...of the newest this many that share its entities, by their keyphrases.
const RELATED_CANDIDATES: u32 = 40;
/// Articles of a story whose keyphrases say what it is about (its newest).
const KEYPHRASE_ARTICLES: i64 = 50;
/// An entity named in more than one article in this many is the background of the news, not a
/// subject ("United States" in American news).
const BACKGROUND_SHARE: i64 = 10;
/// Articles stored before an entity can be the background of the news.
const BACKGROUND_MIN_ARTICLES: i64 = 200;

const STORY_COLUMNS: &str = "s.id, s.title, s.summary, s.lead_article_id, s.first_seen_at, s.last_seen_at, \
     s.article_count, s.source_count, s.language, \
     (SELECT la.image_url FROM articles la WHERE la.id = s.lead_article_id) AS image_url";

/// The names [`STORY_COLUMNS`] give a story's values.
struct StoryNames {
    id: &'static str,
    title: &'static str,
    summary: &'static str,
    lead_article_id: &'static str,
    first_seen_at: &'static str,
    last_seen_at: &'static str,
    article_count: &'static str,
    source_count: &'static str,
    image_url: &'static str,
    language: &'static str,
}

const STORY_NAMES: StoryNames = StoryNames {
    id: "id",
    title: "title",
    summary: "summary",
    lead_article_id: "lead_article_id",
    first_seen_at: "first_seen_at",
    last_seen_at: "last_seen_at",
    article_count: "article_count",
    source_count: "source_count",
    image_url: "image_url",
    language: "language",
};

/// An article's story beside the article's own columns, whose names it must not take.
const ARTICLE_STORY_COLUMNS: &str = "s.id AS s_id, s.title AS s_title, s.summary AS s_summary, \
     s.lead_article_id AS s_lead_article_id, s.first_seen_at AS s_first_seen_at, s.last_seen_at AS s_last_seen_at, \
     s.article_count AS s_article_count, s.source_count AS s_source_count, s.language AS s_language, \
     (SELECT la.image_url FROM articles la WHERE la.id = s.lead_article_id) AS s_image_url";

/// The names [`ARTICLE_STORY_COLUMNS`] give a story's values.
const ARTICLE_STORY_NAMES: StoryNames = StoryNames {
    id: "s_id",
    title: "s_title",
    summary: "s_summary",
    lead_article_id: "s_lead_article_id",
    first_seen_at: "s_first_seen_at",
    last_seen_at: "s_last_seen_at",
    article_count: "s_article_count",
    source_count: "s_source_count",
    image_url: "s_image_url",
    language: "s_language",
};

/// What an article's page shows around it that one statement can read: its outlet and its
/// story, and whether it has copies, earlier versions and approved comments (most have none
/// of them: no statement is run for them). `a` is the article.
const CONTEXT_COLUMNS_AND_JOINS: &str = "a.copy_of, a.keyphrases, src.name AS outlet_name, \
     src.domain AS outlet_domain, {STORY}, \
     EXISTS (SELECT 1 FROM articles c WHERE c.copy_of = a.id) AS has_copies, \
     EXISTS (SELECT 1 FROM article_revisions r WHERE r.article_id = a.id) AS revised, \
     EXISTS (SELECT 1 FROM comments d WHERE d.article_id = a.id AND d.status = 'approved') AS discussed FROM articles a \
     LEFT JOIN sources src ON src.id = a.source_id LEFT JOIN stories s ON s.id = a.story_id";

/// [`CONTEXT_COLUMNS_AND_JOINS`] with its story's columns, as one SQL text.
fn context_columns_and_joins() -> &'static str {
    static TEXT: std::sync::LazyLock<String> =
        std::sync::LazyLock::new(|| CONTEXT_COLUMNS_AND_JOINS.replace("{STORY}", ARTICLE_STORY_COLUMNS));
    &TEXT
}

impl Store {
    /// Stories with articles for a front page, most important first: by coverage (distinct
    /// outlets) weighed by freshness, which halves every [`FRESHNESS_HALF_LIFE_HOURS`] hours
    /// behind the newest story, so that a story five outlets told this morning ranks above
    /// the one-article stories of this afternoon, and yesterday's big story gives way. Stories
    /// of the last [`RANKED_DAYS`] days are ranked so; older ones follow, newest first.
    ///
    /// # Errors
    /// Database errors.
    pub async fn top_stories(&self, offset: u64, limit: u32) -> Result<Page<StoryCard>, StoreError> {
        // Every statement here reads the index of live stories alone (`stories_live`), but
        // the last, which reads the rows of the stories shown.
        let total: i64 = self.sql(front_sql(FrontRead::Count)).scalar(self.here()).await?;
        let total = u64::try_from(total).unwrap_or(0);
        let newest: Option<String> = self.sql(front_sql(FrontRead::Newest)).scalar(self.here()).await?;
        let Some(newest) = newest.as_deref().map(time::from_db).transpose()? else {
            return Ok(Page { items: Vec::new(), total, offset, limit });
        };
        let cutoff = time::to_db(newest - chrono::Duration::days(RANKED_DAYS));
        let rows = self
            .sql(front_sql(FrontRead::Ranked))
            .bind(cutoff.as_str())
            .bind(i64::from(RANKED_MOST))
            .fetch_all(self.here())
            .await?;
        let mut ranked = rows
            .iter()
            .map(|r| {
                let standing = Standing {
                    id: StoryId::from_uuid(uuid(&r.get::<String>("id")?)?),
                    last_seen_at: time::from_db(&r.get::<String>("last_seen_at")?)?,
                    source_count: count(r, "source_count")?,
                };
                Ok((standing.rank(newest), standing))
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        ranked.sort_by(|(ra, a), (rb, b)| {
            rb.total_cmp(ra).then(b.last_seen_at.cmp(&a.last_seen_at)).then(b.id.cmp(&a.id))
        });
        let start = usize::try_from(offset).unwrap_or(usize::MAX);
        let mut shown: Vec<StoryId> = ranked.iter().skip(start).take(limit as usize).map(|(_, s)| s.id).collect();
        let wanted = limit as usize - shown.len();
        if wanted > 0 && limit > 0 {
            // Past the ranked stories: the older ones, newest first.
            let skip = start.saturating_sub(ranked.len());
            let oldest_ranked = if ranked.len() < RANKED_MOST as usize {
                cutoff.clone()
            } else {
                ranked.iter().map(|(_, s)| s.last_seen_at).min().map(time::to_db).unwrap_or(cutoff.clone())
            };
            let rows = self
                .sql(front_sql(FrontRead::Older))
                .bind(oldest_ranked.as_str())
                .bind_page(u32::try_from(wanted).unwrap_or(limit), u64::try_from(skip).unwrap_or(0))
                .fetch_all(self.here())
                .await?;
            for row in &rows {
                shown.push(StoryId::from_uuid(uuid(&row.get::<String>("id")?)?));
            }
        }
        let items = self.story_cards(&shown).await?;
        Ok(Page { items, total, offset, limit })
    }

    /// The cards of these stories, in this order; a story that is gone is left out.
    async fn story_cards(&self, ids: &[StoryId]) -> Result<Vec<StoryCard>, StoreError> {
        let mut cards: std::collections::HashMap<StoryId, StoryCard> = std::collections::HashMap::new();
        for chunk in ids.chunks(100) {
            let marks = vec!["?"; chunk.len()].join(", ");
            let mut q = self.sql(format!("SELECT {STORY_COLUMNS} FROM stories s WHERE s.id IN ({marks})"));
            for id in chunk {
                q = q.bind(id.to_string());
            }
            for row in &q.fetch_all(self.here()).await? {
                let card = story_card(row)?;
                cards.insert(card.id, card);
            }
        }
        Ok(ids.iter().filter_map(|id| cards.remove(id)).collect())
    }

    /// Where a story is now: itself, or the story it was merged into. `None` when unknown.
    ///
    /// # Errors
    /// Database errors.
    pub async fn current_story(&self, id: StoryId) -> Result<Option<StoryId>, StoreError> {
        let mut current = id.to_string();
        // Merges point at the survivor directly; the bound guards against a damaged loop.
        for _ in 0..8 {
            let row = self
                .sql("SELECT merged_into FROM stories WHERE id = ?")
                .bind(&current)
                .fetch_optional(self.here())
                .await?
                .map(|r| r.get::<Option<String>>("merged_into"))
                .transpose()?;
            match row {
                None => return Ok(None),
                Some(None) => return Ok(Some(StoryId::from_uuid(uuid(&current)?))),
                Some(Some(next)) => current = next,
            }
        }
        Err(StoreError::Corrupt(format!("story {id} is merged in a loop")))
    }

    /// A story with its timeline and entities; `None` when there is no such story (callers
    /// resolve merged stories with [`Store::current_story`] first).
    ///
    /// # Errors
    /// Database errors.
    pub async fn story(&self, id: StoryId) -> Result<Option<StoryView>, StoreError> {
        let sql = format!("SELECT {STORY_COLUMNS} FROM stories s WHERE s.id = ?");
        let Some(row) = self.sql(sql).bind(id.to_string()).fetch_optional(self.pool()).await? else {
            return Ok(None);
        };
        let story = story_card(&row)?;
        let sql = format!(
            "SELECT {CARD_COLUMNS}, src.name AS source_name, a.copy_of FROM articles a \
             LEFT JOIN sources src ON src.id = a.source_id \
             WHERE a.story_id = ? ORDER BY a.sort_at, a.id LIMIT ?"
        );
        let rows = self.sql(sql).bind(id.to_string()).bind(i64::from(TIMELINE_LIMIT)).fetch_all(self.pool()).await?;
        let timeline = rows.iter().map(timeline_entry).collect::<Result<Vec<_>, _>>()?;
        let rows = self
            .sql(
                "SELECT e.kind, e.key, e.name, count(*) AS n FROM articles a \
             JOIN article_entities ae ON ae.article_id = a.id JOIN entities e ON e.id = ae.entity_id \
             WHERE a.story_id = ? GROUP BY e.id ORDER BY n DESC, sum(ae.mentions) DESC, e.key LIMIT ?",
            )
            .bind(id.to_string())
            .bind(i64::from(ENTITY_LIMIT))
            .fetch_all(self.pool())
            .await?;
        let entities = joined_names(rows.iter().map(entity_count).collect::<Result<Vec<_>, _>>()?);
        let newest = timeline.iter().map(|e| e.article.sort_at).max();
        let related = match newest {
            Some(newest) => self.related_stories(id, newest, &entities).await?,
            None => Vec::new(),
        };
        Ok(Some(StoryView { story, timeline, entities, related }))
    }

    /// For each story, up to `per_story` headlines of its newest articles from outlets other
    /// than the one whose headline the card shows, one per outlet, newest first, copies and the
    /// story's own title left out (the lead's headline is listed when the story's title is
    /// another article's): what a news aggregator's card shows under the headline. A story
    /// whose lead article has no image takes that of its newest article with one, among those
    /// read.
    ///
    /// # Errors
    /// Database errors.
    pub async fn story_headlines(
        &self,
        stories: &mut [StoryCard],
        per_story: usize,
    ) -> Result<std::collections::HashMap<StoryId, Vec<Headline>>, StoreError> {
        let mut found: std::collections::HashMap<StoryId, Vec<Headline>> = std::collections::HashMap::new();
        let mut headliners: std::collections::HashMap<StoryId, Option<String>> = std::collections::HashMap::new();
        let mut images: std::collections::HashMap<StoryId, String> = std::collections::HashMap::new();
        for chunk in stories.chunks(100) {
            let marks = vec!["?"; chunk.len()].join(", ");
            let mut q = self.sql(format!(
                "SELECT m.story_id, a.id, a.title, a.language, a.copy_of, a.original_domain, a.image_url, s.name AS outlet_name, s.domain AS outlet_domain \
                 FROM (SELECT seq, story_id, row_number() OVER (PARTITION BY story_id ORDER BY sort_at DESC, seq DESC) AS n \
                   FROM articles WHERE story_id IN ({marks})) m \
                 JOIN articles a ON a.seq = m.seq LEFT JOIN sources s ON s.id = a.source_id \
                 WHERE m.n <= ? ORDER BY m.story_id, m.n"
            ));
            for story in chunk {
                q = q.bind(story.id.to_string());
            }
            let rows = q.bind(i64::from(HEADLINE_SCAN)).fetch_all(self.here()).await?;
            let cards: std::collections::HashMap<StoryId, &StoryCard> = chunk.iter().map(|c| (c.id, c)).collect();
            for r in &rows {
                let story = StoryId::from_uuid(uuid(&r.get::<String>("story_id")?)?);
                let Some(card) = cards.get(&story) else { continue };
                if card.image_url.is_none()
                    && !images.contains_key(&story)
                    && let Some(image) = r.get::<Option<String>>("image_url")?
                {
                    images.insert(story, image);
                }
                let article = ArticleId::from_uuid(uuid(&r.get::<String>("id")?)?);
                let title: String = r.get("title")?;
                let outlet =
                    crate::Outlet::of(r.get("outlet_name")?, r.get("outlet_domain")?, r.get("original_domain")?);
                // The card's own headline (the lead's, or the story's most central article's
                // when the story has moved on) is not listed again, nor is its outlet; the
                // lead's headline is, when it is another.
                if title == card.title {
                    if !headliners.contains_key(&story) || Some(article) == card.lead_article {
                        headliners.insert(story, outlet.map(|o| o.domain));
                    }
                    continue;
                }
                if r.get::<Option<String>>("copy_of")?.is_some() {
                    continue;
                }
                let language = r.get("language")?;
                found.entry(story).or_default().push(Headline { article, title, outlet, language });
            }
        }
        // One headline per outlet, none from the headline's outlet, at most `per_story`.
        for (story, list) in &mut found {
            let headliner = headliners.get(story).cloned().flatten();
            let mut seen: Vec<Option<String>> = vec![headliner];
            list.retain(|h| {
                let key = h.outlet.as_ref().map(|o| o.domain.clone());
                if key.is_some() && seen.contains(&key) {
                    return false;
                }
                seen.push(key);
                true
            });
            list.truncate(per_story);
        }
        for card in stories.iter_mut() {
            if card.image_url.is_none() {
                card.image_url = images.remove(&card.id);
            }
        }
        Ok(found)
    }

    /// Stories on the same subject as `story`: those whose articles name at least two of its
    /// most named entities (one, when it has just one, a person or organisation), entities
    /// that are the background of the news (named in a tenth of all articles) passed over.
    /// Each entity's articles are read outward from `newest`, the time of the story's newest
    /// article: at most [`RELATED_SCAN`] before it and a third as many after, so an entity
    /// named everywhere costs no more than any other. Of those, the ones that also share a
    /// keyphrase with it (the background's names aside), when its articles have keyphrases.
    async fn related_stories(
        &self,
        story: StoryId,
        newest: DateTime<Utc>,
        entities: &[EntityCount],
    ) -> Result<Vec<StoryCard>, StoreError> {
        // The background of the news (a country, a head of state named in a tenth of all
        // articles or more) says nothing of a subject: such entities are passed over. Counted
        // no further than that tenth, for at most twice as many entities as are needed.
        let articles: i64 =
            self.sql("SELECT coalesce(max(seq), 0) AS n FROM articles").fetch_one(self.pool()).await?.get("n")?;
        let background = articles / BACKGROUND_SHARE;
        let mut top: Vec<&EntityCount> = Vec::new();
        // The background's names, which say nothing of a subject as keyphrases either.
        let mut background_names: HashSet<String> = HashSet::new();
        for e in entities.iter().take(2 * RELATED_ENTITIES) {
            if top.len() >= RELATED_ENTITIES {
                break;
            }
            if articles >= BACKGROUND_MIN_ARTICLES {
                let named: i64 = self
                    .sql(
                        "SELECT count(*) AS n FROM (SELECT 1 FROM article_entities \
                         WHERE entity_id = (SELECT id FROM entities WHERE kind = ? AND key = ?) LIMIT ?) named",
                    )
                    .bind(&e.kind)
                    .bind(&e.key)
                    .bind(background + 1)
                    .fetch_one(self.pool())
                    .await?
                    .get("n")?;
                if named > background {
                    background_names.extend(name_forms(&e.name));
                    continue;
                }
            }
            top.push(e);
        }
        let needed = match top.as_slice() {
            [] => return Ok(Vec::new()),
            [one] if one.kind == "place" => return Ok(Vec::new()),
            [_] => 1,
            _ => 2,
        };
        let mut shared: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for e in &top {
            let rows = self
                .sql(
                    "SELECT DISTINCT a.story_id FROM ( \
                       SELECT article_id FROM (SELECT ae.article_id FROM article_entities ae \
                         WHERE ae.entity_id = (SELECT id FROM entities WHERE kind = ? AND key = ?) AND ae.sort_at <= ? \
                         ORDER BY ae.sort_at DESC, ae.article_id DESC LIMIT ?) before_it \
                       UNION ALL \
                       SELECT article_id FROM (SELECT ae.article_id FROM article_entities ae \
                         WHERE ae.entity_id = (SELECT id FROM entities WHERE kind = ? AND key = ?) AND ae.sort_at > ? \
                         ORDER BY ae.sort_at, ae.article_id LIMIT ?) after_it) recent \
                     JOIN articles a ON a.id = recent.article_id WHERE a.story_id IS NOT NULL AND a.story_id <> ?",
                )
                .bind(&e.kind)
                .bind(&e.key)
                .bind(time::to_db(newest))
                .bind(i64::from(RELATED_SCAN))
                .bind(&e.kind)
                .bind(&e.key)
                .bind(time::to_db(newest))
                .bind(i64::from(RELATED_SCAN / 3))
                .bind(story.to_string())
                .fetch_all(self.pool())
                .await?;
            for row in &rows {
                *shared.entry(row.get::<String>("story_id")?).or_default() += 1;
            }
        }
        let ids: Vec<String> = shared.into_iter().filter(|(_, n)| *n >= needed).map(|(id, _)| id).collect();
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        // What the story is about, beyond who is in it: its articles' keyphrases, the
        // background's names left out. A story whose articles have none (a script without
        // spaces) is judged by its entities alone.
        let subject = self.story_keyphrases(&[story.to_string()], &background_names).await?;
        let subject = subject.get(&story.to_string()).cloned().unwrap_or_default();
        let marks = vec!["?"; ids.len().min(500)].join(", ");
        let mut q = self.sql(format!(
            // `coalesce`: the stories are found by their ids. `merged_into IS NULL` would let
            // SQLite's planner take the index of live stories and read every one of them.
            "SELECT {STORY_COLUMNS} FROM stories s WHERE s.id IN ({marks}) AND coalesce(s.merged_into, '') = '' \
             AND s.article_count > 0 ORDER BY s.last_seen_at DESC, s.id LIMIT ?"
        ));
        for id in ids.iter().take(500) {
            q = q.bind(id.clone());
        }
        let limit = if subject.is_empty() { RELATED_LIMIT } else { RELATED_CANDIDATES };
        let rows = q.bind(i64::from(limit)).fetch_all(self.pool()).await?;
        let mut cards = rows.iter().map(story_card).collect::<Result<Vec<_>, _>>()?;
        if !subject.is_empty() {
            // A story that shares names but not one keyphrase is another subject with the
            // same actors (a governor's border visit and the same governor's abortion law).
            let ids: Vec<String> = cards.iter().map(|c| c.id.to_string()).collect();
            let theirs = self.story_keyphrases(&ids, &background_names).await?;
            cards.retain(|c| theirs.get(&c.id.to_string()).is_some_and(|k| !k.is_disjoint(&subject)));
            cards.truncate(RELATED_LIMIT as usize);
        }
        Ok(cards)
    }

    /// The keyphrases of each story's articles (its newest [`KEYPHRASE_ARTICLES`] at most),
    /// lowercase, those in `leave_out` left out.
    async fn story_keyphrases(
        &self,
        stories: &[String],
        leave_out: &HashSet<String>,
    ) -> Result<HashMap<String, HashSet<String>>, StoreError> {
        let mut out: HashMap<String, HashSet<String>> = HashMap::new();
        if stories.is_empty() {
            return Ok(out);
        }
        let marks = vec!["?"; stories.len()].join(", ");
        let mut q = self.sql(format!(
            "SELECT story_id, keyphrases FROM (SELECT a.story_id, a.keyphrases, row_number() OVER \
             (PARTITION BY a.story_id ORDER BY a.sort_at DESC, a.id) AS k FROM articles a WHERE a.story_id IN ({marks})) \
             newest WHERE k <= ?"
        ));
        for id in stories {
            q = q.bind(id.clone());
        }
        let rows = q.bind(KEYPHRASE_ARTICLES).fetch_all(self.pool()).await?;
        for row in &rows {
            let phrases: Vec<String> = serde_json::from_str(&row.get::<String>("keyphrases")?).unwrap_or_default();
            let set = out.entry(row.get::<String>("story_id")?).or_default();
            set.extend(phrases.iter().map(|p| p.to_lowercase()).filter(|p| !leave_out.contains(p)));
        }
        Ok(out)
    }

    /// For a person named by a surname alone ("Biden"): the person the stories naming that
    /// surname name in full ("Joe Biden"), when one stands out: the only one whose full name
    /// ends in it, or one in at least twice as many of those stories as any other. `None` for
    /// another entity, or a surname the stories give to several people alike.
    ///
    /// # Errors
    /// Database errors.
    pub async fn named_in_full(
        &self,
        surname: &EntityCount,
        stories: &[StoryCard],
    ) -> Result<Option<EntityCount>, StoreError> {
        if surname.kind != "person" || surname.name.split_whitespace().count() != 1 || stories.is_empty() {
            return Ok(None);
        }
        let marks = vec!["?"; stories.len().min(100)].join(", ");
        let mut q = self.sql(format!(
            "SELECT e.kind, e.key, e.name, count(DISTINCT a.story_id) AS n FROM articles a \
             JOIN article_entities ae ON ae.article_id = a.id JOIN entities e ON e.id = ae.entity_id \
             WHERE a.story_id IN ({marks}) AND e.kind = 'person' AND e.key <> ? GROUP BY e.id, e.kind, e.key, e.name"
        ));
        for story in stories.iter().take(100) {
            q = q.bind(story.id.to_string());
        }
        let rows = q.bind(surname.key.clone()).fetch_all(self.pool()).await?;
        let people = rows.iter().map(entity_count).collect::<Result<Vec<_>, _>>()?;
        let alone = name_words(&surname.name);
        let mut bearers: Vec<EntityCount> =
            people.into_iter().filter(|p| holds_name(&name_words(&p.name), &alone)).collect();
        bearers.sort_by(|a, b| b.articles.cmp(&a.articles).then_with(|| a.key.cmp(&b.key)));
        Ok(match bearers.as_slice() {
            [one] => Some(one.clone()),
            [first, second, ..] if first.articles >= 2 * second.articles => Some(first.clone()),
            _ => None,
        })
    }

    /// An entity with the most recent stories and articles that name it; `None` when no
    /// article names it.
    ///
    /// # Errors
    /// Database errors.
    pub async fn entity(&self, kind: &str, key: &str, limit: u32) -> Result<Option<EntityView>, StoreError> {
        let Some(row) = self.sql(
            "SELECT e.id, e.kind, e.key, e.name, (SELECT count(*) FROM article_entities ae WHERE ae.entity_id = e.id) AS n \
             FROM entities e WHERE e.kind = ? AND e.key = ?",
        )
        .bind(kind)
        .bind(key)
        .fetch_optional(self.pool())
        .await?
        else {
            return Ok(None);
        };
        let entity_id: i64 = row.get("id")?;
        let entity = entity_count(&row)?;
        // Its mentions newest first, from the index of mentions by time: the page costs the
        // same for an entity named ten times or a hundred thousand.
        let sql = format!(
            "SELECT {CARD_COLUMNS} FROM article_entities ae JOIN articles a ON a.id = ae.article_id \
             WHERE ae.entity_id = ? ORDER BY ae.sort_at DESC, ae.article_id DESC LIMIT ?"
        );
        let rows = self.sql(sql).bind(entity_id).bind(i64::from(limit)).fetch_all(self.pool()).await?;
        let articles = rows.iter().map(rows::card).collect::<Result<Vec<_>, _>>()?;
        let stories = self.story_cards(&self.stories_naming(entity_id, limit).await?).await?;
        let rows = self
            .sql("SELECT name FROM entity_names WHERE entity_id = ? AND name <> ? ORDER BY name LIMIT 20")
            .bind(entity_id)
            .bind(entity.name.clone())
            .fetch_all(self.pool())
            .await?;
        let other_names = rows.iter().map(|r| r.get::<String>("name")).collect::<Result<Vec<_>, _>>()?;
        Ok(Some(EntityView { entity, other_names, stories, articles }))
    }

    /// The live stories whose articles name entity `entity_id`, most recently named first, at
    /// most `limit`: its mentions are read newest first, a batch at a time, until that many
    /// stories are found, the mentions end, or [`MENTIONS_READ`] have been read (an entity
    /// named thousands of times in one story does not make its page read them all).
    async fn stories_naming(&self, entity_id: i64, limit: u32) -> Result<Vec<StoryId>, StoreError> {
        const BATCH: i64 = 400;
        let mut found: Vec<StoryId> = Vec::new();
        let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
        let mut after: Option<(String, String)> = None;
        let mut read = 0;
        while found.len() < limit as usize && read < MENTIONS_READ {
            read += BATCH;
            let (page, binds) = match &after {
                None => ("", Vec::new()),
                Some((at, id)) => (
                    " AND (ae.sort_at < ? OR (ae.sort_at = ? AND ae.article_id < ?))",
                    vec![at.clone(), at.clone(), id.clone()],
                ),
            };
            let mut q = self
                .sql(format!(
                    "SELECT ae.sort_at, ae.article_id, a.story_id, s.merged_into, s.article_count \
                     FROM (SELECT sort_at, article_id FROM article_entities ae WHERE ae.entity_id = ?{page} \
                       ORDER BY ae.sort_at DESC, ae.article_id DESC LIMIT ?) ae \
                     JOIN articles a ON a.id = ae.article_id LEFT JOIN stories s ON s.id = a.story_id \
                     ORDER BY ae.sort_at DESC, ae.article_id DESC"
                ))
                .bind(entity_id);
            for b in binds {
                q = q.bind(b);
            }
            let rows = q.bind(BATCH).fetch_all(self.pool()).await?;
            for row in &rows {
                let Some(story) = row.get::<Option<String>>("story_id")? else { continue };
                let live = row.get::<Option<String>>("merged_into")?.is_none()
                    && row.get::<Option<i64>>("article_count")?.is_some_and(|n| n > 0);
                if seen.insert(story.clone()) && live && found.len() < limit as usize {
                    found.push(StoryId::from_uuid(uuid(&story)?));
                }
            }
            match rows.last() {
                Some(last) if rows.len() as i64 == BATCH => {
                    after = Some((last.get("sort_at")?, last.get("article_id")?));
                }
                _ => break,
            }
        }
        Ok(found)
    }

    /// The key of the entity of `kind` that articles also call `name` (any case; "the"
    /// folded), when exactly one entity of that kind is called so: for addresses made from an
    /// entity's other names, and old addresses of entities whose names joined.
    ///
    /// # Errors
    /// Database errors.
    pub async fn entity_called(&self, kind: &str, name: &str) -> Result<Option<String>, StoreError> {
        let rows = self
            .sql(
                "SELECT DISTINCT e.key FROM entity_names n JOIN entities e ON e.id = n.entity_id \
                 WHERE n.folded = ? AND e.kind = ? LIMIT 2",
            )
            .bind(crate::understanding::fold_name(name))
            .bind(kind)
            .fetch_all(self.pool())
            .await?;
        match rows.as_slice() {
            [one] => Ok(Some(one.get("key")?)),
            _ => Ok(None),
        }
    }

    /// An article's story, original, copies, entities and keyphrases.
    ///
    /// # Errors
    /// Database errors.
    pub async fn article_context(&self, id: ArticleId) -> Result<ArticleContext, StoreError> {
        static SQL: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
            format!("SELECT a.original_domain, {} WHERE a.id = ?", context_columns_and_joins())
        });
        match self.sql(SQL.as_str()).bind(id.to_string()).fetch_optional(self.here()).await? {
            Some(row) => self.context_of(id, &row).await,
            None => Ok(ArticleContext::default()),
        }
    }

    /// An article and its [`Store::article_context`], the article's columns and the context's
    /// own read by one statement (an article's page and the API show both); `None` when there
    /// is no such article.
    ///
    /// # Errors
    /// Database errors.
    pub async fn article_with_context(&self, id: ArticleId) -> Result<Option<(Article, ArticleContext)>, StoreError> {
        static SQL: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
            let article: Vec<String> = rows::ARTICLE_COLUMNS.split(", ").map(|c| format!("a.{}", c.trim())).collect();
            format!("SELECT {}, {} WHERE a.id = ?", article.join(", "), context_columns_and_joins())
        });
        let Some(mut row) = self.sql(SQL.as_str()).bind(id.to_string()).fetch_optional(self.here()).await? else {
            return Ok(None);
        };
        let article = rows::article_taking_texts(&mut row)?;
        let context = self.context_of(id, &row).await?;
        Ok(Some((article, context)))
    }

    /// The context of article `id` from a row of [`CONTEXT_COLUMNS_AND_JOINS`] (and the
    /// article's `original_domain`), and the statements its lists need.
    async fn context_of(&self, id: ArticleId, row: &Row) -> Result<ArticleContext, StoreError> {
        let outlet = crate::Outlet::of(row.get("outlet_name")?, row.get("outlet_domain")?, row.get("original_domain")?);
        let copy_of: Option<String> = row.get("copy_of")?;
        let keyphrases: Vec<String> = serde_json::from_str(&row.get::<String>("keyphrases")?)
            .map_err(|e| StoreError::Corrupt(format!("keyphrases of {id}: {e}")))?;
        // (A story the article names but that is gone reads as none, as it did apart.)
        let story = if row.get::<Option<String>>(ARTICLE_STORY_NAMES.id)?.is_some() {
            Some(story_card_named(row, &ARTICLE_STORY_NAMES)?)
        } else {
            None
        };
        let copy_of = match copy_of {
            Some(c) => {
                let sql = format!("SELECT {CARD_COLUMNS} FROM articles a WHERE a.id = ?");
                let row = self.sql(sql).bind(c).fetch_optional(self.here()).await?;
                row.as_ref().map(rows::card).transpose()?
            }
            None => None,
        };
        // Both lists are sorted here rather than by SQL: an ORDER BY that no index serves makes
        // SQLite build a temporary table for every article page, copies or none. The SQL
        // limits bound what is read (an article holds at most 40 entities; its first 1,000
        // copies are read in the order they were stored).
        let sql = format!(
            "SELECT {CARD_COLUMNS}, src.name AS source_name, a.copy_of FROM articles a \
             LEFT JOIN sources src ON src.id = a.source_id WHERE a.copy_of = ? LIMIT 1000"
        );
        let rows = if row.get::<bool>("has_copies")? {
            self.sql(sql).bind(id.to_string()).fetch_all(self.here()).await?
        } else {
            Vec::new()
        };
        let mut copies = rows.iter().map(timeline_entry).collect::<Result<Vec<_>, _>>()?;
        copies.sort_by_key(|c| (c.article.sort_at, c.article.id));
        copies.truncate(100);
        let rows = self
            .sql(
                "SELECT e.kind, e.key, e.name, ae.mentions AS n FROM article_entities ae \
             JOIN entities e ON e.id = ae.entity_id WHERE ae.article_id = ? LIMIT 1000",
            )
            .bind(id.to_string())
            .fetch_all(self.here())
            .await?;
        let mut entities = rows.iter().map(entity_count).collect::<Result<Vec<_>, _>>()?;
        entities.sort_by(|a, b| b.articles.cmp(&a.articles).then_with(|| a.key.cmp(&b.key)));
        entities.truncate(ENTITY_LIMIT as usize);
        let revised = row.get::<bool>("revised")?;
        let discussed = row.get::<bool>("discussed")?;
        Ok(ArticleContext { outlet, story, copy_of, copies, entities, keyphrases, revised, discussed })
    }
}

fn count(row: &Row, col: &str) -> Result<u32, StoreError> {
    let n: i64 = row.get(col)?;
    u32::try_from(n).map_err(|_| StoreError::Corrupt(format!("{col} {n}")))
}

fn story_card(row: &Row) -> Result<StoryCard, StoreError> {
    story_card_named(row, &STORY_NAMES)
}

/// A story card from a row that gives its values `names`.
fn story_card_named(row: &Row, names: &StoryNames) -> Result<StoryCard, StoreError> {
    Ok(StoryCard {
        id: StoryId::from_uuid(uuid(&row.get::<String>(names.id)?)?),
        title: row.get(names.title)?,
        summary: row.get(names.summary)?,
        lead_article: row
            .get::<Option<String>>(names.lead_article_id)?
            .as_deref()
            .map(uuid)
            .transpose()?
            .map(ArticleId::from_uuid),
        first_seen_at: time::from_db(&row.get::<String>(names.first_seen_at)?)?,
        last_seen_at: time::from_db(&row.get::<String>(names.last_seen_at)?)?,
        article_count: count(row, names.article_count)?,
        source_count: count(row, names.source_count)?,
        image_url: row.get(names.image_url)?,
        language: row.get(names.language)?,
    })
}

fn timeline_entry(row: &Row) -> Result<TimelineEntry, StoreError> {
    Ok(TimelineEntry {
        article: rows::card(row)?,
        source: row.get("source_name")?,
        copy_of: row.get::<Option<String>>("copy_of")?.as_deref().map(uuid).transpose()?.map(ArticleId::from_uuid),
    })
}

/// A story's entities with each person named by a surname alone in some of its articles
/// ("Biden") counted with the one person of the story whose full name ends in it ("Joe Biden",
/// "Joseph R. Biden Jr."), and each named without the middle names another of its articles
/// gives ("Hillary Clinton") with the one person whose fuller name holds every word of it
/// ("Hillary Rodham Clinton"), as readers take them; a name that fits two of the story's people
/// ("Bush" beside George W. and Jeb Bush) stays as it is. Most named first, as before.
fn joined_names(mut entities: Vec<EntityCount>) -> Vec<EntityCount> {
    let words: Vec<Vec<String>> = entities.iter().map(|e| name_words(&e.name)).collect();
    let mut gone = vec![false; entities.len()];
    for i in 0..entities.len() {
        if entities[i].kind != "person" {
            continue;
        }
        let fuller: Vec<usize> = (0..entities.len())
            .filter(|&j| j != i && !gone[j] && entities[j].kind == "person" && holds_name(&words[j], &words[i]))
            .collect();
        if let [j] = fuller[..] {
            entities[j].articles += entities[i].articles;
            gone[i] = true;
        }
    }
    let mut kept: Vec<EntityCount> = entities.into_iter().zip(gone).filter(|(_, gone)| !gone).map(|(e, _)| e).collect();
    // (A stable sort: equals keep the order the database gave.)
    kept.sort_by_key(|e| std::cmp::Reverse(e.articles));
    kept
}

/// A person's name as words to compare: lowercase, without the dots of initials and without
/// "Jr.", "Sr." and the like.
/// A name as a keyphrase may give it: whole, or its last word ("Biden"), lowercase.
fn name_forms(name: &str) -> Vec<String> {
    let words = name_words(name);
    let mut forms = vec![name.to_lowercase()];
    if words.len() > 1 {
        forms.extend(words.last().cloned());
    }
    forms
}

fn name_words(name: &str) -> Vec<String> {
    name.split_whitespace()
        .map(|w| w.trim_end_matches(['.', ',']).to_lowercase())
        .filter(|w| !matches!(w.as_str(), "jr" | "sr" | "ii" | "iii" | "iv" | ""))
        .collect()
}

/// Whether the name `short` is one that `long` holds: a surname alone is its last word; a
/// longer name has its first and last words and the rest in their order.
fn holds_name(long: &[String], short: &[String]) -> bool {
    if long.len() <= short.len() || long.len() < 2 {
        return false;
    }
    match short {
        [alone] => long.last() == Some(alone),
        [first, .., last] => {
            long.first() == Some(first)
                && long.last() == Some(last)
                && short
                    .iter()
                    .try_fold(0, |from, w| long[from..].iter().position(|l| l == w).map(|k| from + k + 1))
                    .is_some()
        }
        [] => false,
    }
}

fn entity_count(row: &Row) -> Result<EntityCount, StoreError> {
    Ok(EntityCount { kind: row.get("kind")?, key: row.get("key")?, name: row.get("name")?, articles: count(row, "n")? })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::StoreOptions;

    #[test]
    fn a_shorter_name_counts_with_the_one_person_of_the_story_it_fits() {
        let e = |kind: &str, name: &str, articles: u32| EntityCount {
            kind: kind.into(),
            key: name.to_lowercase(),
            name: name.into(),
            articles,
        };
        let joined = joined_names(vec![
            e("person", "Vell", 4),
            e("place", "Harbour Nation", 3),
            e("person", "Anna Vell Jr.", 2),
            e("person", "Roe", 2),
            e("person", "Ines Roe", 1),
            e("person", "Tom Roe", 1),
            e("place", "Kestrel", 1),
            e("organization", "Kestrel Works", 1),
            e("person", "Lena Marsh", 2),
            e("person", "Lena Q. Harrow Marsh", 1),
            e("person", "Ola Brandt", 1),
            e("person", "Ola P. Brandt", 1),
            e("person", "Ola K. Brandt", 1),
        ]);
        let names: Vec<(&str, u32)> = joined.iter().map(|e| (e.name.as_str(), e.articles)).collect();
        assert_eq!(
            names,
            [
                ("Anna Vell Jr.", 6),
                ("Harbour Nation", 3),
                ("Lena Q. Harrow Marsh", 3),
                ("Roe", 2),
                ("Ines Roe", 1),
                ("Tom Roe", 1),
                ("Kestrel", 1),
                ("Kestrel Works", 1),
                ("Ola Brandt", 1),
                ("Ola P. Brandt", 1),
                ("Ola K. Brandt", 1)
            ],
            "a name two people fit stays; only people are joined"
        );
    }

    /// Every read of the front page is answered by the live stories' index, without a sort of
    /// its own and without reading a story's row: a front page costs the same at 100 or
    /// 100,000 stories but for the index entries it counts.
    #[tokio::test]
    async fn the_front_pages_reads_use_the_live_stories_index_alone() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("t.db").to_str().unwrap(), &StoreOptions::default()).await.unwrap();
        for read in [FrontRead::Count, FrontRead::Newest, FrontRead::Ranked, FrontRead::Older] {
            let mut q = store.sql(format!("EXPLAIN QUERY PLAN {}", front_sql(read)));
            if matches!(read, FrontRead::Ranked | FrontRead::Older) {
                q = q.bind("2026-06-01T00:00:00Z").bind(20_i64);
            }
            if matches!(read, FrontRead::Older) {
                q = q.bind(0_i64);
            }
            // On a reading connection opened after the migrations: a connection of the pool
            // may plan an EXPLAIN with the schema it read before the last migration.
            let plan = q.fetch_all(store.here()).await.unwrap();
            let plan: Vec<String> = plan.iter().map(|r| r.get::<String>("detail").unwrap()).collect();
            let by_index = |d: &String| d.contains("USING INDEX") && d.split_whitespace().any(|w| w == "stories_live");
            assert!(plan.iter().any(by_index), "{read:?}: {plan:?}");
            assert!(!plan.iter().any(|d| d.contains("TEMP B-TREE")), "{read:?} sorts apart: {plan:?}");
        }
    }
}
