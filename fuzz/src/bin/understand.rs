//! Understanding any text as an article (its first line the headline): language, sentences,
//! summary, entities, keyphrases, copy fingerprint, credited sources, a story for it, and the
//! title and summary of a story whose articles are its paragraphs, and those paragraphs' names
//! read as a stream (surnames and letters alone named after the full names before them).
use newsdesk_stories::{
    ClusterConfig, Fingerprint, Member, ShortForms, StoryArticle, StoryClusterer, SummaryConfig, credited_sources,
    detect_article_language, digest, extract_entities, keyphrases, split_sentences, summarize,
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
        for forced in ["en", "de", "fr", "es", "pt", "it", "pl", "ru", "uk"] {
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
        // Each paragraph an article of one story, an hour apart, in the languages its first
        // word names (or none), from two outlets.
        let members: Vec<Member<'_>> = body
            .split('\n')
            .take(40)
            .enumerate()
            .map(|(i, text)| Member {
                title: text.split('.').next().unwrap_or(text),
                text,
                source: Some(if i % 2 == 0 { "a.example" } else { "b.example" }),
                at: at + chrono::Duration::hours(i64::try_from(i).unwrap_or(0)),
                language: text.split_whitespace().next().filter(|w| w.len() <= 5),
            })
            .collect();
        for readers in [None, Some("en"), language] {
            if let Some(d) = digest(&members, readers) {
                assert!(d.title < members.len());
            }
        }
        let mut short_forms = ShortForms::default();
        for m in &members {
            let mut entities = extract_entities(m.title, m.text, language);
            let before = entities.len();
            short_forms.resolve(&mut entities, m.text, Some(m.at));
            assert!(entities.len() <= before);
        }
    });
}
