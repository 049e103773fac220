"""The one translation table: every word a figure or caption shows, in English and French.

Vocabulary labels that the data package already carries in both languages
(periods, regions, categories) are read from it; everything else is here.
Tests check that every key has both languages and that every code a figure
draws has a label.
"""
import re

from .package import open_package

LANGS = ("en", "fr")

TEXT = {
    # violations
    "violation.recruitment_and_use": ("Recruitment and use", "Recrutement et utilisation d'enfants"),
    "violation.killing_and_maiming": ("Killing and maiming", "Meurtres et mutilations d'enfants"),
    "violation.sexual_violence": ("Rape and other sexual violence", "Viols et autres formes de violence sexuelle"),
    "violation.attacks_on_schools_and_hospitals": ("Attacks on schools and hospitals", "Attaques contre des écoles et des hôpitaux"),
    "violation.abduction": ("Abduction", "Enlèvements d'enfants"),
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
    "unit.years": ("years", "ans"),
    "unit.days": ("days", "jours"),
    "unit.hours": ("hours", "heures"),
    "unit.testimonies": ("testimonies", "témoignages"),
    "unit.hearings": ("hearings", "audiences"),
    "unit.workshops": ("workshops", "ateliers"),
    "unit.centres": ("centres", "centres"),
    "unit.subcommittees": ("subcommittees", "sous-comités"),
    "unit.complaints": ("complaints", "plaintes"),
    "unit.organizations": ("organizations", "organisations"),
    "unit.areas": ("areas", "zones"),
    "unit.parties": ("parties", "parties"),
    "unit.times": ("times", "fois"),
    "unit.fraction": ("fraction", "fraction"),
    "unit.ratio_to_previous_report": ("ratio to the previous report", "rapport au rapport précédent"),
    "unit.ratio": ("ratio", "rapport"),
    "unit.countries": ("countries", "pays"),
    # caption files: the headers of the table of rows drawn
    "caption.table": ("table", "tableau"),
    "caption.row_id": ("row_id", "ligne (row_id)"),
    "caption.value": ("value", "valeur"),
    "caption.unit": ("unit", "unité"),
    "caption.source": ("source", "source"),
    "caption.locator": ("locator", "emplacement"),
    "caption.quote": ("quote", "citation"),
    "caption.verbatim_in": ("verbatim, in {language}", "texte original, en {language}"),
    "caption.heading_as_printed": ("heading as printed: {heading}", "titre original : {heading}"),
    "caption.data_version": ("Data: mali-caac curated data, version {version} ({date}).",
                             "Données : données de mali-caac, version {version} ({date})."),
    "word.public_domain": ("public domain", "domaine public"),
    "word.licence": ("licence", "licence"),
    # exported workbooks and their metadata (mali_caac.export); wording from README.md and data/CURATION.md
    "export.readme": ("README", "LISEZ-MOI"),
    "export.columns_sheet": ("columns", "colonnes"),
    "export.item": ("Item", "Rubrique"),
    "export.text": ("Text", "Texte"),
    "export.title": ("Title", "Titre"),
    "export.dataset_title": ("Grave violations against children in the armed conflict in Mali: curated figures with per-value provenance",
                             "Violations graves contre les enfants dans le conflit armé au Mali : chiffres vérifiables, chacun avec sa provenance"),
    "export.what": ("What the data is", "Contenu"),
    "export.what_text": ("Grave violations against children in the armed conflict in Mali, as the United Nations and others have reported them: "
                         "every figure of the source documents ({documents}) curated into tidy tables, one row per figure, each value with its "
                         "source, its paragraph and a verbatim quote, checked against every total it belongs to.",
                         "Les violations graves contre les enfants dans le conflit armé au Mali, telles que l'Organisation des Nations Unies et "
                         "d'autres les ont rapportées : chaque chiffre des documents sources ({documents}) repris dans des tableaux ordonnés, une "
                         "ligne par chiffre, chaque valeur avec sa source, son paragraphe et une citation textuelle, et rapprochée de chaque "
                         "total dont elle fait partie."),
    "export.version": ("Data version", "Version des données"),
    "export.version_text": ("{version}, released {date}", "{version}, publiée le {date}"),
    "export.version_undated": ("{version} (no release date recorded)", "{version} (date de publication non enregistrée)"),
    "export.licence_text": ("Curated data: {licence}. The quoted documents keep their own terms. Outside data: {outside}.",
                            "Données organisées : {licence}. Les documents cités conservent leurs propres "
                            "conditions. Données extérieures : {outside}."),
    "export.cite": ("How to cite", "Comment citer"),
    "export.caveats": ("Caveats", "Mises en garde"),
    "export.caveat_printed": ("Every number is a figure printed in one of the source documents: nothing is estimated, corrected or computed here.",
                              "Chaque nombre est un chiffre imprimé dans l'un des documents sources : rien n'y est estimé, corrigé ni calculé."),
    "export.caveat_long": ("The figure tables are long: a stated total ('{all}') stands beside its parts, a percentage beside the count it describes "
                           "('{unit}'), a restated figure beside the original ('{restates}'), a refining row beside the figure it details ('{refines}'). "
                           "A plain sum adds them all up: keep one unit, leave out the rows that restate or refine another, and never add a total "
                           "to its parts.",
                           "Les tableaux de chiffres sont longs : un total énoncé (« {all} ») figure à côté de ses parties, un pourcentage à côté du "
                           "nombre qu'il décrit (« {unit} »), un chiffre repris à côté de l'original (« {restates} »), une ligne qui précise à côté du "
                           "chiffre qu'elle détaille (« {refines} »). Une simple somme les additionne tous : garder une seule unité, écarter les "
                           "lignes qui en reprennent ou en précisent une autre, et ne jamais ajouter un total à ses parties."),
    "export.caveat_qualifier": ("'{qualifier}' says how the source qualifies a number (at least, more than, about ...): an 'at least' figure is a floor.",
                                "« {qualifier} » dit comment la source qualifie un nombre (au moins, plus de, environ...) : un chiffre « au moins » est un minimum."),
    "export.caveat_discrepancies": ("Where a source contradicts itself or another source, both figures are kept, each with its own citation, and the "
                                    "disagreement is entered in the discrepancy register (sheet '{sheet}') with both citations and a plain explanation.",
                                    "Lorsqu'une source se contredit ou contredit une autre source, les deux chiffres sont conservés, chacun avec sa "
                                    "citation, et la divergence est inscrite au registre des divergences (feuille « {sheet} ») avec les deux "
                                    "citations et une explication."),
    "export.sheets": ("Sheets", "Feuilles"),
    "export.sheet_rows": ("{sheet}: {rows} rows", "{sheet} : {rows} lignes"),
    "export.columns_note": ("Each column's meaning is in a comment on its heading (the cell of row 1) and in the sheet '{sheet}', with its type "
                            "and its HXL hashtag.",
                            "Le sens de chaque colonne figure dans un commentaire de son en-tête (la cellule de la ligne 1) et dans la feuille "
                            "« {sheet} », avec son type et son hashtag HXL ; ces descriptions sont en anglais."),
    "export.quotes_note": ("Quotes ('{quote}') are verbatim, in the language of their document.",
                           "Les citations (« {quote} ») sont textuelles, dans la langue de leur document ; les notes et les descriptions des colonnes sont en anglais."),
    "export.labels_note": ("The columns '… (label)' give the label of the codes of the column before them; the codes are those of the CSV files.",
                            "Les colonnes « … (libellé) » donnent le libellé français des codes de la colonne qui les précède ; les codes restent "
                               "ceux des fichiers CSV."),
    "export.label_suffix": ("{head} (label)", "{head} (libellé)"),
    "export.column": ("column", "colonne"),
    "export.field": ("field", "champ"),
    "export.sheet": ("sheet", "feuille"),
    "export.type": ("type", "type"),
    "export.description": ("description", "description"),
    "export.hxl": ("HXL hashtag", "hashtag HXL"),
    "export.made_with": ("Made by", "Produit par"),
    "export.made_with_text": ("mali-caac export, from the data package (datapackage.json) version {version}",
                              "mali-caac export, à partir du paquet de données (datapackage.json) version {version}"),
    # column headings of the exported workbooks (mali_caac.export): the field name, and its French
    "column.source_id": ("source_id", "source"),
    "column.short_name": ("short_name", "nom court"),
    "column.short_name_fr": ("short_name_fr", "nom court en français"),
    "column.name_en": ("name_en", "nom en anglais"),
    "column.name_fr": ("name_fr", "nom en français"),
    "column.language": ("language", "langue"),
    "column.symbol": ("symbol", "cote"),
    "column.title": ("title", "titre"),
    "column.publisher": ("publisher", "éditeur"),
    "column.date": ("date", "date"),
    "column.period_start": ("period_start", "début de période"),
    "column.period_end": ("period_end", "fin de période"),
    "column.url": ("url", "adresse"),
    "column.kind": ("kind", "type"),
    "column.text_file": ("text_file", "fichier texte"),
    "column.licence": ("licence", "licence"),
    "column.note": ("note", "note"),
    "column.party": ("party", "partie"),
    "column.full_name": ("full_name", "nom complet"),
    "column.type": ("type", "type"),
    "column.coalition": ("coalition", "coalition"),
    "column.parent": ("parent", "parent"),
    "column.attribution": ("attribution", "attribution"),
    "column.locator": ("locator", "emplacement"),
    "column.period": ("period", "période"),
    "column.label_en": ("label_en", "libellé en anglais"),
    "column.label_fr": ("label_fr", "libellé en français"),
    "column.start": ("start", "début"),
    "column.end": ("end", "fin"),
    "column.months": ("months", "mois"),
    "column.region": ("region", "région"),
    "column.iso_3166_2": ("iso_3166_2", "code ISO 3166\u20112"),  # a no-break hyphen: not a range of numbers
    "column.residual": ("residual", "résiduel"),
    "column.dimension": ("dimension", "dimension"),
    "column.code": ("code", "code"),
    "column.row_id": ("row_id", "identifiant de ligne"),
    "column.correction_id": ("correction_id", "identifiant de correction"),
    "column.version": ("version", "version"),
    "column.table": ("table", "table"),
    "column.row": ("row", "ligne"),
    "column.field": ("field", "champ"),
    "column.old_value": ("old_value", "ancienne valeur"),
    "column.new_value": ("new_value", "nouvelle valeur"),
    "column.why": ("why", "motif"),
    "column.violation": ("violation", "violation"),
    "column.region_code": ("region_code", "code de région"),
    "column.perpetrator": ("perpetrator", "auteur"),
    "column.sex": ("sex", "sexe"),
    "column.subtype": ("subtype", "sous-type"),
    "column.cause": ("cause", "cause"),
    "column.outcome": ("outcome", "issue"),
    "column.value": ("value", "valeur"),
    "column.unit": ("unit", "unité"),
    "column.qualifier": ("qualifier", "qualificatif"),
    "column.partial_in": ("partial_in", "partiel dans"),
    "column.printed": ("printed", "nombre imprimé"),
    "column.quote": ("quote", "citation"),
    "column.restates": ("restates", "reprend"),
    "column.refines": ("refines", "précise"),
    "column.discrepancy": ("discrepancy", "divergence"),
    "column.captor": ("captor", "détenteur"),
    "column.as_of": ("as_of", "à la date du"),
    "column.area": ("area", "zone"),
    "column.measure": ("measure", "mesure"),
    "column.activity": ("activity", "activité"),
    "column.participants": ("participants", "participants"),
    "column.place": ("place", "lieu"),
    "column.topic": ("topic", "thème"),
    "column.perpetrator_as_printed": ("perpetrator_as_printed", "auteur tel qu'imprimé"),
    "column.subject": ("subject", "sujet"),
    "column.bound": ("bound", "borne"),
    "column.year": ("year", "année"),
    "column.victim_group": ("victim_group", "groupe de victimes"),
    "column.party_as_printed": ("party_as_printed", "partie telle qu'imprimée"),
    "column.report_year": ("report_year", "année du rapport"),
    "column.year_basis": ("year_basis", "fondement de l'année"),
    "column.violation_letter": ("violation_letter", "lettre de la violation"),
    "column.persistent_perpetrator": ("persistent_perpetrator", "auteur récidiviste"),
    "column.action_plan": ("action_plan", "plan d'action"),
    "column.marks_as_of": ("marks_as_of", "marques à la date du"),
    "column.basis": ("basis", "base"),
    "column.provider": ("provider", "fournisseur de la formation"),
    "column.trainees": ("trainees", "personnes formées"),
    "column.rank": ("rank", "rang"),
    "column.supplier": ("supplier", "fournisseur"),
    "column.category": ("category", "catégorie"),
    "column.event": ("event", "événement"),
    "column.perpetrator_as_reported": ("perpetrator_as_reported", "auteur tel que rapporté"),
    "column.reported_by": ("reported_by", "rapporté par"),
    "column.cercle": ("cercle", "cercle"),
    "column.report": ("report", "rapport"),
    "column.secondary": ("secondary", "source secondaire"),
    "column.fiscal_year": ("fiscal_year", "exercice budgétaire"),
    "column.fiscal_year_as_printed": ("fiscal_year_as_printed", "exercice tel qu'imprimé"),
    "column.period_kind": ("period_kind", "type de période"),
    "column.complete": ("complete", "complet"),
    "column.transaction_type": ("transaction_type", "type de transaction"),
    "column.dollars": ("dollars", "dollars"),
    "column.discrepancy_id": ("discrepancy_id", "identifiant de divergence"),
    "column.source_a": ("source_a", "source A"),
    "column.locator_a": ("locator_a", "emplacement A"),
    "column.quote_a": ("quote_a", "citation A"),
    "column.source_b": ("source_b", "source B"),
    "column.locator_b": ("locator_b", "emplacement B"),
    "column.quote_b": ("quote_b", "citation B"),
    "column.explanation": ("explanation", "explication"),
    "column.handling": ("handling", "traitement"),
    "column.rows": ("rows", "lignes"),
    "column.check": ("check", "contrôle"),

    # period labels are drawn from the periods table with Babel (period_span)
    "word.months_short": ("mo.", "mois"),
    # axis labels
    "axis.count": ("Number verified", "Nombre vérifié"),
    "axis.children": ("Children", "Enfants"),
    "axis.attacks": ("Attacks", "Attaques"),
    "axis.incidents": ("Incidents", "Incidents"),
    "axis.cases": ("Cases", "Cas"),
    "axis.schools": ("Schools", "Écoles"),
    "axis.per_month": ("Verified per month", "Nombre vérifié par mois"),
    "axis.children_in_care": ("Children given care in transit centres", "Enfants pris en charge dans les centres de transit"),
    "axis.children_in_care_per_month": ("Children given care, per month", "Enfants pris en charge, par mois"),
    "axis.percent": ("Per cent", "Pourcentage"),
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
    "word.unknown": ("not stated", "non indiqué"),
    "word.this_report": ("S/2020/1105 (Jul 2017–Mar 2020, 33 months)", "S/2020/1105 (juil. 2017–mars 2020, 33 mois)"),
    "word.previous_report": ("S/2018/136 (Jan 2014–Jun 2017, 42 months)", "S/2018/136 (janv. 2014–juin 2017, 42 mois)"),
    "word.schools": ("Schools", "Écoles"),
    "word.hospitals": ("Hospitals", "Hôpitaux"),
    "word.girls": ("Girls", "Filles"),
    "word.boys": ("Boys", "Garçons"),
    "word.killed": ("Killed", "Tués"),
    "word.maimed": ("Maimed", "Mutilés"),
    "word.rows_drawn": ("Rows drawn", "Lignes représentées"),
    "word.abbreviations": ("Abbreviations", "Sigles"),
    "word.caption": ("Caption", "Légende"),
    "word.title": ("Title", "Titre"),
    "word.different_lengths": ("Periods differ in length: compare the rates per month.", "Les périodes sont de durées différentes : comparer les moyennes mensuelles."),
    "word.verified_subtitle": ("Verified by the UN country task force, at times hampered by insecurity or restricted access: "
                               "not the full scale of violations",
                               "Chiffres vérifiés par l'équipe spéciale de pays de l'ONU, parfois entravée par l'insécurité ou les restrictions "
                               "d'accès : pas toute l'ampleur des violations"),
    "word.underreporting": ("Verified cases only: the actual numbers are believed to be higher.", "Cas vérifiés seulement : les chiffres réels sont sans doute plus élevés."),
    "word.qualifier.exact": ("", ""),
    "word.qualifier.approximately": ("about ", "environ "),
    "word.qualifier.at_least": ("at least ", "au moins "),
    "word.qualifier.more_than": ("more than ", "plus de "),
    "word.qualifier.less_than": ("less than ", "moins de "),
    "word.qualifier.almost": ("almost ", "près de "),
    "word.qualifier.up_to": ("up to ", "jusqu'à "),
    # attribution classes
    "attribution.unattributed": ("Not attributed", "Non attribué"),
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
    "party.armed-group+Barkhane": ("Clashes: unidentified armed group and Barkhane", "Affrontements : groupe armé non identifié et Barkhane"),
    "party.GATIA+MSA": ("GATIA and MSA, joint", "GATIA et MSA, forces conjointes"),
    "party.CJA+MNLA": ("CJA and MNLA, joint", "CJA et MNLA, opérations conjointes"),
    # the report names the coalition and no member ('CMA (3)', 'an unidentified member of CMA (1)',
    # 'JNIM (4)' beside 'FLM (10)', 'other JNIM elements (2)'): the label says no more than that
    "party.CMA-unidentified": ("CMA (no member named)", "CMA (aucun membre nommé)"),
    "party.Platform-unidentified": ("Platform (no member named)", "Plateforme (aucun membre nommé)"),
    "party.JNIM-other": ("JNIM (no member named)", "JNIM (aucun membre nommé)"),
    "party.terrorist-unidentified": ("Unidentified groups designated as terrorist", "Groupes désignés comme terroristes non identifiés"),
    "party.CMFPR-I-or-II": ("CMFPR (I or II, undetermined)", "CMFPR (I ou II, indéterminé)"),
    "party.Dozo": ("Dozo traditional hunters", "Chasseurs traditionnels dozos"),
    # para 21 'Dozo traditional hunters, mainly from the Dogon ethnic group'; paras 36, 38 'Dogon traditional hunters'
    "party.Dozo-Dogon": ("Dozo traditional hunters, mainly Dogon", "Chasseurs traditionnels dozos, principalement dogons"),
    "party.Fulani-armed-elements": ("Fulani armed elements", "Éléments armés peuls"),
    "party.unidentified-armed-groups": ("Unidentified armed groups", "Groupes armés non identifiés"),
    "party.unattributed": ("Not attributed", "Non attribué"),
    "party.armed_groups": ("Armed groups", "Groupes armés"),
    "party.Platform": ("Platform", "Plateforme"),
    "party.MAA-Platform": ("MAA-Platform", "MAA-Plateforme"),
    "party.ISGS": ("ISGS", "EIGS"),  # UN French: État islamique du Grand Sahara
    "party.AQIM": ("AQIM", "AQMI"),  # UN French: Al-Qaida au Maghreb islamique
    "party.government_forces": ("Government forces", "Forces gouvernementales"),
    "party.international_forces": ("International forces", "Forces internationales"),
    "party.signatory_and_splinter_groups": ("Signatory armed groups and splinter groups",
                                            "Groupes armés signataires et groupes dissidents"),
    "party.splinter_groups": ("Splinter groups", "Groupes dissidents"),
    "party.terrorist_designated_groups": ("Groups designated as terrorist", "Groupes désignés comme terroristes"),
    # US assistance and training measures
    "measure.humanitarian_assistance": ("Humanitarian", "Humanitaire"),
    "measure.health_assistance": ("Health", "Santé"),
    "measure.peace_and_security_assistance": ("Peace and security", "Paix et sécurité"),
    "measure.democracy_human_rights_governance_assistance": ("Democracy, human rights and governance", "Démocratie, droits humains et gouvernance"),
    "measure.security_assistance": ("Security assistance", "Aide à la sécurité"),
    "measure.direct_security_aid": ("Direct security aid", "Aide directe à la sécurité"),
    "measure.peacekeeping_mission_support": ("Support to UN peacekeeping in Mali", "Appui au maintien de la paix des Nations Unies au Mali"),
    "measure.direct_commercial_sales": ("Direct commercial arms sales", "Ventes commerciales directes d'armes"),
    "measure.foreign_military_sales": ("Foreign military sales", "Ventes militaires à l'étranger"),
    "measure.sales_to_un_missions": ("Sales to UN missions in Mali", "Ventes aux missions de l'ONU au Mali"),
    "provider.US": ("United States", "États-Unis"),
    "provider.EUTM": ("EU Training Mission (EUTM Mali)", "Mission de formation de l'Union européenne au Mali (EUTM Mali)"),
    "claimant.Malian Ministry of Defence": ("Malian Ministry of Defence: dead ('terrorists')", "Ministère malien de la Défense : morts (« terroristes »)"),
    "claimant.Human Rights Watch": ("Human Rights Watch: civilian men executed (estimate)", "Human Rights Watch : civils exécutés (estimation)"),
    "claimant.witnesses": ("Witnesses: men killed (half suspected combatants)", "Témoins : hommes tués (dont la moitié de combattants présumés)"),
    "claimant.the factsheet": ("The factsheet: civilians massacred", "La fiche d'information : civils massacrés"),
    "claimant.'the group' (FAMa and Wagner)": ("'The group' (FAMa and Wagner): dead ('jihadist militants')",
                                                 "« Le groupe » (FAMa et Wagner) : morts (« militants djihadistes »)"),
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
    # what each count counts, in the factsheet's words ("allegedly" kept); the period and unit come from the data
    "harm.ch-011": ("Civilians killed by FAMa and Wagner Group forces", "Civils tués par les FAMa et les forces du groupe Wagner"),
    "harm.ch-017": ("People extrajudicially executed by the MDSF", "Personnes exécutées de manière extrajudiciaire par les FDSM"),
    "harm.ch-035": ("Civilians allegedly killed by the Malian army and armed Islamist groups, central and southwestern Mali",
                    "Civils qui auraient été tués par l'armée malienne et des groupes islamistes armés, centre et sud-ouest du Mali"),
    "harm.ch-033": ("Villagers allegedly killed by Malian soldiers, Mopti region", "Villageois qui auraient été tués par des soldats maliens, région de Mopti"),
    "harm.ch-022": ("Forced disappearances by the MDSF", "Disparitions forcées imputées aux FDSM"),
    "harm.ch-032": ("Enforced disappearances, families given no information", "Disparitions forcées, familles laissées sans information"),
    "harm.ch-018": ("Men detained by FAMa who disappeared", "Hommes détenus par les FAMa et disparus"),
    "harm.ch-007": ("Civilians executed by security forces in Tounu, Mopti", "Civils exécutés par les forces de sécurité à Tounu (Mopti)"),
    # periods the data cannot give as months (the source's own words)
    "harm_period.ch-011": ("Jan–mid-Apr 2022", "janv.–mi-avr. 2022"),
    "harm_period.ch-017": ("three months, dates not stated", "trois mois, dates non précisées"),
    "harm_period.none": ("period not stated", "période non précisée"),
    # who reported the counts (civilian_harm.reported_by)
    "monitor.ACLED": ("ACLED", "ACLED"),
    "monitor.MINUSMA": ("MINUSMA", "MINUSMA"),
    "monitor.Human Rights Watch": ("Human Rights Watch", "Human Rights Watch"),
    "monitor.an unnamed 2021 report": ("An unnamed report of 2021", "Un rapport de 2021 non nommé"),
    "monitor.an unnamed 2022 report": ("An unnamed report of 2022", "Un rapport de 2022 non nommé"),
    "monitor.the factsheet": ("The factsheet itself, from a witness account to Human Rights Watch",
                              "La fiche elle-même, d'après un témoignage recueilli par Human Rights Watch"),
    "axis.reported_people_or_cases": ("Number reported (persons or cases, as each row states)", "Nombre rapporté (personnes ou cas, selon la ligne)"),
    # how the factsheet words the period of a US figure (see us_assistance.PRINTED_PERIOD)
    "usperiod.past_years": ("Over the past {years} years (to {end})", "Au cours des {years} dernières années (jusqu'en {end})"),
    "usperiod.since": ("Since {start}", "Depuis {start}"),
    "usperiod.between": ("Between {start} and {end}", "Entre {start} et {end}"),
    "word.factsheet": ("factsheet", "fiche"),
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
    "victim_group.women": ("Women", "Femmes"),
    "victim_group.girls": ("Girls", "Filles"),
    "victim_group.men": ("Men", "Hommes"),
    "word.since": ("since", "depuis"),
    "word.no_total": ("no total found", "aucun total trouvé"),
    "word.fifth_report": ("Fifth report (symbol not confirmed)", "Cinquième rapport (cote non confirmée)"),
    "word.secondary_star": ("* Read from a secondary web page.", "* Chiffre lu sur une page web secondaire."),
    "word.capacity_caveat": ("Verification capacity and access changed over time: these rates measure what could be verified, not how many violations occurred.",
                             "La capacité de vérification et l'accès ont varié dans le temps : ces moyennes mesurent ce qui a pu être vérifié, non le nombre de violations commises."),
    "axis.violations_per_month": ("Verified violations per month", "Violations vérifiées par mois"),
    "axis.fiscal_year": ("US fiscal year", "Exercice budgétaire des États-Unis"),
    "axis.usd_millions_constant": ("Millions of constant US dollars", "Millions de dollars constants des États-Unis"),
    "map.legend_shared": ("In every unit", "Dans toutes les unités"),
    "map.boundaries": ("Boundaries: ", "Limites : "),
    "aid.obligations": ("Obligations", "Engagements"),
    "aid.disbursements": ("Disbursements", "Décaissements"),
    "aid.factsheet_sectors": ("Factsheet: four sectors, 2020 (sum)", "Fiche : quatre secteurs, 2020 (somme)"),
    "aid.fae_obligations": ("Foreign Aid Explorer: obligations, fiscal year 2020",
                            "Foreign Aid Explorer : engagements, exercice budgétaire 2020"),
    "aid.fae_disbursements": ("Foreign Aid Explorer: disbursements, fiscal year 2020",
                              "Foreign Aid Explorer : décaissements, exercice budgétaire 2020"),
    "coup.2012": ("coup,\nMarch 2012", "coup d'État,\nmars 2012"),
    "coup.2020_2021": ("coups,\nAug 2020 and May 2021", "coups d'État,\naoût 2020 et mai 2021"),
    # alt text of the figures (mali_caac.figures._drawn)
    "alt.heading": ("Alt text", "Texte de remplacement"),
    "alt.kind.bar": ("Bar chart", "Diagramme en barres"),
    "alt.kind.grouped": ("Grouped bar chart", "Diagramme en barres groupées"),
    "alt.kind.horizontal bar": ("Horizontal bar chart", "Diagramme en barres horizontales"),
    "alt.kind.point": ("Dot chart", "Diagramme en points"),
    "alt.kind.line": ("Line chart", "Graphique linéaire"),
    "alt.kind.cell": ("Heat map", "Carte de chaleur"),
    "alt.kind.class": ("Maps", "Cartes"),
    "alt.values": ("Values drawn", "Valeurs représentées"),
    "alt.more": ("and {n} more", "et {n} autres"),
    "alt.more_one": ("and 1 more", "et 1 autre"),
    "alt.not_stated": ("not stated", "non précisé"),
    "alt.million": ("millions of {unit}", "millions de {unit}"),
    "alt.per_month": ("{unit} per month", "{unit} par mois"),
    "alt.data_file": ("The values drawn, with the ids of the data rows each comes from: {file}.",
                      "Les valeurs représentées, avec les identifiants des lignes de données dont chacune provient : {file}."),
    # the published report (`make site`, mali_caac.site): page titles and labels
    "site.title": ("Grave violations against children in Mali", "Violations graves commises contre des enfants au Mali"),
    "site.intro": ("The figures of the project, section by section, with the data behind each of them, the sources, "
                   "the register of the sources' discrepancies and a glossary.",
                   "Les figures du projet, section par section, avec les données de chacune, les sources, "
                   "le registre des divergences entre les sources et un glossaire."),
    "site.sections": ("Sections", "Sections"),
    "site.teaching": ("Teaching pack", "Dossier pédagogique"),
    "site.reference": ("Data and reference", "Données et références"),
    "site.datasets": ("Datasets", "Jeux de données"),
    "site.datasets_intro": ("Every table of the data package, with its fields, their types and vocabularies, "
                            "and its file.", "Chaque table du paquet de données, avec ses champs, leurs types et "
                            "vocabulaires, et son fichier."),
    "site.sources": ("Sources", "Sources"),
    "site.discrepancies": ("Discrepancy register", "Registre des divergences"),
    "site.glossary": ("Glossary", "Glossaire"),
    "site.cite": ("How to cite", "Comment citer"),
    "site.download": ("Download", "Télécharger"),
    "site.files": ("Files", "Fichiers"),
    "site.figure_data": ("data (CSV)", "données (CSV)"),
    "site.caption_rows": ("caption and rows", "légende et lignes"),
    "site.terms": ("Terms", "Termes"),
    "site.rows": ("Rows", "Lignes"),
    "site.field": ("Field", "Champ"),
    "site.type": ("Type", "Type"),
    "site.description": ("Description", "Description"),
    "site.values": ("Values", "Valeurs"),
    "site.references": ("references {table}.{field}", "renvoie à {table}.{field}"),
    "site.csv_file": ("the table (CSV)", "la table (CSV)"),
    "site.whole_package": ("the whole data package (zip)", "tout le paquet de données (zip)"),
    "site.in_english": ("The data package documents its tables in English: these descriptions are shown as written.",
                        "Le paquet de données documente ses tables en anglais : ces descriptions sont reproduites "
                        "telles quelles."),
    "site.register_in_english": ("Each entry cites both sources with their quotes; the explanations are kept in "
                                 "English, as in the data package.",
                                 "Chaque entrée cite les deux sources avec leurs citations ; les explications sont "
                                 "conservées en anglais, comme dans le paquet de données."),
    "site.source": ("Source", "Source"),
    "site.glossary_intro": ("Parties, acronyms and terms as the sources define them; each entry gives its source "
                            "and paragraph.", "Parties, sigles et termes tels que les sources les définissent ; "
                            "chaque entrée indique sa source et son paragraphe."),
    "site.show_cell": ("Show code cell {type}", "Afficher la cellule de code"),  # myst-nb's folded cells
    "site.hide_cell": ("Hide code cell {type}", "Masquer la cellule de code"),
    "site.cite_project": ("Cite the project", "Citer le projet"),
    "site.cite_sources": ("Cite the sources", "Citer les sources"),
    "site.cite_sources_intro": ("The documents every figure comes from (`mali-caac cite`), also as BibTeX and RIS:",
                                "Les documents dont vient chaque figure (`mali-caac cite`), aussi en BibTeX et en RIS :"),
    # the report's pages (issue 15): folded recipes, the rows table for people, home page, gallery
    "site.show_recipe": ("Show how this figure is made", "Voir comment cette figure est faite"),
    "site.hide_recipe": ("Hide how this figure is made", "Masquer comment cette figure est faite"),
    "site.show_code": ("Show the code", "Voir le code"),
    "site.hide_code": ("Hide the code", "Masquer le code"),
    "site.section_terms": ("Terms in this section", "Termes de cette section"),
    "site.gallery": ("Gallery of the figures", "Galerie des figures"),
    "site.gallery_intro": ("Every figure of the report; each one opens in its section, with its caption, its sources "
                           "and its data.", "Toutes les figures du rapport ; chacune s'ouvre dans sa section, avec sa "
                           "légende, ses sources et ses données."),
    "site.findings": ("Findings", "Constats"),
    "site.key_figures": ("Key figures", "Figures clés"),
    "site.about_data": ("The data", "Les données"),
    "site.about_data_text": ("The report rests on a data package of {tables} tables ({rows} rows): every number is "
                             "a row that names its document, its paragraph and the verbatim quote that prints it. "
                             "The documents are {sources} reports and data sets of the United Nations and others.",
                             "Le rapport repose sur un paquet de données de {tables} tables ({rows} lignes) : chaque "
                             "nombre est une ligne qui nomme son document, son paragraphe et la citation originale "
                             "qui l'imprime. Les documents sont {sources} rapports et jeux de données des Nations "
                             "Unies et d'autres."),
    "site.get_data": ("Get the data", "Obtenir les données"),
    "site.get_data_text": ("Download {zip}, read each table's page under {datasets}, or install the package and "
                           "load a table in Python:", "Téléchargez {zip}, lisez la page de chaque table dans "
                           "{datasets}, ou installez le paquet et chargez une table en Python :"),
    "site.how_to_cite": ("How to cite", "Comment citer"),
    "site.cite_more": ("Every source, in BibTeX and RIS: {page}.", "Toutes les sources, en BibTeX et en RIS : {page}."),
    "site.report_pdf": ("Download the report (PDF)", "Télécharger le rapport (PDF)"),
    "site.all_figures": ("All figures", "Toutes les figures"),
    "site.subpages": ("Show its pages", "Afficher ses pages"),
    "site.author": ("the project's contributors", "les contributeurs du projet"),
    "site.copyright": ("code MIT, data CC BY 4.0", "code MIT, données CC BY 4.0"),
    "rows.value": ("Value", "Valeur"),
    "rows.unit": ("Unit", "Unité"),
    "rows.source": ("Source", "Source"),
    "rows.quote": ("Quote", "Citation"),
    "rows.full_quote": ("full quote", "citation complète"),
}

TEXT.update({  # words of the marks (issue 14): rate axes with their unit, hedge keys, colour roles
    "axis.children_per_month": ("Children verified per month", "Enfants (vérifiés) par mois"),
    "axis.attacks_per_month": ("Attacks verified per month", "Attaques vérifiées par mois"),
    "axis.incidents_per_month": ("Incidents verified per month", "Incidents vérifiés par mois"),
    "axis.cases_per_month": ("Cases verified per month", "Cas vérifiés par mois"),
    "axis.per_month_each_unit": ("Verified per month (unit below)", "Nombre vérifié par mois (unité en dessous)"),
    "axis.per_month_unit_in_key": ("Verified per month (unit in key)", "Nombre vérifié par mois (unité en légende)"),
    "axis.count_each_unit": ("Verified (unit under each bar)", "Nombre vérifié (unité sous la barre)"),
    "word.totals_pair": ("totals {previous} and {current} {unit}", "totaux {previous} et {current} {unit}"),
    "word.total_in_report": ("total {total}", "total {total}"),
    "word.secondary_total": ("Total read from a secondary web page", "Total lu sur une page web secondaire"),
    "hedge.key": ("How a value is drawn", "Tracé des valeurs"),
    "hedge.lower_bound": ("At least / more than: open end, arrow", "Au moins / plus de : bout ouvert, flèche"),
    "hedge.upper_bound": ("Less than / up to: faded end", "Moins de / jusqu’à : bout estompé"),
    "hedge.approximate": ("About / almost: lighter fill", "Environ / près de : teinte plus claire"),
    "colour.all_violations": ("All six grave violations", "Les six violations graves"),
    "colour.context": ("Context (not a grave violation)", "Contexte (pas une violation grave)"),
    "aid.partial_year": ("Hollow marker: fiscal year {years}, incomplete in the file",
                         "Marqueur creux : exercice {years}, incomplet dans le fichier"),
    "axis.usd_millions_constant_of": ("Millions of constant US dollars of fiscal year {year}",
                                      "Millions de dollars constants des États-Unis de l’exercice {year}"),
    "map.zero_inferred": ("0: not listed (zero inferred)", "0 : non citée (zéro déduit)"),
    "map.zero_stated": ("0: stated zero", "0 : zéro indiqué"),
    "map.zero_either": ("0: stated, or not listed (zero inferred)", "0 : indiqué, ou non citée (zéro déduit)"),
    "map.regions": ("Regions", "Régions"),
    "coup.2020": ("coup,\nAugust 2020", "coup d’État,\naoût 2020"),
    "coup.2021": ("second coup,\n2021", "second coup d’État,\n2021"),
})
TERMS = {
    # concept: (the English words, the one French term, French words that would be a second term for it)
    "fiscal year": (r"(?i)\bfiscal years?\b", r"\bexercices? budgétaires?\b", r"\bannées? (?:budgétaires?|fiscales?)\b|\bexercices? fiscal"),
    "verified": (r"(?i)\bverified\b|\bverification\b", r"\bvérifi", r"\bcorroboré|\battesté"),
    "unattributed": (r"(?i)\b(?:not attributed|unattributed|could not be attributed)\b", r"\b(?:non|pu être) attribu",
                     r"\bsans auteur\b"),
    "country task force": (r"(?i)\bcountry task force\b", r"\béquipe spéciale de pays\b", r"\bgroupe de travail\b"),
    "grave violations": (r"(?i)\bgrave violations?\b", r"\bviolations? graves?\b", r"\bviolations? sévères?\b"),
    "denial of humanitarian access": (r"(?i)\bdenial of (?:humanitarian )?access\b", r"\brefus d.accès\b",
                                      r"\bdéni d.accès\b"),
    "obligations": (r"(?i)\bobligations\b", r"\bengagements\b", r"\bobligations\b"),
    "disbursements": (r"(?i)\bdisbursements\b", r"\bdécaissements\b", r"\bversements\b"),
    "constant dollars": (r"(?i)\bconstant dollars\b", r"\bdollars constants\b", r"\bdollars réels\b"),
    "per cent (axis)": (r"^Per cent$", r"^Pourcentage$|%", r"^Pour cent$"),
}
"""The glossary's terms: for each concept, the English words, the one French term that renders it wherever the
English uses it, and the French words that would render it a second way (``tests/test_i18n.py`` reads every
entry of :data:`TEXT` and every figure's title and caption against it)."""

# figure titles and captions: "fig.<id>.title", "fig.<id>.caption"
FIGURE_TEXT = {}


def add_figure_text(fid, title_en, title_fr, caption_en, caption_fr):
    FIGURE_TEXT[f"fig.{fid}.title"] = (title_en, title_fr)
    FIGURE_TEXT[f"fig.{fid}.caption"] = (caption_en, caption_fr)


def t(key, lang):
    """The text of ``key`` in ``lang`` ('en' or 'fr'), typeset for that language (:func:`typeset`);
    KeyError names a missing key."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    table = FIGURE_TEXT if key.startswith("fig.") else TEXT
    if key not in table:
        raise KeyError(f"no translation for {key!r}")
    return typeset(table[key][LANGS.index(lang)], lang)


def label(dimension, code, lang, data=None):
    """The label of a vocabulary code in ``lang``: violations, periods, regions,
    categories and parties."""
    code = str(code)
    if dimension == "violation":
        return t(f"violation.{code}", lang)
    if dimension == "period":
        rec = {r["period"]: r for r in open_package(data).records("periods")}[code]
        span = period_span(rec["start"], rec["end"], lang)
        return typeset(f"{span}\n({rec['months']} {t('word.months_short', lang)})", lang)
    if dimension == "region":
        rec = {r["region"]: r for r in open_package(data).records("regions")}[code]
        return code if lang == "en" else typeset(rec["name_fr"], lang)
    if dimension in ("perpetrator", "captor", "party"):
        key = f"party.{code}"
        return t(key, lang) if key in TEXT else code
    cats = {(r["dimension"], r["code"]): r for r in open_package(data).records("categories")}
    if (dimension, code) in cats:
        rec = cats[(dimension, code)]
        text = rec["label_" + lang]
        return typeset(text[:1].upper() + text[1:], lang)
    if f"{dimension}.{code}" in TEXT:  # small vocabularies of one table (crsv's victim groups ...)
        return t(f"{dimension}.{code}", lang)
    raise KeyError(f"no label for {dimension}={code!r}")


# ----------------------------------------------------------------------------- numbers, money, dates (Babel)
# Numbers, percentages, months and date spans come from the CLDR data that Babel
# ships, so that each language's conventions are not rewritten by hand: French
# groups thousands with a narrow no-break space (U+202F) and writes a decimal
# comma, and puts a no-break space (U+00A0) between a number and % or a currency
# sign, as CLDR and the Imprimerie nationale do.

NBSP = "\u00a0"
"""No-break space: between a number and its unit or currency sign (CLDR, Imprimerie nationale)."""
NNBSP = "\u202f"
"""Narrow no-break space: thousands separator, before : ; ? ! and inside « » in French."""

MONEY_SCALES = {None: (1, "", ""), "thousand": (10**3, "K", "k$"), "million": (10**6, "M", "M$"),
                "billion": (10**9, "B", "Md$")}
"""scale -> (divisor, English suffix after the number, French unit after the number)."""


def _check_lang(lang):
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")


def _decimal(value, lang, min_decimals, max_decimals):
    """``value`` with Babel in ``lang``, rounded half up (0.125 -> 0.13) to at most ``max_decimals``."""
    import decimal

    from babel.numbers import format_decimal

    _check_lang(lang)
    pattern = "#,##0" + ("." + "0" * min_decimals + "#" * (max_decimals - min_decimals) if max_decimals else "")
    exact = decimal.Decimal(str(value)) if not isinstance(value, decimal.Decimal) else value
    with decimal.localcontext() as ctx:
        ctx.rounding = decimal.ROUND_HALF_UP
        text = format_decimal(exact, format=pattern, locale=lang, decimal_quantization=True)
    return text.lstrip("-") if text.lstrip("-0.,") == "" else text  # no '-0'


def number(value, lang, decimals=None):
    """A number as ``lang`` writes it: 1,764 / 1 764 (U+202F); 16.56 / 16,56.

    ``decimals=None``: none for a whole number, two otherwise (the figures' house rule).
    Rounding is half up, as readers expect (2.5 -> 3)."""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 2
    return _decimal(value, lang, decimals, decimals)


def percent(value, lang, decimals=0):
    """A percentage as ``lang`` writes it: 12.5 (per cent, as the data stores it) -> '13%' / '13 %' (U+00A0)."""
    import decimal

    from babel import Locale
    from babel.numbers import format_percent

    _check_lang(lang)
    pattern = Locale.parse(lang).percent_formats[None].pattern
    if decimals:
        pattern = pattern.replace("#,##0", "#,##0." + "0" * decimals, 1)
    with decimal.localcontext() as ctx:
        ctx.rounding = decimal.ROUND_HALF_UP
        return format_percent(decimal.Decimal(str(value)) / 100, format=pattern, locale=lang,
                              decimal_quantization=True)


def money(value_usd, lang, scale="million", decimals=None):
    """US dollars in the house form: en '$16.56M', fr '16,56 M$' (U+00A0 before the unit).

    ``scale`` is 'million' (default), 'billion' (fr 'Md$'), 'thousand' or None (the full
    amount: '$16,560,000' / '16 560 000 $'). ``decimals=None`` keeps up to two, dropping
    trailing zeros ('$74M', '$16.5M')."""
    if scale not in MONEY_SCALES:
        raise ValueError(f"scale must be one of {list(MONEY_SCALES)}, got {scale!r}")
    divisor, suffix_en, unit_fr = MONEY_SCALES[scale]
    scaled = abs(float(value_usd)) / divisor
    text = _decimal(scaled, lang, 0 if decimals is None else decimals, 2 if decimals is None else decimals)
    sign = "-" if float(value_usd) < 0 and text.strip("0.,") else ""
    if lang == "en":
        return f"{sign}${text}{suffix_en}"
    return f"{sign}{text}{NBSP}{unit_fr or '$'}"


def _as_date(value):
    """A date from a date, datetime, pandas Timestamp or ISO text ('2021', '2021-06', '2021-06-15')."""
    import datetime

    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if hasattr(value, "to_pydatetime"):
        return value.to_pydatetime().date()
    parts = [int(p) for p in str(value).split("-")]
    return datetime.date(*(parts + [1] * (3 - len(parts))))


def date_label(date, lang, fmt="MMM y"):
    """A date as ``lang`` writes it, with a CLDR pattern or 'short'/'medium'/'long'/'full':
    ('2021-06', 'fr', 'MMMM y') -> 'juin 2021'; ('2021-06', 'en') -> 'Jun 2021'."""
    from babel.dates import format_date

    _check_lang(lang)
    return format_date(_as_date(date), format=fmt, locale=lang)


def month_name(month, lang, width="wide"):
    """The name of month 1-12 in ``lang``: (6, 'fr') -> 'juin'; (7, 'fr', 'abbreviated') -> 'juil.'."""
    from babel.dates import get_month_names

    _check_lang(lang)
    return get_month_names(width, locale=lang)[int(month)]


def period_span(start, end, lang):
    """The months from ``start`` to ``end`` as ``lang`` writes a span: '2018' for a calendar year,
    else Babel's interval with the house's closed en dash ('Jul–Dec 2017', 'juil.–déc. 2017',
    'janv. 2014–juin 2017'; Babel spaces it between dates that hold a space)."""
    from babel.dates import format_interval

    _check_lang(lang)
    a, b = _as_date(start), _as_date(end)
    if a.year == b.year and (a.month, a.day, b.month, b.day) == (1, 1, 12, 31):
        return str(a.year)
    return re.sub(r"[\s\u2009\u202f\u00a0]*\u2013[\s\u2009\u202f\u00a0]*", "\u2013",
                  format_interval(a, b, "yMMM", locale=lang))


def date_span(start, end, lang):
    """The months from ``start`` to ``end`` written in full, for titles: '2019', '2017–2019',
    'July–December 2017', 'July 2017–March 2020' / 'juillet 2017–mars 2020' (month names from Babel)."""
    _check_lang(lang)
    a, b = _as_date(start), _as_date(end)
    if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31):
        return str(a.year) if a.year == b.year else f"{a.year}\u2013{b.year}"
    if (a.year, a.month) == (b.year, b.month):
        return date_label(a, lang, "MMMM y")
    if a.year == b.year:
        return f"{month_name(a.month, lang)}\u2013{date_label(b, lang, 'MMMM y')}"
    return f"{date_label(a, lang, 'MMMM y')}\u2013{date_label(b, lang, 'MMMM y')}"


def tick_formatter(lang, kind="number", decimals=None, scale="million"):
    """A matplotlib ``FuncFormatter`` that writes axis ticks as ``lang`` does.

    kind 'number': '10 000' (U+202F) / '10,000', up to two decimals unless ``decimals``;
    'percent': ticks in per cent ('20 %'); 'money': ticks in US dollars, shown at ``scale``
    ('20 M$' / '$20M')."""
    from matplotlib.ticker import FuncFormatter

    _check_lang(lang)
    if kind == "number":
        def fmt(x, pos=None):
            return _decimal(x, lang, decimals or 0, 2 if decimals is None else decimals)
    elif kind == "percent":
        def fmt(x, pos=None):
            return percent(x, lang, decimals or 0)
    elif kind == "money":
        def fmt(x, pos=None):
            return money(x, lang, scale, decimals)
    else:
        raise ValueError(f"kind must be 'number', 'percent' or 'money', got {kind!r}")
    return FuncFormatter(fmt)


# ----------------------------------------------------------------------------- typography
_FR_FUNCTION_WORDS = {"et", "ou", "à", "au", "aux", "de", "des", "du", "d", "en", "le", "la", "les", "l", "sur",
                      "par", "pour", "dans", "sous", "entre", "avec", "sans", "que", "qui", "contre", "vers"}
_RANGE = re.compile(r"(?<![\w/.,\-\u2013])(\d+)[ \u00a0\u202f]?-[ \u00a0\u202f]?(\d+)(?![\w/\-])")
_MON = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_DATE_RANGE = re.compile(rf"(?<=\b\d{{4}})-(?=[^\W\d_]{{3}})|(?<=[^\W\d_]\.)-(?=[^\W\d_]{{3}})|(?<=\b{_MON})-(?={_MON}\b)")
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_DOUBLE_QUOTES = re.compile(r'"([^"\n]*)"')
_OPEN_GUILLEMET = re.compile(r"«[ \u00a0\u202f]*")
_CLOSE_GUILLEMET = re.compile(r"[ \u00a0\u202f]*»")
_HIGH_PUNCT = re.compile(r"(?<=[^\s«])[ \u00a0\u202f]*([;:!?])(?=[\s)»]|$)")
_THOUSANDS = re.compile(r"(?<![\d,.\u202f])\d{1,3}(?:[ \u00a0]\d{3})+(?!\d)")
_SLASH_UNIT = re.compile(r"(\d)[ \u00a0]/[ \u00a0](?=[^\W\d_])")
_NUMBER_WORD = re.compile(r"(\d)[ \u00a0](?=([^\W\d_]+|%|\$|€|M\$|k\$|Md\$))")
_ABBR_NUMBER = re.compile(r"\b(par\.|p\.|n°|note|notes|ligne|lignes|annexe|section)[ ](?=\d)")


def _glue_number_word(match):
    word = match.group(2)
    return match.group(0) if word.lower() in _FR_FUNCTION_WORDS else match.group(1) + NBSP


def typeset(text, lang):
    """``text`` with the typography of ``lang``; idempotent.

    Both languages: en dash in ranges of numbers and months (2017–2019, 23–24,
    Jan 2014–Jun 2017, juil.–déc. 2017). English also: typographic apostrophes and quotes (Mali’s, ‘not
    stated’, “verified”; :func:`mali_caac.typeset.curly_quotes`). French also:
    typographic apostrophe (l’ONU), « » for straight double quotes with narrow no-break
    spaces inside, a narrow no-break space before : ; ? !, narrow no-break spaces between
    groups of thousands, and a no-break space where a line must not break: between a
    number and the unit or noun after it ('33 mois', '24 / mois', '12 %') and after
    'par.', 'note', 'annexe' ... before a number."""
    _check_lang(lang)
    text = _RANGE.sub("\\1\u2013\\2", str(text))
    text = _DATE_RANGE.sub("\u2013", text)
    if lang != "fr":
        from .typeset import curly_quotes

        return curly_quotes(text)
    text = _APOSTROPHE.sub("\u2019", text)
    text = _DOUBLE_QUOTES.sub("«\\1»", text)
    text = _OPEN_GUILLEMET.sub("«" + NNBSP, text)
    text = _CLOSE_GUILLEMET.sub(NNBSP + "»", text)
    text = _HIGH_PUNCT.sub(NNBSP + "\\1", text)
    text = _THOUSANDS.sub(lambda m: re.sub(r"[ \u00a0]", NNBSP, m.group(0)), text)
    text = _SLASH_UNIT.sub("\\1" + NBSP + "/" + NBSP, text)
    text = _NUMBER_WORD.sub(_glue_number_word, text)
    return _ABBR_NUMBER.sub("\\1" + NBSP, text)
