//! An entry's lead image, as feeds give it: Media RSS (`media:content`, `media:thumbnail`,
//! also inside `media:group`), an RSS `<enclosure>` or Atom `rel="enclosure"` link of an image
//! type, and, failing those, the first picture in the entry's content (see
//! [`super::EntryParts::build`]).

use url::Url;

use super::resolve;
use super::xml::Element;

const MEDIA: &[&str] = &["http://search.yahoo.com/mrss/", "http://search.yahoo.com/mrss", "prefix:media"];

const IMAGE_EXTENSIONS: &[&str] = &[".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"];

fn in_media(e: &Element) -> bool {
    e.ns.as_deref().is_some_and(|ns| MEDIA.contains(&ns))
}

/// True when a media element's `type`/`medium` say image, or, saying nothing, its address
/// ends like an image file.
fn is_image(type_: Option<&str>, medium: Option<&str>, url: &str) -> bool {
    match (type_.map(str::trim), medium.map(str::trim)) {
        (Some(t), _) if !t.is_empty() => t.to_ascii_lowercase().starts_with("image/"),
        (_, Some(m)) if !m.is_empty() => m.eq_ignore_ascii_case("image"),
        _ => {
            let path = url.split(['?', '#']).next().unwrap_or("").to_ascii_lowercase();
            IMAGE_EXTENSIONS.iter().any(|ext| path.ends_with(ext))
        }
    }
}

/// The media elements of `parent` and of its `media:group`s.
fn media_children<'a>(parent: &'a Element, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
    let groups = parent.all("group").filter(|g| in_media(g));
    parent.all(name).filter(|e| in_media(e)).chain(groups.flat_map(move |g| g.all(name).filter(|e| in_media(e))))
}

/// The lead image the feed names for `item` (an RSS item or an Atom entry), absolute.
pub(crate) fn lead_image(item: &Element, base: &Url) -> Option<Url> {
    let contents: Vec<&Element> = media_children(item, "content")
        .filter(|c| c.attr("url").is_some_and(|u| is_image(c.attr("type"), c.attr("medium"), u)))
        .collect();
    // The one marked default, else the widest, else the first.
    let width = |c: &&&Element| c.attr("width").and_then(|w| w.trim().parse::<u32>().ok()).unwrap_or(0);
    let content = contents
        .iter()
        .find(|c| c.attr("isDefault").is_some_and(|d| d.eq_ignore_ascii_case("true")))
        .or_else(|| contents.iter().rev().max_by_key(width))
        .and_then(|c| c.attr("url"));
    let thumbnail = || media_children(item, "thumbnail").find_map(|t| t.attr("url"));
    let enclosure = || {
        item.all("enclosure")
            .find(|e| e.attr("url").is_some_and(|u| is_image(e.attr("type"), None, u)))
            .and_then(|e| e.attr("url"))
            .or_else(|| {
                item.all("link")
                    .filter(|l| l.attr("rel") == Some("enclosure"))
                    .find(|l| l.attr("href").is_some_and(|h| is_image(l.attr("type"), None, h)))
                    .and_then(|l| l.attr("href"))
            })
    };
    content.or_else(thumbnail).or_else(enclosure).and_then(|href| web_image(base, href))
}

/// An image address fit to store, resolved against `base`: http(s), with a host, at most
/// 2,048 bytes.
pub fn web_image(base: &Url, href: &str) -> Option<Url> {
    resolve(base, href).filter(|u| u.as_str().len() <= 2048 && u.host_str().is_some_and(|h| !h.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_xml_tree;

    fn image_of(item_xml: &str) -> Option<String> {
        let doc = parse_xml_tree(item_xml).unwrap();
        lead_image(&doc.root, &Url::parse("https://news.example/feed.xml").unwrap()).map(String::from)
    }

    #[test]
    fn media_rss_enclosures_and_groups_name_the_lead_image() {
        let m = r#"xmlns:media="http://search.yahoo.com/mrss/""#;
        assert_eq!(
            image_of(&format!(
                r#"<item {m}><media:content url="/v/clip.mp4" type="video/mp4"/>
                   <media:content url="/i/small.jpg" medium="image" width="320"/>
                   <media:content url="/i/large.jpg" medium="image" width="1280"/></item>"#
            ))
            .as_deref(),
            Some("https://news.example/i/large.jpg"),
            "the widest image, never the video"
        );
        assert_eq!(
            image_of(&format!(
                r#"<item {m}><media:group><media:thumbnail url="https://cdn.example/t.png"/></media:group></item>"#
            ))
            .as_deref(),
            Some("https://cdn.example/t.png")
        );
        assert_eq!(
            image_of(r#"<item><enclosure url="https://cdn.example/a.mp3" type="audio/mpeg"/><enclosure url="https://cdn.example/p.webp" type="image/webp" length="1"/></item>"#).as_deref(),
            Some("https://cdn.example/p.webp")
        );
        assert_eq!(
            image_of(r#"<entry xmlns="http://www.w3.org/2005/Atom"><link rel="enclosure" type="image/jpeg" href="/a.jpeg"/></entry>"#).as_deref(),
            Some("https://news.example/a.jpeg")
        );
        assert_eq!(image_of(r#"<item><enclosure url="javascript:alert(1)" type="image/png"/></item>"#), None);
        assert_eq!(image_of(r#"<item><enclosure url="https://cdn.example/a.mp3" type="audio/mpeg"/></item>"#), None);
    }
}
