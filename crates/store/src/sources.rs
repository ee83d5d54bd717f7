//! Sources (outlets), one per registrable domain.

use newsdesk_model::{Source, SourceId, registrable_domain};
use url::Url;

use crate::db::Row;
use crate::{Store, StoreError, rows, time};

/// Where an outlet's name came from; stronger evidence replaces weaker, and nothing replaces
/// the operator's choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum OutletNaming {
    /// No name known: the domain stands in.
    Domain,
    /// From a feed's title: the part that spells the domain, or the whole of a title without
    /// separators. Replaces only the domain.
    Feed,
    /// The part two feed titles of the outlet share: replaces a name from one feed's title.
    SharedByFeeds,
    /// The site's own name on its pages (`og:site_name` and the like).
    Site,
    /// Renamed by the operator.
    Operator,
}

impl OutletNaming {
    fn as_str(self) -> &'static str {
        match self {
            Self::Domain => "domain",
            Self::Feed | Self::SharedByFeeds => "feed",
            Self::Site => "site",
            Self::Operator => "operator",
        }
    }

    /// The namings a name of this kind replaces.
    fn replaces(self) -> &'static str {
        match self {
            Self::Domain => "('domain')",
            Self::Feed => "('domain')",
            Self::SharedByFeeds => "('domain', 'feed')",
            Self::Site => "('domain', 'feed')",
            Self::Operator => "('domain', 'feed', 'site', 'operator')",
        }
    }
}

/// Longest outlet name kept.
const MAX_NAME_CHARS: usize = 200;

fn invalid(field: &'static str, problem: String) -> StoreError {
    StoreError::Invalid(newsdesk_model::ValidationError { field, problem })
}

/// The outlet's domain for a home page: its registrable domain; an address or a single-label
/// host (a feed on a private network) is its own domain.
pub(crate) fn outlet_domain(homepage: &Url) -> Result<String, StoreError> {
    if !matches!(homepage.scheme(), "http" | "https") {
        return Err(invalid("homepage", format!("`{homepage}` is not an http(s) URL")));
    }
    let host = homepage.host_str().unwrap_or_default();
    let bare = host.parse::<std::net::IpAddr>().is_ok()
        || host.trim_matches(['[', ']']).parse::<std::net::IpAddr>().is_ok()
        || !host.contains('.');
    if bare && !host.is_empty() {
        Ok(host.to_owned())
    } else {
        registrable_domain(host).ok_or_else(|| invalid("homepage", format!("`{host}` has no registrable domain")))
    }
}

/// A name as stored (an outlet's, a feed's): one line, trimmed, bounded. The separators
/// U+001C-U+001F count as white space too, as JSON Schema's `\s` (the API's) has them.
pub(crate) fn clean_name(name: &str) -> String {
    let blank = |c: char| c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c);
    let one_line: String = name.split(blank).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
    one_line.chars().take(MAX_NAME_CHARS).collect()
}

impl Store {
    /// The source for `homepage`'s registrable domain, created with `name` (the domain when
    /// empty) if there is none. An existing source keeps its home page; its name is replaced
    /// only by a better-founded one (see [`OutletNaming`]).
    ///
    /// # Errors
    /// [`StoreError::Invalid`] when the home page has no registrable domain; database errors.
    pub async fn ensure_source(&self, name: &str, naming: OutletNaming, homepage: &Url) -> Result<Source, StoreError> {
        let domain = outlet_domain(homepage)?;
        let name = clean_name(name);
        let (name, naming) = if name.is_empty() { (domain.clone(), OutletNaming::Domain) } else { (name, naming) };
        self.sql(
            "INSERT INTO sources (id, name, homepage, domain, created_at, named_by) VALUES (?, ?, ?, ?, ?, ?) \
             ON CONFLICT (domain) DO NOTHING",
        )
        .bind(SourceId::new_v7().to_string())
        .bind(&name)
        .bind(homepage.as_str())
        .bind(&domain)
        .bind(time::to_db(time::now()))
        .bind(naming.as_str())
        .execute(self.pool())
        .await?;
        self.name_source(&domain, &name, naming).await?;
        self.source_by_domain(&domain)
            .await?
            .ok_or_else(|| StoreError::Corrupt(format!("source {domain} vanished after insert")))
    }

    /// Names the outlet on `domain`, unless its name is better founded already. Returns
    /// whether the name changed.
    ///
    /// # Errors
    /// [`StoreError::Invalid`] for an empty name; database errors.
    pub async fn name_source(&self, domain: &str, name: &str, naming: OutletNaming) -> Result<bool, StoreError> {
        let name = clean_name(name);
        if name.is_empty() {
            return Err(invalid("name", "is empty; an outlet needs a name".into()));
        }
        let sql = format!(
            "UPDATE sources SET name = ?, named_by = ? WHERE domain = ? AND named_by IN {} AND (name <> ? OR named_by <> ?)",
            naming.replaces()
        );
        let changed = self
            .sql(sql)
            .bind(&name)
            .bind(naming.as_str())
            .bind(domain.trim().to_lowercase().trim_start_matches("www."))
            .bind(&name)
            .bind(naming.as_str())
            .execute(self.pool())
            .await?;
        Ok(changed > 0)
    }

    /// Renames an outlet by hand: no feed or page renames it after this. Returns false when
    /// no outlet has this domain.
    ///
    /// # Errors
    /// [`StoreError::Invalid`] for an empty name; database errors.
    pub async fn rename_source(&self, domain: &str, name: &str) -> Result<bool, StoreError> {
        let Some(source) = self.source_by_domain(domain).await? else { return Ok(false) };
        self.name_source(&source.domain, name, OutletNaming::Operator).await?;
        Ok(true)
    }

    /// Names an outlet after its site's own name, seen on one of its pages at `page`, when the
    /// page is on the outlet's domain and its name is not better founded already.
    ///
    /// # Errors
    /// Database errors.
    pub async fn name_source_from_site(
        &self,
        source: SourceId,
        page: &Url,
        site_name: &str,
    ) -> Result<bool, StoreError> {
        let Ok(page_domain) = outlet_domain(page) else { return Ok(false) };
        let row = self
            .sql("SELECT domain FROM sources WHERE id = ?")
            .bind(source.to_string())
            .fetch_optional(self.pool())
            .await?;
        let Some(row) = row else { return Ok(false) };
        let domain: String = row.get("domain")?;
        if domain != page_domain {
            return Ok(false);
        }
        let site_name = clean_name(site_name);
        let name = newsdesk_model::outlet_name_from_title(&site_name, &domain).unwrap_or(site_name);
        if name.is_empty() {
            return Ok(false);
        }
        self.name_source(&domain, &name, OutletNaming::Site).await
    }

    /// The outlets of these sources, by id.
    ///
    /// # Errors
    /// Database errors.
    pub async fn outlets(
        &self,
        ids: &[SourceId],
    ) -> Result<std::collections::HashMap<SourceId, crate::Outlet>, StoreError> {
        let mut unique: Vec<String> = ids.iter().map(ToString::to_string).collect();
        unique.sort_unstable();
        unique.dedup();
        let mut found = std::collections::HashMap::new();
        for chunk in unique.chunks(200) {
            let marks = vec!["?"; chunk.len()].join(", ");
            let mut q = self.sql(format!("SELECT id, name, domain FROM sources WHERE id IN ({marks})"));
            for id in chunk {
                q = q.bind(id.clone());
            }
            for row in q.fetch_all(self.pool()).await? {
                let id = SourceId::from_uuid(rows::uuid(&row.get::<String>("id")?)?);
                found.insert(id, crate::Outlet { name: row.get("name")?, domain: row.get("domain")? });
            }
        }
        Ok(found)
    }

    /// Every source, by name.
    ///
    /// # Errors
    /// Database errors.
    pub async fn sources(&self) -> Result<Vec<Source>, StoreError> {
        let rows = self
            .sql("SELECT id, name, homepage, domain, named_by, created_at FROM sources ORDER BY name, domain")
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(source).collect()
    }
}

impl Store {
    /// The source with this domain (`www.` ignored), if newsdesk follows it.
    ///
    /// # Errors
    /// Database errors.
    pub async fn source_by_domain(&self, domain: &str) -> Result<Option<Source>, StoreError> {
        let domain = domain.trim().to_lowercase();
        let domain = domain.trim_start_matches("www.");
        let row = self
            .sql("SELECT id, name, homepage, domain, named_by, created_at FROM sources WHERE domain = ?")
            .bind(domain)
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(source).transpose()
    }

    /// The ids of the outlets on `domain` (and, with `by_name`, those named so, any case).
    pub(crate) async fn outlet_ids(&self, domain: &str, by_name: bool) -> Result<Vec<String>, StoreError> {
        let query = if by_name {
            self.sql("SELECT id FROM sources WHERE domain = ? OR lower(name) = ?").bind(domain).bind(domain)
        } else {
            self.sql("SELECT id FROM sources WHERE domain = ?").bind(domain)
        };
        let rows = query.fetch_all(self.pool()).await?;
        rows.iter().map(|r| r.get::<String>("id")).collect()
    }

    /// An outlet's articles, newest first: those from its feeds, and those that name it as
    /// their original source.
    ///
    /// # Errors
    /// Database errors.
    pub async fn outlet_articles(
        &self,
        domain: &str,
        offset: u64,
        limit: u32,
    ) -> Result<crate::Page<crate::ArticleCard>, StoreError> {
        let domain = domain.trim().to_lowercase();
        let domain = domain.trim_start_matches("www.").to_owned();
        let www = format!("www.{domain}");
        // Stored domains are lowercase (the model makes them so). Counted through the two
        // indexes first; then listed through them, or by walking the articles newest first
        // when that is shorter (see `Store::walk_newest`; in SQLite a unary `+` hides the
        // columns from the planner).
        let sources = self.outlet_ids(&domain, false).await?;
        let filter = |hide: &str| {
            let marks = vec!["?"; sources.len()].join(", ");
            if sources.is_empty() {
                format!("{hide}a.original_domain IN (?, ?)")
            } else {
                format!("({hide}a.source_id IN ({marks}) OR {hide}a.original_domain IN (?, ?))")
            }
        };
        let bound = |mut q: crate::db::Query| {
            for id in &sources {
                q = q.bind(id.as_str());
            }
            q.bind(domain.as_str()).bind(www.as_str())
        };
        let total: i64 = bound(self.sql(format!("SELECT count(*) FROM articles a WHERE {}", filter(""))))
            .scalar(self.pool())
            .await?;
        let walk = self.walk_newest(total, offset, limit).await?;
        let sql = format!(
            "SELECT {} FROM articles a WHERE {} ORDER BY a.sort_at DESC, a.id DESC LIMIT ? OFFSET ?",
            rows::CARD_COLUMNS,
            filter(if walk { "+" } else { "" })
        );
        let found = bound(self.sql(sql)).bind_page(limit, offset).fetch_all(self.pool()).await?;
        let items = found.iter().map(rows::card).collect::<Result<Vec<_>, _>>()?;
        Ok(crate::Page { items, total: u64::try_from(total).unwrap_or(0), offset, limit })
    }
}

fn source(row: &Row) -> Result<Source, StoreError> {
    let homepage: String = row.get("homepage")?;
    Ok(Source {
        id: SourceId::from_uuid(rows::uuid(&row.get::<String>("id")?)?),
        name: row.get("name")?,
        homepage: Url::parse(&homepage).map_err(|e| StoreError::Corrupt(format!("homepage `{homepage}`: {e}")))?,
        domain: row.get("domain")?,
        named_by: row.get("named_by")?,
        created_at: time::from_db(&row.get::<String>("created_at")?)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::StoreOptions;

    #[tokio::test]
    async fn one_source_per_registrable_domain() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("s.db").to_str().unwrap(), &StoreOptions::default()).await.unwrap();
        let a = store
            .ensure_source("Gazette", OutletNaming::Feed, &Url::parse("https://www.gazette.co.uk/").unwrap())
            .await
            .unwrap();
        let b = store
            .ensure_source("Other name", OutletNaming::Feed, &Url::parse("https://news.gazette.co.uk/x").unwrap())
            .await
            .unwrap();
        assert_eq!(a.id, b.id);
        assert_eq!(b.name, "Gazette");
        assert_eq!(a.domain, "gazette.co.uk");
        assert_eq!(store.sources().await.unwrap().len(), 1);
        let err = store
            .ensure_source("x", OutletNaming::Feed, &Url::parse("ftp://files.example.org/").unwrap())
            .await
            .unwrap_err();
        assert!(err.to_string().contains("not an http(s) URL"), "{err}");
    }
}
