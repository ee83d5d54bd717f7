//! Development aid: places a JSON Lines stream (`id`, `title`, `text`, `published`, as
//! `newsdesk analyze` reads it) into stories with the clusterer alone, and prints one
//! `{"id": ..., "cluster": ...}` line per article (merged stories relabelled at the end).
//! `cargo run --release -p newsdesk-stories --example cluster_stream -- FILE`
#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader};

use chrono::{DateTime, Utc};
use newsdesk_stories::{ClusterConfig, StoryArticle, StoryClusterer, detect_article_language};

fn main() {
    let path = std::env::args().nth(1).expect("usage: cluster_stream FILE.jsonl");
    let reader = BufReader::new(std::fs::File::open(path).expect("readable input"));
    // Settings to try: CLUSTER="threshold=0.2,window_days=5".
    let mut config = ClusterConfig::default();
    for pair in std::env::var("CLUSTER").unwrap_or_default().split(',').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').expect("name=value");
        let f: f32 = v.parse().expect("a number");
        match k {
            "threshold" => config.threshold = f,
            "threshold_per_day" => config.threshold_per_day = f,
            "threshold_days_cap" => config.threshold_days_cap = f,
            "time_across_languages" => config.time_across_languages = f,
            "merge_threshold" => config.merge_threshold = f,
            "idf_prior" => config.idf_prior = f,
            "title_weight" => config.title_weight = f,
            "word_share" => config.word_share = f,
            "anchor_alone" => config.anchor_alone = f,
            "lone_name_words" => config.lone_name_words = f,
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            "query_terms" => config.query_terms = f as usize,
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            "query_anchors" => config.query_anchors = f as usize,
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            "max_candidates" => config.max_candidates = f as usize,
            "headline_penalty" => config.headline_penalty = f,
            #[allow(clippy::cast_possible_truncation)]
            "window_days" => config.window_days = f as i64,
            #[allow(clippy::cast_possible_truncation)]
            "retire_after_days" => config.retire_after_days = f as i64,
            #[allow(clippy::cast_possible_truncation)]
            "headline_gap_hours" => config.headline_gap_hours = f as i64,
            other => panic!("unknown setting {other}"),
        }
    }
    let mut clusterer = StoryClusterer::new(config);
    let mut parent: HashMap<u64, u64> = HashMap::new();
    let mut out: Vec<(String, u64)> = Vec::new();
    for line in reader.lines() {
        let line = line.expect("a line");
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line).expect("JSON");
        let s = |k: &str| v.get(k).and_then(serde_json::Value::as_str).unwrap_or("").to_owned();
        let (title, text) = (s("title"), s("text"));
        let published = s("published");
        let day_only = published.len() == 10;
        let at: DateTime<Utc> = if day_only {
            chrono::NaiveDate::parse_from_str(&published, "%Y-%m-%d")
                .expect("a date")
                .and_hms_opt(12, 0, 0)
                .expect("noon")
                .and_utc()
        } else {
            DateTime::parse_from_rfc3339(&published).expect("a time").to_utc()
        };
        let language = detect_article_language(&title, &text);
        let a = clusterer.assign_article(&StoryArticle { title: &title, text: &text, language, at, day_only });
        for m in a.merged {
            parent.insert(m, a.story);
        }
        out.push((s("id"), a.story));
    }
    let find = |mut s: u64| {
        while let Some(&p) = parent.get(&s) {
            s = p;
        }
        s
    };
    for (id, story) in out {
        println!("{}", serde_json::json!({"id": id, "cluster": find(story)}));
    }
}
