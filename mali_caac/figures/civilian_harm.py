"""Figures of civilian harm, 2020-2022 (the factsheet)."""
from .. import style
from ..loader import load
from ._core import _dot_table, _finish, _fit, _new, _prov, _qual, figure


# ----------------------------------------------------------------------------- civilian harm 2021-2022
@figure("moura_claims", "civilian_harm",
        "Moura, March 2022: how many were killed, according to whom",
        "Moura, mars 2022 : combien de morts, selon qui",
        "Each point is one party's count or estimate of the people killed in Moura (Mopti Region), 27-31 March 2022, as the factsheet reports it. "
        "The counts disagree and are shown side by side, never merged: the Malian Ministry of Defence claimed 203 dead, all 'terrorists'; "
        "Human Rights Watch estimated some 300 civilian men summarily executed; witnesses estimated 600 men killed, half of them suspected combatants.",
        "Chaque point est le décompte ou l'estimation, par une partie, des personnes tuées à Moura (région de Mopti) du 27 au 31 mars 2022, tel que la fiche le rapporte. "
        "Les décomptes divergent et sont montrés côte à côte, jamais fusionnés : le ministère malien de la Défense a annoncé 203 morts, tous « terroristes » ; "
        "Human Rights Watch estime à environ 300 les civils exécutés sommairement ; des témoins estiment à 600 les hommes tués, dont la moitié de combattants présumés.")
def _moura(ctx):
    ch = load("civilian_harm")
    keep = ch[(ch.event == "moura_2022") & ch.restates.isna() & (ch.unit == "persons")
              & ch.measure.isin(["persons_killed", "men_summarily_executed", "men_killed", "civilians_killed"])]
    fig, ax = _new(ctx, 0.4)
    y = list(range(len(keep)))
    ax.hlines(y, 0, keep["value"], color=style.NEUTRAL, lw=1)
    ax.scatter(keep["value"], y, color=[style.NEUTRAL] * len(keep), s=70, zorder=3)
    for yy, v, q in zip(y, keep["value"], keep["qualifier"].astype(str)):
        ax.annotate(_qual(ctx, q) + ctx.n(v), (v, yy), xytext=(8, 0), textcoords="offset points", va="center", fontsize=ctx.small)
    for c, v, q, i in zip(keep["reported_by"], keep["value"], keep["qualifier"].astype(str), keep["row_id"]):
        ctx.mark(ax, ctx.t(f"claimant.{c}"), v, i, "point", qualifier=_qual(ctx, q), label=_qual(ctx, q) + ctx.n(v))
    ax.set_yticks(y, [_fit(ctx, ctx.t(f"claimant.{c}"), ctx.sz.width * 0.36) for c in keep["reported_by"]])
    ax.invert_yaxis()
    ax.set_xlim(0, keep["value"].max() * 1.35)
    ax.set_xlabel(ctx.t("axis.deaths_claimed"))
    ax.tick_params(axis="y", labelsize=ctx.small)
    rows = _prov(keep, "civilian_harm")
    _finish(fig, ctx, "moura_claims", rows)
    return fig, rows, [float(v) for v in keep["value"]]


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


@figure("civilian_harm_reports", "civilian_harm",
        "Civilians killed and disappeared in Mali, by monitor, as the {factsheet_year} factsheet cites them",
        "Civils tués et disparus au Mali, par observateur, tels que la fiche de {factsheet_year} les cite",
        "Counts the factsheet reports from different monitors, one panel per monitor, each row with its own period and unit (persons or cases): "
        "they overlap, must not be added up and are not ranked against each other. Allegations are labelled as the factsheet words them ('allegedly'), "
        "and 'at least' marks a minimum. Most are attributed to the Malian armed forces, some also to armed groups.",
        "Nombres que la fiche rapporte de différents observateurs, un panneau par observateur, chaque ligne avec sa période et son unité (personnes ou cas) : "
        "ils se recoupent, ne doivent pas être additionnés et ne sont pas classés les uns par rapport aux autres. Les allégations sont signalées comme dans la fiche (« auraient été »), "
        "et « au moins » marque un minimum. La plupart sont attribués aux forces armées maliennes, certains aussi à des groupes armés.")
def _harm(ctx):
    import pandas as pd

    ch = load("civilian_harm")
    ids = ["ch-011", "ch-017", "ch-022", "ch-032", "ch-018", "ch-033", "ch-035", "ch-007"]
    keep = ch.set_index("row_id").loc[ids].reset_index()
    unknown = sorted(set(keep["reported_by"].astype(str)) - set(MONITORS))
    if unknown:
        raise ValueError(f"civilian_harm_reports: no panel for the monitor(s) {unknown}; add them to MONITORS")
    groups, frames = [], []
    for monitor in MONITORS:
        grp = keep[keep["reported_by"].astype(str) == monitor]
        if not len(grp):
            continue
        rows = []
        for r in grp.to_dict("records"):
            what = f"{ctx.t('harm.' + r['row_id'])} · {harm_period(r, ctx.lang)} · {ctx.t('unit.' + r['unit'])}"
            rows.append((what, r["value"], _qual(ctx, r["qualifier"]) + ctx.n(r["value"]), r["row_id"]))
        groups.append((ctx.t(f"monitor.{monitor}"), rows))
        frames.append(grp)
    fig, drawn = _dot_table(ctx, groups, style.NEUTRAL, ctx.t("axis.reported_people_or_cases"))
    rows = _prov(pd.concat(frames), "civilian_harm")
    _finish(fig, ctx, "civilian_harm_reports", rows)
    return fig, rows, drawn
