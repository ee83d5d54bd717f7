//! The one newsdesk binary. It reads the command line and settings, opens the store, and
//! runs a subcommand; all logic lives in the library crates. anyhow is used here only.

// The binary's output on stdout is its user interface.
#![allow(clippy::print_stdout)]

mod args;
mod commands;
mod config;

use std::collections::BTreeMap;
use std::process::ExitCode;

use clap::Parser;
use newsdesk_store::{Store, StoreOptions};

use crate::args::{AdminCommand, Cli, Command, ConfigCommand, FeedsCommand, SourcesCommand};
use crate::config::Config;

/// jemalloc instead of the system allocator: see ARCHITECTURE.md, "The allocator".
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let json_logs =
        cli.global.log_json || std::env::var("NEWSDESK_LOG_FORMAT").is_ok_and(|f| f.eq_ignore_ascii_case("json"));
    init_logging(matches!(cli.command, Command::Serve(_) | Command::Worker), json_logs);
    let env: BTreeMap<String, String> = std::env::vars().collect();
    let mut builder = tokio::runtime::Builder::new_multi_thread();
    // The site reads SQLite on the thread that serves the request, and such a read may wait
    // on the disk: one worker more than there are cores keeps the cores busy meanwhile (see
    // BENCHMARKS.md, "The site under load"). `TOKIO_WORKER_THREADS` still decides when set.
    if matches!(cli.command, Command::Serve(_)) && std::env::var_os("TOKIO_WORKER_THREADS").is_none() {
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        builder.worker_threads(cores + 1);
    }
    let runtime = match builder.enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli, &env)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {}", error_chain(&e));
            ExitCode::FAILURE
        }
    }
}

/// The error and its causes, each said once: a cause whose words the message already holds
/// (errors that quote their source) is left out, and so are a network library's internals
/// once a plain cause has been said.
fn error_chain(e: &anyhow::Error) -> String {
    let mut said = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        let text = text.trim();
        if text.is_empty() || said.contains(text) {
            continue;
        }
        if !said.is_empty() {
            said.push_str(": ");
        }
        said.push_str(text);
    }
    said
}

async fn run(cli: Cli, env: &BTreeMap<String, String>) -> anyhow::Result<ExitCode> {
    let (mut config, warnings) = Config::load(cli.global.config.as_deref(), env)?;
    for w in warnings {
        tracing::warn!("{w}");
    }
    if let Some(db) = cli.global.database {
        config.database.url = db;
    }
    if let Command::Serve(args) = &cli.command
        && let Some(listen) = &args.listen
    {
        config.server.listen.clone_from(listen);
    }
    config.validate()?;
    if let Command::Analyze(args) = &cli.command {
        // Pure text work: no database.
        let fields = match &args.only {
            Some(list) => newsdesk_pipeline::understand::Fields::parse(list)?,
            None => newsdesk_pipeline::understand::Fields::default(),
        };
        if args.stories.is_some() && !fields.stories {
            anyhow::bail!("--stories needs the stories field: add `stories` to --only");
        }
        let failed = commands::analyze::run(&args.input, fields, args.stories.as_deref(), &config.site.language)?;
        return Ok(if failed > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS });
    }
    if let Command::Config(args) = &cli.command {
        let ConfigCommand::Dump = args.command;
        print!("{}", config.dump()?);
        return Ok(ExitCode::SUCCESS);
    }
    if let Command::Extract(args) = &cli.command {
        // Pages in, text out: no database.
        let failed = commands::extract::run(&args.inputs, args.format, &config).await?;
        return Ok(if failed > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS });
    }
    let store = Store::open(&config.database.url, &StoreOptions::default()).await?;
    match cli.command {
        Command::Serve(args) => {
            let desk = config.desk();
            if args.demo {
                desk.warm_up(&store).await?;
                let created = commands::demo::load(&store, &desk).await?;
                println!("Loaded the demo articles ({created} new).");
            }
            commands::serve::run(&config, store, desk, !args.no_crawl, &mut |line| println!("{line}")).await?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Feeds(args) => {
            let out = match args.command {
                FeedsCommand::Add { url } => {
                    let fetcher = newsdesk_fetch::Fetcher::new(config.fetch_config())?;
                    commands::feeds::add(&store, &fetcher, &url).await
                }
                FeedsCommand::List { json: false } => commands::feeds::list(&store).await,
                FeedsCommand::List { json: true } => commands::feeds::list_json(&store).await,
                FeedsCommand::Remove { feed } => commands::feeds::remove(&store, &feed).await,
                FeedsCommand::Pause { feed } => commands::feeds::set_paused(&store, &feed, true).await,
                FeedsCommand::Resume { feed } => commands::feeds::set_paused(&store, &feed, false).await,
                FeedsCommand::FullText { feed, mode } => commands::feeds::set_full_text(&store, &feed, &mode).await,
                FeedsCommand::Import { file } => commands::feeds::import_opml(&store, &file).await,
                FeedsCommand::Export => commands::feeds::export_opml(&store).await,
            };
            store.close().await;
            println!("{}", out?.trim_end());
            Ok(ExitCode::SUCCESS)
        }
        Command::Sources(args) => {
            let out = match args.command {
                SourcesCommand::List => commands::sources::list(&store).await,
                SourcesCommand::Rename { domain, name } => commands::sources::rename(&store, &domain, &name).await,
            };
            store.close().await;
            println!("{}", out?.trim_end());
            Ok(ExitCode::SUCCESS)
        }
        Command::Analyze(_) | Command::Extract(_) | Command::Config(_) => Ok(ExitCode::SUCCESS),
        Command::Crawl(args) => {
            let fetcher = newsdesk_fetch::Fetcher::new(config.fetch_config())?;
            let concurrency = usize::try_from(config.crawl.concurrency).unwrap_or(16);
            let (line, failed) =
                commands::crawl::run(&store, &fetcher, args.all, concurrency, config.poll_config(), config.desk())
                    .await?;
            store.close().await;
            println!("{line}");
            Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
        }
        Command::Import(args) => {
            let desk = newsdesk_pipeline::Desk::new().for_readers(&config.site.language);
            desk.warm_up(&store).await?;
            let report = commands::import::run(&store, &desk, &args.paths, &mut |e| eprintln!("error: {e}")).await;
            desk.step_down(&store).await?;
            let report = report?;
            store.close().await;
            println!("{}", report.summary());
            Ok(if report.files_failed > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
        }
        Command::Admin(args) => {
            let line = match args.command {
                AdminCommand::CreateUser { name } => commands::admin::create_user(&store, &name).await,
                AdminCommand::CreateToken { name } => commands::admin::create_token(&store, &name).await,
                AdminCommand::Users => commands::admin::users(&store).await,
                AdminCommand::DeleteUser { name } => commands::admin::delete_user(&store, &name).await,
                AdminCommand::RevokeToken { name } => commands::admin::revoke_token(&store, &name).await,
            };
            store.close().await;
            println!("{}", line?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Worker => {
            let desk = config.desk();
            commands::worker::run(&config, store, desk, &mut |line| println!("{line}")).await?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Backup { path } => {
            let result = store.backup_to(&path).await;
            store.close().await;
            result?;
            let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
            println!("Backed up the database to {} ({:.1} MiB).", path.display(), size as f64 / 1048576.0);
            Ok(ExitCode::SUCCESS)
        }
        Command::MigrateTo { url } => {
            let result = commands::migrate_to::run(&store, &url).await;
            store.close().await;
            println!("{}", result?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Recluster => {
            let line = commands::recluster::run(&store, &config.site.language).await?;
            store.close().await;
            println!("{line}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Export(args) => {
            let n = commands::export::run(&store, args.format, args.out.as_deref()).await?;
            store.close().await;
            if let Some(dir) = &args.out {
                println!("Exported {n} article{} to {}.", if n == 1 { "" } else { "s" }, dir.display());
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn init_logging(serving: bool, json: bool) {
    let default = if serving { "info" } else { "warn" };
    let filter = tracing_subscriber::EnvFilter::try_from_env("NEWSDESK_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_target(false);
    if json {
        builder.json().init();
    } else {
        builder.with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr())).init();
    }
}
