//! Names in a language that declines them (Russian): keys made of stems, and each entity
//! named in the nominative ("Владимира Путина" is Владимир Путин, "Москве" is Москва,
//! "Иркутской области" is Иркутская область).

use super::EntityKind;
use super::known;
use super::spans::Mention;
use crate::hash::HashMap;
use crate::lexicon::names::Lexicon;

/// The key of a name in a language that declines names: a country's or a known place's
/// main name whatever its case ("Германии": "germany", "Москве": "moscow", "Южной Кореи":
/// "south korea"), else its words' stems ("Владимира Путина": "владимир путин"), a given name's
/// that of its nominative.
pub(super) fn declined_key(lower: &str, lexicon: &Lexicon) -> String {
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
    // (A given name of the language's list by its nominative's stem: "андрея" and "андрей" stem
    // apart, "андре" and "андр".)
    lower.split(' ').map(|w| lexicon.stem(lexicon.given_nominative(w).unwrap_or(w))).collect::<Vec<_>>().join(" ")
}

/// The forms a declined name of one or more lowercase words may have in the nominative, the
/// name as written first, then the likeliest for its endings: a noun's last word ("москве":
/// "москва", "казани": "казань", "франции": "франция", "париже": "париж") after adjectives
/// ("южной": "южная").
pub(super) fn nominatives(lower: &str) -> Vec<String> {
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

pub(super) fn strip_any<'a>(word: &'a str, endings: &[&str]) -> Option<&'a str> {
    endings.iter().find_map(|e| word.strip_suffix(e).filter(|stem| stem.chars().count() >= 2))
}

pub(super) fn noun_nominatives(word: &str) -> Vec<String> {
    let with = |stem: &str, endings: &[&str]| -> Vec<String> {
        std::iter::once(word.to_owned()).chain(endings.iter().map(|e| format!("{stem}{e}"))).collect()
    };
    if let Some(stem) = strip_any(word, &["ией", "ии", "ию"]) {
        return with(stem, &["ия"]);
    }
    // Ukrainian and Belarusian: "франції", "францією" are "франція"; "польщі" is "польща".
    if let Some(stem) = strip_any(word, &["ією", "ії", "ію"]) {
        return with(stem, &["ія"]);
    }
    if let Some(stem) = strip_any(word, &["і"]) {
        return with(stem, &["а", "я", ""]);
    }
    // ("китаї": "китай".)
    if let Some(stem) = strip_any(word, &["ї"]) {
        return with(stem, &["й", "я"]);
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

pub(super) fn adjective_nominatives(word: &str) -> Vec<String> {
    // Ukrainian's feminine "великої", "великою": "велика".
    if let Some(stem) = strip_any(word, &["ої", "ою"]) {
        return vec![word.to_owned(), format!("{stem}а"), format!("{stem}ая")];
    }
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

/// The case endings of Russian and Ukrainian adjectives ("-ого", "-ой", "-ої").
const ADJECTIVE_ENDINGS: &[&str] = &[
    "ого", "его", "ому", "ему", "ої", "ою", "ой", "ей", "ая", "яя", "ую", "юю", "ым", "им", "ий", "ый", "ое", "ее",
    "ій", "ых", "их", "ые", "ие",
];

/// A Russian or Ukrainian adjective in any case ("консервативной", "всеобщего"), on a word of
/// six letters or more.
pub(super) fn is_adjective_form(lower: &str) -> bool {
    lower.chars().count() >= 6
        && lower.chars().all(char::is_alphabetic)
        && ADJECTIVE_ENDINGS.iter().any(|e| lower.ends_with(e))
}

/// An institution's name of adjectives and a head noun, in the nominative: "Консервативной
/// партии" is Консервативная партия, "Всеобщего прогрессивного конгресса" Всеобщий
/// прогрессивный конгресс. `None` unless the last word is an institution's noun of the lexicon
/// in some case and every other word an adjective.
fn institution_nominative(name: &str, lexicon: &Lexicon) -> Option<String> {
    let words: Vec<String> = name.split(' ').map(str::to_lowercase).collect();
    let (head, adjectives) = words.split_last()?;
    if adjectives.is_empty() || !adjectives.iter().all(|a| is_adjective_form(a)) {
        return None;
    }
    let noun = noun_nominatives(head).into_iter().find(|n| lexicon.org_words.contains(&n.as_str()))?;
    let feminine = noun.ends_with(['а', 'я']);
    let neuter = noun.ends_with(['о', 'е']);
    // Ukrainian writes its own letters, and "-ий" / "-а" / "-е" for every stem.
    let ukrainian = name.to_lowercase().contains(['і', 'ї', 'є', 'ґ']);
    let adjectives = adjectives.iter().map(|a| {
        // (Ukrainian's short forms too: "-а", "-е", "-у".)
        let stem = strip_any(a, ADJECTIVE_ENDINGS).or_else(|| strip_any(a, &["а", "е", "у"])).unwrap_or(a);
        // A stem that ends in a velar or a hushing consonant takes "-ий".
        let hushing = stem.ends_with(['к', 'г', 'х', 'ж', 'ш', 'ч', 'щ']);
        let ending = match (ukrainian, feminine, neuter) {
            (true, true, _) => "а",
            (true, _, true) => "е",
            (true, ..) => "ий",
            (false, true, _) => "ая",
            (false, _, true) => "ое",
            (false, ..) if hushing => "ий",
            (false, ..) => "ый",
        };
        format!("{stem}{ending}")
    });
    let mut out: Vec<String> = adjectives.collect();
    out.push(noun);
    let mut out = out.join(" ");
    // The first word keeps its capital.
    if let Some(first) = out.chars().next() {
        out = first.to_uppercase().chain(out.chars().skip(1)).collect();
    }
    Some(out)
}

/// A Russian adjective in the nominative ("центральная", "верховный"), on a word of five
/// letters or more.
pub(super) fn is_nominative_adjective(lower: &str) -> bool {
    const ENDINGS: &[&str] = &["ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие"];
    lower.chars().count() >= 5 && ENDINGS.iter().any(|e| lower.ends_with(e))
}

/// A Russian verb in the past or present tense ("сообщила", "выдал", "заявляет").
pub(super) fn is_russian_verb(lower: &str) -> bool {
    const ENDINGS: &[&str] = &["ла", "ло", "ли", "ал", "ял", "ил", "ел", "ет", "ит", "ут", "ют", "ат", "ят"];
    lower.chars().count() >= 4 && ENDINGS.iter().any(|e| lower.ends_with(e))
}

/// Whether `candidate` names the entity better than `current`: more words; in a language that
/// declines names, the same words in a likelier nominative ("Владимир Путин" over "Владимира
/// Путина"); else more letters.
pub(super) fn better_display(candidate: &str, current: &str, lexicon: &Lexicon) -> bool {
    // ("der Europäischen Zentralbank" beside "die Europäische Zentralbank": where adjectives
    // decline before a noun, the form the list of organisations writes, else the one whose
    // adjectives are as the nominative after an article gives them.)
    if lexicon.capitalises_nouns {
        let rank = |s: &str| {
            (
                known::is_listed_organisation_name(s),
                known::adjectives_folded(&s.to_lowercase()).is_none(),
                s.chars().count(),
            )
        };
        return rank(candidate) > rank(current);
    }
    if !lexicon.declines_names() {
        return candidate.chars().count() > current.chars().count();
    }
    let words = |s: &str| s.split(' ').count();
    let score = |s: &str| s.split(' ').map(|w| nominative_likeness(w, lexicon)).sum::<u32>();
    (words(candidate), score(candidate)) > (words(current), score(current))
}

/// Every name word of the article by its stem, in its likeliest nominative form among those
/// the article writes.
pub(super) fn nominative_forms(mentions: &[Mention], lexicon: &Lexicon) -> HashMap<String, String> {
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
pub(super) fn nominative_name(
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
    if kind == EntityKind::Organization
        && let Some(nominative) = institution_nominative(name, lexicon)
    {
        return nominative;
    }
    // "Иркутской области": a region's adjective and noun, both made nominative.
    if kind == EntityKind::Place
        && let Some((adjective, noun)) = name.rsplit_once(' ')
        && let Some((nominative, feminine)) = region_noun(&noun.to_lowercase())
        && !adjective.contains(' ')
        && let Some(stem) = strip_any(&adjective.to_lowercase(), &["ого", "ому", "ой", "ую", "ая", "ий", "ым", "ом"])
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
    // A man's given name of the language's list written in an oblique case ("Олафа"), beside
    // a surname still as written in that case ("Шольца"): the case's ending taken off the
    // surname too ("Олаф Шольц", "Андрея Гарреля": "Андрей Гаррель").
    let mut agreed = false;
    if kind == EntityKind::Person && words.len() >= 2 {
        let written: Vec<String> = name.split(' ').map(str::to_lowercase).collect();
        let last = &written[written.len() - 1];
        if let Some(given) = lexicon.given_nominative(&written[0])
            && given != written[0]
            && !given.ends_with(['а', 'я'])
            && words.last().is_some_and(|w| w.to_lowercase() == *last)
            && let Some(surname) = agreeing_surname(&written[0], last)
            && let Some(w) = words.last_mut()
        {
            *w = capitalise(&surname);
            agreed = true;
        }
    }
    // A surname seen only in an oblique case, after a given name that tells the gender:
    // "Дмитрия Пескова" is Дмитрий Песков, "Татьяной Голиковой" Татьяна Голикова.
    if kind == EntityKind::Person
        && !agreed
        && words.len() >= 2
        && let Some(given) = lexicon.given_nominative(&words[0].to_lowercase())
    {
        let surname = words[words.len() - 1].to_lowercase();
        let stem = lexicon.stem(&surname);
        let score = nominative_likeness(&surname, lexicon);
        let female = given.ends_with(['а', 'я']);
        // (Ukrainian's too: "Путіна", "Зеленського".)
        let family = ["ов", "ев", "ёв", "ин", "ын", "ін", "їн", "єв"].iter().any(|e| stem.ends_with(e));
        let adjective = ["ск", "цк", "ськ", "цьк"].iter().any(|e| stem.ends_with(e));
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
    // A foreign given name the lists do not know, seen only in the instrumental, where the
    // surname agrees: "с Джорджей Мелони" is Джорджа Мелони (a woman's "-ей"/"-ой" before an
    // indeclinable surname or a woman's "-ой"), "с Дугласом Даймондом" Дуглас Даймонд.
    if kind == EntityKind::Person
        && words.len() >= 2
        && lexicon.given_nominative(&words[0].to_lowercase()).is_none()
        && let Some((given, surname)) = instrumental_nominatives(&words[0], &words[words.len() - 1])
    {
        words[0] = given;
        if let Some(last) = words.last_mut() {
            *last = surname;
        }
    }
    // A man's foreign given name the lists know only in Latin letters, seen only in the
    // genitive, the dative or the prepositional, where the surname agrees or does not decline:
    // "Брендана Фрейзера" is Брендан Фрейзер, "Бену Бернанке" Бен Бернанке.
    let written: Vec<&str> = name.split(' ').collect();
    if kind == EntityKind::Person
        && words.len() >= 2
        && let Some((given, surname)) = oblique_nominatives(written[0], written[written.len() - 1], lexicon)
    {
        words[0] = given;
        if let Some(last) = words.last_mut() {
            *last = surname;
        }
    }
    words.join(" ")
}

/// A man's surname in the nominative, from its form in the oblique case his given name is
/// written in (the genitive "-а"/"-я", the dative "-у"/"-ю", the instrumental "-ом"/"-ем"):
/// "шольца" beside "олафа" is "шольц", "гарреля" "гаррель", "бельмондо" stays (it does not
/// decline). `None` where the surname does not end as that case does.
fn agreeing_surname(given: &str, surname: &str) -> Option<String> {
    let vowel = |c: char| "аеёиоуыэюя".contains(c);
    let cyrillic = |w: &str| w.chars().all(|c| ('а'..='я').contains(&c) || c == 'ё' || c == '-');
    if !cyrillic(surname) || surname.chars().count() < 4 {
        return None;
    }
    // The surname's stem and whether its ending was soft ("-я", "-ю", "-ем").
    let (stem, soft) = if given.ends_with("ом") || given.ends_with("ем") {
        match (surname.strip_suffix("ом"), surname.strip_suffix("ем")) {
            (Some(stem), _) => (stem, false),
            (_, Some(stem)) => (stem, !stem.ends_with(['ц', 'ж', 'ш', 'ч', 'щ'])),
            _ => return None,
        }
    } else if given.ends_with(['а', 'я']) {
        match (surname.strip_suffix('а'), surname.strip_suffix('я')) {
            (Some(stem), _) => (stem, false),
            (_, Some(stem)) => (stem, true),
            _ => return None,
        }
    } else if given.ends_with(['у', 'ю']) {
        match (surname.strip_suffix('у'), surname.strip_suffix('ю')) {
            (Some(stem), _) => (stem, false),
            (_, Some(stem)) => (stem, true),
            _ => return None,
        }
    } else {
        return None;
    };
    let end = stem.chars().last()?;
    if stem.chars().count() < 3 || end == 'ь' || end == 'й' {
        return None;
    }
    Some(match (soft, vowel(end)) {
        (false, false) => stem.to_owned(),
        (true, true) => format!("{stem}й"),
        (true, false) => format!("{stem}ь"),
        // ("-а" after a vowel is no case ending: "Гойя".)
        (false, true) => return None,
    })
}

/// A man's given name and his surname in the same oblique case, in the nominative (see
/// [`nominative_name`]): the given name's ending ("-а", "-у", "-е") taken off must leave a
/// given name of the shared list, which the whole word is not (so "Дина", "Паула" stay); the
/// surname loses the same ending, or its soft form for a "-ь" ("Мельдаля": "Мельдаль"), or
/// stays as written where it ends in a vowel and so does not decline ("Болсонару").
fn oblique_nominatives(given: &str, surname: &str, lexicon: &Lexicon) -> Option<(String, String)> {
    let lower = given.to_lowercase();
    let last = surname.to_lowercase();
    let cyrillic = |w: &str| w.chars().all(|c| ('а'..='я').contains(&c) || "ёіїєґ-".contains(c));
    // A given name as written in the nominative: the shared list's or the language's own.
    let nominative_given =
        |w: &str| known::is_given_name_spelled(w) || lexicon.given_nominative(w).is_some_and(|n| n == w);
    // (A case form the language's own list knows was read by the rule for it.)
    if lower.chars().count() < 4
        || !cyrillic(&lower)
        || !cyrillic(&last)
        || nominative_given(&lower)
        || lexicon.given_nominative(&lower).is_some()
    {
        return None;
    }
    let (ending, soft) = [("а", "я"), ("у", "ю"), ("е", "")].into_iter().find(|(e, _)| lower.ends_with(e))?;
    let stem = lower.strip_suffix(ending)?;
    if !nominative_given(stem) || stem.ends_with(|c: char| "аеёиоуыэюяіїєь".contains(c)) {
        return None;
    }
    let consonant_before = |w: &str| w.chars().last().is_some_and(|c| !"аеёиоуыэюяіїєйь".contains(c));
    let surname_stem = |w: &str| w.chars().count() >= 3 && consonant_before(w);
    let nominative = if let Some(s) = last.strip_suffix(ending).filter(|s| surname_stem(s)) {
        s.to_owned()
    } else if let Some(s) = last.strip_suffix(soft).filter(|s| !soft.is_empty() && surname_stem(s)) {
        format!("{s}ь")
    } else if last.ends_with(|c: char| "иоуэюеі".contains(c)) && !last.ends_with(ending) {
        last.clone()
    } else {
        return None;
    };
    Some((capitalise(stem), capitalise(&nominative)))
}

/// A given name and a surname both in the instrumental, in the nominative (see
/// [`nominative_name`]); `None` unless the two agree on a case and a gender.
fn instrumental_nominatives(given: &str, surname: &str) -> Option<(String, String)> {
    let lower = given.to_lowercase();
    let last = surname.to_lowercase();
    if lower.chars().count() < 5 || !lower.chars().all(|c| ('а'..='я').contains(&c) || c == 'ё') {
        return None;
    }
    let indeclinable = last.ends_with(['и', 'е', 'о', 'у', 'ю', 'ь']);
    let sibilant = |stem: &str| stem.ends_with(['ж', 'ш', 'ч', 'щ', 'ц']);
    if let Some(stem) = lower.strip_suffix("ей").or_else(|| lower.strip_suffix("ой")) {
        // A woman's name: "-ей" after a soft consonant is "-я", after a sibilant "-а".
        let ending = if lower.ends_with("ей") && !sibilant(stem) { "я" } else { "а" };
        let surname = if indeclinable {
            surname.to_owned()
        } else if let Some(s) = last.strip_suffix("ой") {
            let adjective = s.ends_with("ск") || s.ends_with("цк");
            capitalise(&format!("{s}{}", if adjective { "ая" } else { "а" }))
        } else {
            return None;
        };
        return Some((capitalise(&format!("{stem}{ending}")), surname));
    }
    let stem = lower.strip_suffix("ом")?;
    let surname = if indeclinable && !last.ends_with("ом") {
        surname.to_owned()
    } else {
        capitalise(last.strip_suffix("ом").filter(|s| s.chars().count() >= 3)?)
    };
    Some((capitalise(stem), surname))
}

/// A Russian region's noun in any case: its nominative, and whether it is feminine.
pub(super) fn region_noun(lower: &str) -> Option<(&'static str, bool)> {
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
pub(super) fn capitalise(lower: &str) -> String {
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
pub(super) fn nominative_likeness(word: &str, lexicon: &Lexicon) -> u32 {
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
