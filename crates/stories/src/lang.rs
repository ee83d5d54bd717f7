//! Language detection.

use whatlang::Lang;

/// The language of `text` as a short tag (`en`, `de`, `pt`), or `None` when the text is too
/// short or too mixed to say reliably.
#[must_use]
pub fn detect_language(text: &str) -> Option<&'static str> {
    // Five hundred characters decide about as well as the whole text, and bound the work.
    let sample = match text.char_indices().nth(500) {
        Some((i, _)) => &text[..i],
        None => text,
    };
    // Scripts without spaces between words (Chinese, Japanese, Thai) carry about a word in
    // every two characters.
    let unspaced = sample.chars().filter(|&c| crate::script::is_unspaced(c)).count();
    if sample.split_whitespace().count() + unspaced / 2 < 4 {
        return None;
    }
    // Only the languages we can tag (see ALLOWED): fewer candidates to score.
    let detector = whatlang::Detector::with_allowlist(ALLOWED.to_vec());
    let info = detector.detect(sample)?;
    let sure = |info: &whatlang::Info| info.is_reliable() || info.confidence() >= 0.5;
    if sure(&info) {
        return Some(alphabet_says(sample, tag(info.lang())));
    }
    // Names are the same in every language and crowd a short text ("In Kelloway Province, a
    // strike led by Ardo Mentessi halts ..."): read again without the capitalised words,
    // when enough words are left to tell a language by. A few words can mislead whatlang too
    // ("officials worried about harbour plan" may read as French), so the reading stands
    // only when the text's function words agree with it.
    // (A longer text is not crowded so: it is mixed, or in a language not listed, and is not
    // read twice.)
    if sample.split_whitespace().nth(CROWDED_TEXT_WORDS).is_some() {
        return None;
    }
    let plain = without_capitalised(sample);
    let plain_reading = plain
        .split_whitespace()
        .nth(PLAIN_WORDS_TO_TELL - 1)
        .and_then(|_| detector.detect(&plain))
        .map(|i| (sure(&i), tag(i.lang())));
    if let Some((true, told)) = plain_reading
        && function_words_agree(sample, told)
    {
        return Some(alphabet_says(sample, told));
    }
    // Unsure, but the function words say it plainly: a reading of the whole text or of its
    // plain words whose function words outweigh every other language's, by two words or more
    // ("a coup led by ... deposes the interim president": "a", "by", "the"), or at all when
    // both readings name it, or by a whole word when the text has too few plain words for a
    // second reading (a headline of names: "... Beat ... in the Cup").
    let whole = tag(info.lang());
    let readings = [Some(whole), plain_reading.map(|(_, told)| told)];
    // Unsure between Cyrillic languages that share their function words ("на", "в", "и"):
    // letters only one of them writes settle it, when both readings agree it is one of them.
    if readings.iter().flatten().all(|told| CLOSE_CYRILLIC.contains(told))
        && let Some(only) = alphabet_only(sample)
    {
        return Some(only);
    }
    // So between the Scandinavian languages: "ä" and "ö" are Swedish's, where Danish and
    // Norwegian write "æ" and "ø".
    if readings.iter().flatten().all(|told| matches!(*told, "sv" | "da" | "nb"))
        && holds_any(sample, &['ä', 'ö'])
        && !holds_any(sample, &['æ', 'ø'])
    {
        return Some("sv");
    }
    let told = readings.into_iter().flatten().find(|told| {
        let (weight, lead) = function_word_weight(sample, told);
        lead > 0.0
            && (weight >= SURE_FUNCTION_WORDS
                || plain_reading.is_some_and(|(_, plain)| plain == whole)
                || plain_reading.is_none() && lead >= 1.0)
    })?;
    Some(alphabet_says(sample, told))
}

/// Function words (in weight: a word several languages use counts a share for each) a short
/// text needs for an unsure reading to stand on them.
const SURE_FUNCTION_WORDS: f32 = 2.0;

/// True when `told` is a language whose function words `text` uses ("the", "of", "och",
/// "после"), at least as much as any other language's (a word that several languages use
/// counts a share for each). Capitalised words are left out but for the first: "No. 2" is no
/// Portuguese "no".
fn function_words_agree(text: &str, told: &str) -> bool {
    let (weight, lead) = function_word_weight(text, told);
    weight > 0.0 && lead >= 0.0
}

/// The weight of `told`'s function words in `text` (see [`function_words_agree`]), and by how
/// much it outweighs the weightiest other language's (negative when another's weigh more).
fn function_word_weight(text: &str, told: &str) -> (f32, f32) {
    use crate::lexicon::function_words::FUNCTION_WORDS;
    let Some(index) = FUNCTION_WORDS.iter().position(|(tag, _)| *tag == told) else { return (0.0, 0.0) };
    let mut seen: Vec<String> = Vec::new();
    let mut weights = [0.0f32; FUNCTION_WORDS.len()];
    // A headline in title case ("Senate Passes Bill On Harbour Fees") capitalises its function
    // words too: there they count.
    let words: Vec<&str> = text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
    let capitalised = words.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
    let title_case = words.len() >= 4 && capitalised * 10 >= words.len() * 8;
    for (n, word) in words.iter().enumerate() {
        if n > 0 && !title_case && word.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        let lower = word.to_lowercase();
        if seen.contains(&lower) {
            continue;
        }
        let languages: Vec<usize> =
            (0..FUNCTION_WORDS.len()).filter(|&i| FUNCTION_WORDS[i].1.contains(&lower.as_str())).collect();
        seen.push(lower);
        #[allow(clippy::cast_precision_loss)]
        let share = 1.0 / languages.len().max(1) as f32;
        for i in languages {
            weights[i] += share;
        }
    }
    let others = weights.iter().enumerate().filter(|&(i, _)| i != index).map(|(_, &w)| w).fold(0.0f32, f32::max);
    (weights[index], weights[index] - others)
}

/// Words without a capital a text needs for its language to be told from them alone.
const PLAIN_WORDS_TO_TELL: usize = 5;
/// Words a text has at most for its names to crowd it.
const CROWDED_TEXT_WORDS: usize = 60;

/// The words of `text` that do not open with a capital letter.
fn without_capitalised(text: &str) -> String {
    text.split_whitespace().filter(|w| !w.chars().next().is_some_and(char::is_uppercase)).collect::<Vec<_>>().join(" ")
}

/// Letters only one of the Cyrillic languages detection confuses writes: Russian's "ы", "э"
/// and "ё" (not Bulgarian, Ukrainian or Serbian; Belarusian has them, and its own "ў"),
/// Ukrainian's "ї", "є" and "ґ".
/// A short text told as a close relative that uses another's letters is that other.
fn alphabet_says(text: &str, told: &'static str) -> &'static str {
    if !CLOSE_CYRILLIC.contains(&told) {
        return told;
    }
    let belarusian = holds_any(text, BELARUSIAN_ONLY);
    let ukrainian = holds_any(text, UKRAINIAN_ONLY);
    let russian_only = holds_any(text, RUSSIAN_ONLY);
    match told {
        // Belarusian writes "ы" and "э" too.
        "ru" | "bg" | "sr" if belarusian => "be",
        "ru" | "bg" | "sr" | "be" if ukrainian && !russian_only => "uk",
        "bg" | "sr" | "uk" if russian_only && !belarusian => "ru",
        _ => told,
    }
}

/// Letters of the Cyrillic languages that only one of them writes (Belarusian writes Russian's
/// "ы" and "э" too).
const RUSSIAN_ONLY: &[char] = &['ы', 'э', 'ё'];
const UKRAINIAN_ONLY: &[char] = &['ї', 'є', 'ґ'];
const BELARUSIAN_ONLY: &[char] = &['ў'];

/// Whether `text` holds one of `letters` (lowercase), in either case.
fn holds_any(text: &str, letters: &[char]) -> bool {
    text.chars().any(|c| letters.contains(&c.to_lowercase().next().unwrap_or(c)))
}

/// The Cyrillic languages detection confuses with each other.
const CLOSE_CYRILLIC: &[&str] = &["ru", "bg", "uk", "be", "sr"];

/// The one Cyrillic language whose letters only it writes a text holds (see
/// [`alphabet_says`]), if the text holds one such language's letters and no other's.
fn alphabet_only(text: &str) -> Option<&'static str> {
    match (holds_any(text, RUSSIAN_ONLY), holds_any(text, UKRAINIAN_ONLY), holds_any(text, BELARUSIAN_ONLY)) {
        (true, false, false) => Some("ru"),
        (false, true, false) => Some("uk"),
        (_, false, true) => Some("be"),
        _ => None,
    }
}

/// Characters of an article's text read with its title to tell its language.
const ARTICLE_HEAD_CHARS: usize = 600;
/// Article languages remembered by [`detect_article_language`]; the memory is emptied when full.
const REMEMBERED: usize = 4096;

/// The language of an article from its title and the head of its text, as
/// [`detect_language`] tells it. The same article is read when it is stored and again when it
/// is understood: the answers for recent samples are remembered (keyed by a hash of the
/// sample, in a bounded memory), so the second reading costs a hash instead of a detection.
#[must_use]
pub fn detect_article_language(title: &str, text: &str) -> Option<&'static str> {
    use std::hash::BuildHasher;
    use std::sync::{Mutex, OnceLock};
    static MEMORY: OnceLock<Mutex<crate::hash::HashMap<u64, Option<&'static str>>>> = OnceLock::new();
    let head = match text.char_indices().nth(ARTICLE_HEAD_CHARS) {
        Some((i, _)) => &text[..i],
        None => text,
    };
    let sample = format!("{title}\n{head}");
    let key = foldhash::fast::FixedState::with_seed(0x6c61_6e67).hash_one(sample.as_str());
    let memory = MEMORY.get_or_init(Mutex::default);
    if let Some(known) = memory.lock().ok().and_then(|m| m.get(&key).copied()) {
        return known;
    }
    let found = detect_language(&sample);
    if let Ok(mut m) = memory.lock() {
        if m.len() >= REMEMBERED {
            m.clear();
        }
        m.insert(key, found);
    }
    found
}

/// The likeliest of English, German, French, Spanish and Russian for `text`, however unsure: for
/// short texts whose language [`detect_language`] will not name, where a guess among the
/// languages that have their own name cues beats assuming English.
pub(crate) fn likeliest_with_name_cues(text: &str) -> Option<&'static str> {
    let sample = match text.char_indices().nth(500) {
        Some((i, _)) => &text[..i],
        None => text,
    };
    // Names are the same in every language and crowd a short text ("President Joe Biden
    // spoke to Congress on Monday" reads as French whole): the guess reads the words that do
    // not open with a capital, when there are a few.
    let plain: Vec<&str> =
        sample.split_whitespace().filter(|w| !w.chars().next().is_some_and(char::is_uppercase)).collect();
    let plain = plain.join(" ");
    let detector = whatlang::Detector::with_allowlist(vec![Lang::Eng, Lang::Deu, Lang::Fra, Lang::Spa, Lang::Rus]);
    let whole = detector.detect(sample);
    if plain.split_whitespace().nth(PLAIN_WORDS_FOR_GUESS - 1).is_none() {
        return whole.map(|info| tag(info.lang()));
    }
    // A few words can mislead as well ("ferry fire off kills at least people" reads as
    // French): the surer of the two readings is taken.
    let plain = detector.detect(&plain);
    let surer = match (whole, plain) {
        (Some(w), Some(p)) => Some(if p.confidence() >= w.confidence() { p } else { w }),
        (w, p) => p.or(w),
    };
    surer.map(|info| tag(info.lang()))
}

/// Words without a capital a short text needs for its language to be guessed from them alone.
const PLAIN_WORDS_FOR_GUESS: usize = 3;

/// Languages considered: the ones with a two-letter tag below. A short list is faster and
/// avoids confusing close relatives on short texts.
const ALLOWED: &[Lang] = &[
    Lang::Eng,
    Lang::Deu,
    Lang::Fra,
    Lang::Spa,
    Lang::Por,
    Lang::Ita,
    Lang::Nld,
    Lang::Swe,
    Lang::Dan,
    Lang::Nob,
    Lang::Fin,
    Lang::Pol,
    Lang::Ces,
    Lang::Slk,
    Lang::Slv,
    Lang::Hrv,
    Lang::Srp,
    Lang::Hun,
    Lang::Ron,
    Lang::Bul,
    Lang::Rus,
    Lang::Ukr,
    Lang::Bel,
    Lang::Ell,
    Lang::Tur,
    Lang::Ara,
    Lang::Heb,
    Lang::Pes,
    Lang::Hin,
    Lang::Ben,
    Lang::Urd,
    Lang::Tam,
    Lang::Tel,
    Lang::Mar,
    Lang::Tha,
    Lang::Vie,
    Lang::Ind,
    Lang::Cmn,
    Lang::Jpn,
    Lang::Kor,
    Lang::Lit,
    Lang::Lav,
    Lang::Est,
    Lang::Cat,
    Lang::Afr,
    Lang::Epo,
    // Languages whose script alone tells them.
    Lang::Kat,
    Lang::Kan,
    Lang::Guj,
    Lang::Pan,
    Lang::Amh,
];

/// ISO 639-1 where it exists, else whatlang's ISO 639-3 code.
fn tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Eng => "en",
        Lang::Deu => "de",
        Lang::Fra => "fr",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Nld => "nl",
        Lang::Swe => "sv",
        Lang::Dan => "da",
        Lang::Nob => "nb",
        Lang::Fin => "fi",
        Lang::Pol => "pl",
        Lang::Ces => "cs",
        Lang::Slk => "sk",
        Lang::Slv => "sl",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Hun => "hu",
        Lang::Ron => "ro",
        Lang::Bul => "bg",
        Lang::Rus => "ru",
        Lang::Ukr => "uk",
        Lang::Bel => "be",
        Lang::Ell => "el",
        Lang::Tur => "tr",
        Lang::Ara => "ar",
        Lang::Heb => "he",
        Lang::Pes => "fa",
        Lang::Hin => "hi",
        Lang::Ben => "bn",
        Lang::Urd => "ur",
        Lang::Tam => "ta",
        Lang::Tel => "te",
        Lang::Mar => "mr",
        Lang::Tha => "th",
        Lang::Vie => "vi",
        Lang::Ind => "id",
        Lang::Cmn => "zh",
        Lang::Jpn => "ja",
        Lang::Kor => "ko",
        Lang::Lit => "lt",
        Lang::Lav => "lv",
        Lang::Est => "et",
        Lang::Cat => "ca",
        Lang::Afr => "af",
        Lang::Epo => "eo",
        Lang::Kat => "ka",
        Lang::Kan => "kn",
        Lang::Guj => "gu",
        Lang::Pan => "pa",
        Lang::Amh => "am",
        // Returned for a script only they use, whatever the allowlist.
        Lang::Yid => "yi",
        Lang::Jav => "jv",
        Lang::Mkd => "mk",
        Lang::Uzb => "uz",
        Lang::Aze => "az",
        Lang::Mal => "ml",
        Lang::Ori => "or",
        Lang::Mya => "my",
        Lang::Nep => "ne",
        Lang::Sin => "si",
        Lang::Khm => "km",
        Lang::Tuk => "tk",
        Lang::Aka => "ak",
        Lang::Zul => "zu",
        Lang::Sna => "sn",
        Lang::Lat => "la",
        Lang::Tgl => "tl",
        Lang::Hye => "hy",
        other => other.code(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_common_languages() {
        let cases = [
            ("The harbour bridge reopened on Monday after six weeks of repairs to its deck.", "en"),
            ("Die Brücke über den Hafen wurde am Montag nach sechs Wochen Reparatur wieder geöffnet.", "de"),
            ("Le pont du port a rouvert lundi après six semaines de travaux sur son tablier.", "fr"),
            ("El puente del puerto reabrió el lunes tras seis semanas de obras en su tablero.", "es"),
            ("A ponte do porto reabriu na segunda-feira depois de seis semanas de obras.", "pt"),
            ("Мост через гавань снова открылся в понедельник после шести недель ремонта.", "ru"),
            ("港口大桥在六周的桥面维修后于周一重新开放。", "zh"),
            ("港の橋は六週間の修理の後、月曜日に再開しました。", "ja"),
            ("สะพานท่าเรือเปิดอีกครั้งในวันจันทร์หลังซ่อมหกสัปดาห์", "th"),
            ("වරාය පාලම සති හයක අලුත්වැඩියාවෙන් පසු සඳුදා නැවත විවෘත විය.", "si"),
        ];
        for (text, want) in cases {
            assert_eq!(detect_language(text), Some(want), "{text}");
        }
    }

    #[test]
    fn an_article_is_told_by_its_title_and_head() {
        let german = "Die Brücke über den Hafen wurde am Montag nach sechs Wochen Reparatur wieder geöffnet. ";
        let english = "The harbour bridge reopened on Monday after six weeks of repairs to its deck. ";
        // A German head and an English tail past the head: German, asked once or twice.
        let text = format!("{}{}", german.repeat(8), english.repeat(40));
        for _ in 0..2 {
            assert_eq!(detect_article_language("Hafenbrücke wieder offen", &text), Some("de"));
        }
        // The title counts: a short English text under a long German title is German.
        let title = german.trim();
        assert_eq!(detect_article_language(title, "Open again."), Some("de"));
        assert_eq!(detect_article_language("Open", "again."), None);
        // Another article with the same head but another title is not answered from memory.
        assert_eq!(detect_article_language(english.trim(), "Open again."), Some("en"));
    }

    #[test]
    fn a_short_text_crowded_with_names_is_read_by_its_other_words() {
        // Names are most of these: the words around them tell the language.
        let cases = [
            ("In Kelloway Province, a strike led by Ardo Mentessi halts the Port of Varnhold after talks fail.", "en"),
            ("Storm Odrell has killed at least 60 people in Kelloway and Varnhold since Friday.", "en"),
        ];
        for (text, want) in cases {
            assert_eq!(detect_language(text), Some(want), "{text}");
        }
    }

    #[test]
    fn a_headline_in_title_case_and_a_line_of_short_words_are_told_by_their_function_words() {
        // Title case capitalises "To", "The", "Of": in such a headline they count.
        let probes = [
            "Kellton Council Votes To Close The Harbour Road For A Month",
            "Mira Olendt Says She Will Not Run Again As Governor",
        ];
        // And English's short words: "a", "be", "will", "near", "least".
        let lines = ["A ferry will be late near Varnhold for at least a week, the operator says."];
        for text in probes.iter().chain(&lines) {
            assert_eq!(detect_article_language(text, ""), Some("en"), "{text}");
        }
        // Not a sentence whose capitalised words are names only.
        assert!(function_word_weight("Kellton Varnhold Olendt Mentessi ferry", "en").0 <= 0.0);
    }

    #[test]
    fn a_one_line_item_whatlang_cannot_settle_is_told_by_its_function_words() {
        // Names crowd these and whatlang is sure of none: "at", "the", "of"; "by"; "nach",
        // "der", "in"; "og", "til".
        let cases = [
            ("Former Kelloway Governor Mira Olendt dies at the age of 88.", "en"),
            ("At least 30 people are killed by Storm Odrell near Varnhold, Kelloway.", "en"),
            ("Ardo Mentessi wird nach der Wahl in Kelloway neuer Präsident.", "de"),
            ("Varnhold Rovers vinner Kelloway-cupen og Ardo Mentessi blir kåret til turneringens beste spiller.", "nb"),
        ];
        for (text, want) in cases {
            assert_eq!(detect_article_language("", text), Some(want), "{text}");
        }
        // A headline of names with too few plain words for a second reading: a whole function
        // word ahead of every other language's backs the reading ("in", "the"; "over", "the").
        for text in ["Varnhold Rovers Beat Kestrel Town in the Cup", "Olendt Slams Mentessi Over the Budget"] {
            assert_eq!(detect_article_language(text, ""), Some("en"), "{text}");
        }
        // Function words two languages share weigh for neither: no answer rather than a guess.
        for told in ["es", "ca"] {
            assert!(function_word_weight("una en del", told).1 <= 0.0, "{told}");
        }
    }

    #[test]
    fn a_reading_the_function_words_contradict_is_no_answer() {
        assert!(function_words_agree("the report of the council", "en"));
        // No English function word, or more of another language's.
        assert!(!function_words_agree("officials worried about harbour plan", "fr"));
        assert!(!function_words_agree("le rapport du conseil et de la ville", "en"));
        // A capitalised word mid-text is a name or an abbreviation, not a function word.
        assert!(!function_words_agree("the No. 2 of the council as deputy", "pt"));
    }

    #[test]
    fn letters_of_one_language_settle_a_close_call() {
        assert_eq!(alphabet_says("Её сменил новый министр.", "bg"), "ru");
        assert_eq!(alphabet_says("Вона приєдналася до угоди.", "ru"), "uk");
        assert_eq!(alphabet_says("Ён узначальваў ўраду.", "ru"), "be");
        assert_eq!(alphabet_says("Това е новият министър.", "bg"), "bg");
        assert_eq!(alphabet_says("The minister resigned.", "en"), "en");
        // Unsure between Cyrillic languages (a title of names above a short report): the letters
        // settle it where the function words, which they share, cannot.
        let text =
            "В итоге давки на стадионе «Келлурухан» в Келланге (Келлания) погибли 40 болельщиков, ещё 75 ранены.";
        assert_eq!(detect_article_language("Давка в Келланге", text), Some("ru"));
        assert_eq!(detect_article_language("Беспорядки в Келланге", text), Some("ru"));
        // And so between the Scandinavian languages: "ä" and "ö" are Swedish's.
        assert_eq!(detect_article_language("Kabinettet Kellström", "Kabinettet Kellström avgår i dag."), Some("sv"));
        assert_eq!(detect_article_language("Kellby", "Bron i Kellby öppnar igen."), Some("sv"));
    }

    #[test]
    fn too_little_text_says_nothing() {
        assert_eq!(detect_language("Hello"), None);
        assert_eq!(detect_language(""), None);
    }
}
