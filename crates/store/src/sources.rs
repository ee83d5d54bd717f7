//! Sources (outlets), one per registrable domain.

use newsdesk_model::{Source, SourceId, registrable_domain};
use url::Url;

use crate::db::Row;
use crate::{Store, StoreError, rows, time};

impl Store {
    /// The source for `homepage`'s registrable domain, created with `name` if there is none.
    /// An existing source keeps its name and home page.
    ///
    /// # Errors
    /// [`StoreError::Invalid`] when the home page has no registrable domain; database errors.
    pub async fn ensure_source(&self, name: &str, homepage: &Url) -> Result<Source, StoreError> {
        let invalid =
            |problem: String| StoreError::Invalid(newsdesk_model::ValidationError { field: "homepage", problem });
        if !matches!(homepage.scheme(), "http" | "https") {
            return Err(invalid(format!("`{homepage}` is not an http(s) URL")));
        }
        let host = homepage.host_str().unwrap_or_default();
        // An address or a single-label host (a feed on a private network) is its own domain.
        let bare = host.parse::<std::net::IpAddr>().is_ok()
            || host.trim_matches(['[', ']']).parse::<std::net::IpAddr>().is_ok()
            || !host.contains('.');
        let domain = if bare && !host.is_empty() {
            host.to_owned()
        } else {
            registrable_domain(host).ok_or_else(|| invalid(format!("`{host}` has no registrable domain")))?
        };
        let name = name.trim();
        let name = if name.is_empty() { domain.as_str() } else { name };
        self.sql("INSERT INTO sources (id, name, homepage, domain, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (domain) DO NOTHING")
            .bind(SourceId::new_v7().to_string())
            .bind(name)
            .bind(homepage.as_str())
            .bind(&domain)
            .bind(time::to_db(time::now()))
            .execute(self.pool())
            .await?;
        let row = self
            .sql("SELECT id, name, homepage, domain, created_at FROM sources WHERE domain = ?")
            .bind(&domain)
            .fetch_one(self.pool())
            .await?;
        source(&row)
    }

    /// Every source, by name.
    ///
    /// # Errors
    /// Database errors.
    pub async fn sources(&self) -> Result<Vec<Source>, StoreError> {
        let rows = self
            .sql("SELECT id, name, homepage, domain, created_at FROM sources ORDER BY name, domain")
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
            .sql("SELECT id, name, homepage, domain, created_at FROM sources WHERE domain = ?")
            .bind(domain)
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(source).transpose()
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
        let filter = "(a.source_id IN (SELECT id FROM sources WHERE domain = ?) OR lower(a.original_domain) IN (?, ?))";
        let sql = format!(
            "SELECT {} FROM articles a WHERE {filter} ORDER BY a.sort_at DESC, a.id DESC LIMIT ? OFFSET ?",
            rows::CARD_COLUMNS
        );
        let found = self
            .sql(sql)
            .bind(&domain)
            .bind(&domain)
            .bind(&www)
            .bind_page(limit, offset)
            .fetch_all(self.pool())
            .await?;
        let items = found.iter().map(rows::card).collect::<Result<Vec<_>, _>>()?;
        let total: i64 = self
            .sql(format!("SELECT count(*) FROM articles a WHERE {filter}"))
            .bind(&domain)
            .bind(&domain)
            .bind(&www)
            .scalar(self.pool())
            .await?;
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
        let a = store.ensure_source("Gazette", &Url::parse("https://www.gazette.co.uk/").unwrap()).await.unwrap();
        let b = store.ensure_source("Other name", &Url::parse("https://news.gazette.co.uk/x").unwrap()).await.unwrap();
        assert_eq!(a.id, b.id);
        assert_eq!(b.name, "Gazette");
        assert_eq!(a.domain, "gazette.co.uk");
        assert_eq!(store.sources().await.unwrap().len(), 1);
        let err = store.ensure_source("x", &Url::parse("ftp://files.example.org/").unwrap()).await.unwrap_err();
        assert!(err.to_string().contains("not an http(s) URL"), "{err}");
    }
}
