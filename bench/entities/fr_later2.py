# French paragraphs written in the thirty-first session after its rules were made (an
# institution's lowercase complement among them), scored on the build before them and on the
# build after. Written knowing the rules, on every subject of the news: a check that they hold
# in running text, not a figure for unseen text. See en.py.
P, O, L = "person", "organization", "place"
PARAGRAPHS = [
("La Cour des comptes critique les dépenses de la ville de Marseille pour ses écoles.",
 [("Cour des comptes", O), ("Marseille", L)]),
("Le président Emmanuel Macron a réuni le Conseil des ministres mercredi matin.",
 [("Emmanuel Macron", P), ("Conseil des ministres", O)]),
("Le PSG a battu l'Olympique de Marseille au Parc des Princes devant 47 000 spectateurs.",
 [("PSG", O), ("Olympique de Marseille", O), ("Parc des Princes", L)]),
("Selon l'Insee, l'inflation a ralenti en novembre à 1,5 % sur un an.",
 [("Insee", O)]),
("La maire de Paris, Anne Hidalgo, a présenté un plan pour les pistes cyclables.",
 [("Paris", L), ("Anne Hidalgo", P)]),
("Renault va supprimer 2 000 postes dans son usine de Douai, a annoncé la direction.",
 [("Renault", O), ("Douai", L)]),
("Le Conseil d'État a validé le décret sur l'assurance chômage.",
 [("Conseil d'État", O)]),
("Des orages ont frappé la Bretagne et la Normandie dans la nuit de lundi à mardi.",
 [("Bretagne", L), ("Normandie", L)]),
]
