use chrono::TimeZone;
use proptest::prelude::*;

use super::*;

const WIRE: [&str; 6] = [
    "Port Alder's harbour bridge will close to all traffic for six weeks from Monday while crews replace corroded deck plates, the city council said on Friday.",
    "Engineers found rust under several plates during a routine inspection in September and decided the work could not wait until the spring, chief engineer Mara Okafor told reporters at the council offices.",
    "Two extra ferries will run every ten minutes between the fish quay and Eastgate from six in the morning until midnight, and a night bus will take the long way round by the ring road.",
    "Shopkeepers in the old town said they expected a quiet month. The chamber of commerce has asked the council for a rates holiday for businesses within walking distance of the bridge.",
    "The bridge, opened in 1968, carries about forty thousand vehicles a day. It was last closed for a full month in 2009, when the council replaced its expansion joints.",
    "The council will publish a detailed timetable for the ferries and buses on its website over the weekend, and said it would report on progress every Friday.",
];

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 5, day, hour, 0, 0).unwrap()
}

fn wire() -> String {
    WIRE.join("\n")
}

/// A lightly edited republication: an added intro, the last two paragraphs trimmed, its own
/// boilerplate.
fn edited_copy() -> String {
    format!(
        "Commuters, brace yourselves.\n{}\nSign up for our morning newsletter to get local news first.",
        WIRE[..4].join("\n")
    )
}

/// The same event told independently, with the same facts.
fn independent() -> String {
    "Drivers in Port Alder face six weeks without their main harbour crossing. The council announced on Friday that \
     the bridge shuts on Monday so that corroded deck plates can be swapped out. Mara Okafor, who leads the city's \
     engineering team, said inspectors spotted the rust in September. To keep people moving, the council is adding \
     two ferries between the fish quay and Eastgate, sailing every ten minutes, plus a night bus along the ring road. \
     Traders near the bridge fear a slow month and want a break on their business rates. About forty thousand \
     vehicles use the crossing each day; it last closed for a month in 2009."
        .to_owned()
}

fn input<'a>(id: &'a str, text: &'a str, source: &'a str, published: DateTime<Utc>) -> CopyInput<'a> {
    CopyInput { id, text, source: Some(source), published }
}

#[test]
fn edited_copies_are_found_and_point_at_the_earliest() {
    let mut d = CopyDetector::new(CopyConfig::default());
    let (w, c) = (wire(), edited_copy());
    assert_eq!(d.check(input("wire-1", &w, "wire.example", at(4, 8))).copy_of, None);
    let verdict = d.check(input("copy-1", &c, "harbourpost.example", at(4, 11)));
    assert_eq!(verdict.copy_of.as_deref(), Some("wire-1"), "{verdict:?}");
    assert!(verdict.similarity >= 0.4);
    let exact = d.check(input("copy-2", &w, "quayside.example", at(4, 12)));
    assert_eq!(exact.copy_of.as_deref(), Some("wire-1"));
    assert!(exact.similarity > 0.99, "identical text");
}

#[test]
fn independent_reports_of_the_same_event_are_not_copies() {
    let mut d = CopyDetector::new(CopyConfig::default());
    let (w, i) = (wire(), independent());
    d.check(input("wire-1", &w, "wire.example", at(4, 8)));
    let verdict = d.check(input("own-1", &i, "coastwire.example", at(4, 9)));
    assert_eq!(verdict.copy_of, None, "{verdict:?}");
    assert!(Fingerprint::of(&w).similarity(&Fingerprint::of(&i)) < 0.1);
}

#[test]
fn a_credited_original_wins_over_the_earliest() {
    let mut d = CopyDetector::new(CopyConfig::default());
    let credited = format!("{}\nOriginal Source: www.wire.example", edited_copy());
    let w = wire();
    // The copy was published first (the wire's own page came later).
    assert_eq!(d.check(input("copy-1", &credited, "harbourpost.example", at(4, 7))).copy_of, None);
    let verdict = d.check(input("wire-1", &w, "wire.example", at(4, 8)));
    assert_eq!(verdict.copy_of, None, "the wire is the original: {verdict:?}");
    let third = d.check(input("copy-2", &w, "quayside.example", at(4, 9)));
    assert_eq!(third.copy_of.as_deref(), Some("wire-1"));
}

#[test]
fn short_texts_are_not_judged_and_old_ones_retire() {
    let mut d = CopyDetector::new(CopyConfig { retire_after_days: 10, ..CopyConfig::default() });
    let short = "Bridge closes Monday for repairs.";
    d.check(input("a", short, "x.example", at(1, 1)));
    assert_eq!(d.check(input("b", short, "y.example", at(1, 2))).copy_of, None);
    let w = wire();
    d.check(input("wire-1", &w, "wire.example", at(1, 3)));
    let late = d.check(input("wire-2", &w, "other.example", at(25, 3)));
    assert_eq!(late.copy_of, None, "the first one retired");
    assert_eq!(d.indexed(), 1);
}

/// A wire story in Chinese (written for this test): the harbour bridge closes for repairs.
const WIRE_ZH: [&str; 4] = [
    "阿尔德港市议会周五表示，港口大桥将从周一起全面封闭六周，施工人员将更换已经锈蚀的桥面钢板。",
    "工程师在九月的例行检查中发现多块钢板下方出现锈蚀，总工程师玛拉·奥卡福告诉记者，这项工程不能等到明年春天。",
    "封桥期间，两艘加开的渡轮将每十分钟往返于鱼码头和东门之间，夜间公交车将绕行环城公路。",
    "老城区的店主表示，他们预计这个月生意会很冷清，商会已要求议会为大桥附近的商户减免营业税。",
];

#[test]
fn chinese_copies_are_found_by_characters() {
    let mut d = CopyDetector::new(CopyConfig::default());
    let wire = WIRE_ZH.join("\n");
    assert!(Fingerprint::of(&wire).shingles() > 100, "every character counts");
    assert_eq!(d.check(input("zh-wire", &wire, "wire.example", at(4, 8))).copy_of, None);
    let identical = d.check(input("zh-copy", &wire, "harbourpost.example", at(4, 9)));
    assert_eq!(identical.copy_of.as_deref(), Some("zh-wire"));
    // Lightly edited: an added opening line, the last paragraph dropped, a closing line.
    let edited = format!("通勤者请做好准备。\n{}\n关注我们获取更多本地新闻。", WIRE_ZH[..3].join("\n"));
    let verdict = d.check(input("zh-edit", &edited, "quayside.example", at(4, 10)));
    assert_eq!(verdict.copy_of.as_deref(), Some("zh-wire"), "{verdict:?}");
    // A different story in Chinese is no copy.
    let other = "中央银行周二宣布维持基准利率不变，理由是通货膨胀放缓而出口疲软，多数经济学家此前已预计到这一决定。";
    assert_eq!(d.check(input("zh-other", other, "wire.example", at(4, 11))).copy_of, None);
}

#[test]
fn credits_are_read() {
    assert_eq!(credited_sources("Text.\nOriginal Source: www.republic.example\n"), ["republic.example"]);
    assert_eq!(credited_sources("LONDON (Reuters) - Markets fell."), ["reuters"]);
    assert_eq!(credited_sources("The story first appeared on coastwire.example."), ["coastwire.example"]);
    assert!(
        credited_sources("They travelled via the ring road to the harbour where the ferries were waiting.").is_empty()
    );
}

#[test]
fn every_credit_of_an_article_is_found_in_one_reading() {
    // An agency after a long dash, another after a short one ending its line, and two
    // markers, one of them twice: each credit once, in order of name.
    let text = "Kellton harbour reopens — AFP\nThe pilots' union agreed late on Friday - dpa\n\
                Ferries ran again by noon, originally published by Kell Coast Wire\nPhotos via Brix Images.\n\
                A longer version was originally published by Kell Coast Wire and partners.";
    assert_eq!(credited_sources(text), ["afp", "brix images", "dpa", "kell coast wire"]);
    // The agency's name inside a sentence is no credit.
    assert!(credited_sources("Analysts at Reuters-owned units and dpa-style desks disagreed.").is_empty());
}

proptest! {
    #[test]
    fn fingerprints_ignore_case_punctuation_and_spacing(words in proptest::collection::vec("[a-z]{1,8}", 10..60)) {
        let plain = words.join(" ");
        let noisy = words.iter().map(|w| w.to_uppercase()).collect::<Vec<_>>().join(" ,  ");
        prop_assert_eq!(Fingerprint::of(&plain), Fingerprint::of(&noisy));
    }

    #[test]
    fn similarity_is_symmetric_bounded_and_one_for_identical(a in "[a-z ]{60,300}", b in "[a-z ]{60,300}") {
        let (fa, fb) = (Fingerprint::of(&a), Fingerprint::of(&b));
        let s = fa.similarity(&fb);
        prop_assert!((0.0..=1.0).contains(&s));
        prop_assert!((s - fb.similarity(&fa)).abs() < f32::EPSILON);
        if fa.shingles() > 0 {
            prop_assert!((fa.similarity(&fa) - 1.0).abs() < f32::EPSILON);
        }
    }
}
