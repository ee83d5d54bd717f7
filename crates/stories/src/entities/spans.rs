//! Candidate names in running text, with the words around them.

use super::known::{self, is_abbreviation};
use crate::lexicon::english::TITLE_ABBREVIATIONS;
use crate::lexicon::names::Lexicon;

/// One mention of a candidate name.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    /// The name's words as written (connectors such as "of" included).
    pub words: Vec<String>,
    /// The word before, lowercase ("" at the start of a sentence).
    pub before: String,
    /// The word after, lowercase.
    pub after: String,
    /// A lone capitalised word opening a sentence: a name only if the article names it so
    /// elsewhere (a surname of a person named in full).
    pub weak: bool,
    /// A title or office stands before it ("President", "le président").
    pub titled: bool,
    /// A noun before it names an organisation ("Der Autobauer Volkswagen").
    pub org_apposition: bool,
    /// A US state follows it after a comma ("Chappaqua, N.Y."): a town's name.
    pub town: bool,
    /// A noun of a kind of place stands before it where the language capitalises nouns ("im
    /// Stadtteil Kellfeld"): a place's name, whatever its words read as.
    pub called_place: bool,
    /// The list of names it stands in ("Kellsoft, Brixwell and Dunmore Labs": names set
    /// side by side with commas and one "and" or "or"), numbered from 1 in the text; 0 outside
    /// any list.
    pub list: u32,
}

impl Mention {
    /// A mention that only its words, the words around it and a title before it describe.
    fn plain(words: Vec<String>, before: String, after: String, titled: bool) -> Self {
        Self {
            words,
            before,
            after,
            weak: false,
            titled,
            org_apposition: false,
            called_place: false,
            town: false,
            list: 0,
        }
    }
}

struct Token<'a> {
    raw: &'a str,
    /// The token opens a line (a paragraph): no name runs across a line break.
    line_start: bool,
    word: std::borrow::Cow<'a, str>,
    lower: std::borrow::Cow<'a, str>,
    /// The word is written capitalised as a name's is (`is_capitalised`, read once).
    cap: bool,
}

/// One word of a run: a name word, or a lowercase connector between two.
#[derive(Debug, Clone)]
struct Item {
    word: String,
    lower: String,
    connector: bool,
}

/// Title abbreviations of French and Spanish that end in a dot without ending the sentence
/// (the English ones are `TITLE_ABBREVIATIONS`).
const OTHER_TITLE_ABBREVIATIONS: &[&str] = &["m", "mme", "sra"];
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// English title modifiers that are adjectives ("National Security Adviser"): they make a
/// title only with a title word after them.
fn english_adjective_modifier(lower: &str, lex: &Lexicon) -> bool {
    lex.is_english()
        && matches!(
            lower,
            "national"
                | "regional"
                | "special"
                | "foreign"
                | "prime"
                | "vice"
                | "deputy"
                | "former"
                | "acting"
                | "interim"
                | "grand"
                | "supreme"
                | "first"
                | "senior"
                | "assistant"
                | "associate"
                | "chief"
                | "executive"
        )
}

/// Whether a lowercase word is a name's suffix ("jr.", "iii").
pub(super) fn is_suffix(lower: &str) -> bool {
    SUFFIXES.contains(&lower.trim_end_matches('.'))
}
/// Titles that are also common surnames ("Stephen King", "Elizabeth Bishop"): after a given name
/// with nothing but a suffix after them, they end the person's name.
const TITLES_ALSO_SURNAMES: &[&str] = &["king", "bishop", "judge", "dean", "prince", "sheriff", "marshal", "pope"];
const DASHES: &[&str] = &["--", "\u{2014}", "\u{2013}", "-"];

/// People a place needs for its name in capitals to be taken for the place anywhere.
const SPELT_PLACE_POPULATION: u64 = 100_000;

/// People a place needs to be taken for a dateline away from the text's first words.
const DATELINE_POPULATION: u64 = 15_000;

/// A token's word: without surrounding punctuation and possessive, dotted abbreviations
/// ("U.S.") kept whole.
pub(crate) fn clean(token: &str) -> &str {
    // Most words are plain lowercase letters: nothing to trim.
    if token.bytes().all(|b| b.is_ascii_lowercase()) {
        return token;
    }
    // Nor in one that a comma or a sentence's stop follows: the mark alone goes.
    if let Some((&last, word)) = token.as_bytes().split_last()
        && matches!(last, b',' | b'.' | b';' | b':' | b'!' | b'?')
        && !word.is_empty()
        && word.iter().all(u8::is_ascii_lowercase)
    {
        return &token[..word.len()];
    }
    let t = token.trim_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '\'' | '\u{2019}' | '.' | '&'));
    // A closing quote after a sentence's stop ("Hale.'") goes before the stop is read.
    let t = t.trim_start_matches('.').trim_end_matches(['\'', '\u{2019}']);
    let dotted =
        t.len() >= 4 && t.ends_with('.') && t.split('.').filter(|p| !p.is_empty()).all(|p| p.chars().count() == 1);
    // ("U.S...." before an ellipsis is "U.S.".)
    // ("Brook,..." and "Brook,’" end at the name.)
    let t = if dotted {
        &t[..t.trim_end_matches('.').len() + 1]
    } else {
        t.trim_end_matches(['.', ',', ';', ':', '!', '?'])
    };
    let t = t.strip_suffix("'s").or_else(|| t.strip_suffix("\u{2019}s")).unwrap_or(t);
    // French and Italian elision: "l'Élysée", "d'Italia"; and at a sentence's start, before a
    // lowercase word ("L'allenatore Kellmar Vint"): the word is that lowercase one.
    let t = elision(t)
        .and_then(|e| t.strip_prefix(e).map(|rest| (e, rest)))
        .filter(|(e, rest)| {
            rest.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || (c.is_lowercase() && e.starts_with(char::is_uppercase)))
        })
        .map_or(t, |(_, rest)| rest);
    // ("Council\"." is "Council".)
    t.trim_matches(|c: char| matches!(c, '\'' | '\u{2019}' | '[' | ']' | '(' | ')' | '"' | '\u{201d}'))
}

/// Letters in capitals that stand for common nouns, time zones ("ET") or a title ("POTUS"),
/// lowercase: never a name.
const COMMON_ABBREVIATIONS: &[&str] = &[
    "tv", "gdp", "dna", "rna", "ipo", "atm", "sms", "suv", "ceo", "cfo", "coo", "cto", "hiv", "vat", "pdf", "usb",
    "gps", "faq", "diy", "vip", "ok", "pm", "am", "ad", "bc", "id", "iq", "dj", "mp", "pc", "dvd", "cd", "mri", "ufo",
    "a.g.", "gmt", "bst", "est", "edt", "pst", "pdt", "cst", "cdt", "cet", "cest", "utc", "icu", "hdl", "ldl", "sos",
    "ptsd", "adhd", "mph", "ai", "api", "esg", "etf", "etfs", "ev", "evs", "nft", "nfts", "lgbt", "lgbtq", "rsv",
    "sars", "mers", "hpv", "aids", "copd", "cpi", "ppi", "vpn", "cbd", "thc", "ivf", "dui", "wmd", "ied", "ieds", "et",
    "pt", "swat", "potus", "flotus", "ig", "phd", "ph.d.", "mba", "q&a", "fyi", "aka", "rsvp", "asap", "pr",
    // Computing's common nouns.
    "cpu", "gpu", "ram", "rom", "ssd", "hdd", "lcd", "led", "oled", "amoled", "hdmi", "vga", "dvi", "html", "css",
    "json", "xml", "url", "urls", "http", "https", "rss", "wi-fi", "lan", "wan", "os", "ui", "ux", "seo", "crm", "erp",
    "saas", "fps", "hdr", "vr", "ar", "cio", "cmo", "roi", "kpi", "hvac", "dram", "nfc", "usb-c", "usb-a",
    // Units of storage, power and energy, and of engines.
    "kb", "mb", "tb", "kw", "mw", "gw", "kwh", "mwh", "gwh", "twh", "pv", "mpg", "rpm",
    // Internet shorthand, private equity's letters and a letter's postscript.
    "wtf", "lol", "omg", "btw", "imo", "imho", "pe", "p.s.",
    // Records, sport, image files, fuels, a department, a grill, and medicine's (a pandemic's
    // disease, a vaccine's and a test's kind, protective equipment).
    "ep", "eps", "lp", "lps", "td", "tds", "mvp", "qb", "rbi", "jpg", "jpeg", "png", "gif", "lpg", "lng", "sim", "ssid",
    "hr", "covid", "mrna", "pcr", "ppe", "bbq",
    // Written with capitals inside: the internet of things (and of everything), services,
    // particle physics' energies, degrees.
    "wifi", "iot", "ioe", "paas", "iaas", "baas", "kev", "mev", "gev", "tev", "phds",
    // Kinds of train, as common nouns in their countries' news (not Germany's "ICE": in
    // English, an agency's letters), and Spain's files of dismissal and of temporary layoff.
    "tgv", "ter", "rer", "ave", "ere", "erte",
];

/// A common noun's letters in capitals ("TV", "CPU", "MW"), or hyphenated ("Wi-Fi"): no name.
/// ("PhD", "WiFi", "IoT": or written with capitals inside; "H.I.V.", "D.I.Y.": or with a dot
/// after each of three letters or more, as some newspapers write them; two are as often a
/// person's initials.)
fn is_common_abbreviation(item: &Item) -> bool {
    let dotted = || {
        let bare: String = item.lower.chars().filter(|c| *c != '.').collect();
        bare.chars().count() >= 3 && bare.len() < item.lower.len() && COMMON_ABBREVIATIONS.contains(&bare.as_str())
    };
    (is_abbreviation(&item.word) || item.word.contains('-') || item.word.chars().skip(1).any(char::is_uppercase))
        && (COMMON_ABBREVIATIONS.contains(&item.lower.as_str()) || dotted())
}

/// "J.D.", "A.M.": two capital letters, each with its dot.
fn is_two_initials(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() == 4 && b[0].is_ascii_uppercase() && b[1] == b'.' && b[2].is_ascii_uppercase() && b[3] == b'.'
}

/// Endings of a hyphenated modifier ("GOP-controlled", "Saudi-led", "London-based"): the word
/// describes the name after it and belongs to none.
const MODIFIER_ENDINGS: &[&str] = &[
    "-controlled",
    "-led",
    "-backed",
    "-based",
    "-owned",
    "-run",
    "-born",
    "-funded",
    "-allied",
    "-aligned",
    "-sponsored",
    "-made",
    "-style",
    "-linked",
    "-affiliated",
    "-inspired",
    "-dominated",
    "-era",
    "-educated",
    "-trained",
    "-focused",
    "-oriented",
    "-minded",
    "-themed",
];

/// A lowercase word with its first letter capitalised: "ferguson" -> "Ferguson".
fn title_case(lower: &str) -> String {
    let mut chars = lower.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn is_modifier(t: &Token<'_>) -> bool {
    MODIFIER_ENDINGS.iter().any(|e| t.lower.ends_with(e)) || {
        // "Kremlin-friendly", "Labour-leaning": a name joined by a hyphen to a lowercase word
        // is an adjective (names write each part capitalised: "Ocasio-Cortez").
        t.word.rsplit_once('-').is_some_and(|(head, tail)| {
            head.starts_with(char::is_uppercase)
                && tail.chars().count() >= 4
                && tail.chars().all(char::is_lowercase)
                && known::place(&t.lower).is_none()
        })
    }
}

/// The known place an English modifier of where something is or someone was born is made of
/// ("Toulouse-based", "Lagos-born"), as written.
fn based_in_place(t: &Token<'_>, lex: &Lexicon) -> Option<String> {
    let (head, tail) = t.word.rsplit_once('-')?;
    if !(lex.is_english() && matches!(tail, "based" | "born") && head.starts_with(char::is_uppercase)) {
        return None;
    }
    let lower = head.to_lowercase();
    let known = crate::gazetteer::territory(&lower).is_some()
        || known::place(&lower).is_some_and(|p| p.population >= BASED_IN_POPULATION);
    known.then(|| head.to_owned())
}

/// People a town needs for its name in a modifier ("Kellton-based") to count as a place.
const BASED_IN_POPULATION: u64 = 15_000;

/// English words that open an apposition telling what a name is ("Peskov, the spokesman").
const DETERMINERS: &[&str] = &["the", "a", "an", "its", "his", "her", "their", "our"];

/// Connectors that coordinate ("Valencia y Murcia") rather than attach ("Bank of England").
const COORDINATORS: &[&str] = &["and", "und", "et", "y", "e", "&", "i"];

/// Whether a lowercase connector coordinates two names rather than attaching one to another.
pub(crate) fn is_coordinator(lower: &str) -> bool {
    COORDINATORS.contains(&lower)
}

fn is_initial(word: &str, raw: &str) -> bool {
    let mut letters = word.trim_end_matches('.').chars();
    matches!((letters.next(), letters.next()), (Some(c), None) if c.is_uppercase())
        && raw.trim_end_matches([',', ';']).ends_with('.')
}

fn is_title_abbreviation(lower: &str) -> bool {
    TITLE_ABBREVIATIONS.contains(&lower) || OTHER_TITLE_ABBREVIATIONS.contains(&lower)
}

fn is_dotted(word: &str) -> bool {
    word.ends_with('.') && word.len() >= 4
}

fn capital(t: &Token<'_>) -> bool {
    t.cap
}

/// Whether a token (as written, and its word) is capitalised as a name's word is.
fn is_capitalised(raw: &str, word: &str) -> bool {
    let Some(first) = word.chars().next() else { return false };
    // Most words start in lowercase; only "al-" and "el-" may still lead to a capital.
    if !first.is_uppercase() && first != 'a' && first != 'e' {
        return false;
    }
    // "@SenKell", "#KestrelStrong": a handle or a tag is no name as written.
    if raw.starts_with(['@', '#', '(', '"', '\u{201c}', '\''])
        && raw.trim_start_matches(['(', '"', '\u{201c}', '\'']).starts_with(['@', '#'])
    {
        return false;
    }
    // "Ana** Br****": a name masked by stars, as reviews and forums sign, is none.
    if raw.ends_with('*') && raw.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '*').ends_with("**") {
        return false;
    }
    if let Some(rest) = word.strip_prefix("al-").or_else(|| word.strip_prefix("el-")) {
        return rest.chars().next().is_some_and(char::is_uppercase);
    }
    first.is_uppercase()
        && (word.chars().skip(1).any(char::is_lowercase)
            || is_abbreviation(word)
            || word.trim_end_matches('.').chars().count() == 1
            // "G7", "G20": a known organisation's letters and digits.
            || (word.bytes().any(|b| b.is_ascii_digit()) && known::organisation(word).is_some()))
}

/// A word in the possessive ("Brook's", "Brook’s").
fn is_possessive(raw: &str) -> bool {
    raw.ends_with("'s") || raw.ends_with("\u{2019}s")
}

/// The token ends the run it is in.
fn breaks_after(t: &Token<'_>) -> bool {
    let raw = t.raw;
    if raw.ends_with([',', ';', ':', '!', '?', ')', '"', '\u{201d}', '\u{bb}', '\u{2019}', '/']) {
        return true;
    }
    if is_possessive(raw) {
        return true;
    }
    if raw.ends_with('.') {
        return !(is_initial(&t.word, raw) || is_title_abbreviation(&t.lower));
    }
    false
}

/// A person's two initials before the surname ("P.J. Kellner", "Ana M.J. Brook"): two
/// initials that open the run or follow a given name, and are no place's or organisation's
/// ("U.S.", which may end a sentence).
fn persons_initials(tokens: &[Token<'_>], run_start: usize, j: usize, lex: &Lexicon) -> bool {
    let t = &tokens[j];
    t.raw.ends_with('.')
        && is_two_initials(&t.word)
        && !COMMON_ABBREVIATIONS.contains(&t.lower.as_ref())
        && (j == run_start
            || known::is_given_name_in(&tokens[j - 1].lower, lex)
            || lex.is_title(tokens[j - 1].lower.trim_end_matches('.')))
        && tokens.get(j + 1).is_some_and(|next| capital(next) && !next.line_start)
        && known::place(&t.lower).is_none()
        && known::organisation(&t.word).is_none()
        && crate::gazetteer::territory(&t.lower).is_none()
}

/// A country's dotted letters before the words of one of its institutions ("the U.S. Coast
/// Guard", "the U.K. Kellmarsh Agency"): one organisation's name. Only where the name's
/// first capitalised words (three at most, no title: "U.S. President ...") hold an
/// organisation's head word, the name does not end in a law's or an event's ("U.S.
/// Innovation and Competition Act"), and no part of it from its start is a known organisation
/// ("U.S. Department of Justice", "U.S. House" name the known ones, which a country's name
/// may or may not precede).
fn country_before_institution(tokens: &[Token<'_>], j: usize, lex: &Lexicon) -> bool {
    let t = &tokens[j];
    // (The cheap tests first: this is asked of every word that ends a run.)
    if !(lex.is_english() && is_two_initials(&t.word) && !is_possessive(t.raw) && names_a_country(&t.lower)) {
        return false;
    }
    let first: Vec<&Token<'_>> =
        tokens[j + 1..].iter().take(3).take_while(|w| capital(w) && !w.line_start && !lex.is_title(&w.lower)).collect();
    let Some(head) = first.iter().position(|w| lex.is_org_word(&w.lower)) else { return false };
    if first[..head].iter().any(|w| breaks_after(w)) {
        return false;
    }
    // The whole name: capitalised words and the connectors between them.
    let mut name: Vec<&Token<'_>> = Vec::new();
    for w in tokens[j + 1..].iter().take(10) {
        let connector = lex.connectors.contains(&w.lower.as_ref()) || w.lower == "the";
        if w.line_start || w.raw.starts_with('(') || !(capital(w) || connector) {
            break;
        }
        name.push(w);
        if breaks_after(w) {
            break;
        }
    }
    while name.last().is_some_and(|w| !capital(w)) {
        name.pop();
    }
    let ends_in_other = name.last().is_some_and(|w| lex.other_heads.contains(&w.lower.as_ref()));
    let known_part = (1..=name.len()).any(|k| {
        capital(name[k - 1])
            && known::organisation_in(&name[..k].iter().map(|w| w.word.as_ref()).collect::<Vec<&str>>().join(" "), true)
                .is_some()
    });
    !ends_in_other && !known_part
}

/// The token ends its sentence.
fn ends_sentence(t: &Token<'_>) -> bool {
    let raw = t.raw.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')', '\u{bb}']);
    if raw.ends_with(['!', '?', ':']) {
        return true;
    }
    raw.ends_with('.')
        && !is_initial(&t.word, raw)
        && !is_dotted(&t.word)
        && !is_title_abbreviation(&t.lower)
        && !SUFFIXES.contains(&t.lower.as_ref())
}

/// A whitespace token cut at its long dashes, the dashes kept as tokens of their own
/// ("Kansas\u{2014}and" is "Kansas", "\u{2014}", "and"): no name runs through a dash.
fn split_dashes(raw: &str) -> impl Iterator<Item = &str> {
    let mut rest = raw;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        // Most tokens hold no dash, slash, comma, semicolon or parenthesis: one piece.
        if rest.is_ascii() && !rest.bytes().any(|b| matches!(b, b'/' | b',' | b';' | b'(')) {
            return Some(std::mem::take(&mut rest));
        }
        let cut = match rest.find(['\u{2014}', '\u{2013}']) {
            Some(0) => rest.chars().next().map_or(0, char::len_utf8),
            Some(n) => n,
            None => rest.len(),
        };
        // "Kellvax/Brixgen": a slash between two capitalised words parts two names (it stays
        // on the first, where it ends the run as a comma does).
        let cut = slash_between_names(&rest[..cut]).map_or(cut, |at| at + 1);
        // "Kellton,Brixham": a comma written without its space between two words parts them
        // (it stays on the first, where it ends the run; not "TL;DR").
        let cut = rest.as_bytes()[..cut]
            .iter()
            .enumerate()
            .filter(|(_, b)| matches!(b, b',' | b';'))
            .map(|(at, _)| at)
            .find(|&at| {
                let mut next = rest[at + 1..].chars();
                rest[..at].chars().next_back().is_some_and(char::is_lowercase)
                    && next.next().is_some_and(char::is_uppercase)
                    && next.next().is_some_and(char::is_lowercase)
            })
            .map_or(cut, |at| at + 1);
        // "Inc(KELL.N)": a parenthesis written against a word opens a token of its own.
        let cut = rest[..cut]
            .match_indices('(')
            .map(|(at, _)| at)
            .find(|&at| at > 0 && rest[..at].chars().next_back().is_some_and(char::is_alphanumeric))
            .unwrap_or(cut);
        let (piece, after) = rest.split_at(cut);
        rest = after;
        Some(piece)
    })
}

/// Where a slash stands between a word and a capitalised word ("Kellvax/Brixgen"; not
/// "and/or", "24/7" or an address's "https://").
fn slash_between_names(piece: &str) -> Option<usize> {
    piece.match_indices('/').map(|(at, _)| at).find(|&at| {
        let before = piece[..at].chars().next_back();
        let after = piece[at + 1..].chars().next();
        before.is_some_and(char::is_alphanumeric)
            && after.is_some_and(char::is_uppercase)
            && piece[..at].chars().next().is_some_and(char::is_uppercase)
    })
}

/// Every candidate mention of the text, in order.
pub(crate) fn mentions(text: &str, lex: &Lexicon) -> Vec<Mention> {
    let mut tokens: Vec<Token<'_>> = Vec::with_capacity(text.len() / 6);
    tokens.extend(text.lines().flat_map(|line| line.split_whitespace().flat_map(split_dashes).enumerate()).map(
        |(n, raw)| {
            let cleaned = clean(raw);
            // Most words are lowercase already: no copy is made of them.
            let lower = if cleaned.bytes().any(|b| b.is_ascii_uppercase())
                || (!cleaned.is_ascii() && cleaned.chars().any(char::is_uppercase))
            {
                std::borrow::Cow::Owned(cleaned.to_lowercase())
            } else {
                std::borrow::Cow::Borrowed(cleaned)
            };
            // Initials and suffixes keep their dot in the name: "George H. W. Bush", "Jr."
            // (not a Roman number's, whose dot ends the sentence: "Henry VIII.").
            let dotted = raw.trim_end_matches([',', ';']).ends_with('.')
                && (is_initial(cleaned, raw) || matches!(lower.as_ref(), "jr" | "sr"));
            let word = if dotted {
                std::borrow::Cow::Owned(format!("{cleaned}."))
            } else {
                std::borrow::Cow::Borrowed(cleaned)
            };
            let cap = is_capitalised(raw, &word);
            Token { raw, line_start: n == 0, word, lower, cap }
        },
    ));
    let tokens = tokens;
    // Whether the text writes a word in lowercase (the set made on first use).
    let lowercase: std::cell::OnceCell<crate::hash::HashSet<&str>> = std::cell::OnceCell::new();
    let written_lowercase = |lower: &str| {
        lowercase
            .get_or_init(|| {
                let mut set = crate::hash::HashSet::default();
                set.reserve(tokens.len());
                set.extend(tokens.iter().map(|t| t.word.as_ref()).filter(|w| w.starts_with(char::is_lowercase)));
                set
            })
            .contains(lower)
    };
    let mut out = Vec::new();
    // The first and last token of the run each mention was read from.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut sentence_start = true;
    // Where the last well-known organisation's name ended: its last word is no word before the
    // name that follows ("the envoy at the European Union Ana Brook": "union" there is no
    // union's noun before her name).
    let mut known_end = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if t.line_start || t.raw.starts_with(['"', '\u{201c}', '\u{ab}', '\'']) {
            sentence_start = true;
        }
        let before = || {
            if i > 0 && !sentence_start && i != known_end { tokens[i - 1].lower.to_string() } else { String::new() }
        };
        let cap = capital(t);
        if cap && let Some(known) = known_phrase(&tokens[i..]) {
            // "Kell News Media Network", "Kell Times Magazine": capitalised words after a known
            // name, up to an organisation's word, name a larger organisation.
            let mut end = i + known;
            while end < tokens.len()
                && end < i + known + 3
                && !breaks_after(&tokens[end - 1])
                && capital(&tokens[end])
                && !tokens[end].line_start
            {
                end += 1;
            }
            // ("Kellsoft AG", "Kellmetall SE": a legal form right after the name is the name's.)
            // (Where the run ends there: "White House Press Secretary Ana Brook", "Federal
            // Reserve Bank of Kellton" go on.)
            let ends_run = |m: usize| {
                breaks_after(&tokens[m - 1])
                    || tokens
                        .get(m)
                        .is_none_or(|t| t.line_start || !(capital(t) || lex.connectors.contains(&t.lower.as_ref())))
            };
            let n = (i + known + 1..=end)
                .rev()
                .find(|&m| {
                    (lex.is_org_word(&tokens[m - 1].lower)
                        && ends_run(m)
                        && !tokens[i + known..m].iter().any(|t| lex.is_title(&t.lower)))
                        || (m == i + known + 1 && super::is_legal_form(&tokens[m - 1].lower))
                })
                .unwrap_or(i + known)
                - i;
            let before = before();
            let words = tokens[i..i + n].iter().map(|t| t.word.to_string()).collect();
            let after = after_word(&tokens[i + n - 1], &tokens[i + n..], opened_by_comma(&tokens, i));
            let titled = lex.is_title(&before);
            out.push(Mention::plain(words, before, after, titled));
            runs.resize(out.len(), (i, i + n - 1));
            sentence_start = ends_sentence(&tokens[i + n - 1]);
            i += n;
            known_end = i;
            continue;
        }
        // "UK Bank of England", "US Federal Reserve": a country's name before a known
        // organisation's is a name of its own.
        if cap && country_before_known(&tokens[i..]) {
            let before = before();
            let titled = lex.is_title(&before);
            let words = vec![t.word.to_string()];
            let after = after_word(t, &tokens[i + 1..], opened_by_comma(&tokens, i));
            out.push(Mention::plain(words, before, after, titled));
            runs.resize(out.len(), (i, i));
            sentence_start = false;
            i += 1;
            continue;
        }
        if cap && is_modifier(t) {
            // "the Toulouse-based planemaker", "a Lagos-born writer": the modifier describes
            // the name after it, but the place it is made of is named all the same.
            // (Not the last word of a longer name: "Los Angeles-based" is no "Angeles".)
            if let Some(place) = based_in_place(t, lex)
                && !(i > 0 && capital(&tokens[i - 1]) && !breaks_after(&tokens[i - 1]))
            {
                out.push(Mention::plain(vec![place], place_cue(lex), String::new(), false));
                runs.resize(out.len(), (i, i));
            }
            sentence_start = ends_sentence(t);
            i += 1;
            continue;
        }
        // "Austin, Tex., posted ...": an agency's abbreviation of the state after a town is no
        // name of its own ("N.Y.", which the gazetteer knows, stays the state).
        // ("Rep. Ana Brook (Calif.)": a lawmaker's state in parentheses, likewise.)
        let town_state = lex.is_english()
            && ((i > 0
                && tokens[i - 1].raw.ends_with(',')
                && is_state_abbreviation(t.raw)
                && known::place(&t.lower).is_none())
                // ("Kellton, MD": a state's postal code after a town.)
                || (i > 0
                    && tokens[i - 1].raw.ends_with(',')
                    && capital(&tokens[i - 1])
                    && is_postal_code(t.raw))
                || t.raw
                    .trim_end_matches([',', ';', '.', ':'])
                    .strip_prefix('(')
                    .and_then(|r| r.strip_suffix(')'))
                    .is_some_and(|r| is_state_abbreviation(r) && known::place(&t.lower).is_none()));
        // "interrogé par Le Monde", "Marine Le Pen": inside a sentence, a capitalised article
        // before a capitalised word is the name's first word.
        // (Opening a sentence too, where the two words name a known place: "Le Havre", "La Paz".)
        let name_article = cap
            && lex.name_articles.contains(&t.lower.as_ref())
            && !breaks_after(t)
            && tokens.get(i + 1).is_some_and(|n| {
                capital(n)
                    && !n.line_start
                    && !lex.is_function_word(&n.lower)
                    && ((!sentence_start && !t.line_start) || {
                        // (The two words whole: "La Guardia Civil" is no place.)
                        let whole = breaks_after(n) || !tokens.get(i + 2).is_some_and(|a| capital(a) && !a.line_start);
                        whole && opens_a_place(&t.lower, &n.lower)
                    })
            });
        // "at Three Mile Island", "the One World Trade Center": inside an English sentence, a
        // number word written capitalised before a capitalised word is the name's first word.
        let number_first = cap
            && lex.is_english()
            && NUMBER_WORDS.contains(&t.lower.as_ref())
            && !sentence_start
            && !t.line_start
            && !breaks_after(t)
            && tokens.get(i + 1).is_some_and(|n| capital(n) && !n.line_start && !lex.is_function_word(&n.lower));
        if !cap
            || town_state
            || (lex.is_calendar(t.lower.as_ref()) && !opens_a_name_as_given_name(&tokens, i, sentence_start, lex))
            || (lex.is_function_word(t.lower.as_ref())
                && !name_article
                && !number_first
                && !(is_known_letters(&t.word) && !(sentence_start && in_question(&tokens[i..]))))
        {
            // A capitalised function word ("The", "In", "Die") is context: the sentence's
            // first name starts after it.
            // ("— Думаю, ...": a dash that opens a sentence, as a line of dialogue or a list's
            // item does, leaves the sentence's first word after it.)
            let opening_dash = sentence_start && DASHES.contains(&t.raw);
            if !opening_dash {
                sentence_start =
                    !(cap && lex.is_function_word(t.lower.as_ref()) && !breaks_after(t)) && ends_sentence(t);
            }
            i += 1;
            continue;
        }
        let mut before = before();
        // "Liberal/Green": the word before a slash is an alternative to the name,
        // not a word about it.
        if i > 0 && tokens[i - 1].raw.ends_with('/') {
            before.clear();
        }
        // "the newspaper's publisher, Ana Brook": a noun set off by a comma is the person's
        // role, not what the name is.
        if i > 0
            && tokens[i - 1].raw.ends_with(',')
            && lex.org_appositions.contains(&before.as_str())
            && !lex.is_title(&before)
        {
            before.clear();
        }
        let mut items = vec![Item { word: t.word.to_string(), lower: t.lower.to_string(), connector: false }];
        let mut j = i;
        // "In God We Trust", "Toss Her Hat": a pronoun is no name's word.
        let english = lex.is_english();
        // ("Joseph I. Kellerman": an initial is no pronoun.)
        let pronoun = |t: &Token<'_>| {
            english && crate::lexicon::english::PRONOUNS.contains(&t.lower.as_ref()) && !is_initial(&t.word, t.raw)
        };
        // ("Versicherer Ihre eigenen": in German, whose nouns are capitalised, a capitalised
        // pronoun after a noun is no name's word either; an article may be: "Partei Die
        // Linke". Not in the shared list of other languages: "Da" of "Leonardo Da Vinci".)
        let german_function = |t: &Token<'_>| {
            lex.capitalises_nouns
                && !lex.is_other()
                && lex.is_function_word(&t.lower)
                && !matches!(t.lower.as_ref(), "der" | "die" | "das" | "den" | "dem" | "des")
        };
        let name_word = |t: &Token<'_>| {
            capital(t)
                && !t.line_start
                && !pronoun(t)
                && !german_function(t)
                && !lex.is_calendar(t.lower.as_ref())
                && !t.raw.starts_with('(')
                && !is_modifier(t)
        };
        let joins = |t: &Token<'_>| lex.connectors.contains(&t.lower.as_ref()) && !breaks_after(t) && !t.line_start;
        // "Association for the Advancement", "Bank of the West": English's article after a
        // connector that attaches to an organisation's head word ("Kell City of the ..." is a
        // place, then an organisation).
        let article_after = |connector: &Token<'_>, t: &Token<'_>| {
            lex.is_english() && matches!(connector.lower.as_ref(), "of" | "for") && t.lower == "the" && !breaks_after(t)
        };
        // "the Kell County Sheriff's Office", "the Port Alder Coroner's Office": an owner's
        // name and the office's head noun after it are one organisation's name.
        // (Only an office's holder owns it: "Ana Brook's Senate campaign", "the FBI's Office of
        // ..." are two names.)
        let owned_office = |j: usize| {
            english
                && is_possessive(tokens[j].raw)
                && lex.is_title(tokens[j].lower.trim_end_matches("'s").trim_end_matches("\u{2019}s"))
                && tokens.get(j + 1).is_some_and(|t| capital(t) && lex.is_org_word(&t.lower) && !t.line_start)
                && !tokens.get(j + 2).is_some_and(|t| {
                    let attaches = lex.connectors.contains(&t.lower.as_ref()) && !is_coordinator(&t.lower);
                    (capital(t) || attaches) && !t.line_start
                })
        };
        // "Kell Women's Health Organization", "Brook Children's Hospital": a people's plural in
        // the possessive inside an organisation's name.
        let plural_owner = |j: usize| {
            english
                && is_possessive(tokens[j].raw)
                && capital(&tokens[j])
                && PLURAL_OWNERS.contains(&tokens[j].lower.as_ref())
                && tokens.get(j + 1).is_some_and(|t| capital(t) && !t.line_start)
        };
        // "St. Vincent's Hospital", "St. Peter's Square": a saint's name in the possessive
        // and the noun after it name one place or institution.
        let saints = |j: usize| {
            english
                && j == i + 1
                && matches!(tokens[i].lower.as_ref(), "st." | "st" | "saint")
                && is_possessive(tokens[j].raw)
                && tokens.get(j + 1).is_some_and(|t| capital(t) && !t.line_start)
        };
        while j + 1 < tokens.len()
            && (!breaks_after(&tokens[j])
                || owned_office(j)
                || saints(j)
                || plural_owner(j)
                || persons_initials(&tokens, i, j, lex)
                || country_before_institution(&tokens, j, lex))
            && !SUFFIXES.contains(&tokens[j].lower.as_ref())
            && !tokens[j + 1].line_start
            // ("фильм Аны Брук «Большая ...»": a title in guillemets or low quotation marks is
            // a name of its own; English quotation marks may hold a nickname inside a name.)
            && !tokens[j + 1].raw.starts_with(['\u{201e}', '\u{ab}'])
        {
            let next = &tokens[j + 1];
            if breaks_after(&tokens[j])
                && is_possessive(tokens[j].raw)
                && let Some(owner) = items.last_mut()
                && !owner.word.ends_with('s')
            {
                // The owner's name is written as the organisation writes it ("Sheriff's").
                owner.word.push_str(if tokens[j].raw.ends_with("'s") { "'s" } else { "\u{2019}s" });
            }
            // "Theresa May": a month's name after a given name is a surname, unless a number
            // follows ("Ana Brook May 5" is a date).
            let month_surname = english
                && capital(next)
                && crate::lexicon::english::MONTHS.contains(&next.lower.as_ref())
                && known::is_given_name_in(&tokens[j].lower, lex)
                && !tokens.get(j + 2).is_some_and(|t| t.raw.starts_with(|c: char| c.is_ascii_digit()));
            // "Group D. The draw", "Plan B. Kell": a letter with its dot after a common noun of
            // names, or before a capitalised function word, ends the sentence, not an initial.
            let letter_ends = is_initial(&tokens[j].word, tokens[j].raw)
                && ((lex.is_function_word(&next.lower) && !is_initial(&next.word, next.raw))
                    || (j > i && lex.is_org_word(&tokens[j - 1].lower))
                    || (j > i
                        && matches!(tokens[j - 1].lower.as_ref(), "plan" | "group" | "class" | "part" | "phase")));
            if letter_ends {
                if let Some(letter) = items.last_mut() {
                    letter.word.truncate(letter.word.trim_end_matches('.').len());
                }
                break;
            }
            // "В России Госдума приняла ...", "в США Республиканская партия": where names
            // decline, a country after a preposition of place is a name of its own, and the
            // sentence's subject after it another.
            if lex.declines_names()
                && items.len() == 1
                && i > 0
                && lex.locatives.contains(&tokens[i - 1].lower.as_ref())
                && !breaks_after(&tokens[i - 1])
                && name_word(next)
                && (crate::gazetteer::territory(&items[0].lower).is_some()
                    || known::place(&items[0].lower).is_some_and(|p| p.is_region()))
                && crate::gazetteer::territory(&format!("{} {}", items[0].lower, next.lower)).is_none()
            {
                break;
            }
            if name_word(next) || month_surname {
                // "Banca d'Italia", "Côte d'Ivoire", "Cortina d'Ampezzo": an elided "of" inside
                // a name is kept as the text writes it.
                let (word, lower) = match elision(next.raw).filter(|e| e.starts_with(['d', 'D'])) {
                    Some(e) => (
                        format!("{e}{}", next.word),
                        format!("{}{}", e.to_lowercase().replace('\u{2019}', "'"), next.lower),
                    ),
                    None => (next.word.to_string(), next.lower.to_string()),
                };
                items.push(Item { word, lower, connector: false });
                j += 1;
                continue;
            }
            // "NATO and US State Department": a known organisation's name after "and" (a
            // country's before it) starts a name of its own.
            if joins(next)
                && is_coordinator(next.lower.as_ref())
                && (known_phrase(&tokens[j + 2..]).is_some() || country_before_known(&tokens[j + 2..]))
            {
                break;
            }
            // "Rio Grande do Sul", "Mato Grosso do Sul": a short lowercase word inside a place's
            // name that the gazetteer holds whole joins the run, whatever the language's
            // connectors ("do" is none in Polish, where it means "to").
            if !joins(next)
                && !breaks_after(next)
                && next.lower.chars().count() <= 3
                && next.word.chars().all(char::is_lowercase)
                && let Some(after) = tokens.get(j + 2).filter(|t| name_word(t))
            {
                let mut whole = items.iter().map(|w| w.lower.as_str()).collect::<Vec<_>>().join(" ");
                for w in [next.lower.as_ref(), after.lower.as_ref()] {
                    whole.push(' ');
                    whole.push_str(w);
                }
                if known::place(&whole).is_some_and(|p| p.main.is_none()) {
                    items.push(Item { word: next.word.to_string(), lower: next.lower.to_string(), connector: true });
                    items.push(Item { word: after.word.to_string(), lower: after.lower.to_string(), connector: false });
                    j += 2;
                    continue;
                }
            }
            // ("the Court on Kell v. Brook": a party's name in a case's name after a connector
            // is no part of the name before it.)
            let case_party =
                |k: usize| tokens.get(k + 1).is_some_and(|t| matches!(t.raw, "v." | "v" | "vs." | "vs" | "versus"));
            if english && joins(next) && case_party(j + 2) {
                break;
            }
            // One or two connectors between capitals: "Bank of England", "von der Leyen".
            let connectors = if joins(next) && tokens.get(j + 2).is_some_and(name_word) {
                1
            } else if joins(next)
                && tokens.get(j + 2).is_some_and(|t| {
                    joins(t)
                        || (article_after(next, t)
                            && items.last().is_some_and(|w| lex.is_org_word(&w.lower))
                            && !(sentence_start && items.len() == 1))
                })
                && tokens.get(j + 3).is_some_and(name_word)
            {
                2
            } else {
                break;
            };
            for k in 1..=connectors {
                let c = &tokens[j + k];
                items.push(Item { word: c.word.to_string(), lower: c.lower.to_string(), connector: true });
            }
            let n = &tokens[j + connectors + 1];
            items.push(Item { word: n.word.to_string(), lower: n.lower.to_string(), connector: false });
            j += connectors + 1;
        }
        // "Will Kellner run again?": a question's opening verb is no given name.
        if english && sentence_start && items.len() >= 2 && items[0].word == "Will" && !items[1].connector {
            let end = tokens[j..].iter().position(ends_sentence).map_or(tokens.len() - 1, |k| j + k);
            if tokens[end].raw.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')']).ends_with('?') {
                before = items.remove(0).lower;
                sentence_start = false;
            }
        }
        // "Ana Brook MP", "Ana Brook RRP:": letters in capitals after a given name and a surname
        // are a title's or a label's, not the name's (a Roman number is: "Ana Brook III").
        if english
            && items.len() >= 3
            && !items.iter().any(|w| w.connector)
            && known::is_given_name_in(&items[0].lower, lex)
            && items[items.len() - 2].word.chars().any(char::is_lowercase)
            && items.last().is_some_and(|w| {
                w.word.chars().count() >= 2
                    && w.word.chars().all(|c| c.is_ascii_uppercase())
                    && !is_roman_number(&w.word)
            })
        {
            items.pop();
        }
        // "Where Has the Harbour Gone", "Nobody Is Listening": a verb inside a run of
        // capitalised words makes it a title (a song's, a book's, a headline's), not a name.
        if english
            && items.iter().skip(1).any(|w| {
                !w.connector
                    && crate::lexicon::english::TITLE_VERBS.contains(&w.lower.as_str())
                    && w.word.chars().skip(1).all(char::is_lowercase)
            })
        {
            sentence_start = ends_sentence(&tokens[j]);
            i = j + 1;
            continue;
        }
        // In a language without word lists of its own, a sentence's first word that the text
        // also writes in lowercase is a common word capitalised for the sentence alone.
        // (A given name too: "Karena" opens names in English and sentences in Indonesian.)
        if lex.is_other()
            && sentence_start
            && !items.get(1).is_some_and(|w| w.connector)
            && known::place(&items[0].lower).is_none()
            && crate::gazetteer::territory(&items[0].lower).is_none()
            && known::organisation(&items[0].word).is_none()
            && written_lowercase(&items[0].lower)
        {
            if items.len() == 1 {
                sentence_start = ends_sentence(&tokens[j]);
                i = j + 1;
                continue;
            }
            before = items.remove(0).lower;
            sentence_start = false;
        }
        // "le ministère de l'Intérieur", "the minister of Health": a lowercase ministry's noun
        // before the run makes one organisation's name with it; a minister's makes the
        // portfolio part of the title, and a name after it the minister's.
        let mut portfolio_titled = false;
        let mut portfolio_only = false;
        let mut portfolio_org = false;
        // ("the prime minister of New Zealand": a country is the minister's realm.)
        let realm = |items: &[Item]| {
            let name = items.iter().map(|w| w.lower.as_str()).collect::<Vec<_>>().join(" ");
            [name.as_str(), items[0].lower.as_str()]
                .iter()
                .any(|n| crate::gazetteer::territory(n).is_some() || known::place(n).is_some())
        };
        // "il presidente della Repubblica Sergio Mattarella", "le président de la République
        // Emmanuel Macron": a title's institution before a given name is the title's, and the
        // name after it the person's.
        // (English writes the title before the name instead: "French President Emmanuel Macron".)
        let realm_titled = || {
            let before_given_name = !english
                && items.len() >= 3
                && !items[1].connector
                && known::is_given_name_in(&items[1].lower, lex)
                && !known::is_given_name_in(&items[0].lower, lex);
            before_given_name.then(|| head_before(&tokens, i, lex, |t| lex.is_title(&t.lower))).flatten()
        };
        let portfolio = portfolio_head(&tokens, i, lex).or_else(realm_titled);
        if let Some(head) = portfolio.filter(|_| !realm(&items)) {
            if lex.is_title(&tokens[head].lower) {
                if items.len() > 1 && !items[1].connector {
                    items.remove(0);
                    portfolio_titled = true;
                } else {
                    portfolio_only = true;
                }
            } else {
                if let Some(elided) = elision(t.raw) {
                    items[0].word = format!("{elided}{}", items[0].word);
                    items[0].lower = format!("{elided}{}", items[0].lower);
                }
                let lead = tokens[head..i].iter().enumerate().map(|(n, t)| Item {
                    word: t.word.to_string(),
                    lower: t.lower.to_string(),
                    connector: n > 0,
                });
                items.splice(0..0, lead);
                portfolio_org = true;
                before = if head > 0 { tokens[head - 1].lower.to_string() } else { String::new() };
            }
        }
        // "Центральная избирательная комиссия", "Мещанский суд": where names decline, an
        // institution's name opens with a capitalised adjective and goes on in lowercase up to
        // its head noun.
        // (In the nominative only, and whole: the head noun ends the name, before a stop, a
        // capitalised word or a verb, not before a genitive that may be the name's.)
        if lex.declines_names() && items.len() == 1 && super::declined::is_nominative_adjective(&items[0].lower) {
            let mut k = j + 1;
            while k <= j + 3
                && tokens.get(k).is_some_and(|t| !capital(t) && !t.line_start)
                && !breaks_after(&tokens[k - 1])
            {
                // ("Правая партия «...»": a description before the name in quotes.)
                let quoted_after =
                    tokens.get(k + 1).is_some_and(|t| t.raw.starts_with(['«', '"', '\u{201c}', '\u{201e}']));
                let ends_name = !quoted_after
                    && (breaks_after(&tokens[k])
                        || tokens
                            .get(k + 1)
                            .is_none_or(|t| capital(t) || t.line_start || super::declined::is_russian_verb(&t.lower)));
                if lex.org_words.contains(&tokens[k].lower.as_ref()) && ends_name {
                    for t in &tokens[j + 1..=k] {
                        items.push(Item { word: t.word.to_string(), lower: t.lower.to_string(), connector: false });
                    }
                    j = k;
                    break;
                }
                if !super::declined::is_nominative_adjective(&tokens[k].lower) {
                    break;
                }
                k += 1;
            }
        }
        // "le Conseil constitutionnel", "le Parti socialiste", "la Corte costituzionale": French
        // and Italian write an institution's adjectives in lowercase after its capitalised head
        // noun; they are its name's (the lexicon's `institution_adjective_endings`).
        let institution_head = items.len() == 1 && lex.is_org_word(&items[0].lower);
        if !lex.institution_adjective_endings.is_empty() && (portfolio_org || institution_head) {
            let most = items.len() + 2;
            while items.len() < most
                && tokens.get(j + 1).is_some_and(|t| {
                    !capital(t) && !t.line_start && !breaks_after(&tokens[j]) && is_institution_adjective(&t.lower, lex)
                })
            {
                let t = &tokens[j + 1];
                items.push(Item { word: t.word.to_string(), lower: t.lower.to_string(), connector: false });
                j += 1;
            }
            // "la Cour des comptes", "il Consiglio nazionale delle ricerche", "la Camera dei
            // deputati": the same languages write the noun of the body's domain in lowercase
            // after a connector; that one noun is the name's.
            // (Not an adjective after it: "la Cour des comptes critique ..." holds a verb
            // that reads as one.)
            if institution_head && let Some(noun) = lowercase_complement(&tokens, j, lex) {
                for (n, t) in tokens[j + 1..=noun].iter().enumerate() {
                    items.push(Item { word: t.word.to_string(), lower: t.lower.to_string(), connector: n == 0 });
                }
                j = noun;
            }
        }
        // "Guinée équatoriale", "Arabie saoudite": a country's name whose adjective the
        // language writes in lowercase goes on through it.
        for extra in [2, 1] {
            let Some(next) = tokens.get(j + 1..=j + extra) else { continue };
            if next.iter().any(|t| capital(t) || t.line_start) || tokens[j..j + extra].iter().any(breaks_after) {
                continue;
            }
            let mut name: Vec<&str> = items.iter().map(|w| w.lower.as_str()).collect();
            name.extend(next.iter().map(|t| t.lower.as_ref()));
            if crate::gazetteer::territory(&name.join(" ")).is_some() {
                for t in next {
                    items.push(Item { word: t.word.to_string(), lower: t.lower.to_string(), connector: false });
                }
                j += extra;
                break;
            }
        }
        // "Иркутской области": where names decline, a region's lowercase noun belongs to the
        // name before it.
        if lex.declines_names() && tokens.get(j + 1).is_some_and(|t| lex.place_words.contains(&t.lower.as_ref())) {
            let t = &tokens[j + 1];
            items.push(Item { word: t.word.to_string(), lower: t.lower.to_string(), connector: false });
            j += 1;
        }
        // "Консервативной партии", "Всеобщего прогрессивного конгресса": where names decline,
        // an institution's name is a capitalised adjective, maybe lowercase ones, and its
        // lowercase head noun ("партия", "конгресс"); the words belong to the name.
        if lex.declines_names()
            // (Not an adjective that opens the sentence: "Правая партия ..." is any party.)
            && ((items.len() == 1 && !sentence_start) || (items.len() == 2 && lex.is_title(&items[0].lower)))
            && items.last().is_some_and(|w| super::declined::is_adjective_form(&w.lower))
            && !breaks_after(&tokens[j])
        {
            let mut k = j + 1;
            while k < tokens.len()
                && k <= j + 3
                && !capital(&tokens[k])
                && !tokens[k].line_start
                && super::declined::is_adjective_form(&tokens[k].lower)
                && !breaks_after(&tokens[k])
            {
                k += 1;
            }
            // (Where a lowercase noun follows the head, it may be the name's too, in the
            // genitive: "Всемирная организация здравоохранения"; the name is left as found.)
            let ends_name = |n: usize| {
                breaks_after(&tokens[n])
                    || tokens.get(n + 1).is_none_or(|t| {
                        capital(t)
                            || t.line_start
                            || lex.is_function_word(&t.lower)
                            || super::declined::is_russian_verb(&t.lower)
                    })
            };
            if let Some(head) = tokens.get(k)
                && !capital(head)
                && !head.line_start
                && super::declined::noun_nominatives(&head.lower).iter().any(|n| lex.org_words.contains(&n.as_str()))
                && ends_name(k)
            {
                // ("Лидер Лейбористской партии": a title that opened the sentence is no part.)
                if items.len() == 2 {
                    items.remove(0);
                }
                for t in &tokens[j + 1..=k] {
                    items.push(Item { word: t.word.to_string(), lower: t.lower.to_string(), connector: false });
                }
                j = k;
            }
        }
        let after_token = tokens.get(j + 1);
        let after = after_word(&tokens[j], &tokens[j + 1..], opened_by_comma(&tokens, i));
        // "Independence Day", "Mother's Day": the name of a day, not of anyone.
        let holiday = after_token
            .is_some_and(|t| capital(t) && matches!(t.lower.as_ref(), "day" | "eve" | "tag" | "jour" | "día"));
        // "the State of the Union address": the name of a speech.
        let speech = after_token.is_some_and(|t| !capital(t) && matches!(t.lower.as_ref(), "address" | "speech"));
        // An outlet before a dash ("Harbor Wire --") and a credit in parentheses ("(Reuters)")
        // are not what the story is about; a dateline in capitals ("PORT ALDER (Reuters) --")
        // names the place it was filed from.
        let opening = i < 3 && after_token.is_some_and(|t| DASHES.contains(&t.raw) || t.raw.starts_with('('));
        let capitals = items.iter().all(|w| w.connector || !w.word.chars().any(char::is_lowercase));
        // ("Ulf Kellberg (Bild) ist ...": a name before a parenthesis opening the text is a
        // person's with a picture credit; only a dash sets an outlet's name apart.)
        let outlet = opening && !capitals && after_token.is_some_and(|t| DASHES.contains(&t.raw));
        // ("Olaf Kellner (SPD) sagte", "Ana Brook (Labour) said": a party after a name written
        // in mixed case is no credit.)
        let after_name = i > 0 && {
            let previous = &tokens[i - 1];
            capital(previous) && previous.word.chars().any(char::is_lowercase) && !previous.raw.ends_with([',', '.'])
        };
        let dateline_credit = tokens.get(i + 1).is_some_and(|next| DASHES.contains(&next.raw));
        let credit = i < 15 && t.raw.starts_with('(') && (!after_name || dateline_credit);
        // "HARTFORD, Conn. --": a dateline whose state or country stands between the place
        // and the dash.
        let dateline = capitals
            && i < 3
            && tokens.iter().skip(j + 1).take(3).any(|t| DASHES.contains(&t.raw) || t.raw.starts_with('('));
        // A dateline's place and its state ("FERGUSON, Mo. --") is a town's name, written in
        // capitals, not an abbreviation: it is read as the town's name. So is a dateline's
        // place the gazetteer knows ("WASHINGTON --" is Washington).
        // The people of the place a name in capitals spells, if the gazetteer knows one (a
        // territory counts as the largest).
        let spelt_population = (capitals && !items.iter().any(|w| w.word.contains('.')))
            .then(|| {
                let lower = items.iter().map(|w| w.lower.as_str()).collect::<Vec<_>>().join(" ");
                if crate::gazetteer::territory(&lower).is_some() {
                    Some(u64::MAX)
                } else {
                    known::place(&lower).map(|p| p.population)
                }
            })
            .flatten();
        // A dateline opens a paragraph after the headline and the byline as well, credit or
        // not ("(Wirefeed) OSLO -", "BERGEN (Wirefeed) -", "TROMSØ:"): a place the gazetteer
        // knows, written in capitals among a paragraph's first words, before a colon or a dash
        // (a credit in parentheses may stand between).
        let paragraph_dateline = capitals
            && (i < 3 || tokens[i - 2..=i].iter().any(|t| t.line_start))
            && (tokens[j].raw.ends_with(':') || tokens.iter().skip(j + 1).take(3).any(|t| DASHES.contains(&t.raw)))
            // (A label in capitals may spell a small place's name: a big place only.)
            && spelt_population.is_some_and(|p| p >= DATELINE_POPULATION);
        // "BAAR, SWITZERLAND" on a line of its own at the text's opening, as press releases
        // write it: the place of a dateline whose country or state follows the comma.
        let line_dateline = capitals && i < 3 && tokens[j].raw.ends_with(',') && {
            let rest: Vec<&Token<'_>> = tokens[j + 1..].iter().take_while(|t| !t.line_start).collect();
            (1..=3).contains(&rest.len()) && {
                let name = rest.iter().map(|t| t.lower.as_ref()).collect::<Vec<_>>().join(" ");
                crate::gazetteer::territory(&name).is_some() || known::place(&name).is_some_and(|p| p.is_region())
            }
        };
        let dateline = dateline || paragraph_dateline || line_dateline;
        let before = if (opening || dateline) && capitals { place_cue(lex) } else { before };
        let known_dateline = (opening || dateline) && spelt_population.is_some();
        // A big place's or a country's name spelt out in capitals anywhere ("PHILADELPHIA",
        // "BELGIUM") is the place, not an abbreviation: five letters at least, so that an
        // abbreviation that spells a place's other name ("DACA") stays one.
        let spelt_place = spelt_population.is_some_and(|p| p >= SPELT_PLACE_POPULATION)
            && !items.iter().any(|w| w.connector)
            && items.iter().map(|w| w.word.chars().count()).sum::<usize>() >= 5;
        if (dateline && tokens[j].raw.ends_with(',')) || known_dateline || spelt_place {
            for item in items.iter_mut().filter(|w| !w.connector) {
                item.word = title_case(&item.lower);
            }
        }
        // A word in capitals alone that is no name: a label or a shout ("CORRECTION:",
        // "THANKS!"), a bill's or a model's letters before its number ("SB 1062"), a common
        // noun's letters ("TV", "GDP").
        let lone_capitals = items.len() == 1 && is_abbreviation(&items[0].word);
        // (So is a word in capitals of eight letters or more, without the dots of initials:
        // abbreviations are shorter, and the long ones are known, "INTERPOL".)
        let letters_in_capitals = items[0].word.chars().filter(|c| c.is_alphabetic()).count();
        let shout = lone_capitals
            && ((letters_in_capitals >= 6
                && tokens[j].raw.trim_end_matches(['"', '\u{201d}', '\'', '\u{2019}']).ends_with([':', '!']))
                || (letters_in_capitals >= 8
                    && !items[0].word.contains('.')
                    && known::organisation(&items[0].word).is_none()
                    && known::place(&items[0].lower).is_none()
                    && crate::gazetteer::territory(&items[0].lower).is_none()));
        let numbered = lone_capitals
            && items[0].word.chars().filter(|c| c.is_alphabetic()).count() <= 3
            && after_token.is_some_and(|t| t.raw.chars().next().is_some_and(|c| c.is_ascii_digit()));
        let common = items.len() == 1 && is_common_abbreviation(&items[0]);
        // A share's ticker in parentheses ("(KELL.N)", "(BRX.L)") is no name.
        let ticker = items.len() == 1 && t.raw.starts_with('(') && is_ticker(&items[0].word);
        // "WE WILL NOT CLOSE": words in capitals that the text also writes in lowercase,
        // several of them, are a shout (a known organisation's or place's word excepted; one
        // such word alone, "GRANTED", is left out for the whole article by
        // `drop_shouted_words`).
        let words_in_capitals = capitals
            && items.len() >= 2
            && items.iter().filter(|w| !w.connector).all(|w| {
                w.word.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && known::organisation(&w.word).is_none()
                    && known::place(&w.lower).is_none()
                    && crate::gazetteer::territory(&w.lower).is_none()
                    && written_lowercase(&w.lower)
            });
        // "HOW WILL KELL VOTE", "WHO STANDS UP FOR THE PORT": a heading in capitals holding a
        // function word or a verb of title case is a shout too.
        let heading_in_capitals = english
            && capitals
            && items.len() >= 2
            && items.iter().any(|w| {
                !w.connector
                    && (lex.is_function_word(&w.lower)
                        || crate::lexicon::english::TITLE_VERBS.contains(&w.lower.as_str())
                        || w.lower == "will")
            })
            && known::organisation(&joined(&items)).is_none();
        // "2 QH, 1 TFL ... 3 QH": letters in capitals that the text writes twice or more, each
        // time after a count (not a year), are a unit or a statistic, no name.
        let counted = lone_capitals
            && i > 0
            && is_count(tokens[i - 1].raw)
            && known::organisation(&items[0].word).is_none()
            && known::place(&items[0].lower).is_none()
            && crate::gazetteer::territory(&items[0].lower).is_none()
            && {
                let mut times = 0;
                let all_counted = tokens.iter().enumerate().all(|(k, other)| {
                    if *other.word != *items[0].word {
                        return true;
                    }
                    times += 1;
                    k > 0 && is_count(tokens[k - 1].raw)
                });
                all_counted && times >= 2
            };
        // "10:30 AEST", "2:52 p.m. EST": letters in capitals after a clock time are its time
        // zone; "BREAKING 2:52 p.m.", "CORRECTION 10.15": a line that opens with a word in
        // capitals before a clock time opens with a live page's label. Neither is a name.
        let clock = lone_capitals
            && ((i > 0 && is_clock(tokens[i - 1].raw))
                || (t.line_start && after_token.is_some_and(|a| is_clock(a.raw) && !is_count(a.raw))));
        // "Group D", "Plan B", "Vitamin C": a word and a capital letter are a label, no name
        // (unless the word is a given name: "Malcolm X").
        let label = items.len() == 2
            && items[1].word.chars().count() == 1
            && items[1].word.chars().all(char::is_uppercase)
            && !known::is_given_name_in(&items[0].lower, lex)
            && known::organisation(&joined(&items)).is_none();
        // A letter alone is no name: a party's ("Kell Brook (R) said"), a plan's ("Plan B").
        // Nor a Roman number alone: a round's or a part's ("II etap", "Part IV").
        let letter = items.len() == 1
            && (items[0].word.trim_end_matches('.').chars().count() == 1
                || is_roman_number(items[0].word.trim_end_matches('.')));
        // Nor two initials alone, a person's cut from the name or a degree's or an hour's
        // letters ("J.D.", "M.D.", "A.M."), unless they are a place's or an organisation's
        // ("U.S.", "N.Y.", "U.N.").
        let initials = items.len() == 1
            && is_two_initials(&items[0].word)
            && known::organisation(&items[0].word).is_none()
            && known::place(&items[0].lower).is_none();
        // Nor is a party's adjective alone ("the billionaire Democratic donor").
        let party = items.len() == 1 && is_party_adjective(&items[0].lower);
        if !outlet
            && !portfolio_only
            && !credit
            && !holiday
            && !speech
            && !shout
            && !numbered
            && !common
            && !ticker
            && !letter
            && !initials
            && !party
            && !words_in_capitals
            && !heading_in_capitals
            && !counted
            && !label
            && !clock
        {
            // "le chancelier allemand Olaf Scholz": a title one word before counts too.
            // ("Senator representing Kell North": not across a verb's form.)
            // ("Editor's Note", "the Governor's Mansion": not a title in the possessive.)
            let titled = portfolio_titled
                || (lex.is_title(&before) && !(i > 0 && is_possessive(tokens[i - 1].raw)))
                || (i >= 2
                    && !sentence_start
                    && lex.is_title(&tokens[i - 2].lower)
                    && !capital(&tokens[i - 1])
                    && !(english && (tokens[i - 1].lower.ends_with("ing") || tokens[i - 1].lower.ends_with("ed")))
                    // ("the Inspector General in Kellton": nor across an English preposition;
                    // Russian's "во главе с" is a title's.)
                    && !(english && lex.is_function_word(&tokens[i - 1].lower))
                    && !lex.connectors.contains(&tokens[i - 1].lower.as_ref())
                    && !breaks_after(&tokens[i - 2]))
                || realm_apposition(&tokens, i, j, lex);
            // A dateline opens the text but is no sentence's first word.
            let sentence_start = sentence_start && !((opening || dateline) && capitals);
            // "the town of Vevey", "la ville de Gap", "la provincia de Soria": a place's noun
            // and "of" before the name say it is a place. (Not one that owns what follows:
            // "the console port of Kellstar's game".)
            let called_a_place = i >= 2
                && matches!(tokens[i - 1].lower.as_ref(), "of" | "de" | "di" | "d")
                && lex.place_appositions.contains(&tokens[i - 2].lower.as_ref())
                && !breaks_after(&tokens[i - 2])
                && !breaks_after(&tokens[i - 1])
                && !is_possessive(tokens[j].raw);
            // "em Kellpur, Tailândia,": after a preposition of place, a name followed by a
            // comma and a country is a town of that country.
            let in_a_country = i >= 1
                && lex.locatives.contains(&tokens[i - 1].lower.as_ref())
                && !breaks_after(&tokens[i - 1])
                && names_a_country_after(&tokens[j..]);
            let town = (english && names_a_state_after(&tokens[j..])) || called_a_place || in_a_country;
            // (Only English is measured for it: elsewhere any apposition still counts.)
            let follows_determined = !english
                || tokens.get(j + 1).is_some_and(|t| DETERMINERS.contains(&t.lower.as_ref()) || is_possessive(t.raw));
            let employer = english && works_at(&tokens[..i]);
            let context = Context {
                employer,
                before,
                after,
                sentence_start,
                titled,
                follows: apposition(&tokens[j..], lex),
                follows_determined,
                town,
                called_place: false,
            };
            split_run(items, context, lex, &mut out);
            runs.resize(out.len(), (i, j));
        }
        sentence_start = ends_sentence(&tokens[j]);
        i = j + 1;
    }
    number_lists(&tokens, &runs, &mut out);
    out
}

/// Numbers the lists of names: a name whose run follows the run of the name before it across
/// a comma alone, or across one "and", "or" or "&" (with or without a comma before it), stands
/// in that name's list; so does a name parted from the one before at such a word ("Kellsoft,
/// Brixwell and Dunmore Labs", "Kellsoft, Brixwell, and Dunmore"; not across a line, a
/// sentence's end, a parenthesis or any other word).
fn number_lists(tokens: &[Token<'_>], runs: &[(usize, usize)], out: &mut [Mention]) {
    let follows = |end: usize, start: usize| {
        let Some(next) = tokens.get(start) else { return false };
        if next.line_start || next.raw.starts_with(['(', '"', '\u{201c}']) {
            return false;
        }
        let last = &tokens[end];
        if start == end + 1 {
            return last.raw.ends_with(',');
        }
        start == end + 2
            && matches!(tokens[end + 1].raw, "and" | "or" | "&")
            && !tokens[end + 1].line_start
            && (last.raw.ends_with(',') || !breaks_after(last))
    };
    // ("Kellsoft and Brixwell Labs": one run of capitalised words parted at its "and".)
    let parted = |out: &[Mention], k: usize| {
        let (start, end) = runs[k];
        runs[k - 1] == runs[k]
            && (start + 1..end).any(|c| {
                matches!(tokens[c].raw, "and" | "or" | "&")
                    && out[k - 1].words.last().is_some_and(|w| *w == tokens[c - 1].word)
                    && out[k].words.first().is_some_and(|w| *w == tokens[c + 1].word)
            })
    };
    let mut lists = 0;
    // Whether the list's last name came after its "and" ("CMU and Kell Labs, Saving Cash by
    // ...": a name after the comma that follows is no more of the list).
    let mut closed = false;
    for k in 1..out.len() {
        let ((_, end), (start, _)) = (runs[k - 1], runs[k]);
        let by_comma = end < start && start == end + 1 && follows(end, start);
        let by_and = (end < start && start == end + 2 && follows(end, start)) || parted(out, k);
        if (by_comma && !closed) || by_and {
            if out[k - 1].list == 0 {
                lists += 1;
                out[k - 1].list = lists;
            }
            out[k].list = out[k - 1].list;
            closed = by_and;
        } else {
            closed = false;
        }
    }
}

/// English plurals of people that organisations' names hold in the possessive ("Women's",
/// "Children's"), lowercase as a token's word is (the possessive off).
const PLURAL_OWNERS: &[&str] = &["women", "children", "men", "people", "workers", "teachers", "farmers", "nurses"];

/// Roles held at an employer, written before "at", "of" or "with" and its name ("an analyst
/// at ...", "the co-founder of ..."). ("A lawyer for", "a spokesman for" name a client, who
/// may be a person.)
const EMPLOYMENT_ROLES: &[&str] = &[
    "partner",
    "partners",
    "analyst",
    "analysts",
    "economist",
    "economists",
    "strategist",
    "founder",
    "co-founder",
    "cofounder",
    "ceo",
    "executive",
    "executives",
    "chairman",
    "chairwoman",
    "employee",
    "employees",
    "researcher",
    "researchers",
    "scientist",
    "scientists",
    "engineer",
    "manager",
    "director",
    "owner",
    "shareholder",
    "architect",
    "officer",
    "consultant",
    "editor",
    "specialist",
    "professor",
    "lecturer",
    "intern",
    "staffer",
];

/// Whether the words before a run say that it is an employer: a role, then "at", "of" or
/// "with", perhaps "the" ("economists at the Kell Group").
fn works_at(before: &[Token<'_>]) -> bool {
    let mut k = before.len();
    if k > 0 && before[k - 1].lower == "the" {
        k -= 1;
    }
    k >= 2
        && matches!(before[k - 1].lower.as_ref(), "at" | "of" | "with")
        && !breaks_after(&before[k - 2])
        && EMPLOYMENT_ROLES.contains(&before[k - 2].lower.as_ref())
}

/// Whether a word is written as a share's ticker with its exchange: up to five capitals, a
/// dot and one or two capitals ("KELL.N", "BRX.L").
fn is_ticker(word: &str) -> bool {
    let upper = |p: &str, most: usize| (1..=most).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_uppercase());
    word.split_once('.').is_some_and(|(symbol, exchange)| upper(symbol, 5) && upper(exchange, 2))
}

/// Whether a word is a Roman number from II to XXXIX in capitals ("II", "XIV").
fn is_roman_number(word: &str) -> bool {
    let tens = word.len() - word.trim_start_matches('X').len();
    let units = &word[tens..];
    word.len() >= 2 && tens <= 3 && matches!(units, "" | "I" | "II" | "III" | "IV" | "V" | "VI" | "VII" | "VIII" | "IX")
}

/// Whether an article and the word after it name a known place ("le havre", "la paz").
fn opens_a_place(article: &str, next: &str) -> bool {
    known::place(&format!("{article} {next}")).is_some()
}

/// Whether the run from `i` to `j` is set off by commas right after a title and its realm
/// ("O governador de São Paulo, Kellmar Vint, inaugurou", "the mayor of Kell Bay, Ana Brook,
/// said"): the title's holder. So after a realm the text calls by its lowercase noun ("le
/// maire de la ville, Ana Brook,").
fn realm_apposition(tokens: &[Token<'_>], i: usize, j: usize, lex: &Lexicon) -> bool {
    if i < 4 || !tokens[i - 1].raw.ends_with(',') || !tokens[j].raw.ends_with(',') {
        return false;
    }
    if !capital(&tokens[i - 1]) {
        // The title, its connector, perhaps an article, then the place's noun.
        let noun = &tokens[i - 1];
        let article = usize::from(lex.name_articles.contains(&tokens[i - 2].lower.as_ref()));
        let connector = i - 2 - article;
        return lex.place_appositions.contains(&noun.lower.as_ref())
            && connector >= 1
            && lex.connectors.contains(&tokens[connector].lower.as_ref())
            && !tokens[connector - 1..i - 1].iter().any(breaks_after)
            && lex.is_title(&tokens[connector - 1].lower);
    }
    // The realm's capitalised words (four at most) back to its connector.
    let mut k = i - 1;
    while k > 0 && i - k < 4 && capital(&tokens[k - 1]) && !breaks_after(&tokens[k - 1]) && !tokens[k].line_start {
        k -= 1;
    }
    k >= 2
        && lex.connectors.contains(&tokens[k - 1].lower.as_ref())
        && !is_coordinator(&tokens[k - 1].lower)
        && !breaks_after(&tokens[k - 1])
        && !breaks_after(&tokens[k - 2])
        && lex.is_title(&tokens[k - 2].lower)
}

/// English titles in the plural, written before names joined by "and".
const PLURAL_TITLES: &[&str] = &["justices", "sens", "reps", "senators", "presidents", "governors", "drs"];

/// Nouns of a government that news names by its leader ("the Government of ...", and in
/// English "the ... administration").
pub(super) const GOVERNMENT_HEADS: &[&str] = &[
    "government",
    "administration",
    "cabinet",
    "regime",
    "presidency",
    "regierung",
    "kabinett",
    "gouvernement",
    "régime",
    "gobierno",
    "administración",
    "régimen",
];

/// A preposition of place of the language ("in", "à", "в"), written before a name the text
/// places without one (a dateline's place).
fn place_cue(lex: &Lexicon) -> String {
    lex.locatives.first().copied().unwrap_or("in").to_owned()
}

/// The index of a lowercase ministry's or minister's noun (the lexicon's `portfolio_heads`)
/// that stands before the run at `i` with a connector and perhaps an article between them
/// ("ministère de l'Intérieur", "ministre de la Santé", "ministry of Health").
fn portfolio_head(tokens: &[Token<'_>], i: usize, lex: &Lexicon) -> Option<usize> {
    if lex.portfolio_heads.is_empty() {
        return None;
    }
    head_before(tokens, i, lex, |t| lex.portfolio_heads.contains(&t.lower.as_ref()))
}

/// The index of a lowercase word `is_head` accepts that stands before the run at `i` with a
/// connector and perhaps an article between them.
fn head_before(tokens: &[Token<'_>], i: usize, lex: &Lexicon, is_head: impl Fn(&Token<'_>) -> bool) -> Option<usize> {
    if tokens[i].line_start {
        return None;
    }
    // ("ministro dell'Economia", "ministre d'État": the connector is elided into the name's
    // word, and the head stands right before it.)
    if elision(tokens[i].raw).is_some_and(|e| e.starts_with(['d', 'D'])) {
        let head = i.checked_sub(1)?;
        let t = &tokens[head];
        return (!capital(t) && !breaks_after(t) && is_head(t)).then_some(head);
    }
    let mut k = i.checked_sub(1)?;
    if matches!(tokens[k].lower.as_ref(), "la" | "las" | "los" | "el" | "les" | "the") {
        if tokens[k].line_start || breaks_after(&tokens[k]) {
            return None;
        }
        k = k.checked_sub(1)?;
    }
    let connector = &tokens[k];
    if !lex.connectors.contains(&connector.lower.as_ref())
        || is_coordinator(&connector.lower)
        || connector.line_start
        || breaks_after(connector)
    {
        return None;
    }
    let head = k.checked_sub(1)?;
    let t = &tokens[head];
    (!capital(t) && !breaks_after(t) && is_head(t)).then_some(head)
}

/// English words after which a month's name is the month ("in June", "the June vote", "last
/// May"), not a given name.
const MONTH_BEFORE: &[&str] = &[
    "in",
    "on",
    "of",
    "by",
    "to",
    "for",
    "from",
    "since",
    "until",
    "till",
    "through",
    "during",
    "before",
    "after",
    "between",
    "around",
    "within",
    "throughout",
    "last",
    "next",
    "early",
    "late",
    "mid",
    "this",
    "that",
    "every",
    "each",
    "the",
    "a",
    "an",
];

/// Whether an English month's name that is also a given name opens a person's name here
/// ("Gov. Jan Brewer", "April Kell asked"): written without an abbreviation's dot, followed by
/// a name's word (not a number, another calendar word or a function word), and not after a
/// word that makes it a time ("in June Kellner", "the June Kell meeting", "last May Kell").
/// "May" opening a sentence stays the verb ("May God ...").
fn opens_a_name_as_given_name(tokens: &[Token<'_>], i: usize, sentence_start: bool, lex: &Lexicon) -> bool {
    let t = &tokens[i];
    if !lex.is_english()
        || t.raw.contains('.')
        || breaks_after(t)
        || !crate::lexicon::english::MONTHS.contains(&t.lower.as_ref())
        || !known::is_given_name_in(&t.lower, lex)
        || (sentence_start && t.lower == "may")
    {
        return false;
    }
    let next_is_name = tokens.get(i + 1).is_some_and(|n| {
        capital(n)
            && !n.line_start
            && !lex.is_calendar(&n.lower)
            && !lex.is_function_word(&n.lower)
            && !n.raw.starts_with(|c: char| c.is_ascii_digit())
    });
    let timed = !sentence_start && i > 0 && MONTH_BEFORE.contains(&tokens[i - 1].lower.as_ref());
    next_is_name && !timed
}

/// The elided article or preposition a token opens with ("l'" of "l'Intérieur", "dell'" of
/// "dell'Unione"), as written.
fn elision(raw: &str) -> Option<&str> {
    // (Most words hold no apostrophe: nothing to look for.)
    if !raw.contains(['\'', '\u{2019}']) {
        return None;
    }
    let raw = raw.trim_start_matches(|c: char| !c.is_alphanumeric());
    ELIDED.iter().find_map(|p| {
        let n = p.len();
        raw.get(..n)
            .filter(|head| *head == *p)
            .or_else(|| raw.strip_prefix(&p[..n - 1]).filter(|r| r.starts_with('\u{2019}')).map(|_| &raw[..n + 2]))
    })
}

/// French and Italian elided articles and prepositions before a name ("l'Élysée",
/// "d'Italia", "dell'Unione", "all'Onu", "nell'Ue"), capitalised too, with a straight
/// apostrophe (a typographic one is read as the same).
const ELIDED: &[&str] =
    &["l'", "d'", "L'", "D'", "dell'", "all'", "nell'", "sull'", "dall'", "Dell'", "All'", "Nell'", "Sull'", "Dall'"];

/// Whether a token is a US state as agencies abbreviate it ("N.Y.", "Tex.,").
fn is_state_abbreviation(raw: &str) -> bool {
    let raw = raw.trim_end_matches([',', ';', ':']);
    crate::lexicon::english::STATE_ABBREVIATIONS.contains(&raw.to_lowercase().as_str())
}

/// A count or a quantity as written ("3", "12.5", "1,200"), not a year's four digits.
fn is_count(raw: &str) -> bool {
    let digits = raw.bytes().filter(u8::is_ascii_digit).count();
    let year = raw.len() == 4 && digits == 4 && (raw.starts_with("19") || raw.starts_with("20"));
    digits > 0 && !year && raw.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
}

/// A clock time as written in news: "10:30", "9.45", "14:05," or the "a.m." / "pm" after one.
fn is_clock(raw: &str) -> bool {
    let raw = raw.trim_end_matches([',', ';', ':']);
    let lower = raw.to_ascii_lowercase();
    if matches!(lower.as_str(), "a.m." | "p.m." | "am" | "pm" | "a.m" | "p.m") {
        return true;
    }
    let raw = raw.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
    let Some((hours, minutes)) = raw.split_once([':', '.']) else { return false };
    (1..=2).contains(&hours.len())
        && minutes.len() == 2
        && hours.bytes().chain(minutes.bytes()).all(|b| b.is_ascii_digit())
        && hours.parse::<u8>().is_ok_and(|h| h < 24)
        && minutes.parse::<u8>().is_ok_and(|m| m < 60)
}

/// A state's postal code ("MD", "NJ;"), as written after a town and its comma.
fn is_postal_code(raw: &str) -> bool {
    crate::lexicon::english::POSTAL_CODES.contains(&raw.trim_end_matches([',', ';', ':', '.']))
}

/// A US party's adjective ("Democratic", "Republican"): before a title or an institution's
/// word it says whose the role is, and belongs to no name.
fn is_party_adjective(lower: &str) -> bool {
    matches!(lower, "democratic" | "republican")
}

/// Whether the run ending at `from[0]` is followed by a comma and a US state, written out or
/// abbreviated, that ends its clause ("Chappaqua, N.Y.", "Austin, Texas,").
fn names_a_state_after(from: &[Token<'_>]) -> bool {
    let abbreviated = from.first().is_some_and(|t| t.raw.ends_with(','))
        && from.get(1).is_some_and(|next| is_state_abbreviation(next.raw));
    abbreviated
        || named_after_comma(from, 2, |name| {
            crate::gazetteer::territory(name).is_none()
                && known::place(name).is_some_and(|p| p.is_region() && p.main.is_none())
        })
}

/// Whether the token that ends a name is followed by a comma and a country's name of one to
/// three words that ends the clause (", Tailândia.", ", Costa Rica,").
fn names_a_country_after(from: &[Token<'_>]) -> bool {
    named_after_comma(from, 3, |name| crate::gazetteer::territory(name).is_some())
}

/// Whether the token that ends a name is followed by a comma and a name of at most `most`
/// capitalised words, lowercase as `names` reads it, that a stop or a comma ends.
fn named_after_comma(from: &[Token<'_>], most: usize, names: impl Fn(&str) -> bool) -> bool {
    if !from.first().is_some_and(|t| t.raw.ends_with(',')) {
        return false;
    }
    let ends = |t: &Token<'_>| t.raw.ends_with([',', '.', ';', ':']);
    (1..=most).any(|n| {
        let Some(words) = from.get(1..=n) else { return false };
        words.iter().all(capital)
            && words[..n - 1].iter().all(|t| !breaks_after(t))
            && ends(&words[n - 1])
            && names(&words.iter().map(|t| t.lower.as_ref()).collect::<Vec<_>>().join(" "))
    })
}

/// The longest run of tokens from the start (two to seven) that names a well-known
/// organisation, not broken by punctuation inside.
fn known_phrase(tokens: &[Token<'_>]) -> Option<usize> {
    if !known::starts_organisation(&tokens.first()?.lower) {
        return None;
    }
    let most = tokens.len().min(7);
    (2..=most).rev().find(|&n| {
        let inner_break = tokens[..n - 1].iter().any(breaks_after) || tokens[1..n].iter().any(|t| t.line_start);
        !inner_break
            && known::organisation(&tokens[..n].iter().map(|t| t.word.as_ref()).collect::<Vec<_>>().join(" ")).is_some()
    })
}

/// The index of the lowercase noun after an institution's name that ends at `j`, with one
/// connector of the genitive between them ("Cour | des comptes", "Camera | dei deputati"; not
/// a purpose's "pour", "per", "para", which a verb may follow): a word of four
/// letters or more, no function word, calendar word or institution adjective, that nothing but
/// a stop, a comma, a lowercase word or the text's end follows (a capitalised word after it
/// may be the start of a longer name's next part).
fn lowercase_complement(tokens: &[Token<'_>], j: usize, lex: &Lexicon) -> Option<usize> {
    let connector = tokens.get(j + 1)?;
    let noun = tokens.get(j + 2)?;
    let plain = |t: &Token<'_>| !capital(t) && !t.line_start && t.lower.chars().all(char::is_alphabetic);
    let joins = plain(connector)
        && !breaks_after(&tokens[j])
        && !breaks_after(connector)
        && lex.connectors.contains(&connector.lower.as_ref())
        && GENITIVE_CONNECTORS.contains(&connector.lower.as_ref());
    let names_a_domain = plain(noun)
        && noun.lower.chars().count() >= 4
        && !lex.is_function_word(&noun.lower)
        && !lex.is_calendar(&noun.lower)
        && !is_institution_adjective(&noun.lower, lex);
    let ends = breaks_after(noun) || tokens.get(j + 3).is_none_or(|t| !capital(t) || t.line_start);
    (joins && names_a_domain && ends).then_some(j + 2)
}

/// Connectors of the genitive in the Romance languages, contracted with an article or not.
const GENITIVE_CONNECTORS: &[&str] =
    &["de", "des", "du", "di", "dei", "degli", "delle", "del", "della", "dello", "do", "da", "dos", "das"];

/// A lowercase word with an adjective's ending of the language ("constitutionnel", "nationale").
fn is_institution_adjective(lower: &str, lex: &Lexicon) -> bool {
    lower.chars().count() >= 5
        && lower.chars().all(char::is_alphabetic)
        && lex.institution_adjective_endings.iter().any(|e| lower.ends_with(e))
}

/// A country's name ("US", "France") and a known organisation's name right after it.
fn country_before_known(tokens: &[Token<'_>]) -> bool {
    let Some(t) = tokens.first() else { return false };
    // (The cheap tests first: this is asked of every capitalised word.)
    !breaks_after(t)
        && tokens
            .get(1)
            .is_some_and(|next| capital(next) && !next.line_start && known::starts_organisation(&next.lower))
        && names_a_country(&t.lower)
        && known_phrase(&tokens[1..]).is_some()
}

/// Whether a lowercase word is a country's name, or letters that stand for one ("u.s.").
fn names_a_country(lower: &str) -> bool {
    let country = |name: &str| crate::gazetteer::territory(name).is_some();
    country(lower) || known::place(lower).and_then(|p| p.main).is_some_and(|main| country(&main.to_lowercase()))
}

/// What surrounds a run.
#[derive(Debug, Clone, Default)]
struct Context {
    before: String,
    after: String,
    sentence_start: bool,
    /// A title stands before the run.
    titled: bool,
    /// What an apposition after the run says of it ("Codelco, the state miner,").
    follows: Follows,
    /// The apposition opens with an article or an owner ("the", "its", "the group's").
    follows_determined: bool,
    /// A US state follows the run after a comma.
    town: bool,
    /// The run is where someone works ("a partner at Kell Whitby", "co-founder of ...").
    employer: bool,
    /// A noun of a kind of place stood before the run (see [`Mention::called_place`]).
    called_place: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Follows {
    #[default]
    Nothing,
    Title,
    Organisation,
    /// A noun that names an organisation or a person's trade ("producer", "publisher"): the
    /// organisation's, unless the name reads as a person's ("Ana Brook, a film producer").
    Trade,
}

/// The English number words that the names' lexicon counts as function words
/// (`lexicon/names.rs`), which a name may open all the same ("Three Mile Island").
const NUMBER_WORDS: &[&str] = &["one", "two", "three"];

/// Conjunctions that open a clause after a comma, in the languages with appositions ("as",
/// "wie", "weil", "comme", "como", "come", "как").
const CLAUSE_CONJUNCTIONS: &[&str] = &[
    "as",
    "while",
    "because",
    "wie",
    "als",
    "dass",
    "weil",
    "wenn",
    "nachdem",
    "während",
    "comme",
    "como",
    "come",
    "как",
    "когда",
];

/// Nouns of [`Lexicon::org_appositions`] that are people's trades too.
pub(crate) const TRADES: &[&str] = &["producer", "developer", "publisher", "operator", "supplier"];

/// English nouns for a body, read in an apposition after a name only ("Kell Wire, a local
/// publication,"), not before one, where an owner's possessive often stands ("the
/// publication's Ana Brook"); like [`TRADES`], they make no organisation of a name that reads
/// as a person's ("Ana Brook, a member of the association's board").
const BODY_APPOSITIONS: &[&str] = &[
    "publication",
    "newsletter",
    "organization",
    "organisation",
    "coalition",
    "association",
    "consortium",
    "cooperative",
];

/// English prepositions that, right after the comma after a name, go on with the sentence
/// rather than say what the name is.
const APPOSITION_BREAKING_PREPOSITIONS: &[&str] = &[
    "from", "for", "to", "in", "at", "on", "by", "with", "into", "over", "after", "before", "during", "under",
    "through", "of", "against", "despite", "without",
];

/// The apposition after a run ending in a comma: a title ("Helen Dickinson, its chief
/// executive,") or a noun for an organisation ("Codelco, the state miner,").
fn apposition(from: &[Token<'_>], lex: &Lexicon) -> Follows {
    if !from.first().is_some_and(|t| t.raw.ends_with(',')) {
        return Follows::Nothing;
    }
    // "Kellcare, ending Governor ...": a clause goes on after the comma, no apposition.
    if from.get(1).is_some_and(|t| !capital(t) && (t.lower.ends_with("ing") || t.lower.ends_with("ed"))) {
        return Follows::Nothing;
    }
    // "Ana Brook, who ran the trading firm, ...": a relative clause says what the name did,
    // not what it is (teams and firms are "who" as often as people).
    // ("Kell Bible, which his wife held", "Kell Night, and her husband": nor a clause of
    // "which" or one that "and" joins.)
    // ("suspended a student, Ana Brook, from the team": nor the sentence going on after the
    // name set off by commas, with a preposition.)
    if lex.is_english()
        && from.get(1).is_some_and(|t| {
            matches!(t.lower.as_ref(), "who" | "whose" | "whom" | "which" | "and" | "or" | "but" | "where" | "when")
                || APPOSITION_BREAKING_PREPOSITIONS.contains(&t.lower.as_ref())
        })
    {
        return Follows::Nothing;
    }
    for (n, t) in from.iter().enumerate().skip(1).take(6) {
        // "Ana Brook, a déclaré que la banque ...": a verb of saying makes what follows a
        // clause, whose nouns say nothing of the name.
        if lex.is_reporting(&t.lower) {
            break;
        }
        // "... 600 Flüge, wie die Gewerkschaft Kellverd mitteilte": a conjunction opens a clause,
        // whose nouns say nothing of the name either.
        if CLAUSE_CONJUNCTIONS.contains(&t.lower.as_ref()) {
            break;
        }
        // "President Trump": a title before a name is that name's.
        if lex.is_title(&t.lower) && from.get(n + 1).is_some_and(|next| capital(next) && !breaks_after(t)) {
            break;
        }
        if lex.is_title(&t.lower) {
            // "at the Kell Rotunda, her spokesman said", "In the Assembly, one Liberal and all
            // Greens voted": the title opens a clause of its own, not an apposition.
            // ("Ana Brook, chairman and chief executive of ...": two titles of one person.)
            let second_title = from.iter().skip(n + 2).take(2).any(|w| lex.is_title(&w.lower));
            let clause = !t.raw.ends_with([',', '.', ';'])
                && from.get(n + 1).is_some_and(|next| {
                    lex.is_reporting(next.lower.as_ref())
                        || (is_coordinator(next.lower.as_ref()) && !second_title)
                        || matches!(next.lower.as_ref(), "as" | "than")
                });
            return if clause { Follows::Nothing } else { Follows::Title };
        }
        // "the group's policy director": an owner's noun, the title follows.
        let possessive = is_possessive(t.raw.trim_end_matches(['.', '\u{2026}']));
        // "a loyal harbour party supporter": a noun before another lowercase noun modifies it.
        let modifier = !t.raw.ends_with([',', '.', ';'])
            && from.get(n + 1).is_some_and(|next| {
                !capital(next)
                    && next.lower.chars().all(char::is_alphabetic)
                    && !lex.connectors.contains(&next.lower.as_ref())
                    && !matches!(
                        next.lower.as_ref(),
                        "that"
                            | "which"
                            | "who"
                            | "based"
                            | "founded"
                            | "owned"
                            | "with"
                            | "in"
                            | "at"
                            | "on"
                            | "from"
                            | "near"
                    )
            });
        let body = lex.is_english() && BODY_APPOSITIONS.contains(&t.lower.as_ref());
        if (lex.org_appositions.contains(&t.lower.as_ref()) || body) && !possessive && !modifier {
            // ("Ana Brook, her label and her fans": what is hers is not she.)
            let hers = lex.is_english() && matches!(from[1].lower.as_ref(), "her" | "his");
            return if hers {
                Follows::Nothing
            } else if TRADES.contains(&t.lower.as_ref()) || body {
                Follows::Trade
            } else {
                Follows::Organisation
            };
        }
        if t.raw.ends_with([',', '.', ';']) || capital(t) && !is_abbreviation(&t.word) {
            break;
        }
    }
    Follows::Nothing
}

/// The word after a name's last token, lowercase; none after a possessive ("Britain's
/// tabloids": what follows is what the name owns, not what it is or does). After an
/// auxiliary, the verb it goes with is part of it ("was elected", "has been sworn", "est
/// élu", "ha sido detenido"): what the name did or had done to it.
fn after_word(last: &Token<'_>, rest: &[Token<'_>], after_comma: bool) -> String {
    if is_possessive(last.raw) {
        return String::new();
    }
    // (Not after a title in quotation marks: "... showing "Kell Night" was arrested".)
    let joined = !last.raw.ends_with([',', ';', ':', '.', '"', '\u{201d}', '\u{bb}']);
    // A short aside in parentheses right after the name is read past: "Ana Brook (D-Kell)
    // said", "Ana Brook (pictured) died", "Ana Brook (photo) est élue". (Not a ticker or a
    // credit in capitals: "Kellmark (KLMK.O) said" says nothing of a person.)
    let rest = match rest.first() {
        Some(open) if joined && open.raw.starts_with('(') => {
            match rest.iter().take(4).position(|t| t.raw.ends_with(')')) {
                Some(close)
                    if rest.get(close + 1).is_some_and(|t| !t.line_start)
                        && rest[..=close].iter().any(|t| t.raw.chars().any(char::is_lowercase)) =>
                {
                    &rest[close + 1..]
                }
                _ => rest,
            }
        }
        _ => rest,
    };
    let Some(next) = rest.first() else { return String::new() };
    // After a comma, the next word is no verb of the name's (unless a comma opened the name
    // too, an apposition's: "one of the guests, Ana Brook, noted"): a verb of saying there
    // is inverted, its speaker after it ("une amende à Kellcorp, a indiqué Bruxelles", "...,
    // dijo Kellez", "..., sagte Kellner"). It is given behind its comma, which no word list
    // holds.
    if last.raw.ends_with(',') && !after_comma {
        return format!(", {}", next.lower);
    }
    let mut after = next.lower.to_string();
    if !joined {
        return after;
    }
    for (t, more) in rest.iter().zip(rest.iter().skip(1)).take(2) {
        if !AUXILIARIES.contains(&t.lower.as_ref()) || t.raw.ends_with([',', ';', ':', '.']) || more.line_start {
            break;
        }
        after.push(' ');
        after.push_str(&more.lower);
    }
    after
}

/// Whether a comma opens the name at `i`, right before it or before its article ("the
/// regional police, the Kell Guard, confirmed").
fn opened_by_comma(tokens: &[Token<'_>], i: usize) -> bool {
    let comma = |b: usize| tokens[b].raw.ends_with(',');
    let article = |b: usize| {
        let raw = tokens[b].raw;
        (1..=3).contains(&raw.chars().count()) && raw.chars().all(char::is_lowercase)
    };
    i.checked_sub(1).is_some_and(|b| comma(b) || (article(b) && b.checked_sub(1).is_some_and(comma)))
}

/// Auxiliaries whose verb [`after_word`] reads with them: English, German, French ("est";
/// not "a", which the French verbs of saying hold alone) and Spanish.
const AUXILIARIES: &[&str] =
    &["was", "is", "has", "had", "have", "been", "will", "ist", "wurde", "war", "est", "fue", "ha", "sido"];

fn is_apposition(lower: &str, nouns: &[&str]) -> bool {
    nouns.iter().any(|n| lower == *n || (n.len() >= 6 && lower.ends_with(n)))
}

/// A capitalised word that reads as no name's word where every noun is capitalised: no given
/// name, surname, abbreviation, title, organisation's or place's word, place or country.
fn is_common_noun(w: &Item, lex: &Lexicon) -> bool {
    !known::is_given_name_in(&w.lower, lex)
        && !known::is_surname(&w.lower)
        && !is_abbreviation(&w.word)
        && !lex.is_org_word(&w.lower)
        && !super::is_org_compound(&w.lower, lex)
        && !lex.is_title(&w.lower)
        && !lex.place_words.contains(&w.lower.as_ref())
        && known::place(&w.lower).is_none()
        && crate::gazetteer::territory(&w.lower).is_none()
}

/// A run's words as written, one space apart.
fn joined(items: &[Item]) -> String {
    items.iter().map(|w| w.word.as_str()).collect::<Vec<_>>().join(" ")
}

/// "the WHO", "l'UN": a known organisation's letters in capitals are its name, though they
/// spell a function word (a heading in capitals is still a shout, and so is such a word
/// opening a question: "WHO still writes letters?").
fn is_known_letters(word: &str) -> bool {
    is_abbreviation(word) && known::organisation(word).is_some()
}

/// Whether the sentence that `tokens` start ends in a question mark.
fn in_question(tokens: &[Token<'_>]) -> bool {
    tokens
        .iter()
        .find(|t| ends_sentence(t))
        .is_some_and(|t| t.raw.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')', '\u{bb}']).ends_with('?'))
}

/// Cuts one run into the names it holds and records each.
fn split_run(mut items: Vec<Item>, mut cx: Context, lex: &Lexicon, out: &mut Vec<Mention>) {
    // ("par Le Monde": a capitalised article inside a sentence is the name's.)
    // ("Le Havre", "La Paz": opening a sentence too, where the two words name a known place.)
    let name_article = |items: &[Item], cx: &Context| {
        let w = &items[0];
        !w.connector
            && lex.name_articles.contains(&w.lower.as_str())
            && w.word != w.lower
            && (!cx.sentence_start || items.len() == 2 && opens_a_place(&w.lower, &items[1].lower))
    };
    // ("at Three Mile Island": a number word written capitalised inside a sentence, see
    // `number_first` in `mentions`.)
    let number_first = |items: &[Item], cx: &Context| {
        let w = &items[0];
        lex.is_english()
            && !cx.sentence_start
            && NUMBER_WORDS.contains(&w.lower.as_str())
            && w.word != w.lower
            && items.get(1).is_some_and(|n| !n.connector)
    };
    let leading = |items: &[Item], cx: &Context| {
        items.first().is_some_and(|w| {
            (w.connector || (lex.is_function_word(&w.lower) && !is_known_letters(&w.word)))
                && !(items.len() > 1 && (name_article(items, cx) || number_first(items, cx)))
        })
    };
    while leading(&items, &cx) {
        cx.before = items.remove(0).lower;
        cx.sentence_start = false;
    }
    // "the Senate Democratic leader": a party's adjective ending a run is the noun's after it.
    while items.len() > 1 && items.last().is_some_and(|w| is_party_adjective(&w.lower)) {
        items.pop();
        cx.after.clear();
    }
    if items.is_empty() {
        return;
    }
    // "Valencia y Murcia", "Russian President Vladimir Putin and Chinese President Xi Jinping":
    // coordinated names are cut apart first, unless the whole is one name.
    if items.iter().any(|w| w.connector && COORDINATORS.contains(&w.lower.as_ref())) && !joins_one_name(&items, lex) {
        // "Justices Ana Brook and Kell Marsh", "Presidents Brook and Marsh": a title in the
        // plural is every name's it stands before.
        let plural_title = lex.is_english()
            && (PLURAL_TITLES.contains(&cx.before.as_str()) || PLURAL_TITLES.contains(&items[0].lower.as_str()));
        if plural_title && PLURAL_TITLES.contains(&items[0].lower.as_str()) {
            cx.before = items.remove(0).lower;
        }
        let segments: Vec<Vec<Item>> = items
            .split(|w| w.connector && COORDINATORS.contains(&w.lower.as_ref()))
            .filter(|p| !p.is_empty())
            .map(<[Item]>::to_vec)
            .collect();
        let count = segments.len();
        // "Newt Gingrich and Rick Santorum": a name of two or three plain words beside a
        // person's full name is a person's too.
        let full_person = |seg: &[Item]| {
            seg.len() >= 2 && !seg.iter().any(|w| w.connector) && known::is_given_name_in(&seg[0].lower, lex)
        };
        let plain_name = |seg: &[Item]| {
            (2..=3).contains(&seg.len())
                && seg.iter().all(|w| {
                    !w.connector
                        && !lex.is_org_word(&w.lower)
                        && !lex.place_words.contains(&w.lower.as_ref())
                        && !lex.demonyms.contains(&w.lower.as_ref())
                        && !lex.is_title(&w.lower)
                        && !is_abbreviation(&w.word)
                        && known::place(&w.lower).is_none()
                        && crate::gazetteer::territory(&w.lower).is_none()
                })
                && known::organisation(&joined(seg)).is_none()
        };
        // (Beside another: "Moon Kellwater and Brixwell" holds no person's name by its own
        // given name.)
        let persons: Vec<bool> = segments.iter().map(|s| full_person(s)).collect();
        for (n, segment) in segments.into_iter().enumerate() {
            let beside_person = persons.iter().enumerate().any(|(k, &p)| p && k != n);
            let part = Context {
                before: if n == 0 { cx.before.clone() } else { String::new() },
                after: if n + 1 == count { cx.after.clone() } else { String::new() },
                sentence_start: cx.sentence_start && n == 0,
                titled: (cx.titled && n == 0) || plural_title || (beside_person && plain_name(&segment)),
                follows: if n + 1 == count { cx.follows } else { Follows::Nothing },
                follows_determined: cx.follows_determined,
                town: cx.town && n + 1 == count,
                employer: cx.employer && n == 0,
                called_place: cx.called_place && n == 0,
            };
            split_run(segment, part, lex, out);
        }
        return;
    }
    // "Власти Германии", "Жители Казани": where names decline, a sentence opens with a
    // capitalised common noun that is no name, before a name that is known.
    // (Polish writes an institution's adjective first and capitalised, "Międzynarodowy
    // Trybunał Karny": its head noun is no name known apart.)
    if (lex.declines_names() || lex.declines_latin_names()) && cx.sentence_start && items.len() >= 2 {
        let known = |w: &Item| {
            known::is_given_name_in(&w.lower, lex)
                || is_abbreviation(&w.word)
                || (lex.is_org_word(&w.lower) && !lex.declines_latin_names())
                || super::declined::is_known_place_declined(&w.lower)
        };
        // (An institution's lowercase words after its capitalised adjective are its name's.)
        let capitalised = items[1].word.chars().next().is_some_and(char::is_uppercase);
        if !known(&items[0]) && known(&items[1]) && capitalised {
            cx.before = items.remove(0).lower;
            cx.sentence_start = false;
            // ("Президент России ...", "Prezydent Wietnamu ...": the word was a title.)
            cx.titled = cx.titled || lex.is_title(&cx.before);
        }
    }
    // "Courting Kell County voters", "Vaccinated Tessarians ...": an English sentence opening
    // with a verb's -ing or -ed form before a name; the verb is no part of it.
    if lex.is_english()
        && cx.sentence_start
        && items.len() >= 2
        && !items[1].connector
        && items[0].lower.chars().count() >= 6
        && (items[0].lower.ends_with("ing") || items[0].lower.ends_with("ed"))
        && !known::is_given_name_in(&items[0].lower, lex)
        && known::place(&items[0].lower).is_none()
        && known::organisation(&items[0].word).is_none()
        && !lex.is_org_word(&items[0].lower)
        && !lex.place_words.contains(&items[0].lower.as_ref())
    {
        cx.before = items.remove(0).lower;
        cx.sentence_start = false;
    }
    // "Embattled Ohio Gov. ...": a sentence's first word, capitalised for that alone, before
    // a state or a country that more words follow ("Real Madrid" alone stays a name).
    // So is "Praising Ana Brook ...": a word before a given name.
    if lex.is_english()
        && cx.sentence_start
        && items.len() >= 3
        && !items[1].connector
        && (crate::gazetteer::territory(&items[1].lower).is_some()
            || known::place(&items[1].lower).is_some_and(|p| p.population >= 1_000_000)
            || known::is_given_name_in(&items[1].lower, lex)
            || known::organisation(&joined(&items[1..])).is_some())
        && !lex.place_prefixes.contains(&items[0].lower.as_str())
        && items[0].word.trim_end_matches('.').chars().count() > 1
        && crate::gazetteer::territory(&format!("{} {}", items[0].lower, items[1].lower)).is_none()
        && known::place(&format!("{} {}", items[0].lower, items[1].lower)).is_none()
        && !known::is_given_name_in(&items[0].lower, lex)
        && !is_abbreviation(&items[0].word)
        && !lex.is_org_word(&items[0].lower)
        && !lex.is_title(&items[0].lower)
        && known::place(&items[0].lower).is_none()
        && crate::gazetteer::territory(&items[0].lower).is_none()
        && known::organisation(&items[0].word).is_none()
    {
        cx.before = items.remove(0).lower;
        cx.sentence_start = false;
    }
    // Where every noun is capitalised, a noun beside a place's name is no word of it: "die
    // Zukunft Polens" (a country's genitive after a noun), "in Leipzig Klage eingereicht" (a
    // known town's name before one).
    // (German's own list only: the shared list of other languages capitalises nouns too, for
    // safety, and names are written there as they are: "Vladimir Putin".)
    let german = lex.capitalises_nouns && !lex.is_other() && !items.iter().any(|w| w.connector);
    if german && items.len() == 2 {
        let genitive = crate::gazetteer::territory(&items[1].lower).is_none()
            && known::genitive_stem(&items[1].lower, lex)
                .is_some_and(|stem| crate::gazetteer::territory(stem).is_some());
        // (After a preposition of place only, and not a given name that is also a town's,
        // "Florence Pugh", nor an English word that is one, "Enterprise Content-Management".)
        let town = lex.locatives.contains(&cx.before.as_str())
            && (known::place(&items[0].lower).is_some_and(|p| p.population >= 100_000)
                || crate::gazetteer::territory(&items[0].lower).is_some())
            && !known::is_given_name_in(&items[0].lower, lex)
            && !known::is_given_name(&items[0].lower)
            && !known::is_common_english_word(&items[0].lower);
        if known::organisation(&joined(&items)).is_none() && known::place(&joined(&items).to_lowercase()).is_none() {
            if genitive && is_common_noun(&items[0], lex) {
                cx.before = items.remove(0).lower;
                cx.sentence_start = false;
            } else if town && is_common_noun(&items[1], lex) {
                cx.after = items.remove(1).lower;
            }
        }
    }
    // "Die Forscherin Anna Becker": where every noun is capitalised, a noun before a given name
    // and a surname says what the person is, as a title does ("Kanzler"), and is no word of
    // her name.
    if german
        && items.len() == 3
        && known::is_given_name_in(&items[1].lower, lex)
        && is_common_noun(&items[0], lex)
        && known::organisation(&items[0].word).is_none()
    {
        cx.before = items.remove(0).lower;
        cx.sentence_start = false;
    }
    // "the first Mexican American Supreme Court justice": peoples' adjectives before a known
    // organisation's name describe it ("American Red Cross", known whole, keeps its own).
    let peoples = items.iter().take_while(|w| !w.connector && lex.demonyms.contains(&w.lower.as_ref())).count();
    if peoples > 0
        && peoples + 1 < items.len()
        && known::organisation(&joined(&items[peoples..])).is_some()
        && known::organisation(&joined(&items)).is_none()
    {
        cx.before = items[peoples - 1].lower.clone();
        cx.sentence_start = false;
        items.drain(..peoples);
    }
    // "Mitarbeiter der Deutschen Bank", "Sprecher des Kellkonzerns": in German, whose nouns are
    // capitalised, a common noun before a genitive's article is no word of the name after it,
    // where that name is known or an organisation's by its head word, and the noun heads no
    // name itself (an organisation's, a place's word, a title; "Bank der Vereinigten ...").
    if lex.capitalises_nouns
        && items.len() >= 3
        && items[1].connector
        && matches!(items[1].lower.as_str(), "der" | "des")
        && !items[2..].iter().any(|w| w.connector)
        && known::organisation(&joined(&items)).is_none()
    {
        let rest = joined(&items[2..]);
        let rest_lower = rest.to_lowercase();
        let named = known::organisation(&rest).is_some()
            || crate::gazetteer::territory(&rest_lower).is_some()
            || known::place(&rest_lower).is_some()
            || items.last().is_some_and(|w| lex.is_org_word(&w.lower) || super::is_org_compound(&w.lower, lex));
        let head = &items[0];
        let common_noun = !lex.is_org_word(&head.lower)
            && !super::is_org_compound(&head.lower, lex)
            && !lex.is_title(&head.lower)
            && !lex.place_words.contains(&head.lower.as_ref())
            && known::organisation(&head.word).is_none()
            && known::place(&head.lower).is_none()
            && crate::gazetteer::territory(&head.lower).is_none()
            && !known::is_given_name_in(&head.lower, lex);
        if named && common_noun {
            cx.before = items[1].lower.clone();
            cx.sentence_start = false;
            items.drain(..2);
        }
    }
    // "Senior State Department officials": what is left is a known organisation's whole name.
    if items.len() >= 2
        && !items.iter().any(|w| w.connector && is_coordinator(&w.lower))
        && known::organisation(&joined(&items)).is_some()
    {
        out.push(Mention::plain(items.into_iter().map(|w| w.word).collect(), cx.before, cx.after, false));
        return;
    }
    // "le Suédois Lars Ekdahl", "der Schwede ...": a nationality written as a noun before a
    // name says it is a person's (English writes the adjective, as in "Swiss villa").
    // (Not the adjective of an organisation's name: "Deutscher Kellsport Bund".)
    if items.len() >= 2
        && !lex.is_english()
        && lex.demonyms.contains(&items[0].lower.as_ref())
        && !items.last().is_some_and(|w| lex.is_org_word(&w.lower) || super::is_org_compound(&w.lower, lex))
    {
        cx.before = items.remove(0).lower;
        cx.titled = true;
        cx.sentence_start = false;
    }
    // German appositions: "Die Gewerkschaft Verdi", "Der Schweizer Nahrungsmittelkonzern
    // Nestlé", "Am Flughafen Frankfurt": the noun says what the name after it is.
    let mut org_apposition = cx.employer;
    // Russian writes such nouns in lowercase, but capitalised at a sentence's start ("Компания
    // Газпром").
    // (Not a noun before a genitive's article: "Bank der Vereinigten Staaten" is one name.)
    if (lex.capitalises_nouns || lex.declines_names())
        && let Some(p) = items[..items.len() - 1].iter().rposition(|w| {
            is_apposition(&w.lower, lex.org_appositions) || is_apposition(&w.lower, lex.place_appositions)
        })
        && !items[p + 1].connector
    {
        org_apposition = is_apposition(&items[p].lower, lex.org_appositions);
        cx.before = if org_apposition { items[p].lower.clone() } else { place_cue(lex) };
        cx.called_place = !org_apposition && lex.capitalises_nouns;
        items.drain(..=p);
        cx.sentence_start = false;
    }
    // "European Central Bank President Christine Lagarde": the organisation, the title, the
    // person. A title word before an organisation's head noun is the organisation's word
    // ("Senate Republican Conference", "Republican State Committee"), not a title.
    let names_organisation =
        items.last().is_some_and(|w| lex.is_org_word(&w.lower)) && !items.iter().any(|w| w.connector);
    // "Republican Senate aides": a party's word before an institution's one word says who
    // holds it; the institution is the name. (Not before an organisation's head noun alone,
    // which names nothing by itself: "Premier League".)
    let rest_known = || known::organisation_in(&joined(&items[1..]), lex.is_english()).is_some();
    if names_organisation && lex.is_title(&items[0].lower) && rest_known() {
        cx.before = items.remove(0).lower;
        cx.sentence_start = false;
    }
    // "Martin Luther King Jr.", "Stephen King": a title's word after a given name, with nothing
    // but a suffix after it, is a surname.
    let title_at = (0..items.len()).rev().find(|&t| {
        let given = |k: usize| !items[k].connector && known::is_given_name_in(&items[k].lower, lex);
        let surname = TITLES_ALSO_SURNAMES.contains(&items[t].lower.as_str())
            && items[t + 1..].iter().all(|w| is_suffix(&w.lower))
            && ((t > 0 && given(t - 1)) || (t > 1 && given(t - 2) && !items[t - 1].connector));
        // ("Aurélien Le Maire", "Ana de la Reina": a title's word after a given name and an
        // article or particle of a surname is the surname's last word.)
        let particle =
            |w: &Item| lex.name_articles.contains(&w.lower.as_str()) || lex.name_particles.contains(&w.lower.as_str());
        let particles = items[..t].iter().rev().take_while(|w| particle(w)).count();
        let particle_surname = particles > 0
            && t > particles
            && given(t - particles - 1)
            && items[t + 1..].iter().all(|w| is_suffix(&w.lower));
        let surname = surname || particle_surname;
        // "International Court of Justice", "Office of the Inspector General": title words
        // after "of" or "of the" an organisation's head word are the organisation's ("a Cure for
        // Dr. Kell", "the Role of Commander-in-Chief" are a title's).
        let mut k = t;
        while k > 0
            && !items[k - 1].connector
            && (lex.is_title(&items[k - 1].lower) || lex.title_modifiers.contains(&items[k - 1].lower.as_ref()))
        {
            k -= 1;
        }
        let organisations = lex.is_english()
            && k > 0
            && items[k - 1].connector
            && matches!(items[k - 1].lower.as_str(), "of" | "the")
            && items[..k - 1].iter().any(|w| !w.connector && lex.is_org_word(&w.lower));
        !items[t].connector && lex.is_title(&items[t].lower) && !surname && !organisations
    });
    if !names_organisation && let Some(t) = title_at {
        let mut start = t;
        // ("Scotts Bluff County Sheriff": a place's word with a name before it is the place's.)
        // ("Port Authority of Kellton Harbour Inspector General": the title stays out of the
        // name that "of" governs.)
        while start > 0
            && !items[start - 1].connector
            && !(start > 1 && items[start - 2].connector)
            && (lex.is_title(&items[start - 1].lower) || lex.title_modifiers.contains(&items[start - 1].lower.as_ref()))
            // ("Deputy County Attorney": not where a title's word stands before the place's.)
            && !(start > 1
                && lex.place_words.contains(&items[start - 1].lower.as_ref())
                && !(lex.is_title(&items[start - 2].lower)
                    || lex.title_modifiers.contains(&items[start - 2].lower.as_ref())))
        {
            start -= 1;
        }
        let mut end = t;
        // ("Director of National Intelligence Ana Brook": an English adjective after "of" is
        // the title's only before a title word; "Secretary of State", "Chief of Staff" end in
        // a noun.)
        while end + 2 < items.len()
            && items[end + 1].connector
            && (lex.is_title(&items[end + 2].lower)
                || (lex.title_modifiers.contains(&items[end + 2].lower.as_ref())
                    && (!english_adjective_modifier(&items[end + 2].lower, lex)
                        || items.get(end + 3).is_some_and(|w| lex.is_title(&w.lower)))))
        {
            end += 2;
        }
        let title = items[end].lower.clone();
        // "EZB-Präsidentin": the organisation before the hyphen.
        // ("US-Präsident": a country's, which is a place.)
        if let Some((prefix, _)) = items[t].word.split_once('-')
            && is_abbreviation(prefix)
        {
            let country = known::place(&prefix.to_lowercase()).is_some();
            out.push(Mention {
                words: vec![prefix.to_owned()],
                before: if country { place_cue(lex) } else { String::new() },
                after: title.clone(),
                weak: false,
                titled: false,
                org_apposition: !country,
                called_place: false,
                town: false,
                list: 0,
            });
        }
        let mut name: Vec<Item> = items[end + 1..].to_vec();
        let mut left: Vec<Item> = items[..start].to_vec();
        // "House Democratic Leader": a party's adjective before the title is the role's.
        while left.len() > 1 && left.last().is_some_and(|w| is_party_adjective(&w.lower)) {
            left.pop();
        }
        // ("the ruling Party of Kellen and President ...": the connector that joined the two
        // names is neither's.)
        while left.last().is_some_and(|w| w.connector) {
            left.pop();
        }
        if !left.is_empty() {
            let left_cx = Context { after: title.clone(), follows: Follows::Nothing, titled: false, ..cx.clone() };
            push_parts(left, &left_cx, org_apposition, lex, out);
        }
        // "Queen of Mischief", "Mayor of Port Alder Ana Lima": what follows "of" is the title's
        // realm, not its holder; a holder named after it is found as after an owner.
        let mut realm = None;
        while name.first().is_some_and(|w| w.connector) {
            realm = Some(name.remove(0).lower);
        }
        if let Some(connector) = realm {
            let realm_cx = Context { before: connector, sentence_start: false, titled: false, ..cx };
            // "Secretary for Port Security Ana Brook": the realm, then its holder, from
            // the first given name on.
            let holder = (1..name.len()).find(|&k| {
                k + 1 < name.len()
                    && !name[k - 1].connector
                    && !name[k].connector
                    && known::is_given_name_in(&name[k].lower, lex)
            });
            if let Some(k) = holder {
                push_owner_then_person(name, k, realm_cx, false, lex, out);
            } else if !name.is_empty() {
                push_owner_and_person(name, realm_cx, false, lex, out);
            }
            return;
        }
        if !name.is_empty() {
            let name_cx = Context { before: title, sentence_start: false, titled: true, employer: false, ..cx };
            push_owner_and_person(name, name_cx, false, lex, out);
        }
        return;
    }
    push_owner_and_person(items, cx, org_apposition, lex, out);
}

/// Records a run, cut where an organisation's or a country's name is followed by a person's
/// ("Joint Chiefs of Staff Mark Milley", "du Portugal Ana Ribeiro", "МИД России Сергей
/// Лавров" after its title).
fn push_owner_and_person(items: Vec<Item>, cx: Context, org_apposition: bool, lex: &Lexicon, out: &mut Vec<Mention>) {
    // Where names decline, a person's name never follows another capitalised word within
    // one name: the word before a given name is an owner's, in the genitive ("Белоруссии
    // Александр Лукашенко").
    let owner = |w: &Item| lex.declines_names() || lex.org_words.contains(&w.lower.as_ref());
    // "State Auditor Ana Morales", "Public Ombudsman Ana Morales": in English, common words
    // before a given name and a surname many people bear describe the person.
    let common = |w: &Item| w.lower.chars().count() >= 3 && known::is_common_english_word(&w.lower);
    let described = |k: usize| {
        lex.is_english()
            && items[..k].iter().all(common)
            && items[k + 1..].iter().all(|w| !common(w) && !lex.is_title(&w.lower))
            && items.last().is_some_and(|w| known::is_surname(&w.lower))
    };
    // "Kell Christian Alliance": a run that ends in an organisation's word names no person.
    let names_organisation = items.last().is_some_and(|w| lex.is_org_word(&w.lower));
    let starts_person = |k: usize| {
        k + 1 < items.len()
            && !items[k - 1].connector
            && !items[k].connector
            && known::is_given_name_in(&items[k].lower, lex)
            && !(lex.declines_names() && lex.is_given_name(&items[k - 1].lower))
            && (items[..k].iter().any(owner) || described(k) || {
                let before = items[..k].iter().map(|w| w.lower.as_ref()).collect::<Vec<_>>().join(" ");
                // ("San Diego": a place's first word and a given name are one name.)
                // ("il sindaco di Firenze Sara Funaro": a city of 100,000 before a given name and
                // one more word; not a given name itself, as "Nancy" and "Mary" of "Mary Jo Foley"
                // are, nor before a common word: "Aberdeen Royal Infirmary".)
                let shorter = items.len() - k == 2
                    && !known::is_given_name_in(&items[0].lower, lex)
                    && !known::is_common_english_word(&items[k + 1].lower);
                let least = if shorter { 100_000 } else { 500_000 };
                crate::gazetteer::territory(&before).is_some()
                    || (known::place(&before).is_some_and(|p| p.population >= least)
                        && !items[..k].iter().any(|w| lex.place_prefixes.contains(&w.lower.as_ref())))
            })
    };
    // The first given name, or where names decline the last, unless the run opens with a
    // given name: "МИД России Мария Захарова" is two names, "Луис Инасиу Лула да Силва" one.
    let k = if names_organisation {
        None
    } else if !lex.declines_names() {
        (1..items.len()).find(|&k| starts_person(k))
    } else if known::is_given_name_in(&items[0].lower, lex) {
        None
    } else {
        (1..items.len()).rev().find(|&k| starts_person(k))
    };
    if let Some(k) = k {
        return push_owner_then_person(items, k, cx, org_apposition, lex, out);
    }
    // "тренер Спартака Деян Станкович": after a title, where names decline, a person's name is
    // its last two words (three with a patronymic); what stands before is its owner's.
    let patronymic = |w: &Item| ["вич", "вна", "чна"].iter().any(|e| w.lower.ends_with(e));
    // (Not a run that ends in an organisation's word: "лидер Келлской либеральной партии".)
    if (lex.declines_names() || lex.declines_latin_names())
        && cx.titled
        && items.len() >= 3
        && !items.iter().any(|w| w.connector)
        && !names_organisation
    {
        let names_an_owner = |w: &Item| {
            is_abbreviation(&w.word) || lex.is_org_word(&w.lower) || crate::gazetteer::territory(&w.lower).is_some()
        };
        let k = if names_an_owner(&items[0]) {
            1
        } else if patronymic(&items[items.len() - 2]) {
            items.len() - 3
        } else {
            items.len() - 2
        };
        if k >= 1 {
            return push_owner_then_person(items, k, cx, org_apposition, lex, out);
        }
    }
    push_parts(items, &cx, org_apposition, lex, out);
}

/// Records `items[..k]` as an owner's name and `items[k..]` as a titled person's.
fn push_owner_then_person(
    items: Vec<Item>,
    k: usize,
    cx: Context,
    org_apposition: bool,
    lex: &Lexicon,
    out: &mut Vec<Mention>,
) {
    let left_cx = Context { after: String::new(), follows: Follows::Nothing, titled: false, ..cx.clone() };
    // "News of General Ana Brook", "Bank of Kellmark Governor Ana Brook": a title right before
    // the person is hers, and a connector left at the end joins nothing.
    let mut left = items[..k].to_vec();
    while left.last().is_some_and(|w| w.connector || lex.is_title(&w.lower)) {
        left.pop();
    }
    push_parts(left, &left_cx, org_apposition, lex, out);
    let name_cx = Context { before: String::new(), sentence_start: false, titled: true, employer: false, ..cx };
    push_parts(items[k..].to_vec(), &name_cx, false, lex, out);
}

/// Records a run after cutting it where its connectors join two names rather than one.
fn push_parts(items: Vec<Item>, cx: &Context, org_apposition: bool, lex: &Lexicon, out: &mut Vec<Mention>) {
    let parts_connectors: Vec<String> = items.iter().filter(|w| w.connector).map(|w| w.lower.clone()).collect();
    let parts = if joins_one_name(&items, lex) {
        vec![items]
    } else {
        items.split(|w| w.connector).filter(|p| !p.is_empty()).map(<[Item]>::to_vec).collect()
    };
    let count = parts.len();
    // "Ana Brook of the Kell County Police said": the verb after the run is its first name's.
    let attached = count > 1 && items_connector_attaches(&parts_connectors);
    for (n, mut part) in parts.into_iter().enumerate() {
        let first = n == 0;
        let last = n + 1 == count;
        // "Kevin Mill and Australian Tom Weeks": a people's adjective before a given name and
        // a surname describes the person.
        if part.len() >= 3
            && known::is_given_name_in(&part[1].lower, lex)
            && lex.demonyms.contains(&part[0].lower.as_str())
            && !part.iter().any(|w| lex.is_org_word(&w.lower) || lex.place_words.contains(&w.lower.as_str()))
            && known::organisation(&joined(&part)).is_none()
        {
            part.remove(0);
        }
        // A common noun's letters cut from a run ("512 MB of RAM") name nothing either.
        if part.len() == 1 && is_common_abbreviation(&part[0]) {
            continue;
        }
        let words: Vec<String> = part.iter().map(|w| w.word.clone()).collect();
        let speaks = if attached { first } else { last };
        let after = if speaks { cx.after.clone() } else { String::new() };
        let lower = part[0].lower.as_ref();
        let big_place = crate::gazetteer::territory(lower).is_some()
            || known::place_in(lower, lex).is_some_and(|(p, _)| p.population >= 1_000_000);
        let weak = first
            && cx.sentence_start
            && words.len() == 1
            && !big_place
            && !is_abbreviation(&words[0])
            && known::organisation(&words[0]).is_none()
            && !(lex.declines_names() && super::is_org_compound(&part[0].lower, lex))
            && !lex.is_reporting(after.as_str())
            // ("Kellton beat Brixham": nor a side that beats another, see `MATCH_VERBS`.)
            && !(lex.is_english() && super::MATCH_VERBS.contains(&after.as_str()))
            // "Wendelborg, the harbour's spokesman, said": a lone word opening a sentence is a
            // name when an apposition tells what it is ("Still, many call the mayor ...", "Hi,
            // Senator." are not).
            && !(last && cx.follows != Follows::Nothing && cx.follows_determined)
            // ("Yuma, Ariz., set a record": nor a known town when its state follows.)
            && !(last && cx.town && known::place(lower).is_some());
        out.push(Mention {
            words,
            before: if first { cx.before.clone() } else { String::new() },
            after,
            weak,
            titled: (cx.titled && first) || (last && cx.follows == Follows::Title),
            org_apposition: (org_apposition && first)
                || (last
                    && (cx.follows == Follows::Organisation
                        || (cx.follows == Follows::Trade
                            && !((2..=3).contains(&part.len()) && known::is_given_name_in(&part[0].lower, lex))))),
            called_place: cx.called_place && first,
            town: cx.town && last && !cx.titled,
            list: 0,
        });
    }
}

/// Whether the first connector of a run attaches ("of", "for") rather than coordinates.
fn items_connector_attaches(connectors: &[String]) -> bool {
    connectors.first().is_some_and(|c| !is_coordinator(c))
}

/// Whether the connectors of a run join one name ("Bank of Port Alder", "Tides and Harbours
/// Commission", "Anna von der Brugge") rather than two ("Mara Quill of Kestrel Bay").
fn joins_one_name(items: &[Item], lex: &Lexicon) -> bool {
    if !items.iter().any(|w| w.connector) {
        return true;
    }
    let whole: Vec<&str> = items.iter().map(|w| w.word.as_str()).collect();
    let whole = whole.join(" ");
    if known::organisation(&whole).is_some() || known::place(&whole.to_lowercase()).is_some() {
        return true;
    }
    let head = |w: &Item| {
        lex.org_words.contains(&w.lower.as_ref())
            || lex.place_words.contains(&w.lower.as_ref())
            || lex.place_prefixes.contains(&w.lower.as_ref())
            || lex.org_endings.iter().any(|e| w.lower.ends_with(e) && w.lower.len() > e.len() + 2)
    };
    let connectors: Vec<&Item> = items.iter().filter(|w| w.connector).collect();
    // "Ana Brook of Kell County": a person's name, then where the person is from.
    // ("Nevada Department of Wildlife": not when an institution's head noun stands before.)
    let first_connector = items.iter().position(|w| w.connector).unwrap_or(0);
    let attaching = &items[first_connector].lower;
    if known::is_given_name_in(&items[0].lower, lex)
        && !is_coordinator(attaching)
        && !lex.name_particles.contains(&attaching.as_str())
        && !items.iter().take(first_connector).skip(1).any(|w| lex.org_words.contains(&w.lower.as_ref()))
    {
        return false;
    }
    // A person's name with particles: "Luca de Meo", "Ursula von der Leyen", "Marcelo Rebelo
    // de Sousa" (after a given name, a surname that is also a small town's name; a city of a
    // million is where the person is from).
    if connectors.iter().all(|w| lex.name_particles.contains(&w.lower.as_ref()))
        && items.last().is_some_and(|w| {
            known::place(&w.lower)
                .is_none_or(|p| p.population < 1_000_000 && known::is_given_name_in(&items[0].lower, lex))
                && !head(w)
        })
        && !items.iter().any(|w| !w.connector && head(w))
    {
        return true;
    }
    // Head-first, where Polish writes an institution's name: "Urząd Ochrony Kellandii i
    // Kellonii", a head noun first and one or two words after "i" that are no head and no
    // given name.
    if lex.declines_latin_names() && head(&items[0]) && connectors.len() == 1 && is_coordinator(&connectors[0].lower) {
        let after = &items[first_connector + 1..];
        if (1..=2).contains(&after.len())
            && !after.iter().any(|w| head(w) || known::is_given_name_in(&w.lower, lex))
            && crate::gazetteer::territory(&after[0].lower).is_none()
        {
            return true;
        }
    }
    // Head-final: "Tides and Harbours Commission"; but not two names that are each whole: a
    // known organisation or place before "and" ("Apple and American Airlines"), or an
    // institution's one word after it ("House and Senate").
    if items.last().is_some_and(head) {
        let split = items.iter().position(|w| w.connector && is_coordinator(&w.lower));
        let whole_parts = split.is_some_and(|c| {
            let left: Vec<&str> = items[..c].iter().map(|w| w.word.as_str()).collect();
            let left = left.join(" ");
            known::organisation(&left).is_some()
                || known::place(&left.to_lowercase()).is_some()
                // "Kell Group LLC and Kell Group Inc": each part ends in its own head.
                || (c > 0 && head(&items[c - 1]) && lex.org_words.contains(&items[c - 1].lower.as_ref()))
                // "Kell Bay Area and Brix County", "Kell Street and Brook Avenue": two places,
                // each with its own head; "FA and Kellton City": letters before "and" are a
                // name of their own.
                || (c > 0 && (lex.place_words.contains(&items[c - 1].lower.as_ref()) || items[c - 1].lower == "area"))
                || (c == 1 && is_abbreviation(&items[0].word))
                // "... and ABC News": a well-known organisation after "and" is a name of its own,
                // and so is a name that opens with a capitalised "The" ("... and The Kell Post").
                || known::organisation(&joined(&items[c + 1..])).is_some()
                || items.get(c + 1).is_some_and(|w| w.word == "The")
                || (items.len() - c == 2 && lex.org_words.contains(&items[c + 1].lower.as_ref()))
        });
        if !whole_parts {
            return true;
        }
    }
    // "the Government of Ana Brook", "die Regierung von Olaf Kellner": a person's name after a
    // government's noun is its leader's, a name of its own.
    let after_first = &items[first_connector + 1..];
    if first_connector == 1
        && GOVERNMENT_HEADS.contains(&items[0].lower.as_str())
        && (2..=3).contains(&after_first.len())
        && known::is_given_name_in(&after_first[0].lower, lex)
        && after_first.iter().all(|w| !w.connector && !head(w))
        && known::place(&joined(after_first).to_lowercase()).is_none()
    {
        return false;
    }
    // "News of General Morales's visit", "the return of President Kellner": a title and a
    // person's name after the connector are a name of their own ("Department of General
    // Services" stays one).
    if after_first.len() >= 2
        && lex.is_title(&after_first[0].lower)
        && (known::is_given_name_in(&after_first[1].lower, lex) || known::is_surname(&after_first[1].lower))
        && !after_first.iter().any(|w| w.connector || head(w))
    {
        return false;
    }
    // Head-initial, attached by "of" rather than coordinated: "Savings Bank of Port Alder",
    // "Centre for Tide Studies and Forecasting"; but "running for Senate for Kestrel Bay"
    // names a seat and a place.
    let rest: Vec<&str> = items[first_connector + 1..].iter().map(|w| w.lower.as_ref()).collect();
    let for_a_place = items[first_connector].lower == "for" && known::place(&rest.join(" ")).is_some();
    !COORDINATORS.contains(&items[first_connector].lower.as_ref())
        && !for_a_place
        && items[..first_connector].iter().any(head)
}
