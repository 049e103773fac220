"""Figures of each grave violation: recruitment and deprivation of liberty, killing and maiming, sexual violence, attacks on schools and hospitals, abduction and denial of access."""
from ._core import describe


# ----------------------------------------------------------------------------- recruitment and deprivation of liberty
describe("recruitment_by_group", "recruitment",
         "Children recruited and used in Mali, by party and coalition, {dates}",
         "Enfants recrutés et utilisés au Mali, par partie et coalition, {dates}",
         "The 513 children whose recruitment and use was attributed, grouped by coalition: each party's children are counted once, under its coalition "
         "(CMA 202, Platform 151, JNIM 34, as the report states). Three boys were recruited twice, by GATIA and by MNLA: the report counts 516 cases.",
         "Les 513 enfants dont le recrutement et l'utilisation ont été attribués, regroupés par coalition : chaque enfant est compté une fois, sous sa coalition "
         "(CMA 202, Plateforme 151, JNIM 34, comme l'indique le rapport). Trois garçons ont été recrutés deux fois, par le GATIA et par le MNLA : le rapport compte 516 cas.")


describe("recruitment_by_period", "recruitment",
         "Children recruited and used in Mali, by period, {dates}",
         "Enfants recrutés et utilisés au Mali, par période, {dates}",
         "Children verified as recruited and used in each period (left) and per month (right). The report calls the first three figures cases; "
         "they add up, with the 159 children of 2020, to the 513 children.",
         "Enfants dont le recrutement et l'utilisation ont été vérifiés dans chaque période (à gauche) et par mois (à droite). Le rapport parle de cas pour les trois premiers chiffres ; "
         "avec les 159 enfants de 2020, ils totalisent les 513 enfants.")


describe("recruitment_by_region", "recruitment",
         "Children recruited and used in Mali, by region of recruitment, {dates}",
         "Enfants recrutés et utilisés au Mali, par région de recrutement, {dates}",
         "Where the 513 children were recruited; 10 were recruited in two neighbouring countries.",
         "Lieu de recrutement des 513 enfants ; 10 ont été recrutés dans deux pays voisins.")


describe("recruitment_by_sex", "recruitment",
         "Girls and boys recruited and used in Mali, {dates}",
         "Filles et garçons recrutés et utilisés au Mali, {dates}",
         "Of the 513 children, 60 were girls (aged 11 to 14, all recruited by armed groups; at least 29 were sexually abused during their association) "
         "and 453 boys, aged 9 to 17.",
         "Sur les 513 enfants, 60 étaient des filles (de 11 à 14 ans, toutes recrutées par des groupes armés ; au moins 29 ont subi des abus sexuels pendant leur association) "
         "et 453 des garçons, de 9 à 17 ans.")


describe("detention_captors", "recruitment",
         "Boys captured in Mali for alleged association with armed groups, by captor, {dates}",
         "Garçons capturés au Mali pour association présumée avec des groupes armés, par auteur de la capture, {dates}",
         "The 94 boys, aged 12 to 17, captured by national and international forces and armed groups between 2017 and 2019.",
         "Les 94 garçons de 12 à 17 ans capturés par des forces nationales et internationales et des groupes armés entre 2017 et 2019.")


describe("detention_years_outcomes", "recruitment",
         "Boys captured in Mali: year of capture and what became of them, {dates}",
         "Garçons capturés au Mali : année de capture et devenir, {dates}",
         "Year of capture of the 94 boys (left; the report prints calendar years) and their situation at the time of writing (right): "
         "79 handed over to child protection actors after up to one year of detention, 15 still detained because they are considered adults.",
         "Année de capture des 94 garçons (à gauche ; le rapport donne des années civiles) et leur situation au moment de la rédaction (à droite) : "
         "79 remis aux acteurs de la protection de l'enfance après jusqu'à un an de détention, 15 toujours détenus car considérés comme adultes.")


# ----------------------------------------------------------------------------- killing and maiming
describe("casualties_cause_period", "killing",
         "Children killed and maimed in Mali, by cause and period, {dates}",
         "Enfants tués et mutilés au Mali, par cause et par période, {dates}",
         "Children killed or maimed in attacks on civilians, direct hostilities and crossfire, and by improvised explosive devices and explosive remnants of war, "
         "in each period of the report (a) and per month (b): the periods differ in length (6, 12, 12 and 3 months), so compare the rates per month.",
         "Enfants tués ou mutilés lors d'attaques contre des civils, d'hostilités directes et de tirs croisés, et par des engins explosifs improvisés et des restes explosifs de guerre, "
         "dans chaque période du rapport (a) et par mois (b) : les périodes sont de durées différentes (6, 12, 12 et 3 mois), il faut donc comparer les moyennes mensuelles.")


describe("casualties_by_period", "killing",
         "Children killed and maimed in Mali, by period and per month, {dates}",
         "Enfants tués et mutilés au Mali, par période et par mois, {dates}",
         "Children killed or maimed in each period (left) and per month (right): the first quarter of 2020 was, per month, below 2019 but above 2018.",
         "Enfants tués ou mutilés dans chaque période (à gauche) et par mois (à droite) : au premier trimestre 2020, la moyenne mensuelle était inférieure à 2019 mais supérieure à 2018.")


describe("casualties_by_perpetrator", "killing",
         "Children killed and maimed in Mali, by perpetrator, {dates}",
         "Enfants tués et mutilés au Mali, par auteur, {dates}",
         "The 495 children killed or maimed, by the party the task force attributed them to; 238 could not be attributed "
         "(148 in crossfire and attacks, 90 by explosive devices).",
         "Les 495 enfants tués ou mutilés, selon la partie à laquelle l'équipe spéciale les a attribués ; 238 n'ont pu être attribués "
         "(148 dans des tirs croisés et des attaques, 90 par des engins explosifs).")


describe("casualties_killed_maimed", "killing",
         "Children killed and maimed in Mali, girls and boys, {dates}",
         "Enfants tués et mutilés au Mali, filles et garçons, {dates}",
         "Of the 495 child casualties, 306 were killed and 189 maimed (left); 135 were girls, 331 boys and 29 of unknown sex (right). Ages ranged from a few months to 17 years.",
         "Sur les 495 enfants victimes, 306 ont été tués et 189 mutilés (à gauche) ; 135 étaient des filles, 331 des garçons et 29 de sexe inconnu (à droite). Âges : de quelques mois à 17 ans.")


describe("casualties_by_region", "killing",
         "Children killed and maimed in Mali, by region, {dates}",
         "Enfants tués et mutilés au Mali, par région, {dates}",
         "Mopti Region accounted for 376 of the 495 child casualties (76 per cent), amid intercommunal violence between Dogon and Fulani communities.",
         "La région de Mopti compte 376 des 495 enfants victimes (76 pour cent), sur fond de violences intercommunautaires entre Dogons et Peuls.")


# ----------------------------------------------------------------------------- sexual violence
describe("sexual_violence_by_type", "sexual_violence",
        "Girls subjected to rape and other sexual violence in Mali, by type, {dates}",
        "Filles victimes de viols et d'autres formes de violence sexuelle au Mali, par type, {dates}",
        "The 74 girls, aged 11 to 17, verified as subjected to sexual violence. Such violence is highly underreported: the actual number is believed to be much higher.",
        "Les 74 filles de 11 à 17 ans victimes de violences sexuelles vérifiées. Ces violences sont très peu signalées : le nombre réel serait bien plus élevé.")


describe("sexual_violence_by_region", "sexual_violence",
        "Girls subjected to rape and other sexual violence in Mali, by region, {dates}",
        "Filles victimes de viols et d'autres formes de violence sexuelle au Mali, par région, {dates}",
        "Where the 74 verified cases occurred; 20 girls were sexually harassed during their association with GATIA, MNLA and MSA in Ménaka.",
        "Lieu des 74 cas vérifiés ; 20 filles ont subi un harcèlement sexuel pendant leur association avec le GATIA, le MNLA et le MSA à Ménaka.")


describe("sexual_violence_by_period", "sexual_violence",
        "Girls subjected to rape and other sexual violence in Mali, by period, {dates}",
        "Filles victimes de viols et d'autres formes de violence sexuelle au Mali, par période, {dates}",
        "Cases verified in each period (left) and per month (right): the first quarter of 2020, 25 cases in three months, stands out.",
        "Cas vérifiés dans chaque période (à gauche) et par mois (à droite) : le premier trimestre 2020, 25 cas en trois mois, se distingue.")


describe("crsv_2019", "sexual_violence",
        "Conflict-related sexual violence verified by MINUSMA in Mali, {dates}: women, girls and men",
        "Violences sexuelles liées aux conflits vérifiées par la MINUSMA au Mali, {dates} : femmes, filles et hommes",
        "MINUSMA verified 27 cases of conflict-related sexual violence in 2019 (S/2020/487), and 22 more that occurred in 2018 but were not reported then. "
        "This count follows different rules from the children and armed conflict count (19 girls in 2019): the two are not comparable.",
        "La MINUSMA a vérifié 27 cas de violences sexuelles liées aux conflits en 2019 (S/2020/487), et 22 autres survenus en 2018 mais signalés plus tard. "
        "Ce décompte suit d'autres règles que celui des enfants et des conflits armés (19 filles en 2019) : les deux ne sont pas comparables.")


# ----------------------------------------------------------------------------- attacks on schools and hospitals
describe("attacks_by_period", "attacks",
        "Attacks on schools and hospitals in Mali, by period, {dates}",
        "Attaques contre des écoles et des hôpitaux au Mali, par période, {dates}",
        "Attacks on schools and on hospitals and protected personnel verified in each period (left) and per month (right): 216 in all, more than three times the previous report's 62.",
        "Attaques contre des écoles et contre des hôpitaux et du personnel protégé vérifiées dans chaque période (à gauche) et par mois (à droite) : 216 au total, plus du triple des 62 du rapport précédent.")


describe("attacks_by_region", "attacks",
        "Attacks on schools and hospitals in Mali, by region, {dates}",
        "Attaques contre des écoles et des hôpitaux au Mali, par région, {dates}",
        "Where the 169 attacks on schools and the 47 attacks on hospitals were verified. The report lists the regions of all of them: "
        "a region it leaves out had none of that kind (drawn as 0); a figure neither stated nor implied would be hatched, 'not stated'.",
        "Lieu des 169 attaques contre des écoles et des 47 attaques contre des hôpitaux vérifiées. Le rapport donne la région de chacune : "
        "une région qu'il ne cite pas n'en a compté aucune de ce type (0) ; un chiffre ni indiqué ni déductible serait hachuré, « non indiqué ».")


describe("school_attack_types", "attacks",
        "Attacks on schools in Mali, by kind (per cent), {dates}",
        "Attaques contre des écoles au Mali, par type (pour cent), {dates}",
        "Shares of the 169 attacks on schools by kind, as the report gives them (per cent; they add up to 100).",
        "Part des 169 attaques contre des écoles par type, telles que le rapport les donne (pour cent ; leur somme fait 100).")


describe("military_use_of_schools", "attacks",
        "Schools used for military purposes in Mali, by user, {dates}",
        "Écoles utilisées à des fins militaires au Mali, par utilisateur, {dates}",
        "The 20 schools verified as used for military purposes in 2017 (12) and 2019 (8), in Gao, Kidal, Timbuktu and Mopti Regions; one was still used by the Malian armed forces in Gao at the time of writing.",
        "Les 20 écoles dont l'utilisation à des fins militaires a été vérifiée en 2017 (12) et en 2019 (8), dans les régions de Gao, Kidal, Tombouctou et Mopti ; l'une était encore utilisée par les forces armées maliennes à Gao au moment de la rédaction.")


describe("schools_closed", "attacks",
        "Schools closed by insecurity in Mali, {dates}",
        "Écoles fermées en raison de l'insécurité au Mali, {dates}",
        "Schools reported closed by insecurity at three dates, from two sources: 500 at the end of 2017 and 1,261 in March 2020 in seven central and northern regions, "
        "affecting at least 378,300 children (S/2020/1105), and 1,230 in December 2020 (Watchlist). The areas covered may differ; the Government of Mali spoke of 25 per cent of schools closed "
        "and more than 115,000 children out of school (S/AC.51/2020/11, annex). All schools closed nationwide by mid-March 2020 because of COVID-19 (not shown).",
        "Écoles fermées en raison de l'insécurité à trois dates, selon deux sources : 500 fin 2017 et 1 261 en mars 2020 dans sept régions du centre et du nord, "
        "touchant au moins 378 300 enfants (S/2020/1105), et 1 230 en décembre 2020 (Watchlist). Les zones couvertes peuvent différer ; le Gouvernement malien a parlé de 25 pour cent d'écoles fermées "
        "et de plus de 115 000 enfants non scolarisés (S/AC.51/2020/11, annexe). Toutes les écoles ont fermé mi-mars 2020 en raison de la COVID-19 (non représenté).")


# ----------------------------------------------------------------------------- abduction and denial of humanitarian access
describe("abduction_outcomes", "abduction_denial",
        "Children abducted in Mali: what became of them, {dates}",
        "Enfants enlevés au Mali : ce qu'il est advenu d'eux, {dates}",
        "Of the 38 children abducted (10 girls, 27 boys, 1 of unknown sex, aged 6 to 17), 10 were released, 5 killed, and the whereabouts of 23 remain unknown.",
        "Sur les 38 enfants enlevés (10 filles, 27 garçons, 1 de sexe inconnu, de 6 à 17 ans), 10 ont été libérés, 5 tués, et le sort de 23 reste inconnu.")


describe("abduction_by_region_period", "abduction_denial",
        "Children abducted in Mali, by region and period, {dates}",
        "Enfants enlevés au Mali, par région et par période, {dates}",
        "Where the 38 abductions were verified (a), and when: in each period (b) and per month (c), the periods differing in length; "
        "none in July–December 2017 (a stated zero).",
        "Lieu des 38 enlèvements vérifiés (a) et période : dans chaque période (b) et par mois (c), les périodes étant de durées différentes ; "
        "aucun en juillet–décembre 2017 (zéro indiqué par le rapport).")


describe("denial_by_region", "abduction_denial",
        "Denial of humanitarian access in Mali: incidents by region, {dates}",
        "Refus d'accès humanitaire au Mali : incidents par région, {dates}",
        "The 425 incidents verified, most attributed to unidentified armed perpetrators (415). 'Other regions' is the report's own residual category.",
        "Les 425 incidents vérifiés, pour la plupart attribués à des auteurs armés non identifiés (415). « Autres régions » est la catégorie résiduelle du rapport.")


describe("denial_by_period", "abduction_denial",
        "Denial of humanitarian access in Mali: incidents by period, {dates}",
        "Refus d'accès humanitaire au Mali : incidents par période, {dates}",
        "Incidents verified in each period (left) and per month (right).",
        "Incidents vérifiés dans chaque période (à gauche) et par mois (à droite).")


describe("denial_by_type", "abduction_denial",
        "Denial of humanitarian access in Mali: incidents by kind (per cent), {dates}",
        "Refus d'accès humanitaire au Mali : incidents par type (pour cent), {dates}",
        "Shares of the 425 incidents by kind, as the report gives them (per cent; they add up to 100).",
        "Part des 425 incidents par type, telles que le rapport les donne (pour cent ; leur somme fait 100).")
