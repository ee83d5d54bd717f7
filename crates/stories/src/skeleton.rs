//! Names across scripts as consonant skeletons.
//!
//! A foreign name written in Korean, Thai, Arabic, Persian, Hebrew, Georgian or an Indic
//! script keeps the consonants of its source and changes the rest: vowels are added or
//! dropped ("Sandvelder" is 산드벨데르, "sandeubelldereu"), "r" and "l" are one letter or
//! silent, voiced and voiceless consonants merge. What survives is the order of the
//! consonant classes, with the liquids left out: "Sandvelder", "Сандвельдер", 산드벨데르,
//! სანდველდერი and ساندفيلدر are all `SNTPT`. Short skeletons say little (many names of two
//! syllables have the same three classes), so the caller uses only long ones.
//!
//! The tables are the consonant values of each alphabet, written out here: facts of the
//! scripts, grouped into six classes (P labials, T dentals, K velars, S sibilants and
//! affricates, M, N), one letter a character, `_` where vowels, glides, "h", "r" and "l" are
//! left out.

use crate::script::fold_to_latin;

/// The consonant skeleton of one word of any script listed above, or of a Latin, Cyrillic or
/// Greek word (after [`fold_to_latin`]). Empty when the word has letters of another script.
#[must_use]
pub(crate) fn skeleton(word: &str) -> String {
    let mut classes: Vec<u8> = Vec::with_capacity(word.len());
    // Latin, Greek and Cyrillic letters (Georgian has capitals too, but a table of its own).
    if word.chars().next().is_some_and(|c| (c as u32) < 0x0530 || (0x1E00..=0x1FFF).contains(&(c as u32))) {
        let folded = fold_to_latin(word);
        let bytes = folded.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            let before = i.checked_sub(1).map(|j| bytes[j]);
            if let Some(class) = latin(b, before) {
                classes.push(class);
            }
        }
        return collapse(&classes);
    }
    // Korean particles after a name ("산페트코가") add a consonant: cut them.
    let word_end = without_korean_particle(word).chars().count();
    let mut chars = word.chars().peekable();
    let mut taken = 0;
    while let Some(c) = chars.next() {
        if taken == word_end {
            break;
        }
        taken += 1;
        let code = c as u32;
        match code {
            0xAC00..=0xD7A3 => {
                let index = code - 0xAC00;
                classes.extend(class(HANGUL_INITIAL[(index / 588) as usize]));
                classes.extend(HANGUL_FINAL[(index % 28) as usize].bytes());
            }
            // Thai: a consonant under the silencing mark is not read.
            0x0E01..=0x0E2E => {
                if chars.peek() == Some(&'\u{0E4C}') {
                    continue;
                }
                classes.extend(class(THAI[(code - 0x0E01) as usize]));
            }
            0x0E2F..=0x0E7F => {}
            0x0600..=0x06FF => classes.extend(arabic(c).bytes()),
            0x05D0..=0x05EA => classes.extend(class(HEBREW[(code - 0x05D0) as usize])),
            0x10D0..=0x10FA => classes.extend(class(GEORGIAN[(code - 0x10D0) as usize])),
            0x0D80..=0x0DFF => classes.extend(sinhala(c).bytes()),
            // The Indic scripts share one layout of consonants, block by block.
            0x0900..=0x0D7F => {
                let offset = (code - 0x0900) % 0x80;
                if offset == 0x02 {
                    // The anusvara: a nasal before the next consonant ("सैंडवेल्डर").
                    classes.push(b'N');
                } else if let Some(&letter) = INDIC.get(offset.wrapping_sub(0x15) as usize) {
                    classes.extend(class(letter));
                } else if (0x58..=0x5F).contains(&offset) {
                    classes.extend(class(INDIC_NUKTA[(offset - 0x58) as usize]));
                }
            }
            0x200C | 0x200D => {}
            _ if c.is_alphabetic() => return String::new(),
            _ => {}
        }
    }
    collapse(&classes)
}

/// The consonant classes of the Mandarin readings of the Han ideographs U+4E00 to U+9FFF, two
/// letters each (initial, final), 64 characters a line (see `data/generate_han.py`).
const HAN: &str = include_str!("../data/han_consonants.txt");
const HAN_PER_LINE: u32 = 64;

/// The skeleton of a name written in Han characters by their Mandarin readings ("桑佩特科",
/// sang-pei-te-ke, is `SNPTK`); empty when a character is not a Han ideograph.
pub(crate) fn han_skeleton(name: &str) -> String {
    let mut classes = Vec::with_capacity(name.len());
    for c in name.chars() {
        let Some(index) = (c as u32).checked_sub(0x4E00).filter(|i| *i < 0xA000 - 0x4E00) else {
            return String::new();
        };
        let at = (index / HAN_PER_LINE * (2 * HAN_PER_LINE + 1) + index % HAN_PER_LINE * 2) as usize;
        classes.extend(HAN.as_bytes()[at..at + 2].iter().filter(|&&b| b != b'_'));
    }
    collapse(&classes)
}

/// A table's letter as a class: `_` is none (a vowel, glide, "h", "r" or "l").
fn class(letter: u8) -> Option<u8> {
    (letter != b'_').then_some(letter)
}

/// Consecutive equal classes are one ("ss", "pp", a Korean final and the next initial).
fn collapse(classes: &[u8]) -> String {
    let mut out = String::with_capacity(classes.len());
    let mut last = 0;
    for &c in classes {
        if c != last {
            out.push(char::from(c));
        }
        last = c;
    }
    out
}

/// The class of a folded Latin letter (`fold_to_latin` has made "c" before anything but
/// "h" a "k", "ph" an "f", "w" a "v", "x" a "ks", "y" and "j" an "i"), given the letter
/// before it.
fn latin(b: u8, before: Option<u8>) -> Option<u8> {
    Some(match b {
        b'p' | b'b' | b'f' | b'v' => b'P',
        b't' | b'd' => b'T',
        // "ng" is one sound, as other scripts write it.
        b'g' if before == Some(b'n') => return None,
        b'k' | b'g' | b'q' => b'K',
        // "ch", "sh", "zh": one sibilant.
        b's' | b'z' | b'c' => b'S',
        b'm' => b'M',
        b'n' => b'N',
        _ => return None,
    })
}

/// A Korean word without the case or topic particle written onto it ("이탈리아의" → "이탈리아",
/// "산페트코가" → "산페트코"): cut only where two syllables or more remain, so that
/// short words stay whole. Words of other scripts are returned as they are.
pub(crate) fn without_korean_particle(word: &str) -> &str {
    const PARTICLES: &[&str] = &[
        "에서", "에게", "까지", "부터", "으로", "의", "이", "가", "은", "는", "을", "를", "에", "와", "과", "도", "로",
    ];
    if !word.chars().all(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c)) {
        return word;
    }
    PARTICLES.iter().find_map(|p| word.strip_suffix(p).filter(|stem| stem.chars().count() >= 2)).unwrap_or(word)
}

/// Hangul initials, in Unicode order: ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ.
const HANGUL_INITIAL: &[u8; 19] = b"KKNTT_MPPSS_SSSKTP_";
/// Hangul finals, in Unicode order (the first is none): ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ
/// ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ.
const HANGUL_FINAL: [&str; 28] = [
    "", "K", "K", "KS", "N", "NS", "N", "T", "", "K", "M", "P", "S", "T", "P", "", "M", "P", "PS", "S", "S", "N", "S",
    "S", "K", "T", "P", "",
];

/// Thai consonants U+0E01 to U+0E2E: ก ข ฃ ค ฅ ฆ ง จ ฉ ช ซ ฌ ญ ฎ ฏ ฐ ฑ ฒ ณ ด ต ถ ท ธ น บ ป ผ ฝ พ ฟ
/// ภ ม ย ร ฤ ล ฦ ว ศ ษ ส ห ฬ อ ฮ.
const THAI: &[u8; 46] = b"KKKKKKNSSSSSNTTTTTNTTTTTNPPPPPPPM______SSS____";

/// Hebrew letters U+05D0 to U+05EA: א ב ג ד ה ו ז ח ט י ך כ ל ם מ ן נ ס ע ף פ ץ צ ק ר ש ת.
const HEBREW: &[u8; 27] = b"_PKT__SKT_KK_MMNNS_PPSSK_ST";

/// Georgian letters U+10D0 to U+10FA: ა ბ გ დ ე ვ ზ თ ი კ ლ მ ნ ო პ ჟ რ ს ტ უ ფ ქ ღ ყ შ ჩ ც ძ წ ჭ ხ ჯ
/// ჰ and the archaic ჱ ჲ ჳ ჴ ჵ ჶ ჷ ჸ ჹ ჺ.
const GEORGIAN: &[u8; 43] = b"_PKT_PST_K_MN_PS_ST_PKKKSSSSSSKS____K_P____";

/// The consonants of the Indic blocks, from offset 0x15 of each block (Devanagari क, Bengali
/// ক, Gurmukhi ਕ, Gujarati ક, Oriya କ, Tamil க, Telugu క, Kannada ಕ, Malayalam ക) to 0x39 (ह):
/// क ख ग घ ङ च छ ज झ ञ ट ठ ड ढ ण त थ द ध न ऩ प फ ब भ म य र ऱ ल ळ ऴ व श ष स ह.
const INDIC: &[u8; 37] = b"KKKKNSSSSNTTTTNTTTTNNPPPPM______PSSS_";
/// The consonants with a nukta, offsets 0x58 to 0x5F: क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़.
const INDIC_NUKTA: &[u8; 8] = b"KKKSTTP_";

/// The class of a letter of the Arabic script (Arabic, Persian, Urdu, Kurdish).
fn arabic(c: char) -> &'static str {
    match c {
        'ب' | 'پ' | 'ف' | 'ڤ' => "P",
        'ت' | 'ث' | 'د' | 'ذ' | 'ض' | 'ط' | 'ظ' | 'ٹ' | 'ڈ' => "T",
        'ج' | 'چ' | 'ز' | 'ژ' | 'س' | 'ش' | 'ص' => "S",
        'خ' | 'غ' | 'ق' | 'ک' | 'ك' | 'گ' => "K",
        'م' => "M",
        'ن' | 'ں' => "N",
        _ => "",
    }
}

/// The class of a Sinhala letter.
fn sinhala(c: char) -> &'static str {
    match c {
        'ක' | 'ඛ' | 'ග' | 'ඝ' => "K",
        'ඞ' | 'ඟ' | 'ඤ' | 'ඥ' | 'ණ' | 'න' => "N",
        'ච' | 'ඡ' | 'ජ' | 'ඣ' | 'ඦ' | 'ශ' | 'ෂ' | 'ස' => "S",
        'ට' | 'ඨ' | 'ඩ' | 'ඪ' | 'ඬ' | 'ත' | 'ථ' | 'ද' | 'ධ' | 'ඳ' => "T",
        'ප' | 'ඵ' | 'බ' | 'භ' | 'ඹ' | 'ව' | 'ෆ' => "P",
        'ම' => "M",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_name_in_many_scripts() {
        for written in ["Sandvelder", "Сандвельдер", "산드벨데르", "산드벨데르가", "სანდველდერი", "ساندفيلدر", "सैंडवेल्डर"]
        {
            assert_eq!(skeleton(written), "SNTPT", "{written}");
        }
        for written in ["Sanpetko", "Санпетко", "산페트코", "სანპეტკო", "سانبيتكو", "ซันเปตโก", "सानपेटको"]
        {
            assert_eq!(skeleton(written), "SNPTK", "{written}");
        }
    }

    #[test]
    fn korean_particles_with_consonants_are_cut_after_a_name() {
        assert_eq!(skeleton("산페트코가"), skeleton("산페트코"));
        assert_eq!(skeleton("산페트코에서"), skeleton("산페트코"));
        assert_eq!(without_korean_particle("이탈리아의"), "이탈리아");
        // Two syllables are a word, not a name with a particle.
        assert_eq!(without_korean_particle("나는"), "나는");
        assert_eq!(without_korean_particle("Sandvelder"), "Sandvelder");
    }

    #[test]
    fn silenced_thai_consonants_are_not_read() {
        // The same letters with the silencing mark on the first "s".
        assert_eq!(skeleton("สมส์ม"), "SM");
        assert_eq!(skeleton("สมสม"), "SMSM");
    }

    #[test]
    fn names_in_han_characters_by_their_mandarin_readings() {
        assert_eq!(han_skeleton("桑佩特科"), "SNPTK");
        assert_eq!(han_skeleton("桑佩特科"), skeleton("Sanpetko"));
        assert_eq!(han_skeleton("桑佩特科a"), "");
    }

    #[test]
    fn other_scripts_give_nothing() {
        assert_eq!(skeleton("北京"), "");
        assert_eq!(skeleton("ԱՄՆ"), "");
    }
}
