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

mod known;
mod spans;
mod uncased;

use crate::hash::HashMap;
use crate::lexicon::names::{self as lexicon, Lexicon};
use known::is_abbreviation;
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
    /// "München" for Munich), surnames alone left out; sorted.
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
}

/// The entities of an article, most mentioned first (ties by name). `language` is the
/// article's language tag when known; without it the likeliest language with name cues of its
/// own is assumed.
#[must_use]
pub fn extract_entities(title: &str, text: &str, language: Option<&str>) -> Vec<Entity> {
    let sample: String = text.chars().take(20_000).collect();
    // Scripts without capitals name nothing by their letters: the gazetteer alone speaks.
    if uncased::is_uncased(&sample) {
        let mut out = uncased::entities(&sample);
        out.truncate(40);
        return out;
    }
    // A text too short for a sure language still has one: guessed among those with cues. (A
    // longer text whose language was not detected is mixed or in another language: it gets
    // the default, and no second detection.)
    let short = sample.split_whitespace().nth(SHORT_TEXT_WORDS).is_none();
    let guessed = if language.is_none() && short { crate::lang::likeliest_with_name_cues(&sample) } else { None };
    let lexicon = lexicon::for_language(language.or(guessed));
    let mentions = spans::mentions(&sample, lexicon);
    let mut groups: HashMap<String, Group> = HashMap::default();
    let mut weak: HashMap<String, u32> = HashMap::default();
    for m in &mentions {
        let (key, known_org) = key_of(m, lexicon);
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
    join_surnames(&mut groups, weak);
    // Titles capitalise every word, so a title counts only where it names what the text names.
    let title_words: Vec<String> =
        title.split_whitespace().map(|t| lexicon.stem(&spans::clean(t).to_lowercase()).to_owned()).collect();
    for size in 1..=4 {
        for window in title_words.windows(size) {
            if let Some(group) = groups.get_mut(&window.join(" ")) {
                group.mentions += 1;
            }
        }
    }
    let nominatives = if lexicon.declines_names() { nominative_forms(&mentions, lexicon) } else { HashMap::default() };
    let mut out: Vec<Entity> = groups
        .into_iter()
        .filter_map(|(key, g)| {
            let kind = classify(&key, &g, lexicon)?;
            let name = if lexicon.declines_names() {
                nominative_name(&g.name, &key, kind, &nominatives, lexicon)
            } else {
                g.name
            };
            let also = g.forms.into_iter().filter(|f| *f != name).collect();
            Some(Entity { name, key, kind, mentions: g.mentions, also })
        })
        .collect();
    out.sort_by(|a, b| b.mentions.cmp(&a.mentions).then_with(|| a.key.cmp(&b.key)));
    out.truncate(40);
    out
}

/// The shared key of a mention, and whether it names a well-known organisation.
fn key_of(m: &Mention, lexicon: &Lexicon) -> (String, bool) {
    let display = m.words.join(" ");
    if let Some(main) = known::organisation(&display) {
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
    if let Some(main) = crate::gazetteer::territory(&lower).and_then(crate::gazetteer::territory_main) {
        return (main.to_lowercase(), false);
    }
    if let Some(main) = known::place(&lower).and_then(|p| p.main) {
        return (main.to_lowercase(), false);
    }
    (lower, false)
}

/// The key of a name in a language that declines names: a country's or a known place's
/// main name whatever its case ("Германии": "germany", "Москве": "moscow", "Южной Кореи":
/// "south korea"), else its words' stems ("Владимира Путина": "владимир путин").
fn declined_key(lower: &str, lexicon: &Lexicon) -> String {
    if let Some(main) = crate::gazetteer::territory(lower).and_then(crate::gazetteer::territory_main) {
        return main.to_lowercase();
    }
    for candidate in nominatives(lower) {
        if let Some(main) = crate::gazetteer::territory(&candidate).and_then(crate::gazetteer::territory_main) {
            return main.to_lowercase();
        }
        if let Some(main) = known::place(&candidate).and_then(|p| p.main) {
            return main.to_lowercase();
        }
    }
    lower.split(' ').map(|w| lexicon.stem(w)).collect::<Vec<_>>().join(" ")
}

/// The forms a declined name of one or more lowercase words may have in the nominative, the
/// name as written first, then the likeliest for its endings: a noun's last word ("москве":
/// "москва", "казани": "казань", "франции": "франция", "париже": "париж") after adjectives
/// ("южной": "южная").
fn nominatives(lower: &str) -> Vec<String> {
    let words: Vec<&str> = lower.split(' ').collect();
    let Some((last, before)) = words.split_last() else { return Vec::new() };
    let mut out: Vec<String> = vec![String::new()];
    for word in before {
        let forms = adjective_nominatives(word);
        out = out.iter().flat_map(|head| forms.iter().map(move |f| format!("{head}{f} "))).take(64).collect();
    }
    let lasts = noun_nominatives(last);
    out.iter().flat_map(|head| lasts.iter().map(move |l| format!("{head}{l}"))).collect()
}

/// Whether a lowercase word of a language that declines names is a country or a known place
/// in some case ("германии", "казани").
pub(super) fn is_known_place_declined(lower: &str) -> bool {
    crate::gazetteer::territory(lower).is_some() || nominatives(lower).iter().any(|n| known::place(n).is_some())
}

fn strip_any<'a>(word: &'a str, endings: &[&str]) -> Option<&'a str> {
    endings.iter().find_map(|e| word.strip_suffix(e).filter(|stem| stem.chars().count() >= 2))
}

fn noun_nominatives(word: &str) -> Vec<String> {
    let with = |stem: &str, endings: &[&str]| -> Vec<String> {
        std::iter::once(word.to_owned()).chain(endings.iter().map(|e| format!("{stem}{e}"))).collect()
    };
    if let Some(stem) = strip_any(word, &["ией", "ии", "ию"]) {
        return with(stem, &["ия"]);
    }
    if let Some(stem) = strip_any(word, &["ой", "ою", "ы"]) {
        return with(stem, &["а"]);
    }
    if let Some(stem) = strip_any(word, &["ей"]) {
        return with(stem, &["я", "ь"]);
    }
    if let Some(stem) = strip_any(word, &["ем"]) {
        return with(stem, &["ь", "й", ""]);
    }
    if let Some(stem) = strip_any(word, &["ом"]) {
        return with(stem, &[""]);
    }
    if let Some(stem) = strip_any(word, &["и"]) {
        return with(stem, &["ь", "я", "а"]);
    }
    if let Some(stem) = strip_any(word, &["е"]) {
        return with(stem, &["", "а", "я", "ь", "й"]);
    }
    if let Some(stem) = strip_any(word, &["у"]) {
        return with(stem, &["а", ""]);
    }
    if let Some(stem) = strip_any(word, &["ю"]) {
        return with(stem, &["ь", "я", "й"]);
    }
    if let Some(stem) = strip_any(word, &["а"]) {
        return with(stem, &[""]);
    }
    if let Some(stem) = strip_any(word, &["я"]) {
        return with(stem, &["й", "ь"]);
    }
    vec![word.to_owned()]
}

fn adjective_nominatives(word: &str) -> Vec<String> {
    let endings = [
        "ого", "его", "ому", "ему", "ой", "ей", "ая", "яя", "ую", "юю", "ым", "им", "ом", "ем", "ий", "ый", "ое", "ее",
    ];
    match strip_any(word, &endings) {
        Some(stem) => std::iter::once(word.to_owned())
            .chain(["ая", "ий", "ый", "ой", "ое"].iter().map(|e| format!("{stem}{e}")))
            .collect(),
        None => vec![word.to_owned()],
    }
}

/// Whether `candidate` names the entity better than `current`: more words; in a language that
/// declines names, the same words in a likelier nominative ("Владимир Путин" over "Владимира
/// Путина"); else more letters.
fn better_display(candidate: &str, current: &str, lexicon: &Lexicon) -> bool {
    if !lexicon.declines_names() {
        return candidate.chars().count() > current.chars().count();
    }
    let words = |s: &str| s.split(' ').count();
    let score = |s: &str| s.split(' ').map(|w| nominative_likeness(w, lexicon)).sum::<u32>();
    (words(candidate), score(candidate)) > (words(current), score(current))
}

/// Every name word of the article by its stem, in its likeliest nominative form among those
/// the article writes.
fn nominative_forms(mentions: &[Mention], lexicon: &Lexicon) -> HashMap<String, String> {
    let mut best: HashMap<String, (u32, String)> = HashMap::default();
    for word in mentions.iter().flat_map(|m| &m.words) {
        let lower = word.to_lowercase();
        let score = nominative_likeness(word, lexicon);
        let slot = best.entry(lexicon.stem(&lower).to_owned()).or_insert((score, word.clone()));
        if score > slot.0 {
            *slot = (score, word.clone());
        }
    }
    best.into_iter().map(|(stem, (_, word))| (stem, word)).collect()
}

/// A declined name in the nominative, word by word: a given name in its own form
/// ("Реджепом": "Реджеп"), a place as the gazetteers write it ("Турции": "Турция", "Москве":
/// "Москва"), else the likeliest form the article uses.
fn nominative_name(
    name: &str,
    key: &str,
    kind: EntityKind,
    forms: &HashMap<String, String>,
    lexicon: &Lexicon,
) -> String {
    if kind != EntityKind::Person {
        // A place or a known organisation: the first nominative form the gazetteers write
        // that names the same thing ("Казани": "Казань", not the Tatar "Казан").
        let lower = name.to_lowercase();
        // The candidate must name what the key names: the organisation's main name, the
        // country's or the place's.
        let names_it = |n: &str| {
            if kind == EntityKind::Organization {
                known::organisation(&capitalise(n)).is_some_and(|main| main.to_lowercase() == key)
            } else {
                (known::place(n).is_some() || crate::gazetteer::is_territory_name(n)) && declined_key(n, lexicon) == key
            }
        };
        // A country as the language writes it, before a name another language writes, before
        // a place's name spelled alike ("Украине": "Украина", not the Mongolian "Украин").
        let candidates = nominatives(&lower);
        let territory = candidates
            .iter()
            .find(|n| crate::gazetteer::is_territory_name_in(n, lexicon.tag) && names_it(n))
            .or_else(|| candidates.iter().find(|n| crate::gazetteer::is_territory_name(n) && names_it(n)));
        if let Some(nominative) = territory.or_else(|| candidates.iter().find(|n| names_it(n))) {
            if *nominative == lower {
                return name.to_owned();
            }
            return nominative.split(' ').map(capitalise).collect::<Vec<_>>().join(" ");
        }
    }
    // "Иркутской области": a region's adjective and noun, both made nominative.
    if kind == EntityKind::Place
        && let Some((adjective, noun)) = name.rsplit_once(' ')
        && let Some((nominative, feminine)) = region_noun(&noun.to_lowercase())
        && !adjective.contains(' ')
        && let Some(stem) =
            strip_any(&adjective.to_lowercase(), &["ого", "ому", "ой", "ую", "ая", "ий", "ым", "ом", "ом"])
    {
        let ending = if feminine {
            "ая"
        } else if stem.ends_with(['к', 'г', 'х']) {
            "ий"
        } else {
            "ый"
        };
        return format!("{} {nominative}", capitalise(&format!("{stem}{ending}")));
    }
    let mut words: Vec<String> = name
        .split(' ')
        .map(|word| {
            let lower = word.to_lowercase();
            let stem = lexicon.stem(&lower);
            if let Some(given) = lexicon.given_nominative(&lower) {
                return capitalise(given);
            }
            forms.get(stem).cloned().unwrap_or_else(|| word.to_owned())
        })
        .collect();
    // A surname seen only in an oblique case, after a given name that tells the gender:
    // "Дмитрия Пескова" is Дмитрий Песков, "Татьяной Голиковой" Татьяна Голикова.
    if kind == EntityKind::Person
        && words.len() >= 2
        && let Some(given) = lexicon.given_nominative(&words[0].to_lowercase())
    {
        let surname = words[words.len() - 1].to_lowercase();
        let stem = lexicon.stem(&surname);
        let score = nominative_likeness(&surname, lexicon);
        let female = given.ends_with(['а', 'я']);
        let family = ["ов", "ев", "ёв", "ин", "ын"].iter().any(|e| stem.ends_with(e));
        let adjective = ["ск", "цк"].iter().any(|e| stem.ends_with(e));
        // Only a stem ending in a consonant is a declined surname ("Инасиу" is not).
        let declined = stem.chars().last().is_some_and(|c| !"аеёиоуыэюяь".contains(c));
        let nominative = match (female, score) {
            (false, 0 | 2) if adjective => Some(format!("{stem}ий")),
            (false, 0 | 2) if family || score == 0 => Some(stem.to_owned()),
            (true, 0) if family => Some(format!("{stem}а")),
            (true, 0) if adjective => Some(format!("{stem}ая")),
            _ => None,
        };
        if let Some(nominative) = nominative.filter(|_| declined)
            && let Some(last) = words.last_mut()
        {
            *last = capitalise(&nominative);
        }
    }
    words.join(" ")
}

/// A Russian region's noun in any case: its nominative, and whether it is feminine.
fn region_noun(lower: &str) -> Option<(&'static str, bool)> {
    let nouns: [(&str, &str, bool); 5] = [
        ("област", "область", true),
        ("республик", "республика", true),
        ("кра", "край", false),
        ("район", "район", false),
        ("округ", "округ", false),
    ];
    nouns
        .iter()
        .find(|(stem, ..)| lower.starts_with(stem) && lower.chars().count() <= stem.chars().count() + 3)
        .map(|&(_, n, f)| (n, f))
}

/// Capital first letters, after hyphens too ("сьюдад-хуарес": "Сьюдад-Хуарес").
fn capitalise(lower: &str) -> String {
    let mut out = String::with_capacity(lower.len());
    let mut start = true;
    for c in lower.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        start = c == '-';
    }
    out
}

/// How likely a Russian name word is in the nominative: a consonant or "-й" ending (Путин,
/// Дмитрий, Зеленский) is; "-а"/"-я" is for women's names and some men's (Мария, Никита) but
/// also the genitive of men's; "-ы"/"-и" ends indeclinable names (Мелони) and genitives; the
/// rest are oblique cases.
fn nominative_likeness(word: &str, lexicon: &Lexicon) -> u32 {
    let lower = word.to_lowercase();
    if lexicon.given_names.contains(&lower.as_str()) {
        return 3;
    }
    let oblique = ["ого", "ому", "ему", "ым", "им", "ом", "ем", "ой", "ей", "ую", "у", "ю", "е"];
    if oblique.iter().any(|e| lower.ends_with(e)) && !lower.ends_with("ий") {
        return 0;
    }
    match lower.chars().last() {
        Some('а' | 'я') => 2,
        Some('ы' | 'и' | 'о') => 1,
        Some(c) if c.is_alphabetic() => 3,
        _ => 1,
    }
}

fn add_evidence(e: &mut Evidence, m: &Mention, lexicon: &Lexicon) {
    // "Псковской области": where names decline, a word before a lowercase "region" is an
    // adjective of a place, whatever stands before it.
    if lexicon.declines_names() && lexicon.place_words.contains(&m.after.as_str()) {
        e.place += 1;
        return;
    }
    if m.titled || lexicon.is_reporting(m.after.as_str()) {
        e.person += 1;
    }
    if m.titled {
        e.titled += 1;
    }
    if lexicon.org_appositions.contains(&m.before.as_str()) || m.org_apposition {
        e.org += 1;
    }
    if lexicon.locatives.contains(&m.before.as_str()) {
        e.place += 1;
    }
}

/// An abbreviation the article also spells out ("ECB" after "European Central Bank") is the
/// spelled-out name.
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
                initials == letters || (letters.len() >= 3 && initials.starts_with(&letters))
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

/// A surname alone is the person named in full, when one full name ends with it.
fn join_surnames(groups: &mut HashMap<String, Group>, weak: HashMap<String, u32>) {
    let full_names: Vec<String> = groups.keys().filter(|k| k.contains(' ')).cloned().collect();
    let owner_of = |single: &str| -> Option<String> {
        let owners: Vec<&String> = full_names.iter().filter(|f| f.rsplit(' ').next() == Some(single)).collect();
        match owners.as_slice() {
            [one] => Some((*one).clone()),
            _ => None,
        }
    };
    for (single, n) in weak {
        if let Some(owner) = owner_of(&single)
            && let Some(full) = groups.get_mut(&owner)
        {
            full.mentions += n;
            full.evidence.person += 1;
        }
    }
    let singles: Vec<String> = groups.keys().filter(|k| !k.contains(' ')).cloned().collect();
    for single in singles {
        let Some(owner) = owner_of(&single) else { continue };
        if groups.get(&single).is_some_and(|g| g.known_org) {
            continue;
        }
        if let Some(g) = groups.remove(&single)
            && let Some(full) = groups.get_mut(&owner)
        {
            full.mentions += g.mentions;
            full.evidence.person += g.evidence.person + 1;
            full.evidence.place += g.evidence.place;
        }
    }
}

fn classify(key: &str, g: &Group, lexicon: &Lexicon) -> Option<EntityKind> {
    if g.known_org {
        return Some(EntityKind::Organization);
    }
    let lower: Vec<String> = g.words.iter().map(|w| w.to_lowercase()).collect();
    let first = lower.first()?;
    let last = lower.last()?;
    let several = lower.len() >= 2;
    let place_head =
        several && (lexicon.place_words.contains(&last.as_str()) || lexicon.place_prefixes.contains(&first.as_str()));
    let org_head = several && lower.iter().any(|w| lexicon.is_org_word(w) || is_org_compound(w, lexicon));
    let abbreviation = !several && is_abbreviation(&g.name);
    let country =
        crate::gazetteer::territory(key).is_some() || crate::gazetteer::territory(&fold_words(&lower)).is_some();
    let place = known::place(key).or_else(|| known::place(&fold_words(&lower))).map_or(0, |p| p.population);
    // Nouns are capitalised in German: a lone capitalised word needs more to be a name.
    // In a language that declines names, a lone capitalised word is as often an
    // organisation's one-word name ("Минфин") as a surname: it needs a title to be a person.
    let lone_noun = !several && (lexicon.capitalises_nouns || lexicon.declines_names());
    if (!several && lexicon.demonyms.contains(&first.as_str()))
        || (several && lexicon.other_heads.contains(&last.as_str()))
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
    if org_head && !place_head {
        return Some(EntityKind::Organization);
    }
    // "Кремль", "Госдумы", "Сбербанк": one-word names of institutions where names decline.
    if !several && lexicon.declines_names() && (lexicon.is_org_word(first) || is_org_compound(first, lexicon)) {
        return Some(EntityKind::Organization);
    }
    // "глава банка Герман Греф": where names decline, a given name first makes a person
    // whatever noun stands before.
    if several && lexicon.declines_names() && known::is_given_name_in(first, lexicon) && !org_head {
        return Some(EntityKind::Person);
    }
    if country || place_head || (several && place >= 15_000) || (!several && place >= 1_000_000) {
        return Some(EntityKind::Place);
    }
    if abbreviation || g.evidence.org > 0 {
        return Some(EntityKind::Organization);
    }
    let titled_lone = lexicon.declines_names() && g.evidence.titled > 0;
    if g.evidence.person > 0 && (several || place == 0) && (!lone_noun || titled_lone) {
        return Some(EntityKind::Person);
    }
    // A small town's name alone is as likely a surname ("Obama"): it needs a preposition of
    // place too.
    let least = if lone_noun {
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
    if several && g.evidence.place > 0 && !lexicon.capitalises_nouns {
        return Some(EntityKind::Place);
    }
    None
}

/// A compound whose ending names an organisation ("Bundesamt", "Zentralbank"), longer than the
/// ending itself.
pub(super) fn is_org_compound(lower: &str, lexicon: &Lexicon) -> bool {
    lexicon.org_endings.iter().any(|e| lower.ends_with(e) && lower.len() > e.len() + 2)
}

/// The shared key: lowercase, without a leading "the".
fn fold(words: &[String]) -> String {
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    fold_words(&lower)
}

fn fold_words(lower: &[String]) -> String {
    let start = usize::from(lower.first().is_some_and(|w| w == "the") && lower.len() > 1);
    lower[start..].join(" ")
}

#[cfg(test)]
mod tests;
