# German paragraphs written in the ninth session after its German rules were made, and scored
# once on the build before them and on the build after (the figure for unseen German text).
# See en.py.
P, O, L = "person", "organization", "place"
PARAGRAPHS = [
("Der Autobauer Volkswagen will in Wolfsburg weitere Stellen streichen. Betriebsratschefin Daniela Cavallo kündigte Widerstand an.\nHarte Verhandlungen erwartet\nDie IG Metall fordert eine Jobgarantie.",
 [("Volkswagen", O), ("Wolfsburg", L), ("Daniela Cavallo", P), ("IG Metall", O)]),
("Bayerns Ministerpräsident Markus Söder hat sich für schärfere Grenzkontrollen ausgesprochen. Söder sagte in München, der Bund müsse handeln.",
 [("Bayern", L), ("Markus Söder", P), ("München", L)]),
("Nach Angaben des Deutschen Wetterdienstes drohen an der Nordseeküste schwere Sturmböen. Auf Sylt wurde der Fährverkehr eingestellt.",
 [("Deutscher Wetterdienst", O, ["Deutschen Wetterdienstes", "DWD"]), ("Sylt", L)]),
("Die Europäische Zentralbank hat den Leitzins erneut gesenkt. EZB-Präsidentin Christine Lagarde sprach in Frankfurt von einer stabilen Inflation.",
 [("Europäische Zentralbank", O, ["EZB"]), ("Christine Lagarde", P), ("Frankfurt", L)]),
("Im Prozess gegen den früheren Wirecard-Chef Markus Braun hat das Landgericht München neue Zeugen geladen. Braun bestreitet alle Vorwürfe.",
 [("Markus Braun", P), ("Landgericht München", O), ("Wirecard", O)]),
("Die Schweiz und die Europäische Union haben ihre Verhandlungen über ein neues Abkommen abgeschlossen. Bundespräsidentin Viola Amherd sprach in Bern von einem wichtigen Schritt.",
 [("Schweiz", L), ("Europäische Union", O, ["EU"]), ("Viola Amherd", P), ("Bern", L)]),
("Der FC Bayern hat das Spitzenspiel gegen Borussia Dortmund gewonnen. Harry Kane traf zweimal.\nSchwache Abwehr\nTrainer Vincent Kompany lobte die Mannschaft.",
 [("FC Bayern", O), ("Borussia Dortmund", O), ("Harry Kane", P), ("Vincent Kompany", P)]),
("Digitale Angebote der Verwaltung sollen ausgebaut werden. Das kündigte Digitalminister Volker Wissing in Berlin an. Bisher nutzen wenige Bürger digitale Angebote.",
 [("Volker Wissing", P), ("Berlin", L)]),
]
