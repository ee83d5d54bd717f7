//! The commonest function words of the languages language detection names (articles,
//! prepositions, conjunctions, forms of "to be"), lowercase, a short list each. Written for
//! newsdesk from general knowledge of these languages (no list is copied from a source).
//!
//! They check a reading of a text too short for character statistics: a one-line news item is
//! mostly names, and "the", "of" and "after" say more of its language than its trigrams do.

/// Each language's words, by the tag detection gives it.
pub(crate) const FUNCTION_WORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "of", "and", "to", "in", "is", "was", "are", "were", "for", "on", "at", "by", "with", "from", "has",
            "have", "its", "after", "his", "her", "that", "this", "which", "been", "an", "their", "into", "over", "a",
            "be", "as", "it", "not", "but", "or", "who", "will", "would", "had", "he", "she", "they", "than", "about",
            "near", "during", "against", "between", "under", "amid", "least",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "dem", "des", "ein", "eine", "einen",
            "auf", "für", "sich", "wird", "wurde", "nach", "bei", "aus", "zum", "zur", "im", "auch", "über",
        ],
    ),
    (
        "fr",
        &[
            "le", "la", "les", "des", "du", "de", "et", "est", "une", "un", "dans", "pour", "par", "sur", "au", "aux",
            "avec", "qui", "que", "sont", "été", "après", "ses", "son", "ne", "pas", "plus",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "del", "y", "en", "es", "una", "por", "con", "para", "que", "se", "fue", "sus", "su",
            "al", "tras", "como", "han", "ha", "entre", "más",
        ],
    ),
    (
        "pt",
        &[
            "o", "os", "as", "do", "da", "dos", "das", "e", "em", "no", "na", "nos", "nas", "um", "uma", "por", "com",
            "para", "que", "se", "foi", "seu", "sua", "após", "ao", "é", "são", "pelo", "pela",
        ],
    ),
    (
        "it",
        &[
            "il", "lo", "gli", "le", "della", "del", "di", "e", "è", "un", "una", "per", "con", "che", "si", "sono",
            "stato", "dopo", "nel", "nella", "alla", "al", "dei", "delle",
        ],
    ),
    (
        "nl",
        &[
            "de", "het", "een", "en", "van", "is", "zijn", "op", "voor", "met", "die", "dat", "niet", "werd", "wordt",
            "naar", "bij", "ook", "door", "aan", "heeft", "na",
        ],
    ),
    (
        "sv",
        &[
            "och", "är", "att", "det", "som", "en", "ett", "på", "av", "för", "med", "till", "den", "har", "inte",
            "efter", "om", "var", "blir", "från", "sin", "sitt", "vid", "hon", "han",
        ],
    ),
    (
        "da",
        &[
            "og", "er", "at", "det", "som", "en", "et", "på", "af", "for", "med", "til", "den", "har", "ikke", "efter",
            "om", "var", "bliver", "blev", "fra", "sin", "sit", "hun", "han", "mere",
        ],
    ),
    (
        "nb",
        &[
            "og", "er", "at", "det", "som", "en", "et", "på", "av", "for", "med", "til", "den", "har", "ikke", "etter",
            "om", "var", "blir", "ble", "fra", "sin", "sitt", "hun", "han", "mer",
        ],
    ),
    (
        "fi",
        &[
            "ja", "on", "oli", "että", "ei", "se", "hän", "kun", "tai", "myös", "joka", "ovat", "jälkeen", "mukaan",
            "sekä", "kanssa", "vuonna", "kuin",
        ],
    ),
    (
        "pl",
        &[
            "i", "w", "z", "na", "się", "do", "że", "jest", "nie", "to", "o", "po", "przez", "od", "dla", "jak",
            "został", "została", "oraz", "jego", "jej", "ze", "we",
        ],
    ),
    (
        "cs",
        &[
            "a", "je", "v", "se", "na", "z", "že", "do", "s", "o", "pro", "jako", "byl", "byla", "bylo", "po", "od",
            "které", "který", "jeho", "také", "není", "ve", "ze",
        ],
    ),
    (
        "sk",
        &[
            "a", "je", "v", "sa", "na", "z", "že", "do", "s", "o", "pre", "ako", "bol", "bola", "bolo", "po", "od",
            "ktoré", "ktorý", "jeho", "tiež", "nie", "vo", "zo",
        ],
    ),
    (
        "ro",
        &[
            "și", "în", "de", "la", "cu", "a", "al", "ale", "este", "pe", "din", "o", "un", "care", "să", "pentru",
            "nu", "fost", "după", "lui", "cel", "mai",
        ],
    ),
    (
        "hu",
        &[
            "a", "az", "és", "hogy", "nem", "is", "egy", "meg", "van", "volt", "már", "csak", "után", "között",
            "szerint", "pedig", "mint",
        ],
    ),
    (
        "tr",
        &[
            "ve", "bir", "bu", "da", "de", "ile", "için", "olarak", "olan", "gibi", "daha", "sonra", "çok", "kadar",
            "ise",
        ],
    ),
    (
        "id",
        &[
            "yang", "dan", "di", "ke", "dari", "ini", "itu", "dengan", "untuk", "pada", "adalah", "dalam", "tidak",
            "oleh", "akan", "telah", "sebagai", "setelah", "menjadi",
        ],
    ),
    (
        "ca",
        &[
            "el", "la", "els", "les", "de", "del", "i", "a", "en", "que", "per", "amb", "un", "una", "es", "va", "és",
            "són", "dels", "al", "als",
        ],
    ),
    (
        "af",
        &[
            "die", "en", "van", "is", "het", "in", "nie", "om", "op", "te", "wat", "met", "vir", "was", "hy", "sy",
            "aan",
        ],
    ),
    (
        "ru",
        &[
            "и",
            "в",
            "на",
            "с",
            "не",
            "что",
            "по",
            "из",
            "за",
            "от",
            "для",
            "был",
            "была",
            "было",
            "были",
            "после",
            "его",
            "её",
            "также",
            "к",
            "о",
            "до",
            "как",
            "это",
            "который",
            "которая",
            "году",
        ],
    ),
    (
        "uk",
        &[
            "і",
            "та",
            "в",
            "у",
            "на",
            "з",
            "не",
            "що",
            "до",
            "від",
            "для",
            "був",
            "була",
            "було",
            "були",
            "після",
            "його",
            "її",
            "також",
            "як",
            "це",
            "який",
            "яка",
            "році",
        ],
    ),
    (
        "bg",
        &[
            "и",
            "в",
            "на",
            "с",
            "не",
            "че",
            "от",
            "за",
            "по",
            "са",
            "е",
            "се",
            "да",
            "как",
            "беше",
            "след",
            "това",
            "който",
            "която",
            "година",
            "като",
        ],
    ),
];
