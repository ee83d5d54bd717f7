//! Writing systems: which characters are written without spaces between words, digits of
//! every script as ASCII digits, and names folded to plain Latin letters so that one name
//! written in Latin (with or without diacritics), Cyrillic or Greek letters gives one key.
//!
//! The transliteration tables are the letter correspondences of the common romanizations
//! (ISO 9 / BGN-PCGN for Cyrillic, ELOT 743 for Greek), reduced to plain ASCII; they are
//! facts of the alphabets, written out here.

/// True for characters of scripts written without spaces between words (the model's, which
/// the search index reads them by too).
pub use newsdesk_model::is_unspaced;

/// True for Han ideographs and Japanese kana (the scripts whose text is best cut into
/// character pairs).
#[must_use]
pub fn is_cjk(c: char) -> bool {
    is_unspaced(c) && !matches!(c as u32, 0x0E00..=0x0EFF | 0x1780..=0x17FF | 0x1000..=0x109F)
}

/// The value of a decimal digit of any common script (ASCII, Arabic-Indic, Persian,
/// Devanagari, Bengali, Tamil, Thai, full-width, ...).
#[must_use]
pub fn digit_value(c: char) -> Option<u32> {
    const ZEROS: &[u32] = &[
        0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6, 0xE50, 0xED0,
        0xF20, 0x1040, 0x17E0, 0x1810, 0xFF10,
    ];
    if c.is_ascii() {
        return c.to_digit(10);
    }
    let code = c as u32;
    if code < ZEROS[1] {
        return None;
    }
    ZEROS.iter().find(|&&zero| (zero..zero + 10).contains(&code)).map(|zero| code - zero)
}

/// True for the marks written inside a word: combining marks of every script (accents, Indic
/// vowel signs and viramas, Thai tone marks, Arabic and Hebrew points) and the zero-width
/// joiners. `char::is_alphanumeric` leaves many of them out (the Tamil virama, Thai's tone
/// marks), which would cut such words apart.
#[must_use]
pub fn is_word_mark(c: char) -> bool {
    !c.is_ascii() && (unicode_normalization::char::is_combining_mark(c) || matches!(c, '\u{200C}' | '\u{200D}'))
}

/// True for letters of a script with capital letters (Latin, Greek, Cyrillic, Armenian).
#[must_use]
pub fn is_cased_letter(c: char) -> bool {
    c.is_alphabetic() && (c.is_uppercase() || c.is_lowercase())
}

/// A word folded to lowercase ASCII letters: diacritics dropped, Cyrillic and Greek
/// transliterated, and letters that spell one sound in different languages made one, so that
/// spellings of one name across languages meet ("Sääland" and "Сааланд", "Vestersson" and
/// "Вестерссон", "Wenedict" and "Venedykt").
/// Characters with no Latin reading (Arabic, Han, ...) make the fold empty.
#[must_use]
pub fn fold_to_latin(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    // Greek writes the sound "u" with two letters.
    let mut lower = word.to_lowercase();
    if lower.contains('ο') {
        lower = lower.replace("ου", "u").replace("ού", "u");
    }
    for c in lower.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if let Some(s) = fold_char(c) {
            out.push_str(s);
        } else if c.is_alphabetic() {
            return String::new();
        }
    }
    // Spellings of one sound meet: "ou" is "u", "c" before anything but "h" is "k", "ph" is "f", "w" is
    // "v", "x" is "ks", "y" and "j" are "i"; doubled letters are one. Transliterations of a
    // foreign name meet its own spelling: "dzh" (Russian "дж") is "j" ("Джелмар", "Jelmar"),
    // "ts" and "tz" (Russian "ц", German "z", Italian "zz") are "z" ("Карвецци", "Carvezzi"),
    // "th" is "t" ("Тормид", "Thormid").
    let out = respell(&out);
    let bytes = out.as_bytes();
    let mut spelled = String::with_capacity(out.len());
    for (i, &b) in bytes.iter().enumerate() {
        let next = bytes.get(i + 1).copied();
        match b {
            b'c' if next != Some(b'h') => spelled.push('k'),
            b'p' if next == Some(b'h') => spelled.push('f'),
            b'h' if i > 0 && bytes[i - 1] == b'p' => {}
            b'w' => spelled.push('v'),
            b'x' => spelled.push_str("ks"),
            b'y' | b'j' => spelled.push('i'),
            _ => spelled.push(char::from(b)),
        }
    }
    let mut folded = String::with_capacity(spelled.len());
    let mut last = '\0';
    for c in spelled.chars() {
        if c != last {
            folded.push(c);
        }
        last = c;
    }
    folded
}

/// One pass over the folded ASCII letters: "ou" is "u", "dzh" is "j", "tz" and "ts" are "z",
/// "th" is "t".
fn respell(ascii: &str) -> String {
    debug_assert!(ascii.is_ascii());
    let b = ascii.as_bytes();
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let rest = &b[i..];
        let (sound, len) = if rest.starts_with(b"dzh") {
            ('j', 3)
        } else if rest.starts_with(b"ou") {
            ('u', 2)
        } else if rest.starts_with(b"tz") || rest.starts_with(b"ts") {
            ('z', 2)
        } else if rest.starts_with(b"th") {
            ('t', 2)
        } else {
            (char::from(b[i]), 1)
        };
        out.push(sound);
        i += len;
    }
    out
}

/// The Latin reading of one lowercase letter outside ASCII.
fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' | 'ạ' | 'ả' | 'ấ' | 'ầ' | 'ẩ' | 'ẫ' | 'ậ' | 'ắ'
        | 'ằ' | 'ẳ' | 'ẵ' | 'ặ' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'ẹ' | 'ẻ' | 'ẽ' | 'ế' | 'ề' | 'ể' | 'ễ' | 'ệ' | 'ə' => {
            "e"
        }
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' | 'ỉ' | 'ị' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ơ' | 'ǒ' | 'ọ' | 'ỏ' | 'ố' | 'ồ' | 'ổ' | 'ỗ' | 'ộ'
        | 'ớ' | 'ờ' | 'ở' | 'ỡ' | 'ợ' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ư' | 'ǔ' | 'ụ' | 'ủ' | 'ứ' | 'ừ' | 'ử' | 'ữ'
        | 'ự' => "u",
        'ý' | 'ÿ' | 'ŷ' | 'ỳ' | 'ỹ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'ʻ' | 'ʼ' | '’' | '\'' => "",
        // Cyrillic (Russian, Ukrainian, Belarusian, Bulgarian, Serbian, Macedonian, Kazakh).
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' | 'ґ' | 'ѓ' | 'ғ' => "g",
        'д' => "d",
        'ђ' => "dj",
        'е' | 'ё' | 'э' | 'є' => "e",
        'ж' => "zh",
        'з' | 'ѕ' => "z",
        'и' | 'і' | 'ї' => "i",
        'й' | 'ј' => "i",
        'к' | 'ќ' | 'қ' => "k",
        'л' | 'љ' => "l",
        'м' => "m",
        'н' | 'њ' | 'ң' => "n",
        'о' | 'ө' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ў' | 'ү' | 'ұ' => "u",
        'ф' => "f",
        'х' | 'һ' => "h",
        'ц' => "ts",
        'ч' | 'ћ' => "ch",
        'џ' => "dzh",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'ю' => "iu",
        'я' => "ia",
        // Greek.
        'α' | 'ά' => "a",
        'β' => "v",
        'γ' => "g",
        'δ' => "d",
        'ε' | 'έ' => "e",
        'ζ' => "z",
        'η' | 'ή' => "i",
        'θ' => "th",
        'ι' | 'ί' | 'ϊ' | 'ΐ' => "i",
        'κ' => "k",
        'λ' => "l",
        'μ' => "m",
        'ν' => "n",
        'ξ' => "x",
        'ο' | 'ό' => "o",
        'π' => "p",
        'ρ' => "r",
        'σ' | 'ς' => "s",
        'τ' => "t",
        'υ' | 'ύ' | 'ϋ' | 'ΰ' => "y",
        'φ' => "f",
        'χ' => "ch",
        'ψ' => "ps",
        'ω' | 'ώ' => "o",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_name_in_three_alphabets_folds_to_one_key() {
        assert_eq!(fold_to_latin("Sääland"), fold_to_latin("Сааланд"));
        assert_eq!(fold_to_latin("Vestersson"), fold_to_latin("Вестерссон"));
        assert_eq!(fold_to_latin("Dunak"), fold_to_latin("Дунак"));
        assert_eq!(fold_to_latin("Mishi"), fold_to_latin("Міші"));
        assert_eq!(fold_to_latin("Karamanlopoulos"), fold_to_latin("Καραμανλόπουλος"));
        assert_eq!(fold_to_latin("Wenedict"), fold_to_latin("Venedykt"));
        assert_eq!(fold_to_latin("Mastillo"), fold_to_latin("Мастильо"));
        // Transliterations of a foreign name meet its own spelling.
        assert_eq!(fold_to_latin("Jelmar"), fold_to_latin("Джелмар"));
        assert_eq!(fold_to_latin("Carvezzi"), fold_to_latin("Карвецци"));
        assert_eq!(fold_to_latin("Vantz"), fold_to_latin("Ванц"));
        assert_eq!(fold_to_latin("Thormid"), fold_to_latin("Тормид"));
        assert_eq!(fold_to_latin("São"), "sao");
        assert_eq!(fold_to_latin("ساندفيلدر"), "", "no Latin reading");
    }

    #[test]
    fn digits_of_every_script_read_as_numbers() {
        let read = |s: &str| s.chars().filter_map(digit_value).fold(0, |n, d| n * 10 + d);
        assert_eq!(read("82"), 82);
        assert_eq!(read("٨٢"), 82);
        assert_eq!(read("۹۵"), 95);
        assert_eq!(read("७२"), 72);
        assert_eq!(read("๑๘๒"), 182);
        assert_eq!(read("２０２３"), 2023);
        assert_eq!(digit_value('x'), None);
    }

    #[test]
    fn scripts_without_spaces() {
        assert!("北京市".chars().all(is_unspaced) && "北京市".chars().all(is_cjk));
        assert!("カタカナ".chars().all(is_cjk));
        assert!("ภาษาไทย".chars().all(is_unspaced) && !"ภาษาไทย".chars().any(is_cjk));
        assert!(!"한국어".chars().any(is_unspaced), "Korean puts spaces between words");
        assert!(!"Москва".chars().any(is_unspaced));
    }
}
