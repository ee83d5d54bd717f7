//! The newsdesk binary, run as a user runs it: in its own directory, on a real database file.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_newsdesk");

fn testdata(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata").join(name)
}

/// Runs newsdesk in `dir` with only the environment given (plus PATH).
fn newsdesk(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(dir).args(args).env_clear().env("PATH", std::env::var("PATH").unwrap_or_default());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        out.status,
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

fn sorted_files(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    files.sort();
    files
}

#[test]
fn page_import_export_import_is_lossless() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let pages = testdata("pages");
    let out = ok(&newsdesk(d, &["--database", "one.db", "import", pages.to_str().unwrap()], &[]));
    assert_eq!(out.trim(), "Imported 2 articles from 2 files (2 new, 0 updated, 0 unchanged).");
    ok(&newsdesk(d, &["--database", "one.db", "export", "--format", "page", "--out", "first"], &[]));

    // The export is the same text as the files imported.
    let first = sorted_files(&d.join("first"));
    assert_eq!(first.len(), 2);
    let bridge = std::fs::read_to_string(pages.join("harbour-bridge.txt")).unwrap();
    assert!(first.iter().any(|(name, body)| name == "0190c6a2-1b1e-7c3d-9a4f-2b6e8d1c0a55.txt" && *body == bridge));

    // Import the export elsewhere, export again: the same files.
    ok(&newsdesk(d, &["--database", "two.db", "import", "first"], &[]));
    ok(&newsdesk(d, &["--database", "two.db", "export", "--format", "page", "--out", "second"], &[]));
    assert_eq!(sorted_files(&d.join("second")), first);
}

#[test]
fn jsonl_round_trip_keeps_every_field() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(&newsdesk(d, &["--database", "one.db", "import", testdata("articles.jsonl").to_str().unwrap()], &[]));
    ok(&newsdesk(d, &["--database", "one.db", "export", "--format", "jsonl", "--out", "first"], &[]));
    ok(&newsdesk(d, &["--database", "two.db", "import", "first/articles.jsonl"], &[]));
    let second = ok(&newsdesk(d, &["--database", "two.db", "export", "--format", "jsonl"], &[]));

    let parse = |s: &str| -> Vec<serde_json::Value> {
        s.lines()
            .map(|l| {
                let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
                let o = v.as_object_mut().unwrap();
                o.remove("created_at");
                o.remove("modified_at");
                // An outlet's id is the database's own: the outlet is checked by its domain below.
                let source = o.remove("source_id").unwrap();
                o.insert("credited".into(), serde_json::Value::Bool(!source.is_null()));
                v
            })
            .collect()
    };
    let first = parse(&std::fs::read_to_string(d.join("first/articles.jsonl")).unwrap());
    assert_eq!(first, parse(&second));
    assert_eq!(first.len(), 2);
    // Each database credits the article with an address to the outlet of that address (as a
    // polled article is credited to its feed's), named by its domain until it is named better;
    // the article without one is credited to no one.
    for db in ["one.db", "two.db"] {
        let sources = ok(&newsdesk(d, &["--database", db, "sources", "list"], &[]));
        assert!(sources.lines().any(|l| l.starts_with("capetimes.example ")), "{db}: {sources}");
        assert!(sources.trim_end().ends_with("\n1 outlet."), "{db}: one outlet: {sources}");
    }
    let wind = first.iter().find(|v| v["title"] == "Wind farm approved off the northern cape").unwrap();
    assert_eq!(wind["id"], "0190c6a2-1b1e-7c3d-9a4f-2b6e8d1c0c01", "an id given on import is kept");
    assert_eq!(wind["byline"], "Oskar Lind");
    assert_eq!(wind["updated_at"], "2026-02-12T16:30:00Z");
    assert_eq!(wind["original_domain"], "energywire.example");
    assert_eq!(wind["comment_count"], 3);
    assert_eq!(wind["credited"], true);
    let snow = first.iter().find(|v| v["title"] == "Snow closes mountain pass").unwrap();
    assert_eq!(snow["credited"], false);
    assert_eq!(snow["language"], "en-GB");
    assert_eq!(snow["published_at"], "2026-02-13T07:00:00Z");
    assert_eq!(snow["body_html"], "<p>The pass closed at noon.</p>\n<p>It may reopen on Sunday.</p>\n");
    let id = snow["id"].as_str().unwrap();
    assert_eq!(&id[14..15], "7", "a new article gets a v7 id: {id}");
}

#[test]
fn reimporting_updates_and_never_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let page = d.join("a.txt");
    std::fs::copy(testdata("pages/night-market.txt"), &page).unwrap();
    ok(&newsdesk(d, &["import", "a.txt"], &[]));
    let again = ok(&newsdesk(d, &["import", "a.txt"], &[]));
    assert!(again.contains("(0 new, 0 updated, 1 unchanged)"), "{again}");

    let edited = std::fs::read_to_string(&page).unwrap().replace("Night Market Returns", "Night Market Is Back");
    std::fs::write(&page, edited).unwrap();
    let updated = ok(&newsdesk(d, &["import", "a.txt"], &[]));
    assert!(updated.contains("(0 new, 1 updated, 0 unchanged)"), "{updated}");

    let export = ok(&newsdesk(d, &["export", "--format", "jsonl"], &[]));
    assert_eq!(export.lines().count(), 1);
    assert!(export.contains("Night Market Is Back to the Old Tram Depot"));
    assert!(d.join("newsdesk.db").exists(), "the default database is newsdesk.db in the working directory");
}

#[test]
fn malformed_files_are_reported_and_the_rest_still_import() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let input = d.join("input");
    std::fs::create_dir_all(input.join("nested")).unwrap();
    std::fs::copy(testdata("pages/harbour-bridge.txt"), input.join("good.txt")).unwrap();
    std::fs::write(
        input.join("nested/bad-count.txt"),
        "A title\n\nmany\n0190c6a2-1b1e-7c3d-9a4f-2b6e8d1c0d01\n\nS\n\nOriginal Source: x.example\n",
    )
    .unwrap();
    std::fs::write(
        input.join("latin1.txt"),
        b"Caf\xe9 title\n\n0\n0190c6a2-1b1e-7c3d-9a4f-2b6e8d1c0d02\n\nS\n\nOriginal Source: x.example\n",
    )
    .unwrap();
    std::fs::write(
        input.join("mixed.jsonl"),
        "{\"title\":\"Fine line\",\"id\":\"0190c6a2-1b1e-7c3d-9a4f-2b6e8d1c0d03\"}\n{\"title\":\"x\",\"id\":\"nope\"}\n",
    )
    .unwrap();
    std::fs::write(input.join("notes.md"), "not an article").unwrap();

    let out = newsdesk(d, &["import", "input", "missing.txt"], &[]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    let stdout = text(&out.stdout);
    assert!(
        stderr.contains(
            "nested/bad-count.txt:3: expected the comment count (a whole number such as 0 or 12), found `many`"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("latin1.txt:1: expected UTF-8 text"), "{stderr}");
    assert!(stderr.contains("mixed.jsonl:2: id: `nope` is not a valid id"), "{stderr}");
    assert!(stderr.contains("missing.txt: cannot read"), "{stderr}");
    assert!(
        stdout.contains(
            "Imported 2 articles from 1 file (2 new, 0 updated, 0 unchanged). 4 files failed. Skipped 1 file(s)"
        ),
        "{stdout}"
    );

    // What was good is stored: the page and the good line of the JSON Lines file.
    let export = ok(&newsdesk(d, &["export", "--format", "jsonl"], &[]));
    assert_eq!(export.lines().count(), 2, "{export}");
    assert!(export.contains("Fine line") && export.contains("Harbour Bridge Reopens"));
}

#[test]
fn settings_errors_are_clear_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = newsdesk(d, &["export", "--format", "jsonl"], &[("NEWSDESK_SITE_PAGE_SIZE", "lots")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("NEWSDESK_SITE_PAGE_SIZE=\"lots\": expected a whole number"),
        "{}",
        text(&out.stderr)
    );
    assert!(!d.join("newsdesk.db").exists(), "nothing is created when settings are wrong");

    std::fs::write(d.join("newsdesk.toml"), "[database]\nurl = \"from-file.db\"\n").unwrap();
    ok(&newsdesk(d, &["export", "--format", "jsonl"], &[]));
    assert!(d.join("from-file.db").exists(), "newsdesk.toml in the working directory is read");
    ok(&newsdesk(d, &["export", "--format", "jsonl"], &[("NEWSDESK_DATABASE_URL", "from-env.db")]));
    assert!(d.join("from-env.db").exists(), "the environment beats the file");

    let out = newsdesk(d, &["--database", "postgres://u:secret@db.example/n", "export", "--format", "jsonl"], &[]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    // A server that cannot be reached is named, without its password.
    assert!(stderr.contains("cannot open the database at postgres://u:***@db.example/n"), "{stderr}");
    assert!(!stderr.contains("secret"), "{stderr}");
}

#[test]
fn every_command_explains_itself() {
    let dir = tempfile::tempdir().unwrap();
    for (args, needle) in [
        (vec!["--help"], "serve"),
        (vec!["serve", "--help"], "--demo"),
        (vec!["import", "--help"], "Original Source"),
        (vec!["export", "--help"], "--format <FORMAT>"),
        (vec!["recluster", "--help"], "publication order"),
        (vec!["extract", "--help"], "--format <FORMAT>"),
    ] {
        let out = ok(&newsdesk(dir.path(), &args, &[]));
        assert!(out.contains(needle), "{args:?}: {out}");
        assert!(out.contains("--database"), "{args:?}");
    }
    let out = newsdesk(dir.path(), &["export", "--format", "csv"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("possible values: page, jsonl"));
}

fn http_get(addr: &str, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(std::time::Duration::from_secs(10))).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").unwrap();
    let mut response = String::new();
    s.read_to_string(&mut response).unwrap();
    let status = response.split(' ').nth(1).unwrap().parse().unwrap();
    (status, response)
}

struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn serve_demo_answers_on_loopback() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(BIN)
        .current_dir(dir.path())
        .args(["serve", "--demo", "--listen", "127.0.0.1:0"])
        .env_clear()
        .env("NEWSDESK_LOG_FORMAT", "json")
        .stdout(Stdio::piped())
        .stderr(Stdio::from(std::fs::File::create(dir.path().join("log.jsonl")).unwrap()))
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let server = Server(child);
    let mut addr = None;
    for line in BufReader::new(stdout).lines().take(5) {
        let line = line.unwrap();
        if let Some(rest) = line.strip_prefix("newsdesk is serving http://") {
            addr = Some(rest.split('/').next().unwrap().to_owned());
            break;
        }
    }
    let addr = addr.expect("the server announces its address");

    let (status, front) = http_get(&addr, "/");
    assert_eq!(status, 200);
    // The bridge story is titled by its latest development, drawn from all its articles.
    assert!(front.contains("Repairs ahead of schedule, council says, as deck plates arrive early"), "{front}");
    let (status, article) = http_get(&addr, "/articles/019a2b10-4c00-7a01-8b00-00000000d004");
    assert_eq!(status, 200);
    assert!(article.contains("Ferry strike called off") && article.contains("9 comments"));
    let (status, search) = http_get(&addr, "/search?q=deckhands");
    assert_eq!(status, 200);
    assert!(search.contains("2 results"), "{search}");
    let (status, feed) = http_get(&addr, "/feed.atom");
    assert_eq!(status, 200);
    assert!(
        feed.contains(&format!("http://{addr}/articles/019a2b10-4c00-7a01-8b00-00000000d005")),
        "feed links use the bound port"
    );
    assert_eq!(http_get(&addr, "/articles/123").0, 400);
    assert_eq!(http_get(&addr, "/articles/019a2b10-4c00-7a01-8b00-00000000ffff").0, 404);
    let (status, health) = http_get(&addr, "/healthz");
    assert!(status == 200 && health.ends_with("\r\n\r\nok\n"), "{health}");
    assert_eq!(http_get(&addr, "/readyz").0, 200);
    let (status, metrics) = http_get(&addr, "/metrics");
    assert_eq!(status, 200);
    assert!(metrics.contains("newsdesk_http_requests_total{route=\"/articles/{id}\",status=\"4xx\"} 2"), "{metrics}");
    drop(server);
    // Logs asked for as JSON are JSON, one object per line.
    let log = std::fs::read_to_string(dir.path().join("log.jsonl")).unwrap();
    assert!(log.lines().count() >= 1, "serve logs at info");
    for line in log.lines() {
        let event: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert!(event["level"].is_string() && event["fields"].is_object(), "{line}");
    }
}

#[test]
fn analyze_streams_language_and_summary_in_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let lines = [
        r#"{"id": "a", "title": "Bridge", "text": "PORT ALDER (Reuters) -- The harbour bridge closes for six weeks from Monday while crews replace worn deck plates. By Nell Ashdown. Two extra ferries will run every ten minutes between the fish quay and Eastgate. Shops expect a quiet month in the old town."}"#,
        "not json",
        r#"{"id": 7, "text": "Die Brücke über den Hafen wird ab Montag für sechs Wochen gesperrt, während Arbeiter die Fahrbahn erneuern."}"#,
    ];
    let wire = "The harbour bridge in Port Alder will close to all traffic for six weeks from Monday while crews replace corroded deck plates, the council said. Two extra ferries will run every ten minutes between the fish quay and Eastgate from six in the morning until midnight, and a night bus will take the long way round by the ring road.";
    let copy_line = serde_json::json!({"id": "c", "title": "Bridge shut", "text": format!("Commuters, brace yourselves. {wire} Subscribe for more."), "published": "2026-05-04T12:00:00Z", "source": "post.example"});
    let wire_line = serde_json::json!({"id": "w", "title": "Bridge closes", "text": wire, "published": "2026-05-04T08:00:00Z", "source": "wire.example"});
    let all =
        [lines[0].to_owned(), lines[1].to_owned(), lines[2].to_owned(), wire_line.to_string(), copy_line.to_string()];
    std::fs::write(d.join("in.jsonl"), all.join("\n")).unwrap();
    let out = newsdesk(d, &["analyze", "--input", "in.jsonl"], &[]);
    assert_eq!(out.status.code(), Some(1), "one line failed");
    let rows: Vec<serde_json::Value> = text(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 5);
    assert_eq!(
        (rows[3]["copy_of"].clone(), rows[4]["copy_of"].clone()),
        (serde_json::Value::Null, serde_json::json!("w")),
        "the copy names its original"
    );
    assert_eq!(rows[4]["story"], rows[3]["story"], "a copy is in its original's story");
    assert_eq!(rows[0]["id"], "a");
    assert_eq!(rows[0]["language"], "en");
    let entities = rows[0]["entities"].as_array().unwrap();
    assert!(
        entities.iter().any(|e| e["key"] == "port alder" && e["kind"] == "place" || e["key"] == "eastgate"),
        "{entities:?}"
    );
    assert!(!rows[0]["keyphrases"].as_array().unwrap().is_empty());
    let sentences = rows[0]["summary_sentences"].as_array().unwrap();
    assert_eq!(
        sentences[0], "The harbour bridge closes for six weeks from Monday while crews replace worn deck plates.",
        "no dateline"
    );
    assert!(!rows[0]["summary"].as_str().unwrap().contains("Nell Ashdown"), "no byline");
    assert_eq!(
        (rows[1]["line"].as_u64(), rows[1]["error"].as_str().map(|e| e.contains("expected a JSON object"))),
        (Some(2), Some(true))
    );
    assert_eq!((rows[2]["id"].as_u64(), rows[2]["language"].as_str()), (Some(7), Some("de")));
    assert!(!d.join("newsdesk.db").exists(), "analysis touches no database");
}

#[test]
fn analyze_computes_only_what_is_asked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("in.jsonl"),
        r#"{"id": 1, "text": "The harbour bridge closes on Monday for repairs to its deck plates."}"#,
    )
    .unwrap();
    let out = ok(&newsdesk(dir.path(), &["analyze", "--only", "summary", "--input", "in.jsonl"], &[]));
    let row: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert!(row.get("summary").is_some() && row.get("story").is_none() && row.get("entities").is_none(), "{row}");
    let bad = newsdesk(dir.path(), &["analyze", "--only", "summary,colour", "--input", "in.jsonl"], &[]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(text(&bad.stderr).contains("`colour` is not a field"));
}

#[test]
fn analyze_reads_a_declared_language_where_the_text_is_too_short_to_tell() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        r#"{"id": 1, "language": "de-DE", "text": "Die Polizei Kiel: Razzia."}"#,
        r#"{"id": 2, "language": "German please", "text": "Die Polizei Kiel: Razzia."}"#,
    ];
    std::fs::write(dir.path().join("in.jsonl"), lines.join("\n")).unwrap();
    let out = newsdesk(dir.path(), &["analyze", "--only", "entities", "--input", "in.jsonl"], &[]);
    assert_eq!(out.status.code(), Some(1), "one line failed");
    let rows: Vec<serde_json::Value> = text(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let keys = |row: &serde_json::Value| -> Vec<String> {
        row["entities"].as_array().unwrap().iter().map(|e| e["key"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(keys(&rows[0]), ["polizei kiel"], "read as German: {}", rows[0]);
    assert_eq!(rows[1]["line"], 2);
    assert!(rows[1]["error"].as_str().unwrap().contains("`German please` is not a language tag"), "{}", rows[1]);
}

#[test]
fn recluster_rebuilds_the_same_stories() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("demo").join("articles.jsonl");
    ok(&newsdesk(d, &["--database", "r.db", "import", demo.to_str().unwrap()], &[]));
    let first = ok(&newsdesk(d, &["--database", "r.db", "recluster"], &[]));
    assert!(first.starts_with("Reclustered 11 articles into "), "{first}");
    let stories: String = first.split(" into ").nth(1).unwrap().split(" in ").next().unwrap().to_owned();
    let again = ok(&newsdesk(d, &["--database", "r.db", "recluster"], &[]));
    assert!(again.contains(&format!(" into {stories} in ")), "the same stories again: {first} / {again}");
    let out = newsdesk(d, &["--database", "r.db", "recluster", "--all"], &[]);
    assert_eq!(out.status.code(), Some(2), "unknown flags are refused");
}

fn with_stdin(dir: &Path, args: &[&str], input: &str) -> Output {
    let mut child = Command::new(BIN)
        .current_dir(dir)
        .args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn admin_create_user_reads_the_password_from_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let short = with_stdin(d, &["--database", "a.db", "admin", "create-user", "editor"], "short\n");
    assert_eq!(short.status.code(), Some(1));
    assert!(text(&short.stderr).contains("at least 10 characters"), "{}", text(&short.stderr));
    let made = with_stdin(d, &["--database", "a.db", "admin", "create-user", "editor"], "harbour lights 42\n");
    assert_eq!(ok(&made).trim(), "Created administrator editor. Sign in at /admin.");
    let again = with_stdin(d, &["--database", "a.db", "admin", "create-user", "editor"], "another password 1\n");
    assert!(text(&again.stderr).contains("already an administrator called editor"));
    let spaced = with_stdin(d, &["--database", "a.db", "admin", "create-user", "two words"], "harbour lights 42\n");
    assert!(text(&spaced.stderr).contains("without spaces"));
    // The password is stored hashed, never as typed.
    for file in ["a.db", "a.db-wal"] {
        let bytes = std::fs::read(d.join(file)).unwrap_or_default();
        assert!(!bytes.windows(17).any(|w| w == b"harbour lights 42"), "{file}");
    }

    // Listed, removed, and tokens revoked; never a token or a password printed.
    let run = |args: &[&str]| newsdesk(d, &[&["--database", "a.db"][..], args].concat(), &[]);
    let token = ok(&run(&["admin", "create-token", "bot"]));
    let secret = token.lines().nth(1).unwrap().trim().to_owned();
    let listed = ok(&run(&["admin", "users"]));
    assert!(listed.contains("Administrators (1):\n  editor  (since "), "{listed}");
    assert!(listed.contains("API tokens (1):\n  bot  (since "), "{listed}");
    assert!(!listed.contains(&secret));
    assert!(ok(&run(&["admin", "revoke-token", "bot"])).contains("Revoked API token bot"));
    assert!(ok(&run(&["admin", "delete-user", "editor"])).contains("Removed administrator editor"));
    let gone = run(&["admin", "delete-user", "editor"]);
    assert_eq!(gone.status.code(), Some(1));
    assert!(text(&gone.stderr).contains("no administrator called editor"), "{}", text(&gone.stderr));
    assert!(ok(&run(&["admin", "users"])).contains("Administrators (0):\n  none"));
    assert!(text(&run(&["admin", "revoke-token", "bot"]).stderr).contains("no API token called bot"));
}

#[test]
fn extract_prints_one_json_line_per_page_from_files_and_directories() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let pages = d.join("pages");
    std::fs::create_dir_all(pages.join("more")).unwrap();
    let paragraph = "The harbour at Port Ellis reopened on Tuesday after three weeks of repairs to the sea wall, which storms had breached twice in January.";
    let page = format!(
        r#"<html lang="en"><head><title>Harbour reopens | Coast Herald</title><meta name="author" content="Ana Ruiz">
<meta property="article:published_time" content="2026-03-03T09:30:00Z"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Harbour reopens</h1><p>{paragraph}</p><p>{paragraph} Again, in other words.</p></article></body></html>"#
    );
    std::fs::write(pages.join("a.html"), &page).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(page.as_bytes()).unwrap();
    std::fs::write(pages.join("more").join("b.html.gz"), gz.finish().unwrap()).unwrap();
    std::fs::write(pages.join("notes.txt"), "not a page").unwrap();
    std::fs::write(d.join("empty.html"), "").unwrap();

    let out = newsdesk(d, &["extract", "--format", "json", "pages", "empty.html", "missing.html"], &[]);
    assert_eq!(out.status.code(), Some(1), "a page that cannot be read fails the run: {}", text(&out.stderr));
    let lines: Vec<serde_json::Value> = text(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let sources: Vec<&str> = lines.iter().map(|l| l["source"].as_str().unwrap()).collect();
    assert_eq!(sources, vec!["pages/a.html", "pages/more/b.html.gz", "empty.html", "missing.html"]);
    for l in &lines[..2] {
        assert_eq!(l["title"], "Harbour reopens");
        assert_eq!(l["byline"], "Ana Ruiz");
        assert_eq!(l["published"], "2026-03-03T09:30:00+00:00");
        assert_eq!(l["language"], "en");
        assert_eq!(l["is_article"], true);
        assert!(l["text"].as_str().unwrap().starts_with(paragraph), "{l}");
        assert!(l["html"].as_str().unwrap().starts_with("<p>The harbour"), "{l}");
    }
    assert_eq!(lines[2]["is_article"], false);
    assert_eq!(lines[2]["not_article"], "the page is empty");
    assert!(lines[3]["error"].as_str().unwrap().starts_with("cannot read missing.html"), "{}", lines[3]);

    let out = ok(&newsdesk(d, &["extract", "pages/a.html"], &[]));
    assert!(out.starts_with("== pages/a.html\nHarbour reopens\nBy: Ana Ruiz\n"), "{out}");
}

#[test]
fn backup_copies_the_database_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let pages = testdata("pages");
    ok(&newsdesk(d, &["--database", "live.db", "import", pages.to_str().unwrap()], &[]));
    let out = ok(&newsdesk(d, &["--database", "live.db", "backup", "copy.db"], &[]));
    assert!(out.starts_with("Backed up the database to copy.db ("), "{out}");
    // The copy is a whole database: it exports the same articles.
    ok(&newsdesk(d, &["--database", "live.db", "export", "--format", "jsonl", "--out", "from-live"], &[]));
    ok(&newsdesk(d, &["--database", "copy.db", "export", "--format", "jsonl", "--out", "from-copy"], &[]));
    assert_eq!(sorted_files(&d.join("from-live")), sorted_files(&d.join("from-copy")));
    let again = newsdesk(d, &["--database", "live.db", "backup", "copy.db"], &[]);
    assert_eq!(again.status.code(), Some(1));
    let said = text(&again.stderr);
    assert_eq!(said.matches("copy.db exists already").count(), 1, "said once: {said}");
    assert!(!said.contains("invalid article"), "a backup is not an article: {said}");
    let unopenable = newsdesk(d, &["--database", "no/such/dir/n.db", "feeds", "list"], &[]);
    let said = text(&unopenable.stderr);
    assert_eq!(said.matches("unable to open database file").count(), 1, "said once: {said}");
}

#[test]
fn config_dump_shows_the_settings_in_effect_without_passwords() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("newsdesk.toml"), "[site]\ntitle = \"Coast Desk\"\n[crawl]\nconcurrency = 4\n").unwrap();
    let out = ok(&newsdesk(
        d,
        &["config", "dump"],
        &[("NEWSDESK_CRAWL_FULL_TEXT", "false"), ("NEWSDESK_DATABASE_URL", "postgres://news:hunter2@db.example/news")],
    ));
    let dumped: toml::Value = toml::from_str(&out).unwrap();
    assert_eq!(dumped["site"]["title"].as_str(), Some("Coast Desk"), "from the file");
    assert_eq!(dumped["crawl"]["concurrency"].as_integer(), Some(4));
    assert_eq!(dumped["crawl"]["full_text"].as_bool(), Some(false), "from the environment");
    assert_eq!(dumped["database"]["url"].as_str(), Some("postgres://news:***@db.example/news"));
    assert!(!out.contains("hunter2"));
}

#[test]
fn opml_import_follows_every_outline_it_can_and_says_which_it_could_not() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("subs.opml"),
        r#"<opml version="2.0"><body><outline text="One" xmlUrl="https://one.example/feed.xml"/><outline text="Local" xmlUrl="http://LOCALHOST./"/><outline text="Two" xmlUrl="https://two.example/rss"/></body></opml>"#,
    )
    .unwrap();
    let out = newsdesk(d, &["--database", "o.db", "feeds", "import", "subs.opml"], &[]);
    assert_eq!(out.status.code(), Some(1), "the exit status says one was not followed");
    let said = text(&out.stderr);
    assert!(said.contains("Added 2 feeds from subs.opml."), "{said}");
    assert!(said.contains("http://localhost./: not followed: `localhost.` has no registrable domain"), "{said}");
    let list = ok(&newsdesk(d, &["--database", "o.db", "feeds", "list"], &[]));
    assert!(list.contains("https://one.example/feed.xml") && list.contains("https://two.example/rss"), "{list}");
}
