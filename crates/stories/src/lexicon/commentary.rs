//! The labels news sites put on a headline that is commentary rather than a report ("Opinion:",
//! "Analysis |", "Kommentar:", "Tribune –"), in the languages of the name cues and a few
//! more. Serves the story digest: a story's summary tells what the outlets report, not what
//! a columnist thinks of it.

/// Lowercase labels.
const LABELS: &[&str] = &[
    // English
    "opinion",
    "op-ed",
    "oped",
    "editorial",
    "column",
    "commentary",
    "comment",
    "analysis",
    "perspective",
    "viewpoint",
    "view",
    "letters",
    "letter",
    "essay",
    // German
    "meinung",
    "kommentar",
    "leitartikel",
    "kolumne",
    "analyse",
    "gastbeitrag",
    "standpunkt",
    // French
    "tribune",
    "éditorial",
    "chronique",
    "point de vue",
    "édito",
    // Spanish, Italian, Portuguese
    "opinión",
    "columna",
    "análisis",
    "tribuna",
    "opinione",
    "editoriale",
    "commento",
    "analisi",
    "opinião",
    "coluna",
    "análise",
    "artigo",
    // Russian
    "мнение",
    "колонка",
    "комментарий",
    "аналитика",
];

/// Separators between a label and the headline (a hyphen only with spaces around it, so that
/// "Op-Ed" stays one label).
const SEPARATORS: &[&str] = &[":", "|", "–", "—", " - "];

/// True when the headline carries a commentary label before or after it ("Opinion: ...",
/// "... | Analysis").
pub(crate) fn is_commentary(headline: &str) -> bool {
    let h = headline.trim();
    let labelled = |part: &str| {
        let part = part.trim().trim_matches(|c: char| c == '[' || c == ']').to_lowercase();
        LABELS.contains(&part.as_str())
    };
    SEPARATORS.iter().any(|sep| {
        h.split_once(sep).is_some_and(|(head, _)| labelled(head))
            || h.rsplit_once(sep).is_some_and(|(_, tail)| labelled(tail))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labelled_headlines_are_commentary() {
        for h in [
            "Opinion: what the dock strike tells us about wages",
            "ANALYSIS | The port deal leaves the hard part for later",
            "Kommentar: Der Hafenstreik zeigt, was fehlt",
            "Le port et ses grèves – Tribune",
            "Мнение: чему нас учит забастовка",
            "Op-Ed: Ports need a new deal",
        ] {
            assert!(is_commentary(h), "{h}");
        }
    }

    #[test]
    fn reports_are_not() {
        for h in [
            "Port Kessa strike over: dockers accept 8 percent",
            "Dock workers walk out - union",
            "Analysts expect a deal: port talks resume",
            "The view from the harbour: ships queue offshore",
        ] {
            assert!(!is_commentary(h), "{h}");
        }
    }
}
