//! Understanding articles: the one code path shared by ingestion, import, `newsdesk
//! recluster` and `newsdesk analyze`.
//!
//! Two steps. [`analyze`] is the work that depends on one article only (language, summary,
//! entities, keyphrases, fingerprint, credits); it is pure and runs on any thread.
//! [`Understanding::place`] is the work that depends on the articles before (copies and
//! stories); it runs in publication order on one state.

use chrono::{DateTime, Utc};
use newsdesk_stories::{
    Assignment, ClusterConfig, CopyConfig, CopyDetector, CopyInput, Entity, Fingerprint, ShortForms, StoryArticle,
    StoryClusterer, SummaryConfig, credited_sources, detect_article_language, extract_entities, keyphrases, summarize,
};

/// Keyphrases kept per article.
pub const KEYPHRASES: usize = 5;

/// What to compute; everything by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fields {
    pub language: bool,
    pub summary: bool,
    pub entities: bool,
    pub keyphrases: bool,
    pub copies: bool,
    pub stories: bool,
}

impl Default for Fields {
    fn default() -> Self {
        Self { language: true, summary: true, entities: true, keyphrases: true, copies: true, stories: true }
    }
}

/// A name in a field list that is not a field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a field: expected language, summary, entities, keyphrases, copies, stories")]
pub struct UnknownField(pub String);

impl Fields {
    /// Reads a comma-separated list such as `language,summary`.
    ///
    /// # Errors
    /// [`UnknownField`] for a name that is not a field.
    pub fn parse(list: &str) -> Result<Self, UnknownField> {
        let mut f =
            Self { language: false, summary: false, entities: false, keyphrases: false, copies: false, stories: false };
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match name {
                "language" => f.language = true,
                "summary" => f.summary = true,
                "entities" => f.entities = true,
                "keyphrases" => f.keyphrases = true,
                "copies" | "copy_of" => f.copies = true,
                "stories" | "story" => f.stories = true,
                other => return Err(UnknownField(other.to_owned())),
            }
        }
        Ok(f)
    }
}

/// One article as understanding reads it.
#[derive(Debug, Clone, Copy)]
pub struct ArticleText<'a> {
    /// Any stable id; copies name their original by it.
    pub id: &'a str,
    pub title: &'a str,
    pub text: &'a str,
    /// The outlet (a name or domain), if known.
    pub source: Option<&'a str>,
    /// The domain the article credits as its original, if it says.
    pub original_domain: Option<&'a str>,
    /// Its language (a BCP 47 tag), when already known.
    pub language: Option<&'a str>,
    /// True when only the day of publication is known.
    pub day_only: bool,
}

/// The work that depends on one article only.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub language: Option<&'static str>,
    /// Summary sentences, in article order.
    pub summary: Vec<String>,
    pub entities: Vec<Entity>,
    pub keyphrases: Vec<String>,
    fingerprint: Fingerprint,
    credits: Vec<String>,
}

/// Analyzes one article: pure, on any thread.
#[must_use]
pub fn analyze(article: &ArticleText<'_>, fields: Fields, summary: &SummaryConfig) -> Analysis {
    // The language is detected once, when asked for or needed: the summary's rules for English
    // words, the cues of names and the words that end keyphrases are the language's own (a
    // detection is also remembered from when the article was stored).
    let detected = if fields.language || fields.summary || fields.entities || fields.keyphrases {
        detect_article_language(article.title, article.text)
    } else {
        None
    };
    let language = if fields.language { detected } else { None };
    let (fingerprint, credits) = if fields.copies {
        let mut credits = credited_sources(article.text);
        if let Some(domain) = article.original_domain {
            let domain = domain.trim_start_matches("www.").to_lowercase();
            if !domain.is_empty() && !credits.contains(&domain) {
                credits.push(domain);
            }
        }
        (Fingerprint::of(article.text), credits)
    } else {
        (Fingerprint::of(""), Vec::new())
    };
    Analysis {
        language,
        summary: if fields.summary {
            summarize(article.text, &SummaryConfig { language: detected, ..*summary })
        } else {
            Vec::new()
        },
        // A text too short to tell is read in the language its feed declares.
        entities: if fields.entities {
            extract_entities(article.title, article.text, detected.map(|l| l as &str).or(article.language))
        } else {
            Vec::new()
        },
        keyphrases: if fields.keyphrases {
            keyphrases(article.title, article.text, detected.map(|l| l as &str).or(article.language), KEYPHRASES)
        } else {
            Vec::new()
        },
        fingerprint,
        credits,
    }
}

/// Where an article went.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    /// The id of the original, when the article is a syndicated copy.
    pub copy_of: Option<String>,
    /// Its story; `None` when stories were not asked for.
    pub story: Option<Assignment>,
    /// When the article was taken to be published.
    pub at: DateTime<Utc>,
}

/// What understanding remembers from one article to the next: the copy detector, the story
/// clusterer and the full names that surnames and letters stand for. Deterministic: the same
/// articles in the same order give the same result.
#[derive(Debug)]
pub struct Understanding {
    stories: StoryClusterer,
    copies: CopyDetector,
    short_forms: ShortForms,
    /// Articles without a date are taken to be as new as the newest seen so far.
    latest: Option<DateTime<Utc>>,
}

impl Default for Understanding {
    fn default() -> Self {
        Self::new(ClusterConfig::default(), CopyConfig::default())
    }
}

impl Understanding {
    #[must_use]
    pub fn new(clusters: ClusterConfig, copies: CopyConfig) -> Self {
        Self {
            stories: StoryClusterer::new(clusters),
            copies: CopyDetector::new(copies),
            short_forms: ShortForms::default(),
            latest: None,
        }
    }

    /// Places an analyzed article among the articles before it. `published` `None` is "now"
    /// in the stream: the newest time seen so far, else `fallback`.
    pub fn place(
        &mut self,
        article: &ArticleText<'_>,
        analysis: &mut Analysis,
        published: Option<DateTime<Utc>>,
        fallback: DateTime<Utc>,
        fields: Fields,
    ) -> Placement {
        let at = published.or(self.latest).unwrap_or(fallback);
        self.latest = Some(self.latest.map_or(at, |l| l.max(at)));
        let copy_of = if fields.copies {
            let fingerprint = std::mem::replace(&mut analysis.fingerprint, Fingerprint::of(""));
            let credits = std::mem::take(&mut analysis.credits);
            self.copies
                .check_prepared(
                    CopyInput { id: article.id, text: article.text, source: article.source, published: at },
                    fingerprint,
                    credits,
                )
                .copy_of
        } else {
            None
        };
        let story = fields.stories.then(|| {
            self.stories.assign_article(&StoryArticle {
                title: article.title,
                text: article.text,
                language: analysis.language.or(article.language),
                at,
                day_only: article.day_only && published.is_some(),
            })
        });
        Placement { copy_of, story, at }
    }

    /// Names the article's people written by surname alone, and organisations by their letters
    /// alone, after the full name the articles before it give that short form (see
    /// [`ShortForms`]; `published` `None` is the newest time seen so far), and remembers its
    /// full names. Call once per article, in the order articles are placed.
    pub fn name_short_forms(&mut self, entities: &mut Vec<Entity>, text: &str, published: Option<DateTime<Utc>>) {
        self.short_forms.resolve(entities, text, published.or(self.latest));
    }

    /// True while a story can still be joined or merged.
    #[must_use]
    pub fn story_active(&self, story: u64) -> bool {
        self.stories.is_active(story)
    }

    /// Stories in the candidate index.
    #[must_use]
    pub fn active_stories(&self) -> usize {
        self.stories.active_stories()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn text(id: &'static str, title: &'static str, body: &'static str) -> ArticleText<'static> {
        ArticleText { id, title, text: body, source: None, original_domain: None, language: None, day_only: false }
    }

    #[test]
    fn fields_parse_names_and_refuse_others() {
        let f = Fields::parse("language, story").unwrap();
        assert!(f.language && f.stories && !f.summary && !f.copies);
        assert!(Fields::parse("summary,colour").unwrap_err().to_string().contains("`colour` is not a field"));
    }

    #[test]
    fn a_text_too_short_to_tell_is_read_in_its_declared_language() {
        let short = text("a", "Kurz", "Die Polizei Kiel: Razzia.");
        let keys = |article: &ArticleText<'_>| -> Vec<String> {
            let fields = Fields::parse("entities").unwrap();
            analyze(article, fields, &SummaryConfig::default()).entities.into_iter().map(|e| e.key).collect()
        };
        // Too short to tell, it is guessed as another language, and the organisation is lost.
        assert_eq!(keys(&ArticleText { language: Some("de-DE"), ..short }), ["polizei kiel"]);
    }

    #[test]
    fn an_original_domain_is_a_credit_and_a_copy_names_its_original() {
        let body = "The harbour authority said on Tuesday that the northern quay would close for repairs \
                    for six weeks, diverting ferries to the southern terminal while divers inspect the \
                    piles. Officials said the work had been planned since a survey last winter found \
                    cracks in three supports, and that freight would not be affected by the closure.";
        let mut u = Understanding::default();
        let t = Utc.with_ymd_and_hms(2026, 5, 4, 9, 0, 0).unwrap();
        let original = ArticleText { source: Some("harbourwire.example"), ..text("a", "Quay to close", body) };
        let mut analysis = analyze(&original, Fields::default(), &SummaryConfig::default());
        let first = u.place(&original, &mut analysis, Some(t), t, Fields::default());
        assert_eq!(first.copy_of, None);
        assert!(first.story.as_ref().is_some_and(|s| s.created));
        let copy = ArticleText {
            source: Some("towncrier.example"),
            original_domain: Some("www.harbourwire.example"),
            ..text("b", "Northern quay shuts for six weeks", body)
        };
        let mut analysis = analyze(&copy, Fields::default(), &SummaryConfig::default());
        let second = u.place(&copy, &mut analysis, None, t, Fields::default());
        assert_eq!(second.copy_of.as_deref(), Some("a"));
        assert_eq!(second.at, t, "an undated article is as new as the newest seen");
        assert_eq!(second.story.as_ref().map(|s| s.story), first.story.as_ref().map(|s| s.story));
    }
}
