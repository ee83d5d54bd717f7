//! The crate graph is the architecture: this test reads every crate's Cargo.toml and fails on
//! a dependency edge that ARCHITECTURE.md does not allow.

// Tests fail by panicking; helpers here may unwrap like the tests they serve.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

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
    m.insert("web", BTreeSet::from(["model", "store", "feeds", "pipeline"]));
    m.insert(
        "cli",
        BTreeSet::from(["model", "formats", "feeds", "fetch", "extract", "stories", "store", "pipeline", "web"]),
    );
    m.insert(
        "testkit",
        BTreeSet::from(["model", "formats", "feeds", "fetch", "extract", "stories", "store", "pipeline", "web"]),
    );
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
