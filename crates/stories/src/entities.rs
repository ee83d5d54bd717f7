//! The people, organisations and places an article names, and its keyphrases.
//!
//! Names are runs of capitalised words. Within an article, possessives and a leading "The"
//! are folded, and a surname alone ("Peskov") is the person named in full elsewhere ("Dmitry
//! Peskov"). Kinds come from context: titles and reporting verbs for people, organisation
//! words and acronyms for organisations, prepositions of place and a short list of countries,
//! seas and regions for places. Keys are lowercase, so the same entity has one key across
//! articles.

use crate::hash::HashMap;

/// What kind of thing a name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    Person,
    Organization,
    Place,
}

impl EntityKind {
    /// The spelling used in output and storage.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Organization => "organization",
            Self::Place => "place",
        }
    }
}

/// One entity of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// The fullest form the article uses ("Dmitry Peskov").
    pub name: String,
    /// The same for every article: lowercase, possessive and "the" folded.
    pub key: String,
    pub kind: EntityKind,
    /// How often the article names it (surname-only mentions included).
    pub mentions: u32,
}

const PERSON_TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "president",
    "minister",
    "senator",
    "sen",
    "rep",
    "representative",
    "gov",
    "governor",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "judge",
    "king",
    "queen",
    "pope",
    "prince",
    "princess",
    "chancellor",
    "secretary",
    "ceo",
    "chief",
    "director",
    "mayor",
    "general",
    "gen",
    "colonel",
    "captain",
    "professor",
    "prof",
    "sir",
    "lady",
    "lord",
    "coach",
    "leader",
    "chairman",
    "chairwoman",
    "ambassador",
    "envoy",
    "officer",
    "host",
];
const REPORTING: &[&str] =
    &["said", "says", "told", "added", "noted", "stressed", "insisted", "argued", "wrote", "asked"];
const ORG_WORDS: &[&str] = &[
    "inc",
    "corp",
    "corporation",
    "company",
    "co",
    "ltd",
    "group",
    "bank",
    "party",
    "ministry",
    "department",
    "council",
    "committee",
    "commission",
    "agency",
    "university",
    "institute",
    "association",
    "union",
    "organization",
    "organisation",
    "court",
    "parliament",
    "congress",
    "senate",
    "house",
    "kremlin",
    "pentagon",
    "police",
    "army",
    "navy",
    "force",
    "forces",
    "times",
    "news",
    "post",
    "press",
    "fund",
    "foundation",
    "authority",
    "board",
    "office",
    "service",
    "club",
    "federation",
    "league",
    "airlines",
    "ferries",
    "railways",
    "rail",
    "trust",
    "holdings",
    "partners",
    "media",
    "airways",
    "motors",
    "network",
    "channel",
    "school",
    "hospital",
];
const PLACE_WORDS: &[&str] = &[
    "sea",
    "ocean",
    "river",
    "mountains",
    "mountain",
    "island",
    "islands",
    "city",
    "county",
    "province",
    "state",
    "street",
    "bay",
    "gulf",
    "strait",
    "valley",
    "lake",
    "coast",
    "peninsula",
    "region",
    "district",
    "square",
    "port",
    "harbour",
];
/// First words of place names: "Port Alder", "Mount Kenya", "Lake Como".
const PLACE_PREFIXES: &[&str] = &["port", "mount", "mt", "lake", "fort", "cape", "saint", "st", "san", "santa", "isle"];
/// Roles written before a name, capitalised when they open a sentence.
const ROLES: &[&str] = &[
    "librarian",
    "engineer",
    "manager",
    "organiser",
    "organizer",
    "analyst",
    "economist",
    "teacher",
    "doctor",
    "nurse",
    "farmer",
    "lawyer",
    "attorney",
    "official",
    "councillor",
    "councilor",
    "reporter",
    "editor",
    "owner",
    "founder",
    "resident",
    "historian",
    "scientist",
    "researcher",
    "actor",
    "actress",
    "singer",
    "author",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
];

fn is_role(word: &str) -> bool {
    let w = word.to_lowercase();
    ROLES.contains(&w.as_str()) || PERSON_TITLES.contains(&w.as_str())
}

const LOCATIVES: &[&str] = &["in", "at", "from", "near", "to", "across", "outside", "inside", "throughout"];
const PLACES: &[&str] = &[
    "afghanistan",
    "africa",
    "albania",
    "algeria",
    "america",
    "argentina",
    "armenia",
    "asia",
    "australia",
    "austria",
    "azerbaijan",
    "bangladesh",
    "belarus",
    "belgium",
    "bolivia",
    "bosnia",
    "brazil",
    "britain",
    "bulgaria",
    "cambodia",
    "canada",
    "chile",
    "china",
    "colombia",
    "croatia",
    "cuba",
    "cyprus",
    "czechia",
    "denmark",
    "egypt",
    "england",
    "estonia",
    "ethiopia",
    "europe",
    "finland",
    "france",
    "gaza",
    "georgia",
    "germany",
    "ghana",
    "greece",
    "hungary",
    "iceland",
    "india",
    "indonesia",
    "iran",
    "iraq",
    "ireland",
    "israel",
    "italy",
    "japan",
    "jordan",
    "kazakhstan",
    "kenya",
    "korea",
    "kosovo",
    "kuwait",
    "latvia",
    "lebanon",
    "libya",
    "lithuania",
    "luxembourg",
    "malaysia",
    "mali",
    "mexico",
    "moldova",
    "mongolia",
    "morocco",
    "nepal",
    "netherlands",
    "nigeria",
    "norway",
    "pakistan",
    "palestine",
    "peru",
    "philippines",
    "poland",
    "portugal",
    "qatar",
    "romania",
    "russia",
    "rwanda",
    "scotland",
    "serbia",
    "singapore",
    "slovakia",
    "slovenia",
    "somalia",
    "spain",
    "sudan",
    "sweden",
    "switzerland",
    "syria",
    "taiwan",
    "tanzania",
    "thailand",
    "tunisia",
    "turkey",
    "uganda",
    "ukraine",
    "venezuela",
    "vietnam",
    "wales",
    "yemen",
    "zimbabwe",
    "crimea",
    "siberia",
    "london",
    "paris",
    "berlin",
    "moscow",
    "washington",
    "beijing",
    "tokyo",
    "kyiv",
    "kiev",
    "brussels",
    "jerusalem",
    "riyadh",
    "tehran",
    "baghdad",
    "damascus",
    "cairo",
    "istanbul",
    "ankara",
    "new york",
    "los angeles",
    "chicago",
    "saudi arabia",
    "united states",
    "united kingdom",
    "black sea",
    "middle east",
];
const SKIP: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "but",
    "and",
    "or",
    "if",
    "when",
    "while",
    "after",
    "before",
    "as",
    "in",
    "on",
    "at",
    "for",
    "with",
    "from",
    "by",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "mr",
    "mrs",
    "ms",
    "dr",
    "however",
    "meanwhile",
    "moreover",
    "yet",
    "still",
    "also",
    "there",
    "here",
    "what",
    "who",
    "why",
    "how",
    "where",
    "according",
    "despite",
    "following",
    "today",
    "yesterday",
    "tomorrow",
];

/// A capitalised run with its context.
struct Mention {
    words: Vec<String>,
    before: String,
    after: String,
    weak: bool,
}

/// The entities of an article, most mentioned first (ties by name).
#[must_use]
pub fn extract_entities(title: &str, text: &str) -> Vec<Entity> {
    let sample: String = text.chars().take(20_000).collect();
    let mentions = runs(&sample);
    // Group by folded key; remember context votes for the kind.
    let mut groups: HashMap<String, (String, u32, [u32; 3])> = HashMap::default();
    let mut weak: HashMap<String, u32> = HashMap::default();
    for m in &mentions {
        // "Librarian Joan Whitby" at the start of a sentence: the role is not part of the name,
        // and says the name is a person's.
        let role = m.words.len() >= 3 && is_role(&m.words[0]);
        let words = if role { &m.words[1..] } else { &m.words[..] };
        let key = fold(words);
        if m.weak {
            *weak.entry(key).or_default() += 1;
            continue;
        }
        if key.is_empty() || SKIP.contains(&key.as_str()) {
            continue;
        }
        let entry = groups.entry(key).or_insert_with(|| (display(words), 0, [0; 3]));
        entry.1 += 1;
        if display(words).len() > entry.0.len() {
            entry.0 = display(words);
        }
        let votes = &mut entry.2;
        if role || PERSON_TITLES.contains(&m.before.as_str()) || REPORTING.contains(&m.after.as_str()) {
            votes[0] += 1;
        }
        if LOCATIVES.contains(&m.before.as_str()) {
            votes[2] += 1;
        }
    }
    // Titles capitalise every word, so a title counts only where it names what the text names.
    let title_words: Vec<String> = title.split_whitespace().map(|t| clean(t).to_lowercase()).collect();
    for size in 1..=3 {
        for window in title_words.windows(size) {
            let key = fold(window);
            if let Some(entry) = groups.get_mut(&key) {
                entry.1 += 1;
            }
        }
    }
    // A surname alone is the person named in full.
    let full_names: Vec<String> = groups.keys().filter(|k| k.contains(' ')).cloned().collect();
    for (single, n) in weak {
        if full_names.iter().filter(|f| f.rsplit(' ').next() == Some(single.as_str())).count() == 1 {
            let entry = groups.entry(single.clone()).or_insert_with(|| (single.clone(), 0, [0; 3]));
            entry.1 += n;
        }
    }
    let singles: Vec<String> = groups.keys().filter(|k| !k.contains(' ')).cloned().collect();
    for single in singles {
        let owners: Vec<&String> =
            full_names.iter().filter(|f| f.rsplit(' ').next() == Some(single.as_str())).collect();
        if owners.len() == 1 {
            let owner = owners[0].clone();
            if let Some((_, n, votes)) = groups.remove(&single)
                && let Some(full) = groups.get_mut(&owner)
            {
                full.1 += n;
                full.2[0] += votes[0] + 1; // a surname used alone is a person's
            }
        }
    }
    let mut out: Vec<Entity> = groups
        .into_iter()
        .filter_map(|(key, (name, mentions, votes))| {
            let kind = classify(&key, &name, votes)?;
            Some(Entity { name, key, kind, mentions })
        })
        .collect();
    out.sort_by(|a, b| b.mentions.cmp(&a.mentions).then_with(|| a.key.cmp(&b.key)));
    out.truncate(40);
    out
}

fn classify(key: &str, name: &str, votes: [u32; 3]) -> Option<EntityKind> {
    let words: Vec<&str> = key.split(' ').collect();
    let last = *words.last()?;
    let first = words[0];
    let place_prefix = words.len() >= 2 && PLACE_PREFIXES.contains(&first);
    if PLACES.contains(&key)
        || PLACE_WORDS.contains(&last)
        || place_prefix
        || matches!(name, "US" | "USA" | "UK" | "UAE" | "EU")
    {
        return Some(if name == "EU" { EntityKind::Organization } else { EntityKind::Place });
    }
    let acronym = (2..=6).contains(&name.len()) && name.chars().all(|c| c.is_ascii_uppercase());
    if ORG_WORDS.iter().any(|w| words.contains(w)) || acronym {
        return Some(EntityKind::Organization);
    }
    if votes[0] > 0 && votes[0] >= votes[2] {
        return Some(EntityKind::Person);
    }
    if votes[2] > 0 {
        return Some(EntityKind::Place);
    }
    // Two or three capitalised words with no other evidence are most often a person.
    (2..=3).contains(&words.len()).then_some(EntityKind::Person)
}

/// Capitalised runs that do not merely start a sentence, with the word before and after.
fn runs(text: &str) -> Vec<Mention> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let word = clean(tokens[i]);
        let acronym = word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase());
        let capital = acronym
            || (word.chars().next().is_some_and(char::is_uppercase) && word.chars().skip(1).any(char::is_lowercase));
        if !capital {
            i += 1;
            continue;
        }
        let sentence_start = i == 0 || tokens[i - 1].ends_with(['.', '!', '?', ':', '"', '\u{201c}']);
        let start = i;
        let mut words = vec![word.clone()];
        // Punctuation and possessives end a run: "Ukraine's Foreign Ministry" is two names.
        while i + 1 < tokens.len()
            && !tokens[i].ends_with([',', '.', ';', ':', '!', '?', '"', '\u{201d}', ')'])
            && !tokens[i].ends_with("'s")
            && !tokens[i].ends_with("\u{2019}s")
            && !tokens[i + 1].starts_with('(')
        {
            let next = clean(tokens[i + 1]);
            let next_capital = next.chars().next().is_some_and(char::is_uppercase);
            // "Bank of England", "Ministry of Defence": keep a lowercase "of" between capitals.
            let connector = next == "of"
                && tokens.get(i + 2).is_some_and(|t| clean(t).chars().next().is_some_and(char::is_uppercase));
            if next_capital || connector {
                words.push(next);
                i += 1;
            } else {
                break;
            }
        }
        i += 1;
        let mut before =
            if start > 0 && !sentence_start { clean(tokens[start - 1]).to_lowercase() } else { String::new() };
        // "By Nell Ashdown", "In Kyiv": a capitalised function word is not part of the name.
        let mut sentence_start = sentence_start;
        while words.len() > 1
            && SKIP.contains(&words[0].to_lowercase().as_str())
            && !words[0].eq_ignore_ascii_case("the")
        {
            before = words.remove(0).to_lowercase();
            sentence_start = false;
        }
        // "(Russian) President Donald Trump": the title is context, not part of the name.
        if let Some(t) = words.iter().take(3).rposition(|w| PERSON_TITLES.contains(&w.to_lowercase().as_str()))
            && t + 1 < words.len()
        {
            before = words[t].to_lowercase();
            words.drain(..=t);
            sentence_start = false;
        }
        // A dateline ("PORT ALDER (Reuters) --") names the place the story was filed from.
        if start == 0 && words.iter().all(|w| w.chars().all(|c| !c.is_lowercase())) {
            before = "in".to_owned();
        }
        let after = tokens.get(i).map(|t| clean(t).to_lowercase()).unwrap_or_default();
        // A lone capitalised word at the start of a sentence is usually not a name, unless it
        // is a known place or someone speaks ("Peskov said"); otherwise it is kept as a weak
        // mention that counts only as the surname of a person named in full.
        let weak = sentence_start
            && words.len() == 1
            && !PLACES.contains(&words[0].to_lowercase().as_str())
            && !REPORTING.contains(&after.as_str());
        out.push(Mention { words, before, after, weak });
    }
    out
}

fn clean(token: &str) -> String {
    let t = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}');
    let t = t.strip_suffix("'s").or_else(|| t.strip_suffix("\u{2019}s")).unwrap_or(t);
    t.trim_matches(|c: char| c == '\'' || c == '\u{2019}').to_owned()
}

/// The shared key: lowercase, without a leading "the".
fn fold(words: &[String]) -> String {
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let start = usize::from(lower.first().is_some_and(|w| w == "the") && lower.len() > 1);
    lower[start..].join(" ")
}

fn display(words: &[String]) -> String {
    let start = usize::from(words.first().is_some_and(|w| w.eq_ignore_ascii_case("the")) && words.len() > 1);
    words[start..].join(" ")
}

/// The article's keyphrases: up to `n` phrases of one to three content words, scored by
/// frequency, presence in the title and earliness.
#[must_use]
pub fn keyphrases(title: &str, text: &str, n: usize) -> Vec<String> {
    const BREAK: u32 = u32::MAX;
    let sample = match text.char_indices().nth(20_000) {
        Some((i, _)) => &text[..i],
        None => text,
    };
    let title_words: Vec<String> = words_of(title);
    let body = words_of(sample);
    // Words as numbers, phrases as up to three numbers: no string per candidate phrase.
    let mut ids: HashMap<&str, u32> = HashMap::default();
    let mut vocab: Vec<&str> = Vec::new();
    let coded: Vec<u32> = body
        .iter()
        .map(|w| {
            if w.is_empty() {
                return BREAK;
            }
            *ids.entry(w.as_str()).or_insert_with(|| {
                vocab.push(w.as_str());
                u32::try_from(vocab.len() - 1).unwrap_or(BREAK - 1)
            })
        })
        .collect();
    let mut stats: HashMap<[u32; 3], (f32, usize)> = HashMap::default();
    let mut position = 0;
    for chunk in coded.split(|w| *w == BREAK) {
        for size in 1..=3 {
            for window in chunk.windows(size) {
                let mut key = [BREAK; 3];
                key[..size].copy_from_slice(window);
                let entry = stats.entry(key).or_insert((0.0, position));
                entry.0 += size as f32;
            }
        }
        position += chunk.len() + 1;
    }
    let in_title: Vec<bool> = vocab.iter().map(|v| title_words.iter().any(|t| t == v)).collect();
    let mut ranked: Vec<(f32, [u32; 3])> = stats
        .into_iter()
        .filter(|(_, (s, _))| *s >= 2.0)
        .map(|(key, (s, first))| {
            let title = key.iter().take_while(|w| **w != BREAK).all(|w| in_title[*w as usize]);
            let early = 1.0 / (1.0 + first as f32 / 200.0);
            (s * if title { 2.0 } else { 1.0 } * (0.5 + early), key)
        })
        .collect();
    ranked.sort_unstable_by(|a, b| b.0.total_cmp(&a.0));
    // Spell out phrases only as far as needed: a group of equal scores at a time, in
    // alphabetical order within the group so that the result does not depend on hashing.
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < ranked.len() && out.len() < n {
        let score = ranked[i].0;
        let end = ranked[i..].iter().position(|r| r.0 != score).map_or(ranked.len(), |k| i + k);
        let mut group: Vec<String> = ranked[i..end]
            .iter()
            .map(|(_, key)| {
                key.iter().take_while(|w| **w != BREAK).map(|w| vocab[*w as usize]).collect::<Vec<_>>().join(" ")
            })
            .filter(|p| p.chars().count() >= 4)
            .collect();
        group.sort_unstable();
        for p in group {
            // A phrase inside one already chosen (or containing one) adds little.
            if out.iter().any(|o| o.contains(&p) || p.contains(o.as_str())) {
                continue;
            }
            out.push(p);
            if out.len() >= n {
                break;
            }
        }
        i = end;
    }
    out
}

/// Lowercase content words; an empty string marks a break (stop word or punctuation).
fn words_of(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in text.split_whitespace() {
        let w: String = if raw.is_ascii() {
            raw.bytes()
                .filter(|b| b.is_ascii_alphanumeric() || *b == b'-')
                .map(|b| char::from(b.to_ascii_lowercase()))
                .collect()
        } else {
            raw.chars().filter(|c| c.is_alphanumeric() || *c == '-').flat_map(char::to_lowercase).collect()
        };
        let breaks = raw.ends_with([',', '.', ';', ':', '!', '?']);
        if w.chars().count() < 3 || crate::cluster::is_stop_word(&w) || w.chars().all(|c| c.is_ascii_digit()) {
            out.push(String::new());
        } else {
            out.push(w);
            if breaks {
                out.push(String::new());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "The Kremlin said on Monday that talks in Saudi Arabia would be difficult. Dmitry Peskov, spokesperson for the Kremlin, \
        told reporters the focus was navigation in the Black Sea. Peskov said: \"We are only at the beginning.\" \
        Officials from Ukraine and the United States will also meet in Riyadh, where NATO's role is expected to come up. \
        Ukraine's Foreign Ministry said it welcomed the talks. President Donald Trump spoke with Vladimir Putin on Tuesday.";

    fn find<'a>(entities: &'a [Entity], key: &str) -> &'a Entity {
        entities.iter().find(|e| e.key == key).unwrap_or_else(|| panic!("{key} in {entities:?}"))
    }

    #[test]
    fn people_organisations_and_places() {
        let e = extract_entities("Kremlin warns of difficult ceasefire talks", TEXT);
        let peskov = find(&e, "dmitry peskov");
        assert_eq!((peskov.kind, peskov.mentions), (EntityKind::Person, 2), "the surname alone counts for the person");
        assert!(!e.iter().any(|x| x.key == "peskov"));
        assert_eq!(find(&e, "kremlin").kind, EntityKind::Organization);
        assert_eq!(find(&e, "kremlin").mentions, 3, "title and text, 'the' folded");
        assert_eq!(find(&e, "black sea").kind, EntityKind::Place);
        assert_eq!(find(&e, "saudi arabia").kind, EntityKind::Place);
        assert_eq!(find(&e, "riyadh").kind, EntityKind::Place);
        assert_eq!(find(&e, "ukraine").mentions, 2, "possessive folded");
        assert_eq!(find(&e, "donald trump").kind, EntityKind::Person);
        assert_eq!(find(&e, "foreign ministry").kind, EntityKind::Organization);
        assert!(!e.iter().any(|x| x.key == "the" || x.key == "monday" || x.key == "officials"), "{e:?}");
    }

    #[test]
    fn roles_places_and_companies_by_their_words() {
        let e = extract_entities(
            "",
            "Port Alder council said on Tuesday the bridge would reopen. Librarian Joan Whitby said staff had \
             noticed the queues. Harbour Ferries will hire six deckhands, and Mount Kestrel stays closed to walkers.",
        );
        assert_eq!(find(&e, "port alder").kind, EntityKind::Place, "{e:?}");
        assert_eq!(find(&e, "mount kestrel").kind, EntityKind::Place);
        assert_eq!(find(&e, "harbour ferries").kind, EntityKind::Organization);
        let whitby = find(&e, "joan whitby");
        assert_eq!((whitby.kind, whitby.name.as_str()), (EntityKind::Person, "Joan Whitby"));
        assert!(!e.iter().any(|x| x.key.starts_with("librarian")), "{e:?}");
    }

    #[test]
    fn keys_are_shared_across_spellings() {
        let a = extract_entities("", "Talks were held by Dmitry Peskov on Monday, sources said.");
        let b = extract_entities("", "Reporters asked DMITRY PESKOV nothing. Later, Dmitry Peskov's office replied.");
        assert!(a.iter().any(|x| x.key == "dmitry peskov"));
        assert!(b.iter().any(|x| x.key == "dmitry peskov"));
    }

    #[test]
    fn keyphrases_favour_repeated_title_phrases() {
        let k = keyphrases(
            "Harbour bridge closes for deck repairs",
            "The harbour bridge closes on Monday. Deck repairs take six weeks. Ferries run while the harbour bridge is shut, \
             and deck repairs continue through the night.",
            3,
        );
        assert_eq!(k[0], "harbour bridge", "{k:?}");
        assert!(k.contains(&"deck repairs".to_owned()), "{k:?}");
    }

    #[test]
    fn nothing_from_nothing() {
        assert!(extract_entities("", "").is_empty());
        assert!(keyphrases("", "", 5).is_empty());
    }
}
