//! Text from bytes that say they are UTF-8 and nearly are: feeds and pages often carry a few
//! windows-1252 bytes (a curly quote pasted from a word processor) in otherwise good UTF-8.

/// windows-1252's characters for 0x80 to 0x9F (the rest of its upper half is Latin-1); the five
/// bytes it leaves undefined map to the C1 controls, as the WHATWG Encoding Standard says.
const CP1252_80_9F: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘', '’',
    '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// A byte as windows-1252 reads it.
fn cp1252(b: u8) -> char {
    match b {
        0x80..=0x9F => CP1252_80_9F[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// Valid UTF-8 as UTF-8, and each byte that is not part of a valid sequence as windows-1252:
/// "don\x92t" in otherwise UTF-8 text reads "don’t", and its "é" stays "é". Text that is
/// windows-1252 throughout comes out as windows-1252 would read it.
#[must_use]
pub fn utf8_with_stray_bytes(mut bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    loop {
        match std::str::from_utf8(bytes) {
            Ok(rest) => {
                out.push_str(rest);
                return out;
            }
            Err(e) => {
                let (good, bad) = bytes.split_at(e.valid_up_to());
                out.push_str(std::str::from_utf8(good).unwrap_or_default());
                let n = e.error_len().unwrap_or(bad.len()).clamp(1, bad.len());
                out.extend(bad[..n].iter().copied().map(cp1252));
                bytes = &bad[n..];
            }
        }
    }
}

/// Whether XML 1.0 allows `c` in a document: tab, line feed, carriage return, and everything
/// from the space up but U+FFFE and U+FFFF. Anything else makes a feed ill-formed, which feed
/// readers refuse whole.
#[must_use]
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

/// `text` without the characters XML 1.0 forbids (NUL and the other C0 controls but tab and
/// line breaks, U+FFFE, U+FFFF); borrowed when it has none.
#[must_use]
pub fn xml_safe(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().all(is_xml_char) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.chars().filter(|&c| is_xml_char(c)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_xml_forbids_are_dropped() {
        assert_eq!(xml_safe("Harbour \u{1} dredging\u{b} plan\u{0}\u{FFFF}"), "Harbour  dredging plan");
        assert!(matches!(xml_safe("Tabs\tand\nlines\r ok é"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn stray_bytes_are_windows_1252_and_good_utf8_stays() {
        let mixed = [&b"don"[..], &[0x92], "t say café \u{201c}ok\u{201d}".as_bytes()].concat();
        assert_eq!(utf8_with_stray_bytes(&mixed), "don\u{2019}t say café \u{201c}ok\u{201d}");
        assert_eq!(utf8_with_stray_bytes(b"\x93Caf\xe9\x94 \x80 \x81"), "\u{201c}Café\u{201d} € \u{81}");
        assert_eq!(utf8_with_stray_bytes("plain ✓".as_bytes()), "plain ✓");
        assert_eq!(utf8_with_stray_bytes(&[0xE2, 0x82]), "â\u{201a}", "a cut sequence at the end");
    }
}
