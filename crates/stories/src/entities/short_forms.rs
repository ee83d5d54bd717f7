//! People named by surname alone, and organisations by their letters alone, across articles.
//! An article that writes only "Biden" (a headline, "President Biden said ...") names the
//! person other articles name in full, and one that writes only "NCAA" the organisation others
//! spell out beside those letters; within one article the full name joins its surname or its
//! letters (see `join_surnames`, `join_abbreviations`), and [`ShortForms`] does the same
//! across a stream of articles, so that one person or organisation has one entity and one
//! page.

use std::collections::VecDeque;

use chrono::{DateTime, Duration, Utc};

use super::{Entity, EntityKind, known};
use crate::hash::HashMap;

/// Short forms remembered at most; the ones seen least recently go first.
const MAX_SHORT_FORMS: usize = 50_000;
/// Full names remembered for one short form at most; the least named goes first.
const MAX_NAMES_PER_SHORT_FORM: usize = 16;
/// Articles a full name must have been named in before its surname alone is taken for it.
const MIN_ARTICLES: u32 = 2;
/// The same for an organisation's letters: an article that spells them out beside the name
/// says outright what they stand for.
const MIN_ARTICLES_LETTERS: u32 = 1;
/// How many times more articles the full name needs than any other of the same surname.
const DOMINANCE: u32 = 3;
/// A full name counts for its surname while named in full this recently: a surname alone
/// names someone in the news now.
const RECENT_DAYS: i64 = 30;

/// A short form: a person's surname, or an organisation's letters (lowercase).
type Short = (EntityKind, String);

/// The people named in full so far, by surname, and the organisations spelled out beside their
/// letters, by those letters, with how many articles named each.
#[derive(Debug, Default)]
pub struct ShortForms {
    by_short: HashMap<Short, Vec<FullName>>,
    /// Short forms in the order they were last seen (one may appear more than once: only its
    /// newest place counts), to forget the stalest when there are too many.
    seen: VecDeque<(Short, u64)>,
    last_seen: HashMap<Short, u64>,
    articles: u64,
}

#[derive(Debug, Clone)]
struct FullName {
    key: String,
    name: String,
    articles: u32,
    /// When it was last named in full (`None` for articles without a time).
    last: Option<DateTime<Utc>>,
}

impl ShortForms {
    /// Names the article's surname-alone people, and its organisations written by their
    /// letters alone, after the full name the articles before it give that short form, when
    /// one full name clearly has it (named in two articles or more in the last
    /// [`RECENT_DAYS`] before `at`, one for letters spelled out, three times as often as any
    /// other of the short form) and the article names no one else by it (not in full among
    /// its entities, nor, for a person, a given name before the surname in its `text`: "Rui
    /// Kell" is no "Ana Kell"); then remembers the article's full names. The short form stays
    /// among the entity's other names. Deterministic: the same articles in the same order
    /// give the same names.
    pub fn resolve(&mut self, entities: &mut Vec<Entity>, text: &str, at: Option<DateTime<Utc>>) {
        self.articles += 1;
        // The short forms of the names this article writes in full (remembered below; a short
        // form resolved here is not a full name written).
        let written: Vec<(Short, String, String)> = entities.iter().flat_map(short_forms).collect();
        let shorts_here: Vec<&Short> = written.iter().map(|(s, ..)| s).collect();
        for e in entities.iter_mut() {
            let short = match e.kind {
                EntityKind::Person if !e.key.contains(' ') => (EntityKind::Person, e.key.clone()),
                EntityKind::Organization if !e.key.contains(' ') && known::is_abbreviation(&e.name) => {
                    (EntityKind::Organization, e.key.clone())
                }
                _ => continue,
            };
            if shorts_here.contains(&&short) {
                continue;
            }
            if let Some(full) = self.dominant(&short, at)
                && (e.kind != EntityKind::Person || !named_otherwise(text, &e.name, &full.key))
            {
                // The short form stays one of its names: the entity's page lists it, and the
                // address a surname or letters alone had before names joined finds it.
                if !e.also.contains(&e.name) {
                    e.also.push(e.name.clone());
                    e.also.sort();
                }
                e.key.clone_from(&full.key);
                e.name.clone_from(&full.name);
            }
        }
        // Two short forms resolved to one name are one entity.
        let mut merged: Vec<Entity> = Vec::with_capacity(entities.len());
        for e in entities.drain(..) {
            match merged.iter_mut().find(|m| m.kind == e.kind && m.key == e.key) {
                Some(m) => {
                    m.mentions = m.mentions.saturating_add(e.mentions);
                    for a in e.also {
                        if !m.also.contains(&a) {
                            m.also.push(a);
                        }
                    }
                    m.also.sort();
                }
                None => merged.push(e),
            }
        }
        *entities = merged;
        for (short, key, name) in written {
            self.remember(short, &key, &name, at);
        }
        self.forget_stalest();
    }

    fn dominant(&self, short: &Short, at: Option<DateTime<Utc>>) -> Option<&FullName> {
        let since = at.and_then(|at| at.checked_sub_signed(Duration::days(RECENT_DAYS)));
        let recent = |n: &&FullName| match (n.last, since) {
            (Some(last), Some(since)) => last >= since,
            _ => true,
        };
        let names: Vec<&FullName> = self.by_short.get(short)?.iter().filter(recent).collect();
        let best = *names.iter().max_by(|a, b| a.articles.cmp(&b.articles).then(b.key.cmp(&a.key)))?;
        let second = names.iter().filter(|n| n.key != best.key).map(|n| n.articles).max().unwrap_or(0);
        let least = if short.0 == EntityKind::Person { MIN_ARTICLES } else { MIN_ARTICLES_LETTERS };
        (best.articles >= least && best.articles >= second.saturating_mul(DOMINANCE)).then_some(best)
    }

    fn remember(&mut self, short: Short, key: &str, name: &str, at: Option<DateTime<Utc>>) {
        let names = self.by_short.entry(short.clone()).or_default();
        match names.iter_mut().find(|n| n.key == key) {
            Some(n) => {
                n.articles = n.articles.saturating_add(1);
                n.last = n.last.max(at);
                if name.chars().count() > n.name.chars().count() {
                    name.clone_into(&mut n.name);
                }
            }
            None => {
                if names.len() >= MAX_NAMES_PER_SHORT_FORM
                    && let Some(least) =
                        names.iter().enumerate().min_by_key(|(_, n)| (n.articles, n.last)).map(|(i, _)| i)
                {
                    names.swap_remove(least);
                }
                names.push(FullName { key: key.to_owned(), name: name.to_owned(), articles: 1, last: at });
            }
        }
        self.last_seen.insert(short.clone(), self.articles);
        self.seen.push_back((short, self.articles));
    }

    fn forget_stalest(&mut self) {
        while self.by_short.len() > MAX_SHORT_FORMS || self.seen.len() > 4 * MAX_SHORT_FORMS {
            let Some((short, at)) = self.seen.pop_front() else { break };
            // Only the short form's newest place in the queue forgets it.
            if self.last_seen.get(&short) == Some(&at) {
                self.last_seen.remove(&short);
                self.by_short.remove(&short);
            }
        }
    }

    /// Short forms remembered now.
    #[must_use]
    pub fn len(&self) -> usize {
        self.by_short.len()
    }

    /// True before any full name is remembered.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.by_short.is_empty()
    }
}

/// The short forms a name written in full has here: a person's surname, an organisation's
/// letters the article writes beside its name ("NCAA" of the National Collegiate Athletic
/// Association).
fn short_forms(e: &Entity) -> Vec<(Short, String, String)> {
    match e.kind {
        EntityKind::Person => surname_of(&e.key)
            .map(|s| ((EntityKind::Person, s.to_owned()), e.key.clone(), e.name.clone()))
            .into_iter()
            .collect(),
        EntityKind::Organization if e.key.contains(' ') => e
            .also
            .iter()
            .filter(|a| known::is_abbreviation(a))
            .map(|a| ((EntityKind::Organization, a.to_lowercase()), e.key.clone(), e.name.clone()))
            .collect(),
        _ => Vec::new(),
    }
}

/// Whether the text writes a given name other than the full name's first before the surname
/// ("Rui Kell" where the full name is "ana kell").
fn named_otherwise(text: &str, surname: &str, full_key: &str) -> bool {
    let first = full_key.split(' ').next().unwrap_or("");
    let words: Vec<&str> = text.split_whitespace().collect();
    words.windows(2).any(|w| {
        let before = w[0].trim_matches(|c: char| !c.is_alphanumeric());
        let this = w[1].trim_end_matches(|c: char| !c.is_alphanumeric());
        let this = this.strip_suffix("'s").or_else(|| this.strip_suffix("\u{2019}s")).unwrap_or(this);
        this == surname
            && before.starts_with(char::is_uppercase)
            && !before.eq_ignore_ascii_case(first)
            && known::is_given_name(&before.to_lowercase())
    })
}

/// The surname of a person's key of two words or more ("joseph r. biden jr.": "biden"); `None`
/// for a key of one word.
fn surname_of(key: &str) -> Option<&str> {
    const SUFFIXES: &[&str] = &["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"];
    let words: Vec<&str> = key.split(' ').filter(|w| !SUFFIXES.contains(w)).collect();
    (words.len() >= 2).then(|| words[words.len() - 1]).filter(|s| s.chars().count() >= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str) -> Entity {
        let key = name.to_lowercase();
        Entity { name: name.to_owned(), key, kind: EntityKind::Person, mentions: 1, also: Vec::new() }
    }

    fn keys(entities: &[Entity]) -> Vec<&str> {
        entities.iter().map(|e| e.key.as_str()).collect()
    }

    #[test]
    fn a_surname_alone_names_the_person_articles_name_in_full() {
        let mut people = ShortForms::default();
        let mut first = vec![person("Ana Kellner")];
        people.resolve(&mut first, "", None);
        // Once is not enough to be sure.
        let mut alone = vec![person("Kellner")];
        people.resolve(&mut alone, "", None);
        assert_eq!(keys(&alone), ["kellner"]);
        people.resolve(&mut vec![person("Ana Kellner"), person("Bo Dart")], "", None);
        let mut alone = vec![person("Kellner"), person("Dart")];
        people.resolve(&mut alone, "", None);
        assert_eq!(keys(&alone), ["ana kellner", "dart"], "Dart was named in full once only");
        assert_eq!(alone[0].name, "Ana Kellner");
        assert_eq!(alone[0].also, ["Kellner"], "the surname is one of her names");
        assert!(alone[1].also.is_empty());
        // An article that names another Kellner in full keeps its own reading.
        let mut own = vec![person("Kellner"), person("Rui Kellner")];
        people.resolve(&mut own, "", None);
        assert_eq!(keys(&own), ["kellner", "rui kellner"]);
    }

    #[test]
    fn letters_alone_name_the_organisation_spelled_out_beside_them() {
        let spelled = || Entity {
            name: "Harbour Pilots Association".into(),
            key: "harbour pilots association".into(),
            kind: EntityKind::Organization,
            mentions: 2,
            also: vec!["HPA".into()],
        };
        let letters = || Entity {
            name: "HPA".into(),
            key: "hpa".into(),
            kind: EntityKind::Organization,
            mentions: 1,
            also: Vec::new(),
        };
        let mut people = ShortForms::default();
        people.resolve(&mut vec![spelled()], "", None);
        let mut alone = vec![letters(), person("Hpa")];
        people.resolve(&mut alone, "", None);
        assert_eq!(keys(&alone), ["harbour pilots association", "hpa"], "a person's name is not letters");
        assert_eq!(alone[0].name, "Harbour Pilots Association");
        assert_eq!(alone[0].also, ["HPA"], "the letters are one of its names");
    }

    #[test]
    fn a_surname_two_people_share_stays_alone() {
        let mut people = ShortForms::default();
        for _ in 0..3 {
            people.resolve(&mut vec![person("Ana Kellner")], "", None);
            people.resolve(&mut vec![person("Rui Kellner")], "", None);
        }
        let mut alone = vec![person("Kellner")];
        people.resolve(&mut alone, "", None);
        assert_eq!(keys(&alone), ["kellner"]);
        // Until one of them is named far more often.
        for _ in 0..8 {
            people.resolve(&mut vec![person("Ana Kellner")], "", None);
        }
        let mut alone = vec![person("Kellner")];
        people.resolve(&mut alone, "", None);
        assert_eq!(keys(&alone), ["ana kellner"]);
    }

    #[test]
    fn another_given_name_in_the_text_or_an_old_full_name_leaves_the_surname_alone() {
        use chrono::TimeZone;
        let day = |d: u32| Some(Utc.with_ymd_and_hms(2026, 3, d, 12, 0, 0).unwrap());
        let mut people = ShortForms::default();
        people.resolve(&mut vec![person("Ana Kellner")], "", day(1));
        people.resolve(&mut vec![person("Ana Kellner")], "", day(2));
        let mut alone = vec![person("Kellner")];
        people.resolve(&mut alone, "Senator Rui Kellner said on Friday that Kellner's bill would pass.", day(3));
        assert_eq!(keys(&alone), ["kellner"], "another Kellner is meant");
        let mut alone = vec![person("Kellner")];
        people.resolve(&mut alone, "President Kellner said on Friday that the bill would pass.", day(3));
        assert_eq!(keys(&alone), ["ana kellner"]);
        // Two months on, a surname alone may be someone else.
        let later = Some(Utc.with_ymd_and_hms(2026, 5, 20, 12, 0, 0).unwrap());
        let mut alone = vec![person("Kellner")];
        people.resolve(&mut alone, "Kellner spoke.", later);
        assert_eq!(keys(&alone), ["kellner"]);
    }

    #[test]
    fn suffixes_are_no_surname_and_memory_is_bounded() {
        assert_eq!(surname_of("joseph r. biden jr."), Some("biden"));
        assert_eq!(surname_of("biden"), None);
        let mut people = ShortForms::default();
        for i in 0..(MAX_SHORT_FORMS + 10) {
            people.resolve(&mut vec![person(&format!("Ana Kell{i}"))], "", None);
        }
        assert_eq!(people.len(), MAX_SHORT_FORMS);
        for i in 0..40 {
            people.resolve(&mut vec![person(&format!("Ana{i} Dart"))], "", None);
        }
        assert_eq!(people.by_short[&(EntityKind::Person, "dart".to_owned())].len(), MAX_NAMES_PER_SHORT_FORM);
        // The stalest went first.
        assert!(!people.by_short.contains_key(&(EntityKind::Person, "kell0".to_owned())));
        assert!(people.by_short.contains_key(&(EntityKind::Person, format!("kell{}", MAX_SHORT_FORMS + 9))));
    }
}
