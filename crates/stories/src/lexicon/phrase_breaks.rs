//! Words no keyphrase holds, beyond the stop words and each language's function words:
//! pronouns, auxiliaries, adverbs, prepositions, quantifiers, verbs of saying and the commonest
//! verbs, weekdays and the words of time. A keyphrase names a thing ("gale warning", "Storm
//! Imre"), so such a word ends the phrase before it. Lowercase; written for newsdesk from general
//! knowledge of each language's news prose (no list is copied from a source).

use std::sync::LazyLock;

use crate::hash::HashSet;

/// English (also read for text of any language: English words in another language's text are
/// quotes, names or loans, and these are no better keyphrases there).
#[rustfmt::skip]
const ENGLISH: &[&str] = &[
    "around", "like", "since", "again", "down", "off", "through", "during", "against", "among", "between", "without",
    "within", "under", "while", "because", "though", "although", "until", "despite", "toward", "towards", "upon",
    "via", "per", "even", "still", "already", "yet", "ago", "now", "later", "soon", "well", "much", "many", "several",
    "every", "each", "both", "either", "neither", "whether", "another", "own", "same", "too", "back", "away", "across",
    "along", "behind", "beyond", "near", "onto", "inside", "outside", "instead", "however", "including", "include",
    "includes", "included", "often", "never", "always", "ever", "almost", "nearly", "least", "less", "few", "lot",
    "lots", "way", "thing", "things", "something", "nothing", "anything", "everything", "get", "got", "gets",
    "getting", "make", "makes", "made", "making", "take", "takes", "took", "taken", "come", "came", "comes", "going",
    "goes", "went", "gone", "know", "knew", "known", "think", "thought", "want", "wanted", "wants", "see", "seen",
    "saw", "use", "used", "using", "look", "looked", "put", "need", "needs", "needed", "added", "adding", "tell",
    "tells", "asked", "asks", "called", "expected", "expects", "latest", "next", "recent", "recently", "currently",
    "likely", "really", "perhaps", "maybe", "done", "become", "became", "began", "begin", "seemed", "seems", "let",
    "lets", "keep", "kept", "give", "gave", "given", "find", "found", "showed", "shown", "mean", "means", "meant",
    "believe", "believed", "feel", "felt", "far", "whose", "himself", "herself", "itself", "themselves", "ourselves",
    "myself", "yourself", "don", "doesn", "didn", "isn", "wasn", "aren", "weren", "won", "couldn", "wouldn", "shouldn",
    "hasn", "haven", "hadn", "four", "five", "six", "seven", "eight", "nine", "ten", "hundred", "hundreds", "thousand",
    "thousands", "million", "millions", "billion", "billions", "trillion", "second", "third", "percent", "cent",
    "today", "yesterday", "tomorrow", "tonight", "hour", "hours", "minute", "minutes", "ones", "wrote", "writes",
    "write", "able", "else", "once", "twice", "anyway", "okay",
];

/// The languages with a list of their own, by their ISO 639-1 code: the words beyond their
/// function words (`function_words.rs`) and beyond English's, which every language's set holds.
#[rustfmt::skip]
const BY_LANGUAGE: &[(&str, &[&str])] = &[
    ("de", &[
        "hat", "haben", "hatte", "hatten", "sind", "sein", "war", "waren", "werden", "wurden", "worden", "kann",
        "können", "konnte", "konnten", "muss", "müssen", "musste", "soll", "sollen", "sollte", "sollten", "wollen",
        "wollte", "darf", "dürfen", "möchte", "er", "sie", "es", "wir", "ihr", "ich", "du", "man", "ihm", "ihn",
        "ihnen", "ihre", "ihrer", "ihren", "ihrem", "ihres", "seine", "seiner", "seinen", "seinem", "seines", "unser",
        "unsere", "unseren", "dieser", "diese", "dieses", "diesen", "diesem", "jener", "jene", "welche", "welcher",
        "welches", "welchen", "kein", "keine", "keinen", "keiner", "keinem", "noch", "schon", "nur", "sehr", "mehr",
        "wieder", "jetzt", "heute", "gestern", "morgen", "dann", "denn", "doch", "aber", "oder", "als", "wie", "wenn",
        "weil", "dass", "ob", "bis", "seit", "vor", "ins", "am", "gegen", "ohne", "um", "unter", "durch", "zwischen",
        "während", "wegen", "laut", "sowie", "etwa", "rund", "mehrere", "viele", "vielen", "alle", "allem", "allen",
        "alles", "einige", "einigen", "andere", "anderen", "anderer", "sagte", "sagt", "sagten", "erklärte", "teilte",
        "hieß", "heißt", "gibt", "gab", "geht", "ging", "sei", "seien", "habe", "wäre", "würde", "würden", "hier",
        "dort", "da", "bereits", "immer", "nie", "ab", "neue", "neuen", "neuer", "neues", "erste", "ersten", "zwei",
        "drei", "vier", "fünf", "prozent", "jahr", "jahren", "jahres", "uhr", "montag", "dienstag", "mittwoch",
        "donnerstag", "freitag", "samstag", "sonntag", "dabei", "damit", "dazu", "darauf", "daran", "davon", "dafür",
        "darüber", "deshalb", "jedoch", "zudem", "sogar", "kaum", "ganz", "viel", "wenig", "zuletzt", "zunächst",
        "inzwischen", "derzeit", "bislang", "bisher", "innerhalb", "außerdem", "werde", "gewesen", "lassen", "ließ",
        "machen", "macht", "gemacht", "kommen", "kommt", "kam", "gehen", "sehen", "sieht", "stehen", "steht", "stand",
        "geben", "gegeben", "nehmen", "genommen", "zeigen", "zeigt", "zeigte", "bleiben", "bleibt", "blieb",
    ]),
    ("fr", &[
        "il", "elle", "ils", "elles", "nous", "vous", "je", "lui", "leur", "leurs", "se", "sa", "ce", "cette", "ces",
        "cet", "quoi", "dont", "où", "mais", "ou", "donc", "car", "ni", "comme", "si", "moins", "très", "aussi",
        "encore", "déjà", "toujours", "jamais", "bien", "tout", "tous", "toute", "toutes", "avoir", "être", "était",
        "étaient", "sera", "seront", "serait", "ont", "avait", "avaient", "aura", "fait", "faire", "peut", "peuvent",
        "pourrait", "doit", "selon", "entre", "sans", "sous", "vers", "chez", "depuis", "pendant", "avant", "contre",
        "lors", "dit", "déclaré", "affirmé", "indiqué", "estimé", "ainsi", "alors", "puis", "cependant", "autre",
        "autres", "même", "mêmes", "deux", "trois", "quatre", "premier", "première", "ans", "année", "jour", "jours",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "aujourd", "hui", "demain",
        "dès", "afin", "notamment", "désormais", "quelque", "quelques", "chaque", "plusieurs", "certains", "beaucoup",
        "peu", "trop", "ici", "là", "celui", "celle", "ceux", "cela", "ça", "quand", "comment", "pourquoi", "lequel",
        "laquelle", "lesquels", "soit", "eu", "va", "vont", "veut", "faut", "avons", "avez", "sommes", "êtes",
    ]),
    ("es", &[
        "lo", "le", "les", "nos", "me", "te", "él", "ella", "ellos", "ellas", "yo", "tú", "usted", "este", "esta",
        "estos", "estas", "ese", "esa", "esos", "esas", "quien", "quienes", "cual", "cuyo", "donde", "cuando", "pero",
        "sino", "porque", "aunque", "si", "ni", "menos", "muy", "también", "ya", "aún", "todavía", "siempre", "nunca",
        "todo", "toda", "todos", "todas", "otro", "otra", "otros", "otras", "mismo", "misma", "ser", "son", "era",
        "eran", "fueron", "sido", "será", "sería", "está", "están", "estaba", "estar", "había", "haber", "hay",
        "tiene", "tienen", "tenía", "puede", "pueden", "podría", "debe", "hace", "hacer", "dijo", "afirmó", "aseguró",
        "explicó", "señaló", "según", "sin", "sobre", "hasta", "desde", "durante", "ante", "contra", "hacia", "dos",
        "tres", "cuatro", "año", "años", "día", "días", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado",
        "domingo", "ayer", "hoy", "mañana", "cada", "varios", "varias", "algunos", "algunas", "mucho", "muchos",
        "muchas", "poco", "aquí", "allí", "así", "entonces", "luego", "además", "sólo", "solo", "mi", "mis", "tu",
        "tus",
    ]),
    ("it", &[
        "uno", "da", "dal", "dalla", "degli", "dello", "nei", "sul", "sulla", "ai", "alle", "agli", "lui", "lei",
        "loro", "noi", "voi", "io", "tu", "suo", "sua", "suoi", "sue", "questo", "questa", "questi", "queste",
        "quello", "quella", "quelli", "quelle", "chi", "cui", "dove", "quando", "ma", "perché", "anche", "ancora",
        "già", "sempre", "mai", "molto", "più", "meno", "tutto", "tutti", "tutta", "tutte", "altro", "altri", "altra",
        "altre", "stesso", "stessa", "essere", "stata", "stati", "era", "erano", "sarà", "sarebbe", "hanno", "aveva",
        "avevano", "avere", "può", "possono", "potrebbe", "deve", "fa", "fare", "detto", "ha", "dichiarato",
        "spiegato", "secondo", "tra", "fra", "senza", "sotto", "verso", "prima", "contro", "durante", "due", "tre",
        "quattro", "anno", "anni", "giorno", "giorni", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì",
        "sabato", "domenica", "ieri", "oggi", "domani", "ogni", "alcuni", "alcune", "qui", "così", "poi", "quindi",
        "però", "solo", "siamo", "sia", "dell", "nell", "sull", "dall", "quest", "quell",
    ]),
    ("pt", &[
        "uns", "umas", "ele", "ela", "eles", "elas", "eu", "nós", "você", "vocês", "seus", "suas", "este", "esta",
        "estes", "estas", "esse", "essa", "esses", "essas", "aquele", "aquela", "isso", "isto", "quem", "qual",
        "quais", "onde", "quando", "como", "mas", "porque", "também", "ainda", "já", "sempre", "nunca", "muito",
        "muitos", "muitas", "mais", "menos", "todo", "toda", "todos", "todas", "outro", "outra", "outros", "outras",
        "mesmo", "mesma", "ser", "era", "eram", "foram", "sido", "será", "seria", "está", "estão", "estava", "estar",
        "tem", "têm", "tinha", "ter", "pode", "podem", "poderia", "deve", "faz", "fazer", "disse", "afirmou",
        "segundo", "entre", "sem", "sobre", "até", "desde", "durante", "contra", "dois", "duas", "três", "ano", "anos",
        "dia", "dias", "ontem", "hoje", "amanhã", "cada", "alguns", "algumas", "aqui", "ali", "assim", "então",
        "depois", "antes", "pelos", "pelas", "num", "numa", "aos", "às", "lhe", "lhes",
    ]),
    ("nl", &[
        "hij", "zij", "ze", "wij", "jij", "je", "ik", "u", "hem", "haar", "hun", "ons", "onze", "deze", "dit", "wie",
        "wat", "waar", "wanneer", "hoe", "maar", "omdat", "nog", "al", "altijd", "nooit", "zeer", "heel", "meer",
        "minder", "alle", "alles", "andere", "zelf", "waren", "worden", "werden", "geweest", "hebben", "hadden", "kan",
        "kunnen", "kon", "moet", "moeten", "zal", "zullen", "zou", "zouden", "wil", "willen", "zei", "zegt", "volgens",
        "tussen", "zonder", "onder", "tegen", "tijdens", "twee", "drie", "jaar", "jaren", "dag", "dagen", "gisteren",
        "vandaag", "morgen", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "elke",
        "enkele", "veel", "hier", "daar", "dus", "dan", "toen", "nu", "er", "geen",
    ]),
    ("ru", &[
        "во", "со", "а", "то", "все", "всё", "она", "он", "оно", "они", "мы", "вы", "я", "ты", "ее", "их", "им", "ему",
        "ей", "этот", "эта", "эти", "этого", "этой", "этом", "том", "тот", "та", "те", "ко", "у", "об", "при", "без",
        "через", "перед", "над", "под", "между", "так", "уже", "еще", "ещё", "только", "бы", "ли", "же", "будет",
        "будут", "быть", "есть", "может", "могут", "которое", "которые", "которого", "которой", "котором", "которых",
        "чтобы", "если", "или", "но", "когда", "где", "тоже", "сказал", "сказала", "заявил", "заявила", "сообщил",
        "сообщила", "отметил", "отметила", "словам", "года", "год", "лет", "время", "сегодня", "вчера", "завтра",
        "понедельник", "вторник", "среду", "среда", "четверг", "пятницу", "пятница", "субботу", "суббота",
        "воскресенье", "два", "две", "три", "более", "менее", "очень", "всего", "всех", "свой", "своей", "своих",
        "свою", "себя", "там", "тут", "здесь", "теперь", "тогда", "сейчас",
    ]),
];

/// Each language's words that end phrases, with English's and the shared stop words in the same
/// set (one lookup a word); the last entry, tagged "", serves text of any other language.
static BREAKS: LazyLock<Vec<(&'static str, HashSet<&'static str>)>> = LazyLock::new(|| {
    use crate::lexicon::english;
    let everywhere = || {
        ENGLISH
            .iter()
            .chain(english::MONTHS)
            .chain(english::STOP_WORDS)
            .chain(english::PRONOUNS)
            .chain(english::WEEKDAYS)
    };
    let mut out: Vec<(&str, HashSet<&str>)> = Vec::new();
    for (tag, words) in crate::lexicon::function_words::FUNCTION_WORDS {
        let own = BY_LANGUAGE.iter().find(|(t, _)| t == tag).map_or(&[][..], |(_, w)| *w);
        out.push((tag, words.iter().chain(own).chain(everywhere()).copied().collect()));
    }
    for (tag, words) in BY_LANGUAGE {
        if !out.iter().any(|(t, _)| t == tag) {
            out.push((tag, words.iter().chain(everywhere()).copied().collect()));
        }
    }
    out.push(("", everywhere().copied().collect()));
    out
});

/// The words (lowercase) that end a keyphrase in text of `language` (a BCP 47 tag; its first
/// part is read): the language's own where it has a list, and everywhere English's and the
/// stop words.
pub(crate) fn breaks_of(language: Option<&str>) -> &'static HashSet<&'static str> {
    let primary = language.map(newsdesk_model::primary_language).unwrap_or_default();
    let all = &*BREAKS;
    &all.iter().find(|(tag, _)| !tag.is_empty() && tag.eq_ignore_ascii_case(primary)).unwrap_or(&all[all.len() - 1]).1
}
