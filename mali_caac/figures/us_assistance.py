"""Figures of US assistance: the factsheet's figures and the Foreign Aid Explorer series."""
from .texts import describe
from .captions import bind, millions, row, year_count, years


# ----------------------------------------------------------------------------- US assistance
describe("us_assistance_2020", "us_assistance",
        "US assistance to Mali in 2020, by sector, as the factsheet states it",
        "Aide des États-Unis au Mali en 2020, par secteur, selon la fiche",
        "US assistance to Mali in 2020, the most recent year with complete data when the factsheet was written: far more humanitarian and health assistance than peace and security assistance. "
        "The factsheet does not say whether these are fiscal or calendar years.",
        "Aide des États-Unis au Mali en 2020, dernière année aux données complètes lors de la rédaction de la fiche : bien plus d'aide humanitaire et de santé que d'aide à la paix et à la sécurité. "
        "La fiche ne précise pas s'il s'agit d'exercices budgétaires ou d'années civiles.")


PRINTED_PERIOD = {"ua-003": "past_years", "ua-004": "past_years", "ua-005": "past_years",
                  "ua-013": "since", "ua-014": "since", "ua-015": "since"}
"""How the factsheet words the period of a row whose end year the data infers (each row's note says
so): 'Over the past 21 years' (the Partnership Overview sentence) and 'Since 2001' (Arms Sales and its
footnote 8). Other rows print both years ('Between 2001 and 2019')."""


def printed_period(row, lang):
    """The period of a row of us_assistance as the factsheet words it, with the years from the data."""
    from ..i18n import t

    start, end = row["period_start"], row["period_end"]
    kind = PRINTED_PERIOD.get(row["row_id"]) or ("since" if end is None or end != end else "between")
    years = int(end) - int(start) + 1 if kind == "past_years" else None
    return t(f"usperiod.{kind}", lang).format(start=int(start), end=int(end) if end == end and end is not None else "",
                                              years=years)


describe("us_security_cooperation", "us_assistance",
        "US security aid and arms sales to Mali since 2001, as the factsheet states them",
        "Aide sécuritaire et ventes d'armes des États-Unis au Mali depuis 2001, selon la fiche",
        "Cumulative amounts the factsheet gives, one panel per period as the factsheet words it, with the section that gives them: "
        "amounts of different periods are not ranked against each other, and none is a part of another. "
        "The factsheet gives two figures for direct commercial arms sales (${dcs_past} million over the past {past_years} years, ${dcs_since} million since 2001) "
        "and two for foreign military sales (about ${fms_about} million and less than ${fms_less} million): both are shown, each in its own period.",
        "Montants cumulés donnés par la fiche, un panneau par période telle que la fiche la formule, avec la section qui les donne : "
        "les montants de périodes différentes ne sont pas classés les uns par rapport aux autres, et aucun n'est une partie d'un autre. "
        "La fiche donne deux chiffres pour les ventes commerciales directes d'armes ({dcs_past} millions de dollars sur les {past_years} dernières années, {dcs_since} millions depuis 2001) "
        "et deux pour les ventes militaires à l'étranger (environ {fms_about} millions et moins de {fms_less} millions) : les deux sont représentés, chacun dans sa période.")
bind("us_security_cooperation", dcs_past=millions("ua-004"), past_years=year_count("ua-004"), dcs_since=millions("ua-013"),
     fms_about=millions("ua-005"), fms_less=millions("ua-015"))


describe("military_training", "us_assistance",
        "Malian military personnel trained by the United States and the European Union since 2001",
        "Personnel militaire malien formé par les États-Unis et l'Union européenne depuis 2001",
        "The EU Training Mission trained {eutm} FAMa members in {eutm_years}, when the United States trained fewer than {us_same_years}; since 2001 the United States trained {us_since} "
        "(the factsheet also rounds this to about {us_rounded}).",
        "La mission de formation de l'UE a formé {eutm} membres des FAMa en {eutm_years}, quand les États-Unis en formaient moins de {us_same_years} ; depuis 2001, les États-Unis en ont formé {us_since} "
        "(la fiche arrondit aussi à environ {us_rounded}).")
bind("military_training", eutm=row("mt-003"), eutm_years=years("mt-003"), us_same_years=row("mt-004"),
     us_since=row("mt-002"), us_rounded=row("mt-001"))


describe("arms_suppliers", "us_assistance",
        "Mali's arms suppliers, in the order of the {factsheet_year} factsheet",
        "Fournisseurs d'armes du Mali, dans l'ordre de la fiche de {factsheet_year}",
        "The factsheet ranks Mali's arms suppliers (SIPRI data, arms donated as well as sold) without giving values: the United States is at rank {highlight_rank} of {ranked}. "
        "Ranks are positions in the stated order, not amounts.",
        "La fiche classe les fournisseurs d'armes du Mali (données du SIPRI, armes données comme vendues) sans en donner les montants : les États-Unis sont au rang {highlight_rank} sur {ranked}. "
        "Les rangs sont des positions dans l'ordre indiqué, non des montants.")


describe("us_aid_series", "us_assistance",
        "US foreign assistance to Mali by fiscal year, {fae_years}, in constant dollars",
        "Aide des États-Unis au Mali par exercice budgétaire, {fae_years}, en dollars constants",
        "Obligations ({obligations_years}) and disbursements ({disbursements_years}) of all US government foreign assistance to Mali, Foreign Aid Explorer, in constant dollars "
        "(constant equals current in fiscal year 2020, so they appear to be 2020 dollars; the file does not say). Vertical lines: the coups of March 2012, August 2020 and May 2021. "
        "Fiscal year 2022 was incomplete when the file was made (open markers); the 1976 transition quarter (three months) is left out of the annual series.",
        "Engagements ({obligations_years}) et décaissements ({disbursements_years}) de l'ensemble de l'aide étrangère du gouvernement des États-Unis au Mali, Foreign Aid Explorer, en dollars constants "
        "(constants et courants coïncident pour l'exercice budgétaire 2020 : il s'agirait de dollars de 2020 ; le fichier ne le précise pas). Traits verticaux : coups d'État de mars 2012, août 2020 et mai 2021. "
        "L'exercice budgétaire 2022 était incomplet lors de la création du fichier (marqueurs creux) ; le trimestre de transition de 1976 (trois mois) est exclu de la série annuelle.")


describe("us_aid_2020_compared", "us_assistance",
        "US assistance to Mali in 2020: the factsheet's sectors against Foreign Aid Explorer",
        "Aide des États-Unis au Mali en 2020 : les secteurs de la fiche comparés à Foreign Aid Explorer",
        "The factsheet's four 2020 sectors add up to about ${sectors_total} million (humanitarian about ${humanitarian} million, health ${health} million, peace and security ${peace} million, democracy, human rights and governance ${democracy} million; "
        "it states ${humanitarian_health} million for humanitarian and health together). Foreign Aid Explorer gives ${obligations} million of obligations and ${disbursements} million of disbursements for fiscal year 2020 (current dollars). "
        "The factsheet does not say which measure or which kind of year it uses, nor whether its sectors cover all assistance, so the gap cannot be explained from the documents.",
        "Les quatre secteurs 2020 de la fiche totalisent environ {sectors_total} millions de dollars (humanitaire environ {humanitarian} millions, santé {health} millions, paix et sécurité {peace} millions, démocratie, droits humains et gouvernance {democracy} millions ; "
        "elle indique {humanitarian_health} millions pour l'humanitaire et la santé ensemble). Foreign Aid Explorer donne {obligations} millions d'engagements et {disbursements} millions de décaissements pour l'exercice budgétaire 2020 (dollars courants). "
        "La fiche ne précise ni la mesure ni le type d'année, ni si ses secteurs couvrent toute l'aide : l'écart ne peut être expliqué à partir des documents.")
bind("us_aid_2020_compared", humanitarian=millions("ua-006"), health=millions("ua-007"), peace=millions("ua-008"),
     democracy=millions("ua-009"), humanitarian_health=millions("ua-001"), obligations=millions("us-0121", 0),
     disbursements=millions("us-0165", 0))
