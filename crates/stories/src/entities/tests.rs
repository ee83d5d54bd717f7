use super::*;

const TEXT: &str = "The Kremlin said on Monday that talks in Saudi Arabia would be difficult. Dmitry Peskov, spokesperson for the Kremlin, \
    told reporters the focus was navigation in the Black Sea. Peskov said: \"We are only at the beginning.\" \
    Officials from Ukraine and the United States will also meet in Riyadh, where NATO's role is expected to come up. \
    Ukraine's Foreign Ministry said it welcomed the talks. President Donald Trump spoke with Vladimir Putin on Tuesday.";

fn en(title: &str, text: &str) -> Vec<Entity> {
    extract_entities(title, text, Some("en"))
}

fn find<'a>(entities: &'a [Entity], key: &str) -> &'a Entity {
    entities.iter().find(|e| e.key == key).unwrap_or_else(|| panic!("{key} in {entities:?}"))
}

/// Asserts that every (name, kind) of `want` is among the entities.
fn assert_has(entities: &[Entity], want: &[(&str, EntityKind)]) {
    let names: Vec<(&str, EntityKind)> = entities.iter().map(|x| (x.name.as_str(), x.kind)).collect();
    for w in want {
        assert!(names.contains(w), "{w:?} in {names:?}");
    }
}

fn kinds(entities: &[Entity]) -> Vec<(String, EntityKind)> {
    let mut out: Vec<(String, EntityKind)> = entities.iter().map(|e| (e.name.clone(), e.kind)).collect();
    out.sort();
    out
}

#[test]
fn people_organisations_and_places() {
    let e = en("Kremlin warns of difficult ceasefire talks", TEXT);
    let peskov = find(&e, "dmitry peskov");
    assert_eq!((peskov.kind, peskov.mentions), (EntityKind::Person, 2), "the surname alone counts for the person");
    assert!(!e.iter().any(|x| x.key == "peskov"));
    assert_eq!(find(&e, "kremlin").kind, EntityKind::Organization);
    assert_eq!(find(&e, "kremlin").mentions, 3, "title and text, 'the' folded");
    assert_eq!(find(&e, "black sea").kind, EntityKind::Place);
    assert_eq!(find(&e, "saudi arabia").kind, EntityKind::Place);
    assert_eq!(find(&e, "riyadh").kind, EntityKind::Place);
    assert_eq!(find(&e, "ukraine").mentions, 2, "possessive folded");
    assert_eq!(find(&e, "donald trump").kind, EntityKind::Person);
    assert_eq!(find(&e, "foreign ministry").kind, EntityKind::Organization);
    assert!(!e.iter().any(|x| x.key == "the" || x.key == "monday" || x.key == "officials"), "{e:?}");
}

#[test]
fn roles_places_and_companies_by_their_words() {
    let e = en(
        "",
        "Port Alder council said on Tuesday the bridge would reopen. Mayor Joan Whitby said staff had \
         noticed the queues. Harbour Ferries will hire six deckhands, and Mount Kestrel stays closed to walkers.",
    );
    assert_eq!(find(&e, "port alder").kind, EntityKind::Place, "{e:?}");
    assert_eq!(find(&e, "mount kestrel").kind, EntityKind::Place);
    assert_eq!(find(&e, "harbour ferries").kind, EntityKind::Organization);
    let whitby = find(&e, "joan whitby");
    assert_eq!((whitby.kind, whitby.name.as_str()), (EntityKind::Person, "Joan Whitby"));
    assert!(!e.iter().any(|x| x.key.starts_with("mayor")), "{e:?}");
}

#[test]
fn keys_are_shared_across_spellings() {
    let a = en("", "Talks were held, Dmitry Peskov said on Monday.");
    let b =
        en("", "Reporters asked DMITRY PESKOV nothing. Later, Dmitry Peskov's office replied, and Peskov said more.");
    assert!(a.iter().any(|x| x.key == "dmitry peskov"));
    assert!(b.iter().any(|x| x.key == "dmitry peskov"));
}

#[test]
fn titles_are_cut_from_names_and_give_both_their_entities() {
    let e = en(
        "",
        "European Central Bank President Marta Kovacs said the bank would wait. Texas Governor Greg Halden \
         disagreed, and House Speaker Nora Quill said nothing.",
    );
    let k = kinds(&e);
    assert!(k.contains(&("Marta Kovacs".into(), EntityKind::Person)), "{k:?}");
    assert!(k.contains(&("European Central Bank".into(), EntityKind::Organization)), "{k:?}");
    assert!(k.contains(&("Greg Halden".into(), EntityKind::Person)), "{k:?}");
    assert!(k.contains(&("Texas".into(), EntityKind::Place)), "{k:?}");
    assert!(k.contains(&("Nora Quill".into(), EntityKind::Person)), "{k:?}");
    assert!(!k.iter().any(|(n, _)| n.contains("President") || n.contains("Speaker") || n == "House"), "{k:?}");
}

#[test]
fn initials_and_suffixes_stay_with_the_name() {
    let e = en("", "Former President George H. W. Bush met Joseph R. Biden Jr. in Houston on Monday.");
    let k = kinds(&e);
    assert!(k.contains(&("George H. W. Bush".into(), EntityKind::Person)), "{k:?}");
    assert!(k.contains(&("Joseph R. Biden Jr.".into(), EntityKind::Person)), "{k:?}");
    assert!(k.contains(&("Houston".into(), EntityKind::Place)), "{k:?}");
    assert_eq!(k.len(), 3, "{k:?}");
}

#[test]
fn days_months_and_places_after_a_name_are_not_part_of_it() {
    let e = en(
        "",
        "The vote in the Senate Saturday was close, said Senator Joe Marlow of West Virginia. Storms hit Louisiana \
         Sunday, before the Fourth of July weekend.",
    );
    let k = kinds(&e);
    assert!(k.contains(&("Joe Marlow".into(), EntityKind::Person)), "{k:?}");
    assert!(k.contains(&("West Virginia".into(), EntityKind::Place)), "{k:?}");
    assert!(k.contains(&("Louisiana".into(), EntityKind::Place)), "{k:?}");
    assert!(k.contains(&("Senate".into(), EntityKind::Organization)), "{k:?}");
    assert!(!k.iter().any(|(n, _)| n.contains("Saturday") || n.contains("Sunday") || n.contains("Fourth")), "{k:?}");
}

#[test]
fn a_given_name_that_is_also_a_month_opens_a_name() {
    let e = en(
        "",
        "Gov. Jan Tolliver will sign the measure, aides said. June Harlan sang in Memphis, and April Dunmore \
         reviewed the show. Tolliver spoke later.",
    );
    let k = kinds(&e);
    for person in ["Jan Tolliver", "June Harlan", "April Dunmore"] {
        assert!(k.contains(&(person.into(), EntityKind::Person)), "{person} in {k:?}");
    }
    assert_eq!(find(&e, "jan tolliver").mentions, 2, "the surname alone counts for the person");
    // A month that dates something stays a date.
    let e = en(
        "",
        "In June Harlan toured the coast. The law took effect Jan. 6 and the June Senate vote followed. \
         May God keep them, the pastor said.",
    );
    let k = kinds(&e);
    assert!(!k.iter().any(|(n, _)| n.starts_with("June") || n.starts_with("Jan") || n.starts_with("May")), "{k:?}");
}

#[test]
fn letters_the_article_spells_out_as_a_common_noun_are_no_name() {
    let e = en(
        "",
        "Retirees will see larger cost-of-living adjustments next year. The union said the new COLA still trails \
         prices. NBC asked the Kellton Retirement Board, whose members had pushed for a natural-born citizen rule.",
    );
    let k = kinds(&e);
    assert!(!k.iter().any(|(n, _)| n == "COLA"), "{k:?}");
    // Three letters are spelled by chance too often to tell: "natural-born citizen" is no NBC.
    assert!(k.contains(&("NBC".into(), EntityKind::Organization)), "{k:?}");
}

#[test]
fn a_press_releases_dateline_on_a_line_of_its_own_is_a_place() {
    let e = en(
        "",
        "ZUG, SWITZERLAND\nHarbour Tech, a maker of crane sensors, announced a new partnership on Monday. The \
         company is based in Zug (Switzerland) and employs 300 people.",
    );
    let k = kinds(&e);
    assert!(k.contains(&("Zug".into(), EntityKind::Place)), "{k:?}");
    assert!(!k.iter().any(|(n, kind)| n.eq_ignore_ascii_case("zug") && *kind != EntityKind::Place), "{k:?}");
}

#[test]
fn a_variants_name_is_no_place() {
    let e = en(
        "",
        "Hospitals in Kellmore reported that the Delta variant now makes up most new cases, and that the \
         Alpha strain has all but vanished. Doctors in Delta, a town upriver, said the same.",
    );
    let k = kinds(&e);
    assert!(!k.iter().any(|(n, _)| n == "Alpha"), "{k:?}");
    assert_eq!(find(&e, "delta").mentions, 1, "the town counts, the variant does not: {k:?}");
}

#[test]
fn names_without_evidence_are_left_out_rather_than_guessed() {
    let e = en("", "Hurricane Ida reached the coast as Social Security checks went out and Capitol Hill emptied.");
    let k = kinds(&e);
    assert!(!k.iter().any(|(_, kind)| *kind == EntityKind::Person), "no name here is a person: {k:?}");
    assert!(k.contains(&("Capitol Hill".into(), EntityKind::Place)), "{k:?}");
}

#[test]
fn abbreviations_join_the_names_they_spell() {
    let e = en(
        "",
        "The Harbour Safety Board said on Friday the ferry was sound. HSB inspectors had checked it twice. \
         The ECB held rates, and the European Central Bank said more was to come.",
    );
    let board = find(&e, "harbour safety board");
    assert_eq!((board.kind, board.mentions), (EntityKind::Organization, 2), "{e:?}");
    let ecb = find(&e, "european central bank");
    assert_eq!(ecb.mentions, 2, "{e:?}");
    assert_eq!((ecb.name.as_str(), ecb.also.clone()), ("European Central Bank", vec!["ECB".to_owned()]));
    assert_eq!(board.also, vec!["HSB".to_owned()], "the abbreviation is another name");
    assert!(!e.iter().any(|x| x.key == "hsb" || x.key == "ecb"), "{e:?}");
    let other = extract_entities("", "Die EZB hob die Zinsen an.", Some("de"));
    assert_eq!(find(&other, "european central bank").kind, EntityKind::Organization, "one key in every language");
    // Letters that spell a function word ("who") name the organisation in capitals only, and
    // a heading in capitals is still a shout.
    let who = en("", "The WHO said on Tuesday the outbreak was over. Who knew? Officials agreed with the WHO.");
    assert_eq!(find(&who, "world health organization").mentions, 2, "{who:?}");
    let shout = en("", "WHO STANDS UP FOR THE PORT? Officials said on Tuesday the quay would close.");
    assert!(shout.is_empty(), "{shout:?}");
    let asked = en("", "Officials closed the quay on Tuesday. WHO still sails from it? Nobody, said the port.");
    assert!(asked.is_empty(), "a question word shouted: {asked:?}");
    let opens = en("", "WHO officials said on Tuesday the outbreak was over.");
    assert_eq!(find(&opens, "world health organization").kind, EntityKind::Organization);
}

#[test]
fn german_nouns_are_not_names_without_evidence() {
    let e = extract_entities(
        "",
        "Die Gewerkschaft Verdi rief zum Streik auf. Im Hafen standen die Kräne still. Nach Angaben der Polizei \
         wurde niemand verletzt. Bundeskanzlerin Ilse Brandt sagte in München, die Lage sei ernst.",
        Some("de"),
    );
    let k = kinds(&e);
    assert!(k.contains(&("Verdi".into(), EntityKind::Organization)), "{k:?}");
    assert!(k.contains(&("Ilse Brandt".into(), EntityKind::Person)), "{k:?}");
    assert!(k.contains(&("München".into(), EntityKind::Place)), "{k:?}");
    assert_eq!(find(&e, "munich").name, "München", "the place's key is its main name");
    assert!(
        !k.iter().any(|(n, _)| ["Hafen", "Kräne", "Angaben", "Polizei", "Gewerkschaft Verdi"].contains(&n.as_str())),
        "{k:?}"
    );
}

#[test]
fn a_german_noun_alone_is_no_surname_of_a_subheading() {
    // A subheading opens with a capitalised adjective; its noun comes back alone later, as
    // every German noun is capitalised. Neither makes a person.
    let e = extract_entities(
        "Neue Tarife",
        "Der Stadtrat beschloss am Dienstag neue Tarife für Busse.\nGünstige Monatskarten für Familien\n\
         Ab März kosten Monatskarten weniger. Kritik kam von Ilse Brandt. Brandt sagte, die Karten kämen zu spät. \
         Dabei blieb es.",
        Some("de"),
    );
    let k = kinds(&e);
    assert!(!k.iter().any(|(n, _)| n.contains("Monatskarten") || n == "Dabei"), "{k:?}");
    assert_eq!(find(&e, "ilse brandt").mentions, 2, "a person's surname alone still counts: {k:?}");
}

#[test]
fn german_hyphenated_compounds_are_no_brands() {
    let e = extract_entities(
        "",
        "Der Online-Handel wuchs im Sommer. Viele Händler setzen auf Cloud-Dienste und neue Zahlungs-Apps, sagte \
         Ilse Brandt vom Verband.",
        Some("de"),
    );
    let k = kinds(&e);
    assert!(!k.iter().any(|(n, _)| n.contains('-')), "{k:?}");
    // In English, a capitalised hyphenated word is still a brand.
    let e = en("", "Shares of Kellomat-Vexa rose on Monday after the results.");
    assert_eq!(find(&e, "kellomat-vexa").kind, EntityKind::Organization);
}

#[test]
fn datelines_and_credits_are_not_entities_of_the_story() {
    let e = en("", "Harbor Wire -- Dockworkers in Port Alder walked out on Tuesday, the union said.");
    assert!(!e.iter().any(|x| x.key.contains("harbor wire")), "{e:?}");
    assert!(e.iter().any(|x| x.key == "port alder"));
    let e = en("", "PORT ALDER (Coastline News) -- Dockworkers walked out on Tuesday.");
    assert!(!e.iter().any(|x| x.key.contains("coastline")), "{e:?}");
}

#[test]
fn a_dateline_with_its_state_names_the_city() {
    let e = en("", "SPRINGFIELD, Ill. -- Dockworkers walked out on Tuesday, the union said.");
    assert_eq!(find(&e, "springfield").kind, EntityKind::Place, "{e:?}");
}

#[test]
fn names_never_run_across_a_paragraph_break() {
    let e = en(
        "",
        "The mayor was joined by former councillors Ada Brennan and Tomas Reyes\nReyes told reporters the vote was close.",
    );
    assert!(!e.iter().any(|x| x.key.contains("reyes reyes")), "{e:?}");
    assert_eq!(find(&e, "tomas reyes").kind, EntityKind::Person, "{e:?}");
    assert_eq!(find(&e, "tomas reyes").mentions, 2, "the surname opening the next paragraph is the same person");
}

#[test]
fn an_adverb_opening_a_sentence_is_not_part_of_a_name() {
    let e = en(
        "",
        "The court heard the case in May. Once Ada Brennan had spoken, the judge adjourned. \
         Plus Tom Reyes agreed. \"I'll appeal,\" she said.",
    );
    assert!(!e.iter().any(|x| x.key.starts_with("once") || x.key.starts_with("plus")), "{e:?}");
    assert!(!e.iter().any(|x| x.key.starts_with("i'")), "a contraction is no name: {e:?}");
    assert_eq!(find(&e, "ada brennan").kind, EntityKind::Person, "{e:?}");
}

#[test]
fn peoples_named_after_their_place_are_not_entities() {
    let e =
        en("", "Ada Brennan said her fellow Texans and Californians backed the plan, and Floridians urged caution.");
    for people in ["texans", "californians", "floridians"] {
        assert!(!e.iter().any(|x| x.key == people), "{people}: {e:?}");
    }
    let e = en(
        "",
        "Roman Catholic bishops and Muslim leaders met Ada Brennan, who said the Kell Bay Constitution protects them.",
    );
    for not_one in ["roman catholic", "muslim", "kell bay constitution"] {
        assert!(!e.iter().any(|x| x.key == not_one), "{not_one}: {e:?}");
    }
    assert_eq!(find(&e, "ada brennan").kind, EntityKind::Person, "{e:?}");
    assert!(is_plural_demonym("missourians"));
    assert!(!is_plural_demonym("evans") && !is_plural_demonym("collins") && !is_plural_demonym("simmons"));
}

#[test]
fn modifiers_titles_and_heads_put_names_in_their_kind() {
    let e = en(
        "",
        "The GOP-controlled Congress met on Tuesday. House Minority Whip Ada Brennan said the Port Authority of Kell Bay \
         and the Marine Corps would help, and cadets from Kell Academy flew in to Hallam Air Force Base. \
         Reps. from Albany, N.Y., and Columbia, S.C., agreed.",
    );
    assert_eq!(find(&e, "congress").kind, EntityKind::Organization, "{e:?}");
    assert!(!e.iter().any(|x| x.key.contains("controlled")), "{e:?}");
    assert_eq!(find(&e, "ada brennan").kind, EntityKind::Person, "{e:?}");
    assert_eq!(find(&e, "port authority of kell bay").kind, EntityKind::Organization, "{e:?}");
    assert_eq!(find(&e, "marine corps").kind, EntityKind::Organization, "{e:?}");
    assert_eq!(find(&e, "kell academy").kind, EntityKind::Organization, "{e:?}");
    assert_eq!(find(&e, "hallam air force base").kind, EntityKind::Place, "{e:?}");
    assert_eq!(find(&e, "new york").kind, EntityKind::Place, "N.Y. is the state: {e:?}");
    assert_eq!(find(&e, "south carolina").kind, EntityKind::Place, "{e:?}");
    // "Columbia" names Colombia only in Romanian: in English text it is the town.
    assert_eq!(find(&e, "columbia").kind, EntityKind::Place, "{e:?}");
    assert!(!e.iter().any(|x| x.key == "colombia"), "{e:?}");
}

#[test]
fn a_surname_joins_the_full_name_that_others_end_with() {
    // "Chemist" is no title the lists know, so it stays in one of the full names.
    let e = en(
        "",
        "The lab's director, Lena Marsh, left on Friday. Marsh said the work would go on. \
         \"We all miss Chemist Lena Marsh,\" a colleague wrote. FBI agent Tom Reyes agreed.",
    );
    assert!(!e.iter().any(|x| x.key == "marsh"), "the surname is the person's: {e:?}");
    assert_eq!(find(&e, "lena marsh").mentions, 2, "{e:?}");
    assert_eq!(find(&e, "tom reyes").kind, EntityKind::Person, "{e:?}");
}

#[test]
fn two_whole_names_joined_by_and_stay_two() {
    let e = en(
        "",
        "Officials in Lisbon and Harbour Airlines said the Assembly and Senate would vote. \
         The Tides and Harbours Commission agreed.",
    );
    assert!(!e.iter().any(|x| x.key.contains(" and ") && x.key != "tides and harbours commission"), "{e:?}");
    assert_eq!(find(&e, "harbour airlines").kind, EntityKind::Organization, "{e:?}");
    assert_eq!(find(&e, "senate").kind, EntityKind::Organization, "{e:?}");
    assert_eq!(find(&e, "tides and harbours commission").kind, EntityKind::Organization, "{e:?}");
}

#[test]
fn capitals_that_are_no_name_are_left_out() {
    let e = en(
        "",
        "CORRECTION: The bill, known as SB 1062, passed. Say THANKS! to the council, the GDP grew and a TV advert ran. \
         NATO said so.",
    );
    for not_one in ["correction", "sb", "thanks", "gdp", "tv"] {
        assert!(!e.iter().any(|x| x.key == not_one), "{not_one}: {e:?}");
    }
    assert_eq!(find(&e, "nato").kind, EntityKind::Organization, "{e:?}");
}

#[test]
fn nothing_from_nothing() {
    assert!(extract_entities("", "", None).is_empty());
    assert!(extract_entities("", "مرحبا بالعالم", Some("ar")).is_empty());
}

fn ru(text: &str) -> Vec<Entity> {
    extract_entities("", text, Some("ru"))
}

#[test]
fn russian_case_forms_are_one_entity_named_in_the_nominative() {
    let e = ru("Министр иностранных дел Анатолий Верховцев прибыл в Анкару. Верховцев встретился с президентом \
         Турции Реджепом Орхоном. По словам Верховцева, стороны обсудили поставки зерна через Стамбул. Орхон \
         заявил журналистам, что Турция готова принять новую встречу. Ранее Анатолия Верховцева принимали в Москве.");
    let v = find(&e, "анатол верховцев");
    assert_eq!((v.name.as_str(), v.kind), ("Анатолий Верховцев", EntityKind::Person));
    assert!(v.mentions >= 4, "every case form and the surname alone: {v:?}");
    let o = find(&e, "реджеп орхон");
    assert_eq!((o.name.as_str(), o.kind), ("Реджеп Орхон", EntityKind::Person));
    let turkey = find(&e, "turkey");
    assert_eq!((turkey.name.as_str(), turkey.kind), ("Турция", EntityKind::Place));
    assert_eq!((find(&e, "moscow").name.as_str(), find(&e, "moscow").kind), ("Москва", EntityKind::Place));
    assert_eq!(find(&e, "ankara").name, "Анкара");
    assert_eq!(find(&e, "istanbul").kind, EntityKind::Place);
    assert!(!e.iter().any(|x| x.key.starts_with("министр") || x.key.starts_with("по ")), "{e:?}");
}

#[test]
fn a_country_is_one_entity_in_every_language() {
    let en = extract_entities("", "Officials in Germany said the harbour would reopen, Anna Keller said.", Some("en"));
    let de =
        extract_entities("", "Der Hafen in Deutschland soll wieder öffnen, sagte Anna Keller am Montag.", Some("de"));
    let ru = ru("Власти Германии сообщили, что порт снова откроется.");
    for e in [&en, &de, &ru] {
        assert_eq!(find(e, "germany").kind, EntityKind::Place, "{e:?}");
    }
    assert_eq!(find(&de, "germany").name, "Deutschland", "the name as the article writes it");
    assert_eq!(find(&ru, "germany").name, "Германия", "in the nominative");
}

#[test]
fn countries_by_the_names_english_news_gives_them() {
    // Short and former names, and a name CLDR writes in English with a qualifier only
    // ("Myanmar (Burma)"): each the country's one entity.
    let e = en(
        "",
        "Britain's trade minister met officials from Burma on Monday. Great Britain and Myanmar signed the deal, \
         and Swaziland's envoy said Eswatini would follow.",
    );
    assert_eq!(find(&e, "united kingdom").kind, EntityKind::Place, "{e:?}");
    assert_eq!(find(&e, "united kingdom").mentions, 2, "{e:?}");
    assert_eq!(find(&e, "myanmar").mentions, 2, "{e:?}");
    assert_eq!(find(&e, "eswatini").mentions, 2, "{e:?}");
    assert!(!e.iter().any(|x| x.kind == EntityKind::Person), "{e:?}");
}

#[test]
fn russian_owners_titles_and_regions_are_cut_from_people() {
    let e = ru("Представитель МИД Эстеры Мария Кольцова ответила журналистам. Глава Госдумы Вячеслав Ордынцев \
         провёл заседание. Губернатор Тверской области Игорь Лапин посетил Ржев, а тренер Спартака Деян Милич \
         похвалил игроков. Президент Южной Кореи прибыл в Казань.");
    let names: Vec<(&str, EntityKind)> = e.iter().map(|x| (x.name.as_str(), x.kind)).collect();
    assert_has(
        &e,
        &[
            ("Мария Кольцова", EntityKind::Person),
            ("Вячеслав Ордынцев", EntityKind::Person),
            ("Игорь Лапин", EntityKind::Person),
            ("Деян Милич", EntityKind::Person),
            ("Тверская область", EntityKind::Place),
            ("Казань", EntityKind::Place),
        ],
    );
    assert_eq!(find(&e, "south korea").kind, EntityKind::Place);
    assert_eq!(find(&e, "south korea").name, "Южная Корея");
    assert!(!e.iter().any(|x| x.kind == EntityKind::Person && x.name.split(' ').count() > 2), "{names:?}");
}

#[test]
fn russian_one_word_institutions_are_organisations_not_people() {
    let e =
        ru("Минфин заявил, что бюджет сбалансирован. Кремль заявил, что ответит позже. Сбербанк объявил о дивидендах.");
    for x in &e {
        assert_ne!(x.kind, EntityKind::Person, "{e:?}");
    }
    assert_eq!(find(&e, "kremlin").kind, EntityKind::Organization);
    assert_eq!(find(&e, "kremlin").name, "Кремль");
}

#[test]
fn scripts_without_capitals_name_only_what_the_gazetteer_knows() {
    let zh =
        extract_entities("", "日本和韩国的领导人周二在东京会面，讨论了渔业协议。日本外务省表示会谈顺利。", Some("zh"));
    assert_eq!(find(&zh, "japan").mentions, 2, "{zh:?}");
    assert_eq!(find(&zh, "japan").kind, EntityKind::Place);
    assert!(zh.iter().any(|e| e.key == "south korea"), "{zh:?}");
    let ar = extract_entities(
        "",
        "التقى وزير خارجية الأردن نظيره في عمان، وقال إن التعاون مع فرنسا سيستمر وإن بفرنسا وفدا آخر.",
        Some("ar"),
    );
    assert_eq!(find(&ar, "jordan").name, "الأردن", "{ar:?}");
    assert_eq!(find(&ar, "france").mentions, 2, "a prefixed form counts: {ar:?}");
    for e in zh.iter().chain(&ar) {
        assert_eq!(e.kind, EntityKind::Place, "only gazetteer names, no guesses: {e:?}");
    }
    assert!(extract_entities("", "وقال المتحدث إن الاجتماع سيعقد غدا في المقر الرئيسي للشركة.", Some("ar")).is_empty());
}

#[test]
fn a_title_word_before_an_organisations_head_belongs_to_the_organisation() {
    let e = en(
        "",
        "Ana Brook, who chairs the Senate Republican Conference, met the Kell County Republican State Committee. \
         Critics called her the Queen of Mischief. The Society for the Protection of Coastal Birds welcomed it, \
         and the Iowa Christian Alliance did too. Governor Livingston signed the bill.",
    );
    let k = kinds(&e);
    for org in ["Senate Republican Conference", "Kell County Republican State Committee", "Iowa Christian Alliance"] {
        assert!(k.contains(&(org.into(), EntityKind::Organization)), "{org}: {k:?}");
    }
    assert!(k.contains(&("Society for the Protection of Coastal Birds".into(), EntityKind::Organization)), "{k:?}");
    assert!(k.contains(&("Livingston".into(), EntityKind::Person)), "a title makes a town's namesake a person: {k:?}");
    assert!(
        !k.iter()
            .any(|(n, _)| ["Conference", "State Committee", "Mischief", "Christian Alliance"].contains(&n.as_str())),
        "{k:?}"
    );
}

#[test]
fn questions_pronouns_dashes_and_common_capitals_name_nothing() {
    let e = en(
        "",
        "\u{201c}Can anyone explain it?\u{201d} she asked. Everyone says the Web site went dark. Jobs left \
         Arkansas\u{2014}and the rest of the South. \u{201c}NO SURRENDER!\u{201d} read one sign. @SenMarlow agreed.",
    );
    let k = kinds(&e);
    assert!(k.contains(&("Arkansas".into(), EntityKind::Place)), "{k:?}");
    assert!(
        !k.iter()
            .any(|(n, _)| n.contains("Can") || n.contains("Everyone") || n.contains("Web") || n.contains("SURRENDER")),
        "{k:?}"
    );
    assert!(!k.iter().any(|(n, _)| n.contains("Marlow")), "a handle is no name: {k:?}");
}

#[test]
fn an_apposition_is_read_only_where_it_describes_the_name() {
    let e = en(
        "",
        "R. Dana Pell, the group\u{2019}s executive director, welcomed it. Voters want to keep Kellcare, ending \
         Governor Marlow\u{2019}s plan. Files came from KestrelLeaks, according to people who saw them.",
    );
    let k = kinds(&e);
    assert!(k.contains(&("R. Dana Pell".into(), EntityKind::Person)), "{k:?}");
    assert!(k.contains(&("KestrelLeaks".into(), EntityKind::Organization)), "{k:?}");
    let e = en("", "Shoppers at Kell-Mart were angry. African-American voters had praised Brook-Vale.");
    let k = kinds(&e);
    assert!(k.contains(&("Kell-Mart".into(), EntityKind::Organization)), "a hyphenated brand: {k:?}");
    let e = en(
        "",
        "Crowds headed to Kell-fil-A shops after a Come-To-Terms talk with White House Chief of Staff Kelvo Reyes.",
    );
    let k = kinds(&e);
    assert!(k.contains(&("Kell-fil-A".into(), EntityKind::Organization)), "{k:?}");
    assert!(k.contains(&("Kelvo Reyes".into(), EntityKind::Person)), "a title of several words: {k:?}");
    assert!(!k.iter().any(|(n, _)| n.contains("Come") || n.contains("Staff")), "{k:?}");
    assert!(!k.iter().any(|(n, _)| n == "African-American"), "a people is no brand: {k:?}");
    assert!(!k.iter().any(|(n, _)| n == "Kellcare"), "{k:?}");
}

#[test]
fn a_headline_line_counts_only_what_the_text_names() {
    let e = en(
        "Governor Brook Set To Toss Her Hat Into The Race For Harbor Seat",
        "Governor Brook Set To Toss Her Hat Into The Race For Harbor Seat\n\
         Governor Ana Brook of Kell County will run for the Senate, aides said on Monday.",
    );
    let k = kinds(&e);
    assert!(k.contains(&("Ana Brook".into(), EntityKind::Person)), "{k:?}");
    assert!(!k.iter().any(|(n, _)| n.contains("Hat") || n.contains("Harbor") || n.contains("Toss")), "{k:?}");
}

#[test]
fn a_region_is_no_ones_surname_and_letters_in_capitals_no_city() {
    let e = en(
        "",
        "Migrants from Central America reached the border. America\u{2019}s courts heard the case. The court \
         ruled on DACA on Friday.",
    );
    let k = kinds(&e);
    assert!(k.contains(&("Central America".into(), EntityKind::Place)), "{k:?}");
    assert!(!k.iter().any(|(n, kind)| n == "DACA" && *kind == EntityKind::Place), "{k:?}");
    assert!(!k.iter().any(|(_, kind)| *kind == EntityKind::Person), "{k:?}");
}

#[test]
fn roles_surnames_and_heads_read_as_news_writes_them() {
    let e = en(
        "",
        "Embattled Ohio Gov. Ana Brook spoke at the State of the Union address. She once worked for \
         the newspaper\u{2019}s publisher, Katharine Vale; later National Security Adviser Tom Reyes hired her. \
         Kell Intel Group LLC and Kell Intel Group Inc paid her. Capt. Dana Pell of the Kell State Highway Patrol \
         said the Kell Post-Dispatch had it wrong. A rally honoured the Rev. Martin Luther King Jr. and the \
         author Stephen King.",
    );
    let k = kinds(&e);
    for person in ["Ana Brook", "Katharine Vale", "Tom Reyes", "Dana Pell", "Martin Luther King Jr.", "Stephen King"] {
        assert!(k.contains(&(person.into(), EntityKind::Person)), "{person}: {k:?}");
    }
    for org in ["Kell State Highway Patrol", "Kell Post-Dispatch"] {
        assert!(k.contains(&(org.into(), EntityKind::Organization)), "{org}: {k:?}");
    }
    // One company under two legal forms.
    let group: Vec<&Entity> = e.iter().filter(|x| x.name.starts_with("Kell Intel Group")).collect();
    assert_eq!(group.len(), 1, "{k:?}");
    assert_eq!((group[0].key.as_str(), group[0].kind), ("kell intel group", EntityKind::Organization));
    assert!(k.contains(&("Ohio".into(), EntityKind::Place)), "{k:?}");
    assert!(
        !k.iter().any(|(n, _)| n.contains("Embattled") || n.contains("Union") || n.contains("Adviser") || n == "Jr."),
        "{k:?}"
    );
}

#[test]
fn plural_nouns_documents_mottos_and_modifiers_are_no_names() {
    let e = en(
        "",
        "Prosecutors said the Executive Branch had erred. Sara Vale, a loyal harbour party supporter, said the \
         Constitution was clear. The coins read In God We Trust. Qaeda-linked fighters fled. \"So will Tom \
         [Reyes].\" The vote took place in Kell City of the Society for the Protection of Coastal Birds. He \
         sold a DVD.",
    );
    let k = kinds(&e);
    assert!(k.contains(&("Sara Vale".into(), EntityKind::Person)), "{k:?}");
    assert!(k.contains(&("Society for the Protection of Coastal Birds".into(), EntityKind::Organization)), "{k:?}");
    assert!(!k.iter().any(|(n, _)| n.contains(']')), "{k:?}");
    for junk in ["Prosecutors", "Branch", "Constitution", "God We Trust", "DVD"] {
        assert!(!k.iter().any(|(n, _)| n == junk), "{junk}: {k:?}");
    }
    assert!(!k.iter().any(|(n, kind)| n.contains("Qaeda") && *kind == EntityKind::Person), "{k:?}");
    assert!(!k.iter().any(|(n, _)| n.starts_with("Kell City of")), "{k:?}");
}

#[test]
fn sentence_openers_realms_months_and_first_names() {
    let e = en(
        "",
        "Attacking Lena Marsh, the senator spoke at the San Diego Civic Theater. Prime Minister Theresa May \
         agreed. Deputy Secretary for Port Security Dana Pell testified. House Democratic Leader Tom Reyes \
         objected. Lena Marsh later said her sister, Elizabeth, had no part in it. Elizabeth Marsh declined.",
    );
    let k = kinds(&e);
    for person in ["Lena Marsh", "Theresa May", "Dana Pell", "Tom Reyes", "Elizabeth Marsh"] {
        assert!(k.contains(&(person.into(), EntityKind::Person)), "{person}: {k:?}");
    }
    assert!(!k.iter().any(|(n, _)| n.contains("Attacking") || n == "Theresa" || n == "Elizabeth"), "{k:?}");
    assert!(!k.iter().any(|(n, _)| n.contains("Democratic") || n.contains("Security Dana")), "{k:?}");
    assert!(k.iter().any(|(n, _)| n.starts_with("San Diego")), "a place's first word stays: {k:?}");
}

#[test]
fn a_title_outweighs_a_noun_after_the_name() {
    let e = en(
        "",
        "He named Joseph I. Kellerman as a finalist. Mr. Kellerman, a shrewd old political operator with many \
         friends, said yes. The Senate Democratic leader objected, and the Kell Legislature voted.",
    );
    let k = kinds(&e);
    assert!(k.contains(&("Joseph I. Kellerman".into(), EntityKind::Person)), "{k:?}");
    assert!(k.contains(&("Senate".into(), EntityKind::Organization)), "{k:?}");
    assert!(k.contains(&("Kell Legislature".into(), EntityKind::Organization)), "{k:?}");
    assert!(!k.iter().any(|(n, _)| n.contains("Democratic") || n == "Joseph"), "{k:?}");
}

#[test]
fn towns_with_their_state_roles_and_english_country_names() {
    let e = en(
        "",
        "She grew up in Kellville, Texas, and later lived in Brookhaven, N.Y. A voter near Kelton, Tex., posted \
         a note. The firm was paid to represent \
         Turkey and the Ivory Coast. Kell County Sheriff Ana Lima said so on the show of radio host Tom Reyes. \
         Biden, Iowa voters said, was ahead.",
    );
    let k = kinds(&e);
    assert!(!k.iter().any(|(n, _)| n == "Tex"), "a state's abbreviation is the town's: {k:?}");
    for place in ["Kellville", "Brookhaven", "Kelton", "Turkey", "Ivory Coast", "Kell County"] {
        assert!(k.contains(&(place.into(), EntityKind::Place)), "{place}: {k:?}");
    }
    for person in ["Ana Lima", "Tom Reyes"] {
        assert!(k.contains(&(person.into(), EntityKind::Person)), "{person}: {k:?}");
    }
    assert!(!k.iter().any(|(n, kind)| n == "Biden" && *kind == EntityKind::Place), "a list is no town: {k:?}");
}

#[test]
fn a_middle_initial_is_the_same_person() {
    let e = en(
        "",
        "Senator Ana M. Brook spoke first. Later Ana Brook said the vote would wait, and Brook left. Former \
         President George H. W. Bush and President George W. Bush were both named.",
    );
    let brook: Vec<&Entity> = e.iter().filter(|x| x.key.contains("brook")).collect();
    assert_eq!(brook.len(), 1, "one person: {e:?}");
    assert_eq!(
        (brook[0].key.as_str(), brook[0].name.as_str(), brook[0].mentions),
        ("ana brook", "Ana M. Brook", 3),
        "{e:?}"
    );
    assert!(e.iter().any(|x| x.name == "George H. W. Bush") && e.iter().any(|x| x.name == "George W. Bush"), "{e:?}");
    // Alone, the name is keyed without its initial too, as other articles write it.
    let e = en("", "Justice Neil M. Gorsuch wrote the opinion for the court on Monday.");
    assert_eq!(find(&e, "neil gorsuch").name, "Neil M. Gorsuch", "{e:?}");
}

#[test]
fn a_countrys_lowercase_adjective_and_a_people_named_as_its_country() {
    let e = extract_entities(
        "",
        "Des élections se tiennent en Guinée équatoriale et en Arabie saoudite. En Suisse, le Suisse Paul Kell \
         a voté.",
        Some("fr"),
    );
    let k = kinds(&e);
    for place in ["Guinée équatoriale", "Arabie saoudite", "Suisse"] {
        assert!(k.contains(&(place.into(), EntityKind::Place)), "{place}: {k:?}");
    }
    assert!(!k.iter().any(|(n, _)| n == "Guinée" || n == "Arabie"), "{k:?}");
    assert!(k.contains(&("Paul Kell".into(), EntityKind::Person)), "{k:?}");
}

#[test]
fn a_name_beside_a_persons_full_name_is_a_persons() {
    let e = en(
        "",
        "Since then Newt Kellerby and Rick Santorum have agreed to debate, but Kell Harbour and Anna Vale have not.",
    );
    let k = kinds(&e);
    assert!(k.contains(&("Newt Kellerby".into(), EntityKind::Person)), "{k:?}");
    assert!(!k.iter().any(|(n, kind)| n == "Kell Harbour" && *kind == EntityKind::Person), "a place's word: {k:?}");
}

proptest::proptest! {
    /// Any text in any mix of scripts, with any language tag: entities come out without a
    /// panic, at most 40, each with a key and a name.
    #[test]
    fn any_text_gives_sound_entities(
        words in proptest::collection::vec(
            "([A-ZА-ЯЁ][a-zа-яё]{0,9}|[a-zа-яё]{1,8}|[\u{0621}-\u{064A}]{1,6}|[\u{4E00}-\u{4E80}]{1,4}|[.,;:!?\"«»()-]|[A-ZА-Я]{2,4})",
            0..80,
        ),
        language in proptest::sample::select(vec![None, Some("en"), Some("de"), Some("fr"), Some("es"), Some("ru"), Some("ar"), Some("zh")]),
    ) {
        let text = words.join(" ");
        let entities = extract_entities(&text.chars().take(60).collect::<String>(), &text, language);
        proptest::prop_assert!(entities.len() <= 40);
        for e in &entities {
            proptest::prop_assert!(!e.key.is_empty() && !e.name.is_empty(), "{e:?}");
        }
    }
}

#[test]
fn a_short_text_is_read_in_the_language_of_its_plain_words() {
    // Names crowd a short text; read whole, this one is guessed to be French.
    let e = extract_entities("Speech", "Senator Marten Lindqvist spoke to Congress on Monday.", None);
    assert_eq!(find(&e, "marten lindqvist").kind, EntityKind::Person, "{e:?}");
}

#[test]
fn given_names_of_many_countries_are_evidence_of_a_person() {
    let e = en("Prize", "The harbour prize went to Jürgen Wendel and Chloé Marten on Friday.");
    assert_eq!(find(&e, "jürgen wendel").kind, EntityKind::Person, "{e:?}");
    assert_eq!(find(&e, "chloé marten").kind, EntityKind::Person, "{e:?}");
    let e = extract_entities("Kurz", "Olaf Lindqvist reiste am Montag nach Kiel.", Some("de"));
    assert_eq!(find(&e, "olaf lindqvist").kind, EntityKind::Person, "{e:?}");
    // Given names that are common words are not on the list.
    let e = en("Grants", "The Kell Agency for Urban Renewal expects its grants to rise next year.");
    assert!(!e.iter().any(|x| x.kind == EntityKind::Person), "{e:?}");
}

#[test]
fn a_lone_opening_word_is_named_by_an_apposition_only_with_an_article() {
    let e = en(
        "Quay",
        "Nonetheless, many call the harbour master a hero.\n\"Hi, Senator. How are you?\" a reporter asked.",
    );
    assert!(!e.iter().any(|x| x.key == "nonetheless" || x.key == "hi"), "{e:?}");
    let e = en("Quay", "The quay will close. Wendelborg, the harbour's spokesman, said the work would take six weeks.");
    assert_eq!(find(&e, "wendelborg").kind, EntityKind::Person, "{e:?}");
}

#[test]
fn a_title_that_opens_a_clause_is_no_apposition() {
    let e = en("Vote", "The count ended at the Kell Rotunda, her spokesman said on Monday.");
    assert!(!e.iter().any(|x| x.kind == EntityKind::Person), "{e:?}");
    let e = en("Letter", "Ana Brook, chairman and chief executive of Kell Air, sent a letter on Monday.");
    assert_eq!(find(&e, "ana brook").kind, EntityKind::Person, "two titles of one person: {e:?}");
}

#[test]
fn an_office_holders_office_is_one_organisation() {
    let e = en("Quay", "The men were found, according to the Kell County Sheriff's Office.");
    assert_eq!(find(&e, "kell county sheriff's office").kind, EntityKind::Organization, "{e:?}");
    assert!(!e.iter().any(|x| x.key == "office"), "{e:?}");
    let e = en("Race", "Ana Brook's Senate campaign raised money on Monday.");
    assert!(!e.iter().any(|x| x.key.contains("brook's senate")), "an owner of no office: {e:?}");
}

#[test]
fn a_letter_or_a_partys_adjective_alone_is_no_name() {
    let e = en(
        "Bill",
        "The bill passed on Monday. Gov. Ana Brook (R) signed it, and the billionaire Democratic donor Tomas Wendel praised it.",
    );
    assert!(!e.iter().any(|x| x.key == "r" || x.key == "democratic"), "{e:?}");
    assert_eq!(find(&e, "ana brook").kind, EntityKind::Person, "{e:?}");
}

#[test]
fn a_companys_legal_form_says_a_company_and_is_no_part_of_its_key() {
    let e = en("Results", "Kellworks Inc. said on Tuesday that sales rose. Shares of Kellworks gained 2%.");
    let company: Vec<&Entity> = e.iter().filter(|x| x.key.starts_with("kellworks")).collect();
    assert_eq!(company.len(), 1, "one company: {e:?}");
    assert_eq!((company[0].key.as_str(), company[0].kind), ("kellworks", EntityKind::Organization));
    let e = en("Attack", "A cyberattack on Tessaro SA, the meat packer, halted work at its plants.");
    assert_eq!(find(&e, "tessaro").kind, EntityKind::Organization, "{e:?}");
}

#[test]
fn lawmakers_with_their_states_are_people() {
    let e = en("Leaders", "Ana Brook, Maryland, kept the No. 2 job. GOP Sens. Lisa Kellner and Tomas Wendel voted no.");
    for key in ["ana brook", "lisa kellner", "tomas wendel"] {
        assert_eq!(find(&e, key).kind, EntityKind::Person, "{key}: {e:?}");
    }
    assert!(!e.iter().any(|x| x.key == "sens"), "{e:?}");
}

#[test]
fn to_is_no_preposition_of_place() {
    // "compared it to", "according to", "spoke to": what follows "to" is as often a person.
    let e = en("Plan", "Mr. Kell compared the plan to Zorvan Pettibone's order of last year.");
    assert!(!e.iter().any(|x| x.kind == EntityKind::Place), "{e:?}");
}

#[test]
fn known_organisations_keep_their_names_beside_others() {
    let e = en(
        "Rates",
        "The ECB and US Federal Reserve held their rates on Tuesday. Angry Justice Department lawyers \
         said nothing.",
    );
    for key in ["european central bank", "federal reserve", "department of justice"] {
        assert_eq!(find(&e, key).kind, EntityKind::Organization, "{key}: {e:?}");
    }
    assert_eq!(find(&e, "united states").kind, EntityKind::Place, "{e:?}");
    assert!(!e.iter().any(|x| x.key.starts_with("angry ") || x.key.starts_with("us ")), "{e:?}");
}

#[test]
fn shouted_words_and_time_zones_are_no_names() {
    let e = en(
        "Ruling",
        "The motion was GRANTED on Monday, and the court granted a stay. The hearing opens at 9 a.m. EST \
         (14:00 GMT) in Kell City. NATO said nothing.",
    );
    assert!(!e.iter().any(|x| matches!(x.key.as_str(), "granted" | "est" | "gmt")), "{e:?}");
    assert_eq!(find(&e, "nato").kind, EntityKind::Organization, "{e:?}");
}

#[test]
fn hyphenated_and_plural_titles_and_modifiers_stay_out_of_names() {
    let e = en(
        "Court",
        "On Monday the board met President-elect Tomas Wendel and Kellpress Editor-in-Chief Ana Brook. Later \
         Justices Marten Lindqvist and Rosa Pell asked questions, and the Republican-dominated Kell Assembly voted.",
    );
    let k = kinds(&e);
    for person in ["Tomas Wendel", "Ana Brook", "Marten Lindqvist", "Rosa Pell"] {
        assert!(k.contains(&(person.into(), EntityKind::Person)), "{person}: {k:?}");
    }
    assert!(!k.iter().any(|(n, _)| n.contains('-') || n.starts_with("Justices")), "{k:?}");
    let e = en("Recall", "Kellbrook Foods recalled its pies, the Port Alder Enquirer reported on Monday.");
    assert_eq!(find(&e, "kellbrook foods").kind, EntityKind::Organization, "{e:?}");
    assert_eq!(find(&e, "port alder enquirer").kind, EntityKind::Organization, "{e:?}");
}

#[test]
fn a_short_text_in_a_language_only_guessed_still_names_countries_and_foreign_companies() {
    // Its plain words alone read as French; the whole text reads surer as English.
    let e = extract_entities("", "A ferry fire off Kell Island, Greece, kills at least 12 people.", None);
    assert_eq!(find(&e, "greece").kind, EntityKind::Place, "{e:?}");
    // Swedish is guessed as one of the languages with name cues, which writes Finland otherwise.
    let e = extract_entities("", "Danmark blir medlem i rådet.", None);
    assert_eq!(find(&e, "denmark").kind, EntityKind::Place, "{e:?}");
    // A name in Latin letters in a Cyrillic text is read by English head nouns too.
    let e = extract_entities("", "У понеділок Kellridge Bank та Portside Bank оголосили про банкрутство.", None);
    assert_eq!(find(&e, "kellridge bank").kind, EntityKind::Organization, "{e:?}");
}

#[test]
fn common_nouns_abbreviated_and_peoples_before_an_institution_are_no_names() {
    let e = en(
        "Schools",
        "The board debated the harbour levy plan (HLP) on Monday, and critics of the HLP spoke. The \
         European Central Bank (ECB) was not consulted, the ECB said.",
    );
    assert!(!e.iter().any(|x| x.key == "hlp"), "{e:?}");
    assert_eq!(find(&e, "european central bank").kind, EntityKind::Organization, "{e:?}");
    let e = en("Court", "She became the first Mexican American Supreme Court justice on Monday.");
    assert_eq!(find(&e, "supreme court").kind, EntityKind::Organization, "{e:?}");
    assert!(!e.iter().any(|x| x.name.contains("American")), "{e:?}");
}

#[test]
fn a_place_after_of_is_no_surname_of_the_name_it_ends() {
    let e = en(
        "Ruling",
        "A judge of the Kell District Court for the District of Nevada ruled on Friday. Nevada banned the \
         sale in 1989, and the state will appeal.",
    );
    assert_eq!(find(&e, "nevada").kind, EntityKind::Place, "{e:?}");
}

#[test]
fn a_known_organisations_letters_and_digits_are_its_name() {
    let e = en("Summit", "Leaders of the G7 met in Kell on Monday, and the G20 will meet in the autumn.");
    assert_eq!(find(&e, "group of seven").kind, EntityKind::Organization, "{e:?}");
    assert_eq!(find(&e, "group of twenty").kind, EntityKind::Organization, "{e:?}");
}

#[test]
fn a_party_in_parentheses_after_a_name_is_named_and_a_credit_is_not() {
    let e =
        extract_entities("Werft", "Olaf Kellner (SPD) sagte am Montag in Kiel, die Werft bleibe offen.", Some("de"));
    assert_eq!(find(&e, "spd").kind, EntityKind::Organization, "{e:?}");
    assert_eq!(find(&e, "olaf kellner").kind, EntityKind::Person, "{e:?}");
    let e = en("Quay", "Kellport (Harbor Wire) -- The quay will close for six weeks, officials said on Monday.");
    assert!(!e.iter().any(|x| x.key.contains("harbor wire")), "{e:?}");
}

#[test]
fn a_countrys_german_genitive_is_the_country() {
    let e = extract_entities(
        "Wirtschaft",
        "Der Präsident Frankreichs sprach am Montag in Kiel über die Häfen.",
        Some("de"),
    );
    assert_eq!(find(&e, "france").kind, EntityKind::Place, "{e:?}");
}

#[test]
fn a_verb_opening_a_sentence_is_no_part_of_the_name_after_it() {
    let e =
        en("Trip", "Courting Kell County voters, the mayor spoke on Monday. Vaccinated Americans may travel again.");
    assert_eq!(find(&e, "kell county").kind, EntityKind::Place, "{e:?}");
    assert!(!e.iter().any(|x| x.key.starts_with("courting") || x.key.starts_with("vaccinated")), "{e:?}");
}

#[test]
fn a_french_institutions_lowercase_adjectives_are_its_name() {
    let e = extract_entities(
        "Vote",
        "Le Conseil régional a voté lundi à Rennes, et le Parti écologiste a protesté.",
        Some("fr"),
    );
    assert_eq!(find(&e, "conseil régional").kind, EntityKind::Organization, "{e:?}");
    assert_eq!(find(&e, "parti écologiste").kind, EntityKind::Organization, "{e:?}");
}

#[test]
fn german_and_dutch_name_particles_hold_in_french_and_spanish() {
    let e = extract_entities("Port", "Selon Karl von der Brücke, le port de Brest rouvrira lundi.", Some("fr"));
    assert_eq!(find(&e, "karl von der brücke").kind, EntityKind::Person, "{e:?}");
    let e = extract_entities("Puerto", "Según Pieter van den Berg, el puerto de Vigo abrirá el lunes.", Some("es"));
    assert_eq!(find(&e, "pieter van den berg").kind, EntityKind::Person, "{e:?}");
}

#[test]
fn a_lowercase_ministry_and_its_portfolio_are_one_organisation() {
    let e = extract_entities(
        "Port",
        "Le ministère de l'Agriculture a annoncé mardi une aide. Selon le ministère de la Transition énergétique, \
         le port de Brest rouvrira.",
        Some("fr"),
    );
    assert_eq!(find(&e, "ministère de l'agriculture").kind, EntityKind::Organization, "{e:?}");
    assert_eq!(find(&e, "ministère de la transition énergétique").kind, EntityKind::Organization, "{e:?}");
    assert!(!e.iter().any(|x| x.key == "agriculture" || x.key == "transition"), "{e:?}");
    let e = en("Harbour", "The ministry of Fisheries said on Monday that the harbour would reopen.");
    assert_eq!(find(&e, "ministry of fisheries").kind, EntityKind::Organization, "{e:?}");
}

#[test]
fn a_ministers_portfolio_is_the_title_and_a_country_the_realm() {
    let e = extract_entities(
        "Port",
        "Le ministre de la Mer Karl Lindqvist a visité Brest. La ministre de la Culture a démenti. \
         Le Premier ministre de Norvège est attendu.",
        Some("fr"),
    );
    assert_eq!(find(&e, "karl lindqvist").kind, EntityKind::Person, "{e:?}");
    assert!(!e.iter().any(|x| x.key.contains("mer") || x.key.contains("culture")), "{e:?}");
    assert_eq!(find(&e, "norway").kind, EntityKind::Place, "{e:?}");
    let e = en("Visit", "Ana Brook, the prime minister of New Zealand, visited Kell Harbour.");
    assert_eq!(find(&e, "new zealand").kind, EntityKind::Place, "{e:?}");
}

#[test]
fn a_capitalised_article_inside_a_sentence_opens_the_name() {
    let e = extract_entities(
        "Port",
        "Interrogé par Le Courrier, le porte-parole a refusé de commenter. Hélène Le Garrec a déclaré lundi que \
         le port rouvrirait. Le Garrec a ajouté que rien n'était décidé.",
        Some("fr"),
    );
    assert_eq!(find(&e, "le courrier").kind, EntityKind::Organization, "{e:?}");
    let person = find(&e, "hélène le garrec");
    assert_eq!((person.kind, person.mentions), (EntityKind::Person, 2), "the surname alone is hers: {e:?}");
    let e = extract_entities("Puerto", "Según El Heraldo, el presidente del puerto de Vigo habló.", Some("es"));
    assert_eq!(find(&e, "el heraldo").kind, EntityKind::Organization, "{e:?}");
}

#[test]
fn a_verb_of_saying_after_a_comma_opens_a_clause_not_an_apposition() {
    let e = extract_entities(
        "Banque",
        "Selon Paul Kervella, a déclaré lundi que la Banque de Bretagne restait prudente.",
        Some("fr"),
    );
    assert_eq!(find(&e, "paul kervella").kind, EntityKind::Person, "{e:?}");
    let e = extract_entities(
        "Banco",
        "El portavoz, Pablo Lindqvist, ha dicho que el Banco de Galicia sigue prudente.",
        Some("es"),
    );
    assert_eq!(find(&e, "pablo lindqvist").kind, EntityKind::Person, "{e:?}");
}

#[test]
fn a_datelines_city_is_a_place_in_every_language() {
    let e = extract_entities("Grève", "BREST (Agence) - Les dockers ont cessé le travail lundi.", Some("fr"));
    assert_eq!(find(&e, "brest").kind, EntityKind::Place, "{e:?}");
    let e = extract_entities("Huelga", "VIGO (Agencia) - Los estibadores pararon el lunes.", Some("es"));
    assert_eq!(find(&e, "vigo").kind, EntityKind::Place, "{e:?}");
}

#[test]
fn a_german_title_compound_before_a_name_is_the_title() {
    let e = extract_entities(
        "Werft",
        "Werft-Personalvorstand Olaf Kellner nannte den Streik unnötig. Abteilungsleiterin Ilse Brandt schwieg.",
        Some("de"),
    );
    assert_eq!(find(&e, "olaf kellner").kind, EntityKind::Person, "{e:?}");
    assert_eq!(find(&e, "ilse brandt").kind, EntityKind::Person, "{e:?}");
    assert!(!e.iter().any(|x| x.name.contains("vorstand") || x.name.contains("leiterin")), "{e:?}");
}

#[test]
fn a_government_named_by_its_leader_gives_the_leader() {
    let e = extract_entities("Reforma", "La reforma del Gobierno de Ana Lindqvist es insuficiente.", Some("es"));
    assert_eq!(find(&e, "ana lindqvist").kind, EntityKind::Person, "{e:?}");
    let e = en("Reform", "The Administration of Kell Brookman responded. The University of Mary Kellwood opened.");
    assert_eq!(find(&e, "university of mary kellwood").kind, EntityKind::Organization, "{e:?}");
    let e = extract_entities("Reform", "Die Regierung von Olaf Kellner hat die Reform beschlossen.", Some("de"));
    assert_eq!(find(&e, "olaf kellner").kind, EntityKind::Person, "{e:?}");
}

#[test]
fn a_surname_before_a_governments_noun_is_its_leader() {
    let e = en(
        "Ferry deal",
        "The Kellbrook administration rejected the ferry deal. Officials said the Sherman government would not change course, and the Marion regime denied it.",
    );
    for leader in ["kellbrook", "sherman", "marion"] {
        assert_eq!(find(&e, leader).kind, EntityKind::Person, "{e:?}");
    }
    // A people's word, a capital standing for its country, an adjective of a headline and an
    // institution's word are no leader.
    let e = en(
        "The Federal Government Responds",
        "The Afghan government and the Kabul government said so, and the House administration committee agreed.",
    );
    let k = kinds(&e);
    assert!(!k.iter().any(|(_, kind)| *kind == EntityKind::Person), "{k:?}");
    assert_eq!(find(&e, "kabul").kind, EntityKind::Place, "{k:?}");
}

#[test]
fn a_german_places_genitive_is_the_place_and_a_surname_that_names_a_place_is_the_persons() {
    let e = extract_entities(
        "Hafen",
        "Hamburgs Bürgermeisterin Ilse Söder hat den Hafen besucht. Söder sagte in Kiel, die Werft bleibe offen.",
        Some("de"),
    );
    let k = kinds(&e);
    assert_eq!((find(&e, "hamburg").kind, find(&e, "hamburg").name.as_str()), (EntityKind::Place, "Hamburg"), "{k:?}");
    let person = find(&e, "ilse söder");
    assert_eq!((person.kind, person.mentions), (EntityKind::Person, 2), "{k:?}");
    assert!(!k.iter().any(|(n, _)| n == "Söder"), "{k:?}");
}

#[test]
fn laboratories_observatories_and_directorates_are_organisations() {
    let e = en(
        "Telescope",
        "Astronomers at the Kellmoor Observatory and the Alder Marine Laboratory said the Space Weather Directorate \
         would publish the data.",
    );
    let k = kinds(&e);
    for name in ["Kellmoor Observatory", "Alder Marine Laboratory", "Space Weather Directorate"] {
        assert!(k.contains(&(name.into(), EntityKind::Organization)), "{name}: {k:?}");
    }
}

#[test]
fn institutions_by_their_head_nouns_in_german_french_and_spanish() {
    let e = extract_entities(
        "Hafen",
        "Die IG Hafen fordert Geld. Laut dem Deutschen Seedienst bleibt Kiel offen.",
        Some("de"),
    );
    let k = kinds(&e);
    assert!(k.contains(&("IG Hafen".into(), EntityKind::Organization)), "{k:?}");
    assert!(k.contains(&("Deutschen Seedienst".into(), EntityKind::Organization)), "{k:?}");
    let e = extract_entities("Puerto", "La Guardia Portuaria detuvo a tres personas en Vigo.", Some("es"));
    assert!(kinds(&e).contains(&("Guardia Portuaria".into(), EntityKind::Organization)), "{e:?}");
    let e = extract_entities("Port", "Selon la Chambre Maritime de Brest, le port rouvrira.", Some("fr"));
    assert!(kinds(&e).contains(&("Chambre Maritime de Brest".into(), EntityKind::Organization)), "{e:?}");
}

#[test]
fn portuguese_italian_and_dutch_titles_articles_and_datelines() {
    let e = extract_entities(
        "Porto",
        "O ministro Tiago Kellmar visitou o porto nesta terça-feira. Em Lisboa, os estivadores pararam.",
        Some("pt"),
    );
    let k = kinds(&e);
    assert!(k.contains(&("Tiago Kellmar".into(), EntityKind::Person)), "{k:?}");
    assert!(k.contains(&("Lisboa".into(), EntityKind::Place)), "{k:?}");
    assert!(!k.iter().any(|(n, _)| n.starts_with("Em ")), "{k:?}");
    let e = extract_entities("Porto", "GENOVA - Il porto resta chiuso, ha detto il sindaco.", Some("it"));
    assert_eq!(find(&e, "genoa").kind, EntityKind::Place, "{e:?}");
    let e =
        extract_entities("Haven", "Minister Joost Kellerman zei in Rotterdam dat de haven open blijft.", Some("nl"));
    assert!(kinds(&e).contains(&("Joost Kellerman".into(), EntityKind::Person)), "{e:?}");
}

#[test]
fn a_title_in_the_plural_is_every_joined_names() {
    let e = en("Ruling", "The ruling was joined by Justices Ana Brook and Kellan Marsh Jackson on Friday.");
    let k = kinds(&e);
    assert!(k.contains(&("Ana Brook".into(), EntityKind::Person)), "{k:?}");
    assert!(k.contains(&("Kellan Marsh Jackson".into(), EntityKind::Person)), "{k:?}");
    let e = en("Funeral", "Former Presidents Brookfield and Marsh attended the funeral in Kell Harbour.");
    let k = kinds(&e);
    assert!(k.contains(&("Brookfield".into(), EntityKind::Person)), "{k:?}");
    assert!(k.contains(&("Marsh".into(), EntityKind::Person)), "{k:?}");
}

#[test]
fn a_relative_clause_says_what_a_name_did_and_common_abbreviations_name_nothing() {
    let e = en(
        "Trial",
        "His former partner Mara Kellwood, who ran the trading firm Kell Research, testified. The company bets on AI, \
         EV batteries and an ETF, and the CPI rose. Clinics ran short of PPE as COVID cases rose and PCR tests \
         ran out. The staff BBQ went ahead anyway.",
    );
    let k = kinds(&e);
    assert!(k.contains(&("Mara Kellwood".into(), EntityKind::Person)), "{k:?}");
    assert!(
        !k.iter().any(|(n, _)| ["AI", "EV", "ETF", "CPI", "PPE", "COVID", "PCR", "BBQ"].contains(&n.as_str())),
        "{k:?}"
    );
}

#[test]
fn a_guild_is_an_organisation_and_secretary_general_a_title() {
    let e = en(
        "Talks",
        "The Harbour Pilots Guild of Kellport went on strike. Alliance Secretary-General Mara Kellwood said talks would resume.",
    );
    let k = kinds(&e);
    assert!(k.contains(&("Harbour Pilots Guild of Kellport".into(), EntityKind::Organization)), "{k:?}");
    assert!(k.contains(&("Mara Kellwood".into(), EntityKind::Person)), "{k:?}");
}

#[test]
fn a_name_that_ends_as_surnames_do_is_a_persons() {
    let e = en("Final", "Marko Kellovic won the final on Sunday, beating Ilya Brannikov in straight sets.");
    let k = kinds(&e);
    assert!(k.contains(&("Marko Kellovic".into(), EntityKind::Person)), "{k:?}");
    assert!(k.contains(&("Ilya Brannikov".into(), EntityKind::Person)), "{k:?}");
    // Not a people's word or a common word before it, and not a place.
    let e = en("Final", "Only Brannikova finished. Russian Kellova came second in Kell Harbour.");
    assert!(!kinds(&e).iter().any(|(n, _)| n.starts_with("Only") || n.starts_with("Russian")), "{e:?}");
}

#[test]
fn a_given_name_the_list_lacks_before_a_common_surname_is_a_persons() {
    let e = en("Vote", "The council ousted Kellvo Morales on Monday, and Brannic Goodwin looked on.");
    let k = kinds(&e);
    assert!(k.contains(&("Kellvo Morales".into(), EntityKind::Person)), "{k:?}");
    assert!(k.contains(&("Brannic Goodwin".into(), EntityKind::Person)), "{k:?}");
    // Not after a common word, an article of another language or a title, and not where a
    // listed given name inside starts the name.
    let e = en(
        "Vote",
        "Viewers of Morning Goodwin wrote in. A film about El Morales opened. \
         The Secretary of the Interior Ryan Goodwin spoke.",
    );
    let k = kinds(&e);
    for wrong in ["Morning Goodwin", "El Morales", "Interior Ryan Goodwin"] {
        assert!(!k.iter().any(|(n, _)| n == wrong), "{wrong} in {k:?}");
    }
}

#[test]
fn common_words_before_a_given_name_and_a_surname_describe_the_person() {
    let e = en(
        "Deaths",
        "Public Ombudsman Ana Morales said on Tuesday that the deaths were caused by gunshot wounds, \
         and the office asked for calm. Later, State Auditor Kellvo Goodwin met Rita Goodwin.",
    );
    let k = kinds(&e);
    assert!(k.contains(&("Ana Morales".into(), EntityKind::Person)), "{k:?}");
    assert!(!k.iter().any(|(n, _)| n.contains("Ombudsman") || n.contains("Auditor")), "{k:?}");
    // Not where what follows the given name is a common word or no surname: "Angus Beef",
    // "Pearl Kellwater-Brix" are no people.
    let e = en(
        "Beef",
        "The shop sells Kellmark Angus Beef to diners, and the crew flew home to Fort Pearl Kellwater-Brix \
         on Monday after the long exercise.",
    );
    let k = kinds(&e);
    assert!(
        !k.iter().any(|(n, kind)| *kind == EntityKind::Person && (n.contains("Beef") || n.contains("Brix"))),
        "{k:?}"
    );
}

#[test]
fn a_title_and_a_name_after_of_are_a_name_of_their_own() {
    let e = en(
        "Visit",
        "News of General Ana Brook's visit spread through the port on Friday, and crowds gathered by the water. \
         The Department of General Services said the roads would close. News of Admiral Morales's arrival \
         came later, and the Bank of Kellmark Governor Rita Vell spoke.",
    );
    let k = kinds(&e);
    assert!(!k.iter().any(|(n, _)| n.starts_with("News") || n.ends_with("Governor")), "{k:?}");
    assert!(k.contains(&("Department of General Services".into(), EntityKind::Organization)), "{k:?}");
}

#[test]
fn european_portuguese_spellings_name_countries_and_a_zone_is_a_place() {
    let e = extract_entities(
        "Visita",
        "O presidente do Irão visitou o Quénia e a Chéquia na semana passada. A Kellvânia junta-se à Zona Euro \
         no primeiro dia do ano, disse o governo.",
        Some("pt"),
    );
    let k = kinds(&e);
    for place in ["Irão", "Quénia", "Chéquia", "Zona Euro"] {
        assert!(k.contains(&(place.into(), EntityKind::Place)), "{place} in {k:?}");
    }
    assert_eq!(find(&e, "iran").kind, EntityKind::Place, "keyed as the country in every language");
}

#[test]
fn english_words_joined_by_a_hyphen_are_no_brand_but_a_newspapers_name_is() {
    let e = en(
        "Letters",
        "The column answered a letter from Kind-Hearted about the closed lock on Monday, and the Harbour-Ledger \
         printed it beside an advertisement from Brixo-Mart.",
    );
    let k = kinds(&e);
    assert!(!k.iter().any(|(n, _)| n == "Kind-Hearted"), "{k:?}");
    assert!(k.contains(&("Harbour-Ledger".into(), EntityKind::Organization)), "{k:?}");
    assert!(k.contains(&("Brixo-Mart".into(), EntityKind::Organization)), "{k:?}");
}

#[test]
fn a_states_postal_code_after_a_preposition_of_place_is_the_state() {
    let e = en("Voters", "It is not too late for the undecided voters in NJ, she wrote on her blog on Monday.");
    assert_eq!(find(&e, "new jersey").kind, EntityKind::Place, "{e:?}");
}

#[test]
fn an_abbreviation_of_the_last_words_of_a_name_is_that_name() {
    let e = en(
        "Review",
        "The Kellmark Transport Department Harbour Review Board published its findings on Monday. \
         The HRB said the quay had been closed too late, and the HRB asked for new rules.",
    );
    assert!(!e.iter().any(|x| x.name == "HRB"), "{e:?}");
    let board = find(&e, "kellmark transport department harbour review board");
    assert_eq!((board.kind, board.mentions), (EntityKind::Organization, 3), "{e:?}");
}

#[test]
fn a_company_named_with_its_kind_and_alone_is_one_organisation() {
    let e = en(
        "Shares",
        "Kellworks Stores Inc. said on Monday that sales rose, and Kellworks will open ten shops. \
         Kellworks said prices would hold. Oslo Holdings, a fund, bought a hotel in Oslo last week.",
    );
    let kellworks = find(&e, "kellworks");
    assert_eq!((kellworks.kind, kellworks.mentions), (EntityKind::Organization, 3), "{e:?}");
    assert!(!e.iter().any(|x| x.key == "kellworks stores"), "{e:?}");
    assert_eq!(find(&e, "oslo").kind, EntityKind::Place, "a place's name stays the place's: {e:?}");
}

#[test]
fn the_capitol_is_a_place_and_its_police_an_organisation() {
    let e = en(
        "Protest",
        "Protesters gathered outside the Capitol on Wednesday, and the Capitol Police closed two streets.",
    );
    let k = kinds(&e);
    assert!(k.contains(&("Capitol".into(), EntityKind::Place)), "{k:?}");
    assert!(k.contains(&("Capitol Police".into(), EntityKind::Organization)), "{k:?}");
}

#[test]
fn a_russian_institution_opens_with_a_capitalised_adjective() {
    let e = extract_entities(
        "Выборы",
        "Северная избирательная комиссия объявила итоги. Приморский суд Кельска приговорил Ивана Лесного к штрафу. \
         Правая партия «Кельский союз» получила треть голосов.",
        Some("ru"),
    );
    let k = kinds(&e);
    assert!(k.contains(&("Северная избирательная комиссия".into(), EntityKind::Organization)), "{k:?}");
    assert!(k.contains(&("Приморский суд".into(), EntityKind::Organization)), "{k:?}");
    assert!(!k.iter().any(|(n, _)| n.starts_with("Правая")), "a description before a quoted name: {k:?}");
}

#[test]
fn seats_of_government_named_for_their_occupants_are_organisations() {
    let e = extract_entities("Port", "L'Élysée n'a pas réagi. Selon Brest Matin, le port rouvrira.", Some("fr"));
    assert_eq!(find(&e, "élysée").kind, EntityKind::Organization, "{e:?}");
    let e = en("Visit", "Downing Street said the prime minister would visit Kell Harbour on Monday.");
    assert_eq!(find(&e, "downing street").kind, EntityKind::Organization, "{e:?}");
}

#[test]
fn a_place_whose_name_opens_with_an_article_keeps_it_at_a_sentences_start() {
    let e = extract_entities("Port", "Le Havre a rouvert son port. Le Conseil régional a voté lundi.", Some("fr"));
    let k = kinds(&e);
    assert!(k.contains(&("Le Havre".into(), EntityKind::Place)), "{k:?}");
    assert!(k.contains(&("Conseil régional".into(), EntityKind::Organization)), "{k:?}");
    let e = extract_entities("Puerto", "La Paz amaneció tranquila. La Guardia Portuaria detuvo a dos.", Some("es"));
    let k = kinds(&e);
    assert!(k.contains(&("La Paz".into(), EntityKind::Place)), "{k:?}");
    assert!(k.contains(&("Guardia Portuaria".into(), EntityKind::Organization)), "{k:?}");
}

#[test]
fn a_title_after_then_or_former_and_a_hyphen_is_a_title() {
    let e =
        en("", "The levy was first proposed by then-President Kellerman, and former-Governor Whitbrook opposed it.");
    assert_eq!(find(&e, "kellerman").kind, EntityKind::Person, "{e:?}");
    assert_eq!(find(&e, "whitbrook").kind, EntityKind::Person, "{e:?}");
}

#[test]
fn a_slash_between_two_names_parts_them() {
    let e = en("", "The Kellmark Group/Harbour Ferries venture will run the crossing, its board said.");
    assert_eq!(find(&e, "kellmark group").kind, EntityKind::Organization, "{e:?}");
    assert_eq!(find(&e, "harbour ferries").kind, EntityKind::Organization, "{e:?}");
    assert!(!e.iter().any(|x| x.name.contains('/')), "{e:?}");
    // Alternatives written with a slash are no names: the word before it says nothing of the
    // word after it.
    let e = en("", "The new rules silence Republican/Libertarian voices, he said.");
    assert!(e.is_empty(), "{e:?}");
}

#[test]
fn an_abbreviation_before_an_ellipsis_keeps_one_dot() {
    let e = en("", "Critics said the tariff would mostly hurt farmers in the U.S....");
    let us = e.iter().find(|x| x.name.starts_with("U.S")).unwrap_or_else(|| panic!("{e:?}"));
    assert_eq!((us.name.as_str(), us.kind), ("U.S.", EntityKind::Place));
}

#[test]
fn an_employer_named_after_a_role_is_an_organisation() {
    let e = en(
        "",
        "Prices will keep rising, said Ana Brook, a partner at Kell Whitby. Joan Marsh, co-founder of \
         Tessaro Research, said the same. Economists at the Brannock Group agreed.",
    );
    assert_eq!(find(&e, "kell whitby").kind, EntityKind::Organization, "{e:?}");
    assert_eq!(find(&e, "tessaro research").kind, EntityKind::Organization, "{e:?}");
    assert_eq!(find(&e, "brannock group").kind, EntityKind::Organization, "{e:?}");
    assert_eq!(find(&e, "ana brook").kind, EntityKind::Person);
    assert_eq!(find(&e, "joan marsh").kind, EntityKind::Person);
    // A client is not an employer: a lawyer for someone works for a person as often.
    let e = en("", "A lawyer for Joan Marsh said she would appeal.");
    assert_eq!(find(&e, "joan marsh").kind, EntityKind::Person, "{e:?}");
}

#[test]
fn a_name_after_a_preposition_is_not_the_one_who_speaks() {
    // Only the verb after it said anything of "Kellmoor Wexley"; the verb is Ana
    // Brook's.
    let e = en("", "Ana Brook, who ran the drive for Kellmoor Wexley, said on Monday it had ended.");
    assert!(!e.iter().any(|x| x.key == "kellmoor wexley" && x.kind == EntityKind::Person), "{e:?}");
    assert_eq!(find(&e, "ana brook").kind, EntityKind::Person);
}

#[test]
fn institutions_named_with_a_place_or_a_given_name_first_stay_whole() {
    let e = en("", "The Nevada Department of Wildlife said the herd was healthy.");
    assert_eq!(find(&e, "nevada department of wildlife").kind, EntityKind::Organization, "{e:?}");
    let e = en("", "Joan Marsh, a professor at the Kellford College of Law, wrote the brief.");
    assert_eq!(find(&e, "kellford college of law").kind, EntityKind::Organization, "{e:?}");
    let e =
        en("", "The Lower Tessa Valley Water District raised its rates, and the Kell Unified School District closed.");
    assert_eq!(find(&e, "lower tessa valley water district").kind, EntityKind::Organization, "{e:?}");
    assert_eq!(find(&e, "kell unified school district").kind, EntityKind::Organization, "{e:?}");
    let e = en("", "The reporters of the Port Alder Union-Tribune found the letters.");
    assert_eq!(find(&e, "port alder union-tribune").kind, EntityKind::Organization, "{e:?}");
}

#[test]
fn time_zones_and_a_title_in_capitals_are_no_names() {
    let e = en("", "The vote opens at 9 a.m. ET, and POTUS will speak after it, the SWAT team said.");
    assert!(e.is_empty(), "{e:?}");
}

#[test]
fn a_word_written_as_brands_are_is_no_person_for_a_verb_of_saying() {
    let e = en("", "KellStream wrote on Monday that the service would close, and BrixNet said the same.");
    assert_eq!(find(&e, "kellstream").kind, EntityKind::Organization, "{e:?}");
    assert_eq!(find(&e, "brixnet").kind, EntityKind::Organization, "{e:?}");
    // A surname's prefix is no brand's capital.
    let e = en("", "McKellan said on Monday that the bill would pass.");
    assert_eq!(find(&e, "mckellan").kind, EntityKind::Person, "{e:?}");
}

#[test]
fn a_place_word_that_is_a_surname_ends_a_persons_name() {
    let e = en("", "Joan Hill said the report was wrong. The mayor of Kell Hill disagreed, and Stanley Park reopened.");
    assert_eq!(find(&e, "joan hill").kind, EntityKind::Person, "{e:?}");
    assert_eq!(find(&e, "kell hill").kind, EntityKind::Place, "{e:?}");
    assert_eq!(find(&e, "stanley park").kind, EntityKind::Place, "without a verb of saying a park stays one: {e:?}");
}

#[test]
fn a_name_ends_before_the_punctuation_of_a_cut_text() {
    let e = en("", "The plan was drafted by Joan Marsh,... and Ana Brook, the company\u{2019}s...");
    assert!(e.iter().any(|x| x.name == "Joan Marsh"), "{e:?}");
    assert_eq!(find(&e, "ana brook").kind, EntityKind::Person, "an owner's noun cut short is no apposition: {e:?}");
}

#[test]
fn a_roman_number_alone_is_no_name() {
    let e = extract_entities("", "Ana Brook wygrała II etap wyścigu, a Kell Marsh przegrał.", Some("pl"));
    assert!(!e.iter().any(|x| x.name == "II"), "{e:?}");
    let e = en("", "Part IV of the report, released by Pope Kell XIV on Monday, was short.");
    assert!(!e.iter().any(|x| x.name == "IV"), "{e:?}");
    assert!(e.iter().any(|x| x.name.ends_with("XIV")), "a number after a name stays the name's: {e:?}");
    let e = en("", "The estate was left to Joan Marsh III. Her sister said nothing.");
    assert!(e.iter().any(|x| x.name == "Joan Marsh III"), "the sentence's stop is no part of the name: {e:?}");
}

#[test]
fn ukrainian_names_are_read_in_their_cases_and_shown_in_the_nominative() {
    let e = extract_entities(
        "",
        "Президент зустрівся з прем'єром Франції у Німеччині в понеділок. Уряд Польщі заявив, що \
         Італія підтримала рішення. Президентка Молдови Майя Санду заявила, що переговори з Румунією тривають.",
        Some("uk"),
    );
    assert_has(
        &e,
        &[
            ("Франція", EntityKind::Place),
            ("Німеччина", EntityKind::Place),
            ("Польща", EntityKind::Place),
            ("Італія", EntityKind::Place),
            ("Молдова", EntityKind::Place),
            ("Румунія", EntityKind::Place),
            ("Майя Санду", EntityKind::Person),
        ],
    );
    assert_eq!(find(&e, "france").mentions, 1, "one key for every case: {e:?}");
}

#[test]
fn a_countrys_genitive_is_shown_as_the_country_is_named() {
    let e =
        extract_entities("", "På måndagen möttes Sveriges statsminister och Brasiliens president i Oslo.", Some("sv"));
    assert_has(&e, &[("Sverige", EntityKind::Place), ("Brasilien", EntityKind::Place)]);
    assert_eq!(find(&e, "brazil").name, "Brasilien");
    let e = extract_entities("", "I går mødtes Danmarks statsminister og Ruslands præsident i Berlin.", Some("da"));
    assert_eq!(find(&e, "russia").name, "Rusland", "{e:?}");
    let e = extract_entities("", "Am Montag sprach der Regierungschef Schwedens mit Journalisten.", Some("de"));
    assert_eq!(find(&e, "sweden").name, "Schweden", "{e:?}");
}

#[test]
fn a_name_opening_with_a_capitalised_the_after_and_is_a_name_of_its_own() {
    let e = en("", "The letters were first published by Kellnet and The Brook Herald on Monday.");
    assert_eq!(find(&e, "brook herald").kind, EntityKind::Organization, "{e:?}");
    assert!(!e.iter().any(|x| x.name.contains(" and ")), "{e:?}");
}

#[test]
fn a_hyphenated_newspaper_name_is_read_by_each_part() {
    let e = en("", "The senator wrote in an essay published in the Kellton Gazette-Mail on Sunday.");
    assert_eq!(find(&e, "kellton gazette-mail").kind, EntityKind::Organization, "{e:?}");
}

#[test]
fn an_institutions_word_alone_and_a_word_after_the_are_no_people() {
    let e = en("", "The Treasury said on Monday it would borrow more, and the Office said nothing.");
    assert_eq!(find(&e, "treasury").kind, EntityKind::Organization, "{e:?}");
    assert!(!e.iter().any(|x| x.key == "office"), "{e:?}");
    let e = en("", "\u{201c}I believe what the Charter says,\u{201d} Joan Marsh told reporters.");
    assert!(!e.iter().any(|x| x.key == "charter"), "{e:?}");
    assert_eq!(find(&e, "joan marsh").kind, EntityKind::Person);
    // A title before an institution's abbreviated word is the institution's ("Justice Dept").
    let e = en("", "\u{201c}The Justice Dept must act now,\u{201d} the senator wrote on Tuesday.");
    assert!(!e.iter().any(|x| x.kind == EntityKind::Person), "{e:?}");
}

#[test]
fn a_lawmakers_state_in_parentheses_is_no_name() {
    let e = en("", "Rep. Ana Brook (Calif.), the panel's senior Democrat, said the inquiry would go on.");
    assert_eq!(kinds(&e), vec![("Ana Brook".to_owned(), EntityKind::Person)]);
}

#[test]
fn a_datelines_known_place_is_written_as_it_is_named() {
    let e = en("", "PORTLAND, Ore. \u{2014} The council voted on Tuesday to extend the levy.");
    assert!(e.iter().any(|x| x.name == "Portland" && x.kind == EntityKind::Place), "{e:?}");
    let e = en("", "DENVER \u{2014} The council voted on Tuesday to extend the levy, aides said.");
    assert!(e.iter().any(|x| x.name == "Denver" && x.kind == EntityKind::Place), "{e:?}");
    let e = en("", "NATO \u{2014} The alliance met in Brussels on Monday.");
    assert!(e.iter().any(|x| x.name == "NATO"), "an abbreviation stays one: {e:?}");
}

#[test]
fn tickers_and_bill_numbers_are_no_names() {
    let e = en("", "Shares of Kellmark Inc(KELL.N) fell, while Brixham Group (BRX.L) rose; H.R. 5 passed the House.");
    assert!(!e.iter().any(|x| x.name.contains("KELL") || x.name.contains("BRX") || x.name.contains("H.R")), "{e:?}");
    assert!(e.iter().any(|x| x.name == "Kellmark Inc"), "{e:?}");
    assert!(e.iter().any(|x| x.name == "Brixham Group"), "{e:?}");
}

#[test]
fn a_peoples_plural_in_the_possessive_stays_inside_an_organisations_name() {
    let e = en(
        "",
        "The Kellton Women\u{2019}s Health Organization sued the state, and the Brook Children's Hospital agreed.",
    );
    let names: Vec<&str> = e.iter().map(|x| x.name.as_str()).collect();
    assert!(names.contains(&"Kellton Women\u{2019}s Health Organization"), "{names:?}");
    assert!(names.contains(&"Brook Children's Hospital"), "{names:?}");
    assert!(!e.iter().any(|x| x.kind == EntityKind::Person), "{e:?}");
}

#[test]
fn a_town_opening_a_sentence_with_its_state_after_it_is_a_place() {
    let e = en("", "Yuma, Arizona, and Kingman broke their records on Thursday as the heat spread north.");
    assert_eq!(find(&e, "yuma").kind, EntityKind::Place, "{e:?}");
    let e = en("", "Meanwhile, Arizona broke its record on Thursday as the heat spread north.");
    assert!(!e.iter().any(|x| x.key == "meanwhile"), "a word opening the sentence is no town: {e:?}");
}

#[test]
fn a_repeated_word_makes_no_person_of_a_phrase_whose_words_the_text_writes_in_lowercase() {
    // A slogan and a product repeat their last word alone; the text uses both in lowercase.
    let e = en(
        "",
        "Marchers carried signs such as \u{201c}Fair Fares for Riders, More Fares for Nobody.\u{201d} \
         Every speaker asked where the fares went, and how fair the price was.",
    );
    assert!(!e.iter().any(|x| x.kind == EntityKind::Person), "{e:?}");
    // A name whose words the text never writes in lowercase is still a person when its
    // surname comes back alone, whatever its given name.
    let e = en(
        "",
        "The award went to Tavrin Quellhorst on Monday. Quellhorst, who trained in the north, won it twice before.",
    );
    assert_has(&e, &[("Tavrin Quellhorst", EntityKind::Person)]);
}

#[test]
fn a_dateline_opening_a_paragraph_after_the_headline_and_byline_is_the_place() {
    let e = en(
        "",
        "Harbour talks stall again\nBy Ana Brook\nPublished: March 3\n\nOSLO (Wirefeed) - Talks on the harbour \
         stalled on Monday, the council said.\n\n(Wirefeed) BERGEN - Dock workers in the west walked out.",
    );
    assert_has(&e, &[("Oslo", EntityKind::Place), ("Bergen", EntityKind::Place)]);
    assert!(!e.iter().any(|x| x.name == "OSLO" || x.name == "BERGEN"), "{e:?}");
}

#[test]
fn a_byline_names_the_writer_not_the_story() {
    let e = en(
        "",
        "Ferry fares to rise\nBy Ana Brook and TOM KELLEN // May 3, 2024\nPhoto by Rita Moss\n\nThe Kellton Ferry \
         Company will raise fares, its chief Paul Oduya said. By Monday, riders had signed a petition.",
    );
    assert_has(&e, &[("Paul Oduya", EntityKind::Person)]);
    for writer in ["Ana Brook", "TOM KELLEN", "Tom Kellen", "Rita Moss"] {
        assert!(!e.iter().any(|x| x.name == writer), "{writer} in {e:?}");
    }
    // A writer the story names is the story's.
    let e = en("", "By Ana Brook\n\nThe prize went to Ana Brook, a reporter, on Monday; Brook thanked her editors.");
    assert_has(&e, &[("Ana Brook", EntityKind::Person)]);
}

#[test]
fn initials_degrees_and_hours_alone_are_no_names() {
    let e = en(
        "",
        "The clinic opens at 9 A.M. and closes at 6 P.M., said Rita Moss, M.D., in a Q&A with readers. \
         P.S. The U.S. office of the E.U. in L.A. stays shut, and J.D. will write again.",
    );
    for junk in ["A.M.", "P.M.", "M.D.", "Q&A", "P.S.", "J.D."] {
        assert!(!e.iter().any(|x| x.name == junk), "{junk} in {e:?}");
    }
    assert_has(&e, &[("Rita Moss", EntityKind::Person), ("U.S.", EntityKind::Place), ("L.A.", EntityKind::Place)]);
    assert!(e.iter().any(|x| x.key == "european union"), "{e:?}");
}

#[test]
fn a_preposition_of_place_makes_a_place_only_of_a_name_holding_one() {
    let e = en(
        "",
        "She drew the route in Kellmap Studio, bought bread at Dunmore Bakehouse and read it in Harbour Weekly \
         before a week in Northern Virginia and a dive at Tallow Reef.",
    );
    for product in ["Kellmap Studio", "Dunmore Bakehouse", "Harbour Weekly"] {
        assert!(!e.iter().any(|x| x.name == product && x.kind == EntityKind::Place), "{product} in {e:?}");
    }
    assert_has(&e, &[("Northern Virginia", EntityKind::Place), ("Tallow Reef", EntityKind::Place)]);
}

#[test]
fn computings_common_nouns_in_capitals_are_no_organisations() {
    let e = en(
        "",
        "The Kellbook 14 pairs an OLED screen with a cache of 512 MB of RAM, a fast SSD and two USB-C ports; its CPU runs cool. \
         Kellbook sells it through Brixmart, and the OS gets an update in May.",
    );
    for common in ["OLED", "MB", "RAM", "SSD", "USB-C", "CPU", "OS"] {
        assert!(!e.iter().any(|x| x.name == common), "{common} in {e:?}");
    }
}

#[test]
fn words_that_open_a_clause_are_no_names() {
    let e = en(
        "",
        "Sure, the deputy minister will not resign over it. Having said that, Ana Brook wants answers. \
         Advocates said they would appeal. Previously, the port had closed twice. Overall, the plan costs less.",
    );
    for junk in ["Sure", "Having", "Advocates", "Previously", "Overall"] {
        assert!(!e.iter().any(|x| x.name.split(' ').next() == Some(junk)), "{junk} in {e:?}");
    }
    assert_has(&e, &[("Ana Brook", EntityKind::Person)]);
}

#[test]
fn a_big_place_spelt_in_capitals_is_the_place_as_named() {
    let e = en("", "The envoy flew from NAIROBI to BELGIUM on Monday, and DACA applicants in Kellton waited.");
    assert_has(&e, &[("Nairobi", EntityKind::Place), ("Belgium", EntityKind::Place)]);
    assert!(!e.iter().any(|x| x.name == "NAIROBI" || x.name == "BELGIUM"), "{e:?}");
    assert!(!e.iter().any(|x| x.name == "Daca"), "an abbreviation stays one: {e:?}");
}

#[test]
fn a_peoples_adjective_before_a_persons_name_describes_the_person() {
    let e = en("", "The hostages, Dutch Kevin Mill and Australian Tom Weeks, were freed on Tuesday.");
    assert_has(&e, &[("Kevin Mill", EntityKind::Person), ("Tom Weeks", EntityKind::Person)]);
    // Not inside an organisation's name; libraries and museums are organisations.
    let e = en("", "She works at the Kellton Royal Library, and he at the American Ferry Museum.");
    assert_has(&e, &[("Kellton Royal Library", EntityKind::Organization)]);
    assert!(e.iter().any(|x| x.name.ends_with("Ferry Museum") && x.kind == EntityKind::Organization), "{e:?}");
}

#[test]
fn units_are_no_names_and_nyc_is_new_york_city() {
    let e = en("", "Kellgrid will build a 40 MW solar PV farm, or 2 GW in all, and open an office in NYC next year.");
    for unit in ["MW", "PV", "GW"] {
        assert!(!e.iter().any(|x| x.name == unit), "{unit} in {e:?}");
    }
    assert_has(&e, &[("NYC", EntityKind::Place)]);
}

#[test]
fn masked_names_and_words_run_together_are_read_as_written() {
    // Reviews signed with stars are no names.
    let e = en(
        "",
        "\"Great show and friendly ushers.\" \u{2013} Ana** Br****\nThe theatre will add a matinee, its owner said.",
    );
    assert!(!e.iter().any(|x| x.name.starts_with("Ana")), "{e:?}");
    // A comma written without its space parts two names.
    let e = en("", "The tour visited Ohio,Kansas and Iowa in June, the organisers said on Monday.");
    assert_has(&e, &[("Ohio", EntityKind::Place), ("Kansas", EntityKind::Place), ("Iowa", EntityKind::Place)]);
    assert!(!e.iter().any(|x| x.name.contains(',')), "{e:?}");
}

#[test]
fn titles_shouts_and_peoples_are_no_names() {
    // A verb inside a run of capitalised words makes a title of a book or a song.
    let e = en("", "Her memoir, Marta Gets Even, sold well, and the critics were kind.");
    assert!(e.is_empty(), "{e:?}");
    // Words in capitals that the text also writes in lowercase are shouted.
    let e = en("", "The clerk said voters WILL NOT be turned away. Officials said they will not appeal.");
    assert!(e.is_empty(), "{e:?}");
    // A people's word after a point of the compass, and the people's word alone later.
    let e = en("", "Ministers of the South Korean cabinet met on Friday, and two Korean shipyards signed the deal.");
    assert!(!e.iter().any(|x| x.kind == EntityKind::Person), "{e:?}");
    // A town's police department is an organisation, whatever its town's name opens with.
    let e = en("", "Officers of the Fort Kell P.D. said on Monday that the road was open.");
    assert_has(&e, &[("Fort Kell P.D.", EntityKind::Organization)]);
}

#[test]
fn a_short_name_of_an_organisation_and_its_head_words_say_organisation() {
    let e = en(
        "",
        "Kellmark said on Friday it will close two plants. Ana Brook, who runs sales at Kellmark Records Inc, expects \
         a loss this year.",
    );
    assert_has(&e, &[("Kellmark", EntityKind::Organization), ("Ana Brook", EntityKind::Person)]);
    let e = en(
        "",
        "Brannock Hale Productions had signed a lease, the inmate was held at the Kell County Jail, and they said YES, \
         and yes it was, the studio said.",
    );
    assert_has(
        &e,
        &[("Brannock Hale Productions", EntityKind::Organization), ("Kell County Jail", EntityKind::Organization)],
    );
    assert!(!e.iter().any(|x| x.name == "YES"), "{e:?}");
}

#[test]
fn a_sentences_first_word_is_read_where_the_language_has_no_lists() {
    let e = extract_entities(
        "",
        "Ontem Lisboa recebeu os ministros para a cimeira. A reunião de ontem terminou tarde, e os ministros voltam \
         em maio.",
        Some("pt"),
    );
    assert_eq!(kinds(&e), vec![("Lisboa".to_owned(), EntityKind::Place)]);
}

#[test]
fn titles_inside_an_organisations_name_and_letters_that_end_a_sentence() {
    let e = en(
        "",
        "The envoy cited \"the UN Security Council\". Judges of the International Court of Justice met. Ana Brook, who \
         leads the Office of the Inspector General, said the audit was done.",
    );
    assert_has(
        &e,
        &[
            ("International Court of Justice", EntityKind::Organization),
            ("Office of the Inspector General", EntityKind::Organization),
            ("UN Security Council", EntityKind::Organization),
            ("Ana Brook", EntityKind::Person),
        ],
    );
    assert!(!e.iter().any(|x| x.name.contains('"') || x.name.ends_with(" of")), "{e:?}");
    // (A title's modifier before it too.)
    let e = en("", "Ana Brook runs the Office of the Deputy Inspector General in Kellton, the agency said.");
    assert_has(&e, &[("Office of the Deputy Inspector General", EntityKind::Organization)]);
    // (A title two words before a name does not reach across a preposition.)
    assert!(!e.iter().any(|x| x.name == "Kellton" && x.kind == EntityKind::Person), "{e:?}");
    let e = en(
        "",
        "Kellton topped Group D. Then Brixham topped Group C. NASA Administrator Jim Brannock opened the meeting.",
    );
    assert_has(&e, &[("Jim Brannock", EntityKind::Person)]);
    // ("Group D" is a label, no name.)
    assert!(!e.iter().any(|x| x.name.starts_with("Group") || x.name.starts_with("Administrator")), "{e:?}");
}

#[test]
fn what_is_hers_is_not_she_and_plural_letters_are_common_nouns() {
    let e = en(
        "",
        "A dispute between Marta Kell, her old publisher and a printer ended on Friday. Marta Kell wrote on Kellgram \
         that the publisher had let her go.",
    );
    assert_has(&e, &[("Marta Kell", EntityKind::Person)]);
    let e = en("", "WASHINGTON, DC: the agency said on Monday that NPCs rose as the NPC of the game fell.");
    assert!(!e.iter().any(|x| x.name == "DC" || x.name == "NPC"), "{e:?}");
}

#[test]
fn products_clubs_grounds_and_positions() {
    // A product named after its maker is no person; the maker stays.
    let e = en(
        "",
        "Google Lumen arrives in June, priced at ten dollars. Lumen works in a browser, and Lumen needs no console, \
         Google said.",
    );
    assert_has(&e, &[("Google", EntityKind::Organization)]);
    assert!(!e.iter().any(|x| x.name == "Google Lumen"), "{e:?}");
    let e = en(
        "",
        "He has managed FC Kellton and Brixham Rovers. The fans at Kell Field cheered as Kellton DL Ana Brook made the \
         tackle, USA Today reported.",
    );
    assert_has(
        &e,
        &[
            ("FC Kellton", EntityKind::Organization),
            ("Kell Field", EntityKind::Place),
            ("Ana Brook", EntityKind::Person),
            ("USA Today", EntityKind::Organization),
        ],
    );
    // A known organisation's name goes on to an organisation's word after it.
    let e = en("", "The Ford Motor Company said on Monday that sales rose.");
    assert_has(&e, &[("Ford Motor Company", EntityKind::Organization)]);
}

#[test]
fn labels_handles_and_two_places_joined_by_and() {
    let e = en(
        "",
        "Kellton beat Brixham in Pool C on Sunday, and the city's mayor (@KelltonMayor) posted a photo from the \
         corner of Kell Street and Brook Avenue. Fans came from the Harbour Bay Area and Marsh County.",
    );
    assert_has(
        &e,
        &[("Kell Street", EntityKind::Place), ("Brook Avenue", EntityKind::Place), ("Marsh County", EntityKind::Place)],
    );
    assert!(
        !e.iter().any(|x| x.name.contains(" and ") || x.name.contains("Pool") || x.name.contains("Mayor")),
        "{e:?}"
    );
    // German capitalises "Ihre" where it addresses the reader: no name.
    let e = extract_entities(
        "",
        "Die Versicherer haben Ihre eigenen Projekte in Kellstadt gestartet, sagte Ana Brook.",
        Some("de"),
    );
    assert!(!e.iter().any(|x| x.name == "Ihre"), "{e:?}");
}

#[test]
fn spaced_commas_initials_postal_codes_and_hyphenated_adjectives() {
    // Some outlets set a space before their commas.
    let e = en("", "A bill of the Senator representing Kell North , Ana Brook , passed last week , aides said .");
    assert_has(&e, &[("Ana Brook", EntityKind::Person)]);
    assert!(!e.iter().any(|x| x.name == "Kell North" && x.kind == EntityKind::Person), "{e:?}");
    // Two initials open a person's name; letters in capitals after it are no part of it.
    let e = en("", "P.J. Kellner, the coach, said the team is ready, and Tom Brannock MP will attend.");
    assert_has(&e, &[("P.J. Kellner", EntityKind::Person), ("Tom Brannock", EntityKind::Person)]);
    // A state's postal code after a town is no organisation; a hyphenated adjective no name.
    let e = en(
        "",
        "The show moves to Kellton, MD, then to Brixham, NJ. Kremlin-friendly Brixworth Media said the \
         Labour-leaning Kell County would vote.",
    );
    assert!(!e.iter().any(|x| x.name == "MD" || x.name == "NJ" || x.name.contains('-')), "{e:?}");
    assert_has(&e, &[("Kell County", EntityKind::Place)]);
}

#[test]
fn a_spouse_before_a_name_says_a_person_and_a_clause_after_a_comma_is_no_apposition() {
    let e = en(
        "",
        "He thanked his wife Talia in Kellton, and swore on the Kellton Bible, which the senator was holding up.",
    );
    assert_has(&e, &[("Talia", EntityKind::Person)]);
    assert!(!e.iter().any(|x| x.name.ends_with("Bible")), "{e:?}");
}

#[test]
fn party_members_of_a_place_shouts_and_headings_ending_in_a_colon() {
    let e = en(
        "",
        "Kansas Democrats won a majority. Ads told people to GO AND VOTE for a GREAT mayor, and people went to vote, \
         a great many of them. Settlers moved into the West Bank on Monday.",
    );
    assert_has(&e, &[("Kansas Democrats", EntityKind::Organization), ("West Bank", EntityKind::Place)]);
    assert!(!e.iter().any(|x| x.name == "GREAT" || x.name == "VOTE"), "{e:?}");
    // A heading in title case may end in a colon; a sentence may not.
    assert!(is_headline_line("Seven Quiet Beaches of the Kell Coast for a Long Summer Weekend:", ""));
    assert!(!is_headline_line("Harbour Nights Were Fun, Said Ana Brook And Tom Kell Yesterday.", ""));
}

#[test]
fn a_surname_of_two_words_alone_is_the_person_named_in_full() {
    let e =
        en("", "Ana Kell Brannock won the vote. Kell Brannock said on Monday that the Kellton Tea Party had helped.");
    assert_eq!(find(&e, "ana kell brannock").mentions, 2, "{e:?}");
    assert!(!e.iter().any(|x| x.key == "kell brannock"), "{e:?}");
    // With its particles too.
    let e = en("", "Anna Van Der Kell won the race. Van Der Kell thanked her team on Monday.");
    assert_eq!(find(&e, "anna van der kell").mentions, 2, "{e:?}");
}

#[test]
fn teams_named_after_their_city_are_organisations() {
    let e = en(
        "",
        "The Chicago Herons beat the Detroit Foxes 3-1 on Sunday. The Chicago Herons said their coach would stay.",
    );
    assert_has(&e, &[("Chicago Herons", EntityKind::Organization), ("Detroit Foxes", EntityKind::Organization)]);
    // One such name alone is not enough to say a team ("Kellton Visitors" may be anyone)...
    let e = en("", "Tickets for the Chicago Herons were sold out on Sunday.");
    assert!(!e.iter().any(|x| x.kind == EntityKind::Organization), "{e:?}");
    // ... but what speaks after "the" is a body, never a person.
    let e = en("", "The Chicago Herons said on Sunday that tickets were sold out.");
    assert_has(&e, &[("Chicago Herons", EntityKind::Organization)]);
}

#[test]
fn headings_in_capitals_and_questions_opening_with_will() {
    let e = en(
        "",
        "WHO WILL LEAD KELLTON NOW?\n\nAna Kellner, a former mayor, spoke first. Will Brannock run again next year? \
         Tom Brannock said he would.",
    );
    assert!(!e.iter().any(|x| x.name.starts_with("WILL") || x.name.starts_with("Will")), "{e:?}");
    assert_has(&e, &[("Ana Kellner", EntityKind::Person), ("Tom Brannock", EntityKind::Person)]);
}

#[test]
fn two_names_joined_by_and_are_two_where_one_stands_alone() {
    let e = en(
        "",
        "The agency picked Kellsoft Robotics and Brix Nano Systems Inc for the work. Kellsoft Robotics said on Monday it \
         would hire. The Port Authority of Kellton and Brixham said nothing.",
    );
    assert!(!e.iter().any(|x| x.name.starts_with("Kellsoft Robotics and")), "{e:?}");
    assert_has(
        &e,
        &[("Kellsoft Robotics", EntityKind::Organization), ("Brix Nano Systems Inc", EntityKind::Organization)],
    );
    assert!(e.iter().any(|x| x.name == "Port Authority of Kellton and Brixham"), "{e:?}");
}

#[test]
fn first_level_regions_of_other_countries_are_places() {
    let e = en("", "Ana Brook, deputy director of Yunnan’s health office, said on Monday that the risk was low.");
    assert_has(&e, &[("Yunnan", EntityKind::Place), ("Ana Brook", EntityKind::Person)]);
}

#[test]
fn letters_written_only_after_counts_are_statistics() {
    let e =
        en("", "Ana Brook had 2 QH and 1 TFL against the Herons. Tom Kell added 3 QH, and the FBI reviewed 40 cases.");
    assert!(!e.iter().any(|x| x.name == "QH"), "{e:?}");
    assert_has(&e, &[("FBI", EntityKind::Organization)]);
}

#[test]
fn a_name_before_the_kind_of_publication_it_is_names_a_publisher() {
    let e = en(
        "",
        "Critics said Kellwood Review magazine went too far, and Kellwood Review did not answer. A Denver newspaper \
         and a Puerto Rican newspaper followed the story.",
    );
    assert_has(&e, &[("Kellwood Review", EntityKind::Organization), ("Denver", EntityKind::Place)]);
    assert!(!e.iter().any(|x| x.key == "puerto rican"), "a people's adjective: {e:?}");
    assert!(is_demonym_of_place("californian") && is_demonym_of_place("puerto rican"));
    assert!(!is_demonym_of_place("kellwood review") && !is_demonym_of_place("morgan"));
    // After a possessive, the word says what the name owns, not what it is.
    let e = en("", "Ana Brook's newspaper column ran on Monday. Ana Brook said she would write again.");
    assert_has(&e, &[("Ana Brook", EntityKind::Person)]);
}

#[test]
fn what_befalls_only_a_person_makes_a_person_of_an_unknown_name() {
    let cases = [
        (
            "en",
            "After a long count, Oyelaran Bamidele was sworn in on Monday. Tauvaga Lemalu has died at 84, his family said.",
        ),
        ("fr", "Au terme du scrutin, Oyelaran Bamidele est élu à la tête du conseil. Tauvaga Lemalu meurt à 84 ans."),
        (
            "es",
            "Tras el recuento, Oyelaran Bamidele fue elegido presidente del consejo. Tauvaga Lemalu murió a los 84 años.",
        ),
    ];
    for (language, text) in cases {
        let e = extract_entities("", text, Some(language));
        assert_has(&e, &[("Oyelaran Bamidele", EntityKind::Person), ("Tauvaga Lemalu", EntityKind::Person)]);
    }
    let e = extract_entities("", "После подсчёта голосов Ойеларан Бамиделе избран главой совета.", Some("ru"));
    assert_has(&e, &[("Ойеларан Бамиделе", EntityKind::Person)]);
    // Not a work's title in quotation marks, a thing after an article, or a people's word;
    // and not what companies and films do too.
    let e = en(
        "",
        "The harbour cinema showed \"Kell Night Rises\" was arrested. The last Kellish Court Painter died in 1996, and \
         thus the Kell Log was born. Varrow Tessmark pleaded guilty and Dunmore Pictura was nominated.",
    );
    for name in ["Kell Night Rises", "Kellish Court Painter", "Kell Log", "Varrow Tessmark", "Dunmore Pictura"] {
        assert!(!e.iter().any(|x| x.name == name && x.kind == EntityKind::Person), "{name}: {e:?}");
    }
}

#[test]
fn a_name_with_and_without_its_middle_name_is_one_person() {
    let e = en(
        "",
        "Police found Gregor Tessan Faulk at his home on Sunday. Gregor Faulk, 52, ran a restaurant, a neighbour said. \
         Faulk had complained to the mayor.",
    );
    let people: Vec<&Entity> = e.iter().filter(|x| x.kind == EntityKind::Person).collect();
    assert_eq!(people.len(), 1, "{e:?}");
    assert_eq!(people[0].key, "gregor faulk");
    // Not across a connector or an organisation's word.
    let e = en("", "Ana Brook said the Ana and Brook fund would open. Ana Brook Bank said nothing.");
    assert!(e.iter().any(|x| x.key == "ana brook bank"), "{e:?}");
}

#[test]
fn a_lone_word_that_reports_is_an_outlet_unless_a_full_name_owns_it() {
    let e = en(
        "",
        "The port will close in May, Kellwire reported on Monday. Talks went on, Dara Voskuijlen said. Voskuijlen \
         reported progress. Residents of Brannock reported smoke.",
    );
    assert_has(&e, &[("Kellwire", EntityKind::Organization), ("Dara Voskuijlen", EntityKind::Person)]);
    assert!(!e.iter().any(|x| x.key == "voskuijlen"), "the surname joins its full name: {e:?}");
    assert!(!e.iter().any(|x| x.key == "brannock" && x.kind == EntityKind::Organization), "{e:?}");
}

#[test]
fn a_law_named_after_a_title_and_a_school_by_its_grade() {
    let e = en("", "Lawmakers argued over the Justice Against Raiders of Kell Harbour Act until late on Tuesday.");
    assert!(!e.iter().any(|x| x.kind == EntityKind::Person), "a law's name is nobody's: {e:?}");
    let e = en(
        "",
        "Parents at Sandy Kellbrook Elementary said the school reopened. Sandy Kellbrook Elementary will close.",
    );
    assert_has(&e, &[("Sandy Kellbrook Elementary", EntityKind::Organization)]);
}

#[test]
fn the_house_is_not_short_for_the_white_house() {
    let e = en(
        "",
        "The official declined to testify at a House hearing on Wednesday. Critics said the White House had a larger \
         role. The House will vote again in June.",
    );
    assert_has(&e, &[("House", EntityKind::Organization), ("White House", EntityKind::Organization)]);
    // An institution's one word is short for its name with its realm or its head.
    let e = en("", "The Utah Legislature met on Monday. The Legislature passed the harbour bill late that night.");
    assert_eq!(e.iter().filter(|x| x.kind == EntityKind::Organization).count(), 1, "{e:?}");
}

#[test]
fn a_place_noun_and_of_before_a_name_make_a_place() {
    // Towns too small for the gazetteer's bar without a preposition of place.
    let e = en("", "Rescuers reached the village of Kellmoor on Tuesday, and the island of Varrow a day later.");
    assert_has(&e, &[("Kellmoor", EntityKind::Place), ("Varrow", EntityKind::Place)]);
    // A port that owns what follows is no place.
    let e = en("", "Critics said the console port of Kellstar's new game runs slowly on older machines.");
    assert!(!e.iter().any(|x| x.kind == EntityKind::Place), "{e:?}");
}

#[test]
fn a_place_the_gazetteer_holds_whole_runs_across_its_small_words() {
    let e = extract_entities(
        "",
        "A prefeitura de Santa Cruz do Sul anunciou obras no centro. O governo de Mato Grosso do Sul também vai \
         investir na região, segundo o secretário.",
        Some("pt"),
    );
    assert_has(&e, &[("Santa Cruz do Sul", EntityKind::Place), ("Mato Grosso do Sul", EntityKind::Place)]);
    assert!(!e.iter().any(|x| x.key == "santa cruz" || x.key == "mato grosso"), "{e:?}");
    // The same small word between two places the gazetteer does not hold whole parts them.
    let e = extract_entities("", "Pociąg jechał z Warszawy do Krakowa przez trzy godziny w poniedziałek.", Some("pl"));
    assert!(!e.iter().any(|x| x.name.contains(" do ")), "{e:?}");
}

#[test]
fn the_house_is_the_house_of_representatives_in_english_news_only() {
    let e = en(
        "",
        "The House of Representatives passed the harbour bill on Tuesday. House Speaker Ada Quill said the \
         House would take up the ferry bill next.",
    );
    let house = find(&e, "house of representatives");
    assert_eq!((house.kind, house.mentions), (EntityKind::Organization, 2), "{e:?}");
    assert!(!e.iter().any(|x| x.key == "house"), "one chamber: {e:?}");
    assert!(e.iter().any(|x| x.key == "ada quill"), "{e:?}");
    // In another language the English word is a title's, not the chamber.
    let e = ru("Певица Алина Кравец исполнила песню из альбома Kell’s House на фестивале в Казани в субботу.");
    assert!(!e.iter().any(|x| x.key == "house of representatives"), "{e:?}");
}

#[test]
fn a_storm_is_no_person_and_no_place() {
    let e = en(
        "",
        "In light of the coming Hurricane Kellan, shops closed. For all of you who are in Kellan's path, stay safe. \
         Typhoon Marisol struck Guam on Monday.",
    );
    assert!(!e.iter().any(|x| x.name.contains("Kellan") || x.name.contains("Marisol")), "{e:?}");
    assert_has(&e, &[("Guam", EntityKind::Place)]);
}

#[test]
fn a_foreign_name_seen_only_in_the_instrumental_is_given_in_the_nominative() {
    let ru = |text: &str| extract_entities("", text, Some("ru"));
    let e = ru("Коалиция во главе с Ливией Орсини получила большинство голосов на выборах.");
    assert_has(&e, &[("Ливия Орсини", EntityKind::Person)]);
    let e = ru("Министр встретился с Флетчером Даймондом в Чикаго в четверг.");
    assert_has(&e, &[("Флетчер Даймонд", EntityKind::Person)]);
    // A country's name in an oblique case is the country, not a given name's case form.
    let e = ru("В Новой Зеландии произошло сильное землетрясение, сообщили власти.");
    assert_has(&e, &[("Новая Зеландия", EntityKind::Place)]);
}

#[test]
fn a_short_aside_in_parentheses_after_a_name_is_read_past_and_a_regnal_number_names_nobody() {
    let e = en("", "Sen. Kellan Voss (D-Kell.) said the bill would pass. Tauvaga Lemalu (pictured) died on Monday.");
    assert_has(&e, &[("Kellan Voss", EntityKind::Person), ("Tauvaga Lemalu", EntityKind::Person)]);
    // A ticker in capitals is no aside: the verb after it says nothing of a person.
    let e = en("", "Profits rose, and Kellmark (KLMK.O) said so on Monday. Kellmark shares rose.");
    assert!(!e.iter().any(|x| x.name == "Kellmark" && x.kind == EntityKind::Person), "{e:?}");
    assert!(is_regnal_number("XVI") && is_regnal_number("XVI-lea") && is_regnal_number("XL"));
    assert!(!is_regnal_number("LLC") && !is_regnal_number("XXL") && !is_regnal_number("LIC") && !is_regnal_number("I"));
}

#[test]
fn special_is_a_title_word() {
    let e = en(
        "",
        "The harbour board and the Office of Special Counsel both kept quiet on Friday. Special Envoy Kellan Voss arrived.",
    );
    assert_has(&e, &[("Office of Special Counsel", EntityKind::Organization), ("Kellan Voss", EntityKind::Person)]);
}

#[test]
fn another_name_of_a_foreign_city_is_no_place_alone() {
    // GeoNames gives "Walton" as a name of Model Town (Lahore) and "Hayden" of Mesa, Arizona:
    // neither is a place here.
    let e = en(
        "",
        "Harbour fees rose twice under the Walton administration. Hayden, a ferry pilot, moved to the coast on Monday.",
    );
    assert!(!e.iter().any(|x| x.kind == EntityKind::Place), "{e:?}");
    assert_has(&e, &[("Walton", EntityKind::Person)]);
}

#[test]
fn a_trade_after_a_persons_name_is_hers() {
    let e = en(
        "",
        "\"It struck me,\" said Daniel Kellmin, a documentary film producer and editor with a production company. \
         Kellsoft, the game developer, said nothing.",
    );
    assert_has(&e, &[("Daniel Kellmin", EntityKind::Person), ("Kellsoft", EntityKind::Organization)]);
}

#[test]
fn a_former_country_is_a_place_and_via_opens_no_name() {
    let e = en(
        "",
        "Harbour trade with the Soviet Union ended in 1991, when the USSR was dissolved. Via Kell News, the report spread.",
    );
    assert_has(&e, &[("Soviet Union", EntityKind::Place)]);
    assert_eq!(e.iter().filter(|x| x.kind == EntityKind::Place).count(), 1, "one entity for both names: {e:?}");
    assert!(!e.iter().any(|x| x.name.starts_with("Via")), "{e:?}");
}

#[test]
fn a_surname_alone_finds_its_person_whatever_else_it_names() {
    // A surname that is also another name of a city ("Harper" is one of Costa Mesa's).
    let e = en(
        "A director's first musical",
        "The script reached Wilma Harper in the spring. By June, Harper had cast the lead, and Harper said the songs came last.",
    );
    assert_eq!(find(&e, "wilma harper").mentions, 3, "{e:?}");
    assert!(!e.iter().any(|x| x.kind == EntityKind::Place), "{e:?}");
    // A surname after which a grandson's number stands.
    let e = en(
        "Envoy testifies",
        "The envoy, Walter Taylor III, spoke for nine hours. Taylor said the aid was held back, and Taylor left at dusk.",
    );
    assert_eq!(find(&e, "walter taylor iii").mentions, 3, "{e:?}");
    assert!(!e.iter().any(|x| x.key == "taylor"), "{e:?}");
    // A country's name that is the person's surname, where it acts as a person does.
    let e = en(
        "Committee member objects",
        "Representative Milo Jordan objected to the subpoena on Tuesday. Jordan said the panel had no standing.",
    );
    assert_eq!((find(&e, "milo jordan").kind, find(&e, "milo jordan").mentions), (EntityKind::Person, 2), "{e:?}");
    assert!(!e.iter().any(|x| x.kind == EntityKind::Place), "{e:?}");
    // ... but not where it is the country.
    let e =
        en("Talks resume", "Nadia Jordan, a mediator, arrived in Amman. Officials in Jordan said talks would resume.");
    assert_eq!(find(&e, "jordan").kind, EntityKind::Place, "{e:?}");
    // The surname of two people of the article is one of them, never the town of that name.
    let e = en(
        "Former congressman sentenced",
        "Cyrus Jackson Jr. was sentenced on Monday; his wife, Marta Jackson, sat behind him. Jackson said he was sorry.",
    );
    assert_eq!(find(&e, "jackson").kind, EntityKind::Person, "{e:?}");
    // A name written with and without its accents is one person's.
    let e = en(
        "Whip race",
        "Representative Raúl Ostrander will run, aides said. Raul Ostrander's allies cheered. Ostrander said he had the votes.",
    );
    assert!(!e.iter().any(|x| x.key == "ostrander"), "{e:?}");
}

#[test]
fn a_clock_times_zone_and_a_live_pages_label_are_no_names() {
    let e = en(
        "Ferry strike live",
        "The ferries stopped at 10:30 AEST, the Kellport Ferry Union said.\nUPDATE 2:52 p.m. EST -- The Union met the \
         port board again. NATO was not involved.",
    );
    for not_one in ["aest", "est", "update"] {
        assert!(!e.iter().any(|x| x.key == not_one), "{not_one}: {e:?}");
    }
    assert_eq!(find(&e, "kellport ferry union").kind, EntityKind::Organization, "{e:?}");
    assert_eq!(find(&e, "nato").kind, EntityKind::Organization, "{e:?}");
}

#[test]
fn a_name_after_at_is_a_place_only_by_a_places_name_of_some_size() {
    // "Buy" is a Russian town of some twenty thousand people; "Oslo" a capital.
    let e = en("Receipts", "The campaign card was used at Best Buy twice, and later at Old Oslo Harbour.");
    assert!(!e.iter().any(|x| x.key == "best buy" && x.kind == EntityKind::Place), "{e:?}");
    assert_eq!(find(&e, "old oslo harbour").kind, EntityKind::Place, "{e:?}");
}

#[test]
fn a_foreign_mans_name_in_an_oblique_case_is_shown_in_the_nominative() {
    let ru = |text: &str| extract_entities("", text, Some("ru"));
    let names =
        |e: &[Entity]| e.iter().filter(|x| x.kind == EntityKind::Person).map(|x| x.name.clone()).collect::<Vec<_>>();
    // The genitive, the dative with a soft surname, and a surname that does not decline.
    let e = ru("Премию вручили режиссёру, а награду за роль получил актёр в исполнении Гордона Тавернера.");
    assert_eq!(names(&e), ["Гордон Тавернер"], "{e:?}");
    let e = ru("Нобелевскую премию по химии присудили Ларсу Ведалю за работу о катализе.");
    assert_eq!(names(&e), ["Ларс Ведаль"], "{e:?}");
    let e = ru("Медаль вручили Томасу Ногути за исследования климата.");
    assert_eq!(names(&e), ["Томас Ногути"], "{e:?}");
    // A woman's name that ends as a man's genitive does stays as written.
    let e = ru("Главную роль сыграла Паула Ведаль, сообщила студия.");
    assert_eq!(names(&e), ["Паула Ведаль"], "{e:?}");
    // A given name whose case forms stem apart ("Андрей", "Андрея") is one name in all of them.
    let e = ru("Андрей Келлов открыл выставку в пятницу. Работы Андрея Келлова показывают впервые.");
    assert_eq!(names(&e), ["Андрей Келлов"], "{e:?}");
    assert_eq!(e.iter().find(|x| x.kind == EntityKind::Person).map(|x| x.mentions), Some(2), "{e:?}");
    // A given name of the Russian list in an oblique case: its surname agrees.
    let e = ru("Переговоры прошли в резиденции канцлера. Визит Олафа Кельца в Рим завершился в пятницу.");
    assert_eq!(names(&e), ["Олаф Кельц"], "{e:?}");
    let e = ru("Премию вручили Андрею Гарделю за роман о войне.");
    assert_eq!(names(&e), ["Андрей Гардель"], "{e:?}");
}

#[test]
fn an_institutions_adjectives_and_lowercase_noun_are_its_name_where_names_decline() {
    let ru = |text: &str| extract_entities("", text, Some("ru"));
    let e = ru("Ана Брук стала лидером Келлской либеральной партии Норвегии. Об этом сообщили в понедельник.");
    assert_has(&e, &[("Келлская либеральная партия", EntityKind::Organization)]);
    assert!(!e.iter().any(|x| x.name.starts_with("Келлской")), "{e:?}");
    let e = ru("Депутаты Келлского народного конгресса проголосовали за бюджет в среду.");
    assert_has(&e, &[("Келлский народный конгресс", EntityKind::Organization)]);
}

#[test]
fn a_coordinator_that_ends_the_text_after_a_name_is_read_safely() {
    // (Found by `any_text_gives_sound_entities`: "y"/"e" after a name, with nothing after it.)
    for text in ["Ana Brook e", "Kell Marsh y", "Ana Brook and"] {
        let _ = extract_entities("", text, Some("es"));
        let _ = extract_entities("", text, Some("en"));
    }
}

#[test]
fn a_given_name_written_with_marks_the_list_leaves_out_is_known() {
    let e = extract_entities(
        "",
        "À Chypre, le candidat indépendant Andréas Brannidís arrive en tête du premier tour.",
        Some("fr"),
    );
    assert_has(&e, &[("Andréas Brannidís", EntityKind::Person)]);
    // A short word with a mark is no given name for it: Romanian's "În" (in).
    let e = extract_entities("", "În Constanța a nins ieri dimineață, iar portul a fost închis.", Some("ro"));
    assert!(!e.iter().any(|x| x.kind == EntityKind::Person), "{e:?}");
}

#[test]
fn five_capitalised_words_that_speak_are_an_organisation() {
    let e = en("", "The Kell Valley Upland Timber Harvest Area wrote in a report that permits rose.");
    assert_eq!(find(&e, "kell valley upland timber harvest area").kind, EntityKind::Organization, "{e:?}");
    // A title the lists do not know, before a person, is still read as the person's.
    let e = en("", "Kell County Deputy Undersheriff Ana Brook said the road was closed.");
    assert!(e.iter().any(|x| x.kind == EntityKind::Person && x.key.ends_with("ana brook")), "{e:?}");
}

#[test]
fn an_adjective_after_of_in_a_title_is_no_part_of_the_holders_name() {
    let e = en("", "The warning came from Director of National Intelligence Ana Brook on Friday.");
    assert_has(&e, &[("Ana Brook", EntityKind::Person)]);
    assert!(!e.iter().any(|x| x.name.starts_with("Intelligence")), "{e:?}");
    // A title that ends in a noun after "of" stays the title's.
    let e = en("", "Secretary of State Ana Brook and Chief of Staff Kell Marsh met on Friday. Marsh said little.");
    assert_has(&e, &[("Ana Brook", EntityKind::Person), ("Kell Marsh", EntityKind::Person)]);
}

#[test]
fn a_place_word_inside_a_title_is_the_titles() {
    let e = en(
        "",
        "\"We were told,\" Deputy County Attorney Kell Marsh said. Scotts Bluff County Sheriff Ana Brook agreed.",
    );
    assert_has(&e, &[("Kell Marsh", EntityKind::Person), ("Ana Brook", EntityKind::Person)]);
    assert!(!e.iter().any(|x| x.name.contains("Deputy")), "{e:?}");
    assert_has(&e, &[("Scotts Bluff County", EntityKind::Place)]);
}

#[test]
fn a_body_named_in_an_apposition_after_a_name_makes_it_an_organisation() {
    let e = en(
        "",
        "Anvel Kesting, a local publication in Port Alder, confronted the senator. The publication's Ana Brook wrote the story.",
    );
    assert_eq!(find(&e, "anvel kesting").kind, EntityKind::Organization, "{e:?}");
    assert_eq!(find(&e, "ana brook").kind, EntityKind::Person, "{e:?}");
    let e = en("", "\"Costs rose,\" said Dunmore Alvey, a consulting firm in Port Alder.");
    assert_eq!(find(&e, "dunmore alvey").kind, EntityKind::Organization, "{e:?}");
}

#[test]
fn a_name_always_in_quotation_marks_is_no_persons() {
    let e = en(
        "",
        "Kellmark's 'Amber Eye' headlamps are new, and critics called it the \"Harold Vance\" effect. Ana Brook said so.",
    );
    assert!(!e.iter().any(|x| x.kind == EntityKind::Person && x.key != "ana brook"), "{e:?}");
    assert_has(&e, &[("Ana Brook", EntityKind::Person)]);
    // Quoted once and named plainly once: the person.
    let e = en("", "\"Harold Vance\" was the headline. Harold Vance said he had not read it.");
    assert_has(&e, &[("Harold Vance", EntityKind::Person)]);
}

#[test]
fn names_listed_beside_organisations_are_organisations() {
    use EntityKind::Organization;
    // Kellsoft, Quillon and Brixwell Orbital have no cue of their own: the list's other
    // names say what they are.
    let e = en(
        "Agency picks lunar landers",
        "The agency awarded task orders to Kellsoft, Dunmore Space Systems, Quillon and Varro Aerospace. \
         It also chose Brixwell Orbital, Tessan Robotics, and Halden Systems for a second round.",
    );
    assert_has(
        &e,
        &[
            ("Kellsoft", Organization),
            ("Quillon", Organization),
            ("Brixwell Orbital", Organization),
            ("Dunmore Space Systems", Organization),
        ],
    );
    // Not a name that opens the sentence, nor one after the list's "and" and a comma, nor a
    // list with a person the text says is one.
    let e = en(
        "Delivery startups",
        "Enter Harlow Quick, Dunmore Logistics and Varro Holdings. \
         Researchers at Kell Labs and Tessan Robotics, Saving Power by name, wrote the paper. \
         Senator Ana Brook, Dunmore Logistics, Varro Holdings and Quillon met on Monday.",
    );
    let names: Vec<&str> = e.iter().map(|x| x.name.as_str()).collect();
    for absent in ["Enter Harlow Quick", "Harlow Quick", "Saving Power", "Quillon"] {
        assert!(!names.contains(&absent), "{absent} in {names:?}");
    }
    // "Moon Kellwater and Brixwell": a given name opening one of two names makes no person of
    // the other, nor of itself.
    let e = en("Contracts", "The contracts went to Varro Aerospace, Dunmore Labs, Moon Kellwater and Brixwell.");
    assert_has(&e, &[("Brixwell", Organization)]);
}

#[test]
fn a_companys_office_and_a_competitions_round_are_no_names() {
    // "Marketing Director" is the office; "Cup Final" a round of a competition, no person's.
    let e = en(
        "Kell Labs hires",
        "At the launch, Kell Labs Marketing Director Ana Lima said the Varro Cup Final would be shown in Brixton. \
         Lima said tickets sold out within an hour.",
    );
    let k = kinds(&e);
    assert!(k.contains(&("Kell Labs".into(), EntityKind::Organization)), "{k:?}");
    assert!(k.contains(&("Ana Lima".into(), EntityKind::Person)), "{k:?}");
    assert!(!k.iter().any(|(name, _)| name.contains("Marketing") || name.contains("Final")), "{k:?}");
}

#[test]
fn a_german_compound_nouns_letters_are_no_name() {
    // One compound noun before the letters defines a common noun's abbreviation; an
    // institution's ending ("-gerichtshof", "-kammer", "-amt") keeps its letters a name.
    let e = extract_entities(
        "Wirtschaft schrumpft",
        "Das Bruttoinlandsprodukt (BIP) ist im dritten Quartal gesunken, teilte das Statistische Bundesamt am Dienstag \
         mit. Das BIP lag damit unter dem Vorquartal. Die Befunde liegen im Praxisverwaltungssystem (PVS) der Ärzte. \
         Der Landesgerichtshof (LGH) in Kellbach entschied am Mittwoch, und die Europäische Zentralbank (EZB) schwieg.",
        Some("de"),
    );
    let k = kinds(&e);
    assert!(!k.iter().any(|(name, _)| name == "BIP" || name == "PVS"), "{k:?}");
    assert!(k.contains(&("LGH".into(), EntityKind::Organization)), "{k:?}");
    assert!(k.contains(&("Europäische Zentralbank".into(), EntityKind::Organization)), "{k:?}");
}

#[test]
fn a_capitalised_german_pronoun_is_no_name_and_a_savings_bank_no_person() {
    let e = extract_entities(
        "Neue Angebote",
        "Inzwischen haben einige Versicherer Ihre eigenen Angebote gestartet. Die Partei Die Linke kritisierte das \
         am Montag. Bitte fragen Sie bei der Sparkasse Kellbach nach, sagte Anna Berger.",
        Some("de"),
    );
    let k = kinds(&e);
    assert!(!k.iter().any(|(name, _)| name == "Ihre"), "{k:?}");
    assert!(k.contains(&("Die Linke".into(), EntityKind::Organization)), "{k:?}");
    assert!(k.contains(&("Sparkasse Kellbach".into(), EntityKind::Organization)), "{k:?}");
    assert!(k.contains(&("Anna Berger".into(), EntityKind::Person)), "{k:?}");
}

#[test]
fn a_sentences_common_first_word_is_no_given_name_where_the_language_has_no_word_lists() {
    // "Karena" is a given name in the lists and "because" in Indonesian: the text writes it in
    // lowercase too, so the capital is the sentence's.
    let e = extract_entities(
        "Banjir",
        "Karena Jakarta banjir lagi, sekolah ditutup selama dua hari. Warga menunggu di rumah karena hujan deras \
         terus turun sejak pagi.",
        Some("id"),
    );
    let k = kinds(&e);
    assert!(!k.iter().any(|(name, _)| name.starts_with("Karena")), "{k:?}");
    assert!(k.contains(&("Jakarta".into(), EntityKind::Place)), "{k:?}");
}

#[test]
fn a_line_of_dialogue_opens_a_sentence_after_its_dash() {
    // "— Думаю, ...": the word after the dash opens the sentence ("I think"), no town's name.
    let e = extract_entities(
        "Рецепт недели",
        "Мы спросили шеф-повара, что она приготовит на ужин.\n— Думаю, это будет паста с лососем, сказала Анна \
         Петрова.\n— Самое главное – выбрать хорошую рыбу.",
        Some("ru"),
    );
    let k = kinds(&e);
    assert!(!k.iter().any(|(_, kind)| *kind == EntityKind::Place), "{k:?}");
    assert!(k.contains(&("Анна Петрова".into(), EntityKind::Person)), "{k:?}");
}

#[test]
fn a_long_word_in_capitals_is_a_shout_unless_the_lists_know_it() {
    let e = en(
        "Harbour fees",
        "The council's plan was, in one word, SUPERSIZED, said Ana Brook, who called the vote EXCITING. \
         POLITICO reported the vote first.",
    );
    let k = kinds(&e);
    assert!(!k.iter().any(|(name, _)| name == "SUPERSIZED" || name == "EXCITING"), "{k:?}");
    assert!(
        k.iter().any(|(name, kind)| name.eq_ignore_ascii_case("politico") && *kind == EntityKind::Organization),
        "{k:?}"
    );
}

#[test]
fn public_relations_and_wireless_networks_are_no_organisations() {
    let e = en(
        "Cafe opens",
        "The cafe offers free Wi-Fi to guests, and its PR team, led by Ana Brook, promoted the opening in Kellton.",
    );
    let k = kinds(&e);
    assert!(!k.iter().any(|(name, _)| name == "Wi-Fi" || name == "PR"), "{k:?}");
    assert!(k.contains(&("Ana Brook".into(), EntityKind::Person)), "{k:?}");
}

#[test]
fn brothers_and_a_brotherhood_are_organisations_and_a_saga_of_wars_no_person() {
    let e = en(
        "Studio deal",
        "Kellway Brothers said on Monday that the Harbour Brotherhood would screen Star Wars at its hall in Kellton, \
         said Ana Brook.",
    );
    let k = kinds(&e);
    assert!(k.contains(&("Kellway Brothers".into(), EntityKind::Organization)), "{k:?}");
    assert!(k.contains(&("Harbour Brotherhood".into(), EntityKind::Organization)), "{k:?}");
    assert!(!k.iter().any(|(name, _)| name == "Star Wars"), "{k:?}");
}

#[test]
fn ukrainian_names_in_the_genitive_are_read_in_the_nominative() {
    let e = extract_entities(
        "Візит до Харкова",
        "Візит Олександра Кельського до Харкова тривав два дні. Заява Тараса Бровіна пролунала у Києві в понеділок, \
         повідомили журналістам.",
        Some("uk"),
    );
    let k = kinds(&e);
    assert!(k.contains(&("Олександр Кельський".into(), EntityKind::Person)), "{k:?}");
    assert!(k.contains(&("Тарас Бровін".into(), EntityKind::Person)), "{k:?}");
}

#[test]
fn a_name_after_the_that_speaks_is_a_bodys() {
    let e = en(
        "Fuel supply",
        "The Harlow Pipeline announced Saturday that it had restarted, and the Kellton Courier reported that queues eased. \
         The Bible says little about fuel, Ana Brook said.",
    );
    let k = kinds(&e);
    assert!(k.contains(&("Harlow Pipeline".into(), EntityKind::Organization)), "{k:?}");
    assert!(k.contains(&("Kellton Courier".into(), EntityKind::Organization)), "{k:?}");
    assert!(!k.iter().any(|(name, _)| name == "Bible"), "{k:?}");
    assert!(k.contains(&("Ana Brook".into(), EntityKind::Person)), "{k:?}");
}

#[test]
fn a_word_after_a_title_in_the_possessive_is_no_person() {
    let e = en(
        "Correction",
        "The council met on Monday. Editor's Note, 5/11 at 1:45 pm: an earlier version misstated the date. \
         The President's Proclamation was read aloud by Ana Brook.",
    );
    let k = kinds(&e);
    assert!(!k.iter().any(|(name, _)| name == "Note" || name == "Proclamation"), "{k:?}");
    assert!(k.contains(&("Ana Brook".into(), EntityKind::Person)), "{k:?}");
}

#[test]
fn a_full_name_before_an_institutions_noun_names_the_institution() {
    let e = en(
        "Check-up",
        "The senator made an unscheduled trip to Walter Kellman hospital on Saturday, and Ana Brook said the visit \
         was routine. Critics called it the Joan Harlow school of public relations.",
    );
    let k = kinds(&e);
    assert!(k.contains(&("Walter Kellman".into(), EntityKind::Organization)), "{k:?}");
    assert!(k.contains(&("Ana Brook".into(), EntityKind::Person)), "{k:?}");
    assert!(!k.contains(&("Joan Harlow".into(), EntityKind::Organization)), "{k:?}");
}

#[test]
fn a_capitalised_particle_stays_in_a_name_in_the_languages_without_word_lists() {
    // (The German rule for capitalised pronouns inside a run is German's alone.)
    let e = extract_entities(
        "Mostra",
        "Il museo ha ospitato una mostra su Leonardo Da Vinci a Milano, ha detto il direttore Marco Bianchi.",
        Some("it"),
    );
    let k = kinds(&e);
    assert!(k.contains(&("Leonardo Da Vinci".into(), EntityKind::Person)), "{k:?}");
}

#[test]
fn a_rare_given_name_that_is_a_common_word_makes_no_person() {
    // The census lists "Star", "Lean" and "Honey" as given names of a few people; before a
    // product's or a show's second word they are its first words, not a person's name.
    let e = en(
        "Weekend",
        "Fans of Star Harbor queued for the Lean Kettle cooker, and the Honey Orchard stall sold out. \
         Dick Kellerman bought two kettles for the club.",
    );
    let k = kinds(&e);
    for product in ["Star Harbor", "Lean Kettle", "Honey Orchard"] {
        assert!(!k.contains(&(product.into(), EntityKind::Person)), "{product}: {k:?}");
    }
    // A name many people bear stays one, word or not.
    assert!(k.contains(&("Dick Kellerman".into(), EntityKind::Person)), "{k:?}");
}

#[test]
fn a_title_in_capitals_holding_function_words_is_no_person() {
    let e = en(
        "Listings",
        "The trio Mara Of Thunder played in Kellton on Friday, and fans cheered as Dana At Midnight took the stage. \
         Theresa Kellmay said the hall was full.",
    );
    let k = kinds(&e);
    assert!(!k.iter().any(|(name, kind)| *kind == EntityKind::Person && name.contains(" Of ")), "{k:?}");
    assert!(!k.iter().any(|(name, kind)| *kind == EntityKind::Person && name.contains(" At ")), "{k:?}");
    assert!(k.contains(&("Theresa Kellmay".into(), EntityKind::Person)), "{k:?}");
    // A given name that is also a function word ends a person's name as well.
    let e = en("Column", "Columnist Ana Will wrote on Sunday that the council was right.");
    assert!(kinds(&e).contains(&("Ana Will".into(), EntityKind::Person)), "{e:?}");
}

#[test]
fn letters_in_capitals_open_no_persons_name() {
    let e = en(
        "Depot",
        "Engineers praised the ZORB Kellovic, the robot that sorts parcels, and the company said more would follow \
         next year. JACK Brannock, the depot's manager, said LK Petrovic had designed it.",
    );
    let k = kinds(&e);
    assert!(!k.iter().any(|(name, kind)| *kind == EntityKind::Person && name.starts_with("ZORB")), "{k:?}");
    // A given name in capitals and two initials without dots still open one.
    assert!(k.iter().any(|(name, kind)| *kind == EntityKind::Person && name.ends_with("Brannock")), "{k:?}");
    assert!(k.contains(&("LK Petrovic".into(), EntityKind::Person)), "{k:?}");
}

#[test]
fn a_point_of_the_compass_before_a_known_place_names_a_part_of_it() {
    let e = en(
        "Storm",
        "Power was cut across Eastern Kentucky and North Virginia overnight, and crews from Midtown Manhattan \
         were sent to help, Ana Brook said. Northern Thai cooking is served at the shelter.",
    );
    let k = kinds(&e);
    for place in ["Eastern Kentucky", "North Virginia", "Midtown Manhattan"] {
        assert!(k.contains(&(place.into(), EntityKind::Place)), "{place}: {k:?}");
    }
    assert!(!k.iter().any(|(name, kind)| name == "Northern Thai" && *kind == EntityKind::Place), "{k:?}");
}

#[test]
fn an_english_adjective_opens_no_persons_name() {
    let e = en(
        "Panel",
        "The former head of the panel on Courts, Civil Rights and Civil Kellberties, told the newspaper that the \
         bill was flawed. Young Kellmann, its new head, said nothing.",
    );
    let k = kinds(&e);
    assert!(!k.iter().any(|(name, kind)| name.starts_with("Civil") && *kind == EntityKind::Person), "{k:?}");
    // A given name that is also an adjective ("Young") still opens one.
    assert!(k.contains(&("Young Kellmann".into(), EntityKind::Person)), "{k:?}");
}

#[test]
fn venues_named_by_their_kind_are_places() {
    let e = en(
        "Tour",
        "The band plays the Harriet Kell Pavilion on June 3 and the Brannock Amphitheatre a week later, the \
         promoter said.",
    );
    let k = kinds(&e);
    assert!(k.contains(&("Harriet Kell Pavilion".into(), EntityKind::Place)), "{k:?}");
    assert!(k.contains(&("Brannock Amphitheatre".into(), EntityKind::Place)), "{k:?}");
}

#[test]
fn a_trades_noun_before_a_persons_name_makes_no_organisation() {
    let e = en(
        "Studio",
        "The band went into the studio with producer Mark Kellan, and games developer Brixwell Studios said the \
         soundtrack would follow.",
    );
    let k = kinds(&e);
    assert!(k.contains(&("Mark Kellan".into(), EntityKind::Person)), "{k:?}");
    assert!(k.contains(&("Brixwell Studios".into(), EntityKind::Organization)), "{k:?}");
}

#[test]
fn a_known_organisations_last_word_is_no_noun_before_the_next_name() {
    // "union" ends the known name; it is not a union's noun set before Mara Kellan's.
    let e = en("Talks", "The bloc's envoy at the European Union Mara Kellan spoke to reporters in Brussels on Friday.");
    let k = kinds(&e);
    assert!(k.contains(&("Mara Kellan".into(), EntityKind::Person)), "{k:?}");
    assert!(k.contains(&("European Union".into(), EntityKind::Organization)), "{k:?}");
}

#[test]
fn records_sport_and_file_formats_letters_are_no_organisations() {
    let e = en(
        "Season",
        "The band will release an EP in May, the quarterback threw a TD pass on Sunday, and the HR office asked \
         staff to send each photo as a JPG, Ana Brook said.",
    );
    let k = kinds(&e);
    for letters in ["EP", "TD", "HR", "JPG"] {
        assert!(!k.iter().any(|(name, _)| name == letters), "{letters}: {k:?}");
    }
    assert!(k.contains(&("Ana Brook".into(), EntityKind::Person)), "{k:?}");
}

#[test]
fn common_nouns_letters_written_with_capitals_inside_are_no_organisations() {
    let e = en(
        "Lab",
        "The lab's PhD students built an IoT sensor that reports over WiFi, and Kellsoft said it would fund the \
         next one, Ana Brook said.",
    );
    let k = kinds(&e);
    for letters in ["PhD", "IoT", "WiFi"] {
        assert!(!k.iter().any(|(name, _)| name == letters), "{letters}: {k:?}");
    }
}

#[test]
fn a_titles_word_before_a_place_or_title_word_names_no_one() {
    let e = en(
        "Flights",
        "The jet will be based at the Kellton Executive Airport, and flights start in May, the operator said on Monday.",
    );
    assert!(!kinds(&e).iter().any(|(_, kind)| *kind == EntityKind::Person), "{e:?}");
    let e = en(
        "Update",
        "Greetings from the studio. Executive Producer, Kell Games, wrote the update on Friday and thanked the players.",
    );
    assert!(!kinds(&e).iter().any(|(_, kind)| *kind == EntityKind::Person), "{e:?}");
    // A title before a surname still makes a person.
    let e = en("Visit", "General Kellmark arrived on Monday, and the base's staff met him.");
    assert!(kinds(&e).contains(&("Kellmark".into(), EntityKind::Person)), "{e:?}");
}

#[test]
fn portuguese_institutions_and_names_with_particles() {
    let e = extract_entities(
        "Lucros do Banco do Kellmar sobem",
        "O Banco do Kellmar informou nesta quinta-feira que o lucro subiu. A Universidade de Coimbra publicou um \
         estudo. O ministro Ricardo Albuquerque de Sousa disse que os dados são bons. Daniela Brook e Marta Quill \
         venceram o prêmio. O treinador campeão da Taça Kellense, morre aos 70 anos. Ontem a Kellbras anunciou \
         um plano.",
        Some("pt"),
    );
    assert_has(
        &e,
        &[
            ("Banco do Kellmar", EntityKind::Organization),
            ("Universidade de Coimbra", EntityKind::Organization),
            // A surname that is also a town's name, after a given name and a particle.
            ("Ricardo Albuquerque de Sousa", EntityKind::Person),
            ("Daniela Brook", EntityKind::Person),
            ("Marta Quill", EntityKind::Person),
        ],
    );
    // Nothing that follows an article or a preposition dies: the cup is no person.
    assert!(!e.iter().any(|x| x.kind == EntityKind::Person && x.name.starts_with("Taça")), "{e:?}");
    // Portuguese writes no article before a person's name: what speaks after one is no person.
    assert!(!e.iter().any(|x| x.kind == EntityKind::Person && x.name == "Kellbras"), "{e:?}");
}

#[test]
fn italian_elisions_lowercase_adjectives_and_titles_of_an_institution() {
    let e = extract_entities(
        "La Banca d'Italia taglia le stime",
        "La Banca d'Italia ha tagliato le stime. I leader dell'Unione europea sono arrivati a Roma. La Corte \
         costituzionale ha bocciato la legge. Il presidente della Repubblica Sergio Kellani ha firmato il decreto. \
         Il venerdì nero è una consuetudine importata dagli USA.",
        Some("it"),
    );
    assert_has(
        &e,
        &[
            ("Banca d'Italia", EntityKind::Organization),
            ("Unione europea", EntityKind::Organization),
            ("Corte costituzionale", EntityKind::Organization),
            ("Sergio Kellani", EntityKind::Person),
            ("USA", EntityKind::Place),
        ],
    );
    assert!(!e.iter().any(|x| x.name.contains("Repubblica")), "{e:?}");
}

#[test]
fn an_elided_of_inside_a_name_is_written_and_read_as_the_gazetteer_has_it() {
    // Straight apostrophes, where the gazetteer writes a typographic one.
    let e = extract_entities(
        "Talks in Abidjan",
        "Le président de la République Henri Kellou a reçu la Banque d'Espagne en Côte d'Ivoire.",
        Some("fr"),
    );
    assert_has(
        &e,
        &[
            ("Côte d'Ivoire", EntityKind::Place),
            ("Banque d'Espagne", EntityKind::Organization),
            ("Henri Kellou", EntityKind::Person),
        ],
    );
}

/// A continent, or a part of the world, is a place wherever CLDR gives it a name, and one
/// entity by its English name (a French "Afrique" was taken for a person, a German "Asien" was
/// missed); a name only other languages give one is none in the article's language.
#[test]
fn continents_in_every_language_and_not_in_the_others() {
    let fr = extract_entities(
        "Les prix du cacao s'envolent",
        "Les prix du cacao augmentent en Afrique de l'Ouest et en Europe, selon les négociants de Lyon. \
         En Afrique, les récoltes ont baissé d'un tiers.",
        Some("fr"),
    );
    assert_eq!(find(&fr, "africa").kind, EntityKind::Place, "{fr:?}");
    assert_eq!(find(&fr, "europe").kind, EntityKind::Place);
    let de = extract_entities(
        "Exporte nach Asien steigen",
        "Die Exporte nach Asien und Südostasien sind im Mai gestiegen, teilte der Verband in Kellstadt mit. \
         Nach Europa ging weniger.",
        Some("de"),
    );
    for (key, name) in [("asia", "Asien"), ("southeast asia", "Südostasien"), ("europe", "Europa")] {
        let e = find(&de, key);
        assert_eq!((e.kind, e.name.as_str()), (EntityKind::Place, name), "{de:?}");
    }
    let pt = extract_entities(
        "Exportações crescem",
        "As exportações para a Ásia cresceram em maio, disse o ministro em Kellvila.",
        Some("pt"),
    );
    assert_eq!(find(&pt, "asia").kind, EntityKind::Place, "{pt:?}");
    let en = en(
        "A telescope for an icy moon",
        "The Kellmar Observatory will point its new telescope at Europa, the icy moon of Jupiter, in March. \
         Europa's ocean lies under a thick crust, its director said.",
    );
    assert!(!en.iter().any(|e| e.name == "Europa"), "{en:?}");
}

/// A parliament's chamber named by its one word is an organisation in the languages whose
/// news names it so, after the article or preposition they write before it ("al Senato", "el
/// Congreso", "le Sénat", "a Câmara"); the same word in a list of products is none.
#[test]
fn chambers_named_by_their_one_word_in_other_languages() {
    for (lang, text, word) in [
        (
            "it",
            "La legge di bilancio è stata approvata martedì. Il testo passa ora al Senato, dove la maggioranza è stretta.",
            "Senato",
        ),
        (
            "es",
            "El Gobierno aprobó el martes la reforma de Kellvera, que ahora debe votar el Congreso en marzo.",
            "Congreso",
        ),
        (
            "fr",
            "Le projet de loi a été adopté mardi. Le Sénat doit l'examiner en janvier, a indiqué la ministre.",
            "Sénat",
        ),
        ("pt", "O projeto foi aprovado na terça-feira. O texto volta agora para a Câmara, disse o relator.", "Câmara"),
    ] {
        let e = extract_entities("", text, Some(lang));
        assert!(e.iter().any(|x| x.name == word && x.kind == EntityKind::Organization), "{lang}: {e:?}");
    }
    let list = extract_entities(
        "",
        "Le offerte di oggi: Kellvox 600 Camera a 80 euro, cuffie Brixtone a 20 euro, Kellmark Senato 5 in vinile.",
        Some("it"),
    );
    assert!(!list.iter().any(|x| x.name == "Camera" || x.name == "Senato"), "{list:?}");
}

/// A title's word after a given name and the article or particles of a surname is the
/// surname's last word ("Le Maire", "de la Reina"), not a title that ends the name.
#[test]
fn a_title_word_after_a_surnames_particle_is_the_surname() {
    let fr = extract_entities(
        "",
        "Le ministre de l'Économie, Aurélien Le Maire, a annoncé mardi un plan d'économies à Nantes.",
        Some("fr"),
    );
    assert_eq!(find(&fr, "aurélien le maire").kind, EntityKind::Person, "{fr:?}");
    let es = extract_entities(
        "",
        "La diputada Elena de la Reina criticó el martes el plan del Gobierno en Sevilla, informó la agencia.",
        Some("es"),
    );
    assert_eq!(find(&es, "elena de la reina").kind, EntityKind::Person, "{es:?}");
}

/// A verb of saying after a name and a comma is inverted, its speaker after it: the name
/// before is not the one who speaks ("à Kellcorp, a indiqué Bruxelles"); but a name set
/// between commas, an apposition, speaks ("one of the guests, Kellora Vint, noted").
#[test]
fn a_verb_of_saying_after_a_comma_is_not_the_names() {
    let fr = extract_entities(
        "",
        "La Commission européenne a infligé une amende de 20 millions d'euros à Kellcorp, a indiqué Bruxelles mardi.",
        Some("fr"),
    );
    assert!(!fr.iter().any(|e| e.name == "Kellcorp" && e.kind == EntityKind::Person), "{fr:?}");
    let en = en("", "One of the guests, Kellora Vint, noted that the bridge had been shut twice.");
    assert_eq!(find(&en, "kellora vint").kind, EntityKind::Person, "{en:?}");
}

/// German: a well-known organisation whose adjectives are declined ("der Deutschen Bank",
/// "des Europäischen Parlaments") is that organisation, shown as the nominative where the
/// article writes it; a common noun before a genitive's article is no word of the name after
/// it ("Mitarbeiter der ..."); a newspaper is named by its head word.
#[test]
fn german_organisations_with_declined_adjectives() {
    let de = extract_entities(
        "",
        "Die Mitarbeiter der Deutschen Bank in Frankfurt streiken seit Montag. Der Präsident der Europäischen \
         Zentralbank sprach von einer schwierigen Lage; die Europäische Zentralbank werde die Zinsen halten. \
         Die Abgeordneten des Europäischen Parlaments wollen am Mittwoch abstimmen, berichtete die Kellstädter Zeitung.",
        Some("de"),
    );
    assert_eq!(find(&de, "deutsche bank").kind, EntityKind::Organization, "{de:?}");
    let ecb = find(&de, "european central bank");
    assert_eq!((ecb.name.as_str(), ecb.mentions), ("Europäische Zentralbank", 2), "{de:?}");
    assert_eq!(find(&de, "european parliament").kind, EntityKind::Organization, "{de:?}");
    assert_eq!(find(&de, "kellstädter zeitung").kind, EntityKind::Organization, "{de:?}");
}

/// German: a noun that introduces a name ("die Gewerkschaft Verdi") is no apposition before a
/// genitive's article: "die Bank der Vereinigten Staaten" is one name, not "der Vereinigten
/// Staaten".
#[test]
fn a_noun_before_a_genitive_is_no_apposition() {
    let de =
        extract_entities("", "Gestern meldete die Bank der Vereinigten Staaten hohe Gewinne in Kellstadt.", Some("de"));
    assert!(!de.iter().any(|e| e.name.starts_with("der ")), "{de:?}");
    assert_eq!(find(&de, "bank der vereinigten staaten").kind, EntityKind::Organization, "{de:?}");
}

/// The connector that joins an organisation's name to a title and a person after it is
/// neither's: "the Party of Kellen and President Ana Brook" names the party without "and".
#[test]
fn a_connector_before_a_title_belongs_to_no_name() {
    let e =
        en("", "Voters turned against the governing Party of Kellen and President Vitor Kellenko in Sunday's poll.");
    assert!(!e.iter().any(|x| x.name.ends_with(" and")), "{e:?}");
    assert_eq!(find(&e, "party of kellen").kind, EntityKind::Organization, "{e:?}");
    assert_eq!(find(&e, "vitor kellenko").kind, EntityKind::Person, "{e:?}");
}

/// A company's chiefs other than its chief executive are titles too ("CTO", "CFO"), and so is
/// an undersheriff: cut from the name after them.
#[test]
fn chiefs_of_a_company_are_titles() {
    let e = en("", "Kellmark CTO Ana Brook and Kellton County Undersheriff Tomas Vell spoke at the opening on Monday.");
    assert!(!e.iter().any(|x| x.name.contains("CTO") || x.name.contains("Undersheriff")), "{e:?}");
    assert_eq!(find(&e, "ana brook").kind, EntityKind::Person, "{e:?}");
    assert_eq!(find(&e, "tomas vell").kind, EntityKind::Person, "{e:?}");
}

/// In English, one common word alone that speaks is no person unless it is a surname many
/// people bear as well: "Lighthouse said" names no one, "Stone said" may.
#[test]
fn a_common_word_alone_is_a_person_only_as_a_surname() {
    let e = en("", "“The harbour plan is dead,” Lighthouse said on Monday in Kellton. “We will not build it.”");
    assert!(!e.iter().any(|x| x.name == "Lighthouse"), "{e:?}");
    let e = en("", "“The harbour plan is dead,” Stone said on Monday in Kellton. “We will not build it.”");
    assert_eq!(find(&e, "stone").kind, EntityKind::Person, "{e:?}");
}

/// Another spelling of a city that is an English word ("Bush" for an Egyptian city, "Drug"
/// for an Indian one) is the word in English text, no place, and keys no person by the city.
#[test]
fn an_english_word_is_no_other_spelling_of_a_city() {
    let e = en(
        "",
        "Kellton's council wants the Bush tax cuts kept for another year. Drug prices rose again in the county, \
         the council said.",
    );
    assert!(!e.iter().any(|x| x.kind == EntityKind::Place && (x.name == "Bush" || x.name == "Drug")), "{e:?}");
    let e = en("", "Former governor Jeb Bush spoke at the meeting in Kellton on Monday.");
    assert_eq!(find(&e, "jeb bush").kind, EntityKind::Person, "{e:?}");
}

/// In English, a common word alone that is only a small city's name is a place only where
/// the text says or hints so: "a Metro look", "Paramount has not chosen" name no
/// place; "flew to Boulder" does.
#[test]
fn a_common_word_alone_is_a_city_only_where_the_text_says_so() {
    let e = en(
        "",
        "Kellsoft showed its new phone with a Metro look on Monday. Paramount has not chosen who will direct the film.",
    );
    assert!(!e.iter().any(|x| x.kind == EntityKind::Place), "{e:?}");
    let e = en("", "We flew to Boulder on Friday and drove on to the lake the next morning.");
    assert_eq!(find(&e, "boulder").kind, EntityKind::Place, "{e:?}");
}

/// A common noun's letters with a dot after each ("H.I.V.", "D.I.Y.") name nothing, as
/// without the dots; two letters with dots stay a person's initials ("A.J. Kellner").
#[test]
fn dotted_letters_of_a_common_noun_name_nothing() {
    let e =
        en("", "The clinic in Kellton tests for H.I.V. every week, and its shop sells D.I.Y. kits, the mayor said.");
    assert!(!e.iter().any(|x| x.name.contains('.')), "{e:?}");
    let e = en("", "A.J. Kellner opened the clinic in Kellton on Monday.");
    assert_eq!(find(&e, "a.j. kellner").kind, EntityKind::Person, "{e:?}");
}

/// "il ministro dell'Economia Kellmar Vint": the connector elided into the portfolio's word
/// still makes the portfolio part of the title, and the name after it the minister's; a
/// ministry's noun so makes one organisation's name.
#[test]
fn a_portfolio_after_an_elided_connector_is_the_title_s() {
    let e = extract_entities("", "Il ministro dell'Economia Kellmar Vint ha firmato il decreto a Roma.", Some("it"));
    assert_eq!(kinds(&e), [("Kellmar Vint".to_owned(), EntityKind::Person), ("Roma".to_owned(), EntityKind::Place)]);
    let e = extract_entities("", "Il ministero dell'Interno ha pubblicato i dati sugli sbarchi.", Some("it"));
    assert_eq!(kinds(&e), [("ministero dell'Interno".to_owned(), EntityKind::Organization)]);
}

/// Italian and Spanish write no article before a town's name: a town after one is its sports
/// club ("il Bologna", "el Sevilla"), unless the text names it as a place more often or the
/// article is the town's own ("al Cairo").
#[test]
fn a_town_after_an_article_is_its_club_where_towns_take_none() {
    let e = extract_entities("", "Il Bologna ha battuto il Torino per tre a uno davanti ai suoi tifosi.", Some("it"));
    assert_eq!(find(&e, "bologna").kind, EntityKind::Organization, "{e:?}");
    assert_eq!(find(&e, "turin").kind, EntityKind::Organization, "{e:?}");
    let e = extract_entities("", "El Sevilla perdió ante el Getafe en el último minuto del partido.", Some("es"));
    assert_eq!(find(&e, "sevilla").kind, EntityKind::Organization, "{e:?}");
    let e = extract_entities(
        "",
        "La delegazione è arrivata al Cairo. A Bologna la giunta ha discusso il bilancio.",
        Some("it"),
    );
    assert_eq!(find(&e, "cairo").kind, EntityKind::Place, "{e:?}");
    assert_eq!(find(&e, "bologna").kind, EntityKind::Place, "{e:?}");
    // (The same town named as a club once and as a place twice is the place.)
    let e = extract_entities("", "Il Bologna gioca a Bologna, e a Bologna vive il suo allenatore.", Some("it"));
    assert_eq!(find(&e, "bologna").kind, EntityKind::Place, "{e:?}");
}

/// French and Italian write an institution's domain in lowercase after a connector: "la Cour
/// des comptes", "il Consiglio dei ministri" are one name each; a day or a verb after the
/// name is none of it.
#[test]
fn an_institution_s_lowercase_domain_is_its_name_s() {
    let e = extract_entities("", "La Cour des comptes critique les dépenses de la commune de Kellac.", Some("fr"));
    assert_has(&e, &[("Cour des comptes", EntityKind::Organization)]);
    assert!(!e.iter().any(|x| x.name.contains("critique")), "{e:?}");
    let e = extract_entities("", "Il Consiglio dei ministri ha approvato la riforma delle pensioni.", Some("it"));
    assert_eq!(kinds(&e), [("Consiglio dei ministri".to_owned(), EntityKind::Organization)]);
    let e = extract_entities("", "Il Consiglio di oggi ha rinviato la decisione sulle pensioni.", Some("it"));
    assert!(!e.iter().any(|x| x.name.contains("oggi")), "{e:?}");
}

/// A lowercase noun of a place right before a name ("el estadio ...", "l'aeroporto ...") makes
/// it a place, where the language writes such nouns in lowercase, however its words read.
#[test]
fn a_name_after_a_lowercase_place_noun_is_a_place() {
    let e = extract_entities("", "El partido se jugará en el estadio Ana Kellbrook el próximo domingo.", Some("es"));
    assert_eq!(find(&e, "ana kellbrook").kind, EntityKind::Place, "{e:?}");
    let e = extract_entities("", "I voli partiranno dall'aeroporto Marco Kellini a partire da lunedì.", Some("it"));
    assert_eq!(find(&e, "marco kellini").kind, EntityKind::Place, "{e:?}");
}

/// A sentence that opens with an elided article before a lowercase word ("L'allenatore ...")
/// opens with that word, and the name after it is read as anywhere else.
#[test]
fn an_elided_article_before_a_lowercase_word_opens_no_name() {
    let e = extract_entities("", "L'allenatore Marco Kellini ha lodato la squadra dopo la partita.", Some("it"));
    assert_eq!(kinds(&e), [("Marco Kellini".to_owned(), EntityKind::Person)]);
}

/// Spanish and Italian regional and local bodies and their prosecutors are organisations by
/// their head noun.
#[test]
fn regional_and_local_bodies_are_organisations() {
    let e = extract_entities("", "El Ayuntamiento de Kellvilla cerró los parques por el viento.", Some("es"));
    assert_eq!(find(&e, "ayuntamiento de kellvilla").kind, EntityKind::Organization, "{e:?}");
    let e = extract_entities("", "La Regione Campania ha stanziato nuovi fondi per i trasporti.", Some("it"));
    assert_eq!(find(&e, "regione campania").kind, EntityKind::Organization, "{e:?}");
}

/// After a preposition of place, a name the lists do not know followed by a comma and a
/// country ("em Kellpur, Paquistão,") is a town of that country, in any language; a person
/// before a country in a list stays a person.
#[test]
fn an_unknown_name_before_its_country_is_a_town() {
    let e =
        extract_entities("", "Uma explosão em Kellpur, Paquistão, deixou dez feridos na segunda-feira.", Some("pt"));
    assert_eq!(find(&e, "kellpur").kind, EntityKind::Place, "{e:?}");
    let e = en("", "The plant in Kellbridge, Canada, closed on Monday after the storm.");
    assert_eq!(find(&e, "kellbridge").kind, EntityKind::Place, "{e:?}");
    let e = en("", "Talks with Ana Brook, Canada, and the others went on until late.");
    assert_eq!(find(&e, "ana brook").kind, EntityKind::Person, "{e:?}");
}

/// Where names decline, a country after a preposition of place is a name of its own before
/// the sentence's subject ("в США Сенат", "в Японии Консервативная партия"), unless the two
/// words name one country ("в Южной Корее").
#[test]
fn a_country_after_a_preposition_ends_its_name_where_names_decline() {
    let e = extract_entities("", "Вчера в США Сенат одобрил бюджет на следующий год.", Some("ru"));
    assert_eq!(
        kinds(&e),
        [("США".to_owned(), EntityKind::Place), ("Сенат".to_owned(), EntityKind::Organization)],
        "{e:?}"
    );
    let e = extract_entities("", "На выборах в Японии Либеральная партия потеряла много мест.", Some("ru"));
    assert_has(&e, &[("Либеральная партия", EntityKind::Organization)]);
    let e = extract_entities("", "В Южной Корее прошли досрочные выборы президента.", Some("ru"));
    assert_eq!(kinds(&e), [("Южная Корея".to_owned(), EntityKind::Place)], "{e:?}");
}

/// A comma after a name followed by a preposition goes on with the sentence: the noun after it
/// says nothing of what the name is ("a student, Ana Kellbrook, from the team").
#[test]
fn a_preposition_after_the_comma_opens_no_apposition() {
    let e = en("", "The school suspended a student, Ana Kellbrook, from the team for a term.");
    assert_eq!(find(&e, "ana kellbrook").kind, EntityKind::Person, "{e:?}");
    let e = en("", "Kellsoft, the software company, said on Monday it would hire more engineers.");
    assert_eq!(find(&e, "kellsoft").kind, EntityKind::Organization, "{e:?}");
}

/// A party's name in a court case ("Kellton v. Brookfield") is no part of the name before its
/// connector ("the Court on ...").
#[test]
fn a_case_s_party_is_no_part_of_the_name_before_it() {
    let e = en("", "The judges of the Court on Kellton v. Brookfield met twice, the clerk wrote.");
    assert!(!e.iter().any(|x| x.name.contains(" on ")), "{e:?}");
}

/// Military ranks before a name are titles ("Cpl.", "Pvt.", "Maj.").
#[test]
fn military_ranks_are_titles() {
    let e = en("", "The video tells how Cpl. Ana Kellbrook chose to enlist after school.");
    assert_eq!(kinds(&e), [("Ana Kellbrook".to_owned(), EntityKind::Person)]);
    let e = en("", "Maj. Kellmar Vint and Pvt. Ana Brook were given medals on Friday.");
    assert_has(&e, &[("Kellmar Vint", EntityKind::Person), ("Ana Brook", EntityKind::Person)]);
}

/// A name right before a company's officer ("Kellair CEO Ana Brook") is the company's, unless
/// it is a person's (a given name first) or a place's.
#[test]
fn a_name_before_a_company_s_officer_is_the_company() {
    let e = en("", "On Sunday, Kellair CEO Ana Brook said the new route would open in May.");
    assert_eq!(find(&e, "kellair").kind, EntityKind::Organization, "{e:?}");
    assert_eq!(find(&e, "ana brook").kind, EntityKind::Person, "{e:?}");
    let e = en("", "The panel heard from Ana Kellbrook CTO of Kellsoft and two engineers on Monday.");
    assert_eq!(find(&e, "ana kellbrook").kind, EntityKind::Person, "{e:?}");
}

/// Greek surnames' endings ("-idis", "-opoulou") make a person of a given name the lists lack
/// and a surname, where nothing says otherwise.
#[test]
fn greek_surnames_make_a_person() {
    let e = extract_entities("", "Nikos Kellidis vandt valget på søndag med et stort flertal.", Some("da"));
    assert_eq!(kinds(&e), [("Nikos Kellidis".to_owned(), EntityKind::Person)]);
}

/// In every language, a given name alone that is only another name of a foreign city (not
/// its own) names it only where the text says it is a place: "Bella" after a noun is a
/// surname's genitive in Polish.
#[test]
fn a_given_name_that_is_a_city_s_other_name_needs_place_evidence_in_every_language() {
    let e = extract_entities("", "Nowy eksperyment znów złamał nierówność Bella, piszą fizycy z Gdańska.", Some("pl"));
    assert!(!e.iter().any(|x| x.name == "Bella"), "{e:?}");
}

/// Russian lowercase nouns of places before a name ("на озере ...", "вулкана ...") make it a
/// place, in their case forms.
#[test]
fn russian_place_nouns_make_a_place() {
    let e = extract_entities("", "Лодка с туристами перевернулась на озере Келлино в субботу.", Some("ru"));
    assert_eq!(kinds(&e), [("Келлино".to_owned(), EntityKind::Place)]);
    let e = extract_entities("", "Извержение вулкана Келл-Лоа началось в понедельник утром.", Some("ru"));
    assert_eq!(kinds(&e), [("Келл-Лоа".to_owned(), EntityKind::Place)]);
}

/// Indonesian and Malay "di" is a preposition of place ("di Kellpura, Indonesia,").
#[test]
fn indonesian_di_is_a_preposition_of_place() {
    let e = extract_entities(
        "",
        "Sebuah kebakaran di Kellpura, Indonesia, merusak puluhan rumah pada malam hari.",
        Some("id"),
    );
    assert_eq!(find(&e, "kellpura").kind, EntityKind::Place, "{e:?}");
}

/// A job's title in capitals ("Storage Systems Architect") names nobody, and the name after a
/// role and "at" is the employer's ("an architect at Kellsoft").
#[test]
fn a_job_title_names_nobody_and_its_employer_is_an_organisation() {
    let e = en("", "Read how Ana Brook, Storage Systems Architect at Kellsoft, rebuilt the archive.");
    assert_eq!(
        kinds(&e),
        [("Ana Brook".to_owned(), EntityKind::Person), ("Kellsoft".to_owned(), EntityKind::Organization)],
        "{e:?}"
    );
    let e = en("", "Ana Brook, an architect at Kellsoft, said the launch went well.");
    assert_eq!(find(&e, "kellsoft").kind, EntityKind::Organization, "{e:?}");
}

/// Russian trades and ranks before a surname are titles ("доктор Келлинс", "музыкант ...").
#[test]
fn russian_trades_and_ranks_are_titles() {
    let e = extract_entities("", "Вчера доктор Келлинс потребовал полного отказа от лекарств.", Some("ru"));
    assert_eq!(kinds(&e), [("Келлинс".to_owned(), EntityKind::Person)]);
    let e = extract_entities("", "На концерте выступил полковник Келлман, сообщили организаторы.", Some("ru"));
    assert_eq!(find(&e, "келлман").kind, EntityKind::Person, "{e:?}");
}

/// A stadium's or an airport's capitalised noun opens a place's name ("Estádio ...",
/// "Stade ..."); a laboratory's lowercase noun before a name makes it an organisation, and so
/// does a civil protection agency's head noun.
#[test]
fn venues_laboratories_and_civil_protection() {
    let e =
        extract_entities("", "O clube venceu por 3 a 1 no Estádio Ana Kellbrook, em Lisboa, no domingo.", Some("pt"));
    assert_eq!(find(&e, "estádio ana kellbrook").kind, EntityKind::Place, "{e:?}");
    let e = extract_entities("", "O laboratório Kellgen vai produzir as primeiras doses em março.", Some("pt"));
    assert_eq!(find(&e, "kellgen").kind, EntityKind::Organization, "{e:?}");
    let e = extract_entities("", "A Proteção Civil enviou 300 bombeiros para a serra durante a noite.", Some("pt"));
    assert_eq!(find(&e, "proteção civil").kind, EntityKind::Organization, "{e:?}");
}

/// A name set off by commas right after a title and its realm is the title's holder, however
/// its words read ("O governador de Kellópolis, Kellmar de Vint, inaugurou ...").
#[test]
fn a_name_in_apposition_after_a_title_and_its_realm_is_a_person() {
    let e = extract_entities(
        "",
        "O governador de São Paulo, Kellmar de Vint, inaugurou uma nova linha de trem.",
        Some("pt"),
    );
    assert_eq!(find(&e, "kellmar de vint").kind, EntityKind::Person, "{e:?}");
}

/// Polish declines people's names: their case forms are one person, keyed and shown in the
/// nominative ("z Donaldem Kellskim" is Donald Kellski), the case read off the given name
/// (a fleeting "e" put back: "Marka" is Marek) and a man's genitive off his surname too.
#[test]
fn polish_people_s_case_forms_are_one_person_in_the_nominative() {
    let pl = |text: &str| extract_entities("", text, Some("pl"));
    let e =
        pl("Premier Donald Kellski spotkał się wczoraj z wojewodą. Z Donaldem Kellskim rozmawiał też Marek Brodak.");
    let kellski = find(&e, "donald kellski");
    assert_eq!(
        (kellski.name.as_str(), kellski.kind, kellski.mentions),
        ("Donald Kellski", EntityKind::Person, 2),
        "{e:?}"
    );
    let e = pl("Sąd wezwał Annę Kellowską i Marka Brodaka na świadków w sprawie spółki.");
    assert_has(&e, &[("Anna Kellowska", EntityKind::Person), ("Marek Brodak", EntityKind::Person)]);
    let e = pl("Nagrodę przyznano w imieniu Jana Kellskiego, założyciela fundacji.");
    assert_has(&e, &[("Jan Kellski", EntityKind::Person)]);
    // A title's owner between the title and the name: "prezydenta Rosji ...".
    let e = pl("Sąd wydał nakaz aresztowania prezydenta Rosji Władimira Kellina w czwartek.");
    assert_has(&e, &[("Władimir Kellin", EntityKind::Person), ("Rosja", EntityKind::Place)]);
}

/// Polish places in their case forms are the place, shown in the nominative ("w Krakowie":
/// Kraków, "Francji": Francja); a prize's or a cup's name, whose head noun Polish writes
/// first, is no entity; "i" inside an institution's name joins it, between two names it
/// coordinates them.
#[test]
fn polish_places_prizes_and_institutions() {
    let pl = |text: &str| extract_entities("", text, Some("pl"));
    let e = pl("Konferencja odbyła się w Krakowie, a delegacja Francji przyjechała pociągiem.");
    assert_eq!(
        kinds(&e),
        [("Francja".to_owned(), EntityKind::Place), ("Kraków".to_owned(), EntityKind::Place)],
        "{e:?}"
    );
    let e = pl("Nagrodę Kellmana otrzymał w tym roku Jan Kowalski z Gdańska.");
    assert!(!e.iter().any(|x| x.name.contains("Nagrod")), "{e:?}");
    let e = pl("Skarga trafiła do Urzędu Ochrony Kellandii i Kellonii w poniedziałek.");
    assert_has(&e, &[("Urzędu Ochrony Kellandii i Kellonii", EntityKind::Organization)]);
    let e = pl("Jan Kowalski i Anna Nowak pojechali wczoraj do Gdańska.");
    assert_has(&e, &[("Jan Kowalski", EntityKind::Person), ("Anna Nowak", EntityKind::Person)]);
}

/// A Polish surname alone in a case form is the person the article names in full
/// ("Kellskiego", "z Kellskim" after "Donald Kellski").
#[test]
fn a_polish_surname_alone_in_a_case_form_is_its_person() {
    let e = extract_entities(
        "",
        "Premier Donald Kellski spotkał się z wojewodą. Wcześniej Kellskiego krytykowali posłowie, a z Kellskim rozmawiał Jan Brodak.",
        Some("pl"),
    );
    let kellski = find(&e, "donald kellski");
    assert_eq!((kellski.kind, kellski.mentions), (EntityKind::Person, 3), "{e:?}");
    assert!(!e.iter().any(|x| x.name.starts_with("Kellski")), "{e:?}");
}

#[test]
fn a_title_before_an_organisations_head_noun_alone_is_the_organisations_word() {
    // "Premier" is a title ("Premier Ana Brook"), but before "League" alone it names the league.
    let e = en(
        "",
        "The Premier League said on Monday that the match would be replayed. Premier Ana Brook said the \
         province would pay for the new stadium. The Kellmark Economic Forum opens in May.",
    );
    assert_has(
        &e,
        &[
            ("Premier League", EntityKind::Organization),
            ("Ana Brook", EntityKind::Person),
            ("Kellmark Economic Forum", EntityKind::Organization),
        ],
    );
    assert!(!e.iter().any(|x| x.key == "league"), "{e:?}");
}

#[test]
fn an_english_name_holds_a_place_only_at_its_end() {
    // After "at", a name that ends in a known place (or in a place's word after it) is a place;
    // a place's name with another word after it is a club or a company.
    let e = en(
        "",
        "The team lost 2-1 at Leeds Harriers on Sunday, its third defeat in a row. The ferry docked \
         at Bergen Harbour on Monday after a rough crossing.",
    );
    assert!(!e.iter().any(|x| x.key == "leeds harriers" && x.kind == EntityKind::Place), "{e:?}");
    assert_has(&e, &[("Bergen Harbour", EntityKind::Place)]);
}

#[test]
fn a_countrys_dotted_letters_before_its_institution_are_one_name() {
    let e = en(
        "",
        "The U.S. Forest Service said on Monday that the search had ended. A spokesman for the U.S. Army \
         said the soldiers were safe. U.S. President Ana Brook met officials of the U.S. Department of \
         Justice, who later spoke about the U.S. Innovation and Kellwork Act.",
    );
    assert_has(
        &e,
        &[
            ("U.S. Forest Service", EntityKind::Organization),
            ("U.S. Army", EntityKind::Organization),
            ("Ana Brook", EntityKind::Person),
            ("Department of Justice", EntityKind::Organization),
        ],
    );
    assert!(!e.iter().any(|x| x.name.starts_with("U.S. Innovation") || x.name.starts_with("U.S. President")), "{e:?}");
}

#[test]
fn a_saints_possessive_and_the_noun_after_it_are_one_name() {
    let e = en(
        "",
        "Ana Brook, a nurse at St. Kellan's Hospital, said staff had worked double shifts. Crowds \
         gathered in St. Kellan's Square on Sunday.",
    );
    assert_has(&e, &[("St Kellan's Hospital", EntityKind::Organization), ("St Kellan's Square", EntityKind::Place)]);
    assert!(!e.iter().any(|x| x.key == "st kellan"), "{e:?}");
}

#[test]
fn places_named_with_their_kind_after_and_publications_with_theirs_before() {
    let e = en(
        "",
        "Two men were arrested at Kellby airport on Saturday. A study in the journal Kellscience found \
         the glacier had shrunk. Designers at Kellway Consultants Limited built the gearshift.",
    );
    assert_has(
        &e,
        &[
            ("Kellby", EntityKind::Place),
            ("Kellscience", EntityKind::Organization),
            ("Kellway Consultants Limited", EntityKind::Organization),
        ],
    );
}

#[test]
fn a_place_inside_a_based_or_born_modifier_and_a_body_named_by_its_noun_after() {
    let e = en(
        "",
        "Airbus delivered more aircraft last year, the Toulouse-based planemaker said. Workers joined \
         the IG Kellmetall union, which promised strikes. A Los Angeles-based studio bought the film.",
    );
    assert_has(&e, &[("Toulouse", EntityKind::Place), ("IG Kellmetall", EntityKind::Organization)]);
    assert!(!e.iter().any(|x| x.key == "angeles"), "the last word of a longer name: {e:?}");
}

#[test]
fn french_clubs_parties_and_a_lowercase_domain_only_after_a_genitive() {
    let e = extract_entities(
        "",
        "Le Rassemblement national menace de voter la censure. Le Kellstade FC a battu le FC Barcelone \
         samedi. Une étudiante a gagné le concours de l'Agence spatiale européenne pour concevoir un \
         robot. Selon l'Insee, le chômage a reculé.",
        Some("fr"),
    );
    assert_has(
        &e,
        &[
            ("Rassemblement national", EntityKind::Organization),
            ("FC Barcelone", EntityKind::Organization),
            ("Agence spatiale européenne", EntityKind::Organization),
            ("Insee", EntityKind::Organization),
        ],
    );
    assert!(!e.iter().any(|x| x.name.contains("concevoir")), "a verb after a purpose's connector: {e:?}");
}

#[test]
fn a_name_set_off_after_a_title_of_a_realm_called_by_its_noun_is_the_holder() {
    for (text, lang) in [
        ("Le tribunal a condamné l'ancien maire de la ville, Kellmar Vint, à une amende.", "fr"),
        ("El alcalde de la ciudad, Kellmar Vint, dimitió el lunes tras la votación.", "es"),
        ("Il sindaco della città, Kellmar Vint, si è dimesso lunedì dopo il voto.", "it"),
    ] {
        let e = extract_entities("", text, Some(lang));
        assert_has(&e, &[("Kellmar Vint", EntityKind::Person)]);
    }
}

#[test]
fn german_nouns_beside_names_are_no_words_of_them() {
    let e = extract_entities(
        "",
        "Die Stadt hat in Leipzig Klage eingereicht, sagte der Sprecher. Er sprach über die Zukunft \
         Polens. Die Forscherin Anna Kellner hat einen Planeten entdeckt. Die Gewerkschaft rief an \
         den Flughäfen Hamburg und Köln zum Streik auf. Die Schweizer Großbank KBX streicht Stellen.",
        Some("de"),
    );
    assert_has(
        &e,
        &[
            ("Leipzig", EntityKind::Place),
            ("Polen", EntityKind::Place),
            ("Anna Kellner", EntityKind::Person),
            ("Hamburg", EntityKind::Place),
            ("KBX", EntityKind::Organization),
        ],
    );
    assert!(!e.iter().any(|x| x.key.contains("klage") || x.key.contains("großbank")), "{e:?}");
    // A given name that is also a town's keeps its surname.
    let e = extract_entities("", "Am Montag traf Vladimir Kellmann die Ministerin in Berlin.", Some("de"));
    assert!(!e.iter().any(|x| x.key == "vladimir"), "{e:?}");
}

#[test]
fn a_german_compound_naming_a_court_or_a_ministry_after_the_article_is_the_institution() {
    let e = extract_entities(
        "",
        "Das Bundesverfassungsgericht in Karlsruhe hat das Gesetz gekippt. Das Finanzamt erhöhte die \
         Steuer, und die Hafenbehörde schloss den Kai.",
        Some("de"),
    );
    assert_has(&e, &[("Bundesverfassungsgericht", EntityKind::Organization), ("Karlsruhe", EntityKind::Place)]);
    assert!(!e.iter().any(|x| x.key == "finanzamt" || x.key == "hafenbehörde"), "a town's office: {e:?}");
}

#[test]
fn a_palace_opens_a_places_name_in_the_romance_languages() {
    for (text, lang, name) in [
        ("La presidenta recibió a los empresarios en Palacio Kellmar el lunes por la tarde.", "es", "Palacio Kellmar"),
        ("O presidente recebeu os empresários no Palácio Kellmar na segunda-feira.", "pt", "Palácio Kellmar"),
        ("Le président a reçu les patrons au Palais Kellmar lundi soir.", "fr", "Palais Kellmar"),
    ] {
        let e = extract_entities("", text, Some(lang));
        assert_has(&e, &[(name, EntityKind::Place)]);
    }
}

#[test]
fn a_legal_form_after_a_known_organisation_stays_in_its_name() {
    let e = en("", "Shares of Deutsche Bank AG and Volkswagen AG rose on Monday after the results.");
    assert_has(&e, &[("Deutsche Bank AG", EntityKind::Organization), ("Volkswagen AG", EntityKind::Organization)]);
    assert!(!e.iter().any(|x| x.key == "ag"), "{e:?}");
}

#[test]
fn clinics_roads_and_junctions_are_named_by_their_head_noun() {
    let e = en(
        "",
        "Doctors at the Kellmoor Clinic treated six drivers after a crash on the Brixfield Expressway near \
         Dunmere Junction on Friday.",
    );
    assert_has(
        &e,
        &[
            ("Kellmoor Clinic", EntityKind::Organization),
            ("Brixfield Expressway", EntityKind::Place),
            ("Dunmere Junction", EntityKind::Place),
        ],
    );
}

#[test]
fn a_capitalised_number_word_inside_a_sentence_opens_a_name() {
    let e = en("", "Engineers restarted the reactor at Three Kellmoor Island on Monday. Three workers were hurt.");
    assert_has(&e, &[("Three Kellmoor Island", EntityKind::Place)]);
    assert!(!e.iter().any(|x| x.key == "kellmoor island" || x.key.starts_with("three workers")), "{e:?}");
}

#[test]
fn a_town_that_beats_or_is_beaten_is_its_club() {
    let e = en("", "Leeds beat Norwich 2-0 on Saturday. The mayor of Bristol watched the match.");
    assert_has(
        &e,
        &[("Leeds", EntityKind::Organization), ("Norwich", EntityKind::Organization), ("Bristol", EntityKind::Place)],
    );
    // A surname that a small town shares is beaten in a race for office, not a match.
    let e = en("", "In the primary, Kellmar Vint defeated Obama by nine points.");
    assert!(!e.iter().any(|x| x.key == "obama" && x.kind == EntityKind::Organization), "{e:?}");
}

#[test]
fn well_known_companies_of_the_list_are_organisations_alone() {
    let e = en("", "Workers at Starbucks stores walked out on Friday, and Spotify said it would cut jobs.");
    assert_has(&e, &[("Starbucks", EntityKind::Organization), ("Spotify", EntityKind::Organization)]);
}

#[test]
fn a_house_of_worship_is_a_place_and_an_electric_company_an_organisation() {
    let e = en(
        "",
        "Thousands prayed at the Kellbridge Mosque on Friday, and Brixmoor Electric said power would return by \
         Sunday.",
    );
    assert_has(&e, &[("Kellbridge Mosque", EntityKind::Place), ("Brixmoor Electric", EntityKind::Organization)]);
}

#[test]
fn islands_that_are_no_city_are_places() {
    let e = en("", "Ana Brook said flights to Kauai were cancelled, and ferries from Crete to Lesbos stayed in port.");
    assert_has(&e, &[("Kauai", EntityKind::Place), ("Crete", EntityKind::Place), ("Lesbos", EntityKind::Place)]);
}

fn de(text: &str) -> Vec<Entity> {
    extract_entities("", text, Some("de"))
}

#[test]
fn a_german_town_of_twenty_thousand_after_in_is_a_place() {
    let e = de("Nach dem Hochwasser in Passau ist die Lage ruhig, sagte Ana Brook.");
    assert_has(&e, &[("Passau", EntityKind::Place)]);
    // A noun after "in" that names no town stays none.
    let e = de("Das Gesetz tritt in Kraft, sagte Ana Brook in Berlin.");
    assert!(!e.iter().any(|x| x.key == "kraft"), "{e:?}");
}

#[test]
fn german_appositions_of_authorities_districts_and_sites_say_what_follows() {
    let e = de("Die Katastrophenschutzbehörde Kellad meldete zwölf Tote. Im Stadtteil Kellfeld brannte eine Halle, \
         und am Standort Brixhafen stehen die Anlagen still.");
    assert_has(
        &e,
        &[("Kellad", EntityKind::Organization), ("Kellfeld", EntityKind::Place), ("Brixhafen", EntityKind::Place)],
    );
    assert!(!e.iter().any(|x| x.key.starts_with("katastrophenschutzbehörde")), "{e:?}");
}

#[test]
fn a_clause_after_a_comma_says_nothing_of_the_noun_before_it() {
    let e = de("Die Airline strich mehr als 600 Flüge, wie die Gewerkschaft Kellverd mitteilte.");
    assert_has(&e, &[("Kellverd", EntityKind::Organization)]);
    assert!(!e.iter().any(|x| x.key == "flüge"), "{e:?}");
}

#[test]
fn a_german_organisations_name_keeps_its_adjective_and_its_nominative() {
    let e =
        de("Der Deutsche Kellsport Bund bestätigte den Rücktritt. Das Urteil des Oberlandesgerichts Kellstadt wurde \
         aufgehoben, und die Grünen stimmten zu.");
    assert_has(
        &e,
        &[
            ("Deutsche Kellsport Bund", EntityKind::Organization),
            ("Oberlandesgericht Kellstadt", EntityKind::Organization),
        ],
    );
    assert_eq!(find(&e, "die grünen").kind, EntityKind::Organization, "the party in the plural's case form");
}

#[test]
fn rivers_are_places_and_a_river_that_is_a_word_is_not_listed() {
    let e = de("Der Rhein führt so wenig Wasser wie seit Jahren nicht. Seine Pegel sinken weiter.");
    assert_has(&e, &[("Rhein", EntityKind::Place)]);
    assert!(!e.iter().any(|x| x.key == "seine"), "{e:?}");
}

#[test]
fn french_departments_are_places_and_a_trains_letters_name_nothing() {
    let e = extract_entities(
        "",
        "Des orages ont frappé le Var et les Alpes-Maritimes, et Ana Brook a pris un TGV pour Nice.",
        Some("fr"),
    );
    assert_has(&e, &[("Var", EntityKind::Place), ("Alpes-Maritimes", EntityKind::Place), ("Nice", EntityKind::Place)]);
    assert!(!e.iter().any(|x| x.key == "tgv"), "{e:?}");
}

#[test]
fn the_congo_by_its_long_name_is_one_place_in_every_language() {
    let e = en(
        "",
        "Ana Brook said the DRC asked for aid. Floods cut every road out of the Democratic Republic of \
         Congo's capital.",
    );
    let congo: Vec<&Entity> = e.iter().filter(|x| x.key == "democratic republic of the congo").collect();
    assert_eq!(congo.len(), 1, "{e:?}");
    assert_eq!(congo[0].kind, EntityKind::Place);
    let e = de("Die Demokratische Republik Kongo meldet neue Kämpfe, sagte Ana Brook.");
    assert_eq!(find(&e, "democratic republic of the congo").kind, EntityKind::Place, "{e:?}");
}

#[test]
fn spanish_personal_a_confederations_and_layoff_files() {
    let e = extract_entities(
        "",
        "El tenista Ana Brook derrotó ayer a Marko Kellovic en la final. La Confederación Hidrográfica del \
         Kellar pidió precaución, y la empresa presentó un ERE en Zaragoza.",
        Some("es"),
    );
    assert_has(
        &e,
        &[
            ("Marko Kellovic", EntityKind::Person),
            ("Confederación Hidrográfica del Kellar", EntityKind::Organization),
            ("Zaragoza", EntityKind::Place),
        ],
    );
    assert!(!e.iter().any(|x| x.key == "ere"), "{e:?}");
}

#[test]
fn a_regions_name_alone_is_no_short_form_of_an_organisation_named_after_it() {
    let e = en(
        "",
        "Floods hit Scotland on Monday, Ana Brook said. Kellmoor Energy Scotland said roads were closed, and \
         the rain in Scotland would ease.",
    );
    assert_has(&e, &[("Scotland", EntityKind::Place), ("Kellmoor Energy Scotland", EntityKind::Organization)]);
}

#[test]
fn a_city_before_a_given_name_and_a_surname_is_the_persons_realm() {
    let e = extract_entities(
        "",
        "Il sindaco di Firenze Ana Brook ha presentato il piano per il centro storico della città.",
        Some("it"),
    );
    assert_has(&e, &[("Firenze", EntityKind::Place), ("Ana Brook", EntityKind::Person)]);
    // A given name that is also a city's opens a person's name of three words.
    let e = en("", "Columnist Mary Jo Kellfoley wrote that the plan would fail.");
    assert!(!e.iter().any(|x| x.key == "mary"), "{e:?}");
}

#[test]
fn an_english_companys_head_noun_names_an_organisation_in_other_languages() {
    let e = extract_entities(
        "",
        "La compagnia Kellmar Airways è entrata nel gruppo dopo il via libera di Bruxelles, e la Cgil ha protestato.",
        Some("it"),
    );
    assert_has(&e, &[("Kellmar Airways", EntityKind::Organization)]);
    assert_eq!(find(&e, "cgil").kind, EntityKind::Organization, "{e:?}");
}

#[test]
fn portuguese_civil_defence_and_the_amazon_by_its_regions_name() {
    let e = extract_entities(
        "",
        "A Defesa Civil alertou para novas enchentes em Porto Alegre, e os incêndios na Amazônia e no Pantanal \
         continuam, disse Ana Brook.",
        Some("pt"),
    );
    assert_has(
        &e,
        &[
            ("Defesa Civil", EntityKind::Organization),
            ("Porto Alegre", EntityKind::Place),
            ("Pantanal", EntityKind::Place),
        ],
    );
    assert_eq!(find(&e, "amazonia").kind, EntityKind::Place, "{e:?}");
}

#[test]
fn a_bodys_letters_before_a_countrys_name_are_that_countrys_body() {
    let e = extract_entities(
        "",
        "Сотрудники МЧС России эвакуировали жителей трёх сёл в Дагестане, сообщила Анна Брук.",
        Some("ru"),
    );
    assert_eq!(find(&e, "мчс росс").kind, EntityKind::Organization, "{e:?}");
    assert_eq!(find(&e, "dagestan").kind, EntityKind::Place, "{e:?}");
}
