//! Character and entity references, XML's and HTML's. Feeds use HTML's named entities
//! (`&hellip;`, `&nbsp;`) without declaring them; we read them rather than fail. Entities
//! declared in a DTD are never expanded, so entity-expansion attacks (billion laughs) have
//! nothing to expand.

/// The text an entity name (without `&` and `;`) stands for, if it is one we know.
pub(crate) fn resolve(name: &str) -> Option<String> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        // Windows-1252 code points written as numbers (&#150;) mean the 1252 characters.
        let c = match code {
            0 => '\u{FFFD}',
            0x80..=0x9F => windows_1252_c1(code),
            _ => char::from_u32(code).unwrap_or('\u{FFFD}'),
        };
        return Some(c.to_string());
    }
    match name {
        "amp" => return Some("&".into()),
        "lt" => return Some("<".into()),
        "gt" => return Some(">".into()),
        "quot" => return Some("\"".into()),
        "apos" => return Some("'".into()),
        _ => {}
    }
    let key = format!("{name};");
    let &(a, b) = web_atoms::NAMED_ENTITIES.get(key.as_str())?;
    let mut s = String::new();
    s.extend(char::from_u32(a));
    if b != 0 {
        s.extend(char::from_u32(b));
    }
    Some(s)
}

fn windows_1252_c1(code: u32) -> char {
    let byte = [u8::try_from(code).unwrap_or(b'?')];
    encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte).0.chars().next().unwrap_or('\u{FFFD}')
}

/// Replaces every reference in `raw` that we know; leaves the others as they are.
pub(crate) fn unescape(raw: &str) -> String {
    if !raw.contains('&') {
        return raw.to_owned();
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let name_len = after.find(';').filter(|&n| n > 0 && n <= 32 && is_name(&after[..n]));
        match name_len.and_then(|n| resolve(&after[..n]).map(|s| (n, s))) {
            Some((n, text)) => {
                out.push_str(&text);
                rest = &after[n + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn is_name(s: &str) -> bool {
    s.chars().all(|c| c.is_ascii_alphanumeric() || c == '#')
}

/// Escapes `&` that does not start a reference, outside CDATA sections and comments, so an
/// unescaped "AT&T" does not end the parse.
pub(crate) fn repair_bare_ampersands(xml: &str) -> std::borrow::Cow<'_, str> {
    if !xml.contains('&') {
        return xml.into();
    }
    // One pass: stop at each `&` or `<`; a `<` that opens a CDATA section or a comment is
    // copied through to its end, where ampersands are literal.
    let mut out = String::new();
    let mut copied = 0; // bytes of `xml` already in `out`
    let mut at = 0;
    while let Some(i) = xml[at..].find(['&', '<']).map(|i| at + i) {
        if xml.as_bytes()[i] == b'<' {
            let close = if xml[i..].starts_with("<![CDATA[") {
                "]]>"
            } else if xml[i..].starts_with("<!--") {
                "-->"
            } else {
                at = i + 1;
                continue;
            };
            at = xml[i..].find(close).map_or(xml.len(), |n| i + n + close.len());
            continue;
        }
        let after = &xml[i + 1..];
        let is_ref = after.find(';').is_some_and(|n| n > 0 && n <= 32 && is_name(&after[..n]));
        if !is_ref {
            out.push_str(&xml[copied..i]);
            out.push_str("&amp;");
            copied = i + 1;
        }
        at = i + 1;
    }
    if copied == 0 {
        return xml.into();
    }
    out.push_str(&xml[copied..]);
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_xml_html_and_numeric_references() {
        assert_eq!(
            unescape("a &amp; b &lt;c&gt; &hellip;&nbsp;&eacute; &#8217; &#x2014; &#150;"),
            "a & b <c> …\u{a0}é \u{2019} — \u{2013}"
        );
        assert_eq!(unescape("&unknown; & &; AT&T"), "&unknown; & &; AT&T");
        assert_eq!(resolve("NotEqualTilde").as_deref(), Some("\u{2242}\u{338}"));
    }

    #[test]
    fn repairs_large_documents_with_late_cdata() {
        // Many ampersands before one late CDATA section (the shape that once made the repair
        // rescan the document at every ampersand; bench/ingest.sh measures its speed).
        let big = format!("<t>{}AT&T<![CDATA[&]]></t>", "a &amp; b ".repeat(20_000));
        let repaired = repair_bare_ampersands(&big);
        assert!(repaired.ends_with("AT&amp;T<![CDATA[&]]></t>"));
        assert_eq!(repaired.len(), big.len() + 4);
    }

    #[test]
    fn bare_ampersands_are_repaired_outside_cdata() {
        assert_eq!(repair_bare_ampersands("<t>AT&T &amp; &hellip;</t>"), "<t>AT&amp;T &amp; &hellip;</t>");
        let cdata = "<t><![CDATA[Q&A]]> R&D <!-- a&b --></t>";
        assert_eq!(repair_bare_ampersands(cdata), "<t><![CDATA[Q&A]]> R&amp;D <!-- a&b --></t>");
    }
}
