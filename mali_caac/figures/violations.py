"""Figures of each grave violation: recruitment and deprivation of liberty, killing and maiming, sexual violence, attacks on schools and hospitals, abduction and denial of access."""
from .texts import describe
from .captions import bind, row, span, total


# ----------------------------------------------------------------------------- recruitment and deprivation of liberty
describe("recruitment_by_group", "recruitment",
         "Children recruited and used in Mali, by party and coalition, {dates}",
         "Enfants recrutés et utilisés au Mali, par partie et coalition, {dates}",
         "The {children} children whose recruitment and use was attributed, grouped by coalition: each party's children are counted once, under its coalition "
         "(CMA {cma}, Platform {platform}, JNIM {jnim}, as the report states). The report counts {cases} cases: {twice} boys were recruited twice, by GATIA and by MNLA.",
         "Les {children} enfants dont le recrutement et l'utilisation ont été attribués, regroupés par coalition : chaque enfant est compté une fois, sous sa coalition "
         "(CMA {cma}, Plateforme {platform}, JNIM {jnim}, comme l'indique le rapport). Le rapport compte {cases} cas : {twice} garçons ont été recrutés deux fois, par le GATIA et par le MNLA.")
bind("recruitment_by_group", children=row("gv-018"), cma=row("gv-026"), platform=row("gv-031"), jnim=row("gv-045"),
     twice=row("gv-021"), cases=row("gv-017"))


describe("recruitment_by_period", "recruitment",
         "Children recruited and used in Mali, by period, {dates}",
         "Enfants recrutés et utilisés au Mali, par période, {dates}",
         "Children verified as recruited and used in each period (left) and per month (right). The report calls the first three figures cases; "
         "they add up, with the {q1_2020} children of 2020, to the {children} children.",
         "Enfants dont le recrutement et l'utilisation ont été vérifiés dans chaque période (à gauche) et par mois (à droite). Le rapport parle de cas pour les trois premiers chiffres ; "
         "avec les {q1_2020} enfants de 2020, ils totalisent les {children} enfants.")
bind("recruitment_by_period", q1_2020=row("gv-070"), children=row("gv-018"))


describe("recruitment_by_region", "recruitment",
         "Children recruited and used in Mali, by region of recruitment, {dates}",
         "Enfants recrutés et utilisés au Mali, par région de recrutement, {dates}",
         "Where the {children} children were recruited; {abroad} were recruited in two neighbouring countries.",
         "Lieu de recrutement des {children} enfants ; {abroad} ont été recrutés dans deux pays voisins.")
bind("recruitment_by_region", children=row("gv-018"), abroad=row("gv-063"))


describe("recruitment_by_sex", "recruitment",
         "Girls and boys recruited and used in Mali, {dates}",
         "Filles et garçons recrutés et utilisés au Mali, {dates}",
         "Of the {children} children, {girls} were girls (aged {girls_min} to {girls_max}, all recruited by armed groups; at least {abused} were sexually abused during their association) "
         "and {boys} boys, aged {all_min} to {all_max}.",
         "Sur les {children} enfants, {girls} étaient des filles (de {girls_min} à {girls_max} ans, toutes recrutées par des groupes armés ; au moins {abused} ont subi des abus sexuels pendant leur association) "
         "et {boys} des garçons, de {all_min} à {all_max} ans.")
bind("recruitment_by_sex", children=row("gv-018"), girls=row("gv-019"), boys=row("gv-020"), abused=row("gv-073"),
     girls_min=row("ag-005"), girls_max=row("ag-006"), all_min=row("ag-001"), all_max=row("ag-002"))


describe("detention_captors", "recruitment",
         "Boys captured in Mali for alleged association with armed groups, by captor, {dates}",
         "Garçons capturés au Mali pour association présumée avec des groupes armés, par auteur de la capture, {dates}",
         "The {boys} boys, aged {age_min} to {age_max}, captured by national and international forces and armed groups in {capture_years}.",
         "Les {boys} garçons de {age_min} à {age_max} ans capturés par des forces nationales et internationales et des groupes armés en {capture_years}.")
bind("detention_captors", capture_years=span("dl-010", "dl-011", "dl-012"), boys=row("dl-001"), age_min=row("ag-007"), age_max=row("ag-008"))


describe("detention_years_outcomes", "recruitment",
         "Boys captured in Mali, {capture_years}: year of capture, and what had become of them by {report_end}",
         "Garçons capturés au Mali, {capture_years} : année de capture, et leur devenir en {report_end}",
         "Year of capture of the {boys} boys (left; the report prints calendar years) and their situation at the time of writing, the end of the report's period (right): "
         "{handed_over} handed over to child protection actors after up to one year of detention, {detained} still detained because they are considered adults.",
         "Année de capture des {boys} garçons (à gauche ; le rapport donne des années civiles) et leur situation au moment de la rédaction, à la fin de la période du rapport (à droite) : "
         "{handed_over} remis aux acteurs de la protection de l'enfance après jusqu'à un an de détention, {detained} toujours détenus car considérés comme adultes.")
bind("detention_years_outcomes", capture_years=span("dl-010", "dl-011", "dl-012"), boys=row("dl-001"), handed_over=row("dl-013"), detained=row("dl-014"))


# ----------------------------------------------------------------------------- killing and maiming
describe("casualties_cause_period", "killing",
         "Children killed and maimed in Mali, by cause and period, {dates}",
         "Enfants tués et mutilés au Mali, par cause et par période, {dates}",
         "Children killed or maimed in attacks on civilians, direct hostilities and crossfire, and by improvised explosive devices and explosive remnants of war, "
         "in each period of the report (a) and per month (b): the periods differ in length ({period_months} months), so compare the rates per month.",
         "Enfants tués ou mutilés lors d'attaques contre des civils, d'hostilités directes et de tirs croisés, et par des engins explosifs improvisés et des restes explosifs de guerre, "
         "dans chaque période du rapport (a) et par mois (b) : les périodes sont de durées différentes ({period_months} mois), il faut donc comparer les moyennes mensuelles.")


describe("casualties_by_period", "killing",
         "Children killed and maimed in Mali, by period and per month, {dates}",
         "Enfants tués et mutilés au Mali, par période et par mois, {dates}",
         "Children killed or maimed in each period (left) and per month (right): the first quarter of 2020 was, per month, below 2019 but above 2018.",
         "Enfants tués ou mutilés dans chaque période (à gauche) et par mois (à droite) : au premier trimestre 2020, la moyenne mensuelle était inférieure à 2019 mais supérieure à 2018.")


describe("casualties_by_perpetrator", "killing",
         "Children killed and maimed in Mali, by perpetrator, {dates}",
         "Enfants tués et mutilés au Mali, par auteur, {dates}",
         "The {children} children killed or maimed, by the party the task force attributed them to; {unattributed} could not be attributed "
         "({crossfire} in crossfire and attacks, {explosive} by explosive devices).",
         "Les {children} enfants tués ou mutilés, selon la partie à laquelle l'équipe spéciale les a attribués ; {unattributed} n'ont pu être attribués "
         "({crossfire} dans des tirs croisés et des attaques, {explosive} par des engins explosifs).")
bind("casualties_by_perpetrator", children=row("gv-074"), unattributed=row("gv-093"), crossfire=row("gv-094"), explosive=row("gv-095"))


describe("casualties_killed_maimed", "killing",
         "Children killed and maimed in Mali, girls and boys, {dates}",
         "Enfants tués et mutilés au Mali, filles et garçons, {dates}",
         "Of the {children} child casualties, {killed} were killed and {maimed} maimed (left); {girls} were girls, {boys} boys and {unknown} of unknown sex (right). Ages ranged from a few months to {age_max} years.",
         "Sur les {children} enfants victimes, {killed} ont été tués et {maimed} mutilés (à gauche) ; {girls} étaient des filles, {boys} des garçons et {unknown} de sexe inconnu (à droite). Âges : de quelques mois à {age_max} ans.")
bind("casualties_killed_maimed", children=row("gv-074"), killed=row("gv-078"), maimed=row("gv-079"), girls=row("gv-075"),
     boys=row("gv-076"), unknown=row("gv-077"), age_max=row("ag-017"))


describe("casualties_by_region", "killing",
         "Children killed and maimed in Mali, by region, {dates}",
         "Enfants tués et mutilés au Mali, par région, {dates}",
         "Mopti Region accounted for {mopti} of the {children} child casualties ({mopti_share} per cent), amid intercommunal violence between Dogon and Fulani communities.",
         "La région de Mopti compte {mopti} des {children} enfants victimes ({mopti_share} pour cent), sur fond de violences intercommunautaires entre Dogons et Peuls.")
bind("casualties_by_region", mopti=row("gv-100"), children=row("gv-074"), mopti_share=row("gv-106"))


# ----------------------------------------------------------------------------- sexual violence
describe("sexual_violence_by_type", "sexual_violence",
        "Girls subjected to rape and other sexual violence in Mali, by type, {dates}",
        "Filles victimes de viols et d'autres formes de violence sexuelle au Mali, par type, {dates}",
        "The {girls} girls, aged {age_min} to {age_max}, verified as subjected to sexual violence. Such violence is highly underreported: the actual number is believed to be much higher.",
        "Les {girls} filles de {age_min} à {age_max} ans victimes de violences sexuelles vérifiées. Ces violences sont très peu signalées : le nombre réel serait bien plus élevé.")
bind("sexual_violence_by_type", girls=row("gv-126"), age_min=row("ag-009"), age_max=row("ag-010"))


describe("sexual_violence_by_region", "sexual_violence",
        "Girls subjected to rape and other sexual violence in Mali, by region, {dates}",
        "Filles victimes de viols et d'autres formes de violence sexuelle au Mali, par région, {dates}",
        "Where the {girls} girls verified as subjected to sexual violence were (the report calls them cases); {harassed} were sexually harassed during their association with GATIA, MNLA and MSA in Ménaka.",
        "Lieu où se trouvaient les {girls} filles victimes de violences sexuelles vérifiées (le rapport parle de cas) ; {harassed} ont subi un harcèlement sexuel pendant leur association avec le GATIA, le MNLA et le MSA à Ménaka.")
bind("sexual_violence_by_region", girls=row("gv-126"), harassed=row("gv-146"))


describe("sexual_violence_by_period", "sexual_violence",
        "Girls subjected to rape and other sexual violence in Mali, by period, {dates}",
        "Filles victimes de viols et d'autres formes de violence sexuelle au Mali, par période, {dates}",
        "Girls verified as subjected to sexual violence in each period (left) and per month (right); the report calls them cases, and the periods add up to the {girls} girls. "
        "The first quarter of 2020, {q1_2020} in three months, stands out.",
        "Filles victimes de violences sexuelles vérifiées dans chaque période (à gauche) et par mois (à droite) ; le rapport parle de cas, et les périodes totalisent les {girls} filles. "
        "Le premier trimestre 2020, {q1_2020} en trois mois, se distingue.")
bind("sexual_violence_by_period", girls=row("gv-126"), q1_2020=row("gv-142"))


describe("crsv_2019", "sexual_violence",
        "Conflict-related sexual violence verified by MINUSMA in Mali, {dates}: women, girls and men",
        "Violences sexuelles liées aux conflits vérifiées par la MINUSMA au Mali, {dates} : femmes, filles et hommes",
        "MINUSMA verified {cases_2019} cases of conflict-related sexual violence in 2019 (S/2020/487), and {cases_2018} more that occurred in 2018 but were not reported then. "
        "This count follows different rules from the children and armed conflict count ({girls_2019} girls in 2019): the two are not comparable.",
        "La MINUSMA a vérifié {cases_2019} cas de violences sexuelles liées aux conflits en 2019 (S/2020/487), et {cases_2018} autres survenus en 2018 mais signalés plus tard. "
        "Ce décompte suit d'autres règles que celui des enfants et des conflits armés ({girls_2019} filles en 2019) : les deux ne sont pas comparables.")
bind("crsv_2019", cases_2019=row("sv-001"), cases_2018=row("sv-005"), girls_2019=row("gv-145"))


# ----------------------------------------------------------------------------- attacks on schools and hospitals
describe("attacks_by_period", "attacks",
        "Attacks on schools and hospitals in Mali, by period, {dates}",
        "Attaques contre des écoles et des hôpitaux au Mali, par période, {dates}",
        "Attacks on schools and on hospitals and protected personnel verified in each period (left) and per month (right): {attacks} in all, against the previous report's {previous}.",
        "Attaques contre des écoles et contre des hôpitaux et du personnel protégé vérifiées dans chaque période (à gauche) et par mois (à droite) : {attacks} au total, contre {previous} dans le rapport précédent.")
bind("attacks_by_period", attacks=row("gv-150"), previous=row("gv-153"))


describe("attacks_by_region", "attacks",
        "Attacks on schools and hospitals in Mali, by region, {dates}",
        "Attaques contre des écoles et des hôpitaux au Mali, par région, {dates}",
        "Where the {schools} attacks on schools and the {hospitals} attacks on hospitals were verified. The report lists the regions of all of them: "
        "a region it leaves out had none of that kind (drawn as zero); a figure neither stated nor implied would be hatched, 'not stated'.",
        "Lieu des {schools} attaques contre des écoles et des {hospitals} attaques contre des hôpitaux vérifiées. Le rapport donne la région de chacune : "
        "une région qu'il ne cite pas n'en a compté aucune de ce type (zéro) ; un chiffre ni indiqué ni déductible serait hachuré, « non indiqué ».")
bind("attacks_by_region", schools=row("gv-151"), hospitals=row("gv-152"))


describe("school_attack_types", "attacks",
        "Attacks on schools in Mali, by kind (per cent), {dates}",
        "Attaques contre des écoles au Mali, par type (pour cent), {dates}",
        "Shares of the {schools} attacks on schools by kind, as the report gives them (per cent; they add up to {sum_shares}).",
        "Part des {schools} attaques contre des écoles par type, telles que le rapport les donne (pour cent ; leur somme fait {sum_shares}).")
bind("school_attack_types", schools=row("gv-151"), sum_shares=total("gv-172", "gv-173", "gv-174", "gv-175", "gv-176", "gv-177"))


describe("military_use_of_schools", "attacks",
        "Schools used for military purposes in Mali, by user, {dates}",
        "Écoles utilisées à des fins militaires au Mali, par utilisateur, {dates}",
        "The {schools} schools verified as used for military purposes in 2017 ({in_2017}) and 2019 ({in_2019}), in Gao, Kidal, Timbuktu and Mopti Regions; one was still used by the Malian armed forces in Gao at the time of writing.",
        "Les {schools} écoles dont l'utilisation à des fins militaires a été vérifiée en 2017 ({in_2017}) et en 2019 ({in_2019}), dans les régions de Gao, Kidal, Tombouctou et Mopti ; l'une était encore utilisée par les forces armées maliennes à Gao au moment de la rédaction.")
bind("military_use_of_schools", schools=row("mu-001"), in_2017=row("mu-002"), in_2019=row("mu-003"))


describe("schools_closed", "attacks",
        "Schools closed by insecurity in Mali, {dates}",
        "Écoles fermées en raison de l'insécurité au Mali, {dates}",
        "Schools reported closed by insecurity at three dates, from two sources: {end_2017} at the end of 2017 and {march_2020} in March 2020 in seven central and northern regions, "
        "affecting at least {children} children (S/2020/1105), and {december_2020} in December 2020 (Watchlist). The areas covered may differ; the Government of Mali spoke of {share} per cent of schools closed "
        "and more than {out_of_school} children out of school (S/AC.51/2020/11, annex). All schools closed nationwide by mid-March 2020 because of COVID-19 (not shown).",
        "Écoles fermées en raison de l'insécurité à trois dates, selon deux sources : {end_2017} fin 2017 et {march_2020} en mars 2020 dans sept régions du centre et du nord, "
        "touchant au moins {children} enfants (S/2020/1105), et {december_2020} en décembre 2020 (Watchlist). Les zones couvertes peuvent différer ; le Gouvernement malien a parlé de {share} pour cent d'écoles fermées "
        "et de plus de {out_of_school} enfants non scolarisés (S/AC.51/2020/11, annexe). Toutes les écoles ont fermé mi-mars 2020 en raison de la COVID-19 (non représenté).")
bind("schools_closed", end_2017=row("sc-003"), march_2020=row("sc-004"), children=row("sc-005"), december_2020=row("sc-105"),
     share=row("sc-103"), out_of_school=row("sc-104"))


# ----------------------------------------------------------------------------- abduction and denial of humanitarian access
describe("abduction_outcomes", "abduction_denial",
        "Children abducted in Mali: what became of them, {dates}",
        "Enfants enlevés au Mali : ce qu'il est advenu d'eux, {dates}",
        "Of the {children} children abducted ({girls} girls, {boys} boys, {unknown} of unknown sex, aged {age_min} to {age_max}), {released} were released, {killed} killed, and the whereabouts of {whereabouts} remain unknown.",
        "Sur les {children} enfants enlevés ({girls} filles, {boys} garçons, {unknown} de sexe inconnu, de {age_min} à {age_max} ans), {released} ont été libérés, {killed} tués, et le sort de {whereabouts} reste inconnu.")
bind("abduction_outcomes", children=row("gv-193"), girls=row("gv-194"), boys=row("gv-195"), unknown=row("gv-196"),
     age_min=row("ag-013"), age_max=row("ag-014"), released=row("gv-214"), killed=row("gv-215"), whereabouts=row("gv-216"))


describe("abduction_by_region_period", "abduction_denial",
        "Children abducted in Mali, by region and period, {dates}",
        "Enfants enlevés au Mali, par région et par période, {dates}",
        "Where the {children} abductions were verified (a), and when: in each period (b) and per month (c), the periods differing in length; "
        "none in July–December 2017 (a stated zero).",
        "Lieu des {children} enlèvements vérifiés (a) et période : dans chaque période (b) et par mois (c), les périodes étant de durées différentes ; "
        "aucun en juillet–décembre 2017 (zéro indiqué par le rapport).")
bind("abduction_by_region_period", children=row("gv-193"))


describe("denial_by_region", "abduction_denial",
        "Denial of humanitarian access in Mali: incidents by region, {dates}",
        "Refus d'accès humanitaire au Mali : incidents par région, {dates}",
        "The {incidents} incidents verified, most attributed to unidentified armed perpetrators ({unidentified}). 'Other regions' is the report's own residual category.",
        "Les {incidents} incidents vérifiés, pour la plupart attribués à des auteurs armés non identifiés ({unidentified}). « Autres régions » est la catégorie résiduelle du rapport.")
bind("denial_by_region", incidents=row("gv-220"), unidentified=row("gv-221"))


describe("denial_by_period", "abduction_denial",
        "Denial of humanitarian access in Mali: incidents by period, {dates}",
        "Refus d'accès humanitaire au Mali : incidents par période, {dates}",
        "Incidents verified in each period (left) and per month (right).",
        "Incidents vérifiés dans chaque période (à gauche) et par mois (à droite).")


describe("denial_by_type", "abduction_denial",
        "Denial of humanitarian access in Mali: incidents by kind (per cent), {dates}",
        "Refus d'accès humanitaire au Mali : incidents par type (pour cent), {dates}",
        "Shares of the {incidents} incidents by kind, as the report gives them (per cent; they add up to {sum_shares}).",
        "Part des {incidents} incidents par type, telles que le rapport les donne (pour cent ; leur somme fait {sum_shares}).")
bind("denial_by_type", incidents=row("gv-220"), sum_shares=total(*[f"gv-{i}" for i in range(236, 244)]))
