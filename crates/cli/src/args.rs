//! The command line.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// newsdesk: a self-hosted news desk. It follows news feeds, keeps their articles in one SQLite
/// file, serves them as a web site with search and an Atom feed, and imports and exports them.
///
/// Settings come from defaults, then a TOML file (--config, NEWSDESK_CONFIG, or newsdesk.toml
/// in the working directory), then NEWSDESK_* environment variables, then flags.
#[derive(Debug, Parser)]
#[command(name = "newsdesk", version, about, long_about, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// The TOML settings file. Without it, newsdesk.toml in the working directory is read if
    /// it exists.
    #[arg(long, global = true, value_name = "FILE", env = "NEWSDESK_CONFIG")]
    pub config: Option<PathBuf>,

    /// The database: a SQLite file path (created if missing), a sqlite: URL, or a
    /// postgres://user:password@host:port/database URL.
    /// [default: newsdesk.db] [setting: database.url, env: NEWSDESK_DATABASE_URL]
    #[arg(long, global = true, value_name = "PATH_OR_URL")]
    pub database: Option<String>,

    /// Write logs as JSON lines (one object per event) instead of text.
    /// [env: NEWSDESK_LOG_FORMAT=json]
    #[arg(long, global = true)]
    pub log_json: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the web site: front page, article pages, search, Atom feed.
    Serve(ServeArgs),
    /// Import articles from article page files (.txt) and JSON Lines files (.jsonl).
    ///
    /// A page file holds one article: the title, a blank line, the comment count, the
    /// article id, a blank line, the summary paragraph, the body paragraphs, and a line
    /// `Original Source: <domain>`; the comment form's text after it is ignored. A JSON Lines
    /// file holds one article object per line; only "title" is required.
    ///
    /// Re-importing an article id updates that article. A file that cannot be read is
    /// reported with its line and what was expected; the other files still import. The exit
    /// status is 1 when any file failed.
    Import(ImportArgs),
    /// Export every article as article page files or JSON Lines.
    Export(ExportArgs),
    /// Follow, list and manage feeds.
    Feeds(FeedsArgs),
    /// List and rename outlets (the sites whose feeds newsdesk follows).
    Sources(SourcesArgs),
    /// Poll every feed that is due once, then stop (`--all`: every feed that is not paused).
    ///
    /// Shows a progress bar on a terminal and ends with a summary line. `newsdesk serve` polls
    /// feeds by itself as they fall due; this is for cron jobs, first imports and benchmarks.
    Crawl(CrawlArgs),
    /// Analyze articles from a JSON Lines file: language, summary, entities, keyphrases,
    /// syndicated copies and story, one JSON line out per line in, in input order, streaming.
    ///
    /// Input lines: {"id", "title", "text", "published", "source", "language"}; only "id" and
    /// "text" are needed ("language", a tag such as en or de-AT as a feed declares it, is read
    /// where the text is too short to tell its language). Stories and copies are decided
    /// online, in input order, and so is who a surname alone names (the person the lines
    /// before name in full by it). Output lines:
    /// {"id", "language", "summary", "summary_sentences", "entities", "keyphrases", "copy_of",
    /// "story"}: entities are {"name", "key", "kind", "mentions"} (kind: person, organization,
    /// place); copy_of is the id of the original this article copies, or null. A line that
    /// cannot be read gives {"line", "error"} in its place.
    Analyze(AnalyzeArgs),
    /// Print what newsdesk extracts from article pages: title, byline, dates, language, the
    /// article's text and its safe HTML.
    ///
    /// Pages are given as files, directories (every .html, .htm, .html.gz and .htm.gz file
    /// under them, in name order) or http(s) URLs, fetched like any page newsdesk reads. With
    /// `--format json`, one JSON object per page per line: {"source", "title", "byline",
    /// "published", "modified", "language", "site_name", "canonical_url", "image", "text",
    /// "html", "words", "is_article", "not_article", "truncated"}; a page that cannot be read
    /// gives {"source", "error"}.
    Extract(ExtractArgs),
    /// Rebuild stories, syndicated copies and entities from every stored article, in
    /// publication order, with a progress bar on a terminal.
    ///
    /// newsdesk understands articles as they arrive; run this after changing newsdesk's
    /// version, or after importing old articles out of order. Articles are not changed. Stop
    /// `newsdesk serve` first: while this runs, pages show stories half rebuilt.
    Recluster,
    /// Manage the site's administrators (who sign in at /admin to moderate comments).
    Admin(AdminArgs),
    /// Poll feeds as they fall due, without the web site, until Ctrl-C or SIGTERM.
    ///
    /// Run any number of workers, on any machines that share the database, beside `serve`
    /// nodes started with --no-crawl: each feed is leased to the process polling it, so it is
    /// never polled twice at once, and a killed worker's feeds are polled by another when
    /// their leases end (crawl.lease_seconds).
    Worker,
    /// Copy the whole database to a new file while newsdesk keeps running (SQLite's online
    /// backup; the copy is consistent and compact). For PostgreSQL, use pg_dump.
    Backup {
        /// The file to write; it must not exist.
        path: PathBuf,
    },
    /// Show the settings in effect (defaults, file, environment and flags combined).
    Config(ConfigArgs),
    /// Copy this SQLite database (--database) into PostgreSQL and check the copy.
    ///
    /// The PostgreSQL schema is created first. Stop every newsdesk process using the SQLite
    /// file before copying. Rows are copied in batches that each commit, so an interrupted
    /// copy resumes when run again; at the end every table's row count and a checksum of all
    /// its values are compared, and any difference is an error.
    MigrateTo {
        /// The PostgreSQL database, as postgres://user:password@host:port/database.
        url: String,
    },
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    #[command(subcommand)]
    pub command: ConfigCommand,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print the settings in effect as TOML, with passwords in the database URL redacted.
    Dump,
}

#[derive(Debug, Args)]
pub struct AdminArgs {
    #[command(subcommand)]
    pub command: AdminCommand,
}

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Create an administrator. The password is read from standard input (one line; not shown
    /// on a terminal) and stored as an argon2id hash.
    CreateUser {
        /// The name to sign in with.
        name: String,
    },
    /// Create an API token for /api/v1/admin (moderation, feeds). The token is printed once;
    /// newsdesk keeps only its hash. Send it as `Authorization: Bearer TOKEN`.
    CreateToken {
        /// What the token is for ("moderation-bot").
        name: String,
    },
    /// The administrators and the API tokens (names and when they were made; never a token).
    Users,
    /// Remove an administrator; their sessions end at once.
    DeleteUser {
        /// The name they sign in with.
        name: String,
    },
    /// Revoke an API token: requests with it are refused from now on.
    RevokeToken {
        /// The token's name, as `admin users` lists it.
        name: String,
    },
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files, directories or http(s) URLs of article pages.
    #[arg(required = true, value_name = "PATH_OR_URL")]
    pub inputs: Vec<String>,

    /// How to print each page.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ExtractFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// The title, the metadata and the text, for reading.
    Text,
    /// One JSON object per page per line.
    Json,
}

#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// The JSON Lines file to read ("-" for standard input).
    #[arg(long, value_name = "FILE.jsonl")]
    pub input: PathBuf,

    /// Compute only these, comma-separated: language, summary, entities, keyphrases, copies,
    /// stories. [default: all]
    #[arg(long, value_name = "FIELDS")]
    pub only: Option<String>,

    /// Also write the stories to FILE, one JSON line each, once each can no longer change:
    /// {"id", "title", "summary", "articles" (ids in time order), "sources", "first_seen",
    /// "last_seen", "related" (stories on the same subject)}.
    #[arg(long, value_name = "FILE.jsonl")]
    pub stories: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct SourcesArgs {
    #[command(subcommand)]
    pub command: SourcesCommand,
}

#[derive(Debug, Subcommand)]
pub enum SourcesCommand {
    /// Every outlet: its domain, its name, and where the name came from.
    List,
    /// Give an outlet the name readers know it by. Its feeds and pages never rename it after
    /// this; only another `rename` does.
    Rename {
        /// The outlet's domain, as `sources list` shows it ("metrotimes.example").
        domain: String,
        /// The new name.
        name: String,
    },
}

#[derive(Debug, Args)]
pub struct FeedsArgs {
    #[command(subcommand)]
    pub command: FeedsCommand,
}

#[derive(Debug, Subcommand)]
pub enum FeedsCommand {
    /// Follow a feed: give its address, or a site's address and newsdesk finds its feed.
    Add {
        /// A feed URL, or the home page of a site that has one.
        url: String,
    },
    /// Every feed with its status, item count, next poll and last error.
    List {
        /// One JSON object per feed per line instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Stop following a feed (its articles stay).
    Remove {
        /// The feed's id or URL, as `feeds list` shows them.
        feed: String,
    },
    /// Stop polling a feed for now.
    Pause {
        /// The feed's id or URL.
        feed: String,
    },
    /// Poll a paused feed again.
    Resume {
        /// The feed's id or URL.
        feed: String,
    },
    /// Whether the article pages of a feed's entries are fetched for their full text: auto
    /// (when the feed's content looks partial: short, cut off, or only a summary; the
    /// default), always, or never.
    FullText {
        /// The feed's id or URL.
        feed: String,
        /// auto, always or never.
        mode: String,
    },
    /// Follow every feed of an OPML subscription list (feeds already followed are skipped).
    Import {
        /// The OPML file.
        file: PathBuf,
    },
    /// Write every feed as an OPML subscription list to standard output.
    Export,
}

#[derive(Debug, Args)]
pub struct CrawlArgs {
    /// Poll every feed that is not paused, due or not.
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The address to listen on. [default: 127.0.0.1:8080] [setting: server.listen, env:
    /// NEWSDESK_SERVER_LISTEN]
    #[arg(long, value_name = "ADDR:PORT")]
    pub listen: Option<String>,

    /// Load a small set of demo articles first (they are stored like imported articles;
    /// loading them again changes nothing).
    #[arg(long)]
    pub demo: bool,

    /// Serve pages only; do not poll feeds in this process.
    #[arg(long)]
    pub no_crawl: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Files or directories. Directories are read recursively for .txt and .jsonl files.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// page: one article page file per article; jsonl: one JSON object per line.
    #[arg(long, value_enum)]
    pub format: ExportFormat,

    /// A directory to write into (created if missing): <id>.txt per article for page,
    /// articles.jsonl for jsonl. Without it, everything goes to standard output.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Page,
    Jsonl,
}
