# Spanish paragraphs written in the thirty-first session after its rules were made (a town's
# sports club after an article among them), scored on the build before them and on the build
# after. Written knowing the rules, on every subject of the news: a check that they hold in
# running text, not a figure for unseen text. See en.py.
P, O, L = "person", "organization", "place"
PARAGRAPHS = [
("El Betis venció al Sevilla en el derbi disputado en el estadio Benito Villamarín.",
 [("Betis", O), ("Sevilla", O), ("Benito Villamarín", L)]),
("El Tribunal Supremo ha rechazado el recurso de la Generalitat de Cataluña contra la nueva ley.",
 [("Tribunal Supremo", O), ("Generalitat de Cataluña", O)]),
("La ministra de Hacienda, María Jesús Montero, presentó los presupuestos en el Congreso.",
 [("María Jesús Montero", P), ("Congreso", O)]),
("Inditex abrirá una tienda en Buenos Aires el próximo año, según informó la compañía gallega.",
 [("Inditex", O), ("Buenos Aires", L)]),
("El Banco de España prevé que la economía crezca un 2% este año pese a la subida de los precios.",
 [("Banco de España", O)]),
("Las lluvias han provocado inundaciones en Valencia y en la provincia de Alicante durante la noche.",
 [("Valencia", L), ("Alicante", L)]),
("El alcalde de Madrid, José Luis Martínez-Almeida, anunció nuevas restricciones al tráfico en el centro.",
 [("Madrid", L), ("José Luis Martínez-Almeida", P)]),
("El Valencia ha despedido a su entrenador tras la derrota ante el Getafe del domingo.",
 [("Valencia", O), ("Getafe", O)]),
]
