# French paragraphs written in the ninth session after its French rules were made, and scored
# once on the build before them and on the build after (the figure for unseen French text).
# See en.py.
P, O, L = "person", "organization", "place"
PARAGRAPHS = [
("Le maire de Bordeaux, Pierre Hurmic, a présenté mercredi un plan pour les pistes cyclables. L'opposition municipale dénonce un projet trop coûteux.",
 [("Bordeaux", L), ("Pierre Hurmic", P)]),
("La compagnie Air France a annulé une centaine de vols vendredi en raison d'une grève des contrôleurs aériens. Les aéroports de Nice et de Toulouse sont les plus touchés.",
 [("Air France", O), ("Nice", L), ("Toulouse", L)]),
("Selon l'Insee, le chômage a légèrement reculé au troisième trimestre. Le ministre du Travail a salué « une bonne nouvelle pour les jeunes ».",
 [("Insee", O)]),
("La chanteuse Aya Nakamura se produira au Stade de France en juin. Les billets ont été vendus en quelques heures, selon son producteur.",
 [("Aya Nakamura", P), ("Stade de France", L)]),
("Au Sénégal, le président Bassirou Diomaye Faye a nommé un nouveau gouvernement. Le Premier ministre Ousmane Sonko conserve la majorité des ministres.",
 [("Sénégal", L), ("Bassirou Diomaye Faye", P), ("Ousmane Sonko", P)]),
("Le groupe Renault a annoncé la fermeture de son usine de Flins. Les syndicats ont appelé à un rassemblement devant le siège, à Boulogne-Billancourt.",
 [("Renault", O), ("Flins", L), ("Boulogne-Billancourt", L)]),
("La Commission européenne a ouvert une enquête sur les subventions accordées par la Chine aux constructeurs de voitures électriques. Pékin a dénoncé une mesure protectionniste.",
 [("Commission européenne", O), ("Chine", L), ("Pékin", L)]),
("L'entraîneur du Paris Saint-Germain, Luis Enrique, a défendu ses choix après la défaite contre Lille. Kylian Mbappé est resté sur le banc.",
 [("Paris Saint-Germain", O), ("Luis Enrique", P), ("Lille", O, ["LOSC"]), ("Kylian Mbappé", P)]),
]
