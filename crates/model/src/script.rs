//! Scripts written without spaces between words (Chinese, Japanese, Thai, ...), and the terms
//! a search index reads in them: a word of such a script is no run of letters between spaces,
//! so the index holds its characters one by one and a search asks for them as a phrase. Korean
//! is read the same way for search, its particles being written onto its words.

/// True for characters of scripts written without spaces between words: Han (Chinese,
/// Japanese kanji), Hiragana, Katakana, Thai, Lao, Khmer and Myanmar.
#[must_use]
pub fn is_unspaced(c: char) -> bool {
    // (Latin, Greek, Cyrillic, Arabic and the other alphabets lie below Thai: one comparison.)
    if (c as u32) < 0x0E00 {
        return false;
    }
    matches!(c as u32,
        0x3040..=0x30FF        // Hiragana, Katakana
        | 0x31F0..=0x31FF      // Katakana extensions
        | 0x3400..=0x4DBF      // CJK extension A
        | 0x4E00..=0x9FFF      // CJK unified ideographs
        | 0xF900..=0xFAFF      // CJK compatibility ideographs
        | 0x20000..=0x2FA1F    // CJK extensions B-F and supplement
        | 0x0E00..=0x0EFF      // Thai, Lao
        | 0x1780..=0x17FF      // Khmer
        | 0x1000..=0x109F      // Myanmar
        | 0xFF66..=0xFF9F      // half-width Katakana
    )
}

/// True for characters a search finds inside words: those of scripts without spaces
/// ([`is_unspaced`]), and Korean's syllables, whose words take their particles and endings
/// without a space ("서울에서", "in Seoul": a search for "서울" finds it).
#[must_use]
pub fn is_searched_by_character(c: char) -> bool {
    is_unspaced(c) || matches!(c as u32, 0xAC00..=0xD7A3)
}

/// The characters of `text` that a search finds inside words ([`is_searched_by_character`]),
/// one term each, separated by spaces, in text order ("港口大桥重新开放" gives "港 口 大 桥 重 新 开
/// 放"); a vowel or tone mark stays with the letter it is written on. Empty for text without
/// such characters (most text: read a byte at a time).
#[must_use]
pub fn unspaced_terms(text: &str) -> String {
    // Every such character is written in three or four bytes, led by 0xE0 or above.
    if !text.bytes().any(|b| b >= 0xE0) {
        return String::new();
    }
    let mut out = String::new();
    for c in text.chars().filter(|&c| is_searched_by_character(c)) {
        // (A mark of Thai, Lao, Khmer or Myanmar that is no letter joins the one before it.)
        if !out.is_empty() && c.is_alphanumeric() {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unspaced_characters_become_terms_and_other_text_none() {
        assert_eq!(unspaced_terms("港口大桥重新开放。"), "港 口 大 桥 重 新 开 放");
        assert_eq!(unspaced_terms("Ferry 港の橋 (2026)"), "港 の 橋");
        assert_eq!(unspaced_terms("Kraków, Zürich, Москва, القاهرة, दिल्ली"), "");
        assert_eq!(unspaced_terms("서울에서 회의"), "서 울 에 서 회 의");
        // The mark of "ด็" is written on its letter.
        assert_eq!(unspaced_terms("เด็ก"), "เ ด็ ก");
        assert_eq!(unspaced_terms(""), "");
    }
}
