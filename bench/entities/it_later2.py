# Italian paragraphs written in the thirty-first session after its rules were made (a
# minister's portfolio elided into "dell'", a town's sports club after an article, an
# institution's lowercase complement), scored on the build before them and on the build after.
# Written knowing the rules, but on every subject of the news, not on those rules alone: a
# check that they hold in running text, not a figure for unseen text. See en.py.
P, O, L = "person", "organization", "place"
PARAGRAPHS = [
("L'Inter ha pareggiato con la Lazio allo stadio Olimpico. L'allenatore Simone Inzaghi si è detto soddisfatto del punto.",
 [("Inter", O), ("Lazio", O), ("Olimpico", L), ("Simone Inzaghi", P)]),
("La Corte dei conti ha bocciato il piano di spesa della Regione Sicilia per il prossimo triennio.",
 [("Corte dei conti", O), ("Regione Sicilia", O)]),
("L'amministratore delegato di Eni, Claudio Descalzi, ha presentato a Milano i risultati del trimestre.",
 [("Eni", O), ("Claudio Descalzi", P), ("Milano", L)]),
("Il Genoa ha ceduto un attaccante al Bologna per otto milioni di euro, ha comunicato la società.",
 [("Genoa", O), ("Bologna", O)]),
("Secondo l'Istat, la disoccupazione giovanile è scesa al 20 per cento nel Mezzogiorno.",
 [("Istat", O), ("Mezzogiorno", L)]),
("Il sindaco di Firenze, Sara Funaro, ha inaugurato una nuova linea della tramvia verso l'aeroporto.",
 [("Firenze", L), ("Sara Funaro", P)]),
("La Guardia di Finanza ha sequestrato due tonnellate di cocaina nel porto di Gioia Tauro.",
 [("Guardia di Finanza", O), ("Gioia Tauro", L)]),
("Il ministro degli Esteri Antonio Tajani ha ricevuto il collega spagnolo a Roma per parlare di migranti.",
 [("Antonio Tajani", P), ("Roma", L)]),
("La Juventus ha annunciato un aumento di capitale. Il titolo ha perso il 3% alla Borsa di Milano.",
 [("Juventus", O), ("Borsa di Milano", O)]),
("Il ministro dell'Interno ha inviato altri agenti a Caivano dopo una serie di rapine nel quartiere.",
 [("Caivano", L)]),
]
