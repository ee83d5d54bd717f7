//! Bytes to text. The order of trust: a byte-order mark, then the HTTP header's charset, then
//! the XML declaration's encoding, then UTF-8. Text that claims UTF-8 but is not (the common
//! windows-1252 mislabelling, often a few stray bytes in otherwise good UTF-8) keeps its valid
//! UTF-8 and reads only the stray bytes as windows-1252, which maps every byte. UTF-32, which
//! encoding_rs does not read, is recognised by its BOM or its zero bytes around "<".

use encoding_rs::{Encoding, UTF_8};
use std::borrow::Cow;

/// The text and the encoding it was read with.
pub(crate) fn decode<'a>(bytes: &'a [u8], content_type: Option<&str>) -> (Cow<'a, str>, &'static str) {
    if let Some((big_endian, skip)) = sniff_utf32(bytes) {
        return (utf32(&bytes[skip..], big_endian).into(), if big_endian { "UTF-32BE" } else { "UTF-32LE" });
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return (text, encoding.name());
    }
    let declared = content_type
        .and_then(charset_param)
        .or_else(|| xml_declared_encoding(bytes))
        .and_then(|label| Encoding::for_label(label.as_bytes()));
    // UTF-16 without a BOM: recognise it by the zero bytes around "<".
    let declared = declared.or_else(|| sniff_utf16(bytes));
    let encoding = match declared {
        // A document in UTF-16 that says so in its XML declaration was already read as bytes;
        // if the bytes are really ASCII-compatible the declaration is wrong.
        Some(e) if (e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE) && sniff_utf16(bytes).is_none() => UTF_8,
        Some(e) => e,
        None => UTF_8,
    };
    if encoding == UTF_8 {
        // Valid UTF-8 is read in place: a large feed is not held twice.
        if let Ok(text) = std::str::from_utf8(bytes) {
            return (text.into(), "UTF-8");
        }
        return (newsdesk_model::utf8_with_stray_bytes(bytes).into(), "UTF-8, stray bytes as windows-1252");
    }
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    (text, encoding.name())
}

/// UTF-32 by its BOM, or by "<" with three zero bytes: whether it is big-endian, and the
/// BOM's length.
fn sniff_utf32(bytes: &[u8]) -> Option<(bool, usize)> {
    match bytes {
        [0, 0, 0xFE, 0xFF, ..] => Some((true, 4)),
        [0xFF, 0xFE, 0, 0, ..] => Some((false, 4)),
        [0, 0, 0, b'<', ..] => Some((true, 0)),
        [b'<', 0, 0, 0, ..] => Some((false, 0)),
        _ => None,
    }
}

/// UTF-32 text; a unit that is no character becomes U+FFFD.
fn utf32(bytes: &[u8], big_endian: bool) -> String {
    bytes
        .chunks_exact(4)
        .map(|c| {
            let unit = if big_endian {
                u32::from_be_bytes([c[0], c[1], c[2], c[3]])
            } else {
                u32::from_le_bytes([c[0], c[1], c[2], c[3]])
            };
            char::from_u32(unit).unwrap_or('\u{FFFD}')
        })
        .collect()
}

fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim().eq_ignore_ascii_case("charset").then(|| v.trim().trim_matches(['"', '\'']).to_owned())
    })
}

/// `<?xml version="1.0" encoding="ISO-8859-1"?>` -> `ISO-8859-1`. Only the first 200 bytes
/// are looked at, and only ASCII-compatible encodings can be read this way.
fn xml_declared_encoding(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(200)];
    let head = std::str::from_utf8(head).ok().or_else(|| {
        let valid = std::str::from_utf8(head).err()?.valid_up_to();
        std::str::from_utf8(&head[..valid]).ok()
    })?;
    let decl = head.trim_start().strip_prefix("<?xml")?;
    let decl = &decl[..decl.find("?>")?];
    let at = decl.find("encoding")?;
    let rest = decl[at + "encoding".len()..].trim_start().strip_prefix('=')?.trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &rest[1..];
    Some(value[..value.find(quote)?].to_owned())
}

fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    match bytes {
        [b'<', 0, _, 0, ..] => Some(encoding_rs::UTF_16LE),
        [0, b'<', 0, _, ..] => Some(encoding_rs::UTF_16BE),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
        for u in s.encode_utf16() {
            out.extend_from_slice(&u.to_le_bytes());
        }
        out
    }

    #[test]
    fn boms_win() {
        let bytes = utf16le("<rss>é</rss>", true);
        let (text, enc) = decode(&bytes, Some("text/xml; charset=iso-8859-1"));
        assert_eq!((text.as_ref(), enc), ("<rss>é</rss>", "UTF-16LE"));
        let (text, _) = decode(b"\xEF\xBB\xBF<rss/>", None);
        assert_eq!(text, "<rss/>");
    }

    #[test]
    fn utf16_without_bom_is_sniffed() {
        let bytes = utf16le("<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss>ü</rss>", false);
        let (text, enc) = decode(&bytes, None);
        assert_eq!(enc, "UTF-16LE");
        assert!(text.ends_with("<rss>ü</rss>"));
    }

    #[test]
    fn header_then_declaration() {
        let latin1 = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><t>caf\xe9</t>";
        assert!(decode(latin1, None).0.contains("café"));
        assert!(decode(latin1, Some("application/rss+xml; charset=\"windows-1252\"")).0.contains("café"));
        let koi8 = b"<t>\xf0\xd2\xc9\xd7\xc5\xd4</t>";
        assert_eq!(decode(koi8, Some("text/xml; charset=koi8-r")).0, "<t>Привет</t>");
    }

    #[test]
    fn mislabelled_windows_1252_is_recovered() {
        let bytes = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><t>\x93quoted\x94 caf\xe9</t>";
        let (text, enc) = decode(bytes, Some("text/xml; charset=utf-8"));
        assert!(text.contains("\u{201c}quoted\u{201d} café"), "{text}");
        assert_eq!(enc, "UTF-8, stray bytes as windows-1252");
        // A few stray bytes in good UTF-8: the UTF-8 stays as it is.
        let mixed = [&b"<t>don"[..], &[0x92], "t say café \u{201c}ok\u{201d}</t>".as_bytes()].concat();
        let (text, _) = decode(&mixed, Some("text/xml; charset=utf-8"));
        assert_eq!(text, "<t>don\u{2019}t say café \u{201c}ok\u{201d}</t>");
    }

    #[test]
    fn utf32_with_and_without_a_bom() {
        let text = "<rss><t>Fähre ⛴</t></rss>";
        let be: Vec<u8> = text.chars().flat_map(|c| (c as u32).to_be_bytes()).collect();
        let le: Vec<u8> = text.chars().flat_map(|c| (c as u32).to_le_bytes()).collect();
        assert_eq!(decode(&be, None), (text.into(), "UTF-32BE"));
        assert_eq!(decode(&le, None), (text.into(), "UTF-32LE"));
        let with_bom = [&[0xFF, 0xFE, 0, 0][..], &le].concat();
        assert_eq!(decode(&with_bom, None).0, text);
    }

    #[test]
    fn a_utf16_declaration_on_ascii_bytes_is_ignored() {
        let (text, _) = decode(b"<?xml version=\"1.0\" encoding=\"UTF-16\"?><t>x</t>", None);
        assert!(text.ends_with("<t>x</t>"));
    }
}
