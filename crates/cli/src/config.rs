//! The one typed configuration: defaults, then a TOML file, then `NEWSDESK_*` environment
//! variables, then flags. Loaded once in `main` and passed down.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::Path;

use anyhow::{Context, bail};
use serde::{Deserialize, Serialize};
use url::Url;

/// Every setting.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub database: DatabaseConfig,
    pub server: ServerConfig,
    pub site: SiteConfig,
    pub web: WebConfig,
    pub fetch: FetchSettings,
    pub crawl: CrawlSettings,
}

/// How newsdesk fetches from the web.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct FetchSettings {
    /// Allow requests to loopback and private networks (off: refused). Link-local and cloud
    /// metadata addresses stay refused even then.
    pub allow_private_networks: bool,
    /// Link-local or metadata addresses to allow, each named ("169.254.10.1"); TOML only.
    pub allow_link_local_addresses: Vec<String>,
    /// Empty: `newsdesk/<version> (self-hosted news reader)`.
    pub user_agent: String,
    pub timeout_seconds: u32,
    pub max_body_mb: u32,
    pub per_host_concurrency: u32,
    pub per_host_interval_ms: u32,
    pub obey_robots: bool,
}

/// How feeds are polled.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct CrawlSettings {
    /// Feeds polled at once.
    pub concurrency: u32,
    pub min_interval_minutes: u32,
    pub max_interval_hours: u32,
    /// Understand new articles as they arrive (stories, copies, entities). Off, newsdesk is a
    /// plain feed reader until `newsdesk recluster` runs.
    pub understand: bool,
    /// Fetch the article page of an entry whose feed content is partial, and keep the
    /// article extracted from it (each feed can say auto, always or never:
    /// `newsdesk feeds full-text`).
    pub full_text: bool,
    /// How long a feed stays leased to the process polling it; a killed process's feeds are
    /// polled by another after this.
    pub lease_seconds: u32,
    /// How long the process that understands articles holds that role without renewing it;
    /// if it dies, another process takes over after this.
    pub understanding_lease_seconds: u32,
}

impl Default for FetchSettings {
    fn default() -> Self {
        Self {
            allow_private_networks: false,
            allow_link_local_addresses: Vec::new(),
            user_agent: String::new(),
            timeout_seconds: 60,
            max_body_mb: 16,
            per_host_concurrency: 2,
            per_host_interval_ms: 500,
            obey_robots: true,
        }
    }
}

impl Default for CrawlSettings {
    fn default() -> Self {
        Self {
            concurrency: 16,
            min_interval_minutes: 10,
            max_interval_hours: 24,
            understand: true,
            full_text: true,
            lease_seconds: 600,
            understanding_lease_seconds: 60,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct DatabaseConfig {
    /// A SQLite file path or sqlite: URL.
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ServerConfig {
    pub listen: String,
    /// The site's public address, for absolute links in feeds; derived from `listen` when
    /// empty.
    pub base_url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct SiteConfig {
    pub title: String,
    pub page_size: u32,
    /// The language of the site's readers (an ISO 639 code, "en"): a story told in several
    /// languages is titled and summarised in it when one of its articles is in it.
    pub language: String,
}

/// How the site meets its readers' requests.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct WebConfig {
    /// Reverse proxies (addresses or networks: "127.0.0.1", "10.0.0.0/8") whose `Forwarded`
    /// and `X-Forwarded-For` headers name the reader for the per-address limits. Empty: the
    /// TCP peer is the reader and those headers are ignored.
    pub trusted_proxies: Vec<String>,
    /// Searches for the start of a word (`harb*`) run at once; more wait their turn. 0: one
    /// for every two cores.
    pub prefix_searches_at_once: u32,
}

impl Default for DatabaseConfig {
    fn default() -> Self {
        Self { url: "newsdesk.db".into() }
    }
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self { listen: "127.0.0.1:8080".into(), base_url: String::new() }
    }
}

impl Default for SiteConfig {
    fn default() -> Self {
        Self { title: "newsdesk".into(), page_size: 20, language: "en".into() }
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Text,
    /// Comma-separated values.
    List,
    Number,
    Flag,
}

/// The settings that environment variables can set: `NEWSDESK_<SECTION>_<KEY>`.
const ENV_SETTINGS: &[(&str, &str, Kind)] = &[
    ("database", "url", Kind::Text),
    ("server", "listen", Kind::Text),
    ("server", "base_url", Kind::Text),
    ("site", "title", Kind::Text),
    ("site", "page_size", Kind::Number),
    ("site", "language", Kind::Text),
    ("web", "trusted_proxies", Kind::List),
    ("web", "prefix_searches_at_once", Kind::Number),
    ("fetch", "allow_private_networks", Kind::Flag),
    ("fetch", "user_agent", Kind::Text),
    ("fetch", "timeout_seconds", Kind::Number),
    ("fetch", "max_body_mb", Kind::Number),
    ("fetch", "per_host_concurrency", Kind::Number),
    ("fetch", "per_host_interval_ms", Kind::Number),
    ("fetch", "obey_robots", Kind::Flag),
    ("crawl", "concurrency", Kind::Number),
    ("crawl", "min_interval_minutes", Kind::Number),
    ("crawl", "max_interval_hours", Kind::Number),
    ("crawl", "understand", Kind::Flag),
    ("crawl", "full_text", Kind::Flag),
    ("crawl", "lease_seconds", Kind::Number),
    ("crawl", "understanding_lease_seconds", Kind::Number),
];

/// Variables that are not settings but are read elsewhere (the last four by the tests and
/// benchmarks, which run newsdesk with them set).
const OTHER_ENV: &[&str] = &[
    "NEWSDESK_CONFIG",
    "NEWSDESK_LOG",
    "NEWSDESK_LOG_FORMAT",
    "NEWSDESK_TEST_POSTGRES_URL",
    "NEWSDESK_POSTGRES_TESTS",
    "NEWSDESK_BROWSER_TESTS",
    "NEWSDESK_BIN",
];

fn env_name(section: &str, key: &str) -> String {
    format!("NEWSDESK_{}_{}", section.to_ascii_uppercase(), key.to_ascii_uppercase())
}

impl Config {
    /// Loads the settings. `file` is the `--config` path; without it `newsdesk.toml` in the
    /// working directory is read when it exists. `env` is the process environment.
    ///
    /// # Errors
    /// A named file that cannot be read, TOML that does not parse or has unknown settings, an
    /// environment value of the wrong kind, or a value that fails [`Config::validate`].
    pub fn load(file: Option<&Path>, env: &BTreeMap<String, String>) -> anyhow::Result<(Self, Vec<String>)> {
        let mut table = match file {
            Some(path) => read_table(path)?,
            None if Path::new("newsdesk.toml").is_file() => read_table(Path::new("newsdesk.toml"))?,
            None => toml::Table::new(),
        };
        let mut warnings = Vec::new();
        for (section, key, kind) in ENV_SETTINGS {
            let name = env_name(section, key);
            let Some(raw) = env.get(&name) else { continue };
            let value = match kind {
                Kind::Text => toml::Value::String(raw.clone()),
                Kind::List => toml::Value::Array(
                    raw.split(',')
                        .map(str::trim)
                        .filter(|v| !v.is_empty())
                        .map(|v| toml::Value::String(v.to_owned()))
                        .collect(),
                ),
                Kind::Number => toml::Value::Integer(
                    raw.trim().parse().with_context(|| format!("{name}={raw:?}: expected a whole number"))?,
                ),
                Kind::Flag => toml::Value::Boolean(match raw.trim().to_ascii_lowercase().as_str() {
                    "true" | "1" | "yes" | "on" => true,
                    "false" | "0" | "no" | "off" => false,
                    _ => bail!("{name}={raw:?}: expected true or false"),
                }),
            };
            let entry = table.entry((*section).to_owned()).or_insert_with(|| toml::Value::Table(toml::Table::new()));
            let Some(section_table) = entry.as_table_mut() else {
                bail!("setting `{section}` must be a table ([{section}])");
            };
            section_table.insert((*key).to_owned(), value);
        }
        for name in env.keys().filter(|k| k.starts_with("NEWSDESK_")) {
            let known =
                OTHER_ENV.contains(&name.as_str()) || ENV_SETTINGS.iter().any(|(s, k, _)| env_name(s, k) == *name);
            if !known {
                warnings.push(format!("{name} is not a newsdesk setting; it is ignored"));
            }
        }
        let config: Self = toml::Value::Table(table).try_into().context("settings")?;
        config.validate()?;
        Ok((config, warnings))
    }

    /// Checks every value.
    ///
    /// # Errors
    /// The first setting that is not usable, with what was expected.
    pub fn validate(&self) -> anyhow::Result<()> {
        if self.database.url.trim().is_empty() {
            bail!("database.url is empty: expected a SQLite file path such as newsdesk.db, or a postgres:// URL");
        }
        self.listen_addr()?;
        self.base_url()?;
        if self.site.title.trim().is_empty() || self.site.title.chars().count() > 200 {
            bail!("site.title must be 1 to 200 characters");
        }
        if !(1..=200).contains(&self.site.page_size) {
            bail!("site.page_size is {}: expected a number from 1 to 200", self.site.page_size);
        }
        let language = &self.site.language;
        if !(2..=3).contains(&language.len()) || !language.bytes().all(|b| b.is_ascii_lowercase()) {
            bail!(
                "site.language is `{}`: expected a language code of two or three lowercase letters, such as en or de",
                language.chars().take(20).collect::<String>()
            );
        }
        self.trusted_proxies()?;
        let f = &self.fetch;
        for raw in &f.allow_link_local_addresses {
            if raw.trim().parse::<std::net::IpAddr>().is_err() {
                bail!(
                    "fetch.allow_link_local_addresses holds `{}`: expected IP addresses such as 169.254.10.1, one by one (no ranges)",
                    raw.chars().take(60).collect::<String>()
                );
            }
        }
        for (name, value, range) in [
            ("fetch.timeout_seconds", f.timeout_seconds, 1..=600),
            ("fetch.max_body_mb", f.max_body_mb, 1..=256),
            ("fetch.per_host_concurrency", f.per_host_concurrency, 1..=64),
            ("fetch.per_host_interval_ms", f.per_host_interval_ms, 0..=600_000),
            ("crawl.concurrency", self.crawl.concurrency, 1..=256),
            ("web.prefix_searches_at_once", self.web.prefix_searches_at_once, 0..=256),
            ("crawl.min_interval_minutes", self.crawl.min_interval_minutes, 1..=1440),
            ("crawl.max_interval_hours", self.crawl.max_interval_hours, 1..=720),
        ] {
            if !range.contains(&value) {
                bail!("{name} is {value}: expected a number from {} to {}", range.start(), range.end());
            }
        }
        if u64::from(self.crawl.min_interval_minutes) > u64::from(self.crawl.max_interval_hours) * 60 {
            bail!("crawl.min_interval_minutes is longer than crawl.max_interval_hours");
        }
        Ok(())
    }

    /// `web.trusted_proxies` as networks (an address alone is a network of one).
    ///
    /// # Errors
    /// An entry that is neither an IP address nor a network such as 10.0.0.0/8.
    pub fn trusted_proxies(&self) -> anyhow::Result<Vec<ipnet::IpNet>> {
        self.web
            .trusted_proxies
            .iter()
            .map(|raw| {
                let raw = raw.trim();
                raw.parse::<ipnet::IpNet>().or_else(|_| raw.parse::<std::net::IpAddr>().map(ipnet::IpNet::from)).map_err(
                    |_| {
                        anyhow::anyhow!(
                            "web.trusted_proxies holds `{}`: expected IP addresses or networks such as 127.0.0.1 or 10.0.0.0/8",
                            raw.chars().take(60).collect::<String>()
                        )
                    },
                )
            })
            .collect()
    }

    /// The fetcher's settings.
    #[must_use]
    pub fn fetch_config(&self) -> newsdesk_fetch::FetchConfig {
        let f = &self.fetch;
        let defaults = newsdesk_fetch::FetchConfig::default();
        newsdesk_fetch::FetchConfig {
            user_agent: if f.user_agent.trim().is_empty() {
                defaults.user_agent.clone()
            } else {
                f.user_agent.trim().to_owned()
            },
            total_timeout: std::time::Duration::from_secs(u64::from(f.timeout_seconds)),
            read_timeout: std::time::Duration::from_secs(u64::from(f.timeout_seconds)).min(defaults.read_timeout),
            max_body_bytes: usize::try_from(f.max_body_mb).unwrap_or(16) * 1024 * 1024,
            addresses: if f.allow_private_networks {
                newsdesk_fetch::AddressPolicy::Any
            } else {
                newsdesk_fetch::AddressPolicy::PublicOnly
            },
            allowed_link_local: f.allow_link_local_addresses.iter().filter_map(|a| a.trim().parse().ok()).collect(),
            per_host_concurrency: usize::try_from(f.per_host_concurrency).unwrap_or(2),
            per_host_interval: std::time::Duration::from_millis(u64::from(f.per_host_interval_ms)),
            obey_robots: f.obey_robots,
            ..defaults
        }
    }

    /// The settings in effect as TOML, the database URL's password (if any) redacted.
    ///
    /// # Errors
    /// A setting that TOML cannot write (none today).
    pub fn dump(&self) -> anyhow::Result<String> {
        let mut shown = self.clone();
        shown.database.url = newsdesk_model::redact_password(&shown.database.url);
        Ok(toml::to_string(&shown)?)
    }

    /// How feeds are polled: the scheduler's bounds, and whether article pages are fetched.
    #[must_use]
    pub fn poll_config(&self) -> newsdesk_pipeline::PollConfig {
        let min = std::time::Duration::from_secs(u64::from(self.crawl.min_interval_minutes) * 60);
        let max = std::time::Duration::from_secs(u64::from(self.crawl.max_interval_hours) * 3600);
        newsdesk_pipeline::PollConfig {
            schedule: newsdesk_pipeline::ScheduleConfig {
                min_interval: min,
                max_interval: max,
                default_interval: std::time::Duration::from_secs(3600).clamp(min, max),
            },
            full_text: if self.crawl.full_text {
                newsdesk_pipeline::FullTextConfig::default()
            } else {
                newsdesk_pipeline::FullTextConfig::off()
            },
            lease: std::time::Duration::from_secs(u64::from(self.crawl.lease_seconds.max(1))),
        }
    }

    /// The story desk for a process that stores articles: it understands them while it holds
    /// the understanding lease, or not at all with `crawl.understand = false`.
    #[must_use]
    pub fn desk(&self) -> newsdesk_pipeline::Desk {
        if self.crawl.understand {
            newsdesk_pipeline::Desk::with_lease(std::time::Duration::from_secs(u64::from(
                self.crawl.understanding_lease_seconds.max(1),
            )))
            .for_readers(&self.site.language)
        } else {
            newsdesk_pipeline::Desk::off()
        }
    }

    /// The address to listen on.
    ///
    /// # Errors
    /// When `server.listen` is not `IP:PORT`.
    pub fn listen_addr(&self) -> anyhow::Result<SocketAddr> {
        let listen = self.server.listen.trim();
        let listen = if listen.starts_with("localhost:") {
            listen.replacen("localhost", "127.0.0.1", 1)
        } else {
            listen.to_owned()
        };
        listen.parse().with_context(|| {
            format!("server.listen is {:?}: expected an address and port such as 127.0.0.1:8080", self.server.listen)
        })
    }

    /// The public address of the site.
    ///
    /// # Errors
    /// When `server.base_url` is set but not an http(s) URL.
    pub fn base_url(&self) -> anyhow::Result<Url> {
        let raw = self.server.base_url.trim();
        if raw.is_empty() {
            let addr = self.listen_addr()?;
            let host = if addr.ip().is_unspecified() { "localhost".to_owned() } else { addr.ip().to_string() };
            let host = if addr.is_ipv6() && !addr.ip().is_unspecified() { format!("[{host}]") } else { host };
            return Url::parse(&format!("http://{host}:{}/", addr.port())).context("server.base_url");
        }
        let mut url = Url::parse(raw)
            .with_context(|| format!("server.base_url is {raw:?}: expected a URL such as https://news.example.org/"))?;
        if !matches!(url.scheme(), "http" | "https") {
            bail!("server.base_url is {raw:?}: expected an http or https URL");
        }
        if !url.path().ends_with('/') {
            let path = format!("{}/", url.path());
            url.set_path(&path);
        }
        Ok(url)
    }

    /// Where the database is, for messages.
    #[must_use]
    pub fn database_display(&self) -> String {
        let url = self.database.url.trim();
        if url.contains("://") && !url.starts_with("sqlite:") {
            return newsdesk_model::redact_password(url);
        }
        url.trim_start_matches("sqlite://").trim_start_matches("sqlite:").to_owned()
    }
}

fn read_table(path: &Path) -> anyhow::Result<toml::Table> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read the settings file {}", path.display()))?;
    toml::from_str(&text).with_context(|| format!("settings file {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn defaults_just_work() {
        let (c, warnings) = Config::load(Some(Path::new("/dev/null")), &env(&[])).unwrap();
        assert_eq!(c, Config::default());
        assert!(warnings.is_empty());
        assert_eq!(c.listen_addr().unwrap().to_string(), "127.0.0.1:8080");
        assert_eq!(c.base_url().unwrap().as_str(), "http://127.0.0.1:8080/");
    }

    #[test]
    fn file_then_environment() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("n.toml");
        std::fs::write(&path, "[site]\ntitle = \"Harbour Desk\"\npage_size = 5\n[server]\nlisten = \"0.0.0.0:9000\"\n")
            .unwrap();
        let (c, _) =
            Config::load(Some(&path), &env(&[("NEWSDESK_SITE_PAGE_SIZE", "7"), ("NEWSDESK_DATABASE_URL", "x.db")]))
                .unwrap();
        assert_eq!(c.site.title, "Harbour Desk");
        assert_eq!(c.site.page_size, 7, "environment beats the file");
        assert_eq!(c.database.url, "x.db");
        assert_eq!(c.base_url().unwrap().as_str(), "http://localhost:9000/");
    }

    #[test]
    fn errors_say_what_is_wrong() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.toml");
        std::fs::write(&path, "[site]\ntitel = \"typo\"\n").unwrap();
        let err = format!("{:#}", Config::load(Some(&path), &env(&[])).unwrap_err());
        assert!(err.contains("unknown field `titel`"), "{err}");

        let err = format!("{:#}", Config::load(Some(Path::new("/nonexistent/n.toml")), &env(&[])).unwrap_err());
        assert!(err.contains("cannot read the settings file /nonexistent/n.toml"), "{err}");

        let err = format!(
            "{:#}",
            Config::load(Some(Path::new("/dev/null")), &env(&[("NEWSDESK_SITE_PAGE_SIZE", "many")])).unwrap_err()
        );
        assert!(err.contains("NEWSDESK_SITE_PAGE_SIZE=\"many\": expected a whole number"), "{err}");

        let err = format!(
            "{:#}",
            Config::load(Some(Path::new("/dev/null")), &env(&[("NEWSDESK_SERVER_LISTEN", "everywhere")])).unwrap_err()
        );
        assert!(err.contains("expected an address and port"), "{err}");

        let err = format!(
            "{:#}",
            Config::load(Some(Path::new("/dev/null")), &env(&[("NEWSDESK_SITE_PAGE_SIZE", "0")])).unwrap_err()
        );
        assert!(err.contains("expected a number from 1 to 200"), "{err}");
    }

    #[test]
    fn fetch_and_crawl_settings() {
        let (c, _) = Config::load(
            Some(Path::new("/dev/null")),
            &env(&[("NEWSDESK_FETCH_ALLOW_PRIVATE_NETWORKS", "true"), ("NEWSDESK_CRAWL_CONCURRENCY", "4")]),
        )
        .unwrap();
        assert_eq!(c.fetch_config().addresses, newsdesk_fetch::AddressPolicy::Any);
        assert_eq!(c.crawl.concurrency, 4);
        assert_eq!(
            Config::default().fetch_config().addresses,
            newsdesk_fetch::AddressPolicy::PublicOnly,
            "private networks are refused by default"
        );
        let err = format!(
            "{:#}",
            Config::load(Some(Path::new("/dev/null")), &env(&[("NEWSDESK_FETCH_ALLOW_PRIVATE_NETWORKS", "maybe")]))
                .unwrap_err()
        );
        assert!(err.contains("expected true or false"), "{err}");
        let err = format!(
            "{:#}",
            Config::load(Some(Path::new("/dev/null")), &env(&[("NEWSDESK_CRAWL_CONCURRENCY", "0")])).unwrap_err()
        );
        assert!(err.contains("crawl.concurrency is 0"), "{err}");

        // Link-local and metadata addresses: named one by one, in the file.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("n.toml");
        std::fs::write(
            &path,
            "[fetch]\nallow_private_networks = true\nallow_link_local_addresses = [\"169.254.10.1\"]\n",
        )
        .unwrap();
        let (c, _) = Config::load(Some(&path), &env(&[])).unwrap();
        assert_eq!(c.fetch_config().allowed_link_local, vec!["169.254.10.1".parse::<std::net::IpAddr>().unwrap()]);
        std::fs::write(&path, "[fetch]\nallow_link_local_addresses = [\"169.254.0.0/16\"]\n").unwrap();
        let err = format!("{:#}", Config::load(Some(&path), &env(&[])).unwrap_err());
        assert!(err.contains("fetch.allow_link_local_addresses holds `169.254.0.0/16`"), "{err}");
    }

    #[test]
    fn trusted_proxies_take_addresses_and_networks_from_file_or_environment() {
        assert!(Config::default().trusted_proxies().unwrap().is_empty(), "no proxy is trusted by default");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("n.toml");
        std::fs::write(&path, "[web]\ntrusted_proxies = [\"127.0.0.1\", \"10.0.0.0/8\", \"fd00::/8\"]\n").unwrap();
        let (c, _) = Config::load(Some(&path), &env(&[])).unwrap();
        let nets: Vec<String> = c.trusted_proxies().unwrap().iter().map(ToString::to_string).collect();
        assert_eq!(nets, ["127.0.0.1/32", "10.0.0.0/8", "fd00::/8"]);
        let (c, _) = Config::load(
            Some(Path::new("/dev/null")),
            &env(&[("NEWSDESK_WEB_TRUSTED_PROXIES", "::1, 192.168.0.0/16")]),
        )
        .unwrap();
        let nets: Vec<String> = c.trusted_proxies().unwrap().iter().map(ToString::to_string).collect();
        assert_eq!(nets, ["::1/128", "192.168.0.0/16"]);
        let err = format!(
            "{:#}",
            Config::load(Some(Path::new("/dev/null")), &env(&[("NEWSDESK_WEB_TRUSTED_PROXIES", "proxy.internal")]))
                .unwrap_err()
        );
        assert!(err.contains("web.trusted_proxies holds `proxy.internal`"), "{err}");
    }

    #[test]
    fn prefix_searches_at_once_default_to_the_cores_and_take_a_bounded_number() {
        assert_eq!(Config::default().web.prefix_searches_at_once, 0, "0: one for every two cores");
        let (c, _) =
            Config::load(Some(Path::new("/dev/null")), &env(&[("NEWSDESK_WEB_PREFIX_SEARCHES_AT_ONCE", "3")])).unwrap();
        assert_eq!(c.web.prefix_searches_at_once, 3);
        let err = format!(
            "{:#}",
            Config::load(Some(Path::new("/dev/null")), &env(&[("NEWSDESK_WEB_PREFIX_SEARCHES_AT_ONCE", "5000")]))
                .unwrap_err()
        );
        assert!(err.contains("web.prefix_searches_at_once is 5000: expected a number from 0 to 256"), "{err}");
    }

    #[test]
    fn the_readers_language_is_a_language_code() {
        assert_eq!(Config::default().site.language, "en");
        let (c, _) = Config::load(Some(Path::new("/dev/null")), &env(&[("NEWSDESK_SITE_LANGUAGE", "de")])).unwrap();
        assert_eq!(c.site.language, "de");
        for bad in ["german", "DE", "de-DE", "e"] {
            let err = format!(
                "{:#}",
                Config::load(Some(Path::new("/dev/null")), &env(&[("NEWSDESK_SITE_LANGUAGE", bad)])).unwrap_err()
            );
            assert!(err.contains(&format!("site.language is `{bad}`: expected a language code")), "{err}");
        }
    }

    #[test]
    fn unknown_variables_are_warned_about() {
        let (_, warnings) = Config::load(
            Some(Path::new("/dev/null")),
            &env(&[("NEWSDESK_SITE_TITEL", "x"), ("NEWSDESK_LOG", "debug")]),
        )
        .unwrap();
        assert_eq!(warnings, vec!["NEWSDESK_SITE_TITEL is not a newsdesk setting; it is ignored".to_owned()]);
    }
}
