# ruff: noqa: RUF001 (French and English typography: the apostrophe is U+2019)
"""French and English versions of a few demo stories, so those sites are not empty.

Each follows the Arabic story's shape block for block (demo/story_blocks.py pairs them).
"""

from demo.story_blocks import Paragraph, Quote, StoryText

TRANSLATIONS = {
    "atlantic-solar-plant-doubles-output": {
        "fr": StoryText(
            title=(
                "Une nouvelle centrale solaire dans le Sud double la production d’électricité "
                "propre"
            ),
            standfirst=(
                "La deuxième tranche d’une centrale solaire du Sud est entrée en service : sa "
                "capacité totale double et alimente désormais des centaines de milliers de foyers."
            ),
            image_alt=(
                "Illustration abstraite verte et dorée de panneaux alignés sous un grand soleil"
            ),
            image_caption="Les panneaux de la deuxième tranche de la centrale, dans le désert.",
            body=(
                Paragraph(
                    "La nouvelle tranche repose sur des panneaux photovoltaïques bifaces qui "
                    "captent la lumière réfléchie par le sable, et sur un stockage par batteries "
                    "qui prolonge l’alimentation deux heures après le coucher du soleil."
                ),
                Paragraph(
                    "L’exploitant indique que le chantier a créé plus de mille emplois temporaires "
                    "et qu’un tiers des composants a été fabriqué dans des usines locales, une "
                    "part qu’il veut augmenter dans les prochains projets."
                ),
                Quote(
                    "Chaque kilowatt produit ici est un kilowatt que nous n’importons pas.",
                    "La directrice de la centrale",
                ),
                Paragraph(
                    "Reste à acheminer l’électricité du Sud vers les grandes villes du Nord : le "
                    "réseau exigera de nouvelles lignes à haute tension dans les années à venir."
                ),
            ),
        ),
        "en": StoryText(
            title="New solar plant in the south doubles clean electricity output",
            standfirst=(
                "The second phase of a solar plant in the south has come on line, doubling its "
                "total capacity and supplying hundreds of thousands of homes."
            ),
            image_alt="Abstract green and gold illustration of panels lined up under a large sun",
            image_caption="Panels of the plant’s second phase in the desert.",
            body=(
                Paragraph(
                    "The new phase uses bifacial photovoltaic panels that catch light reflected "
                    "off the sand, and battery storage that keeps power flowing for two hours "
                    "after sunset."
                ),
                Paragraph(
                    "The operator says construction created more than a thousand temporary jobs "
                    "and that a third of the components were made in local factories, a share it "
                    "wants to raise in future projects."
                ),
                Quote(
                    "Every kilowatt we produce here is a kilowatt we do not import.",
                    "The plant’s director",
                ),
                Paragraph(
                    "Carrying the power from the south to the large cities of the north remains "
                    "a challenge: the grid will need new high-voltage lines in the coming years."
                ),
            ),
        ),
    },
    "short-film-festival-young-directors": {
        "fr": StoryText(
            title="Le festival du court métrage couronne de jeunes réalisatrices",
            standfirst=(
                "Le festival du court métrage s’est achevé en récompensant trois films de "
                "réalisatrices d’une vingtaine d’années, consacrés à l’exil, à la mémoire et à la "
                "vie dans les petites villes."
            ),
            image_alt=(
                "Illustration abstraite violette et rose de faisceaux lumineux dans une salle "
                "sombre"
            ),
            image_caption="Le public dans la salle lors de la cérémonie de clôture.",
            body=(
                Paragraph(
                    "Plus de quarante films venus de pays arabes et africains ont été projetés "
                    "pendant la semaine du festival, devant des salles combles le soir, en grande "
                    "partie des étudiants."
                ),
                Paragraph(
                    "Le grand prix est allé à un court métrage sur une femme qui retrouve son "
                    "village après trente ans à l’étranger, tourné avec des acteurs non "
                    "professionnels, habitants du village."
                ),
                Quote(
                    "Nous avons tourné avec peu d’argent et beaucoup de temps, et ce sont les "
                    "gens de là-bas qui ont écrit les dialogues.",
                    "La réalisatrice du film primé",
                ),
                Paragraph(
                    "La direction du festival annonce un atelier d’écriture de scénario gratuit au "
                    "printemps pour les jeunes des villes qui n’ont pas de salle de cinéma."
                ),
            ),
        ),
        "en": StoryText(
            title="Short film festival crowns young women directors",
            standfirst=(
                "The short film festival closed by awarding three films by directors in their "
                "twenties, about migration, memory and life in small towns."
            ),
            image_alt="Abstract purple and pink illustration of light beams crossing a dark hall",
            image_caption="The audience in the hall during the closing ceremony.",
            body=(
                Paragraph(
                    "More than forty films from Arab and African countries were shown during the "
                    "festival week, with evening screenings full of a mostly student audience."
                ),
                Paragraph(
                    "The grand prize went to a short film about a woman who returns to her "
                    "village after thirty years abroad, shot with non-professional actors who "
                    "live in the village."
                ),
                Quote(
                    "We shot with little money and a lot of time, and the people there wrote the "
                    "dialogue.",
                    "Director of the winning film",
                ),
                Paragraph(
                    "The festival announced a free screenwriting workshop in the spring for young "
                    "people from towns that have no cinema."
                ),
            ),
        ),
    },
    "marrakech-marathon-course-record": {
        "fr": StoryText(
            title="Marathon de Marrakech : nouveau record du parcours devant une foule nombreuse",
            standfirst=(
                "Un jeune coureur a battu le record du parcours du marathon de Marrakech de près "
                "d’une minute, dans une course qui a réuni plus de dix mille coureurs de cinquante "
                "pays."
            ),
            image_alt=(
                "Illustration abstraite bleue et verte de lignes de vitesse au-dessus d’une ville"
            ),
            image_caption="Les coureurs sur la ligne de départ, dimanche matin.",
            body=(
                Paragraph(
                    "Le départ a été donné à sept heures par un temps doux ; les hommes de tête "
                    "se sont détachés après le vingt-cinquième kilomètre, sur la route de la "
                    "palmeraie."
                ),
                Paragraph(
                    "Chez les femmes, une Marocaine l’a emporté pour son premier marathon, après "
                    "une carrière sur 10 000 mètres."
                ),
                Quote(
                    "J’ai couru la seconde moitié seul : c’est le public le long de la route qui "
                    "m’a porté jusqu’à l’arrivée.",
                    "Le vainqueur de la course",
                ),
                Paragraph(
                    "L’édition comptait aussi une course pour les enfants et un parcours en "
                    "fauteuil roulant : les organisateurs veulent faire du marathon la fête de "
                    "toute la ville."
                ),
            ),
        ),
        "en": StoryText(
            title="Marrakech marathon: new course record before a large crowd",
            standfirst=(
                "A young runner broke the Marrakech marathon course record by almost a minute, "
                "in a race that drew more than ten thousand runners from fifty countries."
            ),
            image_alt="Abstract blue and green illustration of speed lines above a city",
            image_caption="Runners at the start line on Sunday morning.",
            body=(
                Paragraph(
                    "The race started at seven in mild weather, and the leaders broke away from "
                    "the pack after the twenty-fifth kilometre on the palm grove road."
                ),
                Paragraph(
                    "In the women’s race, a Moroccan runner won her first marathon after a career "
                    "in the 10,000 metres."
                ),
                Quote(
                    "I ran the second half alone; the crowd along the road carried me to the "
                    "finish.",
                    "The winner of the race",
                ),
                Paragraph(
                    "The event also had a children’s race and a wheelchair course, as the "
                    "organisers want the marathon to be a celebration for the whole city."
                ),
            ),
        ),
    },
}
