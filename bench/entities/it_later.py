# Italian paragraphs written in the twenty-eighth session after its Italian rules were made,
# and scored once on the build before them and on the build after (the figure for unseen
# Italian text). See en.py.
P, O, L = "person", "organization", "place"
PARAGRAPHS = [
("Il presidente della Regione Campania, Vincenzo De Luca, ha incontrato a Napoli i sindacati dei trasporti.",
 [("Regione Campania", O), ("Vincenzo De Luca", P), ("Napoli", L)]),
("La Banca centrale europea ha lasciato invariati i tassi. La presidente Christine Lagarde ha parlato a Francoforte.",
 [("Banca centrale europea", O, ["Bce"]), ("Christine Lagarde", P), ("Francoforte", L)]),
("Il ministro dell'Economia Giancarlo Giorgetti ha presentato la manovra al Senato.",
 [("Giancarlo Giorgetti", P), ("Senato", O)]),
("Secondo l'Agenzia delle Entrate, l'evasione fiscale è calata del 5% in un anno. Il direttore Ernesto Maria Ruffini ha commentato i dati a Roma.",
 [("Agenzia delle Entrate", O), ("Ernesto Maria Ruffini", P), ("Roma", L)]),
("Il Milan ha battuto il Napoli per 2 a 0 allo stadio San Siro. Rafael Leão ha segnato il primo gol.",
 [("Milan", O), ("Napoli", O), ("San Siro", L), ("Rafael Leão", P)]),
("L'Università degli Studi di Padova ha inaugurato un nuovo laboratorio di fisica. Il rettore ha ringraziato il Consiglio nazionale delle ricerche.",
 [("Università degli Studi di Padova", O), ("Consiglio nazionale delle ricerche", O, ["Cnr"])]),
("Un'alluvione ha colpito l'Emilia-Romagna: a Faenza e a Cesena centinaia di persone sono state evacuate dai vigili del fuoco.",
 [("Emilia-Romagna", L), ("Faenza", L), ("Cesena", L)]),
("Il segretario del Partito Democratico, Elly Schlein, ha criticato il governo durante un comizio a Bologna.",
 [("Partito Democratico", O, ["Pd"]), ("Elly Schlein", P), ("Bologna", L)]),
("La compagnia aerea Ita Airways ha annunciato nuovi voli da Fiumicino verso New York e Tokyo.",
 [("Ita Airways", O), ("Fiumicino", L), ("New York", L), ("Tokyo", L)]),
("Il cantante Eros Ramazzotti terrà un concerto all'Arena di Verona il prossimo giugno.",
 [("Eros Ramazzotti", P), ("Arena di Verona", L), ("Verona", L)]),
]
