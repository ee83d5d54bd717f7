use chrono::TimeZone;

use super::*;

fn day(d: u32) -> DateTime<Utc> {
    hour(d, 9)
}

fn hour(d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 5, d, h, 0, 0).unwrap()
}

#[test]
fn the_same_event_from_different_outlets_is_one_story() {
    let mut c = StoryClusterer::new(ClusterConfig::default());
    let a = c.assign(
        "Harbour Bridge closes for deck repairs",
        "Port Alder's harbour bridge closed on Monday for six weeks of deck repairs, engineer Mara Okafor said. Ferries will run every ten minutes.",
        day(4),
    );
    let unrelated = c.assign(
        "Central bank holds interest rates",
        "The central bank left its interest rate unchanged on Monday, citing slowing inflation and weak exports.",
        day(4),
    );
    let b = c.assign(
        "Ferries added as Port Alder bridge shuts",
        "Engineers led by Mara Okafor began six weeks of deck repairs on the Port Alder harbour bridge; extra ferries are running.",
        day(5),
    );
    assert!(a.created && unrelated.created);
    assert_eq!(b.story, a.story, "{b:?}");
    assert!(!b.created);
    assert_ne!(unrelated.story, a.story);
}

#[test]
fn two_stories_that_turn_out_to_be_one_merge() {
    // Strict joining, so the second report starts a story of its own; a third report that
    // tells both halves joins one, and the two stories are then alike enough to merge.
    let config = ClusterConfig { threshold: 0.35, merge_threshold: 0.3, ..ClusterConfig::default() };
    let mut c = StoryClusterer::new(config);
    let a = c.assign(
        "Harbour bridge closes",
        "Port Alder harbour bridge deck plates corroded; engineer Mara Okafor ordered the closure.",
        day(4),
    );
    let b = c.assign(
        "Ferries added",
        "Extra ferries between the fish quay and Eastgate while the Port Alder crossing is shut.",
        day(4),
    );
    assert_ne!(a.story, b.story, "too different to join at first");
    let both = c.assign(
        "Bridge shut, ferries added",
        "Port Alder harbour bridge closed after engineer Mara Okafor found corroded deck plates; extra ferries run between the fish quay and Eastgate.",
        hour(4, 14),
    );
    let mut all = vec![both.story];
    all.extend(&both.merged);
    all.sort_unstable();
    assert_eq!(all, [a.story, b.story], "{both:?}");
    assert_eq!(c.active_stories(), 1);
    let later =
        c.assign("Ferries at Eastgate", "More ferries between the fish quay and Eastgate this week.", hour(4, 18));
    assert_eq!(later.story, both.story, "the merged story takes later reports of either half");
}

#[test]
fn old_stories_are_not_joined_and_retire() {
    let config = ClusterConfig { retire_after_days: 10, ..ClusterConfig::default() };
    let mut c = StoryClusterer::new(config);
    let text =
        "Port Alder harbour bridge deck repairs begin, engineer Mara Okafor said, with ferries every ten minutes.";
    let first = c.assign("Harbour bridge repairs begin", text, day(1));
    let much_later = c.assign("Harbour bridge repairs begin", text, day(20));
    assert_ne!(first.story, much_later.story, "outside the window");
    assert_eq!(c.active_stories(), 1, "the first story retired");
}

#[test]
fn a_report_very_like_the_story_joins_it_ten_days_on() {
    // An event reported again ten days later, in nearly the same words (a verdict after the
    // trial it ends, a summit's communiqué published late), is the same story.
    let text = "Port Alder harbour bridge deck repairs begin, engineer Mara Okafor said, with ferries every ten minutes across the Alder estuary while the deck is closed.";
    let stories = |config: ClusterConfig| {
        let mut c = StoryClusterer::new(config);
        let first = c.assign("Harbour bridge repairs begin in Port Alder", text, day(1));
        let later = c.assign("Harbour bridge repairs begin in Port Alder, Okafor says", text, day(11));
        (first.story, later.story)
    };
    let (first, later) = stories(ClusterConfig::default());
    assert_eq!(first, later);
    let (first, later) = stories(ClusterConfig { window_days: 7, ..ClusterConfig::default() });
    assert_ne!(first, later, "a week's window would have lost it");
}

#[test]
fn rare_old_words_are_forgotten() {
    let mut c = StoryClusterer::new(ClusterConfig::default());
    // Each article brings one word nobody else uses (letters only: digits split words).
    let letters = |mut i: u64| {
        let mut w = String::from("zq");
        while i > 0 || w.len() < 6 {
            w.push(char::from(b'a' + u8::try_from(i % 26).unwrap_or(0)));
            i /= 26;
        }
        w
    };
    for i in 0..(PRUNE_EVERY * 2) {
        c.assign(&format!("Council budget vote {}", letters(i)), "The council debated the budget.", day(1));
    }
    assert!(c.vocabulary() < 60_000, "rare words from long ago are forgotten: {}", c.vocabulary());
    assert!(c.vocabulary() > 1_000, "recent ones are kept");
}

#[test]
fn deterministic_across_runs() {
    let run = || {
        let mut c = StoryClusterer::new(ClusterConfig::default());
        (1..=6)
            .map(|i| {
                c.assign(
                    &format!("Story {} about topic {}", i % 3, i % 2),
                    "Words about the council budget and the bridge and ferries.",
                    day(i),
                )
                .story
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(run(), run());
}

/// Three weeks of earlier news, made from templates: what a running desk has read before
/// the stream under test, so that words every business story uses ("central bank", "rate",
/// "profit") are known to be common, as they are in any real stream.
fn background(c: &mut StoryClusterer, until: DateTime<Utc>) {
    const PLACES: [&str; 8] = ["Arvel", "Brisa", "Caldor", "Dunmere", "Estor", "Fallow", "Galen", "Hesk"];
    const PEOPLE: [&str; 8] =
        ["Ada Mora", "Ben Oduya", "Cyra Lund", "Dev Ranu", "Eli Sato", "Fen Coyle", "Gia Brandt", "Hal Iver"];
    const FIRMS: [&str; 6] =
        ["Pellam Steel", "Quorra Foods", "Rivet Motors", "Sable Mining", "Tarn Air", "Umber Retail"];
    for i in 0..240_usize {
        let at = until - chrono::Duration::hours(24 * 21) + chrono::Duration::hours(i64::try_from(i * 2).unwrap_or(0));
        let (place, person, firm) = (PLACES[i % 8], PEOPLE[(i / 8) % 8], FIRMS[i % 6]);
        let n = 10 + i % 80;
        let (title, text) = match i % 4 {
            0 => (
                format!("{place} central bank holds rate at {n} percent"),
                format!(
                    "The central bank of {place} kept its main interest rate at {n} percent, governor {person} said, citing inflation and wages. The bank's committee meets again next month."
                ),
            ),
            1 => (
                format!("{firm} profit rises {n} percent"),
                format!(
                    "{firm} reported quarterly profit up {n} percent on higher sales, chief executive {person} said, and raised its forecast for the year. Shares rose in {place}."
                ),
            ),
            2 => (
                format!("{place} council approves {n} new homes"),
                format!(
                    "Councillors in {place} approved {n} new homes on the old rail yard after a long debate, council leader {person} said. Building starts in the spring."
                ),
            ),
            _ => (
                format!("{place} wins cup final {n} to 2"),
                format!(
                    "{place} won the cup final by {n} goals to 2 in front of a sold-out crowd, with captain {person} scoring twice. The team celebrates in the town square."
                ),
            ),
        };
        c.assign(&title, &text, at);
    }
}

/// Places a stream of `(hour from the start, title, text)`, after three weeks of other news,
/// and returns each article's story.
fn place(stream: &[(i64, &str, &str)]) -> Vec<u64> {
    place_with(ClusterConfig::default(), stream)
}

fn place_with(config: ClusterConfig, stream: &[(i64, &str, &str)]) -> Vec<u64> {
    let start = day(24);
    let mut c = StoryClusterer::new(config);
    background(&mut c, start);
    let mut merged: HashMap<u64, u64> = HashMap::default();
    let stories: Vec<u64> = stream
        .iter()
        .map(|&(h, title, text)| {
            let a = c.assign(title, text, start + chrono::Duration::hours(h));
            for m in &a.merged {
                merged.insert(*m, a.story);
            }
            a.story
        })
        .collect();
    let find = |mut s: u64| {
        while let Some(&p) = merged.get(&s) {
            s = p;
        }
        s
    };
    stories.into_iter().map(find).collect()
}

/// Asserts that articles with the same label share a story and articles with different
/// labels do not.
fn assert_grouped(stream: &[(i64, &str, &str)], labels: &[u32]) {
    let stories = place(stream);
    for i in 0..stream.len() {
        for j in i + 1..stream.len() {
            let (a, b) = (stream[i].1, stream[j].1);
            if labels[i] == labels[j] {
                assert_eq!(stories[i], stories[j], "one story: {a:?} and {b:?} ({stories:?})");
            } else {
                assert_ne!(stories[i], stories[j], "two stories: {a:?} and {b:?} ({stories:?})");
            }
        }
    }
}

#[test]
fn a_dense_business_day_keeps_each_decision_apart() {
    // Central banks of three countries decide on one day, a fourth gives a speech, and two
    // companies report: each event is told by two outlets.
    let stream = [
        (
            0,
            "Coastland central bank holds rate as inflation eases",
            "The Coastland Reserve Bank kept its benchmark rate at 18.5 percent on Tuesday, saying inflation had eased for a third month. Governor Amara Osei said the committee voted six to one.",
        ),
        (
            1,
            "Ridgemark central bank cuts rate to 4.25%",
            "Ridgemark's central bank cut its official cash rate by half a point to 4.25 percent on Tuesday, the first cut in two years, as unemployment rose. Governor Tomas Lind said more cuts were possible.",
        ),
        (
            2,
            "Osei: Coastland rates stay at 18.5 percent",
            "Coastland's Reserve Bank left borrowing costs at 18.5 percent, Governor Amara Osei told reporters in Port Kessa, after inflation slowed for the third straight month.",
        ),
        (
            3,
            "Lind's bank surprises with half-point cut",
            "The Ridgemark central bank lowered its cash rate to 4.25 percent from 4.75 percent. Governor Tomas Lind pointed to rising unemployment in Ridgemark.",
        ),
        (
            4,
            "Valmora Bank profit jumps on trading",
            "Valmora Bank reported quarterly profit of 2.1 billion crowns, up 38 percent, as its trading desk had its best quarter since 2019, chief executive Ines Duarte said.",
        ),
        (
            5,
            "Northmere Insurance unveils 500 million buyback",
            "Northmere Insurance will buy back up to 500 million crowns of its shares over twelve months, the insurer said, after claims from the spring floods came in lower than feared.",
        ),
        (
            6,
            "Duarte's Valmora Bank beats forecasts",
            "Trading income lifted Valmora Bank's quarterly profit 38 percent to 2.1 billion crowns, beating analysts' forecasts; Ines Duarte said the bank would hire more traders.",
        ),
        (
            7,
            "Insurer Northmere to repurchase shares",
            "Northmere Insurance plans to repurchase as much as 500 million crowns of stock within a year, it said on Tuesday, citing lower than expected flood claims.",
        ),
        (
            8,
            "Eastvale central bank holds at 3 percent",
            "Eastvale's central bank held its deposit rate at 3 percent on Tuesday and said it would watch wage growth closely. President Karin Aalto said the decision was unanimous.",
        ),
        (
            9,
            "Aalto keeps Eastvale rate steady",
            "Karin Aalto's Eastvale central bank left its deposit rate at 3 percent, pointing to strong wage growth; the decision was unanimous, Aalto said.",
        ),
    ];
    assert_grouped(&stream, &[1, 2, 1, 2, 3, 4, 3, 4, 5, 5]);
}

#[test]
fn an_event_that_develops_over_three_days_stays_one_story() {
    let stream = [
        (
            0,
            "Port Kessa dock workers walk out over pay",
            "Dock workers at Port Kessa went on strike on Wednesday over pay, halting container ships at the harbour. The Harbour Workers Union, led by Sefa Mensah, wants a 9 percent raise.",
        ),
        (
            2,
            "Ships queue as Port Kessa dock strike starts",
            "Container ships queued off Port Kessa on Wednesday as dock workers struck over pay. Union leader Sefa Mensah said the Harbour Workers Union would not accept less than 9 percent.",
        ),
        (
            24,
            "Port Kessa dock strike enters second day",
            "The dock strike at Port Kessa entered its second day on Thursday, with more than 40 container ships waiting. Sefa Mensah of the Harbour Workers Union said talks on the 9 percent pay claim would resume.",
        ),
        (
            48,
            "Port Kessa dock strike ends with pay deal",
            "Dock workers at Port Kessa ended their strike on Friday after the port authority agreed to an 8 percent raise, the Harbour Workers Union said. Sefa Mensah said container ships would be unloaded by the weekend.",
        ),
    ];
    assert_grouped(&stream, &[1, 1, 1, 1]);
}

#[test]
fn a_subject_that_runs_for_weeks_becomes_a_story_a_day() {
    // A drought: each day brings a new event on the same subject, told by two outlets.
    let stream = [
        (
            0,
            "Lake Orra reservoir falls to record low",
            "The Lake Orra reservoir fell to 21 percent of capacity on Monday, the lowest since records began, the Orra Valley water board said, after the driest spring in decades.",
        ),
        (
            2,
            "Orra Valley reservoir at 21 percent",
            "Water in the Lake Orra reservoir dropped to 21 percent, a record low, the water board said on Monday, blaming the driest spring in decades.",
        ),
        (
            26,
            "Hosepipe ban for Orra Valley from Friday",
            "The Orra Valley water board banned hosepipes and garden sprinklers from Friday for 300,000 households, with fines of 1,000 crowns, as the drought deepened.",
        ),
        (
            28,
            "Orra Valley water board bans garden hoses",
            "Households in the Orra Valley may not use hosepipes or sprinklers from Friday, the water board said, with fines of up to 1,000 crowns for 300,000 customers.",
        ),
        (
            50,
            "Farmers in Orra Valley get drought aid",
            "The regional government will pay 40 million crowns in drought aid to Orra Valley farmers whose wheat and barley harvests failed, agriculture minister Lena Brisk said on Wednesday.",
        ),
        (
            52,
            "Brisk announces 40 million for drought-hit farms",
            "Agriculture minister Lena Brisk promised 40 million crowns to farms in the Orra Valley after the drought ruined wheat and barley crops.",
        ),
        (
            74,
            "Orra Valley wildfire forces evacuations",
            "A wildfire fed by the drought forced 2,000 people from villages near Lake Orra on Thursday, fire chief Dario Pell said, as crews fought flames on three sides.",
        ),
        (
            76,
            "2,000 evacuated as fire nears Lake Orra villages",
            "Fire chief Dario Pell ordered 2,000 residents out of villages by Lake Orra as a wildfire spread through bone-dry forest on Thursday.",
        ),
    ];
    assert_grouped(&stream, &[1, 1, 2, 2, 3, 3, 4, 4]);
    // What keeps the days apart is the time: with no bar rising over the days and no need for
    // a shared headline word, the subject's names join the days into one story.
    let timeless = ClusterConfig { threshold_per_day: 0.0, headline_gap_hours: 24 * 365, ..ClusterConfig::default() };
    let stories = place_with(timeless, &stream);
    assert!(stories.windows(3).any(|w| w[0] == w[2]), "{stories:?}");
}

#[test]
fn one_event_in_three_languages_including_one_without_spaces() {
    let stream = [
        (
            0,
            "Earthquake of magnitude 6.8 strikes Kessaria, 112 dead",
            "An earthquake of magnitude 6.8 struck Kessaria in Italy on 14 March, killing at least 112 people, officials said. Rescuers led by Marco Dellarosa searched collapsed buildings.",
        ),
        (
            3,
            "Землетрясение магнитудой 6,8 в Кессарии: 112 погибших",
            "Землетрясение магнитудой 6,8 произошло 14 марта в Кессарии в Италии; погибли не менее 112 человек. Спасателями руководит Марко Деллароса.",
        ),
        (
            5,
            "凯萨里亚发生6.8级地震 112人死亡",
            "3月14日，意大利凯萨里亚发生6.8级地震，造成至少112人死亡。救援人员正在倒塌的建筑物中搜寻幸存者。",
        ),
        (
            6,
            "Flooding closes roads in Westmarch",
            "Heavy rain flooded roads across Westmarch on Thursday, and the county council closed 14 routes, including the main road to Amberley.",
        ),
    ];
    assert_grouped(&stream, &[1, 1, 1, 2]);
}

#[test]
fn a_text_of_unknown_language_joins_a_story_mostly_in_others_by_what_they_share() {
    // No language is told here (each is known by its script only). The story is told in
    // Russian, Chinese and Greek, and once in English; a day and a half later a short
    // Indonesian item, in the English report's letters, shares the place, magnitude, toll and
    // date: it is another language than the story's, compared by what they share.
    let stream = [
        (
            0,
            "Землетрясение магнитудой 6,8 в Кессарии: 112 погибших",
            "Землетрясение магнитудой 6,8 произошло 14 марта в Кессарии в Италии; погибли не менее 112 человек. Спасателями руководит Марко Деллароса.",
        ),
        (
            1,
            "凯萨里亚发生6.8级地震 112人死亡",
            "3月14日，意大利凯萨里亚发生6.8级地震，造成至少112人死亡。救援人员正在倒塌的建筑物中搜寻幸存者。",
        ),
        (
            2,
            "Σεισμός 6,8 Ρίχτερ στην Κεσσάρια: 112 νεκροί",
            "Σεισμός μεγέθους 6,8 έπληξε την Κεσσάρια της Ιταλίας στις 14 Μαρτίου, με τουλάχιστον 112 νεκρούς.",
        ),
        (
            3,
            "Earthquake of magnitude 6.8 strikes Kessaria, 112 dead",
            "An earthquake of magnitude 6.8 struck Kessaria in Italy on 14 March, killing at least 112 people, officials said. Rescuers led by Marco Dellarosa searched collapsed buildings.",
        ),
        (38, "Gempa Kessaria", "Gempa bumi bermagnitudo 6,8 di Kessaria, Italia, pada 14 Maret menewaskan 112 orang."),
        (
            39,
            "Flooding closes roads in Westmarch",
            "Heavy rain flooded roads across Westmarch on Thursday, and the county council closed 14 routes, including the main road to Amberley.",
        ),
    ];
    assert_grouped(&stream, &[1, 1, 1, 1, 1, 2]);
}

#[test]
fn a_name_joins_its_story_from_scripts_without_latin_letters() {
    // Korean and Arabic write the conductor's name in their own letters, and share no number,
    // date or country with the English reports: the name's consonants are what they share.
    let stream = [
        (
            0,
            "Conductor Henrik Sandvelder resigns from the Valmora orchestra",
            "Henrik Sandvelder, the conductor who led the Valmora Philharmonic for two decades, resigned on Friday after a dispute with its board, the orchestra said.",
        ),
        (
            1,
            "Sandvelder quits Valmora Philharmonic after board dispute",
            "The Valmora Philharmonic's long-serving conductor Henrik Sandvelder has stepped down following a row with the orchestra's board.",
        ),
        (
            2,
            "Storm closes ports along the Varn coast",
            "A storm closed ports along the Varn coast on Friday and cut power to thousands of homes, officials said.",
        ),
        (
            3,
            "지휘자 헨리크 산드벨데르 사임",
            "발모라 필하모닉을 오랫동안 이끈 지휘자 헨리크 산드벨데르가 이사회와의 갈등 끝에 사임했다.",
        ),
        (
            4,
            "استقالة قائد الأوركسترا هنريك ساندفيلدر",
            "استقال قائد الأوركسترا هنريك ساندفيلدر من منصبه بعد خلاف مع مجلس الإدارة.",
        ),
    ];
    assert_grouped(&stream, &[1, 1, 2, 1, 1]);
}

/// Places a stream of (hour, language, title, text), the languages given to the clusterer when
/// `known`.
fn place_in_languages(config: ClusterConfig, stream: &[(i64, &str, &str, &str)], known: bool) -> Vec<u64> {
    let start = day(24);
    let mut c = StoryClusterer::new(config);
    background(&mut c, start);
    stream
        .iter()
        .map(|&(h, language, title, text)| {
            c.assign_in(title, text, known.then_some(language), start + chrono::Duration::hours(h)).story
        })
        .collect()
}

#[test]
fn a_story_told_in_two_languages_takes_a_later_report_in_either() {
    // Once the story is told in English and Korean, a Korean report half a day later, in other
    // words, is judged by the names it shares, as the first one was: most of the story's
    // articles, and so most of its words, are English.
    let stream = [
        (
            0,
            "en",
            "Conductor Henrik Sandvelder resigns from the Valmora orchestra",
            "Henrik Sandvelder, the conductor who led the Valmora Philharmonic for two decades, resigned on Friday after a dispute with its board, the orchestra said. The board thanked Sandvelder.",
        ),
        (
            1,
            "en",
            "Sandvelder quits Valmora Philharmonic after board dispute",
            "The Valmora Philharmonic's long-serving conductor Henrik Sandvelder has stepped down following a row with the orchestra's board.",
        ),
        (
            2,
            "ko",
            "지휘자 헨리크 산드벨데르 사임",
            "발모라 필하모닉을 오랫동안 이끈 지휘자 헨리크 산드벨데르가 이사회와의 갈등 끝에 사임했다.",
        ),
        (
            3,
            "en",
            "Storm closes ports along the Varn coast",
            "A storm closed ports along the Varn coast on Friday and cut power to thousands of homes, officials said.",
        ),
        (14, "ko", "고별 무대 없다는 산드벨데르는", "다음 달 고별 무대에도 서지 않는다고 산드벨데르는 말했다."),
    ];
    let stories = place_in_languages(ClusterConfig::default(), &stream, true);
    assert_eq!(stories[0], stories[1], "{stories:?}");
    assert_eq!(stories[0], stories[2], "{stories:?}");
    assert_ne!(stories[0], stories[3], "{stories:?}");
    assert_eq!(stories[0], stories[4], "{stories:?}");
}

#[test]
fn time_counts_less_for_a_report_in_another_language() {
    // A Korean outlet takes the story up a day and a half later, sharing only the name (not
    // even the kind of event: "물러났다", stepped down, is not in the concept list). (No
    // headline rule here: headlines in two languages share no words.)
    let stream = [
        (
            0,
            "en",
            "Conductor Henrik Sandvelder resigns from the Valmora orchestra",
            "Henrik Sandvelder, the conductor who led the Valmora Philharmonic for two decades, resigned on Friday after a dispute with its board, the orchestra said.",
        ),
        (
            1,
            "en",
            "Sandvelder quits Valmora Philharmonic after board dispute",
            "The Valmora Philharmonic's long-serving conductor Henrik Sandvelder has stepped down following a row with the orchestra's board.",
        ),
        (
            36,
            "ko",
            "지휘자 헨리크 산드벨데르, 이사회와 갈등",
            "발모라 필하모닉을 오랫동안 이끈 지휘자 헨리크 산드벨데르가 이사회와의 갈등 끝에 물러났다.",
        ),
    ];
    let place = |config: ClusterConfig, known: bool| place_in_languages(config, &stream, known);
    let config = ClusterConfig { headline_penalty: 0.0, ..ClusterConfig::default() };
    let stories = place(config, true);
    assert_eq!(stories[0], stories[2], "{stories:?}");
    // Were time to count as fully as within one language, the report would be too late...
    let stories = place(ClusterConfig { time_across_languages: 1.0, ..config }, true);
    assert_ne!(stories[0], stories[2], "{stories:?}");
    // ...and when the languages are not known, a report in a script none of the story's
    // articles is written in is in another language all the same.
    let stories = place(config, false);
    assert_eq!(stories[0], stories[2], "{stories:?}");
}

#[test]
fn two_events_that_share_one_surname_stay_apart() {
    // Two people of one family name, in two different events of the same morning: the name
    // is rare, so it weighs much, but nothing else is shared.
    let stream = [
        (
            0,
            "Minister Tavo Kellingrad opens the new Sorva river bridge",
            "Transport minister Tavo Kellingrad opened the new bridge over the Sorva river on Monday, two years after building began. Traffic crossed the four lanes within the hour.",
        ),
        (
            2,
            "Judge Ines Kellingrad halves the northern fishing quotas",
            "A regional court led by judge Ines Kellingrad cut the herring and cod quotas of the northern fleet by half, siding with environmental groups against the trawler owners.",
        ),
    ];
    let apart = place(&stream);
    assert_ne!(apart[0], apart[1], "one surname alone joined two events");
    // The rule is what keeps them apart: without it, the rare name alone clears the bar.
    let joined = place_with(ClusterConfig { lone_name_words: 0.0, ..ClusterConfig::default() }, &stream);
    assert_eq!(joined[0], joined[1]);
}

#[test]
fn a_misdetected_language_in_the_same_script_does_not_meet_by_one_name() {
    // An English story, then an English report of another event that the detector took for
    // Catalan: in one script, names are spelled alike, so one shared name is not enough.
    let stream = [
        (
            0,
            "en",
            "Minister Tavo Kellingrad opens the new Sorva river bridge",
            "Transport minister Tavo Kellingrad opened the new bridge over the Sorva river on Monday, two years after building began.",
        ),
        (
            1,
            "en",
            "Sorva bridge opens to traffic after two years of work",
            "The four-lane bridge over the Sorva river opened on Monday; minister Tavo Kellingrad cut the ribbon.",
        ),
        (
            3,
            "ca",
            "Judge Ines Kellingrad halves the northern fishing quotas",
            "A regional court led by judge Ines Kellingrad reduced the herring and cod quotas of the northern fleet by half.",
        ),
        (
            4,
            "de",
            "Minister Tavo Kellingrad eröffnet die neue Sorva-Brücke",
            "Verkehrsminister Tavo Kellingrad hat am Montag die neue Brücke über die Sorva eröffnet.",
        ),
    ];
    let stories = place_in_languages(ClusterConfig::default(), &stream, true);
    assert_eq!(stories[0], stories[1]);
    assert_ne!(stories[2], stories[0], "one shared surname joined across a misdetected language");
    // The German report shares the full name and the river: it joins.
    assert_eq!(stories[3], stories[0]);
}

#[test]
fn candidates_are_the_stories_that_share_most_terms() {
    // One entry per shared term: story 5 shares three, story 1 two, the others one.
    assert_eq!(super::most_shared(vec![5, 1, 5, 2, 5, 1, 3], 2), vec![1, 5]);
    // Ties go to the newer story; few candidates are all kept.
    assert_eq!(super::most_shared(vec![1, 2, 3], 2), vec![2, 3]);
    assert_eq!(super::most_shared(vec![3, 1, 3], 8), vec![1, 3]);
}

#[test]
fn two_states_laws_on_one_subject_are_two_stories() {
    // Each state's law is told by two outlets; the second state's comes a day later in the
    // same words. A strike between two countries, told naming one or the other, stays one.
    let stream = [
        (
            0,
            "Kansas governor signs religious exemption bill",
            "The governor of Kansas signed a religious exemption bill on Monday after lawmakers passed it, drawing protests from civil rights groups and business leaders who warned of boycotts.",
        ),
        (
            2,
            "Kansas religious exemption law draws boycott threats",
            "Business leaders threatened boycotts after Kansas enacted a religious exemption law, which civil rights groups say allows discrimination; the governor defended the bill he signed.",
        ),
        (
            26,
            "Iowa lawmakers pass religious exemption bill",
            "Lawmakers in Iowa passed a religious exemption bill on Tuesday, drawing protests from civil rights groups and business leaders who warned of boycotts, as the governor weighs signing it.",
        ),
        (
            28,
            "Iowa governor weighs religious exemption bill amid boycott threats",
            "The governor of Iowa said she would decide within days whether to sign the religious exemption bill, as business leaders threatened boycotts and civil rights groups protested.",
        ),
        (
            30,
            "Norway and Sweden fishermen strike over quotas",
            "Fishermen in Norway and Sweden went on strike on Wednesday over new cod quotas, tying up more than 400 trawlers in ports along the coast, union leader Ola Berg said.",
        ),
        (
            31,
            "Sweden's fishermen join quota strike",
            "Swedish fishermen tied up their trawlers on Wednesday, joining the strike over new cod quotas that union leader Ola Berg called in both countries; more than 400 boats are in port.",
        ),
    ];
    assert_grouped(&stream, &[0, 0, 1, 1, 2, 2]);
}

#[test]
fn a_story_merged_into_another_brings_its_headline_places() {
    let mut c = StoryClusterer::new(ClusterConfig::default());
    let kansas = c.assign(
        "Kansas governor signs religious exemption bill",
        "The governor of Kansas signed the bill on Monday.",
        day(4),
    );
    let iowa =
        c.assign("Iowa lawmakers pass harbour levy", "Lawmakers in Iowa passed a harbour levy on Monday.", day(4));
    assert_ne!(kansas.story, iowa.story);
    let places = |c: &StoryClusterer, id: u64| c.stories[&id].places.clone();
    let mut both = places(&c, kansas.story);
    both.extend(places(&c, iowa.story));
    both.sort_unstable();
    assert_eq!(both.len(), 2, "each headline names its state");
    c.absorb(kansas.story, iowa.story);
    assert_eq!(places(&c, kansas.story), both, "the survivor's headlines name both states now");
}

#[test]
fn a_report_in_another_language_is_not_kept_apart_by_names_only_it_has() {
    // A day later, the Russian report names the engineer, as the English ones do, and also
    // the many bodies that told of it, in Russian words no other article has: those cannot
    // meet the story and must not dilute the name it shares.
    let stream = [
        (
            0,
            "en",
            "Engineer Mara Okafor halts Port Alder bridge works",
            "Mara Okafor, the chief engineer of the Port Alder harbour bridge, halted repairs on Monday after cracks were found, the council said.",
        ),
        (
            1,
            "en",
            "Port Alder bridge repairs halted as cracks found",
            "Repairs on the Port Alder bridge stopped on Monday; chief engineer Mara Okafor said the cracks would be studied.",
        ),
        (
            30,
            "ru",
            "Инженер Мара Окафор остановила ремонт моста",
            "Главный инженер Мара Окафор остановила ремонт моста. Об этом сообщили Городской Совет, Портовое Управление, Дорожная Инспекция, Союз Строителей, Гильдия Мостовиков Северного Края, Палата Ремесел, Общество Инженеров Валдайской Губернии, Комитет Дорог, Служба Надзора и Фонд Развития Приморья.",
        ),
    ];
    let stories = place_in_languages(ClusterConfig::default(), &stream, true);
    assert_eq!(stories[0], stories[1], "{stories:?}");
    assert_eq!(stories[0], stories[2], "{stories:?}");
}
