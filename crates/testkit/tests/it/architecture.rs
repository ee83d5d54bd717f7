//! The crate graph is the architecture: this test reads every crate's Cargo.toml and fails on
//! a dependency edge that ARCHITECTURE.md does not allow.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Allowed edges between our crates (normal and build dependencies). Keep in step with
/// ARCHITECTURE.md.
fn allowed() -> BTreeMap<&'static str, BTreeSet<&'static str>> {
    let mut m = BTreeMap::new();
    m.insert("model", BTreeSet::new());
    for pure in ["formats", "feeds", "fetch", "extract", "stories", "store"] {
        m.insert(pure, BTreeSet::from(["model"]));
    }
    m.insert("pipeline", BTreeSet::from(["model", "fetch", "feeds", "extract", "stories", "store"]));
    m.insert("web", BTreeSet::from(["model", "store", "feeds"]));
    m.insert(
        "cli",
        BTreeSet::from(["model", "formats", "feeds", "fetch", "extract", "stories", "store", "pipeline", "web"]),
    );
    m.insert(
        "testkit",
        BTreeSet::from([
            "model",
            "formats",
            "feeds",
            "fetch",
            "extract",
            "stories",
            "store",
            "pipeline",
            "web",
            "testkit-macros",
        ]),
    );
    m.insert("testkit-macros", BTreeSet::new());
    m
}

fn our_deps(table: Option<&toml::Value>) -> BTreeSet<String> {
    table
        .and_then(toml::Value::as_table)
        .map(|t| t.keys().filter_map(|k| k.strip_prefix("newsdesk-").map(str::to_owned)).collect())
        .unwrap_or_default()
}

/// Every crate's name (without the `newsdesk-` prefix) and parsed Cargo.toml.
fn manifests() -> Vec<(String, toml::Table)> {
    let crates_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&crates_dir).unwrap() {
        let manifest = entry.unwrap().path().join("Cargo.toml");
        if !manifest.exists() {
            continue;
        }
        let doc: toml::Table = toml::from_str(&std::fs::read_to_string(&manifest).unwrap()).unwrap();
        let name = doc["package"]["name"].as_str().unwrap().strip_prefix("newsdesk-").unwrap().to_owned();
        found.push((name, doc));
    }
    assert!(found.len() >= 7, "found only {} crates under {}", found.len(), crates_dir.display());
    found
}

#[test]
fn crates_depend_only_along_allowed_edges() {
    let allowed = allowed();
    let mut problems = Vec::new();
    for (name, doc) in manifests() {
        let Some(ok) = allowed.get(name.as_str()) else {
            problems
                .push(format!("crate `{name}` is not in the allowed graph; add it to ARCHITECTURE.md and this test"));
            continue;
        };
        for section in ["dependencies", "build-dependencies"] {
            for dep in our_deps(doc.get(section)) {
                if dep == "testkit" {
                    problems
                        .push(format!("`{name}` has testkit in [{section}]; testkit is for [dev-dependencies] only"));
                } else if !ok.contains(dep.as_str()) {
                    problems.push(format!("`{name}` depends on `{dep}`, an edge ARCHITECTURE.md does not allow"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_crate_uses_workspace_lints_and_versions() {
    let mut problems = Vec::new();
    for (name, doc) in manifests() {
        if doc.get("lints").and_then(|l| l.get("workspace")).and_then(toml::Value::as_bool) != Some(true) {
            problems.push(format!("{name}: [lints] workspace = true is missing"));
        }
        for section in ["dependencies", "dev-dependencies", "build-dependencies"] {
            let Some(deps) = doc.get(section).and_then(toml::Value::as_table) else { continue };
            for (dep, spec) in deps {
                if spec.get("workspace").and_then(toml::Value::as_bool) != Some(true) {
                    problems
                        .push(format!("{name}: [{section}] {dep} sets its own version; set it once in the workspace"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return out };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

fn crates_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The pure crates: text in, values out.
const PURE: &[&str] = &["model", "formats", "feeds", "extract", "stories"];

#[test]
fn pure_crates_depend_on_no_runtime_database_http_or_web_framework() {
    let mut problems = Vec::new();
    for (name, doc) in manifests() {
        if !PURE.contains(&name.as_str()) {
            continue;
        }
        let deps = doc.get("dependencies").and_then(toml::Value::as_table).cloned().unwrap_or_default();
        for banned in ["tokio", "sqlx", "rusqlite", "reqwest", "axum", "hyper", "tower"] {
            if deps.contains_key(banned) {
                problems.push(format!("pure crate `{name}` depends on {banned}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn anyhow_is_only_in_the_binary() {
    let mut problems = Vec::new();
    for (name, doc) in manifests() {
        let deps = doc.get("dependencies").and_then(toml::Value::as_table).cloned().unwrap_or_default();
        if name != "cli" && deps.contains_key("anyhow") {
            problems.push(format!("library crate `{name}` depends on anyhow; libraries answer typed errors"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn sql_is_written_only_in_the_store() {
    let statements = ["\"SELECT ", "\"INSERT INTO", "\"DELETE FROM", "\"CREATE TABLE", "\"UPDATE ", "\"WITH "];
    let mut problems = Vec::new();
    for (name, _) in manifests() {
        if name == "store" {
            continue;
        }
        for file in rust_files(&crates_dir().join(&name).join("src")) {
            let text = std::fs::read_to_string(&file).unwrap();
            for (n, line) in text.lines().enumerate() {
                if statements.iter().any(|s| line.contains(s)) {
                    problems.push(format!("{}:{}: SQL outside the store: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn only_the_store_turns_stored_text_into_safe_html_unchecked() {
    let mut problems = Vec::new();
    for (name, _) in manifests() {
        if name == "store" || name == "model" {
            continue;
        }
        for file in rust_files(&crates_dir().join(&name).join("src")) {
            if std::fs::read_to_string(&file).unwrap().contains("from_store(") {
                problems.push(format!("{} calls SafeHtml::from_store; only the store may", file.display()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn pure_crates_read_no_wall_clock() {
    let mut problems = Vec::new();
    for name in PURE {
        for file in rust_files(&crates_dir().join(name).join("src")) {
            let text = std::fs::read_to_string(&file).unwrap();
            for clock in ["Utc::now", "SystemTime::now", "Local::now"] {
                if text.contains(clock) {
                    problems.push(format!("{} reads the wall clock ({clock}); times are passed in", file.display()));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Each integration-test binary links the crate and everything under it (sqlx and axum for
/// most): one per crate, `tests/it/main.rs` with a module per file, keeps a test cycle short.
#[test]
fn each_crate_has_at_most_one_integration_test_binary() {
    let mut problems = Vec::new();
    for (name, _) in manifests() {
        let tests = crates_dir().join(&name).join("tests");
        let Ok(entries) = std::fs::read_dir(&tests) else { continue };
        for entry in entries {
            let path = entry.unwrap().path();
            let binary =
                if path.is_dir() { path.join("main.rs").exists() } else { path.extension().is_some_and(|e| e == "rs") };
            let is_it = path.file_name().is_some_and(|n| n == "it");
            if binary && !is_it {
                problems.push(format!(
                    "{}: a test binary of its own; make it a module of tests/it/main.rs",
                    path.display()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
