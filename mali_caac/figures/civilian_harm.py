"""Figures of civilian harm, 2020-2022 (the factsheet)."""
from .. import style
from ..loader import load
from ._core import _finish, _hbar_rows, _new, _prov, _qual, _fit, figure


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


@figure("civilian_harm_reports", "civilian_harm",
        "Civilian harm in Mali, 2020-2022: counts reported by different monitors",
        "Atteintes aux civils au Mali, 2020-2022 : nombres rapportés par différents observateurs",
        "Counts the factsheet reports from different monitors, each for its own period and definition: they overlap and must not be added up. "
        "The label of each bar names who reported it, what it counts (people or cases) and when; most are attributed to the Malian armed forces, some also to armed groups.",
        "Nombres que la fiche rapporte de différents observateurs, chacun pour sa période et sa définition : ils se recoupent et ne doivent pas être additionnés. "
        "L'étiquette de chaque barre indique qui l'a rapporté, ce qui est compté (personnes ou cas) et quand ; la plupart sont attribués aux forces armées maliennes, certains aussi à des groupes armés.")
def _harm(ctx):
    ch = load("civilian_harm")
    ids = ["ch-011", "ch-017", "ch-035", "ch-033", "ch-022", "ch-032", "ch-018", "ch-007"]
    keep = ch.set_index("row_id").loc[ids].reset_index()
    labels = [ctx.t(f"harm.{i}") for i in keep["row_id"]]
    return _hbar_rows(ctx, "civilian_harm_reports", keep, labels, style.NEUTRAL, "axis.reported",
                      "civilian_harm", ratio=0.6, ytick=ctx.small)


