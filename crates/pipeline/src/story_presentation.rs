//! A story's title and summary drawn from all its articles (the stories crate's digest), again
//! as the story grows: the headline of its most central recent article, and what its outlets
//! agree on. Until a story has two articles, its lead article's title and summary stand.

use newsdesk_model::StoryId;
use newsdesk_store::{Presented, Store, StoreError, StoryMember};
use newsdesk_stories::{Member, digest};

/// Articles of a story read to draw its title and summary (the newest).
const MEMBERS: u32 = 24;

/// The language of the site's readers unless `site.language` says otherwise: English, the
/// language of its pages. A story told in several languages is titled and summarised in it
/// where one of its articles is (see [`digest`]).
pub const READERS_LANGUAGE: &str = "en";

/// Draws again the title and summary of those of `stories` that are due (see
/// [`Store::stories_to_present`]). Returns how many were drawn.
///
/// # Errors
/// Database errors.
pub(crate) async fn present(store: &Store, stories: &[StoryId], readers: &str) -> Result<usize, StoreError> {
    let mut stories = stories.to_vec();
    stories.sort_unstable();
    stories.dedup();
    let due = store.stories_to_present(&stories).await?;
    if due.is_empty() {
        return Ok(0);
    }
    let counts: std::collections::HashMap<StoryId, u32> = due.iter().copied().collect();
    let ids: Vec<StoryId> = due.iter().map(|(story, _)| *story).collect();
    let read = store.story_members(&ids, MEMBERS, Some(readers)).await?;
    let readers = readers.to_owned();
    let presented = tokio::task::spawn_blocking(move || {
        read.iter()
            .filter_map(|(story, members)| draw(*story, counts.get(story).copied().unwrap_or(0), members, &readers))
            .collect::<Vec<_>>()
    })
    .await
    .map_err(|e| StoreError::Corrupt(format!("drawing story titles failed: {e}")))?;
    store.present_stories(&presented).await?;
    Ok(presented.len())
}

/// The title and summary of a story from its articles; `None` when they give no summary.
fn draw(story: StoryId, count: u32, members: &[StoryMember], readers: &str) -> Option<Presented> {
    let read: Vec<Member<'_>> = members
        .iter()
        .map(|m| Member {
            title: &m.title,
            text: &m.lead,
            source: m.source.as_deref(),
            at: m.at,
            language: m.language.as_deref(),
        })
        .collect();
    let d = digest(&read, Some(readers))?;
    let summary = d.summary.join(" ");
    if summary.trim().is_empty() {
        return None;
    }
    let lead = members.get(d.title)?;
    Some(Presented { story, title: lead.title.clone(), summary, language: lead.language.clone(), count })
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone, Utc};

    use super::*;

    fn member(title: &str, lead: &str, source: &str, hours: i64) -> StoryMember {
        StoryMember {
            title: title.into(),
            lead: lead.into(),
            source: Some(source.into()),
            at: Utc.with_ymd_and_hms(2026, 3, 2, 8, 0, 0).single().unwrap_or_default() + Duration::hours(hours),
            language: None,
        }
    }

    #[test]
    fn the_title_is_a_central_recent_headline_and_the_summary_what_outlets_share() {
        let members = [
            member(
                "Dock workers walk out at Port Ellis",
                "Dock workers at Port Ellis walked out on Wednesday over pay. The union said the strike would last until a new offer was made.",
                "a.example",
                0,
            ),
            member(
                "Port Ellis strike ends after pay deal",
                "The dock workers' strike at Port Ellis ended on Friday after the union accepted a pay offer. Ships began unloading in the afternoon.",
                "b.example",
                48,
            ),
            member(
                "Dock strike at Port Ellis over as union accepts offer",
                "The strike by dock workers at Port Ellis is over: the union accepted the port's pay offer on Friday. Unloading resumed.",
                "c.example",
                50,
            ),
        ];
        let story = StoryId::new_v7();
        let p = draw(story, 3, &members, READERS_LANGUAGE).unwrap_or_else(|| unreachable!("a summary"));
        assert_ne!(p.title, "Dock workers walk out at Port Ellis", "the title follows the story to its last day");
        assert!(p.title.contains("Port Ellis"), "{}", p.title);
        assert!(p.summary.contains("union"), "{}", p.summary);
        assert_eq!((p.story, p.count), (story, 3));
        assert_eq!(draw(story, 0, &[], READERS_LANGUAGE), None);
    }

    #[test]
    fn the_readers_language_titles_a_story_told_in_several() {
        let told = |title: &str, lead: &str, source: &str, language: &str| StoryMember {
            language: Some(language.into()),
            ..member(title, lead, source, 0)
        };
        let members = [
            told(
                "Port Ellis dockers strike over pay",
                "Dock workers at Port Ellis walked out on Wednesday over pay, the union said.",
                "a.example",
                "en",
            ),
            told(
                "Grève des dockers à Port Ellis",
                "Les dockers de Port Ellis sont en grève depuis mercredi pour leurs salaires, selon le syndicat.",
                "b.example",
                "fr",
            ),
        ];
        let story = StoryId::new_v7();
        let english = draw(story, 2, &members, "en").unwrap_or_else(|| unreachable!("a summary"));
        assert_eq!(english.title, "Port Ellis dockers strike over pay");
        let french = draw(story, 2, &members, "fr").unwrap_or_else(|| unreachable!("a summary"));
        assert_eq!(french.title, "Grève des dockers à Port Ellis");
        assert!(french.summary.starts_with("Les dockers"), "{}", french.summary);
    }
}
