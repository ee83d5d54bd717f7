# Portuguese paragraphs written in the twenty-eighth session after its Portuguese rules were
# made, and scored once on the build before them and on the build after (the figure for unseen
# Portuguese text). See en.py.
P, O, L = "person", "organization", "place"
PARAGRAPHS = [
("O governador de São Paulo, Tarcísio de Freitas, inaugurou nesta segunda-feira uma nova linha de trem em Campinas.",
 [("São Paulo", L), ("Tarcísio de Freitas", P), ("Campinas", L)]),
("A Agência Nacional de Vigilância Sanitária aprovou a venda de uma nova vacina contra a dengue. O laboratório Butantan vai produzir as doses.",
 [("Agência Nacional de Vigilância Sanitária", O, ["Anvisa"]), ("Butantan", O)]),
("O ministro da Justiça, Ricardo Lewandowski, disse em Brasília que a Polícia Rodoviária Federal terá mais agentes nas estradas do Nordeste.",
 [("Ricardo Lewandowski", P), ("Brasília", L), ("Polícia Rodoviária Federal", O), ("Nordeste", L)]),
("O Sporting venceu o Benfica por 3 a 1 no Estádio José Alvalade, em Lisboa, e assumiu a liderança do campeonato.",
 [("Sporting", O), ("Benfica", O), ("Estádio José Alvalade", L), ("Lisboa", L)]),
("A Caixa Geral de Depósitos registou lucros de 1,7 mil milhões de euros. O presidente do banco, Paulo Macedo, falou em Lisboa.",
 [("Caixa Geral de Depósitos", O), ("Paulo Macedo", P), ("Lisboa", L)]),
("Um incêndio destruiu três mil hectares de floresta no distrito de Leiria. A Proteção Civil mobilizou 400 bombeiros.",
 [("Leiria", L), ("Proteção Civil", O)]),
("O Tribunal Superior Eleitoral rejeitou o recurso do partido. A ministra Cármen Lúcia votou contra.",
 [("Tribunal Superior Eleitoral", O, ["TSE"]), ("Cármen Lúcia", P)]),
("A seleção brasileira treinou em Teresópolis antes de viajar para Buenos Aires, onde enfrenta a Argentina na quinta-feira.",
 [("Teresópolis", L), ("Buenos Aires", L), ("Argentina", L)]),
("Segundo a Organização Mundial da Saúde, os casos de sarampo subiram 20% na Europa. O diretor-geral Tedros Adhanom Ghebreyesus pediu mais vacinação.",
 [("Organização Mundial da Saúde", O, ["OMS"]), ("Europa", L), ("Tedros Adhanom Ghebreyesus", P)]),
("A empresa Natura anunciou a venda da marca Avon na Ásia. As ações subiram na Bolsa de Valores de São Paulo.",
 [("Natura", O), ("Avon", O), ("Ásia", L), ("Bolsa de Valores de São Paulo", O, ["B3"])]),
]
