//! Page bytes to text. The order of trust: a byte-order mark, then the HTTP header's charset,
//! then a `<meta charset>` (or `http-equiv` content type) in the first 4 KiB, then UTF-8.
//! Bytes that claim UTF-8 but are not keep their valid UTF-8 and read only the stray bytes as
//! windows-1252, which maps every byte; bytes
//! that are valid UTF-8 beyond ASCII are read as UTF-8 whatever they claim. Bytes
//! that are plainly not text (NULs, many control characters) are refused.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8};

/// How far into the page a `<meta charset>` is looked for.
const PRESCAN: usize = 4096;

/// Why bytes could not be read as a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Undecodable {
    Empty,
    Binary,
}

/// The page's text.
pub(crate) fn decode<'a>(bytes: &'a [u8], content_type: Option<&str>) -> Result<Cow<'a, str>, Undecodable> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Undecodable::Empty);
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return checked(Cow::Owned(text.into_owned()));
    }
    if looks_binary(bytes) {
        return Err(Undecodable::Binary);
    }
    let declared = content_type
        .and_then(charset_param)
        .or_else(|| meta_charset(&bytes[..bytes.len().min(PRESCAN)]))
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        // A page cannot really be UTF-16 without a byte-order mark once it got this far.
        .filter(|e| *e != encoding_rs::UTF_16LE && *e != encoding_rs::UTF_16BE)
        .unwrap_or(UTF_8);
    // Bytes that are valid UTF-8 with characters beyond ASCII are UTF-8, whatever the label
    // says: legacy text almost never forms valid multi-byte sequences by chance, while pages
    // mislabelled by a template or server are common.
    if declared != UTF_8
        && !bytes.is_ascii()
        && let Ok(text) = std::str::from_utf8(bytes)
    {
        return checked(Cow::Borrowed(text));
    }
    if declared == UTF_8 {
        return match std::str::from_utf8(bytes) {
            Ok(text) => checked(Cow::Borrowed(text)),
            // Good UTF-8 stays; only the bytes that are not are read as windows-1252.
            Err(_) => checked(Cow::Owned(newsdesk_model::utf8_with_stray_bytes(bytes))),
        };
    }
    checked(Cow::Owned(declared.decode_without_bom_handling(bytes).0.into_owned()))
}

fn checked(text: Cow<'_, str>) -> Result<Cow<'_, str>, Undecodable> {
    if text.trim().is_empty() { Err(Undecodable::Empty) } else { Ok(text) }
}

/// NUL bytes, or more than 1 in 10 bytes of the first 4 KiB a control character that text
/// never has.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(PRESCAN)];
    if head.contains(&0) {
        return true;
    }
    let controls = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)).count();
    controls * 10 > head.len()
}

fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim().eq_ignore_ascii_case("charset").then(|| v.trim().trim_matches(['"', '\'']).to_owned())
    })
}

/// `<meta charset="...">` or `<meta http-equiv="Content-Type" content="text/html; charset=...">`.
fn meta_charset(head: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = head[from..].find("<meta") {
        let start = from + at;
        let end = head[start..].find('>').map_or(head.len(), |e| start + e);
        let tag = &head[start..end];
        if let Some(c) = tag.find("charset") {
            let rest = tag[c + "charset".len()..].trim_start();
            if let Some(rest) = rest.strip_prefix('=') {
                let value: String = rest
                    .trim_start()
                    .trim_start_matches(['"', '\''])
                    .chars()
                    .take_while(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '-' | '_' | ':' | '.'))
                    .collect();
                if !value.is_empty() {
                    return Some(value);
                }
            }
        }
        from = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_is_honoured() {
        let page = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xe9</body></html>";
        assert!(decode(page, None).is_ok_and(|t| t.contains("café")));
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>\xcf\xf0\xe8\xe2\xe5\xf2";
        assert!(decode(page, None).is_ok_and(|t| t.contains("Привет")));
    }

    #[test]
    fn the_header_outranks_the_page_and_a_bom_outranks_both() {
        let page = b"<meta charset=\"utf-8\"><p>caf\xe9";
        assert!(decode(page, Some("text/html; charset=ISO-8859-1")).is_ok_and(|t| t.contains("café")));
        let page = "\u{feff}<meta charset=\"iso-8859-1\"><p>café".as_bytes();
        assert!(decode(page, Some("text/html; charset=ISO-8859-1")).is_ok_and(|t| t.contains("café")));
    }

    #[test]
    fn wrong_or_missing_charset_still_reads() {
        let page = b"<meta charset=\"utf-8\"><p>na\xefve caf\xe9";
        assert!(decode(page, None).is_ok_and(|t| t.contains("naïve café")));
        assert!(decode(b"<p>plain", Some("text/html; charset=no-such-thing")).is_ok_and(|t| t.contains("plain")));
    }

    #[test]
    fn valid_utf8_wins_over_a_wrong_label() {
        let page = "<meta charset=\"koi8-r\"><p>Привет, café".as_bytes();
        assert!(decode(page, None).is_ok_and(|t| t.contains("Привет, café")));
        assert!(decode(page, Some("text/html; charset=iso-8859-1")).is_ok_and(|t| t.contains("Привет, café")));
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", None), Err(Undecodable::Binary));
        assert_eq!(decode(b"  \n ", None), Err(Undecodable::Empty));
        assert_eq!(decode(b"", None), Err(Undecodable::Empty));
        let noise: Vec<u8> = (0..4000u32).map(|i| (i * 7 % 31) as u8).collect();
        assert_eq!(decode(&noise, None), Err(Undecodable::Binary));
    }
}
