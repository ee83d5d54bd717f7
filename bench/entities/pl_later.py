# Polish paragraphs written in the thirty-first session after its Polish lexicon and its
# people's case forms were made, scored on the build before them and on the build after.
# Written knowing the rules, on every subject of the news: a check that they hold in running
# text, not a figure for unseen text. See en.py.
P, O, L = "person", "organization", "place"
PARAGRAPHS = [
("Premier Donald Tusk spotkał się w poniedziałek z prezydentem Francji Emmanuelem Macronem w Paryżu.",
 [("Donald Tusk", P), ("Emmanuel Macron", P), ("Francja", L, ["Francji"]), ("Paryż", L, ["Paryżu"])]),
("Posłowie Prawa i Sprawiedliwości skrytykowali ministra finansów Andrzeja Domańskiego za nowy budżet.",
 [("Andrzej Domański", P)]),
("Sąd Najwyższy oddalił w czwartek skargę spółki Orlen na decyzję Urzędu Ochrony Konkurencji i Konsumentów.",
 [("Sąd Najwyższy", O), ("Orlen", O), ("Urząd Ochrony Konkurencji i Konsumentów", O, ["Urzędu Ochrony Konkurencji i Konsumentów"])]),
("Rozmowę z Anną Kowalską, dyrektorką szpitala w Gdańsku, opublikowała we wtorek Gazeta Wyborcza.",
 [("Anna Kowalska", P), ("Gdańsk", L, ["Gdańsku"]), ("Gazeta Wyborcza", O)]),
("Prezydent Ukrainy Wołodymyr Zełenski przyjechał do Warszawy na rozmowy o odbudowie kraju.",
 [("Wołodymyr Zełenski", P), ("Ukraina", L, ["Ukrainy"]), ("Warszawa", L, ["Warszawy"])]),
("Lewandowski strzelił dwa gole, a Barcelona pokonała Real Madryt na Stadionie Olimpijskim.",
 [("Barcelona", O), ("Real Madryt", O), ("Stadion Olimpijski", L, ["Stadionie Olimpijskim"])]),
("Powódź zalała wsie w dolinie Odry. Wojewoda Maria Nowak zapowiedziała pomoc dla mieszkańców Kłodzka.",
 [("Odra", L, ["Odry"]), ("Maria Nowak", P), ("Kłodzko", L, ["Kłodzka"])]),
("Kanclerz Niemiec Olaf Scholz rozmawiał przez telefon z Władimirem Putinem po raz pierwszy od dwóch lat.",
 [("Olaf Scholz", P), ("Niemcy", L, ["Niemiec"]), ("Władimir Putin", P)]),
("Narodowy Bank Polski pozostawił stopy procentowe bez zmian, poinformował prezes banku Adam Glapiński.",
 [("Narodowy Bank Polski", O), ("Adam Glapiński", P)]),
("Zmarł Jerzy Stuhr, aktor i reżyser. Miał 77 lat. Jego filmy pokazywano w Cannes i w Wenecji.",
 [("Jerzy Stuhr", P), ("Cannes", L), ("Wenecja", L, ["Wenecji"])]),
]
