# German paragraphs written in the thirtieth session after its German rules were made (a
# well-known organisation's name with its adjectives declined, a common noun before a
# genitive's article, a newspaper's name), scored on the build before them and on the build
# after. Written knowing the rules: a check that they hold in running text, not a figure for
# unseen text. See en.py.
P, O, L = "person", "organization", "place"
PARAGRAPHS = [
("Die Beschäftigten der Deutschen Bank in Frankfurt sollen im Frühjahr mehr Geld bekommen. Das teilte eine Sprecherin des Instituts am Montag mit.",
 [("Deutsche Bank", O, ["Deutschen Bank"]), ("Frankfurt", L)]),
("Der Vorstand der Europäischen Zentralbank berät am Donnerstag über die Zinsen. Ökonomen in Berlin erwarten keine Änderung.",
 [("Europäische Zentralbank", O, ["Europäischen Zentralbank", "European Central Bank"]), ("Berlin", L)]),
("Wie die Kellstädter Zeitung berichtet, soll das Hallenbad im Sommer schließen. Bürgermeisterin Ina Kellner will die Pläne am Dienstag vorstellen.",
 [("Kellstädter Zeitung", O), ("Ina Kellner", P)]),
("Im Interview mit der Süddeutschen Zeitung verteidigte Verkehrsminister Jonas Brandtner die Pläne für die Autobahn bei Regensburg.",
 [("Süddeutsche Zeitung", O, ["Süddeutschen Zeitung"]), ("Jonas Brandtner", P), ("Regensburg", L)]),
("Ein Sprecher der Vereinten Nationen in Genf sagte, die Hilfe für den Sudan reiche nicht aus.",
 [("Vereinte Nationen", O, ["Vereinten Nationen", "United Nations"]), ("Genf", L), ("Sudan", L)]),
("Die Abgeordneten des Europäischen Parlaments stimmten in Straßburg für das neue Gesetz. Die Europäische Kommission hatte es im Frühjahr vorgelegt.",
 [("Europäisches Parlament", O, ["Europäischen Parlaments", "European Parliament"]), ("Straßburg", L), ("Europäische Kommission", O, ["European Commission"])]),
("Nach dem Unwetter in Sachsen halfen Freiwillige des Roten Kreuzes bei der Versorgung der Anwohner in Pirna.",
 [("Rotes Kreuz", O, ["Roten Kreuzes", "Red Cross"]), ("Sachsen", L), ("Pirna", L)]),
("Die Aktionäre der Deutschen Bahn müssen sich gedulden: Bahnchef Tobias Kellberg kündigte in Berlin weitere Verspätungen an.",
 [("Deutsche Bahn", O, ["Deutschen Bahn"]), ("Tobias Kellberg", P), ("Berlin", L)]),
]
