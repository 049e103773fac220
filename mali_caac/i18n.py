"""The one translation table: every word a figure or caption shows, in English and French.

Vocabulary labels that the data package already carries in both languages
(periods, regions, categories) are read from it; everything else is here.
Tests check that every key has both languages and that every code a figure
draws has a label.
"""
from .package import open_package

LANGS = ("en", "fr")

TEXT = {
    # violations
    "violation.recruitment_and_use": ("Recruitment and use", "Recrutement et utilisation"),
    "violation.killing_and_maiming": ("Killing and maiming", "Meurtres et mutilations"),
    "violation.sexual_violence": ("Rape and other sexual violence", "Viol et autres violences sexuelles"),
    "violation.attacks_on_schools_and_hospitals": ("Attacks on schools and hospitals", "Attaques contre des écoles et des hôpitaux"),
    "violation.abduction": ("Abduction", "Enlèvement"),
    "violation.denial_of_humanitarian_access": ("Denial of humanitarian access", "Refus d'accès humanitaire"),
    "violation.all": ("All six grave violations", "Les six violations graves"),
    # units
    "unit.violations": ("violations", "violations"),
    "unit.cases": ("cases", "cas"),
    "unit.children": ("children", "enfants"),
    "unit.attacks": ("attacks", "attaques"),
    "unit.incidents": ("incidents", "incidents"),
    "unit.schools": ("schools", "écoles"),
    "unit.percent": ("per cent", "pour cent"),
    "unit.persons": ("persons", "personnes"),
    "unit.USD": ("US dollars", "dollars des États-Unis"),
    "unit.rank": ("rank", "rang"),
    # short period labels for axes
    "period.2017H2": ("Jul-Dec 2017", "juil.-déc. 2017"),
    "period.2018": ("2018", "2018"),
    "period.2019": ("2019", "2019"),
    "period.2020Q1": ("Jan-Mar 2020", "janv.-mars 2020"),
    "period.2017": ("2017", "2017"),
    "period.2021Q1": ("Jan-Mar 2021", "janv.-mars 2021"),
    "period.2014-2017H1": ("Jan 2014-Jun 2017", "janv. 2014-juin 2017"),
    "period.all": ("Jul 2017-Mar 2020", "juil. 2017-mars 2020"),
    "word.months_short": ("mo.", "mois"),
    # axis labels
    "axis.count": ("Number verified", "Nombre vérifié"),
    "axis.children": ("Children", "Enfants"),
    "axis.attacks": ("Attacks", "Attaques"),
    "axis.incidents": ("Incidents", "Incidents"),
    "axis.schools": ("Schools", "Écoles"),
    "axis.per_month": ("Verified per month", "Nombre vérifié par mois"),
    "axis.percent": ("Per cent", "Pour cent"),
    "axis.persons": ("Persons", "Personnes"),
    "axis.usd_millions": ("Millions of US dollars", "Millions de dollars des États-Unis"),
    "axis.reported": ("Number reported (people or cases)", "Nombre rapporté (personnes ou cas)"),
    "axis.rank": ("Rank among suppliers (1 = largest)", "Rang parmi les fournisseurs (1 = le plus important)"),
    "axis.period": ("Period", "Période"),
    "axis.date": ("Date of the figure", "Date du chiffre"),
    "axis.deaths_claimed": ("Persons killed, as claimed or estimated", "Personnes tuées, selon les déclarations ou estimations"),
    # words
    "word.source": ("Source", "Source"),
    "word.sources": ("Sources", "Sources"),
    "word.months": ("months", "mois"),
    "word.per_month": ("per month", "par mois"),
    "word.count": ("Number verified", "Nombre vérifié"),
    "word.not_stated": ("not stated separately", "non précisé séparément"),
    "word.this_report": ("S/2020/1105 (Jul 2017-Mar 2020, 33 months)", "S/2020/1105 (juil. 2017-mars 2020, 33 mois)"),
    "word.previous_report": ("S/2018/136 (Jan 2014-Jun 2017, 42 months)", "S/2018/136 (janv. 2014-juin 2017, 42 mois)"),
    "word.schools": ("Schools", "Écoles"),
    "word.hospitals": ("Hospitals", "Hôpitaux"),
    "word.girls": ("Girls", "Filles"),
    "word.boys": ("Boys", "Garçons"),
    "word.killed": ("Killed", "Tués"),
    "word.maimed": ("Maimed", "Mutilés"),
    "word.rows_drawn": ("Rows drawn", "Lignes représentées"),
    "word.caption": ("Caption", "Légende"),
    "word.title": ("Title", "Titre"),
    "word.different_lengths": ("Periods differ in length: compare the rates per month.", "Les périodes sont de durées différentes : comparer les moyennes mensuelles."),
    "word.underreporting": ("Verified cases only: the actual numbers are believed to be higher.", "Cas vérifiés seulement : les chiffres réels sont sans doute plus élevés."),
    "word.qualifier.exact": ("", ""),
    "word.qualifier.approximately": ("about ", "environ "),
    "word.qualifier.at_least": ("at least ", "au moins "),
    "word.qualifier.more_than": ("more than ", "plus de "),
    "word.qualifier.less_than": ("less than ", "moins de "),
    "word.qualifier.almost": ("almost ", "près de "),
    "word.qualifier.up_to": ("up to ", "jusqu'à "),
    # attribution classes
    "attribution.unattributed": ("Not attributed", "Non attribuées"),
    "attribution.armed_groups": ("Armed groups", "Groupes armés"),
    "attribution.government_forces": ("Government security forces", "Forces de sécurité gouvernementales"),
    # party types
    "type.coalition": ("coalition", "coalition"),
    "type.category": ("category", "catégorie"),
    "type.signatory_armed_group": ("signatory armed group", "groupe armé signataire"),
    "type.splinter_group": ("splinter group", "groupe dissident"),
    "type.terrorist_designated_group": ("group designated as terrorist by the UN", "groupe désigné comme terroriste par l'ONU"),
    "type.self_defence_or_community_militia": ("self-defence or community militia", "milice d'autodéfense ou communautaire"),
    "type.unidentified_armed_group": ("unidentified armed group", "groupe armé non identifié"),
    "type.state_forces": ("state forces", "forces de l'État"),
    "type.international_forces": ("international forces", "forces internationales"),
    "type.joint_operation": ("joint operation", "opération conjointe"),
    "type.undetermined": ("undetermined", "indéterminé"),
    "type.unattributed": ("unattributed", "non attribué"),
    # parties whose code is not a name
    "party.FAMa": ("Malian armed forces (FAMa)", "Forces armées maliennes (FAMa)"),
    "party.MDSF": ("Malian Defence and Security Forces", "Forces de défense et de sécurité maliennes"),
    "party.Barkhane": ("Barkhane forces", "Forces de Barkhane"),
    "party.MINUSMA": ("MINUSMA", "MINUSMA"),
    "party.FAMa+Barkhane": ("FAMa and Barkhane, joint", "FAMa et Barkhane, opérations conjointes"),
    "party.armed-group+Barkhane": ("Clashes: armed group and Barkhane", "Affrontements : groupe armé et Barkhane"),
    "party.GATIA+MSA": ("GATIA and MSA, joint", "GATIA et MSA, forces conjointes"),
    "party.CJA+MNLA": ("CJA and MNLA, joint", "CJA et MNLA, opérations conjointes"),
    "party.CMA-unidentified": ("CMA, member not identified", "CMA, membre non identifié"),
    "party.Platform-unidentified": ("Platform, member not identified", "Plateforme, membre non identifié"),
    "party.JNIM-other": ("JNIM, other elements", "JNIM, autres éléments"),
    "party.terrorist-unidentified": ("Unidentified groups designated as terrorist", "Groupes désignés comme terroristes non identifiés"),
    "party.CMFPR-I-or-II": ("CMFPR (I or II, undetermined)", "CMFPR (I ou II, indéterminé)"),
    "party.Dozo": ("Dozo traditional hunters", "Chasseurs traditionnels dozos"),
    "party.Dozo-Dogon": ("Dozo hunters, Dogon", "Chasseurs dozos dogons"),
    "party.Fulani-armed-elements": ("Fulani armed elements", "Éléments armés peuls"),
    "party.unidentified-armed-groups": ("Unidentified armed groups", "Groupes armés non identifiés"),
    "party.unattributed": ("Not attributed", "Non attribué"),
    "party.armed_groups": ("Armed groups", "Groupes armés"),
    "party.Platform": ("Platform", "Plateforme"),
    # US assistance and training measures
    "measure.humanitarian_assistance": ("Humanitarian", "Humanitaire"),
    "measure.health_assistance": ("Health", "Santé"),
    "measure.peace_and_security_assistance": ("Peace and security", "Paix et sécurité"),
    "measure.democracy_human_rights_governance_assistance": ("Democracy, human rights and governance", "Démocratie, droits humains et gouvernance"),
    "measure.security_assistance": ("Security assistance (past 21 years)", "Assistance sécuritaire (21 dernières années)"),
    "measure.direct_security_aid": ("Direct security aid (2001-2019)", "Aide sécuritaire directe (2001-2019)"),
    "measure.peacekeeping_mission_support": ("Support to UN peacekeeping in Mali (2001-2019)", "Appui au maintien de la paix de l'ONU au Mali (2001-2019)"),
    "measure.direct_commercial_sales": ("Direct commercial arms sales", "Ventes commerciales directes d'armes"),
    "measure.foreign_military_sales": ("Foreign military sales", "Ventes militaires à l'étranger"),
    "measure.sales_to_un_missions": ("Sales to UN missions in Mali", "Ventes aux missions de l'ONU au Mali"),
    "provider.US": ("United States", "États-Unis"),
    "provider.EUTM": ("EU Training Mission (EUTM Mali)", "Mission de formation de l'UE (EUTM Mali)"),
    "claimant.Malian Ministry of Defence": ("Malian Ministry of Defence: dead ('terrorists')", "Ministère malien de la Défense : morts (« terroristes »)"),
    "claimant.Human Rights Watch": ("Human Rights Watch: civilian men executed (estimate)", "Human Rights Watch : civils exécutés (estimation)"),
    "claimant.witnesses": ("Witnesses: men killed (half suspected combatants)", "Témoins : hommes tués (dont la moitié de combattants présumés)"),
    "claimant.the factsheet": ("The factsheet: civilians massacred", "La fiche d'information : civils massacrés"),
    "activity.training_child_protection": ("Trained in child protection", "Formés à la protection de l'enfance"),
    "activity.sensitization": ("Sensitized (DDR combatants)", "Sensibilisés (combattants DDR)"),
    "activity.dialogue_workshops": ("In dialogue workshops", "Aux ateliers de dialogue"),
    "activity.training_child_friendly_interviewing": ("Truth commission staff trained", "Personnel de la commission vérité formé"),
    # programme participants (rows of programme_activities)
    "participants.pa-008": ("Combatants in the accelerated DDR process (sensitized)", "Combattants du processus DDR accéléré (sensibilisés)"),
    "participants.pa-012": ("Officers of the Malian Defence and Security Forces (trained)", "Officiers des forces de défense et de sécurité maliennes (formés)"),
    "participants.pa-004": ("CMA members (dialogue workshops)", "Membres de la CMA (ateliers de dialogue)"),
    "participants.pa-006": ("Platform political and military leaders (workshops)", "Responsables politiques et militaires de la Plateforme (ateliers)"),
    "participants.pa-013": ("Judiciary, police and gendarmerie (trained)", "Magistrats, police et gendarmerie (formés)"),
    "participants.pa-014": ("Senior officers of the G5 Sahel Joint Force (trained)", "Officiers supérieurs de la Force conjointe du G5 Sahel (formés)"),
    "participants.pa-001": ("Truth commission statement-takers (trained)", "Personnel de la commission vérité chargé des dépositions (formé)"),
    "participants.pa-002": ("Truth commission investigation unit (trained)", "Cellule d'enquête de la commission vérité (formée)"),
    # civilian-harm counts (rows of civilian_harm)
    "harm.ch-011": ("Civilians killed by FAMa and Wagner, Jan-mid-Apr 2022 (ACLED)", "Civils tués par les FAMa et Wagner, janv.-mi-avr. 2022 (ACLED)"),
    "harm.ch-017": ("People executed by the MDSF in three months (MINUSMA, 2020)", "Personnes exécutées par les FDSM en trois mois (MINUSMA, 2020)"),
    "harm.ch-035": ("Civilians killed by the army and armed Islamist groups since Dec 2021 (report, 2022)", "Civils tués par l'armée et des groupes islamistes armés depuis déc. 2021 (rapport, 2022)"),
    "harm.ch-033": ("Villagers killed by soldiers, Mopti (report, 2021)", "Villageois tués par des soldats, Mopti (rapport, 2021)"),
    "harm.ch-022": ("Forced disappearances by the MDSF, Jan-Jun 2021 (MINUSMA)", "Disparitions forcées par les FDSM, janv.-juin 2021 (MINUSMA)"),
    "harm.ch-032": ("Cases of enforced disappearance (Human Rights Watch)", "Cas de disparition forcée (Human Rights Watch)"),
    "harm.ch-018": ("Detained men disappeared, Sep-Oct 2021 (Human Rights Watch)", "Hommes détenus disparus, sept.-oct. 2021 (Human Rights Watch)"),
    "harm.ch-007": ("Civilians executed in Tounu, Mopti", "Civils exécutés à Tounu, Mopti"),
    # arms suppliers (English names as the factsheet prints them)
    "country.Russia": ("Russia", "Russie"),
    "country.Bulgaria": ("Bulgaria", "Bulgarie"),
    "country.United Arab Emirates": ("United Arab Emirates", "Émirats arabes unis"),
    "country.Brazil": ("Brazil", "Brésil"),
    "country.South Africa": ("South Africa", "Afrique du Sud"),
    "country.Czech Republic": ("Czech Republic", "Tchéquie"),
    "country.Spain": ("Spain", "Espagne"),
    "country.France": ("France", "France"),
    "country.United States": ("United States", "États-Unis"),
    # CRSV victim groups
    "victims.women": ("Women", "Femmes"),
    "victims.girls": ("Girls", "Filles"),
    "victims.men": ("Men", "Hommes"),
    "word.since": ("since", "depuis"),
    "word.no_total": ("no total found", "aucun total trouvé"),
    "word.fifth_report": ("Fifth report (symbol not confirmed)", "Cinquième rapport (cote non confirmée)"),
    "word.secondary_star": ("* Read from a secondary web page.", "* Chiffre lu sur une page web secondaire."),
    "word.capacity_caveat": ("Verification capacity and access changed over time: these rates measure what could be verified, not how many violations occurred.",
                             "La capacité de vérification et l'accès ont varié dans le temps : ces moyennes mesurent ce qui a pu être vérifié, non le nombre de violations commises."),
    "axis.violations_per_month": ("Verified violations per month", "Violations vérifiées par mois"),
    "axis.fiscal_year": ("US fiscal year", "Année budgétaire des États-Unis"),
    "axis.usd_millions_constant": ("Millions of constant US dollars", "Millions de dollars constants des États-Unis"),
    "map.legend": ("Verified, in each violation's unit", "Nombre vérifié, dans l'unité de chaque violation"),
    "map.boundaries": ("Boundaries: ", "Limites : "),
    "aid.obligations": ("Obligations", "Engagements"),
    "aid.disbursements": ("Disbursements", "Décaissements"),
    "aid.factsheet_sectors": ("Factsheet: four sectors, 2020 (sum)", "Fiche : quatre secteurs, 2020 (somme)"),
    "aid.fae_obligations": ("Foreign Aid Explorer: obligations, FY2020", "Foreign Aid Explorer : engagements, AB 2020"),
    "aid.fae_disbursements": ("Foreign Aid Explorer: disbursements, FY2020", "Foreign Aid Explorer : décaissements, AB 2020"),
    "coup.2012": ("coup, March 2012", "coup d'État, mars 2012"),
    "coup.2020_2021": ("coups, Aug 2020 and May 2021", "coups d'État, août 2020 et mai 2021"),
}

# figure titles and captions: "fig.<id>.title", "fig.<id>.caption"
FIGURE_TEXT = {}


def add_figure_text(fid, title_en, title_fr, caption_en, caption_fr):
    FIGURE_TEXT[f"fig.{fid}.title"] = (title_en, title_fr)
    FIGURE_TEXT[f"fig.{fid}.caption"] = (caption_en, caption_fr)


def t(key, lang):
    """The text of ``key`` in ``lang`` ('en' or 'fr'); KeyError names a missing key."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    table = FIGURE_TEXT if key.startswith("fig.") else TEXT
    if key not in table:
        raise KeyError(f"no translation for {key!r}")
    return table[key][LANGS.index(lang)]


def label(dimension, code, lang, data=None):
    """The label of a vocabulary code in ``lang``: violations, periods, regions,
    categories and parties."""
    code = str(code)
    if dimension == "violation":
        return t(f"violation.{code}", lang)
    if dimension == "period":
        rec = {r["period"]: r for r in open_package(data).records("periods")}[code]
        return f"{t('period.' + code, lang)}\n({rec['months']} {t('word.months_short', lang)})"
    if dimension == "region":
        rec = {r["region"]: r for r in open_package(data).records("regions")}[code]
        return code if lang == "en" else rec["name_fr"]
    if dimension in ("perpetrator", "captor", "party"):
        key = f"party.{code}"
        return t(key, lang) if key in TEXT else code
    cats = {(r["dimension"], r["code"]): r for r in open_package(data).records("categories")}
    if (dimension, code) in cats:
        rec = cats[(dimension, code)]
        text = rec["label_" + lang]
        return text[:1].upper() + text[1:]
    raise KeyError(f"no label for {dimension}={code!r}")


def number(value, lang, decimals=None):
    """A number as the language writes it: 1,764 / 1 764; 16.56 / 16,56."""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 2
    text = f"{value:,.{decimals}f}"
    if lang == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text
