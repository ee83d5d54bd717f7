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
fn datelines_and_credits_are_not_entities_of_the_story() {
    let e = en("", "Harbor Wire -- Dockworkers in Port Alder walked out on Tuesday, the union said.");
    assert!(!e.iter().any(|x| x.key.contains("harbor wire")), "{e:?}");
    assert!(e.iter().any(|x| x.key == "port alder"));
    let e = en("", "PORT ALDER (Coastline News) -- Dockworkers walked out on Tuesday.");
    assert!(!e.iter().any(|x| x.key.contains("coastline")), "{e:?}");
}

#[test]
fn nothing_from_nothing() {
    assert!(extract_entities("", "", None).is_empty());
    assert!(extract_entities("", "مرحبا بالعالم", Some("ar")).is_empty());
}
