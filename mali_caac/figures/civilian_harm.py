"""Figures of civilian harm, 2020-2022 (the factsheet)."""
from .texts import describe
from .captions import bind, days, row


# ----------------------------------------------------------------------------- civilian harm 2021-2022
describe("moura_claims", "civilian_harm",
        "Moura, March 2022: how many were killed, according to whom",
        "Moura, mars 2022 : combien de morts, selon qui",
        "Each point is one party's count or estimate of the people killed in Moura (Mopti Region), {dates_moura}, as the factsheet reports it. "
        "The counts disagree and are shown side by side, never merged: the Malian Ministry of Defence claimed {ministry} dead, all 'terrorists'; "
        "Human Rights Watch estimated some {hrw} civilian men summarily executed; witnesses estimated {witnesses} men killed, half of them suspected combatants; "
        "another section of the factsheet gives the claim of {group} dead, all 'jihadist militants', to 'the group' (FAMa and Wagner).",
        "Chaque point est le décompte ou l'estimation, par une partie, des personnes tuées à Moura (région de Mopti), {dates_moura}, tel que la fiche le rapporte. "
        "Les décomptes divergent et sont montrés côte à côte, jamais fusionnés : le ministère malien de la Défense a annoncé {ministry} morts, tous « terroristes » ; "
        "Human Rights Watch estime à environ {hrw} les civils exécutés sommairement ; des témoins estiment à {witnesses} les hommes tués, dont la moitié de combattants présumés ; "
        "une autre section de la fiche prête l'annonce de {group} morts, tous « militants djihadistes », au « groupe » (FAMa et Wagner).")
bind("moura_claims", dates_moura=days("ch-012"), ministry=row("ch-012"), hrw=row("ch-014"), witnesses=row("ch-015"), group=row("ch-042"))


MONITORS = ["ACLED", "MINUSMA", "Human Rights Watch", "an unnamed 2021 report", "an unnamed 2022 report", "the factsheet"]
"""Who reported the counts of civilian_harm_reports, in the order of their panels."""


def harm_period(row, lang):
    """The period a count of civilian_harm covers, from its months in the data (Babel), or in the
    source's own words where the months cannot say it ('mid-April', 'three months')."""
    from ..i18n import TEXT, date_label, period_span, t

    key = f"harm_period.{row['row_id']}"
    if key in TEXT:
        return t(key, lang)
    start, end = row["period_start"], row["period_end"]
    if not isinstance(start, str) or not start:
        return t("harm_period.none", lang)
    if not isinstance(end, str) or not end:
        return f"{t('word.since', lang)} {date_label(start, lang)}"
    import calendar

    y, m = (int(x) for x in end.split("-"))
    return period_span(f"{start}-01", f"{end}-{calendar.monthrange(y, m)[1]}", lang)


describe("civilian_harm_reports", "civilian_harm",
        "Civilians killed and disappeared in Mali, by monitor, as the {factsheet_year} factsheet cites them",
        "Civils tués et disparus au Mali, par observateur, tels que la fiche de {factsheet_year} les cite",
        "Counts the factsheet reports from different monitors, one panel per monitor, each row with its own period and unit (persons or cases): "
        "they overlap, must not be added up and are not ranked against each other. Allegations are labelled as the factsheet words them ('allegedly'), "
        "and 'at least' marks a minimum. Most are attributed to the Malian armed forces, some also to armed groups.",
        "Nombres que la fiche rapporte de différents observateurs, un panneau par observateur, chaque ligne avec sa période et son unité (personnes ou cas) : "
        "ils se recoupent, ne doivent pas être additionnés et ne sont pas classés les uns par rapport aux autres. Les allégations sont signalées comme dans la fiche (« auraient été »), "
        "et « au moins » marque un minimum. La plupart sont attribués aux forces armées maliennes, certains aussi à des groupes armés.")
