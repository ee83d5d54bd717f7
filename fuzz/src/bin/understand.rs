//! Understanding any text as an article (its first line the headline): language, sentences,
//! summary, entities, keyphrases, copy fingerprint, credited sources, and a story for it.
use newsdesk_stories::{
    ClusterConfig, Fingerprint, StoryArticle, StoryClusterer, SummaryConfig, credited_sources,
    detect_article_language, extract_entities, keyphrases, split_sentences, summarize,
};

fn main() {
    let at = chrono::DateTime::from_timestamp(1_780_000_000, 0).expect("a valid time");
    afl::fuzz!(|data: &[u8]| {
        let text = String::from_utf8_lossy(data);
        let (title, body) = text.split_once('\n').unwrap_or((&text, ""));
        let language = detect_article_language(title, body);
        let _ = split_sentences(body);
        let _ = summarize(body, &SummaryConfig { language, ..SummaryConfig::default() });
        let _ = extract_entities(title, body, language);
        // Every lexicon, whatever the detection said: each language reads names its own way.
        for forced in ["en", "de", "fr", "es", "ru", "uk"] {
            let _ = extract_entities(title, body, Some(forced));
        }
        let _ = keyphrases(title, body, language, 8);
        for forced in ["de", "fr", "it"] {
            let _ = keyphrases(title, body, Some(forced), 8);
        }
        let _ = Fingerprint::of(body);
        let _ = credited_sources(body);
        // Twice: the second time beside the first, as a copy or a story of its own.
        let mut stories = StoryClusterer::new(ClusterConfig::default());
        for _ in 0..2 {
            let _ = stories.assign_article(&StoryArticle { title, text: body, language, at, day_only: false });
        }
    });
}
