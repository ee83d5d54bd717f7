//! The people, organisations and places an article names.
//!
//! Candidates are runs of capitalised words (`spans.rs`), cut where a title separates an
//! organisation from a person ("European Central Bank President Christine Lagarde"), where a
//! connector joins two names rather than one ("Chuck Schumer of New York"), and where a day or
//! month follows a name. Well-known organisations are also found whole where their names are
//! not all capitalised ("Organisation mondiale de la santé").
//!
//! A name's kind comes from evidence only, gathered over every mention in the article (one kind
//! per name): the well-known organisations and the place gazetteer (`known.rs`), head nouns and
//! titles of the article's language (`lexicon.rs`), the verbs after a name, the preposition
//! before it, and given names. A name with no evidence is left out rather than guessed. Within
//! an article a surname alone is the person named in full, and an abbreviation is the name
//! whose initials it spells; across articles keys are shared: lowercase, "the" folded, and the
//! main name of a known organisation or place ("EZB" and "ECB" are both "european central
//! bank"; "Moskau" is "moscow"; "Deutschland" is "germany").

mod declined;
mod declined_latin;
pub(crate) mod known;
mod short_forms;
pub use short_forms::ShortForms;
mod spans;
mod uncased;

use crate::hash::HashMap;
use crate::lexicon::names::{self as lexicon, Lexicon};
use declined::{better_display, capitalise, declined_key, nominative_forms, nominative_name, nominatives};
use known::is_abbreviation;
pub(crate) use known::place as known_place;
use spans::Mention;

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
    /// The same for every article: lowercase, possessive and "the" folded, the main name of a
    /// known organisation or place.
    pub key: String,
    pub kind: EntityKind,
    /// How often the article names it (surname-only mentions included).
    pub mentions: u32,
    /// The other forms the article writes it in ("ECB" beside "European Central Bank",
    /// "München" for Munich), sorted. A surname alone is left out when the article names the
    /// person in full, and kept when only other articles do (see [`ShortForms`]).
    pub also: Vec<String>,
}

/// Texts of fewer words than this are too short for a sure language: their language is
/// guessed among those with cues of their own.
const SHORT_TEXT_WORDS: usize = 80;

/// The evidence for one name over the article.
#[derive(Debug, Default, Clone)]
struct Evidence {
    person: u32,
    /// Mentions after a title ("президент Путин"), which a lone word needs to be a person
    /// where names decline.
    titled: u32,
    place: u32,
    org: u32,
    /// Mentions followed by a comma and a US state ("Chappaqua, N.Y.").
    town: u32,
    /// Mentions after a lowercase word ("al Senato", "la Camera"; not "Polaroid 600 Camera"),
    /// as the languages that write an article before it name an institution by its one word.
    after_word: u32,
    /// Mentions in a list of names or after "to" or "from" ("London, Oxford and Bath", "been
    /// to Boulder"): weaker signs of a place than a preposition of place.
    place_hint: u32,
    /// Mentions of one word after a definite article where the language writes none before
    /// a town's name ("il Napoli", "el Sevilla"): the town's sports club.
    club: u32,
    /// Mentions right after a lowercase noun of a place ("el estadio Kellmar Vint", "l'aeroporto
    /// ..."), where the language writes such nouns in lowercase: a place's name, whatever its
    /// words read as.
    called_place: u32,
}

#[derive(Debug, Clone)]
struct Group {
    name: String,
    /// Every form of the name the article used.
    forms: std::collections::BTreeSet<String>,
    words: Vec<String>,
    mentions: u32,
    evidence: Evidence,
    known_org: bool,
    /// A lone word that is the surname of two or more people the article names in full
    /// ("Jackson" beside "Cyrus Jackson Jr." and "Marta Jackson"): one of them, whichever.
    surname_of_several: bool,
}

/// The entities of an article, most mentioned first (ties by name). `language` is the
/// article's language tag when known; without it the likeliest language with name cues of its
/// own is assumed.
#[must_use]
pub fn extract_entities(title: &str, text: &str, language: Option<&str>) -> Vec<Entity> {
    let sample = match text.char_indices().nth(20_000) {
        Some((i, _)) => &text[..i],
        None => text,
    };
    // Scripts without capitals name nothing by their letters: the gazetteer alone speaks.
    if uncased::is_uncased(sample) {
        let mut out = uncased::entities(sample);
        out.truncate(40);
        return out;
    }
    // A text too short for a sure language still has one: guessed among those with cues. (A
    // longer text whose language was not detected is mixed or in another language: it gets
    // the default, and no second detection.)
    let short = sample.split_whitespace().nth(SHORT_TEXT_WORDS).is_none();
    let guessed = if language.is_none() && short { crate::lang::likeliest_with_name_cues(sample) } else { None };
    let lexicon = lexicon::for_language(language.or(guessed));
    let sure = language.is_some();
    // A headline repeated in the text, or a subheading, capitalises every word as the title
    // does: such lines count like the title, where they name what the text names.
    // A byline names the writer, not what the story is about.
    let bylines = lexicon.is_english() && sample.lines().any(is_byline);
    let (heads, body): (Vec<&str>, Vec<&str>) = sample
        .lines()
        .filter(|line| !(bylines && is_byline(line)))
        .partition(|line| !lexicon.capitalises_nouns && is_headline_line(line, title));
    let body = if heads.is_empty() && !bylines { std::borrow::Cow::Borrowed(sample) } else { body.join("\n").into() };
    // "Ana Brook , the senator ,": some outlets set a space before their commas and stops.
    let spaced = {
        let bytes = body.as_bytes();
        bytes.iter().enumerate().any(|(at, &b)| {
            matches!(b, b',' | b'.') && at > 0 && bytes[at - 1] == b' ' && bytes.get(at + 1) == Some(&b' ')
        })
    };
    let body = if spaced { close_up_punctuation(&body).into() } else { body };
    let mentions = spans::mentions(&body, lexicon);
    let mut groups: HashMap<String, Group> = HashMap::default();
    let mut weak: HashMap<String, u32> = HashMap::default();
    // "Donalda Tuska", "z Donaldem Tuskiem": a person's name in a case form is keyed and shown
    // in the nominative, where the language declines names in Latin letters; so is the surname
    // alone of a person the article names in full ("Tuskiem").
    let mut nominatives: Vec<Option<Vec<String>>> = if lexicon.declines_latin_names() {
        mentions
            .iter()
            .map(|m| (m.words.len() > 1).then(|| declined_latin::nominative_person(&m.words, lexicon)).flatten())
            .collect()
    } else {
        Vec::new()
    };
    if lexicon.declines_latin_names() {
        let surnames: crate::hash::HashSet<String> = mentions
            .iter()
            .zip(&nominatives)
            .filter(|(m, _)| (2..=4).contains(&m.words.len()))
            .filter_map(|(m, nominative)| {
                let words = nominative.as_ref().unwrap_or(&m.words);
                known::is_given_name_in(&words[0].to_lowercase(), lexicon)
                    .then(|| words[words.len() - 1].to_lowercase())
            })
            .collect();
        for (m, nominative) in mentions.iter().zip(nominatives.iter_mut()) {
            if let [word] = m.words.as_slice() {
                *nominative = declined_latin::surname_alone(word, &surnames).map(|w| vec![w]);
            }
        }
    }
    for (n, m) in mentions.iter().enumerate() {
        let folded = nominatives.get_mut(n).and_then(Option::take).map(|words| Mention { words, ..m.clone() });
        // "des Oberlandesgerichts Kellstadt": an institution's compound in the German genitive
        // is keyed and shown as its nominative.
        let folded =
            folded.or_else(|| institution_nominative(&m.words, lexicon).map(|words| Mention { words, ..m.clone() }));
        let m = folded.as_ref().unwrap_or(m);
        // "the Delta variant", "a Kell strain": one word before a lowercase noun of what
        // names variants is that variant's name, whatever place or person it also names.
        if lexicon.is_english() && m.words.len() == 1 && VARIANT_NOUNS.contains(&m.after.as_str()) {
            continue;
        }
        let (key, known_org) = key_of(m, lexicon, sure);
        if key.is_empty() {
            continue;
        }
        if m.weak && !known_org {
            *weak.entry(key).or_default() += 1;
            continue;
        }
        let display = m.words.join(" ");
        let group = groups.entry(key).or_insert_with(|| Group {
            name: display.clone(),
            forms: std::collections::BTreeSet::new(),
            words: m.words.clone(),
            mentions: 0,
            evidence: Evidence::default(),
            known_org,
            surname_of_several: false,
        });
        group.mentions += 1;
        group.forms.insert(display.clone());
        if better_display(&display, &group.name, lexicon) {
            group.name = display;
            group.words = m.words.clone();
        }
        add_evidence(&mut group.evidence, m, lexicon);
    }
    join_abbreviations(&mut groups);
    join_corporate_names(&mut groups);
    drop_common_abbreviations(&mut groups, &body, lexicon);
    drop_shouted_words(&mut groups, &body);
    join_middle_initials(&mut groups);
    join_middle_names(&mut groups, lexicon);
    join_surnames(&mut groups, weak, &body, lexicon);
    join_double_surnames(&mut groups, lexicon);
    part_coordinated_names(&mut groups);
    // Titles capitalise every word, so a title counts only where it names what the text names.
    for head in std::iter::once(title).chain(heads.iter().copied().filter(|h| h.trim() != title.trim())) {
        let title_words: Vec<String> =
            head.split_whitespace().map(|t| lexicon.stem(&spans::clean(t).to_lowercase()).to_owned()).collect();
        for size in 1..=4 {
            for window in title_words.windows(size) {
                if let Some(group) = groups.get_mut(&window.join(" ")) {
                    group.mentions += 1;
                }
            }
        }
    }
    let forms = if lexicon.declines_names() { nominative_forms(&mentions, lexicon) } else { HashMap::default() };
    // Sports teams, where the article names two or more.
    let teams: crate::hash::HashSet<String> =
        groups.iter().filter(|(key, g)| is_team(key, g, lexicon)).map(|(key, _)| key.clone()).collect();
    if lexicon.is_english() {
        for g in groups.values_mut().filter(|g| names_an_institution(g, &body)) {
            g.evidence.org += 1;
        }
    }
    let kind_of = |key: &str, g: &Group| {
        let kind = if teams.len() >= 2 && teams.contains(key) {
            Some(EntityKind::Organization)
        } else {
            classify(key, g, lexicon, sure)
        };
        // "Acura's 'Jewel Eye' headlamps": a name the text always sets in quotation marks is
        // a work's, a product's or a term's, no person's.
        kind.filter(|k| *k != EntityKind::Person || !always_quoted(g, &body))
    };
    let mut classified: Vec<(String, Group, Option<EntityKind>)> = groups
        .into_iter()
        .map(|(key, g)| {
            let kind = kind_of(&key, &g);
            (key, g, kind)
        })
        .collect();
    listed_organisations(&mut classified, &mentions, lexicon, kind_of);
    let classified: Vec<(String, Group, EntityKind)> =
        classified.into_iter().filter_map(|(key, g, kind)| kind.map(|kind| (key, g, kind))).collect();
    // "Kellmark said" beside "Kellmark Records Inc": a name that opens an organisation's name
    // of the same article is that organisation's short name, not a person's (unless a given
    // name or a title says a person).
    let org_keys: Vec<String> = classified
        .iter()
        .filter(|(key, _, kind)| *kind == EntityKind::Organization && key.contains(' '))
        .map(|(key, _, _)| key.clone())
        .collect();
    let short_org = |key: &str, g: &Group| {
        g.evidence.titled == 0
            && !g.words.first().is_some_and(|w| known::is_given_name_in(&w.to_lowercase(), lexicon))
            && org_keys.iter().any(|o| o.strip_prefix(key).is_some_and(|rest| rest.starts_with(' ')))
    };
    // "Kellsoft Lumen" beside "Kellsoft": an organisation's name before another word names one
    // of its products or units, no person (unless a title or a given name says one).
    let org_words: crate::hash::HashSet<String> = classified
        .iter()
        .filter(|(key, _, kind)| *kind == EntityKind::Organization && !key.contains(' '))
        .map(|(key, _, _)| key.clone())
        .collect();
    // (Or a well-known organisation's one-word name, named here only so: "Google Chrome".)
    let product = |key: &str, g: &Group| {
        g.evidence.titled == 0
            && g.words.len() >= 2
            && key
                .split_once(' ')
                .is_some_and(|(first, _)| org_words.contains(first) || known::organisation(&g.words[0]).is_some())
            && !g.words[1..].iter().any(|w| known::is_given_name_in(&w.to_lowercase(), lexicon))
    };
    let mut out: Vec<Entity> = classified
        .into_iter()
        .filter(|(key, g, kind)| !(*kind == EntityKind::Person && product(key, g)))
        .filter(|(_, g, kind)| !(*kind == EntityKind::Place && foreign_world_region(&g.name, lexicon, sure)))
        .filter(|(key, g, kind)| {
            !(*kind == EntityKind::Person && !short_org(key, g) && common_word_alone(key, g, lexicon))
        })
        .map(|(key, g, kind)| {
            let kind = if kind == EntityKind::Person && short_org(&key, &g) { EntityKind::Organization } else { kind };
            let name = if lexicon.declines_names() {
                nominative_name(&g.name, &key, kind, &forms, lexicon)
            } else if kind == EntityKind::Place
                && lexicon.declines_latin_names()
                && known::place(&g.name.to_lowercase()).is_none()
                && !crate::gazetteer::is_territory_name_in(&g.name.to_lowercase(), "pl")
                && let Some(nominative) = declined_latin::place_nominative(&g.name.to_lowercase())
            {
                nominative.split(' ').map(capitalise).collect::<Vec<_>>().join(" ")
            } else {
                without_genitive(g.name, kind, lexicon)
            };
            let also = g.forms.into_iter().filter(|f| *f != name).collect();
            Entity { name, key, kind, mentions: g.mentions, also }
        })
        .collect();
    // A person's key leaves out one middle initial, as most outlets write the name, so that
    // "Neil M. Gorsuch" here and "Neil Gorsuch" elsewhere are one entity page (unless the key
    // without it is another entity's of this article).
    let mut keys: crate::hash::HashSet<String> = out.iter().map(|e| e.key.clone()).collect();
    for e in out.iter_mut().filter(|e| e.kind == EntityKind::Person) {
        if let Some(bare) = without_middle_initial(&e.key).filter(|b| !keys.contains(b)) {
            keys.insert(bare.clone());
            e.key = bare;
        }
    }
    // (Among names as often mentioned, a given name alone comes last: it says least.)
    let given_alone = |e: &Entity| e.kind == EntityKind::Person && !e.key.contains(' ') && known::is_given_name(&e.key);
    out.sort_by(|a, b| {
        b.mentions.cmp(&a.mentions).then_with(|| given_alone(a).cmp(&given_alone(b))).then_with(|| a.key.cmp(&b.key))
    });
    out.truncate(40);
    out
}

/// "NASA chose Astrobotic, Kellsoft Labs and Brixwell Aerospace": names set side by side in one
/// list are of one kind. A name nothing else in the text gives a kind, in a list that holds
/// two organisations or more and no place, nor a person the text says is one (a title, a verb
/// of saying), is read as an organisation's.
fn listed_organisations(
    classified: &mut [(String, Group, Option<EntityKind>)],
    mentions: &[Mention],
    lexicon: &Lexicon,
    kind_of: impl Fn(&str, &Group) -> Option<EntityKind>,
) {
    if !mentions.iter().any(|m| m.list > 0) {
        return;
    }
    let mut by_form: HashMap<&str, usize> = HashMap::default();
    for (n, (_, g, _)) in classified.iter().enumerate() {
        by_form.extend(g.forms.iter().map(|f| (f.as_str(), n)));
    }
    // Each list's names, and whether each may be read by the others: not the first if it
    // opens the sentence ("Enter Kellsoft, Brixwell and ..." may open with a verb), nor a lone
    // word the language writes capitalised as a common word ("The Administration, Senate
    // Republicans and ...", "Inc" after a company's name, a German noun).
    let common = |m: &Mention| {
        let [word] = m.words.as_slice() else { return false };
        let lower = word.to_lowercase();
        lexicon.capitalises_nouns
            || lexicon.declines_names()
            || lexicon.is_org_word(&lower)
            || lexicon.is_title(&lower)
            || lexicon.is_function_word(&lower)
            || lexicon.place_words.contains(&lower.as_str())
            || lexicon.demonyms.contains(&lower.as_str())
            || is_legal_form(&lower)
    };
    let mut lists: std::collections::BTreeMap<u32, Vec<(usize, bool)>> = std::collections::BTreeMap::new();
    let mut previous_list = 0;
    for m in mentions.iter().filter(|m| m.list > 0) {
        // (A list's first name, at a sentence's start.)
        let opens = m.list != previous_list && m.before.is_empty();
        previous_list = m.list;
        if let Some(&n) = by_form.get(m.words.join(" ").as_str()) {
            let readable = !common(m) && !opens;
            let members = lists.entry(m.list).or_default();
            match members.iter_mut().find(|(k, _)| *k == n) {
                Some(member) => member.1 &= readable,
                None => members.push((n, readable)),
            }
        }
    }
    let mut unread = Vec::new();
    for members in lists.values() {
        // (Letters in capitals alone are weak evidence of a list of companies: "MGA, MGB and
        // Midget" are a maker's models.)
        let organisations = members
            .iter()
            .filter(|&&(n, _)| {
                let (_, g, kind) = &classified[n];
                *kind == Some(EntityKind::Organization) && !(g.words.len() == 1 && is_abbreviation(&g.name))
            })
            .count();
        let other = members.iter().any(|&(n, _)| {
            let (_, g, kind) = &classified[n];
            *kind == Some(EntityKind::Place)
                || (*kind == Some(EntityKind::Person) && (g.evidence.person > 0 || g.evidence.titled > 0))
        });
        if organisations >= 2 && !other {
            unread.extend(members.iter().filter(|&&(n, readable)| readable && classified[n].2.is_none()).map(|m| m.0));
        }
    }
    for n in unread {
        let (key, g, kind) = &mut classified[n];
        if kind.is_none() {
            g.evidence.org += 1;
            *kind = kind_of(key, g);
        }
    }
}

/// Whether every time the text writes one of the group's forms, quotation marks enclose it.
fn always_quoted(g: &Group, text: &str) -> bool {
    const OPENING: &[char] = &['"', '\'', '\u{201c}', '\u{2018}', '\u{ab}', '\u{201e}'];
    const CLOSING: &[char] = &['"', '\'', '\u{201d}', '\u{2019}', '\u{bb}', '\u{201c}'];
    let mut seen = false;
    for form in &g.forms {
        for (at, _) in text.match_indices(form.as_str()) {
            seen = true;
            let before = text[..at].chars().next_back();
            let after = text[at + form.len()..].chars().next();
            if !(before.is_some_and(|c| OPENING.contains(&c)) && after.is_some_and(|c| CLOSING.contains(&c))) {
                return false;
            }
        }
    }
    seen
}

/// The text with the space before a comma, a stop, a colon or a possessive's apostrophe
/// taken out where a space or the line's end follows the mark ("Brook , the" is "Brook, the").
fn close_up_punctuation(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == ' ' {
            let mut ahead = chars.clone();
            let mark = ahead.next();
            let after = ahead.next();
            let closes = match mark {
                Some(',' | '.' | ';' | ':' | '!' | '?') => after.is_none_or(char::is_whitespace),
                Some('\'' | '\u{2019}') => after == Some('s') && ahead.next().is_none_or(|c| !c.is_alphanumeric()),
                _ => false,
            };
            if closes {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// A byline or a picture's credit on a line of its own ("By Ana Brook and Tom Kell", "Photo by
/// Ana Brook // May 3"): a short line that opens so and does not end as a sentence does.
fn is_byline(line: &str) -> bool {
    let line = line.trim();
    let rest = ["By ", "Photo by ", "Photos by ", "Photograph by ", "Photographs by ", "Text by ", "Words by "]
        .iter()
        .find_map(|opening| line.strip_prefix(opening));
    rest.is_some_and(|rest| {
        rest.starts_with(char::is_uppercase)
            && line.split_whitespace().nth(BYLINE_WORDS).is_none()
            && !line.ends_with(['.', '!', '?', ':'])
    })
}

/// Words a byline has at most, with its date.
const BYLINE_WORDS: usize = 12;

/// Whether a lowercase name is a known place or territory ("washington", "new delhi").
pub(crate) fn names_a_place(lower: &str) -> bool {
    known::place(lower).is_some() || crate::gazetteer::territory(lower).is_some()
}

/// A line written as a headline: the title itself, or a line that ends in no sentence's stop,
/// of five words of four letters or more of which nearly all are capitalised ("Senator Plans To
/// Throw Her Hat In The Ring"). A sentence dense with names ends with its stop.
pub(crate) fn is_headline_line(line: &str, title: &str) -> bool {
    let line = line.trim();
    if line.is_empty() {
        return false;
    }
    if line == title.trim() {
        return true;
    }
    // (A heading may end in a colon: "Five Ways to Keep Your Harbour Clean:".)
    if line.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')']).ends_with(['.', '!', '?', ';', ',']) {
        return false;
    }
    let long: Vec<&str> = line
        .split_whitespace()
        .map(spans::clean)
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let capitalised = long.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
    long.len() >= 5 && capitalised * 100 >= long.len() * 85
}

/// The territory a lowercase name names, as the article's language writes it: a name in Latin
/// letters that only another language gives a country ("Columbia" is Romanian for Colombia)
/// is no country in English text ("Columbia, S.C.", "Columbia University"). Where the language
/// was only guessed (`sure` false: a short text, "Danmark blir medlem i rådet"), a country's
/// name in any language counts.
fn territory_here(name: &str, lexicon: &Lexicon, sure: bool) -> Option<&'static str> {
    // "Schwedens", "Frankreichs": German writes a country's genitive with an "s".
    if crate::gazetteer::territory(name).is_none()
        && let Some(stem) = known::genitive_stem(name, lexicon)
        && crate::gazetteer::territory(stem).is_some()
    {
        return territory_here(stem, lexicon, sure);
    }
    let code = crate::gazetteer::territory(name)?;
    if judged_by_its_language(name, lexicon, sure) && !crate::gazetteer::is_territory_name_in(name, lexicon.tag) {
        return None;
    }
    Some(code)
}

/// Whether a name in Latin letters is read only as the article's language writes names
/// (a sure language with lists of its own that does not decline names): where it is, a
/// country's or a region's name that only other languages write is none.
fn judged_by_its_language(name: &str, lexicon: &Lexicon, sure: bool) -> bool {
    let latin = name.chars().next().is_some_and(|c| (c as u32) < 0x0250);
    latin && sure && !lexicon.tag.is_empty() && !lexicon.declines_names() && !lexicon.declines_latin_names()
}

/// "Teapot said", "Harbour reported": in English, a person named by one common word alone,
/// with no title and no full name of the article it is short for, is none unless that word is
/// a surname many people bear ("Bush", "Stone").
fn common_word_alone(key: &str, g: &Group, lexicon: &Lexicon) -> bool {
    lexicon.is_english()
        && g.words.len() == 1
        && g.evidence.titled == 0
        && known::is_common_english_word(key)
        && !known::is_word_surname(key)
}

/// Whether a name is a continent's or part of the world's only in other languages than the
/// article's, as [`territory_here`] asks of a country's: "Europa" in English text is Jupiter's
/// moon, not Europe.
fn foreign_world_region(name: &str, lexicon: &Lexicon, sure: bool) -> bool {
    judged_by_its_language(name, lexicon, sure)
        && known::is_world_region_of_other_languages(&name.to_lowercase(), lexicon.tag)
}

/// A place named in the German genitive ("Bayerns"), or a country in the Swedish one
/// ("Brasiliens"), is shown as it is named ("Bayern", "Brasilien").
fn without_genitive(name: String, kind: EntityKind, lexicon: &Lexicon) -> String {
    let lower = name.to_lowercase();
    if kind != EntityKind::Place || lower.contains(' ') {
        return name;
    }
    let place_genitive = known::place_in(&lower, lexicon).is_some_and(|(_, found)| found.len() < lower.len());
    // ("Storbritanniens": a country's too.)
    let country_genitive = crate::gazetteer::territory(&lower).is_none()
        && known::genitive_stem(&lower, lexicon).is_some_and(|stem| crate::gazetteer::territory(stem).is_some());
    if place_genitive || country_genitive {
        return name.strip_suffix('s').map_or(name.clone(), str::to_owned);
    }
    name
}

/// The shared key of a mention, and whether it names a well-known organisation.
fn key_of(m: &Mention, lexicon: &Lexicon, sure: bool) -> (String, bool) {
    let display = m.words.join(" ");
    if let Some(main) = known::organisation_in(&display, lexicon.is_english()) {
        return (main.to_lowercase(), true);
    }
    let lower = fold(&m.words);
    if lexicon.declines_names() {
        // "Евросоюза", "Кремле": a known organisation in another case.
        if let Some(main) =
            nominatives(&display.to_lowercase()).iter().find_map(|n| known::organisation(&capitalise(n)))
        {
            return (main.to_lowercase(), true);
        }
        return (declined_key(&lower, lexicon), false);
    }
    // A country in any language is keyed by its English name ("Deutschland", "Германии" and
    // "Germany" are one entity).
    if let Some(main) = territory_here(&lower, lexicon, sure).and_then(crate::gazetteer::territory_main) {
        return (main.to_lowercase(), false);
    }
    if let Some(main) = known::place(&lower).and_then(|p| p.main) {
        return (main.to_lowercase(), false);
    }
    // "w Krakowie", "do Paryża": a place's case form where the language declines names in
    // Latin letters.
    if lexicon.declines_latin_names()
        && known::place(&lower).is_none()
        && let Some(nominative) = declined_latin::place_nominative(&lower)
    {
        if let Some(code) = crate::gazetteer::territory(&nominative) {
            return (crate::gazetteer::territory_main(code).unwrap_or(&nominative).to_lowercase(), false);
        }
        return (known::place(&nominative).and_then(|p| p.main).unwrap_or(&nominative).to_lowercase(), false);
    }
    // "Bayerns", "Hamburgs": German writes a place's genitive with an "s".
    if !lower.contains(' ')
        && let Some((place, name)) = known::place_in(&lower, lexicon)
    {
        return (place.main.unwrap_or(name).to_lowercase(), false);
    }
    (lower, false)
}

/// English prepositions whose object a name is: a verb after it is not the name's.
const OBJECT_PREPOSITIONS: &[&str] =
    &["of", "for", "at", "from", "with", "by", "on", "to", "about", "against", "into", "near", "over"];

/// People a place needs for a name after "in" or "at" that holds its name to be a place.
const HELD_PLACE_POPULATION: u64 = 100_000;

/// Numbers after a name that a son or grandson of the same name bears.
const REGNAL_SUFFIXES: &[&str] = &["ii", "iii", "iv"];

/// Words for places that are also surnames ("Hill", "Park").
const SURNAME_PLACE_WORDS: &[&str] = &["hill", "park", "castle", "beach", "bridge", "forest", "field"];

/// Special-purpose districts of US local government, each an organisation ("Kell Unified
/// School District", "Kell Valley Water District"), where "district" alone names a place.
const SPECIAL_DISTRICTS: &[&str] = &[
    "school",
    "water",
    "fire",
    "irrigation",
    "sanitation",
    "transit",
    "hospital",
    "library",
    "utility",
    "sewer",
    "conservation",
    "park",
];

/// Last words of English company names ("Kell Research", "Brook Pictures"); unlike the
/// organisation words of the lexicon they count only at a name's end, since titles and
/// departments use them too ("Research Director").
const COMPANY_LAST_WORDS: &[&str] = &[
    "research",
    "consulting",
    "associates",
    "ventures",
    "investments",
    "insurance",
    "entertainment",
    "pictures",
    "records",
    "software",
    "therapeutics",
    "robotics",
    "logistics",
    "petroleum",
    "telecom",
    "aerospace",
    "bancorp",
    "analytics",
    "advisors",
    "advisers",
    "pharma",
    "biotech",
    // "Warner Bros", "Lehman Brothers".
    "bros",
    "brothers",
];

/// Whether the words after a name say what only a person does or has done to her
/// ([`Befalls`](crate::lexicon::names::Befalls)): a verb right after it, or a participle after
/// an auxiliary.
fn befalls_a_person(after: &str, lexicon: &Lexicon) -> bool {
    let mut words = after.split(' ');
    let first = words.next().unwrap_or_default();
    let last = words.next_back().unwrap_or(first);
    let does = lexicon.befalls.does;
    does.contains(&first) || does.contains(&last) || (last != first && lexicon.befalls.undergoes.contains(&last))
}

/// English nouns of institutions named after a person, written in lowercase after the name
/// ("Walter Kell hospital"). ("School" is left out: "the Ana Brook school of interviewing".)
const NAMESAKE_INSTITUTIONS: &[&str] =
    &["hospital", "university", "college", "museum", "library", "institute", "clinic", "foundation"];

/// Whether the text writes a form of a name of two words or more right before the lowercase
/// noun of an institution, with one space between ("Walter Kell hospital", "a Kell Family
/// clinic"): the name is the institution's, after its namesake.
fn names_an_institution(g: &Group, text: &str) -> bool {
    g.words.len() >= 2
        && g.forms.iter().any(|form| {
            text.match_indices(form.as_str()).any(|(at, _)| {
                let rest = &text[at + form.len()..];
                rest.strip_prefix(' ').is_some_and(|rest| {
                    NAMESAKE_INSTITUTIONS.iter().any(|noun| {
                        rest.strip_prefix(noun)
                            .is_some_and(|after| after.chars().next().is_none_or(|c| !c.is_alphanumeric()))
                    })
                })
            })
        })
}

/// English nouns that a variant's (of a virus, a disease, a crop) one-word name comes before.
const VARIANT_NOUNS: &[&str] = &["variant", "variants", "subvariant", "subvariants", "strain", "strains", "lineage"];

/// English nouns of jobs that end a job's title written in capitals ("Storage Systems Architect",
/// "Lead Software Engineer"), never an organisation's or a place's name.
const JOB_NOUNS: &[&str] = &[
    "architect",
    "engineer",
    "developer",
    "designer",
    "analyst",
    "consultant",
    "strategist",
    "evangelist",
    "programmer",
    "technician",
    "administrator",
    "coordinator",
    "specialist",
];

/// A company's officers, written after the company's name and before theirs in English
/// ("Kellair CEO Ana Brook", "Kellsoft co-founder Kellmar Vint").
/// (Not "founder" alone: "the Kellbox Founder's Edition" is a product's.)
const COMPANY_OFFICERS: &[&str] = &["ceo", "cfo", "coo", "cto", "co-founder", "cofounder"];

/// German's definite articles, and its prepositions contracted with one.
const GERMAN_DEFINITE: &[&str] =
    &["der", "die", "das", "dem", "den", "des", "beim", "vom", "zum", "zur", "im", "am", "ins"];

/// A German compound longer than its ending, ending in a public institution's noun.
/// (An office, a chamber or an agency only of the federation or a state: "Bundeskartellamt",
/// not "Finanzamt", a town's tax office; no authority: "die Hafenbehörde" is any harbour's.)
fn is_institution_compound(lower: &str) -> bool {
    let longer = |e: &str| lower.ends_with(e) && lower.chars().count() > e.chars().count() + 2;
    ["gericht", "gerichtshof", "ministerium"].into_iter().any(longer)
        || (["amt", "kammer", "agentur"].into_iter().any(longer)
            && (lower.starts_with("bundes") || lower.starts_with("landes")))
}

/// Lowercase nouns of a kind of place that English writes after a place's name.
const PLACE_NOUNS_AFTER: &[&str] =
    &["airport", "harbour", "harbor", "river", "valley", "strait", "peninsula", "lake", "canyon", "desert"];

/// English nouns of kinds of organisation that may follow the organisation's name in lowercase.
const BODY_NOUNS_AFTER: &[&str] =
    &["union", "militia", "carmaker", "automaker", "airline", "lender", "insurer", "retailer", "broadcaster"];

/// English nouns of the kinds of publication, which follow a publication's name in lowercase.
const PUBLICATION_NOUNS: &[&str] = &["magazine", "newspaper", "tabloid", "broadsheet", "newsletter"];

fn add_evidence(e: &mut Evidence, m: &Mention, lexicon: &Lexicon) {
    // "Псковской области": where names decline, a word before a lowercase "region" is an
    // adjective of a place, whatever stands before it.
    if lexicon.declines_names() && lexicon.place_words.contains(&m.after.as_str()) {
        e.place += 1;
        return;
    }
    // ("Ana Brook, co-founder of Kell Research, said": a name after a preposition is that
    // preposition's object, not the one who speaks; "the Charter says": English writes no
    // article before a person's name.)
    // (Nor do the other languages with lists, as a rule: "a Petrobras anunciou".)
    let object = (lexicon.is_english()
        && (OBJECT_PREPOSITIONS.contains(&m.before.as_str()) || (m.before == "the" && m.words.len() == 1)))
        || (!lexicon.is_english()
            && !lexicon.capitalises_nouns
            && m.words.len() == 1
            && lexicon.name_articles.contains(&m.before.as_str()));
    // ("the Kell Log was born", "the last Kellish Court Painter died": English writes no
    // article before a person's name, and a people's word opens none.)
    // (Nor after an article or a preposition of place in the languages that write them before
    // names of things: "o campeão da Taça Kellense, morre".)
    let befalls = !matches!(m.before.as_str(), "the" | "a" | "an")
        && !(!lexicon.is_english()
            && (lexicon.name_articles.contains(&m.before.as_str()) || lexicon.locatives.contains(&m.before.as_str())))
        && !m.words.first().is_some_and(|w| lexicon.demonyms.contains(&w.to_lowercase().as_str()))
        && befalls_a_person(&m.after, lexicon);
    // "Kellwire reported": a lone word that reports, and that no full name of the article
    // owns (its surname is joined to the full name after), is an outlet or a company; a
    // person is named in full before her surname reports.
    // ("residents of Kellmere reported": not the object of a preposition.)
    let outlet_reports = lexicon.is_english()
        && m.words.len() == 1
        && matches!(m.after.as_str(), "reported" | "reports")
        && !OBJECT_PREPOSITIONS.contains(&m.before.as_str());
    // "The Colonial Pipeline announced", "the Kellton Courier reported": what speaks after "the"
    // is a body, not a person (English writes no article before a person's name).
    // (A name of two words or more: "the Bible says", "the Chaplain said" name no body.)
    let body_speaks = lexicon.is_english()
        && m.words.len() >= 2
        && m.before == "the"
        && (lexicon.is_reporting(m.after.as_str()) || matches!(m.after.as_str(), "reported" | "reports"))
        && !m.words.first().is_some_and(|w| lexicon.demonyms.contains(&w.to_lowercase().as_str()));
    if (outlet_reports || body_speaks) && !m.titled {
        e.org += 1;
    } else if m.titled || (lexicon.is_reporting(m.after.as_str()) && !object) || befalls {
        e.person += 1;
    }
    if m.titled {
        e.titled += 1;
    }
    if m.town {
        e.town += 1;
        e.place += 1;
    }
    if !m.before.is_empty() && m.before.chars().all(|c| c.is_lowercase() || c == '\'' || c == '\u{2019}') {
        e.after_word += 1;
    }
    if m.list > 0 || matches!(m.before.as_str(), "to" | "from") {
        e.place_hint += 1;
    }
    let club = m.words.len() == 1 && lexicon.club_articles.contains(&m.before.as_str());
    // "Kellton beat Brixham 2-0", "defeated Kellton": in English, a town's name alone that
    // beats or is beaten is its sports club's.
    // (Not a surname: "Kell beat Obama in the primary" is a race for office.)
    let match_side = lexicon.is_english()
        && m.words.len() == 1
        && (MATCH_VERBS.contains(&m.after.as_str()) || MATCH_VERBS.contains(&m.before.as_str()))
        && !known::is_surname(&m.words[0].to_lowercase());
    if club || match_side {
        e.club += 1;
    }
    // ("dall'aeroporto ...": the noun after an elided article or preposition.)
    let before_noun = m.before.rsplit(['\'', '\u{2019}']).next().unwrap_or_default();
    if m.called_place
        || (!lexicon.is_english() && !lexicon.capitalises_nouns && lexicon.place_appositions.contains(&before_noun))
    {
        e.called_place += 1;
        e.place += 1;
    }
    // "das Bundesverfassungsgericht", "beim Oberverwaltungsgericht": in German, a compound
    // after a definite article that ends in a public institution's noun names that institution
    // (a court, a ministry, a federal or a state's office, chamber or agency).
    if lexicon.capitalises_nouns
        && m.words.len() == 1
        && GERMAN_DEFINITE.contains(&m.before.as_str())
        && is_institution_compound(&m.words[0].to_lowercase())
    {
        e.org += 1;
    }
    // "Pearson airport", "the Kellwater river": English writes the kind of some places in
    // lowercase after their name.
    if lexicon.is_english() && m.words.len() <= 2 && PLACE_NOUNS_AFTER.contains(&m.after.as_str()) {
        e.called_place += 1;
        e.place += 1;
    }
    // ("film producer Ana Brook": a trade's noun before a name that reads as a person's, a
    // given name and a surname, says nothing of it, as after it.)
    // ("prezes spółki Adam Kellski": in Polish the company's noun before a name is the
    // genitive of a title's owner as often as an apposition.)
    let trade_person = (spans::TRADES.contains(&m.before.as_str()) || lexicon.declines_latin_names())
        && (2..=3).contains(&m.words.len())
        && known::is_given_name_in(&m.words[0].to_lowercase(), lexicon);
    if (lexicon.org_appositions.contains(&m.before.as_str()) && !trade_person) || m.org_apposition {
        e.org += 1;
    }
    // "Newsweek magazine", "the Kell Herald newspaper": a name right before the kind of
    // publication it is names the publisher; "Kellair CEO Ana Brook": a name of three words at
    // most before a company's officer names the company.
    // (Not a place's or a people's name: "a Bridgeport newspaper", "a Puerto Rican newspaper";
    // nor, before an officer, a person's, a given name first: "Ana Brook CTO of Kellsoft".)
    // So does a body's noun after its name ("the IG Kellmetall union", "the Kellsoft carmaker").
    let publisher = PUBLICATION_NOUNS.contains(&m.after.as_str()) || BODY_NOUNS_AFTER.contains(&m.after.as_str());
    let company = m.words.len() <= 3 && COMPANY_OFFICERS.contains(&m.after.as_str());
    if lexicon.is_english() && (publisher || company) {
        let lower: Vec<String> = m.words.iter().map(|w| w.to_lowercase()).collect();
        let name = lower.join(" ");
        let place = known::place(&name).is_some() || crate::gazetteer::territory(&name).is_some();
        let people = lower.iter().any(|w| lexicon.demonyms.contains(&w.as_str())) || is_demonym_of_place(&name);
        let person = company && lower.len() >= 2 && known::is_given_name_in(&lower[0], lexicon);
        if !place && !people && !person {
            e.org += 1;
        }
    }
    // A legal form says a company ("Tessaro SA"), however the sentence reads ("an attack on").
    if m.words.len() > 1 && m.words.last().is_some_and(|w| is_legal_form(&w.to_lowercase())) {
        e.org += 2;
    }
    // ("al Napoli": where a club is named so, its article is no preposition of place.)
    // ("derrotó a Marko Kellovic": nor the Romance "a" before a person's full name, given name
    // and surname, as Spanish writes it before a person who is a verb's object.)
    let personal_a = m.before == "a"
        && (2..=3).contains(&m.words.len())
        && m.words.last().is_some_and(|w| {
            let lower = w.to_lowercase();
            has_surname_ending(&lower) || known::is_surname(&lower)
        })
        && known::place(&m.words.join(" ").to_lowercase()).is_none();
    if lexicon.locatives.contains(&m.before.as_str()) && !club && !personal_a {
        e.place += 1;
    }
    // (Said of a town's namesake too, as a title is: "the Castro government".)
    if leads_a_government(m, lexicon) {
        e.person += 1;
        e.titled += 1;
    }
}

/// Adjectives that stand before a government's noun, capitalised in a headline, and are no
/// leader's name ("The Federal Government", "the Interim Administration").
const GOVERNMENT_ADJECTIVES: &[&str] = &[
    "federal",
    "national",
    "state",
    "provincial",
    "regional",
    "local",
    "central",
    "municipal",
    "interim",
    "transitional",
    "caretaker",
    "coalition",
    "unity",
    "minority",
    "military",
    "civilian",
    "new",
    "current",
    "previous",
    "former",
    "incoming",
    "outgoing",
    "next",
    "last",
    "communist",
    "socialist",
    "conservative",
    "liberal",
    "labour",
    "labor",
    "republican",
    "democratic",
    "islamic",
    "colonial",
    "imperial",
    "puppet",
    "elected",
    "present",
    "whole",
    "entire",
];

/// "the Castro government", "the Kell administration": in English, a lone name between "the"
/// and a government's noun (`spans::GOVERNMENT_HEADS`) is the surname of the government's
/// leader, unless it is a people's word or a place's name ("the Afghan government", "the
/// Kabul government": a capital or region stands for its country's government), an
/// institution's word or an adjective.
fn leads_a_government(m: &Mention, lexicon: &Lexicon) -> bool {
    if !lexicon.is_english()
        || m.words.len() != 1
        || m.before != "the"
        || !spans::GOVERNMENT_HEADS.contains(&m.after.as_str())
    {
        return false;
    }
    let lower = m.words[0].to_lowercase();
    let people = lexicon.demonyms.contains(&lower.as_str()) || is_demonym_of_place(&lower);
    let place = crate::gazetteer::territory(&lower).is_some()
        // (A city by its own name: "Walton" is only another name of a part of Lahore.)
        || known::place(&lower)
            .is_some_and(|p| (p.population >= 100_000 && p.main.is_none()) || p.population >= 1_000_000 || p.is_region());
    // ("the House administration committee": an institution's word is no leader.)
    let institution = lexicon.is_org_word(&lower) || lexicon.standalone_institutions().contains(&lower.as_str());
    !people
        && !place
        && !institution
        && !GOVERNMENT_ADJECTIVES.contains(&lower.as_str())
        && !lexicon.is_function_word(&lower)
}

/// An abbreviation the article defines after words in lowercase ("the harbour levy plan
/// (HLP)", "the consumer price index (CPI)") stands for a common noun, not a name.
///
/// In German, whose nouns are capitalised, one compound noun before the letters defines a
/// common noun's abbreviation too ("das Bruttoinlandsprodukt (BIP)", "im
/// Praxisverwaltungssystem (PVS)"), unless its ending says an institution ("der
/// Bundesgerichtshof (BGH)").
fn drop_common_abbreviations(groups: &mut HashMap<String, Group>, text: &str, lexicon: &Lexicon) {
    // The word right before "(ABC)", and whether a name's word stands before it.
    let compound_before = |at: usize, first: char| {
        let mut words = text[..at].split_whitespace().rev();
        let Some(word) = words.next() else { return false };
        let lower = word.to_lowercase();
        let opens_name = words.next().is_some_and(|w| {
            w.starts_with(char::is_uppercase)
                && !w.ends_with(['.', '!', '?', ':'])
                && !lexicon.is_function_word(&w.to_lowercase())
        });
        lexicon.capitalises_nouns
            && !lexicon.is_other()
            && !opens_name
            && word.chars().count() >= 8
            && word.chars().all(char::is_alphabetic)
            && lower.starts_with(first)
            && !is_org_compound(&lower, lexicon)
            && !lexicon.is_org_word(&lower)
            && known::organisation(word).is_none()
            && known::place(&lower).is_none()
    };
    groups.retain(|_, g| {
        if g.known_org || g.words.len() != 1 || !is_abbreviation(&g.name) {
            return true;
        }
        // "CPMs", "SUVs": letters the text writes in the plural stand for a common noun.
        if written_in_prose(text, &format!("{}s", g.name)) {
            return false;
        }
        let letters: String = g.name.chars().filter(|c| c.is_alphabetic()).flat_map(char::to_lowercase).collect();
        if spelled_out_in_lowercase(text, &letters) {
            return false;
        }
        let Some(at) = text.find(&format!("({})", g.name)) else { return true };
        let before: Vec<&str> = text[..at].split_whitespace().rev().take(letters.chars().count()).collect();
        let initials: String = before.iter().rev().filter_map(|w| w.chars().next()).collect();
        let lowercase = before.iter().all(|w| w.chars().next().is_some_and(char::is_lowercase));
        let first = letters.chars().next().unwrap_or(' ');
        !((lowercase && initials == letters) || compound_before(at, first))
    });
}

/// Whether the text spells letters out as a common noun's words, anywhere ("cost-of-living
/// adjustments" for "COLA"): a run of lowercase words (parts of hyphenated words count as
/// words) whose initials are the letters, four at least (three lowercase words spelling three
/// given letters happen by chance in a long article: "natural-born citizen" for "NBC").
fn spelled_out_in_lowercase(text: &str, letters: &str) -> bool {
    let letters: Vec<char> = letters.chars().collect();
    if letters.len() < 4 {
        return false;
    }
    // The first letter of each word, split at spaces and hyphens (none for a capitalised word).
    let initials: Vec<Option<char>> = text
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_start_matches(|c: char| !c.is_alphanumeric()).chars().next().filter(|c| c.is_lowercase()))
        .collect();
    initials.windows(letters.len()).any(|run| run.iter().zip(&letters).all(|(first, letter)| *first == Some(*letter)))
}

/// "VOTE", "GREAT" in "your GREAT Governor": a word in capitals that the text also writes in
/// lowercase is that word, shouted (a known organisation's or place's letters excepted).
fn drop_shouted_words(groups: &mut HashMap<String, Group>, text: &str) {
    let shouted = |g: &Group| {
        !g.known_org
            && g.words.len() == 1
            && g.name.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && g.name.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
    };
    groups.retain(|key, g| {
        !(shouted(g)
            && written_in_prose(text, key)
            && known::place(key).is_none()
            && crate::gazetteer::territory(key).is_none())
    });
}

/// Whether the text writes a word as a word of its prose: not inside another word, nor in an
/// address ("www.kbkw.example", "kbkw@...").
fn written_in_prose(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let mut after = text[at + word.len()..].chars();
        let next = after.next();
        let opens =
            before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '"' | '\u{201c}' | '\u{2018}' | '\'' | '-'));
        let closes = match next {
            None => true,
            Some('.') => after.next().is_none_or(char::is_whitespace),
            Some(c) => {
                c.is_whitespace()
                    || matches!(c, ',' | ';' | ':' | '!' | '?' | ')' | '"' | '\u{201d}' | '\u{2019}' | '\'' | '-')
            }
        };
        opens && closes
    })
}

/// An abbreviation the article also spells out ("ECB" after "European Central Bank", "HRB"
/// after "Kellmark Transport Department Harbour Review Board") is the spelled-out name.
fn join_abbreviations(groups: &mut HashMap<String, Group>) {
    let short: Vec<String> = groups
        .iter()
        .filter(|(_, g)| !g.known_org && g.words.len() == 1 && is_abbreviation(&g.name))
        .map(|(k, _)| k.clone())
        .collect();
    for key in short {
        let letters: String = key.chars().filter(char::is_ascii_alphabetic).collect();
        let owners: Vec<String> = groups
            .iter()
            .filter(|(_, g)| g.words.len() >= 2)
            .filter(|(_, g)| {
                let initials: String = g
                    .words
                    .iter()
                    .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                    .filter_map(|w| w.chars().next())
                    .flat_map(char::to_lowercase)
                    .collect();
                // ("HRB" for the "Kellmark Transport Department Harbour Review Board" too: an
                // owner's name before the body's own.)
                initials == letters
                    || (letters.len() >= 3 && (initials.starts_with(&letters) || initials.ends_with(&letters)))
            })
            .map(|(k, _)| k.clone())
            .collect();
        if let [owner] = owners.as_slice()
            && let Some(g) = groups.remove(&key)
            && let Some(full) = groups.get_mut(owner)
        {
            full.mentions += g.mentions;
            full.evidence.org += g.evidence.org;
            full.forms.extend(g.forms);
        }
    }
}

/// "Kellworks Stores Inc." and "Kellworks", "Brixo Holdings" and "Brixo" in one article: a
/// company's name with the words that say what kind of company it is, and the name it goes by
/// alone, are one organisation, shown by the shorter name. (Not a person's name before them,
/// "Ana Brook Holdings" beside "Ana Brook", nor a place's.)
fn join_corporate_names(groups: &mut HashMap<String, Group>) {
    let long: Vec<(String, String)> = groups
        .keys()
        .filter_map(|key| {
            let words: Vec<&str> = key.split(' ').collect();
            let kept = words.len() - words.iter().rev().take_while(|w| CORPORATE_WORDS.contains(w)).count();
            (kept > 0 && kept < words.len()).then(|| (key.clone(), words[..kept].join(" ")))
        })
        .collect();
    for (key, short) in long {
        // (A well-known organisation's group is keyed by its main name, not as written.)
        let short = if groups.contains_key(&short) {
            short
        } else {
            known::organisation(&short).map_or(short, str::to_lowercase)
        };
        // (Not a place's name: "Oslo Holdings" beside the city of Oslo.)
        let place = known::place(&short).is_some() || crate::gazetteer::territory(&short).is_some();
        if short == key
            || place
            || !groups.get(&short).is_some_and(|g| {
                g.evidence.titled == 0 && !g.words.first().is_some_and(|w| known::is_given_name(&w.to_lowercase()))
            })
        {
            continue;
        }
        if let Some(g) = groups.remove(&key)
            && let Some(plain) = groups.get_mut(&short)
        {
            plain.mentions += g.mentions;
            plain.evidence.org += g.evidence.org + 1;
            plain.known_org |= g.known_org;
            plain.forms.extend(g.forms);
        }
    }
}

/// Words after a company's name that say what kind of company it is (lowercase).
const CORPORATE_WORDS: &[&str] = &[
    "stores",
    "holdings",
    "group",
    "company",
    "companies",
    "corporation",
    "incorporated",
    "industries",
    "international",
];

/// "Donald J. Trump" and "Donald Trump" in one article are one person, under the key without
/// the initial (the one more outlets write). Only one initial between two words of the name:
/// "George H. W. Bush" stays as written.
fn join_middle_initials(groups: &mut HashMap<String, Group>) {
    let with_initial: Vec<(String, String)> =
        groups.keys().filter_map(|k| without_middle_initial(k).map(|bare| (k.clone(), bare))).collect();
    for (key, bare) in with_initial {
        if !groups.contains_key(&bare) || groups.get(&key).is_some_and(|g| g.known_org) {
            continue;
        }
        if let Some(g) = groups.remove(&key)
            && let Some(plain) = groups.get_mut(&bare)
        {
            plain.mentions += g.mentions;
            plain.evidence.person += g.evidence.person;
            plain.evidence.titled += g.evidence.titled;
            plain.forms.extend(g.forms);
            // The name as written in full ("Donald J. Trump").
            plain.name = g.name;
            plain.words = g.words;
        }
    }
}

/// "Ana Brook" and "Ana Kellia Brook" in one article: a person named once with her middle
/// names (one or two) and once without is one person, where the short name reads as a
/// person's (a given name first, a title, a verb of saying). She is shown by the form the
/// article uses more (the full one on a tie), and her surname alone then has one owner.
fn join_middle_names(groups: &mut HashMap<String, Group>, lexicon: &Lexicon) {
    let person = |g: &Group| {
        !g.known_org
            && (g.evidence.person > 0
                || g.evidence.titled > 0
                || g.words.first().is_some_and(|w| known::is_given_name_in(&w.to_lowercase(), lexicon)))
    };
    let pairs: Vec<(String, String)> = groups
        .iter()
        .filter(|(_, g)| !g.known_org)
        .filter_map(|(key, _)| {
            let words: Vec<&str> = key.split(' ').collect();
            let middle = words.get(1..words.len().checked_sub(1)?)?;
            let plain = |w: &&str| {
                w.chars().all(char::is_alphabetic)
                    && !lexicon.connectors.contains(w)
                    && !lexicon.name_particles.contains(w)
                    && !lexicon.is_org_word(w)
                    && !lexicon.place_words.contains(w)
            };
            if !(1..=2).contains(&middle.len()) || !middle.iter().all(plain) {
                return None;
            }
            let bare = format!("{} {}", words[0], words[words.len() - 1]);
            groups.get(&bare).filter(|g| person(g)).map(|_| (key.clone(), bare))
        })
        .collect();
    for (full, bare) in pairs {
        if let Some(g) = groups.remove(&full)
            && let Some(plain) = groups.get_mut(&bare)
        {
            if g.mentions >= plain.mentions {
                plain.name = g.name;
                plain.words = g.words;
            }
            plain.mentions += g.mentions;
            plain.evidence.person += g.evidence.person;
            plain.evidence.titled += g.evidence.titled;
            plain.forms.extend(g.forms);
        }
    }
}

/// "Kell Brannock" after "Ana Kell Brannock": a surname of two words alone is the person named
/// in full with it, where one full name of this article ends so and opens with a given name.
fn join_double_surnames(groups: &mut HashMap<String, Group>, lexicon: &Lexicon) {
    if !groups.keys().any(|k| k.split(' ').count() >= 3) {
        return;
    }
    // ("Van Der Kell" after "Joan Van Der Kell": a surname of three words with its particles.)
    let given = |g: &Group| g.words.first().is_some_and(|w| known::is_given_name_in(&w.to_lowercase(), lexicon));
    let pairs: Vec<(String, String)> = groups
        .iter()
        .filter(|(k, g)| {
            let particle = k.split(' ').next().is_some_and(|w| lexicon.name_particles.contains(&w));
            (k.split(' ').count() == 2 || (k.split(' ').count() == 3 && particle))
                && !g.known_org
                && (!given(g) || particle)
                && known::place(k).is_none()
                && !k.split(' ').any(|w| lexicon.is_org_word(w) || lexicon.place_words.contains(&w))
        })
        .filter_map(|(k, _)| {
            let suffix = format!(" {k}");
            let mut owners = groups
                .iter()
                .filter(|(full, g)| {
                    full.split(' ').count() > k.split(' ').count() && full.ends_with(&suffix) && given(g)
                })
                .map(|(full, _)| full.clone());
            let owner = owners.next()?;
            owners.next().is_none().then(|| (k.clone(), owner))
        })
        .collect();
    for (short, full) in pairs {
        if let Some(g) = groups.remove(&short)
            && let Some(owner) = groups.get_mut(&full)
        {
            owner.mentions += g.mentions;
            owner.evidence.person += g.evidence.person;
            owner.forms.extend(g.forms);
        }
    }
}

/// "Kellsoft and Brix Labs" where the article also names Kellsoft alone: two names joined by
/// "and" are two where one side is a name of its own in the article (a known organisation's
/// or place's whole name stays: "Bosnia and Herzegovina").
fn part_coordinated_names(groups: &mut HashMap<String, Group>) {
    let joined: Vec<(String, String, String)> = groups
        .iter()
        .filter(|(_, g)| !g.known_org)
        .filter_map(|(key, _)| {
            let (left, right) = key.split_once(" and ").or_else(|| key.split_once(" & "))?;
            let own = |part: &str| groups.contains_key(part);
            // ("Port Authority of Kell and Brix": "and" inside what "of" governs joins.)
            (known::place(key).is_none()
                && crate::gazetteer::territory(key).is_none()
                && !left.contains(" of ")
                && (own(left) || own(right)))
            .then(|| (key.clone(), left.to_owned(), right.to_owned()))
        })
        .collect();
    for (key, left, right) in joined {
        let Some(g) = groups.remove(&key) else { continue };
        let Some(at) = g.words.iter().position(|w| w == "and" || w == "&") else { continue };
        for (part, words) in [(left, &g.words[..at]), (right, &g.words[at + 1..])] {
            if let Some(own) = groups.get_mut(&part) {
                own.mentions += g.mentions;
            } else if !words.is_empty() {
                // The other side, a name of its own with the evidence the whole had.
                let name = words.join(" ");
                let forms = std::iter::once(name.clone()).collect();
                groups.insert(part, Group { name, forms, words: words.to_vec(), ..g.clone() });
            }
        }
    }
}

/// A key without its one middle initial ("donald j. trump": "donald trump"); `None` without
/// one, or with two ("george h. w. bush").
fn without_middle_initial(key: &str) -> Option<String> {
    let words: Vec<&str> = key.split(' ').collect();
    let initials: Vec<usize> =
        (1..words.len().saturating_sub(1)).filter(|&i| words[i].trim_end_matches('.').chars().count() == 1).collect();
    let [i] = initials.as_slice() else { return None };
    let bare: Vec<&str> = words.iter().enumerate().filter(|(n, _)| n != i).map(|(_, w)| *w).collect();
    Some(bare.join(" "))
}

/// A name without the number a son or grandson of the same name bears ("william taylor iii").
fn without_regnal_suffix(key: &str) -> &str {
    key.rsplit_once(' ').filter(|(_, last)| REGNAL_SUFFIXES.contains(last)).map_or(key, |(name, _)| name)
}

/// A name without its "Jr." or "Sr.", if it has one.
fn without_junior(key: &str) -> Option<&str> {
    ["jr.", "jr", "sr.", "sr"].iter().find_map(|s| key.strip_suffix(s)?.strip_suffix(' '))
}

/// Whether a full name (a grandson's number aside) ends with `surname` after words of its own
/// that are not a realm's "of", "for", "on" or "at" ("william taylor iii" ends with "taylor";
/// "court of kansas" does not end with "kansas").
fn ends_with_surname(full: &str, surname: &str) -> bool {
    without_regnal_suffix(full).strip_suffix(surname).and_then(|rest| rest.strip_suffix(' ')).is_some_and(|rest| {
        !rest.is_empty() && !rest.rsplit(' ').next().is_some_and(|w| matches!(w, "of" | "for" | "on" | "at"))
    })
}

/// A surname alone is the person named in full, when one full name ends with it.
fn join_surnames(groups: &mut HashMap<String, Group>, weak: HashMap<String, u32>, text: &str, lexicon: &Lexicon) {
    // Places are no full names, and a country is no surname: "America" alone is not "Central
    // America". (A town's name may be: "Jackson" is "Jesse Jackson".)
    let names_a_place = |k: &str| crate::gazetteer::territory(k).is_some() || known::place(k).is_some();
    // Where every noun is capitalised, a noun alone that ends a longer run ("Netze" after
    // "Neue Netze" opened a sentence) is no surname unless the run reads as a person's name:
    // a given name first, a title, or a verb of saying.
    let reads_as_person = |g: &Group| {
        !lexicon.capitalises_nouns
            || g.evidence.person > 0
            || g.words.first().is_some_and(|w| known::is_given_name_in(&w.to_lowercase(), lexicon))
    };
    let full_names: Vec<String> = groups
        .iter()
        .filter(|(k, g)| k.contains(' ') && !names_a_place(k) && reads_as_person(g))
        .map(|(k, _)| k.clone())
        .collect();
    let country = |k: &str| crate::gazetteer::territory(k).is_some();
    let owner_of = |single: &str| -> Option<String> {
        // (A state named after "of" in a court's name is the court's realm, not its
        // surname.)
        // ("le pen" is the surname of "marine le pen".)
        // ("Taylor" is the surname of "William Taylor III" too; not "Trump" of "Donald Trump
        // Jr.", whose father the text names by his surname alone.)
        let owns = |f: &str| ends_with_surname(f, single);
        let owners: Vec<&String> = full_names.iter().filter(|f| owns(f)).collect();
        // ("Jackson" beside "Marta Jackson" and "Cyrus Jackson Jr." is either.)
        if full_names.iter().any(|f| without_junior(f).is_some_and(owns)) {
            return None;
        }
        // One full name, or one that every other ends with ("peter strzok" in "agent peter
        // strzok", a title the lists do not know kept in the name).
        // ("robert s. mueller iii" is "robert mueller" too, and "raúl brook" is "raul brook".)
        let plain = |o: &str| {
            let o = without_regnal_suffix(o);
            let o = without_middle_initial(o).unwrap_or_else(|| o.to_owned());
            o.split(' ')
                .map(|w| {
                    Some(crate::script::fold_to_latin(w)).filter(|f| !f.is_empty()).unwrap_or_else(|| w.to_owned())
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        let shortest = owners.iter().min_by_key(|o| o.len())?;
        let plain_shortest = plain(shortest);
        owners
            .iter()
            .all(|o| {
                let o = plain(o);
                o == plain_shortest || o.ends_with(&format!(" {plain_shortest}"))
            })
            .then(|| (*shortest).clone())
    };
    // A surname repeated alone is a person's sign only for a name that could be a person's: a
    // given name first, a title, a verb of saying, or words the text never writes in
    // lowercase ("Fair Fares for Riders, More Fares for Nobody" repeats "Fares", which makes no
    // person of a slogan; "Harbour Weekly" and "Night Ferries" are words of the text).
    // (Read only when a name needs it.)
    let lowercase: std::cell::OnceCell<crate::hash::HashSet<&str>> = std::cell::OnceCell::new();
    let could_be_person = |g: &Group| {
        g.evidence.person > 0
            || g.evidence.titled > 0
            || g.words.first().is_some_and(|w| known::is_given_name(&w.to_lowercase()))
            || {
                let lowercase = lowercase.get_or_init(|| {
                    text.split(|c: char| !c.is_alphabetic())
                        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
                        .collect()
                });
                !g.words.iter().any(|w| lowercase.contains(w.to_lowercase().as_str()))
            }
    };
    for (single, n) in weak {
        // ("Korean" alone after "South Korean officials" is a people's word, no surname.)
        if country(&single) || lexicon.demonyms.contains(&single.as_str()) {
            continue;
        }
        if let Some(owner) = owner_of(&single)
            && let Some(full) = groups.get_mut(&owner)
        {
            full.mentions += n;
            full.evidence.person += u32::from(could_be_person(full));
        }
    }
    let singles: Vec<String> = groups.keys().filter(|k| !k.contains(' ')).cloned().collect();
    // A given name alone is the one person the article names in full with it ("Elizabeth"
    // beside "Elizabeth Brook"), unless the text says it is a place.
    for single in &singles {
        let Some(g) = groups.get(single) else { continue };
        if g.known_org || g.evidence.place > 0 || !known::is_given_name(single) || country(single) {
            continue;
        }
        if known::place(single).is_some_and(|p| p.population >= 1_000_000) {
            continue;
        }
        let owners: Vec<&String> = full_names
            .iter()
            .filter(|f| f.split(' ').next() == Some(single.as_str()) && f.split(' ').count() == 2)
            .collect();
        if let [owner] = owners.as_slice() {
            let owner = (*owner).clone();
            if let Some(g) = groups.remove(single)
                && let Some(full) = groups.get_mut(&owner)
            {
                full.mentions += g.mentions;
                full.evidence.person += g.evidence.person + 1;
            }
        }
    }
    // A surname may open with an article ("Le Pen", "La Rosa").
    let surname = |k: &str| {
        !k.contains(' ')
            || k.split_once(' ').is_some_and(|(a, rest)| lexicon.name_articles.contains(&a) && !rest.contains(' '))
    };
    // (Or a word keyed by the place it is another name of: "Harper" is also Costa Mesa's.)
    let singles: Vec<String> =
        groups.iter().filter(|(k, g)| surname(k) || g.words.len() == 1).map(|(k, _)| k.clone()).collect();
    for single in singles {
        // ("Jordan said" beside "Jim Jordan": a country's name alone is the person's surname
        // where it does what a person does and nothing says a place.)
        let says_person = groups.get(&single).is_some_and(|g| g.evidence.person > 0 && g.evidence.place == 0);
        if country(&single) && !says_person {
            continue;
        }
        // ("Söder" is keyed as the district it also names: its words are the surname.)
        let written =
            groups.get(&single).map(|g| fold_words(&g.words.iter().map(|w| w.to_lowercase()).collect::<Vec<_>>()));
        // (Only a full name that reads as a person's takes it: "Read Kyle" is no name.)
        let person_like = |owner: &String| {
            groups.get(owner).is_some_and(|g| {
                g.evidence.person > 0
                    || g.words.first().is_some_and(|w| known::is_given_name_in(&w.to_lowercase(), lexicon))
            })
        };
        let Some(owner) = owner_of(&single)
            .or_else(|| written.clone().filter(|w| *w != single).and_then(|w| owner_of(&w)).filter(person_like))
        else {
            // ("Jackson" beside "Cyrus Jackson Jr." and "Marta Jackson".)
            let surname = written.as_deref().unwrap_or(&single);
            let people = full_names
                .iter()
                .filter(|full| ends_with_surname(without_junior(full).unwrap_or(full), surname) && person_like(full))
                .count();
            if people >= 2
                && let Some(g) = groups.get_mut(&single)
            {
                g.surname_of_several = true;
            }
            continue;
        };
        // ("Ebro" beside "Confederación Hidrográfica del Ebro": a region's or a river's name alone
        // is no short form of an organisation named after it.)
        // (Unless a given name opens that name: "Jim Jordan", "Ana Georgia".)
        let given_first = groups
            .get(&owner)
            .is_some_and(|g| g.words.first().is_some_and(|w| known::is_given_name_in(&w.to_lowercase(), lexicon)));
        let region = known::place(&single).is_some_and(|p| p.is_region()) && !given_first;
        if groups.get(&single).is_some_and(|g| g.known_org) || region || (country(&single) && !person_like(&owner)) {
            continue;
        }
        // An institution named by its one word is short for a longer name only where the
        // words before it are its realm or its head ("Utah Legislature", "US Navy", "Department
        // of the Treasury"); "House", the chamber, is not short for "White House" or "State
        // House".
        let realm = |full: &str| {
            full.rsplit_once(' ').is_some_and(|(before, _)| {
                before.ends_with(" of")
                    || before.ends_with(" of the")
                    || known::place(before).is_some()
                    || crate::gazetteer::territory(before).is_some()
            })
        };
        if lexicon.is_english() && lexicon.standalone_institutions().contains(&single.as_str()) && !realm(&owner) {
            continue;
        }
        if let Some(g) = groups.remove(&single)
            && let Some(full) = groups.get_mut(&owner)
        {
            full.mentions += g.mentions;
            full.evidence.person += g.evidence.person + u32::from(could_be_person(full));
            full.evidence.place += g.evidence.place;
        }
    }
}

/// "Kellton Whalers", "Port Alder Red Herons": a big place's name, then one or two words ending
/// in a plural (not a place's: "Heights", "Falls"), where nothing says a person, is shaped as a
/// sports team's name. (A big town by its main name: "Soul" is no "Seoul"; nor a given name:
/// "Austin Reeds" is a person.)
fn is_team(key: &str, g: &Group, lexicon: &Lexicon) -> bool {
    if !lexicon.is_english()
        || g.words.len() < 2
        || g.words.len() > 5
        || g.known_org
        || !g.words.last().is_some_and(|w| w.ends_with('s'))
    {
        return false;
    }
    let lower: Vec<String> = g.words.iter().map(|w| w.to_lowercase()).collect();
    let last = lower[lower.len() - 1].as_str();
    let plural = last.chars().count() >= 4
        && last.ends_with('s')
        && !last.ends_with("ss")
        && !lexicon.place_words.contains(&last)
        && !lexicon.is_org_word(last)
        && !lexicon.demonyms.contains(&last)
        && !lexicon.is_function_word(last)
        && !lexicon.other_heads.contains(&last)
        && !matches!(last, "counties" | "roads" | "grounds" | "fairgrounds" | "docks" | "states");
    let big_town = |k: usize| {
        let town = lower[..k].join(" ");
        let least = if k == 1 { 100_000 } else { 15_000 };
        known::place(&town).is_some_and(|p| p.population >= least && p.main.is_none())
            || crate::gazetteer::territory(&town).is_some()
    };
    // (A town that is also a given name, "Cleveland", where nothing says a person.)
    plural
        && g.evidence.titled == 0
        && (g.evidence.person == 0 || !known::is_given_name_in(&lower[0], lexicon))
        && known::place(key).is_none()
        && (1..lower.len())
            .filter(|&k| lower.len() - k <= 2)
            .any(|k| lower[k..].iter().all(|w| !lexicon.connectors.contains(&w.as_str())) && big_town(k))
}

/// "Il Milan ha battuto il Napoli", "el Sevilla ganó": where the language writes no article
/// before a town's name, a town named after one is its sports club, unless the text names it
/// as a place more often ("a Napoli") or the article is the town's own ("il Cairo", "la
/// Spezia"). Towns only: the language writes articles before its regions and countries ("il
/// Lazio", "la Francia").
fn town_club(key: &str, g: &Group, place: u64) -> bool {
    g.evidence.club > g.evidence.place
        && g.words.len() == 1
        && place > 0
        && !known::place(key).is_some_and(|p| p.is_region())
        && crate::gazetteer::territory(key).is_none()
        && !["il ", "lo ", "la ", "l'", "el "].iter().any(|a| known::place(&format!("{a}{key}")).is_some())
}

fn classify(key: &str, g: &Group, lexicon: &Lexicon, sure: bool) -> Option<EntityKind> {
    // "Le Monde", "El País": a name that opens with an article is no person's (a surname
    // that does, "Le Pen", was joined to the full name the article gives first); inside a
    // sentence (where alone the article is kept as the name's), it is a newspaper's or
    // another body's, where nothing says otherwise ("interrogé par Le Courrier").
    let article_first = g.words.len() >= 2 && lexicon.name_articles.contains(&g.words[0].to_lowercase().as_str());
    let Some(kind) = classify_by_evidence(key, g, lexicon, sure) else {
        return article_first.then_some(EntityKind::Organization);
    };
    if kind == EntityKind::Person && article_first {
        return Some(EntityKind::Organization);
    }
    // "the Kell Valley Upland Timber Harvest Area wrote": five capitalised words or
    // more, initials and suffixes aside, name no person; what speaks so is an organisation.
    let name_words = g
        .words
        .iter()
        .filter(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.trim_end_matches('.').chars().count() > 1
                && !spans::is_suffix(&w.to_lowercase())
        })
        .count();
    // (Not one that ends in a given name and a surname: "Kell County Undersheriff Ana Brook"
    // is a title the lists do not know, before a person.)
    let ends_in_person =
        g.words.len() >= 2 && known::is_given_name_in(&g.words[g.words.len() - 2].to_lowercase(), lexicon);
    if kind == EntityKind::Person && name_words >= 5 && !ends_in_person {
        return Some(EntityKind::Organization);
    }
    if kind == EntityKind::Person && names_no_person(g, lexicon, ends_in_person) {
        return None;
    }
    Some(kind)
}

/// Whether a name read as a person's is shaped as no person's name is: a title's, a
/// product's or a cause's written in capitals. `ends_in_person`: the name ends in a given name
/// and a surname.
fn names_no_person(g: &Group, lexicon: &Lexicon, ends_in_person: bool) -> bool {
    let first = g.words[0].to_lowercase();
    // "Will Always Love", "Worth A Visit", "Hotline On Call": words of a title written in
    // capitals hold function words no person's name does after its first word (a given name
    // such as "May" or "Will" and a particle such as "van" aside).
    let function_word = lexicon.is_english() && holds_function_word(g, lexicon);
    // "TED Talk", "RGB LEDs", "YMCA Alexandria": letters in capitals open no person's name,
    // unless they spell a given name ("JACK") or are two initials written without dots ("LK
    // Advani"), or the whole name is written in capitals ("DMITRY PESKOV" in a shouted line).
    let capitals = |w: &String| w.chars().all(|c| c.is_uppercase() || c == '-' || c == '&');
    let letters_first = g.words.len() >= 2
        && capitals(&g.words[0])
        && g.words[0].chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !g.words[1..].iter().all(capitals)
        && !known::is_given_name_in(&first, lexicon);
    // "Executive Producer", "Executive Airport", "General Contractors": a title's word before
    // a word that is itself a title's, a place's or an organisation's names no one.
    let common_noun = g.words.len() == 1 && {
        let singular = first.strip_suffix('s').unwrap_or(&first);
        [first.as_str(), singular].iter().any(|w| {
            lexicon.is_title(w)
                || lexicon.place_words.contains(w)
                || lexicon.is_org_word(w)
                || lexicon.org_appositions.contains(w)
        })
    };
    // "Public Data", "Civil Liberties", "Beautiful Jesus", "Personal Branding Blog": an
    // English adjective opens no person's name (a given name aside: "Rich", "Young"; and a
    // title the lists do not know before a given name and a surname stays with them).
    let adjective_first = lexicon.is_english()
        && g.words.len() >= 2
        && !ends_in_person
        && crate::lexicon::english::is_adjective(&first)
        && !known::is_given_name_in(&first, lexicon);
    function_word || letters_first || common_noun || adjective_first
}

/// Whether a word after the first of `g`'s name is a function word that is neither a given
/// name nor a name's particle.
fn holds_function_word(g: &Group, lexicon: &Lexicon) -> bool {
    g.words.iter().skip(1).any(|w| {
        let lower = w.to_lowercase();
        lexicon.is_function_word(&lower)
            && !known::is_given_name_in(&lower, lexicon)
            && !lexicon.name_particles.contains(&lower.as_str())
    })
}

fn classify_by_evidence(key: &str, g: &Group, lexicon: &Lexicon, sure: bool) -> Option<EntityKind> {
    if g.known_org {
        return Some(EntityKind::Organization);
    }
    let lower: Vec<String> = g.words.iter().map(|w| w.to_lowercase()).collect();
    let first = lower.first()?;
    let last = lower.last()?;
    let several = lower.len() >= 2;
    // (Not where the words around it say a place or an organisation, nor the gazetteer a
    // country, nor a word that names an event or an institution: "Olympics" of "Sydney
    // Olympics" and "Summer Olympics".)
    if g.surname_of_several
        && g.evidence.place == 0
        && g.evidence.org == 0
        && crate::gazetteer::territory(key).is_none()
        && !lexicon.other_heads.contains(&first.as_str())
        && !lexicon.is_org_word(first)
        && !lexicon.place_words.contains(&first.as_str())
    {
        return Some(EntityKind::Person);
    }
    // "XVI-lea" (of "Benedict al XVI-lea", the Romanian "the 16th"): a regnal number alone
    // names nobody.
    if !several && is_regnal_number(&g.name) {
        return None;
    }
    // "Hurricane Kellan", "Typhoon Mawar", "Ураган Келлан": a storm is none of the three
    // kinds, however its given name reads.
    if several && STORM_WORDS.contains(&first.as_str()) {
        return None;
    }
    // "Storage Systems Architect", "Senior Cloud Engineer": a job's title in capitals (after a
    // person's name, before her employer's) names nobody, whatever its words.
    if lexicon.is_english() && several && JOB_NOUNS.contains(&last.as_str()) && !known::is_given_name_in(first, lexicon)
    {
        return None;
    }
    // "Nagroda Kellmanna", "Puchar Kellandii": where the language writes the head noun of a
    // prize's, a cup's or a law's name first, that word opens no entity's name.
    if lexicon.declines_latin_names() && several && lexicon.other_heads.contains(&first.as_str()) {
        return None;
    }
    // "Against Raiders" (of "the Justice Against Raiders of Kell Act", a law's name cut after
    // its first word): no name opens with a preposition.
    if lexicon.is_english() && ENGLISH_PREPOSITIONS.contains(&first.as_str()) {
        return None;
    }
    // "Bank of England", "Gulf of Mexico", "Port Authority of Kell Bay": the words before the
    // first "of" (or its kin) say what the name is.
    let head_len = lower
        .iter()
        .position(|w| lexicon.connectors.contains(&w.as_str()) && !spans::is_coordinator(w))
        .filter(|&n| n > 0)
        .unwrap_or(lower.len());
    let head = &lower[..head_len];
    let head_last = head.last().unwrap_or(last);
    // "Port Elizabeth", "Mount Kenya"; not "Port Authority", whose second word names an
    // organisation.
    // "St. Kell Harbour Coalition" names an organisation by its last word.
    // "Post-Dispatch", "Port Alder Union-Tribune", "Kellton Gazette-Mail": a hyphenated word is
    // read by each of its parts.
    let org_word = |w: &str| w.split('-').any(|t| lexicon.is_org_word(t));
    // "Kell Valley Water District": a special-purpose district is an organisation.
    let special_district = lexicon.is_english()
        && head_last == "district"
        && head.len() >= 2
        && SPECIAL_DISTRICTS.contains(&head[head.len() - 2].as_str());
    // "Joan Hill said" is a person, "Kell Hill" a place: a place's word that is also a
    // surname ends a person's name after a given name where the text says a person.
    let surname_place = head.len() == 2
        && SURNAME_PLACE_WORDS.contains(&head_last.as_str())
        && known::is_given_name_in(first, lexicon)
        && (g.evidence.person > 0 || g.evidence.titled > 0)
        && known::place(key).is_none();
    let place_head = several
        && !special_district
        && !surname_place
        && (lexicon.place_words.contains(&head_last.as_str())
            || (lexicon.place_prefixes.contains(&first.as_str()) && !org_word(&lower[1]) && !org_word(head_last)));
    // "Kellridge Bank" in a Russian or Ukrainian text: a name in Latin letters where names
    // decline is a foreign one, read by English head nouns too.
    let foreign = lexicon.declines_names() && g.name.chars().all(|c| !c.is_alphabetic() || (c as u32) < 0x0250);
    let company_last = lexicon.is_english() && COMPANY_LAST_WORDS.contains(&last.as_str());
    let org_head = several
        && (special_district
            || company_last
            || head.iter().any(|w| {
                org_word(w)
                    || (foreign && crate::lexicon::names::ENGLISH.is_org_word(w))
                    || (!lexicon.is_english() && ENGLISH_CORPORATE_HEADS.contains(&w.as_str()))
                    || is_org_compound(w, lexicon)
            }));
    let abbreviation = !several && is_abbreviation(&g.name);
    let country =
        territory_here(key, lexicon, sure).is_some() || territory_here(&fold_words(&lower), lexicon, sure).is_some();
    // "Kyle", "Bella": a given name alone that is only another name of a foreign
    // city (GeoNames: Kiel, Bello) names it only where the text says it is a place.
    // (In every language: "Bella" of Polish "twierdzenie Bella" is a surname's genitive.)
    let foreign_alone = !several
        && g.evidence.place == 0
        && known::is_given_name_in(first, lexicon)
        && known::place(first).is_some_and(|p| p.main.is_some() && p.population < 1_000_000 && !p.is_region());
    // "a Metro look", "Paramount has not chosen", "the Delta variant": in English, a common
    // word alone that is only a city's name (not a region's, and a city of under a million
    // people) names it only where the text says it is a place ("in Mission, Texas"), or hints
    // so (in a list of names, after "to" or "from").
    let word_alone = lexicon.is_english()
        && !several
        && g.evidence.place == 0
        && g.evidence.place_hint == 0
        && known::is_common_english_word(first)
        && known::place(first).is_some_and(|p| p.population < 1_000_000 && !p.is_region());
    let place = if foreign_alone || word_alone {
        0
    } else {
        known::place(key).or_else(|| known::place(&fold_words(&lower))).map_or(0, |p| p.population)
    };
    // Nouns are capitalised in German: a lone capitalised word needs more to be a name.
    // In a language that declines names, a lone capitalised word is as often an
    // organisation's one-word name ("Минфин") as a surname: it needs a title to be a person.
    let lone_noun = !several && (lexicon.capitalises_nouns || lexicon.declines_names());
    // "Swiss", "Missourians", "Roman Catholic": peoples and their adjectives.
    // ("en Suisse": in a language whose peoples are nouns, a people's word that is also its
    // country's name is the country where the text says it is a place.)
    // ("South Korean", "West African": a people's word after a point of the compass.)
    let compass_people = several
        && lexicon.is_english()
        && lexicon.demonyms.contains(&last.as_str())
        && lower[..lower.len() - 1].iter().all(|w| COMPASS_WORDS.contains(&w.as_str()));
    let peoples = (lower.iter().all(|w| lexicon.demonyms.contains(&w.as_str())) || compass_people)
        && !(country && g.evidence.place > 0 && !lexicon.is_english());
    // "the Constitution", "the Treaty": a document's or an event's word alone names none of the
    // three kinds ("Bill" is also a given name).
    let other_alone =
        !several && lexicon.other_heads.contains(&first.as_str()) && !known::is_given_name_in(first, lexicon);
    // "Eastern Kentucky", "Southern California", "Midtown Manhattan": a point of the compass
    // (or a part of a town) before a known place names a part of it.
    let part_of_place = lexicon.is_english()
        && (2..=4).contains(&lower.len())
        && (COMPASS_WORDS.contains(&first.as_str())
            || matches!(first.as_str(), "midtown" | "downtown" | "uptown" | "upstate"))
        && g.evidence.titled == 0
        && {
            let rest = lower[1..].join(" ");
            // (Not a people's word that is also a place's name: "Northern Thai" cooking.)
            !lexicon.demonyms.contains(&rest.as_str())
                && (known::place(&rest).is_some_and(|p| p.population >= 15_000 || p.is_region())
                    || crate::gazetteer::territory(&rest).is_some())
        };
    if part_of_place {
        return Some(EntityKind::Place);
    }
    if peoples
        || other_alone
        // (Not a country's German genitive: "Polens" is no "Pole" and "-ns".)
        || (!several && !country && is_plural_demonym(first))
        // ("Kell College of Law": not after an institution's head noun.)
        || (several && lexicon.other_heads.contains(&last.as_str()) && !(head_len < lower.len() && org_head))
    {
        return None;
    }
    // "R-KY", "D-N.Y.": a lawmaker's party and state, not a name.
    if !several
        && g.name.len() <= 8
        && g.name.chars().nth(1) == Some('-')
        && g.name.starts_with(|c: char| c.is_ascii_uppercase())
    {
        return None;
    }
    // ("the West Bank": a known place's whole name holds an organisation's word.)
    if org_head && !place_head && !known::place(key).is_some_and(|p| p.is_region()) {
        return Some(EntityKind::Organization);
    }
    // "Kansas Democrats", "Sweden Democrats": a party's members of a place, or of a people.
    if lexicon.is_english()
        && several
        && matches!(last.as_str(), "democrats" | "republicans")
        && lower[..lower.len() - 1].iter().all(|w| !lexicon.is_function_word(w))
        && {
            let before = lower[..lower.len() - 1].join(" ");
            known::place(&before).is_some()
                || crate::gazetteer::territory(&before).is_some()
                || lexicon.demonyms.contains(&before.as_str())
        }
    {
        return Some(EntityKind::Organization);
    }
    // "Chappaqua, N.Y.": a town too small for the gazetteer, named with its state.
    // ("Reps. Ana Brook, Maryland, and ...": a given name first is a person's, with her state.)
    let given_first = several && known::is_given_name_in(first, lexicon) && !place_head;
    // "el estadio Kellmar Vint", "на озере Келлино": a name the text calls a place is one,
    // however its words read (a given name first too), unless a title or an organisation's
    // cue says otherwise.
    if g.evidence.called_place > 0 && g.evidence.titled == 0 && g.evidence.org == 0 && !abbreviation {
        return Some(EntityKind::Place);
    }
    if g.evidence.town > 0 && g.evidence.person == 0 && g.evidence.org == 0 && !abbreviation && !given_first {
        return Some(EntityKind::Place);
    }
    // "Кремль", "Госдумы", "Сбербанк": one-word names of institutions where names decline.
    if !several && lexicon.declines_names() && (lexicon.is_org_word(first) || is_org_compound(first, lexicon)) {
        return Some(EntityKind::Organization);
    }
    // "глава банка Герман Греф": where names decline, a given name first makes a person
    // whatever noun stands before.
    // (Not a country's name: "Новой Зеландии" reads as the case form of a given name.)
    if several && lexicon.declines_names() && known::is_given_name_in(first, lexicon) && !org_head && !country {
        return Some(EntityKind::Person);
    }
    // "DACA": a short word in capitals that spells a big city's other name ("Daca") names no
    // place unless the text says so (a dateline's "WASHINGTON" is the city).
    let letters = g.name.chars().filter(|c| c.is_alphabetic()).count();
    let spelled = !abbreviation || g.evidence.place > 0 || letters > 5 || g.name.contains('.');
    if town_club(key, g, place) {
        return Some(EntityKind::Organization);
    }
    // "МЧС России", "МВД Казахстана": letters in capitals before a country's name (in any case
    // form) are that country's body, not a place.
    let letters_of_country = several
        && is_abbreviation(&g.words[0])
        && crate::gazetteer::territory(first).is_none()
        && known::place(first).is_none()
        && known::place(key).is_none()
        && territory_here(&lower[1..].join(" "), lexicon, sure).is_some();
    if letters_of_country {
        return Some(EntityKind::Organization);
    }
    if country || place_head || (several && place >= 15_000) || (!several && place >= 1_000_000 && spelled) {
        return Some(EntityKind::Place);
    }
    // "HARTFORD, Conn. --": a city written in capitals where a place is named is the city,
    // not an abbreviation (a small town's name is as often an abbreviation's letters).
    if abbreviation && g.evidence.place > 0 && g.evidence.org == 0 && place >= 100_000 {
        return Some(EntityKind::Place);
    }
    // "Mr. Kellerman, a political operator": a title before the name outweighs a noun after it.
    let titled_lone = lexicon.declines_names() && g.evidence.titled > 0;
    if !abbreviation && g.evidence.titled > g.evidence.org && place < 1_000_000 && (!lone_noun || titled_lone) {
        return Some(EntityKind::Person);
    }
    if abbreviation || g.evidence.org > 0 {
        return Some(EntityKind::Organization);
    }
    // "the Treasury", "the Office said", "il Senato": an institution's word alone is the
    // institution where the language's news names one so, else no name at all.
    let standalone = lexicon.standalone_institutions();
    if !several && !standalone.is_empty() && lexicon.is_org_word(first) && !abbreviation {
        let written_so = lexicon.is_english() || g.evidence.after_word > 0;
        return (written_so && standalone.contains(&first.as_str())).then_some(EntityKind::Organization);
    }
    // "KellStream wrote", "BrixNet said": a verb of saying does not make a person of one word
    // written as brands are (a capital inside it, no surname's prefix), with no title.
    if !several && g.evidence.titled == 0 && !g.name.contains('-') && is_brand(&g.name, lexicon) {
        return Some(EntityKind::Organization);
    }
    // A title makes a person of a town's namesake too ("President Obama", "Senator Warren").
    let titled_namesake = g.evidence.titled > 0 && place < 1_000_000;
    if g.evidence.person > 0 && (several || place == 0 || titled_namesake) && (!lone_noun || titled_lone) {
        return Some(EntityKind::Person);
    }
    // A small town's name alone is as likely a surname ("Obama"): it needs a preposition of
    // place too.
    // (In German, whose nouns are capitalised, a town of 20,000 after a preposition of place:
    // "in Passau"; few towns of that size share their name with a noun, and the nouns that
    // follow "in" without an article are mostly abstract: "in Kraft", "in Haft".)
    let least = if lone_noun && lexicon.capitalises_nouns && g.evidence.place > 0 {
        20_000
    } else if lone_noun {
        100_000
    } else if g.evidence.place > 0 {
        15_000
    } else {
        50_000
    };
    if place >= least {
        return Some(EntityKind::Place);
    }
    if several && (known::is_given_name_in(first, lexicon) || g.evidence.person > 0) {
        return Some(EntityKind::Person);
    }
    // "Marko Kellovic", "Ilya Brannikov": a name of two or three words that ends in a
    // surname's suffix is a person's, where nothing says otherwise.
    // (Not after a people's word or a common word that opened the sentence: "Russian ...",
    // "Only ...".)
    let common_first = || {
        lexicon.demonyms.contains(&first.as_str())
            || lexicon.is_function_word(first)
            || (lexicon.is_english() && crate::lexicon::english::is_stop_word(first))
    };
    if (2..=3).contains(&lower.len())
        && g.evidence.place == 0
        && g.evidence.org == 0
        && (has_surname_ending(last) || unlisted_given_name_and_surname(&lower, lexicon))
        && !common_first()
    {
        return Some(EntityKind::Person);
    }
    // A preposition of place ("in", "at", "from") makes a place only of a name that holds a
    // known place ("Northern Virginia", "Old Oslo", "Bergen Harbour"): products, shops,
    // magazines and websites are written after "in" and "at" too ("in Kellmap Studio", "at
    // Dunmore Bakehouse").
    // (A town of a few thousand people is no evidence: "at Best Buy" holds a Russian town's
    // name.)
    // (In English, whose names end in their head, the place ends the name or only a place's
    // words follow it: "Tottenham Hotspur", a place's name with another word after it, is a
    // club.)
    let holds_place = || {
        (1..=2).any(|size| {
            lower.windows(size).enumerate().any(|(at, w)| {
                let part = w.join(" ");
                (known::place(&part).is_some_and(|p| p.population >= HELD_PLACE_POPULATION || p.is_region())
                    || crate::gazetteer::territory(&part).is_some())
                    && (!lexicon.is_english()
                        || lower[at + size..].iter().all(|after| lexicon.place_words.contains(&after.as_str())))
            })
        })
    };
    if several && g.evidence.place > 0 && !lexicon.capitalises_nouns && holds_place() {
        return Some(EntityKind::Place);
    }
    if !several && is_brand(&g.name, lexicon) {
        return Some(EntityKind::Organization);
    }
    None
}

/// A Roman numeral of two letters or more, alone or with an ordinal's ending after a hyphen
/// ("XVI", "XVI-lea", "III-e").
/// Only numerals written the standard way count ("LLC", "XXL" and "LIC" are none).
fn is_regnal_number(name: &str) -> bool {
    let numeral = name.split('-').next().unwrap_or(name);
    if numeral.len() < 2 || numeral.len() > 8 || !numeral.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C')) {
        return false;
    }
    // Tens then units, each as the standard form writes its digit.
    const TENS: [&str; 10] = ["", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"];
    const UNITS: [&str; 10] = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
    let rest = numeral.strip_prefix('C').unwrap_or(numeral);
    (0..10).rev().any(|t| {
        rest.strip_prefix(TENS[t])
            .is_some_and(|units| (0..10).any(|u| units == UNITS[u]) && !(t == 0 && units.is_empty()))
    })
}

/// English head nouns of companies' names that other languages' news keeps as written ("Ita
/// Airways", "Kellmar Holdings"): an organisation's word in any language.
const ENGLISH_CORPORATE_HEADS: &[&str] = &[
    "airways",
    "airlines",
    "holdings",
    "technologies",
    "industries",
    "pharmaceuticals",
    "entertainment",
    "motors",
    "studios",
    "records",
    "labs",
];

/// English verbs of one side winning a match over the other, written between the two sides.
const MATCH_VERBS: &[&str] =
    &["beat", "beats", "defeated", "defeats", "thrashed", "edged", "routed", "trounced", "outclassed"];

/// Words for a storm that open its name, in English, French, Spanish, German and Russian.
const STORM_WORDS: &[&str] = &[
    "hurricane",
    "typhoon",
    "cyclone",
    "storm",
    "tropical",
    "ouragan",
    "tempête",
    "typhon",
    "huracán",
    "tormenta",
    "tifón",
    "ciclón",
    "hurrikan",
    "sturm",
    "orkan",
    "taifun",
    "zyklon",
    "ураган",
    "тайфун",
    "шторм",
    "циклон",
];

/// English prepositions, which open no name (written capitalised, they open a title of a
/// work or a law).
const ENGLISH_PREPOSITIONS: &[&str] = &[
    "against", "about", "above", "across", "after", "among", "before", "behind", "beneath", "beside", "between",
    "beyond", "despite", "during", "for", "from", "into", "of", "onto", "over", "through", "toward", "towards",
    "under", "upon", "with", "within", "without", "via",
];

/// English points of the compass that open a people's word ("South Korean", "Central Asian").
const COMPASS_WORDS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
];

/// Endings of surnames in Latin letters that few other words have (Slavic, Baltic, Romanian,
/// Turkish, Nordic, Georgian, Armenian, Greek, Spanish patronymics).
const SURNAME_ENDINGS: &[&str] = &[
    "ović", "ovic", "ević", "evic", "ovich", "evich", "enko", "escu", "oglu", "oğlu", "sson", "wicz", "czyk", "shvili",
    "idze", "opoulos", "opoulou", "akis", "idis", "ídis", "iadis", "ski", "ska", "sky", "skyy", "skiy", "ova", "eva",
    "ov", "ev", "yan", "ez",
];

/// "Brannic Goodwin", "Kellvo Morales": in English, a name (lowercase words) of two or three
/// words that ends in a surname many people bear, after a first word that is no common word,
/// no title and no article: a given name the list lacks.
/// (Not "Interior Ana Morales", "Brave Ana Morales": a listed given name inside is the name's
/// start, and what stands before it no part of the name.)
fn unlisted_given_name_and_surname(lower: &[String], lexicon: &Lexicon) -> bool {
    let (Some(first), Some(last)) = (lower.first(), lower.last()) else { return false };
    lexicon.is_english()
        && lower.len() >= 2
        && known::is_surname(last)
        && !known::is_common_english_word(first)
        && !lexicon.is_title(first)
        && !ARTICLES_OF_OTHER_LANGUAGES.contains(&first.as_str())
        && !crate::lexicon::english::TITLE_ABBREVIATIONS.contains(&first.trim_end_matches('.'))
        && !lower[1..lower.len() - 1].iter().any(|w| known::is_given_name_in(w, lexicon))
}

/// Whether a lowercase word is a common English word or its "-ed" or "-ing" form
/// ("hearted", "looking").
fn is_english_word_form(lower: &str) -> bool {
    known::is_common_english_word(lower)
        || ["ed", "d", "ing"].iter().any(|e| lower.strip_suffix(e).is_some_and(known::is_common_english_word))
}

/// Articles of French, Spanish, Italian and German, which open names of things borrowed into
/// English ("El Dorado", "La Scala", "Der Spiegel"), not people's names.
const ARTICLES_OF_OTHER_LANGUAGES: &[&str] = &["el", "la", "le", "les", "los", "las", "il", "lo", "der", "die", "das"];

/// Whether a lowercase word of six letters or more in Latin letters ends as surnames do.
fn has_surname_ending(lower: &str) -> bool {
    lower.chars().count() >= 6
        && lower.chars().all(|c| c.is_alphabetic() && (c as u32) < 0x0250)
        && SURNAME_ENDINGS.iter().any(|e| lower.ends_with(e))
        && known::place(lower).is_none()
        && crate::gazetteer::territory(lower).is_none()
}

/// "WikiLeaks", "BioNTech", "PayPal": one word with a capital inside, after a first part that
/// is no surname's prefix ("McCarthy", "DeSantis", "LaGuardia" are people's and places') and no
/// given name.
fn is_brand(word: &str, lexicon: &Lexicon) -> bool {
    // "Wal-Mart", "Coca-Cola": two capitalised parts of no given name, no place and no people
    // ("African-American").
    // ("Chick-fil-A": the parts between may be lowercase.) Where every noun is capitalised,
    // such a word is most often a compound noun ("Wasser-Tarif", "Online-Handel").
    if word.contains('-') {
        if lexicon.capitalises_nouns {
            return false;
        }
        let parts: Vec<&str> = word.split('-').collect();
        let known_word = |p: &str| {
            let lower = p.to_lowercase();
            known::place(&lower).is_some()
                || crate::gazetteer::territory(&lower).is_some()
                || lexicon.demonyms.contains(&lower.as_str())
        };
        let capitalised = |p: &str| p.chars().next().is_some_and(char::is_uppercase);
        let (Some(head), Some(tail)) = (parts.first(), parts.last()) else { return false };
        return head.chars().count() >= 2
            && capitalised(head)
            && capitalised(tail)
            && parts.iter().all(|p| !p.is_empty() && p.chars().all(char::is_alphabetic) && !known_word(p))
            // "a Come-To-Jesus moment": a phrase written in title case, not a name.
            && !parts[1..parts.len() - 1].iter().any(|p| capitalised(p) && lexicon.is_function_word(&p.to_lowercase()))
            && !known::is_given_name(&head.to_lowercase())
            // "Kind-Hearted", "Long-Term": English words joined, capitalised to open a sentence
            // or in a headline's style (not a newspaper's name, which holds its own word:
            // "Harbour-Ledger", "Gazette-Courier").
            && !(lexicon.is_english()
                && parts.iter().all(|p| {
                    let lower = p.to_lowercase();
                    is_english_word_form(&lower) && !lexicon.is_org_word(&lower)
                }));
    }
    let chars: Vec<char> = word.chars().collect();
    let Some(inner) = chars.iter().skip(1).position(|c| c.is_uppercase()).map(|p| p + 1) else { return false };
    let prefix: String = chars[..inner].iter().collect::<String>().to_lowercase();
    chars.first().is_some_and(|c| c.is_uppercase())
        && chars.iter().all(|c| c.is_alphabetic())
        && chars.iter().any(|c| c.is_lowercase())
        && inner >= 2
        && !["mc", "mac", "de", "di", "da", "du", "la", "le", "van", "von", "fitz", "st"].contains(&prefix.as_str())
        // "RashidaTlaib": a handle written of a person's names.
        && !known::is_given_name(&prefix)
}

/// "Puerto Rican", "Californian": the adjective of a known country, region or city of
/// 100,000 people or more, made with "-an" ("Rico" → "Rican", "California" → "Californian").
fn is_demonym_of_place(lower: &str) -> bool {
    let Some(stem) = lower.strip_suffix("an") else { return false };
    [format!("{stem}o"), format!("{stem}a"), stem.to_owned()].iter().any(|name| names_a_people_s_place(name))
}

/// A country, region or city of 100,000 people or more, by a name of four letters or more:
/// a place whose people have a name of their own.
fn names_a_people_s_place(name: &str) -> bool {
    name.chars().count() >= 4
        && (crate::gazetteer::territory(name).is_some() || known::place(name).is_some_and(|p| p.population >= 100_000))
}

/// "Missourians", "Texans", "Californians", "Floridians": the people of a country, region or
/// city of 100,000 people or more, named by its name and the plural ending "-ans"; a people,
/// never an entity. (Surnames that end so, "Evans", "Collins", do not spell a place.)
fn is_plural_demonym(lower: &str) -> bool {
    let Some(stem) = lower.strip_suffix("ns") else { return false };
    let known = names_a_people_s_place;
    // Missouri-ans, Gaza-ns, Texa(s)-ns, Florid(a)-ians.
    stem.strip_suffix('a').is_some_and(known)
        || known(stem)
        || known(&format!("{stem}s"))
        || stem.strip_suffix("ia").is_some_and(|s| known(&format!("{s}a")))
}

/// A compound whose ending names an organisation ("Bundesamt", "Zentralbank"), longer than the
/// ending itself.
/// `words` with its first word in the nominative where it is a German institution's compound
/// in the genitive ("Oberlandesgerichts", "Bundesamtes") before more of the name.
fn institution_nominative(words: &[String], lexicon: &Lexicon) -> Option<Vec<String>> {
    if !lexicon.capitalises_nouns || words.len() < 2 {
        return None;
    }
    let first = &words[0];
    let lower = first.to_lowercase();
    if is_org_compound(&lower, lexicon) {
        return None;
    }
    let stem = ["es", "s"].iter().find_map(|e| {
        let stem = lower.strip_suffix(e)?;
        is_org_compound(stem, lexicon).then(|| first.strip_suffix(e)).flatten()
    })?;
    let mut out = words.to_vec();
    out[0] = stem.to_owned();
    Some(out)
}

pub(super) fn is_org_compound(lower: &str, lexicon: &Lexicon) -> bool {
    lexicon.org_endings.iter().any(|e| lower.ends_with(e) && lower.len() > e.len() + 2)
}

/// The shared key: lowercase, without a leading "the".
fn fold(words: &[String]) -> String {
    let mut lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    // "Kellworks Inc." and "Kellworks", "Tessaro SA" and "Tessaro": a company's legal form is
    // no part of what it is called.
    if lower.len() > 1 && lower.last().is_some_and(|w| is_legal_form(w)) {
        lower.pop();
    }
    fold_words(&lower)
}

/// Legal forms written after a company's name, lowercase, without dots.
const LEGAL_FORMS: &[&str] =
    &["inc", "corp", "co", "ltd", "llc", "plc", "ag", "sa", "se", "gmbh", "nv", "bv", "spa", "ab", "asa", "oyj"];

/// A legal form written after a company's name ("Inc.", "SA"), given in lowercase.
fn is_legal_form(lower: &str) -> bool {
    LEGAL_FORMS.contains(&lower.trim_end_matches('.'))
}

fn fold_words(lower: &[String]) -> String {
    let start = usize::from(lower.first().is_some_and(|w| w == "the") && lower.len() > 1);
    lower[start..].join(" ")
}

#[cfg(test)]
mod tests;
