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
    let mut out = String::with_capacity(xml.len() + 64);
    let mut rest = xml;
    let mut changed = false;
    loop {
        // Whichever comes first: an ampersand, or a section where ampersands are literal.
        let amp = rest.find('&');
        let literal = [("<![CDATA[", "]]>"), ("<!--", "-->")]
            .into_iter()
            .filter_map(|(open, close)| rest.find(open).map(|at| (at, close)))
            .min_by_key(|&(at, _)| at);
        match (amp, literal) {
            (None, _) => {
                out.push_str(rest);
                break;
            }
            (Some(a), Some((at, close))) if at < a => {
                let end = rest[at..].find(close).map_or(rest.len(), |i| at + i + close.len());
                out.push_str(&rest[..end]);
                rest = &rest[end..];
            }
            (Some(a), _) => {
                out.push_str(&rest[..a]);
                let after = &rest[a + 1..];
                if after.find(';').is_some_and(|n| n > 0 && n <= 32 && is_name(&after[..n])) {
                    out.push('&');
                } else {
                    out.push_str("&amp;");
                    changed = true;
                }
                rest = after;
            }
        }
    }
    if changed { out.into() } else { xml.into() }
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
    fn bare_ampersands_are_repaired_outside_cdata() {
        assert_eq!(repair_bare_ampersands("<t>AT&T &amp; &hellip;</t>"), "<t>AT&amp;T &amp; &hellip;</t>");
        let cdata = "<t><![CDATA[Q&A]]> R&D <!-- a&b --></t>";
        assert_eq!(repair_bare_ampersands(cdata), "<t><![CDATA[Q&A]]> R&amp;D <!-- a&b --></t>");
    }
}
