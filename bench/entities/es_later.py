# Spanish paragraphs written in the ninth session after its Spanish rules were made, and scored
# once on the build before them and on the build after (the figure for unseen Spanish text).
# See en.py.
P, O, L = "person", "organization", "place"
PARAGRAPHS = [
("El alcalde de Valencia, María José Catalá, anunció el lunes un plan contra las inundaciones. La oposición pidió más fondos al Gobierno central.",
 [("Valencia", L), ("María José Catalá", P)]),
("La empresa Inditex ganó un 10% más en el primer semestre gracias a las ventas en Estados Unidos. Su presidenta, Marta Ortega, destacó el crecimiento de Zara.",
 [("Inditex", O), ("Estados Unidos", L), ("Marta Ortega", P), ("Zara", O)]),
("El Real Madrid venció al Atlético de Madrid por dos goles a uno en el Santiago Bernabéu. Vinícius Júnior marcó el gol de la victoria.",
 [("Real Madrid", O), ("Atlético de Madrid", O), ("Santiago Bernabéu", L), ("Vinícius Júnior", P)]),
("En México, la presidenta Claudia Sheinbaum presentó una reforma del sistema judicial. La Suprema Corte deberá pronunciarse antes de diciembre.",
 [("México", L), ("Claudia Sheinbaum", P), ("Suprema Corte", O)]),
("Según el Instituto Nacional de Estadística, la inflación bajó al 2,8% en octubre. Los precios de la electricidad cayeron en Andalucía y Galicia.",
 [("Instituto Nacional de Estadística", O, ["INE"]), ("Andalucía", L), ("Galicia", L)]),
("La Guardia Civil detuvo a tres personas en Algeciras por tráfico de drogas. La operación se realizó en colaboración con la policía de Marruecos.",
 [("Guardia Civil", O), ("Algeciras", L), ("Marruecos", L)]),
("El escritor peruano Mario Vargas Llosa recibió un homenaje en la Real Academia Española. Asistieron el rey Felipe VI y varios ministros.",
 [("Mario Vargas Llosa", P), ("Real Academia Española", O), ("Felipe VI", P)]),
("La ONU alertó de una crisis alimentaria en Sudán. El portavoz de la organización, Stéphane Dujarric, pidió acceso para los convoyes humanitarios.",
 [("ONU", O), ("Sudán", L), ("Stéphane Dujarric", P)]),
]
